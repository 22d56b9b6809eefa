//! `numjit inspect FILE.py::FUNC --sig "float64(int64)" --stage STAGE`: print one stage of
//! the compilation of a function for a signature — `hir`, `types`, `ir` (as lowered),
//! `opt` (after numjit's passes), `llvm` (optimised LLVM IR) or `asm`.
//!
//! Exit status: 0, or 2 when the function does not compile or the command is misused.

use std::process::ExitCode;

use numjit::Stage;

use crate::run::{CompileFlags, EXIT_COMPILE_ERROR, compile, split_target};

/// Arguments of `numjit inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The function: `path/to/file.py::function`.
    target: String,
    /// The argument types, as a signature string: `"(int64, float64)"` or
    /// `"float64(int64, float64)"`.
    #[arg(long)]
    sig: String,
    /// What to print: hir, types, ir, opt, llvm or asm.
    #[arg(long, default_value = "ir", value_parser = |text: &str| text.parse::<Stage>())]
    stage: Stage,
    #[command(flatten)]
    flags: CompileFlags,
}

pub fn run(args: &InspectArgs) -> anyhow::Result<ExitCode> {
    let (path, function) = split_target(&args.target)?;
    let options = args.flags.options()?;
    let render = args.flags.render_options();
    let dispatcher = match compile(&path, function, &options, render)? {
        Ok(dispatcher) => dispatcher,
        Err(code) => return Ok(code),
    };
    match dispatcher.inspect(&args.sig, args.stage) {
        Ok(text) => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("{}", error.render(render));
            Ok(ExitCode::from(EXIT_COMPILE_ERROR))
        }
    }
}
