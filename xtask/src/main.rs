//! Project automation, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! - `test-suite`: everything CI checks — formatting, clippy with `-D warnings`, `tidy`, all
//!   tests (nextest when installed, then doctests).
//! - `tidy`: the architecture invariants of docs/ARCHITECTURE.md, checked mechanically.
//! - `demo`: the main job; today it parses the seed tutorial's examples and shows a diagnostic.
//! - `bench`: criterion benchmarks (warm process) and first-compile latency in fresh
//!   processes (`bench fresh`).
//!
//! Each command checks its prerequisites first and either installs them (rustup components)
//! or stops with the exact command to run.

mod bench;
mod demo;
mod prerequisites;
mod python;
mod test_suite;
mod tidy;

use std::path::{Path, PathBuf};

use anyhow::bail;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test-suite   run everything CI runs (fmt, clippy -D warnings, tidy, tests)
  tidy         check the architecture invariants (crate layers, confined dependencies, file docs)
  demo         run the main demo
  bench        run the criterion benchmarks, then `bench fresh` (other arguments go to `cargo bench`)
  bench fresh [--runs N]
               first-compile latency of a 30-line function in fresh `numjit run` processes
";

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let root = project_root();
    let sh = xshell::Shell::new()?;
    sh.change_dir(&root);
    match command.as_str() {
        "test-suite" => test_suite::run(&sh, &root),
        "tidy" => tidy::run(&sh, &root),
        "demo" => demo::run(&sh, &root),
        "bench" => bench::run(&sh, &root, &rest),
        "" | "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// The workspace root: xtask's manifest lives in `<root>/xtask`.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Prints a step header so CI logs show where time goes.
fn step(name: &str) {
    eprintln!("\n==> {name}");
}
