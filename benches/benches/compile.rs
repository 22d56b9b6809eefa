//! Compile latency per stage for scalar functions of about 5, 30 and 150 lines.
//!
//! Each iteration compiles from scratch with a fresh `Jit` (no cache): parse the module,
//! then, for one signature, type inference, lowering to IR, IR passes, LLVM codegen, LLVM's
//! O3 pipeline and machine-code generation. `total` is the whole `compile_source` +
//! `compile_signature`; the per-stage benchmarks sum only that stage's time, as the facade
//! records it, over the same compiles. Issue target: a 30-line function in ≤ 20 ms.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use numjit::{Jit, Options};

const SMALL: &str = "
def f(a, b):
    c = a * b + 1.5
    if c > 10.0:
        c = c / 2.0
    return c
";

/// The 30-line function, shared with the fresh-process benchmark (`cargo xtask bench fresh`).
const MEDIUM: &str = include_str!("../sources/compile_30_lines.py");

/// A 150-line function: `MEDIUM`'s loop body repeated with fresh variable names.
fn large_source() -> String {
    let mut source = String::from("import math\n\ndef f(n, x):\n    total = 0.0\n");
    for block_idx in 0..13 {
        source.push_str(&format!(
            "    acc{block_idx} = 0.0\n\
             \x20   for i in range(n):\n\
             \x20       y = x * i + {block_idx}.5\n\
             \x20       if y > 100.0:\n\
             \x20           y = math.sqrt(y)\n\
             \x20       elif y < -100.0:\n\
             \x20           y = -math.sqrt(-y)\n\
             \x20       else:\n\
             \x20           y = y * 0.5\n\
             \x20       acc{block_idx} += y\n\
             \x20   total += acc{block_idx} / (n + 1)\n"
        ));
    }
    source.push_str("    return total\n");
    source
}

fn compile(source: &str, signature: &str) -> numjit::StageTimings {
    let dispatcher =
        Jit::new().compile_source(source, "f", &Options::default()).expect("the benchmark source compiles");
    dispatcher.compile_signature(signature).expect("the signature compiles");
    dispatcher.compile_timings().first().map(|(_, timings)| *timings).unwrap_or_default()
}

fn stage(timings: &numjit::StageTimings, name: &str) -> Duration {
    match name {
        "infer" => timings.infer,
        "lower" => timings.lower,
        "opt" => timings.opt,
        "codegen" => timings.codegen,
        "llvm_opt" => timings.llvm_opt,
        _ => timings.jit,
    }
}

fn compile_latency(c: &mut Criterion) {
    let large = large_source();
    let functions = [
        ("5_lines", SMALL, "float64(float64, float64)"),
        ("30_lines", MEDIUM, "float64(int64, float64)"),
        ("150_lines", large.as_str(), "float64(int64, float64)"),
    ];
    let mut group = c.benchmark_group("compile");
    group.sample_size(20);
    for (label, source, signature) in functions {
        group.bench_with_input(BenchmarkId::new("total", label), &source, |bencher, source| {
            bencher.iter(|| compile(source, signature));
        });
        group.bench_with_input(BenchmarkId::new("parse", label), &source, |bencher, source| {
            bencher.iter(|| numjit_parser::parse_module(source));
        });
        for stage_name in ["infer", "lower", "opt", "codegen", "llvm_opt", "jit"] {
            group.bench_with_input(BenchmarkId::new(stage_name, label), &source, |bencher, source| {
                bencher.iter_custom(|iterations| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iterations {
                        let started = Instant::now();
                        let timings = compile(source, signature);
                        std::hint::black_box(started.elapsed());
                        spent += stage(&timings, stage_name);
                    }
                    spent
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, compile_latency);
criterion_main!(benches);
