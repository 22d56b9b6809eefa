//! AST → HIR: name resolution and desugaring of one function (and its inner functions).
//!
//! Requires: a parsed `ast::StmtFunctionDef` and the [`Globals`] its free names resolve in.
//! Establishes: every name is a local, a capture of an enclosing function's local, or a
//! compile-time [`Item`]/constant; the sugar listed in [`crate::hir`] is gone; reads of
//! locals that may be unassigned are listed in `Body::maybe_unbound` (and provably
//! unassigned ones are `unbound-local` errors); `Body::versions` says which version of its
//! local each definition creates and each read sees. Does not: type anything.
//!
//! Expressions nest at most [`MAX_EXPR_DEPTH`] deep and blocks [`MAX_STMT_DEPTH`] deep
//! (deeper input is an error, never a stack overflow); left-leaning chains of binary
//! operators (`1 + 1 + ... + 1`) are lowered with an explicit stack and have no limit.

mod definite;
mod scope;
mod versions;

use std::collections::{HashMap, HashSet};

use numjit_ast::{self as ast, Ranged};
use numjit_diagnostics::Diagnostic;
use numjit_types::ScalarType;
use text_size::TextRange;

use crate::diagnostics::{self, UNDEFINED_NAME, WRONG_ARGUMENTS};
use crate::env::{self, ConstValue, GlobalValue, Globals, ModuleKind};
use crate::hir::*;
use crate::templates::numpy::ArrayFunc;
use crate::templates::{Builtin, CMathFn, ExceptionClass, MathFn, cmath, math};

/// How deep expressions may nest (parentheses, calls, tuples).
pub const MAX_EXPR_DEPTH: u32 = 100;
/// How deep blocks may nest (CPython allows 100 levels of indentation).
pub const MAX_STMT_DEPTH: u32 = 100;

/// Lowers a top-level function in `globals`.
pub fn lower_function(def: &ast::StmtFunctionDef, globals: &Globals) -> Result<Body, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let body = lower_def(def, globals, None, 0, &mut diagnostics);
    if diagnostics.is_empty() { Ok(body) } else { Err(diagnostics) }
}

/// The function shape shared by `def` and `lambda`.
struct FunctionShape<'a> {
    name: String,
    name_range: TextRange,
    args: &'a ast::Arguments,
    body: FunctionBodySource<'a>,
    range: TextRange,
}

enum FunctionBodySource<'a> {
    Statements(&'a [ast::Stmt]),
    Expression(&'a ast::Expr),
}

fn lower_def(
    def: &ast::StmtFunctionDef,
    globals: &Globals,
    outer: Option<&HashMap<String, LocalId>>,
    depth: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    if def.is_async {
        diagnostics.push(diagnostics::unsupported(
            "`async def`",
            TextRange::new(def.range.start(), def.name.range.end().max(def.range.start())),
            "compiled functions are synchronous; remove `async`",
        ));
    }
    let shape = FunctionShape {
        name: def.name.as_str().to_string(),
        name_range: def.name.range,
        args: &def.args,
        body: FunctionBodySource::Statements(&def.body),
        range: def.range,
    };
    lower_shape(&shape, globals, outer, depth, diagnostics)
}

fn lower_shape(
    shape: &FunctionShape<'_>,
    globals: &Globals,
    outer: Option<&HashMap<String, LocalId>>,
    depth: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Body {
    let scope = match shape.body {
        FunctionBodySource::Statements(stmts) => scope::scan(stmts),
        FunctionBodySource::Expression(_) => scope::ScopeInfo::default(),
    };
    let mut lowerer = Lowerer {
        globals,
        body: Body {
            name: shape.name.clone(),
            params: Vec::new(),
            locals: Default::default(),
            exprs: Default::default(),
            stmts: Default::default(),
            block: Vec::new(),
            closures: Default::default(),
            captures: Vec::new(),
            maybe_unbound: Vec::new(),
            versions: Versions::default(),
            range: shape.range,
            name_range: shape.name_range,
        },
        locals: HashMap::new(),
        statics: HashMap::new(),
        declared_globals: scope.globals.clone(),
        outer,
        captured: HashMap::new(),
        diagnostics: Vec::new(),
        expr_depth: 0,
        stmt_depth: depth,
        loop_depth: 0,
        n_temps: 0,
        reported_too_deep: false,
    };
    lowerer.lower_params(shape.args);
    for name in &scope.assigned {
        if !lowerer.locals.contains_key(name) {
            lowerer.new_local(name, LocalKind::Variable);
        }
    }
    for name in &scope.assigned {
        if scope.imported.contains(name) {
            lowerer.diagnostics.push(diagnostics::unsupported(
                &format!("assigning to the imported name '{name}'"),
                shape.range,
                "use another name for the variable",
            ));
        }
    }
    match shape.body {
        FunctionBodySource::Statements(stmts) => {
            let block = lowerer.lower_block(stmts);
            lowerer.body.block = block;
        }
        FunctionBodySource::Expression(expr) => {
            let value = lowerer.lower_expr(expr);
            let ret = lowerer.alloc_stmt(Stmt::Return(Some(value)), expr.range());
            lowerer.body.block = vec![ret];
        }
    }
    let mut body = lowerer.body;
    let mut own = lowerer.diagnostics;
    if own.is_empty() {
        definite::check(&mut body, &mut own);
        body.versions = versions::compute(&body);
    }
    diagnostics.extend(own);
    body
}

struct Lowerer<'a> {
    globals: &'a Globals,
    body: Body,
    locals: HashMap<String, LocalId>,
    /// Names bound by imports inside the function.
    statics: HashMap<String, GlobalValue>,
    declared_globals: HashSet<String>,
    /// The enclosing function's visible locals, for inner functions.
    outer: Option<&'a HashMap<String, LocalId>>,
    captured: HashMap<String, LocalId>,
    diagnostics: Vec<Diagnostic>,
    expr_depth: u32,
    stmt_depth: u32,
    loop_depth: u32,
    n_temps: u32,
    /// One "nested too deeply" per function is enough.
    reported_too_deep: bool,
}

/// What a name refers to.
enum Resolution {
    Local(LocalId),
    Value(GlobalValue),
    Item(Item),
    Undefined,
}

impl Lowerer<'_> {
    fn alloc_expr(&mut self, kind: Expr, range: TextRange) -> ExprId {
        self.body.exprs.push(ExprData { kind, range })
    }

    fn alloc_stmt(&mut self, kind: Stmt, range: TextRange) -> StmtId {
        self.body.stmts.push(StmtData { kind, range })
    }

    fn new_local(&mut self, name: &str, kind: LocalKind) -> LocalId {
        let id = self.body.locals.push(Local { name: name.to_string(), kind, definitions: Vec::new() });
        if kind != LocalKind::Temporary {
            self.locals.insert(name.to_string(), id);
        }
        id
    }

    fn temp(&mut self) -> LocalId {
        self.n_temps += 1;
        let name = format!("$tmp{}", self.n_temps);
        self.new_local(&name, LocalKind::Temporary)
    }

    fn error(&mut self, diagnostic: Diagnostic, range: TextRange) -> ExprId {
        self.diagnostics.push(diagnostic);
        self.alloc_expr(Expr::Const(ConstValue::None), range)
    }

    fn unsupported(&mut self, what: &str, range: TextRange, help: &str) -> ExprId {
        self.error(diagnostics::unsupported(what, range, help), range)
    }

    // ----- parameters -------------------------------------------------------------------

    fn lower_params(&mut self, args: &ast::Arguments) {
        if let Some(vararg) = &args.vararg {
            self.diagnostics.push(diagnostics::unsupported(
                "`*args`",
                vararg.range,
                "pass a tuple argument instead",
            ));
        }
        if let Some(kwarg) = &args.kwarg {
            self.diagnostics.push(diagnostics::unsupported(
                "`**kwargs`",
                kwarg.range,
                "pass the values as ordinary parameters",
            ));
        }
        let groups = [
            (&args.posonlyargs, ParamKind::PositionalOnly),
            (&args.args, ParamKind::PositionalOrKeyword),
            (&args.kwonlyargs, ParamKind::KeywordOnly),
        ];
        for (params, kind) in groups {
            for param in params {
                let name = param.def.arg.as_str();
                let local = self.new_local(name, LocalKind::Param);
                self.body.locals[local].definitions.push(param.def.range);
                let default = param.default.as_deref().and_then(|default| {
                    let value = env::eval_const(default, self.globals);
                    if value.is_none() {
                        self.diagnostics.push(diagnostics::unsupported(
                            "a default value that is not a constant",
                            default.range(),
                            "defaults are frozen at compile time; use a literal or a global constant",
                        ));
                    }
                    value
                });
                self.body.params.push(Param {
                    name: name.to_string(),
                    local,
                    kind,
                    default,
                    range: param.range,
                });
            }
        }
    }

    // ----- names ----------------------------------------------------------------------

    fn resolve(&mut self, name: &str) -> Resolution {
        if !self.declared_globals.contains(name) {
            if let Some(&local) = self.locals.get(name) {
                return Resolution::Local(local);
            }
            if let Some(value) = self.statics.get(name) {
                return Resolution::Value(value.clone());
            }
            if let Some(&local) = self.captured.get(name) {
                return Resolution::Local(local);
            }
            if let Some(&outer) = self.outer.and_then(|outer| outer.get(name)) {
                let inner = self.new_local(name, LocalKind::Captured);
                self.locals.remove(name);
                self.captured.insert(name.to_string(), inner);
                self.body.captures.push(Capture { inner, outer });
                return Resolution::Local(inner);
            }
        }
        if let Some(value) = self.globals.get(name) {
            return Resolution::Value(value.clone());
        }
        if let Some(builtin) = Builtin::from_name(name) {
            return Resolution::Item(Item::Builtin(builtin));
        }
        if let Some(class) = ExceptionClass::from_name(name) {
            return Resolution::Item(Item::Exception(class));
        }
        Resolution::Undefined
    }

    fn lower_name(&mut self, name: &str, range: TextRange) -> ExprId {
        match self.resolve(name) {
            Resolution::Local(local) => self.alloc_expr(Expr::Local(local), range),
            Resolution::Value(value) => self.lower_global_value(value, range),
            Resolution::Item(item) => self.alloc_expr(Expr::Item(item), range),
            Resolution::Undefined => {
                let mut candidates: Vec<&str> = self.locals.keys().map(String::as_str).collect();
                candidates.extend(self.statics.keys().map(String::as_str));
                candidates.extend(self.globals.names());
                candidates.extend(self.outer.into_iter().flat_map(|outer| outer.keys().map(String::as_str)));
                candidates.extend(Builtin::ALL.iter().map(|builtin| builtin.name()));
                candidates.extend(ExceptionClass::ALL.iter().map(|class| class.name()));
                let mut diagnostic = ast_undefined(name, range);
                if let Some(suggestion) = diagnostics::did_you_mean(name, candidates) {
                    diagnostic = diagnostic.with_help(format!("did you mean '{suggestion}'?"));
                }
                self.error(diagnostic, range)
            }
        }
    }

    fn lower_global_value(&mut self, value: GlobalValue, range: TextRange) -> ExprId {
        match value {
            GlobalValue::Const(value) => self.alloc_expr(Expr::Const(value), range),
            GlobalValue::Array(array) => self.alloc_expr(Expr::ConstArray(array), range),
            GlobalValue::Module(module) => self.alloc_expr(Expr::Item(Item::Module(module)), range),
            GlobalValue::Function(function) => self.alloc_expr(Expr::Item(Item::Function(function)), range),
            GlobalValue::ModuleMember(module, member) => self.lower_module_member(module, &member, range),
            GlobalValue::Builtin(builtin) => self.alloc_expr(Expr::Item(Item::Builtin(builtin)), range),
        }
    }

    /// `math.sqrt`, `np.float32`, `math.pi`, ...
    fn lower_module_member(&mut self, module: ModuleKind, member: &str, range: TextRange) -> ExprId {
        let resolved = match module {
            ModuleKind::Math => MathFn::from_name(member)
                .map(|function| Expr::Item(Item::Math(function)))
                .or_else(|| math::constant(member).map(Expr::Const)),
            ModuleKind::CMath => CMathFn::from_name(member)
                .map(|function| Expr::Item(Item::CMath(function)))
                .or_else(|| cmath::constant(member).map(Expr::Const)),
            ModuleKind::Numpy => numpy_member(member),
            ModuleKind::Numba => (member == "prange").then_some(Expr::Item(Item::Builtin(Builtin::Prange))),
        };
        match resolved {
            Some(kind) => self.alloc_expr(kind, range),
            None => {
                let known: Vec<&str> = match module {
                    ModuleKind::Math => MathFn::ALL.iter().map(|function| function.name()).collect(),
                    ModuleKind::CMath => CMathFn::ALL.iter().map(|function| function.name()).collect(),
                    ModuleKind::Numpy => Vec::new(),
                    ModuleKind::Numba => vec!["prange"],
                };
                let mut diagnostic = diagnostics::unsupported(
                    &format!("`{}.{member}`", module.name()),
                    range,
                    if module == ModuleKind::Numpy {
                        "numjit supports NumPy scalar types, constants, ufuncs, reductions and array creation so far"
                    } else {
                        ""
                    },
                );
                if let Some(suggestion) = diagnostics::did_you_mean(member, known) {
                    diagnostic =
                        diagnostic.with_help(format!("did you mean '{}.{suggestion}'?", module.name()));
                }
                self.error(diagnostic, range)
            }
        }
    }

    // ----- blocks and statements --------------------------------------------------------

    fn lower_block(&mut self, stmts: &[ast::Stmt]) -> Block {
        let mut block = Vec::new();
        if self.stmt_depth >= MAX_STMT_DEPTH {
            if let Some(first) = stmts.first() {
                self.diagnostics.push(diagnostics::too_deep(first.range()));
            }
            return block;
        }
        self.stmt_depth += 1;
        for stmt in stmts {
            self.lower_stmt(stmt, &mut block);
        }
        self.stmt_depth -= 1;
        block
    }

    fn push(&mut self, out: &mut Block, kind: Stmt, range: TextRange) {
        let stmt = self.alloc_stmt(kind, range);
        out.push(stmt);
    }

    fn lower_stmt(&mut self, stmt: &ast::Stmt, out: &mut Block) {
        let range = stmt.range();
        match stmt {
            ast::Stmt::FunctionDef(def) => self.lower_inner_def(def, out),
            ast::Stmt::ClassDef(class) => {
                self.unsupported(
                    "a class definition",
                    class.name.range,
                    "define the class outside compiled code",
                );
            }
            ast::Stmt::Return(ret) => {
                let value = ret.value.as_deref().map(|value| self.lower_expr(value));
                self.push(out, Stmt::Return(value), range);
            }
            ast::Stmt::Delete(_) => {
                self.unsupported("`del`", range, "let the variable go out of scope instead");
            }
            ast::Stmt::Assign(assign) => {
                let value = self.lower_expr(&assign.value);
                if let [target] = assign.targets.as_slice() {
                    self.lower_assign_target(target, value, range, out);
                } else {
                    let temp = self.temp();
                    self.push(out, Stmt::Assign { target: temp, value }, range);
                    for target in &assign.targets {
                        let read = self.alloc_expr(Expr::Local(temp), assign.value.range());
                        self.lower_assign_target(target, read, range, out);
                    }
                }
            }
            ast::Stmt::AugAssign(assign) => self.lower_aug_assign(assign, out),
            ast::Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    let value = self.lower_expr(value);
                    self.lower_assign_target(&assign.target, value, range, out);
                }
            }
            ast::Stmt::For(for_) => self.lower_for(for_, out),
            ast::Stmt::While(while_) => {
                let cond = self.lower_expr(&while_.test);
                self.loop_depth += 1;
                let body = self.lower_block(&while_.body);
                self.loop_depth -= 1;
                let otherwise = self.lower_block(&while_.orelse);
                self.push(out, Stmt::While { cond, body, otherwise }, range);
            }
            ast::Stmt::If(if_) => {
                // An `elif` is an `if` alone in the previous `else`; follow that chain in a
                // loop so a long `elif` chain does not count (or recurse) as nesting.
                let mut branches = Vec::new();
                let mut current = if_;
                let mut current_range = range;
                let final_else = loop {
                    let cond = self.lower_expr(&current.test);
                    let then = self.lower_block(&current.body);
                    branches.push((cond, then, current_range));
                    match current.orelse.as_slice() {
                        [ast::Stmt::If(elif)] => {
                            current_range = elif.range;
                            current = elif;
                        }
                        orelse => break self.lower_block(orelse),
                    }
                };
                let mut otherwise = final_else;
                while let Some((cond, then, branch_range)) = branches.pop() {
                    if branches.is_empty() {
                        self.push(out, Stmt::If { cond, then, otherwise }, branch_range);
                        break;
                    }
                    let stmt = self.alloc_stmt(Stmt::If { cond, then, otherwise }, branch_range);
                    otherwise = vec![stmt];
                }
            }
            ast::Stmt::With(with) => {
                let what = if with.is_async { "`async with`" } else { "a `with` statement" };
                let header_end = with.items.last().map_or(range.end(), |item| item.range.end());
                let header = TextRange::new(range.start(), header_end.max(range.start()));
                self.unsupported(what, header, "use explicit calls instead of a context manager");
            }
            ast::Stmt::Match(match_) => {
                let header = TextRange::new(range.start(), match_.subject.range().end().max(range.start()));
                self.unsupported("a `match` statement", header, "use `if`/`elif` chains");
            }
            ast::Stmt::Raise(raise) => {
                if let Some(cause) = &raise.cause {
                    self.unsupported(
                        "`raise ... from ...`",
                        cause.range(),
                        "raise the exception without a cause",
                    );
                }
                let exc = raise.exc.as_deref().map(|exc| self.lower_expr(exc));
                self.push(out, Stmt::Raise(exc), range);
            }
            ast::Stmt::Try(try_) => self.lower_try(try_, out),
            ast::Stmt::Assert(assert) => {
                let cond = self.lower_expr(&assert.test);
                let msg = assert.msg.as_deref().map(|msg| self.lower_expr(msg));
                self.push(out, Stmt::Assert { cond, msg }, range);
            }
            ast::Stmt::Import(import) => {
                for alias in &import.names {
                    match env::import_binding(alias) {
                        Ok((name, value)) => {
                            let name = if alias.asname.is_none() {
                                name.split('.').next().unwrap_or_default().to_string()
                            } else {
                                name
                            };
                            self.statics.insert(name, value);
                        }
                        Err(diagnostic) => self.diagnostics.push(diagnostic),
                    }
                }
            }
            ast::Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    match env::import_from_binding(import, alias) {
                        Ok((name, value)) => {
                            self.statics.insert(name, value);
                        }
                        Err(diagnostic) => self.diagnostics.extend(diagnostic),
                    }
                }
            }
            ast::Stmt::Global(_) => {}
            ast::Stmt::Nonlocal(_) => {
                self.unsupported(
                    "`nonlocal`",
                    range,
                    "inner functions may read enclosing variables but not assign them; return the new value instead",
                );
            }
            ast::Stmt::Expr(expr) => {
                let value = self.lower_expr(&expr.value);
                self.push(out, Stmt::Expr(value), range);
            }
            ast::Stmt::Pass(_) => {}
            ast::Stmt::Break(_) | ast::Stmt::Continue(_) => {
                let kind = if matches!(stmt, ast::Stmt::Break(_)) { Stmt::Break } else { Stmt::Continue };
                if self.loop_depth == 0 {
                    let word = if matches!(kind, Stmt::Break) { "break" } else { "continue" };
                    self.error(
                        Diagnostic::error(diagnostics::UNSUPPORTED, format!("'{word}' outside loop"))
                            .with_primary(range, "not inside a loop"),
                        range,
                    );
                }
                self.push(out, kind, range);
            }
        }
    }

    /// Assigns `value` to `target` (a name, a tuple/list of targets, or a subscript).
    fn lower_assign_target(&mut self, target: &ast::Expr, value: ExprId, range: TextRange, out: &mut Block) {
        // Nested unpacking: (target, value) pairs still to assign; explicit stack.
        let mut pending = vec![(target, value)];
        let mut depth = 0u32;
        while let Some((target, value)) = pending.pop() {
            depth += 1;
            if depth > 10_000 {
                self.diagnostics.push(diagnostics::too_deep(target.range()));
                return;
            }
            match target {
                ast::Expr::Name(name) => {
                    let Resolution::Local(local) = self.resolve(&name.id) else {
                        self.unsupported(
                            &format!("assigning to the global '{}'", name.id),
                            name.range,
                            "globals are frozen at compile time; use a local variable",
                        );
                        continue;
                    };
                    if self.body.locals[local].kind == LocalKind::Captured {
                        self.unsupported(
                            &format!("assigning to the enclosing variable '{}'", name.id),
                            name.range,
                            "return the new value from the inner function instead",
                        );
                        continue;
                    }
                    self.body.locals[local].definitions.push(name.range);
                    self.push(out, Stmt::Assign { target: local, value }, range);
                }
                ast::Expr::Tuple(ast::ExprTuple { elts, .. })
                | ast::Expr::List(ast::ExprList { elts, .. }) => {
                    if let Some(starred) = elts.iter().find(|elt| matches!(elt, ast::Expr::Starred(_))) {
                        self.unsupported(
                            "star-unpacking",
                            starred.range(),
                            "unpack into a fixed number of names, or index the tuple",
                        );
                        continue;
                    }
                    let mut targets = Vec::with_capacity(elts.len());
                    let mut nested = Vec::new();
                    for elt in elts {
                        match elt {
                            ast::Expr::Name(name) => match self.resolve(&name.id) {
                                Resolution::Local(local)
                                    if self.body.locals[local].kind != LocalKind::Captured =>
                                {
                                    self.body.locals[local].definitions.push(name.range);
                                    targets.push(local);
                                }
                                _ => {
                                    let temp = self.temp();
                                    targets.push(temp);
                                    nested.push((elt, temp));
                                }
                            },
                            _ => {
                                let temp = self.temp();
                                targets.push(temp);
                                nested.push((elt, temp));
                            }
                        }
                    }
                    self.push(out, Stmt::Unpack { targets, value }, range);
                    for (elt, temp) in nested.into_iter().rev() {
                        let read = self.alloc_expr(Expr::Local(temp), elt.range());
                        pending.push((elt, read));
                    }
                }
                ast::Expr::Subscript(subscript) => {
                    let base = self.lower_expr(&subscript.value);
                    let index = self.lower_expr(&subscript.slice);
                    self.push(out, Stmt::SetItem { base, index, value }, range);
                }
                ast::Expr::Attribute(attribute) => {
                    self.unsupported(
                        "assigning to an attribute",
                        attribute.range,
                        "compiled code cannot modify objects' attributes",
                    );
                }
                ast::Expr::Starred(starred) => {
                    self.unsupported("star-unpacking", starred.range, "unpack into a fixed number of names");
                }
                other => {
                    self.unsupported("this assignment target", other.range(), "assign to a name");
                }
            }
        }
    }

    fn lower_aug_assign(&mut self, assign: &ast::StmtAugAssign, out: &mut Block) {
        let range = assign.range;
        let op = binary_op(assign.op);
        match &*assign.target {
            ast::Expr::Name(name) => {
                let current = self.lower_name(&name.id, name.range);
                let rhs = self.lower_expr(&assign.value);
                let value = self.alloc_expr(Expr::Binary { op, lhs: current, rhs, in_place: true }, range);
                self.lower_assign_target(&assign.target, value, range, out);
            }
            ast::Expr::Subscript(subscript) if has_slice_syntax(&subscript.slice) => {
                // `a[1:] *= 2`: the selection is a view (only arrays take slices), which
                // the in-place operator updates.
                let current = self.lower_expr(&assign.target);
                let view = self.temp();
                self.push(out, Stmt::Assign { target: view, value: current }, range);
                let lhs = self.alloc_expr(Expr::Local(view), subscript.range);
                let rhs = self.lower_expr(&assign.value);
                let value = self.alloc_expr(Expr::Binary { op, lhs, rhs, in_place: true }, range);
                self.push(out, Stmt::Expr(value), range);
            }
            ast::Expr::Subscript(subscript)
                if matches!(&*subscript.value, ast::Expr::Name(_)) && is_pure_index(&subscript.slice, 0) =>
            {
                // `a[i, j] += x` with a plain name and an index without calls: reading the
                // name and the index twice is reading them once, and no temporary holds the
                // array (a temporary array variable in a loop costs a refcount pair per
                // iteration).
                let current = self.lower_expr(&assign.target);
                let rhs = self.lower_expr(&assign.value);
                let value = self.alloc_expr(Expr::Binary { op, lhs: current, rhs, in_place: true }, range);
                let base = self.lower_expr(&subscript.value);
                let index = self.lower_expr(&subscript.slice);
                self.push(out, Stmt::SetItem { base, index, value }, range);
            }
            ast::Expr::Subscript(subscript) => {
                let base_value = self.lower_expr(&subscript.value);
                let index_value = self.lower_expr(&subscript.slice);
                let (base_local, index_local) = (self.temp(), self.temp());
                self.push(out, Stmt::Assign { target: base_local, value: base_value }, range);
                self.push(out, Stmt::Assign { target: index_local, value: index_value }, range);
                let read = |this: &mut Self, local, range| this.alloc_expr(Expr::Local(local), range);
                let (base, index) = (
                    read(self, base_local, subscript.value.range()),
                    read(self, index_local, subscript.slice.range()),
                );
                let current = self.alloc_expr(Expr::Index { base, index }, subscript.range);
                let rhs = self.lower_expr(&assign.value);
                let value = self.alloc_expr(Expr::Binary { op, lhs: current, rhs, in_place: true }, range);
                let (base, index) = (
                    read(self, base_local, subscript.value.range()),
                    read(self, index_local, subscript.slice.range()),
                );
                self.push(out, Stmt::SetItem { base, index, value }, range);
            }
            other => {
                self.unsupported("this augmented assignment target", other.range(), "assign to a name");
            }
        }
    }

    fn lower_for(&mut self, for_: &ast::StmtFor, out: &mut Block) {
        if for_.is_async {
            self.unsupported("`async for`", for_.range, "use a plain `for` loop");
            return;
        }
        let iter = self.lower_for_iter(&for_.iter);
        let mut body = Vec::new();
        let target = match &*for_.target {
            ast::Expr::Name(name) => match self.resolve(&name.id) {
                Resolution::Local(local) => {
                    self.body.locals[local].definitions.push(name.range);
                    local
                }
                _ => {
                    self.unsupported("a global loop variable", name.range, "use a local variable");
                    return;
                }
            },
            other => {
                let temp = self.temp();
                let read = self.alloc_expr(Expr::Local(temp), other.range());
                self.lower_assign_target(other, read, other.range(), &mut body);
                temp
            }
        };
        self.loop_depth += 1;
        let rest = self.lower_block(&for_.body);
        self.loop_depth -= 1;
        body.extend(rest);
        let otherwise = self.lower_block(&for_.orelse);
        self.push(out, Stmt::For { target, iter, body, otherwise }, for_.range);
    }

    /// The iterable of a `for` header: `range`/`prange`/`enumerate`/`zip` written there
    /// become structured forms; anything else is a value iterated at run time.
    /// `range(...)` / `prange(...)` in a loop header, the call already lowered to nothing.
    fn lower_range_iter(&mut self, call: &ast::ExprCall, parallel: bool) -> ForIter {
        self.expr_depth += 1;
        let result = self.range_iter(call, parallel);
        self.expr_depth -= 1;
        result
    }

    fn range_iter(&mut self, call: &ast::ExprCall, parallel: bool) -> ForIter {
        let args: Vec<ExprId> = call.args.iter().map(|arg| self.lower_expr(arg)).collect();
        match args.as_slice() {
            [stop] => ForIter::Range { start: None, stop: *stop, step: None, parallel },
            [start, stop] => ForIter::Range { start: Some(*start), stop: *stop, step: None, parallel },
            [start, stop, step] => {
                ForIter::Range { start: Some(*start), stop: *stop, step: Some(*step), parallel }
            }
            _ => {
                let name = if parallel { "prange" } else { "range" };
                let diagnostic = Diagnostic::error(
                    WRONG_ARGUMENTS,
                    format!("{name}() takes 1 to 3 arguments but {} were given", args.len()),
                )
                .with_primary(call.range, "called here");
                ForIter::Value(self.error(diagnostic, call.range))
            }
        }
    }

    fn lower_for_iter(&mut self, iter: &ast::Expr) -> ForIter {
        if self.expr_depth >= MAX_EXPR_DEPTH {
            let value = self.error(diagnostics::too_deep(iter.range()), iter.range());
            return ForIter::Value(value);
        }
        let ast::Expr::Call(call) = iter else {
            return ForIter::Value(self.lower_expr(iter));
        };
        // `numba.prange(...)`, `jit.prange(...)` with `jit` bound to the numba/numjit module.
        if let ast::Expr::Attribute(attribute) = &*call.func
            && &*attribute.attr.id == "prange"
            && let ast::Expr::Name(module) = &*attribute.value
            && matches!(self.resolve(&module.id), Resolution::Value(GlobalValue::Module(ModuleKind::Numba)))
            && call.keywords.is_empty()
        {
            return self.lower_range_iter(call, true);
        }
        let ast::Expr::Name(name) = &*call.func else {
            return ForIter::Value(self.lower_expr(iter));
        };
        let builtin = match self.resolve(&name.id) {
            Resolution::Item(Item::Builtin(builtin)) | Resolution::Value(GlobalValue::Builtin(builtin)) => {
                builtin
            }
            _ => return ForIter::Value(self.lower_expr(iter)),
        };
        if !call.keywords.is_empty() && builtin != Builtin::Enumerate {
            return ForIter::Value(self.lower_expr(iter));
        }
        self.expr_depth += 1;
        let result = match builtin {
            Builtin::Range | Builtin::Prange => self.range_iter(call, builtin == Builtin::Prange),
            Builtin::Enumerate => {
                let start_keyword = call
                    .keywords
                    .iter()
                    .find(|keyword| keyword.arg.as_ref().is_some_and(|arg| arg.as_str() == "start"));
                let bad_keyword = call
                    .keywords
                    .iter()
                    .find(|keyword| keyword.arg.as_ref().is_none_or(|arg| arg.as_str() != "start"));
                match (call.args.as_ref(), start_keyword, bad_keyword) {
                    (_, _, Some(keyword)) => {
                        let diagnostic = Diagnostic::error(
                            WRONG_ARGUMENTS,
                            "enumerate() got an unexpected keyword argument",
                        )
                        .with_primary(keyword.range, "unexpected");
                        ForIter::Value(self.error(diagnostic, keyword.range))
                    }
                    ([inner], start, None) => {
                        let inner = self.lower_for_iter(inner);
                        let start = match start {
                            Some(keyword) => self.lower_expr(&keyword.value),
                            None => self.alloc_expr(Expr::Const(ConstValue::Int(0)), call.range),
                        };
                        ForIter::Enumerate { inner: Box::new(inner), start }
                    }
                    ([inner, start], None, None) => {
                        let inner = self.lower_for_iter(inner);
                        let start = self.lower_expr(start);
                        ForIter::Enumerate { inner: Box::new(inner), start }
                    }
                    _ => {
                        let diagnostic =
                            Diagnostic::error(WRONG_ARGUMENTS, "enumerate() takes 1 or 2 arguments")
                                .with_primary(call.range, "called here");
                        ForIter::Value(self.error(diagnostic, call.range))
                    }
                }
            }
            Builtin::Zip => {
                if call.args.is_empty() {
                    let diagnostic = Diagnostic::error(
                        WRONG_ARGUMENTS,
                        "zip() needs at least one iterable in compiled code",
                    )
                    .with_primary(call.range, "called here");
                    ForIter::Value(self.error(diagnostic, call.range))
                } else {
                    ForIter::Zip(call.args.iter().map(|arg| self.lower_for_iter(arg)).collect())
                }
            }
            _ => ForIter::Value(self.lower_expr(iter)),
        };
        self.expr_depth -= 1;
        result
    }

    fn lower_try(&mut self, try_: &ast::StmtTry, out: &mut Block) {
        if try_.is_star {
            self.unsupported("`except*`", try_.range, "use a plain `except`");
            return;
        }
        let body = self.lower_block(&try_.body);
        let mut handlers = Vec::new();
        for handler in &try_.handlers {
            if let Some(name) = &handler.name {
                self.unsupported(
                    "binding the exception with `as`",
                    name.range,
                    "exception objects do not exist in compiled code; use `except Exception:`",
                );
            }
            let class = match handler.type_.as_deref() {
                None => None,
                Some(ast::Expr::Name(name)) => match self.resolve(&name.id) {
                    Resolution::Item(Item::Exception(
                        class @ (ExceptionClass::Exception | ExceptionClass::BaseException),
                    )) => Some(class),
                    _ => {
                        self.unsupported(
                            &format!("catching '{}'", name.id),
                            name.range,
                            "compiled code can catch every exception (`except:` or `except Exception:`), not specific classes",
                        );
                        None
                    }
                },
                Some(other) => {
                    self.unsupported(
                        "this `except` clause",
                        other.range(),
                        "compiled code can catch every exception (`except:` or `except Exception:`), not specific classes",
                    );
                    None
                }
            };
            let block = self.lower_block(&handler.body);
            handlers.push(Handler { class, body: block, range: handler.range });
        }
        let otherwise = self.lower_block(&try_.orelse);
        let finally = self.lower_block(&try_.finalbody);
        self.push(out, Stmt::Try { body, handlers, otherwise, finally }, try_.range);
    }

    fn lower_inner_def(&mut self, def: &ast::StmtFunctionDef, out: &mut Block) {
        if let Some(decorator) = def.decorator_list.first() {
            self.unsupported(
                "a decorator on an inner function",
                decorator.range(),
                "inner functions are compiled with their enclosing function; remove the decorator",
            );
            return;
        }
        let mut visible = self.locals.clone();
        visible.extend(self.captured.iter().map(|(name, local)| (name.clone(), *local)));
        let mut inner_diagnostics = Vec::new();
        let inner = lower_def(def, self.globals, Some(&visible), self.stmt_depth, &mut inner_diagnostics);
        self.diagnostics.extend(inner_diagnostics);
        let closure = self.body.closures.push(Closure { body: Box::new(inner) });
        let value = self.alloc_expr(Expr::Closure(closure), def.range);
        let Resolution::Local(local) = self.resolve(def.name.as_str()) else { return };
        self.body.locals[local].definitions.push(def.name.range);
        self.push(out, Stmt::Assign { target: local, value }, def.range);
    }

    // ----- expressions ------------------------------------------------------------------

    fn lower_expr(&mut self, expr: &ast::Expr) -> ExprId {
        if self.expr_depth >= MAX_EXPR_DEPTH {
            if self.reported_too_deep {
                return self.alloc_expr(Expr::Const(ConstValue::None), expr.range());
            }
            self.reported_too_deep = true;
            return self.error(diagnostics::too_deep(expr.range()), expr.range());
        }
        self.expr_depth += 1;
        let id = self.lower_expr_inner(expr);
        self.expr_depth -= 1;
        id
    }

    fn lower_expr_inner(&mut self, expr: &ast::Expr) -> ExprId {
        let range = expr.range();
        match expr {
            ast::Expr::BoolOp(bool_op) => self.lower_bool_op(bool_op),
            ast::Expr::NamedExpr(named) => {
                let value = self.lower_expr(&named.value);
                let ast::Expr::Name(name) = &*named.target else {
                    return self.unsupported("this `:=` target", named.target.range(), "assign to a name");
                };
                match self.resolve(&name.id) {
                    Resolution::Local(local) if self.body.locals[local].kind != LocalKind::Captured => {
                        self.body.locals[local].definitions.push(name.range);
                        self.alloc_expr(Expr::Store { local, value }, range)
                    }
                    _ => self.unsupported(
                        "assigning to a global with `:=`",
                        name.range,
                        "use a local variable",
                    ),
                }
            }
            ast::Expr::BinOp(_) => self.lower_binop_chain(expr),
            ast::Expr::UnaryOp(unary) => {
                if unary.op == ast::UnaryOp::USub
                    && let ast::Expr::Constant(constant) = &*unary.operand
                    && let Some(value) = negative_literal(&constant.value)
                {
                    return self.alloc_expr(Expr::Const(value), range);
                }
                let operand = self.lower_expr(&unary.operand);
                let op = match unary.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                };
                self.alloc_expr(Expr::Unary { op, operand }, range)
            }
            ast::Expr::Lambda(lambda) => {
                let mut visible = self.locals.clone();
                visible.extend(self.captured.iter().map(|(name, local)| (name.clone(), *local)));
                let shape = FunctionShape {
                    name: "<lambda>".to_string(),
                    name_range: TextRange::at(lambda.range.start(), 6.into()),
                    args: &lambda.args,
                    body: FunctionBodySource::Expression(&lambda.body),
                    range: lambda.range,
                };
                let mut inner_diagnostics = Vec::new();
                let inner = lower_shape(
                    &shape,
                    self.globals,
                    Some(&visible),
                    self.stmt_depth,
                    &mut inner_diagnostics,
                );
                self.diagnostics.extend(inner_diagnostics);
                let closure = self.body.closures.push(Closure { body: Box::new(inner) });
                self.alloc_expr(Expr::Closure(closure), range)
            }
            ast::Expr::IfExp(if_exp) => {
                let cond = self.lower_expr(&if_exp.test);
                let then = self.lower_expr(&if_exp.body);
                let otherwise = self.lower_expr(&if_exp.orelse);
                self.alloc_expr(Expr::If { cond, then, otherwise }, range)
            }
            ast::Expr::Dict(_) => {
                self.unsupported("a dict", range, "use a tuple, or typed containers when numjit has them")
            }
            ast::Expr::Set(_) => self.unsupported("a set", range, "use a tuple"),
            ast::Expr::List(_) => self.unsupported("a list", range, "use a tuple; lists come with arrays"),
            ast::Expr::ListComp(_) => self.unsupported("a list comprehension", range, "write a `for` loop"),
            ast::Expr::SetComp(_) => self.unsupported("a set comprehension", range, "write a `for` loop"),
            ast::Expr::DictComp(_) => self.unsupported("a dict comprehension", range, "write a `for` loop"),
            ast::Expr::GeneratorExp(_) => {
                self.unsupported("a generator expression", range, "write a `for` loop")
            }
            ast::Expr::Await(_) => self.unsupported("`await`", range, "compiled functions are synchronous"),
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => self.unsupported(
                "a generator (`yield`)",
                range,
                "return a tuple of the values, or loop in the caller",
            ),
            ast::Expr::Compare(compare) => self.lower_compare(compare),
            ast::Expr::Call(call) => self.lower_call(call),
            ast::Expr::FormattedValue(_) | ast::Expr::JoinedStr(_) => {
                self.unsupported("an f-string", range, "print the values as separate arguments")
            }
            ast::Expr::Constant(constant) if matches!(constant.value, ast::Constant::Ellipsis) => {
                self.alloc_expr(Expr::Ellipsis, range)
            }
            ast::Expr::Constant(constant) => match env::literal_value(&constant.value) {
                Ok(value) => self.alloc_expr(Expr::Const(value), range),
                Err(what) => self.unsupported(what, range, ""),
            },
            ast::Expr::Attribute(attribute) => self.lower_attribute(attribute),
            ast::Expr::Subscript(subscript) => {
                let base = self.lower_expr(&subscript.value);
                if let ast::Expr::Slice(slice) = &*subscript.slice {
                    let mut bound =
                        |bound: &Option<Box<ast::Expr>>| bound.as_deref().map(|bound| self.lower_expr(bound));
                    let (lower, upper, step) = (bound(&slice.lower), bound(&slice.upper), bound(&slice.step));
                    return self.alloc_expr(Expr::Slice { base, lower, upper, step }, range);
                }
                let index = self.lower_expr(&subscript.slice);
                self.alloc_expr(Expr::Index { base, index }, range)
            }
            ast::Expr::Starred(_) => self.unsupported("star-unpacking", range, "pass the items one by one"),
            ast::Expr::Name(name) => self.lower_name(&name.id, range),
            ast::Expr::Tuple(tuple) => {
                if let Some(starred) = tuple.elts.iter().find(|elt| matches!(elt, ast::Expr::Starred(_))) {
                    return self.unsupported(
                        "star-unpacking",
                        starred.range(),
                        "concatenate tuples with `+`",
                    );
                }
                let items = tuple.elts.iter().map(|elt| self.lower_expr(elt)).collect();
                self.alloc_expr(Expr::Tuple(items), range)
            }
            ast::Expr::Slice(slice) => {
                // The grammar allows slices only inside subscripts (`a[1:n, ::2]`).
                let mut bound =
                    |bound: &Option<Box<ast::Expr>>| bound.as_deref().map(|bound| self.lower_expr(bound));
                let (lower, upper, step) = (bound(&slice.lower), bound(&slice.upper), bound(&slice.step));
                self.alloc_expr(Expr::SliceItem { lower, upper, step }, range)
            }
        }
    }

    /// `a + b + c + ...` leaning left, without recursing along the chain.
    fn lower_binop_chain(&mut self, expr: &ast::Expr) -> ExprId {
        let mut spine = Vec::new();
        let mut leftmost = expr;
        while let ast::Expr::BinOp(bin_op) = leftmost {
            spine.push(bin_op);
            leftmost = &bin_op.left;
        }
        let mut acc = self.lower_expr(leftmost);
        for bin_op in spine.into_iter().rev() {
            let rhs = self.lower_expr(&bin_op.right);
            let op = binary_op(bin_op.op);
            acc = self.alloc_expr(Expr::Binary { op, lhs: acc, rhs, in_place: false }, bin_op.range);
        }
        acc
    }

    /// `a and b`: `b if (t := a) else t`; `a or b`: `t if (t := a) else b`. Each operand
    /// is evaluated once and the result is an operand's value, as in Python.
    fn lower_bool_op(&mut self, bool_op: &ast::ExprBoolOp) -> ExprId {
        let Some((last, rest)) = bool_op.values.split_last() else {
            return self.alloc_expr(Expr::Const(ConstValue::None), bool_op.range);
        };
        // `a and b and c` is `a and (b and c)`: operands are lowered left to right (ids
        // stay children-first), then the conditionals are built from the right.
        let mut operands = Vec::with_capacity(rest.len());
        for value in rest {
            let lowered_value = self.lower_expr(value);
            let temp = self.temp();
            let range = value.range();
            let store = self.alloc_expr(Expr::Store { local: temp, value: lowered_value }, range);
            operands.push((store, temp, range));
        }
        let mut result = self.lower_expr(last);
        for (store, temp, range) in operands.into_iter().rev() {
            let read = self.alloc_expr(Expr::Local(temp), range);
            let (then, otherwise) = match bool_op.op {
                ast::BoolOp::And => (result, read),
                ast::BoolOp::Or => (read, result),
            };
            let span = TextRange::new(range.start(), bool_op.range.end());
            result = self.alloc_expr(Expr::If { cond: store, then, otherwise }, span);
        }
        result
    }

    /// `a < b < c` → `(a < (t := b)) and (t < c)`, with `b` evaluated once.
    fn lower_compare(&mut self, compare: &ast::ExprCompare) -> ExprId {
        let mut lhs = self.lower_expr(&compare.left);
        let n_ops = compare.ops.len().min(compare.comparators.len());
        let mut tests = Vec::with_capacity(n_ops);
        for (op_idx, (op, comparator)) in compare.ops.iter().zip(compare.comparators.iter()).enumerate() {
            let mut rhs = self.lower_expr(comparator);
            let is_last = op_idx + 1 == n_ops;
            let mut next_lhs = None;
            if !is_last {
                let temp = self.temp();
                rhs = self.alloc_expr(Expr::Store { local: temp, value: rhs }, comparator.range());
                next_lhs = Some(temp);
            }
            let range = TextRange::new(self.body.exprs[lhs].range.start(), comparator.range().end());
            let test = self.alloc_expr(Expr::Compare { op: cmp_op(*op), lhs, rhs }, range);
            tests.push(test);
            if let Some(temp) = next_lhs {
                lhs = self.alloc_expr(Expr::Local(temp), comparator.range());
            }
        }
        // Combine right to left: t0 and (t1 and (t2 ...)); each `and` on bools is a
        // conditional whose false branch is the constant False.
        let Some(mut result) = tests.pop() else {
            return lhs;
        };
        for test in tests.into_iter().rev() {
            let no = self.alloc_expr(Expr::Const(ConstValue::Bool(false)), compare.range);
            result = self.alloc_expr(Expr::If { cond: test, then: result, otherwise: no }, compare.range);
        }
        result
    }

    fn lower_attribute(&mut self, attribute: &ast::ExprAttribute) -> ExprId {
        if let ast::Expr::Name(name) = &*attribute.value
            && let Resolution::Value(GlobalValue::Module(module)) = self.resolve(&name.id)
        {
            return self.lower_module_member(module, attribute.attr.as_str(), attribute.range);
        }
        let base = self.lower_expr(&attribute.value);
        self.alloc_expr(Expr::Attribute { base, name: attribute.attr.as_str().to_string() }, attribute.range)
    }

    fn lower_call(&mut self, call: &ast::ExprCall) -> ExprId {
        if let Some(starred) = call.args.iter().find(|arg| matches!(arg, ast::Expr::Starred(_))) {
            return self.unsupported("`*` in a call", starred.range(), "pass the arguments one by one");
        }
        if let Some(keyword) = call.keywords.iter().find(|keyword| keyword.arg.is_none()) {
            return self.unsupported("`**` in a call", keyword.range, "pass keyword arguments by name");
        }
        // `z.conjugate()`: a method call on a value (module functions resolve as items).
        if let ast::Expr::Attribute(attribute) = &*call.func {
            let is_module = matches!(&*attribute.value, ast::Expr::Name(name)
                if matches!(self.resolve(&name.id), Resolution::Value(GlobalValue::Module(_))));
            if !is_module {
                let base = self.lower_expr(&attribute.value);
                let args = call.args.iter().map(|arg| self.lower_expr(arg)).collect();
                let keywords = call
                    .keywords
                    .iter()
                    .filter_map(|keyword| {
                        let name = keyword.arg.as_ref()?.as_str().to_string();
                        Some(KeywordArg {
                            name,
                            value: self.lower_expr(&keyword.value),
                            range: keyword.range,
                        })
                    })
                    .collect();
                let method = attribute.attr.as_str().to_string();
                return self.alloc_expr(Expr::MethodCall { base, method, args, keywords }, call.range);
            }
        }
        let callee = self.lower_expr(&call.func);
        // `np.array([[1, 2], [3, 4]])`: list displays as the data of an array are read as
        // (nested) tuples, which is all compiled code does with them.
        let data_call = matches!(&self.body.exprs[callee].kind, Expr::Item(Item::ArrayFunc(function))
            if matches!(function, ArrayFunc::Array | ArrayFunc::Asarray));
        let args = call
            .args
            .iter()
            .enumerate()
            .map(|(position, arg)| {
                if data_call && position == 0 { self.lower_array_data(arg, 0) } else { self.lower_expr(arg) }
            })
            .collect();
        let keywords = call
            .keywords
            .iter()
            .filter_map(|keyword| {
                let name = keyword.arg.as_ref()?.as_str().to_string();
                Some(KeywordArg { name, value: self.lower_expr(&keyword.value), range: keyword.range })
            })
            .collect();
        self.alloc_expr(Expr::Call { callee, args, keywords }, call.range)
    }
}

impl Lowerer<'_> {
    /// The data argument of `np.array(...)`: list displays become tuples, recursively.
    fn lower_array_data(&mut self, expr: &ast::Expr, depth: usize) -> ExprId {
        let elts = match expr {
            ast::Expr::List(list) if depth < 64 => &list.elts,
            ast::Expr::Tuple(tuple) if depth < 64 => &tuple.elts,
            other => return self.lower_expr(other),
        };
        let items = elts.iter().map(|elt| self.lower_array_data(elt, depth + 1)).collect();
        self.alloc_expr(Expr::Tuple(items), expr.range())
    }
}

fn ast_undefined(name: &str, range: TextRange) -> Diagnostic {
    Diagnostic::error(UNDEFINED_NAME, format!("name '{name}' is not defined"))
        .with_primary(range, "not defined")
}

/// `-5`, `-2.5`: folded so `x ** -1` sees a negative literal and `-9223372036854775808`
/// stays an int64.
fn negative_literal(constant: &ast::Constant) -> Option<ConstValue> {
    match constant {
        ast::Constant::Int(ast::Int::Small(value)) => {
            if *value == 1 << 63 {
                Some(ConstValue::Int(i64::MIN))
            } else {
                i64::try_from(*value).ok().map(|value| ConstValue::Int(-value))
            }
        }
        ast::Constant::Float(value) => Some(ConstValue::Float(-value)),
        _ => None,
    }
}

fn numpy_member(member: &str) -> Option<Expr> {
    let scalar = match member {
        "bool_" | "bool" => Some(ScalarType::Bool),
        "int8" | "byte" => Some(ScalarType::Int8),
        "int16" | "short" => Some(ScalarType::Int16),
        "int32" | "intc" => Some(ScalarType::Int32),
        "int64" | "intp" | "int_" | "longlong" => Some(ScalarType::Int64),
        "uint8" | "ubyte" => Some(ScalarType::UInt8),
        "uint16" | "ushort" => Some(ScalarType::UInt16),
        "uint32" | "uintc" => Some(ScalarType::UInt32),
        "uint64" | "uintp" | "uint" | "ulonglong" => Some(ScalarType::UInt64),
        "float32" | "single" => Some(ScalarType::Float32),
        "float64" | "double" => Some(ScalarType::Float64),
        "complex64" | "csingle" => Some(ScalarType::Complex64),
        "complex128" | "cdouble" => Some(ScalarType::Complex128),
        _ => None,
    };
    if let Some(scalar) = scalar {
        return Some(Expr::Item(Item::NumpyScalar(scalar)));
    }
    if let Some(function) = crate::templates::numpy::NumpyFn::from_name(member) {
        return Some(Expr::Item(Item::Numpy(function)));
    }
    if let Some(function) = ArrayFunc::from_name(member) {
        return Some(Expr::Item(Item::ArrayFunc(function)));
    }
    if let Some(ufunc) = crate::templates::ufunc::Ufunc::from_name(member) {
        return Some(Expr::Item(Item::Ufunc(ufunc)));
    }
    match member {
        "pi" | "e" | "inf" | "nan" => math::constant(member).map(Expr::Const),
        "newaxis" => Some(Expr::Const(ConstValue::None)),
        "euler_gamma" => Some(Expr::Const(ConstValue::Float(0.577_215_664_901_532_9))),
        _ => None,
    }
}

/// Whether evaluating an index twice is evaluating it once: names, constants, and
/// arithmetic, comparisons and tuples of them (no calls, no `:=`).
fn is_pure_index(expr: &ast::Expr, depth: u32) -> bool {
    if depth > 16 {
        return false;
    }
    match expr {
        ast::Expr::Name(_) | ast::Expr::Constant(_) => true,
        ast::Expr::Tuple(tuple) => tuple.elts.iter().all(|elt| is_pure_index(elt, depth + 1)),
        ast::Expr::UnaryOp(unary) => is_pure_index(&unary.operand, depth + 1),
        ast::Expr::BinOp(binary) => {
            is_pure_index(&binary.left, depth + 1) && is_pure_index(&binary.right, depth + 1)
        }
        _ => false,
    }
}

/// Whether an index is or holds a slice or `...` (so it selects a view of an array).
fn has_slice_syntax(index: &ast::Expr) -> bool {
    let one = |expr: &ast::Expr| match expr {
        ast::Expr::Slice(_) => true,
        ast::Expr::Constant(constant) => matches!(constant.value, ast::Constant::Ellipsis),
        _ => false,
    };
    match index {
        ast::Expr::Tuple(tuple) => tuple.elts.iter().any(one),
        other => one(other),
    }
}

fn binary_op(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Sub,
        ast::Operator::Mult => BinaryOp::Mul,
        ast::Operator::MatMult => BinaryOp::MatMul,
        ast::Operator::Div => BinaryOp::Div,
        ast::Operator::Mod => BinaryOp::Mod,
        ast::Operator::Pow => BinaryOp::Pow,
        ast::Operator::LShift => BinaryOp::LShift,
        ast::Operator::RShift => BinaryOp::RShift,
        ast::Operator::BitOr => BinaryOp::BitOr,
        ast::Operator::BitXor => BinaryOp::BitXor,
        ast::Operator::BitAnd => BinaryOp::BitAnd,
        ast::Operator::FloorDiv => BinaryOp::FloorDiv,
    }
}

fn cmp_op(op: ast::CmpOp) -> CmpOp {
    match op {
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::NotEq,
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::LtE,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::GtE,
        ast::CmpOp::Is => CmpOp::Is,
        ast::CmpOp::IsNot => CmpOp::IsNot,
        ast::CmpOp::In => CmpOp::In,
        ast::CmpOp::NotIn => CmpOp::NotIn,
    }
}
