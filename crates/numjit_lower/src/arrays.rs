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
//! Known leak: an exception raised by a *callee*, or by `array_alloc` itself (MemoryError,
//! or the ValueError for a size that overflows; negative extents are checked here first),
//! propagates in codegen straight to the caller's caller and skips this cleanup. The IR's
//! exception edges for calls (a separate change) will route it through the same exit path;
//! `crates/numjit/tests/arrays.rs` records the leak (`known_leak_when_a_callee_raises`).

use numjit_ir::{ExceptionKind, IntCC, LoopRange, Value};
use numjit_sema::hir::{ExprId, KeywordArg};
use numjit_sema::templates::numpy::{CreateParam, NumpyFn, bind_create};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::function::{Lowerer, Operand};
use crate::messages;

impl<'a> Lowerer<'a> {
    // ----- reference counting --------------------------------------------------------------

    /// Records a new reference that the current statement owns.
    pub(crate) fn own(&mut self, value: Value) {
        self.temps.push(value);
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
            self.ins().array_decref(value);
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
            self.ins().array_decref(value);
        }
        for var in self.array_vars.clone() {
            let block = self.current_block();
            let value = self.ssa.read(&mut self.func, var, block);
            self.ins().array_decref(value);
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

    /// The index values of `a[index]` as int64 positions inside the axes (negative indices
    /// counted from the end; out of bounds raises IndexError under `boundscheck`).
    fn array_positions(&mut self, array: Value, index_expr: ExprId, index: Operand) -> Option<Vec<Value>> {
        let index_type = self.expr_value_type(index_expr)?.clone();
        let index = self.value_of(index, index_expr);
        let items: Vec<(Value, ScalarType)> = match &index_type {
            Type::Tuple(types) => {
                let mut items = Vec::with_capacity(types.len());
                for (position, ty) in types.iter().enumerate() {
                    let value = self.ins().tuple_get(index, position as u32);
                    items.push((value, ty.as_scalar()?));
                }
                items
            }
            Type::Scalar(scalar) => vec![(index, *scalar)],
            _ => return None,
        };
        let mut positions = Vec::with_capacity(items.len());
        for (axis, (value, scalar)) in items.into_iter().enumerate() {
            positions.push(self.array_position(array, axis as u32, value, scalar));
        }
        Some(positions)
    }

    fn array_position(&mut self, array: Value, axis: u32, index: Value, scalar: ScalarType) -> Value {
        let index = self.convert(index, ScalarType::Int64);
        let dim = self.ins().array_dim(array, axis);
        let position = if scalar.is_unsigned_integer() {
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

    /// `a[i]`, `a[i, j]`: an element, or a view for fewer indices than axes.
    pub(crate) fn array_getitem(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        index_expr: ExprId,
        base: Operand,
        index: Operand,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let (Some(Type::Array(array_type)), Some(result_type)) =
            (self.expr_value_type(base_expr).cloned(), self.expr_value_type(expr).cloned())
        else {
            self.unsupported("indexing this array", range);
            return Operand::Static;
        };
        let array = self.value_of(base, base_expr);
        let Some(positions) = self.array_positions(array, index_expr, index) else {
            self.unsupported("this array index", range);
            return Operand::Static;
        };
        match result_type {
            Type::Array(view_type) => {
                let mut offset = self.scalar(ScalarType::Int64, 0);
                for (axis, position) in positions.iter().enumerate() {
                    let stride = self.ins().array_stride(array, axis as u32);
                    let term = self.ins().imul(*position, stride);
                    offset = self.ins().iadd(offset, term);
                }
                let (dims, strides) = self.dims_and_strides(array, positions.len() as u8, array_type.ndim);
                Operand::Value(self.ins().array_view(view_type.layout, array, offset, &dims, &strides))
            }
            _ => Operand::Value(self.ins().array_load(array, &positions)),
        }
    }

    /// `a[index] = value` (sema checked: one integer index per axis, a writable array).
    pub(crate) fn array_setitem(&mut self, base_expr: ExprId, index_expr: ExprId, value_expr: ExprId) {
        let range = self.stmt_range;
        let value = self.eval(value_expr);
        let base = self.eval(base_expr);
        let index = self.eval(index_expr);
        let (Some(Type::Array(array_type)), Some(value_type)) =
            (self.expr_value_type(base_expr).cloned(), self.expr_value_type(value_expr).cloned())
        else {
            self.unsupported("this item assignment", range);
            return;
        };
        let value = self.value_of(value, value_expr);
        let value = self.coerce(value, &value_type, &Type::Scalar(array_type.dtype));
        let array = self.value_of(base, base_expr);
        let Some(positions) = self.array_positions(array, index_expr, index) else {
            self.unsupported("this array index", range);
            return;
        };
        self.ins().array_store(array, &positions, value);
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

    /// The number of elements.
    fn array_size(&mut self, array: Value, ndim: u8) -> Value {
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
