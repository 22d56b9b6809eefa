//! Helpers shared by the parser's integration tests: the test corpora, reading and decoding
//! source files, rendering errors, running CPython, checking node ranges, and a small parallel
//! map over the machine's cores.
//!
//! Each test binary compiles this module on its own and uses a different part of it.
#![allow(dead_code)]

pub mod ast_dump;
pub mod python;
pub mod ranges;

use std::path::{Path, PathBuf};

use numjit_diagnostics::{RenderOptions, SourceFile, render};
use numjit_parser::Parsed;

/// The parser crate's directory.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `test_data/ok` or `test_data/err`.
pub fn corpus_dir(kind: &str) -> PathBuf {
    crate_dir().join("test_data").join(kind)
}

/// The `.py` files of `test_data/{kind}`, sorted by name.
pub fn corpus_files(kind: &str) -> Vec<PathBuf> {
    let dir = corpus_dir(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    files
}

/// The source text of a `.py` file, decoded as CPython decodes it (coding declaration, BOM).
pub fn read_source(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    decode_source(&bytes)
}

/// Decodes the bytes of a Python file as CPython does.
pub fn decode_source(bytes: &[u8]) -> Result<String, String> {
    numjit_parser::source::decode_source(bytes)
        .map(|text| text.into_owned())
        .map_err(|error| error.to_string())
}

/// Every error of a parse rendered as the user sees it, separated by blank lines.
pub fn render_errors(file_name: &str, source: &str, parsed: &Parsed) -> String {
    let file = SourceFile::new(file_name, source);
    parsed
        .errors
        .iter()
        .map(|error| render(&error.to_diagnostic(), &file, RenderOptions::default()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Problems with the ranges of a parse: diagnostics outside the source, nodes outside their
/// parent. Empty when all is well.
pub fn range_violations(source: &str, parsed: &Parsed) -> Vec<String> {
    let mut violations = ranges::node_range_violations(source, &parsed.module);
    let len = source.len();
    for error in &parsed.errors {
        let end = usize::from(error.range.end());
        if end > len {
            violations.push(format!(
                "error {:?} ends at {end}, past the end of the source ({len})",
                error.message()
            ));
        }
        let diagnostic = error.to_diagnostic();
        for label in &diagnostic.labels {
            if usize::from(label.range.end()) > len {
                violations.push(format!(
                    "diagnostic label {:?} at {:?} is past the end ({len})",
                    label.message, label.range
                ));
            }
        }
    }
    violations
}

/// Applies `f` to every item on all available cores and returns the results in input order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let n_threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..n_threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let item_idx = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(item_idx) else { break };
                        done.push((item_idx, f(item)));
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().expect("worker thread panicked")).collect()
    });
    results.sort_by_key(|(item_idx, _)| *item_idx);
    results.into_iter().map(|(_, result)| result).collect()
}
