//! The text parser: `.nir` text to [`Module`] or [`Function`].
//!
//! The parser keeps the numbers of values and blocks as printed (`v12` is `Value` 12), so
//! `print(parse(text)) == text` for printed text and a pass's output lines up with its
//! input; numbers the text skips become detached values and unplaced blocks. Instructions,
//! regions and callee declarations are numbered in text order.
//!
//! The text spells out the types of block parameters, constants, conversions and loop
//! results; the types of other results are inferred with the opcodes' typing rules after
//! the whole function is read (values may be used above their definition when the block
//! order is not a dominance order). An ill-typed instruction still parses — the verifier
//! reports it — and its results get type `none`.
//!
//! The parser never panics: malformed input of any kind gives a [`ParseError`] with a line,
//! a column and a message such as `expected a value like v3, found '}' at 12:5`.

mod lexer;
mod parser;

use std::fmt;

use crate::{Function, Module};

/// A syntax error (or a reference to something the text never defines), with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}:{}", self.message, self.line, self.column)
    }
}

impl std::error::Error for ParseError {}

/// Parses any number of functions.
pub fn parse_module(text: &str) -> Result<Module, ParseError> {
    parser::parse_module(text)
}

/// Parses text holding exactly one function.
pub fn parse_function(text: &str) -> Result<Function, ParseError> {
    let mut module = parse_module(text)?;
    match module.functions.len() {
        1 => Ok(module.functions.remove(0)),
        count => Err(ParseError {
            line: 1,
            column: 1,
            message: format!("expected exactly one function, found {count}"),
        }),
    }
}
