//! End-to-end tests of the `numjit` binary: exit codes, output shape, diagnostics.

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

/// A fresh directory under the target directory, removed and recreated per test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn parses_a_tree_and_reports_each_failure_with_a_rendered_diagnostic() {
    let dir = scratch_dir("tree");
    std::fs::create_dir_all(dir.join("pkg/sub")).unwrap();
    std::fs::write(dir.join("good.py"), "def f(x):\n    return x + 1\n").unwrap();
    std::fs::write(dir.join("pkg/sub/also_good.py"), "import numpy as np\nprint(np.sum([1, 2]))\n").unwrap();
    std::fs::write(dir.join("pkg/bad.py"), "x = 1\nif x > 1\n    pass\n").unwrap();
    std::fs::write(dir.join("pkg/notes.txt"), "if if if").unwrap();

    let output = numjit(&["parse", "--color", "never", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().last(), Some("parsed 3 files, 1 failed"));
    let errors = stderr(&output);
    assert!(errors.contains("error[syntax-error]"), "{errors}");
    assert!(errors.contains("bad.py:2:"), "the location names file and line: {errors}");
    assert!(errors.contains("if x > 1"), "the source line is shown: {errors}");
    assert!(!errors.contains('\u{1b}'), "no colour codes when asked not to: {errors}");
}

#[test]
fn all_good_exits_zero() {
    let dir = scratch_dir("good");
    std::fs::write(dir.join("a.py"), "a = [i * i for i in range(10)]\n").unwrap();
    let output = numjit(&["parse", dir.join("a.py").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "parsed 1 files, 0 failed");
}

#[test]
fn dump_ast_prints_the_tree() {
    let dir = scratch_dir("dump");
    let file = dir.join("k.py");
    std::fs::write(&file, "def kernel(a):\n    return a * 2\n").unwrap();
    let output = numjit(&["parse", "--dump-ast", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ast = stdout(&output);
    assert!(ast.contains("FunctionDef") && ast.contains("kernel") && ast.contains("BinOp"), "{ast}");
}

#[test]
fn summary_outlines_functions() {
    let dir = scratch_dir("summary");
    let file = dir.join("k.py");
    std::fs::write(&file, "@njit(parallel=True)\ndef kernel(a, b=2, *, c):\n    for i in range(3):\n        a += f(i)\n    return a\n")
        .unwrap();
    let output = numjit(&["parse", "--summary", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("line 2: def kernel(a, b, *, c)  @njit(parallel=True)"), "{summary}");
    assert!(summary.contains("1 for-loops"), "{summary}");
}

#[test]
fn undecodable_file_and_missing_path() {
    let dir = scratch_dir("encoding");
    std::fs::write(dir.join("latin.py"), b"# coding: latin-1\ns = '\xe9'\n").unwrap();
    std::fs::write(dir.join("broken.py"), b"s = '\xe9'\n").unwrap();
    let output = numjit(&["parse", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().last(), Some("parsed 2 files, 1 failed"));
    assert!(stderr(&output).contains("not valid UTF-8"), "{}", stderr(&output));

    let output = numjit(&["parse", dir.join("missing.py").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.py"), "{}", stderr(&output));
}
