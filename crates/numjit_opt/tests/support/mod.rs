//! Helpers the test binaries share: reading argument lists and running a function of a
//! module with the reference interpreter, output included.

#![allow(dead_code, reason = "each test binary uses part of the helpers")]

use std::fmt;

use numjit_ir::Module;
use numjit_opt::interpreter::{BlockCounts, Interpreter, RuntimeValue, Trap};
use numjit_types::{ScalarType, Type};

/// What a run did: what `print` wrote, then the result or the trap.
#[derive(Clone, Debug)]
pub struct RunOutcome {
    pub output: Vec<String>,
    pub result: Result<RuntimeValue, Trap>,
    /// Array blocks allocated and freed during the run.
    pub blocks: BlockCounts,
}

impl RunOutcome {
    /// Whether the run says something about the program's meaning (no undefined
    /// behaviour, limit or unsupported operation was hit).
    pub fn is_conclusive(&self) -> bool {
        match &self.result {
            Ok(_) => true,
            Err(trap) => !trap.is_inconclusive(),
        }
    }

    /// Array blocks the run left alive (allocated and not freed).
    pub fn live_blocks(&self) -> isize {
        self.blocks.allocated as isize - self.blocks.freed as isize
    }

    /// Whether two runs agree: same output, same result (NaNs all alike) or same raise, and
    /// the same number of array blocks left alive.
    pub fn agrees_with(&self, other: &RunOutcome) -> bool {
        self.output == other.output
            && self.live_blocks() == other.live_blocks()
            && match (&self.result, &other.result) {
                (Ok(a), Ok(b)) => a.same_as(b),
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

impl fmt::Display for RunOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.output {
            write!(f, "[print {line}] ")?;
        }
        match &self.result {
            Ok(value) => write!(f, "{value}")?,
            Err(trap) => write!(f, "{trap}")?,
        }
        if self.blocks != BlockCounts::default() {
            write!(f, " [blocks: {} allocated, {} freed]", self.blocks.allocated, self.blocks.freed)?;
        }
        Ok(())
    }
}

/// Runs `@name(args)` in `module`.
pub fn run_function(module: &Module, name: &str, args: &[RuntimeValue]) -> RunOutcome {
    let mut interpreter = Interpreter::new(module);
    interpreter.fuel = 200_000;
    let result = interpreter.call(name, args);
    RunOutcome { output: interpreter.output, result, blocks: interpreter.blocks }
}

/// Reads `3, -1.5, True` as arguments of the types `params`.
pub fn parse_args(params: &[Type], text: &str) -> Result<Vec<RuntimeValue>, String> {
    let words: Vec<&str> = text.split(',').map(str::trim).filter(|word| !word.is_empty()).collect();
    if words.len() != params.len() {
        return Err(format!("{} arguments for {} parameters", words.len(), params.len()));
    }
    words
        .iter()
        .zip(params)
        .map(|(word, ty)| {
            let bad = || format!("`{word}` is not a {ty}");
            match ty.as_scalar() {
                Some(ScalarType::Bool) => match *word {
                    "True" | "true" => Ok(RuntimeValue::Bool(true)),
                    "False" | "false" => Ok(RuntimeValue::Bool(false)),
                    _ => Err(bad()),
                },
                Some(scalar) if scalar.is_integer() => {
                    word.parse::<i128>().map(|value| RuntimeValue::Int(scalar, value)).map_err(|_| bad())
                }
                Some(scalar) if scalar.is_float() => {
                    let value: f64 = word.parse().map_err(|_| bad())?;
                    Ok(RuntimeValue::Float(
                        scalar,
                        if scalar == ScalarType::Float32 { f64::from(value as f32) } else { value },
                    ))
                }
                _ => Err(bad()),
            }
        })
        .collect()
}
