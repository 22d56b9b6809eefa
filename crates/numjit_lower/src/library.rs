//! Lowering of the NumPy library functions of `numjit_sema::templates::library`
//! (`np.where`, `np.cumsum`, `np.sort`, ...), as functions and as array methods.
//!
//! Everything is structured loops over the arrays (no runtime calls):
//!
//! - `np.where` and `np.clip` broadcast their operands (NumPy's ValueError for shapes that
//!   do not broadcast) and compute each element into a new C array; `clip` follows NumPy's
//!   `_NPY_MAX`/`_NPY_MIN` (a NaN operand propagates, a bound that is NaN gives NaN).
//! - `cumsum`/`cumprod` walk the elements in C order (or the lines along `axis`) carrying
//!   the running total in NumPy's sum dtype.
//! - `diff` copies each line along the last axis into a scratch line and differences it
//!   `n` times in place (`n` larger than the axis gives an empty axis, negative `n` is
//!   NumPy's ValueError).
//! - The NaN-ignoring reductions skip NaN elements (integers reduce as usual); `nanmin`/
//!   `nanmax` of only NaNs are NaN (NumPy warns), of nothing NumPy's ValueError.
//! - Sorting is a bottom-up merge sort (O(n log n), stable) through a scratch line, with
//!   NumPy's order: NaNs last, complex numbers lexicographically (NaNs last again).
//!   `np.sort` sorts a C copy, `a.sort()` the array itself, `np.argsort` an index line per
//!   line of keys; `np.median` sorts a copy and takes the middle (NaN if a NaN is present,
//!   NaN for nothing).
//! - `np.outer` multiplies the flattened operands with NumPy's `multiply` semantics,
//!   `np.trace` sums a diagonal in the sum dtype.
//!
//! Arrays allocated here are owned by the statement (`own`); views borrow.

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, Value};
use numjit_sema::hir::{Expr, ExprId, KeywordArg};
use numjit_sema::templates::library::{LibraryFn, bind, sorts_flattened};
use numjit_sema::templates::ufunc::{Ufunc, select_loop};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::elementwise::Tree;
use crate::function::{Lowerer, Operand};

mod extra;
mod more;

const INT: ScalarType = ScalarType::Int64;

/// An operand of an element-wise library function: a broadcast view or a scalar, its
/// dtype, and whether it is an array.
type Source = (Value, ScalarType, bool);

/// The evaluated arguments of a library call, by NumPy parameter.
struct Bound {
    params: &'static [&'static str],
    /// Each parameter's argument expression and value; `None` when absent or `None`.
    slots: Vec<Option<(ExprId, Value, Type)>>,
    /// Parameters given as `None` explicitly.
    nones: Vec<bool>,
}

impl Bound {
    fn get(&self, name: &str) -> Option<(Value, Type)> {
        let at = self.params.iter().position(|param| *param == name)?;
        self.slots[at].as_ref().map(|(_, value, ty)| (*value, ty.clone()))
    }

    fn is_none(&self, name: &str) -> bool {
        self.params.iter().position(|param| *param == name).is_some_and(|at| self.nones[at])
    }
}

/// The lines of an array along one axis: the line's extent and stride, and the other
/// axes' extents and strides in order.
struct Lines {
    len: Value,
    stride: Value,
    other_dims: Vec<Value>,
    other_strides: Vec<Value>,
}

impl<'a> Lowerer<'a> {
    /// `np.NAME(...)` for a library function (sema checked the arguments).
    pub(crate) fn call_library(
        &mut self,
        expr: ExprId,
        function: LibraryFn,
        positional: &[ExprId],
        keywords: &[KeywordArg],
        operands: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let exprs: Vec<ExprId> =
            positional.iter().copied().chain(keywords.iter().map(|keyword| keyword.value)).collect();
        let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
        let Some(bound) = self.bind_library_args(function, false, positional.len(), &names, &exprs, operands)
        else {
            self.unsupported(&format!("numpy.{}() with these arguments", function.name()), range);
            return Operand::Static;
        };
        self.lower_library_call(expr, function, None, &bound)
    }

    /// `a.NAME(...)` for a library method; `None` when `method` is not one.
    pub(crate) fn library_method(
        &mut self,
        expr: ExprId,
        array: Value,
        array_type: &ArrayType,
        method: &str,
        arg_exprs: &[ExprId],
        args: &[Operand],
    ) -> Option<Operand> {
        let function = LibraryFn::from_method(method)?;
        let range = self.body.exprs[expr].range;
        let keywords: Vec<KeywordArg> = match &self.body.exprs[expr].kind {
            Expr::MethodCall { keywords, .. } => keywords.clone(),
            _ => Vec::new(),
        };
        let exprs: Vec<ExprId> =
            arg_exprs.iter().copied().chain(keywords.iter().map(|keyword| keyword.value)).collect();
        let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
        let Some(bound) = self.bind_library_args(function, true, arg_exprs.len(), &names, &exprs, args)
        else {
            self.unsupported(&format!("the array method {method}() with these arguments"), range);
            return Some(Operand::Static);
        };
        Some(self.lower_library_call(expr, function, Some((array, *array_type)), &bound))
    }

    fn bind_library_args(
        &mut self,
        function: LibraryFn,
        method: bool,
        n_positional: usize,
        names: &[&str],
        exprs: &[ExprId],
        operands: &[Operand],
    ) -> Option<Bound> {
        let params = function.params(method);
        let order = bind(function, method, n_positional, names).ok()?;
        let mut slots = vec![None; params.len()];
        let mut nones = vec![false; params.len()];
        for ((&expr, &operand), param) in exprs.iter().zip(operands).zip(order) {
            let ty = self.expr_value_type(expr)?.clone();
            if ty == Type::NoneType && function != LibraryFn::Where {
                nones[param] = true;
                continue;
            }
            let value = self.value_of(operand, expr);
            slots[param] = Some((expr, value, ty));
        }
        Some(Bound { params, slots, nones })
    }

    fn lower_library_call(
        &mut self,
        expr: ExprId,
        function: LibraryFn,
        this: Option<(Value, ArrayType)>,
        args: &Bound,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let result_type = self.expr_value_type(expr).cloned();
        let array = this.or_else(|| match args.get("a") {
            Some((value, Type::Array(ty))) => Some((value, ty)),
            _ => None,
        });
        let result = match (function, array) {
            (LibraryFn::Where, _) => self.library_where(args, result_type.as_ref()),
            (LibraryFn::Clip, Some((array, ty))) => {
                let method = this.is_some();
                let (lo, hi) = if method { ("min", "max") } else { ("a_min", "a_max") };
                self.library_clip(array, &ty, args.get(lo), args.get(hi), result_type.as_ref())
            }
            (
                LibraryFn::Cumsum | LibraryFn::Cumprod | LibraryFn::Nancumsum | LibraryFn::Nancumprod,
                Some((array, ty)),
            ) => {
                let product = matches!(function, LibraryFn::Cumprod | LibraryFn::Nancumprod);
                let skip_nan = matches!(function, LibraryFn::Nancumsum | LibraryFn::Nancumprod);
                self.library_cumulative(product, skip_nan, array, &ty, args.get("axis"), result_type.as_ref())
            }
            (LibraryFn::Diff, Some((array, ty))) => self.library_diff(array, &ty, args.get("n")),
            (
                LibraryFn::Nansum
                | LibraryFn::Nanprod
                | LibraryFn::Nanmean
                | LibraryFn::Nanmin
                | LibraryFn::Nanmax
                | LibraryFn::Median
                | LibraryFn::Nanmedian,
                Some((array, ty)),
            ) => self.library_nan_reduction(function, array, &ty, args.get("axis"), result_type.as_ref()),
            (LibraryFn::Sort | LibraryFn::Argsort, Some((array, ty))) => {
                let method = this.is_some();
                let flattened = sorts_flattened(function, method, args.is_none("axis")).unwrap_or(false);
                self.library_sort(function, method, array, &ty, args.get("axis"), flattened)
            }
            (LibraryFn::Outer, _) => match (args.get("a"), args.get("b"), &result_type) {
                (Some((a, Type::Array(a_ty))), Some((b, Type::Array(b_ty))), Some(Type::Array(out))) => {
                    self.library_outer(a, &a_ty, b, &b_ty, out)
                }
                _ => None,
            },
            (LibraryFn::Trace, Some((array, ty))) => match &result_type {
                Some(Type::Scalar(dtype)) => self.library_trace(array, &ty, args.get("offset"), *dtype),
                _ => None,
            },
            _ => match self.library_more(expr, function, args, result_type.as_ref()) {
                Some(value) => Some(value),
                None => self.library_extra(expr, function, this, args, result_type.as_ref()),
            },
        };
        match result {
            Some(value) => Operand::Value(value),
            None => {
                if self.cur.is_some() {
                    self.unsupported(&format!("numpy.{}() with these arguments", function.name()), range);
                }
                Operand::Static
            }
        }
    }

    // ----- helpers --------------------------------------------------------------------------

    fn lib_extents(&mut self, array: Value, ndim: u8) -> Vec<Value> {
        (0..ndim).map(|axis| self.ins().array_dim(array, u32::from(axis))).collect()
    }

    fn lib_byte_strides(&mut self, array: Value, ndim: u8) -> Vec<Value> {
        (0..ndim).map(|axis| self.ins().array_stride(array, u32::from(axis))).collect()
    }

    fn lib_product(&mut self, dims: &[Value]) -> Value {
        let mut size = self.scalar(INT, 1);
        for &dim in dims {
            size = self.ins().imul(size, dim);
        }
        size
    }

    fn lib_min_int(&mut self, a: Value, b: Value) -> Value {
        let less = self.ins().icmp(IntCC::LessThan, a, b);
        self.ins().select(less, a, b)
    }

    fn lib_max_int(&mut self, a: Value, b: Value) -> Value {
        let greater = self.ins().icmp(IntCC::GreaterThan, a, b);
        self.ins().select(greater, a, b)
    }

    /// `Σ index_k * stride_k`.
    fn lib_byte_offset(&mut self, indices: &[Value], strides: &[Value]) -> Value {
        let mut offset = self.scalar(INT, 0);
        for (&index, &stride) in indices.iter().zip(strides) {
            let term = self.ins().imul(index, stride);
            offset = self.ins().iadd(offset, term);
        }
        offset
    }

    /// A 1-d view of `len` elements `stride` bytes apart, `offset` bytes into `array`.
    fn lib_line(&mut self, array: Value, offset: Value, len: Value, stride: Value) -> Value {
        self.ins().array_view(Layout::A, array, offset, &[len], &[stride])
    }

    /// A new 1-d array (owned by the statement) with every element of `array` in C order.
    fn lib_flat_copy(&mut self, array: Value, ty: &ArrayType, zeroed_min_one: bool) -> (Value, Value) {
        let dims = self.lib_extents(array, ty.ndim);
        let size = self.lib_product(&dims);
        let len = if zeroed_min_one {
            let one = self.scalar(INT, 1);
            self.lib_max_int(size, one)
        } else {
            size
        };
        let out = self.ins().array_alloc(ty.dtype, zeroed_min_one, &[len]);
        self.own(out);
        let tree = Tree::of_array(array, *ty);
        let zero = self.scalar(INT, 0);
        self.reduce_tree(&tree, &dims, &[zero], &mut |this, element, carried| {
            this.ins().array_store(out, &[carried[0]], element);
            let one = this.scalar(INT, 1);
            vec![this.ins().iadd(carried[0], one)]
        });
        (out, size)
    }

    /// A 1-d array of the elements of `array` in C order: the array itself when it is 1-d
    /// or C-contiguous (a view), else a copy owned by the statement.
    fn lib_flat_elements(&mut self, array: Value, ty: &ArrayType) -> (Value, Value) {
        if ty.ndim == 1 {
            let len = self.ins().array_dim(array, 0);
            return (array, len);
        }
        if ty.layout == Layout::C || ty.ndim == 0 {
            let dims = self.lib_extents(array, ty.ndim);
            let size = self.lib_product(&dims);
            let zero = self.scalar(INT, 0);
            let itemsize = self.scalar(INT, i64::from(ty.dtype.size_bytes()));
            let view = self.ins().array_view(Layout::C, array, zero, &[size], &[itemsize]);
            return (view, size);
        }
        self.lib_flat_copy(array, ty, false)
    }

    /// The lines of `array` (`ndim >= 1`) along the normal axis `axis`.
    fn lib_lines(&mut self, array: Value, ndim: u8, axis: Value) -> Lines {
        let dims = self.lib_extents(array, ndim);
        let strides = self.lib_byte_strides(array, ndim);
        let (Some(&first_dim), Some(&first_stride)) = (dims.first(), strides.first()) else {
            // A 0-d array (sema refuses axes there): its one element as a line.
            let one = self.scalar(INT, 1);
            let zero = self.scalar(INT, 0);
            return Lines { len: one, stride: zero, other_dims: Vec::new(), other_strides: Vec::new() };
        };
        let mut len = first_dim;
        let mut stride = first_stride;
        for k in 1..usize::from(ndim) {
            let here = self.scalar(INT, k as i64);
            let is_here = self.ins().icmp(IntCC::Equal, axis, here);
            len = self.ins().select(is_here, dims[k], len);
            stride = self.ins().select(is_here, strides[k], stride);
        }
        let mut other_dims = Vec::new();
        let mut other_strides = Vec::new();
        for j in 0..usize::from(ndim).saturating_sub(1) {
            let here = self.scalar(INT, j as i64);
            let before = self.ins().icmp(IntCC::LessThan, here, axis);
            other_dims.push(self.ins().select(before, dims[j], dims[j + 1]));
            other_strides.push(self.ins().select(before, strides[j], strides[j + 1]));
        }
        Lines { len, stride, other_dims, other_strides }
    }

    /// The broadcast shape (`ndim` axes) of the arrays `(value, rank)`; NumPy's
    /// ValueError when two extents differ and neither is 1.
    fn lib_broadcast_extents(&mut self, arrays: &[(Value, u8)], ndim: u8) -> Vec<Value> {
        let arrays: Vec<(Value, ArrayType)> = arrays
            .iter()
            .map(|(value, rank)| (*value, ArrayType::new(ScalarType::Float64, *rank, Layout::A)))
            .collect();
        self.broadcast_arrays(&arrays, ndim)
    }

    /// `array` (of rank `rank`) as a view of the broadcast shape `dims` (stride 0 along
    /// stretched and missing axes).
    fn lib_broadcast_to(&mut self, array: Value, rank: u8, dims: &[Value]) -> Value {
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let ndim = dims.len();
        let rank = usize::from(rank);
        let mut strides = Vec::with_capacity(ndim);
        for axis in 0..ndim {
            let Some(own_axis) = (axis + rank).checked_sub(ndim) else {
                strides.push(zero);
                continue;
            };
            let dim = self.ins().array_dim(array, own_axis as u32);
            let stride = self.ins().array_stride(array, own_axis as u32);
            let stretched = self.ins().icmp(IntCC::Equal, dim, one);
            strides.push(self.ins().select(stretched, zero, stride));
        }
        self.ins().array_view(Layout::A, array, zero, dims, &strides)
    }

    /// Operands of an element-wise library function: arrays as broadcast views of `dims`,
    /// scalars as they are; each with its dtype and whether it is an array.
    fn lib_broadcast_operands(
        &mut self,
        operands: &[(Value, Type)],
        ndim: u8,
    ) -> Option<(Vec<Value>, Vec<Source>)> {
        let arrays: Vec<(Value, u8)> = operands
            .iter()
            .filter_map(|(value, ty)| match ty {
                Type::Array(array) => Some((*value, array.ndim)),
                _ => None,
            })
            .collect();
        let dims = self.lib_broadcast_extents(&arrays, ndim);
        let mut sources = Vec::with_capacity(operands.len());
        for (value, ty) in operands {
            sources.push(match ty {
                Type::Array(array) => (self.lib_broadcast_to(*value, array.ndim, &dims), array.dtype, true),
                Type::Scalar(scalar) => (*value, *scalar, false),
                _ => return None,
            });
        }
        Some((dims, sources))
    }

    fn lib_element(&mut self, source: Source, indices: &[Value]) -> Value {
        let (value, _, is_array) = source;
        if is_array { self.ins().array_load(value, indices) } else { value }
    }

    fn lib_is_nan(&mut self, value: Value, dtype: ScalarType) -> Value {
        if dtype.is_float() || dtype.is_complex() {
            self.ins().call_intrinsic(Intrinsic::Isnan, &[value])
        } else {
            self.ins().bconst(false)
        }
    }

    /// NaN of a float or complex type (`nan+nanj` when `both`, else `nan+0j`).
    fn lib_nan_of(&mut self, dtype: ScalarType, both: bool) -> Value {
        if dtype.is_complex() {
            self.ins().cconst(dtype, f64::NAN, if both { f64::NAN } else { 0.0 })
        } else {
            self.float(dtype, f64::NAN)
        }
    }

    /// `total / count` for a float or complex `total` and an `int64` count.
    fn lib_divide_count(&mut self, total: Value, count: Value, dtype: ScalarType) -> Value {
        let n = self.convert(count, dtype.real_part());
        self.divide_by(total, n, dtype)
    }

    /// A binary search: the first position in `0..n` where `go_right(position)` is false,
    /// for a predicate that holds on a prefix of the positions (`n` if it holds on all).
    /// 64 halvings (none when `n` is 0); `go_right` only sees positions in `0..n`.
    pub(crate) fn lib_partition_point(
        &mut self,
        n: Value,
        go_right: &mut dyn FnMut(&mut Self, Value) -> Value,
    ) -> Value {
        let zero = self.scalar(INT, 0);
        let sixty_four = self.scalar(INT, 64);
        let has_items = self.ins().icmp(IntCC::GreaterThan, n, zero);
        let steps = self.ins().select(has_items, sixty_four, zero);
        let found = self.loop_nest(&[steps], &[zero, n], &mut |this, _, acc| {
            let (lo, hi) = (acc[0], acc[1]);
            let open = this.ins().icmp(IntCC::LessThan, lo, hi);
            let sum = this.ins().iadd(lo, hi);
            let two = this.scalar(INT, 2);
            let mid = this.ins().idiv(sum, two);
            let one = this.scalar(INT, 1);
            let last = this.ins().isub(n, one);
            let mid = this.lib_min_int(mid, last);
            let right = go_right(this, mid);
            let next_lo = this.ins().iadd(mid, one);
            let new_lo = this.ins().select(right, next_lo, lo);
            let new_hi = this.ins().select(right, hi, mid);
            vec![this.ins().select(open, new_lo, lo), this.ins().select(open, new_hi, hi)]
        });
        found[0]
    }

    /// Whether `a` sorts before `b` in NumPy's order (NaNs last; complex numbers
    /// lexicographically with NaNs last).
    fn lib_sorts_before(&mut self, a: Value, b: Value, dtype: ScalarType) -> Value {
        if dtype.is_float() {
            let less = self.ins().fcmp(FloatCC::LessThan, a, b);
            let a_nan = self.ins().fcmp(FloatCC::Unordered, a, a);
            let b_nan = self.ins().fcmp(FloatCC::Unordered, b, b);
            let a_number = self.ins().inot(a_nan);
            let nan_after = self.ins().iand(b_nan, a_number);
            return self.ins().ior(less, nan_after);
        }
        if dtype.is_complex() {
            // NumPy's CLT (npysort_common.h).
            let (ar, ai) = (self.ins().creal(a), self.ins().cimag(a));
            let (br, bi) = (self.ins().creal(b), self.ins().cimag(b));
            let ar_nan = self.ins().fcmp(FloatCC::Unordered, ar, ar);
            let br_nan = self.ins().fcmp(FloatCC::Unordered, br, br);
            let ai_nan = self.ins().fcmp(FloatCC::Unordered, ai, ai);
            let bi_nan = self.ins().fcmp(FloatCC::Unordered, bi, bi);
            let ai_number = self.ins().inot(ai_nan);
            let real_less = self.ins().fcmp(FloatCC::LessThan, ar, br);
            let real_greater = self.ins().fcmp(FloatCC::GreaterThan, ar, br);
            let real_equal = self.ins().fcmp(FloatCC::Equal, ar, br);
            let both_nan = self.ins().iand(ar_nan, br_nan);
            let real_tie = self.ins().ior(real_equal, both_nan);
            let when_less = self.ins().ior(ai_number, bi_nan);
            let when_greater = self.ins().iand(bi_nan, ai_number);
            let imag_less = self.ins().fcmp(FloatCC::LessThan, ai, bi);
            let when_tie = self.ins().ior(imag_less, when_greater);
            let result = self.ins().select(real_tie, when_tie, br_nan);
            let result = self.ins().select(real_greater, when_greater, result);
            return self.ins().select(real_less, when_less, result);
        }
        self.ins().icmp(IntCC::LessThan, a, b)
    }

    // ----- sorting --------------------------------------------------------------------------

    /// Sorts the 1-d array `data` (`n` elements) in place: a bottom-up merge sort through
    /// `scratch` (at least `n` elements of `data`'s dtype). With `keys`, `data` holds
    /// `int64` positions in the 1-d array `keys` and sorts by the keys there (argsort).
    fn lib_merge_sort(
        &mut self,
        data: Value,
        scratch: Value,
        n: Value,
        dtype: ScalarType,
        keys: Option<Value>,
    ) {
        let zero = self.scalar(INT, 0);
        let steps = self.scalar(INT, 62);
        // The number of passes: how many widths 1, 2, 4, ... are below n.
        let passes = self.loop_nest(&[steps], &[zero], &mut |this, indices, carried| {
            let one = this.scalar(INT, 1);
            let width = this.ins().ishl(one, indices[0]);
            let below = this.ins().icmp(IntCC::LessThan, width, n);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(below, one, zero);
            vec![this.ins().iadd(carried[0], step)]
        });
        let one = self.scalar(INT, 1);
        let two = self.scalar(INT, 2);
        let rounded = self.ins().iadd(passes[0], one);
        let rounds = self.ins().idiv(rounded, two);
        // Two passes per round, data -> scratch -> data; a last pass whose width covers
        // everything is a copy back.
        self.loop_nest(&[rounds], &[], &mut |this, indices, _| {
            let one = this.scalar(INT, 1);
            let two = this.scalar(INT, 2);
            let shift = this.ins().imul(indices[0], two);
            let width = this.ins().ishl(one, shift);
            this.lib_merge_pass(data, scratch, n, width, dtype, keys);
            let double = this.ins().imul(width, two);
            this.lib_merge_pass(scratch, data, n, double, dtype, keys);
            Vec::new()
        });
    }

    /// One pass of the merge sort: merges the sorted runs of `width` elements of `src`
    /// pairwise into `dst`.
    fn lib_merge_pass(
        &mut self,
        src: Value,
        dst: Value,
        n: Value,
        width: Value,
        dtype: ScalarType,
        keys: Option<Value>,
    ) {
        let one = self.scalar(INT, 1);
        let two = self.scalar(INT, 2);
        let span = self.ins().imul(width, two);
        let rounded = self.ins().iadd(n, span);
        let rounded = self.ins().isub(rounded, one);
        let chunks = self.ins().idiv(rounded, span);
        self.loop_nest(&[chunks], &[], &mut |this, indices, _| {
            let lo = this.ins().imul(indices[0], span);
            let mid = this.ins().iadd(lo, width);
            let mid = this.lib_min_int(mid, n);
            let hi = this.ins().iadd(lo, span);
            let hi = this.lib_min_int(hi, n);
            let count = this.ins().isub(hi, lo);
            let one = this.scalar(INT, 1);
            let last = this.ins().isub(hi, one);
            this.loop_nest(&[count], &[lo, mid], &mut |this, indices, carried| {
                let (i, j) = (carried[0], carried[1]);
                let k = this.ins().iadd(lo, indices[0]);
                let i_at = this.lib_min_int(i, last);
                let j_at = this.lib_min_int(j, last);
                let x = this.ins().array_load(src, &[i_at]);
                let y = this.ins().array_load(src, &[j_at]);
                let (x_key, y_key) = match keys {
                    Some(keys) => (this.ins().array_load(keys, &[x]), this.ins().array_load(keys, &[y])),
                    None => (x, y),
                };
                let right_first = this.lib_sorts_before(y_key, x_key, dtype);
                let left_done = this.ins().icmp(IntCC::GreaterThanOrEqual, i, mid);
                let right_left = this.ins().icmp(IntCC::LessThan, j, hi);
                let either = this.ins().ior(left_done, right_first);
                let take_right = this.ins().iand(right_left, either);
                let value = this.ins().select(take_right, y, x);
                this.ins().array_store(dst, &[k], value);
                let one = this.scalar(INT, 1);
                let zero = this.scalar(INT, 0);
                let j_step = this.ins().select(take_right, one, zero);
                let i_step = this.ins().select(take_right, zero, one);
                let i = this.ins().iadd(i, i_step);
                let j = this.ins().iadd(j, j_step);
                vec![i, j]
            });
            Vec::new()
        });
    }

    /// Sorts every line of `array` along `axis` in place (argsort: `keys` holds the keys
    /// whose lines `array`'s int64 lines index, both of the same shape).
    fn lib_sort_lines(
        &mut self,
        array: Value,
        ndim: u8,
        axis: Value,
        dtype: ScalarType,
        keys: Option<Value>,
    ) {
        let lines = self.lib_lines(array, ndim, axis);
        let key_lines = keys.map(|keys| self.lib_lines(keys, ndim, axis));
        let scratch_dtype = if keys.is_some() { INT } else { dtype };
        let scratch = self.ins().array_alloc(scratch_dtype, false, &[lines.len]);
        self.own(scratch);
        let len = lines.len;
        self.loop_nest(&lines.other_dims, &[], &mut |this, indices, _| {
            let offset = this.lib_byte_offset(indices, &lines.other_strides);
            let line = this.lib_line(array, offset, len, lines.stride);
            let key_line = match (&key_lines, keys) {
                (Some(key_lines), Some(keys)) => {
                    let offset = this.lib_byte_offset(indices, &key_lines.other_strides);
                    let key_line = this.lib_line(keys, offset, len, key_lines.stride);
                    this.loop_nest(&[len], &[], &mut |this, indices, _| {
                        this.ins().array_store(line, indices, indices[0]);
                        Vec::new()
                    });
                    Some(key_line)
                }
                _ => None,
            };
            this.lib_merge_sort(line, scratch, len, dtype, key_line);
            Vec::new()
        });
    }

    /// `np.sort`, `a.sort()`, `np.argsort`, `a.argsort()`.
    fn library_sort(
        &mut self,
        function: LibraryFn,
        method: bool,
        array: Value,
        ty: &ArrayType,
        axis: Option<(Value, Type)>,
        flattened: bool,
    ) -> Option<Value> {
        let argsort = function == LibraryFn::Argsort;
        let (source, source_type) = if flattened {
            let (flat, _) = self.lib_flat_copy(array, ty, false);
            (flat, ArrayType::new(ty.dtype, 1, Layout::C))
        } else {
            (array, *ty)
        };
        let ndim = source_type.ndim;
        let axis = match axis {
            Some((value, _)) if !flattened => self.normal_axis(value, ndim),
            _ => self.scalar(INT, i64::from(ndim) - 1),
        };
        if argsort {
            let dims = self.lib_extents(source, ndim);
            let out = self.ins().array_alloc(INT, false, &dims);
            self.own(out);
            self.lib_sort_lines(out, ndim, axis, ty.dtype, Some(source));
            return Some(out);
        }
        if method {
            self.lib_sort_lines(array, ndim, axis, ty.dtype, None);
            return Some(self.ins().noneconst());
        }
        let out = if flattened {
            source
        } else {
            let copy = self.copy_array(source, &source_type);
            self.own(copy);
            copy
        };
        self.lib_sort_lines(out, ndim, axis, ty.dtype, None);
        Some(out)
    }

    // ----- element-wise selections ----------------------------------------------------------

    /// `np.where(condition, x, y)`.
    fn library_where(&mut self, args: &Bound, result_type: Option<&Type>) -> Option<Value> {
        if args.get("x").is_none()
            && let Some((condition, Type::Array(condition_type))) = args.get("condition")
        {
            return Some(self.nonzero_positions(condition, &condition_type));
        }
        let Some(Type::Array(out_type)) = result_type else { return None };
        let operands = [args.get("condition")?, args.get("x")?, args.get("y")?];
        let (dims, sources) = self.lib_broadcast_operands(&operands, out_type.ndim)?;
        self.cur?;
        let dtype = out_type.dtype;
        let out = self.ins().array_alloc(dtype, false, &dims);
        self.own(out);
        self.loop_nest(&dims, &[], &mut |this, indices, _| {
            let condition = this.lib_element(sources[0], indices);
            let truth = this.truth(condition, &Type::Scalar(sources[0].1));
            let x = this.lib_element(sources[1], indices);
            let x = this.convert(x, dtype);
            let y = this.lib_element(sources[2], indices);
            let y = this.convert(y, dtype);
            let value = this.ins().select(truth, x, y);
            this.ins().array_store(out, indices, value);
            Vec::new()
        });
        Some(out)
    }

    /// `np.clip(a, lo, hi)`, `a.clip(lo, hi)` (either bound may be absent).
    fn library_clip(
        &mut self,
        array: Value,
        ty: &ArrayType,
        lo: Option<(Value, Type)>,
        hi: Option<(Value, Type)>,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let Some(Type::Array(out_type)) = result_type else { return None };
        let mut operands = vec![(array, Type::Array(*ty))];
        operands.extend(lo.clone());
        operands.extend(hi.clone());
        let (dims, sources) = self.lib_broadcast_operands(&operands, out_type.ndim)?;
        self.cur?;
        let dtype = out_type.dtype;
        let out = self.ins().array_alloc(dtype, false, &dims);
        self.own(out);
        let lo_source = lo.as_ref().map(|_| sources[1]);
        let hi_source = hi.as_ref().map(|_| sources[sources.len() - 1]);
        self.loop_nest(&dims, &[], &mut |this, indices, _| {
            let x = this.lib_element(sources[0], indices);
            let mut value = this.convert(x, dtype);
            // NumPy's _NPY_MAX(x, lo) then _NPY_MIN(., hi): a NaN first operand stays, a
            // comparison with a NaN bound picks the bound.
            for (source, greater) in [(lo_source, true), (hi_source, false)] {
                let Some(source) = source else { continue };
                let bound = this.lib_element(source, indices);
                let bound = this.convert(bound, dtype);
                let keep = if dtype.is_float() {
                    let cc = if greater { FloatCC::GreaterThan } else { FloatCC::LessThan };
                    let beats = this.ins().fcmp(cc, value, bound);
                    let nan = this.ins().fcmp(FloatCC::Unordered, value, value);
                    this.ins().ior(beats, nan)
                } else {
                    let cc = if greater { IntCC::GreaterThan } else { IntCC::LessThan };
                    this.ins().icmp(cc, value, bound)
                };
                value = this.ins().select(keep, value, bound);
            }
            this.ins().array_store(out, indices, value);
            Vec::new()
        });
        Some(out)
    }

    // ----- cumulative operations and differences ---------------------------------------------

    /// `np.cumsum`/`np.cumprod` (and the methods): flattened in C order, or along `axis`.
    fn library_cumulative(
        &mut self,
        product: bool,
        skip_nan: bool,
        array: Value,
        ty: &ArrayType,
        axis: Option<(Value, Type)>,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let Some(Type::Array(out_type)) = result_type else { return None };
        let dtype = out_type.dtype;
        let init = if dtype.is_complex() {
            self.ins().cconst(dtype, if product { 1.0 } else { 0.0 }, 0.0)
        } else {
            self.scalar(dtype, i64::from(product))
        };
        let Some((axis, _)) = axis else {
            let dims = self.lib_extents(array, ty.ndim);
            let size = self.lib_product(&dims);
            let out = self.ins().array_alloc(dtype, false, &[size]);
            self.own(out);
            let tree = Tree::of_array(array, *ty);
            let zero = self.scalar(INT, 0);
            self.reduce_tree(&tree, &dims, &[init, zero], &mut |this, element, carried| {
                let nan =
                    if skip_nan { this.lib_is_nan(element, ty.dtype) } else { this.ins().bconst(false) };
                let element = this.convert(element, dtype);
                let total = this.accumulate(product, carried[0], element, dtype);
                let total = this.ins().select(nan, carried[0], total);
                this.ins().array_store(out, &[carried[1]], total);
                let one = this.scalar(INT, 1);
                vec![total, this.ins().iadd(carried[1], one)]
            });
            return Some(out);
        };
        let ndim = ty.ndim;
        let axis = self.normal_axis(axis, ndim);
        let dims = self.lib_extents(array, ndim);
        let out = self.ins().array_alloc(dtype, false, &dims);
        self.own(out);
        let lines = self.lib_lines(array, ndim, axis);
        let out_lines = self.lib_lines(out, ndim, axis);
        let len = lines.len;
        self.loop_nest(&lines.other_dims, &[], &mut |this, indices, _| {
            let offset = this.lib_byte_offset(indices, &lines.other_strides);
            let source = this.lib_line(array, offset, len, lines.stride);
            let offset = this.lib_byte_offset(indices, &out_lines.other_strides);
            let target = this.lib_line(out, offset, len, out_lines.stride);
            this.loop_nest(&[len], &[init], &mut |this, indices, carried| {
                let element = this.ins().array_load(source, indices);
                let nan =
                    if skip_nan { this.lib_is_nan(element, ty.dtype) } else { this.ins().bconst(false) };
                let element = this.convert(element, dtype);
                let total = this.accumulate(product, carried[0], element, dtype);
                let total = this.ins().select(nan, carried[0], total);
                this.ins().array_store(target, indices, total);
                vec![total]
            });
            Vec::new()
        });
        Some(out)
    }

    /// `np.diff(a, n)` along the last axis.
    fn library_diff(&mut self, array: Value, ty: &ArrayType, n: Option<(Value, Type)>) -> Option<Value> {
        let ndim = ty.ndim;
        let dtype = ty.dtype;
        let n = match n {
            Some((value, _)) => self.convert(value, INT),
            None => self.scalar(INT, 1),
        };
        let zero = self.scalar(INT, 0);
        let negative = self.ins().icmp(IntCC::LessThan, n, zero);
        self.raise_if_with(
            negative,
            ExceptionKind::ValueError,
            "order must be non-negative but got {}",
            &[n],
        );
        let last_axis = self.scalar(INT, i64::from(ndim) - 1);
        let lines = self.lib_lines(array, ndim, last_axis);
        let len = lines.len;
        let rounds = self.lib_min_int(n, len);
        let kept = self.ins().isub(len, rounds);
        let mut out_dims = self.lib_extents(array, ndim);
        if let Some(last) = out_dims.last_mut() {
            *last = kept;
        }
        let out = self.ins().array_alloc(dtype, false, &out_dims);
        self.own(out);
        let out_lines = self.lib_lines(out, ndim, last_axis);
        let scratch = self.ins().array_alloc(dtype, false, &[len]);
        self.own(scratch);
        self.loop_nest(&lines.other_dims, &[], &mut |this, indices, _| {
            let offset = this.lib_byte_offset(indices, &lines.other_strides);
            let source = this.lib_line(array, offset, len, lines.stride);
            this.loop_nest(&[len], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(source, indices);
                this.ins().array_store(scratch, indices, element);
                Vec::new()
            });
            this.loop_nest(&[rounds], &[], &mut |this, round, _| {
                let one = this.scalar(INT, 1);
                let remaining = this.ins().isub(len, round[0]);
                let count = this.ins().isub(remaining, one);
                this.loop_nest(&[count], &[], &mut |this, indices, _| {
                    let one = this.scalar(INT, 1);
                    let next = this.ins().iadd(indices[0], one);
                    let a = this.ins().array_load(scratch, indices);
                    let b = this.ins().array_load(scratch, &[next]);
                    let difference = {
                        let mut ins = this.ins();
                        if dtype == ScalarType::Bool {
                            ins.ixor(b, a)
                        } else if dtype.is_complex() {
                            ins.csub(b, a)
                        } else if dtype.is_float() {
                            ins.fsub(b, a)
                        } else {
                            ins.isub(b, a)
                        }
                    };
                    this.ins().array_store(scratch, indices, difference);
                    Vec::new()
                });
                Vec::new()
            });
            let offset = this.lib_byte_offset(indices, &out_lines.other_strides);
            let target = this.lib_line(out, offset, kept, out_lines.stride);
            this.loop_nest(&[kept], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(scratch, indices);
                this.ins().array_store(target, indices, element);
                Vec::new()
            });
            Vec::new()
        });
        Some(out)
    }

    // ----- reductions -----------------------------------------------------------------------

    /// The NaN-ignoring reductions and `np.median`, of everything or along `axis`.
    fn library_nan_reduction(
        &mut self,
        function: LibraryFn,
        array: Value,
        ty: &ArrayType,
        axis: Option<(Value, Type)>,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let result_type = result_type?.clone();
        let dtype = match &result_type {
            Type::Scalar(dtype) => *dtype,
            Type::Array(array) => array.dtype,
            _ => return None,
        };
        let source = ty.dtype;
        let Some((axis, _)) = axis else {
            let dims = self.lib_extents(array, ty.ndim);
            let count = self.lib_product(&dims);
            if matches!(function, LibraryFn::Nanmin | LibraryFn::Nanmax) {
                let zero = self.scalar(INT, 0);
                let empty = self.ins().icmp(IntCC::Equal, count, zero);
                self.raise_if(empty, ExceptionKind::ValueError, &empty_message(function, source));
            }
            if matches!(function, LibraryFn::Median | LibraryFn::Nanmedian) {
                let (buffer, n) = self.lib_flat_copy(array, ty, true);
                let scratch = self.ins().array_alloc(source, false, &[n]);
                self.own(scratch);
                self.lib_merge_sort(buffer, scratch, n, source, None);
                let n = if function == LibraryFn::Nanmedian {
                    self.lib_count_numbers(buffer, n, source)
                } else {
                    n
                };
                return Some(self.lib_median_of_sorted(buffer, n, source, dtype));
            }
            let tree = Tree::of_array(array, *ty);
            return Some(self.lib_nan_reduce(function, &tree, &dims, dtype));
        };
        let ndim = ty.ndim;
        let axis = self.normal_axis(axis, ndim);
        let lines = self.lib_lines(array, ndim, axis);
        let len = lines.len;
        if matches!(function, LibraryFn::Nanmin | LibraryFn::Nanmax) {
            let zero = self.scalar(INT, 0);
            let empty = self.ins().icmp(IntCC::Equal, len, zero);
            self.raise_if(empty, ExceptionKind::ValueError, &empty_message(function, source));
        }
        let buffers = if matches!(function, LibraryFn::Median | LibraryFn::Nanmedian) {
            let one = self.scalar(INT, 1);
            let at_least_one = self.lib_max_int(len, one);
            let buffer = self.ins().array_alloc(source, true, &[at_least_one]);
            self.own(buffer);
            let scratch = self.ins().array_alloc(source, false, &[len]);
            self.own(scratch);
            Some((buffer, scratch))
        } else {
            None
        };
        let line_type = ArrayType::new(source, 1, Layout::A);
        let reduce_line = |this: &mut Self, line: Value| -> Value {
            match buffers {
                Some((buffer, scratch)) => {
                    this.loop_nest(&[len], &[], &mut |this, indices, _| {
                        let element = this.ins().array_load(line, indices);
                        this.ins().array_store(buffer, indices, element);
                        Vec::new()
                    });
                    this.lib_merge_sort(buffer, scratch, len, source, None);
                    let len = if function == LibraryFn::Nanmedian {
                        this.lib_count_numbers(buffer, len, source)
                    } else {
                        len
                    };
                    this.lib_median_of_sorted(buffer, len, source, dtype)
                }
                None => {
                    let tree = Tree::of_array(line, line_type);
                    this.lib_nan_reduce(function, &tree, &[len], dtype)
                }
            }
        };
        match result_type {
            Type::Scalar(_) => {
                let zero = self.scalar(INT, 0);
                let line = self.lib_line(array, zero, len, lines.stride);
                Some(reduce_line(self, line))
            }
            Type::Array(out_type) => {
                let out = self.ins().array_alloc(out_type.dtype, false, &lines.other_dims);
                self.own(out);
                self.loop_nest(&lines.other_dims, &[], &mut |this, indices, _| {
                    let offset = this.lib_byte_offset(indices, &lines.other_strides);
                    let line = this.lib_line(array, offset, len, lines.stride);
                    let value = reduce_line(this, line);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// A NaN-ignoring reduction of the elements of `tree` (over `dims`);
    /// `nanmin`/`nanmax` of nothing must have raised already.
    fn lib_nan_reduce(
        &mut self,
        function: LibraryFn,
        tree: &Tree,
        dims: &[Value],
        dtype: ScalarType,
    ) -> Value {
        let source = tree.dtype;
        match function {
            LibraryFn::Nansum | LibraryFn::Nanprod => {
                let product = function == LibraryFn::Nanprod;
                let init = if dtype.is_complex() {
                    self.ins().cconst(dtype, if product { 1.0 } else { 0.0 }, 0.0)
                } else {
                    self.scalar(dtype, i64::from(product))
                };
                let totals = self.reduce_tree(tree, dims, &[init], &mut |this, element, acc| {
                    let nan = this.lib_is_nan(element, source);
                    let element = this.convert(element, dtype);
                    let total = this.accumulate(product, acc[0], element, dtype);
                    vec![this.ins().select(nan, acc[0], total)]
                });
                totals[0]
            }
            LibraryFn::Nanmean => {
                let zero_total = if dtype.is_complex() {
                    self.ins().cconst(dtype, 0.0, 0.0)
                } else {
                    self.float(dtype, 0.0)
                };
                let zero = self.scalar(INT, 0);
                let totals = self.reduce_tree(tree, dims, &[zero_total, zero], &mut |this, element, acc| {
                    let nan = this.lib_is_nan(element, source);
                    let element = this.convert(element, dtype);
                    let total = this.accumulate(false, acc[0], element, dtype);
                    let one = this.scalar(INT, 1);
                    let counted = this.ins().iadd(acc[1], one);
                    vec![this.ins().select(nan, acc[0], total), this.ins().select(nan, acc[1], counted)]
                });
                self.lib_divide_count(totals[0], totals[1], dtype)
            }
            _ => {
                // nanmin / nanmax (and median's callers never get here).
                let max = function == LibraryFn::Nanmax;
                let found = self.ins().bconst(false);
                let init = self.scalar(source, 0);
                let results = self.reduce_tree(tree, dims, &[found, init], &mut |this, element, acc| {
                    let (found, best) = (acc[0], acc[1]);
                    let beats = if source.is_float() {
                        let cc = if max { FloatCC::GreaterThan } else { FloatCC::LessThan };
                        this.ins().fcmp(cc, element, best)
                    } else {
                        let cc = if max { IntCC::GreaterThan } else { IntCC::LessThan };
                        this.ins().icmp(cc, element, best)
                    };
                    let first = this.ins().inot(found);
                    let take = this.ins().ior(first, beats);
                    let nan = this.lib_is_nan(element, source);
                    let number = this.ins().inot(nan);
                    let take = this.ins().iand(take, number);
                    let best = this.ins().select(take, element, best);
                    let found = this.ins().ior(found, number);
                    vec![found, best]
                });
                let best = self.convert(results[1], dtype);
                if source.is_float() {
                    let nan = self.lib_nan_of(dtype, false);
                    self.ins().select(results[0], best, nan)
                } else {
                    best
                }
            }
        }
    }

    /// How many of the first `n` elements of the sorted 1-d `buffer` are not NaN (NaNs
    /// sort last).
    fn lib_count_numbers(&mut self, buffer: Value, n: Value, dtype: ScalarType) -> Value {
        let zero = self.scalar(INT, 0);
        let counted = self.loop_nest(&[n], &[zero], &mut |this, indices, acc| {
            let x = this.ins().array_load(buffer, indices);
            let nan = this.lib_is_nan(x, dtype);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(nan, zero, one);
            vec![this.ins().iadd(acc[0], step)]
        });
        counted[0]
    }

    /// The median of the sorted 1-d `buffer` of `n` elements (at least one element is
    /// allocated): NaN for nothing and when the last element is NaN.
    fn lib_median_of_sorted(
        &mut self,
        buffer: Value,
        n: Value,
        source: ScalarType,
        dtype: ScalarType,
    ) -> Value {
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let two = self.scalar(INT, 2);
        let half = self.ins().idiv(n, two);
        let below = self.ins().isub(half, one);
        let below = self.lib_max_int(below, zero);
        let upper = self.ins().array_load(buffer, &[half]);
        let lower = self.ins().array_load(buffer, &[below]);
        let upper = self.convert(upper, dtype);
        let lower = self.convert(lower, dtype);
        let sum = self.accumulate(false, lower, upper, dtype);
        let mean = self.lib_divide_count(sum, two, dtype);
        let remainder = self.ins().irem(n, two);
        let odd = self.ins().icmp(IntCC::Equal, remainder, one);
        let middle = self.ins().select(odd, upper, mean);
        let last = self.ins().isub(n, one);
        let last = self.lib_max_int(last, zero);
        let last = self.ins().array_load(buffer, &[last]);
        let nan_present = self.lib_is_nan(last, source);
        let nan = self.lib_nan_of(dtype, false);
        let result = self.ins().select(nan_present, nan, middle);
        let empty = self.ins().icmp(IntCC::Equal, n, zero);
        let nothing = self.lib_nan_of(dtype, true);
        self.ins().select(empty, nothing, result)
    }

    // ----- products -------------------------------------------------------------------------

    /// `np.outer(a, b)`: `a.ravel()[i] * b.ravel()[j]` with NumPy's `multiply`.
    fn library_outer(
        &mut self,
        a: Value,
        a_type: &ArrayType,
        b: Value,
        b_type: &ArrayType,
        out_type: &ArrayType,
    ) -> Option<Value> {
        let (ins, out_dtype) = match select_loop(Ufunc::Multiply, &[a_type.dtype, b_type.dtype]) {
            Some((ins, [out])) => (ins.to_vec(), *out),
            _ => return None,
        };
        let (a_flat, m) = self.lib_flat_elements(a, a_type);
        let (b_flat, n) = self.lib_flat_elements(b, b_type);
        let out = self.ins().array_alloc(out_type.dtype, false, &[m, n]);
        self.own(out);
        let mut supported = true;
        self.loop_nest(&[m, n], &[], &mut |this, indices, _| {
            let x = this.ins().array_load(a_flat, &indices[..1]);
            let y = this.ins().array_load(b_flat, &indices[1..]);
            let x = this.convert(x, ins[0]);
            let y = this.convert(y, ins[1]);
            match this.ufunc_element(Ufunc::Multiply, &[x, y], &ins, out_dtype) {
                Some(value) => {
                    let value = this.convert(value, out_type.dtype);
                    this.ins().array_store(out, indices, value);
                }
                None => supported = false,
            }
            Vec::new()
        });
        supported.then_some(out)
    }

    /// `np.trace(a, offset)` of a 2-d array, in `dtype` (the sum dtype).
    fn library_trace(
        &mut self,
        array: Value,
        ty: &ArrayType,
        offset: Option<(Value, Type)>,
        dtype: ScalarType,
    ) -> Option<Value> {
        if ty.ndim != 2 {
            return None;
        }
        let zero = self.scalar(INT, 0);
        let offset = match offset {
            Some((value, _)) => self.convert(value, INT),
            None => zero,
        };
        let rows = self.ins().array_dim(array, 0);
        let cols = self.ins().array_dim(array, 1);
        // Below the diagonal (offset < 0) the rows start at -offset, above it the
        // columns at offset; the room is computed without negating (offset may be the
        // most negative integer), and the start only matters when there is room.
        let below = self.ins().icmp(IntCC::LessThan, offset, zero);
        let above = self.ins().icmp(IntCC::GreaterThan, offset, zero);
        let rows_left = self.ins().iadd(rows, offset);
        let row_room = self.ins().select(below, rows_left, rows);
        let cols_left = self.ins().isub(cols, offset);
        let col_room = self.ins().select(above, cols_left, cols);
        let count = self.lib_min_int(row_room, col_room);
        let count = self.lib_max_int(count, zero);
        let minus = self.ins().ineg(offset);
        let first_row = self.ins().select(below, minus, zero);
        let first_col = self.ins().select(above, offset, zero);
        let init =
            if dtype.is_complex() { self.ins().cconst(dtype, 0.0, 0.0) } else { self.scalar(dtype, 0) };
        let totals = self.loop_nest(&[count], &[init], &mut |this, indices, acc| {
            let row = this.ins().iadd(first_row, indices[0]);
            let col = this.ins().iadd(first_col, indices[0]);
            let element = this.ins().array_load(array, &[row, col]);
            let element = this.convert(element, dtype);
            vec![this.accumulate(false, acc[0], element, dtype)]
        });
        totals.first().copied()
    }
}

/// NumPy's message for `nanmin`/`nanmax` of nothing (`fmin`/`fmax` for floats, whose
/// reductions NumPy uses; `minimum`/`maximum` for other dtypes).
fn empty_message(function: LibraryFn, dtype: ScalarType) -> String {
    let operation = match (function == LibraryFn::Nanmax, dtype.is_float()) {
        (true, true) => "fmax",
        (false, true) => "fmin",
        (true, false) => "maximum",
        (false, false) => "minimum",
    };
    format!("zero-size array to reduction operation {operation} which has no identity")
}
