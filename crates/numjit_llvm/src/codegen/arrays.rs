//! Code for the array operations of the IR.
//!
//! An array value is the LLVM struct of `numjit_abi::ArrayStruct`:
//! `{ ptr meminfo, ptr parent, i64 nitems, i64 itemsize, ptr data, [N x i64] shape,
//! [N x i64] strides }`. Element addresses of C- and F-contiguous arrays are computed from
//! the extents (so the innermost stride is the constant item size and loops vectorise);
//! those of `A` arrays from the strides. Refcounting calls the runtime, which ignores the
//! null block of borrowed arrays.

use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};
use numjit_abi::{ArrayStruct, ElementKind, STATUS_EXCEPTION, entry};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Fallible, FunctionCodegen, OrMessage, types};

const FIELD_MEMINFO: u32 = ArrayStruct::<0>::FIELD_MEMINFO;
const FIELD_PARENT: u32 = ArrayStruct::<0>::FIELD_PARENT;
const FIELD_DATA: u32 = ArrayStruct::<0>::FIELD_DATA;
const FIELD_SHAPE: u32 = ArrayStruct::<0>::FIELD_SHAPE;
const FIELD_STRIDES: u32 = ArrayStruct::<0>::FIELD_STRIDES;

/// Byte offset of `data` in a `MemInfo`.
const MEMINFO_DATA_INDEX: u64 = 2;

impl<'ctx> FunctionCodegen<'_, 'ctx, '_> {
    fn i64_const(&self, value: i64) -> IntValue<'ctx> {
        self.context().i64_type().const_int(value as u64, true)
    }

    fn array_type_of(&self, value: numjit_ir::Value) -> Fallible<ArrayType> {
        self.value_type(value).as_array().copied().ok_or_else(|| format!("{value} is not an array"))
    }

    /// Field `index` of the `[N x i64]` array at struct field `field`.
    fn array_axis_field(
        &self,
        array: BasicValueEnum<'ctx>,
        field: u32,
        axis: u32,
    ) -> Fallible<IntValue<'ctx>> {
        let list = self.extract(array, field)?;
        let BasicValueEnum::ArrayValue(list) = list else {
            return Err("array shape is not an LLVM array".to_owned());
        };
        Ok(self.builder().build_extract_value(list, axis, "axis").msg()?.into_int_value())
    }

    pub(crate) fn array_dim(&self, array: BasicValueEnum<'ctx>, axis: u32) -> Fallible<BasicValueEnum<'ctx>> {
        Ok(self.array_axis_field(array, FIELD_SHAPE, axis)?.into())
    }

    pub(crate) fn array_stride(
        &self,
        array: BasicValueEnum<'ctx>,
        axis: u32,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        Ok(self.array_axis_field(array, FIELD_STRIDES, axis)?.into())
    }

    /// The address of the element at `indices`.
    fn element_pointer(
        &self,
        ty: &ArrayType,
        array: BasicValueEnum<'ctx>,
        indices: &[BasicValueEnum<'ctx>],
    ) -> Fallible<PointerValue<'ctx>> {
        let builder = self.builder();
        let data = self.extract(array, FIELD_DATA)?.into_pointer_value();
        let ndim = u32::from(ty.ndim);
        let element = types::memory_type(self.context(), &Type::Scalar(ty.dtype))?;
        let linear = |order: &mut dyn Iterator<Item = u32>| -> Fallible<IntValue<'ctx>> {
            let mut acc: Option<IntValue<'ctx>> = None;
            for axis in order {
                let index = indices[axis as usize].into_int_value();
                acc = Some(match acc {
                    None => index,
                    Some(acc) => {
                        let extent = self.array_axis_field(array, FIELD_SHAPE, axis)?;
                        let scaled = builder.build_int_nsw_mul(acc, extent, "lin").msg()?;
                        builder.build_int_nsw_add(scaled, index, "lin").msg()?
                    }
                });
            }
            Ok(acc.unwrap_or_else(|| self.i64_const(0)))
        };
        match ty.layout {
            Layout::C | Layout::F if ndim > 0 => {
                let index = if ty.layout == Layout::C {
                    linear(&mut (0..ndim))?
                } else {
                    linear(&mut (0..ndim).rev())?
                };
                // SAFETY (LLVM semantics): the index is inside the array, so the address is
                // inside its allocation.
                unsafe { builder.build_in_bounds_gep(element, data, &[index], "elem") }.msg()
            }
            _ => {
                let mut offset = self.i64_const(0);
                for (axis, index) in indices.iter().enumerate() {
                    let stride = self.array_axis_field(array, FIELD_STRIDES, axis as u32)?;
                    let term = builder.build_int_nsw_mul(index.into_int_value(), stride, "off").msg()?;
                    offset = builder.build_int_nsw_add(offset, term, "off").msg()?;
                }
                // SAFETY (LLVM semantics): as above.
                unsafe { builder.build_in_bounds_gep(self.context().i8_type(), data, &[offset], "elem") }
                    .msg()
            }
        }
    }

    pub(crate) fn array_load(
        &self,
        array_value: numjit_ir::Value,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let ty = self.array_type_of(array_value)?;
        let (array, indices) = args.split_first().ok_or("array_load without operands")?;
        let pointer = self.element_pointer(&ty, *array, indices)?;
        let element = types::memory_type(self.context(), &Type::Scalar(ty.dtype))?;
        let loaded = self.builder().build_load(element, pointer, "elem").msg()?;
        if ty.dtype == ScalarType::Bool {
            let byte = loaded.into_int_value();
            let zero = byte.get_type().const_zero();
            return Ok(self.builder().build_int_compare(IntPredicate::NE, byte, zero, "bool").msg()?.into());
        }
        Ok(loaded)
    }

    pub(crate) fn array_store(
        &self,
        array_value: numjit_ir::Value,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<()> {
        let ty = self.array_type_of(array_value)?;
        let (array, rest) = args.split_first().ok_or("array_store without operands")?;
        let (value, indices) = rest.split_last().ok_or("array_store without a value")?;
        let pointer = self.element_pointer(&ty, *array, indices)?;
        let value = if ty.dtype == ScalarType::Bool {
            self.builder()
                .build_int_z_extend(value.into_int_value(), self.context().i8_type(), "byte")
                .msg()?
                .into()
        } else {
            *value
        };
        self.builder().build_store(pointer, value).msg()?;
        Ok(())
    }

    /// A `print` piece for an array: its extents and strides spilled to the stack for
    /// `numjit_print_array`.
    pub(crate) fn print_array(
        &self,
        ty: &ArrayType,
        array: BasicValueEnum<'ctx>,
        repr: bool,
    ) -> Fallible<()> {
        let i64_type = self.context().i64_type();
        let slots = |field: u32, name: &str| -> Fallible<PointerValue<'ctx>> {
            let list = self.entry_alloca(i64_type.array_type(u32::from(ty.ndim).max(1)).into(), name)?;
            for axis in 0..u32::from(ty.ndim) {
                let value = self.array_axis_field(array, field, axis)?;
                // SAFETY (LLVM semantics): the index is inside the alloca.
                let slot = unsafe {
                    self.builder().build_in_bounds_gep(
                        i64_type,
                        list,
                        &[self.i64_const(i64::from(axis))],
                        "slot",
                    )
                }
                .msg()?;
                self.builder().build_store(slot, value).msg()?;
            }
            Ok(list)
        };
        let shape = slots(FIELD_SHAPE, "print_shape")?;
        let strides = slots(FIELD_STRIDES, "print_strides")?;
        let kind = self.context().i32_type().const_int(u64::from(element_kind(ty.dtype).code()), false);
        let repr = self.context().i8_type().const_int(u64::from(repr), false);
        self.call_void(
            self.m.runtime(&entry::PRINT_ARRAY),
            &[
                kind.into(),
                self.extract(array, FIELD_DATA)?.into(),
                self.i64_const(i64::from(ty.ndim)).into(),
                shape.into(),
                strides.into(),
                repr.into(),
            ],
        )
    }

    /// `array_matmul a, b, c`: `numjit_gemm` with element strides.
    pub(crate) fn array_matmul(
        &self,
        operands: &[numjit_ir::Value],
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<()> {
        let ([a, b, c], [_, _, c_value]) = (args, operands) else {
            return Err("array_matmul takes three arrays".to_owned());
        };
        let ty = self.array_type_of(*c_value)?;
        let kind = element_kind(ty.dtype);
        let itemsize = self.i64_const(i64::from(ty.dtype.size_bytes()));
        let builder = self.builder();
        let element_strides = |array: BasicValueEnum<'ctx>| -> Fallible<(IntValue<'ctx>, IntValue<'ctx>)> {
            let rows = self.array_axis_field(array, FIELD_STRIDES, 0)?;
            let cols = self.array_axis_field(array, FIELD_STRIDES, 1)?;
            Ok((
                builder.build_int_signed_div(rows, itemsize, "rs").msg()?,
                builder.build_int_signed_div(cols, itemsize, "cs").msg()?,
            ))
        };
        let m = self.array_axis_field(*a, FIELD_SHAPE, 0)?;
        let k = self.array_axis_field(*a, FIELD_SHAPE, 1)?;
        let n = self.array_axis_field(*b, FIELD_SHAPE, 1)?;
        let (rsa, csa) = element_strides(*a)?;
        let (rsb, csb) = element_strides(*b)?;
        let (rsc, csc) = element_strides(*c)?;
        let data = |array: BasicValueEnum<'ctx>| self.extract(array, FIELD_DATA);
        let kind = self.context().i32_type().const_int(u64::from(kind.code()), false);
        self.call_void(
            self.m.runtime(&entry::GEMM),
            &[
                kind.into(),
                m.into(),
                k.into(),
                n.into(),
                data(*a)?.into(),
                rsa.into(),
                csa.into(),
                data(*b)?.into(),
                rsb.into(),
                csb.into(),
                data(*c)?.into(),
                rsc.into(),
                csc.into(),
            ],
        )
    }

    fn array_struct_type(&self, ty: &ArrayType) -> Fallible<BasicTypeEnum<'ctx>> {
        types::value_type(self.context(), &Type::Array(*ty))
    }

    /// Builds an array struct value from its parts.
    fn make_array(
        &self,
        ty: &ArrayType,
        meminfo: BasicValueEnum<'ctx>,
        parent: BasicValueEnum<'ctx>,
        data: BasicValueEnum<'ctx>,
        shape: &[IntValue<'ctx>],
        strides: &[IntValue<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let i64_type = self.context().i64_type();
        let mut nitems = self.i64_const(1);
        for extent in shape {
            nitems = self.builder().build_int_mul(nitems, *extent, "nitems").msg()?;
        }
        let itemsize = self.i64_const(ty.dtype.size_bytes() as i64);
        let list = |values: &[IntValue<'ctx>]| -> Fallible<BasicValueEnum<'ctx>> {
            let mut list = i64_type.array_type(values.len() as u32).get_poison();
            for (index, value) in values.iter().enumerate() {
                list = self
                    .builder()
                    .build_insert_value(list, *value, index as u32, "dims")
                    .msg()?
                    .into_array_value();
            }
            Ok(list.into())
        };
        let fields = [meminfo, parent, nitems.into(), itemsize.into(), data, list(shape)?, list(strides)?];
        self.make_struct(self.array_struct_type(ty)?, &fields)
    }

    /// `array_alloc`: a new C-contiguous array with its own block.
    pub(crate) fn array_alloc(
        &self,
        result: numjit_ir::Value,
        dims: &[BasicValueEnum<'ctx>],
        zeroed: bool,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let ty = self.array_type_of(result)?;
        let context = self.context();
        let builder = self.builder();
        let i64_type = context.i64_type();
        let dims: Vec<IntValue<'ctx>> = dims.iter().map(|dim| dim.into_int_value()).collect();
        let slots = self.entry_alloca(i64_type.array_type(dims.len().max(1) as u32).into(), "dims")?;
        for (index, dim) in dims.iter().enumerate() {
            // SAFETY (LLVM semantics): the index is inside the alloca.
            let slot = unsafe {
                builder.build_in_bounds_gep(i64_type, slots, &[self.i64_const(index as i64)], "dim")
            }
            .msg()?;
            builder.build_store(slot, *dim).msg()?;
        }
        let itemsize = self.i64_const(ty.dtype.size_bytes() as i64);
        let zeroed = context.i8_type().const_int(u64::from(zeroed), false);
        let meminfo = self
            .call_value(
                self.m.runtime(&entry::ARRAY_ALLOC),
                &[
                    self.exc.into(),
                    slots.into(),
                    self.i64_const(dims.len() as i64).into(),
                    itemsize.into(),
                    zeroed.into(),
                ],
                "meminfo",
            )?
            .into_pointer_value();
        let failed = builder.build_is_null(meminfo, "alloc_failed").msg()?;
        let fail_block = context.append_basic_block(self.llvm_function, "alloc_failed");
        let ok_block = context.append_basic_block(self.llvm_function, "alloc_ok");
        builder.build_conditional_branch(failed, fail_block, ok_block).msg()?;
        builder.position_at_end(fail_block);
        self.emit_return(context.i32_type().const_int(STATUS_EXCEPTION as u64, false))?;
        builder.position_at_end(ok_block);
        let pointer = context.ptr_type(AddressSpace::default());
        // SAFETY (LLVM semantics): `data` is a field of the MemInfo header.
        let data_field = unsafe {
            builder.build_in_bounds_gep(
                pointer,
                meminfo,
                &[i64_type.const_int(MEMINFO_DATA_INDEX, false)],
                "data_field",
            )
        }
        .msg()?;
        let data = builder.build_load(pointer, data_field, "data").msg()?;
        let mut strides = vec![itemsize; dims.len()];
        for axis in (0..dims.len().saturating_sub(1)).rev() {
            strides[axis] = builder.build_int_mul(strides[axis + 1], dims[axis + 1], "stride").msg()?;
        }
        self.make_array(&ty, meminfo.into(), pointer.const_null().into(), data, &dims, &strides)
    }

    /// `array_view`: a view of the base array's memory.
    pub(crate) fn array_view(
        &self,
        result: numjit_ir::Value,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let ty = self.array_type_of(result)?;
        let (base, rest) = args.split_first().ok_or("array_view without operands")?;
        let (offset, dims_strides) = rest.split_first().ok_or("array_view without an offset")?;
        let ndim = usize::from(ty.ndim);
        let values: Vec<IntValue<'ctx>> = dims_strides.iter().map(|value| value.into_int_value()).collect();
        let (shape, strides) = values.split_at(ndim);
        let base_data = self.extract(*base, FIELD_DATA)?.into_pointer_value();
        // SAFETY (LLVM semantics): lowering keeps views inside the base's memory; no
        // `inbounds` because an empty view may point one past it.
        let data = unsafe {
            self.builder().build_gep(self.context().i8_type(), base_data, &[offset.into_int_value()], "view")
        }
        .msg()?;
        let meminfo = self.extract(*base, FIELD_MEMINFO)?;
        let parent = self.extract(*base, FIELD_PARENT)?;
        self.make_array(&ty, meminfo, parent, data.into(), shape, strides)
    }

    /// `array_incref` / `array_decref`.
    pub(crate) fn array_refcount(&self, array: BasicValueEnum<'ctx>, increment: bool) -> Fallible<()> {
        let meminfo = self.extract(array, FIELD_MEMINFO)?;
        let entry = if increment { &entry::MEMINFO_INCREF } else { &entry::MEMINFO_DECREF };
        self.call_void(self.m.runtime(entry), &[meminfo.into()])
    }

    /// `array_const`: a C-contiguous array over a private constant global that holds the
    /// elements (aligned like the runtime's blocks); it owns nothing (null MemInfo), so
    /// reference counting passes it by.
    pub(crate) fn array_const(
        &self,
        constant: std::sync::Arc<numjit_ir::ArrayConstant>,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let ty = constant.array_type();
        let context = self.context();
        let global =
            *self.m.array_constants.borrow_mut().entry(std::sync::Arc::clone(&constant)).or_insert_with(
                || {
                    let bytes = context.const_string(&constant.bytes, false);
                    let global = self.m.module.add_global(bytes.get_type(), None, "array_const");
                    global.set_initializer(&bytes);
                    global.set_constant(true);
                    global.set_linkage(inkwell::module::Linkage::Private);
                    global.set_unnamed_addr(true);
                    global.set_alignment(64);
                    global
                },
            );
        let extents: Vec<i64> = constant
            .shape
            .iter()
            .map(|extent| i64::try_from(*extent).map_err(|_| "array_const extent out of range".to_owned()))
            .collect::<Fallible<_>>()?;
        let mut strides = vec![i64::from(constant.dtype.size_bytes() as u16); extents.len()];
        for axis in (0..extents.len().saturating_sub(1)).rev() {
            strides[axis] = strides[axis + 1].saturating_mul(extents[axis + 1]);
        }
        let shape: Vec<IntValue<'ctx>> = extents.iter().map(|extent| self.i64_const(*extent)).collect();
        let strides: Vec<IntValue<'ctx>> = strides.iter().map(|stride| self.i64_const(*stride)).collect();
        let null = context.ptr_type(AddressSpace::default()).const_null();
        self.make_array(&ty, null.into(), null.into(), global.as_pointer_value().into(), &shape, &strides)
    }

    /// `array_null`: owns nothing, empty.
    pub(crate) fn array_null(&self, ty: &ArrayType) -> Fallible<BasicValueEnum<'ctx>> {
        let struct_type = self.array_struct_type(ty)?;
        Ok(struct_type.const_zero())
    }
}

/// The runtime's code for an element type.
fn element_kind(dtype: ScalarType) -> ElementKind {
    match dtype {
        ScalarType::Bool => ElementKind::Bool,
        ScalarType::Int8 => ElementKind::Int8,
        ScalarType::Int16 => ElementKind::Int16,
        ScalarType::Int32 => ElementKind::Int32,
        ScalarType::Int64 => ElementKind::Int64,
        ScalarType::UInt8 => ElementKind::UInt8,
        ScalarType::UInt16 => ElementKind::UInt16,
        ScalarType::UInt32 => ElementKind::UInt32,
        ScalarType::UInt64 => ElementKind::UInt64,
        ScalarType::Float32 => ElementKind::Float32,
        ScalarType::Float64 => ElementKind::Float64,
        ScalarType::Complex64 => ElementKind::Complex64,
        ScalarType::Complex128 => ElementKind::Complex128,
    }
}
