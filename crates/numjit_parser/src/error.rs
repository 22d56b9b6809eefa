//! Syntax errors: what went wrong, where, and how it reads to a user.
//!
//! A [`ParseError`] is plain data; [`ParseError::message`] gives CPython's wording (or a
//! clearer one) and [`ParseError::to_diagnostic`] turns it into a
//! [`numjit_diagnostics::Diagnostic`]. Raw LALRPOP errors become `ParseError`s in
//! `recovery.rs`, which looks at the tokens around the error to say more than
//! "invalid syntax".

use numjit_diagnostics::{Diagnostic, DiagnosticCode};
use text_size::TextRange;

use crate::token::LexicalErrorKind;

/// A syntax error with the source range it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// Where: the offending token, or an empty range where a missing token belongs.
    pub range: TextRange,
}

/// The kinds of syntax error.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseErrorKind {
    /// The lexer rejected the text.
    Lexical(LexicalErrorKind),
    /// A token that cannot appear here, quoted as written (`'else'`), or a description
    /// (`end of line`).
    UnexpectedToken(String),
    /// A token is missing: `expected` is quoted (`':'`), `context` says after what
    /// (`'if' condition`).
    ExpectedToken {
        /// The missing token, quoted.
        expected: &'static str,
        /// What it should follow, for the label.
        context: Option<String>,
    },
    /// Two expressions side by side inside brackets.
    MissingComma,
    /// `=` where a comparison or `:=` was probably meant.
    AssignInsteadOfEqual,
    /// An indented line where none may start.
    UnexpectedIndent,
    /// A block header without an indented block after it.
    ExpectedIndentedBlock {
        /// The statement, as CPython names it (`'if' statement`, `function definition`).
        after: String,
        /// Its 1-based line.
        line: usize,
    },
    /// The input ended in the middle of a statement.
    UnexpectedEof,
    /// A Python 2 `print x` / `exec x` statement.
    MissingParentheses {
        /// `print` or `exec`.
        name: &'static str,
    },
    /// An expression nested deeper than the parser supports (see `nesting.rs`).
    TooDeeplyNested,
    /// Any other error, with CPython's message.
    Message(String),
    /// Any other error, with CPython's message, a label saying what is wrong at the range,
    /// and perhaps a `help:` line.
    Detailed {
        /// The one-line message.
        message: String,
        /// The label under the range.
        label: String,
        /// The `help:` line, if any.
        help: Option<String>,
    },
}

impl ParseError {
    /// A new error.
    pub fn new(kind: ParseErrorKind, range: TextRange) -> Self {
        ParseError { kind, range }
    }

    /// An error with a message, a label and perhaps a help line.
    pub fn detailed(
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<&str>,
        range: TextRange,
    ) -> Self {
        ParseError {
            kind: ParseErrorKind::Detailed {
                message: message.into(),
                label: label.into(),
                help: help.map(str::to_owned),
            },
            range,
        }
    }

    /// An error with a plain message.
    pub fn message_at(message: impl Into<String>, range: TextRange) -> Self {
        ParseError { kind: ParseErrorKind::Message(message.into()), range }
    }

    /// The one-line message, worded like CPython's `SyntaxError`.
    pub fn message(&self) -> String {
        match &self.kind {
            ParseErrorKind::Lexical(kind) => lexical_message(kind),
            ParseErrorKind::UnexpectedToken(_) => "invalid syntax".to_owned(),
            ParseErrorKind::ExpectedToken { expected, .. } => format!("expected {expected}"),
            ParseErrorKind::MissingComma => "invalid syntax. Perhaps you forgot a comma?".to_owned(),
            ParseErrorKind::AssignInsteadOfEqual => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".to_owned()
            }
            ParseErrorKind::UnexpectedIndent => "unexpected indent".to_owned(),
            ParseErrorKind::ExpectedIndentedBlock { after, line } => {
                format!("expected an indented block after {after} on line {line}")
            }
            ParseErrorKind::UnexpectedEof => "unexpected EOF while parsing".to_owned(),
            ParseErrorKind::MissingParentheses { name } => {
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?")
            }
            ParseErrorKind::TooDeeplyNested => "expression too deeply nested".to_owned(),
            ParseErrorKind::Message(message) | ParseErrorKind::Detailed { message, .. } => message.clone(),
        }
    }

    /// The text of the primary label under the range.
    pub fn label(&self) -> String {
        match &self.kind {
            ParseErrorKind::UnexpectedToken(token) => format!("unexpected {token}"),
            ParseErrorKind::ExpectedToken { expected, context: Some(context) } => {
                format!("expected {expected} after {context}")
            }
            ParseErrorKind::ExpectedToken { expected, context: None } => format!("expected {expected}"),
            ParseErrorKind::MissingComma => "these expressions need a comma between them".to_owned(),
            ParseErrorKind::AssignInsteadOfEqual => "assignment is not allowed here".to_owned(),
            ParseErrorKind::UnexpectedIndent => "unexpected indent".to_owned(),
            ParseErrorKind::ExpectedIndentedBlock { .. } => "expected an indented block here".to_owned(),
            ParseErrorKind::MissingParentheses { .. } => "this is a call".to_owned(),
            ParseErrorKind::Lexical(LexicalErrorKind::UnclosedBracket(c)) => {
                format!("this '{c}' is never closed")
            }
            ParseErrorKind::Lexical(LexicalErrorKind::UnexpectedIndent) => "unexpected indent".to_owned(),
            ParseErrorKind::Lexical(LexicalErrorKind::UnmatchedBracket(c)) => format!("no '{c}' was opened"),
            ParseErrorKind::Detailed { label, .. } => label.clone(),
            _ => String::new(),
        }
    }

    /// A `help:` line, where there is a useful one.
    pub fn help(&self) -> Option<String> {
        match &self.kind {
            ParseErrorKind::ExpectedToken { expected: "':'", context: Some(context) }
                if context == "lambda parameters" =>
            {
                Some("add ':' after the lambda's parameters, before its body".to_owned())
            }
            ParseErrorKind::ExpectedToken { expected: "':'", .. } => {
                Some("add ':' at the end of the line".to_owned())
            }
            ParseErrorKind::MissingComma => Some("separate the items with ','".to_owned()),
            ParseErrorKind::AssignInsteadOfEqual => {
                Some("use '==' to compare, or ':=' to assign inside an expression".to_owned())
            }
            ParseErrorKind::ExpectedIndentedBlock { .. } => {
                Some("indent the block, or write 'pass' if it should do nothing".to_owned())
            }
            ParseErrorKind::MissingParentheses { name } => Some(format!("write {name}(...)")),
            ParseErrorKind::TooDeeplyNested => Some(format!(
                "split it into smaller expressions (at most {} levels)",
                crate::nesting::MAX_DEPTH
            )),
            ParseErrorKind::UnexpectedIndent => {
                Some("remove the indentation, or add the block header this line belongs to".to_owned())
            }
            ParseErrorKind::Message(message) if message.starts_with("cannot assign to") => {
                if message.contains("Maybe you meant") {
                    Some("use '==' to compare values".to_owned())
                } else {
                    None
                }
            }
            ParseErrorKind::Detailed { help, .. } => help.clone(),
            _ => None,
        }
    }

    /// The error as a diagnostic with code `syntax-error`.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, self.message())
            .with_primary(self.range, self.label());
        match self.help() {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ParseError {}

impl From<crate::token::LexicalError> for ParseError {
    fn from(error: crate::token::LexicalError) -> Self {
        ParseError { kind: ParseErrorKind::Lexical(error.kind), range: error.range }
    }
}

/// CPython's message for a lexical error (the wording lives in `lexer/message.rs`).
fn lexical_message(kind: &LexicalErrorKind) -> String {
    kind.to_string()
}
