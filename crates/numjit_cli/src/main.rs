//! The `numjit` command-line tool.
//!
//! Today it exposes the frontend: `numjit parse PATH...` checks that Python files parse and
//! renders syntax errors; `--dump-ast` prints a file's AST and `--summary` an outline of it.
//! `numjit run`, `numjit inspect` and `numjit sysinfo` use the compiler facade (`numjit`).

mod inspect;
mod parse;
mod run;
mod sysinfo;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// numjit: a Numba-compatible JIT compiler for numerical Python.
#[derive(Debug, Parser)]
#[command(name = "numjit", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse Python files (directories are searched for `*.py`) and report syntax errors.
    Parse(parse::ParseArgs),
    /// Compile FILE.py::FUNC for the types of the given literal arguments, call it, and
    /// print the result as Python's repr.
    Run(run::RunArgs),
    /// Print one compilation stage (hir, types, ir, opt, llvm, asm) of FILE.py::FUNC.
    Inspect(inspect::InspectArgs),
    /// Print the CPU, its features, the LLVM version and other facts that affect codegen.
    Sysinfo(sysinfo::SysinfoArgs),
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Run(args) => run::run(&args, started),
        Command::Inspect(args) => inspect::run(&args),
        Command::Sysinfo(args) => sysinfo::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
