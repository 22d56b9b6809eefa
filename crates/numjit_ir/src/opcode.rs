//! [`Opcode`]: every operation of the IR in one enum, with the immediates it carries.
//!
//! An instruction is an opcode plus value operands, branch targets and owned regions (see
//! [`InstData`](crate::InstData)). Each opcode's typing rule — which operand types it accepts
//! and which result types it produces — is [`Opcode::result_types`] (in `typing.rs`); the
//! builder, the text parser and the verifier all use that one rule.
//!
//! Semantics that differ between Python, C and LLVM are spelled out per opcode. Where Python
//! raises (division by zero, negative integer powers), the IR operation has no defined result
//! and lowering inserts the check and the `raise` before it, as Numba does.

use std::fmt;

use numjit_types::{ArrayType, Layout as ArrayLayout, ScalarType};

use crate::{FuncRef, Intrinsic};

/// Integer comparison condition. Signedness comes from the operand type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntCC {
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
    /// `<`
    LessThan,
    /// `<=`
    LessThanOrEqual,
    /// `>`
    GreaterThan,
    /// `>=`
    GreaterThanOrEqual,
}

impl IntCC {
    /// Every condition, in declaration order.
    pub const ALL: [IntCC; 6] = [
        IntCC::Equal,
        IntCC::NotEqual,
        IntCC::LessThan,
        IntCC::LessThanOrEqual,
        IntCC::GreaterThan,
        IntCC::GreaterThanOrEqual,
    ];

    /// The text spelling (`eq`, `ne`, `lt`, `le`, `gt`, `ge`).
    pub fn name(self) -> &'static str {
        match self {
            IntCC::Equal => "eq",
            IntCC::NotEqual => "ne",
            IntCC::LessThan => "lt",
            IntCC::LessThanOrEqual => "le",
            IntCC::GreaterThan => "gt",
            IntCC::GreaterThanOrEqual => "ge",
        }
    }

    /// The condition with this text spelling.
    pub fn from_name(name: &str) -> Option<IntCC> {
        IntCC::ALL.into_iter().find(|cc| cc.name() == name)
    }
}

/// Float comparison condition, with Python's treatment of NaN: every condition is false
/// when an operand is NaN except `ne` (Python's `nan != nan` is `True`) and `uno`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatCC {
    /// `==`, false if unordered.
    Equal,
    /// `!=`, true if unordered.
    NotEqual,
    /// `<`, false if unordered.
    LessThan,
    /// `<=`, false if unordered.
    LessThanOrEqual,
    /// `>`, false if unordered.
    GreaterThan,
    /// `>=`, false if unordered.
    GreaterThanOrEqual,
    /// Neither operand is NaN.
    Ordered,
    /// At least one operand is NaN.
    Unordered,
}

impl FloatCC {
    /// Every condition, in declaration order.
    pub const ALL: [FloatCC; 8] = [
        FloatCC::Equal,
        FloatCC::NotEqual,
        FloatCC::LessThan,
        FloatCC::LessThanOrEqual,
        FloatCC::GreaterThan,
        FloatCC::GreaterThanOrEqual,
        FloatCC::Ordered,
        FloatCC::Unordered,
    ];

    /// The text spelling (`eq`, `ne`, `lt`, `le`, `gt`, `ge`, `ord`, `uno`).
    pub fn name(self) -> &'static str {
        match self {
            FloatCC::Equal => "eq",
            FloatCC::NotEqual => "ne",
            FloatCC::LessThan => "lt",
            FloatCC::LessThanOrEqual => "le",
            FloatCC::GreaterThan => "gt",
            FloatCC::GreaterThanOrEqual => "ge",
            FloatCC::Ordered => "ord",
            FloatCC::Unordered => "uno",
        }
    }

    /// The condition with this text spelling.
    pub fn from_name(name: &str) -> Option<FloatCC> {
        FloatCC::ALL.into_iter().find(|cc| cc.name() == name)
    }
}

/// The Python exception class a `raise` terminator raises in the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs, reason = "each variant is the Python class of that name")]
pub enum ExceptionKind {
    Exception,
    ArithmeticError,
    AssertionError,
    IndexError,
    KeyError,
    LookupError,
    MemoryError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopIteration,
    TypeError,
    UnboundLocalError,
    ValueError,
    ZeroDivisionError,
}

impl ExceptionKind {
    /// Every kind, in declaration order.
    pub const ALL: [ExceptionKind; 16] = [
        ExceptionKind::Exception,
        ExceptionKind::ArithmeticError,
        ExceptionKind::AssertionError,
        ExceptionKind::IndexError,
        ExceptionKind::KeyError,
        ExceptionKind::LookupError,
        ExceptionKind::MemoryError,
        ExceptionKind::NotImplementedError,
        ExceptionKind::OverflowError,
        ExceptionKind::RecursionError,
        ExceptionKind::RuntimeError,
        ExceptionKind::StopIteration,
        ExceptionKind::TypeError,
        ExceptionKind::UnboundLocalError,
        ExceptionKind::ValueError,
        ExceptionKind::ZeroDivisionError,
    ];

    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            ExceptionKind::Exception => "Exception",
            ExceptionKind::ArithmeticError => "ArithmeticError",
            ExceptionKind::AssertionError => "AssertionError",
            ExceptionKind::IndexError => "IndexError",
            ExceptionKind::KeyError => "KeyError",
            ExceptionKind::LookupError => "LookupError",
            ExceptionKind::MemoryError => "MemoryError",
            ExceptionKind::NotImplementedError => "NotImplementedError",
            ExceptionKind::OverflowError => "OverflowError",
            ExceptionKind::RecursionError => "RecursionError",
            ExceptionKind::RuntimeError => "RuntimeError",
            ExceptionKind::StopIteration => "StopIteration",
            ExceptionKind::TypeError => "TypeError",
            ExceptionKind::UnboundLocalError => "UnboundLocalError",
            ExceptionKind::ValueError => "ValueError",
            ExceptionKind::ZeroDivisionError => "ZeroDivisionError",
        }
    }

    /// The kind with this Python class name.
    pub fn from_name(name: &str) -> Option<ExceptionKind> {
        ExceptionKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// How a `parfor` reduction combines partial results. Partial results of different threads
/// combine in an unspecified order (float sums are reassociated, as in Numba).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    /// `+` on integers (wrapping), floats or complex numbers; identity 0.
    Add,
    /// `*` on integers (wrapping), floats or complex numbers; identity 1.
    Mul,
    /// The smaller of two integers or floats (NaN propagation unspecified).
    Min,
    /// The larger of two integers or floats (NaN propagation unspecified).
    Max,
    /// Bitwise and of integers or bools.
    And,
    /// Bitwise or of integers or bools.
    Or,
    /// Bitwise xor of integers or bools.
    Xor,
}

impl ReduceOp {
    /// Every operator, in declaration order.
    pub const ALL: [ReduceOp; 7] = [
        ReduceOp::Add,
        ReduceOp::Mul,
        ReduceOp::Min,
        ReduceOp::Max,
        ReduceOp::And,
        ReduceOp::Or,
        ReduceOp::Xor,
    ];

    /// The text spelling.
    pub fn name(self) -> &'static str {
        match self {
            ReduceOp::Add => "add",
            ReduceOp::Mul => "mul",
            ReduceOp::Min => "min",
            ReduceOp::Max => "max",
            ReduceOp::And => "and",
            ReduceOp::Or => "or",
            ReduceOp::Xor => "xor",
        }
    }

    /// The operator with this text spelling.
    pub fn from_name(name: &str) -> Option<ReduceOp> {
        ReduceOp::ALL.into_iter().find(|op| op.name() == name)
    }

    /// Whether the operator combines values of scalar type `ty`.
    pub fn accepts(self, ty: ScalarType) -> bool {
        match self {
            ReduceOp::Add | ReduceOp::Mul => ty.is_integer() || ty.is_float() || ty.is_complex(),
            ReduceOp::Min | ReduceOp::Max => ty.is_integer() || ty.is_float(),
            ReduceOp::And | ReduceOp::Or | ReduceOp::Xor => ty.is_integer() || ty == ScalarType::Bool,
        }
    }
}

/// An operation, with the immediates (constants, condition codes, callee, ...) it carries.
///
/// Value operands, branch targets and owned regions live beside it in
/// [`InstData`](crate::InstData); the comment on each variant gives their shape.
/// Integer operations wrap (two's complement) like Numba's; "undefined" results below mean
/// any value of the type may come out, never that the program may misbehave otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Opcode {
    // ---- constants (no operands, one result) ----
    /// An integer constant of integer type `ty`; `value` must fit the type.
    Iconst {
        /// The integer type of the result.
        ty: ScalarType,
        /// The mathematical value.
        value: i128,
    },
    /// A float constant. `bits` are the IEEE bits of the value as an `f64`; a `float32`
    /// constant holds a value exactly representable as `f32`.
    Fconst {
        /// The float type of the result.
        ty: ScalarType,
        /// `f64::to_bits` of the value.
        bits: u64,
    },
    /// A complex constant, parts stored like [`Opcode::Fconst`]'s value.
    Cconst {
        /// The complex type of the result.
        ty: ScalarType,
        /// `f64::to_bits` of the real part.
        real_bits: u64,
        /// `f64::to_bits` of the imaginary part.
        imag_bits: u64,
    },
    /// `True` or `False`.
    Bconst(bool),
    /// `None`.
    NoneConst,
    /// A string literal (for `print`).
    Sconst(Box<str>),

    // ---- integer arithmetic: operands of one integer type, result of that type ----
    /// Wrapping addition.
    Iadd,
    /// Wrapping subtraction.
    Isub,
    /// Wrapping multiplication.
    Imul,
    /// Wrapping negation (one operand).
    Ineg,
    /// Python `//`: quotient rounded toward negative infinity. Undefined for a zero divisor.
    IfloorDiv,
    /// Python `%`: remainder with the sign of the divisor. Undefined for a zero divisor.
    Imod,
    /// C division, rounding toward zero. Undefined for a zero divisor.
    Idiv,
    /// C remainder, with the sign of the dividend. Undefined for a zero divisor.
    Irem,
    /// Shift left. Undefined for amounts outside `0..bits`.
    Ishl,
    /// Shift right: arithmetic for signed types, logical for unsigned ones. Undefined for
    /// amounts outside `0..bits`.
    Ishr,
    /// Bitwise and; also on `bool`.
    Iand,
    /// Bitwise or; also on `bool`.
    Ior,
    /// Bitwise xor; also on `bool`.
    Ixor,
    /// Bitwise not (one operand); on `bool` it is logical not.
    Inot,
    /// Integer power by squaring, wrapping. Undefined for a negative exponent.
    Ipow,

    // ---- float arithmetic: operands of one float type, IEEE results ----
    /// Addition.
    Fadd,
    /// Subtraction.
    Fsub,
    /// Multiplication.
    Fmul,
    /// True division (IEEE: `x / 0.0` is an infinity or NaN).
    Fdiv,
    /// Python `//` on floats: `floor(x / y)` computed as CPython's `float.__floordiv__`.
    FfloorDiv,
    /// Python `%` on floats: remainder with the sign of the divisor.
    Fmod,
    /// C `fmod` (`math.fmod`): remainder with the sign of the dividend.
    Frem,
    /// `x ** y` (C `pow`).
    Fpow,
    /// Negation (one operand).
    Fneg,

    // ---- complex arithmetic ----
    /// Addition of two complex numbers of one type.
    Cadd,
    /// Subtraction.
    Csub,
    /// Multiplication.
    Cmul,
    /// Division (Python's algorithm).
    Cdiv,
    /// `z ** w`.
    Cpow,
    /// Negation (one operand).
    Cneg,
    /// Complex conjugate (one operand).
    Cconj,
    /// The real part (one complex operand; result of the real type of that precision).
    Creal,
    /// The imaginary part.
    Cimag,
    /// A complex number from a real and an imaginary part of one float type.
    Cmake,

    // ---- comparisons and selection ----
    /// Compare two integers (or bools) of one type; result `bool`.
    Icmp(IntCC),
    /// Compare two floats of one type; result `bool`. Complex operands allow `eq`/`ne` only.
    Fcmp(FloatCC),
    /// `select cond, a, b`: `a` if the bool `cond` is true, else `b`; any type.
    Select,

    // ---- conversions ----
    /// Convert one scalar to scalar type `to` (any pair, `from` is the operand's type):
    /// integers wrap or extend by sign; float to integer truncates toward zero (undefined
    /// outside the target range); to bool is `!= 0`; complex to real takes the real part.
    Convert(ScalarType),

    // ---- calls ----
    /// Call a function declared in the preamble; operands are the arguments, one result.
    Call(FuncRef),
    /// Call a math intrinsic; operands are the arguments, one result.
    CallIntrinsic(Intrinsic),
    /// `v = try_call fnN(args), normal(...), handler(...)`: a terminator that calls a
    /// declared function and catches what it raises. Operands are the arguments; one result,
    /// the callee's return value, and two targets. If the callee returns, control goes to
    /// the first target (the normal edge); the result is defined on that edge only, so it
    /// may appear in the first target's arguments and nowhere else. If the callee raises,
    /// the exception is caught and discarded — what `except:` and `except Exception:` do,
    /// which bind no exception object — and control goes to the second target (the handler
    /// edge), whose arguments cannot mention the result.
    TryCall(FuncRef),
    /// `v = invoke fnN(args), normal(...), unwind(...)`: a terminator like `try_call`, except
    /// that what the callee raises stays raised. The unwind edge is how a caller that holds
    /// references releases them before the exception leaves it: the code it leads to may
    /// only release references (`array_decref`) and branch, and must end in `resume`.
    Invoke(FuncRef),

    // ---- tuples ----
    /// Build a tuple of the operands.
    TupleMake,
    /// Element `index` of the tuple operand.
    TupleGet(u32),

    // ---- arrays ----
    // An array value is the array struct of `numjit_abi` (meminfo, data, shape, strides).
    // Refcounting is explicit: only `array_alloc` creates a reference and only
    // `array_incref`/`array_decref` change counts; views share their base's block.
    /// `array_dim a, K`: the extent of axis `K` of array `a`, as `int64`.
    ArrayDim(u32),
    /// `array_stride a, K`: the byte stride of axis `K` of array `a`, as `int64`.
    ArrayStride(u32),
    /// `array_load a, i0, ..., i{n-1}`: the element at `int64` indices, one per axis, each
    /// in `0..extent` (lowering wraps negative indices and checks bounds; an index out of
    /// range is undefined behaviour).
    ArrayLoad,
    /// `array_store a, i0, ..., i{n-1}, v`: stores `v` (of the dtype) at in-range indices of
    /// a writable array.
    ArrayStore,
    /// `array_alloc.DTYPE d0, ..., d{n-1}`: a new C-contiguous array of `int64` extents with
    /// its own block (refcount 1), uninitialised, or zeroed for `array_alloc_zeroed`. When it
    /// runs, a negative extent raises ValueError and a size that cannot be had ValueError or
    /// MemoryError; an allocation whose result is unused may be removed, so lowering checks
    /// the extents a program must reject before allocating.
    ArrayAlloc {
        /// The element type.
        dtype: ScalarType,
        /// Whether the elements start as zero.
        zeroed: bool,
    },
    /// `array_view.LAYOUT a, offset, d0..d{n-1}, s0..s{n-1}`: an `n`-dimensional view of
    /// `a`'s memory starting `offset` bytes after `a`'s data, with the given extents and byte
    /// strides (all `int64`); shares `a`'s block without changing its count. The caller
    /// guarantees the view stays inside `a`'s memory and that `LAYOUT` holds.
    /// `array_view.LAYOUT.DTYPE` reads the same memory as elements of another dtype
    /// (`z.real`, `a.view(np.int64)`); the caller also guarantees every element's bytes
    /// lie inside `a`'s memory and are aligned for `DTYPE`.
    ArrayView(ViewSpec),
    /// `array_incref a`: adds an owner to `a`'s block (nothing for borrowed arrays).
    ArrayIncref,
    /// `array_decref a`: drops an owner of `a`'s block, freeing it with the last one.
    ArrayDecref,
    /// `array_null TYPE`: an empty array of array type `TYPE` that owns nothing (null block,
    /// null data, zero extents): the value of an array variable not assigned yet.
    ArrayNull(ArrayType),
    /// `array_const.DTYPE (d0, ..., d{n-1}), "hex bytes"`: a readonly C-contiguous array
    /// whose elements are the constant's (little-endian, C order); it owns nothing (null
    /// block, like a borrowed array), and its memory lives as long as the compiled code (a
    /// global array frozen at compile time, as Numba freezes them).
    ArrayConst(std::sync::Arc<numjit_types::ArrayConstant>),
    /// `array_matmul a, b, c`: `c = a @ b` for 2-d arrays of one dtype, `a` of `m × k`,
    /// `b` of `k × n` and a writable `c` of `m × n` that overlaps neither (lowering checks
    /// the extents); through the runtime's GEMM kernels.
    ArrayMatmul,

    // ---- side effects ----
    /// Print the operands separated by spaces and a newline, like Python's `print`.
    Print,

    // ---- terminators ----
    /// Jump to one target, passing its block arguments.
    Jump,
    /// `brif cond, then_target, else_target`: one bool operand and two targets.
    Brif,
    /// Return the one operand from the function; only in the function's body region.
    Return,
    /// End an iteration of the enclosing structured op, passing its next carried values;
    /// only in a structured op's region.
    Yield,
    /// Raise a Python exception in the caller. Without operands the message is used as it
    /// is; with operands (all `int64`, one per `{}` in the message) each `{}` is replaced
    /// by the next operand in decimal.
    Raise {
        /// The exception class.
        kind: ExceptionKind,
        /// The exception message.
        message: Box<str>,
    },
    /// `throw Kind "message", target(...)`: raises like `raise` (same operands and message
    /// rules) but, instead of leaving, branches to one target, the unwind code of an
    /// enclosing `invoke` that was inlined here; that code ends in `resume`.
    Throw {
        /// The exception class.
        kind: ExceptionKind,
        /// The exception message.
        message: Box<str>,
    },
    /// Leave the function with the exception that is raised now: the one an `invoke`'s
    /// unwind edge or a `throw` led here with. Reaching it otherwise is undefined.
    Resume,
    /// Control never reaches this point.
    Unreachable,

    // ---- structured loops: own one region ----
    /// A counted loop with Python `range` semantics.
    ///
    /// Operands: `start, stop, step` (one integer type, `step != 0`, may be negative), then
    /// the initial values of the loop-carried values. The region's entry block has the
    /// parameters `(induction_variable, carried...)`; every exit path of the region ends in
    /// `yield next_carried...` (or raises). The results are the final carried values (the
    /// initial ones if the loop runs zero times).
    For,
    /// A parallel loop over the Cartesian product of `n_dims` ranges.
    ///
    /// Operands: `start, stop, step` for each dimension, then `init, identity` for each
    /// reduction. The region's entry block has the parameters `(index per dimension,
    /// accumulator per reduction)`; each path ends in `yield next_accumulators...`.
    /// Iterations may run in any order and concurrently: each worker starts its accumulators
    /// at the identities, and result `k` is `init_k` combined with every worker's partial
    /// result by `reductions[k]`.
    Parfor {
        /// The number of dimensions of the iteration space (at least 1).
        n_dims: u32,
        /// One combining operator per reduction.
        reductions: Vec<ReduceOp>,
    },
}

/// What an `array_view` makes: its layout, and the element type when it differs from the
/// viewed array's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ViewSpec {
    /// The layout the view's type claims.
    pub layout: ArrayLayout,
    /// The view's element type; `None` keeps the viewed array's.
    pub dtype: Option<ScalarType>,
}

impl From<ArrayLayout> for ViewSpec {
    fn from(layout: ArrayLayout) -> ViewSpec {
        ViewSpec { layout, dtype: None }
    }
}

/// The broad class of an opcode, which fixes how many targets and regions it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpcodeClass {
    /// An ordinary instruction: neither a terminator nor a structured op.
    Plain,
    /// A terminator that branches to blocks (`jump`, `brif`, `try_call`).
    Branch,
    /// A terminator that leaves its region without branching (`return`, `yield`, `raise`,
    /// `unreachable`).
    Exit,
    /// A structured op that owns one region (`for`, `parfor`).
    Structured,
}

impl Opcode {
    /// The mnemonic in the text format (`iadd`, `call_intrinsic`, `for`). Typed constants and
    /// `convert` print a `.type` suffix after it.
    pub fn name(&self) -> &'static str {
        match self {
            Opcode::Iconst { .. } => "iconst",
            Opcode::Fconst { .. } => "fconst",
            Opcode::Cconst { .. } => "cconst",
            Opcode::Bconst(_) => "bconst",
            Opcode::NoneConst => "noneconst",
            Opcode::Sconst(_) => "sconst",
            Opcode::Iadd => "iadd",
            Opcode::Isub => "isub",
            Opcode::Imul => "imul",
            Opcode::Ineg => "ineg",
            Opcode::IfloorDiv => "ifloordiv",
            Opcode::Imod => "imod",
            Opcode::Idiv => "idiv",
            Opcode::Irem => "irem",
            Opcode::Ishl => "ishl",
            Opcode::Ishr => "ishr",
            Opcode::Iand => "iand",
            Opcode::Ior => "ior",
            Opcode::Ixor => "ixor",
            Opcode::Inot => "inot",
            Opcode::Ipow => "ipow",
            Opcode::Fadd => "fadd",
            Opcode::Fsub => "fsub",
            Opcode::Fmul => "fmul",
            Opcode::Fdiv => "fdiv",
            Opcode::FfloorDiv => "ffloordiv",
            Opcode::Fmod => "fmod",
            Opcode::Frem => "frem",
            Opcode::Fpow => "fpow",
            Opcode::Fneg => "fneg",
            Opcode::Cadd => "cadd",
            Opcode::Csub => "csub",
            Opcode::Cmul => "cmul",
            Opcode::Cdiv => "cdiv",
            Opcode::Cpow => "cpow",
            Opcode::Cneg => "cneg",
            Opcode::Cconj => "cconj",
            Opcode::Creal => "creal",
            Opcode::Cimag => "cimag",
            Opcode::Cmake => "cmake",
            Opcode::Icmp(_) => "icmp",
            Opcode::Fcmp(_) => "fcmp",
            Opcode::Select => "select",
            Opcode::Convert(_) => "convert",
            Opcode::Call(_) => "call",
            Opcode::CallIntrinsic(_) => "call_intrinsic",
            Opcode::TryCall(_) => "try_call",
            Opcode::Invoke(_) => "invoke",
            Opcode::TupleMake => "tuple_make",
            Opcode::TupleGet(_) => "tuple_get",
            Opcode::ArrayDim(_) => "array_dim",
            Opcode::ArrayStride(_) => "array_stride",
            Opcode::ArrayLoad => "array_load",
            Opcode::ArrayStore => "array_store",
            Opcode::ArrayAlloc { zeroed: false, .. } => "array_alloc",
            Opcode::ArrayAlloc { zeroed: true, .. } => "array_alloc_zeroed",
            Opcode::ArrayView(_) => "array_view",
            Opcode::ArrayIncref => "array_incref",
            Opcode::ArrayDecref => "array_decref",
            Opcode::ArrayNull(_) => "array_null",
            Opcode::ArrayConst(_) => "array_const",
            Opcode::ArrayMatmul => "array_matmul",
            Opcode::Print => "print",
            Opcode::Jump => "jump",
            Opcode::Brif => "brif",
            Opcode::Return => "return",
            Opcode::Yield => "yield",
            Opcode::Raise { .. } => "raise",
            Opcode::Throw { .. } => "throw",
            Opcode::Resume => "resume",
            Opcode::Unreachable => "unreachable",
            Opcode::For => "for",
            Opcode::Parfor { .. } => "parfor",
        }
    }

    /// The opcodes that carry no immediates, targets or regions and print as
    /// `name v1, v2, ...`; the parser looks mnemonics up here.
    pub const SIMPLE: [Opcode; 47] = [
        Opcode::NoneConst,
        Opcode::Iadd,
        Opcode::Isub,
        Opcode::Imul,
        Opcode::Ineg,
        Opcode::IfloorDiv,
        Opcode::Imod,
        Opcode::Idiv,
        Opcode::Irem,
        Opcode::Ishl,
        Opcode::Ishr,
        Opcode::Iand,
        Opcode::Ior,
        Opcode::Ixor,
        Opcode::Inot,
        Opcode::Ipow,
        Opcode::Fadd,
        Opcode::Fsub,
        Opcode::Fmul,
        Opcode::Fdiv,
        Opcode::FfloorDiv,
        Opcode::Fmod,
        Opcode::Frem,
        Opcode::Fpow,
        Opcode::Fneg,
        Opcode::Cadd,
        Opcode::Csub,
        Opcode::Cmul,
        Opcode::Cdiv,
        Opcode::Cpow,
        Opcode::Cneg,
        Opcode::Cconj,
        Opcode::Creal,
        Opcode::Cimag,
        Opcode::Cmake,
        Opcode::Select,
        Opcode::TupleMake,
        Opcode::ArrayLoad,
        Opcode::ArrayStore,
        Opcode::ArrayIncref,
        Opcode::ArrayDecref,
        Opcode::ArrayMatmul,
        Opcode::Print,
        Opcode::Return,
        Opcode::Yield,
        Opcode::Resume,
        Opcode::Unreachable,
    ];

    /// The broad class of the opcode.
    pub fn class(&self) -> OpcodeClass {
        match self {
            Opcode::Jump | Opcode::Brif | Opcode::TryCall(_) | Opcode::Invoke(_) | Opcode::Throw { .. } => {
                OpcodeClass::Branch
            }
            Opcode::Return | Opcode::Yield | Opcode::Raise { .. } | Opcode::Resume | Opcode::Unreachable => {
                OpcodeClass::Exit
            }
            Opcode::For | Opcode::Parfor { .. } => OpcodeClass::Structured,
            _ => OpcodeClass::Plain,
        }
    }

    /// Whether the opcode ends a block.
    pub fn is_terminator(&self) -> bool {
        matches!(self.class(), OpcodeClass::Branch | OpcodeClass::Exit)
    }

    /// How many branch targets an instruction with this opcode has.
    pub fn n_targets(&self) -> usize {
        match self {
            Opcode::Jump | Opcode::Throw { .. } => 1,
            Opcode::Brif | Opcode::TryCall(_) | Opcode::Invoke(_) => 2,
            _ => 0,
        }
    }

    /// How many regions an instruction with this opcode owns.
    pub fn n_regions(&self) -> usize {
        match self.class() {
            OpcodeClass::Structured => 1,
            _ => 0,
        }
    }

    /// Whether removing an unused instruction of this opcode keeps the program's meaning:
    /// no side effect, no control flow, no region. (Undefined results, such as division by
    /// zero, are not side effects: lowering put the check that raises before them.)
    pub fn is_pure(&self) -> bool {
        match self {
            Opcode::Call(_)
            | Opcode::Print
            | Opcode::For
            | Opcode::Parfor { .. }
            | Opcode::ArrayStore
            | Opcode::ArrayMatmul
            | Opcode::ArrayIncref
            | Opcode::ArrayDecref => false,
            other => !other.is_terminator(),
        }
    }

    /// Whether the operation reads memory that `array_store` may write (passes that move
    /// instructions must keep these in order with stores and calls).
    pub fn reads_memory(&self) -> bool {
        matches!(self, Opcode::ArrayLoad | Opcode::ArrayMatmul)
    }

    /// A float constant of type `ty` (a `float32` constant is rounded to `f32` first).
    pub fn fconst(ty: ScalarType, value: f64) -> Opcode {
        Opcode::Fconst { ty, bits: float_bits_for(ty, value) }
    }

    /// A complex constant of type `ty` (a `complex64` constant's parts are rounded to `f32`).
    pub fn cconst(ty: ScalarType, real: f64, imag: f64) -> Opcode {
        Opcode::Cconst { ty, real_bits: float_bits_for(ty, real), imag_bits: float_bits_for(ty, imag) }
    }
}

/// The stored bits of a float immediate of type `ty`: single-precision types are rounded
/// to `f32` first so that the immediate is exactly what the type can hold.
pub(crate) fn float_bits_for(ty: ScalarType, value: f64) -> u64 {
    if ty.real_part() == ScalarType::Float32 { f64::from(value as f32).to_bits() } else { value.to_bits() }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_opcodes_have_distinct_names() {
        let mut names: Vec<&str> = Opcode::SIMPLE.iter().map(Opcode::name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn float32_immediates_are_rounded() {
        let Opcode::Fconst { bits, .. } = Opcode::fconst(ScalarType::Float32, 0.1) else {
            unreachable!("fconst builds Fconst")
        };
        assert_eq!(f64::from_bits(bits), f64::from(0.1f32));
    }

    #[test]
    fn classes() {
        assert!(Opcode::Brif.is_terminator() && Opcode::Brif.n_targets() == 2);
        assert!(!Opcode::For.is_terminator() && Opcode::For.n_regions() == 1);
        assert!(Opcode::Iadd.is_pure() && !Opcode::Print.is_pure() && !Opcode::Yield.is_pure());
        let try_call = Opcode::TryCall(FuncRef::from_u32(0));
        assert!(try_call.is_terminator() && try_call.n_targets() == 2 && !try_call.is_pure());
        let invoke = Opcode::Invoke(FuncRef::from_u32(0));
        assert!(invoke.is_terminator() && invoke.n_targets() == 2 && !invoke.is_pure());
        assert!(Opcode::Resume.is_terminator() && Opcode::Resume.n_targets() == 0);
    }
}
