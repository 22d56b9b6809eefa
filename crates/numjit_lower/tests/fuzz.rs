//! Property test: source text goes through parsing, type inference of every function for
//! several argument-type signatures and lowering to IR without a panic, a diagnostic outside
//! the source, or an internal error (`tests/support/through_lower.rs`, shared with the
//! cargo-fuzz target `fuzz/fuzz_targets/sema_lower.rs`). Inputs: the corpus programs of the
//! lowering, sema and execution corpora, mutated line by line; and the regression inputs
//! the fuzzer found (`tests/fuzz_regressions/`).

mod support {
    pub mod through_lower;
}

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;
use support::through_lower::through_lower;

/// The `.py` files of a directory, sorted.
fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "py"));
    files.sort();
    files
}

/// The seed programs, read once.
fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs =
            [root.join("test_data"), root.join("../numjit_sema/test_data"), root.join("../../tests/run")];
        // The generated stress programs (thousands of lines) would dominate the run time.
        dirs.iter()
            .flat_map(|dir| python_files(dir))
            .filter(|path| {
                !path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("stress_"))
            })
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .collect()
    })
}

/// One edit of a program's lines.
#[derive(Clone, Debug)]
enum Edit {
    /// Replace a line by `pass`.
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    /// Replace what follows a line's first `=` (or its `return`) with another line's text.
    Splice(usize, usize),
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    for edit in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match *edit {
            // Keeps the indentation so that most edited programs still parse.
            Edit::Delete(idx) => {
                let line = &mut lines[idx % n];
                let indent = line.len() - line.trim_start().len();
                line.truncate(indent);
                line.push_str("pass");
            }
            Edit::Duplicate(idx) => {
                let line = lines[idx % n].clone();
                lines.insert(idx % n, line);
            }
            Edit::Swap(a, b) => lines.swap(a % n, b % n),
            Edit::Splice(a, b) => {
                let donor = lines[b % n].trim_start().to_owned();
                let target = &mut lines[a % n];
                if let Some(cut) = target.find('=').or_else(|| target.find("return ").map(|pos| pos + 6)) {
                    target.truncate(cut + 1);
                    target.push(' ');
                    target.push_str(donor.trim_start_matches("return ").trim_end_matches(':'));
                }
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Splice(a, b)),
    ]
}

#[test]
fn corpus_programs_lower() {
    let mut typed = 0;
    for source in corpus() {
        typed += through_lower(source).typed;
    }
    assert!(typed > 500, "only {typed} (function, signature) pairs typed");
}

#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for path in python_files(&dir) {
        let source = std::fs::read_to_string(&path).expect("regression input is UTF-8");
        through_lower(&source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_corpus_programs_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let corpus = corpus();
        prop_assume!(!corpus.is_empty());
        let source = apply(&corpus[pick.index(corpus.len())], &edits);
        through_lower(&source);
    }
}
