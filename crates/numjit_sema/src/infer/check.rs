//! The constraint propagation for one instance, and the final checking pass that reports
//! errors and records resolutions.

use std::collections::{HashMap, HashSet};

use cranelift_entity::{EntityRef, SecondaryMap};
use numjit_diagnostics::Diagnostic;
use numjit_types::{ScalarType, Type};
use text_size::TextRange;

use super::Session;
use crate::diagnostics::{
    INVALID_INDEX, INVALID_OPERAND, READONLY_ARRAY, TYPE_MISMATCH, UNSUPPORTED, WRONG_ARGUMENTS,
};
use crate::env::ConstValue;
use crate::hir::*;
use crate::program::{BodyId, BodyOrigin, BoundArg, CallTarget, InstanceId, Resolution, TypedBody};
use crate::templates::ufunc::{self, Ufunc};
use crate::templates::{self, Resolved, TemplateError, builtins::Builtin, numpy, operators};
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
    // Tuples written directly as an index (`a[rows, cols]`) may hold arrays.
    let mut index_positions: HashSet<ExprId> = body
        .exprs
        .values()
        .filter_map(|expr| match expr.kind {
            Expr::Index { index, .. } => Some(index),
            _ => None,
        })
        .collect();
    index_positions.extend(stmt_order.iter().filter_map(|stmt| match body.stmts[*stmt].kind {
        Stmt::SetItem { index, .. } => Some(index),
        _ => None,
    }));
    // `locals=`: the declared type of each variable named there.
    let declared: HashMap<LocalId, Type> = match session.declared.get(&body_id) {
        Some(by_name) => body
            .locals
            .iter()
            .filter_map(|(local, data)| Some((local, by_name.get(&data.name)?.clone())))
            .collect(),
        None => HashMap::new(),
    };
    let mut checker = Checker {
        session,
        instance,
        body_id,
        body: &body,
        declared,
        reported_declared: HashSet::new(),
        versions: SecondaryMap::new(),
        exprs: SecondaryMap::new(),
        return_type: None,
        report: false,
        diagnostics: Vec::new(),
        resolutions: HashMap::new(),
        const_locals: body.constant_int_locals(),
        stmt_order,
        stmt_triggers: HashMap::new(),
        triggered: HashSet::new(),
        returns_none,
        index_positions,
    };
    for stmt in checker.stmt_order.clone() {
        if let Some(last) = own_exprs(&body, stmt).into_iter().max() {
            checker.stmt_triggers.entry(last).or_default().push(stmt);
            checker.triggered.insert(stmt);
        }
    }
    checker.propagate_all();
    let bound =
        body.params.iter().map(|param| param.local).chain(body.captures.iter().map(|capture| capture.inner));
    for (local, ty) in bound.zip(&arg_types) {
        if let Some(version) = body.versions.def(DefSite::Entry(local)) {
            checker.versions[version] = Some(checker.declared_or(local, ty.clone()));
        }
    }
    // Types only grow and each can grow a bounded number of times; the limit guards the
    // unexpected.
    let max_passes = 16 + body.versions.versions.len() + body.exprs.len();
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
    // Parameters declared by `locals=` take their arguments' types converted (reported now).
    let bound =
        body.params.iter().map(|param| param.local).chain(body.captures.iter().map(|capture| capture.inner));
    for (local, ty) in bound.zip(&arg_types) {
        checker.declared_or(local, ty.clone());
    }
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
        version_types: checker.versions,
        expr_types: checker.exprs,
        resolutions: checker.resolutions,
        return_type: return_value,
    };
    Ok(Inferred { typed, return_type_unknown })
}

/// The expressions a statement evaluates itself (not those of nested statements).
fn own_exprs(body: &Body, stmt: StmtId) -> Vec<ExprId> {
    match &body.stmts[stmt].kind {
        Stmt::Expr(expr)
        | Stmt::Assign { value: expr, .. }
        | Stmt::Unpack { value: expr, .. }
        | Stmt::Return(Some(expr))
        | Stmt::Raise(Some(expr))
        | Stmt::If { cond: expr, .. }
        | Stmt::While { cond: expr, .. } => vec![*expr],
        Stmt::SetItem { base, index, value } => vec![*base, *index, *value],
        Stmt::For { iter, .. } => iter.exprs(),
        Stmt::Assert { cond, msg } => std::iter::once(*cond).chain(*msg).collect(),
        Stmt::Break | Stmt::Continue | Stmt::Return(None) | Stmt::Raise(None) | Stmt::Try { .. } => {
            Vec::new()
        }
    }
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

struct Checker<'s, 'env> {
    session: &'s mut Session<'env>,
    instance: InstanceId,
    body_id: BodyId,
    body: &'s Body,
    /// Variables whose type `locals=` declares.
    declared: HashMap<LocalId, Type>,
    /// Declared variables already reported as assigned an unconvertible value.
    reported_declared: HashSet<LocalId>,
    /// The type of each version of a local.
    versions: SecondaryMap<VersionId, Option<Ty>>,
    exprs: SecondaryMap<ExprId, Option<Ty>>,
    return_type: Option<Ty>,
    /// The final pass: report errors and record resolutions.
    report: bool,
    diagnostics: Vec<Diagnostic>,
    resolutions: HashMap<ExprId, Resolution>,
    const_locals: HashMap<LocalId, i64>,
    stmt_order: Vec<StmtId>,
    /// The statements to type right after each expression (their last own expression).
    stmt_triggers: HashMap<ExprId, Vec<StmtId>>,
    /// The statements in `stmt_triggers`.
    triggered: HashSet<StmtId>,
    /// Control can reach the end of the body (or it has no `return`): the function may
    /// return `None`.
    returns_none: bool,
    /// Expressions written as the index of a subscript.
    index_positions: HashSet<ExprId>,
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
    ///
    /// Propagation passes type each statement right after its last expression, so that a
    /// definition's version is typed before the reads after it (a chain of 5,000
    /// reassignments converges in one pass); the final reporting pass keeps the order
    /// expressions, then statements, for a stable order of diagnostics.
    fn pass(&mut self) -> bool {
        let mut changed = false;
        let triggers = std::mem::take(&mut self.stmt_triggers);
        for (expr, _) in self.body.exprs.iter() {
            let ty = self.type_expr(expr);
            if self.exprs[expr] != ty {
                self.exprs[expr] = ty;
                changed = true;
            }
            if !self.report
                && let Some(stmts) = triggers.get(&expr)
            {
                for stmt in stmts {
                    changed |= self.type_stmt(*stmt);
                }
            }
        }
        self.stmt_triggers = triggers;
        let order = self.stmt_order.clone();
        for stmt in order {
            if self.report || !self.triggered.contains(&stmt) {
                changed |= self.type_stmt(stmt);
            }
        }
        changed |= self.type_joins();
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
            TemplateError::Unsupported(message) => (UNSUPPORTED, message),
            TemplateError::ReadonlyArray(message) => (READONLY_ARRAY, message),
            TemplateError::InvalidIndex(message) => (INVALID_INDEX, message),
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

    /// The type a definition stores becomes its version's type (and flows on into the
    /// joins it reaches); true if it changed.
    fn define(&mut self, site: DefSite, ty: Option<Ty>) -> bool {
        let (Some(ty), Some(version)) = (ty, self.body.versions.def(site)) else { return false };
        let ty = self.declared_or(self.body.versions.versions[version].local, ty);
        if self.versions[version].as_ref() == Some(&ty) {
            return false;
        }
        self.versions[version] = Some(ty);
        self.propagate(vec![version]);
        true
    }

    /// The type a value of type `ty` has once stored in `local`: its declared type
    /// (`locals=`) if it has one and `ty` converts to it (else, in the final pass, an
    /// error, and `ty`), or `ty`.
    fn declared_or(&mut self, local: LocalId, ty: Ty) -> Ty {
        let Some(declared) = self.declared.get(&local) else { return ty };
        match &ty {
            Ty::Value(from) if from == declared || numjit_types::can_convert(from, declared).is_some() => {
                Ty::Value(declared.clone())
            }
            _ => {
                if self.report && self.reported_declared.insert(local) {
                    let data = &self.body.locals[local];
                    let range = data.definitions.first().copied().unwrap_or(self.body.name_range);
                    self.diagnostics.push(
                        Diagnostic::error(
                            TYPE_MISMATCH,
                            format!("cannot store a {ty} in '{}', declared {declared} by locals=", data.name),
                        )
                        .with_primary(range, "assigned here"),
                    );
                }
                ty
            }
        }
    }

    /// Re-types the joins that the versions in `work` flow into, and the joins after those.
    fn propagate(&mut self, mut work: Vec<VersionId>) {
        let versions = &self.body.versions;
        while let Some(version) = work.pop() {
            for &join in &versions.joins[version] {
                let VersionKind::Phi(incoming) = &versions.versions[join].kind else { continue };
                let joined = self.join_type(incoming);
                if joined.is_some() && self.versions[join] != joined {
                    self.versions[join] = joined;
                    work.push(join);
                }
            }
        }
    }

    /// Propagates every typed version into the joins (the parameters, at the start).
    fn propagate_all(&mut self) {
        let typed: Vec<VersionId> =
            self.versions.iter().filter(|(_, ty)| ty.is_some()).map(|(version, _)| version).collect();
        self.propagate(typed);
    }

    /// The unification of the typed versions in `incoming`; a version that does not unify
    /// is left out (the final pass reports it).
    fn join_type(&self, incoming: &[VersionId]) -> Option<Ty> {
        let mut joined: Option<Ty> = None;
        for operand in incoming {
            let Some(ty) = &self.versions[*operand] else { continue };
            joined = match joined {
                None => Some(ty.clone()),
                Some(previous) => match unify_ty(&previous, ty) {
                    Some(next) => Some(next),
                    None => Some(previous),
                },
            };
        }
        joined
    }

    /// The type of the version a read of a local sees.
    fn read_type(&self, expr: ExprId) -> Option<Ty> {
        self.versions[self.body.versions.read(expr)?].clone()
    }

    /// The type of a variable an inner function captures, read at `expr` (the closure or
    /// a call): the version seen there, else (a variable assigned only later) every
    /// version of it unified.
    fn capture_type(&self, expr: ExprId, local: LocalId) -> Option<Ty> {
        if let Some(&version) = self.body.versions.capture_reads.get(&(expr, local)) {
            return self.versions[version].clone();
        }
        let mut joined: Option<Ty> = None;
        for version in self.body.versions.of_local(local) {
            let Some(ty) = &self.versions[version] else { continue };
            joined = match joined {
                None => Some(ty.clone()),
                Some(previous) => Some(unify_ty(&previous, ty)?),
            };
        }
        joined
    }

    /// Types every join as the unification of the versions that reach it; true if any
    /// changed. Joins whose versions do not unify are reported by [`Self::report_conflicts`].
    fn type_joins(&mut self) -> bool {
        let mut changed = false;
        for (version, data) in self.body.versions.versions.iter() {
            let VersionKind::Phi(incoming) = &data.kind else { continue };
            let joined = self.join_type(incoming);
            if joined.is_some() && self.versions[version] != joined {
                self.versions[version] = joined;
                changed = true;
            }
        }
        changed
    }

    /// The source range shown for a definition, with the type it stores.
    fn site_range(&self, site: DefSite) -> TextRange {
        match site {
            DefSite::Entry(local) => self
                .body
                .params
                .iter()
                .find(|param| param.local == local)
                .map_or(self.body.name_range, |param| param.range),
            DefSite::Stmt(stmt, _) => match &self.body.stmts[stmt].kind {
                Stmt::Assign { value, .. } | Stmt::Unpack { value, .. } => self.range(*value),
                _ => self.body.stmts[stmt].range,
            },
            DefSite::Store(expr) => self.range(expr),
        }
    }

    /// Reports joins whose versions do not unify (once per variable), showing every
    /// definition that reaches the join.
    fn report_conflicts(&mut self) {
        let versions = &self.body.versions;
        let mut reported: Vec<LocalId> = Vec::new();
        for (join, data) in versions.versions.iter() {
            let VersionKind::Phi(incoming) = &data.kind else { continue };
            if reported.contains(&data.local) {
                continue;
            }
            let mut joined: Option<Ty> = None;
            let mut fails = false;
            for operand in incoming {
                let Some(ty) = &self.versions[*operand] else { continue };
                joined = match joined {
                    None => Some(ty.clone()),
                    Some(previous) => match unify_ty(&previous, ty) {
                        Some(next) => Some(next),
                        None => {
                            fails = true;
                            break;
                        }
                    },
                };
            }
            if !fails {
                continue;
            }
            reported.push(data.local);
            // The definitions reaching the join, in source order.
            let mut sites: Vec<(TextRange, Ty)> = Vec::new();
            for version in versions.defs_reaching(join) {
                let VersionKind::Def(site) = versions.versions[version].kind else { continue };
                if let Some(ty) = &self.versions[version] {
                    sites.push((self.site_range(site), ty.clone()));
                }
            }
            sites.sort_by_key(|(range, _)| (range.start(), range.end()));
            self.report_conflict(data.local, &sites);
        }
    }

    /// One variable whose definitions meet at a join with types that do not unify.
    fn report_conflict(&mut self, local: LocalId, sites: &[(TextRange, Ty)]) {
        let mut joined: Option<Ty> = None;
        let mut clash = None;
        for (site_idx, (_, ty)) in sites.iter().enumerate() {
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
        let Some((first, second, clash_idx)) = clash else { return };
        let data = &self.body.locals[local];
        let name = if data.kind == LocalKind::Temporary { "a temporary" } else { data.name.as_str() };
        let clash_site = sites[clash_idx].0;
        let mut diagnostic =
            Diagnostic::error(TYPE_MISMATCH, format!("cannot unify {first} and {second} for '{name}'"))
                .with_primary(clash_site, format!("'{name}' is assigned {second} here"));
        let mut seen: Vec<TextRange> = vec![clash_site];
        for (site, ty) in sites {
            if seen.contains(site) {
                continue;
            }
            seen.push(*site);
            diagnostic = diagnostic.with_secondary(*site, format!("'{name}' is assigned {ty} here"));
        }
        self.diagnostics.push(diagnostic.with_help(
            "the definitions of a variable that meet where control flow joins must have compatible types; use a new name for the other value",
        ));
    }

    // ----- statements -------------------------------------------------------------------

    fn type_stmt(&mut self, stmt: StmtId) -> bool {
        let range = self.body.stmts[stmt].range;
        match &self.body.stmts[stmt].kind {
            Stmt::Expr(_) | Stmt::Break | Stmt::Continue => false,
            Stmt::Assign { value, .. } => {
                let ty = self.ty(*value);
                self.define(DefSite::Stmt(stmt, 0), ty)
            }
            Stmt::Unpack { targets, value } => self.type_unpack(stmt, targets.len(), *value),
            Stmt::SetItem { base, index, value } => {
                if let Some(Ty::Value(Type::Flat(array))) = self.ty(*base) {
                    let (Some(index_ty), Some(value_ty)) = (self.ty(*index), self.ty(*value)) else {
                        return false;
                    };
                    let result = match value_ty.as_value() {
                        Some(value_ty) => numpy::flat_setitem(&array, &index_ty, value_ty),
                        _ => Err(TemplateError::InvalidOperand(format!(
                            "cannot store a {value_ty} at index {index_ty} of an array"
                        ))),
                    };
                    if let Err(error) = result {
                        self.template_error(error, range);
                    }
                    return false;
                }
                if let Some(Ty::Value(Type::Array(array))) = self.ty(*base) {
                    let (Some(index_ty), Some(value_ty)) = (self.ty(*index), self.ty(*value)) else {
                        return false;
                    };
                    let result = match value_ty.as_value() {
                        Some(value_ty) => numpy::setitem(&array, &index_ty, value_ty),
                        _ => Err(TemplateError::InvalidOperand(format!(
                            "cannot store a {value_ty} at index {index_ty} of an array"
                        ))),
                    };
                    if let Err(error) = result {
                        self.template_error(error, range);
                    }
                    return false;
                }
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
            Stmt::For { iter, .. } => {
                let item = self.iter_item(iter, range);
                self.define(DefSite::Stmt(stmt, 0), item)
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

    fn type_unpack(&mut self, stmt: StmtId, n_targets: usize, value: ExprId) -> bool {
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
        if items.len() != n_targets {
            self.error(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    format!("cannot unpack {ty} ({} items) into {n_targets} names", items.len()),
                )
                .with_primary(range, format!("{} items", items.len())),
            );
            return false;
        }
        let mut changed = false;
        for (idx, item) in items.into_iter().enumerate() {
            changed |= self.define(DefSite::Stmt(stmt, idx as u32), Some(Ty::Value(item)));
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
                    Ty::Value(Type::Flat(array)) => Some(Ty::from(array.dtype)),
                    Ty::Value(Type::Array(array)) if array.ndim == 0 => {
                        self.error(
                            Diagnostic::error(INVALID_OPERAND, "iteration over a 0-d array")
                                .with_primary(self.range(*value), "")
                                .with_help("read the element with a[()] instead"),
                        );
                        None
                    }
                    // The first axis: elements of a 1-d array, views of the rows of others.
                    Ty::Value(Type::Array(array)) => numpy::getitem(array, &Ty::INT64).ok().map(Ty::Value),
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
            Expr::Local(_) => self.read_type(expr),
            Expr::Item(item) => Some(Ty::of_item(item)),
            Expr::Closure(closure) => {
                let body = *self.session.closure_bodies.get(&(self.body_id, *closure))?;
                let mut captures = Vec::new();
                let outer: Vec<LocalId> =
                    self.session.bodies[body].captures.iter().map(|capture| capture.outer).collect();
                for local in outer {
                    captures.push(self.capture_type(expr, local)?);
                }
                Some(Ty::Closure(body, captures))
            }
            Expr::Binary { op, lhs, rhs, in_place } => {
                let (lhs, rhs) = (self.ty(*lhs)?, self.ty(*rhs)?);
                if (is_array(&lhs) || is_array(&rhs)) && *op == BinaryOp::MatMul {
                    return self.apply(expr, numpy::matmul(&lhs, &rhs, "the operator @"), range, None);
                }
                if is_array(&lhs) || is_array(&rhs) {
                    let Some(ufunc) = Ufunc::of_binary(*op) else {
                        self.reject_arrays(&[&lhs, &rhs], &format!("the operator {}", op.as_str()), range)?;
                        return None;
                    };
                    let result = match (&lhs, *in_place) {
                        (Ty::Value(Type::Array(target)), true) => {
                            if target.readonly {
                                self.error(readonly_write(target, range));
                                return None;
                            }
                            ufunc::resolve_in_place(ufunc, target, &rhs)
                        }
                        _ => ufunc::resolve(ufunc, &[lhs, rhs]),
                    };
                    return self.apply(
                        expr,
                        result,
                        range,
                        Some(CallTarget::Callable(Callable::Ufunc(ufunc))),
                    );
                }
                self.apply(expr, operators::binary(*op, &lhs, &rhs), range, None)
            }
            Expr::Unary { op, operand } => {
                let operand = self.ty(*operand)?;
                if is_array(&operand)
                    && let Some(ufunc) = Ufunc::of_unary(*op)
                {
                    let result = ufunc::resolve(ufunc, &[operand]);
                    return self.apply(
                        expr,
                        result,
                        range,
                        Some(CallTarget::Callable(Callable::Ufunc(ufunc))),
                    );
                }
                if is_array(&operand) && *op == UnaryOp::Not {
                    self.error(
                        Diagnostic::error(
                            INVALID_OPERAND,
                            "the truth value of an array with more than one element is ambiguous",
                        )
                        .with_primary(range, "")
                        .with_help("use a.any() or a.all(), or np.logical_not(a) for the element-wise `not`"),
                    );
                    return None;
                }
                self.apply(expr, operators::unary(*op, &operand), range, None)
            }
            Expr::Compare { op, lhs, rhs } => {
                let (lhs, rhs) = (self.ty(*lhs)?, self.ty(*rhs)?);
                if (is_array(&lhs) || is_array(&rhs))
                    && let Some(ufunc) = Ufunc::of_compare(*op)
                {
                    let result = ufunc::resolve(ufunc, &[lhs, rhs]);
                    return self.apply(
                        expr,
                        result,
                        range,
                        Some(CallTarget::Callable(Callable::Ufunc(ufunc))),
                    );
                }
                self.reject_arrays(&[&lhs, &rhs], &format!("the comparison {}", op.as_str()), range)?;
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
            Expr::Store { value, .. } => {
                let ty = self.ty(*value);
                self.define(DefSite::Store(expr), ty.clone());
                ty
            }
            Expr::Tuple(items) => {
                let item_tys = items.iter().map(|item| self.ty(*item)).collect::<Option<Vec<Ty>>>()?;
                if item_tys.iter().any(|ty| matches!(ty, Ty::Slice { .. } | Ty::Ellipsis))
                    || (self.index_positions.contains(&expr)
                        && item_tys.iter().any(|ty| matches!(ty, Ty::Value(Type::Array(_)))))
                {
                    return Some(Ty::IndexTuple(item_tys));
                }
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
            Expr::SliceItem { lower, upper, step } => {
                for bound in [lower, upper, step].into_iter().flatten() {
                    self.check_slice_bound(*bound)?;
                }
                Some(Ty::Slice { has_step: has_step(self.body, *step) })
            }
            Expr::Ellipsis => Some(Ty::Ellipsis),
            Expr::ConstArray(array) => Some(Ty::Value(Type::Array(array.array_type()))),
            Expr::Index { base, index } => self.type_index(expr, *base, *index),
            Expr::Slice { base, lower, upper, step } => self.type_slice(expr, *base, [*lower, *upper, *step]),
            Expr::Attribute { base, name } => {
                let ty = self.ty(*base)?;
                if let Ty::Value(Type::Array(array)) = &ty {
                    if name == "dtype" {
                        // A compile-time value, like `np.float64` (`np.zeros(n, a.dtype)`).
                        return Some(Ty::Callable(Callable::NumpyScalar(array.dtype)));
                    }
                    return match numpy::attribute(array, name) {
                        Some(attribute) => {
                            self.resolve(expr, &Resolved::returning(&[], attribute.clone()), None);
                            Some(Ty::Value(attribute))
                        }
                        None => {
                            self.error(
                                Diagnostic::error(
                                    UNSUPPORTED,
                                    format!("the attribute '{name}' of arrays is not supported yet"),
                                )
                                .with_primary(range, "")
                                .with_help("arrays support shape, ndim, size, itemsize, nbytes and strides"),
                            );
                            None
                        }
                    };
                }
                if let Expr::Attribute { base: array_expr, name: flags } = &self.body.exprs[*base].kind
                    && flags == "flags"
                    && matches!(self.ty(*array_expr), Some(Ty::Value(Type::Array(_))))
                {
                    // `a.flags.c_contiguous`: `a.flags` is a tuple of the flags.
                    return match numpy::FLAG_NAMES.iter().any(|(flag, _)| flag == name) {
                        true => {
                            self.resolve(expr, &Resolved::returning(&[], Type::BOOL), None);
                            Some(Ty::Value(Type::BOOL))
                        }
                        false => {
                            self.error(
                                Diagnostic::error(UNSUPPORTED, format!("the flag '{name}' of arrays is not supported"))
                                    .with_primary(range, "")
                                    .with_help("arrays have the flags c_contiguous, f_contiguous, contiguous, writeable and aligned"),
                            );
                            None
                        }
                    };
                }
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
            Expr::MethodCall { base, method, args, keywords } => {
                let ty = self.ty(*base)?;
                if let Ty::Value(Type::Array(array)) = &ty {
                    let mut arg_tys = args.iter().map(|arg| self.ty(*arg)).collect::<Option<Vec<_>>>()?;
                    for keyword in keywords {
                        arg_tys.push(self.ty(keyword.value)?);
                    }
                    let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
                    return match numpy::method(array, method, &arg_tys, &names) {
                        Some(result) => self.apply(expr, result, range, None),
                        None => {
                            self.error(
                                Diagnostic::error(
                                    UNSUPPORTED,
                                    format!("the method '{method}' of arrays ({array}) is not supported yet"),
                                )
                                .with_primary(range, ""),
                            );
                            None
                        }
                    };
                }
                if let Some(keyword) = keywords.first() {
                    self.error(
                        Diagnostic::error(WRONG_ARGUMENTS, format!("{method}() takes no keyword arguments"))
                            .with_primary(keyword.range, "unexpected keyword argument"),
                    );
                    return None;
                }
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

    /// Reports an operation on arrays that is not supported yet; `None` if there is one.
    fn reject_arrays(&mut self, operands: &[&Ty], what: &str, range: TextRange) -> Option<()> {
        let Some(array) = operands.iter().find_map(|ty| match ty {
            Ty::Value(Type::Array(array)) => Some(*array),
            _ => None,
        }) else {
            return Some(());
        };
        self.error(
            Diagnostic::error(UNSUPPORTED, format!("{what} on arrays ({array}) is not supported yet"))
                .with_primary(range, "")
                .with_help("loop over the elements and index the array"),
        );
        None
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

    /// Checks a slice bound inside an array index: an integer or `None`.
    fn check_slice_bound(&mut self, bound: ExprId) -> Option<()> {
        let ty = self.ty(bound)?;
        let ok = match &ty {
            Ty::Value(Type::NoneType) => true,
            Ty::Value(Type::Scalar(scalar)) => scalar.is_integer() || *scalar == ScalarType::Bool,
            _ => false,
        };
        if !ok {
            self.error(
                Diagnostic::error(INVALID_INDEX, format!("slice indices must be integers or None, not {ty}"))
                    .with_primary(self.range(bound), ""),
            );
            return None;
        }
        Some(())
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
        if let Ty::Value(Type::Array(array) | Type::Flat(array)) = &base_ty {
            let result = match base_ty.as_value() {
                Some(Type::Flat(_)) => numpy::flat_getitem(array, &index_ty),
                _ => numpy::getitem(array, &index_ty),
            };
            return match result {
                Ok(item) => {
                    self.resolve(expr, &Resolved::returning(&[], item.clone()), None);
                    Some(Ty::Value(item))
                }
                Err(error) => {
                    self.template_error(error, range);
                    None
                }
            };
        }
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
        if let Ty::Value(Type::Array(array)) = &base_ty {
            for bound in bounds.into_iter().flatten() {
                self.check_slice_bound(bound)?;
            }
            let item = Ty::Slice { has_step: has_step(self.body, bounds[2]) };
            return self.apply(
                expr,
                numpy::getitem(array, &item).map(|ty| Resolved::returning(&[], ty)),
                range,
                None,
            );
        }
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
                    Callable::Numpy(function) => {
                        let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
                        let mut all = arg_types.clone();
                        all.extend(keyword_types);
                        numpy::bind_create(function, args.len(), &names)
                            .and_then(|params| numpy::create(function, &params, &all))
                    }
                    Callable::ArrayFunc(function) => {
                        let names: Vec<&str> = keywords.iter().map(|keyword| keyword.name.as_str()).collect();
                        let mut all = arg_types.clone();
                        all.extend(keyword_types);
                        numpy::array_func(function, &all, &names)
                    }
                    Callable::Ufunc(ufunc) => {
                        // An output array, by position or as `out=`.
                        let out_keyword = matches!(keywords, [keyword] if keyword.name == "out");
                        if arg_types.len() + usize::from(out_keyword) == ufunc.n_inputs() + 1 {
                            let mut all = arg_types.clone();
                            all.extend(keyword_types);
                            let (inputs, out) = all.split_at(ufunc.n_inputs());
                            ufunc::resolve_out(ufunc, inputs, &out[0])
                        } else {
                            if let Some(keyword) = keywords.first() {
                                self.error(
                                    Diagnostic::error(
                                        UNSUPPORTED,
                                        format!(
                                            "numpy.{}(..., {}=) is not supported",
                                            ufunc.name(),
                                            keyword.name
                                        ),
                                    )
                                    .with_primary(keyword.range, "keyword argument used here")
                                    .with_help("pass the inputs positionally and assign the result"),
                                );
                                return None;
                            }
                            ufunc::resolve(ufunc, &arg_types)
                        }
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
            types.push(self.capture_type(expr, capture)?);
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

/// Whether `ty` is an array value.
fn is_array(ty: &Ty) -> bool {
    matches!(ty, Ty::Value(Type::Array(_)))
}

/// The diagnostic for writing to a read-only array.
fn readonly_write(array: &numjit_types::ArrayType, range: TextRange) -> Diagnostic {
    Diagnostic::error(READONLY_ARRAY, format!("cannot modify {array}"))
        .with_primary(range, "written here")
        .with_help("the caller passed an array whose `writeable` flag is False; pass a copy")
}

/// Whether a slice's step is given (a `None` literal counts as absent, as in Numba).
fn has_step(body: &Body, step: Option<ExprId>) -> bool {
    step.is_some_and(|step| !matches!(body.exprs[step].kind, Expr::Const(ConstValue::None)))
}
