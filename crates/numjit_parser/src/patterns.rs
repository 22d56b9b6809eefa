//! Building `match` patterns and checking what the pattern grammar cannot: capture names,
//! literal forms, mapping keys and the order of class-pattern arguments.

use numjit_ast::{self as ast, Constant, Expr, Pattern, Ranged, TextRange};

use crate::error::ParseError;

/// One entry of a mapping pattern.
#[derive(Debug)]
pub(crate) enum MappingItem {
    /// `key: pattern` (boxed: parser stack slots are as large as the largest value)
    Entry(Box<(Expr, Pattern)>),
    /// `**rest`
    Rest(ast::Identifier),
}

impl MappingItem {
    /// `key: pattern`.
    pub(crate) fn entry(key: Expr, pattern: Pattern) -> Self {
        MappingItem::Entry(Box::new((key, pattern)))
    }

    /// `**rest`: a capture name, so not `_`.
    pub(crate) fn rest(name: ast::Identifier) -> Result<Self, ParseError> {
        if name.as_str() == "_" {
            return Err(ParseError::message_at("invalid syntax", name.range));
        }
        Ok(MappingItem::Rest(name))
    }
}

/// One argument of a class pattern.
#[derive(Debug)]
pub(crate) enum ClassArg {
    /// A positional sub-pattern.
    Positional(Pattern),
    /// `name=pattern`
    Keyword(ast::Identifier, Pattern),
}

/// `None`, `True`, `False`.
pub(crate) fn singleton(value: Constant, range: TextRange) -> Pattern {
    Pattern::MatchSingleton(ast::PatternMatchSingleton { value, range })
}

/// A literal or dotted-name value pattern.
pub(crate) fn value(value: Expr) -> Pattern {
    let range = value.range();
    Pattern::MatchValue(ast::PatternMatchValue { value: Box::new(value), range })
}

/// A bare name is a capture (or the wildcard `_`); a dotted name is a value pattern.
pub(crate) fn capture_or_value(expr: Expr) -> Pattern {
    match expr {
        Expr::Name(name) => {
            let range = name.range;
            let name = if &*name.id == "_" { None } else { Some(ast::Identifier { id: name.id, range }) };
            Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name, range })
        }
        other => value(other),
    }
}

/// `*name` / `*_`.
pub(crate) fn star(name: ast::Identifier, range: TextRange) -> Pattern {
    let name = if name.as_str() == "_" { None } else { Some(name) };
    Pattern::MatchStar(ast::PatternMatchStar { name, range })
}

/// `pattern as name`.
pub(crate) fn as_pattern(
    pattern: Pattern,
    name: ast::Identifier,
    range: TextRange,
) -> Result<Pattern, ParseError> {
    if name.as_str() == "_" {
        return Err(ParseError::message_at("cannot use '_' as a target", name.range));
    }
    Ok(Pattern::MatchAs(ast::PatternMatchAs { pattern: Some(Box::new(pattern)), name: Some(name), range }))
}

/// `p1 | p2 | ...`.
pub(crate) fn or(first: Pattern, rest: Vec<Pattern>, range: TextRange) -> Pattern {
    let mut patterns = Vec::with_capacity(rest.len() + 1);
    patterns.push(first);
    patterns.extend(rest);
    Pattern::MatchOr(ast::PatternMatchOr { patterns, range })
}

/// A sequence pattern.
pub(crate) fn sequence(patterns: Vec<Pattern>, range: TextRange) -> Pattern {
    Pattern::MatchSequence(ast::PatternMatchSequence { patterns, range })
}

/// `a, b` / `(a, b)` is a sequence; `(a)` is a group, `a` itself; a lone `*a` is an error.
pub(crate) fn sequence_or_single(
    mut patterns: Vec<Pattern>,
    trailing_comma: bool,
    range: TextRange,
) -> Result<Pattern, ParseError> {
    if patterns.len() == 1
        && !trailing_comma
        && let Some(single) = patterns.pop()
    {
        if let Pattern::MatchStar(star) = &single {
            return Err(ParseError::message_at("invalid syntax", star.range));
        }
        return Ok(single);
    }
    Ok(sequence(patterns, range))
}

/// `{key: pattern, **rest}`: keys must be literals or dotted names, `**rest` comes last.
pub(crate) fn mapping(items: Vec<MappingItem>, range: TextRange) -> Result<Pattern, ParseError> {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    let mut rest = None;
    for item in items {
        if let Some(rest) = &rest {
            let rest: &ast::Identifier = rest;
            return Err(ParseError::detailed(
                "invalid syntax",
                format!("'**{}' must come last in a mapping pattern", rest.as_str()),
                Some("move the '**' entry to the end of the pattern"),
                rest.range,
            ));
        }
        match item {
            MappingItem::Entry(entry) => {
                let (key, pattern) = *entry;
                if let Expr::Name(name) = &key {
                    return Err(ParseError::message_at("invalid syntax", name.range));
                }
                keys.push(key);
                patterns.push(pattern);
            }
            MappingItem::Rest(name) => rest = Some(name),
        }
    }
    Ok(Pattern::MatchMapping(ast::PatternMatchMapping { keys, patterns, rest, range }))
}

/// `Cls(p1, p2, attr=p3)`: positional sub-patterns first.
pub(crate) fn class(cls: Expr, args: Vec<ClassArg>, range: TextRange) -> Result<Pattern, ParseError> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for arg in args {
        match arg {
            ClassArg::Positional(pattern) => {
                if !kwd_attrs.is_empty() {
                    return Err(ParseError::message_at(
                        "positional patterns follow keyword patterns",
                        pattern.range(),
                    ));
                }
                patterns.push(pattern);
            }
            ClassArg::Keyword(name, pattern) => {
                kwd_attrs.push(name);
                kwd_patterns.push(pattern);
            }
        }
    }
    Ok(Pattern::MatchClass(ast::PatternMatchClass {
        cls: Box::new(cls),
        patterns,
        kwd_attrs,
        kwd_patterns,
        range,
    }))
}

/// `1 + 2j` / `-1 - 2j`: a real part, then an imaginary one.
pub(crate) fn complex_literal(
    real: Expr,
    op: ast::Operator,
    imag: Expr,
    range: TextRange,
) -> Result<Expr, ParseError> {
    let real_value = match &real {
        Expr::UnaryOp(unary) => &*unary.operand,
        other => other,
    };
    if matches!(real_value, Expr::Constant(ast::ExprConstant { value: Constant::Complex { .. }, .. })) {
        return Err(ParseError::message_at("real number required in complex literal", real.range()));
    }
    if !matches!(imag, Expr::Constant(ast::ExprConstant { value: Constant::Complex { .. }, .. })) {
        return Err(ParseError::message_at("imaginary number required in complex literal", imag.range()));
    }
    Ok(crate::builders::bin_op(real, op, imag, range))
}
