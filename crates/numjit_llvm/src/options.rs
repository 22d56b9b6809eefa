//! [`CodegenOptions`]: what the facade's `Options` mean to the back end — optimisation level,
//! fast-math flags, and which artefacts (LLVM IR, assembly) to keep for inspection.

/// LLVM's fast-math flags, each of which the user may enable on its own (Numba's
/// `fastmath={'nnan', 'arcp', ...}`) or all together (`fastmath=True`).
///
/// They are set on every floating-point instruction codegen emits (arithmetic, comparisons,
/// float calls, phis and selects of floats).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FastMathFlags {
    /// No NaNs: arguments and results are assumed not NaN.
    pub nnan: bool,
    /// No infinities.
    pub ninf: bool,
    /// No signed zeros: the sign of a zero may be ignored.
    pub nsz: bool,
    /// Allow reciprocal: `x / y` may become `x * (1 / y)`.
    pub arcp: bool,
    /// Allow contraction: `a * b + c` may become a fused multiply-add.
    pub contract: bool,
    /// Approximate functions: math intrinsics may use approximations.
    pub afn: bool,
    /// Allow reassociation: what makes float reductions vectorisable.
    pub reassoc: bool,
}

impl FastMathFlags {
    /// No flag (strict IEEE semantics, the default).
    pub const NONE: FastMathFlags = FastMathFlags {
        nnan: false,
        ninf: false,
        nsz: false,
        arcp: false,
        contract: false,
        afn: false,
        reassoc: false,
    };
    /// Every flag (`fastmath=True`, LLVM's `fast`).
    pub const ALL: FastMathFlags = FastMathFlags {
        nnan: true,
        ninf: true,
        nsz: true,
        arcp: true,
        contract: true,
        afn: true,
        reassoc: true,
    };

    /// Whether any flag is set.
    pub fn any(self) -> bool {
        self != FastMathFlags::NONE
    }

    /// Flags from Numba's names (`nnan`, `ninf`, `nsz`, `arcp`, `contract`, `afn`,
    /// `reassoc`, or `fast` for all); an unknown name is returned as the error.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<FastMathFlags, String> {
        let mut flags = FastMathFlags::NONE;
        for name in names {
            match name {
                "nnan" => flags.nnan = true,
                "ninf" => flags.ninf = true,
                "nsz" => flags.nsz = true,
                "arcp" => flags.arcp = true,
                "contract" => flags.contract = true,
                "afn" => flags.afn = true,
                "reassoc" => flags.reassoc = true,
                "fast" => flags = FastMathFlags::ALL,
                other => return Err(other.to_owned()),
            }
        }
        Ok(flags)
    }

    pub(crate) fn to_llvm(self) -> inkwell::values::FastMathFlags {
        use inkwell::values::FastMathFlags as Llvm;
        let mut flags = Llvm::empty();
        for (enabled, flag) in [
            (self.nnan, Llvm::NoNaNs),
            (self.ninf, Llvm::NoInfs),
            (self.nsz, Llvm::NoSignedZeros),
            (self.arcp, Llvm::AllowReciprocal),
            (self.contract, Llvm::AllowContract),
            (self.afn, Llvm::ApproxFunc),
            (self.reassoc, Llvm::AllowReassoc),
        ] {
            if enabled {
                flags |= flag;
            }
        }
        flags
    }
}

/// How much LLVM optimises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptLevel {
    /// No optimisation (fastest compile; for debugging codegen).
    O0,
    /// `default<O1>`.
    O1,
    /// `default<O2>`.
    O2,
    /// `default<O3>` (the default, as Numba).
    O3,
}

impl OptLevel {
    /// The new pass manager's pipeline string.
    pub fn pipeline(self) -> &'static str {
        match self {
            OptLevel::O0 => "default<O0>",
            OptLevel::O1 => "default<O1>",
            OptLevel::O2 => "default<O2>",
            OptLevel::O3 => "default<O3>",
        }
    }

    pub(crate) fn to_llvm(self) -> inkwell::OptimizationLevel {
        match self {
            OptLevel::O0 => inkwell::OptimizationLevel::None,
            OptLevel::O1 => inkwell::OptimizationLevel::Less,
            OptLevel::O2 => inkwell::OptimizationLevel::Default,
            OptLevel::O3 => inkwell::OptimizationLevel::Aggressive,
        }
    }
}

/// Options of one compilation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodegenOptions {
    /// The optimisation pipeline.
    pub opt_level: OptLevel,
    /// Fast-math flags for every float operation.
    pub fastmath: FastMathFlags,
    /// Keep the LLVM IR as generated, before optimisation.
    pub keep_unoptimized_ir: bool,
    /// Keep the LLVM IR after optimisation.
    pub keep_optimized_ir: bool,
    /// Keep the host assembly.
    pub keep_assembly: bool,
    /// Keep the optimised module as an object file (for a cache on disk).
    pub keep_object: bool,
}

impl Default for CodegenOptions {
    fn default() -> Self {
        CodegenOptions {
            opt_level: OptLevel::O3,
            fastmath: FastMathFlags::NONE,
            keep_unoptimized_ir: false,
            keep_optimized_ir: false,
            keep_assembly: false,
            keep_object: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_from_names() {
        let flags = FastMathFlags::from_names(["nnan", "reassoc"]).expect("known names");
        assert!(flags.nnan && flags.reassoc && !flags.arcp);
        assert_eq!(FastMathFlags::from_names(["fast"]), Ok(FastMathFlags::ALL));
        assert_eq!(FastMathFlags::from_names(["fastest"]), Err("fastest".to_owned()));
        assert_eq!(FastMathFlags::ALL.to_llvm().bits().count_ones(), 7);
    }
}
