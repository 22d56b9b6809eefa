//! `numjit run FILE.py::FUNC ARG...`: compile one function for the types of the given
//! Python literals, call it, and print the result as Python's `repr` would.
//!
//! Exit status: 0 with the result on stdout; 1 when compiled code raised (`ExcClass:
//! message` on stderr); 2 when the function does not compile (rendered diagnostics on
//! stderr) or the command is misused.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use numjit::{CallError, Dispatcher, FileError, Jit, Options, RenderOptions, Value};

/// Exit status when compiled code raised an exception.
pub const EXIT_EXCEPTION: u8 = 1;
/// Exit status when the function does not compile.
pub const EXIT_COMPILE_ERROR: u8 = 2;

/// Arguments of `numjit run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The function: `path/to/file.py::function`.
    target: String,
    /// Arguments as Python literals: `3`, `-2.5`, `inf`, `nan`, `1+2j`, `True`, `None`,
    /// `(1, 2.0)`, `np.int32(7)`, or the name of another function of the file.
    #[arg(allow_hyphen_values = true)]
    args: Vec<String>,
    /// Print to stderr how long each compile stage, the first call and the whole command
    /// took (milliseconds; the format `cargo xtask bench fresh` reads).
    #[arg(long)]
    timings: bool,
    #[command(flatten)]
    flags: CompileFlags,
}

/// The compile options both `run` and `inspect` take.
#[derive(Debug, clap::Args)]
pub struct CompileFlags {
    /// Fast-math: `--fastmath` for all flags, `--fastmath=nnan,contract` for some.
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "fast", value_delimiter = ',')]
    fastmath: Option<Vec<String>>,
    /// `python` (raise ZeroDivisionError) or `numpy` (inf/nan, no checks).
    #[arg(long, default_value = "python")]
    error_model: String,
    /// Check array indices against their bounds.
    #[arg(long)]
    boundscheck: bool,
    /// LLVM optimisation level, 0 to 3 (default: NUMJIT_OPT, else 3).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=3))]
    opt: Option<u8>,
    /// Inline calls to other functions always or never (`always`, `never`).
    #[arg(long, default_value = "never")]
    inline: String,
    /// Colour diagnostics: auto (when stderr is a terminal), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl CompileFlags {
    /// The facade's options for these flags.
    pub fn options(&self) -> anyhow::Result<Options> {
        let mut options = Options::new().error_model_named(&self.error_model)?.inline_named(&self.inline)?;
        if let Some(flags) = &self.fastmath {
            options = options.fastmath_flags(flags.iter().map(String::as_str))?;
        }
        if self.boundscheck {
            options = options.boundscheck(true);
        }
        if let Some(level) = self.opt {
            options = options.opt_level(level)?;
        }
        Ok(options)
    }

    /// How to render diagnostics on stderr.
    pub fn render_options(&self) -> RenderOptions {
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stderr().is_terminal(),
        };
        RenderOptions { color }
    }
}

/// `path::function` split at the last `::`.
pub fn split_target(target: &str) -> anyhow::Result<(PathBuf, &str)> {
    let Some((path, function)) = target.rsplit_once("::") else {
        bail!("expected FILE.py::FUNCTION, got '{target}'");
    };
    if path.is_empty() || function.is_empty() {
        bail!("expected FILE.py::FUNCTION, got '{target}'");
    }
    Ok((PathBuf::from(path), function))
}

/// Compiles `function` of `path`; a compile error is printed and becomes `Err(exit code)`.
pub fn compile(
    path: &Path,
    function: &str,
    options: &Options,
    render: RenderOptions,
) -> anyhow::Result<Result<Dispatcher, ExitCode>> {
    match Jit::new().compile_file(path, function, options) {
        Ok(dispatcher) => {
            for warning in dispatcher.warnings() {
                eprintln!("warning: {warning}");
            }
            Ok(Ok(dispatcher))
        }
        Err(FileError::Compile(error)) => {
            eprintln!("{}", error.render(render));
            Ok(Err(ExitCode::from(EXIT_COMPILE_ERROR)))
        }
        Err(error) => Err(error.into()),
    }
}

/// Runs `numjit run`; `started` is when `main` began (for `--timings`).
pub fn run(args: &RunArgs, started: Instant) -> anyhow::Result<ExitCode> {
    let (path, function) = split_target(&args.target)?;
    let options = args.flags.options()?;
    let mut values = Vec::with_capacity(args.args.len());
    for text in &args.args {
        if text.starts_with("--") {
            bail!("option `{text}` after the arguments: put options before FILE.py::FUNCTION");
        }
        values.push(parse_argument(text).with_context(|| format!("argument `{text}`"))?);
    }
    let render = args.flags.render_options();
    let dispatcher = match compile(&path, function, &options, render)? {
        Ok(dispatcher) => dispatcher,
        Err(code) => return Ok(code),
    };
    let call_started = Instant::now();
    let result = dispatcher.call(&values);
    let first_call = call_started.elapsed();
    match result {
        Ok(value) => {
            println!("{value}");
            if args.timings {
                print_timings(&dispatcher, first_call, started.elapsed());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(CallError::Compile(error)) => {
            eprintln!("{}", error.render(render));
            Ok(ExitCode::from(EXIT_COMPILE_ERROR))
        }
        Err(error) => {
            eprintln!("{error}");
            Ok(ExitCode::from(EXIT_EXCEPTION))
        }
    }
}

/// The `--timings` report: one `  name  milliseconds` line per stage of the first
/// compilation, then `compile` (parse and every stage), `first_call` (the whole first
/// `Dispatcher::call`, which compiles) and `main` (from `main`'s start to now: argument
/// parsing, reading the file, compiling, calling, printing; not process start and exit).
fn print_timings(dispatcher: &Dispatcher, first_call: Duration, main: Duration) {
    let stages = dispatcher.compile_timings().first().map(|(_, timings)| *timings).unwrap_or_default();
    let parse = dispatcher.parse_time();
    let rows = [
        ("parse", parse),
        ("infer", stages.infer),
        ("lower", stages.lower),
        ("opt", stages.opt),
        ("llvm_setup", stages.llvm_setup),
        ("codegen", stages.codegen),
        ("llvm_opt", stages.llvm_opt),
        ("jit", stages.jit),
        ("compile", parse + stages.total()),
        ("first_call", first_call),
        ("main", main),
    ];
    let mut report = String::from("timings (ms):\n");
    for (name, duration) in rows {
        report.push_str(&format!("  {name:<11} {:>9.3}\n", duration.as_secs_f64() * 1000.0));
    }
    eprint!("{report}");
}

/// A Python literal, or a bare name taken as another function of the file.
fn parse_argument(text: &str) -> anyhow::Result<Value> {
    let expr =
        numjit_parser::parse_expression(text).map_err(|error| anyhow::anyhow!("{}", error.message()))?;
    Ok(Value::from_literal(&expr, &|name| Some(Value::Function(name.to_owned())))?)
}
