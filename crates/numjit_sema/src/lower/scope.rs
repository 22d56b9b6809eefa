//! Which names a function binds, found before its body is lowered (Python decides a
//! name's scope from the whole function, not from the order of statements).
//!
//! A name assigned anywhere in the function (assignment, augmented assignment, `for`
//! target, `:=`, `def`, `except ... as`, `del`) is local; `global` names are not;
//! imports inside the function bind compile-time names. Nested `def`/`lambda`/comprehension
//! bodies have their own scopes and are not entered. The walk uses explicit stacks.

use std::collections::HashSet;

use numjit_ast as ast;

/// The names a function binds.
#[derive(Debug, Default)]
pub(crate) struct ScopeInfo {
    /// Local names in order of first binding.
    pub assigned: Vec<String>,
    /// Names declared `global`.
    pub globals: HashSet<String>,
    /// Names bound by `import` inside the function.
    pub imported: HashSet<String>,
}

impl ScopeInfo {
    fn bind(&mut self, seen: &mut HashSet<String>, name: &str) {
        if seen.insert(name.to_string()) {
            self.assigned.push(name.to_string());
        }
    }
}

/// Scans a function body.
pub(crate) fn scan(body: &[ast::Stmt]) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let mut seen = HashSet::new();
    let mut stmts: Vec<&ast::Stmt> = body.iter().rev().collect();
    let mut exprs: Vec<&ast::Expr> = Vec::new();
    let mut targets: Vec<&ast::Expr> = Vec::new();
    while let Some(stmt) = stmts.pop() {
        match stmt {
            ast::Stmt::FunctionDef(def) => {
                info.bind(&mut seen, def.name.as_str());
                exprs.extend(def.decorator_list.iter());
            }
            ast::Stmt::ClassDef(class) => info.bind(&mut seen, class.name.as_str()),
            ast::Stmt::Return(ret) => exprs.extend(ret.value.as_deref()),
            ast::Stmt::Delete(delete) => targets.extend(delete.targets.iter()),
            ast::Stmt::Assign(assign) => {
                targets.extend(assign.targets.iter());
                exprs.push(&assign.value);
            }
            ast::Stmt::AugAssign(assign) => {
                targets.push(&assign.target);
                exprs.push(&assign.value);
            }
            ast::Stmt::AnnAssign(assign) => {
                if assign.value.is_some() {
                    targets.push(&assign.target);
                }
                exprs.extend(assign.value.as_deref());
            }
            ast::Stmt::For(for_) => {
                targets.push(&for_.target);
                exprs.push(&for_.iter);
                stmts.extend(for_.orelse.iter().rev());
                stmts.extend(for_.body.iter().rev());
            }
            ast::Stmt::While(while_) => {
                exprs.push(&while_.test);
                stmts.extend(while_.orelse.iter().rev());
                stmts.extend(while_.body.iter().rev());
            }
            ast::Stmt::If(if_) => {
                exprs.push(&if_.test);
                stmts.extend(if_.orelse.iter().rev());
                stmts.extend(if_.body.iter().rev());
            }
            ast::Stmt::With(with) => {
                for item in &with.items {
                    exprs.push(&item.context_expr);
                    targets.extend(item.optional_vars.as_deref());
                }
                stmts.extend(with.body.iter().rev());
            }
            ast::Stmt::Match(_) => {}
            ast::Stmt::Raise(raise) => {
                exprs.extend(raise.exc.as_deref());
                exprs.extend(raise.cause.as_deref());
            }
            ast::Stmt::Try(try_) => {
                stmts.extend(try_.finalbody.iter().rev());
                stmts.extend(try_.orelse.iter().rev());
                for handler in try_.handlers.iter().rev() {
                    if let Some(name) = &handler.name {
                        info.bind(&mut seen, name.as_str());
                    }
                    stmts.extend(handler.body.iter().rev());
                }
                stmts.extend(try_.body.iter().rev());
            }
            ast::Stmt::Assert(assert) => {
                exprs.push(&assert.test);
                exprs.extend(assert.msg.as_deref());
            }
            ast::Stmt::Import(import) => {
                for alias in &import.names {
                    let name = alias.asname.as_ref().map_or_else(
                        || alias.name.as_str().split('.').next().unwrap_or_default().to_string(),
                        |asname| asname.as_str().to_string(),
                    );
                    info.imported.insert(name);
                }
            }
            ast::Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    info.imported.insert(alias.asname.as_ref().unwrap_or(&alias.name).as_str().to_string());
                }
            }
            ast::Stmt::Global(global) => {
                info.globals.extend(global.names.iter().map(|name| name.as_str().to_string()));
            }
            ast::Stmt::Nonlocal(_) | ast::Stmt::Pass(_) | ast::Stmt::Break(_) | ast::Stmt::Continue(_) => {}
            ast::Stmt::Expr(expr) => exprs.push(&expr.value),
        }
        while let Some(target) = targets.pop() {
            match target {
                ast::Expr::Name(name) => info.bind(&mut seen, &name.id),
                ast::Expr::Tuple(tuple) => targets.extend(tuple.elts.iter()),
                ast::Expr::List(list) => targets.extend(list.elts.iter()),
                ast::Expr::Starred(starred) => targets.push(&starred.value),
                other => exprs.push(other),
            }
        }
        while let Some(expr) = exprs.pop() {
            if let ast::Expr::NamedExpr(named) = expr
                && let ast::Expr::Name(name) = &*named.target
            {
                info.bind(&mut seen, &name.id);
            }
            push_children(expr, &mut exprs);
        }
    }
    info.assigned.retain(|name| !info.globals.contains(name));
    info
}

/// Pushes the sub-expressions evaluated in the same scope (not lambda bodies or
/// comprehensions, which have their own).
fn push_children<'a>(expr: &'a ast::Expr, stack: &mut Vec<&'a ast::Expr>) {
    match expr {
        ast::Expr::BoolOp(op) => stack.extend(op.values.iter()),
        ast::Expr::NamedExpr(named) => stack.push(&named.value),
        ast::Expr::BinOp(op) => {
            stack.push(&op.left);
            stack.push(&op.right);
        }
        ast::Expr::UnaryOp(op) => stack.push(&op.operand),
        ast::Expr::IfExp(if_) => {
            stack.push(&if_.test);
            stack.push(&if_.body);
            stack.push(&if_.orelse);
        }
        ast::Expr::Compare(compare) => {
            stack.push(&compare.left);
            stack.extend(compare.comparators.iter());
        }
        ast::Expr::Call(call) => {
            stack.push(&call.func);
            stack.extend(call.args.iter());
            stack.extend(call.keywords.iter().map(|keyword| &keyword.value));
        }
        ast::Expr::Attribute(attribute) => stack.push(&attribute.value),
        ast::Expr::Subscript(subscript) => {
            stack.push(&subscript.value);
            stack.push(&subscript.slice);
        }
        ast::Expr::Starred(starred) => stack.push(&starred.value),
        ast::Expr::Tuple(tuple) => stack.extend(tuple.elts.iter()),
        ast::Expr::List(list) => stack.extend(list.elts.iter()),
        ast::Expr::Set(set) => stack.extend(set.elts.iter()),
        ast::Expr::Dict(dict) => {
            stack.extend(dict.keys.iter().flatten());
            stack.extend(dict.values.iter());
        }
        ast::Expr::Slice(slice) => {
            stack.extend(slice.lower.as_deref());
            stack.extend(slice.upper.as_deref());
            stack.extend(slice.step.as_deref());
        }
        ast::Expr::Await(await_) => stack.push(&await_.value),
        ast::Expr::Yield(yield_) => stack.extend(yield_.value.as_deref()),
        ast::Expr::YieldFrom(yield_from) => stack.push(&yield_from.value),
        ast::Expr::FormattedValue(value) => stack.push(&value.value),
        ast::Expr::JoinedStr(joined) => stack.extend(joined.values.iter()),
        ast::Expr::Lambda(_)
        | ast::Expr::ListComp(_)
        | ast::Expr::SetComp(_)
        | ast::Expr::DictComp(_)
        | ast::Expr::GeneratorExp(_)
        | ast::Expr::Constant(_)
        | ast::Expr::Name(_) => {}
    }
}
