//! `for` loops over `range`/`prange`, tuples, `enumerate` and `zip`.
//!
//! The iterable becomes a [`Sequence`]: a length and a way to compute item `k`. A loop
//! whose body has no `break` and no `return` (and that is not inside `try`) is the IR's
//! structured `for`: over the range itself when the header is `range(...)` (so the
//! parallel passes see the induction variable), else over `0..len`. The locals the body
//! assigns (and the loop variable) are its loop-carried values, so after the loop they hold
//! their last values, as in Python. Other loops are blocks: a header with the counter as
//! block parameter, the body, a latch that increments, and the `else` block on the exit
//! path that `break` skips.
//!
//! Lengths of ranges are computed as Python does, in unsigned arithmetic so that
//! `range(-2**63, 2**63 - 1)` has the right length; item `k` of a range is
//! `start + k * step` in the range's integer type (wrapping arithmetic is exact there).

use std::collections::{BTreeSet, HashMap};

use numjit_ir::{ExceptionKind, IntCC, LoopRange, Value};
use numjit_sema::hir::{DefSite, Expr, ForIter, LocalId, LocalKind, Stmt, StmtId};
use numjit_sema::templates::{self, Builtin};
use numjit_sema::{ConstValue, Ty};
use numjit_types::{ArrayType, ScalarType, Type};

use crate::function::{Lowerer, Operand, ReadKey, Scope};
use crate::messages;
use crate::ssa::Var;
use crate::types::unsigned_of;

/// What a `for` loop iterates over, evaluated.
#[derive(Clone, Debug)]
pub(crate) enum Sequence {
    /// `range(start, stop, step)` of integer type `int`.
    Range { start: Value, stop: Value, step: Value, int: ScalarType },
    /// A homogeneous tuple.
    Tuple { value: Value, items: Vec<Type> },
    /// `enumerate(inner, start)`.
    Enumerate { start: Value, inner: Box<Sequence> },
    /// `zip(a, b, ...)`.
    Zip(Vec<Sequence>),
    /// The first axis of an array: elements of a 1-d array, views of the rows of others.
    Array { value: Value, array: ArrayType },
    /// `a.flat`: every element in C order.
    Flat { value: Value, array: ArrayType },
}

impl<'a> Lowerer<'a> {
    pub(crate) fn lower_for(
        &mut self,
        stmt: StmtId,
        target: LocalId,
        iter: &'a ForIter,
        body: &'a [StmtId],
        otherwise: &'a [StmtId],
    ) {
        let Some(sequence) = self.eval_sequence(iter, 0) else { return };
        if self.cur.is_none() {
            return;
        }
        if !self.in_try() && !breaks_or_returns(self.body, body) {
            self.structured_for(stmt, target, iter, &sequence, body);
            self.lower_block(otherwise);
        } else {
            self.cfg_for(stmt, target, iter, &sequence, body, otherwise);
        }
    }

    /// Evaluates a loop header's iterable.
    fn eval_sequence(&mut self, iter: &ForIter, depth: u32) -> Option<Sequence> {
        if depth > 256 {
            self.unsupported("an iterable nested this deeply", self.stmt_range);
            return None;
        }
        match iter {
            ForIter::Range { start, stop, step, parallel } => {
                let exprs: Vec<_> =
                    start.iter().chain(std::iter::once(stop)).chain(step.iter()).copied().collect();
                let mut values = Vec::with_capacity(exprs.len());
                let mut types = Vec::with_capacity(exprs.len());
                for &expr in &exprs {
                    let operand = self.eval(expr);
                    values.push(self.value_of(operand, expr));
                    types.push(self.typed.expr_types[expr].clone().unwrap_or(Ty::NONE));
                }
                let builtin = if *parallel { Builtin::Prange } else { Builtin::Range };
                let Ok(resolved) = templates::builtins::call(builtin, &types) else {
                    self.unsupported("this range", self.stmt_range);
                    return None;
                };
                let Some(Type::Range(int)) = resolved.ret.as_value().cloned() else { return None };
                let mut converted = Vec::with_capacity(values.len());
                for ((value, ty), formal) in values.into_iter().zip(&types).zip(&resolved.args) {
                    let from = ty.as_value().cloned().unwrap_or(Type::NoneType);
                    converted.push(self.coerce(value, &from, formal));
                }
                let (start_value, stop_value, step_value) = match converted.as_slice() {
                    [stop] => (self.scalar(int, 0), *stop, self.scalar(int, 1)),
                    [start, stop] => (*start, *stop, self.scalar(int, 1)),
                    [start, stop, step] => (*start, *stop, *step),
                    _ => return None,
                };
                if let Some(step_expr) = step
                    && !matches!(self.body.exprs[*step_expr].kind, Expr::Const(ConstValue::Int(value)) if value != 0)
                {
                    let zero = self.is_zero(step_value, int);
                    self.raise_if(zero, ExceptionKind::ValueError, messages::RANGE_STEP_ZERO);
                }
                Some(Sequence::Range { start: start_value, stop: stop_value, step: step_value, int })
            }
            ForIter::Value(expr) => {
                let operand = self.eval(*expr);
                let range = self.body.exprs[*expr].range;
                match (operand, self.expr_value_type(*expr)) {
                    (Operand::Value(value), Some(Type::Range(int))) => {
                        let start = self.ins().tuple_get(value, 0);
                        let stop = self.ins().tuple_get(value, 1);
                        let step = self.ins().tuple_get(value, 2);
                        Some(Sequence::Range { start, stop, step, int: *int })
                    }
                    (Operand::Value(value), Some(Type::Array(array))) if array.ndim >= 1 => {
                        Some(Sequence::Array { value, array: *array })
                    }
                    (Operand::Value(value), Some(Type::Flat(array))) => {
                        Some(Sequence::Flat { value, array: *array })
                    }
                    (Operand::Value(value), Some(Type::Tuple(items))) => {
                        if items.iter().any(|item| item != &items[0]) {
                            self.unsupported("iterating over a heterogeneous tuple", range);
                            return None;
                        }
                        Some(Sequence::Tuple { value, items: items.clone() })
                    }
                    _ => {
                        self.unsupported("iterating over this value", range);
                        None
                    }
                }
            }
            ForIter::Enumerate { inner, start } => {
                let inner = self.eval_sequence(inner, depth + 1)?;
                let operand = self.eval(*start);
                let value = self.value_of(operand, *start);
                let start = self.convert(value, ScalarType::Int64);
                Some(Sequence::Enumerate { start, inner: Box::new(inner) })
            }
            ForIter::Zip(items) => {
                let mut sequences = Vec::with_capacity(items.len());
                for item in items {
                    sequences.push(self.eval_sequence(item, depth + 1)?);
                }
                Some(Sequence::Zip(sequences))
            }
        }
    }

    /// The number of items, as an int64.
    fn sequence_len(&mut self, sequence: &Sequence) -> Value {
        match sequence {
            Sequence::Range { start, stop, step, int } => self.range_len(*start, *stop, *step, *int),
            Sequence::Tuple { items, .. } => self.scalar(ScalarType::Int64, items.len() as i64),
            Sequence::Array { value, .. } => self.ins().array_dim(*value, 0),
            Sequence::Flat { value, array } => self.array_size(*value, array.ndim),
            Sequence::Enumerate { inner, .. } => self.sequence_len(inner),
            Sequence::Zip(sequences) => {
                let mut shortest: Option<Value> = None;
                for sequence in sequences {
                    let len = self.sequence_len(sequence);
                    shortest = Some(match shortest {
                        None => len,
                        Some(current) => {
                            let shorter = self.ins().icmp(IntCC::LessThan, len, current);
                            self.ins().select(shorter, len, current)
                        }
                    });
                }
                shortest.unwrap_or_else(|| self.scalar(ScalarType::Int64, 0))
            }
        }
    }

    /// Item `k` (an int64 below the length) and its Python type.
    fn sequence_item(&mut self, sequence: &Sequence, k: Value) -> Option<(Value, Type)> {
        match sequence {
            Sequence::Range { start, step, int, .. } => {
                let k = self.convert(k, *int);
                let offset = self.ins().imul(k, *step);
                Some((self.ins().iadd(*start, offset), Type::Scalar(*int)))
            }
            Sequence::Tuple { value, items } => {
                let item_type = items.first()?.clone();
                let item = self.select_item(*value, items.len() as i64, k, &item_type);
                Some((item, item_type))
            }
            Sequence::Flat { value, array } => {
                Some((self.flat_load(*value, array, k), Type::Scalar(array.dtype)))
            }
            Sequence::Array { value, array } if array.ndim == 1 => {
                Some((self.ins().array_load(*value, &[k]), Type::Scalar(array.dtype)))
            }
            Sequence::Array { value, array } => {
                let row = templates::numpy::getitem(array, &Ty::INT64).ok()?;
                let layout = row.as_array()?.layout;
                let stride = self.ins().array_stride(*value, 0);
                let offset = self.ins().imul(k, stride);
                let mut dims = Vec::new();
                let mut strides = Vec::new();
                for axis in 1..u32::from(array.ndim) {
                    dims.push(self.ins().array_dim(*value, axis));
                    strides.push(self.ins().array_stride(*value, axis));
                }
                Some((self.ins().array_view(layout, *value, offset, &dims, &strides), row))
            }
            Sequence::Enumerate { start, inner } => {
                let index = self.ins().iadd(*start, k);
                let (item, item_type) = self.sequence_item(inner, k)?;
                let pair = self.ins().tuple_make(&[index, item]);
                Some((pair, Type::Tuple(vec![Type::INT64, item_type])))
            }
            Sequence::Zip(sequences) => {
                let mut values = Vec::with_capacity(sequences.len());
                let mut types = Vec::with_capacity(sequences.len());
                for sequence in sequences {
                    let (value, ty) = self.sequence_item(sequence, k)?;
                    values.push(value);
                    types.push(ty);
                }
                Some((self.ins().tuple_make(&values), Type::Tuple(types)))
            }
        }
    }

    /// `len(range(start, stop, step))` as an int64 (`step` is not zero).
    pub(crate) fn range_len(&mut self, start: Value, stop: Value, step: Value, int: ScalarType) -> Value {
        let (start, stop, step, work) = if int.size_bytes() < 8 {
            let int64 = ScalarType::Int64;
            (self.convert(start, int64), self.convert(stop, int64), self.convert(step, int64), int64)
        } else {
            (start, stop, step, int)
        };
        let unsigned = unsigned_of(work);
        let zero = self.scalar(work, 0);
        let one = self.scalar(unsigned, 1);
        let zero_len = self.scalar(ScalarType::Int64, 0);
        let positive = self.ins().icmp(IntCC::GreaterThan, step, zero);
        let forward = self.ins().icmp(IntCC::LessThan, start, stop);
        let backward = self.ins().icmp(IntCC::GreaterThan, start, stop);
        let nonempty = self.ins().select(positive, forward, backward);
        let up = self.ins().isub(stop, start);
        let down = self.ins().isub(start, stop);
        let distance = self.ins().select(positive, up, down);
        let negated = self.ins().ineg(step);
        let magnitude = self.ins().select(positive, step, negated);
        let distance = self.convert(distance, unsigned);
        let magnitude = self.convert(magnitude, unsigned);
        let before_last = self.ins().isub(distance, one);
        let steps = self.ins().idiv(before_last, magnitude);
        let count = self.ins().iadd(steps, one);
        let count = self.convert(count, ScalarType::Int64);
        self.ins().select(nonempty, count, zero_len)
    }

    /// The length of a `range` object (its tuple representation).
    pub(crate) fn range_value_len(&mut self, range: Value, int: ScalarType) -> Value {
        let start = self.ins().tuple_get(range, 0);
        let stop = self.ins().tuple_get(range, 1);
        let step = self.ins().tuple_get(range, 2);
        self.range_len(start, stop, step, int)
    }

    /// Assigns the loop variable (definition `site`).
    fn assign_item(&mut self, site: DefSite, target: LocalId, item: Option<(Value, Type)>) {
        let Some((value, item_type)) = item else { return };
        self.define(site, target, value, &item_type);
    }

    /// Variables a structured loop carries: those the body's definitions (and the loop
    /// variable's) store into, when read anywhere (temporaries never live across
    /// iterations), then the "bound" flags of their locals.
    fn carried_vars(&self, site: DefSite, target: LocalId, body: &[StmtId]) -> Vec<Var> {
        let (mut sites, read_inside) = defs_and_reads(self.body, body);
        sites.push(site);
        let mut reads_inside: HashMap<Var, usize> = HashMap::new();
        for key in read_inside {
            if let Some((var, _)) = self.read_vars.get(&key) {
                *reads_inside.entry(*var).or_insert(0) += 1;
            }
        }
        // Locals the body assigns before reading them (the loop variable, the targets a
        // tuple loop variable unpacks into): their values need no carrying across
        // iterations, only out of the loop when code outside reads them.
        let mut killed = killed_on_entry(self.body, body);
        killed.insert(target);
        let mut vars: BTreeSet<Var> = BTreeSet::new();
        let mut flags: BTreeSet<Var> = BTreeSet::new();
        for site in sites {
            let Some(targets) = self.def_vars.get(&site) else { continue };
            for (var, ty) in targets {
                let Some(&local) = self.var_local.get(var) else { continue };
                // An array variable the body defines is always carried: each definition
                // decrefs the previous iteration's reference, and the exits the last one.
                if crate::arrays::holds_arrays(ty) {
                    vars.insert(*var);
                    if let Some(&flag) = self.flag_of.get(&local) {
                        flags.insert(flag);
                    }
                    continue;
                }
                if self.body.locals[local].kind == LocalKind::Temporary {
                    continue;
                }
                let total = self.var_reads.get(var).copied().unwrap_or(0);
                if total == 0 {
                    continue;
                }
                let reads_outside = total > reads_inside.get(var).copied().unwrap_or(0);
                if killed.contains(&local) && !reads_outside {
                    continue;
                }
                if self.ssa.var_types.get(*var).is_some_and(Option::is_some) {
                    vars.insert(*var);
                }
                if let Some(&flag) = self.flag_of.get(&local) {
                    flags.insert(flag);
                }
            }
        }
        vars.into_iter().chain(flags).collect()
    }

    fn structured_for(
        &mut self,
        stmt: StmtId,
        target: LocalId,
        iter: &ForIter,
        sequence: &Sequence,
        body: &'a [StmtId],
    ) {
        let site = DefSite::Stmt(stmt, 0);
        let direct = match (iter, sequence) {
            (ForIter::Range { .. }, Sequence::Range { start, stop, step, int }) => {
                Some((*start, *stop, *step, *int))
            }
            _ => None,
        };
        let range = match direct {
            Some((start, stop, step, _)) => LoopRange { start, stop, step },
            None => {
                let start = self.scalar(ScalarType::Int64, 0);
                let stop = self.sequence_len(sequence);
                let step = self.scalar(ScalarType::Int64, 1);
                LoopRange { start, stop, step }
            }
        };
        let carried = self.carried_vars(site, target, body);
        let outer = self.current_block();
        let inits: Vec<Value> =
            carried.iter().map(|&var| self.ssa.read(&mut self.func, var, outer)).collect();
        let lp = self.ins().for_loop(range, &inits);
        if let (Some(start), Some(step)) = (self.constant_int(range.start), self.constant_int(range.step))
            && step > 0
        {
            self.induction_floor.insert(lp.induction_variable, start);
        }
        self.ssa.set_region_entry(lp.entry_block, outer);
        for (&var, &param) in carried.iter().zip(&lp.carried) {
            self.ssa.write(var, lp.entry_block, param);
        }
        let outer_region = std::mem::replace(&mut self.region, lp.body);
        self.cur = Some(lp.entry_block);
        let item = match direct {
            Some((_, _, _, int)) => Some((lp.induction_variable, Type::Scalar(int))),
            None => self.sequence_item(sequence, lp.induction_variable),
        };
        self.assign_item(site, target, item);
        let latch = self.new_block();
        self.scopes.push(Scope::Loop { break_to: None, continue_to: latch });
        self.lower_block(body);
        self.scopes.pop();
        if self.ssa.n_preds(latch) > 0 {
            self.jump(latch, &[]);
            self.enter(latch);
        } else {
            self.func.layout.remove_block(latch);
        }
        if let Some(block) = self.cur {
            let values: Vec<Value> =
                carried.iter().map(|&var| self.ssa.read(&mut self.func, var, block)).collect();
            self.ins().yield_(&values);
        }
        self.region = outer_region;
        self.cur = Some(outer);
        for (&var, &result) in carried.iter().zip(&lp.results) {
            self.ssa.write(var, outer, result);
        }
    }

    fn cfg_for(
        &mut self,
        stmt: StmtId,
        target: LocalId,
        iter: &ForIter,
        sequence: &Sequence,
        body: &'a [StmtId],
        otherwise: &'a [StmtId],
    ) {
        let _ = iter;
        let len = self.sequence_len(sequence);
        let zero = self.scalar(ScalarType::Int64, 0);
        let header = self.new_block();
        let k = self.func.dfg.append_block_param(header, Type::INT64);
        let body_block = self.new_block();
        let exit = self.new_block();
        let else_block = if otherwise.is_empty() { None } else { Some(self.new_block()) };
        self.jump(header, &[zero]);
        self.cur = Some(header);
        let more = self.ins().icmp(IntCC::LessThan, k, len);
        self.brif(more, body_block, else_block.unwrap_or(exit));
        if self.enter(body_block) {
            let item = self.sequence_item(sequence, k);
            self.assign_item(DefSite::Stmt(stmt, 0), target, item);
            let latch = self.new_block();
            self.scopes.push(Scope::Loop { break_to: Some(exit), continue_to: latch });
            self.lower_block(body);
            self.scopes.pop();
            self.jump(latch, &[]);
            if self.enter(latch) {
                let one = self.scalar(ScalarType::Int64, 1);
                let next = self.ins().iadd(k, one);
                self.jump(header, &[next]);
            }
        }
        self.ssa.seal(&mut self.func, header);
        if let Some(else_block) = else_block
            && self.enter(else_block)
        {
            self.lower_block(otherwise);
            self.jump(exit, &[]);
        }
        self.enter(exit);
    }
}

/// Whether a loop body has a `break` of this loop or a `return` anywhere.
fn breaks_or_returns(body: &numjit_sema::hir::Body, block: &[StmtId]) -> bool {
    // (statement, inside a nested loop)
    let mut stack: Vec<(StmtId, bool)> = block.iter().map(|stmt| (*stmt, false)).collect();
    while let Some((stmt, nested)) = stack.pop() {
        match &body.stmts[stmt].kind {
            Stmt::Break if !nested => return true,
            Stmt::Return(_) => return true,
            Stmt::If { then, otherwise, .. } => {
                stack.extend(then.iter().chain(otherwise).map(|s| (*s, nested)))
            }
            Stmt::While { body: inner, otherwise, .. } | Stmt::For { body: inner, otherwise, .. } => {
                stack.extend(inner.iter().map(|s| (*s, true)));
                stack.extend(otherwise.iter().map(|s| (*s, nested)));
            }
            Stmt::Try { body: inner, handlers, otherwise, finally } => {
                stack.extend(inner.iter().chain(otherwise).chain(finally).map(|s| (*s, nested)));
                for handler in handlers {
                    stack.extend(handler.body.iter().map(|s| (*s, nested)));
                }
            }
            _ => {}
        }
    }
    false
}

/// Locals that the assignments at the start of a loop body assign before anything in the
/// body reads them (the targets a tuple loop variable unpacks into, for example).
fn killed_on_entry(body: &numjit_sema::hir::Body, block: &[StmtId]) -> BTreeSet<LocalId> {
    let mut killed = BTreeSet::new();
    let mut exposed = BTreeSet::new();
    for stmt in block {
        let (targets, value): (&[LocalId], _) = match &body.stmts[*stmt].kind {
            Stmt::Assign { target, value } => (std::slice::from_ref(target), *value),
            Stmt::Unpack { targets, value } => (targets.as_slice(), *value),
            _ => break,
        };
        let mut exprs = vec![value];
        while let Some(expr) = exprs.pop() {
            let kind = &body.exprs[expr].kind;
            match kind {
                Expr::Local(local) if !killed.contains(local) => {
                    exposed.insert(*local);
                }
                Expr::Store { .. } | Expr::If { .. } => return killed,
                _ => {}
            }
            exprs.extend(kind.children());
        }
        for target in targets {
            if !exposed.contains(target) {
                killed.insert(*target);
            }
        }
    }
    killed
}

/// Every definition in a block (statements and `:=`/temporary stores in its expressions),
/// and every read of a version in it (one entry per read).
fn defs_and_reads(body: &numjit_sema::hir::Body, block: &[StmtId]) -> (Vec<DefSite>, Vec<ReadKey>) {
    let mut sites = Vec::new();
    let mut reads = Vec::new();
    let mut stmts: Vec<StmtId> = block.to_vec();
    let mut exprs = Vec::new();
    while let Some(stmt) = stmts.pop() {
        match &body.stmts[stmt].kind {
            Stmt::Expr(expr) | Stmt::Return(Some(expr)) | Stmt::Raise(Some(expr)) => exprs.push(*expr),
            Stmt::Assign { value, .. } => {
                sites.push(DefSite::Stmt(stmt, 0));
                exprs.push(*value);
            }
            Stmt::Unpack { targets, value } => {
                sites.extend((0..targets.len()).map(|idx| DefSite::Stmt(stmt, idx as u32)));
                exprs.push(*value);
            }
            Stmt::SetItem { base, index, value } => exprs.extend([*base, *index, *value]),
            Stmt::If { cond, then, otherwise } => {
                exprs.push(*cond);
                stmts.extend(then.iter().chain(otherwise));
            }
            Stmt::While { cond, body: inner, otherwise } => {
                exprs.push(*cond);
                stmts.extend(inner.iter().chain(otherwise));
            }
            Stmt::For { iter, body: inner, otherwise, .. } => {
                sites.push(DefSite::Stmt(stmt, 0));
                exprs.extend(iter.exprs());
                stmts.extend(inner.iter().chain(otherwise));
            }
            Stmt::Assert { cond, msg } => {
                exprs.push(*cond);
                exprs.extend(msg.iter().copied());
            }
            Stmt::Try { body: inner, handlers, otherwise, finally } => {
                stmts.extend(inner.iter().chain(otherwise).chain(finally));
                for handler in handlers {
                    stmts.extend(handler.body.iter());
                }
            }
            Stmt::Break | Stmt::Continue | Stmt::Return(None) | Stmt::Raise(None) => {}
        }
    }
    while let Some(expr) = exprs.pop() {
        let kind = &body.exprs[expr].kind;
        match kind {
            Expr::Store { .. } => sites.push(DefSite::Store(expr)),
            Expr::Local(_) => reads.push(ReadKey::Local(expr)),
            Expr::Closure(_) | Expr::Call { .. } => {
                for (read_expr, local) in body.versions.capture_reads.keys() {
                    if *read_expr == expr {
                        reads.push(ReadKey::Capture(expr, *local));
                    }
                }
            }
            _ => {}
        }
        exprs.extend(kind.children());
    }
    (sites, reads)
}
