//! Calls: other instances (IR `call`; `try_call` inside `try` with a handler; `invoke`
//! where the caller holds array references to release if the callee raises),
//! builtins, `math` and `cmath` functions, NumPy scalar constructors.
//!
//! Arguments convert to the types sema's resolution chose. Math functions are IR
//! intrinsics and give the C library's result where CPython raises a domain or range
//! error (`math.sqrt(-1)` is nan, `math.exp(1000)` and `math.ldexp(1, 1024)` are inf), as
//! Numba does; conversions to int keep CPython's checks (`int(nan)`, `math.floor(inf)`).
//! `round(x, n)` follows Numba's algorithm (scale by a power of ten, round half to even,
//! scale back).

use numjit_ir::{ExceptionKind, FloatCC, IntCC, Intrinsic, Value};
use numjit_sema::hir::{BinaryOp, CmpOp, ExprId, KeywordArg};
use numjit_sema::program::BoundArg;
use numjit_sema::templates::{Builtin, CMathFn, MathFn};
use numjit_sema::{CallTarget, Callable, ConstValue, InstanceId, Resolution};
use numjit_types::{ScalarType, Type};

use crate::GuardedCall;
use crate::function::{Lowerer, Operand, ReadKey};
use crate::messages;

/// The type sema gives a constant.
fn const_type(value: &ConstValue) -> Type {
    match value {
        ConstValue::None => Type::NoneType,
        ConstValue::Bool(_) => Type::BOOL,
        ConstValue::Int(_) => Type::INT64,
        ConstValue::UInt(_) => Type::Scalar(ScalarType::UInt64),
        ConstValue::Float(_) => Type::FLOAT64,
        ConstValue::Complex { .. } => Type::COMPLEX128,
        ConstValue::Str(_) => Type::Str,
        ConstValue::Tuple(items) => Type::Tuple(items.iter().map(const_type).collect()),
    }
}

impl<'a> Lowerer<'a> {
    /// A call whose argument operands (positional, then keyword values) are evaluated.
    pub(crate) fn call(
        &mut self,
        expr: ExprId,
        positional: &[ExprId],
        keywords: &[KeywordArg],
        operands: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let typed = self.typed;
        let Some(resolution) = typed.resolutions.get(&expr) else {
            self.unsupported("this call", range);
            return Operand::Static;
        };
        let arg_exprs: Vec<ExprId> =
            positional.iter().copied().chain(keywords.iter().map(|keyword| keyword.value)).collect();
        match &resolution.target {
            Some(CallTarget::Instance { instance, args }) => {
                self.call_instance(expr, *instance, args, &arg_exprs, operands)
            }
            Some(CallTarget::Callable(Callable::Builtin(builtin))) => {
                self.call_builtin(expr, *builtin, &arg_exprs, operands, resolution)
            }
            Some(CallTarget::Callable(Callable::Math(function))) => {
                let args = self.typed_args(&arg_exprs, operands, resolution);
                self.call_math(expr, *function, &args, resolution)
            }
            Some(CallTarget::Callable(Callable::CMath(function))) => {
                let args = self.typed_args(&arg_exprs, operands, resolution);
                self.call_cmath(expr, *function, &args, resolution)
            }
            Some(CallTarget::Callable(Callable::Numpy(function))) => {
                self.call_numpy(expr, *function, positional, keywords, operands)
            }
            Some(CallTarget::Callable(Callable::ArrayFunc(function))) => {
                self.call_array_func(expr, *function, positional, keywords, operands)
            }
            Some(CallTarget::Callable(Callable::Ufunc(ufunc))) if self.ufunc_out_call(expr, *ufunc) => {
                self.ufunc_into_out(*ufunc, &arg_exprs, operands)
            }
            Some(CallTarget::Callable(Callable::Ufunc(ufunc))) if matches!(resolution.ret.as_value(), Some(Type::Tuple(items)) if items.iter().any(|item| matches!(item, Type::Array(_)))) =>
            {
                let mut args = Vec::with_capacity(arg_exprs.len());
                for (&arg, &operand) in arg_exprs.iter().zip(operands) {
                    let value = self.value_of(operand, arg);
                    args.push((value, self.expr_value_type(arg).cloned().unwrap_or(Type::NoneType)));
                }
                self.ufunc_pair_arrays(expr, *ufunc, &args)
            }
            Some(CallTarget::Callable(Callable::Ufunc(ufunc))) => {
                let args = self.typed_args(&arg_exprs, operands, resolution);
                let values: Vec<Value> = args.iter().map(|(value, _)| *value).collect();
                self.ufunc_scalar(expr, *ufunc, &values)
            }
            Some(CallTarget::Callable(Callable::NumpyScalar(scalar))) => {
                let args = self.typed_args(&arg_exprs, operands, resolution);
                match args.first() {
                    Some((value, _)) => Operand::Value(self.convert(*value, *scalar)),
                    None => Operand::Static,
                }
            }
            Some(CallTarget::Exception(_)) => Operand::Static,
            None => {
                self.unsupported("this call", range);
                Operand::Static
            }
        }
    }

    /// The argument values converted to the resolution's argument types, with their types.
    fn typed_args(
        &mut self,
        arg_exprs: &[ExprId],
        operands: &[Operand],
        resolution: &Resolution,
    ) -> Vec<(Value, Type)> {
        let mut args = Vec::with_capacity(arg_exprs.len());
        for (idx, (&expr, &operand)) in arg_exprs.iter().zip(operands).enumerate() {
            let value = self.value_of(operand, expr);
            let from = self.expr_value_type(expr).cloned().unwrap_or(Type::NoneType);
            match resolution.arg_types.get(idx) {
                Some(formal) => {
                    let value = self.coerce(value, &from, formal);
                    args.push((value, formal.clone()));
                }
                None => args.push((value, from)),
            }
        }
        args
    }

    fn call_instance(
        &mut self,
        expr: ExprId,
        instance: InstanceId,
        bound: &[BoundArg],
        arg_exprs: &[ExprId],
        operands: &[Operand],
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(signature) = self.cx.signatures.get(&instance) else {
            self.unsupported("calling this function", range);
            return Operand::Static;
        };
        let mut values = Vec::with_capacity(signature.ir_params.len());
        for (bound_arg, param_type) in bound.iter().zip(&signature.params) {
            let Some(param_type) = param_type else { continue };
            let (value, from) = match bound_arg {
                BoundArg::Expr(arg) => {
                    let operand = arg_exprs
                        .iter()
                        .position(|candidate| candidate == arg)
                        .and_then(|idx| operands.get(idx));
                    let value = self.value_of(operand.copied().unwrap_or(Operand::Static), *arg);
                    (value, self.expr_value_type(*arg).cloned().unwrap_or(Type::NoneType))
                }
                BoundArg::Default(constant) => (self.constant(constant), const_type(constant)),
                BoundArg::Capture(local) => match self.read_version(ReadKey::Capture(expr, *local)) {
                    Some((value, from)) => (value, from),
                    None => (self.zero_of(param_type), param_type.clone()),
                },
            };
            values.push(self.coerce(value, &from, param_type));
        }
        let func_ref = self.func.declare_function(
            signature.name.clone(),
            signature.ir_params.clone(),
            signature.ir_return.clone(),
        );
        if self.catches_here() {
            let result = self.try_call(func_ref, &values, signature.ir_return.clone());
            if crate::arrays::holds_arrays(&signature.return_type) {
                // The callee returned a reference of its own (on the normal edge).
                self.own(result);
            }
            return Operand::Value(result);
        }
        let result = if !self.in_try() && self.holds_references() {
            self.invoke(func_ref, &values, signature.ir_return.clone())
        } else {
            self.ins().call(func_ref, &values)
        };
        if crate::arrays::holds_arrays(&signature.return_type) {
            // The callee returned a reference of its own.
            self.own(result);
        }
        if self.in_try() {
            // Only `finally` encloses the call: what the callee raises would skip it.
            self.guarded_calls.push(GuardedCall { range, callee: instance });
        }
        Operand::Value(result)
    }

    // ----- builtins -----------------------------------------------------------------------

    fn call_builtin(
        &mut self,
        expr: ExprId,
        builtin: Builtin,
        arg_exprs: &[ExprId],
        operands: &[Operand],
        resolution: &Resolution,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let ret = resolution.ret.as_value().cloned().unwrap_or(Type::NoneType);
        let ret_scalar = ret.as_scalar();
        match builtin {
            Builtin::Print => {
                let mut values = Vec::with_capacity(arg_exprs.len());
                for (&arg, &operand) in arg_exprs.iter().zip(operands) {
                    let printable = match self.expr_value_type(arg) {
                        Some(Type::Scalar(_) | Type::Str | Type::NoneType | Type::Array(_)) => true,
                        Some(Type::Tuple(items)) => items.iter().all(|item| {
                            matches!(item, Type::Scalar(_) | Type::Str | Type::NoneType | Type::Array(_))
                        }),
                        _ => false,
                    };
                    if !printable {
                        self.unsupported("printing a value of this type", self.body.exprs[arg].range);
                        return Operand::Static;
                    }
                    values.push(self.value_of(operand, arg));
                }
                self.ins().print(&values);
                return Operand::Static;
            }
            Builtin::Bool => {
                let (Some(&arg), Some(&operand)) = (arg_exprs.first(), operands.first()) else {
                    return Operand::Value(self.ins().bconst(false));
                };
                return Operand::Value(self.truth_of(operand, arg));
            }
            Builtin::Len => {
                let (Some(&arg), Some(&operand)) = (arg_exprs.first(), operands.first()) else {
                    return Operand::Static;
                };
                return match self.expr_value_type(arg) {
                    Some(Type::Array(_)) => {
                        let value = self.value_of(operand, arg);
                        Operand::Value(self.ins().array_dim(value, 0))
                    }
                    Some(Type::Tuple(items)) => {
                        Operand::Value(self.scalar(ScalarType::Int64, items.len() as i64))
                    }
                    Some(Type::Flat(array)) => {
                        let ndim = array.ndim;
                        let value = self.value_of(operand, arg);
                        Operand::Value(self.array_size(value, ndim))
                    }
                    Some(Type::Range(int)) => {
                        let value = self.value_of(operand, arg);
                        let len = self.range_value_len(value, *int);
                        Operand::Value(self.convert(len, *int))
                    }
                    Some(Type::Str) => match &self.body.exprs[arg].kind {
                        numjit_sema::hir::Expr::Const(ConstValue::Str(text)) => {
                            Operand::Value(self.scalar(ScalarType::Int64, text.chars().count() as i64))
                        }
                        _ => {
                            self.unsupported("len() of a string that is not a constant", range);
                            Operand::Static
                        }
                    },
                    _ => {
                        self.unsupported("len() of this value", range);
                        Operand::Static
                    }
                };
            }
            _ => {}
        }
        let args = self.typed_args(arg_exprs, operands, resolution);
        let scalar_arg = |idx: usize| args.get(idx).and_then(|(_, ty)| ty.as_scalar());
        let value = match (builtin, ret_scalar) {
            (Builtin::Range | Builtin::Prange, _) => {
                let Type::Range(int) = ret else { return Operand::Static };
                let values: Vec<Value> = args.iter().map(|(value, _)| *value).collect();
                let (start, stop, step) = match values.as_slice() {
                    [stop] => (self.scalar(int, 0), *stop, self.scalar(int, 1)),
                    [start, stop] => (*start, *stop, self.scalar(int, 1)),
                    [start, stop, step] => {
                        let literal = arg_exprs.get(2).is_some_and(|expr| {
                            matches!(self.body.exprs[*expr].kind,
                                numjit_sema::hir::Expr::Const(ConstValue::Int(value)) if value != 0)
                        });
                        if !literal {
                            let zero = self.is_zero(*step, int);
                            self.raise_if(zero, ExceptionKind::ValueError, messages::RANGE_STEP_ZERO);
                        }
                        (*start, *stop, *step)
                    }
                    _ => return Operand::Static,
                };
                self.ins().tuple_make(&[start, stop, step])
            }
            (Builtin::Abs, Some(ret)) => {
                let (Some(&(x, _)), Some(arg)) = (args.first(), scalar_arg(0)) else {
                    return Operand::Static;
                };
                let result = if arg.is_complex() {
                    let real = self.ins().creal(x);
                    let imag = self.ins().cimag(x);
                    self.ins().call_intrinsic(Intrinsic::Hypot, &[real, imag])
                } else if arg.is_float() {
                    self.ins().call_intrinsic(Intrinsic::Fabs, &[x])
                } else if arg.is_signed_integer() {
                    let zero = self.scalar(arg, 0);
                    let negative = self.ins().icmp(IntCC::LessThan, x, zero);
                    let negated = self.ins().ineg(x);
                    self.ins().select(negative, negated, x)
                } else {
                    x
                };
                self.convert(result, ret)
            }
            (Builtin::Min | Builtin::Max, Some(ret)) if matches!(args.as_slice(), [(_, Type::Range(_))]) => {
                let [(range_value, Type::Range(int))] = args.as_slice() else { return Operand::Static };
                self.range_min_max(builtin == Builtin::Min, *range_value, *int, ret)
            }
            (Builtin::Min | Builtin::Max, Some(ret)) => {
                let items: Vec<Value> = match args.as_slice() {
                    [(tuple, Type::Tuple(item_types))] => {
                        (0..item_types.len()).map(|idx| self.ins().tuple_get(*tuple, idx as u32)).collect()
                    }
                    many => many.iter().map(|(value, _)| *value).collect(),
                };
                let mut best: Option<Value> = None;
                for item in items {
                    let item = self.convert(item, ret);
                    best = Some(match best {
                        None => item,
                        Some(current) => {
                            let op = if builtin == Builtin::Min { CmpOp::Lt } else { CmpOp::Gt };
                            let better = self.cmp_scalar(op, item, current, ret);
                            self.ins().select(better, item, current)
                        }
                    });
                }
                match best {
                    Some(value) => value,
                    None => return Operand::Static,
                }
            }
            (Builtin::Round, Some(ret)) => match args.as_slice() {
                [(x, Type::Scalar(float))] => {
                    let rounded = self.ins().call_intrinsic(Intrinsic::Round, &[*x]);
                    let _ = float;
                    self.float_to_int(rounded, ret)
                }
                [(x, _), (ndigits, _)] => self.round_digits(*x, *ndigits, ret),
                _ => return Operand::Static,
            },
            (Builtin::Int, Some(ret)) => match args.first() {
                Some(&(x, Type::Scalar(from))) if from.is_float() => self.float_to_int(x, ret),
                Some(&(x, _)) => self.convert(x, ret),
                None => self.scalar(ret, 0),
            },
            (Builtin::Float, Some(ret)) => match args.first() {
                Some(&(x, _)) => self.convert(x, ret),
                None => self.float(ret, 0.0),
            },
            (Builtin::Complex, Some(ret)) => match args.as_slice() {
                [(x, _)] => self.convert(*x, ret),
                [(re, re_type), (im, im_type)] => {
                    let part = ret.real_part();
                    let complex_args = re_type.as_scalar().is_some_and(ScalarType::is_complex)
                        || im_type.as_scalar().is_some_and(ScalarType::is_complex);
                    if complex_args {
                        // complex(a, b) = a + b*1j for complex a, b.
                        let re = self.convert(*re, ret);
                        let im = self.convert(*im, ret);
                        let (re_re, re_im) = (self.ins().creal(re), self.ins().cimag(re));
                        let (im_re, im_im) = (self.ins().creal(im), self.ins().cimag(im));
                        let real = self.ins().fsub(re_re, im_im);
                        let imag = self.ins().fadd(re_im, im_re);
                        self.ins().cmake(real, imag)
                    } else {
                        let re = self.convert(*re, part);
                        let im = self.convert(*im, part);
                        self.ins().cmake(re, im)
                    }
                }
                _ => return Operand::Static,
            },
            (Builtin::Divmod, _) => {
                let ([(a, _), (b, _)], Some(scalar)) = (args.as_slice(), scalar_arg(0)) else {
                    return Operand::Static;
                };
                let (a, b) = (*a, *b);
                if scalar.is_float() {
                    self.check_zero_divisor(b, scalar, "float divmod()");
                    let quotient = self.ins().ffloordiv(a, b);
                    let remainder = self.ins().fmod(a, b);
                    self.ins().tuple_make(&[quotient, remainder])
                } else if self.cx.options.error_model == crate::ErrorModel::Python {
                    self.check_zero_divisor(b, scalar, "integer division or modulo by zero");
                    let quotient = self.ins().ifloordiv(a, b);
                    let remainder = self.ins().imod(a, b);
                    self.ins().tuple_make(&[quotient, remainder])
                } else {
                    let quotient = self.arith(BinaryOp::FloorDiv, a, scalar, b, scalar, scalar);
                    let remainder = self.arith(BinaryOp::Mod, a, scalar, b, scalar, scalar);
                    self.ins().tuple_make(&[quotient, remainder])
                }
            }
            (Builtin::Pow, Some(ret)) => {
                let ([(a, _), (b, _)], Some(a_scalar), Some(b_scalar)) =
                    (args.as_slice(), scalar_arg(0), scalar_arg(1))
                else {
                    return Operand::Static;
                };
                self.arith(BinaryOp::Pow, *a, a_scalar, *b, b_scalar, ret)
            }
            _ => {
                self.unsupported(&format!("{}() here", builtin.name()), range);
                return Operand::Static;
            }
        };
        Operand::Value(value)
    }

    /// A float converted to an integer type, raising as CPython's `int()` does for NaN and
    /// infinities.
    /// `min(r)` / `max(r)` of a range object in O(1): its first or last item, by the sign
    /// of the step; an empty range raises `ValueError` as CPython does.
    fn range_min_max(&mut self, is_min: bool, range: Value, int: ScalarType, ret: ScalarType) -> Value {
        let len = self.range_value_len(range, int);
        let zero_len = self.scalar(ScalarType::Int64, 0);
        let empty = self.ins().icmp(IntCC::Equal, len, zero_len);
        let message = if is_min { messages::MIN_EMPTY } else { messages::MAX_EMPTY };
        self.raise_if(empty, ExceptionKind::ValueError, message);
        let work = if int == ScalarType::UInt64 { ScalarType::UInt64 } else { ScalarType::Int64 };
        let parts: Vec<Value> = (0..3).map(|idx| self.ins().tuple_get(range, idx)).collect();
        let start = self.convert(parts[0], work);
        let step = self.convert(parts[2], work);
        let one = self.scalar(ScalarType::Int64, 1);
        let before_last = self.ins().isub(len, one);
        let before_last = self.convert(before_last, work);
        let offset = self.ins().imul(before_last, step);
        let last = self.ins().iadd(start, offset);
        let zero = self.scalar(work, 0);
        let positive = self.ins().icmp(IntCC::GreaterThan, step, zero);
        let (if_positive, if_negative) = if is_min { (start, last) } else { (last, start) };
        let result = self.ins().select(positive, if_positive, if_negative);
        self.convert(result, ret)
    }

    pub(crate) fn float_to_int(&mut self, x: Value, to: ScalarType) -> Value {
        let nan = self.ins().call_intrinsic(Intrinsic::Isnan, &[x]);
        self.raise_if(nan, ExceptionKind::ValueError, messages::INT_OF_NAN);
        let infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[x]);
        self.raise_if(infinite, ExceptionKind::OverflowError, messages::INT_OF_INF);
        self.convert(x, to)
    }

    /// `round(x, ndigits)` as Numba computes it.
    fn round_digits(&mut self, x: Value, ndigits: Value, float: ScalarType) -> Value {
        let x = self.convert(x, float);
        let ndigits = self.convert(ndigits, ScalarType::Int64);
        let zero = self.scalar(ScalarType::Int64, 0);
        let twenty_two = self.scalar(ScalarType::Int64, 22);
        let ten = self.float(float, 10.0);
        let one = self.float(float, 1.0);
        let big_power = self.float(float, 1e22);
        let twenty_two_float = self.float(float, 22.0);
        let finite = self.ins().call_intrinsic(Intrinsic::Isfinite, &[x]);
        let non_negative = self.ins().icmp(IntCC::GreaterThanOrEqual, ndigits, zero);
        let huge = self.ins().icmp(IntCC::GreaterThan, ndigits, twenty_two);
        let digits = self.convert(ndigits, float);
        // ndigits >= 0: y = (x * 10**(n - 22 or n)) * (1e22 or 1); result = rint(y) / ... .
        let reduced = self.ins().fsub(digits, twenty_two_float);
        let exponent = self.ins().select(huge, reduced, digits);
        let pow1 = self.ins().fpow(ten, exponent);
        let pow2 = self.ins().select(huge, big_power, one);
        let scaled = self.ins().fmul(x, pow1);
        let y = self.ins().fmul(scaled, pow2);
        let y_infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[y]);
        let rounded = self.ins().call_intrinsic(Intrinsic::Round, &[y]);
        let back = self.ins().fdiv(rounded, pow2);
        let back = self.ins().fdiv(back, pow1);
        let positive_result = self.ins().select(y_infinite, x, back);
        // ndigits < 0: result = rint(x / 10**-n) * 10**-n.
        let negated = self.ins().fneg(digits);
        let pow_negative = self.ins().fpow(ten, negated);
        let divided = self.ins().fdiv(x, pow_negative);
        let rounded_negative = self.ins().call_intrinsic(Intrinsic::Round, &[divided]);
        let negative_result = self.ins().fmul(rounded_negative, pow_negative);
        let result = self.ins().select(non_negative, positive_result, negative_result);
        self.ins().select(finite, result, x)
    }

    // ----- math -----------------------------------------------------------------------------

    /// `math.f(args)`; arguments are converted to the resolution's types.
    fn call_math(
        &mut self,
        expr: ExprId,
        function: MathFn,
        args: &[(Value, Type)],
        resolution: &Resolution,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(ret) = resolution.ret.as_value().cloned() else { return Operand::Static };
        let float = ret.as_scalar().map_or(ScalarType::Float64, |ret| {
            if ret.is_float() { ret } else { args.first().and_then(|(_, ty)| ty.as_scalar()).unwrap_or(ret) }
        });
        let arg_scalar = |idx: usize| args.get(idx).and_then(|(_, ty)| ty.as_scalar());
        let Some(&(first, _)) = args.first() else { return Operand::Static };
        let second = args.get(1).map(|(value, _)| *value);
        let ret_scalar = ret.as_scalar().unwrap_or(float);
        use MathFn as M;
        let value = match function {
            M::Isnan | M::Isinf | M::Isfinite => {
                let Some(arg) = arg_scalar(0) else { return Operand::Static };
                if !arg.is_float() {
                    return Operand::Value(self.ins().bconst(function == M::Isfinite));
                }
                let intrinsic = match function {
                    M::Isnan => Intrinsic::Isnan,
                    M::Isinf => Intrinsic::Isinf,
                    _ => Intrinsic::Isfinite,
                };
                self.ins().call_intrinsic(intrinsic, &[first])
            }
            M::Ceil | M::Floor | M::Trunc => {
                let Some(arg) = arg_scalar(0) else { return Operand::Static };
                if !arg.is_float() {
                    return Operand::Value(self.convert(first, ret_scalar));
                }
                let intrinsic = match function {
                    M::Ceil => Intrinsic::Ceil,
                    M::Floor => Intrinsic::Floor,
                    _ => Intrinsic::Trunc,
                };
                let rounded = self.ins().call_intrinsic(intrinsic, &[first]);
                self.float_to_int(rounded, ret_scalar)
            }
            M::Gcd => {
                let Some(second) = second else { return Operand::Static };
                let (a, b) = (self.convert(first, ret_scalar), self.convert(second, ret_scalar));
                self.ins().call_intrinsic(Intrinsic::Gcd, &[a, b])
            }
            M::Frexp => self.ins().call_intrinsic(Intrinsic::Frexp, &[first]),
            M::Ldexp => {
                let Some(second) = second else { return Operand::Static };
                self.ins().call_intrinsic(Intrinsic::Ldexp, &[first, second])
            }
            M::Modf => {
                let integral = self.ins().call_intrinsic(Intrinsic::Trunc, &[first]);
                let infinite = self.ins().call_intrinsic(Intrinsic::Isinf, &[first]);
                let zero = self.float(float, 0.0);
                let difference = self.ins().fsub(first, integral);
                let fraction = self.ins().select(infinite, zero, difference);
                let fraction = self.ins().call_intrinsic(Intrinsic::Copysign, &[fraction, first]);
                self.ins().tuple_make(&[fraction, integral])
            }
            _ => {
                // Functions on floats: convert integer arguments to the result type.
                let x = self.convert(first, float);
                let y = second.map(|second| self.convert(second, float));
                match self.math_float(function, x, y, float) {
                    Some(value) => value,
                    None => {
                        self.unsupported(&format!("math.{}() with these arguments", function.name()), range);
                        return Operand::Static;
                    }
                }
            }
        };
        Operand::Value(value)
    }

    /// `x cc constant` on a float.
    fn fcmp_const(&mut self, cc: FloatCC, x: Value, constant: f64, float: ScalarType) -> Value {
        let constant = self.float(float, constant);
        self.ins().fcmp(cc, x, constant)
    }

    fn domain_error_if(&mut self, fail: Value) {
        self.raise_if(fail, ExceptionKind::ValueError, messages::MATH_DOMAIN);
    }

    /// Math functions of floats. Domain and range errors give the C library's result (NaN
    /// or an infinity), as Numba does (`math.sqrt(-1)` is nan, `math.exp(1000)` is inf);
    /// only `math.log(x, base)`, which Numba does not type, keeps CPython's checks.
    fn math_float(
        &mut self,
        function: MathFn,
        x: Value,
        y: Option<Value>,
        float: ScalarType,
    ) -> Option<Value> {
        use MathFn as M;
        let unary = match function {
            M::Atan => Some(Intrinsic::Atan),
            M::Asinh => Some(Intrinsic::Asinh),
            M::Tanh => Some(Intrinsic::Tanh),
            M::Erf => Some(Intrinsic::Erf),
            M::Erfc => Some(Intrinsic::Erfc),
            M::Fabs => Some(Intrinsic::Fabs),
            M::Degrees => Some(Intrinsic::Degrees),
            M::Radians => Some(Intrinsic::Radians),
            M::Sqrt => Some(Intrinsic::Sqrt),
            M::Exp => Some(Intrinsic::Exp),
            M::Expm1 => Some(Intrinsic::Expm1),
            M::Cosh => Some(Intrinsic::Cosh),
            M::Sinh => Some(Intrinsic::Sinh),
            M::Log if y.is_none() => Some(Intrinsic::Log),
            M::Log10 => Some(Intrinsic::Log10),
            M::Log2 => Some(Intrinsic::Log2),
            M::Log1p => Some(Intrinsic::Log1p),
            M::Sin => Some(Intrinsic::Sin),
            M::Cos => Some(Intrinsic::Cos),
            M::Tan => Some(Intrinsic::Tan),
            M::Asin => Some(Intrinsic::Asin),
            M::Acos => Some(Intrinsic::Acos),
            M::Acosh => Some(Intrinsic::Acosh),
            M::Atanh => Some(Intrinsic::Atanh),
            M::Gamma => Some(Intrinsic::Gamma),
            M::Lgamma => Some(Intrinsic::Lgamma),
            _ => None,
        };
        if let Some(intrinsic) = unary {
            return Some(self.ins().call_intrinsic(intrinsic, &[x]));
        }
        let binary = match function {
            M::Atan2 => Some(Intrinsic::Atan2),
            M::Hypot => Some(Intrinsic::Hypot),
            M::Copysign => Some(Intrinsic::Copysign),
            M::Nextafter => Some(Intrinsic::Nextafter),
            _ => None,
        };
        if let Some(intrinsic) = binary {
            return Some(self.ins().call_intrinsic(intrinsic, &[x, y?]));
        }
        Some(match function {
            M::Exp2 => {
                let two = self.float(float, 2.0);
                self.ins().fpow(two, x)
            }
            M::Log => {
                // Numba has only the one-argument form; this follows CPython (numjit-only).
                let base = y?;
                let bad_x = self.fcmp_const(FloatCC::LessThanOrEqual, x, 0.0, float);
                let bad_base = self.fcmp_const(FloatCC::LessThanOrEqual, base, 0.0, float);
                let bad = self.ins().ior(bad_x, bad_base);
                self.domain_error_if(bad);
                let numerator = self.ins().call_intrinsic(Intrinsic::Log, &[x]);
                let denominator = self.ins().call_intrinsic(Intrinsic::Log, &[base]);
                let zero = self.fcmp_const(FloatCC::Equal, denominator, 0.0, float);
                self.raise_if(zero, ExceptionKind::ZeroDivisionError, "float division by zero");
                self.ins().fdiv(numerator, denominator)
            }
            M::Pow => {
                let y = y?;
                self.ins().fpow(x, y)
            }
            M::Fmod => {
                let y = y?;
                self.ins().frem(x, y)
            }
            _ => return None,
        })
    }

    // ----- cmath ----------------------------------------------------------------------------

    fn call_cmath(
        &mut self,
        expr: ExprId,
        function: CMathFn,
        args: &[(Value, Type)],
        resolution: &Resolution,
    ) -> Operand {
        let range = self.body.exprs[expr].range;
        let Some(&(z, _)) = args.first() else { return Operand::Static };
        let second = args.get(1).map(|(value, _)| *value);
        use CMathFn as C;
        let intrinsic = match function {
            C::Acos => Intrinsic::Acos,
            C::Acosh => Intrinsic::Acosh,
            C::Asin => Intrinsic::Asin,
            C::Asinh => Intrinsic::Asinh,
            C::Atan => Intrinsic::Atan,
            C::Atanh => Intrinsic::Atanh,
            C::Cos => Intrinsic::Cos,
            C::Cosh => Intrinsic::Cosh,
            C::Exp => Intrinsic::Exp,
            C::Isfinite => Intrinsic::Isfinite,
            C::Isinf => Intrinsic::Isinf,
            C::Isnan => Intrinsic::Isnan,
            C::Log => Intrinsic::Log,
            C::Log10 => Intrinsic::Log10,
            C::Phase => Intrinsic::Phase,
            C::Polar => Intrinsic::Polar,
            C::Rect => Intrinsic::Rect,
            C::Sin => Intrinsic::Sin,
            C::Sinh => Intrinsic::Sinh,
            C::Sqrt => Intrinsic::Sqrt,
            C::Tan => Intrinsic::Tan,
            C::Tanh => Intrinsic::Tanh,
        };
        let ret = resolution.ret.as_scalar();
        let value = match function {
            C::Rect => {
                let Some(second) = second else { return Operand::Static };
                self.ins().call_intrinsic(intrinsic, &[z, second])
            }
            C::Log | C::Log10 => {
                let complex = self.func.dfg.value_type(z).as_scalar().unwrap_or(ScalarType::Complex128);
                let zero = self.is_zero(z, complex);
                self.domain_error_if(zero);
                let log = self.ins().call_intrinsic(intrinsic, &[z]);
                match second {
                    Some(base) => {
                        let base_log = self.ins().call_intrinsic(Intrinsic::Log, &[base]);
                        self.ins().cdiv(log, base_log)
                    }
                    None => log,
                }
            }
            _ => self.ins().call_intrinsic(intrinsic, &[z]),
        };
        if ret.is_some_and(|ret| self.func.dfg.value_type(value) != &Type::Scalar(ret)) {
            self.unsupported(&format!("cmath.{}() with these arguments", function.name()), range);
        }
        Operand::Value(value)
    }
}
