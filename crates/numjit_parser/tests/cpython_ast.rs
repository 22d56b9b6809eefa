//! Our syntax tree must be CPython's: for every `test_data/ok` file and every standard-library
//! file, `support::ast_dump` of our tree equals CPython 3.11's `ast.dump(ast.parse(source))`.
//!
//! One normalisation: our parser maps lone surrogates in string literals (`"\ud800"`, which a
//! Rust string cannot hold) to U+FFFD by design, so the Python side replaces every surrogate code
//! point in string constants with U+FFFD before dumping.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use support::ast_dump::{self, Printable};
use support::python;

/// Known differences in the standard library, by path relative to the stdlib directory.
/// Every entry needs a FIXME saying what differs; the test fails when an entry no longer
/// differs, so the list cannot go stale.
const KNOWN_STDLIB_MISMATCHES: &[(&str, &str)] = &[];

/// Prints the non-printable ranges on the first line, then for each path read from stdin one
/// line: `ok<TAB>dump` or `error<TAB>message`. Dumps are one line (repr escapes newlines).
fn dump_script() -> String {
    format!(
        r#"
import ast, multiprocessing, os, re, sys
{non_printable}
SURROGATES = re.compile("[\ud800-\udfff]")

def dump(path):
    try:
        with open(path, "rb") as file:
            tree = ast.parse(file.read())
    except (SyntaxError, ValueError) as error:
        return "error\t" + f"{{type(error).__name__}}: {{error}}".replace("\n", " ")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = SURROGATES.sub("\ufffd", node.value)
    return "ok\t" + ast.dump(tree)

print(non_printable_ranges())
paths = sys.stdin.read().splitlines()
if len(paths) > 100:
    with multiprocessing.Pool(os.cpu_count()) as pool:
        results = pool.imap(dump, paths, chunksize=8)
        for line in results:
            sys.stdout.write(line + "\n")
else:
    for path in paths:
        sys.stdout.write(dump(path) + "\n")
"#,
        non_printable = ast_dump::NON_PRINTABLE_SCRIPT
    )
}

/// CPython's dump of each file (`Err` when CPython rejects it), and its printable table.
fn cpython_dumps(files: &[PathBuf]) -> (Printable, Vec<Result<String, String>>) {
    let out = python::run_python(&dump_script(), &python::paths_as_lines(files));
    let mut lines = out.lines();
    let printable =
        Printable::from_ranges(lines.next().expect("printable table line")).expect("printable table");
    let dumps: Vec<Result<String, String>> = lines
        .map(|line| match line.split_once('\t') {
            Some(("ok", dump)) => Ok(dump.to_owned()),
            Some(("error", message)) => Err(message.to_owned()),
            _ => panic!("unexpected line from python3: {:?}", line.chars().take(200).collect::<String>()),
        })
        .collect();
    assert_eq!(dumps.len(), files.len(), "python3 answered for {} of {} files", dumps.len(), files.len());
    (printable, dumps)
}

/// Our tree of the file, parsed the way CPython reads files; `Err` if it has errors.
fn our_tree(path: &Path) -> Result<(String, numjit_ast::ModModule), String> {
    let source = support::read_source(path)?;
    let parsed = std::panic::catch_unwind(|| numjit_parser::parse_module(&source))
        .map_err(|_| "parse_module panicked".to_owned())?;
    match parsed.errors.first() {
        None => Ok((source, parsed.module)),
        Some(error) => Err(format!("we reject it: {}", error.message())),
    }
}

/// Where two dumps first differ, with some context from each.
fn describe_difference(ours: &str, cpython: &str) -> String {
    let at = ours.bytes().zip(cpython.bytes()).take_while(|(a, b)| a == b).count();
    let context = |text: &str| {
        let mut start = at.saturating_sub(150);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + 150).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text[start..end].to_owned()
    };
    format!(
        "first difference at byte {at}:\n    ours:    …{}…\n    cpython: …{}…",
        context(ours),
        context(cpython)
    )
}

/// Compares our dump with CPython's for every file CPython accepts. Returns the differing
/// files, with a description each, and how many files were compared.
fn compare(files: &[PathBuf]) -> (BTreeMap<PathBuf, String>, usize, Vec<PathBuf>) {
    let ((printable, cpython), ours) = std::thread::scope(|scope| {
        let cpython = scope.spawn(|| cpython_dumps(files));
        let ours = support::par_map(files, |path| our_tree(path));
        (cpython.join().expect("python3 thread"), ours)
    });
    let mut mismatches = BTreeMap::new();
    let mut rejected_by_cpython = Vec::new();
    let mut n_compared = 0;
    for ((path, cpython), ours) in files.iter().zip(&cpython).zip(&ours) {
        let Ok(cpython) = cpython else {
            rejected_by_cpython.push(path.clone());
            continue;
        };
        n_compared += 1;
        match ours {
            Err(error) => {
                mismatches.insert(path.clone(), error.clone());
            }
            Ok((source, module)) => {
                let dump = ast_dump::dump_module(module, source, &printable);
                if dump != *cpython {
                    mismatches.insert(path.clone(), describe_difference(&dump, cpython));
                }
            }
        }
    }
    (mismatches, n_compared, rejected_by_cpython)
}

fn listing(mismatches: &BTreeMap<PathBuf, String>, shown: usize) -> String {
    mismatches
        .iter()
        .take(shown)
        .map(|(path, difference)| format!("{}: {difference}", path.display()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn ok_corpus_matches_cpython_ast() {
    let files = support::corpus_files("ok");
    let (mismatches, n_compared, rejected_by_cpython) = compare(&files);
    assert!(rejected_by_cpython.is_empty(), "CPython rejects these ok files: {rejected_by_cpython:?}");
    eprintln!("ok corpus: {} of {n_compared} files match CPython's ast.dump", n_compared - mismatches.len());
    assert!(
        mismatches.is_empty(),
        "{} of {n_compared} ok files differ from CPython's ast.dump:\n\n{}",
        mismatches.len(),
        listing(&mismatches, 60)
    );
}

#[test]
fn stdlib_matches_cpython_ast() {
    let files = python::stdlib_files();
    let root = python::stdlib_dir();
    let (mismatches, n_compared, _) = compare(&files);
    eprintln!(
        "stdlib: {} of {n_compared} files CPython accepts match its ast.dump ({} known mismatches)",
        n_compared - mismatches.len(),
        KNOWN_STDLIB_MISMATCHES.len()
    );
    let relative = |path: &Path| path.strip_prefix(&root).unwrap_or(path).to_string_lossy().into_owned();
    let unexpected: BTreeMap<PathBuf, String> = mismatches
        .iter()
        .filter(|(path, _)| !KNOWN_STDLIB_MISMATCHES.iter().any(|(known, _)| *known == relative(path)))
        .map(|(path, difference)| (path.clone(), difference.clone()))
        .collect();
    let fixed: Vec<&str> = KNOWN_STDLIB_MISMATCHES
        .iter()
        .map(|(known, _)| *known)
        .filter(|known| !mismatches.keys().any(|path| relative(path) == *known))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} stdlib files differ from CPython's ast.dump (first 30):\n\n{}",
        unexpected.len(),
        listing(&unexpected, 30)
    );
    assert!(
        fixed.is_empty(),
        "these files now match CPython; remove them from KNOWN_STDLIB_MISMATCHES: {fixed:?}"
    );
}

/// The dumper's `repr` of floats, strings and bytes against values checked in CPython 3.11.
#[test]
fn dumper_reprs_match_python() {
    let cases = [
        (0.0, "0.0"),
        (1.0, "1.0"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789.123456789, "123456789.12345679"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (1e300, "1e+300"),
        (f64::INFINITY, "inf"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-0.0, "-0.0"),
        (2.5e-3, "0.0025"),
    ];
    for (value, expected) in cases {
        assert_eq!(ast_dump::float_repr(value), expected, "repr({value:e})");
    }
    for (imag, expected) in
        [(1.0, "1j"), (1.5, "1.5j"), (0.0, "0j"), (1e16, "1e+16j"), (1e15, "1000000000000000j")]
    {
        assert_eq!(ast_dump::imaginary_repr(imag), expected);
    }
    assert_eq!(ast_dump::imaginary_repr(f64::INFINITY), "infj");

    let printable = Printable::from_ranges("a0-a0,ad-ad,2028-2029,fffe-ffff").expect("ranges");
    for (value, expected) in [
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("'\"", "'\\'\"'"),
        ("a\\b\n\t\r\u{7}\u{7f}", "'a\\\\b\\n\\t\\r\\x07\\x7f'"),
        ("é\u{a0}\u{2028}€", "'é\\xa0\\u2028€'"),
        ("\u{ffff}", "'\\uffff'"),
    ] {
        assert_eq!(ast_dump::str_repr(value, &printable), expected, "repr of {value:?}");
    }
    assert_eq!(ast_dump::bytes_repr(b"a'\"\\\x00\xff\n"), "b'a\\'\"\\\\\\x00\\xff\\n'");
    assert_eq!(ast_dump::bytes_repr(b"it's"), "b\"it's\"");
}
