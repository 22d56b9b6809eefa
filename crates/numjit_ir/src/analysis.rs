//! Analyses computed on demand: the control-flow graph and the dominator tree.
//!
//! Both cover every region of a function at once: branches never leave their region, so
//! the regions' CFGs are disjoint and one map per analysis holds them all. An analysis is a
//! plain value; a pass that changes branches or blocks recomputes it (nothing is cached
//! behind the function's back). A loop forest is not needed yet: counted loops are
//! structured ops, and CFG loops are left to later passes.

use cranelift_entity::SecondaryMap;

use crate::{Block, Function, Region};

/// Predecessors and successors of every placed block.
#[derive(Clone, Debug, Default)]
pub struct ControlFlowGraph {
    preds: SecondaryMap<Block, Vec<Block>>,
    succs: SecondaryMap<Block, Vec<Block>>,
}

impl ControlFlowGraph {
    /// The CFG of every region, from the targets of each block's last instruction. Targets
    /// outside the branch's region are left out (the verifier reports them).
    pub fn compute(func: &Function) -> Self {
        let mut cfg = ControlFlowGraph::default();
        for region in func.dfg.regions() {
            for block in func.layout.region_blocks(region) {
                let Some(terminator) = func.layout.last_inst(*block) else { continue };
                for target in &func.dfg.inst_data(terminator).targets {
                    let same_region = func.dfg.block_is_valid(target.block)
                        && func.layout.block_region(target.block) == Some(region);
                    if same_region && !cfg.succs[*block].contains(&target.block) {
                        cfg.succs[*block].push(target.block);
                        cfg.preds[target.block].push(*block);
                    }
                }
            }
        }
        cfg
    }

    /// Blocks that branch to `block` (each once).
    pub fn preds(&self, block: Block) -> &[Block] {
        &self.preds[block]
    }

    /// Blocks `block` branches to (each once, in target order).
    pub fn succs(&self, block: Block) -> &[Block] {
        &self.succs[block]
    }
}

/// Dominators of every region's blocks, each region rooted at its entry block, computed
/// with the Cooper–Harvey–Kennedy iteration over reverse postorder.
#[derive(Clone, Debug, Default)]
pub struct DominatorTree {
    idom: SecondaryMap<Block, Option<Block>>,
    /// Position in its region's reverse postorder, from 1; 0 for unreachable blocks.
    rpo_number: SecondaryMap<Block, u32>,
    reverse_postorder: SecondaryMap<Region, Vec<Block>>,
    /// Preorder and postorder numbers in the dominator tree (numbered across all regions,
    /// so intervals of different regions never overlap).
    tree_pre: SecondaryMap<Block, u32>,
    tree_post: SecondaryMap<Block, u32>,
}

impl DominatorTree {
    /// Computes dominators for every region of `func`.
    pub fn compute(func: &Function, cfg: &ControlFlowGraph) -> Self {
        let mut tree = DominatorTree::default();
        let mut tree_counter = 0;
        for region in func.dfg.regions() {
            let Some(entry) = func.layout.entry_block(region) else { continue };
            let order = reverse_postorder(cfg, entry);
            for (index, block) in order.iter().enumerate() {
                tree.rpo_number[*block] = index as u32 + 1;
            }
            tree.compute_idoms(cfg, &order);
            tree.number_tree(&order, &mut tree_counter);
            tree.reverse_postorder[region] = order;
        }
        tree
    }

    fn compute_idoms(&mut self, cfg: &ControlFlowGraph, order: &[Block]) {
        let Some((entry, rest)) = order.split_first() else { return };
        // The entry is its own immediate dominator while iterating; reset at the end.
        self.idom[*entry] = Some(*entry);
        let mut changed = true;
        while changed {
            changed = false;
            for block in rest {
                let mut new_idom = None;
                for pred in cfg.preds(*block) {
                    if self.idom[*pred].is_none() {
                        continue;
                    }
                    new_idom = Some(match new_idom {
                        None => *pred,
                        Some(current) => self.intersect(*pred, current),
                    });
                }
                if new_idom.is_some() && self.idom[*block] != new_idom {
                    self.idom[*block] = new_idom;
                    changed = true;
                }
            }
        }
        self.idom[*entry] = None;
    }

    fn intersect(&self, mut a: Block, mut b: Block) -> Block {
        while a != b {
            while self.rpo_number[a] > self.rpo_number[b] {
                match self.idom[a] {
                    Some(up) if up != a => a = up,
                    _ => return b,
                }
            }
            while self.rpo_number[b] > self.rpo_number[a] {
                match self.idom[b] {
                    Some(up) if up != b => b = up,
                    _ => return a,
                }
            }
        }
        a
    }

    /// Pre/post numbers of the dominator tree, for constant-time `dominates`.
    fn number_tree(&mut self, order: &[Block], counter: &mut u32) {
        let Some(entry) = order.first() else { return };
        let mut children: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
        for block in &order[1..] {
            if let Some(parent) = self.idom[*block] {
                children[parent].push(*block);
            }
        }
        // Iterative DFS: (block, children visited yet?).
        let mut stack = vec![(*entry, false)];
        while let Some((block, expanded)) = stack.pop() {
            *counter += 1;
            if expanded {
                self.tree_post[block] = *counter;
            } else {
                self.tree_pre[block] = *counter;
                stack.push((block, true));
                for child in children[block].iter().rev() {
                    stack.push((*child, false));
                }
            }
        }
    }

    /// Whether `block` is reachable from its region's entry.
    pub fn is_reachable(&self, block: Block) -> bool {
        self.rpo_number[block] != 0
    }

    /// The immediate dominator; `None` for entry blocks and unreachable blocks.
    pub fn idom(&self, block: Block) -> Option<Block> {
        self.idom[block]
    }

    /// Whether `a` dominates `b` (every block dominates itself). Blocks of different regions
    /// never dominate each other; unreachable blocks dominate nothing and are dominated by
    /// nothing but themselves.
    pub fn dominates(&self, a: Block, b: Block) -> bool {
        if a == b {
            return true;
        }
        self.is_reachable(a)
            && self.is_reachable(b)
            && self.tree_pre[a] <= self.tree_pre[b]
            && self.tree_post[b] <= self.tree_post[a]
    }

    /// The region's reachable blocks in reverse postorder (entry first).
    pub fn reverse_postorder(&self, region: Region) -> &[Block] {
        &self.reverse_postorder[region]
    }
}

/// Reverse postorder of the blocks reachable from `entry`.
fn reverse_postorder(cfg: &ControlFlowGraph, entry: Block) -> Vec<Block> {
    let mut visited: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut postorder = Vec::new();
    // (block, index of the next successor to visit)
    let mut stack = vec![(entry, 0usize)];
    visited[entry] = true;
    while let Some((block, next_succ)) = stack.last_mut() {
        let block = *block;
        match cfg.succs(block).get(*next_succ) {
            Some(succ) => {
                *next_succ += 1;
                if !visited[*succ] {
                    visited[*succ] = true;
                    stack.push((*succ, 0));
                }
            }
            None => {
                postorder.push(block);
                stack.pop();
            }
        }
    }
    postorder.reverse();
    postorder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_function;

    /// Prints `block: idom` for every block of the body, `-` for none, `unreachable`.
    fn check(input: &str, expect: &str) {
        let func = parse_function(input).expect("test input parses");
        let cfg = ControlFlowGraph::compute(&func);
        let tree = DominatorTree::compute(&func, &cfg);
        let mut lines = Vec::new();
        for block in func.layout.region_blocks(func.body) {
            let idom = match (tree.is_reachable(*block), tree.idom(*block)) {
                (false, _) => "unreachable".to_owned(),
                (true, None) => "-".to_owned(),
                (true, Some(idom)) => idom.to_string(),
            };
            let preds: Vec<String> = cfg.preds(*block).iter().map(ToString::to_string).collect();
            lines.push(format!("{block}: idom {idom}, preds [{}]", preds.join(", ")));
        }
        assert_eq!(lines.join("\n"), expect.trim());
    }

    #[test]
    fn diamond_and_loop() {
        check(
            "func @f(bool) -> none {
block0(v0: bool):
    brif v0, block1, block2
block1:
    jump block3
block2:
    jump block3
block3:
    brif v0, block3, block4
block4:
    v1 = noneconst
    return v1
block5:
    jump block3
}",
            "
block0: idom -, preds []
block1: idom block0, preds [block0]
block2: idom block0, preds [block0]
block3: idom block0, preds [block1, block2, block3, block5]
block4: idom block3, preds [block3]
block5: idom unreachable, preds []",
        );
        let func = parse_function(
            "func @f(bool) -> none {\nblock0(v0: bool):\n    brif v0, block1, block2\nblock1:\n    jump block2\nblock2:\n    v1 = noneconst\n    return v1\n}",
        )
        .expect("parses");
        let cfg = ControlFlowGraph::compute(&func);
        let tree = DominatorTree::compute(&func, &cfg);
        let block = |n| Block::from_u32(n);
        assert!(tree.dominates(block(0), block(2)));
        assert!(!tree.dominates(block(1), block(2)));
        assert_eq!(tree.reverse_postorder(func.body), &[block(0), block(1), block(2)]);
    }
}
