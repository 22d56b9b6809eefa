//! Element-wise array operations: ufunc calls (`np.sqrt(a)`) and operators on arrays
//! (`a * b + c`), compiled to one loop nest per expression tree.
//!
//! A tree of element-wise operations whose intermediate results are arrays is fused: its
//! leaves (array and scalar operands that are not element-wise themselves) are evaluated
//! once, left to right, then one loop nest over the broadcast shape computes every
//! operation per element and stores only the root's result, so `a * b + np.sqrt(c)`
//! allocates one array, as the issue asks. Broadcasting follows NumPy: shapes align at the
//! right, extents of 1 stretch, other mismatches raise ValueError before anything is
//! allocated. When every array operand has the result's rank and shape (checked at run
//! time), the loops read the operands through their own layouts, so contiguous operands
//! give contiguous loads that LLVM vectorises; otherwise each operand is read through a
//! broadcast view (stride 0 along stretched axes).
//!
//! `target op= value` on an array stores into the target itself (NumPy's in-place
//! operators), with the value broadcast to the target's shape.
//!
//! The per-element semantics are NumPy's, not Python's: integer division and remainder by
//! zero give 0, float division by zero gives infinities or NaN, `maximum`/`minimum`
//! propagate NaN; nothing inside the loops raises.

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, LoopRange, Value};
use numjit_sema::hir::{Expr, ExprId};
use numjit_sema::templates::ufunc::{Ufunc, select_loop};
use numjit_sema::{CallTarget, Callable};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::function::{Lowerer, Operand};

/// A node of a fused element-wise tree, in post-order (operands before their operation).
#[derive(Clone, Debug)]
enum Node {
    /// Operand `leaves[k]`.
    Leaf(usize),
    /// A ufunc over earlier nodes, computing in the loop's input types.
    Op { ufunc: Ufunc, ins: Vec<ScalarType>, out: ScalarType, args: Vec<usize> },
}

/// An evaluated operand of a fused tree.
#[derive(Clone, Debug)]
enum Leaf {
    Scalar { value: Value, ty: ScalarType },
    Array { value: Value, ty: ArrayType },
}

impl Leaf {
    fn dtype(&self) -> ScalarType {
        match self {
            Leaf::Scalar { ty, .. } => *ty,
            Leaf::Array { ty, .. } => ty.dtype,
        }
    }
}

/// A fused element-wise tree, built and with its leaves evaluated.
#[derive(Clone, Debug)]
pub(crate) struct Tree {
    nodes: Vec<Node>,
    leaves: Vec<Leaf>,
    /// The element type of the root.
    pub(crate) dtype: ScalarType,
}

impl Tree {
    /// The tree reading one array.
    pub(crate) fn of_array(value: Value, ty: ArrayType) -> Tree {
        Tree { nodes: vec![Node::Leaf(0)], dtype: ty.dtype, leaves: vec![Leaf::Array { value, ty }] }
    }
}

/// The step of a reduction: the element and the accumulators to the next accumulators.
pub(crate) type ReduceStep<'l, 'f> = dyn FnMut(&mut Lowerer<'l>, Value, &[Value]) -> Vec<Value> + 'f;

/// The body of a loop nest: the indices and the carried values to the next carried values.
pub(crate) type LoopBody<'l, 'f> = dyn FnMut(&mut Lowerer<'l>, &[Value], &[Value]) -> Vec<Value> + 'f;

/// Where the elements of a tree go.
enum Sink<'s, 'f, 'a> {
    /// Into an array of the loop's shape.
    Store { out: Value, out_type: &'s ArrayType },
    /// Into accumulators.
    Reduce { inits: &'s [Value], step: &'s mut ReduceStep<'a, 'f> },
}

/// Operations nest at most this deep in one fused tree (deeper operands are evaluated
/// into temporaries first).
const MAX_FUSED_NODES: usize = 4096;

impl<'a> Lowerer<'a> {
    /// The ufunc sema resolved `expr` to, if it is an element-wise operation.
    pub(crate) fn ufunc_of(&self, expr: ExprId) -> Option<Ufunc> {
        match self.typed.resolutions.get(&expr)?.target {
            // A call with an output array is computed into it, not fused.
            Some(CallTarget::Callable(Callable::Ufunc(ufunc))) if self.ufunc_out_call(expr, ufunc) => None,
            Some(CallTarget::Callable(Callable::Ufunc(ufunc))) => Some(ufunc),
            _ => None,
        }
    }

    /// Whether `expr` is an element-wise operation with an array result (the root of a
    /// fused tree).
    pub(crate) fn is_elementwise_array(&self, expr: ExprId) -> bool {
        self.ufunc_of(expr).is_some() && matches!(self.expr_value_type(expr), Some(Type::Array(_)))
    }

    /// The operand expressions of an element-wise operation.
    fn elementwise_operands(&self, expr: ExprId) -> Vec<ExprId> {
        match &self.body.exprs[expr].kind {
            Expr::Binary { lhs, rhs, .. } | Expr::Compare { lhs, rhs, .. } => vec![*lhs, *rhs],
            Expr::Unary { operand, .. } => vec![*operand],
            Expr::Call { args, .. } => args.clone(),
            _ => Vec::new(),
        }
    }

    /// Builds and evaluates the fused tree rooted at `root` (see the module documentation):
    /// its nodes in post-order and its leaves, evaluated left to right. `None` (after a
    /// diagnostic) when it cannot be compiled, or when control cannot go on.
    pub(crate) fn build_tree(&mut self, root: ExprId) -> Option<Tree> {
        let range = self.body.exprs[root].range;
        let mut nodes: Vec<Node> = Vec::new();
        let mut leaf_exprs: Vec<ExprId> = Vec::new();
        let mut stack: Vec<(ExprId, bool)> = vec![(root, false)];
        let mut results: Vec<usize> = Vec::new();
        while let Some((expr, expanded)) = stack.pop() {
            let is_op = (expr == root || nodes.len() < MAX_FUSED_NODES) && self.is_elementwise_array(expr);
            if !is_op {
                leaf_exprs.push(expr);
                nodes.push(Node::Leaf(leaf_exprs.len() - 1));
                results.push(nodes.len() - 1);
                continue;
            }
            let operands = self.elementwise_operands(expr);
            if !expanded {
                stack.push((expr, true));
                stack.extend(operands.iter().rev().map(|operand| (*operand, false)));
                continue;
            }
            let args = results.split_off(results.len().saturating_sub(operands.len()));
            let (Some(ufunc), Some(resolution)) = (self.ufunc_of(expr), self.typed.resolutions.get(&expr))
            else {
                continue;
            };
            let ins: Vec<ScalarType> = resolution.arg_types.iter().filter_map(Type::as_scalar).collect();
            let Some((_, outs)) = select_loop(ufunc, &ins) else {
                self.unsupported(&format!("numpy.{} on these types", ufunc.name()), range);
                return None;
            };
            let [out] = outs else {
                self.unsupported(
                    &format!("numpy.{} (a ufunc with several outputs) on arrays", ufunc.name()),
                    range,
                );
                return None;
            };
            nodes.push(Node::Op { ufunc, ins, out: *out, args });
            results.push(nodes.len() - 1);
        }
        // Operands, left to right.
        let mut leaves = Vec::with_capacity(leaf_exprs.len());
        for &expr in &leaf_exprs {
            let operand = self.eval(expr);
            self.cur?;
            let value = self.value_of(operand, expr);
            match self.expr_value_type(expr) {
                Some(Type::Scalar(scalar)) => leaves.push(Leaf::Scalar { value, ty: *scalar }),
                Some(Type::Array(array)) => leaves.push(Leaf::Array { value, ty: *array }),
                _ => {
                    self.unsupported("this operand of an array operation", self.body.exprs[expr].range);
                    return None;
                }
            }
        }
        let dtype = match nodes.last() {
            Some(Node::Op { out, .. }) => *out,
            Some(Node::Leaf(k)) => leaves.get(*k).map_or(ScalarType::Float64, Leaf::dtype),
            None => ScalarType::Float64,
        };
        Some(Tree { nodes, leaves, dtype })
    }

    /// Evaluates an element-wise expression tree with an array result (see the module
    /// documentation): a new C-contiguous array owned by the statement, or for an in-place
    /// operator the target itself.
    pub(crate) fn eval_elementwise(&mut self, root: ExprId) -> Operand {
        let range = self.body.exprs[root].range;
        let in_place = matches!(self.body.exprs[root].kind, Expr::Binary { in_place: true, .. })
            && matches!(
                self.elementwise_operands(root).first().and_then(|lhs| self.expr_value_type(*lhs)),
                Some(Type::Array(_))
            );
        let Some(tree) = self.build_tree(root) else { return Operand::Static };
        let (out_value, out_type, dims) = if in_place {
            let Some(Leaf::Array { value, ty }) = tree.leaves.first().cloned() else {
                return Operand::Static;
            };
            let dims: Vec<Value> =
                (0..ty.ndim).map(|axis| self.ins().array_dim(value, u32::from(axis))).collect();
            let widest = tree
                .leaves
                .iter()
                .filter_map(|leaf| match leaf {
                    Leaf::Array { ty, .. } => Some(ty.ndim),
                    Leaf::Scalar { .. } => None,
                })
                .max()
                .unwrap_or(0);
            if widest > ty.ndim {
                self.raise_not_broadcastable_into(&tree.leaves, &dims, widest);
                return Operand::Value(value);
            }
            self.check_broadcast_into(&tree.leaves[1..], &dims);
            (value, ty, dims)
        } else {
            let Some(Type::Array(out_type)) = self.expr_value_type(root).cloned() else {
                return Operand::Static;
            };
            let dims = self.broadcast_shape(&tree.leaves, out_type.ndim);
            if self.cur.is_none() {
                return Operand::Static;
            }
            let out = self.alloc_result(&out_type, &dims);
            (out, out_type, dims)
        };
        self.run_tree(&tree, &dims, Sink::Store { out: out_value, out_type: &out_type }, range);
        Operand::Value(out_value)
    }

    /// A new array for an element-wise result of type `out_type` and extents `dims`, owned by
    /// the statement: C-contiguous, or F-contiguous (the transpose of a C array of the
    /// reversed extents) when the type says F.
    fn alloc_result(&mut self, out_type: &ArrayType, dims: &[Value]) -> Value {
        if out_type.layout != Layout::F {
            let out = self.ins().array_alloc(out_type.dtype, false, dims);
            self.own(out);
            return out;
        }
        let reversed: Vec<Value> = dims.iter().rev().copied().collect();
        let block = self.ins().array_alloc(out_type.dtype, false, &reversed);
        self.own(block);
        let c_type = ArrayType::new(out_type.dtype, out_type.ndim, Layout::C);
        self.transpose(block, &c_type)
    }

    /// The fused tree of an array operand of a reduction (`np.sum(np.sqrt(a))` reads
    /// `sqrt(a[i])` without a temporary array), and the extents it iterates over.
    pub(crate) fn reduction_source(&mut self, expr: ExprId) -> Option<(Tree, Vec<Value>)> {
        let tree = if self.is_elementwise_array(expr) {
            self.build_tree(expr)?
        } else {
            let operand = self.eval(expr);
            self.cur?;
            let value = self.value_of(operand, expr);
            let Some(Type::Array(array)) = self.expr_value_type(expr).cloned() else { return None };
            Tree {
                nodes: vec![Node::Leaf(0)],
                dtype: array.dtype,
                leaves: vec![Leaf::Array { value, ty: array }],
            }
        };
        let ndim = tree
            .leaves
            .iter()
            .map(|leaf| match leaf {
                Leaf::Array { ty, .. } => ty.ndim,
                Leaf::Scalar { .. } => 0,
            })
            .max()
            .unwrap_or(0);
        let dims = self.broadcast_shape(&tree.leaves, ndim);
        self.cur?;
        Some((tree, dims))
    }

    /// Folds every element of `tree` (over `dims`) into accumulators: `step` gets the
    /// element and the accumulators and returns their next values.
    pub(crate) fn reduce_tree(
        &mut self,
        tree: &Tree,
        dims: &[Value],
        inits: &[Value],
        step: &mut ReduceStep<'a, '_>,
    ) -> Vec<Value> {
        let range = self.stmt_range;
        self.run_tree(tree, dims, Sink::Reduce { inits, step }, range)
    }

    /// Stores `value` (a scalar, or an array that broadcasts to `dims`) converted to the
    /// target's dtype into every element of `target` (extents `dims`).
    pub(crate) fn broadcast_store(
        &mut self,
        target: Value,
        target_type: &ArrayType,
        dims: &[Value],
        value: Value,
        value_type: &Type,
        range: text_size::TextRange,
    ) {
        let leaf = match value_type {
            Type::Scalar(scalar) => Leaf::Scalar { value, ty: *scalar },
            Type::Array(array) => Leaf::Array { value, ty: *array },
            _ => {
                self.unsupported("storing this value in an array", range);
                return;
            }
        };
        if matches!(value_type, Type::Array(_)) {
            self.check_broadcast_into(std::slice::from_ref(&leaf), dims);
        }
        let tree = Tree { nodes: vec![Node::Leaf(0)], dtype: leaf.dtype(), leaves: vec![leaf] };
        self.run_tree(&tree, dims, Sink::Store { out: target, out_type: target_type }, range);
    }

    /// A ufunc applied to scalars only (`np.sqrt(2.0)`): the result of one element.
    pub(crate) fn ufunc_scalar(&mut self, expr: ExprId, ufunc: Ufunc, args: &[Value]) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(resolution) = self.typed.resolutions.get(&expr) else { return Operand::Static };
        let ins: Vec<ScalarType> = resolution.arg_types.iter().filter_map(Type::as_scalar).collect();
        let Some((_, outs)) = select_loop(ufunc, &ins) else {
            self.unsupported(&format!("numpy.{} on these types", ufunc.name()), range);
            return Operand::Static;
        };
        if let [first, second] = outs {
            return match self.ufunc_pair(ufunc, args, &ins, [*first, *second]) {
                Some((a, b)) => Operand::Value(self.ins().tuple_make(&[a, b])),
                None => {
                    self.unsupported(&format!("numpy.{} on {}", ufunc.name(), ins[0]), range);
                    Operand::Static
                }
            };
        }
        let [out] = outs else { return Operand::Static };
        let out = *out;
        match self.ufunc_element(ufunc, args, &ins, out) {
            Some(value) => Operand::Value(value),
            None => {
                self.unsupported(&format!("numpy.{} on {}", ufunc.name(), ins[0]), range);
                Operand::Static
            }
        }
    }

    /// A two-output ufunc (`np.divmod`, `np.modf`, `np.frexp`) on arrays: two new arrays of
    /// the broadcast shape, as a tuple.
    pub(crate) fn ufunc_pair_arrays(
        &mut self,
        expr: ExprId,
        ufunc: Ufunc,
        args: &[(Value, Type)],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(resolution) = self.typed.resolutions.get(&expr) else { return Operand::Static };
        let ins: Vec<ScalarType> = resolution.arg_types.iter().filter_map(Type::as_scalar).collect();
        let Some(Type::Tuple(results)) = resolution.ret.as_value().cloned() else { return Operand::Static };
        let Some((_, [first, second])) = select_loop(ufunc, &ins) else { return Operand::Static };
        let (first, second) = (*first, *second);
        let mut leaves = Vec::with_capacity(args.len());
        for (value, ty) in args {
            leaves.push(match ty {
                Type::Array(array) => Leaf::Array { value: *value, ty: *array },
                Type::Scalar(scalar) => Leaf::Scalar { value: *value, ty: *scalar },
                _ => return Operand::Static,
            });
        }
        let ndim = results.first().and_then(Type::as_array).map_or(0, |array| array.ndim);
        let dims = self.broadcast_shape(&leaves, ndim);
        let (Some(Type::Array(type_a)), Some(Type::Array(type_b))) = (results.first(), results.get(1)) else {
            return Operand::Static;
        };
        let out_a = self.alloc_result(type_a, &dims);
        let out_b = self.alloc_result(type_b, &dims);
        let tree = Tree { nodes: Vec::new(), dtype: first, leaves };
        let sources = self.broadcast_views(&tree, &dims, None);
        let mut supported = true;
        self.loop_nest(&dims, &[], &mut |this, indices, _| {
            let mut values = Vec::with_capacity(sources.len());
            for ((source, is_array), to) in sources.iter().zip(&ins) {
                let value = if *is_array { this.ins().array_load(*source, indices) } else { *source };
                values.push(this.convert(value, *to));
            }
            match this.ufunc_pair(ufunc, &values, &ins, [first, second]) {
                Some((a, b)) => {
                    this.ins().array_store(out_a, indices, a);
                    this.ins().array_store(out_b, indices, b);
                }
                None => supported = false,
            }
            Vec::new()
        });
        if !supported {
            self.unsupported(&format!("numpy.{} on {}", ufunc.name(), ins[0]), range);
            return Operand::Static;
        }
        Operand::Value(self.ins().tuple_make(&[out_a, out_b]))
    }

    /// One element of a two-output ufunc.
    fn ufunc_pair(
        &mut self,
        ufunc: Ufunc,
        args: &[Value],
        ins: &[ScalarType],
        outs: [ScalarType; 2],
    ) -> Option<(Value, Value)> {
        let t = *ins.first()?;
        let a = *args.first()?;
        match ufunc {
            Ufunc::Divmod => {
                let quotient = self.ufunc_element(Ufunc::FloorDivide, args, ins, outs[0])?;
                let remainder = self.ufunc_element(Ufunc::Remainder, args, ins, outs[1])?;
                Some((quotient, remainder))
            }
            Ufunc::Modf if t.is_float() => {
                let integral = self.ins().call_intrinsic(Intrinsic::Trunc, &[a]);
                let fraction = self.ins().fsub(a, integral);
                // modf(±inf) is (±0.0, ±inf); the fraction keeps the sign of x.
                let infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[a]);
                let zero = self.float(t, 0.0);
                let fraction = self.ins().select(infinite, zero, fraction);
                let fraction = self.ins().call_intrinsic(Intrinsic::Copysign, &[fraction, a]);
                Some((fraction, integral))
            }
            Ufunc::Frexp if t.is_float() => {
                let pair = self.ins().call_intrinsic(Intrinsic::Frexp, &[a]);
                let mantissa = self.ins().tuple_get(pair, 0);
                let exponent = self.ins().tuple_get(pair, 1);
                let mantissa = self.convert(mantissa, outs[0]);
                let exponent = self.convert(exponent, outs[1]);
                Some((mantissa, exponent))
            }
            _ => None,
        }
    }

    /// The broadcast shape (`ndim` axes) of arrays given with their ranks, raising NumPy's
    /// ValueError when they do not broadcast.
    pub(crate) fn broadcast_arrays(&mut self, arrays: &[(Value, ArrayType)], ndim: u8) -> Vec<Value> {
        let leaves: Vec<Leaf> =
            arrays.iter().map(|(value, ty)| Leaf::Array { value: *value, ty: *ty }).collect();
        self.broadcast_shape(&leaves, ndim)
    }

    /// The broadcast shape of the array leaves (`ndim` axes), raising NumPy's ValueError
    /// when two extents differ and neither is 1.
    fn broadcast_shape(&mut self, leaves: &[Leaf], ndim: u8) -> Vec<Value> {
        let one = self.scalar(ScalarType::Int64, 1);
        let mut bad = self.ins().bconst(false);
        let mut dims = Vec::with_capacity(usize::from(ndim));
        let arrays: Vec<(Value, u8)> = leaves
            .iter()
            .filter_map(|leaf| match leaf {
                Leaf::Array { value, ty } => Some((*value, ty.ndim)),
                Leaf::Scalar { .. } => None,
            })
            .collect();
        for axis in 0..ndim {
            let mut extent = one;
            for &(array, rank) in &arrays {
                let Some(own_axis) = (axis + rank).checked_sub(ndim) else { continue };
                let dim = self.ins().array_dim(array, u32::from(own_axis));
                let dim_one = self.ins().icmp(IntCC::Equal, dim, one);
                let extent_one = self.ins().icmp(IntCC::Equal, extent, one);
                let same = self.ins().icmp(IntCC::Equal, dim, extent);
                let fine = self.ins().ior(dim_one, extent_one);
                let fine = self.ins().ior(fine, same);
                let mismatch = self.ins().inot(fine);
                bad = self.ins().ior(bad, mismatch);
                extent = self.ins().select(extent_one, dim, extent);
            }
            dims.push(extent);
        }
        if arrays.len() > 1 {
            let (message, values) =
                self.shapes_message("operands could not be broadcast together with shapes", &arrays, None);
            self.raise_if_with(bad, ExceptionKind::ValueError, &message, &values);
        }
        dims
    }

    /// Raises NumPy's ValueError unless every array leaf broadcasts to `dims` (the shape of
    /// an in-place target).
    /// Raises NumPy's ValueError unless `value` (of rank `rank`) broadcasts to `dims`.
    pub(crate) fn check_array_into(&mut self, value: Value, ty: ArrayType, dims: &[Value]) {
        self.check_broadcast_into(&[Leaf::Array { value, ty }], dims);
    }

    fn check_broadcast_into(&mut self, leaves: &[Leaf], dims: &[Value]) {
        let one = self.scalar(ScalarType::Int64, 1);
        let ndim = dims.len();
        let mut bad = self.ins().bconst(false);
        let mut arrays = Vec::new();
        for leaf in leaves {
            let Leaf::Array { value, ty } = leaf else { continue };
            arrays.push((*value, ty.ndim));
            let rank = usize::from(ty.ndim);
            for own_axis in 0..rank.min(ndim) {
                let axis = ndim - rank.min(ndim) + own_axis;
                let own_axis = own_axis + rank.saturating_sub(ndim);
                let dim = self.ins().array_dim(*value, own_axis as u32);
                let dim_one = self.ins().icmp(IntCC::Equal, dim, one);
                let same = self.ins().icmp(IntCC::Equal, dim, dims[axis]);
                let fine = self.ins().ior(dim_one, same);
                let mismatch = self.ins().inot(fine);
                bad = self.ins().ior(bad, mismatch);
            }
        }
        if !arrays.is_empty() {
            let (message, values) = self.shapes_message(
                "operands could not be broadcast together with shapes",
                &arrays,
                Some(dims),
            );
            self.raise_if_with(bad, ExceptionKind::ValueError, &message, &values);
        }
    }

    /// `a op= b` where `b` has more axes than `a`: NumPy's ValueError for operands that do not
    /// broadcast together, else its ValueError for an output of fewer axes than the
    /// broadcast shape (always, at run time).
    fn raise_not_broadcastable_into(&mut self, leaves: &[Leaf], target: &[Value], ndim: u8) {
        let shape = self.broadcast_shape(leaves, ndim);
        if self.cur.is_none() {
            return;
        }
        let mut message = String::from("non-broadcastable output operand with shape ");
        let mut values = Vec::new();
        for (idx, dims) in [target, shape.as_slice()].into_iter().enumerate() {
            if idx == 1 {
                message.push_str(" doesn't match the broadcast shape ");
            }
            message.push('(');
            for (axis, dim) in dims.iter().enumerate() {
                message.push_str("{}");
                if dims.len() == 1 || axis + 1 < dims.len() {
                    message.push(',');
                }
                values.push(*dim);
            }
            message.push(')');
        }
        let always = self.ins().bconst(true);
        self.raise_if_with(always, ExceptionKind::ValueError, &message, &values);
    }

    /// NumPy's message listing operand shapes (`(3,) (4,) `), with the extents as
    /// formatted operands.
    fn shapes_message(
        &mut self,
        prefix: &str,
        arrays: &[(Value, u8)],
        target: Option<&[Value]>,
    ) -> (String, Vec<Value>) {
        let mut message = String::from(prefix);
        let mut values = Vec::new();
        let mut shape = |this: &mut Self, dims: Vec<Value>| {
            message.push(' ');
            message.push('(');
            let n = dims.len();
            for (idx, dim) in dims.into_iter().enumerate() {
                message.push_str("{}");
                if n == 1 || idx + 1 < n {
                    message.push(',');
                }
                values.push(dim);
            }
            message.push(')');
            let _ = this;
        };
        if let Some(target) = target {
            shape(self, target.to_vec());
        }
        let mut seen = Vec::new();
        for &(array, rank) in arrays {
            // An operand used twice (`a * b + b`) is listed once.
            if seen.contains(&array) {
                continue;
            }
            seen.push(array);
            let dims: Vec<Value> =
                (0..rank).map(|axis| self.ins().array_dim(array, u32::from(axis))).collect();
            shape(self, dims);
        }
        message.push(' ');
        (message, values)
    }

    /// The loop nest over `dims` computing a fused tree per element, into a sink. Returns
    /// the final accumulators of a reduction (nothing for a store).
    fn run_tree(
        &mut self,
        tree: &Tree,
        dims: &[Value],
        mut sink: Sink<'_, '_, 'a>,
        range: text_size::TextRange,
    ) -> Vec<Value> {
        let ndim = dims.len();
        let out = match &sink {
            Sink::Store { out, .. } => Some(*out),
            Sink::Reduce { .. } => None,
        };
        let direct_possible = ndim > 0
            && tree.leaves.iter().all(|leaf| match leaf {
                Leaf::Array { ty, .. } => usize::from(ty.ndim) == ndim,
                Leaf::Scalar { .. } => true,
            });
        // Whether every array operand has exactly the result's shape.
        let same_shape = if direct_possible {
            let mut all = self.ins().bconst(true);
            for leaf in &tree.leaves {
                let Leaf::Array { value, .. } = leaf else { continue };
                if Some(*value) == out {
                    continue;
                }
                for (axis, &dim) in dims.iter().enumerate() {
                    let own = self.ins().array_dim(*value, axis as u32);
                    let same = self.ins().icmp(IntCC::Equal, own, dim);
                    all = self.ins().iand(all, same);
                }
            }
            Some(all)
        } else {
            None
        };
        let direct: Vec<(Value, bool)> = tree
            .leaves
            .iter()
            .map(|leaf| match leaf {
                Leaf::Array { value, .. } => (*value, true),
                Leaf::Scalar { value, .. } => (*value, false),
            })
            .collect();
        let Some(same_shape) = same_shape else {
            let views = self.broadcast_views(tree, dims, out);
            return self.emit_kernel(tree, &views, dims, &mut sink, range);
        };
        let direct_block = self.new_block();
        let general_block = self.new_block();
        let join = self.new_block();
        let carried: Vec<Type> = match &sink {
            Sink::Reduce { inits, .. } => {
                inits.iter().map(|init| self.func.dfg.value_type(*init).clone()).collect()
            }
            Sink::Store { .. } => Vec::new(),
        };
        let params: Vec<Value> =
            carried.into_iter().map(|ty| self.func.dfg.append_block_param(join, ty)).collect();
        self.brif(same_shape, direct_block, general_block);
        self.enter(direct_block);
        let results = self.emit_kernel(tree, &direct, dims, &mut sink, range);
        self.jump(join, &results);
        self.enter(general_block);
        let views = self.broadcast_views(tree, dims, out);
        let results = self.emit_kernel(tree, &views, dims, &mut sink, range);
        self.jump(join, &results);
        self.enter(join);
        params
    }

    /// `array` (of rank `rank`) as a view of the broadcast shape `dims`: stride 0 along
    /// stretched and missing axes (the caller checked that it broadcasts).
    pub(crate) fn broadcast_to(&mut self, array: Value, rank: u8, dims: &[Value]) -> Value {
        let leaf = Leaf::Array { value: array, ty: ArrayType::new(ScalarType::Float64, rank, Layout::A) };
        let tree = Tree { nodes: vec![Node::Leaf(0)], dtype: ScalarType::Float64, leaves: vec![leaf] };
        self.broadcast_views(&tree, dims, None)[0].0
    }

    /// Each array leaf as a view of the broadcast shape `dims` (stride 0 along stretched
    /// axes); `out` (an in-place target) is read as it is.
    fn broadcast_views(&mut self, tree: &Tree, dims: &[Value], out: Option<Value>) -> Vec<(Value, bool)> {
        let zero = self.scalar(ScalarType::Int64, 0);
        let one = self.scalar(ScalarType::Int64, 1);
        let mut sources = Vec::with_capacity(tree.leaves.len());
        for leaf in &tree.leaves {
            sources.push(match leaf {
                Leaf::Array { value, ty } if Some(*value) != out => {
                    let rank = usize::from(ty.ndim);
                    let mut strides = Vec::with_capacity(dims.len());
                    for axis in 0..dims.len() {
                        let Some(own_axis) = (axis + rank).checked_sub(dims.len()) else {
                            strides.push(zero);
                            continue;
                        };
                        let dim = self.ins().array_dim(*value, own_axis as u32);
                        let stride = self.ins().array_stride(*value, own_axis as u32);
                        let stretched = self.ins().icmp(IntCC::Equal, dim, one);
                        strides.push(self.ins().select(stretched, zero, stride));
                    }
                    (self.ins().array_view(Layout::A, *value, zero, dims, &strides), true)
                }
                Leaf::Array { value, .. } => (*value, true),
                Leaf::Scalar { value, .. } => (*value, false),
            });
        }
        sources
    }

    /// One loop nest: per element, load the array operands (`sources`: the value to read
    /// and whether it is an array), compute the tree, hand the element to the sink.
    fn emit_kernel(
        &mut self,
        tree: &Tree,
        sources: &[(Value, bool)],
        dims: &[Value],
        sink: &mut Sink<'_, '_, 'a>,
        range: text_size::TextRange,
    ) -> Vec<Value> {
        let mut failed = false;
        let inits: Vec<Value> = match sink {
            Sink::Reduce { inits, .. } => inits.to_vec(),
            Sink::Store { .. } => Vec::new(),
        };
        let results = self.loop_nest(dims, &inits, &mut |this, indices, carried| {
            let mut values: Vec<(Value, ScalarType)> = Vec::with_capacity(tree.nodes.len());
            for node in &tree.nodes {
                match node {
                    Node::Leaf(k) => {
                        let (source, is_array) = sources[*k];
                        let value = if is_array { this.ins().array_load(source, indices) } else { source };
                        values.push((value, tree.leaves[*k].dtype()));
                    }
                    Node::Op { ufunc, ins, out, args } => {
                        let converted: Vec<Value> =
                            args.iter().zip(ins).map(|(arg, to)| this.convert(values[*arg].0, *to)).collect();
                        match this.ufunc_element(*ufunc, &converted, ins, *out) {
                            Some(value) => values.push((value, *out)),
                            None => {
                                failed = true;
                                let zero = this.scalar(*out, 0);
                                values.push((zero, *out));
                            }
                        }
                    }
                }
            }
            let Some(&(element, _)) = values.last() else { return carried.to_vec() };
            match sink {
                Sink::Store { out, out_type } => {
                    let element = this.convert(element, out_type.dtype);
                    this.ins().array_store(*out, indices, element);
                    Vec::new()
                }
                Sink::Reduce { step, .. } => step(this, element, carried),
            }
        });
        if failed {
            let name = tree
                .nodes
                .iter()
                .find_map(|node| match node {
                    Node::Op { ufunc, ins, .. } if self.ufunc_support(*ufunc, ins).is_none() => {
                        Some(format!(
                            "numpy.{} on {}",
                            ufunc.name(),
                            ins.first().copied().unwrap_or(ScalarType::Float64)
                        ))
                    }
                    _ => None,
                })
                .unwrap_or_else(|| "this array operation".to_owned());
            self.unsupported(&name, range);
        }
        results
    }

    /// Whether [`Self::ufunc_element`] has an implementation (for the error message).
    fn ufunc_support(&self, ufunc: Ufunc, ins: &[ScalarType]) -> Option<()> {
        let first = *ins.first()?;
        let complex = first.is_complex();
        let unsupported_complex = matches!(
            ufunc,
            Ufunc::Log2
                | Ufunc::Sign
                | Ufunc::Maximum
                | Ufunc::Minimum
                | Ufunc::Fmax
                | Ufunc::Fmin
                | Ufunc::Exp2
        );
        if complex && unsupported_complex {
            return None;
        }
        Some(())
    }

    /// Structured `for` loops over `dims` (outermost first) carrying values (initially
    /// `inits`) through every iteration; `body` emits the innermost body given the
    /// indices and the carried values and returns their next values. Returns the values
    /// after the loops.
    pub(crate) fn loop_nest(
        &mut self,
        dims: &[Value],
        inits: &[Value],
        body: &mut LoopBody<'a, '_>,
    ) -> Vec<Value> {
        if self.cur.is_none() {
            return inits.to_vec();
        }
        let zero = self.scalar(ScalarType::Int64, 0);
        let one = self.scalar(ScalarType::Int64, 1);
        let mut outer = Vec::with_capacity(dims.len());
        let mut indices = Vec::with_capacity(dims.len());
        let mut carried = inits.to_vec();
        for &dim in dims {
            let block = self.current_block();
            let lp = self.ins().for_loop(LoopRange { start: zero, stop: dim, step: one }, &carried);
            self.ssa.set_region_entry(lp.entry_block, block);
            outer.push((self.region, block, lp.results.clone()));
            self.region = lp.body;
            self.cur = Some(lp.entry_block);
            indices.push(lp.induction_variable);
            carried = lp.carried.clone();
        }
        let mut next = body(self, &indices, &carried);
        for (region, block, results) in outer.into_iter().rev() {
            if self.cur.is_some() {
                self.ins().yield_(&next);
            }
            self.region = region;
            self.cur = Some(block);
            next = results;
        }
        next
    }

    /// A bool that is true where a value of `ty` is nonzero.
    fn nonzero(&mut self, value: Value, ty: ScalarType) -> Value {
        if ty == ScalarType::Bool {
            return value;
        }
        self.truth(value, &Type::Scalar(ty))
    }

    /// One element of `ufunc` over `args` (already of the loop's input types `ins`),
    /// giving type `out`; `None` where numjit has no implementation of that loop.
    pub(crate) fn ufunc_element(
        &mut self,
        ufunc: Ufunc,
        args: &[Value],
        ins: &[ScalarType],
        out: ScalarType,
    ) -> Option<Value> {
        self.ufunc_support(ufunc, ins)?;
        let t = *ins.first()?;
        let a = *args.first()?;
        let b = args.get(1).copied();
        let float = t.is_float();
        let complex = t.is_complex();
        let int = t.is_integer();
        let boolean = t == ScalarType::Bool;
        let unary_intrinsic =
            |this: &mut Self, intrinsic: Intrinsic| Some(this.ins().call_intrinsic(intrinsic, &[a]));
        Some(match ufunc {
            Ufunc::Add | Ufunc::Subtract | Ufunc::Multiply => {
                let b = b?;
                let mut ins = self.ins();
                match ufunc {
                    Ufunc::Add if boolean => ins.ior(a, b),
                    Ufunc::Multiply if boolean => ins.iand(a, b),
                    Ufunc::Add if complex => ins.cadd(a, b),
                    Ufunc::Subtract if complex => ins.csub(a, b),
                    Ufunc::Multiply if complex => ins.cmul(a, b),
                    Ufunc::Add if float => ins.fadd(a, b),
                    Ufunc::Subtract if float => ins.fsub(a, b),
                    Ufunc::Multiply if float => ins.fmul(a, b),
                    Ufunc::Add => ins.iadd(a, b),
                    Ufunc::Subtract => ins.isub(a, b),
                    _ => ins.imul(a, b),
                }
            }
            Ufunc::Divide | Ufunc::TrueDivide => {
                let b = b?;
                if complex { self.ins().cdiv(a, b) } else { self.ins().fdiv(a, b) }
            }
            Ufunc::FloorDivide => {
                let b = b?;
                if float {
                    let zero = self.float(t, 0.0);
                    let by_zero = self.ins().fcmp(FloatCC::Equal, b, zero);
                    let quotient = self.ins().fdiv(a, b);
                    let floored = self.ins().ffloordiv(a, b);
                    self.ins().select(by_zero, quotient, floored)
                } else {
                    self.int_division(a, b, t, |this, a, b| this.ins().ifloordiv(a, b), true)
                }
            }
            Ufunc::Remainder | Ufunc::Mod => {
                let b = b?;
                if float {
                    self.ins().fmod(a, b)
                } else {
                    self.int_division(a, b, t, |this, a, b| this.ins().imod(a, b), false)
                }
            }
            Ufunc::Fmod => {
                let b = b?;
                if float {
                    self.ins().frem(a, b)
                } else {
                    self.int_division(a, b, t, |this, a, b| this.ins().irem(a, b), false)
                }
            }
            Ufunc::Power | Ufunc::FloatPower => {
                let b = b?;
                if complex {
                    self.ins().cpow(a, b)
                } else if float {
                    self.ins().fpow(a, b)
                } else if t.is_signed_integer() {
                    // A negative exponent follows Numba: 1 for a base of 1, ±1 for -1, else 0.
                    let zero = self.scalar(t, 0);
                    let one = self.scalar(t, 1);
                    let minus_one = self.scalar(t, -1);
                    let negative = self.ins().icmp(IntCC::LessThan, b, zero);
                    let is_one = self.ins().icmp(IntCC::Equal, a, one);
                    let is_minus_one = self.ins().icmp(IntCC::Equal, a, minus_one);
                    let low_bit = self.ins().iand(b, one);
                    let odd = self.ins().icmp(IntCC::NotEqual, low_bit, zero);
                    let minus_one_result = self.ins().select(odd, minus_one, one);
                    let other = self.ins().select(is_minus_one, minus_one_result, zero);
                    let negative_result = self.ins().select(is_one, one, other);
                    let safe_b = self.ins().select(negative, zero, b);
                    let positive = self.ins().ipow(a, safe_b);
                    self.ins().select(negative, negative_result, positive)
                } else if boolean {
                    // True ** x is True, False ** 0 is True.
                    let not_b = self.ins().inot(b);
                    self.ins().ior(a, not_b)
                } else {
                    self.ins().ipow(a, b)
                }
            }
            Ufunc::Negative => {
                if complex {
                    self.ins().cneg(a)
                } else if float {
                    self.ins().fneg(a)
                } else {
                    self.ins().ineg(a)
                }
            }
            Ufunc::Positive => a,
            Ufunc::Absolute | Ufunc::Abs | Ufunc::Fabs => {
                if complex {
                    let re = self.ins().creal(a);
                    let im = self.ins().cimag(a);
                    self.ins().call_intrinsic(Intrinsic::Hypot, &[re, im])
                } else if float {
                    self.ins().call_intrinsic(Intrinsic::Fabs, &[a])
                } else if t.is_signed_integer() {
                    let zero = self.scalar(t, 0);
                    let negative = self.ins().icmp(IntCC::LessThan, a, zero);
                    let negated = self.ins().ineg(a);
                    self.ins().select(negative, negated, a)
                } else {
                    a
                }
            }
            Ufunc::Conj | Ufunc::Conjugate => {
                if complex {
                    self.ins().cconj(a)
                } else {
                    a
                }
            }
            Ufunc::Square => {
                if complex {
                    self.ins().cmul(a, a)
                } else if float {
                    self.ins().fmul(a, a)
                } else if boolean {
                    a
                } else {
                    self.ins().imul(a, a)
                }
            }
            Ufunc::Reciprocal => {
                if complex {
                    let one = self.ins().cconst(t, 1.0, 0.0);
                    self.ins().cdiv(one, a)
                } else if float {
                    let one = self.float(t, 1.0);
                    self.ins().fdiv(one, a)
                } else {
                    let one = self.scalar(t, 1);
                    self.int_division(one, a, t, |this, a, b| this.ins().idiv(a, b), true)
                }
            }
            Ufunc::Sqrt => unary_intrinsic(self, Intrinsic::Sqrt)?,
            Ufunc::Exp => unary_intrinsic(self, Intrinsic::Exp)?,
            Ufunc::Log => unary_intrinsic(self, Intrinsic::Log)?,
            Ufunc::Log10 => unary_intrinsic(self, Intrinsic::Log10)?,
            Ufunc::Log2 => unary_intrinsic(self, Intrinsic::Log2)?,
            Ufunc::Log1p if complex => {
                // NumPy's nc_log1p: log|1 + z| + i arg(1 + z).
                let part = t.real_part();
                let re = self.ins().creal(a);
                let im = self.ins().cimag(a);
                let one = self.float(part, 1.0);
                let shifted = self.ins().fadd(re, one);
                let modulus = self.ins().call_intrinsic(Intrinsic::Hypot, &[shifted, im]);
                let real = self.ins().call_intrinsic(Intrinsic::Log, &[modulus]);
                let imag = self.ins().call_intrinsic(Intrinsic::Atan2, &[im, shifted]);
                self.ins().cmake(real, imag)
            }
            Ufunc::Expm1 if complex => {
                // NumPy's nc_expm1: expm1(x) cos(y) - 2 sin(y/2)^2 + i exp(x) sin(y), exact
                // near zero in both parts.
                let part = t.real_part();
                let re = self.ins().creal(a);
                let im = self.ins().cimag(a);
                let two = self.float(part, 2.0);
                let half = self.ins().fdiv(im, two);
                let sin_half = self.ins().call_intrinsic(Intrinsic::Sin, &[half]);
                let expm1 = self.ins().call_intrinsic(Intrinsic::Expm1, &[re]);
                let cos = self.ins().call_intrinsic(Intrinsic::Cos, &[im]);
                let scaled = self.ins().fmul(expm1, cos);
                let twice = self.ins().fmul(two, sin_half);
                let square = self.ins().fmul(twice, sin_half);
                let real = self.ins().fsub(scaled, square);
                let exp = self.ins().call_intrinsic(Intrinsic::Exp, &[re]);
                let sin = self.ins().call_intrinsic(Intrinsic::Sin, &[im]);
                let imag = self.ins().fmul(exp, sin);
                self.ins().cmake(real, imag)
            }
            Ufunc::Log1p => unary_intrinsic(self, Intrinsic::Log1p)?,
            Ufunc::Expm1 => unary_intrinsic(self, Intrinsic::Expm1)?,
            Ufunc::Spacing if float => {
                // NumPy's npy_spacing: the gap to the next float away from zero, with x's
                // sign; the smallest positive subnormal for both zeros; NaN for infinities
                // (and NaN).
                let infinity = self.float(t, f64::INFINITY);
                let away = self.ins().call_intrinsic(Intrinsic::Copysign, &[infinity, a]);
                let next = self.ins().call_intrinsic(Intrinsic::Nextafter, &[a, away]);
                let gap = self.ins().fsub(next, a);
                let smallest =
                    if t == ScalarType::Float32 { f64::from(f32::from_bits(1)) } else { f64::from_bits(1) };
                let smallest = self.float(t, smallest);
                let zero = self.float(t, 0.0);
                let is_zero = self.ins().fcmp(FloatCC::Equal, a, zero);
                let gap = self.ins().select(is_zero, smallest, gap);
                let infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[a]);
                let nan = self.float(t, f64::NAN);
                self.ins().select(infinite, nan, gap)
            }
            Ufunc::Sin => unary_intrinsic(self, Intrinsic::Sin)?,
            Ufunc::Cos => unary_intrinsic(self, Intrinsic::Cos)?,
            Ufunc::Tan => unary_intrinsic(self, Intrinsic::Tan)?,
            Ufunc::Arcsin => unary_intrinsic(self, Intrinsic::Asin)?,
            Ufunc::Arccos => unary_intrinsic(self, Intrinsic::Acos)?,
            Ufunc::Arctan => unary_intrinsic(self, Intrinsic::Atan)?,
            Ufunc::Sinh => unary_intrinsic(self, Intrinsic::Sinh)?,
            Ufunc::Cosh => unary_intrinsic(self, Intrinsic::Cosh)?,
            Ufunc::Tanh => unary_intrinsic(self, Intrinsic::Tanh)?,
            Ufunc::Arcsinh => unary_intrinsic(self, Intrinsic::Asinh)?,
            Ufunc::Arccosh => unary_intrinsic(self, Intrinsic::Acosh)?,
            Ufunc::Arctanh => unary_intrinsic(self, Intrinsic::Atanh)?,
            Ufunc::Deg2rad | Ufunc::Radians => unary_intrinsic(self, Intrinsic::Radians)?,
            Ufunc::Rad2deg | Ufunc::Degrees => unary_intrinsic(self, Intrinsic::Degrees)?,
            Ufunc::Floor | Ufunc::Ceil | Ufunc::Trunc | Ufunc::Rint if !float => a,
            Ufunc::Floor => unary_intrinsic(self, Intrinsic::Floor)?,
            Ufunc::Ceil => unary_intrinsic(self, Intrinsic::Ceil)?,
            Ufunc::Trunc => unary_intrinsic(self, Intrinsic::Trunc)?,
            Ufunc::Rint => unary_intrinsic(self, Intrinsic::Round)?,
            Ufunc::Exp2 => {
                let two = self.float(t, 2.0);
                self.ins().fpow(two, a)
            }
            Ufunc::Cbrt => {
                // pow(|x|, 1/3) refined by one Newton step, with x's sign.
                let zero = self.float(t, 0.0);
                let magnitude = self.ins().call_intrinsic(Intrinsic::Fabs, &[a]);
                let third = self.float(t, 1.0 / 3.0);
                let guess = self.ins().fpow(magnitude, third);
                let square = self.ins().fmul(guess, guess);
                let cube = self.ins().fmul(square, guess);
                let error = self.ins().fsub(cube, magnitude);
                let three = self.float(t, 3.0);
                let slope = self.ins().fmul(three, square);
                let step = self.ins().fdiv(error, slope);
                let refined = self.ins().fsub(guess, step);
                let is_zero = self.ins().fcmp(FloatCC::Equal, magnitude, zero);
                let infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[magnitude]);
                let special = self.ins().ior(is_zero, infinite);
                let root = self.ins().select(special, magnitude, refined);
                self.ins().call_intrinsic(Intrinsic::Copysign, &[root, a])
            }
            Ufunc::Sign => {
                if float {
                    let zero = self.float(t, 0.0);
                    let one = self.float(t, 1.0);
                    let minus_one = self.float(t, -1.0);
                    let positive = self.ins().fcmp(FloatCC::GreaterThan, a, zero);
                    let negative = self.ins().fcmp(FloatCC::LessThan, a, zero);
                    let is_nan = self.ins().fcmp(FloatCC::Unordered, a, a);
                    let sign = self.ins().select(negative, minus_one, zero);
                    let sign = self.ins().select(positive, one, sign);
                    self.ins().select(is_nan, a, sign)
                } else {
                    let zero = self.scalar(t, 0);
                    let one = self.scalar(t, 1);
                    let positive = self.ins().icmp(IntCC::GreaterThan, a, zero);
                    if t.is_unsigned_integer() {
                        self.ins().select(positive, one, zero)
                    } else {
                        let minus_one = self.scalar(t, -1);
                        let negative = self.ins().icmp(IntCC::LessThan, a, zero);
                        let sign = self.ins().select(negative, minus_one, zero);
                        self.ins().select(positive, one, sign)
                    }
                }
            }
            Ufunc::Equal
            | Ufunc::NotEqual
            | Ufunc::Less
            | Ufunc::LessEqual
            | Ufunc::Greater
            | Ufunc::GreaterEqual => {
                let b = b?;
                self.compare_elements(ufunc, a, b, t)
            }
            Ufunc::LogicalAnd | Ufunc::LogicalOr | Ufunc::LogicalXor => {
                let b = b?;
                let x = self.nonzero(a, t);
                let y = self.nonzero(b, ins.get(1).copied().unwrap_or(t));
                match ufunc {
                    Ufunc::LogicalAnd => self.ins().iand(x, y),
                    Ufunc::LogicalOr => self.ins().ior(x, y),
                    _ => self.ins().ixor(x, y),
                }
            }
            Ufunc::LogicalNot => {
                let x = self.nonzero(a, t);
                self.ins().inot(x)
            }
            Ufunc::BitwiseAnd => self.ins().iand(a, b?),
            Ufunc::BitwiseOr => self.ins().ior(a, b?),
            Ufunc::BitwiseXor => self.ins().ixor(a, b?),
            Ufunc::BitwiseNot | Ufunc::Invert => self.ins().inot(a),
            Ufunc::LeftShift | Ufunc::RightShift => {
                let b = b?;
                // NumPy: shifting by the width or more gives 0 (-1 for a negative number
                // shifted right); so does a negative amount.
                let bits = self.scalar(t, i64::from(t.size_bytes() * 8));
                let zero = self.scalar(t, 0);
                let below = self.ins().icmp(IntCC::LessThan, b, bits);
                let in_range = if t.is_signed_integer() {
                    let not_negative = self.ins().icmp(IntCC::GreaterThanOrEqual, b, zero);
                    self.ins().iand(below, not_negative)
                } else {
                    below
                };
                let safe = self.ins().select(in_range, b, zero);
                if ufunc == Ufunc::LeftShift {
                    let shifted = self.ins().ishl(a, safe);
                    self.ins().select(in_range, shifted, zero)
                } else {
                    let shifted = self.ins().ishr(a, safe);
                    let overflow = if t.is_signed_integer() {
                        let negative = self.ins().icmp(IntCC::LessThan, a, zero);
                        let minus_one = self.scalar(t, -1);
                        self.ins().select(negative, minus_one, zero)
                    } else {
                        zero
                    };
                    self.ins().select(in_range, shifted, overflow)
                }
            }
            Ufunc::Maximum | Ufunc::Minimum | Ufunc::Fmax | Ufunc::Fmin => {
                let b = b?;
                let greater = matches!(ufunc, Ufunc::Maximum | Ufunc::Fmax);
                if float {
                    let cc = if greater { FloatCC::GreaterThanOrEqual } else { FloatCC::LessThanOrEqual };
                    let keep = self.ins().fcmp(cc, a, b);
                    // maximum/minimum propagate a NaN operand; fmax/fmin ignore one.
                    let nan_side = if matches!(ufunc, Ufunc::Maximum | Ufunc::Minimum) { a } else { b };
                    let is_nan = self.ins().fcmp(FloatCC::Unordered, nan_side, nan_side);
                    let keep = self.ins().ior(keep, is_nan);
                    self.ins().select(keep, a, b)
                } else if boolean {
                    if greater { self.ins().ior(a, b) } else { self.ins().iand(a, b) }
                } else {
                    let cc = if greater { IntCC::GreaterThanOrEqual } else { IntCC::LessThanOrEqual };
                    let keep = self.ins().icmp(cc, a, b);
                    self.ins().select(keep, a, b)
                }
            }
            Ufunc::Isnan | Ufunc::Isinf | Ufunc::Isfinite if !(float || complex) => {
                self.ins().bconst(ufunc == Ufunc::Isfinite)
            }
            Ufunc::Isnan => unary_intrinsic(self, Intrinsic::Isnan)?,
            Ufunc::Isinf => unary_intrinsic(self, Intrinsic::Isinf)?,
            Ufunc::Isfinite => unary_intrinsic(self, Intrinsic::Isfinite)?,
            Ufunc::Signbit => {
                let one = self.float(t, 1.0);
                let zero = self.float(t, 0.0);
                let signed = self.ins().call_intrinsic(Intrinsic::Copysign, &[one, a]);
                self.ins().fcmp(FloatCC::LessThan, signed, zero)
            }
            Ufunc::Copysign => self.ins().call_intrinsic(Intrinsic::Copysign, &[a, b?]),
            Ufunc::Nextafter => self.ins().call_intrinsic(Intrinsic::Nextafter, &[a, b?]),
            Ufunc::Hypot => self.ins().call_intrinsic(Intrinsic::Hypot, &[a, b?]),
            Ufunc::Arctan2 => self.ins().call_intrinsic(Intrinsic::Atan2, &[a, b?]),
            Ufunc::Ldexp => self.ins().call_intrinsic(Intrinsic::Ldexp, &[a, b?]),
            Ufunc::Logaddexp | Ufunc::Logaddexp2 => {
                let b = b?;
                let base2 = ufunc == Ufunc::Logaddexp2;
                let equal = self.ins().fcmp(FloatCC::Equal, a, b);
                let a_larger = self.ins().fcmp(FloatCC::GreaterThan, a, b);
                let larger = self.ins().select(a_larger, a, b);
                let difference = self.ins().fsub(a, b);
                let distance = self.ins().call_intrinsic(Intrinsic::Fabs, &[difference]);
                let minus = self.ins().fneg(distance);
                let tail = if base2 {
                    let two = self.float(t, 2.0);
                    let power = self.ins().fpow(two, minus);
                    let log = self.ins().call_intrinsic(Intrinsic::Log1p, &[power]);
                    let ln2 = self.float(t, std::f64::consts::LN_2);
                    self.ins().fdiv(log, ln2)
                } else {
                    let power = self.ins().call_intrinsic(Intrinsic::Exp, &[minus]);
                    self.ins().call_intrinsic(Intrinsic::Log1p, &[power])
                };
                let general = self.ins().fadd(larger, tail);
                let at_equal = self.float(t, if base2 { 1.0 } else { std::f64::consts::LN_2 });
                let equal_result = self.ins().fadd(a, at_equal);
                let is_nan = self.ins().fcmp(FloatCC::Unordered, difference, difference);
                let not_equal = self.ins().inot(equal);
                let nan_case = self.ins().iand(is_nan, not_equal);
                let result = self.ins().select(equal, equal_result, general);
                self.ins().select(nan_case, difference, result)
            }
            Ufunc::Gcd => self.ins().call_intrinsic(Intrinsic::Gcd, &[a, b?]),
            Ufunc::Lcm => {
                let b = b?;
                let gcd = self.ins().call_intrinsic(Intrinsic::Gcd, &[a, b]);
                let zero = self.scalar(t, 0);
                let is_zero = self.ins().icmp(IntCC::Equal, gcd, zero);
                let one = self.scalar(t, 1);
                let safe = self.ins().select(is_zero, one, gcd);
                let part = self.ins().idiv(a, safe);
                let product = self.ins().imul(part, b);
                let product = if t.is_signed_integer() {
                    let negative = self.ins().icmp(IntCC::LessThan, product, zero);
                    let negated = self.ins().ineg(product);
                    self.ins().select(negative, negated, product)
                } else {
                    product
                };
                self.ins().select(is_zero, zero, product)
            }
            Ufunc::Spacing | Ufunc::Modf | Ufunc::Frexp | Ufunc::Divmod => return None,
        })
        .map(|value| if int || boolean || float || complex { self.convert(value, out) } else { value })
    }

    /// Integer `//`-like operations with NumPy's results: 0 for a zero divisor, and no
    /// overflow trap for the most negative value divided by -1 (`negate_at_minus_one`: the
    /// quotient is the wrapped negation; otherwise the remainder 0).
    fn int_division(
        &mut self,
        a: Value,
        b: Value,
        t: ScalarType,
        op: impl FnOnce(&mut Self, Value, Value) -> Value,
        negate_at_minus_one: bool,
    ) -> Value {
        let zero = self.scalar(t, 0);
        let one = self.scalar(t, 1);
        let by_zero = self.ins().icmp(IntCC::Equal, b, zero);
        if t == ScalarType::Bool {
            return self.ins().iand(a, b);
        }
        if !t.is_signed_integer() {
            let safe = self.ins().select(by_zero, one, b);
            let result = op(self, a, safe);
            return self.ins().select(by_zero, zero, result);
        }
        let minus_one = self.scalar(t, -1);
        let by_minus_one = self.ins().icmp(IntCC::Equal, b, minus_one);
        let special = self.ins().ior(by_zero, by_minus_one);
        let safe = self.ins().select(special, one, b);
        let result = op(self, a, safe);
        let at_minus_one = if negate_at_minus_one { self.ins().ineg(a) } else { zero };
        let result = self.ins().select(by_minus_one, at_minus_one, result);
        self.ins().select(by_zero, zero, result)
    }

    /// NumPy's element comparison; complex numbers order lexicographically.
    fn compare_elements(&mut self, ufunc: Ufunc, a: Value, b: Value, t: ScalarType) -> Value {
        if t.is_complex() {
            let (ar, ai) = (self.ins().creal(a), self.ins().cimag(a));
            let (br, bi) = (self.ins().creal(b), self.ins().cimag(b));
            let real_equal = self.ins().fcmp(FloatCC::Equal, ar, br);
            let imag_equal = self.ins().fcmp(FloatCC::Equal, ai, bi);
            let equal = self.ins().iand(real_equal, imag_equal);
            let (strict, weak) = match ufunc {
                Ufunc::Less | Ufunc::LessEqual => (FloatCC::LessThan, FloatCC::LessThanOrEqual),
                _ => (FloatCC::GreaterThan, FloatCC::GreaterThanOrEqual),
            };
            return match ufunc {
                Ufunc::Equal => equal,
                Ufunc::NotEqual => self.ins().inot(equal),
                _ => {
                    let real_order = self.ins().fcmp(strict, ar, br);
                    let tie =
                        if matches!(ufunc, Ufunc::LessEqual | Ufunc::GreaterEqual) { weak } else { strict };
                    let imag_order = self.ins().fcmp(tie, ai, bi);
                    let by_imag = self.ins().iand(real_equal, imag_order);
                    self.ins().ior(real_order, by_imag)
                }
            };
        }
        if t.is_float() {
            let cc = match ufunc {
                Ufunc::Equal => FloatCC::Equal,
                Ufunc::NotEqual => FloatCC::NotEqual,
                Ufunc::Less => FloatCC::LessThan,
                Ufunc::LessEqual => FloatCC::LessThanOrEqual,
                Ufunc::Greater => FloatCC::GreaterThan,
                _ => FloatCC::GreaterThanOrEqual,
            };
            return self.ins().fcmp(cc, a, b);
        }
        let cc = match ufunc {
            Ufunc::Equal => IntCC::Equal,
            Ufunc::NotEqual => IntCC::NotEqual,
            Ufunc::Less => IntCC::LessThan,
            Ufunc::LessEqual => IntCC::LessThanOrEqual,
            Ufunc::Greater => IntCC::GreaterThan,
            _ => IntCC::GreaterThanOrEqual,
        };
        self.ins().icmp(cc, a, b)
    }
}
