//! Analyses and IR walks the passes share, computed on demand: the regions of a function in
//! text order, use counts, side effects of regions, value substitutions, and the
//! [`AnalysisCache`] the pass manager keeps between passes.
//!
//! `numjit_ir` keeps no use lists; [`UseCounts`] counts the reads of every value by the
//! instructions placed in the function's live regions (those reachable from the body
//! through the structured ops placed in it), which is what dead-code elimination and
//! CFG simplification need.

use std::collections::HashMap;

use cranelift_entity::SecondaryMap;
use numjit_ir::{Block, ControlFlowGraph, DominatorTree, Function, Inst, Opcode, Region, Value};

use crate::{Analysis, PreservedAnalyses};

/// The live regions of `func` in text order (preorder): the body, then the regions of the
/// structured ops placed in it, each followed by its own nested regions.
pub fn regions_preorder(func: &Function) -> Vec<Region> {
    let mut order = Vec::new();
    let mut stack = vec![func.body];
    while let Some(region) = stack.pop() {
        if !func.dfg.region_is_valid(region) {
            continue;
        }
        order.push(region);
        let mut nested = Vec::new();
        for block in func.layout.region_blocks(region) {
            for inst in func.layout.block_insts(*block) {
                nested.extend(func.dfg.inst_data(inst).regions.iter().copied());
            }
        }
        stack.extend(nested.into_iter().rev());
    }
    order
}

/// Every instruction placed in a live region of `func`, in text order.
pub fn placed_insts(func: &Function) -> Vec<Inst> {
    let mut insts = Vec::new();
    for region in regions_preorder(func) {
        for block in func.layout.region_blocks(region) {
            insts.extend(func.layout.block_insts(*block));
        }
    }
    insts
}

/// The instructions of `region` and of the regions nested in it, counted.
pub fn count_insts_in_region(func: &Function, region: Region) -> usize {
    let mut count = 0;
    let mut stack = vec![region];
    while let Some(region) = stack.pop() {
        for block in func.layout.region_blocks(region) {
            for inst in func.layout.block_insts(*block) {
                count += 1;
                stack.extend(func.dfg.inst_data(inst).regions.iter().copied());
            }
        }
    }
    count
}

/// How many times each value is read (as an operand or a branch argument) by instructions
/// placed in the function's live regions.
#[derive(Clone, Debug, Default)]
pub struct UseCounts {
    counts: SecondaryMap<Value, u32>,
}

impl UseCounts {
    /// Counts the reads in `func`.
    pub fn compute(func: &Function) -> Self {
        let mut uses = UseCounts::default();
        for inst in placed_insts(func) {
            for value in func.dfg.inst_data(inst).operands() {
                uses.counts[value] += 1;
            }
        }
        uses
    }

    /// How many times `value` is read.
    pub fn count(&self, value: Value) -> u32 {
        self.counts[value]
    }

    /// Whether `value` is never read.
    pub fn is_unused(&self, value: Value) -> bool {
        self.counts[value] == 0
    }
}

/// Whether running `region` can be observed other than through the values it yields: it
/// calls a function, prints, raises, stores into an array or changes a refcount, or holds
/// a CFG cycle (which might not terminate), in
/// itself or in a nested region. `unreachable` is not an effect: the IR promises it is
/// never reached.
pub fn region_has_side_effects(func: &Function, region: Region) -> bool {
    let mut stack = vec![region];
    while let Some(region) = stack.pop() {
        if region_has_cycle(func, region) {
            return true;
        }
        for block in func.layout.region_blocks(region) {
            for inst in func.layout.block_insts(*block) {
                let data = func.dfg.inst_data(inst);
                match data.opcode {
                    Opcode::Call(_)
                    | Opcode::TryCall(_)
                    | Opcode::Invoke(_)
                    | Opcode::Print
                    | Opcode::Raise { .. }
                    | Opcode::Throw { .. }
                    | Opcode::Resume
                    | Opcode::ArrayStore
                    | Opcode::ArrayMatmul
                    | Opcode::ArrayIncref
                    | Opcode::ArrayDecref => return true,
                    _ => stack.extend(data.regions.iter().copied()),
                }
            }
        }
    }
    false
}

/// Whether the blocks of `region` form a cycle (a `while` loop lowered to blocks).
fn region_has_cycle(func: &Function, region: Region) -> bool {
    // Iterative three-colour DFS over the region's branches.
    #[derive(Clone, Copy, Default, PartialEq)]
    enum Colour {
        #[default]
        White,
        Grey,
        Black,
    }
    let mut colour: SecondaryMap<Block, Colour> = SecondaryMap::new();
    let successors = |block: Block| -> Vec<Block> {
        func.layout
            .last_inst(block)
            .map(|inst| func.dfg.inst_data(inst).targets.iter().map(|target| target.block).collect())
            .unwrap_or_default()
    };
    for start in func.layout.region_blocks(region) {
        if colour[*start] != Colour::White {
            continue;
        }
        colour[*start] = Colour::Grey;
        let mut stack = vec![(*start, successors(*start), 0usize)];
        while let Some((block, succs, next)) = stack.last_mut() {
            match succs.get(*next).copied() {
                Some(succ) => {
                    *next += 1;
                    match colour[succ] {
                        Colour::Grey => return true,
                        Colour::White => {
                            colour[succ] = Colour::Grey;
                            let succ_succs = successors(succ);
                            stack.push((succ, succ_succs, 0));
                        }
                        Colour::Black => {}
                    }
                }
                None => {
                    colour[*block] = Colour::Black;
                    stack.pop();
                }
            }
        }
    }
    false
}

/// Blocks of `region` reachable from its entry, given the function's CFG.
pub fn reachable_blocks(
    func: &Function,
    cfg: &ControlFlowGraph,
    region: Region,
) -> SecondaryMap<Block, bool> {
    let mut reachable: SecondaryMap<Block, bool> = SecondaryMap::new();
    let Some(entry) = func.layout.entry_block(region) else { return reachable };
    reachable[entry] = true;
    let mut stack = vec![entry];
    while let Some(block) = stack.pop() {
        for succ in cfg.succs(block) {
            if !reachable[*succ] {
                reachable[*succ] = true;
                stack.push(*succ);
            }
        }
    }
    reachable
}

/// A substitution of values, applied to every instruction at once: cheaper than
/// `DataFlowGraph::replace_all_uses` for each replaced value when a pass replaces many.
#[derive(Clone, Debug, Default)]
pub struct ValueAliases {
    alias: SecondaryMap<Value, Option<Value>>,
    any: bool,
}

impl ValueAliases {
    /// Records that reads of `old` become reads of `new` (resolved transitively).
    pub fn alias(&mut self, old: Value, new: Value) {
        let new = self.resolve(new);
        if new != old {
            self.alias[old] = Some(new);
            self.any = true;
        }
    }

    /// The value `value` stands for now.
    pub fn resolve(&self, mut value: Value) -> Value {
        // Chains are short: `alias` resolves its target first.
        while let Some(next) = self.alias[value] {
            value = next;
        }
        value
    }

    /// Whether any alias was recorded.
    pub fn is_empty(&self) -> bool {
        !self.any
    }

    /// Rewrites the operands of one instruction.
    pub fn apply_to_inst(&self, func: &mut Function, inst: Inst) {
        if self.any {
            func.dfg.inst_data_mut(inst).map_operands(|value| self.resolve(value));
        }
    }

    /// Rewrites the operands of every instruction placed in a live region.
    pub fn apply(&self, func: &mut Function) {
        if self.any {
            for inst in placed_insts(func) {
                self.apply_to_inst(func, inst);
            }
        }
    }
}

#[derive(Clone, Debug, Default)]
struct CachedAnalyses {
    cfg: Option<ControlFlowGraph>,
    dominators: Option<DominatorTree>,
    use_counts: Option<UseCounts>,
}

/// Analyses of each function (by name), kept between passes and dropped by the pass
/// manager when a pass that changed the function does not preserve them.
#[derive(Clone, Debug, Default)]
pub struct AnalysisCache {
    functions: HashMap<String, CachedAnalyses>,
}

impl AnalysisCache {
    /// The CFG of `func`, computed if not cached.
    pub fn cfg(&mut self, func: &Function) -> &ControlFlowGraph {
        let cached = self.functions.entry(func.name.clone()).or_default();
        cached.cfg.get_or_insert_with(|| ControlFlowGraph::compute(func))
    }

    /// The dominator tree of `func`, computed (with the CFG) if not cached.
    pub fn dominators(&mut self, func: &Function) -> &DominatorTree {
        let cached = self.functions.entry(func.name.clone()).or_default();
        let cfg = cached.cfg.get_or_insert_with(|| ControlFlowGraph::compute(func));
        cached.dominators.get_or_insert_with(|| DominatorTree::compute(func, cfg))
    }

    /// The use counts of `func`, computed if not cached.
    pub fn use_counts(&mut self, func: &Function) -> &UseCounts {
        let cached = self.functions.entry(func.name.clone()).or_default();
        cached.use_counts.get_or_insert_with(|| UseCounts::compute(func))
    }

    /// Whether `analysis` of the function named `name` is cached.
    pub fn is_cached(&self, name: &str, analysis: Analysis) -> bool {
        self.functions.get(name).is_some_and(|cached| match analysis {
            Analysis::ControlFlowGraph => cached.cfg.is_some(),
            Analysis::DominatorTree => cached.dominators.is_some(),
            Analysis::UseCounts => cached.use_counts.is_some(),
        })
    }

    /// Drops the analyses of the function named `name` that `preserved` does not keep.
    pub fn invalidate(&mut self, name: &str, preserved: PreservedAnalyses) {
        if let Some(cached) = self.functions.get_mut(name) {
            if !preserved.preserves(Analysis::ControlFlowGraph) {
                cached.cfg = None;
            }
            if !preserved.preserves(Analysis::DominatorTree) || cached.cfg.is_none() {
                cached.dominators = None;
            }
            if !preserved.preserves(Analysis::UseCounts) {
                cached.use_counts = None;
            }
        }
    }

    /// Drops everything.
    pub fn clear(&mut self) {
        self.functions.clear();
    }
}

#[cfg(test)]
mod tests {
    use numjit_ir::parse_function;

    use super::*;

    #[test]
    fn counts_uses_and_finds_effects() {
        let func = parse_function(
            "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 1
    v2 = for v1 to v0 step v1 iter_args(v0) -> int64 {
    block1(v3: int64, v4: int64):
        v5 = iadd v4, v3
        yield v5
    }
    v6 = for v1 to v0 step v1 iter_args(v0) -> int64 {
    block2(v7: int64, v8: int64):
        jump block3(v8)
    block3(v9: int64):
        v10 = icmp lt v9, v1
        brif v10, block3(v9), block4
    block4:
        yield v9
    }
    return v2
}",
        )
        .expect("parses");
        let uses = UseCounts::compute(&func);
        assert_eq!(uses.count(Value::from_u32(1)), 5);
        assert!(uses.is_unused(Value::from_u32(6)));
        let regions = regions_preorder(&func);
        assert_eq!(regions.len(), 3);
        assert!(!region_has_side_effects(&func, regions[1]));
        assert!(region_has_side_effects(&func, regions[2]), "a CFG cycle might not terminate");
        assert_eq!(count_insts_in_region(&func, func.body), 10);
    }

    #[test]
    fn cache_keeps_what_is_preserved() {
        let func = parse_function("func @f() -> none {\nblock0:\n    v0 = noneconst\n    return v0\n}")
            .expect("parses");
        let mut cache = AnalysisCache::default();
        cache.dominators(&func);
        cache.use_counts(&func);
        cache.invalidate("f", PreservedAnalyses::only(&[Analysis::ControlFlowGraph]));
        assert!(cache.is_cached("f", Analysis::ControlFlowGraph));
        assert!(!cache.is_cached("f", Analysis::DominatorTree));
        assert!(!cache.is_cached("f", Analysis::UseCounts));
        cache.invalidate("f", PreservedAnalyses::all());
        assert!(cache.is_cached("f", Analysis::ControlFlowGraph));
    }
}
