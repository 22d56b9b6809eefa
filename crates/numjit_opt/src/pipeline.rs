//! The pipelines: one explicit, ordered list of passes per name.
//!
//! Later work inserts its passes into [`default`] where the architecture puts them:
//! parallel-loop conversion and `fuse_parfors` after inlining, then hoisting, outlining,
//! refcounting and finally `flatten_loops`.

use crate::cleanup::{eliminate_dead_code, fold_constants, simplify_cfg};
use crate::interprocedural::inline_functions;
use crate::memory::prune_refcounts;
use crate::{Analysis, Pass, PassRun, PreservedAnalyses};

/// `eliminate_dead_code`: see `cleanup/eliminate_dead_code.rs`.
pub const ELIMINATE_DEAD_CODE: Pass = Pass {
    name: "eliminate_dead_code",
    run: PassRun::Function(eliminate_dead_code::run),
    preserves: PreservedAnalyses::none(),
};

/// `fold_constants`: see `cleanup/fold_constants.rs`. It turns `brif` on constants into
/// `jump`s, so it keeps no CFG.
pub const FOLD_CONSTANTS: Pass = Pass {
    name: "fold_constants",
    run: PassRun::Function(fold_constants::run),
    preserves: PreservedAnalyses::none(),
};

/// `simplify_cfg`: see `cleanup/simplify_cfg.rs`.
pub const SIMPLIFY_CFG: Pass = Pass {
    name: "simplify_cfg",
    run: PassRun::Function(simplify_cfg::run),
    preserves: PreservedAnalyses::none(),
};

/// `inline_functions`: see `interprocedural/inline_functions.rs`.
pub const INLINE_FUNCTIONS: Pass = Pass {
    name: "inline_functions",
    run: PassRun::Module(inline_functions::run),
    preserves: PreservedAnalyses::none(),
};

/// `prune_refcounts`: see `memory/prune_refcounts.rs`.
pub const PRUNE_REFCOUNTS: Pass = Pass {
    name: "prune_refcounts",
    run: PassRun::Function(prune_refcounts::run),
    preserves: PreservedAnalyses::none(),
};

/// Every pass, for tools that list them and tests that run each one.
pub const ALL_PASSES: [Pass; 5] =
    [ELIMINATE_DEAD_CODE, FOLD_CONSTANTS, SIMPLIFY_CFG, INLINE_FUNCTIONS, PRUNE_REFCOUNTS];

/// The pass named `name`.
pub fn pass_by_name(name: &str) -> Option<Pass> {
    ALL_PASSES.iter().find(|pass| pass.name == name).copied()
}

/// The cleanup passes, in the order that lets each feed the next: CFG simplification
/// merges straight-line blocks (inlined continuations) so that their values reach their
/// uses, folding then finds constants and constant branches, CFG simplification again
/// removes what those branches cut off, and dead-code elimination removes what is left
/// unused.
pub fn cleanup() -> Vec<Pass> {
    vec![SIMPLIFY_CFG, FOLD_CONSTANTS, SIMPLIFY_CFG, ELIMINATE_DEAD_CODE]
}

/// The default pipeline: cleanup → inline → cleanup → refcount pruning (after inlining,
/// which brings callers' and callees' refcounts into one block).
pub fn default() -> Vec<Pass> {
    let mut passes = cleanup();
    passes.push(INLINE_FUNCTIONS);
    passes.extend(cleanup());
    passes.push(PRUNE_REFCOUNTS);
    passes
}

/// No optimisation at all (`"O0"`).
pub fn o0() -> Vec<Pass> {
    Vec::new()
}

/// The names [`by_name`] knows.
pub const PIPELINE_NAMES: [&str; 3] = ["O0", "cleanup", "default"];

/// The pipeline called `name`.
pub fn by_name(name: &str) -> Option<Vec<Pass>> {
    match name {
        "O0" => Some(o0()),
        "cleanup" => Some(cleanup()),
        "default" => Some(default()),
        _ => None,
    }
}

/// Whether a pass declared that it keeps `analysis` (for tools that print pipelines).
pub fn preserves(pass: &Pass, analysis: Analysis) -> bool {
    pass.preserves.preserves(analysis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_pipelines() {
        let names = |passes: Vec<Pass>| passes.iter().map(|pass| pass.name).collect::<Vec<_>>().join(" ");
        assert_eq!(
            names(default()),
            "simplify_cfg fold_constants simplify_cfg eliminate_dead_code inline_functions \
             simplify_cfg fold_constants simplify_cfg eliminate_dead_code prune_refcounts"
        );
        assert_eq!(by_name("O0").map(|passes| passes.len()), Some(0));
        assert!(by_name("O3").is_none());
        for name in PIPELINE_NAMES {
            assert!(by_name(name).is_some(), "{name}");
        }
        assert_eq!(pass_by_name("simplify_cfg").map(|pass| pass.name), Some("simplify_cfg"));
        assert!(!preserves(&FOLD_CONSTANTS, Analysis::ControlFlowGraph));
    }
}
