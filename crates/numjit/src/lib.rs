//! numjit's Rust API: compile numerical Python functions and call them.
//!
//! ```
//! use numjit::{Jit, Options, Value};
//!
//! let source = "def hypot2(x, y):\n    return x * x + y * y\n";
//! let hypot2 = Jit::new().compile_source(source, "hypot2", &Options::new()).expect("compiles");
//! // The first call with (int64, float64) compiles that version; later calls reuse it.
//! assert_eq!(hypot2.call(&[Value::Int(3), Value::Float(4.0)]).expect("runs"), Value::Float(25.0));
//! assert_eq!(hypot2.call(&[Value::Int(3), Value::Int(4)]).expect("runs"), Value::Int(25));
//! assert_eq!(hypot2.signatures(), ["float64(int64, float64)", "int64(int64, int64)"]);
//! ```
//!
//! - [`Jit::compile_source`] parses the source and freezes its module-level names (other
//!   functions, `import math`, constants), as Numba does; it returns a [`Dispatcher`].
//! - [`Dispatcher::call`] compiles lazily, one version per argument-type signature
//!   (Numba's `typeof` of each [`Value`]), and caches it; with explicit signatures
//!   ([`Options::signatures`], [`Dispatcher::compile_signature`]) calls convert their
//!   arguments to the best compiled signature instead, by Numba's rules.
//! - Errors: [`CompileError`] renders diagnostics against the source with file name, line
//!   and caret; [`CallError::Exception`] is a Python exception raised by compiled code.
//! - [`Dispatcher::inspect`] shows any stage ([`Stage`]): HIR, types, IR, optimised IR,
//!   LLVM IR, assembly.
//!
//! Every compilation runs numjit_sema → numjit_lower → numjit_opt → numjit_llvm; each
//! has its own LLVM context, so compiling on several threads at once is safe.

mod abi;
mod array;
mod array_literal;
mod cache;
mod dispatcher;
mod error;
mod inspect;
mod jit;
mod options;
mod pipeline;
mod sysinfo;
mod value;

pub use array::{ArrayValue, Element, MAX_NDIM as MAX_ARRAY_NDIM};
pub use dispatcher::Dispatcher;
pub use error::{CallError, CompileError, ExceptionClass, Source};
pub use inspect::Stage;
pub use jit::{FileError, Global, Jit, SourceUnit};
pub use numjit_diagnostics::{Diagnostic, DiagnosticCode, RenderOptions};
pub use numjit_sema::Ty;
pub use numjit_types::{ScalarType, Type};
pub use options::{ErrorModel, FastMathFlags, Inline, Options, OptionsError};
pub use pipeline::StageTimings;
pub use sysinfo::SystemInfo;
pub use value::{LiteralError, Value};

/// Runs `body` with the text compiled code prints on this thread collected instead of
/// written to stdout; returns the body's result and the text.
pub fn capture_output<R>(body: impl FnOnce() -> R) -> (R, String) {
    numjit_runtime::print::capture_output(body)
}

/// Exception messages the runtime allocated on this thread and has not freed: a leak
/// check for tests (it returns to its old value after every call that raised).
pub fn live_exception_messages_on_this_thread() -> isize {
    numjit_runtime::exception::live_messages_on_this_thread()
}

/// Array memory blocks alive in this process (created by compiled code or wrapping Rust
/// memory, and not yet freed): a leak check for tests. Other threads allocate too, so
/// compare readings in a process (a test) of its own.
pub fn live_array_blocks() -> isize {
    numjit_runtime::memory::stats().live()
}

/// The guide docs/rust-api.md, whose examples run as doctests.
#[doc = include_str!("../../../docs/rust-api.md")]
#[cfg(doctest)]
pub struct RustApiGuide;
