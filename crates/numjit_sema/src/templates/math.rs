//! The `math` module: the 41 functions Numba supports, their signature tables, and the
//! module's constants.
//!
//! numjit also accepts `math.log(x, base)`, `math.fmod` and `math.modf`, which Numba
//! 0.68 rejects; they follow CPython's semantics and return floats.

use numjit_types::{ScalarType, Type};

use super::{Resolved, Sig, TemplateError, resolve_table, scalar, scalar_sig};
use crate::env::ConstValue;
use crate::ty::Ty;

macro_rules! math_functions {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A function of the `math` module.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum MathFn { $($variant),* }

        impl MathFn {
            /// Every supported function.
            pub const ALL: &'static [MathFn] = &[$(MathFn::$variant),*];

            /// The function's name in `math`.
            pub fn name(self) -> &'static str {
                match self { $(MathFn::$variant => $name),* }
            }
        }
    };
}

math_functions! {
    Acos => "acos", Acosh => "acosh", Asin => "asin", Asinh => "asinh", Atan => "atan",
    Atan2 => "atan2", Atanh => "atanh", Ceil => "ceil", Copysign => "copysign", Cos => "cos",
    Cosh => "cosh", Degrees => "degrees", Erf => "erf", Erfc => "erfc", Exp => "exp",
    Exp2 => "exp2", Expm1 => "expm1", Fabs => "fabs", Floor => "floor", Frexp => "frexp",
    Gamma => "gamma", Gcd => "gcd", Hypot => "hypot", Isfinite => "isfinite", Isinf => "isinf",
    Isnan => "isnan", Ldexp => "ldexp", Lgamma => "lgamma", Log => "log", Log10 => "log10",
    Log1p => "log1p", Log2 => "log2", Nextafter => "nextafter", Pow => "pow",
    Radians => "radians", Sin => "sin", Sinh => "sinh", Sqrt => "sqrt", Tan => "tan",
    Tanh => "tanh", Trunc => "trunc",
    // numjit extensions (CPython semantics; Numba 0.68 does not type these).
    Fmod => "fmod", Modf => "modf",
}

impl MathFn {
    /// The function called `name`, if supported.
    pub fn from_name(name: &str) -> Option<MathFn> {
        MathFn::ALL.iter().copied().find(|function| function.name() == name)
    }
}

/// The value of a `math` constant (`pi`, `e`, `tau`, `inf`, `nan`).
pub fn constant(name: &str) -> Option<ConstValue> {
    let value = match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    };
    Some(ConstValue::Float(value))
}

/// The signature table of a `math` function.
pub fn cases(function: MathFn) -> Vec<Sig> {
    use MathFn::*;
    use ScalarType::*;
    let unary = || {
        vec![
            scalar_sig(Float64, &[Int64]),
            scalar_sig(Float64, &[UInt64]),
            scalar_sig(Float32, &[Float32]),
            scalar_sig(Float64, &[Float64]),
        ]
    };
    let binary_float = || {
        vec![
            scalar_sig(Float64, &[Int64, Int64]),
            scalar_sig(Float64, &[UInt64, UInt64]),
            scalar_sig(Float32, &[Float32, Float32]),
            scalar_sig(Float64, &[Float64, Float64]),
        ]
    };
    match function {
        Acos | Acosh | Asin | Asinh | Atan | Atanh | Cos | Cosh | Degrees | Erf | Erfc | Exp | Exp2
        | Expm1 | Fabs | Gamma | Lgamma | Log10 | Log1p | Log2 | Radians | Sin | Sinh | Sqrt | Tan | Tanh => {
            unary()
        }
        Log => {
            let mut cases = unary();
            cases.extend(binary_float());
            cases
        }
        Atan2 | Hypot | Fmod => binary_float(),
        Ceil | Floor | Trunc => vec![
            scalar_sig(Int64, &[Int64]),
            scalar_sig(UInt64, &[UInt64]),
            scalar_sig(Int64, &[Float32]),
            scalar_sig(Int64, &[Float64]),
        ],
        Copysign | Nextafter => {
            vec![scalar_sig(Float32, &[Float32, Float32]), scalar_sig(Float64, &[Float64, Float64])]
        }
        Isinf | Isnan | Isfinite => {
            [Int64, UInt64, Float32, Float64].iter().map(|&ty| scalar_sig(Bool, &[ty])).collect()
        }
        Pow => vec![
            scalar_sig(Float64, &[Float64, Int64]),
            scalar_sig(Float64, &[Float64, UInt64]),
            scalar_sig(Float32, &[Float32, Float32]),
            scalar_sig(Float64, &[Float64, Float64]),
        ],
        Gcd => [Int64, Int32, Int16, Int8, UInt64, UInt32, UInt16, UInt8]
            .iter()
            .map(|&ty| scalar_sig(ty, &[ty, ty]))
            .collect(),
        Frexp => [Float64, Float32]
            .iter()
            .map(|&ty| Sig::new(Type::Tuple(vec![scalar(ty), scalar(Int32)]), [scalar(ty)]))
            .collect(),
        Modf => [Float64, Float32]
            .iter()
            .map(|&ty| Sig::new(Type::Tuple(vec![scalar(ty), scalar(ty)]), [scalar(ty)]))
            .collect(),
        Ldexp => vec![scalar_sig(Float64, &[Float64, Int32]), scalar_sig(Float32, &[Float32, Int32])],
    }
}

/// Types a call of a `math` function.
pub fn call(function: MathFn, args: &[Ty]) -> Result<Resolved, TemplateError> {
    resolve_table(&cases(function), args, &format!("math.{}()", function.name()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn ret(function: MathFn, args: &[ScalarType]) -> Option<String> {
        let args: Vec<Ty> = args.iter().map(|&arg| Ty::from(arg)).collect();
        call(function, &args).ok().map(|resolved| resolved.ret.to_string())
    }

    #[test]
    fn numba_supports_41_functions() {
        assert_eq!(MathFn::ALL.len(), 43);
        assert_eq!(MathFn::from_name("sqrt"), Some(MathFn::Sqrt));
        assert_eq!(MathFn::from_name("factorial"), None);
    }

    #[test]
    fn signatures_follow_numba() {
        assert_eq!(ret(MathFn::Sqrt, &[Int64]).as_deref(), Some("float64"));
        assert_eq!(ret(MathFn::Sqrt, &[Int32]).as_deref(), Some("float64"));
        assert_eq!(ret(MathFn::Sqrt, &[Float32]).as_deref(), Some("float32"));
        assert_eq!(ret(MathFn::Trunc, &[Float64]).as_deref(), Some("int64"));
        assert_eq!(ret(MathFn::Floor, &[Float32]).as_deref(), Some("int64"));
        assert_eq!(ret(MathFn::Frexp, &[Float64]).as_deref(), Some("Tuple(float64, int32)"));
        assert_eq!(ret(MathFn::Isnan, &[Int64]).as_deref(), Some("bool"));
        assert_eq!(ret(MathFn::Gcd, &[Int64, Int64]).as_deref(), Some("int64"));
        assert_eq!(ret(MathFn::Ldexp, &[Float64, Int64]).as_deref(), Some("float64"));
        assert_eq!(ret(MathFn::Log, &[Float64, Int64]).as_deref(), Some("float64"));
        assert_eq!(ret(MathFn::Sqrt, &[Complex128]), None);
        assert!(matches!(call(MathFn::Sqrt, &[]), Err(TemplateError::WrongArguments(_))));
    }

    #[test]
    fn constants() {
        assert_eq!(constant("pi"), Some(ConstValue::Float(std::f64::consts::PI)));
        assert_eq!(constant("golden"), None);
    }
}
