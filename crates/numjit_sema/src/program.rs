//! The typed program inference produces: every body it lowered and every specialisation
//! ("instance") of a body on argument types, with the type of each local and expression
//! and how each operation and call was resolved. This is what `numjit_lower` consumes.

use std::collections::HashMap;

use cranelift_entity::{PrimaryMap, SecondaryMap, entity_impl};
use numjit_types::Type;

use crate::env::{ConstValue, FunctionId};
use crate::hir::{Body, ClosureId, DefSite, ExprId, LocalId, VersionId};
use crate::ty::{Callable, Ty};

/// A body in the program (a top-level function or an inner one).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyId(u32);
entity_impl!(BodyId, "body");

/// A body specialised on argument types.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstanceId(u32);
entity_impl!(InstanceId, "instance");

/// Where a body came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyOrigin {
    Function(FunctionId),
    /// An inner function of another body.
    Closure {
        parent: BodyId,
        closure: ClosureId,
    },
}

/// The typed program.
#[derive(Clone, Debug)]
pub struct TypedProgram {
    pub bodies: PrimaryMap<BodyId, Body>,
    pub origins: SecondaryMap<BodyId, Option<BodyOrigin>>,
    /// Every instance that inference finished without errors; call targets point here.
    pub instances: PrimaryMap<InstanceId, Option<TypedBody>>,
    /// The instance of the function that was asked for.
    pub entry: InstanceId,
}

impl TypedProgram {
    /// The entry instance.
    pub fn entry(&self) -> &TypedBody {
        self.instance(self.entry)
    }

    /// An instance reachable from the entry (a call target).
    ///
    /// # Panics
    /// Only if `id` is not one this program produced as a call target or entry.
    pub fn instance(&self, id: InstanceId) -> &TypedBody {
        match self.instances.get(id) {
            Some(Some(instance)) => instance,
            _ => panic!("{id} is not a finished instance of this program"),
        }
    }

    /// The body an instance specialises.
    pub fn body_of(&self, instance: &TypedBody) -> &Body {
        &self.bodies[instance.body]
    }

    /// Finished instances, in creation order.
    pub fn finished_instances(&self) -> impl Iterator<Item = (InstanceId, &TypedBody)> {
        self.instances.iter().filter_map(|(id, instance)| instance.as_ref().map(|instance| (id, instance)))
    }
}

/// One body typed for one list of argument types.
#[derive(Clone, Debug)]
pub struct TypedBody {
    pub body: BodyId,
    /// Parameter types in declaration order, then the types of captured variables.
    pub arg_types: Vec<Ty>,
    /// The type of each version of a local (`Body::versions`): a definition has the type of
    /// the value it stores, a join the unification of the versions that meet there. `None`
    /// for versions that got no type (unreachable code).
    pub version_types: SecondaryMap<VersionId, Option<Ty>>,
    /// The type of each expression.
    pub expr_types: SecondaryMap<ExprId, Option<Ty>>,
    /// How operators, calls, attribute reads and indexing were resolved.
    pub resolutions: HashMap<ExprId, Resolution>,
    /// The unified type of every `return` (and `none` for falling off the end).
    pub return_type: Type,
}

/// How one expression was resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    /// The types the operands convert to before the operation (empty: as they are).
    pub arg_types: Vec<Type>,
    pub ret: Ty,
    /// For calls: what is called.
    pub target: Option<CallTarget>,
}

/// What a call calls.
#[derive(Clone, Debug, PartialEq)]
pub enum CallTarget {
    /// A user function or inner function specialised on the argument types; the
    /// arguments are bound to parameters in `args` (captures follow for inner functions).
    Instance {
        instance: InstanceId,
        args: Vec<BoundArg>,
    },
    Callable(Callable),
    /// Constructing an exception to raise.
    Exception(crate::templates::ExceptionClass),
}

/// The value a parameter receives in a call.
#[derive(Clone, Debug, PartialEq)]
pub enum BoundArg {
    /// An argument expression of the call (positional or keyword).
    Expr(ExprId),
    /// The parameter's frozen default.
    Default(ConstValue),
    /// A captured variable of the enclosing body, passed to an inner function.
    Capture(LocalId),
}

impl TypedBody {
    /// The type of a version.
    pub fn version_type(&self, version: VersionId) -> Option<&Ty> {
        self.version_types.get(version).and_then(Option::as_ref)
    }

    /// The type of the version a read of a local ([`crate::hir::Expr::Local`]) sees.
    pub fn read_type(&self, body: &Body, expr: ExprId) -> Option<&Ty> {
        self.version_type(body.versions.read(expr)?)
    }

    /// The type of the version a definition creates.
    pub fn def_type(&self, body: &Body, site: DefSite) -> Option<&Ty> {
        self.version_type(body.versions.def(site)?)
    }
}
