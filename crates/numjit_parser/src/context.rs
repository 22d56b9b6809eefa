//! Turning parsed expressions into assignment and deletion targets.
//!
//! The grammar parses targets (`a, b[i] = ...`, `for x in`, `del a.b`, `with f() as x`) as
//! ordinary expressions in `Load` context; this module checks that each one may be a target
//! and rewrites its context to `Store` or `Del`, with CPython's messages for the ones that
//! may not ("cannot assign to function call here. Maybe you meant '==' instead of '='?").
//! The recursion follows tuple and list nesting, which the bracket limit bounds.

use numjit_ast::{self as ast, Constant, Expr, ExprContext, Ranged};

use crate::error::ParseError;

/// Where a target appears; it decides the wording of the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// A target of `=` (top level): some errors add "Maybe you meant '=='".
    Assign,
    /// Any other binding target: `for`, `with ... as`, comprehensions, nested elements.
    Store,
    /// A `del` target.
    Del,
}

/// CPython's name for an expression that cannot be a target (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(expr: &Expr) -> &'static str {
    match expr {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(constant) => match constant.value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

/// Whether CPython adds "here. Maybe you meant '==' instead of '='?" when `expr` is the
/// target of `=`: it does for expressions at `|` precedence or tighter, except singletons
/// and generator expressions.
fn suggests_comparison(expr: &Expr) -> bool {
    match expr {
        Expr::Lambda(_) | Expr::IfExp(_) | Expr::BoolOp(_) | Expr::Compare(_) | Expr::GeneratorExp(_) => {
            false
        }
        Expr::UnaryOp(unary) => unary.op != ast::UnaryOp::Not,
        Expr::Constant(constant) => !matches!(constant.value, Constant::None | Constant::Bool(_)),
        _ => true,
    }
}

/// Checks that `expr` is a valid target and gives it (and its elements) `Store` or `Del`
/// context.
pub(crate) fn set_context(expr: Expr, kind: TargetKind) -> Result<Expr, ParseError> {
    let ctx = if kind == TargetKind::Del { ExprContext::Del } else { ExprContext::Store };
    let nested = if kind == TargetKind::Del { TargetKind::Del } else { TargetKind::Store };
    match expr {
        Expr::Name(mut node) => {
            node.ctx = ctx;
            Ok(Expr::Name(node))
        }
        Expr::Attribute(mut node) => {
            node.ctx = ctx;
            Ok(Expr::Attribute(node))
        }
        Expr::Subscript(mut node) => {
            node.ctx = ctx;
            Ok(Expr::Subscript(node))
        }
        Expr::Starred(node) if kind != TargetKind::Del => {
            let value = set_context(*node.value, nested)?;
            Ok(Expr::Starred(ast::ExprStarred { value: Box::new(value), ctx, range: node.range }))
        }
        Expr::Tuple(node) => {
            let elts = node.elts.into_iter().map(|elt| set_context(elt, nested)).collect::<Result<_, _>>()?;
            Ok(Expr::Tuple(ast::ExprTuple { elts, ctx, range: node.range }))
        }
        Expr::List(node) => {
            let elts = node.elts.into_iter().map(|elt| set_context(elt, nested)).collect::<Result<_, _>>()?;
            Ok(Expr::List(ast::ExprList { elts, ctx, range: node.range }))
        }
        other => {
            let name = expr_name(&other);
            let message = match kind {
                TargetKind::Del => format!("cannot delete {name}"),
                TargetKind::Assign if suggests_comparison(&other) => {
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
                }
                TargetKind::Assign | TargetKind::Store => format!("cannot assign to {name}"),
            };
            Err(ParseError::message_at(message, other.range()))
        }
    }
}

/// Checks the target of an augmented assignment (`x += 1`): a name, attribute or subscript.
pub(crate) fn set_aug_assign_context(expr: Expr) -> Result<Expr, ParseError> {
    match expr {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => set_context(expr, TargetKind::Store),
        other => Err(ParseError::message_at(
            format!("'{}' is an illegal expression for augmented assignment", expr_name(&other)),
            other.range(),
        )),
    }
}

/// Checks the target of an annotated assignment (`x: int = 1`): a single name, attribute
/// or subscript.
pub(crate) fn set_ann_assign_context(expr: Expr) -> Result<Expr, ParseError> {
    match expr {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => set_context(expr, TargetKind::Store),
        Expr::Tuple(_) | Expr::List(_) => Err(ParseError::message_at(
            format!("only single target (not {}) can be annotated", expr_name(&expr)),
            expr.range(),
        )),
        other => Err(ParseError::message_at(
            format!("illegal target for annotation: cannot assign to {}", expr_name(&other)),
            other.range(),
        )),
    }
}
