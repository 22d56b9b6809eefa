//! numjit's lowering: a type-checked program ([`numjit_sema::TypedProgram`]) becomes a
//! module of typed SSA IR ([`numjit_ir::Module`]).
//!
//! # Entry point
//!
//! [`lower_program`] lowers every instance (a body specialised on argument types) that the
//! entry instance reaches through calls into one IR function, and verifies the module.
//! Function names are the Python names, unique and stable: the entry instance is `f`; a
//! second specialisation of `f` (or another body named `f`) is `f$1`, then `f$2`, in the
//! order a breadth-first walk of the call graph from the entry meets them (call sites in
//! source order). Inner functions are named `outer.inner` (`outer.<lambda>` for lambdas).
//!
//! # What becomes what
//!
//! - Locals are SSA variables ([`ssa`], Braun et al.): reads create block parameters lazily,
//!   loop headers are sealed when their back edges are known, trivial phis are removed.
//! - Calls between instances are IR `call`s (self and mutual recursion included; codegen
//!   adds the recursion-depth check). Inner functions are separate IR functions that take
//!   the variables they capture as extra parameters (read at the call, as Python's late
//!   binding does), so no closure object exists at run time; numjit_opt's inliner inlines
//!   them. Parameters that are compile-time values (a function passed as an argument) are
//!   not IR parameters: each specialisation calls its argument directly, as Numba does.
//! - `for` over `range`/`prange`, tuples, `enumerate` and `zip` whose body has no `break`
//!   or `return` (and that is not inside `try`) is the IR's structured `for`, with the
//!   variables the body assigns as loop-carried values; other loops are blocks.
//! - Python's run-time errors are explicit checks that `raise` ([`messages`] has the texts):
//!   division by zero (under [`ErrorModel::Python`]), negative shift counts, `range` step
//!   zero, math domain and range errors, `int(nan)`, `UnboundLocalError`.
//! - `OptionalType(T)` and `range` objects are tuples in the IR ([`types`]).
//!
//! Anything sema accepts that lowering cannot compile yet is an `unsupported-construct`
//! diagnostic with the span; nothing here panics on user input or recurses on the
//! program's nesting depth without a bound.

mod arrays;
mod calls;
mod elementwise;
mod exprs;
mod fancy;
mod flat;
mod function;
mod library;
mod loops;
pub mod messages;
mod reductions;
mod ssa;
pub mod types;

use std::collections::{HashMap, HashSet, VecDeque};

use numjit_diagnostics::{Diagnostic, DiagnosticCode};
use numjit_ir::{Module, Opcode};
use numjit_sema::program::BodyOrigin;
use numjit_sema::{CallTarget, Env, InstanceId, TypedProgram};
use numjit_types::Type;
use text_size::TextRange;

pub use types::ir_type;

/// Valid Python that lowering cannot compile yet.
pub const UNSUPPORTED: DiagnosticCode = DiagnosticCode::UNSUPPORTED;
/// A bug in numjit: lowering produced IR the verifier rejects.
pub const INTERNAL_ERROR: DiagnosticCode = DiagnosticCode("internal-error");

/// How arithmetic errors behave (Numba's `error_model` option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorModel {
    /// Division and modulo by zero raise `ZeroDivisionError`, as in Python.
    #[default]
    Python,
    /// No checks: float division by zero gives inf/nan (IEEE), integer `//` and `%` by
    /// zero give 0, as Numba's `error_model='numpy'` does.
    Numpy,
}

/// Options that change the lowered code.
#[derive(Clone, Debug, Default)]
pub struct LowerOptions {
    pub error_model: ErrorModel,
    /// Check indices against bounds (arrays, next issue; tuple indices are always checked).
    pub boundscheck: bool,
}

/// The lowered program.
#[derive(Clone, Debug)]
pub struct LoweredProgram {
    /// One IR function per instance, the entry first.
    pub module: Module,
    /// The IR function name of the entry instance.
    pub entry: String,
    /// What each IR function is, in the module's order.
    pub functions: Vec<LoweredFunction>,
}

/// One IR function and the Python-level signature it implements.
#[derive(Clone, Debug)]
pub struct LoweredFunction {
    /// The IR function's name.
    pub name: String,
    /// The instance it lowers.
    pub instance: InstanceId,
    /// For each parameter of the instance (then each capture), its Python type, or `None`
    /// for compile-time values (functions) that are not IR parameters.
    pub params: Vec<Option<Type>>,
    /// The Python return type; the IR returns [`ir_type`] of it.
    pub return_type: Type,
}

/// The IR signature of an instance.
#[derive(Clone, Debug)]
pub(crate) struct Signature {
    pub name: String,
    /// Python types of the value parameters, per instance argument (`None`: not passed).
    pub params: Vec<Option<Type>>,
    pub ir_params: Vec<Type>,
    pub return_type: Type,
    pub ir_return: Type,
}

/// What every function's lowering shares.
pub(crate) struct ProgramContext<'a> {
    pub program: &'a TypedProgram,
    pub options: &'a LowerOptions,
    pub signatures: HashMap<InstanceId, Signature>,
}

/// Lowers `program` (the result of [`numjit_sema::infer`] in `env`) to IR.
pub fn lower_program(
    program: &TypedProgram,
    env: &Env,
    options: &LowerOptions,
) -> Result<LoweredProgram, Vec<Diagnostic>> {
    let _ = env;
    let order = instance_order(program);
    let names = assign_names(program, &order);
    let mut diagnostics = Vec::new();
    let mut signatures = HashMap::new();
    for (&instance, name) in order.iter().zip(&names) {
        match signature(program, instance, name) {
            Ok(signature) => {
                signatures.insert(instance, signature);
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let cx = ProgramContext { program, options, signatures };
    let mut module = Module::new();
    let mut functions = Vec::with_capacity(order.len());
    let mut guarded_calls = Vec::new();
    for &instance in &order {
        let lowered = function::lower_instance(&cx, instance);
        diagnostics.extend(lowered.diagnostics);
        guarded_calls.extend(lowered.guarded_calls);
        let signature = &cx.signatures[&instance];
        functions.push(LoweredFunction {
            name: signature.name.clone(),
            instance,
            params: signature.params.clone(),
            return_type: signature.return_type.clone(),
        });
        module.functions.push(lowered.func);
    }
    diagnostics.extend(check_guarded_calls(&module, &cx, &guarded_calls));
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    if let Err(errors) = numjit_ir::verify_module(&module) {
        let lines: Vec<String> = errors.iter().take(20).map(ToString::to_string).collect();
        let range = program.body_of(program.entry()).name_range;
        return Err(vec![
            Diagnostic::error(INTERNAL_ERROR, "failed in lowering: the IR does not verify")
                .with_primary(range, "while compiling this function")
                .with_note(lines.join("\n")),
        ]);
    }
    let entry = names.first().cloned().unwrap_or_default();
    Ok(LoweredProgram { module, entry, functions })
}

/// The instances the entry reaches, breadth-first, call sites in source order.
fn instance_order(program: &TypedProgram) -> Vec<InstanceId> {
    let mut order = vec![program.entry];
    let mut seen: HashSet<InstanceId> = order.iter().copied().collect();
    let mut queue: VecDeque<InstanceId> = order.iter().copied().collect();
    while let Some(instance) = queue.pop_front() {
        let Some(Some(typed)) = program.instances.get(instance) else { continue };
        let mut calls: Vec<_> = typed
            .resolutions
            .iter()
            .filter_map(|(expr, resolution)| match &resolution.target {
                Some(CallTarget::Instance { instance, .. }) => Some((*expr, *instance)),
                _ => None,
            })
            .collect();
        calls.sort_by_key(|(expr, _)| *expr);
        for (_, callee) in calls {
            if matches!(program.instances.get(callee), Some(Some(_))) && seen.insert(callee) {
                order.push(callee);
                queue.push_back(callee);
            }
        }
    }
    order
}

/// `f`, `f$1`, `outer.inner`, ... in `order`.
fn assign_names(program: &TypedProgram, order: &[InstanceId]) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    order
        .iter()
        .map(|&instance| {
            let base = body_path(program, instance);
            let count = used.entry(base.clone()).or_insert(0);
            let name = if *count == 0 { base } else { format!("{base}${count}") };
            *count += 1;
            name
        })
        .collect()
}

/// The dotted name of an instance's body (`outer.inner` for inner functions).
fn body_path(program: &TypedProgram, instance: InstanceId) -> String {
    let Some(Some(typed)) = program.instances.get(instance) else { return format!("{instance}") };
    let mut parts = Vec::new();
    let mut body = typed.body;
    // Inner functions nest at most as deep as blocks do; the bound guards a malformed program.
    for _ in 0..1024 {
        parts.push(program.bodies[body].name.clone());
        match program.origins.get(body).copied().flatten() {
            Some(BodyOrigin::Closure { parent, .. }) => body = parent,
            _ => break,
        }
    }
    parts.reverse();
    parts.join(".")
}

fn signature(program: &TypedProgram, instance: InstanceId, name: &str) -> Result<Signature, Diagnostic> {
    let typed = program.instance(instance);
    let body = program.body_of(typed);
    let unsupported = |what: String| {
        Diagnostic::error(UNSUPPORTED, format!("{what} is not supported by numjit's lowering yet"))
            .with_primary(body.name_range, format!("in '{}'", body.name))
    };
    let mut params = Vec::with_capacity(typed.arg_types.len());
    let mut ir_params = Vec::new();
    for ty in &typed.arg_types {
        match ty.as_value() {
            Some(value) => {
                ir_params.push(ir_type(value).map_err(unsupported)?);
                params.push(Some(value.clone()));
            }
            None => params.push(None),
        }
    }
    if holds_flat(&typed.return_type) {
        return Err(unsupported(format!("returning {}", typed.return_type)));
    }
    let ir_return = ir_type(&typed.return_type).map_err(|what| unsupported(format!("returning {what}")))?;
    Ok(Signature {
        name: name.to_string(),
        params,
        ir_params,
        return_type: typed.return_type.clone(),
        ir_return,
    })
}

/// Whether a value of type `ty` holds an `a.flat`, which callers outside compiled code
/// cannot receive (Numba cannot return one either).
fn holds_flat(ty: &Type) -> bool {
    match ty {
        Type::Flat(_) => true,
        Type::Tuple(items) => items.iter().any(holds_flat),
        Type::Optional(inner) => holds_flat(inner),
        _ => false,
    }
}

/// A call made inside `try … finally` with no handler around it: what the callee raises
/// would leave without running the `finally` block.
#[derive(Clone, Debug)]
pub(crate) struct GuardedCall {
    pub range: TextRange,
    pub callee: InstanceId,
}

/// Reports calls inside `try … finally` (with no handler around them) to functions that
/// may raise: the IR's `call` propagates the callee's exception to the caller's caller at
/// once, so the `finally` block would not run. (Numba 0.68.1 fails on this too, with an
/// internal error, "RERAISE executed".)
fn check_guarded_calls(module: &Module, cx: &ProgramContext<'_>, calls: &[GuardedCall]) -> Vec<Diagnostic> {
    if calls.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> =
        module.functions.iter().enumerate().map(|(idx, func)| (func.name.as_str(), idx)).collect();
    let mut raises = vec![false; module.functions.len()];
    // Every call edge (for recursion), and the `call` edges, through which a callee's
    // exception propagates (a `try_call` catches it).
    let mut callees: Vec<Vec<usize>> = vec![Vec::new(); module.functions.len()];
    let mut propagating: Vec<Vec<usize>> = vec![Vec::new(); module.functions.len()];
    for (idx, func) in module.functions.iter().enumerate() {
        for inst in func.dfg.insts() {
            match &func.dfg.inst_data(inst).opcode {
                Opcode::Raise { .. } | Opcode::Throw { .. } => raises[idx] = true,
                Opcode::Call(func_ref) | Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) => {
                    if let Some(decl) = func.func_decls.get(*func_ref)
                        && let Some(&callee) = index.get(decl.name.as_str())
                    {
                        callees[idx].push(callee);
                        if matches!(func.dfg.inst_data(inst).opcode, Opcode::Call(_) | Opcode::Invoke(_)) {
                            propagating[idx].push(callee);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Recursive functions raise RecursionError when too deep.
    for start in 0..module.functions.len() {
        let mut stack = callees[start].clone();
        let mut seen = vec![false; module.functions.len()];
        while let Some(next) = stack.pop() {
            if next == start {
                raises[start] = true;
                break;
            }
            if !std::mem::replace(&mut seen[next], true) {
                stack.extend(&callees[next]);
            }
        }
    }
    loop {
        let mut changed = false;
        for idx in 0..raises.len() {
            if !raises[idx] && propagating[idx].iter().any(|&callee| raises[callee]) {
                raises[idx] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    calls
        .iter()
        .filter(|call| {
            cx.signatures
                .get(&call.callee)
                .and_then(|signature| index.get(signature.name.as_str()))
                .is_some_and(|&idx| raises[idx])
        })
        .map(|call| {
            Diagnostic::error(
                UNSUPPORTED,
                "an exception raised inside a called function cannot pass through `finally` yet",
            )
            .with_primary(call.range, "this call may raise, and the `finally` block would not run")
            .with_help("add `except Exception:` to the `try`, or move the call out of it")
        })
        .collect()
}
