//! Typing of the NumPy library functions added after the first set: views that reorder
//! axes (`np.flip`, `np.swapaxes`, `np.moveaxis`, `np.atleast_*d`, `np.reshape`), matrix
//! helpers (`np.diag`, `np.tri`/`tril`/`triu`, `np.fill_diagonal`, `np.vander`,
//! `np.kron`, `np.vdot`), reductions (`np.ptp`, `np.count_nonzero`, `np.nanvar`/`nanstd`,
//! `np.percentile`/`quantile` and their NaN-ignoring forms, `np.trapezoid`), and
//! element-wise or gathering functions (`np.around`, `np.repeat`, `np.searchsorted`,
//! `np.flatnonzero`, `np.column_stack`, `np.append`, `a.take`, `np.roll`,
//! `np.nan_to_num`, `np.extract`, `np.angle`, `np.iscomplex`/`isreal`, `np.bincount`,
//! `np.indices`, `a.conj()`).
//!
//! Result dtypes are NumPy 2's (checked with NumPy 2.4), with Numba's rule that a scalar
//! takes part in promotions with its own type.

use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Args, LibraryFn, median_dtype, outer_dtype, reduced};
use crate::templates::TemplateError;
use crate::templates::numpy::{Reduction, shape_ndim};
use crate::ty::Ty;

fn array_of(dtype: ScalarType, ndim: u8) -> Type {
    Type::Array(ArrayType::new(dtype, ndim, Layout::C))
}

/// An argument that is an array or a number: its dtype and rank (`None` for a scalar).
fn array_or_scalar(args: &Args<'_>, name: &str) -> Result<(ScalarType, Option<u8>), TemplateError> {
    let describe = args.describe();
    match args.get(name).and_then(Ty::as_value) {
        Some(Type::Array(array)) => Ok((array.dtype, Some(array.ndim))),
        Some(Type::Scalar(scalar)) => Ok((*scalar, None)),
        Some(other) => {
            Err(TemplateError::InvalidOperand(format!("{describe} takes an array or a number, not {other}")))
        }
        None => match args.get(name) {
            Some(other) => Err(TemplateError::InvalidOperand(format!(
                "{describe} takes an array or a number, not {other}"
            ))),
            None => {
                Err(TemplateError::WrongArguments(format!("{describe} missing required argument '{name}'")))
            }
        },
    }
}

/// The argument `name`, when given, must be a bool.
fn boolean(args: &Args<'_>, name: &str) -> Result<(), TemplateError> {
    match args.get(name) {
        Some(ty) if ty.as_scalar() != Some(ScalarType::Bool) => Err(TemplateError::InvalidOperand(format!(
            "{}: {name} must be a bool, not {ty}",
            args.describe()
        ))),
        _ => Ok(()),
    }
}

/// The argument `name`, when given, must be a real number.
fn real_number(args: &Args<'_>, name: &str) -> Result<(), TemplateError> {
    match args.get(name) {
        Some(ty) if ty.as_scalar().is_none_or(|scalar| scalar.is_complex()) => {
            Err(TemplateError::InvalidOperand(format!(
                "{}: {name} must be a real number, not {ty}",
                args.describe()
            )))
        }
        _ => Ok(()),
    }
}

/// The argument `name`, when given, must be an integer.
fn integer(args: &Args<'_>, name: &str) -> Result<(), TemplateError> {
    args.integer(name).map(|_| ())
}

/// A result that is a scalar for a scalar input and an array of `ndim` otherwise.
fn scalar_or_array(dtype: ScalarType, rank: Option<u8>) -> Type {
    match rank {
        Some(ndim) => array_of(dtype, ndim),
        None => Type::Scalar(dtype),
    }
}

/// A view of `array` with `ndim` axes (layout `A`).
fn view(array: &ArrayType, ndim: u8) -> Type {
    Type::Array(ArrayType { ndim, layout: Layout::A, ..*array })
}

/// The dtype of a float result for `dtype`: floats keep theirs, integers and booleans
/// give float64 (`np.angle`, `np.percentile`, `np.trapezoid` of the real part).
fn float_dtype(dtype: ScalarType) -> ScalarType {
    if dtype.is_float() {
        dtype
    } else if dtype.is_complex() {
        dtype.real_part()
    } else {
        ScalarType::Float64
    }
}

/// Types the functions of this module; `None` for the others.
pub(super) fn resolve(args: &Args<'_>, this: Option<&ArrayType>) -> Option<Result<Type, TemplateError>> {
    let function = args.function;
    let describe = args.describe();
    let the_array = |name: &str| match this {
        Some(array) => Ok(*array),
        None => args.array(name),
    };
    let result = (|| -> Result<Type, TemplateError> {
        Ok(match function {
            LibraryFn::Flip => {
                let array = the_array("m")?;
                view(&array, array.ndim)
            }
            LibraryFn::Fliplr | LibraryFn::Flipud => {
                let array = the_array("m")?;
                let least = if function == LibraryFn::Fliplr { 2 } else { 1 };
                if array.ndim < least {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: Input must be >= {least}-d."
                    )));
                }
                view(&array, array.ndim)
            }
            LibraryFn::Swapaxes => {
                let array = the_array("a")?;
                integer(args, "axis1")?;
                integer(args, "axis2")?;
                view(&array, array.ndim)
            }
            LibraryFn::Moveaxis => {
                let array = the_array("a")?;
                integer(args, "source")?;
                integer(args, "destination")?;
                view(&array, array.ndim)
            }
            LibraryFn::Atleast1d | LibraryFn::Atleast2d | LibraryFn::Atleast3d => {
                let array = the_array("arys")?;
                let least = match function {
                    LibraryFn::Atleast1d => 1,
                    LibraryFn::Atleast2d => 2,
                    _ => 3,
                };
                if array.ndim >= least { Type::Array(array) } else { view(&array, least) }
            }
            LibraryFn::Reshape => {
                let array = the_array("a")?;
                let Some(shape) = args.get("shape") else {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'shape'"
                    )));
                };
                let ndim = shape_ndim(shape)?;
                Type::Array(ArrayType { ndim, layout: Layout::C, ..array })
            }
            LibraryFn::Diag => {
                let array = the_array("v")?;
                integer(args, "k")?;
                match array.ndim {
                    1 => array_of(array.dtype, 2),
                    2 => array_of(array.dtype, 1),
                    _ => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: Input must be 1- or 2-d."
                        )));
                    }
                }
            }
            LibraryFn::Tri => {
                integer(args, "N")?;
                integer(args, "M")?;
                integer(args, "k")?;
                array_of(ScalarType::Float64, 2)
            }
            LibraryFn::Tril | LibraryFn::Triu => {
                let array = the_array("m")?;
                integer(args, "k")?;
                if array.ndim < 2 {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of an array of fewer than two dimensions is not supported yet"
                    )));
                }
                array_of(array.dtype, array.ndim)
            }
            LibraryFn::FillDiagonal => {
                let array = the_array("a")?;
                if array.readonly {
                    return Err(TemplateError::ReadonlyArray(format!("{describe} cannot write to {array}")));
                }
                if array.ndim < 2 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: array must be at least 2-d"
                    )));
                }
                let (val, _) = array_or_scalar(args, "val")?;
                if val.is_complex() && !array.dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} cannot store {val} values in an array of {}",
                        array.dtype
                    )));
                }
                boolean(args, "wrap")?;
                Type::NoneType
            }
            LibraryFn::Vander => {
                let array = the_array("x")?;
                integer(args, "N")?;
                boolean(args, "increasing")?;
                if array.ndim != 1 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: x must be a one-dimensional array"
                    )));
                }
                array_of(array.dtype.promote(ScalarType::Int64), 2)
            }
            LibraryFn::Kron => {
                let a = args.array("a")?;
                let b = args.array("b")?;
                if a.ndim > 2 || b.ndim > 2 {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of arrays of more than two dimensions is not supported yet"
                    )));
                }
                let dtype = outer_dtype(a.dtype, b.dtype).ok_or_else(|| {
                    TemplateError::InvalidOperand(format!("{describe} of {} and {}", a.dtype, b.dtype))
                })?;
                array_of(dtype, a.ndim.max(b.ndim))
            }
            LibraryFn::Vdot => {
                let a = args.array("a")?;
                let b = args.array("b")?;
                let dtype = a.dtype.promote(b.dtype);
                if dtype == ScalarType::Bool {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of boolean arrays is not supported yet"
                    )));
                }
                Type::Scalar(dtype)
            }
            LibraryFn::Ptp => {
                let array = the_array("a")?;
                if array.dtype == ScalarType::Bool {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} of a boolean array (numpy boolean subtract is not supported)"
                    )));
                }
                if array.dtype.is_complex() {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of complex arrays is not supported yet"
                    )));
                }
                Type::Scalar(array.dtype)
            }
            LibraryFn::CountNonzero => {
                let array = the_array("a")?;
                reduced(&array, ScalarType::Int64, args.axis()?, &describe)?
            }
            LibraryFn::Nanvar | LibraryFn::Nanstd => {
                let array = the_array("a")?;
                Type::Scalar(Reduction::Var.result_dtype(array.dtype))
            }
            LibraryFn::Percentile
            | LibraryFn::Quantile
            | LibraryFn::Nanpercentile
            | LibraryFn::Nanquantile => {
                let array = the_array("a")?;
                if array.dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: a must be an array of real numbers"
                    )));
                }
                let (q, rank) = array_or_scalar(args, "q")?;
                if q.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!("{describe}: q must be real numbers")));
                }
                scalar_or_array(median_dtype(array.dtype), rank)
            }
            LibraryFn::Trapezoid => {
                let array = the_array("y")?;
                real_number(args, "dx")?;
                if array.ndim != 1 {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of an array that is not one-dimensional is not supported yet"
                    )));
                }
                let dtype = if array.dtype.is_complex() { array.dtype } else { float_dtype(array.dtype) };
                Type::Scalar(dtype)
            }
            LibraryFn::Around => {
                let (dtype, rank) = match this {
                    Some(array) => (array.dtype, Some(array.ndim)),
                    None => array_or_scalar(args, "a")?,
                };
                integer(args, "decimals")?;
                if dtype == ScalarType::Bool {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of booleans is not supported"
                    )));
                }
                scalar_or_array(dtype, rank)
            }
            LibraryFn::Repeat => {
                let (dtype, _) = match this {
                    Some(array) => (array.dtype, Some(array.ndim)),
                    None => array_or_scalar(args, "a")?,
                };
                let (repeats, rank) = array_or_scalar(args, "repeats")?;
                if !repeats.is_integer() || rank.is_some_and(|rank| rank > 1) {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: repeats must be an integer or a 1-d array of integers"
                    )));
                }
                array_of(dtype, 1)
            }
            LibraryFn::Searchsorted => {
                let array = the_array("a")?;
                if array.ndim != 1 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: a must be one-dimensional"
                    )));
                }
                if let Some(side) = args.get("side")
                    && side.as_value() != Some(&Type::Str)
                {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: side must be 'left' or 'right', not {side}"
                    )));
                }
                let (v, rank) = array_or_scalar(args, "v")?;
                if v.is_complex() != array.dtype.is_complex() && (v.is_complex() || array.dtype.is_complex())
                {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} mixing complex and real numbers is not supported yet"
                    )));
                }
                scalar_or_array(ScalarType::Int64, rank)
            }
            LibraryFn::Flatnonzero => {
                the_array("a")?;
                array_of(ScalarType::Int64, 1)
            }
            LibraryFn::ColumnStack => {
                let Some(Type::Tuple(items)) = args.get("tup").and_then(Ty::as_value) else {
                    return Err(TemplateError::InvalidOperand(format!("{describe} takes a tuple of arrays")));
                };
                let mut dtype: Option<ScalarType> = None;
                for item in items {
                    match item {
                        Type::Array(array) if (1..=2).contains(&array.ndim) => {
                            dtype = Some(dtype.map_or(array.dtype, |dtype| dtype.promote(array.dtype)));
                        }
                        _ => {
                            return Err(TemplateError::InvalidOperand(format!(
                                "{describe} takes a tuple of 1-d or 2-d arrays, not one holding {item}"
                            )));
                        }
                    }
                }
                let Some(dtype) = dtype else {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} needs at least one array"
                    )));
                };
                array_of(dtype, 2)
            }
            LibraryFn::Append => {
                let (arr, _) = array_or_scalar(args, "arr")?;
                let (values, _) = array_or_scalar(args, "values")?;
                array_of(arr.promote(values), 1)
            }
            LibraryFn::Take => {
                let array = the_array("a")?;
                let (indices, rank) = array_or_scalar(args, "indices")?;
                if !indices.is_integer() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: indices must be integers"
                    )));
                }
                scalar_or_array(array.dtype, rank)
            }
            LibraryFn::Roll => {
                let array = the_array("a")?;
                integer(args, "shift")?;
                array_of(array.dtype, array.ndim)
            }
            LibraryFn::NanToNum => {
                let (dtype, rank) = array_or_scalar(args, "x")?;
                for name in ["nan", "posinf", "neginf"] {
                    real_number(args, name)?;
                }
                scalar_or_array(dtype, rank)
            }
            LibraryFn::Extract => {
                args.array("condition")?;
                let array = args.array("arr")?;
                array_of(array.dtype, 1)
            }
            LibraryFn::Angle => {
                let (dtype, rank) = array_or_scalar(args, "z")?;
                boolean(args, "deg")?;
                scalar_or_array(float_dtype(dtype), rank)
            }
            LibraryFn::Iscomplex | LibraryFn::Isreal => {
                let (_, rank) = array_or_scalar(args, "x")?;
                scalar_or_array(ScalarType::Bool, rank)
            }
            LibraryFn::Bincount => {
                let array = the_array("x")?;
                if array.ndim != 1 || !(array.dtype.is_integer() || array.dtype == ScalarType::Bool) {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} takes a 1-d array of non-negative integers, not {array}"
                    )));
                }
                integer(args, "minlength")?;
                match args.get("weights").and_then(Ty::as_value) {
                    None => array_of(ScalarType::Int64, 1),
                    Some(Type::Array(weights)) if weights.ndim == 1 && !weights.dtype.is_complex() => {
                        array_of(ScalarType::Float64, 1)
                    }
                    Some(other) => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: weights must be a 1-d array of real numbers, not {other}"
                        )));
                    }
                }
            }
            LibraryFn::Indices => {
                let Some(dimensions) = args.get("dimensions") else {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'dimensions'"
                    )));
                };
                let is_tuple = matches!(dimensions.as_value(), Some(Type::Tuple(_)));
                let ndim = shape_ndim(dimensions).ok().filter(|_| is_tuple).ok_or_else(|| {
                    TemplateError::InvalidOperand(format!(
                        "{describe}: dimensions must be a tuple of integers"
                    ))
                })?;
                array_of(ScalarType::Int64, ndim + 1)
            }
            LibraryFn::Conj => {
                let array = the_array("a")?;
                array_of(array.dtype, array.ndim)
            }
            LibraryFn::Rot90 => {
                let array = the_array("m")?;
                integer(args, "k")?;
                if array.ndim < 2 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: Axes must be different."
                    )));
                }
                view(&array, array.ndim)
            }
            LibraryFn::Partition => {
                let array = the_array("a")?;
                integer(args, "kth")?;
                args.axis()?;
                if array.ndim == 0 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} of a 0-d array (axis -1 is out of bounds)"
                    )));
                }
                array_of(array.dtype, array.ndim)
            }
            LibraryFn::Bartlett | LibraryFn::Blackman | LibraryFn::Hamming | LibraryFn::Hanning => {
                integer(args, "M")?;
                if args.get("M").is_none() {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'M'"
                    )));
                }
                array_of(ScalarType::Float64, 1)
            }
            LibraryFn::Correlate | LibraryFn::Convolve => {
                let a = args.array("a")?;
                let v = args.array("v")?;
                if a.ndim != 1 || v.ndim != 1 {
                    return Err(TemplateError::InvalidOperand(format!("{describe} takes two 1-d arrays")));
                }
                if let Some(mode) = args.get("mode")
                    && mode.as_value() != Some(&Type::Str)
                {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: mode must be 'valid', 'same' or 'full', not {mode}"
                    )));
                }
                let dtype = a.dtype.promote(v.dtype);
                if dtype == ScalarType::Bool {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of boolean arrays is not supported yet"
                    )));
                }
                array_of(dtype, 1)
            }
            LibraryFn::Cov => {
                let m = args.array("m")?;
                let y = match args.get("y") {
                    Some(_) => Some(args.array("y")?),
                    None => None,
                };
                for array in std::iter::once(&m).chain(y.as_ref()) {
                    if !(1..=2).contains(&array.ndim) {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: m and y must be 1-d or 2-d"
                        )));
                    }
                    if array.dtype.is_complex() {
                        return Err(TemplateError::Unsupported(format!(
                            "{describe} of complex arrays is not supported yet"
                        )));
                    }
                }
                boolean(args, "rowvar")?;
                boolean(args, "bias")?;
                integer(args, "ddof")?;
                let ndim = if m.ndim == 1 && y.is_none() { 0 } else { 2 };
                array_of(ScalarType::Float64, ndim)
            }
            LibraryFn::Histogram => {
                let array = the_array("a")?;
                if array.dtype.is_complex() {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of complex arrays is not supported yet"
                    )));
                }
                let edges = match args.get("bins").and_then(Ty::as_value) {
                    None => float_dtype(array.dtype),
                    Some(Type::Scalar(scalar)) if scalar.is_integer() => float_dtype(array.dtype),
                    Some(Type::Array(bins)) if bins.ndim == 1 && !bins.dtype.is_complex() => bins.dtype,
                    Some(other) => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: bins must be an integer or a 1-d array, not {other}"
                        )));
                    }
                };
                match args.get("range").and_then(Ty::as_value) {
                    None => {}
                    Some(Type::Tuple(items))
                        if items.len() == 2
                            && items.iter().all(|item| item.as_scalar().is_some_and(|s| !s.is_complex())) => {
                    }
                    Some(other) => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: range must be a tuple of two numbers, not {other}"
                        )));
                    }
                }
                Type::Tuple(vec![array_of(ScalarType::Int64, 1), array_of(edges, 1)])
            }
            LibraryFn::Unique => {
                let array = the_array("ar")?;
                array_of(array.dtype, 1)
            }
            LibraryFn::Intersect1d | LibraryFn::Union1d | LibraryFn::Setxor1d => {
                let a = args.array("ar1")?;
                let b = args.array("ar2")?;
                array_of(a.dtype.promote(b.dtype), 1)
            }
            LibraryFn::I0 => {
                let (dtype, rank) = array_or_scalar(args, "x")?;
                if dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: i0 not supported for complex values"
                    )));
                }
                // NumPy returns a 0-d array for a number.
                array_of(float_dtype(dtype), rank.unwrap_or(0))
            }
            LibraryFn::Kaiser => {
                integer(args, "M")?;
                real_number(args, "beta")?;
                if args.get("beta").is_none() {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'beta'"
                    )));
                }
                array_of(ScalarType::Float64, 1)
            }
            LibraryFn::Interp => {
                let (x, rank) = array_or_scalar(args, "x")?;
                let xp = args.array("xp")?;
                let fp = args.array("fp")?;
                if xp.ndim != 1 || fp.ndim != 1 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: xp and fp must be 1-d arrays"
                    )));
                }
                if x.is_complex() || xp.dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!("{describe}: x and xp must be real")));
                }
                let dtype = if fp.dtype.is_complex() { ScalarType::Complex128 } else { ScalarType::Float64 };
                for name in ["left", "right"] {
                    if let Some(bound) = args.get(name)
                        && bound.as_scalar().is_none()
                    {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: {name} must be a number"
                        )));
                    }
                }
                scalar_or_array(dtype, rank)
            }
            LibraryFn::Isclose | LibraryFn::Allclose => {
                let (a, a_rank) = array_or_scalar(args, "a")?;
                let (b, b_rank) = array_or_scalar(args, "b")?;
                real_number(args, "rtol")?;
                real_number(args, "atol")?;
                boolean(args, "equal_nan")?;
                if a.is_complex() || b.is_complex() {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of complex numbers is not supported yet"
                    )));
                }
                let rank = match (a_rank, b_rank) {
                    (None, None) => None,
                    (a, b) => Some(a.unwrap_or(0).max(b.unwrap_or(0))),
                };
                if function == LibraryFn::Allclose {
                    Type::Scalar(ScalarType::Bool)
                } else {
                    scalar_or_array(ScalarType::Bool, rank)
                }
            }
            LibraryFn::ArrayEqual => {
                array_or_scalar(args, "a1")?;
                array_or_scalar(args, "a2")?;
                boolean(args, "equal_nan")?;
                Type::Scalar(ScalarType::Bool)
            }
            LibraryFn::ExpandDims => {
                let array = the_array("a")?;
                if args.get("axis").is_none() {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'axis'"
                    )));
                }
                args.axis()?;
                view(&array, array.ndim + 1)
            }
            LibraryFn::Ravel => {
                let array = the_array("a")?;
                Type::Array(ArrayType { ndim: 1, layout: Layout::C, ..array })
            }
            LibraryFn::Digitize => {
                let (x, rank) = array_or_scalar(args, "x")?;
                let bins = args.array("bins")?;
                boolean(args, "right")?;
                if bins.ndim != 1 || x.is_complex() || bins.dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: bins must be a 1-d array of real numbers"
                    )));
                }
                scalar_or_array(ScalarType::Int64, rank)
            }
            LibraryFn::Average => {
                let array = the_array("a")?;
                match args.get("weights").and_then(Ty::as_value) {
                    None => Type::Scalar(median_dtype(array.dtype)),
                    Some(Type::Array(weights)) => {
                        let mut dtype = array.dtype.promote(weights.dtype);
                        if !(array.dtype.is_float() || array.dtype.is_complex()) {
                            dtype = dtype.promote(ScalarType::Float64);
                        }
                        Type::Scalar(dtype)
                    }
                    Some(other) => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: weights must be an array, not {other}"
                        )));
                    }
                }
            }
            LibraryFn::Corrcoef => {
                let m = args.array("x")?;
                let y = match args.get("y") {
                    Some(_) => Some(args.array("y")?),
                    None => None,
                };
                for array in std::iter::once(&m).chain(y.as_ref()) {
                    if !(1..=2).contains(&array.ndim) || array.dtype.is_complex() {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: x and y must be 1-d or 2-d arrays of real numbers"
                        )));
                    }
                }
                boolean(args, "rowvar")?;
                if m.ndim == 1 && y.is_none() {
                    Type::Scalar(ScalarType::Float64)
                } else {
                    array_of(ScalarType::Float64, 2)
                }
            }
            LibraryFn::Sinc | LibraryFn::Isneginf | LibraryFn::Isposinf => {
                let (dtype, rank) = array_or_scalar(args, "x")?;
                if dtype.is_complex() {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of complex numbers is not supported yet"
                    )));
                }
                let out = if function == LibraryFn::Sinc { float_dtype(dtype) } else { ScalarType::Bool };
                scalar_or_array(out, rank)
            }
            LibraryFn::BroadcastTo => {
                let array = the_array("array")?;
                let Some(shape) = args.get("shape") else {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'shape'"
                    )));
                };
                let ndim = shape_ndim(shape)?;
                if ndim < array.ndim {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe}: input operand has more dimensions than allowed by the axis remapping"
                    )));
                }
                // FIXME: NumPy's broadcast views are read-only; here they keep the
                // input's flag (the IR has no conversion to a read-only array yet).
                Type::Array(ArrayType { ndim, layout: Layout::A, ..array })
            }
            LibraryFn::Ediff1d => {
                let array = the_array("ary")?;
                if array.dtype == ScalarType::Bool {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} of a boolean array (numpy boolean subtract is not supported)"
                    )));
                }
                array_of(array.dtype, 1)
            }
            LibraryFn::Isin => {
                let (element, rank) = array_or_scalar(args, "element")?;
                let (test, _) = array_or_scalar(args, "test_elements")?;
                boolean(args, "invert")?;
                if element.is_complex() || test.is_complex() {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of complex numbers is not supported yet"
                    )));
                }
                // NumPy returns a 0-d array for a number.
                array_of(ScalarType::Bool, rank.unwrap_or(0))
            }
            LibraryFn::Logspace => {
                real_number(args, "start")?;
                real_number(args, "stop")?;
                integer(args, "num")?;
                real_number(args, "base")?;
                array_of(ScalarType::Float64, 1)
            }
            LibraryFn::Delete => {
                let array = args.array("arr")?;
                match args.get("obj").and_then(Ty::as_value) {
                    Some(Type::Scalar(scalar)) if scalar.is_integer() => {}
                    Some(Type::Array(obj)) if obj.ndim == 1 && obj.dtype.is_integer() => {}
                    _ => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe}: obj must be an integer or a 1-d array of integers"
                        )));
                    }
                }
                array_of(array.dtype, 1)
            }
            LibraryFn::Cross => {
                let a = args.array("a")?;
                let b = args.array("b")?;
                if a.ndim != 1 || b.ndim != 1 {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of arrays that are not 1-d is not supported yet"
                    )));
                }
                let dtype = outer_dtype(a.dtype, b.dtype).ok_or_else(|| {
                    TemplateError::InvalidOperand(format!("{describe} of {} and {}", a.dtype, b.dtype))
                })?;
                if dtype == ScalarType::Bool {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} of boolean arrays (numpy boolean subtract is not supported)"
                    )));
                }
                array_of(dtype, 1)
            }
            LibraryFn::Resize => {
                let array = the_array("a")?;
                let Some(shape) = args.get("new_shape") else {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe} missing required argument 'new_shape'"
                    )));
                };
                array_of(array.dtype, shape_ndim(shape)?)
            }
            LibraryFn::AsarrayChkfinite => Type::Array(the_array("a")?),
            _ => return Err(TemplateError::Unsupported(String::new())),
        })
    })();
    match result {
        Err(TemplateError::Unsupported(message)) if message.is_empty() => None,
        other => Some(other),
    }
}
