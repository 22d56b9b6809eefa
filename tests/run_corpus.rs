//! The execution corpora: every `tests/run/*.py` (scalar programs, format in
//! tests/run/README.md) and `tests/run/arrays/*.py` (array programs, format in
//! tests/run/arrays/README.md) compiled and run end to end through the `numjit` facade,
//! each directive line checked.
//!
//! - `# run[OPTIONS]: f(args) == EXPECTED` (`~=`, `raises Class: message`), followed by
//!   optional `# stdout:` lines; `# compile-error[OPTIONS]: [code] f(args)`. Arrays lines
//!   may also end in clauses (`; arg0 == ...`, `; view of arg0`); their arguments are built
//!   afresh for every call with NumPy's exact strides and offsets (`run_corpus/arrays.rs`)
//!   and results compare as `run_corpus/compare.rs` says.
//! - Every line is also a leak check: the runtime's live array blocks must be the same
//!   before the arguments are built and after arguments and result are dropped.
//! - Each file runs in a child process (this binary re-executed with `--child FILE`), so a
//!   crash or a hang in compiled code fails that file's remaining lines instead of the
//!   whole run; a child that runs longer than `NUMJIT_CORPUS_TIMEOUT` seconds (default 120)
//!   is killed. `NUMJIT_CORPUS_JOBS` children run at once (default: the number of CPUs).
//! - `tests/run/KNOWN_FAILURES` and `tests/run/arrays/KNOWN_FAILURES` list lines that fail
//!   today (`file.py:LINE  reason`); a listed line must still fail (so the lists only
//!   shrink), every other line must pass. `NUMJIT_CORPUS_BLESS=1` rewrites the lists from
//!   this run's failures (review the diff).
//! - Arguments filter the files by substring of their path relative to tests/run
//!   (`arrays/` selects the arrays corpus): `cargo test -p numjit --test run_corpus -- arith_`.
//!
//! The last lines are `run corpus: passed P of N lines (F failing files)` and
//! `arrays corpus: passed P of N lines (F failing files)`.

#[path = "run_corpus/arrays.rs"]
mod arrays;
#[path = "run_corpus/compare.rs"]
mod compare;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use numjit::{CallError, Dispatcher, ExceptionClass, Jit, Options, Value};
use numjit_ast as ast;

use crate::arrays::{Arg, Clause, Expected};

/// One corpus: a directory of `.py` files and its list of known failures.
struct Corpus {
    /// The name in the summary line.
    name: &'static str,
    /// The directory relative to tests/run (`""` or `"arrays/"`).
    prefix: &'static str,
    /// File name prefixes of corpus files (the README's "Files").
    groups: &'static [&'static str],
}

const CORPORA: [Corpus; 2] = [
    Corpus {
        name: "run corpus",
        prefix: "",
        groups: &[
            "arith_", "types_", "control_", "tuple_", "func_", "builtin_", "math_", "cmath_", "exc_",
            "print_", "error_", "seed_", "stress_",
        ],
    },
    Corpus {
        name: "arrays corpus",
        prefix: "arrays/",
        groups: &[
            "attr_", "method_", "index_", "setitem_", "iter_", "create_", "manip_", "ufunc_", "expr_",
            "inplace_", "reduce_", "dot_", "dtype_", "layout_", "mem_", "prog_", "exc_", "error_", "seed_",
        ],
    },
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/run")
}

/// The name this binary reports to test runners.
const TEST_NAME: &str = "run_corpus";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file, first_line] = args.as_slice()
        && flag == "--child"
    {
        return run_child(Path::new(file), first_line.parse().unwrap_or(0));
    }
    if let [flag, file] = args.as_slice()
        && flag == "--dump-args"
    {
        return dump_args(Path::new(file));
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
    /// Clauses after `;` (arrays corpus, `==`/`~=` lines).
    clauses: Vec<String>,
}

#[derive(Debug)]
enum DirectiveKind {
    Equal(String),
    Close(String),
    /// The class and, when given, the exact message.
    Raises(String, Option<String>),
    CompileError(String),
}

/// The directives of a file; `arrays` reads the arrays corpus's clauses.
fn parse_directives(source: &str, arrays: bool) -> Result<Vec<Directive>, String> {
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
            let mut clauses = Vec::new();
            let mut expected_part = |expected: &str| -> String {
                if !arrays {
                    return expected.trim().to_owned();
                }
                let mut pieces = split_clauses(expected).into_iter();
                let expected = pieces.next().unwrap_or_default();
                clauses.extend(pieces);
                expected
            };
            let kind = if let Some(expected) = tail.strip_prefix("==") {
                DirectiveKind::Equal(expected_part(expected))
            } else if let Some(expected) = tail.strip_prefix("~=") {
                DirectiveKind::Close(expected_part(expected))
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
            Directive {
                line: number,
                kind,
                options,
                call: call.trim().to_owned(),
                stdout: Vec::new(),
                clauses,
            }
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
                clauses: Vec::new(),
            }
        };
        directives.push(directive);
    }
    Ok(directives)
}

/// `EXPECTED ; CLAUSE ; ...` split at the semicolons outside brackets and quotes.
fn split_clauses(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let (mut start, mut depth, mut quote) = (0usize, 0usize, None::<char>);
    for (offset, ch) in text.char_indices() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(ch),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, ';') if depth == 0 => {
                pieces.push(text[start..offset].trim().to_owned());
                start = offset + 1;
            }
            _ => {}
        }
    }
    pieces.push(text[start..].trim().to_owned());
    pieces
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

/// Whether a file belongs to the arrays corpus (its directory is `arrays`).
fn is_arrays_file(path: &Path) -> bool {
    path.parent().and_then(Path::file_name).is_some_and(|name| name == "arrays")
}

/// Runs the directives of `path` from line `first_line` on.
fn run_child(path: &Path, first_line: usize) -> ExitCode {
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
    let arrays = is_arrays_file(path);
    let directives = match parse_directives(&source, arrays) {
        Ok(directives) => directives,
        Err(error) => {
            report(0, Err(format!("malformed directive: {error}")));
            return ExitCode::FAILURE;
        }
    };
    let name = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let mut dispatchers: HashMap<(String, Vec<String>), Result<Dispatcher, String>> = HashMap::new();
    for directive in directives.iter().filter(|directive| directive.line >= first_line) {
        // Tell the parent which line runs, in case it crashes.
        let _ = writeln!(std::io::stderr(), "LINE {}", directive.line);
        // A panic (in numjit or in this driver) fails this line only.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_directive(&name, &source, directive, arrays, &mut dispatchers)
        }))
        .unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|text| (*text).to_owned()))
                .unwrap_or_default();
            Err(format!("panicked: {message}"))
        });
        report(directive.line, outcome);
    }
    ExitCode::SUCCESS
}

/// `--dump-args FILE`: every array argument of the file's lines as built for a call, one
/// JSON object a line (`tools/check_corpus_args.py` compares them with NumPy's).
fn dump_args(path: &Path) -> ExitCode {
    let Ok(source) = std::fs::read_to_string(path) else { return ExitCode::FAILURE };
    let Ok(directives) = parse_directives(&source, true) else { return ExitCode::FAILURE };
    for directive in &directives {
        let call = match parse_call(&directive.call, true) {
            Ok(call) => call,
            Err(error) => {
                println!("{{\"line\": {}, \"error\": {:?}}}", directive.line, error);
                continue;
            }
        };
        for (index, arg) in call.args.iter().enumerate() {
            let (array, offset) = match arg.build() {
                Ok(Value::Array(array)) => (array, array_offset(arg)),
                Ok(value) => {
                    if let Some(scalar) = value.scalar_type() {
                        let repr = value.to_string();
                        println!(
                            "{{\"line\": {}, \"arg\": {index}, \"scalar\": \"{scalar}\", \"repr\": {repr:?}}}",
                            directive.line
                        );
                    }
                    continue;
                }
                Err(error) => {
                    println!("{{\"line\": {}, \"arg\": {index}, \"error\": {error:?}}}", directive.line);
                    continue;
                }
            };
            let values: Vec<String> =
                array.values().iter().map(|value| format!("{:?}", value.to_string())).collect();
            println!(
                "{{\"line\": {}, \"arg\": {index}, \"dtype\": \"{}\", \"shape\": {:?}, \"strides\": {:?}, \"offset\": {}, \"readonly\": {}, \"values\": [{}]}}",
                directive.line,
                array.dtype(),
                array.shape(),
                array.strides(),
                offset,
                array.is_readonly(),
                values.join(", ")
            );
        }
    }
    ExitCode::SUCCESS
}

/// The byte offset of an array argument's first element in its block.
fn array_offset(arg: &Arg) -> isize {
    match arg {
        Arg::Array { array, .. } => array.byte_offset(),
        Arg::Scalar(_) => 0,
    }
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
            Some(("parallel", "True")) => options = options.parallel(true),
            Some(("inline", mode)) => {
                options = options.inline_named(mode).map_err(|error| error.to_string())?
            }
            _ => return Err(format!("unknown option `{option}`")),
        }
    }
    Ok(options)
}

/// A call of a directive: the function's name and its arguments (built for each call).
struct Call {
    function: String,
    args: Vec<Arg>,
    keywords: Vec<(String, Arg)>,
}

/// Reads a call; `arrays` allows the arrays corpus's argument grammar.
fn parse_call(text: &str, arrays: bool) -> Result<Call, String> {
    let expr = numjit_parser::parse_expression(text)
        .map_err(|error| format!("call `{text}`: {}", error.message()))?;
    let ast::Expr::Call(call) = expr else { return Err(format!("`{text}` is not a call")) };
    let ast::Expr::Name(name) = &*call.func else { return Err(format!("`{text}` does not call a name")) };
    // A bare name other than inf/nan is a function of the file passed as an argument.
    let names = |name: &str| Some(Value::Function(name.to_owned()));
    let reader = arrays::Reader { text };
    let argument = |arg: &ast::Expr| -> Result<Arg, String> {
        if arrays {
            reader.argument(arg, &names)
        } else {
            Value::from_literal(arg, &names).map(Arg::Scalar).map_err(|error| error.to_string())
        }
    };
    let args = call.args.iter().map(argument).collect::<Result<Vec<_>, _>>()?;
    let mut keywords = Vec::new();
    for keyword in &call.keywords {
        let Some(arg) = &keyword.arg else { return Err("`**` in a call".into()) };
        keywords.push((arg.id.to_string(), argument(&keyword.value)?));
    }
    Ok(Call { function: name.id.to_string(), args, keywords })
}

/// What a run line expects of a returning call: the value and the clauses.
struct Expectation {
    expected: Expected,
    exact: bool,
    text: String,
    clauses: Vec<Clause>,
}

fn parse_expectation(
    directive: &Directive,
    arrays: bool,
    n_args: usize,
) -> Result<Option<Expectation>, String> {
    let (text, exact) = match &directive.kind {
        DirectiveKind::Equal(text) => (text, true),
        DirectiveKind::Close(text) => (text, false),
        DirectiveKind::Raises(..) | DirectiveKind::CompileError(_) => return Ok(None),
    };
    let expected = if arrays {
        arrays::parse_expected(text)?
    } else {
        Expected::from_value(
            Value::parse_literal(text).map_err(|error| format!("expected value `{text}`: {error}"))?,
        )
    };
    let clauses =
        directive.clauses.iter().map(|clause| arrays::parse_clause(clause)).collect::<Result<Vec<_>, _>>()?;
    for clause in &clauses {
        let (Clause::Arg { index, .. } | Clause::View { index, .. }) = clause;
        if *index >= n_args {
            return Err(format!("a clause names arg{index}; the call has {n_args} positional arguments"));
        }
    }
    Ok(Some(Expectation { expected, exact, text: text.clone(), clauses }))
}

fn check_directive(
    file: &str,
    source: &str,
    directive: &Directive,
    arrays: bool,
    dispatchers: &mut HashMap<(String, Vec<String>), Result<Dispatcher, String>>,
) -> Result<(), String> {
    let options = options_for(directive)?;
    let call = parse_call(&directive.call, arrays)?;
    let expectation = parse_expectation(directive, arrays, call.args.len())?;
    let key = (call.function.clone(), directive.options.clone());
    let dispatcher = dispatchers
        .entry(key)
        .or_insert_with(|| {
            Jit::new()
                .compile_named_source(file, source, &call.function, &options)
                .map_err(|error| error.to_string())
        })
        .as_ref()
        .map_err(|error| format!("compile_source failed: {error}"))?;
    // The leak check: every array block that the arguments, the call and the result made
    // is gone once they are dropped.
    let live_before = numjit::live_array_blocks();
    let outcome = run_directive(dispatcher, &call, directive, expectation.as_ref());
    let leaked = numjit::live_array_blocks() - live_before;
    let leak = match leaked {
        0 => None,
        1.. => Some(format!("leaks {leaked} array block(s): the runtime's live blocks grew by {leaked}")),
        _ => Some(format!("frees {} array block(s) too many", -leaked)),
    };
    match (outcome, leak) {
        (outcome, None) => outcome,
        (Ok(()), Some(leak)) => Err(leak),
        (Err(error), Some(leak)) => Err(format!("{error}\n{leak}")),
    }
}

/// Builds the arguments, calls, checks; everything built is dropped before it returns.
fn run_directive(
    dispatcher: &Dispatcher,
    call: &Call,
    directive: &Directive,
    expectation: Option<&Expectation>,
) -> Result<(), String> {
    let args = call.args.iter().map(Arg::build).collect::<Result<Vec<_>, _>>()?;
    let keywords = call
        .keywords
        .iter()
        .map(|(name, arg)| Ok((name.as_str(), arg.build()?)))
        .collect::<Result<Vec<_>, String>>()?;
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
        (DirectiveKind::Equal(_) | DirectiveKind::Close(_), Ok(value)) => match expectation {
            Some(expectation) => {
                compare::check(&value, &expectation.expected, expectation.exact, &expectation.text, "result")
                    .and_then(|()| check_clauses(&value, &args, &expectation.clauses))
            }
            None => Err("internal: no expected value".into()),
        },
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

/// The clauses after `;`: arguments after the call, views.
fn check_clauses(result: &Value, args: &[Value], clauses: &[Clause]) -> Result<(), String> {
    for clause in clauses {
        match clause {
            Clause::Arg { index, exact, expected, text } => {
                let arg = args.get(*index).ok_or_else(|| format!("no argument arg{index}"))?;
                compare::check(arg, expected, *exact, text, &format!("arg{index}"))?;
            }
            Clause::View { index, shared } => {
                let Value::Array(result) = result else {
                    return Err(format!(
                        "`view of arg{index}` needs an array result, got {}",
                        compare::describe(result)
                    ));
                };
                let Some(Value::Array(arg)) = args.get(*index) else {
                    return Err(format!("`view of arg{index}`: arg{index} is not an array"));
                };
                match (result.may_share_memory(arg), shared) {
                    (false, true) => {
                        return Err(format!("the result is not a view of arg{index} (no shared memory)"));
                    }
                    (true, false) => return Err(format!("the result shares memory with arg{index}")),
                    _ => {}
                }
            }
        }
    }
    Ok(())
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

// ---------------------------------------------------------------------------------------
// The parent: runs each file's child, applies the known-failure lists, prints the summaries.

/// A corpus file to run.
struct FileJob {
    corpus: usize,
    path: PathBuf,
    name: String,
    /// The directive lines, or why the file cannot be read.
    lines: Result<Vec<usize>, String>,
    /// Each line's outcome, once its child ran.
    results: Outcomes,
}

/// The outcome of each line of a file, by line number.
type Outcomes = HashMap<usize, Result<(), String>>;

fn run_parent(filters: &[&String]) -> ExitCode {
    let root = corpus_dir();
    let timeout = std::env::var("NUMJIT_CORPUS_TIMEOUT")
        .ok()
        .and_then(|text| text.parse().ok())
        .map_or(Duration::from_secs(120), Duration::from_secs);
    let n_jobs = std::env::var("NUMJIT_CORPUS_JOBS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let started = Instant::now();
    let mut files: Vec<FileJob> = Vec::new();
    for (corpus_idx, corpus) in CORPORA.iter().enumerate() {
        let dir = root.join(corpus.prefix);
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
            Err(error) => {
                eprintln!("cannot read {}: {error}", dir.display());
                return ExitCode::FAILURE;
            }
        };
        paths.retain(|path| {
            let name = file_name(path);
            let relative = format!("{}{name}", corpus.prefix);
            name.ends_with(".py")
                && corpus.groups.iter().any(|group| name.starts_with(group))
                && (filters.is_empty() || filters.iter().any(|filter| relative.contains(filter.as_str())))
        });
        paths.sort();
        for path in paths {
            let lines =
                std::fs::read_to_string(&path).map_err(|error| error.to_string()).and_then(|source| {
                    parse_directives(&source, corpus_idx == 1)
                        .map(|directives| directives.iter().map(|directive| directive.line).collect())
                });
            files.push(FileJob {
                corpus: corpus_idx,
                name: file_name(&path),
                path,
                lines,
                results: HashMap::new(),
            });
        }
    }

    // The children, `n_jobs` at a time.
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Outcomes>> = Mutex::new(vec![HashMap::new(); files.len()]);
    std::thread::scope(|scope| {
        for _ in 0..n_jobs.min(files.len()) {
            scope.spawn(|| {
                loop {
                    let file_idx = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(file_idx) else { break };
                    if let Ok(lines) = &file.lines {
                        let results = run_file_child(&file.path, lines, timeout);
                        if let Ok(mut slots) = slots.lock() {
                            slots[file_idx] = results;
                        }
                    }
                }
            });
        }
    });
    for (file, results) in files.iter_mut().zip(slots.into_inner().unwrap_or_default()) {
        file.results = results;
    }

    let mut problems: Vec<String> = Vec::new();
    let mut summaries: Vec<String> = Vec::new();
    for (corpus_idx, corpus) in CORPORA.iter().enumerate() {
        let corpus_files: Vec<&FileJob> = files.iter().filter(|file| file.corpus == corpus_idx).collect();
        if corpus_files.is_empty() {
            continue;
        }
        match judge_corpus(corpus, &root, &corpus_files, !filters.is_empty(), &mut problems) {
            Ok(summary) => summaries.extend(summary),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
    }
    for problem in &problems {
        println!("FAIL {problem}\n");
    }
    println!("corpora: {} files, {n_jobs} at a time, {:.1} s", files.len(), started.elapsed().as_secs_f64());
    for summary in &summaries {
        println!("{summary}");
    }
    if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

/// Applies a corpus's known-failure list to its files' results (and blesses it when
/// asked); pushes the problems and returns the summary lines.
fn judge_corpus(
    corpus: &Corpus,
    root: &Path,
    files: &[&FileJob],
    filtered: bool,
    problems: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let known_name = format!("tests/run/{}KNOWN_FAILURES", corpus.prefix);
    let known_path = root.join(corpus.prefix).join("KNOWN_FAILURES");
    let known = read_known_failures(&known_path)?;
    let mut n_lines = 0usize;
    let mut n_passed = 0usize;
    let mut n_known_failing = 0usize;
    let mut failing_files = BTreeSet::new();
    let mut failures_now: BTreeMap<String, String> = BTreeMap::new();
    let mut seen_lines: BTreeSet<String> = BTreeSet::new();
    for file in files {
        let name = &file.name;
        let lines = match &file.lines {
            Ok(lines) => lines,
            Err(error) => {
                problems.push(format!("{}{name}: {error}", corpus.prefix));
                failing_files.insert(name.clone());
                continue;
            }
        };
        for &line in lines {
            n_lines += 1;
            let location = format!("{name}:{line}");
            seen_lines.insert(location.clone());
            let outcome =
                file.results.get(&line).cloned().unwrap_or_else(|| Err("no result (child failed)".into()));
            match (outcome, known.get(&location)) {
                (Ok(()), None) => n_passed += 1,
                (Ok(()), Some(reason)) => {
                    problems.push(format!(
                        "{}{location}: passes but is listed in {known_name} ({reason}); remove it",
                        corpus.prefix
                    ));
                    failing_files.insert(name.clone());
                }
                (Err(message), Some(_)) => {
                    n_known_failing += 1;
                    failures_now.insert(location, first_line(&message));
                }
                (Err(message), None) => {
                    problems.push(format!("{}{location}: {message}", corpus.prefix));
                    failures_now.insert(location, first_line(&message));
                    failing_files.insert(name.clone());
                }
            }
        }
    }
    if !filtered {
        for location in known.keys().filter(|location| !seen_lines.contains(*location)) {
            problems.push(format!(
                "{}{location}: listed in {known_name} but no such directive line",
                corpus.prefix
            ));
        }
    }
    if std::env::var_os("NUMJIT_CORPUS_BLESS").is_some() {
        let mut merged: BTreeMap<String, String> = if filtered {
            known
                .iter()
                .filter(|(location, _)| !seen_lines.contains(*location))
                .map(|(location, reason)| (location.clone(), reason.clone()))
                .collect()
        } else {
            BTreeMap::new()
        };
        for (location, message) in &failures_now {
            let reason = known.get(location).cloned().unwrap_or_else(|| message.clone());
            merged.insert(location.clone(), reason);
        }
        if let Err(error) = write_known_failures(&known_path, &merged) {
            eprintln!("cannot write {}: {error}", known_path.display());
        }
        eprintln!("blessed: {} known failures written to {known_name}", merged.len());
    }
    Ok(vec![
        format!("{}: {n_known_failing} lines fail as listed in {known_name}", corpus.name),
        format!(
            "{}: passed {n_passed} of {n_lines} lines ({} failing files)",
            corpus.name,
            failing_files.len()
        ),
    ])
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

/// Runs the child for one file; each line's outcome by line number. A child that crashes
/// fails the line it was running and is started again after it; one that runs past the
/// timeout (counted over the whole file) fails the rest.
fn run_file_child(path: &Path, lines: &[usize], timeout: Duration) -> Outcomes {
    let mut results = HashMap::new();
    let deadline = Instant::now() + timeout;
    let mut first_line = 0;
    loop {
        let run = spawn_child(path, first_line, deadline);
        results.extend(run.outcomes);
        let crashed = matches!(run.status, Ok(status) if !status.success());
        let why = match run.status {
            Err(why) => why,
            Ok(status) if status.success() => "the child exited early".to_owned(),
            Ok(status) => format!("the child crashed ({status})"),
        };
        if let Some(current) = run.current.filter(|current| !results.contains_key(current)) {
            results.insert(current, Err(format!("{why} on this line\n{}", run.stderr.trim_end())));
            if crashed && lines.iter().any(|line| *line > current) {
                first_line = current + 1;
                continue;
            }
        }
        for line in lines {
            if !results.contains_key(line) {
                let message = format!(
                    "not run: {why} on line {}",
                    run.current.map_or_else(|| "?".to_owned(), |current| current.to_string())
                );
                results.insert(*line, Err(message));
            }
        }
        return results;
    }
}

/// What one child process reported.
struct ChildRun {
    outcomes: Outcomes,
    /// How it ended; `Err` when it could not start or was killed at the deadline.
    status: Result<std::process::ExitStatus, String>,
    /// The line it announced last.
    current: Option<usize>,
    /// The rest of its standard error (a panic message, a signal).
    stderr: String,
}

/// Runs `--child FILE FIRST_LINE` until it exits or the deadline passes.
fn spawn_child(path: &Path, first_line: usize, deadline: Instant) -> ChildRun {
    let failed = |why: String| ChildRun {
        outcomes: HashMap::new(),
        status: Err(why),
        current: None,
        stderr: String::new(),
    };
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(error) => return failed(format!("cannot find the test binary: {error}")),
    };
    let child = Command::new(exe)
        .arg("--child")
        .arg(path)
        .arg(first_line.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => return failed(format!("cannot start the child: {error}")),
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
                    Some(number) => {
                        current = Some(number);
                        other.clear();
                    }
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
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Err("timed out (NUMJIT_CORPUS_TIMEOUT)".to_owned());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(error) => break Err(format!("cannot wait for the child: {error}")),
        }
    };
    let lines = reader.join().unwrap_or_default();
    let (current, stderr) = last_line.join().unwrap_or_default();
    let mut outcomes = HashMap::new();
    for outcome in lines {
        let mut parts = outcome.splitn(3, ' ');
        let (Some(verdict), Some(line)) =
            (parts.next(), parts.next().and_then(|line| line.parse::<usize>().ok()))
        else {
            continue;
        };
        let message = parts.next().unwrap_or("").replace("\\n", "\n").replace("\\\\", "\\");
        outcomes.insert(line, if verdict == "PASS" { Ok(()) } else { Err(message) });
    }
    ChildRun { outcomes, status, current, stderr }
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
