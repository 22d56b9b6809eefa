//! Typing templates: for each operator and library function, the signatures it accepts
//! and the type it returns, following Numba's typing rules.
//!
//! Most templates are a table of concrete signatures ([`Sig`]); [`resolve_overload`]
//! picks the one the arguments convert to most cheaply, ranked as Numba ranks them
//! (fewest unsafe conversions, then fewest safe ones, then fewest promotions; the first
//! listed wins a tie). That is how `int32 + int64` becomes `int64(int64, int64)` and
//! `float32 + int64` becomes `float64(float64, float64)`. Templates that depend on more
//! than the argument types (tuples, literals) are small functions.
//!
//! One module per area: [`operators`], [`builtins`], [`math`], [`cmath`], [`numpy`] (arrays).

pub mod builtins;
pub mod cmath;
pub mod library;
pub mod math;
pub mod numpy;
pub mod operators;
pub mod ufunc;
mod ufunc_table;

use numjit_types::{Conversion, ScalarType, Type, can_convert};

pub use builtins::{Builtin, ExceptionClass};
pub use cmath::CMathFn;
pub use math::MathFn;

use crate::ty::Ty;

/// A concrete signature: formal argument types and the result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sig {
    pub args: Vec<Type>,
    pub ret: Type,
}

impl Sig {
    pub fn new(ret: impl Into<Type>, args: impl IntoIterator<Item = Type>) -> Sig {
        Sig { args: args.into_iter().collect(), ret: ret.into() }
    }
}

/// The outcome of typing an operation or call: the chosen signature (lowering converts
/// each argument to its formal type) and the result type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Formal argument types; empty when the operation takes its arguments as they are.
    pub args: Vec<Type>,
    pub ret: Ty,
}

impl Resolved {
    pub fn from_sig(sig: &Sig) -> Resolved {
        Resolved { args: sig.args.clone(), ret: Ty::Value(sig.ret.clone()) }
    }

    /// A result that takes its arguments unconverted.
    pub fn returning(args: &[Type], ret: impl Into<Ty>) -> Resolved {
        Resolved { args: args.to_vec(), ret: ret.into() }
    }
}

/// Why a template rejects its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// No signature accepts these argument types (`invalid-operand`).
    InvalidOperand(String),
    /// Wrong number or kind of arguments (`wrong-arguments`).
    WrongArguments(String),
    /// Operands of kinds that do not combine, such as a number and a tuple or `None`
    /// (`type-mismatch`).
    TypeMismatch(String),
    /// Valid Python that compiled code does not support yet (`unsupported-construct`).
    Unsupported(String),
    /// Writing to a read-only array (`readonly-array`).
    ReadonlyArray(String),
    /// An index the array's type cannot take (`invalid-index`).
    InvalidIndex(String),
}

/// The best signature of `cases` for `args`, by Numba's ranking; `None` if none accepts.
pub fn resolve_overload<'a>(cases: &'a [Sig], args: &[Type]) -> Option<&'a Sig> {
    resolve_overload_with(cases, args, true)
}

/// [`resolve_overload`], optionally refusing unsafe conversions (Numba's bit operations
/// do: `float64 << 1` is an error, not a truncation).
pub fn resolve_overload_with<'a>(cases: &'a [Sig], args: &[Type], allow_unsafe: bool) -> Option<&'a Sig> {
    let mut best: Option<((u32, u32, u32), &Sig)> = None;
    for case in cases {
        if case.args.len() != args.len() {
            continue;
        }
        let mut rating = (0, 0, 0);
        let mut compatible = true;
        for (actual, formal) in args.iter().zip(&case.args) {
            match can_convert(actual, formal) {
                Some(Conversion::Exact) => {}
                Some(Conversion::Promote) => rating.2 += 1,
                Some(Conversion::Safe) => rating.1 += 1,
                Some(Conversion::Unsafe) if allow_unsafe => rating.0 += 1,
                Some(Conversion::Unsafe) | None => {
                    compatible = false;
                    break;
                }
            }
        }
        if compatible && best.is_none_or(|(best_rating, _)| rating < best_rating) {
            best = Some((rating, case));
        }
    }
    best.map(|(_, case)| case)
}

/// The value types of `args`, or `None` if one is not a value.
pub fn value_types(args: &[Ty]) -> Option<Vec<Type>> {
    args.iter().map(|arg| arg.as_value().cloned()).collect()
}

/// `int64` and `uint64`: the integer types operators compute in (Numba's "machine ints";
/// narrower integers convert up first).
pub const MACHINE_INTS: [ScalarType; 2] = [ScalarType::Int64, ScalarType::UInt64];
/// Signed integer types, narrow to wide.
pub const SIGNED: [ScalarType; 4] =
    [ScalarType::Int8, ScalarType::Int16, ScalarType::Int32, ScalarType::Int64];
/// Unsigned integer types, narrow to wide.
pub const UNSIGNED: [ScalarType; 4] =
    [ScalarType::UInt8, ScalarType::UInt16, ScalarType::UInt32, ScalarType::UInt64];
pub const REALS: [ScalarType; 2] = [ScalarType::Float32, ScalarType::Float64];
pub const COMPLEXES: [ScalarType; 2] = [ScalarType::Complex64, ScalarType::Complex128];

/// Numba's integer result rule: at least 64 bits, signed if any input is signed.
pub fn choose_result_int(inputs: &[ScalarType]) -> ScalarType {
    let bits = inputs.iter().map(|input| input.size_bytes() * 8).max().unwrap_or(64).max(64);
    let signed = inputs.iter().any(|input| input.is_signed_integer());
    let chosen = if signed { ScalarType::signed(bits) } else { ScalarType::unsigned(bits) };
    chosen.unwrap_or(ScalarType::Int64)
}

/// Shorthand for a scalar [`Type`].
pub fn scalar(scalar: ScalarType) -> Type {
    Type::Scalar(scalar)
}

/// A signature over scalars.
pub fn scalar_sig(ret: ScalarType, args: &[ScalarType]) -> Sig {
    Sig::new(scalar(ret), args.iter().copied().map(scalar))
}

/// Resolves a scalar table and reports a message naming the function on failure;
/// optional arguments resolve as their value type.
pub fn resolve_table(cases: &[Sig], args: &[Ty], describe: &str) -> Result<Resolved, TemplateError> {
    let mismatch = || {
        let names: Vec<String> = args.iter().map(ToString::to_string).collect();
        TemplateError::InvalidOperand(format!("{describe} does not accept ({})", names.join(", ")))
    };
    let mut values = value_types(args).ok_or_else(mismatch)?;
    // An `OptionalType(T)` argument is passed as `T`; lowering raises TypeError when it is
    // `None` (Numba does the same: "expected float64, got None").
    for value in &mut values {
        if let Type::Optional(inner) = value {
            *value = std::mem::replace(inner.as_mut(), Type::NoneType);
        }
    }
    if !cases.iter().any(|case| case.args.len() == args.len()) {
        return Err(TemplateError::WrongArguments(format!(
            "{describe} takes {} but {} were given",
            describe_arities(cases),
            args.len()
        )));
    }
    resolve_overload(cases, &values).map(Resolved::from_sig).ok_or_else(mismatch)
}

fn describe_arities(cases: &[Sig]) -> String {
    let mut arities: Vec<usize> = cases.iter().map(|case| case.args.len()).collect();
    arities.sort_unstable();
    arities.dedup();
    let text: Vec<String> = arities.iter().map(ToString::to_string).collect();
    let plural = if arities == [1] { "argument" } else { "arguments" };
    format!("{} {plural}", text.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    #[test]
    fn overloads_rank_like_numba() {
        let cases = [scalar_sig(Float32, &[Float32, Float32]), scalar_sig(Float64, &[Float64, Float64])];
        let pick = |a, b| resolve_overload(&cases, &[scalar(a), scalar(b)]).map(|sig| sig.ret.clone());
        assert_eq!(pick(Float32, Float32), Some(scalar(Float32)));
        assert_eq!(pick(Float32, Int64), Some(scalar(Float64)));
        assert_eq!(pick(Float32, Int16), Some(scalar(Float32)));
        assert_eq!(pick(Complex64, Float32), None);
    }

    #[test]
    fn integer_results_are_at_least_64_bits() {
        assert_eq!(choose_result_int(&[Int8, Int8]), Int64);
        assert_eq!(choose_result_int(&[UInt64, Int64]), Int64);
        assert_eq!(choose_result_int(&[UInt32]), UInt64);
    }

    #[test]
    fn tables_report_arity() {
        let cases = [scalar_sig(Float64, &[Float64])];
        let error = resolve_table(&cases, &[Ty::FLOAT64, Ty::FLOAT64], "math.sqrt()").unwrap_err();
        assert_eq!(
            error,
            TemplateError::WrongArguments("math.sqrt() takes 1 argument but 2 were given".into())
        );
    }
}
