//! The NumPy library functions over arrays beyond ufuncs, creation and plain reductions:
//! `np.where`, `np.clip`, `np.cumsum`/`cumprod`, `np.diff`, the NaN-ignoring reductions,
//! `np.median`, `np.sort`/`argsort`, `np.outer`, `np.trace` — as functions and, where NumPy
//! has them, as array methods (`a.cumsum()`, `a.sort()`).
//!
//! [`call`] types `np.NAME(...)`, [`method`] types `a.NAME(...)`; lowering is in
//! `numjit_lower`'s `library.rs`.

use numjit_types::ArrayType;

use super::{Resolved, TemplateError};
use crate::ty::Ty;

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
}

impl LibraryFn {
    /// Every function with its name in the `numpy` module.
    pub const ALL: [(LibraryFn, &'static str); 15] = [
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
    ];

    /// The function `np.NAME`.
    pub fn from_name(name: &str) -> Option<LibraryFn> {
        LibraryFn::ALL.iter().find(|(_, entry)| *entry == name).map(|(function, _)| *function)
    }

    /// The name in the `numpy` module.
    pub fn name(self) -> &'static str {
        LibraryFn::ALL.iter().find(|(function, _)| *function == self).map_or("where", |(_, name)| name)
    }
}

/// Types `np.NAME(args)`; `keywords` names the trailing arguments.
pub fn call(function: LibraryFn, args: &[Ty], keywords: &[&str]) -> Result<Resolved, TemplateError> {
    let _ = (args, keywords);
    Err(TemplateError::Unsupported(format!("numpy.{}() is not supported yet", function.name())))
}

/// Types the array method `a.NAME(args)`, if it is a library method.
pub fn method(
    array: &ArrayType,
    name: &str,
    args: &[Ty],
    keywords: &[&str],
) -> Option<Result<Resolved, TemplateError>> {
    let _ = (array, args, keywords);
    let function = match name {
        "cumsum" => LibraryFn::Cumsum,
        "cumprod" => LibraryFn::Cumprod,
        "sort" => LibraryFn::Sort,
        "argsort" => LibraryFn::Argsort,
        "clip" => LibraryFn::Clip,
        "trace" => LibraryFn::Trace,
        _ => return None,
    };
    Some(Err(TemplateError::Unsupported(format!(
        "the array method {}() is not supported yet",
        function.name()
    ))))
}
