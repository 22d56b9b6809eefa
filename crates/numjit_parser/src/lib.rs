//! Python 3.11 parser: source text → [`numjit_ast`] tree plus syntax errors.
//!
//! Pipeline: `lexer` (logos, with indentation, brackets and soft keywords) → a `Vec` of
//! tokens → the LALRPOP grammar (`python.lalrpop`) → AST. String literals are decoded and
//! f-strings parsed in `string`; targets checked in `context`; raw parser errors become
//! CPython-like messages in `recovery`. The entry points never panic, whatever the input:
//! nesting is bounded (brackets and indentation by the lexer, operator chains by
//! `nesting`), so no later recursive walk over the tree can overflow the stack.
//!
//! The grammar's error type is [`ParseError`] (not the lexer's `LexicalError`), so that
//! actions can report structured errors; lexical errors are converted as they are fed in.

mod builders;
mod context;
pub mod error;
pub mod lexer;
mod nesting;
mod patterns;
mod recovery;
pub mod source;
mod string;
pub mod token;

#[allow(clippy::all, clippy::pedantic, unused_qualifications, missing_debug_implementations, unused_parens)]
mod python {
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

use numjit_ast as ast;
use text_size::{TextRange, TextSize};

pub use crate::error::{ParseError, ParseErrorKind};
use crate::token::{LexicalError, Spanned, Tok};

/// The result of parsing a module: the tree, and the syntax errors found. After an error the
/// tree holds no statements.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The module (empty when there are errors).
    pub module: ast::ModModule,
    /// The syntax errors, first one first.
    pub errors: Vec<ParseError>,
}

impl Parsed {
    /// Whether the source parsed without errors.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Parses a module (the contents of a `.py` file).
pub fn parse_module(source: &str) -> Parsed {
    let whole = TextRange::up_to(text_size(source.len()));
    match parse(source, TextSize::default(), Mode::Module) {
        Ok(ast::Mod::Module(module)) => {
            Parsed { module: ast::ModModule { body: module.body, range: whole }, errors: Vec::new() }
        }
        // Only a module that starts with `->` takes the grammar's expression-mode branch.
        Ok(ast::Mod::Expression(_)) => {
            let arrow = TextRange::at(text_size(source.find("->").unwrap_or_default()), TextSize::new(2));
            Parsed {
                module: ast::ModModule { body: Vec::new(), range: whole },
                errors: vec![ParseError::new(
                    ParseErrorKind::UnexpectedToken("token '->'".to_owned()),
                    arrow,
                )],
            }
        }
        Err(error) => {
            Parsed { module: ast::ModModule { body: Vec::new(), range: whole }, errors: vec![error] }
        }
    }
}

/// Parses a single expression (`eval` input; a trailing newline is allowed).
pub fn parse_expression(source: &str) -> Result<ast::Expr, ParseError> {
    match parse(source, TextSize::default(), Mode::Expression)? {
        ast::Mod::Expression(expression) => Ok(*expression.body),
        ast::Mod::Module(module) => Err(ParseError::message_at("invalid syntax", module.range)),
    }
}

/// The tokens of `source`, up to and including the first lexical error.
pub fn tokenize(source: &str) -> Vec<Result<Spanned, LexicalError>> {
    lexer::lex(source).collect()
}

/// Parses the expression of an f-string replacement field: `text` starts at `offset` in the
/// file and is read as if in parentheses (CPython 3.11 does the same), so it may span lines.
pub(crate) fn parse_fstring_expression(text: &str, offset: TextSize) -> Result<ast::Expr, ParseError> {
    let mut wrapped = String::with_capacity(text.len() + 2);
    wrapped.push('(');
    wrapped.push_str(text);
    wrapped.push(')');
    // The `{` before the text stands in for the opening parenthesis, and the `}` (or `!`,
    // `:`, `=`) after it for the closing one, so every position is a real file offset.
    let shift = offset.checked_sub(TextSize::new(1)).unwrap_or_default();
    match parse(&wrapped, shift, Mode::Expression) {
        Ok(ast::Mod::Expression(expression)) => Ok(*expression.body),
        Ok(ast::Mod::Module(module)) => Err(ParseError::message_at("f-string: invalid syntax", module.range)),
        Err(error) => {
            let message = error.message();
            let message =
                if message.starts_with("f-string") { message } else { format!("f-string: {message}") };
            Err(ParseError::message_at(message, error.range))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Module,
    Expression,
}

fn text_size(n: usize) -> TextSize {
    TextSize::try_from(n).unwrap_or(TextSize::new(u32::MAX))
}

/// Lexes `source`, checks nesting, and runs the grammar. Every position is shifted by
/// `shift` (non-zero for f-string expressions, which are parsed out of their string).
fn parse(source: &str, shift: TextSize, mode: Mode) -> Result<ast::Mod, ParseError> {
    let mut tokens: Vec<Spanned> = Vec::with_capacity(source.len() / 4 + 2);
    let mut lexical_error = None;
    if mode == Mode::Expression {
        tokens.push((shift, Tok::Rarrow, shift));
    }
    for token in lexer::lex(source) {
        match token {
            Ok((start, tok, end)) => tokens.push((start + shift, tok, end + shift)),
            Err(error) => {
                lexical_error =
                    Some(ParseError::from(LexicalError { kind: error.kind, range: error.range + shift }));
                break;
            }
        }
    }
    let skip_marker = usize::from(mode == Mode::Expression);
    nesting::check(tokens.get(skip_marker..).unwrap_or_default())?;
    let later_lexical_error = lexical_error.clone();
    let stream = tokens.into_iter().map(Ok).chain(lexical_error.map(Err));
    python::TopParser::new().parse(stream).map_err(|error| {
        let error = recovery::convert(error, source, shift, mode);
        // Like CPython, a generic syntax error gives way to a tokenizer error further on
        // (`x = (1,` ... `'(' was never closed`), which usually explains it better.
        match (&error.kind, later_lexical_error) {
            (
                ParseErrorKind::UnexpectedToken(_)
                | ParseErrorKind::MissingComma
                | ParseErrorKind::UnexpectedEof
                | ParseErrorKind::AssignInsteadOfEqual,
                Some(lexical),
            ) => lexical,
            _ => error,
        }
    })
}

#[cfg(test)]
mod tests;
