//! Cleanup passes: the function-local simplifications every pipeline runs before and after
//! the passes that restructure code.

pub mod eliminate_dead_code;
pub mod fold_constants;
pub mod simplify_cfg;
