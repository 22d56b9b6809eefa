//! A small interpreter of the IR: the reference semantics that tests hold passes to.
//!
//! Differential tests run a function before and after a pass on the same inputs and
//! compare results and printed output; `fold_constants` evaluates operations with the same
//! [`eval_pure`], so the IR's semantics for constants live in one place ([`scalar`]).
//!
//! Covered: every constant, integer, float and comparison opcode, `select`, `convert`,
//! tuples, `print` (collected, not written), calls between functions of a module (with a
//! depth limit; `try_call` catches the callee's `raise`, never the interpreter's own traps
//! such as its depth limit), `for` with Python `range` semantics, `parfor` (run in order by one
//! worker, each accumulator starting at its identity and combined with its initial value at
//! the end — one of the behaviours the IR allows), every terminator, complex addition,
//! subtraction, multiplication and (`complex128`) division, arrays ([`array`]: loads,
//! stores, allocation, views, refcounts with leak, double-free and use-after-free
//! detection), and the math intrinsics Rust's
//! standard library has (not `erf`, `erfc`, `gamma`, `lgamma`, nor complex transcendental
//! functions, nor `cpow`: those give [`Trap::Unsupported`]).
//!
//! Undefined behaviour of the IR (division by zero, out-of-range shifts and conversions,
//! reaching `unreachable`) stops the run with [`Trap::Undefined`]: a program that reaches it
//! may legitimately behave differently after optimisation. Runs are bounded by fuel (a
//! number of instructions) so random programs always stop.

pub mod array;
pub mod scalar;

use std::fmt;

use cranelift_entity::SecondaryMap;
use numjit_ir::{ExceptionKind, Function, Module, Opcode, OpcodeClass, ReduceOp, Region, Value};
use numjit_types::ScalarType;

pub use array::{BlockCounts, RuntimeArray};
pub use scalar::eval_pure;

/// A value at run time.
#[derive(Clone, Debug, PartialEq)]
pub enum RuntimeValue {
    /// `True` or `False`.
    Bool(bool),
    /// An integer of an integer type, within the type's range.
    Int(ScalarType, i128),
    /// A float; a `float32` is held exactly as an `f64`.
    Float(ScalarType, f64),
    /// A complex number's real and imaginary parts.
    Complex(ScalarType, f64, f64),
    /// `None`.
    None,
    /// A string.
    Str(String),
    /// A tuple.
    Tuple(Vec<RuntimeValue>),
    /// An array (a view into a refcounted block).
    Array(RuntimeArray),
}

fn float_text(value: f64) -> String {
    if value.is_nan() { "nan".to_owned() } else { format!("{value:?}") }
}

fn suffix(ty: ScalarType) -> &'static str {
    match ty {
        ScalarType::Bool => "b",
        ScalarType::Int8 => "i8",
        ScalarType::Int16 => "i16",
        ScalarType::Int32 => "i32",
        ScalarType::Int64 => "i64",
        ScalarType::UInt8 => "u8",
        ScalarType::UInt16 => "u16",
        ScalarType::UInt32 => "u32",
        ScalarType::UInt64 => "u64",
        ScalarType::Float32 => "f32",
        ScalarType::Float64 => "f64",
        ScalarType::Complex64 => "c64",
        ScalarType::Complex128 => "c128",
    }
}

impl fmt::Display for RuntimeValue {
    /// Python-like, with the type as a suffix: `-3_i64`, `0.5_f32`, `(1.0-2.0j)_c128`,
    /// `True`, `None`, `'text'`, `(1_i64, 2.0_f64)`. Every NaN prints as `nan`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuntimeValue::Bool(value) => f.write_str(if *value { "True" } else { "False" }),
            RuntimeValue::Int(ty, value) => write!(f, "{value}_{}", suffix(*ty)),
            RuntimeValue::Float(ty, value) => write!(f, "{}_{}", float_text(*value), suffix(*ty)),
            RuntimeValue::Complex(ty, re, im) => {
                let sign = if im.is_sign_negative() && !im.is_nan() { "-" } else { "+" };
                write!(f, "({}{sign}{}j)_{}", float_text(*re), float_text(im.abs()), suffix(*ty))
            }
            RuntimeValue::None => f.write_str("None"),
            RuntimeValue::Str(text) => write!(f, "{text:?}"),
            RuntimeValue::Tuple(items) => {
                f.write_str("(")?;
                for (item_idx, item) in items.iter().enumerate() {
                    if item_idx > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str(if items.len() == 1 { ",)" } else { ")" })
            }
            RuntimeValue::Array(array) => write!(f, "{array}"),
        }
    }
}

impl RuntimeValue {
    /// Whether two values are the same: equal types and bits, except that every NaN is the
    /// same as every other (the IR does not fix NaN payloads or signs of arithmetic).
    pub fn same_as(&self, other: &RuntimeValue) -> bool {
        let same_float = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits();
        match (self, other) {
            (RuntimeValue::Float(ty_a, a), RuntimeValue::Float(ty_b, b)) => {
                ty_a == ty_b && same_float(*a, *b)
            }
            (RuntimeValue::Complex(ty_a, re_a, im_a), RuntimeValue::Complex(ty_b, re_b, im_b)) => {
                ty_a == ty_b && same_float(*re_a, *re_b) && same_float(*im_a, *im_b)
            }
            (RuntimeValue::Tuple(a), RuntimeValue::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.same_as(b))
            }
            (RuntimeValue::Array(a), RuntimeValue::Array(b)) => {
                a.dtype == b.dtype
                    && a.shape == b.shape
                    && match (a.to_vec(), b.to_vec()) {
                        (Ok(a), Ok(b)) => a.len() == b.len() && a.iter().zip(&b).all(|(a, b)| a.same_as(b)),
                        _ => false,
                    }
            }
            (a, b) => a == b,
        }
    }

    fn as_bool(&self) -> Result<bool, Trap> {
        match self {
            RuntimeValue::Bool(value) => Ok(*value),
            other => Err(Trap::Malformed(format!("{other} is not a bool"))),
        }
    }

    fn as_int(&self) -> Result<(ScalarType, i128), Trap> {
        match self {
            RuntimeValue::Int(ty, value) => Ok((*ty, *value)),
            other => Err(Trap::Malformed(format!("{other} is not an integer"))),
        }
    }
}

/// Why a run stopped without returning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    /// A `raise` terminator: the Python exception the caller would see.
    Raise {
        /// The exception class.
        kind: ExceptionKind,
        /// The message.
        message: String,
    },
    /// The IR leaves what happens here undefined.
    Undefined(String),
    /// The interpreter does not implement this operation.
    Unsupported(String),
    /// The IR is malformed (the verifier would reject it).
    Malformed(String),
    /// The run used up its fuel.
    OutOfFuel,
    /// Calls nested deeper than the limit.
    RecursionLimit,
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trap::Raise { kind, message } => write!(f, "raise {}: {message}", kind.name()),
            Trap::Undefined(what) => write!(f, "undefined: {what}"),
            Trap::Unsupported(what) => write!(f, "unsupported: {what}"),
            Trap::Malformed(what) => write!(f, "malformed IR: {what}"),
            Trap::OutOfFuel => f.write_str("out of fuel"),
            Trap::RecursionLimit => f.write_str("recursion limit"),
        }
    }
}

impl Trap {
    /// Whether a run that stopped like this says nothing about the program's meaning
    /// (undefined behaviour, limits, unsupported operations): differential tests skip it.
    pub fn is_inconclusive(&self) -> bool {
        !matches!(self, Trap::Raise { .. })
    }
}

/// How a region's run ended.
enum RegionExit {
    Return(RuntimeValue),
    Yield(Vec<RuntimeValue>),
}

/// Runs functions of a module.
#[derive(Debug)]
pub struct Interpreter<'m> {
    module: &'m Module,
    /// Instructions left to execute.
    pub fuel: u64,
    /// The deepest call nesting allowed.
    pub max_depth: usize,
    depth: usize,
    /// What `print` wrote, one entry per line.
    pub output: Vec<String>,
    /// Array blocks allocated and freed so far.
    pub blocks: BlockCounts,
}

type Env = SecondaryMap<Value, Option<RuntimeValue>>;

impl<'m> Interpreter<'m> {
    /// An interpreter for `module` with a million instructions of fuel and calls 64 deep.
    pub fn new(module: &'m Module) -> Self {
        Interpreter {
            module,
            fuel: 1_000_000,
            max_depth: 64,
            depth: 0,
            output: Vec::new(),
            blocks: BlockCounts::default(),
        }
    }

    /// Calls the module's function `name`.
    pub fn call(&mut self, name: &str, args: &[RuntimeValue]) -> Result<RuntimeValue, Trap> {
        let module = self.module;
        let func = module
            .function(name)
            .ok_or_else(|| Trap::Malformed(format!("no function @{name} in the module")))?;
        self.call_function(func, args)
    }

    /// Calls `func` (whose callees are looked up in the module by name).
    pub fn call_function(&mut self, func: &Function, args: &[RuntimeValue]) -> Result<RuntimeValue, Trap> {
        if self.depth >= self.max_depth {
            return Err(Trap::RecursionLimit);
        }
        self.depth += 1;
        let mut env = Env::new();
        let result = self.run_region(func, &mut env, func.body, args.to_vec());
        self.depth -= 1;
        match result? {
            RegionExit::Return(value) => Ok(value),
            RegionExit::Yield(_) => Err(Trap::Malformed(format!("@{}: yield in the body region", func.name))),
        }
    }

    fn run_region(
        &mut self,
        func: &Function,
        env: &mut Env,
        region: Region,
        entry_args: Vec<RuntimeValue>,
    ) -> Result<RegionExit, Trap> {
        let mut block = func
            .layout
            .entry_block(region)
            .ok_or_else(|| Trap::Malformed(format!("{region} has no blocks")))?;
        let mut block_args = entry_args;
        // The exception an `invoke` or `throw` raised, until `resume` leaves with it.
        let mut raised: Option<Trap> = None;
        loop {
            let params = func.dfg.block_params(block);
            if params.len() != block_args.len() {
                return Err(Trap::Malformed(format!("{block} gets {} arguments", block_args.len())));
            }
            for (param, arg) in params.iter().zip(block_args.drain(..)) {
                env[*param] = Some(arg);
            }
            let mut next = None;
            for inst in func.layout.block_insts(block) {
                if self.fuel == 0 {
                    return Err(Trap::OutOfFuel);
                }
                self.fuel -= 1;
                let data = func.dfg.inst_data(inst);
                let read = |value: Value| -> Result<RuntimeValue, Trap> {
                    env[value]
                        .clone()
                        .ok_or_else(|| Trap::Malformed(format!("{value} read before it is set")))
                };
                let args: Vec<RuntimeValue> =
                    data.args.iter().map(|arg| read(*arg)).collect::<Result<_, _>>()?;
                let results: Vec<RuntimeValue> = match (&data.opcode, data.opcode.class()) {
                    (Opcode::Jump | Opcode::Brif, _) => {
                        let taken = match data.opcode {
                            Opcode::Brif => usize::from(
                                !args
                                    .first()
                                    .ok_or_else(|| Trap::Malformed("brif without a condition".into()))?
                                    .as_bool()?,
                            ),
                            _ => 0,
                        };
                        let target = data
                            .targets
                            .get(taken)
                            .ok_or_else(|| Trap::Malformed("missing branch target".into()))?;
                        let values =
                            target.args.iter().map(|arg| read(*arg)).collect::<Result<Vec<_>, _>>()?;
                        next = Some((target.block, values));
                        break;
                    }
                    (Opcode::Return, _) => {
                        return args
                            .into_iter()
                            .next()
                            .map(RegionExit::Return)
                            .ok_or_else(|| Trap::Malformed("return without a value".into()));
                    }
                    (Opcode::Yield, _) => return Ok(RegionExit::Yield(args)),
                    (Opcode::Raise { kind, message }, _) => {
                        return Err(Trap::Raise { kind: *kind, message: format_message(message, &args) });
                    }
                    (Opcode::Throw { kind, message }, _) => {
                        raised = Some(Trap::Raise { kind: *kind, message: format_message(message, &args) });
                        let target = data
                            .targets
                            .first()
                            .ok_or_else(|| Trap::Malformed("throw without a target".into()))?;
                        let values =
                            target.args.iter().map(|arg| read(*arg)).collect::<Result<Vec<_>, _>>()?;
                        next = Some((target.block, values));
                        break;
                    }
                    (Opcode::Resume, _) => {
                        return Err(raised.take().unwrap_or_else(|| {
                            Trap::Undefined("`resume` without a raised exception".into())
                        }));
                    }
                    (Opcode::Unreachable, _) => {
                        return Err(Trap::Undefined("reached `unreachable`".to_owned()));
                    }
                    (Opcode::Print, _) => {
                        let words: Vec<String> = args.iter().map(ToString::to_string).collect();
                        self.output.push(words.join(" "));
                        Vec::new()
                    }
                    (Opcode::Call(func_ref), _) => {
                        let decl = func
                            .func_decls
                            .get(*func_ref)
                            .ok_or_else(|| Trap::Malformed(format!("{func_ref} is not declared")))?;
                        let module = self.module;
                        let callee = module
                            .function(&decl.name)
                            .ok_or_else(|| Trap::Malformed(format!("no function @{}", decl.name)))?;
                        vec![self.call_function(callee, &args)?]
                    }
                    (Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref), _) => {
                        let decl = func
                            .func_decls
                            .get(*func_ref)
                            .ok_or_else(|| Trap::Malformed(format!("{func_ref} is not declared")))?;
                        let module = self.module;
                        let callee = module
                            .function(&decl.name)
                            .ok_or_else(|| Trap::Malformed(format!("no function @{}", decl.name)))?;
                        // Only exceptions are caught; the interpreter's own limits and
                        // undefined behaviour stay traps.
                        let taken = match self.call_function(callee, &args) {
                            Ok(value) => {
                                if let Some(result) = func.dfg.first_result(inst) {
                                    env[result] = Some(value);
                                }
                                0
                            }
                            Err(trap @ Trap::Raise { .. }) => {
                                if matches!(data.opcode, Opcode::Invoke(_)) {
                                    raised = Some(trap);
                                }
                                1
                            }
                            Err(trap) => return Err(trap),
                        };
                        let target = data
                            .targets
                            .get(taken)
                            .ok_or_else(|| Trap::Malformed("try_call needs two targets".into()))?;
                        let read = |value: Value| -> Result<RuntimeValue, Trap> {
                            env[value]
                                .clone()
                                .ok_or_else(|| Trap::Malformed(format!("{value} read before it is set")))
                        };
                        let values =
                            target.args.iter().map(|arg| read(*arg)).collect::<Result<Vec<_>, _>>()?;
                        next = Some((target.block, values));
                        break;
                    }
                    (Opcode::For, _) => {
                        let region = *data
                            .regions
                            .first()
                            .ok_or_else(|| Trap::Malformed("for without a region".into()))?;
                        self.run_for(func, env, region, &args)?
                    }
                    (Opcode::Parfor { n_dims, reductions }, _) => {
                        let region = *data
                            .regions
                            .first()
                            .ok_or_else(|| Trap::Malformed("parfor without a region".into()))?;
                        self.run_parfor(func, env, region, *n_dims as usize, reductions, &args)?
                    }
                    (opcode, OpcodeClass::Plain) => match array::eval(opcode, &args, &mut self.blocks) {
                        Some(results) => results?,
                        None => vec![eval_pure(opcode, &args)?],
                    },
                    (opcode, _) => return Err(Trap::Unsupported(format!("`{}`", opcode.name()))),
                };
                let result_values = func.dfg.inst_results(inst);
                if result_values.len() != results.len() {
                    return Err(Trap::Malformed(format!(
                        "`{}` produced {} values",
                        func.inst_to_string(inst),
                        results.len()
                    )));
                }
                for (result, value) in result_values.iter().zip(results) {
                    env[*result] = Some(value);
                }
            }
            match next {
                Some((target, values)) => {
                    block = target;
                    block_args = values;
                }
                None => return Err(Trap::Malformed(format!("{block} does not end in a terminator"))),
            }
        }
    }

    fn run_for(
        &mut self,
        func: &Function,
        env: &mut Env,
        region: Region,
        args: &[RuntimeValue],
    ) -> Result<Vec<RuntimeValue>, Trap> {
        let [start, stop, step, iter_args @ ..] = args else {
            return Err(Trap::Malformed("for needs start, stop and step".into()));
        };
        let ((ty, start), (_, stop), (_, step)) = (start.as_int()?, stop.as_int()?, step.as_int()?);
        if step == 0 {
            return Err(Trap::Undefined("for with a zero step".into()));
        }
        let mut carried = iter_args.to_vec();
        let mut index = start;
        while (step > 0 && index < stop) || (step < 0 && index > stop) {
            let mut entry_args = vec![RuntimeValue::Int(ty, index)];
            entry_args.extend(carried);
            carried = match self.run_region(func, env, region, entry_args)? {
                RegionExit::Yield(values) => values,
                RegionExit::Return(_) => return Err(Trap::Malformed("return inside a loop".into())),
            };
            index += step;
        }
        Ok(carried)
    }

    fn run_parfor(
        &mut self,
        func: &Function,
        env: &mut Env,
        region: Region,
        n_dims: usize,
        reductions: &[ReduceOp],
        args: &[RuntimeValue],
    ) -> Result<Vec<RuntimeValue>, Trap> {
        if args.len() != 3 * n_dims + 2 * reductions.len() {
            return Err(Trap::Malformed("parfor operand count".into()));
        }
        let mut dims = Vec::new();
        for range in args[..3 * n_dims].chunks_exact(3) {
            let ((ty, start), (_, stop), (_, step)) =
                (range[0].as_int()?, range[1].as_int()?, range[2].as_int()?);
            if step == 0 {
                return Err(Trap::Undefined("parfor with a zero step".into()));
            }
            let values: Vec<i128> = if step > 0 {
                (0..).map(|k| start + k * step).take_while(|index| *index < stop).collect()
            } else {
                (0..).map(|k| start + k * step).take_while(|index| *index > stop).collect()
            };
            if values.len() as u64 > self.fuel {
                return Err(Trap::OutOfFuel);
            }
            dims.push((ty, values));
        }
        let pairs = &args[3 * n_dims..];
        let mut accumulators: Vec<RuntimeValue> = pairs.chunks_exact(2).map(|pair| pair[1].clone()).collect();
        // Row-major walk over the iteration space.
        let mut position = vec![0usize; n_dims];
        if dims.iter().all(|(_, values)| !values.is_empty()) {
            'iterations: loop {
                let mut entry_args: Vec<RuntimeValue> = dims
                    .iter()
                    .zip(&position)
                    .map(|((ty, values), at)| RuntimeValue::Int(*ty, values[*at]))
                    .collect();
                entry_args.extend(accumulators);
                accumulators = match self.run_region(func, env, region, entry_args)? {
                    RegionExit::Yield(values) => values,
                    RegionExit::Return(_) => return Err(Trap::Malformed("return inside a loop".into())),
                };
                let mut dim = n_dims;
                loop {
                    if dim == 0 {
                        break 'iterations;
                    }
                    dim -= 1;
                    position[dim] += 1;
                    if position[dim] < dims[dim].1.len() {
                        break;
                    }
                    position[dim] = 0;
                }
            }
        }
        reductions
            .iter()
            .zip(pairs.chunks_exact(2))
            .zip(accumulators)
            .map(|((op, pair), accumulator)| combine(*op, &pair[0], &accumulator))
            .collect()
    }
}

/// Combines two partial results of a reduction.
fn combine(op: ReduceOp, a: &RuntimeValue, b: &RuntimeValue) -> Result<RuntimeValue, Trap> {
    use RuntimeValue as V;
    let opcode = match (op, a) {
        (ReduceOp::Add, V::Int(..)) => Opcode::Iadd,
        (ReduceOp::Add, V::Float(..)) => Opcode::Fadd,
        (ReduceOp::Add, V::Complex(..)) => Opcode::Cadd,
        (ReduceOp::Mul, V::Int(..)) => Opcode::Imul,
        (ReduceOp::Mul, V::Float(..)) => Opcode::Fmul,
        (ReduceOp::Mul, V::Complex(..)) => Opcode::Cmul,
        (ReduceOp::And, _) => Opcode::Iand,
        (ReduceOp::Or, _) => Opcode::Ior,
        (ReduceOp::Xor, _) => Opcode::Ixor,
        (ReduceOp::Min | ReduceOp::Max, _) => {
            let less = match (a, b) {
                (V::Int(_, x), V::Int(_, y)) => x < y,
                (V::Float(_, x), V::Float(_, y)) => x < y,
                _ => return Err(Trap::Malformed(format!("{} of {a} and {b}", op.name()))),
            };
            let take_a = if op == ReduceOp::Min { less } else { !less };
            return Ok(if take_a { a.clone() } else { b.clone() });
        }
        _ => return Err(Trap::Malformed(format!("{} of {a}", op.name()))),
    };
    eval_pure(&opcode, &[a.clone(), b.clone()])
}

/// An exception message: each `{}` of `template` replaced by the next operand.
fn format_message(template: &str, args: &[RuntimeValue]) -> String {
    if args.is_empty() {
        return template.to_string();
    }
    let mut pieces = template.split("{}");
    let mut text = pieces.next().unwrap_or_default().to_string();
    for (piece, arg) in pieces.zip(args) {
        match arg {
            RuntimeValue::Int(_, value) => text.push_str(&value.to_string()),
            other => text.push_str(&other.to_string()),
        }
        text.push_str(piece);
    }
    text
}

#[cfg(test)]
mod tests {
    use numjit_ir::parse_module;

    use super::*;

    fn run(text: &str, name: &str, args: &[RuntimeValue]) -> String {
        let module = parse_module(text).expect("parses");
        let mut interpreter = Interpreter::new(&module);
        let result = match interpreter.call(name, args) {
            Ok(value) => value.to_string(),
            Err(trap) => format!("trap: {trap}"),
        };
        let mut lines = interpreter.output;
        lines.push(result);
        lines.join("\n")
    }

    #[test]
    fn runs_loops_calls_and_prints() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../numjit_ir/test_data/ok/module_calls.nir"
        ))
        .expect("corpus file");
        assert_eq!(run(&text, "fib", &[RuntimeValue::Int(ScalarType::Int64, 10)]), "55_i64");
        assert_eq!(run(&text, "is_even", &[RuntimeValue::Int(ScalarType::UInt32, 7)]), "False");
        assert_eq!(run(&text, "<lambda>", &[]), "\"fib(10) =\" 55_i64\nNone");
        let for_in_while = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../numjit_ir/test_data/ok/for_inside_cfg_loop.nir"
        ))
        .expect("corpus file");
        // k = 7: i in 7..1 multiples of 3: 6, 3; k = 5: 3; k = 3: 3; k = 1: none → 15.
        assert_eq!(run(&for_in_while, "for_in_while", &[RuntimeValue::Int(ScalarType::Int64, 7)]), "15_i64");
    }

    #[test]
    fn runs_parfor_reductions() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../numjit_ir/test_data/ok/parfor_reduction.nir"
        ))
        .expect("corpus file");
        assert_eq!(run(&text, "parfor_sum", &[RuntimeValue::Int(ScalarType::Int64, 4)]), "(14.0_f64, 3_i64)");
        assert_eq!(
            run(&text, "parfor_sum", &[RuntimeValue::Int(ScalarType::Int64, 0)]),
            "(0.0_f64, -9223372036854775808_i64)"
        );
    }

    #[test]
    fn runs_array_ops_and_counts_blocks() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../numjit_ir/test_data/ok/arrays.nir"
        ))
        .expect("corpus file");
        let module = parse_module(&text).expect("parses");
        let float = |value: f64| RuntimeValue::Float(ScalarType::Float64, value);
        let matrix = RuntimeArray::from_elements(
            ScalarType::Float64,
            &[2, 3],
            (0..6).map(|v| float(v.into())).collect(),
        );
        let ints = RuntimeArray::from_elements(
            ScalarType::Int32,
            &[2],
            vec![RuntimeValue::Int(ScalarType::Int32, 10), RuntimeValue::Int(ScalarType::Int32, 20)],
        );
        let mut interpreter = Interpreter::new(&module);
        let result = interpreter
            .call("module.arrays", &[RuntimeValue::Array(matrix.clone()), RuntimeValue::Array(ints)])
            .expect("runs");
        // a[0, 0] += ints[0]; the result's element 0 is row 0's element 0 (the view is row 0).
        assert_eq!(matrix.get(&[0, 0]), Ok(float(10.0)));
        let RuntimeValue::Array(result) = result else { panic!("an array") };
        assert_eq!(result.shape, vec![3]);
        assert_eq!(result.get(&[0]), Ok(float(10.0)));
        // Two blocks allocated, the zeroed one freed, the returned one alive.
        assert_eq!(interpreter.blocks, BlockCounts { allocated: 2, freed: 1 });
        assert_eq!(result.block.as_ref().map(|block| block.refcount()), Some(1));
    }

    #[test]
    fn views_of_another_dtype_read_and_write_parts() {
        // `z.imag` of a complex128 vector doubled in place, then `a.view(np.int64)` read back.
        let text = "func @imag(array(complex128, 1d, C)) -> float64 {
block0(v0: array(complex128, 1d, C)):
    v1 = iconst.int64 8
    v2 = array_dim v0, 0
    v3 = array_stride v0, 0
    v4 = array_view.A.float64 v0, v1, v2, v3
    v5 = iconst.int64 1
    v6 = array_load v4, v5
    v7 = fadd v6, v6
    array_store v4, v5, v7
    v8 = array_load v0, v5
    v9 = creal v8
    v10 = fadd v9, v7
    return v10
}
func @bits(array(float64, 1d, C)) -> int64 {
block0(v0: array(float64, 1d, C)):
    v1 = iconst.int64 0
    v2 = array_dim v0, 0
    v3 = array_stride v0, 0
    v4 = array_view.C.int64 v0, v1, v2, v3
    v5 = array_load v4, v1
    return v5
}";
        let module = parse_module(text).expect("parses");
        assert!(module.to_string().contains("array_view.A.float64 v0, v1, v2, v3"));
        let complex = |re: f64, im: f64| RuntimeValue::Complex(ScalarType::Complex128, re, im);
        let z = RuntimeArray::from_elements(
            ScalarType::Complex128,
            &[2],
            vec![complex(1.0, 2.0), complex(3.0, -4.0)],
        );
        let mut interpreter = Interpreter::new(&module);
        let result = interpreter.call("imag", &[RuntimeValue::Array(z.clone())]).expect("runs");
        assert_eq!(result, RuntimeValue::Float(ScalarType::Float64, -5.0));
        assert_eq!(z.get(&[1]), Ok(complex(3.0, -8.0)));
        let floats = RuntimeArray::from_elements(
            ScalarType::Float64,
            &[1],
            vec![RuntimeValue::Float(ScalarType::Float64, -0.0)],
        );
        assert_eq!(run(text, "bits", &[RuntimeValue::Array(floats)]), format!("{}_i64", i64::MIN));
    }

    #[test]
    fn array_misuse_is_undefined() {
        let text = "func @f(int64) -> float64 {
block0(v0: int64):
    v1 = array_alloc_zeroed.float64 v0
    array_decref v1
    v2 = iconst.int64 0
    v3 = array_load v1, v2
    return v3
}
func @g() -> none {
block0:
    v0 = iconst.int64 2
    v1 = array_alloc.int8 v0
    array_decref v1
    array_decref v1
    v2 = noneconst
    return v2
}
func @h(int64) -> float64 {
block0(v0: int64):
    v1 = array_alloc_zeroed.float64 v0
    v2 = array_load v1, v0
    array_decref v1
    return v2
}";
        assert_eq!(
            run(text, "f", &[RuntimeValue::Int(ScalarType::Int64, 3)]),
            "trap: undefined: use of a freed array"
        );
        assert_eq!(run(text, "g", &[]), "trap: undefined: use of a freed array");
        assert_eq!(
            run(text, "h", &[RuntimeValue::Int(ScalarType::Int64, 3)]),
            "trap: undefined: array index 3 outside 0..3"
        );
        assert_eq!(
            run(text, "f", &[RuntimeValue::Int(ScalarType::Int64, -1)]),
            "trap: raise ValueError: negative dimensions are not allowed"
        );
    }

    #[test]
    fn stops_on_raise_undefined_and_fuel() {
        let text = "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 0
    v2 = icmp eq v0, v1
    brif v2, block1, block2
block1:
    raise ZeroDivisionError \"division by zero\"
block2:
    v3 = iconst.int64 10
    v4 = ifloordiv v3, v0
    return v4
}
func @spin() -> int64 {
block0:
    v0 = bconst true
    jump block1
block1:
    brif v0, block1, block2
block2:
    v1 = iconst.int64 0
    return v1
}";
        assert_eq!(
            run(text, "f", &[RuntimeValue::Int(ScalarType::Int64, 0)]),
            "trap: raise ZeroDivisionError: division by zero"
        );
        assert_eq!(run(text, "f", &[RuntimeValue::Int(ScalarType::Int64, -3)]), "-4_i64");
        assert_eq!(run(text, "spin", &[]), "trap: out of fuel");
        let module = parse_module(text).expect("parses");
        let mut interpreter = Interpreter::new(&module);
        interpreter.max_depth = 0;
        assert_eq!(interpreter.call("spin", &[]), Err(Trap::RecursionLimit));
    }
}
