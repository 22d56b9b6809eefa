//! Lowering of the library functions typed in `numjit_sema`'s `templates/library/extra.rs`.
//!
//! - Views: `np.flip`/`fliplr`/`flipud` negate strides (NumPy and Numba return views),
//!   `np.swapaxes`/`np.moveaxis` permute extents and strides with run-time axes,
//!   `np.atleast_*d` add unit axes, `np.reshape` is `a.reshape`.
//! - Matrix helpers (`diag`, `tri`, `tril`/`triu`, `fill_diagonal`, `vander`, `kron`,
//!   `vdot`), reductions (`ptp`, `count_nonzero`, `nanvar`/`nanstd`, the percentiles with
//!   NumPy's `linear` method and its `_lerp`, `trapezoid`) and gathers (`repeat`,
//!   `searchsorted` as a branch-free binary search, `flatnonzero`, `column_stack`,
//!   `append`, `take`, `roll`, `extract`, `bincount`, `indices`) are loops into new C
//!   arrays owned by the statement; index arguments are checked in a first loop before
//!   anything is written, with NumPy's exception classes.
//! - Element-wise functions (`around`, `nan_to_num`, `angle`, `iscomplex`/`isreal`,
//!   `a.conj()`) map scalars and arrays alike.

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, Value};
use numjit_sema::ConstValue;
use numjit_sema::hir::{Expr, ExprId};
use numjit_sema::templates::library::LibraryFn;
use numjit_sema::templates::ufunc::{Ufunc, select_loop};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Bound, INT};
use crate::elementwise::Tree;
use crate::function::{Lowerer, Operand};

const F64_TYPE: ScalarType = ScalarType::Float64;

/// What a percentile function computes.
#[derive(Clone, Copy)]
struct QuantileKind {
    /// `q` is in percent.
    percent: bool,
    /// NaNs are skipped.
    skip_nan: bool,
}

impl Bound {
    pub(super) fn expr(&self, name: &str) -> Option<ExprId> {
        let at = self.params.iter().position(|param| *param == name)?;
        self.slots[at].as_ref().map(|(expr, _, _)| *expr)
    }
}

impl<'a> Lowerer<'a> {
    /// The functions of this module; `None` for the others (or when lowering fails).
    pub(super) fn library_extra(
        &mut self,
        expr: ExprId,
        function: LibraryFn,
        this: Option<(Value, ArrayType)>,
        args: &Bound,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let array_arg = |name: &str| match this {
            Some(this) => Some(this),
            None => match args.get(name) {
                Some((value, Type::Array(ty))) => Some((value, ty)),
                _ => None,
            },
        };
        let result_array = match result_type {
            Some(Type::Array(array)) => Some(*array),
            _ => None,
        };
        match function {
            LibraryFn::Flip | LibraryFn::Fliplr | LibraryFn::Flipud => {
                let (array, ty) = array_arg("m")?;
                let axes: Vec<u8> = match function {
                    LibraryFn::Flip => (0..ty.ndim).collect(),
                    LibraryFn::Fliplr => vec![1],
                    _ => vec![0],
                };
                Some(self.ex_flip(array, &ty, &axes))
            }
            LibraryFn::Swapaxes => {
                let (array, ty) = array_arg("a")?;
                let (first, _) = args.get("axis1")?;
                let (second, _) = args.get("axis2")?;
                let first = self.normal_axis(first, ty.ndim);
                let second = self.normal_axis(second, ty.ndim);
                let sources: Vec<Value> = (0..ty.ndim)
                    .map(|axis| {
                        let here = self.scalar(INT, i64::from(axis));
                        let is_first = self.ins().icmp(IntCC::Equal, here, first);
                        let is_second = self.ins().icmp(IntCC::Equal, here, second);
                        let source = self.ins().select(is_second, first, here);
                        self.ins().select(is_first, second, source)
                    })
                    .collect();
                Some(self.ex_permuted(array, &ty, &sources))
            }
            LibraryFn::Moveaxis => {
                let (array, ty) = array_arg("a")?;
                let (source, _) = args.get("source")?;
                let (destination, _) = args.get("destination")?;
                let source = self.normal_axis(source, ty.ndim);
                let destination = self.normal_axis(destination, ty.ndim);
                let sources: Vec<Value> = (0..ty.ndim)
                    .map(|axis| {
                        // The other axes keep their order around the moved one.
                        let here = self.scalar(INT, i64::from(axis));
                        let one = self.scalar(INT, 1);
                        let zero = self.scalar(INT, 0);
                        let after = self.ins().icmp(IntCC::GreaterThan, here, destination);
                        let shift = self.ins().select(after, one, zero);
                        let other = self.ins().isub(here, shift);
                        let past = self.ins().icmp(IntCC::GreaterThanOrEqual, other, source);
                        let shift = self.ins().select(past, one, zero);
                        let other = self.ins().iadd(other, shift);
                        let moved = self.ins().icmp(IntCC::Equal, here, destination);
                        self.ins().select(moved, source, other)
                    })
                    .collect();
                Some(self.ex_permuted(array, &ty, &sources))
            }
            LibraryFn::Atleast1d | LibraryFn::Atleast2d | LibraryFn::Atleast3d => {
                let (array, ty) = array_arg("arys")?;
                let out = result_array?;
                if out.ndim == ty.ndim {
                    return Some(array);
                }
                let (dims, strides) = self.ex_dims_strides(array, ty.ndim);
                let one = self.scalar(INT, 1);
                let zero = self.scalar(INT, 0);
                // NumPy: 0-d → (1,), (1, 1), (1, 1, 1); 1-d (N) → (1, N), (1, N, 1);
                // 2-d (M, N) → (M, N, 1).
                let (new_dims, new_strides) = match (ty.ndim, out.ndim) {
                    (0, n) => (vec![one; usize::from(n)], vec![zero; usize::from(n)]),
                    (1, 2) => (vec![one, dims[0]], vec![zero, strides[0]]),
                    (1, 3) => (vec![one, dims[0], one], vec![zero, strides[0], zero]),
                    (2, 3) => (vec![dims[0], dims[1], one], vec![strides[0], strides[1], zero]),
                    _ => return None,
                };
                Some(self.ins().array_view(Layout::A, array, zero, &new_dims, &new_strides))
            }
            LibraryFn::Reshape => {
                let (array, ty) = array_arg("a")?;
                let shape_expr = args.expr("shape")?;
                let (shape, _) = args.get("shape")?;
                match self.array_method(expr, array, &ty, "reshape", &[shape_expr], &[Operand::Value(shape)])
                {
                    Operand::Value(value) => Some(value),
                    _ => None,
                }
            }
            LibraryFn::Diag => {
                let (array, ty) = array_arg("v")?;
                let k = self.ex_int_arg(args, "k", 0);
                Some(self.ex_diag(array, &ty, k))
            }
            LibraryFn::Tri => {
                let (n, _) = args.get("N")?;
                let n = self.convert(n, INT);
                let m = match args.get("M") {
                    Some((m, _)) => self.convert(m, INT),
                    None => n,
                };
                let k = self.ex_int_arg(args, "k", 0);
                // NumPy's `np.tri` takes negative extents as empty.
                let zero = self.scalar(INT, 0);
                let n = self.lib_max_int(n, zero);
                let m = self.lib_max_int(m, zero);
                let dtype = ScalarType::Float64;
                let out = self.ins().array_alloc(dtype, false, &[n, m]);
                self.own(out);
                self.loop_nest(&[n, m], &[], &mut |this, indices, _| {
                    let limit = this.ins().iadd(indices[0], k);
                    let inside = this.ins().icmp(IntCC::LessThanOrEqual, indices[1], limit);
                    let one = this.float(dtype, 1.0);
                    let zero = this.float(dtype, 0.0);
                    let value = this.ins().select(inside, one, zero);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::Tril | LibraryFn::Triu => {
                let (array, ty) = array_arg("m")?;
                let k = self.ex_int_arg(args, "k", 0);
                let lower = function == LibraryFn::Tril;
                let dims = self.lib_extents(array, ty.ndim);
                let out = self.ins().array_alloc(ty.dtype, false, &dims);
                self.own(out);
                let n = dims.len();
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let (row, col) = (indices[n - 2], indices[n - 1]);
                    let limit = this.ins().iadd(row, k);
                    // tril keeps col <= row + k, triu keeps col >= row + k.
                    let keep = if lower {
                        this.ins().icmp(IntCC::LessThanOrEqual, col, limit)
                    } else {
                        this.ins().icmp(IntCC::GreaterThanOrEqual, col, limit)
                    };
                    let element = this.ins().array_load(array, indices);
                    let zero = this.scalar(ty.dtype, 0);
                    let value = this.ins().select(keep, element, zero);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::FillDiagonal => {
                let (array, ty) = array_arg("a")?;
                let val = args.get("val")?;
                let wrap = args.get("wrap").map(|(value, _)| value);
                self.ex_fill_diagonal(array, &ty, val, wrap);
                Some(self.ins().noneconst())
            }
            LibraryFn::Vander => {
                let (array, _) = array_arg("x")?;
                let out_type = result_array?;
                let rows = self.ins().array_dim(array, 0);
                let cols = match args.get("N") {
                    Some((n, _)) => self.convert(n, INT),
                    None => rows,
                };
                let increasing = match args.get("increasing") {
                    Some((value, _)) => value,
                    None => self.ins().bconst(false),
                };
                let dtype = out_type.dtype;
                let out = self.ins().array_alloc(dtype, false, &[rows, cols]);
                self.own(out);
                self.loop_nest(&[rows], &[], &mut |this, indices, _| {
                    let row = indices[0];
                    let x = this.ins().array_load(array, &[row]);
                    let x = this.convert(x, dtype);
                    let one = this.scalar(dtype, 1);
                    this.loop_nest(&[cols], &[one], &mut |this, indices, carried| {
                        let power = indices[0];
                        let one = this.scalar(INT, 1);
                        let last = this.ins().isub(cols, one);
                        let mirrored = this.ins().isub(last, power);
                        let col = this.ins().select(increasing, power, mirrored);
                        this.ins().array_store(out, &[row, col], carried[0]);
                        vec![this.accumulate(true, carried[0], x, dtype)]
                    });
                    Vec::new()
                });
                Some(out)
            }
            LibraryFn::Kron => {
                let (a, a_type) = match args.get("a")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                let (b, b_type) = match args.get("b")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                self.ex_kron(a, &a_type, b, &b_type, &result_array?)
            }
            LibraryFn::Vdot => {
                let (a, a_type) = match args.get("a")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                let (b, b_type) = match args.get("b")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                let Some(Type::Scalar(dtype)) = result_type else { return None };
                let (a_flat, n) = self.lib_flat_elements(a, &a_type);
                let (b_flat, m) = self.lib_flat_elements(b, &b_type);
                let differ = self.ins().icmp(IntCC::NotEqual, n, m);
                self.raise_if(differ, ExceptionKind::ValueError, "vectors have different lengths");
                let zero = self.scalar(*dtype, 0);
                let dtype = *dtype;
                let totals = self.loop_nest(&[n], &[zero], &mut |this, indices, acc| {
                    let x = this.ins().array_load(a_flat, indices);
                    let x = this.convert(x, dtype);
                    let x = this.ex_conj(x, dtype);
                    let y = this.ins().array_load(b_flat, indices);
                    let y = this.convert(y, dtype);
                    let product = this.accumulate(true, x, y, dtype);
                    vec![this.accumulate(false, acc[0], product, dtype)]
                });
                totals.first().copied()
            }
            LibraryFn::Ptp => {
                let (array, ty) = array_arg("a")?;
                Some(self.ex_ptp(array, &ty))
            }
            LibraryFn::CountNonzero => {
                let (array, ty) = array_arg("a")?;
                self.ex_count_nonzero(array, &ty, args.get("axis"), result_type?)
            }
            LibraryFn::Nanvar | LibraryFn::Nanstd => {
                let (array, ty) = array_arg("a")?;
                let Some(Type::Scalar(dtype)) = result_type else { return None };
                Some(self.ex_nanvar(array, &ty, *dtype, function == LibraryFn::Nanstd))
            }
            LibraryFn::Percentile
            | LibraryFn::Quantile
            | LibraryFn::Nanpercentile
            | LibraryFn::Nanquantile => {
                let (array, ty) = array_arg("a")?;
                let kind = QuantileKind {
                    percent: matches!(function, LibraryFn::Percentile | LibraryFn::Nanpercentile),
                    skip_nan: matches!(function, LibraryFn::Nanpercentile | LibraryFn::Nanquantile),
                };
                let q = args.get("q")?;
                self.ex_quantile(array, &ty, q, kind, result_type?)
            }
            LibraryFn::Trapezoid => {
                let (array, ty) = array_arg("y")?;
                let Some(Type::Scalar(dtype)) = result_type else { return None };
                let dx = match args.get("dx") {
                    Some((value, _)) => self.convert(value, ScalarType::Float64),
                    None => self.float(ScalarType::Float64, 1.0),
                };
                Some(self.ex_trapezoid(array, &ty, dx, *dtype))
            }
            LibraryFn::Around => {
                let (value, ty) = match this {
                    Some((array, ty)) => (array, Type::Array(ty)),
                    None => args.get("a")?,
                };
                let decimals = self.ex_int_arg(args, "decimals", 0);
                self.ex_map(value, &ty, result_type?, &mut |this, x, dtype| this.ex_round(x, decimals, dtype))
            }
            LibraryFn::NanToNum => {
                let (value, ty) = args.get("x")?;
                let replacements =
                    ["nan", "posinf", "neginf"].map(|name| args.get(name).map(|(value, _)| value));
                self.ex_map(value, &ty, result_type?, &mut |this, x, dtype| {
                    this.ex_nan_to_num(x, dtype, replacements)
                })
            }
            LibraryFn::Angle => {
                let (value, ty) = args.get("z")?;
                let deg = args.get("deg").map(|(value, _)| value);
                let source = match &ty {
                    Type::Array(array) => array.dtype,
                    Type::Scalar(scalar) => *scalar,
                    _ => return None,
                };
                self.ex_map(value, &ty, result_type?, &mut |this, x, dtype| {
                    let (re, im) = if source.is_complex() {
                        (this.ins().creal(x), this.ins().cimag(x))
                    } else {
                        (this.convert(x, dtype), this.float(dtype, 0.0))
                    };
                    let re = this.convert(re, dtype);
                    let im = this.convert(im, dtype);
                    let angle = this.ins().call_intrinsic(Intrinsic::Atan2, &[im, re]);
                    match deg {
                        Some(deg) => {
                            let factor = this.float(dtype, 180.0 / std::f64::consts::PI);
                            let degrees = this.ins().fmul(angle, factor);
                            this.ins().select(deg, degrees, angle)
                        }
                        None => angle,
                    }
                })
            }
            LibraryFn::Iscomplex | LibraryFn::Isreal => {
                let (value, ty) = args.get("x")?;
                let complex = function == LibraryFn::Iscomplex;
                let source = match &ty {
                    Type::Array(array) => array.dtype,
                    Type::Scalar(scalar) => *scalar,
                    _ => return None,
                };
                self.ex_map(value, &ty, result_type?, &mut |this, x, _| {
                    if source.is_complex() {
                        let im = this.ins().cimag(x);
                        let zero = this.float(source.real_part(), 0.0);
                        let cc = if complex { FloatCC::NotEqual } else { FloatCC::Equal };
                        this.ins().fcmp(cc, im, zero)
                    } else {
                        this.ins().bconst(!complex)
                    }
                })
            }
            LibraryFn::Conj => {
                let (array, ty) = array_arg("a")?;
                self.ex_map(array, &Type::Array(ty), result_type?, &mut |this, x, dtype| {
                    this.ex_conj(x, dtype)
                })
            }
            LibraryFn::Repeat => {
                let (value, ty) = match this {
                    Some((array, ty)) => (array, Type::Array(ty)),
                    None => args.get("a")?,
                };
                let repeats = args.get("repeats")?;
                self.ex_repeat(value, &ty, repeats, &result_array?)
            }
            LibraryFn::Searchsorted => {
                let (array, ty) = array_arg("a")?;
                let right = match args.expr("side").map(|expr| &self.body.exprs[expr].kind) {
                    None => false,
                    Some(Expr::Const(ConstValue::Str(side))) if side.as_str() == "left" => false,
                    Some(Expr::Const(ConstValue::Str(side))) if side.as_str() == "right" => true,
                    Some(_) => {
                        let range = self.body.exprs[expr].range;
                        self.unsupported(
                            "numpy.searchsorted() with a side other than 'left' or 'right'",
                            range,
                        );
                        return None;
                    }
                };
                let (v, v_type) = args.get("v")?;
                self.ex_searchsorted(array, &ty, v, &v_type, right, result_type?)
            }
            LibraryFn::Nanargmin | LibraryFn::Nanargmax => {
                let (array, ty) = array_arg("a")?;
                Some(self.ex_nanarg(array, &ty, function == LibraryFn::Nanargmax))
            }
            LibraryFn::Flatnonzero => {
                let (array, ty) = array_arg("a")?;
                Some(self.ex_flatnonzero(array, &ty))
            }
            LibraryFn::ColumnStack => {
                let (tuple, tuple_type) = args.get("tup")?;
                let Type::Tuple(items) = tuple_type else { return None };
                self.ex_column_stack(tuple, &items, &result_array?)
            }
            LibraryFn::Append => {
                let arr = args.get("arr")?;
                let values = args.get("values")?;
                Some(self.ex_append(&[arr, values], &result_array?))
            }
            LibraryFn::Take => {
                let (array, ty) = array_arg("a")?;
                let indices = args.get("indices")?;
                self.ex_take(array, &ty, indices)
            }
            LibraryFn::Roll => {
                let (array, ty) = array_arg("a")?;
                let (shift, _) = args.get("shift")?;
                let shift = self.convert(shift, INT);
                Some(self.ex_roll(array, &ty, shift))
            }
            LibraryFn::Extract => {
                let (condition, condition_type) = match args.get("condition")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                let (array, ty) = match args.get("arr")? {
                    (value, Type::Array(ty)) => (value, ty),
                    _ => return None,
                };
                Some(self.ex_extract(condition, &condition_type, array, &ty))
            }
            LibraryFn::Bincount => {
                let (array, _) = array_arg("x")?;
                let weights = match args.get("weights") {
                    Some((value, Type::Array(ty))) => Some((value, ty)),
                    _ => None,
                };
                let minlength = self.ex_int_arg(args, "minlength", 0);
                Some(self.ex_bincount(array, weights, minlength, &result_array?))
            }
            LibraryFn::Indices => {
                let (dimensions, dimensions_type) = args.get("dimensions")?;
                let Type::Tuple(items) = dimensions_type else { return None };
                let dims: Vec<Value> = (0..items.len())
                    .map(|at| {
                        let item = self.ins().tuple_get(dimensions, at as u32);
                        self.convert(item, INT)
                    })
                    .collect();
                let mut all = vec![self.scalar(INT, items.len() as i64)];
                all.extend(&dims);
                let out = self.ins().array_alloc(INT, false, &all);
                self.own(out);
                for axis in 0..dims.len() {
                    let axis_value = self.scalar(INT, axis as i64);
                    self.loop_nest(&dims, &[], &mut |this, indices, _| {
                        let mut at = vec![axis_value];
                        at.extend(indices);
                        this.ins().array_store(out, &at, indices[axis]);
                        Vec::new()
                    });
                }
                Some(out)
            }
            _ => None,
        }
    }

    /// Whether `expr` calls a ufunc with an output array (`np.cos(a, out)`,
    /// `np.add(a, b, out=o)`); such calls are not fused (see [`Self::ufunc_into_out`]).
    pub(crate) fn ufunc_out_call(&self, expr: ExprId, ufunc: Ufunc) -> bool {
        match &self.body.exprs[expr].kind {
            Expr::Call { args, keywords, .. } => args.len() + keywords.len() == ufunc.n_inputs() + 1,
            _ => false,
        }
    }

    /// A ufunc computed into its output array: the inputs must broadcast to the output's
    /// shape (NumPy's ValueError), each element is converted to the loop's input types and
    /// the result cast to the output's dtype. Returns the output array.
    pub(crate) fn ufunc_into_out(
        &mut self,
        ufunc: Ufunc,
        arg_exprs: &[ExprId],
        operands: &[Operand],
    ) -> Operand {
        let mut values = Vec::with_capacity(arg_exprs.len());
        for (&arg, &operand) in arg_exprs.iter().zip(operands) {
            let value = self.value_of(operand, arg);
            let Some(ty) = self.expr_value_type(arg).cloned() else { return Operand::Static };
            values.push((value, ty));
        }
        let Some(((out, Type::Array(out_type)), inputs)) = values.split_last() else {
            return Operand::Static;
        };
        let (out, out_type) = (*out, *out_type);
        let dtypes: Vec<ScalarType> = inputs
            .iter()
            .filter_map(|(_, ty)| match ty {
                Type::Array(array) => Some(array.dtype),
                Type::Scalar(scalar) => Some(*scalar),
                _ => None,
            })
            .collect();
        let Some((ins, [result])) = select_loop(ufunc, &dtypes) else { return Operand::Static };
        let (ins, result) = (ins.to_vec(), *result);
        let dims = self.lib_extents(out, out_type.ndim);
        let mut sources = Vec::with_capacity(inputs.len());
        for (value, ty) in inputs {
            match ty {
                Type::Array(array) => {
                    self.check_array_into(*value, *array, &dims);
                    sources.push((self.lib_broadcast_to(*value, array.ndim, &dims), true));
                }
                _ => sources.push((*value, false)),
            }
        }
        let mut supported = true;
        self.loop_nest(&dims, &[], &mut |this, indices, _| {
            let mut elements = Vec::with_capacity(sources.len());
            for (&(source, is_array), &dtype) in sources.iter().zip(&ins) {
                let element = if is_array { this.ins().array_load(source, indices) } else { source };
                elements.push(this.convert(element, dtype));
            }
            match this.ufunc_element(ufunc, &elements, &ins, result) {
                Some(value) => {
                    let value = this.convert(value, out_type.dtype);
                    this.ins().array_store(out, indices, value);
                }
                None => supported = false,
            }
            Vec::new()
        });
        if supported { Operand::Value(out) } else { Operand::Static }
    }

    /// `np.arange` with a complex start, stop or step (NumPy's rule: the length is the
    /// smaller of the ceilings of the real and imaginary parts of `(stop - start) / step`,
    /// element `i` is `start + i * ((start + step) - start)`), converted to `dtype`.
    pub(crate) fn arange_complex(&mut self, values: &[(Value, Type)], dtype: ScalarType) -> Value {
        let complex = ScalarType::Complex128;
        let parts: Vec<Value> =
            values.iter().map(|(value, ty)| self.coerce(*value, ty, &Type::Scalar(complex))).collect();
        let zero = self.ins().cconst(complex, 0.0, 0.0);
        let one = self.ins().cconst(complex, 1.0, 0.0);
        let (start, stop, step) = match parts.as_slice() {
            [stop] => (zero, *stop, one),
            [start, stop] => (*start, *stop, one),
            [start, stop, step, ..] => (*start, *stop, *step),
            [] => (zero, zero, one),
        };
        let f64_zero = self.float(F64_TYPE, 0.0);
        let step_re = self.ins().creal(step);
        let step_im = self.ins().cimag(step);
        let re_zero = self.ins().fcmp(FloatCC::Equal, step_re, f64_zero);
        let im_zero = self.ins().fcmp(FloatCC::Equal, step_im, f64_zero);
        let is_zero = self.ins().iand(re_zero, im_zero);
        self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "division by zero");
        let span = self.ins().csub(stop, start);
        let quotient = self.ins().cdiv(span, step);
        let mut len = None;
        for part in [self.ins().creal(quotient), self.ins().cimag(quotient)] {
            let ceiling = self.ins().call_intrinsic(Intrinsic::Ceil, &[part]);
            let ordered = self.ins().fcmp(FloatCC::Ordered, ceiling, ceiling);
            let positive = self.ins().fcmp(FloatCC::GreaterThan, ceiling, f64_zero);
            let ok = self.ins().iand(ordered, positive);
            let count = self.convert(ceiling, INT);
            let zero_int = self.scalar(INT, 0);
            let count = self.ins().select(ok, count, zero_int);
            len = Some(match len {
                Some(other) => self.lib_min_int(other, count),
                None => count,
            });
        }
        let len = len.unwrap_or(zero);
        let next = self.ins().cadd(start, step);
        let delta = self.ins().csub(next, start);
        let out = self.ins().array_alloc(dtype, false, &[len]);
        self.own(out);
        self.loop_nest(&[len], &[], &mut |this, indices, _| {
            let i = this.convert(indices[0], F64_TYPE);
            let (start_re, start_im) = (this.ins().creal(start), this.ins().cimag(start));
            let (delta_re, delta_im) = (this.ins().creal(delta), this.ins().cimag(delta));
            let re = this.ins().fmul(i, delta_re);
            let re = this.ins().fadd(start_re, re);
            let im = this.ins().fmul(i, delta_im);
            let im = this.ins().fadd(start_im, im);
            let value = this.ins().cmake(re, im);
            let value = this.convert(value, dtype);
            this.ins().array_store(out, indices, value);
            Vec::new()
        });
        out
    }

    /// Stores the result of a product (`np.dot(a, b, out)`) into `out`; returns `out`.
    pub(crate) fn store_into_out(
        &mut self,
        out: Value,
        out_type: &ArrayType,
        value: Value,
        value_type: &Type,
        range: text_size::TextRange,
    ) -> Value {
        let dims = self.lib_extents(out, out_type.ndim);
        self.broadcast_store(out, out_type, &dims, value, value_type, range);
        out
    }

    // ----- helpers --------------------------------------------------------------------------

    /// An integer argument converted to int64, or `default`.
    fn ex_int_arg(&mut self, args: &Bound, name: &str, default: i64) -> Value {
        match args.get(name) {
            Some((value, _)) => self.convert(value, INT),
            None => self.scalar(INT, default),
        }
    }

    pub(super) fn ex_dims_strides(&mut self, array: Value, ndim: u8) -> (Vec<Value>, Vec<Value>) {
        (self.lib_extents(array, ndim), self.lib_byte_strides(array, ndim))
    }

    /// `values[at]` for a run-time `at` in range.
    pub(super) fn ex_pick(&mut self, values: &[Value], at: Value) -> Value {
        let mut picked = values[0];
        for (k, &value) in values.iter().enumerate().skip(1) {
            let here = self.scalar(INT, k as i64);
            let is_here = self.ins().icmp(IntCC::Equal, at, here);
            picked = self.ins().select(is_here, value, picked);
        }
        picked
    }

    /// A view of `array` whose axis `k` is `array`'s axis `sources[k]`.
    pub(super) fn ex_permuted(&mut self, array: Value, ty: &ArrayType, sources: &[Value]) -> Value {
        let (dims, strides) = self.ex_dims_strides(array, ty.ndim);
        if dims.is_empty() {
            return array;
        }
        let mut new_dims = Vec::with_capacity(dims.len());
        let mut new_strides = Vec::with_capacity(dims.len());
        for &source in sources {
            new_dims.push(self.ex_pick(&dims, source));
            new_strides.push(self.ex_pick(&strides, source));
        }
        let zero = self.scalar(INT, 0);
        self.ins().array_view(Layout::A, array, zero, &new_dims, &new_strides)
    }

    /// A view of `array` with `axes` reversed.
    fn ex_flip(&mut self, array: Value, ty: &ArrayType, axes: &[u8]) -> Value {
        let (dims, mut strides) = self.ex_dims_strides(array, ty.ndim);
        let zero = self.scalar(INT, 0);
        let one = self.scalar(INT, 1);
        let mut offset = zero;
        for &axis in axes {
            let axis = usize::from(axis);
            let last = self.ins().isub(dims[axis], one);
            let last = self.lib_max_int(last, zero);
            let shift = self.ins().imul(last, strides[axis]);
            offset = self.ins().iadd(offset, shift);
            strides[axis] = self.ins().ineg(strides[axis]);
        }
        self.ins().array_view(Layout::A, array, offset, &dims, &strides)
    }

    /// The complex conjugate (other values as they are).
    pub(super) fn ex_conj(&mut self, x: Value, dtype: ScalarType) -> Value {
        if !dtype.is_complex() {
            return x;
        }
        let re = self.ins().creal(x);
        let im = self.ins().cimag(x);
        let im = self.ins().fneg(im);
        self.ins().cmake(re, im)
    }

    /// Applies `f` to a scalar, or to every element of an array into a new C array of
    /// `result`'s dtype; `f` gets the element and the result dtype.
    pub(super) fn ex_map(
        &mut self,
        value: Value,
        ty: &Type,
        result: &Type,
        f: &mut dyn FnMut(&mut Self, Value, ScalarType) -> Value,
    ) -> Option<Value> {
        match (ty, result) {
            (Type::Scalar(_), Type::Scalar(dtype)) => Some(f(self, value, *dtype)),
            (Type::Array(ty), Type::Array(out_type)) => {
                let dims = self.lib_extents(value, ty.ndim);
                let out = self.ins().array_alloc(out_type.dtype, false, &dims);
                self.own(out);
                let dtype = out_type.dtype;
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let element = this.ins().array_load(value, indices);
                    let mapped = f(this, element, dtype);
                    this.ins().array_store(out, indices, mapped);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// NumPy's `round(x, decimals)` in `dtype` (half to even; integers only change for
    /// negative `decimals`, computed in float64).
    fn ex_round(&mut self, x: Value, decimals: Value, dtype: ScalarType) -> Value {
        if dtype.is_complex() {
            let part = dtype.real_part();
            let re = self.ins().creal(x);
            let im = self.ins().cimag(x);
            let re = self.ex_round(re, decimals, part);
            let im = self.ex_round(im, decimals, part);
            return self.ins().cmake(re, im);
        }
        let float = if dtype.is_float() { dtype } else { ScalarType::Float64 };
        let value = self.convert(x, float);
        let zero = self.scalar(INT, 0);
        let non_negative = self.ins().icmp(IntCC::GreaterThanOrEqual, decimals, zero);
        let ten = self.float(float, 10.0);
        let digits = self.convert(decimals, float);
        let negated = self.ins().fneg(digits);
        let exponent = self.ins().select(non_negative, digits, negated);
        let factor = self.ins().fpow(ten, exponent);
        // decimals >= 0: rint(x * f) / f; decimals < 0: rint(x / f) * f.
        let scaled_up = self.ins().fmul(value, factor);
        let scaled_down = self.ins().fdiv(value, factor);
        let scaled = self.ins().select(non_negative, scaled_up, scaled_down);
        let rounded = self.ins().call_intrinsic(Intrinsic::Round, &[scaled]);
        let back_down = self.ins().fdiv(rounded, factor);
        let back_up = self.ins().fmul(rounded, factor);
        let result = self.ins().select(non_negative, back_down, back_up);
        if dtype.is_float() {
            return result;
        }
        let as_int = self.convert(result, dtype);
        self.ins().select(non_negative, x, as_int)
    }

    /// `np.nan_to_num` of one value: NaN → `nan` (0), ±inf → `posinf`/`neginf` (the
    /// largest finite values of the type).
    fn ex_nan_to_num(&mut self, x: Value, dtype: ScalarType, replacements: [Option<Value>; 3]) -> Value {
        if dtype.is_complex() {
            let part = dtype.real_part();
            let re = self.ins().creal(x);
            let im = self.ins().cimag(x);
            let re = self.ex_nan_to_num(re, part, replacements);
            let im = self.ex_nan_to_num(im, part, replacements);
            return self.ins().cmake(re, im);
        }
        if !dtype.is_float() {
            return x;
        }
        let largest = if dtype == ScalarType::Float32 { f64::from(f32::MAX) } else { f64::MAX };
        let [nan, posinf, neginf] = replacements;
        let nan = match nan {
            Some(value) => self.convert(value, dtype),
            None => self.float(dtype, 0.0),
        };
        let posinf = match posinf {
            Some(value) => self.convert(value, dtype),
            None => self.float(dtype, largest),
        };
        let neginf = match neginf {
            Some(value) => self.convert(value, dtype),
            None => self.float(dtype, -largest),
        };
        let is_nan = self.ins().fcmp(FloatCC::Unordered, x, x);
        let infinity = self.float(dtype, f64::INFINITY);
        let minus_infinity = self.float(dtype, f64::NEG_INFINITY);
        let is_posinf = self.ins().fcmp(FloatCC::Equal, x, infinity);
        let is_neginf = self.ins().fcmp(FloatCC::Equal, x, minus_infinity);
        let value = self.ins().select(is_nan, nan, x);
        let value = self.ins().select(is_posinf, posinf, value);
        self.ins().select(is_neginf, neginf, value)
    }

    /// How many elements a diagonal at offset `k` of a `rows` x `cols` matrix has, and
    /// where it starts.
    fn ex_diagonal(&mut self, rows: Value, cols: Value, k: Value) -> (Value, Value, Value) {
        let zero = self.scalar(INT, 0);
        let below = self.ins().icmp(IntCC::LessThan, k, zero);
        let above = self.ins().icmp(IntCC::GreaterThan, k, zero);
        let rows_left = self.ins().iadd(rows, k);
        let row_room = self.ins().select(below, rows_left, rows);
        let cols_left = self.ins().isub(cols, k);
        let col_room = self.ins().select(above, cols_left, cols);
        let count = self.lib_min_int(row_room, col_room);
        let count = self.lib_max_int(count, zero);
        let minus = self.ins().ineg(k);
        let first_row = self.ins().select(below, minus, zero);
        let first_col = self.ins().select(above, k, zero);
        (count, first_row, first_col)
    }

    /// `np.diag(v, k)`: a 1-d `v` on the `k`th diagonal of a square matrix, or the `k`th
    /// diagonal of a 2-d `v` (a copy, as Numba gives).
    fn ex_diag(&mut self, array: Value, ty: &ArrayType, k: Value) -> Value {
        let zero = self.scalar(INT, 0);
        if ty.ndim == 1 {
            let len = self.ins().array_dim(array, 0);
            let magnitude = {
                let minus = self.ins().ineg(k);
                let negative = self.ins().icmp(IntCC::LessThan, k, zero);
                self.ins().select(negative, minus, k)
            };
            let n = self.ins().iadd(len, magnitude);
            let out = self.ins().array_alloc(ty.dtype, true, &[n, n]);
            self.own(out);
            let (_, first_row, first_col) = self.ex_diagonal(n, n, k);
            self.loop_nest(&[len], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(array, indices);
                let row = this.ins().iadd(first_row, indices[0]);
                let col = this.ins().iadd(first_col, indices[0]);
                this.ins().array_store(out, &[row, col], element);
                Vec::new()
            });
            return out;
        }
        let rows = self.ins().array_dim(array, 0);
        let cols = self.ins().array_dim(array, 1);
        let (count, first_row, first_col) = self.ex_diagonal(rows, cols, k);
        let out = self.ins().array_alloc(ty.dtype, false, &[count]);
        self.own(out);
        self.loop_nest(&[count], &[], &mut |this, indices, _| {
            let row = this.ins().iadd(first_row, indices[0]);
            let col = this.ins().iadd(first_col, indices[0]);
            let element = this.ins().array_load(array, &[row, col]);
            this.ins().array_store(out, indices, element);
            Vec::new()
        });
        out
    }

    /// The index tuple of the element at C-order position `flat` of an array of `dims`.
    fn ex_unravel(&mut self, flat: Value, dims: &[Value]) -> Vec<Value> {
        let mut indices = vec![flat; dims.len()];
        let mut rest = flat;
        for axis in (0..dims.len()).rev() {
            let one = self.scalar(INT, 1);
            let dim = self.lib_max_int(dims[axis], one);
            indices[axis] = self.ins().irem(rest, dim);
            rest = self.ins().idiv(rest, dim);
        }
        indices
    }

    /// `np.fill_diagonal(a, val, wrap)`: NumPy's `a.flat[:end:step] = val` with `val`
    /// repeated.
    fn ex_fill_diagonal(&mut self, array: Value, ty: &ArrayType, val: (Value, Type), wrap: Option<Value>) {
        let dims = self.lib_extents(array, ty.ndim);
        let total = self.lib_product(&dims);
        let one = self.scalar(INT, 1);
        let (step, end) = if ty.ndim == 2 {
            let step = self.ins().iadd(dims[1], one);
            let square = self.ins().imul(dims[1], dims[1]);
            let square = self.lib_min_int(square, total);
            let end = match wrap {
                Some(wrap) => self.ins().select(wrap, total, square),
                None => square,
            };
            (step, end)
        } else {
            let mut unequal = self.ins().bconst(false);
            for &dim in &dims[1..] {
                let differs = self.ins().icmp(IntCC::NotEqual, dim, dims[0]);
                unequal = self.ins().ior(unequal, differs);
            }
            self.raise_if(
                unequal,
                ExceptionKind::ValueError,
                "All dimensions of input must be of equal length",
            );
            let mut step = one;
            let mut product = one;
            for &dim in &dims[..dims.len() - 1] {
                product = self.ins().imul(product, dim);
                step = self.ins().iadd(step, product);
            }
            (step, total)
        };
        let rounded = self.ins().iadd(end, step);
        let rounded = self.ins().isub(rounded, one);
        let count = self.ins().idiv(rounded, step);
        let dtype = ty.dtype;
        let (val, val_type) = val;
        let source = match &val_type {
            Type::Array(val_ty) => {
                let (flat, len) = self.lib_flat_elements(val, val_ty);
                // Nothing is written from an empty array.
                let zero = self.scalar(INT, 0);
                let empty = self.ins().icmp(IntCC::Equal, len, zero);
                let none = self.ins().select(empty, zero, count);
                Some((flat, len, none))
            }
            _ => None,
        };
        let count = source.map_or(count, |(_, _, count)| count);
        let scalar = match &val_type {
            Type::Scalar(_) => Some(self.convert(val, dtype)),
            _ => None,
        };
        self.loop_nest(&[count], &[], &mut |this, indices, _| {
            let flat = this.ins().imul(indices[0], step);
            let at = this.ex_unravel(flat, &dims);
            let value = match (scalar, source) {
                (Some(value), _) => value,
                (None, Some((flat_val, len, _))) => {
                    let cycled = this.ins().irem(indices[0], len);
                    let element = this.ins().array_load(flat_val, &[cycled]);
                    this.convert(element, dtype)
                }
                _ => return Vec::new(),
            };
            this.ins().array_store(array, &at, value);
            Vec::new()
        });
    }

    /// `np.kron(a, b)` of 1-d and 2-d arrays (a 1-d array is one row).
    fn ex_kron(
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
        let one = self.scalar(INT, 1);
        let shape2 = |this: &mut Self, array: Value, ty: &ArrayType| -> (Value, Value, Value) {
            let dims = this.lib_extents(array, ty.ndim);
            let strides = this.lib_byte_strides(array, ty.ndim);
            let zero = this.scalar(INT, 0);
            let (rows, cols, view) = match ty.ndim {
                1 => {
                    let view =
                        this.ins().array_view(Layout::A, array, zero, &[one, dims[0]], &[zero, strides[0]]);
                    (one, dims[0], view)
                }
                _ => (dims[0], dims[1], array),
            };
            (rows, cols, view)
        };
        let (m, n, a2) = shape2(self, a, a_type);
        let (p, q, b2) = shape2(self, b, b_type);
        let rows = self.ins().imul(m, p);
        let cols = self.ins().imul(n, q);
        let out = if out_type.ndim == 1 {
            self.ins().array_alloc(out_type.dtype, false, &[cols])
        } else {
            self.ins().array_alloc(out_type.dtype, false, &[rows, cols])
        };
        self.own(out);
        let mut supported = true;
        let two_d = out_type.ndim == 2;
        self.loop_nest(&[m, n, p, q], &[], &mut |this, indices, _| {
            let x = this.ins().array_load(a2, &indices[..2]);
            let y = this.ins().array_load(b2, &indices[2..]);
            let x = this.convert(x, ins[0]);
            let y = this.convert(y, ins[1]);
            let Some(value) = this.ufunc_element(Ufunc::Multiply, &[x, y], &ins, out_dtype) else {
                supported = false;
                return Vec::new();
            };
            let value = this.convert(value, out_type.dtype);
            let row = this.ins().imul(indices[0], p);
            let row = this.ins().iadd(row, indices[2]);
            let col = this.ins().imul(indices[1], q);
            let col = this.ins().iadd(col, indices[3]);
            if two_d {
                this.ins().array_store(out, &[row, col], value);
            } else {
                this.ins().array_store(out, &[col], value);
            }
            Vec::new()
        });
        supported.then_some(out)
    }

    /// `np.ptp(a)`: maximum minus minimum (NaN when a NaN is present), NumPy's ValueError
    /// for an empty array.
    fn ex_ptp(&mut self, array: Value, ty: &ArrayType) -> Value {
        let dims = self.lib_extents(array, ty.ndim);
        let size = self.lib_product(&dims);
        let zero = self.scalar(INT, 0);
        let empty = self.ins().icmp(IntCC::Equal, size, zero);
        self.raise_if(
            empty,
            ExceptionKind::ValueError,
            "zero-size array to reduction operation maximum which has no identity",
        );
        let dtype = ty.dtype;
        let origin = vec![zero; usize::from(ty.ndim)];
        let first = self.ins().array_load(array, &origin);
        let no_nan = self.ins().bconst(false);
        let tree = Tree::of_array(array, *ty);
        let results = self.reduce_tree(&tree, &dims, &[first, first, no_nan], &mut |this, x, acc| {
            let (low, high) = (acc[0], acc[1]);
            let (less, greater) = if dtype.is_float() {
                (this.ins().fcmp(FloatCC::LessThan, x, low), this.ins().fcmp(FloatCC::GreaterThan, x, high))
            } else {
                (this.ins().icmp(IntCC::LessThan, x, low), this.ins().icmp(IntCC::GreaterThan, x, high))
            };
            let low = this.ins().select(less, x, low);
            let high = this.ins().select(greater, x, high);
            let nan = this.lib_is_nan(x, dtype);
            let nan = this.ins().ior(acc[2], nan);
            vec![low, high, nan]
        });
        if dtype.is_float() {
            let difference = self.ins().fsub(results[1], results[0]);
            let nan = self.float(dtype, f64::NAN);
            self.ins().select(results[2], nan, difference)
        } else {
            self.ins().isub(results[1], results[0])
        }
    }

    /// `np.nanargmin`/`np.nanargmax` of all elements (C order): the first position of the
    /// smallest (largest) number; NumPy's ValueError when there is none.
    fn ex_nanarg(&mut self, array: Value, ty: &ArrayType, max: bool) -> Value {
        let dtype = ty.dtype;
        let dims = self.lib_extents(array, ty.ndim);
        let tree = Tree::of_array(array, *ty);
        let zero = self.scalar(INT, 0);
        let no = self.ins().bconst(false);
        let init = self.scalar(dtype, 0);
        let results = self.reduce_tree(&tree, &dims, &[zero, no, init, zero], &mut |this, x, acc| {
            let (counter, found, best, position) = (acc[0], acc[1], acc[2], acc[3]);
            let beats = if dtype.is_float() {
                let cc = if max { FloatCC::GreaterThan } else { FloatCC::LessThan };
                this.ins().fcmp(cc, x, best)
            } else {
                let cc = if max { IntCC::GreaterThan } else { IntCC::LessThan };
                this.ins().icmp(cc, x, best)
            };
            let first = this.ins().inot(found);
            let take = this.ins().ior(first, beats);
            let nan = this.lib_is_nan(x, dtype);
            let number = this.ins().inot(nan);
            let take = this.ins().iand(take, number);
            let best = this.ins().select(take, x, best);
            let position = this.ins().select(take, counter, position);
            let one = this.scalar(INT, 1);
            vec![this.ins().iadd(counter, one), this.ins().ior(found, number), best, position]
        });
        let none = self.ins().inot(results[1]);
        self.raise_if(none, ExceptionKind::ValueError, "All-NaN slice encountered");
        results[3]
    }

    /// `np.count_nonzero(a, axis=None)`.
    fn ex_count_nonzero(
        &mut self,
        array: Value,
        ty: &ArrayType,
        axis: Option<(Value, Type)>,
        result: &Type,
    ) -> Option<Value> {
        let dtype = ty.dtype;
        let count_line = |this: &mut Self, tree: &Tree, dims: &[Value]| -> Value {
            let zero = this.scalar(INT, 0);
            let totals = this.reduce_tree(tree, dims, &[zero], &mut |this, x, acc| {
                let truth = this.truth(x, &Type::Scalar(dtype));
                let one = this.scalar(INT, 1);
                let zero = this.scalar(INT, 0);
                let step = this.ins().select(truth, one, zero);
                vec![this.ins().iadd(acc[0], step)]
            });
            totals[0]
        };
        let Some((axis, _)) = axis else {
            let dims = self.lib_extents(array, ty.ndim);
            let tree = Tree::of_array(array, *ty);
            return Some(count_line(self, &tree, &dims));
        };
        let axis = self.normal_axis(axis, ty.ndim);
        let lines = self.lib_lines(array, ty.ndim, axis);
        let len = lines.len;
        let line_type = ArrayType::new(dtype, 1, Layout::A);
        match result {
            Type::Scalar(_) => {
                let zero = self.scalar(INT, 0);
                let line = self.lib_line(array, zero, len, lines.stride);
                let tree = Tree::of_array(line, line_type);
                Some(count_line(self, &tree, &[len]))
            }
            Type::Array(out_type) => {
                let out = self.ins().array_alloc(out_type.dtype, false, &lines.other_dims);
                self.own(out);
                self.loop_nest(&lines.other_dims, &[], &mut |this, indices, _| {
                    let offset = this.lib_byte_offset(indices, &lines.other_strides);
                    let line = this.lib_line(array, offset, len, lines.stride);
                    let tree = Tree::of_array(line, line_type);
                    let count = count_line(this, &tree, &[len]);
                    this.ins().array_store(out, indices, count);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.nanvar`/`np.nanstd` of all elements (NaN for no numbers).
    fn ex_nanvar(&mut self, array: Value, ty: &ArrayType, dtype: ScalarType, std: bool) -> Value {
        let source = ty.dtype;
        let work = if source.is_complex() { source } else { dtype };
        let dims = self.lib_extents(array, ty.ndim);
        let tree = Tree::of_array(array, *ty);
        let zero_total = self.scalar(work, 0);
        let zero = self.scalar(INT, 0);
        let totals = self.reduce_tree(&tree, &dims, &[zero_total, zero], &mut |this, x, acc| {
            let nan = this.lib_is_nan(x, source);
            let x = this.convert(x, work);
            let total = this.accumulate(false, acc[0], x, work);
            let one = this.scalar(INT, 1);
            let counted = this.ins().iadd(acc[1], one);
            vec![this.ins().select(nan, acc[0], total), this.ins().select(nan, acc[1], counted)]
        });
        let count = totals[1];
        let mean = self.lib_divide_count(totals[0], count, work);
        let tree = Tree::of_array(array, *ty);
        let zero_sum = self.float(dtype, 0.0);
        let squares = self.reduce_tree(&tree, &dims, &[zero_sum], &mut |this, x, acc| {
            let nan = this.lib_is_nan(x, source);
            let x = this.convert(x, work);
            let square = if work.is_complex() {
                let re = this.ins().creal(x);
                let im = this.ins().cimag(x);
                let mean_re = this.ins().creal(mean);
                let mean_im = this.ins().cimag(mean);
                let dre = this.ins().fsub(re, mean_re);
                let dim = this.ins().fsub(im, mean_im);
                let re2 = this.ins().fmul(dre, dre);
                let im2 = this.ins().fmul(dim, dim);
                this.ins().fadd(re2, im2)
            } else {
                let difference = this.ins().fsub(x, mean);
                this.ins().fmul(difference, difference)
            };
            let total = this.ins().fadd(acc[0], square);
            vec![this.ins().select(nan, acc[0], total)]
        });
        let variance = self.lib_divide_count(squares[0], count, dtype);
        if std { self.ins().call_intrinsic(Intrinsic::Sqrt, &[variance]) } else { variance }
    }

    /// The percentiles or quantiles `q` (a number or an array) of all elements of `array`.
    fn ex_quantile(
        &mut self,
        array: Value,
        ty: &ArrayType,
        q: (Value, Type),
        kind: QuantileKind,
        result: &Type,
    ) -> Option<Value> {
        let source = ty.dtype;
        let (buffer, n) = self.lib_flat_copy(array, ty, true);
        let scratch = self.ins().array_alloc(source, false, &[n]);
        self.own(scratch);
        self.lib_merge_sort(buffer, scratch, n, source, None);
        let zero = self.scalar(INT, 0);
        // NaNs sort last: how many numbers come first.
        let numbers = if source.is_float() {
            let counted = self.loop_nest(&[n], &[zero], &mut |this, indices, acc| {
                let x = this.ins().array_load(buffer, indices);
                let nan = this.lib_is_nan(x, source);
                let one = this.scalar(INT, 1);
                let zero = this.scalar(INT, 0);
                let step = this.ins().select(nan, zero, one);
                vec![this.ins().iadd(acc[0], step)]
            });
            counted[0]
        } else {
            n
        };
        let has_nan = self.ins().icmp(IntCC::NotEqual, numbers, n);
        let used = if kind.skip_nan { numbers } else { n };
        if !kind.skip_nan {
            let empty = self.ins().icmp(IntCC::Equal, n, zero);
            self.raise_if(
                empty,
                ExceptionKind::IndexError,
                "index -1 is out of bounds for axis 0 with size 0",
            );
        }
        let f64_type = ScalarType::Float64;
        let (low_bound, high_bound, message) = if kind.percent {
            (0.0, 100.0, "Percentiles must be in the range [0, 100]")
        } else {
            (0.0, 1.0, "Quantiles must be in the range [0, 1]")
        };
        let check = |this: &mut Self, q: Value| -> Value {
            let low = this.float(f64_type, low_bound);
            let high = this.float(f64_type, high_bound);
            let below = this.ins().fcmp(FloatCC::LessThan, q, low);
            let above = this.ins().fcmp(FloatCC::GreaterThan, q, high);
            let nan = this.ins().fcmp(FloatCC::Unordered, q, q);
            let bad = this.ins().ior(below, above);
            this.ins().ior(bad, nan)
        };
        let dtype = match result {
            Type::Scalar(dtype) => *dtype,
            Type::Array(array) => array.dtype,
            _ => return None,
        };
        let compute = |this: &mut Self, q: Value| -> Value {
            let q = if kind.percent {
                let hundred = this.float(f64_type, 100.0);
                this.ins().fdiv(q, hundred)
            } else {
                q
            };
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let top = this.ins().isub(used, one);
            let top = this.lib_max_int(top, zero);
            let top_float = this.convert(top, f64_type);
            let position = this.ins().fmul(q, top_float);
            let below = this.ins().call_intrinsic(Intrinsic::Floor, &[position]);
            let gamma = this.ins().fsub(position, below);
            let below_index = this.convert(below, INT);
            let below_index = this.lib_min_int(below_index, top);
            let below_index = this.lib_max_int(below_index, zero);
            let above_index = this.ins().iadd(below_index, one);
            let above_index = this.lib_min_int(above_index, top);
            let a = this.ins().array_load(buffer, &[below_index]);
            let b = this.ins().array_load(buffer, &[above_index]);
            let a = this.convert(a, f64_type);
            let b = this.convert(b, f64_type);
            // NumPy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) for t >= 0.5.
            let difference = this.ins().fsub(b, a);
            let up = this.ins().fmul(difference, gamma);
            let from_a = this.ins().fadd(a, up);
            let one_float = this.float(f64_type, 1.0);
            let rest = this.ins().fsub(one_float, gamma);
            let down = this.ins().fmul(difference, rest);
            let from_b = this.ins().fsub(b, down);
            let half = this.float(f64_type, 0.5);
            let upper_half = this.ins().fcmp(FloatCC::GreaterThanOrEqual, gamma, half);
            let value = this.ins().select(upper_half, from_b, from_a);
            let nan = this.float(f64_type, f64::NAN);
            let value = if kind.skip_nan {
                let nothing = this.ins().icmp(IntCC::Equal, used, zero);
                this.ins().select(nothing, nan, value)
            } else {
                this.ins().select(has_nan, nan, value)
            };
            this.convert(value, dtype)
        };
        match (&q.1, result) {
            (Type::Scalar(_), Type::Scalar(_)) => {
                let value = self.convert(q.0, f64_type);
                let bad = check(self, value);
                self.raise_if(bad, ExceptionKind::ValueError, message);
                Some(compute(self, value))
            }
            (Type::Array(q_type), Type::Array(_)) => {
                let dims = self.lib_extents(q.0, q_type.ndim);
                let tree = Tree::of_array(q.0, *q_type);
                let no = self.ins().bconst(false);
                let bad = self.reduce_tree(&tree, &dims, &[no], &mut |this, x, acc| {
                    let x = this.convert(x, f64_type);
                    let bad = check(this, x);
                    vec![this.ins().ior(acc[0], bad)]
                });
                self.raise_if(bad[0], ExceptionKind::ValueError, message);
                let out = self.ins().array_alloc(dtype, false, &dims);
                self.own(out);
                let q_value = q.0;
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let x = this.ins().array_load(q_value, indices);
                    let x = this.convert(x, f64_type);
                    let value = compute(this, x);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.trapezoid(y, dx=dx)` of a 1-d array: `Σ dx * (y[i] + y[i+1]) / 2`.
    fn ex_trapezoid(&mut self, array: Value, ty: &ArrayType, dx: Value, dtype: ScalarType) -> Value {
        let source = ty.dtype;
        let len = self.ins().array_dim(array, 0);
        let one = self.scalar(INT, 1);
        let zero = self.scalar(INT, 0);
        let pairs = self.ins().isub(len, one);
        let pairs = self.lib_max_int(pairs, zero);
        let dx = self.convert(dx, dtype.real_part());
        let dx = if dtype.is_complex() {
            let zero_part = self.float(dtype, 0.0);
            self.ins().cmake(dx, zero_part)
        } else {
            dx
        };
        let two =
            if dtype.is_complex() { self.ins().cconst(dtype, 2.0, 0.0) } else { self.float(dtype, 2.0) };
        let init = self.scalar(dtype, 0);
        let totals = self.loop_nest(&[pairs], &[init], &mut |this, indices, acc| {
            let one = this.scalar(INT, 1);
            let next = this.ins().iadd(indices[0], one);
            let a = this.ins().array_load(array, indices);
            let b = this.ins().array_load(array, &[next]);
            // y[1:] + y[:-1] in y's dtype (or for bool), then d * sum / 2.
            let sum = this.accumulate(false, b, a, source);
            let sum = this.convert(sum, dtype);
            let scaled = this.accumulate(true, dx, sum, dtype);
            let half = if dtype.is_complex() {
                let re = this.ins().creal(scaled);
                let im = this.ins().cimag(scaled);
                let two_part = this.float(dtype, 2.0);
                let re = this.ins().fdiv(re, two_part);
                let im = this.ins().fdiv(im, two_part);
                this.ins().cmake(re, im)
            } else {
                this.ins().fdiv(scaled, two)
            };
            vec![this.accumulate(false, acc[0], half, dtype)]
        });
        totals[0]
    }

    /// The flattened elements of an array (a view or a copy) or a scalar (as one element).
    fn ex_flat_source(&mut self, value: Value, ty: &Type) -> Option<(Option<Value>, Value, Value)> {
        match ty {
            Type::Array(array) => {
                let (flat, len) = self.lib_flat_elements(value, array);
                Some((Some(flat), len, value))
            }
            Type::Scalar(_) => {
                let one = self.scalar(INT, 1);
                Some((None, one, value))
            }
            _ => None,
        }
    }

    /// Element `k` of a flat source.
    fn ex_flat_element(&mut self, source: (Option<Value>, Value, Value), k: Value) -> Value {
        match source.0 {
            Some(flat) => self.ins().array_load(flat, &[k]),
            None => source.2,
        }
    }

    /// `np.repeat(a, repeats)` (flattened).
    fn ex_repeat(
        &mut self,
        value: Value,
        ty: &Type,
        repeats: (Value, Type),
        out_type: &ArrayType,
    ) -> Option<Value> {
        let source = self.ex_flat_source(value, ty)?;
        let n = source.1;
        let zero = self.scalar(INT, 0);
        let dtype = out_type.dtype;
        match &repeats.1 {
            Type::Scalar(_) => {
                let count = self.convert(repeats.0, INT);
                let negative = self.ins().icmp(IntCC::LessThan, count, zero);
                self.raise_if(negative, ExceptionKind::ValueError, "negative dimensions are not allowed");
                let total = self.ins().imul(n, count);
                let out = self.ins().array_alloc(dtype, false, &[total]);
                self.own(out);
                self.loop_nest(&[n, count], &[], &mut |this, indices, _| {
                    let element = this.ex_flat_element(source, indices[0]);
                    let element = this.convert(element, dtype);
                    let at = this.ins().imul(indices[0], count);
                    let at = this.ins().iadd(at, indices[1]);
                    this.ins().array_store(out, &[at], element);
                    Vec::new()
                });
                Some(out)
            }
            Type::Array(_) => {
                let counts = self.ex_flat_source(repeats.0, &repeats.1)?;
                let m = counts.1;
                // NumPy broadcasts one count to every element.
                let one = self.scalar(INT, 1);
                let single = self.ins().icmp(IntCC::Equal, m, one);
                let same = self.ins().icmp(IntCC::Equal, m, n);
                let fits = self.ins().ior(single, same);
                let mismatch = self.ins().inot(fits);
                self.raise_if_with(
                    mismatch,
                    ExceptionKind::ValueError,
                    "operands could not be broadcast together with shape ({},) ({},)",
                    &[n, m],
                );
                let count_at = |this: &mut Self, k: Value| -> Value {
                    let zero = this.scalar(INT, 0);
                    let at = this.ins().select(single, zero, k);
                    let count = this.ex_flat_element(counts, at);
                    this.convert(count, INT)
                };
                let no = self.ins().bconst(false);
                let totals = self.loop_nest(&[n], &[zero, no], &mut |this, indices, acc| {
                    let count = count_at(this, indices[0]);
                    let zero = this.scalar(INT, 0);
                    let negative = this.ins().icmp(IntCC::LessThan, count, zero);
                    vec![this.ins().iadd(acc[0], count), this.ins().ior(acc[1], negative)]
                });
                self.raise_if(totals[1], ExceptionKind::ValueError, "negative dimensions are not allowed");
                let out = self.ins().array_alloc(dtype, false, &[totals[0]]);
                self.own(out);
                self.loop_nest(&[n], &[zero], &mut |this, indices, acc| {
                    let count = count_at(this, indices[0]);
                    let element = this.ex_flat_element(source, indices[0]);
                    let element = this.convert(element, dtype);
                    let start = acc[0];
                    this.loop_nest(&[count], &[], &mut |this, inner, _| {
                        let at = this.ins().iadd(start, inner[0]);
                        this.ins().array_store(out, &[at], element);
                        Vec::new()
                    });
                    vec![this.ins().iadd(start, count)]
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.searchsorted(a, v, side)`: a binary search (64 halvings, branch-free) per
    /// value in NumPy's order (NaNs last).
    fn ex_searchsorted(
        &mut self,
        array: Value,
        ty: &ArrayType,
        v: Value,
        v_type: &Type,
        right: bool,
        result: &Type,
    ) -> Option<Value> {
        let v_dtype = match v_type {
            Type::Array(array) => array.dtype,
            Type::Scalar(scalar) => *scalar,
            _ => return None,
        };
        let common = ty.dtype.promote(v_dtype);
        let n = self.ins().array_dim(array, 0);
        let search = |this: &mut Self, key: Value| -> Value {
            let key = this.convert(key, common);
            this.lib_partition_point(n, &mut |this, mid| {
                let element = this.ins().array_load(array, &[mid]);
                let element = this.convert(element, common);
                // left: the first position whose element is not before the key;
                // right: the first whose element is after it.
                if right {
                    let after = this.lib_sorts_before(key, element, common);
                    this.ins().inot(after)
                } else {
                    this.lib_sorts_before(element, key, common)
                }
            })
        };
        match (v_type, result) {
            (Type::Scalar(_), Type::Scalar(_)) => Some(search(self, v)),
            (Type::Array(v_ty), Type::Array(_)) => {
                let dims = self.lib_extents(v, v_ty.ndim);
                let out = self.ins().array_alloc(INT, false, &dims);
                self.own(out);
                self.loop_nest(&dims, &[], &mut |this, indices, _| {
                    let key = this.ins().array_load(v, indices);
                    let position = search(this, key);
                    this.ins().array_store(out, indices, position);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.flatnonzero(a)`: the C-order positions of the nonzero elements.
    fn ex_flatnonzero(&mut self, array: Value, ty: &ArrayType) -> Value {
        let dtype = ty.dtype;
        let dims = self.lib_extents(array, ty.ndim);
        let zero = self.scalar(INT, 0);
        let tree = Tree::of_array(array, *ty);
        let counted = self.reduce_tree(&tree, &dims, &[zero], &mut |this, x, acc| {
            let truth = this.truth(x, &Type::Scalar(dtype));
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(acc[0], step)]
        });
        // One slot more than needed, so every element can be stored branch-free at
        // the next free slot (a later nonzero element overwrites a zero one's store).
        let one = self.scalar(INT, 1);
        let room = self.ins().iadd(counted[0], one);
        let out = self.ins().array_alloc(INT, false, &[room]);
        self.own(out);
        let tree = Tree::of_array(array, *ty);
        self.reduce_tree(&tree, &dims, &[zero, zero], &mut |this, x, acc| {
            let (position, found) = (acc[0], acc[1]);
            let truth = this.truth(x, &Type::Scalar(dtype));
            this.ins().array_store(out, &[found], position);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(position, one), this.ins().iadd(found, step)]
        });
        let itemsize = self.scalar(INT, 8);
        self.ins().array_view(Layout::C, out, zero, &[counted[0]], &[itemsize])
    }

    /// `np.column_stack(tup)`: 1-d arrays as columns, 2-d arrays as they are.
    fn ex_column_stack(&mut self, tuple: Value, items: &[Type], out_type: &ArrayType) -> Option<Value> {
        let mut columns = Vec::new();
        for (at, item) in items.iter().enumerate() {
            let Type::Array(ty) = item else { return None };
            let value = self.ins().tuple_get(tuple, at as u32);
            let (dims, strides) = self.ex_dims_strides(value, ty.ndim);
            let one = self.scalar(INT, 1);
            let zero = self.scalar(INT, 0);
            let view = if ty.ndim == 1 {
                self.ins().array_view(Layout::A, value, zero, &[dims[0], one], &[strides[0], zero])
            } else {
                value
            };
            let cols = if ty.ndim == 1 { one } else { dims[1] };
            columns.push((view, dims[0], cols, ty.dtype));
        }
        let rows = columns.first()?.1;
        let mut total = self.scalar(INT, 0);
        let mut bad = self.ins().bconst(false);
        for &(_, n, cols, _) in &columns {
            let differs = self.ins().icmp(IntCC::NotEqual, n, rows);
            bad = self.ins().ior(bad, differs);
            total = self.ins().iadd(total, cols);
        }
        self.raise_if(
            bad,
            ExceptionKind::ValueError,
            "all the input array dimensions except for the concatenation axis must match exactly",
        );
        let dtype = out_type.dtype;
        let out = self.ins().array_alloc(dtype, false, &[rows, total]);
        self.own(out);
        let mut start = self.scalar(INT, 0);
        for (view, _, cols, _) in columns {
            let first = start;
            self.loop_nest(&[rows, cols], &[], &mut |this, indices, _| {
                let element = this.ins().array_load(view, indices);
                let element = this.convert(element, dtype);
                let col = this.ins().iadd(first, indices[1]);
                this.ins().array_store(out, &[indices[0], col], element);
                Vec::new()
            });
            start = self.ins().iadd(start, cols);
        }
        Some(out)
    }

    /// `np.append(arr, values)`: both flattened, one after the other.
    fn ex_append(&mut self, parts: &[(Value, Type)], out_type: &ArrayType) -> Value {
        let dtype = out_type.dtype;
        let mut sources = Vec::new();
        let mut total = self.scalar(INT, 0);
        for (value, ty) in parts {
            if let Some(source) = self.ex_flat_source(*value, ty) {
                total = self.ins().iadd(total, source.1);
                sources.push(source);
            }
        }
        let out = self.ins().array_alloc(dtype, false, &[total]);
        self.own(out);
        let mut start = self.scalar(INT, 0);
        for source in sources {
            let first = start;
            self.loop_nest(&[source.1], &[], &mut |this, indices, _| {
                let element = this.ex_flat_element(source, indices[0]);
                let element = this.convert(element, dtype);
                let at = this.ins().iadd(first, indices[0]);
                this.ins().array_store(out, &[at], element);
                Vec::new()
            });
            start = self.ins().iadd(start, source.1);
        }
        out
    }

    /// A position into `n` elements: negative counts from the end; whether it is out of
    /// range (then the position returned is 0).
    pub(super) fn ex_wrap_index(&mut self, index: Value, n: Value) -> (Value, Value) {
        let index = self.convert(index, INT);
        let zero = self.scalar(INT, 0);
        let negative = self.ins().icmp(IntCC::LessThan, index, zero);
        let wrapped = self.ins().iadd(index, n);
        let position = self.ins().select(negative, wrapped, index);
        let below = self.ins().icmp(IntCC::LessThan, position, zero);
        let above = self.ins().icmp(IntCC::GreaterThanOrEqual, position, n);
        let outside = self.ins().ior(below, above);
        (self.ins().select(outside, zero, position), outside)
    }

    /// `a.take(indices)`, `np.take(a, indices)` of the flattened array.
    fn ex_take(&mut self, array: Value, ty: &ArrayType, indices: (Value, Type)) -> Option<Value> {
        let (flat, n) = self.lib_flat_elements(array, ty);
        let message = "index {} is out of bounds for size {}";
        match &indices.1 {
            Type::Scalar(_) => {
                let (position, outside) = self.ex_wrap_index(indices.0, n);
                let index = self.convert(indices.0, INT);
                self.raise_if_with(outside, ExceptionKind::IndexError, message, &[index, n]);
                Some(self.ins().array_load(flat, &[position]))
            }
            Type::Array(index_type) => {
                let dims = self.lib_extents(indices.0, index_type.ndim);
                let tree = Tree::of_array(indices.0, *index_type);
                let no = self.ins().bconst(false);
                let zero = self.scalar(INT, 0);
                let checked = self.reduce_tree(&tree, &dims, &[no, zero], &mut |this, index, acc| {
                    let (_, outside) = this.ex_wrap_index(index, n);
                    let index = this.convert(index, INT);
                    let first = this.ins().inot(acc[0]);
                    let record = this.ins().iand(first, outside);
                    let reported = this.ins().select(record, index, acc[1]);
                    vec![this.ins().ior(acc[0], outside), reported]
                });
                self.raise_if_with(checked[0], ExceptionKind::IndexError, message, &[checked[1], n]);
                let out = self.ins().array_alloc(ty.dtype, false, &dims);
                self.own(out);
                let index_array = indices.0;
                self.loop_nest(&dims, &[], &mut |this, at, _| {
                    let index = this.ins().array_load(index_array, at);
                    let (position, _) = this.ex_wrap_index(index, n);
                    let element = this.ins().array_load(flat, &[position]);
                    this.ins().array_store(out, at, element);
                    Vec::new()
                });
                Some(out)
            }
            _ => None,
        }
    }

    /// `np.roll(a, shift)`: the flattened elements shifted, in `a`'s shape.
    fn ex_roll(&mut self, array: Value, ty: &ArrayType, shift: Value) -> Value {
        let dims = self.lib_extents(array, ty.ndim);
        let (flat, n) = self.lib_flat_elements(array, ty);
        let out = self.ins().array_alloc(ty.dtype, false, &dims);
        self.own(out);
        let one = self.scalar(INT, 1);
        let size = self.lib_max_int(n, one);
        let shift = self.ins().irem(shift, size);
        let shift = self.ins().iadd(shift, size);
        let shift = self.ins().irem(shift, size);
        let zero = self.scalar(INT, 0);
        let itemsize = self.scalar(INT, i64::from(ty.dtype.size_bytes()));
        let out_flat = self.ins().array_view(Layout::C, out, zero, &[n], &[itemsize]);
        self.loop_nest(&[n], &[], &mut |this, indices, _| {
            let element = this.ins().array_load(flat, indices);
            let at = this.ins().iadd(indices[0], shift);
            let at = this.ins().irem(at, size);
            this.ins().array_store(out_flat, &[at], element);
            Vec::new()
        });
        out
    }

    /// `np.extract(condition, arr)`: the elements of the flattened `arr` where the
    /// flattened `condition` is true (IndexError past `arr`'s end).
    fn ex_extract(
        &mut self,
        condition: Value,
        condition_type: &ArrayType,
        array: Value,
        ty: &ArrayType,
    ) -> Value {
        let (flat, n) = self.lib_flat_elements(array, ty);
        let (flags, m) = self.lib_flat_elements(condition, condition_type);
        let condition_dtype = condition_type.dtype;
        let zero = self.scalar(INT, 0);
        let no = self.ins().bconst(false);
        let counted = self.loop_nest(&[m], &[zero, no, zero], &mut |this, indices, acc| {
            let flag = this.ins().array_load(flags, indices);
            let truth = this.truth(flag, &Type::Scalar(condition_dtype));
            let past = this.ins().icmp(IntCC::GreaterThanOrEqual, indices[0], n);
            let bad = this.ins().iand(truth, past);
            let first = this.ins().inot(acc[1]);
            let record = this.ins().iand(first, bad);
            let reported = this.ins().select(record, indices[0], acc[2]);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(acc[0], step), this.ins().ior(acc[1], bad), reported]
        });
        self.raise_if_with(
            counted[1],
            ExceptionKind::IndexError,
            "index {} is out of bounds for axis 0 with size {}",
            &[counted[2], n],
        );
        // Branch-free as in `ex_flatnonzero`; flags past `arr`'s end are false by now.
        let one = self.scalar(INT, 1);
        let room = self.ins().iadd(counted[0], one);
        let out = self.ins().array_alloc(ty.dtype, false, &[room]);
        self.own(out);
        let checked = self.lib_min_int(m, n);
        self.loop_nest(&[checked], &[zero], &mut |this, indices, acc| {
            let flag = this.ins().array_load(flags, indices);
            let truth = this.truth(flag, &Type::Scalar(condition_dtype));
            let element = this.ins().array_load(flat, indices);
            this.ins().array_store(out, &[acc[0]], element);
            let one = this.scalar(INT, 1);
            let zero = this.scalar(INT, 0);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(acc[0], step)]
        });
        let itemsize = self.scalar(INT, i64::from(ty.dtype.size_bytes()));
        self.ins().array_view(Layout::C, out, zero, &[counted[0]], &[itemsize])
    }

    /// `np.bincount(x, weights, minlength)`.
    fn ex_bincount(
        &mut self,
        array: Value,
        weights: Option<(Value, ArrayType)>,
        minlength: Value,
        out_type: &ArrayType,
    ) -> Value {
        let zero = self.scalar(INT, 0);
        let negative_length = self.ins().icmp(IntCC::LessThan, minlength, zero);
        self.raise_if(negative_length, ExceptionKind::ValueError, "'minlength' must not be negative");
        let n = self.ins().array_dim(array, 0);
        if let Some((weights, _)) = weights {
            let m = self.ins().array_dim(weights, 0);
            let differ = self.ins().icmp(IntCC::NotEqual, m, n);
            self.raise_if(
                differ,
                ExceptionKind::ValueError,
                "The weights and list don't have the same length.",
            );
        }
        let minus_one = self.scalar(INT, -1);
        let no = self.ins().bconst(false);
        let scan = self.loop_nest(&[n], &[minus_one, no], &mut |this, indices, acc| {
            let x = this.ins().array_load(array, indices);
            let x = this.convert(x, INT);
            let zero = this.scalar(INT, 0);
            let negative = this.ins().icmp(IntCC::LessThan, x, zero);
            vec![this.lib_max_int(acc[0], x), this.ins().ior(acc[1], negative)]
        });
        self.raise_if(scan[1], ExceptionKind::ValueError, "'list' argument must have no negative elements");
        let one = self.scalar(INT, 1);
        let len = self.ins().iadd(scan[0], one);
        let len = self.lib_max_int(len, minlength);
        let dtype = out_type.dtype;
        let out = self.ins().array_alloc(dtype, true, &[len]);
        self.own(out);
        self.loop_nest(&[n], &[], &mut |this, indices, _| {
            let x = this.ins().array_load(array, indices);
            let x = this.convert(x, INT);
            let old = this.ins().array_load(out, &[x]);
            let add = match weights {
                Some((weights, _)) => {
                    let w = this.ins().array_load(weights, indices);
                    this.convert(w, dtype)
                }
                None => this.scalar(dtype, 1),
            };
            let new = this.accumulate(false, old, add, dtype);
            this.ins().array_store(out, &[x], new);
            Vec::new()
        });
        out
    }
}
