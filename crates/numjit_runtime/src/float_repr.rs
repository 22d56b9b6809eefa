//! Python's `repr` of floats and complex numbers: shortest round-trip digits, fixed notation
//! for decimal exponents in `-4..16`, otherwise `1e+16` / `1e-05` style.

/// Decimal digits and exponent of the shortest representation that round-trips:
/// `value == 0.d1d2d3… × 10^(exponent + 1)`, i.e. `exponent` is the scientific exponent.
fn shortest_digits(abs_value: String) -> (String, i32) {
    // Rust's `{:e}` without precision prints the shortest round-trip digits: `1.2345e-7`.
    let (mantissa, exponent) = abs_value.split_once('e').unwrap_or((abs_value.as_str(), "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// Lays out `digits` with scientific exponent `exponent` the way CPython's `repr` does.
/// `add_dot_zero` appends `.0` to integral values in fixed notation (`repr(1.0) == '1.0'`),
/// which `repr` of a float does and the parts of a complex `repr` do not.
fn layout(negative: bool, digits: &str, exponent: i32, add_dot_zero: bool) -> String {
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let n_digits = digits.len() as i32;
    if (-4..16).contains(&exponent) {
        if exponent < 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
            out.push_str(digits);
        } else if exponent + 1 >= n_digits {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', (exponent + 1 - n_digits) as usize));
            if add_dot_zero {
                out.push_str(".0");
            }
        } else {
            let (int_part, frac_part) = digits.split_at((exponent + 1) as usize);
            out.push_str(int_part);
            out.push('.');
            out.push_str(frac_part);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

fn repr_parts(value: f64, add_dot_zero: bool) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf".to_owned() } else { "-inf".to_owned() };
    }
    if value == 0.0 {
        let zero = if add_dot_zero { "0.0" } else { "0" };
        return if value.is_sign_negative() { format!("-{zero}") } else { zero.to_owned() };
    }
    let magnitude = value.abs();
    let (digits, exponent) = shortest_digits(format!("{magnitude:e}"));
    // Rust picks one of the nearest shortest candidates; where two are equally near,
    // CPython takes the value exactly rounded half to even to as many digits
    // (repr(761573138597701.25) == '761573138597701.2'), when that round-trips too.
    let exact = format!("{:.*e}", digits.len().saturating_sub(1), magnitude);
    let (digits, exponent) = if exact.parse::<f64>().ok() == Some(magnitude) {
        let (exact_digits, exact_exponent) = shortest_digits(exact);
        let kept = exact_digits.trim_end_matches('0').len().max(1);
        (exact_digits[..kept].to_owned(), exact_exponent)
    } else {
        (digits, exponent)
    };
    layout(value.is_sign_negative(), &digits, exponent, add_dot_zero)
}

fn repr_parts_f32(value: f32, add_dot_zero: bool) -> String {
    if !value.is_finite() || value == 0.0 {
        return repr_parts(f64::from(value), add_dot_zero);
    }
    let (digits, exponent) = shortest_digits(format!("{:e}", value.abs()));
    layout(value.is_sign_negative(), &digits, exponent, add_dot_zero)
}

/// `repr(x)` of a Python float: `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn repr_f64(value: f64) -> String {
    repr_parts(value, true)
}

/// `repr(np.float32(x))` as NumPy prints it (`str`): the shortest digits that round-trip
/// through float32, laid out like a Python float (`0.1`, not `0.10000000149011612`).
pub fn repr_f32(value: f32) -> String {
    repr_parts_f32(value, true)
}

/// `repr(complex(re, im))`: `(1+2j)`, `2j` when the real part is +0.0, `(-0-1j)`, `(nan+infj)`.
pub fn repr_complex(re: f64, im: f64) -> String {
    complex_layout(re, repr_parts(re, false), repr_parts(im, false))
}

/// `repr` of an `np.complex64`: like [`repr_complex`] with float32 digits.
pub fn repr_complex64(re: f32, im: f32) -> String {
    complex_layout(f64::from(re), repr_parts_f32(re, false), repr_parts_f32(im, false))
}

fn complex_layout(re: f64, re_text: String, im_text: String) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{im_text}j");
    }
    let sign = if im_text.starts_with('-') { "" } else { "+" };
    format!("({re_text}{sign}{im_text}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python_repr() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.00012345, "0.00012345"),
            (1.5e-7, "1.5e-07"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2.5, "2.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (-123.456, "-123.456"),
            (9007199254740993.0, "9007199254740992.0"),
            (1e100, "1e+100"),
            // Two shortest candidates equally near: CPython takes the even one.
            (761_573_138_597_701.0 + 0.25, "761573138597701.2"),
            (1e23, "1e+23"),
        ];
        for (value, expected) in cases {
            assert_eq!(repr_f64(*value), *expected, "repr of {value:e}");
        }
    }

    #[test]
    fn complex_prints_like_python_repr() {
        assert_eq!(repr_complex(1.0, 2.0), "(1+2j)");
        assert_eq!(repr_complex(0.0, 2.0), "2j");
        assert_eq!(repr_complex(-0.0, -1.0), "(-0-1j)");
        assert_eq!(repr_complex(0.0, 0.0), "0j");
        assert_eq!(repr_complex(1.5, -0.0), "(1.5-0j)");
        assert_eq!(repr_complex(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(repr_complex(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(repr_complex64(0.1, 0.2), "(0.1+0.2j)");
    }

    #[test]
    fn float32_uses_float32_digits() {
        assert_eq!(repr_f32(0.1), "0.1");
        assert_eq!(repr_f32(16777216.0), "16777216.0");
        assert_eq!(repr_f32(1e20), "1e+20");
        assert_eq!(repr_f32(-0.0), "-0.0");
    }

    #[test]
    fn repr_round_trips() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if value.is_finite() {
                let text = repr_f64(value);
                assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(value.to_bits()), "{text}");
            }
        }
    }
}
