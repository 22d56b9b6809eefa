//! NumPy arrays and scalars across the boundary, as Numba boxes and unboxes them.
//!
//! - Unboxing ([`unbox_array`]): an `ndarray` argument becomes an [`ArrayValue`] over the
//!   same memory (data pointer, shape, byte strides; no copy), whose runtime block holds a
//!   reference to the array object ([`PyOwner`]), so compiled code may keep views of it
//!   alive and its writes are the caller's. `writeable=False` gives a readonly value, which
//!   the dispatcher compiles as its own (readonly) type.
//! - Boxing ([`box_array`]): an array compiled code returns becomes an `ndarray` over the
//!   same memory whose base object ([`ArrayOwner`]) holds the [`ArrayValue`], strides as
//!   they are. An array that is exactly one of the call's arguments (same data, shape,
//!   strides, dtype and writeability: `ArrayValue::is_same_view` of the argument's value)
//!   is that argument object, as in Numba (`f(a) is a`).
//! - NumPy scalars ([`numpy_scalar`]) are read by their dtype through the C API.
//!
//! The NumPy C API (through the `numpy` crate) is only touched once NumPy is imported, so
//! `import numjit` and scalar-only calls never import it.

use std::ffi::c_int;
use std::sync::atomic::{AtomicBool, Ordering};

use numjit::{ArrayValue, ScalarType, Value};
use numpy::npyffi::{self, NPY_ARRAY_ALIGNED, NPY_ARRAY_WRITEABLE, NpyTypes, PY_ARRAY_API, npy_intp};
use numpy::{Complex32, Complex64, PyArrayDescr, PyArrayDescrMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

/// Whether NumPy has been imported (checked in `sys.modules` until it is; then for good).
pub(crate) fn numpy_loaded(py: Python<'_>) -> bool {
    static LOADED: AtomicBool = AtomicBool::new(false);
    if LOADED.load(Ordering::Relaxed) {
        return true;
    }
    let loaded = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .and_then(|modules| modules.contains("numpy"))
        .unwrap_or(false);
    if loaded {
        LOADED.store(true, Ordering::Relaxed);
    }
    loaded
}

/// The dtypes compiled code takes, for error messages.
const SUPPORTED: &str = "bool, int8..int64, uint8..uint64, float32, float64, complex64, complex128";

/// The scalar type of a NumPy dtype, or a TypeError naming the dtype (`what` says whether it
/// belongs to an array or a scalar).
fn scalar_type_of(descr: &Bound<'_, PyArrayDescr>, what: &str) -> PyResult<ScalarType> {
    let kind = descr.kind();
    let builtin = matches!(descr.num(), 0..=12 | 14 | 15);
    let dtype = builtin.then(|| match (kind, descr.itemsize()) {
        (b'b', 1) => Some(ScalarType::Bool),
        (b'i', 1) => Some(ScalarType::Int8),
        (b'i', 2) => Some(ScalarType::Int16),
        (b'i', 4) => Some(ScalarType::Int32),
        (b'i', 8) => Some(ScalarType::Int64),
        (b'u', 1) => Some(ScalarType::UInt8),
        (b'u', 2) => Some(ScalarType::UInt16),
        (b'u', 4) => Some(ScalarType::UInt32),
        (b'u', 8) => Some(ScalarType::UInt64),
        (b'f', 4) => Some(ScalarType::Float32),
        (b'f', 8) => Some(ScalarType::Float64),
        (b'c', 8) => Some(ScalarType::Complex64),
        (b'c', 16) => Some(ScalarType::Complex128),
        _ => None,
    });
    let name = || descr.str().map(|name| name.to_string()).unwrap_or_else(|_| "?".to_owned());
    match dtype.flatten() {
        Some(_) if descr.is_native_byteorder() == Some(false) => Err(PyTypeError::new_err(format!(
            "numjit cannot pass {what} of dtype {} (non-native byte order) to compiled code; \
             convert it with .astype(x.dtype.newbyteorder('=')) first",
            name()
        ))),
        Some(dtype) => Ok(dtype),
        None => Err(PyTypeError::new_err(format!(
            "numjit cannot pass {what} of dtype {} to compiled code (supported dtypes: {SUPPORTED})",
            name()
        ))),
    }
}

/// The `ndarray` type object's check, once NumPy is loaded.
pub(crate) fn as_ndarray<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, PyUntypedArray>> {
    if !numpy_loaded(obj.py()) {
        return None;
    }
    obj.cast::<PyUntypedArray>().ok()
}

/// Keeps the Python object that owns an argument's memory alive for as long as a runtime
/// block (and so compiled code or a returned view) uses it. The block may die on any
/// thread; dropping takes the GIL (a no-op when it is held) and leaks the reference if the
/// interpreter is shutting down.
struct PyOwner(Option<Py<PyAny>>);

impl Drop for PyOwner {
    fn drop(&mut self) {
        if let Some(object) = self.0.take() {
            let object = std::mem::ManuallyDrop::new(object);
            // Not attached (interpreter finalizing): the reference is leaked, never
            // released without the GIL.
            let _ = Python::try_attach(move |_py| drop(std::mem::ManuallyDrop::into_inner(object)));
        }
    }
}

/// An `ndarray` as an [`ArrayValue`] over the same memory, holding a reference to it.
pub(crate) fn unbox_array(array: &Bound<'_, PyUntypedArray>) -> PyResult<ArrayValue> {
    let dtype = scalar_type_of(&array.dtype(), "an array")?;
    let raw = array.as_array_ptr();
    // SAFETY: `raw` is the live array object `array` refers to.
    let (flags, data) = unsafe { ((*raw).flags, (*raw).data.cast::<u8>()) };
    if flags & NPY_ARRAY_ALIGNED == 0 {
        return Err(PyTypeError::new_err(format!(
            "numjit cannot pass an unaligned array of dtype {dtype} to compiled code; copy it first"
        )));
    }
    let readonly = flags & NPY_ARRAY_WRITEABLE == 0;
    let owner = PyOwner(Some(array.clone().into_any().unbind()));
    // SAFETY: NumPy's description of its own array: every element the shape and strides
    // address is aligned memory of `dtype` (checked above), writable unless `readonly`, and
    // kept alive by the reference `owner` holds (an array with exported references cannot
    // be resized).
    Ok(unsafe {
        ArrayValue::from_raw_parts(
            dtype,
            data,
            array.shape().to_vec(),
            array.strides().to_vec(),
            readonly,
            owner,
        )
    })
}

/// Owns the memory of an array that compiled code returned: the base object of the
/// `ndarray` built over it (NumPy keeps its base alive as long as the array and its views).
#[pyclass(frozen, module = "numjit._core", name = "_ArrayOwner")]
pub(crate) struct ArrayOwner {
    array: ArrayValue,
}

#[pymethods]
impl ArrayOwner {
    fn __repr__(&self) -> String {
        format!("<numjit array memory: {}>", self.array)
    }
}

/// The NumPy dtype of a scalar type.
fn descr_of(py: Python<'_>, dtype: ScalarType) -> Bound<'_, PyArrayDescr> {
    match dtype {
        ScalarType::Bool => numpy::dtype::<bool>(py),
        ScalarType::Int8 => numpy::dtype::<i8>(py),
        ScalarType::Int16 => numpy::dtype::<i16>(py),
        ScalarType::Int32 => numpy::dtype::<i32>(py),
        ScalarType::Int64 => numpy::dtype::<i64>(py),
        ScalarType::UInt8 => numpy::dtype::<u8>(py),
        ScalarType::UInt16 => numpy::dtype::<u16>(py),
        ScalarType::UInt32 => numpy::dtype::<u32>(py),
        ScalarType::UInt64 => numpy::dtype::<u64>(py),
        ScalarType::Float32 => numpy::dtype::<f32>(py),
        ScalarType::Float64 => numpy::dtype::<f64>(py),
        ScalarType::Complex64 => numpy::dtype::<Complex32>(py),
        ScalarType::Complex128 => numpy::dtype::<Complex64>(py),
    }
}

/// An array compiled code returned as a new `ndarray` over the same memory (no copy), whose
/// base object owns `array`.
pub(crate) fn box_array(py: Python<'_>, array: ArrayValue) -> PyResult<Py<PyAny>> {
    let descr = descr_of(py, array.dtype());
    let flags = if array.is_readonly() { 0 } else { NPY_ARRAY_WRITEABLE };
    let ndim = c_int::try_from(array.ndim())
        .map_err(|_| PyTypeError::new_err("compiled code returned an array with too many axes"))?;
    let owner = Bound::new(py, ArrayOwner { array })?;
    let array = &owner.get().array;
    // SAFETY: the NumPy C API with the GIL held. `descr` is a new reference, which
    // PyArray_NewFromDescr steals; shape and strides are `npy_intp`-sized and only read
    // (NumPy copies them); the data stays valid while `owner`, the new array's base (set
    // right after; PyArray_SetBaseObject steals that reference, also on failure), lives.
    unsafe {
        let subtype = PY_ARRAY_API.get_type_object(py, NpyTypes::PyArray_Type);
        let object = PY_ARRAY_API.PyArray_NewFromDescr(
            py,
            subtype,
            descr.into_dtype_ptr(),
            ndim,
            array.shape().as_ptr().cast::<npy_intp>().cast_mut(),
            array.strides().as_ptr().cast::<npy_intp>().cast_mut(),
            array.as_ptr().cast(),
            flags,
            std::ptr::null_mut(),
        );
        let object = Bound::from_owned_ptr_or_err(py, object)?;
        if PY_ARRAY_API.PyArray_SetBaseObject(
            py,
            object.as_ptr().cast::<npyffi::PyArrayObject>(),
            owner.into_ptr(),
        ) < 0
        {
            return Err(PyErr::fetch(py));
        }
        Ok(object.unbind())
    }
}

/// A NumPy scalar (`np.float32(1.5)`) as the value of its dtype; `None` for objects that
/// are not NumPy scalars, a TypeError naming the dtype for NumPy scalars of other dtypes.
pub(crate) fn numpy_scalar(obj: &Bound<'_, PyAny>) -> PyResult<Option<Value>> {
    let py = obj.py();
    if !numpy_loaded(py) {
        return Ok(None);
    }
    // SAFETY: NumPy's C API with the GIL held; `obj` is alive. PyArray_DescrFromScalar
    // returns a new reference, and PyArray_ScalarAsCtype writes one value of the scalar's
    // own dtype (at most 16 bytes, checked by `scalar_type_of`) into the 8-aligned buffer.
    unsafe {
        let generic = PY_ARRAY_API.get_type_object(py, NpyTypes::PyGenericArrType_Type);
        if pyo3::ffi::PyObject_TypeCheck(obj.as_ptr(), generic) == 0 {
            return Ok(None);
        }
        let descr = PY_ARRAY_API.PyArray_DescrFromScalar(py, obj.as_ptr());
        let descr = Bound::from_owned_ptr_or_err(py, descr.cast())?.cast_into::<PyArrayDescr>()?;
        let dtype = scalar_type_of(&descr, "a NumPy scalar")?;
        let mut buffer = [0u64; 2];
        PY_ARRAY_API.PyArray_ScalarAsCtype(py, obj.as_ptr(), buffer.as_mut_ptr().cast());
        let bytes: [u8; 16] = std::mem::transmute(buffer);
        let word = |at: usize| -> [u8; 8] { bytes[at..at + 8].try_into().unwrap_or_default() };
        let half = |at: usize| -> [u8; 4] { bytes[at..at + 4].try_into().unwrap_or_default() };
        Ok(Some(match dtype {
            ScalarType::Bool => Value::Bool(bytes[0] != 0),
            ScalarType::Int8 => Value::Int8(i8::from_ne_bytes([bytes[0]])),
            ScalarType::Int16 => Value::Int16(i16::from_ne_bytes([bytes[0], bytes[1]])),
            ScalarType::Int32 => Value::Int32(i32::from_ne_bytes(half(0))),
            ScalarType::Int64 => Value::Int(i64::from_ne_bytes(word(0))),
            ScalarType::UInt8 => Value::UInt8(bytes[0]),
            ScalarType::UInt16 => Value::UInt16(u16::from_ne_bytes([bytes[0], bytes[1]])),
            ScalarType::UInt32 => Value::UInt32(u32::from_ne_bytes(half(0))),
            ScalarType::UInt64 => Value::UInt(u64::from_ne_bytes(word(0))),
            ScalarType::Float32 => Value::Float32(f32::from_ne_bytes(half(0))),
            ScalarType::Float64 => Value::Float(f64::from_ne_bytes(word(0))),
            ScalarType::Complex64 => {
                Value::Complex64(f32::from_ne_bytes(half(0)), f32::from_ne_bytes(half(4)))
            }
            ScalarType::Complex128 => {
                Value::Complex(f64::from_ne_bytes(word(0)), f64::from_ne_bytes(word(8)))
            }
        }))
    }
}
