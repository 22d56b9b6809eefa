//! Array expressions end to end: element-wise operators and ufuncs with NumPy's
//! broadcasting and type promotion (fused into one loop nest), basic indexing with slices,
//! `None` and `...` (views), assignment to views with broadcasting, and in-place operators.
//! Expected values are computed here with `ndarray`; the arrays corpus
//! (tests/run/arrays) checks the same features against NumPy itself.

use ndarray::{Array, Array1, Array2, ArrayD, IxDyn, ShapeBuilder, arr1, arr2, s};
use numjit::{ArrayValue, CallError, ExceptionClass, Jit, Options, Value};

const SOURCE: &str = "\
import numpy as np

def axpy(a, x, y):
    return a * x + y

def combine(a, b, c):
    return a * b + np.sqrt(c)

def ratio(a, b):
    return a / b

def quotients(a, b):
    return a // b

def remainders(a, b):
    return a % b

def compare(a, b):
    return a < b

def neg_abs(a):
    return -np.abs(a)

def seed(arr):
    bias = 2
    return bias + np.sqrt(arr)

def scalar_ufuncs(x):
    return np.sqrt(x) + np.exp(x) + np.sin(x)

def first_rows(a, n):
    return a[:n]

def column(a, j):
    return a[:, j]

def stepped(a):
    return a[::-2]

def window(a, i, j):
    return a[i:j, 1:-1]

def newaxis(a):
    return a[None, :, None]

def ellipsis(a):
    return a[..., 0]

def fill_rows(n):
    a = np.zeros((n, 4))
    a[1:, ::2] = 5.0
    a[0] += 1.5
    a[:, 1] *= 3
    return a

def set_from_array(a, b):
    a[1:] = b
    return a

def shift(a):
    a[1:] = a[:-1]
    return a

def accumulate(y, x):
    for i in range(x.shape[0]):
        y += x[i]
    return y

def outer_sum(a, b):
    return a[:, None] + b[None, :]

def mix(a, b):
    return a + b

def seed_arr(arr):
    bias = 2
    return bias + np.sum(np.sqrt(arr))

def stats(a):
    return a.sum(), a.prod(), a.min(), a.max(), np.mean(a), np.var(a), np.std(a), a.argmin(), np.argmax(a)

def truths(a):
    return np.all(a), a.any()

def axis_sum(a, k):
    return a.sum(axis=k)

def axis_max(a, k):
    return np.max(a, axis=k)

def empty_min(a):
    return a.min()

def int_sum(a):
    return a.sum()

def ranges(n):
    return np.arange(n) * 1.0 + np.linspace(0, 1, n)

def arange_float():
    return np.arange(0.5, 3.0, 0.5)

def likes(a):
    b = np.zeros_like(a)
    c = np.ones_like(a, dtype=np.int32)
    d = np.full_like(a, 7.0)
    b += d * c
    return b

def copies(a):
    b = a.copy()
    b[0] = 100.0
    c = np.copy(a.T)
    c.fill(1.5)
    return a[0] + b[0] + c.sum()

def prange_ok_result_whole_arr(x):
    n = x.shape[0]
    y = np.zeros(4)
    for i in range(n):
        y += x[i]
    return y

def reshaped(a):
    return a.reshape(3, -1)

def reshaped_tuple(a, shape):
    return a.reshape(shape)

def ravelled(a):
    return a.ravel()

def flattened(a):
    return a.flatten()

def as_int32(a):
    return a.astype(np.int32)

def row_norms(m):
    out = np.empty(m.shape[0])
    k = 0
    for row in m:
        out[k] = np.sqrt(np.sum(row * row))
        k += 1
    return out

def take(a, idx):
    return a[idx]

def take_pairs(a, rows, cols):
    return a[rows, cols]

def take_cols(a, idx):
    return a[:, idx]

def positives(a):
    return a[a > 0]

def clamp_negatives(a):
    a[a < 0] = 0.0
    return a

def scatter(a, idx, v):
    a[idx] = v
    return a

def pair(a, b):
    return a // b, a % b

def use_pair(a, b):
    q, r = pair(a, b)
    t = (q, r)
    for i in range(3):
        t = (t[1], t[0] + 1)
    return t[0].sum() + t[1].sum()

def caught(x):
    try:
        y = ones_times(x)
    except Exception:
        y = np.zeros(2)
    return y

def ones_times(x):
    return np.ones(2) * x

def matmul(a, b):
    return a @ b

def dot(a, b):
    return np.dot(a, b)

def swap_steps(a, iters):
    b = a.copy()
    for _ in range(iters):
        b[0] = a[0] + 1.0
        a, b = b, a
    return a, b

def two_d_array_reduction_prod(n):
    shp = (13, 17)
    result1 = 2 * np.ones(shp, np.int_)
    tmp = 2 * np.ones_like(result1)
    for i in range(n):
        result1 *= tmp
    return result1
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

fn f64s(value: Value) -> ArrayD<f64> {
    match value {
        Value::Array(array) => array.to_ndarray::<f64>().expect("float64 array"),
        other => panic!("expected an array, got {other:?}"),
    }
}

fn close(got: &ArrayD<f64>, expected: &ArrayD<f64>) {
    assert_eq!(got.shape(), expected.shape());
    for (a, b) in got.iter().zip(expected.iter()) {
        assert!((a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0), "{got} != {expected}");
    }
}

fn grid(n: usize, m: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, m), |(i, j)| (i * 10 + j) as f64 + 0.5)
}

#[test]
fn fused_expressions_over_layouts() {
    let axpy = compile("axpy");
    let x = grid(3, 4);
    let y = Array2::from_shape_fn((3, 4), |(i, j)| (i + j) as f64);
    let expected = (&x * 2.5 + &y).into_dyn();
    // C, F and strided inputs give the same values.
    let f = x.t().to_owned().reversed_axes();
    let f = {
        let mut owned = Array2::zeros((3, 4).f());
        owned.assign(&f);
        owned
    };
    let mut wide = Array2::<f64>::zeros((3, 8));
    wide.slice_mut(s![.., ..;2]).assign(&x);
    let strided = wide.slice_move(s![.., ..;2]);
    for input in [x.clone(), f, strided] {
        let got = f64s(call(&axpy, &[Value::Float(2.5), array(input), array(y.clone())]));
        close(&got, &expected);
    }
    let combine = compile("combine");
    let c = Array1::from_iter((0..4).map(f64::from));
    let got = f64s(call(&combine, &[array(x.clone()), array(y.clone()), array(c.clone())]));
    let expected = (&x * &y + &c.mapv(f64::sqrt)).into_dyn();
    close(&got, &expected);
}

#[test]
fn broadcasting_and_its_errors() {
    let outer = compile("outer_sum");
    let a = arr1(&[1.0, 2.0, 3.0]);
    let b = arr1(&[10.0, 20.0]);
    let got = f64s(call(&outer, &[array(a), array(b)]));
    close(&got, &arr2(&[[11.0, 21.0], [12.0, 22.0], [13.0, 23.0]]).into_dyn());
    let mix = compile("mix");
    let error = mix.call(&[array(grid(2, 3)), array(arr1(&[1.0, 2.0, 3.0, 4.0]))]).unwrap_err();
    let CallError::Exception { class, message } = error else { panic!("{error}") };
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "operands could not be broadcast together with shapes (2,3) (4,) ");
}

#[test]
fn promotion_follows_numpy_loops() {
    let ratio = compile("ratio");
    let got = call(&ratio, &[array(arr1(&[1i64, 7, -7])), array(arr1(&[2i64, 2, 2]))]);
    close(&f64s(got), &arr1(&[0.5, 3.5, -3.5]).into_dyn());
    let ints = || [array(arr1(&[7i64, -7, 5, i64::MIN])), array(arr1(&[2i64, 2, 0, -1]))];
    let Value::Array(q) = call(&compile("quotients"), &ints()) else { panic!() };
    let Value::Array(r) = call(&compile("remainders"), &ints()) else { panic!() };
    assert_eq!(q.to_ndarray::<i64>().unwrap().into_raw_vec_and_offset().0, vec![3, -4, 0, i64::MIN]);
    assert_eq!(r.to_ndarray::<i64>().unwrap().into_raw_vec_and_offset().0, vec![1, 1, 0, 0]);
    let compare = compile("compare");
    let Value::Array(mask) = call(&compare, &[array(arr1(&[1.0, f64::NAN, 3.0])), Value::Float(2.0)]) else {
        panic!()
    };
    assert_eq!(mask.to_ndarray::<bool>().unwrap().into_raw_vec_and_offset().0, vec![true, false, false]);
    let neg_abs = compile("neg_abs");
    let Value::Array(result) = call(&neg_abs, &[array(arr1(&[-3i32, 4]))]) else { panic!() };
    assert_eq!(result.dtype(), numjit::ScalarType::Int32);
    assert_eq!(result.to_ndarray::<i32>().unwrap().into_raw_vec_and_offset().0, vec![-3, -4]);
}

#[test]
fn seed_expression_and_scalar_ufuncs() {
    let seed = compile("seed");
    let got = f64s(call(&seed, &[array(arr1(&[0i64, 1, 4, 9]))]));
    close(&got, &arr1(&[2.0, 3.0, 4.0, 5.0]).into_dyn());
    let scalar = compile("scalar_ufuncs");
    let Value::Float(value) = call(&scalar, &[Value::Float(0.5)]) else { panic!() };
    assert!((value - (0.5f64.sqrt() + 0.5f64.exp() + 0.5f64.sin())).abs() < 1e-15);
}

#[test]
fn slices_newaxis_and_ellipsis_give_views() {
    let a = grid(4, 5);
    let rows = f64s(call(&compile("first_rows"), &[array(a.clone()), Value::Int(2)]));
    close(&rows, &a.slice(s![..2, ..]).to_owned().into_dyn());
    let col = f64s(call(&compile("column"), &[array(a.clone()), Value::Int(-1)]));
    close(&col, &a.column(4).to_owned().into_dyn());
    let stepped = f64s(call(&compile("stepped"), &[array(a.clone())]));
    close(&stepped, &a.slice(s![..;-2, ..]).to_owned().into_dyn());
    let window = f64s(call(&compile("window"), &[array(a.clone()), Value::Int(1), Value::Int(-1)]));
    close(&window, &a.slice(s![1..3, 1..4]).to_owned().into_dyn());
    let empty = f64s(call(&compile("window"), &[array(a.clone()), Value::Int(9), Value::Int(20)]));
    assert_eq!(empty.shape(), &[0, 3]);
    let v = arr1(&[1.0, 2.0, 3.0]);
    let expanded = f64s(call(&compile("newaxis"), &[array(v.clone())]));
    assert_eq!(expanded.shape(), &[1, 3, 1]);
    let first = f64s(call(&compile("ellipsis"), &[array(a.clone())]));
    close(&first, &a.column(0).to_owned().into_dyn());
}

#[test]
fn assignment_to_views_broadcasts() {
    let got = f64s(call(&compile("fill_rows"), &[Value::Int(3)]));
    let expected = arr2(&[[1.5, 4.5, 1.5, 1.5], [5.0, 0.0, 5.0, 0.0], [5.0, 0.0, 5.0, 0.0]]).into_dyn();
    close(&got, &expected);
    let target = Array1::<f64>::zeros(4);
    let got = f64s(call(&compile("set_from_array"), &[array(target), array(arr1(&[1.0, 2.0, 3.0]))]));
    close(&got, &arr1(&[0.0, 1.0, 2.0, 3.0]).into_dyn());
    // Overlapping source and target: the source is read before anything is written.
    let got = f64s(call(&compile("shift"), &[array(arr1(&[1.0, 2.0, 3.0, 4.0]))]));
    close(&got, &arr1(&[1.0, 1.0, 2.0, 3.0]).into_dyn());
    let error = compile("set_from_array")
        .call(&[array(Array1::<f64>::zeros(4)), array(arr1(&[1.0, 2.0]))])
        .unwrap_err();
    let CallError::Exception { class, .. } = error else { panic!("{error}") };
    assert_eq!(class, ExceptionClass::ValueError);
}

#[test]
fn in_place_operators_update_the_target() {
    let x = Array2::from_shape_fn((5, 4), |(i, j)| (i * 4 + j) as f64);
    let got = f64s(call(&compile("accumulate"), &[array(Array1::<f64>::zeros(4)), array(x.clone())]));
    close(&got, &x.sum_axis(ndarray::Axis(0)).into_dyn());
}

#[test]
fn no_leaks_in_array_expressions() {
    let combine = compile("combine");
    let fill = compile("fill_rows");
    let args = [array(grid(3, 4)), array(grid(3, 4)), array(arr1(&[1.0, 2.0, 3.0, 4.0]))];
    let mix = compile("mix");
    let bad = [array(grid(2, 3)), array(ArrayD::<f64>::zeros(IxDyn(&[4])))];
    // Compile first: the leak check counts only the calls.
    drop(call(&combine, &args));
    drop(call(&fill, &[Value::Int(4)]));
    let _ = mix.call(&bad);
    let before = numjit::live_array_blocks();
    for _ in 0..2000 {
        drop(call(&combine, &args));
    }
    assert_eq!(numjit::live_array_blocks(), before, "combine");
    for _ in 0..2000 {
        drop(call(&fill, &[Value::Int(4)]));
    }
    assert_eq!(numjit::live_array_blocks(), before, "fill_rows");
    for _ in 0..2000 {
        assert!(mix.call(&bad).is_err());
    }
    assert_eq!(numjit::live_array_blocks(), before, "mix");
}

fn scalars(value: Value) -> Vec<Value> {
    match value {
        Value::Tuple(items) => items,
        other => vec![other],
    }
}

#[test]
fn reductions_of_whole_arrays() {
    let got = call(&compile("seed_arr"), &[array(arr1(&[0i64, 1, 4, 9, 16]))]);
    assert_eq!(got, Value::Float(2.0 + 10.0));
    let a = arr1(&[3.0, -1.0, 4.0, 1.5]);
    let items = scalars(call(&compile("stats"), &[array(a.clone())]));
    let floats: Vec<f64> = items
        .iter()
        .map(|item| match item {
            Value::Float(x) => *x,
            Value::Int(x) => *x as f64,
            other => panic!("{other:?}"),
        })
        .collect();
    let mean = 7.5 / 4.0;
    let var = a.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 4.0;
    let expected = [7.5, -18.0, -1.0, 4.0, mean, var, var.sqrt(), 1.0, 2.0];
    for (got, want) in floats.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{floats:?} != {expected:?}");
    }
    assert_eq!(items[7], Value::Int(1));
    let nan = scalars(call(&compile("stats"), &[array(arr1(&[1.0, f64::NAN, 3.0]))]));
    assert!(matches!(nan[3], Value::Float(x) if x.is_nan()));
    assert_eq!(nan[8], Value::Int(1));
    let truths = scalars(call(&compile("truths"), &[array(arr2(&[[1i64, 0], [2, 3]]))]));
    assert_eq!(truths, vec![Value::Bool(false), Value::Bool(true)]);
    let sum = call(&compile("int_sum"), &[array(arr1(&[100i8, 100, 100]))]);
    assert_eq!(sum, Value::Int(300));
    let error = compile("empty_min").call(&[array(Array1::<f64>::zeros(0))]).unwrap_err();
    assert!(matches!(error, CallError::Exception { class: ExceptionClass::ValueError, .. }), "{error}");
}

#[test]
fn reductions_along_an_axis() {
    let x = grid(3, 4);
    let rows = f64s(call(&compile("axis_sum"), &[array(x.clone()), Value::Int(1)]));
    close(&rows, &x.sum_axis(ndarray::Axis(1)).into_dyn());
    let cols = f64s(call(&compile("axis_sum"), &[array(x.clone()), Value::Int(-2)]));
    close(&cols, &x.sum_axis(ndarray::Axis(0)).into_dyn());
    let maxima = f64s(call(&compile("axis_max"), &[array(x.clone()), Value::Int(0)]));
    close(&maxima, &x.row(2).to_owned().into_dyn());
    let error = compile("axis_sum").call(&[array(x), Value::Int(2)]).unwrap_err();
    assert!(matches!(error, CallError::Exception { class: ExceptionClass::ValueError, .. }), "{error}");
}

#[test]
fn creation_from_ranges_and_like() {
    let got = f64s(call(&compile("ranges"), &[Value::Int(5)]));
    close(&got, &arr1(&[0.0, 1.25, 2.5, 3.75, 5.0]).into_dyn());
    let got = f64s(call(&compile("arange_float"), &[]));
    close(&got, &arr1(&[0.5, 1.0, 1.5, 2.0, 2.5]).into_dyn());
    let got = f64s(call(&compile("likes"), &[array(grid(2, 2))]));
    close(&got, &arr2(&[[7.0, 7.0], [7.0, 7.0]]).into_dyn());
    let a = grid(2, 3);
    let got = call(&compile("copies"), &[array(a.clone())]);
    let Value::Array(_) = got else { panic!("{got:?}") };
}

#[test]
fn seed_reduction_examples() {
    let x = Array2::from_shape_fn((50, 4), |(i, j)| ((i * 7 + j * 3) % 11) as i64 - 5);
    let got = f64s(call(&compile("prange_ok_result_whole_arr"), &[array(x.clone())]));
    close(&got, &x.sum_axis(ndarray::Axis(0)).mapv(|v| v as f64).into_dyn());
    let Value::Array(result) = call(&compile("two_d_array_reduction_prod"), &[Value::Int(3)]) else {
        panic!()
    };
    let result = result.to_ndarray::<i64>().unwrap();
    assert_eq!(result.shape(), &[13, 17]);
    assert!(result.iter().all(|v| *v == 16));
}

#[test]
fn reshape_ravel_flatten_astype_and_rows() {
    let a = grid(2, 6);
    let got = f64s(call(&compile("reshaped"), &[array(a.clone())]));
    close(&got, &a.clone().into_shape_with_order((3, 4)).unwrap().into_dyn());
    // A strided input is copied first.
    let t = a.t().to_owned();
    let strided = {
        let mut wide = Array2::<f64>::zeros((6, 4));
        wide.slice_mut(s![.., ..;2]).assign(&t);
        wide.slice_move(s![.., ..;2])
    };
    let got = f64s(call(&compile("reshaped"), &[array(strided.clone())]));
    let expected: Vec<f64> = strided.iter().copied().collect();
    assert_eq!(got.iter().copied().collect::<Vec<_>>(), expected);
    let error = compile("reshaped_tuple")
        .call(&[array(a.clone()), Value::Tuple(vec![Value::Int(5), Value::Int(2)])])
        .unwrap_err();
    let CallError::Exception { class, message } = error else { panic!("{error}") };
    assert_eq!(class, ExceptionClass::ValueError);
    assert_eq!(message, "cannot reshape array of size 12 into shape (5,2)");
    for name in ["ravelled", "flattened"] {
        let Value::Array(item) = call(&compile(name), &[array(strided.clone())]) else { panic!() };
        assert_eq!(item.to_ndarray::<f64>().unwrap().iter().copied().collect::<Vec<_>>(), expected);
    }
    let Value::Array(ints) = call(&compile("as_int32"), &[array(arr1(&[1.9, -2.5, 3.0]))]) else { panic!() };
    assert_eq!(ints.to_ndarray::<i32>().unwrap().into_raw_vec_and_offset().0, vec![1, -2, 3]);
    let m = arr2(&[[3.0, 4.0], [6.0, 8.0], [0.0, 1.0]]);
    let got = f64s(call(&compile("row_norms"), &[array(m)]));
    close(&got, &arr1(&[5.0, 10.0, 1.0]).into_dyn());
}

#[test]
fn advanced_indexing_reads_and_writes() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
    let got = f64s(call(&compile("take"), &[array(a.clone()), array(arr1(&[2i64, 0, -1]))]));
    close(&got, &arr2(&[[8.0, 9.0, 10.0, 11.0], [0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]]).into_dyn());
    let got = f64s(call(
        &compile("take_pairs"),
        &[array(a.clone()), array(arr1(&[0i64, 2])), array(arr1(&[3i32, 1]))],
    ));
    close(&got, &arr1(&[3.0, 9.0]).into_dyn());
    let got = f64s(call(&compile("take_cols"), &[array(a.clone()), array(arr1(&[1i64, 1]))]));
    close(&got, &arr2(&[[1.0, 1.0], [5.0, 5.0], [9.0, 9.0]]).into_dyn());
    let got = f64s(call(&compile("positives"), &[array(arr2(&[[-1.0, 2.0], [3.0, -4.0]]))]));
    close(&got, &arr1(&[2.0, 3.0]).into_dyn());
    let got = f64s(call(&compile("clamp_negatives"), &[array(arr1(&[-1.0, 2.0, -3.0]))]));
    close(&got, &arr1(&[0.0, 2.0, 0.0]).into_dyn());
    let got = f64s(call(
        &compile("scatter"),
        &[array(Array1::<f64>::zeros(4)), array(arr1(&[3i64, 1])), Value::Float(7.0)],
    ));
    close(&got, &arr1(&[0.0, 7.0, 0.0, 7.0]).into_dyn());
    let error = compile("take").call(&[array(a.clone()), array(arr1(&[3i64]))]).unwrap_err();
    assert!(matches!(error, CallError::Exception { class: ExceptionClass::IndexError, .. }), "{error}");
    let error = compile("positives").call(&[array(a.clone())]).map(|_| ());
    assert!(error.is_ok());
    let take = compile("take");
    let args = [array(a), array(arr1(&[1i64, 2]))];
    drop(call(&take, &args));
    let before = numjit::live_array_blocks();
    for _ in 0..1000 {
        drop(call(&take, &args));
    }
    assert_eq!(numjit::live_array_blocks(), before);
}

#[test]
fn tuples_of_arrays_are_reference_counted() {
    let a = array(arr1(&[5i64, 7, -3]));
    let b = array(arr1(&[2i64, 2, 2]));
    let Value::Tuple(items) = call(&compile("pair"), &[a.clone(), b.clone()]) else { panic!() };
    let Value::Array(q) = &items[0] else { panic!() };
    assert_eq!(q.to_ndarray::<i64>().unwrap().into_raw_vec_and_offset().0, vec![2, 3, -2]);
    let use_pair = compile("use_pair");
    let caught = compile("caught");
    let pair = compile("pair");
    let expected = call(&use_pair, &[a.clone(), b.clone()]);
    drop(call(&caught, &[Value::Float(2.0)]));
    drop(call(&pair, &[a.clone(), b.clone()]));
    let before = numjit::live_array_blocks();
    for _ in 0..1000 {
        assert_eq!(call(&use_pair, &[a.clone(), b.clone()]), expected);
        drop(call(&pair, &[a.clone(), b.clone()]));
        drop(call(&caught, &[Value::Float(2.0)]));
    }
    assert_eq!(numjit::live_array_blocks(), before);
}

#[test]
fn matrix_products_go_through_gemm() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
    let b = Array2::from_shape_fn((4, 2), |(i, j)| (i as f64) - (j as f64) * 0.5);
    let got = f64s(call(&compile("matmul"), &[array(a.clone()), array(b.clone())]));
    close(&got, &a.dot(&b).into_dyn());
    // Transposed (F-ordered) and strided operands.
    let at = a.t().to_owned();
    let got = f64s(call(&compile("matmul"), &[array(at.clone().reversed_axes()), array(b.clone())]));
    close(&got, &a.dot(&b).into_dyn());
    let v = arr1(&[1.0, -2.0, 0.5, 4.0]);
    let got = f64s(call(&compile("dot"), &[array(a.clone()), array(v.clone())]));
    close(&got, &a.dot(&v).into_dyn());
    let got = f64s(call(&compile("dot"), &[array(v.clone()), array(b.clone())]));
    close(&got, &v.dot(&b).into_dyn());
    assert_eq!(call(&compile("dot"), &[array(v.clone()), array(v.clone())]), Value::Float(v.dot(&v)));
    let ints = call(&compile("matmul"), &[array(arr2(&[[1i64, 2], [3, 4]])), array(arr2(&[[5i64], [6]]))]);
    let Value::Array(ints) = ints else { panic!() };
    assert_eq!(ints.to_ndarray::<i64>().unwrap().into_raw_vec_and_offset().0, vec![17, 39]);
    let error = compile("matmul").call(&[array(a.clone()), array(a)]).unwrap_err();
    assert!(matches!(error, CallError::Exception { class: ExceptionClass::ValueError, .. }), "{error}");
}

#[test]
fn swapping_arrays_keeps_both_alive() {
    // `a, b = b, a` with `b` the only owner of its block: assigning `a` first must not free
    // the array `b` receives (the tuple's arrays are held for the statement).
    let swap = compile("swap_steps");
    let input = arr1(&[0.0, 5.0]);
    drop(call(&swap, &[array(input.clone()), Value::Int(1)]));
    let before = numjit::live_array_blocks();
    for iters in 0..200 {
        let Value::Tuple(items) = call(&swap, &[array(input.clone()), Value::Int(iters)]) else { panic!() };
        let Value::Array(first) = &items[0] else { panic!() };
        let Value::Array(second) = &items[1] else { panic!() };
        let expected = if iters == 0 { 0.0 } else { iters as f64 };
        assert_eq!(first.get::<f64>(&[0]), Some(expected));
        assert_eq!(first.get::<f64>(&[1]), Some(5.0));
        assert_eq!(second.get::<f64>(&[1]), Some(5.0));
        assert!(first.refcount() >= 1 && second.refcount() >= 1);
    }
    assert_eq!(numjit::live_array_blocks(), before);
}
