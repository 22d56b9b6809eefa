//! Parses every `.py` file of CPython 3.11's standard library (found through `python3`) and
//! compares the verdict with CPython's `ast.parse`: each file CPython accepts must parse without
//! errors, and each file it rejects must be rejected here too.
//!
//! CPython judges all files in one subprocess while our parser runs on all cores. Without
//! python3 the test fails and says how to install it.

mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use support::python;

/// Reads paths on stdin; prints one line per path, in order: `ok`, or `error<TAB>message`.
const CPYTHON_VERDICT_SCRIPT: &str = r#"
import ast, multiprocessing, os, sys

def verdict(path):
    try:
        with open(path, "rb") as file:
            ast.parse(file.read())
        return "ok"
    except (SyntaxError, ValueError) as error:
        message = f"{type(error).__name__}: {error}".replace("\n", " ")
        return f"error\t{message}"

paths = sys.stdin.read().splitlines()
with multiprocessing.Pool(os.cpu_count()) as pool:
    for line in pool.imap(verdict, paths, chunksize=8):
        sys.stdout.write(line + "\n")
"#;

/// Files CPython rejects that we accept, by path relative to the stdlib directory, each with a
/// FIXME. The test fails when an entry is rejected again, so the list cannot go stale.
const KNOWN_WRONGLY_ACCEPTED: &[(&str, &str)] = &[];

enum Verdict {
    Accepted,
    Rejected(String),
}

fn cpython_verdicts(files: &[PathBuf]) -> Vec<Verdict> {
    let out = python::run_python(CPYTHON_VERDICT_SCRIPT, &python::paths_as_lines(files));
    let verdicts: Vec<Verdict> = out
        .lines()
        .map(|line| match line.split_once('\t') {
            Some(("error", message)) => Verdict::Rejected(message.to_owned()),
            _ if line == "ok" => Verdict::Accepted,
            _ => panic!("unexpected line from python3: {line:?}"),
        })
        .collect();
    assert_eq!(
        verdicts.len(),
        files.len(),
        "python3 answered for {} of {} files",
        verdicts.len(),
        files.len()
    );
    verdicts
}

/// Our verdict: `Ok(bytes)` when the file parses without errors, else the first error rendered.
fn our_verdict(path: &Path) -> Result<usize, String> {
    let source = support::read_source(path)?;
    let parsed = std::panic::catch_unwind(|| numjit_parser::parse_module(&source))
        .map_err(|_| "parse_module panicked".to_owned())?;
    match parsed.errors.first() {
        None => Ok(source.len()),
        Some(error) => Err(numjit_diagnostics::render(
            &error.to_diagnostic(),
            &numjit_diagnostics::SourceFile::new(&path.display().to_string(), &source),
            numjit_diagnostics::RenderOptions::default(),
        )),
    }
}

#[test]
fn stdlib_parses_exactly_when_cpython_parses() {
    let files = python::stdlib_files();
    let started = Instant::now();
    let (cpython, (ours, our_time)) = std::thread::scope(|scope| {
        let cpython = scope.spawn(|| cpython_verdicts(&files));
        let ours = support::par_map(&files, |path| our_verdict(path));
        let our_time = started.elapsed();
        (cpython.join().expect("python3 thread"), (ours, our_time))
    });
    let elapsed = started.elapsed();

    let mut n_accepted = 0;
    let mut n_bytes = 0;
    let mut wrongly_rejected = Vec::new();
    let mut rejected_by_both = Vec::new();
    let mut wrongly_accepted = Vec::new();
    for ((path, cpython), ours) in files.iter().zip(&cpython).zip(&ours) {
        match (cpython, ours) {
            (Verdict::Accepted, Ok(len)) => {
                n_accepted += 1;
                n_bytes += len;
            }
            (Verdict::Accepted, Err(error)) => wrongly_rejected.push(format!("{}:\n{error}", path.display())),
            (Verdict::Rejected(_), Err(_)) => rejected_by_both.push(path),
            (Verdict::Rejected(message), Ok(_)) => {
                wrongly_accepted.push((path, format!("{} (CPython: {message})", path.display())))
            }
        }
    }
    let n_rejected_by_cpython = rejected_by_both.len() + wrongly_accepted.len();
    eprintln!(
        "stdlib: {} files; CPython accepts {}, of which we parse {} ({:.1} MB) without errors; \
         CPython rejects {n_rejected_by_cpython}, of which we reject {}; \
         our parse took {:.1} s, the whole test {:.1} s",
        files.len(),
        n_accepted + wrongly_rejected.len(),
        n_accepted,
        n_bytes as f64 / 1e6,
        rejected_by_both.len(),
        our_time.as_secs_f64(),
        elapsed.as_secs_f64()
    );

    const SHOWN: usize = 40;
    assert!(
        wrongly_rejected.is_empty(),
        "{} stdlib files that CPython accepts fail to parse (first {SHOWN}):\n\n{}",
        wrongly_rejected.len(),
        wrongly_rejected.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("\n\n")
    );
    let root = python::stdlib_dir();
    let relative = |path: &Path| path.strip_prefix(&root).unwrap_or(path).to_string_lossy().into_owned();
    let unexpected: Vec<&String> = wrongly_accepted
        .iter()
        .filter(|(path, _)| !KNOWN_WRONGLY_ACCEPTED.iter().any(|(known, _)| *known == relative(path)))
        .map(|(_, description)| description)
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} stdlib files that CPython rejects parse without errors:\n{}",
        unexpected.len(),
        unexpected.iter().map(|line| line.as_str()).collect::<Vec<_>>().join("\n")
    );
    let fixed: Vec<&str> = KNOWN_WRONGLY_ACCEPTED
        .iter()
        .map(|(known, _)| *known)
        .filter(|known| !wrongly_accepted.iter().any(|(path, _)| relative(path) == *known))
        .collect();
    assert!(fixed.is_empty(), "we now reject these; remove them from KNOWN_WRONGLY_ACCEPTED: {fixed:?}");
}
