//! Arrays: reference counting, integer indexing (with Python's negative indices and, under
//! `boundscheck`, NumPy's IndexError), item assignment, attributes, `len`, the creation
//! functions `np.empty`/`np.zeros`/`np.ones`/`np.full`, and conversions between layouts.
//!
//! # Reference counting
//!
//! Numba's variable-based scheme, made simple by `array_decref` of a null block (an array
//! that owns nothing) doing nothing:
//!
//! - every SSA variable of array type (a local's versions of one array type share one, see
//!   `function.rs`) starts as `array_null` at function entry, so it is defined on every
//!   path; a definition writing it increfs the new value, then decrefs the old one (in
//!   that order, in case they share a block); parameters are bound the same way (the
//!   caller's reference is borrowed);
//! - expressions that make a new reference — `array_alloc`, a call returning an array, a
//!   conditional expression of array type (each branch increfs its value) — push it on
//!   [`Lowerer::temps`]; a statement decrefs the temporaries it made once it is done (a
//!   condition as soon as it is tested); views and reads of locals are borrowed;
//! - every exit decrefs all array variables and pending temporaries: `return` after
//!   increfing the returned value, and a `raise` that leaves the function; a `raise`
//!   caught by a handler of the same function decrefs the temporaries made inside the
//!   `try` body.
//!
//! - an exception raised by a *callee* outside `try` takes the unwind edge of the `invoke`
//!   that called it (see `function.rs`), which releases the same things before the
//!   exception leaves.
//!
//! Known leak: an exception raised by `array_alloc` itself (MemoryError, or the ValueError
//! for a size that overflows; negative extents are checked here first) is raised by
//! codegen, which returns at once and skips this cleanup.

use numjit_ir::{ExceptionKind, IntCC, LoopRange, Value};
use numjit_sema::hir::{Expr, ExprId, KeywordArg};
use numjit_sema::templates::numpy::{ArrayFunc, CreateParam, JoinKind, NumpyFn, bind_create};
use numjit_sema::templates::ufunc::Ufunc;
use numjit_sema::{ConstValue, Ty};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::function::{Lowerer, Operand};
use crate::messages;

impl<'a> Lowerer<'a> {
    // ----- reference counting --------------------------------------------------------------

    /// Records a new reference that the current statement owns (an array, or a tuple
    /// holding arrays: one reference to each).
    pub(crate) fn own(&mut self, value: Value) {
        self.temps.push(value);
    }

    /// Adds an owner to every array in `value` (an array or a tuple holding arrays).
    pub(crate) fn incref_value(&mut self, value: Value) {
        self.refcount_value(value, true);
    }

    /// Drops an owner of every array in `value`.
    pub(crate) fn decref_value(&mut self, value: Value) {
        self.refcount_value(value, false);
    }

    fn refcount_value(&mut self, value: Value, incref: bool) {
        match self.func.dfg.value_type(value).clone() {
            Type::Array(_) if incref => {
                self.ins().array_incref(value);
            }
            Type::Array(_) => {
                self.ins().array_decref(value);
            }
            Type::Tuple(items) => {
                for (position, item) in items.iter().enumerate() {
                    if holds_arrays(item) {
                        let member = self.ins().tuple_get(value, position as u32);
                        self.refcount_value(member, incref);
                    }
                }
            }
            _ => {}
        }
    }

    /// Decrefs the temporaries above `mark` and forgets them.
    pub(crate) fn release_temps_to(&mut self, mark: usize) {
        if mark >= self.temps.len() {
            return;
        }
        let released = self.temps.split_off(mark);
        if self.cur.is_none() {
            return;
        }
        for value in released.into_iter().rev() {
            self.decref_value(value);
        }
    }

    /// Decrefs every pending temporary and every array local (at an exit of the function);
    /// the bookkeeping stays as it is for the paths that continue.
    pub(crate) fn release_all(&mut self) {
        if self.cur.is_none() {
            return;
        }
        let temps = self.temps.clone();
        for value in temps.into_iter().rev() {
            self.decref_value(value);
        }
        for var in self.array_vars.clone() {
            let block = self.current_block();
            let value = self.ssa.read(&mut self.func, var, block);
            self.decref_value(value);
        }
    }

    /// A value of array type `from` as array type `to` (same dtype and rank): a view with
    /// the target layout over the same memory.
    pub(crate) fn coerce_array(&mut self, value: Value, from: &ArrayType, to: &ArrayType) -> Value {
        if from.layout == to.layout {
            return value;
        }
        let (dims, strides) = self.dims_and_strides(value, 0, from.ndim);
        let zero = self.scalar(ScalarType::Int64, 0);
        self.ins().array_view(to.layout, value, zero, &dims, &strides)
    }

    fn dims_and_strides(&mut self, array: Value, first: u8, ndim: u8) -> (Vec<Value>, Vec<Value>) {
        let mut dims = Vec::new();
        let mut strides = Vec::new();
        for axis in first..ndim {
            dims.push(self.ins().array_dim(array, u32::from(axis)));
            strides.push(self.ins().array_stride(array, u32::from(axis)));
        }
        (dims, strides)
    }

    // ----- indexing -------------------------------------------------------------------------

    fn array_position(&mut self, array: Value, axis: u32, index: Value, scalar: ScalarType) -> Value {
        let index = self.convert(index, ScalarType::Int64);
        let dim = self.ins().array_dim(array, axis);
        let position =
            if scalar.is_unsigned_integer() || self.lower_bound(index, 0).is_some_and(|floor| floor >= 0) {
                // Known not negative (`a[i - 1]` in `for i in range(1, n)`): no wraparound.
                index
            } else {
                let zero = self.scalar(ScalarType::Int64, 0);
                let negative = self.ins().icmp(IntCC::LessThan, index, zero);
                let from_end = self.ins().iadd(index, dim);
                self.ins().select(negative, from_end, index)
            };
        if self.cx.options.boundscheck {
            let zero = self.scalar(ScalarType::Int64, 0);
            let below = self.ins().icmp(IntCC::LessThan, position, zero);
            let above = self.ins().icmp(IntCC::GreaterThanOrEqual, position, dim);
            let outside = self.ins().ior(below, above);
            let message = messages::array_index_out_of_bounds(axis);
            self.raise_if_with(outside, ExceptionKind::IndexError, &message, &[index, dim]);
        }
        position
    }

    /// The value of an integer constant instruction.
    pub(crate) fn constant_int(&self, value: Value) -> Option<i64> {
        let inst = self.func.dfg.value_def(value).inst()?;
        match self.func.dfg.inst_data(inst).opcode {
            numjit_ir::Opcode::Iconst { value, .. } => i64::try_from(value).ok(),
            _ => None,
        }
    }

    /// A lower bound of an `int64` value built from constants, induction variables of
    /// counted loops and additions/subtractions of them; `None` when unknown.
    pub(crate) fn lower_bound(&self, value: Value, depth: u32) -> Option<i64> {
        if depth > 8 {
            return None;
        }
        if let Some(floor) = self.induction_floor.get(&value) {
            return Some(*floor);
        }
        if let Some(constant) = self.constant_int(value) {
            return Some(constant);
        }
        let inst = self.func.dfg.value_def(value).inst()?;
        let data = self.func.dfg.inst_data(inst);
        match (&data.opcode, data.args.as_slice()) {
            (numjit_ir::Opcode::Iadd, [a, b]) => {
                self.lower_bound(*a, depth + 1)?.checked_add(self.lower_bound(*b, depth + 1)?)
            }
            (numjit_ir::Opcode::Isub, [a, b]) => {
                self.lower_bound(*a, depth + 1)?.checked_sub(self.constant_int(*b)?)
            }
            // An item of a tuple built here (`a[i - 1, j]` indexes with a tuple).
            (numjit_ir::Opcode::TupleGet(position), [tuple]) => {
                let made = self.func.dfg.value_def(*tuple).inst()?;
                let made = self.func.dfg.inst_data(made);
                if made.opcode != numjit_ir::Opcode::TupleMake {
                    return None;
                }
                self.lower_bound(*made.args.get(*position as usize)?, depth + 1)
            }
            _ => None,
        }
    }

    /// A slice's `(start, stop, step)` as an `int64` triple, with CPython's defaults for
    /// absent bounds (`operands` are those of the present bounds, in order); a zero step
    /// raises ValueError.
    pub(crate) fn slice_item(&mut self, bounds: [Option<ExprId>; 3], operands: &[Operand]) -> Value {
        let mut operands = operands.iter();
        let mut values = [None; 3];
        for (value, bound) in values.iter_mut().zip(bounds) {
            let Some(bound) = bound else { continue };
            let operand = operands.next().copied().unwrap_or(Operand::Static);
            if matches!(self.body.exprs[bound].kind, Expr::Const(ConstValue::None)) {
                continue;
            }
            let Some(Type::Scalar(scalar)) = self.expr_value_type(bound).cloned() else { continue };
            let raw = self.value_of(operand, bound);
            *value = Some((self.convert(raw, ScalarType::Int64), scalar, bound));
        }
        let int = ScalarType::Int64;
        let zero = self.scalar(int, 0);
        let (step, step_sign) = match values[2] {
            None => (self.scalar(int, 1), Some(true)),
            Some((step, _, expr)) => {
                let constant = match &self.body.exprs[expr].kind {
                    Expr::Const(ConstValue::Int(value)) => Some(*value),
                    _ => None,
                };
                if constant.is_none_or(|value| value == 0) {
                    let is_zero = self.ins().icmp(IntCC::Equal, step, zero);
                    self.raise_if(is_zero, ExceptionKind::ValueError, messages::SLICE_STEP_ZERO);
                }
                // CPython clamps the step to -PY_SSIZE_T_MAX, so that it can be negated.
                let min = self.scalar(int, i64::MIN);
                let is_min = self.ins().icmp(IntCC::Equal, step, min);
                let clamped = self.scalar(int, -i64::MAX);
                let step = self.ins().select(is_min, clamped, step);
                (step, constant.filter(|value| *value != 0).map(|value| value > 0))
            }
        };
        let negative = match step_sign {
            Some(positive) => self.ins().bconst(!positive),
            None => self.ins().icmp(IntCC::LessThan, step, zero),
        };
        let (max, min) = (self.scalar(int, i64::MAX), self.scalar(int, i64::MIN));
        let start = match values[0] {
            Some((start, ..)) => start,
            None => self.ins().select(negative, max, zero),
        };
        let stop = match values[1] {
            Some((stop, ..)) => stop,
            None => self.ins().select(negative, min, max),
        };
        self.ins().tuple_make(&[start, stop, step])
    }

    /// CPython's `PySlice_AdjustIndices`: a slice triple against an axis of `dim`
    /// elements gives the first position, the number of elements and the step.
    fn slice_bounds(&mut self, slice: Value, dim: Value) -> (Value, Value, Value) {
        let int = ScalarType::Int64;
        let start = self.ins().tuple_get(slice, 0);
        let stop = self.ins().tuple_get(slice, 1);
        let step = self.ins().tuple_get(slice, 2);
        let zero = self.scalar(int, 0);
        let one = self.scalar(int, 1);
        let minus_one = self.scalar(int, -1);
        let backwards = self.ins().icmp(IntCC::LessThan, step, zero);
        let adjust = |this: &mut Self, bound: Value| {
            let negative = this.ins().icmp(IntCC::LessThan, bound, zero);
            let from_end = this.ins().iadd(bound, dim);
            let still_negative = this.ins().icmp(IntCC::LessThan, from_end, zero);
            let low = this.ins().select(backwards, minus_one, zero);
            let wrapped = this.ins().select(still_negative, low, from_end);
            let beyond = this.ins().icmp(IntCC::GreaterThanOrEqual, bound, dim);
            let last = this.ins().isub(dim, one);
            let high = this.ins().select(backwards, last, dim);
            let clamped = this.ins().select(beyond, high, bound);
            this.ins().select(negative, wrapped, clamped)
        };
        let start = adjust(self, start);
        let stop = adjust(self, stop);
        // Forwards: (stop - start - 1) / step + 1 when start < stop; backwards mirrored.
        let forward_span = self.ins().isub(stop, start);
        let backward_span = self.ins().isub(start, stop);
        let span = self.ins().select(backwards, backward_span, forward_span);
        let magnitude = {
            let negated = self.ins().ineg(step);
            self.ins().select(backwards, negated, step)
        };
        let positive_span = self.ins().icmp(IntCC::GreaterThan, span, zero);
        let safe_span = self.ins().select(positive_span, span, one);
        let safe_magnitude = {
            let is_zero = self.ins().icmp(IntCC::Equal, magnitude, zero);
            self.ins().select(is_zero, one, magnitude)
        };
        let less = self.ins().isub(safe_span, one);
        let quotient = self.ins().idiv(less, safe_magnitude);
        let count = self.ins().iadd(quotient, one);
        let len = self.ins().select(positive_span, count, zero);
        (start, len, step)
    }

    /// The items of an array index, evaluated: what sema typed the index as, with the
    /// run-time values of its integers and slices.
    fn index_values(&mut self, index_expr: ExprId, index: Operand) -> Option<Vec<IndexValue>> {
        let ty = self.typed.expr_types[index_expr].clone()?;
        let one = |this: &mut Self, ty: &Ty, value: Option<Value>| -> Option<IndexValue> {
            Some(match ty {
                Ty::Value(Type::Scalar(scalar)) => IndexValue::Int(value?, *scalar),
                Ty::Value(Type::NoneType) => IndexValue::NewAxis,
                Ty::Slice { .. } => IndexValue::Slice(value?),
                Ty::Ellipsis => IndexValue::Ellipsis,
                Ty::Value(Type::Array(array)) => IndexValue::Array(value?, *array),
                _ => {
                    let _ = this;
                    return None;
                }
            })
        };
        match &ty {
            Ty::Value(Type::Tuple(types)) => {
                let tuple = self.value_of(index, index_expr);
                let mut items = Vec::with_capacity(types.len());
                for (position, item) in types.iter().enumerate() {
                    let value = self.ins().tuple_get(tuple, position as u32);
                    items.push(one(self, &Ty::Value(item.clone()), Some(value))?);
                }
                Some(items)
            }
            Ty::IndexTuple(types) => {
                let tuple = self.value_of(index, index_expr);
                let mut items = Vec::with_capacity(types.len());
                let mut position = 0;
                for item in types {
                    if *item == Ty::Ellipsis {
                        items.push(IndexValue::Ellipsis);
                        continue;
                    }
                    let value = self.ins().tuple_get(tuple, position);
                    position += 1;
                    items.push(one(self, item, Some(value))?);
                }
                Some(items)
            }
            Ty::Ellipsis => Some(vec![IndexValue::Ellipsis]),
            other => {
                let value = match index {
                    Operand::Value(value) => Some(value),
                    Operand::Static => None,
                };
                Some(vec![one(self, other, value)?])
            }
        }
    }

    /// Basic indexing: the element (`Err` with its positions, when every item is an
    /// integer and the result is a scalar) or the view's offset, extents and strides.
    pub(crate) fn basic_index(
        &mut self,
        array: Value,
        ndim: u8,
        items: &[IndexValue],
        view: bool,
    ) -> BasicIndex {
        let consumed = items
            .iter()
            .map(|item| match item {
                IndexValue::Int(..) | IndexValue::Slice(_) => 1,
                IndexValue::Array(_, array) if array.dtype == ScalarType::Bool => usize::from(array.ndim),
                IndexValue::Array(..) => 1,
                IndexValue::NewAxis | IndexValue::Ellipsis => 0,
            })
            .sum::<usize>();
        let fill = usize::from(ndim).saturating_sub(consumed);
        let mut offset = view.then(|| self.scalar(ScalarType::Int64, 0));
        let mut dims = Vec::new();
        let mut strides = Vec::new();
        let mut positions = Vec::new();
        let mut axis: u32 = 0;
        let mut filled = false;
        for item in items {
            match item {
                IndexValue::Ellipsis => {
                    for _ in 0..fill {
                        dims.push(self.ins().array_dim(array, axis));
                        strides.push(self.ins().array_stride(array, axis));
                        axis += 1;
                    }
                    filled = true;
                }
                IndexValue::Int(value, scalar) => {
                    let position = self.array_position(array, axis, *value, *scalar);
                    if let Some(base) = offset {
                        let stride = self.ins().array_stride(array, axis);
                        let term = self.ins().imul(position, stride);
                        offset = Some(self.ins().iadd(base, term));
                    }
                    positions.push(position);
                    axis += 1;
                }
                IndexValue::Slice(slice) => {
                    let dim = self.ins().array_dim(array, axis);
                    let stride = self.ins().array_stride(array, axis);
                    let (start, len, step) = self.slice_bounds(*slice, dim);
                    let term = self.ins().imul(start, stride);
                    let base = offset.unwrap_or(term);
                    offset = Some(if offset.is_some() { self.ins().iadd(base, term) } else { term });
                    dims.push(len);
                    strides.push(self.ins().imul(stride, step));
                    axis += 1;
                }
                IndexValue::NewAxis => {
                    dims.push(self.scalar(ScalarType::Int64, 1));
                    strides.push(self.scalar(ScalarType::Int64, 0));
                }
                // An advanced index keeps its axis in the basic view (see fancy.rs).
                IndexValue::Array(_, index) => {
                    let axes = if index.dtype == ScalarType::Bool { u32::from(index.ndim) } else { 1 };
                    for _ in 0..axes {
                        dims.push(self.ins().array_dim(array, axis));
                        strides.push(self.ins().array_stride(array, axis));
                        axis += 1;
                    }
                }
            }
        }
        if !filled {
            while axis < u32::from(ndim) {
                dims.push(self.ins().array_dim(array, axis));
                strides.push(self.ins().array_stride(array, axis));
                axis += 1;
            }
        }
        BasicIndex { offset, dims, strides, positions }
    }

    /// `a[i]`, `a[i, 1:n, None, ...]`: an element, or a view.
    pub(crate) fn array_getitem(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        index_expr: ExprId,
        base: Operand,
        index: Operand,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(items) = self.index_values(index_expr, index) else {
            self.unsupported("this array index", range);
            return Operand::Static;
        };
        self.index_array(expr, base_expr, base, &items)
    }

    /// `a[lo:hi:step]` (the slice triple already evaluated).
    pub(crate) fn array_slice(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        base: Operand,
        slice: Value,
    ) -> Operand {
        self.index_array(expr, base_expr, base, &[IndexValue::Slice(slice)])
    }

    fn index_array(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        base: Operand,
        items: &[IndexValue],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let (Some(Type::Array(array_type)), Some(result_type)) =
            (self.expr_value_type(base_expr).cloned(), self.expr_value_type(expr).cloned())
        else {
            self.unsupported("indexing this array", range);
            return Operand::Static;
        };
        let array = self.value_of(base, base_expr);
        if items.iter().any(|item| matches!(item, IndexValue::Array(..))) {
            let Type::Array(result_type) = result_type else { return Operand::Static };
            return match self.advanced_getitem(array, &array_type, items, &result_type) {
                Some(value) => Operand::Value(value),
                None => {
                    self.unsupported("this advanced index", range);
                    Operand::Static
                }
            };
        }
        let index = self.basic_index(array, array_type.ndim, items, matches!(result_type, Type::Array(_)));
        match result_type {
            Type::Array(view_type) => {
                let offset = index.offset.unwrap_or_else(|| self.scalar(ScalarType::Int64, 0));
                Operand::Value(self.ins().array_view(
                    view_type.layout,
                    array,
                    offset,
                    &index.dims,
                    &index.strides,
                ))
            }
            _ => Operand::Value(self.ins().array_load(array, &index.positions)),
        }
    }

    /// `a[index] = value`: an element, or every element of a view, with the value
    /// broadcast to the view's shape (sema checked the types).
    pub(crate) fn array_setitem(&mut self, base_expr: ExprId, index_expr: ExprId, value_expr: ExprId) {
        if let Some(Type::Flat(_)) = self.expr_value_type(base_expr) {
            return self.flat_setitem(base_expr, index_expr, value_expr);
        }
        let range = self.stmt_range;
        let temps = self.temps.len();
        let value = self.eval(value_expr);
        let fresh = match value {
            Operand::Value(value) => self.temps[temps.min(self.temps.len())..].contains(&value),
            Operand::Static => false,
        };
        let base = self.eval(base_expr);
        let index = self.eval(index_expr);
        let (Some(Type::Array(array_type)), Some(value_type)) =
            (self.expr_value_type(base_expr).cloned(), self.expr_value_type(value_expr).cloned())
        else {
            self.unsupported("this item assignment", range);
            return;
        };
        let Some(items) = self.index_values(index_expr, index) else {
            self.unsupported("this array index", range);
            return;
        };
        let value = self.value_of(value, value_expr);
        let array = self.value_of(base, base_expr);
        let whole = items.iter().all(|item| matches!(item, IndexValue::Int(..)))
            && items.len() == usize::from(array_type.ndim);
        if whole {
            let value = self.coerce(value, &value_type, &Type::Scalar(array_type.dtype));
            let index = self.basic_index(array, array_type.ndim, &items, false);
            self.ins().array_store(array, &index.positions, value);
            return;
        }
        if items.iter().any(|item| matches!(item, IndexValue::Array(..))) {
            let value = match &value_type {
                Type::Array(source_type) if !fresh => {
                    let copy = self.copy_array(value, source_type);
                    self.own(copy);
                    copy
                }
                _ => value,
            };
            if self.advanced_setitem(array, &array_type, &items, value, &value_type).is_none() {
                self.unsupported("this advanced index", range);
            }
            return;
        }
        if self.stores_through_view(base_expr, index_expr, value_expr) {
            // `a[i] += x` where `a[i]` is a view: the in-place operator already wrote it.
            return;
        }
        let index = self.basic_index(array, array_type.ndim, &items, true);
        let view_type = ArrayType::new(array_type.dtype, index.dims.len() as u8, Layout::A);
        let offset = index.offset.unwrap_or_else(|| self.scalar(ScalarType::Int64, 0));
        let view = self.ins().array_view(Layout::A, array, offset, &index.dims, &index.strides);
        let value = match &value_type {
            Type::Array(source_type) if !fresh => {
                // The source may overlap the target (`a[1:] = a[:-1]`): copy it first.
                let copy = self.copy_array(value, source_type);
                self.own(copy);
                copy
            }
            _ => value,
        };
        self.assign_elements(view, &view_type, &index.dims, value, &value_type);
    }

    /// Whether `base[index] = value` stores back the result of an in-place operator on
    /// the same `base[index]` (how `a[i] += x` is desugared), which wrote through the view.
    fn stores_through_view(&self, base_expr: ExprId, index_expr: ExprId, value_expr: ExprId) -> bool {
        let exprs = &self.body.exprs;
        let Expr::Binary { lhs, in_place: true, .. } = exprs[value_expr].kind else { return false };
        let Expr::Index { base, index } = exprs[lhs].kind else { return false };
        let same = |a: ExprId, b: ExprId| matches!((&exprs[a].kind, &exprs[b].kind), (Expr::Local(x), Expr::Local(y)) if x == y);
        same(base, base_expr)
            && same(index, index_expr)
            && matches!(self.expr_value_type(value_expr), Some(Type::Array(_)))
    }

    /// Stores `value` (a scalar, or an array broadcast to `dims`) into every element of
    /// `target`.
    pub(crate) fn assign_elements(
        &mut self,
        target: Value,
        target_type: &ArrayType,
        dims: &[Value],
        value: Value,
        value_type: &Type,
    ) {
        let range = self.stmt_range;
        self.broadcast_store(target, target_type, dims, value, value_type, range);
    }

    /// A C-contiguous copy of an array, owned by nobody yet.
    pub(crate) fn copy_array(&mut self, array: Value, array_type: &ArrayType) -> Value {
        let dims: Vec<Value> =
            (0..array_type.ndim).map(|axis| self.ins().array_dim(array, u32::from(axis))).collect();
        let copy = self.ins().array_alloc(array_type.dtype, false, &dims);
        let copy_type = ArrayType::new(array_type.dtype, array_type.ndim, Layout::C);
        let range = self.stmt_range;
        self.broadcast_store(copy, &copy_type, &dims, array, &Type::Array(*array_type), range);
        copy
    }

    /// `a.shape`, `a.ndim`, ... (sema checked the name).
    pub(crate) fn array_attribute(
        &mut self,
        array_type: &ArrayType,
        name: &str,
        array: Value,
    ) -> Option<Value> {
        let ndim = array_type.ndim;
        let itemsize = i64::from(array_type.dtype.size_bytes());
        Some(match name {
            "shape" => {
                let dims: Vec<Value> =
                    (0..ndim).map(|axis| self.ins().array_dim(array, u32::from(axis))).collect();
                self.ins().tuple_make(&dims)
            }
            "strides" => {
                let strides: Vec<Value> =
                    (0..ndim).map(|axis| self.ins().array_stride(array, u32::from(axis))).collect();
                self.ins().tuple_make(&strides)
            }
            "ndim" => self.scalar(ScalarType::Int64, i64::from(ndim)),
            "flags" => {
                let c_contiguous = self.is_contiguous(array, ndim, itemsize, true);
                let f_contiguous = self.is_contiguous(array, ndim, itemsize, false);
                let writeable = self.ins().bconst(!array_type.readonly);
                let aligned = self.ins().bconst(true);
                self.ins().tuple_make(&[c_contiguous, f_contiguous, writeable, aligned])
            }
            "T" => self.transpose(array, array_type),
            "real" | "imag" if array_type.dtype.is_complex() => {
                // The float parts of the elements: the same memory, half an element apart.
                let part = array_type.dtype.real_part();
                let offset = if name == "imag" { i64::from(part.size_bytes()) } else { 0 };
                let offset = self.scalar(ScalarType::Int64, offset);
                let (dims, strides) = self.dims_and_strides(array, 0, ndim);
                self.ins().array_view_as(Layout::A, part, array, offset, &dims, &strides)
            }
            "real" | "flat" => array,
            "imag" if !array_type.dtype.is_complex() => {
                let (dims, _) = self.dims_and_strides(array, 0, ndim);
                let zeros = self.ins().array_alloc(array_type.dtype, true, &dims);
                self.own(zeros);
                zeros
            }
            "itemsize" => self.scalar(ScalarType::Int64, itemsize),
            "size" => self.array_size(array, ndim),
            "nbytes" => {
                let size = self.array_size(array, ndim);
                let itemsize = self.scalar(ScalarType::Int64, itemsize);
                self.ins().imul(size, itemsize)
            }
            _ => return None,
        })
    }

    /// NumPy's C- (or F-) contiguity flag from the extents and strides: each axis of more
    /// than one element has the stride of the axes after (before) it packed; an empty array
    /// is both.
    fn is_contiguous(&mut self, array: Value, ndim: u8, itemsize: i64, c_order: bool) -> Value {
        let int = ScalarType::Int64;
        let zero = self.scalar(int, 0);
        let one = self.scalar(int, 1);
        let mut packed = self.scalar(int, itemsize);
        let mut contiguous = self.ins().bconst(true);
        let mut empty = self.ins().bconst(false);
        let axes: Vec<u8> = if c_order { (0..ndim).rev().collect() } else { (0..ndim).collect() };
        for axis in axes {
            let dim = self.ins().array_dim(array, u32::from(axis));
            let stride = self.ins().array_stride(array, u32::from(axis));
            let single = self.ins().icmp(IntCC::Equal, dim, one);
            let exact = self.ins().icmp(IntCC::Equal, stride, packed);
            let fits = self.ins().ior(single, exact);
            contiguous = self.ins().iand(contiguous, fits);
            packed = self.ins().imul(packed, dim);
            let no_elements = self.ins().icmp(IntCC::Equal, dim, zero);
            empty = self.ins().ior(empty, no_elements);
        }
        self.ins().ior(contiguous, empty)
    }

    /// The number of elements.
    pub(crate) fn array_size(&mut self, array: Value, ndim: u8) -> Value {
        let mut size = self.scalar(ScalarType::Int64, 1);
        for axis in 0..ndim {
            let dim = self.ins().array_dim(array, u32::from(axis));
            size = self.ins().imul(size, dim);
        }
        size
    }

    // ----- creation -------------------------------------------------------------------------

    /// `np.empty/zeros/ones/full(shape, [fill_value,] dtype=...)`: a new C array, owned by
    /// the statement.
    pub(crate) fn call_numpy(
        &mut self,
        expr: ExprId,
        function: NumpyFn,
        positional: &[ExprId],
        keywords: &[KeywordArg],
        operands: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
        let (Ok(params), Some(Type::Array(array_type))) =
            (bind_create(function, positional.len(), &names), self.expr_value_type(expr).cloned())
        else {
            self.unsupported("this call", range);
            return Operand::Static;
        };
        let arg_exprs: Vec<ExprId> =
            positional.iter().copied().chain(keywords.iter().map(|keyword| keyword.value)).collect();
        let mut dims = Vec::new();
        let mut fill = None;
        for ((param, &arg), &operand) in params.iter().zip(&arg_exprs).zip(operands) {
            match param {
                CreateParam::Shape => {
                    let value = self.value_of(operand, arg);
                    match self.expr_value_type(arg) {
                        Some(Type::Tuple(items)) => {
                            for position in 0..items.len() {
                                let item = self.ins().tuple_get(value, position as u32);
                                dims.push(self.convert(item, ScalarType::Int64));
                            }
                        }
                        _ => dims.push(self.convert(value, ScalarType::Int64)),
                    }
                }
                CreateParam::Fill => {
                    let value = self.value_of(operand, arg);
                    let from = self.expr_value_type(arg).cloned().unwrap_or(Type::NoneType);
                    fill = Some(self.coerce(value, &from, &Type::Scalar(array_type.dtype)));
                }
                CreateParam::Dtype => {}
            }
        }
        // NumPy's check, made here so that the exception leaves through the function's
        // cleanup (the runtime would raise the same for the allocation itself).
        let zero = self.scalar(ScalarType::Int64, 0);
        let mut negative = self.ins().bconst(false);
        for dim in &dims {
            let below = self.ins().icmp(IntCC::LessThan, *dim, zero);
            negative = self.ins().ior(negative, below);
        }
        self.raise_if(negative, ExceptionKind::ValueError, messages::NEGATIVE_DIMENSIONS);
        let fill = match function {
            NumpyFn::Ones => Some(self.scalar(array_type.dtype, 1)),
            NumpyFn::Full => fill,
            NumpyFn::Empty | NumpyFn::Zeros => None,
        };
        let zeroed = function == NumpyFn::Zeros;
        let array = self.ins().array_alloc(array_type.dtype, zeroed, &dims);
        self.own(array);
        if let Some(fill) = fill {
            self.fill_array(array, &array_type, fill);
        }
        Operand::Value(array)
    }

    /// `a.T`, `a.transpose()`: the view with the axes reversed.
    pub(crate) fn transpose(&mut self, array: Value, array_type: &ArrayType) -> Value {
        let (mut dims, mut strides) = self.dims_and_strides(array, 0, array_type.ndim);
        dims.reverse();
        strides.reverse();
        let layout = numjit_sema::templates::numpy::transposed(array_type).layout;
        let zero = self.scalar(ScalarType::Int64, 0);
        self.ins().array_view(layout, array, zero, &dims, &strides)
    }

    /// `a.transpose(axes)`, `a.transpose(i, j, k)`: the view with axis `k` of the result
    /// being axis `axes[k]` of `a` (negative axes count from the end). NumPy's AxisError
    /// (a ValueError) for an axis out of range and ValueError for a repeated one; `None` when
    /// the code after it is unreachable.
    fn permute_axes(
        &mut self,
        array: Value,
        array_type: &ArrayType,
        arg_exprs: &[ExprId],
        args: &[Operand],
    ) -> Option<Value> {
        let int = ScalarType::Int64;
        let mut axes = Vec::new();
        for (&expr, &operand) in arg_exprs.iter().zip(args) {
            let value = self.value_of(operand, expr);
            match self.expr_value_type(expr)? {
                Type::Tuple(items) => {
                    for position in 0..items.len() {
                        let item = self.ins().tuple_get(value, position as u32);
                        axes.push(self.convert(item, int));
                    }
                }
                _ => axes.push(self.convert(value, int)),
            }
        }
        let ndim = array_type.ndim;
        let zero = self.scalar(int, 0);
        let rank = self.scalar(int, i64::from(ndim));
        let mut normal = Vec::new();
        for axis in &axes {
            let negative = self.ins().icmp(IntCC::LessThan, *axis, zero);
            let shifted = self.ins().iadd(*axis, rank);
            let wrapped = self.ins().select(negative, shifted, *axis);
            let below = self.ins().icmp(IntCC::LessThan, wrapped, zero);
            let above = self.ins().icmp(IntCC::GreaterThanOrEqual, wrapped, rank);
            let outside = self.ins().ior(below, above);
            self.raise_if_with(
                outside,
                ExceptionKind::ValueError,
                "axis {} is out of bounds for array of dimension {}",
                &[*axis, rank],
            );
            normal.push(wrapped);
        }
        let mut repeated = self.ins().bconst(false);
        for (k, first) in normal.iter().enumerate() {
            for second in &normal[k + 1..] {
                let same = self.ins().icmp(IntCC::Equal, *first, *second);
                repeated = self.ins().ior(repeated, same);
            }
        }
        self.raise_if(repeated, ExceptionKind::ValueError, "repeated axis in transpose");
        let (old_dims, old_strides) = self.dims_and_strides(array, 0, ndim);
        let mut dims = Vec::new();
        let mut strides = Vec::new();
        for axis in &normal {
            let (mut dim, mut stride) = (old_dims[0], old_strides[0]);
            for source in 1..usize::from(ndim) {
                let position = self.scalar(int, source as i64);
                let here = self.ins().icmp(IntCC::Equal, *axis, position);
                dim = self.ins().select(here, old_dims[source], dim);
                stride = self.ins().select(here, old_strides[source], stride);
            }
            dims.push(dim);
            strides.push(stride);
        }
        Some(self.ins().array_view(Layout::A, array, zero, &dims, &strides))
    }

    /// `a.view(dtype)`: `a`'s memory read as elements of another dtype, with NumPy's rules:
    /// the same item size keeps the shape; another one needs a contiguous last axis, whose
    /// extent is rescaled (ValueError otherwise, and for 0-d arrays).
    fn view_as(&mut self, array: Value, array_type: &ArrayType, result: &ArrayType) -> Option<Value> {
        let int = ScalarType::Int64;
        let old_size = i64::from(array_type.dtype.size_bytes());
        let new_size = i64::from(result.dtype.size_bytes());
        let ndim = array_type.ndim;
        let (mut dims, mut strides) = self.dims_and_strides(array, 0, ndim);
        let zero = self.scalar(int, 0);
        if old_size != new_size {
            if ndim == 0 {
                // Always raises; the view after it is unreachable but keeps the value typed.
                let always = self.ins().bconst(true);
                self.raise_if(
                    always,
                    ExceptionKind::ValueError,
                    "Changing the dtype of a 0d array is only supported if the itemsize is unchanged",
                );
                return Some(self.ins().array_view_as(result.layout, result.dtype, array, zero, &[], &[]));
            }
            let last = usize::from(ndim) - 1;
            let (dim, stride) = (dims[last], strides[last]);
            let one = self.scalar(int, 1);
            let old_itemsize = self.scalar(int, old_size);
            let new_itemsize = self.scalar(int, new_size);
            let size = self.array_size(array, ndim);
            let empty = self.ins().icmp(IntCC::Equal, size, zero);
            let single = self.ins().icmp(IntCC::Equal, dim, one);
            let packed = self.ins().icmp(IntCC::Equal, stride, old_itemsize);
            let contiguous = self.ins().ior(empty, single);
            let contiguous = self.ins().ior(contiguous, packed);
            let strided = self.ins().inot(contiguous);
            self.raise_if(
                strided,
                ExceptionKind::ValueError,
                "To change to a dtype of a different size, the last axis must be contiguous",
            );
            let bytes = self.ins().imul(dim, old_itemsize);
            if new_size > old_size {
                let rest = self.ins().irem(bytes, new_itemsize);
                let uneven = self.ins().icmp(IntCC::NotEqual, rest, zero);
                self.raise_if(
                    uneven,
                    ExceptionKind::ValueError,
                    "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.",
                );
            }
            dims[last] = self.ins().idiv(bytes, new_itemsize);
            strides[last] = new_itemsize;
        }
        Some(self.ins().array_view_as(result.layout, result.dtype, array, zero, &dims, &strides))
    }

    /// Array methods other than reductions: `copy`, `fill`, `transpose`.
    pub(crate) fn array_method(
        &mut self,
        expr: ExprId,
        array: Value,
        array_type: &ArrayType,
        method: &str,
        arg_exprs: &[ExprId],
        args: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        match method {
            "copy" => {
                let copy = self.copy_array(array, array_type);
                self.own(copy);
                Operand::Value(copy)
            }
            "transpose" => match self.expr_value_type(expr).cloned() {
                Some(Type::Array(result))
                    if result.layout == Layout::A
                        && !arg_exprs.is_empty()
                        && !matches!(self.expr_value_type(arg_exprs[0]), Some(Type::NoneType) | None) =>
                {
                    match self.permute_axes(array, array_type, arg_exprs, args) {
                        Some(view) => Operand::Value(view),
                        None => Operand::Static,
                    }
                }
                _ => Operand::Value(self.transpose(array, array_type)),
            },
            "view" => {
                let Some(Type::Array(result_type)) = self.expr_value_type(expr).cloned() else {
                    return Operand::Static;
                };
                match self.view_as(array, array_type, &result_type) {
                    Some(view) => Operand::Value(view),
                    None => Operand::Static,
                }
            }
            "dot" => {
                let (Some(&other_expr), Some(&other), Some(result)) =
                    (arg_exprs.first(), args.first(), self.expr_value_type(expr).cloned())
                else {
                    return Operand::Static;
                };
                let Some(Type::Array(other_type)) = self.expr_value_type(other_expr).cloned() else {
                    return Operand::Static;
                };
                let other = self.value_of(other, other_expr);
                match self.matmul((array, *array_type), (other, other_type), &result) {
                    Some(value) => Operand::Value(value),
                    None => Operand::Static,
                }
            }
            "nonzero" => Operand::Value(self.nonzero_positions(array, array_type)),
            "item" => {
                let size = self.array_size(array, array_type.ndim);
                let one = self.scalar(ScalarType::Int64, 1);
                let not_one = self.ins().icmp(IntCC::NotEqual, size, one);
                self.raise_if(
                    not_one,
                    ExceptionKind::ValueError,
                    "can only convert an array of size 1 to a Python scalar",
                );
                let zero = self.scalar(ScalarType::Int64, 0);
                let origin = vec![zero; usize::from(array_type.ndim)];
                Operand::Value(self.ins().array_load(array, &origin))
            }
            "astype" => {
                let Some(Type::Array(result_type)) = self.expr_value_type(expr).cloned() else {
                    return Operand::Static;
                };
                let (dims, _) = self.dims_and_strides(array, 0, array_type.ndim);
                let out = self.ins().array_alloc(result_type.dtype, false, &dims);
                self.own(out);
                self.broadcast_store(out, &result_type, &dims, array, &Type::Array(*array_type), range);
                Operand::Value(out)
            }
            "flatten" => {
                let copy = self.copy_array(array, array_type);
                self.own(copy);
                let size = self.array_size(copy, array_type.ndim);
                Operand::Value(self.contiguous_view(copy, array_type.dtype, &[size]))
            }
            "ravel" | "reshape" => {
                let size = self.array_size(array, array_type.ndim);
                let dims = if method == "ravel" {
                    vec![size]
                } else {
                    match self.reshape_dims(arg_exprs, args, size) {
                        Some(dims) => dims,
                        None => {
                            self.unsupported("this reshape", range);
                            return Operand::Static;
                        }
                    }
                };
                let source = self.c_contiguous(array, array_type);
                Operand::Value(self.contiguous_view(source, array_type.dtype, &dims))
            }
            "fill" => {
                let (Some(&value_expr), Some(&operand)) = (arg_exprs.first(), args.first()) else {
                    return Operand::Static;
                };
                let value = self.value_of(operand, value_expr);
                let from = self.expr_value_type(value_expr).cloned().unwrap_or(Type::NoneType);
                let value = self.coerce(value, &from, &Type::Scalar(array_type.dtype));
                let (dims, _) = self.dims_and_strides(array, 0, array_type.ndim);
                self.broadcast_store(array, array_type, &dims, value, &Type::Scalar(array_type.dtype), range);
                Operand::Value(self.ins().noneconst())
            }
            _ => match self.library_method(expr, array, array_type, method, arg_exprs, args) {
                Some(operand) => operand,
                None => {
                    self.unsupported(&format!("the array method '{method}'"), range);
                    Operand::Static
                }
            },
        }
    }

    /// `np.nonzero(a)`: per axis, the positions of the nonzero elements in C order (a new
    /// int64 array each, owned by the statement), as a tuple.
    pub(crate) fn nonzero_positions(&mut self, array: Value, array_type: &ArrayType) -> Value {
        let int = ScalarType::Int64;
        let zero = self.scalar(int, 0);
        let one = self.scalar(int, 1);
        let (dims, _) = self.dims_and_strides(array, 0, array_type.ndim);
        let tree = crate::elementwise::Tree::of_array(array, *array_type);
        let element_type = Type::Scalar(array_type.dtype);
        let [count] = self.reduce_tree(&tree, &dims, &[zero], &mut |this, element, acc| {
            let truth = this.truth(element, &element_type);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(acc[0], step)]
        })[..] else {
            return self.ins().noneconst();
        };
        let axes = usize::from(array_type.ndim.max(1));
        let outs: Vec<Value> = (0..axes)
            .map(|_| {
                let out = self.ins().array_alloc(int, false, &[count]);
                self.own(out);
                out
            })
            .collect();
        self.loop_nest(&dims, &[zero], &mut |this, indices, carried| {
            let element = this.ins().array_load(array, indices);
            let truth = this.truth(element, &element_type);
            let then_block = this.new_block();
            let join = this.new_block();
            this.brif(truth, then_block, join);
            this.enter(then_block);
            for (axis, out) in outs.iter().enumerate() {
                let position = indices.get(axis).copied().unwrap_or(zero);
                this.ins().array_store(*out, &[carried[0]], position);
            }
            this.jump(join, &[]);
            this.enter(join);
            let step = this.ins().select(truth, one, zero);
            vec![this.ins().iadd(carried[0], step)]
        });
        self.ins().tuple_make(&outs)
    }

    /// `a @ b`, `np.dot(a, b)`, `a.dot(b)` for 1-d and 2-d arrays (sema typed the result):
    /// a product of two vectors is a loop; everything else goes through the runtime's GEMM
    /// kernels, vectors as 1-row or 1-column views.
    pub(crate) fn matmul(
        &mut self,
        a: (Value, ArrayType),
        b: (Value, ArrayType),
        result: &Type,
    ) -> Option<Value> {
        let int = ScalarType::Int64;
        let dtype = match result {
            Type::Scalar(dtype) => *dtype,
            Type::Array(array) => array.dtype,
            _ => return None,
        };
        let range = self.stmt_range;
        let operand = |this: &mut Self, (value, ty): (Value, ArrayType)| -> (Value, ArrayType) {
            if ty.dtype == dtype {
                return (value, ty);
            }
            let (dims, _) = this.dims_and_strides(value, 0, ty.ndim);
            let converted = ArrayType::new(dtype, ty.ndim, Layout::C);
            let copy = this.ins().array_alloc(dtype, false, &dims);
            this.own(copy);
            this.broadcast_store(copy, &converted, &dims, value, &Type::Array(ty), range);
            (copy, converted)
        };
        let (a, a_type) = operand(self, a);
        let (b, b_type) = operand(self, b);
        let (a_dims, a_strides) = self.dims_and_strides(a, 0, a_type.ndim);
        let (b_dims, b_strides) = self.dims_and_strides(b, 0, b_type.ndim);
        // The contracted extents must agree.
        let a_k = *a_dims.last()?;
        let b_k = b_dims[0];
        let differ = self.ins().icmp(IntCC::NotEqual, a_k, b_k);
        let a_axis = self.scalar(int, i64::from(a_type.ndim) - 1);
        let b_axis = self.scalar(int, 0);
        self.raise_if_with(
            differ,
            ExceptionKind::ValueError,
            "shapes not aligned: {} (dim {}) != {} (dim {})",
            &[a_k, a_axis, b_k, b_axis],
        );
        let zero = self.scalar(int, 0);
        if a_type.ndim == 1 && b_type.ndim == 1 {
            let init =
                if dtype.is_complex() { self.ins().cconst(dtype, 0.0, 0.0) } else { self.scalar(dtype, 0) };
            let [total] = self.loop_nest(&[a_k], &[init], &mut |this, indices, acc| {
                let x = this.ins().array_load(a, indices);
                let y = this.ins().array_load(b, indices);
                let types = [dtype, dtype];
                let product = this.ufunc_element(Ufunc::Multiply, &[x, y], &types, dtype).unwrap_or(x);
                vec![this.ufunc_element(Ufunc::Add, &[acc[0], product], &types, dtype).unwrap_or(product)]
            })[..] else {
                return None;
            };
            return Some(total);
        }
        let one = self.scalar(int, 1);
        let matrix = |this: &mut Self, value: Value, dims: &[Value], strides: &[Value], row: bool| -> Value {
            let (dims, strides) = match (dims, strides) {
                ([n], [s]) if row => (vec![one, *n], vec![zero, *s]),
                ([n], [s]) => (vec![*n, one], vec![*s, zero]),
                _ => (dims.to_vec(), strides.to_vec()),
            };
            this.ins().array_view(Layout::A, value, zero, &dims, &strides)
        };
        let a2 = matrix(self, a, &a_dims, &a_strides, true);
        let b2 = matrix(self, b, &b_dims, &b_strides, false);
        let mut out_dims = Vec::new();
        if a_type.ndim == 2 {
            out_dims.push(a_dims[0]);
        }
        if b_type.ndim == 2 {
            out_dims.push(b_dims[1]);
        }
        let out = self.ins().array_alloc(dtype, false, &out_dims);
        self.own(out);
        let (_, out_strides) = self.dims_and_strides(out, 0, out_dims.len() as u8);
        let c2 = matrix(self, out, &out_dims, &out_strides, a_type.ndim == 1);
        self.ins().array_matmul(a2, b2, c2);
        Some(out)
    }

    /// `np.concatenate`/`stack`/`hstack`/`vstack` of `arrays` (one rank) along `axis`.
    fn join_arrays(
        &mut self,
        kind: JoinKind,
        arrays: &[(Value, ArrayType)],
        axis: i64,
        result: &ArrayType,
    ) -> Operand {
        let int = ScalarType::Int64;
        let range = self.stmt_range;
        let Some(&(_, first_type)) = arrays.first() else { return Operand::Static };
        let ndim = i64::from(first_type.ndim);
        // Along an existing axis (`concatenate`), or a new one (`stack`).
        let (new_axis, axis) = match kind {
            JoinKind::Concatenate => (false, axis),
            JoinKind::Stack => (true, axis),
            JoinKind::Hstack => (false, if ndim == 1 { 0 } else { 1 }),
            JoinKind::Vstack => (ndim == 1, 0),
        };
        let result_ndim = i64::from(result.ndim);
        let normal = if axis < 0 { axis + result_ndim } else { axis };
        if !(0..result_ndim).contains(&normal) {
            let (axis, rank) =
                (self.scalar(int, axis), self.scalar(int, if new_axis { result_ndim } else { ndim }));
            self.raise_with(
                ExceptionKind::ValueError,
                "axis {} is out of bounds for array of dimension {}",
                &[axis, rank],
            );
            return Operand::Static;
        }
        let normal = normal as usize;
        let dims: Vec<Vec<Value>> = arrays
            .iter()
            .map(|(value, ty)| (0..ty.ndim).map(|k| self.ins().array_dim(*value, u32::from(k))).collect())
            .collect();
        // Every other extent must agree with the first array's.
        let mut bad = self.ins().bconst(false);
        for other in &dims[1..] {
            for (k, (a, b)) in dims[0].iter().zip(other).enumerate() {
                if !new_axis && k == normal {
                    continue;
                }
                let differs = self.ins().icmp(IntCC::NotEqual, *a, *b);
                bad = self.ins().ior(bad, differs);
            }
        }
        let message = if new_axis {
            "all input arrays must have the same shape"
        } else {
            "all the input array dimensions except for the concatenation axis must match exactly"
        };
        self.raise_if(bad, ExceptionKind::ValueError, message);
        let mut out_dims = dims[0].clone();
        if new_axis {
            let count = self.scalar(int, arrays.len() as i64);
            out_dims.insert(normal, count);
        } else {
            let mut total = self.scalar(int, 0);
            for extents in &dims {
                total = self.ins().iadd(total, extents[normal]);
            }
            out_dims[normal] = total;
        }
        let out = self.ins().array_alloc(result.dtype, false, &out_dims);
        self.own(out);
        let (_, out_strides) = self.dims_and_strides(out, 0, result.ndim);
        let mut start = self.scalar(int, 0);
        for (position, ((value, ty), extents)) in arrays.iter().zip(&dims).enumerate() {
            let (offset, strides) = if new_axis {
                let index = self.scalar(int, position as i64);
                let offset = self.ins().imul(index, out_strides[normal]);
                let mut strides = out_strides.clone();
                strides.remove(normal);
                (offset, strides)
            } else {
                let offset = self.ins().imul(start, out_strides[normal]);
                start = self.ins().iadd(start, extents[normal]);
                (offset, out_strides.clone())
            };
            let part_type = ArrayType::new(result.dtype, ty.ndim, Layout::A);
            let part = self.ins().array_view(Layout::A, out, offset, extents, &strides);
            self.broadcast_store(part, &part_type, extents, *value, &Type::Array(*ty), range);
        }
        Operand::Value(out)
    }

    /// An integer argument given by position (`positional`), by keyword, or `default`, as
    /// `int64`.
    fn int_argument(
        &mut self,
        positional: Option<Value>,
        keyword: Option<(ExprId, Operand)>,
        default: i64,
    ) -> Value {
        let int = ScalarType::Int64;
        match (positional, keyword) {
            (Some(value), _) => self.convert(value, int),
            (None, Some((expr, operand))) => {
                let value = self.value_of(operand, expr);
                self.convert(value, int)
            }
            (None, None) => self.scalar(int, default),
        }
    }

    /// Stores the leaves of a nested tuple into `out` at the positions of their tuple
    /// indices (`prefix` holds the indices of the enclosing levels).
    fn store_nested(
        &mut self,
        out: Value,
        dtype: ScalarType,
        data: Value,
        data_type: &Type,
        prefix: &mut Vec<i64>,
    ) {
        match data_type {
            Type::Tuple(items) => {
                for (position, item) in items.iter().enumerate() {
                    let value = self.ins().tuple_get(data, position as u32);
                    prefix.push(position as i64);
                    self.store_nested(out, dtype, value, item, prefix);
                    prefix.pop();
                }
            }
            scalar => {
                let value = self.coerce(data, scalar, &Type::Scalar(dtype));
                let indices: Vec<Value> =
                    prefix.iter().map(|index| self.scalar(ScalarType::Int64, *index)).collect();
                self.ins().array_store(out, &indices, value);
            }
        }
    }

    /// A C-contiguous view of the C-contiguous `array` with extents `dims`.
    pub(crate) fn contiguous_view(&mut self, array: Value, dtype: ScalarType, dims: &[Value]) -> Value {
        let mut strides = vec![self.scalar(ScalarType::Int64, i64::from(dtype.size_bytes())); dims.len()];
        for axis in (0..dims.len().saturating_sub(1)).rev() {
            strides[axis] = self.ins().imul(strides[axis + 1], dims[axis + 1]);
        }
        let zero = self.scalar(ScalarType::Int64, 0);
        self.ins().array_view(Layout::C, array, zero, dims, &strides)
    }

    /// `array` itself when it is C-contiguous (by type, or checked at run time), else a
    /// C-contiguous copy; a reference the statement owns either way (a borrowed array
    /// gets an extra owner, so both paths own one).
    fn c_contiguous(&mut self, array: Value, array_type: &ArrayType) -> Value {
        if array_type.layout == Layout::C {
            return array;
        }
        let int = ScalarType::Int64;
        let (dims, strides) = self.dims_and_strides(array, 0, array_type.ndim);
        let mut expected = self.scalar(int, i64::from(array_type.dtype.size_bytes()));
        let mut contiguous = self.ins().bconst(true);
        let one = self.scalar(int, 1);
        for axis in (0..dims.len()).rev() {
            let same = self.ins().icmp(IntCC::Equal, strides[axis], expected);
            let unit = self.ins().icmp(IntCC::Equal, dims[axis], one);
            let fine = self.ins().ior(same, unit);
            contiguous = self.ins().iand(contiguous, fine);
            expected = self.ins().imul(expected, dims[axis]);
        }
        let as_is = self.new_block();
        let copy_block = self.new_block();
        let join = self.new_block();
        let param = self.func.dfg.append_block_param(join, Type::Array(*array_type));
        self.brif(contiguous, as_is, copy_block);
        self.enter(as_is);
        self.ins().array_incref(array);
        self.jump(join, &[array]);
        self.enter(copy_block);
        let copy = self.copy_array(array, array_type);
        let copy = self.coerce_array(copy, &ArrayType { layout: Layout::C, ..*array_type }, array_type);
        self.jump(join, &[copy]);
        self.enter(join);
        self.own(param);
        param
    }

    /// The extents of `a.reshape(...)` for an array of `size` elements: one `-1` is
    /// inferred; NumPy's ValueError when the sizes differ.
    fn reshape_dims(&mut self, arg_exprs: &[ExprId], args: &[Operand], size: Value) -> Option<Vec<Value>> {
        let int = ScalarType::Int64;
        let mut dims = Vec::new();
        for (&expr, &operand) in arg_exprs.iter().zip(args) {
            let value = self.value_of(operand, expr);
            match self.expr_value_type(expr)? {
                Type::Tuple(items) => {
                    for position in 0..items.len() {
                        let item = self.ins().tuple_get(value, position as u32);
                        dims.push(self.convert(item, int));
                    }
                }
                _ => dims.push(self.convert(value, int)),
            }
        }
        // Product of the known extents; the unknown one (-1) is size / product.
        let zero = self.scalar(int, 0);
        let one = self.scalar(int, 1);
        let minus_one = self.scalar(int, -1);
        let mut known = one;
        let mut unknowns = zero;
        for dim in &dims {
            let unknown = self.ins().icmp(IntCC::Equal, *dim, minus_one);
            let factor = self.ins().select(unknown, one, *dim);
            known = self.ins().imul(known, factor);
            let counted = self.ins().select(unknown, one, zero);
            unknowns = self.ins().iadd(unknowns, counted);
        }
        let safe = {
            let is_zero = self.ins().icmp(IntCC::Equal, known, zero);
            self.ins().select(is_zero, one, known)
        };
        let inferred = self.ins().idiv(size, safe);
        let resolved: Vec<Value> = dims
            .iter()
            .map(|dim| {
                let unknown = self.ins().icmp(IntCC::Equal, *dim, minus_one);
                self.ins().select(unknown, inferred, *dim)
            })
            .collect();
        let mut total = one;
        let mut negative = self.ins().bconst(false);
        for dim in &resolved {
            total = self.ins().imul(total, *dim);
            let below = self.ins().icmp(IntCC::LessThan, *dim, zero);
            negative = self.ins().ior(negative, below);
        }
        let mismatch = self.ins().icmp(IntCC::NotEqual, total, size);
        let several = self.ins().icmp(IntCC::GreaterThan, unknowns, one);
        let bad = self.ins().ior(mismatch, negative);
        let bad = self.ins().ior(bad, several);
        let mut message = String::from("cannot reshape array of size {} into shape (");
        for (idx, _) in dims.iter().enumerate() {
            message.push_str("{}");
            if dims.len() == 1 || idx + 1 < dims.len() {
                message.push(',');
            }
        }
        message.push(')');
        let mut values = vec![size];
        values.extend(&dims);
        self.raise_if_with(bad, ExceptionKind::ValueError, &message, &values);
        Some(resolved)
    }

    /// `np.copy`, `np.*_like`, `np.arange`, `np.linspace` (reductions are evaluated
    /// before their operands, see `reductions.rs`).
    pub(crate) fn call_array_func(
        &mut self,
        expr: ExprId,
        function: ArrayFunc,
        positional: &[ExprId],
        keywords: &[KeywordArg],
        operands: &[Operand],
    ) -> Operand {
        if let ArrayFunc::Library(function) = function {
            return self.call_library(expr, function, positional, keywords, operands);
        }
        let range = self.body.exprs[expr].range;
        if function == ArrayFunc::Transpose {
            let arg_exprs: Vec<ExprId> =
                positional.iter().copied().chain(keywords.iter().map(|keyword| keyword.value)).collect();
            let (Some(&arg), Some(&operand)) = (arg_exprs.first(), operands.first()) else {
                return Operand::Static;
            };
            let (Some(Type::Array(array_type)), Some(Type::Array(result))) =
                (self.expr_value_type(arg).cloned(), self.expr_value_type(expr).cloned())
            else {
                return Operand::Static;
            };
            let array = self.value_of(operand, arg);
            let axes_given = arg_exprs.len() > 1
                && !matches!(self.expr_value_type(arg_exprs[1]), Some(Type::NoneType) | None);
            if result.layout == Layout::A && axes_given {
                return match self.permute_axes(array, &array_type, &arg_exprs[1..], &operands[1..]) {
                    Some(view) => Operand::Value(view),
                    None => Operand::Static,
                };
            }
            return Operand::Value(self.transpose(array, &array_type));
        }
        if function == ArrayFunc::Nonzero {
            let (Some(&arg), Some(&operand)) = (positional.first(), operands.first()) else {
                return Operand::Static;
            };
            let Some(Type::Array(array_type)) = self.expr_value_type(arg).cloned() else {
                return Operand::Static;
            };
            let array = self.value_of(operand, arg);
            return Operand::Value(self.nonzero_positions(array, &array_type));
        }
        if function == ArrayFunc::Dot {
            let (Some(&(a, Some(Type::Array(a_type)))), Some(&(b, Some(Type::Array(b_type)))), Some(result)) = (
                positional
                    .first()
                    .zip(operands.first())
                    .map(|(expr, operand)| {
                        (self.value_of(*operand, *expr), self.expr_value_type(*expr).cloned())
                    })
                    .as_ref(),
                positional
                    .get(1)
                    .zip(operands.get(1))
                    .map(|(expr, operand)| {
                        (self.value_of(*operand, *expr), self.expr_value_type(*expr).cloned())
                    })
                    .as_ref(),
                self.expr_value_type(expr).cloned(),
            ) else {
                self.unsupported("numpy.dot() of these operands", range);
                return Operand::Static;
            };
            // `np.dot(a, b, out)`: the product, then stored into `out`.
            let out = positional.get(2).zip(operands.get(2)).map(|(expr, operand)| {
                (self.value_of(*operand, *expr), self.expr_value_type(*expr).cloned())
            });
            let result = match &out {
                Some((_, Some(Type::Array(out_type)))) if out_type.ndim == 0 => Type::Scalar(out_type.dtype),
                Some((_, Some(Type::Array(out_type)))) => {
                    Type::Array(ArrayType::new(out_type.dtype, out_type.ndim, Layout::C))
                }
                _ => result,
            };
            return match (self.matmul((a, a_type), (b, b_type), &result), out) {
                (Some(value), Some((out, Some(Type::Array(out_type))))) => {
                    Operand::Value(self.store_into_out(out, &out_type, value, &result, range))
                }
                (Some(value), _) => Operand::Value(value),
                (None, _) => Operand::Static,
            };
        }
        let Some(Type::Array(result_type)) = self.expr_value_type(expr).cloned() else {
            self.unsupported(&format!("numpy.{}() here", function.name()), range);
            return Operand::Static;
        };
        let mut values = Vec::with_capacity(positional.len());
        for (&arg, &operand) in positional.iter().zip(operands) {
            let value = self.value_of(operand, arg);
            values.push((value, self.expr_value_type(arg).cloned().unwrap_or(Type::NoneType)));
        }
        let keyword = |name: &str| {
            keywords
                .iter()
                .position(|keyword| keyword.name == name)
                .map(|at| (keywords[at].value, operands[positional.len() + at]))
        };
        let dtype = result_type.dtype;
        let int = ScalarType::Int64;
        match function {
            ArrayFunc::Copy => {
                let Some((value, Type::Array(source))) = values.first().cloned() else {
                    return Operand::Static;
                };
                let copy = self.copy_array(value, &source);
                self.own(copy);
                Operand::Value(copy)
            }
            ArrayFunc::Like(kind) => {
                let Some((value, Type::Array(source))) = values.first().cloned() else {
                    return Operand::Static;
                };
                let (dims, _) = self.dims_and_strides(value, 0, source.ndim);
                let out = self.ins().array_alloc(dtype, kind == NumpyFn::Zeros, &dims);
                self.own(out);
                let fill = match kind {
                    NumpyFn::Ones => Some(self.scalar(dtype, 1)),
                    NumpyFn::Full => values
                        .get(1)
                        .cloned()
                        .map(|(fill, from)| self.coerce(fill, &from, &Type::Scalar(dtype))),
                    NumpyFn::Empty | NumpyFn::Zeros => None,
                };
                if let Some(fill) = fill {
                    self.fill_array(out, &result_type, fill);
                }
                Operand::Value(out)
            }
            ArrayFunc::Arange
                if values.iter().any(|(_, ty)| ty.as_scalar().is_some_and(ScalarType::is_complex)) =>
            {
                Operand::Value(self.arange_complex(&values, dtype))
            }
            ArrayFunc::Arange => {
                let compute = if values.iter().any(|(_, ty)| ty.as_scalar().is_some_and(ScalarType::is_float))
                {
                    ScalarType::Float64
                } else {
                    int
                };
                let mut parts: Vec<Value> = values
                    .iter()
                    .map(|(value, ty)| self.coerce(*value, ty, &Type::Scalar(compute)))
                    .collect();
                let (start, stop, step) = match parts.len() {
                    1 => (self.scalar(compute, 0), parts.remove(0), self.scalar(compute, 1)),
                    2 => (parts[0], parts[1], self.scalar(compute, 1)),
                    _ => (parts[0], parts[1], parts[2]),
                };
                let len = if compute == int {
                    let zero = self.scalar(int, 0);
                    let is_zero = self.ins().icmp(IntCC::Equal, step, zero);
                    self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "division by zero");
                    // ceil((stop - start) / step), at least 0.
                    let span = self.ins().isub(stop, start);
                    let one = self.scalar(int, 1);
                    let positive = self.ins().icmp(IntCC::GreaterThan, step, zero);
                    let minus_one = self.scalar(int, -1);
                    let adjust = self.ins().select(positive, minus_one, one);
                    let rounded = self.ins().iadd(span, step);
                    let rounded = self.ins().iadd(rounded, adjust);
                    let count = self.ins().idiv(rounded, step);
                    let negative = self.ins().icmp(IntCC::LessThan, count, zero);
                    self.ins().select(negative, zero, count)
                } else {
                    let zero = self.float(compute, 0.0);
                    let is_zero = self.ins().fcmp(numjit_ir::FloatCC::Equal, step, zero);
                    self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "division by zero");
                    let span = self.ins().fsub(stop, start);
                    let quotient = self.ins().fdiv(span, step);
                    let ceiling = self.ins().call_intrinsic(numjit_ir::Intrinsic::Ceil, &[quotient]);
                    let negative = self.ins().fcmp(numjit_ir::FloatCC::LessThan, ceiling, zero);
                    let not_nan = self.ins().fcmp(numjit_ir::FloatCC::Ordered, ceiling, ceiling);
                    let not_negative = self.ins().inot(negative);
                    let ok = self.ins().iand(not_nan, not_negative);
                    let count = self.convert(ceiling, int);
                    let zero_int = self.scalar(int, 0);
                    self.ins().select(ok, count, zero_int)
                };
                let out = self.ins().array_alloc(dtype, false, &[len]);
                self.own(out);
                self.loop_nest(&[len], &[], &mut |this, indices, _| {
                    let i = this.convert(indices[0], compute);
                    let offset =
                        if compute == int { this.ins().imul(i, step) } else { this.ins().fmul(i, step) };
                    let value = if compute == int {
                        this.ins().iadd(start, offset)
                    } else {
                        this.ins().fadd(start, offset)
                    };
                    let value = this.convert(value, dtype);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Operand::Value(out)
            }
            ArrayFunc::Linspace => {
                if dtype.is_complex() {
                    self.unsupported("numpy.linspace() of complex numbers", range);
                    return Operand::Static;
                }
                let float = ScalarType::Float64;
                let (start, stop) = match values.as_slice() {
                    [(a, a_ty), (b, b_ty), ..] => (
                        self.coerce(*a, a_ty, &Type::Scalar(float)),
                        self.coerce(*b, b_ty, &Type::Scalar(float)),
                    ),
                    _ => return Operand::Static,
                };
                let num = self.int_argument(values.get(2).map(|(value, _)| *value), keyword("num"), 50);
                let zero = self.scalar(int, 0);
                let negative = self.ins().icmp(IntCC::LessThan, num, zero);
                self.raise_if_with(
                    negative,
                    ExceptionKind::ValueError,
                    "Number of samples, {}, must be non-negative.",
                    &[num],
                );
                let one = self.scalar(int, 1);
                let intervals = self.ins().isub(num, one);
                let several = self.ins().icmp(IntCC::GreaterThan, intervals, zero);
                let safe = self.ins().select(several, intervals, one);
                let divisor = self.convert(safe, float);
                let delta = self.ins().fsub(stop, start);
                let step = self.ins().fdiv(delta, divisor);
                let out = self.ins().array_alloc(dtype, false, &[num]);
                self.own(out);
                self.loop_nest(&[num], &[], &mut |this, indices, _| {
                    let i = this.convert(indices[0], float);
                    let scaled = this.ins().fmul(i, step);
                    let value = this.ins().fadd(scaled, start);
                    let last = this.ins().icmp(IntCC::Equal, indices[0], intervals);
                    let last = this.ins().iand(last, several);
                    let value = this.ins().select(last, stop, value);
                    let value = this.convert(value, dtype);
                    this.ins().array_store(out, indices, value);
                    Vec::new()
                });
                Operand::Value(out)
            }
            ArrayFunc::Array | ArrayFunc::Asarray => {
                let Some((data, data_type)) = values.first().cloned() else { return Operand::Static };
                match &data_type {
                    Type::Array(source) if function == ArrayFunc::Asarray && *source == result_type => {
                        Operand::Value(data)
                    }
                    Type::Array(source) => {
                        let (dims, _) = self.dims_and_strides(data, 0, source.ndim);
                        let out = self.ins().array_alloc(dtype, false, &dims);
                        self.own(out);
                        self.broadcast_store(out, &result_type, &dims, data, &data_type, range);
                        Operand::Value(out)
                    }
                    _ => {
                        let mut dims = Vec::new();
                        let mut level = &data_type;
                        while let Type::Tuple(items) = level {
                            dims.push(items.len());
                            match items.first() {
                                Some(first) => level = first,
                                None => break,
                            }
                        }
                        dims.resize(usize::from(result_type.ndim), 0);
                        let extents: Vec<Value> =
                            dims.iter().map(|dim| self.scalar(int, *dim as i64)).collect();
                        let out = self.ins().array_alloc(dtype, false, &extents);
                        self.own(out);
                        self.store_nested(out, dtype, data, &data_type, &mut Vec::new());
                        Operand::Value(out)
                    }
                }
            }
            ArrayFunc::Ascontiguousarray => {
                let Some((data, Type::Array(source))) = values.first().cloned() else {
                    return Operand::Static;
                };
                let contiguous = self.c_contiguous(data, &source);
                let (dims, _) = self.dims_and_strides(contiguous, 0, source.ndim);
                Operand::Value(self.contiguous_view(contiguous, source.dtype, &dims))
            }
            ArrayFunc::Eye | ArrayFunc::Identity => {
                let n = values.first().map(|(value, _)| self.convert(*value, int));
                let Some(n) = n else { return Operand::Static };
                let m = match (values.get(1), keyword("M")) {
                    (Some((value, Type::Scalar(_))), _) => self.convert(*value, int),
                    (None, Some((expr, operand)))
                        if !matches!(self.expr_value_type(expr), Some(Type::NoneType)) =>
                    {
                        let value = self.value_of(operand, expr);
                        self.convert(value, int)
                    }
                    _ => n,
                };
                let k = self.int_argument(values.get(2).map(|(value, _)| *value), keyword("k"), 0);
                let zero = self.scalar(int, 0);
                let negative_n = self.ins().icmp(IntCC::LessThan, n, zero);
                let negative_m = self.ins().icmp(IntCC::LessThan, m, zero);
                let negative = self.ins().ior(negative_n, negative_m);
                self.raise_if(negative, ExceptionKind::ValueError, messages::NEGATIVE_DIMENSIONS);
                let out = self.ins().array_alloc(dtype, true, &[n, m]);
                self.own(out);
                let one = self.scalar(dtype, 1);
                self.loop_nest(&[n], &[], &mut |this, indices, _| {
                    let column = this.ins().iadd(indices[0], k);
                    let above = this.ins().icmp(IntCC::GreaterThanOrEqual, column, zero);
                    let below = this.ins().icmp(IntCC::LessThan, column, m);
                    let inside = this.ins().iand(above, below);
                    let then_block = this.new_block();
                    let join = this.new_block();
                    this.brif(inside, then_block, join);
                    this.enter(then_block);
                    this.ins().array_store(out, &[indices[0], column], one);
                    this.jump(join, &[]);
                    this.enter(join);
                    Vec::new()
                });
                Operand::Value(out)
            }
            ArrayFunc::Join(kind) => {
                let Some((tuple, Type::Tuple(items))) = values.first().cloned() else {
                    return Operand::Static;
                };
                let axis_expr = positional.get(1).copied().or_else(|| keyword("axis").map(|(expr, _)| expr));
                let axis = match axis_expr {
                    None => 0,
                    Some(expr) => match self.const_index(expr) {
                        Some(axis) => axis,
                        None => {
                            self.unsupported("an axis that is not an integer constant", range);
                            return Operand::Static;
                        }
                    },
                };
                let arrays: Vec<(Value, ArrayType)> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(position, item)| {
                        let array = *item.as_array()?;
                        Some((self.ins().tuple_get(tuple, position as u32), array))
                    })
                    .collect();
                self.join_arrays(kind, &arrays, axis, &result_type)
            }
            ArrayFunc::Reduce(_)
            | ArrayFunc::Library(_)
            | ArrayFunc::Dot
            | ArrayFunc::Nonzero
            | ArrayFunc::Transpose => Operand::Static,
        }
    }

    /// Stores `value` in every element of a new C-contiguous array: a structured loop over
    /// a flat view.
    fn fill_array(&mut self, array: Value, array_type: &ArrayType, value: Value) {
        let size = self.array_size(array, array_type.ndim);
        let zero = self.scalar(ScalarType::Int64, 0);
        let one = self.scalar(ScalarType::Int64, 1);
        let itemsize = self.scalar(ScalarType::Int64, i64::from(array_type.dtype.size_bytes()));
        let flat = self.ins().array_view(Layout::C, array, zero, &[size], &[itemsize]);
        let lp = self.ins().for_loop(LoopRange { start: zero, stop: size, step: one }, &[]);
        let mut builder = numjit_ir::FunctionBuilder::new(&mut self.func);
        builder.switch_to_block(lp.entry_block);
        builder.array_store(flat, &[lp.induction_variable], value);
        builder.yield_(&[]);
    }
}

/// One evaluated item of an array index.
#[derive(Clone, Copy, Debug)]
pub(crate) enum IndexValue {
    /// An integer or boolean array (advanced indexing, fancy.rs).
    Array(Value, ArrayType),
    Int(Value, ScalarType),
    /// An `int64` triple `(start, stop, step)` from [`Lowerer::slice_item`].
    Slice(Value),
    NewAxis,
    Ellipsis,
}

/// What [`Lowerer::basic_index`] computes.
pub(crate) struct BasicIndex {
    /// Byte offset of the view's first element (computed for views only).
    pub(crate) offset: Option<Value>,
    pub(crate) dims: Vec<Value>,
    pub(crate) strides: Vec<Value>,
    /// The positions of the integer items (all of them select an element).
    pub(crate) positions: Vec<Value>,
}

/// Whether values of `ty` hold array references (arrays, and tuples with arrays in them):
/// such values are reference counted.
pub(crate) fn holds_arrays(ty: &Type) -> bool {
    match ty {
        Type::Array(_) | Type::Flat(_) => true,
        Type::Tuple(items) => items.iter().any(holds_arrays),
        _ => false,
    }
}
