//! The NumPy library functions end to end: `np.where`, `np.clip`, `np.cumsum`/`cumprod`,
//! `np.diff`, the NaN-ignoring reductions, `np.median`, `np.sort`/`argsort` (and the
//! methods), `np.outer`, `np.trace` — over C, F and strided layouts, several dtypes, empty
//! arrays and NaNs. Expected values are computed here with `ndarray` and plain Rust; the
//! arrays corpus (tests/run/arrays) checks the same functions against NumPy itself.
//!
//! The leak checks read the process-wide live-block counter: run with `cargo nextest`
//! (one process per test) so that other tests do not disturb it.

use ndarray::{Array, Array1, Array2, ArrayD, Axis, ShapeBuilder, arr1, arr2, s};
use num_complex::Complex;
use numjit::{ArrayValue, CallError, ExceptionClass, Jit, Options, ScalarType, Value};

const SOURCE: &str = "\
import numpy as np

def where3(c, x, y):
    return np.where(c, x, y)

def relu(a):
    return np.where(a > 0, a, 0.0)

def clip3(a, lo, hi):
    return np.clip(a, lo, hi)

def clip_upper(a, hi):
    return np.clip(a, None, hi)

def clip_method(a):
    return a.clip(1, 4)

def clip_method_max(a, hi):
    return a.clip(max=hi)

def cumsum(a):
    return np.cumsum(a)

def cumprod(a):
    return np.cumprod(a)

def cumsum_axis(a, k):
    return np.cumsum(a, k)

def cumsum_method_axis(a, k):
    return a.cumsum(axis=k)

def cumprod_method(a):
    return a.cumprod()

def diff(a):
    return np.diff(a)

def diff_n(a, n):
    return np.diff(a, n)

def nan_stats(a):
    return (np.nansum(a), np.nanprod(a), np.nanmean(a), np.nanmin(a), np.nanmax(a))

def nansum(a):
    return np.nansum(a)

def nanmin(a):
    return np.nanmin(a)

def nanmean(a):
    return np.nanmean(a)

def nansum_axis(a, k):
    return np.nansum(a, k)

def nanmax_axis(a, k):
    return np.nanmax(a, k)

def nanmean_axis(a, k):
    return np.nanmean(a, k)

def median(a):
    return np.median(a)

def median_axis(a, k):
    return np.median(a, k)

def sort(a):
    return np.sort(a)

def sort_axis(a, k):
    return np.sort(a, k)

def sort_flat(a):
    return np.sort(a, None)

def argsort_flat(a):
    return np.argsort(a, None)

def sort_in_place(a):
    a.sort()
    return a

def sort_method_axis(a, k):
    a.sort(k)

def sort_view(a):
    a[::2].sort()

def argsort(a):
    return np.argsort(a)

def argsort_axis(a, k):
    return np.argsort(a, k)

def argsort_method(a):
    return a.argsort()

def rank(a):
    return a.argsort().argsort()

def outer(a, b):
    return np.outer(a, b)

def trace(a):
    return np.trace(a)

def trace_offset(a, k):
    return np.trace(a, k)

def trace_method(a):
    return a.trace()

def where1(c):
    return np.where(c)

def bad_where(c, x):
    return np.where(c, x, None)

def bad_clip(a):
    return np.clip(a, (1, 2), 3)

def clip_no_bounds(a):
    return np.clip(a, None, None)

def bad_axis(a):
    return np.cumsum(a, 1.5)

def sort_kind(a):
    return np.sort(a, -1, 1)

def bad_keyword(a):
    return np.median(a, axes=0)

def sort_scalar(x):
    return np.sort(x)

def trace_1d(a):
    return np.trace(a)
";

fn compile(function: &str) -> numjit::Dispatcher {
    Jit::new().compile_source(SOURCE, function, &Options::new()).expect("compiles")
}

fn array<T: numjit::Element, D: ndarray::Dimension>(array: Array<T, D>) -> Value {
    Value::Array(ArrayValue::from_ndarray(array))
}

fn call(dispatcher: &numjit::Dispatcher, args: &[Value]) -> Value {
    dispatcher.call(args).unwrap_or_else(|error| panic!("{}: {error}", dispatcher.name()))
}

fn typed<T: numjit::Element>(value: Value) -> ArrayD<T> {
    match value {
        Value::Array(array) => {
            array.to_ndarray::<T>().unwrap_or_else(|| panic!("unexpected dtype {}", array.dtype()))
        }
        other => panic!("expected an array, got {other:?}"),
    }
}

fn dtype_of(value: &Value) -> ScalarType {
    match value {
        Value::Array(array) => array.dtype(),
        other => panic!("expected an array, got {other:?}"),
    }
}

fn float(value: Value) -> f64 {
    match value {
        Value::Float(x) => x,
        Value::Float32(x) => f64::from(x),
        other => panic!("expected a float, got {other:?}"),
    }
}

fn items(value: Value) -> Vec<Value> {
    match value {
        Value::Tuple(items) => items,
        other => vec![other],
    }
}

/// Bit-for-bit equality except NaN payloads (NaN matches NaN).
fn same_floats(got: &ArrayD<f64>, expected: &ArrayD<f64>) {
    assert_eq!(got.shape(), expected.shape(), "{got} != {expected}");
    for (a, b) in got.iter().zip(expected) {
        assert!((a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits(), "{got} != {expected}");
    }
}

fn exception(result: Result<Value, CallError>) -> (ExceptionClass, String) {
    match result {
        Err(CallError::Exception { class, message }) => (class, message),
        other => panic!("expected an exception, got {other:?}"),
    }
}

fn compile_error_code(result: Result<Value, CallError>) -> String {
    match result {
        Err(CallError::Compile(error)) => error.diagnostics()[0].code.0.to_string(),
        other => panic!("expected a compile error, got {other:?}"),
    }
}

/// A deterministic pseudo-random sequence (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn float(&mut self) -> f64 {
        (self.next() % 2001) as f64 / 8.0 - 125.0
    }
}

/// The same values as `a` in an F-contiguous array.
fn fortran<T: Clone + Default>(a: &Array2<T>) -> Array2<T> {
    let mut out = Array2::<T>::from_elem(a.raw_dim().f(), T::default());
    out.assign(a);
    out
}

/// A strided (non-contiguous) array holding the values of `a`: every other column of a
/// wider array.
fn strided<T: Clone + Default>(a: &Array2<T>) -> Array2<T> {
    let (rows, cols) = a.dim();
    let mut wide = Array2::<T>::from_elem((rows, cols * 2), T::default());
    wide.slice_mut(s![.., ..;2]).assign(a);
    wide.slice_move(s![.., ..;2])
}

fn layouts(a: &Array2<f64>) -> Vec<Array2<f64>> {
    vec![a.clone(), fortran(a), strided(a)]
}

/// NumPy's sort order for floats: NaNs last.
fn numpy_sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        (false, false) => a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal),
    });
    sorted
}

#[test]
fn where_broadcasts_and_promotes() {
    let where3 = compile("where3");
    let condition = arr2(&[[true], [false]]);
    let x = Array1::from_iter(0..3i32);
    let got = call(&where3, &[array(condition.clone()), array(x), Value::Int(-1)]);
    assert_eq!(dtype_of(&got), ScalarType::Int64);
    assert_eq!(typed::<i64>(got), arr2(&[[0, 1, 2], [-1, -1, -1]]).into_dyn());
    let got = call(&where3, &[Value::Bool(false), Value::Float(1.5), array(arr1(&[1i64, 2]))]);
    same_floats(&typed::<f64>(got), &arr1(&[1.0, 2.0]).into_dyn());
    // A 0-d result of scalars only.
    let got = call(&where3, &[Value::Bool(true), Value::Int(3), Value::Int(4)]);
    assert_eq!(typed::<i64>(got).into_raw_vec_and_offset().0, vec![3]);
    // Numeric conditions are truth-tested; layouts of the operands do not matter.
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i as f64) - (j as f64));
    let relu = compile("relu");
    let expected = a.mapv(|v| if v > 0.0 { v } else { 0.0 }).into_dyn();
    for input in layouts(&a) {
        same_floats(&typed::<f64>(call(&relu, &[array(input)])), &expected);
    }
    let c = Array2::from_shape_fn((3, 4), |(i, j)| ((i + j) % 3) as f64);
    let expected =
        Array2::from_shape_fn((3, 4), |(i, j)| if c[(i, j)] != 0.0 { a[(i, j)] } else { -a[(i, j)] });
    for cond in layouts(&c) {
        let got = call(&where3, &[array(cond), array(a.clone()), array(a.mapv(|v| -v))]);
        same_floats(&typed::<f64>(got), &expected.clone().into_dyn());
    }
    let (class, message) = exception(where3.call(&[
        array(arr1(&[true, false, true])),
        array(arr1(&[1.0, 2.0])),
        Value::Float(0.0),
    ]));
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "operands could not be broadcast together with shapes (3,) (2,) ");
    let empty =
        call(&where3, &[array(Array2::<bool>::from_elem((0, 3), true)), Value::Int(1), Value::Int(2)]);
    assert_eq!(typed::<i64>(empty).shape(), &[0, 3]);
}

#[test]
fn clip_follows_numpy() {
    let clip3 = compile("clip3");
    let got = call(&clip3, &[array(arr1(&[-2.0, 0.5, 3.0, f64::NAN])), Value::Float(0.0), Value::Float(1.0)]);
    same_floats(&typed::<f64>(got), &arr1(&[0.0, 0.5, 1.0, f64::NAN]).into_dyn());
    // A NaN bound gives NaN; lo > hi gives hi everywhere.
    let got = call(&clip3, &[array(arr1(&[-2.0, 0.5])), Value::Float(f64::NAN), Value::Float(1.0)]);
    assert!(typed::<f64>(got).iter().all(|v| v.is_nan()));
    let got = call(&clip3, &[array(arr1(&[-2.0, 0.5, 9.0])), Value::Float(5.0), Value::Float(1.0)]);
    same_floats(&typed::<f64>(got), &arr1(&[1.0, 1.0, 1.0]).into_dyn());
    // Python ints keep an int32 array's dtype; a float bound makes it float64.
    let ints = Array1::from_iter(0..10i32);
    let got = call(&clip3, &[array(ints.clone()), Value::Int(2), Value::Int(7)]);
    assert_eq!(dtype_of(&got), ScalarType::Int32);
    assert_eq!(typed::<i32>(got), ints.mapv(|v| v.clamp(2, 7)).into_dyn());
    let got = call(&clip3, &[array(ints.clone()), Value::Float(2.5), Value::Int(7)]);
    assert_eq!(dtype_of(&got), ScalarType::Float64);
    // Array bounds broadcast against the array.
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
    let lo = arr1(&[1.0, 2.0, 3.0, 4.0]);
    let hi = arr2(&[[5.0], [6.0], [7.0]]);
    let expected = Array2::from_shape_fn((3, 4), |(i, j)| a[(i, j)].max(lo[j]).min(hi[(i, 0)])).into_dyn();
    for input in layouts(&a) {
        let got = call(&clip3, &[array(input), array(lo.clone()), array(hi.clone())]);
        same_floats(&typed::<f64>(got), &expected);
    }
    let got = call(&compile("clip_upper"), &[array(a.clone()), Value::Float(3.5)]);
    same_floats(&typed::<f64>(got), &a.mapv(|v| v.min(3.5)).into_dyn());
    let got = call(&compile("clip_method"), &[array(arr1(&[0i64, 3, 9]))]);
    assert_eq!(typed::<i64>(got), arr1(&[1, 3, 4]).into_dyn());
    let got = call(&compile("clip_method_max"), &[array(arr1(&[0.0, 3.0, 9.0])), Value::Float(2.0)]);
    same_floats(&typed::<f64>(got), &arr1(&[0.0, 2.0, 2.0]).into_dyn());
    let got = call(&clip3, &[array(Array1::<f64>::zeros(0)), Value::Float(0.0), Value::Float(1.0)]);
    assert_eq!(typed::<f64>(got).len(), 0);
}

#[test]
fn cumulative_sums_and_products() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64 * 0.5 - 2.0);
    let flat: Vec<f64> = a.iter().copied().collect();
    let running: Vec<f64> = flat
        .iter()
        .scan(0.0, |acc, v| {
            *acc += v;
            Some(*acc)
        })
        .collect();
    let cumsum = compile("cumsum");
    for input in layouts(&a) {
        same_floats(&typed::<f64>(call(&cumsum, &[array(input)])), &Array1::from(running.clone()).into_dyn());
    }
    // Small integers and booleans accumulate in int64, float32 stays float32.
    let got = call(&cumsum, &[array(arr1(&[i32::MAX, 1, 1]))]);
    assert_eq!(typed::<i64>(got), arr1(&[2147483647i64, 2147483648, 2147483649]).into_dyn());
    let got = call(&cumsum, &[array(arr1(&[true, true, false, true]))]);
    assert_eq!(typed::<i64>(got), arr1(&[1i64, 2, 2, 3]).into_dyn());
    let got = call(&cumsum, &[array(arr1(&[0.5f32, 0.25, 0.125]))]);
    assert_eq!(typed::<f32>(got), arr1(&[0.5f32, 0.75, 0.875]).into_dyn());
    let got = call(&cumsum, &[array(arr1(&[Complex::new(0.0, 1.0), Complex::new(2.0, 0.0)]))]);
    assert_eq!(
        typed::<Complex<f64>>(got),
        arr1(&[Complex::new(0.0, 1.0), Complex::new(2.0, 1.0)]).into_dyn()
    );
    let got = call(&cumsum, &[array(Array2::<f64>::zeros((0, 3)))]);
    assert_eq!(typed::<f64>(got).shape(), &[0]);
    let got = call(&compile("cumprod"), &[array(arr1(&[1.0, 2.0, 0.5, 4.0]))]);
    same_floats(&typed::<f64>(got), &arr1(&[1.0, 2.0, 1.0, 4.0]).into_dyn());
    let got = call(&compile("cumprod_method"), &[array(arr1(&[true, true, false]))]);
    assert_eq!(typed::<i64>(got), arr1(&[1i64, 1, 0]).into_dyn());
    // Along an axis, positionally and as the method's keyword.
    let ints = Array2::from_shape_fn((2, 3), |(i, j)| (i * 3 + j) as i64);
    let rows = arr2(&[[0i64, 1, 3], [3, 7, 12]]).into_dyn();
    let cols = arr2(&[[0i64, 1, 2], [3, 5, 7]]).into_dyn();
    for input in [ints.clone(), fortran(&ints), strided(&ints)] {
        let got = call(&compile("cumsum_axis"), &[array(input.clone()), Value::Int(1)]);
        assert_eq!(typed::<i64>(got), rows);
        let got = call(&compile("cumsum_method_axis"), &[array(input), Value::Int(-2)]);
        assert_eq!(typed::<i64>(got), cols);
    }
    let (class, message) = exception(compile("cumsum_axis").call(&[array(ints), Value::Int(2)]));
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "axis 2 is out of bounds for array of dimension 2");
}

#[test]
fn differences() {
    let diff = compile("diff");
    let got = call(&diff, &[array(arr1(&[1i64, 4, 9, 16]))]);
    assert_eq!(typed::<i64>(got), arr1(&[3i64, 5, 7]).into_dyn());
    let got = call(&diff, &[array(arr1(&[true, false, false, true]))]);
    assert_eq!(typed::<bool>(got), arr1(&[true, false, true]).into_dyn());
    let got = call(&diff, &[array(arr1(&[0u8, 255, 1]))]);
    assert_eq!(typed::<u8>(got), arr1(&[255u8, 2]).into_dyn());
    let a = Array2::from_shape_fn((3, 5), |(i, j)| ((i + 1) * j * j) as f64);
    let diff_n = compile("diff_n");
    for n in 0..7usize {
        let mut expected = a.clone();
        for _ in 0..n.min(5) {
            let cols = expected.ncols();
            expected = Array2::from_shape_fn((3, cols - 1), |(i, j)| expected[(i, j + 1)] - expected[(i, j)]);
        }
        for input in layouts(&a) {
            let got = call(&diff_n, &[array(input), Value::Int(n as i64)]);
            same_floats(&typed::<f64>(got), &expected.clone().into_dyn());
        }
    }
    let (class, message) = exception(diff_n.call(&[array(arr1(&[1.0, 2.0])), Value::Int(-1)]));
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "order must be non-negative but got -1");
    let got = call(&diff, &[array(Array1::<f64>::zeros(0))]);
    assert_eq!(typed::<f64>(got).len(), 0);
}

#[test]
fn nan_ignoring_reductions() {
    let stats = compile("nan_stats");
    let got = items(call(&stats, &[array(arr1(&[1.0, f64::NAN, 3.0, f64::NAN]))]));
    assert_eq!(
        got,
        vec![Value::Float(4.0), Value::Float(3.0), Value::Float(2.0), Value::Float(1.0), Value::Float(3.0)]
    );
    let a = arr2(&[[2.0, f64::NAN], [-1.0, 4.0]]);
    for input in layouts(&a) {
        let got = items(call(&stats, &[array(input)]));
        assert_eq!(got[0], Value::Float(5.0));
        assert_eq!(got[1], Value::Float(-8.0));
        assert!((float(got[2].clone()) - 5.0 / 3.0).abs() < 1e-15);
        assert_eq!(got[3..], [Value::Float(-1.0), Value::Float(4.0)]);
    }
    // Only NaNs: the sum is 0, the product 1, the rest NaN.
    let got = items(call(&stats, &[array(arr1(&[f64::NAN, f64::NAN]))]));
    assert_eq!(got[..2], [Value::Float(0.0), Value::Float(1.0)]);
    assert!(got[2..].iter().all(|value| float(value.clone()).is_nan()));
    // Integers reduce as the plain reductions do.
    let got = items(call(&stats, &[array(arr1(&[1i32, 2, 3]))]));
    assert_eq!(got, vec![Value::Int(6), Value::Int(6), Value::Float(2.0), Value::Int32(1), Value::Int32(3)]);
    let got = items(call(&stats, &[array(arr1(&[0.5f32, f32::NAN]))]));
    assert_eq!(got, vec![Value::Float32(0.5); 5]);
    let (class, message) = exception(compile("nanmin").call(&[array(Array1::<f64>::zeros(0))]));
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "zero-size array to reduction operation fmin which has no identity");
    assert_eq!(call(&compile("nansum"), &[array(Array1::<f64>::zeros(0))]), Value::Float(0.0));
    assert!(float(call(&compile("nanmean"), &[array(Array1::<f64>::zeros(0))])).is_nan());
    // Along an axis.
    let m = arr2(&[[1.0, f64::NAN], [f64::NAN, f64::NAN], [3.0, 5.0]]);
    for input in layouts(&m) {
        let got = typed::<f64>(call(&compile("nansum_axis"), &[array(input.clone()), Value::Int(0)]));
        same_floats(&got, &arr1(&[4.0, 5.0]).into_dyn());
        let got = typed::<f64>(call(&compile("nanmax_axis"), &[array(input.clone()), Value::Int(1)]));
        same_floats(&got, &arr1(&[1.0, f64::NAN, 5.0]).into_dyn());
        let got = typed::<f64>(call(&compile("nanmean_axis"), &[array(input), Value::Int(-1)]));
        same_floats(&got, &arr1(&[1.0, f64::NAN, 4.0]).into_dyn());
    }
    let got = call(&compile("nanmax_axis"), &[array(arr1(&[1.0, 7.0, f64::NAN])), Value::Int(0)]);
    assert_eq!(got, Value::Float(7.0));
    let (class, _) =
        exception(compile("nanmax_axis").call(&[array(Array2::<f64>::zeros((2, 0))), Value::Int(1)]));
    assert_eq!(class, ExceptionClass::ValueError);
}

#[test]
fn medians() {
    let median = compile("median");
    assert_eq!(call(&median, &[array(arr1(&[5.0, 1.0, 3.0]))]), Value::Float(3.0));
    assert_eq!(call(&median, &[array(arr1(&[4i64, 1, 3, 2]))]), Value::Float(2.5));
    assert_eq!(call(&median, &[array(arr1(&[4u8, 250]))]), Value::Float(127.0));
    assert_eq!(call(&median, &[array(arr1(&[0.5f32, 0.25]))]), Value::Float32(0.375));
    assert!(float(call(&median, &[array(arr1(&[1.0, f64::NAN, 2.0]))])).is_nan());
    assert!(float(call(&median, &[array(Array1::<f64>::zeros(0))])).is_nan());
    let a = Array2::from_shape_fn((3, 4), |(i, j)| ((i * 7 + j * 5) % 12) as f64);
    let all = numpy_sorted(&a.iter().copied().collect::<Vec<_>>());
    let whole = (all[5] + all[6]) / 2.0;
    for input in layouts(&a) {
        // The argument is not modified.
        let argument = ArrayValue::from_ndarray(input.clone());
        assert_eq!(call(&median, &[Value::Array(argument.clone())]), Value::Float(whole));
        assert_eq!(argument.to_ndarray::<f64>().unwrap(), input.clone().into_dyn());
        let got = typed::<f64>(call(&compile("median_axis"), &[array(input), Value::Int(1)]));
        let expected = a.map_axis(Axis(1), |row| {
            let sorted = numpy_sorted(&row.to_vec());
            (sorted[1] + sorted[2]) / 2.0
        });
        same_floats(&got, &expected.into_dyn());
    }
    let mut lcg = Lcg(7);
    for n in [1usize, 2, 3, 10, 33, 64, 101] {
        let values: Vec<f64> = (0..n).map(|_| lcg.float()).collect();
        let sorted = numpy_sorted(&values);
        let expected = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        assert_eq!(call(&median, &[array(Array1::from(values))]), Value::Float(expected), "n = {n}");
    }
}

#[test]
fn sorting_matches_numpy_order() {
    let sort = compile("sort");
    let mut lcg = Lcg(42);
    // Every size up to a few merge passes, with NaNs, infinities and duplicates.
    for n in 0..70usize {
        let values: Vec<f64> = (0..n)
            .map(|k| match lcg.next() % 11 {
                0 => f64::NAN,
                1 => f64::INFINITY,
                2 => f64::NEG_INFINITY,
                3 => -0.0,
                _ => lcg.float() + k as f64 * 0.0,
            })
            .collect();
        let input = Array1::from(values.clone());
        let argument = ArrayValue::from_ndarray(input.clone());
        let got = typed::<f64>(call(&sort, &[Value::Array(argument.clone())]));
        let expected = numpy_sorted(&values);
        assert_eq!(got.len(), n);
        for (a, b) in got.iter().zip(&expected) {
            // -0.0 and 0.0 are ties; compare values, NaN with NaN.
            assert!((a.is_nan() && b.is_nan()) || a == b, "n = {n}: {got} != {expected:?}");
        }
        // np.sort copies.
        same_floats(&argument.to_ndarray::<f64>().unwrap(), &input.into_dyn());
    }
    let got = call(&sort, &[array(arr1(&[3i32, -1, 2, i32::MIN]))]);
    assert_eq!(typed::<i32>(got), arr1(&[i32::MIN, -1, 2, 3]).into_dyn());
    let got = call(&sort, &[array(arr1(&[u64::MAX, 0, 7]))]);
    assert_eq!(typed::<u64>(got), arr1(&[0, 7, u64::MAX]).into_dyn());
    let got = call(&sort, &[array(arr1(&[true, false, true, false]))]);
    assert_eq!(typed::<bool>(got), arr1(&[false, false, true, true]).into_dyn());
    let z = |re: f64, im: f64| Complex::new(re, im);
    let got = call(
        &sort,
        &[array(arr1(&[z(1.0, f64::NAN), z(2.0, 0.0), z(1.0, 2.0), z(f64::NAN, 0.0), z(1.0, -1.0)]))],
    );
    let got = typed::<Complex<f64>>(got);
    let parts: Vec<(f64, f64)> = got.iter().map(|z| (z.re, z.im)).collect();
    assert_eq!(parts[..3], [(1.0, -1.0), (1.0, 2.0), (2.0, 0.0)]);
    assert!(parts[3].0 == 1.0 && parts[3].1.is_nan() && parts[4].0.is_nan());
    // Along the last axis of n-d arrays of any layout, and along other axes.
    let a = Array2::from_shape_fn((4, 5), |(i, j)| ((i * 7 + j * 13) % 10) as f64 - 4.5);
    let mut rows = a.clone();
    for mut row in rows.rows_mut() {
        let sorted = numpy_sorted(&row.to_vec());
        row.assign(&Array1::from(sorted));
    }
    let mut cols = a.clone();
    for mut col in cols.columns_mut() {
        let sorted = numpy_sorted(&col.to_vec());
        col.assign(&Array1::from(sorted));
    }
    for input in layouts(&a) {
        same_floats(&typed::<f64>(call(&sort, &[array(input.clone())])), &rows.clone().into_dyn());
        let got = call(&compile("sort_axis"), &[array(input.clone()), Value::Int(0)]);
        same_floats(&typed::<f64>(got), &cols.clone().into_dyn());
        let got = call(&compile("sort_flat"), &[array(input.clone())]);
        same_floats(
            &typed::<f64>(got),
            &Array1::from(numpy_sorted(&a.iter().copied().collect::<Vec<_>>())).into_dyn(),
        );
        // Positions in the C-order flattening (the values have ties: check the order).
        let positions = typed::<i64>(call(&compile("argsort_flat"), &[array(input)]));
        let flat: Vec<f64> = a.iter().copied().collect();
        let by_position: Vec<f64> = positions.iter().map(|p| flat[*p as usize]).collect();
        assert_eq!(by_position, numpy_sorted(&flat));
    }
    let got = call(&sort, &[array(Array2::<f64>::zeros((3, 0)))]);
    assert_eq!(typed::<f64>(got).shape(), &[3, 0]);
}

#[test]
fn sorting_in_place() {
    let a = Array2::from_shape_fn((3, 6), |(i, j)| ((i * 5 + j * 7) % 9) as i64);
    let mut expected = a.clone();
    for mut row in expected.rows_mut() {
        let mut sorted = row.to_vec();
        sorted.sort_unstable();
        row.assign(&Array1::from(sorted));
    }
    for input in [a.clone(), fortran(&a), strided(&a)] {
        let argument = ArrayValue::from_ndarray(input);
        let got = typed::<i64>(call(&compile("sort_in_place"), &[Value::Array(argument.clone())]));
        assert_eq!(got, expected.clone().into_dyn());
        assert_eq!(argument.to_ndarray::<i64>().unwrap(), expected.clone().into_dyn());
    }
    let argument = ArrayValue::from_ndarray(a.clone());
    assert_eq!(
        call(&compile("sort_method_axis"), &[Value::Array(argument.clone()), Value::Int(0)]),
        Value::None
    );
    let mut by_column = a.clone();
    for mut col in by_column.columns_mut() {
        let mut sorted = col.to_vec();
        sorted.sort_unstable();
        col.assign(&Array1::from(sorted));
    }
    assert_eq!(argument.to_ndarray::<i64>().unwrap(), by_column.into_dyn());
    // Sorting a strided view sorts those elements only.
    let argument = ArrayValue::from_ndarray(arr1(&[9.0, 0.0, 5.0, 1.0, 3.0, 2.0, -1.0]));
    call(&compile("sort_view"), &[Value::Array(argument.clone())]);
    same_floats(
        &argument.to_ndarray::<f64>().unwrap(),
        &arr1(&[-1.0, 0.0, 3.0, 1.0, 5.0, 2.0, 9.0]).into_dyn(),
    );
    let frozen = Value::Array(ArrayValue::from_ndarray(arr1(&[2.0, 1.0])).into_readonly());
    assert_eq!(compile_error_code(compile("sort_in_place").call(&[frozen])), "readonly-array");
}

#[test]
fn argsort_gives_positions() {
    let argsort = compile("argsort");
    let mut lcg = Lcg(3);
    for n in [0usize, 1, 2, 3, 7, 16, 17, 50] {
        // Distinct keys (NumPy's argsort is not stable; the tests have no ties).
        let mut values: Vec<f64> = (0..n).map(|k| k as f64 * 1.5 - 10.0).collect();
        for k in (1..n).rev() {
            values.swap(k, (lcg.next() as usize) % (k + 1));
        }
        let got = typed::<i64>(call(&argsort, &[array(Array1::from(values.clone()))]));
        let mut expected: Vec<i64> = (0..n as i64).collect();
        expected.sort_by(|a, b| values[*a as usize].total_cmp(&values[*b as usize]));
        assert_eq!(got.into_raw_vec_and_offset().0, expected, "n = {n}");
    }
    let got = call(&argsort, &[array(arr1(&[f64::NAN, 1.0, -2.0]))]);
    assert_eq!(typed::<i64>(got), arr1(&[2i64, 1, 0]).into_dyn());
    let got = call(&compile("argsort_method"), &[array(arr1(&[10i32, -5, 3]))]);
    assert_eq!(typed::<i64>(got), arr1(&[1i64, 2, 0]).into_dyn());
    let got = call(&compile("rank"), &[array(arr1(&[40.0, 10.0, 30.0, 20.0]))]);
    assert_eq!(typed::<i64>(got), arr1(&[3i64, 0, 2, 1]).into_dyn());
    let a = arr2(&[[3.0, 1.0, 2.0], [0.5, 9.0, -1.0]]);
    for input in layouts(&a) {
        let got = call(&argsort, &[array(input.clone())]);
        assert_eq!(typed::<i64>(got), arr2(&[[1i64, 2, 0], [2, 0, 1]]).into_dyn());
        let got = call(&compile("argsort_axis"), &[array(input), Value::Int(0)]);
        assert_eq!(typed::<i64>(got), arr2(&[[1i64, 0, 1], [0, 1, 0]]).into_dyn());
    }
}

#[test]
fn outer_products_and_traces() {
    let outer = compile("outer");
    let got = call(&outer, &[array(arr1(&[1.0, 2.0])), array(arr1(&[3.0, 4.0, 5.0]))]);
    same_floats(&typed::<f64>(got), &arr2(&[[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]).into_dyn());
    let got = call(&outer, &[array(Array1::from_iter(0..3i32)), array(Array1::from_iter(0..2i32))]);
    assert_eq!(dtype_of(&got), ScalarType::Int32);
    let got = call(&outer, &[array(arr1(&[true, false])), array(arr1(&[true, true]))]);
    assert_eq!(typed::<bool>(got), arr2(&[[true, true], [false, false]]).into_dyn());
    // Operands are flattened in C order whatever their layout.
    let m = Array2::from_shape_fn((2, 3), |(i, j)| (i * 3 + j) as f64);
    let flat: Vec<f64> = m.iter().copied().collect();
    let expected = Array2::from_shape_fn((6, 2), |(i, j)| flat[i] * [1.0, -1.0][j]).into_dyn();
    for input in layouts(&m) {
        let got = call(&outer, &[array(input), array(arr1(&[1.0, -1.0]))]);
        same_floats(&typed::<f64>(got), &expected);
    }
    let got = call(&outer, &[array(Array1::<f64>::zeros(0)), array(arr1(&[1.0]))]);
    assert_eq!(typed::<f64>(got).shape(), &[0, 1]);

    let trace = compile("trace");
    let square = Array2::from_shape_fn((3, 3), |(i, j)| (i * 3 + j) as f64);
    for input in layouts(&square) {
        assert_eq!(call(&trace, &[array(input)]), Value::Float(12.0));
    }
    assert_eq!(
        call(&trace, &[array(Array2::from_shape_fn((3, 3), |(i, j)| (i * 3 + j) as i8))]),
        Value::Int(12)
    );
    assert_eq!(call(&trace, &[array(Array2::from_elem((2, 2), true))]), Value::Int(2));
    assert_eq!(
        call(&compile("trace_method"), &[array(Array2::from_shape_fn((2, 3), |(i, j)| (i * 3 + j) as f64))]),
        Value::Float(4.0)
    );
    let wide = Array2::from_shape_fn((3, 5), |(i, j)| (i * 5 + j) as i64);
    let trace_offset = compile("trace_offset");
    for k in -4i64..6 {
        let expected: i64 = (0..3i64)
            .filter_map(|i| {
                let j = i + k;
                (0..5).contains(&j).then(|| wide[(i as usize, j as usize)])
            })
            .sum();
        assert_eq!(
            call(&trace_offset, &[array(wide.clone()), Value::Int(k)]),
            Value::Int(expected),
            "k = {k}"
        );
    }
    assert_eq!(call(&trace, &[array(Array2::<f64>::zeros((0, 4)))]), Value::Float(0.0));
    for k in [i64::MIN, i64::MAX] {
        assert_eq!(call(&trace_offset, &[array(wide.clone()), Value::Int(k)]), Value::Int(0), "k = {k}");
    }
}

#[test]
fn wrong_arguments_are_diagnostics() {
    let floats = || array(arr1(&[1.0, 2.0]));
    let cases: [(&str, Vec<Value>, &str); 9] = [
        ("where1", vec![Value::Bool(true)], "unsupported-construct"),
        ("bad_where", vec![array(arr1(&[true])), floats()], "type-mismatch"),
        ("bad_clip", vec![floats()], "type-mismatch"),
        ("clip_no_bounds", vec![floats()], "wrong-arguments"),
        ("bad_axis", vec![floats()], "invalid-operand"),
        ("sort_kind", vec![floats()], "unsupported-construct"),
        ("sort_scalar", vec![Value::Float(1.0)], "unsupported-construct"),
        ("trace_1d", vec![floats()], "invalid-operand"),
        ("sort", vec![array(ndarray::arr0(1.0))], "invalid-operand"),
    ];
    for (function, args, code) in cases {
        assert_eq!(compile_error_code(compile(function).call(&args)), code, "{function}");
    }
    // A keyword NumPy does not have.
    let result = compile("bad_keyword").call(&[floats()]);
    assert_eq!(compile_error_code(result), "wrong-arguments");
}

#[test]
fn no_leaks() {
    let a = Array2::from_shape_fn((4, 5), |(i, j)| ((i * 7 + j * 3) % 11) as f64 - 5.0);
    let f = fortran(&a);
    let runs: Vec<(&str, Vec<Value>)> = vec![
        ("relu", vec![array(f.clone())]),
        ("clip3", vec![array(f.clone()), array(arr1(&[0.0, 1.0, 2.0, 3.0, 4.0])), Value::Float(3.0)]),
        ("cumsum", vec![array(f.clone())]),
        ("cumsum_axis", vec![array(f.clone()), Value::Int(0)]),
        ("diff_n", vec![array(f.clone()), Value::Int(2)]),
        ("nan_stats", vec![array(f.clone())]),
        ("nanmean_axis", vec![array(f.clone()), Value::Int(1)]),
        ("median", vec![array(f.clone())]),
        ("median_axis", vec![array(f.clone()), Value::Int(0)]),
        ("sort", vec![array(f.clone())]),
        ("sort_flat", vec![array(f.clone())]),
        ("sort_in_place", vec![array(f.clone())]),
        ("argsort_axis", vec![array(f.clone()), Value::Int(0)]),
        ("rank", vec![array(arr1(&[4.0, 1.0, 3.0]))]),
        ("outer", vec![array(f.clone()), array(a.clone())]),
        ("trace", vec![array(f.clone())]),
    ];
    let failing: Vec<(&str, Vec<Value>)> = vec![
        ("where3", vec![array(arr1(&[true, false])), array(arr1(&[1.0, 2.0, 3.0])), Value::Float(0.0)]),
        ("diff_n", vec![array(f.clone()), Value::Int(-1)]),
        ("nanmin", vec![array(Array1::<f64>::zeros(0))]),
        ("cumsum_axis", vec![array(f.clone()), Value::Int(5)]),
    ];
    let compiled: Vec<_> = runs.iter().map(|(name, args)| (compile(name), args)).collect();
    let failing: Vec<_> = failing.iter().map(|(name, args)| (compile(name), args)).collect();
    // Compile first: the leak check counts only the calls.
    for (dispatcher, args) in &compiled {
        drop(call(dispatcher, args));
    }
    for (dispatcher, args) in &failing {
        assert!(dispatcher.call(args).is_err());
    }
    let before = numjit::live_array_blocks();
    for _ in 0..300 {
        for (dispatcher, args) in &compiled {
            drop(call(dispatcher, args));
        }
        for (dispatcher, args) in &failing {
            assert!(dispatcher.call(args).is_err());
        }
    }
    assert_eq!(numjit::live_array_blocks(), before);
}
