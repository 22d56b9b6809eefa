//! Helpers the grammar's actions call to build nodes and check what the grammar alone
//! cannot express: parameter order, argument order, with-items, chained assignment.
//!
//! Keeping this code out of `python.lalrpop` keeps the generated parser small and lets the
//! checks be read and tested as ordinary Rust.

use numjit_ast::{self as ast, Expr, ExprContext, Ranged, Stmt, TextRange, TextSize};

use crate::context::{TargetKind, set_ann_assign_context, set_aug_assign_context, set_context};
use crate::error::{ParseError, ParseErrorKind};
use crate::token::Tok;

/// The error type of the generated parser.
pub(crate) type LalrpopError = lalrpop_util::ParseError<TextSize, Tok, ParseError>;

/// The range from `start` to `end`; an inverted pair (impossible from the parser) is
/// clamped rather than allowed to panic.
pub(crate) fn range(start: TextSize, end: TextSize) -> TextRange {
    TextRange::new(start, end.max(start))
}

/// The end of a block: the end of its last statement.
pub(crate) fn body_end(body: &[Stmt], fallback: TextSize) -> TextSize {
    body.last().map_or(fallback, |stmt| stmt.range().end())
}

/// A `Name` expression in `Load` context.
pub(crate) fn name_expr(identifier: ast::Identifier) -> Expr {
    Expr::Name(ast::ExprName { id: identifier.id, ctx: ExprContext::Load, range: identifier.range })
}

/// A constant expression.
pub(crate) fn constant(value: ast::Constant, range: TextRange) -> Expr {
    Expr::Constant(ast::ExprConstant { value, range })
}

/// A binary operation.
pub(crate) fn bin_op(left: Expr, op: ast::Operator, right: Expr, range: TextRange) -> Expr {
    Expr::BinOp(ast::ExprBinOp { left: Box::new(left), op, right: Box::new(right), range })
}

/// A unary operation.
pub(crate) fn unary_op(op: ast::UnaryOp, operand: Expr, range: TextRange) -> Expr {
    Expr::UnaryOp(ast::ExprUnaryOp { op, operand: Box::new(operand), range })
}

/// A boolean operation over `first` and the rest.
pub(crate) fn bool_op(op: ast::BoolOp, first: Expr, rest: Vec<Expr>, range: TextRange) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr::BoolOp(ast::ExprBoolOp { op, values, range })
}

/// A starred expression.
pub(crate) fn starred(value: Expr, range: TextRange) -> Expr {
    Expr::Starred(ast::ExprStarred { value: Box::new(value), ctx: ExprContext::Load, range })
}

/// A tuple in `Load` context.
pub(crate) fn tuple(elts: Vec<Expr>, range: TextRange) -> Expr {
    Expr::Tuple(ast::ExprTuple { elts, ctx: ExprContext::Load, range })
}

/// A single element where a star is not allowed: `(*a)`, `match *a:`. (A parenthesised
/// expression keeps its own range, without the parentheses, as in CPython.)
pub(crate) fn forbid_starred(expr: Expr) -> Result<Expr, ParseError> {
    if let Expr::Starred(starred) = &expr {
        return Err(ParseError::message_at("cannot use starred expression here", starred.range));
    }
    Ok(expr)
}

/// One `for ... in ... if ...` clause of a comprehension, its target checked.
pub(crate) fn comprehension(
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
    range: TextRange,
) -> Result<ast::Comprehension, ParseError> {
    let target = set_context(target, TargetKind::Store)?;
    Ok(ast::Comprehension { target, iter, ifs, is_async, range })
}

/// A `case` block.
pub(crate) fn match_case(
    start: TextSize,
    pattern: ast::Pattern,
    guard: Option<Expr>,
    body: Vec<Stmt>,
) -> ast::MatchCase {
    let end = body_end(&body, start);
    ast::MatchCase { pattern, guard: guard.map(Box::new), body, range: range(start, end) }
}

/// One parameter as written, before the order checks.
#[derive(Debug)]
pub(crate) enum ParamItem {
    /// `name[: annotation][= default]`
    Param { arg: ast::Arg, default: Option<Expr> },
    /// `/`
    Slash(TextRange),
    /// `*` or `*args`
    Star { arg: Option<ast::Arg>, range: TextRange },
    /// `**kwargs`
    DoubleStar { arg: ast::Arg, range: TextRange },
}

impl ParamItem {
    fn range(&self) -> TextRange {
        match self {
            ParamItem::Param { arg, .. } => arg.range,
            ParamItem::Slash(range) | ParamItem::Star { range, .. } | ParamItem::DoubleStar { range, .. } => {
                *range
            }
        }
    }
}

/// A parameter with its default.
pub(crate) fn arg_with_default(arg: ast::Arg, default: Option<Expr>) -> ast::ArgWithDefault {
    let end = default.as_ref().map_or(arg.range.end(), |default| default.range().end());
    let range = range(arg.range.start(), end);
    ast::ArgWithDefault { def: arg, default: default.map(Box::new), range }
}

/// Sorts parameters into CPython's lists and checks their order.
pub(crate) fn build_arguments(items: Vec<ParamItem>, range: TextRange) -> Result<ast::Arguments, ParseError> {
    let mut arguments = ast::Arguments::empty(range);
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_default = false;
    let mut bare_star = None;
    for item in items {
        if arguments.kwarg.is_some() {
            return Err(ParseError::message_at("arguments cannot follow var-keyword argument", item.range()));
        }
        match item {
            ParamItem::Param { arg, default } => {
                if seen_star {
                    arguments.kwonlyargs.push(arg_with_default(arg, default));
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(ParseError::message_at(
                            "non-default argument follows default argument",
                            arg.range,
                        ));
                    }
                    arguments.args.push(arg_with_default(arg, default));
                }
            }
            ParamItem::Slash(range) => {
                if seen_slash {
                    return Err(ParseError::message_at("/ may appear only once", range));
                }
                if seen_star {
                    return Err(ParseError::message_at("/ must be ahead of *", range));
                }
                if arguments.args.is_empty() {
                    return Err(ParseError::message_at("at least one argument must precede /", range));
                }
                seen_slash = true;
                arguments.posonlyargs = std::mem::take(&mut arguments.args);
            }
            ParamItem::Star { arg, range } => {
                if seen_star {
                    return Err(ParseError::message_at("* argument may appear only once", range));
                }
                seen_star = true;
                match arg {
                    Some(arg) => arguments.vararg = Some(Box::new(arg)),
                    None => bare_star = Some(range),
                }
            }
            ParamItem::DoubleStar { arg, .. } => arguments.kwarg = Some(Box::new(arg)),
        }
    }
    if let Some(star) = bare_star
        && arguments.kwonlyargs.is_empty()
    {
        return Err(ParseError::message_at("named arguments must follow bare *", star));
    }
    Ok(arguments)
}

/// One argument of a call or class header, before the order checks.
#[derive(Debug)]
pub(crate) enum ArgItem {
    /// A positional argument.
    Positional(Expr),
    /// `x for x in y` without its own parentheses.
    Generator(Expr),
    /// `*iterable`
    Starred(Expr),
    /// `name=value`
    Keyword(ast::Keyword),
    /// `**mapping`
    DoubleStar(ast::Keyword),
}

/// The arguments of a call, checked: positional ones first, `*` before `**`, and a bare
/// generator expression only as the sole argument (then its range is the call's
/// parentheses, as in CPython).
/// The positional and keyword arguments of a call.
pub(crate) type CallArguments = (Box<[Expr]>, Box<[ast::Keyword]>);

pub(crate) fn build_call_args(
    items: Vec<ArgItem>,
    trailing_comma: bool,
    parens: TextRange,
) -> Result<CallArguments, ParseError> {
    let n_items = items.len();
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(expr) | ArgItem::Generator(expr) if seen_double_star => {
                return Err(ParseError::message_at(
                    "positional argument follows keyword argument unpacking",
                    expr.range(),
                ));
            }
            ArgItem::Positional(expr) | ArgItem::Generator(expr) if seen_keyword => {
                return Err(ParseError::message_at(
                    "positional argument follows keyword argument",
                    expr.range(),
                ));
            }
            ArgItem::Positional(expr) => args.push(expr),
            ArgItem::Generator(mut expr) => {
                if n_items > 1 || trailing_comma {
                    return Err(ParseError::message_at(
                        "Generator expression must be parenthesized",
                        expr.range(),
                    ));
                }
                *expr.range_mut() = parens;
                args.push(expr);
            }
            ArgItem::Starred(expr) => {
                if seen_double_star {
                    return Err(ParseError::message_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        expr.range(),
                    ));
                }
                args.push(expr);
            }
            ArgItem::Keyword(keyword) => {
                seen_keyword = true;
                keywords.push(keyword);
            }
            ArgItem::DoubleStar(keyword) => {
                seen_double_star = true;
                keywords.push(keyword);
            }
        }
    }
    Ok((args.into_boxed_slice(), keywords.into_boxed_slice()))
}

/// `a = b = value`, `value` alone (an expression statement), with targets checked.
pub(crate) fn assignment(first: Expr, rest: Vec<Expr>, range: TextRange) -> Result<Stmt, ParseError> {
    if rest.is_empty() {
        return Ok(Stmt::Expr(ast::StmtExpr { value: Box::new(first), range }));
    }
    let mut targets = Vec::with_capacity(rest.len());
    let mut value = first;
    for next in rest {
        targets.push(set_context(value, TargetKind::Assign)?);
        value = next;
    }
    Ok(Stmt::Assign(ast::StmtAssign { targets, value: Box::new(value), range }))
}

/// `target op= value`.
pub(crate) fn aug_assign(
    target: Expr,
    op: ast::Operator,
    value: Expr,
    range: TextRange,
) -> Result<Stmt, ParseError> {
    let target = set_aug_assign_context(target)?;
    Ok(Stmt::AugAssign(ast::StmtAugAssign { target: Box::new(target), op, value: Box::new(value), range }))
}

/// `target: annotation = value`; `simple` when the target is a name not in parentheses.
pub(crate) fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    range: TextRange,
) -> Result<Stmt, ParseError> {
    let simple = matches!(&target, Expr::Name(name) if name.range.start() == range.start());
    let target = set_ann_assign_context(target)?;
    Ok(Stmt::AnnAssign(ast::StmtAnnAssign {
        target: Box::new(target),
        annotation: Box::new(annotation),
        value: value.map(Box::new),
        simple,
        range,
    }))
}

/// A with-item, its target checked.
pub(crate) fn with_item(
    context_expr: Expr,
    target: Option<Expr>,
    range: TextRange,
) -> Result<ast::WithItem, ParseError> {
    let optional_vars = match target {
        Some(target) => Some(Box::new(set_context(target, TargetKind::Store)?)),
        None => None,
    };
    Ok(ast::WithItem { context_expr, optional_vars, range })
}

/// `with (a, b):` is two items, as in CPython 3.9+: a single item that is a parenthesised
/// tuple without `as`, whose elements are plain expressions, is split into its elements.
/// `with (a, b) as c:`, `with ((a, b)):` and `with (a, b)[0]:` stay one item.
pub(crate) fn split_parenthesized_with_items(mut items: Vec<ast::WithItem>) -> Vec<ast::WithItem> {
    let splittable = match items.as_slice() {
        [ast::WithItem { context_expr: Expr::Tuple(tuple), optional_vars: None, range }] => {
            tuple.range == *range
                && !tuple.elts.is_empty()
                && tuple.elts.iter().all(|elt| !matches!(elt, Expr::Starred(_) | Expr::NamedExpr(_)))
        }
        _ => false,
    };
    if !splittable {
        return items;
    }
    match items.pop() {
        Some(ast::WithItem { context_expr: Expr::Tuple(tuple), .. }) => tuple
            .elts
            .into_iter()
            .map(|elt| {
                let range = elt.range();
                ast::WithItem { context_expr: elt, optional_vars: None, range }
            })
            .collect(),
        Some(item) => vec![item],
        None => Vec::new(),
    }
}

/// The plain expressions before the first `as` in `with (a, b as c):` become items.
pub(crate) fn with_items_from_exprs(exprs: Vec<Expr>) -> Result<Vec<ast::WithItem>, ParseError> {
    exprs
        .into_iter()
        .map(|expr| match expr {
            Expr::Starred(_) | Expr::NamedExpr(_) => {
                Err(ParseError::message_at("invalid syntax", expr.range()))
            }
            expr => {
                let range = expr.range();
                Ok(ast::WithItem { context_expr: expr, optional_vars: None, range })
            }
        })
        .collect()
}

/// An `if` with its `elif`s and `else`: each `elif` becomes an `If` alone in the previous
/// one's `orelse`.
pub(crate) fn if_statement(
    start: TextSize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(TextSize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    let mut end = body_end(&orelse, TextSize::default());
    for (elif_start, elif_test, elif_body) in elifs.into_iter().rev() {
        if orelse.is_empty() {
            end = body_end(&elif_body, elif_start);
        }
        let range = range(elif_start, end);
        orelse = vec![Stmt::If(ast::StmtIf { test: Box::new(elif_test), body: elif_body, orelse, range })];
    }
    if orelse.is_empty() {
        end = body_end(&body, start);
    }
    Stmt::If(ast::StmtIf { test: Box::new(test), body, orelse, range: range(start, end) })
}

/// The end of the last non-empty block among `blocks`.
pub(crate) fn blocks_end(blocks: &[&[Stmt]], fallback: TextSize) -> TextSize {
    blocks.iter().rev().find(|block| !block.is_empty()).map_or(fallback, |block| body_end(block, fallback))
}

/// Joins `a.b.c` into one identifier.
pub(crate) fn dotted_name(left: ast::Identifier, right: ast::Identifier) -> ast::Identifier {
    let mut id = String::with_capacity(left.id.len() + 1 + right.id.len());
    id.push_str(&left.id);
    id.push('.');
    id.push_str(&right.id);
    ast::Identifier { id: id.into_boxed_str(), range: range(left.range.start(), right.range.end()) }
}

/// Attaches decorators to a function or class definition and extends its range to the
/// first `@`.
pub(crate) fn decorate(start: TextSize, decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt {
        Stmt::FunctionDef(def) => {
            def.decorator_list = decorators;
            def.range = range(start, def.range.end());
        }
        Stmt::ClassDef(def) => {
            def.decorator_list = decorators;
            def.range = range(start, def.range.end());
        }
        _ => {}
    }
    stmt
}

/// The `(level, module)` of `from ..a import b`.
pub(crate) fn import_from_source(
    dots: Vec<u32>,
    module: Option<ast::Identifier>,
    import_start: TextSize,
) -> Result<(u32, Option<ast::Identifier>), ParseError> {
    if dots.is_empty() && module.is_none() {
        let import = TextRange::at(import_start, TextSize::new(6));
        return Err(ParseError::new(ParseErrorKind::UnexpectedToken("token 'import'".to_owned()), import));
    }
    Ok((dots.iter().sum(), module))
}
