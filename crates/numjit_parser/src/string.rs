//! String literals: escape decoding, implicit concatenation and f-strings (Python 3.11 rules).
//!
//! The lexer hands over each literal's raw text between the quotes. [`parse_strings`] joins
//! the literals of one atom (`"a" f"{b}" 'c'`) into a single `Constant` or `JoinedStr`, merging
//! adjacent constant parts as CPython does. F-string replacement fields are parsed with the
//! grammar's own expression entry point (see `crate::parse_fstring_expression`), wrapped in
//! parentheses as CPython 3.11 does, so ranges inside them are absolute file offsets.
//!
//! Python `str` values may hold lone surrogates (`"\ud800"`); a Rust `String` cannot, so those
//! become U+FFFD REPLACEMENT CHARACTER.

use numjit_ast::{self as ast, ConversionFlag, Expr, TextRange, TextSize};

use crate::error::ParseError;
use crate::token::StringKind;

/// One string token as the grammar sees it: start, (text between quotes, kind, triple
/// quoted), end.
pub(crate) type StringPart = (TextSize, (Box<str>, StringKind, bool), TextSize);

/// CPython refuses format specs nested deeper than `{x:{y}}`.
const MAX_FSTRING_NESTING: u32 = 2;

fn text_size(n: usize) -> TextSize {
    TextSize::try_from(n).unwrap_or(TextSize::new(u32::MAX))
}

fn at(base: TextSize, start: usize, end: usize) -> TextRange {
    let start = base + text_size(start);
    TextRange::new(start, (base + text_size(end)).max(start))
}

/// Joins the literals of one atom into an expression.
pub(crate) fn parse_strings(parts: Vec<StringPart>) -> Result<Expr, ParseError> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Err(ParseError::message_at("invalid syntax", TextRange::default()));
    };
    let whole = TextRange::new(first.0, last.2.max(first.0));
    let is_bytes = first.1.1.is_bytes();
    if parts.iter().any(|part| part.1.1.is_bytes() != is_bytes) {
        return Err(ParseError::message_at("cannot mix bytes and nonbytes literals", whole));
    }
    if is_bytes {
        let mut bytes = Vec::new();
        for (start, (text, kind, triple), end) in &parts {
            let base = content_start(*start, *end, text, *triple);
            decode_bytes(text, kind.is_raw(), base, &mut bytes)?;
        }
        return Ok(constant(ast::Constant::Bytes(bytes), whole));
    }
    if !parts.iter().any(|part| part.1.1.is_fstring()) {
        let mut value = String::new();
        for (start, (text, kind, triple), end) in &parts {
            let base = content_start(*start, *end, text, *triple);
            decode_str(text, kind.is_raw(), base, &mut value)?;
        }
        return Ok(constant(ast::Constant::Str(value), whole));
    }
    let mut joined = JoinedBuilder::default();
    for (start, (text, kind, triple), end) in &parts {
        let base = content_start(*start, *end, text, *triple);
        if kind.is_fstring() {
            parse_fstring_into(text, base, kind.is_raw(), 0, &mut joined)?;
        } else {
            let mut value = String::new();
            decode_str(text, kind.is_raw(), base, &mut value)?;
            joined.push_literal(&value, at(base, 0, text.len()));
        }
    }
    Ok(Expr::JoinedStr(ast::ExprJoinedStr { values: joined.finish(), range: whole }))
}

/// The offset of the first character between the quotes: the token ends with the closing
/// quote(s), right after the text.
fn content_start(start: TextSize, end: TextSize, text: &str, triple: bool) -> TextSize {
    let quotes = if triple { 3 } else { 1 };
    let text_end = end.checked_sub(TextSize::new(quotes)).unwrap_or(start);
    text_end.checked_sub(text_size(text.len())).unwrap_or(start).max(start)
}

fn constant(value: ast::Constant, range: TextRange) -> Expr {
    Expr::Constant(ast::ExprConstant { value, range })
}

/// Collects the parts of a `JoinedStr`, merging adjacent literal text.
#[derive(Default)]
struct JoinedBuilder {
    values: Vec<Expr>,
    literal: String,
    literal_range: Option<TextRange>,
}

impl JoinedBuilder {
    fn push_literal(&mut self, text: &str, range: TextRange) {
        if text.is_empty() {
            return;
        }
        self.literal.push_str(text);
        self.literal_range = Some(match self.literal_range {
            Some(previous) => previous.cover(range),
            None => range,
        });
    }

    fn flush(&mut self) {
        if let Some(range) = self.literal_range.take() {
            let value = std::mem::take(&mut self.literal);
            self.values.push(constant(ast::Constant::Str(value), range));
        }
    }

    fn push_field(&mut self, field: Expr) {
        self.flush();
        self.values.push(field);
    }

    fn finish(mut self) -> Vec<Expr> {
        self.flush();
        self.values
    }
}

/// Parses one f-string's text (between its quotes) into `joined`. `depth` is 0 for the
/// f-string itself and 1 inside a format spec.
fn parse_fstring_into(
    text: &str,
    base: TextSize,
    raw: bool,
    depth: u32,
    joined: &mut JoinedBuilder,
) -> Result<(), ParseError> {
    let end = fstring_parts(text, 0, base, raw, depth, joined)?;
    if end < text.len() {
        // Only a format spec stops early, at its closing '}'.
        return Err(ParseError::message_at("f-string: single '}' is not allowed", at(base, end, end + 1)));
    }
    Ok(())
}

/// Scans literal text and replacement fields from `pos`; stops at the end of `text` or, in a
/// format spec (`depth > 0`), at a `}`. Returns where it stopped.
fn fstring_parts(
    text: &str,
    mut pos: usize,
    base: TextSize,
    raw: bool,
    depth: u32,
    joined: &mut JoinedBuilder,
) -> Result<usize, ParseError> {
    let bytes = text.as_bytes();
    let mut literal = String::new();
    let mut literal_start = pos;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'{' | b'}' if depth == 0 && bytes.get(pos + 1) == Some(&byte) => {
                literal.push(char::from(byte));
                pos += 2;
            }
            b'}' if depth == 0 => {
                return Err(ParseError::message_at(
                    "f-string: single '}' is not allowed",
                    at(base, pos, pos + 1),
                ));
            }
            b'}' => break,
            b'{' => {
                flush_fstring_literal(&literal, literal_start, pos, base, raw, joined)?;
                literal.clear();
                let (self_documentation, field, next) = replacement_field(text, pos, base, raw, depth)?;
                if let Some((text, range)) = self_documentation {
                    joined.push_literal(text, range);
                }
                joined.push_field(field);
                pos = next;
                literal_start = pos;
            }
            b'\\' if !raw => {
                // Keep the escape for `decode_str`, but never let `\N{...}` open a field.
                let next = bytes.get(pos + 1).copied();
                let len = match next {
                    Some(b'\\') => 2,
                    Some(b'N') if bytes.get(pos + 2) == Some(&b'{') => {
                        text[pos..].find('}').map_or(text.len() - pos, |close| close + 1)
                    }
                    _ => 1,
                };
                literal.push_str(&text[pos..pos + len]);
                pos += len;
            }
            _ => {
                let ch_len = text[pos..].chars().next().map_or(1, char::len_utf8);
                literal.push_str(&text[pos..pos + ch_len]);
                pos += ch_len;
            }
        }
    }
    flush_fstring_literal(&literal, literal_start, pos, base, raw, joined)?;
    Ok(pos)
}

fn flush_fstring_literal(
    literal: &str,
    start: usize,
    end: usize,
    base: TextSize,
    raw: bool,
    joined: &mut JoinedBuilder,
) -> Result<(), ParseError> {
    if literal.is_empty() {
        return Ok(());
    }
    let mut value = String::new();
    decode_str(literal, raw, base + text_size(start), &mut value)?;
    joined.push_literal(&value, at(base, start, end));
    Ok(())
}

/// The text of a self-documenting field (`x=` in `{x=}`) and its range.
type SelfDocumentation<'a> = Option<(&'a str, TextRange)>;

/// Parses the replacement field whose `{` is at `open`; returns the text of a
/// self-documenting field (`{x=}`), the `FormattedValue` and the offset after its `}`.
fn replacement_field(
    text: &str,
    open: usize,
    base: TextSize,
    raw: bool,
    depth: u32,
) -> Result<(SelfDocumentation<'_>, Expr, usize), ParseError> {
    if depth >= MAX_FSTRING_NESTING {
        return Err(ParseError::message_at(
            "f-string: expressions nested too deeply",
            at(base, open, open + 1),
        ));
    }
    let bytes = text.as_bytes();
    let expr_start = open + 1;
    let expr_end = find_expression_end(text, expr_start, base)?;
    let expr_text = &text[expr_start..expr_end];
    if expr_text.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty() {
        return Err(ParseError::message_at(
            "f-string: empty expression not allowed",
            at(base, open, (expr_end + 1).min(text.len())),
        ));
    }
    let value = crate::parse_fstring_expression(expr_text, base + text_size(expr_start))?;
    let mut pos = expr_end;
    let mut self_documenting = None;
    if bytes.get(pos) == Some(&b'=') {
        pos += 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        self_documenting = Some(&text[expr_start..pos]);
    }
    let mut conversion = ConversionFlag::None;
    if bytes.get(pos) == Some(&b'!') {
        conversion = match bytes.get(pos + 1) {
            Some(b's') => ConversionFlag::Str,
            Some(b'r') => ConversionFlag::Repr,
            Some(b'a') => ConversionFlag::Ascii,
            _ => {
                return Err(ParseError::message_at(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    at(base, pos + 1, pos + 2),
                ));
            }
        };
        pos += 2;
    }
    let mut format_spec = None;
    if bytes.get(pos) == Some(&b':') {
        let spec_start = pos + 1;
        let mut spec = JoinedBuilder::default();
        pos = fstring_parts(text, spec_start, base, raw, depth + 1, &mut spec)?;
        let range = at(base, spec_start, pos);
        format_spec = Some(Box::new(Expr::JoinedStr(ast::ExprJoinedStr { values: spec.finish(), range })));
    }
    if bytes.get(pos) != Some(&b'}') {
        return Err(ParseError::message_at("f-string: expecting '}'", at(base, pos, pos)));
    }
    if self_documenting.is_some() && conversion == ConversionFlag::None && format_spec.is_none() {
        conversion = ConversionFlag::Repr;
    }
    let range = at(base, open, pos + 1);
    let field = Expr::FormattedValue(ast::ExprFormattedValue {
        value: Box::new(value),
        conversion,
        format_spec,
        range,
    });
    let self_documentation =
        self_documenting.map(|expr_text| (expr_text, at(base, expr_start, expr_start + expr_text.len())));
    Ok((self_documentation, field, pos + 1))
}

/// Finds where the expression of a replacement field ends (CPython 3.11's
/// `fstring_find_expr`): the first `!`, `:`, `=` or `}` outside brackets and strings that is
/// not part of `!=`, `==`, `<=`, `>=`.
fn find_expression_end(text: &str, start: usize, base: TextSize) -> Result<usize, ParseError> {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut brackets: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, bool)> = None;
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'\\' {
            return Err(ParseError::message_at(
                "f-string expression part cannot include a backslash",
                at(base, pos, pos + 1),
            ));
        }
        if let Some((quote_char, triple)) = quote {
            if byte == quote_char {
                if !triple {
                    quote = None;
                } else if bytes.get(pos + 1) == Some(&quote_char) && bytes.get(pos + 2) == Some(&quote_char) {
                    quote = None;
                    pos += 2;
                }
            }
            pos += 1;
            continue;
        }
        match byte {
            b'\'' | b'"' => {
                let triple = bytes.get(pos + 1) == Some(&byte) && bytes.get(pos + 2) == Some(&byte);
                quote = Some((byte, triple));
                pos += if triple { 3 } else { 1 };
                continue;
            }
            b'[' | b'(' | b'{' => {
                if brackets.len() >= 200 {
                    return Err(ParseError::message_at(
                        "f-string: too many nested parenthesis",
                        at(base, pos, pos + 1),
                    ));
                }
                brackets.push(byte);
            }
            b'#' => {
                return Err(ParseError::message_at(
                    "f-string expression part cannot include '#'",
                    at(base, pos, pos + 1),
                ));
            }
            b')' | b']' | b'}' if !brackets.is_empty() => {
                let open = brackets.pop().unwrap_or(b'(');
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if byte != expected {
                    return Err(ParseError::message_at(
                        format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            char::from(byte),
                            char::from(open)
                        ),
                        at(base, pos, pos + 1),
                    ));
                }
            }
            b')' | b']' => {
                return Err(ParseError::message_at(
                    format!("f-string: unmatched '{}'", char::from(byte)),
                    at(base, pos, pos + 1),
                ));
            }
            b'!' | b'=' | b'<' | b'>' | b':' | b'}' if brackets.is_empty() => {
                if bytes.get(pos + 1) == Some(&b'=') && matches!(byte, b'!' | b'=' | b'<' | b'>') {
                    pos += 2;
                    continue;
                }
                if !matches!(byte, b'<' | b'>') {
                    return Ok(pos);
                }
            }
            _ => {}
        }
        pos += 1;
    }
    if quote.is_some() {
        return Err(ParseError::message_at("f-string: unterminated string", at(base, pos, pos)));
    }
    Err(ParseError::message_at("f-string: expecting '}'", at(base, pos, pos)))
}

/// Appends the decoded value of a `str` literal's text to `out`.
pub(crate) fn decode_str(text: &str, raw: bool, base: TextSize, out: &mut String) -> Result<(), ParseError> {
    let mut chars = text.char_indices().peekable();
    while let Some((pos, ch)) = chars.next() {
        if ch == '\r' {
            // CPython reads source with universal newlines.
            out.push('\n');
            if chars.peek().map(|&(_, next)| next) == Some('\n') {
                chars.next();
            }
            continue;
        }
        if ch != '\\' || raw {
            out.push(ch);
            continue;
        }
        let Some((_, escape)) = chars.next() else {
            out.push('\\');
            break;
        };
        match escape {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|&(_, next)| next) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0'..='7' => {
                let mut value = escape.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|&(_, next)| next.to_digit(8)) {
                        Some(digit) => {
                            value = value * 8 + digit;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n_digits, name) = match escape {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let digits_start = pos + 2;
                let digits = text.get(digits_start..digits_start + n_digits).unwrap_or("");
                if digits.len() != n_digits || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                    let end = text[digits_start..]
                        .char_indices()
                        .take_while(|&(i, c)| i < n_digits && c.is_ascii_hexdigit())
                        .last()
                        .map_or(digits_start, |(i, c)| digits_start + i + c.len_utf8());
                    return Err(unicode_error(pos, end, &format!("truncated {name} escape"), base));
                }
                let value = u32::from_str_radix(digits, 16).unwrap_or(0);
                for _ in 0..n_digits {
                    chars.next();
                }
                if value > 0x10FFFF {
                    return Err(unicode_error(
                        pos,
                        digits_start + n_digits,
                        "illegal Unicode character",
                        base,
                    ));
                }
                // Lone surrogates cannot be stored in a Rust string: U+FFFD stands in for them.
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'N' => {
                let rest = &text[pos + 2..];
                let Some(name) =
                    rest.strip_prefix('{').and_then(|rest| rest.split_once('}')).map(|(name, _)| name)
                else {
                    return Err(unicode_error(pos, pos + 2, "malformed \\N character escape", base));
                };
                let escape_end = pos + 2 + name.len() + 2;
                // CPython's names use letters, digits, spaces and hyphens; checking that first
                // also keeps odd input (a leading '-') away from the lookup.
                let plausible = name.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
                let ch = plausible
                    .then(|| unicode_names2::character(name))
                    .flatten()
                    .ok_or_else(|| unicode_error(pos, escape_end, "unknown Unicode character name", base))?;
                out.push(ch);
                while chars.peek().is_some_and(|&(i, _)| i < escape_end) {
                    chars.next();
                }
            }
            other => {
                // Unknown escapes stay as written (CPython warns, but keeps them).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

fn unicode_error(start: usize, end: usize, reason: &str, base: TextSize) -> ParseError {
    ParseError::message_at(
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1).max(start)
        ),
        at(base, start, end),
    )
}

/// Appends the decoded value of a bytes literal's text to `out`.
pub(crate) fn decode_bytes(
    text: &str,
    raw: bool,
    base: TextSize,
    out: &mut Vec<u8>,
) -> Result<(), ParseError> {
    if !text.is_ascii() {
        return Err(ParseError::message_at(
            "bytes can only contain ASCII literal characters",
            at(base, 0, text.len()),
        ));
    }
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(&byte) = bytes.get(pos) {
        pos += 1;
        if byte == b'\r' {
            out.push(b'\n');
            if bytes.get(pos) == Some(&b'\n') {
                pos += 1;
            }
            continue;
        }
        if byte != b'\\' || raw {
            out.push(byte);
            continue;
        }
        let Some(&escape) = bytes.get(pos) else {
            out.push(b'\\');
            break;
        };
        pos += 1;
        match escape {
            b'\n' => {}
            b'\r' => {
                if bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(escape),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'0'..=b'7' => {
                let mut value = u32::from(escape - b'0');
                for _ in 0..2 {
                    match bytes.get(pos) {
                        Some(&digit @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(digit - b'0');
                            pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let digits = text.get(pos..pos + 2).unwrap_or("");
                if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(ParseError::message_at(
                        format!("(value error) invalid \\x escape at position {}", pos - 2),
                        at(base, pos - 2, (pos + 2).min(text.len())),
                    ));
                }
                out.push(u8::from_str_radix(digits, 16).unwrap_or(0));
                pos += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(())
}
