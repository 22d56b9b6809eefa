//! SSA construction after Braun et al., "Simple and Efficient Construction of Static Single
//! Assignment Form" (CC 2013), on block parameters instead of phi instructions.
//!
//! Every source variable (a HIR local, or the "is bound" flag of a local that needs an
//! `UnboundLocalError` check) is a [`Var`]. Lowering records each assignment with
//! [`Ssa::write`] and asks for the current value with [`Ssa::read`]; a read in a block
//! without a local definition looks through the block's predecessors:
//!
//! - a *sealed* block (all predecessors known) with one predecessor reads there;
//! - a sealed block with several predecessors gets a block parameter (the phi), whose
//!   operands are read from each predecessor;
//! - an unsealed block (a loop header whose back edges are still to come) gets an
//!   *incomplete* phi, filled in when [`Ssa::seal`] is called;
//! - the entry block of a structured loop's region reads in the block holding the loop
//!   (values of enclosing regions are visible inside), and the function's entry block
//!   gives an undefined value (a zero: only reachable after an `UnboundLocalError` check).
//!
//! Phis whose operands are all one value (or the phi itself) are trivial and become an
//! alias of that value; [`Ssa::finish`] removes them to a fixed point, appends the
//! surviving phis' arguments to the branches into their blocks, and rewrites every operand
//! through the aliases. Walks along predecessor chains and phi operand filling use explicit
//! worklists, so construction never recurses on the program's size.

use std::collections::{HashMap, HashSet};

use numjit_ir::{Block, Function, Inst, Value};
use numjit_types::Type;

/// A variable of the source: an index into [`Ssa::var_types`].
pub(crate) type Var = usize;

/// A control-flow edge into a block: the branch and which of its targets it is.
#[derive(Clone, Copy, Debug)]
struct Edge {
    pred: Block,
    inst: Inst,
    target: usize,
}

/// A phi: a parameter of `block` standing for `var`, with one operand per edge into the block.
#[derive(Clone, Debug)]
struct Phi {
    block: Block,
    var: Var,
    operands: Vec<Value>,
}

/// SSA construction state of one function.
#[derive(Debug, Default)]
pub(crate) struct Ssa {
    /// The IR type of each variable (`None` for variables without a runtime value).
    pub(crate) var_types: Vec<Option<Type>>,
    defs: HashMap<(Var, Block), Value>,
    sealed: HashSet<Block>,
    incomplete: HashMap<Block, Vec<Value>>,
    edges: HashMap<Block, Vec<Edge>>,
    phis: HashMap<Value, Phi>,
    /// Phis in creation order, so `finish` is deterministic.
    phi_order: Vec<Value>,
    alias: HashMap<Value, Value>,
    /// Entry block of a structured loop's region → the block holding the loop.
    region_parent: HashMap<Block, Block>,
    /// Phis whose operands are still to be read.
    pending: Vec<Value>,
    /// Undefined values per type, built in the function's entry block.
    undef: HashMap<Type, Value>,
    entry: Option<Block>,
}

impl Ssa {
    /// State for a function whose variables have these IR types.
    pub(crate) fn new(var_types: Vec<Option<Type>>) -> Self {
        Ssa { var_types, ..Ssa::default() }
    }

    /// Declares the function's entry block (sealed: nothing branches to it).
    pub(crate) fn set_entry(&mut self, entry: Block) {
        self.entry = Some(entry);
        self.sealed.insert(entry);
    }

    /// Declares the entry block of a structured loop's region, held by `parent`.
    pub(crate) fn set_region_entry(&mut self, entry: Block, parent: Block) {
        self.region_parent.insert(entry, parent);
        self.sealed.insert(entry);
    }

    /// Records a branch from `pred` (instruction `inst`, its target number `target`) to `block`.
    pub(crate) fn add_edge(&mut self, block: Block, pred: Block, inst: Inst, target: usize) {
        debug_assert!(!self.sealed.contains(&block), "{block} is sealed; no more predecessors");
        self.edges.entry(block).or_default().push(Edge { pred, inst, target });
    }

    /// How many edges lead into `block`.
    pub(crate) fn n_preds(&self, block: Block) -> usize {
        self.edges.get(&block).map_or(0, Vec::len)
    }

    /// `var` is assigned `value` in `block`.
    pub(crate) fn write(&mut self, var: Var, block: Block, value: Value) {
        self.defs.insert((var, block), value);
    }

    /// The value of `var` at the end of what `block` holds so far.
    pub(crate) fn read(&mut self, func: &mut Function, var: Var, block: Block) -> Value {
        let value = self.lookup(func, var, block);
        self.drain(func);
        self.resolve(value)
    }

    /// Declares that every predecessor of `block` is known, completing its phis.
    pub(crate) fn seal(&mut self, func: &mut Function, block: Block) {
        if !self.sealed.insert(block) {
            return;
        }
        if let Some(phis) = self.incomplete.remove(&block) {
            self.pending.extend(phis.into_iter().rev());
            self.drain(func);
        }
    }

    /// The value an alias chain ends at.
    pub(crate) fn resolve(&self, mut value: Value) -> Value {
        while let Some(&next) = self.alias.get(&value) {
            value = next;
        }
        value
    }

    /// Finds (or creates the phi for) the value of `var` in `block`, without filling new phis.
    fn lookup(&mut self, func: &mut Function, var: Var, block: Block) -> Value {
        let mut chain = Vec::new();
        let mut current = block;
        let value = loop {
            if let Some(&value) = self.defs.get(&(var, current)) {
                break value;
            }
            if let Some(&parent) = self.region_parent.get(&current) {
                chain.push(current);
                current = parent;
                continue;
            }
            if Some(current) == self.entry {
                break self.undef_of_var(func, var);
            }
            if !self.sealed.contains(&current) {
                let phi = self.new_phi(func, var, current);
                self.incomplete.entry(current).or_default().push(phi);
                self.defs.insert((var, current), phi);
                break phi;
            }
            let preds = self.edges.get(&current).map_or(&[][..], Vec::as_slice);
            match preds {
                [] => break self.undef_of_var(func, var),
                [single] => {
                    chain.push(current);
                    current = single.pred;
                }
                _ => {
                    let phi = self.new_phi(func, var, current);
                    self.defs.insert((var, current), phi);
                    self.pending.push(phi);
                    break phi;
                }
            }
        };
        for block in chain {
            self.defs.insert((var, block), value);
        }
        value
    }

    fn new_phi(&mut self, func: &mut Function, var: Var, block: Block) -> Value {
        let ty = self.var_types.get(var).cloned().flatten().unwrap_or(Type::NoneType);
        let value = func.dfg.append_block_param(block, ty);
        self.phis.insert(value, Phi { block, var, operands: Vec::new() });
        self.phi_order.push(value);
        value
    }

    /// Fills the operands of pending phis (which may create more).
    fn drain(&mut self, func: &mut Function) {
        while let Some(phi) = self.pending.pop() {
            let Some(data) = self.phis.get(&phi) else { continue };
            let (block, var) = (data.block, data.var);
            let preds: Vec<Block> = self
                .edges
                .get(&block)
                .map(|edges| edges.iter().map(|edge| edge.pred).collect())
                .unwrap_or_default();
            let mut operands = Vec::with_capacity(preds.len());
            for pred in preds {
                operands.push(self.lookup(func, var, pred));
            }
            if let Some(data) = self.phis.get_mut(&phi) {
                data.operands = operands;
            }
            self.try_remove_trivial(func, phi);
        }
    }

    /// Makes `phi` an alias if all its operands are one value; true if it did.
    fn try_remove_trivial(&mut self, func: &mut Function, phi: Value) -> bool {
        if self.alias.contains_key(&phi) {
            return false;
        }
        let Some(data) = self.phis.get(&phi) else { return false };
        let mut same: Option<Value> = None;
        for &operand in &data.operands {
            let operand = self.resolve(operand);
            if operand == phi || Some(operand) == same {
                continue;
            }
            if same.is_some() {
                return false;
            }
            same = Some(operand);
        }
        let var = data.var;
        let replacement = match same {
            Some(value) => value,
            None => self.undef_of_var(func, var),
        };
        self.alias.insert(phi, replacement);
        true
    }

    fn undef_of_var(&mut self, func: &mut Function, var: Var) -> Value {
        let ty = self.var_types.get(var).cloned().flatten().unwrap_or(Type::NoneType);
        self.undef(func, &ty)
    }

    /// A value of type `ty` for reads that no assignment reaches (a zero, built at the
    /// start of the entry block so that it dominates every use).
    pub(crate) fn undef(&mut self, func: &mut Function, ty: &Type) -> Value {
        if let Some(&value) = self.undef.get(ty) {
            return value;
        }
        let entry = self.entry.or_else(|| func.entry_block());
        let value = match entry {
            Some(entry) => {
                let mut builder = numjit_ir::FunctionBuilder::new(func);
                match builder.func.layout.first_inst(entry) {
                    Some(first) => builder.position_before(first),
                    None => builder.switch_to_block(entry),
                }
                crate::types::build_zero(&mut builder, ty)
            }
            // Without an entry block nothing can use the value; give a detached one.
            None => {
                let detached = func.dfg.make_block();
                func.dfg.append_block_param(detached, ty.clone())
            }
        };
        self.undef.insert(ty.clone(), value);
        value
    }

    /// Removes trivial phis, passes the surviving phis' arguments on every edge, and
    /// rewrites every operand through the aliases.
    pub(crate) fn finish(&mut self, func: &mut Function) {
        // Phis still incomplete belong to blocks never sealed (unreachable); seal them.
        let unsealed: Vec<Block> = self.incomplete.keys().copied().collect();
        for block in unsealed {
            self.seal(func, block);
        }
        loop {
            let mut changed = false;
            for idx in 0..self.phi_order.len() {
                let phi = self.phi_order[idx];
                changed |= self.try_remove_trivial(func, phi);
            }
            if !changed {
                break;
            }
        }
        // Drop the trivial phis' parameters, last first so indices stay valid.
        let mut blocks_with_phis: Vec<Block> = Vec::new();
        for phi in &self.phi_order {
            if let Some(data) = self.phis.get(phi)
                && !blocks_with_phis.contains(&data.block)
            {
                blocks_with_phis.push(data.block);
            }
        }
        for &block in &blocks_with_phis {
            let params = func.dfg.block_params(block).to_vec();
            for (index, param) in params.iter().enumerate().rev() {
                if self.phis.contains_key(param) && self.alias.contains_key(param) {
                    func.dfg.remove_block_param(block, index);
                }
            }
            let surviving: Vec<Value> = func
                .dfg
                .block_params(block)
                .iter()
                .copied()
                .filter(|param| self.phis.contains_key(param))
                .collect();
            let edges = self.edges.get(&block).cloned().unwrap_or_default();
            for phi in surviving {
                let operands = self.phis.get(&phi).map(|data| data.operands.clone()).unwrap_or_default();
                for (edge, operand) in edges.iter().zip(operands) {
                    let operand = self.resolve(operand);
                    let data = func.dfg.inst_data_mut(edge.inst);
                    if let Some(target) = data.targets.get_mut(edge.target) {
                        target.args.push(operand);
                    }
                }
            }
        }
        if !self.alias.is_empty() {
            let insts: Vec<Inst> = func.dfg.insts().collect();
            for inst in insts {
                let data = func.dfg.inst_data_mut(inst);
                let alias = &self.alias;
                data.map_operands(|mut value| {
                    while let Some(&next) = alias.get(&value) {
                        value = next;
                    }
                    value
                });
            }
        }
    }
}
