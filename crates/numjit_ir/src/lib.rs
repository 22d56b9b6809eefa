//! numjit's typed SSA intermediate representation: what lowering produces, every
//! optimisation pass edits, and code generation reads.
//!
//! # Shape
//!
//! - Entities are `u32` newtypes into arenas ([`Value`], [`Inst`], [`Block`], [`Region`],
//!   [`FuncRef`]); instruction data ([`DataFlowGraph`]) is kept apart from where instructions
//!   sit ([`Layout`]), so hoisting and loop fusion only edit the layout.
//! - SSA with block parameters instead of phi nodes. Every value has a
//!   [`numjit_types::Type`]; an instruction may have several results.
//! - A [`Region`] is a list of blocks forming a CFG; the first block is its entry. The
//!   function body is a region. Counted loops stay structured: `for` and `parfor` are
//!   instructions that own a region, whose entry block receives the induction variable(s) and
//!   the loop-carried values, and whose exit paths end in `yield` (MLIR's `scf.for` with
//!   `iter_args`). Loops with `break`, early `return` and `while` loops are plain blocks of
//!   the region they belong to.
//! - Values of enclosing regions are visible inside nested regions, never the reverse;
//!   branches stay inside their region; `return` only appears in the body region and `yield`
//!   only in a structured op's region.
//! - A [`Function`] declares the functions it calls (`fn0 = @fib(int64) -> int64`) and is
//!   self-contained; a [`Module`] holds the functions compiled together.
//! - Exceptions: `raise` leaves the function with an exception, and so does a `call` whose
//!   callee raised. `try_call` is the call that catches: a terminator with a normal and a
//!   handler target, `v3 = try_call fn0(v2), block1(v3), block2`, whose result exists on
//!   the normal edge only (passed as a block argument, like Cranelift's `try_call` returns).
//!
//! # Text format
//!
//! ```text
//! func @sum_sqrt(int64) -> float64 {          ; signature: parameter types -> return type
//!     fn0 = @helper(float64) -> float64       ; callee declarations, numbered fn0, fn1, ...
//! block0(v0: int64):                          ; entry block: parameters = function parameters
//!     v1 = iconst.int64 0
//!     v2 = iconst.int64 1
//!     v3 = fconst.float64 0.0
//!     v4 = for v1 to v0 step v2 iter_args(v3) -> float64 {
//!     block1(v5: int64, v6: float64):         ; (induction variable, carried values)
//!         v7 = convert.float64 v5
//!         v8 = call_intrinsic sqrt(v7)
//!         v9 = fadd v6, v8
//!         yield v9
//!     }
//!     v10 = call fn0(v4)
//!     return v10
//! }
//! ```
//!
//! One instruction per line; `;` comments run to the end of the line. Results come first
//! (`v1, v2 = ...`). Types print as numjit_types prints them (`int64`, `UniTuple(int64 x 2)`,
//! `array(float64, 2d, C)`). Branches name blocks with their arguments:
//! `brif v3, block1(v4), block2`. Floats print in the shortest form that reads back to the
//! same bits (`0.1`, `1e300`, `-0.0`, `inf`, `nan`, `nan(0x7ff8000000000001)`).
//! A parallel loop with a reduction:
//!
//! ```text
//! v9 = parfor (v1 to v0 step v2) reduce(add v3 identity v3) -> float64 {
//! block1(v10: int64, v11: float64):           ; (index per dimension, accumulator per reduction)
//!     ...
//!     yield v12
//! }
//! ```
//!
//! The printer prints value and block numbers as they are, and the parser keeps them, so
//! `print(parse(text)) == text` for printed text and `parse(print(f))` equals `f` up to
//! the numbering of instructions and regions (which the text does not show; the parser
//! numbers them in text order) — see [`structural_difference`].
//!
//! # Entry points
//!
//! [`FunctionBuilder`] creates IR; [`parse_module`]/[`parse_function`] read text and
//! `Display` writes it; [`verify`] and [`verify_module`] check every invariant
//! above; [`ControlFlowGraph`] and [`DominatorTree`] are computed on demand.

#![warn(missing_docs)]

mod analysis;
mod builder;
mod compare;
mod dfg;
mod entities;
mod function;
mod intrinsic;
mod layout;
mod opcode;
mod parse;
mod typing;
mod verify;
mod write;

pub use analysis::{ControlFlowGraph, DominatorTree};
pub use builder::{CursorPosition, ForLoop, FunctionBuilder, ParforLoop};
pub use compare::structural_difference;
pub use dfg::{BlockCall, DataFlowGraph, InstData, LoopRange, Reduction, ValueDef};
pub use entities::{Block, FuncRef, Inst, Region, Value};
pub use function::{FuncDecl, Function, Module};
pub use intrinsic::{INTRINSICS, Intrinsic, IntrinsicSignature};
pub use layout::{BlockInsts, Layout};
pub use numjit_types::ArrayConstant;
pub use opcode::{ExceptionKind, FloatCC, IntCC, Opcode, OpcodeClass, ReduceOp, ViewSpec};
pub use parse::{ParseError, parse_function, parse_module};
pub use typing::{TypingEnv, int_range};
pub use verify::{ErrorLocation, VerifierError, verify, verify_module};
pub use write::write_function;
