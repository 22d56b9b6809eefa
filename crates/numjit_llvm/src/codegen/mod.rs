//! IR module → LLVM module.
//!
//! Each IR function becomes one LLVM function with numjit's calling convention
//! (`i32 f(ptr exc, ptr out, flattened args...)`, see `numjit_abi`) plus a call wrapper
//! `i32 numjit.call.f(ptr exc, ptr out, ptr args)` that reads the flattened arguments from
//! 8-byte slots, which is what Rust (tests, the facade's dispatcher) calls.
//!
//! Control flow: IR blocks become LLVM blocks and block parameters become phis; blocks are
//! emitted in reverse post-order so every definition is emitted before its uses. Structured
//! `for` loops are flattened here: a preheader computing Python's trip count, a header with
//! the counter, the induction variable and the carried values as phis, the region's blocks
//! as the body, and every `yield` branching back to the header. A `call` returns the
//! callee's nonzero status at once (the record holds the exception); a `try_call` clears
//! the record instead (the runtime frees the message) and branches to its handler block.
//! Recursive functions (those on a cycle of the module's call graph) enter and leave a
//! runtime frame so that runaway recursion raises RecursionError (which a `try_call` in a
//! caller catches like any other exception).
//!
//! Integer arithmetic wraps (no `nsw`), as Numba's does; only the loop counter, which
//! provably stays below the trip count, gets `nuw`. Fast-math flags are set on every float
//! instruction after the function is built.

mod arrays;
mod ops;
mod types;

use std::collections::{HashMap, HashSet};

use inkwell::attributes::AttributeLoc;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValue, BasicValueEnum, FunctionValue, IntValue, PhiValue, PointerValue,
};
use inkwell::{AddressSpace, IntPredicate};
use numjit_abi::ExceptionClass;
use numjit_abi::entry::{self, AbiType, EntryPoint};
use numjit_ir::{Block, ExceptionKind, Function, Inst, InstData, Opcode, Region, Value};
use numjit_types::{ScalarType, Type};

use crate::error::CodegenError;
use crate::options::FastMathFlags;
use crate::target::HostTarget;

pub(crate) use types::flattened_len;

/// Errors inside codegen of one instruction: a message, wrapped with the instruction later.
type Fallible<T> = Result<T, String>;

/// Turns LLVM builder errors into codegen messages.
trait OrMessage<T> {
    fn msg(self) -> Fallible<T>;
}

impl<T> OrMessage<T> for Result<T, BuilderError> {
    fn msg(self) -> Fallible<T> {
        self.map_err(|error| format!("LLVM builder: {error}"))
    }
}

/// The symbol of an IR function in the LLVM module. IR names are the user's Python names,
/// which may collide with C library functions LLVM calls (`fmod`, `sin`), so they get a prefix.
pub fn function_symbol(function: &str) -> String {
    format!("numjit.fn.{function}")
}

/// The symbol of a function's call wrapper in the LLVM module.
pub fn call_wrapper_name(function: &str) -> String {
    format!("numjit.call.{function}")
}

/// Module-wide codegen state.
pub(crate) struct ModuleCodegen<'ctx, 'a> {
    pub(crate) context: &'ctx Context,
    pub(crate) module: Module<'ctx>,
    pub(crate) builder: Builder<'ctx>,
    host: &'a HostTarget,
    fastmath: FastMathFlags,
    functions: HashMap<String, FunctionValue<'ctx>>,
    recursive: HashSet<String>,
    /// The global holding each `array_const`'s elements, one per distinct constant.
    pub(crate) array_constants: std::cell::RefCell<
        HashMap<std::sync::Arc<numjit_ir::ArrayConstant>, inkwell::values::GlobalValue<'ctx>>,
    >,
}

impl<'ctx, 'a> ModuleCodegen<'ctx, 'a> {
    pub(crate) fn new(
        context: &'ctx Context,
        name: &str,
        host: &'a HostTarget,
        fastmath: FastMathFlags,
    ) -> Self {
        let module = context.create_module(name);
        module.set_triple(&inkwell::targets::TargetTriple::create(&host.triple));
        ModuleCodegen {
            context,
            module,
            builder: context.create_builder(),
            host,
            fastmath,
            functions: HashMap::new(),
            array_constants: std::cell::RefCell::new(HashMap::new()),
            recursive: HashSet::new(),
        }
    }

    /// Sets the module's data layout from the target machine, so LLVM's layout of C structs
    /// (the `out` results) is the platform's.
    pub(crate) fn set_data_layout(&self, machine: &inkwell::targets::TargetMachine) {
        self.module.set_data_layout(&machine.get_target_data().get_data_layout());
    }

    /// Declares every function, then defines each with its call wrapper.
    pub(crate) fn compile(&mut self, ir: &numjit_ir::Module) -> Result<(), CodegenError> {
        self.recursive = recursive_functions(ir);
        for function in &ir.functions {
            let fn_type = self
                .function_type(&function.params, &function.return_type)
                .map_err(|message| CodegenError::Function { function: function.name.clone(), message })?;
            let llvm_function = self.module.add_function(&function_symbol(&function.name), fn_type, None);
            self.add_function_attributes(llvm_function);
            self.functions.insert(function.name.clone(), llvm_function);
        }
        for function in &ir.functions {
            self.define(function)?;
            self.define_call_wrapper(function)
                .map_err(|message| CodegenError::Function { function: function.name.clone(), message })?;
        }
        Ok(())
    }

    fn function_type(
        &self,
        params: &[Type],
        _return_type: &Type,
    ) -> Fallible<inkwell::types::FunctionType<'ctx>> {
        let ptr = self.context.ptr_type(AddressSpace::default());
        let mut flat = Vec::new();
        for param in params {
            types::flatten_type(self.context, param, &mut flat)?;
        }
        let mut llvm_params: Vec<BasicMetadataTypeEnum<'ctx>> = vec![ptr.into(), ptr.into()];
        llvm_params.extend(flat.into_iter().map(BasicMetadataTypeEnum::from));
        Ok(self.context.i32_type().fn_type(&llvm_params, false))
    }

    fn add_function_attributes(&self, function: FunctionValue<'ctx>) {
        let context = self.context;
        function.add_attribute(
            AttributeLoc::Function,
            context.create_string_attribute("target-cpu", &self.host.cpu),
        );
        function.add_attribute(
            AttributeLoc::Function,
            context.create_string_attribute("target-features", &self.host.features),
        );
        let nounwind = inkwell::attributes::Attribute::get_named_enum_kind_id("nounwind");
        function.add_attribute(AttributeLoc::Function, context.create_enum_attribute(nounwind, 0));
    }

    /// The declaration of a runtime entry point, added on first use.
    pub(crate) fn runtime(&self, entry: &EntryPoint) -> FunctionValue<'ctx> {
        if let Some(function) = self.module.get_function(entry.name) {
            return function;
        }
        let abi = |ty: AbiType| -> Option<BasicTypeEnum<'ctx>> {
            Some(match ty {
                AbiType::Void => return None,
                AbiType::I8 => self.context.i8_type().into(),
                AbiType::I32 => self.context.i32_type().into(),
                AbiType::I64 => self.context.i64_type().into(),
                AbiType::F32 => self.context.f32_type().into(),
                AbiType::F64 => self.context.f64_type().into(),
                AbiType::Ptr => self.context.ptr_type(AddressSpace::default()).into(),
            })
        };
        let params: Vec<BasicMetadataTypeEnum<'ctx>> =
            entry.params.iter().filter_map(|param| abi(*param)).map(Into::into).collect();
        let fn_type = match abi(entry.ret) {
            Some(ret) => ret.fn_type(&params, false),
            None => self.context.void_type().fn_type(&params, false),
        };
        self.module.add_function(entry.name, fn_type, Some(Linkage::External))
    }

    /// The declaration of a C library function `name` of `n_params` doubles returning a
    /// double (`asinh`, `hypot`, ...).
    pub(crate) fn libm(
        &self,
        name: &str,
        params: &[BasicMetadataTypeEnum<'ctx>],
        ret: BasicTypeEnum<'ctx>,
    ) -> FunctionValue<'ctx> {
        if let Some(function) = self.module.get_function(name) {
            return function;
        }
        self.module.add_function(name, ret.fn_type(params, false), Some(Linkage::External))
    }

    fn define(&mut self, function: &Function) -> Result<(), CodegenError> {
        let llvm_function = self.functions[&function.name];
        let recursive = self.recursive.contains(&function.name);
        let mut cx = FunctionCodegen::new(self, function, llvm_function, recursive)
            .map_err(|message| CodegenError::Function { function: function.name.clone(), message })?;
        cx.emit_body()?;
        let fastmath = self.fastmath;
        if fastmath.any() {
            apply_fast_math(llvm_function, fastmath);
        }
        Ok(())
    }

    fn define_call_wrapper(&self, function: &Function) -> Fallible<()> {
        let context = self.context;
        let ptr = context.ptr_type(AddressSpace::default());
        let wrapper_type = context.i32_type().fn_type(&[ptr.into(), ptr.into(), ptr.into()], false);
        let wrapper = self.module.add_function(&call_wrapper_name(&function.name), wrapper_type, None);
        self.add_function_attributes(wrapper);
        let entry_block = context.append_basic_block(wrapper, "entry");
        let builder = &self.builder;
        builder.position_at_end(entry_block);
        let params = wrapper.get_params();
        let args_ptr = params[2].into_pointer_value();
        let mut flat = Vec::new();
        for param in &function.params {
            types::flatten_type(context, param, &mut flat)?;
        }
        let mut call_args: Vec<BasicMetadataValueEnum<'ctx>> = vec![params[0].into(), params[1].into()];
        for (slot_idx, ty) in flat.iter().enumerate() {
            let offset = context.i64_type().const_int(8 * slot_idx as u64, false);
            // SAFETY: the caller passes one 8-byte slot per flattened argument; the GEP stays
            // inside that buffer.
            let slot = unsafe { builder.build_in_bounds_gep(context.i8_type(), args_ptr, &[offset], "slot") }
                .msg()?;
            let value = builder.build_load(*ty, slot, "arg").msg()?;
            call_args.push(value.into());
        }
        let callee = self.functions[&function.name];
        let status = builder.build_call(callee, &call_args, "status").msg()?;
        let status = status.try_as_basic_value().basic().ok_or("call without result")?;
        builder.build_return(Some(&status)).msg()?;
        Ok(())
    }
}

/// Sets `flags` on every instruction of `function` that takes fast-math flags.
fn apply_fast_math(function: FunctionValue<'_>, flags: FastMathFlags) {
    let llvm_flags = flags.to_llvm();
    for block in function.get_basic_block_iter() {
        let mut next = block.get_first_instruction();
        while let Some(inst) = next {
            if inst.can_use_fast_math_flags() {
                // `can_use_fast_math_flags` was checked, so this cannot fail.
                let _ = inst.set_fast_math_flags(llvm_flags);
            }
            next = inst.get_next_instruction();
        }
    }
}

/// Names of the functions that can reach themselves through calls in the module.
fn recursive_functions(ir: &numjit_ir::Module) -> HashSet<String> {
    let callees: HashMap<&str, Vec<&str>> = ir
        .functions
        .iter()
        .map(|function| {
            let names: Vec<&str> = function.func_decls.values().map(|decl| decl.name.as_str()).collect();
            (function.name.as_str(), names)
        })
        .collect();
    let mut recursive = HashSet::new();
    for function in &ir.functions {
        let mut stack: Vec<&str> = callees.get(function.name.as_str()).cloned().unwrap_or_default();
        let mut seen: HashSet<&str> = HashSet::new();
        while let Some(name) = stack.pop() {
            if name == function.name {
                recursive.insert(function.name.clone());
                break;
            }
            if seen.insert(name) {
                stack.extend(callees.get(name).into_iter().flatten().copied());
            }
        }
    }
    recursive
}

/// The LLVM side of one IR block: its LLVM block and one phi per block parameter.
struct BlockInfo<'ctx> {
    llvm: BasicBlock<'ctx>,
    phis: Vec<PhiValue<'ctx>>,
}

/// What a `yield` needs of its loop: the header and its phis.
struct LoopInfo<'ctx> {
    header: BasicBlock<'ctx>,
    counter: PhiValue<'ctx>,
    induction: PhiValue<'ctx>,
    step: IntValue<'ctx>,
    carried: Vec<PhiValue<'ctx>>,
}

/// Codegen state of one function.
pub(crate) struct FunctionCodegen<'m, 'ctx, 'a> {
    pub(crate) m: &'m ModuleCodegen<'ctx, 'a>,
    pub(crate) func: &'m Function,
    llvm_function: FunctionValue<'ctx>,
    recursive: bool,
    exc: PointerValue<'ctx>,
    out: PointerValue<'ctx>,
    prologue: BasicBlock<'ctx>,
    values: HashMap<Value, BasicValueEnum<'ctx>>,
    blocks: HashMap<Block, BlockInfo<'ctx>>,
    loops: HashMap<Inst, LoopInfo<'ctx>>,
}

impl<'m, 'ctx, 'a> FunctionCodegen<'m, 'ctx, 'a> {
    fn new(
        m: &'m ModuleCodegen<'ctx, 'a>,
        func: &'m Function,
        llvm_function: FunctionValue<'ctx>,
        recursive: bool,
    ) -> Fallible<Self> {
        let params = llvm_function.get_params();
        let exc = params.first().ok_or("missing exc parameter")?.into_pointer_value();
        let out = params.get(1).ok_or("missing out parameter")?.into_pointer_value();
        exc.set_name("exc");
        out.set_name("out");
        let prologue = m.context.append_basic_block(llvm_function, "prologue");
        Ok(FunctionCodegen {
            m,
            func,
            llvm_function,
            recursive,
            exc,
            out,
            prologue,
            values: HashMap::new(),
            blocks: HashMap::new(),
            loops: HashMap::new(),
        })
    }

    pub(crate) fn builder(&self) -> &Builder<'ctx> {
        &self.m.builder
    }

    pub(crate) fn context(&self) -> &'ctx Context {
        self.m.context
    }

    fn function_error(&self, message: impl Into<String>) -> CodegenError {
        CodegenError::Function { function: self.func.name.clone(), message: message.into() }
    }

    fn inst_error(&self, inst: Inst, message: String) -> CodegenError {
        CodegenError::Inst {
            function: self.func.name.clone(),
            inst: inst.to_string(),
            text: self.func.inst_to_string(inst),
            message,
        }
    }

    /// The LLVM value of an IR value already emitted.
    pub(crate) fn value(&self, value: Value) -> Fallible<BasicValueEnum<'ctx>> {
        self.values
            .get(&value)
            .copied()
            .ok_or_else(|| format!("{value} is used before codegen reached its definition"))
    }

    pub(crate) fn value_type(&self, value: Value) -> &'m Type {
        self.func.dfg.value_type(value)
    }

    pub(crate) fn scalar_of(&self, value: Value) -> Fallible<ScalarType> {
        self.value_type(value).as_scalar().ok_or_else(|| format!("{value} is not a scalar"))
    }

    fn emit_body(&mut self) -> Result<(), CodegenError> {
        let entry =
            self.func.entry_block().ok_or_else(|| self.function_error("the body has no entry block"))?;
        self.create_region_blocks(self.func.body).map_err(|message| self.function_error(message))?;
        // Prologue: enter the recursion frame, reassemble the flattened arguments, and jump
        // to the entry block (which may then have predecessors like any other block).
        self.builder().position_at_end(self.prologue);
        if self.recursive {
            self.emit_enter_frame().map_err(|message| self.function_error(message))?;
        }
        let args = self.reassemble_params().map_err(|message| self.function_error(message))?;
        self.branch_to(entry, &args).map_err(|message| self.function_error(message))?;
        self.emit_region(self.func.body)
    }

    fn emit_enter_frame(&mut self) -> Fallible<()> {
        let enter = self.m.runtime(&entry::ENTER_FRAME);
        let status = self.call_value(enter, &[self.exc.into()], "frame")?.into_int_value();
        let zero = self.context().i32_type().const_zero();
        let failed =
            self.builder().build_int_compare(IntPredicate::NE, status, zero, "frame_failed").msg()?;
        let fail_block = self.context().append_basic_block(self.llvm_function, "recursion_error");
        let ok_block = self.context().append_basic_block(self.llvm_function, "frame_ok");
        self.builder().build_conditional_branch(failed, fail_block, ok_block).msg()?;
        self.builder().position_at_end(fail_block);
        // The frame was not entered, so return without leaving it.
        self.builder().build_return(Some(&status)).msg()?;
        self.builder().position_at_end(ok_block);
        Ok(())
    }

    fn reassemble_params(&self) -> Fallible<Vec<BasicValueEnum<'ctx>>> {
        let params = self.llvm_function.get_params();
        let mut flat = params.into_iter().skip(2);
        let mut values = Vec::new();
        for ty in &self.func.params {
            values.push(self.assemble(ty, &mut flat)?);
        }
        Ok(values)
    }

    /// Builds the value form of `ty` from flattened values.
    fn assemble(
        &self,
        ty: &Type,
        flat: &mut dyn Iterator<Item = BasicValueEnum<'ctx>>,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let mut next = || flat.next().ok_or_else(|| "too few flattened arguments".to_owned());
        Ok(match ty {
            Type::Scalar(ScalarType::Bool) => {
                let byte = next()?.into_int_value();
                let zero = byte.get_type().const_zero();
                self.builder().build_int_compare(IntPredicate::NE, byte, zero, "bool").msg()?.into()
            }
            Type::Scalar(scalar) if scalar.is_complex() => {
                let (re, im) = (next()?, next()?);
                self.make_struct(types::value_type(self.context(), ty)?, &[re, im])?
            }
            Type::Scalar(_) => next()?,
            Type::Tuple(items) => {
                let mut fields = Vec::new();
                for item in items {
                    fields.push(self.assemble(item, flat)?);
                }
                self.make_struct(types::value_type(self.context(), ty)?, &fields)?
            }
            Type::NoneType => types::value_type(self.context(), ty)?.const_zero(),
            Type::Str | Type::Range(_) => {
                let n_fields = flattened_len(ty);
                let mut fields = Vec::new();
                for _ in 0..n_fields {
                    fields.push(next()?);
                }
                self.make_struct(types::value_type(self.context(), ty)?, &fields)?
            }
            Type::Array(_) => {
                let pointer = next()?.into_pointer_value();
                self.builder().build_load(types::value_type(self.context(), ty)?, pointer, "array").msg()?
            }
            Type::Optional(_) | Type::Flat(_) => {
                return Err(format!("{ty} arguments are not supported yet"));
            }
        })
    }

    /// Flattens a value of type `ty` into call arguments.
    fn flatten(
        &self,
        ty: &Type,
        value: BasicValueEnum<'ctx>,
        out: &mut Vec<BasicMetadataValueEnum<'ctx>>,
    ) -> Fallible<()> {
        match ty {
            Type::Scalar(ScalarType::Bool) => {
                let byte = self
                    .builder()
                    .build_int_z_extend(value.into_int_value(), self.context().i8_type(), "byte")
                    .msg()?;
                out.push(byte.into());
            }
            Type::Scalar(scalar) if scalar.is_complex() => {
                for index in 0..2 {
                    out.push(self.extract(value, index)?.into());
                }
            }
            Type::Scalar(_) => out.push(value.into()),
            Type::NoneType => {}
            Type::Tuple(items) => {
                for (index, item) in items.iter().enumerate() {
                    let field = self.extract(value, index as u32)?;
                    self.flatten(item, field, out)?;
                }
            }
            Type::Str | Type::Range(_) => {
                for index in 0..flattened_len(ty) {
                    out.push(self.extract(value, index as u32)?.into());
                }
            }
            Type::Array(_) => {
                let slot = self.entry_alloca(types::value_type(self.context(), ty)?, "array_arg")?;
                self.builder().build_store(slot, value).msg()?;
                out.push(slot.into());
            }
            Type::Optional(_) | Type::Flat(_) => {
                return Err(format!("{ty} arguments are not supported yet"));
            }
        }
        Ok(())
    }

    /// The memory form of a value of type `ty`.
    fn value_to_memory(&self, ty: &Type, value: BasicValueEnum<'ctx>) -> Fallible<BasicValueEnum<'ctx>> {
        Ok(match ty {
            Type::Scalar(ScalarType::Bool) => self
                .builder()
                .build_int_z_extend(value.into_int_value(), self.context().i8_type(), "byte")
                .msg()?
                .into(),
            Type::Tuple(items) => {
                let mut fields = Vec::new();
                for (index, item) in items.iter().enumerate() {
                    fields.push(self.value_to_memory(item, self.extract(value, index as u32)?)?);
                }
                self.make_struct(types::memory_type(self.context(), ty)?, &fields)?
            }
            _ => value,
        })
    }

    /// The value form of a value of type `ty` loaded in memory form.
    fn value_from_memory(&self, ty: &Type, value: BasicValueEnum<'ctx>) -> Fallible<BasicValueEnum<'ctx>> {
        Ok(match ty {
            Type::Scalar(ScalarType::Bool) => {
                let byte = value.into_int_value();
                self.builder()
                    .build_int_compare(IntPredicate::NE, byte, byte.get_type().const_zero(), "bool")
                    .msg()?
                    .into()
            }
            Type::Tuple(items) => {
                let mut fields = Vec::new();
                for (index, item) in items.iter().enumerate() {
                    fields.push(self.value_from_memory(item, self.extract(value, index as u32)?)?);
                }
                self.make_struct(types::value_type(self.context(), ty)?, &fields)?
            }
            _ => value,
        })
    }

    pub(crate) fn extract(
        &self,
        aggregate: BasicValueEnum<'ctx>,
        index: u32,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let BasicValueEnum::StructValue(structure) = aggregate else {
            return Err(format!("expected a struct value, found {}", aggregate.get_type()));
        };
        self.builder().build_extract_value(structure, index, "field").msg()
    }

    pub(crate) fn make_struct(
        &self,
        ty: BasicTypeEnum<'ctx>,
        fields: &[BasicValueEnum<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let BasicTypeEnum::StructType(struct_type) = ty else {
            return Err(format!("expected a struct type, found {ty}"));
        };
        let mut aggregate = struct_type.get_poison();
        for (index, field) in fields.iter().enumerate() {
            aggregate = self
                .builder()
                .build_insert_value(aggregate, *field, index as u32, "agg")
                .msg()?
                .into_struct_value();
        }
        Ok(aggregate.into())
    }

    /// A call returning a value.
    pub(crate) fn call_value(
        &self,
        function: FunctionValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
        name: &str,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let call = self.builder().build_call(function, args, name).msg()?;
        call.try_as_basic_value()
            .basic()
            .ok_or_else(|| format!("{} returns nothing", function.get_name().to_string_lossy()))
    }

    /// A call for its effect.
    pub(crate) fn call_void(
        &self,
        function: FunctionValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Fallible<()> {
        self.builder().build_call(function, args, "").msg()?;
        Ok(())
    }

    /// An `alloca` in the prologue (so it is a static stack slot).
    pub(crate) fn entry_alloca(&self, ty: BasicTypeEnum<'ctx>, name: &str) -> Fallible<PointerValue<'ctx>> {
        let builder = self.context().create_builder();
        match self.prologue.get_first_instruction() {
            Some(first) => builder.position_before(&first),
            None => builder.position_at_end(self.prologue),
        }
        builder.build_alloca(ty, name).msg()
    }

    /// Creates the LLVM blocks (with phis) of every IR block of `region`.
    fn create_region_blocks(&mut self, region: Region) -> Fallible<()> {
        for block in self.func.layout.region_blocks(region).to_vec() {
            let llvm = self.context().append_basic_block(self.llvm_function, &block.to_string());
            self.builder().position_at_end(llvm);
            let mut phis = Vec::new();
            for param in self.func.dfg.block_params(block) {
                let ty = types::value_type(self.context(), self.value_type(*param))?;
                let phi = self.builder().build_phi(ty, &param.to_string()).msg()?;
                self.values.insert(*param, phi.as_basic_value());
                phis.push(phi);
            }
            self.blocks.insert(block, BlockInfo { llvm, phis });
        }
        Ok(())
    }

    /// Branches from the current block to an IR block, passing its arguments.
    fn branch_to(&self, target: Block, args: &[BasicValueEnum<'ctx>]) -> Fallible<()> {
        let info = self
            .blocks
            .get(&target)
            .ok_or_else(|| format!("branch to {target}, which codegen did not create"))?;
        if info.phis.len() != args.len() {
            return Err(format!(
                "{target} takes {} arguments, the branch passes {}",
                info.phis.len(),
                args.len()
            ));
        }
        let current = self.builder().get_insert_block().ok_or("the builder is not positioned")?;
        for (phi, arg) in info.phis.iter().zip(args) {
            phi.add_incoming(&[(arg as &dyn BasicValue<'ctx>, current)]);
        }
        self.builder().build_unconditional_branch(info.llvm).msg()?;
        Ok(())
    }

    /// Emits the blocks of `region` in reverse post-order from its entry.
    fn emit_region(&mut self, region: Region) -> Result<(), CodegenError> {
        let order = self.reverse_post_order(region);
        for block in order {
            let llvm = self.blocks[&block].llvm;
            self.builder().position_at_end(llvm);
            for inst in self.func.layout.block_insts(block).collect::<Vec<_>>() {
                self.emit_inst(inst)?;
            }
        }
        // Blocks nothing reaches were created but not emitted: give them a terminator.
        for block in self.func.layout.region_blocks(region).to_vec() {
            let llvm = self.blocks[&block].llvm;
            if llvm.get_terminator().is_none() {
                self.builder().position_at_end(llvm);
                self.builder().build_unreachable().map_err(|error| self.function_error(error.to_string()))?;
            }
        }
        Ok(())
    }

    fn reverse_post_order(&self, region: Region) -> Vec<Block> {
        let Some(entry) = self.func.layout.entry_block(region) else { return Vec::new() };
        let mut post_order = Vec::new();
        let mut visited = HashSet::new();
        // Iterative DFS: (block, next successor index).
        let mut stack = vec![(entry, 0usize)];
        visited.insert(entry);
        while let Some((block, next)) = stack.pop() {
            let successors = self.successors(block);
            if let Some(successor) = successors.get(next) {
                stack.push((block, next + 1));
                if visited.insert(*successor) {
                    stack.push((*successor, 0));
                }
            } else {
                post_order.push(block);
            }
        }
        post_order.reverse();
        post_order
    }

    fn successors(&self, block: Block) -> Vec<Block> {
        match self.func.layout.last_inst(block) {
            Some(last) => self.func.dfg.inst_data(last).targets.iter().map(|target| target.block).collect(),
            None => Vec::new(),
        }
    }

    fn emit_inst(&mut self, inst: Inst) -> Result<(), CodegenError> {
        let data = self.func.dfg.inst_data(inst).clone();
        let results = self.lower_inst(inst, &data).map_err(|message| self.inst_error(inst, message))?;
        let ir_results = self.func.dfg.inst_results(inst);
        if results.len() != ir_results.len() {
            return Err(self.inst_error(
                inst,
                format!("codegen produced {} results for {} IR results", results.len(), ir_results.len()),
            ));
        }
        for (value, result) in ir_results.iter().zip(results) {
            self.values.insert(*value, result);
        }
        Ok(())
    }

    fn lower_inst(&mut self, inst: Inst, data: &InstData) -> Fallible<Vec<BasicValueEnum<'ctx>>> {
        let args: Vec<BasicValueEnum<'ctx>> =
            data.args.iter().map(|arg| self.value(*arg)).collect::<Fallible<_>>()?;
        let one = |value: BasicValueEnum<'ctx>| Ok(vec![value]);
        match &data.opcode {
            Opcode::Jump => {
                let target = data.targets.first().ok_or("jump without target")?;
                let target_args = self.target_args(&target.args)?;
                self.branch_to(target.block, &target_args)?;
                Ok(vec![])
            }
            Opcode::Brif => {
                let [then_target, else_target] = data.targets.as_slice() else {
                    return Err("brif needs two targets".to_owned());
                };
                let condition = args.first().ok_or("brif without condition")?.into_int_value();
                let then_block = self.context().append_basic_block(self.llvm_function, "then");
                let else_block = self.context().append_basic_block(self.llvm_function, "else");
                self.builder().build_conditional_branch(condition, then_block, else_block).msg()?;
                // Edge blocks carry the arguments, so both targets may even be one block.
                self.builder().position_at_end(then_block);
                let then_args = self.target_args(&then_target.args)?;
                self.branch_to(then_target.block, &then_args)?;
                self.builder().position_at_end(else_block);
                let else_args = self.target_args(&else_target.args)?;
                self.branch_to(else_target.block, &else_args)?;
                Ok(vec![])
            }
            Opcode::Return => {
                let value = *data.args.first().ok_or("return without value")?;
                let ty = self.value_type(value).clone();
                if !matches!(ty, Type::NoneType) {
                    let memory = self.value_to_memory(&ty, args[0])?;
                    self.builder().build_store(self.out, memory).msg()?;
                }
                self.emit_return(self.context().i32_type().const_zero())?;
                Ok(vec![])
            }
            Opcode::Raise { kind, message } if !args.is_empty() => {
                self.emit_raise_fmt(*kind, message, &args)?;
                Ok(vec![])
            }
            Opcode::Raise { kind, message } => {
                self.emit_raise(*kind, message)?;
                Ok(vec![])
            }
            Opcode::Throw { kind, message } => {
                let target = data.targets.first().ok_or("throw without target")?;
                if args.is_empty() {
                    self.emit_raise_class(exception_class(*kind), message)?;
                } else {
                    self.emit_raise_fmt_status(*kind, message, &args)?;
                }
                let target_args = self.target_args(&target.args)?;
                self.branch_to(target.block, &target_args)?;
                Ok(vec![])
            }
            Opcode::Resume => {
                let raised = self.context().i32_type().const_int(numjit_abi::STATUS_EXCEPTION as u64, false);
                self.emit_return(raised)?;
                Ok(vec![])
            }
            Opcode::Unreachable => {
                self.builder().build_unreachable().msg()?;
                Ok(vec![])
            }
            Opcode::Yield => {
                self.emit_yield(inst, &args)?;
                Ok(vec![])
            }
            Opcode::For => self.emit_for(inst, data, &args),
            Opcode::Parfor { .. } => Err("parfor must be outlined or serialised before codegen".to_owned()),
            Opcode::Call(func_ref) => {
                let decl = self
                    .func
                    .func_decls
                    .get(*func_ref)
                    .ok_or_else(|| format!("{func_ref} is not declared"))?;
                let callee = *self
                    .m
                    .functions
                    .get(&decl.name)
                    .ok_or_else(|| format!("@{} is not a function of this module", decl.name))?;
                let result =
                    self.emit_call(callee, &decl.params.clone(), &decl.return_type.clone(), &args)?;
                one(result)
            }
            Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) => {
                let decl = self
                    .func
                    .func_decls
                    .get(*func_ref)
                    .ok_or_else(|| format!("{func_ref} is not declared"))?;
                let callee = *self
                    .m
                    .functions
                    .get(&decl.name)
                    .ok_or_else(|| format!("@{} is not a function of this module", decl.name))?;
                let (params, return_type) = (decl.params.clone(), decl.return_type.clone());
                one(self.emit_try_call(inst, data, callee, &params, &return_type, &args)?)
            }
            Opcode::TupleMake => {
                let result = self.func.dfg.first_result(inst).ok_or("tuple_make without result")?;
                let ty = types::value_type(self.context(), self.value_type(result))?;
                one(self.make_struct(ty, &args)?)
            }
            Opcode::TupleGet(index) => {
                one(self.extract(*args.first().ok_or("tuple_get without operand")?, *index)?)
            }
            Opcode::Print => {
                self.emit_print(&data.args)?;
                Ok(vec![])
            }
            Opcode::NoneConst => one(self.context().struct_type(&[], false).const_zero().into()),
            Opcode::ArrayDim(axis) => {
                one(self.array_dim(*args.first().ok_or("array_dim without operand")?, *axis)?)
            }
            Opcode::ArrayStride(axis) => {
                one(self.array_stride(*args.first().ok_or("array_stride without operand")?, *axis)?)
            }
            Opcode::ArrayLoad => {
                one(self.array_load(*data.args.first().ok_or("array_load without operand")?, &args)?)
            }
            Opcode::ArrayStore => {
                self.array_store(*data.args.first().ok_or("array_store without operand")?, &args)?;
                Ok(vec![])
            }
            Opcode::ArrayAlloc { zeroed, .. } => {
                let result = self.func.dfg.first_result(inst).ok_or("array_alloc without result")?;
                one(self.array_alloc(result, &args, *zeroed)?)
            }
            Opcode::ArrayView(_) => {
                let result = self.func.dfg.first_result(inst).ok_or("array_view without result")?;
                one(self.array_view(result, &args)?)
            }
            Opcode::ArrayIncref | Opcode::ArrayDecref => {
                let array = *args.first().ok_or("refcount op without operand")?;
                self.array_refcount(array, data.opcode == Opcode::ArrayIncref)?;
                Ok(vec![])
            }
            Opcode::ArrayNull(array) => one(self.array_null(array)?),
            Opcode::ArrayConst(constant) => one(self.array_const(std::sync::Arc::clone(constant))?),
            Opcode::ArrayMatmul => {
                self.array_matmul(&data.args, &args)?;
                Ok(vec![])
            }
            Opcode::Sconst(text) => one(self.string_constant(text)?),
            _ => {
                let value = ops::lower(self, inst, data, &args)?;
                one(value)
            }
        }
    }

    fn target_args(&self, values: &[Value]) -> Fallible<Vec<BasicValueEnum<'ctx>>> {
        values.iter().map(|value| self.value(*value)).collect()
    }

    /// `{ptr, len}` of a string constant.
    fn string_constant(&self, text: &str) -> Fallible<BasicValueEnum<'ctx>> {
        let (pointer, len) = self.bytes_constant(text)?;
        let ty = types::value_type(self.context(), &Type::Str)?;
        self.make_struct(ty, &[pointer.into(), len.into()])
    }

    /// A private constant holding `text`'s bytes, and its length.
    pub(crate) fn bytes_constant(&self, text: &str) -> Fallible<(PointerValue<'ctx>, IntValue<'ctx>)> {
        let bytes = self.context().const_string(text.as_bytes(), false);
        let global = self.m.module.add_global(bytes.get_type(), None, "str");
        global.set_initializer(&bytes);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_addr(true);
        let len = self.context().i64_type().const_int(text.len() as u64, false);
        Ok((global.as_pointer_value(), len))
    }

    /// Returns `status` from the function, leaving the recursion frame first.
    fn emit_return(&self, status: IntValue<'ctx>) -> Fallible<()> {
        if self.recursive {
            let leave = self.m.runtime(&entry::LEAVE_FRAME);
            self.call_void(leave, &[])?;
        }
        self.builder().build_return(Some(&status)).msg()?;
        Ok(())
    }

    /// Sets the exception record and returns its status.
    pub(crate) fn emit_raise(&self, kind: ExceptionKind, message: &str) -> Fallible<()> {
        let class = exception_class(kind);
        let status = self.emit_raise_class(class, message)?;
        self.emit_return(status)
    }

    /// Sets the exception record with a message formatted from `int64` values (`{}`
    /// placeholders, see `numjit_abi::FormatArg`) and returns its status.
    pub(crate) fn emit_raise_fmt(
        &self,
        kind: ExceptionKind,
        template: &str,
        values: &[BasicValueEnum<'ctx>],
    ) -> Fallible<()> {
        let status = self.emit_raise_fmt_status(kind, template, values)?;
        self.emit_return(status)
    }

    /// Sets the exception record like [`Self::emit_raise_fmt`] and gives back its status
    /// (without returning).
    fn emit_raise_fmt_status(
        &self,
        kind: ExceptionKind,
        template: &str,
        values: &[BasicValueEnum<'ctx>],
    ) -> Fallible<IntValue<'ctx>> {
        let context = self.context();
        let builder = self.builder();
        let i32_type = context.i32_type();
        let i64_type = context.i64_type();
        // `FormatArg`: { u32 tag, u64 payload }.
        let arg_type = context.struct_type(&[i32_type.into(), i64_type.into()], false);
        let array_type = arg_type.array_type(values.len() as u32);
        let slots = self.entry_alloca(array_type.into(), "fmt_args")?;
        for (index, value) in values.iter().enumerate() {
            let zero = i32_type.const_zero();
            let position = i32_type.const_int(index as u64, false);
            // SAFETY (LLVM semantics): the indices are inside the alloca.
            let tag =
                unsafe { builder.build_in_bounds_gep(array_type, slots, &[zero, position, zero], "tag") }
                    .msg()?;
            builder
                .build_store(tag, i32_type.const_int(u64::from(numjit_abi::FormatArg::TAG_INT), false))
                .msg()?;
            let one = i32_type.const_int(1, false);
            // SAFETY (LLVM semantics): as above.
            let payload =
                unsafe { builder.build_in_bounds_gep(array_type, slots, &[zero, position, one], "payload") }
                    .msg()?;
            builder.build_store(payload, *value).msg()?;
        }
        let (pointer, len) = self.bytes_constant(template)?;
        let class_id = i32_type.const_int(u64::from(exception_class(kind).id()), false);
        let count = i64_type.const_int(values.len() as u64, false);
        let status = self.call_value(
            self.m.runtime(&entry::RAISE_FMT),
            &[self.exc.into(), class_id.into(), pointer.into(), len.into(), slots.into(), count.into()],
            "raised",
        )?;
        Ok(status.into_int_value())
    }

    /// Calls `numjit_raise` and gives back its status (without returning).
    pub(crate) fn emit_raise_class(&self, class: ExceptionClass, message: &str) -> Fallible<IntValue<'ctx>> {
        let raise = self.m.runtime(&entry::RAISE);
        let (pointer, len) = self.bytes_constant(message)?;
        let class_id = self.context().i32_type().const_int(u64::from(class.id()), false);
        let status = self.call_value(
            raise,
            &[self.exc.into(), class_id.into(), pointer.into(), len.into()],
            "raised",
        )?;
        Ok(status.into_int_value())
    }

    /// Calls a module function: flattens the arguments, passes a stack slot for the
    /// result, and propagates a nonzero status.
    fn emit_call(
        &self,
        callee: FunctionValue<'ctx>,
        params: &[Type],
        return_type: &Type,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let (status, slot) = self.emit_call_status(callee, params, return_type, args)?;
        let zero = self.context().i32_type().const_zero();
        let failed = self.builder().build_int_compare(IntPredicate::NE, status, zero, "failed").msg()?;
        let propagate = self.context().append_basic_block(self.llvm_function, "propagate");
        let ok = self.context().append_basic_block(self.llvm_function, "call_ok");
        self.builder().build_conditional_branch(failed, propagate, ok).msg()?;
        self.builder().position_at_end(propagate);
        self.emit_return(status)?;
        self.builder().position_at_end(ok);
        self.load_call_result(return_type, slot)
    }

    /// `try_call`: calls like [`Self::emit_call`], but a nonzero status clears the exception
    /// record (freeing the message: the handler catches the exception and nothing can read
    /// it) and branches to the handler target; otherwise the result, defined on this edge
    /// only, is passed on to the normal target. `invoke` is the same without the clearing:
    /// its unwind code ends in `resume`, which leaves with the record as the callee set it.
    fn emit_try_call(
        &mut self,
        inst: Inst,
        data: &InstData,
        callee: FunctionValue<'ctx>,
        params: &[Type],
        return_type: &Type,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<BasicValueEnum<'ctx>> {
        let [normal, handler] = data.targets.as_slice() else {
            return Err("try_call needs two targets".to_owned());
        };
        let result = self.func.dfg.first_result(inst).ok_or("try_call without result")?;
        let (status, slot) = self.emit_call_status(callee, params, return_type, args)?;
        let zero = self.context().i32_type().const_zero();
        let failed = self.builder().build_int_compare(IntPredicate::NE, status, zero, "failed").msg()?;
        let caught = self.context().append_basic_block(self.llvm_function, "caught");
        let ok = self.context().append_basic_block(self.llvm_function, "call_ok");
        self.builder().build_conditional_branch(failed, caught, ok).msg()?;

        self.builder().position_at_end(caught);
        if matches!(data.opcode, Opcode::TryCall(_)) {
            let clear = self.m.runtime(&entry::EXCEPTION_CLEAR);
            self.call_void(clear, &[self.exc.into()])?;
        }
        let handler_args = self.target_args(&handler.args)?;
        self.branch_to(handler.block, &handler_args)?;

        self.builder().position_at_end(ok);
        let value = self.load_call_result(return_type, slot)?;
        self.values.insert(result, value);
        let normal_args = self.target_args(&normal.args)?;
        self.branch_to(normal.block, &normal_args)?;
        Ok(value)
    }

    /// Calls a module function with a fresh result slot; gives back its status and the slot.
    fn emit_call_status(
        &self,
        callee: FunctionValue<'ctx>,
        params: &[Type],
        return_type: &Type,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<(IntValue<'ctx>, PointerValue<'ctx>)> {
        let memory_type = types::memory_type(self.context(), return_type)?;
        let slot = self.entry_alloca(memory_type, "result")?;
        let mut call_args: Vec<BasicMetadataValueEnum<'ctx>> = vec![self.exc.into(), slot.into()];
        for (ty, arg) in params.iter().zip(args) {
            self.flatten(ty, *arg, &mut call_args)?;
        }
        let status = self.call_value(callee, &call_args, "status")?.into_int_value();
        Ok((status, slot))
    }

    /// The value a call left in its result slot.
    fn load_call_result(
        &self,
        return_type: &Type,
        slot: PointerValue<'ctx>,
    ) -> Fallible<BasicValueEnum<'ctx>> {
        if matches!(return_type, Type::NoneType) {
            return Ok(self.context().struct_type(&[], false).const_zero().into());
        }
        let memory_type = types::memory_type(self.context(), return_type)?;
        let loaded = self.builder().build_load(memory_type, slot, "ret").msg()?;
        self.value_from_memory(return_type, loaded)
    }

    /// A structured `for`: see the module docs.
    fn emit_for(
        &mut self,
        inst: Inst,
        data: &InstData,
        args: &[BasicValueEnum<'ctx>],
    ) -> Fallible<Vec<BasicValueEnum<'ctx>>> {
        let range = data.for_range().ok_or("for without a range")?;
        let int_type = self.scalar_of(range.start)?;
        if !int_type.is_integer() {
            return Err(format!("for over {int_type}, which is not an integer type"));
        }
        let signed = int_type.is_signed_integer();
        let (start, stop, step) =
            (args[0].into_int_value(), args[1].into_int_value(), args[2].into_int_value());
        let initial = &args[3..];
        let region = *data.regions.first().ok_or("for without a region")?;
        let entry = self.func.layout.entry_block(region).ok_or("for region without blocks")?;
        let count = self.trip_count(start, stop, step, signed)?;

        let builder = self.builder();
        let context = self.context();
        let preheader = builder.get_insert_block().ok_or("the builder is not positioned")?;
        let header = context.append_basic_block(self.llvm_function, "for_header");
        let body = context.append_basic_block(self.llvm_function, "for_body");
        let exit = context.append_basic_block(self.llvm_function, "for_exit");
        builder.build_unconditional_branch(header).msg()?;

        builder.position_at_end(header);
        let int = start.get_type();
        let counter = builder.build_phi(int, "k").msg()?;
        counter.add_incoming(&[(&int.const_zero(), preheader)]);
        let induction = builder.build_phi(int, "i").msg()?;
        induction.add_incoming(&[(&start, preheader)]);
        let mut carried = Vec::new();
        for value in initial {
            let phi = builder.build_phi(value.get_type(), "carried").msg()?;
            phi.add_incoming(&[(value as &dyn BasicValue<'ctx>, preheader)]);
            carried.push(phi);
        }
        let more = builder
            .build_int_compare(IntPredicate::ULT, counter.as_basic_value().into_int_value(), count, "more")
            .msg()?;
        builder.build_conditional_branch(more, body, exit).msg()?;

        self.loops.insert(inst, LoopInfo { header, counter, induction, step, carried: carried.clone() });
        self.create_region_blocks(region)?;
        self.builder().position_at_end(body);
        let mut entry_args = vec![induction.as_basic_value()];
        entry_args.extend(carried.iter().map(|phi| phi.as_basic_value()));
        self.branch_to(entry, &entry_args)?;
        self.emit_region(region).map_err(|error| error.to_string())?;

        self.builder().position_at_end(exit);
        Ok(carried.iter().map(|phi| phi.as_basic_value()).collect())
    }

    /// Python's `len(range(start, stop, step))` as an unsigned count, for either sign of
    /// `step` and without overflow anywhere in the type's range.
    fn trip_count(
        &self,
        start: IntValue<'ctx>,
        stop: IntValue<'ctx>,
        step: IntValue<'ctx>,
        signed: bool,
    ) -> Fallible<IntValue<'ctx>> {
        let builder = self.builder();
        let int = start.get_type();
        let zero = int.const_zero();
        let one = int.const_int(1, false);
        let (non_empty, distance, magnitude) = if signed {
            let positive = builder.build_int_compare(IntPredicate::SGT, step, zero, "step_pos").msg()?;
            let up = builder.build_int_compare(IntPredicate::SLT, start, stop, "up").msg()?;
            let down = builder.build_int_compare(IntPredicate::SGT, start, stop, "down").msg()?;
            let non_empty = builder.build_select(positive, up, down, "non_empty").msg()?.into_int_value();
            let up_distance = builder.build_int_sub(stop, start, "up_dist").msg()?;
            let down_distance = builder.build_int_sub(start, stop, "down_dist").msg()?;
            let distance =
                builder.build_select(positive, up_distance, down_distance, "dist").msg()?.into_int_value();
            let negated = builder.build_int_sub(zero, step, "neg_step").msg()?;
            let magnitude = builder.build_select(positive, step, negated, "abs_step").msg()?.into_int_value();
            (non_empty, distance, magnitude)
        } else {
            let non_empty = builder.build_int_compare(IntPredicate::ULT, start, stop, "non_empty").msg()?;
            (non_empty, builder.build_int_sub(stop, start, "dist").msg()?, step)
        };
        // step != 0 is the IR's contract; a zero step must still not divide by zero.
        let is_zero = builder.build_int_compare(IntPredicate::EQ, magnitude, zero, "zero_step").msg()?;
        let divisor = builder.build_select(is_zero, one, magnitude, "divisor").msg()?.into_int_value();
        let last = builder.build_int_sub(distance, one, "dist_m1").msg()?;
        let quotient = builder.build_int_unsigned_div(last, divisor, "q").msg()?;
        let count = builder.build_int_add(quotient, one, "count").msg()?;
        Ok(builder.build_select(non_empty, count, zero, "trip_count").msg()?.into_int_value())
    }

    fn emit_yield(&self, inst: Inst, args: &[BasicValueEnum<'ctx>]) -> Fallible<()> {
        let owner = self.func.enclosing_op(inst).ok_or("yield outside a structured op")?;
        let info =
            self.loops.get(&owner).ok_or_else(|| format!("yield of {owner}, which is not a lowered for"))?;
        if info.carried.len() != args.len() {
            return Err(format!(
                "the loop carries {} values, yield passes {}",
                info.carried.len(),
                args.len()
            ));
        }
        let builder = self.builder();
        let current = builder.get_insert_block().ok_or("the builder is not positioned")?;
        let counter = info.counter.as_basic_value().into_int_value();
        let one = counter.get_type().const_int(1, false);
        // The counter stays below the trip count, an unsigned value of its type: no wrap.
        let next_counter = builder.build_int_nuw_add(counter, one, "k_next").msg()?;
        let induction = info.induction.as_basic_value().into_int_value();
        let next_induction = builder.build_int_add(induction, info.step, "i_next").msg()?;
        info.counter.add_incoming(&[(&next_counter, current)]);
        info.induction.add_incoming(&[(&next_induction, current)]);
        for (phi, arg) in info.carried.iter().zip(args) {
            phi.add_incoming(&[(arg as &dyn BasicValue<'ctx>, current)]);
        }
        builder.build_unconditional_branch(info.header).msg()?;
        Ok(())
    }

    fn emit_print(&self, values: &[Value]) -> Fallible<()> {
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                self.call_void(self.m.runtime(&entry::PRINT_SEP), &[])?;
            }
            let ty = self.value_type(*value).clone();
            self.print_piece(&ty, self.value(*value)?, false)?;
        }
        self.call_void(self.m.runtime(&entry::PRINT_END), &[])
    }

    fn print_text(&self, text: &str) -> Fallible<()> {
        let (pointer, len) = self.bytes_constant(text)?;
        self.call_void(self.m.runtime(&entry::PRINT_STR), &[pointer.into(), len.into()])
    }

    /// Prints one value as `print` shows it (`repr` inside tuples: strings quoted).
    fn print_piece(&self, ty: &Type, value: BasicValueEnum<'ctx>, in_container: bool) -> Fallible<()> {
        let builder = self.builder();
        let context = self.context();
        match ty {
            Type::Scalar(ScalarType::Bool) => {
                let byte =
                    builder.build_int_z_extend(value.into_int_value(), context.i8_type(), "b").msg()?;
                self.call_void(self.m.runtime(&entry::PRINT_BOOL), &[byte.into()])
            }
            Type::Scalar(scalar) if scalar.is_signed_integer() => {
                let wide = builder
                    .build_int_s_extend_or_bit_cast(value.into_int_value(), context.i64_type(), "w")
                    .msg()?;
                self.call_void(self.m.runtime(&entry::PRINT_I64), &[wide.into()])
            }
            Type::Scalar(scalar) if scalar.is_unsigned_integer() => {
                let wide = builder
                    .build_int_z_extend_or_bit_cast(value.into_int_value(), context.i64_type(), "w")
                    .msg()?;
                self.call_void(self.m.runtime(&entry::PRINT_U64), &[wide.into()])
            }
            Type::Scalar(ScalarType::Float64) => {
                self.call_void(self.m.runtime(&entry::PRINT_F64), &[value.into()])
            }
            Type::Scalar(ScalarType::Float32) => {
                self.call_void(self.m.runtime(&entry::PRINT_F32), &[value.into()])
            }
            Type::Scalar(scalar) => {
                let entry =
                    if *scalar == ScalarType::Complex64 { &entry::PRINT_C64 } else { &entry::PRINT_C128 };
                let (re, im) = (self.extract(value, 0)?, self.extract(value, 1)?);
                self.call_void(self.m.runtime(entry), &[re.into(), im.into()])
            }
            Type::NoneType => self.call_void(self.m.runtime(&entry::PRINT_NONE), &[]),
            Type::Str => {
                let (pointer, len) = (self.extract(value, 0)?, self.extract(value, 1)?);
                if in_container {
                    self.print_text("'")?;
                }
                self.call_void(self.m.runtime(&entry::PRINT_STR), &[pointer.into(), len.into()])?;
                if in_container {
                    self.print_text("'")?;
                }
                Ok(())
            }
            Type::Tuple(items) => {
                self.print_text("(")?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.print_text(", ")?;
                    }
                    self.print_piece(item, self.extract(value, index as u32)?, true)?;
                }
                self.print_text(if items.len() == 1 { ",)" } else { ")" })
            }
            Type::Array(array) => self.print_array(array, value, in_container),
            Type::Range(_) | Type::Optional(_) | Type::Flat(_) => {
                Err(format!("print of {ty} is not supported yet"))
            }
        }
    }
}

/// The ABI class of an IR exception kind.
pub(crate) fn exception_class(kind: ExceptionKind) -> ExceptionClass {
    ExceptionClass::from_name(kind.name()).unwrap_or(ExceptionClass::Exception)
}
