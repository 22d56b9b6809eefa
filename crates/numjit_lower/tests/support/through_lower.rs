//! Source text through the compiler up to the IR: parse, freeze the module (`Env::from_module`),
//! infer every function for a few argument-type signatures, lower each typed program and verify
//! its IR. Nothing may panic, every diagnostic must lie inside the source and render, and
//! lowering must never report an internal error (IR the verifier rejects).
//!
//! Shared by the proptest in `crates/numjit_lower/tests/fuzz.rs` and the cargo-fuzz target
//! `fuzz/fuzz_targets/sema_lower.rs` (included there with `#[path]`).

use numjit_diagnostics::{Diagnostic, RenderOptions, SourceFile, render};
use numjit_lower::{ErrorModel, INTERNAL_ERROR, LowerOptions, lower_program};
use numjit_sema::{Env, Ty, infer};
use numjit_types::{ScalarType, Type};

/// How far a source got: counts of (function, signature) pairs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reached {
    /// The source parsed without errors.
    pub parsed: bool,
    /// Pairs that type-checked.
    pub typed: usize,
    /// Pairs that lowered to verified IR.
    pub lowered: usize,
}

/// The argument-type patterns tried for each function; parameter `i` gets item
/// `i % len` of a pattern.
fn patterns() -> Vec<Vec<Type>> {
    let int_pair = Type::Tuple(vec![Type::INT64, Type::INT64]);
    let mixed_pair = Type::Tuple(vec![Type::INT64, Type::FLOAT64]);
    vec![
        vec![Type::INT64],
        vec![Type::FLOAT64],
        vec![Type::INT64, Type::FLOAT64],
        vec![Type::BOOL, Type::COMPLEX128, Type::Scalar(ScalarType::Int32)],
        vec![int_pair, Type::INT64],
        vec![mixed_pair, Type::Optional(Box::new(Type::INT64)), Type::NoneType],
    ]
}

/// Checks that a diagnostic lies inside the source and renders.
fn check_diagnostic(diagnostic: &Diagnostic, file: &SourceFile, source: &str) {
    for label in &diagnostic.labels {
        let end = usize::from(label.range.end());
        assert!(
            end <= source.len(),
            "diagnostic label {:?} past the end ({})",
            label.range,
            diagnostic.message
        );
    }
    let rendered = render(diagnostic, file, RenderOptions::default());
    assert!(!rendered.is_empty());
}

/// Runs `source` through parsing, inference and lowering of every function, for each
/// argument-type pattern. Panics (the failure being tested for) on a compiler panic, a
/// diagnostic outside the source, or a lowered module the IR verifier rejects.
pub fn through_lower(source: &str) -> Reached {
    let mut reached = Reached::default();
    let parsed = numjit_parser::parse_module(source);
    if !parsed.errors.is_empty() {
        return reached;
    }
    reached.parsed = true;
    let file = SourceFile::new("fuzz.py", source);
    let (env, _namespace, problems) = Env::from_module(parsed.module);
    for problem in &problems {
        check_diagnostic(problem, &file, source);
    }
    let functions: Vec<_> =
        env.functions.iter().map(|(id, function)| (id, function.def.args.args.len())).collect();
    for (function, n_params) in functions {
        for pattern in patterns() {
            let arg_types: Vec<Ty> =
                (0..n_params).map(|idx| Ty::Value(pattern[idx % pattern.len()].clone())).collect();
            let typed = match infer(&env, function, &arg_types) {
                Ok(typed) => typed,
                Err(diagnostics) => {
                    for diagnostic in &diagnostics {
                        check_diagnostic(diagnostic, &file, source);
                    }
                    continue;
                }
            };
            reached.typed += 1;
            for error_model in [ErrorModel::Python, ErrorModel::Numpy] {
                let options = LowerOptions { error_model, boundscheck: false };
                match lower_program(&typed, &env, &options) {
                    // lower_program runs the IR verifier on its result.
                    Ok(_) => reached.lowered += 1,
                    Err(diagnostics) => {
                        for diagnostic in &diagnostics {
                            assert!(
                                diagnostic.code != INTERNAL_ERROR,
                                "lowering {}({}) produced IR the verifier rejects: {:?}",
                                env.functions[function].def.name.as_str(),
                                arg_types.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                                diagnostic
                            );
                            check_diagnostic(diagnostic, &file, source);
                        }
                    }
                }
            }
        }
    }
    reached
}
