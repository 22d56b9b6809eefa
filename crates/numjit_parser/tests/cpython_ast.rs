//! Our syntax tree must be CPython's: for every `test_data/ok` file and every standard-library
//! file, `support::ast_dump` of our tree equals CPython 3.11's `ast.dump(ast.parse(source))`,
//! and, with node positions, `ast.dump(..., include_attributes=True)`.
//!
//! Normalisations, each applied to both sides or explained in `support::ast_dump`:
//! - our parser maps lone surrogates in string literals (`"\ud800"`, which a Rust string cannot
//!   hold) to U+FFFD by design, so the Python side replaces every surrogate code point in string
//!   constants with U+FFFD before dumping;
//! - positions of f-string parts are not compared (CPython 3.11 gives them the whole string's
//!   range), and a decorated `def`/`class` is compared from its keyword, like CPython.
//!
//! The ok corpus must match exactly; differences in the stdlib and in positions must be listed
//! below with a FIXME, and an entry that no longer differs fails the test.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use support::ast_dump::{self, Printable};
use support::python;

/// Known `ast.dump` differences in the standard library, by path relative to the stdlib.
const KNOWN_STDLIB_MISMATCHES: &[(&str, &str)] = &[];

/// CPython ends a compound statement whose last line is a simple statement followed by `;` after
/// that `;` (`while x: pass;` ends at column 14); ours ends after `pass`.
const SEMICOLON_FIXME: &str = "FIXME(grammar): compound statement whose block ends in `stmt;`: \
     CPython's end position includes the trailing `;`, ours stops before it";

/// Known position differences in `test_data/ok`, by file name.
const KNOWN_OK_POSITION_MISMATCHES: &[(&str, &str)] = &[("semicolons.py", SEMICOLON_FIXME)];

/// Known position differences in the standard library, by path relative to the stdlib.
const KNOWN_STDLIB_POSITION_MISMATCHES: &[(&str, &str)] = &[
    ("lib2to3/tests/data/py3_test_grammar.py", SEMICOLON_FIXME),
    ("test/test_exception_group.py", SEMICOLON_FIXME),
    ("test/test_grammar.py", SEMICOLON_FIXME),
    ("test/test_inspect/test_inspect.py", SEMICOLON_FIXME),
    ("test/test_itertools.py", SEMICOLON_FIXME),
    ("test/test_sqlite3/test_userfunctions.py", SEMICOLON_FIXME),
    ("test/test_threading.py", SEMICOLON_FIXME),
    ("test/test_weakset.py", SEMICOLON_FIXME),
];

/// Prints the non-printable ranges on the first line, then for each path read from stdin one
/// line: `ok<TAB>dump<TAB>dump with positions`, or `error<TAB>message`. Dumps are one line
/// without tabs (`repr` escapes both).
fn dump_script() -> String {
    format!(
        r#"
import ast, multiprocessing, os, re, sys
{non_printable}
SURROGATES = re.compile("[\ud800-\udfff]")

def strip_position(node):
    for name in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        if hasattr(node, name):
            delattr(node, name)

def dump(path):
    try:
        with open(path, "rb") as file:
            tree = ast.parse(file.read())
    except (SyntaxError, ValueError) as error:
        return "error\t" + f"{{type(error).__name__}}: {{error}}".replace("\n", " ")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = SURROGATES.sub("\ufffd", node.value)
    plain = ast.dump(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            # CPython 3.11 gives the parts of an f-string the whole string's position.
            for part in node.values:
                strip_position(part)
                if isinstance(part, ast.FormattedValue) and part.format_spec is not None:
                    strip_position(part.format_spec)
    return "ok\t" + plain + "\t" + ast.dump(tree, include_attributes=True)

print(non_printable_ranges())
paths = sys.stdin.read().splitlines()
if len(paths) > 100:
    with multiprocessing.Pool(os.cpu_count()) as pool:
        for line in pool.imap(dump, paths, chunksize=8):
            sys.stdout.write(line + "\n")
else:
    for path in paths:
        sys.stdout.write(dump(path) + "\n")
"#,
        non_printable = ast_dump::NON_PRINTABLE_SCRIPT,
    )
}

/// CPython's verdict on one file: both dumps, or why it rejects the file.
enum CPythonDump<'a> {
    Ok { plain: &'a str, with_positions: &'a str },
    Rejected,
}

fn parse_dump_lines(out: &str, n_files: usize) -> (Printable, Vec<CPythonDump<'_>>) {
    let mut lines = out.lines();
    let printable =
        Printable::from_ranges(lines.next().expect("printable table line")).expect("printable table");
    let dumps: Vec<CPythonDump<'_>> = lines
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            ["ok", plain, with_positions] => CPythonDump::Ok { plain, with_positions },
            ["error", _] => CPythonDump::Rejected,
            _ => panic!("unexpected line from python3: {:?}", line.chars().take(200).collect::<String>()),
        })
        .collect();
    assert_eq!(dumps.len(), n_files, "python3 answered for {} of {n_files} files", dumps.len());
    (printable, dumps)
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

/// The outcome of comparing a set of files with CPython.
#[derive(Debug, Default)]
struct Comparison {
    /// Files CPython accepts (the ones compared).
    n_compared: usize,
    rejected_by_cpython: Vec<PathBuf>,
    /// Files whose `ast.dump` differs (or that we reject), with where.
    dump_mismatches: BTreeMap<PathBuf, String>,
    /// Files whose dump matches but whose positions differ, with where.
    position_mismatches: BTreeMap<PathBuf, String>,
}

enum Outcome {
    RejectedByCPython,
    Same,
    DumpDiffers(String),
    PositionsDiffer(String),
}

fn compare_one(path: &Path, cpython: &CPythonDump<'_>, printable: &Printable) -> Outcome {
    let CPythonDump::Ok { plain, with_positions } = cpython else { return Outcome::RejectedByCPython };
    let source = match support::read_source(path) {
        Ok(source) => source,
        Err(error) => return Outcome::DumpDiffers(error),
    };
    let parsed = match std::panic::catch_unwind(|| numjit_parser::parse_module(&source)) {
        Ok(parsed) => parsed,
        Err(_) => return Outcome::DumpDiffers("parse_module panicked".to_owned()),
    };
    if let Some(error) = parsed.errors.first() {
        return Outcome::DumpDiffers(format!("we reject it: {}", error.message()));
    }
    let ours = ast_dump::dump_module(&parsed.module, &source, printable);
    if ours != *plain {
        return Outcome::DumpDiffers(describe_difference(&ours, plain));
    }
    let ours = ast_dump::dump_module_with_positions(&parsed.module, &source, printable);
    if ours != *with_positions {
        return Outcome::PositionsDiffer(describe_difference(&ours, with_positions));
    }
    Outcome::Same
}

/// Runs CPython on all files (one subprocess), then compares each file on all cores.
fn compare(files: &[PathBuf]) -> Comparison {
    let out = python::run_python(&dump_script(), &python::paths_as_lines(files));
    let (printable, cpython) = parse_dump_lines(&out, files.len());
    let indices: Vec<usize> = (0..files.len()).collect();
    let outcomes =
        support::par_map(&indices, |&file_idx| compare_one(&files[file_idx], &cpython[file_idx], &printable));
    let mut comparison = Comparison::default();
    for (path, outcome) in files.iter().zip(outcomes) {
        match outcome {
            Outcome::RejectedByCPython => comparison.rejected_by_cpython.push(path.clone()),
            Outcome::Same => comparison.n_compared += 1,
            Outcome::DumpDiffers(difference) => {
                comparison.n_compared += 1;
                comparison.dump_mismatches.insert(path.clone(), difference);
            }
            Outcome::PositionsDiffer(difference) => {
                comparison.n_compared += 1;
                comparison.position_mismatches.insert(path.clone(), difference);
            }
        }
    }
    comparison
}

fn listing(mismatches: &BTreeMap<PathBuf, String>, shown: usize) -> String {
    mismatches
        .iter()
        .take(shown)
        .map(|(path, difference)| format!("{}: {difference}", path.display()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Asserts that `mismatches` are exactly the `known` ones (paths relative to `root`).
fn assert_only_known(
    what: &str,
    mismatches: &BTreeMap<PathBuf, String>,
    known: &[(&str, &str)],
    root: &Path,
) {
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_string_lossy().into_owned();
    let unexpected: BTreeMap<PathBuf, String> = mismatches
        .iter()
        .filter(|(path, _)| !known.iter().any(|(known, _)| *known == relative(path)))
        .map(|(path, difference)| (path.clone(), difference.clone()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} files differ from CPython's {what} (first 30):\n\n{}",
        unexpected.len(),
        listing(&unexpected, 30)
    );
    let fixed: Vec<&str> = known
        .iter()
        .map(|(known, _)| *known)
        .filter(|known| !mismatches.keys().any(|path| relative(path) == *known))
        .collect();
    assert!(
        fixed.is_empty(),
        "these files now match CPython's {what}; remove them from the known list: {fixed:?}"
    );
}

#[test]
fn ok_corpus_matches_cpython_ast() {
    let files = support::corpus_files("ok");
    let comparison = compare(&files);
    assert!(
        comparison.rejected_by_cpython.is_empty(),
        "CPython rejects ok files: {:?}",
        comparison.rejected_by_cpython
    );
    eprintln!(
        "ok corpus: {} files; ast.dump differs for {}, positions for {}",
        comparison.n_compared,
        comparison.dump_mismatches.len(),
        comparison.position_mismatches.len()
    );
    assert!(
        comparison.dump_mismatches.is_empty(),
        "{} of {} ok files differ from CPython's ast.dump:\n\n{}",
        comparison.dump_mismatches.len(),
        comparison.n_compared,
        listing(&comparison.dump_mismatches, 60)
    );
    assert_only_known(
        "node positions",
        &comparison.position_mismatches,
        KNOWN_OK_POSITION_MISMATCHES,
        &support::corpus_dir("ok"),
    );
}

#[test]
fn stdlib_matches_cpython_ast() {
    let files = python::stdlib_files();
    let comparison = compare(&files);
    eprintln!(
        "stdlib: {} files CPython accepts; ast.dump differs for {}, positions for {} more",
        comparison.n_compared,
        comparison.dump_mismatches.len(),
        comparison.position_mismatches.len()
    );
    let root = python::stdlib_dir();
    assert_only_known("ast.dump", &comparison.dump_mismatches, KNOWN_STDLIB_MISMATCHES, &root);
    assert_only_known(
        "node positions",
        &comparison.position_mismatches,
        KNOWN_STDLIB_POSITION_MISMATCHES,
        &root,
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
        (123_456_789.123_456_79, "123456789.12345679"),
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
