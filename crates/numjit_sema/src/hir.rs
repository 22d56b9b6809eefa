//! The high-level IR (HIR): one [`Body`] per function, with names resolved and the
//! syntax sugar that later phases should not see taken apart.
//!
//! Expressions, statements and locals live in arenas indexed by `u32` ids ([`ExprId`],
//! [`StmtId`], [`LocalId`]); each expression and statement keeps the [`TextRange`] of the
//! source it came from. Children are allocated before their parents, so walking
//! `Body::exprs` in id order visits operands before the expressions that use them; the
//! type checker relies on this to run without recursion.
//!
//! What is desugared here: augmented assignment (an in-place [`Expr::Binary`]), comparison
//! chains (middle operands stored once in a temporary), `and`/`or` (a conditional over a
//! temporary), conditional expressions, tuple unpacking and swaps ([`Stmt::Unpack`]), `for`
//! over `range`/`prange`/tuples/`enumerate`/`zip` (one [`Stmt::For`] with a [`ForIter`]),
//! `assert` (kept as a statement with its condition and message), `while … else` and
//! `for … else` (the `else` block runs when the loop ends without `break`).
//! What is not: control flow stays structured; the versions of the locals (which definition
//! or join each read sees, [`Versions`]) are computed here, but building SSA IR is the
//! lowering's job.

use std::collections::{HashMap, HashSet};

use cranelift_entity::{PrimaryMap, SecondaryMap, entity_impl};
use numjit_types::ScalarType;
use text_size::TextRange;

use crate::env::{ConstValue, FunctionId, ModuleKind};
use crate::templates::{Builtin, CMathFn, ExceptionClass, MathFn};

/// A local variable (parameter, user variable or compiler temporary) of one body.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(u32);
entity_impl!(LocalId, "local");

/// An expression of one body.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(u32);
entity_impl!(ExprId, "expr");

/// A statement of one body.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StmtId(u32);
entity_impl!(StmtId, "stmt");

/// An inner function (`def` inside `def`, or `lambda`) of one body.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClosureId(u32);
entity_impl!(ClosureId, "closure");

/// A version of a local (Numba's SSA typing): one definition, or the join of the versions
/// that meet where control flow merges. Each version has its own type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VersionId(u32);
entity_impl!(VersionId, "version");

/// Where a local is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DefSite {
    /// A parameter or captured variable, bound on entry.
    Entry(LocalId),
    /// Target `index` of a statement: `Assign` and `For` have one (0), `Unpack` one per
    /// target.
    Stmt(StmtId, u32),
    /// A [`Expr::Store`] (`:=` and the temporaries of desugaring).
    Store(ExprId),
}

/// One version of a local.
#[derive(Clone, Debug)]
pub struct Version {
    pub local: LocalId,
    pub kind: VersionKind,
}

/// What a version is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionKind {
    /// The value one definition stores.
    Def(DefSite),
    /// A join (an SSA phi): the distinct versions that reach a control-flow merge where
    /// the local is read afterwards. Its type is their unification.
    Phi(Vec<VersionId>),
}

/// The versions of a body's locals, computed from its control flow when the HIR is built
/// (`lower::versions`): which version every definition creates and every read sees.
#[derive(Clone, Debug, Default)]
pub struct Versions {
    pub versions: PrimaryMap<VersionId, Version>,
    /// The version each reachable definition creates.
    pub defs: HashMap<DefSite, VersionId>,
    /// The version each reachable [`Expr::Local`] reads (absent: no definition reaches).
    pub reads: HashMap<ExprId, VersionId>,
    /// Captured variables read by an inner function: at the [`Expr::Closure`] that makes
    /// it and at calls that may call it, `(expression, outer local)` → version.
    pub capture_reads: HashMap<(ExprId, LocalId), VersionId>,
    /// For each version, the joins it flows into directly.
    pub joins: SecondaryMap<VersionId, Vec<VersionId>>,
}

impl Versions {
    /// The version a read of a local sees.
    pub fn read(&self, expr: ExprId) -> Option<VersionId> {
        self.reads.get(&expr).copied()
    }

    /// The version a definition creates.
    pub fn def(&self, site: DefSite) -> Option<VersionId> {
        self.defs.get(&site).copied()
    }

    /// The definitions whose values reach the join `join` (through other joins too).
    pub fn defs_reaching(&self, join: VersionId) -> Vec<VersionId> {
        let mut seen: HashSet<VersionId> = HashSet::new();
        let mut stack = vec![join];
        let mut defs = Vec::new();
        while let Some(version) = stack.pop() {
            if !seen.insert(version) {
                continue;
            }
            match &self.versions[version].kind {
                VersionKind::Def(_) => defs.push(version),
                VersionKind::Phi(incoming) => stack.extend(incoming.iter().copied()),
            }
        }
        defs.sort();
        defs
    }

    /// The versions of `local`, in order.
    pub fn of_local(&self, local: LocalId) -> impl Iterator<Item = VersionId> + '_ {
        self.versions.iter().filter(move |(_, version)| version.local == local).map(|(id, _)| id)
    }
}

/// A function body: parameters, locals, and the statements of its block.
#[derive(Clone, Debug)]
pub struct Body {
    /// The function's name (`<lambda>` for lambdas).
    pub name: String,
    /// The parameters in declaration order (positional-only, ordinary, keyword-only).
    pub params: Vec<Param>,
    /// Every local: parameters first, then variables in order of first appearance, then
    /// temporaries (named `$tmpN`) and captured variables.
    pub locals: PrimaryMap<LocalId, Local>,
    pub exprs: PrimaryMap<ExprId, ExprData>,
    pub stmts: PrimaryMap<StmtId, StmtData>,
    /// The top-level block.
    pub block: Block,
    /// Inner functions defined in this body.
    pub closures: PrimaryMap<ClosureId, Closure>,
    /// For an inner function: the variables of enclosing functions it reads.
    pub captures: Vec<Capture>,
    /// Reads of locals that some path reaches unassigned; lowering checks these at run
    /// time and raises `UnboundLocalError`.
    pub maybe_unbound: Vec<ExprId>,
    /// The versions of the locals (Numba's SSA semantics: definitions that never meet at a
    /// join are independent variables with their own types).
    pub versions: Versions,
    /// The whole `def` (or `lambda`).
    pub range: TextRange,
    /// The function's name in its `def` (the `lambda` keyword for lambdas).
    pub name_range: TextRange,
}

/// A block of statements, run in order.
pub type Block = Vec<StmtId>;

/// A parameter of a function.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub local: LocalId,
    pub kind: ParamKind,
    /// The default value, frozen when the function is lowered (as Numba does).
    pub default: Option<ConstValue>,
    pub range: TextRange,
}

/// How a parameter can be passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    PositionalOnly,
    PositionalOrKeyword,
    KeywordOnly,
}

/// A local variable.
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub kind: LocalKind,
    /// Where the local is assigned (for diagnostics that show every assignment).
    pub definitions: Vec<TextRange>,
}

/// What a local is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    Param,
    /// A variable of the source.
    Variable,
    /// A compiler temporary from desugaring.
    Temporary,
    /// A variable of an enclosing function that an inner function reads; bound on entry.
    Captured,
}

/// A variable of the enclosing function that an inner function reads.
#[derive(Clone, Copy, Debug)]
pub struct Capture {
    /// The local in the inner body.
    pub inner: LocalId,
    /// The local in the enclosing body.
    pub outer: LocalId,
}

/// An inner function: its body, lowered in the scope of the enclosing one.
#[derive(Clone, Debug)]
pub struct Closure {
    pub body: Box<Body>,
}

/// An expression with its source range.
#[derive(Clone, Debug)]
pub struct ExprData {
    pub kind: Expr,
    pub range: TextRange,
}

/// A statement with its source range.
#[derive(Clone, Debug)]
pub struct StmtData {
    pub kind: Stmt,
    pub range: TextRange,
}

/// A value known when the function is lowered: a module, a function, a builtin.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Module(ModuleKind),
    /// A function of the environment (same source or compiled earlier).
    Function(FunctionId),
    Builtin(Builtin),
    Math(MathFn),
    CMath(CMathFn),
    Exception(ExceptionClass),
    /// A NumPy scalar type used as a constructor (`np.float32(x)`).
    NumpyScalar(ScalarType),
    /// A NumPy function that creates arrays (`np.zeros`).
    Numpy(crate::templates::numpy::NumpyFn),
    /// A NumPy function over arrays (`np.sum`, `np.copy`, `np.arange`).
    ArrayFunc(crate::templates::numpy::ArrayFunc),
    /// A NumPy ufunc (`np.sqrt`, `np.add`).
    Ufunc(crate::templates::ufunc::Ufunc),
}

/// A binary operator of the HIR (the AST's, without `@`, which arrays bring later).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    MatMul,
}

impl BinaryOp {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "**",
            BinaryOp::LShift => "<<",
            BinaryOp::RShift => ">>",
            BinaryOp::BitAnd => "&",
            BinaryOp::BitOr => "|",
            BinaryOp::BitXor => "^",
            BinaryOp::MatMul => "@",
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        }
    }
}

/// A single comparison (chains are desugared).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// A keyword argument of a call.
#[derive(Clone, Debug)]
pub struct KeywordArg {
    pub name: String,
    pub value: ExprId,
    pub range: TextRange,
}

/// An expression.
#[derive(Clone, Debug)]
pub enum Expr {
    /// A literal or a frozen global constant.
    Const(ConstValue),
    /// A global NumPy array frozen at compile time (readonly, as in Numba).
    ConstArray(std::sync::Arc<numjit_types::ArrayConstant>),
    /// A read of a local. If the id is in `Body::maybe_unbound`, lowering checks it.
    Local(LocalId),
    /// A module, function, builtin, ... resolved by name.
    Item(Item),
    /// An inner function as a value.
    Closure(ClosureId),
    /// `lhs op rhs`; `in_place` for augmented assignment (`x += y`), which arrays will
    /// update in place.
    Binary {
        op: BinaryOp,
        lhs: ExprId,
        rhs: ExprId,
        in_place: bool,
    },
    Unary {
        op: UnaryOp,
        operand: ExprId,
    },
    /// One comparison; chains become conditionals over temporaries.
    Compare {
        op: CmpOp,
        lhs: ExprId,
        rhs: ExprId,
    },
    /// `then if cond else otherwise`; also the desugaring of `and`/`or` and comparison
    /// chains. `cond` is tested for truth.
    If {
        cond: ExprId,
        then: ExprId,
        otherwise: ExprId,
    },
    /// Stores `value` in `local` and yields it (`:=`, and temporaries of desugaring).
    Store {
        local: LocalId,
        value: ExprId,
    },
    Tuple(Vec<ExprId>),
    /// `base[index]`.
    Index {
        base: ExprId,
        index: ExprId,
    },
    /// `base[lower:upper:step]`; absent bounds are `None`. Tuples need compile-time
    /// constant bounds (see [`slice_positions`]).
    Slice {
        base: ExprId,
        lower: Option<ExprId>,
        upper: Option<ExprId>,
        step: Option<ExprId>,
    },
    /// A slice `lower:upper:step` inside an index (`a[1:n, ::2]`); absent bounds are
    /// `None`. Typed [`Ty::Slice`](crate::Ty::Slice); only arrays take it.
    SliceItem {
        lower: Option<ExprId>,
        upper: Option<ExprId>,
        step: Option<ExprId>,
    },
    /// `...` (typed [`Ty::Ellipsis`](crate::Ty::Ellipsis)).
    Ellipsis,
    /// `base.name` on a value (`z.real`); module attributes are resolved to items.
    Attribute {
        base: ExprId,
        name: String,
    },
    /// `callee(args, keywords)`.
    Call {
        callee: ExprId,
        args: Vec<ExprId>,
        keywords: Vec<KeywordArg>,
    },
    /// `base.method(args)` (`z.conjugate()`).
    MethodCall {
        base: ExprId,
        method: String,
        args: Vec<ExprId>,
        /// Keyword arguments, after `args` (`a.sum(axis=0)`).
        keywords: Vec<KeywordArg>,
    },
}

/// What a `for` loop iterates over.
#[derive(Clone, Debug)]
pub enum ForIter {
    /// `range(start, stop, step)` written in the loop header, or `prange(...)`
    /// (`parallel`), which behaves like `range` until the parallel passes exist.
    /// `start` defaults to 0 and `step` to 1 when not written (`None`); only written
    /// arguments take part in typing, as in Numba (`range(n)` with an int32 `n` yields int32).
    Range { start: Option<ExprId>, stop: ExprId, step: Option<ExprId>, parallel: bool },
    /// Any other iterable value: a tuple, or a `range` object in a variable.
    Value(ExprId),
    /// `enumerate(inner, start)`: yields `(index, item)`.
    Enumerate { inner: Box<ForIter>, start: ExprId },
    /// `zip(a, b, ...)`: yields tuples, stops at the shortest.
    Zip(Vec<ForIter>),
}

/// An `except` clause.
#[derive(Clone, Debug)]
pub struct Handler {
    /// `None` for a bare `except:`, else the class caught (`Exception` catches all that
    /// compiled code raises).
    pub class: Option<ExceptionClass>,
    pub body: Block,
    pub range: TextRange,
}

/// A statement.
#[derive(Clone, Debug)]
pub enum Stmt {
    /// An expression evaluated for its effect.
    Expr(ExprId),
    /// `target = value`.
    Assign {
        target: LocalId,
        value: ExprId,
    },
    /// `targets[0], targets[1], ... = value`: the value must be a tuple of exactly that
    /// many items. Nested targets unpack through temporaries.
    Unpack {
        targets: Vec<LocalId>,
        value: ExprId,
    },
    /// `base[index] = value` (array items; tuples reject it).
    SetItem {
        base: ExprId,
        index: ExprId,
        value: ExprId,
    },
    If {
        cond: ExprId,
        then: Block,
        otherwise: Block,
    },
    /// `while cond: body else: otherwise`.
    While {
        cond: ExprId,
        body: Block,
        otherwise: Block,
    },
    /// `for target in iter: body else: otherwise`; a tuple target is unpacked from
    /// `target` at the top of `body`.
    For {
        target: LocalId,
        iter: ForIter,
        body: Block,
        otherwise: Block,
    },
    Break,
    Continue,
    Return(Option<ExprId>),
    /// `raise exc` (`exc` is a class or a call of one); `None` re-raises (unsupported
    /// outside `except`, reported by lowering).
    Raise(Option<ExprId>),
    /// `assert cond, msg`: raises `AssertionError(msg)` when `cond` is false.
    Assert {
        cond: ExprId,
        msg: Option<ExprId>,
    },
    /// `try: body except ...: handler else: otherwise finally: finally`.
    Try {
        body: Block,
        handlers: Vec<Handler>,
        otherwise: Block,
        finally: Block,
    },
}

impl Body {
    /// Locals assigned exactly once, from an integer constant: usable as tuple indices.
    /// Type inference and lowering share this rule, so they agree on what is constant.
    pub fn constant_int_locals(&self) -> HashMap<LocalId, i64> {
        let mut assignments: HashMap<LocalId, (u32, Option<i64>)> = HashMap::new();
        for (_, stmt) in self.stmts.iter() {
            match &stmt.kind {
                Stmt::Assign { target, value } => {
                    let entry = assignments.entry(*target).or_insert((0, None));
                    entry.0 += 1;
                    if let Expr::Const(ConstValue::Int(value)) = self.exprs[*value].kind {
                        entry.1 = Some(value);
                    }
                }
                Stmt::Unpack { targets, .. } => {
                    for target in targets {
                        assignments.entry(*target).or_insert((0, None)).0 += 2;
                    }
                }
                Stmt::For { target, .. } => assignments.entry(*target).or_insert((0, None)).0 += 2,
                _ => {}
            }
        }
        for (_, expr) in self.exprs.iter() {
            if let Expr::Store { local, .. } = expr.kind {
                assignments.entry(local).or_insert((0, None)).0 += 2;
            }
        }
        assignments
            .into_iter()
            .filter(|(local, (count, _))| *count == 1 && self.locals[*local].kind == LocalKind::Variable)
            .filter_map(|(local, (_, value))| value.map(|value| (local, value)))
            .collect()
    }

    /// The local named `name`, if the body has one (temporaries start with `$`).
    pub fn local_by_name(&self, name: &str) -> Option<LocalId> {
        self.locals.iter().find(|(_, local)| local.name == name).map(|(id, _)| id)
    }

    /// The expression with exactly this range, preferring the outermost (last allocated).
    pub fn expr_at(&self, range: TextRange) -> Option<ExprId> {
        self.exprs.iter().rev().find(|(_, data)| data.range == range).map(|(id, _)| id)
    }

    /// Every statement of the body, blocks in pre-order, without recursion.
    pub fn all_stmts(&self) -> Vec<StmtId> {
        let mut order = Vec::with_capacity(self.stmts.len());
        let mut stack: Vec<StmtId> = self.block.iter().rev().copied().collect();
        while let Some(stmt) = stack.pop() {
            order.push(stmt);
            let push_block = |stack: &mut Vec<StmtId>, block: &Block| stack.extend(block.iter().rev());
            match &self.stmts[stmt].kind {
                Stmt::If { then, otherwise, .. } => {
                    push_block(&mut stack, otherwise);
                    push_block(&mut stack, then);
                }
                Stmt::While { body, otherwise, .. } | Stmt::For { body, otherwise, .. } => {
                    push_block(&mut stack, otherwise);
                    push_block(&mut stack, body);
                }
                Stmt::Try { body, handlers, otherwise, finally } => {
                    push_block(&mut stack, finally);
                    push_block(&mut stack, otherwise);
                    for handler in handlers.iter().rev() {
                        push_block(&mut stack, &handler.body);
                    }
                    push_block(&mut stack, body);
                }
                _ => {}
            }
        }
        order
    }
}

impl Expr {
    /// The operand expressions, in evaluation order.
    pub fn children(&self) -> Vec<ExprId> {
        match self {
            Expr::Const(_)
            | Expr::ConstArray(_)
            | Expr::Local(_)
            | Expr::Item(_)
            | Expr::Closure(_)
            | Expr::Ellipsis => Vec::new(),
            Expr::SliceItem { lower, upper, step } => {
                lower.iter().chain(upper).chain(step).copied().collect()
            }
            Expr::Binary { lhs, rhs, .. } | Expr::Compare { lhs, rhs, .. } => vec![*lhs, *rhs],
            Expr::Unary { operand, .. } => vec![*operand],
            Expr::If { cond, then, otherwise } => vec![*cond, *then, *otherwise],
            Expr::Store { value, .. } => vec![*value],
            Expr::Tuple(items) => items.clone(),
            Expr::Index { base, index } => vec![*base, *index],
            Expr::Slice { base, lower, upper, step } => {
                std::iter::once(*base).chain(lower.iter().chain(upper).chain(step).copied()).collect()
            }
            Expr::Attribute { base, .. } => vec![*base],
            Expr::Call { callee, args, keywords } => {
                let mut children = Vec::with_capacity(1 + args.len() + keywords.len());
                children.push(*callee);
                children.extend(args);
                children.extend(keywords.iter().map(|keyword| keyword.value));
                children
            }
            Expr::MethodCall { base, args, keywords, .. } => {
                let mut children = vec![*base];
                children.extend(args);
                children.extend(keywords.iter().map(|keyword| keyword.value));
                children
            }
        }
    }
}

/// The positions `items[lower:upper:step]` selects from a sequence of `len` items, with
/// Python's slice semantics (negative bounds count from the end, out-of-range bounds clamp,
/// a negative step walks backwards). `None` when `step` is zero.
pub fn slice_positions(
    len: usize,
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
) -> Option<Vec<usize>> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let clamp = |bound: Option<i64>, default: i64, low: i64, high: i64| match bound {
        None => default,
        Some(value) if value < 0 => value.saturating_add(len).max(low),
        Some(value) => value.min(high),
    };
    let (start, stop) = if step > 0 {
        (clamp(lower, 0, 0, len), clamp(upper, len, 0, len))
    } else {
        (clamp(lower, len - 1, -1, len - 1), clamp(upper, -1, -1, len - 1))
    };
    let mut positions = Vec::new();
    let mut position = start;
    while (step > 0 && position < stop) || (step < 0 && position > stop) {
        positions.push(usize::try_from(position).ok()?);
        position = position.checked_add(step)?;
    }
    Some(positions)
}

impl ForIter {
    /// The expressions the header evaluates, in order.
    pub fn exprs(&self) -> Vec<ExprId> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(iter) = stack.pop() {
            match iter {
                ForIter::Range { start, stop, step, .. } => {
                    out.extend(start.iter().chain(std::iter::once(stop)).chain(step.iter()).copied());
                }
                ForIter::Value(value) => out.push(*value),
                ForIter::Enumerate { inner, start } => {
                    out.push(*start);
                    stack.push(inner);
                }
                ForIter::Zip(items) => stack.extend(items.iter().rev()),
            }
        }
        out
    }
}
