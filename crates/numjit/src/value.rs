//! [`Value`]: a Python value on the Rust side of a call — what arguments are and what
//! compiled functions return — with Numba's `typeof` ([`Value::type_of`]), Python's `repr`
//! (`Display`), and a reader for Python literals ([`Value::parse_literal`]) that walks the
//! parsed expression and never evaluates code.

use std::fmt;

use numjit_ast as ast;
use numjit_runtime::{repr_complex, repr_f64};
use numjit_sema::ConstValue;
use numjit_types::{ScalarType, Type, can_convert};

use crate::array::ArrayValue;

/// A value passed to or returned from compiled code.
///
/// Python's own types map as Numba's `typeof` maps them: `int` → `int64` ([`Value::Int`];
/// [`Value::UInt`] for `uint64`), `float` → `float64`, `complex` → `complex128`. The sized
/// variants stand for NumPy scalars (`np.int32(5)` is [`Value::Int32`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `None`.
    None,
    /// `bool`.
    Bool(bool),
    /// `int` (int64).
    Int(i64),
    /// `uint64`.
    UInt(u64),
    /// `float` (float64).
    Float(f64),
    /// `complex` (complex128): real and imaginary parts.
    Complex(f64, f64),
    /// `int8`.
    Int8(i8),
    /// `int16`.
    Int16(i16),
    /// `int32`.
    Int32(i32),
    /// `uint8`.
    UInt8(u8),
    /// `uint16`.
    UInt16(u16),
    /// `uint32`.
    UInt32(u32),
    /// `float32`.
    Float32(f32),
    /// `complex64`.
    Complex64(f32, f32),
    /// A tuple (heterogeneous or not).
    Tuple(Vec<Value>),
    /// Another function of the same source, by name, passed as an argument (compiled code
    /// calls it directly; it is typed by the function it names).
    Function(String),
    /// A NumPy array (shared, refcounted; see [`ArrayValue`]).
    Array(ArrayValue),
}

/// A literal that [`Value::parse_literal`] cannot read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LiteralError(pub String);

impl Value {
    /// The scalar type of a numeric value.
    pub fn scalar_type(&self) -> Option<ScalarType> {
        Some(match self {
            Value::Bool(_) => ScalarType::Bool,
            Value::Int(_) => ScalarType::Int64,
            Value::UInt(_) => ScalarType::UInt64,
            Value::Float(_) => ScalarType::Float64,
            Value::Complex(..) => ScalarType::Complex128,
            Value::Int8(_) => ScalarType::Int8,
            Value::Int16(_) => ScalarType::Int16,
            Value::Int32(_) => ScalarType::Int32,
            Value::UInt8(_) => ScalarType::UInt8,
            Value::UInt16(_) => ScalarType::UInt16,
            Value::UInt32(_) => ScalarType::UInt32,
            Value::Float32(_) => ScalarType::Float32,
            Value::Complex64(..) => ScalarType::Complex64,
            Value::None | Value::Tuple(_) | Value::Function(_) | Value::Array(_) => return None,
        })
    }

    /// Numba's `typeof`: the type compiled code sees for this value (`None` for a
    /// function reference, which is typed by the function it names).
    pub fn type_of(&self) -> Option<Type> {
        match self {
            Value::None => Some(Type::NoneType),
            Value::Tuple(items) => {
                items.iter().map(Value::type_of).collect::<Option<Vec<_>>>().map(Type::Tuple)
            }
            Value::Function(_) => None,
            Value::Array(array) if array.ndim() > crate::array::MAX_NDIM => None,
            Value::Array(array) => Some(Type::Array(array.array_type())),
            scalar => scalar.scalar_type().map(Type::Scalar),
        }
    }

    /// Whether `typeof(self)` is `ty`, without building the type.
    pub fn has_type(&self, ty: &Type) -> bool {
        match (self, ty) {
            (Value::None, Type::NoneType) => true,
            (Value::Tuple(items), Type::Tuple(types)) => {
                items.len() == types.len() && items.iter().zip(types).all(|(item, ty)| item.has_type(ty))
            }
            (value, Type::Scalar(scalar)) => value.scalar_type() == Some(*scalar),
            (Value::Array(array), Type::Array(ty)) => {
                array.ndim() <= crate::array::MAX_NDIM && array.array_type() == *ty
            }
            _ => false,
        }
    }

    /// The value as a float, for numeric values that are real (ints, bools, floats).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Value::Bool(flag) => f64::from(u8::from(flag)),
            Value::Int(int) => int as f64,
            Value::UInt(int) => int as f64,
            Value::Float(float) => float,
            Value::Int8(int) => f64::from(int),
            Value::Int16(int) => f64::from(int),
            Value::Int32(int) => f64::from(int),
            Value::UInt8(int) => f64::from(int),
            Value::UInt16(int) => f64::from(int),
            Value::UInt32(int) => f64::from(int),
            Value::Float32(float) => f64::from(float),
            _ => return None,
        })
    }

    /// The value as an integer (Python `int`), for integers and bools.
    pub fn as_i128(&self) -> Option<i128> {
        Some(match *self {
            Value::Bool(flag) => i128::from(flag),
            Value::Int(int) => i128::from(int),
            Value::UInt(int) => i128::from(int),
            Value::Int8(int) => i128::from(int),
            Value::Int16(int) => i128::from(int),
            Value::Int32(int) => i128::from(int),
            Value::UInt8(int) => i128::from(int),
            Value::UInt16(int) => i128::from(int),
            Value::UInt32(int) => i128::from(int),
            _ => return None,
        })
    }

    /// The value as a complex number, for every numeric value.
    pub fn as_complex(&self) -> Option<(f64, f64)> {
        match *self {
            Value::Complex(re, im) => Some((re, im)),
            Value::Complex64(re, im) => Some((f64::from(re), f64::from(im))),
            _ => self.as_f64().map(|re| (re, 0.0)),
        }
    }

    /// The value converted to `ty` as compiled code converts (integers wrap to the width,
    /// floats truncate toward zero, `None` becomes an absent optional); `None` when no
    /// conversion exists.
    pub fn cast(&self, ty: &Type) -> Option<Value> {
        match (self, ty) {
            (Value::None, Type::NoneType | Type::Optional(_)) => Some(Value::None),
            (value, Type::Optional(inner)) => value.cast(inner),
            (Value::Tuple(items), Type::Tuple(types)) if items.len() == types.len() => items
                .iter()
                .zip(types)
                .map(|(item, ty)| item.cast(ty))
                .collect::<Option<_>>()
                .map(Value::Tuple),
            (value, Type::Scalar(scalar)) => cast_scalar(value, *scalar),
            (Value::Array(array), Type::Array(_)) => {
                can_convert(&Type::Array(array.array_type()), ty).map(|_| self.clone())
            }
            _ => None,
        }
    }

    /// A constant of the compiled source (a default argument) as a value.
    pub fn from_const(value: &ConstValue) -> Option<Value> {
        Some(match value {
            ConstValue::None => Value::None,
            ConstValue::Bool(flag) => Value::Bool(*flag),
            ConstValue::Int(int) => Value::Int(*int),
            ConstValue::UInt(int) => Value::UInt(*int),
            ConstValue::Float(float) => Value::Float(*float),
            ConstValue::Complex { real, imag } => Value::Complex(*real, *imag),
            ConstValue::Tuple(items) => {
                Value::Tuple(items.iter().map(Value::from_const).collect::<Option<_>>()?)
            }
            ConstValue::Str(_) => return None,
        })
    }

    /// Reads a Python literal: numbers (`3`, `-0.0`, `1e300`, `inf`, `nan`, `1+2j`),
    /// `True`/`False`/`None`, tuples of them, `float('inf')`, `math.pi`, and NumPy scalar
    /// constructors (`np.int32(5)`, `np.float32(0.5)`). Nothing is evaluated.
    pub fn parse_literal(text: &str) -> Result<Value, LiteralError> {
        let expr = numjit_parser::parse_expression(text).map_err(|error| {
            LiteralError(format!("`{text}` is not a Python expression: {}", error.message()))
        })?;
        Value::from_literal(&expr, &|_| None)
    }

    /// Evaluates a literal expression; `names` resolves other bare names (a function of
    /// the source, passed as an argument).
    pub fn from_literal(
        expr: &ast::Expr,
        names: &dyn Fn(&str) -> Option<Value>,
    ) -> Result<Value, LiteralError> {
        literal(expr, names, 0)
    }
}

const MAX_LITERAL_DEPTH: u32 = 64;

fn literal(
    expr: &ast::Expr,
    names: &dyn Fn(&str) -> Option<Value>,
    depth: u32,
) -> Result<Value, LiteralError> {
    if depth > MAX_LITERAL_DEPTH {
        return Err(LiteralError("literal nested too deeply".into()));
    }
    let unsupported = || LiteralError("only literals (numbers, True/False/None, tuples) are accepted".into());
    if matches!(expr, ast::Expr::List(_) | ast::Expr::Call(_) | ast::Expr::Attribute(_))
        && let Some(array) =
            crate::array_literal::array_literal(expr, &|item| literal(item, names, depth + 1))?
    {
        return Ok(Value::Array(array));
    }
    match expr {
        ast::Expr::Constant(constant) => match &constant.value {
            ast::Constant::None => Ok(Value::None),
            ast::Constant::Bool(flag) => Ok(Value::Bool(*flag)),
            ast::Constant::Int(ast::Int::Small(int)) => {
                Ok(i64::try_from(*int).map_or(Value::UInt(*int), Value::Int))
            }
            ast::Constant::Int(ast::Int::Big(digits)) => {
                Err(LiteralError(format!("integer {digits} does not fit in 64 bits")))
            }
            ast::Constant::Float(float) => Ok(Value::Float(*float)),
            ast::Constant::Complex { real, imag } => Ok(Value::Complex(*real, *imag)),
            _ => Err(unsupported()),
        },
        ast::Expr::Tuple(tuple) => tuple
            .elts
            .iter()
            .map(|item| literal(item, names, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Tuple),
        ast::Expr::UnaryOp(unary) => {
            let operand = literal(&unary.operand, names, depth + 1)?;
            match unary.op {
                ast::UnaryOp::UAdd if operand.as_complex().is_some() => Ok(operand),
                ast::UnaryOp::USub => negate(operand).ok_or_else(unsupported),
                _ => Err(unsupported()),
            }
        }
        // `1+2j`, `-1.5-0.5j`: a real and an imaginary literal.
        ast::Expr::BinOp(binary) if matches!(binary.op, ast::Operator::Add | ast::Operator::Sub) => {
            let left = literal(&binary.left, names, depth + 1)?;
            let right = literal(&binary.right, names, depth + 1)?;
            let (Some((a, b)), Some((c, d))) = (left.as_complex(), right.as_complex()) else {
                return Err(unsupported());
            };
            if !matches!(left, Value::Complex(..)) && !matches!(right, Value::Complex(..)) {
                return Err(unsupported());
            }
            Ok(if binary.op == ast::Operator::Add {
                Value::Complex(a + c, b + d)
            } else {
                Value::Complex(a - c, b - d)
            })
        }
        ast::Expr::Name(name) => match &*name.id {
            "inf" => Ok(Value::Float(f64::INFINITY)),
            "nan" => Ok(Value::Float(f64::NAN)),
            other => names(other).ok_or_else(|| LiteralError(format!("unknown name `{other}` in a literal"))),
        },
        ast::Expr::Attribute(attribute) => {
            let ast::Expr::Name(module) = &*attribute.value else { return Err(unsupported()) };
            if !matches!(&*module.id, "math" | "np" | "numpy") {
                return Err(unsupported());
            }
            match &*attribute.attr.id {
                "inf" => Ok(Value::Float(f64::INFINITY)),
                "nan" => Ok(Value::Float(f64::NAN)),
                "pi" => Ok(Value::Float(std::f64::consts::PI)),
                "e" => Ok(Value::Float(std::f64::consts::E)),
                "tau" => Ok(Value::Float(std::f64::consts::TAU)),
                _ => Err(unsupported()),
            }
        }
        ast::Expr::Call(call) if call.keywords.is_empty() => constructor(call, names, depth),
        _ => Err(unsupported()),
    }
}

/// `float('inf')`, `complex(1, 2)`, `np.int32(5)`, `int8(5)`.
fn constructor(
    call: &ast::ExprCall,
    names: &dyn Fn(&str) -> Option<Value>,
    depth: u32,
) -> Result<Value, LiteralError> {
    let callee = match &*call.func {
        ast::Expr::Name(name) => &*name.id,
        ast::Expr::Attribute(attribute) if matches!(&*attribute.value, ast::Expr::Name(module) if matches!(&*module.id, "np" | "numpy")) => {
            &*attribute.attr.id
        }
        _ => return Err(LiteralError("only literals and scalar constructors are accepted".into())),
    };
    if callee == "float"
        && let [ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(text), .. })] = &*call.args
    {
        return match text.trim().to_ascii_lowercase().as_str() {
            "inf" | "+inf" | "infinity" => Ok(Value::Float(f64::INFINITY)),
            "-inf" | "-infinity" => Ok(Value::Float(f64::NEG_INFINITY)),
            "nan" | "+nan" | "-nan" => Ok(Value::Float(f64::NAN)),
            other => other.parse().map(Value::Float).map_err(|_| LiteralError(format!("float('{text}')"))),
        };
    }
    let args = call
        .args
        .iter()
        .map(|arg| literal(arg, names, depth + 1))
        .collect::<Result<Vec<_>, LiteralError>>()?;
    let bad = || LiteralError(format!("cannot build {callee} from {args:?}"));
    if callee == "complex" {
        return match args.as_slice() {
            [re] => re.as_complex().map(|(re, im)| Value::Complex(re, im)).ok_or_else(bad),
            [re, im] => match (re.as_f64(), im.as_f64()) {
                (Some(re), Some(im)) => Ok(Value::Complex(re, im)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        };
    }
    let scalar = match callee {
        "float" => ScalarType::Float64,
        "int" => ScalarType::Int64,
        "bool" => ScalarType::Bool,
        other => ScalarType::ALL
            .into_iter()
            .find(|scalar| scalar.name() == other)
            .ok_or_else(|| LiteralError(format!("unknown constructor `{other}` in a literal")))?,
    };
    let [arg] = args.as_slice() else { return Err(bad()) };
    make_scalar(scalar, arg).ok_or_else(bad)
}

/// A value of `scalar` with the numeric value of `value` (integers must fit).
fn make_scalar(scalar: ScalarType, value: &Value) -> Option<Value> {
    if let Some(int) = value.as_i128() {
        return Some(match scalar {
            ScalarType::Bool => Value::Bool(int != 0),
            ScalarType::Int8 => Value::Int8(i8::try_from(int).ok()?),
            ScalarType::Int16 => Value::Int16(i16::try_from(int).ok()?),
            ScalarType::Int32 => Value::Int32(i32::try_from(int).ok()?),
            ScalarType::Int64 => Value::Int(i64::try_from(int).ok()?),
            ScalarType::UInt8 => Value::UInt8(u8::try_from(int).ok()?),
            ScalarType::UInt16 => Value::UInt16(u16::try_from(int).ok()?),
            ScalarType::UInt32 => Value::UInt32(u32::try_from(int).ok()?),
            ScalarType::UInt64 => Value::UInt(u64::try_from(int).ok()?),
            ScalarType::Float32 => Value::Float32(int as f32),
            ScalarType::Float64 => Value::Float(int as f64),
            ScalarType::Complex64 => Value::Complex64(int as f32, 0.0),
            ScalarType::Complex128 => Value::Complex(int as f64, 0.0),
        });
    }
    let (re, im) = value.as_complex()?;
    match scalar {
        ScalarType::Float32 if im == 0.0 => Some(Value::Float32(re as f32)),
        ScalarType::Float64 if im == 0.0 => Some(Value::Float(re)),
        ScalarType::Complex64 => Some(Value::Complex64(re as f32, im as f32)),
        ScalarType::Complex128 => Some(Value::Complex(re, im)),
        ScalarType::Bool => Some(Value::Bool(re != 0.0 || im != 0.0)),
        _ => None,
    }
}

/// `value` as `scalar`, wrapping integers and truncating floats like a C cast.
fn cast_scalar(value: &Value, scalar: ScalarType) -> Option<Value> {
    if scalar.is_complex() || scalar.is_float() || scalar == ScalarType::Bool {
        return make_scalar(scalar, value);
    }
    let int = match value.as_i128() {
        Some(int) => int,
        None => i128::from(value.as_f64()? as i64),
    };
    Some(match scalar {
        ScalarType::Int8 => Value::Int8(int as i8),
        ScalarType::Int16 => Value::Int16(int as i16),
        ScalarType::Int32 => Value::Int32(int as i32),
        ScalarType::Int64 => Value::Int(int as i64),
        ScalarType::UInt8 => Value::UInt8(int as u8),
        ScalarType::UInt16 => Value::UInt16(int as u16),
        ScalarType::UInt32 => Value::UInt32(int as u32),
        _ => Value::UInt(int as u64),
    })
}

fn negate(value: Value) -> Option<Value> {
    Some(match value {
        Value::Int(int) => Value::Int(int.checked_neg()?),
        Value::UInt(int) if int == 1 << 63 => Value::Int(i64::MIN),
        Value::Bool(flag) => Value::Int(-i64::from(flag)),
        Value::Float(float) => Value::Float(-float),
        Value::Complex(re, im) => Value::Complex(-re, -im),
        Value::Float32(float) => Value::Float32(-float),
        Value::Complex64(re, im) => Value::Complex64(-re, -im),
        Value::Int8(int) => Value::Int8(int.checked_neg()?),
        Value::Int16(int) => Value::Int16(int.checked_neg()?),
        Value::Int32(int) => Value::Int32(int.checked_neg()?),
        _ => return None,
    })
}

/// Python's `repr`. Scalars print as the Python objects Numba returns for them: every
/// integer as an `int`, `float32` widened to a `float`, `complex64` to a `complex`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::Bool(flag) => f.write_str(if *flag { "True" } else { "False" }),
            Value::Int(int) => write!(f, "{int}"),
            Value::UInt(int) => write!(f, "{int}"),
            Value::Int8(int) => write!(f, "{int}"),
            Value::Int16(int) => write!(f, "{int}"),
            Value::Int32(int) => write!(f, "{int}"),
            Value::UInt8(int) => write!(f, "{int}"),
            Value::UInt16(int) => write!(f, "{int}"),
            Value::UInt32(int) => write!(f, "{int}"),
            Value::Float(float) => f.write_str(&repr_f64(*float)),
            Value::Float32(float) => f.write_str(&repr_f64(f64::from(*float))),
            Value::Complex(re, im) => f.write_str(&repr_complex(*re, *im)),
            Value::Complex64(re, im) => f.write_str(&repr_complex(f64::from(*re), f64::from(*im))),
            Value::Tuple(items) => {
                f.write_str("(")?;
                for (item_idx, item) in items.iter().enumerate() {
                    if item_idx > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Value::Function(name) => write!(f, "CPUDispatcher(<function {name}>)"),
            Value::Array(array) => write!(f, "{array}"),
        }
    }
}

impl From<i64> for Value {
    fn from(int: i64) -> Self {
        Value::Int(int)
    }
}

impl From<f64> for Value {
    fn from(float: f64) -> Self {
        Value::Float(float)
    }
}

impl From<ArrayValue> for Value {
    fn from(array: ArrayValue) -> Self {
        Value::Array(array)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Self {
        Value::Bool(flag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repr(text: &str) -> String {
        Value::parse_literal(text).map_or_else(|error| format!("error: {error}"), |value| value.to_string())
    }

    #[test]
    fn reads_and_prints_literals() {
        assert_eq!(repr("3"), "3");
        assert_eq!(repr("-9223372036854775808"), "-9223372036854775808");
        assert_eq!(repr("18446744073709551615"), "18446744073709551615");
        assert_eq!(repr("2.5"), "2.5");
        assert_eq!(repr("-0.0"), "-0.0");
        assert_eq!(repr("1e300"), "1e+300");
        assert_eq!(repr("inf"), "inf");
        assert_eq!(repr("-inf"), "-inf");
        assert_eq!(repr("nan"), "nan");
        assert_eq!(repr("float('-inf')"), "-inf");
        assert_eq!(repr("1+2j"), "(1+2j)");
        assert_eq!(repr("-1.5-0.5j"), "(-1.5-0.5j)");
        assert_eq!(repr("2j"), "2j");
        assert_eq!(repr("True"), "True");
        assert_eq!(repr("None"), "None");
        assert_eq!(repr("(1,)"), "(1,)");
        assert_eq!(repr("(1, (2.0, False), ())"), "(1, (2.0, False), ())");
        assert_eq!(repr("np.float32(0.1)"), "0.10000000149011612");
        assert_eq!(Value::parse_literal("np.int32(5)"), Ok(Value::Int32(5)));
        assert!(repr("np.int8(300)").starts_with("error"));
        assert!(repr("__import__('os')").starts_with("error"));
        assert!(repr("x").starts_with("error"));
        assert!(repr("1 +").starts_with("error"));
        assert!(repr("2**70").starts_with("error"));
    }

    #[test]
    fn typeof_follows_numba() {
        let value = Value::parse_literal("(1, 2.0, 1j, True, None)").expect("literal");
        assert_eq!(
            value.type_of().expect("typed").to_string(),
            "Tuple(int64, float64, complex128, bool, none)"
        );
        assert!(value.has_type(&value.type_of().expect("typed")));
        assert!(!Value::Int(1).has_type(&Type::FLOAT64));
    }
}
