//! The host target: LLVM initialisation (once per process), CPU name and features (for
//! `numjit sysinfo` and the cache key), and target machines for optimisation and assembly.

use std::sync::OnceLock;

use inkwell::OptimizationLevel;
use inkwell::targets::{CodeModel, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple};

use crate::error::{CodegenError, Result};

static INIT: OnceLock<Result<(), String>> = OnceLock::new();

/// Initialises LLVM's native target, assembly printer and MCJIT once per process.
pub(crate) fn initialize() -> Result<()> {
    let outcome = INIT.get_or_init(|| Target::initialize_native(&InitializationConfig::default()));
    outcome
        .clone()
        .map_err(|message| CodegenError::Llvm(format!("initialising the native target: {message}")))
}

/// What the compiler knows about the machine it generates code for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostTarget {
    /// The target triple (`x86_64-pc-linux-gnu`).
    pub triple: String,
    /// LLVM's name for the host CPU (`znver4`).
    pub cpu: String,
    /// The CPU's features as LLVM spells them (`+avx2,+fma,...`).
    pub features: String,
}

impl HostTarget {
    /// The machine this process runs on.
    pub fn host() -> Result<HostTarget> {
        initialize()?;
        Ok(HostTarget {
            triple: TargetMachine::get_default_triple().as_str().to_string_lossy().into_owned(),
            cpu: TargetMachine::get_host_cpu_name().to_string(),
            features: TargetMachine::get_host_cpu_features().to_string(),
        })
    }

    /// The enabled features only (`avx2`, `fma`, …), sorted, for display.
    pub fn enabled_features(&self) -> Vec<&str> {
        let mut features: Vec<&str> =
            self.features.split(',').filter_map(|feature| feature.strip_prefix('+')).collect();
        features.sort_unstable();
        features
    }

    /// A target machine for this CPU at `level`.
    pub fn target_machine(&self, level: OptimizationLevel) -> Result<TargetMachine> {
        self.machine(level, RelocMode::Default, CodeModel::JITDefault)
    }

    /// A target machine for object files this CPU loads anywhere in memory (position
    /// independent, small code model), at `level`.
    pub fn object_machine(&self, level: OptimizationLevel) -> Result<TargetMachine> {
        self.machine(level, RelocMode::PIC, CodeModel::Small)
    }

    fn machine(
        &self,
        level: OptimizationLevel,
        reloc: RelocMode,
        code_model: CodeModel,
    ) -> Result<TargetMachine> {
        initialize()?;
        let triple = TargetTriple::create(&self.triple);
        let target =
            Target::from_triple(&triple).map_err(|message| CodegenError::Llvm(message.to_string()))?;
        target.create_target_machine(&triple, &self.cpu, &self.features, level, reloc, code_model).ok_or_else(
            || CodegenError::Llvm(format!("no target machine for {} ({})", self.triple, self.cpu)),
        )
    }
}

/// The LLVM version numjit was built against (`22.1`).
pub fn llvm_version() -> String {
    let (major, minor, patch) = inkwell::support::get_llvm_version();
    format!("{major}.{minor}.{patch}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_host() {
        let host = HostTarget::host().expect("host target");
        assert!(!host.cpu.is_empty());
        assert!(
            host.triple.contains("linux") || host.triple.contains("apple") || host.triple.contains("windows")
        );
        assert!(llvm_version().starts_with("22."));
        host.target_machine(OptimizationLevel::Aggressive).expect("target machine");
    }
}
