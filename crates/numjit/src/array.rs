//! [`ArrayValue`]: an n-dimensional array of any scalar dtype passed to or returned from
//! compiled code, and its conversions from and to `ndarray`.
//!
//! An array value is a data pointer, a shape, byte strides (any layout: C, Fortran, or
//! strided with negative or zero strides) and an owner: a refcounted runtime block
//! (`numjit_abi::MemInfo`). Cloning adds an owner, dropping removes one; the memory is freed
//! with the last owner, whether that is Rust or compiled code. Arrays that compiled code
//! returns own the reference the callee handed back (no copy); arrays built from an owned
//! `ndarray::Array` wrap its `Vec` (no copy); views are copied.
//!
//! Compiled code may write into an array it is given (`a[i] = x`); the change is visible
//! to every clone. As with NumPy arrays, two threads running compiled code that writes the
//! same array at the same time race; `ArrayValue` itself never mutates through `&self`.

use std::ffi::c_void;
use std::fmt;
use std::ptr::NonNull;

use ndarray::{Array, ArrayD, ArrayView, Dimension, IxDyn};
use num_complex::Complex;
use numjit_abi::MemInfo;
use numjit_runtime::{array_format, memory};
use numjit_types::{ArrayType, Layout, ScalarType};

use crate::value::Value;

mod sealed {
    pub trait Sealed {}
}

/// A Rust type that is the element type of a NumPy dtype.
pub trait Element: Copy + 'static + sealed::Sealed {
    /// The dtype.
    const DTYPE: ScalarType;
}

macro_rules! elements {
    ($($rust:ty => $dtype:ident),* $(,)?) => {
        $(
            impl sealed::Sealed for $rust {}
            impl Element for $rust {
                const DTYPE: ScalarType = ScalarType::$dtype;
            }
        )*
    };
}

elements! {
    bool => Bool, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64,
    u8 => UInt8, u16 => UInt16, u32 => UInt32, u64 => UInt64,
    f32 => Float32, f64 => Float64, Complex<f32> => Complex64, Complex<f64> => Complex128,
}

/// The most axes an array passed to compiled code may have (NumPy 2's limit).
pub const MAX_NDIM: usize = 64;

/// An n-dimensional array owned (shared) through a runtime memory block.
pub struct ArrayValue {
    meminfo: NonNull<MemInfo>,
    data: *mut u8,
    dtype: ScalarType,
    shape: Vec<usize>,
    /// Byte strides.
    strides: Vec<isize>,
    readonly: bool,
}

// SAFETY: the block's refcount is atomic and the runtime frees it from whichever thread
// drops the last owner; the elements are plain numbers. Concurrent writes by compiled code
// are the caller's responsibility, as with NumPy (see the module documentation).
unsafe impl Send for ArrayValue {}
// SAFETY: as above; `&ArrayValue` gives Rust no way to write the elements.
unsafe impl Sync for ArrayValue {}

/// The destructor of blocks wrapping a Rust `Vec<T>` (its `Box` is `destructor_data`).
unsafe extern "C" fn drop_vec<T>(meminfo: *mut MemInfo) {
    // SAFETY: called once by the runtime with a block made by `ArrayValue::wrap_vec::<T>`.
    unsafe {
        drop(Box::from_raw((*meminfo).destructor_data.cast::<Vec<T>>()));
        memory::free_external_header(meminfo);
    }
}

/// A block wrapping foreign memory (see [`ArrayValue::from_raw_parts`]): the runtime's
/// header followed by the owner, in one allocation.
#[repr(C)]
struct ForeignBlock<O> {
    header: MemInfo,
    owner: O,
}

/// The destructor of blocks made by [`ArrayValue::from_raw_parts`]: drops the owner and
/// frees the block.
unsafe extern "C" fn drop_foreign<O>(meminfo: *mut MemInfo) {
    // SAFETY: called once by the runtime with the header of a leaked
    // `Box<ForeignBlock<O>>`, which starts with that header (`repr(C)`).
    drop(unsafe { Box::from_raw(meminfo.cast::<ForeignBlock<O>>()) });
}

impl ArrayValue {
    /// Wraps memory that someone else owns without copying (a NumPy array's buffer, say):
    /// a new runtime block keeps `owner` until the last owner of the array, Rust or
    /// compiled code, lets go; then `owner` is dropped, on whichever thread that happens
    /// (an owner holding a Python object must take the GIL in its `Drop`). `shape` and
    /// byte `strides` may describe any layout, negative and zero strides included. The
    /// block and the owner are one allocation.
    ///
    /// # Safety
    /// Every element that `data`, `shape` and `strides` address must be valid memory of
    /// `dtype`, suitably aligned, for reads — and for writes unless `readonly` — as long as
    /// `owner` is alive, and nothing may free or move it before then. `shape` and
    /// `strides` have the same length.
    pub unsafe fn from_raw_parts<O: Send + 'static>(
        dtype: ScalarType,
        data: *mut u8,
        shape: Vec<usize>,
        strides: Vec<isize>,
        readonly: bool,
        owner: O,
    ) -> ArrayValue {
        debug_assert_eq!(shape.len(), strides.len());
        // The block describes the bytes the elements span, from the lowest to the highest
        // (with negative strides the first element is not the lowest).
        let (mut low, mut high) = (0isize, 0isize);
        if !shape.contains(&0) {
            for (&extent, &stride) in shape.iter().zip(&strides) {
                let reach = (extent as isize - 1) * stride;
                if reach < 0 { low += reach } else { high += reach }
            }
            high += dtype.size_bytes() as isize;
        }
        let header = memory::external_header(
            data.wrapping_offset(low),
            (high - low) as usize,
            drop_foreign::<O>,
            std::ptr::null_mut(),
        );
        let block = Box::into_raw(Box::new(ForeignBlock { header, owner }));
        ArrayValue {
            // SAFETY: a Box is never null; the header is at the start of the block.
            meminfo: unsafe { NonNull::new_unchecked(block.cast::<MemInfo>()) },
            data,
            dtype,
            shape,
            strides,
            readonly,
        }
    }

    /// The address of the first element (the element at index 0 on every axis).
    pub fn as_ptr(&self) -> *mut u8 {
        self.data
    }

    /// Takes ownership of an `ndarray` array without copying: its memory becomes a runtime
    /// block (freed when the last owner, Rust or compiled code, lets go). Any layout works,
    /// including arrays sliced in place with steps or reversed axes.
    pub fn from_ndarray<T: Element, D: Dimension>(array: Array<T, D>) -> ArrayValue {
        let itemsize = size_of::<T>() as isize;
        let shape = array.shape().to_vec();
        let strides: Vec<isize> = array.strides().iter().map(|stride| stride * itemsize).collect();
        let (vec, offset) = array.into_raw_vec_and_offset();
        let offset = if vec.is_empty() { 0 } else { offset.unwrap_or(0) };
        Self::wrap_vec(vec, offset, shape, strides)
    }

    /// Copies a view (or any array) into a new C-contiguous array.
    pub fn from_view<T: Element, D: Dimension>(view: ArrayView<'_, T, D>) -> ArrayValue {
        let shape = view.shape().to_vec();
        let data: Vec<T> = view.iter().copied().collect();
        let strides = c_strides(&shape, size_of::<T>());
        Self::wrap_vec(data, 0, shape, strides)
    }

    /// A 1-d array of the values (copied).
    pub fn from_slice<T: Element>(values: &[T]) -> ArrayValue {
        Self::wrap_vec(values.to_vec(), 0, vec![values.len()], vec![size_of::<T>() as isize])
    }

    /// A 1-d array of `values` (copied), each a scalar [`Value`] of `dtype` exactly
    /// ([`Value::Float32`] for float32, [`Value::Int`] for int64, ...); `None` when one
    /// is not.
    pub fn from_values(dtype: ScalarType, values: &[Value]) -> Option<ArrayValue> {
        fn typed<T: Element>(values: &[Value], item: impl Fn(&Value) -> Option<T>) -> Option<ArrayValue> {
            let vec: Vec<T> = values.iter().map(item).collect::<Option<_>>()?;
            let len = vec.len();
            Some(ArrayValue::wrap_vec(vec, 0, vec![len], vec![size_of::<T>() as isize]))
        }
        match dtype {
            ScalarType::Bool => typed(values, |v| if let Value::Bool(x) = *v { Some(x) } else { None }),
            ScalarType::Int8 => typed(values, |v| if let Value::Int8(x) = *v { Some(x) } else { None }),
            ScalarType::Int16 => typed(values, |v| if let Value::Int16(x) = *v { Some(x) } else { None }),
            ScalarType::Int32 => typed(values, |v| if let Value::Int32(x) = *v { Some(x) } else { None }),
            ScalarType::Int64 => typed(values, |v| if let Value::Int(x) = *v { Some(x) } else { None }),
            ScalarType::UInt8 => typed(values, |v| if let Value::UInt8(x) = *v { Some(x) } else { None }),
            ScalarType::UInt16 => typed(values, |v| if let Value::UInt16(x) = *v { Some(x) } else { None }),
            ScalarType::UInt32 => typed(values, |v| if let Value::UInt32(x) = *v { Some(x) } else { None }),
            ScalarType::UInt64 => typed(values, |v| if let Value::UInt(x) = *v { Some(x) } else { None }),
            ScalarType::Float32 => typed(values, |v| if let Value::Float32(x) = *v { Some(x) } else { None }),
            ScalarType::Float64 => typed(values, |v| if let Value::Float(x) = *v { Some(x) } else { None }),
            ScalarType::Complex64 => typed(values, |v| match *v {
                Value::Complex64(re, im) => Some(Complex::new(re, im)),
                _ => None,
            }),
            ScalarType::Complex128 => typed(values, |v| match *v {
                Value::Complex(re, im) => Some(Complex::new(re, im)),
                _ => None,
            }),
        }
    }

    fn wrap_vec<T: Element>(
        mut vec: Vec<T>,
        offset: usize,
        shape: Vec<usize>,
        strides: Vec<isize>,
    ) -> ArrayValue {
        let size = vec.len() * size_of::<T>();
        // SAFETY: `offset` is the position of the first element inside the Vec (or 0).
        let data = unsafe { vec.as_mut_ptr().add(offset) }.cast::<u8>();
        let base = vec.as_mut_ptr().cast::<u8>();
        let boxed = Box::into_raw(Box::new(vec));
        let meminfo = memory::new_external(base, size, drop_vec::<T>, boxed.cast::<c_void>());
        ArrayValue {
            meminfo: NonNull::new(meminfo).unwrap_or(NonNull::dangling()),
            data,
            dtype: T::DTYPE,
            shape,
            strides,
            readonly: false,
        }
    }

    /// The element type.
    pub fn dtype(&self) -> ScalarType {
        self.dtype
    }

    /// The extent of each axis.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The byte stride of each axis.
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// The number of axes.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether the array has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same array marked read-only (`arr.flags.writeable = False`): compiled code that
    /// assigns to it does not compile.
    pub fn into_readonly(mut self) -> ArrayValue {
        self.readonly = true;
        self
    }

    /// Whether the array is read-only.
    pub fn is_readonly(&self) -> bool {
        self.readonly
    }

    /// Whether the elements are in C order without gaps (NumPy's flag: axes of extent 1
    /// do not count, and empty arrays are contiguous).
    pub fn is_c_contiguous(&self) -> bool {
        contiguous(self.shape.iter().rev().zip(self.strides.iter().rev()), self.itemsize(), &self.shape)
    }

    /// Whether the elements are in Fortran order without gaps.
    pub fn is_f_contiguous(&self) -> bool {
        contiguous(self.shape.iter().zip(self.strides.iter()), self.itemsize(), &self.shape)
    }

    fn itemsize(&self) -> usize {
        self.dtype.size_bytes() as usize
    }

    /// Numba's `typeof`: `array(dtype, Nd, C)` when C-contiguous, else `F` when
    /// Fortran-contiguous, else `A`. (Arrays of more than [`MAX_NDIM`] axes cannot be
    /// passed to compiled code; their `ndim` here saturates at 255.)
    pub fn array_type(&self) -> ArrayType {
        let layout = if self.is_c_contiguous() {
            Layout::C
        } else if self.is_f_contiguous() {
            Layout::F
        } else {
            Layout::A
        };
        let ndim = u8::try_from(self.shape.len()).unwrap_or(u8::MAX);
        ArrayType { dtype: self.dtype, ndim, layout, readonly: self.readonly }
    }

    /// A copy of the elements as an `ndarray` array in C order; `None` when `T` is not
    /// the dtype.
    pub fn to_ndarray<T: Element>(&self) -> Option<ArrayD<T>> {
        if T::DTYPE != self.dtype {
            return None;
        }
        let mut out: Vec<T> = Vec::with_capacity(self.len());
        self.for_each_element(|pointer| {
            // SAFETY: `pointer` addresses an element of this array, whose dtype is T's.
            out.push(unsafe { pointer.cast::<T>().read_unaligned() });
        });
        ArrayD::from_shape_vec(IxDyn(&self.shape), out).ok()
    }

    /// The element at `index` (one index per axis), if in bounds and `T` is the dtype.
    pub fn get<T: Element>(&self, index: &[usize]) -> Option<T> {
        if T::DTYPE != self.dtype || index.len() != self.shape.len() {
            return None;
        }
        let mut offset = 0isize;
        for ((&i, &extent), &stride) in index.iter().zip(&self.shape).zip(&self.strides) {
            if i >= extent {
                return None;
            }
            offset += i as isize * stride;
        }
        // SAFETY: the index is inside the array, so the address is one of its elements.
        Some(unsafe { self.data.offset(offset).cast::<T>().read_unaligned() })
    }

    /// Every element as a scalar [`Value`] of the dtype ([`Value::Float32`] for float32,
    /// [`Value::Int`] for int64, ...), in C order.
    pub fn values(&self) -> Vec<Value> {
        fn typed<T: Element>(array: &ArrayValue, wrap: impl Fn(T) -> Value) -> Vec<Value> {
            let mut out = Vec::with_capacity(array.len());
            array.for_each_element(|pointer| {
                // SAFETY: `pointer` addresses an element of `array`, whose dtype is T's.
                out.push(wrap(unsafe { pointer.cast::<T>().read_unaligned() }));
            });
            out
        }
        match self.dtype {
            ScalarType::Bool => typed(self, Value::Bool),
            ScalarType::Int8 => typed(self, Value::Int8),
            ScalarType::Int16 => typed(self, Value::Int16),
            ScalarType::Int32 => typed(self, Value::Int32),
            ScalarType::Int64 => typed(self, Value::Int),
            ScalarType::UInt8 => typed(self, Value::UInt8),
            ScalarType::UInt16 => typed(self, Value::UInt16),
            ScalarType::UInt32 => typed(self, Value::UInt32),
            ScalarType::UInt64 => typed(self, Value::UInt),
            ScalarType::Float32 => typed(self, Value::Float32),
            ScalarType::Float64 => typed(self, Value::Float),
            ScalarType::Complex64 => typed(self, |z: Complex<f32>| Value::Complex64(z.re, z.im)),
            ScalarType::Complex128 => typed(self, |z: Complex<f64>| Value::Complex(z.re, z.im)),
        }
    }

    /// A view of the same memory block (no copy; it adds an owner), as NumPy's
    /// `as_strided` makes one: its first element `offset` bytes from this array's, with
    /// `shape` and byte `strides` (any sign). The dtype and the read-only flag are kept.
    /// `None` when an element of the view would lie outside the block, when offset or a
    /// stride is not a multiple of the item size, or when shape and strides differ in
    /// length or have more than [`MAX_NDIM`] axes.
    pub fn view(&self, offset: isize, shape: &[usize], strides: &[isize]) -> Option<ArrayValue> {
        let itemsize = self.itemsize() as isize;
        if shape.len() != strides.len()
            || shape.len() > MAX_NDIM
            || offset % itemsize != 0
            || strides.iter().any(|stride| stride % itemsize != 0)
        {
            return None;
        }
        // SAFETY: we own a reference, so the block is alive.
        let (block, size) =
            unsafe { ((*self.meminfo.as_ptr()).data as i128, (*self.meminfo.as_ptr()).size as i128) };
        let first = self.data as i128 + offset as i128;
        match extent(first, shape, strides, itemsize) {
            Some((low, high)) if low < block || high > block + size => return None,
            None if first < block || first > block + size => return None,
            _ => {}
        }
        // SAFETY: we own a reference; the view takes another.
        unsafe { memory::numjit_meminfo_incref(self.meminfo.as_ptr()) };
        Some(ArrayValue {
            meminfo: self.meminfo,
            data: self.data.wrapping_offset(offset),
            dtype: self.dtype,
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            readonly: self.readonly,
        })
    }

    /// Whether `other` is this very array: the same runtime block, first element, shape,
    /// strides, dtype and read-only flag (clones are; equal copies and other views are not).
    pub fn is_same_view(&self, other: &ArrayValue) -> bool {
        self.meminfo == other.meminfo
            && self.data == other.data
            && self.dtype == other.dtype
            && self.readonly == other.readonly
            && self.shape == other.shape
            && self.strides == other.strides
    }

    /// Whether the two arrays' memory extents (from the lowest to the highest byte their
    /// elements occupy) overlap, as NumPy's `may_share_memory`; an empty array shares
    /// nothing.
    pub fn may_share_memory(&self, other: &ArrayValue) -> bool {
        let extent_of = |array: &ArrayValue| {
            extent(array.data as i128, &array.shape, &array.strides, array.itemsize() as isize)
        };
        match (extent_of(self), extent_of(other)) {
            (Some((low, high)), Some((other_low, other_high))) => low < other_high && other_low < high,
            _ => false,
        }
    }

    /// Calls `visit` with the address of every element, in C order.
    fn for_each_element(&self, mut visit: impl FnMut(*const u8)) {
        if self.is_empty() {
            return;
        }
        let ndim = self.shape.len();
        let mut index = vec![0usize; ndim];
        loop {
            let offset: isize =
                index.iter().zip(&self.strides).map(|(&i, &stride)| i as isize * stride).sum();
            // SAFETY: `index` is inside the shape, so the element is inside the block.
            visit(unsafe { self.data.offset(offset) });
            let mut axis = ndim;
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                index[axis] += 1;
                if index[axis] < self.shape[axis] {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    /// How many words [`ArrayValue::abi_words_iter`] yields.
    pub(crate) fn abi_word_count(&self) -> usize {
        5 + 2 * self.shape.len()
    }

    /// Writes [`ArrayValue::abi_words_iter`]'s words into `words`, which must hold exactly
    /// [`ArrayValue::abi_word_count`] of them (else writes nothing and returns `false`).
    pub(crate) fn write_abi_words(&self, words: &mut [std::mem::MaybeUninit<u64>]) -> bool {
        let ndim = self.shape.len();
        if words.len() != 5 + 2 * ndim {
            return false;
        }
        let (header, axes) = words.split_at_mut(5);
        let (shape, strides) = axes.split_at_mut(ndim);
        let values =
            [self.meminfo.as_ptr() as u64, 0, self.len() as u64, self.itemsize() as u64, self.data as u64];
        for (word, value) in header.iter_mut().zip(values) {
            word.write(value);
        }
        for (word, &extent) in shape.iter_mut().zip(&self.shape) {
            word.write(extent as u64);
        }
        for (word, &stride) in strides.iter_mut().zip(&self.strides) {
            word.write(stride as u64);
        }
        true
    }

    /// The array struct compiled code takes (`numjit_abi::ArrayStruct`), as 8-byte words.
    pub(crate) fn abi_words_iter(&self) -> impl Iterator<Item = u64> + '_ {
        [self.meminfo.as_ptr() as u64, 0, self.len() as u64, self.itemsize() as u64, self.data as u64]
            .into_iter()
            .chain(self.shape.iter().map(|&extent| extent as u64))
            .chain(self.strides.iter().map(|&stride| stride as u64))
    }

    /// The array compiled code returned as the struct in `bytes` (`ndim` axes): takes the
    /// reference the callee handed over. A result without a block (borrowed memory) is
    /// copied into one.
    ///
    /// # Safety
    /// `bytes` holds an array struct that compiled code returned for this type, whose
    /// reference (if any) now belongs to the caller.
    pub(crate) unsafe fn from_abi(ty: &ArrayType, bytes: &[u8]) -> Option<ArrayValue> {
        let ndim = usize::from(ty.ndim);
        let word = |index: usize| -> Option<u64> {
            let mut buffer = [0u8; 8];
            buffer.copy_from_slice(bytes.get(8 * index..8 * index + 8)?);
            Some(u64::from_le_bytes(buffer))
        };
        let meminfo = word(0)? as usize as *mut MemInfo;
        let data = word(4)? as usize as *mut u8;
        let shape: Vec<usize> =
            (0..ndim).map(|axis| word(5 + axis).map(|w| w as usize)).collect::<Option<_>>()?;
        let strides: Vec<isize> =
            (0..ndim).map(|axis| word(5 + ndim + axis).map(|w| w as i64 as isize)).collect::<Option<_>>()?;
        let (owner, is_borrowed) = match NonNull::new(meminfo) {
            Some(meminfo) => (meminfo, false),
            None => (NonNull::dangling(), true),
        };
        let array =
            ArrayValue { meminfo: owner, data, dtype: ty.dtype, shape, strides, readonly: ty.readonly };
        if !is_borrowed {
            return Some(array);
        }
        // No block of its own: copy, and never run Drop on the borrowed description.
        let borrowed = std::mem::ManuallyDrop::new(array);
        Some(borrowed.copy_bytes())
    }

    /// The elements as a constant for compiled code (a global array frozen at compile
    /// time): a C-order copy of the bytes.
    pub(crate) fn to_constant(&self) -> numjit_types::ArrayConstant {
        let itemsize = self.itemsize();
        let mut bytes: Vec<u8> = Vec::with_capacity(self.len() * itemsize);
        self.for_each_element(|pointer| {
            // SAFETY: `pointer` addresses `itemsize` bytes of one element.
            bytes.extend_from_slice(unsafe { std::slice::from_raw_parts(pointer, itemsize) });
        });
        numjit_types::ArrayConstant {
            dtype: self.dtype,
            shape: self.shape.iter().map(|&extent| extent as u64).collect(),
            bytes: bytes.into_boxed_slice(),
        }
    }

    /// A C-contiguous copy with a block of its own.
    fn copy_bytes(&self) -> ArrayValue {
        let itemsize = self.itemsize();
        let mut bytes: Vec<u8> = Vec::with_capacity(self.len() * itemsize);
        self.for_each_element(|pointer| {
            // SAFETY: `pointer` addresses `itemsize` bytes of one element.
            bytes.extend_from_slice(unsafe { std::slice::from_raw_parts(pointer, itemsize) });
        });
        let strides = c_strides(&self.shape, itemsize);
        let mut copy = Self::wrap_vec(bytes, 0, self.shape.clone(), strides);
        copy.dtype = self.dtype;
        copy.readonly = self.readonly;
        copy
    }

    /// The view with the axes reversed (`a.T`), sharing the block.
    pub fn transposed(&self) -> ArrayValue {
        let mut view = self.clone();
        view.shape.reverse();
        view.strides.reverse();
        view
    }

    /// The array with a new shape of the same size: a view of a C-contiguous array, a
    /// C-contiguous copy of any other (NumPy's `reshape`).
    pub fn reshaped(&self, shape: &[usize]) -> Result<ArrayValue, crate::value::LiteralError> {
        let size = shape.iter().try_fold(1usize, |size, extent| size.checked_mul(*extent));
        if size != Some(self.len()) {
            return Err(crate::value::LiteralError(format!(
                "cannot reshape an array of size {} into shape {shape:?}",
                self.len()
            )));
        }
        let mut view = if self.is_c_contiguous() { self.clone() } else { self.copy_bytes() };
        view.strides = c_strides(shape, self.itemsize());
        view.shape = shape.to_vec();
        Ok(view)
    }

    /// The current number of owners of the array's block (for tests).
    pub fn refcount(&self) -> usize {
        // SAFETY: we own a reference, so the block is alive.
        unsafe { memory::refcount(self.meminfo.as_ptr()) }
    }
}

/// The addresses `[low, high)` that the elements of an array starting at `first` occupy;
/// `None` when it has no elements.
fn extent(first: i128, shape: &[usize], strides: &[isize], itemsize: isize) -> Option<(i128, i128)> {
    if shape.contains(&0) {
        return None;
    }
    let (mut low, mut high) = (first, first + itemsize as i128);
    for (&extent, &stride) in shape.iter().zip(strides) {
        let reach = (extent as i128 - 1) * stride as i128;
        if reach < 0 {
            low += reach;
        } else {
            high += reach;
        }
    }
    Some((low, high))
}

/// Byte strides of a C-contiguous array.
fn c_strides(shape: &[usize], itemsize: usize) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = itemsize as isize;
    for axis in (0..shape.len()).rev() {
        strides[axis] = step;
        step *= shape[axis].max(1) as isize;
    }
    strides
}

fn contiguous<'a>(
    axes: impl Iterator<Item = (&'a usize, &'a isize)>,
    itemsize: usize,
    shape: &[usize],
) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected = itemsize as isize;
    for (&extent, &stride) in axes {
        if extent == 1 {
            continue;
        }
        if stride != expected {
            return false;
        }
        expected *= extent as isize;
    }
    true
}

impl Clone for ArrayValue {
    fn clone(&self) -> Self {
        // SAFETY: we own a reference, so the block is alive.
        unsafe { memory::numjit_meminfo_incref(self.meminfo.as_ptr()) };
        ArrayValue {
            meminfo: self.meminfo,
            data: self.data,
            dtype: self.dtype,
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            readonly: self.readonly,
        }
    }
}

impl Drop for ArrayValue {
    fn drop(&mut self) {
        // SAFETY: we own a reference and give it up here.
        unsafe { memory::numjit_meminfo_decref(self.meminfo.as_ptr()) };
    }
}

/// Equal when dtype, shape and every element's bytes are equal.
impl PartialEq for ArrayValue {
    fn eq(&self, other: &Self) -> bool {
        if self.dtype != other.dtype || self.shape != other.shape {
            return false;
        }
        let itemsize = self.itemsize();
        let mut mine: Vec<*const u8> = Vec::with_capacity(self.len());
        self.for_each_element(|pointer| mine.push(pointer));
        let mut position = 0;
        let mut equal = true;
        other.for_each_element(|pointer| {
            if let Some(&own) = mine.get(position) {
                // SAFETY: both point to `itemsize` bytes of an element.
                let (a, b) = unsafe {
                    (std::slice::from_raw_parts(own, itemsize), std::slice::from_raw_parts(pointer, itemsize))
                };
                equal &= a == b;
            }
            position += 1;
        });
        equal
    }
}

impl fmt::Debug for ArrayValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArrayValue")
            .field("type", &self.array_type().to_string())
            .field("shape", &self.shape)
            .field("strides", &self.strides)
            .finish()
    }
}

impl ArrayValue {
    /// NumPy's `repr` of the array (`array([1., 2.])`).
    pub fn repr(&self) -> String {
        self.format(array_format::array_repr)
    }

    /// NumPy's `str` of the array (`[1. 2.]`), what `print` shows.
    pub fn str(&self) -> String {
        self.format(array_format::array_str)
    }

    fn format(&self, formatter: fn(&array_format::ArrayView) -> String) -> String {
        use array_format::Dtype;
        let dtype = match self.dtype {
            ScalarType::Bool => Dtype::Bool,
            ScalarType::Int8 => Dtype::Int8,
            ScalarType::Int16 => Dtype::Int16,
            ScalarType::Int32 => Dtype::Int32,
            ScalarType::Int64 => Dtype::Int64,
            ScalarType::UInt8 => Dtype::UInt8,
            ScalarType::UInt16 => Dtype::UInt16,
            ScalarType::UInt32 => Dtype::UInt32,
            ScalarType::UInt64 => Dtype::UInt64,
            ScalarType::Float32 => Dtype::Float32,
            ScalarType::Float64 => Dtype::Float64,
            ScalarType::Complex64 => Dtype::Complex64,
            ScalarType::Complex128 => Dtype::Complex128,
        };
        // SAFETY: the block this value owns a reference to holds every element that the
        // shape and strides address, alive while `self` is.
        match unsafe { array_format::ArrayView::from_raw_parts(dtype, self.data, &self.shape, &self.strides) }
        {
            Ok(view) => formatter(&view),
            Err(error) => format!("<array: {error}>"),
        }
    }
}

impl fmt::Display for ArrayValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl<T: Element, D: Dimension> From<Array<T, D>> for ArrayValue {
    fn from(array: Array<T, D>) -> Self {
        ArrayValue::from_ndarray(array)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ShapeBuilder, arr2, s};

    #[test]
    fn layouts_and_round_trips() {
        let c = ArrayValue::from_ndarray(arr2(&[[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]]));
        assert_eq!(c.array_type().to_string(), "array(float64, 2d, C)");
        assert_eq!(c.strides(), [24, 8]);
        let f = ArrayValue::from_ndarray(
            Array::from_shape_vec((2, 3).f(), vec![1i32, 2, 3, 4, 5, 6]).expect("shape"),
        );
        assert_eq!(f.array_type().to_string(), "array(int32, 2d, F)");
        assert_eq!(f.get::<i32>(&[1, 0]), Some(2));
        let mut strided = Array::from_shape_vec((2, 4), (0..8i64).collect()).expect("shape");
        strided.slice_collapse(s![.., ..;2]);
        let a = ArrayValue::from_ndarray(strided);
        assert_eq!(a.array_type().to_string(), "array(int64, 2d, A)");
        assert_eq!(a.to_ndarray::<i64>().expect("int64").into_raw_vec_and_offset().0, vec![0, 2, 4, 6]);
        let reversed = ArrayValue::from_ndarray({
            let mut array = ndarray::arr1(&[1u8, 2, 3]);
            array.invert_axis(ndarray::Axis(0));
            array
        });
        assert_eq!(reversed.strides(), [-1]);
        assert_eq!(reversed.get::<u8>(&[0]), Some(3));
        let copy = ArrayValue::from_view(c.to_ndarray::<f64>().expect("float64").t());
        assert_eq!(copy.get::<f64>(&[2, 1]), Some(6.0));
        assert_eq!(c.clone(), c);
        assert_ne!(c, copy);
        assert_eq!(c.refcount(), 1);
    }

    #[test]
    fn foreign_memory_keeps_its_owner_until_the_last_clone() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};

        struct Owner(Vec<i32>, Arc<AtomicBool>);
        impl Drop for Owner {
            fn drop(&mut self) {
                self.1.store(true, Ordering::SeqCst);
            }
        }
        let dropped = Arc::new(AtomicBool::new(false));
        let mut owner = Owner((0..6).collect(), Arc::clone(&dropped));
        let data = owner.0.as_mut_ptr().cast::<u8>();
        // A 2x3 C array read transposed (3x2, strides 4 and 12), reversed along axis 0.
        // SAFETY: every addressed element lies inside the Vec the owner keeps alive.
        let array = unsafe {
            ArrayValue::from_raw_parts(ScalarType::Int32, data.add(8), vec![3, 2], vec![-4, 12], true, owner)
        };
        assert_eq!(array.as_ptr(), unsafe { data.add(8) });
        // The block spans the elements' bytes: from the lowest (element [2, 0], at data)
        // to the end of the highest (element [0, 1], at data + 20).
        // SAFETY: the block is alive.
        assert_eq!(unsafe { ((*array.meminfo.as_ptr()).data, (*array.meminfo.as_ptr()).size) }, (data, 24));
        assert_eq!(array.array_type().to_string(), "readonly array(int32, 2d, A)");
        assert_eq!(
            array.to_ndarray::<i32>().expect("int32").into_raw_vec_and_offset().0,
            vec![2, 5, 1, 4, 0, 3]
        );
        let clone = array.clone();
        assert!(clone.is_same_view(&array) && !clone.is_same_view(&clone.transposed()));
        drop(array);
        assert!(!dropped.load(Ordering::SeqCst));
        assert_eq!(clone.get::<i32>(&[2, 1]), Some(3));
        drop(clone);
        assert!(dropped.load(Ordering::SeqCst));
    }

    #[test]
    fn values_round_trip_every_dtype() {
        let cases = [
            (ScalarType::Bool, vec![Value::Bool(true), Value::Bool(false)]),
            (ScalarType::Int8, vec![Value::Int8(-3), Value::Int8(127)]),
            (ScalarType::UInt16, vec![Value::UInt16(65535)]),
            (ScalarType::Int32, vec![Value::Int32(-7)]),
            (ScalarType::Int64, vec![Value::Int(i64::MIN), Value::Int(5)]),
            (ScalarType::UInt64, vec![Value::UInt(u64::MAX)]),
            (ScalarType::Float32, vec![Value::Float32(0.1), Value::Float32(-0.0)]),
            (ScalarType::Float64, vec![Value::Float(f64::INFINITY)]),
            (ScalarType::Complex64, vec![Value::Complex64(1.5, -2.0)]),
            (ScalarType::Complex128, vec![Value::Complex(0.0, 1.0), Value::Complex(-1.0, 0.5)]),
            (ScalarType::Float64, vec![]),
        ];
        for (dtype, values) in cases {
            let array = ArrayValue::from_values(dtype, &values).expect("values of the dtype");
            assert_eq!(array.dtype(), dtype);
            assert_eq!(array.shape(), [values.len()]);
            assert_eq!(array.values(), values);
        }
        assert!(ArrayValue::from_values(ScalarType::Float32, &[Value::Float(1.0)]).is_none());
        assert!(ArrayValue::from_values(ScalarType::Int64, &[Value::Int32(1)]).is_none());
    }

    #[test]
    fn views_share_the_block_with_numpys_strides() {
        let values: Vec<Value> = (0..12).map(Value::Int).collect();
        let base = ArrayValue::from_values(ScalarType::Int64, &values).expect("int64");
        let ints = |array: &ArrayValue| -> Vec<i64> {
            array.values().iter().map(|value| value.as_i128().expect("int") as i64).collect()
        };
        // np.arange(12).reshape(3, 4) and its transpose
        let matrix = base.view(0, &[3, 4], &[32, 8]).expect("in bounds");
        assert_eq!(matrix.array_type().to_string(), "array(int64, 2d, C)");
        assert_eq!(base.refcount(), 2);
        let transposed = matrix.view(0, &[4, 3], &[8, 32]).expect("in bounds");
        assert_eq!(transposed.array_type().to_string(), "array(int64, 2d, F)");
        assert_eq!(ints(&transposed), [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
        // a[::-3] starts at the last element; a[:, 1::2] is strided
        let reversed = base.view(88, &[4], &[-24]).expect("in bounds");
        assert_eq!(ints(&reversed), [11, 8, 5, 2]);
        let columns = matrix.view(8, &[3, 2], &[32, 16]).expect("in bounds");
        assert_eq!(columns.array_type().to_string(), "array(int64, 2d, A)");
        assert_eq!(ints(&columns), [1, 3, 5, 7, 9, 11]);
        // an offset relative to a view
        let last_row = columns.view(64, &[2], &[16]).expect("in bounds");
        assert_eq!(ints(&last_row), [9, 11]);
        // outside the block, misaligned, mismatched
        assert!(base.view(96, &[1], &[8]).is_none());
        assert!(base.view(0, &[13], &[8]).is_none());
        assert!(base.view(0, &[2], &[-8]).is_none());
        assert!(base.view(4, &[1], &[8]).is_none());
        assert!(base.view(0, &[2], &[12]).is_none());
        assert!(base.view(0, &[2, 2], &[8]).is_none());
        // empty views may sit at the end; a 0-d view is one element
        let empty = base.view(96, &[0], &[8]).expect("empty at the end");
        assert!(empty.is_empty());
        let scalar = base.view(40, &[], &[]).expect("0-d");
        assert_eq!(ints(&scalar), [5]);
        // memory extents, as np.may_share_memory
        let row = |index: isize| matrix.view(32 * index, &[4], &[8]).expect("row");
        assert!(!row(0).may_share_memory(&row(1)));
        assert!(row(1).may_share_memory(&matrix));
        assert!(
            base.view(0, &[6], &[16])
                .expect("even")
                .may_share_memory(&base.view(8, &[6], &[16]).expect("odd"))
        );
        assert!(!empty.may_share_memory(&base));
        assert!(!base.may_share_memory(&ArrayValue::from_values(ScalarType::Int64, &values).expect("copy")));
        assert!(base.clone().into_readonly().view(0, &[1], &[8]).expect("in bounds").is_readonly());
        drop((matrix, transposed, reversed, columns, last_row, empty, scalar));
        assert_eq!(base.refcount(), 1);
    }
}
