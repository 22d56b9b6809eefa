//! Steady-state speed of compiled array code against hand-written Rust loops over the same
//! data (issue 5's target: within 10 %): `sum(sqrt(a))`, `a * b + c`, a 2-d five-point
//! stencil, and a loop nest (pairwise distances). Each numjit kernel is compiled once, then
//! called through the `Dispatcher` (so a call's overhead — argument conversion, the call
//! itself, the result — is part of the figure, as it is for a user).
//!
//! ```text
//! cargo bench -p numjit_benches --bench arrays
//! ```

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::{Array1, Array2};
use numjit::{ArrayValue, Jit, Options, Value};

const SOURCE: &str = "\
import numpy as np

def sum_sqrt(a):
    return np.sum(np.sqrt(a))

def axpy(a, b, c):
    return a * b + c

def stencil(u):
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1]) - u[i, j]
    return out

def pairwise(x):
    m = x.shape[0]
    k = x.shape[1]
    d = np.empty((m, m))
    for i in range(m):
        for j in range(m):
            s = 0.0
            for l in range(k):
                t = x[i, l] - x[j, l]
                s += t * t
            d[i, j] = np.sqrt(s)
    return d
";

fn compile(name: &str) -> numjit::Dispatcher {
    Jit::new().compile_source(SOURCE, name, &Options::new()).expect("compiles")
}

fn array<D: ndarray::Dimension>(array: ndarray::Array<f64, D>) -> Value {
    Value::Array(ArrayValue::from_ndarray(array))
}

fn rust_sum_sqrt(a: &[f64]) -> f64 {
    let mut total = 0.0;
    for x in a {
        total += x.sqrt();
    }
    total
}

fn rust_axpy(a: &[f64], b: &[f64], c: &[f64]) -> Vec<f64> {
    a.iter().zip(b).zip(c).map(|((a, b), c)| a * b + c).collect()
}

fn rust_stencil(u: &Array2<f64>) -> Array2<f64> {
    let (n, m) = u.dim();
    let mut out = Array2::zeros((n, m));
    for i in 1..n - 1 {
        for j in 1..m - 1 {
            out[[i, j]] = 0.25 * (u[[i - 1, j]] + u[[i + 1, j]] + u[[i, j - 1]] + u[[i, j + 1]]) - u[[i, j]];
        }
    }
    out
}

fn rust_pairwise(x: &Array2<f64>) -> Array2<f64> {
    let (m, k) = x.dim();
    let mut d = Array2::zeros((m, m));
    for i in 0..m {
        for j in 0..m {
            let mut s = 0.0;
            for l in 0..k {
                let t = x[[i, l]] - x[[j, l]];
                s += t * t;
            }
            d[[i, j]] = s.sqrt();
        }
    }
    d
}

fn kernels(c: &mut Criterion) {
    let n = 1_000_000;
    let a = Array1::from_iter((0..n).map(|i| i as f64 * 0.5));
    let b = Array1::from_iter((0..n).map(|i| (i % 7) as f64));
    let cc = Array1::from_iter((0..n).map(|i| (i % 3) as f64 - 1.0));

    let sum_sqrt = compile("sum_sqrt");
    let args = [array(a.clone())];
    let mut group = c.benchmark_group("sum_sqrt_1e6");
    group.bench_function("numjit", |bench| bench.iter(|| sum_sqrt.call(black_box(&args)).expect("runs")));
    let slice = a.as_slice().expect("contiguous");
    group.bench_function("rust", |bench| bench.iter(|| rust_sum_sqrt(black_box(slice))));
    group.finish();

    let axpy = compile("axpy");
    let args = [array(a.clone()), array(b.clone()), array(cc.clone())];
    let mut group = c.benchmark_group("axpy_1e6");
    group.bench_function("numjit", |bench| bench.iter(|| axpy.call(black_box(&args)).expect("runs")));
    let (sa, sb, sc) = (a.as_slice().expect("a"), b.as_slice().expect("b"), cc.as_slice().expect("c"));
    group.bench_function("rust", |bench| {
        bench.iter(|| rust_axpy(black_box(sa), black_box(sb), black_box(sc)))
    });
    group.finish();

    let u = Array2::from_shape_fn((1000, 1000), |(i, j)| ((i * 31 + j * 17) % 101) as f64);
    let stencil = compile("stencil");
    let args = [array(u.clone())];
    let mut group = c.benchmark_group("stencil_1000x1000");
    group.bench_function("numjit", |bench| bench.iter(|| stencil.call(black_box(&args)).expect("runs")));
    group.bench_function("rust", |bench| bench.iter(|| rust_stencil(black_box(&u))));
    group.finish();

    let x = Array2::from_shape_fn((500, 3), |(i, j)| ((i * 7 + j * 13) % 29) as f64 * 0.1);
    let pairwise = compile("pairwise");
    let args = [array(x.clone())];
    let mut group = c.benchmark_group("pairwise_500x3");
    group.bench_function("numjit", |bench| bench.iter(|| pairwise.call(black_box(&args)).expect("runs")));
    group.bench_function("rust", |bench| bench.iter(|| rust_pairwise(black_box(&x))));
    group.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);
