//! Measures what a user waits for: `compile_source` + the first call (which compiles) of
//! small functions, cold (first compile of the process) and warm, with the time per stage,
//! then the overhead of calling an already compiled scalar function.
//!
//! `cargo run --release -p numjit --example latency`

use std::time::{Duration, Instant};

use numjit::{Jit, Options, Value};

const FUNCTIONS: [(&str, &str, &[Value]); 3] = [
    ("add", "def add(a, b):\n    return a + b\n", &[Value::Int(1), Value::Float(2.0)]),
    (
        "loop_sum",
        "import math\n\ndef loop_sum(n):\n    s = 0.0\n    for i in range(n):\n        if i % 3 == 0:\n            s += math.sqrt(i)\n        else:\n            s -= 1.0 / (i + 1)\n    return s\n",
        &[Value::Int(1000)],
    ),
    (
        "collatz",
        "def collatz(n):\n    steps = 0\n    while n != 1:\n        if n % 2 == 0:\n            n //= 2\n        else:\n            n = 3 * n + 1\n        steps += 1\n    return steps\n",
        &[Value::Int(27)],
    ),
];

fn main() {
    let jit = Jit::new();
    for round in ["cold", "warm"] {
        for (name, source, args) in FUNCTIONS {
            let started = Instant::now();
            let dispatcher = jit.compile_source(source, name, &Options::new()).expect("compiles");
            let result = dispatcher.call(args).expect("runs");
            let elapsed = started.elapsed();
            let timings = dispatcher.compile_timings();
            let stages = timings.first().map(|(_, stages)| *stages).unwrap_or_default();
            println!(
                "{round} {name:<9} compile_source + first call: {:>7.2} ms  (infer {:.2}, lower {:.2}, opt {:.2}, codegen {:.2}, llvm O3 {:.2}, jit {:.2}) -> {result}",
                ms(elapsed),
                ms(stages.infer),
                ms(stages.lower),
                ms(stages.opt),
                ms(stages.codegen),
                ms(stages.llvm_opt),
                ms(stages.jit),
            );
        }
    }
    let identity = jit.compile_source("def f(x):\n    return x\n", "f", &Options::new()).expect("compiles");
    let args = [Value::Float(1.0)];
    identity.call(&args).expect("runs");
    let n_calls = 2_000_000u32;
    let started = Instant::now();
    for _ in 0..n_calls {
        std::hint::black_box(identity.call(std::hint::black_box(&args)).expect("runs"));
    }
    println!(
        "call overhead (f(x) = x, float64): {:.0} ns per call",
        started.elapsed().as_nanos() as f64 / f64::from(n_calls)
    );
    let two = [Value::Int(3), Value::Float(4.0)];
    let add = jit.compile_source(FUNCTIONS[0].1, "add", &Options::new()).expect("compiles");
    add.call(&two).expect("runs");
    let started = Instant::now();
    for _ in 0..n_calls {
        std::hint::black_box(add.call(std::hint::black_box(&two)).expect("runs"));
    }
    println!(
        "call overhead (add(int64, float64)): {:.0} ns per call",
        started.elapsed().as_nanos() as f64 / f64::from(n_calls)
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
