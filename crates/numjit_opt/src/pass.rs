//! [`Pass`]: what the pass manager knows about a pass — its name, the function it runs,
//! whether that function works on one `ir::Function` or the whole `ir::Module`, and the
//! analyses it leaves valid.

use std::fmt;

use numjit_ir::{Function, Module};

use crate::PassContext;

/// Whether a pass changed the IR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassOutcome {
    /// Nothing changed; every analysis stays valid.
    Unchanged,
    /// Something changed; only the analyses the pass preserves stay valid.
    Changed,
}

impl PassOutcome {
    /// `Changed` if `changed`.
    pub fn from_changed(changed: bool) -> Self {
        if changed { PassOutcome::Changed } else { PassOutcome::Unchanged }
    }

    /// Whether the IR changed.
    pub fn changed(self) -> bool {
        self == PassOutcome::Changed
    }

    /// `Changed` if either outcome is.
    pub fn merge(self, other: PassOutcome) -> PassOutcome {
        PassOutcome::from_changed(self.changed() || other.changed())
    }
}

/// Why a pass could not do its work: the IR broke one of its requirements. The pass manager
/// adds the pass's name (`failed in pass fold_constants: …`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PassError {
    /// What went wrong, naming the function and instruction where possible.
    pub message: String,
}

impl PassError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        PassError { message: message.into() }
    }
}

/// An analysis the pass manager can cache between passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Analysis {
    /// `ir::ControlFlowGraph`: predecessors and successors of every block.
    ControlFlowGraph,
    /// `ir::DominatorTree` (needs the CFG).
    DominatorTree,
    /// [`crate::analysis::UseCounts`]: how often each value is read.
    UseCounts,
}

impl Analysis {
    /// Every analysis.
    pub const ALL: [Analysis; 3] = [Analysis::ControlFlowGraph, Analysis::DominatorTree, Analysis::UseCounts];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The analyses a pass leaves valid when it changes the IR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PreservedAnalyses {
    bits: u8,
}

impl PreservedAnalyses {
    /// Nothing stays valid.
    pub const fn none() -> Self {
        PreservedAnalyses { bits: 0 }
    }

    /// Everything stays valid (the pass only changes instructions' immediates, say).
    pub const fn all() -> Self {
        PreservedAnalyses { bits: 0b111 }
    }

    /// Exactly these analyses stay valid.
    pub fn only(analyses: &[Analysis]) -> Self {
        PreservedAnalyses { bits: analyses.iter().fold(0, |bits, analysis| bits | analysis.bit()) }
    }

    /// Whether `analysis` stays valid.
    pub fn preserves(self, analysis: Analysis) -> bool {
        self.bits & analysis.bit() != 0
    }
}

/// The function a pass runs.
#[derive(Clone, Copy)]
pub enum PassRun {
    /// Runs on each function of the module in turn.
    Function(fn(&mut Function, &mut PassContext) -> Result<PassOutcome, PassError>),
    /// Runs on the whole module (interprocedural passes).
    Module(fn(&mut Module, &mut PassContext) -> Result<PassOutcome, PassError>),
}

impl fmt::Debug for PassRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PassRun::Function(_) => "Function(..)",
            PassRun::Module(_) => "Module(..)",
        })
    }
}

/// A pass as the pipeline lists it.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    /// The pass's name: a verb phrase, also its file name (`fold_constants`).
    pub name: &'static str,
    /// What it runs.
    pub run: PassRun,
    /// The analyses it preserves when it changes the IR.
    pub preserves: PreservedAnalyses,
}
