//! Arrays end to end: Python source compiled by numjit, called with arrays built from
//! `ndarray` (C, Fortran and strided layouts, negative strides, every common dtype, 0-d to
//! 3-d), results compared with values computed here. Covers indexing (negative indices,
//! views), item assignment visible to the caller, attributes, `np.empty/zeros/ones/full`
//! returned to Rust, NumPy's errors (IndexError under boundscheck, ValueError for negative
//! sizes) and reference counting: the leak tests compare the runtime's count of live
//! blocks before and after thousands of calls (nextest runs each test in a process of its
//! own, so no other test allocates meanwhile).

use ndarray::{Array, Array1, Array2, ArrayD, Axis, IxDyn, ShapeBuilder, arr1, arr2, s};
use num_complex::Complex;
use numjit::{ArrayValue, CallError, CompileError, ExceptionClass, Jit, Options, RenderOptions, Value};

const SOURCE: &str = "\
import numpy as np

def numba_loop(arr):
    s = 0.0
    for i in range(arr.shape[0]):
        s += arr[i]
    return s

def sum2d(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s

def sum3d(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k] * (i + 1)
    return s

def sum_iter(a):
    s = 0
    for x in a:
        s += x
    return s

def scale(a, k):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = a[i, j] * k

def fill_diag(a, v):
    for i in range(min(a.shape[0], a.shape[1])):
        a[i, i] = v
    return a

def corners(a):
    return a[0, 0], a[-1, -1], a[-1, 0], a[0, -1]

def last(a):
    return a[-1]

def item(a, i):
    return a[i]

def item2(a, i, j):
    return a[i, j]

def store(a, i, v):
    a[i] = v
    return a[i]

def zero_d(a):
    a[()] = a[()] + 1
    return a[()]

def attrs(a):
    return a.shape, a.ndim, a.size, a.itemsize, a.nbytes, a.strides, len(a)

def row_sums(a):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        row = a[i]
        for j in range(row.shape[0]):
            out[i] += row[j]
    return out

def row_view(a, i):
    return a[i]

def identity(a):
    return a

def make_zeros(n, m):
    return np.zeros((n, m))

def make_ones(n):
    return np.ones(n, dtype=np.int32)

def make_empty(n):
    return np.empty((n, 2, 3), dtype=np.float32)

def make_full(n):
    return np.full((n, 2), 7.5)

def make_full_complex(n):
    return np.full(n, 1 + 2j)

def make_bools(n):
    b = np.zeros(n, dtype=bool)
    for i in range(0, n, 2):
        b[i] = True
    return b

def make_scalar_array():
    return np.zeros(())

def arange2(n, m):
    a = np.empty((n, m), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            a[i, j] = i * m + j
    return a

def total_of_new(n):
    return sum2d(arange2(n, 3))

def pick(a, b, first):
    c = a if first else b
    return c[0, 1]

def negative_size(n):
    a = np.ones(3)
    b = np.zeros((2, n))
    return a[0] + b.size

def raising(n):
    a = np.zeros(n)
    b = np.ones((n, n))
    if n > 0:
        raise ValueError(\"n must not be positive\")
    return a

def assign_twice(n):
    a = np.zeros(n)
    a = np.ones(n)
    b = a
    a = np.full(n, 2.0)
    return b[0] + a[0]

def loop_alloc(n):
    t = 0.0
    for i in range(n):
        b = np.full(i + 1, 1.5)
        t += b[i]
    return t

def fails(n):
    if n == 3:
        raise IndexError(\"boom\")
    return n

def calls_failing(n):
    a = np.zeros(n)
    fails(n)
    return a

def failing_in_temporaries(n):
    a = np.ones(n)
    return np.sum(a + np.zeros(n) * fails(n))

def failing_in_loop(n):
    total = 0.0
    for i in range(4):
        b = np.full(i + 1, 2.0)
        total += b.sum() + fails(n + i - i)
    return total

def fails_holding(n):
    c = np.ones(n + 1)
    return fails(n) + c.size

def failing_two_levels(n):
    a = np.zeros(n)
    return fails_holding(n) + a.size

def readonly_store(a):
    a[0] = 1.0

def guarded(n):
    a = np.ones(3)
    try:
        b = np.zeros(n)
        a[0] = b.size
    except Exception:
        a[0] = -1.0
    return a[0]

def while_alloc(n):
    a = np.zeros(1)
    i = 0
    while i < n:
        a = np.full(i + 1, float(i))
        i += 1
        if i == 50:
            break
    return a.size

def temps_in_conditions(n):
    t = 0.0
    if np.zeros(n).size > 2:
        t += 1.0
    k = 0
    while np.ones(k + 1)[k] > 0.0 and k < n:
        k += 1
    x = np.ones(n)[0] if n > 0 else 0.0
    y = np.full(2, 3.0) if n > 5 else np.zeros(2)
    return t + k + x + y[1]

def nested_calls(n):
    s = 0
    for i in range(n):
        s += sum2d(arange2(i + 1, 2))
    return s

def seven_sums(a, b, c, d, e, f, g):
    return a.sum() + 2 * b.sum() + 3 * c.sum() + 4 * d.sum() + 5 * e.sum() + 6 * f.sum() + 7 * g.sum()
";

#[test]
fn many_array_arguments_beyond_the_stack_buffer() {
    // Seven 2-d arrays take 63 words of array structs: the first five are built on the
    // stack, the rest in boxes; both kinds reach the callee intact.
    let seven = compile("seven_sums");
    let arrays: Vec<Value> = (0..7).map(|index| array(grid(2, index + 1))).collect();
    let want: f64 = (0..7).map(|index| (index + 1) as f64 * grid(2, index + 1).sum()).sum();
    for _ in 0..3 {
        assert_eq!(call(&seven, &arrays), Value::Float(want));
    }
    let mut strided_args = arrays.clone();
    strided_args[6] = array(strided(4, 6));
    let want = want - 7.0 * grid(2, 7).sum() + 7.0 * strided(4, 6).sum();
    assert_eq!(call(&seven, &strided_args), Value::Float(want));
}

fn compile(function: &str) -> numjit::Dispatcher {
    Jit::new().compile_source(SOURCE, function, &Options::new()).expect("compiles")
}

fn compile_checked(function: &str) -> numjit::Dispatcher {
    Jit::new().compile_source(SOURCE, function, &Options::new().boundscheck(true)).expect("compiles")
}

fn array<T: numjit::Element, D: ndarray::Dimension>(array: Array<T, D>) -> Value {
    Value::Array(ArrayValue::from_ndarray(array))
}

fn call(dispatcher: &numjit::Dispatcher, args: &[Value]) -> Value {
    dispatcher.call(args).unwrap_or_else(|error| panic!("{}: {error}", dispatcher.name()))
}

fn as_array(value: Value) -> ArrayValue {
    match value {
        Value::Array(array) => array,
        other => panic!("expected an array, got {other:?}"),
    }
}

fn grid(n: usize, m: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, m), |(i, j)| (i * 10 + j) as f64 + 0.5)
}

/// A `rows x cols` array whose every other column was sliced away (non-contiguous).
fn strided(rows: usize, cols: usize) -> Array2<f64> {
    let mut wide = Array2::from_shape_fn((rows, 2 * cols), |(i, j)| (i * 100 + j) as f64);
    wide.slice_collapse(s![.., ..;2]);
    wide
}

#[test]
fn seed_kernel_sums_a_1d_array() {
    let numba_loop = compile("numba_loop");
    let values: Array1<f64> = Array1::from_iter((0..1000).map(|i| i as f64 * 0.25));
    let expected: f64 = values.iter().sum();
    assert_eq!(call(&numba_loop, &[array(values)]), Value::Float(expected));
    assert_eq!(numba_loop.signatures(), ["float64(array(float64, 1d, C))"]);
    // A strided 1-d input (every third element) compiles an `A` version.
    let mut sparse: Array1<f64> = Array1::from_iter((0..30).map(f64::from));
    sparse.slice_collapse(s![..;3]);
    let expected: f64 = sparse.iter().sum();
    assert_eq!(call(&numba_loop, &[array(sparse)]), Value::Float(expected));
    // Integer elements add into the float accumulator.
    assert_eq!(call(&numba_loop, &[array(arr1(&[1i32, 2, 3]))]), Value::Float(6.0));
}

#[test]
fn sum2d_over_every_layout() {
    let sum2d = compile("sum2d");
    let c = grid(4, 5);
    let expected: f64 = c.iter().sum();
    assert_eq!(call(&sum2d, &[array(c.clone())]), Value::Float(expected));
    // Fortran order: the same values, column-major in memory.
    let f = Array2::from_shape_vec((4, 5).f(), c.t().iter().copied().collect()).expect("shape");
    assert_eq!(f, c);
    assert_eq!(call(&sum2d, &[array(f)]), Value::Float(expected));
    // A transposed owned array is Fortran-ordered; a column-sliced one is strided.
    let transposed = c.clone().reversed_axes();
    assert_eq!(call(&sum2d, &[array(transposed)]), Value::Float(expected));
    let holes = strided(3, 4);
    let expected_holes: f64 = holes.iter().sum();
    assert_eq!(call(&sum2d, &[array(holes)]), Value::Float(expected_holes));
    // Negative strides.
    let mut flipped = c.clone();
    flipped.invert_axis(Axis(0));
    flipped.invert_axis(Axis(1));
    assert_eq!(call(&sum2d, &[array(flipped)]), Value::Float(expected));
    let mut signatures = sum2d.signatures();
    signatures.sort();
    assert_eq!(
        signatures,
        [
            "float64(array(float64, 2d, A))",
            "float64(array(float64, 2d, C))",
            "float64(array(float64, 2d, F))"
        ]
    );
}

#[test]
fn sum2d_over_every_dtype() {
    let sum2d = compile("sum2d");
    let ints = Array2::from_shape_fn((3, 3), |(i, j)| (i * 3 + j) as i32 - 4);
    assert_eq!(call(&sum2d, &[array(ints)]), Value::Int(0));
    let longs = Array2::from_shape_fn((2, 3), |(i, j)| (i64::MAX / 8) + (i * 3 + j) as i64);
    let expected = longs.iter().fold(0i64, |acc, x| acc.wrapping_add(*x));
    assert_eq!(call(&sum2d, &[array(longs)]), Value::Int(expected));
    let singles = Array2::from_shape_fn((2, 2), |(i, j)| (i + j) as f32 * 0.5);
    // int64 + float32 is float64 (Numba's rule), so the sum is a float64.
    assert_eq!(call(&sum2d, &[array(singles)]), Value::Float(2.0));
    let complexes = Array2::from_shape_fn((2, 2), |(i, j)| Complex::new(i as f64, j as f64 - 0.5));
    assert_eq!(call(&sum2d, &[array(complexes)]), Value::Complex(2.0, 0.0));
    let bools = arr2(&[[true, false, true], [true, true, false]]);
    assert_eq!(call(&sum2d, &[array(bools)]), Value::Int(4));
    let bytes = Array2::from_shape_fn((2, 2), |(i, j)| (200 + i * 2 + j) as u8);
    assert_eq!(call(&sum2d, &[array(bytes)]), Value::Int(806));
}

#[test]
fn three_dimensional_and_iteration() {
    let sum3d = compile("sum3d");
    let cube = Array::from_shape_fn((2, 3, 4), |(i, j, k)| (i * 12 + j * 4 + k) as f64);
    let expected: f64 = cube.indexed_iter().map(|((i, _, _), x)| x * (i + 1) as f64).sum();
    assert_eq!(call(&sum3d, &[array(cube.clone())]), Value::Float(expected));
    let mut permuted = cube.clone();
    permuted.swap_axes(0, 2);
    let permuted_expected: f64 = permuted.indexed_iter().map(|((i, _, _), x)| x * (i + 1) as f64).sum();
    assert_eq!(call(&sum3d, &[array(permuted)]), Value::Float(permuted_expected));
    let sum_iter = compile("sum_iter");
    assert_eq!(call(&sum_iter, &[array(arr1(&[3i64, 4, 5]))]), Value::Int(12));
    // `s` is int64 then float64: unified to float64, as Numba types it.
    assert_eq!(call(&sum_iter, &[array(Array1::<f64>::zeros(0))]), Value::Float(0.0));
}

#[test]
fn in_place_changes_are_visible_to_the_caller() {
    let scale = compile("scale");
    for input in [grid(3, 4), grid(3, 4).reversed_axes().as_standard_layout().into_owned().reversed_axes()] {
        let target = ArrayValue::from_ndarray(input.clone());
        assert_eq!(call(&scale, &[Value::Array(target.clone()), Value::Float(2.0)]), Value::None);
        let expected = (&input * 2.0).into_dyn();
        assert_eq!(target.to_ndarray::<f64>().expect("float64"), expected);
    }
    let holes = strided(2, 3);
    let target = ArrayValue::from_ndarray(holes.clone());
    call(&scale, &[Value::Array(target.clone()), Value::Int(-1)]);
    assert_eq!(target.to_ndarray::<f64>().expect("float64"), (-&holes).into_dyn());
    // The function returns its argument: the same block, now with two owners.
    let fill_diag = compile("fill_diag");
    let target = ArrayValue::from_ndarray(Array2::<i32>::zeros((2, 3)));
    let returned = as_array(call(&fill_diag, &[Value::Array(target.clone()), Value::Float(7.9)]));
    assert_eq!(returned, target);
    assert_eq!(target.refcount(), 2);
    assert_eq!(target.to_ndarray::<i32>().expect("int32"), arr2(&[[7, 0, 0], [0, 7, 0]]).into_dyn());
    drop(returned);
    assert_eq!(target.refcount(), 1);
}

#[test]
fn negative_indices_and_item_types() {
    let corners = compile("corners");
    let values = grid(3, 4);
    assert_eq!(
        call(&corners, &[array(values)]),
        Value::Tuple(vec![Value::Float(0.5), Value::Float(23.5), Value::Float(20.5), Value::Float(3.5)])
    );
    let last = compile("last");
    assert_eq!(call(&last, &[array(arr1(&[1.5f32, 2.5]))]), Value::Float32(2.5));
    assert_eq!(
        call(&last, &[array(arr1(&[Complex::new(1.0, -1.0), Complex::new(0.0, 3.0)]))]),
        Value::Complex(0.0, 3.0)
    );
    assert_eq!(call(&last, &[array(arr1(&[false, true]))]), Value::Bool(true));
    let item = compile("item");
    let values = array(arr1(&[10i64, 20, 30]));
    assert_eq!(call(&item, &[values.clone(), Value::Int(-3)]), Value::Int(10));
    assert_eq!(call(&item, &[values.clone(), Value::Int32(1)]), Value::Int(20));
    assert_eq!(call(&item, &[values, Value::UInt8(2)]), Value::Int(30));
    let store = compile("store");
    let target = ArrayValue::from_ndarray(arr1(&[0u8, 0, 0]));
    // NumPy's setitem casting: the float is truncated into the uint8 array.
    assert_eq!(
        call(&store, &[Value::Array(target.clone()), Value::Int(-1), Value::Float(9.9)]),
        Value::UInt8(9)
    );
    assert_eq!(target.get::<u8>(&[2]), Some(9));
    let zero_d = compile("zero_d");
    let scalar = ArrayValue::from_ndarray(ArrayD::from_elem(IxDyn(&[]), 41i64));
    assert_eq!(scalar.array_type().to_string(), "array(int64, 0d, C)");
    assert_eq!(call(&zero_d, &[Value::Array(scalar.clone())]), Value::Int(42));
    assert_eq!(scalar.get::<i64>(&[]), Some(42));
}

#[test]
fn attributes() {
    let attrs = compile("attrs");
    let ints = |values: &[i64]| Value::Tuple(values.iter().map(|&v| Value::Int(v)).collect());
    assert_eq!(
        call(&attrs, &[array(grid(3, 4))]),
        Value::Tuple(vec![
            ints(&[3, 4]),
            Value::Int(2),
            Value::Int(12),
            Value::Int(8),
            Value::Int(96),
            ints(&[32, 8]),
            Value::Int(3)
        ])
    );
    let holes = strided(2, 5);
    assert_eq!(
        call(&attrs, &[array(holes)]),
        Value::Tuple(vec![
            ints(&[2, 5]),
            Value::Int(2),
            Value::Int(10),
            Value::Int(8),
            Value::Int(80),
            ints(&[80, 16]),
            Value::Int(2)
        ])
    );
}

#[test]
fn views_keep_their_block_alive() {
    let row_sums = compile("row_sums");
    let values = grid(3, 4);
    let sums = as_array(call(&row_sums, &[array(values.clone())]));
    assert_eq!(sums.to_ndarray::<f64>().expect("float64"), values.sum_axis(Axis(1)).into_dyn());
    let row_view = compile("row_view");
    let base = ArrayValue::from_ndarray(values.clone());
    let row = as_array(call(&row_view, &[Value::Array(base.clone()), Value::Int(-1)]));
    assert_eq!(row.array_type().to_string(), "array(float64, 1d, C)");
    assert_eq!(base.refcount(), 2, "the view shares the base's block");
    drop(base);
    assert_eq!(row.to_ndarray::<f64>().expect("float64"), values.row(2).to_owned().into_dyn());
    // A row of a Fortran array is strided.
    let fortran = ArrayValue::from_ndarray(values.clone().reversed_axes());
    let column = as_array(call(&row_view, &[Value::Array(fortran), Value::Int(1)]));
    assert_eq!(column.array_type().to_string(), "array(float64, 1d, A)");
    assert_eq!(column.to_ndarray::<f64>().expect("float64"), values.column(1).to_owned().into_dyn());
    let identity = compile("identity");
    let input = ArrayValue::from_ndarray(arr1(&[1i16, 2]));
    let same = as_array(call(&identity, &[Value::Array(input.clone())]));
    assert_eq!(input.refcount(), 2);
    assert_eq!(same, input);
}

#[test]
fn creation_functions_return_new_arrays() {
    let zeros = as_array(call(&compile("make_zeros"), &[Value::Int(2), Value::Int(3)]));
    assert_eq!(zeros.array_type().to_string(), "array(float64, 2d, C)");
    assert_eq!(zeros.to_ndarray::<f64>().expect("float64"), Array2::<f64>::zeros((2, 3)).into_dyn());
    assert_eq!(zeros.refcount(), 1);
    let ones = as_array(call(&compile("make_ones"), &[Value::Int(4)]));
    assert_eq!(ones.to_ndarray::<i32>().expect("int32"), arr1(&[1, 1, 1, 1]).into_dyn());
    let empty = as_array(call(&compile("make_empty"), &[Value::Int(5)]));
    assert_eq!(
        (empty.shape(), empty.strides(), empty.dtype().to_string()),
        (&[5, 2, 3][..], &[24, 12, 4][..], "float32".to_string())
    );
    let full = as_array(call(&compile("make_full"), &[Value::Int(3)]));
    assert_eq!(full.to_ndarray::<f64>().expect("float64"), Array2::from_elem((3, 2), 7.5).into_dyn());
    let complex = as_array(call(&compile("make_full_complex"), &[Value::Int(2)]));
    assert_eq!(
        complex.to_ndarray::<Complex<f64>>().expect("complex128"),
        arr1(&[Complex::new(1.0, 2.0); 2]).into_dyn()
    );
    let bools = as_array(call(&compile("make_bools"), &[Value::Int(5)]));
    assert_eq!(bools.to_ndarray::<bool>().expect("bool"), arr1(&[true, false, true, false, true]).into_dyn());
    let scalar = as_array(call(&compile("make_scalar_array"), &[]));
    assert_eq!((scalar.ndim(), scalar.len()), (0, 1));
    let grid = as_array(call(&compile("arange2"), &[Value::Int(2), Value::Int(3)]));
    assert_eq!(grid.to_ndarray::<i64>().expect("int64"), arr2(&[[0, 1, 2], [3, 4, 5]]).into_dyn());
    // An array made in one compiled function and summed by another.
    assert_eq!(call(&compile("total_of_new"), &[Value::Int(4)]), Value::Int(66));
    let empty_rows = as_array(call(&compile("make_zeros"), &[Value::Int(0), Value::Int(3)]));
    assert!(empty_rows.is_empty());
}

#[test]
fn conditional_arrays_unify_to_layout_a() {
    let pick = compile("pick");
    let c = array(grid(2, 3));
    let f = array(grid(2, 3).reversed_axes().as_standard_layout().into_owned().reversed_axes());
    assert_eq!(call(&pick, &[c.clone(), f.clone(), Value::Bool(true)]), Value::Float(1.5));
    assert_eq!(call(&pick, &[c, f, Value::Bool(false)]), Value::Float(1.5));
}

#[test]
fn boundscheck_raises_numpy_index_errors() {
    let item = compile_checked("item");
    let values = array(arr1(&[1.0f64, 2.0, 3.0]));
    assert_eq!(call(&item, &[values.clone(), Value::Int(-3)]), Value::Float(1.0));
    let error = item.call(&[values.clone(), Value::Int(5)]).unwrap_err();
    assert!(
        matches!(&error, CallError::Exception { class: ExceptionClass::IndexError, message }
            if message == "index 5 is out of bounds for axis 0 with size 3"),
        "{error}"
    );
    let error = item.call(&[values, Value::Int(-4)]).unwrap_err();
    assert_eq!(error.to_string(), "IndexError: index -4 is out of bounds for axis 0 with size 3");
    let item2 = compile_checked("item2");
    let error = item2.call(&[array(grid(2, 3)), Value::Int(1), Value::Int(3)]).unwrap_err();
    assert_eq!(error.to_string(), "IndexError: index 3 is out of bounds for axis 1 with size 3");
    let store = compile_checked("store");
    let error = store.call(&[array(arr1(&[1i64])), Value::Int(1), Value::Int(0)]).unwrap_err();
    assert_eq!(error.to_string(), "IndexError: index 1 is out of bounds for axis 0 with size 1");
    let before = numjit::live_array_blocks();
    let target = array(arr1(&[1i64, 2]));
    for _ in 0..100 {
        assert!(store.call(&[target.clone(), Value::Int(7), Value::Int(0)]).is_err());
    }
    drop(target);
    assert_eq!(numjit::live_array_blocks(), before);
}

#[test]
fn negative_sizes_raise_numpy_value_errors() {
    let negative_size = compile("negative_size");
    assert_eq!(call(&negative_size, &[Value::Int(4)]), Value::Float(9.0));
    let before = numjit::live_array_blocks();
    let error = negative_size.call(&[Value::Int(-1)]).unwrap_err();
    assert_eq!(error.to_string(), "ValueError: negative dimensions are not allowed");
    assert_eq!(numjit::live_array_blocks(), before, "the array made before the error is freed");
}

#[test]
fn readonly_arrays_reject_item_assignment() {
    let readonly_store = compile("readonly_store");
    let frozen = Value::Array(ArrayValue::from_ndarray(arr1(&[0.0f64])).into_readonly());
    let Err(CallError::Compile(error)) = readonly_store.call(&[frozen]) else {
        panic!("assigning into a read-only array must not compile");
    };
    let error: &CompileError = &error;
    assert_eq!(error.diagnostics()[0].code.0, "readonly-array");
    assert!(
        error.render(RenderOptions::default()).contains("readonly array"),
        "{}",
        error.render(RenderOptions::default())
    );
    // The writable version compiles and stores.
    let target = ArrayValue::from_ndarray(arr1(&[0.0f64]));
    call(&readonly_store, &[Value::Array(target.clone())]);
    assert_eq!(target.get::<f64>(&[0]), Some(1.0));
}

#[test]
fn unsupported_array_operations_are_diagnostics() {
    let source = "def f(a):\n    return a.tolist()\n\ndef g(a):\n    return a[a > 0, None]\n";
    for name in ["f", "g"] {
        let dispatcher = Jit::new().compile_source(source, name, &Options::new()).expect("parses");
        let Err(CallError::Compile(error)) = dispatcher.call(&[array(arr1(&[1.0f64, 2.0]))]) else {
            panic!("{name} must not compile");
        };
        assert_eq!(
            error.diagnostics()[0].code.0,
            "unsupported-construct",
            "{}",
            error.render(RenderOptions::default())
        );
    }
}

#[test]
fn arrays_with_too_many_axes_are_type_errors() {
    let sum_iter = compile("sum_iter");
    let deep = ArrayD::<f64>::zeros(IxDyn(&[1; numjit::MAX_ARRAY_NDIM + 1]));
    let error = sum_iter.call(&[array(deep)]).unwrap_err();
    assert!(matches!(error, CallError::Type(_)), "{error}");
}

#[test]
fn eager_signatures_convert_layouts() {
    let options = Options::new().signature("float64(float64[:, :])");
    let sum2d = Jit::new().compile_source(SOURCE, "sum2d", &options).expect("compiles");
    let expected: f64 = grid(2, 2).iter().sum();
    assert_eq!(call(&sum2d, &[array(grid(2, 2))]), Value::Float(expected));
    assert_eq!(call(&sum2d, &[array(grid(2, 2).reversed_axes())]), Value::Float(expected));
    assert!(matches!(sum2d.call(&[array(arr1(&[1.0f64]))]), Err(CallError::Type(_))));
}

#[test]
fn no_leaks_when_returning_arrays() {
    let make_full = compile("make_full");
    let assign_twice = compile("assign_twice");
    let loop_alloc = compile("loop_alloc");
    let row_view = compile("row_view");
    // Compile first: the leak check counts only the calls.
    call(&make_full, &[Value::Int(1)]);
    call(&assign_twice, &[Value::Int(1)]);
    call(&loop_alloc, &[Value::Int(1)]);
    let base = array(grid(3, 3));
    call(&row_view, &[base.clone(), Value::Int(0)]);
    let before = numjit::live_array_blocks();
    for n in 0..10_000 {
        let result = as_array(call(&make_full, &[Value::Int(n % 7)]));
        assert_eq!(result.shape(), [(n % 7) as usize, 2]);
        assert_eq!(call(&assign_twice, &[Value::Int(3)]), Value::Float(3.0));
        drop(call(&row_view, &[base.clone(), Value::Int(n % 3)]));
    }
    assert_eq!(call(&loop_alloc, &[Value::Int(100)]), Value::Float(150.0));
    assert_eq!(numjit::live_array_blocks(), before);
}

#[test]
fn no_leaks_when_raising() {
    let raising = compile("raising");
    assert_eq!(as_array(call(&raising, &[Value::Int(0)])).len(), 0);
    let before = numjit::live_array_blocks();
    for _ in 0..10_000 {
        let error = raising.call(&[Value::Int(3)]).unwrap_err();
        assert_eq!(error.to_string(), "ValueError: n must not be positive");
    }
    assert_eq!(numjit::live_array_blocks(), before);
    assert_eq!(numjit::live_exception_messages_on_this_thread(), 0);
}

#[test]
fn no_leaks_through_control_flow() {
    let guarded = compile("guarded");
    let while_alloc = compile("while_alloc");
    let temps_in_conditions = compile("temps_in_conditions");
    let nested_calls = compile("nested_calls");
    assert_eq!(call(&guarded, &[Value::Int(4)]), Value::Float(4.0));
    assert_eq!(call(&guarded, &[Value::Int(-1)]), Value::Float(-1.0));
    assert_eq!(call(&while_alloc, &[Value::Int(10)]), Value::Int(10));
    assert_eq!(call(&while_alloc, &[Value::Int(100)]), Value::Int(50));
    assert_eq!(call(&temps_in_conditions, &[Value::Int(3)]), Value::Float(5.0));
    assert_eq!(call(&temps_in_conditions, &[Value::Int(7)]), Value::Float(12.0));
    assert_eq!(call(&temps_in_conditions, &[Value::Int(0)]), Value::Float(0.0));
    // sum of 0..2k-1 for k = 1..4
    assert_eq!(call(&nested_calls, &[Value::Int(4)]), Value::Int(1 + 6 + 15 + 28));
    let before = numjit::live_array_blocks();
    for n in 0..2_000 {
        call(&guarded, &[Value::Int(n % 5 - 2)]);
        call(&while_alloc, &[Value::Int(n % 60)]);
        call(&temps_in_conditions, &[Value::Int(n % 9)]);
        call(&nested_calls, &[Value::Int(n % 4)]);
    }
    assert_eq!(numjit::live_array_blocks(), before);
}

#[test]
fn inlined_array_functions_keep_their_refcounts() {
    let options = Options::new().inline_named("always").expect("option");
    let nested_calls = Jit::new().compile_source(SOURCE, "nested_calls", &options).expect("compiles");
    let total_of_new = Jit::new().compile_source(SOURCE, "total_of_new", &options).expect("compiles");
    assert_eq!(call(&nested_calls, &[Value::Int(4)]), Value::Int(50));
    assert_eq!(call(&total_of_new, &[Value::Int(4)]), Value::Int(66));
    let ir = nested_calls.inspect("(int64)", numjit::Stage::Opt).expect("inspects");
    assert!(!ir.contains("call @"), "everything is inlined:\n{ir}");
    let before = numjit::live_array_blocks();
    for n in 0..1_000 {
        call(&nested_calls, &[Value::Int(n % 6)]);
        call(&total_of_new, &[Value::Int(n % 6)]);
    }
    assert_eq!(numjit::live_array_blocks(), before);
}

/// An exception raised by a callee takes the caller's unwind edge (`invoke`), which
/// releases the arrays the caller holds: plain, with temporaries pending in the raising
/// statement, and with the callee inlined (its `raise` becomes a `throw` to that edge).
#[test]
fn no_leak_when_a_callee_raises() {
    let inline_never = Options::new().inline_named("never").expect("option");
    let inline_always = Options::new().inline_named("always").expect("option");
    let mut functions = Vec::new();
    for options in [&inline_never, &inline_always] {
        for name in ["calls_failing", "failing_in_temporaries", "failing_in_loop", "failing_two_levels"] {
            let function = Jit::new().compile_source(SOURCE, name, options).expect("compiles");
            functions.push((name, function));
        }
    }
    let before = numjit::live_array_blocks();
    for n in 0..2_000 {
        for (name, function) in &functions {
            let n = n % 5;
            match function.call(&[Value::Int(n)]) {
                Ok(value) => assert_ne!(n, 3, "{name}({n}) returned {value:?}"),
                Err(error) => {
                    assert_eq!(n, 3, "{name}({n}) raised {error}");
                    assert_eq!(error.to_string(), "IndexError: boom", "{name}");
                }
            }
        }
    }
    assert_eq!(numjit::live_array_blocks(), before);
}

/// A global array bound from outside (as the Python package binds `f.__globals__`) is
/// frozen: compiled code reads a copy of its elements as a readonly C array, and a result
/// that is the global (or a view of it) comes back as a copy.
#[test]
fn global_arrays_are_frozen_readonly_constants() {
    use numjit::{Global, SourceUnit};
    let unit = SourceUnit {
        file_name: "globals.py".to_owned(),
        text: "import numpy as np\n\
               def weighted(i):\n    return TABLE[i].sum() * SCALE[0] + TABLE.shape[1]\n\n\
               def row(i):\n    return TABLE[i]\n\n\
               def store():\n    TABLE[0, 0] = 1.0\n"
            .to_owned(),
        first_line: 1,
    };
    // A transposed (F-order) view: the constant takes its elements in C order.
    let table =
        ArrayValue::from_ndarray(Array2::from_shape_fn((3, 2), |(i, j)| (10 * i + j) as f64)).transposed();
    let scale = ArrayValue::from_ndarray(arr1(&[0.5f32]));
    let globals = vec![
        ("TABLE".to_owned(), Global::Value(Value::Array(table))),
        ("SCALE".to_owned(), Global::Value(Value::Array(scale))),
        ("np".to_owned(), Global::Module("numpy".to_owned())),
    ];
    let jit = Jit::new();
    let weighted = jit.compile_with_globals(&unit, "weighted", &globals, &Options::new()).expect("compiles");
    // TABLE is [[0, 10, 20], [1, 11, 21]].
    assert_eq!(call(&weighted, &[Value::Int(1)]), Value::Float(33.0 * 0.5 + 3.0));
    let row = jit.compile_with_globals(&unit, "row", &globals, &Options::new()).expect("compiles");
    let Value::Array(result) = call(&row, &[Value::Int(-2)]) else { panic!("an array") };
    assert!(result.is_readonly());
    assert_eq!(result.values(), vec![Value::Float(0.0), Value::Float(10.0), Value::Float(20.0)]);
    let store = jit.compile_with_globals(&unit, "store", &globals, &Options::new()).expect("parses");
    let error = store.call(&[]).expect_err("a store into a global array does not compile");
    assert!(error.to_string().contains("readonly"), "{error}");
    let before = numjit::live_array_blocks();
    for i in 0..1_000 {
        drop(call(&row, &[Value::Int(i % 2)]));
        call(&weighted, &[Value::Int(i % 2)]);
    }
    assert_eq!(numjit::live_array_blocks(), before);
}
