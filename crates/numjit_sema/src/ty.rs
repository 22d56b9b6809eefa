//! [`Ty`]: what type inference assigns to locals and expressions, and [`unify`], the join
//! of two types.
//!
//! Runtime values have a [`numjit_types::Type`]; compile-time values that compiled code
//! names but never stores (a module, a builtin, another function, an exception class)
//! have the other variants. Unification follows Numba's `unify_pairs`: numbers promote as
//! NumPy does, `None` with `T` gives `OptionalType(T)`, tuples unify item by item.

use std::fmt;

use numjit_types::{ScalarType, Type};

use crate::env::{FunctionId, ModuleKind};
use crate::hir::Item;
use crate::program::BodyId;
use crate::templates::ExceptionClass;

/// The type of a local or expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// A runtime value.
    Value(Type),
    /// A module (`math`, `np`).
    Module(ModuleKind),
    /// A reference to a function of the environment; calls are specialised on their
    /// argument types. Passing one as an argument specialises the callee on it, as
    /// Numba's dispatcher types do.
    Function(FunctionId),
    /// An inner function (its body in the program) with the types of the variables it
    /// captures.
    Closure(BodyId, Vec<Ty>),
    /// A builtin function or class, a `math`/`cmath` function, a NumPy scalar class.
    Callable(Callable),
    /// An exception class (`ValueError`).
    ExceptionClass(ExceptionClass),
    /// An exception instance (`ValueError("msg")`), only valid in `raise`.
    Exception(ExceptionClass),
    /// A slice inside an array index (`1:n`, `::2`); its bounds are run-time integers.
    Slice {
        /// Whether a step is written (Numba's `slice3_type`), which decides layouts.
        has_step: bool,
    },
    /// `...` inside an array index.
    Ellipsis,
    /// A tuple index holding slices or `...` (`a[1:n, 0]`), valid only as an array index.
    IndexTuple(Vec<Ty>),
}

/// Something callable that is not a user function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Callable {
    Builtin(crate::templates::Builtin),
    Math(crate::templates::MathFn),
    CMath(crate::templates::CMathFn),
    NumpyScalar(ScalarType),
    /// An array-creating NumPy function (`np.zeros`).
    Numpy(crate::templates::numpy::NumpyFn),
    /// A NumPy function over arrays (`np.sum`, `np.arange`).
    ArrayFunc(crate::templates::numpy::ArrayFunc),
    /// A NumPy ufunc (`np.sqrt`).
    Ufunc(crate::templates::ufunc::Ufunc),
}

impl Ty {
    pub const INT64: Ty = Ty::Value(Type::INT64);
    pub const FLOAT64: Ty = Ty::Value(Type::FLOAT64);
    pub const BOOL: Ty = Ty::Value(Type::BOOL);
    pub const NONE: Ty = Ty::Value(Type::NoneType);

    /// The runtime type, if this is a value.
    pub fn as_value(&self) -> Option<&Type> {
        match self {
            Ty::Value(ty) => Some(ty),
            _ => None,
        }
    }

    /// The scalar type, if this is a scalar value.
    pub fn as_scalar(&self) -> Option<ScalarType> {
        self.as_value().and_then(Type::as_scalar)
    }

    /// The type of a name resolved at lowering time.
    pub fn of_item(item: &Item) -> Ty {
        match item {
            Item::Module(module) => Ty::Module(*module),
            Item::Function(function) => Ty::Function(*function),
            Item::Builtin(builtin) => Ty::Callable(Callable::Builtin(*builtin)),
            Item::Math(function) => Ty::Callable(Callable::Math(*function)),
            Item::CMath(function) => Ty::Callable(Callable::CMath(*function)),
            Item::Exception(class) => Ty::ExceptionClass(*class),
            Item::NumpyScalar(scalar) => Ty::Callable(Callable::NumpyScalar(*scalar)),
            Item::Numpy(function) => Ty::Callable(Callable::Numpy(*function)),
            Item::Ufunc(ufunc) => Ty::Callable(Callable::Ufunc(*ufunc)),
            Item::ArrayFunc(function) => Ty::Callable(Callable::ArrayFunc(*function)),
        }
    }
}

impl From<Type> for Ty {
    fn from(ty: Type) -> Self {
        Ty::Value(ty)
    }
}

impl From<ScalarType> for Ty {
    fn from(scalar: ScalarType) -> Self {
        Ty::Value(Type::Scalar(scalar))
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Value(ty) => write!(f, "{ty}"),
            Ty::Module(module) => write!(f, "Module({})", module.name()),
            Ty::Function(function) => write!(f, "Function({function})"),
            Ty::Closure(body, _) => write!(f, "Closure({body})"),
            Ty::Callable(Callable::Builtin(builtin)) => write!(f, "Function({})", builtin.name()),
            Ty::Callable(Callable::Math(function)) => write!(f, "Function(math.{})", function.name()),
            Ty::Callable(Callable::CMath(function)) => write!(f, "Function(cmath.{})", function.name()),
            Ty::Callable(Callable::NumpyScalar(scalar)) => write!(f, "class({scalar})"),
            Ty::Callable(Callable::Numpy(function)) => write!(f, "Function(numpy.{})", function.name()),
            Ty::Callable(Callable::Ufunc(ufunc)) => write!(f, "Function(numpy.{})", ufunc.name()),
            Ty::Callable(Callable::ArrayFunc(function)) => write!(f, "Function(numpy.{})", function.name()),
            Ty::ExceptionClass(class) => write!(f, "class({})", class.name()),
            Ty::Exception(class) => write!(f, "{}", class.name()),
            Ty::Slice { has_step: false } => f.write_str("slice<a:b>"),
            Ty::Slice { has_step: true } => f.write_str("slice<a:b:c>"),
            Ty::Ellipsis => f.write_str("ellipsis"),
            Ty::IndexTuple(items) => {
                let items: Vec<String> = items.iter().map(ToString::to_string).collect();
                write!(f, "Tuple({})", items.join(", "))
            }
        }
    }
}

/// The join of two value types, or `None` when they have none (Numba's `unify_pairs`).
pub fn unify(first: &Type, second: &Type) -> Option<Type> {
    if first == second {
        return Some(first.clone());
    }
    match (first, second) {
        (Type::Scalar(a), Type::Scalar(b)) => Some(Type::Scalar(a.promote(*b))),
        // Arrays of one dtype and rank unify to layout `A`, as Numba's do; an array and
        // `None` do not unify (optional arrays are not supported).
        (Type::Array(a), Type::Array(b)) => {
            (a.dtype == b.dtype && a.ndim == b.ndim && a.readonly == b.readonly)
                .then_some(Type::Array(numjit_types::ArrayType { layout: numjit_types::Layout::A, ..*a }))
        }
        (Type::Array(_), _) | (_, Type::Array(_)) => None,
        // `a.flat` of arrays that unify (and never with `None`).
        (Type::Flat(a), Type::Flat(b)) => match unify(&Type::Array(*a), &Type::Array(*b)) {
            Some(Type::Array(array)) => Some(Type::Flat(array)),
            _ => None,
        },
        (Type::Flat(_), _) | (_, Type::Flat(_)) => None,
        (Type::NoneType, Type::Optional(_)) => Some(second.clone()),
        (Type::Optional(_), Type::NoneType) => Some(first.clone()),
        (Type::NoneType, other) | (other, Type::NoneType) => Some(Type::Optional(Box::new(other.clone()))),
        (Type::Optional(a), Type::Optional(b)) => unify(a, b).map(|inner| Type::Optional(Box::new(inner))),
        (Type::Optional(inner), other) | (other, Type::Optional(inner)) => {
            unify(inner, other).map(|inner| Type::Optional(Box::new(inner)))
        }
        (Type::Tuple(a), Type::Tuple(b)) if a.len() == b.len() => {
            a.iter().zip(b).map(|(a, b)| unify(a, b)).collect::<Option<Vec<_>>>().map(Type::Tuple)
        }
        _ => None,
    }
}

/// The join of two inference types: values unify, other kinds must be equal.
pub fn unify_ty(first: &Ty, second: &Ty) -> Option<Ty> {
    match (first, second) {
        (Ty::Value(a), Ty::Value(b)) => unify(a, b).map(Ty::Value),
        _ if first == second => Some(first.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn scalar(scalar: ScalarType) -> Type {
        Type::Scalar(scalar)
    }

    #[test]
    fn numbers_promote_like_numpy() {
        assert_eq!(unify(&scalar(Int64), &scalar(Float64)), Some(scalar(Float64)));
        assert_eq!(unify(&scalar(Int32), &scalar(Int64)), Some(scalar(Int64)));
        assert_eq!(unify(&scalar(Bool), &scalar(Int64)), Some(scalar(Int64)));
        assert_eq!(unify(&scalar(UInt64), &scalar(Int64)), Some(scalar(Float64)));
        assert_eq!(unify(&scalar(Float64), &scalar(Complex64)), Some(scalar(Complex128)));
    }

    #[test]
    fn none_makes_optionals() {
        let optional = Type::Optional(Box::new(scalar(Int64)));
        assert_eq!(unify(&Type::NoneType, &scalar(Int64)), Some(optional.clone()));
        assert_eq!(unify(&optional, &Type::NoneType), Some(optional.clone()));
        assert_eq!(unify(&optional, &scalar(Float64)), Some(Type::Optional(Box::new(scalar(Float64)))));
        assert_eq!(unify(&Type::NoneType, &Type::NoneType), Some(Type::NoneType));
    }

    #[test]
    fn tuples_unify_item_by_item() {
        let a = Type::Tuple(vec![scalar(Int64), scalar(Float64)]);
        let b = Type::Tuple(vec![scalar(Float64), scalar(Int32)]);
        assert_eq!(unify(&a, &b), Some(Type::Tuple(vec![scalar(Float64), scalar(Float64)])));
        assert_eq!(unify(&a, &Type::Tuple(vec![scalar(Int64)])), None);
        assert_eq!(unify(&a, &scalar(Int64)), None);
        assert_eq!(unify(&Type::Range(Int64), &Type::Range(Int32)), None);
    }

    #[test]
    fn non_values_unify_only_with_themselves() {
        let module = Ty::Module(ModuleKind::Math);
        assert_eq!(unify_ty(&module, &module), Some(module.clone()));
        assert_eq!(unify_ty(&module, &Ty::INT64), None);
    }
}
