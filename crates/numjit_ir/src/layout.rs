//! [`Layout`]: where instructions and blocks sit — the order of instructions in each block
//! and of blocks in each region.
//!
//! Kept apart from the instruction data so that moving an instruction (hoisting out of a
//! loop) or splicing a loop body into another (fusion) edits only the layout: values,
//! operands and entity numbers stay as they are. Instructions of a block form a doubly
//! linked list (constant-time insertion before or after any instruction); the blocks of a
//! region are a short vector whose first element is the entry block.
//!
//! Misusing the layout — placing an instruction that is already placed, naming a
//! neighbour that is not placed — is a bug in the caller and panics with a message.

use cranelift_entity::SecondaryMap;

use crate::{Block, Inst, Region};

#[derive(Clone, Debug, Default)]
struct InstNode {
    block: Option<Block>,
    prev: Option<Inst>,
    next: Option<Inst>,
}

#[derive(Clone, Debug, Default)]
struct BlockNode {
    region: Option<Region>,
    first_inst: Option<Inst>,
    last_inst: Option<Inst>,
}

#[derive(Clone, Debug, Default)]
struct RegionNode {
    blocks: Vec<Block>,
}

/// The order of instructions in blocks and of blocks in regions.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    insts: SecondaryMap<Inst, InstNode>,
    blocks: SecondaryMap<Block, BlockNode>,
    regions: SecondaryMap<Region, RegionNode>,
}

impl Layout {
    /// An empty layout.
    pub fn new() -> Self {
        Self::default()
    }

    // ---- blocks in regions ----

    /// The region's blocks in order; the first is the entry block.
    pub fn region_blocks(&self, region: Region) -> &[Block] {
        &self.regions[region].blocks
    }

    /// The region's entry block.
    pub fn entry_block(&self, region: Region) -> Option<Block> {
        self.regions[region].blocks.first().copied()
    }

    /// The region the block is in, if it is placed.
    pub fn block_region(&self, block: Block) -> Option<Region> {
        self.blocks[block].region
    }

    /// Appends the unplaced `block` to `region`.
    pub fn append_block(&mut self, region: Region, block: Block) {
        self.assert_block_unplaced(block);
        self.blocks[block].region = Some(region);
        self.regions[region].blocks.push(block);
    }

    /// Places the unplaced `block` right before the placed block `before`.
    pub fn insert_block_before(&mut self, block: Block, before: Block) {
        self.insert_block_near(block, before, 0);
    }

    /// Places the unplaced `block` right after the placed block `after`.
    pub fn insert_block_after(&mut self, block: Block, after: Block) {
        self.insert_block_near(block, after, 1);
    }

    fn insert_block_near(&mut self, block: Block, neighbour: Block, offset: usize) {
        self.assert_block_unplaced(block);
        let region = self.blocks[neighbour].region.unwrap_or_else(|| panic!("{neighbour} is not placed"));
        let blocks = &mut self.regions[region].blocks;
        let position = blocks.iter().position(|candidate| *candidate == neighbour).unwrap_or(blocks.len());
        blocks.insert(position + offset, block);
        self.blocks[block].region = Some(region);
    }

    /// Takes the block out of its region; its instructions stay in it.
    pub fn remove_block(&mut self, block: Block) {
        if let Some(region) = self.blocks[block].region.take() {
            self.regions[region].blocks.retain(|candidate| *candidate != block);
        }
    }

    fn assert_block_unplaced(&self, block: Block) {
        if let Some(region) = self.blocks[block].region {
            panic!("{block} is already placed in {region}");
        }
    }

    // ---- instructions in blocks ----

    /// The block the instruction is in, if it is placed.
    pub fn inst_block(&self, inst: Inst) -> Option<Block> {
        self.insts[inst].block
    }

    /// The block's first instruction.
    pub fn first_inst(&self, block: Block) -> Option<Inst> {
        self.blocks[block].first_inst
    }

    /// The block's last instruction (its terminator, in a well-formed function).
    pub fn last_inst(&self, block: Block) -> Option<Inst> {
        self.blocks[block].last_inst
    }

    /// The instruction after `inst` in its block.
    pub fn next_inst(&self, inst: Inst) -> Option<Inst> {
        self.insts[inst].next
    }

    /// The instruction before `inst` in its block.
    pub fn prev_inst(&self, inst: Inst) -> Option<Inst> {
        self.insts[inst].prev
    }

    /// The block's instructions in order.
    pub fn block_insts(&self, block: Block) -> BlockInsts<'_> {
        BlockInsts { layout: self, front: self.blocks[block].first_inst, back: self.blocks[block].last_inst }
    }

    /// Appends the unplaced `inst` to the end of `block`.
    pub fn append_inst(&mut self, block: Block, inst: Inst) {
        self.assert_inst_unplaced(inst);
        let last = self.blocks[block].last_inst;
        self.insts[inst] = InstNode { block: Some(block), prev: last, next: None };
        match last {
            Some(last) => self.insts[last].next = Some(inst),
            None => self.blocks[block].first_inst = Some(inst),
        }
        self.blocks[block].last_inst = Some(inst);
    }

    /// Places the unplaced `inst` at the start of `block`.
    pub fn prepend_inst(&mut self, block: Block, inst: Inst) {
        match self.blocks[block].first_inst {
            Some(first) => self.insert_inst_before(inst, first),
            None => self.append_inst(block, inst),
        }
    }

    /// Places the unplaced `inst` right before the placed instruction `before`.
    pub fn insert_inst_before(&mut self, inst: Inst, before: Inst) {
        self.assert_inst_unplaced(inst);
        let block = self.insts[before].block.unwrap_or_else(|| panic!("{before} is not placed"));
        let prev = self.insts[before].prev;
        self.insts[inst] = InstNode { block: Some(block), prev, next: Some(before) };
        self.insts[before].prev = Some(inst);
        match prev {
            Some(prev) => self.insts[prev].next = Some(inst),
            None => self.blocks[block].first_inst = Some(inst),
        }
    }

    /// Places the unplaced `inst` right after the placed instruction `after`.
    pub fn insert_inst_after(&mut self, inst: Inst, after: Inst) {
        match self.insts[after].next {
            Some(next) => self.insert_inst_before(inst, next),
            None => {
                let block = self.insts[after].block.unwrap_or_else(|| panic!("{after} is not placed"));
                self.append_inst(block, inst);
            }
        }
    }

    /// Takes the instruction out of its block; its data and results stay in the
    /// [`DataFlowGraph`](crate::DataFlowGraph), and it can be placed again (hoisting).
    pub fn remove_inst(&mut self, inst: Inst) {
        let node = std::mem::take(&mut self.insts[inst]);
        let Some(block) = node.block else { return };
        match node.prev {
            Some(prev) => self.insts[prev].next = node.next,
            None => self.blocks[block].first_inst = node.next,
        }
        match node.next {
            Some(next) => self.insts[next].prev = node.prev,
            None => self.blocks[block].last_inst = node.prev,
        }
    }

    /// Moves `inst` and every instruction after it in its block to the end of the empty,
    /// unplaced-or-placed block `new_block` (which lowering then places and branches to).
    pub fn split_block_before(&mut self, inst: Inst, new_block: Block) {
        let mut cursor = Some(inst);
        while let Some(current) = cursor {
            cursor = self.insts[current].next;
            self.remove_inst(current);
            self.append_inst(new_block, current);
        }
    }

    fn assert_inst_unplaced(&self, inst: Inst) {
        if let Some(block) = self.insts[inst].block {
            panic!("{inst} is already placed in {block}");
        }
    }
}

/// The instructions of a block, front to back (or back to front).
#[derive(Clone, Debug)]
pub struct BlockInsts<'a> {
    layout: &'a Layout,
    front: Option<Inst>,
    back: Option<Inst>,
}

impl Iterator for BlockInsts<'_> {
    type Item = Inst;

    fn next(&mut self) -> Option<Inst> {
        let current = self.front?;
        if Some(current) == self.back {
            self.front = None;
            self.back = None;
        } else {
            self.front = self.layout.insts[current].next;
        }
        Some(current)
    }
}

impl DoubleEndedIterator for BlockInsts<'_> {
    fn next_back(&mut self) -> Option<Inst> {
        let current = self.back?;
        if Some(current) == self.front {
            self.front = None;
            self.back = None;
        } else {
            self.back = self.layout.insts[current].prev;
        }
        Some(current)
    }
}

#[cfg(test)]
mod tests {
    use cranelift_entity::EntityRef;

    use super::*;

    fn check(layout: &Layout, block: Block, expect: &str) {
        let forward: Vec<String> = layout.block_insts(block).map(|inst| inst.to_string()).collect();
        let mut backward: Vec<String> =
            layout.block_insts(block).rev().map(|inst| inst.to_string()).collect();
        backward.reverse();
        assert_eq!(forward, backward);
        assert_eq!(forward.join(" "), expect);
    }

    #[test]
    fn insert_remove_and_move() {
        let mut layout = Layout::new();
        let region = Region::new(0);
        let (block0, block1) = (Block::new(0), Block::new(1));
        layout.append_block(region, block0);
        layout.insert_block_before(block1, block0);
        assert_eq!(layout.region_blocks(region), &[block1, block0]);
        let inst = |index| Inst::new(index);
        layout.append_inst(block0, inst(0));
        layout.append_inst(block0, inst(2));
        layout.insert_inst_before(inst(1), inst(2));
        layout.prepend_inst(block0, inst(3));
        layout.insert_inst_after(inst(4), inst(2));
        check(&layout, block0, "inst3 inst0 inst1 inst2 inst4");
        layout.remove_inst(inst(1));
        layout.append_inst(block1, inst(1));
        check(&layout, block0, "inst3 inst0 inst2 inst4");
        check(&layout, block1, "inst1");
        layout.split_block_before(inst(2), Block::new(2));
        check(&layout, block0, "inst3 inst0");
        check(&layout, Block::new(2), "inst2 inst4");
        assert_eq!(layout.inst_block(inst(4)), Some(Block::new(2)));
        layout.remove_block(block1);
        assert_eq!(layout.region_blocks(region), &[block0]);
        assert_eq!(layout.block_region(block1), None);
    }
}
