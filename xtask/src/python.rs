//! The Python package: a virtual environment under `target/`, the extension built into it
//! with maturin, pytest, and the shared conformance corpus.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use xshell::{Shell, cmd};

/// The virtual environment the package is built into (`--system-site-packages`, so NumPy,
/// pytest, maturin and Numba installed for the system Python are visible).
pub fn venv_dir(root: &Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    target.join("python-venv")
}

/// The venv's `python`.
pub fn venv_python(root: &Path) -> PathBuf {
    venv_dir(root).join("bin/python")
}

/// Creates the venv when missing and checks that maturin, pytest and NumPy can be
/// imported, naming the pip command when one is missing.
pub fn ensure_venv(sh: &Shell, root: &Path) -> anyhow::Result<PathBuf> {
    let venv = venv_dir(root);
    let python = venv_python(root);
    if !python.exists() {
        eprintln!("creating {}", venv.display());
        cmd!(sh, "python3 -m venv --system-site-packages {venv}").run()?;
    }
    for (module, package) in [("maturin", "maturin"), ("pytest", "pytest"), ("numpy", "numpy")] {
        let probe = format!("import {module}");
        if cmd!(sh, "{python} -c {probe}").quiet().ignore_stdout().ignore_stderr().run().is_err() {
            eprintln!("installing {package} into {}", venv.display());
            if cmd!(sh, "{python} -m pip install --quiet {package}").run().is_err() {
                bail!("{package} is missing; install it with: python3 -m pip install {package}");
            }
        }
    }
    Ok(python)
}

/// Builds `numjit._core` (debug profile, the workspace's target directory) and installs the
/// package into the venv in editable mode.
pub fn build_package(sh: &Shell, root: &Path, release: bool) -> anyhow::Result<PathBuf> {
    let python = ensure_venv(sh, root)?;
    let _dir = sh.push_dir(root);
    let _venv = sh.push_env("VIRTUAL_ENV", venv_dir(root));
    let profile: &[&str] = if release { &["--release"] } else { &[] };
    // The `maturin` command (on PATH, from `pip install maturin`) builds into the venv that
    // VIRTUAL_ENV names; `python -m maturin` needs the script beside that Python, which a
    // venv with system site-packages does not have.
    let maturin = if cmd!(sh, "maturin --version").quiet().ignore_stdout().ignore_stderr().run().is_ok() {
        "maturin".to_owned()
    } else {
        let scripts =
            cmd!(sh, "python3 -c 'import sysconfig; print(sysconfig.get_path(\"scripts\"))'").read()?;
        format!("{}/maturin", scripts.trim())
    };
    cmd!(sh, "{maturin} develop --quiet {profile...}")
        .run()
        .context("building the Python package with maturin")?;
    Ok(python)
}

/// pytest over `python/tests`.
pub fn run_pytest(sh: &Shell, root: &Path, python: &Path) -> anyhow::Result<()> {
    let _dir = sh.push_dir(root);
    cmd!(sh, "{python} -m pytest -q python/tests").run()?;
    Ok(())
}

/// The shared conformance corpus (`../shared/conformance`, present in the development
/// checkout): its agreement count must not fall below `tests/conformance_baseline.txt`.
pub fn run_conformance(sh: &Shell, root: &Path, python: &Path) -> anyhow::Result<()> {
    let runner = root.join("../shared/conformance/run.py");
    if !runner.exists() {
        eprintln!("conformance: {} not found; skipped (it lives beside the checkout)", runner.display());
        return Ok(());
    }
    let _dir = sh.push_dir(root);
    let output = cmd!(sh, "{python} {runner} --jit numjit").ignore_status().read()?;
    let last = output.lines().rev().find(|line| line.starts_with("conformance:")).unwrap_or_default();
    eprintln!(
        "{}",
        output
            .lines()
            .filter(|line| line.contains(": ") && line.contains('/'))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let agreed = last
        .split_whitespace()
        .nth(1)
        .and_then(|fraction| fraction.split('/').next())
        .and_then(|count| count.parse::<u32>().ok())
        .with_context(|| format!("conformance runner gave no summary line:\n{output}"))?;
    let baseline_file = root.join("tests/conformance_baseline.txt");
    let baseline = std::fs::read_to_string(&baseline_file)
        .ok()
        .and_then(|text| text.lines().find(|line| !line.starts_with('#'))?.trim().parse::<u32>().ok())
        .unwrap_or(0);
    if agreed < baseline {
        bail!(
            "conformance fell to {agreed} agreeing cases, below the baseline {baseline} ({})",
            baseline_file.display()
        );
    }
    if agreed > baseline {
        eprintln!("conformance rose to {agreed} (baseline {baseline}): raise tests/conformance_baseline.txt");
    }
    Ok(())
}
