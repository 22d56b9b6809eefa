//! [`Function`] (signature, declared callees, data-flow graph, layout, body region) and
//! [`Module`] (the functions compiled together, which call each other by name).

use cranelift_entity::PrimaryMap;
use numjit_types::Type;

use crate::{Block, DataFlowGraph, FuncRef, Inst, Layout, Region, TypingEnv};

/// A function that a function calls: its name in the module and its signature.
///
/// Declaring callees in the caller's preamble (`fn0 = @fib(int64) -> int64`) keeps a function
/// self-contained: it prints, parses and verifies on its own, and the module verifier checks
/// that each declaration matches the module's function of that name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncDecl {
    /// The callee's name.
    pub name: String,
    /// Parameter types.
    pub params: Vec<Type>,
    /// Return type (`none` for functions returning `None`, a tuple for several values).
    pub return_type: Type,
}

/// One compiled function.
#[derive(Clone, Debug)]
pub struct Function {
    /// The function's name (unique in its module).
    pub name: String,
    /// Parameter types; the body's entry block has one parameter of each.
    pub params: Vec<Type>,
    /// The type `return` takes.
    pub return_type: Type,
    /// Callees, declared in the preamble.
    pub func_decls: PrimaryMap<FuncRef, FuncDecl>,
    /// Instructions, values, blocks and regions.
    pub dfg: DataFlowGraph,
    /// Where instructions and blocks sit.
    pub layout: Layout,
    /// The region holding the function's body. Its entry block's parameters are the
    /// function's parameters.
    pub body: Region,
}

impl Function {
    /// A function with an empty body region (no blocks yet).
    pub fn new(name: impl Into<String>, params: Vec<Type>, return_type: Type) -> Self {
        let mut dfg = DataFlowGraph::new();
        let body = dfg.make_region();
        Function {
            name: name.into(),
            params,
            return_type,
            func_decls: PrimaryMap::new(),
            dfg,
            layout: Layout::new(),
            body,
        }
    }

    /// Declares a callee, or returns the existing identical declaration.
    pub fn declare_function(
        &mut self,
        name: impl Into<String>,
        params: Vec<Type>,
        return_type: Type,
    ) -> FuncRef {
        let decl = FuncDecl { name: name.into(), params, return_type };
        match self.func_decls.iter().find(|(_, existing)| **existing == decl) {
            Some((func_ref, _)) => func_ref,
            None => self.func_decls.push(decl),
        }
    }

    /// The body's entry block.
    pub fn entry_block(&self) -> Option<Block> {
        self.layout.entry_block(self.body)
    }

    /// What the typing rules need to know about this function.
    pub fn typing_env(&self) -> TypingEnv<'_> {
        TypingEnv { func_decls: &self.func_decls, return_type: &self.return_type }
    }

    /// The region the instruction sits in, if it is placed.
    pub fn inst_region(&self, inst: Inst) -> Option<Region> {
        self.layout.inst_block(inst).and_then(|block| self.layout.block_region(block))
    }

    /// The structured op (`for`, `parfor`) whose region the instruction sits in; `None` for
    /// instructions of the body region.
    pub fn enclosing_op(&self, inst: Inst) -> Option<Inst> {
        self.inst_region(inst).and_then(|region| self.dfg.region_owner(region))
    }

    /// The instruction as one line of text (a structured op without its region).
    pub fn inst_to_string(&self, inst: Inst) -> String {
        crate::write::inst_to_string(self, inst)
    }
}

/// The functions compiled together; calls between them go through each caller's
/// declarations, matched by name.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// The functions, in text order.
    pub functions: Vec<Function>,
}

impl Module {
    /// An empty module.
    pub fn new() -> Self {
        Self::default()
    }

    /// The function named `name`.
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions.iter().find(|function| function.name == name)
    }

    /// The function named `name`, to edit.
    pub fn function_mut(&mut self, name: &str) -> Option<&mut Function> {
        self.functions.iter_mut().find(|function| function.name == name)
    }
}
