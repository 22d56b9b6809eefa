//! Codegen of the value-producing scalar opcodes: constants, integer, float and complex
//! arithmetic with Python's semantics, comparisons, `select`, conversions and the math
//! intrinsics.
//!
//! Where the IR leaves a result undefined (integer division by zero, shifts by the bit width
//! or more, float-to-int conversion out of range) the code still computes *some* value
//! without undefined behaviour in LLVM: a zero divisor is replaced by 1, `MIN // -1` wraps,
//! large shifts give 0 (or the sign), out-of-range float conversions give the type's
//! minimum as x86 and Numba do.

use inkwell::intrinsics::Intrinsic as LlvmIntrinsic;
use inkwell::types::{BasicMetadataTypeEnum, BasicTypeEnum, FloatType};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};
use numjit_abi::entry;
use numjit_ir::{FloatCC, Inst, InstData, IntCC, Intrinsic, Opcode};
use numjit_types::{ScalarType, Type};

use super::{Fallible, FunctionCodegen, OrMessage, types};

/// Lowers one value-producing instruction.
pub(super) fn lower<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    inst: Inst,
    data: &InstData,
    args: &[BasicValueEnum<'ctx>],
) -> Fallible<BasicValueEnum<'ctx>> {
    let context = cx.context();
    let result_type = || -> Fallible<&Type> {
        let result = cx.func.dfg.first_result(inst).ok_or("instruction without result")?;
        Ok(cx.value_type(result))
    };
    let arg = |index: usize| -> Fallible<BasicValueEnum<'ctx>> {
        args.get(index).copied().ok_or_else(|| format!("missing operand {index}"))
    };
    let int = |index: usize| -> Fallible<IntValue<'ctx>> {
        match arg(index)? {
            BasicValueEnum::IntValue(value) => Ok(value),
            other => Err(format!("operand {index} is not an integer: {}", other.get_type())),
        }
    };
    let float = |index: usize| -> Fallible<FloatValue<'ctx>> {
        match arg(index)? {
            BasicValueEnum::FloatValue(value) => Ok(value),
            other => Err(format!("operand {index} is not a float: {}", other.get_type())),
        }
    };
    let operand_scalar = |index: usize| -> Fallible<ScalarType> {
        cx.scalar_of(*data.args.get(index).ok_or_else(|| format!("missing operand {index}"))?)
    };
    let b = cx.builder();
    match &data.opcode {
        Opcode::Iconst { ty, value } => {
            let llvm = types::scalar_type(context, *ty).into_int_type();
            Ok(llvm.const_int(*value as u64, false).into())
        }
        Opcode::Fconst { ty, bits } => {
            let llvm = types::scalar_type(context, *ty).into_float_type();
            Ok(llvm.const_float(f64::from_bits(*bits)).into())
        }
        Opcode::Cconst { ty, real_bits, imag_bits } => {
            let part = types::scalar_type(context, ty.real_part()).into_float_type();
            let re = part.const_float(f64::from_bits(*real_bits));
            let im = part.const_float(f64::from_bits(*imag_bits));
            cx.make_struct(types::scalar_type(context, *ty), &[re.into(), im.into()])
        }
        Opcode::Bconst(value) => Ok(context.bool_type().const_int(u64::from(*value), false).into()),

        Opcode::Iadd => Ok(b.build_int_add(int(0)?, int(1)?, "add").msg()?.into()),
        Opcode::Isub => Ok(b.build_int_sub(int(0)?, int(1)?, "sub").msg()?.into()),
        Opcode::Imul => Ok(b.build_int_mul(int(0)?, int(1)?, "mul").msg()?.into()),
        Opcode::Ineg => {
            let value = int(0)?;
            Ok(b.build_int_sub(value.get_type().const_zero(), value, "neg").msg()?.into())
        }
        Opcode::Iand => Ok(b.build_and(int(0)?, int(1)?, "and").msg()?.into()),
        Opcode::Ior => Ok(b.build_or(int(0)?, int(1)?, "or").msg()?.into()),
        Opcode::Ixor => Ok(b.build_xor(int(0)?, int(1)?, "xor").msg()?.into()),
        Opcode::Inot => Ok(b.build_not(int(0)?, "not").msg()?.into()),
        Opcode::IfloorDiv | Opcode::Imod | Opcode::Idiv | Opcode::Irem => {
            let signed = operand_scalar(0)?.is_signed_integer();
            let (quotient, remainder) = int_div_rem(cx, int(0)?, int(1)?, signed)?;
            let floor = matches!(data.opcode, Opcode::IfloorDiv | Opcode::Imod);
            let (quotient, remainder) = if floor && signed {
                floor_adjust(cx, quotient, remainder, int(1)?)?
            } else {
                (quotient, remainder)
            };
            Ok(if matches!(data.opcode, Opcode::IfloorDiv | Opcode::Idiv) { quotient } else { remainder }
                .into())
        }
        Opcode::Ishl | Opcode::Ishr => {
            let signed = operand_scalar(0)?.is_signed_integer();
            let (value, amount) = (int(0)?, int(1)?);
            let ty = value.get_type();
            let amount = b.build_int_cast_sign_flag(amount, ty, false, "amount").msg()?;
            let width = ty.const_int(u64::from(ty.get_bit_width()), false);
            let too_far = b.build_int_compare(IntPredicate::UGE, amount, width, "too_far").msg()?;
            let safe_amount =
                b.build_select(too_far, ty.const_zero(), amount, "safe_amount").msg()?.into_int_value();
            let (shifted, overflow) = if matches!(data.opcode, Opcode::Ishl) {
                (b.build_left_shift(value, safe_amount, "shl").msg()?, ty.const_zero())
            } else {
                let shifted = b.build_right_shift(value, safe_amount, signed, "shr").msg()?;
                let fill = if signed {
                    let top = ty.const_int(u64::from(ty.get_bit_width() - 1), false);
                    b.build_right_shift(value, top, true, "sign").msg()?
                } else {
                    ty.const_zero()
                };
                (shifted, fill)
            };
            Ok(b.build_select(too_far, overflow, shifted, "shift").msg()?)
        }
        Opcode::Ipow => {
            let scalar = operand_scalar(0)?;
            let (entry, signed) =
                if scalar.is_signed_integer() { (&entry::POW_I64, true) } else { (&entry::POW_U64, false) };
            let i64_type = context.i64_type();
            let base = b.build_int_cast_sign_flag(int(0)?, i64_type, signed, "base").msg()?;
            let exponent = b
                .build_int_cast_sign_flag(int(1)?, i64_type, operand_scalar(1)?.is_signed_integer(), "exp")
                .msg()?;
            let result =
                cx.call_value(cx.m.runtime(entry), &[base.into(), exponent.into()], "pow")?.into_int_value();
            Ok(b.build_int_cast_sign_flag(result, int(0)?.get_type(), signed, "pow").msg()?.into())
        }

        Opcode::Fadd => Ok(b.build_float_add(float(0)?, float(1)?, "fadd").msg()?.into()),
        Opcode::Fsub => Ok(b.build_float_sub(float(0)?, float(1)?, "fsub").msg()?.into()),
        Opcode::Fmul => Ok(b.build_float_mul(float(0)?, float(1)?, "fmul").msg()?.into()),
        Opcode::Fdiv => Ok(b.build_float_div(float(0)?, float(1)?, "fdiv").msg()?.into()),
        Opcode::Frem => Ok(b.build_float_rem(float(0)?, float(1)?, "frem").msg()?.into()),
        Opcode::Fneg => Ok(b.build_float_neg(float(0)?, "fneg").msg()?.into()),
        Opcode::Fpow => {
            let (x, y) = (float(0)?, float(1)?);
            intrinsic(cx, "llvm.pow", &[x.get_type().into()], &[x.into(), y.into()])
        }
        Opcode::FfloorDiv | Opcode::Fmod => {
            let (quotient, remainder) = float_div_mod(cx, float(0)?, float(1)?)?;
            Ok(if matches!(data.opcode, Opcode::FfloorDiv) { quotient } else { remainder }.into())
        }

        Opcode::Cadd | Opcode::Csub | Opcode::Cmul | Opcode::Cdiv | Opcode::Cpow => {
            let (a, c) = (complex_parts(cx, arg(0)?)?, complex_parts(cx, arg(1)?)?);
            let (re, im) = match data.opcode {
                Opcode::Cadd => {
                    (b.build_float_add(a.0, c.0, "re").msg()?, b.build_float_add(a.1, c.1, "im").msg()?)
                }
                Opcode::Csub => {
                    (b.build_float_sub(a.0, c.0, "re").msg()?, b.build_float_sub(a.1, c.1, "im").msg()?)
                }
                Opcode::Cmul => complex_mul(cx, a, c)?,
                Opcode::Cdiv => complex_div(cx, a, c)?,
                _ => complex_pow(cx, a, c)?,
            };
            cx.make_struct(arg(0)?.get_type(), &[re.into(), im.into()])
        }
        Opcode::Cneg | Opcode::Cconj => {
            let (re, im) = complex_parts(cx, arg(0)?)?;
            let re =
                if matches!(data.opcode, Opcode::Cneg) { b.build_float_neg(re, "re").msg()? } else { re };
            let im = b.build_float_neg(im, "im").msg()?;
            cx.make_struct(arg(0)?.get_type(), &[re.into(), im.into()])
        }
        Opcode::Creal => cx.extract(arg(0)?, 0),
        Opcode::Cimag => cx.extract(arg(0)?, 1),
        Opcode::Cmake => {
            let ty = types::value_type(context, result_type()?)?;
            cx.make_struct(ty, &[arg(0)?, arg(1)?])
        }

        Opcode::Icmp(cc) => {
            let signed = operand_scalar(0)?.is_signed_integer();
            let predicate = int_predicate(*cc, signed);
            Ok(b.build_int_compare(predicate, int(0)?, int(1)?, "icmp").msg()?.into())
        }
        Opcode::Fcmp(cc) => {
            let scalar = operand_scalar(0)?;
            if scalar.is_complex() {
                let (a, c) = (complex_parts(cx, arg(0)?)?, complex_parts(cx, arg(1)?)?);
                let (predicate, equal) = match cc {
                    FloatCC::Equal => (FloatPredicate::OEQ, true),
                    FloatCC::NotEqual => (FloatPredicate::UNE, false),
                    other => return Err(format!("complex numbers have no `{}` comparison", other.name())),
                };
                let re = b.build_float_compare(predicate, a.0, c.0, "re").msg()?;
                let im = b.build_float_compare(predicate, a.1, c.1, "im").msg()?;
                let combined = if equal {
                    b.build_and(re, im, "ceq").msg()?
                } else {
                    b.build_or(re, im, "cne").msg()?
                };
                return Ok(combined.into());
            }
            Ok(b.build_float_compare(float_predicate(*cc), float(0)?, float(1)?, "fcmp").msg()?.into())
        }
        Opcode::Select => {
            let condition = int(0)?;
            Ok(b.build_select(condition, arg(1)?, arg(2)?, "select").msg()?)
        }
        Opcode::Convert(to) => convert(cx, arg(0)?, operand_scalar(0)?, *to),
        Opcode::CallIntrinsic(intrinsic_kind) => {
            let scalars: Vec<ScalarType> =
                (0..data.args.len()).map(operand_scalar).collect::<Fallible<_>>()?;
            call_intrinsic(cx, *intrinsic_kind, args, &scalars, result_type()?)
        }
        other => Err(format!("codegen does not handle `{}` here", other.name())),
    }
}

fn int_predicate(cc: IntCC, signed: bool) -> IntPredicate {
    match (cc, signed) {
        (IntCC::Equal, _) => IntPredicate::EQ,
        (IntCC::NotEqual, _) => IntPredicate::NE,
        (IntCC::LessThan, true) => IntPredicate::SLT,
        (IntCC::LessThan, false) => IntPredicate::ULT,
        (IntCC::LessThanOrEqual, true) => IntPredicate::SLE,
        (IntCC::LessThanOrEqual, false) => IntPredicate::ULE,
        (IntCC::GreaterThan, true) => IntPredicate::SGT,
        (IntCC::GreaterThan, false) => IntPredicate::UGT,
        (IntCC::GreaterThanOrEqual, true) => IntPredicate::SGE,
        (IntCC::GreaterThanOrEqual, false) => IntPredicate::UGE,
    }
}

/// Python's comparison semantics: false when unordered, except `!=`.
fn float_predicate(cc: FloatCC) -> FloatPredicate {
    match cc {
        FloatCC::Equal => FloatPredicate::OEQ,
        FloatCC::NotEqual => FloatPredicate::UNE,
        FloatCC::LessThan => FloatPredicate::OLT,
        FloatCC::LessThanOrEqual => FloatPredicate::OLE,
        FloatCC::GreaterThan => FloatPredicate::OGT,
        FloatCC::GreaterThanOrEqual => FloatPredicate::OGE,
        FloatCC::Ordered => FloatPredicate::ORD,
        FloatCC::Unordered => FloatPredicate::UNO,
    }
}

/// C division and remainder, defined for every divisor: 0 divides as 1, and `MIN / -1`
/// wraps to `MIN` with remainder 0.
fn int_div_rem<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    dividend: IntValue<'ctx>,
    divisor: IntValue<'ctx>,
    signed: bool,
) -> Fallible<(IntValue<'ctx>, IntValue<'ctx>)> {
    let b = cx.builder();
    let ty = dividend.get_type();
    let (zero, one) = (ty.const_zero(), ty.const_int(1, false));
    let is_zero = b.build_int_compare(IntPredicate::EQ, divisor, zero, "div_zero").msg()?;
    if !signed {
        let safe = b.build_select(is_zero, one, divisor, "divisor").msg()?.into_int_value();
        return Ok((
            b.build_int_unsigned_div(dividend, safe, "udiv").msg()?,
            b.build_int_unsigned_rem(dividend, safe, "urem").msg()?,
        ));
    }
    let minus_one = ty.const_all_ones();
    let is_minus_one = b.build_int_compare(IntPredicate::EQ, divisor, minus_one, "div_m1").msg()?;
    let special = b.build_or(is_zero, is_minus_one, "special").msg()?;
    let safe = b.build_select(special, one, divisor, "divisor").msg()?.into_int_value();
    let quotient = b.build_int_signed_div(dividend, safe, "sdiv").msg()?;
    let remainder = b.build_int_signed_rem(dividend, safe, "srem").msg()?;
    let negated = b.build_int_sub(zero, dividend, "negated").msg()?;
    let quotient = b.build_select(is_minus_one, negated, quotient, "quot").msg()?.into_int_value();
    let remainder = b.build_select(is_minus_one, zero, remainder, "rem").msg()?.into_int_value();
    Ok((quotient, remainder))
}

/// Turns truncating division into Python's floor division: when the remainder is nonzero
/// and its sign differs from the divisor's, the quotient goes down by one and the
/// remainder up by the divisor.
fn floor_adjust<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    quotient: IntValue<'ctx>,
    remainder: IntValue<'ctx>,
    divisor: IntValue<'ctx>,
) -> Fallible<(IntValue<'ctx>, IntValue<'ctx>)> {
    let b = cx.builder();
    let ty = quotient.get_type();
    let zero = ty.const_zero();
    let nonzero = b.build_int_compare(IntPredicate::NE, remainder, zero, "rem_nz").msg()?;
    let signs = b.build_xor(remainder, divisor, "signs").msg()?;
    let differ = b.build_int_compare(IntPredicate::SLT, signs, zero, "signs_differ").msg()?;
    let adjust = b.build_and(nonzero, differ, "adjust").msg()?;
    let quotient_down = b.build_int_sub(quotient, ty.const_int(1, false), "quot_m1").msg()?;
    let remainder_up = b.build_int_add(remainder, divisor, "rem_pd").msg()?;
    Ok((
        b.build_select(adjust, quotient_down, quotient, "floordiv").msg()?.into_int_value(),
        b.build_select(adjust, remainder_up, remainder, "mod").msg()?.into_int_value(),
    ))
}

/// CPython's `float.__divmod__` (floor quotient, remainder with the divisor's sign), as
/// selects so loops vectorise. For a zero divisor: IEEE `x / 0` and `fmod(x, 0)`, NumPy's
/// results (the IR leaves them undefined; lowering raises under `error_model='python'`).
fn float_div_mod<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    x: FloatValue<'ctx>,
    y: FloatValue<'ctx>,
) -> Fallible<(FloatValue<'ctx>, FloatValue<'ctx>)> {
    let b = cx.builder();
    let ty = x.get_type();
    let (zero, one, half) = (ty.const_float(0.0), ty.const_float(1.0), ty.const_float(0.5));
    let remainder = b.build_float_rem(x, y, "fmod").msg()?;
    let numerator = b.build_float_sub(x, remainder, "x_minus_mod").msg()?;
    let quotient = b.build_float_div(numerator, y, "div").msg()?;
    let remainder_nonzero = b.build_float_compare(FloatPredicate::UNE, remainder, zero, "mod_nz").msg()?;
    let y_negative = b.build_float_compare(FloatPredicate::OLT, y, zero, "y_neg").msg()?;
    let remainder_negative = b.build_float_compare(FloatPredicate::OLT, remainder, zero, "mod_neg").msg()?;
    let differ = b.build_xor(y_negative, remainder_negative, "signs_differ").msg()?;
    let adjust = b.build_and(remainder_nonzero, differ, "adjust").msg()?;
    let remainder_up = b.build_float_add(remainder, y, "mod_py").msg()?;
    let quotient_down = b.build_float_sub(quotient, one, "div_m1").msg()?;
    let remainder = b.build_select(adjust, remainder_up, remainder, "mod1").msg()?.into_float_value();
    let quotient = b.build_select(adjust, quotient_down, quotient, "div1").msg()?.into_float_value();
    let signed_zero_mod = copysign(cx, zero, y)?;
    let remainder =
        b.build_select(remainder_nonzero, remainder, signed_zero_mod, "mod2").msg()?.into_float_value();
    let quotient_nonzero = b.build_float_compare(FloatPredicate::UNE, quotient, zero, "div_nz").msg()?;
    let floor = unary_intrinsic(cx, "llvm.floor", quotient)?;
    let fraction = b.build_float_sub(quotient, floor, "frac").msg()?;
    let round_up = b.build_float_compare(FloatPredicate::OGT, fraction, half, "round_up").msg()?;
    let floor_up = b.build_float_add(floor, one, "floor_p1").msg()?;
    let floor = b.build_select(round_up, floor_up, floor, "floor1").msg()?.into_float_value();
    let true_quotient = b.build_float_div(x, y, "true_div").msg()?;
    let signed_zero_div = copysign(cx, zero, true_quotient)?;
    let floor_div =
        b.build_select(quotient_nonzero, floor, signed_zero_div, "floordiv").msg()?.into_float_value();
    let y_zero = b.build_float_compare(FloatPredicate::OEQ, y, zero, "y_zero").msg()?;
    let raw_remainder = b.build_float_rem(x, y, "fmod0").msg()?;
    Ok((
        b.build_select(y_zero, true_quotient, floor_div, "fdiv_py").msg()?.into_float_value(),
        b.build_select(y_zero, raw_remainder, remainder, "fmod_py").msg()?.into_float_value(),
    ))
}

fn copysign<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    magnitude: FloatValue<'ctx>,
    sign: FloatValue<'ctx>,
) -> Fallible<FloatValue<'ctx>> {
    Ok(intrinsic(cx, "llvm.copysign", &[magnitude.get_type().into()], &[magnitude.into(), sign.into()])?
        .into_float_value())
}

type Parts<'ctx> = (FloatValue<'ctx>, FloatValue<'ctx>);

fn complex_parts<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    value: BasicValueEnum<'ctx>,
) -> Fallible<Parts<'ctx>> {
    Ok((cx.extract(value, 0)?.into_float_value(), cx.extract(value, 1)?.into_float_value()))
}

/// CPython's complex product (no recovery of infinities).
fn complex_mul<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    a: Parts<'ctx>,
    c: Parts<'ctx>,
) -> Fallible<Parts<'ctx>> {
    let b = cx.builder();
    let ac = b.build_float_mul(a.0, c.0, "ac").msg()?;
    let bd = b.build_float_mul(a.1, c.1, "bd").msg()?;
    let ad = b.build_float_mul(a.0, c.1, "ad").msg()?;
    let bc = b.build_float_mul(a.1, c.0, "bc").msg()?;
    Ok((b.build_float_sub(ac, bd, "re").msg()?, b.build_float_add(ad, bc, "im").msg()?))
}

/// CPython's complex quotient (Smith's method), both branches computed and selected.
fn complex_div<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    a: Parts<'ctx>,
    c: Parts<'ctx>,
) -> Fallible<Parts<'ctx>> {
    let b = cx.builder();
    let abs_re = unary_intrinsic(cx, "llvm.fabs", c.0)?;
    let abs_im = unary_intrinsic(cx, "llvm.fabs", c.1)?;
    // |c.re| >= |c.im|
    let ratio = b.build_float_div(c.1, c.0, "ratio1").msg()?;
    let scaled = b.build_float_mul(c.1, ratio, "s1").msg()?;
    let denominator = b.build_float_add(c.0, scaled, "den1").msg()?;
    let t = b.build_float_mul(a.1, ratio, "t1").msg()?;
    let re1 = b.build_float_div(b.build_float_add(a.0, t, "n1").msg()?, denominator, "re1").msg()?;
    let t = b.build_float_mul(a.0, ratio, "t2").msg()?;
    let im1 = b.build_float_div(b.build_float_sub(a.1, t, "n2").msg()?, denominator, "im1").msg()?;
    // |c.im| > |c.re|
    let ratio = b.build_float_div(c.0, c.1, "ratio2").msg()?;
    let scaled = b.build_float_mul(c.0, ratio, "s2").msg()?;
    let denominator = b.build_float_add(scaled, c.1, "den2").msg()?;
    let t = b.build_float_mul(a.0, ratio, "t3").msg()?;
    let re2 = b.build_float_div(b.build_float_add(t, a.1, "n3").msg()?, denominator, "re2").msg()?;
    let t = b.build_float_mul(a.1, ratio, "t4").msg()?;
    let im2 = b.build_float_div(b.build_float_sub(t, a.0, "n4").msg()?, denominator, "im2").msg()?;
    let first = b.build_float_compare(FloatPredicate::OGE, abs_re, abs_im, "re_dominates").msg()?;
    let second = b.build_float_compare(FloatPredicate::OGE, abs_im, abs_re, "im_dominates").msg()?;
    let nan = abs_re.get_type().const_float(f64::NAN);
    let re = b.build_select(second, re2, nan, "re_b").msg()?.into_float_value();
    let im = b.build_select(second, im2, nan, "im_b").msg()?.into_float_value();
    Ok((
        b.build_select(first, re1, re, "cdiv_re").msg()?.into_float_value(),
        b.build_select(first, im1, im, "cdiv_im").msg()?.into_float_value(),
    ))
}

/// `z ** w` through the runtime (computed in double precision).
fn complex_pow<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    z: Parts<'ctx>,
    w: Parts<'ctx>,
) -> Fallible<Parts<'ctx>> {
    call_complex_runtime(cx, &entry::CPOW, &[z, w])
}

/// Calls a runtime function taking complex numbers as `(re, im)` double pairs followed by a
/// pointer to the `[re, im]` result, widening complex64 parts to double and narrowing the
/// result back.
fn call_complex_runtime<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    function: &entry::EntryPoint,
    operands: &[Parts<'ctx>],
) -> Fallible<Parts<'ctx>> {
    let b = cx.builder();
    let context = cx.context();
    let f64_type = context.f64_type();
    let part_type = operands.first().ok_or("no complex operands")?.0.get_type();
    let widen = |value: FloatValue<'ctx>| -> Fallible<FloatValue<'ctx>> {
        if part_type == f64_type { Ok(value) } else { b.build_float_ext(value, f64_type, "wide").msg() }
    };
    let pair = context.struct_type(&[f64_type.into(), f64_type.into()], false);
    let slot = cx.entry_alloca(pair.into(), "cresult")?;
    let mut args: Vec<BasicMetadataValueEnum<'ctx>> = Vec::with_capacity(2 * operands.len() + 1);
    for (re, im) in operands {
        args.push(widen(*re)?.into());
        args.push(widen(*im)?.into());
    }
    args.push(slot.into());
    cx.call_void(cx.m.runtime(function), &args)?;
    let result = b.build_load(pair, slot, "cresult").msg()?;
    let (re, im) = complex_parts(cx, result)?;
    if part_type == f64_type {
        return Ok((re, im));
    }
    Ok((b.build_float_trunc(re, part_type, "re").msg()?, b.build_float_trunc(im, part_type, "im").msg()?))
}

/// Calls an (overloaded) LLVM intrinsic.
fn intrinsic<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    name: &str,
    overloads: &[BasicTypeEnum<'ctx>],
    args: &[BasicMetadataValueEnum<'ctx>],
) -> Fallible<BasicValueEnum<'ctx>> {
    let found = LlvmIntrinsic::find(name).ok_or_else(|| format!("LLVM has no intrinsic {name}"))?;
    let declaration = found
        .get_declaration(&cx.m.module, overloads)
        .ok_or_else(|| format!("cannot declare {name} for {overloads:?}"))?;
    cx.call_value(declaration, args, "intr")
}

fn unary_intrinsic<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    name: &str,
    x: FloatValue<'ctx>,
) -> Fallible<FloatValue<'ctx>> {
    Ok(intrinsic(cx, name, &[x.get_type().into()], &[x.into()])?.into_float_value())
}

/// Calls a double-precision C function (libm or runtime) on float arguments of any float
/// type, widening and narrowing around it.
fn call_f64<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    function: inkwell::values::FunctionValue<'ctx>,
    args: &[FloatValue<'ctx>],
) -> Fallible<FloatValue<'ctx>> {
    let b = cx.builder();
    let f64_type = cx.context().f64_type();
    let ty = args.first().ok_or("no arguments")?.get_type();
    let mut wide: Vec<BasicMetadataValueEnum<'ctx>> = Vec::new();
    for arg in args {
        wide.push(if ty == f64_type {
            (*arg).into()
        } else {
            b.build_float_ext(*arg, f64_type, "wide").msg()?.into()
        });
    }
    let result = cx.call_value(function, &wide, "call")?.into_float_value();
    if ty == f64_type { Ok(result) } else { b.build_float_trunc(result, ty, "narrow").msg() }
}

/// A libm function of `n` doubles returning a double.
fn libm_f64<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    name: &str,
    n_params: usize,
) -> inkwell::values::FunctionValue<'ctx> {
    let f64_type = cx.context().f64_type();
    let params: Vec<BasicMetadataTypeEnum<'ctx>> = (0..n_params).map(|_| f64_type.into()).collect();
    cx.m.libm(name, &params, f64_type.into())
}

fn call_intrinsic<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    kind: Intrinsic,
    args: &[BasicValueEnum<'ctx>],
    scalars: &[ScalarType],
    result_type: &Type,
) -> Fallible<BasicValueEnum<'ctx>> {
    let b = cx.builder();
    let first = *scalars.first().ok_or("intrinsic without arguments")?;
    if first.is_complex() {
        return complex_intrinsic(cx, kind, args, result_type);
    }
    if kind == Intrinsic::Gcd {
        let signed = first.is_signed_integer();
        let i64_type = cx.context().i64_type();
        let x = b.build_int_cast_sign_flag(args[0].into_int_value(), i64_type, signed, "a").msg()?;
        let y = b.build_int_cast_sign_flag(args[1].into_int_value(), i64_type, signed, "b").msg()?;
        let result =
            cx.call_value(cx.m.runtime(&entry::GCD_I64), &[x.into(), y.into()], "gcd")?.into_int_value();
        return Ok(b
            .build_int_cast_sign_flag(result, args[0].into_int_value().get_type(), signed, "gcd")
            .msg()?
            .into());
    }
    let x = match args.first() {
        Some(BasicValueEnum::FloatValue(x)) => *x,
        _ => return Err(format!("{kind} needs a float argument")),
    };
    let ty: FloatType<'ctx> = x.get_type();
    let y = || match args.get(1) {
        Some(BasicValueEnum::FloatValue(y)) => Ok(*y),
        _ => Err(format!("{kind} needs two float arguments")),
    };
    let llvm_unary =
        |name: &str| -> Fallible<BasicValueEnum<'ctx>> { Ok(unary_intrinsic(cx, name, x)?.into()) };
    let libm_unary = |name: &str| -> Fallible<BasicValueEnum<'ctx>> {
        Ok(call_f64(cx, libm_f64(cx, name, 1), &[x])?.into())
    };
    let runtime_unary = |entry: &entry::EntryPoint| -> Fallible<BasicValueEnum<'ctx>> {
        Ok(call_f64(cx, cx.m.runtime(entry), &[x])?.into())
    };
    match kind {
        Intrinsic::Sqrt => llvm_unary("llvm.sqrt"),
        Intrinsic::Exp => llvm_unary("llvm.exp"),
        Intrinsic::Log => llvm_unary("llvm.log"),
        Intrinsic::Log10 => llvm_unary("llvm.log10"),
        Intrinsic::Log2 => llvm_unary("llvm.log2"),
        Intrinsic::Sin => llvm_unary("llvm.sin"),
        Intrinsic::Cos => llvm_unary("llvm.cos"),
        Intrinsic::Tan => llvm_unary("llvm.tan"),
        Intrinsic::Asin => llvm_unary("llvm.asin"),
        Intrinsic::Acos => llvm_unary("llvm.acos"),
        Intrinsic::Atan => llvm_unary("llvm.atan"),
        Intrinsic::Sinh => llvm_unary("llvm.sinh"),
        Intrinsic::Cosh => llvm_unary("llvm.cosh"),
        Intrinsic::Tanh => llvm_unary("llvm.tanh"),
        Intrinsic::Fabs => llvm_unary("llvm.fabs"),
        Intrinsic::Floor => llvm_unary("llvm.floor"),
        Intrinsic::Ceil => llvm_unary("llvm.ceil"),
        Intrinsic::Trunc => llvm_unary("llvm.trunc"),
        Intrinsic::Round => llvm_unary("llvm.roundeven"),
        Intrinsic::Asinh => libm_unary("asinh"),
        Intrinsic::Acosh => libm_unary("acosh"),
        Intrinsic::Atanh => libm_unary("atanh"),
        Intrinsic::Log1p => libm_unary("log1p"),
        Intrinsic::Expm1 => libm_unary("expm1"),
        Intrinsic::Erf => runtime_unary(&entry::ERF),
        Intrinsic::Erfc => runtime_unary(&entry::ERFC),
        Intrinsic::Gamma => runtime_unary(&entry::GAMMA),
        Intrinsic::Lgamma => runtime_unary(&entry::LGAMMA),
        Intrinsic::Degrees => {
            Ok(b.build_float_mul(x, ty.const_float(180.0 / std::f64::consts::PI), "degrees").msg()?.into())
        }
        Intrinsic::Radians => {
            Ok(b.build_float_mul(x, ty.const_float(std::f64::consts::PI / 180.0), "radians").msg()?.into())
        }
        Intrinsic::Atan2 => Ok(call_f64(cx, libm_f64(cx, "atan2", 2), &[x, y()?])?.into()),
        Intrinsic::Hypot => Ok(call_f64(cx, libm_f64(cx, "hypot", 2), &[x, y()?])?.into()),
        Intrinsic::Nextafter => {
            let name = if ty == cx.context().f32_type() { "nextafterf" } else { "nextafter" };
            let params: Vec<BasicMetadataTypeEnum<'ctx>> = vec![ty.into(), ty.into()];
            let function = cx.m.libm(name, &params, ty.into());
            cx.call_value(function, &[x.into(), y()?.into()], "nextafter")
        }
        Intrinsic::Copysign => Ok(copysign(cx, x, y()?)?.into()),
        Intrinsic::Isnan => Ok(b.build_float_compare(FloatPredicate::UNO, x, x, "isnan").msg()?.into()),
        Intrinsic::Isinf | Intrinsic::Isfinite => {
            let magnitude = unary_intrinsic(cx, "llvm.fabs", x)?;
            let infinity = ty.const_float(f64::INFINITY);
            let predicate = if kind == Intrinsic::Isinf { FloatPredicate::OEQ } else { FloatPredicate::ONE };
            Ok(b.build_float_compare(predicate, magnitude, infinity, "isinf").msg()?.into())
        }
        Intrinsic::Ldexp => {
            let exponent = args.get(1).ok_or("ldexp needs an exponent")?.into_int_value();
            let i32_type = cx.context().i32_type();
            let signed = scalars.get(1).is_some_and(|scalar| scalar.is_signed_integer());
            let wide = b.build_int_cast_sign_flag(exponent, cx.context().i64_type(), signed, "e64").msg()?;
            let (low, high) = (i32::MIN as u64, i32::MAX as u64);
            let i64_type = cx.context().i64_type();
            let too_low =
                b.build_int_compare(IntPredicate::SLT, wide, i64_type.const_int(low, true), "lo").msg()?;
            let too_high =
                b.build_int_compare(IntPredicate::SGT, wide, i64_type.const_int(high, false), "hi").msg()?;
            let clamped =
                b.build_select(too_low, i64_type.const_int(low, true), wide, "c1").msg()?.into_int_value();
            let clamped = b
                .build_select(too_high, i64_type.const_int(high, false), clamped, "c2")
                .msg()?
                .into_int_value();
            let exponent = b.build_int_truncate(clamped, i32_type, "e32").msg()?;
            let f64_type = cx.context().f64_type();
            let function = cx.m.libm("ldexp", &[f64_type.into(), i32_type.into()], f64_type.into());
            let wide_x = if ty == f64_type { x } else { b.build_float_ext(x, f64_type, "wide").msg()? };
            let result =
                cx.call_value(function, &[wide_x.into(), exponent.into()], "ldexp")?.into_float_value();
            Ok(if ty == f64_type { result } else { b.build_float_trunc(result, ty, "narrow").msg()? }.into())
        }
        Intrinsic::Frexp => {
            let context = cx.context();
            let (f64_type, i32_type) = (context.f64_type(), context.i32_type());
            let slot = cx.entry_alloca(i32_type.into(), "frexp_exp")?;
            let pointer = context.ptr_type(inkwell::AddressSpace::default());
            let function = cx.m.libm("frexp", &[f64_type.into(), pointer.into()], f64_type.into());
            let wide_x = if ty == f64_type { x } else { b.build_float_ext(x, f64_type, "wide").msg()? };
            let mantissa =
                cx.call_value(function, &[wide_x.into(), slot.into()], "frexp")?.into_float_value();
            let mantissa =
                if ty == f64_type { mantissa } else { b.build_float_trunc(mantissa, ty, "narrow").msg()? };
            let exponent = b.build_load(i32_type, slot, "exp").msg()?;
            cx.make_struct(types::value_type(context, result_type)?, &[mantissa.into(), exponent])
        }
        Intrinsic::Phase | Intrinsic::Polar | Intrinsic::Rect => {
            if kind == Intrinsic::Rect {
                let phi = y()?;
                let cos = unary_intrinsic(cx, "llvm.cos", phi)?;
                let sin = unary_intrinsic(cx, "llvm.sin", phi)?;
                let re = b.build_float_mul(x, cos, "re").msg()?;
                let im = b.build_float_mul(x, sin, "im").msg()?;
                return cx
                    .make_struct(types::value_type(cx.context(), result_type)?, &[re.into(), im.into()]);
            }
            Err(format!("{kind} needs a complex argument"))
        }
        Intrinsic::Gcd => Err("gcd needs integer arguments".to_owned()),
    }
}

/// `cmath` functions and predicates on complex arguments.
fn complex_intrinsic<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    kind: Intrinsic,
    args: &[BasicValueEnum<'ctx>],
    result_type: &Type,
) -> Fallible<BasicValueEnum<'ctx>> {
    let b = cx.builder();
    let (re, im) = complex_parts(cx, *args.first().ok_or("missing argument")?)?;
    let ty = re.get_type();
    let atan2 = || call_f64(cx, libm_f64(cx, "atan2", 2), &[im, re]);
    let hypot = || call_f64(cx, libm_f64(cx, "hypot", 2), &[re, im]);
    match kind {
        Intrinsic::Isnan => {
            let a = b.build_float_compare(FloatPredicate::UNO, re, re, "re_nan").msg()?;
            let c = b.build_float_compare(FloatPredicate::UNO, im, im, "im_nan").msg()?;
            Ok(b.build_or(a, c, "isnan").msg()?.into())
        }
        Intrinsic::Isinf | Intrinsic::Isfinite => {
            let infinity = ty.const_float(f64::INFINITY);
            let predicate = if kind == Intrinsic::Isinf { FloatPredicate::OEQ } else { FloatPredicate::ONE };
            let a = b
                .build_float_compare(predicate, unary_intrinsic(cx, "llvm.fabs", re)?, infinity, "re")
                .msg()?;
            let c = b
                .build_float_compare(predicate, unary_intrinsic(cx, "llvm.fabs", im)?, infinity, "im")
                .msg()?;
            let combined = if kind == Intrinsic::Isinf {
                b.build_or(a, c, "isinf").msg()?
            } else {
                b.build_and(a, c, "isfinite").msg()?
            };
            Ok(combined.into())
        }
        Intrinsic::Phase => Ok(atan2()?.into()),
        Intrinsic::Polar => {
            let (modulus, phase) = (hypot()?, atan2()?);
            cx.make_struct(types::value_type(cx.context(), result_type)?, &[modulus.into(), phase.into()])
        }
        Intrinsic::Sqrt
        | Intrinsic::Exp
        | Intrinsic::Log
        | Intrinsic::Log10
        | Intrinsic::Sin
        | Intrinsic::Cos
        | Intrinsic::Tan
        | Intrinsic::Asin
        | Intrinsic::Acos
        | Intrinsic::Atan
        | Intrinsic::Sinh
        | Intrinsic::Cosh
        | Intrinsic::Tanh
        | Intrinsic::Asinh
        | Intrinsic::Acosh
        | Intrinsic::Atanh => {
            let function = match kind {
                Intrinsic::Sqrt => &entry::CSQRT,
                Intrinsic::Exp => &entry::CEXP,
                Intrinsic::Log => &entry::CLOG,
                Intrinsic::Log10 => &entry::CLOG10,
                Intrinsic::Sin => &entry::CSIN,
                Intrinsic::Cos => &entry::CCOS,
                Intrinsic::Tan => &entry::CTAN,
                Intrinsic::Asin => &entry::CASIN,
                Intrinsic::Acos => &entry::CACOS,
                Intrinsic::Atan => &entry::CATAN,
                Intrinsic::Sinh => &entry::CSINH,
                Intrinsic::Cosh => &entry::CCOSH,
                Intrinsic::Tanh => &entry::CTANH,
                Intrinsic::Asinh => &entry::CASINH,
                Intrinsic::Acosh => &entry::CACOSH,
                _ => &entry::CATANH,
            };
            let (re, im) = call_complex_runtime(cx, function, &[(re, im)])?;
            cx.make_struct(types::value_type(cx.context(), result_type)?, &[re.into(), im.into()])
        }
        other => Err(format!("cmath.{other} on complex numbers is not supported by codegen yet")),
    }
}

/// `convert` from `from` to `to`.
fn convert<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    value: BasicValueEnum<'ctx>,
    from: ScalarType,
    to: ScalarType,
) -> Fallible<BasicValueEnum<'ctx>> {
    let b = cx.builder();
    let context = cx.context();
    let target = types::scalar_type(context, to);
    if from == to {
        return Ok(value);
    }
    if from.is_complex() {
        let (re, im) = complex_parts(cx, value)?;
        if to.is_complex() {
            let part = from.real_part();
            let re = convert(cx, re.into(), part, to.real_part())?;
            let im = convert(cx, im.into(), part, to.real_part())?;
            return cx.make_struct(target, &[re, im]);
        }
        if to == ScalarType::Bool {
            let zero = re.get_type().const_float(0.0);
            let a = b.build_float_compare(FloatPredicate::UNE, re, zero, "re_nz").msg()?;
            let c = b.build_float_compare(FloatPredicate::UNE, im, zero, "im_nz").msg()?;
            return Ok(b.build_or(a, c, "bool").msg()?.into());
        }
        return convert(cx, re.into(), from.real_part(), to);
    }
    if to.is_complex() {
        let part = to.real_part();
        let re = convert(cx, value, from, part)?;
        let zero = types::scalar_type(context, part).into_float_type().const_float(0.0);
        return cx.make_struct(target, &[re, zero.into()]);
    }
    if to == ScalarType::Bool {
        return Ok(match value {
            BasicValueEnum::FloatValue(x) => b
                .build_float_compare(FloatPredicate::UNE, x, x.get_type().const_float(0.0), "bool")
                .msg()?
                .into(),
            BasicValueEnum::IntValue(x) => {
                b.build_int_compare(IntPredicate::NE, x, x.get_type().const_zero(), "bool").msg()?.into()
            }
            other => return Err(format!("cannot convert {} to bool", other.get_type())),
        });
    }
    let from_signed = from.is_signed_integer();
    match (value, target) {
        (BasicValueEnum::IntValue(x), BasicTypeEnum::IntType(int)) => {
            Ok(b.build_int_cast_sign_flag(x, int, from_signed, "conv").msg()?.into())
        }
        (BasicValueEnum::IntValue(x), BasicTypeEnum::FloatType(float)) => Ok(if from_signed {
            b.build_signed_int_to_float(x, float, "conv").msg()?
        } else {
            b.build_unsigned_int_to_float(x, float, "conv").msg()?
        }
        .into()),
        (BasicValueEnum::FloatValue(x), BasicTypeEnum::FloatType(float)) => {
            Ok(b.build_float_cast(x, float, "conv").msg()?.into())
        }
        (BasicValueEnum::FloatValue(x), BasicTypeEnum::IntType(int)) => {
            float_to_int(cx, x, int, to.is_signed_integer())
        }
        (value, target) => Err(format!("cannot convert {} to {target}", value.get_type())),
    }
}

/// Float to integer, truncating; NaN and out-of-range values give the type's minimum
/// (signed; x86's "integer indefinite", what Numba produces) or 0 (unsigned).
fn float_to_int<'ctx>(
    cx: &FunctionCodegen<'_, 'ctx, '_>,
    x: FloatValue<'ctx>,
    int: inkwell::types::IntType<'ctx>,
    signed: bool,
) -> Fallible<BasicValueEnum<'ctx>> {
    let b = cx.builder();
    let name = if signed { "llvm.fptosi.sat" } else { "llvm.fptoui.sat" };
    let saturated = intrinsic(cx, name, &[int.into(), x.get_type().into()], &[x.into()])?.into_int_value();
    let bits = int.get_bit_width();
    let ty = x.get_type();
    let (low, high) = if signed {
        (-(2f64.powi(bits as i32 - 1)), 2f64.powi(bits as i32 - 1))
    } else {
        (-1.0, 2f64.powi(bits as i32))
    };
    // In range: low <= x < high (false for NaN).
    let above = b.build_float_compare(FloatPredicate::OGE, x, ty.const_float(low), "ge_low").msg()?;
    let below = b.build_float_compare(FloatPredicate::OLT, x, ty.const_float(high), "lt_high").msg()?;
    let in_range = b.build_and(above, below, "in_range").msg()?;
    let fallback = if signed { int.const_int(1u64 << (bits - 1), false) } else { int.const_zero() };
    b.build_select(in_range, saturated, fallback, "fptoi").msg()
}
