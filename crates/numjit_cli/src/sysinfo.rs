//! `numjit sysinfo`: the host CPU and its features as LLVM sees them, the LLVM version,
//! the thread count and the vector math library, like `numba -s`.

use std::process::ExitCode;

/// Arguments of `numjit sysinfo` (none).
#[derive(Debug, clap::Args)]
pub struct SysinfoArgs {}

pub fn run(_args: &SysinfoArgs) -> anyhow::Result<ExitCode> {
    let info = numjit::SystemInfo::collect().map_err(anyhow::Error::msg)?;
    println!("{info}");
    Ok(ExitCode::SUCCESS)
}
