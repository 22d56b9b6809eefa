//! [`PassContext`]: what passes share while a pipeline runs — options (verification,
//! inlining policy), the analysis cache, per-pass timings and the IR dump settings.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use crate::analysis::AnalysisCache;
use crate::dump::{DumpSink, DumpSpec, dump_settings};

/// Numba's `inline=` option for one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InlineMode {
    /// Inline calls when the callee is small ([`InlineOptions::max_callee_insts`]).
    #[default]
    Auto,
    /// `inline='always'`: inline every call, whatever the size (recursive cycles excepted).
    Always,
    /// `inline='never'`: never inline calls to this function.
    Never,
}

/// How `inline_functions` decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineOptions {
    /// Callees with at most this many instructions (nested regions included) are inlined
    /// under [`InlineMode::Auto`].
    pub max_callee_insts: usize,
    /// Per-function modes, keyed by function name (the IR has no attribute map); functions
    /// not listed are [`InlineMode::Auto`].
    pub modes: HashMap<String, InlineMode>,
}

impl Default for InlineOptions {
    fn default() -> Self {
        InlineOptions { max_callee_insts: 40, modes: HashMap::new() }
    }
}

impl InlineOptions {
    /// The mode of the function named `name`.
    pub fn mode(&self, name: &str) -> InlineMode {
        self.modes.get(name).copied().unwrap_or_default()
    }
}

/// How long one run of a pass took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassTiming {
    /// The pass's name.
    pub pass: &'static str,
    /// Wall-clock time of the run (over all functions, for a function pass).
    pub duration: Duration,
    /// Whether it changed the IR.
    pub changed: bool,
}

/// State shared by the passes of one pipeline run.
#[derive(Debug)]
pub struct PassContext {
    /// Run the verifier after every pass (default: in debug builds).
    pub verify_after_each_pass: bool,
    /// Inlining policy.
    pub inline: InlineOptions,
    /// Cached analyses, per function.
    pub analyses: AnalysisCache,
    /// One entry per pass run, in order.
    pub timings: Vec<PassTiming>,
    /// What to dump (`NUMJIT_DUMP_IR`); `None` for nothing.
    pub dump: Option<DumpSpec>,
    /// Where dumps go; [`DumpSink::Memory`] collects them.
    pub dump_sink: DumpSink,
}

impl Default for PassContext {
    fn default() -> Self {
        PassContext::new()
    }
}

impl PassContext {
    /// A context with default options, no dumps, and verification in debug builds.
    pub fn new() -> Self {
        PassContext {
            verify_after_each_pass: cfg!(debug_assertions),
            inline: InlineOptions::default(),
            analyses: AnalysisCache::default(),
            timings: Vec::new(),
            dump: None,
            dump_sink: DumpSink::Stderr,
        }
    }

    /// A context whose dump settings come from `NUMJIT_DUMP_IR` and `NUMJIT_DUMP_IR_PATH`;
    /// an error for a malformed `NUMJIT_DUMP_IR`.
    pub fn from_env() -> Result<Self, String> {
        let dump_ir = std::env::var("NUMJIT_DUMP_IR").ok();
        let dump_ir_path = std::env::var("NUMJIT_DUMP_IR_PATH").ok();
        let mut cx = PassContext::new();
        if let Some((spec, sink)) = dump_settings(dump_ir.as_deref(), dump_ir_path.as_deref())? {
            cx.dump = Some(spec);
            cx.dump_sink = sink;
        }
        Ok(cx)
    }

    /// The total time of each pass, summed over its runs, in first-run order.
    pub fn total_times(&self) -> Vec<(&'static str, Duration, usize)> {
        let mut totals: Vec<(&'static str, Duration, usize)> = Vec::new();
        for timing in &self.timings {
            match totals.iter_mut().find(|(pass, _, _)| *pass == timing.pass) {
                Some((_, total, runs)) => {
                    *total += timing.duration;
                    *runs += 1;
                }
                None => totals.push((timing.pass, timing.duration, 1)),
            }
        }
        totals
    }

    /// The timings as a table, one line per pass (`fold_constants  2 runs  0.123 ms`).
    pub fn timing_report(&self) -> TimingReport<'_> {
        TimingReport { cx: self }
    }
}

/// Per-pass timings, printable ([`PassContext::timing_report`]).
#[derive(Debug)]
pub struct TimingReport<'a> {
    cx: &'a PassContext,
}

impl fmt::Display for TimingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let totals = self.cx.total_times();
        let width = totals.iter().map(|(pass, _, _)| pass.len()).max().unwrap_or(0);
        let mut sum = Duration::ZERO;
        for (pass, total, runs) in &totals {
            sum += *total;
            let plural = if *runs == 1 { "" } else { "s" };
            writeln!(f, "{pass:width$}  {runs:>3} run{plural:1}  {:>10.3} ms", total.as_secs_f64() * 1e3)?;
        }
        writeln!(f, "{:width$}  {:>9}  {:>10.3} ms", "total", "", sum.as_secs_f64() * 1e3)
    }
}
