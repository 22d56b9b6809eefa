//! Every runtime entry point generated code may call: its symbol name and C signature,
//! written once.
//!
//! `numjit_llvm` declares each entry from its [`EntryPoint`] descriptor (names and
//! [`AbiType`]s); `numjit_runtime` defines each as an `extern "C" fn` and checks it against
//! the matching `*Fn` type alias generated here, so a signature that drifts on either side
//! fails to compile (runtime) or is caught by the runtime's symbol-table test.

use crate::{ExceptionRecord, FormatArg};

/// A C type in a runtime signature, as codegen declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbiType {
    /// No value (return type only).
    Void,
    /// 8-bit integer (also `bool` as 0/1).
    I8,
    /// 32-bit integer.
    I32,
    /// 64-bit integer (also `usize`/`isize` on 64-bit targets).
    I64,
    /// IEEE single.
    F32,
    /// IEEE double.
    F64,
    /// Any pointer.
    Ptr,
}

/// A runtime function: symbol name, parameter types, return type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryPoint {
    /// The symbol name (`numjit_raise`).
    pub name: &'static str,
    /// Parameter names, for documentation and generated IR value names.
    pub param_names: &'static [&'static str],
    /// Parameter types.
    pub params: &'static [AbiType],
    /// Return type.
    pub ret: AbiType,
}

macro_rules! abi_type {
    (void) => {
        AbiType::Void
    };
    (bool) => {
        AbiType::I8
    };
    (u32) => {
        AbiType::I32
    };
    (i32) => {
        AbiType::I32
    };
    (i64) => {
        AbiType::I64
    };
    (u64) => {
        AbiType::I64
    };
    (usize) => {
        AbiType::I64
    };
    (f32) => {
        AbiType::F32
    };
    (f64) => {
        AbiType::F64
    };
    (exc) => {
        AbiType::Ptr
    };
    (bytes) => {
        AbiType::Ptr
    };
    (fmt_args) => {
        AbiType::Ptr
    };
    (f64_out) => {
        AbiType::Ptr
    };
    (meminfo) => {
        AbiType::Ptr
    };
    (i64_in) => {
        AbiType::Ptr
    };
    (elements) => {
        AbiType::Ptr
    };
}

macro_rules! rust_type {
    (void) => { () };
    (bool) => { u8 };
    (u32) => { u32 };
    (i32) => { i32 };
    (i64) => { i64 };
    (u64) => { u64 };
    (usize) => { usize };
    (f32) => { f32 };
    (f64) => { f64 };
    (exc) => { *mut ExceptionRecord };
    (bytes) => { *const u8 };
    (fmt_args) => { *const FormatArg };
    (f64_out) => { *mut f64 };
    (meminfo) => { *mut crate::MemInfo };
    (i64_in) => { *const i64 };
    (elements) => { *mut u8 };
}

macro_rules! entry_points {
    ($(
        $(#[doc = $doc:literal])*
        $constant:ident, $alias:ident = $name:literal ( $($param:ident : $ty:tt),* ) -> $ret:tt;
    )*) => {
        $(
            $(#[doc = $doc])*
            pub const $constant: EntryPoint = EntryPoint {
                name: $name,
                param_names: &[$(stringify!($param)),*],
                params: &[$(abi_type!($ty)),*],
                ret: abi_type!($ret),
            };

            #[doc = concat!("The Rust type of `", $name, "`.")]
            pub type $alias = unsafe extern "C" fn($(rust_type!($ty)),*) -> rust_type!($ret);
        )*

        /// Every entry point, in declaration order.
        pub const ALL: &[EntryPoint] = &[$($constant),*];
    };
}

entry_points! {
    /// Sets the exception (class id, message copied from `message[..len]`, UTF-8) in `exc`,
    /// freeing any message it held; returns `STATUS_EXCEPTION` so codegen can return it.
    RAISE, RaiseFn = "numjit_raise"(exc: exc, class: u32, message: bytes, len: usize) -> i32;
    /// Like `numjit_raise` with a message formatted at run time: every `{}` in the template
    /// is replaced by the next of the `n_args` arguments (`FormatArg`).
    RAISE_FMT, RaiseFmtFn = "numjit_raise_fmt"(
        exc: exc, class: u32, template: bytes, len: usize, args: fmt_args, n_args: usize
    ) -> i32;
    /// Clears `exc` (frees its message); used by `try/except` in compiled code.
    EXCEPTION_CLEAR, ExceptionClearFn = "numjit_exception_clear"(exc: exc) -> void;
    /// Enters a frame of a recursive function: returns 0, or raises RecursionError into
    /// `exc` and returns `STATUS_EXCEPTION` when the thread's depth limit is reached or the
    /// stack is nearly exhausted. Each 0 result must be paired with `numjit_leave_frame`.
    ENTER_FRAME, EnterFrameFn = "numjit_enter_frame"(exc: exc) -> i32;
    /// Leaves a frame entered with `numjit_enter_frame`.
    LEAVE_FRAME, LeaveFrameFn = "numjit_leave_frame"() -> void;

    /// A new refcounted block of `size` uninitialised bytes (refcount 1, data aligned to 64
    /// bytes), or null when memory is exhausted.
    MEMINFO_ALLOC, MemInfoAllocFn = "numjit_meminfo_alloc"(size: usize) -> meminfo;
    /// Like `numjit_meminfo_alloc` with the data zeroed.
    MEMINFO_ALLOC_ZEROED, MemInfoAllocZeroedFn = "numjit_meminfo_alloc_zeroed"(size: usize) -> meminfo;
    /// The block of a new array with `ndim` extents `dims[..ndim]` and `itemsize`-byte
    /// elements (zeroed when `zeroed` is 1). On a negative extent (ValueError), a size that
    /// overflows (ValueError) or exhausted memory (MemoryError) it sets the exception in
    /// `exc` and returns null.
    ARRAY_ALLOC, ArrayAllocFn = "numjit_array_alloc"(
        exc: exc, dims: i64_in, ndim: i64, itemsize: i64, zeroed: bool
    ) -> meminfo;
    /// Adds an owner to a block; null (borrowed memory) is ignored.
    MEMINFO_INCREF, MemInfoIncrefFn = "numjit_meminfo_incref"(meminfo: meminfo) -> void;
    /// Drops an owner, destroying the block with the last one; null is ignored.
    MEMINFO_DECREF, MemInfoDecrefFn = "numjit_meminfo_decref"(meminfo: meminfo) -> void;

    /// `c = a @ b` for an `m × k` matrix `a` and a `k × n` matrix `b` of one element kind
    /// (`ElementKind` code; integers wrap, bool is logical or of ands), strides in elements
    /// (any sign). `c` (`m × n`) may not overlap `a` or `b`; it is overwritten.
    GEMM, GemmFn = "numjit_gemm"(
        kind: u32, m: i64, k: i64, n: i64,
        a: elements, rsa: i64, csa: i64,
        b: elements, rsb: i64, csb: i64,
        c: elements, rsc: i64, csc: i64
    ) -> void;

    /// `print` piece: a signed integer.
    PRINT_I64, PrintI64Fn = "numjit_print_i64"(value: i64) -> void;
    /// `print` piece: an unsigned integer.
    PRINT_U64, PrintU64Fn = "numjit_print_u64"(value: u64) -> void;
    /// `print` piece: a float64, formatted like Python's `repr`.
    PRINT_F64, PrintF64Fn = "numjit_print_f64"(value: f64) -> void;
    /// `print` piece: a float32, formatted like NumPy's `repr` of `np.float32`.
    PRINT_F32, PrintF32Fn = "numjit_print_f32"(value: f32) -> void;
    /// `print` piece: a complex128 (`(1+2j)`).
    PRINT_C128, PrintC128Fn = "numjit_print_c128"(re: f64, im: f64) -> void;
    /// `print` piece: a complex64, with float32 digits.
    PRINT_C64, PrintC64Fn = "numjit_print_c64"(re: f32, im: f32) -> void;
    /// `print` piece: a bool (0/1) as `True`/`False`.
    PRINT_BOOL, PrintBoolFn = "numjit_print_bool"(value: bool) -> void;
    /// `print` piece: `None`.
    PRINT_NONE, PrintNoneFn = "numjit_print_none"() -> void;
    /// `print` piece: a UTF-8 string.
    PRINT_STR, PrintStrFn = "numjit_print_str"(data: bytes, len: usize) -> void;
    /// `print` piece: an array of element kind `kind` (`ElementKind` code) with `ndim`
    /// extents and byte strides, as NumPy's `str` (`repr` when `repr` is 1, for arrays
    /// inside tuples).
    PRINT_ARRAY, PrintArrayFn = "numjit_print_array"(
        kind: u32, data: elements, ndim: i64, shape: i64_in, strides: i64_in, repr: bool
    ) -> void;
    /// `print` separator (one space).
    PRINT_SEP, PrintSepFn = "numjit_print_sep"() -> void;
    /// Ends a `print` line: appends a newline and writes the line out at once.
    PRINT_END, PrintEndFn = "numjit_print_end"() -> void;

    /// `math.gamma`, with CPython's algorithm; NaN at poles and for -inf, inf on overflow.
    GAMMA, GammaFn = "numjit_gamma"(x: f64) -> f64;
    /// `math.lgamma`, with CPython's algorithm; NaN at poles, inf on overflow.
    LGAMMA, LgammaFn = "numjit_lgamma"(x: f64) -> f64;
    /// `math.erf`.
    ERF, ErfFn = "numjit_erf"(x: f64) -> f64;
    /// `math.erfc`.
    ERFC, ErfcFn = "numjit_erfc"(x: f64) -> f64;
    /// `round(x, ndigits)` for floats, correctly rounded half-to-even like CPython.
    ROUND_NDIGITS, RoundNdigitsFn = "numjit_round_ndigits"(x: f64, ndigits: i64) -> f64;
    /// `math.gcd` of two int64 (non-negative result, wrapping for `gcd(MIN, 0)` like Numba).
    GCD_I64, GcdI64Fn = "numjit_gcd_i64"(a: i64, b: i64) -> i64;
    /// `a ** b` for int64 with wrapping multiplication (Numba's semantics). For `b < 0` the
    /// result is `1`, `±1` or `0` as Numba computes; the caller checks `a == 0, b < 0`
    /// (ZeroDivisionError) before calling.
    POW_I64, PowI64Fn = "numjit_pow_i64"(base: i64, exponent: i64) -> i64;
    /// `a ** b` for uint64 with wrapping multiplication.
    POW_U64, PowU64Fn = "numjit_pow_u64"(base: u64, exponent: u64) -> u64;
    /// `z ** w` for complex128 as CPython computes it (repeated multiplication for small
    /// integral real exponents, polar form otherwise); writes `[re, im]` to `out`. The
    /// caller checks `0 ** w` with a negative or complex `w` (ZeroDivisionError) first.
    CPOW, CpowFn = "numjit_cpow"(z_re: f64, z_im: f64, w_re: f64, w_im: f64, out: f64_out) -> void;
    /// `cmath.sqrt` of a complex128 `z_re + z_im j`, with CPython's algorithm, branch cuts and
    /// special values; writes `[re, im]` to `out`.
    CSQRT, CSqrtFn = "numjit_csqrt"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.exp` of a complex128, like `numjit_csqrt`.
    CEXP, CExpFn = "numjit_cexp"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.log` of a complex128, like `numjit_csqrt`.
    CLOG, CLogFn = "numjit_clog"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.log10` of a complex128, like `numjit_csqrt`.
    CLOG10, CLog10Fn = "numjit_clog10"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.sin` of a complex128, like `numjit_csqrt`.
    CSIN, CSinFn = "numjit_csin"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.cos` of a complex128, like `numjit_csqrt`.
    CCOS, CCosFn = "numjit_ccos"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.tan` of a complex128, like `numjit_csqrt`.
    CTAN, CTanFn = "numjit_ctan"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.asin` of a complex128, like `numjit_csqrt`.
    CASIN, CAsinFn = "numjit_casin"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.acos` of a complex128, like `numjit_csqrt`.
    CACOS, CAcosFn = "numjit_cacos"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.atan` of a complex128, like `numjit_csqrt`.
    CATAN, CAtanFn = "numjit_catan"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.sinh` of a complex128, like `numjit_csqrt`.
    CSINH, CSinhFn = "numjit_csinh"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.cosh` of a complex128, like `numjit_csqrt`.
    CCOSH, CCoshFn = "numjit_ccosh"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.tanh` of a complex128, like `numjit_csqrt`.
    CTANH, CTanhFn = "numjit_ctanh"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.asinh` of a complex128, like `numjit_csqrt`.
    CASINH, CAsinhFn = "numjit_casinh"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.acosh` of a complex128, like `numjit_csqrt`.
    CACOSH, CAcoshFn = "numjit_cacosh"(z_re: f64, z_im: f64, out: f64_out) -> void;
    /// `cmath.atanh` of a complex128, like `numjit_csqrt`.
    CATANH, CAtanhFn = "numjit_catanh"(z_re: f64, z_im: f64, out: f64_out) -> void;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_prefixed() {
        let mut names: Vec<&str> = ALL.iter().map(|entry| entry.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        assert!(ALL.iter().all(|entry| entry.name.starts_with("numjit_")));
        assert!(ALL.iter().all(|entry| entry.params.len() == entry.param_names.len()));
    }

    #[test]
    fn raise_signature() {
        assert_eq!(RAISE.params, &[AbiType::Ptr, AbiType::I32, AbiType::Ptr, AbiType::I64]);
        assert_eq!(RAISE.ret, AbiType::I32);
        assert_eq!(LEAVE_FRAME.params, &[]);
    }
}
