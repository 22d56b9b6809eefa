//! [`structural_difference`]: whether two functions are the same IR up to the numbering of
//! instructions and regions — the equality that printing and parsing preserve.

use crate::{Function, Region};

/// The first difference between `a` and `b`, or `None` when they are equal up to the
/// numbering of instructions and regions: same signature and declarations; the same blocks
/// (by number) in the same order in corresponding regions, with the same parameters; the
/// same instructions in the same order, with the same opcodes, operands, targets and
/// results (by number, with their types). Values and blocks nothing places are ignored.
pub fn structural_difference(a: &Function, b: &Function) -> Option<String> {
    if a.name != b.name || a.params != b.params || a.return_type != b.return_type {
        return Some(format!("signatures differ: @{} vs @{}", a.name, b.name));
    }
    if a.func_decls.values().ne(b.func_decls.values()) {
        return Some("callee declarations differ".to_owned());
    }
    compare_regions(a, a.body, b, b.body)
}

fn compare_regions(a: &Function, region_a: Region, b: &Function, region_b: Region) -> Option<String> {
    let (blocks_a, blocks_b) = (a.layout.region_blocks(region_a), b.layout.region_blocks(region_b));
    if blocks_a != blocks_b {
        return Some(format!("{region_a} has blocks {blocks_a:?}, {region_b} has {blocks_b:?}"));
    }
    for block in blocks_a {
        let (params_a, params_b) = (a.dfg.block_params(*block), b.dfg.block_params(*block));
        let types_a = params_a.iter().map(|param| a.dfg.value_type(*param));
        let types_b = params_b.iter().map(|param| b.dfg.value_type(*param));
        if params_a != params_b || types_a.ne(types_b) {
            return Some(format!("the parameters of {block} differ"));
        }
        let mut insts_b = b.layout.block_insts(*block);
        for inst_a in a.layout.block_insts(*block) {
            let Some(inst_b) = insts_b.next() else {
                return Some(format!("{block} has more instructions in the first function"));
            };
            let (data_a, data_b) = (a.dfg.inst_data(inst_a), b.dfg.inst_data(inst_b));
            let (results_a, results_b) = (a.dfg.inst_results(inst_a), b.dfg.inst_results(inst_b));
            let same = data_a.opcode == data_b.opcode
                && data_a.args == data_b.args
                && data_a.targets == data_b.targets
                && data_a.regions.len() == data_b.regions.len()
                && results_a == results_b
                && results_a
                    .iter()
                    .map(|result| a.dfg.value_type(*result))
                    .eq(results_b.iter().map(|result| b.dfg.value_type(*result)));
            if !same {
                return Some(format!(
                    "in {block}: `{}` differs from `{}` (or its result types do)",
                    a.inst_to_string(inst_a),
                    b.inst_to_string(inst_b)
                ));
            }
            for (nested_a, nested_b) in data_a.regions.iter().zip(&data_b.regions) {
                if let Some(difference) = compare_regions(a, *nested_a, b, *nested_b) {
                    return Some(difference);
                }
            }
        }
        if insts_b.next().is_some() {
            return Some(format!("{block} has more instructions in the second function"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Value, parse_function};

    #[test]
    fn finds_the_first_difference() {
        let text = "func @f(int64) -> int64 {\nblock0(v0: int64):\n    v1 = iadd v0, v0\n    return v1\n}\n";
        let a = parse_function(text).expect("parses");
        let mut b = parse_function(text).expect("parses");
        assert_eq!(structural_difference(&a, &b), None);
        b.dfg.replace_all_uses(Value::from_u32(1), Value::from_u32(0));
        assert_eq!(
            structural_difference(&a, &b).as_deref(),
            Some("in block0: `return v1` differs from `return v0` (or its result types do)")
        );
    }
}
