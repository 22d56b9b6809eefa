//! Execution corpus: every `.nir` file under `test_data/` is parsed, verified, compiled at
//! O3, JIT-ed, and its functions are called as its comment lines say:
//!
//! ```text
//! ; run: f(7, -2) == -4                      the result's Python repr
//! ; run: f(0) raises ZeroDivisionError: division by zero
//! ; stdout: g(3) == 3 (1+2j)\n               what the call prints (\n for newlines)
//! ```
//!
//! Expected values come from CPython (files under `test_data/generated/` are written by
//! `tools/gen_expectations.py`). No exception message may leak.

mod common;

use std::path::{Path, PathBuf};

use common::{Outcome, call, compile, compile_via_object, parse_call, repr};
use numjit_llvm::CompiledModule;

fn nir_files(directory: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            nir_files(&path, out);
        } else if path.extension().is_some_and(|extension| extension == "nir") {
            out.push(path);
        }
    }
}

/// Runs the checks of one file on the module `build` makes of it; returns (checks run,
/// failures).
fn run_file(path: &Path, build: fn(&str) -> CompiledModule) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let module = build(&text);
    let mut failures = Vec::new();
    let mut checks = 0;
    for (line_idx, line) in text.lines().enumerate() {
        let location = format!("{}:{}", path.display(), line_idx + 1);
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("; run:") {
            checks += 1;
            let (call_text, expectation) = match rest.split_once(" == ") {
                Some((call_text, expected)) => (call_text, Ok(expected.trim())),
                None => match rest.split_once(" raises ") {
                    Some((call_text, expected)) => (call_text, Err(expected.trim())),
                    None => {
                        failures.push(format!("{location}: malformed run line"));
                        continue;
                    }
                },
            };
            let (name, args) = match parse_call(&module, call_text.trim()) {
                Ok(parsed) => parsed,
                Err(message) => {
                    failures.push(format!("{location}: {message}"));
                    continue;
                }
            };
            let actual = match call(&module, &name, &args) {
                Outcome::Value(value) => Ok(repr(&value)),
                Outcome::Raised(raised) => Err(raised.to_string()),
            };
            let matches = match (&actual, expectation) {
                (Ok(actual), Ok(expected)) => actual == expected,
                (Err(actual), Err(expected)) => actual == expected,
                _ => false,
            };
            if !matches {
                failures.push(format!(
                    "{location}: {}: expected {expectation:?}, got {actual:?}",
                    call_text.trim()
                ));
            }
        } else if let Some(rest) = line.strip_prefix("; stdout:") {
            checks += 1;
            let Some((call_text, expected)) = rest.split_once(" == ") else {
                failures.push(format!("{location}: malformed stdout line"));
                continue;
            };
            let expected = expected.trim().replace("\\n", "\n");
            let (name, args) = match parse_call(&module, call_text.trim()) {
                Ok(parsed) => parsed,
                Err(message) => {
                    failures.push(format!("{location}: {message}"));
                    continue;
                }
            };
            let (_, printed) = numjit_runtime::print::capture_output(|| call(&module, &name, &args));
            if printed != expected {
                failures.push(format!("{location}: printed {printed:?}, expected {expected:?}"));
            }
        }
    }
    (checks, failures)
}

/// Runs every file's checks on the modules `build` makes.
fn run_corpus(build: fn(&str) -> CompiledModule) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut files = Vec::new();
    nir_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .nir files under {}", root.display());
    let leaked_before = numjit_runtime::exception::live_messages_on_this_thread();
    let mut total_checks = 0;
    let mut failures = Vec::new();
    for file in &files {
        let (checks, file_failures) = run_file(file, build);
        total_checks += checks;
        failures.extend(file_failures);
    }
    assert_eq!(
        numjit_runtime::exception::live_messages_on_this_thread(),
        leaked_before,
        "leaked exception messages"
    );
    eprintln!("{total_checks} checks in {} files", files.len());
    assert!(
        failures.is_empty(),
        "{} of {total_checks} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn nir_corpus_agrees_with_cpython() {
    run_corpus(compile);
}

/// The same checks on machine code that went through an object file (what `cache=True`
/// stores) and was linked anew by ORC.
#[test]
fn nir_corpus_agrees_from_object_files() {
    run_corpus(compile_via_object);
}

/// Every function of numjit_ir's own valid corpus compiles (codegen never fails or panics on
/// IR the verifier accepts, except with an error naming an unsupported construct).
#[test]
fn numjit_ir_corpus_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../numjit_ir/test_data/ok");
    let mut files = Vec::new();
    nir_files(&root, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let Ok(module) = numjit_ir::parse_module(&text) else { continue };
        if numjit_ir::verify_module(&module).is_err() {
            continue;
        }
        let symbols = numjit_runtime::symbols();
        match numjit_llvm::compile_module(&module, &numjit_llvm::CodegenOptions::default(), &symbols) {
            Ok(_) => {}
            Err(error) => {
                let message = error.to_string();
                assert!(
                    message.contains("not supported") || message.contains("parfor"),
                    "{}: {message}",
                    file.display()
                );
            }
        }
    }
}
