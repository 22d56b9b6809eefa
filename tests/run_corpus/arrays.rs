//! The arrays corpus's grammar (tests/run/arrays/README.md, "Arguments", "Expected values",
//! "Clauses"): arguments and expected values read from the syntax tree, never evaluated,
//! into [`NpArray`]s that model NumPy exactly (element values converted to the dtype as
//! NumPy converts them, strides and offsets as NumPy computes them), and built afresh as
//! `numjit::ArrayValue`s — real views over one block — for every call.

use numjit::{ArrayValue, ScalarType, Value};
use numjit_ast::{self as ast, Ranged as _};

// ---------------------------------------------------------------------------------------
// Numbers and NumPy's conversions

/// A number as Python or NumPy holds it, before it becomes an element of a dtype.
#[derive(Clone, Copy, Debug)]
enum Num {
    Bool(bool),
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

impl Num {
    fn of(value: &Value) -> Option<Num> {
        Some(match *value {
            Value::Bool(flag) => Num::Bool(flag),
            Value::Float(_) | Value::Float32(_) => Num::Float(value.as_f64()?),
            Value::Complex(..) | Value::Complex64(..) => {
                let (re, im) = value.as_complex()?;
                Num::Complex(re, im)
            }
            _ => Num::Int(value.as_i128()?),
        })
    }

    /// bool < int < float < complex.
    fn kind_rank(self) -> u8 {
        match self {
            Num::Bool(_) => 0,
            Num::Int(_) => 1,
            Num::Float(_) => 2,
            Num::Complex(..) => 3,
        }
    }

    /// The default dtype of a Python number of this kind.
    fn python_dtype(self) -> ScalarType {
        match self {
            Num::Bool(_) => ScalarType::Bool,
            Num::Int(_) => ScalarType::Int64,
            Num::Float(_) => ScalarType::Float64,
            Num::Complex(..) => ScalarType::Complex128,
        }
    }

    fn parts(self) -> (f64, f64) {
        match self {
            Num::Bool(flag) => (f64::from(u8::from(flag)), 0.0),
            Num::Int(int) => (int as f64, 0.0),
            Num::Float(float) => (float, 0.0),
            Num::Complex(re, im) => (re, im),
        }
    }
}

fn kind_rank(dtype: ScalarType) -> u8 {
    if dtype == ScalarType::Bool {
        0
    } else if dtype.is_integer() {
        1
    } else if dtype.is_float() {
        2
    } else {
        3
    }
}

/// The range of an integer dtype.
fn int_range(dtype: ScalarType) -> (i128, i128) {
    let bits = dtype.size_bytes() * 8;
    if dtype.is_signed_integer() {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// The element of an integer dtype holding `int` wrapped to its width (two's complement).
fn wrap_int(int: i128, dtype: ScalarType) -> Value {
    match dtype {
        ScalarType::Int8 => Value::Int8(int as i8),
        ScalarType::Int16 => Value::Int16(int as i16),
        ScalarType::Int32 => Value::Int32(int as i32),
        ScalarType::Int64 => Value::Int(int as i64),
        ScalarType::UInt8 => Value::UInt8(int as u8),
        ScalarType::UInt16 => Value::UInt16(int as u16),
        ScalarType::UInt32 => Value::UInt32(int as u32),
        _ => Value::UInt(int as u64),
    }
}

/// A float or complex element of `dtype` with these parts.
fn inexact(dtype: ScalarType, re: f64, im: f64) -> Value {
    match dtype {
        ScalarType::Float32 => Value::Float32(re as f32),
        ScalarType::Float64 => Value::Float(re),
        ScalarType::Complex64 => Value::Complex64(re as f32, im as f32),
        _ => Value::Complex(re, im),
    }
}

/// NumPy's unsafe cast (`astype`): C casts — integers wrap, floats truncate toward zero,
/// complex drops the imaginary part, anything non-zero is True. Floats out of an integer
/// type's range are undefined in C; this follows x86's scalar conversions (through int32
/// for the types narrower than 32 bits and int32 itself, through int64 for the others;
/// out of range gives the minimum), which NumPy matches except for uint32/uint64.
fn cast_unsafe(num: Num, dtype: ScalarType) -> Value {
    let (re, im) = num.parts();
    if dtype == ScalarType::Bool {
        return Value::Bool(match num {
            Num::Bool(flag) => flag,
            Num::Int(int) => int != 0,
            _ => re != 0.0 || im != 0.0,
        });
    }
    if !dtype.is_integer() {
        return match num {
            // int64 -> float32 rounds once, as C does
            Num::Int(int) if dtype == ScalarType::Float32 || dtype == ScalarType::Complex64 => {
                inexact(dtype, f64::from(int as f32), 0.0)
            }
            _ => inexact(dtype, re, im),
        };
    }
    let int = match num {
        Num::Bool(flag) => i128::from(flag),
        Num::Int(int) => int,
        _ if matches!(
            dtype,
            ScalarType::Int8 | ScalarType::Int16 | ScalarType::Int32 | ScalarType::UInt8 | ScalarType::UInt16
        ) =>
        {
            if (-2147483648.0..2147483648.0).contains(&re) {
                i128::from(re as i32)
            } else {
                i128::from(i32::MIN)
            }
        }
        _ if dtype == ScalarType::UInt64 && (0.0..18446744073709551616.0).contains(&re) => {
            i128::from(re as u64)
        }
        _ if (-9223372036854775808.0..9223372036854775808.0).contains(&re) => i128::from(re as i64),
        _ => i128::from(i64::MIN),
    };
    wrap_int(int, dtype)
}

/// A Python number stored into an array of `dtype` (`np.array(..., dtype=)` after the
/// corpus's kind check, `np.full`, `np.int32(x)`, `arange`'s first values): integers must
/// fit, floats truncate into integers, complex numbers do not become real.
fn from_python(num: Num, dtype: ScalarType) -> Result<Value, String> {
    match num {
        Num::Int(int) if dtype.is_integer() => {
            let (low, high) = int_range(dtype);
            if !(low..=high).contains(&int) {
                return Err(format!("Python integer {int} out of bounds for {dtype}"));
            }
            Ok(wrap_int(int, dtype))
        }
        Num::Float(float) if dtype.is_integer() => {
            if !float.is_finite() {
                return Err(format!("cannot convert float {float} to integer"));
            }
            from_python(Num::Int(float.trunc() as i128), dtype)
        }
        Num::Complex(..) if kind_rank(dtype) < 3 => {
            Err(format!("cannot convert a complex number to {dtype}"))
        }
        _ => Ok(cast_unsafe(num, dtype)),
    }
}

/// An element of `np.array(NESTED, dtype=)`: as [`from_python`], and a finite value that
/// overflows float32 is refused (NumPy warns; the checker turns the warning into an error).
fn array_element(num: Num, dtype: ScalarType) -> Result<Value, String> {
    let element = from_python(num, dtype)?;
    let (re, im) = num.parts();
    match element.as_complex() {
        Some((new_re, new_im))
            if (re.is_finite() && new_re.is_infinite()) || (im.is_finite() && new_im.is_infinite()) =>
        {
            Err(format!("{num:?}: overflow encountered in cast to {dtype}"))
        }
        _ => Ok(element),
    }
}

fn zero_or_one(dtype: ScalarType, one: bool) -> Value {
    cast_unsafe(Num::Int(i128::from(one)), dtype)
}

// ---------------------------------------------------------------------------------------
// The array model

/// An array as NumPy lays it out: a flat buffer of elements (each a scalar [`Value`] of
/// the dtype), the position of the first element and the strides, both counted in
/// elements.
#[derive(Clone, Debug)]
pub struct NpArray {
    pub dtype: ScalarType,
    buffer: Vec<Value>,
    offset: isize,
    pub shape: Vec<usize>,
    strides: Vec<isize>,
    /// Indexed with an integer for every axis: NumPy gives a scalar of the dtype, not a
    /// 0-d array (kept by `.T`, `.astype`, `.copy()`, as NumPy scalars keep it).
    scalar: bool,
}

/// Strides (in elements) of a new array in C or Fortran order; NumPy counts an axis of
/// extent 0 as 1 here.
fn fresh_strides(shape: &[usize], fortran: bool) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = 1isize;
    let axes: Vec<usize> =
        if fortran { (0..shape.len()).collect() } else { (0..shape.len()).rev().collect() };
    for axis in axes {
        strides[axis] = step;
        step *= shape[axis].max(1) as isize;
    }
    strides
}

/// Strides of a newly allocated array: as [`fresh_strides`], but all 0 when the array is
/// empty (NumPy 2 does so for new arrays; `reshape` views keep `fresh_strides`).
fn allocated_strides(shape: &[usize], fortran: bool) -> Vec<isize> {
    if shape.contains(&0) { vec![0; shape.len()] } else { fresh_strides(shape, fortran) }
}

impl NpArray {
    /// A new C-contiguous array of `elements` (in C order).
    fn new(dtype: ScalarType, shape: Vec<usize>, elements: Vec<Value>) -> NpArray {
        let strides = allocated_strides(&shape, false);
        NpArray { dtype, buffer: elements, offset: 0, shape, strides, scalar: false }
    }

    fn filled(dtype: ScalarType, shape: Vec<usize>, value: Value) -> NpArray {
        let len = shape.iter().product();
        NpArray::new(dtype, shape, vec![value; len])
    }

    fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// The buffer positions of the elements, in C order.
    fn positions(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.len());
        if self.len() == 0 {
            return out;
        }
        let mut index = vec![0usize; self.shape.len()];
        loop {
            let position: isize = self.offset
                + index.iter().zip(&self.strides).map(|(&i, &stride)| i as isize * stride).sum::<isize>();
            out.push(position as usize);
            let mut axis = self.shape.len();
            loop {
                if axis == 0 {
                    return out;
                }
                axis -= 1;
                index[axis] += 1;
                if index[axis] < self.shape[axis] {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    /// The elements in C order.
    pub fn elements(&self) -> Vec<Value> {
        self.positions().into_iter().map(|position| self.buffer[position].clone()).collect()
    }

    /// NumPy's contiguity flags: an empty array is contiguous, axes of extent 1 don't count.
    fn is_contiguous(&self, fortran: bool) -> bool {
        if self.shape.contains(&0) {
            return true;
        }
        let mut expected = 1isize;
        let axes: Vec<usize> =
            if fortran { (0..self.shape.len()).collect() } else { (0..self.shape.len()).rev().collect() };
        for axis in axes {
            if self.shape[axis] == 1 {
                continue;
            }
            if self.strides[axis] != expected {
                return false;
            }
            expected *= self.shape[axis] as isize;
        }
        true
    }

    /// A copy in C order, or Fortran order, with fresh strides.
    fn copy(&self, dtype: ScalarType, fortran: bool, convert: impl Fn(&Value) -> Value) -> NpArray {
        let c_order: Vec<Value> = self.elements().iter().map(convert).collect();
        let strides = allocated_strides(&self.shape, fortran);
        let mut buffer = c_order.clone();
        if fortran {
            // element i of the C order goes where the Fortran strides put it
            let c_strides = fresh_strides(&self.shape, false);
            for (c_position, value) in c_order.into_iter().enumerate() {
                let mut rest = c_position as isize;
                let mut position = 0isize;
                for (axis, &c_stride) in c_strides.iter().enumerate() {
                    let index = if self.shape[axis] == 0 { 0 } else { rest / c_stride };
                    rest -= index * c_stride;
                    position += index * strides[axis];
                }
                buffer[position as usize] = value;
            }
        }
        NpArray { dtype, buffer, offset: 0, shape: self.shape.clone(), strides, scalar: self.scalar }
    }

    fn transpose(mut self) -> NpArray {
        self.shape.reverse();
        self.strides.reverse();
        self
    }

    /// `.reshape(shape)` of a C-contiguous array: a view with C strides (the same strides
    /// when the shape does not change, as NumPy's shortcut).
    fn reshape(mut self, shape: Vec<usize>) -> Result<NpArray, String> {
        if !self.is_contiguous(false) {
            return Err(".reshape needs a C-contiguous array (apply it before .T or slicing)".into());
        }
        if shape.iter().product::<usize>() != self.len() {
            return Err(format!("cannot reshape an array of size {} into shape {shape:?}", self.len()));
        }
        if shape != self.shape {
            self.strides = fresh_strides(&shape, false);
            self.shape = shape;
        }
        self.scalar = false;
        Ok(self)
    }

    /// `.astype(dtype)`: a copy keeping C or Fortran order.
    fn astype(&self, dtype: ScalarType) -> Result<NpArray, String> {
        let fortran = if self.is_contiguous(false) {
            false
        } else if self.is_contiguous(true) {
            true
        } else {
            return Err(".astype needs a C- or F-contiguous array (apply it before slicing)".into());
        };
        Ok(self
            .copy(dtype, fortran, |value| Num::of(value).map_or(Value::None, |num| cast_unsafe(num, dtype))))
    }

    /// Basic indexing: a view.
    fn index(&self, items: &[Index]) -> Result<NpArray, String> {
        if items.len() > self.shape.len() {
            return Err(format!(
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                self.shape.len(),
                items.len()
            ));
        }
        let mut offset = self.offset;
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        for (axis, (&extent, &stride)) in self.shape.iter().zip(&self.strides).enumerate() {
            let n = extent as i128;
            match items.get(axis) {
                Some(&Index::Int(index)) => {
                    let wrapped = if index < 0 { index + n } else { index };
                    if !(0..n).contains(&wrapped) {
                        return Err(format!(
                            "index {index} is out of bounds for axis {axis} with size {extent}"
                        ));
                    }
                    offset += wrapped as isize * stride;
                }
                Some(Index::Slice(lower, upper, step)) => {
                    let (start, step, len) = slice_indices(n, *lower, *upper, *step)?;
                    offset += start as isize * stride;
                    shape.push(len);
                    strides.push(stride * step as isize);
                }
                None => {
                    shape.push(extent);
                    strides.push(stride);
                }
            }
        }
        let scalar =
            items.len() == self.shape.len() && items.iter().all(|item| matches!(item, Index::Int(_)));
        Ok(NpArray { dtype: self.dtype, buffer: self.buffer.clone(), offset, shape, strides, scalar })
    }

    /// The byte offset of the first element from the start of the buffer.
    pub fn byte_offset(&self) -> isize {
        self.offset * self.dtype.size_bytes() as isize
    }

    /// A fresh `numjit::ArrayValue`: the whole buffer in one block, viewed with this
    /// array's offset, shape and strides.
    pub fn build(&self) -> Result<ArrayValue, String> {
        let base = ArrayValue::from_values(self.dtype, &self.buffer)
            .ok_or_else(|| format!("internal: elements not of dtype {}", self.dtype))?;
        let itemsize = self.dtype.size_bytes() as isize;
        let strides: Vec<isize> = self.strides.iter().map(|stride| stride * itemsize).collect();
        base.view(self.offset * itemsize, &self.shape, &strides)
            .ok_or_else(|| "internal: the view does not fit its buffer".to_owned())
    }
}

/// Python's slice semantics (`PySlice_AdjustIndices`), then NumPy's: an empty slice starts
/// at 0 with step 1. Returns (start, step, length).
fn slice_indices(
    n: i128,
    lower: Option<i128>,
    upper: Option<i128>,
    step: Option<i128>,
) -> Result<(i128, i128, usize), String> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err("slice step cannot be zero".into());
    }
    let clamp = |value: Option<i128>, default: i128| -> i128 {
        match value {
            None => default,
            Some(value) if value < 0 => {
                let value = value + n;
                if value < 0 { if step < 0 { -1 } else { 0 } } else { value }
            }
            Some(value) if value >= n => {
                if step < 0 {
                    n - 1
                } else {
                    n
                }
            }
            Some(value) => value,
        }
    };
    let (start, stop) =
        if step < 0 { (clamp(lower, n - 1), clamp(upper, -1)) } else { (clamp(lower, 0), clamp(upper, n)) };
    let len = if step < 0 && stop < start {
        (start - stop - 1) / -step + 1
    } else if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    if len == 0 { Ok((0, 1, 0)) } else { Ok((start, step, len as usize)) }
}

/// One item of a basic index.
#[derive(Clone, Copy, Debug)]
enum Index {
    Int(i128),
    Slice(Option<i128>, Option<i128>, Option<i128>),
}

// ---------------------------------------------------------------------------------------
// Reading the grammar

/// A run line's argument: a scalar value, or an array built afresh for every call.
#[derive(Clone, Debug)]
pub enum Arg {
    Scalar(Value),
    Array { array: NpArray, readonly: bool },
}

impl Arg {
    /// The value passed to the call (a new array each time).
    pub fn build(&self) -> Result<Value, String> {
        match self {
            Arg::Scalar(value) => Ok(value.clone()),
            Arg::Array { array, readonly } => {
                let built = array.build()?;
                Ok(Value::Array(if *readonly { built.into_readonly() } else { built }))
            }
        }
    }
}

/// Reads expressions of one line (`text` is what the expressions' ranges point into).
pub struct Reader<'a> {
    pub text: &'a str,
}

const DTYPES: [(&str, ScalarType); 13] = [
    ("bool_", ScalarType::Bool),
    ("int8", ScalarType::Int8),
    ("int16", ScalarType::Int16),
    ("int32", ScalarType::Int32),
    ("int64", ScalarType::Int64),
    ("uint8", ScalarType::UInt8),
    ("uint16", ScalarType::UInt16),
    ("uint32", ScalarType::UInt32),
    ("uint64", ScalarType::UInt64),
    ("float32", ScalarType::Float32),
    ("float64", ScalarType::Float64),
    ("complex64", ScalarType::Complex64),
    ("complex128", ScalarType::Complex128),
];

/// `np.NAME` → NAME.
fn np_attr(expr: &ast::Expr) -> Option<&str> {
    match expr {
        ast::Expr::Attribute(attribute) if matches!(&*attribute.value, ast::Expr::Name(name) if &*name.id == "np") => {
            Some(&attribute.attr.id)
        }
        _ => None,
    }
}

fn dtype_named(name: &str) -> Option<ScalarType> {
    DTYPES.iter().find(|(dtype_name, _)| *dtype_name == name).map(|(_, dtype)| *dtype)
}

impl Reader<'_> {
    fn source(&self, expr: &ast::Expr) -> &str {
        let range = expr.range();
        self.text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("?")
    }

    fn literal(&self, expr: &ast::Expr) -> Result<Value, String> {
        Value::from_literal(expr, &|_| None).map_err(|error| format!("`{}`: {error}", self.source(expr)))
    }

    /// NUMBER: an int (within int64), float, bool or complex literal.
    fn number(&self, expr: &ast::Expr) -> Result<Num, String> {
        match self.literal(expr)? {
            value @ (Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Complex(..)) => {
                Num::of(&value).ok_or_else(|| "internal: not a number".to_owned())
            }
            _ => Err(format!("`{}` is not a bool, int, float or complex literal", self.source(expr))),
        }
    }

    /// INT: an int literal (with sign).
    fn int(&self, expr: &ast::Expr) -> Result<i128, String> {
        match self.literal(expr)? {
            Value::Int(int) => Ok(i128::from(int)),
            _ => Err(format!("expected an int literal, got `{}`", self.source(expr))),
        }
    }

    /// REAL: an int or float literal.
    fn real(&self, expr: &ast::Expr) -> Result<Num, String> {
        match self.number(expr)? {
            num @ (Num::Int(_) | Num::Float(_)) => Ok(num),
            _ => Err(format!("expected an int or float literal, got `{}`", self.source(expr))),
        }
    }

    /// SHAPE: INT >= 0 or a tuple of them.
    fn shape(&self, expr: &ast::Expr) -> Result<Vec<usize>, String> {
        let items: Vec<&ast::Expr> = match expr {
            ast::Expr::Tuple(tuple) => tuple.elts.iter().collect(),
            other => vec![other],
        };
        items
            .into_iter()
            .map(|item| {
                let extent = self.int(item)?;
                usize::try_from(extent).map_err(|_| format!("negative dimension {extent} in a shape"))
            })
            .collect()
    }

    fn dtype(&self, expr: &ast::Expr) -> Result<ScalarType, String> {
        np_attr(expr).and_then(dtype_named).ok_or_else(|| {
            format!("expected a dtype (np.bool_, np.int8, ..., np.complex128), got `{}`", self.source(expr))
        })
    }

    /// The `dtype=` keyword of a call, the only keyword the grammar allows.
    fn dtype_keyword(&self, call: &ast::ExprCall, allowed: bool) -> Result<Option<ScalarType>, String> {
        let mut dtype = None;
        for keyword in &call.keywords {
            match &keyword.arg {
                Some(name) if &*name.id == "dtype" && allowed && dtype.is_none() => {
                    dtype = Some(self.dtype(&keyword.value)?)
                }
                _ => {
                    return Err(format!("keyword argument not allowed in `{}`", self.source(&call.func)));
                }
            }
        }
        Ok(dtype)
    }

    fn arity(
        &self,
        call: &ast::ExprCall,
        range: std::ops::RangeInclusive<usize>,
        usage: &str,
    ) -> Result<(), String> {
        if range.contains(&call.args.len()) { Ok(()) } else { Err(format!("expected {usage}")) }
    }

    /// ARG: a scalar literal (as the scalar corpus reads it; `names` resolves the file's
    /// functions), a NumPy scalar, `readonly(ARRAY)` or ARRAY.
    pub fn argument(&self, expr: &ast::Expr, names: &dyn Fn(&str) -> Option<Value>) -> Result<Arg, String> {
        if let ast::Expr::Call(call) = expr {
            if matches!(&*call.func, ast::Expr::Name(name) if &*name.id == "readonly") {
                if call.args.len() != 1 || !call.keywords.is_empty() {
                    return Err("readonly(X) takes one array".into());
                }
                let array = self.array(&call.args[0])?;
                if array.scalar {
                    return Err("readonly(X) of a NumPy scalar".into());
                }
                return Ok(Arg::Array { array, readonly: true });
            }
            if let Some(dtype) = np_attr(&call.func).and_then(dtype_named) {
                if call.args.len() != 1 || !call.keywords.is_empty() {
                    return Err(format!("`{}` takes one number", self.source(&call.func)));
                }
                return Ok(Arg::Scalar(from_python(self.number(&call.args[0])?, dtype)?));
            }
        }
        match Value::from_literal(expr, names) {
            Ok(value) => Ok(Arg::Scalar(value)),
            Err(literal_error) => match self.array(expr) {
                Ok(array) if array.scalar => Ok(Arg::Scalar(array.elements().swap_remove(0))),
                Ok(array) => Ok(Arg::Array { array, readonly: false }),
                Err(error) if is_array_syntax(expr) => {
                    Err(format!("argument `{}`: {error}", self.source(expr)))
                }
                Err(_) => Err(format!("argument `{}`: {literal_error}", self.source(expr))),
            },
        }
    }

    /// ARRAY := PRIMARY POSTFIX*.
    fn array(&self, expr: &ast::Expr) -> Result<NpArray, String> {
        match expr {
            ast::Expr::Call(call) => {
                if let Some(name) = np_attr(&call.func) {
                    return self.primary(name, call);
                }
                let ast::Expr::Attribute(method) = &*call.func else {
                    return Err(format!("`{}` is not in the argument grammar", self.source(expr)));
                };
                let base = self.array(&method.value)?;
                match &*method.attr.id {
                    "reshape" => {
                        self.dtype_keyword(call, false)?;
                        let shape = match &*call.args {
                            [] => return Err(".reshape(SHAPE) or .reshape(INT, INT, ...)".into()),
                            [shape] => self.shape(shape)?,
                            extents => extents
                                .iter()
                                .map(|extent| {
                                    self.int(extent).and_then(|extent| {
                                        usize::try_from(extent)
                                            .map_err(|_| format!("negative dimension {extent}"))
                                    })
                                })
                                .collect::<Result<_, _>>()?,
                        };
                        base.reshape(shape)
                    }
                    "astype" => {
                        self.dtype_keyword(call, false)?;
                        self.arity(call, 1..=1, ".astype(np.DTYPE)")?;
                        base.astype(self.dtype(&call.args[0])?)
                    }
                    "copy" => {
                        self.dtype_keyword(call, false)?;
                        self.arity(call, 0..=0, ".copy() without arguments")?;
                        Ok(base.copy(base.dtype, false, Clone::clone))
                    }
                    other => Err(format!("method .{other} is not in the argument grammar")),
                }
            }
            ast::Expr::Attribute(attribute) if &*attribute.attr.id == "T" && np_attr(expr).is_none() => {
                Ok(self.array(&attribute.value)?.transpose())
            }
            ast::Expr::Subscript(subscript) => {
                let base = self.array(&subscript.value)?;
                let items: Vec<&ast::Expr> = match &*subscript.slice {
                    ast::Expr::Tuple(tuple) => tuple.elts.iter().collect(),
                    other => vec![other],
                };
                let bound =
                    |part: &Option<Box<ast::Expr>>| part.as_deref().map(|part| self.int(part)).transpose();
                let index = items
                    .into_iter()
                    .map(|item| match item {
                        ast::Expr::Slice(slice) => {
                            Ok(Index::Slice(bound(&slice.lower)?, bound(&slice.upper)?, bound(&slice.step)?))
                        }
                        other => self.int(other).map(Index::Int),
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                base.index(&index)
            }
            _ => Err(format!("`{}` is not in the argument grammar", self.source(expr))),
        }
    }

    /// PRIMARY: `np.NAME(...)`.
    fn primary(&self, name: &str, call: &ast::ExprCall) -> Result<NpArray, String> {
        let args = &call.args;
        match name {
            "array" => self.np_array(call, false),
            "arange" => {
                let dtype = self.dtype_keyword(call, true)?;
                self.arity(call, 1..=3, "np.arange(REAL [, REAL [, REAL]] [, dtype=DTYPE])")?;
                let reals = args.iter().map(|arg| self.real(arg)).collect::<Result<Vec<_>, _>>()?;
                let (start, stop, step) = match reals.as_slice() {
                    [stop] => (Num::Int(0), *stop, Num::Int(1)),
                    [start, stop] => (*start, *stop, Num::Int(1)),
                    [start, stop, step] => (*start, *stop, *step),
                    _ => unreachable!("arity checked"),
                };
                arange(start, stop, step, dtype)
            }
            "zeros" | "ones" => {
                let dtype = self.dtype_keyword(call, true)?.unwrap_or(ScalarType::Float64);
                self.arity(call, 1..=1, "np.zeros/np.ones(SHAPE [, dtype=DTYPE])")?;
                Ok(NpArray::filled(dtype, self.shape(&args[0])?, zero_or_one(dtype, name == "ones")))
            }
            "full" => {
                let dtype = self.dtype_keyword(call, true)?;
                self.arity(call, 2..=2, "np.full(SHAPE, NUMBER [, dtype=DTYPE])")?;
                let fill = self.number(&args[1])?;
                let dtype = dtype.unwrap_or_else(|| fill.python_dtype());
                Ok(NpArray::filled(dtype, self.shape(&args[0])?, from_python(fill, dtype)?))
            }
            "linspace" => {
                self.dtype_keyword(call, false)?;
                self.arity(call, 3..=3, "np.linspace(REAL, REAL, INT)")?;
                let (start, stop) = (self.real(&args[0])?.parts().0, self.real(&args[1])?.parts().0);
                let num = self.int(&args[2])?;
                let num = usize::try_from(num)
                    .map_err(|_| format!("Number of samples, {num}, must be non-negative."))?;
                Ok(linspace(start, stop, num))
            }
            "eye" => {
                let dtype = self.dtype_keyword(call, true)?.unwrap_or(ScalarType::Float64);
                self.arity(call, 1..=1, "np.eye(INT [, dtype=DTYPE])")?;
                let n = self.int(&args[0])?;
                let n =
                    usize::try_from(n).map_err(|_| format!("negative dimensions are not allowed: {n}"))?;
                let elements =
                    (0..n * n).map(|position| zero_or_one(dtype, position % (n + 1) == 0)).collect();
                Ok(NpArray::new(dtype, vec![n, n], elements))
            }
            "asfortranarray" => {
                self.dtype_keyword(call, false)?;
                self.arity(call, 1..=1, "np.asfortranarray(ARRAY)")?;
                let base = self.array(&args[0])?;
                if base.shape.len() < 2 {
                    return Err("np.asfortranarray needs ndim >= 2".into());
                }
                // Already Fortran-contiguous: the same array, no copy.
                Ok(if base.is_contiguous(true) { base } else { base.copy(base.dtype, true, Clone::clone) })
            }
            other => Err(format!("np.{other} is not in the argument grammar")),
        }
    }

    /// `np.array(NESTED [, dtype=DTYPE])`.
    fn np_array(&self, call: &ast::ExprCall, need_dtype: bool) -> Result<NpArray, String> {
        let dtype = self.dtype_keyword(call, true)?;
        self.arity(call, 1..=1, "np.array(NESTED [, dtype=DTYPE])")?;
        if need_dtype && dtype.is_none() {
            return Err(format!("an expected array needs dtype=: `{}`", self.source(&call.args[0])));
        }
        let mut leaves = Vec::new();
        let shape = self.nested(&call.args[0], &mut leaves, 0)?;
        let dtype = match dtype {
            Some(dtype) => {
                for leaf in &leaves {
                    if leaf.kind_rank() > kind_rank(dtype) {
                        return Err(format!("element {leaf:?} does not fit dtype {dtype}"));
                    }
                }
                dtype
            }
            None if leaves.is_empty() => return Err("an empty np.array needs dtype=".into()),
            None => leaves
                .iter()
                .map(|leaf| leaf.python_dtype())
                .max_by_key(|dtype| kind_rank(*dtype))
                .unwrap_or(ScalarType::Float64),
        };
        let elements = leaves.into_iter().map(|leaf| array_element(leaf, dtype)).collect::<Result<_, _>>()?;
        Ok(NpArray::new(dtype, shape, elements))
    }

    /// NESTED := NUMBER | [NESTED, ...], rectangular; returns the shape, appends the leaves.
    fn nested(&self, expr: &ast::Expr, leaves: &mut Vec<Num>, depth: usize) -> Result<Vec<usize>, String> {
        if depth > numjit::MAX_ARRAY_NDIM {
            return Err("nested list too deep".into());
        }
        let ast::Expr::List(list) = expr else {
            leaves.push(self.number(expr)?);
            return Ok(Vec::new());
        };
        let mut inner: Option<Vec<usize>> = None;
        for item in &list.elts {
            let shape = self.nested(item, leaves, depth + 1)?;
            match &inner {
                Some(previous) if *previous != shape => {
                    return Err(format!("ragged nested list `{}`", self.source(expr)));
                }
                _ => inner = Some(shape),
            }
        }
        let mut shape = vec![list.elts.len()];
        shape.extend(inner.unwrap_or_default());
        Ok(shape)
    }

    /// EXPECTED := LITERAL | np.array(NESTED, dtype=DTYPE)[.reshape(SHAPE)] | (EXPECTED, ...).
    pub fn expected(&self, expr: &ast::Expr) -> Result<Expected, String> {
        match expr {
            ast::Expr::Tuple(tuple) => Ok(Expected::Tuple(
                tuple.elts.iter().map(|item| self.expected(item)).collect::<Result<_, _>>()?,
            )),
            ast::Expr::Call(call) if np_attr(&call.func) == Some("array") => {
                Ok(Expected::Array(self.np_array(call, true)?))
            }
            ast::Expr::Call(call) if matches!(&*call.func, ast::Expr::Attribute(method) if &*method.attr.id == "reshape") =>
            {
                let ast::Expr::Attribute(method) = &*call.func else { unreachable!("matched") };
                let ast::Expr::Call(inner) = &*method.value else {
                    return Err("expected arrays are np.array(NESTED, dtype=DTYPE).reshape(SHAPE)".into());
                };
                if np_attr(&inner.func) != Some("array") || call.args.len() != 1 || !call.keywords.is_empty()
                {
                    return Err("expected arrays are np.array(NESTED, dtype=DTYPE).reshape(SHAPE)".into());
                }
                Ok(Expected::Array(self.np_array(inner, true)?.reshape(self.shape(&call.args[0])?)?))
            }
            other => Ok(Expected::from_value(self.literal(other)?)),
        }
    }
}

/// Whether `expr` looks like an array expression (so its grammar error is the one to show).
fn is_array_syntax(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Call(call) => match &*call.func {
            ast::Expr::Attribute(attribute) => {
                np_attr(&call.func).is_some() || matches!(&*attribute.attr.id, "reshape" | "astype" | "copy")
            }
            _ => false,
        },
        ast::Expr::Attribute(attribute) => &*attribute.attr.id == "T",
        ast::Expr::Subscript(_) => true,
        _ => false,
    }
}

/// `np.arange`, as NumPy fills it: the first value, the second (`start + step`) cast to the
/// dtype, then `first + i * (second - first)` in the dtype's arithmetic.
fn arange(start: Num, stop: Num, step: Num, dtype: Option<ScalarType>) -> Result<NpArray, String> {
    let all_ints = [start, stop, step].iter().all(|num| matches!(num, Num::Int(_)));
    let dtype = dtype.unwrap_or(if all_ints { ScalarType::Int64 } else { ScalarType::Float64 });
    let (span, step_f) = match (start, stop, step) {
        (Num::Int(a), Num::Int(b), Num::Int(s)) => ((b - a) as f64, s as f64),
        _ => (stop.parts().0 - start.parts().0, step.parts().0),
    };
    if step_f == 0.0 {
        return Err("np.arange: step 0 (ZeroDivisionError)".into());
    }
    let len = (span / step_f).ceil();
    let len = if len.is_nan() || len <= 0.0 { 0 } else { len as usize };
    if len > 1 << 24 {
        return Err(format!("np.arange of {len} elements is too large for the corpus"));
    }
    let next = match (start, step) {
        (Num::Int(a), Num::Int(s)) => Num::Int(a + s),
        _ => Num::Float(start.parts().0 + step.parts().0),
    };
    let first = from_python(start, dtype)?;
    let second = from_python(next, dtype)?;
    if len > 2 && dtype == ScalarType::Bool {
        return Err("np.arange: no fill function for the bool dtype".into());
    }
    let element = |i: usize| -> Value {
        match (&first, &second) {
            _ if i == 0 => first.clone(),
            _ if i == 1 => second.clone(),
            (Value::Float32(a), Value::Float32(b)) => Value::Float32(a + i as f32 * (b - a)),
            (Value::Complex64(a, ai), Value::Complex64(b, bi)) => {
                Value::Complex64(a + i as f32 * (b - a), ai + i as f32 * (bi - ai))
            }
            (Value::Float(a), Value::Float(b)) => Value::Float(a + i as f64 * (b - a)),
            (Value::Complex(a, ai), Value::Complex(b, bi)) => {
                Value::Complex(a + i as f64 * (b - a), ai + i as f64 * (bi - ai))
            }
            (a, b) => {
                let (a, b) = (a.as_i128().unwrap_or(0), b.as_i128().unwrap_or(0));
                wrap_int(a.wrapping_add((i as i128).wrapping_mul(b - a)), dtype)
            }
        }
    };
    Ok(NpArray::new(dtype, vec![len], (0..len).map(element).collect()))
}

/// `np.linspace(start, stop, num)`: `start + i * step` with `step = (stop - start) / (num - 1)`,
/// the last element exactly `stop` (NumPy's computation, including a zero step).
fn linspace(start: f64, stop: f64, num: usize) -> NpArray {
    let div = num.saturating_sub(1) as f64;
    let delta = stop - start;
    let step = delta / div;
    let elements = (0..num)
        .map(|i| {
            let i_f = i as f64;
            let value = if num == 1 {
                i_f * delta + start
            } else if i == num - 1 {
                stop
            } else if step == 0.0 {
                i_f / div * delta + start
            } else {
                i_f * step + start
            };
            Value::Float(value)
        })
        .collect();
    NpArray::new(ScalarType::Float64, vec![num], elements)
}

// ---------------------------------------------------------------------------------------
// Expected values and clauses

/// What a result must equal.
#[derive(Clone, Debug)]
pub enum Expected {
    /// A scalar (bool, int, float, complex, None).
    Scalar(Value),
    Array(NpArray),
    Tuple(Vec<Expected>),
}

impl Expected {
    /// A scalar-corpus literal, tuples split into items.
    pub fn from_value(value: Value) -> Expected {
        match value {
            Value::Tuple(items) => Expected::Tuple(items.into_iter().map(Expected::from_value).collect()),
            scalar => Expected::Scalar(scalar),
        }
    }

    /// Whether an array appears in it.
    pub fn has_array(&self) -> bool {
        match self {
            Expected::Scalar(_) => false,
            Expected::Array(_) => true,
            Expected::Tuple(items) => items.iter().any(Expected::has_array),
        }
    }
}

/// A check after `;` on a run line.
#[derive(Clone, Debug)]
pub enum Clause {
    /// `argN == EXPECTED` / `argN ~= EXPECTED`.
    Arg { index: usize, exact: bool, expected: Expected, text: String },
    /// `view of argN` (shared) / `not view of argN`.
    View { index: usize, shared: bool },
}

/// Reads one clause.
pub fn parse_clause(text: &str) -> Result<Clause, String> {
    let text = text.trim();
    let arg_index = |digits: &str| -> Result<usize, String> {
        if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(format!("unknown clause `{text}`"));
        }
        digits.parse().map_err(|_| format!("unknown clause `{text}`"))
    };
    if let Some(rest) = text.strip_prefix("arg") {
        let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let index = arg_index(&rest[..digits_end])?;
        let rest = rest[digits_end..].trim_start();
        let (exact, expected) = if let Some(expected) = rest.strip_prefix("==") {
            (true, expected.trim())
        } else if let Some(expected) = rest.strip_prefix("~=") {
            (false, expected.trim())
        } else {
            return Err(format!("unknown clause `{text}`"));
        };
        return Ok(Clause::Arg {
            index,
            exact,
            expected: parse_expected(expected)?,
            text: expected.to_owned(),
        });
    }
    let (shared, rest) = match text.strip_prefix("not") {
        Some(rest) if rest.starts_with(char::is_whitespace) => (false, rest.trim_start()),
        _ => (true, text),
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    match words.as_slice() {
        ["view", "of", arg] if arg.starts_with("arg") => {
            Ok(Clause::View { index: arg_index(&arg[3..])?, shared })
        }
        _ => Err(format!(
            "unknown clause `{text}` (expected `argN == VALUE`, `argN ~= VALUE`, `view of argN`, `not view of argN`)"
        )),
    }
}

/// Reads an expected value of the arrays corpus.
pub fn parse_expected(text: &str) -> Result<Expected, String> {
    let expr = numjit_parser::parse_expression(text)
        .map_err(|error| format!("expected value `{text}`: {}", error.message()))?;
    Reader { text }.expected(&expr).map_err(|error| format!("expected value `{text}`: {error}"))
}
