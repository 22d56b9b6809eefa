//! Reductions (`np.sum(a)`, `a.max(axis=1)`, `a.mean()`, ...) with NumPy's results.
//!
//! A reduction of a whole array folds every element into accumulators in one loop nest;
//! an element-wise operand is fused into it (`np.sum(np.sqrt(a))` allocates nothing). With
//! `axis=k` (a run-time integer; negative counts from the end) the result is a new array of
//! the other axes, each element the reduction of one line of the operand along axis `k`.
//!
//! Semantics follow NumPy: sums and products of small integers accumulate in `int64`
//! (`uint64`), means and variances of integers are `float64`, `min`/`max` propagate NaN,
//! `argmin`/`argmax` give the first position of the extreme value (a NaN counts as the
//! extreme), the mean and variance of nothing are NaN, and `min`/`max`/`argmin`/`argmax`
//! of nothing raise ValueError. Accumulation is sequential, as in Numba (NumPy sums floats
//! pairwise, so the last bits of large float sums may differ).

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, Value};
use numjit_sema::hir::{Expr, ExprId, KeywordArg};
use numjit_sema::templates::numpy::{ArrayFunc, Reduction};
use numjit_sema::{CallTarget, Callable};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::elementwise::Tree;
use crate::function::{Lowerer, Operand};

impl<'a> Lowerer<'a> {
    /// The reduction `expr` is, with its array operand and `axis` argument: a call
    /// `np.sum(x, axis)` or a method call `x.sum(axis)`.
    pub(crate) fn reduction_of(&self, expr: ExprId) -> Option<(Reduction, ExprId, Option<ExprId>)> {
        let axis_of = |args: &[ExprId], keywords: &[KeywordArg], first: usize| {
            args.get(first)
                .copied()
                .or_else(|| keywords.iter().find(|keyword| keyword.name == "axis").map(|k| k.value))
        };
        match &self.body.exprs[expr].kind {
            Expr::Call { args, keywords, .. } => {
                let resolution = self.typed.resolutions.get(&expr)?;
                let Some(CallTarget::Callable(Callable::ArrayFunc(ArrayFunc::Reduce(reduction)))) =
                    resolution.target
                else {
                    return None;
                };
                Some((reduction, *args.first()?, axis_of(args, keywords, 1)))
            }
            Expr::MethodCall { base, method, args, keywords } => {
                if !matches!(self.expr_value_type(*base), Some(Type::Array(_))) {
                    return None;
                }
                let reduction = Reduction::from_method(method)?;
                Some((reduction, *base, axis_of(args, keywords, 0)))
            }
            _ => None,
        }
    }

    /// Evaluates a reduction (see the module documentation).
    pub(crate) fn eval_reduction(&mut self, expr: ExprId) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some((reduction, operand, axis)) = self.reduction_of(expr) else { return Operand::Static };
        let axis = axis.filter(|axis| !matches!(self.expr_value_type(*axis), Some(Type::NoneType) | None));
        let result_type = self.expr_value_type(expr).cloned();
        match axis {
            None => {
                let Some((tree, dims)) = self.reduction_source(operand) else { return Operand::Static };
                let Some(Type::Scalar(dtype)) = result_type else { return Operand::Static };
                match self.reduce_all(reduction, &tree, &dims, dtype, true) {
                    Some(value) => Operand::Value(value),
                    None => {
                        self.unsupported(&format!("{}() of these arrays", reduction.name()), range);
                        Operand::Static
                    }
                }
            }
            Some(axis_expr) => {
                let source = self.eval(operand);
                let axis_operand = self.eval(axis_expr);
                if self.cur.is_none() {
                    return Operand::Static;
                }
                let array = self.value_of(source, operand);
                let axis_value = self.value_of(axis_operand, axis_expr);
                let Some(Type::Array(array_type)) = self.expr_value_type(operand).cloned() else {
                    return Operand::Static;
                };
                let result =
                    self.reduce_axis(reduction, array, &array_type, axis_value, result_type.as_ref());
                match result {
                    Some(value) => Operand::Value(value),
                    None => {
                        self.unsupported(&format!("{}(axis=...) of these arrays", reduction.name()), range);
                        Operand::Static
                    }
                }
            }
        }
    }

    /// `reduction` along one axis of `array`.
    fn reduce_axis(
        &mut self,
        reduction: Reduction,
        array: Value,
        array_type: &ArrayType,
        axis: Value,
        result_type: Option<&Type>,
    ) -> Option<Value> {
        let int = ScalarType::Int64;
        let ndim = array_type.ndim;
        let normal = self.normal_axis(axis, ndim);
        let zero = self.scalar(int, 0);
        let dims: Vec<Value> = (0..ndim).map(|k| self.ins().array_dim(array, u32::from(k))).collect();
        let strides: Vec<Value> = (0..ndim).map(|k| self.ins().array_stride(array, u32::from(k))).collect();
        // The reduced axis's extent and stride, and the other axes in order.
        let mut line_dim = dims[0];
        let mut line_stride = strides[0];
        for k in 1..usize::from(ndim) {
            let here = self.scalar(int, k as i64);
            let is_here = self.ins().icmp(IntCC::Equal, normal, here);
            line_dim = self.ins().select(is_here, dims[k], line_dim);
            line_stride = self.ins().select(is_here, strides[k], line_stride);
        }
        let mut out_dims = Vec::new();
        let mut out_strides = Vec::new();
        for j in 0..usize::from(ndim).saturating_sub(1) {
            let here = self.scalar(int, j as i64);
            let before = self.ins().icmp(IntCC::LessThan, here, normal);
            out_dims.push(self.ins().select(before, dims[j], dims[j + 1]));
            out_strides.push(self.ins().select(before, strides[j], strides[j + 1]));
        }
        if needs_elements(reduction) {
            let empty = self.ins().icmp(IntCC::Equal, line_dim, zero);
            self.raise_if(empty, ExceptionKind::ValueError, &empty_message(reduction));
        }
        let line_type = ArrayType::new(array_type.dtype, 1, Layout::A);
        match result_type? {
            Type::Scalar(dtype) => {
                let line = self.ins().array_view(Layout::A, array, zero, &[line_dim], &[line_stride]);
                let tree = Tree::of_array(line, line_type);
                self.reduce_all(reduction, &tree, &[line_dim], *dtype, false)
            }
            Type::Array(out_type) => {
                let out = self.ins().array_alloc(out_type.dtype, false, &out_dims);
                self.own(out);
                let dtype = out_type.dtype;
                let mut supported = true;
                self.loop_nest(&out_dims, &[], &mut |this, indices, _| {
                    let mut offset = zero;
                    for (index, stride) in indices.iter().zip(&out_strides) {
                        let term = this.ins().imul(*index, *stride);
                        offset = this.ins().iadd(offset, term);
                    }
                    let line = this.ins().array_view(Layout::A, array, offset, &[line_dim], &[line_stride]);
                    let tree = Tree::of_array(line, line_type);
                    match this.reduce_all(reduction, &tree, &[line_dim], dtype, false) {
                        Some(value) => {
                            this.ins().array_store(out, indices, value);
                        }
                        None => supported = false,
                    }
                    Vec::new()
                });
                supported.then_some(out)
            }
            _ => None,
        }
    }

    /// `reduction` of every element of `tree` (over `dims`), as `dtype`; `check_empty`
    /// raises NumPy's ValueError for reductions that need an element. `None` for a
    /// combination numjit does not implement.
    fn reduce_all(
        &mut self,
        reduction: Reduction,
        tree: &Tree,
        dims: &[Value],
        dtype: ScalarType,
        check_empty: bool,
    ) -> Option<Value> {
        let int = ScalarType::Int64;
        let source = tree.dtype;
        let mut count = self.scalar(int, 1);
        for dim in dims {
            count = self.ins().imul(count, *dim);
        }
        if check_empty && needs_elements(reduction) {
            let zero = self.scalar(int, 0);
            let empty = self.ins().icmp(IntCC::Equal, count, zero);
            self.raise_if(empty, ExceptionKind::ValueError, &empty_message(reduction));
        }
        Some(match reduction {
            Reduction::Sum | Reduction::Prod => {
                let product = reduction == Reduction::Prod;
                let init = if dtype.is_complex() {
                    self.ins().cconst(dtype, if product { 1.0 } else { 0.0 }, 0.0)
                } else {
                    self.scalar(dtype, i64::from(product))
                };
                let [total] = self.reduce_tree(tree, dims, &[init], &mut |this, element, acc| {
                    let element = this.convert(element, dtype);
                    vec![this.accumulate(product, acc[0], element, dtype)]
                })[..] else {
                    return None;
                };
                total
            }
            Reduction::All | Reduction::Any => {
                let all = reduction == Reduction::All;
                let init = self.ins().bconst(all);
                let [result] = self.reduce_tree(tree, dims, &[init], &mut |this, element, acc| {
                    let truth = this.truth(element, &Type::Scalar(source));
                    vec![if all { this.ins().iand(acc[0], truth) } else { this.ins().ior(acc[0], truth) }]
                })[..] else {
                    return None;
                };
                result
            }
            Reduction::Min | Reduction::Max => {
                let max = reduction == Reduction::Max;
                let first = self.ins().bconst(true);
                let init = self.scalar(source, 0);
                let [_, best] = self.reduce_tree(tree, dims, &[first, init], &mut |this, element, acc| {
                    let take = this.better(max, element, acc[1], source);
                    let take = this.ins().ior(acc[0], take);
                    let best = this.ins().select(take, element, acc[1]);
                    let no = this.ins().bconst(false);
                    vec![no, best]
                })[..] else {
                    return None;
                };
                self.convert(best, dtype)
            }
            Reduction::Argmin | Reduction::Argmax => {
                if source.is_complex() {
                    return None;
                }
                let max = reduction == Reduction::Argmax;
                let zero = self.scalar(int, 0);
                let one = self.scalar(int, 1);
                let init = self.scalar(source, 0);
                let [_, _, position] =
                    self.reduce_tree(tree, dims, &[zero, init, zero], &mut |this, element, acc| {
                        let (counter, best, position) = (acc[0], acc[1], acc[2]);
                        let first = this.ins().icmp(IntCC::Equal, counter, zero);
                        let better = this.better(max, element, best, source);
                        let take = this.ins().ior(first, better);
                        let best = this.ins().select(take, element, best);
                        let position = this.ins().select(take, counter, position);
                        let counter = this.ins().iadd(counter, one);
                        vec![counter, best, position]
                    })[..]
                else {
                    return None;
                };
                position
            }
            Reduction::Mean | Reduction::Var | Reduction::Std => {
                let acc_type = if dtype.is_float() && source.is_complex() { source } else { dtype };
                let acc_type =
                    if acc_type.is_complex() || acc_type.is_float() { acc_type } else { ScalarType::Float64 };
                let zero = if acc_type.is_complex() {
                    self.ins().cconst(acc_type, 0.0, 0.0)
                } else {
                    self.float(acc_type, 0.0)
                };
                let [total] = self.reduce_tree(tree, dims, &[zero], &mut |this, element, acc| {
                    let element = this.convert(element, acc_type);
                    vec![this.accumulate(false, acc[0], element, acc_type)]
                })[..] else {
                    return None;
                };
                let n = self.convert(count, acc_type.real_part());
                let mean = self.divide_by(total, n, acc_type);
                if reduction == Reduction::Mean {
                    return Some(self.convert(mean, dtype));
                }
                let real = acc_type.real_part();
                let zero = self.float(real, 0.0);
                let [squares] = self.reduce_tree(tree, dims, &[zero], &mut |this, element, acc| {
                    let element = this.convert(element, acc_type);
                    let deviation = if acc_type.is_complex() {
                        let difference = this.ins().csub(element, mean);
                        let re = this.ins().creal(difference);
                        let im = this.ins().cimag(difference);
                        let re2 = this.ins().fmul(re, re);
                        let im2 = this.ins().fmul(im, im);
                        this.ins().fadd(re2, im2)
                    } else {
                        let difference = this.ins().fsub(element, mean);
                        this.ins().fmul(difference, difference)
                    };
                    vec![this.ins().fadd(acc[0], deviation)]
                })[..] else {
                    return None;
                };
                let variance = self.ins().fdiv(squares, n);
                let result = if reduction == Reduction::Std {
                    self.ins().call_intrinsic(Intrinsic::Sqrt, &[variance])
                } else {
                    variance
                };
                self.convert(result, dtype)
            }
        })
    }

    /// `axis` (an integer) as an axis of an array of `ndim` dimensions: negative counts
    /// from the end; NumPy's ValueError outside.
    pub(crate) fn normal_axis(&mut self, axis: Value, ndim: u8) -> Value {
        let int = ScalarType::Int64;
        let axis = self.convert(axis, int);
        let rank = self.scalar(int, i64::from(ndim));
        let zero = self.scalar(int, 0);
        let negative = self.ins().icmp(IntCC::LessThan, axis, zero);
        let wrapped = self.ins().iadd(axis, rank);
        let normal = self.ins().select(negative, wrapped, axis);
        let below = self.ins().icmp(IntCC::LessThan, normal, zero);
        let above = self.ins().icmp(IntCC::GreaterThanOrEqual, normal, rank);
        let outside = self.ins().ior(below, above);
        self.raise_if_with(
            outside,
            ExceptionKind::ValueError,
            "axis {} is out of bounds for array of dimension {}",
            &[axis, rank],
        );
        normal
    }

    /// `acc + x` or `acc * x` in `dtype` (bool accumulators are integers by then).
    pub(crate) fn accumulate(&mut self, product: bool, acc: Value, x: Value, dtype: ScalarType) -> Value {
        let mut ins = self.ins();
        match (product, dtype) {
            (false, t) if t.is_complex() => ins.cadd(acc, x),
            (true, t) if t.is_complex() => ins.cmul(acc, x),
            (false, t) if t.is_float() => ins.fadd(acc, x),
            (true, t) if t.is_float() => ins.fmul(acc, x),
            (false, ScalarType::Bool) => ins.ior(acc, x),
            (true, ScalarType::Bool) => ins.iand(acc, x),
            (false, _) => ins.iadd(acc, x),
            (true, _) => ins.imul(acc, x),
        }
    }

    /// `total / n` for a float or complex `total` and a float `n`.
    pub(crate) fn divide_by(&mut self, total: Value, n: Value, ty: ScalarType) -> Value {
        if ty.is_complex() {
            let re = self.ins().creal(total);
            let im = self.ins().cimag(total);
            let re = self.ins().fdiv(re, n);
            let im = self.ins().fdiv(im, n);
            self.ins().cmake(re, im)
        } else {
            self.ins().fdiv(total, n)
        }
    }

    /// Whether `x` replaces `best` as the maximum (`max`) or minimum: NumPy's rule, under
    /// which the first NaN wins and stays.
    fn better(&mut self, max: bool, x: Value, best: Value, ty: ScalarType) -> Value {
        if ty.is_complex() {
            return self.better_complex(max, x, best);
        }
        if ty.is_float() {
            let cc = if max { FloatCC::GreaterThan } else { FloatCC::LessThan };
            let beats = self.ins().fcmp(cc, x, best);
            let x_nan = self.ins().fcmp(FloatCC::Unordered, x, x);
            let best_nan = self.ins().fcmp(FloatCC::Unordered, best, best);
            let candidate = self.ins().ior(beats, x_nan);
            let keep = self.ins().inot(best_nan);
            return self.ins().iand(candidate, keep);
        }
        let cc = if max { IntCC::GreaterThan } else { IntCC::LessThan };
        self.ins().icmp(cc, x, best)
    }
}

impl Lowerer<'_> {
    /// NumPy's complex `maximum`/`minimum` as a reduction step: `x` replaces `best` unless
    /// `best` has a NaN part or is at least (at most) `x` in lexicographic order (NumPy's
    /// `CGE`/`CLE`, where a NaN imaginary part makes a real-part comparison false).
    fn better_complex(&mut self, max: bool, x: Value, best: Value) -> Value {
        let (br, bi) = (self.ins().creal(best), self.ins().cimag(best));
        let (xr, xi) = (self.ins().creal(x), self.ins().cimag(x));
        let bi_nan = self.ins().fcmp(FloatCC::Unordered, bi, bi);
        let br_nan = self.ins().fcmp(FloatCC::Unordered, br, br);
        let xi_nan = self.ins().fcmp(FloatCC::Unordered, xi, xi);
        let (strict, weak) = if max {
            (FloatCC::GreaterThan, FloatCC::GreaterThanOrEqual)
        } else {
            (FloatCC::LessThan, FloatCC::LessThanOrEqual)
        };
        let real_beyond = self.ins().fcmp(strict, br, xr);
        let no_nan = self.ins().ior(bi_nan, xi_nan);
        let no_nan = self.ins().inot(no_nan);
        let real_beyond = self.ins().iand(real_beyond, no_nan);
        let real_equal = self.ins().fcmp(FloatCC::Equal, br, xr);
        let imag_beyond = self.ins().fcmp(weak, bi, xi);
        let tie = self.ins().iand(real_equal, imag_beyond);
        let keeps = self.ins().ior(real_beyond, tie);
        let best_nan = self.ins().ior(br_nan, bi_nan);
        let keeps = self.ins().ior(keeps, best_nan);
        self.ins().inot(keeps)
    }
}

/// Whether a reduction has no value for an empty array (and raises).
fn needs_elements(reduction: Reduction) -> bool {
    matches!(reduction, Reduction::Min | Reduction::Max | Reduction::Argmin | Reduction::Argmax)
}

/// NumPy's message for a reduction of nothing.
fn empty_message(reduction: Reduction) -> String {
    match reduction {
        Reduction::Argmin | Reduction::Argmax => {
            format!("attempt to get {} of an empty sequence", reduction.name())
        }
        Reduction::Min => "zero-size array to reduction operation minimum which has no identity".into(),
        _ => "zero-size array to reduction operation maximum which has no identity".into(),
    }
}
