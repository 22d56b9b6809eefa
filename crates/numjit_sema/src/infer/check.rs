//! The constraint propagation for one instance, and the final checking pass that reports
//! errors and records resolutions.

use std::collections::HashMap;

use cranelift_entity::{EntityRef, SecondaryMap};
use numjit_diagnostics::Diagnostic;
use numjit_types::{ScalarType, Type};
use text_size::TextRange;

use super::Session;
use crate::diagnostics::{INVALID_OPERAND, TYPE_MISMATCH, UNSUPPORTED, WRONG_ARGUMENTS};
use crate::env::ConstValue;
use crate::hir::*;
use crate::program::{BodyId, BodyOrigin, BoundArg, CallTarget, InstanceId, Resolution, TypedBody};
use crate::templates::{self, Resolved, TemplateError, builtins::Builtin, operators};
use crate::ty::{Callable, Ty, unify_ty};

/// An instance's inference result before the session checks recursion.
pub(super) struct Inferred {
    pub typed: TypedBody,
    /// No `return` produced a type: every return path recursed.
    pub return_type_unknown: bool,
}

/// Infers one instance.
pub(super) fn infer_body(
    session: &mut Session<'_>,
    instance: InstanceId,
    body_id: BodyId,
    arg_types: Vec<Ty>,
) -> Result<Inferred, Vec<Diagnostic>> {
    let body = session.bodies[body_id].clone();
    let stmt_order = body.all_stmts();
    let has_returns = stmt_order.iter().any(|stmt| matches!(body.stmts[*stmt].kind, Stmt::Return(_)));
    let returns_none = falls_through(&body, &body.block) || !has_returns;
    let mut checker = Checker {
        session,
        instance,
        body_id,
        body: &body,
        locals: SecondaryMap::new(),
        exprs: SecondaryMap::new(),
        return_type: None,
        conflicts: HashMap::new(),
        report: false,
        diagnostics: Vec::new(),
        resolutions: HashMap::new(),
        const_locals: body.constant_int_locals(),
        stmt_order,
        returns_none,
    };
    let n_params = body.params.len();
    for (param, ty) in body.params.iter().zip(&arg_types) {
        checker.locals[param.local] = Some(ty.clone());
    }
    for (capture, ty) in body.captures.iter().zip(arg_types.iter().skip(n_params)) {
        checker.locals[capture.inner] = Some(ty.clone());
    }
    // Types only grow and each can grow a bounded number of times; the limit guards the
    // unexpected.
    let max_passes = 16 + body.locals.len() + body.exprs.len();
    let mut converged = false;
    for _ in 0..max_passes {
        if !checker.pass() {
            converged = true;
            break;
        }
    }
    if !converged {
        return Err(vec![
            Diagnostic::error(TYPE_MISMATCH, format!("type inference of '{}' did not converge", body.name))
                .with_primary(body.name_range, "in this function"),
        ]);
    }
    checker.report = true;
    checker.pass();
    checker.report_conflicts();
    let mut return_type_unknown = false;
    let return_value = match checker.function_return_type() {
        Some(Ty::Value(ty)) => ty,
        Some(other) => {
            checker.diagnostics.push(
                Diagnostic::error(UNSUPPORTED, format!("returning a {other} is not supported"))
                    .with_primary(body.name_range, "in this function")
                    .with_help("return values (numbers, tuples, None), not functions or modules"),
            );
            Type::NoneType
        }
        None => {
            return_type_unknown = checker.diagnostics.is_empty();
            Type::NoneType
        }
    };
    if !checker.diagnostics.is_empty() {
        return Err(checker.diagnostics);
    }
    let typed = TypedBody {
        body: body_id,
        arg_types,
        local_types: checker.locals,
        expr_types: checker.exprs,
        resolutions: checker.resolutions,
        return_type: return_value,
    };
    Ok(Inferred { typed, return_type_unknown })
}

/// Whether control can reach the end of `block`.
fn falls_through(body: &Body, block: &Block) -> bool {
    let Some(last) = block.last() else { return true };
    match &body.stmts[*last].kind {
        Stmt::Return(_) | Stmt::Raise(_) => false,
        Stmt::If { then, otherwise, .. } => {
            falls_through(body, then) || otherwise.is_empty() || falls_through(body, otherwise)
        }
        Stmt::While { cond, body: loop_body, .. } => {
            let infinite = matches!(body.exprs[*cond].kind, Expr::Const(ConstValue::Bool(true)));
            !infinite || contains_break(body, loop_body)
        }
        Stmt::Try { body: try_body, handlers, otherwise, finally } => {
            if !finally.is_empty() && !falls_through(body, finally) {
                return false;
            }
            let body_falls = if otherwise.is_empty() {
                falls_through(body, try_body)
            } else {
                falls_through(body, otherwise)
            };
            body_falls || handlers.iter().any(|handler| falls_through(body, &handler.body))
        }
        _ => true,
    }
}

/// Whether a loop body has a `break` for that loop (not for a nested one).
fn contains_break(body: &Body, block: &Block) -> bool {
    let mut stack: Vec<StmtId> = block.clone();
    while let Some(stmt) = stack.pop() {
        match &body.stmts[stmt].kind {
            Stmt::Break => return true,
            Stmt::If { then, otherwise, .. } => stack.extend(then.iter().chain(otherwise)),
            Stmt::Try { body: inner, handlers, otherwise, finally } => {
                stack.extend(inner.iter().chain(otherwise).chain(finally));
                for handler in handlers {
                    stack.extend(&handler.body);
                }
            }
            _ => {}
        }
    }
    false
}

/// A local whose assignments do not unify: every assigned value with its type.
struct Conflict {
    sites: Vec<(TextRange, Ty)>,
}

struct Checker<'s, 'env> {
    session: &'s mut Session<'env>,
    instance: InstanceId,
    body_id: BodyId,
    body: &'s Body,
    locals: SecondaryMap<LocalId, Option<Ty>>,
    exprs: SecondaryMap<ExprId, Option<Ty>>,
    return_type: Option<Ty>,
    conflicts: HashMap<LocalId, Conflict>,
    /// The final pass: report errors and record resolutions.
    report: bool,
    diagnostics: Vec<Diagnostic>,
    resolutions: HashMap<ExprId, Resolution>,
    const_locals: HashMap<LocalId, i64>,
    stmt_order: Vec<StmtId>,
    /// Control can reach the end of the body (or it has no `return`): the function may
    /// return `None`.
    returns_none: bool,
}

/// The type of a constant.
pub(crate) fn const_type(value: &ConstValue) -> Type {
    match value {
        ConstValue::None => Type::NoneType,
        ConstValue::Bool(_) => Type::BOOL,
        ConstValue::Int(_) => Type::INT64,
        ConstValue::UInt(_) => Type::Scalar(ScalarType::UInt64),
        ConstValue::Float(_) => Type::FLOAT64,
        ConstValue::Complex { .. } => Type::COMPLEX128,
        ConstValue::Str(_) => Type::Str,
        ConstValue::Tuple(items) => Type::Tuple(items.iter().map(const_type).collect()),
    }
}

impl Checker<'_, '_> {
    /// One propagation pass; true if any type changed.
    fn pass(&mut self) -> bool {
        let mut changed = false;
        if self.report {
            self.conflicts.clear();
        }
        for (expr, _) in self.body.exprs.iter() {
            let ty = self.type_expr(expr);
            if self.exprs[expr] != ty {
                self.exprs[expr] = ty;
                changed = true;
            }
        }
        let order = self.stmt_order.clone();
        for stmt in order {
            changed |= self.type_stmt(stmt);
        }
        if !self.report {
            // A recursive call sees the implicit `None` of a body that falls through too, so
            // its type is the function's final return type (`OptionalType(int64)`), not only
            // the explicit returns' (`int64`).
            let provisional = self.function_return_type();
            self.session.set_provisional_return(self.instance, provisional);
        }
        changed
    }

    /// The return type so far: the `return` statements' types, with `None` when control
    /// can reach the end of the body.
    fn function_return_type(&self) -> Option<Ty> {
        if !self.returns_none {
            return self.return_type.clone();
        }
        match &self.return_type {
            None => Some(Ty::NONE),
            Some(ty) => unify_ty(ty, &Ty::NONE).or(Some(ty.clone())),
        }
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        if self.report {
            self.diagnostics.push(diagnostic);
        }
    }

    fn template_error(&mut self, error: TemplateError, range: TextRange) {
        let (code, message) = match error {
            TemplateError::InvalidOperand(message) => (INVALID_OPERAND, message),
            TemplateError::WrongArguments(message) => (WRONG_ARGUMENTS, message),
            TemplateError::TypeMismatch(message) => (TYPE_MISMATCH, message),
        };
        self.error(Diagnostic::error(code, message).with_primary(range, ""));
    }

    fn range(&self, expr: ExprId) -> TextRange {
        self.body.exprs[expr].range
    }

    fn ty(&self, expr: ExprId) -> Option<Ty> {
        self.exprs[expr].clone()
    }

    fn resolve(&mut self, expr: ExprId, resolved: &Resolved, target: Option<CallTarget>) {
        if self.report {
            self.resolutions.insert(
                expr,
                Resolution { arg_types: resolved.args.clone(), ret: resolved.ret.clone(), target },
            );
        }
    }

    /// Joins `ty` into a local; true if the local's type changed.
    fn assign(&mut self, local: LocalId, ty: Option<Ty>, site: TextRange) -> bool {
        let Some(ty) = ty else { return false };
        if self.report {
            self.conflicts
                .entry(local)
                .or_insert_with(|| Conflict { sites: Vec::new() })
                .sites
                .push((site, ty.clone()));
        }
        match &self.locals[local] {
            None => {
                self.locals[local] = Some(ty);
                true
            }
            Some(current) => match unify_ty(current, &ty) {
                Some(joined) if &joined != current => {
                    self.locals[local] = Some(joined);
                    true
                }
                _ => false,
            },
        }
    }

    /// Reports locals whose assignments do not unify.
    fn report_conflicts(&mut self) {
        let mut conflicts: Vec<(LocalId, Conflict)> =
            std::mem::take(&mut self.conflicts).into_iter().collect();
        conflicts.sort_by_key(|(local, _)| *local);
        for (local, conflict) in conflicts {
            let mut joined: Option<Ty> = None;
            let mut clash = None;
            for (site_idx, (_, ty)) in conflict.sites.iter().enumerate() {
                joined = match joined {
                    None => Some(ty.clone()),
                    Some(previous) => match unify_ty(&previous, ty) {
                        Some(next) => Some(next),
                        None => {
                            clash = Some((previous, ty.clone(), site_idx));
                            break;
                        }
                    },
                };
            }
            let Some((first, second, clash_idx)) = clash else { continue };
            let data = &self.body.locals[local];
            let name = if data.kind == LocalKind::Temporary { "a temporary" } else { data.name.as_str() };
            let clash_site = conflict.sites[clash_idx].0;
            let mut diagnostic =
                Diagnostic::error(TYPE_MISMATCH, format!("cannot unify {first} and {second} for '{name}'"))
                    .with_primary(clash_site, format!("'{name}' is assigned {second} here"));
            let mut seen: Vec<TextRange> = vec![clash_site];
            for (site, ty) in &conflict.sites {
                if seen.contains(site) {
                    continue;
                }
                seen.push(*site);
                diagnostic = diagnostic.with_secondary(*site, format!("'{name}' is assigned {ty} here"));
            }
            self.diagnostics.push(
                diagnostic.with_help(
                    "a variable has one type in compiled code; use a new name for the other value",
                ),
            );
        }
    }

    // ----- statements -------------------------------------------------------------------

    fn type_stmt(&mut self, stmt: StmtId) -> bool {
        let range = self.body.stmts[stmt].range;
        match &self.body.stmts[stmt].kind {
            Stmt::Expr(_) | Stmt::Break | Stmt::Continue => false,
            Stmt::Assign { target, value } => {
                let ty = self.ty(*value);
                let site = self.range(*value);
                self.assign(*target, ty, site)
            }
            Stmt::Unpack { targets, value } => self.type_unpack(targets, *value),
            Stmt::SetItem { base, .. } => {
                if let Some(ty) = self.ty(*base) {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            format!("'{ty}' does not support item assignment"),
                        )
                        .with_primary(range, "assigned here")
                        .with_help("tuples are immutable; build a new tuple instead"),
                    );
                }
                false
            }
            Stmt::If { cond, .. } | Stmt::While { cond, .. } => {
                self.check_truth(*cond);
                false
            }
            Stmt::Assert { cond, msg } => {
                self.check_truth(*cond);
                if let Some(msg) = msg
                    && let Some(ty) = self.ty(*msg)
                    && !matches!(ty, Ty::Value(Type::Str | Type::Scalar(_)))
                {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            format!("an assertion message must be a string, not {ty}"),
                        )
                        .with_primary(self.range(*msg), ""),
                    );
                }
                false
            }
            Stmt::For { target, iter, .. } => {
                let item = self.iter_item(iter, range);
                self.assign(*target, item, range)
            }
            Stmt::Return(value) => {
                let (ty, site) = match value {
                    Some(value) => (self.ty(*value), self.range(*value)),
                    None => (Some(Ty::NONE), range),
                };
                let Some(ty) = ty else { return false };
                match &self.return_type {
                    None => {
                        self.return_type = Some(ty);
                        true
                    }
                    Some(current) => match unify_ty(current, &ty) {
                        Some(joined) if &joined != current => {
                            self.return_type = Some(joined);
                            true
                        }
                        Some(_) => false,
                        None => {
                            let current = current.clone();
                            self.error(
                                Diagnostic::error(
                                    TYPE_MISMATCH,
                                    format!("cannot unify return types {current} and {ty}"),
                                )
                                .with_primary(site, format!("returns {ty} here"))
                                .with_help("every return of a compiled function must give values of compatible types"),
                            );
                            false
                        }
                    },
                }
            }
            Stmt::Raise(exc) => {
                if let Some(exc) = exc
                    && let Some(ty) = self.ty(*exc)
                    && !matches!(ty, Ty::ExceptionClass(_) | Ty::Exception(_))
                {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            format!("exceptions must derive from BaseException, not {ty}"),
                        )
                        .with_primary(self.range(*exc), ""),
                    );
                }
                false
            }
            Stmt::Try { .. } => false,
        }
    }

    fn check_truth(&mut self, cond: ExprId) {
        if let Some(ty) = self.ty(cond)
            && !ty.as_value().is_some_and(operators::is_truth_testable)
        {
            self.error(
                Diagnostic::error(
                    INVALID_OPERAND,
                    format!("a value of type {ty} cannot be tested for truth"),
                )
                .with_primary(self.range(cond), ""),
            );
        }
    }

    fn type_unpack(&mut self, targets: &[LocalId], value: ExprId) -> bool {
        let Some(ty) = self.ty(value) else { return false };
        let range = self.range(value);
        let items = match &ty {
            Ty::Value(Type::Tuple(items)) => items.clone(),
            _ => {
                self.error(
                    Diagnostic::error(INVALID_OPERAND, format!("cannot unpack a value of type {ty}"))
                        .with_primary(range, "not a tuple"),
                );
                return false;
            }
        };
        if items.len() != targets.len() {
            self.error(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    format!("cannot unpack {ty} ({} items) into {} names", items.len(), targets.len()),
                )
                .with_primary(range, format!("{} items", items.len())),
            );
            return false;
        }
        let mut changed = false;
        for (target, item) in targets.iter().zip(items) {
            changed |= self.assign(*target, Some(Ty::Value(item)), range);
        }
        changed
    }

    /// The item type a `for` loop's target receives.
    fn iter_item(&mut self, iter: &ForIter, range: TextRange) -> Option<Ty> {
        match iter {
            ForIter::Range { start, stop, step, parallel } => {
                let mut args = Vec::with_capacity(3);
                for expr in start.iter().chain(std::iter::once(stop)).chain(step.iter()) {
                    args.push(self.ty(*expr)?);
                }
                let builtin = if *parallel { Builtin::Prange } else { Builtin::Range };
                match templates::builtins::call(builtin, &args) {
                    Ok(Resolved { ret: Ty::Value(Type::Range(int)), .. }) => Some(Ty::from(int)),
                    Ok(_) => None,
                    Err(error) => {
                        self.template_error(error, range);
                        None
                    }
                }
            }
            ForIter::Value(value) => {
                let ty = self.ty(*value)?;
                match &ty {
                    Ty::Value(Type::Range(int)) => Some(Ty::from(*int)),
                    Ty::Value(Type::Tuple(items)) => {
                        match items.split_first() {
                            None => None,
                            Some((first, rest)) if rest.iter().all(|item| item == first) => {
                                Some(Ty::Value(first.clone()))
                            }
                            Some(_) => {
                                self.error(
                                Diagnostic::error(UNSUPPORTED, format!("cannot iterate over the heterogeneous {ty}"))
                                    .with_primary(self.range(*value), "items of different types")
                                    .with_help("a loop variable has one type; index the tuple with constants instead"),
                            );
                                None
                            }
                        }
                    }
                    _ => {
                        self.error(
                            Diagnostic::error(
                                INVALID_OPERAND,
                                format!("'{ty}' is not iterable in compiled code"),
                            )
                            .with_primary(self.range(*value), "")
                            .with_help("iterate over range(...), a tuple, enumerate(...) or zip(...)"),
                        );
                        None
                    }
                }
            }
            ForIter::Enumerate { inner, start } => {
                let start_ty = self.ty(*start)?;
                if !start_ty
                    .as_scalar()
                    .is_some_and(|scalar| scalar.is_integer() || scalar == ScalarType::Bool)
                {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            format!("enumerate() start must be an integer, not {start_ty}"),
                        )
                        .with_primary(self.range(*start), ""),
                    );
                    return None;
                }
                let item = self.iter_item(inner, range)?;
                Some(Ty::Value(Type::Tuple(vec![Type::INT64, item.as_value()?.clone()])))
            }
            ForIter::Zip(items) => {
                let mut types = Vec::with_capacity(items.len());
                for item in items {
                    types.push(self.iter_item(item, range)?.as_value()?.clone());
                }
                Some(Ty::Value(Type::Tuple(types)))
            }
        }
    }

    // ----- expressions ------------------------------------------------------------------

    fn type_expr(&mut self, expr: ExprId) -> Option<Ty> {
        let range = self.range(expr);
        match &self.body.exprs[expr].kind {
            Expr::Const(value) => Some(Ty::Value(const_type(value))),
            Expr::Local(local) => self.locals[*local].clone(),
            Expr::Item(item) => Some(Ty::of_item(item)),
            Expr::Closure(closure) => {
                let body = *self.session.closure_bodies.get(&(self.body_id, *closure))?;
                let mut captures = Vec::new();
                for capture in &self.session.bodies[body].captures {
                    captures.push(self.locals[capture.outer].clone()?);
                }
                Some(Ty::Closure(body, captures))
            }
            Expr::Binary { op, lhs, rhs, .. } => {
                let (lhs, rhs) = (self.ty(*lhs)?, self.ty(*rhs)?);
                self.apply(expr, operators::binary(*op, &lhs, &rhs), range, None)
            }
            Expr::Unary { op, operand } => {
                let operand = self.ty(*operand)?;
                self.apply(expr, operators::unary(*op, &operand), range, None)
            }
            Expr::Compare { op, lhs, rhs } => {
                let (lhs, rhs) = (self.ty(*lhs)?, self.ty(*rhs)?);
                self.apply(expr, operators::compare(*op, &lhs, &rhs), range, None)
            }
            Expr::If { cond, then, otherwise } => {
                self.check_truth(*cond);
                let (then, otherwise) = (self.ty(*then), self.ty(*otherwise));
                match (then, otherwise) {
                    (Some(a), Some(b)) => match unify_ty(&a, &b) {
                        Some(joined) => Some(joined),
                        None => {
                            self.error(
                                Diagnostic::error(
                                    TYPE_MISMATCH,
                                    format!("cannot unify {a} and {b} in a conditional expression"),
                                )
                                .with_primary(range, "the branches have incompatible types"),
                            );
                            None
                        }
                    },
                    (Some(one), None) | (None, Some(one)) => Some(one),
                    (None, None) => None,
                }
            }
            Expr::Store { local, value } => {
                let ty = self.ty(*value);
                self.assign(*local, ty.clone(), range);
                ty
            }
            Expr::Tuple(items) => {
                let mut types = Vec::with_capacity(items.len());
                for item in items {
                    match self.ty(*item)? {
                        Ty::Value(ty) => types.push(ty),
                        other => {
                            self.error(
                                Diagnostic::error(
                                    UNSUPPORTED,
                                    format!("a tuple holding a {other} is not supported"),
                                )
                                .with_primary(self.range(*item), "")
                                .with_help("tuples hold values: numbers, booleans, None, strings, tuples"),
                            );
                            return None;
                        }
                    }
                }
                Some(Ty::Value(Type::Tuple(types)))
            }
            Expr::Index { base, index } => self.type_index(expr, *base, *index),
            Expr::Slice { base, lower, upper, step } => self.type_slice(expr, *base, [*lower, *upper, *step]),
            Expr::Attribute { base, name } => {
                let ty = self.ty(*base)?;
                let attribute = ty.as_value().and_then(|value| templates::builtins::attribute(value, name));
                match (ty.as_scalar(), name.as_str()) {
                    (Some(scalar), "real" | "imag") => Some(Ty::from(scalar.real_part())),
                    _ if attribute.is_some() => attribute.map(Ty::Value),
                    _ => {
                        self.error(
                            Diagnostic::error(INVALID_OPERAND, format!("'{ty}' has no attribute '{name}'"))
                                .with_primary(range, ""),
                        );
                        None
                    }
                }
            }
            Expr::MethodCall { base, method, args } => {
                let ty = self.ty(*base)?;
                match (ty.as_scalar(), method.as_str(), args.len()) {
                    (Some(_), "conjugate", 0) => Some(ty),
                    (None, "index", _) if matches!(ty, Ty::Value(Type::Tuple(_))) => {
                        let arg_tys = args.iter().map(|arg| self.ty(*arg)).collect::<Option<Vec<_>>>()?;
                        self.apply(expr, templates::builtins::tuple_index(&arg_tys), range, None)
                    }
                    _ => {
                        self.error(
                            Diagnostic::error(INVALID_OPERAND, format!("'{ty}' has no method '{method}'"))
                                .with_primary(range, ""),
                        );
                        None
                    }
                }
            }
            Expr::Call { callee, args, keywords } => self.type_call(expr, *callee, args, keywords),
        }
    }

    fn apply(
        &mut self,
        expr: ExprId,
        result: Result<Resolved, TemplateError>,
        range: TextRange,
        target: Option<CallTarget>,
    ) -> Option<Ty> {
        match result {
            Ok(resolved) => {
                self.resolve(expr, &resolved, target);
                Some(resolved.ret)
            }
            Err(error) => {
                self.template_error(error, range);
                None
            }
        }
    }

    fn const_int(&self, expr: ExprId) -> Option<i64> {
        match &self.body.exprs[expr].kind {
            Expr::Const(ConstValue::Int(value)) => Some(*value),
            Expr::Const(ConstValue::Bool(value)) => Some(i64::from(*value)),
            Expr::Local(local) => self.const_locals.get(local).copied(),
            _ => None,
        }
    }

    fn type_index(&mut self, expr: ExprId, base: ExprId, index: ExprId) -> Option<Ty> {
        let (base_ty, index_ty) = (self.ty(base)?, self.ty(index)?);
        let range = self.range(expr);
        let Ty::Value(Type::Tuple(items)) = &base_ty else {
            self.error(
                Diagnostic::error(
                    INVALID_OPERAND,
                    format!("'{base_ty}' is not subscriptable in compiled code"),
                )
                .with_primary(range, ""),
            );
            return None;
        };
        if !index_ty.as_scalar().is_some_and(|scalar| scalar.is_integer() || scalar == ScalarType::Bool) {
            self.error(
                Diagnostic::error(INVALID_OPERAND, format!("tuple indices must be integers, not {index_ty}"))
                    .with_primary(self.range(index), ""),
            );
            return None;
        }
        if let Some(value) = self.const_int(index) {
            let n_items = i64::try_from(items.len()).unwrap_or(i64::MAX);
            let position = if value < 0 { value + n_items } else { value };
            return match usize::try_from(position).ok().and_then(|position| items.get(position)) {
                Some(item) => {
                    let item = item.clone();
                    self.resolve(expr, &Resolved::returning(&[], item.clone()), None);
                    Some(Ty::Value(item))
                }
                None => {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            format!("tuple index {value} is out of range for {base_ty}"),
                        )
                        .with_primary(self.range(index), ""),
                    );
                    None
                }
            };
        }
        match items.split_first() {
            Some((first, rest)) if rest.iter().all(|item| item == first) => Some(Ty::Value(first.clone())),
            _ => {
                self.error(
                    Diagnostic::error(
                        TYPE_MISMATCH,
                        format!("indexing the heterogeneous {base_ty} needs a constant index"),
                    )
                    .with_primary(self.range(index), "not a compile-time constant")
                    .with_help("use an integer literal, or make the tuple's items one type"),
                );
                None
            }
        }
    }

    /// `t[a:b:c]` of a tuple with compile-time constant bounds: a new tuple type.
    fn type_slice(&mut self, expr: ExprId, base: ExprId, bounds: [Option<ExprId>; 3]) -> Option<Ty> {
        let base_ty = self.ty(base)?;
        let range = self.range(expr);
        let Ty::Value(Type::Tuple(items)) = &base_ty else {
            self.error(
                Diagnostic::error(INVALID_OPERAND, format!("'{base_ty}' cannot be sliced in compiled code"))
                    .with_primary(range, ""),
            );
            return None;
        };
        let mut values = [None; 3];
        for (value, bound) in values.iter_mut().zip(bounds) {
            let Some(bound) = bound else { continue };
            if matches!(self.body.exprs[bound].kind, Expr::Const(ConstValue::None)) {
                continue;
            }
            let bound_ty = self.ty(bound)?;
            if !bound_ty.as_scalar().is_some_and(|scalar| scalar.is_integer() || scalar == ScalarType::Bool) {
                self.error(
                    Diagnostic::error(
                        INVALID_OPERAND,
                        format!("slice indices must be integers or None, not {bound_ty}"),
                    )
                    .with_primary(self.range(bound), ""),
                );
                return None;
            }
            let Some(constant) = self.const_int(bound) else {
                self.error(
                    Diagnostic::error(UNSUPPORTED, format!("slicing a tuple with a bound of type {bound_ty} that is not a compile-time constant"))
                        .with_primary(self.range(bound), "not a compile-time constant")
                        .with_help("write the slice bounds as integer literals; the result's length must be known when compiling"),
                );
                return None;
            };
            *value = Some(constant);
        }
        let Some(positions) = slice_positions(items.len(), values[0], values[1], values[2]) else {
            self.error(
                Diagnostic::error(INVALID_OPERAND, "slice step cannot be zero")
                    .with_primary(bounds[2].map_or(range, |step| self.range(step)), ""),
            );
            return None;
        };
        Some(Ty::Value(Type::Tuple(positions.iter().map(|position| items[*position].clone()).collect())))
    }

    fn type_call(
        &mut self,
        expr: ExprId,
        callee: ExprId,
        args: &[ExprId],
        keywords: &[KeywordArg],
    ) -> Option<Ty> {
        let callee_ty = self.ty(callee)?;
        let range = self.range(expr);
        let mut arg_types = Vec::with_capacity(args.len());
        for arg in args {
            arg_types.push(self.ty(*arg)?);
        }
        let mut keyword_types = Vec::with_capacity(keywords.len());
        for keyword in keywords {
            keyword_types.push(self.ty(keyword.value)?);
        }
        let no_keywords = |this: &mut Self, what: &str| {
            if let Some(keyword) = keywords.first() {
                this.error(
                    Diagnostic::error(WRONG_ARGUMENTS, format!("{what} takes no keyword arguments"))
                        .with_primary(keyword.range, "unexpected keyword argument"),
                );
                return false;
            }
            true
        };
        match callee_ty {
            Ty::Function(function) => {
                let body = match self.session.function_body(function) {
                    Ok(body) => body,
                    Err(diagnostics) => {
                        if self.report {
                            self.diagnostics.extend(diagnostics);
                        }
                        return None;
                    }
                };
                self.call_body(expr, body, args, &arg_types, keywords, &keyword_types, Vec::new())
            }
            Ty::Closure(body, capture_types) => {
                let parent = match self.session.origins[body] {
                    Some(BodyOrigin::Closure { parent, .. }) => parent,
                    _ => return None,
                };
                if parent != self.body_id && !capture_types.is_empty() {
                    self.error(
                        Diagnostic::error(
                        UNSUPPORTED,
                        "calling an inner function that captures variables outside the function that defines it is not supported",
                    )
                    .with_primary(range, "")
                    .with_help("pass the captured values as arguments instead"),
                    );
                    return None;
                }
                let captures: Vec<LocalId> =
                    self.session.bodies[body].captures.iter().map(|capture| capture.outer).collect();
                let captures = if parent == self.body_id { captures } else { Vec::new() };
                self.call_body(expr, body, args, &arg_types, keywords, &keyword_types, captures)
            }
            Ty::Callable(callable) => {
                let result = match callable {
                    Callable::Builtin(builtin) => {
                        if builtin == Builtin::Round
                            && let [keyword] = keywords
                            && keyword.name == "ndigits"
                        {
                            let mut all = arg_types.clone();
                            all.extend(keyword_types);
                            templates::builtins::call(builtin, &all)
                        } else {
                            if builtin == Builtin::Print
                                && let Some(keyword) = keywords.iter().find(|keyword| {
                                    matches!(keyword.name.as_str(), "sep" | "end" | "file" | "flush")
                                })
                            {
                                self.error(
                                    Diagnostic::error(
                                        UNSUPPORTED,
                                        format!("print(..., {}=) is not supported in compiled code", keyword.name),
                                    )
                                    .with_primary(keyword.range, "keyword argument used here")
                                    .with_help("print the pieces with separate print() calls or build the text first"),
                                );
                                return None;
                            }
                            if !no_keywords(self, &format!("{}()", builtin.name())) {
                                return None;
                            }
                            templates::builtins::call(builtin, &arg_types)
                        }
                    }
                    Callable::Math(function) => {
                        if !no_keywords(self, &format!("math.{}()", function.name())) {
                            return None;
                        }
                        templates::math::call(function, &arg_types)
                    }
                    Callable::CMath(function) => {
                        if !no_keywords(self, &format!("cmath.{}()", function.name())) {
                            return None;
                        }
                        templates::cmath::call(function, &arg_types)
                    }
                    Callable::NumpyScalar(scalar) => {
                        if !no_keywords(self, &format!("numpy.{scalar}()")) {
                            return None;
                        }
                        match arg_types.as_slice() {
                            [Ty::Value(Type::Scalar(from))] if !from.is_complex() || scalar.is_complex() => {
                                Ok(Resolved::returning(&[Type::Scalar(*from)], scalar))
                            }
                            _ => Err(TemplateError::InvalidOperand(format!(
                                "numpy.{scalar}() takes one real or integer number"
                            ))),
                        }
                    }
                };
                self.apply(expr, result, range, Some(CallTarget::Callable(callable)))
            }
            Ty::ExceptionClass(class) => {
                if !no_keywords(self, class.name()) {
                    return None;
                }
                for (arg, ty) in args.iter().zip(&arg_types) {
                    if !matches!(ty, Ty::Value(Type::Str | Type::Scalar(_))) {
                        self.error(
                            Diagnostic::error(
                                INVALID_OPERAND,
                                format!("exception arguments must be strings or numbers, not {ty}"),
                            )
                            .with_primary(self.range(*arg), ""),
                        );
                        return None;
                    }
                }
                let values: Vec<Type> = arg_types.iter().filter_map(|ty| ty.as_value().cloned()).collect();
                let resolved = Resolved::returning(&values, Ty::Exception(class));
                self.apply(expr, Ok(resolved), range, Some(CallTarget::Exception(class)))
            }
            other => {
                self.error(
                    Diagnostic::error(TYPE_MISMATCH, format!("'{other}' object is not callable"))
                        .with_primary(self.range(callee), "called here"),
                );
                None
            }
        }
    }

    /// Binds a call's arguments to a body's parameters and infers the callee instance.
    #[allow(clippy::too_many_arguments)]
    fn call_body(
        &mut self,
        expr: ExprId,
        body: BodyId,
        args: &[ExprId],
        arg_types: &[Ty],
        keywords: &[KeywordArg],
        keyword_types: &[Ty],
        captures: Vec<LocalId>,
    ) -> Option<Ty> {
        let range = self.range(expr);
        let callee = &self.session.bodies[body];
        let name = callee.name.clone();
        let params = callee.params.clone();
        let mut bound: Vec<Option<(BoundArg, Ty)>> = vec![None; params.len()];
        let n_positional = params.iter().filter(|param| param.kind != ParamKind::KeywordOnly).count();
        if args.len() > n_positional {
            self.error(
                Diagnostic::error(
                    WRONG_ARGUMENTS,
                    format!(
                        "{name}() takes {n_positional} positional arguments but {} were given",
                        args.len()
                    ),
                )
                .with_primary(range, ""),
            );
            return None;
        }
        for (slot, (arg, ty)) in bound.iter_mut().zip(args.iter().zip(arg_types)) {
            *slot = Some((BoundArg::Expr(*arg), ty.clone()));
        }
        for (keyword, ty) in keywords.iter().zip(keyword_types) {
            let Some(position) = params.iter().position(|param| param.name == keyword.name) else {
                let mut diagnostic = Diagnostic::error(
                    WRONG_ARGUMENTS,
                    format!("{name}() got an unexpected keyword argument '{}'", keyword.name),
                )
                .with_primary(keyword.range, "");
                if let Some(suggestion) = crate::diagnostics::did_you_mean(
                    &keyword.name,
                    params.iter().map(|param| param.name.as_str()),
                ) {
                    diagnostic = diagnostic.with_help(format!("did you mean '{suggestion}'?"));
                }
                self.error(diagnostic);
                return None;
            };
            if params[position].kind == ParamKind::PositionalOnly {
                self.error(
                    Diagnostic::error(
                        WRONG_ARGUMENTS,
                        format!(
                            "{name}() got a positional-only argument '{}' passed by keyword",
                            keyword.name
                        ),
                    )
                    .with_primary(keyword.range, ""),
                );
                return None;
            }
            if bound[position].is_some() {
                self.error(
                    Diagnostic::error(
                        WRONG_ARGUMENTS,
                        format!("{name}() got multiple values for argument '{}'", keyword.name),
                    )
                    .with_primary(keyword.range, ""),
                );
                return None;
            }
            bound[position] = Some((BoundArg::Expr(keyword.value), ty.clone()));
        }
        let mut bound_args = Vec::with_capacity(params.len() + captures.len());
        let mut types = Vec::with_capacity(params.len() + captures.len());
        for (param, slot) in params.iter().zip(bound) {
            match (slot, &param.default) {
                (Some((arg, ty)), _) => {
                    bound_args.push(arg);
                    types.push(ty);
                }
                (None, Some(default)) => {
                    types.push(Ty::Value(const_type(default)));
                    bound_args.push(BoundArg::Default(default.clone()));
                }
                (None, None) => {
                    self.error(
                        Diagnostic::error(
                            WRONG_ARGUMENTS,
                            format!("{name}() missing required argument '{}'", param.name),
                        )
                        .with_primary(range, ""),
                    );
                    return None;
                }
            }
        }
        for capture in captures {
            types.push(self.locals[capture].clone()?);
            bound_args.push(BoundArg::Capture(capture));
        }
        let instance = self.session.instance(body, types.clone());
        if self.report
            && let Err(diagnostics) = self.session.result(instance)
        {
            let mut diagnostics = diagnostics;
            if let Some(first) = diagnostics.first_mut() {
                let signature: Vec<String> = types.iter().map(ToString::to_string).collect();
                first.notes.push(numjit_diagnostics::Note {
                    kind: numjit_diagnostics::NoteKind::Note,
                    message: format!("while typing the call {name}({})", signature.join(", ")),
                });
            }
            for diagnostic in diagnostics {
                if !self.diagnostics.contains(&diagnostic) {
                    self.diagnostics.push(diagnostic);
                }
            }
            return None;
        }
        let ret = self.session.return_type(instance)?;
        let resolved = Resolved { args: Vec::new(), ret: ret.clone() };
        self.resolve(expr, &resolved, Some(CallTarget::Instance { instance, args: bound_args }));
        let _ = LocalId::new(0);
        Some(ret)
    }
}
