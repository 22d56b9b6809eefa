//! [`Dispatcher`]: one Python function and its compiled versions, one per argument-type
//! signature, as Numba's `CPUDispatcher`.
//!
//! - A call looks for a version whose types are exactly the arguments' (`typeof`) among
//!   the first eight, which are set once and read without a lock or a reference count
//!   change; later versions are looked up under a read lock (their `Arc` cloned, the call
//!   made with the lock released). The hot path allocates nothing (arguments are
//!   flattened on the stack).
//! - No exact version: a lazy dispatcher compiles one (under its compile lock, so one
//!   signature compiles once even when many threads ask at the same time); a dispatcher
//!   with explicit signatures converts the arguments to the best version by Numba's rules
//!   (fewest unsafe conversions, then safe ones, then promotions; a tie is an error
//!   listing the candidates).

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

use numjit_abi::{ExceptionClass, ExceptionRecord};
use numjit_sema::{FunctionId, Ty};
use numjit_types::{ArrayType, Conversion, ScalarType, Type, can_convert, parse_signature};

use crate::abi::{OutBuffer, Slots, call_wrapper, flatten, read_result};
use crate::cache::Cache;
use crate::error::{CallError, CompileError};
use crate::inspect::Stage;
use crate::options::{Options, Resolved};
use crate::pipeline::{Compiled, Keep, Program, StageTimings, compile};
use crate::value::Value;

/// How many versions calls find without locking (later ones are found under the lock).
const FAST_VERSIONS: usize = 8;

/// A parameter of the Python function, for binding calls.
#[derive(Clone, Debug)]
struct Param {
    name: String,
    default: Option<Value>,
    positional: bool,
    keyword: bool,
}

/// A compiled version.
struct Version {
    /// The argument types it was compiled for (after defaults were applied).
    key: Vec<Ty>,
    /// The return type as declared by an explicit signature (the result is cast to it).
    declared_return: Option<Type>,
    compiled: Compiled,
    /// The size of the result buffer, in 8-byte words.
    out_words: usize,
    /// When every parameter is an int64, float64, bool or array passed as itself: how each
    /// argument is passed, so that a call matches and flattens its arguments in one pass.
    plan: Option<Box<[PlainParam]>>,
}

/// A parameter of a [`Version::plan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlainParam {
    Int,
    Float,
    Bool,
    Array(ArrayType),
}

impl PlainParam {
    /// The plan for `key` when every argument type is int64, float64, bool or an array
    /// and is passed as exactly that type.
    fn plan(key: &[Ty], params: &[Option<Type>]) -> Option<Box<[PlainParam]>> {
        if key.len() != params.len() {
            return None;
        }
        key.iter()
            .zip(params)
            .map(|(ty, param)| {
                let Ty::Value(ty) = ty else { return None };
                if param.as_ref() != Some(ty) {
                    return None;
                }
                match ty {
                    Type::Scalar(ScalarType::Int64) => Some(PlainParam::Int),
                    Type::Scalar(ScalarType::Float64) => Some(PlainParam::Float),
                    Type::Scalar(ScalarType::Bool) => Some(PlainParam::Bool),
                    Type::Array(array) => Some(PlainParam::Array(*array)),
                    _ => None,
                }
            })
            .collect()
    }

    /// Flattens the arguments into `slots` when each is exactly its parameter's type (as
    /// `matches_exactly` then `flatten` would find and produce); `false` when one is not
    /// (`slots` is then partly filled, to be dropped).
    fn flatten(plan: &[PlainParam], args: &[Value], slots: &mut Slots) -> bool {
        if plan.len() != args.len() {
            return false;
        }
        for (param, arg) in plan.iter().zip(args) {
            let slot = match (param, arg) {
                (PlainParam::Int, Value::Int(int)) => *int as u64,
                (PlainParam::Float, Value::Float(float)) => float.to_bits(),
                (PlainParam::Bool, Value::Bool(flag)) => u64::from(*flag),
                (PlainParam::Array(ty), Value::Array(array))
                    if array.ndim() <= crate::array::MAX_NDIM && array.array_type() == *ty =>
                {
                    slots.push_array(array);
                    continue;
                }
                _ => return false,
            };
            slots.push(slot);
        }
        true
    }
}

impl Version {
    fn return_type(&self) -> &Type {
        self.declared_return.as_ref().unwrap_or(&self.compiled.return_type)
    }
}

struct Inner {
    program: Arc<Program>,
    function: FunctionId,
    name: String,
    params: Vec<Param>,
    /// `*args` or `**kwargs`: calls are not bound here; compiling reports the construct.
    has_var_params: bool,
    options: Options,
    resolved: Resolved,
    warnings: Vec<String>,
    versions: RwLock<Vec<Arc<Version>>>,
    /// The first [`FAST_VERSIONS`] versions again, each set once and never changed: calls
    /// look them up without taking the lock or touching a reference count.
    fast: [OnceLock<Arc<Version>>; FAST_VERSIONS],
    /// Held while compiling, so one signature is compiled once.
    compile_lock: Mutex<()>,
    /// False once explicit signatures are given: calls then only convert arguments.
    can_compile: AtomicBool,
    n_compilations: AtomicUsize,
    /// `cache=True` with a directory: where versions are stored and found.
    cache: Option<Cache>,
    n_cache_hits: AtomicUsize,
}

/// A compiled Python function: call it with [`Dispatcher::call`]. Cloning is cheap and
/// clones share the compiled versions; a dispatcher may be used from many threads.
#[derive(Clone)]
pub struct Dispatcher {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("name", &self.inner.name)
            .field("signatures", &self.signatures())
            .finish()
    }
}

impl Dispatcher {
    pub(crate) fn new(
        program: Arc<Program>,
        function: FunctionId,
        options: &Options,
        resolved: Resolved,
        warnings: Vec<String>,
    ) -> Result<Dispatcher, CompileError> {
        let def = &program.env.functions[function].def;
        let globals = &program.env.namespaces[program.namespace];
        let param = |arg: &numjit_ast::ArgWithDefault, positional: bool, keyword: bool| Param {
            name: arg.def.arg.id.to_string(),
            default: arg
                .default
                .as_ref()
                .and_then(|default| numjit_sema::env::eval_const(default, globals))
                .and_then(|value| Value::from_const(&value)),
            positional,
            keyword,
        };
        let mut params: Vec<Param> = def.args.posonlyargs.iter().map(|arg| param(arg, true, false)).collect();
        params.extend(def.args.args.iter().map(|arg| param(arg, true, true)));
        params.extend(def.args.kwonlyargs.iter().map(|arg| param(arg, false, true)));
        let has_var_params = def.args.vararg.is_some() || def.args.kwarg.is_some();
        let name = def.name.id.to_string();
        let dispatcher = Dispatcher {
            inner: Arc::new(Inner {
                name,
                program,
                function,
                params,
                has_var_params,
                options: options.clone(),
                resolved,
                warnings,
                versions: RwLock::new(Vec::new()),
                fast: std::array::from_fn(|_| OnceLock::new()),
                compile_lock: Mutex::new(()),
                can_compile: AtomicBool::new(true),
                n_compilations: AtomicUsize::new(0),
                cache: options.cache.then(|| cache_dir(options)).flatten().map(Cache::new),
                n_cache_hits: AtomicUsize::new(0),
            }),
        };
        for signature in &options.signatures {
            dispatcher.compile_signature(signature)?;
        }
        Ok(dispatcher)
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The options it compiles with.
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// Warnings about the options (`nopython=False` is ignored, ...).
    pub fn warnings(&self) -> &[String] {
        &self.inner.warnings
    }

    /// How many versions were compiled so far (a cache hit compiles nothing).
    pub fn compilation_count(&self) -> usize {
        self.inner.n_compilations.load(Ordering::SeqCst)
    }

    /// How many versions were linked from `cache=True`'s files instead of compiled.
    pub fn cache_hit_count(&self) -> usize {
        self.inner.n_cache_hits.load(Ordering::SeqCst)
    }

    /// The compiled signatures, as `return(args)` (`float64(int64, float64)`), in the order
    /// they were compiled.
    pub fn signatures(&self) -> Vec<String> {
        self.versions().iter().map(|version| signature_text(&version.key, version.return_type())).collect()
    }

    /// How long parsing the source and building its environment took (once per
    /// [`Jit::compile_source`](crate::Jit::compile_source), before any version compiles).
    pub fn parse_time(&self) -> std::time::Duration {
        self.inner.program.parse_time
    }

    /// How long each stage took for each compiled version, in compile order.
    pub fn compile_timings(&self) -> Vec<(String, StageTimings)> {
        self.versions()
            .iter()
            .map(|version| (signature_text(&version.key, version.return_type()), version.compiled.timings))
            .collect()
    }

    fn versions(&self) -> std::sync::RwLockReadGuard<'_, Vec<Arc<Version>>> {
        self.inner.versions.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Calls the function with positional arguments (missing trailing ones take their
    /// defaults), compiling a version for their types if needed.
    pub fn call(&self, args: &[Value]) -> Result<Value, CallError> {
        let args = if args.len() == self.inner.params.len() && !self.inner.has_var_params {
            Cow::Borrowed(args)
        } else {
            Cow::Owned(self.bind(args, &[])?)
        };
        self.call_bound(&args)
    }

    /// Calls the function with positional and keyword arguments, bound to parameters as
    /// Python binds them.
    pub fn call_with_keywords(&self, args: &[Value], keywords: &[(&str, Value)]) -> Result<Value, CallError> {
        let args = self.bind(args, keywords)?;
        self.call_bound(&args)
    }

    fn bind(&self, args: &[Value], keywords: &[(&str, Value)]) -> Result<Vec<Value>, CallError> {
        let name = &self.inner.name;
        if self.inner.has_var_params {
            // Let type inference say what it thinks of `*args`/`**kwargs`.
            let inner = &self.inner;
            let arg_types = self.arg_types(args)?;
            compile(&inner.program, inner.function, &arg_types, &inner.resolved, Keep::Stage(Stage::Types))?;
            return Err(CallError::Type(format!(
                "{name}() has *args or **kwargs parameters, which calls cannot bind"
            )));
        }
        let params = &self.inner.params;
        let n_positional = params.iter().filter(|param| param.positional).count();
        if args.len() > n_positional {
            return Err(CallError::Type(format!(
                "{name}() takes {n_positional} positional arguments but {} were given",
                args.len()
            )));
        }
        let mut bound: Vec<Option<Value>> = vec![None; params.len()];
        for (slot, arg) in bound.iter_mut().zip(args) {
            *slot = Some(arg.clone());
        }
        for (keyword, value) in keywords {
            let Some(param_idx) = params.iter().position(|param| param.keyword && param.name == *keyword)
            else {
                return Err(CallError::Type(format!(
                    "{name}() got an unexpected keyword argument '{keyword}'"
                )));
            };
            if bound[param_idx].is_some() {
                return Err(CallError::Type(format!(
                    "{name}() got multiple values for argument '{keyword}'"
                )));
            }
            bound[param_idx] = Some(value.clone());
        }
        bound
            .into_iter()
            .zip(params)
            .map(|(value, param)| {
                value.or_else(|| param.default.clone()).ok_or_else(|| {
                    CallError::Type(format!("{name}() missing required argument: '{}'", param.name))
                })
            })
            .collect()
    }

    fn call_bound(&self, args: &[Value]) -> Result<Value, CallError> {
        // The hot path: an exact version among the first few, borrowed (versions live as
        // long as the dispatcher).
        for slot in &self.inner.fast {
            let Some(version) = slot.get() else { break };
            if let Some(plan) = &version.plan {
                let mut slots = Slots::new();
                if PlainParam::flatten(plan, args, &mut slots) {
                    return invoke_flattened(version, &slots);
                }
            } else if self.matches_exactly(args, &version.key) {
                return invoke(version, args);
            }
        }
        let exact = {
            let versions = self.versions();
            versions.iter().find(|version| self.matches_exactly(args, &version.key)).cloned()
        };
        let version = match exact {
            Some(version) => version,
            None if self.inner.can_compile.load(Ordering::Acquire) => self.compile_for(args)?,
            None => self.choose_by_conversion(args)?,
        };
        invoke(&version, args)
    }

    fn matches_exactly(&self, args: &[Value], key: &[Ty]) -> bool {
        args.len() == key.len()
            && args.iter().zip(key).all(|(arg, ty)| match (arg, ty) {
                (Value::Function(name), Ty::Function(function)) => {
                    self.function_named(name) == Some(*function)
                }
                (value, Ty::Value(ty)) => value.has_type(ty),
                _ => false,
            })
    }

    fn function_named(&self, name: &str) -> Option<FunctionId> {
        let program = &self.inner.program;
        program.env.function_by_name(program.namespace, name)
    }

    /// The inference type of each argument.
    fn arg_types(&self, args: &[Value]) -> Result<Vec<Ty>, CallError> {
        args.iter()
            .map(|arg| match arg {
                Value::Function(name) => self
                    .function_named(name)
                    .map(Ty::Function)
                    .ok_or_else(|| CallError::Type(format!("no function named '{name}' in the source"))),
                value => value
                    .type_of()
                    .map(Ty::Value)
                    .ok_or_else(|| CallError::Type(format!("cannot determine the type of {value}"))),
            })
            .collect()
    }

    fn compile_for(&self, args: &[Value]) -> Result<Arc<Version>, CallError> {
        let key = self.arg_types(args)?;
        Ok(self.compile_key(key, None)?)
    }

    /// Compiles (or finds) the version for `key`.
    fn compile_key(&self, key: Vec<Ty>, declared_return: Option<Type>) -> Result<Arc<Version>, CompileError> {
        let _guard = self.inner.compile_lock.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(version) = self.versions().iter().find(|version| version.key == key) {
            return Ok(Arc::clone(version));
        }
        let inner = &self.inner;
        let (compiled, hit) = match &inner.cache {
            Some(cache) => {
                cache.load_or_compile(&inner.program, inner.function, &inner.name, &key, &inner.resolved)?
            }
            None => (compile(&inner.program, inner.function, &key, &inner.resolved, Keep::Nothing)?.0, false),
        };
        let Some(compiled) = compiled else {
            return Err(CompileError::Internal {
                stage: "codegen",
                message: "no machine code was produced".into(),
            });
        };
        if let Some(declared) = &declared_return
            && can_convert(&compiled.return_type, declared).is_none()
        {
            return Err(CompileError::Signature(format!(
                "no conversion from the inferred return type {} to the declared {declared}",
                compiled.return_type
            )));
        }
        let declared_return = declared_return.filter(|declared| *declared != compiled.return_type);
        if hit {
            inner.n_cache_hits.fetch_add(1, Ordering::SeqCst);
        } else {
            inner.n_compilations.fetch_add(1, Ordering::SeqCst);
        }
        let plan = PlainParam::plan(&key, &compiled.params);
        let out_words = OutBuffer::words_for(&compiled.return_type);
        let version = Arc::new(Version { key, declared_return, compiled, out_words, plan });
        let mut versions = inner.versions.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot) = inner.fast.get(versions.len()) {
            // Only set here, under the compile lock, in order: never set twice.
            let _ = slot.set(Arc::clone(&version));
        }
        versions.push(Arc::clone(&version));
        drop(versions);
        Ok(version)
    }

    /// Compiles the signature `text` (`"float64(int64, float64)"`) now. Afterwards calls
    /// only convert arguments to the compiled signatures, as with `@njit("...")`.
    pub fn compile_signature(&self, text: &str) -> Result<(), CompileError> {
        let signature = parse_signature(text)
            .map_err(|error| CompileError::Signature(format!("invalid signature \"{text}\": {error}")))?;
        let n_params = self.inner.params.len();
        if signature.args.len() != n_params {
            return Err(CompileError::Signature(format!(
                "signature \"{text}\" has {} argument types but {}() takes {n_params} parameters",
                signature.args.len(),
                self.inner.name
            )));
        }
        let key = signature.args.into_iter().map(Ty::Value).collect();
        self.compile_key(key, signature.return_type)?;
        self.inner.can_compile.store(false, Ordering::Release);
        Ok(())
    }

    /// The best version for the arguments by Numba's conversion rules.
    fn choose_by_conversion(&self, args: &[Value]) -> Result<Arc<Version>, CallError> {
        let arg_types = self.arg_types(args)?;
        let versions = self.versions();
        let mut best: Vec<(Rating, &Arc<Version>)> = Vec::new();
        for version in versions.iter() {
            let Some(rating) = rate(&arg_types, &version.key) else { continue };
            match best.first() {
                Some((best_rating, _)) if rating > *best_rating => {}
                Some((best_rating, _)) if rating == *best_rating => best.push((rating, version)),
                _ => best = vec![(rating, version)],
            }
        }
        let types_text = || arg_types.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        match best.as_slice() {
            [(_, version)] => Ok(Arc::clone(version)),
            [] => Err(CallError::Type(format!(
                "No matching definition for argument type(s) {} of {}(); compiled signatures: {}",
                types_text(),
                self.inner.name,
                versions
                    .iter()
                    .map(|version| signature_text(&version.key, version.return_type()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            candidates => {
                let listed: Vec<String> = candidates
                    .iter()
                    .map(|(_, version)| signature_text(&version.key, version.return_type()))
                    .collect();
                Err(CallError::Type(format!(
                    "Ambiguous overloading for {} ({}):\n{}",
                    self.inner.name,
                    types_text(),
                    listed.join("\n")
                )))
            }
        }
    }

    /// The text of one stage of the compilation for `signature` (argument types; a return
    /// type, if written, is ignored).
    pub fn inspect(&self, signature: &str, stage: Stage) -> Result<String, CompileError> {
        let parsed = parse_signature(signature).map_err(|error| {
            CompileError::Signature(format!("invalid signature \"{signature}\": {error}"))
        })?;
        let key: Vec<Ty> = parsed.args.into_iter().map(Ty::Value).collect();
        self.inspect_types(&key, stage)
    }

    /// The text of one stage of the compilation for these argument types.
    pub fn inspect_types(&self, arg_types: &[Ty], stage: Stage) -> Result<String, CompileError> {
        let inner = &self.inner;
        let (_, text) =
            compile(&inner.program, inner.function, arg_types, &inner.resolved, Keep::Stage(stage))?;
        Ok(text.unwrap_or_default())
    }
}

/// Numba's overload rating: counts of unsafe, safe and promoting conversions, compared in
/// that order (fewer is better).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rating {
    n_unsafe: u32,
    n_safe: u32,
    n_promote: u32,
}

fn rate(arg_types: &[Ty], key: &[Ty]) -> Option<Rating> {
    if arg_types.len() != key.len() {
        return None;
    }
    let mut rating = Rating { n_unsafe: 0, n_safe: 0, n_promote: 0 };
    for (from, to) in arg_types.iter().zip(key) {
        match (from, to) {
            (Ty::Value(from), Ty::Value(to)) => match can_convert(from, to)? {
                Conversion::Exact => {}
                Conversion::Promote => rating.n_promote += 1,
                Conversion::Safe => rating.n_safe += 1,
                Conversion::Unsafe => rating.n_unsafe += 1,
            },
            _ if from == to => {}
            _ => return None,
        }
    }
    Some(rating)
}

fn signature_text(key: &[Ty], return_type: &Type) -> String {
    let args: Vec<String> = key.iter().map(ToString::to_string).collect();
    format!("{return_type}({})", args.join(", "))
}

/// Calls `version` with `args` (bound, one per parameter).
fn invoke(version: &Version, args: &[Value]) -> Result<Value, CallError> {
    let compiled = &version.compiled;
    let mut slots = Slots::new();
    for (arg, param) in args.iter().zip(&compiled.params) {
        if let Some(ty) = param
            && !flatten(arg, ty, &mut slots)
        {
            return Err(CallError::Type(format!("{arg} cannot be passed as {ty}")));
        }
    }
    invoke_flattened(version, &slots)
}

/// Calls `version` with its arguments flattened into `slots`.
fn invoke_flattened(version: &Version, slots: &Slots) -> Result<Value, CallError> {
    let compiled = &version.compiled;
    let mut out = OutBuffer::with_words(version.out_words);
    let mut exc = ExceptionRecord::new();
    // SAFETY: `wrapper` is the call wrapper of this version's entry, whose flattened
    // parameters are exactly `compiled.params` (what `slots` now holds) and whose result
    // has the layout of `compiled.return_type`, which sized `out`. The machine code lives
    // in `compiled.module`, alive for the whole call.
    let ok = unsafe { call_wrapper(compiled.wrapper, slots, &mut out, &mut exc) };
    if !ok {
        return Err(match numjit_runtime::exception::take(&mut exc) {
            Some(raised) => CallError::Exception { class: raised.class, message: raised.message },
            None => CallError::Exception {
                class: ExceptionClass::RuntimeError,
                message: "compiled code failed without setting an exception".into(),
            },
        });
    }
    let value = read_result(&compiled.return_type, &out).ok_or_else(|| {
        CallError::Type(format!("values of type {} cannot be returned yet", compiled.return_type))
    })?;
    match &version.declared_return {
        Some(declared) => value
            .cast(declared)
            .ok_or_else(|| CallError::Type(format!("cannot convert the result {value} to {declared}"))),
        None => Ok(value),
    }
}

/// The directory `cache=True` uses: `NUMJIT_CACHE_DIR` when set, else the option's.
fn cache_dir(options: &Options) -> Option<std::path::PathBuf> {
    match std::env::var_os("NUMJIT_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(dir.into()),
        _ => options.cache_dir.clone(),
    }
}
