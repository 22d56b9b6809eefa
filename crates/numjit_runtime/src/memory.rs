//! Refcounted memory blocks ([`MemInfo`]) for arrays created by compiled code, and the
//! counters tests read to prove that nothing leaks.
//!
//! A block is one allocation: the [`MemInfo`] header followed by padding and the data,
//! aligned to [`DATA_ALIGN`] bytes (wide enough for any vector register of the host). Its
//! refcount starts at 1 and is changed with atomic instructions, so a block may be shared
//! by the threads of a parallel loop; the thread that drops it from 1 to 0 runs its
//! destructor. Blocks that wrap memory owned by someone else (a Rust `Vec`, later a NumPy
//! array) come from [`MemInfo`]s built with [`new_external`] and a destructor of their own.
//!
//! Every operation accepts a null `MemInfo`: arrays borrowed from the caller carry none, and
//! refcounting them is a no-op, which lets codegen incref and decref without a branch on
//! where an array came from.

use std::alloc::{Layout, alloc, alloc_zeroed, dealloc};
use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering, fence};

use numjit_abi::{ExceptionClass, ExceptionRecord, MemInfo, MemInfoDestructor};

use crate::exception;

/// Alignment of the data of every block the runtime allocates (an AVX-512 register).
pub const DATA_ALIGN: usize = 64;

/// Offset of the data from the start of an allocation: the header rounded up to
/// [`DATA_ALIGN`].
const DATA_OFFSET: usize = size_of::<MemInfo>().next_multiple_of(DATA_ALIGN);

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static FREED: AtomicUsize = AtomicUsize::new(0);

/// How many blocks were created and destroyed since the process started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocStats {
    /// Blocks created (by compiled code or [`new_external`]).
    pub allocated: usize,
    /// Blocks whose refcount reached zero and whose destructor ran.
    pub freed: usize,
}

impl AllocStats {
    /// Blocks alive now.
    pub fn live(self) -> isize {
        self.allocated as isize - self.freed as isize
    }
}

/// The process-wide counters. Tests compare two readings taken around the code they check
/// (other threads of the same process allocate too, so compare in a test of its own).
pub fn stats() -> AllocStats {
    AllocStats { allocated: ALLOCATED.load(Ordering::SeqCst), freed: FREED.load(Ordering::SeqCst) }
}

fn block_layout(size: usize) -> Option<Layout> {
    let total = DATA_OFFSET.checked_add(size)?;
    Layout::from_size_align(total, DATA_ALIGN).ok()
}

/// Allocates a block of `size` data bytes with refcount 1 (data zeroed when `zeroed`), or
/// returns null when the memory cannot be had.
fn allocate(size: usize, zeroed: bool) -> *mut MemInfo {
    let Some(layout) = block_layout(size) else { return ptr::null_mut() };
    // SAFETY: the layout has a non-zero size (the header).
    let base = unsafe { if zeroed { alloc_zeroed(layout) } else { alloc(layout) } };
    if base.is_null() {
        return ptr::null_mut();
    }
    let meminfo = base.cast::<MemInfo>();
    // SAFETY: `base` is a fresh allocation of at least DATA_OFFSET + size bytes, aligned
    // for MemInfo (DATA_ALIGN >= its alignment).
    unsafe {
        meminfo.write(MemInfo {
            refcount: AtomicUsize::new(1),
            size,
            data: base.add(DATA_OFFSET),
            destructor: Some(free_block),
            destructor_data: ptr::null_mut(),
        });
    }
    ALLOCATED.fetch_add(1, Ordering::Relaxed);
    meminfo
}

/// The destructor of blocks from [`allocate`]: frees header and data in one piece.
unsafe extern "C" fn free_block(meminfo: *mut MemInfo) {
    // SAFETY: the caller passes a block made by `allocate`, whose size field is intact.
    unsafe {
        let size = (*meminfo).size;
        if let Some(layout) = block_layout(size) {
            dealloc(meminfo.cast::<u8>(), layout);
        }
    }
}

/// `numjit_meminfo_alloc`: a new block of `size` bytes (uninitialised), refcount 1; null when
/// out of memory (codegen raises MemoryError).
pub extern "C" fn numjit_meminfo_alloc(size: usize) -> *mut MemInfo {
    allocate(size, false)
}

/// `numjit_meminfo_alloc_zeroed`: like [`numjit_meminfo_alloc`] with the data zeroed.
pub extern "C" fn numjit_meminfo_alloc_zeroed(size: usize) -> *mut MemInfo {
    allocate(size, true)
}

/// `numjit_array_alloc`: the block of a new array (see `numjit_abi::entry::ARRAY_ALLOC`),
/// with NumPy's errors for bad sizes.
///
/// # Safety
/// `exc` is a valid exception record and `dims` points to `ndim` extents.
pub unsafe extern "C" fn numjit_array_alloc(
    exc: *mut ExceptionRecord,
    dims: *const i64,
    ndim: i64,
    itemsize: i64,
    zeroed: u8,
) -> *mut MemInfo {
    let dims: &[i64] = match usize::try_from(ndim) {
        // SAFETY: the caller passes `ndim` extents.
        Ok(ndim) if ndim > 0 => unsafe { std::slice::from_raw_parts(dims, ndim) },
        _ => &[],
    };
    let fail = |class: ExceptionClass, message: &str| {
        // SAFETY: the caller passes a valid record.
        if let Some(record) = unsafe { exc.as_mut() } {
            exception::set(record, class, message);
        }
        ptr::null_mut()
    };
    if dims.iter().any(|&dim| dim < 0) {
        return fail(ExceptionClass::ValueError, "negative dimensions are not allowed");
    }
    let nbytes = dims
        .iter()
        .try_fold(itemsize.max(0), |acc, &dim| acc.checked_mul(dim))
        .and_then(|bytes| usize::try_from(bytes).ok())
        .filter(|bytes| *bytes <= isize::MAX as usize - DATA_OFFSET);
    let Some(nbytes) = nbytes else {
        return fail(
            ExceptionClass::ValueError,
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        );
    };
    let block = allocate(nbytes, zeroed != 0);
    if block.is_null() {
        return fail(ExceptionClass::MemoryError, &format!("Unable to allocate {nbytes} bytes for an array"));
    }
    block
}

/// `numjit_meminfo_incref`: adds an owner; null is ignored.
///
/// # Safety
/// `meminfo` is null or a live block.
pub unsafe extern "C" fn numjit_meminfo_incref(meminfo: *mut MemInfo) {
    if meminfo.is_null() {
        return;
    }
    // SAFETY: the caller owns a reference, so the block is alive.
    unsafe { (*meminfo).refcount.fetch_add(1, Ordering::Relaxed) };
}

/// `numjit_meminfo_decref`: drops an owner and destroys the block when it was the last;
/// null is ignored.
///
/// # Safety
/// `meminfo` is null or a live block the caller owns a reference to.
pub unsafe extern "C" fn numjit_meminfo_decref(meminfo: *mut MemInfo) {
    if meminfo.is_null() {
        return;
    }
    // SAFETY: the caller owns a reference, so the block is alive until we drop it.
    let previous = unsafe { (*meminfo).refcount.fetch_sub(1, Ordering::Release) };
    if previous != 1 {
        return;
    }
    fence(Ordering::Acquire);
    FREED.fetch_add(1, Ordering::Relaxed);
    // SAFETY: we dropped the last reference; nobody else can reach the block now.
    unsafe {
        if let Some(destructor) = (*meminfo).destructor {
            destructor(meminfo);
        }
    }
}

/// A block wrapping `size` bytes at `data` that someone else owns: when its refcount drops
/// to zero, `destructor` runs with the block (it reads `destructor_data`, releases the
/// memory and frees the block with [`free_external_header`]). Refcount starts at 1.
pub fn new_external(
    data: *mut u8,
    size: usize,
    destructor: MemInfoDestructor,
    destructor_data: *mut c_void,
) -> *mut MemInfo {
    let meminfo = Box::into_raw(Box::new(MemInfo {
        refcount: AtomicUsize::new(1),
        size,
        data,
        destructor: Some(destructor),
        destructor_data,
    }));
    ALLOCATED.fetch_add(1, Ordering::Relaxed);
    meminfo
}

/// The header of a block wrapping `size` bytes at `data` that someone else owns, for the
/// caller to place at the start of an allocation of its own (which may hold more after the
/// header, such as the owner of the memory). It counts as a created block; refcount 1.
/// When the refcount drops to zero, `destructor` runs with a pointer to the header and must
/// free that whole allocation.
pub fn external_header(
    data: *mut u8,
    size: usize,
    destructor: MemInfoDestructor,
    destructor_data: *mut c_void,
) -> MemInfo {
    ALLOCATED.fetch_add(1, Ordering::Relaxed);
    MemInfo { refcount: AtomicUsize::new(1), size, data, destructor: Some(destructor), destructor_data }
}

/// Frees the header of a block made by [`new_external`]; for use at the end of its
/// destructor.
///
/// # Safety
/// `meminfo` came from [`new_external`] and is not used afterwards.
pub unsafe fn free_external_header(meminfo: *mut MemInfo) {
    // SAFETY: per the contract, the header is a Box we leaked in `new_external`.
    drop(unsafe { Box::from_raw(meminfo) });
}

/// The current refcount of a block (for tests and debugging).
///
/// # Safety
/// `meminfo` is a live block.
pub unsafe fn refcount(meminfo: *const MemInfo) -> usize {
    // SAFETY: per the contract.
    unsafe { (*meminfo).refcount.load(Ordering::SeqCst) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_counted_and_freed() {
        let before = stats();
        let block = numjit_meminfo_alloc_zeroed(1000);
        assert!(!block.is_null());
        // SAFETY: a live block of 1000 zeroed bytes.
        unsafe {
            assert_eq!((*block).data as usize % DATA_ALIGN, 0);
            assert!(std::slice::from_raw_parts((*block).data, 1000).iter().all(|&b| b == 0));
            numjit_meminfo_incref(block);
            assert_eq!(refcount(block), 2);
            numjit_meminfo_decref(block);
            assert_eq!(refcount(block), 1);
            numjit_meminfo_decref(block);
        }
        let after = stats();
        assert!(after.allocated > before.allocated && after.freed > before.freed);
    }

    #[test]
    fn null_is_ignored_and_huge_sizes_fail_cleanly() {
        // SAFETY: null is allowed.
        unsafe {
            numjit_meminfo_incref(ptr::null_mut());
            numjit_meminfo_decref(ptr::null_mut());
        }
        assert!(numjit_meminfo_alloc(usize::MAX - 8).is_null());
        let empty = numjit_meminfo_alloc(0);
        assert!(!empty.is_null());
        // SAFETY: a live block we own.
        unsafe { numjit_meminfo_decref(empty) };
    }

    #[test]
    fn array_alloc_reports_numpy_errors() {
        let mut record = ExceptionRecord::default();
        let dims = [3i64, -1];
        // SAFETY: a valid record and two extents.
        let block = unsafe { numjit_array_alloc(&mut record, dims.as_ptr(), 2, 8, 0) };
        assert!(block.is_null());
        let raised = exception::take(&mut record).expect("raised");
        assert_eq!(raised.message, "negative dimensions are not allowed");
        let dims = [i64::MAX, 4];
        // SAFETY: as above.
        let block = unsafe { numjit_array_alloc(&mut record, dims.as_ptr(), 2, 8, 1) };
        assert!(block.is_null());
        assert!(exception::take(&mut record).expect("raised").message.starts_with("array is too big"));
        let dims = [2i64, 3];
        // SAFETY: as above.
        let block = unsafe { numjit_array_alloc(&mut record, dims.as_ptr(), 2, 8, 1) };
        assert!(!block.is_null());
        // SAFETY: a block we own.
        unsafe {
            assert_eq!((*block).size, 48);
            numjit_meminfo_decref(block);
        }
    }

    #[test]
    fn external_blocks_run_their_destructor() {
        unsafe extern "C" fn release(meminfo: *mut MemInfo) {
            // SAFETY: the test's block, whose destructor_data is a leaked Box<Vec<f64>>.
            unsafe {
                drop(Box::from_raw((*meminfo).destructor_data.cast::<Vec<f64>>()));
                free_external_header(meminfo);
            }
        }
        let mut data = Box::new(vec![1.0f64; 16]);
        let pointer = data.as_mut_ptr().cast::<u8>();
        let block = new_external(pointer, 128, release, Box::into_raw(data).cast());
        // SAFETY: a live block we own.
        unsafe { numjit_meminfo_decref(block) };
    }

    #[test]
    fn external_headers_live_inside_their_owners_allocation() {
        #[repr(C)]
        struct Block {
            header: MemInfo,
            owner: Vec<u8>,
        }
        unsafe extern "C" fn release(meminfo: *mut MemInfo) {
            // SAFETY: the header starts a leaked Box<Block> (repr(C)).
            drop(unsafe { Box::from_raw(meminfo.cast::<Block>()) });
        }
        let mut owner = vec![7u8; 32];
        let header = external_header(owner.as_mut_ptr(), 32, release, ptr::null_mut());
        let block = Box::into_raw(Box::new(Block { header, owner })).cast::<MemInfo>();
        // SAFETY: a live block we own, whose header is first in its allocation.
        unsafe {
            assert_eq!(((*block).size, refcount(block)), (32, 1));
            numjit_meminfo_incref(block);
            numjit_meminfo_decref(block);
            numjit_meminfo_decref(block);
        }
    }
}
