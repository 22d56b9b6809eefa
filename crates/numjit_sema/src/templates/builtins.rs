//! Python builtins compiled code can call, builtin exception classes, and their typing.
//!
//! `abs`, `round`, `divmod`, `pow` use Numba's tables; `min`/`max` unify their arguments
//! (or a tuple's items); `int`, `float`, `bool`, `complex` convert; `len` takes tuples,
//! ranges and strings; `min`/`max` also take a `range` object; `range`/`prange` take integers only (Numba also accepts floats by
//! an unsafe cast, which Python rejects; numjit follows Python); `print` takes scalars,
//! strings, `None` and tuples of them.

use numjit_types::{ScalarType, Type};

use super::{
    COMPLEXES, MACHINE_INTS, REALS, Resolved, SIGNED, Sig, TemplateError, UNSIGNED, operators, resolve_table,
    scalar, scalar_sig, value_types,
};
use crate::hir::BinaryOp;
use crate::ty::{Ty, unify};

macro_rules! named_enum {
    ($(#[$doc:meta])* $enum:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum { $($variant),* }

        impl $enum {
            /// Every member.
            pub const ALL: &'static [$enum] = &[$($enum::$variant),*];

            /// The Python name.
            pub fn name(self) -> &'static str {
                match self { $($enum::$variant => $name),* }
            }

            /// The member called `name`.
            pub fn from_name(name: &str) -> Option<$enum> {
                $enum::ALL.iter().copied().find(|member| member.name() == name)
            }
        }
    };
}

named_enum! {
    /// A builtin function or class compiled code can call.
    Builtin {
        Abs => "abs", Min => "min", Max => "max", Round => "round", Int => "int",
        Float => "float", Bool => "bool", Complex => "complex", Divmod => "divmod", Pow => "pow",
        Len => "len", Range => "range", Enumerate => "enumerate", Zip => "zip", Print => "print",
        Prange => "prange",
    }
}

named_enum! {
    /// A builtin exception class that compiled code can raise (and `except` can name).
    ExceptionClass {
        BaseException => "BaseException", Exception => "Exception",
        ArithmeticError => "ArithmeticError", AssertionError => "AssertionError",
        IndexError => "IndexError", KeyError => "KeyError", LookupError => "LookupError",
        NotImplementedError => "NotImplementedError", OverflowError => "OverflowError",
        RecursionError => "RecursionError", RuntimeError => "RuntimeError",
        TypeError => "TypeError", UnboundLocalError => "UnboundLocalError",
        ValueError => "ValueError", ZeroDivisionError => "ZeroDivisionError",
    }
}

/// Types a call of a builtin with positional arguments.
pub fn call(builtin: Builtin, args: &[Ty]) -> Result<Resolved, TemplateError> {
    let describe = format!("{}()", builtin.name());
    match builtin {
        Builtin::Abs => resolve_table(&abs_cases(), args, &describe),
        Builtin::Round => resolve_table(&round_cases(), args, &describe),
        Builtin::Divmod => resolve_table(&divmod_cases(), args, &describe),
        Builtin::Pow => {
            let [base, exponent] = args else {
                return Err(arity(&describe, "2 arguments", args.len()));
            };
            operators::binary(BinaryOp::Pow, base, exponent)
        }
        Builtin::Min | Builtin::Max => min_max(args, &describe),
        Builtin::Int | Builtin::Float | Builtin::Bool | Builtin::Complex => convert(builtin, args, &describe),
        Builtin::Len => {
            let [arg] = args else {
                return Err(arity(&describe, "1 argument", args.len()));
            };
            match arg.as_value() {
                Some(Type::Tuple(_) | Type::Str) => Ok(Resolved::returning(&[], Type::INT64)),
                Some(Type::Range(int)) => Ok(Resolved::returning(&[], scalar(*int))),
                Some(Type::Array(array)) if array.ndim > 0 => Ok(Resolved::returning(&[], Type::INT64)),
                Some(Type::Array(_)) => Err(TemplateError::InvalidOperand("len() of unsized object".into())),
                Some(Type::Flat(_)) => Ok(Resolved::returning(&[], Type::INT64)),
                _ => Err(TemplateError::InvalidOperand(format!("object of type '{arg}' has no len()"))),
            }
        }
        Builtin::Range | Builtin::Prange => range(args, &describe),
        Builtin::Print => {
            for arg in args {
                if !arg.as_value().is_some_and(printable) {
                    return Err(TemplateError::InvalidOperand(format!(
                        "print() cannot print a value of type '{arg}'"
                    )));
                }
            }
            Ok(Resolved::returning(&[], Type::NoneType))
        }
        Builtin::Enumerate | Builtin::Zip => Err(TemplateError::InvalidOperand(format!(
            "{describe} is supported only as the iterable of a `for` loop"
        ))),
    }
}

fn arity(describe: &str, expected: &str, given: usize) -> TemplateError {
    TemplateError::WrongArguments(format!("{describe} takes {expected} but {given} were given"))
}

fn printable(ty: &Type) -> bool {
    match ty {
        Type::Scalar(_)
        | Type::Str
        | Type::NoneType
        | Type::Optional(_)
        | Type::Range(_)
        | Type::Array(_) => true,
        Type::Flat(_) => false,
        Type::Tuple(items) => items
            .iter()
            .all(|item| matches!(item, Type::Scalar(_) | Type::Str | Type::NoneType | Type::Array(_))),
    }
}

fn abs_cases() -> Vec<Sig> {
    let mut cases: Vec<Sig> =
        SIGNED.into_iter().chain(UNSIGNED).chain(REALS).map(|ty| scalar_sig(ty, &[ty])).collect();
    cases.extend(COMPLEXES.iter().map(|&ty| scalar_sig(ty.real_part(), &[ty])));
    cases
}

fn round_cases() -> Vec<Sig> {
    use ScalarType::*;
    vec![
        scalar_sig(Int64, &[Float32]),
        scalar_sig(Int64, &[Float64]),
        scalar_sig(Float32, &[Float32, Int64]),
        scalar_sig(Float64, &[Float64, Int64]),
    ]
}

fn divmod_cases() -> Vec<Sig> {
    MACHINE_INTS
        .into_iter()
        .chain(REALS)
        .map(|ty| Sig::new(Type::Tuple(vec![scalar(ty); 2]), [scalar(ty), scalar(ty)]))
        .collect()
}

/// `min`/`max` of two or more scalars, or of one tuple: the unified type.
fn min_max(args: &[Ty], describe: &str) -> Result<Resolved, TemplateError> {
    let values = value_types(args).ok_or_else(|| {
        TemplateError::InvalidOperand(format!("{describe} takes numbers or a tuple of numbers"))
    })?;
    let items: &[Type] = match values.as_slice() {
        [] => return Err(arity(describe, "at least 1 argument", 0)),
        [Type::Tuple(items)] if !items.is_empty() => items,
        // A range's smallest and largest items follow from start, stop and step; an empty
        // range raises ValueError at run time, as in CPython.
        [Type::Range(int)] => return Ok(Resolved::returning(&values, scalar(*int))),
        [single] => {
            return Err(TemplateError::InvalidOperand(format!(
                "{describe} of a single '{single}' needs an iterable; pass two or more values or a non-empty tuple"
            )));
        }
        many => many,
    };
    let mut unified: Option<Type> = None;
    for item in items {
        if !matches!(item, Type::Scalar(scalar) if !scalar.is_complex()) {
            return Err(TemplateError::InvalidOperand(format!(
                "{describe} cannot compare values of type '{item}'"
            )));
        }
        unified = match unified {
            None => Some(item.clone()),
            Some(previous) => unify(&previous, item),
        };
    }
    let ret =
        unified.ok_or_else(|| TemplateError::InvalidOperand(format!("{describe} found no common type")))?;
    Ok(Resolved::returning(&values, ret))
}

/// The attributes of builtin value types: `start`, `stop` and `step` of a `range` object
/// have its integer type.
pub fn attribute(ty: &Type, name: &str) -> Option<Type> {
    match (ty, name) {
        (Type::Range(int), "start" | "stop" | "step") => Some(scalar(*int)),
        _ => None,
    }
}

/// `t.index(x)` on a tuple: the position (int64) of the first item equal to `x`; lowering
/// raises `ValueError` when there is none. `x` must be a runtime value.
pub fn tuple_index(args: &[Ty]) -> Result<Resolved, TemplateError> {
    let [x] = args else {
        return Err(arity("tuple.index()", "1 argument", args.len()));
    };
    if x.as_value().is_none() {
        return Err(TemplateError::InvalidOperand(format!("tuple.index() cannot look for a '{x}'")));
    }
    Ok(Resolved::returning(&[], Type::INT64))
}

/// `int(x)`, `float(x)`, `bool(x)`, `complex(x[, y])`.
fn convert(builtin: Builtin, args: &[Ty], describe: &str) -> Result<Resolved, TemplateError> {
    let values = value_types(args)
        .ok_or_else(|| TemplateError::InvalidOperand(format!("{describe} takes a number")))?;
    let scalars: Option<Vec<ScalarType>> = values.iter().map(Type::as_scalar).collect();
    let expected = if builtin == Builtin::Complex { "1 or 2 arguments" } else { "1 argument" };
    let max_args = if builtin == Builtin::Complex { 2 } else { 1 };
    if args.is_empty() || args.len() > max_args {
        return Err(arity(describe, expected, args.len()));
    }
    let Some(scalars) = scalars else {
        if builtin == Builtin::Bool && values.iter().all(operators::is_truth_testable) {
            return Ok(Resolved::returning(&values, Type::BOOL));
        }
        let names: Vec<String> = values.iter().map(ToString::to_string).collect();
        return Err(TemplateError::InvalidOperand(format!(
            "{describe} does not accept ({})",
            names.join(", ")
        )));
    };
    let ret = match builtin {
        Builtin::Int if scalars[0].is_complex() => {
            return Err(TemplateError::InvalidOperand("int() cannot convert complex numbers".into()));
        }
        Builtin::Int => ScalarType::Int64,
        Builtin::Float if scalars[0].is_complex() => {
            return Err(TemplateError::InvalidOperand("float() cannot convert complex numbers".into()));
        }
        Builtin::Float if scalars[0] == ScalarType::Float32 => ScalarType::Float32,
        Builtin::Float => ScalarType::Float64,
        Builtin::Bool => ScalarType::Bool,
        _ if scalars.iter().all(|&ty| ty == ScalarType::Float32) => ScalarType::Complex64,
        _ => ScalarType::Complex128,
    };
    Ok(Resolved::returning(&values, scalar(ret)))
}

/// `range(stop)`, `range(start, stop[, step])`: the range type of the integer arguments.
fn range(args: &[Ty], describe: &str) -> Result<Resolved, TemplateError> {
    use ScalarType::*;
    if args.is_empty() || args.len() > 3 {
        return Err(arity(describe, "1 to 3 arguments", args.len()));
    }
    for arg in args {
        if !arg.as_scalar().is_some_and(|ty| ty.is_integer() || ty == Bool) {
            return Err(TemplateError::InvalidOperand(format!("{describe} takes integers, not '{arg}'")));
        }
    }
    let mut cases = Vec::new();
    for int in [Int32, Int64, UInt64] {
        cases.push(Sig::new(Type::Range(int), vec![scalar(int); args.len()]));
    }
    resolve_table(&cases, args, describe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn ret(builtin: Builtin, args: &[Ty]) -> Result<String, TemplateError> {
        call(builtin, args).map(|resolved| resolved.ret.to_string())
    }

    #[test]
    fn numeric_builtins() {
        assert_eq!(ret(Builtin::Abs, &[Ty::from(Complex128)]).as_deref(), Ok("float64"));
        assert_eq!(ret(Builtin::Abs, &[Ty::from(Bool)]).as_deref(), Ok("int8"));
        assert_eq!(ret(Builtin::Round, &[Ty::FLOAT64]).as_deref(), Ok("int64"));
        assert_eq!(ret(Builtin::Round, &[Ty::INT64, Ty::INT64]).as_deref(), Ok("float64"));
        assert_eq!(ret(Builtin::Divmod, &[Ty::INT64, Ty::INT64]).as_deref(), Ok("UniTuple(int64 x 2)"));
        assert_eq!(ret(Builtin::Pow, &[Ty::INT64, Ty::INT64]).as_deref(), Ok("int64"));
        assert_eq!(ret(Builtin::Min, &[Ty::INT64, Ty::FLOAT64]).as_deref(), Ok("float64"));
        let tuple = Ty::Value(Type::Tuple(vec![Type::INT64, Type::FLOAT64, Type::INT64]));
        assert_eq!(ret(Builtin::Max, &[tuple]).as_deref(), Ok("float64"));
        assert!(ret(Builtin::Max, &[Ty::INT64]).is_err());
    }

    #[test]
    fn conversions() {
        assert_eq!(ret(Builtin::Int, &[Ty::FLOAT64]).as_deref(), Ok("int64"));
        assert_eq!(ret(Builtin::Float, &[Ty::from(Float32)]).as_deref(), Ok("float32"));
        assert_eq!(ret(Builtin::Complex, &[Ty::INT64, Ty::INT64]).as_deref(), Ok("complex128"));
        assert!(ret(Builtin::Int, &[Ty::from(Complex128)]).is_err());
        assert!(matches!(call(Builtin::Int, &[]), Err(TemplateError::WrongArguments(_))));
    }

    #[test]
    fn ranges_and_len() {
        assert_eq!(ret(Builtin::Range, &[Ty::INT64]).as_deref(), Ok("range_state_int64"));
        assert_eq!(
            ret(Builtin::Range, &[Ty::from(Int32), Ty::from(Int32)]).as_deref(),
            Ok("range_state_int32")
        );
        assert!(ret(Builtin::Range, &[Ty::FLOAT64]).is_err());
        assert_eq!(ret(Builtin::Len, &[Ty::Value(Type::Range(Int64))]).as_deref(), Ok("int64"));
        let range32 = Type::Range(Int32);
        assert_eq!(ret(Builtin::Max, &[Ty::Value(range32.clone())]).as_deref(), Ok("int32"));
        assert_eq!(attribute(&range32, "step"), Some(Type::Scalar(Int32)));
        assert_eq!(attribute(&range32, "size"), None);
        assert_eq!(tuple_index(&[Ty::FLOAT64]).map(|resolved| resolved.ret), Ok(Ty::INT64));
        assert!(tuple_index(&[]).is_err());
        assert!(ret(Builtin::Len, &[Ty::INT64]).is_err());
        assert_eq!(ExceptionClass::from_name("ValueError"), Some(ExceptionClass::ValueError));
    }
}
