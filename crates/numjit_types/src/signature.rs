//! Signature strings: `"float64(int64, float64[:, ::1])"`, parsed by our own grammar.
//!
//! Numba evaluates signature strings as Python code in its `types` namespace; numjit never
//! evaluates user text. The accepted syntax is the part of that namespace people write:
//!
//! ```text
//! signature := [type] "(" [type ("," type)* [","]] ")"
//! type      := ["types" "."] base ("[" dim ("," dim)* "]")?
//! base      := scalar-name | "none" | "void"
//!            | "UniTuple" "(" type "," INT ")" | "Tuple" "(" [type ("," type)*] ")"
//!            | ("optional" | "Optional") "(" type ")"
//!            | ["readonly"] "array" "(" type "," INT "d" "," ("C" | "F" | "A") ")"
//! dim       := ":" | "::1"
//! ```
//!
//! `float64[:, ::1]` is C-contiguous, `float64[::1, :]` Fortran, `float64[:, :]` any layout.

use std::fmt;

use text_size::{TextRange, TextSize};

use crate::{ArrayType, Layout, ScalarType, Type};

/// Argument types and, when given, the return type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub return_type: Option<Type>,
    pub args: Vec<Type>,
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(return_type) = &self.return_type {
            write!(f, "{return_type}")?;
        }
        f.write_str("(")?;
        for (arg_idx, arg) in self.args.iter().enumerate() {
            if arg_idx > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{arg}")?;
        }
        f.write_str(")")
    }
}

/// A malformed signature string: what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureError {
    pub message: String,
    /// Byte range in the signature string.
    pub range: TextRange,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at offset {})", self.message, u32::from(self.range.start()))
    }
}

impl std::error::Error for SignatureError {}

/// Parses a full signature (`"float64(int64, float64)"` or `"(int64,)"`).
pub fn parse_signature(text: &str) -> Result<Signature, SignatureError> {
    let mut parser = Parser::new(text)?;
    let return_type = if parser.peek() == &TokenKind::LeftParen { None } else { Some(parser.parse_type()?) };
    parser.expect(&TokenKind::LeftParen, "expected '(' to start the argument types")?;
    let args = parser.parse_type_list(&TokenKind::RightParen)?;
    parser.expect(&TokenKind::RightParen, "expected ')' after the argument types")?;
    parser.expect_end()?;
    Ok(Signature { return_type, args })
}

/// Parses a single type (`"float64[:, ::1]"`).
pub fn parse_type(text: &str) -> Result<Type, SignatureError> {
    let mut parser = Parser::new(text)?;
    let ty = parser.parse_type()?;
    parser.expect_end()?;
    Ok(ty)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum TokenKind {
    Name(String),
    Int(u64),
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    Dot,
    End,
}

impl TokenKind {
    fn describe(&self) -> String {
        match self {
            TokenKind::Name(name) => format!("'{name}'"),
            TokenKind::Int(value) => format!("'{value}'"),
            TokenKind::LeftParen => "'('".into(),
            TokenKind::RightParen => "')'".into(),
            TokenKind::LeftBracket => "'['".into(),
            TokenKind::RightBracket => "']'".into(),
            TokenKind::Comma => "','".into(),
            TokenKind::Colon => "':'".into(),
            TokenKind::Dot => "'.'".into(),
            TokenKind::End => "the end of the signature".into(),
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    range: TextRange,
}

/// Nesting limit for tuples and optionals: deeper signatures are rejected, not recursed into.
const MAX_DEPTH: usize = 64;

struct Parser {
    tokens: Vec<Token>,
    position: usize,
    depth: usize,
}

fn range(start: usize, end: usize) -> TextRange {
    let clamp = |offset: usize| TextSize::try_from(offset).unwrap_or(TextSize::from(u32::MAX));
    TextRange::new(clamp(start), clamp(end).max(clamp(start)))
}

fn tokenize(text: &str) -> Result<Vec<Token>, SignatureError> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = match c {
            c if c.is_whitespace() => continue,
            '(' => TokenKind::LeftParen,
            ')' => TokenKind::RightParen,
            '[' => TokenKind::LeftBracket,
            ']' => TokenKind::RightBracket,
            ',' => TokenKind::Comma,
            ':' => TokenKind::Colon,
            '.' => TokenKind::Dot,
            c if c.is_ascii_digit() => {
                let mut end = start + 1;
                while let Some(&(offset, next)) = chars.peek() {
                    if !next.is_ascii_digit() {
                        break;
                    }
                    end = offset + 1;
                    chars.next();
                }
                let value = text[start..end].parse().map_err(|_| SignatureError {
                    message: "number too large".into(),
                    range: range(start, end),
                })?;
                tokens.push(Token { kind: TokenKind::Int(value), range: range(start, end) });
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = start + 1;
                while let Some(&(offset, next)) = chars.peek() {
                    if !(next.is_ascii_alphanumeric() || next == '_') {
                        break;
                    }
                    end = offset + 1;
                    chars.next();
                }
                tokens.push(Token {
                    kind: TokenKind::Name(text[start..end].to_owned()),
                    range: range(start, end),
                });
                continue;
            }
            other => {
                return Err(SignatureError {
                    message: format!("unexpected character {other:?} in signature"),
                    range: range(start, start + other.len_utf8()),
                });
            }
        };
        tokens.push(Token { kind, range: range(start, start + 1) });
    }
    tokens.push(Token { kind: TokenKind::End, range: range(text.len(), text.len()) });
    Ok(tokens)
}

impl Parser {
    fn new(text: &str) -> Result<Self, SignatureError> {
        Ok(Parser { tokens: tokenize(text)?, position: 0, depth: 0 })
    }

    fn peek(&self) -> &TokenKind {
        self.tokens.get(self.position).map_or(&TokenKind::End, |token| &token.kind)
    }

    fn current(&self) -> Token {
        self.tokens
            .get(self.position)
            .or(self.tokens.last())
            .cloned()
            .unwrap_or(Token { kind: TokenKind::End, range: TextRange::default() })
    }

    fn advance(&mut self) -> Token {
        let token = self.current();
        if self.position < self.tokens.len() {
            self.position += 1;
        }
        token
    }

    fn error_here(&self, message: impl Into<String>) -> SignatureError {
        let token = self.current();
        SignatureError {
            message: format!("{}, found {}", message.into(), token.kind.describe()),
            range: token.range,
        }
    }

    fn expect(&mut self, kind: &TokenKind, message: &str) -> Result<Token, SignatureError> {
        if self.peek() == kind { Ok(self.advance()) } else { Err(self.error_here(message)) }
    }

    fn expect_end(&self) -> Result<(), SignatureError> {
        if self.peek() == &TokenKind::End {
            Ok(())
        } else {
            Err(self.error_here("unexpected text after the signature"))
        }
    }

    fn eat(&mut self, kind: &TokenKind) -> bool {
        if self.peek() == kind {
            self.advance();
            true
        } else {
            false
        }
    }

    /// `type ("," type)* [","]` up to (not including) `close`.
    fn parse_type_list(&mut self, close: &TokenKind) -> Result<Vec<Type>, SignatureError> {
        let mut types = Vec::new();
        while self.peek() != close {
            types.push(self.parse_type()?);
            if !self.eat(&TokenKind::Comma) {
                break;
            }
        }
        Ok(types)
    }

    fn parse_type(&mut self) -> Result<Type, SignatureError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here(format!("types nested more than {MAX_DEPTH} deep")));
        }
        let result = self.parse_type_inner();
        self.depth -= 1;
        result
    }

    fn parse_type_inner(&mut self) -> Result<Type, SignatureError> {
        let token = self.advance();
        let TokenKind::Name(mut name) = token.kind else {
            self.position = self.position.saturating_sub(1);
            return Err(self.error_here("expected a type"));
        };
        let mut name_range = token.range;
        // `types.float64`, as written after `from numba import types`.
        if name == "types" && self.eat(&TokenKind::Dot) {
            let token = self.advance();
            let TokenKind::Name(qualified) = token.kind else {
                self.position = self.position.saturating_sub(1);
                return Err(self.error_here("expected a type name after 'types.'"));
            };
            name = qualified;
            name_range = token.range;
        }
        let base = match name.as_str() {
            "UniTuple" => {
                self.expect(&TokenKind::LeftParen, "expected '(' after 'UniTuple'")?;
                let item = self.parse_type()?;
                self.expect(&TokenKind::Comma, "expected ',' and a count in 'UniTuple(type, count)'")?;
                let count_token = self.advance();
                let TokenKind::Int(count) = count_token.kind else {
                    self.position = self.position.saturating_sub(1);
                    return Err(self.error_here("expected the number of items in 'UniTuple(type, count)'"));
                };
                if count > 1024 {
                    return Err(SignatureError {
                        message: "UniTuple is limited to 1024 items".into(),
                        range: count_token.range,
                    });
                }
                self.expect(&TokenKind::RightParen, "expected ')' to close 'UniTuple('")?;
                Type::Tuple(vec![item; usize::try_from(count).unwrap_or(0)])
            }
            "Tuple" => {
                self.expect(&TokenKind::LeftParen, "expected '(' after 'Tuple'")?;
                let items = self.parse_type_list(&TokenKind::RightParen)?;
                self.expect(&TokenKind::RightParen, "expected ')' to close 'Tuple('")?;
                Type::Tuple(items)
            }
            "optional" | "Optional" => {
                self.expect(&TokenKind::LeftParen, "expected '(' after 'optional'")?;
                let inner = self.parse_type()?;
                self.expect(&TokenKind::RightParen, "expected ')' to close 'optional('")?;
                Type::Optional(Box::new(inner))
            }
            "readonly" => {
                let array = self.parse_type()?;
                match array {
                    Type::Array(array) => Type::Array(ArrayType { readonly: true, ..array }),
                    _ => {
                        return Err(SignatureError {
                            message: "'readonly' applies only to array types".into(),
                            range: name_range,
                        });
                    }
                }
            }
            "array" | "Array" => self.parse_array_call()?,
            _ => scalar_or_none(&name)
                .ok_or_else(|| SignatureError { message: unknown_type_message(&name), range: name_range })?,
        };
        if self.peek() == &TokenKind::LeftBracket {
            return self.parse_array_suffix(base, name_range);
        }
        Ok(base)
    }

    /// `array(float64, 2d, C)` after the name.
    fn parse_array_call(&mut self) -> Result<Type, SignatureError> {
        self.expect(&TokenKind::LeftParen, "expected '(' after 'array'")?;
        let dtype_start = self.current().range;
        let dtype = match self.parse_type()? {
            Type::Scalar(scalar) => scalar,
            other => {
                return Err(SignatureError {
                    message: format!("array elements must be a scalar type, not {other}"),
                    range: dtype_start,
                });
            }
        };
        self.expect(&TokenKind::Comma, "expected ',' and the number of dimensions ('2d')")?;
        let ndim_token = self.advance();
        let ndim = match (&ndim_token.kind, self.peek()) {
            (TokenKind::Int(ndim), TokenKind::Name(suffix)) if suffix == "d" => {
                self.advance();
                *ndim
            }
            _ => {
                self.position = self.position.saturating_sub(1);
                return Err(self.error_here("expected the number of dimensions, like '2d'"));
            }
        };
        let ndim = u8::try_from(ndim).ok().filter(|&ndim| ndim <= 32).ok_or_else(|| SignatureError {
            message: "arrays have at most 32 dimensions".into(),
            range: ndim_token.range,
        })?;
        self.expect(&TokenKind::Comma, "expected ',' and the layout (C, F or A)")?;
        let layout_token = self.advance();
        let layout = match &layout_token.kind {
            TokenKind::Name(layout) if layout == "C" => Layout::C,
            TokenKind::Name(layout) if layout == "F" => Layout::F,
            TokenKind::Name(layout) if layout == "A" => Layout::A,
            _ => {
                self.position = self.position.saturating_sub(1);
                return Err(self.error_here("expected the layout C, F or A"));
            }
        };
        self.expect(&TokenKind::RightParen, "expected ')' to close 'array('")?;
        Ok(Type::Array(ArrayType::new(dtype, ndim, layout)))
    }

    /// `[:, ::1]` after a scalar type.
    fn parse_array_suffix(&mut self, base: Type, base_range: TextRange) -> Result<Type, SignatureError> {
        let Type::Scalar(dtype) = base else {
            return Err(SignatureError {
                message: format!("only scalar types can be array elements, not {base}"),
                range: base_range,
            });
        };
        self.expect(&TokenKind::LeftBracket, "expected '['")?;
        let mut contiguous_dims = Vec::new();
        loop {
            let dim_start = self.current().range.start();
            self.expect(&TokenKind::Colon, "expected ':' or '::1' for each dimension")?;
            let contiguous = if self.eat(&TokenKind::Colon) {
                match self.advance().kind {
                    TokenKind::Int(1) => true,
                    _ => {
                        self.position = self.position.saturating_sub(1);
                        return Err(self.error_here("only '::1' (unit stride) may follow '::'"));
                    }
                }
            } else {
                false
            };
            let dim_end =
                self.tokens.get(self.position.saturating_sub(1)).map_or(dim_start, |token| token.range.end());
            contiguous_dims.push((contiguous, TextRange::new(dim_start, dim_end.max(dim_start))));
            if !self.eat(&TokenKind::Comma) {
                break;
            }
            if self.peek() == &TokenKind::RightBracket {
                break;
            }
        }
        self.expect(&TokenKind::RightBracket, "expected ']' to close the dimensions")?;
        let ndim = contiguous_dims.len();
        let n_contiguous = contiguous_dims.iter().filter(|(contiguous, _)| *contiguous).count();
        let layout = match n_contiguous {
            0 => Layout::A,
            1 if contiguous_dims.last().is_some_and(|(contiguous, _)| *contiguous) => Layout::C,
            1 if contiguous_dims.first().is_some_and(|(contiguous, _)| *contiguous) => Layout::F,
            _ => {
                let misplaced = contiguous_dims
                    .iter()
                    .filter(|(contiguous, _)| *contiguous)
                    .nth(usize::from(n_contiguous > 1));
                return Err(SignatureError {
                    message:
                        "'::1' must be on the last dimension (C layout) or the first (Fortran layout), once"
                            .into(),
                    range: misplaced.map_or(base_range, |(_, range)| *range),
                });
            }
        };
        let ndim = u8::try_from(ndim).ok().filter(|&ndim| ndim <= 32).ok_or_else(|| SignatureError {
            message: "arrays have at most 32 dimensions".into(),
            range: base_range,
        })?;
        Ok(Type::Array(ArrayType::new(dtype, ndim, layout)))
    }
}

/// Names of scalar types and their NumPy/Numba aliases.
const SCALAR_NAMES: &[(&str, ScalarType)] = &[
    ("bool", ScalarType::Bool),
    ("bool_", ScalarType::Bool),
    ("boolean", ScalarType::Bool),
    ("b1", ScalarType::Bool),
    ("int8", ScalarType::Int8),
    ("i1", ScalarType::Int8),
    ("int16", ScalarType::Int16),
    ("i2", ScalarType::Int16),
    ("int32", ScalarType::Int32),
    ("i4", ScalarType::Int32),
    ("intc", ScalarType::Int32),
    ("int64", ScalarType::Int64),
    ("i8", ScalarType::Int64),
    ("intp", ScalarType::Int64),
    ("int_", ScalarType::Int64),
    ("uint8", ScalarType::UInt8),
    ("u1", ScalarType::UInt8),
    ("byte", ScalarType::UInt8),
    ("uint16", ScalarType::UInt16),
    ("u2", ScalarType::UInt16),
    ("uint32", ScalarType::UInt32),
    ("u4", ScalarType::UInt32),
    ("uintc", ScalarType::UInt32),
    ("uint64", ScalarType::UInt64),
    ("u8", ScalarType::UInt64),
    ("uintp", ScalarType::UInt64),
    ("float32", ScalarType::Float32),
    ("f4", ScalarType::Float32),
    ("single", ScalarType::Float32),
    ("float64", ScalarType::Float64),
    ("f8", ScalarType::Float64),
    ("double", ScalarType::Float64),
    ("float_", ScalarType::Float64),
    ("complex64", ScalarType::Complex64),
    ("c8", ScalarType::Complex64),
    ("csingle", ScalarType::Complex64),
    ("complex128", ScalarType::Complex128),
    ("c16", ScalarType::Complex128),
    ("cdouble", ScalarType::Complex128),
    ("complex_", ScalarType::Complex128),
];

fn scalar_or_none(name: &str) -> Option<Type> {
    if matches!(name, "none" | "void" | "None") {
        return Some(Type::NoneType);
    }
    SCALAR_NAMES.iter().find(|(alias, _)| *alias == name).map(|(_, scalar)| Type::Scalar(*scalar))
}

/// "unknown type 'flaot64'", with the closest known name when one is close.
fn unknown_type_message(name: &str) -> String {
    let candidates = SCALAR_NAMES
        .iter()
        .map(|(alias, _)| *alias)
        .chain(["none", "void", "UniTuple", "Tuple", "optional", "array", "readonly"]);
    let best = candidates
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .min_by_key(|(distance, _)| *distance)
        .filter(|(distance, candidate)| *distance <= 2 && *distance < candidate.len());
    match best {
        Some((_, suggestion)) => format!("unknown type '{name}'; did you mean '{suggestion}'?"),
        None => format!("unknown type '{name}'"),
    }
}

/// Levenshtein distance (names here are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (a_idx, a_char) in a.chars().enumerate() {
        let mut current = vec![a_idx + 1; b.len() + 1];
        for (b_idx, b_char) in b.iter().enumerate() {
            let substitution = previous[b_idx] + usize::from(a_char != *b_char);
            current[b_idx + 1] = substitution.min(previous[b_idx + 1] + 1).min(current[b_idx] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(signature: &str, expected: &str) {
        match parse_signature(signature) {
            Ok(parsed) => assert_eq!(parsed.to_string(), expected, "{signature}"),
            Err(error) => assert_eq!(format!("error: {error}"), expected, "{signature}"),
        }
    }

    #[test]
    fn scalars_aliases_and_arrays() {
        check("float64(int64, float64[:, ::1])", "float64(int64, array(float64, 2d, C))");
        check("f8(i4, i4)", "float64(int32, int32)");
        check("void(float32[::1, :], uint8[:])", "none(array(float32, 2d, F), array(uint8, 1d, A))");
        check("(int64, boolean)", "(int64, bool)");
        check("(int64,)", "(int64)");
        check("int64()", "int64()");
        check("c16(complex64[::1])", "complex128(array(complex64, 1d, C))");
        check("types.float64(types.intp)", "float64(int64)");
        check("float64(float64[:, :, :])", "float64(array(float64, 3d, A))");
    }

    #[test]
    fn tuples_optionals_and_explicit_arrays() {
        check("UniTuple(int64, 3)(Tuple(int64, float64))", "UniTuple(int64 x 3)(Tuple(int64, float64))");
        check("optional(float64)(int64)", "OptionalType(float64)(int64)");
        check(
            "float64(array(float32, 2d, F), readonly array(int8, 1d, C))",
            "float64(array(float32, 2d, F), readonly array(int8, 1d, C))",
        );
        assert_eq!(
            parse_type("int16[:, ::1]"),
            Ok(Type::Array(ArrayType::new(ScalarType::Int16, 2, Layout::C)))
        );
    }

    #[test]
    fn errors_name_the_problem_and_its_place() {
        let error = parse_signature("float64(flaot64)").unwrap_err();
        assert_eq!(error.message, "unknown type 'flaot64'; did you mean 'float64'?");
        assert_eq!(error.range, TextRange::new(8.into(), 15.into()));
        check(
            "float64(int64",
            "error: expected ')' after the argument types, found the end of the signature (at offset 13)",
        );
        check(
            "float64(int64[:, ::2])",
            "error: only '::1' (unit stride) may follow '::', found '2' (at offset 19)",
        );
        check(
            "float64(int64[:, ::1, :])",
            "error: '::1' must be on the last dimension (C layout) or the first (Fortran layout), once (at offset 17)",
        );
        check(
            "float64(int64) extra",
            "error: unexpected text after the signature, found 'extra' (at offset 15)",
        );
        check(
            "__import__('os').system('x')",
            "error: unexpected character '\\'' in signature (at offset 11)",
        );
        check("os.system(x)", "error: unknown type 'os' (at offset 0)");
        check("float64(€)", "error: unexpected character '€' in signature (at offset 8)");
        check("readonly int64()", "error: 'readonly' applies only to array types (at offset 0)");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}int64{}", "optional(".repeat(10_000), ")".repeat(10_000));
        let error = parse_type(&deep).unwrap_err();
        assert!(error.message.starts_with("types nested more than 64 deep"), "{error}");
        let ok = format!("{}int64{}", "optional(".repeat(32), ")".repeat(32));
        assert!(parse_type(&ok).is_ok());
    }
}
