//! Number literals: CPython's scanning rules, and the conversion of the text to a value.
//!
//! The scanner follows CPython 3.11's tokenizer step by step rather than a regular
//! expression, because what CPython accepts right after a literal is irregular: `1if x else 2`
//! and `1or 2` are valid (a keyword may be glued to a number), while `1abc`, `1_` and `0x1g` are
//! "invalid ... literal" errors.

use std::fmt::Write as _;

use numjit_ast::Int;

use crate::token::{LexicalErrorKind, Tok};

/// Which kind of literal the scanner found; the value is computed from the text later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumberKind {
    Int { radix: u32 },
    Float,
    Imaginary,
}

/// A literal CPython rejects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumberError {
    /// `invalid decimal literal` and its hexadecimal/octal/binary/imaginary siblings.
    Invalid(&'static str),
    /// `invalid digit '8' in octal literal`.
    InvalidDigit { digit: u8, base: &'static str },
    /// `0123`: CPython refuses C-style octal.
    LeadingZeros,
}

impl NumberError {
    pub(super) fn into_error_kind(self) -> LexicalErrorKind {
        match self {
            NumberError::Invalid(message) => LexicalErrorKind::InvalidNumber(message),
            NumberError::InvalidDigit { digit, base } => LexicalErrorKind::Other(
                format!("invalid digit '{}' in {base} literal", char::from(digit)).into(),
            ),
            NumberError::LeadingZeros => LexicalErrorKind::InvalidNumber(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
            ),
        }
    }
}

const INVALID_DECIMAL: NumberError = NumberError::Invalid("invalid decimal literal");

type ScanResult = Result<(usize, NumberKind), (NumberError, usize)>;

/// A position in the source bytes; reading past the end yields NUL, which no rule accepts
/// (real NUL bytes are rejected before lexing starts).
struct Cursor<'a> {
    bytes: &'a [u8],
    idx: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> u8 {
        self.peek_at(0)
    }
    fn peek_at(&self, ahead: usize) -> u8 {
        self.bytes.get(self.idx + ahead).copied().unwrap_or(0)
    }
    fn starts_with_at(&self, ahead: usize, text: &[u8]) -> bool {
        self.bytes.get(self.idx + ahead..).is_some_and(|rest| rest.starts_with(text))
    }
    fn error<T>(&self, error: NumberError) -> Result<T, (NumberError, usize)> {
        Err((error, self.idx))
    }
}

/// Scans the literal starting at `start` (a digit, or a `.` followed by a digit). Returns its
/// end offset and kind, or the error and the offset where scanning stopped.
pub(super) fn scan(bytes: &[u8], start: usize) -> ScanResult {
    let mut cur = Cursor { bytes, idx: start + 1 };
    match bytes.get(start) {
        Some(b'.') => fraction(cur),
        Some(b'0') => match cur.peek() {
            b'x' | b'X' => {
                cur.idx += 1;
                radix_int(cur, 16, "hexadecimal", NumberError::Invalid("invalid hexadecimal literal"))
            }
            b'o' | b'O' => {
                cur.idx += 1;
                radix_int(cur, 8, "octal", NumberError::Invalid("invalid octal literal"))
            }
            b'b' | b'B' => {
                cur.idx += 1;
                radix_int(cur, 2, "binary", NumberError::Invalid("invalid binary literal"))
            }
            _ => after_leading_zero(cur),
        },
        _ => {
            decimal_tail(&mut cur)?;
            after_integer_part(cur, false)
        }
    }
}

/// Consumes digits and single underscores between digits; the digit before is consumed.
fn decimal_tail(cur: &mut Cursor<'_>) -> Result<(), (NumberError, usize)> {
    loop {
        while cur.peek().is_ascii_digit() {
            cur.idx += 1;
        }
        if cur.peek() != b'_' {
            return Ok(());
        }
        cur.idx += 1;
        if !cur.peek().is_ascii_digit() {
            return cur.error(INVALID_DECIMAL);
        }
    }
}

/// A decimal literal that started with `0`: zeros only, unless it turns out to be a float or
/// an imaginary literal (`0123.5` and `0123j` are fine, `0123` is not).
fn after_leading_zero(mut cur: Cursor<'_>) -> ScanResult {
    loop {
        if cur.peek() == b'_' {
            cur.idx += 1;
            if !cur.peek().is_ascii_digit() {
                return cur.error(INVALID_DECIMAL);
            }
        }
        if cur.peek() != b'0' {
            break;
        }
        cur.idx += 1;
    }
    let nonzero = cur.peek().is_ascii_digit();
    if nonzero {
        cur.idx += 1;
        decimal_tail(&mut cur)?;
    }
    match cur.peek() {
        b'.' | b'e' | b'E' | b'j' | b'J' => after_integer_part(cur, false),
        _ if nonzero => cur.error(NumberError::LeadingZeros),
        _ => {
            verify_end(&cur, INVALID_DECIMAL)?;
            Ok((cur.idx, NumberKind::Int { radix: 10 }))
        }
    }
}

/// After the digits before any `.`: a fraction, exponent or `j` may follow.
fn after_integer_part(mut cur: Cursor<'_>, is_float: bool) -> ScanResult {
    match cur.peek() {
        b'.' => {
            cur.idx += 1;
            fraction(cur)
        }
        b'e' | b'E' => exponent(cur, is_float),
        b'j' | b'J' => imaginary(cur),
        _ => {
            verify_end(&cur, INVALID_DECIMAL)?;
            let kind = if is_float { NumberKind::Float } else { NumberKind::Int { radix: 10 } };
            Ok((cur.idx, kind))
        }
    }
}

/// After the `.` of a float.
fn fraction(mut cur: Cursor<'_>) -> ScanResult {
    if cur.peek().is_ascii_digit() {
        cur.idx += 1;
        decimal_tail(&mut cur)?;
    }
    match cur.peek() {
        b'e' | b'E' => exponent(cur, true),
        b'j' | b'J' => imaginary(cur),
        _ => {
            verify_end(&cur, INVALID_DECIMAL)?;
            Ok((cur.idx, NumberKind::Float))
        }
    }
}

/// At an `e`/`E`. Without digits after it, the `e` may begin a keyword (`1else`), in which case
/// the literal ends before it.
fn exponent(mut cur: Cursor<'_>, is_float: bool) -> ScanResult {
    let e_idx = cur.idx;
    cur.idx += 1;
    if matches!(cur.peek(), b'+' | b'-') {
        cur.idx += 1;
        if !cur.peek().is_ascii_digit() {
            return cur.error(INVALID_DECIMAL);
        }
    } else if !cur.peek().is_ascii_digit() {
        cur.idx = e_idx;
        verify_end(&cur, INVALID_DECIMAL)?;
        let kind = if is_float { NumberKind::Float } else { NumberKind::Int { radix: 10 } };
        return Ok((e_idx, kind));
    }
    cur.idx += 1;
    decimal_tail(&mut cur)?;
    match cur.peek() {
        b'j' | b'J' => imaginary(cur),
        _ => {
            verify_end(&cur, INVALID_DECIMAL)?;
            Ok((cur.idx, NumberKind::Float))
        }
    }
}

/// At the `j`/`J` of an imaginary literal.
fn imaginary(mut cur: Cursor<'_>) -> ScanResult {
    cur.idx += 1;
    verify_end(&cur, NumberError::Invalid("invalid imaginary literal"))?;
    Ok((cur.idx, NumberKind::Imaginary))
}

/// After `0x`/`0o`/`0b`.
fn radix_int(mut cur: Cursor<'_>, radix: u32, base: &'static str, invalid: NumberError) -> ScanResult {
    let is_radix_digit = |b: u8| char::from(b).is_digit(radix);
    // Octal and binary literals name the offending decimal digit, as CPython does.
    let bad_digit = |cur: &Cursor<'_>| {
        let digit = cur.peek();
        (radix != 16 && digit.is_ascii_digit()).then_some(NumberError::InvalidDigit { digit, base })
    };
    loop {
        if cur.peek() == b'_' {
            cur.idx += 1;
        }
        if !is_radix_digit(cur.peek()) {
            return cur.error(bad_digit(&cur).unwrap_or(invalid));
        }
        while is_radix_digit(cur.peek()) {
            cur.idx += 1;
        }
        if cur.peek() != b'_' {
            break;
        }
    }
    if let Some(error) = bad_digit(&cur) {
        return cur.error(error);
    }
    verify_end(&cur, invalid)?;
    Ok((cur.idx, NumberKind::Int { radix }))
}

/// CPython's `verify_end_of_number`: a literal must not run into an identifier, except that
/// a following `and`, `else`, `for`, `if`, `in`, `is`, `or` or `not` is tolerated (with a
/// deprecation warning in CPython) because old code such as `1if x else 2` relies on it. Like
/// CPython, only ASCII letters count here: `1é` is the number `1` followed by the name `é`.
fn verify_end(cur: &Cursor<'_>, error: NumberError) -> Result<(), (NumberError, usize)> {
    let keyword_follows = |rest: &[u8]| {
        cur.starts_with_at(1, rest) && !is_potential_identifier_char(cur.peek_at(1 + rest.len()))
    };
    let c = cur.peek();
    let tolerated = match c {
        b'a' => keyword_follows(b"nd"),
        b'e' => keyword_follows(b"lse"),
        b'f' => keyword_follows(b"or"),
        // CPython checks one letter only here, so `1iffy` ends the literal too.
        b'i' => matches!(cur.peek_at(1), b'f' | b'n' | b's'),
        b'o' => keyword_follows(b"r"),
        b'n' => keyword_follows(b"ot"),
        _ => false,
    };
    if !tolerated && (c.is_ascii_alphanumeric() || c == b'_') {
        return cur.error(error);
    }
    Ok(())
}

fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The token for a literal `scan` accepted.
pub(super) fn to_token(text: &str, kind: NumberKind) -> Result<Tok, LexicalErrorKind> {
    match kind {
        NumberKind::Int { radix: 10 } => Ok(Tok::Int { value: decimal_int(text) }),
        NumberKind::Int { radix } => {
            let digits = text.get(2..).unwrap_or_default();
            Ok(Tok::Int { value: radix_int_value(digits, radix) })
        }
        NumberKind::Float => Ok(Tok::Float { value: parse_float(text)? }),
        NumberKind::Imaginary => {
            let without_j = text.get(..text.len().saturating_sub(1)).unwrap_or_default();
            Ok(Tok::Complex { imag: parse_float(without_j)? })
        }
    }
}

fn digit_values(digits: &str, radix: u32) -> impl Iterator<Item = u32> + '_ {
    digits.chars().filter_map(move |c| c.to_digit(radix))
}

fn decimal_int(text: &str) -> Int {
    if let Some(value) = small_int(text, 10) {
        return Int::Small(value);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).skip_while(|&c| c == '0').collect();
    Int::Big(digits.into())
}

fn radix_int_value(digits: &str, radix: u32) -> Int {
    match small_int(digits, radix) {
        Some(value) => Int::Small(value),
        None => Int::Big(to_decimal(digit_values(digits, radix), radix).into()),
    }
}

/// The value of `digits` (underscores allowed) if it fits in a `u64`.
fn small_int(digits: &str, radix: u32) -> Option<u64> {
    digit_values(digits, radix)
        .try_fold(0u64, |acc, digit| acc.checked_mul(u64::from(radix))?.checked_add(u64::from(digit)))
}

/// Converts digits in `radix` (most significant first) to decimal text without leading zeros.
///
/// Schoolbook base conversion into base-10⁹ limbs, feeding several input digits per pass;
/// quadratic, which is fine for the literal sizes found in source code.
fn to_decimal(digits: impl Iterator<Item = u32>, radix: u32) -> String {
    const LIMB_BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u32> = Vec::new();
    let multiply_add = |limbs: &mut Vec<u32>, factor: u64, addend: u64| {
        let mut carry = addend;
        for limb in limbs.iter_mut() {
            let value = u64::from(*limb) * factor + carry;
            *limb = (value % LIMB_BASE) as u32;
            carry = value / LIMB_BASE;
        }
        while carry > 0 {
            limbs.push((carry % LIMB_BASE) as u32);
            carry /= LIMB_BASE;
        }
    };
    let (mut chunk, mut chunk_factor) = (0u64, 1u64);
    for digit in digits {
        chunk = chunk * u64::from(radix) + u64::from(digit);
        chunk_factor *= u64::from(radix);
        // Keeps `limb * chunk_factor + carry` well inside u64.
        if chunk_factor >= 1 << 28 {
            multiply_add(&mut limbs, chunk_factor, chunk);
            (chunk, chunk_factor) = (0, 1);
        }
    }
    if chunk_factor > 1 {
        multiply_add(&mut limbs, chunk_factor, chunk);
    }
    let mut text = String::with_capacity(limbs.len() * 9);
    let mut from_most_significant = limbs.iter().rev();
    match from_most_significant.next() {
        Some(limb) => text.push_str(&limb.to_string()),
        None => text.push('0'),
    }
    for limb in from_most_significant {
        // Writing into a `String` cannot fail.
        let _ = write!(text, "{limb:09}");
    }
    text
}

fn parse_float(text: &str) -> Result<f64, LexicalErrorKind> {
    let parsed = if text.contains('_') { text.replace('_', "").parse() } else { text.parse() };
    parsed.map_err(|_| LexicalErrorKind::InvalidNumber("invalid decimal literal"))
}
