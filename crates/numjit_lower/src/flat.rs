//! `a.flat` (Numba's `NumpyFlatType`): the elements of an array in C order, for any layout.
//!
//! The IR value of `a.flat` is the array itself (see `types.rs`). A flat position is
//! unravelled into one index per axis, the last axis varying fastest; a C-contiguous array
//! is read through a 1-d view of its elements instead. Positions wrap when negative, as
//! NumPy's do, and are checked under `boundscheck` (IndexError).

use numjit_ir::{ExceptionKind, IntCC, Value};
use numjit_sema::hir::ExprId;
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::function::{Lowerer, Operand};

impl Lowerer<'_> {
    /// The indices of the element at C-order `position` (in `0..size`).
    pub(crate) fn flat_indices(&mut self, array: Value, ndim: u8, position: Value) -> Vec<Value> {
        let int = ScalarType::Int64;
        let zero = self.scalar(int, 0);
        let one = self.scalar(int, 1);
        let mut indices = vec![zero; usize::from(ndim)];
        let mut rest = position;
        for axis in (1..ndim).rev() {
            let dim = self.ins().array_dim(array, u32::from(axis));
            // An empty array has no position to read; keep the division defined anyway.
            let empty = self.ins().icmp(IntCC::Equal, dim, zero);
            let divisor = self.ins().select(empty, one, dim);
            indices[usize::from(axis)] = self.ins().irem(rest, divisor);
            rest = self.ins().idiv(rest, divisor);
        }
        if ndim > 0 {
            indices[0] = rest;
        }
        indices
    }

    /// The element at C-order `position` (in `0..size`).
    pub(crate) fn flat_load(&mut self, array: Value, array_type: &ArrayType, position: Value) -> Value {
        if array_type.layout == Layout::C && array_type.ndim > 1 {
            let size = self.array_size(array, array_type.ndim);
            let line = self.contiguous_view(array, array_type.dtype, &[size]);
            return self.ins().array_load(line, &[position]);
        }
        let indices = self.flat_indices(array, array_type.ndim, position);
        self.ins().array_load(array, &indices)
    }

    /// A flat position from an index value: negative ones count from the end; out of range
    /// is IndexError under `boundscheck` (undefined otherwise, as for other indices).
    fn flat_position(&mut self, array: Value, array_type: &ArrayType, index: Value) -> Value {
        let int = ScalarType::Int64;
        let index = self.convert(index, int);
        let size = self.array_size(array, array_type.ndim);
        let zero = self.scalar(int, 0);
        let position = if self.lower_bound(index, 0).is_some_and(|floor| floor >= 0) {
            index
        } else {
            let negative = self.ins().icmp(IntCC::LessThan, index, zero);
            let from_end = self.ins().iadd(index, size);
            self.ins().select(negative, from_end, index)
        };
        if self.cx.options.boundscheck {
            let below = self.ins().icmp(IntCC::LessThan, position, zero);
            let above = self.ins().icmp(IntCC::GreaterThanOrEqual, position, size);
            let outside = self.ins().ior(below, above);
            self.raise_if_with(
                outside,
                ExceptionKind::IndexError,
                "index {} is out of bounds for size {}",
                &[index, size],
            );
        }
        position
    }

    /// `a.flat[i]`.
    pub(crate) fn flat_getitem(
        &mut self,
        base_expr: ExprId,
        index_expr: ExprId,
        base: Operand,
        index: Operand,
    ) -> Operand {
        let Some(Type::Flat(array_type)) = self.expr_value_type(base_expr).cloned() else {
            return Operand::Static;
        };
        let array = self.value_of(base, base_expr);
        let index = self.value_of(index, index_expr);
        let position = self.flat_position(array, &array_type, index);
        Operand::Value(self.flat_load(array, &array_type, position))
    }

    /// `a.flat[i] = value`.
    pub(crate) fn flat_setitem(&mut self, base_expr: ExprId, index_expr: ExprId, value_expr: ExprId) {
        let value = self.eval(value_expr);
        let base = self.eval(base_expr);
        let index = self.eval(index_expr);
        let (Some(Type::Flat(array_type)), Some(value_type)) =
            (self.expr_value_type(base_expr).cloned(), self.expr_value_type(value_expr).cloned())
        else {
            return;
        };
        let value = self.value_of(value, value_expr);
        let array = self.value_of(base, base_expr);
        let index = self.value_of(index, index_expr);
        let position = self.flat_position(array, &array_type, index);
        let value = self.coerce(value, &value_type, &Type::Scalar(array_type.dtype));
        let indices = self.flat_indices(array, array_type.ndim, position);
        self.ins().array_store(array, &indices, value);
    }
}
