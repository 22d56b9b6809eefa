//! Lowering of the second set of library functions: `np.rot90` and `np.transpose(a,
//! axes)` (views), `np.partition` (a full sort of each line, which is a valid
//! partition), the window functions (`bartlett`, `blackman`, `hamming`, `hanning`, with
//! NumPy's formulas), `np.convolve`/`np.correlate` (direct sums, the three modes),
//! `np.cov`, `np.histogram` (NumPy's index computation for equal bins, a binary search
//! over given edges) and the sorted-set functions (`unique`, `union1d`, `intersect1d`,
//! `setxor1d`), which sort a concatenation and keep the elements NumPy's masks keep.

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, Value};
use numjit_sema::ConstValue;
use numjit_sema::hir::{Expr, ExprId};
use numjit_sema::templates::library::LibraryFn;
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Bound, INT};
use crate::function::Lowerer;

const F64: ScalarType = ScalarType::Float64;

/// The Chebyshev coefficients of NumPy's `i0` for `x <= 8` (Cephes).
#[allow(clippy::excessive_precision)]
const I0_A: [f64; 30] = [
    -4.4153416464793395e-18,
    3.3307945188222384e-17,
    -2.431279846547955e-16,
    1.715391285555133e-15,
    -1.1685332877993451e-14,
    7.676185498604936e-14,
    -4.856446783111929e-13,
    2.95505266312964e-12,
    -1.726826291441556e-11,
    9.675809035373237e-11,
    -5.189795601635263e-10,
    2.6598237246823866e-09,
    -1.300025009986248e-08,
    6.046995022541919e-08,
    -2.670793853940612e-07,
    1.1173875391201037e-06,
    -4.4167383584587505e-06,
    1.6448448070728896e-05,
    -5.754195010082104e-05,
    0.00018850288509584165,
    -0.0005763755745385824,
    0.0016394756169413357,
    -0.004324309995050576,
    0.010546460394594998,
    -0.02373741480589947,
    0.04930528423967071,
    -0.09490109704804764,
    0.17162090152220877,
    -0.3046826723431984,
    0.6767952744094761,
];

/// The Chebyshev coefficients of NumPy's `i0` for `x > 8` (Cephes).
#[allow(clippy::excessive_precision)]
const I0_B: [f64; 25] = [
    -7.233180487874754e-18,
    -4.830504485944182e-18,
    4.46562142029676e-17,
    3.461222867697461e-17,
    -2.8276239805165836e-16,
    -3.425485619677219e-16,
    1.7725601330565263e-15,
    3.8116806693526224e-15,
    -9.554846698828307e-15,
    -4.150569347287222e-14,
    1.54008621752141e-14,
    3.8527783827421426e-13,
    7.180124451383666e-13,
    -1.7941785315068062e-12,
    -1.3215811840447713e-11,
    -3.1499165279632416e-11,
    1.1889147107846439e-11,
    4.94060238822497e-10,
    3.3962320257083865e-09,
    2.266668990498178e-08,
    2.0489185894690638e-07,
    2.8913705208347567e-06,
    6.889758346916825e-05,
    0.0033691164782556943,
    0.8044904110141088,
];

/// The mode of `np.convolve`/`np.correlate`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Valid,
    Same,
    Full,
}

impl<'a> Lowerer<'a> {
    /// The functions of this module; `None` for the others.
    pub(super) fn library_more(
        &mut self,
        expr: ExprId,
        function: LibraryFn,
        args: &Bound,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let array_arg = |name: &str| match args.get(name) {
            Some((value, Type::Array(ty))) => Some((value, ty)),
            _ => None,
        };
        let result_array = match result_type {
            Some(Type::Array(array)) => Some(*array),
            _ => None,
        };
        match function {
            LibraryFn::Rot90 => {
                let (array, ty) = array_arg("m")?;
                let k = match args.get("k") {
                    Some((k, _)) => self.convert(k, INT),
                    None => self.scalar(INT, 1),
                };
                Some(self.mo_rot90(array, &ty, k))
            }
            LibraryFn::Partition => {
                let (array, ty) = array_arg("a")?;
                let (kth, _) = args.get("kth")?;
                let axis = match args.get("axis") {
                    Some((axis, _)) => self.normal_axis(axis, ty.ndim),
                    None => self.scalar(INT, i64::from(ty.ndim) - 1),
                };
                let dims = self.lib_extents(array, ty.ndim);
                let len = self.ex_pick(&dims, axis);
                let kth = self.convert(kth, INT);
                let zero = self.scalar(INT, 0);
                let negative = self.ins().icmp(IntCC::LessThan, kth, zero);
                let wrapped = self.ins().iadd(kth, len);
                let position = self.ins().select(negative, wrapped, kth);
                let below = self.ins().icmp(IntCC::LessThan, position, zero);
                let above = self.ins().icmp(IntCC::GreaterThanOrEqual, position, len);
                let outside = self.ins().ior(below, above);
                self.raise_if_with(
                    outside,
                    ExceptionKind::ValueError,
                    "kth(={}) out of bounds ({})",
                    &[kth, len],
                );
                let copy = self.copy_array(array, &ty);
                self.own(copy);
                self.lib_sort_lines(copy, ty.ndim, axis, ty.dtype, None);
                Some(copy)
            }
            LibraryFn::Bartlett | LibraryFn::Blackman | LibraryFn::Hamming | LibraryFn::Hanning => {
                let (m, _) = args.get("M")?;
                let m = self.convert(m, INT);
                Some(self.mo_window(function, m))
            }
            LibraryFn::Correlate | LibraryFn::Convolve => {
                let (a, _) = array_arg("a")?;
                let (v, _) = array_arg("v")?;
                let default = if function == LibraryFn::Correlate { Mode::Valid } else { Mode::Full };
                let mode = match args.expr("mode") {
                    None => default,
                    Some(mode_expr) => match &self.body.exprs[mode_expr].kind {
                        Expr::Const(ConstValue::Str(mode)) if mode.as_str() == "valid" => Mode::Valid,
                        Expr::Const(ConstValue::Str(mode)) if mode.as_str() == "same" => Mode::Same,
                        Expr::Const(ConstValue::Str(mode)) if mode.as_str() == "full" => Mode::Full,
                        _ => {
                            let range = self.body.exprs[expr].range;
                            self.unsupported("a mode other than 'valid', 'same' or 'full'", range);
                            return None;
                        }
                    },
                };
                let correlate = function == LibraryFn::Correlate;
                Some(self.mo_convolve(a, v, mode, correlate, &result_array?))
            }
            LibraryFn::Cov => {
                let m = array_arg("m")?;
                let y = array_arg("y");
                let rowvar = args.get("rowvar").map(|(value, _)| value);
                let bias = args.get("bias").map(|(value, _)| value);
                let ddof = args.get("ddof").map(|(value, _)| value);
                self.mo_cov(m, y, rowvar, bias, ddof, &result_array?)
            }
            LibraryFn::Histogram => {
                let (array, ty) = array_arg("a")?;
                let Some(Type::Tuple(items)) = result_type else { return None };
                let Some(Type::Array(edges_type)) = items.get(1) else { return None };
                let range = args.get("range").map(|(value, _)| value);
                self.mo_histogram(array, &ty, args.get("bins"), range, edges_type.dtype)
            }
            LibraryFn::Unique => {
                let (array, ty) = array_arg("ar")?;
                let dtype = result_array?.dtype;
                let (sorted, n) = self.mo_sorted_concat(&[(array, ty)], dtype);
                Some(self.mo_compact(sorted, n, dtype, SetKeep::Unique))
            }
            LibraryFn::Union1d | LibraryFn::Intersect1d | LibraryFn::Setxor1d => {
                let (a, a_type) = array_arg("ar1")?;
                let (b, b_type) = array_arg("ar2")?;
                let dtype = result_array?.dtype;
                if function == LibraryFn::Union1d {
                    let (sorted, n) = self.mo_sorted_concat(&[(a, a_type), (b, b_type)], dtype);
                    return Some(self.mo_compact(sorted, n, dtype, SetKeep::Unique));
                }
                let unique_type = ArrayType::new(dtype, 1, Layout::C);
                let (sorted, n) = self.mo_sorted_concat(&[(a, a_type)], dtype);
                let first = self.mo_compact(sorted, n, dtype, SetKeep::Unique);
                let (sorted, n) = self.mo_sorted_concat(&[(b, b_type)], dtype);
                let second = self.mo_compact(sorted, n, dtype, SetKeep::Unique);
                let (aux, n) = self.mo_sorted_concat(&[(first, unique_type), (second, unique_type)], dtype);
                let keep =
                    if function == LibraryFn::Intersect1d { SetKeep::Repeated } else { SetKeep::Single };
                Some(self.mo_compact(aux, n, dtype, keep))
            }
            LibraryFn::I0 => {
                let (value, ty) = args.get("x")?;
                let dtype = result_array?.dtype;
                if let Type::Scalar(_) = ty {
                    // A 0-d array, as NumPy returns for a number.
                    let x = self.convert(value, F64);
                    let result = self.mo_i0(x);
                    let result = self.convert(result, dtype);
                    let out = self.ins().array_alloc(dtype, false, &[]);
                    self.own(out);
                    self.ins().array_store(out, &[], result);
                    return Some(out);
                }
                self.ex_map(value, &ty, result_type?, &mut |this, x, dtype| {
                    let x = this.convert(x, F64);
                    let value = this.mo_i0(x);
                    this.convert(value, dtype)
                })
            }
            LibraryFn::Kaiser => {
                let (m, _) = args.get("M")?;
                let (beta, _) = args.get("beta")?;
                let m = self.convert(m, INT);
                let beta = self.convert(beta, F64);
                Some(self.mo_kaiser(m, beta))
            }
            LibraryFn::Interp => {
                let x = args.get("x")?;
                let (xp, xp_type) = array_arg("xp")?;
                let (fp, fp_type) = array_arg("fp")?;
                let left = args.get("left").map(|(value, _)| value);
                let right = args.get("right").map(|(value, _)| value);
                self.mo_interp(x, (xp, xp_type), (fp, fp_type), left, right, result_type?)
            }
            LibraryFn::Isclose | LibraryFn::Allclose => {
                let a = args.get("a")?;
                let b = args.get("b")?;
                let rtol = match args.get("rtol") {
                    Some((value, _)) => self.convert(value, F64),
                    None => self.float(F64, 1e-5),
                };
                let atol = match args.get("atol") {
                    Some((value, _)) => self.convert(value, F64),
                    None => self.float(F64, 1e-8),
                };
                let equal_nan = match args.get("equal_nan") {
                    Some((value, _)) => value,
                    None => self.ins().bconst(false),
                };
                self.mo_isclose(a, b, rtol, atol, equal_nan, function == LibraryFn::Allclose, result_type?)
            }
            LibraryFn::ArrayEqual => {
                let a = args.get("a1")?;
                let b = args.get("a2")?;
                let equal_nan = args.get("equal_nan").map(|(value, _)| value);
                self.mo_array_equal(a, b, equal_nan)
            }
            LibraryFn::ExpandDims => {
                let (array, ty) = array_arg("a")?;
                let (axis, _) = args.get("axis")?;
                let axis = self.normal_axis(axis, ty.ndim + 1);
                let (dims, strides) = self.ex_dims_strides(array, ty.ndim);
                let one = self.scalar(INT, 1);
                let zero = self.scalar(INT, 0);
                let mut new_dims = Vec::new();
                let mut new_strides = Vec::new();
                // Axis k of the result: the new unit axis at `axis`, else the source axis
                // k (before it) or k - 1 (after it).
                for k in 0..=usize::from(ty.ndim) {
                    let here = self.scalar(INT, k as i64);
                    let is_new = self.ins().icmp(IntCC::Equal, here, axis);
                    let after = self.ins().icmp(IntCC::GreaterThan, here, axis);
                    let before_dim = dims.get(k).copied().unwrap_or(one);
                    let before_stride = strides.get(k).copied().unwrap_or(zero);
                    let (after_dim, after_stride) =
                        if k == 0 { (one, zero) } else { (dims[k - 1], strides[k - 1]) };
                    let dim = self.ins().select(after, after_dim, before_dim);
                    let stride = self.ins().select(after, after_stride, before_stride);
                    new_dims.push(self.ins().select(is_new, one, dim));
                    new_strides.push(self.ins().select(is_new, zero, stride));
                }
                Some(self.ins().array_view(Layout::A, array, zero, &new_dims, &new_strides))
            }
            LibraryFn::Ravel => {
                let (array, ty) = array_arg("a")?;
                match self.array_method(expr, array, &ty, "ravel", &[], &[]) {
                    crate::function::Operand::Value(value) => Some(value),
                    _ => None,
                }
            }
            LibraryFn::Digitize => {
                let x = args.get("x")?;
                let (bins, _) = array_arg("bins")?;
                let right = match args.get("right") {
                    Some((value, _)) => value,
                    None => self.ins().bconst(false),
                };
                self.mo_digitize(x, bins, right, result_type?)
            }
            LibraryFn::Average => {
                let (array, ty) = array_arg("a")?;
                let Some(Type::Scalar(dtype)) = result_type else { return None };
                let weights = array_arg("weights");
                Some(self.mo_average(array, &ty, weights, *dtype))
            }
            LibraryFn::Corrcoef => {
                let m = array_arg("x")?;
                let y = array_arg("y");
                let rowvar = args.get("rowvar").map(|(value, _)| value);
                let two_d = ArrayType::new(F64, if m.1.ndim == 1 && y.is_none() { 0 } else { 2 }, Layout::C);
                let cov = self.mo_cov(m, y, rowvar, None, None, &two_d)?;
                if two_d.ndim == 0 {
                    // NumPy: c / c of the 0-d covariance.
                    let c = self.ins().array_load(cov, &[]);
                    return Some(self.ins().fdiv(c, c));
                }
                Some(self.mo_normalise_cov(cov))
            }
            LibraryFn::Sinc | LibraryFn::Isneginf | LibraryFn::Isposinf => {
                let (value, ty) = args.get("x")?;
                let source = match &ty {
                    Type::Array(array) => array.dtype,
                    Type::Scalar(scalar) => *scalar,
                    _ => return None,
                };
                self.ex_map(value, &ty, result_type?, &mut |this, x, dtype| match function {
                    LibraryFn::Sinc => {
                        // NumPy: y = pi * where(x == 0, 1e-20, x); sin(y) / y.
                        let x = this.convert(x, dtype);
                        let zero = this.float(dtype, 0.0);
                        let tiny = this.float(dtype, 1.0e-20);
                        let is_zero = this.ins().fcmp(FloatCC::Equal, x, zero);
                        let x = this.ins().select(is_zero, tiny, x);
                        let pi = this.float(dtype, std::f64::consts::PI);
                        let y = this.ins().fmul(pi, x);
                        let sin = this.ins().call_intrinsic(Intrinsic::Sin, &[y]);
                        this.ins().fdiv(sin, y)
                    }
                    _ if !source.is_float() => this.ins().bconst(false),
                    _ => {
                        let infinity =
                            if function == LibraryFn::Isposinf { f64::INFINITY } else { f64::NEG_INFINITY };
                        let infinity = this.float(source, infinity);
                        this.ins().fcmp(FloatCC::Equal, x, infinity)
                    }
                })
            }
            LibraryFn::BroadcastTo => {
                let (array, ty) = array_arg("array")?;
                let (shape, shape_type) = args.get("shape")?;
                let dims = self.mo_shape_extents(shape, &shape_type, "broadcast shape");
                self.check_array_into(array, ty, &dims);
                Some(self.lib_broadcast_to(array, ty.ndim, &dims))
            }
            LibraryFn::Ediff1d => {
                let (array, ty) = array_arg("ary")?;
                let (flat, n) = self.lib_flat_elements(array, &ty);
                let one = self.scalar(INT, 1);
                let zero = self.scalar(INT, 0);
                let len = self.ins().isub(n, one);
                let len = self.lib_max_int(len, zero);
                let dtype = ty.dtype;
                let out = self.ins().array_alloc(dtype, false, &[len]);
                self.own(out);
                self.loop_nest(&[len], &[], &mut |this, indices, _| {
                    let one = this.scalar(INT, 1);
                    let next = this.ins().iadd(indices[0], one);
                    let a = this.ins().array_load(flat, indices);
                    let b = this.ins().array_load(flat, &[next]);
                    let difference = {
                        let mut ins = this.ins();
                        if dtype.is_complex() {
                            ins.csub(b, a)
                        } else if dtype.is_float() {
                            ins.fsub(b, a)
                        } else {
                            ins.isub(b, a)
                        }
                    };
                    this.ins().array_store(out, indices, difference);
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::Isin => {
                let (element, element_type) = args.get("element")?;
                let (test, test_type) = args.get("test_elements")?;
                let invert = match args.get("invert") {
                    Some((value, _)) => value,
                    None => self.ins().bconst(false),
                };
                self.mo_isin((element, element_type), (test, test_type), invert, result_type?)
            }
            LibraryFn::Logspace => {
                let (start, _) = args.get("start")?;
                let (stop, _) = args.get("stop")?;
                let start = self.convert(start, F64);
                let stop = self.convert(stop, F64);
                let num = match args.get("num") {
                    Some((num, _)) => self.convert(num, INT),
                    None => self.scalar(INT, 50),
                };
                let base = match args.get("base") {
                    Some((base, _)) => self.convert(base, F64),
                    None => self.float(F64, 10.0),
                };
                let zero = self.scalar(INT, 0);
                let negative = self.ins().icmp(IntCC::LessThan, num, zero);
                self.raise_if_with(
                    negative,
                    ExceptionKind::ValueError,
                    "Number of samples, {}, must be non-negative.",
                    &[num],
                );
                let out = self.ins().array_alloc(F64, false, &[num]);
                self.own(out);
                // NumPy's linspace: start + i * ((stop - start) / (num - 1)), stop last.
                let one = self.scalar(INT, 1);
                let divisions = self.ins().isub(num, one);
                let divisions = self.lib_max_int(divisions, one);
                let divisions = self.convert(divisions, F64);
                let span = self.ins().fsub(stop, start);
                let step = self.ins().fdiv(span, divisions);
                let last = self.ins().isub(num, one);
                self.loop_nest(&[num], &[], &mut |this, indices, _| {
                    let i = this.convert(indices[0], F64);
                    let offset = this.ins().fmul(i, step);
                    let y = this.ins().fadd(offset, start);
                    let is_last = this.ins().icmp(IntCC::Equal, indices[0], last);
                    let positive = this.ins().icmp(IntCC::GreaterThan, indices[0], zero);
                    let is_last = this.ins().iand(is_last, positive);
                    let y = this.ins().select(is_last, stop, y);
                    let value = this.ins().fpow(base, y);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::Delete => {
                let (array, ty) = array_arg("arr")?;
                let obj = args.get("obj")?;
                Some(self.mo_delete(array, &ty, obj, &result_array?))
            }
            LibraryFn::Cross => {
                let (a, _) = array_arg("a")?;
                let (b, _) = array_arg("b")?;
                let dtype = result_array?.dtype;
                let three = self.scalar(INT, 3);
                let n = self.ins().array_dim(a, 0);
                let m = self.ins().array_dim(b, 0);
                let bad_a = self.ins().icmp(IntCC::NotEqual, n, three);
                let bad_b = self.ins().icmp(IntCC::NotEqual, m, three);
                let bad = self.ins().ior(bad_a, bad_b);
                self.raise_if(
                    bad,
                    ExceptionKind::ValueError,
                    "incompatible dimensions for cross product (numjit supports vectors of 3 elements)",
                );
                let out = self.ins().array_alloc(dtype, false, &[three]);
                self.own(out);
                let load = |this: &mut Self, array: Value, at: i64| -> Value {
                    let index = this.scalar(INT, at);
                    let element = this.ins().array_load(array, &[index]);
                    this.convert(element, dtype)
                };
                for (k, (i, j)) in [(1, 2), (2, 0), (0, 1)].into_iter().enumerate() {
                    let ai = load(self, a, i);
                    let bj = load(self, b, j);
                    let aj = load(self, a, j);
                    let bi = load(self, b, i);
                    let first = self.accumulate(true, ai, bj, dtype);
                    let second = self.accumulate(true, aj, bi, dtype);
                    let value = {
                        let mut ins = self.ins();
                        if dtype.is_complex() {
                            ins.csub(first, second)
                        } else if dtype.is_float() {
                            ins.fsub(first, second)
                        } else {
                            ins.isub(first, second)
                        }
                    };
                    let index = self.scalar(INT, k as i64);
                    self.ins().array_store(out, &[index], value);
                }
                Some(out)
            }
            LibraryFn::Resize => {
                let (array, ty) = array_arg("a")?;
                let (shape, shape_type) = args.get("new_shape")?;
                let dims = self.mo_shape_extents(shape, &shape_type, "`new_shape`");
                let zero = self.scalar(INT, 0);
                let (flat, n) = self.lib_flat_elements(array, &ty);
                let size = self.lib_product(&dims);
                let dtype = ty.dtype;
                // NumPy repeats the elements cyclically; an empty input gives zeros.
                let out = self.ins().array_alloc(dtype, true, &dims);
                self.own(out);
                let itemsize = self.scalar(INT, i64::from(dtype.size_bytes()));
                let out_flat = self.ins().array_view(Layout::C, out, zero, &[size], &[itemsize]);
                let empty = self.ins().icmp(IntCC::Equal, n, zero);
                let count = self.ins().select(empty, zero, size);
                let one = self.scalar(INT, 1);
                let period = self.lib_max_int(n, one);
                self.loop_nest(&[count], &[], &mut |this, indices, _| {
                    let at = this.ins().irem(indices[0], period);
                    let element = this.ins().array_load(flat, &[at]);
                    this.ins().array_store(out_flat, indices, element);
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::AsarrayChkfinite => {
                let (array, ty) = array_arg("a")?;
                if ty.dtype.is_float() || ty.dtype.is_complex() {
                    let dims = self.lib_extents(array, ty.ndim);
                    let tree = crate::elementwise::Tree::of_array(array, ty);
                    let no = self.ins().bconst(false);
                    let dtype = ty.dtype;
                    let bad = self.reduce_tree(&tree, &dims, &[no], &mut |this, x, acc| {
                        let finite = if dtype.is_complex() {
                            let re = this.ins().creal(x);
                            let im = this.ins().cimag(x);
                            let re = this.ins().call_intrinsic(Intrinsic::Isfinite, &[re]);
                            let im = this.ins().call_intrinsic(Intrinsic::Isfinite, &[im]);
                            this.ins().iand(re, im)
                        } else {
                            this.ins().call_intrinsic(Intrinsic::Isfinite, &[x])
                        };
                        let not_finite = this.ins().inot(finite);
                        vec![this.ins().ior(acc[0], not_finite)]
                    });
                    self.raise_if(bad[0], ExceptionKind::ValueError, "array must not contain infs or NaNs");
                }
                Some(array)
            }
            _ => None,
        }
    }

    /// The extents a shape argument (an integer or a tuple of them) gives, as `int64`,
    /// raising NumPy's ValueError ("all elements of {what} must be non-negative") for a
    /// negative one.
    fn mo_shape_extents(&mut self, shape: Value, shape_type: &Type, what: &str) -> Vec<Value> {
        let dims: Vec<Value> = match shape_type {
            Type::Tuple(items) => (0..items.len())
                .map(|at| {
                    let item = self.ins().tuple_get(shape, at as u32);
                    self.convert(item, INT)
                })
                .collect(),
            _ => vec![self.convert(shape, INT)],
        };
        let zero = self.scalar(INT, 0);
        let mut negative = self.ins().bconst(false);
        for &dim in &dims {
            let below = self.ins().icmp(IntCC::LessThan, dim, zero);
            negative = self.ins().ior(negative, below);
        }
        self.raise_if(
            negative,
            ExceptionKind::ValueError,
            &format!("all elements of {what} must be non-negative"),
        );
        dims
    }

    /// `np.isin(element, test_elements, invert=)`: a binary search of each element in the
    /// sorted test elements.
    fn mo_isin(
        &mut self,
        element: (Value, Type),
        test: (Value, Type),
        invert: Value,
        result: &Type,
    ) -> Option<Value> {
        let dtype_of = |ty: &Type| match ty {
            Type::Array(array) => Some(array.dtype),
            Type::Scalar(scalar) => Some(*scalar),
            _ => None,
        };
        let dtype = dtype_of(&element.1)?.promote(dtype_of(&test.1)?);
        let (sorted, n) = match &test.1 {
            Type::Array(test_type) => self.mo_sorted_concat(&[(test.0, *test_type)], dtype),
            _ => {
                let one = self.scalar(INT, 1);
                let buffer = self.ins().array_alloc(dtype, false, &[one]);
                self.own(buffer);
                let value = self.convert(test.0, dtype);
                let zero = self.scalar(INT, 0);
                self.ins().array_store(buffer, &[zero], value);
                (buffer, one)
            }
        };
        let find = |this: &mut Self, x: Value| -> Value {
            let x = this.convert(x, dtype);
            let found = this.lib_partition_point(n, &mut |this, mid| {
                let element = this.ins().array_load(sorted, &[mid]);
                this.lib_sorts_before(element, x, dtype)
            });
            // The buffer has room for one more element, so position n can be read.
            let candidate = this.ins().array_load(sorted, &[found]);
            let inside = this.ins().icmp(IntCC::LessThan, found, n);
            let equal = this.mo_equal(candidate, x, dtype, false);
            let present = this.ins().iand(inside, equal);
            this.ins().ixor(present, invert)
        };
        match (&element.1, result) {
            (Type::Scalar(_), Type::Array(_)) => {
                let present = find(self, element.0);
                let out = self.ins().array_alloc(ScalarType::Bool, false, &[]);
                self.own(out);
                self.ins().array_store(out, &[], present);
                Some(out)
            }
            (Type::Array(element_type), Type::Array(_)) => {
                let dims = self.lib_extents(element.0, element_type.ndim);
                let out = self.ins().array_alloc(ScalarType::Bool, false, &dims);
                self.own(out);
                let source = element.0;
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let x = this.ins().array_load(source, indices);
                    let present = find(this, x);
                    this.ins().array_store(out, indices, present);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.delete(arr, obj)` of the flattened array: `obj` an index or an array of them
    /// (negative ones count from the end; NumPy's IndexError outside).
    fn mo_delete(&mut self, array: Value, ty: &ArrayType, obj: (Value, Type), out_type: &ArrayType) -> Value {
        let (flat, n) = self.lib_flat_elements(array, ty);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        // A mark per element: 1 where it is deleted.
        let room = self.lib_max_int(n, one);
        let marks = self.ins().array_alloc(ScalarType::Bool, true, &[room]);
        self.own(marks);
        let message = "index {} is out of bounds for axis 0 with size {}";
        let mark = |this: &mut Self, index: Value| -> (Value, Value) {
            let index = this.convert(index, INT);
            let (position, outside) = this.ex_wrap_index(index, n);
            (position, outside)
        };
        match &obj.1 {
            Type::Scalar(_) => {
                let (position, outside) = mark(self, obj.0);
                let index = self.convert(obj.0, INT);
                self.raise_if_with(outside, ExceptionKind::IndexError, message, &[index, n]);
                let yes = self.ins().bconst(true);
                self.ins().array_store(marks, &[position], yes);
            }
            Type::Array(_) => {
                let indices = obj.0;
                let count = self.ins().array_dim(indices, 0);
                let no = self.ins().bconst(false);
                let checked = self.loop_nest(&[count], &[no, zero], &mut |this, at, acc| {
                    let index = this.ins().array_load(indices, at);
                    let (_, outside) = mark(this, index);
                    let index = this.convert(index, INT);
                    let first = this.ins().inot(acc[0]);
                    let record = this.ins().iand(first, outside);
                    let reported = this.ins().select(record, index, acc[1]);
                    vec![this.ins().ior(acc[0], outside), reported]
                });
                self.raise_if_with(checked[0], ExceptionKind::IndexError, message, &[checked[1], n]);
                self.loop_nest(&[count], &[], &mut |this, at, _| {
                    let index = this.ins().array_load(indices, at);
                    let (position, _) = mark(this, index);
                    let yes = this.ins().bconst(true);
                    this.ins().array_store(marks, &[position], yes);
                    Vec::new()
                });
            }
            _ => {}
        }
        let deleted = self.loop_nest(&[n], &[zero], &mut |this, at, acc| {
            let marked = this.ins().array_load(marks, at);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(marked, one, zero);
            vec![this.ins().iadd(acc[0], step)]
        });
        let kept = self.ins().isub(n, deleted[0]);
        let slots = self.ins().iadd(kept, one);
        let dtype = out_type.dtype;
        let out = self.ins().array_alloc(dtype, false, &[slots]);
        self.own(out);
        self.loop_nest(&[n], &[zero], &mut |this, at, acc| {
            let marked = this.ins().array_load(marks, at);
            let element = this.ins().array_load(flat, at);
            this.ins().array_store(out, &[acc[0]], element);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(marked, zero, one);
            vec![this.ins().iadd(acc[0], step)]
        });
        let itemsize = self.scalar(INT, i64::from(dtype.size_bytes()));
        self.ins().array_view(Layout::C, out, zero, &[kept], &[itemsize])
    }

    /// `np.interp(x, xp, fp, left, right)`: NumPy's `compiled_interp` — a binary search
    /// for the interval, the slope `(fp[j+1] - fp[j]) / (xp[j+1] - xp[j])`, `fp[j]` when
    /// `x == xp[j]`, `left`/`right` (default the end values) outside.
    fn mo_interp(
        &mut self,
        x: (Value, Type),
        xp: (Value, ArrayType),
        fp: (Value, ArrayType),
        left: Option<Value>,
        right: Option<Value>,
        result: &Type,
    ) -> Option<Value> {
        let dtype = match result {
            Type::Scalar(dtype) => *dtype,
            Type::Array(array) => array.dtype,
            _ => return None,
        };
        let (xp, _) = xp;
        let (fp, _) = fp;
        let n = self.ins().array_dim(xp, 0);
        let m = self.ins().array_dim(fp, 0);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let empty = self.ins().icmp(IntCC::Equal, n, zero);
        self.raise_if(empty, ExceptionKind::ValueError, "array of sample points is empty");
        let differ = self.ins().icmp(IntCC::NotEqual, n, m);
        self.raise_if(differ, ExceptionKind::ValueError, "fp and xp are not of the same length.");
        let last = self.ins().isub(n, one);
        let first_f = self.ins().array_load(fp, &[zero]);
        let first_f = self.convert(first_f, dtype);
        let last_f = self.ins().array_load(fp, &[last]);
        let last_f = self.convert(last_f, dtype);
        let left = match left {
            Some(value) => self.convert(value, dtype),
            None => first_f,
        };
        let right = match right {
            Some(value) => self.convert(value, dtype),
            None => last_f,
        };
        let first_x = self.ins().array_load(xp, &[zero]);
        let first_x = self.convert(first_x, F64);
        let last_x = self.ins().array_load(xp, &[last]);
        let last_x = self.convert(last_x, F64);
        let compute = |this: &mut Self, x: Value| -> Value {
            let x = this.convert(x, F64);
            // j: the last index with xp[j] <= x (x inside [xp[0], xp[-1]]).
            let zero = this.scalar(INT, 0);
            let one = this.scalar(INT, 1);
            let found = this.lib_partition_point(n, &mut |this, mid| {
                let point = this.ins().array_load(xp, &[mid]);
                let point = this.convert(point, F64);
                this.ins().fcmp(FloatCC::LessThanOrEqual, point, x)
            });
            let j = this.ins().isub(found, one);
            let j = this.lib_max_int(j, zero);
            let top = this.ins().isub(n, one);
            let below_top = this.ins().isub(top, one);
            let below_top = this.lib_max_int(below_top, zero);
            let j = this.lib_min_int(j, below_top);
            let next = this.ins().iadd(j, one);
            let next = this.lib_min_int(next, top);
            let x0 = this.ins().array_load(xp, &[j]);
            let x0 = this.convert(x0, F64);
            let x1 = this.ins().array_load(xp, &[next]);
            let x1 = this.convert(x1, F64);
            let f0 = this.ins().array_load(fp, &[j]);
            let f0 = this.convert(f0, dtype);
            let f1 = this.ins().array_load(fp, &[next]);
            let f1 = this.convert(f1, dtype);
            let dx = this.ins().fsub(x1, x0);
            let offset = this.ins().fsub(x, x0);
            let value = if dtype.is_complex() {
                let (r0, i0) = (this.ins().creal(f0), this.ins().cimag(f0));
                let (r1, i1) = (this.ins().creal(f1), this.ins().cimag(f1));
                let dr = this.ins().fsub(r1, r0);
                let di = this.ins().fsub(i1, i0);
                let sr = this.ins().fdiv(dr, dx);
                let si = this.ins().fdiv(di, dx);
                let re = this.ins().fmul(sr, offset);
                let re = this.ins().fadd(re, r0);
                let im = this.ins().fmul(si, offset);
                let im = this.ins().fadd(im, i0);
                this.ins().cmake(re, im)
            } else {
                let df = this.ins().fsub(f1, f0);
                let slope = this.ins().fdiv(df, dx);
                let value = this.ins().fmul(slope, offset);
                this.ins().fadd(value, f0)
            };
            // NumPy returns fp[j] exactly when x == xp[j] (and for a single point).
            let exact = this.ins().fcmp(FloatCC::Equal, x, x0);
            let value = this.ins().select(exact, f0, value);
            let at_last = this.ins().fcmp(FloatCC::Equal, x, last_x);
            let value = this.ins().select(at_last, last_f, value);
            let below = this.ins().fcmp(FloatCC::LessThan, x, first_x);
            let above = this.ins().fcmp(FloatCC::GreaterThan, x, last_x);
            let value = this.ins().select(below, left, value);
            this.ins().select(above, right, value)
        };
        match (&x.1, result) {
            (Type::Scalar(_), Type::Scalar(_)) => Some(compute(self, x.0)),
            (Type::Array(x_type), Type::Array(_)) => {
                let dims = self.lib_extents(x.0, x_type.ndim);
                let out = self.ins().array_alloc(dtype, false, &dims);
                self.own(out);
                let source = x.0;
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let element = this.ins().array_load(source, indices);
                    let value = compute(this, element);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.isclose`/`np.allclose`: `|a - b| <= atol + rtol * |b|` (infinities equal when
    /// equal, NaNs when `equal_nan`), broadcast.
    #[allow(clippy::too_many_arguments)]
    fn mo_isclose(
        &mut self,
        a: (Value, Type),
        b: (Value, Type),
        rtol: Value,
        atol: Value,
        equal_nan: Value,
        all: bool,
        result: &Type,
    ) -> Option<Value> {
        let close = move |this: &mut Self, x: Value, y: Value| -> Value {
            let x = this.convert(x, F64);
            let y = this.convert(y, F64);
            let difference = this.ins().fsub(x, y);
            let difference = this.ins().call_intrinsic(Intrinsic::Fabs, &[difference]);
            let magnitude = this.ins().call_intrinsic(Intrinsic::Fabs, &[y]);
            let scaled = this.ins().fmul(rtol, magnitude);
            let tolerance = this.ins().fadd(atol, scaled);
            let within = this.ins().fcmp(FloatCC::LessThanOrEqual, difference, tolerance);
            let x_finite = this.ins().call_intrinsic(Intrinsic::Isfinite, &[x]);
            let y_finite = this.ins().call_intrinsic(Intrinsic::Isfinite, &[y]);
            let finite = this.ins().iand(x_finite, y_finite);
            let within = this.ins().iand(within, finite);
            let same = this.ins().fcmp(FloatCC::Equal, x, y);
            let close = this.ins().ior(within, same);
            let x_nan = this.ins().fcmp(FloatCC::Unordered, x, x);
            let y_nan = this.ins().fcmp(FloatCC::Unordered, y, y);
            let both_nan = this.ins().iand(x_nan, y_nan);
            let nan_equal = this.ins().iand(both_nan, equal_nan);
            this.ins().ior(close, nan_equal)
        };
        let ndim = match result {
            Type::Array(array) => array.ndim,
            _ => [&a.1, &b.1]
                .iter()
                .map(|ty| match ty {
                    Type::Array(array) => array.ndim,
                    _ => 0,
                })
                .max()
                .unwrap_or(0),
        };
        if matches!((&a.1, &b.1), (Type::Scalar(_), Type::Scalar(_))) {
            return Some(close(self, a.0, b.0));
        }
        let (dims, sources) = self.lib_broadcast_operands(&[a, b], ndim)?;
        if all {
            let yes = self.ins().bconst(true);
            let totals = self.loop_nest(&dims, &[yes], &mut |this, indices, acc| {
                let x = this.lib_element(sources[0], indices);
                let y = this.lib_element(sources[1], indices);
                let close = close(this, x, y);
                vec![this.ins().iand(acc[0], close)]
            });
            return Some(totals[0]);
        }
        let out = self.ins().array_alloc(ScalarType::Bool, false, &dims);
        self.own(out);
        self.loop_nest(&dims, &[], &mut |this, indices, _| {
            let x = this.lib_element(sources[0], indices);
            let y = this.lib_element(sources[1], indices);
            let close = close(this, x, y);
            this.ins().array_store(out, indices, close);
            Vec::new()
        });
        Some(out)
    }

    /// `np.array_equal(a1, a2, equal_nan)`: same shape and equal elements.
    fn mo_array_equal(
        &mut self,
        a: (Value, Type),
        b: (Value, Type),
        equal_nan: Option<Value>,
    ) -> Option<Value> {
        let rank = |ty: &Type| match ty {
            Type::Array(array) => array.ndim,
            _ => 0,
        };
        let dtype_of = |ty: &Type| match ty {
            Type::Array(array) => Some(array.dtype),
            Type::Scalar(scalar) => Some(*scalar),
            _ => None,
        };
        let dtype = dtype_of(&a.1)?.promote(dtype_of(&b.1)?);
        if rank(&a.1) != rank(&b.1) {
            return Some(self.ins().bconst(false));
        }
        let extents = |this: &mut Self, operand: &(Value, Type)| -> Vec<Value> {
            match &operand.1 {
                Type::Array(array) => this.lib_extents(operand.0, array.ndim),
                _ => Vec::new(),
            }
        };
        let a_dims = extents(self, &a);
        let b_dims = extents(self, &b);
        let mut same_shape = self.ins().bconst(true);
        for (&x, &y) in a_dims.iter().zip(&b_dims) {
            let equal = self.ins().icmp(IntCC::Equal, x, y);
            same_shape = self.ins().iand(same_shape, equal);
        }
        // Elements are compared only over the common shape (none when shapes differ).
        let zero = self.scalar(INT, 0);
        let dims: Vec<Value> = a_dims.iter().map(|&dim| self.ins().select(same_shape, dim, zero)).collect();
        let yes = self.ins().bconst(true);
        let (a_value, b_value) = (a.0, b.0);
        let (a_array, b_array) = (matches!(a.1, Type::Array(_)), matches!(b.1, Type::Array(_)));
        let totals = self.loop_nest(&dims, &[yes], &mut |this, indices, acc| {
            let x = if a_array { this.ins().array_load(a_value, indices) } else { a_value };
            let y = if b_array { this.ins().array_load(b_value, indices) } else { b_value };
            let x = this.convert(x, dtype);
            let y = this.convert(y, dtype);
            let equal = match equal_nan {
                Some(equal_nan) => {
                    let plain = this.mo_equal(x, y, dtype, false);
                    let with_nan = this.mo_equal(x, y, dtype, true);
                    this.ins().select(equal_nan, with_nan, plain)
                }
                None => this.mo_equal(x, y, dtype, false),
            };
            vec![this.ins().iand(acc[0], equal)]
        });
        Some(self.ins().iand(same_shape, totals[0]))
    }

    /// `np.digitize(x, bins, right)`: bins increasing or decreasing (NumPy's ValueError
    /// otherwise); the index through a binary search.
    fn mo_digitize(&mut self, x: (Value, Type), bins: Value, right: Value, result: &Type) -> Option<Value> {
        let n = self.ins().array_dim(bins, 0);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let pairs = self.ins().isub(n, one);
        let pairs = self.lib_max_int(pairs, zero);
        let no = self.ins().bconst(false);
        let order = self.loop_nest(&[pairs], &[no, no], &mut |this, indices, acc| {
            let one = this.scalar(INT, 1);
            let next = this.ins().iadd(indices[0], one);
            let a = this.ins().array_load(bins, indices);
            let b = this.ins().array_load(bins, &[next]);
            let a = this.convert(a, F64);
            let b = this.convert(b, F64);
            let up = this.ins().fcmp(FloatCC::LessThan, b, a);
            let down = this.ins().fcmp(FloatCC::GreaterThan, b, a);
            // acc: some pair decreases, some pair increases.
            vec![this.ins().ior(acc[0], up), this.ins().ior(acc[1], down)]
        });
        let both = self.ins().iand(order[0], order[1]);
        self.raise_if(both, ExceptionKind::ValueError, "bins must be monotonically increasing or decreasing");
        let decreasing = order[0];
        let compute = |this: &mut Self, x: Value| -> Value {
            let x = this.convert(x, F64);
            // Increasing: the number of bins b with b <= x (b < x when right); decreasing:
            // the number with b > x (b >= x when right).
            this.lib_partition_point(n, &mut |this, mid| {
                let edge = this.ins().array_load(bins, &[mid]);
                let edge = this.convert(edge, F64);
                let le = this.ins().fcmp(FloatCC::LessThanOrEqual, edge, x);
                let lt = this.ins().fcmp(FloatCC::LessThan, edge, x);
                let gt = this.ins().fcmp(FloatCC::GreaterThan, edge, x);
                let ge = this.ins().fcmp(FloatCC::GreaterThanOrEqual, edge, x);
                let increasing_side = this.ins().select(right, lt, le);
                let decreasing_side = this.ins().select(right, ge, gt);
                this.ins().select(decreasing, decreasing_side, increasing_side)
            })
        };
        match (&x.1, result) {
            (Type::Scalar(_), Type::Scalar(_)) => Some(compute(self, x.0)),
            (Type::Array(x_type), Type::Array(_)) => {
                let dims = self.lib_extents(x.0, x_type.ndim);
                let out = self.ins().array_alloc(INT, false, &dims);
                self.own(out);
                let source = x.0;
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let element = this.ins().array_load(source, indices);
                    let value = compute(this, element);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.average(a, weights=w)` of all elements (`np.mean` without weights).
    fn mo_average(
        &mut self,
        array: Value,
        ty: &ArrayType,
        weights: Option<(Value, ArrayType)>,
        dtype: ScalarType,
    ) -> Value {
        let dims = self.lib_extents(array, ty.ndim);
        let zero = self.scalar(dtype, 0);
        match weights {
            None => {
                let tree = crate::elementwise::Tree::of_array(array, *ty);
                let count_zero = self.scalar(INT, 0);
                let totals = self.reduce_tree(&tree, &dims, &[zero, count_zero], &mut |this, x, acc| {
                    let x = this.convert(x, dtype);
                    let one = this.scalar(INT, 1);
                    vec![this.accumulate(false, acc[0], x, dtype), this.ins().iadd(acc[1], one)]
                });
                self.lib_divide_count(totals[0], totals[1], dtype)
            }
            Some((weights, weights_type)) => {
                let weight_dims = self.lib_extents(weights, weights_type.ndim);
                let mut differ = self.ins().bconst(weights_type.ndim != ty.ndim);
                for (&a, &b) in dims.iter().zip(&weight_dims) {
                    let unequal = self.ins().icmp(IntCC::NotEqual, a, b);
                    differ = self.ins().ior(differ, unequal);
                }
                self.raise_if(
                    differ,
                    ExceptionKind::TypeError,
                    "Axis must be specified when shapes of a and weights differ.",
                );
                let totals = self.loop_nest(&dims, &[zero, zero], &mut |this, indices, acc| {
                    let x = this.ins().array_load(array, indices);
                    let w = this.ins().array_load(weights, indices);
                    let x = this.convert(x, dtype);
                    let w = this.convert(w, dtype);
                    let product = this.accumulate(true, x, w, dtype);
                    vec![
                        this.accumulate(false, acc[0], product, dtype),
                        this.accumulate(false, acc[1], w, dtype),
                    ]
                });
                let scale = totals[1];
                let zero = self.scalar(dtype, 0);
                let is_zero = if dtype.is_complex() {
                    let re = self.ins().creal(scale);
                    let im = self.ins().cimag(scale);
                    let zero_part = self.float(dtype, 0.0);
                    let re_zero = self.ins().fcmp(FloatCC::Equal, re, zero_part);
                    let im_zero = self.ins().fcmp(FloatCC::Equal, im, zero_part);
                    self.ins().iand(re_zero, im_zero)
                } else {
                    self.ins().fcmp(FloatCC::Equal, scale, zero)
                };
                self.raise_if(
                    is_zero,
                    ExceptionKind::ZeroDivisionError,
                    "Weights sum to zero, can't be normalized",
                );
                if dtype.is_complex() {
                    self.ins().cdiv(totals[0], scale)
                } else {
                    self.ins().fdiv(totals[0], scale)
                }
            }
        }
    }

    /// `np.corrcoef`'s normalisation of a covariance matrix: divided by the standard
    /// deviations on both sides, clipped to [-1, 1].
    fn mo_normalise_cov(&mut self, cov: Value) -> Value {
        let n = self.ins().array_dim(cov, 0);
        let deviations = self.ins().array_alloc(F64, false, &[n]);
        self.own(deviations);
        self.loop_nest(&[n], &[], &mut |this, indices, _| {
            let variance = this.ins().array_load(cov, &[indices[0], indices[0]]);
            let deviation = this.ins().call_intrinsic(Intrinsic::Sqrt, &[variance]);
            this.ins().array_store(deviations, indices, deviation);
            Vec::new()
        });
        self.loop_nest(&[n, n], &[], &mut |this, indices, _| {
            let value = this.ins().array_load(cov, indices);
            let row = this.ins().array_load(deviations, &indices[..1]);
            let col = this.ins().array_load(deviations, &indices[1..]);
            let value = this.ins().fdiv(value, row);
            let value = this.ins().fdiv(value, col);
            // np.clip(c, -1, 1) (a NaN stays).
            let one = this.float(F64, 1.0);
            let minus_one = this.float(F64, -1.0);
            let above = this.ins().fcmp(FloatCC::GreaterThan, value, one);
            let below = this.ins().fcmp(FloatCC::LessThan, value, minus_one);
            let value = this.ins().select(above, one, value);
            let value = this.ins().select(below, minus_one, value);
            this.ins().array_store(cov, indices, value);
            Vec::new()
        });
        cov
    }

    /// NumPy's `_chbevl`: a Chebyshev series at `x`.
    fn mo_chebyshev(&mut self, x: Value, coefficients: &[f64]) -> Value {
        let mut b0 = self.float(F64, coefficients[0]);
        let mut b1 = self.float(F64, 0.0);
        let mut b2 = b1;
        for &coefficient in &coefficients[1..] {
            b2 = b1;
            b1 = b0;
            let product = self.ins().fmul(x, b1);
            let difference = self.ins().fsub(product, b2);
            let c = self.float(F64, coefficient);
            b0 = self.ins().fadd(difference, c);
        }
        let difference = self.ins().fsub(b0, b2);
        let half = self.float(F64, 0.5);
        self.ins().fmul(half, difference)
    }

    /// NumPy's `i0` (Cephes): the modified Bessel function of the first kind, order 0.
    fn mo_i0(&mut self, x: Value) -> Value {
        let x = self.ins().call_intrinsic(Intrinsic::Fabs, &[x]);
        let exp = self.ins().call_intrinsic(Intrinsic::Exp, &[x]);
        // x <= 8: exp(x) * chbevl(x / 2 - 2, A); else exp(x) * chbevl(32 / x - 2, B) / sqrt(x).
        let two = self.float(F64, 2.0);
        let half = self.ins().fdiv(x, two);
        let small_arg = self.ins().fsub(half, two);
        let small = self.mo_chebyshev(small_arg, &I0_A);
        let small = self.ins().fmul(exp, small);
        let thirty_two = self.float(F64, 32.0);
        let ratio = self.ins().fdiv(thirty_two, x);
        let large_arg = self.ins().fsub(ratio, two);
        let large = self.mo_chebyshev(large_arg, &I0_B);
        let large = self.ins().fmul(exp, large);
        let root = self.ins().call_intrinsic(Intrinsic::Sqrt, &[x]);
        let large = self.ins().fdiv(large, root);
        let eight = self.float(F64, 8.0);
        let is_small = self.ins().fcmp(FloatCC::LessThanOrEqual, x, eight);
        self.ins().select(is_small, small, large)
    }

    /// `np.kaiser(M, beta)`: `i0(beta * sqrt(1 - ((n - alpha) / alpha)**2)) / i0(beta)`,
    /// `[1.0]` for one point, empty for none.
    fn mo_kaiser(&mut self, m: Value, beta: Value) -> Value {
        let zero = self.scalar(INT, 0);
        let len = self.lib_max_int(m, zero);
        let out = self.ins().array_alloc(F64, false, &[len]);
        self.own(out);
        let one = self.scalar(INT, 1);
        let single = self.ins().icmp(IntCC::Equal, m, one);
        let m_float = self.convert(m, F64);
        let one_float = self.float(F64, 1.0);
        let two_float = self.float(F64, 2.0);
        let alpha = self.ins().fsub(m_float, one_float);
        let alpha = self.ins().fdiv(alpha, two_float);
        let denominator = self.mo_i0(beta);
        self.loop_nest(&[len], &[], &mut |this, indices, _| {
            let n = this.convert(indices[0], F64);
            let centred = this.ins().fsub(n, alpha);
            let ratio = this.ins().fdiv(centred, alpha);
            let square = this.ins().fmul(ratio, ratio);
            let one = this.float(F64, 1.0);
            let rest = this.ins().fsub(one, square);
            let root = this.ins().call_intrinsic(Intrinsic::Sqrt, &[rest]);
            let argument = this.ins().fmul(beta, root);
            let numerator = this.mo_i0(argument);
            let value = this.ins().fdiv(numerator, denominator);
            let value = this.ins().select(single, one, value);
            this.ins().array_store(out, indices, value);
            Vec::new()
        });
        out
    }

    /// `np.rot90(m, k)` over the first two axes: a view (NumPy's flips and transposes).
    fn mo_rot90(&mut self, array: Value, ty: &ArrayType, k: Value) -> Value {
        let (dims, strides) = self.ex_dims_strides(array, ty.ndim);
        let four = self.scalar(INT, 4);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let k = self.ins().irem(k, four);
        let k = self.ins().iadd(k, four);
        let k = self.ins().irem(k, four);
        let (d0, d1, s0, s1) = (dims[0], dims[1], strides[0], strides[1]);
        let last0 = self.ins().isub(d0, one);
        let last0 = self.lib_max_int(last0, zero);
        let last1 = self.ins().isub(d1, one);
        let last1 = self.lib_max_int(last1, zero);
        let shift0 = self.ins().imul(last0, s0);
        let shift1 = self.ins().imul(last1, s1);
        let both = self.ins().iadd(shift0, shift1);
        let minus_s0 = self.ins().ineg(s0);
        let minus_s1 = self.ins().ineg(s1);
        // k = 1: (d1, d0), strides (-s1, s0), offset (d1-1)s1; k = 2: (d0, d1), (-s0, -s1),
        // offset both; k = 3: (d1, d0), (s1, -s0), offset (d0-1)s0.
        let cases = [
            (d0, d1, s0, s1, zero),
            (d1, d0, minus_s1, s0, shift1),
            (d0, d1, minus_s0, minus_s1, both),
            (d1, d0, s1, minus_s0, shift0),
        ];
        let pick = |this: &mut Self, field: fn(&(Value, Value, Value, Value, Value)) -> Value| -> Value {
            let values: Vec<Value> = cases.iter().map(field).collect();
            this.ex_pick(&values, k)
        };
        let new_d0 = pick(self, |case| case.0);
        let new_d1 = pick(self, |case| case.1);
        let new_s0 = pick(self, |case| case.2);
        let new_s1 = pick(self, |case| case.3);
        let offset = pick(self, |case| case.4);
        let mut new_dims = vec![new_d0, new_d1];
        new_dims.extend(&dims[2..]);
        let mut new_strides = vec![new_s0, new_s1];
        new_strides.extend(&strides[2..]);
        self.ins().array_view(Layout::A, array, offset, &new_dims, &new_strides)
    }

    /// NumPy's window functions of `m` points (empty for `m < 1`, `[1.0]` for one).
    fn mo_window(&mut self, function: LibraryFn, m: Value) -> Value {
        let zero = self.scalar(INT, 0);
        let len = self.lib_max_int(m, zero);
        let out = self.ins().array_alloc(F64, false, &[len]);
        self.own(out);
        let one = self.scalar(INT, 1);
        let single = self.ins().icmp(IntCC::Equal, len, one);
        let denominator = self.ins().isub(m, one);
        let denominator = self.convert(denominator, F64);
        self.loop_nest(&[len], &[], &mut |this, indices, _| {
            // n = 1 - M + 2 i (NumPy's arange(1 - M, M, 2)).
            let one = this.scalar(INT, 1);
            let two = this.scalar(INT, 2);
            let start = this.ins().isub(one, m);
            let step = this.ins().imul(indices[0], two);
            let n = this.ins().iadd(start, step);
            let n = this.convert(n, F64);
            let pi = this.float(F64, std::f64::consts::PI);
            let value = if function == LibraryFn::Bartlett {
                let ratio = this.ins().fdiv(n, denominator);
                let one = this.float(F64, 1.0);
                let zero = this.float(F64, 0.0);
                let rising = this.ins().fadd(one, ratio);
                let falling = this.ins().fsub(one, ratio);
                let left = this.ins().fcmp(FloatCC::LessThanOrEqual, n, zero);
                this.ins().select(left, rising, falling)
            } else {
                // pi * n / (M - 1), as NumPy orders it.
                let angle = this.ins().fmul(pi, n);
                let angle = this.ins().fdiv(angle, denominator);
                let cos = this.ins().call_intrinsic(Intrinsic::Cos, &[angle]);
                let (a, b) = match function {
                    LibraryFn::Hamming => (0.54, 0.46),
                    _ => (0.5, 0.5),
                };
                let a = this.float(F64, a);
                let b = this.float(F64, b);
                let term = this.ins().fmul(b, cos);
                let value = this.ins().fadd(a, term);
                if function == LibraryFn::Blackman {
                    // 0.42 + 0.5 cos(pi n / (M-1)) + 0.08 cos(2 pi n / (M-1)).
                    let two_pi = this.float(F64, 2.0 * std::f64::consts::PI);
                    let angle2 = this.ins().fmul(two_pi, n);
                    let angle2 = this.ins().fdiv(angle2, denominator);
                    let cos2 = this.ins().call_intrinsic(Intrinsic::Cos, &[angle2]);
                    let base = this.float(F64, 0.42);
                    let c1 = this.float(F64, 0.5);
                    let c2 = this.float(F64, 0.08);
                    let t1 = this.ins().fmul(c1, cos);
                    let t2 = this.ins().fmul(c2, cos2);
                    let sum = this.ins().fadd(base, t1);
                    this.ins().fadd(sum, t2)
                } else {
                    value
                }
            };
            let one_value = this.float(F64, 1.0);
            let value = this.ins().select(single, one_value, value);
            this.ins().array_store(out, indices, value);
            Vec::new()
        });
        out
    }

    /// `np.convolve(a, v, mode)`, or `np.correlate` (a convolution with `v` reversed and
    /// conjugated).
    fn mo_convolve(
        &mut self,
        a: Value,
        v: Value,
        mode: Mode,
        correlate: bool,
        out_type: &ArrayType,
    ) -> Value {
        let dtype = out_type.dtype;
        let n = self.ins().array_dim(a, 0);
        let m = self.ins().array_dim(v, 0);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let empty_a = self.ins().icmp(IntCC::Equal, n, zero);
        self.raise_if(empty_a, ExceptionKind::ValueError, "a cannot be empty");
        let empty_v = self.ins().icmp(IntCC::Equal, m, zero);
        self.raise_if(empty_v, ExceptionKind::ValueError, "v cannot be empty");
        let full = self.ins().iadd(n, m);
        let full = self.ins().isub(full, one);
        let shorter = self.lib_min_int(n, m);
        let longer = self.lib_max_int(n, m);
        let (first, len) = match mode {
            Mode::Full => (zero, full),
            Mode::Valid => {
                let first = self.ins().isub(shorter, one);
                let len = self.ins().isub(longer, shorter);
                (first, self.ins().iadd(len, one))
            }
            Mode::Same => {
                let two = self.scalar(INT, 2);
                let first = self.ins().isub(shorter, one);
                (self.ins().idiv(first, two), longer)
            }
        };
        let out = self.ins().array_alloc(dtype, false, &[len]);
        self.own(out);
        self.loop_nest(&[len], &[], &mut |this, indices, _| {
            let k = this.ins().iadd(first, indices[0]);
            // Σ a[i] w[k - i] over max(0, k - m + 1) <= i <= min(k, n - 1).
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let low = this.ins().isub(k, m);
            let low = this.ins().iadd(low, one);
            let low = this.lib_max_int(low, zero);
            let last = this.ins().isub(n, one);
            let high = this.lib_min_int(k, last);
            let count = this.ins().isub(high, low);
            let count = this.ins().iadd(count, one);
            let count = this.lib_max_int(count, zero);
            let init = this.scalar(dtype, 0);
            let totals = this.loop_nest(&[count], &[init], &mut |this, inner, acc| {
                let i = this.ins().iadd(low, inner[0]);
                let j = this.ins().isub(k, i);
                let x = this.ins().array_load(a, &[i]);
                let x = this.convert(x, dtype);
                let w = if correlate {
                    let one = this.scalar(INT, 1);
                    let last = this.ins().isub(m, one);
                    let mirrored = this.ins().isub(last, j);
                    let w = this.ins().array_load(v, &[mirrored]);
                    let w = this.convert(w, dtype);
                    this.ex_conj(w, dtype)
                } else {
                    let w = this.ins().array_load(v, &[j]);
                    this.convert(w, dtype)
                };
                let product = this.accumulate(true, x, w, dtype);
                vec![this.accumulate(false, acc[0], product, dtype)]
            });
            this.ins().array_store(out, indices, totals[0]);
            Vec::new()
        });
        out
    }

    /// The variables of `np.cov` as a 2-d view (rows are variables) of a 1-d or 2-d array.
    fn mo_variables(&mut self, array: Value, ty: &ArrayType, rowvar: Option<Value>) -> (Value, Value, Value) {
        let (dims, strides) = self.ex_dims_strides(array, ty.ndim);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let (rows, cols, row_stride, col_stride) = if ty.ndim == 1 {
            (one, dims[0], zero, strides[0])
        } else {
            match rowvar {
                None => (dims[0], dims[1], strides[0], strides[1]),
                Some(rowvar) => {
                    let rows = self.ins().select(rowvar, dims[0], dims[1]);
                    let cols = self.ins().select(rowvar, dims[1], dims[0]);
                    let row_stride = self.ins().select(rowvar, strides[0], strides[1]);
                    let col_stride = self.ins().select(rowvar, strides[1], strides[0]);
                    (rows, cols, row_stride, col_stride)
                }
            }
        };
        let view = self.ins().array_view(Layout::A, array, zero, &[rows, cols], &[row_stride, col_stride]);
        (view, rows, cols)
    }

    /// `np.cov(m, y, rowvar, bias, ddof)` of real arrays.
    fn mo_cov(
        &mut self,
        m: (Value, ArrayType),
        y: Option<(Value, ArrayType)>,
        rowvar: Option<Value>,
        bias: Option<Value>,
        ddof: Option<Value>,
        out_type: &ArrayType,
    ) -> Option<Value> {
        let mut parts = vec![self.mo_variables(m.0, &m.1, rowvar)];
        if let Some((y, y_type)) = y {
            parts.push(self.mo_variables(y, &y_type, rowvar));
        }
        let observations = parts[0].2;
        let mut variables = self.scalar(INT, 0);
        let mut mismatch = self.ins().bconst(false);
        for &(_, rows, cols) in &parts {
            variables = self.ins().iadd(variables, rows);
            let differs = self.ins().icmp(IntCC::NotEqual, cols, observations);
            mismatch = self.ins().ior(mismatch, differs);
        }
        self.raise_if(
            mismatch,
            ExceptionKind::ValueError,
            "all the input array dimensions except for the concatenation axis must match exactly",
        );
        // X: the variables as rows, centred.
        let x = self.ins().array_alloc(F64, false, &[variables, observations]);
        self.own(x);
        let mut start = self.scalar(INT, 0);
        for &(view, rows, cols) in &parts {
            let first = start;
            self.loop_nest(&[rows, cols], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(view, indices);
                let element = this.convert(element, F64);
                let row = this.ins().iadd(first, indices[0]);
                this.ins().array_store(x, &[row, indices[1]], element);
                Vec::new()
            });
            start = self.ins().iadd(start, rows);
        }
        let count = self.convert(observations, F64);
        self.loop_nest(&[variables], &[], &mut |this, indices, _| {
            let row = indices[0];
            let zero = this.float(F64, 0.0);
            let total = this.loop_nest(&[observations], &[zero], &mut |this, inner, acc| {
                let element = this.ins().array_load(x, &[row, inner[0]]);
                vec![this.ins().fadd(acc[0], element)]
            });
            let mean = this.ins().fdiv(total[0], count);
            this.loop_nest(&[observations], &[], &mut |this, inner, _| {
                let element = this.ins().array_load(x, &[row, inner[0]]);
                let centred = this.ins().fsub(element, mean);
                this.ins().array_store(x, &[row, inner[0]], centred);
                Vec::new()
            });
            Vec::new()
        });
        // fact = N - ddof (ddof defaults to 1, or 0 with bias); NumPy multiplies by 1/fact
        // and uses 0 for a fact that is not positive.
        let default_ddof = match bias {
            Some(bias) => {
                let zero = self.scalar(INT, 0);
                let one = self.scalar(INT, 1);
                self.ins().select(bias, zero, one)
            }
            None => self.scalar(INT, 1),
        };
        let ddof = match ddof {
            Some(ddof) => self.convert(ddof, INT),
            None => default_ddof,
        };
        let fact = self.ins().isub(observations, ddof);
        let zero = self.scalar(INT, 0);
        let positive = self.ins().icmp(IntCC::GreaterThan, fact, zero);
        let fact = self.ins().select(positive, fact, zero);
        let fact = self.convert(fact, F64);
        let one = self.float(F64, 1.0);
        let scale = self.ins().fdiv(one, fact);
        let out_dims: Vec<Value> = if out_type.ndim == 0 { Vec::new() } else { vec![variables, variables] };
        let out = self.ins().array_alloc(F64, false, &out_dims);
        self.own(out);
        let two_d = out_type.ndim == 2;
        self.loop_nest(&[variables, variables], &[], &mut |this, indices, _| {
            let (i, j) = (indices[0], indices[1]);
            let zero = this.float(F64, 0.0);
            let total = this.loop_nest(&[observations], &[zero], &mut |this, inner, acc| {
                let a = this.ins().array_load(x, &[i, inner[0]]);
                let b = this.ins().array_load(x, &[j, inner[0]]);
                let product = this.ins().fmul(a, b);
                vec![this.ins().fadd(acc[0], product)]
            });
            let value = this.ins().fmul(total[0], scale);
            if two_d {
                this.ins().array_store(out, indices, value);
            } else {
                this.ins().array_store(out, &[], value);
            }
            Vec::new()
        });
        Some(out)
    }

    /// `np.histogram(a, bins, range)`: the counts and the bin edges, as a tuple.
    fn mo_histogram(
        &mut self,
        array: Value,
        ty: &ArrayType,
        bins: Option<(Value, Type)>,
        range: Option<Value>,
        edge_dtype: ScalarType,
    ) -> Option<Value> {
        let (flat, n) = self.lib_flat_elements(array, ty);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let (edges, nbins, uniform) = match bins {
            Some((edges, Type::Array(edges_type))) => {
                let len = self.ins().array_dim(edges, 0);
                let nbins = self.ins().isub(len, one);
                let nbins = self.lib_max_int(nbins, zero);
                // Edges must not decrease.
                let no = self.ins().bconst(false);
                let bad = self.loop_nest(&[nbins], &[no], &mut |this, indices, acc| {
                    let one = this.scalar(INT, 1);
                    let next = this.ins().iadd(indices[0], one);
                    let a = this.ins().array_load(edges, indices);
                    let b = this.ins().array_load(edges, &[next]);
                    let a = this.convert(a, F64);
                    let b = this.convert(b, F64);
                    let decreasing = this.ins().fcmp(FloatCC::LessThan, b, a);
                    vec![this.ins().ior(acc[0], decreasing)]
                });
                self.raise_if(
                    bad[0],
                    ExceptionKind::ValueError,
                    "`bins` must increase monotonically, when an array",
                );
                let copy = self.copy_array(edges, &edges_type);
                self.own(copy);
                (copy, nbins, None)
            }
            other => {
                let nbins = match other {
                    Some((count, _)) => self.convert(count, INT),
                    None => self.scalar(INT, 10),
                };
                let positive = self.ins().icmp(IntCC::GreaterThan, nbins, zero);
                let bad = self.ins().inot(positive);
                self.raise_if(bad, ExceptionKind::ValueError, "`bins` must be positive, when an integer");
                let (first, last) = match range {
                    Some(range) => {
                        let lo = self.ins().tuple_get(range, 0);
                        let hi = self.ins().tuple_get(range, 1);
                        let lo = self.convert(lo, F64);
                        let hi = self.convert(hi, F64);
                        let backwards = self.ins().fcmp(FloatCC::GreaterThan, lo, hi);
                        self.raise_if(
                            backwards,
                            ExceptionKind::ValueError,
                            "max must be larger than min in range parameter.",
                        );
                        (lo, hi)
                    }
                    None => {
                        let inf = self.float(F64, f64::INFINITY);
                        let minus_inf = self.float(F64, f64::NEG_INFINITY);
                        let no = self.ins().bconst(false);
                        let found = self.loop_nest(&[n], &[inf, minus_inf, no], &mut |this, indices, acc| {
                            let x = this.ins().array_load(flat, indices);
                            let x = this.convert(x, F64);
                            let less = this.ins().fcmp(FloatCC::LessThan, x, acc[0]);
                            let greater = this.ins().fcmp(FloatCC::GreaterThan, x, acc[1]);
                            let nan = this.ins().fcmp(FloatCC::Unordered, x, x);
                            vec![
                                this.ins().select(less, x, acc[0]),
                                this.ins().select(greater, x, acc[1]),
                                this.ins().ior(acc[2], nan),
                            ]
                        });
                        let empty = self.ins().icmp(IntCC::Equal, n, zero);
                        let zero_float = self.float(F64, 0.0);
                        let one_float = self.float(F64, 1.0);
                        let lo = self.ins().select(empty, zero_float, found[0]);
                        let hi = self.ins().select(empty, one_float, found[1]);
                        let lo_finite = self.ins().call_intrinsic(Intrinsic::Isfinite, &[lo]);
                        let hi_finite = self.ins().call_intrinsic(Intrinsic::Isfinite, &[hi]);
                        let finite = self.ins().iand(lo_finite, hi_finite);
                        let not_finite = self.ins().inot(finite);
                        let bad = self.ins().ior(not_finite, found[2]);
                        self.raise_if(
                            bad,
                            ExceptionKind::ValueError,
                            "autodetected range of [nan, nan] is not finite",
                        );
                        (lo, hi)
                    }
                };
                let same = self.ins().fcmp(FloatCC::Equal, first, last);
                let half = self.float(F64, 0.5);
                let lowered = self.ins().fsub(first, half);
                let raised = self.ins().fadd(last, half);
                let first = self.ins().select(same, lowered, first);
                let last = self.ins().select(same, raised, last);
                let first = self.convert(first, edge_dtype);
                let last = self.convert(last, edge_dtype);
                // np.linspace(first, last, nbins + 1): first + i * step, the last exact.
                let len = self.ins().iadd(nbins, one);
                let edges = self.ins().array_alloc(edge_dtype, false, &[len]);
                self.own(edges);
                let span = self.ins().fsub(last, first);
                let divisions = self.convert(nbins, edge_dtype);
                let step = self.ins().fdiv(span, divisions);
                self.loop_nest(&[len], &[], &mut |this, indices, _| {
                    let i = this.convert(indices[0], edge_dtype);
                    let offset = this.ins().fmul(i, step);
                    let value = this.ins().fadd(first, offset);
                    let is_last = this.ins().icmp(IntCC::Equal, indices[0], nbins);
                    let value = this.ins().select(is_last, last, value);
                    this.ins().array_store(edges, indices, value);
                    Vec::new()
                });
                (edges, nbins, Some((first, last)))
            }
        };
        let counts = self.ins().array_alloc(INT, true, &[nbins]);
        self.own(counts);
        let edges_len = self.ins().iadd(nbins, one);
        let edge_dtype_of = edge_dtype;
        self.loop_nest(&[n], &[], &mut |this, indices, _| {
            let x = this.ins().array_load(flat, indices);
            let (bin, inside) = match uniform {
                Some((first, last)) => {
                    let work = edge_dtype_of;
                    let x = this.convert(x, work);
                    let low_ok = this.ins().fcmp(FloatCC::GreaterThanOrEqual, x, first);
                    let high_ok = this.ins().fcmp(FloatCC::LessThanOrEqual, x, last);
                    let inside = this.ins().iand(low_ok, high_ok);
                    // NumPy: ((x - first) / (last - first)) * nbins, then corrected by
                    // the edges on either side.
                    let span = this.ins().fsub(last, first);
                    let from_first = this.ins().fsub(x, first);
                    let scaled = this.ins().fdiv(from_first, span);
                    let bins = this.convert(nbins, work);
                    let position = this.ins().fmul(scaled, bins);
                    let zero_float = this.float(work, 0.0);
                    let position = this.ins().select(inside, position, zero_float);
                    let index = this.convert(position, INT);
                    let one = this.scalar(INT, 1);
                    let zero = this.scalar(INT, 0);
                    let top = this.ins().isub(nbins, one);
                    let index = this.lib_min_int(index, top);
                    let index = this.lib_max_int(index, zero);
                    let edge = this.ins().array_load(edges, &[index]);
                    let below = this.ins().fcmp(FloatCC::LessThan, x, edge);
                    let lowered = this.ins().isub(index, one);
                    let index = this.ins().select(below, lowered, index);
                    let index = this.lib_max_int(index, zero);
                    let next = this.ins().iadd(index, one);
                    let next_edge = this.ins().array_load(edges, &[next]);
                    let at_or_above = this.ins().fcmp(FloatCC::GreaterThanOrEqual, x, next_edge);
                    let not_last = this.ins().icmp(IntCC::NotEqual, index, top);
                    let raise = this.ins().iand(at_or_above, not_last);
                    let raised = this.ins().iadd(index, one);
                    (this.ins().select(raise, raised, index), inside)
                }
                None => {
                    // The last edge <= x: bins are [e_i, e_{i+1}), the last one closed.
                    let x = this.convert(x, F64);
                    let zero = this.scalar(INT, 0);
                    let one = this.scalar(INT, 1);
                    let found = this.lib_partition_point(edges_len, &mut |this, mid| {
                        let edge = this.ins().array_load(edges, &[mid]);
                        let edge = this.convert(edge, F64);
                        this.ins().fcmp(FloatCC::LessThanOrEqual, edge, x)
                    });
                    let index = this.ins().isub(found, one);
                    let last_index = this.ins().isub(edges_len, one);
                    let last_index = this.lib_max_int(last_index, zero);
                    let last_edge = this.ins().array_load(edges, &[last_index]);
                    let last_edge = this.convert(last_edge, F64);
                    let on_last = this.ins().fcmp(FloatCC::Equal, x, last_edge);
                    let top = this.ins().isub(nbins, one);
                    let index = this.ins().select(on_last, top, index);
                    let non_negative = this.ins().icmp(IntCC::GreaterThanOrEqual, index, zero);
                    let below_top = this.ins().icmp(IntCC::LessThan, index, nbins);
                    let inside = this.ins().iand(non_negative, below_top);
                    let index = this.ins().select(inside, index, zero);
                    (index, inside)
                }
            };
            let old = this.ins().array_load(counts, &[bin]);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(inside, one, zero);
            let new = this.ins().iadd(old, step);
            // An element outside every bin adds 0 to bin 0, which exists when there are
            // bins; without bins nothing is counted.
            let has_bins = this.ins().icmp(IntCC::GreaterThan, nbins, zero);
            let blocks = (this.new_block(), this.new_block());
            this.brif(has_bins, blocks.0, blocks.1);
            if this.enter(blocks.0) {
                this.ins().array_store(counts, &[bin], new);
                this.jump(blocks.1, &[]);
            }
            this.enter(blocks.1);
            Vec::new()
        });
        Some(self.ins().tuple_make(&[counts, edges]))
    }

    /// The flattened elements of `parts`, one after the other, converted to `dtype` and
    /// sorted (NumPy's order), in a new 1-d array with room for one more element.
    fn mo_sorted_concat(&mut self, parts: &[(Value, ArrayType)], dtype: ScalarType) -> (Value, Value) {
        let mut flats = Vec::new();
        let mut total = self.scalar(INT, 0);
        for (array, ty) in parts {
            let (flat, len) = self.lib_flat_elements(*array, ty);
            total = self.ins().iadd(total, len);
            flats.push((flat, len));
        }
        let one = self.scalar(INT, 1);
        let room = self.ins().iadd(total, one);
        let buffer = self.ins().array_alloc(dtype, false, &[room]);
        self.own(buffer);
        let mut start = self.scalar(INT, 0);
        for (flat, len) in flats {
            let first = start;
            self.loop_nest(&[len], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(flat, indices);
                let element = this.convert(element, dtype);
                let at = this.ins().iadd(first, indices[0]);
                this.ins().array_store(buffer, &[at], element);
                Vec::new()
            });
            start = self.ins().iadd(start, len);
        }
        let scratch = self.ins().array_alloc(dtype, false, &[room]);
        self.own(scratch);
        self.lib_merge_sort(buffer, scratch, total, dtype, None);
        (buffer, total)
    }

    /// Whether two elements are equal (`equal_nan`: NaNs equal each other).
    fn mo_equal(&mut self, a: Value, b: Value, dtype: ScalarType, equal_nan: bool) -> Value {
        if dtype.is_complex() {
            let (ar, ai) = (self.ins().creal(a), self.ins().cimag(a));
            let (br, bi) = (self.ins().creal(b), self.ins().cimag(b));
            let re = self.ins().fcmp(FloatCC::Equal, ar, br);
            let im = self.ins().fcmp(FloatCC::Equal, ai, bi);
            let equal = self.ins().iand(re, im);
            if !equal_nan {
                return equal;
            }
            let a_nan = self.lib_is_nan(a, dtype);
            let b_nan = self.lib_is_nan(b, dtype);
            let both = self.ins().iand(a_nan, b_nan);
            return self.ins().ior(equal, both);
        }
        if dtype.is_float() {
            let equal = self.ins().fcmp(FloatCC::Equal, a, b);
            if !equal_nan {
                return equal;
            }
            let a_nan = self.ins().fcmp(FloatCC::Unordered, a, a);
            let b_nan = self.ins().fcmp(FloatCC::Unordered, b, b);
            let both_nan = self.ins().iand(a_nan, b_nan);
            return self.ins().ior(equal, both_nan);
        }
        self.ins().icmp(IntCC::Equal, a, b)
    }

    /// The elements of the sorted `buffer` (`n` of them, room for one more) that `keep`
    /// selects, in a new 1-d array.
    fn mo_compact(&mut self, buffer: Value, n: Value, dtype: ScalarType, keep: SetKeep) -> Value {
        let one = self.scalar(INT, 1);
        let room = self.ins().iadd(n, one);
        let out = self.ins().array_alloc(dtype, false, &[room]);
        self.own(out);
        let zero = self.scalar(INT, 0);
        let kept = self.loop_nest(&[n], &[zero], &mut |this, indices, acc| {
            let i = indices[0];
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let last = this.ins().isub(n, one);
            let previous = this.ins().isub(i, one);
            let previous = this.lib_max_int(previous, zero);
            let next = this.ins().iadd(i, one);
            let next = this.lib_min_int(next, last);
            let x = this.ins().array_load(buffer, &[i]);
            let before = this.ins().array_load(buffer, &[previous]);
            let after = this.ins().array_load(buffer, &[next]);
            let is_first = this.ins().icmp(IntCC::Equal, i, zero);
            let is_last = this.ins().icmp(IntCC::Equal, i, last);
            let take = match keep {
                SetKeep::Unique => {
                    let same = this.mo_equal(x, before, dtype, true);
                    let new = this.ins().inot(same);
                    this.ins().ior(is_first, new)
                }
                SetKeep::Repeated => {
                    let same = this.mo_equal(x, after, dtype, false);
                    let more = this.ins().inot(is_last);
                    this.ins().iand(more, same)
                }
                SetKeep::Single => {
                    let same_before = this.mo_equal(x, before, dtype, false);
                    let same_after = this.mo_equal(x, after, dtype, false);
                    let differs_before = this.ins().inot(same_before);
                    let differs_after = this.ins().inot(same_after);
                    let left = this.ins().ior(is_first, differs_before);
                    let right = this.ins().ior(is_last, differs_after);
                    this.ins().iand(left, right)
                }
            };
            this.ins().array_store(out, &[acc[0]], x);
            let step = this.ins().select(take, one, zero);
            vec![this.ins().iadd(acc[0], step)]
        });
        let itemsize = self.scalar(INT, i64::from(dtype.size_bytes()));
        self.ins().array_view(Layout::C, out, zero, &[kept[0]], &[itemsize])
    }
}

/// Which elements of a sorted array a set function keeps.
#[derive(Clone, Copy)]
enum SetKeep {
    /// The first of each run of equal elements (NaNs equal) — `np.unique`.
    Unique,
    /// Elements equal to the next one — `np.intersect1d` of two unique arrays.
    Repeated,
    /// Elements equal to neither neighbour — `np.setxor1d` of two unique arrays.
    Single,
}
