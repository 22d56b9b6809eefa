//! Python 3.11 abstract syntax tree, modelled on CPython's `ast` module.
//!
//! Node names follow `ast` with the category as prefix (`StmtFor`, `ExprBinOp`), so anyone who
//! knows Python's AST can read this crate. Every node carries the [`TextRange`] of the source it
//! came from; downstream phases use it for diagnostics. Differences from CPython:
//! the `async` forms of `def`/`for`/`with` are an `is_async` flag, `try`/`try*` are one node
//! with `is_star`, and each parameter default sits next to its parameter ([`ArgWithDefault`]).

mod ranged;
pub mod visitor;

pub use ranged::Ranged;
pub use text_size::{TextRange, TextSize};

/// The value of an integer literal. Python integers are unbounded; literals that fit in `u64`
/// (literals are never negative: `-1` is a unary minus) are stored inline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// A literal that fits in 64 unsigned bits.
    Small(u64),
    /// A larger literal, as its decimal digits (no sign, no leading zeros).
    Big(Box<str>),
}

/// A name in the source: a variable, attribute, parameter, imported module (dotted), ...
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Identifier {
    /// The name, NFKC-normalised.
    pub id: Box<str>,
    /// Where the name is written.
    pub range: TextRange,
}

impl Identifier {
    /// A new identifier.
    pub fn new(id: impl Into<Box<str>>, range: TextRange) -> Self {
        Identifier { id: id.into(), range }
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

/// A top-level syntax tree (`ast.mod`).
#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    /// A module: a file's statements.
    Module(ModModule),
    /// A single expression (`eval` mode).
    Expression(ModExpression),
}

/// The statements of a module (`ast.Module`).
#[derive(Clone, Debug, PartialEq)]
pub struct ModModule {
    /// The statements, in order.
    pub body: Vec<Stmt>,
    /// The whole source.
    pub range: TextRange,
}

/// A single expression (`ast.Expression`).
#[derive(Clone, Debug, PartialEq)]
pub struct ModExpression {
    /// The expression.
    pub body: Box<Expr>,
    /// The whole source.
    pub range: TextRange,
}

/// A statement (`ast.stmt`).
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `def` / `async def`.
    FunctionDef(StmtFunctionDef),
    /// `class`.
    ClassDef(StmtClassDef),
    /// `return`.
    Return(StmtReturn),
    /// `del`.
    Delete(StmtDelete),
    /// `a = b = c`.
    Assign(StmtAssign),
    /// `a += b`.
    AugAssign(StmtAugAssign),
    /// `a: int = b`.
    AnnAssign(StmtAnnAssign),
    /// `for` / `async for`.
    For(StmtFor),
    /// `while`.
    While(StmtWhile),
    /// `if` (an `elif` is an `if` inside `orelse`).
    If(StmtIf),
    /// `with` / `async with`.
    With(StmtWith),
    /// `match`.
    Match(StmtMatch),
    /// `raise`.
    Raise(StmtRaise),
    /// `try` / `try` with `except*`.
    Try(StmtTry),
    /// `assert`.
    Assert(StmtAssert),
    /// `import a.b as c`.
    Import(StmtImport),
    /// `from .a import b`.
    ImportFrom(StmtImportFrom),
    /// `global`.
    Global(StmtGlobal),
    /// `nonlocal`.
    Nonlocal(StmtNonlocal),
    /// An expression used as a statement.
    Expr(StmtExpr),
    /// `pass`.
    Pass(StmtPass),
    /// `break`.
    Break(StmtBreak),
    /// `continue`.
    Continue(StmtContinue),
}

/// `[async] def name(args) -> returns: body` (`ast.FunctionDef`, `ast.AsyncFunctionDef`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtFunctionDef {
    /// `async def`.
    pub is_async: bool,
    /// The decorators, outermost first.
    pub decorator_list: Vec<Expr>,
    /// The function's name.
    pub name: Identifier,
    /// The parameters.
    pub args: Box<Arguments>,
    /// The return annotation.
    pub returns: Option<Box<Expr>>,
    /// The body.
    pub body: Vec<Stmt>,
    /// From the first decorator (or `def`/`async`) to the end of the body.
    pub range: TextRange,
}

/// `class name(bases, keywords): body` (`ast.ClassDef`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtClassDef {
    /// The decorators, outermost first.
    pub decorator_list: Vec<Expr>,
    /// The class's name.
    pub name: Identifier,
    /// Positional arguments of the class header.
    pub bases: Box<[Expr]>,
    /// Keyword arguments of the class header (`metaclass=...`, `**kw`).
    pub keywords: Box<[Keyword]>,
    /// The body.
    pub body: Vec<Stmt>,
    /// From the first decorator (or `class`) to the end of the body.
    pub range: TextRange,
}

/// `return value` (`ast.Return`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtReturn {
    /// The returned value, if any.
    pub value: Option<Box<Expr>>,
    /// The statement's range.
    pub range: TextRange,
}

/// `del targets` (`ast.Delete`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtDelete {
    /// The deleted targets, in `Del` context.
    pub targets: Vec<Expr>,
    /// The statement's range.
    pub range: TextRange,
}

/// `t1 = t2 = value` (`ast.Assign`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtAssign {
    /// The targets, left to right, in `Store` context.
    pub targets: Vec<Expr>,
    /// The assigned value.
    pub value: Box<Expr>,
    /// The statement's range.
    pub range: TextRange,
}

/// `target op= value` (`ast.AugAssign`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtAugAssign {
    /// The target, in `Store` context.
    pub target: Box<Expr>,
    /// The operator.
    pub op: Operator,
    /// The right-hand side.
    pub value: Box<Expr>,
    /// The statement's range.
    pub range: TextRange,
}

/// `target: annotation = value` (`ast.AnnAssign`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtAnnAssign {
    /// The target, in `Store` context.
    pub target: Box<Expr>,
    /// The annotation.
    pub annotation: Box<Expr>,
    /// The assigned value, if any.
    pub value: Option<Box<Expr>>,
    /// The target is a plain name, not in parentheses.
    pub simple: bool,
    /// The statement's range.
    pub range: TextRange,
}

/// `[async] for target in iter: body else: orelse` (`ast.For`, `ast.AsyncFor`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtFor {
    /// `async for`.
    pub is_async: bool,
    /// The loop target, in `Store` context.
    pub target: Box<Expr>,
    /// The iterated value.
    pub iter: Box<Expr>,
    /// The loop body.
    pub body: Vec<Stmt>,
    /// The `else` block.
    pub orelse: Vec<Stmt>,
    /// The statement's range.
    pub range: TextRange,
}

/// `while test: body else: orelse` (`ast.While`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtWhile {
    /// The loop condition.
    pub test: Box<Expr>,
    /// The loop body.
    pub body: Vec<Stmt>,
    /// The `else` block.
    pub orelse: Vec<Stmt>,
    /// The statement's range.
    pub range: TextRange,
}

/// `if test: body else: orelse` (`ast.If`); `elif` is an `If` alone in `orelse`.
#[derive(Clone, Debug, PartialEq)]
pub struct StmtIf {
    /// The condition.
    pub test: Box<Expr>,
    /// The block run when the condition holds.
    pub body: Vec<Stmt>,
    /// The `elif`/`else` part.
    pub orelse: Vec<Stmt>,
    /// The statement's range (an `elif`'s starts at `elif`).
    pub range: TextRange,
}

/// `[async] with items: body` (`ast.With`, `ast.AsyncWith`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtWith {
    /// `async with`.
    pub is_async: bool,
    /// The context managers.
    pub items: Vec<WithItem>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The statement's range.
    pub range: TextRange,
}

/// `match subject: cases` (`ast.Match`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtMatch {
    /// The matched value.
    pub subject: Box<Expr>,
    /// The `case` blocks.
    pub cases: Vec<MatchCase>,
    /// The statement's range.
    pub range: TextRange,
}

/// `raise exc from cause` (`ast.Raise`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtRaise {
    /// The raised exception, if any.
    pub exc: Option<Box<Expr>>,
    /// The `from` part.
    pub cause: Option<Box<Expr>>,
    /// The statement's range.
    pub range: TextRange,
}

/// `try: body except...: else: finally:` (`ast.Try`, `ast.TryStar`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtTry {
    /// The protected block.
    pub body: Vec<Stmt>,
    /// The `except` clauses.
    pub handlers: Vec<ExceptHandler>,
    /// The `else` block.
    pub orelse: Vec<Stmt>,
    /// The `finally` block.
    pub finalbody: Vec<Stmt>,
    /// The handlers are `except*` clauses.
    pub is_star: bool,
    /// The statement's range.
    pub range: TextRange,
}

/// `assert test, msg` (`ast.Assert`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtAssert {
    /// The asserted condition.
    pub test: Box<Expr>,
    /// The message, if any.
    pub msg: Option<Box<Expr>>,
    /// The statement's range.
    pub range: TextRange,
}

/// `import a.b as c, d` (`ast.Import`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtImport {
    /// The imported modules.
    pub names: Vec<Alias>,
    /// The statement's range.
    pub range: TextRange,
}

/// `from ..module import names` (`ast.ImportFrom`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtImportFrom {
    /// The (dotted) module name; `None` for `from . import x`.
    pub module: Option<Identifier>,
    /// The imported names (`*` is an alias named `*`).
    pub names: Vec<Alias>,
    /// The number of leading dots.
    pub level: u32,
    /// The statement's range.
    pub range: TextRange,
}

/// `global names` (`ast.Global`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtGlobal {
    /// The declared names.
    pub names: Vec<Identifier>,
    /// The statement's range.
    pub range: TextRange,
}

/// `nonlocal names` (`ast.Nonlocal`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtNonlocal {
    /// The declared names.
    pub names: Vec<Identifier>,
    /// The statement's range.
    pub range: TextRange,
}

/// An expression statement (`ast.Expr`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtExpr {
    /// The evaluated expression.
    pub value: Box<Expr>,
    /// The statement's range.
    pub range: TextRange,
}

/// `pass` (`ast.Pass`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtPass {
    /// The statement's range.
    pub range: TextRange,
}

/// `break` (`ast.Break`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtBreak {
    /// The statement's range.
    pub range: TextRange,
}

/// `continue` (`ast.Continue`).
#[derive(Clone, Debug, PartialEq)]
pub struct StmtContinue {
    /// The statement's range.
    pub range: TextRange,
}

/// An expression (`ast.expr`).
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// `a and b`, `a or b`.
    BoolOp(ExprBoolOp),
    /// `name := value`.
    NamedExpr(ExprNamedExpr),
    /// `a + b` and the other binary operators.
    BinOp(ExprBinOp),
    /// `-a`, `not a`, ...
    UnaryOp(ExprUnaryOp),
    /// `lambda args: body`.
    Lambda(ExprLambda),
    /// `body if test else orelse`.
    IfExp(ExprIfExp),
    /// `{k: v, **m}`.
    Dict(ExprDict),
    /// `{a, *b}`.
    Set(ExprSet),
    /// `[elt for ...]`.
    ListComp(ExprListComp),
    /// `{elt for ...}`.
    SetComp(ExprSetComp),
    /// `{k: v for ...}`.
    DictComp(ExprDictComp),
    /// `(elt for ...)`.
    GeneratorExp(ExprGeneratorExp),
    /// `await value`.
    Await(ExprAwait),
    /// `yield value`.
    Yield(ExprYield),
    /// `yield from value`.
    YieldFrom(ExprYieldFrom),
    /// `a < b <= c`.
    Compare(ExprCompare),
    /// `func(args, keywords)`.
    Call(ExprCall),
    /// One replacement field of an f-string.
    FormattedValue(ExprFormattedValue),
    /// An f-string (possibly implicitly concatenated with other strings).
    JoinedStr(ExprJoinedStr),
    /// A literal.
    Constant(ExprConstant),
    /// `value.attr`.
    Attribute(ExprAttribute),
    /// `value[slice]`.
    Subscript(ExprSubscript),
    /// `*value`.
    Starred(ExprStarred),
    /// A variable.
    Name(ExprName),
    /// `[a, b]`.
    List(ExprList),
    /// `(a, b)` or `a, b`.
    Tuple(ExprTuple),
    /// `lower:upper:step` inside a subscript.
    Slice(ExprSlice),
}

/// Whether an expression is read, assigned or deleted (`ast.expr_context`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExprContext {
    /// Read.
    Load,
    /// Assigned to.
    Store,
    /// Deleted.
    Del,
}

/// `and` / `or` (`ast.boolop`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// A binary operator (`ast.operator`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

impl Operator {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Sub => "-",
            Operator::Mult => "*",
            Operator::MatMult => "@",
            Operator::Div => "/",
            Operator::Mod => "%",
            Operator::Pow => "**",
            Operator::LShift => "<<",
            Operator::RShift => ">>",
            Operator::BitOr => "|",
            Operator::BitXor => "^",
            Operator::BitAnd => "&",
            Operator::FloorDiv => "//",
        }
    }
}

/// A unary operator (`ast.unaryop`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

/// A comparison operator (`ast.cmpop`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as written in source.
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

/// `a and b and c` (`ast.BoolOp`): one node for a chain of the same operator.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprBoolOp {
    /// The operator.
    pub op: BoolOp,
    /// The operands (at least two).
    pub values: Vec<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `target := value` (`ast.NamedExpr`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprNamedExpr {
    /// The assigned name, in `Store` context.
    pub target: Box<Expr>,
    /// The value.
    pub value: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `left op right` (`ast.BinOp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprBinOp {
    /// The left operand.
    pub left: Box<Expr>,
    /// The operator.
    pub op: Operator,
    /// The right operand.
    pub right: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `op operand` (`ast.UnaryOp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprUnaryOp {
    /// The operator.
    pub op: UnaryOp,
    /// The operand.
    pub operand: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `lambda args: body` (`ast.Lambda`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprLambda {
    /// The parameters (never annotated).
    pub args: Box<Arguments>,
    /// The body.
    pub body: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `body if test else orelse` (`ast.IfExp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprIfExp {
    /// The condition.
    pub test: Box<Expr>,
    /// The value when the condition holds.
    pub body: Box<Expr>,
    /// The value otherwise.
    pub orelse: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `{k: v, **m}` (`ast.Dict`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprDict {
    /// The keys; `None` for a `**mapping` entry.
    pub keys: Vec<Option<Expr>>,
    /// The values (the mapping for `**` entries).
    pub values: Vec<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `{a, b}` (`ast.Set`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprSet {
    /// The elements.
    pub elts: Vec<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `[elt for ...]` (`ast.ListComp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprListComp {
    /// The element expression.
    pub elt: Box<Expr>,
    /// The `for`/`if` clauses.
    pub generators: Vec<Comprehension>,
    /// The expression's range.
    pub range: TextRange,
}

/// `{elt for ...}` (`ast.SetComp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprSetComp {
    /// The element expression.
    pub elt: Box<Expr>,
    /// The `for`/`if` clauses.
    pub generators: Vec<Comprehension>,
    /// The expression's range.
    pub range: TextRange,
}

/// `{key: value for ...}` (`ast.DictComp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprDictComp {
    /// The key expression.
    pub key: Box<Expr>,
    /// The value expression.
    pub value: Box<Expr>,
    /// The `for`/`if` clauses.
    pub generators: Vec<Comprehension>,
    /// The expression's range.
    pub range: TextRange,
}

/// `(elt for ...)` (`ast.GeneratorExp`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprGeneratorExp {
    /// The element expression.
    pub elt: Box<Expr>,
    /// The `for`/`if` clauses.
    pub generators: Vec<Comprehension>,
    /// The expression's range (with its parentheses).
    pub range: TextRange,
}

/// `await value` (`ast.Await`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprAwait {
    /// The awaited value.
    pub value: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `yield value` (`ast.Yield`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprYield {
    /// The yielded value, if any.
    pub value: Option<Box<Expr>>,
    /// The expression's range.
    pub range: TextRange,
}

/// `yield from value` (`ast.YieldFrom`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprYieldFrom {
    /// The delegated-to iterable.
    pub value: Box<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// `left op1 c1 op2 c2` (`ast.Compare`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprCompare {
    /// The leftmost operand.
    pub left: Box<Expr>,
    /// The operators, one per comparator.
    pub ops: Box<[CmpOp]>,
    /// The right operands.
    pub comparators: Box<[Expr]>,
    /// The expression's range.
    pub range: TextRange,
}

/// `func(args, keywords)` (`ast.Call`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprCall {
    /// The called expression.
    pub func: Box<Expr>,
    /// Positional arguments (`*x` is a `Starred`).
    pub args: Box<[Expr]>,
    /// Keyword arguments (`**x` has no `arg`).
    pub keywords: Box<[Keyword]>,
    /// The expression's range.
    pub range: TextRange,
}

/// How an f-string replacement field converts its value (`!s`, `!r`, `!a`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConversionFlag {
    /// No conversion (CPython's `-1`).
    None,
    /// `!s`
    Str,
    /// `!r`
    Repr,
    /// `!a`
    Ascii,
}

/// `{value!conversion:format_spec}` in an f-string (`ast.FormattedValue`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprFormattedValue {
    /// The formatted expression.
    pub value: Box<Expr>,
    /// The conversion.
    pub conversion: ConversionFlag,
    /// The format spec, a `JoinedStr`.
    pub format_spec: Option<Box<Expr>>,
    /// The range of the replacement field.
    pub range: TextRange,
}

/// An f-string (`ast.JoinedStr`): constant and formatted parts.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprJoinedStr {
    /// `Constant` strings and `FormattedValue`s, with adjacent constants merged.
    pub values: Vec<Expr>,
    /// The expression's range.
    pub range: TextRange,
}

/// The value of a literal (`ast.Constant.value`).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`
    None,
    /// `True`/`False`
    Bool(bool),
    /// A string. Lone surrogates (`"\ud800"`) cannot live in a Rust string and are U+FFFD.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An integer.
    Int(Int),
    /// A float.
    Float(f64),
    /// A complex number (literals only ever have `real == 0.0`).
    Complex {
        /// The real part.
        real: f64,
        /// The imaginary part.
        imag: f64,
    },
    /// `...`
    Ellipsis,
}

/// A literal (`ast.Constant`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprConstant {
    /// The value.
    pub value: Constant,
    /// The expression's range.
    pub range: TextRange,
}

/// `value.attr` (`ast.Attribute`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprAttribute {
    /// The object.
    pub value: Box<Expr>,
    /// The attribute's name.
    pub attr: Identifier,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range.
    pub range: TextRange,
}

/// `value[slice]` (`ast.Subscript`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprSubscript {
    /// The subscripted object.
    pub value: Box<Expr>,
    /// The index: an expression, a `Slice`, or a `Tuple` of them.
    pub slice: Box<Expr>,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range.
    pub range: TextRange,
}

/// `*value` (`ast.Starred`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprStarred {
    /// The unpacked value.
    pub value: Box<Expr>,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range.
    pub range: TextRange,
}

/// A variable (`ast.Name`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprName {
    /// The name.
    pub id: Box<str>,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range.
    pub range: TextRange,
}

/// `[a, b]` (`ast.List`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprList {
    /// The elements.
    pub elts: Vec<Expr>,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range.
    pub range: TextRange,
}

/// `(a, b)` (`ast.Tuple`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprTuple {
    /// The elements.
    pub elts: Vec<Expr>,
    /// Load, store or delete.
    pub ctx: ExprContext,
    /// The expression's range (with its parentheses, if any).
    pub range: TextRange,
}

/// `lower:upper:step` (`ast.Slice`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExprSlice {
    /// The start.
    pub lower: Option<Box<Expr>>,
    /// The end.
    pub upper: Option<Box<Expr>>,
    /// The step.
    pub step: Option<Box<Expr>>,
    /// The expression's range.
    pub range: TextRange,
}

/// `for target in iter if ifs` inside a comprehension (`ast.comprehension`).
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target, in `Store` context.
    pub target: Expr,
    /// The iterated value.
    pub iter: Expr,
    /// The `if` conditions.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
    /// From `for` (or `async`) to the end of the last condition.
    pub range: TextRange,
}

/// `except type as name: body` (`ast.ExceptHandler`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The caught exception type(s).
    pub type_: Option<Box<Expr>>,
    /// The bound name.
    pub name: Option<Identifier>,
    /// The handler's body.
    pub body: Vec<Stmt>,
    /// The clause's range.
    pub range: TextRange,
}

/// The parameters of a function or lambda (`ast.arguments`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonlyargs: Vec<ArgWithDefault>,
    /// Ordinary parameters.
    pub args: Vec<ArgWithDefault>,
    /// `*args`.
    pub vararg: Option<Box<Arg>>,
    /// Parameters after `*` or `*args`.
    pub kwonlyargs: Vec<ArgWithDefault>,
    /// `**kwargs`.
    pub kwarg: Option<Box<Arg>>,
    /// From the first to the last parameter (empty at the `(` if there are none).
    pub range: TextRange,
}

impl Arguments {
    /// An empty parameter list at `range`.
    pub fn empty(range: TextRange) -> Self {
        Arguments {
            posonlyargs: Vec::new(),
            args: Vec::new(),
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: None,
            range,
        }
    }
}

/// One parameter (`ast.arg`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// The parameter's name.
    pub arg: Identifier,
    /// Its annotation.
    pub annotation: Option<Box<Expr>>,
    /// The name and annotation.
    pub range: TextRange,
}

/// A parameter with its default value (CPython keeps defaults in separate lists).
#[derive(Clone, Debug, PartialEq)]
pub struct ArgWithDefault {
    /// The parameter.
    pub def: Arg,
    /// Its default value.
    pub default: Option<Box<Expr>>,
    /// The parameter and its default.
    pub range: TextRange,
}

/// `arg=value` or `**value` in a call or class header (`ast.keyword`).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword; `None` for `**value`.
    pub arg: Option<Identifier>,
    /// The value.
    pub value: Expr,
    /// The argument's range.
    pub range: TextRange,
}

/// `name as asname` in an import (`ast.alias`).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The imported name, dotted for `import a.b`.
    pub name: Identifier,
    /// The `as` name.
    pub asname: Option<Identifier>,
    /// The alias's range.
    pub range: TextRange,
}

/// `context_expr as optional_vars` in a `with` (`ast.withitem`).
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager.
    pub context_expr: Expr,
    /// The `as` target, in `Store` context.
    pub optional_vars: Option<Box<Expr>>,
    /// The item's range.
    pub range: TextRange,
}

/// `case pattern if guard: body` (`ast.match_case`).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// The guard.
    pub guard: Option<Box<Expr>>,
    /// The body.
    pub body: Vec<Stmt>,
    /// From `case` to the end of the body.
    pub range: TextRange,
}

/// A pattern of a `case` (`ast.pattern`).
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// A literal or dotted value.
    MatchValue(PatternMatchValue),
    /// `None`, `True` or `False`.
    MatchSingleton(PatternMatchSingleton),
    /// `[a, b, *rest]` / `(a, b)` / `a, b`.
    MatchSequence(PatternMatchSequence),
    /// `{key: pattern, **rest}`.
    MatchMapping(PatternMatchMapping),
    /// `Cls(pattern, attr=pattern)`.
    MatchClass(PatternMatchClass),
    /// `*name` inside a sequence pattern.
    MatchStar(PatternMatchStar),
    /// `pattern as name`, a capture `name` or the wildcard `_`.
    MatchAs(PatternMatchAs),
    /// `p1 | p2`.
    MatchOr(PatternMatchOr),
}

/// A value pattern (`ast.MatchValue`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchValue {
    /// The compared value.
    pub value: Box<Expr>,
    /// The pattern's range.
    pub range: TextRange,
}

/// A singleton pattern (`ast.MatchSingleton`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchSingleton {
    /// `None`, `True` or `False`.
    pub value: Constant,
    /// The pattern's range.
    pub range: TextRange,
}

/// A sequence pattern (`ast.MatchSequence`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchSequence {
    /// The element patterns.
    pub patterns: Vec<Pattern>,
    /// The pattern's range.
    pub range: TextRange,
}

/// A mapping pattern (`ast.MatchMapping`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchMapping {
    /// The keys (literals or value patterns).
    pub keys: Vec<Expr>,
    /// The value patterns.
    pub patterns: Vec<Pattern>,
    /// `**rest`.
    pub rest: Option<Identifier>,
    /// The pattern's range.
    pub range: TextRange,
}

/// A class pattern (`ast.MatchClass`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchClass {
    /// The class (a name or dotted name).
    pub cls: Box<Expr>,
    /// Positional sub-patterns.
    pub patterns: Vec<Pattern>,
    /// Keyword names.
    pub kwd_attrs: Vec<Identifier>,
    /// Keyword sub-patterns.
    pub kwd_patterns: Vec<Pattern>,
    /// The pattern's range.
    pub range: TextRange,
}

/// A star pattern (`ast.MatchStar`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchStar {
    /// The bound name; `None` for `*_`.
    pub name: Option<Identifier>,
    /// The pattern's range.
    pub range: TextRange,
}

/// A capture or `as` pattern (`ast.MatchAs`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchAs {
    /// The sub-pattern of `pattern as name`.
    pub pattern: Option<Box<Pattern>>,
    /// The bound name; `None` for the wildcard `_`.
    pub name: Option<Identifier>,
    /// The pattern's range.
    pub range: TextRange,
}

/// An or-pattern (`ast.MatchOr`).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternMatchOr {
    /// The alternatives (at least two).
    pub patterns: Vec<Pattern>,
    /// The pattern's range.
    pub range: TextRange,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_stay_small() {
        assert_eq!(size_of::<Expr>(), 56);
        assert_eq!(size_of::<Stmt>(), 120);
        assert_eq!(size_of::<Pattern>(), 88);
    }
}
