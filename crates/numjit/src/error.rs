//! The facade's errors: [`CompileError`] (the source cannot be compiled; user mistakes come
//! as diagnostics rendered against the source) and [`CallError`] (a call raised, or its
//! arguments fit no signature).

use std::fmt;
use std::sync::Arc;

use numjit_diagnostics::{Diagnostic, RenderOptions, SourceFile, render};

pub use numjit_abi::ExceptionClass;

use crate::options::OptionsError;

/// A source text with the name diagnostics show for it.
#[derive(Debug)]
pub struct Source {
    /// The file name (`<string>` for text given directly).
    pub name: String,
    /// The text.
    pub text: String,
    /// The line number of the text's first line (for functions cut out of a larger file).
    pub first_line: usize,
}

/// Why a function could not be compiled.
#[derive(Debug)]
pub enum CompileError {
    /// Mistakes in the source (syntax, names, types, unsupported constructs), each a
    /// diagnostic with a code and a span.
    Diagnostics {
        /// The diagnostics, in the order they were found.
        diagnostics: Vec<Diagnostic>,
        /// The source they point into.
        source: Arc<Source>,
    },
    /// The source has no function of that name.
    UnknownFunction {
        /// The name asked for.
        name: String,
        /// The functions the source does define.
        available: Vec<String>,
    },
    /// An option value is invalid.
    Options(OptionsError),
    /// A signature string is malformed or does not fit the function.
    Signature(String),
    /// A bug or an operational failure in a compiler stage (`failed in pass X: ...`).
    Internal {
        /// The stage: `opt`, `codegen`.
        stage: &'static str,
        /// What went wrong.
        message: String,
    },
}

impl CompileError {
    /// The diagnostics, if this is a source error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            CompileError::Diagnostics { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }

    /// The error as text: every diagnostic rendered with its file name, line number and
    /// the source line with a caret under the span.
    pub fn render(&self, options: RenderOptions) -> String {
        match self {
            CompileError::Diagnostics { diagnostics, source } => {
                let file =
                    SourceFile { name: &source.name, text: &source.text, first_line: source.first_line };
                let rendered: Vec<String> =
                    diagnostics.iter().map(|diagnostic| render(diagnostic, &file, options)).collect();
                rendered.join("\n\n")
            }
            other => format!("error: {other}"),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Diagnostics { .. } => f.write_str(&self.render(RenderOptions::default())),
            CompileError::UnknownFunction { name, available } => {
                write!(f, "no function named '{name}' in the source")?;
                if !available.is_empty() {
                    write!(f, " (it defines {})", available.join(", "))?;
                }
                Ok(())
            }
            CompileError::Options(error) => write!(f, "{error}"),
            CompileError::Signature(message) => write!(f, "{message}"),
            CompileError::Internal { stage, message } => {
                write!(f, "internal compiler error in {stage}: {message}")
            }
        }
    }
}

impl std::error::Error for CompileError {}

impl From<OptionsError> for CompileError {
    fn from(error: OptionsError) -> Self {
        CompileError::Options(error)
    }
}

/// Why a call returned no value.
#[derive(Debug)]
pub enum CallError {
    /// Compiled code raised a Python exception.
    Exception {
        /// Its class.
        class: ExceptionClass,
        /// Its message (empty for `raise ValueError`).
        message: String,
    },
    /// The arguments fit no compiled version (Numba's `TypeError`: no matching
    /// definition, or an ambiguous choice between versions).
    Type(String),
    /// Compiling the version for these argument types failed (Numba's `TypingError`).
    Compile(Box<CompileError>),
}

impl CallError {
    /// The Python exception class this error is raised as.
    pub fn class_name(&self) -> &'static str {
        match self {
            CallError::Exception { class, .. } => class.name(),
            CallError::Type(_) => "TypeError",
            CallError::Compile(_) => "TypingError",
        }
    }
}

impl fmt::Display for CallError {
    /// `ZeroDivisionError: division by zero`, as Python's traceback ends.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Exception { class, message } if message.is_empty() => f.write_str(class.name()),
            CallError::Exception { class, message } => write!(f, "{}: {message}", class.name()),
            CallError::Type(message) => write!(f, "TypeError: {message}"),
            CallError::Compile(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CallError {}

impl From<CompileError> for CallError {
    fn from(error: CompileError) -> Self {
        CallError::Compile(Box::new(error))
    }
}
