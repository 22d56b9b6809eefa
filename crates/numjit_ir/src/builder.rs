//! [`FunctionBuilder`]: creates blocks, regions and instructions at a cursor, computing
//! result types with the opcodes' typing rules.
//!
//! Lowering and passes write IR through it:
//!
//! ```
//! use numjit_ir::{FunctionBuilder, Function, verify};
//! use numjit_types::{ScalarType, Type};
//!
//! let mut func = Function::new("double", vec![Type::INT64], Type::INT64);
//! let mut builder = FunctionBuilder::new(&mut func);
//! let entry = builder.create_entry_block();
//! builder.switch_to_block(entry);
//! let x = builder.block_params(entry)[0];
//! let doubled = builder.iadd(x, x);
//! builder.return_(doubled);
//! assert!(verify(&func).is_ok());
//! ```
//!
//! The builder does not reject ill-typed instructions: when the typing rule fails, the
//! results get type `none` and the verifier (which runs after lowering and every pass in
//! tests and debug builds) reports the rule's message. Placing an instruction with no
//! cursor position is a bug in the caller and panics.

use numjit_types::{ScalarType, Type};

use crate::{
    Block, BlockCall, ExceptionKind, FloatCC, FuncRef, Function, Inst, InstData, IntCC, Intrinsic, LoopRange,
    Opcode, Reduction, Region, Value,
};

/// Where the builder puts the next instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CursorPosition {
    /// Nowhere yet: creating instructions panics.
    Nowhere,
    /// At the end of the block.
    AtEnd(Block),
    /// Right before the instruction (which stays after everything inserted).
    Before(Inst),
}

/// A `for` loop the builder created.
#[derive(Clone, Debug)]
pub struct ForLoop {
    /// The `for` instruction.
    pub inst: Inst,
    /// Its body region.
    pub body: Region,
    /// The body's entry block, which the caller fills (switch to it).
    pub entry_block: Block,
    /// The entry block's first parameter.
    pub induction_variable: Value,
    /// The entry block's other parameters: this iteration's carried values.
    pub carried: Vec<Value>,
    /// The loop's results: the final carried values.
    pub results: Vec<Value>,
}

/// A `parfor` loop the builder created.
#[derive(Clone, Debug)]
pub struct ParforLoop {
    /// The `parfor` instruction.
    pub inst: Inst,
    /// Its body region.
    pub body: Region,
    /// The body's entry block.
    pub entry_block: Block,
    /// One index per dimension (the entry block's first parameters).
    pub indices: Vec<Value>,
    /// One accumulator per reduction (the entry block's other parameters).
    pub accumulators: Vec<Value>,
    /// The combined reduction results.
    pub results: Vec<Value>,
}

/// Builds IR in a function at a cursor.
#[derive(Debug)]
pub struct FunctionBuilder<'f> {
    /// The function being built; free to use directly between builder calls.
    pub func: &'f mut Function,
    position: CursorPosition,
}

macro_rules! unary_methods {
    ($($method:ident => $opcode:ident, $doc:literal;)*) => {
        $(
            #[doc = $doc]
            pub fn $method(&mut self, operand: Value) -> Value {
                self.value_inst(Opcode::$opcode, vec![operand])
            }
        )*
    };
}

macro_rules! binary_methods {
    ($($method:ident => $opcode:ident, $doc:literal;)*) => {
        $(
            #[doc = $doc]
            pub fn $method(&mut self, lhs: Value, rhs: Value) -> Value {
                self.value_inst(Opcode::$opcode, vec![lhs, rhs])
            }
        )*
    };
}

impl<'f> FunctionBuilder<'f> {
    /// A builder with no position.
    pub fn new(func: &'f mut Function) -> Self {
        FunctionBuilder { func, position: CursorPosition::Nowhere }
    }

    // ---- cursor ----

    /// Where the next instruction goes.
    pub fn position(&self) -> CursorPosition {
        self.position
    }

    /// Moves the cursor (to restore a saved position).
    pub fn set_position(&mut self, position: CursorPosition) {
        self.position = position;
    }

    /// Appends the next instructions to the end of `block`.
    pub fn switch_to_block(&mut self, block: Block) {
        self.position = CursorPosition::AtEnd(block);
    }

    /// Inserts the next instructions before `inst`.
    pub fn position_before(&mut self, inst: Inst) {
        self.position = CursorPosition::Before(inst);
    }

    /// Inserts the next instructions after `inst` (before its successor, or at the end).
    pub fn position_after(&mut self, inst: Inst) {
        self.position = match (self.func.layout.next_inst(inst), self.func.layout.inst_block(inst)) {
            (Some(next), _) => CursorPosition::Before(next),
            (None, Some(block)) => CursorPosition::AtEnd(block),
            (None, None) => panic!("{inst} is not placed"),
        };
    }

    /// The block the cursor is in.
    pub fn current_block(&self) -> Option<Block> {
        match self.position {
            CursorPosition::Nowhere => None,
            CursorPosition::AtEnd(block) => Some(block),
            CursorPosition::Before(inst) => self.func.layout.inst_block(inst),
        }
    }

    // ---- blocks and regions ----

    /// Creates the body's entry block with one parameter per function parameter.
    pub fn create_entry_block(&mut self) -> Block {
        let block = self.func.dfg.make_block();
        for ty in self.func.params.clone() {
            self.func.dfg.append_block_param(block, ty);
        }
        self.func.layout.append_block(self.func.body, block);
        block
    }

    /// Creates a block at the end of `region`.
    pub fn create_block_in(&mut self, region: Region) -> Block {
        let block = self.func.dfg.make_block();
        self.func.layout.append_block(region, block);
        block
    }

    /// Creates a block at the end of the region the cursor is in.
    pub fn create_block(&mut self) -> Block {
        let region = self
            .current_block()
            .and_then(|block| self.func.layout.block_region(block))
            .unwrap_or(self.func.body);
        self.create_block_in(region)
    }

    /// Adds a parameter to a block.
    pub fn append_block_param(&mut self, block: Block, ty: Type) -> Value {
        self.func.dfg.append_block_param(block, ty)
    }

    /// The block's parameters.
    pub fn block_params(&self, block: Block) -> &[Value] {
        self.func.dfg.block_params(block)
    }

    /// The type of a value.
    pub fn value_type(&self, value: Value) -> &Type {
        self.func.dfg.value_type(value)
    }

    // ---- instructions ----

    /// Creates an instruction from its data, gives it the results its typing rule computes,
    /// and places it at the cursor.
    pub fn insert_inst(&mut self, data: InstData) -> Inst {
        let arg_types: Vec<Type> =
            data.args.iter().map(|arg| self.func.dfg.value_type(*arg).clone()).collect();
        let result_types = match data.opcode.result_types(&arg_types, &self.func.typing_env()) {
            Ok(types) => types,
            Err(_) => fallback_result_types(&data.opcode),
        };
        let inst = self.func.dfg.make_inst(data);
        for ty in result_types {
            self.func.dfg.append_result(inst, ty);
        }
        self.place(inst);
        inst
    }

    fn place(&mut self, inst: Inst) {
        match self.position {
            CursorPosition::Nowhere => panic!("the builder has no position to place {inst} at"),
            CursorPosition::AtEnd(block) => self.func.layout.append_inst(block, inst),
            CursorPosition::Before(before) => self.func.layout.insert_inst_before(inst, before),
        }
    }

    /// An instruction with value operands and one result, which it returns.
    pub fn value_inst(&mut self, opcode: Opcode, args: Vec<Value>) -> Value {
        let inst = self.insert_inst(InstData::new(opcode, args));
        self.first_result(inst)
    }

    fn first_result(&mut self, inst: Inst) -> Value {
        match self.func.dfg.first_result(inst) {
            Some(value) => value,
            // A fallback keeps the builder total; the verifier reports the missing result.
            None => self.func.dfg.append_result(inst, Type::NoneType),
        }
    }

    /// `iconst.ty value`.
    pub fn iconst(&mut self, ty: ScalarType, value: i128) -> Value {
        self.value_inst(Opcode::Iconst { ty, value }, Vec::new())
    }

    /// `fconst.ty value` (rounded to `f32` for `float32`).
    pub fn fconst(&mut self, ty: ScalarType, value: f64) -> Value {
        self.value_inst(Opcode::fconst(ty, value), Vec::new())
    }

    /// `cconst.ty real, imag`.
    pub fn cconst(&mut self, ty: ScalarType, real: f64, imag: f64) -> Value {
        self.value_inst(Opcode::cconst(ty, real, imag), Vec::new())
    }

    /// `bconst value`.
    pub fn bconst(&mut self, value: bool) -> Value {
        self.value_inst(Opcode::Bconst(value), Vec::new())
    }

    /// `noneconst`.
    pub fn noneconst(&mut self) -> Value {
        self.value_inst(Opcode::NoneConst, Vec::new())
    }

    /// `sconst "text"`.
    pub fn sconst(&mut self, text: &str) -> Value {
        self.value_inst(Opcode::Sconst(text.into()), Vec::new())
    }

    unary_methods! {
        ineg => Ineg, "`ineg x`: wrapping integer negation.";
        inot => Inot, "`inot x`: bitwise (for bool: logical) not.";
        fneg => Fneg, "`fneg x`: float negation.";
        cneg => Cneg, "`cneg z`: complex negation.";
        cconj => Cconj, "`cconj z`: complex conjugate.";
        creal => Creal, "`creal z`: real part.";
        cimag => Cimag, "`cimag z`: imaginary part.";
    }

    binary_methods! {
        iadd => Iadd, "`iadd a, b`: wrapping integer addition.";
        isub => Isub, "`isub a, b`: wrapping integer subtraction.";
        imul => Imul, "`imul a, b`: wrapping integer multiplication.";
        ifloordiv => IfloorDiv, "`ifloordiv a, b`: Python `//` on integers.";
        imod => Imod, "`imod a, b`: Python `%` on integers.";
        idiv => Idiv, "`idiv a, b`: C (truncating) integer division.";
        irem => Irem, "`irem a, b`: C integer remainder.";
        ishl => Ishl, "`ishl a, b`: shift left.";
        ishr => Ishr, "`ishr a, b`: shift right (arithmetic for signed types).";
        iand => Iand, "`iand a, b`: bitwise and.";
        ior => Ior, "`ior a, b`: bitwise or.";
        ixor => Ixor, "`ixor a, b`: bitwise xor.";
        ipow => Ipow, "`ipow a, b`: integer power.";
        fadd => Fadd, "`fadd a, b`: float addition.";
        fsub => Fsub, "`fsub a, b`: float subtraction.";
        fmul => Fmul, "`fmul a, b`: float multiplication.";
        fdiv => Fdiv, "`fdiv a, b`: float true division.";
        ffloordiv => FfloorDiv, "`ffloordiv a, b`: Python `//` on floats.";
        fmod => Fmod, "`fmod a, b`: Python `%` on floats.";
        frem => Frem, "`frem a, b`: C `fmod`.";
        fpow => Fpow, "`fpow a, b`: float power.";
        cadd => Cadd, "`cadd a, b`: complex addition.";
        csub => Csub, "`csub a, b`: complex subtraction.";
        cmul => Cmul, "`cmul a, b`: complex multiplication.";
        cdiv => Cdiv, "`cdiv a, b`: complex division.";
        cpow => Cpow, "`cpow a, b`: complex power.";
        cmake => Cmake, "`cmake re, im`: a complex number from its parts.";
    }

    /// `icmp cc a, b`.
    pub fn icmp(&mut self, cc: IntCC, lhs: Value, rhs: Value) -> Value {
        self.value_inst(Opcode::Icmp(cc), vec![lhs, rhs])
    }

    /// `fcmp cc a, b`.
    pub fn fcmp(&mut self, cc: FloatCC, lhs: Value, rhs: Value) -> Value {
        self.value_inst(Opcode::Fcmp(cc), vec![lhs, rhs])
    }

    /// `select cond, a, b`.
    pub fn select(&mut self, condition: Value, if_true: Value, if_false: Value) -> Value {
        self.value_inst(Opcode::Select, vec![condition, if_true, if_false])
    }

    /// `convert.to x`.
    pub fn convert(&mut self, to: ScalarType, operand: Value) -> Value {
        self.value_inst(Opcode::Convert(to), vec![operand])
    }

    /// `call fnN(args)`.
    pub fn call(&mut self, callee: FuncRef, args: &[Value]) -> Value {
        self.value_inst(Opcode::Call(callee), args.to_vec())
    }

    /// `call_intrinsic name(args)`.
    pub fn call_intrinsic(&mut self, intrinsic: Intrinsic, args: &[Value]) -> Value {
        self.value_inst(Opcode::CallIntrinsic(intrinsic), args.to_vec())
    }

    /// `tuple_make items...`.
    pub fn tuple_make(&mut self, items: &[Value]) -> Value {
        self.value_inst(Opcode::TupleMake, items.to_vec())
    }

    /// `tuple_get tuple, index`.
    pub fn tuple_get(&mut self, tuple: Value, index: u32) -> Value {
        self.value_inst(Opcode::TupleGet(index), vec![tuple])
    }

    /// `print values...`.
    pub fn print(&mut self, values: &[Value]) -> Inst {
        self.insert_inst(InstData::new(Opcode::Print, values.to_vec()))
    }

    // ---- terminators ----

    /// `jump block(args)`.
    pub fn jump(&mut self, target: Block, args: &[Value]) -> Inst {
        let mut data = InstData::new(Opcode::Jump, Vec::new());
        data.targets.push(BlockCall::new(target, args.to_vec()));
        self.insert_inst(data)
    }

    /// `brif cond, then_block(then_args), else_block(else_args)`.
    pub fn brif(
        &mut self,
        condition: Value,
        then_block: Block,
        then_args: &[Value],
        else_block: Block,
        else_args: &[Value],
    ) -> Inst {
        let mut data = InstData::new(Opcode::Brif, vec![condition]);
        data.targets.push(BlockCall::new(then_block, then_args.to_vec()));
        data.targets.push(BlockCall::new(else_block, else_args.to_vec()));
        self.insert_inst(data)
    }

    /// `v = try_call fnN(args), normal(v), handler(handler_args)`: ends the block with a
    /// call whose exceptions go to `handler`. The result is passed as the only argument to
    /// `normal` (which must then have one parameter, of the callee's return type; more
    /// arguments may be pushed onto the first target afterwards). Returns the instruction
    /// and its result.
    pub fn try_call(
        &mut self,
        callee: FuncRef,
        args: &[Value],
        normal: Block,
        handler: Block,
        handler_args: &[Value],
    ) -> (Inst, Value) {
        self.call_with_edges(Opcode::TryCall(callee), args, normal, handler, handler_args)
    }

    /// `v = invoke fnN(args), normal(v), unwind(unwind_args)`: like [`Self::try_call`], but
    /// what the callee raises stays raised on the unwind edge (which must end in `resume`).
    pub fn invoke(
        &mut self,
        callee: FuncRef,
        args: &[Value],
        normal: Block,
        unwind: Block,
        unwind_args: &[Value],
    ) -> (Inst, Value) {
        self.call_with_edges(Opcode::Invoke(callee), args, normal, unwind, unwind_args)
    }

    /// A `try_call` or `invoke`: the result passed to `normal`, `handler_args` to `handler`.
    fn call_with_edges(
        &mut self,
        opcode: Opcode,
        args: &[Value],
        normal: Block,
        handler: Block,
        handler_args: &[Value],
    ) -> (Inst, Value) {
        let mut data = InstData::new(opcode, args.to_vec());
        data.targets.push(BlockCall::new(normal, Vec::new()));
        data.targets.push(BlockCall::new(handler, handler_args.to_vec()));
        let inst = self.insert_inst(data);
        let result = self.first_result(inst);
        if let Some(target) = self.func.dfg.inst_data_mut(inst).targets.first_mut() {
            target.args.push(result);
        }
        (inst, result)
    }

    /// `resume`: leaves with the exception an `invoke`'s unwind edge carries.
    pub fn resume(&mut self) -> Inst {
        self.insert_inst(InstData::new(Opcode::Resume, Vec::new()))
    }

    /// `return value`.
    pub fn return_(&mut self, value: Value) -> Inst {
        self.insert_inst(InstData::new(Opcode::Return, vec![value]))
    }

    /// `yield values...`.
    pub fn yield_(&mut self, values: &[Value]) -> Inst {
        self.insert_inst(InstData::new(Opcode::Yield, values.to_vec()))
    }

    /// `raise Kind "message"`.
    pub fn raise(&mut self, kind: ExceptionKind, message: &str) -> Inst {
        self.insert_inst(InstData::new(Opcode::Raise { kind, message: message.into() }, Vec::new()))
    }

    /// `array_dim a, axis`.
    pub fn array_dim(&mut self, array: Value, axis: u32) -> Value {
        self.value_inst(Opcode::ArrayDim(axis), vec![array])
    }

    /// `array_stride a, axis`.
    pub fn array_stride(&mut self, array: Value, axis: u32) -> Value {
        self.value_inst(Opcode::ArrayStride(axis), vec![array])
    }

    /// `array_load a, indices...`.
    pub fn array_load(&mut self, array: Value, indices: &[Value]) -> Value {
        let mut args = vec![array];
        args.extend_from_slice(indices);
        self.value_inst(Opcode::ArrayLoad, args)
    }

    /// `array_matmul a, b, c`: `c = a @ b`.
    pub fn array_matmul(&mut self, a: Value, b: Value, c: Value) -> Inst {
        self.insert_inst(InstData::new(Opcode::ArrayMatmul, vec![a, b, c]))
    }

    /// `array_store a, indices..., value`.
    pub fn array_store(&mut self, array: Value, indices: &[Value], value: Value) -> Inst {
        let mut args = vec![array];
        args.extend_from_slice(indices);
        args.push(value);
        self.insert_inst(InstData::new(Opcode::ArrayStore, args))
    }

    /// `array_alloc.DTYPE dims...` (or `array_alloc_zeroed`).
    pub fn array_alloc(&mut self, dtype: ScalarType, zeroed: bool, dims: &[Value]) -> Value {
        self.value_inst(Opcode::ArrayAlloc { dtype, zeroed }, dims.to_vec())
    }

    /// `array_view.LAYOUT a, offset, dims..., strides...`.
    pub fn array_view(
        &mut self,
        layout: numjit_types::Layout,
        base: Value,
        offset: Value,
        dims: &[Value],
        strides: &[Value],
    ) -> Value {
        let mut args = vec![base, offset];
        args.extend_from_slice(dims);
        args.extend_from_slice(strides);
        self.value_inst(Opcode::ArrayView(layout.into()), args)
    }

    /// `array_view.LAYOUT.DTYPE a, offset, dims..., strides...`: a view reading `a`'s memory
    /// as elements of `dtype`.
    pub fn array_view_as(
        &mut self,
        layout: numjit_types::Layout,
        dtype: ScalarType,
        base: Value,
        offset: Value,
        dims: &[Value],
        strides: &[Value],
    ) -> Value {
        let mut args = vec![base, offset];
        args.extend_from_slice(dims);
        args.extend_from_slice(strides);
        self.value_inst(Opcode::ArrayView(crate::ViewSpec { layout, dtype: Some(dtype) }), args)
    }

    /// `array_incref a`.
    pub fn array_incref(&mut self, array: Value) -> Inst {
        self.insert_inst(InstData::new(Opcode::ArrayIncref, vec![array]))
    }

    /// `array_decref a`.
    pub fn array_decref(&mut self, array: Value) -> Inst {
        self.insert_inst(InstData::new(Opcode::ArrayDecref, vec![array]))
    }

    /// `array_const.DTYPE (shape), "bytes"`.
    pub fn array_const(&mut self, constant: std::sync::Arc<crate::ArrayConstant>) -> Value {
        self.value_inst(Opcode::ArrayConst(constant), Vec::new())
    }

    /// `array_null TYPE`.
    pub fn array_null(&mut self, ty: numjit_types::ArrayType) -> Value {
        self.value_inst(Opcode::ArrayNull(ty), Vec::new())
    }

    /// `raise Kind "template", v...`: the message is `template` with each `{}` replaced by
    /// the decimal value of the next `int64` operand.
    pub fn raise_fmt(&mut self, kind: ExceptionKind, template: &str, values: &[Value]) -> Inst {
        self.insert_inst(InstData::new(Opcode::Raise { kind, message: template.into() }, values.to_vec()))
    }

    /// `unreachable`.
    pub fn unreachable(&mut self) -> Inst {
        self.insert_inst(InstData::new(Opcode::Unreachable, Vec::new()))
    }

    // ---- structured loops ----

    /// Creates `for range iter_args(iter_args)` at the cursor with an empty body whose entry
    /// block has the induction variable and carried parameters. The cursor stays where it
    /// was; switch to `entry_block` to fill the body and end it with `yield`.
    pub fn for_loop(&mut self, range: LoopRange, iter_args: &[Value]) -> ForLoop {
        let body = self.func.dfg.make_region();
        let entry_block = self.create_block_in(body);
        let induction_type = self.func.dfg.value_type(range.start).clone();
        let induction_variable = self.func.dfg.append_block_param(entry_block, induction_type);
        let carried = self.params_like(entry_block, iter_args);
        let mut args = vec![range.start, range.stop, range.step];
        args.extend_from_slice(iter_args);
        let mut data = InstData::new(Opcode::For, args);
        data.regions.push(body);
        let inst = self.insert_inst(data);
        let results = self.func.dfg.inst_results(inst).to_vec();
        ForLoop { inst, body, entry_block, induction_variable, carried, results }
    }

    /// Creates `parfor (dims) reduce(reductions)` at the cursor with an empty body whose
    /// entry block has one index per dimension and one accumulator per reduction. The cursor
    /// stays where it was.
    pub fn parfor(&mut self, dims: &[LoopRange], reductions: &[Reduction]) -> ParforLoop {
        let body = self.func.dfg.make_region();
        let entry_block = self.create_block_in(body);
        let starts: Vec<Value> = dims.iter().map(|dim| dim.start).collect();
        let indices = self.params_like(entry_block, &starts);
        let inits: Vec<Value> = reductions.iter().map(|reduction| reduction.init).collect();
        let accumulators = self.params_like(entry_block, &inits);
        let mut args: Vec<Value> = dims.iter().flat_map(|dim| [dim.start, dim.stop, dim.step]).collect();
        args.extend(reductions.iter().flat_map(|reduction| [reduction.init, reduction.identity]));
        let opcode = Opcode::Parfor {
            n_dims: dims.len() as u32,
            reductions: reductions.iter().map(|reduction| reduction.op).collect(),
        };
        let mut data = InstData::new(opcode, args);
        data.regions.push(body);
        let inst = self.insert_inst(data);
        let results = self.func.dfg.inst_results(inst).to_vec();
        ParforLoop { inst, body, entry_block, indices, accumulators, results }
    }

    /// Adds to `block` one parameter of the type of each value of `like`.
    fn params_like(&mut self, block: Block, like: &[Value]) -> Vec<Value> {
        like.iter()
            .map(|value| {
                let ty = self.func.dfg.value_type(*value).clone();
                self.func.dfg.append_block_param(block, ty)
            })
            .collect()
    }
}

/// Results to give an ill-typed instruction so that building can go on: one `none` result
/// for instructions that produce a value, none for the others.
fn fallback_result_types(opcode: &Opcode) -> Vec<Type> {
    match opcode {
        Opcode::Print | Opcode::For | Opcode::Parfor { .. } => Vec::new(),
        Opcode::TryCall(_) | Opcode::Invoke(_) => vec![Type::NoneType],
        _ if opcode.is_terminator() => Vec::new(),
        _ => vec![Type::NoneType],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify;

    fn check(func: &Function, expect: &str) {
        let text = func.to_string();
        assert_eq!(text.trim(), expect.trim(), "\n--- actual ---\n{text}");
        if let Err(errors) = verify(func) {
            panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
        }
    }

    #[test]
    fn builds_the_sum_of_square_roots() {
        let mut func = Function::new("sum_sqrt", vec![Type::INT64], Type::FLOAT64);
        let mut builder = FunctionBuilder::new(&mut func);
        let entry = builder.create_entry_block();
        builder.switch_to_block(entry);
        let n = builder.block_params(entry)[0];
        let zero = builder.iconst(ScalarType::Int64, 0);
        let one = builder.iconst(ScalarType::Int64, 1);
        let total = builder.fconst(ScalarType::Float64, 0.0);
        let range = LoopRange { start: zero, stop: n, step: one };
        let lp = builder.for_loop(range, &[total]);
        let after_loop = builder.position();
        builder.switch_to_block(lp.entry_block);
        let x = builder.convert(ScalarType::Float64, lp.induction_variable);
        let root = builder.call_intrinsic(Intrinsic::Sqrt, &[x]);
        let next = builder.fadd(lp.carried[0], root);
        builder.yield_(&[next]);
        builder.set_position(after_loop);
        builder.return_(lp.results[0]);
        check(
            &func,
            "
func @sum_sqrt(int64) -> float64 {
block0(v0: int64):
    v1 = iconst.int64 0
    v2 = iconst.int64 1
    v3 = fconst.float64 0.0
    v6 = for v1 to v0 step v2 iter_args(v3) -> float64 {
    block1(v4: int64, v5: float64):
        v7 = convert.float64 v4
        v8 = call_intrinsic sqrt(v7)
        v9 = fadd v5, v8
        yield v9
    }
    return v6
}",
        );
    }

    #[test]
    fn inserts_before_and_after() {
        let mut func = Function::new("f", vec![], Type::INT64);
        let mut builder = FunctionBuilder::new(&mut func);
        let entry = builder.create_entry_block();
        builder.switch_to_block(entry);
        let two = builder.iconst(ScalarType::Int64, 2);
        let ret = builder.return_(two);
        builder.position_before(ret);
        let four = builder.imul(two, two);
        let Some(four_inst) = builder.func.dfg.value_def(four).inst() else { unreachable!("a result") };
        builder.position_after(four_inst);
        let five = builder.iconst(ScalarType::Int64, 5);
        builder.func.dfg.inst_data_mut(ret).args = vec![five];
        assert_eq!(builder.current_block(), Some(entry));
        check(
            &func,
            "
func @f() -> int64 {
block0:
    v0 = iconst.int64 2
    v1 = imul v0, v0
    v2 = iconst.int64 5
    return v2
}",
        );
    }

    #[test]
    fn ill_typed_instructions_get_none_results_and_fail_verification() {
        let mut func = Function::new("f", vec![Type::INT64, Type::FLOAT64], Type::INT64);
        let mut builder = FunctionBuilder::new(&mut func);
        let entry = builder.create_entry_block();
        builder.switch_to_block(entry);
        let (a, b) = (builder.block_params(entry)[0], builder.block_params(entry)[1]);
        let sum = builder.iadd(a, b);
        assert_eq!(builder.value_type(sum), &Type::NoneType);
        builder.return_(sum);
        let errors = verify(&func).expect_err("ill-typed");
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "block0: `v2 = iadd v0, v1`: iadd needs two operands of one integer type, found (int64, float64)",
                "block0: `return v2`: return needs one operand of the function's return type int64, found (none)",
            ]
        );
    }
}
