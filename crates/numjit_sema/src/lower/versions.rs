//! Variable versioning: Numba's SSA typing semantics on the HIR.
//!
//! Numba rewrites a function into SSA form before typing it, so every definition of a
//! variable is a variable of its own (`x`, `x.1`, ...) and only definitions that meet at a
//! control-flow join are unified (through the phi there). This module computes the same
//! versions: it walks the structured HIR in evaluation order, building a control-flow graph
//! of blocks on the fly, and runs the SSA construction of Braun et al. on it (on demand,
//! so only joins that a later read needs get a phi — pruned SSA, as Numba's typing sees
//! it). Every definition is a [`VersionKind::Def`], every non-trivial phi a
//! [`VersionKind::Phi`] over the versions that reach it, and every read of a local maps to
//! exactly one version.
//!
//! The graph over-approximates the paths lowering builds (every path lowering can take is
//! a path here): `try` bodies may jump to their handler after any definition, a `finally`
//! block is one block that every way out of its `try` passes through and that leaves to
//! each of their targets. Conditions that are constants take only their branch, as in
//! lowering (and Numba's dead-branch pruning). Lowering relies on the over-approximation:
//! the definitions that reach a read in its IR are among those that reach it here.
//!
//! Statements recurse along the block structure (bounded by the HIR's nesting limit, and
//! `elif` chains by the same structure the other passes walk); expressions and the SSA
//! look-ups use explicit work lists.

use std::collections::{HashMap, HashSet};

use cranelift_entity::{PrimaryMap, SecondaryMap};

use crate::env::ConstValue;
use crate::hir::*;

/// A block of the control-flow graph built during the walk.
type BlockIdx = usize;

/// What a read finds: a version, or nothing (no definition on the way back to the entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Val {
    Version(VersionId),
    Undef,
}

/// A phi under construction.
struct Phi {
    block: BlockIdx,
    local: LocalId,
    operands: Vec<Val>,
}

/// An enclosing construct that control leaving early passes through.
enum Scope {
    Loop {
        break_to: BlockIdx,
        continue_to: BlockIdx,
    },
    /// A `try` body whose exceptions go to `handler`.
    Try {
        handler: BlockIdx,
    },
    /// A `try` with a `finally` block entered at `entry`; `exits` are where control goes
    /// after the block (besides falling through).
    Finally {
        entry: BlockIdx,
        exits: Vec<BlockIdx>,
    },
}

/// Computes the versions of `body`'s locals.
pub(super) fn compute(body: &Body) -> Versions {
    let mut builder = Builder {
        body,
        preds: Vec::new(),
        sealed: Vec::new(),
        incomplete: HashMap::new(),
        defs: HashMap::new(),
        versions: PrimaryMap::new(),
        phis: HashMap::new(),
        phi_order: Vec::new(),
        alias: HashMap::new(),
        pending: Vec::new(),
        reads: Vec::new(),
        capture_reads: Vec::new(),
        def_sites: HashMap::new(),
        cur: None,
        scopes: Vec::new(),
        callable_captures: Vec::new(),
    };
    let mut captured: Vec<LocalId> = Vec::new();
    for (_, closure) in body.closures.iter() {
        for capture in &closure.body.captures {
            if !captured.contains(&capture.outer) {
                captured.push(capture.outer);
            }
        }
    }
    builder.callable_captures = captured;
    let entry = builder.new_block();
    builder.sealed[entry] = true;
    builder.cur = Some(entry);
    let bound: Vec<LocalId> = body
        .params
        .iter()
        .map(|param| param.local)
        .chain(body.captures.iter().map(|capture| capture.inner))
        .collect();
    for local in bound {
        builder.define(local, DefSite::Entry(local));
    }
    builder.block(&body.block);
    builder.finish()
}

struct Builder<'a> {
    body: &'a Body,
    preds: Vec<Vec<BlockIdx>>,
    sealed: Vec<bool>,
    incomplete: HashMap<BlockIdx, Vec<VersionId>>,
    defs: HashMap<(LocalId, BlockIdx), Val>,
    /// Every version, phis included (trivial phis become aliases and are dropped at the end).
    versions: PrimaryMap<VersionId, Version>,
    phis: HashMap<VersionId, Phi>,
    phi_order: Vec<VersionId>,
    alias: HashMap<VersionId, Val>,
    /// Phis whose operands are still to be looked up.
    pending: Vec<VersionId>,
    reads: Vec<(ExprId, Val)>,
    capture_reads: Vec<((ExprId, LocalId), Val)>,
    def_sites: HashMap<DefSite, VersionId>,
    /// The block being filled; `None` where control cannot reach.
    cur: Option<BlockIdx>,
    scopes: Vec<Scope>,
    /// Outer locals that some inner function captures (read where it may be called).
    callable_captures: Vec<LocalId>,
}

/// A step of the walk over an expression.
enum Task {
    Eval(ExprId),
    /// The children are done: define (for a store) or read captures (for a call).
    Finish(ExprId),
    /// The condition of a conditional expression is done.
    IfCond(ExprId),
    IfThen {
        expr: ExprId,
        else_block: BlockIdx,
        join: BlockIdx,
    },
    IfElse {
        join: BlockIdx,
    },
}

impl Builder<'_> {
    // ----- the graph ----------------------------------------------------------------------

    fn new_block(&mut self) -> BlockIdx {
        self.preds.push(Vec::new());
        self.sealed.push(false);
        self.preds.len() - 1
    }

    fn edge(&mut self, from: BlockIdx, to: BlockIdx) {
        self.preds[to].push(from);
    }

    /// The current block; code where control cannot reach goes to a fresh block.
    fn current(&mut self) -> BlockIdx {
        match self.cur {
            Some(block) => block,
            None => {
                let block = self.new_block();
                self.sealed[block] = true;
                self.cur = Some(block);
                block
            }
        }
    }

    /// An edge from the current block to `target`; control does not go on.
    fn jump(&mut self, target: BlockIdx) {
        if let Some(from) = self.cur.take() {
            self.edge(from, target);
        }
    }

    /// Seals `block` and continues there (nowhere if nothing leads to it).
    fn enter(&mut self, block: BlockIdx) {
        self.seal(block);
        self.cur = if self.preds[block].is_empty() { None } else { Some(block) };
    }

    /// Control leaves for `target` (`None`: the function's exit) through the scopes above
    /// `stop`, passing their `finally` blocks. The current block stays as it is.
    fn leave_from(&mut self, from: BlockIdx, target: Option<BlockIdx>, stop: usize) {
        let mut crossed: Vec<usize> = Vec::new();
        let mut idx = self.scopes.len();
        while idx > stop {
            idx -= 1;
            if let Scope::Finally { .. } = self.scopes[idx] {
                crossed.push(idx);
            }
        }
        self.chain(from, &crossed, target);
    }

    /// Raising: to the innermost handler, through the `finally` blocks on the way.
    fn raise_from(&mut self, from: BlockIdx) {
        let mut crossed: Vec<usize> = Vec::new();
        let mut target = None;
        let mut idx = self.scopes.len();
        while idx > 0 {
            idx -= 1;
            match self.scopes[idx] {
                Scope::Try { handler } => {
                    target = Some(handler);
                    break;
                }
                Scope::Finally { .. } => crossed.push(idx),
                Scope::Loop { .. } => {}
            }
        }
        self.chain(from, &crossed, target);
    }

    /// Edges `from` → the first crossed `finally` → the next → ... → `target`.
    fn chain(&mut self, from: BlockIdx, crossed: &[usize], target: Option<BlockIdx>) {
        let Some(&first) = crossed.first() else {
            if let Some(target) = target {
                self.edge(from, target);
            }
            return;
        };
        if let Scope::Finally { entry, .. } = self.scopes[first] {
            self.edge(from, entry);
        }
        // Each crossed `finally` block leaves to the next one, the last to the target.
        for (position, &scope_idx) in crossed.iter().enumerate() {
            let next = match crossed.get(position + 1) {
                Some(&next_idx) => match self.scopes[next_idx] {
                    Scope::Finally { entry, .. } => Some(entry),
                    _ => None,
                },
                None => target,
            };
            if let (Some(next), Scope::Finally { exits, .. }) = (next, &mut self.scopes[scope_idx])
                && !exits.contains(&next)
            {
                exits.push(next);
            }
        }
    }

    /// Where a `try` (or `finally`) encloses the current point, an exception raised here
    /// goes to its handler: an edge from the state so far, and code goes on in a new block.
    fn may_raise(&mut self) {
        if !self.scopes.iter().any(|scope| matches!(scope, Scope::Try { .. } | Scope::Finally { .. })) {
            return;
        }
        let Some(from) = self.cur else { return };
        self.raise_from(from);
        let next = self.new_block();
        self.edge(from, next);
        self.sealed[next] = true;
        self.cur = Some(next);
    }

    // ----- definitions and reads ----------------------------------------------------------

    fn define(&mut self, local: LocalId, site: DefSite) {
        let block = self.current();
        let version = self.versions.push(Version { local, kind: VersionKind::Def(site) });
        self.def_sites.insert(site, version);
        self.defs.insert((local, block), Val::Version(version));
        self.may_raise();
    }

    fn read(&mut self, local: LocalId) -> Val {
        let block = self.current();
        let value = self.lookup(local, block);
        self.drain();
        self.resolve(value)
    }

    fn resolve(&self, mut value: Val) -> Val {
        while let Val::Version(version) = value {
            match self.alias.get(&version) {
                Some(&next) => value = next,
                None => break,
            }
        }
        value
    }

    /// The value of `local` at the end of `block` so far (a new phi where paths merge).
    fn lookup(&mut self, local: LocalId, block: BlockIdx) -> Val {
        let mut chain = Vec::new();
        let mut current = block;
        let value = loop {
            if let Some(&value) = self.defs.get(&(local, current)) {
                break value;
            }
            if !self.sealed[current] {
                let phi = self.new_phi(local, current);
                self.incomplete.entry(current).or_default().push(phi);
                break Val::Version(phi);
            }
            match self.preds[current].as_slice() {
                [] => break Val::Undef,
                [single] => {
                    chain.push(current);
                    current = *single;
                }
                _ => {
                    let phi = self.new_phi(local, current);
                    self.pending.push(phi);
                    break Val::Version(phi);
                }
            }
        };
        for block in chain {
            self.defs.insert((local, block), value);
        }
        value
    }

    fn new_phi(&mut self, local: LocalId, block: BlockIdx) -> VersionId {
        let phi = self.versions.push(Version { local, kind: VersionKind::Phi(Vec::new()) });
        self.phis.insert(phi, Phi { block, local, operands: Vec::new() });
        self.phi_order.push(phi);
        self.defs.insert((local, block), Val::Version(phi));
        phi
    }

    fn seal(&mut self, block: BlockIdx) {
        if self.sealed[block] {
            return;
        }
        self.sealed[block] = true;
        if let Some(phis) = self.incomplete.remove(&block) {
            self.pending.extend(phis.into_iter().rev());
            self.drain();
        }
    }

    /// Looks up the operands of pending phis (which may create more).
    fn drain(&mut self) {
        while let Some(phi) = self.pending.pop() {
            let Some(data) = self.phis.get(&phi) else { continue };
            let (block, local) = (data.block, data.local);
            let preds = self.preds[block].clone();
            let mut operands = Vec::with_capacity(preds.len());
            for pred in preds {
                operands.push(self.lookup(local, pred));
            }
            if let Some(data) = self.phis.get_mut(&phi) {
                data.operands = operands;
            }
            self.try_remove_trivial(phi);
        }
    }

    /// Makes `phi` an alias when the versions reaching it (ignoring itself and paths
    /// without a definition) are at most one; true if it did.
    fn try_remove_trivial(&mut self, phi: VersionId) -> bool {
        if self.alias.contains_key(&phi) {
            return false;
        }
        let Some(data) = self.phis.get(&phi) else { return false };
        let mut same: Option<Val> = None;
        for &operand in &data.operands {
            let operand = self.resolve(operand);
            if operand == Val::Version(phi) || operand == Val::Undef || Some(operand) == same {
                continue;
            }
            if same.is_some() {
                return false;
            }
            same = Some(operand);
        }
        self.alias.insert(phi, same.unwrap_or(Val::Undef));
        true
    }

    // ----- statements ---------------------------------------------------------------------

    fn block(&mut self, block: &[StmtId]) {
        for &stmt in block {
            if self.cur.is_none() {
                return;
            }
            self.stmt(stmt);
        }
    }

    /// The truth of a constant condition (lowering takes only that branch).
    fn const_truth(&self, expr: ExprId) -> Option<bool> {
        match &self.body.exprs[expr].kind {
            Expr::Const(ConstValue::Bool(value)) => Some(*value),
            Expr::Const(ConstValue::Int(value)) => Some(*value != 0),
            Expr::Const(ConstValue::None) => Some(false),
            _ => None,
        }
    }

    fn stmt(&mut self, stmt: StmtId) {
        let body = self.body;
        match &body.stmts[stmt].kind {
            Stmt::Expr(value) => self.expr(*value),
            Stmt::Assign { target, value } => {
                self.expr(*value);
                self.define(*target, DefSite::Stmt(stmt, 0));
            }
            Stmt::Unpack { targets, value } => {
                self.expr(*value);
                for (idx, target) in targets.iter().enumerate() {
                    self.define(*target, DefSite::Stmt(stmt, idx as u32));
                }
            }
            Stmt::SetItem { base, index, value } => {
                for expr in [*value, *base, *index] {
                    self.expr(expr);
                }
            }
            Stmt::If { cond, then, otherwise } => {
                if let Some(truth) = self.const_truth(*cond) {
                    self.block(if truth { then } else { otherwise });
                    return;
                }
                self.expr(*cond);
                let from = self.current();
                let then_block = self.new_block();
                let else_block = self.new_block();
                let join = self.new_block();
                self.edge(from, then_block);
                self.edge(from, else_block);
                self.seal(then_block);
                self.seal(else_block);
                self.cur = Some(then_block);
                self.block(then);
                self.jump(join);
                self.cur = Some(else_block);
                self.block(otherwise);
                self.jump(join);
                self.enter(join);
            }
            Stmt::While { cond, body: loop_body, otherwise } => {
                let truth = self.const_truth(*cond);
                if truth == Some(false) {
                    self.block(otherwise);
                    return;
                }
                let header = self.new_block();
                let body_block = self.new_block();
                let else_block = self.new_block();
                let exit = self.new_block();
                self.jump(header);
                self.cur = Some(header);
                if truth.is_none() {
                    self.expr(*cond);
                }
                let tested = self.current();
                self.edge(tested, body_block);
                if truth.is_none() {
                    self.edge(tested, else_block);
                }
                self.cur = None;
                self.enter(body_block);
                self.scopes.push(Scope::Loop { break_to: exit, continue_to: header });
                self.block(loop_body);
                self.scopes.pop();
                self.jump(header);
                self.seal(header);
                self.enter(else_block);
                self.block(otherwise);
                self.jump(exit);
                self.enter(exit);
            }
            Stmt::For { target, iter, body: loop_body, otherwise } => {
                for expr in iter.exprs() {
                    self.expr(expr);
                }
                let header = self.new_block();
                let body_block = self.new_block();
                let latch = self.new_block();
                let else_block = self.new_block();
                let exit = self.new_block();
                self.jump(header);
                self.edge(header, body_block);
                self.edge(header, else_block);
                self.seal(body_block);
                self.cur = Some(body_block);
                self.define(*target, DefSite::Stmt(stmt, 0));
                self.scopes.push(Scope::Loop { break_to: exit, continue_to: latch });
                self.block(loop_body);
                self.scopes.pop();
                self.jump(latch);
                self.enter(latch);
                self.jump(header);
                self.seal(header);
                self.enter(else_block);
                self.block(otherwise);
                self.jump(exit);
                self.enter(exit);
            }
            Stmt::Break | Stmt::Continue => {
                let is_break = matches!(body.stmts[stmt].kind, Stmt::Break);
                let Some(loop_idx) =
                    self.scopes.iter().rposition(|scope| matches!(scope, Scope::Loop { .. }))
                else {
                    self.cur = None;
                    return;
                };
                let Scope::Loop { break_to, continue_to } = self.scopes[loop_idx] else { return };
                let target = if is_break { break_to } else { continue_to };
                if let Some(from) = self.cur.take() {
                    self.leave_from(from, Some(target), loop_idx + 1);
                }
            }
            Stmt::Return(value) => {
                if let Some(value) = value {
                    self.expr(*value);
                }
                if let Some(from) = self.cur.take() {
                    self.leave_from(from, None, 0);
                }
            }
            Stmt::Raise(value) => {
                if let Some(value) = value {
                    self.expr(*value);
                }
                if let Some(from) = self.cur.take() {
                    self.raise_from(from);
                }
            }
            Stmt::Assert { cond, msg } => {
                self.expr(*cond);
                if let Some(msg) = msg {
                    self.expr(*msg);
                }
            }
            Stmt::Try { body: try_body, handlers, otherwise, finally } => {
                self.lower_try(try_body, handlers, otherwise, finally);
            }
        }
    }

    fn lower_try(
        &mut self,
        try_body: &[StmtId],
        handlers: &[Handler],
        otherwise: &[StmtId],
        finally: &[StmtId],
    ) {
        let finally_entry = if finally.is_empty() {
            None
        } else {
            let entry = self.new_block();
            self.scopes.push(Scope::Finally { entry, exits: Vec::new() });
            Some(entry)
        };
        let handler_block = if handlers.is_empty() { None } else { Some(self.new_block()) };
        if let Some(handler) = handler_block {
            self.scopes.push(Scope::Try { handler });
        }
        self.may_raise();
        self.block(try_body);
        if handler_block.is_some() {
            self.scopes.pop();
        }
        self.block(otherwise);
        let after = self.new_block();
        self.jump(after);
        if let Some(handler) = handler_block {
            self.seal(handler);
            for clause in handlers {
                self.cur = if self.preds[handler].is_empty() { None } else { Some(handler) };
                self.block(&clause.body);
                self.jump(after);
            }
        }
        let Some(entry) = finally_entry else {
            self.enter(after);
            return;
        };
        let exits = match self.scopes.pop() {
            Some(Scope::Finally { exits, .. }) => exits,
            _ => Vec::new(),
        };
        self.enter(after);
        self.jump(entry);
        let falls_into = self.preds[entry].contains(&after);
        self.enter(entry);
        self.block(finally);
        let Some(end) = self.cur.take() else { return };
        for exit in exits {
            self.edge(end, exit);
        }
        if falls_into {
            let next = self.new_block();
            self.edge(end, next);
            self.enter(next);
        }
    }

    // ----- expressions --------------------------------------------------------------------

    fn expr(&mut self, root: ExprId) {
        let body = self.body;
        let mut tasks = vec![Task::Eval(root)];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Eval(expr) => match &body.exprs[expr].kind {
                    Expr::Local(local) => {
                        let value = self.read(*local);
                        self.reads.push((expr, value));
                    }
                    Expr::Closure(closure) => {
                        let outer: Vec<LocalId> = body.closures[*closure]
                            .body
                            .captures
                            .iter()
                            .map(|capture| capture.outer)
                            .collect();
                        for local in outer {
                            let value = self.read(local);
                            self.capture_reads.push(((expr, local), value));
                        }
                    }
                    Expr::If { cond, .. } => {
                        tasks.push(Task::IfCond(expr));
                        tasks.push(Task::Eval(*cond));
                    }
                    kind => {
                        tasks.push(Task::Finish(expr));
                        tasks.extend(kind.children().into_iter().rev().map(Task::Eval));
                    }
                },
                Task::Finish(expr) => match &body.exprs[expr].kind {
                    Expr::Store { local, .. } => self.define(*local, DefSite::Store(expr)),
                    Expr::Call { callee, .. }
                        if matches!(body.exprs[*callee].kind, Expr::Local(_) | Expr::Closure(_)) =>
                    {
                        // The call may call an inner function, which reads the variables it
                        // captures now.
                        for local in self.callable_captures.clone() {
                            let value = self.read(local);
                            self.capture_reads.push(((expr, local), value));
                        }
                    }
                    _ => {}
                },
                Task::IfCond(expr) => {
                    let from = self.current();
                    let then_block = self.new_block();
                    let else_block = self.new_block();
                    let join = self.new_block();
                    self.edge(from, then_block);
                    self.edge(from, else_block);
                    self.seal(then_block);
                    self.seal(else_block);
                    self.cur = Some(then_block);
                    let Expr::If { then, .. } = body.exprs[expr].kind else { continue };
                    tasks.push(Task::IfThen { expr, else_block, join });
                    tasks.push(Task::Eval(then));
                }
                Task::IfThen { expr, else_block, join } => {
                    let from = self.current();
                    self.edge(from, join);
                    self.cur = Some(else_block);
                    let Expr::If { otherwise, .. } = body.exprs[expr].kind else { continue };
                    tasks.push(Task::IfElse { join });
                    tasks.push(Task::Eval(otherwise));
                }
                Task::IfElse { join } => {
                    let from = self.current();
                    self.edge(from, join);
                    self.seal(join);
                    self.cur = Some(join);
                }
            }
        }
    }

    // ----- the result ---------------------------------------------------------------------

    fn finish(mut self) -> Versions {
        // Blocks never sealed are unreachable; sealing completes their phis.
        let unsealed: Vec<BlockIdx> = self.incomplete.keys().copied().collect();
        for block in unsealed {
            self.seal(block);
        }
        loop {
            let mut changed = false;
            for idx in 0..self.phi_order.len() {
                let phi = self.phi_order[idx];
                changed |= self.try_remove_trivial(phi);
            }
            if !changed {
                break;
            }
        }
        // The phis a read needs, directly or through other phis.
        let reads: Vec<(ExprId, Val)> =
            self.reads.iter().map(|(expr, value)| (*expr, self.resolve(*value))).collect();
        let capture_reads: Vec<((ExprId, LocalId), Val)> =
            self.capture_reads.iter().map(|(key, value)| (*key, self.resolve(*value))).collect();
        let mut live: HashSet<VersionId> = HashSet::new();
        let mut stack: Vec<VersionId> = reads
            .iter()
            .map(|(_, value)| *value)
            .chain(capture_reads.iter().map(|(_, value)| *value))
            .filter_map(|value| match value {
                Val::Version(version) => Some(version),
                Val::Undef => None,
            })
            .collect();
        let mut incoming: HashMap<VersionId, Vec<VersionId>> = HashMap::new();
        while let Some(version) = stack.pop() {
            if !live.insert(version) {
                continue;
            }
            let Some(phi) = self.phis.get(&version) else { continue };
            let mut operands: Vec<VersionId> = Vec::new();
            for operand in &phi.operands {
                if let Val::Version(operand) = self.resolve(*operand)
                    && operand != version
                    && !operands.contains(&operand)
                {
                    operands.push(operand);
                    stack.push(operand);
                }
            }
            incoming.insert(version, operands);
        }
        // Renumber: definitions and live phis, in creation order.
        let mut renumber: HashMap<VersionId, VersionId> = HashMap::new();
        let mut versions: PrimaryMap<VersionId, Version> = PrimaryMap::new();
        for (old, version) in self.versions.iter() {
            let keep = match version.kind {
                VersionKind::Def(_) => true,
                VersionKind::Phi(_) => live.contains(&old) && !self.alias.contains_key(&old),
            };
            if keep {
                renumber.insert(old, versions.push(version.clone()));
            }
        }
        for (old, operands) in &incoming {
            let Some(&new) = renumber.get(old) else { continue };
            let mapped: Vec<VersionId> =
                operands.iter().filter_map(|operand| renumber.get(operand).copied()).collect();
            versions[new].kind = VersionKind::Phi(mapped);
        }
        let map = |value: Val| match value {
            Val::Version(version) => renumber.get(&version).copied(),
            Val::Undef => None,
        };
        let reads: HashMap<ExprId, VersionId> =
            reads.into_iter().filter_map(|(expr, value)| map(value).map(|version| (expr, version))).collect();
        let capture_reads: HashMap<(ExprId, LocalId), VersionId> = capture_reads
            .into_iter()
            .filter_map(|(key, value)| map(value).map(|version| (key, version)))
            .collect();
        let defs: HashMap<DefSite, VersionId> = self
            .def_sites
            .iter()
            .filter_map(|(site, version)| renumber.get(version).map(|new| (*site, *new)))
            .collect();
        // The joins each version flows into directly.
        let mut joins: SecondaryMap<VersionId, Vec<VersionId>> = SecondaryMap::new();
        for (id, version) in versions.iter() {
            if let VersionKind::Phi(operands) = &version.kind {
                for operand in operands {
                    joins[*operand].push(id);
                }
            }
        }
        Versions { versions, defs, reads, capture_reads, joins }
    }
}
