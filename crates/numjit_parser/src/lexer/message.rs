//! The user-facing wording of lexical errors, matching CPython's `SyntaxError` messages.

use std::fmt;

use crate::token::LexicalErrorKind;

impl fmt::Display for LexicalErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexicalErrorKind::UnterminatedString { triple_quoted: false } => {
                f.write_str("unterminated string literal")
            }
            LexicalErrorKind::UnterminatedString { triple_quoted: true } => {
                f.write_str("unterminated triple-quoted string literal")
            }
            LexicalErrorKind::InvalidCharacter(c) if is_printable(*c) => {
                write!(f, "invalid character '{c}' (U+{:04X})", u32::from(*c))
            }
            LexicalErrorKind::InvalidCharacter(c) => {
                write!(f, "invalid non-printable character U+{:04X}", u32::from(*c))
            }
            LexicalErrorKind::InvalidNumber(message) => f.write_str(message),
            LexicalErrorKind::InconsistentDedent => {
                f.write_str("unindent does not match any outer indentation level")
            }
            LexicalErrorKind::TabError => f.write_str("inconsistent use of tabs and spaces in indentation"),
            LexicalErrorKind::UnexpectedIndent => f.write_str("unexpected indent"),
            LexicalErrorKind::UnmatchedBracket(close) => write!(f, "unmatched '{close}'"),
            LexicalErrorKind::MismatchedBracket { open, close } => {
                write!(f, "closing parenthesis '{close}' does not match opening parenthesis '{open}'")
            }
            LexicalErrorKind::UnclosedBracket(open) => write!(f, "'{open}' was never closed"),
            LexicalErrorKind::LineContinuation => {
                f.write_str("unexpected character after line continuation character")
            }
            LexicalErrorKind::EofAfterContinuation => f.write_str("unexpected EOF while parsing"),
            LexicalErrorKind::Other(message) => f.write_str(message),
        }
    }
}

/// An approximation of Python's `str.isprintable` for one character, which decides between
/// CPython's two wordings of "invalid character". Exact for controls, separators, the common
/// format characters and private use; unassigned code points count as printable.
fn is_printable(c: char) -> bool {
    let is_separator = c != ' ' && c.is_whitespace();
    let is_format = matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    );
    let is_private_use =
        matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}');
    !(c.is_control() || is_separator || is_format || is_private_use)
}
