//! Checks for the tools the other commands need, installing what can be installed without
//! root (rustup components) and naming the exact command for the rest.

use anyhow::bail;
use xshell::{Shell, cmd};

/// `rustfmt` and `clippy`, added through rustup when missing.
pub fn ensure_rust_components(sh: &Shell) -> anyhow::Result<()> {
    for (component, probe) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if cmd!(sh, "cargo {probe} --version").quiet().ignore_stdout().ignore_stderr().run().is_err() {
            eprintln!("installing the {component} component: rustup component add {component}");
            if cmd!(sh, "rustup component add {component}").run().is_err() {
                bail!("`cargo {probe}` is missing; install it with: rustup component add {component}");
            }
        }
    }
    Ok(())
}

/// CPython 3 on PATH as `python3` (the parser tests compare against CPython's `ast`).
pub fn ensure_python(sh: &Shell) -> anyhow::Result<()> {
    if cmd!(sh, "python3 -c 'import ast, sysconfig'").quiet().ignore_stdout().ignore_stderr().run().is_err() {
        bail!(
            "python3 is missing; install it with: apt-get update && apt-get install -y python3\n\
             (the parser tests compare numjit's AST with CPython's)"
        );
    }
    Ok(())
}

/// Whether `cargo nextest` is installed (the test suite falls back to `cargo test`).
pub fn has_nextest(sh: &Shell) -> bool {
    cmd!(sh, "cargo nextest --version").quiet().ignore_stdout().ignore_stderr().run().is_ok()
}
