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

/// One item of an array index, as its type decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexItem {
    /// An integer: selects one position and drops the axis.
    Int(ScalarType),
    /// A slice (`lo:hi`, `lo:hi:step`): keeps the axis.
    Slice { has_step: bool },
    /// `None` (`np.newaxis`): inserts an axis of extent 1.
    NewAxis,
    /// `...`: as many full slices as the other items leave axes.
    Ellipsis,
    /// An integer array (advanced indexing: positions along one axis).
    IntArray(ArrayType),
    /// A boolean array (a mask over as many axes as it has).
    BoolArray(ArrayType),
}

/// The items of an index of type `index`: an integer, a slice, `None`, `...`, or a tuple
/// of them.
pub fn index_items(index: &Ty) -> Result<Vec<IndexItem>, TemplateError> {
    fn one(ty: &Ty) -> Result<IndexItem, TemplateError> {
        match ty {
            Ty::Value(Type::Scalar(scalar)) if scalar.is_integer() => Ok(IndexItem::Int(*scalar)),
            Ty::Value(Type::Scalar(ScalarType::Bool)) => Err(TemplateError::Unsupported(
                "indexing an array with a boolean scalar is not supported".into(),
            )),
            Ty::Value(Type::NoneType) => Ok(IndexItem::NewAxis),
            Ty::Slice { has_step } => Ok(IndexItem::Slice { has_step: *has_step }),
            Ty::Ellipsis => Ok(IndexItem::Ellipsis),
            Ty::Value(Type::Array(array)) if array.dtype == ScalarType::Bool => {
                Ok(IndexItem::BoolArray(*array))
            }
            Ty::Value(Type::Array(array)) if array.dtype.is_integer() => Ok(IndexItem::IntArray(*array)),
            Ty::Value(Type::Array(array)) => Err(TemplateError::InvalidIndex(format!(
                "arrays used as indices must be of integer or boolean type, not {array}"
            ))),
            other => Err(TemplateError::InvalidIndex(format!(
                "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices, not {other}"
            ))),
        }
    }
    match index {
        Ty::Value(Type::Tuple(items)) => items.iter().map(|item| one(&Ty::Value(item.clone()))).collect(),
        Ty::IndexTuple(items) => items.iter().map(one).collect(),
        other => Ok(vec![one(other)?]),
    }
}

/// What indexing an array with basic items gives: the element (all integers, one per
/// axis) or a view.
pub fn basic_index_result(array: &ArrayType, items: &[IndexItem]) -> Result<Type, TemplateError> {
    let ndim = usize::from(array.ndim);
    let n_ellipsis = items.iter().filter(|item| **item == IndexItem::Ellipsis).count();
    if n_ellipsis > 1 {
        return Err(TemplateError::InvalidIndex("an index can only have a single ellipsis ('...')".into()));
    }
    let consumed =
        items.iter().filter(|item| matches!(item, IndexItem::Int(_) | IndexItem::Slice { .. })).count();
    if consumed > ndim {
        return Err(TemplateError::InvalidIndex(format!(
            "too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed"
        )));
    }
    let n_ints = items.iter().filter(|item| matches!(item, IndexItem::Int(_))).count();
    let n_new = items.iter().filter(|item| **item == IndexItem::NewAxis).count();
    if n_ints == ndim && n_ints == items.len() {
        return Ok(Type::Scalar(array.dtype));
    }
    let result_ndim = ndim - n_ints + n_new;
    let result_ndim = u8::try_from(result_ndim)
        .ok()
        .filter(|ndim| *ndim <= MAX_NDIM)
        .ok_or_else(|| TemplateError::InvalidIndex(format!("arrays have at most {MAX_NDIM} dimensions")))?;
    let layout = view_layout(array, items, consumed);
    Ok(Type::Array(ArrayType { ndim: result_ndim, layout, ..*array }))
}

/// Numba's layout of a view: C (F) arrays stay C (F) when integers select along the outer
/// (inner) axes and at most the innermost (outermost) selected axis is a slice without a
/// step; everything else is `A`.
fn view_layout(array: &ArrayType, items: &[IndexItem], consumed: usize) -> Layout {
    let keeps = |item: &IndexItem, innermost: bool| match item {
        IndexItem::Int(_) | IndexItem::Ellipsis => true,
        IndexItem::Slice { has_step } => innermost && !has_step,
        IndexItem::NewAxis | IndexItem::IntArray(_) | IndexItem::BoolArray(_) => false,
    };
    let contiguous = |ordered: &[&IndexItem]| match ordered.split_last() {
        None => true,
        Some((last, rest)) => rest.iter().all(|item| keeps(item, false)) && keeps(last, true),
    };
    let position = items.iter().position(|item| *item == IndexItem::Ellipsis);
    let (mut left, mut right): (Vec<&IndexItem>, Vec<&IndexItem>) = match position {
        Some(at) => (items[..at].iter().collect(), items[at + 1..].iter().collect()),
        None => (items.iter().collect(), Vec::new()),
    };
    let full = consumed == usize::from(array.ndim);
    match array.layout {
        Layout::C => {
            if full {
                left.append(&mut right);
            }
            if !right.is_empty() || !contiguous(&left) { Layout::A } else { Layout::C }
        }
        Layout::F => {
            if full {
                left.append(&mut right);
                right = left;
                left = Vec::new();
            }
            right.reverse();
            if !left.is_empty() || !contiguous(&right) { Layout::A } else { Layout::F }
        }
        Layout::A => Layout::A,
    }
}

/// The type of `array[index]`.
pub fn getitem(array: &ArrayType, index: &Ty) -> Result<Type, TemplateError> {
    let items = index_items(index)?;
    if items.iter().any(|item| matches!(item, IndexItem::IntArray(_) | IndexItem::BoolArray(_))) {
        return advanced_index_result(array, &items).map(|plan| plan.result);
    }
    basic_index_result(array, &items)
}

/// How advanced indexing (integer arrays or a boolean mask) lays out its result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdvancedPlan {
    /// The result: a new C-contiguous array.
    pub result: Type,
    /// The rank of the broadcast index arrays (of the mask's selection: 1).
    pub advanced_ndim: u8,
    /// Where the advanced axes go among the result's axes.
    pub insert_at: u8,
}

/// The type of advanced indexing: integer arrays (broadcast together) with integers and
/// slices, or one boolean mask first followed by slices. The advanced axes replace the
/// indexed ones where the advanced items are adjacent, else they come first (NumPy).
pub fn advanced_index_result(array: &ArrayType, items: &[IndexItem]) -> Result<AdvancedPlan, TemplateError> {
    let ndim = usize::from(array.ndim);
    let unsupported = |what: &str| Err(TemplateError::Unsupported(format!("{what} is not supported yet")));
    if items.iter().any(|item| matches!(item, IndexItem::Ellipsis | IndexItem::NewAxis)) {
        return unsupported("advanced indexing combined with `...` or `None`");
    }
    let masks: Vec<&ArrayType> = items
        .iter()
        .filter_map(|item| match item {
            IndexItem::BoolArray(mask) => Some(mask),
            _ => None,
        })
        .collect();
    if let Some(mask) = masks.first() {
        if masks.len() > 1 || items.iter().any(|item| matches!(item, IndexItem::IntArray(_))) {
            return unsupported("indexing with several boolean masks or with masks and integer arrays");
        }
        if !matches!(items.first(), Some(IndexItem::BoolArray(_)))
            || items[1..].iter().any(|item| !matches!(item, IndexItem::Slice { .. }))
        {
            return unsupported("a boolean mask that is not the first index or is followed by integers");
        }
        let consumed = usize::from(mask.ndim) + items.len() - 1;
        if consumed > ndim {
            return Err(TemplateError::InvalidIndex(format!(
                "too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed"
            )));
        }
        let result_ndim = 1 + ndim - usize::from(mask.ndim);
        return Ok(AdvancedPlan {
            result: Type::Array(ArrayType::new(array.dtype, result_ndim as u8, Layout::C)),
            advanced_ndim: 1,
            insert_at: 0,
        });
    }
    let consumed = items.len();
    if consumed > ndim {
        return Err(TemplateError::InvalidIndex(format!(
            "too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed"
        )));
    }
    let advanced_ndim = items
        .iter()
        .filter_map(|item| match item {
            IndexItem::IntArray(index) => Some(index.ndim),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    // Integers count as advanced indices here (they broadcast with the arrays).
    let advanced: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item, IndexItem::IntArray(_) | IndexItem::Int(_)))
        .map(|(position, _)| position)
        .collect();
    let adjacent = advanced.windows(2).all(|pair| pair[1] == pair[0] + 1);
    let slices_before =
        items[..advanced[0]].iter().filter(|item| matches!(item, IndexItem::Slice { .. })).count();
    let insert_at = if adjacent { slices_before } else { 0 };
    let kept =
        items.iter().filter(|item| matches!(item, IndexItem::Slice { .. })).count() + (ndim - consumed);
    let result_ndim = kept + usize::from(advanced_ndim);
    let result_ndim = u8::try_from(result_ndim)
        .ok()
        .filter(|ndim| *ndim <= MAX_NDIM)
        .ok_or_else(|| TemplateError::InvalidIndex(format!("arrays have at most {MAX_NDIM} dimensions")))?;
    Ok(AdvancedPlan {
        result: Type::Array(ArrayType::new(array.dtype, result_ndim, Layout::C)),
        advanced_ndim,
        insert_at: insert_at as u8,
    })
}

/// Checks `array[index] = value`: a writable array, and a value that converts to the
/// dtype (a number, or an array that broadcasts to the selection).
pub fn setitem(array: &ArrayType, index: &Ty, value: &Type) -> Result<(), TemplateError> {
    let target = getitem(array, index)?;
    if array.readonly {
        return Err(TemplateError::ReadonlyArray(format!("cannot assign to an item of {array}")));
    }
    let (dtype, value_ndim) = match value {
        Type::Scalar(scalar) => (*scalar, 0),
        Type::Array(value) => (value.dtype, value.ndim),
        _ => {
            return Err(TemplateError::InvalidOperand(format!(
                "cannot store a value of type {value} in an array of {}",
                array.dtype
            )));
        }
    };
    if dtype.is_complex() && !array.dtype.is_complex() {
        return Err(TemplateError::InvalidOperand(format!(
            "cannot store a value of type {value} in an array of {}",
            array.dtype
        )));
    }
    let target_ndim = target.as_array().map_or(0, |target| target.ndim);
    if value_ndim > target_ndim {
        return Err(TemplateError::InvalidOperand(format!(
            "cannot assign a {value_ndim}-d array to a {target_ndim}-d selection of an array"
        )));
    }
    Ok(())
}

/// Types `a.flat[index]`: an integer position in C order gives an element (Numba and
/// numjit support no other index).
pub fn flat_getitem(array: &ArrayType, index: &Ty) -> Result<Type, TemplateError> {
    match index.as_value() {
        Some(Type::Scalar(scalar)) if scalar.is_integer() || *scalar == ScalarType::Bool => {
            Ok(Type::Scalar(array.dtype))
        }
        _ => Err(TemplateError::Unsupported(format!("indexing array.flat with {index}; use an integer"))),
    }
}

/// Checks `a.flat[index] = value`: an integer position of a writable array and a number
/// that converts to the dtype.
pub fn flat_setitem(array: &ArrayType, index: &Ty, value: &Type) -> Result<(), TemplateError> {
    flat_getitem(array, index)?;
    if array.readonly {
        return Err(TemplateError::ReadonlyArray(format!("cannot assign to an item of {array}")));
    }
    match value {
        Type::Scalar(scalar) if !scalar.is_complex() || array.dtype.is_complex() => Ok(()),
        _ => Err(TemplateError::InvalidOperand(format!(
            "cannot store a value of type {value} in an array of {}",
            array.dtype
        ))),
    }
}

/// The flags `a.flags.NAME` reads, with their position in the tuple `a.flags` is typed as
/// (NumPy's flags object has no counterpart among numjit's types).
pub const FLAG_NAMES: [(&str, u32); 5] =
    [("c_contiguous", 0), ("contiguous", 0), ("f_contiguous", 1), ("writeable", 2), ("aligned", 3)];

/// The type of the array attribute `name`, if it has one.
pub fn attribute(array: &ArrayType, name: &str) -> Option<Type> {
    let per_axis = Type::Tuple(vec![Type::INT64; usize::from(array.ndim)]);
    match name {
        "flags" => Some(Type::Tuple(vec![Type::BOOL; 4])),
        "flat" => Some(Type::Flat(*array)),
        "shape" | "strides" => Some(per_axis),
        "ndim" | "size" | "itemsize" | "nbytes" => Some(Type::INT64),
        "T" => Some(Type::Array(transposed(array))),
        // The float parts of complex elements are strided views (Numba: layout A).
        "real" | "imag" if array.dtype.is_complex() => {
            Some(Type::Array(ArrayType { dtype: array.dtype.real_part(), layout: Layout::A, ..*array }))
        }
        "real" => Some(Type::Array(*array)),
        // A new array of zeros (readonly in NumPy, writable in Numba).
        "imag" => Some(Type::Array(ArrayType::new(array.dtype, array.ndim, Layout::C))),
        _ => None,
    }
}

/// A NumPy function or array method over whole arrays (not a ufunc or a creation
/// function from a shape).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArrayFunc {
    /// A reduction to one value (`np.sum(a)`, `a.max()`).
    Reduce(Reduction),
    /// `np.copy(a)`, `a.copy()`: a C-contiguous copy.
    Copy,
    /// `np.empty_like`, `np.zeros_like`, `np.ones_like`, `np.full_like`.
    Like(NumpyFn),
    /// `np.arange(start, stop, step, dtype=)`.
    Arange,
    /// `np.linspace(start, stop, num=50)`.
    Linspace,
    /// `np.array(data, dtype=)`: an array from nested tuples (list displays are read as
    /// tuples), a scalar (0-d) or an array (copied).
    Array,
    /// `np.asarray(data, dtype=)`: like `np.array`, but an array of the dtype is returned
    /// as it is.
    Asarray,
    /// `np.ascontiguousarray(a)`: `a`, or a C-contiguous copy.
    Ascontiguousarray,
    /// `np.eye(N, M=None, k=0, dtype=float)`.
    Eye,
    /// `np.identity(n, dtype=float)`.
    Identity,
    /// `np.dot(a, b)` (also `a @ b` and `a.dot(b)`): matrix products of 1-d and 2-d arrays.
    Dot,
    /// `np.nonzero(a)`, `a.nonzero()`: a tuple of int64 index arrays, one per axis.
    Nonzero,
    /// `np.transpose(a, axes=None)`: a view with the axes reversed or permuted.
    Transpose,
    /// `np.concatenate`, `np.stack`, `np.hstack`, `np.vstack` of a tuple of arrays.
    Join(JoinKind),
    /// A library function (`np.where`, `np.cumsum`, ...; see [`super::library`]).
    Library(super::library::LibraryFn),
}

/// The type of `np.nonzero(a)`: one int64 array per axis (a 0-d array counts as 1-d).
pub fn nonzero_type(array: &ArrayType) -> Type {
    let index = Type::Array(ArrayType::new(ScalarType::Int64, 1, Layout::C));
    Type::Tuple(vec![index; usize::from(array.ndim.max(1))])
}

/// The typing of a matrix product (`a @ b`, `np.dot`) of 1-d and 2-d arrays: the promoted
/// dtype; a scalar for two vectors, else an array of the remaining axes.
pub fn matmul(a: &Ty, b: &Ty, what: &str) -> Result<Resolved, TemplateError> {
    let (Some(Type::Array(a)), Some(Type::Array(b))) = (a.as_value(), b.as_value()) else {
        return Err(TemplateError::Unsupported(format!("{what} of {a} and {b} (only arrays are supported)")));
    };
    if !(1..=2).contains(&a.ndim) || !(1..=2).contains(&b.ndim) {
        return Err(TemplateError::Unsupported(format!(
            "{what} of a {}-d and a {}-d array (1-d and 2-d arrays are supported)",
            a.ndim, b.ndim
        )));
    }
    let dtype = a.dtype.promote(b.dtype);
    let ndim = a.ndim + b.ndim - 2;
    let ty =
        if ndim == 0 { Type::Scalar(dtype) } else { Type::Array(ArrayType::new(dtype, ndim, Layout::C)) };
    Ok(Resolved::returning(&[], ty))
}

/// How [`ArrayFunc::Join`] joins its arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JoinKind {
    /// Along an existing axis (`axis=0`).
    Concatenate,
    /// Along a new axis (`axis=0`).
    Stack,
    /// `hstack`: along axis 1, or axis 0 for 1-d arrays.
    Hstack,
    /// `vstack`: along axis 0, 1-d arrays as rows.
    Vstack,
}

/// The typing of a join: the result and, for each input, its rank.
pub fn join(kind: JoinKind, arrays: &Ty, axis: Option<&Ty>) -> Result<Resolved, TemplateError> {
    let name = match kind {
        JoinKind::Concatenate => "concatenate",
        JoinKind::Stack => "stack",
        JoinKind::Hstack => "hstack",
        JoinKind::Vstack => "vstack",
    };
    let Some(Type::Tuple(items)) = arrays.as_value() else {
        return Err(TemplateError::InvalidOperand(format!(
            "numpy.{name}() takes a tuple of arrays, not {arrays}"
        )));
    };
    let mut dtype: Option<ScalarType> = None;
    let mut ndim = None;
    for item in items {
        let Type::Array(array) = item else {
            return Err(TemplateError::InvalidOperand(format!(
                "numpy.{name}() takes a tuple of arrays, not one holding {item}"
            )));
        };
        dtype = Some(dtype.map_or(array.dtype, |dtype| dtype.promote(array.dtype)));
        match ndim {
            None => ndim = Some(array.ndim),
            Some(ndim) if ndim != array.ndim => {
                return Err(TemplateError::TypeMismatch(format!(
                    "numpy.{name}(): all the input arrays must have the same number of dimensions, but they have {ndim} and {}",
                    array.ndim
                )));
            }
            Some(_) => {}
        }
    }
    let (Some(dtype), Some(ndim)) = (dtype, ndim) else {
        return Err(TemplateError::InvalidOperand(format!("numpy.{name}() needs at least one array")));
    };
    if let Some(axis) = axis
        && !axis.as_scalar().is_some_and(ScalarType::is_integer)
    {
        return Err(TemplateError::InvalidOperand(format!("axis must be an integer, not {axis}")));
    }
    if ndim == 0 && kind == JoinKind::Concatenate {
        return Err(TemplateError::InvalidOperand("zero-dimensional arrays cannot be concatenated".into()));
    }
    let result_ndim = match kind {
        JoinKind::Concatenate | JoinKind::Hstack => ndim.max(1),
        JoinKind::Stack => ndim + 1,
        JoinKind::Vstack => ndim.max(2),
    };
    Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, result_ndim, Layout::C))))
}

/// A reduction of all elements to one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reduction {
    Sum,
    Prod,
    Min,
    Max,
    Mean,
    Var,
    Std,
    Argmin,
    Argmax,
    All,
    Any,
}

impl Reduction {
    /// Every reduction with its method name.
    pub const ALL: [(Reduction, &'static str); 11] = [
        (Reduction::Sum, "sum"),
        (Reduction::Prod, "prod"),
        (Reduction::Min, "min"),
        (Reduction::Max, "max"),
        (Reduction::Mean, "mean"),
        (Reduction::Var, "var"),
        (Reduction::Std, "std"),
        (Reduction::Argmin, "argmin"),
        (Reduction::Argmax, "argmax"),
        (Reduction::All, "all"),
        (Reduction::Any, "any"),
    ];

    /// The name (of the method and of the `numpy` function).
    pub fn name(self) -> &'static str {
        Reduction::ALL.iter().find(|(reduction, _)| *reduction == self).map_or("sum", |(_, name)| name)
    }

    /// The reduction an array method names.
    pub fn from_method(name: &str) -> Option<Reduction> {
        Reduction::ALL.iter().find(|(_, method)| *method == name).map(|(reduction, _)| *reduction)
    }

    /// NumPy's result dtype for an array of `dtype` (sums widen small integers to the
    /// platform integer, means and variances of integers are float64).
    pub fn result_dtype(self, dtype: ScalarType) -> ScalarType {
        match self {
            Reduction::Sum | Reduction::Prod => {
                if dtype == ScalarType::Bool || dtype.is_signed_integer() {
                    ScalarType::Int64
                } else if dtype.is_unsigned_integer() {
                    ScalarType::UInt64
                } else {
                    dtype
                }
            }
            Reduction::Min | Reduction::Max => dtype,
            Reduction::Mean => {
                if dtype.is_float() || dtype.is_complex() {
                    dtype
                } else {
                    ScalarType::Float64
                }
            }
            Reduction::Var | Reduction::Std => {
                if dtype.is_float() || dtype.is_complex() {
                    dtype.real_part()
                } else {
                    ScalarType::Float64
                }
            }
            Reduction::Argmin | Reduction::Argmax => ScalarType::Int64,
            Reduction::All | Reduction::Any => ScalarType::Bool,
        }
    }
}

impl ArrayFunc {
    /// The function `np.NAME`, if it is one of these.
    pub fn from_name(name: &str) -> Option<ArrayFunc> {
        Some(match name {
            "amin" => ArrayFunc::Reduce(Reduction::Min),
            "amax" => ArrayFunc::Reduce(Reduction::Max),
            "copy" => ArrayFunc::Copy,
            "empty_like" => ArrayFunc::Like(NumpyFn::Empty),
            "zeros_like" => ArrayFunc::Like(NumpyFn::Zeros),
            "ones_like" => ArrayFunc::Like(NumpyFn::Ones),
            "full_like" => ArrayFunc::Like(NumpyFn::Full),
            "arange" => ArrayFunc::Arange,
            "linspace" => ArrayFunc::Linspace,
            "array" => ArrayFunc::Array,
            "asarray" => ArrayFunc::Asarray,
            "ascontiguousarray" => ArrayFunc::Ascontiguousarray,
            "eye" => ArrayFunc::Eye,
            "identity" => ArrayFunc::Identity,
            "dot" => ArrayFunc::Dot,
            "nonzero" => ArrayFunc::Nonzero,
            "transpose" => ArrayFunc::Transpose,
            "concatenate" => ArrayFunc::Join(JoinKind::Concatenate),
            "stack" => ArrayFunc::Join(JoinKind::Stack),
            "hstack" => ArrayFunc::Join(JoinKind::Hstack),
            "vstack" => ArrayFunc::Join(JoinKind::Vstack),
            other => match Reduction::from_method(other) {
                Some(reduction) => ArrayFunc::Reduce(reduction),
                None => ArrayFunc::Library(super::library::LibraryFn::from_name(other)?),
            },
        })
    }

    /// The name in the `numpy` module.
    pub fn name(self) -> &'static str {
        match self {
            ArrayFunc::Reduce(reduction) => reduction.name(),
            ArrayFunc::Copy => "copy",
            ArrayFunc::Like(NumpyFn::Empty) => "empty_like",
            ArrayFunc::Like(NumpyFn::Zeros) => "zeros_like",
            ArrayFunc::Like(NumpyFn::Ones) => "ones_like",
            ArrayFunc::Like(NumpyFn::Full) => "full_like",
            ArrayFunc::Arange => "arange",
            ArrayFunc::Linspace => "linspace",
            ArrayFunc::Array => "array",
            ArrayFunc::Asarray => "asarray",
            ArrayFunc::Ascontiguousarray => "ascontiguousarray",
            ArrayFunc::Eye => "eye",
            ArrayFunc::Identity => "identity",
            ArrayFunc::Dot => "dot",
            ArrayFunc::Nonzero => "nonzero",
            ArrayFunc::Transpose => "transpose",
            ArrayFunc::Join(JoinKind::Concatenate) => "concatenate",
            ArrayFunc::Join(JoinKind::Stack) => "stack",
            ArrayFunc::Join(JoinKind::Hstack) => "hstack",
            ArrayFunc::Join(JoinKind::Vstack) => "vstack",
            ArrayFunc::Library(function) => function.name(),
        }
    }
}

/// Types `np.FUNC(args, keywords...)` (`keywords` names the trailing arguments).
pub fn array_func(function: ArrayFunc, args: &[Ty], keywords: &[&str]) -> Result<Resolved, TemplateError> {
    let describe = format!("numpy.{}()", function.name());
    let n_positional = args.len() - keywords.len();
    let positional = &args[..n_positional];
    let keyword =
        |name: &str| keywords.iter().position(|keyword| *keyword == name).map(|at| &args[n_positional + at]);
    let allowed: &[&str] = match function {
        ArrayFunc::Like(_) | ArrayFunc::Arange => &["dtype"],
        ArrayFunc::Linspace => &["num"],
        ArrayFunc::Reduce(_) => &["axis"],
        ArrayFunc::Array | ArrayFunc::Asarray | ArrayFunc::Identity => &["dtype"],
        ArrayFunc::Eye => &["M", "k", "dtype"],
        ArrayFunc::Join(JoinKind::Concatenate | JoinKind::Stack) => &["axis"],
        ArrayFunc::Join(_) | ArrayFunc::Dot | ArrayFunc::Nonzero => &[],
        ArrayFunc::Transpose => &["axes"],
        ArrayFunc::Copy | ArrayFunc::Ascontiguousarray | ArrayFunc::Library(_) => &[],
    };
    if let Some(unknown) = keywords.iter().find(|keyword| !allowed.contains(keyword))
        && !matches!(function, ArrayFunc::Library(_))
    {
        return Err(TemplateError::WrongArguments(format!(
            "{describe} got an unexpected keyword argument '{unknown}'"
        )));
    }
    let array_arg = |ty: Option<&Ty>| match ty.and_then(Ty::as_value) {
        Some(Type::Array(array)) => Ok(*array),
        Some(other) => Err(TemplateError::InvalidOperand(format!("{describe} takes an array, not {other}"))),
        None => Err(TemplateError::WrongArguments(format!("{describe} takes an array argument"))),
    };
    let requested_dtype = |keyword: Option<&Ty>| -> Result<Option<ScalarType>, TemplateError> {
        match keyword {
            None | Some(Ty::Value(Type::NoneType)) => Ok(None),
            Some(dtype) => dtype_of(dtype).map(Some).ok_or_else(|| {
                TemplateError::Unsupported(format!("{describe} with dtype={dtype}; pass a NumPy scalar type"))
            }),
        }
    };
    match function {
        ArrayFunc::Library(function) => super::library::call(function, args, keywords),
        ArrayFunc::Transpose => {
            let array = array_arg(positional.first())?;
            match &args[1..] {
                [] => transpose_method(&array, &[], &[]),
                [axes] => transpose_method(&array, std::slice::from_ref(axes), &[]),
                _ => Err(TemplateError::WrongArguments(format!("{describe} takes an array and the axes"))),
            }
        }
        ArrayFunc::Nonzero => {
            let array = array_arg(positional.first())?;
            if positional.len() != 1 {
                return Err(TemplateError::WrongArguments(format!("{describe} takes one array")));
            }
            Ok(Resolved::returning(&[], nonzero_type(&array)))
        }
        ArrayFunc::Dot => match positional {
            [a, b] => matmul(a, b, "numpy.dot()"),
            [a, b, out] => super::library::dot_out(matmul(a, b, "numpy.dot()")?, out),
            _ => Err(TemplateError::WrongArguments(format!("{describe} takes two arrays"))),
        },
        ArrayFunc::Join(kind) => {
            let (data, axis) = match positional {
                [data] => (data, keyword("axis")),
                [data, axis] if keywords.is_empty() => (data, Some(axis)),
                _ => {
                    return Err(TemplateError::WrongArguments(format!("{describe} takes a tuple of arrays")));
                }
            };
            join(kind, data, axis)
        }
        ArrayFunc::Array | ArrayFunc::Asarray => {
            let [data] = positional else {
                return Err(TemplateError::WrongArguments(format!(
                    "{describe} takes one positional argument"
                )));
            };
            let dtype = requested_dtype(keyword("dtype"))?;
            let data = data.as_value().ok_or_else(|| {
                TemplateError::InvalidOperand(format!(
                    "{describe} takes numbers, tuples or arrays, not {data}"
                ))
            })?;
            if let (ArrayFunc::Asarray, Type::Array(array)) = (function, data)
                && dtype.is_none_or(|dtype| dtype == array.dtype)
            {
                // The array itself, as NumPy returns it.
                return Ok(Resolved::returning(&[], Type::Array(*array)));
            }
            let (inferred, ndim) = match data {
                Type::Array(array) => (array.dtype, array.ndim),
                other => nested_shape(other).ok_or_else(|| {
                    TemplateError::InvalidOperand(format!(
                        "{describe}: the data must be numbers, or (nested) sequences of numbers of one length per level, not {other}"
                    ))
                })?,
            };
            let dtype = dtype.unwrap_or(inferred);
            if inferred.is_complex() && !dtype.is_complex() {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe} cannot store {inferred} as {dtype}"
                )));
            }
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, ndim, Layout::C))))
        }
        ArrayFunc::Ascontiguousarray => {
            let array = array_arg(positional.first())?;
            if positional.len() != 1 {
                return Err(TemplateError::WrongArguments(format!("{describe} takes one array")));
            }
            Ok(Resolved::returning(&[], Type::Array(ArrayType { layout: Layout::C, ..array })))
        }
        ArrayFunc::Eye | ArrayFunc::Identity => {
            let most = if function == ArrayFunc::Eye { 3 } else { 1 };
            if positional.is_empty() || positional.len() > most {
                return Err(TemplateError::WrongArguments(format!("{describe} takes a size")));
            }
            let integers: Vec<&Ty> = positional.iter().chain(keyword("M")).chain(keyword("k")).collect();
            if let Some(bad) = integers.iter().find(|ty| {
                !ty.as_scalar().is_some_and(ScalarType::is_integer)
                    && !matches!(ty, Ty::Value(Type::NoneType))
            }) {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe} takes integer sizes, not {bad}"
                )));
            }
            let dtype = requested_dtype(keyword("dtype"))?.unwrap_or(ScalarType::Float64);
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, 2, Layout::C))))
        }
        ArrayFunc::Reduce(reduction) => {
            if positional.len() != 1 {
                return Err(TemplateError::WrongArguments(format!("{describe} takes 1 positional argument")));
            }
            let array = array_arg(positional.first())?;
            reduce(reduction, &array, keyword("axis"))
        }
        ArrayFunc::Copy => {
            if positional.len() != 1 {
                return Err(TemplateError::WrongArguments(format!("{describe} takes 1 argument")));
            }
            let array = array_arg(positional.first())?;
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(array.dtype, array.ndim, Layout::C))))
        }
        ArrayFunc::Like(kind) => {
            let wanted = if kind == NumpyFn::Full { 2 } else { 1 };
            if positional.len() != wanted {
                return Err(TemplateError::WrongArguments(format!(
                    "{describe} takes {wanted} positional argument{}",
                    if wanted == 1 { "" } else { "s" }
                )));
            }
            let array = array_arg(positional.first())?;
            let dtype = match keyword("dtype") {
                Some(Ty::Value(Type::NoneType)) | None => array.dtype,
                Some(dtype) => dtype_of(dtype).ok_or_else(|| {
                    TemplateError::Unsupported(format!(
                        "{describe} with dtype={dtype}; pass a NumPy scalar type"
                    ))
                })?,
            };
            if kind == NumpyFn::Full {
                let fill = positional[1].as_scalar().ok_or_else(|| {
                    TemplateError::InvalidOperand(format!(
                        "{describe} fills with a number, not {}",
                        positional[1]
                    ))
                })?;
                if fill.is_complex() && !dtype.is_complex() {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} cannot fill an array of {dtype} with {fill}"
                    )));
                }
            }
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, array.ndim, Layout::C))))
        }
        ArrayFunc::Arange => {
            if positional.is_empty() || positional.len() > 3 {
                return Err(TemplateError::WrongArguments(format!(
                    "{describe} takes 1 to 3 positional arguments"
                )));
            }
            let mut dtype = ScalarType::Int64;
            for arg in positional {
                match arg.as_scalar() {
                    Some(scalar) if scalar.is_complex() => dtype = ScalarType::Complex128,
                    Some(scalar) if scalar.is_float() && !dtype.is_complex() => dtype = ScalarType::Float64,
                    Some(_) => {}
                    None => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe} takes numbers, not {arg}"
                        )));
                    }
                }
            }
            if let Some(requested) = keyword("dtype")
                && !matches!(requested, Ty::Value(Type::NoneType))
            {
                dtype = dtype_of(requested).ok_or_else(|| {
                    TemplateError::Unsupported(format!("{describe} with dtype={requested}"))
                })?;
            }
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, 1, Layout::C))))
        }
        ArrayFunc::Linspace => {
            let count = positional.len() + usize::from(keyword("num").is_some());
            if !(2..=3).contains(&count) {
                return Err(TemplateError::WrongArguments(format!("{describe} takes start, stop and num")));
            }
            let mut dtype = ScalarType::Float64;
            for (at, arg) in positional.iter().enumerate() {
                match arg.as_scalar() {
                    Some(scalar) if at < 2 && scalar.is_complex() => dtype = ScalarType::Complex128,
                    Some(scalar) if at < 2 || scalar.is_integer() => {}
                    _ => {
                        return Err(TemplateError::InvalidOperand(format!(
                            "{describe} takes numbers, not {arg}"
                        )));
                    }
                }
            }
            if let Some(num) = keyword("num")
                && !num.as_scalar().is_some_and(ScalarType::is_integer)
            {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe}: num must be an integer, not {num}"
                )));
            }
            Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, 1, Layout::C))))
        }
    }
}

/// The dtype and rank of `np.array(data)` for scalar or (nested) tuple data: NumPy's
/// promotion of the leaves and one axis per level; `None` when the levels are ragged or a
/// leaf is not a number.
pub fn nested_shape(data: &Type) -> Option<(ScalarType, u8)> {
    match data {
        Type::Scalar(scalar) => Some((*scalar, 0)),
        Type::Tuple(items) => {
            let mut shapes = items.iter().map(nested_shape);
            let Some(first) = shapes.next() else { return Some((ScalarType::Float64, 1)) };
            let (mut dtype, ndim) = first?;
            for shape in shapes {
                let (item_dtype, item_ndim) = shape?;
                if item_ndim != ndim {
                    return None;
                }
                dtype = dtype.promote(item_dtype);
            }
            (ndim < MAX_NDIM).then_some((dtype, ndim + 1))
        }
        _ => None,
    }
}

/// Types a reduction of `array` (`axis` when given).
pub fn reduce(reduction: Reduction, array: &ArrayType, axis: Option<&Ty>) -> Result<Resolved, TemplateError> {
    let dtype = reduction.result_dtype(array.dtype);
    if array.dtype.is_complex() && matches!(reduction, Reduction::Argmin | Reduction::Argmax) {
        return Err(TemplateError::Unsupported(format!("{}() of complex arrays", reduction.name())));
    }
    match axis {
        None | Some(Ty::Value(Type::NoneType)) => Ok(Resolved::returning(&[], Type::Scalar(dtype))),
        Some(Ty::Value(Type::Scalar(scalar))) if scalar.is_integer() => {
            if array.ndim == 0 {
                return Err(TemplateError::InvalidOperand(format!(
                    "{}(axis=...) of a 0-d array",
                    reduction.name()
                )));
            }
            let ndim = array.ndim - 1;
            let ty = if ndim == 0 {
                Type::Scalar(dtype)
            } else {
                Type::Array(ArrayType::new(dtype, ndim, Layout::C))
            };
            Ok(Resolved::returning(&[], ty))
        }
        Some(other) => {
            Err(TemplateError::InvalidOperand(format!("axis must be an integer or None, not {other}")))
        }
    }
}

/// Types the array method `name` (`a.sum()`, `a.copy()`, `a.fill(v)`), given its
/// arguments and the names of its trailing keyword arguments.
pub fn method(
    array: &ArrayType,
    name: &str,
    args: &[Ty],
    keywords: &[&str],
) -> Option<Result<Resolved, TemplateError>> {
    if let Some(reduction) = Reduction::from_method(name) {
        let n_positional = args.len() - keywords.len();
        if let Some(unknown) = keywords.iter().find(|keyword| **keyword != "axis") {
            return Some(Err(TemplateError::WrongArguments(format!(
                "{name}() got an unexpected keyword argument '{unknown}'"
            ))));
        }
        if n_positional > 1 {
            return Some(Err(TemplateError::WrongArguments(format!(
                "{name}() takes at most 1 positional argument"
            ))));
        }
        return Some(reduce(reduction, array, args.first()));
    }
    let no_args = |result: Type| {
        if args.is_empty() {
            Ok(Resolved::returning(&[], result))
        } else {
            Err(TemplateError::WrongArguments(format!("{name}() takes no arguments")))
        }
    };
    Some(match name {
        "copy" => no_args(Type::Array(ArrayType::new(array.dtype, array.ndim, Layout::C))),
        "fill" => match (args, keywords) {
            ([value], []) if array.readonly => {
                let _ = value;
                Err(TemplateError::ReadonlyArray(format!("cannot fill {array}")))
            }
            ([Ty::Value(Type::Scalar(scalar))], []) if !scalar.is_complex() || array.dtype.is_complex() => {
                Ok(Resolved::returning(&[Type::Scalar(array.dtype)], Type::NoneType))
            }
            ([value], []) => Err(TemplateError::InvalidOperand(format!(
                "cannot fill an array of {} with {value}",
                array.dtype
            ))),
            _ => Err(TemplateError::WrongArguments("fill() takes one value".into())),
        },
        "transpose" => transpose_method(array, args, keywords),
        "view" => match (args, keywords) {
            ([dtype], []) => match dtype_of(dtype) {
                Some(dtype) => Ok(Resolved::returning(&[], Type::Array(viewed_as(array, dtype)))),
                None => Err(TemplateError::Unsupported(format!("view({dtype}); pass a NumPy scalar type"))),
            },
            _ => Err(TemplateError::WrongArguments("view() takes one dtype".into())),
        },
        "item" => no_args(Type::Scalar(array.dtype)),
        "nonzero" => no_args(nonzero_type(array)),
        "dot" => match args {
            [other] => matmul(&Ty::Value(Type::Array(*array)), other, "dot()"),
            _ => Err(TemplateError::WrongArguments("dot() takes one array".into())),
        },
        "ravel" => no_args(Type::Array(ArrayType { ndim: 1, layout: Layout::C, ..*array })),
        "flatten" => no_args(Type::Array(ArrayType::new(array.dtype, 1, Layout::C))),
        "reshape" => {
            if !keywords.is_empty() {
                return Some(Err(TemplateError::WrongArguments(
                    "reshape() takes no keyword arguments".into(),
                )));
            }
            let ndim = match args {
                [] => Err(TemplateError::WrongArguments("reshape() takes the new shape".into())),
                [single] => shape_ndim(single),
                many if many.iter().all(|arg| arg.as_scalar().is_some_and(ScalarType::is_integer)) => {
                    u8::try_from(many.len())
                        .map_err(|_| TemplateError::InvalidOperand("too many dimensions".into()))
                }
                _ => Err(TemplateError::InvalidOperand(
                    "reshape() takes integers or a tuple of integers".into(),
                )),
            };
            ndim.map(|ndim| {
                Resolved::returning(&[], Type::Array(ArrayType { ndim, layout: Layout::C, ..*array }))
            })
        }
        "astype" => match (args, keywords) {
            ([dtype], []) => match dtype_of(dtype) {
                Some(dtype) => {
                    Ok(Resolved::returning(&[], Type::Array(ArrayType::new(dtype, array.ndim, Layout::C))))
                }
                None => Err(TemplateError::Unsupported(format!("astype({dtype}); pass a NumPy scalar type"))),
            },
            _ => Err(TemplateError::WrongArguments("astype() takes one dtype".into())),
        },
        _ => return super::library::method(array, name, args, keywords),
    })
}

/// Types `a.transpose()`, `a.transpose(None)`, `a.transpose((1, 0, 2))` and
/// `a.transpose(1, 0, 2)`: a permutation of the axes is a view of layout A, as in Numba.
fn transpose_method(array: &ArrayType, args: &[Ty], keywords: &[&str]) -> Result<Resolved, TemplateError> {
    if !keywords.is_empty() {
        return Err(TemplateError::WrongArguments("transpose() takes no keyword arguments".into()));
    }
    let is_integer = |ty: &Type| ty.as_scalar().is_some_and(ScalarType::is_integer);
    let axes: Vec<Type> = match args {
        [] | [Ty::Value(Type::NoneType)] => {
            return Ok(Resolved::returning(&[], Type::Array(transposed(array))));
        }
        [Ty::Value(Type::Tuple(items))] => items.clone(),
        many => many.iter().map(|arg| arg.as_value().cloned().unwrap_or(Type::NoneType)).collect(),
    };
    if !axes.iter().all(is_integer) {
        return Err(TemplateError::InvalidOperand("transpose() takes integer axes".into()));
    }
    if axes.len() != usize::from(array.ndim) {
        return Err(TemplateError::WrongArguments(format!(
            "transpose() of a {}-d array takes {} axes, not {}",
            array.ndim,
            array.ndim,
            axes.len()
        )));
    }
    Ok(Resolved::returning(&[], Type::Array(ArrayType { layout: Layout::A, ..*array })))
}

/// The type of `a.view(dtype)`: the same memory read as `dtype`. A different item size
/// changes the last axis, which must be contiguous (checked when it runs), so a C array
/// stays C and an F array of more than one axis becomes A.
pub fn viewed_as(array: &ArrayType, dtype: ScalarType) -> ArrayType {
    let layout =
        if dtype.size_bytes() != array.dtype.size_bytes() && array.ndim > 1 && array.layout == Layout::F {
            Layout::A
        } else {
            array.layout
        };
    ArrayType { dtype, layout, ..*array }
}

/// The type of `a.T`.
pub fn transposed(array: &ArrayType) -> ArrayType {
    let layout = match array.layout {
        Layout::C if array.ndim > 1 => Layout::F,
        Layout::F if array.ndim > 1 => Layout::C,
        other => other,
    };
    ArrayType { layout, ..*array }
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
        let pair = Ty::Value(Type::Tuple(vec![Type::INT64, Type::Scalar(ScalarType::UInt8)]));
        assert_eq!(getitem(&c2, &pair), Ok(Type::FLOAT64));
        assert_eq!(getitem(&c2, &Ty::INT64).map(|ty| ty.to_string()).as_deref(), Ok("array(float64, 1d, C)"));
        assert_eq!(getitem(&f2, &Ty::INT64).map(|ty| ty.to_string()).as_deref(), Ok("array(float64, 1d, A)"));
        assert!(matches!(getitem(&c2, &Ty::FLOAT64), Err(TemplateError::InvalidIndex(_))));
        assert!(setitem(&c2, &pair, &Type::INT64).is_ok());
        assert!(setitem(&c2, &pair, &Type::COMPLEX128).is_err());
        let readonly = ArrayType { readonly: true, ..c2 };
        assert!(matches!(setitem(&readonly, &pair, &Type::FLOAT64), Err(TemplateError::ReadonlyArray(_))));
        let slice = Ty::Slice { has_step: false };
        let stepped = Ty::Slice { has_step: true };
        let show = |array: &ArrayType, items: Vec<Ty>| {
            getitem(array, &Ty::IndexTuple(items)).map(|ty| ty.to_string())
        };
        assert_eq!(show(&c2, vec![slice.clone()]).as_deref(), Ok("array(float64, 2d, C)"));
        assert_eq!(show(&c2, vec![Ty::INT64, slice.clone()]).as_deref(), Ok("array(float64, 1d, C)"));
        assert_eq!(show(&c2, vec![slice.clone(), Ty::INT64]).as_deref(), Ok("array(float64, 1d, A)"));
        assert_eq!(show(&c2, vec![stepped]).as_deref(), Ok("array(float64, 2d, A)"));
        assert_eq!(show(&f2, vec![slice.clone(), Ty::INT64]).as_deref(), Ok("array(float64, 1d, F)"));
        assert_eq!(show(&c2, vec![Ty::NONE, Ty::Ellipsis]).as_deref(), Ok("array(float64, 3d, A)"));
        assert_eq!(
            show(&c2, vec![Ty::Ellipsis, Ty::INT64, Ty::INT64]).as_deref(),
            Ok("array(float64, 0d, C)")
        );
        assert!(matches!(
            getitem(&c2, &Ty::IndexTuple(vec![Ty::Ellipsis, Ty::Ellipsis])),
            Err(TemplateError::InvalidIndex(_))
        ));
        assert!(setitem(&c2, &Ty::IndexTuple(vec![slice, Ty::INT64]), &Type::FLOAT64).is_ok());
        assert_eq!(attribute(&c2, "shape").map(|ty| ty.to_string()).as_deref(), Some("UniTuple(int64 x 2)"));
    }
}
