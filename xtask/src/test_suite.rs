//! `cargo xtask test-suite`: the one command CI runs. Every step must pass.

use std::path::Path;

use xshell::{Shell, cmd};

use crate::{prerequisites, python, step, tidy};

pub fn run(sh: &Shell, root: &Path) -> anyhow::Result<()> {
    prerequisites::ensure_rust_components(sh)?;
    prerequisites::ensure_python(sh)?;
    prerequisites::ensure_numpy(sh)?;
    prerequisites::ensure_llvm(sh)?;

    step("cargo fmt --check");
    cmd!(sh, "cargo fmt --all -- --check").run()?;

    step("cargo clippy -D warnings");
    cmd!(sh, "cargo clippy --workspace --all-targets --locked -- -D warnings").run()?;

    step("cargo xtask tidy");
    tidy::run(sh, root)?;

    step("execution corpus against CPython and NumPy (tests/run/check_reference.py)");
    // The corpus's expected values must be what CPython computes (Numba-specific lines are
    // marked and checked against Numba by hand with `--numba`); the Rust runner then holds
    // numjit to them.
    cmd!(sh, "python3 tests/run/check_reference.py").run()?;

    step("tests");
    if prerequisites::has_nextest(sh) {
        cmd!(sh, "cargo nextest run --workspace --all-targets --locked --no-fail-fast").run()?;
        step("doctests");
        cmd!(sh, "cargo test --workspace --doc --locked").run()?;
    } else {
        eprintln!("cargo-nextest not found (cargo install cargo-nextest); using cargo test");
        cmd!(sh, "cargo test --workspace --all-targets --locked --no-fail-fast").run()?;
        cmd!(sh, "cargo test --workspace --doc --locked").run()?;
    }

    step("Python package: maturin develop, pytest (python/tests), conformance corpus");
    let venv_python = python::build_package(sh, root, false)?;
    python::run_pytest(sh, root, &venv_python)?;
    python::run_conformance(sh, root, &venv_python)?;

    eprintln!("\ntest-suite: all steps passed");
    Ok(())
}
