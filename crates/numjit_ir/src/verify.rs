//! The verifier: checks every invariant of the IR and reports each violation with the
//! block and the text of the instruction at fault.
//!
//! Checked, for every region reachable from the function body:
//! - structure: the body has an entry block whose parameters match the signature; every
//!   region has at least one block; each block is in exactly one region and each region is
//!   owned by exactly one instruction (the body by none); layout and data agree;
//! - blocks: non-empty, ending in exactly one terminator and holding none elsewhere;
//! - branches: targets are blocks of the branch's own region other than its entry, with as
//!   many arguments as parameters, of the same types;
//! - typing: every instruction satisfies its opcode's rule ([`Opcode::result_types`]), its
//!   results have the types that rule gives, and it has the targets and regions its opcode
//!   needs;
//! - structured ops: the region's entry parameters are `(induction variable, carried...)`
//!   for `for` and `(indices..., accumulators...)` for `parfor`; `yield` appears only in
//!   such a region and passes values of the op's result types; `return` appears only in the
//!   body region;
//! - `try_call`: its result is defined on the normal edge only, so it may appear in the
//!   first target's arguments and nowhere else (not in the handler target's arguments);
//! - SSA: every operand is defined, and its definition dominates the use: in the same
//!   region through the region's dominator tree (earlier in the same block), or in an
//!   enclosing region, where it must dominate the structured op that (transitively) holds
//!   the use. Values defined in a nested region are never visible outside it.
//!
//! Uses inside unreachable blocks only need their definitions to be earlier in the same
//! block or in an enclosing region, as in LLVM.
//!
//! [`Opcode::result_types`]: crate::Opcode::result_types

use std::fmt;

use cranelift_entity::SecondaryMap;
use numjit_types::Type;

use crate::{
    Block, ControlFlowGraph, DominatorTree, Function, Inst, Module, Opcode, OpcodeClass, Region, Value,
    ValueDef,
};

/// What a verifier error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorLocation {
    /// The function as a whole (signature, declarations, body).
    Function,
    /// A region (empty, or owned twice).
    Region(Region),
    /// A block (empty, missing terminator, parameters).
    Block(Block),
    /// An instruction.
    Inst(Inst),
}

/// One violated invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifierError {
    /// The function's name, for errors found by [`verify_module`].
    pub function: Option<String>,
    /// What the error is about.
    pub location: ErrorLocation,
    /// The location as text: `block2: \`v9 = fadd v6, v8\``, `block3`, `function @f`.
    pub context: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifierError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(function) = &self.function {
            write!(f, "@{function}: ")?;
        }
        write!(f, "{}: {}", self.context, self.message)
    }
}

/// Checks one function. Calls are checked against the function's own declarations.
pub fn verify(func: &Function) -> Result<(), Vec<VerifierError>> {
    let mut verifier = Verifier::new(func);
    verifier.run();
    if verifier.errors.is_empty() {
        return Ok(());
    }
    // Report in the order the printed text shows the culprits.
    let order = verifier.text_order();
    let mut errors = verifier.errors;
    errors.sort_by_key(|error| match error.location {
        ErrorLocation::Function => 0,
        ErrorLocation::Block(block) => order.blocks.get(block).copied().unwrap_or(0),
        ErrorLocation::Inst(inst) => order.insts.get(inst).copied().unwrap_or(0),
        ErrorLocation::Region(region) => order.regions.get(region).copied().unwrap_or(0),
    });
    Err(errors)
}

/// Checks every function, that names are unique, and that each declared callee is a
/// function of the module with the declared signature.
pub fn verify_module(module: &Module) -> Result<(), Vec<VerifierError>> {
    let mut errors = Vec::new();
    for (function_idx, func) in module.functions.iter().enumerate() {
        let mut function_errors = Vec::new();
        if module.functions[..function_idx].iter().any(|earlier| earlier.name == func.name) {
            function_errors
                .push(function_error(func, "another function of the module has this name".to_owned()));
        }
        for (func_ref, decl) in func.func_decls.iter() {
            let message = match module.function(&decl.name) {
                None => format!("{func_ref} declares @{}, which the module does not define", decl.name),
                Some(callee) if callee.params != decl.params || callee.return_type != decl.return_type => {
                    let declared: Vec<String> = decl.params.iter().map(ToString::to_string).collect();
                    let defined: Vec<String> = callee.params.iter().map(ToString::to_string).collect();
                    format!(
                        "{func_ref} declares @{} as ({}) -> {}, but it is defined as ({}) -> {}",
                        decl.name,
                        declared.join(", "),
                        decl.return_type,
                        defined.join(", "),
                        callee.return_type
                    )
                }
                Some(_) => continue,
            };
            function_errors.push(function_error(func, message));
        }
        if let Err(found) = verify(func) {
            function_errors.extend(found);
        }
        for mut error in function_errors {
            error.function = Some(func.name.clone());
            errors.push(error);
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

fn function_error(func: &Function, message: String) -> VerifierError {
    VerifierError {
        function: None,
        location: ErrorLocation::Function,
        context: format!("function @{}", func.name),
        message,
    }
}

/// Positions of blocks, instructions and regions in the printed text.
#[derive(Default)]
struct TextOrder {
    blocks: SecondaryMap<Block, u32>,
    insts: SecondaryMap<Inst, u32>,
    regions: SecondaryMap<Region, u32>,
}

struct Verifier<'f> {
    func: &'f Function,
    errors: Vec<VerifierError>,
    /// Regions reachable from the body, outermost first.
    regions: Vec<Region>,
    /// For each reachable region, the instruction it was reached through (`None`: body).
    region_parent: SecondaryMap<Region, Option<Inst>>,
    region_seen: SecondaryMap<Region, bool>,
    /// The block each reachable block was found in, and each instruction's block and index.
    block_seen_in: SecondaryMap<Block, Option<Region>>,
    inst_block: SecondaryMap<Inst, Option<Block>>,
    inst_index: SecondaryMap<Inst, u32>,
}

impl<'f> Verifier<'f> {
    fn new(func: &'f Function) -> Self {
        Verifier {
            func,
            errors: Vec::new(),
            regions: Vec::new(),
            region_parent: SecondaryMap::new(),
            region_seen: SecondaryMap::new(),
            block_seen_in: SecondaryMap::new(),
            inst_block: SecondaryMap::new(),
            inst_index: SecondaryMap::new(),
        }
    }

    // ---- reporting ----

    fn report(&mut self, location: ErrorLocation, message: String) {
        let context = match location {
            ErrorLocation::Function => format!("function @{}", self.func.name),
            ErrorLocation::Block(block) => block.to_string(),
            ErrorLocation::Inst(inst) => self.inst_context(inst),
            ErrorLocation::Region(region) => match self.region_parent.get(region).copied().flatten() {
                Some(owner) => format!("the region of {}", self.inst_context(owner)),
                None => "the function body".to_owned(),
            },
        };
        self.errors.push(VerifierError { function: None, location, context, message });
    }

    fn inst_context(&self, inst: Inst) -> String {
        let text = self.func.inst_to_string(inst);
        match self.inst_block[inst] {
            Some(block) => format!("{block}: `{text}`"),
            None => format!("`{text}`"),
        }
    }

    // ---- driver ----

    fn run(&mut self) {
        let func = self.func;
        if !func.dfg.region_is_valid(func.body) {
            self.report(ErrorLocation::Function, format!("the body {} does not exist", func.body));
            return;
        }
        if let Some(owner) = func.dfg.region_owner(func.body) {
            self.report(ErrorLocation::Function, format!("the body region is owned by {owner}"));
        }
        self.collect_structure();
        self.check_body_entry();
        let cfg = ControlFlowGraph::compute(func);
        let domtree = DominatorTree::compute(func, &cfg);
        for region in self.regions.clone() {
            self.check_region(region);
            for block in func.layout.region_blocks(region) {
                if self.block_seen_in[*block] != Some(region) {
                    continue;
                }
                self.check_block(*block);
                for inst in func.layout.block_insts(*block) {
                    self.check_inst(inst, region, &domtree);
                }
            }
        }
    }

    /// Walks the regions from the body in text order (preorder), recording where every
    /// block and instruction is, and reports blocks or regions that appear twice or whose
    /// bookkeeping disagrees.
    fn collect_structure(&mut self) {
        let func = self.func;
        let mut stack = vec![(func.body, None)];
        self.region_seen[func.body] = true;
        while let Some((region, parent)) = stack.pop() {
            self.region_parent[region] = parent;
            self.regions.push(region);
            let mut nested = Vec::new();
            for block in func.layout.region_blocks(region) {
                let block = *block;
                if !func.dfg.block_is_valid(block) {
                    self.report(
                        ErrorLocation::Region(region),
                        format!("lists {block}, which does not exist"),
                    );
                    continue;
                }
                if let Some(other) = self.block_seen_in[block] {
                    let where_else = if other == region {
                        "twice in this region".to_owned()
                    } else {
                        format!("also in {other}")
                    };
                    self.report(ErrorLocation::Block(block), format!("the block is listed {where_else}"));
                    continue;
                }
                self.block_seen_in[block] = Some(region);
                if func.layout.block_region(block) != Some(region) {
                    self.report(
                        ErrorLocation::Block(block),
                        format!("the layout does not record the block as part of {region}"),
                    );
                }
                for (index, inst) in func.layout.block_insts(block).enumerate() {
                    self.inst_block[inst] = Some(block);
                    self.inst_index[inst] = index as u32;
                    nested.extend(
                        func.dfg.inst_data(inst).regions.iter().map(|nested_region| (*nested_region, inst)),
                    );
                }
            }
            let mut children = Vec::new();
            for (nested_region, inst) in nested {
                if !func.dfg.region_is_valid(nested_region) {
                    self.report(
                        ErrorLocation::Inst(inst),
                        format!("owns {nested_region}, which does not exist"),
                    );
                } else if self.region_seen[nested_region] {
                    self.report(
                        ErrorLocation::Inst(inst),
                        format!("owns {nested_region}, which is already owned elsewhere"),
                    );
                } else {
                    if func.dfg.region_owner(nested_region) != Some(inst) {
                        self.report(
                            ErrorLocation::Inst(inst),
                            format!("owns {nested_region}, but the region records a different owner"),
                        );
                    }
                    self.region_seen[nested_region] = true;
                    children.push((nested_region, Some(inst)));
                }
            }
            stack.extend(children.into_iter().rev());
        }
    }

    /// Numbers blocks and instructions in printing order (an explicit-stack preorder walk,
    /// so deep nesting cannot overflow the stack).
    fn text_order(&self) -> TextOrder {
        enum Item {
            Region(Region),
            Block(Block),
            Inst(Inst),
        }
        let func = self.func;
        let mut order = TextOrder::default();
        let mut counter = 0;
        let mut stack = vec![Item::Region(func.body)];
        while let Some(item) = stack.pop() {
            counter += 1;
            match item {
                Item::Region(region) => {
                    order.regions[region] = counter;
                    let blocks = func.layout.region_blocks(region).iter().rev();
                    let blocks = blocks.filter(|block| self.block_seen_in[**block] == Some(region));
                    stack.extend(blocks.map(|block| Item::Block(*block)));
                }
                Item::Block(block) => {
                    order.blocks[block] = counter;
                    stack.extend(func.layout.block_insts(block).rev().map(Item::Inst));
                }
                Item::Inst(inst) => {
                    order.insts[inst] = counter;
                    let regions = func.dfg.inst_data(inst).regions.iter().rev();
                    let regions = regions
                        .filter(|region| self.region_parent.get(**region).copied().flatten() == Some(inst));
                    stack.extend(regions.map(|region| Item::Region(*region)));
                }
            }
        }
        order
    }

    fn check_body_entry(&mut self) {
        let func = self.func;
        let Some(entry) = func.layout.entry_block(func.body) else {
            self.report(ErrorLocation::Function, "the function body has no blocks".to_owned());
            return;
        };
        let param_types: Vec<Type> =
            func.dfg.block_params(entry).iter().map(|param| func.dfg.value_type(*param).clone()).collect();
        if param_types != func.params {
            self.report(
                ErrorLocation::Block(entry),
                format!(
                    "the entry block's parameters {} do not match the function's parameters {}",
                    type_list(&param_types),
                    type_list(&func.params)
                ),
            );
        }
    }

    /// A structured op's region: non-empty, entry parameters as the op defines them.
    fn check_region(&mut self, region: Region) {
        let func = self.func;
        // The body's entry was checked against the signature already.
        let Some(owner) = self.region_parent[region] else { return };
        let Some(entry) = func.layout.entry_block(region) else {
            self.report(ErrorLocation::Region(region), "the loop's region has no blocks".to_owned());
            return;
        };
        let data = func.dfg.inst_data(owner);
        let type_of = |value: Value| value_type_or_none(func, value);
        let expected: Vec<Type> = match &data.opcode {
            Opcode::For => {
                let Some(range) = data.for_range() else { return };
                std::iter::once(type_of(range.start))
                    .chain(data.for_iter_args().iter().map(|arg| type_of(*arg)))
                    .collect()
            }
            Opcode::Parfor { .. } => data
                .parfor_dims()
                .iter()
                .map(|dim| type_of(dim.start))
                .chain(data.parfor_reductions().iter().map(|reduction| type_of(reduction.init)))
                .collect(),
            _ => return,
        };
        let actual: Vec<Type> =
            func.dfg.block_params(entry).iter().map(|param| func.dfg.value_type(*param).clone()).collect();
        if actual != expected {
            let what = if matches!(data.opcode, Opcode::For) {
                "(induction variable, carried values...)"
            } else {
                "(indices..., accumulators...)"
            };
            self.report(
                ErrorLocation::Block(entry),
                format!(
                    "the loop body's entry parameters {} should be {what} of types {}",
                    type_list(&actual),
                    type_list(&expected)
                ),
            );
        }
    }

    fn check_block(&mut self, block: Block) {
        let func = self.func;
        let Some(last) = func.layout.last_inst(block) else {
            self.report(ErrorLocation::Block(block), "the block is empty; it needs a terminator".to_owned());
            return;
        };
        for inst in func.layout.block_insts(block) {
            let is_terminator = func.dfg.inst_data(inst).opcode.is_terminator();
            if inst == last && !is_terminator {
                self.report(
                    ErrorLocation::Inst(inst),
                    "the block does not end in a terminator (jump, brif, try_call, return, yield, raise, unreachable)"
                        .to_owned(),
                );
            } else if inst != last && is_terminator {
                self.report(ErrorLocation::Inst(inst), "a terminator in the middle of the block".to_owned());
            }
        }
        for (param_idx, param) in func.dfg.block_params(block).iter().enumerate() {
            if !func.dfg.value_is_valid(*param)
                || func.dfg.value_def(*param) != ValueDef::Param(block, param_idx)
            {
                self.report(
                    ErrorLocation::Block(block),
                    format!("parameter {param} does not record this block as its definition"),
                );
            }
        }
    }

    fn check_inst(&mut self, inst: Inst, region: Region, domtree: &DominatorTree) {
        let func = self.func;
        let data = func.dfg.inst_data(inst);
        let opcode = &data.opcode;

        for (result_idx, result) in func.dfg.inst_results(inst).iter().enumerate() {
            if !func.dfg.value_is_valid(*result)
                || func.dfg.value_def(*result) != ValueDef::Result(inst, result_idx)
            {
                self.report(
                    ErrorLocation::Inst(inst),
                    format!("result {result} does not record this instruction as its definition"),
                );
            }
        }
        if data.targets.len() != opcode.n_targets() {
            self.report(
                ErrorLocation::Inst(inst),
                format!(
                    "{} needs {} branch target(s), found {}",
                    opcode.name(),
                    opcode.n_targets(),
                    data.targets.len()
                ),
            );
        }
        if data.regions.len() != opcode.n_regions() {
            self.report(
                ErrorLocation::Inst(inst),
                format!(
                    "{} needs {} region(s), found {}",
                    opcode.name(),
                    opcode.n_regions(),
                    data.regions.len()
                ),
            );
        }

        // Operands must exist and be visible here; typing needs them all.
        let mut operands_defined = true;
        // A `try_call` defines its result on its normal edge: the first target's arguments
        // may pass it on, and nothing else may use it (`check_use` reports other uses).
        let edge_result = match opcode {
            Opcode::TryCall(_) | Opcode::Invoke(_) => func.dfg.first_result(inst),
            _ => None,
        };
        let normal_edge_args = match edge_result {
            Some(_) => data.targets.first().map_or(0, |target| target.args.len()),
            None => 0,
        };
        for (position, value) in data.operands().enumerate() {
            let on_normal_edge = position >= data.args.len() && position < data.args.len() + normal_edge_args;
            if on_normal_edge && Some(value) == edge_result {
                continue;
            }
            operands_defined &= self.check_use(inst, value, domtree);
        }
        if operands_defined {
            self.check_typing(inst);
            self.check_targets(inst, region);
        }

        match opcode {
            Opcode::Return if self.region_parent[region].is_some() => self.report(
                ErrorLocation::Inst(inst),
                "return inside a loop region; a loop that returns early must be lowered as blocks".to_owned(),
            ),
            Opcode::Yield => match self.region_parent[region] {
                None => self.report(
                    ErrorLocation::Inst(inst),
                    "yield outside a structured op: the function body ends paths with return".to_owned(),
                ),
                Some(owner) if operands_defined => self.check_yield(inst, owner),
                Some(_) => {}
            },
            _ => {}
        }
    }

    /// Whether `value` is defined; reports uses its definition does not dominate.
    fn check_use(&mut self, user: Inst, value: Value, domtree: &DominatorTree) -> bool {
        let func = self.func;
        if !func.dfg.value_is_valid(value) {
            self.report(ErrorLocation::Inst(user), format!("uses {value}, which does not exist"));
            return false;
        }
        let (def_block, def_inst) = match func.dfg.value_def(value) {
            ValueDef::Detached => {
                self.report(ErrorLocation::Inst(user), format!("uses {value}, which nothing defines"));
                return false;
            }
            ValueDef::Param(block, _) => (Some(block), None),
            ValueDef::Result(inst, _) => (self.inst_block[inst], Some(inst)),
        };
        if let Some(def_inst) = def_inst
            && let opcode @ (Opcode::TryCall(_) | Opcode::Invoke(_)) = &func.dfg.inst_data(def_inst).opcode
        {
            self.report(
                ErrorLocation::Inst(user),
                format!(
                    "uses {value}, the result of a{} {}, which is defined only on the call's normal \
                     edge: only that edge's arguments may pass it on",
                    if matches!(opcode, Opcode::Invoke(_)) { "n" } else { "" },
                    opcode.name()
                ),
            );
            return true;
        }
        let def_region = def_block.and_then(|block| self.block_seen_in[block]);
        let (Some(def_block), Some(def_region)) = (def_block, def_region) else {
            self.report(
                ErrorLocation::Inst(user),
                format!("uses {value}, whose definition is not placed in the function"),
            );
            return true;
        };
        // Walk out from the use until reaching the definition's region.
        let mut current = user;
        loop {
            let Some(block) = self.inst_block[current] else { return true };
            let Some(region) = self.block_seen_in[block] else { return true };
            if region == def_region {
                let dominated = match def_inst {
                    Some(def_inst) if def_block == block => {
                        self.inst_index[def_inst] < self.inst_index[current]
                    }
                    _ => {
                        def_block == block
                            || !domtree.is_reachable(block)
                            || domtree.dominates(def_block, block)
                    }
                };
                if !dominated {
                    let message = if def_block == block {
                        format!("uses {value} before its definition")
                    } else if current == user {
                        format!("uses {value}, but its definition in {def_block} does not dominate {block}")
                    } else {
                        format!(
                            "uses {value}, but its definition in {def_block} does not dominate the enclosing {}",
                            self.inst_context(current)
                        )
                    };
                    self.report(ErrorLocation::Inst(user), message);
                }
                return true;
            }
            match self.region_parent[region] {
                Some(owner) => current = owner,
                None => {
                    let where_defined = match func.dfg.region_owner(def_region) {
                        Some(owner) if self.inst_block[owner].is_some() => {
                            format!("inside the region of {}", self.inst_context(owner))
                        }
                        _ => format!("in {def_block}"),
                    };
                    self.report(
                        ErrorLocation::Inst(user),
                        format!("uses {value}, which is defined {where_defined} and not visible here"),
                    );
                    return true;
                }
            }
        }
    }

    fn check_typing(&mut self, inst: Inst) {
        let func = self.func;
        let data = func.dfg.inst_data(inst);
        let arg_types: Vec<Type> = data.args.iter().map(|arg| func.dfg.value_type(*arg).clone()).collect();
        match data.opcode.result_types(&arg_types, &func.typing_env()) {
            Err(message) => self.report(ErrorLocation::Inst(inst), message),
            Ok(expected) => {
                let results = func.dfg.inst_results(inst);
                if results.len() != expected.len() {
                    self.report(
                        ErrorLocation::Inst(inst),
                        format!(
                            "{} produces {} result(s), found {}",
                            data.opcode.name(),
                            expected.len(),
                            results.len()
                        ),
                    );
                    return;
                }
                for (result, expected_type) in results.iter().zip(&expected) {
                    let actual = func.dfg.value_type(*result);
                    if actual != expected_type {
                        self.report(
                            ErrorLocation::Inst(inst),
                            format!(
                                "result {result} has type {actual}, but {} produces {expected_type}",
                                data.opcode.name()
                            ),
                        );
                    }
                }
            }
        }
    }

    fn check_targets(&mut self, inst: Inst, region: Region) {
        let func = self.func;
        for target in &func.dfg.inst_data(inst).targets {
            let block = target.block;
            if !func.dfg.block_is_valid(block) || self.block_seen_in[block].is_none() {
                self.report(
                    ErrorLocation::Inst(inst),
                    format!("branches to {block}, which is not in the function"),
                );
                continue;
            }
            if self.block_seen_in[block] != Some(region) {
                self.report(
                    ErrorLocation::Inst(inst),
                    format!("branches to {block}, which is in another region"),
                );
                continue;
            }
            if func.layout.entry_block(region) == Some(block) {
                self.report(
                    ErrorLocation::Inst(inst),
                    format!("branches to {block}, the entry block of its region"),
                );
            }
            let params = func.dfg.block_params(block);
            if params.len() != target.args.len() {
                self.report(
                    ErrorLocation::Inst(inst),
                    format!(
                        "passes {} argument(s) to {block}, which has {} parameter(s)",
                        target.args.len(),
                        params.len()
                    ),
                );
                continue;
            }
            for (arg, param) in target.args.iter().zip(params) {
                let (arg_type, param_type) = (func.dfg.value_type(*arg), func.dfg.value_type(*param));
                if arg_type != param_type {
                    self.report(
                        ErrorLocation::Inst(inst),
                        format!("passes {arg} of type {arg_type} to parameter {param} of {block}, of type {param_type}"),
                    );
                }
            }
        }
    }

    fn check_yield(&mut self, inst: Inst, owner: Inst) {
        let func = self.func;
        let yielded: Vec<Type> =
            func.dfg.inst_data(inst).args.iter().map(|arg| func.dfg.value_type(*arg).clone()).collect();
        let expected: Vec<Type> =
            func.dfg.inst_results(owner).iter().map(|result| func.dfg.value_type(*result).clone()).collect();
        if yielded != expected {
            let opcode = &func.dfg.inst_data(owner).opcode;
            let what = if opcode.class() == OpcodeClass::Structured && matches!(opcode, Opcode::For) {
                "carried values"
            } else {
                "accumulators"
            };
            self.report(
                ErrorLocation::Inst(inst),
                format!(
                    "yields {}, but the {} loop's {what} have types {}",
                    type_list(&yielded),
                    opcode.name(),
                    type_list(&expected)
                ),
            );
        }
    }
}

fn value_type_or_none(func: &Function, value: Value) -> Type {
    if func.dfg.value_is_valid(value) { func.dfg.value_type(value).clone() } else { Type::NoneType }
}

fn type_list(types: &[Type]) -> String {
    let names: Vec<String> = types.iter().map(ToString::to_string).collect();
    format!("({})", names.join(", "))
}

#[cfg(test)]
mod tests {
    use crate::{parse_module, verify_module};

    /// Verifies the module in `input` and lists the errors (or `ok`).
    fn check(input: &str, expect: &str) {
        let module = parse_module(input).expect("test input parses");
        let actual = match verify_module(&module) {
            Ok(()) => "ok".to_owned(),
            Err(errors) => errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
        };
        assert_eq!(actual, expect.trim());
    }

    #[test]
    fn accepts_a_loop_using_outer_values() {
        check(
            "func @f(int64, float64) -> float64 {
block0(v0: int64, v1: float64):
    v2 = iconst.int64 0
    v3 = iconst.int64 1
    v4 = for v2 to v0 step v3 iter_args(v1) -> float64 {
    block1(v5: int64, v6: float64):
        v7 = fadd v6, v1
        yield v7
    }
    return v4
}",
            "ok",
        );
    }

    #[test]
    fn reports_inner_values_used_outside_and_yield_mismatch() {
        check(
            "func @f(int64) -> int64 {
block0(v0: int64):
    v1 = iconst.int64 1
    v2 = for v1 to v0 step v1 iter_args(v1) -> int64 {
    block1(v3: int64, v4: int64):
        v5 = iadd v3, v4
        v6 = fconst.float64 1.0
        yield v6
    }
    return v5
}",
            "
@f: block1: `yield v6`: yields (float64), but the for loop's carried values have types (int64)
@f: block0: `return v5`: uses v5, which is defined inside the region of block0: `v2 = for v1 to v0 step v1 iter_args(v1) -> int64 {` and not visible here",
        );
    }

    #[test]
    fn reports_undeclared_and_mismatched_callees() {
        check(
            "func @f(int64) -> int64 {
    fn0 = @g(int64) -> int64
    fn1 = @h() -> none
block0(v0: int64):
    v1 = call fn0(v0)
    return v1
}

func @g(float64) -> int64 {
block0(v0: float64):
    v1 = iconst.int64 0
    return v1
}",
            "
@f: function @f: fn0 declares @g as (int64) -> int64, but it is defined as (float64) -> int64
@f: function @f: fn1 declares @h, which the module does not define",
        );
    }

    /// Breakage only the API can make (the text cannot express it) is reported, not a panic.
    #[test]
    fn reports_shared_regions_and_detached_operands() {
        use numjit_types::{ScalarType, Type};

        use crate::{Function, FunctionBuilder, InstData, LoopRange, Opcode, verify};

        let mut func = Function::new("f", vec![Type::INT64], Type::INT64);
        let mut builder = FunctionBuilder::new(&mut func);
        let entry = builder.create_entry_block();
        builder.switch_to_block(entry);
        let n = builder.block_params(entry)[0];
        let range = LoopRange { start: n, stop: n, step: n };
        let lp = builder.for_loop(range, &[]);
        builder.switch_to_block(lp.entry_block);
        builder.yield_(&[]);
        builder.switch_to_block(entry);
        // A second loop claiming the first one's region.
        let mut data = InstData::new(Opcode::For, vec![n, n, n]);
        data.regions.push(lp.body);
        builder.insert_inst(data);
        let extra = builder.append_block_param(lp.entry_block, Type::Scalar(ScalarType::Int8));
        builder.func.dfg.remove_block_param(lp.entry_block, 1);
        builder.return_(extra);
        let errors = verify(&func).expect_err("broken");
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                // The second loop's creation recorded it as the owner, so both loops are at fault.
                "block0: `for v0 to v0 step v0 {`: owns region1, but the region records a different owner",
                "block0: `for v0 to v0 step v0 {`: owns region1, which is already owned elsewhere",
                "block0: `return v2`: uses v2, which nothing defines",
            ]
        );
    }
}
