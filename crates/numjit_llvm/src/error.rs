//! [`CodegenError`]: every way compiling an IR module to machine code can fail.

use thiserror::Error;

/// Why a module could not be compiled. Codegen never panics on IR the verifier accepts;
/// whatever it cannot handle comes back as one of these, naming the place.
#[derive(Debug, Error)]
pub enum CodegenError {
    /// Lowering one instruction failed ("failed in codegen of inst12 (`v3 = cpow v1, v2`) in @f: …").
    #[error("failed in codegen of {inst} (`{text}`) in @{function}: {message}")]
    Inst {
        /// The function being compiled.
        function: String,
        /// The instruction, as its entity name (`inst12`).
        inst: String,
        /// The instruction's text.
        text: String,
        /// What went wrong.
        message: String,
    },
    /// A function-level problem (unsupported parameter type, malformed body).
    #[error("failed in codegen of @{function}: {message}")]
    Function {
        /// The function being compiled.
        function: String,
        /// What went wrong.
        message: String,
    },
    /// LLVM rejected the generated module (a codegen bug).
    #[error("LLVM verifier rejected the generated module: {0}")]
    Verify(String),
    /// The target machine, the pass pipeline or the JIT engine failed.
    #[error("LLVM failed: {0}")]
    Llvm(String),
}

/// The result of codegen steps.
pub type Result<T, E = CodegenError> = std::result::Result<T, E>;
