//! The array struct compiled code passes arrays as, and the refcounted MemInfo block that
//! owns memory allocated by compiled code.
//!
//! # Array struct layout (for code generation)
//!
//! An `ndim`-dimensional array is the C struct [`ArrayStruct<N>`] with `N = ndim`, every
//! field pointer-sized (8 bytes on 64-bit targets), no padding:
//!
//! | field | offset | LLVM type | meaning |
//! |---|---|---|---|
//! | `meminfo` | 0 | `ptr` | owning [`MemInfo`], or null for borrowed memory |
//! | `parent` | 8 | `ptr` | the Python object the data came from, or null |
//! | `nitems` | 16 | `i64` | product of `shape` |
//! | `itemsize` | 24 | `i64` | bytes per element |
//! | `data` | 32 | `ptr` | address of element `[0, …, 0]` |
//! | `shape` | 40 | `[N x i64]` | extent of each axis |
//! | `strides` | 40 + 8·N | `[N x i64]` | bytes between neighbours along each axis (may be negative or 0) |
//!
//! In LLVM: `{ ptr, ptr, i64, i64, ptr, [N x i64], [N x i64] }` — see
//! [`ArrayStruct::FIELD_SHAPE`] etc. for the field indices and
//! [`ArrayStruct::SIZE_BYTES`] for the size.
//! Arrays are passed to and returned from compiled functions through a pointer to this
//! struct. An array the caller passes in is *borrowed*: compiled code increfs its
//! `meminfo` (if any) before it keeps it beyond the call.

use std::ffi::c_void;
use std::sync::atomic::AtomicUsize;

/// A NumPy array as compiled code sees it; `N` is the number of dimensions.
#[repr(C)]
#[derive(Debug)]
pub struct ArrayStruct<const N: usize> {
    /// The refcounted block owning `data`, or null when the memory is borrowed.
    pub meminfo: *mut MemInfo,
    /// The Python object the array came from (a borrowed `PyObject*`), or null.
    pub parent: *mut c_void,
    /// Number of elements (product of `shape`).
    pub nitems: isize,
    /// Size of one element in bytes.
    pub itemsize: isize,
    /// Address of the first element (the element at index `[0; N]`).
    pub data: *mut u8,
    /// Extent of each axis.
    pub shape: [isize; N],
    /// Byte distance between neighbouring elements along each axis.
    pub strides: [isize; N],
}

impl<const N: usize> ArrayStruct<N> {
    /// LLVM struct field index of `meminfo`.
    pub const FIELD_MEMINFO: u32 = 0;
    /// LLVM struct field index of `parent`.
    pub const FIELD_PARENT: u32 = 1;
    /// LLVM struct field index of `nitems`.
    pub const FIELD_NITEMS: u32 = 2;
    /// LLVM struct field index of `itemsize`.
    pub const FIELD_ITEMSIZE: u32 = 3;
    /// LLVM struct field index of `data`.
    pub const FIELD_DATA: u32 = 4;
    /// LLVM struct field index of `shape` (an `[N x i64]`).
    pub const FIELD_SHAPE: u32 = 5;
    /// LLVM struct field index of `strides` (an `[N x i64]`).
    pub const FIELD_STRIDES: u32 = 6;
    /// Size of the struct in bytes on a 64-bit target.
    pub const SIZE_BYTES: usize = 8 * (5 + 2 * N);
}

/// Byte offset of the `shape` array in an [`ArrayStruct`] of any rank.
pub const ARRAY_SHAPE_OFFSET: usize = 40;

/// Byte offset of the `strides` array in an [`ArrayStruct`] of rank `ndim`.
pub const fn array_strides_offset(ndim: usize) -> usize {
    ARRAY_SHAPE_OFFSET + 8 * ndim
}

/// The element type of an array as the runtime sees it, passed to runtime entries as its
/// `u32` code ([`ElementKind::code`]).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementKind {
    /// `bool` (one byte, 0 or 1).
    Bool = 0,
    /// `int8`.
    Int8 = 1,
    /// `int16`.
    Int16 = 2,
    /// `int32`.
    Int32 = 3,
    /// `int64`.
    Int64 = 4,
    /// `uint8`.
    UInt8 = 5,
    /// `uint16`.
    UInt16 = 6,
    /// `uint32`.
    UInt32 = 7,
    /// `uint64`.
    UInt64 = 8,
    /// `float32`.
    Float32 = 9,
    /// `float64`.
    Float64 = 10,
    /// `complex64` (two `float32`).
    Complex64 = 11,
    /// `complex128` (two `float64`).
    Complex128 = 12,
}

impl ElementKind {
    /// Every kind, in code order.
    pub const ALL: [ElementKind; 13] = [
        ElementKind::Bool,
        ElementKind::Int8,
        ElementKind::Int16,
        ElementKind::Int32,
        ElementKind::Int64,
        ElementKind::UInt8,
        ElementKind::UInt16,
        ElementKind::UInt32,
        ElementKind::UInt64,
        ElementKind::Float32,
        ElementKind::Float64,
        ElementKind::Complex64,
        ElementKind::Complex128,
    ];

    /// The code passed through the ABI.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// The kind with this code.
    pub fn from_code(code: u32) -> Option<ElementKind> {
        ElementKind::ALL.get(code as usize).copied()
    }

    /// Bytes per element.
    pub fn size_bytes(self) -> usize {
        match self {
            ElementKind::Bool | ElementKind::Int8 | ElementKind::UInt8 => 1,
            ElementKind::Int16 | ElementKind::UInt16 => 2,
            ElementKind::Int32 | ElementKind::UInt32 | ElementKind::Float32 => 4,
            ElementKind::Int64 | ElementKind::UInt64 | ElementKind::Float64 | ElementKind::Complex64 => 8,
            ElementKind::Complex128 => 16,
        }
    }
}

/// Frees what a [`MemInfo`] owns when its refcount drops to zero; receives the MemInfo.
pub type MemInfoDestructor = unsafe extern "C" fn(meminfo: *mut MemInfo);

/// The header of a refcounted memory block allocated by compiled code or the runtime.
///
/// Layout: `refcount` at 0, `size` at 8, `data` at 16, `destructor` at 24,
/// `destructor_data` at 32; 40 bytes. The refcount is atomic because a block can be
/// shared between the threads of a parallel loop; generated code increments and decrements
/// it with atomic read-modify-write instructions (or calls the runtime to).
#[repr(C)]
#[derive(Debug)]
pub struct MemInfo {
    /// Number of owners; the block is destroyed when it drops from 1 to 0.
    pub refcount: AtomicUsize,
    /// Size of the data in bytes.
    pub size: usize,
    /// The data (aligned for the widest vector type the target has).
    pub data: *mut u8,
    /// Called once when the refcount reaches zero; frees the data and the MemInfo.
    pub destructor: Option<MemInfoDestructor>,
    /// Whatever the destructor needs (an allocator handle, a Python object to release).
    pub destructor_data: *mut c_void,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{offset_of, size_of};

    #[test]
    fn element_kind_codes_round_trip() {
        for kind in ElementKind::ALL {
            assert_eq!(ElementKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ElementKind::from_code(13), None);
    }

    #[test]
    fn layout_matches_the_documented_table() {
        assert_eq!(size_of::<ArrayStruct<0>>(), ArrayStruct::<0>::SIZE_BYTES);
        assert_eq!(size_of::<ArrayStruct<3>>(), ArrayStruct::<3>::SIZE_BYTES);
        assert_eq!(offset_of!(ArrayStruct<2>, data), 32);
        assert_eq!(offset_of!(ArrayStruct<2>, shape), ARRAY_SHAPE_OFFSET);
        assert_eq!(offset_of!(ArrayStruct<2>, strides), array_strides_offset(2));
        assert_eq!(offset_of!(ArrayStruct<5>, strides), array_strides_offset(5));
        assert_eq!(size_of::<MemInfo>(), 40);
        assert_eq!(offset_of!(MemInfo, data), 16);
        assert_eq!(offset_of!(MemInfo, destructor), 24);
    }
}
