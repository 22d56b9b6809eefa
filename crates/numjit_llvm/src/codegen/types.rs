//! How IR types become LLVM types, in the three forms codegen needs:
//!
//! - the *value* form SSA values have inside a function (`bool` is `i1`, a complex number
//!   `{f64, f64}`, a tuple a struct of its elements' value forms, `None` the empty struct);
//! - the *memory* form of the C ABI, behind the `out` pointer (`bool` is `i8`; otherwise
//!   the value form, tuples as C structs);
//! - arrays are `numjit_abi::ArrayStruct` in both forms;
//! - the *flattened* parameter list of the calling convention (see `numjit_abi`).

use inkwell::AddressSpace;
use inkwell::context::Context;
use inkwell::types::BasicTypeEnum;
use numjit_types::{ScalarType, Type};

/// The value form of `ty`.
pub(crate) fn value_type<'ctx>(context: &'ctx Context, ty: &Type) -> Result<BasicTypeEnum<'ctx>, String> {
    Ok(match ty {
        Type::Scalar(scalar) => scalar_type(context, *scalar),
        Type::NoneType => context.struct_type(&[], false).into(),
        Type::Tuple(items) => {
            let fields = items.iter().map(|item| value_type(context, item)).collect::<Result<Vec<_>, _>>()?;
            context.struct_type(&fields, false).into()
        }
        Type::Str => context
            .struct_type(
                &[context.ptr_type(AddressSpace::default()).into(), context.i64_type().into()],
                false,
            )
            .into(),
        Type::Range(int) => {
            let int = scalar_type(context, *int);
            context.struct_type(&[int, int, int], false).into()
        }
        Type::Array(array) => {
            // `numjit_abi::ArrayStruct`: meminfo, parent, nitems, itemsize, data, shape, strides.
            let pointer: BasicTypeEnum<'ctx> = context.ptr_type(AddressSpace::default()).into();
            let int = context.i64_type();
            let dims: BasicTypeEnum<'ctx> = int.array_type(u32::from(array.ndim)).into();
            context
                .struct_type(&[pointer, pointer, int.into(), int.into(), pointer, dims, dims], false)
                .into()
        }
        Type::Optional(_) | Type::Flat(_) => {
            return Err(format!("values of type {ty} are not supported by codegen yet"));
        }
    })
}

/// The LLVM type of a scalar in value form.
pub(crate) fn scalar_type<'ctx>(context: &'ctx Context, scalar: ScalarType) -> BasicTypeEnum<'ctx> {
    match scalar {
        ScalarType::Bool => context.bool_type().into(),
        ScalarType::Int8 | ScalarType::UInt8 => context.i8_type().into(),
        ScalarType::Int16 | ScalarType::UInt16 => context.i16_type().into(),
        ScalarType::Int32 | ScalarType::UInt32 => context.i32_type().into(),
        ScalarType::Int64 | ScalarType::UInt64 => context.i64_type().into(),
        ScalarType::Float32 => context.f32_type().into(),
        ScalarType::Float64 => context.f64_type().into(),
        ScalarType::Complex64 => {
            let part = context.f32_type();
            context.struct_type(&[part.into(), part.into()], false).into()
        }
        ScalarType::Complex128 => {
            let part = context.f64_type();
            context.struct_type(&[part.into(), part.into()], false).into()
        }
    }
}

/// The memory (C ABI) form of `ty`.
pub(crate) fn memory_type<'ctx>(context: &'ctx Context, ty: &Type) -> Result<BasicTypeEnum<'ctx>, String> {
    Ok(match ty {
        Type::Scalar(ScalarType::Bool) => context.i8_type().into(),
        Type::Tuple(items) => {
            let fields =
                items.iter().map(|item| memory_type(context, item)).collect::<Result<Vec<_>, _>>()?;
            context.struct_type(&fields, false).into()
        }
        other => value_type(context, other)?,
    })
}

/// The flattened parameter types of an argument of type `ty`, appended to `out`.
pub(crate) fn flatten_type<'ctx>(
    context: &'ctx Context,
    ty: &Type,
    out: &mut Vec<BasicTypeEnum<'ctx>>,
) -> Result<(), String> {
    match ty {
        Type::Scalar(ScalarType::Bool) => out.push(context.i8_type().into()),
        Type::Scalar(scalar) if scalar.is_complex() => {
            let part = scalar_type(context, scalar.real_part());
            out.extend([part, part]);
        }
        Type::Scalar(scalar) => out.push(scalar_type(context, *scalar)),
        Type::NoneType => {}
        Type::Tuple(items) => {
            for item in items {
                flatten_type(context, item, out)?;
            }
        }
        Type::Str => {
            let pointer: BasicTypeEnum<'ctx> = context.ptr_type(AddressSpace::default()).into();
            out.extend([pointer, context.i64_type().into()]);
        }
        Type::Range(int) => {
            let int = scalar_type(context, *int);
            out.extend([int, int, int]);
        }
        // Arrays travel as a pointer to their struct.
        Type::Array(_) => out.push(context.ptr_type(AddressSpace::default()).into()),
        Type::Optional(_) | Type::Flat(_) => {
            return Err(format!("parameters of type {ty} are not supported by codegen yet"));
        }
    }
    Ok(())
}

/// Number of flattened parameters an argument of type `ty` takes.
pub(crate) fn flattened_len(ty: &Type) -> usize {
    match ty {
        Type::Scalar(scalar) if scalar.is_complex() => 2,
        Type::Scalar(_) | Type::Array(_) | Type::Optional(_) | Type::Flat(_) => 1,
        Type::NoneType => 0,
        Type::Tuple(items) => items.iter().map(flattened_len).sum(),
        Type::Str => 2,
        Type::Range(_) => 3,
    }
}
