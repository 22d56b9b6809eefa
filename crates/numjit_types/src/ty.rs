//! [`Type`]: the types of values in compiled code, printed the way Numba prints them.

use std::fmt;

use crate::ScalarType;

/// The memory layout of an array, as Numba distinguishes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// C-contiguous (row-major, last axis has unit stride).
    C,
    /// Fortran-contiguous (column-major, first axis has unit stride).
    F,
    /// Any strides.
    A,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::C => "C",
            Layout::F => "F",
            Layout::A => "A",
        }
    }
}

/// An N-dimensional NumPy array type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArrayType {
    pub dtype: ScalarType,
    pub ndim: u8,
    pub layout: Layout,
    /// True for arrays the caller passed read-only (`arr.flags.writeable == False`).
    pub readonly: bool,
}

impl ArrayType {
    /// A writable array.
    pub fn new(dtype: ScalarType, ndim: u8, layout: Layout) -> Self {
        ArrayType { dtype, ndim, layout, readonly: false }
    }
}

/// The type of a value in compiled code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Scalar(ScalarType),
    /// The type of `None`.
    NoneType,
    /// A tuple; homogeneous tuples print as Numba's `UniTuple`.
    Tuple(Vec<Type>),
    /// A `range` object whose start/stop/step have this integer type.
    Range(ScalarType),
    Array(ArrayType),
    /// `a.flat` of an array of this type (Numba's `NumpyFlatType`): the array's elements in
    /// C order, for any layout; iterable, indexable and assignable by a flat position.
    Flat(ArrayType),
    /// A value that may be `None` (Numba's `OptionalType`).
    Optional(Box<Type>),
    /// A unicode string (literals, `print` arguments).
    Str,
}

impl Type {
    pub const BOOL: Type = Type::Scalar(ScalarType::Bool);
    pub const INT64: Type = Type::Scalar(ScalarType::Int64);
    pub const FLOAT64: Type = Type::Scalar(ScalarType::Float64);
    pub const COMPLEX128: Type = Type::Scalar(ScalarType::Complex128);

    /// The scalar type, if this is one.
    pub fn as_scalar(&self) -> Option<ScalarType> {
        match self {
            Type::Scalar(scalar) => Some(*scalar),
            _ => None,
        }
    }

    /// The array type, if this is one.
    pub fn as_array(&self) -> Option<&ArrayType> {
        match self {
            Type::Array(array) => Some(array),
            _ => None,
        }
    }
}

impl From<ScalarType> for Type {
    fn from(scalar: ScalarType) -> Self {
        Type::Scalar(scalar)
    }
}

impl From<ArrayType> for Type {
    fn from(array: ArrayType) -> Self {
        Type::Array(array)
    }
}

impl fmt::Display for ArrayType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.readonly {
            f.write_str("readonly ")?;
        }
        write!(f, "array({}, {}d, {})", self.dtype, self.ndim, self.layout.as_str())
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Scalar(scalar) => write!(f, "{scalar}"),
            Type::NoneType => f.write_str("none"),
            Type::Tuple(items) => match items.split_first() {
                Some((first, rest)) if rest.iter().all(|item| item == first) => {
                    write!(f, "UniTuple({first} x {})", items.len())
                }
                _ => {
                    f.write_str("Tuple(")?;
                    for (item_idx, item) in items.iter().enumerate() {
                        if item_idx > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{item}")?;
                    }
                    f.write_str(")")
                }
            },
            Type::Range(int) => write!(f, "range_state_{int}"),
            Type::Array(array) => write!(f, "{array}"),
            Type::Flat(array) => write!(f, "array.flat({array})"),
            Type::Optional(inner) => write!(f, "OptionalType({inner})"),
            Type::Str => f.write_str("unicode_type"),
        }
    }
}

/// The elements of an `array_const`: a C-contiguous array's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ArrayConstant {
    /// The element type.
    pub dtype: ScalarType,
    /// The extent of each axis.
    pub shape: Vec<u64>,
    /// `product(shape) * itemsize` bytes: the elements in C order, little-endian.
    pub bytes: Box<[u8]>,
}

impl ArrayConstant {
    /// The array's type: readonly, C-contiguous.
    pub fn array_type(&self) -> ArrayType {
        ArrayType {
            dtype: self.dtype,
            ndim: u8::try_from(self.shape.len()).unwrap_or(u8::MAX),
            layout: Layout::C,
            readonly: true,
        }
    }

    /// How many elements the shape holds (`None` if that overflows).
    pub fn len(&self) -> Option<u64> {
        self.shape.iter().try_fold(1u64, |acc, extent| acc.checked_mul(*extent))
    }

    /// Whether the array has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_numba() {
        let int64 = Type::INT64;
        assert_eq!(Type::Tuple(vec![int64.clone(); 3]).to_string(), "UniTuple(int64 x 3)");
        assert_eq!(Type::Tuple(vec![int64.clone(), Type::FLOAT64]).to_string(), "Tuple(int64, float64)");
        assert_eq!(Type::Tuple(vec![]).to_string(), "Tuple()");
        let array = ArrayType { dtype: ScalarType::Float32, ndim: 2, layout: Layout::F, readonly: true };
        assert_eq!(Type::Array(array).to_string(), "readonly array(float32, 2d, F)");
        assert_eq!(Type::Optional(Box::new(int64)).to_string(), "OptionalType(int64)");
        assert_eq!(Type::BOOL.to_string(), "bool");
    }
}
