//! The NumPy library functions over arrays beyond ufuncs, creation and plain reductions:
//! `np.where`, `np.clip`, `np.cumsum`/`cumprod`, `np.diff`, the NaN-ignoring reductions,
//! `np.median`, `np.sort`/`argsort`, `np.outer`, `np.trace` — as functions and, where NumPy
//! has them, as array methods (`a.cumsum()`, `a.sort()`).
//!
//! [`call`] types `np.NAME(...)`, [`method`] types `a.NAME(...)`; lowering is in
//! `numjit_lower`'s `library.rs`, which binds the arguments with the same [`bind`].
//!
//! Result types follow NumPy 2, with Numba's rule for scalars where NumPy's "weak"
//! scalars would differ: in `np.where` a scalar takes part in the promotion with its own
//! type (`np.where(c, int32_array, -1)` is int64, as in Numba). `np.clip` with scalar
//! bounds keeps the array's dtype unless a bound is of a higher kind (an int32 array
//! clipped to Python ints stays int32 in NumPy and in Numba). Cumulative sums and products
//! and `nansum`/`nanprod`/`trace` widen small integers and booleans as `np.sum` does;
//! `median` and `nanmean` of integers are float64.
//!
//! Parameters NumPy has but numjit does not implement (`out=`, `dtype=`, `kind=`, ...)
//! are accepted only when absent or `None`; anything else is
//! [`TemplateError::Unsupported`].

use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::numpy::Reduction;
use super::ufunc::{Ufunc, select_loop};
use super::{Resolved, TemplateError};
use crate::ty::Ty;

mod extra;

/// A library function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LibraryFn {
    Where,
    Clip,
    Cumsum,
    Cumprod,
    Diff,
    Nansum,
    Nanprod,
    Nanmean,
    Nanmin,
    Nanmax,
    Median,
    Sort,
    Argsort,
    Outer,
    Trace,
    Flip,
    Fliplr,
    Flipud,
    Swapaxes,
    Moveaxis,
    Atleast1d,
    Atleast2d,
    Atleast3d,
    Reshape,
    Diag,
    Tri,
    Tril,
    Triu,
    FillDiagonal,
    Vander,
    Kron,
    Vdot,
    Ptp,
    CountNonzero,
    Nanvar,
    Nanstd,
    Percentile,
    Quantile,
    Nanpercentile,
    Nanquantile,
    Trapezoid,
    Around,
    Repeat,
    Searchsorted,
    Flatnonzero,
    ColumnStack,
    Append,
    Take,
    Roll,
    NanToNum,
    Extract,
    Angle,
    Iscomplex,
    Isreal,
    Bincount,
    Indices,
    /// `a.conj()`, `a.conjugate()` (`np.conj` is the ufunc).
    Conj,
    Rot90,
    Partition,
    Bartlett,
    Blackman,
    Hamming,
    Hanning,
    Correlate,
    Convolve,
    Cov,
    Histogram,
    Unique,
    Intersect1d,
    Union1d,
    Setxor1d,
    I0,
    Kaiser,
    Interp,
    Isclose,
    Allclose,
    ArrayEqual,
    ExpandDims,
    Ravel,
    Digitize,
    Average,
    Corrcoef,
    Sinc,
    BroadcastTo,
    Ediff1d,
    Isneginf,
    Isposinf,
    Nanmedian,
    Nancumsum,
    Nancumprod,
    Nanargmin,
    Nanargmax,
    Isin,
    Logspace,
    Delete,
    Cross,
    Resize,
    AsarrayChkfinite,
}

impl LibraryFn {
    /// Every function with its name in the `numpy` module.
    pub const ALL: [(LibraryFn, &'static str); 98] = [
        (LibraryFn::Where, "where"),
        (LibraryFn::Clip, "clip"),
        (LibraryFn::Cumsum, "cumsum"),
        (LibraryFn::Cumprod, "cumprod"),
        (LibraryFn::Diff, "diff"),
        (LibraryFn::Nansum, "nansum"),
        (LibraryFn::Nanprod, "nanprod"),
        (LibraryFn::Nanmean, "nanmean"),
        (LibraryFn::Nanmin, "nanmin"),
        (LibraryFn::Nanmax, "nanmax"),
        (LibraryFn::Median, "median"),
        (LibraryFn::Sort, "sort"),
        (LibraryFn::Argsort, "argsort"),
        (LibraryFn::Outer, "outer"),
        (LibraryFn::Trace, "trace"),
        (LibraryFn::Flip, "flip"),
        (LibraryFn::Fliplr, "fliplr"),
        (LibraryFn::Flipud, "flipud"),
        (LibraryFn::Swapaxes, "swapaxes"),
        (LibraryFn::Moveaxis, "moveaxis"),
        (LibraryFn::Atleast1d, "atleast_1d"),
        (LibraryFn::Atleast2d, "atleast_2d"),
        (LibraryFn::Atleast3d, "atleast_3d"),
        (LibraryFn::Reshape, "reshape"),
        (LibraryFn::Diag, "diag"),
        (LibraryFn::Tri, "tri"),
        (LibraryFn::Tril, "tril"),
        (LibraryFn::Triu, "triu"),
        (LibraryFn::FillDiagonal, "fill_diagonal"),
        (LibraryFn::Vander, "vander"),
        (LibraryFn::Kron, "kron"),
        (LibraryFn::Vdot, "vdot"),
        (LibraryFn::Ptp, "ptp"),
        (LibraryFn::CountNonzero, "count_nonzero"),
        (LibraryFn::Nanvar, "nanvar"),
        (LibraryFn::Nanstd, "nanstd"),
        (LibraryFn::Percentile, "percentile"),
        (LibraryFn::Quantile, "quantile"),
        (LibraryFn::Nanpercentile, "nanpercentile"),
        (LibraryFn::Nanquantile, "nanquantile"),
        (LibraryFn::Trapezoid, "trapezoid"),
        (LibraryFn::Around, "around"),
        (LibraryFn::Around, "round"),
        (LibraryFn::Repeat, "repeat"),
        (LibraryFn::Searchsorted, "searchsorted"),
        (LibraryFn::Flatnonzero, "flatnonzero"),
        (LibraryFn::ColumnStack, "column_stack"),
        (LibraryFn::Append, "append"),
        (LibraryFn::Take, "take"),
        (LibraryFn::Roll, "roll"),
        (LibraryFn::NanToNum, "nan_to_num"),
        (LibraryFn::Extract, "extract"),
        (LibraryFn::Angle, "angle"),
        (LibraryFn::Iscomplex, "iscomplex"),
        (LibraryFn::Isreal, "isreal"),
        (LibraryFn::Bincount, "bincount"),
        (LibraryFn::Indices, "indices"),
        (LibraryFn::Rot90, "rot90"),
        (LibraryFn::Partition, "partition"),
        (LibraryFn::Bartlett, "bartlett"),
        (LibraryFn::Blackman, "blackman"),
        (LibraryFn::Hamming, "hamming"),
        (LibraryFn::Hanning, "hanning"),
        (LibraryFn::Correlate, "correlate"),
        (LibraryFn::Convolve, "convolve"),
        (LibraryFn::Cov, "cov"),
        (LibraryFn::Histogram, "histogram"),
        (LibraryFn::Unique, "unique"),
        (LibraryFn::Intersect1d, "intersect1d"),
        (LibraryFn::Union1d, "union1d"),
        (LibraryFn::Setxor1d, "setxor1d"),
        (LibraryFn::I0, "i0"),
        (LibraryFn::Kaiser, "kaiser"),
        (LibraryFn::Interp, "interp"),
        (LibraryFn::Isclose, "isclose"),
        (LibraryFn::Allclose, "allclose"),
        (LibraryFn::ArrayEqual, "array_equal"),
        (LibraryFn::ExpandDims, "expand_dims"),
        (LibraryFn::Ravel, "ravel"),
        (LibraryFn::Digitize, "digitize"),
        (LibraryFn::Average, "average"),
        (LibraryFn::Corrcoef, "corrcoef"),
        (LibraryFn::Sinc, "sinc"),
        (LibraryFn::BroadcastTo, "broadcast_to"),
        (LibraryFn::Ediff1d, "ediff1d"),
        (LibraryFn::Isneginf, "isneginf"),
        (LibraryFn::Isposinf, "isposinf"),
        (LibraryFn::Nanmedian, "nanmedian"),
        (LibraryFn::Nancumsum, "nancumsum"),
        (LibraryFn::Nancumprod, "nancumprod"),
        (LibraryFn::Nanargmin, "nanargmin"),
        (LibraryFn::Nanargmax, "nanargmax"),
        (LibraryFn::Isin, "isin"),
        (LibraryFn::Logspace, "logspace"),
        (LibraryFn::Delete, "delete"),
        (LibraryFn::Cross, "cross"),
        (LibraryFn::Resize, "resize"),
        (LibraryFn::AsarrayChkfinite, "asarray_chkfinite"),
    ];

    /// The function `np.NAME`.
    pub fn from_name(name: &str) -> Option<LibraryFn> {
        LibraryFn::ALL.iter().find(|(_, entry)| *entry == name).map(|(function, _)| *function)
    }

    /// The name in the `numpy` module.
    pub fn name(self) -> &'static str {
        if self == LibraryFn::Conj {
            return "conj";
        }
        LibraryFn::ALL.iter().find(|(function, _)| *function == self).map_or("where", |(_, name)| name)
    }

    /// The library function an array method names (`a.cumsum()`, `a.sort()`, ...).
    pub fn from_method(name: &str) -> Option<LibraryFn> {
        Some(match name {
            "cumsum" => LibraryFn::Cumsum,
            "cumprod" => LibraryFn::Cumprod,
            "sort" => LibraryFn::Sort,
            "argsort" => LibraryFn::Argsort,
            "clip" => LibraryFn::Clip,
            "trace" => LibraryFn::Trace,
            "conj" | "conjugate" => LibraryFn::Conj,
            "take" => LibraryFn::Take,
            "repeat" => LibraryFn::Repeat,
            "ptp" => LibraryFn::Ptp,
            "round" => LibraryFn::Around,
            "searchsorted" => LibraryFn::Searchsorted,
            _ => return None,
        })
    }

    /// NumPy's parameters, in order: of the function, or of the method (without the
    /// array itself).
    pub fn params(self, method: bool) -> &'static [&'static str] {
        let all: &'static [&'static str] = match (self, method) {
            (LibraryFn::Where, _) => &["condition", "x", "y"],
            (LibraryFn::Clip, false) => &["a", "a_min", "a_max", "out"],
            (LibraryFn::Clip, true) => &["min", "max", "out"],
            (LibraryFn::Cumsum | LibraryFn::Cumprod, _) => &["a", "axis", "dtype", "out"],
            (LibraryFn::Diff, _) => &["a", "n", "axis", "prepend", "append"],
            (LibraryFn::Nansum | LibraryFn::Nanprod, _) => {
                &["a", "axis", "dtype", "out", "keepdims", "initial", "where"]
            }
            (LibraryFn::Nanmean, _) => &["a", "axis", "dtype", "out", "keepdims", "where"],
            (LibraryFn::Nanmin | LibraryFn::Nanmax, _) => {
                &["a", "axis", "out", "keepdims", "initial", "where"]
            }
            (LibraryFn::Median | LibraryFn::Nanmedian, _) => {
                &["a", "axis", "out", "overwrite_input", "keepdims"]
            }
            (LibraryFn::Nancumsum | LibraryFn::Nancumprod, _) => &["a", "axis", "dtype", "out"],
            (LibraryFn::Nanargmin | LibraryFn::Nanargmax, _) => &["a", "axis", "out", "keepdims"],
            (LibraryFn::Isin, _) => &["element", "test_elements", "assume_unique", "invert", "kind"],
            (LibraryFn::Logspace, _) => &["start", "stop", "num", "endpoint", "base", "dtype", "axis"],
            (LibraryFn::Delete, _) => &["arr", "obj", "axis"],
            (LibraryFn::Cross, _) => &["a", "b", "axisa", "axisb", "axisc", "axis"],
            (LibraryFn::Resize, _) => &["a", "new_shape"],
            (LibraryFn::AsarrayChkfinite, _) => &["a", "dtype", "order"],
            (LibraryFn::Sort | LibraryFn::Argsort, _) => &["a", "axis", "kind", "order", "stable"],
            (LibraryFn::Outer, _) => &["a", "b", "out"],
            (LibraryFn::Trace, _) => &["a", "offset", "axis1", "axis2", "dtype", "out"],
            (LibraryFn::Flip, _) => &["m", "axis"],
            (LibraryFn::Fliplr | LibraryFn::Flipud, _) => &["m"],
            (LibraryFn::Swapaxes, _) => &["a", "axis1", "axis2"],
            (LibraryFn::Moveaxis, _) => &["a", "source", "destination"],
            (LibraryFn::Atleast1d | LibraryFn::Atleast2d | LibraryFn::Atleast3d, _) => &["arys"],
            (LibraryFn::Reshape, _) => &["a", "shape", "order"],
            (LibraryFn::Diag, _) => &["v", "k"],
            (LibraryFn::Tri, _) => &["N", "M", "k", "dtype"],
            (LibraryFn::Tril | LibraryFn::Triu, _) => &["m", "k"],
            (LibraryFn::FillDiagonal, _) => &["a", "val", "wrap"],
            (LibraryFn::Vander, _) => &["x", "N", "increasing"],
            (LibraryFn::Kron | LibraryFn::Vdot, _) => &["a", "b"],
            (LibraryFn::Ptp, _) => &["a", "axis", "out", "keepdims"],
            (LibraryFn::CountNonzero, _) => &["a", "axis", "keepdims"],
            (LibraryFn::Nanvar | LibraryFn::Nanstd, _) => {
                &["a", "axis", "dtype", "out", "ddof", "keepdims", "where", "mean", "correction"]
            }
            (
                LibraryFn::Percentile
                | LibraryFn::Quantile
                | LibraryFn::Nanpercentile
                | LibraryFn::Nanquantile,
                _,
            ) => &["a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "weights"],
            (LibraryFn::Trapezoid, _) => &["y", "x", "dx", "axis"],
            (LibraryFn::Around, _) => &["a", "decimals", "out"],
            (LibraryFn::Repeat, _) => &["a", "repeats", "axis"],
            (LibraryFn::Searchsorted, _) => &["a", "v", "side", "sorter"],
            (LibraryFn::Flatnonzero, _) => &["a"],
            (LibraryFn::ColumnStack, _) => &["tup"],
            (LibraryFn::Append, _) => &["arr", "values", "axis"],
            (LibraryFn::Take, _) => &["a", "indices", "axis", "out", "mode"],
            (LibraryFn::Roll, _) => &["a", "shift", "axis"],
            (LibraryFn::NanToNum, _) => &["x", "copy", "nan", "posinf", "neginf"],
            (LibraryFn::Extract, _) => &["condition", "arr"],
            (LibraryFn::Angle, _) => &["z", "deg"],
            (LibraryFn::Iscomplex | LibraryFn::Isreal, _) => &["x"],
            (LibraryFn::Bincount, _) => &["x", "weights", "minlength"],
            (LibraryFn::Indices, _) => &["dimensions", "dtype", "sparse"],
            (LibraryFn::Conj, _) => &["a"],
            (LibraryFn::Rot90, _) => &["m", "k", "axes"],
            (LibraryFn::Partition, _) => &["a", "kth", "axis", "kind", "order"],
            (LibraryFn::Bartlett | LibraryFn::Blackman | LibraryFn::Hamming | LibraryFn::Hanning, _) => {
                &["M"]
            }
            (LibraryFn::Correlate | LibraryFn::Convolve, _) => &["a", "v", "mode"],
            (LibraryFn::Cov, _) => &["m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"],
            (LibraryFn::Histogram, _) => &["a", "bins", "range", "density", "weights"],
            (LibraryFn::Unique, _) => {
                &["ar", "return_index", "return_inverse", "return_counts", "axis", "equal_nan", "sorted"]
            }
            (LibraryFn::Intersect1d, _) => &["ar1", "ar2", "assume_unique", "return_indices"],
            (LibraryFn::Union1d, _) => &["ar1", "ar2"],
            (LibraryFn::Setxor1d, _) => &["ar1", "ar2", "assume_unique"],
            (LibraryFn::I0, _) => &["x"],
            (LibraryFn::Kaiser, _) => &["M", "beta"],
            (LibraryFn::Interp, _) => &["x", "xp", "fp", "left", "right", "period"],
            (LibraryFn::Isclose | LibraryFn::Allclose, _) => &["a", "b", "rtol", "atol", "equal_nan"],
            (LibraryFn::ArrayEqual, _) => &["a1", "a2", "equal_nan"],
            (LibraryFn::ExpandDims, _) => &["a", "axis"],
            (LibraryFn::Ravel, _) => &["a", "order"],
            (LibraryFn::Digitize, _) => &["x", "bins", "right"],
            (LibraryFn::Average, _) => &["a", "axis", "weights", "returned", "keepdims"],
            (LibraryFn::Corrcoef, _) => &["x", "y", "rowvar", "bias", "ddof", "dtype"],
            (LibraryFn::Sinc | LibraryFn::Isneginf | LibraryFn::Isposinf, _) => &["x", "out"],
            (LibraryFn::BroadcastTo, _) => &["array", "shape", "subok"],
            (LibraryFn::Ediff1d, _) => &["ary", "to_end", "to_begin"],
        };
        // Methods take the array as `self` (`clip` has its own list).
        if method && all.first() == Some(&"a") { &all[1..] } else { all }
    }

    /// The parameters numjit implements; the others must be absent or `None`.
    fn implemented(self, param: &str) -> bool {
        match param {
            "a" | "condition" | "y" | "a_min" | "a_max" | "min" | "max" | "b" | "n" | "offset" => true,
            "x" => self != LibraryFn::Trapezoid,
            "m" | "v" | "k" | "N" | "M" | "axis1" | "axis2" | "source" | "destination" | "arys" | "shape"
            | "val" | "wrap" | "increasing" | "q" | "dx" | "decimals" | "repeats" | "side" | "tup"
            | "arr" | "values" | "indices" | "shift" | "nan" | "posinf" | "neginf" | "deg" | "z"
            | "weights" | "minlength" | "dimensions" | "kth" | "mode" | "rowvar" | "bias" | "ddof"
            | "bins" | "range" | "ar" | "ar1" | "ar2" | "beta" | "xp" | "fp" | "left" | "right" | "rtol"
            | "atol" | "equal_nan" | "a1" | "a2" | "array" | "ary" | "element" | "test_elements"
            | "invert" | "start" | "stop" | "num" | "base" | "obj" | "new_shape" => true,
            "axis" => matches!(
                self,
                LibraryFn::Cumsum
                    | LibraryFn::Cumprod
                    | LibraryFn::Nansum
                    | LibraryFn::Nanprod
                    | LibraryFn::Nanmean
                    | LibraryFn::Nanmin
                    | LibraryFn::Nanmax
                    | LibraryFn::Median
                    | LibraryFn::Nanmedian
                    | LibraryFn::Nancumsum
                    | LibraryFn::Nancumprod
                    | LibraryFn::Sort
                    | LibraryFn::Argsort
                    | LibraryFn::CountNonzero
                    | LibraryFn::Partition
                    | LibraryFn::ExpandDims
            ),
            // Ignoring it is what NumPy allows: the input may or may not be overwritten.
            "overwrite_input" => matches!(self, LibraryFn::Median | LibraryFn::Nanmedian),
            _ => false,
        }
    }

    /// How many parameters a call must give (the rest have defaults).
    fn required(self, method: bool) -> usize {
        match (self, method) {
            (LibraryFn::Where, _) => 1,
            (LibraryFn::Clip, true) => 0,
            (LibraryFn::Clip, false) => 1,
            (
                LibraryFn::Outer
                | LibraryFn::Reshape
                | LibraryFn::FillDiagonal
                | LibraryFn::Kron
                | LibraryFn::Vdot
                | LibraryFn::Percentile
                | LibraryFn::Quantile
                | LibraryFn::Nanpercentile
                | LibraryFn::Nanquantile
                | LibraryFn::Append
                | LibraryFn::Roll
                | LibraryFn::Extract
                | LibraryFn::Repeat
                | LibraryFn::Searchsorted
                | LibraryFn::Take
                | LibraryFn::Partition
                | LibraryFn::Correlate
                | LibraryFn::Convolve
                | LibraryFn::Intersect1d
                | LibraryFn::Union1d
                | LibraryFn::Setxor1d
                | LibraryFn::Kaiser
                | LibraryFn::Isclose
                | LibraryFn::Allclose
                | LibraryFn::ArrayEqual
                | LibraryFn::ExpandDims
                | LibraryFn::Digitize
                | LibraryFn::BroadcastTo
                | LibraryFn::Isin
                | LibraryFn::Logspace
                | LibraryFn::Delete
                | LibraryFn::Cross
                | LibraryFn::Resize,
                false,
            ) => 2,
            (LibraryFn::Interp, false) => 3,
            (LibraryFn::Swapaxes | LibraryFn::Moveaxis, false) => 3,
            (LibraryFn::Take | LibraryFn::Repeat | LibraryFn::Searchsorted, true) => 1,
            (_, true) => 0,
            (_, false) => 1,
        }
    }

    /// `numpy.NAME()` or `NAME()` for messages.
    fn describe(self, method: bool) -> String {
        if method { format!("{}()", self.name()) } else { format!("numpy.{}()", self.name()) }
    }
}

/// Binds the arguments of a call (`n_positional` positional ones, then the keywords
/// named `keywords`) to the parameters of `function` (of the method when `method`): the
/// parameter index of each argument, in the order positional then keywords.
pub fn bind(
    function: LibraryFn,
    method: bool,
    n_positional: usize,
    keywords: &[&str],
) -> Result<Vec<usize>, TemplateError> {
    let params = function.params(method);
    let describe = function.describe(method);
    if function == LibraryFn::Where && !keywords.is_empty() {
        return Err(TemplateError::WrongArguments(format!("{describe} takes no keyword arguments")));
    }
    if n_positional > params.len() {
        return Err(TemplateError::WrongArguments(format!(
            "{describe} takes at most {} positional argument{} but {n_positional} were given",
            params.len(),
            if params.len() == 1 { "" } else { "s" }
        )));
    }
    let mut bound: Vec<usize> = (0..n_positional).collect();
    for keyword in keywords {
        let Some(param) = params.iter().position(|param| param == keyword) else {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} got an unexpected keyword argument '{keyword}'"
            )));
        };
        if bound.contains(&param) {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} got multiple values for argument '{keyword}'"
            )));
        }
        bound.push(param);
    }
    for (param, name) in params.iter().enumerate().take(function.required(method)) {
        if !bound.contains(&param) {
            return Err(TemplateError::WrongArguments(format!(
                "{describe} missing required argument '{name}'"
            )));
        }
    }
    Ok(bound)
}

/// The arguments of a call by parameter name (`None`-typed arguments count as absent).
struct Args<'t> {
    function: LibraryFn,
    method: bool,
    slots: Vec<Option<&'t Ty>>,
    /// The parameters given as `None` explicitly.
    nones: Vec<bool>,
}

impl<'t> Args<'t> {
    fn new(
        function: LibraryFn,
        method: bool,
        args: &'t [Ty],
        keywords: &[&str],
    ) -> Result<Self, TemplateError> {
        let n_positional = args.len().saturating_sub(keywords.len());
        let bound = bind(function, method, n_positional, keywords)?;
        let params = function.params(method);
        let mut slots = vec![None; params.len()];
        let mut nones = vec![false; params.len()];
        for (arg, param) in args.iter().zip(bound) {
            // `np.where`'s operands are values (`None` is refused when typed); elsewhere
            // `None` means the default.
            if matches!(arg, Ty::Value(Type::NoneType)) && function != LibraryFn::Where {
                nones[param] = true;
            } else {
                slots[param] = Some(arg);
            }
        }
        for (name, slot) in params.iter().zip(&slots) {
            if slot.is_some() && !function.implemented(name) {
                return Err(TemplateError::Unsupported(format!(
                    "{} with {name}= is not supported yet",
                    function.describe(method)
                )));
            }
        }
        Ok(Args { function, method, slots, nones })
    }

    fn get(&self, name: &str) -> Option<&'t Ty> {
        let at = self.function.params(self.method).iter().position(|param| *param == name)?;
        self.slots[at]
    }

    /// Whether `name` was given as `None` explicitly.
    fn is_none(&self, name: &str) -> bool {
        let params = self.function.params(self.method);
        params.iter().position(|param| *param == name).is_some_and(|at| self.nones[at])
    }

    fn describe(&self) -> String {
        self.function.describe(self.method)
    }

    /// The array argument `name` (required by the binding).
    fn array(&self, name: &str) -> Result<ArrayType, TemplateError> {
        let describe = self.describe();
        match self.get(name).and_then(Ty::as_value) {
            Some(Type::Array(array)) => Ok(*array),
            Some(Type::Scalar(_) | Type::Tuple(_)) => Err(TemplateError::Unsupported(format!(
                "{describe} of a scalar or tuple (pass an array) is not supported yet"
            ))),
            Some(other) => {
                Err(TemplateError::InvalidOperand(format!("{describe} takes an array, not {other}")))
            }
            None => match self.get(name) {
                Some(other) => {
                    Err(TemplateError::InvalidOperand(format!("{describe} takes an array, not {other}")))
                }
                None => Err(TemplateError::WrongArguments(format!(
                    "{describe} missing required argument '{name}'"
                ))),
            },
        }
    }

    /// Whether `axis=` is given (an integer; `None` is absent).
    fn axis(&self) -> Result<bool, TemplateError> {
        self.integer("axis")
    }

    /// Whether the integer argument `name` is given.
    fn integer(&self, name: &str) -> Result<bool, TemplateError> {
        match self.get(name) {
            None => Ok(false),
            Some(ty) if ty.as_scalar().is_some_and(ScalarType::is_integer) => Ok(true),
            Some(other) => Err(TemplateError::InvalidOperand(format!(
                "{}: {name} must be an integer, not {other}",
                self.describe()
            ))),
        }
    }
}

/// An operand of `np.where`/`np.clip`: its dtype and, for arrays, the rank.
fn operand(ty: &Ty, describe: &str) -> Result<(ScalarType, Option<u8>), TemplateError> {
    match ty.as_value() {
        Some(Type::Scalar(scalar)) => Ok((*scalar, None)),
        Some(Type::Array(array)) => Ok((array.dtype, Some(array.ndim))),
        _ => Err(TemplateError::TypeMismatch(format!("{describe} takes arrays and numbers, not {ty}"))),
    }
}

/// NumPy's order of kinds: bool < integer < float < complex.
fn kind_rank(scalar: ScalarType) -> u8 {
    if scalar == ScalarType::Bool {
        0
    } else if scalar.is_integer() {
        1
    } else if scalar.is_float() {
        2
    } else {
        3
    }
}

/// The result of a reduction of `array` to `dtype`: a scalar, or with `axis` an array of
/// one dimension less.
fn reduced(array: &ArrayType, dtype: ScalarType, axis: bool, describe: &str) -> Result<Type, TemplateError> {
    if !axis {
        return Ok(Type::Scalar(dtype));
    }
    match array.ndim {
        0 => Err(TemplateError::InvalidOperand(format!("{describe} with axis= of a 0-d array"))),
        1 => Ok(Type::Scalar(dtype)),
        ndim => Ok(Type::Array(ArrayType::new(dtype, ndim - 1, Layout::C))),
    }
}

/// The dtype of `np.clip(a, lo, hi)`: `a`'s, promoted with array bounds; a scalar bound
/// only counts when it is of a higher kind (NumPy's weak scalars, Numba's `empty_like`).
pub fn clip_dtype(a: ScalarType, bounds: &[(ScalarType, bool)]) -> ScalarType {
    let mut dtype = a;
    for &(bound, is_array) in bounds {
        if is_array {
            dtype = dtype.promote(bound);
        }
    }
    for &(bound, is_array) in bounds {
        if !is_array && kind_rank(bound) > kind_rank(dtype) {
            dtype = dtype.promote(bound);
        }
    }
    dtype
}

/// The dtype of `np.where(c, x, y)`: NumPy's promotion of `x` and `y`.
pub fn where_dtype(x: ScalarType, y: ScalarType) -> ScalarType {
    x.promote(y)
}

/// The dtype of `np.outer(a, b)`: the result of NumPy's `multiply` loop for them.
pub fn outer_dtype(a: ScalarType, b: ScalarType) -> Option<ScalarType> {
    match select_loop(Ufunc::Multiply, &[a, b]) {
        Some((_, [out])) => Some(*out),
        _ => None,
    }
}

/// The dtype of `np.median` (and of `nanmean`): floats and complex numbers keep theirs,
/// integers and booleans give float64.
pub fn median_dtype(dtype: ScalarType) -> ScalarType {
    Reduction::Mean.result_dtype(dtype)
}

/// Types `np.NAME(args)`; `keywords` names the trailing arguments.
pub fn call(function: LibraryFn, args: &[Ty], keywords: &[&str]) -> Result<Resolved, TemplateError> {
    let bound = Args::new(function, false, args, keywords)?;
    resolve(&bound, None)
}

/// Types the array method `a.NAME(args)`, if it is a library method.
pub fn method(
    array: &ArrayType,
    name: &str,
    args: &[Ty],
    keywords: &[&str],
) -> Option<Result<Resolved, TemplateError>> {
    let function = LibraryFn::from_method(name)?;
    Some(Args::new(function, true, args, keywords).and_then(|bound| resolve(&bound, Some(array))))
}

/// Types a bound call; `this` is the array of a method call.
fn resolve(args: &Args<'_>, this: Option<&ArrayType>) -> Result<Resolved, TemplateError> {
    let describe = args.describe();
    let the_array = |name: &str| match this {
        Some(array) => Ok(*array),
        None => args.array(name),
    };
    if let Some(ret) = extra::resolve(args, this) {
        return ret.map(|ret| Resolved::returning(&[], ret));
    }
    let ret = match args.function {
        LibraryFn::Where => {
            let (Some(condition), x, y) = (args.get("condition"), args.get("x"), args.get("y")) else {
                return Err(TemplateError::WrongArguments(format!(
                    "{describe} missing required argument 'condition'"
                )));
            };
            let (x, y) = match (x, y) {
                (Some(x), Some(y)) => (x, y),
                // `np.where(c)` is `np.nonzero(c)`: a tuple of index arrays.
                (None, None) => {
                    return match condition.as_value() {
                        Some(Type::Array(array)) => {
                            Ok(Resolved::returning(&[], super::numpy::nonzero_type(array)))
                        }
                        _ => Err(TemplateError::Unsupported(format!(
                            "{describe} with one argument takes an array, not {condition}"
                        ))),
                    };
                }
                _ => {
                    return Err(TemplateError::WrongArguments(format!(
                        "{describe}: either both or neither of x and y should be given"
                    )));
                }
            };
            let mut ndim: Option<u8> = None;
            let mut dtypes = Vec::new();
            for ty in [condition, x, y] {
                let (dtype, rank) = operand(ty, &describe)?;
                dtypes.push(dtype);
                if let Some(rank) = rank {
                    ndim = Some(ndim.map_or(rank, |ndim| ndim.max(rank)));
                }
            }
            Type::Array(ArrayType::new(where_dtype(dtypes[1], dtypes[2]), ndim.unwrap_or(0), Layout::C))
        }
        LibraryFn::Clip => {
            let array = the_array("a")?;
            let (lo_name, hi_name) = if args.method { ("min", "max") } else { ("a_min", "a_max") };
            let mut bounds = Vec::new();
            let mut ndim = array.ndim;
            for name in [lo_name, hi_name] {
                let Some(ty) = args.get(name) else { continue };
                let (dtype, rank) = operand(ty, &describe)?;
                bounds.push((dtype, rank.is_some()));
                ndim = ndim.max(rank.unwrap_or(0));
            }
            if bounds.is_empty() {
                return Err(TemplateError::WrongArguments(format!(
                    "{describe}: one of {lo_name} or {hi_name} must be given"
                )));
            }
            if array.dtype.is_complex() || bounds.iter().any(|(dtype, _)| dtype.is_complex()) {
                return Err(TemplateError::Unsupported(format!(
                    "{describe} of complex numbers is not supported yet"
                )));
            }
            Type::Array(ArrayType::new(clip_dtype(array.dtype, &bounds), ndim, Layout::C))
        }
        LibraryFn::Cumsum | LibraryFn::Cumprod | LibraryFn::Nancumsum | LibraryFn::Nancumprod => {
            let array = the_array("a")?;
            let dtype = Reduction::Sum.result_dtype(array.dtype);
            let ndim = if args.axis()? {
                if array.ndim == 0 {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} with axis= of a 0-d array"
                    )));
                }
                array.ndim
            } else {
                1
            };
            Type::Array(ArrayType::new(dtype, ndim, Layout::C))
        }
        LibraryFn::Diff => {
            let array = the_array("a")?;
            args.integer("n")?;
            if array.ndim == 0 {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe} requires an array of at least one dimension"
                )));
            }
            Type::Array(ArrayType::new(array.dtype, array.ndim, Layout::C))
        }
        LibraryFn::Nansum | LibraryFn::Nanprod => {
            let array = the_array("a")?;
            reduced(&array, Reduction::Sum.result_dtype(array.dtype), args.axis()?, &describe)?
        }
        LibraryFn::Nanmean => {
            let array = the_array("a")?;
            reduced(&array, median_dtype(array.dtype), args.axis()?, &describe)?
        }
        LibraryFn::Nanmin | LibraryFn::Nanmax => {
            let array = the_array("a")?;
            if array.dtype.is_complex() {
                return Err(TemplateError::Unsupported(format!(
                    "{describe} of complex arrays is not supported yet"
                )));
            }
            reduced(&array, array.dtype, args.axis()?, &describe)?
        }
        LibraryFn::Median | LibraryFn::Nanmedian => {
            let array = the_array("a")?;
            if let Some(overwrite) = args.get("overwrite_input")
                && overwrite.as_scalar() != Some(ScalarType::Bool)
            {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe}: overwrite_input must be a bool, not {overwrite}"
                )));
            }
            reduced(&array, median_dtype(array.dtype), args.axis()?, &describe)?
        }
        LibraryFn::Sort | LibraryFn::Argsort => {
            let array = the_array("a")?;
            let sort = args.function == LibraryFn::Sort;
            if sort && args.method && array.readonly {
                return Err(TemplateError::ReadonlyArray(format!("cannot sort {array} in place")));
            }
            args.axis()?;
            // `axis=None` sorts the flattened array (`a.sort()` has no such form).
            let flattened = sorts_flattened(args.function, args.method, args.is_none("axis"))?;
            if !flattened && array.ndim == 0 {
                return Err(TemplateError::InvalidOperand(format!(
                    "{describe} of a 0-d array (axis -1 is out of bounds)"
                )));
            }
            let dtype = if sort { array.dtype } else { ScalarType::Int64 };
            if sort && args.method {
                Type::NoneType
            } else {
                Type::Array(ArrayType::new(dtype, if flattened { 1 } else { array.ndim }, Layout::C))
            }
        }
        LibraryFn::Outer => {
            let a = args.array("a")?;
            let b = args.array("b")?;
            let dtype = outer_dtype(a.dtype, b.dtype).ok_or_else(|| {
                TemplateError::InvalidOperand(format!("{describe} of {} and {}", a.dtype, b.dtype))
            })?;
            Type::Array(ArrayType::new(dtype, 2, Layout::C))
        }
        LibraryFn::Trace => {
            let array = the_array("a")?;
            args.integer("offset")?;
            match array.ndim {
                2 => {}
                0 | 1 => {
                    return Err(TemplateError::InvalidOperand(format!(
                        "{describe} requires an array of at least two dimensions"
                    )));
                }
                _ => {
                    return Err(TemplateError::Unsupported(format!(
                        "{describe} of an array of more than two dimensions is not supported yet"
                    )));
                }
            }
            Type::Scalar(Reduction::Sum.result_dtype(array.dtype))
        }
        LibraryFn::Nanargmin | LibraryFn::Nanargmax => {
            let array = the_array("a")?;
            if array.dtype.is_complex() {
                return Err(TemplateError::Unsupported(format!(
                    "{describe} of complex arrays is not supported yet"
                )));
            }
            Type::Scalar(ScalarType::Int64)
        }
        _ => return Err(TemplateError::Unsupported(format!("{describe} is not supported yet"))),
    };
    Ok(Resolved::returning(&[], ret))
}

/// The typing of `np.dot(a, b, out)` given the product's typing: `out` must be a
/// writable array of the product's dtype and rank (NumPy also wants it C-contiguous, which
/// numjit does not require); the call returns `out`.
pub fn dot_out(product: Resolved, out: &Ty) -> Result<Resolved, TemplateError> {
    let Some(Type::Array(target)) = out.as_value() else {
        return Err(TemplateError::TypeMismatch(format!("numpy.dot(): out must be an array, not {out}")));
    };
    if target.readonly {
        return Err(TemplateError::ReadonlyArray(format!("numpy.dot() cannot write to {target}")));
    }
    let (dtype, ndim) = match product.ret.as_value() {
        Some(Type::Array(array)) => (array.dtype, array.ndim),
        Some(Type::Scalar(scalar)) => (*scalar, 0),
        _ => return Err(TemplateError::InvalidOperand("numpy.dot() of these operands".into())),
    };
    if target.dtype != dtype || target.ndim != ndim {
        return Err(TemplateError::InvalidOperand(format!(
            "numpy.dot(): output array is not acceptable (must have the right datatype ({dtype}) and number of dimensions ({ndim}))"
        )));
    }
    Ok(Resolved::returning(&[], Type::Array(*target)))
}

/// Whether a sort with `axis=None` given explicitly (`none_axis`) sorts the flattened
/// array; `a.sort(axis=None)` is refused.
pub fn sorts_flattened(function: LibraryFn, method: bool, none_axis: bool) -> Result<bool, TemplateError> {
    if none_axis && method && function == LibraryFn::Sort {
        return Err(TemplateError::Unsupported(
            "sort(axis=None) of an array in place is not supported".into(),
        ));
    }
    Ok(none_axis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn array(dtype: ScalarType, ndim: u8) -> Ty {
        Ty::Value(Type::Array(ArrayType::new(dtype, ndim, Layout::C)))
    }

    fn ret(function: LibraryFn, args: &[Ty], keywords: &[&str]) -> Result<String, TemplateError> {
        call(function, args, keywords).map(|resolved| resolved.ret.to_string())
    }

    #[test]
    fn where_promotes_like_numba() {
        assert_eq!(
            ret(LibraryFn::Where, &[array(Bool, 2), array(Int32, 1), Ty::INT64], &[]).as_deref(),
            Ok("array(int64, 2d, C)")
        );
        assert_eq!(
            ret(LibraryFn::Where, &[array(Bool, 1), Ty::FLOAT64, array(Int64, 1)], &[]).as_deref(),
            Ok("array(float64, 1d, C)")
        );
        assert_eq!(
            ret(LibraryFn::Where, &[array(Bool, 2)], &[]).as_deref(),
            Ok("UniTuple(array(int64, 1d, C) x 2)")
        );
        assert!(matches!(ret(LibraryFn::Where, &[Ty::BOOL], &[]), Err(TemplateError::Unsupported(_))));
        assert!(matches!(
            ret(LibraryFn::Where, &[array(Bool, 1), Ty::INT64], &[]),
            Err(TemplateError::WrongArguments(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Where, &[array(Bool, 1), Ty::NONE, Ty::INT64], &[]),
            Err(TemplateError::TypeMismatch(_))
        ));
    }

    #[test]
    fn clip_keeps_the_array_dtype_for_scalar_bounds() {
        assert_eq!(clip_dtype(Int32, &[(Int64, false), (Int64, false)]), Int32);
        assert_eq!(clip_dtype(Int32, &[(Float64, false)]), Float64);
        assert_eq!(clip_dtype(Float32, &[(Float64, false)]), Float32);
        assert_eq!(clip_dtype(Int32, &[(Int64, true)]), Int64);
        assert_eq!(clip_dtype(Bool, &[(Int64, false)]), Int64);
        assert!(matches!(
            ret(LibraryFn::Clip, &[array(Float64, 1)], &[]),
            Err(TemplateError::WrongArguments(_))
        ));
    }

    #[test]
    fn cumulative_and_nan_reductions() {
        assert_eq!(ret(LibraryFn::Cumsum, &[array(Int32, 2)], &[]).as_deref(), Ok("array(int64, 1d, C)"));
        assert_eq!(ret(LibraryFn::Cumprod, &[array(Bool, 1)], &[]).as_deref(), Ok("array(int64, 1d, C)"));
        assert_eq!(
            ret(LibraryFn::Cumsum, &[array(Float32, 2), Ty::INT64], &["axis"]).as_deref(),
            Ok("array(float32, 2d, C)")
        );
        assert_eq!(ret(LibraryFn::Nanmean, &[array(Int64, 2)], &[]).as_deref(), Ok("float64"));
        assert_eq!(
            ret(LibraryFn::Nanmax, &[array(Float32, 2), Ty::INT64], &[]).as_deref(),
            Ok("array(float32, 1d, C)")
        );
        assert_eq!(ret(LibraryFn::Median, &[array(UInt8, 1)], &[]).as_deref(), Ok("float64"));
        assert!(matches!(
            ret(LibraryFn::Cumsum, &[array(Int32, 2), Ty::Value(Type::Scalar(Float64))], &["dtype"]),
            Err(TemplateError::Unsupported(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Nansum, &[array(Int32, 2), Ty::FLOAT64], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
    }

    #[test]
    fn sorts_outer_trace() {
        let readonly = ArrayType { readonly: true, ..ArrayType::new(Float64, 1, Layout::C) };
        assert!(matches!(method(&readonly, "sort", &[], &[]), Some(Err(TemplateError::ReadonlyArray(_)))));
        assert!(method(&readonly, "argsort", &[], &[]).is_some_and(|result| result.is_ok()));
        assert_eq!(ret(LibraryFn::Argsort, &[array(Float32, 2)], &[]).as_deref(), Ok("array(int64, 2d, C)"));
        assert!(matches!(
            ret(LibraryFn::Sort, &[array(Float32, 0)], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert_eq!(
            ret(LibraryFn::Outer, &[array(Int32, 1), array(Int32, 2)], &[]).as_deref(),
            Ok("array(int32, 2d, C)")
        );
        assert_eq!(
            ret(LibraryFn::Outer, &[array(Bool, 1), array(Float32, 1)], &[]).as_deref(),
            Ok("array(float32, 2d, C)")
        );
        assert_eq!(ret(LibraryFn::Trace, &[array(Int8, 2)], &[]).as_deref(), Ok("int64"));
        assert!(matches!(
            ret(LibraryFn::Trace, &[array(Int8, 1)], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Diff, &[array(Int8, 0)], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Diff, &[array(Int8, 1), Ty::INT64], &["axis"]),
            Err(TemplateError::Unsupported(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Sort, &[array(Int8, 1), Ty::INT64], &["bogus"]),
            Err(TemplateError::WrongArguments(_))
        ));
    }

    #[test]
    fn views_matrices_and_sets() {
        let ok = |function, args: &[Ty], keywords: &[&str]| ret(function, args, keywords).unwrap_or_default();
        assert_eq!(ok(LibraryFn::Flip, &[array(Int32, 2)], &[]), "array(int32, 2d, A)");
        assert_eq!(ok(LibraryFn::Atleast3d, &[array(Float64, 1)], &[]), "array(float64, 3d, A)");
        assert_eq!(ok(LibraryFn::Atleast1d, &[array(Float64, 2)], &[]), "array(float64, 2d, C)");
        assert_eq!(ok(LibraryFn::Diag, &[array(Int8, 1)], &[]), "array(int8, 2d, C)");
        assert_eq!(ok(LibraryFn::Diag, &[array(Int8, 2), Ty::INT64], &[]), "array(int8, 1d, C)");
        assert_eq!(ok(LibraryFn::Vander, &[array(Float32, 1)], &[]), "array(float64, 2d, C)");
        assert_eq!(ok(LibraryFn::Percentile, &[array(Float32, 2), Ty::FLOAT64], &[]), "float32");
        assert_eq!(
            ok(LibraryFn::Percentile, &[array(Int32, 1), array(Float64, 2)], &[]),
            "array(float64, 2d, C)"
        );
        assert_eq!(ok(LibraryFn::Angle, &[array(Complex64, 1)], &[]), "array(float32, 1d, C)");
        assert_eq!(ok(LibraryFn::Searchsorted, &[array(Int64, 1), Ty::FLOAT64], &[]), "int64");
        assert_eq!(
            ok(LibraryFn::Histogram, &[array(Int64, 1), Ty::INT64], &[]),
            "Tuple(array(int64, 1d, C), array(float64, 1d, C))"
        );
        assert_eq!(ok(LibraryFn::Cov, &[array(Float64, 1)], &[]), "array(float64, 0d, C)");
        assert_eq!(
            ok(LibraryFn::Union1d, &[array(Int32, 1), array(Float32, 2)], &[]),
            "array(float64, 1d, C)"
        );
        assert!(matches!(
            ret(LibraryFn::Fliplr, &[array(Int32, 1)], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            ret(LibraryFn::Diag, &[array(Int32, 3)], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(ret(LibraryFn::Ptp, &[array(Bool, 1)], &[]), Err(TemplateError::InvalidOperand(_))));
        assert!(matches!(
            ret(LibraryFn::Repeat, &[array(Int32, 1), Ty::FLOAT64], &[]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            ret(LibraryFn::NanToNum, &[array(Float64, 1), Ty::BOOL], &["copy"]),
            Err(TemplateError::Unsupported(_))
        ));
        let readonly =
            Ty::Value(Type::Array(ArrayType { readonly: true, ..ArrayType::new(Float64, 2, Layout::C) }));
        assert!(matches!(
            ret(LibraryFn::FillDiagonal, &[readonly, Ty::FLOAT64], &[]),
            Err(TemplateError::ReadonlyArray(_))
        ));
    }
}
