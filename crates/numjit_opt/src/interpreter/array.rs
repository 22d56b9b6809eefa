//! Arrays in the interpreter: memory blocks with refcounts that catch leaks, double frees and
//! uses after free, and the array opcodes' semantics.
//!
//! A block holds its elements as [`RuntimeValue`]s. Byte offsets and strides of the IR are
//! divided by the item size to address them (accessing an element at a byte position that is
//! not a multiple of the item size is undefined). Blocks count their owners like the runtime's
//! `MemInfo`s; the interpreter counts the blocks `array_alloc` makes and frees, so a test
//! can check that a function returns every block it allocated except the ones it returns.
//! A view of another dtype (`array_view.A.float64` of a complex128 array) addresses the
//! block's elements by their own item size and picks the part it reads: a complex element's
//! real or imaginary half, or the bits of an element of the same size; other reinterpretations
//! are [`Trap::Unsupported`].

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use numjit_ir::Opcode;
use numjit_types::{ArrayType, ScalarType};

use super::{RuntimeValue, Trap};

/// A refcounted block of elements.
#[derive(Debug)]
pub struct ArrayBlock {
    elements: RefCell<Vec<RuntimeValue>>,
    refcount: Cell<i64>,
}

impl ArrayBlock {
    fn new(elements: Vec<RuntimeValue>) -> Rc<ArrayBlock> {
        Rc::new(ArrayBlock { elements: RefCell::new(elements), refcount: Cell::new(1) })
    }

    /// The number of owners (0 once freed).
    pub fn refcount(&self) -> i64 {
        self.refcount.get()
    }

    fn check_live(&self) -> Result<(), Trap> {
        if self.refcount.get() <= 0 {
            Err(Trap::Undefined("use of a freed array".to_owned()))
        } else {
            Ok(())
        }
    }
}

/// An array value: a block (none for `array_null`) and the geometry of the view into it.
#[derive(Clone, Debug)]
pub struct RuntimeArray {
    /// The element type.
    pub dtype: ScalarType,
    /// The element type of the block's elements (`dtype` unless this is a view of another
    /// dtype).
    pub block_dtype: ScalarType,
    /// The memory, or `None` for an array that owns nothing.
    pub block: Option<Rc<ArrayBlock>>,
    /// Byte position of element `[0, ..., 0]` in the block.
    pub offset: i64,
    /// Extent of each axis.
    pub shape: Vec<i64>,
    /// Byte stride of each axis.
    pub strides: Vec<i64>,
}

impl RuntimeArray {
    /// A new C-contiguous array owning a block of `elements` (refcount 1), row-major.
    pub fn from_elements(dtype: ScalarType, shape: &[i64], elements: Vec<RuntimeValue>) -> RuntimeArray {
        RuntimeArray {
            dtype,
            block_dtype: dtype,
            block: Some(ArrayBlock::new(elements)),
            offset: 0,
            shape: shape.to_vec(),
            strides: c_strides(shape, itemsize(dtype)),
        }
    }

    fn itemsize(&self) -> i64 {
        itemsize(self.dtype)
    }

    /// The block index of the element at in-range `indices`, and the byte offset inside it
    /// (0 unless this is a view of another dtype).
    fn position(&self, indices: &[i64]) -> Result<(usize, i64), Trap> {
        if indices.len() != self.shape.len() {
            return Err(Trap::Malformed(format!(
                "{} indices for a {}-d array",
                indices.len(),
                self.shape.len()
            )));
        }
        let mut position = self.offset;
        for ((index, extent), stride) in indices.iter().zip(&self.shape).zip(&self.strides) {
            if *index < 0 || index >= extent {
                return Err(Trap::Undefined(format!("array index {index} outside 0..{extent}")));
            }
            position += index * stride;
        }
        if position % self.itemsize() != 0 {
            return Err(Trap::Undefined("an element address not aligned to its items".to_owned()));
        }
        let block_itemsize = itemsize(self.block_dtype);
        let index = usize::try_from(position.div_euclid(block_itemsize))
            .map_err(|_| Trap::Undefined("array element before its block".to_owned()))?;
        Ok((index, position.rem_euclid(block_itemsize)))
    }

    /// The part of the block element `element` this array reads at `within` bytes into it.
    fn read_part(&self, element: &RuntimeValue, within: i64) -> Result<RuntimeValue, Trap> {
        if self.dtype == self.block_dtype {
            return Ok(element.clone());
        }
        match (element, within) {
            (RuntimeValue::Complex(_, re, im), _) if self.dtype == self.block_dtype.real_part() => {
                let part = if within == 0 { *re } else { *im };
                Ok(RuntimeValue::Float(self.dtype, part))
            }
            (_, 0) if self.itemsize() == itemsize(self.block_dtype) => {
                from_bits(self.dtype, to_bits(element)?)
            }
            _ => Err(self.unsupported_view()),
        }
    }

    /// The block element `element` with the part this array writes at `within` replaced.
    fn write_part(
        &self,
        element: &RuntimeValue,
        within: i64,
        value: RuntimeValue,
    ) -> Result<RuntimeValue, Trap> {
        if self.dtype == self.block_dtype {
            return Ok(value);
        }
        match (element, &value) {
            (RuntimeValue::Complex(ty, re, im), RuntimeValue::Float(_, part))
                if self.dtype == self.block_dtype.real_part() =>
            {
                Ok(if within == 0 {
                    RuntimeValue::Complex(*ty, *part, *im)
                } else {
                    RuntimeValue::Complex(*ty, *re, *part)
                })
            }
            _ if within == 0 && self.itemsize() == itemsize(self.block_dtype) => {
                from_bits(self.block_dtype, to_bits(&value)?)
            }
            _ => Err(self.unsupported_view()),
        }
    }

    fn unsupported_view(&self) -> Trap {
        Trap::Unsupported(format!("a {} view of {} elements", self.dtype, self.block_dtype))
    }

    fn block(&self) -> Result<&Rc<ArrayBlock>, Trap> {
        let block =
            self.block.as_ref().ok_or_else(|| Trap::Undefined("access to a null array".to_owned()))?;
        block.check_live()?;
        Ok(block)
    }

    /// The element at `indices`.
    pub fn get(&self, indices: &[i64]) -> Result<RuntimeValue, Trap> {
        let (position, within) = self.position(indices)?;
        let block = self.block()?;
        let elements = block.elements.borrow();
        let element = elements
            .get(position)
            .ok_or_else(|| Trap::Undefined("array element past its block".to_owned()))?;
        self.read_part(element, within)
    }

    fn set(&self, indices: &[i64], value: RuntimeValue) -> Result<(), Trap> {
        let (position, within) = self.position(indices)?;
        let block = self.block()?;
        let mut elements = block.elements.borrow_mut();
        let slot = elements
            .get_mut(position)
            .ok_or_else(|| Trap::Undefined("array element past its block".to_owned()))?;
        *slot = self.write_part(slot, within, value)?;
        Ok(())
    }

    /// Every element in row-major order.
    pub fn to_vec(&self) -> Result<Vec<RuntimeValue>, Trap> {
        let mut out = Vec::new();
        if self.shape.contains(&0) {
            return Ok(out);
        }
        let mut index = vec![0i64; self.shape.len()];
        loop {
            out.push(self.get(&index)?);
            let mut axis = self.shape.len();
            loop {
                if axis == 0 {
                    return Ok(out);
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
}

impl PartialEq for RuntimeArray {
    /// Same dtype, shape and elements.
    fn eq(&self, other: &RuntimeArray) -> bool {
        self.dtype == other.dtype
            && self.shape == other.shape
            && matches!((self.to_vec(), other.to_vec()), (Ok(a), Ok(b)) if a == b)
    }
}

impl fmt::Display for RuntimeArray {
    /// `array(float64, [2, 2], [1.0_f64, ...])` with the elements in row-major order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "array({}, {:?}, [", self.dtype, self.shape)?;
        match self.to_vec() {
            Ok(elements) => {
                for (idx, element) in elements.iter().enumerate() {
                    if idx > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{element}")?;
                }
            }
            Err(trap) => write!(f, "<{trap}>")?,
        }
        f.write_str("])")
    }
}

/// The bits of a scalar element as stored in memory (little-endian, zero-extended).
fn to_bits(value: &RuntimeValue) -> Result<u64, Trap> {
    Ok(match value {
        RuntimeValue::Bool(flag) => u64::from(*flag),
        RuntimeValue::Int(ty, int) => (*int as u64) & width_mask(*ty),
        RuntimeValue::Float(ScalarType::Float32, float) => u64::from((*float as f32).to_bits()),
        RuntimeValue::Float(_, float) => float.to_bits(),
        other => return Err(Trap::Unsupported(format!("reinterpreting {other:?}"))),
    })
}

/// The element of type `dtype` whose memory holds `bits`.
fn from_bits(dtype: ScalarType, bits: u64) -> Result<RuntimeValue, Trap> {
    Ok(match dtype {
        ScalarType::Bool if bits <= 1 => RuntimeValue::Bool(bits == 1),
        ScalarType::Float32 => RuntimeValue::Float(dtype, f64::from(f32::from_bits(bits as u32))),
        ScalarType::Float64 => RuntimeValue::Float(dtype, f64::from_bits(bits)),
        ty if ty.is_integer() => {
            let width = ty.size_bytes() * 8;
            let value = if ty.is_signed_integer() {
                let shift = 64 - width;
                i128::from(((bits << shift) as i64) >> shift)
            } else {
                i128::from(bits)
            };
            RuntimeValue::Int(ty, value)
        }
        other => return Err(Trap::Unsupported(format!("reinterpreting memory as {other}"))),
    })
}

fn width_mask(ty: ScalarType) -> u64 {
    let width = ty.size_bytes() * 8;
    if width >= 64 { u64::MAX } else { (1u64 << width) - 1 }
}

fn itemsize(dtype: ScalarType) -> i64 {
    dtype.size_bytes() as i64
}

fn c_strides(shape: &[i64], itemsize: i64) -> Vec<i64> {
    let mut strides = vec![itemsize; shape.len()];
    for axis in (0..shape.len().saturating_sub(1)).rev() {
        strides[axis] = strides[axis + 1] * shape[axis + 1];
    }
    strides
}

/// The zero of a scalar type.
pub fn zero(dtype: ScalarType) -> RuntimeValue {
    if dtype == ScalarType::Bool {
        RuntimeValue::Bool(false)
    } else if dtype.is_complex() {
        RuntimeValue::Complex(dtype, 0.0, 0.0)
    } else if dtype.is_float() {
        RuntimeValue::Float(dtype, 0.0)
    } else {
        RuntimeValue::Int(dtype, 0)
    }
}

/// The element of type `dtype` that `bytes` hold (little-endian).
fn decode_element(dtype: ScalarType, bytes: &[u8]) -> RuntimeValue {
    let word = |range: std::ops::Range<usize>| -> u64 {
        let mut buffer = [0u8; 8];
        let part = bytes.get(range).unwrap_or_default();
        buffer[..part.len()].copy_from_slice(part);
        u64::from_le_bytes(buffer)
    };
    let size = dtype.size_bytes() as usize;
    match dtype {
        ScalarType::Bool => RuntimeValue::Bool(word(0..1) != 0),
        ScalarType::Float32 => RuntimeValue::Float(dtype, f64::from(f32::from_bits(word(0..4) as u32))),
        ScalarType::Float64 => RuntimeValue::Float(dtype, f64::from_bits(word(0..8))),
        ScalarType::Complex64 => RuntimeValue::Complex(
            dtype,
            f64::from(f32::from_bits(word(0..4) as u32)),
            f64::from(f32::from_bits(word(4..8) as u32)),
        ),
        ScalarType::Complex128 => {
            RuntimeValue::Complex(dtype, f64::from_bits(word(0..8)), f64::from_bits(word(8..16)))
        }
        _ if dtype.is_signed_integer() => {
            let shift = (64 - 8 * size) as u32;
            RuntimeValue::Int(dtype, i128::from(((word(0..size) << shift) as i64) >> shift))
        }
        _ => RuntimeValue::Int(dtype, i128::from(word(0..size))),
    }
}

/// Counts of the blocks `array_alloc` made and the blocks whose last owner let go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockCounts {
    /// Blocks allocated by `array_alloc`.
    pub allocated: usize,
    /// Blocks freed by `array_decref` (any block, also ones made outside the run).
    pub freed: usize,
}

fn array_arg(args: &[RuntimeValue], at: usize) -> Result<&RuntimeArray, Trap> {
    match args.get(at) {
        Some(RuntimeValue::Array(array)) => Ok(array),
        other => Err(Trap::Malformed(format!("expected an array operand, found {other:?}"))),
    }
}

fn int_args(args: &[RuntimeValue]) -> Result<Vec<i64>, Trap> {
    args.iter()
        .map(|arg| {
            let (_, value) = arg.as_int()?;
            i64::try_from(value).map_err(|_| Trap::Malformed(format!("{value} is not an int64")))
        })
        .collect()
}

/// Runs an array opcode; `None` if `opcode` is not one.
pub(super) fn eval(
    opcode: &Opcode,
    args: &[RuntimeValue],
    counts: &mut BlockCounts,
) -> Option<Result<Vec<RuntimeValue>, Trap>> {
    let int64 = |value: i64| RuntimeValue::Int(ScalarType::Int64, i128::from(value));
    let result = match opcode {
        Opcode::ArrayDim(axis) | Opcode::ArrayStride(axis) => (|| {
            let array = array_arg(args, 0)?;
            let list = if matches!(opcode, Opcode::ArrayDim(_)) { &array.shape } else { &array.strides };
            let value = list.get(*axis as usize).ok_or_else(|| Trap::Malformed(format!("axis {axis}")))?;
            Ok(vec![int64(*value)])
        })(),
        Opcode::ArrayLoad => (|| {
            let array = array_arg(args, 0)?;
            Ok(vec![array.get(&int_args(&args[1..])?)?])
        })(),
        Opcode::ArrayStore => (|| {
            let array = array_arg(args, 0)?;
            let (value, indices) = args[1..]
                .split_last()
                .ok_or_else(|| Trap::Malformed("array_store without a value".into()))?;
            array.set(&int_args(indices)?, value.clone())?;
            Ok(Vec::new())
        })(),
        Opcode::ArrayMatmul => (|| {
            let (a, b, c) = (array_arg(args, 0)?, array_arg(args, 1)?, array_arg(args, 2)?);
            let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1]);
            let dtype = c.dtype;
            let (add, mul) = match dtype {
                ScalarType::Bool => (Opcode::Ior, Opcode::Iand),
                t if t.is_complex() => (Opcode::Cadd, Opcode::Cmul),
                t if t.is_float() => (Opcode::Fadd, Opcode::Fmul),
                _ => (Opcode::Iadd, Opcode::Imul),
            };
            for i in 0..m {
                for j in 0..n {
                    let mut acc = zero(dtype);
                    for l in 0..k {
                        let product = super::scalar::eval_pure(&mul, &[a.get(&[i, l])?, b.get(&[l, j])?])?;
                        acc = super::scalar::eval_pure(&add, &[acc, product])?;
                    }
                    c.set(&[i, j], acc)?;
                }
            }
            Ok(Vec::new())
        })(),
        Opcode::ArrayAlloc { dtype, .. } => (|| {
            let shape = int_args(args)?;
            if shape.iter().any(|extent| *extent < 0) {
                return Err(Trap::Raise {
                    kind: numjit_ir::ExceptionKind::ValueError,
                    message: "negative dimensions are not allowed".to_owned(),
                });
            }
            let count = shape.iter().try_fold(1i64, |acc, extent| acc.checked_mul(*extent));
            let count = count
                .and_then(|count| usize::try_from(count).ok())
                .filter(|count| *count <= 1 << 24)
                .ok_or_else(|| Trap::Unsupported("an array too big for the interpreter".to_owned()))?;
            counts.allocated += 1;
            let array = RuntimeArray::from_elements(*dtype, &shape, vec![zero(*dtype); count]);
            Ok(vec![RuntimeValue::Array(array)])
        })(),
        Opcode::ArrayView(spec) => (|| {
            let base = array_arg(args, 0)?;
            let values = int_args(&args[1..])?;
            let (offset, rest) =
                values.split_first().ok_or_else(|| Trap::Malformed("array_view without an offset".into()))?;
            let (shape, strides) = rest.split_at(rest.len() / 2);
            Ok(vec![RuntimeValue::Array(RuntimeArray {
                dtype: spec.dtype.unwrap_or(base.dtype),
                block_dtype: base.block_dtype,
                block: base.block.clone(),
                offset: base.offset + offset,
                shape: shape.to_vec(),
                strides: strides.to_vec(),
            })])
        })(),
        Opcode::ArrayIncref | Opcode::ArrayDecref => (|| {
            let array = array_arg(args, 0)?;
            if let Some(block) = &array.block {
                block.check_live()?;
                if *opcode == Opcode::ArrayIncref {
                    block.refcount.set(block.refcount.get() + 1);
                } else {
                    block.refcount.set(block.refcount.get() - 1);
                    if block.refcount.get() == 0 {
                        counts.freed += 1;
                    }
                }
            }
            Ok(Vec::new())
        })(),
        Opcode::ArrayConst(constant) => (|| {
            let itemsize = constant.dtype.size_bytes() as usize;
            let elements = constant
                .bytes
                .chunks_exact(itemsize)
                .map(|bytes| decode_element(constant.dtype, bytes))
                .collect();
            let shape = constant
                .shape
                .iter()
                .map(|extent| i64::try_from(*extent))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| Trap::Unsupported("an array too big for the interpreter".to_owned()))?;
            let array = RuntimeArray::from_elements(constant.dtype, &shape, elements);
            // The constant lives as long as the code: no owner ever frees it.
            if let Some(block) = &array.block {
                block.refcount.set(i64::MAX / 2);
            }
            Ok(vec![RuntimeValue::Array(array)])
        })(),
        Opcode::ArrayNull(ArrayType { dtype, ndim, .. }) => Ok(vec![RuntimeValue::Array(RuntimeArray {
            dtype: *dtype,
            block_dtype: *dtype,
            block: None,
            offset: 0,
            shape: vec![0; usize::from(*ndim)],
            strides: vec![0; usize::from(*ndim)],
        })]),
        _ => return None,
    };
    Some(result)
}
