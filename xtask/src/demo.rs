//! `cargo xtask demo`: the main job, end to end.
//!
//! Today numjit's frontend is what exists, so the demo parses the seed tutorial's code
//! examples (crates/numjit_parser/test_data/ok/seed_*.py), prints an outline of each, then
//! parses a kernel with a syntax error and shows the rendered diagnostic. Later issues turn
//! this into compiling and running the tutorial's kernels.

use std::path::Path;

use anyhow::{Context, bail};
use xshell::{Shell, cmd};

use crate::step;

pub fn run(sh: &Shell, root: &Path) -> anyhow::Result<()> {
    crate::prerequisites::ensure_llvm(sh)?;
    step("building the numjit CLI");
    cmd!(sh, "cargo build --release --locked -p numjit_cli").run()?;
    let numjit = root.join("target/release/numjit");

    let corpus = root.join("crates/numjit_parser/test_data/ok");
    let mut seed_files: Vec<_> = std::fs::read_dir(&corpus)
        .with_context(|| format!("listing {}", corpus.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("seed_") && name.ends_with(".py"))
        })
        .collect();
    seed_files.sort();
    if seed_files.is_empty() {
        bail!("no seed examples found in {}", corpus.display());
    }

    step("parsing the seed tutorial's examples");
    cmd!(sh, "{numjit} parse --summary {seed_files...}").run()?;

    step("a kernel with a syntax error (examples/broken_kernel.py)");
    let broken = root.join("examples/broken_kernel.py");
    let output = cmd!(sh, "{numjit} parse --color never {broken}").ignore_status().output()?;
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    print!("{}", String::from_utf8_lossy(&output.stdout));
    if output.status.code() != Some(1) {
        bail!(
            "expected `numjit parse` to fail with exit status 1 on the broken kernel, got {:?}",
            output.status
        );
    }
    eprintln!("\ndemo: done (exit status 1 for the broken file, as expected)");
    Ok(())
}
