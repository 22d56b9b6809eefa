//! One specialisation through the whole compiler: type inference (numjit_sema) → lowering
//! to SSA IR (numjit_lower) → the IR pipeline (numjit_opt) → LLVM (numjit_llvm) → machine
//! code, with per-stage timings and, for `inspect`, the text of every stage.

use std::sync::Arc;
use std::time::{Duration, Instant};

use numjit_diagnostics::Diagnostic;
use numjit_llvm::{CodegenOptions, CompiledModule, OptLevel};
use numjit_lower::{ErrorModel as LowerErrorModel, LowerOptions};
use numjit_opt::{InlineMode, PassContext};
use numjit_sema::{Env, FunctionId, NamespaceId, Ty};
use numjit_types::Type;

use crate::error::{CompileError, Source};
use crate::inspect::{Stage, write_hir, write_types};
use crate::options::{ErrorModel, Inline, Resolved};

/// A parsed source: the environment its functions compile in.
#[derive(Debug)]
pub(crate) struct Program {
    pub source: Arc<Source>,
    /// Time spent parsing the source and building `env`.
    pub parse_time: Duration,
    pub env: Env,
    pub namespace: NamespaceId,
    /// Problems with module-level statements (unsupported imports), shown when a
    /// compilation fails on a name they would have bound.
    pub env_problems: Vec<Diagnostic>,
}

impl Program {
    pub(crate) fn diagnostics_error(
        &self,
        stage: &'static str,
        mut diagnostics: Vec<Diagnostic>,
    ) -> CompileError {
        if diagnostics.is_empty() {
            return internal(stage, "the stage failed without a diagnostic".into());
        }
        let undefined =
            diagnostics.iter().any(|diagnostic| diagnostic.code == numjit_sema::diagnostics::UNDEFINED_NAME);
        if undefined {
            diagnostics.extend(self.env_problems.iter().cloned());
        }
        CompileError::Diagnostics { diagnostics, source: Arc::clone(&self.source) }
    }
}

/// How long each stage of one compilation took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageTimings {
    /// Type inference (including name resolution of every body it reaches).
    pub infer: Duration,
    /// Lowering to SSA IR and verifying it.
    pub lower: Duration,
    /// The IR pass pipeline.
    pub opt: Duration,
    /// LLVM set-up: the native target's initialisation and the host CPU query (paid by the
    /// first compilation of a process only), the target machine, the LLVM context and the
    /// execution engine.
    pub llvm_setup: Duration,
    /// IR → LLVM IR.
    pub codegen: Duration,
    /// LLVM's optimisation pipeline.
    pub llvm_opt: Duration,
    /// Machine code generation and linking.
    pub jit: Duration,
}

impl StageTimings {
    /// The sum of every stage.
    pub fn total(&self) -> Duration {
        self.infer + self.lower + self.opt + self.llvm_setup + self.codegen + self.llvm_opt + self.jit
    }
}

/// A compiled specialisation.
pub(crate) struct Compiled {
    /// Owns the machine code `wrapper` points into; dropped with the version.
    pub(crate) module: CompiledModule,
    /// The entry function's IR name (its symbols in `module`'s object file).
    pub entry: String,
    pub wrapper: usize,
    /// Per argument: the Python-level type it is passed as, `None` when it is a
    /// compile-time value (a function) that is not passed.
    pub params: Vec<Option<Type>>,
    pub return_type: Type,
    pub timings: StageTimings,
}

/// What to keep for `inspect`, or the object file for the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    Nothing,
    Stage(Stage),
    /// The machine code as an object file as well (`CompiledModule::object`).
    Object,
}

/// Compiles `function` of `program` for `arg_types`; with `keep`, also returns that
/// stage's text (stages after the kept one are skipped where possible).
pub(crate) fn compile(
    program: &Program,
    function: FunctionId,
    arg_types: &[Ty],
    options: &Resolved,
    keep: Keep,
) -> Result<(Option<Compiled>, Option<String>), CompileError> {
    let mut timings = StageTimings::default();
    let started = Instant::now();
    let typed = numjit_sema::infer_with_locals(&program.env, function, arg_types, &options.locals)
        .map_err(|diagnostics| program.diagnostics_error("infer", diagnostics))?;
    timings.infer = started.elapsed();
    match keep {
        Keep::Stage(Stage::Hir) => return Ok((None, Some(write_hir(&typed)))),
        Keep::Stage(Stage::Types) => return Ok((None, Some(write_types(&typed)))),
        _ => {}
    }

    let started = Instant::now();
    let lower_options = LowerOptions {
        error_model: match options.error_model {
            ErrorModel::Python => LowerErrorModel::Python,
            ErrorModel::Numpy => LowerErrorModel::Numpy,
        },
        boundscheck: options.boundscheck,
    };
    let lowered = numjit_lower::lower_program(&typed, &program.env, &lower_options)
        .map_err(|diagnostics| program.diagnostics_error("lower", diagnostics))?;
    timings.lower = started.elapsed();
    if keep == Keep::Stage(Stage::Ir) {
        return Ok((None, Some(lowered.module.to_string())));
    }
    let Some(entry) =
        lowered.functions.iter().find(|lowered_function| lowered_function.name == lowered.entry)
    else {
        return Err(internal(
            "lower",
            format!("the entry function {} is missing from the module", lowered.entry),
        ));
    };
    let params = entry.params.clone();
    let return_type = entry.return_type.clone();

    let started = Instant::now();
    let mut module = lowered.module;
    let mut cx = PassContext::from_env().map_err(|message| internal("opt", message))?;
    if options.inline == Inline::Always {
        for callee in module.functions.iter().filter(|callee| callee.name != lowered.entry) {
            cx.inline.modes.insert(callee.name.clone(), InlineMode::Always);
        }
    }
    let passes = if options.opt == 0 { numjit_opt::pipeline::o0() } else { numjit_opt::pipeline::default() };
    numjit_opt::run_pipeline(&mut module, &passes, &mut cx)
        .map_err(|error| internal("opt", error.to_string()))?;
    timings.opt = started.elapsed();
    if keep == Keep::Stage(Stage::Opt) {
        return Ok((None, Some(module.to_string())));
    }

    let codegen_options = CodegenOptions {
        opt_level: match options.opt {
            0 => OptLevel::O0,
            1 => OptLevel::O1,
            2 => OptLevel::O2,
            _ => OptLevel::O3,
        },
        fastmath: options.fastmath,
        keep_unoptimized_ir: false,
        keep_optimized_ir: keep == Keep::Stage(Stage::Llvm),
        keep_assembly: keep == Keep::Stage(Stage::Asm),
        keep_object: keep == Keep::Object,
    };
    let symbols = numjit_runtime::symbols();
    let compiled = numjit_llvm::compile_module(&module, &codegen_options, &symbols)
        .map_err(|error| internal("codegen", error.to_string()))?;
    timings.llvm_setup = compiled.timings.setup;
    timings.codegen = compiled.timings.codegen;
    timings.llvm_opt = compiled.timings.optimize;
    timings.jit = compiled.timings.jit;
    match keep {
        Keep::Stage(Stage::Llvm) => return Ok((None, compiled.optimized_ir.clone())),
        Keep::Stage(Stage::Asm) => return Ok((None, compiled.assembly.clone())),
        _ => {}
    }
    let Some(wrapper) = compiled.function(&lowered.entry).map(numjit_llvm::CompiledFunction::wrapper_address)
    else {
        return Err(internal("codegen", format!("no machine code for {}", lowered.entry)));
    };
    let entry = lowered.entry;
    Ok((Some(Compiled { module: compiled, entry, wrapper, params, return_type, timings }), None))
}

fn internal(stage: &'static str, message: String) -> CompileError {
    CompileError::Internal { stage, message }
}
