//! The pass manager: runs a list of [`Pass`]es over a module, timing each run, verifying
//! after each pass when asked, dumping the IR where `NUMJIT_DUMP_IR` asks, and turning a
//! pass's failure — an error or a panic — into a [`PipelineError`] naming the pass.

use std::fmt;
use std::fs::OpenOptions;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use numjit_ir::{Function, Module, VerifierError, verify_module};

use crate::dump::{DumpPoint, DumpSink};
use crate::{Pass, PassContext, PassError, PassOutcome, PassRun, PassTiming};

/// Why a pipeline stopped. Displays as `failed in pass NAME: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// The module given to the pipeline does not verify (checked when verifying is on).
    InvalidInput {
        /// The verifier's findings.
        errors: Vec<VerifierError>,
    },
    /// A pass reported an error.
    Pass {
        /// The pass.
        pass: &'static str,
        /// The function it was working on, for a function pass.
        function: Option<String>,
        /// What it reported.
        error: PassError,
    },
    /// A pass left IR that does not verify.
    Verifier {
        /// The pass.
        pass: &'static str,
        /// The verifier's findings.
        errors: Vec<VerifierError>,
    },
    /// A pass panicked (a bug in the pass); the module is left half-transformed.
    Panic {
        /// The pass.
        pass: &'static str,
        /// The panic message.
        message: String,
    },
}

impl PipelineError {
    /// The pass that failed; `None` for invalid input.
    pub fn pass(&self) -> Option<&'static str> {
        match self {
            PipelineError::InvalidInput { .. } => None,
            PipelineError::Pass { pass, .. }
            | PipelineError::Verifier { pass, .. }
            | PipelineError::Panic { pass, .. } => Some(pass),
        }
    }
}

fn write_verifier_errors(f: &mut fmt::Formatter<'_>, errors: &[VerifierError]) -> fmt::Result {
    for error in errors {
        write!(f, "\n  {error}")?;
    }
    Ok(())
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::InvalidInput { errors } => {
                write!(f, "the IR given to the pass pipeline does not verify:")?;
                write_verifier_errors(f, errors)
            }
            PipelineError::Pass { pass, function: Some(function), error } => {
                write!(f, "failed in pass {pass}: @{function}: {error}")
            }
            PipelineError::Pass { pass, function: None, error } => {
                write!(f, "failed in pass {pass}: {error}")
            }
            PipelineError::Verifier { pass, errors } => {
                write!(f, "failed in pass {pass}: its output does not verify:")?;
                write_verifier_errors(f, errors)
            }
            PipelineError::Panic { pass, message } => {
                write!(f, "failed in pass {pass}: it panicked: {message}")
            }
        }
    }
}

impl std::error::Error for PipelineError {}

/// Runs `passes` in order over `module`.
///
/// With `cx.verify_after_each_pass`, the input and the output of every pass are verified.
/// Timings are appended to `cx.timings`; dumps go where `cx.dump_sink` says.
pub fn run_pipeline(module: &mut Module, passes: &[Pass], cx: &mut PassContext) -> Result<(), PipelineError> {
    if cx.verify_after_each_pass {
        verify_module(module).map_err(|errors| PipelineError::InvalidInput { errors })?;
    }
    if cx.dump.as_ref().is_some_and(|spec| spec.all) {
        dump(cx, "input", module);
    }
    for pass in passes {
        if cx.dump.as_ref().is_some_and(|spec| spec.wants(DumpPoint::Before, pass.name)) {
            dump(cx, &format!("before {}", pass.name), module);
        }
        let start = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| run_pass(pass, module, cx)));
        let duration = start.elapsed();
        let outcome = match result {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(error)) => return Err(error),
            Err(payload) => {
                cx.analyses.clear();
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|message| (*message).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_owned());
                return Err(PipelineError::Panic { pass: pass.name, message });
            }
        };
        cx.timings.push(PassTiming { pass: pass.name, duration, changed: outcome.changed() });
        if cx.verify_after_each_pass {
            verify_module(module).map_err(|errors| PipelineError::Verifier { pass: pass.name, errors })?;
        }
        if cx.dump.as_ref().is_some_and(|spec| spec.wants(DumpPoint::After, pass.name)) {
            dump(cx, &format!("after {}", pass.name), module);
        }
    }
    Ok(())
}

/// Runs one pass and invalidates the analyses of what it changed.
fn run_pass(pass: &Pass, module: &mut Module, cx: &mut PassContext) -> Result<PassOutcome, PipelineError> {
    match pass.run {
        PassRun::Function(run) => {
            let mut outcome = PassOutcome::Unchanged;
            for func in &mut module.functions {
                let function_outcome = run(func, cx).map_err(|error| PipelineError::Pass {
                    pass: pass.name,
                    function: Some(func.name.clone()),
                    error,
                })?;
                if function_outcome.changed() {
                    cx.analyses.invalidate(&func.name, pass.preserves);
                }
                outcome = outcome.merge(function_outcome);
            }
            Ok(outcome)
        }
        PassRun::Module(run) => {
            let outcome = run(module, cx).map_err(|error| PipelineError::Pass {
                pass: pass.name,
                function: None,
                error,
            })?;
            if outcome.changed() {
                for func in &module.functions {
                    cx.analyses.invalidate(&func.name, pass.preserves);
                }
            }
            Ok(outcome)
        }
    }
}

/// Runs `passes` over one function, as a module of its own (so module passes see no other
/// function to inline).
pub fn run_on_function(
    func: &mut Function,
    passes: &[Pass],
    cx: &mut PassContext,
) -> Result<(), PipelineError> {
    let placeholder = Function::new(func.name.clone(), Vec::new(), numjit_types::Type::NoneType);
    let mut module = Module { functions: vec![std::mem::replace(func, placeholder)] };
    let result = run_pipeline(&mut module, passes, cx);
    if let Some(back) = module.functions.pop() {
        *func = back;
    }
    result
}

fn dump(cx: &mut PassContext, what: &str, module: &Module) {
    let text = format!("; NUMJIT_DUMP_IR {what}\n{module}");
    match &mut cx.dump_sink {
        DumpSink::Stderr => eprint!("{text}"),
        DumpSink::Memory(dumps) => dumps.push(text),
        DumpSink::File(path) => {
            let written = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&*path)
                .and_then(|mut file| file.write_all(text.as_bytes()));
            if let Err(error) = written {
                eprintln!("numjit: cannot write the IR dump to {}: {error}", path.display());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use numjit_ir::parse_module;

    use super::*;
    use crate::dump::DumpSpec;
    use crate::{PreservedAnalyses, pipeline};

    const INPUT: &str = "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 2
    v2 = iconst.int64 3
    v3 = imul v1, v2
    v4 = iadd v0, v3
    return v4
}
";

    fn failing(_: &mut Function, _: &mut PassContext) -> Result<PassOutcome, PassError> {
        Err(PassError::new("`v3 = imul v1, v2` is not what it seems"))
    }

    fn panicking(_: &mut Function, _: &mut PassContext) -> Result<PassOutcome, PassError> {
        panic!("index out of bounds")
    }

    fn breaking(func: &mut Function, _: &mut PassContext) -> Result<PassOutcome, PassError> {
        let entry = func.entry_block().ok_or_else(|| PassError::new("no entry"))?;
        let first = func.layout.first_inst(entry).ok_or_else(|| PassError::new("empty"))?;
        func.layout.remove_inst(first);
        Ok(PassOutcome::Changed)
    }

    fn pass(
        name: &'static str,
        run: fn(&mut Function, &mut PassContext) -> Result<PassOutcome, PassError>,
    ) -> Pass {
        Pass { name, run: PassRun::Function(run), preserves: PreservedAnalyses::none() }
    }

    fn check_error(passes: &[Pass], expect: &str) {
        let mut module = parse_module(INPUT).expect("parses");
        let mut cx = PassContext::new();
        cx.verify_after_each_pass = true;
        let error = run_pipeline(&mut module, passes, &mut cx).expect_err("fails");
        assert_eq!(error.to_string(), expect);
    }

    #[test]
    fn errors_name_the_pass() {
        check_error(
            &[pass("fold_constants", failing)],
            "failed in pass fold_constants: @f: `v3 = imul v1, v2` is not what it seems",
        );
        check_error(
            &[pass("hoist_invariants", panicking)],
            "failed in pass hoist_invariants: it panicked: index out of bounds",
        );
        check_error(
            &[pass("eliminate_dead_code", breaking)],
            "failed in pass eliminate_dead_code: its output does not verify:\n  @f: block0: `v3 = imul v1, v2`: uses v1, whose definition is not placed in the function",
        );
    }

    #[test]
    fn dumps_and_times_each_pass() {
        let mut module = parse_module(INPUT).expect("parses");
        let mut cx = PassContext::new();
        cx.dump = Some(DumpSpec::parse("before:inline,after:fold_constants").expect("parses"));
        cx.dump_sink = DumpSink::Memory(Vec::new());
        run_pipeline(&mut module, &pipeline::default(), &mut cx).expect("runs");
        let DumpSink::Memory(dumps) = &cx.dump_sink else { unreachable!("set above") };
        let headers: Vec<&str> = dumps.iter().filter_map(|dump| dump.lines().next()).collect();
        assert_eq!(
            headers,
            [
                "; NUMJIT_DUMP_IR after fold_constants",
                "; NUMJIT_DUMP_IR before inline_functions",
                "; NUMJIT_DUMP_IR after fold_constants",
            ]
        );
        assert!(dumps[0].contains("v3 = iconst.int64 6"), "{}", dumps[0]);
        for dump in dumps {
            parse_module(dump).expect("a dump is a .nir file");
        }
        let passes: Vec<&str> = cx.timings.iter().map(|timing| timing.pass).collect();
        let expected: Vec<&str> = pipeline::default().iter().map(|pass| pass.name).collect();
        assert_eq!(passes, expected);
        let report = cx.timing_report().to_string();
        assert!(report.contains("fold_constants") && report.contains("2 runs") && report.contains("total"));
    }

    #[test]
    fn runs_on_a_lone_function() {
        let mut func = numjit_ir::parse_function(INPUT).expect("parses");
        let mut cx = PassContext::new();
        run_on_function(&mut func, &pipeline::default(), &mut cx).expect("runs");
        assert!(func.to_string().contains("iadd v0, v3"));
        assert_eq!(func.name, "f");
    }
}
