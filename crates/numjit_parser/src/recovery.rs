//! Turning LALRPOP's raw errors into messages that read like CPython's, or better.
//!
//! A raw error names the offending token and the terminals the parser would have accepted.
//! This module re-lexes the source (errors are rare, so the success path keeps no copy of
//! the tokens) and looks at the tokens around the error: a missing `:` after a block header,
//! a missing indented block, a missing comma between two expressions in brackets, `=` where
//! `==` was meant, Python 2 `print x`, and so on. Positions point at the offending token, or
//! at the end of the previous one when a token is missing.

use text_size::{TextRange, TextSize};

use crate::Mode;
use crate::builders::LalrpopError;
use crate::error::{ParseError, ParseErrorKind};
use crate::token::{Spanned, Tok};

/// Converts a raw parser error. `source` is the text that was lexed and `shift` the offset
/// of its first byte in the file.
pub(crate) fn convert(error: LalrpopError, source: &str, shift: TextSize, mode: Mode) -> ParseError {
    let (found, expected) = match error {
        lalrpop_util::ParseError::User { error } => return error,
        lalrpop_util::ParseError::InvalidToken { location } => {
            return ParseError::message_at("invalid syntax", TextRange::empty(location));
        }
        lalrpop_util::ParseError::ExtraToken { token } => (Some(token), Vec::new()),
        lalrpop_util::ParseError::UnrecognizedEof { location, expected } => {
            let _ = location;
            (None, expected)
        }
        lalrpop_util::ParseError::UnrecognizedToken { token, expected } => (Some(token), expected),
    };
    let tokens = relex(source, shift, mode);
    let context = ErrorContext { source, shift, tokens: &tokens, expected: &expected };
    context.explain(found)
}

fn relex(source: &str, shift: TextSize, mode: Mode) -> Vec<Spanned> {
    let mut tokens = Vec::new();
    if mode == Mode::Expression {
        tokens.push((shift, Tok::Rarrow, shift));
    }
    for token in crate::lexer::lex(source) {
        match token {
            Ok((start, tok, end)) => tokens.push((start + shift, tok, end + shift)),
            Err(_) => break,
        }
    }
    tokens
}

struct ErrorContext<'a> {
    source: &'a str,
    shift: TextSize,
    tokens: &'a [Spanned],
    expected: &'a [String],
}

/// Keywords that open a block, with how messages name what comes before the `:`.
fn header_context(keyword: &Tok) -> Option<(&'static str, &'static str)> {
    Some(match keyword {
        Tok::If => ("'if' condition", "'if' statement"),
        Tok::Elif => ("'elif' condition", "'elif' statement"),
        Tok::Else => ("'else'", "'else' statement"),
        Tok::While => ("'while' condition", "'while' statement"),
        Tok::For => ("'for' loop header", "'for' statement"),
        Tok::Try => ("'try'", "'try' statement"),
        Tok::Except => ("'except' clause", "'except' statement"),
        Tok::Finally => ("'finally'", "'finally' statement"),
        Tok::With => ("'with' items", "'with' statement"),
        Tok::Def => ("function signature", "function definition"),
        Tok::Class => ("class header", "class definition"),
        Tok::Match => ("'match' subject", "'match' statement"),
        Tok::Case => ("'case' pattern", "'case' statement"),
        _ => return None,
    })
}

fn starts_line(tok: &Tok) -> bool {
    matches!(tok, Tok::Newline | Tok::Indent | Tok::Dedent)
}

fn ends_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name { .. }
            | Tok::Int { .. }
            | Tok::Float { .. }
            | Tok::Complex { .. }
            | Tok::String { .. }
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::Rpar
            | Tok::Rsqb
            | Tok::Rbrace
    )
}

fn starts_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name { .. }
            | Tok::Int { .. }
            | Tok::Float { .. }
            | Tok::Complex { .. }
            | Tok::String { .. }
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::Lpar
            | Tok::Lsqb
            | Tok::Lbrace
            | Tok::Lambda
            | Tok::Not
            | Tok::Tilde
            | Tok::Await
    )
}

impl ErrorContext<'_> {
    fn expects(&self, terminal: &str) -> bool {
        self.expected.iter().any(|expected| expected.trim_matches('"') == terminal)
    }

    /// The source text of a token.
    fn text(&self, start: TextSize, end: TextSize) -> &str {
        let start = usize::from(start.checked_sub(self.shift).unwrap_or_default());
        let end = usize::from(end.checked_sub(self.shift).unwrap_or_default());
        self.source.get(start..end).unwrap_or("")
    }

    /// The 1-based line of a file offset (exact for modules, whose shift is zero).
    fn line_of(&self, offset: TextSize) -> usize {
        let offset = usize::from(offset.checked_sub(self.shift).unwrap_or_default());
        let before = self.source.get(..offset).unwrap_or(self.source);
        before.bytes().filter(|&b| b == b'\n').count() + 1
    }

    /// The index of the offending token in the re-lexed stream (`tokens.len()` at the end).
    fn index_of(&self, found: Option<&Spanned>) -> usize {
        let Some((start, tok, _)) = found else { return self.tokens.len() };
        self.tokens
            .iter()
            .position(|(other_start, other, _)| other_start == start && other == tok)
            .or_else(|| self.tokens.iter().position(|(other_start, _, _)| other_start >= start))
            .unwrap_or(self.tokens.len())
    }

    /// The index of the first token of the logical line containing token `index - 1`.
    fn line_start(&self, index: usize) -> usize {
        let mut line_start = index;
        while line_start > 0 {
            match self.tokens.get(line_start - 1) {
                // In expression mode the stream starts with a `->` marker.
                Some((_, tok, _)) if starts_line(tok) || (line_start == 1 && *tok == Tok::Rarrow) => break,
                _ => line_start -= 1,
            }
        }
        line_start
    }

    /// The keyword whose `:` is missing before token `index`: the nearest `lambda` at the
    /// error's bracket level, else the keyword that starts the line.
    fn header_keyword(&self, index: usize) -> Option<(usize, &Tok)> {
        let line_start = self.line_start(index);
        let mut depth = 0usize;
        for token_idx in (line_start..index).rev() {
            let (_, tok, _) = self.tokens.get(token_idx)?;
            match tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth = depth.saturating_sub(1),
                Tok::Lambda if depth == 0 => return Some((token_idx, tok)),
                _ => {}
            }
        }
        let mut first = line_start;
        while matches!(self.tokens.get(first), Some((_, Tok::Async, _)) | Some((_, Tok::At, _))) {
            first += 1;
        }
        let (_, tok, _) = self.tokens.get(first)?;
        header_context(tok).map(|_| (first, tok))
    }

    fn bracket_depth(&self, index: usize) -> usize {
        let mut depth = 0usize;
        for (_, tok, _) in self.tokens.get(..index).unwrap_or(self.tokens) {
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        depth
    }

    fn explain(&self, found: Option<Spanned>) -> ParseError {
        let index = self.index_of(found.as_ref());
        let end_of_input = TextSize::try_from(self.source.len()).unwrap_or_default() + self.shift;
        let found_range = match &found {
            Some((start, _, end)) => TextRange::new(*start, (*end).max(*start)),
            None => TextRange::empty(end_of_input),
        };
        let found_tok = found.as_ref().map(|(_, tok, _)| tok);
        let previous = index.checked_sub(1).and_then(|previous| self.tokens.get(previous));
        let after_previous = TextRange::empty(previous.map_or(found_range.start(), |(_, _, end)| *end));
        let at = Location { index, found_tok, found_range, previous, after_previous };

        if found_tok == Some(&Tok::Indent) {
            let range = self
                .tokens
                .get(index + 1)
                .map_or(found_range, |(start, _, end)| TextRange::new(*start, *end));
            return ParseError::new(ParseErrorKind::UnexpectedIndent, range);
        }
        if let Some(error) = self.missing_block(&at) {
            return error;
        }
        if let Some(error) = self.python2_statement(&at) {
            return error;
        }
        if let Some(error) = self.missing_colon(&at) {
            return error;
        }
        if let Some(error) = self.match_without_colon(&at) {
            return error;
        }
        if let Some(error) = self.missing_in(&at) {
            return error;
        }
        if self.expects("else") && !self.expects(":") {
            return ParseError::new(
                ParseErrorKind::ExpectedToken {
                    expected: "'else'",
                    context: Some("'if' expression".to_owned()),
                },
                after_previous,
            );
        }
        if found_tok == Some(&Tok::Equal) && !self.expects("=") {
            return ParseError::new(ParseErrorKind::AssignInsteadOfEqual, found_range);
        }
        if let Some(error) = self.missing_comma(&at) {
            return error;
        }
        match found {
            None => ParseError::new(ParseErrorKind::UnexpectedEof, found_range),
            Some((_, Tok::Newline, _)) => {
                ParseError::new(ParseErrorKind::UnexpectedToken("end of line".to_owned()), after_previous)
            }
            Some((_, Tok::Dedent, _)) => {
                ParseError::new(ParseErrorKind::UnexpectedToken("dedent".to_owned()), found_range)
            }
            Some((start, _, end)) => {
                let text = self.text(start, end);
                let description = if text.chars().count() > 40 {
                    let shortened: String = text.chars().take(37).collect();
                    format!("token '{shortened}...'")
                } else {
                    format!("token '{text}'")
                };
                ParseError::new(ParseErrorKind::UnexpectedToken(description), found_range)
            }
        }
    }

    /// `if x:` followed by a line that is not indented.
    fn missing_block(&self, at: &Location<'_>) -> Option<ParseError> {
        if !self.expects("Indent") {
            return None;
        }
        let (header_idx, keyword) =
            at.index.checked_sub(1).and_then(|newline| self.header_keyword(newline))?;
        let (_, after) = header_context(keyword)?;
        let line = self.tokens.get(header_idx).map_or(1, |(start, _, _)| self.line_of(*start));
        let range = self
            .tokens
            .get(at.index..)
            .and_then(|rest| rest.iter().find(|(_, tok, _)| !matches!(tok, Tok::Dedent | Tok::Newline)))
            .map_or(at.found_range, |(start, _, end)| TextRange::new(*start, *end));
        let is_except_star =
            *keyword == Tok::Except && matches!(self.tokens.get(header_idx + 1), Some((_, Tok::Star, _)));
        let after = if is_except_star { "'except*' statement" } else { after }.to_owned();
        Some(ParseError::new(ParseErrorKind::ExpectedIndentedBlock { after, line }, range))
    }

    /// Python 2's `print x` / `exec x` at the start of a statement.
    fn python2_statement(&self, at: &Location<'_>) -> Option<ParseError> {
        let (print_start, Tok::Name { name }, _) = at.previous? else { return None };
        let name = match &**name {
            "print" => "print",
            "exec" => "exec",
            _ => return None,
        };
        let found_tok = at.found_tok?;
        let at_statement_start = at.index < 2
            || matches!(self.tokens.get(at.index - 2), Some((_, tok, _)) if starts_line(tok) || *tok == Tok::Semi);
        if !at_statement_start || !starts_expression(found_tok) || *found_tok == Tok::Lpar {
            return None;
        }
        let line_end = self
            .tokens
            .get(at.index..)
            .and_then(|rest| rest.iter().take_while(|(_, tok, _)| !starts_line(tok)).last())
            .map_or(at.found_range.end(), |(_, _, end)| *end);
        Some(ParseError::new(
            ParseErrorKind::MissingParentheses { name },
            TextRange::new(*print_start, line_end.max(*print_start)),
        ))
    }

    /// A block header or lambda without its `:`.
    fn missing_colon(&self, at: &Location<'_>) -> Option<ParseError> {
        if !self.expects(":") {
            return None;
        }
        let (_, keyword) = self.header_keyword(at.index)?;
        let at_line_end = matches!(at.found_tok, None | Some(Tok::Newline));
        let is_lambda = *keyword == Tok::Lambda;
        if !(at_line_end || is_lambda || matches!(keyword, Tok::Else | Tok::Try | Tok::Finally)) {
            return None;
        }
        let context = if is_lambda {
            "lambda parameters".to_owned()
        } else {
            header_context(keyword).map_or_else(String::new, |(context, _)| context.to_owned())
        };
        Some(ParseError::new(
            ParseErrorKind::ExpectedToken { expected: "':'", context: Some(context) },
            at.after_previous,
        ))
    }

    /// `match x` / `case y` without their `:`: the lexer only makes them keywords when a `:` follows,
    /// so the parser sees two names side by side.
    fn match_without_colon(&self, at: &Location<'_>) -> Option<ParseError> {
        if let Some(Tok::Name { name }) = at.found_tok
            && &**name == "case"
            && self.expects("case")
        {
            return self.colon_missing_on_line(at.index, "'case' pattern");
        }
        let (_, Tok::Name { name }, _) = at.previous? else { return None };
        let at_statement_start = at.index < 2
            || matches!(self.tokens.get(at.index - 2), Some((_, tok, _)) if starts_line(tok) || *tok == Tok::Semi);
        let context = match &**name {
            "match" => "'match' subject",
            "case" => "'case' pattern",
            _ => return None,
        };
        if !at_statement_start || !(starts_expression(at.found_tok?) || *at.found_tok? == Tok::Minus) {
            return None;
        }
        self.colon_missing_on_line(at.index, context)
    }

    /// "expected ':'" at the end of the logical line from token `index`, if it has no `:`.
    fn colon_missing_on_line(&self, index: usize, context: &str) -> Option<ParseError> {
        let line = self.tokens.get(index..)?;
        let line_len = line.iter().position(|(_, tok, _)| starts_line(tok)).unwrap_or(line.len());
        let line = line.get(..line_len)?;
        if line.iter().any(|(_, tok, _)| *tok == Tok::Colon) {
            return None;
        }
        let (_, _, end) = line.last()?;
        Some(ParseError::new(
            ParseErrorKind::ExpectedToken { expected: "':'", context: Some(context.to_owned()) },
            TextRange::empty(*end),
        ))
    }

    /// `for x y in z` / `[a for b c]`.
    fn missing_in(&self, at: &Location<'_>) -> Option<ParseError> {
        if !self.expects("in") {
            return None;
        }
        let context = if let Some((_, Tok::For)) = self.header_keyword(at.index) {
            "for-loop target"
        } else {
            let line_start = self.line_start(at.index);
            let in_comprehension = self
                .tokens
                .get(line_start..at.index)
                .is_some_and(|line| line.iter().any(|(_, tok, _)| *tok == Tok::For));
            if !in_comprehension || !at.previous.is_some_and(|(_, tok, _)| ends_expression(tok)) {
                return None;
            }
            "comprehension target"
        };
        Some(ParseError::new(
            ParseErrorKind::ExpectedToken { expected: "'in'", context: Some(context.to_owned()) },
            at.after_previous,
        ))
    }

    /// Two expressions side by side inside brackets.
    fn missing_comma(&self, at: &Location<'_>) -> Option<ParseError> {
        let (previous_start, previous_tok, _) = at.previous?;
        let found_tok = at.found_tok?;
        if !ends_expression(previous_tok)
            || !starts_expression(found_tok)
            || self.bracket_depth(at.index) == 0
        {
            return None;
        }
        Some(ParseError::new(
            ParseErrorKind::MissingComma,
            TextRange::new(*previous_start, at.found_range.end().max(*previous_start)),
        ))
    }
}

/// Where an error happened.
struct Location<'a> {
    /// The offending token's index in the re-lexed stream.
    index: usize,
    /// The offending token (`None` at the end of the input).
    found_tok: Option<&'a Tok>,
    found_range: TextRange,
    /// The token before it.
    previous: Option<&'a Spanned>,
    /// An empty range at the end of the previous token, where a missing token belongs.
    after_previous: TextRange,
}
