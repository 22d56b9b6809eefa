//! The raw token level of the lexer: a logos automaton over one physical token at a time.
//!
//! Raw tokens know nothing about lines, indentation or brackets; `super::Lexer` layers those
//! on top. Strings, numbers and non-ASCII names are matched by a short prefix here and then
//! finished by hand in callbacks, because their real grammar (escapes, triple quotes, CPython's
//! number rules, Unicode identifiers) is awkward or impossible as a regular expression.

use logos::{Lexer, Logos};

use super::number::{self, NumberError, NumberKind};
use crate::token::StringKind;

/// Why the raw level gave up. Positions are byte offsets into the source.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum RawError {
    /// A byte sequence no raw token starts with (`$`, `?`, control characters, ...).
    #[default]
    Unrecognized,
    /// A non-ASCII character that cannot start an identifier.
    InvalidCharacter(char),
    /// A number literal that CPython rejects; `end` is where the scanner stopped.
    Number { error: NumberError, end: usize },
    /// A string literal that runs into a newline (single-quoted) or the end of the input.
    UnterminatedString { triple_quoted: bool, end: usize },
}

/// What the string callback found out about a literal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct StringInfo {
    pub(super) kind: StringKind,
    pub(super) triple_quoted: bool,
}

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(error = RawError)]
pub(super) enum RawTok {
    #[regex(r"[ \t\x0C]+")]
    Whitespace,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    // Greedy on purpose: a comment runs to the end of its line.
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    /// A backslash that joins this physical line with the next.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// A backslash not followed by a newline: always an error.
    #[token("\\")]
    Backslash,

    /// An identifier or keyword; `true` when it contains non-ASCII characters.
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", ascii_name_tail)]
    #[regex(r"[^\x00-\x7F]", unicode_name)]
    Name(bool),

    #[regex(r"[0-9]|\.[0-9]", finish_number)]
    Number(NumberKind),

    #[regex(r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#, finish_string)]
    String(StringInfo),

    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Rarrow,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("+")]
    Plus,
    #[token("+=")]
    PlusEqual,
    #[token("-")]
    Minus,
    #[token("-=")]
    MinusEqual,
    #[token("*")]
    Star,
    #[token("*=")]
    StarEqual,
    #[token("**")]
    DoubleStar,
    #[token("**=")]
    DoubleStarEqual,
    #[token("/")]
    Slash,
    #[token("/=")]
    SlashEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%")]
    Percent,
    #[token("%=")]
    PercentEqual,
    #[token("|")]
    Vbar,
    #[token("|=")]
    VbarEqual,
    #[token("&")]
    Amper,
    #[token("&=")]
    AmperEqual,
    #[token("^")]
    CircumFlex,
    #[token("^=")]
    CircumflexEqual,
    #[token("~")]
    Tilde,
    #[token("<<")]
    LeftShift,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>")]
    RightShift,
    #[token(">>=")]
    RightShiftEqual,
    #[token("<")]
    Less,
    #[token("<=")]
    LessEqual,
    #[token(">")]
    Greater,
    #[token(">=")]
    GreaterEqual,
    #[token("=")]
    Equal,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token(":=")]
    ColonEqual,
}

/// Moves the end of the current raw token to the absolute offset `end`.
///
/// Every caller passes an offset just past an ASCII byte or at the end of a whole `char`, so
/// `Lexer::bump` (which asserts a char boundary) cannot fire; the check keeps it that way
/// should a scanner ever get this wrong.
fn extend_to(lex: &mut Lexer<'_, RawTok>, end: usize) {
    let current = lex.span().end;
    if end > current && lex.source().is_char_boundary(end) {
        lex.bump(end - current);
    }
}

/// Where an identifier that starts at the beginning of `rest` ends (0 if it does not continue).
fn identifier_continue_len(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || unicode_ident::is_xid_continue(c)))
        .map_or(rest.len(), |(idx, _)| idx)
}

/// The regex matched the ASCII part of a name; it may continue with non-ASCII characters.
fn ascii_name_tail(lex: &mut Lexer<'_, RawTok>) -> bool {
    let rest = lex.remainder();
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        let end = lex.span().end + identifier_continue_len(rest);
        let extended = end > lex.span().end;
        extend_to(lex, end);
        extended
    } else {
        false
    }
}

/// One non-ASCII character outside strings and comments: a name, or an invalid character.
fn unicode_name(lex: &mut Lexer<'_, RawTok>) -> Result<bool, RawError> {
    let first = lex.slice().chars().next().ok_or(RawError::Unrecognized)?;
    if !unicode_ident::is_xid_start(first) {
        return Err(RawError::InvalidCharacter(first));
    }
    let end = lex.span().end + identifier_continue_len(lex.remainder());
    extend_to(lex, end);
    Ok(true)
}

fn finish_number(lex: &mut Lexer<'_, RawTok>) -> Result<NumberKind, RawError> {
    let bytes = lex.source().as_bytes();
    match number::scan(bytes, lex.span().start) {
        Ok((end, kind)) => {
            extend_to(lex, end);
            Ok(kind)
        }
        Err((error, end)) => Err(RawError::Number { error, end }),
    }
}

fn finish_string(lex: &mut Lexer<'_, RawTok>) -> Result<StringInfo, RawError> {
    let opening = lex.slice().as_bytes();
    let (&quote, prefix) = opening.split_last().ok_or(RawError::Unrecognized)?;
    let kind = string_kind(prefix);
    let bytes = lex.source().as_bytes();
    let body_start = lex.span().end;
    let triple_quoted = bytes.get(body_start) == Some(&quote) && bytes.get(body_start + 1) == Some(&quote);
    let end = if triple_quoted {
        scan_triple_quoted(bytes, body_start + 2, quote)
    } else {
        scan_single_quoted(bytes, body_start, quote)
    };
    let Some(end) = end else {
        // A single-quoted literal is reported up to the end of its line; a triple-quoted one
        // by its opening quotes only, not by the rest of the file.
        let end = if triple_quoted { body_start + 2 } else { line_end(bytes, body_start) };
        return Err(RawError::UnterminatedString { triple_quoted, end });
    };
    extend_to(lex, end);
    Ok(StringInfo { kind, triple_quoted })
}

fn string_kind(prefix: &[u8]) -> StringKind {
    let has = |letter: u8| prefix.iter().any(|b| b.eq_ignore_ascii_case(&letter));
    match (has(b'r'), has(b'b'), has(b'f')) {
        (false, false, false) => StringKind::String,
        (false, true, _) => StringKind::Bytes,
        (false, false, true) => StringKind::FString,
        (true, true, _) => StringKind::RawBytes,
        (true, false, true) => StringKind::RawFString,
        (true, false, false) => StringKind::RawString,
    }
}

/// Offset just past the character a backslash at `idx - 1` escapes. A `\r\n` pair counts as
/// one character, as CPython has already turned it into `\n` when it looks at escapes.
fn skip_escaped(bytes: &[u8], idx: usize) -> usize {
    match bytes.get(idx) {
        Some(b'\r') if bytes.get(idx + 1) == Some(&b'\n') => idx + 2,
        // A multi-byte character is skipped one byte at a time: its continuation bytes are
        // never quotes, backslashes or newlines.
        Some(_) => idx + 1,
        None => idx,
    }
}

/// End offset (past the closing quote) of a single-quoted string whose body starts at `idx`.
fn scan_single_quoted(bytes: &[u8], mut idx: usize, quote: u8) -> Option<usize> {
    loop {
        match *bytes.get(idx)? {
            b'\\' => idx = skip_escaped(bytes, idx + 1),
            b'\n' | b'\r' => return None,
            b if b == quote => return Some(idx + 1),
            _ => idx += 1,
        }
    }
}

/// End offset (past the closing quotes) of a triple-quoted string whose body starts at `idx`.
fn scan_triple_quoted(bytes: &[u8], mut idx: usize, quote: u8) -> Option<usize> {
    let mut n_quotes = 0;
    loop {
        match *bytes.get(idx)? {
            b'\\' => {
                n_quotes = 0;
                idx = skip_escaped(bytes, idx + 1);
            }
            b if b == quote => {
                idx += 1;
                n_quotes += 1;
                if n_quotes == 3 {
                    return Some(idx);
                }
            }
            _ => {
                n_quotes = 0;
                idx += 1;
            }
        }
    }
}

/// Offset of the first `\r`/`\n` at or after `idx`, or the end of the input.
fn line_end(bytes: &[u8], idx: usize) -> usize {
    let rest = bytes.get(idx..).unwrap_or_default();
    idx + rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len())
}
