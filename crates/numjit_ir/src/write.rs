//! The text printer: [`Function`] and [`Module`] to the `.nir` text format.
//!
//! The format is documented in the crate docs. The printer shows value and block numbers
//! as they are in the arenas (the parser keeps them), so a pass's output can be compared
//! with its input line by line; instruction and region numbers are not printed.

use std::fmt::{self, Write};

use numjit_types::{ScalarType, Type};

use crate::{Block, Function, Inst, Module, Opcode, Value};

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_function(f, self)
    }
}

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (function_idx, function) in self.functions.iter().enumerate() {
            if function_idx > 0 {
                writeln!(f)?;
            }
            write_function(f, function)?;
        }
        Ok(())
    }
}

/// Writes a function in the text format.
pub fn write_function(out: &mut dyn Write, func: &Function) -> fmt::Result {
    write!(out, "func ")?;
    write_function_name(out, &func.name)?;
    write_signature(out, &func.params, &func.return_type)?;
    writeln!(out, " {{")?;
    for (func_ref, decl) in func.func_decls.iter() {
        write!(out, "    {func_ref} = ")?;
        write_function_name(out, &decl.name)?;
        write_signature(out, &decl.params, &decl.return_type)?;
        writeln!(out)?;
    }
    if func.dfg.region_is_valid(func.body) {
        for block in func.layout.region_blocks(func.body) {
            write_block(out, func, *block, 0)?;
        }
    }
    writeln!(out, "}}")
}

fn write_signature(out: &mut dyn Write, params: &[Type], return_type: &Type) -> fmt::Result {
    write!(out, "(")?;
    write_list(out, params)?;
    write!(out, ") -> {return_type}")
}

fn write_list<T: fmt::Display>(out: &mut dyn Write, items: &[T]) -> fmt::Result {
    for (item_idx, item) in items.iter().enumerate() {
        if item_idx > 0 {
            write!(out, ", ")?;
        }
        write!(out, "{item}")?;
    }
    Ok(())
}

fn write_block(out: &mut dyn Write, func: &Function, block: Block, indent: usize) -> fmt::Result {
    write!(out, "{:indent$}", "")?;
    write_block_header(out, func, block)?;
    writeln!(out)?;
    for inst in func.layout.block_insts(block) {
        write!(out, "{:width$}", "", width = indent + 4)?;
        write_inst_line(out, func, inst)?;
        writeln!(out)?;
        let data = func.dfg.inst_data(inst);
        if data.opcode.class() == crate::OpcodeClass::Structured {
            for region in &data.regions {
                if func.dfg.region_is_valid(*region) {
                    for inner in func.layout.region_blocks(*region) {
                        write_block(out, func, *inner, indent + 4)?;
                    }
                }
            }
            writeln!(out, "{:width$}}}", "", width = indent + 4)?;
        }
    }
    Ok(())
}

/// `block1(v5: int64, v6: float64):`
pub(crate) fn write_block_header(out: &mut dyn Write, func: &Function, block: Block) -> fmt::Result {
    write!(out, "{block}")?;
    let params = func.dfg.block_params(block);
    if !params.is_empty() {
        write!(out, "(")?;
        for (param_idx, param) in params.iter().enumerate() {
            if param_idx > 0 {
                write!(out, ", ")?;
            }
            write!(out, "{param}: {}", func.dfg.value_type(*param))?;
        }
        write!(out, ")")?;
    }
    write!(out, ":")
}

/// The instruction as one line (a structured op's line ends in `{`).
pub(crate) fn inst_to_string(func: &Function, inst: Inst) -> String {
    let mut text = String::new();
    // Writing to a String cannot fail.
    let _ = write_inst_line(&mut text, func, inst);
    text
}

fn write_values(out: &mut dyn Write, values: &[Value]) -> fmt::Result {
    write_list(out, values)
}

fn write_inst_line(out: &mut dyn Write, func: &Function, inst: Inst) -> fmt::Result {
    let dfg = &func.dfg;
    let data = dfg.inst_data(inst);
    let results = dfg.inst_results(inst);
    if !results.is_empty() {
        write_values(out, results)?;
        write!(out, " = ")?;
    }
    let name = data.opcode.name();
    let args = &data.args;
    match &data.opcode {
        Opcode::Iconst { ty, value } => write!(out, "{name}.{ty} {value}"),
        Opcode::Fconst { ty, bits } => write!(out, "{name}.{ty} {}", FloatText(*ty, *bits)),
        Opcode::Cconst { ty, real_bits, imag_bits } => {
            write!(out, "{name}.{ty} {}, {}", FloatText(*ty, *real_bits), FloatText(*ty, *imag_bits))
        }
        Opcode::Bconst(value) => write!(out, "{name} {value}"),
        Opcode::Sconst(text) => write!(out, "{name} {}", QuotedString(text)),
        Opcode::Icmp(cc) => {
            write!(out, "{name} {} ", cc.name())?;
            write_values(out, args)
        }
        Opcode::Fcmp(cc) => {
            write!(out, "{name} {} ", cc.name())?;
            write_values(out, args)
        }
        Opcode::Convert(to) => {
            write!(out, "{name}.{to} ")?;
            write_values(out, args)
        }
        Opcode::Call(func_ref) => {
            write!(out, "{name} {func_ref}(")?;
            write_values(out, args)?;
            write!(out, ")")
        }
        Opcode::CallIntrinsic(intrinsic) => {
            write!(out, "{name} {intrinsic}(")?;
            write_values(out, args)?;
            write!(out, ")")
        }
        Opcode::TupleGet(index) => {
            write!(out, "{name} ")?;
            write_values(out, args)?;
            write!(out, ", {index}")
        }
        Opcode::Raise { kind, message } => {
            write!(out, "{name} {} {}", kind.name(), QuotedString(message))?;
            if !args.is_empty() {
                write!(out, ", ")?;
                write_values(out, args)?;
            }
            Ok(())
        }
        Opcode::Throw { kind, message } => {
            write!(out, "{name} {} {}", kind.name(), QuotedString(message))?;
            for arg in args {
                write!(out, ", {arg}")?;
            }
            for target in &data.targets {
                write!(out, ", {}", target.block)?;
                if !target.args.is_empty() {
                    write!(out, "(")?;
                    write_values(out, &target.args)?;
                    write!(out, ")")?;
                }
            }
            Ok(())
        }
        Opcode::ArrayDim(axis) | Opcode::ArrayStride(axis) => {
            write!(out, "{name} ")?;
            write_values(out, args)?;
            write!(out, ", {axis}")
        }
        Opcode::ArrayAlloc { dtype, .. } => {
            write!(out, "{name}.{dtype} ")?;
            write_values(out, args)
        }
        Opcode::ArrayView(spec) => {
            write!(out, "{name}.{}", spec.layout.as_str())?;
            if let Some(dtype) = spec.dtype {
                write!(out, ".{dtype}")?;
            }
            write!(out, " ")?;
            write_values(out, args)
        }
        Opcode::ArrayNull(array) => write!(out, "{name} {array}"),
        Opcode::ArrayConst(constant) => {
            write!(out, "{name}.{} (", constant.dtype)?;
            for (index, extent) in constant.shape.iter().enumerate() {
                let separator = if index == 0 { "" } else { ", " };
                write!(out, "{separator}{extent}")?;
            }
            write!(out, "), \"")?;
            for byte in &constant.bytes {
                write!(out, "{byte:02x}")?;
            }
            write!(out, "\"")
        }
        Opcode::Jump | Opcode::Brif | Opcode::TryCall(_) | Opcode::Invoke(_) => {
            write!(out, "{name}")?;
            let mut separator = " ";
            if let Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) = &data.opcode {
                write!(out, " {func_ref}(")?;
                write_values(out, args)?;
                write!(out, ")")?;
                separator = ", ";
            } else {
                for arg in args {
                    write!(out, "{separator}{arg}")?;
                    separator = ", ";
                }
            }
            for target in &data.targets {
                write!(out, "{separator}{}", target.block)?;
                if !target.args.is_empty() {
                    write!(out, "(")?;
                    write_values(out, &target.args)?;
                    write!(out, ")")?;
                }
                separator = ", ";
            }
            Ok(())
        }
        Opcode::For => {
            write!(out, "{name}")?;
            match args.get(..3) {
                Some([start, stop, step]) => write!(out, " {start} to {stop} step {step}")?,
                _ => write!(out, " <missing range>")?,
            }
            let iter_args = args.get(3..).unwrap_or(&[]);
            if !iter_args.is_empty() {
                write!(out, " iter_args(")?;
                write_values(out, iter_args)?;
                write!(out, ")")?;
            }
            write_result_types(out, func, results)?;
            write!(out, " {{")
        }
        Opcode::Parfor { n_dims, reductions } => {
            write!(out, "{name} (")?;
            for (dim_idx, range) in args.chunks(3).take(*n_dims as usize).enumerate() {
                if dim_idx > 0 {
                    write!(out, ", ")?;
                }
                match range {
                    [start, stop, step] => write!(out, "{start} to {stop} step {step}")?,
                    _ => write!(out, "<missing range>")?,
                }
            }
            write!(out, ")")?;
            if !reductions.is_empty() {
                let pairs = args.get(3 * *n_dims as usize..).unwrap_or(&[]);
                write!(out, " reduce(")?;
                for (reduction_idx, op) in reductions.iter().enumerate() {
                    if reduction_idx > 0 {
                        write!(out, ", ")?;
                    }
                    match pairs.get(2 * reduction_idx..2 * reduction_idx + 2) {
                        Some([init, identity]) => write!(out, "{} {init} identity {identity}", op.name())?,
                        _ => write!(out, "{} <missing operands>", op.name())?,
                    }
                }
                write!(out, ")")?;
            }
            write_result_types(out, func, results)?;
            write!(out, " {{")
        }
        _ => {
            write!(out, "{name}")?;
            if !args.is_empty() {
                write!(out, " ")?;
                write_values(out, args)?;
            }
            Ok(())
        }
    }
}

fn write_result_types(out: &mut dyn Write, func: &Function, results: &[Value]) -> fmt::Result {
    match results {
        [] => Ok(()),
        [single] => write!(out, " -> {}", func.dfg.value_type(*single)),
        several => {
            write!(out, " -> (")?;
            for (result_idx, result) in several.iter().enumerate() {
                if result_idx > 0 {
                    write!(out, ", ")?;
                }
                write!(out, "{}", func.dfg.value_type(*result))?;
            }
            write!(out, ")")
        }
    }
}

/// `@name`, quoted when the name is not a plain identifier (`@"<lambda>"`).
fn write_function_name(out: &mut dyn Write, name: &str) -> fmt::Result {
    if is_plain_function_name(name) { write!(out, "@{name}") } else { write!(out, "@{}", QuotedString(name)) }
}

/// Letters, digits, `_` and `.`, not starting with a digit or `.`.
pub(crate) fn is_plain_function_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// A float immediate: shortest decimal that reads back to the same value in its type,
/// `inf`/`-inf`, `nan` for the canonical NaN, `nan(0x...)` with the `f64` bits otherwise.
struct FloatText(ScalarType, u64);

impl fmt::Display for FloatText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let FloatText(ty, bits) = *self;
        let value = f64::from_bits(bits);
        if value.is_nan() {
            if bits == f64::NAN.to_bits() { f.write_str("nan") } else { write!(f, "nan(0x{bits:016x})") }
        } else if value.is_infinite() {
            f.write_str(if value > 0.0 { "inf" } else { "-inf" })
        } else if ty.real_part() == ScalarType::Float32 && f64::from(value as f32).to_bits() == bits {
            write!(f, "{:?}", value as f32)
        } else {
            write!(f, "{value:?}")
        }
    }
}

/// A string literal with `\\`, `\"`, `\n`, `\r`, `\t` and `\u{..}` escapes.
pub(crate) struct QuotedString<'a>(pub(crate) &'a str);

impl fmt::Display for QuotedString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '\\' => f.write_str("\\\\")?,
                '"' => f.write_str("\\\"")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_shortest_round_trip_form() {
        let check = |ty: ScalarType, value: f64, expect: &str| {
            assert_eq!(FloatText(ty, crate::opcode::float_bits_for(ty, value)).to_string(), expect);
        };
        check(ScalarType::Float64, 0.1, "0.1");
        check(ScalarType::Float32, 0.1, "0.1");
        check(ScalarType::Float64, f64::from(0.1f32), "0.10000000149011612");
        check(ScalarType::Float64, -0.0, "-0.0");
        check(ScalarType::Float64, 1e300, "1e300");
        check(ScalarType::Float64, f64::NEG_INFINITY, "-inf");
        check(ScalarType::Float64, f64::NAN, "nan");
        check(ScalarType::Float64, -f64::NAN, "nan(0xfff8000000000000)");
    }

    #[test]
    fn strings_and_names_are_escaped() {
        assert_eq!(QuotedString("a\"b\\c\nd\u{1}é").to_string(), r#""a\"b\\c\nd\u{1}é""#);
        assert!(is_plain_function_name("__main__.f2"));
        assert!(!is_plain_function_name("<lambda>"));
        assert!(!is_plain_function_name("2f"));
        assert!(!is_plain_function_name(""));
    }
}
