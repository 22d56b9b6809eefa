//! `numjit._core`: the Python extension module behind the `numjit` package.
//!
//! The package's Python code (python/numjit) finds a function's source and snapshots its
//! globals; this module compiles that source through the [`numjit`] facade and calls the
//! compiled versions, converting Python values to [`numjit::Value`]s and back:
//!
//! - [`CoreDispatcher`] is the base class of the package's `numjit.Dispatcher`: its
//!   `_compile_source` compiles a source unit with the global bindings the package
//!   classified and the decorator options (on the first call, through the subclass's
//!   `_compile_core`); it is called like the function, with no Python frame in between;
//!   compiled code's exceptions become the Python exceptions of the same class, compile
//!   failures [`TypingError`] or [`UnsupportedError`] carrying the rendered diagnostic;
//! - [`compile`] builds a compiled base-class dispatcher directly.
//!
//! NumPy arrays cross without copying in both directions (`arrays`).
//!
//! **Architecture Invariant:** this is the only crate that uses pyo3.

mod arrays;

use numjit::{
    ArrayValue, CallError, CompileError, Dispatcher, Global, Jit, Options, RenderOptions, SourceUnit, Stage,
    Value,
};
use std::sync::OnceLock;

use smallvec::SmallVec;

use pyo3::exceptions::{PyOverflowError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyComplex, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

pyo3::create_exception!(
    numjit.errors,
    NumjitError,
    pyo3::exceptions::PyException,
    "Base class of numjit's errors."
);
pyo3::create_exception!(
    numjit.errors,
    TypingError,
    NumjitError,
    "A function could not be compiled: a type error or another mistake in its source."
);
pyo3::create_exception!(
    numjit.errors,
    UnsupportedError,
    TypingError,
    "A function uses a construct numjit does not compile."
);

/// Whether rendered diagnostics use ANSI colours (the package sets it from `isatty`).
static COLOR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn render_options() -> RenderOptions {
    RenderOptions { color: COLOR.load(std::sync::atomic::Ordering::Relaxed) }
}

/// Turns a compile failure into `TypingError` / `UnsupportedError` / `ValueError`.
fn compile_error(error: &CompileError) -> PyErr {
    let message = error.render(render_options());
    match error {
        CompileError::Options(_) | CompileError::Signature(_) => PyValueError::new_err(message),
        CompileError::Diagnostics { diagnostics, .. }
            if diagnostics
                .iter()
                .any(|diagnostic| diagnostic.code == numjit::DiagnosticCode::UNSUPPORTED) =>
        {
            UnsupportedError::new_err(message)
        }
        _ => TypingError::new_err(message),
    }
}

/// Turns a call failure into the Python exception compiled code raised (same class).
fn call_error(py: Python<'_>, error: CallError) -> PyErr {
    match error {
        CallError::Exception { class, message } => {
            let raised =
                py.import("builtins").and_then(|builtins| builtins.getattr(class.name())).and_then(|class| {
                    if message.is_empty() { class.call0() } else { class.call1((message.as_str(),)) }
                });
            match raised {
                Ok(exception) => PyErr::from_value(exception),
                Err(error) => error,
            }
        }
        CallError::Type(message) => PyTypeError::new_err(message),
        CallError::Compile(error) => compile_error(&error),
    }
}

/// A Python value as a [`Value`] compiled code can take: bool, int (int64, or uint64 above
/// it), float, complex, None, tuples of these, NumPy scalars by their dtype, NumPy arrays
/// (without copying; see [`arrays`]).
#[inline(always)]
fn to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    // The common cases first, by exact type (one pointer comparison each), inlined into the
    // caller so that the value is built in place.
    let ty = obj.get_type_ptr();
    // SAFETY: reading the addresses of the interpreter's static type objects and the
    // value of an object of exactly that type, with the GIL held.
    unsafe {
        if ty == &raw mut pyo3::ffi::PyFloat_Type {
            return Ok(Value::Float(pyo3::ffi::PyFloat_AsDouble(obj.as_ptr())));
        }
        if ty == &raw mut pyo3::ffi::PyLong_Type {
            let mut overflow = 0;
            let int = pyo3::ffi::PyLong_AsLongLongAndOverflow(obj.as_ptr(), &mut overflow);
            if overflow == 0 {
                return Ok(Value::Int(int));
            }
        }
        if ty == &raw mut pyo3::ffi::PyBool_Type {
            return Ok(Value::Bool(obj.as_ptr() == pyo3::ffi::Py_True()));
        }
    }
    to_value_slow(obj)
}

/// [`to_value`] of everything but exact floats, ints that fit int64 and bools.
#[inline(never)]
fn to_value_slow(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Some(array) = arrays::as_ndarray(obj) {
        return arrays::unbox_array(array).map(Value::Array);
    }
    if obj.is_none() {
        return Ok(Value::None);
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract::<bool>()?));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(int) = obj.extract::<i64>() {
            return Ok(Value::Int(int));
        }
        if let Ok(int) = obj.extract::<u64>() {
            return Ok(Value::UInt(int));
        }
        return Err(PyOverflowError::new_err("int too large to convert to a 64-bit integer"));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Ok(Value::Float(obj.extract::<f64>()?));
    }
    if let Ok(complex) = obj.cast::<PyComplex>() {
        return Ok(Value::Complex(complex.real(), complex.imag()));
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return tuple.iter().map(|item| to_value(&item)).collect::<PyResult<Vec<_>>>().map(Value::Tuple);
    }
    if let Some(value) = arrays::numpy_scalar(obj)? {
        return Ok(value);
    }
    let type_name = obj.get_type().name().map(|name| name.to_string()).unwrap_or_else(|_| "?".to_owned());
    Err(PyTypeError::new_err(format!("numjit cannot pass a value of type '{type_name}' to compiled code")))
}

/// A result as a Python object: numbers as Python's int, float, complex and bool (as Numba
/// returns them), tuples as tuples, arrays as NumPy arrays over the same memory (the
/// argument object itself when the array is exactly one of the call's `arguments`).
fn from_value(py: Python<'_>, value: Value, arguments: &Arguments<'_, '_>) -> PyResult<Py<PyAny>> {
    Ok(match value {
        Value::None => py.None(),
        Value::Bool(flag) => PyBool::new(py, flag).to_owned().into_any().unbind(),
        Value::Int(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::UInt(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::Int8(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::Int16(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::Int32(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::UInt8(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::UInt16(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::UInt32(int) => int.into_pyobject(py)?.into_any().unbind(),
        Value::Float(float) => PyFloat::new(py, float).into_any().unbind(),
        Value::Float32(float) => PyFloat::new(py, f64::from(float)).into_any().unbind(),
        Value::Complex(real, imag) => PyComplex::from_doubles(py, real, imag).into_any().unbind(),
        Value::Complex64(real, imag) => {
            PyComplex::from_doubles(py, f64::from(real), f64::from(imag)).into_any().unbind()
        }
        Value::Tuple(items) => {
            let items = items
                .into_iter()
                .map(|item| from_value(py, item, arguments))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, items)?.into_any().unbind()
        }
        Value::Function(_) => return Err(PyTypeError::new_err("compiled code returned a function")),
        Value::Array(array) => match arguments.same_array(&array) {
            Some(argument) => argument,
            None => return arrays::box_array(py, array),
        },
    })
}

/// The arguments of a call: the Python objects and the values made of them.
struct Arguments<'a, 'py> {
    args: &'a Bound<'py, PyTuple>,
    values: &'a [Value],
    kwargs: Option<&'a Bound<'py, PyDict>>,
    keywords: &'a [(String, Value)],
}

impl Arguments<'_, '_> {
    /// The argument object (or array inside a tuple argument) whose value is exactly
    /// `array` (same block, data, shape, strides, dtype, readonly).
    fn same_array(&self, array: &ArrayValue) -> Option<Py<PyAny>> {
        fn find<'py>(obj: Bound<'py, PyAny>, value: &Value, array: &ArrayValue) -> Option<Bound<'py, PyAny>> {
            match value {
                Value::Array(argument) => argument.is_same_view(array).then_some(obj),
                Value::Tuple(items) => {
                    let tuple = obj.cast_into::<PyTuple>().ok()?;
                    tuple.iter().zip(items).find_map(|(item, value)| find(item, value, array))
                }
                _ => None,
            }
        }
        let positional = self.args.iter().zip(self.values).find_map(|(arg, value)| find(arg, value, array));
        let found = positional.or_else(|| {
            let kwargs = self.kwargs?;
            self.keywords.iter().find_map(|(key, value)| find(kwargs.get_item(key).ok()??, value, array))
        });
        found.map(Bound::unbind)
    }
}

/// The decorator options as [`Options`]; the package has already rejected unknown names.
fn options_from(dict: &Bound<'_, PyDict>) -> PyResult<Options> {
    let mut options = Options::new();
    let invalid = |error: numjit::OptionsError| PyValueError::new_err(error.to_string());
    for (key, value) in dict.iter() {
        let key: String = key.extract()?;
        match key.as_str() {
            "nopython" => options.nopython = value.is_truthy()?,
            "fastmath" => {
                options = if value.is_instance_of::<PyBool>() {
                    options.fastmath(value.extract::<bool>()?)
                } else {
                    let names: Vec<String> =
                        value.try_iter()?.map(|name| name?.extract::<String>()).collect::<PyResult<_>>()?;
                    options.fastmath_flags(names.iter().map(String::as_str)).map_err(invalid)?
                }
            }
            "parallel" => options = options.parallel(value.is_truthy()?),
            "cache" => options.cache = value.is_truthy()?,
            "cache_dir" => options.cache_dir = Some(value.extract::<std::path::PathBuf>()?),
            "locals" => options.locals = value.extract::<Vec<(String, String)>>()?,
            "nogil" => options.nogil = value.is_truthy()?,
            "boundscheck" => {
                options.boundscheck = if value.is_none() { None } else { Some(value.is_truthy()?) }
            }
            "error_model" => {
                options = options.error_model_named(&value.extract::<String>()?).map_err(invalid)?
            }
            "inline" => options = options.inline_named(&value.extract::<String>()?).map_err(invalid)?,
            "opt" => options = options.opt_level(value.extract::<u8>()?).map_err(invalid)?,
            "signatures" => {
                for signature in value.try_iter()? {
                    options = options.signature(signature?.extract::<String>()?);
                }
            }
            other => return Err(PyTypeError::new_err(format!("unknown option '{other}'"))),
        }
    }
    Ok(options)
}

/// A global binding as the package classified it: `(name, kind, payload)`.
fn global_from(kind: &str, payload: &Bound<'_, PyAny>) -> PyResult<Option<Global>> {
    Ok(match kind {
        "value" => match to_value(payload) {
            Ok(value) => Some(Global::Value(value)),
            Err(_) => None,
        },
        "module" => Some(Global::Module(payload.extract()?)),
        "member" => {
            let (module, member): (String, String) = payload.extract()?;
            Some(Global::ModuleMember(module, member))
        }
        "prange" => Some(Global::Prange),
        "function" => Some(Global::Function(payload.extract()?)),
        _ => None,
    })
}

/// The compiled state of a [`CoreDispatcher`].
struct Compiled {
    inner: Dispatcher,
    nogil: bool,
}

/// A compiled function: one machine-code version per argument-type signature.
///
/// The package's `numjit.Dispatcher` subclasses it, so that calling a dispatcher runs this
/// type's `__call__` with no Python frame in between. The source is compiled lazily: the
/// first call asks the instance's `_compile_core()` (the package finds the source and the
/// globals, then calls `_compile_source`).
#[pyclass(frozen, subclass, module = "numjit._core")]
struct CoreDispatcher {
    compiled: OnceLock<Compiled>,
}

impl CoreDispatcher {
    fn compiled(&self) -> PyResult<&Compiled> {
        self.compiled.get().ok_or_else(|| PyRuntimeError::new_err("the dispatcher has not been compiled"))
    }
}

#[pymethods]
impl CoreDispatcher {
    /// An uncompiled dispatcher; subclasses take their own constructor arguments.
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
        CoreDispatcher { compiled: OnceLock::new() }
    }

    /// Compiles `function` from a source unit with the given globals and options (the
    /// first time only; later calls do nothing).
    #[pyo3(signature = (file_name, text, first_line, function, globals, options))]
    fn _compile_source(
        &self,
        file_name: String,
        text: String,
        first_line: usize,
        function: String,
        globals: &Bound<'_, PyList>,
        options: &Bound<'_, PyDict>,
    ) -> PyResult<()> {
        if self.compiled.get().is_some() {
            return Ok(());
        }
        let options = options_from(options)?;
        let mut bindings = Vec::new();
        for item in globals.iter() {
            let (name, kind, payload): (String, String, Bound<'_, PyAny>) = item.extract()?;
            if let Some(global) = global_from(&kind, &payload)? {
                bindings.push((name, global));
            }
        }
        let unit = SourceUnit { file_name, text, first_line };
        let nogil = options.nogil;
        let inner = Jit::new()
            .compile_with_globals(&unit, &function, &bindings, &options)
            .map_err(|error| compile_error(&error))?;
        // Another thread may have won the race; its dispatcher is as good as this one.
        let _ = self.compiled.set(Compiled { inner, nogil });
        Ok(())
    }

    /// Whether the source has been compiled (`_compile_source` succeeded).
    #[getter]
    fn _is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Calls the function, compiling a version for these argument types on first use.
    #[pyo3(signature = (*args, **kwargs))]
    fn __call__(
        slf: &Bound<'_, Self>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let this = slf.get();
        let compiled = match this.compiled.get() {
            Some(compiled) => compiled,
            None => {
                slf.call_method0("_compile_core")?;
                this.compiled()?
            }
        };
        // Up to eight arguments live on the stack (built in place: `new`, unlike
        // `with_capacity`, does not copy the buffer).
        let mut values: SmallVec<[Value; 8]> = SmallVec::new();
        for arg in args.iter_borrowed() {
            values.push(to_value(&arg)?);
        }
        let keywords = match kwargs {
            Some(kwargs) if !kwargs.is_empty() => kwargs
                .iter()
                .map(|(key, value)| Ok((key.extract::<String>()?, to_value(&value)?)))
                .collect::<PyResult<Vec<_>>>()?,
            _ => Vec::new(),
        };
        let inner = &compiled.inner;
        let call = || {
            if keywords.is_empty() {
                inner.call(&values)
            } else {
                let keywords: Vec<(&str, Value)> =
                    keywords.iter().map(|(key, value)| (key.as_str(), value.clone())).collect();
                inner.call_with_keywords(&values, &keywords)
            }
        };
        // Under nogil the compiled code runs detached from the interpreter: it only sees
        // `values`, whose arrays' Python owners stay referenced (and are only released, with
        // the GIL, when `values` is dropped here).
        let result = if compiled.nogil { py.detach(call) } else { call() };
        let result = match result {
            Ok(value) => {
                let arguments = Arguments { args, values: &values, kwargs, keywords: &keywords };
                from_value(py, value, &arguments)
            }
            Err(error) => Err(call_error(py, error)),
        };
        if !values.spilled()
            && values.iter().all(|value| matches!(value, Value::Int(_) | Value::Float(_) | Value::Bool(_)))
        {
            // Nothing to drop (plain numbers in the inline buffer): skip the per-value drops.
            std::mem::forget(values);
        }
        result
    }

    /// Compiles the version for a signature string (`"float64(int64, float64)"`) now.
    fn _compile_signature(&self, signature: &str) -> PyResult<()> {
        self.compiled()?.inner.compile_signature(signature).map_err(|error| compile_error(&error))
    }

    /// The signatures compiled so far, as strings (none before the source is compiled).
    #[getter]
    fn _compiled_signatures(&self) -> Vec<String> {
        self.compiled.get().map(|compiled| compiled.inner.signatures()).unwrap_or_default()
    }

    /// A compilation stage's text for a compiled signature: `hir`, `types`, `ir`, `opt`,
    /// `llvm`, `asm`.
    fn _inspect_stage(&self, signature: &str, stage: &str) -> PyResult<String> {
        let stage: Stage = stage.parse().map_err(PyValueError::new_err)?;
        self.compiled()?.inner.inspect(signature, stage).map_err(|error| compile_error(&error))
    }

    /// Warnings about the options (`nopython=False` is ignored, ...).
    #[getter]
    fn _warnings(&self) -> PyResult<Vec<String>> {
        Ok(self.compiled()?.inner.warnings().to_vec())
    }

    /// `(versions linked from cache=True's files, versions compiled)` so far.
    #[getter]
    fn _cache_counts(&self) -> (usize, usize) {
        self.compiled
            .get()
            .map_or((0, 0), |compiled| (compiled.inner.cache_hit_count(), compiled.inner.compilation_count()))
    }
}

/// Compiles `function` from a source unit with the given globals and options into a new
/// (base-class) dispatcher.
#[pyfunction]
#[pyo3(signature = (file_name, text, first_line, function, globals, options))]
fn compile(
    file_name: String,
    text: String,
    first_line: usize,
    function: String,
    globals: &Bound<'_, PyList>,
    options: &Bound<'_, PyDict>,
) -> PyResult<CoreDispatcher> {
    let dispatcher = CoreDispatcher { compiled: OnceLock::new() };
    dispatcher._compile_source(file_name, text, first_line, function, globals, options)?;
    Ok(dispatcher)
}

/// Whether diagnostics in error messages use ANSI colours.
#[pyfunction]
fn set_color(enabled: bool) {
    COLOR.store(enabled, std::sync::atomic::Ordering::Relaxed);
}

/// The type compiled code gives `value` (Numba's `typeof`), as numjit prints it
/// (`array(float64, 2d, C)`, `readonly array(int32, 1d, A)`).
#[pyfunction]
#[pyo3(name = "typeof")]
fn type_of(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = to_value(value)?;
    match value.type_of() {
        Some(ty) => Ok(ty.to_string()),
        None => Err(PyValueError::new_err(format!("cannot determine the numjit type of {value}"))),
    }
}

/// Array memory blocks alive in the runtime (allocated by compiled code or wrapping
/// NumPy or Rust memory): tests compare it around calls to find leaks.
#[pyfunction]
fn _live_blocks() -> isize {
    numjit::live_array_blocks()
}

/// The system report of `numjit sysinfo` / `python -m numjit -s`.
#[pyfunction]
fn sysinfo() -> PyResult<String> {
    numjit::SystemInfo::collect().map(|info| info.to_string()).map_err(PyValueError::new_err)
}

#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add_function(wrap_pyfunction!(compile, module)?)?;
    module.add_function(wrap_pyfunction!(set_color, module)?)?;
    module.add_function(wrap_pyfunction!(sysinfo, module)?)?;
    module.add_function(wrap_pyfunction!(type_of, module)?)?;
    module.add_function(wrap_pyfunction!(_live_blocks, module)?)?;
    module.add_class::<CoreDispatcher>()?;
    module.add_class::<arrays::ArrayOwner>()?;
    module.add("NumjitError", py.get_type::<NumjitError>())?;
    module.add("TypingError", py.get_type::<TypingError>())?;
    module.add("UnsupportedError", py.get_type::<UnsupportedError>())?;
    module.add("__version__", PyString::new(py, env!("CARGO_PKG_VERSION")))?;
    Ok(())
}
