//! The `numjit` command-line tool.
//!
//! Today it exposes the frontend: `numjit parse PATH...` checks that Python files parse and
//! renders syntax errors; `--dump-ast` prints a file's AST and `--summary` an outline of it.
//! Later issues add `run`, `inspect` and `sysinfo` on top of the compiler facade.

mod parse;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
