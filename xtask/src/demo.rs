//! `cargo xtask demo`: the main job, end to end.
//!
//! 1. Parses the seed tutorial's code examples (crates/numjit_parser/test_data/ok/seed_*.py)
//!    and prints an outline of each.
//! 2. Parses a kernel with a syntax error and shows the rendered diagnostic.
//! 3. Compiles and runs the tutorial's loop (scalar form, examples/tutorial_scalar.py) with
//!    `numjit run`, runs the same function under CPython, checks the results are equal and
//!    prints both times.
//! 4. Builds the Python package (release) into `target/python-venv` and runs
//!    examples/tutorial.py: the seed's one-minute example and its correct-reduction examples
//!    with plain Python, NumPy, numjit and Numba (when installed), results checked equal.

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

    step("the tutorial's loop, compiled by numjit and run by CPython (examples/tutorial_scalar.py)");
    let example = root.join("examples/tutorial_scalar.py");
    let reference = root.join("examples/run_with_cpython.py");
    for (function, argument) in [("numba_loop", "10000000"), ("collatz_steps", "837799")] {
        let target = format!("{}::{function}", example.display());
        let started = std::time::Instant::now();
        let compiled = cmd!(sh, "{numjit} run {target} {argument}").read()?;
        let numjit_time = started.elapsed();
        let started = std::time::Instant::now();
        let expected =
            cmd!(sh, "python3 {reference} {example} {function} {argument}").ignore_stderr().read()?;
        let cpython_time = started.elapsed();
        println!(
            "{function}({argument}) = {compiled}\n  numjit (compile + run, whole process): {:.3} s\n  CPython: {:.3} s",
            numjit_time.as_secs_f64(),
            cpython_time.as_secs_f64()
        );
        if compiled.trim() != expected.trim() {
            bail!("numjit gave {compiled}, CPython {expected}");
        }
        println!("  results equal");
    }

    step("the seed tutorial through the Python package (examples/tutorial.py)");
    let python = crate::python::build_package(sh, root, true)?;
    let tutorial = root.join("examples/tutorial.py");
    cmd!(sh, "{python} {tutorial}").run().context("examples/tutorial.py reported different results")?;

    eprintln!("\ndemo: done");
    Ok(())
}
