//! Type inference: one body specialised on one list of argument types.
//!
//! Every version of a local (`hir::Versions`: a definition, or a join of the definitions
//! that meet where control flow merges, as in Numba's SSA form) and every expression has a
//! type variable. Constraints come from the HIR: a definition's version has the type of
//! the value it stores, a join includes the types of the versions meeting there, a read
//! has its version's type, an operation's result is the template's answer for the operand
//! types, a `return` feeds the return type. They are solved as Numba solves them: types only grow, by unification
//! ([`crate::ty::unify`]: NumPy promotion, `None` → Optional, tuples item by item), and
//! the constraints are propagated until nothing changes. Expressions are visited in arena
//! order (operands before users), so no pass recurses on the input's depth. A final pass
//! over the solution reports every failure once and records how each operation was
//! resolved. Calls to other functions infer the callee on the call's argument types
//! ([`Session`] caches instances); a recursive call reads the callee's return type so
//! far, which is how recursion is typed through its non-recursive returns.

mod check;

use std::collections::HashMap;

use cranelift_entity::{EntityRef, PrimaryMap, SecondaryMap};
use numjit_diagnostics::Diagnostic;

use crate::diagnostics::{RECURSION_WITHOUT_BASE_CASE, TOO_DEEP};
use crate::env::{Env, FunctionId};
use crate::hir::{Body, ClosureId};
use crate::lower;
use crate::program::{BodyId, BodyOrigin, InstanceId, TypedBody, TypedProgram};
use crate::ty::Ty;
use numjit_types::Type;

/// How many user-function calls may be in inference at once (deeper chains are an error).
pub const MAX_CALL_DEPTH: usize = 256;

/// Inference recurses through calls; every this many nested calls it continues on a new
/// thread with a stack of [`INFERENCE_STACK_BYTES`], so a call chain as deep as
/// [`MAX_CALL_DEPTH`] never overflows the caller's stack (2 MiB is enough).
const CALLS_PER_STACK: usize = 32;
const INFERENCE_STACK_BYTES: usize = 8 << 20;

/// Infers `function` of `env` for `arg_types` (one per parameter; defaults are not
/// applied here — the caller passes a full list) and everything it calls.
pub fn infer(env: &Env, function: FunctionId, arg_types: &[Ty]) -> Result<TypedProgram, Vec<Diagnostic>> {
    infer_with_locals(env, function, arg_types, &[])
}

/// [`infer`] with the types of some of `function`'s variables declared (Numba's
/// `locals={"acc": float32}`): every value stored in such a variable, parameters included,
/// converts to the declared type, which is the variable's type everywhere. Names that are
/// not variables of the function are ignored, as Numba ignores them.
pub fn infer_with_locals(
    env: &Env,
    function: FunctionId,
    arg_types: &[Ty],
    locals: &[(String, Type)],
) -> Result<TypedProgram, Vec<Diagnostic>> {
    let mut session = Session::new(env);
    let body = session.function_body(function)?;
    if !locals.is_empty() {
        session.declared.insert(body, locals.iter().cloned().collect());
    }
    let n_params = session.bodies[body].params.len();
    if arg_types.len() != n_params {
        let body = &session.bodies[body];
        return Err(vec![
            Diagnostic::error(
                crate::diagnostics::WRONG_ARGUMENTS,
                format!("{}() takes {n_params} arguments but {} were given", body.name, arg_types.len()),
            )
            .with_primary(body.name_range, "function defined here"),
        ]);
    }
    let entry = session.instance(body, arg_types.to_vec());
    match session.result(entry) {
        Ok(()) => Ok(session.finish(entry)),
        Err(diagnostics) => Err(diagnostics),
    }
}

/// State of one instance.
#[derive(Debug)]
enum InstanceState {
    /// Being inferred; the return type found so far (for recursive calls).
    InProgress { return_type: Option<Ty> },
    Done {
        result: Result<TypedBody, Vec<Diagnostic>>,
        /// The result used a return type of an instance that was still in progress, so it
        /// is redone when asked for again while that instance is still being inferred.
        provisional: bool,
    },
}

/// Bodies, instances and their cache, shared by all the inferences one request needs.
pub(crate) struct Session<'env> {
    env: &'env Env,
    bodies: PrimaryMap<BodyId, Body>,
    origins: SecondaryMap<BodyId, Option<BodyOrigin>>,
    function_bodies: HashMap<FunctionId, Result<BodyId, Vec<Diagnostic>>>,
    closure_bodies: HashMap<(BodyId, ClosureId), BodyId>,
    instances: PrimaryMap<InstanceId, InstanceState>,
    cache: HashMap<(BodyId, Vec<Ty>), InstanceId>,
    /// Instances being inferred, innermost last, with "read an in-progress instance".
    stack: Vec<(InstanceId, bool)>,
    /// Declared variable types (`locals=`) of a body, by variable name.
    declared: HashMap<BodyId, HashMap<String, Type>>,
}

impl<'env> Session<'env> {
    fn new(env: &'env Env) -> Self {
        Session {
            env,
            bodies: PrimaryMap::new(),
            origins: SecondaryMap::new(),
            function_bodies: HashMap::new(),
            closure_bodies: HashMap::new(),
            instances: PrimaryMap::new(),
            cache: HashMap::new(),
            stack: Vec::new(),
            declared: HashMap::new(),
        }
    }

    /// The lowered body of a function of the environment (lowered once).
    fn function_body(&mut self, function: FunctionId) -> Result<BodyId, Vec<Diagnostic>> {
        if let Some(result) = self.function_bodies.get(&function) {
            return result.clone();
        }
        let result = match self.env.functions.get(function) {
            None => Err(vec![Diagnostic::error(
                crate::diagnostics::UNDEFINED_NAME,
                format!("{function} is not a function of this environment"),
            )]),
            Some(source) => {
                let globals = &self.env.namespaces[source.namespace];
                lower::lower_function(&source.def, globals).map(|body| {
                    let id = self.register(body);
                    self.origins[id] = Some(BodyOrigin::Function(function));
                    id
                })
            }
        };
        self.function_bodies.insert(function, result.clone());
        result
    }

    /// Adds a body and (copies of) its inner functions' bodies to the arena.
    fn register(&mut self, body: Body) -> BodyId {
        let root = self.bodies.push(body);
        let mut pending = vec![root];
        while let Some(parent) = pending.pop() {
            let closures: Vec<(ClosureId, Body)> = self.bodies[parent]
                .closures
                .iter()
                .map(|(closure, data)| (closure, (*data.body).clone()))
                .collect();
            for (closure, body) in closures {
                let child = self.bodies.push(body);
                self.origins[child] = Some(BodyOrigin::Closure { parent, closure });
                self.closure_bodies.insert((parent, closure), child);
                pending.push(child);
            }
        }
        root
    }

    /// The instance of `body` for `arg_types`, inferring it if needed. While an instance
    /// is in progress this returns it at once (a recursive call).
    fn instance(&mut self, body: BodyId, arg_types: Vec<Ty>) -> InstanceId {
        let key = (body, arg_types);
        if let Some(&id) = self.cache.get(&key) {
            match &self.instances[id] {
                InstanceState::InProgress { .. } => {
                    self.note_in_progress_read(id);
                    return id;
                }
                InstanceState::Done { provisional: false, .. } => return id,
                InstanceState::Done { provisional: true, .. } => {
                    self.run(id, key.0, key.1.clone());
                    return id;
                }
            }
        }
        let id = self.instances.push(InstanceState::InProgress { return_type: None });
        self.cache.insert(key.clone(), id);
        self.run(id, key.0, key.1);
        id
    }

    fn note_in_progress_read(&mut self, callee: InstanceId) {
        let Some(position) = self.stack.iter().position(|(id, _)| *id == callee) else { return };
        // Every instance above the callee on the stack used a provisional answer.
        for frame in &mut self.stack[position + 1..] {
            frame.1 = true;
        }
    }

    fn run(&mut self, id: InstanceId, body: BodyId, arg_types: Vec<Ty>) {
        if self.stack.len() >= MAX_CALL_DEPTH {
            let range = self.bodies[body].range;
            let diagnostic = Diagnostic::error(TOO_DEEP, "calls nest too deeply for type inference")
                .with_primary(range, format!("reached through {MAX_CALL_DEPTH} nested calls"))
                .with_help("reduce the depth of the call chain");
            self.instances[id] = InstanceState::Done { result: Err(vec![diagnostic]), provisional: false };
            return;
        }
        self.instances[id] = InstanceState::InProgress { return_type: None };
        self.stack.push((id, false));
        let depth = self.stack.len();
        let result = if depth > 0 && depth.is_multiple_of(CALLS_PER_STACK) {
            self.infer_on_new_stack(id, body, arg_types)
        } else {
            check::infer_body(self, id, body, arg_types)
        };
        let (_, provisional) = self.stack.pop().unwrap_or((id, false));
        let recursion_error = match &result {
            Ok(typed) if typed.return_type_unknown => Some(self.recursion_error(body)),
            _ => None,
        };
        let result = match (result, recursion_error) {
            (_, Some(diagnostic)) => Err(vec![diagnostic]),
            (Ok(typed), None) => Ok(typed.typed),
            (Err(diagnostics), None) => Err(diagnostics),
        };
        self.instances[id] = InstanceState::Done { result, provisional };
    }

    /// [`check::infer_body`] on a fresh thread with a large stack.
    fn infer_on_new_stack(
        &mut self,
        id: InstanceId,
        body: BodyId,
        arg_types: Vec<Ty>,
    ) -> Result<check::Inferred, Vec<Diagnostic>> {
        let range = self.bodies[body].range;
        std::thread::scope(|scope| {
            let worker = std::thread::Builder::new()
                .name("numjit-infer".to_string())
                .stack_size(INFERENCE_STACK_BYTES)
                .spawn_scoped(scope, move || check::infer_body(self, id, body, arg_types));
            match worker {
                Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(error) => Err(vec![
                    Diagnostic::error(
                        TOO_DEEP,
                        format!("cannot start a thread for deep type inference: {error}"),
                    )
                    .with_primary(range, "reached through many nested calls"),
                ]),
            }
        })
    }

    fn recursion_error(&self, body: BodyId) -> Diagnostic {
        let body = &self.bodies[body];
        Diagnostic::error(
            RECURSION_WITHOUT_BASE_CASE,
            format!(
                "cannot infer the return type of '{}': every return path calls the function again",
                body.name
            ),
        )
        .with_primary(body.name_range, "recursive function without a base case")
        .with_help("add a path that returns without a recursive call (a base case), as Numba requires")
    }

    /// The return type of an instance: final, or the one found so far while in progress.
    fn return_type(&self, id: InstanceId) -> Option<Ty> {
        match &self.instances[id] {
            InstanceState::InProgress { return_type } => return_type.clone(),
            InstanceState::Done { result: Ok(typed), .. } => Some(Ty::Value(typed.return_type.clone())),
            InstanceState::Done { result: Err(_), .. } => None,
        }
    }

    fn set_provisional_return(&mut self, id: InstanceId, ty: Option<Ty>) {
        if let InstanceState::InProgress { return_type } = &mut self.instances[id] {
            *return_type = ty;
        }
    }

    /// Ok if an instance finished without errors; its diagnostics otherwise.
    fn result(&self, id: InstanceId) -> Result<(), Vec<Diagnostic>> {
        match &self.instances[id] {
            InstanceState::Done { result: Ok(_), .. } | InstanceState::InProgress { .. } => Ok(()),
            InstanceState::Done { result: Err(diagnostics), .. } => Err(diagnostics.clone()),
        }
    }

    fn finish(self, entry: InstanceId) -> TypedProgram {
        let instances = self
            .instances
            .into_iter()
            .map(|(_, state)| match state {
                InstanceState::Done { result: Ok(typed), .. } => Some(typed),
                _ => None,
            })
            .collect::<Vec<_>>();
        let mut map = PrimaryMap::with_capacity(instances.len());
        for instance in instances {
            map.push(instance);
        }
        debug_assert!(map.get(entry).is_some());
        let _ = InstanceId::new(0);
        TypedProgram { bodies: self.bodies, origins: self.origins, instances: map, entry }
    }
}
