//! `simplify_cfg`: simplifies the control flow of every region, loop bodies included.
//!
//! **Establishes**, repeated until nothing changes:
//! - `brif` on a constant, or with two identical targets, is a `jump`;
//! - no block is unreachable from its region's entry;
//! - no branch targets an empty forwarding block (a non-entry block holding only a `jump`
//!   whose parameters are used nowhere but in that jump): branches go straight to the end
//!   of the chain of forwarding blocks, with the arguments the chain would have passed.
//!   Chains that form a cycle (an empty infinite loop) are left alone;
//! - no block has a single predecessor that ends in a `jump` to it: such a block is merged
//!   into its predecessor, its parameters replaced by the jump's arguments;
//! - no non-entry block has a trivial parameter, one that every branch to the block passes
//!   the same value (or the parameter itself, around a loop): the parameter is replaced by
//!   that value, which dominates the block, and dropped from the branches (Braun et al.'s
//!   trivial-phi removal). A parameter receiving a `try_call`'s result is never trivial:
//!   that result exists only on the call's normal edge.
//!
//! `try_call` is a branch like the others: both its targets are threaded, and its normal
//! edge may pass its result to a chain's last block, as the chain would have.
//!
//! **Requires** verified IR.
//!
//! **Does not**: duplicate blocks (tail duplication of `return` blocks), turn diamonds
//! into `select`s, touch structured ops themselves (their regions are simplified inside,
//! never flattened — that is `flatten_loops`' job), or remove instructions left unused
//! (`eliminate_dead_code` does).

use cranelift_entity::SecondaryMap;
use numjit_ir::{Block, BlockCall, ControlFlowGraph, Function, Inst, InstData, Opcode, Region, Value};

use crate::analysis::{UseCounts, ValueAliases, regions_preorder};
use crate::cleanup::eliminate_dead_code::remove_unreachable_blocks;
use crate::cleanup::fold_constants::constant_value;
use crate::interpreter::RuntimeValue;
use crate::{PassContext, PassError, PassOutcome};

/// Each round removes blocks or edges; the bound only guards against a bug looping.
const MAX_ROUNDS: usize = 1000;

/// Runs the pass on one function.
pub fn run(func: &mut Function, _cx: &mut PassContext) -> Result<PassOutcome, PassError> {
    let mut changed = false;
    for _ in 0..MAX_ROUNDS {
        let mut changed_in_round = fold_branches(func);
        changed_in_round |= remove_unreachable_blocks(func);
        changed_in_round |= thread_jumps(func);
        changed_in_round |= merge_blocks(func);
        changed_in_round |= remove_trivial_params(func);
        changed |= changed_in_round;
        if !changed_in_round {
            return Ok(PassOutcome::from_changed(changed));
        }
    }
    Err(PassError::new(format!("@{}: the CFG did not settle after {MAX_ROUNDS} rounds", func.name)))
}

/// Every terminator of a live region.
fn terminators(func: &Function) -> Vec<Inst> {
    regions_preorder(func)
        .into_iter()
        .flat_map(|region| func.layout.region_blocks(region).to_vec())
        .filter_map(|block| func.layout.last_inst(block))
        .collect()
}

/// `brif` on a constant or with identical targets becomes a `jump`.
fn fold_branches(func: &mut Function) -> bool {
    let mut changed = false;
    for inst in terminators(func) {
        let data = func.dfg.inst_data(inst);
        if data.opcode != Opcode::Brif || data.targets.len() != 2 {
            continue;
        }
        let taken = match data.args.first().and_then(|condition| constant_value(func, *condition)) {
            Some(RuntimeValue::Bool(condition)) => usize::from(!condition),
            _ if data.targets[0] == data.targets[1] => 0,
            _ => continue,
        };
        let target = data.targets[taken].clone();
        func.dfg.replace_inst_data(
            inst,
            InstData { opcode: Opcode::Jump, args: Vec::new(), targets: vec![target], regions: Vec::new() },
        );
        changed = true;
    }
    changed
}

/// The jump of a forwarding block: a non-entry block whose only instruction is a `jump` to
/// another block and whose parameters are read nowhere but in that jump.
fn forwarding_jump(func: &Function, uses: &UseCounts, block: Block, region: Region) -> Option<BlockCall> {
    if func.layout.entry_block(region) == Some(block) {
        return None;
    }
    let first = func.layout.first_inst(block)?;
    if func.layout.last_inst(block) != Some(first) {
        return None;
    }
    let data = func.dfg.inst_data(first);
    let target = match (&data.opcode, data.targets.as_slice()) {
        (Opcode::Jump, [target]) if target.block != block => target,
        _ => return None,
    };
    let params_used_elsewhere = func.dfg.block_params(block).iter().any(|param| {
        let in_jump = target.args.iter().filter(|arg| *arg == param).count() as u32;
        uses.count(*param) != in_jump
    });
    (!params_used_elsewhere).then(|| target.clone())
}

/// Redirects branches to forwarding blocks to the end of their chain.
fn thread_jumps(func: &mut Function) -> bool {
    let uses = UseCounts::compute(func);
    let mut changed = false;
    for region in regions_preorder(func) {
        let blocks = func.layout.region_blocks(region).to_vec();
        let mut forward: SecondaryMap<Block, Option<BlockCall>> = SecondaryMap::new();
        for block in &blocks {
            forward[*block] = forwarding_jump(func, &uses, *block, region);
        }
        for block in &blocks {
            let Some(terminator) = func.layout.last_inst(*block) else { continue };
            let mut targets = func.dfg.inst_data(terminator).targets.clone();
            let mut retargeted = false;
            for target in &mut targets {
                if let Some(threaded) = follow_chain(func, &forward, target) {
                    *target = threaded;
                    retargeted = true;
                }
            }
            if retargeted {
                func.dfg.inst_data_mut(terminator).targets = targets;
                changed = true;
            }
        }
    }
    changed
}

/// Where a branch to `start` ends up after the chain of forwarding blocks from it, with
/// the arguments it passes there; `None` when `start` does not forward or the chain loops.
fn follow_chain(
    func: &Function,
    forward: &SecondaryMap<Block, Option<BlockCall>>,
    start: &BlockCall,
) -> Option<BlockCall> {
    let mut current = start.clone();
    let mut visited = vec![start.block];
    while let Some(jump) = &forward[current.block] {
        if visited.contains(&jump.block) {
            return None;
        }
        let params = func.dfg.block_params(current.block);
        let substitute = |value: Value| match params.iter().position(|param| *param == value) {
            Some(param_idx) => current.args.get(param_idx).copied().unwrap_or(value),
            None => value,
        };
        let args: Vec<Value> = jump.args.iter().map(|arg| substitute(*arg)).collect();
        visited.push(jump.block);
        current = BlockCall::new(jump.block, args);
    }
    (current.block != start.block).then_some(current)
}

/// Merges each block with a single predecessor ending in a `jump` to it into that
/// predecessor.
fn merge_blocks(func: &mut Function) -> bool {
    let cfg = ControlFlowGraph::compute(func);
    let mut aliases = ValueAliases::default();
    let mut merged_into: SecondaryMap<Block, Option<Block>> = SecondaryMap::new();
    let resolve = |merged_into: &SecondaryMap<Block, Option<Block>>, mut block: Block| {
        while let Some(into) = merged_into[block] {
            block = into;
        }
        block
    };
    let mut changed = false;
    for region in regions_preorder(func) {
        let blocks = func.layout.region_blocks(region).to_vec();
        for block in blocks.iter().skip(1) {
            let [pred] = cfg.preds(*block) else { continue };
            let pred = resolve(&merged_into, *pred);
            if pred == *block {
                continue;
            }
            let Some(jump) = func.layout.last_inst(pred) else { continue };
            let args = match (&func.dfg.inst_data(jump).opcode, func.dfg.inst_data(jump).targets.as_slice()) {
                (Opcode::Jump, [target]) if target.block == *block => target.args.clone(),
                _ => continue,
            };
            for (param, arg) in func.dfg.block_params(*block).to_vec().into_iter().zip(args) {
                aliases.alias(param, arg);
            }
            func.layout.remove_inst(jump);
            let insts: Vec<Inst> = func.layout.block_insts(*block).collect();
            for inst in insts {
                func.layout.remove_inst(inst);
                func.layout.append_inst(pred, inst);
            }
            func.layout.remove_block(*block);
            merged_into[*block] = Some(pred);
            changed = true;
        }
    }
    aliases.apply(func);
    changed
}

/// Replaces every trivial parameter of a non-entry block by the one value it receives.
fn remove_trivial_params(func: &mut Function) -> bool {
    let mut aliases = ValueAliases::default();
    let mut changed = false;
    for region in regions_preorder(func) {
        let blocks = func.layout.region_blocks(region).to_vec();
        let mut branches_to: SecondaryMap<Block, Vec<(Inst, usize)>> = SecondaryMap::new();
        for block in &blocks {
            if let Some(terminator) = func.layout.last_inst(*block) {
                for (target_idx, target) in func.dfg.inst_data(terminator).targets.iter().enumerate() {
                    branches_to[target.block].push((terminator, target_idx));
                }
            }
        }
        for block in blocks.iter().skip(1) {
            let branches = &branches_to[*block];
            if branches.is_empty() {
                continue;
            }
            let params = func.dfg.block_params(*block).to_vec();
            let mut trivial = Vec::new();
            for (param_idx, param) in params.iter().enumerate() {
                let mut incoming = None;
                let mut is_trivial = true;
                for (branch, target_idx) in branches {
                    let arg = func.dfg.inst_data(*branch).targets[*target_idx].args.get(param_idx).copied();
                    let Some(arg) = arg.map(|arg| aliases.resolve(arg)) else {
                        is_trivial = false;
                        break;
                    };
                    if arg == *param || incoming == Some(arg) {
                        continue;
                    }
                    if incoming.is_some() {
                        is_trivial = false;
                        break;
                    }
                    incoming = Some(arg);
                }
                // A `try_call`'s result exists only on its normal edge: a parameter that
                // receives it is where it becomes an ordinary value, so it stays.
                let edge_only = incoming.is_some_and(|value| is_try_call_result(func, value));
                if let (true, false, Some(value)) = (is_trivial, edge_only, incoming) {
                    aliases.alias(*param, value);
                    trivial.push(param_idx);
                }
            }
            if trivial.is_empty() {
                continue;
            }
            for (branch, target_idx) in branches {
                let args = &mut func.dfg.inst_data_mut(*branch).targets[*target_idx].args;
                for param_idx in trivial.iter().rev() {
                    if *param_idx < args.len() {
                        args.remove(*param_idx);
                    }
                }
            }
            for param_idx in trivial.iter().rev() {
                func.dfg.remove_block_param(*block, *param_idx);
            }
            changed = true;
        }
    }
    aliases.apply(func);
    changed
}

/// Whether `value` is the result of a `try_call`, which only its normal edge may pass on.
fn is_try_call_result(func: &Function, value: Value) -> bool {
    func.dfg
        .value_def(value)
        .inst()
        .is_some_and(|inst| matches!(func.dfg.inst_data(inst).opcode, Opcode::TryCall(_) | Opcode::Invoke(_)))
}

#[cfg(test)]
mod tests {
    use numjit_ir::{parse_function, verify};

    use super::*;

    fn check(input: &str, expect: &str) {
        let mut func = parse_function(input).expect("parses");
        run(&mut func, &mut PassContext::new()).expect("runs");
        let text = func.to_string();
        assert_eq!(text.trim(), expect.trim(), "\n{text}");
        if let Err(errors) = verify(&func) {
            panic!("{errors:?}");
        }
    }

    #[test]
    fn threads_merges_and_keeps_empty_infinite_loops() {
        check(
            "func @f(bool, int64) -> int64 {
block0(v0: bool, v1: int64):
    brif v0, block1(v1), block2
block1(v2: int64):
    jump block3(v2)
block2:
    jump block4
block4:
    jump block4
block3(v3: int64):
    return v3
}",
            "func @f(bool, int64) -> int64 {
block0(v0: bool, v1: int64):
    brif v0, block3, block4
block4:
    jump block4
block3:
    return v1
}",
        );
    }
}
