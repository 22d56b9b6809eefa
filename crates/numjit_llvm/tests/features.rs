//! Back-end properties beyond single results: fast-math flags in the emitted IR, a float
//! reduction loop vectorised at O3, JIT compilation from several threads, no leaked
//! exception messages over many raising calls, codegen errors that name the instruction,
//! and the cost of compiling and calling (printed with `--nocapture`).

mod common;

use std::time::Instant;

use common::{Outcome, call, compile, compile_with};
use numjit_abi::ExceptionRecord;
use numjit_llvm::{CodegenOptions, FastMathFlags, JitValue, OptLevel};

const SUM_SQRT: &str = "
func @sum_sqrt(int64) -> float64 {
block0(v0: int64):
    v1 = iconst.int64 0
    v2 = iconst.int64 1
    v3 = fconst.float64 0.0
    v4 = for v1 to v0 step v2 iter_args(v3) -> float64 {
    block1(v5: int64, v6: float64):
        v7 = convert.float64 v5
        v8 = call_intrinsic sqrt(v7)
        v9 = fadd v6, v8
        yield v9
    }
    return v4
}
";

const FIB: &str = "
func @fib(int64) -> int64 {
    fn0 = @fib(int64) -> int64
block0(v0: int64):
    v1 = iconst.int64 2
    v2 = icmp lt v0, v1
    brif v2, block1, block2
block1:
    return v0
block2:
    v3 = iconst.int64 1
    v4 = isub v0, v3
    v5 = call fn0(v4)
    v6 = isub v0, v1
    v7 = call fn0(v6)
    v8 = iadd v5, v7
    return v8
}
";

fn options(fastmath: FastMathFlags) -> CodegenOptions {
    CodegenOptions {
        fastmath,
        keep_unoptimized_ir: true,
        keep_optimized_ir: true,
        keep_assembly: true,
        ..CodegenOptions::default()
    }
}

#[test]
fn fast_math_flags_appear_on_float_instructions() {
    let subset = FastMathFlags::from_names(["nnan", "reassoc"]).expect("known flags");
    let module = compile_with(SUM_SQRT, &options(subset)).expect("compiles");
    let ir = module.unoptimized_ir.as_deref().expect("kept IR");
    let fadd = ir.lines().find(|line| line.contains("fadd")).expect("an fadd");
    assert!(fadd.contains("reassoc") && fadd.contains("nnan"), "{fadd}");
    assert!(!fadd.contains("fast") && !fadd.contains("arcp"), "{fadd}");

    let all = compile_with(SUM_SQRT, &options(FastMathFlags::ALL)).expect("compiles");
    let ir = all.unoptimized_ir.as_deref().expect("kept IR");
    assert!(ir.lines().any(|line| line.contains("fadd fast")), "{ir}");

    let strict = compile_with(SUM_SQRT, &options(FastMathFlags::NONE)).expect("compiles");
    let ir = strict.unoptimized_ir.as_deref().expect("kept IR");
    assert!(!ir.contains("fast") && !ir.contains("reassoc"), "{ir}");
}

#[test]
fn float_sum_loop_vectorises_under_fastmath() {
    let module = compile_with(SUM_SQRT, &options(FastMathFlags::ALL)).expect("compiles");
    let ir = module.optimized_ir.as_deref().expect("kept IR");
    assert!(ir.contains("x double>"), "expected vector types in the optimised loop:\n{ir}");
    let assembly = module.assembly.as_deref().expect("kept assembly");
    assert!(assembly.contains("sqrtpd") || assembly.contains("vsqrtpd"), "no packed sqrt in:\n{assembly}");
    match call(&module, "sum_sqrt", &[JitValue::Int(1000)]) {
        Outcome::Value(JitValue::Float(total)) => {
            let expected: f64 = (0..1000).map(|i| f64::from(i).sqrt()).sum();
            assert!((total - expected).abs() < 1e-9 * expected, "{total} vs {expected}");
        }
        other => panic!("{other:?}"),
    }
    // Without reassociation the reduction must stay in order: no vector accumulator.
    let strict = compile_with(SUM_SQRT, &options(FastMathFlags::NONE)).expect("compiles");
    let ir = strict.optimized_ir.as_deref().expect("kept IR");
    assert!(!ir.contains("phi <"), "a strict float sum must not be reassociated:\n{ir}");
}

#[test]
fn integer_arithmetic_has_no_nsw() {
    let module = compile_with(FIB, &options(FastMathFlags::NONE)).expect("compiles");
    let ir = module.unoptimized_ir.as_deref().expect("kept IR");
    assert!(!ir.contains(" nsw "), "user arithmetic must wrap:\n{ir}");
}

#[test]
fn compiles_and_runs_on_several_threads_at_once() {
    let threads: Vec<_> = (0..4)
        .map(|thread_idx| {
            std::thread::spawn(move || {
                for round in 0..5 {
                    let module = compile(FIB);
                    let n = 15 + (thread_idx + round) % 5;
                    let expected = [610, 987, 1597, 2584, 4181][(thread_idx + round) % 5];
                    assert_eq!(
                        call(&module, "fib", &[JitValue::Int(n as i64)]),
                        Outcome::Value(JitValue::Int(expected))
                    );
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("thread finished");
    }
}

#[test]
fn raising_many_times_leaks_no_message() {
    let module = compile(
        "
func @check(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 0
    v2 = icmp lt v0, v1
    brif v2, block1, block2
block1:
    raise ValueError \"negative\"
block2:
    return v0
}
",
    );
    let before = numjit_runtime::exception::live_messages_on_this_thread();
    for value in -5_000..5_000 {
        let outcome = call(&module, "check", &[JitValue::Int(value)]);
        if value < 0 {
            assert!(matches!(outcome, Outcome::Raised(ref raised) if raised.message == "negative"));
        }
    }
    assert_eq!(numjit_runtime::exception::live_messages_on_this_thread(), before);
}

#[test]
fn unsupported_constructs_are_errors_naming_the_instruction() {
    let text = "
func @par(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 0
    v2 = iconst.int64 1
    v3 = parfor (v1 to v0 step v2) reduce(add v1 identity v1) -> int64 {
    block1(v4: int64, v5: int64):
        v6 = iadd v5, v4
        yield v6
    }
    return v3
}
";
    let error = compile_with(text, &CodegenOptions::default()).expect_err("parfor is not lowered here");
    assert!(error.starts_with("failed in codegen of inst"), "{error}");
    assert!(error.contains("@par"), "{error}");
}

#[test]
fn reports_compile_time_and_call_overhead() {
    let started = Instant::now();
    let module = compile_with(FIB, &CodegenOptions::default()).expect("compiles");
    let total = started.elapsed();
    eprintln!(
        "compile fib (O3): total {:?} (codegen {:?}, optimize {:?}, jit {:?})",
        total, module.timings.codegen, module.timings.optimize, module.timings.jit
    );
    let fast = compile_with(FIB, &CodegenOptions { opt_level: OptLevel::O0, ..CodegenOptions::default() })
        .expect("compiles");
    eprintln!(
        "compile fib (O0): codegen+opt+jit {:?}",
        fast.timings.codegen + fast.timings.optimize + fast.timings.jit
    );

    let add = compile(
        "
func @add(int64, int64) -> int64 {
block0(v0: int64, v1: int64):
    v2 = iadd v0, v1
    return v2
}
",
    );
    let function = add.function("add").expect("add");
    let calls = 200_000;
    let mut record = ExceptionRecord::new();
    let started = Instant::now();
    for i in 0..calls {
        let result = function.call(&[JitValue::Int(i), JitValue::Int(1)], &mut record);
        assert_eq!(result, Ok(JitValue::Int(i + 1)));
    }
    let dynamic = started.elapsed() / calls as u32;
    type Native = unsafe extern "C" fn(*mut ExceptionRecord, *mut i64, i64, i64) -> i32;
    // SAFETY: the native entry of `add(int64, int64) -> int64` has exactly this signature.
    let native: Native = unsafe { std::mem::transmute::<usize, Native>(function.native_address()) };
    let mut out = 0i64;
    let started = Instant::now();
    let mut checksum = 0i64;
    for i in 0..calls {
        // SAFETY: valid record and output pointers, the signature above.
        let status = unsafe { native(&mut record, &mut out, std::hint::black_box(i), 1) };
        checksum = checksum.wrapping_add(out + i64::from(status));
    }
    let direct = started.elapsed() / calls as u32;
    assert!(checksum != 0);
    eprintln!("call overhead: JitValue call helper {dynamic:?}/call, native fn pointer {direct:?}/call");
}
