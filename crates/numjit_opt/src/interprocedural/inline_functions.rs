//! `inline_functions`: replaces calls to small functions of the module by a copy of the
//! callee's body.
//!
//! **Establishes**: every call to a function of the module that the policy selects is gone;
//! in its place the caller's block continues with a copy of the callee's entry block, the
//! callee's other blocks follow it in the caller's region (a structured loop's body when
//! the call sits in one), the callee's nested loop regions are copied as new regions, and
//! each `return v` became `jump cont(v)` to a new block `cont` whose one parameter stands
//! for the call's result and which holds the instructions that followed the call. Calls
//! the callee makes are re-declared in the caller.
//!
//! A `try_call` site is inlined the same way, except that its two edges are where the body
//! leaves: each `return v` jumps to the normal target (with `v` where the call's result
//! was passed), each `raise` jumps to the handler target, and each `call` the callee makes
//! becomes a `try_call` to that handler, so what it raises is caught as before. An
//! `invoke` site likewise, keeping the exception raised: each `raise` becomes a `throw` to
//! the unwind target, each `call` an `invoke` to it, and each `resume` (the end of the
//! callee's own unwind code) a jump to it. A loop region cannot branch out to the caller's
//! unwind code, so each of the callee's loop regions that raises, calls or resumes gets a
//! copy of that code (releases, then `resume`) to branch to instead. A callee with a
//! `raise` or `call` inside a loop region is not inlined at a `try_call` (its handler is
//! arbitrary code, not copied), nor at an `invoke` whose unwind code does more than release
//! and resume; nor is a callee with unwind code of its own (`resume`) at a `try_call`,
//! where nothing would clear the exception it keeps.
//!
//! Policy, per callee ([`crate::InlineOptions`]): `Never` — not inlined; `Always` —
//! inlined whatever its size; `Auto` (the default) — inlined when it has at most
//! `max_callee_insts` instructions. A callee in a recursive cycle (itself included) is
//! never inlined, whatever the policy. Callees are processed before their callers
//! (bottom-up over the call graph), so a caller receives callees already inlined into.
//!
//! **Requires** a module that passes `verify_module` (declarations match definitions).
//!
//! **Does not**: remove functions that no longer have callers, nor the stale declarations
//! in callers (the IR keeps declarations in an append-only map); inline calls to functions
//! outside the module; simplify the result (the cleanup passes after it merge `cont` into a
//! single return's block and fold constant arguments into the body).

use std::collections::HashMap;

use cranelift_entity::SecondaryMap;
use numjit_ir::{Block, BlockCall, Function, Inst, InstData, Module, Opcode, Region, Value};

use crate::analysis::{count_insts_in_region, placed_insts, regions_preorder};
use crate::{InlineMode, PassContext, PassError, PassOutcome};

/// Runs the pass on a module.
pub fn run(module: &mut Module, cx: &mut PassContext) -> Result<PassOutcome, PassError> {
    let graph = CallGraph::compute(module);
    let mut changed = false;
    for caller_idx in graph.bottom_up_order() {
        let call_sites: Vec<Inst> = placed_insts(&module.functions[caller_idx])
            .into_iter()
            .filter(|inst| {
                matches!(
                    module.functions[caller_idx].dfg.inst_data(*inst).opcode,
                    Opcode::Call(_) | Opcode::TryCall(_) | Opcode::Invoke(_)
                )
            })
            .collect();
        for call in call_sites {
            let caller = &module.functions[caller_idx];
            let (func_ref, edges) = match caller.dfg.inst_data(call).opcode {
                Opcode::Call(func_ref) => (func_ref, None),
                Opcode::TryCall(func_ref) => (func_ref, Some(Edges::Catch)),
                Opcode::Invoke(func_ref) => (func_ref, Some(Edges::Unwind)),
                _ => continue,
            };
            let Some(decl) = caller.func_decls.get(func_ref) else { continue };
            let Some(&callee_idx) = graph.index_of.get(decl.name.as_str()) else { continue };
            if graph.recursive[callee_idx] {
                continue;
            }
            let callee = &module.functions[callee_idx];
            let wanted = match cx.inline.mode(&callee.name) {
                InlineMode::Never => false,
                InlineMode::Always => true,
                InlineMode::Auto => count_insts_in_region(callee, callee.body) <= cx.inline.max_callee_insts,
            };
            let unwind_copyable = || {
                let handler = caller.dfg.inst_data(call).targets.get(1).map(|target| target.block);
                handler.is_some_and(|handler| unwind_code(caller, handler).is_some())
            };
            if !wanted || edges.is_some_and(|edges| !can_inline_at(callee, edges, unwind_copyable)) {
                continue;
            }
            let callee = callee.clone();
            inline_call(&mut module.functions[caller_idx], call, &callee).map_err(|error| {
                PassError::new(format!("@{}: {}", module.functions[caller_idx].name, error.message))
            })?;
            changed = true;
        }
    }
    Ok(PassOutcome::from_changed(changed))
}

/// Which functions of the module call which.
struct CallGraph {
    index_of: HashMap<String, usize>,
    callees: Vec<Vec<usize>>,
    /// Whether each function is in a call cycle (calls itself, directly or not).
    recursive: Vec<bool>,
}

impl CallGraph {
    fn compute(module: &Module) -> Self {
        let index_of: HashMap<String, usize> =
            module.functions.iter().enumerate().map(|(idx, func)| (func.name.clone(), idx)).collect();
        let callees: Vec<Vec<usize>> = module
            .functions
            .iter()
            .map(|func| {
                let mut called: Vec<usize> = placed_insts(func)
                    .into_iter()
                    .filter_map(|inst| match func.dfg.inst_data(inst).opcode {
                        Opcode::Call(func_ref) | Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) => {
                            func.func_decls.get(func_ref)
                        }
                        _ => None,
                    })
                    .filter_map(|decl| index_of.get(decl.name.as_str()).copied())
                    .collect();
                called.sort_unstable();
                called.dedup();
                called
            })
            .collect();
        let recursive = (0..callees.len())
            .map(|start| {
                let mut seen = vec![false; callees.len()];
                let mut stack = callees[start].clone();
                while let Some(idx) = stack.pop() {
                    if idx == start {
                        return true;
                    }
                    if !std::mem::replace(&mut seen[idx], true) {
                        stack.extend(&callees[idx]);
                    }
                }
                false
            })
            .collect();
        CallGraph { index_of, callees, recursive }
    }

    /// Every function, callees before their callers (cycles broken anywhere).
    fn bottom_up_order(&self) -> Vec<usize> {
        let mut order = Vec::new();
        let mut visited = vec![false; self.callees.len()];
        for root in 0..self.callees.len() {
            if visited[root] {
                continue;
            }
            visited[root] = true;
            let mut stack = vec![(root, 0usize)];
            while let Some((node, next)) = stack.last_mut() {
                let node = *node;
                match self.callees[node].get(*next) {
                    Some(callee) => {
                        *next += 1;
                        if !visited[*callee] {
                            visited[*callee] = true;
                            stack.push((*callee, 0));
                        }
                    }
                    None => {
                        order.push(node);
                        stack.pop();
                    }
                }
            }
        }
        order
    }
}

/// Callee entities and the caller entities standing for them.
#[derive(Default)]
struct EntityMap {
    values: SecondaryMap<Value, Option<Value>>,
    blocks: SecondaryMap<Block, Option<Block>>,
    regions: SecondaryMap<Region, Option<Region>>,
    insts: SecondaryMap<Inst, Option<Inst>>,
}

impl EntityMap {
    fn value(&self, value: Value) -> Result<Value, PassError> {
        self.values[value]
            .ok_or_else(|| PassError::new(format!("the callee reads {value}, which it never defines")))
    }

    fn block(&self, block: Block) -> Result<Block, PassError> {
        self.blocks[block]
            .ok_or_else(|| PassError::new(format!("the callee branches to {block}, outside its body")))
    }
}

/// What a call site with two edges does with what the callee raises.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Edges {
    /// A `try_call`: the handler catches it.
    Catch,
    /// An `invoke`: the unwind code runs and the exception stays raised.
    Unwind,
}

/// How the inlined body leaves: where `return` and `raise` go.
enum Site {
    /// A `call`: each `return v` jumps to `cont(v)`; a `raise` stays a `raise`.
    Call { cont: Block },
    /// A `try_call` or `invoke`: each `return v` takes the normal edge (`v` in place of the
    /// call's result); each `raise`, each call the callee makes and (at an `invoke`) each
    /// `resume` goes to the handler edge.
    Edges { normal: BlockCall, handler: BlockCall, result: Value, edges: Edges },
}

/// Whether `callee` can be inlined at a `try_call` or `invoke`: everything that raises out
/// of it must be able to branch to the handler. A loop region cannot branch out, so at a
/// `try_call` no `raise`, `call` or `resume` may sit in one (`try_call`s there have
/// handlers of their own); at an `invoke` they may if the caller's unwind code can be
/// copied into the loop (`unwind_copyable`). At a `try_call`, the callee may not keep
/// exceptions raised for unwind code of its own.
fn can_inline_at(callee: &Function, edges: Edges, unwind_copyable: impl Fn() -> bool) -> bool {
    let mut raises_in_loops = false;
    let allowed = regions_preorder(callee).into_iter().all(|region| {
        callee.layout.region_blocks(region).iter().all(|block| {
            callee.layout.block_insts(*block).all(|inst| match callee.dfg.inst_data(inst).opcode {
                Opcode::Raise { .. } | Opcode::Call(_) | Opcode::Resume => {
                    raises_in_loops |= region != callee.body;
                    edges == Edges::Unwind
                        || (region == callee.body
                            && !matches!(callee.dfg.inst_data(inst).opcode, Opcode::Resume))
                }
                Opcode::Invoke(_) | Opcode::Throw { .. } => edges == Edges::Unwind,
                _ => true,
            })
        })
    });
    allowed && (!raises_in_loops || unwind_copyable())
}

/// The caller's unwind code from `handler` (its blocks, `handler` first) if it only
/// releases references and resumes — what lowering and this pass make — so that a copy can
/// stand in for it inside a loop region; `None` otherwise.
fn unwind_code(caller: &Function, handler: Block) -> Option<Vec<Block>> {
    let region = caller.layout.block_region(handler)?;
    let mut blocks = vec![handler];
    let mut next = 0;
    while let Some(&block) = blocks.get(next) {
        next += 1;
        if caller.layout.block_region(block) != Some(region) || blocks.len() > 64 {
            return None;
        }
        for inst in caller.layout.block_insts(block) {
            let data = caller.dfg.inst_data(inst);
            match data.opcode {
                Opcode::ArrayDecref | Opcode::Jump | Opcode::Resume | Opcode::Unreachable => {}
                _ => return None,
            }
            for target in &data.targets {
                if !blocks.contains(&target.block) {
                    blocks.push(target.block);
                }
            }
        }
    }
    Some(blocks)
}

/// Copies the unwind code `blocks` (see [`unwind_code`]) to the end of `region`; returns the
/// copy of the first block, to branch to with the same arguments.
fn copy_unwind_code(caller: &mut Function, blocks: &[Block], region: Region) -> Result<Block, PassError> {
    let mut block_map: HashMap<Block, Block> = HashMap::new();
    let mut value_map: HashMap<Value, Value> = HashMap::new();
    for block in blocks {
        let copy = caller.dfg.make_block();
        caller.layout.append_block(region, copy);
        for param in caller.dfg.block_params(*block).to_vec() {
            let ty = caller.dfg.value_type(param).clone();
            value_map.insert(param, caller.dfg.append_block_param(copy, ty));
        }
        block_map.insert(*block, copy);
    }
    for block in blocks {
        let copy = block_map[block];
        let insts: Vec<Inst> = caller.layout.block_insts(*block).collect();
        for inst in insts {
            let data = caller.dfg.inst_data(inst).clone();
            let map_value = |value: &Value| value_map.get(value).copied().unwrap_or(*value);
            let args = data.args.iter().map(map_value).collect();
            let targets = data
                .targets
                .iter()
                .map(|target| {
                    BlockCall::new(block_map[&target.block], target.args.iter().map(map_value).collect())
                })
                .collect();
            let new_inst =
                caller.dfg.make_inst(InstData { opcode: data.opcode, args, targets, regions: Vec::new() });
            caller.layout.append_inst(copy, new_inst);
        }
    }
    block_map.get(&blocks[0]).copied().ok_or_else(|| PassError::new("empty unwind code".to_owned()))
}

/// Replaces `call` (a `call` or `try_call` placed in `caller`) by a copy of `callee`'s body.
fn inline_call(caller: &mut Function, call: Inst, callee: &Function) -> Result<(), PassError> {
    let call_text = caller.inst_to_string(call);
    let block = caller
        .layout
        .inst_block(call)
        .ok_or_else(|| PassError::new(format!("`{call_text}` is not placed")))?;
    let region = caller
        .layout
        .block_region(block)
        .ok_or_else(|| PassError::new(format!("{block} is not in a region")))?;
    let call_args = caller.dfg.inst_data(call).args.clone();
    let call_result = caller
        .dfg
        .first_result(call)
        .ok_or_else(|| PassError::new(format!("`{call_text}` has no result")))?;
    let callee_entry =
        callee.entry_block().ok_or_else(|| PassError::new(format!("@{} has no entry block", callee.name)))?;
    let callee_params = callee.dfg.block_params(callee_entry);
    if callee_params.len() != call_args.len() {
        return Err(PassError::new(format!(
            "`{call_text}` passes {} arguments to @{}",
            call_args.len(),
            callee.name
        )));
    }

    let edges = match caller.dfg.inst_data(call).opcode {
        Opcode::TryCall(_) => Some(Edges::Catch),
        Opcode::Invoke(_) => Some(Edges::Unwind),
        _ => None,
    };
    let site = if let Some(edges) = edges {
        // The call ends its block: the callee's entry block continues it, and the
        // normal and handler targets are where the body's returns and raises go.
        let [normal, handler] = caller.dfg.inst_data(call).targets.as_slice() else {
            return Err(PassError::new(format!("`{call_text}` needs two targets")));
        };
        let site =
            Site::Edges { normal: normal.clone(), handler: handler.clone(), result: call_result, edges };
        caller.layout.remove_inst(call);
        site
    } else {
        // The continuation: what followed the call, entered with the returned value.
        let cont = caller.dfg.make_block();
        caller.layout.insert_block_after(cont, block);
        let returned = caller.dfg.append_block_param(cont, callee.return_type.clone());
        if let Some(next) = caller.layout.next_inst(call) {
            caller.layout.split_block_before(next, cont);
        }
        caller.layout.remove_inst(call);
        caller.dfg.replace_all_uses(call_result, returned);
        Site::Call { cont }
    };

    // Blocks, regions and values first: branches and operands may name them before their
    // definitions in layout order.
    let mut map = EntityMap::default();
    for (param, arg) in callee_params.iter().zip(&call_args) {
        map.values[*param] = Some(*arg);
    }
    map.blocks[callee_entry] = Some(block);
    let callee_regions = regions_preorder(callee);
    let mut last_body_block = block;
    for callee_region in &callee_regions {
        let new_region = if *callee_region == callee.body { region } else { caller.dfg.make_region() };
        map.regions[*callee_region] = Some(new_region);
        for callee_block in callee.layout.region_blocks(*callee_region) {
            if *callee_block == callee_entry {
                continue;
            }
            let new_block = caller.dfg.make_block();
            match (&site, *callee_region == callee.body) {
                (Site::Call { cont }, true) => caller.layout.insert_block_before(new_block, *cont),
                (Site::Edges { .. }, true) => {
                    caller.layout.insert_block_after(new_block, last_body_block);
                    last_body_block = new_block;
                }
                (_, false) => caller.layout.append_block(new_region, new_block),
            }
            map.blocks[*callee_block] = Some(new_block);
            for param in callee.dfg.block_params(*callee_block) {
                let ty = callee.dfg.value_type(*param).clone();
                map.values[*param] = Some(caller.dfg.append_block_param(new_block, ty));
            }
        }
    }
    // At a try_call (invoke) site, each call in the callee's body becomes a try_call
    // (invoke) to the same handler, ending its block; what followed it moves to a new block
    // whose parameter stands for the call's result.
    let mut splits: SecondaryMap<Inst, Option<(Block, Value)>> = SecondaryMap::new();
    for callee_region in &callee_regions {
        for callee_block in callee.layout.region_blocks(*callee_region) {
            for inst in callee.layout.block_insts(*callee_block) {
                let new_inst = caller.dfg.make_inst(InstData::new(Opcode::Unreachable, Vec::new()));
                let split_here = match &site {
                    Site::Edges { edges: Edges::Unwind, .. } => true,
                    Site::Edges { edges: Edges::Catch, .. } => *callee_region == callee.body,
                    Site::Call { .. } => false,
                } && matches!(callee.dfg.inst_data(inst).opcode, Opcode::Call(_));
                for result in callee.dfg.inst_results(inst) {
                    let ty = callee.dfg.value_type(*result).clone();
                    let new_result = caller.dfg.append_result(new_inst, ty.clone());
                    if split_here {
                        let split = caller.dfg.make_block();
                        let param = caller.dfg.append_block_param(split, ty);
                        splits[inst] = Some((split, new_result));
                        map.values[*result] = Some(param);
                    } else {
                        map.values[*result] = Some(new_result);
                    }
                }
                map.insts[inst] = Some(new_inst);
            }
        }
    }

    // At an invoke site, each of the callee's loop regions that raises, calls or resumes
    // branches to a copy of the caller's unwind code placed in that region.
    let mut loop_handlers: HashMap<Region, BlockCall> = HashMap::new();
    if let Site::Edges { handler, edges: Edges::Unwind, .. } = &site {
        let mut unwind_blocks: Option<Vec<Block>> = None;
        for callee_region in callee_regions.iter().filter(|region| **region != callee.body) {
            let raises = callee.layout.region_blocks(*callee_region).iter().any(|block| {
                callee.layout.block_insts(*block).any(|inst| {
                    matches!(
                        callee.dfg.inst_data(inst).opcode,
                        Opcode::Raise { .. } | Opcode::Call(_) | Opcode::Resume
                    )
                })
            });
            if !raises {
                continue;
            }
            if unwind_blocks.is_none() {
                unwind_blocks = Some(unwind_code(caller, handler.block).ok_or_else(|| {
                    PassError::new(format!("`{call_text}`: its unwind code cannot be copied into a loop"))
                })?);
            }
            let blocks = unwind_blocks.as_deref().unwrap_or_default();
            let new_region = map.regions[*callee_region]
                .ok_or_else(|| PassError::new(format!("@{} owns {callee_region} twice", callee.name)))?;
            let copy = copy_unwind_code(caller, blocks, new_region)?;
            loop_handlers.insert(*callee_region, BlockCall::new(copy, handler.args.clone()));
        }
    }

    // Then the instructions' data, placed in order.
    for callee_region in &callee_regions {
        // Where what this region raises goes, at a site with two edges.
        let handler_here = match &site {
            Site::Edges { handler, .. } if *callee_region == callee.body => Some(handler.clone()),
            Site::Edges { .. } => loop_handlers.get(callee_region).cloned(),
            Site::Call { .. } => None,
        };
        let handler_here = || {
            handler_here.clone().ok_or_else(|| {
                PassError::new(format!("@{}: {callee_region} raises but has no handler", callee.name))
            })
        };
        for callee_block in callee.layout.region_blocks(*callee_region) {
            let mut new_block = map.block(*callee_block)?;
            for inst in callee.layout.block_insts(*callee_block) {
                let data = callee.dfg.inst_data(inst);
                let args = data.args.iter().map(|arg| map.value(*arg)).collect::<Result<Vec<_>, _>>()?;
                let mut targets = Vec::with_capacity(data.targets.len());
                for target in &data.targets {
                    let target_args =
                        target.args.iter().map(|arg| map.value(*arg)).collect::<Result<Vec<_>, _>>()?;
                    targets.push(BlockCall::new(map.block(target.block)?, target_args));
                }
                let regions = data
                    .regions
                    .iter()
                    .map(|nested| {
                        map.regions[*nested]
                            .ok_or_else(|| PassError::new(format!("@{} owns {nested} twice", callee.name)))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let jump = |target: BlockCall| InstData {
                    opcode: Opcode::Jump,
                    args: Vec::new(),
                    targets: vec![target],
                    regions: Vec::new(),
                };
                let new_data = match (&data.opcode, &site) {
                    (Opcode::Return, Site::Call { cont }) => jump(BlockCall::new(*cont, args)),
                    (Opcode::Return, Site::Edges { normal, result, .. }) => {
                        let returned = args.first().copied().ok_or_else(|| {
                            PassError::new(format!("@{} returns without a value", callee.name))
                        })?;
                        let normal_args = normal
                            .args
                            .iter()
                            .map(|arg| if arg == result { returned } else { *arg })
                            .collect();
                        jump(BlockCall::new(normal.block, normal_args))
                    }
                    (Opcode::Raise { .. }, Site::Edges { edges: Edges::Catch, .. }) => jump(handler_here()?),
                    (Opcode::Raise { kind, message }, Site::Edges { edges: Edges::Unwind, .. }) => InstData {
                        opcode: Opcode::Throw { kind: *kind, message: message.clone() },
                        args,
                        targets: vec![handler_here()?],
                        regions,
                    },
                    (Opcode::Resume, Site::Edges { .. }) => jump(handler_here()?),
                    (Opcode::Call(func_ref) | Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref), _) => {
                        let decl = callee.func_decls.get(*func_ref).ok_or_else(|| {
                            PassError::new(format!(
                                "@{} calls {func_ref}, which it does not declare",
                                callee.name
                            ))
                        })?;
                        let new_ref = caller.declare_function(
                            decl.name.clone(),
                            decl.params.clone(),
                            decl.return_type.clone(),
                        );
                        match (&data.opcode, &site, splits[inst]) {
                            (Opcode::Call(_), Site::Edges { edges, .. }, Some((split, new_result))) => {
                                let targets = vec![BlockCall::new(split, vec![new_result]), handler_here()?];
                                let opcode = match edges {
                                    Edges::Catch => Opcode::TryCall(new_ref),
                                    Edges::Unwind => Opcode::Invoke(new_ref),
                                };
                                let try_call = InstData { opcode, args, targets, regions };
                                let new_inst = map.insts[inst]
                                    .ok_or_else(|| PassError::new(format!("{inst} was not copied")))?;
                                caller.dfg.replace_inst_data(new_inst, try_call);
                                caller.layout.append_inst(new_block, new_inst);
                                caller.layout.insert_block_after(split, new_block);
                                if let Site::Edges { .. } = site
                                    && last_body_block == new_block
                                {
                                    last_body_block = split;
                                }
                                new_block = split;
                                continue;
                            }
                            (Opcode::TryCall(_), _, _) => {
                                InstData { opcode: Opcode::TryCall(new_ref), args, targets, regions }
                            }
                            (Opcode::Invoke(_), _, _) => {
                                InstData { opcode: Opcode::Invoke(new_ref), args, targets, regions }
                            }
                            _ => InstData { opcode: Opcode::Call(new_ref), args, targets, regions },
                        }
                    }
                    (opcode, _) => InstData { opcode: opcode.clone(), args, targets, regions },
                };
                let new_inst =
                    map.insts[inst].ok_or_else(|| PassError::new(format!("{inst} was not copied")))?;
                caller.dfg.replace_inst_data(new_inst, new_data);
                caller.layout.append_inst(new_block, new_inst);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use numjit_ir::{parse_module, verify_module};

    use super::*;

    #[test]
    fn inlines_and_skips_recursion_and_never() {
        let mut module = parse_module(
            "func @main(int64) -> int64 {
    fn0 = @double(int64) -> int64
    fn1 = @fact(int64) -> int64
    fn2 = @kept(int64) -> int64
block0(v0: int64):
    v1 = call fn0(v0)
    v2 = call fn1(v1)
    v3 = call fn2(v2)
    return v3
}

func @double(int64) -> int64 {
block0(v0: int64):
    v1 = iadd v0, v0
    return v1
}

func @kept(int64) -> int64 {
block0(v0: int64):
    return v0
}

func @fact(int64) -> int64 {
    fn0 = @fact(int64) -> int64
block0(v0: int64):
    v1 = iconst.int64 1
    v2 = icmp le v0, v1
    brif v2, block1, block2
block1:
    return v1
block2:
    v3 = isub v0, v1
    v4 = call fn0(v3)
    v5 = imul v0, v4
    return v5
}",
        )
        .expect("parses");
        let mut cx = PassContext::new();
        cx.inline.modes.insert("kept".to_owned(), InlineMode::Never);
        let outcome = run(&mut module, &mut cx).expect("inlines");
        assert!(outcome.changed());
        if let Err(errors) = verify_module(&module) {
            panic!("{errors:?}\n{module}");
        }
        let main = module.function("main").expect("main").to_string();
        assert!(main.contains("v5 = iadd v0, v0\n    jump block1(v5)"), "{main}");
        assert!(main.contains("call fn1(v4)") && main.contains("call fn2(v2)"), "{main}");
        let fact = module.function("fact").expect("fact").to_string();
        assert!(fact.contains("call fn0(v3)"), "{fact}");
    }
}
