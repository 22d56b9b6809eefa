//! Parser and lexer throughput (MB/s) on a fixed, representative set of CPython 3.11
//! standard-library files, read at run time from the stdlib of `$NUMJIT_PYTHON` or `python3`.
//!
//! The set mixes large modules (typing, argparse, inspect), whole packages (json, email,
//! asyncio) and numeric-flavoured code (fractions, statistics, decimal's pure-Python version).
//! Run with `cargo bench -p numjit_benches --bench parser`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Files and directories (all their `.py` files, recursively) relative to the stdlib.
const STDLIB_SET: &[&str] = &[
    "json",
    "email",
    "asyncio",
    "typing.py",
    "argparse.py",
    "inspect.py",
    "dataclasses.py",
    "enum.py",
    "functools.py",
    "pathlib.py",
    "subprocess.py",
    "tarfile.py",
    "ast.py",
    "fractions.py",
    "statistics.py",
    "_pydecimal.py",
    "collections/__init__.py",
];

fn stdlib_dir() -> PathBuf {
    let python = std::env::var("NUMJIT_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(&python)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run `{python}` ({error}): the benchmark reads CPython 3.11's stdlib; install python3.11")
        });
    assert!(output.status.success(), "`{python}` failed: {}", String::from_utf8_lossy(&output.stderr));
    PathBuf::from(String::from_utf8(output.stdout).expect("UTF-8 path").trim())
}

fn collect_py_files(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
            .map(|entry| entry.expect("directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            collect_py_files(&entry, files);
        }
    } else if path.extension().is_some_and(|ext| ext == "py") {
        files.push(path.to_owned());
    }
}

/// The sources of the benchmark set. Files we cannot parse cleanly are reported and left out,
/// so the figure never measures the error path.
fn load_sources() -> Vec<String> {
    let root = stdlib_dir();
    let mut files = Vec::new();
    for item in STDLIB_SET {
        let path = root.join(item);
        assert!(path.exists(), "{} is missing: is {} CPython 3.11's stdlib?", path.display(), root.display());
        collect_py_files(&path, &mut files);
    }
    let mut sources = Vec::new();
    for path in files {
        let bytes =
            std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        let source = match numjit_parser::source::decode_source(&bytes) {
            Ok(source) => source.into_owned(),
            Err(error) => {
                eprintln!("skipping {}: {error}", path.display());
                continue;
            }
        };
        let parsed = numjit_parser::parse_module(&source);
        if let Some(error) = parsed.errors.first() {
            eprintln!("skipping {}: {}", path.display(), error.message());
            continue;
        }
        sources.push(source);
    }
    sources
}

fn bench_parser(c: &mut Criterion) {
    let sources = load_sources();
    let n_bytes: usize = sources.iter().map(String::len).sum();
    eprintln!("parser benchmark set: {} files, {:.2} MB", sources.len(), n_bytes as f64 / 1e6);

    let mut group = c.benchmark_group("stdlib");
    group.throughput(Throughput::Bytes(n_bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("parse_module", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(numjit_parser::parse_module(black_box(source)));
            }
        })
    });
    group.bench_function("lex", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(numjit_parser::lexer::lex(black_box(source)).count());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parser);
criterion_main!(benches);
