//! Running CPython 3.11 from tests: finding the interpreter, the standard library, and running
//! a script with input on stdin.
//!
//! The interpreter is `$NUMJIT_PYTHON` if set, else `python3`. Tests that compare against
//! CPython fail (never skip) when it is missing or is not 3.11, saying how to get one.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const INSTALL_HINT: &str = "install CPython 3.11 (Debian/Ubuntu: `apt-get install python3.11`, or pyenv), \
     or point NUMJIT_PYTHON at a python3.11 binary; CI has it";

/// The interpreter command.
pub fn python_command() -> String {
    std::env::var("NUMJIT_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Runs `script` with `stdin` as input and returns its stdout. Panics with an explanation when
/// Python is missing, is not 3.11, or the script fails.
pub fn run_python(script: &str, stdin: &[u8]) -> String {
    let mut child = spawn_python(script);
    let mut child_stdin = child.stdin.take().expect("piped stdin");
    let output = std::thread::scope(|scope| {
        scope.spawn(move || {
            // A script that stops reading early makes this fail; its exit status says why.
            let _ = child_stdin.write_all(stdin);
        });
        child.wait_with_output().expect("waiting for python3")
    });
    assert!(
        output.status.success(),
        "{} failed ({}):\n{}",
        python_command(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("python3 writes UTF-8 (PYTHONIOENCODING=utf-8)")
}

/// Starts `python3 -c script` with piped stdin/stdout, after checking it is CPython 3.11.
pub fn spawn_python(script: &str) -> std::process::Child {
    check_version();
    Command::new(python_command())
        .args(["-X", "utf8", "-W", "ignore", "-c", script])
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}; {INSTALL_HINT}", python_command()))
}

/// Panics unless the interpreter runs and is CPython 3.11 (the grammar and `ast.dump` format
/// these tests compare with).
pub fn check_version() {
    let output = Command::new(python_command())
        .args(["-c", "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])"])
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}; {INSTALL_HINT}", python_command()));
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert!(
        output.status.success() && version == "CPython 3 11",
        "`{}` is {version:?}, these tests need CPython 3.11; {INSTALL_HINT}",
        python_command()
    );
}

/// The standard library directory of the interpreter (`sysconfig`'s `stdlib` path).
pub fn stdlib_dir() -> PathBuf {
    let out = run_python("import sysconfig; print(sysconfig.get_paths()['stdlib'])", b"");
    PathBuf::from(out.trim())
}

/// The `.py` files of the standard library, sorted, without `site-packages` (third-party code).
pub fn stdlib_files() -> Vec<PathBuf> {
    let root = stdlib_dir();
    let mut files = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        let entries =
            std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()));
        for entry in entries {
            let entry = entry.expect("directory entry");
            let path = entry.path();
            let file_type = entry.file_type().expect("file type");
            if file_type.is_dir() {
                if dir == root && entry.file_name() == "site-packages" {
                    continue;
                }
                pending.push(path);
            } else if file_type.is_file() && path.extension().is_some_and(|ext| ext == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(
        files.len() > 500,
        "only {} .py files under {}: is this the stdlib?",
        files.len(),
        root.display()
    );
    files
}

/// The paths as stdin for the scripts below: one per line.
pub fn paths_as_lines(paths: &[PathBuf]) -> Vec<u8> {
    let mut input = String::new();
    for path in paths {
        let path = path.to_str().expect("test paths are UTF-8");
        assert!(!path.contains('\n'), "path with a newline: {path:?}");
        input.push_str(path);
        input.push('\n');
    }
    input.into_bytes()
}
