//! The lexer of the text format: identifiers, numbers, strings, `@names`, punctuation and
//! significant newlines (every instruction is one line). `;` starts a comment.

use super::ParseError;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum TokenKind<'a> {
    /// Letters, digits and `_`, not starting with a digit: `v3`, `block1`, `iadd`, `int64`.
    Ident(&'a str),
    /// Unsigned decimal integer or float (`12`, `0.5`, `1e-7`), or `0x` hex digits.
    Number(&'a str),
    /// A string literal, escapes decoded.
    Str(String),
    /// `@name` or `@"quoted name"`.
    FunctionName(String),
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Comma,
    Colon,
    Equals,
    Arrow,
    Minus,
    Dot,
    Newline,
    Eof,
}

impl TokenKind<'_> {
    /// How an error message names the token.
    pub(super) fn describe(&self) -> String {
        match self {
            TokenKind::Ident(text) | TokenKind::Number(text) => format!("'{text}'"),
            TokenKind::Str(_) => "a string".to_owned(),
            TokenKind::FunctionName(name) => format!("'@{name}'"),
            TokenKind::LeftParen => "'('".to_owned(),
            TokenKind::RightParen => "')'".to_owned(),
            TokenKind::LeftBrace => "'{'".to_owned(),
            TokenKind::RightBrace => "'}'".to_owned(),
            TokenKind::Comma => "','".to_owned(),
            TokenKind::Colon => "':'".to_owned(),
            TokenKind::Equals => "'='".to_owned(),
            TokenKind::Arrow => "'->'".to_owned(),
            TokenKind::Minus => "'-'".to_owned(),
            TokenKind::Dot => "'.'".to_owned(),
            TokenKind::Newline => "the end of the line".to_owned(),
            TokenKind::Eof => "the end of the input".to_owned(),
        }
    }
}

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Position {
    pub(super) line: u32,
    pub(super) column: u32,
}

#[derive(Clone, Debug)]
pub(super) struct Token<'a> {
    pub(super) kind: TokenKind<'a>,
    pub(super) position: Position,
}

struct Lexer<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    offset: usize,
    line: u32,
    column: u32,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.offset..).and_then(|rest| rest.chars().next())
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text.get(self.offset..)?.chars();
        chars.next();
        chars.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position { line: self.line, column: self.column }
    }

    fn error(&self, position: Position, message: String) -> ParseError {
        ParseError { line: position.line, column: position.column, message }
    }

    /// Consumes characters while `keep` holds and returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let start = self.offset;
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
        self.text.get(start..self.offset).unwrap_or("")
    }

    fn number(&mut self) -> &'a str {
        let start = self.offset;
        if self.peek() == Some('0') && matches!(self.peek_second(), Some('x' | 'X')) {
            self.bump();
            self.bump();
            self.take_while(|c| c.is_ascii_hexdigit());
            return self.text.get(start..self.offset).unwrap_or("");
        }
        self.take_while(|c| c.is_ascii_digit());
        if self.peek() == Some('.') && self.peek_second().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
            self.take_while(|c| c.is_ascii_digit());
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let rest = self.text.get(self.offset + 1..).unwrap_or("");
            let digits_at = usize::from(rest.starts_with(['+', '-']));
            if rest.get(digits_at..).is_some_and(|tail| tail.starts_with(|c: char| c.is_ascii_digit())) {
                self.bump();
                if digits_at == 1 {
                    self.bump();
                }
                self.take_while(|c| c.is_ascii_digit());
            }
        }
        self.text.get(start..self.offset).unwrap_or("")
    }

    /// A string literal; the opening quote is the next character.
    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.position();
        self.bump();
        let mut value = String::new();
        loop {
            let escape_position = self.position();
            match self.bump() {
                None | Some('\n') => return Err(self.error(start, "unterminated string literal".to_owned())),
                Some('"') => return Ok(value),
                Some('\\') => match self.bump() {
                    Some('\\') => value.push('\\'),
                    Some('"') => value.push('"'),
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some('t') => value.push('\t'),
                    Some('u') if self.peek() == Some('{') => {
                        self.bump();
                        let digits = self.take_while(|c| c.is_ascii_hexdigit());
                        let c = u32::from_str_radix(digits, 16).ok().and_then(char::from_u32);
                        match (c, self.bump()) {
                            (Some(c), Some('}')) => value.push(c),
                            _ => {
                                return Err(self.error(
                                    escape_position,
                                    "invalid unicode escape: expected \\u{hex digits of a character}"
                                        .to_owned(),
                                ));
                            }
                        }
                    }
                    other => {
                        let shown =
                            other.map_or_else(|| "the end of the input".to_owned(), |c| format!("{c:?}"));
                        return Err(self.error(
                            escape_position,
                            format!("unknown escape sequence: '\\' followed by {shown} (known: \\\\ \\\" \\n \\r \\t \\u{{..}})"),
                        ));
                    }
                },
                Some(c) => value.push(c),
            }
        }
    }
}

/// Splits the text into tokens, ending with `Eof`.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token<'_>>, ParseError> {
    let mut lexer = Lexer { text, offset: 0, line: 1, column: 1 };
    let mut tokens = Vec::new();
    while let Some(c) = lexer.peek() {
        let position = lexer.position();
        let kind = match c {
            '\n' => {
                lexer.bump();
                TokenKind::Newline
            }
            c if c.is_whitespace() => {
                lexer.bump();
                continue;
            }
            ';' => {
                lexer.take_while(|c| c != '\n');
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                TokenKind::Ident(lexer.take_while(|c| c.is_ascii_alphanumeric() || c == '_'))
            }
            c if c.is_ascii_digit() => TokenKind::Number(lexer.number()),
            '"' => TokenKind::Str(lexer.string()?),
            '@' => {
                lexer.bump();
                match lexer.peek() {
                    Some('"') => TokenKind::FunctionName(lexer.string()?),
                    Some(c) if c.is_alphabetic() || c == '_' => TokenKind::FunctionName(
                        lexer.take_while(|c| c.is_alphanumeric() || c == '_' || c == '.').to_owned(),
                    ),
                    _ => {
                        return Err(lexer.error(
                            position,
                            "expected a function name after '@' (an identifier or a quoted string)"
                                .to_owned(),
                        ));
                    }
                }
            }
            '-' => {
                lexer.bump();
                if lexer.peek() == Some('>') {
                    lexer.bump();
                    TokenKind::Arrow
                } else {
                    TokenKind::Minus
                }
            }
            _ => {
                lexer.bump();
                match c {
                    '(' => TokenKind::LeftParen,
                    ')' => TokenKind::RightParen,
                    '{' => TokenKind::LeftBrace,
                    '}' => TokenKind::RightBrace,
                    ',' => TokenKind::Comma,
                    ':' => TokenKind::Colon,
                    '=' => TokenKind::Equals,
                    '.' => TokenKind::Dot,
                    other => return Err(lexer.error(position, format!("unexpected character {other:?}"))),
                }
            }
        };
        tokens.push(Token { kind, position });
    }
    tokens.push(Token { kind: TokenKind::Eof, position: lexer.position() });
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let actual = match tokenize(input) {
            Ok(tokens) => {
                let kinds: Vec<String> = tokens.iter().map(|token| format!("{:?}", token.kind)).collect();
                kinds.join(" ")
            }
            Err(error) => format!("error: {error}"),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn tokens() {
        check(
            "v1 = iconst.int64 -5 ; comment",
            r#"Ident("v1") Equals Ident("iconst") Dot Ident("int64") Minus Number("5") Eof"#,
        );
        check(
            "1e-7 2d 0x7ff8 1.5e3 3e",
            r#"Number("1e-7") Number("2") Ident("d") Number("0x7ff8") Number("1.5e3") Number("3") Ident("e") Eof"#,
        );
        check(
            "@f.g(@\"<x>\") -> {}\n",
            r#"FunctionName("f.g") LeftParen FunctionName("<x>") RightParen Arrow LeftBrace RightBrace Newline Eof"#,
        );
        check(r#""a\n\u{e9}\"""#, r#"Str("a\né\"") Eof"#);
    }

    #[test]
    fn errors_have_positions() {
        check("v1 = $", "error: unexpected character '$' at 1:6");
        check("\n  \"abc", "error: unterminated string literal at 2:3");
        check(
            r#""\q""#,
            r#"error: unknown escape sequence: '\' followed by 'q' (known: \\ \" \n \r \t \u{..}) at 1:2"#,
        );
        check("@ x", "error: expected a function name after '@' (an identifier or a quoted string) at 1:1");
        check(
            r#""\u{110000}""#,
            r#"error: invalid unicode escape: expected \u{hex digits of a character} at 1:2"#,
        );
    }
}
