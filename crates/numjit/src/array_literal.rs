//! Array literals for the command line (`numjit run kernel.py::f "np.arange(6).reshape(2, 3)"`):
//! list literals and the NumPy constructors `np.array`, `np.arange`, `np.zeros`,
//! `np.ones`, `np.full`, `np.linspace`, `np.eye`, followed by `.reshape(...)` or `.T`.
//! They are read from the syntax tree, never evaluated, with NumPy's dtype rules (a list of
//! ints is `int64`, one with a float `float64`, ...).

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex;
use numjit_ast as ast;
use numjit_types::ScalarType;

use crate::array::ArrayValue;
use crate::value::{LiteralError, Value};

/// The largest array a literal may make (elements).
const MAX_ELEMENTS: usize = 1 << 28;

/// An array from a literal expression, if it is one; `Ok(None)` when `expr` is not an
/// array constructor at all (the caller reads it as a scalar literal).
pub(crate) fn array_literal(
    expr: &ast::Expr,
    scalar: &dyn Fn(&ast::Expr) -> Result<Value, LiteralError>,
) -> Result<Option<ArrayValue>, LiteralError> {
    match expr {
        ast::Expr::List(_) => {
            let (shape, values) = nested(expr, scalar, 0)?;
            let dtype = infer_dtype(&values);
            build(dtype, &shape, &values).map(Some)
        }
        ast::Expr::Attribute(attribute) if &*attribute.attr.id == "T" => {
            let Some(array) = array_literal(&attribute.value, scalar)? else { return Ok(None) };
            Ok(Some(array.transposed()))
        }
        ast::Expr::Call(call) => {
            if let ast::Expr::Attribute(attribute) = &*call.func
                && &*attribute.attr.id == "reshape"
                && let Some(array) = array_literal(&attribute.value, scalar)?
            {
                let shape = shape_args(&call.args, scalar)?;
                return array.reshaped(&shape).map(Some);
            }
            let Some(name) = numpy_function(&call.func) else { return Ok(None) };
            numpy_call(name, call, scalar).map(Some)
        }
        _ => Ok(None),
    }
}

/// `np.NAME` / `numpy.NAME` for the constructors this module reads.
fn numpy_function(func: &ast::Expr) -> Option<&str> {
    let ast::Expr::Attribute(attribute) = func else { return None };
    let ast::Expr::Name(module) = &*attribute.value else { return None };
    let name = &*attribute.attr.id;
    (matches!(&*module.id, "np" | "numpy")
        && matches!(name, "array" | "arange" | "zeros" | "ones" | "full" | "linspace" | "eye"))
    .then_some(name)
}

fn numpy_call(
    name: &str,
    call: &ast::ExprCall,
    scalar: &dyn Fn(&ast::Expr) -> Result<Value, LiteralError>,
) -> Result<ArrayValue, LiteralError> {
    let mut dtype = None;
    for keyword in &call.keywords {
        match keyword.arg.as_ref().map(|arg| &*arg.id) {
            Some("dtype") => dtype = Some(dtype_name(&keyword.value)?),
            _ => return Err(LiteralError(format!("np.{name}(): only the keyword dtype= is accepted here"))),
        }
    }
    let args: &[ast::Expr] = &call.args;
    match name {
        "array" => {
            let [data] = args else { return Err(LiteralError("np.array() takes one nested list".into())) };
            let (shape, values) = nested(data, scalar, 0)?;
            build(dtype.unwrap_or_else(|| infer_dtype(&values)), &shape, &values)
        }
        "zeros" | "ones" | "full" => {
            let (shape_arg, fill) = match (name, args) {
                ("full", [shape, fill]) => (shape, scalar(fill)?),
                ("zeros", [shape]) => (shape, Value::Int(0)),
                ("ones", [shape]) => (shape, Value::Int(1)),
                _ => return Err(LiteralError(format!("np.{name}(): wrong arguments"))),
            };
            let shape = shape_args(std::slice::from_ref(shape_arg), scalar)?;
            let dtype = dtype.unwrap_or(if name == "full" {
                infer_dtype(std::slice::from_ref(&fill))
            } else {
                ScalarType::Float64
            });
            let count = checked_count(&shape)?;
            build(dtype, &shape, &vec![fill; count])
        }
        "arange" => {
            let values: Vec<Value> = args.iter().map(scalar).collect::<Result<_, _>>()?;
            let is_float = values.iter().any(|value| matches!(value, Value::Float(_)));
            let number = |value: &Value| {
                value.as_f64().ok_or_else(|| LiteralError("np.arange() takes numbers".into()))
            };
            let (start, stop, step) = match values.as_slice() {
                [stop] => (0.0, number(stop)?, 1.0),
                [start, stop] => (number(start)?, number(stop)?, 1.0),
                [start, stop, step] => (number(start)?, number(stop)?, number(step)?),
                _ => return Err(LiteralError("np.arange() takes 1 to 3 numbers".into())),
            };
            if step == 0.0 {
                return Err(LiteralError("np.arange(): step must not be zero".into()));
            }
            let count = ((stop - start) / step).ceil().max(0.0);
            if count.is_nan() || count >= MAX_ELEMENTS as f64 {
                return Err(LiteralError("np.arange(): too many elements".into()));
            }
            let items: Vec<Value> = (0..count as usize)
                .map(|i| {
                    let x = start + i as f64 * step;
                    if is_float { Value::Float(x) } else { Value::Int(x as i64) }
                })
                .collect();
            let default = if is_float { ScalarType::Float64 } else { ScalarType::Int64 };
            build(dtype.unwrap_or(default), &[items.len()], &items)
        }
        "linspace" => {
            let values: Vec<Value> = args.iter().map(scalar).collect::<Result<_, _>>()?;
            let [start, stop, num] = values.as_slice() else {
                return Err(LiteralError("np.linspace() takes start, stop and num".into()));
            };
            let (Some(start), Some(stop), Some(num)) = (start.as_f64(), stop.as_f64(), num.as_i128()) else {
                return Err(LiteralError("np.linspace() takes numbers and an integer count".into()));
            };
            let num = usize::try_from(num)
                .ok()
                .filter(|num| *num < MAX_ELEMENTS)
                .ok_or_else(|| LiteralError("np.linspace(): num must be a non-negative count".into()))?;
            let step = if num > 1 { (stop - start) / (num - 1) as f64 } else { 0.0 };
            let items: Vec<Value> = (0..num)
                .map(|i| Value::Float(if num > 1 && i == num - 1 { stop } else { start + i as f64 * step }))
                .collect();
            build(dtype.unwrap_or(ScalarType::Float64), &[num], &items)
        }
        _ => {
            let [n] = args else { return Err(LiteralError("np.eye() takes one size".into())) };
            let n = scalar(n)?
                .as_i128()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| LiteralError("np.eye() takes a non-negative size".into()))?;
            let count = checked_count(&[n, n])?;
            let items: Vec<Value> = (0..count).map(|k| Value::Int(i64::from(k / n == k % n))).collect();
            build(dtype.unwrap_or(ScalarType::Float64), &[n, n], &items)
        }
    }
}

/// `np.float32`, `np.int64`, `float`, `int`, `bool`, `complex`.
fn dtype_name(expr: &ast::Expr) -> Result<ScalarType, LiteralError> {
    let name = match expr {
        ast::Expr::Name(name) => &*name.id,
        ast::Expr::Attribute(attribute) => &*attribute.attr.id,
        _ => return Err(LiteralError("dtype= takes a NumPy type such as np.float32".into())),
    };
    Ok(match name {
        "float" => ScalarType::Float64,
        "int" | "int_" => ScalarType::Int64,
        "bool" | "bool_" => ScalarType::Bool,
        "complex" => ScalarType::Complex128,
        other => ScalarType::ALL
            .into_iter()
            .find(|scalar| scalar.name() == other)
            .ok_or_else(|| LiteralError(format!("unknown dtype `{other}`")))?,
    })
}

/// A shape: `3`, `(2, 3)`, or the arguments of `.reshape(2, 3)`.
fn shape_args(
    args: &[ast::Expr],
    scalar: &dyn Fn(&ast::Expr) -> Result<Value, LiteralError>,
) -> Result<Vec<usize>, LiteralError> {
    let extent = |value: &Value| {
        value
            .as_i128()
            .filter(|_| !matches!(value, Value::Bool(_)))
            .and_then(|value| usize::try_from(value).ok())
            .ok_or_else(|| LiteralError("a shape holds non-negative integers".into()))
    };
    let values: Vec<Value> = match args {
        [single] => match scalar(single)? {
            Value::Tuple(items) => items,
            other => vec![other],
        },
        many => many.iter().map(scalar).collect::<Result<_, _>>()?,
    };
    let shape = values.iter().map(extent).collect::<Result<Vec<_>, _>>()?;
    checked_count(&shape)?;
    Ok(shape)
}

fn checked_count(shape: &[usize]) -> Result<usize, LiteralError> {
    if shape.len() > crate::array::MAX_NDIM {
        return Err(LiteralError("too many dimensions".into()));
    }
    shape
        .iter()
        .try_fold(1usize, |count, extent| count.checked_mul(*extent))
        .filter(|count| *count <= MAX_ELEMENTS)
        .ok_or_else(|| LiteralError("the array is too large".into()))
}

/// A rectangular nested list: its shape and its elements in C order.
fn nested(
    expr: &ast::Expr,
    scalar: &dyn Fn(&ast::Expr) -> Result<Value, LiteralError>,
    depth: usize,
) -> Result<(Vec<usize>, Vec<Value>), LiteralError> {
    if depth > crate::array::MAX_NDIM {
        return Err(LiteralError("a list literal nested too deeply".into()));
    }
    let items = match expr {
        ast::Expr::List(list) => &list.elts,
        ast::Expr::Tuple(tuple) => &tuple.elts,
        other => return Ok((Vec::new(), vec![scalar(other)?])),
    };
    let mut shape: Option<Vec<usize>> = None;
    let mut values = Vec::new();
    for item in items {
        let (item_shape, item_values) = nested(item, scalar, depth + 1)?;
        match &shape {
            Some(shape) if *shape != item_shape => {
                return Err(LiteralError("a list literal must be rectangular".into()));
            }
            Some(_) => {}
            None => shape = Some(item_shape),
        }
        values.extend(item_values);
        if values.len() > MAX_ELEMENTS {
            return Err(LiteralError("the array is too large".into()));
        }
    }
    let mut full = vec![items.len()];
    full.extend(shape.unwrap_or_default());
    Ok((full, values))
}

/// NumPy's dtype for a list of Python scalars.
fn infer_dtype(values: &[Value]) -> ScalarType {
    if values.iter().any(|value| matches!(value, Value::Complex(..))) {
        ScalarType::Complex128
    } else if values.iter().any(|value| matches!(value, Value::Float(_) | Value::Float32(_))) {
        ScalarType::Float64
    } else if values.iter().all(|value| matches!(value, Value::Bool(_))) && !values.is_empty() {
        ScalarType::Bool
    } else if values.is_empty() {
        ScalarType::Float64
    } else {
        ScalarType::Int64
    }
}

/// The array of `dtype` and `shape` holding `values` (C order) converted as NumPy does.
fn build(dtype: ScalarType, shape: &[usize], values: &[Value]) -> Result<ArrayValue, LiteralError> {
    fn make<T: crate::Element>(
        shape: &[usize],
        values: &[Value],
        convert: impl Fn(&Value) -> Option<T>,
    ) -> Result<ArrayValue, LiteralError> {
        let items = values
            .iter()
            .map(|value| {
                convert(value)
                    .ok_or_else(|| LiteralError(format!("cannot store {value} in an array of {}", T::DTYPE)))
            })
            .collect::<Result<Vec<T>, _>>()?;
        let array =
            ArrayD::from_shape_vec(IxDyn(shape), items).map_err(|error| LiteralError(error.to_string()))?;
        Ok(ArrayValue::from_ndarray(array))
    }
    let real = |value: &Value| match value {
        Value::Complex(..) => None,
        other => other.as_f64(),
    };
    let int = |value: &Value| match value {
        Value::Float(_) | Value::Float32(_) | Value::Complex(..) => None,
        other => other.as_i128(),
    };
    match dtype {
        ScalarType::Bool => {
            make::<bool>(shape, values, |v| int(v).map(|x| x != 0).or_else(|| real(v).map(|x| x != 0.0)))
        }
        ScalarType::Int8 => make::<i8>(shape, values, |v| int(v).and_then(|x| i8::try_from(x).ok())),
        ScalarType::Int16 => make::<i16>(shape, values, |v| int(v).and_then(|x| i16::try_from(x).ok())),
        ScalarType::Int32 => make::<i32>(shape, values, |v| int(v).and_then(|x| i32::try_from(x).ok())),
        ScalarType::Int64 => make::<i64>(shape, values, |v| int(v).and_then(|x| i64::try_from(x).ok())),
        ScalarType::UInt8 => make::<u8>(shape, values, |v| int(v).and_then(|x| u8::try_from(x).ok())),
        ScalarType::UInt16 => make::<u16>(shape, values, |v| int(v).and_then(|x| u16::try_from(x).ok())),
        ScalarType::UInt32 => make::<u32>(shape, values, |v| int(v).and_then(|x| u32::try_from(x).ok())),
        ScalarType::UInt64 => make::<u64>(shape, values, |v| int(v).and_then(|x| u64::try_from(x).ok())),
        ScalarType::Float32 => make::<f32>(shape, values, |v| real(v).map(|x| x as f32)),
        ScalarType::Float64 => make::<f64>(shape, values, real),
        ScalarType::Complex64 => make::<Complex<f32>>(shape, values, |v| {
            v.as_complex().map(|(re, im)| Complex::new(re as f32, im as f32))
        }),
        ScalarType::Complex128 => {
            make::<Complex<f64>>(shape, values, |v| v.as_complex().map(|(re, im)| Complex::new(re, im)))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Value;

    fn array(text: &str) -> crate::ArrayValue {
        match Value::parse_literal(text) {
            Ok(Value::Array(array)) => array,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn constructors_follow_numpy_dtypes_and_shapes() {
        let a = array("np.arange(6).reshape(2, 3)");
        assert_eq!((a.dtype(), a.shape()), (numjit_types::ScalarType::Int64, &[2usize, 3][..]));
        assert_eq!(a.get::<i64>(&[1, 2]), Some(5));
        let t = array("np.arange(6.0).reshape((2, 3)).T");
        assert_eq!(t.shape(), &[3, 2]);
        assert_eq!(t.get::<f64>(&[2, 1]), Some(5.0));
        assert!(t.is_f_contiguous());
        let mixed = array("[[1, 2], [3.5, 4]]");
        assert_eq!(mixed.dtype(), numjit_types::ScalarType::Float64);
        let typed = array("np.zeros((2,), dtype=np.int32)");
        assert_eq!(typed.dtype(), numjit_types::ScalarType::Int32);
        let flags = array("[True, False]");
        assert_eq!(flags.dtype(), numjit_types::ScalarType::Bool);
        let space = array("np.linspace(0, 1, 5)");
        assert_eq!(space.get::<f64>(&[4]), Some(1.0));
        assert_eq!(array("np.full(3, 2.5)").get::<f64>(&[2]), Some(2.5));
        assert_eq!(array("np.eye(3)").get::<f64>(&[1, 1]), Some(1.0));
        assert_eq!(
            array("np.array([1, 2], dtype=np.complex128)").dtype(),
            numjit_types::ScalarType::Complex128
        );
    }

    #[test]
    fn bad_literals_are_errors() {
        for text in [
            "[[1, 2], [3]]",
            "np.zeros(-1)",
            "np.arange(6).reshape(4, 2)",
            "np.array([1.5], dtype=np.int8)",
            "np.arange(0, 5, 0)",
            "np.zeros((1 << 40, 1 << 40))",
            "np.ones(3, order='C')",
        ] {
            assert!(Value::parse_literal(text).is_err(), "{text}");
        }
    }
}
