//! Complex arithmetic with CPython's algorithms, for the operations codegen does not inline
//! (`z ** w`). Codegen inlines `+ - *` and division with the same formulas.

/// A complex number as `(re, im)`.
pub type Complex = (f64, f64);

/// CPython's complex product: no special treatment of infinities or NaNs.
pub fn mul(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's complex quotient (Smith's method); NaNs for a zero divisor.
pub fn div(a: Complex, b: Complex) -> Complex {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return (f64::NAN, f64::NAN);
        }
        let ratio = b.1 / b.0;
        let denominator = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denominator, (a.1 - a.0 * ratio) / denominator)
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denominator = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denominator, (a.1 * ratio - a.0) / denominator)
    } else {
        (f64::NAN, f64::NAN)
    }
}

/// `z ** n` for a non-negative integer by binary powering.
fn pow_unsigned(z: Complex, n: u64) -> Complex {
    let (mut result, mut power, mut mask) = ((1.0, 0.0), z, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            result = mul(result, power);
        }
        mask <<= 1;
        power = mul(power, power);
    }
    result
}

/// `z ** w` by the polar form.
fn pow_general(z: Complex, w: Complex) -> Complex {
    if w.0 == 0.0 && w.1 == 0.0 {
        return (1.0, 0.0);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        // 0 ** w with w.imag != 0 or w.real < 0 is an error the caller checks for.
        return (0.0, 0.0);
    }
    let modulus = z.0.hypot(z.1);
    let mut length = modulus.powf(w.0);
    let angle = z.1.atan2(z.0);
    let mut phase = angle * w.0;
    if w.1 != 0.0 {
        length /= (angle * w.1).exp();
        phase += w.1 * modulus.ln();
    }
    (length * phase.cos(), length * phase.sin())
}

/// `z ** w` as CPython's `complex.__pow__` computes it.
pub fn pow(z: Complex, w: Complex) -> Complex {
    if w.1 == 0.0 && w.0 == w.0.floor() && w.0.abs() <= 100.0 {
        let n = w.0 as i64;
        if n >= 0 { pow_unsigned(z, n as u64) } else { div((1.0, 0.0), pow_unsigned(z, n.unsigned_abs())) }
    } else {
        pow_general(z, w)
    }
}

/// `numjit_cpow`: see [`numjit_abi::entry::CPOW`].
///
/// # Safety
/// `out` must point to two writable doubles.
pub unsafe extern "C" fn numjit_cpow(z_re: f64, z_im: f64, w_re: f64, w_im: f64, out: *mut f64) {
    let (re, im) = pow((z_re, z_im), (w_re, w_im));
    // SAFETY: guaranteed by the caller.
    unsafe {
        out.write(re);
        out.add(1).write(im);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // python3: (1+2j)**3, (1+2j)**-2, (1+2j)**0.5, (1+2j)**(1+1j), (1+2j)/(3-4j)
        assert_eq!(pow((1.0, 2.0), (3.0, 0.0)), (-11.0, -2.0));
        assert_eq!(pow((1.0, 2.0), (-2.0, 0.0)), (-0.12, -0.16));
        assert_eq!(pow((1.0, 2.0), (0.5, 0.0)), (1.272019649514069, 0.7861513777574233));
        assert_eq!(pow((1.0, 2.0), (1.0, 1.0)), (-0.24720004426291722, 0.6964504870825432));
        assert_eq!(div((1.0, 2.0), (3.0, -4.0)), (-0.2, 0.4));
    }
}
