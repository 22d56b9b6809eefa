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

/// NumPy 2 for `python3` (tests/run/check_reference.py checks the arrays corpus against it).
pub fn ensure_numpy(sh: &Shell) -> anyhow::Result<()> {
    let probe = "import numpy, sys; sys.exit(int(numpy.__version__.split('.')[0]) < 2)";
    if cmd!(sh, "python3 -c {probe}").quiet().ignore_stdout().ignore_stderr().run().is_err() {
        bail!(
            "NumPy 2 is missing for python3; install it with: python3 -m pip install --upgrade numpy\n\
             (tests/run/check_reference.py checks the arrays corpus against NumPy)"
        );
    }
    Ok(())
}

/// Whether `cargo nextest` is installed (the test suite falls back to `cargo test`).
pub fn has_nextest(sh: &Shell) -> bool {
    cmd!(sh, "cargo nextest --version").quiet().ignore_stdout().ignore_stderr().run().is_ok()
}

/// The Debian packages that provide LLVM 22 for inkwell.
const LLVM_PACKAGES: &str = "llvm-22-dev libpolly-22-dev zlib1g-dev libzstd-dev";

/// LLVM 22's development files (for numjit_llvm). Installed with apt-get when running as
/// root on Debian; otherwise the exact command is printed.
pub fn ensure_llvm(sh: &Shell) -> anyhow::Result<()> {
    let prefix = std::env::var("LLVM_SYS_221_PREFIX").unwrap_or_else(|_| "/usr/lib/llvm-22".to_owned());
    let llvm_config = std::path::Path::new(&prefix).join("bin/llvm-config");
    if llvm_config.exists() {
        return Ok(());
    }
    let install = format!("apt-get update && apt-get install -y {LLVM_PACKAGES}");
    let is_root = cmd!(sh, "id -u").quiet().read().is_ok_and(|uid| uid.trim() == "0");
    let has_apt = cmd!(sh, "apt-get --version").quiet().ignore_stdout().ignore_stderr().run().is_ok();
    if is_root && has_apt {
        eprintln!("LLVM 22 not found at {prefix}; installing: {install}");
        cmd!(sh, "apt-get update").run()?;
        let packages: Vec<&str> = LLVM_PACKAGES.split_whitespace().collect();
        cmd!(sh, "apt-get install -y {packages...}").run()?;
        if llvm_config.exists() {
            return Ok(());
        }
    }
    bail!("LLVM 22 is missing (no {}); install it with:\n    {install}", llvm_config.display())
}
