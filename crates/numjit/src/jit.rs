//! [`Jit`]: the entry point — parses a source, builds the environment its functions compile
//! in (module-level imports and constants frozen, as Numba does), and hands out
//! [`Dispatcher`]s.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use numjit_sema::{Env, GlobalValue};

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
        let source = Arc::new(Source { name: file_name.to_owned(), text: source.to_owned(), first_line: 1 });
        let (resolved, warnings) = options.resolve()?;
        let started = Instant::now();
        let parsed = numjit_parser::parse_module(&source.text);
        if !parsed.errors.is_empty() {
            let diagnostics = parsed.errors.iter().map(numjit_parser::ParseError::to_diagnostic).collect();
            return Err(CompileError::Diagnostics { diagnostics, source });
        }
        let (env, namespace, env_problems) = Env::from_module(parsed.module);
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
