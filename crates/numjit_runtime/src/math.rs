//! Math helpers LLVM lacks or where Python's semantics differ from libm's.
//!
//! The helpers are pure: they return what CPython's C implementation computes, with NaN for
//! a domain error and ±inf for an overflow. Codegen applies CPython's rule afterwards — a NaN
//! from a non-NaN argument raises ValueError ("math domain error"), an infinity from finite
//! arguments raises OverflowError ("math range error") — so the raising logic is in one place.
//!
//! `gamma` and `lgamma` follow CPython's own Lanczos-approximation implementation (not the
//! platform's `tgamma`), so results agree with CPython to the last bit.

#![allow(
    clippy::excessive_precision,
    reason = "the published Lanczos coefficients; the compiler rounds them as CPython's C compiler does"
)]

use std::f64::consts::PI;

unsafe extern "C" {
    safe fn erf(x: f64) -> f64;
    safe fn erfc(x: f64) -> f64;
}

/// Lanczos approximation parameter g (N = 13), as CPython uses it.
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
/// Numerator coefficients of the Lanczos rational function, constant term first.
const LANCZOS_NUMERATOR: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// Denominator coefficients: those of x(x+1)…(x+11), constant term first.
const LANCZOS_DENOMINATOR: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// (n-1)! for n = 1..=23, exact in a double.
const FACTORIALS: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
/// log(pi).
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos rational function at `x > 0`; evaluated in 1/x for large x to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut numerator, mut denominator) = (0.0, 0.0);
    if x < 5.0 {
        for (num, den) in LANCZOS_NUMERATOR.iter().zip(&LANCZOS_DENOMINATOR).rev() {
            numerator = numerator * x + num;
            denominator = denominator * x + den;
        }
    } else {
        for (num, den) in LANCZOS_NUMERATOR.iter().zip(&LANCZOS_DENOMINATOR) {
            numerator = numerator / x + num;
            denominator = denominator / x + den;
        }
    }
    numerator / denominator
}

/// sin(pi * x) for finite x, exact at integers and half-integers.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let quadrant = (2.0 * y).round() as i32;
    let r = match quadrant {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // sin(pi*(1-y)) rather than -sin(pi*(y-1)): +0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)`: NaN for poles (0, negative integers) and -inf, inf on overflow.
pub fn gamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= FACTORIALS.len() as f64 {
            return FACTORIALS[x as usize - 1];
        }
    }
    let abs_x = x.abs();
    if abs_x < 1e-20 {
        return 1.0 / x;
    }
    if abs_x > 200.0 {
        return if x < 0.0 { 0.0 / sin_pi(x) } else { f64::INFINITY };
    }
    let y = abs_x + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, recovered exactly, corrects the result.
    let z = if abs_x > LANCZOS_G_MINUS_HALF {
        (y - abs_x) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - abs_x
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(abs_x) / abs_x * y.exp() / lanczos_sum(abs_x);
        r -= z * r;
        if abs_x < 140.0 {
            r /= y.powf(abs_x - 0.5);
        } else {
            let sqrt_pow = y.powf(abs_x / 2.0 - 0.25);
            r /= sqrt_pow;
            r /= sqrt_pow;
        }
    } else {
        r = lanczos_sum(abs_x) / y.exp();
        r += z * r;
        if abs_x < 140.0 {
            r *= y.powf(abs_x - 0.5);
        } else {
            let sqrt_pow = y.powf(abs_x / 2.0 - 0.25);
            r *= sqrt_pow;
            r *= sqrt_pow;
        }
    }
    r
}

/// `math.lgamma(x)`: NaN for poles (integers <= 0), inf on overflow and for ±inf.
pub fn lgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let abs_x = x.abs();
    if abs_x < 1e-20 {
        return -abs_x.ln();
    }
    let mut r = lanczos_sum(abs_x).ln() - LANCZOS_G;
    r += (abs_x - 0.5) * ((abs_x + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = LOG_PI - sin_pi(abs_x).abs().ln() - abs_x.ln() - r;
    }
    r
}

/// `round(x, ndigits)` for a float: the double nearest to x rounded to `ndigits` decimal
/// places, ties to even on the exact value, as CPython's `float.__round__` computes it.
/// Returns inf when the rounded value does not fit (CPython raises OverflowError).
pub fn round_ndigits(x: f64, ndigits: i64) -> f64 {
    // Beyond these, rounding cannot change the value / leaves only zero (CPython's bounds).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return x;
    }
    if ndigits < NDIGITS_MIN {
        return 0.0 * x;
    }
    let rounded: f64 = if ndigits >= 0 {
        // Rust's fixed-precision formatting is exact and rounds ties to even.
        format!("{:.*}", ndigits as usize, x.abs()).parse().unwrap_or(f64::NAN)
    } else {
        round_integer_digits(x.abs(), ndigits.unsigned_abs() as usize)
    };
    rounded.copysign(x)
}

/// Rounds a positive finite `x` to a multiple of 10^`places`, ties to even.
fn round_integer_digits(x: f64, places: usize) -> f64 {
    // 1100 fractional digits hold every double's exact decimal expansion.
    let exact = format!("{x:.1100}");
    let (integer, fraction) = exact.split_once('.').unwrap_or((exact.as_str(), ""));
    let padded = format!("{integer:0>width$}", width = places + 1);
    let (head, tail) = padded.split_at(padded.len() - places);
    let first_dropped = tail.as_bytes()[0];
    let rest_is_zero =
        tail[1..].bytes().all(|digit| digit == b'0') && fraction.bytes().all(|digit| digit == b'0');
    let head_is_odd = head.as_bytes().last().is_some_and(|digit| (digit - b'0') % 2 == 1);
    let round_up = first_dropped > b'5' || (first_dropped == b'5' && (!rest_is_zero || head_is_odd));
    let mut digits: Vec<u8> = head.bytes().collect();
    if round_up {
        let mut position = digits.len();
        loop {
            if position == 0 {
                digits.insert(0, b'1');
                break;
            }
            position -= 1;
            if digits[position] == b'9' {
                digits[position] = b'0';
            } else {
                digits[position] += 1;
                break;
            }
        }
    }
    let mut text = String::from_utf8(digits).unwrap_or_default();
    text.push_str(&"0".repeat(places));
    text.parse().unwrap_or(f64::NAN)
}

/// `math.gcd` on int64: non-negative; `gcd(i64::MIN, 0)` wraps to `i64::MIN` as in Numba.
pub fn gcd_i64(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

/// Exponents above this use a float `pow`, as Numba's integer power does.
const POW_SQUARING_LIMIT: u64 = 0x10000;

/// `base ** exponent` on int64 with Numba's semantics: wrapping repeated squaring; for a
/// negative exponent 0 unless `|base| == 1`; a float `pow` for exponents above 65536.
/// `0 ** negative` (ZeroDivisionError) is the caller's check.
pub fn pow_i64(base: i64, exponent: i64) -> i64 {
    if exponent < 0 {
        return match base {
            1 => 1,
            -1 => {
                if exponent % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => 0,
        };
    }
    let exponent = exponent as u64;
    if exponent > POW_SQUARING_LIMIT {
        return float_to_i64_like_x86((base as f64).powf(exponent as f64));
    }
    let (mut result, mut base, mut exponent) = (1i64, base, exponent);
    while exponent != 0 {
        if exponent & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        exponent >>= 1;
        base = base.wrapping_mul(base);
    }
    result
}

/// `base ** exponent` on uint64: wrapping repeated squaring (float `pow` above 65536).
pub fn pow_u64(base: u64, exponent: u64) -> u64 {
    if exponent > POW_SQUARING_LIMIT {
        let value = (base as f64).powf(exponent as f64);
        return if value.is_finite() && value < 18446744073709551616.0 { value as u64 } else { 0 };
    }
    let (mut result, mut base, mut exponent) = (1u64, base, exponent);
    while exponent != 0 {
        if exponent & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        exponent >>= 1;
        base = base.wrapping_mul(base);
    }
    result
}

/// x86's `cvttsd2si`: truncation, and `i64::MIN` for NaN and out-of-range values — what
/// Numba's float-to-int conversion produces on the host.
fn float_to_i64_like_x86(value: f64) -> i64 {
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&value) { i64::MIN } else { value as i64 }
}

/// `numjit_gamma`.
pub extern "C" fn numjit_gamma(x: f64) -> f64 {
    gamma(x)
}

/// `numjit_lgamma`.
pub extern "C" fn numjit_lgamma(x: f64) -> f64 {
    lgamma(x)
}

/// `numjit_erf`.
pub extern "C" fn numjit_erf(x: f64) -> f64 {
    erf(x)
}

/// `numjit_erfc`.
pub extern "C" fn numjit_erfc(x: f64) -> f64 {
    erfc(x)
}

/// `numjit_round_ndigits`.
pub extern "C" fn numjit_round_ndigits(x: f64, ndigits: i64) -> f64 {
    round_ndigits(x, ndigits)
}

/// `numjit_gcd_i64`.
pub extern "C" fn numjit_gcd_i64(a: i64, b: i64) -> i64 {
    gcd_i64(a, b)
}

/// `numjit_pow_i64`.
pub extern "C" fn numjit_pow_i64(base: i64, exponent: i64) -> i64 {
    pow_i64(base, exponent)
}

/// `numjit_pow_u64`.
pub extern "C" fn numjit_pow_u64(base: u64, exponent: u64) -> u64 {
    pow_u64(base, exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_matches_cpython() {
        // Values printed by python3: round(x, n).
        let cases: &[(f64, i64, f64)] = &[
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (2.675, 2, 2.67),
            (1234.5, -2, 1200.0),
            (1250.0, -2, 1200.0),
            (1350.0, -2, 1400.0),
            (1251.0, -2, 1300.0),
            (-1250.0, -2, -1200.0),
            (999.0, -3, 1000.0),
            (499.0, -3, 0.0),
            (500.0, -3, 0.0),
            (1500.0, -3, 2000.0),
            (0.5, 0, 0.0),
            (1.5, 0, 2.0),
            (-0.0, 1, -0.0),
            (1e300, -300, 1e300),
            (5e-324, 400, 5e-324),
            (123.456, 1, 123.5),
            (-123.456, 2, -123.46),
            (1e-20, 5, 0.0),
        ];
        for (x, ndigits, expected) in cases {
            let actual = round_ndigits(*x, *ndigits);
            assert_eq!(actual.to_bits(), expected.to_bits(), "round({x}, {ndigits}) = {actual}");
        }
        assert!(round_ndigits(-0.4, 0).is_sign_negative());
        assert!(round_ndigits(f64::MAX, -308).is_infinite());
    }

    #[test]
    fn gamma_special_values() {
        assert_eq!(gamma(5.0), 24.0);
        assert_eq!(gamma(0.5), 1.7724538509055159);
        assert_eq!(gamma(-2.5), -0.9453087204829417);
        assert!(gamma(0.0).is_nan() && gamma(-3.0).is_nan() && gamma(f64::NEG_INFINITY).is_nan());
        assert_eq!(gamma(172.0), f64::INFINITY);
        assert_eq!(gamma(-210.5).to_bits(), (-0.0f64).to_bits());
        assert_eq!(lgamma(1.0), 0.0);
        assert_eq!(lgamma(0.5), 0.5723649429247004);
        assert_eq!(lgamma(-2.5), -0.05624371649767457);
        assert_eq!(lgamma(100.0), 359.1342053695754);
        assert!(lgamma(-1.0).is_nan());
        assert_eq!(lgamma(f64::NEG_INFINITY), f64::INFINITY);
        assert_eq!(lgamma(1e308), f64::INFINITY);
    }

    #[test]
    fn integer_helpers() {
        assert_eq!(gcd_i64(12, -18), 6);
        assert_eq!(gcd_i64(0, 0), 0);
        assert_eq!(gcd_i64(i64::MIN, 0), i64::MIN);
        assert_eq!(pow_i64(2, 62), 1 << 62);
        assert_eq!(pow_i64(2, 63), i64::MIN);
        assert_eq!(pow_i64(2, 64), 0);
        assert_eq!(pow_i64(3, 40), 3i64.wrapping_pow(40));
        assert_eq!(pow_i64(-1, -3), -1);
        assert_eq!(pow_i64(5, -1), 0);
        assert_eq!(pow_i64(7, 0), 1);
        assert_eq!(pow_u64(2, 64), 0);
        assert_eq!(pow_u64(3, 3), 27);
    }
}
