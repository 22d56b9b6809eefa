//! Exception messages: CPython's texts for the errors lowering checks for, and `str()` of
//! the constant arguments of `raise Exc(args)` and `assert cond, msg`.
//!
//! The texts are CPython 3.11's (the reference the execution tests compare against).

use numjit_sema::ConstValue;
use numjit_sema::hir::{BinaryOp, CmpOp, UnaryOp};
use numjit_types::{ScalarType, Type};

pub(crate) const RANGE_STEP_ZERO: &str = "range() arg 3 must not be zero";
pub(crate) const SLICE_STEP_ZERO: &str = "slice step cannot be zero";
pub(crate) const NEGATIVE_SHIFT: &str = "negative shift count";
pub(crate) const MATH_DOMAIN: &str = "math domain error";
pub(crate) const INT_OF_NAN: &str = "cannot convert float NaN to integer";
pub(crate) const INT_OF_INF: &str = "cannot convert float infinity to integer";
pub(crate) const TUPLE_INDEX: &str = "tuple index out of range";
/// `t.index(x)` when no item equals `x`.
pub(crate) const TUPLE_INDEX_MISSING: &str = "tuple.index(x): x not in tuple";
/// `min()` of an empty range.
pub(crate) const MIN_EMPTY: &str = "min() arg is an empty sequence";
/// `max()` of an empty range.
pub(crate) const MAX_EMPTY: &str = "max() arg is an empty sequence";
pub(crate) const ZERO_NEGATIVE_POWER: &str = "0.0 cannot be raised to a negative power";
pub(crate) const ZERO_COMPLEX_POWER: &str = "0.0 to a negative or complex power";

/// NumPy's ValueError for a negative extent given to an array constructor.
pub(crate) const NEGATIVE_DIMENSIONS: &str = "negative dimensions are not allowed";

/// NumPy's IndexError for an array index out of bounds along `axis`: a template whose two
/// `{}` are the index and the extent (see `raise` with operands).
pub(crate) fn array_index_out_of_bounds(axis: u32) -> String {
    format!("index {{}} is out of bounds for axis {axis} with size {{}}")
}

/// `type(x).__name__` in CPython for a value of type `ty`; an optional names its value's
/// type (the `None` case is spelled out by the callers).
pub(crate) fn type_name(ty: &Type) -> &'static str {
    match ty {
        Type::Scalar(ScalarType::Bool) => "bool",
        Type::Scalar(scalar) if scalar.is_complex() => "complex",
        Type::Scalar(scalar) if scalar.is_float() => "float",
        Type::Scalar(_) => "int",
        Type::NoneType => NONE_TYPE,
        Type::Optional(inner) => type_name(inner),
        Type::Tuple(_) => "tuple",
        Type::Range(_) => "range",
        Type::Str => "str",
        Type::Array(_) => "numpy.ndarray",
        Type::Flat(_) => "numpy.flatiter",
    }
}

/// `type(None).__name__`.
pub(crate) const NONE_TYPE: &str = "NoneType";

/// CPython's TypeError for a binary operator on `None` (`x + 1`, `x **= 2`).
pub(crate) fn binary_operand_none(op: BinaryOp, in_place: bool, lhs: &str, rhs: &str) -> String {
    let symbol = match (op, in_place) {
        (BinaryOp::Pow, false) => "** or pow()".to_string(),
        (op, true) => format!("{}=", op.as_str()),
        (op, false) => op.as_str().to_string(),
    };
    format!("unsupported operand type(s) for {symbol}: '{lhs}' and '{rhs}'")
}

/// CPython's TypeError for an ordering comparison with `None` (`x < 3`).
pub(crate) fn compare_operand_none(op: CmpOp, lhs: &str, rhs: &str) -> String {
    format!("'{}' not supported between instances of '{lhs}' and '{rhs}'", op.as_str())
}

/// CPython's TypeError for a unary operator on `None` (`-x`).
pub(crate) fn unary_operand_none(op: UnaryOp) -> String {
    format!("bad operand type for unary {}: 'NoneType'", op.as_str())
}

/// The TypeError for an optional that is `None` where a value of type `to` is needed and
/// no CPython operation names the context (Numba's wording).
pub(crate) fn expected_got_none(to: &Type) -> String {
    format!("expected {to}, got None")
}

/// CPython's `UnboundLocalError` message for `name`.
pub(crate) fn unbound_local(name: &str) -> String {
    format!("cannot access local variable '{name}' where it is not associated with a value")
}

/// `str(exc)` for an exception built from these constant arguments.
pub(crate) fn exception_message(args: &[ConstValue]) -> String {
    match args {
        [] => String::new(),
        [single] => to_str(single),
        many => {
            let items: Vec<String> = many.iter().map(to_repr).collect();
            format!("({})", items.join(", "))
        }
    }
}

/// [`exception_message`] with run-time integers (`None` items) as `{}` placeholders of a
/// `raise` with operands; `None` when the constants would put braces of their own in such
/// a message.
pub(crate) fn exception_message_with_ints(args: &[Option<ConstValue>]) -> Option<String> {
    let text = |value: &Option<ConstValue>, repr: bool| match value {
        Some(value) if repr => to_repr(value),
        Some(value) => to_str(value),
        None => "{}".to_string(),
    };
    let constant_braces = |value: &Option<ConstValue>, repr: bool| {
        value.is_some() && {
            let text = text(value, repr);
            text.contains('{') || text.contains('}')
        }
    };
    let repr = args.len() > 1;
    if args.iter().any(|arg| constant_braces(arg, repr)) {
        return None;
    }
    Some(match args {
        [] => String::new(),
        [single] => text(single, false),
        many => {
            let items: Vec<String> = many.iter().map(|arg| text(arg, true)).collect();
            format!("({})", items.join(", "))
        }
    })
}

/// Python's `str(value)`.
pub(crate) fn to_str(value: &ConstValue) -> String {
    match value {
        ConstValue::Str(text) => text.clone(),
        other => to_repr(other),
    }
}

/// Python's `repr(value)`.
pub(crate) fn to_repr(value: &ConstValue) -> String {
    match value {
        ConstValue::None => "None".to_string(),
        ConstValue::Bool(value) => if *value { "True" } else { "False" }.to_string(),
        ConstValue::Int(value) => value.to_string(),
        ConstValue::UInt(value) => value.to_string(),
        ConstValue::Float(value) => float_repr(*value),
        ConstValue::Complex { real, imag } => complex_repr(*real, *imag),
        ConstValue::Str(text) => string_repr(text),
        ConstValue::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(to_repr).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
    }
}

fn string_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a float: the shortest digits that read back, in positional
/// notation for exponents -4..16 and scientific notation (`1e+16`, `1e-05`) otherwise.
pub(crate) fn float_repr(value: f64) -> String {
    format_float(value, true)
}

fn format_float(value: f64, trailing_zero: bool) -> String {
    if value.is_nan() {
        return "nan".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // `{:e}` gives the shortest round-tripping digits: "1.2345e-5", "-3e0".
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let fraction = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}{fraction}e{exponent_sign}{:02}", exponent.abs());
    }
    let n_digits = digits.len() as i32;
    let text = if exponent < 0 {
        format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
    } else if exponent + 1 >= n_digits {
        let zeros = "0".repeat((exponent + 1 - n_digits) as usize);
        if trailing_zero { format!("{digits}{zeros}.0") } else { format!("{digits}{zeros}") }
    } else {
        let (whole, fraction) = digits.split_at((exponent + 1) as usize);
        format!("{whole}.{fraction}")
    };
    format!("{sign}{text}")
}

fn complex_repr(real: f64, imag: f64) -> String {
    let imag_text = format_float(imag, false);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let real_text = format_float(real, false);
    let joiner = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({real_text}{joiner}{imag_text}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (123.456, "123.456"),
        ];
        for (value, expect) in cases {
            assert_eq!(float_repr(value), expect, "{value:e}");
        }
    }

    #[test]
    fn exception_arguments() {
        assert_eq!(exception_message(&[]), "");
        assert_eq!(exception_message(&[ConstValue::Str("bad".into())]), "bad");
        assert_eq!(exception_message(&[ConstValue::Int(3)]), "3");
        assert_eq!(exception_message(&[ConstValue::Str("a".into()), ConstValue::Int(1)]), "('a', 1)");
        assert_eq!(to_repr(&ConstValue::Complex { real: 1.0, imag: -2.0 }), "(1-2j)");
        assert_eq!(to_repr(&ConstValue::Complex { real: 0.0, imag: 1.0 }), "1j");
    }
}
