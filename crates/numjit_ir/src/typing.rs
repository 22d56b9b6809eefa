//! Each opcode's typing rule: which operand types it accepts and which result types it
//! produces ([`Opcode::result_types`]).
//!
//! One rule serves three users: the builder computes result types with it, the text parser
//! infers the types of results the text does not spell out, and the verifier checks every
//! instruction against it. Branch arguments and `yield` operands are not covered here:
//! they are checked against the target block's parameters and the enclosing op's results.

use cranelift_entity::PrimaryMap;
use numjit_types::{ArrayType, Layout as ArrayLayout, ScalarType, Type};

use crate::{FuncDecl, FuncRef, Opcode, intrinsic::complex_of};

/// What typing needs beyond the operands: the function's callees and return type.
#[derive(Clone, Copy, Debug)]
pub struct TypingEnv<'a> {
    /// The function's callee declarations.
    pub func_decls: &'a PrimaryMap<FuncRef, FuncDecl>,
    /// The function's return type.
    pub return_type: &'a Type,
}

/// The smallest and largest value of an integer type (`bool` counts as 0..=1).
pub fn int_range(ty: ScalarType) -> Option<(i128, i128)> {
    if ty == ScalarType::Bool {
        return Some((0, 1));
    }
    if !ty.is_integer() {
        return None;
    }
    let bits = ty.size_bytes() * 8;
    Some(if ty.is_signed_integer() {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    })
}

/// Whether `bits` (an `f64`) is a value that the float type `ty` (or the parts of the
/// complex type `ty`) holds exactly.
fn float_fits(ty: ScalarType, bits: u64) -> bool {
    let value = f64::from_bits(bits);
    ty.real_part() != ScalarType::Float32 || value.is_nan() || f64::from(value as f32).to_bits() == bits
}

fn list(types: &[Type]) -> String {
    let names: Vec<String> = types.iter().map(ToString::to_string).collect();
    format!("({})", names.join(", "))
}

fn scalar(ty: &Type) -> Option<ScalarType> {
    ty.as_scalar()
}

impl Opcode {
    /// The result types of this opcode applied to operands of `arg_types`, or a message
    /// saying why the operands do not fit (`iadd needs two operands of one integer type,
    /// found (int64, float64)`).
    ///
    /// For `for` and `parfor` the operands are the loop operands in their documented order;
    /// the region is checked by the verifier.
    pub fn result_types(&self, arg_types: &[Type], env: &TypingEnv<'_>) -> Result<Vec<Type>, String> {
        let name = self.name();
        let wrong = |needs: &str| format!("{name} needs {needs}, found {}", list(arg_types));
        let no_operands = |results: Vec<Type>| {
            if arg_types.is_empty() { Ok(results) } else { Err(wrong("no operands")) }
        };
        let scalars: Vec<Option<ScalarType>> = arg_types.iter().map(scalar).collect();
        let same_pair = || match scalars.as_slice() {
            [Some(a), Some(b)] if a == b => Some(*a),
            _ => None,
        };
        let single = || match scalars.as_slice() {
            [Some(a)] => Some(*a),
            _ => None,
        };
        match self {
            Opcode::Iconst { ty, value } => {
                let (low, high) = int_range(*ty)
                    .filter(|_| ty.is_integer())
                    .ok_or_else(|| format!("iconst needs an integer type, found {ty}"))?;
                if *value < low || *value > high {
                    return Err(format!("constant {value} does not fit in {ty}"));
                }
                no_operands(vec![Type::Scalar(*ty)])
            }
            Opcode::Fconst { ty, bits } => {
                if !ty.is_float() {
                    return Err(format!("fconst needs a float type, found {ty}"));
                }
                if !float_fits(*ty, *bits) {
                    return Err(format!("constant {} is not exactly a {ty}", f64::from_bits(*bits)));
                }
                no_operands(vec![Type::Scalar(*ty)])
            }
            Opcode::Cconst { ty, real_bits, imag_bits } => {
                if !ty.is_complex() {
                    return Err(format!("cconst needs a complex type, found {ty}"));
                }
                if !float_fits(*ty, *real_bits) || !float_fits(*ty, *imag_bits) {
                    return Err(format!("the parts of the constant are not exactly {}", ty.real_part()));
                }
                no_operands(vec![Type::Scalar(*ty)])
            }
            Opcode::Bconst(_) => no_operands(vec![Type::BOOL]),
            Opcode::NoneConst => no_operands(vec![Type::NoneType]),
            Opcode::Sconst(_) => no_operands(vec![Type::Str]),

            Opcode::Iadd
            | Opcode::Isub
            | Opcode::Imul
            | Opcode::IfloorDiv
            | Opcode::Imod
            | Opcode::Idiv
            | Opcode::Irem
            | Opcode::Ishl
            | Opcode::Ishr
            | Opcode::Ipow => match same_pair() {
                Some(ty) if ty.is_integer() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("two operands of one integer type")),
            },
            Opcode::Iand | Opcode::Ior | Opcode::Ixor => match same_pair() {
                Some(ty) if ty.is_integer() || ty == ScalarType::Bool => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("two operands of one integer or bool type")),
            },
            Opcode::Ineg => match single() {
                Some(ty) if ty.is_integer() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("one integer operand")),
            },
            Opcode::Inot => match single() {
                Some(ty) if ty.is_integer() || ty == ScalarType::Bool => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("one integer or bool operand")),
            },

            Opcode::Fadd
            | Opcode::Fsub
            | Opcode::Fmul
            | Opcode::Fdiv
            | Opcode::FfloorDiv
            | Opcode::Fmod
            | Opcode::Frem
            | Opcode::Fpow => match same_pair() {
                Some(ty) if ty.is_float() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("two operands of one float type")),
            },
            Opcode::Fneg => match single() {
                Some(ty) if ty.is_float() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("one float operand")),
            },

            Opcode::Cadd | Opcode::Csub | Opcode::Cmul | Opcode::Cdiv | Opcode::Cpow => match same_pair() {
                Some(ty) if ty.is_complex() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("two operands of one complex type")),
            },
            Opcode::Cneg | Opcode::Cconj => match single() {
                Some(ty) if ty.is_complex() => Ok(vec![Type::Scalar(ty)]),
                _ => Err(wrong("one complex operand")),
            },
            Opcode::Creal | Opcode::Cimag => match single() {
                Some(ty) if ty.is_complex() => Ok(vec![Type::Scalar(ty.real_part())]),
                _ => Err(wrong("one complex operand")),
            },
            Opcode::Cmake => match same_pair() {
                Some(ty) if ty.is_float() => Ok(vec![Type::Scalar(complex_of(ty))]),
                _ => Err(wrong("two operands of one float type")),
            },

            Opcode::Icmp(_) => match same_pair() {
                Some(ty) if ty.is_integer() || ty == ScalarType::Bool => Ok(vec![Type::BOOL]),
                _ => Err(wrong("two operands of one integer or bool type")),
            },
            Opcode::Fcmp(cc) => match same_pair() {
                Some(ty) if ty.is_float() => Ok(vec![Type::BOOL]),
                Some(ty) if ty.is_complex() => {
                    if matches!(cc, crate::FloatCC::Equal | crate::FloatCC::NotEqual) {
                        Ok(vec![Type::BOOL])
                    } else {
                        Err(format!("fcmp {} is not defined on complex numbers (only eq and ne)", cc.name()))
                    }
                }
                _ => Err(wrong("two operands of one float type")),
            },
            Opcode::Select => match arg_types {
                [Type::Scalar(ScalarType::Bool), a, b] if a == b => Ok(vec![a.clone()]),
                _ => Err(wrong("a bool condition and two operands of one type")),
            },
            Opcode::Convert(_) if single().is_none() => Err(wrong("one scalar operand")),
            Opcode::Convert(to) => Ok(vec![Type::Scalar(*to)]),

            Opcode::Call(func_ref) | Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) => {
                let decl = env
                    .func_decls
                    .get(*func_ref)
                    .ok_or_else(|| format!("call to {func_ref}, which the function does not declare"))?;
                if arg_types != decl.params.as_slice() {
                    return Err(format!(
                        "call to {func_ref} (@{}) needs arguments {}, found {}",
                        decl.name,
                        list(&decl.params),
                        list(arg_types)
                    ));
                }
                Ok(vec![decl.return_type.clone()])
            }
            Opcode::CallIntrinsic(intrinsic) => intrinsic.result_type(arg_types).map(|ty| vec![ty]),

            Opcode::TupleMake => Ok(vec![Type::Tuple(arg_types.to_vec())]),
            Opcode::TupleGet(index) => match arg_types {
                [Type::Tuple(items)] => {
                    items.get(*index as usize).cloned().map(|item| vec![item]).ok_or_else(|| {
                        format!("tuple_get index {index} is out of range for {}", Type::Tuple(items.clone()))
                    })
                }
                _ => Err(wrong("one tuple operand")),
            },
            Opcode::Print => Ok(Vec::new()),

            Opcode::ArrayDim(axis) | Opcode::ArrayStride(axis) => match arg_types {
                [Type::Array(array)] if *axis < u32::from(array.ndim) => Ok(vec![Type::INT64]),
                [Type::Array(array)] => Err(format!("{name} axis {axis} is out of range for {array}")),
                _ => Err(wrong("one array operand")),
            },
            Opcode::ArrayLoad => match arg_types.split_first() {
                Some((Type::Array(array), indices)) if indices_fit(array, indices) => {
                    Ok(vec![Type::Scalar(array.dtype)])
                }
                _ => Err(wrong("an array and one int64 index per axis")),
            },
            Opcode::ArrayMatmul => match arg_types {
                [Type::Array(a), Type::Array(b), Type::Array(c)]
                    if a.ndim == 2
                        && b.ndim == 2
                        && c.ndim == 2
                        && a.dtype == b.dtype
                        && a.dtype == c.dtype =>
                {
                    if c.readonly {
                        Err(format!("array_matmul into a readonly array ({c})"))
                    } else {
                        Ok(Vec::new())
                    }
                }
                _ => Err(wrong("three 2-d arrays of one dtype")),
            },
            Opcode::ArrayStore => match arg_types.split_first() {
                Some((Type::Array(array), rest))
                    if rest.split_last().is_some_and(|(value, indices)| {
                        indices_fit(array, indices) && *value == Type::Scalar(array.dtype)
                    }) =>
                {
                    if array.readonly {
                        Err(format!("array_store into a readonly array ({array})"))
                    } else {
                        Ok(Vec::new())
                    }
                }
                _ => Err(wrong("an array, one int64 index per axis and a value of its dtype")),
            },
            Opcode::ArrayAlloc { dtype, .. } => {
                if !arg_types.iter().all(|ty| *ty == Type::INT64) {
                    return Err(wrong("int64 extents"));
                }
                let ndim =
                    u8::try_from(arg_types.len()).ok().filter(|ndim| *ndim <= MAX_ARRAY_NDIM).ok_or_else(
                        || format!("{name} of {} dimensions (at most {MAX_ARRAY_NDIM})", arg_types.len()),
                    )?;
                Ok(vec![Type::Array(ArrayType::new(*dtype, ndim, ArrayLayout::C))])
            }
            Opcode::ArrayView(spec) => match arg_types.split_first() {
                Some((Type::Array(base), rest))
                    if rest.len() % 2 == 1
                        && rest.len() / 2 <= usize::from(MAX_ARRAY_NDIM)
                        && rest.iter().all(|ty| *ty == Type::INT64) =>
                {
                    let ndim = (rest.len() / 2) as u8;
                    let dtype = spec.dtype.unwrap_or(base.dtype);
                    Ok(vec![Type::Array(ArrayType { ndim, layout: spec.layout, dtype, ..*base })])
                }
                _ => Err(wrong("an array, an int64 offset, and int64 extents and strides")),
            },
            Opcode::ArrayIncref | Opcode::ArrayDecref => match arg_types {
                [Type::Array(_)] => Ok(Vec::new()),
                _ => Err(wrong("one array operand")),
            },
            Opcode::ArrayConst(constant) => {
                let ty = constant.array_type();
                if constant.shape.len() > usize::from(MAX_ARRAY_NDIM) {
                    return Err(format!(
                        "array_const of {} dimensions (at most {MAX_ARRAY_NDIM})",
                        constant.shape.len()
                    ));
                }
                let size = constant.len().and_then(|len| len.checked_mul(constant.dtype.size_bytes() as u64));
                if size != Some(constant.bytes.len() as u64) {
                    return Err(format!(
                        "array_const of shape {:?} and dtype {} needs {} bytes, has {}",
                        constant.shape,
                        constant.dtype,
                        size.map_or_else(|| "too many".to_owned(), |size| size.to_string()),
                        constant.bytes.len()
                    ));
                }
                no_operands(vec![Type::Array(ty)])
            }
            Opcode::ArrayNull(array) => {
                if array.ndim > MAX_ARRAY_NDIM {
                    return Err(format!(
                        "array_null of {} dimensions (at most {MAX_ARRAY_NDIM})",
                        array.ndim
                    ));
                }
                no_operands(vec![Type::Array(*array)])
            }

            Opcode::Raise { message, .. } | Opcode::Throw { message, .. } => {
                let placeholders = message.matches("{}").count();
                if arg_types.is_empty() {
                    Ok(Vec::new())
                } else if arg_types.len() != placeholders || arg_types.iter().any(|ty| *ty != Type::INT64) {
                    Err(format!(
                        "{name} with operands takes one int64 per `{{}}` of its message ({placeholders})"
                    ))
                } else {
                    Ok(Vec::new())
                }
            }
            Opcode::Jump | Opcode::Resume | Opcode::Unreachable => no_operands(Vec::new()),
            Opcode::Brif => match arg_types {
                [Type::Scalar(ScalarType::Bool)] => Ok(Vec::new()),
                _ => Err(wrong("one bool condition")),
            },
            Opcode::Return => match arg_types {
                [ty] if ty == env.return_type => Ok(Vec::new()),
                _ => Err(format!(
                    "return needs one operand of the function's return type {}, found {}",
                    env.return_type,
                    list(arg_types)
                )),
            },
            Opcode::Yield => Ok(Vec::new()),

            Opcode::For => {
                let Some((bounds, iter_args)) = arg_types.split_first_chunk::<3>() else {
                    return Err(wrong("start, stop and step operands"));
                };
                check_range("for", bounds)?;
                Ok(iter_args.to_vec())
            }
            Opcode::Parfor { n_dims, reductions } => {
                let n_dims = *n_dims as usize;
                if n_dims == 0 {
                    return Err("parfor needs at least one dimension".to_owned());
                }
                if arg_types.len() != 3 * n_dims + 2 * reductions.len() {
                    return Err(format!(
                        "parfor with {n_dims} dimension(s) and {} reduction(s) needs {} operands, found {}",
                        reductions.len(),
                        3 * n_dims + 2 * reductions.len(),
                        arg_types.len()
                    ));
                }
                let (ranges, pairs) = arg_types.split_at(3 * n_dims);
                for range in ranges.chunks_exact(3) {
                    check_range("parfor", range)?;
                }
                let mut results = Vec::new();
                for (op, pair) in reductions.iter().zip(pairs.chunks_exact(2)) {
                    let (init, identity) = (&pair[0], &pair[1]);
                    if init != identity {
                        return Err(format!(
                            "reduction {} has initial value of type {init} but identity of type {identity}",
                            op.name()
                        ));
                    }
                    if !init.as_scalar().is_some_and(|ty| op.accepts(ty)) {
                        return Err(format!(
                            "reduction {} does not combine values of type {init}",
                            op.name()
                        ));
                    }
                    results.push(init.clone());
                }
                Ok(results)
            }
        }
    }
}

/// The most dimensions an array may have (NumPy 2's limit).
pub const MAX_ARRAY_NDIM: u8 = 64;

/// One `int64` index per axis of `array`.
fn indices_fit(array: &ArrayType, indices: &[Type]) -> bool {
    indices.len() == usize::from(array.ndim) && indices.iter().all(|ty| *ty == Type::INT64)
}

/// `start, stop, step` must be of one integer type.
fn check_range(name: &str, bounds: &[Type]) -> Result<(), String> {
    match bounds {
        [Type::Scalar(start), stop, step]
            if start.is_integer() && *stop == Type::Scalar(*start) && *step == Type::Scalar(*start) =>
        {
            Ok(())
        }
        _ => Err(format!("{name} needs start, stop and step of one integer type, found {}", list(bounds))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{IntCC, Intrinsic, ReduceOp};

    fn check(opcode: Opcode, args: &[Type], expect: &str) {
        let decls = PrimaryMap::new();
        let env = TypingEnv { func_decls: &decls, return_type: &Type::FLOAT64 };
        let actual = match opcode.result_types(args, &env) {
            Ok(types) => list(&types),
            Err(message) => format!("error: {message}"),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn integer_and_float_rules() {
        let int8 = Type::Scalar(ScalarType::Int8);
        check(Opcode::Iadd, &[Type::INT64, Type::INT64], "(int64)");
        check(
            Opcode::Iadd,
            &[Type::INT64, Type::FLOAT64],
            "error: iadd needs two operands of one integer type, found (int64, float64)",
        );
        check(Opcode::Iand, &[Type::BOOL, Type::BOOL], "(bool)");
        check(
            Opcode::Iconst { ty: ScalarType::Int8, value: 128 },
            &[],
            "error: constant 128 does not fit in int8",
        );
        check(Opcode::Iconst { ty: ScalarType::UInt64, value: u64::MAX.into() }, &[], "(uint64)");
        check(Opcode::fconst(ScalarType::Float32, 0.1), &[], "(float32)");
        check(
            Opcode::Fconst { ty: ScalarType::Float32, bits: 0.1f64.to_bits() },
            &[],
            "error: constant 0.1 is not exactly a float32",
        );
        check(Opcode::Icmp(IntCC::LessThan), &[int8.clone(), int8], "(bool)");
        check(Opcode::Cmake, &[Type::FLOAT64, Type::FLOAT64], "(complex128)");
        check(Opcode::Convert(ScalarType::Bool), &[Type::COMPLEX128], "(bool)");
        check(Opcode::CallIntrinsic(Intrinsic::Sqrt), &[Type::FLOAT64], "(float64)");
    }

    #[test]
    fn structured_and_terminator_rules() {
        check(
            Opcode::For,
            &[Type::INT64, Type::INT64, Type::INT64, Type::FLOAT64, Type::BOOL],
            "(float64, bool)",
        );
        check(
            Opcode::For,
            &[Type::INT64, Type::Scalar(ScalarType::Int32), Type::INT64],
            "error: for needs start, stop and step of one integer type, found (int64, int32, int64)",
        );
        let parfor = Opcode::Parfor { n_dims: 1, reductions: vec![ReduceOp::And] };
        check(
            parfor,
            &[Type::INT64, Type::INT64, Type::INT64, Type::FLOAT64, Type::FLOAT64],
            "error: reduction and does not combine values of type float64",
        );
        check(Opcode::Return, &[Type::FLOAT64], "()");
        check(
            Opcode::Return,
            &[],
            "error: return needs one operand of the function's return type float64, found ()",
        );
        check(
            Opcode::TupleGet(2),
            &[Type::Tuple(vec![Type::INT64])],
            "error: tuple_get index 2 is out of range for UniTuple(int64 x 1)",
        );
    }
}
