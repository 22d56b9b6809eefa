//! numjit's semantic analysis: from a function's AST to a typed HIR.
//!
//! - [`lower_function`] resolves names with Python's scoping rules against an [`Env`]
//!   (frozen globals, modules, other functions, builtins) and desugars the AST into the
//!   [`hir`] (one [`hir::Body`] per function, arenas indexed by `u32` ids).
//! - [`infer`] types a function for one list of argument types, together with every
//!   function it calls, following Numba's nopython typing rules, and returns a
//!   [`TypedProgram`]: bodies, their specialisations ([`TypedBody`]: a type for every
//!   local and expression, resolved operator signatures and call targets) and the entry.
//! - Every user mistake is a [`numjit_diagnostics::Diagnostic`] with a stable code (see
//!   [`diagnostics`]); nothing here panics or recurses on the input's nesting depth
//!   without a limit.
//!
//! The typing rules live in [`templates`], one module per area (operators, builtins,
//! `math`, `cmath`), so NumPy's slot in next to them.

pub mod diagnostics;
pub mod env;
mod error;
pub mod hir;
mod infer;
mod lower;
pub mod program;
pub mod templates;
pub mod ty;

pub use env::{ConstValue, Env, FunctionId, GlobalValue, Globals, ModuleKind, NamespaceId};
pub use error::SemaError;
pub use infer::{MAX_CALL_DEPTH, infer, infer_with_locals};
pub use lower::{MAX_EXPR_DEPTH, MAX_STMT_DEPTH, lower_function};
pub use program::{BodyId, CallTarget, InstanceId, Resolution, TypedBody, TypedProgram};
pub use ty::{Callable, Ty, unify};

/// Infers the function named `name` in `namespace` for `arg_types`.
pub fn infer_by_name(
    env: &Env,
    namespace: NamespaceId,
    name: &str,
    arg_types: &[Ty],
) -> Result<TypedProgram, SemaError> {
    let function =
        env.function_by_name(namespace, name).ok_or_else(|| SemaError::UnknownFunction(name.to_string()))?;
    infer(env, function, arg_types).map_err(SemaError::Diagnostics)
}
