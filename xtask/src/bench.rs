//! `cargo xtask bench`: the criterion benchmarks of `benches/` (warm process), then the
//! fresh-process benchmark; `cargo xtask bench fresh [--runs N]` runs only the latter, and
//! any other arguments go to `cargo bench -p numjit_benches`.
//!
//! The fresh-process benchmark measures what a user of the command line waits for: it builds
//! the release `numjit` binary, then runs `numjit run --timings` on the 30-line function of
//! `benches/sources/compile_30_lines.py` N times, each in a new process, and prints the
//! median (and range) of every stage of that process's first — hence cold — compile, of the
//! whole command's wall time, and of `numjit --version` (process start and exit alone:
//! loading libLLVM, the Rust runtime). Runs of the two commands alternate, so both see the
//! same machine load.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail};
use xshell::{Shell, cmd};

/// The function compiled, and its arguments (n = 1000, x = 0.5).
const TARGET: &str = "benches/sources/compile_30_lines.py::f";
const ARGS: [&str; 2] = ["1000", "0.5"];
const DEFAULT_RUNS: usize = 30;

pub fn run(sh: &Shell, root: &Path, args: &[String]) -> anyhow::Result<()> {
    match args.first().map(String::as_str) {
        Some("fresh") => fresh(sh, root, &args[1..]),
        Some(_) => {
            cmd!(sh, "cargo bench -p numjit_benches {args...}").run()?;
            Ok(())
        }
        None => {
            cmd!(sh, "cargo bench -p numjit_benches").run()?;
            fresh(sh, root, &[])
        }
    }
}

fn fresh(sh: &Shell, root: &Path, args: &[String]) -> anyhow::Result<()> {
    let runs = match args {
        [] => DEFAULT_RUNS,
        [flag, n] if flag == "--runs" => n.parse().with_context(|| format!("--runs {n}"))?,
        _ => bail!("usage: cargo xtask bench fresh [--runs N]"),
    };
    if runs == 0 {
        bail!("--runs must be at least 1");
    }
    crate::step("cargo build --release -p numjit_cli");
    cmd!(sh, "cargo build --release --locked -p numjit_cli").run()?;
    // Cargo ran in `root`, so a relative CARGO_TARGET_DIR is relative to it.
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), |dir| root.join(PathBuf::from(dir)));
    let binary = target_dir.join("release").join("numjit");

    crate::step(&format!("fresh processes: `numjit run --timings {TARGET} {}`, {runs} runs", ARGS.join(" ")));
    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    let mut run_walls = Vec::with_capacity(runs);
    let mut version_walls = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let output = Command::new(&binary).arg("--version").current_dir(root).output()?;
        version_walls.push(started.elapsed().as_secs_f64() * 1000.0);
        if !output.status.success() {
            bail!("numjit --version failed: {}", String::from_utf8_lossy(&output.stderr));
        }

        let started = Instant::now();
        let output =
            Command::new(&binary).args(["run", "--timings", TARGET]).args(ARGS).current_dir(root).output()?;
        run_walls.push(started.elapsed().as_secs_f64() * 1000.0);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            bail!("numjit run failed ({}):\n{stderr}", output.status);
        }
        for (name, ms) in parse_timings(&stderr)? {
            match rows.iter_mut().find(|(row, _)| *row == name) {
                Some((_, values)) => values.push(ms),
                None => rows.push((name, vec![ms])),
            }
        }
    }
    rows.push(("process wall (numjit run)".to_owned(), run_walls));
    rows.push(("process wall (numjit --version)".to_owned(), version_walls));

    println!("\n{:<32} {:>10} {:>10} {:>10}", "fresh process, 30-line function", "median ms", "min", "max");
    for (name, values) in &mut rows {
        values.sort_by(f64::total_cmp);
        let (min, max) = (values[0], values[values.len() - 1]);
        println!("{name:<32} {:>10.3} {min:>10.3} {max:>10.3}", median(values));
    }
    Ok(())
}

/// The `  name  milliseconds` rows of `numjit run --timings`'s report.
fn parse_timings(stderr: &str) -> anyhow::Result<Vec<(String, f64)>> {
    let Some((_, report)) = stderr.split_once("timings (ms):\n") else {
        bail!("no timings in the output of numjit run:\n{stderr}");
    };
    let mut rows = Vec::new();
    for line in report.lines().take_while(|line| line.starts_with("  ")) {
        let mut fields = line.split_whitespace();
        let (Some(name), Some(value), None) = (fields.next(), fields.next(), fields.next()) else {
            bail!("unexpected timings line `{line}`");
        };
        rows.push((name.to_owned(), value.parse().with_context(|| format!("timings line `{line}`"))?));
    }
    Ok(rows)
}

/// The median of sorted values.
fn median(sorted: &[f64]) -> f64 {
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 { sorted[mid] } else { (sorted[mid - 1] + sorted[mid]) / 2.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_timings_report() {
        let stderr = "warning: x\ntimings (ms):\n  parse           0.250\n  jit             7.125\nlater\n";
        let rows = parse_timings(stderr).expect("parses");
        assert_eq!(rows, [("parse".to_owned(), 0.25), ("jit".to_owned(), 7.125)]);
        assert!(parse_timings("no report").is_err());
        assert!(parse_timings("timings (ms):\n  parse zero\n").is_err());
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
    }
}
