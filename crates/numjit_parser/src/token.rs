//! The tokens the lexer hands to the grammar, and the lexer's error type.
//!
//! This file is the contract between `lexer` (which produces `(TextSize, Tok, TextSize)`
//! triples) and the LALRPOP grammar (which consumes them). Comments and non-logical newlines
//! never reach the grammar, and there is no end-of-file token: the input ends when the
//! lexer's iterator does (after the final NEWLINE and DEDENTs).

use numjit_ast::Int;
use text_size::{TextRange, TextSize};

/// One token. Keywords and operators are unit variants; literals carry their value.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier, NFKC-normalised as Python does.
    Name {
        name: Box<str>,
    },
    /// An integer literal in any base (underscores removed).
    Int {
        value: Int,
    },
    /// A float literal.
    Float {
        value: f64,
    },
    /// An imaginary literal (`1j`, `2.5e3J`): the value of its imaginary part.
    Complex {
        imag: f64,
    },
    /// One string literal as written, without prefix and quotes; escapes are *not* decoded
    /// (that happens in `string.rs`, which also joins implicit concatenations and parses
    /// f-strings). `value` is the source text between the quotes.
    String {
        value: Box<str>,
        kind: StringKind,
        triple_quoted: bool,
    },

    /// End of a logical line.
    Newline,
    Indent,
    Dedent,

    // Soft keywords: the lexer emits these only where a `match`/`case` statement starts.
    Match,
    Case,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Operators and delimiters.
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Rarrow,
    At,
    AtEqual,
    Plus,
    PlusEqual,
    Minus,
    MinusEqual,
    Star,
    StarEqual,
    DoubleStar,
    DoubleStarEqual,
    Slash,
    SlashEqual,
    DoubleSlash,
    DoubleSlashEqual,
    Percent,
    PercentEqual,
    Vbar,
    VbarEqual,
    Amper,
    AmperEqual,
    CircumFlex,
    CircumflexEqual,
    Tilde,
    LeftShift,
    LeftShiftEqual,
    RightShift,
    RightShiftEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    EqEqual,
    NotEqual,
    ColonEqual,
}

impl Tok {
    /// Whether an operand (an atom or a closing bracket) can end with this token; the parser's
    /// nesting bound and its error recovery both ask this of the token before an operator.
    pub fn ends_operand(&self) -> bool {
        matches!(
            self,
            Tok::Name { .. }
                | Tok::Int { .. }
                | Tok::Float { .. }
                | Tok::Complex { .. }
                | Tok::String { .. }
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
                | Tok::Rpar
                | Tok::Rsqb
                | Tok::Rbrace
        )
    }
}

/// The prefix family of a string literal (case of the prefix letters does not matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StringKind {
    /// No prefix, or `u`.
    String,
    /// `f`
    FString,
    /// `b`
    Bytes,
    /// `r`
    RawString,
    /// `rf` / `fr`
    RawFString,
    /// `rb` / `br`
    RawBytes,
}

impl StringKind {
    pub fn is_raw(self) -> bool {
        matches!(self, StringKind::RawString | StringKind::RawFString | StringKind::RawBytes)
    }
    pub fn is_fstring(self) -> bool {
        matches!(self, StringKind::FString | StringKind::RawFString)
    }
    pub fn is_bytes(self) -> bool {
        matches!(self, StringKind::Bytes | StringKind::RawBytes)
    }
}

/// A token with its start and end offsets, as LALRPOP expects from an external lexer.
pub type Spanned = (TextSize, Tok, TextSize);

/// An error found while tokenizing.
#[derive(Clone, Debug, PartialEq)]
pub struct LexicalError {
    pub kind: LexicalErrorKind,
    pub range: TextRange,
}

/// What went wrong while tokenizing. The messages read like CPython's.
#[derive(Clone, Debug, PartialEq)]
pub enum LexicalErrorKind {
    /// `unterminated string literal` / `unterminated triple-quoted string literal`.
    UnterminatedString { triple_quoted: bool },
    /// `invalid character '€' (U+20AC)`.
    InvalidCharacter(char),
    /// `invalid decimal literal`, `invalid hexadecimal literal`, leading zeros, bad `_`...
    InvalidNumber(&'static str),
    /// `unindent does not match any outer indentation level`.
    InconsistentDedent,
    /// `inconsistent use of tabs and spaces in indentation`.
    TabError,
    /// `unexpected indent`.
    UnexpectedIndent,
    /// `unmatched ')'`.
    UnmatchedBracket(char),
    /// `closing parenthesis ']' does not match opening parenthesis '('`.
    MismatchedBracket { open: char, close: char },
    /// `'(' was never closed`.
    UnclosedBracket(char),
    /// `unexpected character after line continuation character`.
    LineContinuation,
    /// `unexpected EOF while parsing` after a trailing backslash.
    EofAfterContinuation,
    /// Any other lexical problem, with its message.
    Other(Box<str>),
}
