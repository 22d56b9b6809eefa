//! Definite assignment: which reads of locals may happen before any assignment.
//!
//! A read no path assigns before is the compile-time error `unbound-local` (CPython
//! raises `UnboundLocalError` there every time). A read that some paths reach unassigned
//! is listed in `Body::maybe_unbound` for lowering to check at run time. The analysis is
//! a forward walk over the structured blocks with two sets, "assigned on every path" and
//! "assigned on some path"; loops are approximated without iterating (everything the loop
//! assigns is "maybe" inside and after it), which errs towards run-time checks.

use numjit_diagnostics::Diagnostic;

use crate::diagnostics::UNBOUND_LOCAL;
use crate::hir::*;

#[derive(Clone)]
struct State {
    definitely: Vec<bool>,
    maybe: Vec<bool>,
}

impl State {
    fn join(a: Option<State>, b: Option<State>) -> Option<State> {
        match (a, b) {
            (None, other) | (other, None) => other,
            (Some(mut a), Some(b)) => {
                for (slot, other) in a.definitely.iter_mut().zip(&b.definitely) {
                    *slot &= *other;
                }
                for (slot, other) in a.maybe.iter_mut().zip(&b.maybe) {
                    *slot |= *other;
                }
                Some(a)
            }
        }
    }

    fn assign(&mut self, local: LocalId) {
        self.definitely[local.as_u32() as usize] = true;
        self.maybe[local.as_u32() as usize] = true;
    }
}

/// Runs the analysis, filling `body.maybe_unbound` and reporting provable errors.
pub(super) fn check(body: &mut Body, diagnostics: &mut Vec<Diagnostic>) {
    let n_locals = body.locals.len();
    let mut state = State { definitely: vec![false; n_locals], maybe: vec![false; n_locals] };
    for (local, data) in body.locals.iter() {
        if matches!(data.kind, LocalKind::Param | LocalKind::Captured) {
            state.assign(local);
        }
    }
    let mut checker =
        Checker { body, maybe_unbound: Vec::new(), reported: vec![false; n_locals], diagnostics };
    let block = checker.body.block.clone();
    checker.block(&block, Some(state));
    let maybe_unbound = std::mem::take(&mut checker.maybe_unbound);
    body.maybe_unbound = maybe_unbound;
}

struct Checker<'a> {
    body: &'a Body,
    maybe_unbound: Vec<ExprId>,
    reported: Vec<bool>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn block(&mut self, block: &Block, mut state: Option<State>) -> Option<State> {
        for &stmt in block {
            let current = state?;
            state = self.stmt(stmt, current);
        }
        state
    }

    /// Every local a block assigns, however deeply.
    fn assigned_in(&self, blocks: &[&Block], state: &mut State) {
        let mut stack: Vec<StmtId> = blocks.iter().flat_map(|block| block.iter().copied()).collect();
        while let Some(stmt) = stack.pop() {
            let mut exprs = Vec::new();
            match &self.body.stmts[stmt].kind {
                Stmt::Assign { target, value } => {
                    state.maybe[target.as_u32() as usize] = true;
                    exprs.push(*value);
                }
                Stmt::Unpack { targets, value } => {
                    for target in targets {
                        state.maybe[target.as_u32() as usize] = true;
                    }
                    exprs.push(*value);
                }
                Stmt::For { target, body, otherwise, iter } => {
                    state.maybe[target.as_u32() as usize] = true;
                    stack.extend(body.iter().chain(otherwise));
                    exprs.extend(iter.exprs());
                }
                Stmt::If { cond, then, otherwise } => {
                    exprs.push(*cond);
                    stack.extend(then.iter().chain(otherwise));
                }
                Stmt::While { cond, body, otherwise } => {
                    exprs.push(*cond);
                    stack.extend(body.iter().chain(otherwise));
                }
                Stmt::Try { body, handlers, otherwise, finally } => {
                    stack.extend(body.iter().chain(otherwise).chain(finally));
                    for handler in handlers {
                        stack.extend(&handler.body);
                    }
                }
                Stmt::Expr(value) | Stmt::Return(Some(value)) | Stmt::Raise(Some(value)) => {
                    exprs.push(*value)
                }
                Stmt::SetItem { base, index, value } => exprs.extend([*base, *index, *value]),
                Stmt::Assert { cond, msg } => exprs.extend(std::iter::once(*cond).chain(*msg)),
                Stmt::Break | Stmt::Continue | Stmt::Return(None) | Stmt::Raise(None) => {}
            }
            // `:=` inside expressions.
            while let Some(expr) = exprs.pop() {
                if let Expr::Store { local, .. } = &self.body.exprs[expr].kind {
                    state.maybe[local.as_u32() as usize] = true;
                }
                exprs.extend(self.body.exprs[expr].kind.children());
            }
        }
    }

    fn stmt(&mut self, stmt: StmtId, mut state: State) -> Option<State> {
        match &self.body.stmts[stmt].kind {
            Stmt::Expr(value) => {
                self.expr(*value, &mut state);
                Some(state)
            }
            Stmt::Assign { target, value } => {
                self.expr(*value, &mut state);
                state.assign(*target);
                Some(state)
            }
            Stmt::Unpack { targets, value } => {
                self.expr(*value, &mut state);
                for target in targets {
                    state.assign(*target);
                }
                Some(state)
            }
            Stmt::SetItem { base, index, value } => {
                for expr in [*value, *base, *index] {
                    self.expr(expr, &mut state);
                }
                Some(state)
            }
            Stmt::If { cond, then, otherwise } => {
                self.expr(*cond, &mut state);
                let then_out = self.block(then, Some(state.clone()));
                let else_out = self.block(otherwise, Some(state));
                State::join(then_out, else_out)
            }
            Stmt::While { cond, body, otherwise } => {
                let mut inside = state.clone();
                self.assigned_in(&[body], &mut inside);
                self.expr(*cond, &mut inside);
                self.expr(*cond, &mut state);
                self.block(body, Some(inside.clone()));
                let mut after = state;
                self.assigned_in(&[body], &mut after);
                let else_out = self.block(otherwise, Some(after.clone()));
                State::join(Some(after), else_out)
            }
            Stmt::For { target, iter, body, otherwise } => {
                for expr in iter.exprs() {
                    self.expr(expr, &mut state);
                }
                let mut inside = state.clone();
                self.assigned_in(&[body], &mut inside);
                inside.assign(*target);
                self.block(body, Some(inside));
                let mut after = state;
                self.assigned_in(&[body], &mut after);
                after.maybe[target.as_u32() as usize] = true;
                let else_out = self.block(otherwise, Some(after.clone()));
                State::join(Some(after), else_out)
            }
            Stmt::Try { body, handlers, otherwise, finally } => {
                let body_out = self.block(body, Some(state.clone()));
                let body_out = match body_out {
                    Some(out) => self.block(otherwise, Some(out)),
                    None => None,
                };
                let mut handler_start = state.clone();
                self.assigned_in(&[body], &mut handler_start);
                let mut joined = body_out;
                for handler in handlers {
                    let out = self.block(&handler.body, Some(handler_start.clone()));
                    joined = State::join(joined, out);
                }
                if finally.is_empty() {
                    return joined;
                }
                let mut finally_start = handler_start;
                self.assigned_in(&[otherwise], &mut finally_start);
                let finally_out = self.block(finally, Some(finally_start))?;
                let mut after = joined?;
                for (slot, assigned) in after.definitely.iter_mut().zip(&finally_out.definitely) {
                    *slot |= *assigned;
                }
                Some(after)
            }
            Stmt::Return(value) | Stmt::Raise(value) => {
                if let Some(value) = value {
                    self.expr(*value, &mut state);
                }
                None
            }
            Stmt::Assert { cond, msg } => {
                self.expr(*cond, &mut state);
                if let Some(msg) = msg {
                    self.expr(*msg, &mut state);
                }
                Some(state)
            }
            Stmt::Break | Stmt::Continue => None,
        }
    }

    /// Visits an expression tree in evaluation order (children left to right, then the
    /// node), with an explicit stack.
    fn expr(&mut self, root: ExprId, state: &mut State) {
        let mut stack = vec![(root, false)];
        while let Some((expr, children_done)) = stack.pop() {
            let kind = &self.body.exprs[expr].kind;
            if !children_done {
                stack.push((expr, true));
                for child in kind.children().into_iter().rev() {
                    stack.push((child, false));
                }
                continue;
            }
            match kind {
                Expr::Local(local) => {
                    let slot = local.as_u32() as usize;
                    let data = &self.body.locals[*local];
                    if data.kind == LocalKind::Temporary || state.definitely[slot] {
                        continue;
                    }
                    if state.maybe[slot] {
                        self.maybe_unbound.push(expr);
                    } else if !self.reported[slot] {
                        self.reported[slot] = true;
                        let range = self.body.exprs[expr].range;
                        let mut diagnostic = Diagnostic::error(
                            UNBOUND_LOCAL,
                            format!("local variable '{}' is referenced before assignment", data.name),
                        )
                        .with_primary(range, "read here before any assignment");
                        if let Some(first) = data.definitions.first() {
                            diagnostic =
                                diagnostic.with_secondary(*first, "assigned here, which makes it local");
                        }
                        self.diagnostics.push(
                            diagnostic.with_help("assign the variable on every path before reading it"),
                        );
                    }
                }
                Expr::Store { local, .. } => {
                    if self.body.locals[*local].kind == LocalKind::Temporary {
                        state.assign(*local);
                    } else {
                        state.maybe[local.as_u32() as usize] = true;
                    }
                }
                _ => {}
            }
        }
    }
}
