//! Property tests: `parse_module` never panics and keeps its ranges consistent, whatever the
//! input. Three sources of input:
//! - random bytes (decoded lossily) and random text biased towards Python's punctuation;
//! - random sequences of Python tokens, keywords, brackets, newlines and indentation;
//! - random mutations (insert, delete, swap, duplicate chunks) of the `test_data/ok` corpus.
//!
//! For each input: no panic, every diagnostic range inside the source, every node range inside
//! its parent's, and every diagnostic renders. The seed is fixed so CI is repeatable; set
//! `PROPTEST_RNG_SEED` (and `PROPTEST_CASES`) to explore further. `fuzz/` in the workspace
//! root has a cargo-fuzz target for long runs.

mod support;

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config(cases: u32) -> Config {
    let mut config = Config::with_cases(cases);
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x6e75_6d6a_6974);
    }
    config.failure_persistence = None;
    config
}

/// Parses `source` and checks everything that must hold for any input.
fn check_parse(source: &str) -> Result<(), TestCaseError> {
    let parsed = numjit_parser::parse_module(source);
    let violations = support::range_violations(source, &parsed);
    prop_assert!(violations.is_empty(), "bad ranges for {source:?}:\n{}", violations.join("\n"));
    // Rendering must not panic either; the text itself is covered by the snapshots.
    let rendered = support::render_errors("fuzz.py", source, &parsed);
    prop_assert_eq!(rendered.is_empty(), parsed.errors.is_empty());
    Ok(())
}

/// Pieces of Python source: keywords, soft keywords, operators, brackets, literals of every
/// kind (some unterminated or malformed on purpose), and layout.
const TOKENS: &[&str] = &[
    "def",
    "class",
    "if",
    "elif",
    "else",
    "for",
    "while",
    "in",
    "not",
    "and",
    "or",
    "is",
    "try",
    "except",
    "except*",
    "finally",
    "with",
    "as",
    "return",
    "yield",
    "yield from",
    "await",
    "async",
    "lambda",
    "pass",
    "break",
    "continue",
    "import",
    "from",
    "global",
    "nonlocal",
    "del",
    "assert",
    "raise",
    "None",
    "True",
    "False",
    "match",
    "case",
    "_",
    "x",
    "y",
    "print",
    "np",
    "é",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "->",
    "@",
    "=",
    ":=",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "|",
    "&",
    "^",
    "~",
    "<<",
    ">>",
    "+=",
    "-=",
    "*=",
    "@=",
    "|=",
    "0",
    "1",
    "42",
    "0x1f",
    "0o7",
    "0b1",
    "1_000",
    "1.5",
    ".5",
    "1e10",
    "1j",
    "0123",
    "1__0",
    "0x",
    "'s'",
    "\"s\"",
    "'''t'''",
    "b'b'",
    "r'\\d'",
    "f'{x}'",
    "f'{x!r:>{w}}'",
    "f'{x=}'",
    "f'{'",
    "f'}'",
    "'unterminated",
    "\"\"\"open",
    "u'u'",
    "rb'\\x'",
    "\\",
    "#",
    "# comment",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "    ",
    "    ",
    "\t",
    " ",
    "  ",
    "\u{c}",
    "\u{feff}",
    "$",
    "?",
    "!",
    "`",
    "\0",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(TOKENS), prop::sample::select(&[" ", "", "\n", "\n    ", "\n        "][..])),
        0..60,
    )
    .prop_map(|pieces| pieces.into_iter().flat_map(|(token, separator)| [token, separator]).collect())
}

fn corpus() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        support::corpus_files("ok")
            .iter()
            .map(|path| std::fs::read(path).expect("readable corpus file"))
            .collect()
    })
}

/// One edit of a byte string; positions are taken modulo the current length.
#[derive(Clone, Debug)]
enum Mutation {
    Insert { at: usize, bytes: Vec<u8> },
    InsertToken { at: usize, token: &'static str },
    Delete { at: usize, len: usize },
    Swap { first: usize, second: usize, len: usize },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..4))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(at, token)| Mutation::InsertToken { at, token }),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), any::<usize>(), 1..30usize).prop_map(|(first, second, len)| Mutation::Swap {
            first,
            second,
            len
        }),
        (any::<usize>(), 1..60usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn apply(source: &mut Vec<u8>, mutation: &Mutation) {
    let n_bytes = source.len();
    let pos = |at: usize| at % (n_bytes + 1);
    match mutation {
        Mutation::Insert { at, bytes } => {
            let at = pos(*at);
            source.splice(at..at, bytes.iter().copied());
        }
        Mutation::InsertToken { at, token } => {
            let at = pos(*at);
            source.splice(at..at, token.bytes());
        }
        Mutation::Delete { at, len } => {
            let at = pos(*at);
            source.drain(at..(at + len).min(n_bytes));
        }
        Mutation::Swap { first, second, len } => {
            let (mut first, mut second) = (pos(*first), pos(*second));
            if first > second {
                std::mem::swap(&mut first, &mut second);
            }
            let len = (*len).min(second - first).min(n_bytes - second);
            if len > 0 {
                let (head, tail) = source.split_at_mut(second);
                head[first..first + len].swap_with_slice(&mut tail[..len]);
            }
        }
        Mutation::Duplicate { at, len } => {
            let at = pos(*at);
            let chunk = source[at..(at + len).min(n_bytes)].to_vec();
            source.splice(at..at, chunk);
        }
    }
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_parse(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn random_python_punctuation_never_panics(source in "[a-z0-9_ ()\\[\\]{}:;,.=+*/%<>!@&|^~'\"\\\\#\t\n\r\u{c}éπ€\u{a0}]{0,200}") {
        check_parse(&source)?;
    }

    #[test]
    fn random_token_sequences_never_panic(source in token_soup()) {
        check_parse(&source)?;
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn mutated_corpus_files_never_panic(
        file_idx in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let corpus = corpus();
        let mut source = corpus[file_idx.index(corpus.len())].clone();
        for mutation in &mutations {
            apply(&mut source, mutation);
        }
        check_parse(&String::from_utf8_lossy(&source))?;
    }
}

#[test]
fn unmutated_corpus_files_pass_the_same_checks() {
    for bytes in corpus() {
        check_parse(&String::from_utf8_lossy(bytes)).expect("corpus file passes");
    }
}
