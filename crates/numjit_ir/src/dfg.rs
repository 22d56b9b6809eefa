//! [`DataFlowGraph`]: the arenas holding instruction data, values, block parameters and
//! region ownership — everything about the IR except where things sit (the
//! [`Layout`](crate::Layout)).
//!
//! Values are either instruction results or block parameters, and every value has a
//! [`Type`]. Instructions own their operands, branch targets and nested regions through
//! [`InstData`]. Removing an instruction from the layout leaves its data here: arenas only
//! grow, so entity numbers stay stable while passes edit the function.

use std::ops::{Index, IndexMut};

use cranelift_entity::{EntityRef, PrimaryMap, SecondaryMap};
use numjit_types::Type;

use crate::{Block, Inst, Opcode, ReduceOp, Region, Value};

/// A branch target: a block and the arguments passed to its parameters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BlockCall {
    /// The target block, in the same region as the branch.
    pub block: Block,
    /// One argument per parameter of `block`.
    pub args: Vec<Value>,
}

impl BlockCall {
    /// A branch to `block` passing `args`.
    pub fn new(block: Block, args: Vec<Value>) -> Self {
        BlockCall { block, args }
    }
}

/// What an instruction does: opcode with immediates, value operands, branch targets and the
/// regions it owns. Where it sits is the layout's business.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InstData {
    /// The operation and its immediates.
    pub opcode: Opcode,
    /// Value operands, in the order the opcode documents.
    pub args: Vec<Value>,
    /// Branch targets (`jump`: one, `brif`: then and else).
    pub targets: Vec<BlockCall>,
    /// Owned regions (`for`, `parfor`: the body).
    pub regions: Vec<Region>,
}

/// One dimension of a `for` or `parfor` iteration space: Python's `range(start, stop, step)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoopRange {
    /// First value of the induction variable.
    pub start: Value,
    /// Bound, excluded.
    pub stop: Value,
    /// Increment; non-zero, may be negative.
    pub step: Value,
}

/// One reduction of a `parfor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reduction {
    /// How partial results combine.
    pub op: ReduceOp,
    /// The value before the loop, combined into the result.
    pub init: Value,
    /// The value each worker's accumulator starts from.
    pub identity: Value,
}

impl InstData {
    /// An instruction with value operands only.
    pub fn new(opcode: Opcode, args: Vec<Value>) -> Self {
        InstData { opcode, args, targets: Vec::new(), regions: Vec::new() }
    }

    /// Every value the instruction reads: its operands, then its branch arguments in target
    /// order. (Values that its regions read are operands of the instructions inside.)
    pub fn operands(&self) -> impl Iterator<Item = Value> + '_ {
        self.args.iter().copied().chain(self.targets.iter().flat_map(|target| target.args.iter().copied()))
    }

    /// Rewrites every value the instruction reads (operands and branch arguments).
    pub fn map_operands(&mut self, mut rewrite: impl FnMut(Value) -> Value) {
        for arg in
            self.args.iter_mut().chain(self.targets.iter_mut().flat_map(|target| target.args.iter_mut()))
        {
            *arg = rewrite(*arg);
        }
    }

    /// The iteration range of a `for`: its first three operands.
    pub fn for_range(&self) -> Option<LoopRange> {
        match (&self.opcode, self.args.as_slice()) {
            (Opcode::For, [start, stop, step, ..]) => {
                Some(LoopRange { start: *start, stop: *stop, step: *step })
            }
            _ => None,
        }
    }

    /// The initial loop-carried values of a `for` (its operands after the range).
    pub fn for_iter_args(&self) -> &[Value] {
        match self.opcode {
            Opcode::For => self.args.get(3..).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The iteration space of a `parfor`, one range per dimension.
    pub fn parfor_dims(&self) -> Vec<LoopRange> {
        match &self.opcode {
            Opcode::Parfor { n_dims, .. } => self
                .args
                .chunks_exact(3)
                .take(*n_dims as usize)
                .map(|range| LoopRange { start: range[0], stop: range[1], step: range[2] })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The reductions of a `parfor`, with their initial and identity values.
    pub fn parfor_reductions(&self) -> Vec<Reduction> {
        match &self.opcode {
            Opcode::Parfor { n_dims, reductions } => {
                let pairs = self.args.get(3 * *n_dims as usize..).unwrap_or(&[]);
                reductions
                    .iter()
                    .zip(pairs.chunks_exact(2))
                    .map(|(op, pair)| Reduction { op: *op, init: pair[0], identity: pair[1] })
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueDef {
    /// Result number `.1` of an instruction.
    Result(Inst, usize),
    /// Parameter number `.1` of a block.
    Param(Block, usize),
    /// Nothing defines it: a number the text left unused (the parser keeps printed numbers,
    /// so it fills gaps with these), or a block parameter a pass removed. Never an operand.
    Detached,
}

impl ValueDef {
    /// The defining instruction, for a result.
    pub fn inst(self) -> Option<Inst> {
        match self {
            ValueDef::Result(inst, _) => Some(inst),
            _ => None,
        }
    }

    /// The block, for a block parameter.
    pub fn block(self) -> Option<Block> {
        match self {
            ValueDef::Param(block, _) => Some(block),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
struct ValueData {
    ty: Type,
    def: ValueDef,
}

#[derive(Clone, Debug, Default)]
struct BlockData {
    params: Vec<Value>,
}

#[derive(Clone, Debug, Default)]
struct RegionData {
    owner: Option<Inst>,
}

/// The arenas of a function: instructions, their results, values, blocks, regions.
#[derive(Clone, Debug, Default)]
pub struct DataFlowGraph {
    insts: PrimaryMap<Inst, InstData>,
    results: SecondaryMap<Inst, Vec<Value>>,
    values: PrimaryMap<Value, ValueData>,
    blocks: PrimaryMap<Block, BlockData>,
    regions: PrimaryMap<Region, RegionData>,
}

impl DataFlowGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    // ---- instructions ----

    /// Creates an instruction with no results and records it as the owner of its regions.
    /// It is not placed anywhere; see [`Layout`](crate::Layout).
    pub fn make_inst(&mut self, data: InstData) -> Inst {
        let regions = data.regions.clone();
        let inst = self.insts.push(data);
        for region in regions {
            if let Some(region_data) = self.regions.get_mut(region) {
                region_data.owner = Some(inst);
            }
        }
        inst
    }

    /// Whether `inst` exists in this graph.
    pub fn inst_is_valid(&self, inst: Inst) -> bool {
        self.insts.is_valid(inst)
    }

    /// The instruction's data.
    pub fn inst_data(&self, inst: Inst) -> &InstData {
        &self.insts[inst]
    }

    /// The instruction's data, to edit. Changing `regions` this way does not update region
    /// owners; use [`DataFlowGraph::replace_inst_data`] for that.
    pub fn inst_data_mut(&mut self, inst: Inst) -> &mut InstData {
        &mut self.insts[inst]
    }

    /// Replaces the instruction's data (keeping its results) and records it as the owner of
    /// the regions in the new data.
    pub fn replace_inst_data(&mut self, inst: Inst, data: InstData) {
        for region in &data.regions {
            if let Some(region_data) = self.regions.get_mut(*region) {
                region_data.owner = Some(inst);
            }
        }
        self.insts[inst] = data;
    }

    /// Adds a result of type `ty` to the instruction.
    pub fn append_result(&mut self, inst: Inst, ty: Type) -> Value {
        let index = self.results[inst].len();
        let value = self.values.push(ValueData { ty, def: ValueDef::Result(inst, index) });
        self.results[inst].push(value);
        value
    }

    /// The instruction's results.
    pub fn inst_results(&self, inst: Inst) -> &[Value] {
        &self.results[inst]
    }

    /// The instruction's first result, if it has one.
    pub fn first_result(&self, inst: Inst) -> Option<Value> {
        self.results[inst].first().copied()
    }

    /// Every instruction ever created, placed or not.
    pub fn insts(&self) -> impl Iterator<Item = Inst> + use<> {
        self.insts.keys()
    }

    /// How many instructions were ever created.
    pub fn num_insts(&self) -> usize {
        self.insts.len()
    }

    /// Replaces every read of `old` by `new`, in all instructions (placed or not).
    pub fn replace_all_uses(&mut self, old: Value, new: Value) {
        for data in self.insts.values_mut() {
            data.map_operands(|value| if value == old { new } else { value });
        }
    }

    // ---- values ----

    /// Whether `value` exists in this graph.
    pub fn value_is_valid(&self, value: Value) -> bool {
        self.values.is_valid(value)
    }

    /// The value's type.
    pub fn value_type(&self, value: Value) -> &Type {
        &self.values[value].ty
    }

    /// Changes the value's type (the verifier checks that it still fits its definition).
    pub fn set_value_type(&mut self, value: Value, ty: Type) {
        self.values[value].ty = ty;
    }

    /// Where the value comes from.
    pub fn value_def(&self, value: Value) -> ValueDef {
        self.values[value].def
    }

    /// Every value ever created, defined or detached.
    pub fn values(&self) -> impl Iterator<Item = Value> + use<> {
        self.values.keys()
    }

    /// How many values were ever created.
    pub fn num_values(&self) -> usize {
        self.values.len()
    }

    // ---- blocks ----

    /// Creates a block with no parameters, placed nowhere.
    pub fn make_block(&mut self) -> Block {
        self.blocks.push(BlockData::default())
    }

    /// Whether `block` exists in this graph.
    pub fn block_is_valid(&self, block: Block) -> bool {
        self.blocks.is_valid(block)
    }

    /// Adds a parameter of type `ty` to the block.
    pub fn append_block_param(&mut self, block: Block, ty: Type) -> Value {
        let index = self.blocks[block].params.len();
        let value = self.values.push(ValueData { ty, def: ValueDef::Param(block, index) });
        self.blocks[block].params.push(value);
        value
    }

    /// Removes parameter number `index` of the block; its value becomes detached. Branches to
    /// the block must drop the matching argument.
    pub fn remove_block_param(&mut self, block: Block, index: usize) -> Value {
        let removed = self.blocks[block].params.remove(index);
        self.values[removed].def = ValueDef::Detached;
        for (param_idx, param) in self.blocks[block].params.iter().enumerate().skip(index) {
            self.values[*param].def = ValueDef::Param(block, param_idx);
        }
        removed
    }

    /// The block's parameters.
    pub fn block_params(&self, block: Block) -> &[Value] {
        &self.blocks[block].params
    }

    /// Every block ever created, placed or not.
    pub fn blocks(&self) -> impl Iterator<Item = Block> + use<> {
        self.blocks.keys()
    }

    /// How many blocks were ever created.
    pub fn num_blocks(&self) -> usize {
        self.blocks.len()
    }

    // ---- regions ----

    /// Creates an empty region with no owner.
    pub fn make_region(&mut self) -> Region {
        self.regions.push(RegionData::default())
    }

    /// Whether `region` exists in this graph.
    pub fn region_is_valid(&self, region: Region) -> bool {
        self.regions.is_valid(region)
    }

    /// The structured op that owns the region; `None` for the function body.
    pub fn region_owner(&self, region: Region) -> Option<Inst> {
        self.regions[region].owner
    }

    /// Records `owner` as the region's owner (after moving a region between instructions).
    pub fn set_region_owner(&mut self, region: Region, owner: Option<Inst>) {
        self.regions[region].owner = owner;
    }

    /// Every region ever created.
    pub fn regions(&self) -> impl Iterator<Item = Region> + use<> {
        self.regions.keys()
    }

    /// How many regions were ever created.
    pub fn num_regions(&self) -> usize {
        self.regions.len()
    }

    // ---- for the text parser, which keeps printed entity numbers ----

    /// Makes `value` exist, filling the numbers below it with detached values.
    pub(crate) fn ensure_value(&mut self, value: Value) {
        while self.values.len() <= value.index() {
            self.values.push(ValueData { ty: Type::NoneType, def: ValueDef::Detached });
        }
    }

    /// Makes `block` exist, filling the numbers below it with empty blocks.
    pub(crate) fn ensure_block(&mut self, block: Block) {
        while self.blocks.len() <= block.index() {
            self.blocks.push(BlockData::default());
        }
    }

    /// Defines the existing detached `value` as the next result of `inst`.
    pub(crate) fn attach_result(&mut self, inst: Inst, value: Value, ty: Type) {
        let index = self.results[inst].len();
        self.values[value] = ValueData { ty, def: ValueDef::Result(inst, index) };
        self.results[inst].push(value);
    }

    /// Defines the existing detached `value` as the next parameter of `block`.
    pub(crate) fn attach_block_param(&mut self, block: Block, value: Value, ty: Type) {
        let index = self.blocks[block].params.len();
        self.values[value] = ValueData { ty, def: ValueDef::Param(block, index) };
        self.blocks[block].params.push(value);
    }
}

impl Index<Inst> for DataFlowGraph {
    type Output = InstData;

    fn index(&self, inst: Inst) -> &InstData {
        &self.insts[inst]
    }
}

impl IndexMut<Inst> for DataFlowGraph {
    fn index_mut(&mut self, inst: Inst) -> &mut InstData {
        &mut self.insts[inst]
    }
}
