//! `cmath` functions on complex numbers with CPython's algorithms: the branch cuts, signed
//! zeros and special values (infinities, NaNs) of CPython's `Modules/cmathmodule.c`, which
//! follow C99 Annex G.
//!
//! The functions are pure: where CPython raises (`cmath.log(0)`: ValueError, `cmath.exp(1000)`:
//! OverflowError) they return the value CPython computes before raising (`-inf`, `inf`);
//! lowering adds the checks it supports. `sin`, `cos`, `tan`, `asin` and `atan` are derived
//! from their hyperbolic counterparts exactly as CPython derives them, special values included.

use std::f64::consts::{E, FRAC_PI_2, FRAC_PI_4, LN_2, LN_10, PI};

use crate::complex::Complex;

unsafe extern "C" {
    /// libm's `asinh` (Rust's `f64::asinh` uses its own formula; CPython calls libm's).
    #[link_name = "asinh"]
    safe fn libm_asinh(x: f64) -> f64;
}

/// `DBL_MAX / 4`: above this, formulas rescale to avoid overflow.
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// `sqrt(LARGE_DOUBLE)`.
const SQRT_LARGE_DOUBLE: f64 = 6.703903964971298e153;
/// `log(LARGE_DOUBLE)`.
const LOG_LARGE_DOUBLE: f64 = 708.3964185322641;
/// `sqrt(DBL_MIN)`.
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;
/// The number of mantissa bits of a double (`DBL_MANT_DIG`).
const MANT_DIG: i32 = 53;

/// `x * 2**exponent` (exact for the scalings used here).
fn ldexp(x: f64, exponent: i32) -> f64 {
    x * 2f64.powi(exponent)
}

fn is_finite(z: Complex) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

/// `cmath.sqrt`.
pub fn sqrt(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if y.is_infinite() {
            return (f64::INFINITY, y);
        }
        if x == f64::NEG_INFINITY {
            return if y.is_nan() { (f64::NAN, f64::INFINITY) } else { (0.0, f64::INFINITY.copysign(y)) };
        }
        if x == f64::INFINITY {
            return if y.is_nan() { (f64::INFINITY, f64::NAN) } else { (f64::INFINITY, 0.0f64.copysign(y)) };
        }
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    let (mut ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal parts: scale up to keep precision.
        ax = ldexp(ax, MANT_DIG);
        ldexp((ax + ax.hypot(ldexp(ay, MANT_DIG))).sqrt(), -(MANT_DIG + 1) / 2)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 { (s, d.copysign(y)) } else { (d, s.copysign(y)) }
}

/// `cmath.exp`.
pub fn exp(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_infinite() && y.is_finite() {
            let scale = if x > 0.0 { f64::INFINITY } else { 0.0 };
            if y == 0.0 {
                return (scale, y);
            }
            return (scale.copysign(y.cos()), scale.copysign(y.sin()));
        }
        if x == f64::INFINITY {
            return (f64::INFINITY, f64::NAN);
        }
        if x == f64::NEG_INFINITY {
            return (0.0, 0.0);
        }
        if x.is_nan() && y == 0.0 {
            return (f64::NAN, y);
        }
        return (f64::NAN, f64::NAN);
    }
    if x > LOG_LARGE_DOUBLE {
        let l = (x - 1.0).exp();
        (l * y.cos() * E, l * y.sin() * E)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    }
}

/// `cmath.log` with one argument (`-inf` real part at zero, where CPython raises).
pub fn log(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_infinite() || y.is_infinite() {
            return (f64::INFINITY, y.atan2(x));
        }
        return (f64::NAN, f64::NAN);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - f64::from(MANT_DIG) * LN_2
        } else {
            f64::NEG_INFINITY
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (re, y.atan2(x))
}

/// `cmath.log10`.
pub fn log10(z: Complex) -> Complex {
    let (re, im) = log(z);
    (re / LN_10, im / LN_10)
}

/// `cmath.sinh`.
pub fn sinh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_infinite() && y.is_finite() {
            if y == 0.0 {
                return (x, y);
            }
            return (f64::INFINITY.copysign(y.cos()) * 1.0f64.copysign(x), f64::INFINITY.copysign(y.sin()));
        }
        if x.is_infinite() {
            return (f64::INFINITY, f64::NAN);
        }
        if x == 0.0 {
            return (0.0, f64::NAN);
        }
        if x.is_nan() && y == 0.0 {
            return (f64::NAN, y);
        }
        return (f64::NAN, f64::NAN);
    }
    if x.abs() > LOG_LARGE_DOUBLE {
        let x_minus_one = x - 1.0f64.copysign(x);
        (y.cos() * x_minus_one.sinh() * E, y.sin() * x_minus_one.cosh() * E)
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    }
}

/// `cmath.cosh`.
pub fn cosh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_infinite() && y.is_finite() {
            if y == 0.0 {
                return (f64::INFINITY, y * 1.0f64.copysign(x));
            }
            return (f64::INFINITY.copysign(y.cos()), f64::INFINITY.copysign(y.sin()) * 1.0f64.copysign(x));
        }
        if x.is_infinite() {
            return (f64::INFINITY, f64::NAN);
        }
        if x == 0.0 {
            return (f64::NAN, 0.0);
        }
        if x.is_nan() && y == 0.0 {
            return (f64::NAN, 0.0);
        }
        return (f64::NAN, f64::NAN);
    }
    if x.abs() > LOG_LARGE_DOUBLE {
        let x_minus_one = x - 1.0f64.copysign(x);
        (y.cos() * x_minus_one.cosh() * E, y.sin() * x_minus_one.sinh() * E)
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    }
}

/// `cmath.tanh`.
pub fn tanh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_infinite() && y.is_finite() {
            return (1.0f64.copysign(x), 0.0f64.copysign(2.0 * y.sin() * y.cos()));
        }
        if x.is_infinite() {
            return (1.0f64.copysign(x), 0.0);
        }
        if x.is_nan() && y == 0.0 {
            return (f64::NAN, y);
        }
        return (f64::NAN, f64::NAN);
    }
    if x.abs() > LOG_LARGE_DOUBLE {
        (1.0f64.copysign(x), 4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp())
    } else {
        let (tx, ty, cx) = (x.tanh(), y.tan(), 1.0 / x.cosh());
        let txty = tx * ty;
        let denominator = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denominator, ((ty / denominator) * cx) * cx)
    }
}

/// `-i * f(i * z)`: how CPython derives `sin`, `tan`, `asin` and `atan`.
fn rotated(f: fn(Complex) -> Complex, z: Complex) -> Complex {
    let (re, im) = f((-z.1, z.0));
    (im, -re)
}

/// `cmath.sin`.
pub fn sin(z: Complex) -> Complex {
    rotated(sinh, z)
}

/// `cmath.cos`: `cosh(i * z)`.
pub fn cos(z: Complex) -> Complex {
    cosh((-z.1, z.0))
}

/// `cmath.tan`.
pub fn tan(z: Complex) -> Complex {
    rotated(tanh, z)
}

/// `cmath.asinh`.
pub fn asinh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_nan() {
            return if y == 0.0 {
                (f64::NAN, y)
            } else if y.is_infinite() {
                (f64::INFINITY, f64::NAN)
            } else {
                (f64::NAN, f64::NAN)
            };
        }
        if y.is_nan() {
            return if x.is_infinite() { (x, f64::NAN) } else { (f64::NAN, f64::NAN) };
        }
        let im = if x.is_infinite() && y.is_infinite() {
            FRAC_PI_4.copysign(y)
        } else if x.is_infinite() {
            0.0f64.copysign(y)
        } else {
            FRAC_PI_2.copysign(y)
        };
        return (f64::INFINITY.copysign(x), im);
    }
    if x.abs() > LARGE_DOUBLE || y.abs() > LARGE_DOUBLE {
        let magnitude = (x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2;
        let re = if y >= 0.0 { magnitude.copysign(x) } else { -magnitude.copysign(-x) };
        (re, y.atan2(x.abs()))
    } else {
        let s1 = sqrt((1.0 + y, -x));
        let s2 = sqrt((1.0 - y, x));
        (libm_asinh(s1.0 * s2.1 - s2.0 * s1.1), y.atan2(s1.0 * s2.0 - s1.1 * s2.1))
    }
}

/// `cmath.acosh`.
pub fn acosh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if y.is_nan() {
            return if x.is_infinite() { (f64::INFINITY, f64::NAN) } else { (f64::NAN, f64::NAN) };
        }
        if x.is_nan() {
            return if y.is_infinite() { (f64::INFINITY, f64::NAN) } else { (f64::NAN, f64::NAN) };
        }
        let angle = match (x.is_infinite(), y.is_infinite()) {
            (true, true) => {
                if x > 0.0 {
                    FRAC_PI_4
                } else {
                    3.0 * FRAC_PI_4
                }
            }
            (true, false) => {
                if x > 0.0 {
                    0.0
                } else {
                    PI
                }
            }
            _ => FRAC_PI_2,
        };
        return (f64::INFINITY, angle.copysign(y));
    }
    if x.abs() > LARGE_DOUBLE || y.abs() > LARGE_DOUBLE {
        ((x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2, y.atan2(x))
    } else {
        let s1 = sqrt((x - 1.0, y));
        let s2 = sqrt((x + 1.0, y));
        (libm_asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0))
    }
}

/// `cmath.asin`.
pub fn asin(z: Complex) -> Complex {
    rotated(asinh, z)
}

/// `cmath.acos`.
pub fn acos(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_nan() {
            return if y.is_infinite() { (f64::NAN, -y) } else { (f64::NAN, f64::NAN) };
        }
        if y.is_nan() {
            return if x.is_infinite() {
                (f64::NAN, f64::INFINITY)
            } else if x == 0.0 {
                (FRAC_PI_2, f64::NAN)
            } else {
                (f64::NAN, f64::NAN)
            };
        }
        let re = match (x.is_infinite(), y.is_infinite()) {
            (true, true) => {
                if x > 0.0 {
                    FRAC_PI_4
                } else {
                    3.0 * FRAC_PI_4
                }
            }
            (true, false) => {
                if x > 0.0 {
                    0.0
                } else {
                    PI
                }
            }
            _ => FRAC_PI_2,
        };
        return (re, f64::INFINITY.copysign(-y));
    }
    if x.abs() > LARGE_DOUBLE || y.abs() > LARGE_DOUBLE {
        let magnitude = (x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2;
        let im = if x < 0.0 { -magnitude.copysign(y) } else { magnitude.copysign(-y) };
        (y.abs().atan2(x), im)
    } else {
        let s1 = sqrt((1.0 - x, -y));
        let s2 = sqrt((1.0 + x, y));
        (2.0 * s1.0.atan2(s2.0), libm_asinh(s2.0 * s1.1 - s2.1 * s1.0))
    }
}

/// `cmath.atanh` (`inf` real part at `±1`, where CPython raises).
pub fn atanh(z: Complex) -> Complex {
    let (x, y) = z;
    if !is_finite(z) {
        if x.is_nan() {
            return if y.is_infinite() { (0.0, FRAC_PI_2.copysign(y)) } else { (f64::NAN, f64::NAN) };
        }
        if y.is_nan() {
            return if x.is_infinite() || x == 0.0 {
                (0.0f64.copysign(x), f64::NAN)
            } else {
                (f64::NAN, f64::NAN)
            };
        }
        return (0.0f64.copysign(x), FRAC_PI_2.copysign(y));
    }
    if x < 0.0 {
        let (re, im) = atanh((-x, -y));
        return (-re, -im);
    }
    let ay = y.abs();
    if x > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE {
        let h = (x / 2.0).hypot(y / 2.0);
        (x / 4.0 / h / h, -FRAC_PI_2.copysign(-y))
    } else if x == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            (f64::INFINITY, y)
        } else {
            (-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2.0f64.atan2(-ay) / 2.0).copysign(y))
        }
    } else {
        let one_minus = 1.0 - x;
        (
            (4.0 * x / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
            -(-2.0 * y).atan2(one_minus * (1.0 + x) - ay * ay) / 2.0,
        )
    }
}

/// `cmath.atan`.
pub fn atan(z: Complex) -> Complex {
    rotated(atanh, z)
}

/// Defines the `extern "C"` wrapper of a `cmath` function: `(re, im)` in, `[re, im]` out.
macro_rules! extern_cmath {
    ($($wrapper:ident => $function:ident;)*) => {$(
        #[doc = concat!("`", stringify!($wrapper), "`: [`", stringify!($function), "`] of `z_re + z_im j`, written to `out` as `[re, im]`.")]
        ///
        /// # Safety
        /// `out` must point to two writable doubles.
        pub unsafe extern "C" fn $wrapper(z_re: f64, z_im: f64, out: *mut f64) {
            let (re, im) = $function((z_re, z_im));
            // SAFETY: guaranteed by the caller.
            unsafe {
                out.write(re);
                out.add(1).write(im);
            }
        }
    )*};
}

extern_cmath! {
    numjit_csqrt => sqrt;
    numjit_cexp => exp;
    numjit_clog => log;
    numjit_clog10 => log10;
    numjit_csin => sin;
    numjit_ccos => cos;
    numjit_ctan => tan;
    numjit_casin => asin;
    numjit_cacos => acos;
    numjit_catan => atan;
    numjit_csinh => sinh;
    numjit_ccosh => cosh;
    numjit_ctanh => tanh;
    numjit_casinh => asinh;
    numjit_cacosh => acosh;
    numjit_catanh => atanh;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same value, NaN matching NaN, the sign of zeros and infinities compared, and finite
    /// non-zero values within a couple of ulps (libm implementations differ in the last bit).
    fn close(got: f64, expected: f64) -> bool {
        if got.is_nan() || expected.is_nan() {
            return got.is_nan() && expected.is_nan();
        }
        if got == 0.0 || expected == 0.0 || got.is_infinite() || expected.is_infinite() {
            return got == expected && got.is_sign_negative() == expected.is_sign_negative();
        }
        (got - expected).abs() <= 1e-15 * got.abs().max(expected.abs())
    }

    fn check(function: fn(Complex) -> Complex, z: Complex, expected: Complex) {
        let got = function(z);
        assert!(
            close(got.0, expected.0) && close(got.1, expected.1),
            "f{z:?} = {got:?}, expected {expected:?}"
        );
    }

    #[test]
    #[allow(clippy::approx_constant, reason = "expected values as python3 prints them")]
    fn matches_cpython() {
        // python3: cmath.sqrt(z) for z in the inputs below
        check(sqrt, (-4.0, 0.0), (0.0, 2.0));
        check(sqrt, (-4.0, -0.0), (0.0, -2.0));
        check(sqrt, (3.0, 4.0), (2.0, 1.0));
        check(sqrt, (0.0, 1.0), (0.7071067811865476, 0.7071067811865475));
        check(sqrt, (0.0, -0.0), (0.0, -0.0));
        check(sqrt, (-0.0, 0.0), (0.0, 0.0));
        check(sqrt, (-1e-310, 1e-310), (4.550898605622267e-156, 1.0986841134678082e-155));
        check(sqrt, (f64::NEG_INFINITY, 1.0), (0.0, f64::INFINITY));
        check(sqrt, (f64::NAN, f64::INFINITY), (f64::INFINITY, f64::INFINITY));
        // python3: cmath.exp(z) for z in the inputs below
        check(exp, (0.0, 1.0), (0.5403023058681398, 0.8414709848078965));
        check(exp, (1.0, 1.0), (1.4686939399158851, 2.2873552871788423));
        check(exp, (-1.0, -2.0), (-0.1530918656742263, -0.33451182923926226));
        check(exp, (1.0, -0.0), (2.718281828459045, -0.0));
        check(exp, (709.5, 0.1), (1.3482170316128006e+308, 1.3527291376688986e+307));
        check(exp, (f64::NEG_INFINITY, 2.0), (-0.0, 0.0));
        // python3: cmath.log(z) for z in the inputs below
        check(log, (-1.0, 0.0), (0.0, 3.141592653589793));
        check(log, (-1.0, -0.0), (0.0, -3.141592653589793));
        check(log, (0.0, 1.0), (0.0, 1.5707963267948966));
        check(log, (1e-310, 0.0), (-713.8013788281542, 0.0));
        check(log, (1e+308, 1e+308), (709.542782232446, 0.7853981633974483));
        check(log, (1.2, 0.4), (0.2350018146228678, 0.32175055439664224));
        check(log, (f64::NEG_INFINITY, -0.0), (f64::INFINITY, -3.141592653589793));
        // python3: cmath.log10(z) for z in the inputs below
        check(log10, (100.0, 0.0), (2.0, 0.0));
        check(log10, (-10.0, 0.0), (1.0, 1.3643763538418412));
        check(log10, (-10.0, -0.0), (1.0, -1.3643763538418412));
        // python3: cmath.sin(z) for z in the inputs below
        check(sin, (1.0, 1.0), (1.2984575814159773, 0.6349639147847361));
        check(sin, (-1.5, 1.0), (-1.5392151971540073, 0.08313044383490675));
        check(sin, (0.0, -0.0), (0.0, -0.0));
        // python3: cmath.cos(z) for z in the inputs below
        check(cos, (1.0, 1.0), (0.8337300251311491, -0.9888977057628651));
        check(cos, (-1.5, 1.0), (0.10915320605445292, 1.1722572989107924));
        check(cos, (0.0, 0.0), (1.0, -0.0));
        // python3: cmath.tan(z) for z in the inputs below
        check(tan, (1.0, 1.0), (0.2717525853195118, 1.0839233273386946));
        check(tan, (-1.5, 1.0), (-0.05090536232722864, 1.308295299227936));
        check(tan, (0.0, 800.0), (0.0, 1.0));
        // python3: cmath.asin(z) for z in the inputs below
        check(asin, (0.5, 0.5), (0.45227844715119064, 0.5306375309525178));
        check(asin, (2.0, 0.0), (1.5707963267948966, 1.3169578969248166));
        check(asin, (2.0, -0.0), (1.5707963267948966, -1.3169578969248166));
        check(asin, (-2.0, 0.0), (-1.5707963267948966, 1.3169578969248166));
        check(asin, (1e+300, 1e+300), (0.7853981633974483, 691.8152486690535));
        // python3: cmath.acos(z) for z in the inputs below
        check(acos, (0.5, 0.5), (1.1185178796437059, -0.5306375309525178));
        check(acos, (2.0, 0.0), (0.0, -1.3169578969248166));
        check(acos, (2.0, -0.0), (0.0, 1.3169578969248166));
        check(acos, (-2.0, -0.0), (3.141592653589793, 1.3169578969248166));
        check(acos, (-1e+300, 1e+300), (2.356194490192345, -691.8152486690535));
        // python3: cmath.atan(z) for z in the inputs below
        check(atan, (0.5, 0.5), (0.5535743588970452, 0.40235947810852507));
        check(atan, (0.0, 2.0), (1.5707963267948966, 0.5493061443340549));
        check(atan, (-0.0, 2.0), (-1.5707963267948966, 0.5493061443340549));
        check(atan, (0.0, -2.0), (1.5707963267948966, -0.5493061443340549));
        // python3: cmath.sinh(z) for z in the inputs below
        check(sinh, (1.0, 1.0), (0.6349639147847361, 1.2984575814159773));
        check(sinh, (-0.5, 2.0), (0.21685216292078974, 1.0253473885839877));
        check(sinh, (709.5, 1.0), (3.6605111637273977e+307, 5.700908362574554e+307));
        // python3: cmath.cosh(z) for z in the inputs below
        check(cosh, (1.0, 1.0), (0.8337300251311491, 0.9888977057628651));
        check(cosh, (-0.5, 2.0), (-0.4692579782290534, -0.473830620416407));
        check(cosh, (-0.0, 0.0), (1.0, -0.0));
        check(cosh, (f64::INFINITY, -1.0), (f64::INFINITY, f64::NEG_INFINITY));
        // python3: cmath.tanh(z) for z in the inputs below
        check(tanh, (1.0, 1.0), (1.0839233273386946, 0.2717525853195118));
        check(tanh, (-0.5, 2.0), (-1.3212865837711916, -0.8508781211449379));
        check(tanh, (-800.0, 1.0), (-1.0, 0.0));
        check(tanh, (f64::INFINITY, f64::NAN), (1.0, 0.0));
        // python3: cmath.asinh(z) for z in the inputs below
        check(asinh, (0.5, 0.5), (0.5306375309525178, 0.45227844715119064));
        check(asinh, (0.0, 2.0), (1.3169578969248166, 1.5707963267948966));
        check(asinh, (-0.0, 2.0), (-1.3169578969248166, 1.5707963267948966));
        check(asinh, (2.0, -1.0), (1.5285709194809982, -0.4270785863924761));
        check(asinh, (f64::INFINITY, f64::INFINITY), (f64::INFINITY, 0.7853981633974483));
        // python3: cmath.acosh(z) for z in the inputs below
        check(acosh, (0.5, 0.5), (0.5306375309525178, 1.1185178796437059));
        check(acosh, (-2.0, 0.0), (1.3169578969248166, 3.141592653589793));
        check(acosh, (-2.0, -0.0), (1.3169578969248166, -3.141592653589793));
        check(acosh, (2.0, -1.0), (1.4693517443681852, -0.5073563032171445));
        check(acosh, (f64::NEG_INFINITY, 1.0), (f64::INFINITY, 3.141592653589793));
        // python3: cmath.atanh(z) for z in the inputs below
        check(atanh, (0.5, 0.5), (0.40235947810852507, 0.5535743588970452));
        check(atanh, (2.0, 0.0), (0.5493061443340549, 1.5707963267948966));
        check(atanh, (2.0, -0.0), (0.5493061443340549, -1.5707963267948966));
        check(atanh, (-2.0, 0.0), (-0.5493061443340549, 1.5707963267948966));
        check(atanh, (2.0, -1.0), (0.40235947810852507, -1.3389725222944935));
        check(atanh, (1.0, 1e-200), (230.60508288968455, 0.7853981633974483));
        check(atanh, (1e+200, 1.0), (1e-200, 1.5707963267948966));
    }

    #[test]
    fn extern_wrapper_writes_both_parts() {
        let mut out = [0.0f64; 2];
        // SAFETY: `out` holds two doubles.
        unsafe { numjit_csqrt(-4.0, -0.0, out.as_mut_ptr()) };
        assert_eq!(out, [0.0, -2.0]);
        assert!(out[1].is_sign_negative());
    }
}
