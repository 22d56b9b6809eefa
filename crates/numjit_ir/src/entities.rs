//! The IR's entity references: `u32` newtypes that index the arenas of a [`Function`].
//!
//! Each prints as its text-format spelling (`v12`, `inst7`, `block3`, `region2`, `fn1`),
//! both with `Display` and `Debug`, so messages and test output read like the IR text.
//!
//! [`Function`]: crate::Function

use cranelift_entity::entity_impl;

/// An SSA value: the result of an instruction or the parameter of a block.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(u32);
entity_impl!(Value, "v");

/// An instruction. Its data lives in the [`DataFlowGraph`](crate::DataFlowGraph), its
/// position in the [`Layout`](crate::Layout).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Inst(u32);
entity_impl!(Inst, "inst");

/// A basic block: parameters, then instructions ending in one terminator.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(u32);
entity_impl!(Block, "block");

/// A region: a list of blocks forming a control-flow graph whose first block is the entry.
/// The function body is a region; structured loops (`for`, `parfor`) own one each.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(u32);
entity_impl!(Region, "region");

/// A function this function calls, declared in its preamble (`fn0 = @fib(int64) -> int64`).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncRef(u32);
entity_impl!(FuncRef, "fn");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_print_as_their_text_spelling() {
        assert_eq!(Value::from_u32(12).to_string(), "v12");
        assert_eq!(format!("{:?}", Inst::from_u32(7)), "inst7");
        assert_eq!(Block::from_u32(3).to_string(), "block3");
        assert_eq!(Region::from_u32(2).to_string(), "region2");
        assert_eq!(FuncRef::from_u32(1).to_string(), "fn1");
    }
}
