//! numjit's LLVM back end — the only crate that imports inkwell.
//!
//! - [`HostTarget`]: CPU name and features of the host (for `numjit sysinfo` and cache
//!   keys), target machines; [`llvm_version`].
//! - [`compile_module`]: `numjit_ir::Module` → LLVM IR (codegen) → verified → the new pass
//!   manager's `default<O3>` for the host CPU → MCJIT machine code, with the runtime's entry
//!   points resolved from a symbol table the caller passes (`numjit_runtime::symbols()`).
//!   [`CodegenOptions`] choose the optimisation level, fast-math flags
//!   ([`FastMathFlags`]: all, or any subset of LLVM's seven) and which dumps (LLVM IR before
//!   and after optimisation, assembly) to keep.
//! - [`load_object`]: links an object file a compile kept ([`CodegenOptions::keep_object`])
//!   into this process through ORC's LLJIT — machine code cached on disk.
//! - [`CompiledFunction::call`]: calls a compiled function with [`JitValue`]s through its
//!   call wrapper (tests; the facade's dispatcher builds on it).
//!
//! Compiled functions use the calling convention of `numjit_abi`:
//! `i32 f(ExceptionRecord* exc, Ret* out, flattened args...)`. Codegen never panics on IR
//! the verifier accepts: what it cannot handle is a [`CodegenError`] naming the instruction.
//! Compiling on several threads at once is safe: each compilation has its own LLVM context.

mod call;
mod codegen;
mod error;
mod jit;
mod object;
mod options;
mod target;

pub use call::{CallError, CompiledFunction, JitValue};
pub use codegen::{call_wrapper_name, function_symbol};
pub use error::CodegenError;
pub use jit::{CompileTimings, CompiledModule, compile_module, host_target};
pub use object::{ObjectFunction, load_object};
pub use options::{CodegenOptions, FastMathFlags, OptLevel};
pub use target::{HostTarget, llvm_version};
