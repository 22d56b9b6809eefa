//! [`Options`]: the options of Numba's `@njit` decorator, as a Rust value, and how each one
//! reaches the compiler (lowering, the IR pipeline, LLVM).
//!
//! Two environment variables override options, as Numba's `NUMBA_BOUNDSCHECK` and
//! `NUMBA_OPT` do: `NUMJIT_BOUNDSCHECK` (`0`/`1`, wins over [`Options::boundscheck`]) and
//! `NUMJIT_OPT` (`0`..`3`, used when [`Options::opt`] is not set).

use std::fmt;
use std::str::FromStr;

pub use numjit_llvm::FastMathFlags;

/// Why an option value is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    /// `fastmath={'...'}` with a name LLVM does not have.
    #[error(
        "unknown fastmath flag '{0}' (expected one of nnan, ninf, nsz, arcp, contract, afn, reassoc, or fast)"
    )]
    UnknownFastmathFlag(String),
    /// `error_model='...'` other than `python` or `numpy`.
    #[error("unknown error_model '{0}' (expected 'python' or 'numpy')")]
    UnknownErrorModel(String),
    /// `inline='...'` other than `never` or `always`.
    #[error("unknown inline option '{0}' (expected 'never' or 'always')")]
    UnknownInline(String),
    /// An optimisation level outside 0..=3.
    #[error("invalid optimisation level '{0}' (expected 0, 1, 2 or 3)")]
    InvalidOptLevel(String),
    /// `locals={name: type}` with a type numjit cannot read.
    #[error("locals: the type of '{name}' is invalid: {message}")]
    InvalidLocalType {
        /// The variable.
        name: String,
        /// Why the type is invalid.
        message: String,
    },
    /// An environment variable with a value numjit cannot read.
    #[error("environment variable {variable}={value:?} is invalid: {expected}")]
    InvalidEnvironment {
        /// The variable's name.
        variable: &'static str,
        /// Its value.
        value: String,
        /// What it should be.
        expected: &'static str,
    },
}

/// How arithmetic errors behave (Numba's `error_model`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ErrorModel {
    /// Division and modulo by zero raise `ZeroDivisionError`, as in Python (the default).
    #[default]
    Python,
    /// No checks: float division by zero gives inf/nan, integer division by zero gives 0.
    Numpy,
}

impl FromStr for ErrorModel {
    type Err = OptionsError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "python" => Ok(ErrorModel::Python),
            "numpy" => Ok(ErrorModel::Numpy),
            other => Err(OptionsError::UnknownErrorModel(other.to_owned())),
        }
    }
}

impl fmt::Display for ErrorModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorModel::Python => "python",
            ErrorModel::Numpy => "numpy",
        })
    }
}

/// Numba's `inline` option: whether calls to this function are inlined into its callers
/// at the IR level (LLVM may still inline on its own).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Inline {
    /// `inline='never'` (Numba's default): numjit's inliner still inlines small callees,
    /// which changes nothing observable.
    #[default]
    Never,
    /// `inline='always'`: every call to the function is inlined (recursion excepted).
    Always,
}

impl FromStr for Inline {
    type Err = OptionsError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "never" => Ok(Inline::Never),
            "always" => Ok(Inline::Always),
            other => Err(OptionsError::UnknownInline(other.to_owned())),
        }
    }
}

/// The options of one compiled function, named after `@njit`'s keyword arguments.
///
/// ```
/// let options = numjit::Options::new().fastmath_flags(["nnan", "contract"]).unwrap();
/// assert!(options.fastmath.nnan && !options.fastmath.reassoc);
/// assert!(numjit::Options::new().fastmath_flags(["fastest"]).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Always `true`: numjit has no object mode. `false` is accepted and ignored with a
    /// warning ([`crate::Dispatcher::warnings`]), as `numba.njit(nopython=False)` does.
    pub nopython: bool,
    /// LLVM fast-math flags for every float operation: `fastmath=True` is
    /// [`FastMathFlags::ALL`], a set of names is [`Options::fastmath_flags`].
    pub fastmath: FastMathFlags,
    /// `parallel=True` is accepted; `prange` loops run serially until the parallel passes
    /// exist, which gives the same results.
    pub parallel: bool,
    /// `cache=True`: compiled versions are stored in [`Options::cache_dir`] (or
    /// `NUMJIT_CACHE_DIR`, which wins) and later processes link them instead of compiling.
    /// Without a directory nothing is cached.
    pub cache: bool,
    /// Where `cache=True` keeps its files (the Python package passes `__pycache__` beside
    /// the function's file, as Numba does).
    pub cache_dir: Option<std::path::PathBuf>,
    /// `nogil=True` is accepted; compiled code never holds a Python lock in the Rust API.
    pub nogil: bool,
    /// Check array indices against bounds (`None`: `NUMJIT_BOUNDSCHECK`, else off). The
    /// environment variable, when set, wins over this option, as in Numba.
    pub boundscheck: Option<bool>,
    /// `error_model='python'` (default) or `'numpy'`.
    pub error_model: ErrorModel,
    /// `inline='never'` (default) or `'always'`.
    pub inline: Inline,
    /// LLVM optimisation level 0..=3 (`None`: `NUMJIT_OPT`, else 3).
    pub opt: Option<u8>,
    /// Signatures to compile eagerly (`"float64(int64, float64)"`). When any is given, calls
    /// never compile new versions: arguments are converted to one of these signatures.
    pub signatures: Vec<String>,
    /// Declared variable types (Numba's `locals={"acc": float32}`): variable name and type
    /// in signature syntax (`"float32"`, `"float64[:, ::1]"`). Every value stored in the
    /// variable converts to that type.
    pub locals: Vec<(String, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            nopython: true,
            fastmath: FastMathFlags::NONE,
            parallel: false,
            cache: false,
            cache_dir: None,
            nogil: false,
            boundscheck: None,
            error_model: ErrorModel::Python,
            inline: Inline::Never,
            opt: None,
            signatures: Vec::new(),
            locals: Vec::new(),
        }
    }
}

impl Options {
    /// The defaults of `@njit`.
    pub fn new() -> Self {
        Options::default()
    }

    /// `fastmath=True` (every flag) or `fastmath=False` (none).
    #[must_use]
    pub fn fastmath(mut self, enabled: bool) -> Self {
        self.fastmath = if enabled { FastMathFlags::ALL } else { FastMathFlags::NONE };
        self
    }

    /// `fastmath={'nnan', 'contract', ...}`; an unknown name is an error naming it.
    pub fn fastmath_flags<'a>(
        mut self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, OptionsError> {
        self.fastmath = FastMathFlags::from_names(names).map_err(OptionsError::UnknownFastmathFlag)?;
        Ok(self)
    }

    /// `error_model='python'|'numpy'`.
    pub fn error_model_named(mut self, name: &str) -> Result<Self, OptionsError> {
        self.error_model = name.parse()?;
        Ok(self)
    }

    /// `inline='never'|'always'`.
    pub fn inline_named(mut self, name: &str) -> Result<Self, OptionsError> {
        self.inline = name.parse()?;
        Ok(self)
    }

    /// `boundscheck=True|False`.
    #[must_use]
    pub fn boundscheck(mut self, enabled: bool) -> Self {
        self.boundscheck = Some(enabled);
        self
    }

    /// `parallel=True|False`.
    #[must_use]
    pub fn parallel(mut self, enabled: bool) -> Self {
        self.parallel = enabled;
        self
    }

    /// The optimisation level, 0..=3.
    pub fn opt_level(mut self, level: u8) -> Result<Self, OptionsError> {
        if level > 3 {
            return Err(OptionsError::InvalidOptLevel(level.to_string()));
        }
        self.opt = Some(level);
        Ok(self)
    }

    /// Adds a signature to compile eagerly.
    #[must_use]
    pub fn signature(mut self, signature: impl Into<String>) -> Self {
        self.signatures.push(signature.into());
        self
    }

    /// The options with the environment applied, checked; and the warnings they give.
    pub(crate) fn resolve(&self) -> Result<(Resolved, Vec<String>), OptionsError> {
        let mut warnings = Vec::new();
        if !self.nopython {
            warnings.push(
                "nopython is set for njit and is ignored: numjit always compiles in nopython mode".into(),
            );
        }
        let boundscheck = match env_bool("NUMJIT_BOUNDSCHECK")? {
            Some(forced) => forced,
            None => self.boundscheck.unwrap_or(false),
        };
        let opt = match self.opt {
            Some(level) if level <= 3 => level,
            Some(level) => return Err(OptionsError::InvalidOptLevel(level.to_string())),
            None => env_opt_level()?.unwrap_or(3),
        };
        let locals = self
            .locals
            .iter()
            .map(|(name, text)| match numjit_types::parse_type(text) {
                Ok(ty) => Ok((name.clone(), ty)),
                Err(error) => {
                    Err(OptionsError::InvalidLocalType { name: name.clone(), message: error.to_string() })
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok((
            Resolved {
                fastmath: self.fastmath,
                boundscheck,
                error_model: self.error_model,
                inline: self.inline,
                opt,
                locals: locals.into(),
            },
            warnings,
        ))
    }
}

/// Options after the environment is applied: what the pipeline reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub fastmath: FastMathFlags,
    pub boundscheck: bool,
    pub error_model: ErrorModel,
    pub inline: Inline,
    pub opt: u8,
    /// `locals=`, parsed.
    pub locals: std::sync::Arc<[(String, numjit_types::Type)]>,
}

fn env_bool(variable: &'static str) -> Result<Option<bool>, OptionsError> {
    let Ok(value) = std::env::var(variable) else { return Ok(None) };
    match value.trim() {
        "" => Ok(None),
        "0" => Ok(Some(false)),
        "1" => Ok(Some(true)),
        _ => Err(OptionsError::InvalidEnvironment { variable, value, expected: "0 or 1" }),
    }
}

fn env_opt_level() -> Result<Option<u8>, OptionsError> {
    let variable = "NUMJIT_OPT";
    let Ok(value) = std::env::var(variable) else { return Ok(None) };
    match value.trim() {
        "" => Ok(None),
        level @ ("0" | "1" | "2" | "3") => Ok(level.parse().ok()),
        _ => Err(OptionsError::InvalidEnvironment { variable, value, expected: "0, 1, 2 or 3" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_option_names() {
        assert_eq!("numpy".parse::<ErrorModel>(), Ok(ErrorModel::Numpy));
        assert_eq!("always".parse::<Inline>(), Ok(Inline::Always));
        let error = Options::new().fastmath_flags(["nnan", "bogus"]).unwrap_err();
        assert_eq!(error, OptionsError::UnknownFastmathFlag("bogus".into()));
        assert!(error.to_string().contains("'bogus'"), "{error}");
        assert!(Options::new().error_model_named("c").unwrap_err().to_string().contains("'c'"));
        assert!(Options::new().inline_named("sometimes").is_err());
        assert!(Options::new().opt_level(4).is_err());
        assert_eq!(Options::new().fastmath(true).fastmath, FastMathFlags::ALL);
    }

    #[test]
    fn nopython_false_warns() {
        let options = Options { nopython: false, ..Options::new() };
        let (_, warnings) = options.resolve().expect("valid");
        assert_eq!(warnings.len(), 1);
    }
}
