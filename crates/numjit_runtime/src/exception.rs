//! Raising, clearing and consuming exceptions: the runtime owns every message it puts in an
//! [`ExceptionRecord`] and frees it when the record is cleared, overwritten or consumed.
//!
//! Live message allocations are counted ([`live_messages`]) so tests can prove that no
//! message leaks.

use std::sync::atomic::{AtomicIsize, Ordering};

use numjit_abi::{ExceptionClass, ExceptionRecord, FormatArg, STATUS_EXCEPTION};

use crate::float_repr::repr_f64;

static LIVE_MESSAGES: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    static LIVE_MESSAGES_ON_THREAD: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
}

/// Number of exception messages allocated by the runtime and not yet freed, process-wide.
pub fn live_messages() -> isize {
    LIVE_MESSAGES.load(Ordering::SeqCst)
}

/// Messages allocated on this thread minus messages freed on this thread: a leak check
/// that other threads (tests running in parallel) cannot disturb.
pub fn live_messages_on_this_thread() -> isize {
    LIVE_MESSAGES_ON_THREAD.with(std::cell::Cell::get)
}

fn count_message(delta: isize) {
    LIVE_MESSAGES.fetch_add(delta, Ordering::SeqCst);
    LIVE_MESSAGES_ON_THREAD.with(|live| live.set(live.get() + delta));
}

/// An exception taken out of a record: its class and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedException {
    pub class: ExceptionClass,
    pub message: String,
}

impl std::fmt::Display for RaisedException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.class.name())
        } else {
            write!(f, "{}: {}", self.class.name(), self.message)
        }
    }
}

/// Puts `class` and `message` into `record`, freeing what it held before.
pub fn set(record: &mut ExceptionRecord, class: ExceptionClass, message: &str) {
    clear(record);
    record.class = class.id();
    if !message.is_empty() {
        let boxed: Box<[u8]> = message.as_bytes().into();
        record.message_len = boxed.len();
        record.message = Box::into_raw(boxed).cast::<u8>();
        record.flags = ExceptionRecord::FLAG_OWNED;
        count_message(1);
    }
}

/// Clears `record`, freeing its message.
pub fn clear(record: &mut ExceptionRecord) {
    if record.flags & ExceptionRecord::FLAG_OWNED != 0 && !record.message.is_null() {
        let slice = std::ptr::slice_from_raw_parts_mut(record.message, record.message_len);
        // SAFETY: an owned message was created by `set` from a `Box<[u8]>` of exactly this
        // length, and the flag is cleared below so it is freed once.
        drop(unsafe { Box::from_raw(slice) });
        count_message(-1);
    }
    *record = ExceptionRecord::new();
}

/// Takes the exception out of `record` (leaving it cleared), or `None` if none is set.
/// An unknown class id (a codegen bug) comes back as `RuntimeError`.
pub fn take(record: &mut ExceptionRecord) -> Option<RaisedException> {
    if !record.is_set() {
        return None;
    }
    let class = ExceptionClass::from_id(record.class).unwrap_or(ExceptionClass::RuntimeError);
    let message = if record.message.is_null() {
        String::new()
    } else {
        // SAFETY: a set record's message points to `message_len` initialised bytes (owned
        // by the runtime, or a borrowed constant that outlives the record).
        let bytes = unsafe { std::slice::from_raw_parts(record.message, record.message_len) };
        String::from_utf8_lossy(bytes).into_owned()
    };
    clear(record);
    Some(RaisedException { class, message })
}

/// Replaces each `{}` in `template` with the next argument.
pub fn format_message(template: &str, args: &[FormatArg]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(position) = rest.find("{}") {
        out.push_str(&rest[..position]);
        match args.next() {
            Some(arg) => out.push_str(&format_arg(arg)),
            None => out.push_str("{}"),
        }
        rest = &rest[position + 2..];
    }
    out.push_str(rest);
    out
}

fn format_arg(arg: &FormatArg) -> String {
    match arg.tag {
        FormatArg::TAG_INT => (arg.payload as i64).to_string(),
        FormatArg::TAG_UINT => arg.payload.to_string(),
        FormatArg::TAG_FLOAT => repr_f64(f64::from_bits(arg.payload)),
        FormatArg::TAG_BOOL => if arg.payload != 0 { "True" } else { "False" }.to_owned(),
        _ => "?".to_owned(),
    }
}

/// # Safety
/// `data` must point to `len` readable bytes (or be null with `len == 0`).
unsafe fn bytes_to_str<'a>(data: *const u8, len: usize) -> std::borrow::Cow<'a, str> {
    if data.is_null() || len == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    String::from_utf8_lossy(bytes)
}

fn class_or_runtime_error(class: u32) -> ExceptionClass {
    ExceptionClass::from_id(class)
        .filter(|class| *class != ExceptionClass::None)
        .unwrap_or(ExceptionClass::RuntimeError)
}

/// `numjit_raise`: see [`numjit_abi::entry::RAISE`].
///
/// # Safety
/// `exc` must point to a valid record; `message` to `len` readable bytes.
pub unsafe extern "C" fn numjit_raise(
    exc: *mut ExceptionRecord,
    class: u32,
    message: *const u8,
    len: usize,
) -> i32 {
    // SAFETY: the caller passes `len` readable bytes.
    let message = unsafe { bytes_to_str(message, len) };
    // SAFETY: generated code always passes the record it received, which is valid.
    if let Some(record) = unsafe { exc.as_mut() } {
        set(record, class_or_runtime_error(class), &message);
    }
    STATUS_EXCEPTION
}

/// `numjit_raise_fmt`: see [`numjit_abi::entry::RAISE_FMT`].
///
/// # Safety
/// `exc` must point to a valid record, `template` to `len` readable bytes and `args` to
/// `n_args` readable [`FormatArg`]s.
pub unsafe extern "C" fn numjit_raise_fmt(
    exc: *mut ExceptionRecord,
    class: u32,
    template: *const u8,
    len: usize,
    args: *const FormatArg,
    n_args: usize,
) -> i32 {
    // SAFETY: the caller passes `len` readable bytes.
    let template = unsafe { bytes_to_str(template, len) };
    let args = if args.is_null() || n_args == 0 {
        &[][..]
    } else {
        // SAFETY: the caller passes `n_args` initialised arguments.
        unsafe { std::slice::from_raw_parts(args, n_args) }
    };
    let message = format_message(&template, args);
    // SAFETY: generated code always passes the record it received, which is valid.
    if let Some(record) = unsafe { exc.as_mut() } {
        set(record, class_or_runtime_error(class), &message);
    }
    STATUS_EXCEPTION
}

/// `numjit_exception_clear`: see [`numjit_abi::entry::EXCEPTION_CLEAR`].
///
/// # Safety
/// `exc` must point to a valid record (or be null).
pub unsafe extern "C" fn numjit_exception_clear(exc: *mut ExceptionRecord) {
    // SAFETY: guaranteed by the caller.
    if let Some(record) = unsafe { exc.as_mut() } {
        clear(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raise_then_take_frees_the_message() {
        let before = live_messages_on_this_thread();
        let mut record = ExceptionRecord::new();
        let text = "division by zero";
        // SAFETY: a valid record and a live string.
        let status = unsafe { numjit_raise(&mut record, 1, text.as_ptr(), text.len()) };
        assert_eq!(status, STATUS_EXCEPTION);
        assert_eq!(live_messages_on_this_thread(), before + 1);
        let raised = take(&mut record).expect("an exception");
        assert_eq!(raised.class, ExceptionClass::ZeroDivisionError);
        assert_eq!(raised.to_string(), "ZeroDivisionError: division by zero");
        assert!(!record.is_set());
        assert_eq!(take(&mut record), None);
        assert_eq!(live_messages_on_this_thread(), before);
    }

    #[test]
    fn overwriting_and_clearing_free_messages() {
        let before = live_messages_on_this_thread();
        let mut record = ExceptionRecord::new();
        set(&mut record, ExceptionClass::ValueError, "first");
        set(&mut record, ExceptionClass::IndexError, "second");
        // SAFETY: a valid record.
        unsafe { numjit_exception_clear(&mut record) };
        assert!(!record.is_set());
        assert!(record.message.is_null());
        assert_eq!(live_messages_on_this_thread(), before);
    }

    #[test]
    fn formats_arguments() {
        let args = [FormatArg::int(-5), FormatArg::uint(7), FormatArg::float(0.5), FormatArg::bool(true)];
        assert_eq!(
            format_message("index {} out of {} ({}, {}) {}", &args),
            "index -5 out of 7 (0.5, True) {}"
        );
        let mut record = ExceptionRecord::new();
        let template = "index {} is out of bounds for axis 0 with size {}";
        let args = [FormatArg::int(5), FormatArg::int(3)];
        // SAFETY: valid record, template and arguments.
        unsafe {
            numjit_raise_fmt(&mut record, 2, template.as_ptr(), template.len(), args.as_ptr(), args.len());
        }
        let raised = take(&mut record).expect("an exception");
        assert_eq!(raised.message, "index 5 is out of bounds for axis 0 with size 3");
    }

    #[test]
    fn unknown_class_becomes_runtime_error() {
        let mut record = ExceptionRecord::new();
        // SAFETY: a valid record; a null message with length 0.
        unsafe { numjit_raise(&mut record, 999, std::ptr::null(), 0) };
        assert_eq!(take(&mut record).map(|raised| raised.class), Some(ExceptionClass::RuntimeError));
    }
}
