//! Lowering of the NumPy library functions of `numjit_sema::templates::library`
//! (`np.where`, `np.cumsum`, `np.sort`, ...), as functions and as array methods.

use numjit_ir::Value;
use numjit_sema::hir::{ExprId, KeywordArg};
use numjit_sema::templates::library::LibraryFn;
use numjit_types::ArrayType;

use crate::function::{Lowerer, Operand};

impl<'a> Lowerer<'a> {
    /// `np.NAME(...)` for a library function (sema checked the arguments).
    pub(crate) fn call_library(
        &mut self,
        expr: ExprId,
        function: LibraryFn,
        positional: &[ExprId],
        keywords: &[KeywordArg],
        operands: &[Operand],
    ) -> Operand {
        let _ = (positional, keywords, operands);
        let range = self.body.exprs[expr].range;
        self.unsupported(&format!("numpy.{}()", function.name()), range);
        Operand::Static
    }

    /// `a.NAME(...)` for a library method; `None` when `method` is not one.
    pub(crate) fn library_method(
        &mut self,
        expr: ExprId,
        array: Value,
        array_type: &ArrayType,
        method: &str,
        arg_exprs: &[ExprId],
        args: &[Operand],
    ) -> Option<Operand> {
        let _ = (expr, array, array_type, method, arg_exprs, args);
        None
    }
}
