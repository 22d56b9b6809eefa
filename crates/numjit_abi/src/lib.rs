//! The C ABI between numjit's generated code and its runtime.
//!
//! This crate has no dependencies and no logic: it fixes the `#[repr(C)]` layouts and the
//! names and signatures that `numjit_llvm` emits code against and `numjit_runtime`
//! implements, so that neither needs to know the other.
//!
//! # Calling convention of compiled functions
//!
//! Every function numjit compiles, whether called from Rust/Python or from other compiled
//! code, has the native signature
//!
//! ```text
//! i32 f(ExceptionRecord* exc, Ret* out, arg0, arg1, ...)
//! ```
//!
//! - The `i32` result is a [`Status`]: [`STATUS_OK`] when `*out` holds the result,
//!   [`STATUS_EXCEPTION`] when `*exc` holds a raised exception (and `*out` is unspecified).
//!   A caller that gets a nonzero status from a callee returns that status unchanged, so an
//!   exception travels up through compiled frames without copying.
//! - `exc` always points to a valid [`ExceptionRecord`] owned by the outermost caller.
//! - `out` points to storage for the result laid out as described below; for a function
//!   returning `None` (or nothing) it may be any pointer and is never written.
//! - Arguments are passed *flattened* by value, left to right:
//!   an integer or float is one parameter of its machine type, `bool` is one `i8` (0 or 1),
//!   a complex number is two parameters (real, imaginary) of its float type, a tuple is its
//!   elements flattened recursively in order, `None` contributes nothing, and an array is one
//!   pointer to its [`ArrayStruct`].
//!   Flattening keeps every parameter a C scalar, so the convention is the platform's C
//!   convention and a Rust `extern "C" fn` pointer can call compiled code directly.
//! - The result behind `out` is a C struct: scalars as in C (`bool` as one byte),
//!   complex as `{re, im}`, a tuple as a `#[repr(C)]` struct of its elements in order (nested
//!   tuples as nested structs), an array as an [`ArrayStruct`] whose reference the caller
//!   now owns.
//!
//! # Exceptions
//!
//! A raising function fills `*exc` through one of the runtime's raise entry points
//! ([`entry::RAISE`], [`entry::RAISE_FMT`]) and returns [`STATUS_EXCEPTION`].
//! The record names the class ([`ExceptionClass`]) and owns a message allocated by the
//! runtime; whoever consumes the record frees the message through the runtime.

pub mod array;
pub mod entry;
pub mod exception;

pub use array::{ArrayStruct, ElementKind, MemInfo, MemInfoDestructor};
pub use exception::{ExceptionClass, ExceptionRecord, FormatArg};

/// The result of a compiled function: [`STATUS_OK`] or an error status.
pub type Status = i32;

/// The function returned normally; its result is behind `out`.
pub const STATUS_OK: Status = 0;
/// The function raised; the exception is in the [`ExceptionRecord`].
pub const STATUS_EXCEPTION: Status = 1;
