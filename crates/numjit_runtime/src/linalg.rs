//! Matrix products for `np.dot` and `@`: one entry point, [`numjit_gemm`], for every element
//! kind.
//!
//! Float and complex products run matrixmultiply's blocked, vectorised GEMM kernels (the
//! host's AVX2/FMA or AVX-512 paths are chosen at run time); integer and bool products use
//! a cache-friendly `i-k-j` loop with NumPy's semantics (integers wrap, bool is "any of
//! ands"). Matrix-vector products are GEMMs with `n = 1`. Strides are in elements and may
//! be negative or zero, so transposed and sliced views need no copy.

use std::ops::{Add, Mul};

use matrixmultiply::CGemmOption;
use numjit_abi::ElementKind;

/// One matrix operand: base pointer and element strides.
#[derive(Clone, Copy, Debug)]
struct Operand<T> {
    data: *const T,
    row_stride: isize,
    col_stride: isize,
}

impl<T: Copy> Operand<T> {
    /// # Safety
    /// `(row, col)` is inside the matrix.
    unsafe fn get(&self, row: usize, col: usize) -> T {
        // SAFETY: per the contract, the element exists.
        unsafe { *self.data.offset(row as isize * self.row_stride + col as isize * self.col_stride) }
    }
}

/// `c = a @ b` by the `i-k-j` loop, with `zero`, `add` and `mul` of the element type.
///
/// # Safety
/// The operands describe `m × k`, `k × n` and `m × n` matrices; `c` overlaps neither.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_loop<T: Copy>(
    m: usize,
    k: usize,
    n: usize,
    a: Operand<T>,
    b: Operand<T>,
    c: *mut T,
    rsc: isize,
    csc: isize,
    zero: T,
    add: impl Fn(T, T) -> T,
    mul: impl Fn(T, T) -> T,
) {
    let at = |row: usize, col: usize| row as isize * rsc + col as isize * csc;
    for row in 0..m {
        for col in 0..n {
            // SAFETY: inside c.
            unsafe { *c.offset(at(row, col)) = zero };
        }
        for inner in 0..k {
            // SAFETY: inside a.
            let left = unsafe { a.get(row, inner) };
            for col in 0..n {
                // SAFETY: inside b and c.
                unsafe {
                    let slot = c.offset(at(row, col));
                    *slot = add(*slot, mul(left, b.get(inner, col)));
                }
            }
        }
    }
}

/// # Safety
/// As [`gemm_loop`].
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_wrapping<T: Copy + Default>(
    m: usize,
    k: usize,
    n: usize,
    a: *const u8,
    (rsa, csa): (isize, isize),
    b: *const u8,
    (rsb, csb): (isize, isize),
    c: *mut u8,
    (rsc, csc): (isize, isize),
    add: impl Fn(T, T) -> T,
    mul: impl Fn(T, T) -> T,
) {
    let a = Operand { data: a.cast::<T>(), row_stride: rsa, col_stride: csa };
    let b = Operand { data: b.cast::<T>(), row_stride: rsb, col_stride: csb };
    // SAFETY: per the contract.
    unsafe { gemm_loop(m, k, n, a, b, c.cast::<T>(), rsc, csc, T::default(), add, mul) }
}

macro_rules! wrapping_int {
    ($ty:ty, $m:expr, $k:expr, $n:expr, $a:expr, $sa:expr, $b:expr, $sb:expr, $c:expr, $sc:expr) => {
        // Expanded inside numjit_gemm's `unsafe` block (per its contract).
        gemm_wrapping::<$ty>($m, $k, $n, $a, $sa, $b, $sb, $c, $sc, <$ty>::wrapping_add, <$ty>::wrapping_mul)
    };
}

/// Zeroes an `m × n` matrix of `T` (for `k == 0`, where the product is all zeros).
///
/// # Safety
/// `c` describes a writable `m × n` matrix.
unsafe fn zero_fill<T: Copy + Default>(m: usize, n: usize, c: *mut T, rsc: isize, csc: isize) {
    for row in 0..m {
        for col in 0..n {
            // SAFETY: per the contract.
            unsafe { *c.offset(row as isize * rsc + col as isize * csc) = T::default() };
        }
    }
}

fn float_gemm_args<T>(a: *const u8, b: *const u8, c: *mut u8) -> (*const T, *const T, *mut T) {
    (a.cast::<T>(), b.cast::<T>(), c.cast::<T>())
}

/// `numjit_gemm`: see `numjit_abi::entry::GEMM`. An unknown kind or a negative size does
/// nothing (codegen never passes one).
///
/// # Safety
/// The pointers and strides describe `m × k`, `k × n` and `m × n` matrices of the kind;
/// `c` is writable and overlaps neither `a` nor `b`.
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn numjit_gemm(
    kind: u32,
    m: i64,
    k: i64,
    n: i64,
    a: *mut u8,
    rsa: i64,
    csa: i64,
    b: *mut u8,
    rsb: i64,
    csb: i64,
    c: *mut u8,
    rsc: i64,
    csc: i64,
) {
    let (Ok(m), Ok(k), Ok(n)) = (usize::try_from(m), usize::try_from(k), usize::try_from(n)) else { return };
    let Some(kind) = ElementKind::from_code(kind) else { return };
    let (rsa, csa, rsb, csb, rsc, csc) =
        (rsa as isize, csa as isize, rsb as isize, csb as isize, rsc as isize, csc as isize);
    let a = a.cast_const();
    let b = b.cast_const();
    if m == 0 || n == 0 {
        return;
    }
    // SAFETY (every arm): per the contract.
    unsafe {
        match kind {
            ElementKind::Float64 if k == 0 => zero_fill::<f64>(m, n, c.cast(), rsc, csc),
            ElementKind::Float32 if k == 0 => zero_fill::<f32>(m, n, c.cast(), rsc, csc),
            ElementKind::Complex128 if k == 0 => zero_fill::<[f64; 2]>(m, n, c.cast(), rsc, csc),
            ElementKind::Complex64 if k == 0 => zero_fill::<[f32; 2]>(m, n, c.cast(), rsc, csc),
            ElementKind::Float64 => {
                let (a, b, c) = float_gemm_args::<f64>(a, b, c);
                matrixmultiply::dgemm(m, k, n, 1.0, a, rsa, csa, b, rsb, csb, 0.0, c, rsc, csc);
            }
            ElementKind::Float32 => {
                let (a, b, c) = float_gemm_args::<f32>(a, b, c);
                matrixmultiply::sgemm(m, k, n, 1.0, a, rsa, csa, b, rsb, csb, 0.0, c, rsc, csc);
            }
            ElementKind::Complex128 => {
                let (a, b, c) = float_gemm_args::<[f64; 2]>(a, b, c);
                let standard = CGemmOption::Standard;
                #[rustfmt::skip]
                matrixmultiply::zgemm(
                    standard, standard, m, k, n, [1.0, 0.0],
                    a, rsa, csa, b, rsb, csb, [0.0, 0.0], c, rsc, csc,
                );
            }
            ElementKind::Complex64 => {
                let (a, b, c) = float_gemm_args::<[f32; 2]>(a, b, c);
                let standard = CGemmOption::Standard;
                #[rustfmt::skip]
                matrixmultiply::cgemm(
                    standard, standard, m, k, n, [1.0, 0.0],
                    a, rsa, csa, b, rsb, csb, [0.0, 0.0], c, rsc, csc,
                );
            }
            ElementKind::Bool => gemm_wrapping::<u8>(
                m,
                k,
                n,
                a,
                (rsa, csa),
                b,
                (rsb, csb),
                c,
                (rsc, csc),
                |x, y| x | y,
                |x, y| x & y,
            ),
            ElementKind::Int8 => wrapping_int!(i8, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::Int16 => wrapping_int!(i16, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::Int32 => wrapping_int!(i32, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::Int64 => wrapping_int!(i64, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::UInt8 => wrapping_int!(u8, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::UInt16 => wrapping_int!(u16, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::UInt32 => wrapping_int!(u32, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
            ElementKind::UInt64 => wrapping_int!(u64, m, k, n, a, (rsa, csa), b, (rsb, csb), c, (rsc, csc)),
        }
    }
}

/// A reference product for tests: `c[i][j] = Σ a[i][l] * b[l][j]` over row-major slices.
pub fn reference_matmul<T: Copy + Default + Add<Output = T> + Mul<Output = T>>(
    a: &[T],
    b: &[T],
    m: usize,
    k: usize,
    n: usize,
) -> Vec<T> {
    let mut c = vec![T::default(); m * n];
    for row in 0..m {
        for col in 0..n {
            let mut acc = T::default();
            for inner in 0..k {
                acc = acc + a[row * k + inner] * b[inner * n + col];
            }
            c[row * n + col] = acc;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gemm<T: Copy + Default>(kind: ElementKind, a: &[T], b: &[T], m: usize, k: usize, n: usize) -> Vec<T> {
        let mut c = vec![T::default(); m * n];
        // SAFETY: row-major matrices of the given sizes.
        unsafe {
            numjit_gemm(
                kind.code(),
                m as i64,
                k as i64,
                n as i64,
                a.as_ptr().cast_mut().cast(),
                k as i64,
                1,
                b.as_ptr().cast_mut().cast(),
                n as i64,
                1,
                c.as_mut_ptr().cast(),
                n as i64,
                1,
            );
        }
        c
    }

    #[test]
    fn float_products_match_the_reference() {
        for (m, k, n) in [(1, 1, 1), (3, 4, 5), (17, 9, 33), (64, 64, 64), (5, 0, 3), (1, 70, 1)] {
            let a: Vec<f64> = (0..m * k).map(|v| (v as f64 * 0.37).sin()).collect();
            let b: Vec<f64> = (0..k * n).map(|v| (v as f64 * 0.11).cos()).collect();
            let got = gemm(ElementKind::Float64, &a, &b, m, k, n);
            let want = reference_matmul(&a, &b, m, k, n);
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() <= 1e-12 * (1.0 + w.abs()), "{m}x{k}x{n}: {g} vs {w}");
            }
            let a32: Vec<f32> = a.iter().map(|v| *v as f32).collect();
            let b32: Vec<f32> = b.iter().map(|v| *v as f32).collect();
            let got = gemm(ElementKind::Float32, &a32, &b32, m, k, n);
            let want = reference_matmul(&a32, &b32, m, k, n);
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() <= 1e-4 * (1.0 + w.abs()), "{m}x{k}x{n}: {g} vs {w}");
            }
        }
    }

    #[test]
    fn integer_products_wrap_and_strided_operands_work() {
        let a = [i64::MAX, 2, 3, 4];
        let b = [2i64, 0, 0, 1];
        assert_eq!(gemm(ElementKind::Int64, &a, &b, 2, 2, 2), vec![i64::MAX.wrapping_mul(2), 2, 6, 4]);
        // a transposed: read a (2x3, row-major) as 3x2 with swapped strides.
        let a = [1i32, 2, 3, 4, 5, 6];
        let b = [1i32, 1];
        let mut c = [0i32; 3];
        // SAFETY: a 3x2 view (strides 1, 3) of a, a 2x1 b, a 3x1 c.
        unsafe {
            numjit_gemm(
                ElementKind::Int32.code(),
                3,
                2,
                1,
                a.as_ptr().cast_mut().cast(),
                1,
                3,
                b.as_ptr().cast_mut().cast(),
                1,
                1,
                c.as_mut_ptr().cast(),
                1,
                1,
            );
        }
        assert_eq!(c, [5, 7, 9]);
        let truth = [1u8, 0, 1, 1];
        assert_eq!(gemm(ElementKind::Bool, &truth, &[0u8, 1, 0, 0], 2, 2, 2), vec![0, 1, 0, 1]);
    }

    #[test]
    fn complex_products() {
        // (1+2j) * (3-1j) = 5+5j
        let got = gemm(ElementKind::Complex128, &[[1.0f64, 2.0]], &[[3.0, -1.0]], 1, 1, 1);
        assert_eq!(got, vec![[5.0, 5.0]]);
        let got = gemm(ElementKind::Complex64, &[[1.0f32, 2.0]], &[[3.0, -1.0]], 1, 1, 1);
        assert_eq!(got, vec![[5.0, 5.0]]);
        let got = gemm(ElementKind::Complex128, &[[1.0f64, 2.0]; 0], &[[3.0, -1.0]; 0], 2, 0, 2);
        assert_eq!(got, vec![[0.0, 0.0]; 4]);
    }
}
