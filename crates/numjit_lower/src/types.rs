//! How Python-level types (numjit_types, as sema assigns them) are represented in the IR.
//!
//! Scalars, `None`, strings and tuples are themselves. Two types have no IR counterpart and
//! are lowered to tuples:
//!
//! - `range_state_T` (a `range` object held in a variable) is `Tuple(T, T, T)`:
//!   `(start, stop, step)`;
//! - `OptionalType(T)` is `Tuple(bool, T')`: `(is_present, value)`, where `value` is a
//!   zero of `T'` when absent. A function returning an optional returns this tuple; the
//!   caller (the facade) decodes it with [`crate::LoweredFunction::return_type`].
//!
//! Arrays are themselves (the IR's array values, `numjit_abi::ArrayStruct` in codegen), and
//! so is `a.flat` (`Flat(T)` is the array of type `T`).

use numjit_ir::FunctionBuilder;
use numjit_types::{ScalarType, Type};

/// Type nesting beyond this is refused (sema's expression limit keeps real programs far below).
const MAX_TYPE_DEPTH: u32 = 256;

/// The IR type representing values of `ty`, or what cannot be represented.
pub fn ir_type(ty: &Type) -> Result<Type, String> {
    ir_type_depth(ty, 0)
}

fn ir_type_depth(ty: &Type, depth: u32) -> Result<Type, String> {
    if depth > MAX_TYPE_DEPTH {
        return Err("a type nested this deeply".to_string());
    }
    Ok(match ty {
        Type::Scalar(_) | Type::NoneType | Type::Str | Type::Array(_) => ty.clone(),
        Type::Tuple(items) => {
            Type::Tuple(items.iter().map(|item| ir_type_depth(item, depth + 1)).collect::<Result<_, _>>()?)
        }
        Type::Range(int) => Type::Tuple(vec![Type::Scalar(*int); 3]),
        // The array itself: its elements are addressed by their C-order position.
        Type::Flat(array) => Type::Array(*array),
        Type::Optional(inner) => Type::Tuple(vec![Type::BOOL, ir_type_depth(inner, depth + 1)?]),
    })
}

/// Builds a zero of the IR type `ty` at the builder's position.
pub(crate) fn build_zero(builder: &mut FunctionBuilder<'_>, ty: &Type) -> numjit_ir::Value {
    build_zero_depth(builder, ty, 0)
}

fn build_zero_depth(builder: &mut FunctionBuilder<'_>, ty: &Type, depth: u32) -> numjit_ir::Value {
    match ty {
        Type::Scalar(scalar) => scalar_const(builder, *scalar, 0),
        Type::Str => builder.sconst(""),
        Type::Array(array) => builder.array_null(*array),
        Type::Tuple(items) if depth <= MAX_TYPE_DEPTH => {
            let values: Vec<_> =
                items.iter().map(|item| build_zero_depth(builder, item, depth + 1)).collect();
            builder.tuple_make(&values)
        }
        _ => builder.noneconst(),
    }
}

/// A constant of a scalar type from an integer value (`value` must fit the type).
pub(crate) fn scalar_const(
    builder: &mut FunctionBuilder<'_>,
    scalar: ScalarType,
    value: i64,
) -> numjit_ir::Value {
    if scalar == ScalarType::Bool {
        builder.bconst(value != 0)
    } else if scalar.is_integer() {
        builder.iconst(scalar, i128::from(value))
    } else if scalar.is_float() {
        builder.fconst(scalar, value as f64)
    } else {
        builder.cconst(scalar, value as f64, 0.0)
    }
}

/// The unsigned integer type of the same width.
pub(crate) fn unsigned_of(scalar: ScalarType) -> ScalarType {
    ScalarType::unsigned(scalar.size_bytes() * 8).unwrap_or(ScalarType::UInt64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_optionals_become_tuples() {
        let range = ir_type(&Type::Range(ScalarType::Int32)).map(|ty| ty.to_string());
        assert_eq!(range.as_deref(), Ok("UniTuple(int32 x 3)"));
        let optional = ir_type(&Type::Optional(Box::new(Type::FLOAT64))).map(|ty| ty.to_string());
        assert_eq!(optional.as_deref(), Ok("Tuple(bool, float64)"));
        assert_eq!(ir_type(&Type::INT64), Ok(Type::INT64));
    }
}
