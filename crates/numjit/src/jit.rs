//! [`Jit`]: the entry point — parses a source, builds the environment its functions compile
//! in (module-level imports and constants frozen, as Numba does), and hands out
//! [`Dispatcher`]s.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use numjit_sema::{ConstValue, Env, GlobalValue, ModuleKind};

use crate::dispatcher::Dispatcher;
use crate::error::{CompileError, Source};
use crate::options::Options;
use crate::pipeline::Program;

/// The compiler. Creating one is cheap; it holds no state between compilations, so one
/// may be shared by every thread.
#[derive(Clone, Debug, Default)]
pub struct Jit {
    _private: (),
}

impl Jit {
    /// A compiler for this process's CPU.
    pub fn new() -> Self {
        Jit { _private: () }
    }

    /// Compiles the function `function` of the Python source `source` (a whole module: its
    /// other functions, imports and constants are visible to it). Nothing is compiled to
    /// machine code until the first call, unless [`Options::signatures`] are given.
    pub fn compile_source(
        &self,
        source: &str,
        function: &str,
        options: &Options,
    ) -> Result<Dispatcher, CompileError> {
        self.compile_named_source("<string>", source, function, options)
    }

    /// Like [`Jit::compile_source`], with the file name diagnostics show.
    pub fn compile_named_source(
        &self,
        file_name: &str,
        source: &str,
        function: &str,
        options: &Options,
    ) -> Result<Dispatcher, CompileError> {
        let unit = SourceUnit { file_name: file_name.to_owned(), text: source.to_owned(), first_line: 1 };
        self.compile_with_globals(&unit, function, &[], options)
    }

    /// Compiles `function` of `unit` with global names bound from outside the source, as a
    /// host language would: each `(name, global)` replaces whatever the source's own
    /// module-level code binds to `name` (Python's `f.__globals__` snapshot at first
    /// compile, as Numba takes it). The source's own imports, constants and functions stay
    /// visible unless replaced.
    pub fn compile_with_globals(
        &self,
        unit: &SourceUnit,
        function: &str,
        globals: &[(String, Global)],
        options: &Options,
    ) -> Result<Dispatcher, CompileError> {
        let source = Arc::new(Source {
            name: unit.file_name.clone(),
            text: unit.text.clone(),
            first_line: unit.first_line,
        });
        let (resolved, warnings) = options.resolve()?;
        let started = Instant::now();
        let parsed = numjit_parser::parse_module(&source.text);
        if !parsed.errors.is_empty() {
            let diagnostics = parsed.errors.iter().map(numjit_parser::ParseError::to_diagnostic).collect();
            return Err(CompileError::Diagnostics { diagnostics, source });
        }
        let (mut env, namespace, env_problems) = Env::from_module(parsed.module);
        for (name, global) in globals {
            let value = match global {
                Global::Value(crate::Value::Array(array)) => {
                    GlobalValue::Array(Arc::new(array.to_constant()))
                }
                Global::Value(value) => match const_of(value) {
                    Some(constant) => GlobalValue::Const(constant),
                    None => continue,
                },
                Global::Module(module) => match ModuleKind::from_name(module) {
                    Some(kind) => GlobalValue::Module(kind),
                    None => continue,
                },
                Global::ModuleMember(module, member) => match ModuleKind::from_name(module) {
                    Some(kind) => GlobalValue::ModuleMember(kind, member.clone()),
                    None => continue,
                },
                Global::Prange => GlobalValue::Builtin(numjit_sema::templates::Builtin::Prange),
                Global::Function(other) => match env.function_by_name(namespace, other) {
                    Some(id) => GlobalValue::Function(id),
                    None => continue,
                },
            };
            env.globals_mut(namespace).insert(name.clone(), value);
        }
        let parse_time = started.elapsed();
        let Some(function_id) = env.function_by_name(namespace, function) else {
            let mut available: Vec<String> = env.namespaces[namespace]
                .names()
                .filter(|name| matches!(env.namespaces[namespace].get(name), Some(GlobalValue::Function(_))))
                .map(str::to_owned)
                .collect();
            available.sort();
            return Err(CompileError::UnknownFunction { name: function.to_owned(), available });
        };
        let program = Arc::new(Program { source, parse_time, env, namespace, env_problems });
        Dispatcher::new(program, function_id, options, resolved, warnings)
    }

    /// Reads a `.py` file (PEP 263 encodings honoured) and compiles `function` from it;
    /// diagnostics name the file by `path`.
    pub fn compile_file(
        &self,
        path: &Path,
        function: &str,
        options: &Options,
    ) -> Result<Dispatcher, FileError> {
        let bytes =
            std::fs::read(path).map_err(|error| FileError::Read(path.display().to_string(), error))?;
        let text = numjit_parser::source::decode_source(&bytes)
            .map_err(|error| FileError::Decode(path.display().to_string(), error.to_string()))?;
        Ok(self.compile_named_source(&path.display().to_string(), &text, function, options)?)
    }
}

/// A source text to compile functions from, with where it sits in its file.
#[derive(Clone, Debug)]
pub struct SourceUnit {
    /// The file name diagnostics show.
    pub file_name: String,
    /// The text: a whole module, or one function cut out of a file.
    pub text: String,
    /// The line number of the text's first line in the file.
    pub first_line: usize,
}

/// What a global name is bound to, given from outside the source.
#[derive(Clone, Debug, PartialEq)]
pub enum Global {
    /// A constant: a number, bool, `None`, a tuple of them, or an array (frozen at compile
    /// time: compiled code sees a readonly copy of the elements, as Numba's global arrays).
    /// Values compiled code cannot hold as constants (functions) leave the name unbound.
    Value(crate::Value),
    /// A module by its import name (`numpy`, `math`, `cmath`); others leave the name
    /// unbound, so using it is an undefined-name error.
    Module(String),
    /// A member of such a module (`from math import sqrt`).
    ModuleMember(String, String),
    /// `prange` (Numba's parallel range, `range` until parallel loops exist).
    Prange,
    /// Another function defined in the same source, under its name there.
    Function(String),
}

/// A constant for a global value, if it is one compiled code can freeze.
fn const_of(value: &crate::Value) -> Option<ConstValue> {
    use crate::Value as V;
    Some(match value {
        V::None => ConstValue::None,
        V::Bool(flag) => ConstValue::Bool(*flag),
        V::Int(int) => ConstValue::Int(*int),
        V::UInt(int) => ConstValue::UInt(*int),
        V::Float(float) => ConstValue::Float(*float),
        V::Complex(real, imag) => ConstValue::Complex { real: *real, imag: *imag },
        V::Tuple(items) => ConstValue::Tuple(items.iter().map(const_of).collect::<Option<Vec<_>>>()?),
        V::Int8(int) => ConstValue::Int((*int).into()),
        V::Int16(int) => ConstValue::Int((*int).into()),
        V::Int32(int) => ConstValue::Int((*int).into()),
        V::UInt8(int) => ConstValue::Int((*int).into()),
        V::UInt16(int) => ConstValue::Int((*int).into()),
        V::UInt32(int) => ConstValue::Int((*int).into()),
        V::Float32(float) => ConstValue::Float((*float).into()),
        V::Complex64(real, imag) => ConstValue::Complex { real: (*real).into(), imag: (*imag).into() },
        // Arrays are frozen separately (`GlobalValue::Array`).
        V::Function(_) | V::Array(_) => return None,
    })
}

/// Why [`Jit::compile_file`] failed.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read.
    #[error("cannot read {0}: {1}")]
    Read(String, std::io::Error),
    /// The file is not text in its declared encoding.
    #[error("cannot decode {0}: {1}")]
    Decode(String, String),
    /// The source does not compile.
    #[error("{0}")]
    Compile(#[from] CompileError),
}
