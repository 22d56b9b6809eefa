//! Expressions: evaluation with an explicit work stack (so `1 + 1 + … + 1` five thousand
//! long, or a long `and` chain, never deepens the native stack), conversions between
//! Python types, truth testing, operators and comparisons, tuple indexing and attributes.
//!
//! Operands convert to the types sema's [`numjit_sema::Resolution`] chose before each
//! operation; integer arithmetic wraps; `//` and `%` follow Python's signs; the checks
//! Python makes (division by zero under `error_model='python'`, negative shift counts,
//! `0 ** -1`) raise with CPython's messages. `int ** negative int` follows Numba (an
//! integer: 0, or ±1 for a base of ±1), where CPython would return a float.

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Opcode, Value};
use numjit_sema::hir::{BinaryOp, CmpOp, DefSite, Expr, ExprId, UnaryOp};
use numjit_sema::{ConstValue, Ty};
use numjit_types::{ScalarType, Type};

use crate::ErrorModel;
use crate::function::{Lowerer, Operand, ReadKey};
use crate::messages;
use crate::types::scalar_const;

/// Comparisons and tuples nest at most this deep in types.
const MAX_DEPTH: u32 = 256;

/// A step of expression evaluation.
enum Task {
    /// Evaluate an expression (pushes its operand).
    Eval(ExprId),
    /// The expression's children are on the value stack (this many).
    Finish(ExprId, usize),
    /// The condition of a conditional expression is on the stack.
    IfCond(ExprId),
    /// The `then` value is on the stack; `temps` is how many array temporaries were
    /// pending before the branch.
    IfThen { expr: ExprId, else_block: numjit_ir::Block, join: numjit_ir::Block, temps: usize },
    /// The `else` value is on the stack.
    IfElse { expr: ExprId, join: numjit_ir::Block, temps: usize },
}

impl<'a> Lowerer<'a> {
    /// Evaluates an expression at the current position.
    pub(crate) fn eval(&mut self, root: ExprId) -> Operand {
        let body = self.body;
        let mut tasks = vec![Task::Eval(root)];
        let mut values: Vec<Operand> = Vec::new();
        while let Some(task) = tasks.pop() {
            match task {
                Task::Eval(expr) if self.is_elementwise_array(expr) => {
                    let operand = self.eval_elementwise(expr);
                    values.push(operand);
                }
                Task::Eval(expr) if self.reduction_of(expr).is_some() => {
                    let operand = self.eval_reduction(expr);
                    values.push(operand);
                }
                Task::Eval(expr) => match &body.exprs[expr].kind {
                    Expr::Const(_) | Expr::Local(_) | Expr::Item(_) | Expr::Closure(_) => {
                        let operand = self.leaf(expr);
                        values.push(operand);
                    }
                    Expr::If { cond, .. } => {
                        tasks.push(Task::IfCond(expr));
                        tasks.push(Task::Eval(*cond));
                    }
                    kind => {
                        let children = kind.children();
                        tasks.push(Task::Finish(expr, children.len()));
                        tasks.extend(children.into_iter().rev().map(Task::Eval));
                    }
                },
                Task::Finish(expr, n_children) => {
                    let args = values.split_off(values.len().saturating_sub(n_children));
                    let operand = self.finish(expr, &args);
                    values.push(operand);
                }
                Task::IfCond(expr) => {
                    let Expr::If { cond, then, .. } = body.exprs[expr].kind else { continue };
                    let operand = values.pop().unwrap_or(Operand::Static);
                    let test = self.truth_of(operand, cond);
                    let then_block = self.new_block();
                    let else_block = self.new_block();
                    let join = self.new_block();
                    if let Some(ty) = self.expr_value_type(expr).and_then(|ty| crate::types::ir_type(ty).ok())
                    {
                        self.func.dfg.append_block_param(join, ty);
                    }
                    self.brif(test, then_block, else_block);
                    self.enter(then_block);
                    let temps = self.temps.len();
                    tasks.push(Task::IfThen { expr, else_block, join, temps });
                    tasks.push(Task::Eval(then));
                }
                Task::IfThen { expr, else_block, join, temps } => {
                    let Expr::If { then, otherwise, .. } = body.exprs[expr].kind else { continue };
                    let operand = values.pop().unwrap_or(Operand::Static);
                    let args = self.branch_value(expr, then, operand);
                    self.finish_branch(&args, temps);
                    self.jump(join, &args);
                    self.enter(else_block);
                    tasks.push(Task::IfElse { expr, join, temps });
                    tasks.push(Task::Eval(otherwise));
                }
                Task::IfElse { expr, join, temps } => {
                    let Expr::If { otherwise, .. } = body.exprs[expr].kind else { continue };
                    let operand = values.pop().unwrap_or(Operand::Static);
                    let args = self.branch_value(expr, otherwise, operand);
                    self.finish_branch(&args, temps);
                    self.jump(join, &args);
                    self.enter(join);
                    let result = match self.func.dfg.block_params(join).first() {
                        Some(&param) => Operand::Value(param),
                        None => Operand::Static,
                    };
                    if let (Operand::Value(value), Some(ty)) = (result, self.expr_value_type(expr))
                        && crate::arrays::holds_arrays(ty)
                    {
                        // Each branch passed a reference of its own.
                        self.own(value);
                    }
                    values.push(result);
                }
            }
        }
        values.pop().unwrap_or(Operand::Static)
    }

    /// Ends a branch of a conditional expression: an array value gets a reference of its
    /// own (so the join owns its result on both paths), and the branch's temporaries die.
    fn finish_branch(&mut self, args: &[Value], temps: usize) {
        if let Some(&value) = args.first()
            && crate::arrays::holds_arrays(self.func.dfg.value_type(value))
            && self.cur.is_some()
        {
            self.incref_value(value);
        }
        self.release_temps_to(temps);
    }

    /// A branch's value converted to the conditional expression's type, as block arguments.
    fn branch_value(&mut self, expr: ExprId, branch: ExprId, operand: Operand) -> Vec<Value> {
        let Some(target) = self.expr_value_type(expr) else { return Vec::new() };
        let from = self.expr_value_type(branch).cloned().unwrap_or(Type::NoneType);
        let value = self.value_of(operand, branch);
        vec![self.coerce(value, &from, target)]
    }

    /// Evaluates a condition to a `bool`.
    pub(crate) fn eval_truth(&mut self, expr: ExprId) -> Value {
        let operand = self.eval(expr);
        self.truth_of(operand, expr)
    }

    pub(crate) fn truth_of(&mut self, operand: Operand, expr: ExprId) -> Value {
        match (operand, self.expr_value_type(expr)) {
            (Operand::Value(value), Some(ty)) => self.truth(value, ty),
            // Functions, modules and classes are true.
            _ => self.ins().bconst(true),
        }
    }

    /// The Python type of an expression's value (`None` for compile-time values).
    pub(crate) fn expr_value_type(&self, expr: ExprId) -> Option<&'a Type> {
        self.typed.expr_types[expr].as_ref().and_then(Ty::as_value)
    }

    /// The IR value of an operand that must be a run-time value.
    pub(crate) fn value_of(&mut self, operand: Operand, expr: ExprId) -> Value {
        match operand {
            Operand::Value(value) => value,
            Operand::Static => {
                if !matches!(self.expr_value_type(expr), Some(Type::NoneType)) {
                    self.unsupported("using this as a value", self.body.exprs[expr].range);
                }
                self.ins().noneconst()
            }
        }
    }

    fn leaf(&mut self, expr: ExprId) -> Operand {
        match &self.body.exprs[expr].kind {
            Expr::Const(value) => Operand::Value(self.constant(value)),
            Expr::Local(local) => {
                if self.maybe_unbound.contains(&expr)
                    && let Some(&flag) = self.flag_of.get(local)
                {
                    let block = self.current_block();
                    let bound = self.ssa.read(&mut self.func, flag, block);
                    let unbound = self.ins().inot(bound);
                    let name = self.body.locals[*local].name.clone();
                    self.raise_if(unbound, ExceptionKind::UnboundLocalError, &messages::unbound_local(&name));
                }
                match self.read_version(ReadKey::Local(expr)) {
                    Some((value, _)) => Operand::Value(value),
                    None => Operand::Static,
                }
            }
            _ => Operand::Static,
        }
    }

    /// A constant value (typed as sema types constants: int64, float64, complex128, ...).
    pub(crate) fn constant(&mut self, value: &ConstValue) -> Value {
        self.constant_depth(value, 0)
    }

    fn constant_depth(&mut self, value: &ConstValue, depth: u32) -> Value {
        match value {
            ConstValue::None => self.ins().noneconst(),
            ConstValue::Bool(value) => self.ins().bconst(*value),
            ConstValue::Int(value) => self.ins().iconst(ScalarType::Int64, i128::from(*value)),
            ConstValue::UInt(value) => self.ins().iconst(ScalarType::UInt64, i128::from(*value)),
            ConstValue::Float(value) => self.ins().fconst(ScalarType::Float64, *value),
            ConstValue::Complex { real, imag } => self.ins().cconst(ScalarType::Complex128, *real, *imag),
            ConstValue::Str(text) => self.ins().sconst(text),
            ConstValue::Tuple(items) if depth < MAX_DEPTH => {
                let values: Vec<Value> =
                    items.iter().map(|item| self.constant_depth(item, depth + 1)).collect();
                self.ins().tuple_make(&values)
            }
            ConstValue::Tuple(_) => self.ins().noneconst(),
        }
    }

    fn finish(&mut self, expr: ExprId, args: &[Operand]) -> Operand {
        let body = self.body;
        let arg = |idx: usize| args.get(idx).copied().unwrap_or(Operand::Static);
        // An operator that sema typed as a ufunc with a scalar result (its operands are 0-d
        // arrays): NumPy's per-element semantics.
        if let (Some(ufunc), Expr::Binary { .. } | Expr::Unary { .. } | Expr::Compare { .. }) =
            (self.ufunc_of(expr), &body.exprs[expr].kind)
        {
            let operands = body.exprs[expr].kind.children();
            let formal: Vec<Type> = self
                .typed
                .resolutions
                .get(&expr)
                .map(|resolution| resolution.arg_types.clone())
                .unwrap_or_default();
            let mut values = Vec::with_capacity(operands.len());
            for ((&operand_expr, operand), to) in operands.iter().zip(args).zip(&formal) {
                let value = self.value_of(*operand, operand_expr);
                let from = self.expr_value_type(operand_expr).cloned().unwrap_or(Type::NoneType);
                values.push(self.coerce(value, &from, to));
            }
            return self.ufunc_scalar(expr, ufunc, &values);
        }
        match &body.exprs[expr].kind {
            // A frozen global array: borrowed, like an argument (it owns nothing).
            Expr::ConstArray(array) => Operand::Value(self.ins().array_const(std::sync::Arc::clone(array))),
            Expr::Binary { op: BinaryOp::MatMul, lhs, rhs, .. }
                if matches!(self.expr_value_type(*lhs), Some(Type::Array(_))) =>
            {
                let (Some(Type::Array(a_type)), Some(Type::Array(b_type)), Some(result)) = (
                    self.expr_value_type(*lhs).cloned(),
                    self.expr_value_type(*rhs).cloned(),
                    self.expr_value_type(expr).cloned(),
                ) else {
                    return Operand::Static;
                };
                let a = self.value_of(arg(0), *lhs);
                let b = self.value_of(arg(1), *rhs);
                match self.matmul((a, a_type), (b, b_type), &result) {
                    Some(value) => Operand::Value(value),
                    None => Operand::Static,
                }
            }
            Expr::Binary { op, lhs, rhs, .. } => self.binary(expr, *op, *lhs, *rhs, arg(0), arg(1)),
            Expr::Unary { op, operand } => self.unary(expr, *op, *operand, arg(0)),
            Expr::Compare { op, lhs, rhs } => self.compare(*op, *lhs, *rhs, arg(0), arg(1), expr),
            Expr::Store { local, value } => {
                self.assign(DefSite::Store(expr), *local, arg(0), *value);
                arg(0)
            }
            Expr::Tuple(items) if matches!(self.typed.expr_types[expr], Some(Ty::IndexTuple(_))) => {
                // An array index with slices or `...`: a tuple of its run-time items (`...`
                // has none).
                let values: Vec<Value> = items
                    .iter()
                    .zip(args)
                    .filter(|(item, _)| !matches!(self.body.exprs[**item].kind, Expr::Ellipsis))
                    .map(|(item, operand)| self.value_of(*operand, *item))
                    .collect();
                Operand::Value(self.ins().tuple_make(&values))
            }
            Expr::Tuple(items) => {
                let item_types = match self.expr_value_type(expr) {
                    Some(Type::Tuple(types)) => types.as_slice(),
                    _ => &[],
                };
                let mut values = Vec::with_capacity(items.len());
                for (item_idx, (item, operand)) in items.iter().zip(args).enumerate() {
                    let value = self.value_of(*operand, *item);
                    let value = match (self.expr_value_type(*item), item_types.get(item_idx)) {
                        (Some(from), Some(to)) => self.coerce(value, from, to),
                        _ => value,
                    };
                    values.push(value);
                }
                Operand::Value(self.ins().tuple_make(&values))
            }
            Expr::Index { base, index } => self.index(expr, *base, *index, arg(0), arg(1)),
            Expr::Attribute { base, name } => self.attribute(expr, *base, name, arg(0)),
            Expr::Call { args: positional, keywords, .. } => {
                self.call(expr, positional, keywords, args.get(1..).unwrap_or(&[]))
            }
            Expr::MethodCall { base, method, args: arg_exprs, .. } => {
                self.method_call(expr, *base, method, arg(0), arg_exprs, args.get(1..).unwrap_or(&[]))
            }
            Expr::Slice { base, lower, upper, step } => {
                if let Some(Type::Array(_)) = self.expr_value_type(*base) {
                    let slice = self.slice_item([*lower, *upper, *step], args.get(1..).unwrap_or(&[]));
                    return self.array_slice(expr, *base, arg(0), slice);
                }
                self.slice(expr, *base, [*lower, *upper, *step], arg(0))
            }
            Expr::SliceItem { lower, upper, step } => {
                Operand::Value(self.slice_item([*lower, *upper, *step], args))
            }
            Expr::Const(_)
            | Expr::Local(_)
            | Expr::Item(_)
            | Expr::Closure(_)
            | Expr::If { .. }
            | Expr::Ellipsis => Operand::Static,
        }
    }

    // ----- conversions and truth ----------------------------------------------------------

    /// Converts a scalar value to `to` (no instruction if it already is one).
    pub(crate) fn convert(&mut self, value: Value, to: ScalarType) -> Value {
        if self.func.dfg.value_type(value) == &Type::Scalar(to) {
            return value;
        }
        self.ins().convert(to, value)
    }

    /// Converts a value of Python type `from` to Python type `to`: scalar conversions,
    /// wrapping into and out of optionals, tuples item by item. Unwrapping an optional
    /// that is `None` raises TypeError (`expected int64, got None`, as Numba words it).
    pub(crate) fn coerce(&mut self, value: Value, from: &Type, to: &Type) -> Value {
        self.coerce_depth(value, from, to, 0, true)
    }

    /// [`Self::coerce`] where the caller has already raised for a `None` at the top level
    /// (with the message of its operation); optionals nested in tuples are still checked.
    fn coerce_present(&mut self, value: Value, from: &Type, to: &Type) -> Value {
        self.coerce_depth(value, from, to, 0, false)
    }

    /// Whether an optional value is `None`.
    fn is_absent(&mut self, value: Value) -> Value {
        let present = self.ins().tuple_get(value, 0);
        self.ins().inot(present)
    }

    fn coerce_depth(&mut self, value: Value, from: &Type, to: &Type, depth: u32, check: bool) -> Value {
        if from == to || depth > MAX_DEPTH {
            return value;
        }
        match (from, to) {
            (Type::Scalar(_), Type::Scalar(to)) => self.convert(value, *to),
            (Type::NoneType, Type::Optional(inner)) => {
                let absent = self.ins().bconst(false);
                let zero = self.zero_of(inner);
                self.ins().tuple_make(&[absent, zero])
            }
            (Type::Optional(a), Type::Optional(b)) => {
                let present = self.ins().tuple_get(value, 0);
                let inner = self.ins().tuple_get(value, 1);
                let inner = self.coerce_depth(inner, a, b, depth + 1, true);
                self.ins().tuple_make(&[present, inner])
            }
            (other, Type::Optional(inner)) => {
                let inner = self.coerce_depth(value, other, inner, depth + 1, true);
                let present = self.ins().bconst(true);
                self.ins().tuple_make(&[present, inner])
            }
            (Type::Optional(inner), other) => {
                if check {
                    let absent = self.is_absent(value);
                    self.raise_if(absent, ExceptionKind::TypeError, &messages::expected_got_none(other));
                }
                let unwrapped = self.ins().tuple_get(value, 1);
                self.coerce_depth(unwrapped, inner, other, depth + 1, true)
            }
            (Type::Array(a), Type::Array(b)) | (Type::Flat(a), Type::Flat(b))
                if a.dtype == b.dtype && a.ndim == b.ndim =>
            {
                self.coerce_array(value, a, b)
            }
            // A 0-d array where a scalar is wanted: its element.
            (Type::Array(a), Type::Scalar(to)) if a.ndim == 0 => {
                let element = self.ins().array_load(value, &[]);
                self.convert(element, *to)
            }
            (Type::Tuple(a), Type::Tuple(b)) if a.len() == b.len() => {
                let mut items = Vec::with_capacity(a.len());
                for (item_idx, (a, b)) in a.iter().zip(b).enumerate() {
                    let item = self.ins().tuple_get(value, item_idx as u32);
                    items.push(self.coerce_depth(item, a, b, depth + 1, true));
                }
                self.ins().tuple_make(&items)
            }
            _ => {
                self.unsupported(&format!("converting {from} to {to}"), self.stmt_range);
                self.zero_of(to)
            }
        }
    }

    /// A zero of the Python type `ty` (in its IR representation).
    pub(crate) fn zero_of(&mut self, ty: &Type) -> Value {
        let ir = crate::types::ir_type(ty).unwrap_or(Type::NoneType);
        let mut builder = self.ins();
        crate::types::build_zero(&mut builder, &ir)
    }

    /// A constant of scalar type `scalar`.
    pub(crate) fn scalar(&mut self, scalar: ScalarType, value: i64) -> Value {
        let mut builder = self.ins();
        scalar_const(&mut builder, scalar, value)
    }

    /// A float constant of float type `scalar`.
    pub(crate) fn float(&mut self, scalar: ScalarType, value: f64) -> Value {
        self.ins().fconst(scalar.real_part(), value)
    }

    /// Python's truth test of a value of type `ty`.
    pub(crate) fn truth(&mut self, value: Value, ty: &Type) -> Value {
        match ty {
            Type::Scalar(ScalarType::Bool) => value,
            Type::Scalar(scalar) => {
                let zero = self.scalar(*scalar, 0);
                self.not_equal(value, zero, *scalar)
            }
            Type::NoneType => self.ins().bconst(false),
            Type::Optional(inner) => {
                let present = self.ins().tuple_get(value, 0);
                let inner_value = self.ins().tuple_get(value, 1);
                let inner_truth = self.truth(inner_value, inner);
                self.ins().iand(present, inner_truth)
            }
            Type::Tuple(items) => self.ins().bconst(!items.is_empty()),
            Type::Range(int) => {
                let length = self.range_value_len(value, *int);
                let zero = self.scalar(ScalarType::Int64, 0);
                self.ins().icmp(IntCC::GreaterThan, length, zero)
            }
            Type::Str | Type::Array(_) | Type::Flat(_) => {
                self.unsupported(&format!("the truth value of a {ty}"), self.stmt_range);
                self.ins().bconst(true)
            }
        }
    }

    fn not_equal(&mut self, a: Value, b: Value, scalar: ScalarType) -> Value {
        if scalar.is_integer() || scalar == ScalarType::Bool {
            self.ins().icmp(IntCC::NotEqual, a, b)
        } else {
            self.ins().fcmp(FloatCC::NotEqual, a, b)
        }
    }

    /// `value == 0` for a scalar.
    pub(crate) fn is_zero(&mut self, value: Value, scalar: ScalarType) -> Value {
        let zero = self.scalar(scalar, 0);
        self.cmp_scalar(CmpOp::Eq, value, zero, scalar)
    }

    /// Raises `ZeroDivisionError(message)` when `divisor` is zero (Python error model only).
    pub(crate) fn check_zero_divisor(&mut self, divisor: Value, scalar: ScalarType, message: &str) {
        if self.cx.options.error_model == ErrorModel::Python {
            let zero = self.is_zero(divisor, scalar);
            self.raise_if(zero, ExceptionKind::ZeroDivisionError, message);
        }
    }

    // ----- operators ----------------------------------------------------------------------

    fn binary(
        &mut self,
        expr: ExprId,
        op: BinaryOp,
        lhs_expr: ExprId,
        rhs_expr: ExprId,
        lhs: Operand,
        rhs: Operand,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let (Some(lhs_type), Some(rhs_type), Some(resolution)) = (
            self.expr_value_type(lhs_expr),
            self.expr_value_type(rhs_expr),
            self.typed.resolutions.get(&expr),
        ) else {
            self.unsupported(&format!("the operator {}", op.as_str()), range);
            return Operand::Static;
        };
        let a = self.value_of(lhs, lhs_expr);
        let b = self.value_of(rhs, rhs_expr);
        let in_place = matches!(self.body.exprs[expr].kind, Expr::Binary { in_place: true, .. });
        let (a, lhs_type, b, rhs_type) = self.unwrap_binary_operands(op, in_place, a, lhs_type, b, rhs_type);
        if let (BinaryOp::Add, Type::Tuple(a_items), Type::Tuple(b_items)) = (op, lhs_type, rhs_type) {
            let mut items = Vec::with_capacity(a_items.len() + b_items.len());
            for item_idx in 0..a_items.len() {
                items.push(self.ins().tuple_get(a, item_idx as u32));
            }
            for item_idx in 0..b_items.len() {
                items.push(self.ins().tuple_get(b, item_idx as u32));
            }
            return Operand::Value(self.ins().tuple_make(&items));
        }
        let (Some(ret), [a_type, b_type]) = (resolution.ret.as_scalar(), resolution.arg_types.as_slice())
        else {
            self.unsupported(&format!("the operator {} on these types", op.as_str()), range);
            return Operand::Static;
        };
        let a = self.coerce(a, lhs_type, a_type);
        let b = self.coerce(b, rhs_type, b_type);
        let (Some(a_scalar), Some(b_scalar)) = (a_type.as_scalar(), b_type.as_scalar()) else {
            self.unsupported(&format!("the operator {} on these types", op.as_str()), range);
            return Operand::Static;
        };
        Operand::Value(self.arith(op, a, a_scalar, b, b_scalar, ret))
    }

    /// Raises CPython's TypeError when an optional operand of a binary operator is `None`
    /// (`unsupported operand type(s) for +: 'NoneType' and 'int'`), then unwraps the
    /// optionals: the operator sees the values and their inner types.
    fn unwrap_binary_operands<'t>(
        &mut self,
        op: BinaryOp,
        in_place: bool,
        a: Value,
        a_type: &'t Type,
        b: Value,
        b_type: &'t Type,
    ) -> (Value, &'t Type, Value, &'t Type) {
        let (a_inner, b_inner) = (optional_inner(a_type), optional_inner(b_type));
        if a_inner.is_none() && b_inner.is_none() {
            return (a, a_type, b, b_type);
        }
        let (a_name, b_name) = (messages::type_name(a_type), messages::type_name(b_type));
        let none = messages::NONE_TYPE;
        let a_absent = a_inner.map(|_| self.is_absent(a));
        let b_absent = b_inner.map(|_| self.is_absent(b));
        if let (Some(a_absent), Some(b_absent)) = (a_absent, b_absent) {
            let both = self.ins().iand(a_absent, b_absent);
            self.raise_if(
                both,
                ExceptionKind::TypeError,
                &messages::binary_operand_none(op, in_place, none, none),
            );
        }
        if let Some(a_absent) = a_absent {
            let message = messages::binary_operand_none(op, in_place, none, b_name);
            self.raise_if(a_absent, ExceptionKind::TypeError, &message);
        }
        if let Some(b_absent) = b_absent {
            let message = messages::binary_operand_none(op, in_place, a_name, none);
            self.raise_if(b_absent, ExceptionKind::TypeError, &message);
        }
        let (a, a_type) = match a_inner {
            Some(inner) => (self.coerce_present(a, a_type, inner), inner),
            None => (a, a_type),
        };
        let (b, b_type) = match b_inner {
            Some(inner) => (self.coerce_present(b, b_type, inner), inner),
            None => (b, b_type),
        };
        (a, a_type, b, b_type)
    }

    /// `a op b` for scalars of the resolved operand types, giving type `ret`.
    pub(crate) fn arith(
        &mut self,
        op: BinaryOp,
        a: Value,
        a_scalar: ScalarType,
        b: Value,
        b_scalar: ScalarType,
        ret: ScalarType,
    ) -> Value {
        let python = self.cx.options.error_model == ErrorModel::Python;
        match op {
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => {
                let (a, b) = (self.convert(a, ret), self.convert(b, ret));
                let mut builder = self.ins();
                match (op, ret) {
                    (BinaryOp::Add, r) if r.is_complex() => builder.cadd(a, b),
                    (BinaryOp::Sub, r) if r.is_complex() => builder.csub(a, b),
                    (BinaryOp::Mul, r) if r.is_complex() => builder.cmul(a, b),
                    (BinaryOp::Add, r) if r.is_float() => builder.fadd(a, b),
                    (BinaryOp::Sub, r) if r.is_float() => builder.fsub(a, b),
                    (BinaryOp::Mul, r) if r.is_float() => builder.fmul(a, b),
                    (BinaryOp::Add, _) => builder.iadd(a, b),
                    (BinaryOp::Sub, _) => builder.isub(a, b),
                    _ => builder.imul(a, b),
                }
            }
            BinaryOp::Div => {
                let message = if a_scalar.is_complex() || b_scalar.is_complex() {
                    "complex division by zero"
                } else if !(self.holds_int(a) && self.holds_int(b)) {
                    "float division by zero"
                } else {
                    "division by zero"
                };
                let (a, b) = (self.convert(a, ret), self.convert(b, ret));
                self.check_zero_divisor(b, ret, message);
                if ret.is_complex() { self.ins().cdiv(a, b) } else { self.ins().fdiv(a, b) }
            }
            BinaryOp::FloorDiv | BinaryOp::Mod => {
                let (a, b) = (self.convert(a, ret), self.convert(b, ret));
                let floor = op == BinaryOp::FloorDiv;
                if ret.is_float() {
                    let message = if floor { "float floor division by zero" } else { "float modulo" };
                    self.check_zero_divisor(b, ret, message);
                    return if floor { self.ins().ffloordiv(a, b) } else { self.ins().fmod(a, b) };
                }
                if python {
                    let message =
                        if floor { "integer division or modulo by zero" } else { "integer modulo by zero" };
                    self.check_zero_divisor(b, ret, message);
                    return if floor { self.ins().ifloordiv(a, b) } else { self.ins().imod(a, b) };
                }
                // Numba's numpy error model: division by zero gives 0.
                let zero = self.scalar(ret, 0);
                let one = self.scalar(ret, 1);
                let is_zero = self.ins().icmp(IntCC::Equal, b, zero);
                let safe = self.ins().select(is_zero, one, b);
                let result = if floor { self.ins().ifloordiv(a, safe) } else { self.ins().imod(a, safe) };
                self.ins().select(is_zero, zero, result)
            }
            BinaryOp::Pow => self.power(a, b, b_scalar, ret),
            BinaryOp::LShift | BinaryOp::RShift => {
                if b_scalar.is_signed_integer() {
                    let zero = self.scalar(b_scalar, 0);
                    let negative = self.ins().icmp(IntCC::LessThan, b, zero);
                    self.raise_if(negative, ExceptionKind::ValueError, messages::NEGATIVE_SHIFT);
                }
                let (a, b) = (self.convert(a, ret), self.convert(b, ret));
                if op == BinaryOp::LShift { self.ins().ishl(a, b) } else { self.ins().ishr(a, b) }
            }
            BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
                let (a, b) = (self.convert(a, ret), self.convert(b, ret));
                let mut builder = self.ins();
                match op {
                    BinaryOp::BitAnd => builder.iand(a, b),
                    BinaryOp::BitOr => builder.ior(a, b),
                    _ => builder.ixor(a, b),
                }
            }
            BinaryOp::MatMul => {
                self.unsupported("the operator @", self.stmt_range);
                self.scalar(ret, 0)
            }
        }
    }

    /// Whether `value` is a Python int (or bool) at run time: an integer value, or one
    /// converted from an integer because its variable was retyped to float (`a /= b` on an
    /// int argument), so division by zero says "division by zero" as CPython does.
    fn holds_int(&self, value: Value) -> bool {
        let is_int =
            |ty: &Type| ty.as_scalar().is_some_and(|scalar| !scalar.is_float() && !scalar.is_complex());
        if is_int(self.func.dfg.value_type(value)) {
            return true;
        }
        let Some(inst) = self.func.dfg.value_def(value).inst() else { return false };
        let data = self.func.dfg.inst_data(inst);
        matches!(data.opcode, Opcode::Convert(_))
            && data.args.first().is_some_and(|operand| is_int(self.func.dfg.value_type(*operand)))
    }

    /// `a ** b` (also `pow(a, b)`).
    fn power(&mut self, a: Value, b: Value, b_scalar: ScalarType, ret: ScalarType) -> Value {
        let python = self.cx.options.error_model == ErrorModel::Python;
        let a = self.convert(a, ret);
        if ret.is_integer() {
            let b = self.convert(b, ret);
            if !ret.is_signed_integer() {
                return self.ins().ipow(a, b);
            }
            let zero = self.scalar(ret, 0);
            let one = self.scalar(ret, 1);
            let minus_one = self.scalar(ret, -1);
            let negative = self.ins().icmp(IntCC::LessThan, b, zero);
            if python {
                let base_zero = self.ins().icmp(IntCC::Equal, a, zero);
                let fail = self.ins().iand(negative, base_zero);
                self.raise_if(fail, ExceptionKind::ZeroDivisionError, messages::ZERO_NEGATIVE_POWER);
            }
            // Numba: a negative exponent gives 1 for a base of 1, ±1 for -1, else 0.
            let is_one = self.ins().icmp(IntCC::Equal, a, one);
            let is_minus_one = self.ins().icmp(IntCC::Equal, a, minus_one);
            let low_bit = self.ins().iand(b, one);
            let odd = self.ins().icmp(IntCC::NotEqual, low_bit, zero);
            let minus_one_result = self.ins().select(odd, minus_one, one);
            let other = self.ins().select(is_minus_one, minus_one_result, zero);
            let negative_result = self.ins().select(is_one, one, other);
            let positive_result = self.ins().ipow(a, b);
            return self.ins().select(negative, negative_result, positive_result);
        }
        if ret.is_float() {
            let b = self.convert(b, ret);
            // float ** int raises on a zero base; float ** float is C `pow` in Numba
            // (`0.0 ** -1.0 == inf`).
            if python && !b_scalar.is_float() {
                let zero = self.float(ret, 0.0);
                let base_zero = self.ins().fcmp(FloatCC::Equal, a, zero);
                let negative = self.ins().fcmp(FloatCC::LessThan, b, zero);
                let fail = self.ins().iand(base_zero, negative);
                self.raise_if(fail, ExceptionKind::ZeroDivisionError, messages::ZERO_NEGATIVE_POWER);
            }
            return self.ins().fpow(a, b);
        }
        let b = self.convert(b, ret);
        if python {
            let zero = self.scalar(ret, 0);
            let base_zero = self.ins().fcmp(FloatCC::Equal, a, zero);
            let real = self.ins().creal(b);
            let imag = self.ins().cimag(b);
            let real_zero = self.float(ret, 0.0);
            let negative = self.ins().fcmp(FloatCC::LessThan, real, real_zero);
            let complex = self.ins().fcmp(FloatCC::NotEqual, imag, real_zero);
            let bad_exponent = self.ins().ior(negative, complex);
            let fail = self.ins().iand(base_zero, bad_exponent);
            self.raise_if(fail, ExceptionKind::ZeroDivisionError, messages::ZERO_COMPLEX_POWER);
        }
        self.ins().cpow(a, b)
    }

    fn unary(&mut self, expr: ExprId, op: UnaryOp, operand_expr: ExprId, operand: Operand) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(operand_type) = self.expr_value_type(operand_expr) else {
            self.unsupported(&format!("the operator {}", op.as_str()), range);
            return Operand::Static;
        };
        let value = self.value_of(operand, operand_expr);
        if op == UnaryOp::Not {
            let truth = self.truth(value, operand_type);
            return Operand::Value(self.ins().inot(truth));
        }
        let Some(resolution) = self.typed.resolutions.get(&expr) else {
            self.unsupported(&format!("the operator {}", op.as_str()), range);
            return Operand::Static;
        };
        let (Some(ret), Some(arg_type)) = (resolution.ret.as_scalar(), resolution.arg_types.first()) else {
            self.unsupported(&format!("the operator {}", op.as_str()), range);
            return Operand::Static;
        };
        let value = match optional_inner(operand_type) {
            Some(inner) => {
                let absent = self.is_absent(value);
                self.raise_if(absent, ExceptionKind::TypeError, &messages::unary_operand_none(op));
                let value = self.coerce_present(value, operand_type, inner);
                self.coerce(value, inner, arg_type)
            }
            None => self.coerce(value, operand_type, arg_type),
        };
        let value = self.convert(value, ret);
        let mut builder = self.ins();
        Operand::Value(match op {
            UnaryOp::Neg if ret.is_complex() => builder.cneg(value),
            UnaryOp::Neg if ret.is_float() => builder.fneg(value),
            UnaryOp::Neg => builder.ineg(value),
            UnaryOp::Invert => builder.inot(value),
            UnaryOp::Pos | UnaryOp::Not => value,
        })
    }

    // ----- comparisons --------------------------------------------------------------------

    fn compare(
        &mut self,
        op: CmpOp,
        lhs_expr: ExprId,
        rhs_expr: ExprId,
        lhs: Operand,
        rhs: Operand,
        expr: ExprId,
    ) -> Operand {
        let (Some(lhs_type), Some(rhs_type)) =
            (self.expr_value_type(lhs_expr), self.expr_value_type(rhs_expr))
        else {
            // Comparing compile-time values (`f is g`): identity of the same item.
            let same = self.typed.expr_types[lhs_expr] == self.typed.expr_types[rhs_expr];
            let result = matches!(op, CmpOp::Is | CmpOp::Eq) == same;
            return Operand::Value(self.ins().bconst(result));
        };
        let a = self.value_of(lhs, lhs_expr);
        let b = self.value_of(rhs, rhs_expr);
        let result = match op {
            CmpOp::Is | CmpOp::IsNot => {
                let same = self.identity(a, lhs_type, b, rhs_type);
                if op == CmpOp::IsNot { self.ins().inot(same) } else { same }
            }
            CmpOp::In | CmpOp::NotIn => {
                let found = self.contains(b, rhs_type, a, lhs_type);
                if op == CmpOp::NotIn { self.ins().inot(found) } else { found }
            }
            _ => match self.typed.resolutions.get(&expr).map(|resolution| resolution.arg_types.as_slice()) {
                Some([a_type @ Type::Scalar(scalar), b_type]) => {
                    let a = self.coerce(a, lhs_type, a_type);
                    let b = self.coerce(b, rhs_type, b_type);
                    self.cmp_scalar(op, a, b, *scalar)
                }
                _ => self.compare_values(op, a, lhs_type, b, rhs_type, None, 0),
            },
        };
        Operand::Value(result)
    }

    /// `a op b` on two scalars of type `scalar` (one of ==, !=, <, <=, >, >=).
    pub(crate) fn cmp_scalar(&mut self, op: CmpOp, a: Value, b: Value, scalar: ScalarType) -> Value {
        if scalar.is_integer() || scalar == ScalarType::Bool {
            let cc = match op {
                CmpOp::NotEq | CmpOp::IsNot | CmpOp::NotIn => IntCC::NotEqual,
                CmpOp::Lt => IntCC::LessThan,
                CmpOp::LtE => IntCC::LessThanOrEqual,
                CmpOp::Gt => IntCC::GreaterThan,
                CmpOp::GtE => IntCC::GreaterThanOrEqual,
                CmpOp::Eq | CmpOp::Is | CmpOp::In => IntCC::Equal,
            };
            self.ins().icmp(cc, a, b)
        } else {
            let cc = match op {
                CmpOp::NotEq | CmpOp::IsNot | CmpOp::NotIn => FloatCC::NotEqual,
                CmpOp::Lt => FloatCC::LessThan,
                CmpOp::LtE => FloatCC::LessThanOrEqual,
                CmpOp::Gt => FloatCC::GreaterThan,
                CmpOp::GtE => FloatCC::GreaterThanOrEqual,
                CmpOp::Eq | CmpOp::Is | CmpOp::In => FloatCC::Equal,
            };
            self.ins().fcmp(cc, a, b)
        }
    }

    /// Comparison of values of any comparable types: scalars promote, tuples compare
    /// lexicographically, `None` against optionals. Ordering an optional that is `None`
    /// raises CPython's TypeError, but only where `guard` (when given) is true: a tuple
    /// item is compared only when the items before it are equal.
    #[allow(clippy::too_many_arguments)]
    fn compare_values(
        &mut self,
        op: CmpOp,
        a: Value,
        a_type: &Type,
        b: Value,
        b_type: &Type,
        guard: Option<Value>,
        depth: u32,
    ) -> Value {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let equal = self.equal_values(a, a_type, b, b_type, depth);
            return if op == CmpOp::NotEq { self.ins().inot(equal) } else { equal };
        }
        if depth > MAX_DEPTH {
            return self.ins().bconst(false);
        }
        match (a_type, b_type) {
            (Type::Scalar(x), Type::Scalar(y)) => {
                let common = x.promote(*y);
                let (a, b) = (self.convert(a, common), self.convert(b, common));
                self.cmp_scalar(op, a, b, common)
            }
            (Type::Tuple(xs), Type::Tuple(ys)) => {
                // The first pair that differs decides; equal prefixes compare by length.
                let mut result = match op {
                    CmpOp::Lt => xs.len() < ys.len(),
                    CmpOp::LtE => xs.len() <= ys.len(),
                    CmpOp::Gt => xs.len() > ys.len(),
                    _ => xs.len() >= ys.len(),
                };
                let mut decided = self.ins().bconst(result);
                let n_items = xs.len().min(ys.len());
                let mut items = Vec::with_capacity(n_items);
                for item_idx in 0..n_items {
                    let x = self.ins().tuple_get(a, item_idx as u32);
                    let y = self.ins().tuple_get(b, item_idx as u32);
                    let equal = self.equal_values(x, &xs[item_idx], y, &ys[item_idx], depth + 1);
                    items.push((x, y, equal));
                }
                // Item i is ordered only when the items before it are equal (and the
                // caller's guard holds): only then may its `None` raise.
                let needs_guard = xs.iter().chain(ys).any(contains_optional);
                let mut guards = Vec::with_capacity(n_items);
                let mut prefix = guard;
                for &(_, _, equal) in &items {
                    guards.push(prefix);
                    if needs_guard {
                        prefix = Some(match prefix {
                            Some(prefix) => self.ins().iand(prefix, equal),
                            None => equal,
                        });
                    }
                }
                for item_idx in (0..n_items).rev() {
                    let (x, y, equal) = items[item_idx];
                    let item_guard = guards[item_idx];
                    let ordered =
                        self.compare_values(op, x, &xs[item_idx], y, &ys[item_idx], item_guard, depth + 1);
                    decided = self.ins().select(equal, decided, ordered);
                    result = false;
                }
                let _ = result;
                decided
            }
            (Type::Optional(inner), other) => {
                let none = messages::NONE_TYPE;
                let a_absent = self.is_absent(a);
                if matches!(other, Type::Optional(_)) {
                    let b_absent = self.is_absent(b);
                    let both = self.ins().iand(a_absent, b_absent);
                    self.raise_if_guarded(both, guard, &messages::compare_operand_none(op, none, none));
                }
                let message = messages::compare_operand_none(op, none, messages::type_name(other));
                self.raise_if_guarded(a_absent, guard, &message);
                let value = self.ins().tuple_get(a, 1);
                self.compare_values(op, value, inner, b, other, guard, depth + 1)
            }
            (other, Type::Optional(inner)) => {
                let b_absent = self.is_absent(b);
                let message =
                    messages::compare_operand_none(op, messages::type_name(other), messages::NONE_TYPE);
                self.raise_if_guarded(b_absent, guard, &message);
                let value = self.ins().tuple_get(b, 1);
                self.compare_values(op, a, other, value, inner, guard, depth + 1)
            }
            _ => {
                self.unsupported(&format!("ordering {a_type} and {b_type}"), self.stmt_range);
                self.ins().bconst(false)
            }
        }
    }

    /// Raises TypeError(`message`) when `fail` and `guard` (if any) are both true.
    fn raise_if_guarded(&mut self, fail: Value, guard: Option<Value>, message: &str) {
        let fail = match guard {
            Some(guard) => self.ins().iand(guard, fail),
            None => fail,
        };
        self.raise_if(fail, ExceptionKind::TypeError, message);
    }

    /// `a == b` for values of any types.
    pub(crate) fn equal_values(
        &mut self,
        a: Value,
        a_type: &Type,
        b: Value,
        b_type: &Type,
        depth: u32,
    ) -> Value {
        if depth > MAX_DEPTH {
            return self.ins().bconst(false);
        }
        match (a_type, b_type) {
            (Type::Scalar(x), Type::Scalar(y)) => {
                let common = x.promote(*y);
                let (a, b) = (self.convert(a, common), self.convert(b, common));
                self.cmp_scalar(CmpOp::Eq, a, b, common)
            }
            (Type::Tuple(xs), Type::Tuple(ys)) => {
                if xs.len() != ys.len() {
                    return self.ins().bconst(false);
                }
                let mut all = self.ins().bconst(true);
                for (item_idx, (x_type, y_type)) in xs.iter().zip(ys).enumerate() {
                    let x = self.ins().tuple_get(a, item_idx as u32);
                    let y = self.ins().tuple_get(b, item_idx as u32);
                    let equal = self.equal_values(x, x_type, y, y_type, depth + 1);
                    all = self.ins().iand(all, equal);
                }
                all
            }
            (Type::NoneType, Type::NoneType) => self.ins().bconst(true),
            (Type::NoneType, Type::Optional(_)) => {
                let present = self.ins().tuple_get(b, 0);
                self.ins().inot(present)
            }
            (Type::Optional(_), Type::NoneType) => {
                let present = self.ins().tuple_get(a, 0);
                self.ins().inot(present)
            }
            (Type::Optional(x), Type::Optional(y)) => {
                let a_present = self.ins().tuple_get(a, 0);
                let b_present = self.ins().tuple_get(b, 0);
                let either = self.ins().ior(a_present, b_present);
                let both_absent = self.ins().inot(either);
                let both = self.ins().iand(a_present, b_present);
                let a_value = self.ins().tuple_get(a, 1);
                let b_value = self.ins().tuple_get(b, 1);
                let equal = self.equal_values(a_value, x, b_value, y, depth + 1);
                let both_equal = self.ins().iand(both, equal);
                self.ins().ior(both_absent, both_equal)
            }
            (Type::Optional(inner), other) => {
                let present = self.ins().tuple_get(a, 0);
                let value = self.ins().tuple_get(a, 1);
                let equal = self.equal_values(value, inner, b, other, depth + 1);
                self.ins().iand(present, equal)
            }
            (other, Type::Optional(inner)) => {
                let present = self.ins().tuple_get(b, 0);
                let value = self.ins().tuple_get(b, 1);
                let equal = self.equal_values(a, other, value, inner, depth + 1);
                self.ins().iand(present, equal)
            }
            (Type::Str, Type::Str) => {
                self.unsupported("comparing strings", self.stmt_range);
                self.ins().bconst(false)
            }
            _ => self.ins().bconst(false),
        }
    }

    /// `a is b`: `None` checks; scalars of one type compare by value.
    fn identity(&mut self, a: Value, a_type: &Type, b: Value, b_type: &Type) -> Value {
        match (a_type, b_type) {
            (Type::NoneType | Type::Optional(_), Type::NoneType | Type::Optional(_)) => {
                self.equal_values(a, a_type, b, b_type, 0)
            }
            (Type::Scalar(x), Type::Scalar(y)) if x == y => self.cmp_scalar(CmpOp::Eq, a, b, *x),
            _ => self.ins().bconst(false),
        }
    }

    /// `item in container` for tuples and ranges.
    fn contains(&mut self, container: Value, container_type: &Type, item: Value, item_type: &Type) -> Value {
        match container_type {
            Type::Tuple(items) => {
                let mut found = self.ins().bconst(false);
                for (item_idx, element_type) in items.iter().enumerate() {
                    let element = self.ins().tuple_get(container, item_idx as u32);
                    let equal = self.equal_values(item, item_type, element, element_type, 0);
                    found = self.ins().ior(found, equal);
                }
                found
            }
            Type::Range(int) => match item_type.as_scalar() {
                Some(scalar) if scalar.is_integer() || scalar == ScalarType::Bool => {
                    self.range_contains(container, *int, item)
                }
                _ => {
                    self.unsupported("`in` on a range with a non-integer item", self.stmt_range);
                    self.ins().bconst(false)
                }
            },
            _ => {
                self.unsupported(&format!("`in` on a {container_type}"), self.stmt_range);
                self.ins().bconst(false)
            }
        }
    }

    fn range_contains(&mut self, range: Value, int: ScalarType, item: Value) -> Value {
        let work = if int == ScalarType::UInt64 { ScalarType::UInt64 } else { ScalarType::Int64 };
        let parts: Vec<Value> = (0..3).map(|idx| self.ins().tuple_get(range, idx)).collect();
        let start = self.convert(parts[0], work);
        let stop = self.convert(parts[1], work);
        let step = self.convert(parts[2], work);
        let x = self.convert(item, work);
        let zero = self.scalar(work, 0);
        let mut b = self.ins();
        let positive = b.icmp(IntCC::GreaterThan, step, zero);
        let after_start = b.icmp(IntCC::LessThanOrEqual, start, x);
        let before_stop = b.icmp(IntCC::LessThan, x, stop);
        let forward = b.iand(after_start, before_stop);
        let after_stop = b.icmp(IntCC::LessThan, stop, x);
        let before_start = b.icmp(IntCC::LessThanOrEqual, x, start);
        let backward = b.iand(after_stop, before_start);
        let inside = b.select(positive, forward, backward);
        let forward_distance = b.isub(x, start);
        let backward_distance = b.isub(start, x);
        let distance = b.select(positive, forward_distance, backward_distance);
        let negated = b.ineg(step);
        let magnitude = b.select(positive, step, negated);
        let remainder = b.irem(distance, magnitude);
        let aligned = b.icmp(IntCC::Equal, remainder, zero);
        b.iand(inside, aligned)
    }

    // ----- tuples, attributes, methods ----------------------------------------------------

    /// A compile-time integer index: a literal, or a local assigned once from a literal.
    pub(crate) fn const_index(&self, expr: ExprId) -> Option<i64> {
        match &self.body.exprs[expr].kind {
            Expr::Const(ConstValue::Int(value)) => Some(*value),
            Expr::Const(ConstValue::Bool(value)) => Some(i64::from(*value)),
            Expr::Local(local) => self.const_locals.get(local).copied(),
            _ => None,
        }
    }

    fn index(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        index_expr: ExprId,
        base: Operand,
        index: Operand,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        if let Some(Type::Array(_)) = self.expr_value_type(base_expr) {
            return self.array_getitem(expr, base_expr, index_expr, base, index);
        }
        if let Some(Type::Flat(_)) = self.expr_value_type(base_expr) {
            return self.flat_getitem(base_expr, index_expr, base, index);
        }
        let Some(Type::Tuple(items)) = self.expr_value_type(base_expr) else {
            self.unsupported("indexing this value", range);
            return Operand::Static;
        };
        let tuple = self.value_of(base, base_expr);
        let n_items = items.len() as i64;
        if let Some(value) = self.const_index(index_expr) {
            let position = if value < 0 { value + n_items } else { value };
            if (0..n_items).contains(&position) {
                return Operand::Value(self.ins().tuple_get(tuple, position as u32));
            }
            self.raise(ExceptionKind::IndexError, messages::TUPLE_INDEX);
            let item_type = self.expr_value_type(expr).cloned().unwrap_or(Type::NoneType);
            return Operand::Value(self.zero_of(&item_type));
        }
        let Some(index_type) = self.expr_value_type(index_expr).and_then(Type::as_scalar) else {
            self.unsupported("this tuple index", range);
            return Operand::Static;
        };
        let index = self.value_of(index, index_expr);
        Operand::Value(self.dynamic_tuple_get(tuple, items, index, index_type))
    }

    /// Item `index` (any integer, negative from the end) of a homogeneous tuple, with
    /// Python's bounds check.
    pub(crate) fn dynamic_tuple_get(
        &mut self,
        tuple: Value,
        items: &[Type],
        index: Value,
        index_type: ScalarType,
    ) -> Value {
        let n_items = items.len() as i64;
        let Some(item_type) = items.first() else {
            self.raise(ExceptionKind::IndexError, messages::TUPLE_INDEX);
            return self.ins().noneconst();
        };
        let index = if index_type == ScalarType::Bool || index_type != ScalarType::Int64 {
            self.convert(index, ScalarType::Int64)
        } else {
            index
        };
        let zero = self.scalar(ScalarType::Int64, 0);
        let length = self.scalar(ScalarType::Int64, n_items);
        let negative = self.ins().icmp(IntCC::LessThan, index, zero);
        let from_end = self.ins().iadd(index, length);
        let position = self.ins().select(negative, from_end, index);
        let below = self.ins().icmp(IntCC::LessThan, position, zero);
        let above = self.ins().icmp(IntCC::GreaterThanOrEqual, position, length);
        let outside = self.ins().ior(below, above);
        self.raise_if(outside, ExceptionKind::IndexError, messages::TUPLE_INDEX);
        self.select_item(tuple, n_items, position, item_type)
    }

    /// Item `position` (known to be in bounds) of a homogeneous tuple of `n_items`.
    pub(crate) fn select_item(
        &mut self,
        tuple: Value,
        n_items: i64,
        position: Value,
        _item_type: &Type,
    ) -> Value {
        let mut result = self.ins().tuple_get(tuple, 0);
        for item_idx in 1..n_items {
            let item = self.ins().tuple_get(tuple, item_idx as u32);
            let here = self.scalar(ScalarType::Int64, item_idx);
            let is_here = self.ins().icmp(IntCC::Equal, position, here);
            result = self.ins().select(is_here, item, result);
        }
        result
    }

    /// `t[a:b:c]` of a tuple with constant bounds (sema checked them): a new tuple.
    fn slice(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        bounds: [Option<ExprId>; 3],
        base: Operand,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(Type::Tuple(items)) = self.expr_value_type(base_expr) else {
            self.unsupported("slicing this value", range);
            return Operand::Static;
        };
        let mut values = [None; 3];
        for (value, bound) in values.iter_mut().zip(bounds) {
            let Some(bound) = bound else { continue };
            if matches!(self.body.exprs[bound].kind, Expr::Const(ConstValue::None)) {
                continue;
            }
            let Some(constant) = self.const_index(bound) else {
                self.unsupported("a tuple slice bound that is not a constant", range);
                return Operand::Static;
            };
            *value = Some(constant);
        }
        let Some(positions) = numjit_sema::hir::slice_positions(items.len(), values[0], values[1], values[2])
        else {
            self.unsupported("a tuple slice with step zero", range);
            return Operand::Static;
        };
        let tuple = self.value_of(base, base_expr);
        let picked: Vec<Value> =
            positions.iter().map(|position| self.ins().tuple_get(tuple, *position as u32)).collect();
        Operand::Value(self.ins().tuple_make(&picked))
    }

    fn attribute(&mut self, expr: ExprId, base_expr: ExprId, name: &str, base: Operand) -> Operand {
        let range = self.body.exprs[expr].range;
        if let Expr::Attribute { base: array_expr, name: flags } = &self.body.exprs[base_expr].kind
            && flags == "flags"
            && matches!(self.expr_value_type(*array_expr), Some(Type::Array(_)))
            && let Some((_, position)) =
                numjit_sema::templates::numpy::FLAG_NAMES.iter().find(|(flag, _)| *flag == name)
        {
            let flags = self.value_of(base, base_expr);
            return Operand::Value(self.ins().tuple_get(flags, *position));
        }
        if let Some(Type::Array(array_type)) = self.expr_value_type(base_expr) {
            if name == "dtype" {
                return Operand::Static;
            }
            let array = self.value_of(base, base_expr);
            return match self.array_attribute(array_type, name, array) {
                Some(value) => Operand::Value(value),
                None => {
                    self.unsupported(&format!("the array attribute '{name}'"), range);
                    Operand::Static
                }
            };
        }
        if let Some(Type::Range(_)) = self.expr_value_type(base_expr) {
            let field = match name {
                "start" => 0,
                "stop" => 1,
                "step" => 2,
                _ => {
                    self.unsupported(&format!("the attribute '{name}'"), range);
                    return Operand::Static;
                }
            };
            let value = self.value_of(base, base_expr);
            return Operand::Value(self.ins().tuple_get(value, field));
        }
        let Some(scalar) = self.expr_value_type(base_expr).and_then(Type::as_scalar) else {
            self.unsupported(&format!("the attribute '{name}'"), range);
            return Operand::Static;
        };
        let value = self.value_of(base, base_expr);
        Operand::Value(match (name, scalar.is_complex()) {
            ("real", true) => self.ins().creal(value),
            ("imag", true) => self.ins().cimag(value),
            ("real", false) => value,
            ("imag", false) => self.scalar(scalar, 0),
            _ => {
                self.unsupported(&format!("the attribute '{name}'"), range);
                return Operand::Static;
            }
        })
    }

    fn method_call(
        &mut self,
        expr: ExprId,
        base_expr: ExprId,
        method: &str,
        base: Operand,
        arg_exprs: &[ExprId],
        args: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let base_type = self.expr_value_type(base_expr);
        if let (Some(Type::Tuple(items)), "index", [x_expr], [x]) = (base_type, method, arg_exprs, args) {
            let Some(x_type) = self.expr_value_type(*x_expr) else {
                self.unsupported("tuple.index() of this value", range);
                return Operand::Static;
            };
            let tuple = self.value_of(base, base_expr);
            let x = self.value_of(*x, *x_expr);
            // The first equal item wins: walk backwards, each match overriding later ones.
            let n_items = items.len() as i64;
            let mut position = self.scalar(ScalarType::Int64, n_items);
            for (item_idx, item_type) in items.iter().enumerate().rev() {
                let item = self.ins().tuple_get(tuple, item_idx as u32);
                let equal = self.equal_values(x, x_type, item, item_type, 0);
                let here = self.scalar(ScalarType::Int64, item_idx as i64);
                position = self.ins().select(equal, here, position);
            }
            let length = self.scalar(ScalarType::Int64, n_items);
            let missing = self.ins().icmp(IntCC::Equal, position, length);
            self.raise_if(missing, ExceptionKind::ValueError, messages::TUPLE_INDEX_MISSING);
            return Operand::Value(position);
        }
        if let Some(Type::Array(array_type)) = base_type {
            let array = self.value_of(base, base_expr);
            return self.array_method(expr, array, array_type, method, arg_exprs, args);
        }
        let scalar = base_type.and_then(Type::as_scalar);
        match (scalar, method) {
            (Some(scalar), "conjugate") => {
                let value = self.value_of(base, base_expr);
                Operand::Value(if scalar.is_complex() { self.ins().cconj(value) } else { value })
            }
            _ => {
                self.unsupported(&format!("the method '{method}'"), range);
                Operand::Static
            }
        }
    }
}

/// The value type of an optional type, `None` for other types.
fn optional_inner(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Optional(inner) => Some(inner),
        _ => None,
    }
}

/// Whether a type has an optional anywhere in it (tuple items included).
fn contains_optional(ty: &Type) -> bool {
    let mut stack = vec![ty];
    while let Some(ty) = stack.pop() {
        match ty {
            Type::Optional(_) => return true,
            Type::Tuple(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}
