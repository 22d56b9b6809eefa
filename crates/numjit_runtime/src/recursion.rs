//! The recursion limit: recursive compiled functions call `numjit_enter_frame` on entry and
//! `numjit_leave_frame` on exit, and runaway recursion becomes a RecursionError instead of
//! a stack overflow.
//!
//! Two checks guard each frame: a per-thread depth counter against a process-wide limit
//! (Python's default of 1000, changeable with [`set_recursion_limit`]), and the remaining
//! stack of the thread (at least [`STACK_RESERVE`] bytes must be left), so a high limit on a
//! small thread stack still raises instead of crashing.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

use numjit_abi::{ExceptionClass, ExceptionRecord, STATUS_EXCEPTION, STATUS_OK};

use crate::exception;

/// Python's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

/// Bytes of stack a frame entry leaves untouched for the runtime and the error path.
pub const STACK_RESERVE: usize = 64 * 1024;

static RECURSION_LIMIT: AtomicU32 = AtomicU32::new(DEFAULT_RECURSION_LIMIT);

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Lowest usable stack address of this thread, found on first use (0: unknown).
    static STACK_LOW: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Sets the maximum depth of recursive compiled frames per thread (like
/// `sys.setrecursionlimit`); returns the previous limit.
pub fn set_recursion_limit(limit: u32) -> u32 {
    RECURSION_LIMIT.swap(limit.max(1), Ordering::SeqCst)
}

/// The current recursion limit.
pub fn recursion_limit() -> u32 {
    RECURSION_LIMIT.load(Ordering::SeqCst)
}

/// Depth of recursive compiled frames on this thread now.
pub fn current_depth() -> u32 {
    DEPTH.with(Cell::get)
}

/// The lowest address of this thread's stack, or 0 when the platform does not say.
fn stack_low() -> usize {
    STACK_LOW.with(|cached| {
        if let Some(low) = cached.get() {
            return low;
        }
        let low = query_stack_low();
        cached.set(Some(low));
        low
    })
}

#[cfg(target_os = "linux")]
fn query_stack_low() -> usize {
    let mut attr = std::mem::MaybeUninit::<libc::pthread_attr_t>::uninit();
    // SAFETY: pthread_getattr_np initialises `attr` for the calling thread on success;
    // pthread_attr_getstack only reads it; it is destroyed once, after use.
    unsafe {
        if libc::pthread_getattr_np(libc::pthread_self(), attr.as_mut_ptr()) != 0 {
            return 0;
        }
        let mut address: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let status = libc::pthread_attr_getstack(attr.as_ptr(), &mut address, &mut size);
        libc::pthread_attr_destroy(attr.as_mut_ptr());
        if status != 0 { 0 } else { address as usize }
    }
}

#[cfg(not(target_os = "linux"))]
fn query_stack_low() -> usize {
    0
}

fn stack_nearly_exhausted() -> bool {
    let low = stack_low();
    if low == 0 {
        return false;
    }
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    here.saturating_sub(low) < STACK_RESERVE
}

/// `numjit_enter_frame`: see [`numjit_abi::entry::ENTER_FRAME`].
///
/// # Safety
/// `exc` must point to a valid record.
pub unsafe extern "C" fn numjit_enter_frame(exc: *mut ExceptionRecord) -> i32 {
    let depth = DEPTH.with(Cell::get);
    if depth >= recursion_limit() || stack_nearly_exhausted() {
        // SAFETY: generated code passes the record it received, which is valid.
        if let Some(record) = unsafe { exc.as_mut() } {
            exception::set(record, ExceptionClass::RecursionError, "maximum recursion depth exceeded");
        }
        return STATUS_EXCEPTION;
    }
    DEPTH.with(|cell| cell.set(depth + 1));
    STATUS_OK
}

/// `numjit_leave_frame`: see [`numjit_abi::entry::LEAVE_FRAME`].
pub extern "C" fn numjit_leave_frame() {
    DEPTH.with(|cell| cell.set(cell.get().saturating_sub(1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_limit_raises_recursion_error() {
        let mut record = ExceptionRecord::new();
        let limit = recursion_limit();
        let mut entered = 0;
        // SAFETY: a valid record.
        while unsafe { numjit_enter_frame(&mut record) } == STATUS_OK {
            entered += 1;
            assert!(entered <= limit);
        }
        assert_eq!(entered, limit);
        let raised = exception::take(&mut record).expect("RecursionError");
        assert_eq!(raised.class, ExceptionClass::RecursionError);
        for _ in 0..entered {
            numjit_leave_frame();
        }
        assert_eq!(current_depth(), 0);
    }

    #[test]
    fn knows_the_stack() {
        assert_ne!(stack_low(), 0);
        assert!(!stack_nearly_exhausted());
    }
}
