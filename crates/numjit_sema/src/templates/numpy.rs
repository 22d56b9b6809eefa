//! NumPy arrays: the creation functions (`np.empty`, `np.zeros`, `np.ones`, `np.full`) and
//! the typing of what compiled code may do with an array today: integer indexing
//! (`a[i]`, `a[i, j]`; fewer indices than axes give a view), item assignment, the
//! attributes `shape`, `ndim`, `size`, `itemsize`, `nbytes`, `strides`, and `len(a)`.
//!
//! The rules are Numba's: full integer indexing gives the dtype; partial indexing of a C
//! array gives a C view, of any other layout an `A` view; item assignment converts the
//! value to the dtype as NumPy's setitem casting does (any real or integer value into a
//! real or integer array; complex only into complex arrays); `np.full` without `dtype`
//! takes the fill value's type. Everything else on arrays (slices, fancy indexing, array
//! expressions, methods) is [`TemplateError::Unsupported`] for now.

use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Resolved, TemplateError};
use crate::templates::Builtin;
use crate::ty::{Callable, Ty};

/// A NumPy function that creates an array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumpyFn {
    Empty,
    Zeros,
    Ones,
    Full,
}

impl NumpyFn {
    /// Every member.
    pub const ALL: &'static [NumpyFn] = &[NumpyFn::Empty, NumpyFn::Zeros, NumpyFn::Ones, NumpyFn::Full];

    /// The name in the `numpy` module.
    pub fn name(self) -> &'static str {
        match self {
            NumpyFn::Empty => "empty",
            NumpyFn::Zeros => "zeros",
            NumpyFn::Ones => "ones",
            NumpyFn::Full => "full",
        }
    }

    /// The function called `name`.
    pub fn from_name(name: &str) -> Option<NumpyFn> {
        NumpyFn::ALL.iter().copied().find(|function| function.name() == name)
    }

    /// The parameters, in order.
    fn params(self) -> &'static [CreateParam] {
        match self {
            NumpyFn::Full => &[CreateParam::Shape, CreateParam::Fill, CreateParam::Dtype],
            _ => &[CreateParam::Shape, CreateParam::Dtype],
        }
    }
}

/// What an argument of a creation function is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreateParam {
    /// The shape: an integer or a tuple of integers.
    Shape,
    /// `np.full`'s fill value.
    Fill,
    /// The element type (`np.float64`, `float`, `np.int32`, ...).
    Dtype,
}

impl CreateParam {
    fn name(self) -> &'static str {
        match self {
            CreateParam::Shape => "shape",
            CreateParam::Fill => "fill_value",
            CreateParam::Dtype => "dtype",
        }
    }
}

/// Binds the arguments of a call of `function` (`n_positional` positional ones, then the
/// keywords named `keywords`) to its parameters: one entry per argument, in the order
/// positional then keywords.
pub fn bind_create(
    function: NumpyFn,
    n_positional: usize,
    keywords: &[&str],
) -> Result<Vec<CreateParam>, TemplateError> {
    let params = function.params();
    let describe = format!("numpy.{}()", function.name());
    if n_positional > params.len() {
        return Err(TemplateError::WrongArguments(format!(
            "{describe} takes at most {} positional arguments but {n_positional} were given",
            params.len()
        )));
    }
    let mut bound: Vec<CreateParam> = params[..n_positional].to_vec();
    for keyword in keywords {
        let Some(param) = params.iter().find(|param| param.name() == *keyword) else {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} got an unexpected keyword argument '{keyword}'"
            )));
        };
        if bound.contains(param) {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} got multiple values for argument '{keyword}'"
            )));
        }
        bound.push(*param);
    }
    for required in params.iter().filter(|param| **param != CreateParam::Dtype) {
        if !bound.contains(required) {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} missing required argument '{}'",
                required.name()
            )));
        }
    }
    Ok(bound)
}

/// The number of axes a shape argument gives: an integer is one axis, a tuple of
/// integers one per item.
pub fn shape_ndim(shape: &Ty) -> Result<u8, TemplateError> {
    let is_int = |ty: &Type| matches!(ty, Type::Scalar(scalar) if scalar.is_integer());
    match shape.as_value() {
        Some(ty) if is_int(ty) => Ok(1),
        Some(Type::Tuple(items)) if items.iter().all(is_int) => {
            u8::try_from(items.len()).ok().filter(|ndim| *ndim <= MAX_NDIM).ok_or_else(|| {
                TemplateError::InvalidOperand(format!("arrays have at most {MAX_NDIM} dimensions"))
            })
        }
        _ => Err(TemplateError::InvalidOperand(format!(
            "an array shape must be an integer or a tuple of integers, not {shape}"
        ))),
    }
}

/// The most dimensions an array may have (NumPy 2's limit, and the IR's).
pub const MAX_NDIM: u8 = 64;

/// The scalar type a `dtype` argument names.
pub fn dtype_of(dtype: &Ty) -> Option<ScalarType> {
    match dtype {
        Ty::Callable(Callable::NumpyScalar(scalar)) => Some(*scalar),
        Ty::Callable(Callable::Builtin(Builtin::Float)) => Some(ScalarType::Float64),
        Ty::Callable(Callable::Builtin(Builtin::Int)) => Some(ScalarType::Int64),
        Ty::Callable(Callable::Builtin(Builtin::Bool)) => Some(ScalarType::Bool),
        Ty::Callable(Callable::Builtin(Builtin::Complex)) => Some(ScalarType::Complex128),
        _ => None,
    }
}

/// Types a call of a creation function whose arguments, bound by [`bind_create`], have
/// the types `args`.
pub fn create(function: NumpyFn, params: &[CreateParam], args: &[Ty]) -> Result<Resolved, TemplateError> {
    let describe = format!("numpy.{}()", function.name());
    let mut ndim = 0;
    let mut dtype = None;
    let mut fill = None;
    for (param, ty) in params.iter().zip(args) {
        match param {
            CreateParam::Shape => ndim = shape_ndim(ty)?,
            CreateParam::Dtype => {
                if matches!(ty, Ty::Value(Type::NoneType)) {
                    continue;
                }
                dtype = Some(dtype_of(ty).ok_or_else(|| {
                    TemplateError::Unsupported(format!(
                        "{describe} with dtype={ty}; pass a NumPy scalar type such as np.float64 or np.int32, or float, int, bool, complex"
                    ))
                })?);
            }
            CreateParam::Fill => match ty.as_scalar() {
                Some(scalar) => fill = Some(scalar),
                None => {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} fills with a number, not {ty}"
                    )));
                }
            },
        }
    }
    let dtype = dtype.or(fill).unwrap_or(ScalarType::Float64);
    if let Some(fill) = fill
        && fill.is_complex()
        && !dtype.is_complex()
    {
        return Err(TemplateError::InvalidOperand(format!(
            "{describe} cannot fill an array of {dtype} with {fill}"
        )));
    }
    Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, ndim, Layout::C))))
}

/// The integer types of an index expression: one per index (an integer, or a tuple of
/// integers), or what is not supported.
pub fn index_types(index: &Type) -> Result<Vec<ScalarType>, TemplateError> {
    let one = |ty: &Type| match ty {
        Type::Scalar(scalar) if scalar.is_integer() => Ok(*scalar),
        Type::Scalar(ScalarType::Bool) => Err(TemplateError::Unsupported(
            "indexing an array with a boolean (a mask) is not supported yet".into(),
        )),
        other => Err(TemplateError::Unsupported(format!(
            "indexing an array with {other} is not supported yet (only integer indices are)"
        ))),
    };
    match index {
        Type::Tuple(items) => items.iter().map(one).collect(),
        other => Ok(vec![one(other)?]),
    }
}

/// The type of `array[index]`: the dtype for one integer per axis, a view for fewer.
pub fn getitem(array: &ArrayType, index: &Type) -> Result<Type, TemplateError> {
    let indices = index_types(index)?;
    let ndim = usize::from(array.ndim);
    if indices.len() > ndim {
        return Err(TemplateError::InvalidOperand(format!(
            "too many indices for array: array is {ndim}-dimensional, but {} were indexed",
            indices.len()
        )));
    }
    if indices.len() == ndim {
        return Ok(Type::Scalar(array.dtype));
    }
    let layout = if array.layout == Layout::C { Layout::C } else { Layout::A };
    Ok(Type::Array(ArrayType { ndim: array.ndim - indices.len() as u8, layout, ..*array }))
}

/// Checks `array[index] = value`: integer indices, one per axis, a writable array and a
/// value that converts to the dtype.
pub fn setitem(array: &ArrayType, index: &Type, value: &Type) -> Result<(), TemplateError> {
    let indices = index_types(index)?;
    let ndim = usize::from(array.ndim);
    if indices.len() != ndim {
        return Err(if indices.len() > ndim {
            TemplateError::InvalidOperand(format!(
                "too many indices for array: array is {ndim}-dimensional, but {} were indexed",
                indices.len()
            ))
        } else {
            TemplateError::Unsupported(format!(
                "assigning to a part of an array (array[...] = value with {} of {ndim} indices) is not supported yet",
                indices.len()
            ))
        });
    }
    if array.readonly {
        return Err(TemplateError::InvalidOperand(format!(
            "cannot assign to an item of the read-only {array}"
        )));
    }
    match value {
        Type::Scalar(scalar) if !scalar.is_complex() || array.dtype.is_complex() => Ok(()),
        _ => Err(TemplateError::InvalidOperand(format!(
            "cannot store a value of type {value} in an array of {}",
            array.dtype
        ))),
    }
}

/// The type of the array attribute `name`, if it has one.
pub fn attribute(array: &ArrayType, name: &str) -> Option<Type> {
    let per_axis = Type::Tuple(vec![Type::INT64; usize::from(array.ndim)]);
    match name {
        "shape" | "strides" => Some(per_axis),
        "ndim" | "size" | "itemsize" | "nbytes" => Some(Type::INT64),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_functions_bind_and_type() {
        let params = bind_create(NumpyFn::Zeros, 1, &["dtype"]).expect("binds");
        assert_eq!(params, [CreateParam::Shape, CreateParam::Dtype]);
        let tuple = Ty::Value(Type::Tuple(vec![Type::INT64, Type::Scalar(ScalarType::Int32)]));
        let int32 = Ty::Callable(Callable::NumpyScalar(ScalarType::Int32));
        let resolved = create(NumpyFn::Zeros, &params, &[tuple, int32]).expect("types");
        assert_eq!(resolved.ret.to_string(), "array(int32, 2d, C)");
        let full = bind_create(NumpyFn::Full, 2, &[]).expect("binds");
        let resolved =
            create(NumpyFn::Full, &full, &[Ty::INT64, Ty::Value(Type::COMPLEX128)]).expect("types");
        assert_eq!(resolved.ret.to_string(), "array(complex128, 1d, C)");
        assert!(bind_create(NumpyFn::Full, 1, &[]).is_err());
        assert!(bind_create(NumpyFn::Empty, 1, &["order"]).is_err());
        assert!(create(NumpyFn::Empty, &[CreateParam::Shape], &[Ty::FLOAT64]).is_err());
    }

    #[test]
    fn indexing_rules() {
        let c2 = ArrayType::new(ScalarType::Float64, 2, Layout::C);
        let f2 = ArrayType::new(ScalarType::Float64, 2, Layout::F);
        let pair = Type::Tuple(vec![Type::INT64, Type::Scalar(ScalarType::UInt8)]);
        assert_eq!(getitem(&c2, &pair), Ok(Type::FLOAT64));
        assert_eq!(
            getitem(&c2, &Type::INT64).map(|ty| ty.to_string()).as_deref(),
            Ok("array(float64, 1d, C)")
        );
        assert_eq!(
            getitem(&f2, &Type::INT64).map(|ty| ty.to_string()).as_deref(),
            Ok("array(float64, 1d, A)")
        );
        assert!(matches!(getitem(&c2, &Type::FLOAT64), Err(TemplateError::Unsupported(_))));
        assert!(setitem(&c2, &pair, &Type::INT64).is_ok());
        assert!(setitem(&c2, &pair, &Type::COMPLEX128).is_err());
        let readonly = ArrayType { readonly: true, ..c2 };
        assert!(setitem(&readonly, &pair, &Type::FLOAT64).is_err());
        assert_eq!(attribute(&c2, "shape").map(|ty| ty.to_string()).as_deref(), Some("UniTuple(int64 x 2)"));
    }
}
