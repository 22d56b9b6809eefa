//! Differential test: the lowered IR, run by numjit_opt's interpreter, agrees with CPython.
//!
//! Each `test_data/*.py` may carry `# run: f(args) -> value` and
//! `# run: f(args) raises Class: message` lines, written by `tools/expected_results.py`
//! from CPython. Where numjit deliberately follows Numba instead (integer `**` with a
//! negative exponent, math domain errors giving the C library's result), a
//! `# numba: f(args) -> value` line for the same call overrides CPython's answer (a value
//! or an exception). Integer results are compared modulo 2**64 (integers wrap, as in
//! Numba); floats within a relative 1e-12; NaN equals NaN. Runs the interpreter cannot
//! finish (an operation it does not implement) are skipped.

use std::collections::HashMap;
use std::path::Path;

use numjit_lower::{LowerOptions, lower_program};
use numjit_opt::interpreter::{Interpreter, RuntimeValue, Trap};
use numjit_sema::{Env, Ty, infer_by_name};
use numjit_types::{ScalarType, Type};

/// A Python literal as the expectation lines write it.
#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    Bool(bool),
    None,
    Tuple(Vec<Literal>),
}

struct LiteralParser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl LiteralParser<'_> {
    fn skip_spaces(&mut self) {
        while self.text.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_spaces();
        if self.text[self.pos..].starts_with(token.as_bytes()) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Result<f64, String> {
        self.skip_spaces();
        let start = self.pos;
        while self.pos < self.text.len() && !matches!(self.text[self.pos], b',' | b')' | b' ') {
            self.pos += 1;
        }
        let word = std::str::from_utf8(&self.text[start..self.pos]).map_err(|error| error.to_string())?;
        word.parse::<f64>().map_err(|_| format!("not a number: {word}"))
    }

    fn literal(&mut self, depth: u32) -> Result<Literal, String> {
        if depth > 64 {
            return Err("literal nested too deeply".into());
        }
        self.skip_spaces();
        if self.eat("None") {
            return Ok(Literal::None);
        }
        if self.eat("True") {
            return Ok(Literal::Bool(true));
        }
        if self.eat("False") {
            return Ok(Literal::Bool(false));
        }
        if self.eat("complex(") {
            let real = self.number()?;
            self.eat(",");
            let imag = self.number()?;
            self.eat(")");
            return Ok(Literal::Complex(real, imag));
        }
        if self.eat("(") {
            let mut items = Vec::new();
            while !self.eat(")") {
                items.push(self.literal(depth + 1)?);
                self.eat(",");
                if self.pos >= self.text.len() {
                    return Err("unclosed tuple".into());
                }
            }
            return Ok(Literal::Tuple(items));
        }
        self.skip_spaces();
        let start = self.pos;
        while self.pos < self.text.len() && !matches!(self.text[self.pos], b',' | b')' | b' ') {
            self.pos += 1;
        }
        let word = std::str::from_utf8(&self.text[start..self.pos]).map_err(|error| error.to_string())?;
        if let Ok(value) = word.parse::<i128>() {
            return Ok(Literal::Int(value));
        }
        word.parse::<f64>().map(Literal::Float).map_err(|_| format!("not a literal: {word:?}"))
    }
}

fn parse_literal(text: &str) -> Result<Literal, String> {
    LiteralParser { text: text.as_bytes(), pos: 0 }.literal(0)
}

/// `f(1, 2.5)` → its argument literals.
fn parse_call_args(call: &str) -> Result<Vec<Literal>, String> {
    let open = call.find('(').ok_or("no '('")?;
    let inner = &call[open..];
    match parse_literal(inner)? {
        Literal::Tuple(items) => Ok(items),
        other => Ok(vec![other]),
    }
}

fn argument(literal: &Literal, ty: &Type) -> Result<RuntimeValue, String> {
    Ok(match (literal, ty) {
        (Literal::Bool(value), Type::Scalar(ScalarType::Bool)) => RuntimeValue::Bool(*value),
        (Literal::Int(value), Type::Scalar(scalar)) if scalar.is_integer() => {
            RuntimeValue::Int(*scalar, *value)
        }
        (Literal::Int(value), Type::Scalar(scalar)) if scalar.is_float() => {
            RuntimeValue::Float(*scalar, *value as f64)
        }
        (Literal::Float(value), Type::Scalar(scalar)) if scalar.is_float() => {
            RuntimeValue::Float(*scalar, *value)
        }
        (Literal::Complex(re, im), Type::Scalar(scalar)) if scalar.is_complex() => {
            RuntimeValue::Complex(*scalar, *re, *im)
        }
        _ => return Err(format!("cannot pass {literal:?} as {ty}")),
    })
}

fn close(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

/// Whether an interpreter result (of Python type `ty`) is the expected literal.
fn matches(value: &RuntimeValue, ty: &Type, expected: &Literal) -> bool {
    match (value, ty, expected) {
        (RuntimeValue::Tuple(parts), Type::Optional(inner), expected) => match (parts.as_slice(), expected) {
            ([RuntimeValue::Bool(false), _], Literal::None) => true,
            ([RuntimeValue::Bool(true), value], expected) => matches(value, inner, expected),
            _ => false,
        },
        (RuntimeValue::Tuple(items), Type::Tuple(types), Literal::Tuple(expected)) => {
            items.len() == expected.len()
                && items
                    .iter()
                    .zip(types)
                    .zip(expected)
                    .all(|((item, ty), expected)| matches(item, ty, expected))
        }
        (RuntimeValue::Bool(value), _, Literal::Bool(expected)) => value == expected,
        (RuntimeValue::Int(scalar, value), _, Literal::Int(expected)) => {
            let bits = scalar.size_bytes() * 8;
            let modulus = 1i128 << bits;
            (value - expected).rem_euclid(modulus) == 0
        }
        (RuntimeValue::Int(_, value), _, Literal::Bool(expected)) => *value == i128::from(*expected),
        (RuntimeValue::Float(_, value), _, Literal::Float(expected)) => close(*value, *expected),
        (RuntimeValue::Float(_, value), _, Literal::Int(expected)) => close(*value, *expected as f64),
        (RuntimeValue::Complex(_, re, im), _, Literal::Complex(expected_re, expected_im)) => {
            close(*re, *expected_re) && close(*im, *expected_im)
        }
        (RuntimeValue::None, _, Literal::None) => true,
        _ => false,
    }
}

fn run_file(path: &Path, source: String) -> datatest_stable::Result<()> {
    let runs: Vec<&str> =
        source.lines().filter_map(|line| line.strip_prefix("# run:")).map(str::trim).collect();
    if runs.is_empty() {
        return Ok(());
    }
    let overrides: HashMap<&str, &str> = source
        .lines()
        .filter_map(|line| line.strip_prefix("# numba:"))
        .filter_map(|line| line.trim().split_once(" -> "))
        .collect();
    let header = source.lines().find_map(|line| line.strip_prefix("# lower:")).ok_or("no header")?.trim();
    let (name, signature) = header.split_at(header.find('(').ok_or("no '(' in the header")?);
    let signature = numjit_types::parse_signature(signature).map_err(|error| error.to_string())?;
    let parsed = numjit_parser::parse_module(&source);
    let (env, namespace, _) = Env::from_module(parsed.module);
    let arg_types: Vec<Ty> = signature.args.iter().cloned().map(Ty::Value).collect();
    let program =
        infer_by_name(&env, namespace, name.trim(), &arg_types).map_err(|error| error.to_string())?;
    let lowered = lower_program(&program, &env, &LowerOptions::default())
        .map_err(|diagnostics| format!("{}: lowering failed: {diagnostics:?}", path.display()))?;
    let return_type =
        lowered.functions.first().map(|function| function.return_type.clone()).unwrap_or(Type::NoneType);
    let mut failures = Vec::new();
    for run in runs {
        let (call, expectation) = match run.split_once(" -> ") {
            Some((call, value)) => (call, Ok(overrides.get(call).copied().unwrap_or(value))),
            None => match run.split_once(" raises ") {
                Some((call, error)) => (call, overrides.get(call).copied().ok_or(error)),
                None => return Err(format!("bad run line: {run}").into()),
            },
        };
        let literals = parse_call_args(call)?;
        let args = literals
            .iter()
            .zip(&signature.args)
            .map(|(literal, ty)| argument(literal, ty))
            .collect::<Result<Vec<_>, _>>()?;
        let mut interpreter = Interpreter::new(&lowered.module);
        let outcome = interpreter.call(&lowered.entry, &args);
        match (&outcome, expectation) {
            (Ok(value), Ok(expected)) => {
                let expected = parse_literal(expected)?;
                if !matches(value, &return_type, &expected) {
                    failures.push(format!("{call}: got {value}, CPython gives {expected:?}"));
                }
            }
            (Err(Trap::Raise { kind, message }), Err(expected)) => {
                let got = format!("{}: {message}", kind.name());
                if got.trim_end() != expected.trim_end() {
                    failures.push(format!("{call}: raised {got}, CPython raises {expected}"));
                }
            }
            (Err(trap), _) if trap.is_inconclusive() => {}
            (Ok(value), Err(expected)) => {
                failures.push(format!("{call}: got {value}, CPython raises {expected}"))
            }
            (Err(trap), expected) => failures.push(format!("{call}: {trap}, CPython gives {expected:?}")),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n{}", path.display(), failures.join("\n")).into())
    }
}

datatest_stable::harness! {
    { test = run_file, root = "test_data", pattern = r"^[^/]*\.py$" },
}
