//! Typing of operators: binary arithmetic and bit operations, unary operators,
//! comparisons and truth testing, with Numba's signature tables.
//!
//! Integers compute in 64 bits (`int32 + int32 → int64`); a signed and an unsigned operand
//! give a signed result (`uint64 + int64 → int64`); `/` on integers gives float64; `//`
//! and `%` keep integer types; `**` on integers stays integer (also for a negative
//! exponent, as Numba types it), `float ** int` keeps the float's width; shifts keep the
//! left operand's signedness; `&`, `|`, `^` accept bools and integers only.

use numjit_types::{ScalarType, Type};

use super::{
    COMPLEXES, MACHINE_INTS, REALS, Resolved, SIGNED, Sig, TemplateError, UNSIGNED, choose_result_int,
    resolve_overload, resolve_overload_with, scalar, scalar_sig,
};
use crate::hir::{BinaryOp, CmpOp, UnaryOp};
use crate::ty::{Callable, Ty};

fn integer_cases() -> Vec<Sig> {
    let mut cases = Vec::new();
    for a in MACHINE_INTS {
        for b in MACHINE_INTS {
            cases.push(scalar_sig(choose_result_int(&[a, b]), &[a, b]));
        }
    }
    cases
}

fn same_type_cases(types: &[ScalarType]) -> impl Iterator<Item = Sig> + '_ {
    types.iter().map(|&ty| scalar_sig(ty, &[ty, ty]))
}

/// The signature table of a binary operator on scalars (built once per operator).
pub fn binary_cases(op: BinaryOp) -> &'static [Sig] {
    use std::sync::OnceLock;
    const N_OPS: usize = 13;
    static TABLES: OnceLock<Vec<Vec<Sig>>> = OnceLock::new();
    const ALL: [BinaryOp; N_OPS] = [
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::Div,
        BinaryOp::FloorDiv,
        BinaryOp::Mod,
        BinaryOp::Pow,
        BinaryOp::LShift,
        BinaryOp::RShift,
        BinaryOp::BitAnd,
        BinaryOp::BitOr,
        BinaryOp::BitXor,
        BinaryOp::MatMul,
    ];
    let tables = TABLES.get_or_init(|| ALL.iter().map(|&op| build_binary_cases(op)).collect());
    let index = ALL.iter().position(|&candidate| candidate == op).unwrap_or(N_OPS - 1);
    tables.get(index).map_or(&[], Vec::as_slice)
}

fn build_binary_cases(op: BinaryOp) -> Vec<Sig> {
    use ScalarType::*;
    let mut cases = Vec::new();
    match op {
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => {
            cases.extend(integer_cases());
            cases.extend(same_type_cases(&REALS));
            cases.extend(same_type_cases(&COMPLEXES));
        }
        BinaryOp::Div => {
            for a in MACHINE_INTS {
                for b in MACHINE_INTS {
                    cases.push(scalar_sig(Float64, &[a, b]));
                }
            }
            cases.extend(same_type_cases(&REALS));
            cases.extend(same_type_cases(&COMPLEXES));
        }
        BinaryOp::FloorDiv | BinaryOp::Mod => {
            cases.extend(integer_cases());
            cases.extend(same_type_cases(&REALS));
        }
        BinaryOp::Pow => {
            cases.extend(integer_cases());
            for float in REALS {
                for exponent in [Int32, Int64, UInt64] {
                    cases.push(scalar_sig(float, &[float, exponent]));
                }
            }
            cases.extend(same_type_cases(&REALS));
            cases.extend(same_type_cases(&COMPLEXES));
        }
        BinaryOp::LShift | BinaryOp::RShift => {
            for lhs in SIGNED {
                for rhs in [UInt64, Int64] {
                    cases.push(scalar_sig(Int64, &[lhs, rhs]));
                }
            }
            for lhs in UNSIGNED {
                for rhs in [UInt64, Int64] {
                    cases.push(scalar_sig(UInt64, &[lhs, rhs]));
                }
            }
        }
        BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
            cases.push(scalar_sig(Bool, &[Bool, Bool]));
            cases.extend(integer_cases());
        }
        BinaryOp::MatMul => {}
    }
    cases
}

fn operand_error(symbol: &str, lhs: &Ty, rhs: &Ty) -> TemplateError {
    let message = format!("unsupported operand types for {symbol}: '{lhs}' and '{rhs}'");
    if kinds_differ(lhs, rhs) {
        TemplateError::TypeMismatch(message)
    } else {
        TemplateError::InvalidOperand(message)
    }
}

/// The value type an operator sees: an `OptionalType(T)` operand is used as `T` (Numba
/// converts it, checking for `None` at run time).
fn operand_value(ty: &Ty) -> Option<&Type> {
    match ty.as_value()? {
        Type::Optional(inner) => Some(inner),
        other => Some(other),
    }
}

/// Whether two operands are of different kinds (a number and a tuple, a number and
/// `None`, ...): such operands "don't combine" (`type-mismatch`), while an operator that
/// is undefined on operands of one kind is `invalid-operand`.
fn kinds_differ(lhs: &Ty, rhs: &Ty) -> bool {
    match (operand_value(lhs), operand_value(rhs)) {
        (Some(a), Some(b)) => std::mem::discriminant(a) != std::mem::discriminant(b),
        _ => false,
    }
}

/// Types `lhs op rhs`.
pub fn binary(op: BinaryOp, lhs: &Ty, rhs: &Ty) -> Result<Resolved, TemplateError> {
    let error = || operand_error(op.as_str(), lhs, rhs);
    let (Some(lhs_value), Some(rhs_value)) = (operand_value(lhs), operand_value(rhs)) else {
        return Err(error());
    };
    match (op, lhs_value, rhs_value) {
        (BinaryOp::Add, Type::Tuple(a), Type::Tuple(b)) => {
            let joined: Vec<Type> = a.iter().chain(b).cloned().collect();
            return Ok(Resolved::returning(&[lhs_value.clone(), rhs_value.clone()], Type::Tuple(joined)));
        }
        (BinaryOp::Mul, Type::Tuple(_), Type::Scalar(_))
        | (BinaryOp::Mul, Type::Scalar(_), Type::Tuple(_)) => {
            // Repetition needs the count at compile time; Numba does not type it either.
            return Err(error());
        }
        _ => {}
    }
    let cases = binary_cases(op);
    let allow_unsafe = !is_bitwise(op);
    resolve_overload_with(cases, &[lhs_value.clone(), rhs_value.clone()], allow_unsafe)
        .map(Resolved::from_sig)
        .ok_or_else(error)
}

/// Shifts and bit operations never convert unsafely (floats are rejected, as in Numba).
fn is_bitwise(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::LShift | BinaryOp::RShift | BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor)
}

/// Types a unary operator.
pub fn unary(op: UnaryOp, operand: &Ty) -> Result<Resolved, TemplateError> {
    use ScalarType::*;
    let error =
        || TemplateError::InvalidOperand(format!("bad operand type for unary {}: '{operand}'", op.as_str()));
    if op == UnaryOp::Not {
        let value = operand.as_value().ok_or_else(error)?;
        return if is_truth_testable(value) {
            Ok(Resolved::returning(&[], Type::BOOL))
        } else {
            Err(error())
        };
    }
    let value = operand_value(operand).ok_or_else(error)?;
    let mut cases = Vec::new();
    if op == UnaryOp::Invert {
        cases.push(scalar_sig(Bool, &[Bool]));
    }
    for ty in UNSIGNED.into_iter().chain(SIGNED) {
        cases.push(scalar_sig(choose_result_int(&[ty]), &[ty]));
    }
    if op != UnaryOp::Invert {
        for ty in REALS.into_iter().chain(COMPLEXES) {
            cases.push(scalar_sig(ty, &[ty]));
        }
        cases.push(scalar_sig(Int64, &[Bool]));
    }
    resolve_overload_with(&cases, std::slice::from_ref(value), op != UnaryOp::Invert)
        .map(Resolved::from_sig)
        .ok_or_else(error)
}

/// Whether a value can be tested for truth (`if x:`, `not x`, `and`/`or`).
pub fn is_truth_testable(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Scalar(_) | Type::NoneType | Type::Optional(_) | Type::Tuple(_) | Type::Range(_) | Type::Str
    )
}

fn compare_scalar_cases(op: CmpOp) -> Vec<Sig> {
    use ScalarType::*;
    let mut cases = vec![scalar_sig(Bool, &[Bool, Bool])];
    for ty in SIGNED.into_iter().chain(UNSIGNED).chain(REALS) {
        cases.push(scalar_sig(Bool, &[ty, ty]));
    }
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        for ty in COMPLEXES {
            cases.push(scalar_sig(Bool, &[ty, ty]));
        }
    }
    cases
}

/// Types one comparison; the result is always `bool`.
pub fn compare(op: CmpOp, lhs: &Ty, rhs: &Ty) -> Result<Resolved, TemplateError> {
    let error = || {
        let message = format!("'{}' not supported between '{lhs}' and '{rhs}'", op.as_str());
        if kinds_differ(lhs, rhs) && !matches!(op, CmpOp::In | CmpOp::NotIn) {
            TemplateError::TypeMismatch(message)
        } else {
            TemplateError::InvalidOperand(message)
        }
    };
    if matches!(op, CmpOp::Is | CmpOp::IsNot) {
        return Ok(Resolved::returning(&[], Type::BOOL));
    }
    // `a.dtype == np.float64`: dtypes are compile-time values, equal when they are the same
    // scalar type (lowering compares them as it compares `f is g`).
    if matches!(op, CmpOp::Eq | CmpOp::NotEq)
        && matches!(
            (lhs, rhs),
            (Ty::Callable(Callable::NumpyScalar(_)), Ty::Callable(Callable::NumpyScalar(_)))
        )
    {
        return Ok(Resolved::returning(&[], Type::BOOL));
    }
    let (Some(lhs_value), Some(rhs_value)) = (lhs.as_value(), rhs.as_value()) else {
        return Err(error());
    };
    if matches!(op, CmpOp::In | CmpOp::NotIn) {
        let item_ok = match rhs_value {
            Type::Tuple(items) => items.iter().all(|item| comparable(CmpOp::Eq, lhs_value, item, 0)),
            Type::Range(int) => comparable(CmpOp::Eq, lhs_value, &scalar(*int), 0),
            _ => false,
        };
        return if item_ok { Ok(Resolved::returning(&[], Type::BOOL)) } else { Err(error()) };
    }
    if let (Type::Scalar(_), Type::Scalar(_)) = (lhs_value, rhs_value) {
        let cases = compare_scalar_cases(op);
        return resolve_overload(&cases, &[lhs_value.clone(), rhs_value.clone()])
            .map(Resolved::from_sig)
            .ok_or_else(error);
    }
    if comparable(op, lhs_value, rhs_value, 0) {
        Ok(Resolved::returning(&[], Type::BOOL))
    } else {
        Err(error())
    }
}

/// Whether `lhs op rhs` types: scalars by the table, tuples item by item over the common
/// prefix (lexicographic, then by length, as Python and Numba do), `None` against optionals.
fn comparable(op: CmpOp, lhs: &Type, rhs: &Type, depth: u32) -> bool {
    if depth > 256 {
        return false;
    }
    match (lhs, rhs) {
        (Type::Scalar(_), Type::Scalar(_)) => {
            resolve_overload(&compare_scalar_cases(op), &[lhs.clone(), rhs.clone()]).is_some()
        }
        (Type::Tuple(a), Type::Tuple(b)) => a.iter().zip(b).all(|(a, b)| comparable(op, a, b, depth + 1)),
        (Type::NoneType, Type::NoneType | Type::Optional(_)) | (Type::Optional(_), Type::NoneType) => {
            matches!(op, CmpOp::Eq | CmpOp::NotEq)
        }
        (Type::Optional(inner), other) | (other, Type::Optional(inner)) => {
            comparable(op, inner, other, depth + 1)
        }
        (Type::Str, Type::Str) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn ret(op: BinaryOp, a: ScalarType, b: ScalarType) -> Option<String> {
        binary(op, &Ty::from(a), &Ty::from(b)).ok().map(|resolved| resolved.ret.to_string())
    }

    #[test]
    fn arithmetic_follows_numba() {
        assert_eq!(ret(BinaryOp::Add, Int64, Float64).as_deref(), Some("float64"));
        assert_eq!(ret(BinaryOp::Add, Int32, Int64).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Add, Int8, Int8).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Add, Bool, Bool).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Add, UInt64, Int64).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Add, UInt32, UInt32).as_deref(), Some("uint64"));
        assert_eq!(ret(BinaryOp::Add, Float32, Float32).as_deref(), Some("float32"));
        assert_eq!(ret(BinaryOp::Add, Float32, Int64).as_deref(), Some("float64"));
        assert_eq!(ret(BinaryOp::Div, Int64, Int64).as_deref(), Some("float64"));
        assert_eq!(ret(BinaryOp::FloorDiv, Int64, Int64).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Mod, Float64, Int64).as_deref(), Some("float64"));
        assert_eq!(ret(BinaryOp::FloorDiv, Complex128, Int64), None);
        assert_eq!(ret(BinaryOp::Pow, Float32, Int64).as_deref(), Some("float32"));
        assert_eq!(ret(BinaryOp::Pow, Int64, Int64).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::Pow, Bool, Bool).as_deref(), Some("int64"));
    }

    #[test]
    fn bit_operations_take_integers_and_bools() {
        assert_eq!(ret(BinaryOp::LShift, Int32, Int64).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::RShift, UInt8, Int64).as_deref(), Some("uint64"));
        assert_eq!(ret(BinaryOp::LShift, Float64, Int64), None);
        assert_eq!(ret(BinaryOp::BitAnd, Bool, Bool).as_deref(), Some("bool"));
        assert_eq!(ret(BinaryOp::BitXor, Int64, Bool).as_deref(), Some("int64"));
        assert_eq!(ret(BinaryOp::BitOr, Float64, Int64), None);
    }

    #[test]
    fn unary_operators() {
        let ret = |op, ty: ScalarType| unary(op, &Ty::from(ty)).ok().map(|resolved| resolved.ret.to_string());
        assert_eq!(ret(UnaryOp::Neg, Bool).as_deref(), Some("int64"));
        assert_eq!(ret(UnaryOp::Invert, Bool).as_deref(), Some("bool"));
        assert_eq!(ret(UnaryOp::Invert, Float64), None);
        assert_eq!(ret(UnaryOp::Neg, Int32).as_deref(), Some("int64"));
        assert_eq!(ret(UnaryOp::Neg, Float32).as_deref(), Some("float32"));
        assert_eq!(ret(UnaryOp::Not, Complex128).as_deref(), Some("bool"));
    }

    #[test]
    fn comparisons_and_tuples() {
        let pair = Ty::Value(Type::Tuple(vec![Type::INT64, Type::FLOAT64]));
        assert!(compare(CmpOp::Lt, &pair, &pair).is_ok());
        assert!(compare(CmpOp::Lt, &Ty::from(Complex128), &Ty::from(Complex128)).is_err());
        assert!(compare(CmpOp::Eq, &Ty::from(Complex128), &Ty::from(Float64)).is_ok());
        assert!(compare(CmpOp::In, &Ty::INT64, &pair).is_ok());
        let joined = binary(BinaryOp::Add, &pair, &pair).map(|resolved| resolved.ret.to_string());
        assert_eq!(joined.as_deref(), Ok("Tuple(int64, float64, int64, float64)"));
        assert!(binary(BinaryOp::Add, &Ty::INT64, &pair).is_err());
    }
}
