//! `eliminate_dead_code`: removes code whose effects nobody observes.
//!
//! **Establishes**, in every region (loop bodies included):
//! - no block is unreachable from its region's entry;
//! - every instruction left is live: it has a side effect (call, print, a terminator), or a
//!   live instruction, branch argument or `yield`/`return` reads one of its results. Dead
//!   pure instructions go transitively, including cycles of values that only feed each
//!   other through block parameters;
//! - a structured loop (`for`, `parfor`) whose results are all dead and whose body has no
//!   side effect is removed with its body. A body has a side effect when it (or a region
//!   nested in it) calls, prints, raises, or contains a CFG cycle, which might not end;
//! - no block other than a region's entry has a dead parameter: it is removed together with
//!   the matching argument of every branch to the block.
//!
//! **Requires** verified IR.
//!
//! **Does not**: remove parameters of a region's entry block (the function's parameters,
//! a loop's induction variable and carried values, whose shape the loop op fixes); remove
//! dead carried values of a loop; simplify branches (`simplify_cfg` does); remove calls,
//! even to functions without side effects (the IR has no attribute saying so).

use cranelift_entity::SecondaryMap;
use numjit_ir::{Block, ControlFlowGraph, Function, Inst, OpcodeClass, Region, Value, ValueDef};

use crate::analysis::{reachable_blocks, region_has_side_effects, regions_preorder};
use crate::{PassContext, PassError, PassOutcome};

/// Runs the pass on one function.
pub fn run(func: &mut Function, _cx: &mut PassContext) -> Result<PassOutcome, PassError> {
    let mut changed = remove_unreachable_blocks(func);
    changed |= remove_dead_code(func);
    Ok(PassOutcome::from_changed(changed))
}

/// Takes every block unreachable from its region's entry out of the layout.
pub(crate) fn remove_unreachable_blocks(func: &mut Function) -> bool {
    let cfg = ControlFlowGraph::compute(func);
    let mut changed = false;
    for region in regions_preorder(func) {
        let reachable = reachable_blocks(func, &cfg, region);
        let dead: Vec<Block> =
            func.layout.region_blocks(region).iter().copied().filter(|block| !reachable[*block]).collect();
        for block in dead {
            func.layout.remove_block(block);
            changed = true;
        }
    }
    changed
}

/// The liveness walk: marks live instructions and block parameters from the roots.
struct Liveness<'f> {
    func: &'f Function,
    live_inst: SecondaryMap<Inst, bool>,
    live_value: SecondaryMap<Value, bool>,
    /// For each block, the branches to it: (branch instruction, target index).
    branches_to: SecondaryMap<Block, Vec<(Inst, usize)>>,
    /// For each region, whether its body has side effects (regions of structured ops).
    region_effects: SecondaryMap<Region, bool>,
    work: Vec<Value>,
}

impl<'f> Liveness<'f> {
    fn new(func: &'f Function, regions: &[Region]) -> Self {
        let mut branches_to: SecondaryMap<Block, Vec<(Inst, usize)>> = SecondaryMap::new();
        let mut region_effects: SecondaryMap<Region, bool> = SecondaryMap::new();
        for region in regions {
            region_effects[*region] = region_has_side_effects(func, *region);
            for block in func.layout.region_blocks(*region) {
                if let Some(terminator) = func.layout.last_inst(*block) {
                    for (target_idx, target) in func.dfg.inst_data(terminator).targets.iter().enumerate() {
                        branches_to[target.block].push((terminator, target_idx));
                    }
                }
            }
        }
        Liveness {
            func,
            live_inst: SecondaryMap::new(),
            live_value: SecondaryMap::new(),
            branches_to,
            region_effects,
            work: Vec::new(),
        }
    }

    /// Whether `inst` must stay whatever reads its results.
    fn is_root(&self, inst: Inst) -> bool {
        let data = self.func.dfg.inst_data(inst);
        match data.opcode.class() {
            OpcodeClass::Branch | OpcodeClass::Exit => true,
            OpcodeClass::Structured => data.regions.iter().any(|region| self.region_effects[*region]),
            OpcodeClass::Plain => !data.opcode.is_pure(),
        }
    }

    /// Marks the roots of `region` (called when the region becomes live).
    fn activate_region(&mut self, region: Region) {
        let func = self.func;
        for block in func.layout.region_blocks(region) {
            for inst in func.layout.block_insts(*block) {
                if self.is_root(inst) {
                    self.mark_inst(inst);
                }
            }
        }
    }

    fn mark_inst(&mut self, inst: Inst) {
        if self.live_inst[inst] {
            return;
        }
        self.live_inst[inst] = true;
        let data = self.func.dfg.inst_data(inst);
        // Branch arguments are live only through live parameters; everything else read is.
        self.work.extend(data.args.iter().copied());
        for region in data.regions.clone() {
            self.activate_region(region);
        }
    }

    fn mark_value(&mut self, value: Value) {
        if self.live_value[value] {
            return;
        }
        self.live_value[value] = true;
        match self.func.dfg.value_def(value) {
            ValueDef::Result(inst, _) => self.mark_inst(inst),
            ValueDef::Param(block, param_idx) => {
                let branches = std::mem::take(&mut self.branches_to[block]);
                for (branch, target_idx) in &branches {
                    let target = &self.func.dfg.inst_data(*branch).targets[*target_idx];
                    if let Some(arg) = target.args.get(param_idx) {
                        self.work.push(*arg);
                    }
                }
                self.branches_to[block] = branches;
            }
            ValueDef::Detached => {}
        }
    }

    fn run(&mut self, body: Region) {
        self.activate_region(body);
        while let Some(value) = self.work.pop() {
            self.mark_value(value);
        }
    }
}

/// Removes dead instructions and dead parameters of non-entry blocks; whether anything
/// changed. Unreachable blocks must be gone already (their branches would keep
/// parameters alive).
fn remove_dead_code(func: &mut Function) -> bool {
    let regions = regions_preorder(func);
    let (live_inst, live_value) = {
        let mut liveness = Liveness::new(func, &regions);
        liveness.run(func.body);
        (liveness.live_inst, liveness.live_value)
    };
    let mut changed = false;
    for region in &regions {
        let blocks = func.layout.region_blocks(*region).to_vec();
        for (block_idx, block) in blocks.iter().enumerate() {
            let insts: Vec<Inst> = func.layout.block_insts(*block).collect();
            for inst in insts {
                if !live_inst[inst] {
                    func.layout.remove_inst(inst);
                    changed = true;
                }
            }
            if block_idx == 0 {
                continue;
            }
            let dead_params: Vec<usize> = func
                .dfg
                .block_params(*block)
                .iter()
                .enumerate()
                .filter(|(_, param)| !live_value[**param])
                .map(|(param_idx, _)| param_idx)
                .collect();
            if dead_params.is_empty() {
                continue;
            }
            changed = true;
            remove_params_and_arguments(func, &blocks, *block, &dead_params);
        }
    }
    changed
}

/// Removes parameters `param_indices` (ascending) of `block` and the matching arguments of
/// the branches in `region_blocks` that target it.
fn remove_params_and_arguments(
    func: &mut Function,
    region_blocks: &[Block],
    block: Block,
    param_indices: &[usize],
) {
    for pred in region_blocks {
        let Some(terminator) = func.layout.last_inst(*pred) else { continue };
        for target in &mut func.dfg.inst_data_mut(terminator).targets {
            if target.block == block {
                for param_idx in param_indices.iter().rev() {
                    if *param_idx < target.args.len() {
                        target.args.remove(*param_idx);
                    }
                }
            }
        }
    }
    for param_idx in param_indices.iter().rev() {
        func.dfg.remove_block_param(block, *param_idx);
    }
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
    fn removes_a_dead_cycle_through_block_parameters() {
        check(
            "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 1
    jump block1(v0, v1)
block1(v2: int64, v3: int64):
    v4 = imul v3, v3
    v5 = isub v2, v1
    v6 = icmp sgt v5, v1
    brif v6, block1(v5, v4), block2
block2:
    return v5
}"
            .replace("sgt", "gt")
            .as_str(),
            "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 1
    jump block1(v0)
block1(v2: int64):
    v5 = isub v2, v1
    v6 = icmp gt v5, v1
    brif v6, block1(v5), block2
block2:
    return v5
}",
        );
    }
}
