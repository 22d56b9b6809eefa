//! Helpers shared by the execution tests: compile IR text with the runtime's symbols, call
//! functions with arguments written as Python literals, print results as Python's `repr`.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use numjit_abi::ExceptionRecord;
use numjit_llvm::{
    CallError, CodegenOptions, CompiledModule, JitValue, ObjectFunction, compile_module, load_object,
};
use numjit_runtime::{RaisedException, exception, repr_complex, repr_f64};
use numjit_types::{ScalarType, Type};

/// Parses, verifies and compiles `text` with `options`.
pub fn compile_with(text: &str, options: &CodegenOptions) -> Result<CompiledModule, String> {
    let module = numjit_ir::parse_module(text).map_err(|error| format!("parse error: {error:?}"))?;
    numjit_ir::verify_module(&module).map_err(|errors| format!("verifier: {errors:?}"))?;
    let symbols = numjit_runtime::symbols();
    compile_module(&module, options, &symbols).map_err(|error| error.to_string())
}

/// Parses, verifies and compiles `text` at O3 without fast-math.
pub fn compile(text: &str) -> CompiledModule {
    compile_with(text, &CodegenOptions::default()).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

/// Like [`compile`], but through an object file: compiles with `keep_object`, drops that
/// module (its machine code with it), and links the object into the process anew, as a
/// later process loading a cached version does.
pub fn compile_via_object(text: &str) -> CompiledModule {
    let module = numjit_ir::parse_module(text).unwrap_or_else(|error| panic!("parse error: {error:?}"));
    let options = CodegenOptions { keep_object: true, ..CodegenOptions::default() };
    let symbols = numjit_runtime::symbols();
    let compiled =
        compile_module(&module, &options, &symbols).unwrap_or_else(|error| panic!("{error}\n{text}"));
    let object = compiled.object.clone().expect("an object file");
    drop(compiled);
    let functions: Vec<ObjectFunction> = module
        .functions
        .iter()
        .map(|function| ObjectFunction {
            name: function.name.clone(),
            params: function.params.clone(),
            return_type: function.return_type.clone(),
        })
        .collect();
    load_object(&object, &functions, &symbols)
        .unwrap_or_else(|error| panic!("loading the object: {error}\n{text}"))
}

/// What a call produced: a value or a raised exception.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Value(JitValue),
    Raised(RaisedException),
}

/// Calls `name` with `args`, consuming any exception from the record.
pub fn call(module: &CompiledModule, name: &str, args: &[JitValue]) -> Outcome {
    let function = module.function(name).unwrap_or_else(|| panic!("no function {name}"));
    let mut record = ExceptionRecord::new();
    match function.call(args, &mut record) {
        Ok(value) => Outcome::Value(value),
        Err(CallError::Raised(_)) => {
            Outcome::Raised(exception::take(&mut record).expect("a raised exception"))
        }
        Err(error) => panic!("calling {name}: {error}"),
    }
}

/// Python's `repr` of a result.
pub fn repr(value: &JitValue) -> String {
    match value {
        JitValue::Bool(flag) => if *flag { "True" } else { "False" }.to_owned(),
        JitValue::Int(int) => int.to_string(),
        JitValue::UInt(int) => int.to_string(),
        JitValue::Float(x) => repr_f64(*x),
        JitValue::Complex(re, im) => repr_complex(*re, *im),
        JitValue::None => "None".to_owned(),
        JitValue::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
    }
}

/// Splits `text` at top-level commas.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (index, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(text[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        parts.push(last);
    }
    parts
}

/// Reads a Python literal as a value of type `ty`.
pub fn parse_literal(text: &str, ty: &Type) -> Result<JitValue, String> {
    let text = text.trim();
    let bad = || format!("`{text}` is not a {ty} literal");
    match ty {
        Type::Scalar(ScalarType::Bool) => match text {
            "True" => Ok(JitValue::Bool(true)),
            "False" => Ok(JitValue::Bool(false)),
            _ => Err(bad()),
        },
        Type::Scalar(scalar) if scalar.is_signed_integer() => {
            text.parse().map(JitValue::Int).map_err(|_| bad())
        }
        Type::Scalar(scalar) if scalar.is_unsigned_integer() => {
            text.parse().map(JitValue::UInt).map_err(|_| bad())
        }
        Type::Scalar(scalar) if scalar.is_float() => parse_float(text).map(JitValue::Float).ok_or_else(bad),
        Type::Scalar(_) => {
            let inner =
                text.strip_prefix("complex(").and_then(|rest| rest.strip_suffix(')')).ok_or_else(bad)?;
            let parts = split_top_level(inner);
            match parts.as_slice() {
                [re, im] => {
                    Ok(JitValue::Complex(parse_float(re).ok_or_else(bad)?, parse_float(im).ok_or_else(bad)?))
                }
                _ => Err(bad()),
            }
        }
        Type::NoneType => (text == "None").then_some(JitValue::None).ok_or_else(bad),
        Type::Tuple(items) => {
            let inner = text.strip_prefix('(').and_then(|rest| rest.strip_suffix(')')).ok_or_else(bad)?;
            let parts = split_top_level(inner);
            if parts.len() != items.len() {
                return Err(bad());
            }
            parts
                .iter()
                .zip(items)
                .map(|(part, item)| parse_literal(part, item))
                .collect::<Result<_, _>>()
                .map(JitValue::Tuple)
        }
        _ => Err(bad()),
    }
}

fn parse_float(text: &str) -> Option<f64> {
    match text.trim() {
        "inf" | "float('inf')" => Some(f64::INFINITY),
        "-inf" | "float('-inf')" => Some(f64::NEG_INFINITY),
        "nan" | "float('nan')" => Some(f64::NAN),
        other => other.parse().ok(),
    }
}

/// A `name(args)` call written as text, with arguments read by the function's signature.
pub fn parse_call(module: &CompiledModule, text: &str) -> Result<(String, Vec<JitValue>), String> {
    let open = text.find('(').ok_or_else(|| format!("`{text}` is not a call"))?;
    let name = text[..open].trim().to_owned();
    let inner =
        text[open + 1..].trim_end().strip_suffix(')').ok_or_else(|| format!("`{text}` is not a call"))?;
    let function = module.function(&name).ok_or_else(|| format!("no function {name}"))?;
    let parts = split_top_level(inner);
    if parts.len() != function.params().len() {
        return Err(format!("{name} takes {} arguments: `{text}`", function.params().len()));
    }
    let args = parts
        .iter()
        .zip(function.params())
        .map(|(part, ty)| parse_literal(part, ty))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((name, args))
}
