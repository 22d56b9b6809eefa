//! Math intrinsics: the functions of Python's `math` and `cmath` that Numba compiles, called
//! by name (`call_intrinsic sqrt(v3)`), with a table giving each one's arity and typing rule.
//!
//! Intrinsics work on floats (and complex numbers where `cmath` has the function); lowering
//! converts integer arguments first, as Numba does. `math.floor`, `math.ceil` and
//! `math.trunc` return an integer in Python: lowering follows the float intrinsic with a
//! `convert`. `math.pow` is the `fpow` opcode and `math.fmod` is `frem`, not intrinsics.

use std::fmt;

use numjit_types::{ScalarType, Type};

/// How an intrinsic's result type follows from its argument types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntrinsicSignature {
    /// `(F) -> F` for a float or complex type `F` (`sqrt`, `exp`, trigonometry: `math` and `cmath`).
    RealOrComplexUnary,
    /// `(F) -> F` for a float type `F` (`floor`, `erf`, `gamma`).
    RealUnary,
    /// `(F, F) -> F` for a float type `F` (`atan2`, `hypot`, `copysign`).
    RealBinary,
    /// `(F) -> bool` for a float or complex type `F` (`isnan`, `isinf`, `isfinite`).
    Predicate,
    /// `(C) -> F`: a complex number to its real type (`cmath.phase`).
    ComplexToReal,
    /// `(C) -> Tuple(F, F)`: `cmath.polar`.
    ComplexToPolar,
    /// `(F, F) -> C`: `cmath.rect`, modulus and phase to the complex type of that precision.
    PolarToComplex,
    /// `(F, I) -> F` for a float `F` and any integer `I`: `math.ldexp`.
    Ldexp,
    /// `(F) -> Tuple(F, int32)`: `math.frexp`, mantissa and exponent (Numba's `intc`).
    Frexp,
    /// `(I, I) -> I` for an integer type `I`: `math.gcd`.
    IntegerBinary,
}

impl IntrinsicSignature {
    /// The number of arguments.
    pub fn arity(self) -> usize {
        match self {
            IntrinsicSignature::RealOrComplexUnary
            | IntrinsicSignature::RealUnary
            | IntrinsicSignature::Predicate
            | IntrinsicSignature::ComplexToReal
            | IntrinsicSignature::ComplexToPolar
            | IntrinsicSignature::Frexp => 1,
            IntrinsicSignature::RealBinary
            | IntrinsicSignature::PolarToComplex
            | IntrinsicSignature::Ldexp
            | IntrinsicSignature::IntegerBinary => 2,
        }
    }
}

macro_rules! intrinsics {
    ($($variant:ident => $name:literal, $signature:ident, $doc:literal;)*) => {
        /// A math function called by name. See [`INTRINSICS`] for the table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Intrinsic {
            $(#[doc = $doc] $variant,)*
        }

        /// Every intrinsic with its text name and signature, in declaration order.
        pub const INTRINSICS: &[(Intrinsic, &str, IntrinsicSignature)] = &[
            $((Intrinsic::$variant, $name, IntrinsicSignature::$signature),)*
        ];
    };
}

intrinsics! {
    Sqrt => "sqrt", RealOrComplexUnary, "Square root (`math.sqrt`, `cmath.sqrt`).";
    Exp => "exp", RealOrComplexUnary, "e to the power x.";
    Log => "log", RealOrComplexUnary, "Natural logarithm (one argument).";
    Log10 => "log10", RealOrComplexUnary, "Base-10 logarithm.";
    Sin => "sin", RealOrComplexUnary, "Sine.";
    Cos => "cos", RealOrComplexUnary, "Cosine.";
    Tan => "tan", RealOrComplexUnary, "Tangent.";
    Asin => "asin", RealOrComplexUnary, "Arc sine.";
    Acos => "acos", RealOrComplexUnary, "Arc cosine.";
    Atan => "atan", RealOrComplexUnary, "Arc tangent.";
    Sinh => "sinh", RealOrComplexUnary, "Hyperbolic sine.";
    Cosh => "cosh", RealOrComplexUnary, "Hyperbolic cosine.";
    Tanh => "tanh", RealOrComplexUnary, "Hyperbolic tangent.";
    Asinh => "asinh", RealOrComplexUnary, "Inverse hyperbolic sine.";
    Acosh => "acosh", RealOrComplexUnary, "Inverse hyperbolic cosine.";
    Atanh => "atanh", RealOrComplexUnary, "Inverse hyperbolic tangent.";
    Log2 => "log2", RealUnary, "Base-2 logarithm.";
    Log1p => "log1p", RealUnary, "log(1 + x), accurate near zero.";
    Expm1 => "expm1", RealUnary, "exp(x) - 1, accurate near zero.";
    Erf => "erf", RealUnary, "Error function.";
    Erfc => "erfc", RealUnary, "Complementary error function.";
    Gamma => "gamma", RealUnary, "Gamma function.";
    Lgamma => "lgamma", RealUnary, "Natural logarithm of the absolute value of Gamma.";
    Fabs => "fabs", RealUnary, "Absolute value of a float.";
    Floor => "floor", RealUnary, "Largest integral value not above x, as a float.";
    Ceil => "ceil", RealUnary, "Smallest integral value not below x, as a float.";
    Trunc => "trunc", RealUnary, "x rounded toward zero, as a float.";
    Round => "round", RealUnary, "x rounded to the nearest integral value, ties to even (Python's `round(x)`), as a float.";
    Degrees => "degrees", RealUnary, "Radians to degrees.";
    Radians => "radians", RealUnary, "Degrees to radians.";
    Atan2 => "atan2", RealBinary, "Arc tangent of y/x in the right quadrant.";
    Hypot => "hypot", RealBinary, "Euclidean norm sqrt(x*x + y*y).";
    Copysign => "copysign", RealBinary, "Magnitude of x with the sign of y.";
    Nextafter => "nextafter", RealBinary, "The next float after x towards y.";
    Isnan => "isnan", Predicate, "Whether x (or either part of a complex x) is NaN.";
    Isinf => "isinf", Predicate, "Whether x (or either part of a complex x) is infinite.";
    Isfinite => "isfinite", Predicate, "Whether x (and both parts of a complex x) is finite.";
    Phase => "phase", ComplexToReal, "The phase (argument) of a complex number.";
    Polar => "polar", ComplexToPolar, "A complex number as (modulus, phase).";
    Rect => "rect", PolarToComplex, "A complex number from modulus and phase.";
    Ldexp => "ldexp", Ldexp, "x * 2**i.";
    Frexp => "frexp", Frexp, "Mantissa and exponent of x.";
    Gcd => "gcd", IntegerBinary, "Greatest common divisor (non-negative).";
}

impl Intrinsic {
    fn entry(self) -> (Intrinsic, &'static str, IntrinsicSignature) {
        // The table is in declaration order, so the discriminant indexes it.
        INTRINSICS[self as usize]
    }

    /// The name in the text format (`sqrt`).
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// How the result type follows from the argument types.
    pub fn signature(self) -> IntrinsicSignature {
        self.entry().2
    }

    /// The number of arguments.
    pub fn arity(self) -> usize {
        self.signature().arity()
    }

    /// The intrinsic with this text name.
    pub fn from_name(name: &str) -> Option<Intrinsic> {
        INTRINSICS.iter().find(|(_, entry_name, _)| *entry_name == name).map(|(intrinsic, _, _)| *intrinsic)
    }

    /// The result type for arguments of `arg_types`, or why they do not fit.
    pub fn result_type(self, arg_types: &[Type]) -> Result<Type, String> {
        let signature = self.signature();
        if arg_types.len() != signature.arity() {
            return Err(format!(
                "{} takes {} argument{}, found {}",
                self.name(),
                signature.arity(),
                if signature.arity() == 1 { "" } else { "s" },
                arg_types.len()
            ));
        }
        let scalars: Vec<Option<ScalarType>> = arg_types.iter().map(Type::as_scalar).collect();
        let mismatch = |expected: &str| -> String {
            let found: Vec<String> = arg_types.iter().map(ToString::to_string).collect();
            format!("{} needs {expected}, found ({})", self.name(), found.join(", "))
        };
        match (signature, scalars.as_slice()) {
            (IntrinsicSignature::RealOrComplexUnary, [Some(x)]) if x.is_float() || x.is_complex() => {
                Ok(Type::Scalar(*x))
            }
            (IntrinsicSignature::RealOrComplexUnary, _) => Err(mismatch("a float or complex argument")),
            (IntrinsicSignature::RealUnary, [Some(x)]) if x.is_float() => Ok(Type::Scalar(*x)),
            (IntrinsicSignature::RealUnary, _) => Err(mismatch("a float argument")),
            (IntrinsicSignature::RealBinary, [Some(x), Some(y)]) if x.is_float() && x == y => {
                Ok(Type::Scalar(*x))
            }
            (IntrinsicSignature::RealBinary, _) => Err(mismatch("two arguments of one float type")),
            (IntrinsicSignature::Predicate, [Some(x)]) if x.is_float() || x.is_complex() => Ok(Type::BOOL),
            (IntrinsicSignature::Predicate, _) => Err(mismatch("a float or complex argument")),
            (IntrinsicSignature::ComplexToReal, [Some(x)]) if x.is_complex() => {
                Ok(Type::Scalar(x.real_part()))
            }
            (IntrinsicSignature::ComplexToReal, _) => Err(mismatch("a complex argument")),
            (IntrinsicSignature::ComplexToPolar, [Some(x)]) if x.is_complex() => {
                Ok(Type::Tuple(vec![Type::Scalar(x.real_part()); 2]))
            }
            (IntrinsicSignature::ComplexToPolar, _) => Err(mismatch("a complex argument")),
            (IntrinsicSignature::PolarToComplex, [Some(x), Some(y)]) if x.is_float() && x == y => {
                Ok(Type::Scalar(complex_of(*x)))
            }
            (IntrinsicSignature::PolarToComplex, _) => Err(mismatch("two arguments of one float type")),
            (IntrinsicSignature::Ldexp, [Some(x), Some(i)]) if x.is_float() && i.is_integer() => {
                Ok(Type::Scalar(*x))
            }
            (IntrinsicSignature::Ldexp, _) => Err(mismatch("a float and an integer")),
            (IntrinsicSignature::Frexp, [Some(x)]) if x.is_float() => {
                Ok(Type::Tuple(vec![Type::Scalar(*x), Type::Scalar(ScalarType::Int32)]))
            }
            (IntrinsicSignature::Frexp, _) => Err(mismatch("a float argument")),
            (IntrinsicSignature::IntegerBinary, [Some(x), Some(y)]) if x.is_integer() && x == y => {
                Ok(Type::Scalar(*x))
            }
            (IntrinsicSignature::IntegerBinary, _) => Err(mismatch("two arguments of one integer type")),
        }
    }
}

/// The complex type whose parts have the float type `float`.
pub(crate) fn complex_of(float: ScalarType) -> ScalarType {
    if float == ScalarType::Float32 { ScalarType::Complex64 } else { ScalarType::Complex128 }
}

impl fmt::Display for Intrinsic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_declaration_order_and_names_are_unique() {
        for (index, (intrinsic, name, _)) in INTRINSICS.iter().enumerate() {
            assert_eq!(*intrinsic as usize, index, "{name}");
            assert_eq!(Intrinsic::from_name(name), Some(*intrinsic));
        }
    }

    fn check(intrinsic: &str, args: &[Type], expect: &str) {
        let intrinsic = Intrinsic::from_name(intrinsic).expect("a known intrinsic");
        let actual = match intrinsic.result_type(args) {
            Ok(ty) => ty.to_string(),
            Err(message) => format!("error: {message}"),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn result_types() {
        let float32 = Type::Scalar(ScalarType::Float32);
        check("sqrt", &[Type::FLOAT64], "float64");
        check("sqrt", &[Type::COMPLEX128], "complex128");
        check("sqrt", &[Type::INT64], "error: sqrt needs a float or complex argument, found (int64)");
        check("floor", std::slice::from_ref(&float32), "float32");
        check(
            "atan2",
            &[Type::FLOAT64, float32.clone()],
            "error: atan2 needs two arguments of one float type, found (float64, float32)",
        );
        check("isnan", &[Type::COMPLEX128], "bool");
        check("phase", &[Type::COMPLEX128], "float64");
        check("polar", &[Type::COMPLEX128], "UniTuple(float64 x 2)");
        check("rect", &[float32.clone(), float32], "complex64");
        check("ldexp", &[Type::FLOAT64, Type::Scalar(ScalarType::Int32)], "float64");
        check("frexp", &[Type::FLOAT64], "Tuple(float64, int32)");
        check("gcd", &[Type::INT64, Type::INT64], "int64");
        check("hypot", &[Type::FLOAT64], "error: hypot takes 2 arguments, found 1");
    }
}
