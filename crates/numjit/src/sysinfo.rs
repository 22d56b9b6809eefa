//! [`SystemInfo`]: what `numjit sysinfo` prints, like `numba -s` — the host CPU as LLVM
//! sees it, the LLVM version, the thread count, and whether a vector math library
//! (glibc's libmvec) is installed.

use std::fmt;
use std::path::{Path, PathBuf};

/// Facts about this machine and build that affect compiled code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemInfo {
    /// numjit's version.
    pub numjit_version: &'static str,
    /// The LLVM version numjit generates code with.
    pub llvm_version: String,
    /// The target triple.
    pub triple: String,
    /// LLVM's name for the host CPU (`znver4`, `sapphirerapids`).
    pub cpu_name: String,
    /// The CPU features LLVM enables for it (`avx2`, `fma`, ...), sorted.
    pub cpu_features: Vec<String>,
    /// Hardware threads available to this process.
    pub threads: usize,
    /// Where glibc's vector math library `libmvec.so.1` is, if installed.
    pub libmvec: Option<PathBuf>,
}

impl SystemInfo {
    /// Collects the information; an error when LLVM cannot describe the host.
    pub fn collect() -> Result<SystemInfo, String> {
        let host = numjit_llvm::host_target().map_err(|error| error.to_string())?;
        Ok(SystemInfo {
            numjit_version: env!("CARGO_PKG_VERSION"),
            llvm_version: numjit_llvm::llvm_version(),
            triple: host.triple.clone(),
            cpu_name: host.cpu.clone(),
            cpu_features: host.enabled_features().into_iter().map(str::to_owned).collect(),
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            libmvec: find_libmvec(),
        })
    }
}

/// Looks for `libmvec.so.1` where the dynamic loader looks for glibc's libraries.
fn find_libmvec() -> Option<PathBuf> {
    let multiarch = format!("{}-linux-gnu", std::env::consts::ARCH);
    let dirs = [
        format!("/lib/{multiarch}"),
        format!("/usr/lib/{multiarch}"),
        "/lib64".to_owned(),
        "/usr/lib64".to_owned(),
        "/lib".to_owned(),
        "/usr/lib".to_owned(),
    ];
    dirs.iter().map(|dir| Path::new(dir).join("libmvec.so.1")).find(|path| path.exists())
}

impl fmt::Display for SystemInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "System info:")?;
        writeln!(f, "{:<32}: {}", "numjit version", self.numjit_version)?;
        writeln!(f, "{:<32}: {}", "LLVM version", self.llvm_version)?;
        writeln!(f, "{:<32}: {}", "Target triple", self.triple)?;
        writeln!(f, "{:<32}: {}", "CPU name", self.cpu_name)?;
        writeln!(f, "{:<32}: {}", "CPU count (threads)", self.threads)?;
        writeln!(f, "{:<32}: {}", "CPU features", self.cpu_features.join(" "))?;
        let libmvec = match &self.libmvec {
            Some(path) => format!("found ({}); not yet used by codegen", path.display()),
            None => "not found".to_owned(),
        };
        writeln!(f, "{:<32}: {libmvec}", "Vector math library (libmvec)")?;
        write!(f, "{:<32}: serial (prange runs serially for now)", "Parallel backend")
    }
}
