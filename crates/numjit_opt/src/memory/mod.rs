//! Memory passes: what lowering's refcounting leaves redundant.

pub mod prune_refcounts;
