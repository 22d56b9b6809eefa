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
        lalrpop_util::ParseError::User { error } => return refine_user_error(error, source, shift),
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

/// Rewords errors raised by grammar actions where the source says more than the tree: an
/// unparenthesized `yield` as an assignment target (`x = yield = 1`).
fn refine_user_error(error: ParseError, source: &str, shift: TextSize) -> ParseError {
    let ParseErrorKind::Message(message) = &error.kind else { return error };
    if !message.starts_with("cannot assign to yield expression") {
        return error;
    }
    let start = usize::from(error.range.start().checked_sub(shift).unwrap_or_default());
    let before = source.get(..start).unwrap_or("").trim_end();
    if before.ends_with('(') {
        return error;
    }
    ParseError::detailed(
        "assignment to yield expression not possible",
        "a 'yield' expression cannot be assigned to",
        Some("assign the result of 'yield' to a name instead: 'x = yield ...'"),
        error.range,
    )
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
        if let Some(error) = self.specific(&at) {
            return error;
        }
        if let Some(error) = self.missing_colon(&at) {
            return error;
        }
        if let Some(error) = self.dictionary(&at) {
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
            if let Some(error) = self.misplaced_assignment(&at) {
                return error;
            }
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
        let context = if let Some((for_idx, Tok::For)) = self.header_keyword(at.index) {
            if self.has_token_at_depth(for_idx + 1, at.index, &Tok::In) {
                if !self.expects(":") {
                    return None;
                }
                return Some(ParseError::new(
                    ParseErrorKind::ExpectedToken {
                        expected: "':'",
                        context: Some("'for' loop header".to_owned()),
                    },
                    at.after_previous,
                ));
            }
            "for-loop target"
        } else {
            let line_start = self.line_start(at.index);
            let in_comprehension = self
                .tokens
                .get(line_start..at.index)
                .is_some_and(|line| line.iter().any(|(_, tok, _)| *tok == Tok::For));
            if !in_comprehension || !at.previous.is_some_and(|(_, tok, _)| tok.ends_operand()) {
                return None;
            }
            "comprehension target"
        };
        Some(ParseError::new(
            ParseErrorKind::ExpectedToken { expected: "'in'", context: Some(context.to_owned()) },
            at.after_previous,
        ))
    }

    fn tok(&self, index: usize) -> Option<&Tok> {
        self.tokens.get(index).map(|(_, tok, _)| tok)
    }

    fn range_of(&self, first: usize, last: usize) -> Option<TextRange> {
        let (start, _, _) = self.tokens.get(first)?;
        let (_, _, end) = self.tokens.get(last)?;
        Some(TextRange::new(*start, (*end).max(*start)))
    }

    /// Whether `tok` occurs in `tokens[from..to]` outside any bracket opened there.
    fn has_token_at_depth(&self, from: usize, to: usize, tok: &Tok) -> bool {
        let mut depth = 0usize;
        for (_, other, _) in self.tokens.get(from..to).unwrap_or_default() {
            match other {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
                _ if depth == 0 && other == tok => return true,
                _ => {}
            }
        }
        false
    }

    /// The index of the innermost bracket still open before token `index`.
    fn open_bracket(&self, index: usize) -> Option<usize> {
        let mut depth = 0usize;
        for token_idx in (0..index).rev() {
            match self.tok(token_idx)? {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace if depth == 0 => return Some(token_idx),
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth -= 1,
                _ => {}
            }
        }
        None
    }

    /// The index of the bracket closing the one at `open`.
    fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (token_idx, (_, tok, _)) in self.tokens.iter().enumerate().skip(open) {
            match tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(token_idx);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The index of the bracket opening the one closed at `close`.
    fn matching_open(&self, close: usize) -> Option<usize> {
        let mut depth = 0usize;
        for token_idx in (0..=close).rev() {
            match self.tok(token_idx)? {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(token_idx);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The first token of the primary expression (`a.b[c](d)`) that ends at token `last`.
    fn primary_start(&self, last: usize) -> usize {
        let mut token_idx = last;
        loop {
            match self.tok(token_idx) {
                Some(Tok::Rpar | Tok::Rsqb) => {
                    let Some(open) = self.matching_open(token_idx) else { return token_idx };
                    match open.checked_sub(1) {
                        Some(before) if self.tok(before).is_some_and(Tok::ends_operand) => token_idx = before,
                        _ => return open,
                    }
                }
                Some(Tok::Name { .. }) if token_idx >= 2 && self.tok(token_idx - 1) == Some(&Tok::Dot) => {
                    token_idx -= 2;
                }
                _ => return token_idx,
            }
        }
    }

    /// Whether the text of a token is a keyword (other than the constants `True`, `False`, `None`).
    fn is_keyword(&self, spanned: &Spanned) -> bool {
        let (start, tok, end) = spanned;
        let text = self.text(*start, *end);
        !matches!(tok, Tok::Name { .. } | Tok::True | Tok::False | Tok::None)
            && !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    }

    /// Errors that CPython names precisely, recognised from the tokens around the error.
    fn specific(&self, at: &Location<'_>) -> Option<ParseError> {
        let previous_tok = at.previous.map(|(_, tok, _)| tok);
        let found_tok = at.found_tok;
        let before_previous = at.index.checked_sub(2).and_then(|token_idx| self.tok(token_idx));

        // `lambda (x, y): ...`
        if found_tok == Some(&Tok::Lpar)
            && matches!(previous_tok, Some(Tok::Lambda | Tok::Comma))
            && let Some((lambda_idx, Tok::Lambda)) = self.header_keyword(at.index)
            && !self.has_token_at_depth(lambda_idx, at.index, &Tok::Colon)
        {
            let close = self.matching_close(at.index)?;
            return Some(ParseError::detailed(
                "Lambda expression parameters cannot be parenthesized",
                "parenthesized parameters",
                Some("remove the parentheses: a lambda cannot unpack its arguments"),
                self.range_of(at.index, close)?,
            ));
        }

        // `(a.b := 1)`
        if found_tok == Some(&Tok::ColonEqual) && previous_tok.is_some_and(Tok::ends_operand) {
            let last = at.index - 1;
            let start = self.primary_start(last);
            let what = match self.tok(last)? {
                Tok::Name { .. } if start == last => return None,
                Tok::Name { .. } => "attribute",
                Tok::Rsqb if start < last && self.tok(start) != Some(&Tok::Lsqb) => "subscript",
                Tok::Rsqb => "list",
                Tok::Rpar if start < last && self.tok(start) != Some(&Tok::Lpar) => "function call",
                Tok::Int { .. } | Tok::Float { .. } | Tok::Complex { .. } | Tok::String { .. } => "literal",
                Tok::True => "True",
                Tok::False => "False",
                Tok::None => "None",
                Tok::Ellipsis => "ellipsis",
                _ => return None,
            };
            return Some(ParseError::detailed(
                format!("cannot use assignment expressions with {what}"),
                "only a name can be assigned with ':='",
                None,
                self.range_of(start, last)?,
            ));
        }

        // `except TypeError, ValueError:`
        if found_tok == Some(&Tok::Comma)
            && let Some((except_idx, Tok::Except)) = self.header_keyword(at.index)
            && self.open_bracket(at.index).is_none_or(|open| open < except_idx)
        {
            let first =
                if self.tok(except_idx + 1) == Some(&Tok::Star) { except_idx + 2 } else { except_idx + 1 };
            let mut last = at.index;
            while let Some(tok) = self.tok(last + 1) {
                if starts_line(tok)
                    || matches!(tok, Tok::Colon | Tok::As)
                        && self.bracket_depth(last + 1) == self.bracket_depth(at.index)
                {
                    break;
                }
                last += 1;
            }
            return Some(ParseError::detailed(
                "multiple exception types must be parenthesized",
                "these exception types need parentheses around them",
                Some("write 'except (A, B):' to catch several types"),
                self.range_of(first, last)?,
            ));
        }

        // `except*:`
        if found_tok == Some(&Tok::Colon)
            && previous_tok == Some(&Tok::Star)
            && before_previous == Some(&Tok::Except)
        {
            return Some(ParseError::detailed(
                "expected one or more exception types",
                "expected an exception type after 'except*'",
                None,
                at.found_range,
            ));
        }

        // `except` and `except*` on the same `try`.
        if previous_tok == Some(&Tok::Except) {
            let mixed = if found_tok == Some(&Tok::Star) {
                !self.expects("*")
            } else {
                self.expects("*") && !self.expects(":")
            };
            if mixed {
                let (except_start, _, except_end) = at.previous?;
                let end = if found_tok == Some(&Tok::Star) { at.found_range.end() } else { *except_end };
                return Some(ParseError::detailed(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    "this clause is of the other kind",
                    Some("use either 'except' or 'except*' for all the handlers of one 'try'"),
                    TextRange::new(*except_start, end.max(*except_start)),
                ));
            }
        }

        // `try:` with neither `except` nor `finally`.
        if self.expects("except")
            && self.expects("finally")
            && !matches!(found_tok, Some(Tok::Except | Tok::Finally))
        {
            return Some(ParseError::detailed(
                "expected 'except' or 'finally' block",
                "expected 'except' or 'finally' here",
                Some("a 'try' block needs at least one 'except' or 'finally' block after it"),
                at.found_range,
            ));
        }

        // `def f(x=):`
        if previous_tok == Some(&Tok::Equal)
            && matches!(found_tok, Some(Tok::Comma | Tok::Rpar))
            && let Some(open) = self.open_bracket(at.index)
            && open >= 2
            && self.tok(open - 2) == Some(&Tok::Def)
        {
            return Some(ParseError::detailed(
                "expected default value expression",
                "expected a default value after '='",
                None,
                at.found_range,
            ));
        }

        // `def f() -> :`
        if previous_tok == Some(&Tok::Rarrow)
            && at.index >= 2
            && matches!(found_tok, Some(Tok::Colon | Tok::Newline) | None)
        {
            let (arrow_start, _, arrow_end) = at.previous?;
            return Some(ParseError::detailed(
                "expected ':'",
                "expected a return annotation after '->'",
                Some("write the return type after '->', or remove the '->'"),
                TextRange::new(*arrow_start, *arrow_end),
            ));
        }

        // Python 2's `a <> b`.
        if found_tok == Some(&Tok::Greater)
            && let Some((less_start, Tok::Less, less_end)) = at.previous
            && *less_end == at.found_range.start()
        {
            return Some(ParseError::detailed(
                "invalid syntax",
                "'<>' is not an operator in Python 3",
                Some("use '!=' to test for inequality"),
                TextRange::new(*less_start, at.found_range.end()),
            ));
        }

        // `def (x):`, `class (Base):`
        if let Some(keyword @ (Tok::Def | Tok::Class)) = previous_tok
            && !matches!(found_tok, Some(Tok::Name { .. }))
            && found_tok != Some(&Tok::Equal)
        {
            let what =
                if *keyword == Tok::Def { "function name after 'def'" } else { "class name after 'class'" };
            return Some(ParseError::detailed(
                "invalid syntax",
                format!("expected a {what}"),
                None,
                at.found_range,
            ));
        }

        // A decorator followed by something other than a definition.
        if previous_tok == Some(&Tok::Newline)
            && self.expects("def")
            && self.expects("class")
            && self.expects("@")
            && !self.expects("if")
            && self.tok(self.line_start(at.index - 1)) == Some(&Tok::At)
        {
            return Some(ParseError::detailed(
                "invalid syntax",
                "expected 'def' or 'class' after a decorator",
                Some("a decorator must be followed by a function or class definition"),
                at.found_range,
            ));
        }

        // `class A(:`: a ':' before the bracket is closed.
        if found_tok == Some(&Tok::Colon)
            && !self.expects(":")
            && self.open_bracket(at.index).is_some_and(|open| self.tok(open) == Some(&Tok::Lpar))
        {
            return Some(ParseError::detailed(
                "invalid syntax",
                "unexpected ':' inside parentheses",
                None,
                at.found_range,
            ));
        }
        None
    }

    /// `{1: 2, 3}` and `{1: }`: a dictionary entry without its ':' or its value.
    fn dictionary(&self, at: &Location<'_>) -> Option<ParseError> {
        if !matches!(at.found_tok, Some(Tok::Comma | Tok::Rbrace)) {
            return None;
        }
        let open = self.open_bracket(at.index)?;
        if self.tok(open) != Some(&Tok::Lbrace) {
            return None;
        }
        let mut item_start = open + 1;
        for token_idx in open + 1..at.index {
            if self.tok(token_idx) == Some(&Tok::Comma) && self.open_bracket(token_idx) == Some(open) {
                item_start = token_idx + 1;
            }
        }
        if self.has_token_at_depth(item_start, at.index, &Tok::Lambda) {
            return None;
        }
        let (previous_start, previous_tok, previous_end) = at.previous?;
        if *previous_tok == Tok::Colon && item_start + 1 < at.index {
            return Some(ParseError::detailed(
                "expression expected after dictionary key and ':'",
                "expected a value after this ':'",
                None,
                TextRange::new(*previous_start, *previous_end),
            ));
        }
        if self.expects(":") && previous_tok.ends_operand() && item_start < at.index {
            return Some(ParseError::detailed(
                "':' expected after dictionary key",
                "this key has no ':' and value",
                Some("write 'key: value'"),
                self.range_of(item_start, at.index - 1)?,
            ));
        }
        None
    }

    /// `=` after something that cannot be assigned to: a keyword (`class = 1`), or the names
    /// of a `global` or `nonlocal` statement.
    fn misplaced_assignment(&self, at: &Location<'_>) -> Option<ParseError> {
        let previous = at.previous?;
        if self.is_keyword(previous) {
            let (start, _, end) = previous;
            return Some(ParseError::detailed(
                "invalid syntax",
                format!("'{}' is a keyword and cannot be assigned to", self.text(*start, *end)),
                None,
                TextRange::new(*start, *end),
            ));
        }
        let line_start = self.line_start(at.index);
        let statement = match self.tok(line_start)? {
            Tok::Global => "global",
            Tok::Nonlocal => "nonlocal",
            _ => return None,
        };
        Some(ParseError::detailed(
            "invalid syntax",
            format!("a '{statement}' statement cannot assign"),
            Some(format!("declare the names first ('{statement} x'), then assign on a line of its own"))
                .as_deref(),
            at.found_range,
        ))
    }

    /// Two expressions side by side inside brackets.
    fn missing_comma(&self, at: &Location<'_>) -> Option<ParseError> {
        let (previous_start, previous_tok, _) = at.previous?;
        let found_tok = at.found_tok?;
        if !previous_tok.ends_operand() || !starts_expression(found_tok) || self.bracket_depth(at.index) == 0
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
