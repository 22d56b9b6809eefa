//! Comparing results with expected values, as tests/run/README.md and
//! tests/run/arrays/README.md define it: scalars by their Python kind (every integer an
//! `int`, every float a `float`), floats bit for bit (NaN matches NaN, the sign of zero
//! counts) or within a relative tolerance, arrays by dtype, shape and elements (not layout).

use numjit::{ArrayValue, ScalarType, Value};

use crate::arrays::{Expected, NpArray};

/// A value as Python sees it: every integer an `int`, every float a `float`.
#[derive(Debug)]
enum Py {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    Tuple(Vec<Py>),
    Array,
    Other,
}

fn py(value: &Value) -> Py {
    match value {
        Value::None => Py::None,
        Value::Bool(flag) => Py::Bool(*flag),
        Value::Float(_) | Value::Float32(_) => Py::Float(value.as_f64().unwrap_or(f64::NAN)),
        Value::Complex(..) | Value::Complex64(..) => {
            let (re, im) = value.as_complex().unwrap_or((f64::NAN, f64::NAN));
            Py::Complex(re, im)
        }
        Value::Tuple(items) => Py::Tuple(items.iter().map(py).collect()),
        Value::Array(_) => Py::Array,
        Value::Function(_) => Py::Other,
        int => int.as_i128().map_or(Py::Other, Py::Int),
    }
}

fn kind(value: &Py) -> &'static str {
    match value {
        Py::None => "None",
        Py::Bool(_) => "bool",
        Py::Int(_) => "int",
        Py::Float(_) => "float",
        Py::Complex(..) => "complex",
        Py::Tuple(_) => "tuple",
        Py::Array => "array",
        Py::Other => "other",
    }
}

/// Relative tolerance of `~=`: 1e-12, or 1e-6 for float32/complex64 array elements.
fn tolerance(dtype: Option<ScalarType>) -> f64 {
    match dtype {
        Some(ScalarType::Float32 | ScalarType::Complex64) => 1e-6,
        _ => 1e-12,
    }
}

fn float_match(got: f64, expected: f64, exact: bool, rel: f64) -> bool {
    if got.is_nan() || expected.is_nan() {
        return got.is_nan() && expected.is_nan();
    }
    if exact {
        return got.to_bits() == expected.to_bits();
    }
    if got.is_infinite() || expected.is_infinite() {
        return got == expected;
    }
    (got - expected).abs() <= rel * got.abs().max(expected.abs())
}

/// Scalars (and tuples of them) as Python values of the same kind.
fn py_match(got: &Py, expected: &Py, exact: bool, rel: f64) -> bool {
    match (got, expected) {
        (Py::None, Py::None) => true,
        (Py::Bool(a), Py::Bool(b)) => a == b,
        (Py::Int(a), Py::Int(b)) => a == b,
        (Py::Float(a), Py::Float(b)) => float_match(*a, *b, exact, rel),
        (Py::Complex(a, b), Py::Complex(c, d)) => {
            float_match(*a, *c, exact, rel) && float_match(*b, *d, exact, rel)
        }
        (Py::Tuple(a), Py::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| py_match(a, b, exact, rel))
        }
        _ => false,
    }
}

/// Whether `got` matches `expected` (`exact` for `==`, else `~=`); the error says where
/// and how it differs. `text` is the expected value as written, for scalar messages;
/// `path` names what is compared (`result`, `arg0`).
pub fn check(got: &Value, expected: &Expected, exact: bool, text: &str, path: &str) -> Result<(), String> {
    if !expected.has_array() && !contains_array(got) {
        // The scalar corpus's comparison and message.
        let expected = scalar_value(expected);
        if py_match(&py(got), &py(&expected), exact, tolerance(None)) {
            return Ok(());
        }
        let (got_kind, expected_kind) = (kind(&py(got)), kind(&py(&expected)));
        let note = if got_kind == expected_kind {
            String::new()
        } else {
            format!(" (a {got_kind} where a {expected_kind} was expected)")
        };
        let prefix = if path == "result" { String::new() } else { format!("{path}: ") };
        return Err(format!("{prefix}expected {text}, got {got}{note}"));
    }
    compare(got, expected, exact, path)
}

fn contains_array(value: &Value) -> bool {
    match value {
        Value::Array(_) => true,
        Value::Tuple(items) => items.iter().any(contains_array),
        _ => false,
    }
}

/// An expected value without arrays, back as a value.
fn scalar_value(expected: &Expected) -> Value {
    match expected {
        Expected::Scalar(value) => value.clone(),
        Expected::Tuple(items) => Value::Tuple(items.iter().map(scalar_value).collect()),
        Expected::Array(_) => Value::None,
    }
}

fn compare(got: &Value, expected: &Expected, exact: bool, path: &str) -> Result<(), String> {
    match (expected, got) {
        (Expected::Tuple(items), Value::Tuple(got_items)) => {
            if items.len() != got_items.len() {
                return Err(format!("{path}: tuple of length {}, expected {}", got_items.len(), items.len()));
            }
            for (index, (item, got_item)) in items.iter().zip(got_items).enumerate() {
                compare(got_item, item, exact, &format!("{path}[{index}]"))?;
            }
            Ok(())
        }
        (Expected::Array(array), Value::Array(got_array)) => compare_array(got_array, array, exact, path),
        (Expected::Scalar(value), got) if !matches!(got, Value::Array(_) | Value::Tuple(_)) => {
            if py_match(&py(got), &py(value), exact, tolerance(None)) {
                Ok(())
            } else {
                Err(format!("{path}: got {} {got}, expected {} {value}", kind(&py(got)), kind(&py(value))))
            }
        }
        (expected, got) => {
            let wanted = match expected {
                Expected::Scalar(value) => format!("{} {value}", kind(&py(value))),
                Expected::Array(array) => format!("an array of dtype {}", array.dtype),
                Expected::Tuple(_) => "a tuple".to_owned(),
            };
            Err(format!("{path}: got {}, expected {wanted}", describe(got)))
        }
    }
}

/// Dtype, shape and every element (in C order), whatever the layout.
pub fn compare_array(got: &ArrayValue, expected: &NpArray, exact: bool, path: &str) -> Result<(), String> {
    if got.dtype() != expected.dtype {
        return Err(format!(
            "{path}: got dtype {}, expected {} (got {})",
            got.dtype(),
            expected.dtype,
            describe_array(got)
        ));
    }
    if got.shape() != expected.shape.as_slice() {
        return Err(format!(
            "{path}: got shape {}, expected {} (got {})",
            shape_text(got.shape()),
            shape_text(&expected.shape),
            describe_array(got)
        ));
    }
    let rel = tolerance(Some(expected.dtype));
    let got_values = got.values();
    for (position, (got_value, expected_value)) in got_values.iter().zip(expected.elements()).enumerate() {
        if !py_match(&py(got_value), &py(&expected_value), exact, rel) {
            return Err(format!(
                "{path}{:?}: got {got_value}, expected {expected_value} (got {})",
                unravel(position, got.shape()),
                describe_array(got)
            ));
        }
    }
    Ok(())
}

/// The index of the element at `position` in C order.
fn unravel(mut position: usize, shape: &[usize]) -> Vec<usize> {
    let mut index = vec![0; shape.len()];
    for axis in (0..shape.len()).rev() {
        index[axis] = position % shape[axis].max(1);
        position /= shape[axis].max(1);
    }
    index
}

fn shape_text(shape: &[usize]) -> String {
    match shape {
        [extent] => format!("({extent},)"),
        _ => format!("({})", shape.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// A value for a message; arrays as `np.array([...], dtype=np.D)`, cut short.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Array(array) => describe_array(array),
        Value::Tuple(items) => {
            let items: Vec<String> = items.iter().map(describe).collect();
            if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
        }
        scalar => format!("{} {scalar}", kind(&py(scalar))),
    }
}

fn describe_array(array: &ArrayValue) -> String {
    fn nest(values: &[Value], shape: &[usize], out: &mut String) {
        match shape.split_first() {
            None => out.push_str(&values.first().map_or_else(String::new, ToString::to_string)),
            Some((&extent, rest)) => {
                let chunk = rest.iter().product::<usize>();
                out.push('[');
                for index in 0..extent {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    if out.len() > 200 {
                        out.push_str("...");
                        break;
                    }
                    nest(&values[index * chunk..(index + 1) * chunk], rest, out);
                }
                out.push(']');
            }
        }
    }
    let mut text = String::from("np.array(");
    nest(&array.values(), array.shape(), &mut text);
    let dtype = match array.dtype() {
        ScalarType::Bool => "bool_".to_owned(),
        other => other.to_string(),
    };
    text.push_str(&format!(", dtype=np.{dtype})"));
    if array.is_empty() && array.ndim() > 1 {
        text.push_str(&format!(".reshape({})", shape_text(array.shape())));
    }
    text
}
