//! numjit's runtime: the `extern "C"` functions generated code calls, defined against the
//! signatures in [`numjit_abi::entry`].
//!
//! - [`exception`]: raising with constant or formatted messages, clearing, consuming
//!   ([`exception::take`]); every message the runtime allocates is freed by it.
//! - [`print`]: `print` pieces formatted like Python, one line written at a time.
//! - [`recursion`]: the per-thread depth limit that turns runaway recursion into
//!   RecursionError.
//! - [`memory`]: refcounted blocks ([`numjit_abi::MemInfo`]) for arrays, with counters that
//!   prove nothing leaks.
//! - [`linalg`]: matrix products (`np.dot`, `@`) on matrixmultiply's GEMM kernels.
//! - [`math`]: helpers with CPython's semantics (`gamma`, `lgamma`, `round(x, n)`, integer
//!   power, `gcd`).
//! - [`complex`]: complex arithmetic with CPython's algorithms (`z ** w`).
//! - [`cmath`]: the `cmath` functions on complex numbers with CPython's special values.
//! - [`float_repr`]: Python's `repr` of floats and complex numbers ([`repr_f64`]), also used
//!   by the CLI to print results.
//! - [`array_format`]: NumPy's `str` and `repr` of arrays ([`array_str`], [`array_repr`]) with
//!   NumPy 2.x's default print options, for `print(arr)` and for showing results.
//!
//! [`symbols`] lists every entry point with its address; the JIT resolves the runtime
//! functions generated code declares from that table.
//!
//! **Architecture Invariant:** this crate depends on no compiler crate; it meets generated
//! code only through `numjit_abi`.

pub mod array_format;
pub mod cmath;
pub mod complex;
pub mod exception;
pub mod float_repr;
pub mod linalg;
pub mod math;
pub mod memory;
pub mod print;
pub mod recursion;

pub use array_format::{ArrayView, Dtype, array_repr, array_str};
pub use exception::RaisedException;
pub use float_repr::{repr_complex, repr_f32, repr_f64};

use numjit_abi::entry;

/// Checks a definition against its `numjit_abi::entry` signature and pairs it with its name.
macro_rules! symbol {
    ($entry:ident, $alias:ident, $function:path) => {{
        let function: entry::$alias = $function;
        (entry::$entry.name, function as *const u8)
    }};
}

/// Every runtime entry point generated code may call: its symbol name and address.
///
/// The facade hands this table to the JIT engine, which resolves the declarations
/// `numjit_llvm` emits from [`numjit_abi::entry::ALL`] against it.
pub fn symbols() -> Vec<(&'static str, *const u8)> {
    vec![
        symbol!(RAISE, RaiseFn, exception::numjit_raise),
        symbol!(RAISE_FMT, RaiseFmtFn, exception::numjit_raise_fmt),
        symbol!(EXCEPTION_CLEAR, ExceptionClearFn, exception::numjit_exception_clear),
        symbol!(ENTER_FRAME, EnterFrameFn, recursion::numjit_enter_frame),
        symbol!(LEAVE_FRAME, LeaveFrameFn, recursion::numjit_leave_frame),
        symbol!(MEMINFO_ALLOC, MemInfoAllocFn, memory::numjit_meminfo_alloc),
        symbol!(MEMINFO_ALLOC_ZEROED, MemInfoAllocZeroedFn, memory::numjit_meminfo_alloc_zeroed),
        symbol!(ARRAY_ALLOC, ArrayAllocFn, memory::numjit_array_alloc),
        symbol!(MEMINFO_INCREF, MemInfoIncrefFn, memory::numjit_meminfo_incref),
        symbol!(MEMINFO_DECREF, MemInfoDecrefFn, memory::numjit_meminfo_decref),
        symbol!(GEMM, GemmFn, linalg::numjit_gemm),
        symbol!(PRINT_I64, PrintI64Fn, print::numjit_print_i64),
        symbol!(PRINT_U64, PrintU64Fn, print::numjit_print_u64),
        symbol!(PRINT_F64, PrintF64Fn, print::numjit_print_f64),
        symbol!(PRINT_F32, PrintF32Fn, print::numjit_print_f32),
        symbol!(PRINT_C128, PrintC128Fn, print::numjit_print_c128),
        symbol!(PRINT_C64, PrintC64Fn, print::numjit_print_c64),
        symbol!(PRINT_BOOL, PrintBoolFn, print::numjit_print_bool),
        symbol!(PRINT_NONE, PrintNoneFn, print::numjit_print_none),
        symbol!(PRINT_STR, PrintStrFn, print::numjit_print_str),
        symbol!(PRINT_ARRAY, PrintArrayFn, print::numjit_print_array),
        symbol!(PRINT_SEP, PrintSepFn, print::numjit_print_sep),
        symbol!(PRINT_END, PrintEndFn, print::numjit_print_end),
        symbol!(GAMMA, GammaFn, math::numjit_gamma),
        symbol!(LGAMMA, LgammaFn, math::numjit_lgamma),
        symbol!(ERF, ErfFn, math::numjit_erf),
        symbol!(ERFC, ErfcFn, math::numjit_erfc),
        symbol!(ROUND_NDIGITS, RoundNdigitsFn, math::numjit_round_ndigits),
        symbol!(GCD_I64, GcdI64Fn, math::numjit_gcd_i64),
        symbol!(POW_I64, PowI64Fn, math::numjit_pow_i64),
        symbol!(POW_U64, PowU64Fn, math::numjit_pow_u64),
        symbol!(CPOW, CpowFn, complex::numjit_cpow),
        symbol!(CSQRT, CSqrtFn, cmath::numjit_csqrt),
        symbol!(CEXP, CExpFn, cmath::numjit_cexp),
        symbol!(CLOG, CLogFn, cmath::numjit_clog),
        symbol!(CLOG10, CLog10Fn, cmath::numjit_clog10),
        symbol!(CSIN, CSinFn, cmath::numjit_csin),
        symbol!(CCOS, CCosFn, cmath::numjit_ccos),
        symbol!(CTAN, CTanFn, cmath::numjit_ctan),
        symbol!(CASIN, CAsinFn, cmath::numjit_casin),
        symbol!(CACOS, CAcosFn, cmath::numjit_cacos),
        symbol!(CATAN, CAtanFn, cmath::numjit_catan),
        symbol!(CSINH, CSinhFn, cmath::numjit_csinh),
        symbol!(CCOSH, CCoshFn, cmath::numjit_ccosh),
        symbol!(CTANH, CTanhFn, cmath::numjit_ctanh),
        symbol!(CASINH, CAsinhFn, cmath::numjit_casinh),
        symbol!(CACOSH, CAcoshFn, cmath::numjit_cacosh),
        symbol!(CATANH, CAtanhFn, cmath::numjit_catanh),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_cover_every_entry_point_once() {
        let table = symbols();
        let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
        let expected: Vec<&str> = entry::ALL.iter().map(|entry| entry.name).collect();
        assert_eq!(names, expected, "symbols() must list numjit_abi::entry::ALL in order");
        assert!(table.iter().all(|(_, address)| !address.is_null()));
    }
}
