//! The `cmath` module: the functions Numba supports, their signature tables, and the
//! module's constants. Real arguments convert to complex (a safe conversion).

use numjit_types::{ScalarType, Type};

use super::{COMPLEXES, Resolved, Sig, TemplateError, resolve_table, scalar, scalar_sig};
use crate::env::ConstValue;
use crate::ty::Ty;

macro_rules! cmath_functions {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A function of the `cmath` module.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum CMathFn { $($variant),* }

        impl CMathFn {
            /// Every supported function.
            pub const ALL: &'static [CMathFn] = &[$(CMathFn::$variant),*];

            /// The function's name in `cmath`.
            pub fn name(self) -> &'static str {
                match self { $(CMathFn::$variant => $name),* }
            }
        }
    };
}

cmath_functions! {
    Acos => "acos", Acosh => "acosh", Asin => "asin", Asinh => "asinh", Atan => "atan",
    Atanh => "atanh", Cos => "cos", Cosh => "cosh", Exp => "exp", Isfinite => "isfinite",
    Isinf => "isinf", Isnan => "isnan", Log => "log", Log10 => "log10", Phase => "phase",
    Polar => "polar", Rect => "rect", Sin => "sin", Sinh => "sinh", Sqrt => "sqrt", Tan => "tan",
    Tanh => "tanh",
}

impl CMathFn {
    /// The function called `name`, if supported.
    pub fn from_name(name: &str) -> Option<CMathFn> {
        CMathFn::ALL.iter().copied().find(|function| function.name() == name)
    }
}

/// The value of a `cmath` constant.
pub fn constant(name: &str) -> Option<ConstValue> {
    match name {
        "infj" => Some(ConstValue::Complex { real: 0.0, imag: f64::INFINITY }),
        "nanj" => Some(ConstValue::Complex { real: 0.0, imag: f64::NAN }),
        _ => super::math::constant(name),
    }
}

/// The signature table of a `cmath` function.
pub fn cases(function: CMathFn) -> Vec<Sig> {
    use CMathFn::*;
    use ScalarType::*;
    let per_complex =
        |make: &dyn Fn(ScalarType) -> Sig| COMPLEXES.iter().map(|&ty| make(ty)).collect::<Vec<_>>();
    match function {
        Isinf | Isnan | Isfinite => per_complex(&|ty| scalar_sig(Bool, &[ty])),
        Log => {
            let mut cases = per_complex(&|ty| scalar_sig(ty, &[ty]));
            cases.extend(per_complex(&|ty| scalar_sig(ty, &[ty, ty])));
            cases
        }
        Phase => per_complex(&|ty| scalar_sig(ty.real_part(), &[ty])),
        Polar => per_complex(&|ty| Sig::new(Type::Tuple(vec![scalar(ty.real_part()); 2]), [scalar(ty)])),
        Rect => vec![scalar_sig(Complex64, &[Float32, Float32]), scalar_sig(Complex128, &[Float64, Float64])],
        _ => per_complex(&|ty| scalar_sig(ty, &[ty])),
    }
}

/// Types a call of a `cmath` function.
pub fn call(function: CMathFn, args: &[Ty]) -> Result<Resolved, TemplateError> {
    resolve_table(&cases(function), args, &format!("cmath.{}()", function.name()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn ret(function: CMathFn, args: &[ScalarType]) -> Option<String> {
        let args: Vec<Ty> = args.iter().map(|&arg| Ty::from(arg)).collect();
        call(function, &args).ok().map(|resolved| resolved.ret.to_string())
    }

    #[test]
    fn signatures() {
        assert_eq!(ret(CMathFn::Sqrt, &[Complex128]).as_deref(), Some("complex128"));
        assert_eq!(ret(CMathFn::Sqrt, &[Float64]).as_deref(), Some("complex128"));
        assert_eq!(ret(CMathFn::Sqrt, &[Complex64]).as_deref(), Some("complex64"));
        assert_eq!(ret(CMathFn::Phase, &[Complex128]).as_deref(), Some("float64"));
        assert_eq!(ret(CMathFn::Polar, &[Complex128]).as_deref(), Some("UniTuple(float64 x 2)"));
        assert_eq!(ret(CMathFn::Rect, &[Float64, Float64]).as_deref(), Some("complex128"));
        assert_eq!(ret(CMathFn::Isnan, &[Complex128]).as_deref(), Some("bool"));
        assert_eq!(ret(CMathFn::Log, &[Complex128, Complex128]).as_deref(), Some("complex128"));
        assert!(constant("infj").is_some());
    }
}
