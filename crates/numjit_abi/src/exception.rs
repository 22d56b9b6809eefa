//! The exception record a raising function fills, and the classes it can name.

/// The Python exception classes compiled code raises, by a stable numeric id.
///
/// Generated code stores the id as a `u32`; [`ExceptionClass::from_id`] turns it back.
/// A user `raise ValueError("…")` of a builtin class uses that class's id.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionClass {
    /// No exception (a cleared record).
    None = 0,
    ZeroDivisionError = 1,
    IndexError = 2,
    ValueError = 3,
    OverflowError = 4,
    AssertionError = 5,
    RecursionError = 6,
    UnboundLocalError = 7,
    TypeError = 8,
    KeyError = 9,
    RuntimeError = 10,
    StopIteration = 11,
    MemoryError = 12,
    ArithmeticError = 13,
    LookupError = 14,
    NotImplementedError = 15,
    /// A bare `raise Exception(...)`.
    Exception = 16,
}

impl ExceptionClass {
    /// Every class, in id order.
    pub const ALL: [ExceptionClass; 17] = [
        ExceptionClass::None,
        ExceptionClass::ZeroDivisionError,
        ExceptionClass::IndexError,
        ExceptionClass::ValueError,
        ExceptionClass::OverflowError,
        ExceptionClass::AssertionError,
        ExceptionClass::RecursionError,
        ExceptionClass::UnboundLocalError,
        ExceptionClass::TypeError,
        ExceptionClass::KeyError,
        ExceptionClass::RuntimeError,
        ExceptionClass::StopIteration,
        ExceptionClass::MemoryError,
        ExceptionClass::ArithmeticError,
        ExceptionClass::LookupError,
        ExceptionClass::NotImplementedError,
        ExceptionClass::Exception,
    ];

    /// The id generated code stores in [`ExceptionRecord::class`].
    pub const fn id(self) -> u32 {
        self as u32
    }

    /// The class with this id, if there is one.
    pub fn from_id(id: u32) -> Option<ExceptionClass> {
        ExceptionClass::ALL.get(usize::try_from(id).ok()?).copied()
    }

    /// The Python name of the class (`"ZeroDivisionError"`).
    pub fn name(self) -> &'static str {
        match self {
            ExceptionClass::None => "None",
            ExceptionClass::ZeroDivisionError => "ZeroDivisionError",
            ExceptionClass::IndexError => "IndexError",
            ExceptionClass::ValueError => "ValueError",
            ExceptionClass::OverflowError => "OverflowError",
            ExceptionClass::AssertionError => "AssertionError",
            ExceptionClass::RecursionError => "RecursionError",
            ExceptionClass::UnboundLocalError => "UnboundLocalError",
            ExceptionClass::TypeError => "TypeError",
            ExceptionClass::KeyError => "KeyError",
            ExceptionClass::RuntimeError => "RuntimeError",
            ExceptionClass::StopIteration => "StopIteration",
            ExceptionClass::MemoryError => "MemoryError",
            ExceptionClass::ArithmeticError => "ArithmeticError",
            ExceptionClass::LookupError => "LookupError",
            ExceptionClass::NotImplementedError => "NotImplementedError",
            ExceptionClass::Exception => "Exception",
        }
    }

    /// The class named `name` (a Python builtin exception name), if numjit knows it.
    pub fn from_name(name: &str) -> Option<ExceptionClass> {
        ExceptionClass::ALL.into_iter().find(|class| *class != ExceptionClass::None && class.name() == name)
    }
}

/// Where a raised exception travels: filled by the runtime's raise entry points, read by
/// the caller of the outermost compiled function.
///
/// Layout (x86-64 and every 64-bit target): `class` at offset 0 (`u32`), `flags` at 4
/// (`u32`), `message` at 8 (pointer), `message_len` at 16 (`usize`); 24 bytes in all.
///
/// The message is UTF-8, not NUL-terminated, allocated by the runtime; only the runtime
/// frees it (when the record is cleared, consumed or overwritten), so every consumer goes
/// through the runtime's `take`/`clear` functions.
#[repr(C)]
#[derive(Debug)]
pub struct ExceptionRecord {
    /// [`ExceptionClass::id`] of the raised class; 0 when no exception is set.
    pub class: u32,
    /// Bit 0: [`ExceptionRecord::FLAG_OWNED`].
    pub flags: u32,
    /// The message bytes, or null for an exception without message.
    pub message: *mut u8,
    /// Length of the message in bytes.
    pub message_len: usize,
}

impl ExceptionRecord {
    /// The message was allocated by the runtime and must be freed by it.
    pub const FLAG_OWNED: u32 = 1;

    /// An empty record (no exception set), as a caller prepares it before a call.
    pub const fn new() -> Self {
        ExceptionRecord { class: 0, flags: 0, message: std::ptr::null_mut(), message_len: 0 }
    }

    /// Whether an exception is set.
    pub fn is_set(&self) -> bool {
        self.class != 0
    }
}

impl Default for ExceptionRecord {
    fn default() -> Self {
        ExceptionRecord::new()
    }
}

/// One argument of a runtime-formatted message (`numjit_raise_fmt`): the message template's
/// `{}` placeholders are replaced by these, in order.
///
/// Layout: `tag` (`u32`) at 0, padding, `payload` (`u64`) at 8; 16 bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FormatArg {
    /// One of the `FormatArg::TAG_*` constants.
    pub tag: u32,
    /// The value's bits: an `i64`, `u64`, `f64` (as bits) or a bool (0/1).
    pub payload: u64,
}

impl FormatArg {
    /// `payload` is an `i64`, printed in decimal.
    pub const TAG_INT: u32 = 0;
    /// `payload` is a `u64`, printed in decimal.
    pub const TAG_UINT: u32 = 1;
    /// `payload` holds the bits of an `f64`, printed like Python's `repr`.
    pub const TAG_FLOAT: u32 = 2;
    /// `payload` is 0 or 1, printed `False`/`True`.
    pub const TAG_BOOL: u32 = 3;

    pub fn int(value: i64) -> Self {
        FormatArg { tag: FormatArg::TAG_INT, payload: value as u64 }
    }

    pub fn uint(value: u64) -> Self {
        FormatArg { tag: FormatArg::TAG_UINT, payload: value }
    }

    pub fn float(value: f64) -> Self {
        FormatArg { tag: FormatArg::TAG_FLOAT, payload: value.to_bits() }
    }

    pub fn bool(value: bool) -> Self {
        FormatArg { tag: FormatArg::TAG_BOOL, payload: u64::from(value) }
    }
}

/// A borrowed string as generated code passes it: pointer and length.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrSlice {
    pub data: *const u8,
    pub len: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::offset_of;

    #[test]
    fn ids_round_trip() {
        for (id, class) in ExceptionClass::ALL.iter().enumerate() {
            assert_eq!(class.id() as usize, id);
            assert_eq!(ExceptionClass::from_id(class.id()), Some(*class));
        }
        assert_eq!(ExceptionClass::from_id(1000), None);
        assert_eq!(ExceptionClass::from_name("IndexError"), Some(ExceptionClass::IndexError));
        assert_eq!(ExceptionClass::from_name("None"), None);
    }

    #[test]
    fn record_layout() {
        assert_eq!(size_of::<ExceptionRecord>(), 24);
        assert_eq!(offset_of!(ExceptionRecord, message), 8);
        assert_eq!(offset_of!(ExceptionRecord, message_len), 16);
        assert_eq!(size_of::<FormatArg>(), 16);
    }
}
