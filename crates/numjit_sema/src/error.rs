//! Operational errors of the crate's convenience entry points (user mistakes are
//! [`Diagnostic`]s, never these).

use numjit_diagnostics::Diagnostic;

/// Why a request could not be served.
#[derive(Debug, thiserror::Error)]
pub enum SemaError {
    /// The caller asked for a function the environment does not hold.
    #[error("no function named '{0}' in the environment")]
    UnknownFunction(String),
    /// The source has errors; each is a diagnostic with a span.
    #[error("{} error(s) in the compiled source", .0.len())]
    Diagnostics(Vec<Diagnostic>),
}
