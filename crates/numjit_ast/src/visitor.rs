//! A read-only traversal of the syntax tree.
//!
//! Implement [`Visitor`] and override the `visit_*` methods for the nodes you care about;
//! call the matching `walk_*` function from an override to keep descending. The default
//! methods visit every child, in source order, including identifiers, parameters, keywords,
//! aliases and patterns, so a visitor sees every node that has a range.

use crate::*;

/// A visitor over borrowed nodes. Every method's default walks the node's children.
pub trait Visitor<'a> {
    /// Visits a module.
    fn visit_mod(&mut self, module: &'a Mod) {
        walk_mod(self, module);
    }
    /// Visits a statement.
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        walk_stmt(self, stmt);
    }
    /// Visits an expression.
    fn visit_expr(&mut self, expr: &'a Expr) {
        walk_expr(self, expr);
    }
    /// Visits a pattern.
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        walk_pattern(self, pattern);
    }
    /// Visits a parameter list.
    fn visit_arguments(&mut self, arguments: &'a Arguments) {
        walk_arguments(self, arguments);
    }
    /// Visits a parameter with its default.
    fn visit_arg_with_default(&mut self, arg: &'a ArgWithDefault) {
        walk_arg_with_default(self, arg);
    }
    /// Visits a parameter.
    fn visit_arg(&mut self, arg: &'a Arg) {
        walk_arg(self, arg);
    }
    /// Visits a keyword argument.
    fn visit_keyword(&mut self, keyword: &'a Keyword) {
        walk_keyword(self, keyword);
    }
    /// Visits an import alias.
    fn visit_alias(&mut self, alias: &'a Alias) {
        walk_alias(self, alias);
    }
    /// Visits a comprehension clause.
    fn visit_comprehension(&mut self, comprehension: &'a Comprehension) {
        walk_comprehension(self, comprehension);
    }
    /// Visits an `except` clause.
    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        walk_except_handler(self, handler);
    }
    /// Visits a `with` item.
    fn visit_with_item(&mut self, item: &'a WithItem) {
        walk_with_item(self, item);
    }
    /// Visits a `case` block.
    fn visit_match_case(&mut self, case: &'a MatchCase) {
        walk_match_case(self, case);
    }
    /// Visits an identifier (a leaf).
    fn visit_identifier(&mut self, _identifier: &'a Identifier) {}
    /// Visits a block of statements.
    fn visit_body(&mut self, body: &'a [Stmt]) {
        walk_body(self, body);
    }
}

/// Visits the statements of a module or the body of an expression module.
pub fn walk_mod<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, module: &'a Mod) {
    match module {
        Mod::Module(module) => visitor.visit_body(&module.body),
        Mod::Expression(expression) => visitor.visit_expr(&expression.body),
    }
}

/// Visits each statement of a block.
pub fn walk_body<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, body: &'a [Stmt]) {
    for stmt in body {
        visitor.visit_stmt(stmt);
    }
}

fn visit_exprs<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, exprs: &'a [Expr]) {
    for expr in exprs {
        visitor.visit_expr(expr);
    }
}

fn visit_opt_expr<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, expr: &'a Option<Box<Expr>>) {
    if let Some(expr) = expr {
        visitor.visit_expr(expr);
    }
}

/// Visits the children of a statement, in source order.
pub fn walk_stmt<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, stmt: &'a Stmt) {
    match stmt {
        Stmt::FunctionDef(node) => {
            visit_exprs(visitor, &node.decorator_list);
            visitor.visit_identifier(&node.name);
            visitor.visit_arguments(&node.args);
            visit_opt_expr(visitor, &node.returns);
            visitor.visit_body(&node.body);
        }
        Stmt::ClassDef(node) => {
            visit_exprs(visitor, &node.decorator_list);
            visitor.visit_identifier(&node.name);
            visit_exprs(visitor, &node.bases);
            for keyword in &node.keywords {
                visitor.visit_keyword(keyword);
            }
            visitor.visit_body(&node.body);
        }
        Stmt::Return(node) => visit_opt_expr(visitor, &node.value),
        Stmt::Delete(node) => visit_exprs(visitor, &node.targets),
        Stmt::Assign(node) => {
            visit_exprs(visitor, &node.targets);
            visitor.visit_expr(&node.value);
        }
        Stmt::AugAssign(node) => {
            visitor.visit_expr(&node.target);
            visitor.visit_expr(&node.value);
        }
        Stmt::AnnAssign(node) => {
            visitor.visit_expr(&node.target);
            visitor.visit_expr(&node.annotation);
            visit_opt_expr(visitor, &node.value);
        }
        Stmt::For(node) => {
            visitor.visit_expr(&node.target);
            visitor.visit_expr(&node.iter);
            visitor.visit_body(&node.body);
            visitor.visit_body(&node.orelse);
        }
        Stmt::While(node) => {
            visitor.visit_expr(&node.test);
            visitor.visit_body(&node.body);
            visitor.visit_body(&node.orelse);
        }
        Stmt::If(node) => {
            visitor.visit_expr(&node.test);
            visitor.visit_body(&node.body);
            visitor.visit_body(&node.orelse);
        }
        Stmt::With(node) => {
            for item in &node.items {
                visitor.visit_with_item(item);
            }
            visitor.visit_body(&node.body);
        }
        Stmt::Match(node) => {
            visitor.visit_expr(&node.subject);
            for case in &node.cases {
                visitor.visit_match_case(case);
            }
        }
        Stmt::Raise(node) => {
            visit_opt_expr(visitor, &node.exc);
            visit_opt_expr(visitor, &node.cause);
        }
        Stmt::Try(node) => {
            visitor.visit_body(&node.body);
            for handler in &node.handlers {
                visitor.visit_except_handler(handler);
            }
            visitor.visit_body(&node.orelse);
            visitor.visit_body(&node.finalbody);
        }
        Stmt::Assert(node) => {
            visitor.visit_expr(&node.test);
            visit_opt_expr(visitor, &node.msg);
        }
        Stmt::Import(node) => {
            for alias in &node.names {
                visitor.visit_alias(alias);
            }
        }
        Stmt::ImportFrom(node) => {
            if let Some(module) = &node.module {
                visitor.visit_identifier(module);
            }
            for alias in &node.names {
                visitor.visit_alias(alias);
            }
        }
        Stmt::Global(StmtGlobal { names, .. }) | Stmt::Nonlocal(StmtNonlocal { names, .. }) => {
            for name in names {
                visitor.visit_identifier(name);
            }
        }
        Stmt::Expr(node) => visitor.visit_expr(&node.value),
        Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
    }
}

fn visit_generators<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, generators: &'a [Comprehension]) {
    for comprehension in generators {
        visitor.visit_comprehension(comprehension);
    }
}

/// Visits the children of an expression, in source order.
pub fn walk_expr<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, expr: &'a Expr) {
    match expr {
        Expr::BoolOp(node) => visit_exprs(visitor, &node.values),
        Expr::NamedExpr(node) => {
            visitor.visit_expr(&node.target);
            visitor.visit_expr(&node.value);
        }
        Expr::BinOp(node) => {
            visitor.visit_expr(&node.left);
            visitor.visit_expr(&node.right);
        }
        Expr::UnaryOp(node) => visitor.visit_expr(&node.operand),
        Expr::Lambda(node) => {
            visitor.visit_arguments(&node.args);
            visitor.visit_expr(&node.body);
        }
        Expr::IfExp(node) => {
            visitor.visit_expr(&node.body);
            visitor.visit_expr(&node.test);
            visitor.visit_expr(&node.orelse);
        }
        Expr::Dict(node) => {
            for (key, value) in node.keys.iter().zip(&node.values) {
                if let Some(key) = key {
                    visitor.visit_expr(key);
                }
                visitor.visit_expr(value);
            }
        }
        Expr::Set(node) => visit_exprs(visitor, &node.elts),
        Expr::ListComp(ExprListComp { elt, generators, .. })
        | Expr::SetComp(ExprSetComp { elt, generators, .. })
        | Expr::GeneratorExp(ExprGeneratorExp { elt, generators, .. }) => {
            visitor.visit_expr(elt);
            visit_generators(visitor, generators);
        }
        Expr::DictComp(node) => {
            visitor.visit_expr(&node.key);
            visitor.visit_expr(&node.value);
            visit_generators(visitor, &node.generators);
        }
        Expr::Await(node) => visitor.visit_expr(&node.value),
        Expr::Yield(node) => visit_opt_expr(visitor, &node.value),
        Expr::YieldFrom(node) => visitor.visit_expr(&node.value),
        Expr::Compare(node) => {
            visitor.visit_expr(&node.left);
            visit_exprs(visitor, &node.comparators);
        }
        Expr::Call(node) => {
            visitor.visit_expr(&node.func);
            visit_exprs(visitor, &node.args);
            for keyword in &node.keywords {
                visitor.visit_keyword(keyword);
            }
        }
        Expr::FormattedValue(node) => {
            visitor.visit_expr(&node.value);
            visit_opt_expr(visitor, &node.format_spec);
        }
        Expr::JoinedStr(node) => visit_exprs(visitor, &node.values),
        Expr::Constant(_) | Expr::Name(_) => {}
        Expr::Attribute(node) => {
            visitor.visit_expr(&node.value);
            visitor.visit_identifier(&node.attr);
        }
        Expr::Subscript(node) => {
            visitor.visit_expr(&node.value);
            visitor.visit_expr(&node.slice);
        }
        Expr::Starred(node) => visitor.visit_expr(&node.value),
        Expr::List(ExprList { elts, .. }) | Expr::Tuple(ExprTuple { elts, .. }) => visit_exprs(visitor, elts),
        Expr::Slice(node) => {
            visit_opt_expr(visitor, &node.lower);
            visit_opt_expr(visitor, &node.upper);
            visit_opt_expr(visitor, &node.step);
        }
    }
}

/// Visits the children of a pattern, in source order.
pub fn walk_pattern<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, pattern: &'a Pattern) {
    match pattern {
        Pattern::MatchValue(node) => visitor.visit_expr(&node.value),
        Pattern::MatchSingleton(_) => {}
        Pattern::MatchSequence(PatternMatchSequence { patterns, .. })
        | Pattern::MatchOr(PatternMatchOr { patterns, .. }) => {
            for pattern in patterns {
                visitor.visit_pattern(pattern);
            }
        }
        Pattern::MatchMapping(node) => {
            for (key, pattern) in node.keys.iter().zip(&node.patterns) {
                visitor.visit_expr(key);
                visitor.visit_pattern(pattern);
            }
            if let Some(rest) = &node.rest {
                visitor.visit_identifier(rest);
            }
        }
        Pattern::MatchClass(node) => {
            visitor.visit_expr(&node.cls);
            for pattern in &node.patterns {
                visitor.visit_pattern(pattern);
            }
            for (attr, pattern) in node.kwd_attrs.iter().zip(&node.kwd_patterns) {
                visitor.visit_identifier(attr);
                visitor.visit_pattern(pattern);
            }
        }
        Pattern::MatchStar(node) => {
            if let Some(name) = &node.name {
                visitor.visit_identifier(name);
            }
        }
        Pattern::MatchAs(node) => {
            if let Some(pattern) = &node.pattern {
                visitor.visit_pattern(pattern);
            }
            if let Some(name) = &node.name {
                visitor.visit_identifier(name);
            }
        }
    }
}

/// Visits the parameters in source order.
pub fn walk_arguments<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, arguments: &'a Arguments) {
    for arg in arguments.posonlyargs.iter().chain(&arguments.args) {
        visitor.visit_arg_with_default(arg);
    }
    if let Some(vararg) = &arguments.vararg {
        visitor.visit_arg(vararg);
    }
    for arg in &arguments.kwonlyargs {
        visitor.visit_arg_with_default(arg);
    }
    if let Some(kwarg) = &arguments.kwarg {
        visitor.visit_arg(kwarg);
    }
}

/// Visits the parameter, then its default.
pub fn walk_arg_with_default<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, arg: &'a ArgWithDefault) {
    visitor.visit_arg(&arg.def);
    visit_opt_expr(visitor, &arg.default);
}

/// Visits the parameter's name and annotation.
pub fn walk_arg<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, arg: &'a Arg) {
    visitor.visit_identifier(&arg.arg);
    visit_opt_expr(visitor, &arg.annotation);
}

/// Visits the keyword's name and value.
pub fn walk_keyword<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, keyword: &'a Keyword) {
    if let Some(arg) = &keyword.arg {
        visitor.visit_identifier(arg);
    }
    visitor.visit_expr(&keyword.value);
}

/// Visits the alias's names.
pub fn walk_alias<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, alias: &'a Alias) {
    visitor.visit_identifier(&alias.name);
    if let Some(asname) = &alias.asname {
        visitor.visit_identifier(asname);
    }
}

/// Visits target, iterable and conditions.
pub fn walk_comprehension<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, comprehension: &'a Comprehension) {
    visitor.visit_expr(&comprehension.target);
    visitor.visit_expr(&comprehension.iter);
    visit_exprs(visitor, &comprehension.ifs);
}

/// Visits type, name and body of an `except` clause.
pub fn walk_except_handler<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, handler: &'a ExceptHandler) {
    visit_opt_expr(visitor, &handler.type_);
    if let Some(name) = &handler.name {
        visitor.visit_identifier(name);
    }
    visitor.visit_body(&handler.body);
}

/// Visits the context manager and target.
pub fn walk_with_item<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, item: &'a WithItem) {
    visitor.visit_expr(&item.context_expr);
    visit_opt_expr(visitor, &item.optional_vars);
}

/// Visits pattern, guard and body of a `case`.
pub fn walk_match_case<'a, V: Visitor<'a> + ?Sized>(visitor: &mut V, case: &'a MatchCase) {
    visitor.visit_pattern(&case.pattern);
    visit_opt_expr(visitor, &case.guard);
    visitor.visit_body(&case.body);
}
