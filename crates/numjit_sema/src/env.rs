//! The environment a function is compiled in: frozen global values, modules, and the
//! other functions it may call.
//!
//! The caller (the Python layer, the CLI, a test) snapshots the function's free names
//! into [`Globals`]: numbers, tuples of numbers, `math`/`cmath`/`numpy` modules under any
//! alias, members of them (`from math import sqrt`), and references to other functions by
//! their AST. Values are frozen at compile time, as in Numba. [`Env::from_module`] builds
//! an environment from a whole source file, which is what tests and the CLI use.

use std::collections::HashMap;
use std::fmt;

use cranelift_entity::{PrimaryMap, entity_impl};
use numjit_ast as ast;
use numjit_diagnostics::Diagnostic;

use crate::diagnostics;

/// A function known to the environment.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionId(u32);
entity_impl!(FunctionId, "function");

/// A global namespace (one per Python module).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NamespaceId(u32);
entity_impl!(NamespaceId, "namespace");

/// A module compiled code can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModuleKind {
    Math,
    CMath,
    Numpy,
    /// `numba` (or `numjit`): compiled code uses its `prange`.
    Numba,
}

impl ModuleKind {
    /// The module for an import name (`numpy`, `math`, `cmath`).
    pub fn from_name(name: &str) -> Option<ModuleKind> {
        match name {
            "math" => Some(ModuleKind::Math),
            "cmath" => Some(ModuleKind::CMath),
            "numpy" => Some(ModuleKind::Numpy),
            "numba" | "numjit" => Some(ModuleKind::Numba),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ModuleKind::Math => "math",
            ModuleKind::CMath => "cmath",
            ModuleKind::Numpy => "numpy",
            ModuleKind::Numba => "numba",
        }
    }
}

/// A constant value: a literal, or a global frozen at compile time.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    /// An integer that fits in int64 (typed int64).
    Int(i64),
    /// An integer in `2**63 .. 2**64` (typed uint64, as Numba does).
    UInt(u64),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Tuple(Vec<ConstValue>),
}

impl fmt::Display for ConstValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConstValue::None => f.write_str("None"),
            ConstValue::Bool(value) => f.write_str(if *value { "True" } else { "False" }),
            ConstValue::Int(value) => write!(f, "{value}"),
            ConstValue::UInt(value) => write!(f, "{value}"),
            ConstValue::Float(value) => write!(f, "{value:?}"),
            ConstValue::Complex { real, imag } => write!(f, "({real:?}+{imag:?}j)"),
            ConstValue::Str(value) => write!(f, "{value:?}"),
            ConstValue::Tuple(items) => {
                f.write_str("(")?;
                for (item_idx, item) in items.iter().enumerate() {
                    if item_idx > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// The value of a global name.
#[derive(Clone, Debug, PartialEq)]
pub enum GlobalValue {
    Const(ConstValue),
    /// A NumPy array bound from outside, frozen: its elements as the compile saw them.
    Array(std::sync::Arc<numjit_types::ArrayConstant>),
    Module(ModuleKind),
    /// `from math import sqrt` at module level: a member of a module.
    ModuleMember(ModuleKind, String),
    Function(FunctionId),
    /// A builtin under another name (`from numba import prange`).
    Builtin(crate::templates::Builtin),
}

/// One module's global names.
#[derive(Clone, Debug, Default)]
pub struct Globals {
    values: HashMap<String, GlobalValue>,
}

impl Globals {
    pub fn new() -> Self {
        Globals::default()
    }

    pub fn insert(&mut self, name: impl Into<String>, value: GlobalValue) {
        self.values.insert(name.into(), value);
    }

    pub fn get(&self, name: &str) -> Option<&GlobalValue> {
        self.values.get(name)
    }

    /// Every name, for "did you mean" hints.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

/// A function's source and the namespace its free names resolve in.
#[derive(Clone, Debug)]
pub struct FunctionSource {
    pub def: ast::StmtFunctionDef,
    pub namespace: NamespaceId,
}

/// Everything compiled code can refer to by name.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub namespaces: PrimaryMap<NamespaceId, Globals>,
    pub functions: PrimaryMap<FunctionId, FunctionSource>,
}

impl Env {
    pub fn new() -> Self {
        Env::default()
    }

    pub fn add_namespace(&mut self, globals: Globals) -> NamespaceId {
        self.namespaces.push(globals)
    }

    /// Registers a function; bind it to a name with [`Env::globals_mut`] to make it callable.
    pub fn add_function(&mut self, def: ast::StmtFunctionDef, namespace: NamespaceId) -> FunctionId {
        self.functions.push(FunctionSource { def, namespace })
    }

    pub fn globals_mut(&mut self, namespace: NamespaceId) -> &mut Globals {
        &mut self.namespaces[namespace]
    }

    /// The function named `name` in `namespace`.
    pub fn function_by_name(&self, namespace: NamespaceId, name: &str) -> Option<FunctionId> {
        match self.namespaces.get(namespace)?.get(name) {
            Some(GlobalValue::Function(function)) => Some(*function),
            _ => None,
        }
    }

    /// An environment holding one module: its top-level `def`s, imports of supported
    /// modules and constant assignments (`N = 10`, `SHAPE = (2, 3)`), frozen in order.
    /// Other top-level statements are ignored, as they would be when Python snapshots
    /// globals; the diagnostics explain imports that cannot be compiled.
    ///
    /// The module is taken by value: its functions move into the environment (cloning a
    /// deep syntax tree would recurse on its depth).
    pub fn from_module(module: ast::ModModule) -> (Env, NamespaceId, Vec<Diagnostic>) {
        let mut env = Env::new();
        let namespace = env.add_namespace(Globals::new());
        let mut problems = Vec::new();
        for stmt in module.body {
            match stmt {
                ast::Stmt::FunctionDef(def) => {
                    let name = def.name.as_str().to_string();
                    let function = env.add_function(def, namespace);
                    env.globals_mut(namespace).insert(name, GlobalValue::Function(function));
                }
                ast::Stmt::Import(ref import) => {
                    for alias in &import.names {
                        match import_binding(alias) {
                            Ok((name, value)) => env.globals_mut(namespace).insert(name, value),
                            Err(diagnostic) => problems.push(diagnostic),
                        }
                    }
                }
                ast::Stmt::ImportFrom(ref import) => {
                    for alias in &import.names {
                        match import_from_binding(import, alias) {
                            Ok((name, value)) => env.globals_mut(namespace).insert(name, value),
                            Err(diagnostic) => problems.extend(diagnostic),
                        }
                    }
                }
                ast::Stmt::Assign(ref assign) => {
                    let globals = &env.namespaces[namespace];
                    let Some(value) = eval_const(&assign.value, globals) else { continue };
                    for target in &assign.targets {
                        if let ast::Expr::Name(name) = target {
                            env.globals_mut(namespace)
                                .insert(name.id.to_string(), GlobalValue::Const(value.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
        (env, namespace, problems)
    }
}

/// `import numpy as np` → (`np`, numpy); only supported modules.
pub(crate) fn import_binding(alias: &ast::Alias) -> Result<(String, GlobalValue), Diagnostic> {
    let module = alias.name.as_str();
    match ModuleKind::from_name(module) {
        Some(kind) => {
            let name = alias.asname.as_ref().map_or(module, |asname| asname.as_str());
            Ok((name.to_string(), GlobalValue::Module(kind)))
        }
        None => Err(diagnostics::unsupported(
            &format!("module '{module}'"),
            alias.range,
            "compiled code can use the modules math, cmath and numpy",
        )),
    }
}

/// `from math import sqrt as root` → (`root`, math.sqrt).
pub(crate) fn import_from_binding(
    import: &ast::StmtImportFrom,
    alias: &ast::Alias,
) -> Result<(String, GlobalValue), Option<Diagnostic>> {
    let module_name = import.module.as_ref().map_or("", |module| module.as_str());
    if module_name == "numba" && import.level == 0 {
        let name = alias.asname.as_ref().unwrap_or(&alias.name).as_str().to_string();
        return match alias.name.as_str() {
            "prange" => Ok((name, GlobalValue::Builtin(crate::templates::Builtin::Prange))),
            // The decorators themselves are never called from compiled code.
            "njit" | "jit" | "vectorize" | "guvectorize" => Err(None),
            other => Err(Some(diagnostics::unsupported(
                &format!("`numba.{other}`"),
                alias.range,
                "compiled code can use `prange` from numba",
            ))),
        };
    }
    let Some(kind) = ModuleKind::from_name(module_name).filter(|_| import.level == 0) else {
        return Err(Some(diagnostics::unsupported(
            &format!("module '{module_name}'"),
            import.range,
            "compiled code can use the modules math, cmath and numpy",
        )));
    };
    if alias.name.as_str() == "*" {
        return Err(Some(diagnostics::unsupported(
            "`from ... import *`",
            alias.range,
            "import the names you use one by one",
        )));
    }
    let name = alias.asname.as_ref().unwrap_or(&alias.name).as_str().to_string();
    Ok((name, GlobalValue::ModuleMember(kind, alias.name.as_str().to_string())))
}

/// Evaluates a constant expression: literals, tuples of them, unary `-`/`+`, and names
/// of constants already in `globals`. `None` when the expression is not constant.
pub fn eval_const(expr: &ast::Expr, globals: &Globals) -> Option<ConstValue> {
    eval_const_depth(expr, globals, 0)
}

fn eval_const_depth(expr: &ast::Expr, globals: &Globals, depth: u32) -> Option<ConstValue> {
    if depth > 64 {
        return None;
    }
    match expr {
        ast::Expr::Constant(constant) => literal_value(&constant.value).ok(),
        ast::Expr::Tuple(tuple) => tuple
            .elts
            .iter()
            .map(|item| eval_const_depth(item, globals, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(ConstValue::Tuple),
        ast::Expr::UnaryOp(unary) => {
            let operand = eval_const_depth(&unary.operand, globals, depth + 1)?;
            match (unary.op, operand) {
                (ast::UnaryOp::USub, ConstValue::Int(value)) => value.checked_neg().map(ConstValue::Int),
                (ast::UnaryOp::USub, ConstValue::UInt(value)) if value == 1 << 63 => {
                    Some(ConstValue::Int(i64::MIN))
                }
                (ast::UnaryOp::USub, ConstValue::Float(value)) => Some(ConstValue::Float(-value)),
                (ast::UnaryOp::USub, ConstValue::Complex { real, imag }) => {
                    Some(ConstValue::Complex { real: -real, imag: -imag })
                }
                (
                    ast::UnaryOp::UAdd,
                    value @ (ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex { .. }),
                ) => Some(value),
                _ => None,
            }
        }
        ast::Expr::Name(name) => match globals.get(&name.id) {
            Some(GlobalValue::Const(value)) => Some(value.clone()),
            Some(GlobalValue::ModuleMember(module, member)) => module_constant(*module, member),
            _ => None,
        },
        // `math.pi`, `np.e`: a constant of an imported module.
        ast::Expr::Attribute(attribute) => match &*attribute.value {
            ast::Expr::Name(name) => match globals.get(&name.id) {
                Some(GlobalValue::Module(module)) => module_constant(*module, &attribute.attr.id),
                _ => None,
            },
            _ => None,
        },
        ast::Expr::BinOp(binary) => {
            let left = eval_const_depth(&binary.left, globals, depth + 1)?;
            let right = eval_const_depth(&binary.right, globals, depth + 1)?;
            fold_binary(binary.op, left, right)
        }
        _ => None,
    }
}

/// A float constant of `math`, `cmath` or `numpy` (`pi`, `e`, `tau`, `inf`, `nan`).
fn module_constant(module: ModuleKind, member: &str) -> Option<ConstValue> {
    match (module, member) {
        (ModuleKind::Numpy, "tau") => None,
        _ => crate::templates::math::constant(member),
    }
}

/// Module-level code runs in CPython before Numba freezes its globals, so constant
/// expressions fold with Python's semantics: exact integers (a result outside int64 is not
/// folded), true division, floor division and modulo with the divisor's sign. Anything that
/// would raise in Python (division by zero) is left unfolded.
fn fold_binary(op: ast::Operator, left: ConstValue, right: ConstValue) -> Option<ConstValue> {
    use ast::Operator as Op;
    match (left, right) {
        (ConstValue::Int(a), ConstValue::Int(b)) => match op {
            Op::Add => a.checked_add(b).map(ConstValue::Int),
            Op::Sub => a.checked_sub(b).map(ConstValue::Int),
            Op::Mult => a.checked_mul(b).map(ConstValue::Int),
            Op::Div => (b != 0).then(|| ConstValue::Float(a as f64 / b as f64)),
            Op::FloorDiv => {
                let quotient = a.checked_div(b)?;
                let adjust =
                    a.checked_rem(b).is_some_and(|remainder| remainder != 0 && (remainder < 0) != (b < 0));
                quotient.checked_sub(i64::from(adjust)).map(ConstValue::Int)
            }
            Op::Mod => {
                let remainder = a.checked_rem(b)?;
                let adjust = remainder != 0 && (remainder < 0) != (b < 0);
                Some(ConstValue::Int(if adjust { remainder + b } else { remainder }))
            }
            Op::Pow if b >= 0 => u32::try_from(b).ok().and_then(|b| a.checked_pow(b)).map(ConstValue::Int),
            Op::Pow if a != 0 => Some(ConstValue::Float((a as f64).powf(b as f64))),
            Op::LShift => u32::try_from(b)
                .ok()
                .filter(|&shift| shift < 63)
                .and_then(|shift| a.checked_mul(1_i64 << shift))
                .map(ConstValue::Int),
            Op::RShift => u32::try_from(b).ok().map(|shift| ConstValue::Int(a >> shift.min(63))),
            Op::BitAnd => Some(ConstValue::Int(a & b)),
            Op::BitOr => Some(ConstValue::Int(a | b)),
            Op::BitXor => Some(ConstValue::Int(a ^ b)),
            _ => None,
        },
        (left, right) => {
            let a = const_as_float(&left)?;
            let b = const_as_float(&right)?;
            let value = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mult => a * b,
                Op::Div if b != 0.0 => a / b,
                Op::FloorDiv if b != 0.0 => (a / b).floor(),
                Op::Mod if b != 0.0 => {
                    let remainder = a % b;
                    if remainder != 0.0 && (remainder < 0.0) != (b < 0.0) { remainder + b } else { remainder }
                }
                Op::Pow if !(a == 0.0 && b < 0.0) => a.powf(b),
                _ => return None,
            };
            Some(ConstValue::Float(value))
        }
    }
}

/// Ints and floats as a float, for mixed constant arithmetic (bools and complex numbers
/// are not folded).
fn const_as_float(value: &ConstValue) -> Option<f64> {
    match value {
        ConstValue::Int(value) => Some(*value as f64),
        ConstValue::Float(value) => Some(*value),
        _ => None,
    }
}

/// The value of a literal, or why it cannot be compiled.
pub(crate) fn literal_value(constant: &ast::Constant) -> Result<ConstValue, &'static str> {
    Ok(match constant {
        ast::Constant::None => ConstValue::None,
        ast::Constant::Bool(value) => ConstValue::Bool(*value),
        ast::Constant::Str(value) => ConstValue::Str(value.clone()),
        ast::Constant::Int(ast::Int::Small(value)) => match i64::try_from(*value) {
            Ok(value) => ConstValue::Int(value),
            Err(_) => ConstValue::UInt(*value),
        },
        ast::Constant::Int(ast::Int::Big(_)) => return Err("an integer literal wider than 64 bits"),
        ast::Constant::Float(value) => ConstValue::Float(*value),
        ast::Constant::Complex { real, imag } => ConstValue::Complex { real: *real, imag: *imag },
        ast::Constant::Bytes(_) => return Err("a bytes literal"),
        ast::Constant::Ellipsis => return Err("`...`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds `expr` (a Python expression) with `math` imported and `N = 10` defined.
    fn fold(expr: &str) -> Option<ConstValue> {
        let source = format!("import math\nimport numpy as np\nN = 10\nX = {expr}\n");
        let module = numjit_parser::parse_module(&source).module;
        let (mut env, namespace, _) = Env::from_module(module);
        match env.globals_mut(namespace).get("X") {
            Some(GlobalValue::Const(value)) => Some(value.clone()),
            _ => None,
        }
    }

    #[test]
    fn module_constant_expressions_fold_with_python_semantics() {
        assert_eq!(fold("2 * math.pi"), Some(ConstValue::Float(std::f64::consts::TAU)));
        assert_eq!(fold("np.pi / 4"), Some(ConstValue::Float(std::f64::consts::FRAC_PI_4)));
        assert_eq!(fold("N ** 3 + 1"), Some(ConstValue::Int(1001)));
        assert_eq!(fold("-7 // 2"), Some(ConstValue::Int(-4)));
        assert_eq!(fold("-7 % 3"), Some(ConstValue::Int(2)));
        assert_eq!(fold("7 % -3"), Some(ConstValue::Int(-2)));
        assert_eq!(fold("-7.5 % 2"), Some(ConstValue::Float(0.5)));
        assert_eq!(fold("1 / 4"), Some(ConstValue::Float(0.25)));
        assert_eq!(fold("2 ** -1"), Some(ConstValue::Float(0.5)));
        assert_eq!(fold("1 << 10"), Some(ConstValue::Int(1024)));
        // What Python would raise on, or compute beyond int64, stays unfolded.
        assert_eq!(fold("1 // 0"), None);
        assert_eq!(fold("1.0 / 0"), None);
        assert_eq!(fold("2 ** 64"), None);
        assert_eq!(fold("9223372036854775807 + 1"), None);
    }
}
