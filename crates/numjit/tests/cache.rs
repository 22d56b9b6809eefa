//! `cache=True`: a version compiled once is stored on disk and a later dispatcher (standing
//! in for a later process) links it instead of compiling — with the same results, raising
//! the same exceptions, returning arrays, and missing the cache when anything in its key
//! (the source, a global array, the options, the argument types) changes.

use std::path::{Path, PathBuf};

use numjit::{ArrayValue, Global, Jit, Options, SourceUnit, Value};

const SOURCE: &str = "
import numpy as np

def scaled_sum(a, k):
    if k == 0:
        raise ValueError(\"k must not be zero\")
    return np.sum(np.sqrt(a)) * k + TABLE[1]

def helper(x):
    return x * 2

def calls_helper(n):
    out = np.empty(n)
    for i in range(n):
        out[i] = helper(i) + TABLE[0]
    return out
";

/// A fresh directory under the system's temporary directory.
fn cache_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numjit-cache-test-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn unit(text: &str) -> SourceUnit {
    SourceUnit { file_name: "cached.py".to_owned(), text: text.to_owned(), first_line: 1 }
}

fn globals(table: &[f64]) -> Vec<(String, Global)> {
    vec![
        ("np".to_owned(), Global::Module("numpy".to_owned())),
        ("TABLE".to_owned(), Global::Value(Value::Array(ArrayValue::from_ndarray(ndarray::arr1(table))))),
    ]
}

fn options(dir: &Path) -> Options {
    Options { cache: true, cache_dir: Some(dir.to_path_buf()), ..Options::new() }
}

fn array(values: &[f64]) -> Value {
    Value::Array(ArrayValue::from_ndarray(ndarray::arr1(values)))
}

#[test]
fn a_second_dispatcher_links_the_cached_version() {
    let dir = cache_dir("link");
    let table = [1.5, 10.0];
    let first = Jit::new()
        .compile_with_globals(&unit(SOURCE), "scaled_sum", &globals(&table), &options(&dir))
        .unwrap();
    let args = [array(&[1.0, 4.0, 9.0]), Value::Int(2)];
    let expected = first.call(&args).unwrap();
    assert_eq!(expected, Value::Float(6.0 * 2.0 + 10.0));
    assert_eq!((first.compilation_count(), first.cache_hit_count()), (1, 0));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one file per version");
    drop(first);

    let second = Jit::new()
        .compile_with_globals(&unit(SOURCE), "scaled_sum", &globals(&table), &options(&dir))
        .unwrap();
    assert_eq!(second.call(&args).unwrap(), expected);
    assert_eq!((second.compilation_count(), second.cache_hit_count()), (0, 1));
    let error = second.call(&[array(&[1.0]), Value::Int(0)]).unwrap_err();
    assert_eq!(error.to_string(), "ValueError: k must not be zero");
    // Another argument type is another version: compiled, then stored beside the first.
    assert_eq!(second.call(&[array(&[4.0]), Value::Float(0.5)]).unwrap(), Value::Float(1.0 + 10.0));
    assert_eq!((second.compilation_count(), second.cache_hit_count()), (1, 1));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn callees_and_array_results_come_back_from_the_cache() {
    let dir = cache_dir("callees");
    let table = [0.25, 0.0];
    let compile = || {
        Jit::new()
            .compile_with_globals(&unit(SOURCE), "calls_helper", &globals(&table), &options(&dir))
            .unwrap()
    };
    let first = compile();
    let expected = first.call(&[Value::Int(4)]).unwrap();
    let second = compile();
    let before = numjit::live_array_blocks();
    for _ in 0..100 {
        assert_eq!(second.call(&[Value::Int(4)]).unwrap(), expected);
    }
    assert_eq!(numjit::live_array_blocks(), before);
    assert_eq!((second.compilation_count(), second.cache_hit_count()), (0, 1));
    let Value::Array(result) = expected else { panic!("an array") };
    assert_eq!(result.values(), [0.25, 2.25, 4.25, 6.25].map(Value::Float));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn anything_in_the_key_that_changes_is_a_miss() {
    let dir = cache_dir("miss");
    let args = [array(&[4.0]), Value::Int(1)];
    let run = |text: &str, table: &[f64], options: Options| {
        let dispatcher =
            Jit::new().compile_with_globals(&unit(text), "scaled_sum", &globals(table), &options).unwrap();
        let result = dispatcher.call(&args).unwrap();
        (result, dispatcher.compilation_count(), dispatcher.cache_hit_count())
    };
    assert_eq!(run(SOURCE, &[0.0, 1.0], options(&dir)), (Value::Float(3.0), 1, 0));
    assert_eq!(run(SOURCE, &[0.0, 1.0], options(&dir)), (Value::Float(3.0), 0, 1));
    // A changed global array.
    assert_eq!(run(SOURCE, &[0.0, 5.0], options(&dir)), (Value::Float(7.0), 1, 0));
    // An edited source.
    let edited = SOURCE.replace("* k +", "* k * 10 +");
    assert_eq!(run(&edited, &[0.0, 5.0], options(&dir)), (Value::Float(25.0), 1, 0));
    // Other options.
    let fast = Options { fastmath: numjit::FastMathFlags::ALL, ..options(&dir) };
    assert_eq!(run(&edited, &[0.0, 5.0], fast), (Value::Float(25.0), 1, 0));
    // A corrupt file is a miss, then replaced.
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        std::fs::write(entry.path(), b"numjit-cache 1\ngarbage").unwrap();
    }
    assert_eq!(run(SOURCE, &[0.0, 1.0], options(&dir)), (Value::Float(3.0), 1, 0));
    assert_eq!(run(SOURCE, &[0.0, 1.0], options(&dir)), (Value::Float(3.0), 0, 1));
    // Without cache=True nothing is read or written.
    let plain = Options { cache: false, ..options(&dir) };
    assert_eq!(run(SOURCE, &[0.0, 1.0], plain), (Value::Float(3.0), 1, 0));
    let _ = std::fs::remove_dir_all(&dir);
}
