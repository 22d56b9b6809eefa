//! The execution corpus: every `tests/run/*.py` compiled and run end to end through the
//! `numjit` facade, each directive line checked (the format is in tests/run/README.md).
//!
//! - `# run[OPTIONS]: f(args) == EXPECTED` (`~=`, `raises Class: message`), followed by
//!   optional `# stdout:` lines; `# compile-error[OPTIONS]: [code] f(args)`.
//! - Each file runs in a child process (this binary re-executed with `--child FILE`), so a
//!   crash or a hang in compiled code fails that file's remaining lines instead of the
//!   whole run; a child that runs longer than `NUMJIT_CORPUS_TIMEOUT` seconds (default 120)
//!   is killed.
//! - `tests/run/KNOWN_FAILURES` lists lines that fail today (`file.py:LINE  reason`); a
//!   listed line must still fail (so the list only shrinks), every other line must pass.
//!   `NUMJIT_CORPUS_BLESS=1` rewrites the list from this run's failures (review the diff).
//! - Arguments filter the files by substring: `cargo test -p numjit --test run_corpus -- arith_`.
//!
//! The last line is `run corpus: passed P of N lines (F failing files)`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use numjit::{CallError, Dispatcher, ExceptionClass, Jit, Options, Value};
use numjit_ast as ast;

/// File name prefixes of corpus files (tests/run/README.md, "Files").
const GROUPS: [&str; 13] = [
    "arith_", "types_", "control_", "tuple_", "func_", "builtin_", "math_", "cmath_", "exc_", "print_",
    "error_", "seed_", "stress_",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run")
}

/// The name this binary reports to test runners.
const TEST_NAME: &str = "run_corpus";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice()
        && flag == "--child"
    {
        return run_child(Path::new(file));
    }
    // cargo-nextest lists the tests of a `harness = false` binary with `--list --format terse`
    // and then runs each by name; this binary is one test, `run_corpus`.
    if args.iter().any(|arg| arg == "--list") {
        if !args.iter().any(|arg| arg == "--ignored") {
            println!("{TEST_NAME}: test");
        }
        return ExitCode::SUCCESS;
    }
    // libtest-style flags (`--nocapture`, `--exact`, `--test-threads=1`) are accepted and
    // ignored; other arguments filter the corpus files by name.
    let filters: Vec<&String> =
        args.iter().filter(|arg| !arg.starts_with('-') && arg.as_str() != TEST_NAME).collect();
    run_parent(&filters)
}

// ---------------------------------------------------------------------------------------
// Directives

/// One directive line.
#[derive(Debug)]
struct Directive {
    line: usize,
    kind: DirectiveKind,
    options: Vec<String>,
    /// The call: `f(1, x=2.0)`.
    call: String,
    /// Expected stdout lines (run directives).
    stdout: Vec<String>,
}

#[derive(Debug)]
enum DirectiveKind {
    Equal(String),
    Close(String),
    /// The class and, when given, the exact message.
    Raises(String, Option<String>),
    CompileError(String),
}

fn parse_directives(source: &str) -> Result<Vec<Directive>, String> {
    let mut directives: Vec<Directive> = Vec::new();
    let mut last_was_run = false;
    for (line_idx, raw) in source.lines().enumerate() {
        let line = raw.trim_start();
        let number = line_idx + 1;
        if let Some(rest) = line.strip_prefix("# stdout:") {
            match directives.last_mut() {
                Some(directive) if last_was_run => {
                    directive.stdout.push(rest.strip_prefix(' ').unwrap_or(rest).to_owned());
                }
                _ => return Err(format!("line {number}: `# stdout:` not directly after a run line")),
            }
            continue;
        }
        last_was_run = false;
        let (is_run, rest) = if let Some(rest) = line.strip_prefix("# run") {
            (true, rest)
        } else if let Some(rest) = line.strip_prefix("# compile-error") {
            (false, rest)
        } else {
            continue;
        };
        let (options, rest) = match rest.strip_prefix('[') {
            Some(bracketed) => {
                let (inside, after) = bracketed
                    .split_once(']')
                    .ok_or_else(|| format!("line {number}: unclosed option list"))?;
                (
                    inside
                        .split(',')
                        .map(|option| option.trim().to_owned())
                        .filter(|o| !o.is_empty())
                        .collect(),
                    after,
                )
            }
            None => (Vec::new(), rest),
        };
        let Some(rest) = rest.strip_prefix(':') else { continue };
        let rest = rest.trim();
        let directive = if is_run {
            let call_end =
                call_end(rest).ok_or_else(|| format!("line {number}: malformed call in `{rest}`"))?;
            let (call, tail) = rest.split_at(call_end);
            let tail = tail.trim_start();
            let kind = if let Some(expected) = tail.strip_prefix("==") {
                DirectiveKind::Equal(expected.trim().to_owned())
            } else if let Some(expected) = tail.strip_prefix("~=") {
                DirectiveKind::Close(expected.trim().to_owned())
            } else if let Some(raised) = tail.strip_prefix("raises") {
                let raised = raised.trim_start();
                match raised.split_once(':') {
                    Some((class, message)) => DirectiveKind::Raises(
                        class.trim().to_owned(),
                        Some(message.strip_prefix(' ').unwrap_or(message).to_owned()),
                    ),
                    None => DirectiveKind::Raises(raised.trim().to_owned(), None),
                }
            } else {
                return Err(format!("line {number}: expected `==`, `~=` or `raises` after the call"));
            };
            last_was_run = true;
            Directive { line: number, kind, options, call: call.trim().to_owned(), stdout: Vec::new() }
        } else {
            let rest = rest.strip_prefix('[').ok_or_else(|| format!("line {number}: expected `[code]`"))?;
            let (code, call) =
                rest.split_once(']').ok_or_else(|| format!("line {number}: expected `[code]`"))?;
            Directive {
                line: number,
                kind: DirectiveKind::CompileError(code.trim().to_owned()),
                options,
                call: call.trim().to_owned(),
                stdout: Vec::new(),
            }
        };
        directives.push(directive);
    }
    Ok(directives)
}

/// The byte offset just after the call's closing parenthesis (quotes respected).
fn call_end(text: &str) -> Option<usize> {
    let open = text.find('(')?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (offset, ch) in text.char_indices().skip_while(|(offset, _)| *offset < open) {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(ch),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(offset + 1);
                }
            }
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// The child: runs one file's directives, one result line each on stdout.

fn run_child(path: &Path) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut report = |line: usize, outcome: Result<(), String>| {
        let text = match outcome {
            Ok(()) => format!("PASS {line}"),
            Err(message) => format!("FAIL {line} {}", message.replace('\\', "\\\\").replace('\n', "\\n")),
        };
        let _ = writeln!(stdout, "{text}");
        let _ = stdout.flush();
    };
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(error) => {
            report(0, Err(format!("cannot read: {error}")));
            return ExitCode::FAILURE;
        }
    };
    let directives = match parse_directives(&source) {
        Ok(directives) => directives,
        Err(error) => {
            report(0, Err(format!("malformed directive: {error}")));
            return ExitCode::FAILURE;
        }
    };
    let name = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let mut dispatchers: HashMap<(String, Vec<String>), Result<Dispatcher, String>> = HashMap::new();
    for directive in &directives {
        // Tell the parent which line runs, in case it crashes.
        let _ = writeln!(std::io::stderr(), "LINE {}", directive.line);
        let outcome = check_directive(&name, &source, directive, &mut dispatchers);
        report(directive.line, outcome);
    }
    ExitCode::SUCCESS
}

fn options_for(directive: &Directive) -> Result<Options, String> {
    let mut options = Options::new();
    for option in &directive.options {
        match option.split_once('=') {
            None if matches!(option.as_str(), "wrap" | "numba-semantics" | "numjit-only") => {}
            Some(("error_model", model)) => {
                options = options.error_model_named(model).map_err(|error| error.to_string())?;
            }
            Some(("fastmath", "True")) => options = options.fastmath(true),
            Some(("nogil", "True")) => options.nogil = true,
            Some(("boundscheck", "True")) => options = options.boundscheck(true),
            Some(("inline", mode)) => {
                options = options.inline_named(mode).map_err(|error| error.to_string())?
            }
            _ => return Err(format!("unknown option `{option}`")),
        }
    }
    Ok(options)
}

/// The function name and the evaluated arguments of a call.
type Call = (String, Vec<Value>, Vec<(String, Value)>);

fn parse_call(text: &str) -> Result<Call, String> {
    let expr = numjit_parser::parse_expression(text)
        .map_err(|error| format!("call `{text}`: {}", error.message()))?;
    let ast::Expr::Call(call) = expr else { return Err(format!("`{text}` is not a call")) };
    let ast::Expr::Name(name) = &*call.func else { return Err(format!("`{text}` does not call a name")) };
    // A bare name other than inf/nan is a function of the file passed as an argument.
    let names = |name: &str| Some(Value::Function(name.to_owned()));
    let args = call
        .args
        .iter()
        .map(|arg| Value::from_literal(arg, &names).map_err(|error| error.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut keywords = Vec::new();
    for keyword in &call.keywords {
        let Some(arg) = &keyword.arg else { return Err("`**` in a call".into()) };
        let value = Value::from_literal(&keyword.value, &names).map_err(|error| error.to_string())?;
        keywords.push((arg.id.to_string(), value));
    }
    Ok((name.id.to_string(), args, keywords))
}

fn check_directive(
    file: &str,
    source: &str,
    directive: &Directive,
    dispatchers: &mut HashMap<(String, Vec<String>), Result<Dispatcher, String>>,
) -> Result<(), String> {
    let options = options_for(directive)?;
    let (function, args, keywords) = parse_call(&directive.call)?;
    let key = (function.clone(), directive.options.clone());
    let dispatcher = dispatchers
        .entry(key)
        .or_insert_with(|| {
            Jit::new()
                .compile_named_source(file, source, &function, &options)
                .map_err(|error| error.to_string())
        })
        .as_ref()
        .map_err(|error| format!("compile_source failed: {error}"))?;
    let keywords: Vec<(&str, Value)> =
        keywords.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
    let (result, printed) = numjit::capture_output(|| dispatcher.call_with_keywords(&args, &keywords));
    if let DirectiveKind::CompileError(code) = &directive.kind {
        return match result {
            Err(CallError::Compile(error)) => {
                if error.diagnostics().iter().any(|diagnostic| diagnostic.code.as_str() == code) {
                    Ok(())
                } else {
                    Err(format!("expected a compile error [{code}], got:\n{error}"))
                }
            }
            Ok(value) => {
                Err(format!("expected a compile error [{code}], but it compiled and returned {value}"))
            }
            Err(error) => {
                Err(format!("expected a compile error [{code}], but it compiled and raised {error}"))
            }
        };
    }
    let expected_stdout: String = directive.stdout.iter().map(|line| format!("{line}\n")).collect();
    let stdout_problem = (printed != expected_stdout)
        .then(|| format!("stdout differs:\n  expected: {expected_stdout:?}\n  got:      {printed:?}"));
    let outcome = match (&directive.kind, result) {
        (DirectiveKind::Equal(expected) | DirectiveKind::Close(expected), Ok(value)) => {
            let exact = matches!(directive.kind, DirectiveKind::Equal(_));
            let expected_value = Value::parse_literal(expected)
                .map_err(|error| format!("expected value `{expected}`: {error}"))?;
            if values_match(&value, &expected_value, exact) {
                Ok(())
            } else {
                Err(format!("expected {expected}, got {value}{}", type_note(&value, &expected_value)))
            }
        }
        (
            DirectiveKind::Raises(class, message),
            Err(CallError::Exception { class: got, message: got_message }),
        ) => {
            if !is_subclass(got, class) {
                Err(format!(
                    "expected {class}, raised {}",
                    CallError::Exception { class: got, message: got_message }
                ))
            } else if let Some(message) = message.as_ref().filter(|message| **message != got_message) {
                Err(format!("expected message {message:?}, got {got_message:?} ({})", got.name()))
            } else {
                Ok(())
            }
        }
        (DirectiveKind::Raises(class, _), Ok(value)) => Err(format!("expected {class}, returned {value}")),
        (_, Err(CallError::Compile(error))) => Err(format!("does not compile:\n{error}")),
        (_, Err(error)) => Err(format!("unexpected error: {error}")),
        (DirectiveKind::CompileError(_), Ok(_)) => Ok(()),
    };
    match (outcome, stdout_problem) {
        (Ok(()), None) => Ok(()),
        (Ok(()), Some(problem)) => Err(problem),
        (Err(error), None) => Err(error),
        (Err(error), Some(problem)) => Err(format!("{error}\n{problem}")),
    }
}

/// Python's class hierarchy for the classes compiled code raises.
fn is_subclass(class: ExceptionClass, expected: &str) -> bool {
    use ExceptionClass as C;
    let parents: &[&str] = match class {
        C::ZeroDivisionError | C::OverflowError => &["ArithmeticError"],
        C::IndexError | C::KeyError => &["LookupError"],
        C::RecursionError | C::NotImplementedError => &["RuntimeError"],
        C::UnboundLocalError => &["NameError"],
        _ => &[],
    };
    class.name() == expected
        || parents.contains(&expected)
        || (expected == "Exception" && class != C::None)
        || expected == "BaseException"
}

/// A value as Python sees it: every integer an `int`, every float a `float`.
#[derive(Debug)]
enum Py {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    Tuple(Vec<Py>),
    Other,
}

fn py(value: &Value) -> Py {
    match value {
        Value::None => Py::None,
        Value::Bool(flag) => Py::Bool(*flag),
        Value::Float(_) | Value::Float32(_) => Py::Float(value.as_f64().unwrap_or(f64::NAN)),
        Value::Complex(..) | Value::Complex64(..) => {
            let (re, im) = value.as_complex().unwrap_or((f64::NAN, f64::NAN));
            Py::Complex(re, im)
        }
        Value::Tuple(items) => Py::Tuple(items.iter().map(py).collect()),
        Value::Function(_) => Py::Other,
        int => int.as_i128().map_or(Py::Other, Py::Int),
    }
}

fn values_match(got: &Value, expected: &Value, exact: bool) -> bool {
    py_match(&py(got), &py(expected), exact)
}

fn py_match(got: &Py, expected: &Py, exact: bool) -> bool {
    match (got, expected) {
        (Py::None, Py::None) => true,
        (Py::Bool(a), Py::Bool(b)) => a == b,
        (Py::Int(a), Py::Int(b)) => a == b,
        (Py::Float(a), Py::Float(b)) => float_match(*a, *b, exact),
        (Py::Complex(a, b), Py::Complex(c, d)) => float_match(*a, *c, exact) && float_match(*b, *d, exact),
        (Py::Tuple(a), Py::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| py_match(a, b, exact))
        }
        _ => false,
    }
}

fn float_match(got: f64, expected: f64, exact: bool) -> bool {
    if got.is_nan() || expected.is_nan() {
        return got.is_nan() && expected.is_nan();
    }
    if exact {
        return got.to_bits() == expected.to_bits();
    }
    if got.is_infinite() || expected.is_infinite() {
        return got == expected;
    }
    (got - expected).abs() <= 1e-12 * got.abs().max(expected.abs())
}

fn type_note(got: &Value, expected: &Value) -> String {
    let kind = |value: &Py| match value {
        Py::None => "None",
        Py::Bool(_) => "bool",
        Py::Int(_) => "int",
        Py::Float(_) => "float",
        Py::Complex(..) => "complex",
        Py::Tuple(_) => "tuple",
        Py::Other => "other",
    };
    let (got, expected) = (py(got), py(expected));
    if kind(&got) == kind(&expected) {
        String::new()
    } else {
        format!(" (a {} where a {} was expected)", kind(&got), kind(&expected))
    }
}

// ---------------------------------------------------------------------------------------
// The parent: runs each file's child, applies KNOWN_FAILURES, prints the summary.

fn run_parent(filters: &[&String]) -> ExitCode {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
        Err(error) => {
            eprintln!("cannot read {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    files.retain(|path| {
        let name = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        name.ends_with(".py")
            && GROUPS.iter().any(|group| name.starts_with(group))
            && (filters.is_empty() || filters.iter().any(|filter| name.contains(filter.as_str())))
    });
    files.sort();
    let known_path = dir.join("KNOWN_FAILURES");
    let known = match read_known_failures(&known_path) {
        Ok(known) => known,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let timeout = std::env::var("NUMJIT_CORPUS_TIMEOUT")
        .ok()
        .and_then(|text| text.parse().ok())
        .map_or(Duration::from_secs(120), Duration::from_secs);

    let started = Instant::now();
    let mut n_lines = 0usize;
    let mut n_passed = 0usize;
    let mut problems: Vec<String> = Vec::new();
    let mut failing_files = BTreeSet::new();
    let mut failures_now: BTreeMap<String, String> = BTreeMap::new();
    let mut seen_lines: BTreeSet<String> = BTreeSet::new();
    let mut n_known_failing = 0usize;
    for path in &files {
        let name = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        let lines =
            match std::fs::read_to_string(path).map_err(|error| error.to_string()).and_then(|source| {
                parse_directives(&source)
                    .map(|directives| directives.iter().map(|d| d.line).collect::<Vec<_>>())
            }) {
                Ok(lines) => lines,
                Err(error) => {
                    problems.push(format!("{name}: {error}"));
                    failing_files.insert(name.clone());
                    continue;
                }
            };
        let results = run_file_child(path, &lines, timeout);
        for line in lines {
            n_lines += 1;
            let location = format!("{name}:{line}");
            seen_lines.insert(location.clone());
            let outcome =
                results.get(&line).cloned().unwrap_or_else(|| Err("no result (child failed)".into()));
            match (outcome, known.get(&location)) {
                (Ok(()), None) => n_passed += 1,
                (Ok(()), Some(reason)) => {
                    problems.push(format!(
                        "{location}: passes but is listed in KNOWN_FAILURES ({reason}); remove it"
                    ));
                    failing_files.insert(name.clone());
                }
                (Err(message), Some(_)) => {
                    n_known_failing += 1;
                    failures_now.insert(location, first_line(&message));
                }
                (Err(message), None) => {
                    problems.push(format!("{location}: {message}"));
                    failures_now.insert(location, first_line(&message));
                    failing_files.insert(name.clone());
                }
            }
        }
    }
    if filters.is_empty() {
        for location in known.keys().filter(|location| !seen_lines.contains(*location)) {
            problems.push(format!("{location}: listed in KNOWN_FAILURES but no such directive line"));
        }
    }
    if std::env::var_os("NUMJIT_CORPUS_BLESS").is_some() {
        let mut merged: BTreeMap<String, String> = if filters.is_empty() {
            BTreeMap::new()
        } else {
            known
                .iter()
                .filter(|(location, _)| !seen_lines.contains(*location))
                .map(|(l, r)| (l.clone(), r.clone()))
                .collect()
        };
        for (location, message) in &failures_now {
            let reason = known.get(location).cloned().unwrap_or_else(|| message.clone());
            merged.insert(location.clone(), reason);
        }
        if let Err(error) = write_known_failures(&known_path, &merged) {
            eprintln!("cannot write {}: {error}", known_path.display());
        }
        eprintln!("blessed: {} known failures written to {}", merged.len(), known_path.display());
    }
    for problem in &problems {
        println!("FAIL {problem}\n");
    }
    println!(
        "run corpus: {n_known_failing} lines fail as listed in tests/run/KNOWN_FAILURES; {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!("run corpus: passed {n_passed} of {n_lines} lines ({} failing files)", failing_files.len());
    if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// A one-line reason for KNOWN_FAILURES: the first two lines of the failure (the second
/// is the diagnostic or the error), without source excerpts.
fn first_line(message: &str) -> String {
    let mut lines = message.lines().map(str::trim).filter(|line| !line.is_empty());
    let first = lines.next().unwrap_or("").trim_end_matches(':');
    let reason = match lines.next() {
        Some(second) if message.lines().next().is_some_and(|line| line.ends_with(':')) => {
            format!("{first}: {second}")
        }
        _ => first.to_owned(),
    };
    reason.chars().take(200).collect()
}

/// Runs the child for one file; each line's outcome by line number.
fn run_file_child(path: &Path, lines: &[usize], timeout: Duration) -> HashMap<usize, Result<(), String>> {
    let mut results = HashMap::new();
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => {
            for line in lines {
                results.insert(*line, Err(format!("cannot find the test binary: {error}")));
            }
            return results;
        }
    };
    let child =
        Command::new(exe).arg("--child").arg(path).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            for line in lines {
                results.insert(*line, Err(format!("cannot start the child: {error}")));
            }
            return results;
        }
    };
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut outcomes = Vec::new();
        if let Some(stdout) = stdout {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                outcomes.push(line);
            }
        }
        outcomes
    });
    let last_line = std::thread::spawn(move || {
        let mut current = None;
        let mut other = String::new();
        if let Some(stderr) = stderr {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                match line.strip_prefix("LINE ").and_then(|number| number.parse::<usize>().ok()) {
                    Some(number) => current = Some(number),
                    None if other.len() < 4000 => {
                        other.push_str(&line);
                        other.push('\n');
                    }
                    None => {}
                }
            }
        }
        (current, other)
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break None,
        }
    };
    let outcomes = reader.join().unwrap_or_default();
    let (current, stderr_text) = last_line.join().unwrap_or_default();
    for outcome in outcomes {
        let mut parts = outcome.splitn(3, ' ');
        let (Some(verdict), Some(line)) =
            (parts.next(), parts.next().and_then(|line| line.parse::<usize>().ok()))
        else {
            continue;
        };
        let message = parts.next().unwrap_or("").replace("\\n", "\n").replace("\\\\", "\\");
        results.insert(line, if verdict == "PASS" { Ok(()) } else { Err(message) });
    }
    let why = match status {
        None => format!("timed out after {} s", timeout.as_secs()),
        Some(status) if status.success() => "the child exited early".to_owned(),
        Some(status) => format!("the child crashed ({status})"),
    };
    for line in lines {
        if !results.contains_key(line) {
            let message = if Some(*line) == current {
                format!("{why} on this line\n{}", stderr_text.trim_end())
            } else {
                format!(
                    "not run: {why} on line {}",
                    current.map_or_else(|| "?".to_owned(), |c| c.to_string())
                )
            };
            results.insert(*line, Err(message));
        }
    }
    results
}

/// `file.py:LINE  reason` lines; `#` comments and blank lines ignored.
fn read_known_failures(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(BTreeMap::new()) };
    let mut known = BTreeMap::new();
    for (line_idx, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (location, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if !location.contains(".py:") {
            return Err(format!("{}:{}: expected `file.py:LINE  reason`", path.display(), line_idx + 1));
        }
        known.insert(location.to_owned(), reason.trim().to_owned());
    }
    Ok(known)
}

fn write_known_failures(path: &Path, known: &BTreeMap<String, String>) -> std::io::Result<()> {
    let mut text = String::from(
        "# Corpus lines that fail today, with the reason: `file.py:LINE  reason` (crate: cause).\n\
         # tests/run_corpus.rs requires every other line to pass and every listed line to fail,\n\
         # so this list only shrinks: remove a line when its cause is fixed.\n\
         # NUMJIT_CORPUS_BLESS=1 rewrites it from a run (keeping these reasons); review the diff.\n",
    );
    for (location, reason) in known {
        text.push_str(&format!("{location}  {reason}\n"));
    }
    std::fs::write(path, text)
}
