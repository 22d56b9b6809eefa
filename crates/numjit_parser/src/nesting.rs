//! A bound on how deeply the syntax tree of a token stream can nest, checked before parsing.
//!
//! The LR parser itself is iterative, but the tree it builds is recursive, and so are its
//! `Drop`, `Debug`, visitors and every later pass. Brackets (at most 200 deep) and blocks (at
//! most 100) are limited by the lexer, like CPython's tokenizer; chains of operators and
//! trailers (`1+1+...`, `-----x`, `a.b.c...`, `f()()()`) are limited here. CPython's parser
//! gives up at a depth of about 3,000 ("maximum recursion depth exceeded during ast
//! construction"); we accept 6,000, so that 5,000 chained additions compile (issue 4), and
//! stop there. Such a tree still drops on a 2 MiB thread stack (about 20,000 levels fit);
//! printing it with `{:?}` or walking it with a recursive visitor takes about 0.7 KiB of stack
//! per level in a debug build, which the 8 MiB main thread has room for — code that walks
//! arbitrary user trees on a small thread must use a worklist or a bigger stack.
//! The deepest expression in CPython's standard library and its site-packages nests 569 levels.
//!
//! The bound is computed per bracket level and per operand (between `,`, `;`, `=`, NEWLINE):
//! for each precedence tier, the longest run of its operators not interrupted by an operator
//! of a looser tier (a path from the root of an expression to a leaf crosses at most that many
//! nodes of the tier), plus one per other keyword or operator, plus the deepest bracket inside.
//! Comparisons and `and`/`or` are not counted: their chains are flat in the tree, and the few
//! levels they add per counted token stay below what a 2 MiB stack can drop (about 20,000).

use text_size::TextRange;

use crate::error::{ParseError, ParseErrorKind};
use crate::token::{Spanned, Tok};

/// The largest nesting bound accepted.
pub(crate) const MAX_DEPTH: usize = 6000;

/// Binary and unary operator tiers, loosest first; trailers (`.`, calls, subscripts) last.
const N_TIERS: usize = 10;

#[derive(Clone, Copy, Default)]
struct Level {
    /// The bound contributed by the enclosing levels.
    outer: usize,
    /// Tokens that nest without a tier (`lambda`, `if`, `not`, `:`, `*`, ...).
    other: usize,
    /// The current run of operators of each tier.
    runs: [usize; N_TIERS],
    /// The longest finished run of each tier.
    longest: [usize; N_TIERS],
    /// The largest bound of a bracket closed in this operand.
    deepest_child: usize,
}

impl Level {
    fn bound(&self) -> usize {
        let tiers: usize = self.runs.iter().zip(&self.longest).map(|(run, longest)| *run.max(longest)).sum();
        self.other + tiers + self.deepest_child
    }

    fn operator(&mut self, tier: usize) {
        for tighter in tier + 1..N_TIERS {
            let run = std::mem::take(&mut self.runs[tighter]);
            self.longest[tighter] = self.longest[tighter].max(run);
        }
        if let Some(run) = self.runs.get_mut(tier) {
            *run += 1;
        }
    }
}

/// The tier of a binary operator or trailer token (`after_operand`: the previous token ends
/// an operand, so `-` is binary and `(` a call).
fn tier(tok: &Tok, after_operand: bool) -> Option<usize> {
    Some(match tok {
        Tok::Vbar => 0,
        Tok::CircumFlex => 1,
        Tok::Amper => 2,
        Tok::LeftShift | Tok::RightShift => 3,
        Tok::Plus | Tok::Minus if after_operand => 4,
        Tok::Star | Tok::Slash | Tok::DoubleSlash | Tok::Percent | Tok::At if after_operand => 5,
        Tok::Plus | Tok::Minus | Tok::Tilde => 6,
        Tok::DoubleStar if after_operand => 7,
        Tok::Await => 8,
        Tok::Dot | Tok::Lpar | Tok::Lsqb if after_operand => 9,
        _ => return None,
    })
}

/// Refuses token streams whose tree could nest deeper than [`MAX_DEPTH`].
pub(crate) fn check(tokens: &[Spanned]) -> Result<(), ParseError> {
    let mut levels: Vec<Level> = vec![Level::default()];
    let mut previous: Option<&Tok> = None;
    for (start, tok, end) in tokens {
        let after_operand = previous.is_some_and(Tok::ends_operand);
        previous = Some(tok);
        let Some(level) = levels.last_mut() else { return Ok(()) };
        if let Some(tier) = tier(tok, after_operand) {
            level.operator(tier);
        }
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                if !after_operand {
                    level.other += 1;
                }
                let outer = level.outer + level.bound() + 1;
                levels.push(Level { outer, ..Level::default() });
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                let closed = levels.pop().unwrap_or_default();
                match levels.last_mut() {
                    Some(parent) => parent.deepest_child = parent.deepest_child.max(closed.bound() + 1),
                    None => levels.push(Level::default()),
                }
            }
            Tok::Comma | Tok::Semi | Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Equal => {
                *level = Level { outer: level.outer, ..Level::default() };
            }
            Tok::Name { .. }
            | Tok::Int { .. }
            | Tok::Float { .. }
            | Tok::Complex { .. }
            | Tok::String { .. }
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::And
            | Tok::Or
            | Tok::In
            | Tok::Is
            | Tok::Less
            | Tok::LessEqual
            | Tok::Greater
            | Tok::GreaterEqual
            | Tok::EqEqual
            | Tok::NotEqual => {}
            _ if tier(tok, after_operand).is_some() => {}
            _ => level.other += 1,
        }
        let depth = levels.last().map_or(0, |level| level.outer + level.bound() + 1);
        if depth > MAX_DEPTH {
            return Err(ParseError::new(ParseErrorKind::TooDeeplyNested, TextRange::new(*start, *end)));
        }
    }
    Ok(())
}
