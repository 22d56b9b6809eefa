//! Lowering of one instance: the [`Lowerer`] state, block and branch helpers that keep the
//! SSA builder informed of every edge, and the statements (`if`, `while`, `try`, `return`,
//! `raise`, `assert`, assignments). Loops over iterables are in `loops.rs`, expressions in
//! `exprs.rs`, calls in `calls.rs`.
//!
//! Statements recurse along the block structure, which sema bounds
//! ([`numjit_sema::MAX_STMT_DEPTH`]); expressions are evaluated with an explicit stack.
//!
//! Control that leaves a construct early walks the scope stack ([`Scope`]): a `raise`
//! jumps to the innermost `try`'s handler (or becomes the `raise` terminator), running the
//! `finally` blocks it crosses; `return`, `break` and `continue` run the `finally` blocks
//! they cross. A `finally` block is lowered once per way out of its `try`. A call to a
//! compiled function inside a `try` with a handler is a `try_call` whose handler edge takes
//! the same way as a `raise` there, so an exception from the callee (or from deeper down,
//! RecursionError included) runs the handler, as in CPython and Numba. Outside `try`, a
//! call made while the function holds array references is an `invoke` whose unwind edge
//! releases them before the callee's exception leaves.

use std::collections::{HashMap, HashSet};

use cranelift_entity::SecondaryMap;
use numjit_diagnostics::Diagnostic;
use numjit_ir::{Block, ExceptionKind, FuncRef, Function, FunctionBuilder, Region, Value};
use numjit_sema::hir::{Body, DefSite, Expr, ExprId, LocalId, Stmt, StmtId, VersionId, VersionKind};
use numjit_sema::templates::ExceptionClass;
use numjit_sema::{CallTarget, ConstValue, InstanceId, Ty, TypedBody};
use numjit_types::Type;
use text_size::TextRange;

use crate::ssa::{Ssa, Var};
use crate::{GuardedCall, ProgramContext, UNSUPPORTED, messages};

/// The result of lowering one instance.
pub(crate) struct LoweredInstance {
    pub func: Function,
    pub diagnostics: Vec<Diagnostic>,
    pub guarded_calls: Vec<GuardedCall>,
}

/// What an expression evaluates to: a run-time value, or a compile-time one (a module,
/// function, builtin, exception class) that has no IR value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Operand {
    Value(Value),
    Static,
}

/// An enclosing construct that early exits must pass through.
#[derive(Clone, Debug)]
pub(crate) enum Scope<'a> {
    /// A loop: where `break` and `continue` go (`break_to` is `None` in structured loops,
    /// which have no `break`).
    Loop { break_to: Option<Block>, continue_to: Block },
    /// A `try` body with a handler; `temps` is how many array temporaries were pending
    /// when it started (a raise caught here releases the ones above).
    Try { handler: Block, temps: usize },
    /// A `try` with a `finally` block.
    Finally { block: &'a [StmtId] },
}

pub(crate) struct Lowerer<'a> {
    pub cx: &'a ProgramContext<'a>,
    /// The Python return type of the instance.
    pub return_type: &'a Type,
    pub typed: &'a TypedBody,
    pub body: &'a Body,
    pub func: Function,
    pub ssa: Ssa,
    /// The block being filled; `None` where control cannot reach.
    pub cur: Option<Block>,
    /// The region new blocks go into.
    pub region: Region,
    pub scopes: Vec<Scope<'a>>,
    pub diagnostics: Vec<Diagnostic>,
    pub guarded_calls: Vec<GuardedCall>,
    pub maybe_unbound: HashSet<ExprId>,
    /// The "is bound" flag variable of each local some read checks.
    pub flag_of: HashMap<LocalId, Var>,
    /// The SSA variable and Python type each read of a local (an [`Expr::Local`], or a
    /// captured variable read at a closure or call) sees.
    pub read_vars: HashMap<ReadKey, (Var, Type)>,
    /// The variables each definition stores into, with their Python types (see
    /// [`versioned_vars`]).
    pub def_vars: HashMap<DefSite, Vec<(Var, Type)>>,
    /// The local each variable belongs to.
    pub var_local: HashMap<Var, LocalId>,
    /// How many reads of each variable the body has.
    pub var_reads: HashMap<Var, usize>,
    /// Locals assigned once from an integer constant (usable as tuple indices, as in sema).
    pub const_locals: HashMap<LocalId, i64>,
    /// `bconst true`/`bconst false` in the entry block, for the flags.
    pub flag_constants: Option<(Value, Value)>,
    /// The statement being lowered, for diagnostics without a better span.
    pub stmt_range: TextRange,
    /// Array references the statements being lowered own (see `arrays.rs`), innermost last.
    pub temps: Vec<Value>,
    /// Lower bounds of the induction variables of counted loops with a constant start and
    /// a positive constant step (array indices known non-negative need no wraparound).
    pub induction_floor: HashMap<Value, i64>,
    /// The variables of array type (each holds a reference of its own), which every exit
    /// decrefs.
    pub array_vars: Vec<Var>,
}

pub(crate) fn lower_instance(cx: &ProgramContext<'_>, instance: InstanceId) -> LoweredInstance {
    let typed = cx.program.instance(instance);
    let body = cx.program.body_of(typed);
    let signature = &cx.signatures[&instance];
    let func =
        Function::new(signature.name.clone(), signature.ir_params.clone(), signature.ir_return.clone());
    let region = func.body;
    let mut lowerer = Lowerer {
        cx,
        return_type: &signature.return_type,
        typed,
        body,
        func,
        ssa: Ssa::default(),
        cur: None,
        region,
        scopes: Vec::new(),
        diagnostics: Vec::new(),
        guarded_calls: Vec::new(),
        maybe_unbound: body.maybe_unbound.iter().copied().collect(),
        flag_of: HashMap::new(),
        read_vars: HashMap::new(),
        def_vars: HashMap::new(),
        var_local: HashMap::new(),
        var_reads: HashMap::new(),
        const_locals: body.constant_int_locals(),
        flag_constants: None,
        stmt_range: body.range,
        temps: Vec::new(),
        induction_floor: HashMap::new(),
        array_vars: Vec::new(),
    };
    lowerer.run(&signature.params);
    let Lowerer { mut func, mut ssa, diagnostics, guarded_calls, .. } = lowerer;
    ssa.finish(&mut func);
    terminate_open_blocks(&mut func);
    LoweredInstance { func, diagnostics, guarded_calls }
}

/// Gives every block without a terminator `unreachable` (blocks lowering abandoned).
fn terminate_open_blocks(func: &mut Function) {
    let regions: Vec<Region> = func.dfg.regions().collect();
    for region in regions {
        let blocks = func.layout.region_blocks(region).to_vec();
        for block in blocks {
            let ends = func
                .layout
                .last_inst(block)
                .is_some_and(|inst| func.dfg.inst_data(inst).opcode.is_terminator());
            if !ends {
                let mut builder = FunctionBuilder::new(func);
                builder.switch_to_block(block);
                builder.unreachable();
            }
        }
    }
}

/// The IR exception kind for a Python exception class.
pub(crate) fn exception_kind(class: ExceptionClass) -> ExceptionKind {
    ExceptionKind::from_name(class.name()).unwrap_or(ExceptionKind::Exception)
}

impl<'a> Lowerer<'a> {
    fn run(&mut self, params: &[Option<Type>]) {
        // Variables: one per local and type its versions have, then one flag per local that
        // a read checks.
        let mut var_types: Vec<Option<Type>> = Vec::new();
        let vars = versioned_vars(self.body, self.typed);
        for (key, var) in &vars.keys {
            if var_types.len() <= *var {
                var_types.resize(*var + 1, None);
            }
            var_types[*var] = crate::types::ir_type(&key.1).ok();
            self.var_local.insert(*var, key.0);
        }
        self.read_vars = vars.reads;
        self.def_vars = vars.defs;
        for (var, _) in self.read_vars.values() {
            *self.var_reads.entry(*var).or_insert(0) += 1;
        }
        let mut checked: Vec<LocalId> = Vec::new();
        for &expr in &self.body.maybe_unbound {
            if let Expr::Local(local) = self.body.exprs[expr].kind
                && !checked.contains(&local)
            {
                checked.push(local);
            }
        }
        for local in checked {
            self.flag_of.insert(local, var_types.len());
            var_types.push(Some(Type::BOOL));
        }
        self.ssa = Ssa::new(var_types);

        let entry = {
            let mut builder = FunctionBuilder::new(&mut self.func);
            builder.create_entry_block()
        };
        self.ssa.set_entry(entry);
        self.cur = Some(entry);
        // Variables of array type start as null arrays, so every exit can decref them.
        for var in 0..self.ssa.var_types.len() {
            let Some(ty) = self.ssa.var_types[var].clone() else { continue };
            if !crate::arrays::holds_arrays(&ty) {
                continue;
            }
            let null = self.zero_of(&ty);
            self.ssa.write(var, entry, null);
            self.array_vars.push(var);
        }
        if !self.flag_of.is_empty() {
            let yes = self.ins().bconst(true);
            let no = self.ins().bconst(false);
            self.flag_constants = Some((yes, no));
            let flags: Vec<Var> = self.flag_of.values().copied().collect();
            for flag in flags {
                self.ssa.write(flag, entry, no);
            }
        }
        // Parameters, then captured variables, bind the entry block's parameters.
        let entry_params = self.func.dfg.block_params(entry).to_vec();
        let mut next_param = entry_params.iter();
        let bound_locals: Vec<LocalId> = self
            .body
            .params
            .iter()
            .map(|param| param.local)
            .chain(self.body.captures.iter().map(|capture| capture.inner))
            .collect();
        for (local, python_type) in bound_locals.into_iter().zip(params) {
            let Some(python_type) = python_type else { continue };
            let Some(&value) = next_param.next() else { continue };
            // A join the parameter reaches may be wider than the argument.
            self.define(DefSite::Entry(local), local, value, python_type);
        }

        let block = &self.body.block;
        self.lower_block(block);
        if self.cur.is_some() {
            self.stmt_range = self.body.name_range;
            self.return_value(None);
        }
    }

    // ----- blocks, branches, SSA ---------------------------------------------------------

    /// A builder at the end of the current block. Where control cannot reach, the code
    /// goes to a fresh block that nothing branches to (it gets `unreachable`).
    pub(crate) fn ins(&mut self) -> FunctionBuilder<'_> {
        let block = match self.cur {
            Some(block) => block,
            None => {
                let block = self.new_block();
                self.ssa.seal(&mut self.func, block);
                self.cur = Some(block);
                block
            }
        };
        let mut builder = FunctionBuilder::new(&mut self.func);
        builder.switch_to_block(block);
        builder
    }

    /// A new block in the current region.
    pub(crate) fn new_block(&mut self) -> Block {
        let mut builder = FunctionBuilder::new(&mut self.func);
        builder.create_block_in(self.region)
    }

    /// Seals `block` and continues there, or removes it if nothing branches to it.
    pub(crate) fn enter(&mut self, block: Block) -> bool {
        self.ssa.seal(&mut self.func, block);
        if self.ssa.n_preds(block) == 0 {
            self.func.layout.remove_block(block);
            self.cur = None;
            return false;
        }
        self.cur = Some(block);
        true
    }

    /// `jump target(args)` from the current block, if it is reachable.
    pub(crate) fn jump(&mut self, target: Block, args: &[Value]) {
        let Some(from) = self.cur else { return };
        let inst = self.ins().jump(target, args);
        self.ssa.add_edge(target, from, inst, 0);
        self.cur = None;
    }

    /// `brif cond, then_block, else_block` from the current block.
    pub(crate) fn brif(&mut self, cond: Value, then_block: Block, else_block: Block) {
        self.brif_args(cond, then_block, &[], else_block, &[]);
    }

    pub(crate) fn brif_args(
        &mut self,
        cond: Value,
        then_block: Block,
        then_args: &[Value],
        else_block: Block,
        else_args: &[Value],
    ) {
        let Some(from) = self.cur else { return };
        let inst = self.ins().brif(cond, then_block, then_args, else_block, else_args);
        self.ssa.add_edge(then_block, from, inst, 0);
        self.ssa.add_edge(else_block, from, inst, 1);
        self.cur = None;
    }

    /// The current value of the version a read sees, with its Python type.
    pub(crate) fn read_version(&mut self, key: ReadKey) -> Option<(Value, Type)> {
        let (var, ty) = self.read_vars.get(&key)?.clone();
        self.ssa.var_types.get(var)?.as_ref()?;
        let block = self.current_block();
        Some((self.ssa.read(&mut self.func, var, block), ty))
    }

    /// Runs a definition of `local`: stores `value` (of Python type `from`) into the
    /// variables of the versions it reaches, converted to each one's type, and sets the
    /// local's "bound" flag.
    pub(crate) fn define(&mut self, site: DefSite, local: LocalId, value: Value, from: &Type) {
        let targets = self.def_vars.get(&site).cloned().unwrap_or_default();
        for (var, ty) in targets {
            let converted = self.coerce(value, from, &ty);
            if crate::arrays::holds_arrays(&ty) {
                // Each array variable owns a reference: take one for the new value before
                // letting go of the old one (they may share a block).
                self.incref_value(converted);
                let block = self.current_block();
                let old = self.ssa.read(&mut self.func, var, block);
                self.decref_value(old);
            }
            let block = self.current_block();
            self.ssa.write(var, block, converted);
        }
        let block = self.current_block();
        if let (Some(&flag), Some((yes, _))) = (self.flag_of.get(&local), self.flag_constants) {
            self.ssa.write(flag, block, yes);
        }
    }

    /// The current block, creating an unreachable one if there is none.
    pub(crate) fn current_block(&mut self) -> Block {
        match self.cur {
            Some(block) => block,
            None => {
                let _ = self.ins();
                self.cur.unwrap_or_else(|| self.new_block())
            }
        }
    }

    // ----- diagnostics --------------------------------------------------------------------

    pub(crate) fn unsupported(&mut self, what: &str, range: TextRange) {
        self.diagnostics.push(
            Diagnostic::error(UNSUPPORTED, format!("{what} is not supported by numjit's lowering yet"))
                .with_primary(range, "used here"),
        );
    }

    // ----- raising ------------------------------------------------------------------------

    /// Whether an exception raised here is caught: a `try` with a handler encloses this
    /// point (perhaps beyond `finally` blocks, which run on the way).
    pub(crate) fn catches_here(&self) -> bool {
        self.scopes.iter().any(|scope| matches!(scope, Scope::Try { .. }))
    }

    /// `try_call callee(args)` from the current block, inside a `try` with a handler
    /// ([`Self::catches_here`]): the normal edge continues in a new block whose parameter is
    /// the result (returned); the handler edge goes to the innermost handler, through a
    /// block that runs the `finally` blocks in between if there are any.
    pub(crate) fn try_call(&mut self, callee: FuncRef, args: &[Value], return_type: Type) -> Value {
        let from = self.current_block();
        let ok = self.new_block();
        let result = self.func.dfg.append_block_param(ok, return_type);
        let innermost = self.scopes.iter().rev().find(|scope| !matches!(scope, Scope::Loop { .. }));
        // Straight to the handler when nothing needs doing on the way: no `finally` code to
        // run and no array temporaries of the `try` body to release.
        let (landing, direct) = match innermost {
            Some(Scope::Try { handler, temps }) if *temps == self.temps.len() => (*handler, true),
            _ => (self.new_block(), false),
        };
        let (inst, _) = self.ins().try_call(callee, args, ok, landing, &[]);
        self.ssa.add_edge(ok, from, inst, 0);
        self.ssa.add_edge(landing, from, inst, 1);
        self.cur = None;
        if !direct && self.enter(landing) {
            // Running the `finally` blocks and releasing the temporaries, then jumping to the
            // handler, is what a `raise` here does; the class and message do not matter, as
            // the handler catches it.
            self.raise(ExceptionKind::Exception, "");
        }
        self.enter(ok);
        result
    }

    /// Whether an exception leaving the function here must first release references: an
    /// array temporary is pending or the function has array variables.
    pub(crate) fn holds_references(&self) -> bool {
        !self.temps.is_empty() || !self.array_vars.is_empty()
    }

    /// `invoke callee(args)` from the current block, outside any `try` where the function
    /// [holds references](Self::holds_references): the normal edge continues in a new block
    /// whose parameter is the result (returned); the unwind edge releases the pending
    /// temporaries and the array variables, then `resume`s, so that what the callee raised
    /// leaves the function without leaking what it held.
    pub(crate) fn invoke(&mut self, callee: FuncRef, args: &[Value], return_type: Type) -> Value {
        let from = self.current_block();
        let ok = self.new_block();
        let result = self.func.dfg.append_block_param(ok, return_type);
        let unwind = self.new_block();
        let (inst, _) = self.ins().invoke(callee, args, ok, unwind, &[]);
        self.ssa.add_edge(ok, from, inst, 0);
        self.ssa.add_edge(unwind, from, inst, 1);
        self.cur = None;
        if self.enter(unwind) {
            self.release_all();
            self.ins().resume();
            self.cur = None;
        }
        self.enter(ok);
        result
    }

    /// Raises `kind(message)` from the current block: jumps to the innermost handler, or
    /// ends in the `raise` terminator, after running the `finally` blocks it crosses.
    pub(crate) fn raise(&mut self, kind: ExceptionKind, message: &str) {
        self.raise_with(kind, message, &[]);
    }

    /// [`Self::raise`] with a message template whose `{}` are replaced by the `int64`
    /// `values` (when it leaves the function; a handler ignores the message). Array
    /// temporaries and locals are released on the way out.
    pub(crate) fn raise_with(&mut self, kind: ExceptionKind, message: &str, values: &[Value]) {
        let mut idx = self.scopes.len();
        while idx > 0 && self.cur.is_some() {
            idx -= 1;
            match self.scopes[idx].clone() {
                Scope::Try { handler, temps } => {
                    // The temporaries of the `try` body's statements die here; the handler
                    // continues with the ones pending outside it.
                    let pending = self.temps.clone();
                    self.release_temps_to(temps);
                    self.temps = pending;
                    self.jump(handler, &[]);
                    return;
                }
                Scope::Finally { block } => self.lower_finally(idx, block),
                Scope::Loop { .. } => {}
            }
        }
        if self.cur.is_some() {
            self.release_all();
            self.ins().raise_fmt(kind, message, values);
            self.cur = None;
        }
    }

    /// Raises when `fail` (a bool) is true; continues where it is false.
    pub(crate) fn raise_if(&mut self, fail: Value, kind: ExceptionKind, message: &str) {
        self.raise_if_with(fail, kind, message, &[]);
    }

    /// [`Self::raise_if`] with a formatted message (see [`Self::raise_with`]).
    pub(crate) fn raise_if_with(
        &mut self,
        fail: Value,
        kind: ExceptionKind,
        message: &str,
        values: &[Value],
    ) {
        let fail_block = self.new_block();
        let ok_block = self.new_block();
        self.brif(fail, fail_block, ok_block);
        if self.enter(fail_block) {
            self.raise_with(kind, message, values);
        }
        self.enter(ok_block);
    }

    /// Lowers the `finally` block of scope `idx` with only the scopes outside it active.
    fn lower_finally(&mut self, idx: usize, block: &'a [StmtId]) {
        let saved = self.scopes.split_off(idx);
        self.lower_block(block);
        self.scopes.extend(saved);
    }

    /// Runs the `finally` blocks of the scopes from the top down to `stop` (exclusive).
    fn run_finally_down_to(&mut self, stop: usize) {
        let mut idx = self.scopes.len();
        while idx > stop && self.cur.is_some() {
            idx -= 1;
            if let Scope::Finally { block } = self.scopes[idx].clone() {
                self.lower_finally(idx, block);
            }
        }
    }

    /// Whether code here is inside `try` or `try … finally` (loops there are blocks, so
    /// that a `raise` in them can leave for the handler or the `finally` code).
    pub(crate) fn in_try(&self) -> bool {
        self.scopes.iter().any(|scope| matches!(scope, Scope::Try { .. } | Scope::Finally { .. }))
    }

    // ----- statements ---------------------------------------------------------------------

    pub(crate) fn lower_block(&mut self, block: &'a [StmtId]) {
        for &stmt in block {
            if self.cur.is_none() {
                return;
            }
            self.lower_stmt(stmt);
        }
    }

    fn lower_stmt(&mut self, stmt: StmtId) {
        let mark = self.temps.len();
        self.lower_stmt_kind(stmt);
        // The statement's array temporaries die with it (where control left the function,
        // the exit released them).
        if self.cur.is_some() {
            self.release_temps_to(mark);
        } else {
            self.temps.truncate(mark);
        }
    }

    fn lower_stmt_kind(&mut self, stmt: StmtId) {
        let body = self.body;
        let data = &body.stmts[stmt];
        self.stmt_range = data.range;
        match &data.kind {
            Stmt::Expr(expr) => {
                self.eval(*expr);
            }
            Stmt::Assign { target, value } => {
                let operand = self.eval(*value);
                self.assign(DefSite::Stmt(stmt, 0), *target, operand, *value);
            }
            Stmt::Unpack { targets, value } => self.lower_unpack(stmt, targets, *value),
            Stmt::SetItem { base, index, value } => self.array_setitem(*base, *index, *value),
            Stmt::If { cond, then, otherwise } => self.lower_if(*cond, then, otherwise),
            Stmt::While { cond, body: loop_body, otherwise } => self.lower_while(*cond, loop_body, otherwise),
            Stmt::For { target, iter, body: loop_body, otherwise } => {
                self.lower_for(stmt, *target, iter, loop_body, otherwise);
            }
            Stmt::Break => self.lower_break_continue(true),
            Stmt::Continue => self.lower_break_continue(false),
            Stmt::Return(value) => self.return_value(*value),
            Stmt::Raise(exc) => self.lower_raise(*exc, data.range),
            Stmt::Assert { cond, msg } => self.lower_assert(*cond, *msg),
            Stmt::Try { body: try_body, handlers, otherwise, finally } => {
                let handler = handlers.first().map(|handler| handler.body.as_slice());
                self.lower_try(try_body, handler, otherwise, finally);
            }
        }
    }

    /// `target = value` for an evaluated value expression.
    pub(crate) fn assign(&mut self, site: DefSite, target: LocalId, operand: Operand, value_expr: ExprId) {
        let Operand::Value(value) = operand else { return };
        let Some(value_type) = self.expr_value_type(value_expr) else { return };
        self.define(site, target, value, value_type);
    }

    fn lower_unpack(&mut self, stmt: StmtId, targets: &[LocalId], value_expr: ExprId) {
        let operand = self.eval(value_expr);
        let (Operand::Value(tuple), Some(Type::Tuple(items))) = (operand, self.expr_value_type(value_expr))
        else {
            self.unsupported("unpacking this value", self.body.exprs[value_expr].range);
            return;
        };
        // Every item is read before any target is assigned (`a, b = b, a`). Arrays in the
        // tuple get a reference of their own for the statement first: assigning `a` drops
        // the old `a`, which may be the array `b` is about to receive.
        if crate::arrays::holds_arrays(&Type::Tuple(items.clone())) {
            self.incref_value(tuple);
            self.own(tuple);
        }
        let mut values = Vec::with_capacity(targets.len());
        for item_idx in 0..targets.len().min(items.len()) {
            values.push(self.ins().tuple_get(tuple, item_idx as u32));
        }
        for (item_idx, ((target, item_type), value)) in targets.iter().zip(items).zip(values).enumerate() {
            self.define(DefSite::Stmt(stmt, item_idx as u32), *target, value, item_type);
        }
    }

    /// The truth value of a constant condition, which needs no code.
    pub(crate) fn const_truth(&self, expr: ExprId) -> Option<bool> {
        match &self.body.exprs[expr].kind {
            Expr::Const(ConstValue::Bool(value)) => Some(*value),
            Expr::Const(ConstValue::Int(value)) => Some(*value != 0),
            Expr::Const(ConstValue::None) => Some(false),
            _ => None,
        }
    }

    fn lower_if(&mut self, cond: ExprId, then: &'a [StmtId], otherwise: &'a [StmtId]) {
        if let Some(truth) = self.const_truth(cond) {
            self.lower_block(if truth { then } else { otherwise });
            return;
        }
        let mark = self.temps.len();
        let test = self.eval_truth(cond);
        self.release_temps_to(mark);
        let then_block = self.new_block();
        let else_block = if otherwise.is_empty() { None } else { Some(self.new_block()) };
        let join = self.new_block();
        self.brif(test, then_block, else_block.unwrap_or(join));
        if self.enter(then_block) {
            self.lower_block(then);
            self.jump(join, &[]);
        }
        if let Some(else_block) = else_block
            && self.enter(else_block)
        {
            self.lower_block(otherwise);
            self.jump(join, &[]);
        }
        self.enter(join);
    }

    fn lower_while(&mut self, cond: ExprId, body: &'a [StmtId], otherwise: &'a [StmtId]) {
        let truth = self.const_truth(cond);
        if truth == Some(false) {
            self.lower_block(otherwise);
            return;
        }
        let header = self.new_block();
        let body_block = self.new_block();
        let exit = self.new_block();
        let else_block = if otherwise.is_empty() { None } else { Some(self.new_block()) };
        self.jump(header, &[]);
        self.cur = Some(header);
        if truth == Some(true) {
            self.jump(body_block, &[]);
        } else {
            let mark = self.temps.len();
            let test = self.eval_truth(cond);
            self.release_temps_to(mark);
            self.brif(test, body_block, else_block.unwrap_or(exit));
        }
        if self.enter(body_block) {
            self.scopes.push(Scope::Loop { break_to: Some(exit), continue_to: header });
            self.lower_block(body);
            self.scopes.pop();
            self.jump(header, &[]);
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

    fn lower_break_continue(&mut self, is_break: bool) {
        let Some(loop_idx) = self.scopes.iter().rposition(|scope| matches!(scope, Scope::Loop { .. })) else {
            self.unsupported(
                if is_break { "`break` outside a loop" } else { "`continue` outside a loop" },
                self.stmt_range,
            );
            return;
        };
        let Scope::Loop { break_to, continue_to } = self.scopes[loop_idx].clone() else { return };
        self.run_finally_down_to(loop_idx + 1);
        let target = if is_break { break_to } else { Some(continue_to) };
        match target {
            Some(target) => self.jump(target, &[]),
            None => self.unsupported("`break` in this loop", self.stmt_range),
        }
    }

    /// `return value` (`None` when absent), converted to the return type.
    fn return_value(&mut self, value: Option<ExprId>) {
        let return_type = self.return_type;
        let result = match value {
            Some(expr) => {
                let operand = self.eval(expr);
                let from = self.expr_value_type(expr).cloned().unwrap_or(Type::NoneType);
                let value = self.value_of(operand, expr);
                let value = self.coerce(value, &from, return_type);
                if crate::arrays::holds_arrays(return_type) {
                    // The caller receives a reference of its own.
                    self.incref_value(value);
                }
                value
            }
            None => {
                if !matches!(return_type, Type::NoneType | Type::Optional(_)) {
                    // Sema proved this point unreachable (every path returns a value).
                    if self.cur.is_some() {
                        self.ins().unreachable();
                        self.cur = None;
                    }
                    return;
                }
                let none = self.ins().noneconst();
                self.coerce(none, &Type::NoneType, return_type)
            }
        };
        self.run_finally_down_to(0);
        if self.cur.is_some() {
            self.release_all();
            self.ins().return_(result);
            self.cur = None;
        }
    }

    fn lower_raise(&mut self, exc: Option<ExprId>, range: TextRange) {
        let Some(exc) = exc else {
            self.unsupported("a bare `raise`", range);
            return;
        };
        let body = self.body;
        let exc_range = body.exprs[exc].range;
        let (class, message) = match &body.exprs[exc].kind {
            Expr::Call { args, keywords, .. } => {
                let class = match self.typed.resolutions.get(&exc).and_then(|res| res.target.as_ref()) {
                    Some(CallTarget::Exception(class)) => *class,
                    _ => {
                        self.unsupported("raising this value", exc_range);
                        return;
                    }
                };
                let mut values = Vec::with_capacity(args.len());
                let mut runtime = Vec::new();
                for arg in args.iter().chain(keywords.iter().map(|keyword| &keyword.value)) {
                    match (&body.exprs[*arg].kind, self.expr_value_type(*arg).cloned()) {
                        (Expr::Const(value), _) => values.push(Some(value.clone())),
                        // An integer computed at run time is formatted into the message.
                        (_, Some(Type::Scalar(int)))
                            if int.is_signed_integer()
                                || (int.is_unsigned_integer() && int.size_bytes() < 8) =>
                        {
                            let operand = self.eval(*arg);
                            let value = self.value_of(operand, *arg);
                            runtime.push(self.convert(value, numjit_types::ScalarType::Int64));
                            values.push(None);
                        }
                        _ => {
                            self.unsupported(
                                "an exception argument that is not a constant or an integer",
                                body.exprs[*arg].range,
                            );
                            return;
                        }
                    }
                }
                let message = if runtime.is_empty() {
                    messages::exception_message(&values.into_iter().flatten().collect::<Vec<_>>())
                } else if let Some(message) = messages::exception_message_with_ints(&values) {
                    message
                } else {
                    self.unsupported("an exception message with braces and integer arguments", exc_range);
                    return;
                };
                if self.cur.is_none() {
                    return;
                }
                self.raise_with(exception_kind(class), &message, &runtime);
                return;
            }
            _ => match self.typed.expr_types[exc].as_ref() {
                Some(Ty::ExceptionClass(class)) => (*class, String::new()),
                _ => {
                    self.unsupported("raising this value", exc_range);
                    return;
                }
            },
        };
        self.raise(exception_kind(class), &message);
    }

    fn lower_assert(&mut self, cond: ExprId, msg: Option<ExprId>) {
        if self.const_truth(cond) == Some(true) {
            return;
        }
        let message = match msg {
            None => String::new(),
            Some(msg) => match &self.body.exprs[msg].kind {
                Expr::Const(value) => messages::to_str(value),
                _ => {
                    self.unsupported(
                        "an assertion message that is not a constant",
                        self.body.exprs[msg].range,
                    );
                    return;
                }
            },
        };
        let test = self.eval_truth(cond);
        let fail = self.new_block();
        let ok = self.new_block();
        self.brif(test, ok, fail);
        if self.enter(fail) {
            self.raise(ExceptionKind::AssertionError, &message);
        }
        self.enter(ok);
    }

    fn lower_try(
        &mut self,
        body: &'a [StmtId],
        handler: Option<&'a [StmtId]>,
        otherwise: &'a [StmtId],
        finally: &'a [StmtId],
    ) {
        let handler_block = handler.map(|_| self.new_block());
        if !finally.is_empty() {
            self.scopes.push(Scope::Finally { block: finally });
        }
        if let Some(handler_block) = handler_block {
            self.scopes.push(Scope::Try { handler: handler_block, temps: self.temps.len() });
        }
        self.lower_block(body);
        if handler_block.is_some() {
            self.scopes.pop();
        }
        self.lower_block(otherwise);
        let after = self.new_block();
        self.jump(after, &[]);
        if let (Some(handler_block), Some(handler)) = (handler_block, handler)
            && self.enter(handler_block)
        {
            self.lower_block(handler);
            self.jump(after, &[]);
        }
        if !finally.is_empty() {
            self.scopes.pop();
        }
        if self.enter(after) {
            self.lower_block(finally);
        }
    }
}

/// What reads a version: a read of a local, or a captured variable read at a closure or a
/// call (the expression and the outer local).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ReadKey {
    Local(ExprId),
    Capture(ExprId, LocalId),
}

/// The SSA variables of an instance's locals.
pub(crate) struct VersionedVars {
    /// One variable per local and Python type that a read version has.
    pub keys: Vec<((LocalId, Type), Var)>,
    pub reads: HashMap<ReadKey, (Var, Type)>,
    pub defs: HashMap<DefSite, Vec<(Var, Type)>>,
}

/// The SSA variables lowering uses for the versions of the locals.
///
/// Each read sees one version (`Body::versions`); the variable of a version is keyed by its
/// local and its type, so a local whose versions all have one type has one variable. A
/// definition stores its value into the variable of its own version and of every join it
/// reaches, converted to each one's type: along any path to a read, the last definition of
/// the local is one that reaches the read's version (sema's control flow over-approximates
/// lowering's), so the SSA construction finds the value converted to that version's type.
pub(crate) fn versioned_vars(body: &Body, typed: &TypedBody) -> VersionedVars {
    let versions = &body.versions;
    let value_type = |version: VersionId| typed.version_type(version).and_then(Ty::as_value);
    // The types of the read versions each version reaches (itself, or joins it flows into),
    // to a fixed point over the join graph (loops make it cyclic).
    let mut reached: SecondaryMap<VersionId, Vec<Type>> = SecondaryMap::new();
    let read_versions: HashSet<VersionId> =
        versions.reads.values().chain(versions.capture_reads.values()).copied().collect();
    let mut work: Vec<VersionId> = Vec::new();
    for version in &read_versions {
        if let Some(ty) = value_type(*version) {
            reached[*version].push(ty.clone());
            work.push(*version);
        }
    }
    work.sort();
    while let Some(version) = work.pop() {
        let VersionKind::Phi(incoming) = &versions.versions[version].kind else { continue };
        let types = reached[version].clone();
        for operand in incoming {
            let mut grew = false;
            for ty in &types {
                if !reached[*operand].contains(ty) {
                    reached[*operand].push(ty.clone());
                    grew = true;
                }
            }
            if grew {
                work.push(*operand);
            }
        }
    }
    // One variable per local and type, numbered by local (then by first use), so that a
    // local whose versions share one type keeps one variable.
    let mut key_list: Vec<(LocalId, Type)> = Vec::new();
    let mut seen: HashSet<(LocalId, Type)> = HashSet::new();
    for (version, data) in versions.versions.iter() {
        for ty in &reached[version] {
            if seen.insert((data.local, ty.clone())) {
                key_list.push((data.local, ty.clone()));
            }
        }
    }
    key_list.sort_by_key(|(local, _)| *local);
    let var_of: HashMap<(LocalId, Type), Var> =
        key_list.iter().cloned().enumerate().map(|(var, key)| (key, var)).collect();
    let mut reads: HashMap<ReadKey, (Var, Type)> = HashMap::new();
    let all_reads = versions.reads.iter().map(|(expr, version)| (ReadKey::Local(*expr), *version)).chain(
        versions
            .capture_reads
            .iter()
            .map(|((expr, local), version)| (ReadKey::Capture(*expr, *local), *version)),
    );
    for (key, version) in all_reads {
        let Some(ty) = value_type(version) else { continue };
        let Some(&var) = var_of.get(&(versions.versions[version].local, ty.clone())) else { continue };
        reads.insert(key, (var, ty.clone()));
    }
    let mut defs: HashMap<DefSite, Vec<(Var, Type)>> = HashMap::new();
    for (version, data) in versions.versions.iter() {
        let VersionKind::Def(site) = data.kind else { continue };
        let targets = reached[version]
            .iter()
            .filter_map(|ty| var_of.get(&(data.local, ty.clone())).map(|var| (*var, ty.clone())))
            .collect();
        defs.insert(site, targets);
    }
    let keys = key_list.into_iter().enumerate().map(|(var, key)| (key, var)).collect();
    VersionedVars { keys, reads, defs }
}
