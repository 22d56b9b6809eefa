//! NumPy ufuncs: the element-wise functions (`np.sqrt`, `np.add`, ...) and the Python
//! operators on arrays, which are ufuncs too (`a + b` is `np.add(a, b)`).
//!
//! Type resolution is NumPy's default resolver over the loops of [`ufunc_table`]: the
//! first loop whose every input the argument's dtype casts to safely. Scalars take part
//! with their own type (a Python `int` is `int64`, a `float` `float64`), as in Numba —
//! not NumPy 2's "weak" scalars — so `int32_array + 1` is `int64`. A call with an array
//! argument returns a new C-contiguous array of the broadcast rank; a call on scalars
//! alone returns a scalar.
//!
//! [`ufunc_table`]: super::ufunc_table

use numjit_types::{ArrayType, Layout, ScalarType, Type};

use super::{Resolved, TemplateError};
use crate::hir::{BinaryOp, CmpOp, UnaryOp};
use crate::ty::Ty;

pub use super::ufunc_table::{Loop, UFUNCS, Ufunc};

impl Ufunc {
    /// The ufunc `np.NAME`, if numjit supports it.
    pub fn from_name(name: &str) -> Option<Ufunc> {
        UFUNCS.iter().find(|entry| entry.1 == name).map(|entry| entry.0)
    }

    fn entry(self) -> &'static (Ufunc, &'static str, u8, u8, &'static [Loop]) {
        // Every variant has exactly one row (the generator writes both from one list).
        UFUNCS.iter().find(|entry| entry.0 == self).unwrap_or(&UFUNCS[0])
    }

    /// The name in the `numpy` module.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// The number of inputs.
    pub fn n_inputs(self) -> usize {
        usize::from(self.entry().2)
    }

    /// The number of outputs.
    pub fn n_outputs(self) -> usize {
        usize::from(self.entry().3)
    }

    /// NumPy's inner loops, in resolution order.
    pub fn loops(self) -> &'static [Loop] {
        self.entry().4
    }

    /// The ufunc a binary operator applies to arrays (`@` is not element-wise).
    pub fn of_binary(op: BinaryOp) -> Option<Ufunc> {
        Some(match op {
            BinaryOp::Add => Ufunc::Add,
            BinaryOp::Sub => Ufunc::Subtract,
            BinaryOp::Mul => Ufunc::Multiply,
            BinaryOp::Div => Ufunc::TrueDivide,
            BinaryOp::FloorDiv => Ufunc::FloorDivide,
            BinaryOp::Mod => Ufunc::Remainder,
            BinaryOp::Pow => Ufunc::Power,
            BinaryOp::LShift => Ufunc::LeftShift,
            BinaryOp::RShift => Ufunc::RightShift,
            BinaryOp::BitAnd => Ufunc::BitwiseAnd,
            BinaryOp::BitOr => Ufunc::BitwiseOr,
            BinaryOp::BitXor => Ufunc::BitwiseXor,
            BinaryOp::MatMul => return None,
        })
    }

    /// The ufunc a unary operator applies to arrays (`not` is not element-wise).
    pub fn of_unary(op: UnaryOp) -> Option<Ufunc> {
        Some(match op {
            UnaryOp::Neg => Ufunc::Negative,
            UnaryOp::Pos => Ufunc::Positive,
            UnaryOp::Invert => Ufunc::Invert,
            UnaryOp::Not => return None,
        })
    }

    /// The ufunc a comparison applies to arrays (identity and membership are not
    /// element-wise).
    pub fn of_compare(op: CmpOp) -> Option<Ufunc> {
        Some(match op {
            CmpOp::Eq => Ufunc::Equal,
            CmpOp::NotEq => Ufunc::NotEqual,
            CmpOp::Lt => Ufunc::Less,
            CmpOp::LtE => Ufunc::LessEqual,
            CmpOp::Gt => Ufunc::Greater,
            CmpOp::GtE => Ufunc::GreaterEqual,
            CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => return None,
        })
    }
}

/// NumPy's `can_cast(from, to, 'safe')`: every value of `from` is a value of `to`.
pub fn can_cast_safe(from: ScalarType, to: ScalarType) -> bool {
    from.promote(to) == to
}

/// NumPy's `can_cast(from, to, 'same_kind')`: safe, or within one kind or to a higher one
/// (bool < unsigned < signed < float < complex).
pub fn can_cast_same_kind(from: ScalarType, to: ScalarType) -> bool {
    fn rank(scalar: ScalarType) -> u8 {
        if scalar == ScalarType::Bool {
            0
        } else if scalar.is_unsigned_integer() {
            1
        } else if scalar.is_signed_integer() {
            2
        } else if scalar.is_float() {
            3
        } else {
            4
        }
    }
    can_cast_safe(from, to) || rank(from) <= rank(to)
}

/// One argument of a ufunc: its dtype and, for arrays, the rank.
fn operand(ty: &Ty) -> Option<(ScalarType, Option<u8>)> {
    match ty.as_value()? {
        Type::Scalar(scalar) => Some((*scalar, None)),
        Type::Array(array) => Some((array.dtype, Some(array.ndim))),
        Type::Optional(inner) => match inner.as_ref() {
            Type::Scalar(scalar) => Some((*scalar, None)),
            _ => None,
        },
        _ => None,
    }
}

/// The loop NumPy picks for these input dtypes.
pub fn select_loop(ufunc: Ufunc, dtypes: &[ScalarType]) -> Option<&'static Loop> {
    ufunc.loops().iter().find(|(inputs, _)| {
        inputs.len() == dtypes.len()
            && dtypes.iter().zip(inputs.iter()).all(|(from, to)| can_cast_safe(*from, *to))
    })
}

/// The typing of a ufunc applied to `args` (arrays and scalars): the chosen loop's input
/// dtypes as the formal argument types (each element converts to them) and the result,
/// an array of the broadcast rank when any argument is an array.
pub fn resolve(ufunc: Ufunc, args: &[Ty]) -> Result<Resolved, TemplateError> {
    let describe = format!("numpy.{}()", ufunc.name());
    if args.len() != ufunc.n_inputs() {
        return Err(TemplateError::WrongArguments(format!(
            "{describe} takes {} argument{} but {} were given",
            ufunc.n_inputs(),
            if ufunc.n_inputs() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut dtypes = Vec::with_capacity(args.len());
    let mut ndim: Option<u8> = None;
    for arg in args {
        let Some((dtype, rank)) = operand(arg) else {
            return Err(TemplateError::TypeMismatch(format!(
                "{describe} takes arrays and numbers, not {arg}"
            )));
        };
        dtypes.push(dtype);
        if let Some(rank) = rank {
            ndim = Some(ndim.map_or(rank, |ndim| ndim.max(rank)));
        }
    }
    let no_loop = || {
        let names: Vec<String> = dtypes.iter().map(ToString::to_string).collect();
        TemplateError::InvalidOperand(format!(
            "ufunc '{}' not supported for the input types ({})",
            ufunc.name(),
            names.join(", ")
        ))
    };
    // NumPy refuses `-` on booleans instead of computing in int8.
    if matches!(ufunc, Ufunc::Subtract | Ufunc::Negative)
        && dtypes.iter().all(|dtype| *dtype == ScalarType::Bool)
    {
        return Err(no_loop());
    }
    let (inputs, outputs) = select_loop(ufunc, &dtypes).ok_or_else(no_loop)?;
    let formal: Vec<Type> = inputs.iter().copied().map(Type::Scalar).collect();
    // Numba's layout for the result: F when some array operand is F and none is C (NumPy's
    // K order gives F-contiguous operands an F-contiguous result too), else C.
    let layouts: Vec<Layout> = args
        .iter()
        .filter_map(|arg| arg.as_value().and_then(Type::as_array))
        .map(|array| array.layout)
        .collect();
    let layout = if layouts.contains(&Layout::F) && !layouts.contains(&Layout::C) && ndim.unwrap_or(0) > 1 {
        Layout::F
    } else {
        Layout::C
    };
    // NumPy returns scalars when every operand is a scalar or a 0-d array.
    let result = |dtype: ScalarType| match ndim {
        Some(ndim) if ndim > 0 => Type::Array(ArrayType::new(dtype, ndim, layout)),
        _ => Type::Scalar(dtype),
    };
    let ret = match outputs {
        [one] => result(*one),
        many => Type::Tuple(many.iter().copied().map(result).collect()),
    };
    Ok(Resolved::returning(&formal, ret))
}

/// The typing of `target op= value` for an array `target`: the ufunc's result must cast
/// to the target's dtype under NumPy's `same_kind` rule; the result is the target itself.
pub fn resolve_in_place(ufunc: Ufunc, target: &ArrayType, value: &Ty) -> Result<Resolved, TemplateError> {
    let resolved = resolve(ufunc, &[Ty::Value(Type::Array(*target)), value.clone()])?;
    let out = match resolved.ret.as_value() {
        Some(Type::Array(array)) => array.dtype,
        _ => target.dtype,
    };
    if !can_cast_same_kind(out, target.dtype) {
        return Err(TemplateError::InvalidOperand(format!(
            "cannot cast ufunc '{}' output from {out} to {} with casting rule 'same_kind'",
            ufunc.name(),
            target.dtype
        )));
    }
    // An operand of more axes than the target never broadcasts into it, but NumPy says so
    // when it runs (ValueError, "non-broadcastable output operand"), and so does lowering.
    Ok(Resolved::returning(&resolved.args, Type::Array(*target)))
}

/// The typing of a ufunc with an output array (`np.cos(a, out)`, `np.add(a, b, out=o)`):
/// the result must cast to `out`'s dtype under NumPy's `same_kind` rule and have no more
/// dimensions than it; the call returns `out` itself.
pub fn resolve_out(ufunc: Ufunc, inputs: &[Ty], out: &Ty) -> Result<Resolved, TemplateError> {
    let describe = format!("numpy.{}()", ufunc.name());
    let Some(Type::Array(target)) = out.as_value() else {
        return Err(TemplateError::TypeMismatch(format!("{describe}: out must be an array, not {out}")));
    };
    if target.readonly {
        return Err(TemplateError::ReadonlyArray(format!("{describe} cannot write to {target}")));
    }
    let resolved = resolve(ufunc, inputs)?;
    let (dtype, ndim) = match resolved.ret.as_value() {
        Some(Type::Array(array)) => (array.dtype, array.ndim),
        Some(Type::Scalar(scalar)) => (*scalar, 0),
        _ => {
            return Err(TemplateError::Unsupported(format!(
                "{describe} with out= for a ufunc of several outputs is not supported yet"
            )));
        }
    };
    if !can_cast_same_kind(dtype, target.dtype) {
        return Err(TemplateError::InvalidOperand(format!(
            "cannot cast ufunc '{}' output from {dtype} to {} with casting rule 'same_kind'",
            ufunc.name(),
            target.dtype
        )));
    }
    if ndim > target.ndim {
        return Err(TemplateError::InvalidOperand(format!(
            "{describe}: the {}-d output array cannot hold a {ndim}-d result",
            target.ndim
        )));
    }
    Ok(Resolved::returning(&[], Type::Array(*target)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarType::*;

    fn array(dtype: ScalarType, ndim: u8) -> Ty {
        Ty::Value(Type::Array(ArrayType::new(dtype, ndim, Layout::C)))
    }

    fn ret(ufunc: Ufunc, args: &[Ty]) -> Result<Type, TemplateError> {
        resolve(ufunc, args).map(|resolved| resolved.ret.as_value().cloned().unwrap_or(Type::NoneType))
    }

    #[test]
    fn resolution_follows_numpy_loops() {
        let f64_2 = Type::Array(ArrayType::new(Float64, 2, Layout::C));
        assert_eq!(ret(Ufunc::Add, &[array(Int64, 2), array(Float32, 1)]), Ok(f64_2.clone()));
        assert_eq!(
            ret(Ufunc::Add, &[array(Float32, 1), array(Float32, 1)]),
            Ok(Type::Array(ArrayType::new(Float32, 1, Layout::C)))
        );
        // A Python int is int64 (Numba), not a weak scalar.
        assert_eq!(
            ret(Ufunc::Add, &[array(Int32, 1), Ty::INT64]),
            Ok(Type::Array(ArrayType::new(Int64, 1, Layout::C)))
        );
        assert_eq!(
            ret(Ufunc::TrueDivide, &[array(Int32, 1), array(Int32, 1)]),
            Ok(Type::Array(ArrayType::new(Float64, 1, Layout::C)))
        );
        assert_eq!(ret(Ufunc::Sqrt, &[Ty::INT64]), Ok(Type::FLOAT64));
        assert_eq!(
            ret(Ufunc::Less, &[array(Float64, 2), Ty::FLOAT64]),
            Ok(Type::Array(ArrayType::new(Bool, 2, Layout::C)))
        );
        assert_eq!(
            ret(Ufunc::Add, &[array(Bool, 1), array(Bool, 1)]),
            Ok(Type::Array(ArrayType::new(Bool, 1, Layout::C)))
        );
    }

    #[test]
    fn missing_loops_are_invalid_operands() {
        assert!(matches!(
            resolve(Ufunc::LeftShift, &[array(Float64, 1), Ty::INT64]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            resolve(Ufunc::Floor, &[array(Complex128, 1)]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            resolve(Ufunc::Subtract, &[array(Bool, 1), array(Bool, 1)]),
            Err(TemplateError::InvalidOperand(_))
        ));
        assert!(matches!(
            resolve(Ufunc::Sqrt, &[Ty::INT64, Ty::INT64]),
            Err(TemplateError::WrongArguments(_))
        ));
    }

    #[test]
    fn in_place_casting_is_same_kind() {
        let ints = ArrayType::new(Int64, 1, Layout::C);
        assert!(resolve_in_place(Ufunc::Add, &ints, &Ty::INT64).is_ok());
        assert!(matches!(
            resolve_in_place(Ufunc::Add, &ints, &Ty::FLOAT64),
            Err(TemplateError::InvalidOperand(_))
        ));
        let floats = ArrayType::new(Float32, 2, Layout::C);
        assert!(resolve_in_place(Ufunc::Multiply, &floats, &Ty::FLOAT64).is_ok());
        assert!(resolve_in_place(Ufunc::Add, &floats, &array(Float64, 3)).is_ok());
    }

    #[test]
    fn casting_rules() {
        assert!(can_cast_safe(Int32, Float64));
        assert!(!can_cast_safe(Int32, Float32));
        assert!(!can_cast_safe(UInt64, Int64));
        assert!(can_cast_same_kind(Float64, Float32));
        assert!(can_cast_same_kind(UInt8, Int8));
        assert!(!can_cast_same_kind(Int8, UInt8));
        assert!(!can_cast_same_kind(Float64, Int64));
    }
}
