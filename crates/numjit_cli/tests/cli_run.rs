//! End-to-end tests of `numjit run`, `numjit inspect` and `numjit sysinfo`: exit codes
//! 0/1/2, results printed as Python's `repr`, exceptions and diagnostics on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn numjit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numjit")).args(args).output().expect("the numjit binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const PROGRAM: &str = "\
import math

def f(x, y):
    return x * 2 + y

def div(a, b):
    return a // b

def check(x):
    assert x > 0, \"x must be positive\"
    return x

def pair(x):
    return (x, -x / 2)

def single(x):
    return (x,)

def cplx(z):
    return z * 1j

def both(x):
    return x > 1, None

def bad(x):
    return x + (1, 2)

def twice(g, x):
    return g(g(x))

def inc(x):
    return x + 1

def root(x):
    return math.sqrt(x)

def scaled(a, k):
    return a * k

def total(a):
    return a.sum()
";

/// The program written to a fresh file under the target directory.
fn program() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_run");
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    let path = dir.join("prog.py");
    std::fs::write(&path, PROGRAM).expect("write program");
    path
}

fn run(function: &str, args: &[&str]) -> Output {
    let target = format!("{}::{function}", program().display());
    let mut all = vec!["run", "--color", "never", target.as_str()];
    all.extend_from_slice(args);
    numjit(&all)
}

fn assert_prints(function: &str, args: &[&str], expected: &str) {
    let output = run(function, args);
    assert_eq!(output.status.code(), Some(0), "{function}{args:?}: {}", stderr(&output));
    assert_eq!(stdout(&output), format!("{expected}\n"), "{function}{args:?}");
}

#[test]
fn prints_results_as_python_repr() {
    assert_prints("f", &["3", "2.5"], "8.5");
    assert_prints("f", &["3", "2"], "8");
    assert_prints("f", &["-3", "-0.5"], "-6.5");
    assert_prints("f", &["1e308", "1e308"], "inf");
    assert_prints("f", &["0.1", "0.2"], "0.4");
    assert_prints("f", &["True", "False"], "2");
    assert_prints("pair", &["3"], "(3, -1.5)");
    assert_prints("pair", &["-0.0"], "(-0.0, 0.0)");
    assert_prints("pair", &["nan"], "(nan, nan)");
    assert_prints("pair", &["-inf"], "(-inf, inf)");
    assert_prints("single", &["7"], "(7,)");
    assert_prints("single", &["(1, (2.5, None))"], "((1, (2.5, None)),)");
    assert_prints("cplx", &["1+2j"], "(-2+1j)");
    assert_prints("cplx", &["2"], "2j");
    assert_prints("both", &["2"], "(True, None)");
    assert_prints("twice", &["inc", "5"], "7");
    assert_prints("root", &["2.0"], "1.4142135623730951");
    assert_prints("div", &["--", "7", "2"], "3");
}

#[test]
fn exceptions_exit_one_with_class_and_message() {
    let output = run("div", &["7", "0"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "ZeroDivisionError: integer division or modulo by zero\n");
    assert_eq!(stdout(&output), "");
    let output = run("check", &["-1"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "AssertionError: x must be positive\n");
    // math functions follow Numba (the C library's result), not CPython's ValueError.
    let output = run("root", &["-1.0"]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(0), "nan\n"));
}

#[test]
fn compile_errors_exit_two_with_rendered_diagnostics() {
    let output = run("bad", &["1"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("error[type-mismatch]"), "{errors}");
    assert!(errors.contains("prog.py:26:12"), "file and line: {errors}");
    assert!(errors.contains("26 |     return x + (1, 2)"), "{errors}");
    assert!(errors.contains("^^^"), "{errors}");

    let output = run("missing", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no function named 'missing'"), "{}", stderr(&output));

    let output = run("f", &["__import__('os')", "1"]);
    assert_eq!(output.status.code(), Some(2), "arguments are literals, never evaluated");
    let output = numjit(&["run", "nowhere.py::f", "1"]);
    assert_eq!(output.status.code(), Some(2));
    let output = numjit(&["run", "no_function_named"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("FILE.py::FUNCTION"), "{}", stderr(&output));
}

#[test]
fn option_flags() {
    let path = program();
    let target = format!("{}::div", path.display());
    let output = numjit(&["run", "--error-model", "numpy", &target, "7", "0"]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(0), "0\n"), "{}", stderr(&output));
    let target = format!("{}::f", path.display());
    for flags in [&["--fastmath"][..], &["--fastmath=nnan,contract"], &["--opt", "0"], &["--boundscheck"]] {
        let mut args = vec!["run"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&[&target, "1.5", "1.0"]);
        let output = numjit(&args);
        assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(0), "4.0\n"), "{flags:?}");
    }
    let output = numjit(&["run", "--fastmath=nnan,fastest", &target, "1", "2"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown fastmath flag 'fastest'"), "{}", stderr(&output));
    let output = numjit(&["run", &target, "1", "2", "--opt", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("put options before"), "{}", stderr(&output));
}

/// `--timings` reports every stage on stderr in the `  name  milliseconds` rows that
/// `cargo xtask bench fresh` reads (the values are not checked: no timed assertions).
#[test]
fn timings_report_every_stage() {
    let target = format!("{}::f", program().display());
    let output = numjit(&["run", "--timings", target.as_str(), "3", "2.5"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "8.5\n");
    let text = stderr(&output);
    let (_, report) = text.split_once("timings (ms):\n").expect("a timings report");
    let names: Vec<&str> = report
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert!(line.starts_with("  ") && fields.len() == 2, "row `{line}`");
            assert!(fields[1].parse::<f64>().is_ok_and(|ms| ms >= 0.0), "row `{line}`");
            fields[0]
        })
        .collect();
    let expected = [
        "parse",
        "infer",
        "lower",
        "opt",
        "llvm_setup",
        "codegen",
        "llvm_opt",
        "jit",
        "compile",
        "first_call",
        "main",
    ];
    assert_eq!(names, expected);
    assert!(!stderr(&run("f", &["3", "2.5"])).contains("timings"), "only with --timings");
}

#[test]
fn inspect_prints_each_stage() {
    let target = format!("{}::root", program().display());
    for (stage, expected) in [
        ("hir", "body0 root(x)"),
        ("types", "root(float64) -> float64"),
        ("ir", "func @root(float64) -> float64"),
        ("opt", "func @root(float64) -> float64"),
        ("llvm", "define"),
        ("asm", "sqrt"),
    ] {
        let output = numjit(&["inspect", &target, "--sig", "float64(float64)", "--stage", stage]);
        assert_eq!(output.status.code(), Some(0), "{stage}: {}", stderr(&output));
        assert!(stdout(&output).contains(expected), "{stage}: {}", stdout(&output));
    }
    let output = numjit(&["inspect", &target, "--sig", "(float64", "--stage", "ir"]);
    assert_eq!(output.status.code(), Some(2));
    let output = numjit(&["inspect", &target, "--sig", "(float64)", "--stage", "bytecode"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn sysinfo_describes_the_machine() {
    let output = numjit(&["sysinfo"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for field in ["numjit version", "LLVM version", "CPU name", "CPU features", "CPU count", "libmvec"] {
        assert!(text.contains(field), "{field}: {text}");
    }
    assert!(text.contains(": 22."), "LLVM 22: {text}");
}

#[test]
fn arrays_in_and_out_print_like_numpy() {
    assert_prints(
        "scaled",
        &["np.arange(6).reshape(2, 3)", "2"],
        "array([[ 0,  2,  4],\n       [ 6,  8, 10]])",
    );
    assert_prints("scaled", &["[1.5, 2.0]", "2"], "array([3., 4.])");
    assert_prints("scaled", &["np.linspace(0, 1, 3)", "1"], "array([0. , 0.5, 1. ])");
    assert_prints("total", &["np.ones((2, 2), dtype=np.int32)"], "4");
    assert_prints("total", &["np.zeros(3)"], "0.0");
    let output = run("total", &["[[1, 2], [3]]"]);
    assert_ne!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("rectangular"), "{}", stderr(&output));
}
