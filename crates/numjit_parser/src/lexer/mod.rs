//! Python 3.11 tokenizer: source text → the [`Tok`] stream the grammar consumes.
//!
//! Two layers. `raw` is a logos automaton that cuts the source into physical tokens
//! (operators, names, numbers, strings, whitespace, comments, newlines). [`Lexer`] adds what
//! needs context, following CPython's tokenizer:
//!
//! - logical lines: NEWLINE ends a line that produced tokens; blank and comment-only lines and
//!   newlines inside brackets produce nothing, and `\` + newline joins physical lines;
//! - indentation: the leading whitespace of a logical line is compared with a stack of
//!   enclosing levels, giving INDENT / DEDENTs or an error (see `Indentation` and
//!   `LineStart`). An INDENT after a line that does not end with `:` is reported here as
//!   "unexpected indent", which is what CPython's parser says about it;
//! - brackets: a stack of open brackets, for mismatch errors and to suppress NEWLINE;
//! - the soft keywords `match` and `case` (see `Lexer::soft_keyword_follows`);
//! - the values of names (keywords, NFKC normalisation), numbers and strings.
//!
//! Token ranges are byte offsets into the source. INDENT covers the leading whitespace of
//! its line (with any line continuations in it); DEDENT is empty, at the start of the first
//! token of the dedented line (or at the end of the input). NEWLINE covers the newline
//! character(s), or is empty at the end of the input when the last line has no newline. There
//! is no end-of-file token. Errors cover the offending text: the bad character, the literal up
//! to where it went wrong, the leading whitespace for indentation errors; an unterminated
//! string from its prefix to the end of its line, or only its opening quotes if triple-quoted.

mod message;
mod number;
mod raw;
#[cfg(test)]
mod tests;

use std::ops::Range;

use text_size::{TextRange, TextSize};
use unicode_normalization::UnicodeNormalization;

use self::raw::{RawError, RawTok, StringInfo};
use crate::token::{LexicalError, LexicalErrorKind, Spanned, Tok};

/// CPython's limit on indentation depth (`MAXINDENT`): at most 99 nested blocks.
const MAX_INDENT_LEVELS: usize = 100;
/// CPython's limit on bracket nesting (`MAXLEVEL`); it also keeps later recursive passes over
/// the tree away from stack overflows.
const MAX_BRACKET_LEVELS: usize = 200;

/// Tokenizes `source`. The iterator ends after the final NEWLINE and DEDENTs, or right after
/// the first error it yields.
pub fn lex(source: &str) -> Lexer<'_> {
    let mut raw = logos::Lexer::new(source);
    // Editors that write a byte-order mark mean nothing by it.
    if source.starts_with('\u{feff}') {
        raw.bump('\u{feff}'.len_utf8());
    }
    let mut lexer = Lexer {
        source,
        raw,
        indents: Vec::new(),
        brackets: Vec::new(),
        at_line_start: true,
        line_start: LineStart::default(),
        last_was_colon: false,
        pending_dedents: 0,
        dedent_at: TextSize::default(),
        held: None,
        finished: false,
    };
    if let Some(error) = unlexable(source) {
        lexer.held = Some(Err(error));
        lexer.finished = true;
    }
    lexer
}

/// Problems with the input as a whole, found before looking at any token.
fn unlexable(source: &str) -> Option<LexicalError> {
    if u32::try_from(source.len()).is_err() {
        let kind = LexicalErrorKind::Other("source code is too large (4 GiB or more)".into());
        return Some(LexicalError { kind, range: TextRange::default() });
    }
    // CPython refuses NUL anywhere, even inside strings and comments.
    if source.as_bytes().contains(&0) {
        let at = source.bytes().position(|b| b == 0).unwrap_or_default();
        let kind = LexicalErrorKind::Other("source code string cannot contain null bytes".into());
        return Some(LexicalError { kind, range: TextRange::at(offset(at), TextSize::new(1)) });
    }
    None
}

/// Converts a byte offset into the source; `lex` has checked that the source fits in `u32`.
fn offset(idx: usize) -> TextSize {
    TextSize::new(idx as u32)
}

fn text_range(span: Range<usize>) -> TextRange {
    TextRange::new(offset(span.start), offset(span.end))
}

fn error(kind: LexicalErrorKind, span: Range<usize>) -> LexicalError {
    LexicalError { kind, range: text_range(span) }
}

/// The column of a line's indentation, counted twice as CPython does: with tabs advancing to
/// the next multiple of 8, and with tabs counting 1. Indentation that compares differently
/// under the two counts depends on the tab width, which is a `TabError`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Indentation {
    column: u64,
    alt_column: u64,
}

impl Indentation {
    fn advance(self, whitespace: &str) -> Indentation {
        let mut indentation = self;
        for byte in whitespace.bytes() {
            match byte {
                b' ' => {
                    indentation.column += 1;
                    indentation.alt_column += 1;
                }
                b'\t' => {
                    indentation.column = (indentation.column / 8 + 1) * 8;
                    indentation.alt_column += 1;
                }
                // A form feed starts the count afresh, as in CPython.
                _ => indentation = Indentation::default(),
            }
        }
        indentation
    }
}

/// What the current line has shown of its indentation before its first token.
#[derive(Clone, Copy, Debug, Default)]
struct LineStart {
    /// Where the leading whitespace (or line continuation) begins, if there is any.
    start: Option<usize>,
    indentation: Indentation,
    /// CPython's `cont_line_col`: the column before the first `\` continuation, 0 if none.
    continuation_column: u64,
}

impl LineStart {
    fn whitespace(&mut self, start: usize, whitespace: &str) {
        self.start.get_or_insert(start);
        self.indentation = self.indentation.advance(whitespace);
    }

    /// Indentation cannot be split over physical lines with backslashes: the column before the
    /// first one decides. This replicates CPython's quirks exactly: a continuation at column 0
    /// does not count (the whitespace after it is measured instead), and the tab-size-1 column
    /// is taken to be the same as the column (so a tab before the backslash gives a `TabError`
    /// against a tab-indented neighbour).
    fn continuation(&mut self, start: usize) {
        self.start.get_or_insert(start);
        if self.continuation_column == 0 {
            self.continuation_column = self.indentation.column;
        }
    }

    fn indentation(&self) -> Indentation {
        match self.continuation_column {
            0 => self.indentation,
            column => Indentation { column, alt_column: column },
        }
    }
}

/// The token stream of one source text; see [`lex`].
#[derive(Debug)]
pub struct Lexer<'src> {
    source: &'src str,
    raw: logos::Lexer<'src, RawTok>,
    /// Indentation of the enclosing blocks, innermost last; the outermost level (column 0) is
    /// implicit.
    indents: Vec<Indentation>,
    /// Open brackets, innermost last, each with its offset.
    brackets: Vec<(char, TextSize)>,
    /// No token of the current logical line has been produced yet.
    at_line_start: bool,
    /// The indentation of the current line, while `at_line_start`.
    line_start: LineStart,
    /// The last token produced was `:`. Only a line ending so may be followed by an INDENT.
    last_was_colon: bool,
    /// DEDENTs still to be produced, all at `dedent_at`.
    pending_dedents: usize,
    dedent_at: TextSize,
    /// The token that follows the pending INDENT/DEDENTs.
    held: Option<Result<Spanned, LexicalError>>,
    /// The input is exhausted or an error was found: only pending tokens remain.
    finished: bool,
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, LexicalError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            Some(Ok((self.dedent_at, Tok::Dedent, self.dedent_at)))
        } else if let Some(item) = self.held.take() {
            Some(item)
        } else if self.finished {
            None
        } else {
            self.lex_token()
        };
        if let Some(Err(_)) = item {
            self.finished = true;
            self.pending_dedents = 0;
            self.held = None;
        }
        item
    }
}

impl Lexer<'_> {
    /// Reads raw tokens until one produces a token (or an error, or the end of the input).
    fn lex_token(&mut self) -> Option<Result<Spanned, LexicalError>> {
        loop {
            let Some(result) = self.raw.next() else {
                return self.end_of_input();
            };
            let span = self.raw.span();
            let raw = match result {
                Ok(raw) => raw,
                Err(raw_error) => {
                    let error = self.raw_error(raw_error, span.clone());
                    return Some(Err(self.indentation_error_first(error, span.start)));
                }
            };
            match raw {
                RawTok::Whitespace => {
                    if self.at_line_start {
                        self.line_start.whitespace(span.start, self.raw.slice());
                    }
                }
                RawTok::Comment => {}
                RawTok::Continuation => {
                    if span.end == self.source.len() {
                        return Some(Err(error(LexicalErrorKind::EofAfterContinuation, span)));
                    }
                    if self.at_line_start {
                        self.line_start.continuation(span.start);
                    }
                }
                RawTok::Newline => {
                    if self.brackets.is_empty() {
                        self.line_start = LineStart::default();
                        if !self.at_line_start {
                            self.at_line_start = true;
                            return Some(Ok((offset(span.start), Tok::Newline, offset(span.end))));
                        }
                    }
                }
                RawTok::Backslash => {
                    let kind = if span.end == self.source.len() {
                        LexicalErrorKind::EofAfterContinuation
                    } else {
                        LexicalErrorKind::LineContinuation
                    };
                    let start = span.start;
                    return Some(Err(self.indentation_error_first(error(kind, span), start)));
                }
                _ => return Some(self.significant_token(raw, span)),
            }
        }
    }

    /// A raw token that becomes a `Tok`, preceded by the INDENT/DEDENTs it causes when it is
    /// the first token of a logical line.
    fn significant_token(&mut self, raw: RawTok, span: Range<usize>) -> Result<Spanned, LexicalError> {
        let is_line_start = std::mem::replace(&mut self.at_line_start, false);
        let indent = if is_line_start { self.indentation(offset(span.start))? } else { None };
        let tok = self.tok_from_raw(raw, span.clone(), is_line_start)?;
        self.last_was_colon = tok == Tok::Colon;
        let spanned = (offset(span.start), tok, offset(span.end));
        if let Some(indent) = indent {
            self.held = Some(Ok(spanned));
            Ok(indent)
        } else if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            self.held = Some(Ok(spanned));
            Ok((self.dedent_at, Tok::Dedent, self.dedent_at))
        } else {
            Ok(spanned)
        }
    }

    /// The error to report for a bad first token of a logical line: like CPython, a bad
    /// indentation of the line is reported before anything wrong with its first token.
    fn indentation_error_first(&mut self, token_error: LexicalError, token_start: usize) -> LexicalError {
        if self.at_line_start
            && let Err(indentation_error) = self.indentation(offset(token_start))
        {
            return indentation_error;
        }
        token_error
    }

    /// Compares the indentation of a new logical line with the enclosing levels. Returns the
    /// INDENT to produce, or records the DEDENTs to produce in `pending_dedents`.
    fn indentation(&mut self, token_start: TextSize) -> Result<Option<Spanned>, LexicalError> {
        let line_start = std::mem::take(&mut self.line_start);
        let indentation = line_start.indentation();
        let whitespace_start = line_start.start.map_or(token_start, offset);
        let range = TextRange::new(whitespace_start, token_start);
        let fail = |kind| Err(LexicalError { kind, range });
        let enclosing = self.indents.last().copied().unwrap_or_default();
        if indentation.column == enclosing.column {
            if indentation.alt_column != enclosing.alt_column {
                return fail(LexicalErrorKind::TabError);
            }
            Ok(None)
        } else if indentation.column > enclosing.column {
            if indentation.alt_column <= enclosing.alt_column {
                return fail(LexicalErrorKind::TabError);
            }
            // In Python's grammar an INDENT only ever follows the `:` of a block header; the
            // parser would reject anything else, with a vaguer message.
            if !self.last_was_colon {
                return fail(LexicalErrorKind::UnexpectedIndent);
            }
            if self.indents.len() + 1 >= MAX_INDENT_LEVELS {
                return fail(LexicalErrorKind::Other("too many levels of indentation".into()));
            }
            self.indents.push(indentation);
            Ok(Some((whitespace_start, Tok::Indent, token_start)))
        } else {
            let mut n_dedents = 0;
            while let Some(&level) = self.indents.last()
                && indentation.column < level.column
            {
                self.indents.pop();
                n_dedents += 1;
            }
            let outer = self.indents.last().copied().unwrap_or_default();
            if indentation.column != outer.column {
                return fail(LexicalErrorKind::InconsistentDedent);
            }
            if indentation.alt_column != outer.alt_column {
                return fail(LexicalErrorKind::TabError);
            }
            self.pending_dedents = n_dedents;
            self.dedent_at = token_start;
            Ok(None)
        }
    }

    fn end_of_input(&mut self) -> Option<Result<Spanned, LexicalError>> {
        self.finished = true;
        if let Some(&(open, at)) = self.brackets.last() {
            let kind = LexicalErrorKind::UnclosedBracket(open);
            return Some(Err(LexicalError { kind, range: TextRange::at(at, TextSize::new(1)) }));
        }
        let end = offset(self.source.len());
        self.pending_dedents = self.indents.len();
        self.indents.clear();
        self.dedent_at = end;
        if !self.at_line_start {
            self.at_line_start = true;
            return Some(Ok((end, Tok::Newline, end)));
        }
        if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            return Some(Ok((end, Tok::Dedent, end)));
        }
        None
    }

    fn tok_from_raw(
        &mut self,
        raw: RawTok,
        span: Range<usize>,
        is_line_start: bool,
    ) -> Result<Tok, LexicalError> {
        let text = self.source.get(span.clone()).unwrap_or_default();
        let tok = match raw {
            RawTok::Name(false) => match keyword(text) {
                Some(keyword) => keyword,
                None if is_line_start && matches!(text, "match" | "case") && self.soft_keyword_follows() => {
                    if text == "match" {
                        Tok::Match
                    } else {
                        Tok::Case
                    }
                }
                None => Tok::Name { name: text.into() },
            },
            // Keywords are recognised before normalisation, as in CPython: `ｉｆ` is the name `if`.
            RawTok::Name(true) => Tok::Name { name: text.nfkc().collect::<String>().into() },
            RawTok::Number(kind) => number::to_token(text, kind).map_err(|kind| error(kind, span.clone()))?,
            RawTok::String(info) => string_tok(text, info),
            RawTok::Lpar => self.open_bracket('(', span.start, Tok::Lpar)?,
            RawTok::Lsqb => self.open_bracket('[', span.start, Tok::Lsqb)?,
            RawTok::Lbrace => self.open_bracket('{', span.start, Tok::Lbrace)?,
            RawTok::Rpar => self.close_bracket(')', span, Tok::Rpar)?,
            RawTok::Rsqb => self.close_bracket(']', span, Tok::Rsqb)?,
            RawTok::Rbrace => self.close_bracket('}', span, Tok::Rbrace)?,
            RawTok::Colon => Tok::Colon,
            RawTok::Comma => Tok::Comma,
            RawTok::Semi => Tok::Semi,
            RawTok::Dot => Tok::Dot,
            RawTok::Ellipsis => Tok::Ellipsis,
            RawTok::Rarrow => Tok::Rarrow,
            RawTok::At => Tok::At,
            RawTok::AtEqual => Tok::AtEqual,
            RawTok::Plus => Tok::Plus,
            RawTok::PlusEqual => Tok::PlusEqual,
            RawTok::Minus => Tok::Minus,
            RawTok::MinusEqual => Tok::MinusEqual,
            RawTok::Star => Tok::Star,
            RawTok::StarEqual => Tok::StarEqual,
            RawTok::DoubleStar => Tok::DoubleStar,
            RawTok::DoubleStarEqual => Tok::DoubleStarEqual,
            RawTok::Slash => Tok::Slash,
            RawTok::SlashEqual => Tok::SlashEqual,
            RawTok::DoubleSlash => Tok::DoubleSlash,
            RawTok::DoubleSlashEqual => Tok::DoubleSlashEqual,
            RawTok::Percent => Tok::Percent,
            RawTok::PercentEqual => Tok::PercentEqual,
            RawTok::Vbar => Tok::Vbar,
            RawTok::VbarEqual => Tok::VbarEqual,
            RawTok::Amper => Tok::Amper,
            RawTok::AmperEqual => Tok::AmperEqual,
            RawTok::CircumFlex => Tok::CircumFlex,
            RawTok::CircumflexEqual => Tok::CircumflexEqual,
            RawTok::Tilde => Tok::Tilde,
            RawTok::LeftShift => Tok::LeftShift,
            RawTok::LeftShiftEqual => Tok::LeftShiftEqual,
            RawTok::RightShift => Tok::RightShift,
            RawTok::RightShiftEqual => Tok::RightShiftEqual,
            RawTok::Less => Tok::Less,
            RawTok::LessEqual => Tok::LessEqual,
            RawTok::Greater => Tok::Greater,
            RawTok::GreaterEqual => Tok::GreaterEqual,
            RawTok::Equal => Tok::Equal,
            RawTok::EqEqual => Tok::EqEqual,
            RawTok::NotEqual => Tok::NotEqual,
            RawTok::ColonEqual => Tok::ColonEqual,
            // `lex_token` handles these before calling here.
            RawTok::Whitespace
            | RawTok::Newline
            | RawTok::Comment
            | RawTok::Continuation
            | RawTok::Backslash => {
                return Err(error(
                    LexicalErrorKind::Other("internal lexer error: trivia token".into()),
                    span,
                ));
            }
        };
        Ok(tok)
    }

    fn open_bracket(&mut self, open: char, start: usize, tok: Tok) -> Result<Tok, LexicalError> {
        if self.brackets.len() >= MAX_BRACKET_LEVELS {
            let kind = LexicalErrorKind::Other("too many nested parentheses".into());
            return Err(error(kind, start..start + 1));
        }
        self.brackets.push((open, offset(start)));
        Ok(tok)
    }

    fn close_bracket(&mut self, close: char, span: Range<usize>, tok: Tok) -> Result<Tok, LexicalError> {
        let kind = match self.brackets.pop() {
            None => LexicalErrorKind::UnmatchedBracket(close),
            Some((open, _)) if matching_close(open) == close => return Ok(tok),
            Some((open, _)) => LexicalErrorKind::MismatchedBracket { open, close },
        };
        Err(error(kind, span))
    }

    /// Whether `match` or `case` at the start of a logical line is the soft keyword.
    ///
    /// Python decides this by backtracking in its PEG parser; for the statements that can start
    /// with these names, looking at the rest of the logical line is equivalent: a `match` or
    /// `case` statement needs a `:` outside brackets that neither directly follows the keyword
    /// (`match: int = 1` is an annotation) nor belongs to a `lambda` (`match lambda: x:` has two).
    /// Anything else (`match = 1`, `match.group()`, `match(x)`) uses it as a name.
    fn soft_keyword_follows(&self) -> bool {
        let mut lookahead = self.raw.clone();
        let mut depth = 0usize;
        let mut n_open_lambdas = 0usize;
        let mut is_first = true;
        while let Some(Ok(raw)) = lookahead.next() {
            match raw {
                RawTok::Whitespace | RawTok::Comment | RawTok::Continuation => continue,
                RawTok::Newline if depth == 0 => return false,
                RawTok::Lpar | RawTok::Lsqb | RawTok::Lbrace => depth += 1,
                RawTok::Rpar | RawTok::Rsqb | RawTok::Rbrace => match depth.checked_sub(1) {
                    Some(outer) => depth = outer,
                    None => return false,
                },
                RawTok::Colon if depth == 0 => {
                    if is_first {
                        return false;
                    }
                    match n_open_lambdas.checked_sub(1) {
                        Some(remaining) => n_open_lambdas = remaining,
                        None => return true,
                    }
                }
                RawTok::Name(false) if depth == 0 && lookahead.slice() == "lambda" => n_open_lambdas += 1,
                _ => {}
            }
            is_first = false;
        }
        false
    }

    fn raw_error(&self, raw_error: RawError, span: Range<usize>) -> LexicalError {
        let char_len_at = |idx: usize| {
            self.source.get(idx..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8)
        };
        match raw_error {
            RawError::Unrecognized => {
                let rest = self.source.get(span.start..).unwrap_or_default();
                let kind = match rest.chars().next() {
                    Some(c) => LexicalErrorKind::InvalidCharacter(c),
                    None => LexicalErrorKind::Other("unexpected end of input".into()),
                };
                error(kind, span.start..span.start + char_len_at(span.start))
            }
            RawError::InvalidCharacter(c) => {
                error(LexicalErrorKind::InvalidCharacter(c), span.start..span.start + c.len_utf8())
            }
            RawError::Number { error: number_error, end } => {
                // Include the character the literal ran into, if it is part of the problem.
                let glued = self.source.get(end..).and_then(|rest| rest.chars().next());
                let end = match glued {
                    Some(c) if c == '_' || c.is_ascii_alphanumeric() => end + 1,
                    _ => end,
                };
                error(number_error.into_error_kind(), span.start..end)
            }
            RawError::UnterminatedString { triple_quoted, end } => {
                error(LexicalErrorKind::UnterminatedString { triple_quoted }, span.start..end)
            }
        }
    }
}

fn matching_close(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn string_tok(text: &str, info: StringInfo) -> Tok {
    let quote_idx = text.find(['\'', '"']).unwrap_or_default();
    let quote_len = if info.triple_quoted { 3 } else { 1 };
    let body = text.get(quote_idx + quote_len..text.len().saturating_sub(quote_len)).unwrap_or_default();
    Tok::String { value: body.into(), kind: info.kind, triple_quoted: info.triple_quoted }
}

fn keyword(name: &str) -> Option<Tok> {
    Some(match name {
        "False" => Tok::False,
        "None" => Tok::None,
        "True" => Tok::True,
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "async" => Tok::Async,
        "await" => Tok::Await,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}
