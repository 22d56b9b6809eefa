//! `prune_refcounts`: removes `array_incref x … array_decref x` pairs that cannot matter.
//!
//! Lowering refcounts arrays the simple way Numba does — an incref for every new owner (a
//! variable assignment, an argument), a decref when an owner lets go (reassignment, end of a
//! temporary, function exit) — which leaves many pairs whose net effect is nothing.
//!
//! **Establishes:** within each block, an `array_incref x` followed by an `array_decref y`
//! of the same block of memory (`y` is `x` or a view of the same root) with no decref of
//! possibly the same memory between them is removed, both instructions. While the pair is
//! gone the count is one lower than before, but still at least one: `x` was a live array at
//! the incref, so someone owned it, and nothing in between can drop that owner's reference
//! (only a decref of the same memory could; calls cannot drop their caller's references).
//!
//! **Aliasing:** every array value has a *root*: itself, or for a view the root of its base.
//! Two roots are the same memory when equal; a root made by `array_alloc` is fresh memory
//! no other root shares; any two other roots (arguments, call results, block parameters) may
//! share memory.
//!
//! **Requires** verified IR. **Does not:** pair instructions across blocks or across a
//! structured op whose body decrefs; remove an allocation that is only freed.

use numjit_ir::{Function, Inst, Opcode, Value, ValueDef};

use crate::analysis::regions_preorder;
use crate::{PassContext, PassError, PassOutcome};

/// Runs the pass on one function.
pub fn run(func: &mut Function, _cx: &mut PassContext) -> Result<PassOutcome, PassError> {
    let mut dead = Vec::new();
    for region in regions_preorder(func) {
        for &block in func.layout.region_blocks(region) {
            prune_block(func, func.layout.block_insts(block).collect(), &mut dead);
        }
    }
    let changed = !dead.is_empty();
    for inst in dead {
        func.layout.remove_inst(inst);
    }
    Ok(PassOutcome::from_changed(changed))
}

/// The value an array value views (through any number of `array_view`s).
fn root(func: &Function, mut value: Value) -> Value {
    // Views chain finitely (SSA), but bound the walk anyway.
    for _ in 0..10_000 {
        match func.dfg.value_def(value) {
            ValueDef::Result(inst, 0) if matches!(func.dfg.inst_data(inst).opcode, Opcode::ArrayView(_)) => {
                match func.dfg.inst_data(inst).args.first() {
                    Some(base) => value = *base,
                    None => return value,
                }
            }
            _ => return value,
        }
    }
    value
}

fn is_fresh(func: &Function, root: Value) -> bool {
    matches!(func.dfg.value_def(root),
        ValueDef::Result(inst, 0) if matches!(func.dfg.inst_data(inst).opcode, Opcode::ArrayAlloc { .. }))
}

/// Whether two roots may be the same memory.
fn may_alias(func: &Function, a: Value, b: Value) -> bool {
    a == b || (!is_fresh(func, a) && !is_fresh(func, b))
}

/// Whether a structured op's regions (transitively) decref anything.
fn body_decrefs(func: &Function, inst: Inst) -> bool {
    let mut stack: Vec<_> = func.dfg.inst_data(inst).regions.to_vec();
    while let Some(region) = stack.pop() {
        for &block in func.layout.region_blocks(region) {
            for inner in func.layout.block_insts(block) {
                let data = func.dfg.inst_data(inner);
                if data.opcode == Opcode::ArrayDecref {
                    return true;
                }
                stack.extend(data.regions.iter().copied());
            }
        }
    }
    false
}

fn prune_block(func: &Function, insts: Vec<Inst>, dead: &mut Vec<Inst>) {
    // Increfs not yet paired: (instruction, root of its operand).
    let mut pending: Vec<(Inst, Value)> = Vec::new();
    for inst in insts {
        let data = func.dfg.inst_data(inst);
        match data.opcode {
            Opcode::ArrayIncref => {
                if let Some(&value) = data.args.first() {
                    pending.push((inst, root(func, value)));
                }
            }
            Opcode::ArrayDecref => {
                let Some(&value) = data.args.first() else { continue };
                let decref_root = root(func, value);
                if let Some(position) = pending.iter().rposition(|(_, root)| *root == decref_root) {
                    let (incref, _) = pending.remove(position);
                    dead.extend([incref, inst]);
                } else {
                    // This decref may drop a reference the pending increfs' memory relies on.
                    pending.retain(|(_, root)| !may_alias(func, *root, decref_root));
                }
            }
            _ if !data.regions.is_empty() && body_decrefs(func, inst) => pending.clear(),
            _ => {}
        }
    }
}
