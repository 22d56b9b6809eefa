//! `fold_constants`: evaluates operations on constants at compile time and applies the
//! algebraic identities that hold exactly.
//!
//! **Establishes**, in every region (loop bodies included):
//! - an instruction whose operands are all constants and whose result the IR defines
//!   exactly is replaced by a constant of its result type, keeping its result value:
//!   integer arithmetic (wrapping, Python floor division and modulo, C division and
//!   remainder, shifts, powers), float arithmetic in the operand's precision (IEEE; Python
//!   `//` and `%` as CPython computes them), complex addition, subtraction, negation,
//!   conjugation, parts and construction, comparisons (Python's NaN rules), `select`,
//!   `convert` and the exactly-rounded intrinsics (`sqrt`, `fabs`, `floor`, `ceil`,
//!   `trunc`, `round`, `copysign`, `isnan`, `isinf`, `isfinite`). The values come from the
//!   interpreter's [`eval_pure`], the one statement of those semantics;
//! - `brif` on a constant becomes a `jump` to the target taken;
//! - a `for` whose constant range is empty is replaced by its initial carried values;
//! - exact identities on integers and bools replace an instruction by an operand or a
//!   constant: `x + 0`, `x - 0`, `x - x`, `x * 1`, `x * 0`, `x // 1`, `x % 1`, `x << 0`,
//!   `x & 0`, `x & -1`, `x & x`, `x | 0`, `x | x`, `x ^ 0`, `x ^ x`, `x ** 0`, `x ** 1`,
//!   `x cmp x`, `-(-x)`, `~~x`, a `convert` to the operand's own type, `select` of one value
//!   or on a constant, `tuple_get` of a `tuple_make`, and the parts of a `cmake`.
//!
//! A NaN result is the canonical quiet NaN, except for operations that only move or flip
//! sign bits (`fneg`, `fabs`, `copysign`, complex parts): IEEE and LLVM leave the payload
//! and sign of a computed NaN open, and one fixed choice keeps the output deterministic.
//!
//! **Requires** verified IR.
//!
//! **Does not**: fold what the IR leaves undefined (a zero divisor, a shift amount outside
//! the type, a negative integer power, an out-of-range float-to-integer conversion) — those
//! stay for the runtime check lowering put before them; fold operations whose result the
//! IR does not pin down to the bit (`fpow`, complex multiplication, division and power,
//! transcendental intrinsics, which the C library computes); apply float identities
//! (`x + 0.0` is not `x` for `x = -0.0`, and the IR records no fast-math flag); remove the
//! instructions that become unused (`eliminate_dead_code` does) or the blocks a folded
//! `brif` cuts off (`simplify_cfg` does).

use numjit_ir::{Function, Inst, InstData, IntCC, Intrinsic, Opcode, OpcodeClass, Value, ValueDef};
use numjit_types::{ScalarType, Type};

use crate::analysis::{ValueAliases, regions_preorder};
use crate::interpreter::scalar::wrap_int;
use crate::interpreter::{RuntimeValue, eval_pure};
use crate::{PassContext, PassError, PassOutcome};

/// Folding one instruction can enable folding an earlier one only through a value used
/// above its definition (blocks out of dominance order), so few rounds are ever needed.
const MAX_ROUNDS: usize = 32;

/// Runs the pass on one function.
pub fn run(func: &mut Function, _cx: &mut PassContext) -> Result<PassOutcome, PassError> {
    let mut aliases = ValueAliases::default();
    let mut changed = false;
    for _ in 0..MAX_ROUNDS {
        let mut changed_in_round = false;
        for region in regions_preorder(func) {
            for block in func.layout.region_blocks(region).to_vec() {
                let insts: Vec<Inst> = func.layout.block_insts(block).collect();
                for inst in insts {
                    if func.layout.inst_block(inst) != Some(block) {
                        continue;
                    }
                    aliases.apply_to_inst(func, inst);
                    changed_in_round |= fold_inst(func, inst, &mut aliases)?;
                }
            }
        }
        changed |= changed_in_round;
        if !changed_in_round {
            break;
        }
    }
    aliases.apply(func);
    Ok(PassOutcome::from_changed(changed))
}

/// The value of `value` if a constant instruction defines it.
pub(crate) fn constant_value(func: &Function, value: Value) -> Option<RuntimeValue> {
    let ValueDef::Result(inst, 0) = func.dfg.value_def(value) else { return None };
    let opcode = &func.dfg.inst_data(inst).opcode;
    match opcode {
        Opcode::Iconst { .. } | Opcode::Fconst { .. } | Opcode::Cconst { .. } | Opcode::Bconst(_) => {
            eval_pure(opcode, &[]).ok()
        }
        _ => None,
    }
}

/// An integer or bool constant as an integer (`True` is 1).
fn int_constant(func: &Function, value: Value) -> Option<i128> {
    match constant_value(func, value)? {
        RuntimeValue::Int(_, value) => Some(value),
        RuntimeValue::Bool(value) => Some(i128::from(value)),
        _ => None,
    }
}

/// Whether the IR defines `opcode`'s result on constants to the bit (so folding it is
/// exact on every target).
fn is_foldable(opcode: &Opcode) -> bool {
    match opcode {
        Opcode::Iadd
        | Opcode::Isub
        | Opcode::Imul
        | Opcode::Ineg
        | Opcode::IfloorDiv
        | Opcode::Imod
        | Opcode::Idiv
        | Opcode::Irem
        | Opcode::Ishl
        | Opcode::Ishr
        | Opcode::Iand
        | Opcode::Ior
        | Opcode::Ixor
        | Opcode::Inot
        | Opcode::Ipow
        | Opcode::Fadd
        | Opcode::Fsub
        | Opcode::Fmul
        | Opcode::Fdiv
        | Opcode::FfloorDiv
        | Opcode::Fmod
        | Opcode::Frem
        | Opcode::Fneg
        | Opcode::Cadd
        | Opcode::Csub
        | Opcode::Cneg
        | Opcode::Cconj
        | Opcode::Creal
        | Opcode::Cimag
        | Opcode::Cmake
        | Opcode::Icmp(_)
        | Opcode::Fcmp(_)
        | Opcode::Select
        | Opcode::Convert(_) => true,
        Opcode::CallIntrinsic(intrinsic) => matches!(
            intrinsic,
            Intrinsic::Sqrt
                | Intrinsic::Fabs
                | Intrinsic::Floor
                | Intrinsic::Ceil
                | Intrinsic::Trunc
                | Intrinsic::Round
                | Intrinsic::Copysign
                | Intrinsic::Isnan
                | Intrinsic::Isinf
                | Intrinsic::Isfinite
        ),
        _ => false,
    }
}

/// Whether `opcode` only moves or flips sign bits, so a NaN result keeps its bits.
fn keeps_nan_bits(opcode: &Opcode) -> bool {
    matches!(
        opcode,
        Opcode::Fneg
            | Opcode::Cneg
            | Opcode::Cconj
            | Opcode::Creal
            | Opcode::Cimag
            | Opcode::Cmake
            | Opcode::Select
            | Opcode::CallIntrinsic(Intrinsic::Fabs | Intrinsic::Copysign)
    )
}

/// The constant instruction producing `value`; `None` for values with no constant form.
fn constant_opcode(value: &RuntimeValue, canonical_nan: bool) -> Option<Opcode> {
    let bits = |x: f64| if canonical_nan && x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() };
    Some(match *value {
        RuntimeValue::Bool(value) => Opcode::Bconst(value),
        RuntimeValue::Int(ty, value) => Opcode::Iconst { ty, value },
        RuntimeValue::Float(ty, x) => Opcode::Fconst { ty, bits: bits(x) },
        RuntimeValue::Complex(ty, re, im) => Opcode::Cconst { ty, real_bits: bits(re), imag_bits: bits(im) },
        _ => return None,
    })
}

fn constant_type(value: &RuntimeValue) -> Option<Type> {
    match value {
        RuntimeValue::Bool(_) => Some(Type::BOOL),
        RuntimeValue::Int(ty, _) | RuntimeValue::Float(ty, _) | RuntimeValue::Complex(ty, _, _) => {
            Some(Type::Scalar(*ty))
        }
        _ => None,
    }
}

/// What an instruction simplifies to.
enum Replacement {
    /// One of the values already there.
    Value(Value),
    /// An integer (or bool) constant of the result's type.
    Int(i128),
}

/// Folds or simplifies `inst`; whether it changed anything.
fn fold_inst(func: &mut Function, inst: Inst, aliases: &mut ValueAliases) -> Result<bool, PassError> {
    let data = func.dfg.inst_data(inst);
    match data.opcode.class() {
        OpcodeClass::Branch if data.opcode == Opcode::Brif => {
            let Some(RuntimeValue::Bool(condition)) =
                data.args.first().and_then(|c| constant_value(func, *c))
            else {
                return Ok(false);
            };
            let Some(taken) = data.targets.get(usize::from(!condition)).cloned() else { return Ok(false) };
            let jump = InstData {
                opcode: Opcode::Jump,
                args: Vec::new(),
                targets: vec![taken],
                regions: Vec::new(),
            };
            func.dfg.replace_inst_data(inst, jump);
            Ok(true)
        }
        OpcodeClass::Structured if data.opcode == Opcode::For => fold_empty_for(func, inst, aliases),
        OpcodeClass::Plain => {
            if data.args.is_empty() || !data.opcode.is_pure() {
                return Ok(false);
            }
            if is_foldable(&data.opcode) {
                let constants: Option<Vec<RuntimeValue>> =
                    data.args.iter().map(|arg| constant_value(func, *arg)).collect();
                if let Some(constants) = constants
                    && let Ok(value) = eval_pure(&data.opcode, &constants)
                    && let Some(opcode) = constant_opcode(&value, !keeps_nan_bits(&data.opcode))
                {
                    let result = func.dfg.first_result(inst);
                    let result_type = result.map(|result| func.dfg.value_type(result).clone());
                    if result_type != constant_type(&value) {
                        return Err(PassError::new(format!(
                            "folding `{}` gave {value}, which is not of the result's type",
                            func.inst_to_string(inst)
                        )));
                    }
                    func.dfg.replace_inst_data(inst, InstData::new(opcode, Vec::new()));
                    return Ok(true);
                }
            }
            let Some(replacement) = simplify(func, inst) else { return Ok(false) };
            let Some(result) = func.dfg.first_result(inst) else { return Ok(false) };
            match replacement {
                Replacement::Value(value) => {
                    aliases.alias(result, value);
                    func.layout.remove_inst(inst);
                }
                Replacement::Int(value) => {
                    let opcode = match func.dfg.value_type(result).as_scalar() {
                        Some(ScalarType::Bool) => Opcode::Bconst(value != 0),
                        Some(ty) if ty.is_integer() => Opcode::Iconst { ty, value: wrap_int(ty, value) },
                        _ => return Ok(false),
                    };
                    func.dfg.replace_inst_data(inst, InstData::new(opcode, Vec::new()));
                }
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Removes a `for` whose constant range is empty, standing its results for its initial
/// carried values.
fn fold_empty_for(func: &mut Function, inst: Inst, aliases: &mut ValueAliases) -> Result<bool, PassError> {
    let data = func.dfg.inst_data(inst);
    let Some(range) = data.for_range() else { return Ok(false) };
    let (Some(start), Some(stop), Some(step)) =
        (int_constant(func, range.start), int_constant(func, range.stop), int_constant(func, range.step))
    else {
        return Ok(false);
    };
    let empty = (step > 0 && start >= stop) || (step < 0 && start <= stop);
    if !empty {
        return Ok(false);
    }
    let iter_args = data.for_iter_args().to_vec();
    let results = func.dfg.inst_results(inst).to_vec();
    if iter_args.len() != results.len() {
        return Err(PassError::new(format!(
            "`{}` has {} results for {} carried values",
            func.inst_to_string(inst),
            results.len(),
            iter_args.len()
        )));
    }
    for (result, initial) in results.into_iter().zip(iter_args) {
        aliases.alias(result, initial);
    }
    func.layout.remove_inst(inst);
    Ok(true)
}

/// The instruction that defines `value`, with its data, if it is a result.
fn defining_data(func: &Function, value: Value) -> Option<&InstData> {
    func.dfg.value_def(value).inst().map(|inst| func.dfg.inst_data(inst))
}

/// The exact identity that applies to `inst`, if any.
fn simplify(func: &Function, inst: Inst) -> Option<Replacement> {
    let data = func.dfg.inst_data(inst);
    let result_type = func.dfg.first_result(inst).and_then(|result| func.dfg.value_type(result).as_scalar());
    match (&data.opcode, data.args.as_slice()) {
        (Opcode::Select, [condition, if_true, if_false]) => {
            if if_true == if_false {
                return Some(Replacement::Value(*if_true));
            }
            match constant_value(func, *condition) {
                Some(RuntimeValue::Bool(true)) => Some(Replacement::Value(*if_true)),
                Some(RuntimeValue::Bool(false)) => Some(Replacement::Value(*if_false)),
                _ => None,
            }
        }
        (Opcode::Convert(to), [operand]) => {
            (func.dfg.value_type(*operand) == &Type::Scalar(*to)).then_some(Replacement::Value(*operand))
        }
        (Opcode::TupleGet(index), [tuple]) => match defining_data(func, *tuple) {
            Some(InstData { opcode: Opcode::TupleMake, args, .. }) => {
                args.get(*index as usize).map(|item| Replacement::Value(*item))
            }
            _ => None,
        },
        (Opcode::Creal | Opcode::Cimag, [complex]) => match defining_data(func, *complex) {
            Some(InstData { opcode: Opcode::Cmake, args, .. }) if args.len() == 2 => {
                let part = if data.opcode == Opcode::Creal { args[0] } else { args[1] };
                Some(Replacement::Value(part))
            }
            _ => None,
        },
        (Opcode::Ineg | Opcode::Inot, [operand]) => match defining_data(func, *operand) {
            Some(InstData { opcode, args, .. }) if *opcode == data.opcode && args.len() == 1 => {
                Some(Replacement::Value(args[0]))
            }
            _ => None,
        },
        (Opcode::Icmp(cc), [a, b]) if a == b => Some(Replacement::Int(i128::from(matches!(
            cc,
            IntCC::Equal | IntCC::LessThanOrEqual | IntCC::GreaterThanOrEqual
        )))),
        (opcode, [a, b]) => {
            let ty = result_type.filter(|ty| ty.is_integer() || *ty == ScalarType::Bool)?;
            let all_ones = if ty == ScalarType::Bool { 1 } else { wrap_int(ty, -1) };
            simplify_binary(opcode, *a, *b, int_constant(func, *a), int_constant(func, *b), all_ones)
        }
        _ => None,
    }
}

/// Identities of integer (and bool) binary operations; `lhs`/`rhs` are the operands'
/// constant values where known.
fn simplify_binary(
    opcode: &Opcode,
    a: Value,
    b: Value,
    lhs: Option<i128>,
    rhs: Option<i128>,
    all_ones: i128,
) -> Option<Replacement> {
    use Replacement::{Int, Value as Keep};
    match opcode {
        Opcode::Iadd if rhs == Some(0) => Some(Keep(a)),
        Opcode::Iadd if lhs == Some(0) => Some(Keep(b)),
        Opcode::Isub if rhs == Some(0) => Some(Keep(a)),
        Opcode::Isub if a == b => Some(Int(0)),
        Opcode::Imul if rhs == Some(1) => Some(Keep(a)),
        Opcode::Imul if lhs == Some(1) => Some(Keep(b)),
        Opcode::Imul if rhs == Some(0) || lhs == Some(0) => Some(Int(0)),
        Opcode::IfloorDiv | Opcode::Idiv if rhs == Some(1) => Some(Keep(a)),
        Opcode::Imod | Opcode::Irem if rhs == Some(1) => Some(Int(0)),
        Opcode::Ishl | Opcode::Ishr if rhs == Some(0) => Some(Keep(a)),
        Opcode::Iand if rhs == Some(0) || lhs == Some(0) => Some(Int(0)),
        Opcode::Iand if rhs == Some(all_ones) => Some(Keep(a)),
        Opcode::Iand if lhs == Some(all_ones) => Some(Keep(b)),
        Opcode::Iand | Opcode::Ior if a == b => Some(Keep(a)),
        Opcode::Ior if rhs == Some(all_ones) || lhs == Some(all_ones) => Some(Int(all_ones)),
        Opcode::Ior | Opcode::Ixor if rhs == Some(0) => Some(Keep(a)),
        Opcode::Ior | Opcode::Ixor if lhs == Some(0) => Some(Keep(b)),
        Opcode::Ixor if a == b => Some(Int(0)),
        Opcode::Ipow if rhs == Some(0) => Some(Int(1)),
        Opcode::Ipow if rhs == Some(1) => Some(Keep(a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use numjit_ir::{parse_function, verify};

    use super::*;

    fn check(input: &str, expect: &str) {
        let mut func = parse_function(input).expect("parses");
        run(&mut func, &mut PassContext::new()).expect("folds");
        let text = func.to_string();
        assert_eq!(text.trim(), expect.trim(), "\n{text}");
        if let Err(errors) = verify(&func) {
            panic!("{errors:?}");
        }
    }

    #[test]
    fn folds_wrapping_and_keeps_undefined() {
        check(
            "func @f() -> int8 {
block0:
    v0 = iconst.int8 100
    v1 = iadd v0, v0
    v2 = iconst.int8 0
    v3 = ifloordiv v1, v2
    return v3
}",
            "func @f() -> int8 {
block0:
    v0 = iconst.int8 100
    v1 = iconst.int8 -56
    v2 = iconst.int8 0
    v3 = ifloordiv v1, v2
    return v3
}",
        );
    }

    #[test]
    fn replaces_identities_with_operands() {
        check(
            "func @f(int64, float64) -> float64 {
block0(v0: int64, v1: float64):
    v2 = iconst.int64 0
    v3 = iadd v0, v2
    v4 = fconst.float64 0.0
    v5 = fadd v1, v4
    v6 = convert.float64 v3
    v7 = fadd v5, v6
    return v7
}",
            "func @f(int64, float64) -> float64 {
block0(v0: int64, v1: float64):
    v2 = iconst.int64 0
    v4 = fconst.float64 0.0
    v5 = fadd v1, v4
    v6 = convert.float64 v0
    v7 = fadd v5, v6
    return v7
}",
        );
    }
}
