//! `print(...)` in compiled code: generated code appends pieces to a per-thread line buffer
//! (`numjit_print_i64`, `numjit_print_sep`, …) and `numjit_print_end` writes the whole line
//! at once, so lines printed by concurrent threads never interleave.
//!
//! Tests capture the lines of one thread with [`capture_output`].

use std::cell::RefCell;
use std::io::Write;

use crate::float_repr::{repr_complex, repr_complex64, repr_f32, repr_f64};

thread_local! {
    static LINE: RefCell<String> = const { RefCell::new(String::new()) };
    static CAPTURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn push(piece: &str) {
    LINE.with(|line| line.borrow_mut().push_str(piece));
}

/// Runs `body` with this thread's printed lines collected instead of written to stdout;
/// returns its result and the text printed.
pub fn capture_output<R>(body: impl FnOnce() -> R) -> (R, String) {
    let previous = CAPTURE.with(|capture| capture.borrow_mut().replace(String::new()));
    let result = body();
    let captured = CAPTURE.with(|capture| std::mem::replace(&mut *capture.borrow_mut(), previous));
    (result, captured.unwrap_or_default())
}

/// `numjit_print_i64`.
pub extern "C" fn numjit_print_i64(value: i64) {
    push(&value.to_string());
}

/// `numjit_print_u64`.
pub extern "C" fn numjit_print_u64(value: u64) {
    push(&value.to_string());
}

/// `numjit_print_f64`.
pub extern "C" fn numjit_print_f64(value: f64) {
    push(&repr_f64(value));
}

/// `numjit_print_f32`.
pub extern "C" fn numjit_print_f32(value: f32) {
    push(&repr_f32(value));
}

/// `numjit_print_c128`.
pub extern "C" fn numjit_print_c128(re: f64, im: f64) {
    push(&repr_complex(re, im));
}

/// `numjit_print_c64`.
pub extern "C" fn numjit_print_c64(re: f32, im: f32) {
    push(&repr_complex64(re, im));
}

/// `numjit_print_bool`.
pub extern "C" fn numjit_print_bool(value: u8) {
    push(if value != 0 { "True" } else { "False" });
}

/// `numjit_print_none`.
pub extern "C" fn numjit_print_none() {
    push("None");
}

/// `numjit_print_str`.
///
/// # Safety
/// `data` must point to `len` readable bytes of UTF-8 (or be null with `len == 0`).
pub unsafe extern "C" fn numjit_print_str(data: *const u8, len: usize) {
    if data.is_null() || len == 0 {
        return;
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    push(&String::from_utf8_lossy(bytes));
}

/// `numjit_print_array`: NumPy's `str` of an array (`repr` when `repr` is nonzero).
///
/// # Safety
/// `data`, `shape[..ndim]` and `strides[..ndim]` describe live elements of the kind, as
/// the array struct of compiled code does.
pub unsafe extern "C" fn numjit_print_array(
    kind: u32,
    data: *mut u8,
    ndim: i64,
    shape: *const i64,
    strides: *const i64,
    repr: u8,
) {
    use crate::array_format::{ArrayView, Dtype, array_repr, array_str};
    use numjit_abi::ElementKind;
    let dtype = match ElementKind::from_code(kind) {
        Some(ElementKind::Bool) => Dtype::Bool,
        Some(ElementKind::Int8) => Dtype::Int8,
        Some(ElementKind::Int16) => Dtype::Int16,
        Some(ElementKind::Int32) => Dtype::Int32,
        Some(ElementKind::Int64) => Dtype::Int64,
        Some(ElementKind::UInt8) => Dtype::UInt8,
        Some(ElementKind::UInt16) => Dtype::UInt16,
        Some(ElementKind::UInt32) => Dtype::UInt32,
        Some(ElementKind::UInt64) => Dtype::UInt64,
        Some(ElementKind::Float32) => Dtype::Float32,
        Some(ElementKind::Float64) => Dtype::Float64,
        Some(ElementKind::Complex64) => Dtype::Complex64,
        Some(ElementKind::Complex128) => Dtype::Complex128,
        None => return push("<array>"),
    };
    let ndim = usize::try_from(ndim).unwrap_or(0);
    let (shape, strides) = if ndim == 0 {
        (Vec::new(), Vec::new())
    } else {
        // SAFETY: guaranteed by the caller.
        let (shape, strides) =
            unsafe { (std::slice::from_raw_parts(shape, ndim), std::slice::from_raw_parts(strides, ndim)) };
        (
            shape.iter().map(|extent| usize::try_from(*extent).unwrap_or(0)).collect::<Vec<_>>(),
            strides.iter().map(|stride| *stride as isize).collect::<Vec<_>>(),
        )
    };
    // SAFETY: guaranteed by the caller.
    match unsafe { ArrayView::from_raw_parts(dtype, data, &shape, &strides) } {
        Ok(view) => push(&if repr != 0 { array_repr(&view) } else { array_str(&view) }),
        Err(error) => push(&format!("<array: {error}>")),
    }
}

/// `numjit_print_sep`.
pub extern "C" fn numjit_print_sep() {
    push(" ");
}

/// `numjit_print_end`.
pub extern "C" fn numjit_print_end() {
    let mut line = LINE.with(|line| std::mem::take(&mut *line.borrow_mut()));
    line.push('\n');
    let captured = CAPTURE.with(|capture| match capture.borrow_mut().as_mut() {
        Some(buffer) => {
            buffer.push_str(&line);
            true
        }
        None => false,
    });
    if !captured {
        let mut stdout = std::io::stdout().lock();
        // A closed stdout is not the compiled function's failure; Python would raise, but
        // print has no status to report it through.
        let _ = stdout.write_all(line.as_bytes());
        let _ = stdout.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_a_line_like_python() {
        let ((), text) = capture_output(|| {
            let label = "x =";
            // SAFETY: a live string.
            unsafe { numjit_print_str(label.as_ptr(), label.len()) };
            numjit_print_sep();
            numjit_print_i64(-3);
            numjit_print_sep();
            numjit_print_f64(1e16);
            numjit_print_sep();
            numjit_print_c128(1.0, -2.0);
            numjit_print_sep();
            numjit_print_bool(1);
            numjit_print_sep();
            numjit_print_none();
            numjit_print_sep();
            numjit_print_u64(u64::MAX);
            numjit_print_end();
            numjit_print_f32(0.1);
            numjit_print_sep();
            numjit_print_c64(0.0, 1.5);
            numjit_print_end();
        });
        assert_eq!(text, "x = -3 1e+16 (1-2j) True None 18446744073709551615\n0.1 1.5j\n");
    }
}
