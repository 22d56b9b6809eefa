//! The dispatcher through the public API: lazy specialisation and its cache, eager
//! signatures and Numba's conversion rules, threads, exceptions, diagnostics, options.

use numjit::{CallError, CompileError, ExceptionClass, Jit, Options, RenderOptions, Stage, Value};

const SOURCE: &str = "\
import math

def add(a, b):
    return a + b

def safe_div(a, b):
    if b == 0:
        raise ValueError(\"b must not be zero\")
    return a / b

def with_default(x, scale=2.0, *, shift=1):
    return x * scale + shift

def apply(f, x):
    return f(x)

def square(x):
    return x * x

def hyp(x, y):
    return math.sqrt(x * x + y * y)
";

fn compile(function: &str, options: &Options) -> numjit::Dispatcher {
    Jit::new().compile_source(SOURCE, function, options).expect("compiles")
}

#[test]
fn specialises_lazily_once_per_type_tuple() {
    let add = compile("add", &Options::new());
    assert_eq!(add.compilation_count(), 0, "nothing compiles before the first call");
    assert_eq!(add.call(&[Value::Int(2), Value::Int(3)]).unwrap(), Value::Int(5));
    assert_eq!(add.call(&[Value::Int(2), Value::Float(0.5)]).unwrap(), Value::Float(2.5));
    assert_eq!(add.call(&[Value::Float(1.0), Value::Int(1)]).unwrap(), Value::Float(2.0));
    assert_eq!(add.compilation_count(), 3);
    for int in 0..100 {
        assert_eq!(add.call(&[Value::Int(int), Value::Int(1)]).unwrap(), Value::Int(int + 1));
    }
    assert_eq!(add.call(&[Value::Int(2), Value::Float(1.0)]).unwrap(), Value::Float(3.0));
    assert_eq!(add.compilation_count(), 3, "calls with known types hit the cache");
    assert_eq!(
        add.signatures(),
        ["int64(int64, int64)", "float64(int64, float64)", "float64(float64, int64)"]
    );
    // Sized NumPy scalars are their own signatures; tuples too.
    assert_eq!(add.call(&[Value::Int32(7), Value::Int32(8)]).unwrap(), Value::Int(15));
    let tuples = add.call(&[Value::Tuple(vec![Value::Int(1)]), Value::Tuple(vec![Value::Float(2.0)])]);
    assert_eq!(tuples.unwrap(), Value::Tuple(vec![Value::Int(1), Value::Float(2.0)]));
}

#[test]
fn versions_beyond_the_lock_free_ones_are_found_too() {
    // The first eight versions are looked up without the lock, later ones under it.
    let add = compile("add", &Options::new());
    let arguments: Vec<Value> = (0..12)
        .map(|index| match index {
            0 => Value::Int(1),
            1 => Value::Float(1.0),
            2 => Value::Int8(1),
            3 => Value::Int16(1),
            4 => Value::Int32(1),
            5 => Value::UInt8(1),
            6 => Value::UInt16(1),
            7 => Value::UInt32(1),
            8 => Value::UInt(1),
            9 => Value::Float32(1.0),
            10 => Value::Bool(true),
            _ => Value::Complex(1.0, 0.0),
        })
        .collect();
    for _ in 0..3 {
        for argument in &arguments {
            let sum = add.call(&[argument.clone(), Value::Int(1)]).unwrap();
            assert_eq!(sum.as_f64().or_else(|| sum.as_complex().map(|(re, _)| re)), Some(2.0), "{argument}");
        }
    }
    assert_eq!(add.compilation_count(), 12);
}

#[test]
fn eager_signatures_convert_arguments_by_numba_rules() {
    let options = Options::new().signature("float64(float64, float64)").signature("int64(int64, int64)");
    let add = compile("add", &options);
    assert_eq!(add.compilation_count(), 2, "explicit signatures compile eagerly");
    // Exact matches.
    assert_eq!(add.call(&[Value::Int(1), Value::Int(2)]).unwrap(), Value::Int(3));
    assert_eq!(add.call(&[Value::Float(1.0), Value::Float(2.0)]).unwrap(), Value::Float(3.0));
    // int32 promotes to int64 (better than int32 -> float64, a safe conversion).
    assert_eq!(add.call(&[Value::Int32(1), Value::Int32(2)]).unwrap(), Value::Int(3));
    // One float argument: (float64, float64) needs one safe conversion, (int64, int64) an unsafe one.
    assert_eq!(add.call(&[Value::Int(1), Value::Float(0.5)]).unwrap(), Value::Float(1.5));
    assert_eq!(add.compilation_count(), 2, "no new versions once signatures are explicit");
    // Complex converts to neither.
    let error = add.call(&[Value::Complex(1.0, 0.0), Value::Int(1)]).unwrap_err();
    assert!(
        matches!(&error, CallError::Type(message) if message.contains("No matching definition")),
        "{error}"
    );
}

#[test]
fn ambiguous_conversions_list_the_candidates() {
    let add = compile("add", &Options::new());
    add.compile_signature("(int64, float64)").unwrap();
    add.compile_signature("(float64, int64)").unwrap();
    let error = add.call(&[Value::Int(1), Value::Int(2)]).unwrap_err();
    let CallError::Type(message) = &error else { panic!("expected a TypeError, got {error:?}") };
    assert!(message.starts_with("Ambiguous overloading for add (int64, int64)"), "{message}");
    assert!(
        message.contains("float64(int64, float64)") && message.contains("float64(float64, int64)"),
        "{message}"
    );
    assert_eq!(error.class_name(), "TypeError");
}

#[test]
fn declared_return_types_convert_the_result() {
    let add = compile("add", &Options::new().signature("float64(int64, int64)"));
    assert_eq!(add.call(&[Value::Int(1), Value::Int(2)]).unwrap(), Value::Float(3.0));
    assert_eq!(add.signatures(), ["float64(int64, int64)"]);
    let bad = Jit::new().compile_source(SOURCE, "add", &Options::new().signature("float64(int64"));
    assert!(matches!(bad, Err(CompileError::Signature(_))), "{bad:?}");
    let arity = Jit::new().compile_source(SOURCE, "add", &Options::new().signature("(int64,)"));
    assert!(matches!(arity, Err(CompileError::Signature(message)) if message.contains("takes 2")));
}

#[test]
fn defaults_keywords_and_function_arguments() {
    let with_default = compile("with_default", &Options::new());
    assert_eq!(with_default.call(&[Value::Int(3)]).unwrap(), Value::Float(7.0));
    let keywords = with_default.call_with_keywords(&[Value::Int(3)], &[("shift", Value::Int(0))]);
    assert_eq!(keywords.unwrap(), Value::Float(6.0));
    let error = with_default.call_with_keywords(&[], &[("nope", Value::Int(0))]).unwrap_err();
    assert!(error.to_string().contains("unexpected keyword argument 'nope'"), "{error}");
    let error = with_default.call(&[]).unwrap_err();
    assert!(error.to_string().contains("missing required argument: 'x'"), "{error}");

    let apply = compile("apply", &Options::new());
    assert_eq!(apply.call(&[Value::Function("square".into()), Value::Int(7)]).unwrap(), Value::Int(49));
    assert_eq!(apply.call(&[Value::Function("square".into()), Value::Int(8)]).unwrap(), Value::Int(64));
    assert_eq!(apply.compilation_count(), 1);
}

#[test]
fn exceptions_carry_class_and_message_and_leak_nothing() {
    let safe_div = compile("safe_div", &Options::new());
    assert_eq!(safe_div.call(&[Value::Int(1), Value::Int(4)]).unwrap(), Value::Float(0.25));
    let error = safe_div.call(&[Value::Int(1), Value::Int(0)]).unwrap_err();
    let CallError::Exception { class, message } = &error else {
        panic!("expected an exception, got {error:?}")
    };
    assert_eq!((*class, message.as_str()), (ExceptionClass::ValueError, "b must not be zero"));
    assert_eq!(error.to_string(), "ValueError: b must not be zero");

    let before = numjit::live_exception_messages_on_this_thread();
    for _ in 0..10_000 {
        assert!(safe_div.call(&[Value::Int(1), Value::Int(0)]).is_err());
    }
    assert_eq!(numjit::live_exception_messages_on_this_thread(), before, "every message is freed");

    let add = compile("add", &Options::new());
    let error = Jit::new()
        .compile_source("def f(a, b):\n    return a // b\n", "f", &Options::new())
        .unwrap()
        .call(&[Value::Int(1), Value::Int(0)])
        .unwrap_err();
    assert_eq!(error.to_string(), "ZeroDivisionError: integer division or modulo by zero");
    drop(add);
}

#[test]
fn caught_exceptions_leak_nothing() {
    // `fails` is recursive, so it is not inlined: each call raises through the runtime,
    // which allocates the message, and the caller's handler edge must free it.
    let source = "\
def fails(n):
    if n > 0:
        return fails(n - 1)
    if n < 0:
        return n
    raise ValueError(\"no luck this time\")

def catch_many(n):
    caught = 0
    for i in range(n):
        try:
            fails(i % 3)
        except Exception:
            caught += 1
    return caught
";
    let catch_many = Jit::new().compile_source(source, "catch_many", &Options::new()).unwrap();
    let before = numjit::live_exception_messages_on_this_thread();
    assert_eq!(catch_many.call(&[Value::Int(10_000)]).unwrap(), Value::Int(10_000));
    assert_eq!(numjit::live_exception_messages_on_this_thread(), before, "every caught message is freed");
    let fails = Jit::new().compile_source(source, "fails", &Options::new()).unwrap();
    let error = fails.call(&[Value::Int(2)]).unwrap_err();
    assert_eq!(error.to_string(), "ValueError: no luck this time");
    assert_eq!(numjit::live_exception_messages_on_this_thread(), before);
}

#[test]
fn error_model_numpy_gives_ieee_results() {
    let source = "def f(a, b):\n    return a / b\n";
    let numpy = Options::new().error_model_named("numpy").unwrap();
    let f = Jit::new().compile_source(source, "f", &numpy).unwrap();
    assert_eq!(f.call(&[Value::Float(1.0), Value::Float(0.0)]).unwrap(), Value::Float(f64::INFINITY));
    let f = Jit::new().compile_source(source, "f", &Options::new()).unwrap();
    assert!(matches!(
        f.call(&[Value::Float(1.0), Value::Float(0.0)]),
        Err(CallError::Exception { class: ExceptionClass::ZeroDivisionError, .. })
    ));
}

#[test]
fn compiles_and_calls_from_eight_threads() {
    let hyp = compile("hyp", &Options::new());
    std::thread::scope(|scope| {
        for thread_idx in 0..8 {
            let hyp = hyp.clone();
            scope.spawn(move || {
                for call_idx in 0..200 {
                    // Four type tuples shared by every thread, compiled concurrently.
                    let x = if (thread_idx + call_idx) % 2 == 0 { Value::Int(3) } else { Value::Float(3.0) };
                    let y = if call_idx % 4 < 2 { Value::Int(4) } else { Value::Float(4.0) };
                    assert_eq!(hyp.call(&[x, y]).unwrap(), Value::Float(5.0));
                }
            });
        }
    });
    assert_eq!(hyp.compilation_count(), 4, "each signature compiles once: {:?}", hyp.signatures());
    // Independent dispatchers compile in parallel too.
    std::thread::scope(|scope| {
        for thread_idx in 0..8 {
            scope.spawn(move || {
                let add = compile("add", &Options::new());
                assert_eq!(
                    add.call(&[Value::Int(thread_idx), Value::Int(1)]).unwrap(),
                    Value::Int(thread_idx + 1)
                );
            });
        }
    });
}

#[test]
fn compile_errors_render_with_file_line_and_caret() {
    let source = "def ok(x):\n    return x\n\ndef bad(x):\n    y = x + (1, 2)\n    return y\n";
    let bad = Jit::new().compile_named_source("prog.py", source, "bad", &Options::new()).unwrap();
    let error = bad.call(&[Value::Int(1)]).unwrap_err();
    let CallError::Compile(error) = error else { panic!("expected a compile error") };
    assert_eq!(error.diagnostics()[0].code.as_str(), "type-mismatch");
    let rendered = error.render(RenderOptions::default());
    assert!(rendered.contains("--> prog.py:5:9"), "{rendered}");
    assert!(rendered.contains("5 |     y = x + (1, 2)"), "{rendered}");
    assert!(rendered.contains("^^^^^^^^^^"), "{rendered}");

    let syntax = Jit::new().compile_named_source("s.py", "def f(x):\n    return x +\n", "f", &Options::new());
    let rendered = syntax.unwrap_err().to_string();
    assert!(rendered.contains("error[syntax-error]") && rendered.contains("s.py:2:"), "{rendered}");

    let missing = Jit::new().compile_source(source, "nope", &Options::new()).unwrap_err();
    assert_eq!(missing.to_string(), "no function named 'nope' in the source (it defines bad, ok)");
}

#[test]
fn options_are_checked() {
    let error = Options::new().fastmath_flags(["nnan", "fastish"]).unwrap_err();
    assert!(error.to_string().contains("unknown fastmath flag 'fastish'"), "{error}");
    let options =
        Options::new().fastmath_flags(["nnan", "ninf", "nsz", "arcp", "contract", "afn", "reassoc"]);
    assert_eq!(options.unwrap().fastmath, numjit::FastMathFlags::ALL);
    let error = Options::new().error_model_named("fortran").unwrap_err();
    assert!(error.to_string().contains("'fortran'"), "{error}");
    let error = Options::new().inline_named("maybe").unwrap_err();
    assert!(error.to_string().contains("'maybe'"), "{error}");
    assert!(Options::new().opt_level(7).is_err());
    let lenient = Options { nopython: false, parallel: true, cache: true, nogil: true, ..Options::new() };
    let add = compile("add", &lenient.fastmath(true));
    assert_eq!(add.warnings().len(), 1, "nopython=False is ignored with a warning");
    assert_eq!(add.call(&[Value::Float(1.0), Value::Float(2.0)]).unwrap(), Value::Float(3.0));
}

#[test]
fn inspects_every_stage() {
    let hyp = compile("hyp", &Options::new());
    for stage in Stage::ALL {
        let text = hyp.inspect("(float64, float64)", stage).unwrap();
        let expected = match stage {
            Stage::Hir => "body0 hyp(x, y)",
            Stage::Types => "hyp(float64, float64) -> float64",
            Stage::Ir | Stage::Opt => "func @hyp(float64, float64) -> float64",
            Stage::Llvm => "define",
            Stage::Asm => "ret",
        };
        assert!(text.contains(expected), "{}: {text}", stage.name());
    }
    assert!("bytecode".parse::<Stage>().is_err());
}

#[test]
fn types_stage_shows_each_version() {
    let source = "\
def retype(a, b, flag):
    a, b = b, a
    x = 1
    if flag:
        x = 2.5
    return a, b, x
";
    let retype = Jit::new().compile_source(source, "retype", &Options::new()).expect("compiles");
    let text = retype.inspect("(int64, float64, boolean)", Stage::Types).unwrap();
    // Each assignment is a version of its own; the join after the `if` unifies.
    for line in [
        "retype(int64, float64, bool) -> Tuple(float64, int64, float64)",
        "    a: int64\n    a.1: float64\n",
        "    b: float64\n    b.1: int64\n",
        "    x: int64\n    x.1: float64\n    x.2: float64  (joins x, x.1)\n",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    assert_eq!(
        retype.call(&[Value::Int(1), Value::Float(2.5), Value::Bool(false)]).unwrap(),
        Value::Tuple(vec![Value::Float(2.5), Value::Int(1), Value::Float(1.0)])
    );
}

/// `locals=` (Numba's declared variable types): every value stored in the variable, the
/// parameter's argument included, converts to the declared type.
#[test]
fn declared_locals_convert_what_is_stored() {
    let source = "def acc(n):\n    a = 0\n    for i in range(n):\n        a += i * 0.1\n    return a\n\n\
                  def scaled(x):\n    y = x * 2.5\n    return y\n";
    let with_locals = |locals: &[(&str, &str)]| Options {
        locals: locals.iter().map(|(name, ty)| ((*name).to_owned(), (*ty).to_owned())).collect(),
        ..Options::new()
    };
    let acc = Jit::new().compile_source(source, "acc", &with_locals(&[("a", "float32")])).unwrap();
    let expected = (0..10).fold(0f32, |total, i| total + (f64::from(i) * 0.1) as f32);
    assert_eq!(acc.call(&[Value::Int(10)]).unwrap(), Value::Float32(expected));
    assert_eq!(acc.signatures(), ["float32(int64)"]);
    let truncated = Jit::new().compile_source(source, "scaled", &with_locals(&[("y", "int64")])).unwrap();
    assert_eq!(truncated.call(&[Value::Int(3)]).unwrap(), Value::Int(7));
    let parameter = Jit::new().compile_source(source, "scaled", &with_locals(&[("x", "float32")])).unwrap();
    assert_eq!(parameter.call(&[Value::Int(3)]).unwrap(), Value::Float(7.5));
    let unknown_name = Jit::new().compile_source(source, "scaled", &with_locals(&[("zz", "int8")])).unwrap();
    assert_eq!(unknown_name.call(&[Value::Int(3)]).unwrap(), Value::Float(7.5));
    let wrong = Jit::new().compile_source(source, "scaled", &with_locals(&[("y", "float64[:]")])).unwrap();
    let error = wrong.call(&[Value::Int(3)]).unwrap_err().to_string();
    assert!(
        error.contains("cannot store a float64 in 'y', declared array(float64, 1d, A) by locals="),
        "{error}"
    );
    let invalid = Jit::new().compile_source(source, "scaled", &with_locals(&[("y", "float99")]));
    assert!(invalid.is_err());
}
