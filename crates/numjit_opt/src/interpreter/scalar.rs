//! The semantics of the IR's value operations on constants, exactly as `numjit_ir`'s
//! `Opcode` docs define them: wrapping integer arithmetic, Python's floor division and
//! modulo, IEEE floats computed in the operand's precision, CPython's `float.__floordiv__`,
//! Python's NaN comparisons, and the documented conversion rules.
//!
//! Where the IR leaves a result undefined (a zero divisor, a shift amount outside the type,
//! a negative integer power, a float-to-integer conversion out of range) the answer is
//! [`Trap::Undefined`]: the interpreter stops there and `fold_constants` leaves the
//! instruction for the runtime check lowering put before it.

use std::ops::{Add, Div, Mul, Neg, Rem, Sub};

use numjit_ir::{FloatCC, IntCC, Intrinsic, Opcode, int_range};
use numjit_types::ScalarType;

use super::{RuntimeValue, Trap};

/// `value` wrapped to the integer type `ty` (two's complement).
pub fn wrap_int(ty: ScalarType, value: i128) -> i128 {
    let bits = ty.size_bytes() * 8;
    if bits >= 128 {
        return value;
    }
    let unsigned = (value as u128) & ((1u128 << bits) - 1);
    if ty.is_signed_integer() && (unsigned >> (bits - 1)) & 1 == 1 {
        (unsigned as i128) - (1i128 << bits)
    } else {
        unsigned as i128
    }
}

fn undefined(what: &str) -> Trap {
    Trap::Undefined(what.to_owned())
}

fn malformed(opcode: &Opcode, args: &[RuntimeValue]) -> Trap {
    let shown: Vec<String> = args.iter().map(ToString::to_string).collect();
    Trap::Malformed(format!("{} does not apply to ({})", opcode.name(), shown.join(", ")))
}

/// The little of IEEE arithmetic both float widths need, so that `float32` operations are
/// computed in single precision (as the generated code computes them).
trait Ieee:
    Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Rem<Output = Self>
    + Neg<Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    const HALF: Self;
    fn floor(self) -> Self;
    fn copysign(self, sign: Self) -> Self;
}

macro_rules! impl_ieee {
    ($float:ty) => {
        impl Ieee for $float {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            const HALF: Self = 0.5;
            fn floor(self) -> Self {
                <$float>::floor(self)
            }
            fn copysign(self, sign: Self) -> Self {
                <$float>::copysign(self, sign)
            }
        }
    };
}
impl_ieee!(f32);
impl_ieee!(f64);

/// CPython's `float.__divmod__` for a nonzero divisor: `(x // y, x % y)`.
fn python_float_divmod<F: Ieee>(x: F, y: F) -> (F, F) {
    let mut remainder = x % y;
    let mut quotient = (x - remainder) / y;
    if remainder != F::ZERO {
        if (y < F::ZERO) != (remainder < F::ZERO) {
            remainder = remainder + y;
            quotient = quotient - F::ONE;
        }
    } else {
        remainder = F::ZERO.copysign(y);
    }
    let floor_quotient = if quotient != F::ZERO {
        let floor = quotient.floor();
        if quotient - floor > F::HALF { floor + F::ONE } else { floor }
    } else {
        F::ZERO.copysign(x / y)
    };
    (floor_quotient, remainder)
}

fn float_binary<F: Ieee>(opcode: &Opcode, x: F, y: F) -> Result<F, Trap> {
    Ok(match opcode {
        Opcode::Fadd => x + y,
        Opcode::Fsub => x - y,
        Opcode::Fmul => x * y,
        Opcode::Fdiv => x / y,
        Opcode::Frem => x % y,
        Opcode::FfloorDiv | Opcode::Fmod => {
            if y == F::ZERO {
                return Err(undefined("Python float floor division or modulo by zero"));
            }
            let (quotient, remainder) = python_float_divmod(x, y);
            if matches!(opcode, Opcode::FfloorDiv) { quotient } else { remainder }
        }
        _ => return Err(Trap::Malformed(format!("{} is not a float operation", opcode.name()))),
    })
}

/// Rounds `value` to the float type `ty` (to `f32` for `float32`).
pub fn round_to(ty: ScalarType, value: f64) -> f64 {
    if ty.real_part() == ScalarType::Float32 { f64::from(value as f32) } else { value }
}

fn in_precision(ty: ScalarType, x: f64, y: f64, op: &Opcode) -> Result<f64, Trap> {
    if ty == ScalarType::Float32 {
        float_binary(op, x as f32, y as f32).map(f64::from)
    } else {
        float_binary(op, x, y)
    }
}

fn int_binary(opcode: &Opcode, ty: ScalarType, a: i128, b: i128) -> Result<i128, Trap> {
    let bits = i128::from(ty.size_bytes() * 8);
    let value = match opcode {
        Opcode::Iadd => a.wrapping_add(b),
        Opcode::Isub => a.wrapping_sub(b),
        Opcode::Imul => a.wrapping_mul(b),
        Opcode::Idiv | Opcode::Irem | Opcode::IfloorDiv | Opcode::Imod if b == 0 => {
            return Err(undefined("integer division or modulo by zero"));
        }
        Opcode::Idiv => a / b,
        Opcode::Irem => a % b,
        Opcode::IfloorDiv => {
            let (quotient, remainder) = (a / b, a % b);
            if remainder != 0 && ((remainder < 0) != (b < 0)) { quotient - 1 } else { quotient }
        }
        Opcode::Imod => {
            let remainder = a % b;
            if remainder != 0 && ((remainder < 0) != (b < 0)) { remainder + b } else { remainder }
        }
        Opcode::Ishl | Opcode::Ishr if !(0..bits).contains(&b) => {
            return Err(undefined("shift amount outside the type"));
        }
        Opcode::Ishl => a.wrapping_shl(b as u32),
        Opcode::Ishr => a >> b,
        Opcode::Iand => a & b,
        Opcode::Ior => a | b,
        Opcode::Ixor => a ^ b,
        Opcode::Ipow => {
            if b < 0 {
                return Err(undefined("negative integer power"));
            }
            let (mut result, mut base, mut exponent) = (1i128, a, b as u128);
            while exponent > 0 {
                if exponent & 1 == 1 {
                    result = wrap_int(ty, result.wrapping_mul(base));
                }
                base = wrap_int(ty, base.wrapping_mul(base));
                exponent >>= 1;
            }
            result
        }
        _ => return Err(Trap::Malformed(format!("{} is not an integer operation", opcode.name()))),
    };
    Ok(wrap_int(ty, value))
}

fn int_compare(cc: IntCC, a: i128, b: i128) -> bool {
    match cc {
        IntCC::Equal => a == b,
        IntCC::NotEqual => a != b,
        IntCC::LessThan => a < b,
        IntCC::LessThanOrEqual => a <= b,
        IntCC::GreaterThan => a > b,
        IntCC::GreaterThanOrEqual => a >= b,
    }
}

fn float_compare(cc: FloatCC, a: f64, b: f64) -> bool {
    match cc {
        FloatCC::Equal => a == b,
        FloatCC::NotEqual => a != b,
        FloatCC::LessThan => a < b,
        FloatCC::LessThanOrEqual => a <= b,
        FloatCC::GreaterThan => a > b,
        FloatCC::GreaterThanOrEqual => a >= b,
        FloatCC::Ordered => !a.is_nan() && !b.is_nan(),
        FloatCC::Unordered => a.is_nan() || b.is_nan(),
    }
}

/// CPython's complex division (`_Py_c_quot`) for a nonzero divisor.
fn complex_divide(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), Trap> {
    let (abs_real, abs_imag) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return Err(undefined("complex division by zero"));
        }
        let ratio = b.1 / b.0;
        let denominator = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denominator, (a.1 - a.0 * ratio) / denominator))
    } else if abs_imag >= abs_real {
        let ratio = b.0 / b.1;
        let denominator = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denominator, (a.1 * ratio - a.0) / denominator))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

/// The value of `convert.to` applied to `value`.
pub fn convert(value: &RuntimeValue, to: ScalarType) -> Result<RuntimeValue, Trap> {
    use RuntimeValue as V;
    let float_to_int = |x: f64| -> Result<RuntimeValue, Trap> {
        let truncated = x.trunc();
        let Some((low, high)) = int_range(to) else { return Err(undefined("not an integer type")) };
        // Compared as floats: every bound of a 64-bit-or-smaller type is exact in f64 except
        // 2^63 - 1 and 2^64 - 1, which round up to a bound that is itself out of range.
        if x.is_nan() || truncated < low as f64 || truncated > high as f64 || truncated >= 2f64.powi(127) {
            return Err(undefined("float to integer conversion out of range"));
        }
        let value = truncated as i128;
        if value < low || value > high {
            return Err(undefined("float to integer conversion out of range"));
        }
        Ok(V::Int(to, value))
    };
    let from_real = |x: f64| -> Result<RuntimeValue, Trap> {
        Ok(match to {
            ScalarType::Bool => V::Bool(x != 0.0),
            _ if to.is_integer() => return float_to_int(x),
            _ if to.is_float() => V::Float(to, round_to(to, x)),
            _ => V::Complex(to, round_to(to, x), 0.0),
        })
    };
    Ok(match *value {
        V::Bool(b) => match to {
            ScalarType::Bool => V::Bool(b),
            _ if to.is_integer() => V::Int(to, i128::from(b)),
            _ => return from_real(if b { 1.0 } else { 0.0 }),
        },
        V::Int(_, v) => match to {
            ScalarType::Bool => V::Bool(v != 0),
            _ if to.is_integer() => V::Int(to, wrap_int(to, v)),
            ScalarType::Float32 => V::Float(to, f64::from(v as f32)),
            ScalarType::Complex64 => V::Complex(to, f64::from(v as f32), 0.0),
            _ if to.is_float() => V::Float(to, v as f64),
            _ => V::Complex(to, v as f64, 0.0),
        },
        V::Float(_, x) => return from_real(x),
        V::Complex(_, re, im) => match to {
            ScalarType::Bool => V::Bool(re != 0.0 || im != 0.0),
            _ if to.is_complex() => V::Complex(to, round_to(to, re), round_to(to, im)),
            _ => return from_real(re),
        },
        _ => return Err(malformed(&Opcode::Convert(to), std::slice::from_ref(value))),
    })
}

/// Applies a float function in the precision of `ty`.
fn unary_float(ty: ScalarType, x: f64, double: fn(f64) -> f64, single: fn(f32) -> f32) -> RuntimeValue {
    let value = if ty == ScalarType::Float32 { f64::from(single(x as f32)) } else { double(x) };
    RuntimeValue::Float(ty, value)
}

fn binary_float(
    ty: ScalarType,
    x: f64,
    y: f64,
    double: fn(f64, f64) -> f64,
    single: fn(f32, f32) -> f32,
) -> RuntimeValue {
    let value = if ty == ScalarType::Float32 { f64::from(single(x as f32, y as f32)) } else { double(x, y) };
    RuntimeValue::Float(ty, value)
}

fn next_after(x: f64, toward: f64) -> f64 {
    if x.is_nan() || toward.is_nan() {
        return f64::NAN;
    }
    if x == toward {
        return toward;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(toward);
    }
    let bits = x.to_bits();
    let away_from_zero = (toward > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

fn next_after_f32(x: f32, toward: f32) -> f32 {
    if x.is_nan() || toward.is_nan() {
        return f32::NAN;
    }
    if x == toward {
        return toward;
    }
    if x == 0.0 {
        return f32::from_bits(1).copysign(toward);
    }
    let bits = x.to_bits();
    let away_from_zero = (toward > x) == (x > 0.0);
    f32::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

/// `2**exponent` for an exponent of a normal `f64` (`-1022..=1023`).
fn power_of_two(exponent: i32) -> f64 {
    f64::from_bits(((exponent + 1023) as u64) << 52)
}

/// `x * 2**exponent`, rounded once (musl's `scalbn`).
fn ldexp(x: f64, exponent: i128) -> f64 {
    let mut value = x;
    let mut exponent = exponent.clamp(-3000, 3000) as i32;
    if exponent > 1023 {
        value *= power_of_two(1023);
        exponent -= 1023;
        if exponent > 1023 {
            value *= power_of_two(1023);
            exponent = (exponent - 1023).min(1023);
        }
    } else if exponent < -1022 {
        // Keep the last step's exponent below -53 so that only it rounds (no double
        // rounding in the subnormal range).
        value *= power_of_two(-1022) * power_of_two(53);
        exponent += 1022 - 53;
        if exponent < -1022 {
            value *= power_of_two(-1022) * power_of_two(53);
            exponent = (exponent + 1022 - 53).max(-1022);
        }
    }
    value * power_of_two(exponent)
}

fn frexp(x: f64) -> (f64, i128) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (scaled, offset) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let bits = scaled.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i128 - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (mantissa, exponent + offset)
}

/// The value of a math intrinsic.
pub fn intrinsic(intrinsic: Intrinsic, args: &[RuntimeValue]) -> Result<RuntimeValue, Trap> {
    use RuntimeValue as V;
    let unsupported =
        || Trap::Unsupported(format!("the interpreter has no `{}` for these arguments", intrinsic));
    let value = match (intrinsic, args) {
        (Intrinsic::Isnan, [V::Float(_, x)]) => V::Bool(x.is_nan()),
        (Intrinsic::Isinf, [V::Float(_, x)]) => V::Bool(x.is_infinite()),
        (Intrinsic::Isfinite, [V::Float(_, x)]) => V::Bool(x.is_finite()),
        (Intrinsic::Isnan, [V::Complex(_, re, im)]) => V::Bool(re.is_nan() || im.is_nan()),
        (Intrinsic::Isinf, [V::Complex(_, re, im)]) => V::Bool(re.is_infinite() || im.is_infinite()),
        (Intrinsic::Isfinite, [V::Complex(_, re, im)]) => V::Bool(re.is_finite() && im.is_finite()),
        (_, [V::Float(ty, x)]) => {
            let (ty, x) = (*ty, *x);
            match intrinsic {
                Intrinsic::Sqrt => unary_float(ty, x, f64::sqrt, f32::sqrt),
                Intrinsic::Exp => unary_float(ty, x, f64::exp, f32::exp),
                Intrinsic::Log => unary_float(ty, x, f64::ln, f32::ln),
                Intrinsic::Log10 => unary_float(ty, x, f64::log10, f32::log10),
                Intrinsic::Log2 => unary_float(ty, x, f64::log2, f32::log2),
                Intrinsic::Log1p => unary_float(ty, x, f64::ln_1p, f32::ln_1p),
                Intrinsic::Expm1 => unary_float(ty, x, f64::exp_m1, f32::exp_m1),
                Intrinsic::Sin => unary_float(ty, x, f64::sin, f32::sin),
                Intrinsic::Cos => unary_float(ty, x, f64::cos, f32::cos),
                Intrinsic::Tan => unary_float(ty, x, f64::tan, f32::tan),
                Intrinsic::Asin => unary_float(ty, x, f64::asin, f32::asin),
                Intrinsic::Acos => unary_float(ty, x, f64::acos, f32::acos),
                Intrinsic::Atan => unary_float(ty, x, f64::atan, f32::atan),
                Intrinsic::Sinh => unary_float(ty, x, f64::sinh, f32::sinh),
                Intrinsic::Cosh => unary_float(ty, x, f64::cosh, f32::cosh),
                Intrinsic::Tanh => unary_float(ty, x, f64::tanh, f32::tanh),
                Intrinsic::Asinh => unary_float(ty, x, f64::asinh, f32::asinh),
                Intrinsic::Acosh => unary_float(ty, x, f64::acosh, f32::acosh),
                Intrinsic::Atanh => unary_float(ty, x, f64::atanh, f32::atanh),
                Intrinsic::Fabs => unary_float(ty, x, f64::abs, f32::abs),
                Intrinsic::Floor => unary_float(ty, x, f64::floor, f32::floor),
                Intrinsic::Ceil => unary_float(ty, x, f64::ceil, f32::ceil),
                Intrinsic::Trunc => unary_float(ty, x, f64::trunc, f32::trunc),
                Intrinsic::Round => unary_float(ty, x, f64::round_ties_even, f32::round_ties_even),
                Intrinsic::Degrees => unary_float(ty, x, f64::to_degrees, f32::to_degrees),
                Intrinsic::Radians => unary_float(ty, x, f64::to_radians, f32::to_radians),
                Intrinsic::Frexp => {
                    let (mantissa, exponent) = frexp(x);
                    V::Tuple(vec![V::Float(ty, mantissa), V::Int(ScalarType::Int32, exponent)])
                }
                _ => return Err(unsupported()),
            }
        }
        (_, [V::Float(ty, x), V::Float(_, y)]) => {
            let (ty, x, y) = (*ty, *x, *y);
            match intrinsic {
                Intrinsic::Atan2 => binary_float(ty, x, y, f64::atan2, f32::atan2),
                Intrinsic::Hypot => binary_float(ty, x, y, f64::hypot, f32::hypot),
                Intrinsic::Copysign => binary_float(ty, x, y, f64::copysign, f32::copysign),
                Intrinsic::Nextafter => binary_float(ty, x, y, next_after, next_after_f32),
                Intrinsic::Rect => {
                    let complex = if ty == ScalarType::Float32 {
                        ScalarType::Complex64
                    } else {
                        ScalarType::Complex128
                    };
                    V::Complex(complex, round_to(ty, x * y.cos()), round_to(ty, x * y.sin()))
                }
                _ => return Err(unsupported()),
            }
        }
        (Intrinsic::Ldexp, [V::Float(ty, x), V::Int(_, exponent)]) => {
            V::Float(*ty, round_to(*ty, ldexp(*x, *exponent)))
        }
        (Intrinsic::Phase, [V::Complex(ty, re, im)]) => {
            let part = ty.real_part();
            V::Float(part, round_to(part, im.atan2(*re)))
        }
        (Intrinsic::Polar, [V::Complex(ty, re, im)]) => {
            let part = ty.real_part();
            V::Tuple(vec![
                V::Float(part, round_to(part, re.hypot(*im))),
                V::Float(part, round_to(part, im.atan2(*re))),
            ])
        }
        (Intrinsic::Gcd, [V::Int(ty, a), V::Int(_, b)]) => {
            let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
            while b != 0 {
                (a, b) = (b, a % b);
            }
            V::Int(*ty, wrap_int(*ty, a as i128))
        }
        _ => return Err(unsupported()),
    };
    Ok(value)
}

/// The value of an operation without side effects or control flow (everything but calls,
/// `print`, terminators and loops) applied to `args`.
pub fn eval_pure(opcode: &Opcode, args: &[RuntimeValue]) -> Result<RuntimeValue, Trap> {
    use RuntimeValue as V;
    let value = match (opcode, args) {
        (Opcode::Iconst { ty, value }, []) => V::Int(*ty, *value),
        (Opcode::Fconst { ty, bits }, []) => V::Float(*ty, f64::from_bits(*bits)),
        (Opcode::Cconst { ty, real_bits, imag_bits }, []) => {
            V::Complex(*ty, f64::from_bits(*real_bits), f64::from_bits(*imag_bits))
        }
        (Opcode::Bconst(value), []) => V::Bool(*value),
        (Opcode::NoneConst, []) => V::None,
        (Opcode::Sconst(text), []) => V::Str(text.to_string()),

        (Opcode::Ineg, [V::Int(ty, a)]) => V::Int(*ty, wrap_int(*ty, a.wrapping_neg())),
        (Opcode::Inot, [V::Int(ty, a)]) => V::Int(*ty, wrap_int(*ty, !a)),
        (Opcode::Inot, [V::Bool(a)]) => V::Bool(!a),
        (Opcode::Iand, [V::Bool(a), V::Bool(b)]) => V::Bool(a & b),
        (Opcode::Ior, [V::Bool(a), V::Bool(b)]) => V::Bool(a | b),
        (Opcode::Ixor, [V::Bool(a), V::Bool(b)]) => V::Bool(a ^ b),
        (_, [V::Int(ty, a), V::Int(other, b)])
            if ty == other
                && matches!(
                    opcode,
                    Opcode::Iadd
                        | Opcode::Isub
                        | Opcode::Imul
                        | Opcode::IfloorDiv
                        | Opcode::Imod
                        | Opcode::Idiv
                        | Opcode::Irem
                        | Opcode::Ishl
                        | Opcode::Ishr
                        | Opcode::Iand
                        | Opcode::Ior
                        | Opcode::Ixor
                        | Opcode::Ipow
                ) =>
        {
            V::Int(*ty, int_binary(opcode, *ty, *a, *b)?)
        }

        (Opcode::Fneg, [V::Float(ty, x)]) => V::Float(*ty, -x),
        (
            Opcode::Fadd
            | Opcode::Fsub
            | Opcode::Fmul
            | Opcode::Fdiv
            | Opcode::FfloorDiv
            | Opcode::Fmod
            | Opcode::Frem,
            [V::Float(ty, x), V::Float(other, y)],
        ) if ty == other => V::Float(*ty, in_precision(*ty, *x, *y, opcode)?),
        (Opcode::Fpow, [V::Float(ty, x), V::Float(other, y)]) if ty == other => {
            binary_float(*ty, *x, *y, f64::powf, f32::powf)
        }

        (Opcode::Cadd | Opcode::Csub, [V::Complex(ty, a, b), V::Complex(other, c, d)]) if ty == other => {
            let part = ty.real_part();
            let op = if matches!(opcode, Opcode::Cadd) { Opcode::Fadd } else { Opcode::Fsub };
            V::Complex(*ty, in_precision(part, *a, *c, &op)?, in_precision(part, *b, *d, &op)?)
        }
        (Opcode::Cmul, [V::Complex(ty, a, b), V::Complex(other, c, d)]) if ty == other => {
            // CPython's product, in the parts' precision.
            let part = ty.real_part();
            let (ac, bd) = (round_to(part, a * c), round_to(part, b * d));
            let (ad, bc) = (round_to(part, a * d), round_to(part, b * c));
            V::Complex(*ty, round_to(part, ac - bd), round_to(part, ad + bc))
        }
        (Opcode::Cdiv, [V::Complex(ty, a, b), V::Complex(other, c, d)]) if ty == other => {
            if ty.real_part() == ScalarType::Float32 {
                return Err(Trap::Unsupported("complex64 division".to_owned()));
            }
            let (re, im) = complex_divide((*a, *b), (*c, *d))?;
            V::Complex(*ty, re, im)
        }
        (Opcode::Cneg, [V::Complex(ty, re, im)]) => V::Complex(*ty, -re, -im),
        (Opcode::Cconj, [V::Complex(ty, re, im)]) => V::Complex(*ty, *re, -im),
        (Opcode::Creal, [V::Complex(ty, re, _)]) => V::Float(ty.real_part(), *re),
        (Opcode::Cimag, [V::Complex(ty, _, im)]) => V::Float(ty.real_part(), *im),
        (Opcode::Cmake, [V::Float(ty, re), V::Float(other, im)]) if ty == other => {
            let complex =
                if *ty == ScalarType::Float32 { ScalarType::Complex64 } else { ScalarType::Complex128 };
            V::Complex(complex, *re, *im)
        }

        (Opcode::Icmp(cc), [V::Int(ty, a), V::Int(other, b)]) if ty == other => {
            V::Bool(int_compare(*cc, *a, *b))
        }
        (Opcode::Icmp(cc), [V::Bool(a), V::Bool(b)]) => {
            V::Bool(int_compare(*cc, i128::from(*a), i128::from(*b)))
        }
        (Opcode::Fcmp(cc), [V::Float(ty, a), V::Float(other, b)]) if ty == other => {
            V::Bool(float_compare(*cc, *a, *b))
        }
        (
            Opcode::Fcmp(cc @ (FloatCC::Equal | FloatCC::NotEqual)),
            [V::Complex(ty, a, b), V::Complex(other, c, d)],
        ) if ty == other => {
            let equal = a == c && b == d;
            V::Bool(if *cc == FloatCC::Equal { equal } else { !equal })
        }
        (Opcode::Select, [V::Bool(condition), if_true, if_false]) => {
            if *condition {
                if_true.clone()
            } else {
                if_false.clone()
            }
        }
        (Opcode::Convert(to), [value]) => convert(value, *to)?,
        (Opcode::CallIntrinsic(which), _) => intrinsic(*which, args)?,
        (Opcode::TupleMake, _) => V::Tuple(args.to_vec()),
        (Opcode::TupleGet(index), [V::Tuple(items)]) => {
            items.get(*index as usize).cloned().ok_or_else(|| malformed(opcode, args))?
        }
        _ => return Err(malformed(opcode, args)),
    };
    Ok(value)
}

#[cfg(test)]
mod tests {
    use numjit_ir::Opcode;
    use numjit_types::ScalarType;

    use super::*;

    const I64: ScalarType = ScalarType::Int64;
    const I8: ScalarType = ScalarType::Int8;
    const U8: ScalarType = ScalarType::UInt8;
    const F64: ScalarType = ScalarType::Float64;
    const F32: ScalarType = ScalarType::Float32;

    fn check(opcode: Opcode, args: &[RuntimeValue], expect: &str) {
        let actual = match eval_pure(&opcode, args) {
            Ok(value) => value.to_string(),
            Err(trap) => format!("trap: {trap}"),
        };
        assert_eq!(actual, expect, "{} {args:?}", opcode.name());
    }

    fn int(ty: ScalarType, value: i128) -> RuntimeValue {
        RuntimeValue::Int(ty, value)
    }

    fn float(ty: ScalarType, value: f64) -> RuntimeValue {
        RuntimeValue::Float(ty, value)
    }

    #[test]
    fn integer_arithmetic_wraps_and_floors_like_python() {
        check(Opcode::Iadd, &[int(I8, 127), int(I8, 1)], "-128_i8");
        check(Opcode::Imul, &[int(U8, 200), int(U8, 2)], "144_u8");
        check(Opcode::Ineg, &[int(I64, i128::from(i64::MIN))], "-9223372036854775808_i64");
        check(Opcode::IfloorDiv, &[int(I64, -7), int(I64, 2)], "-4_i64");
        check(Opcode::Imod, &[int(I64, -7), int(I64, 2)], "1_i64");
        check(Opcode::Imod, &[int(I64, 7), int(I64, -2)], "-1_i64");
        check(Opcode::Idiv, &[int(I64, -7), int(I64, 2)], "-3_i64");
        check(Opcode::Irem, &[int(I64, -7), int(I64, 2)], "-1_i64");
        check(Opcode::IfloorDiv, &[int(I64, i128::from(i64::MIN)), int(I64, -1)], "-9223372036854775808_i64");
        check(
            Opcode::Imod,
            &[int(I64, 5), int(I64, 0)],
            "trap: undefined: integer division or modulo by zero",
        );
        check(Opcode::Ishl, &[int(I8, 1), int(I8, 7)], "-128_i8");
        check(Opcode::Ishr, &[int(I8, -128), int(I8, 7)], "-1_i8");
        check(Opcode::Ishr, &[int(U8, 128), int(U8, 7)], "1_u8");
        check(Opcode::Ishl, &[int(I8, 1), int(I8, 8)], "trap: undefined: shift amount outside the type");
        check(Opcode::Ishl, &[int(I8, 1), int(I8, -1)], "trap: undefined: shift amount outside the type");
        check(Opcode::Ipow, &[int(I64, 3), int(I64, 40)], "-6289078614652622815_i64");
        check(Opcode::Ipow, &[int(I64, 0), int(I64, 0)], "1_i64");
        check(Opcode::Ipow, &[int(I64, 2), int(I64, -1)], "trap: undefined: negative integer power");
        check(
            Opcode::Ipow,
            &[int(ScalarType::UInt64, u64::MAX.into()), int(ScalarType::UInt64, u64::MAX.into())],
            "18446744073709551615_u64",
        );
        check(Opcode::Inot, &[int(U8, 0)], "255_u8");
        check(Opcode::Inot, &[RuntimeValue::Bool(true)], "False");
        check(Opcode::Icmp(IntCC::LessThan), &[int(U8, 200), int(U8, 100)], "False");
    }

    #[test]
    fn floats_follow_ieee_and_cpython() {
        check(Opcode::FfloorDiv, &[float(F64, 7.0), float(F64, -2.0)], "-4.0_f64");
        check(Opcode::Fmod, &[float(F64, 7.0), float(F64, -2.0)], "-1.0_f64");
        check(Opcode::Fmod, &[float(F64, -0.0), float(F64, 5.0)], "0.0_f64");
        check(Opcode::Fmod, &[float(F64, 0.0), float(F64, -5.0)], "-0.0_f64");
        check(Opcode::FfloorDiv, &[float(F64, -0.0), float(F64, 5.0)], "-0.0_f64");
        check(
            Opcode::FfloorDiv,
            &[float(F64, 1.0), float(F64, 0.0)],
            "trap: undefined: Python float floor division or modulo by zero",
        );
        check(Opcode::Fdiv, &[float(F64, 1.0), float(F64, -0.0)], "-inf_f64");
        check(Opcode::Frem, &[float(F64, -7.0), float(F64, 2.0)], "-1.0_f64");
        check(Opcode::Fadd, &[float(F32, 16777216.0), float(F32, 1.0)], "16777216.0_f32");
        check(Opcode::Fcmp(FloatCC::NotEqual), &[float(F64, f64::NAN), float(F64, f64::NAN)], "True");
        check(Opcode::Fcmp(FloatCC::GreaterThanOrEqual), &[float(F64, f64::NAN), float(F64, 1.0)], "False");
        check(Opcode::Fcmp(FloatCC::Unordered), &[float(F64, f64::NAN), float(F64, 1.0)], "True");
        check(Opcode::Fneg, &[float(F64, 0.0)], "-0.0_f64");
    }

    #[test]
    fn conversions_follow_the_documented_rules() {
        check(Opcode::Convert(I8), &[int(I64, 300)], "44_i8");
        check(Opcode::Convert(U8), &[int(I8, -1)], "255_u8");
        check(Opcode::Convert(I64), &[int(I8, -1)], "-1_i64");
        check(Opcode::Convert(I64), &[float(F64, -2.9)], "-2_i64");
        check(Opcode::Convert(U8), &[float(F64, -0.5)], "0_u8");
        check(
            Opcode::Convert(U8),
            &[float(F64, 256.0)],
            "trap: undefined: float to integer conversion out of range",
        );
        check(
            Opcode::Convert(I64),
            &[float(F64, 9.3e18)],
            "trap: undefined: float to integer conversion out of range",
        );
        check(
            Opcode::Convert(I64),
            &[float(F64, f64::NAN)],
            "trap: undefined: float to integer conversion out of range",
        );
        check(Opcode::Convert(ScalarType::Bool), &[float(F64, f64::NAN)], "True");
        check(Opcode::Convert(ScalarType::Bool), &[float(F64, -0.0)], "False");
        check(Opcode::Convert(F32), &[float(F64, 0.1)], "0.10000000149011612_f32");
        check(Opcode::Convert(F32), &[int(I64, 16777217)], "16777216.0_f32");
        check(Opcode::Convert(F64), &[RuntimeValue::Bool(true)], "1.0_f64");
        check(
            Opcode::Convert(ScalarType::Bool),
            &[RuntimeValue::Complex(ScalarType::Complex128, 0.0, 1.0)],
            "True",
        );
        check(Opcode::Convert(I64), &[RuntimeValue::Complex(ScalarType::Complex128, 2.5, 1.0)], "2_i64");
    }

    #[test]
    fn intrinsics_and_complex() {
        check(Opcode::CallIntrinsic(Intrinsic::Round), &[float(F64, 2.5)], "2.0_f64");
        check(Opcode::CallIntrinsic(Intrinsic::Sqrt), &[float(F32, 2.0)], "1.4142135381698608_f32");
        check(Opcode::CallIntrinsic(Intrinsic::Frexp), &[float(F64, 8.0)], "(0.5_f64, 4_i32)");
        check(Opcode::CallIntrinsic(Intrinsic::Frexp), &[float(F64, 5e-324)], "(0.5_f64, -1073_i32)");
        check(Opcode::CallIntrinsic(Intrinsic::Ldexp), &[float(F64, 0.5), int(I64, -1073)], "5e-324_f64");
        check(
            Opcode::CallIntrinsic(Intrinsic::Nextafter),
            &[float(F64, 1.0), float(F64, 2.0)],
            "1.0000000000000002_f64",
        );
        check(Opcode::CallIntrinsic(Intrinsic::Gcd), &[int(I64, -12), int(I64, 18)], "6_i64");
        check(
            Opcode::CallIntrinsic(Intrinsic::Erf),
            &[float(F64, 1.0)],
            "trap: unsupported: the interpreter has no `erf` for these arguments",
        );
        let c = |re, im| RuntimeValue::Complex(ScalarType::Complex128, re, im);
        check(Opcode::Cdiv, &[c(1.0, 2.0), c(3.0, 4.0)], "(0.44+0.08j)_c128");
        check(Opcode::Cmul, &[c(1.0, 2.0), c(3.0, 4.0)], "(-5.0+10.0j)_c128");
        check(Opcode::Cdiv, &[c(1.0, 2.0), c(0.0, 0.0)], "trap: undefined: complex division by zero");
    }
}
