//! The [`Ranged`] trait: every node knows the source range it came from.

use text_size::TextRange;

use crate::*;

/// A syntax node with a source range.
pub trait Ranged {
    /// The node's range in the source text.
    fn range(&self) -> TextRange;
}

impl<T: Ranged> Ranged for Box<T> {
    fn range(&self) -> TextRange {
        (**self).range()
    }
}

impl<T: Ranged> Ranged for &T {
    fn range(&self) -> TextRange {
        (**self).range()
    }
}

macro_rules! impl_ranged_struct {
    ($($node:ty),* $(,)?) => {
        $(impl Ranged for $node {
            fn range(&self) -> TextRange {
                self.range
            }
        })*
    };
}

macro_rules! impl_ranged_enum {
    ($enum:ident { $($variant:ident),* $(,)? }) => {
        impl Ranged for $enum {
            fn range(&self) -> TextRange {
                match self {
                    $($enum::$variant(node) => node.range,)*
                }
            }
        }
    };
}

impl_ranged_struct!(
    Identifier,
    ModModule,
    ModExpression,
    StmtFunctionDef,
    StmtClassDef,
    StmtReturn,
    StmtDelete,
    StmtAssign,
    StmtAugAssign,
    StmtAnnAssign,
    StmtFor,
    StmtWhile,
    StmtIf,
    StmtWith,
    StmtMatch,
    StmtRaise,
    StmtTry,
    StmtAssert,
    StmtImport,
    StmtImportFrom,
    StmtGlobal,
    StmtNonlocal,
    StmtExpr,
    StmtPass,
    StmtBreak,
    StmtContinue,
    ExprBoolOp,
    ExprNamedExpr,
    ExprBinOp,
    ExprUnaryOp,
    ExprLambda,
    ExprIfExp,
    ExprDict,
    ExprSet,
    ExprListComp,
    ExprSetComp,
    ExprDictComp,
    ExprGeneratorExp,
    ExprAwait,
    ExprYield,
    ExprYieldFrom,
    ExprCompare,
    ExprCall,
    ExprFormattedValue,
    ExprJoinedStr,
    ExprConstant,
    ExprAttribute,
    ExprSubscript,
    ExprStarred,
    ExprName,
    ExprList,
    ExprTuple,
    ExprSlice,
    Comprehension,
    ExceptHandler,
    Arguments,
    Arg,
    ArgWithDefault,
    Keyword,
    Alias,
    WithItem,
    MatchCase,
    PatternMatchValue,
    PatternMatchSingleton,
    PatternMatchSequence,
    PatternMatchMapping,
    PatternMatchClass,
    PatternMatchStar,
    PatternMatchAs,
    PatternMatchOr,
);

impl_ranged_enum!(Mod { Module, Expression });

impl_ranged_enum!(Stmt {
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    Match,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
});

impl_ranged_enum!(Expr {
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
});

impl_ranged_enum!(Pattern {
    MatchValue,
    MatchSingleton,
    MatchSequence,
    MatchMapping,
    MatchClass,
    MatchStar,
    MatchAs,
    MatchOr,
});

impl Expr {
    /// A mutable reference to the node's range.
    pub fn range_mut(&mut self) -> &mut TextRange {
        match self {
            Expr::BoolOp(node) => &mut node.range,
            Expr::NamedExpr(node) => &mut node.range,
            Expr::BinOp(node) => &mut node.range,
            Expr::UnaryOp(node) => &mut node.range,
            Expr::Lambda(node) => &mut node.range,
            Expr::IfExp(node) => &mut node.range,
            Expr::Dict(node) => &mut node.range,
            Expr::Set(node) => &mut node.range,
            Expr::ListComp(node) => &mut node.range,
            Expr::SetComp(node) => &mut node.range,
            Expr::DictComp(node) => &mut node.range,
            Expr::GeneratorExp(node) => &mut node.range,
            Expr::Await(node) => &mut node.range,
            Expr::Yield(node) => &mut node.range,
            Expr::YieldFrom(node) => &mut node.range,
            Expr::Compare(node) => &mut node.range,
            Expr::Call(node) => &mut node.range,
            Expr::FormattedValue(node) => &mut node.range,
            Expr::JoinedStr(node) => &mut node.range,
            Expr::Constant(node) => &mut node.range,
            Expr::Attribute(node) => &mut node.range,
            Expr::Subscript(node) => &mut node.range,
            Expr::Starred(node) => &mut node.range,
            Expr::Name(node) => &mut node.range,
            Expr::List(node) => &mut node.range,
            Expr::Tuple(node) => &mut node.range,
            Expr::Slice(node) => &mut node.range,
        }
    }
}
