//! numjit's optimisation passes over the SSA IR of `numjit_ir`, the pass manager that runs
//! them, and a reference interpreter for differential tests.
//!
//! # Shape
//!
//! - A pass is a plain function over one `ir::Function` or over the whole `ir::Module`,
//!   described by a [`Pass`] (its name, what it runs on, the analyses it preserves). Each
//!   lives in its own file, named as a verb phrase, with a `//!` doc saying what it
//!   establishes, what it requires and what it does not do.
//! - The pipeline is one explicit list ([`pipeline::default`]); named pipelines (`"O0"`,
//!   `"default"`) are looked up with [`pipeline::by_name`].
//! - [`run_pipeline`] runs a list of passes over a module with a [`PassContext`]: per-pass
//!   timing, the verifier after every pass (tests and debug builds), `NUMJIT_DUMP_IR`
//!   dumps, and errors wrapped as `failed in pass fold_constants: …` — a failing or even
//!   panicking pass becomes an error, never a crash of the host process.
//! - Analyses (CFG, dominators, use counts) are computed on demand ([`analysis`]); each
//!   pass declares which ones it preserves and the context's cache drops the others.
//!
//! # Passes
//!
//! | pass | runs on | file |
//! |---|---|---|
//! | `eliminate_dead_code` | function | `cleanup/eliminate_dead_code.rs` |
//! | `fold_constants` | function | `cleanup/fold_constants.rs` |
//! | `simplify_cfg` | function | `cleanup/simplify_cfg.rs` |
//! | `inline_functions` | module | `interprocedural/inline_functions.rs` |
//!
//! # Example
//!
//! ```
//! use numjit_opt::{PassContext, pipeline, run_pipeline};
//!
//! let mut module = numjit_ir::parse_module(
//!     "func @f() -> int64 {\nblock0:\n    v0 = iconst.int64 2\n    v1 = iadd v0, v0\n    return v1\n}\n",
//! )
//! .expect("parses");
//! let mut cx = PassContext::new();
//! run_pipeline(&mut module, &pipeline::default(), &mut cx).expect("optimises");
//! assert!(module.to_string().contains("iconst.int64 4"));
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod cleanup;
mod context;
pub mod dump;
pub mod interpreter;
pub mod interprocedural;
mod manager;
pub mod memory;
mod pass;
pub mod pipeline;

pub use context::{InlineMode, InlineOptions, PassContext, PassTiming};
pub use manager::{PipelineError, run_on_function, run_pipeline};
pub use pass::{Analysis, Pass, PassError, PassOutcome, PassRun, PreservedAnalyses};
