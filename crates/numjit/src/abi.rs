//! Calling compiled code from [`Value`]s without allocating (arrays aside: each array
//! argument's struct is built in a small box): arguments are flattened (see
//! `numjit_abi`) into 8-byte slots on the stack, converted to the parameter types on the
//! way, and the result is read back from a stack buffer laid out as the return type's C
//! struct, then decoded with the Python-level return type (an `OptionalType(T)` travels
//! as the tuple `(present, value)`, see `numjit_lower::types`).

use std::mem::MaybeUninit;

use numjit_abi::{ExceptionRecord, STATUS_OK};
use numjit_types::{ScalarType, Type, can_convert};

use crate::array::ArrayValue;

use crate::value::Value;

/// Slots kept on the stack before spilling to the heap.
const INLINE_SLOTS: usize = 16;

/// Words of array structs kept on the stack (two 1-d arrays take 14).
const ARRAY_WORDS: usize = 48;

/// The flattened arguments of one call.
///
/// Array arguments point to their structs in `array_words` (or in boxes in `arrays` once
/// it is full): a `Slots` must not move between flattening and the call, which holds for a
/// local flattened through `&mut` and then passed to the call by reference.
pub(crate) struct Slots {
    inline: [u64; INLINE_SLOTS],
    len: usize,
    heap: Vec<u64>,
    /// The array structs that array arguments point to (alive for the call); the first
    /// `array_words_len` words are initialised.
    array_words: [MaybeUninit<u64>; ARRAY_WORDS],
    array_words_len: usize,
    /// Array structs that did not fit `array_words`.
    arrays: Vec<Box<[u64]>>,
}

impl Slots {
    pub(crate) fn new() -> Self {
        Slots {
            inline: [0; INLINE_SLOTS],
            len: 0,
            heap: Vec::new(),
            array_words: [const { MaybeUninit::uninit() }; ARRAY_WORDS],
            array_words_len: 0,
            arrays: Vec::new(),
        }
    }

    /// Appends a pointer to `array`'s struct (`numjit_abi::ArrayStruct`), built in
    /// `array_words` when there is room.
    pub(crate) fn push_array(&mut self, array: &ArrayValue) {
        let start = self.array_words_len;
        let n_words = array.abi_word_count();
        let words = self.array_words.get_mut(start..start + n_words);
        let pointer = if let Some(words) = words
            && array.write_abi_words(words)
        {
            self.array_words_len += n_words;
            words.as_ptr() as u64
        } else {
            let words: Box<[u64]> = array.abi_words_iter().collect();
            let pointer = words.as_ptr() as u64;
            self.arrays.push(words);
            pointer
        };
        self.push(pointer);
    }

    pub(crate) fn push(&mut self, slot: u64) {
        if self.len < INLINE_SLOTS {
            self.inline[self.len] = slot;
        } else {
            if self.heap.is_empty() {
                self.heap.extend_from_slice(&self.inline);
            }
            self.heap.push(slot);
        }
        self.len += 1;
    }

    fn as_ptr(&self) -> *const u64 {
        if self.len > INLINE_SLOTS { self.heap.as_ptr() } else { self.inline.as_ptr() }
    }
}

/// Appends `value`, converted to `ty` (a Python-level parameter type), to `slots`; `false`
/// when the value cannot be passed as `ty`.
pub(crate) fn flatten(value: &Value, ty: &Type, slots: &mut Slots) -> bool {
    match ty {
        Type::Scalar(scalar) => flatten_scalar(value, *scalar, slots),
        Type::NoneType => matches!(value, Value::None),
        Type::Tuple(types) => match value {
            Value::Tuple(items) if items.len() == types.len() => {
                items.iter().zip(types).all(|(item, ty)| flatten(item, ty, slots))
            }
            _ => false,
        },
        Type::Optional(inner) => {
            if matches!(value, Value::None) {
                slots.push(0);
                push_zeros(inner, slots);
                true
            } else {
                slots.push(1);
                flatten(value, inner, slots)
            }
        }
        // An array travels as a pointer to its `numjit_abi::ArrayStruct`, which carries the
        // array's block: the callee increfs it to keep the array beyond the call.
        Type::Array(_) => match value {
            Value::Array(array)
                if array.ndim() <= crate::array::MAX_NDIM
                    && can_convert(&Type::Array(array.array_type()), ty).is_some() =>
            {
                slots.push_array(array);
                true
            }
            _ => false,
        },
        Type::Range(_) | Type::Str | Type::Flat(_) => false,
    }
}

fn push_zeros(ty: &Type, slots: &mut Slots) {
    match ty {
        Type::Scalar(scalar) if scalar.is_complex() => {
            slots.push(0);
            slots.push(0);
        }
        Type::Scalar(_) | Type::Array(_) | Type::Flat(_) => slots.push(0),
        Type::NoneType => {}
        Type::Tuple(items) => items.iter().for_each(|item| push_zeros(item, slots)),
        Type::Optional(inner) => {
            slots.push(0);
            push_zeros(inner, slots);
        }
        Type::Range(_) => (0..3).for_each(|_| slots.push(0)),
        Type::Str => (0..2).for_each(|_| slots.push(0)),
    }
}

/// Converts a numeric value to `scalar` as Numba's argument unboxing does (integers wrap
/// to the width, floats truncate toward zero for integer parameters).
fn flatten_scalar(value: &Value, scalar: ScalarType, slots: &mut Slots) -> bool {
    if scalar.is_complex() {
        let Some((re, im)) = value.as_complex() else { return false };
        if scalar == ScalarType::Complex64 {
            slots.push(u64::from((re as f32).to_bits()));
            slots.push(u64::from((im as f32).to_bits()));
        } else {
            slots.push(re.to_bits());
            slots.push(im.to_bits());
        }
        return true;
    }
    if matches!(value, Value::Complex(..) | Value::Complex64(..)) {
        return false;
    }
    let slot = match scalar {
        ScalarType::Float64 => value.as_f64().map(f64::to_bits),
        ScalarType::Float32 => value.as_f64().map(|float| u64::from((float as f32).to_bits())),
        ScalarType::Bool => match value.as_i128() {
            Some(int) => Some(u64::from(int != 0)),
            None => value.as_f64().map(|float| u64::from(float != 0.0)),
        },
        _ => match value.as_i128() {
            // Two's complement in the low bytes; the callee reads only its width.
            Some(int) => Some(int as u64),
            None => value.as_f64().map(|float| float as i64 as u64),
        },
    };
    match slot {
        Some(slot) => {
            slots.push(slot);
            true
        }
        None => false,
    }
}

/// Size and alignment of an IR type's C layout.
#[derive(Clone, Copy, Debug)]
struct Layout {
    size: usize,
    align: usize,
}

/// The layout of the IR representation of the Python type `ty`.
fn layout_of(ty: &Type) -> Layout {
    match ty {
        Type::Scalar(scalar) => {
            let size = scalar.size_bytes() as usize;
            let align = if scalar.is_complex() { size / 2 } else { size };
            Layout { size, align }
        }
        Type::Tuple(items) => struct_layout(items.iter()),
        Type::Optional(inner) => struct_layout([&Type::BOOL, &**inner].into_iter()),
        Type::Range(int) => {
            let size = int.size_bytes() as usize;
            Layout { size: 3 * size, align: size }
        }
        Type::Str => Layout { size: 16, align: 8 },
        Type::NoneType => Layout { size: 0, align: 1 },
        Type::Array(array) | Type::Flat(array) => {
            Layout { size: 8 * (5 + 2 * usize::from(array.ndim)), align: 8 }
        }
    }
}

fn struct_layout<'a>(fields: impl Iterator<Item = &'a Type>) -> Layout {
    let (mut size, mut align) = (0usize, 1usize);
    for field in fields {
        let field = layout_of(field);
        size = size.next_multiple_of(field.align) + field.size;
        align = align.max(field.align);
    }
    Layout { size: size.next_multiple_of(align), align }
}

/// The result buffer: 8-byte aligned storage for the return value.
pub(crate) struct OutBuffer {
    inline: [u64; INLINE_SLOTS],
    heap: Vec<u64>,
}

impl OutBuffer {
    /// The number of 8-byte words a result of type `ty` takes.
    pub(crate) fn words_for(ty: &Type) -> usize {
        layout_of(ty).size.div_ceil(8)
    }

    pub(crate) fn with_words(words: usize) -> Self {
        let heap = if words > INLINE_SLOTS { vec![0; words] } else { Vec::new() };
        OutBuffer { inline: [0; INLINE_SLOTS], heap }
    }

    fn as_mut_ptr(&mut self) -> *mut u8 {
        if self.heap.is_empty() { self.inline.as_mut_ptr().cast() } else { self.heap.as_mut_ptr().cast() }
    }

    fn bytes(&self) -> &[u8] {
        let words: &[u64] = if self.heap.is_empty() { &self.inline } else { &self.heap };
        // SAFETY: viewing initialised `u64`s as bytes; `u8` has no alignment requirement.
        unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), size_of_val(words)) }
    }
}

type CallWrapper = unsafe extern "C" fn(*mut ExceptionRecord, *mut u8, *const u64) -> i32;

/// Calls the call wrapper at `wrapper` with the flattened arguments; the result is in
/// `out` when the status is `STATUS_OK`.
///
/// # Safety
/// `wrapper` must be the address of a live call wrapper emitted by numjit_llvm whose
/// parameters are exactly what `slots` holds and whose result fits `out`.
pub(crate) unsafe fn call_wrapper(
    wrapper: usize,
    slots: &Slots,
    out: &mut OutBuffer,
    exc: &mut ExceptionRecord,
) -> bool {
    // SAFETY: guaranteed by the caller: `wrapper` is a call wrapper with this signature.
    let status = unsafe {
        let function = std::mem::transmute::<usize, CallWrapper>(wrapper);
        function(exc, out.as_mut_ptr(), slots.as_ptr())
    };
    status == STATUS_OK
}

/// Decodes the result of Python type `ty` from `out`.
pub(crate) fn read_result(ty: &Type, out: &OutBuffer) -> Option<Value> {
    // The common results straight from the first word (where the callee stored them).
    match ty {
        Type::Scalar(ScalarType::Float64) => Some(Value::Float(f64::from_bits(out.inline[0]))),
        Type::Scalar(ScalarType::Int64) => Some(Value::Int(out.inline[0] as i64)),
        _ => read(ty, out.bytes(), 0),
    }
}

fn read(ty: &Type, bytes: &[u8], offset: usize) -> Option<Value> {
    let raw = |n: usize| -> Option<[u8; 8]> {
        let mut buffer = [0u8; 8];
        buffer[..n].copy_from_slice(bytes.get(offset..offset + n)?);
        Some(buffer)
    };
    Some(match ty {
        Type::Scalar(scalar) => match scalar {
            ScalarType::Bool => Value::Bool(raw(1)?[0] != 0),
            ScalarType::Int8 => Value::Int8(i8::from_le_bytes([raw(1)?[0]])),
            ScalarType::Int16 => Value::Int16(i16::from_le_bytes(first(raw(2)?))),
            ScalarType::Int32 => Value::Int32(i32::from_le_bytes(first(raw(4)?))),
            ScalarType::Int64 => Value::Int(i64::from_le_bytes(raw(8)?)),
            ScalarType::UInt8 => Value::UInt8(raw(1)?[0]),
            ScalarType::UInt16 => Value::UInt16(u16::from_le_bytes(first(raw(2)?))),
            ScalarType::UInt32 => Value::UInt32(u32::from_le_bytes(first(raw(4)?))),
            ScalarType::UInt64 => Value::UInt(u64::from_le_bytes(raw(8)?)),
            ScalarType::Float32 => Value::Float32(f32::from_le_bytes(first(raw(4)?))),
            ScalarType::Float64 => Value::Float(f64::from_le_bytes(raw(8)?)),
            ScalarType::Complex64 => {
                let (Value::Float32(re), Value::Float32(im)) = (
                    read(&Type::Scalar(ScalarType::Float32), bytes, offset)?,
                    read(&Type::Scalar(ScalarType::Float32), bytes, offset + 4)?,
                ) else {
                    return None;
                };
                Value::Complex64(re, im)
            }
            ScalarType::Complex128 => {
                let (Value::Float(re), Value::Float(im)) =
                    (read(&Type::FLOAT64, bytes, offset)?, read(&Type::FLOAT64, bytes, offset + 8)?)
                else {
                    return None;
                };
                Value::Complex(re, im)
            }
        },
        Type::NoneType => Value::None,
        Type::Tuple(items) => {
            let mut position = offset;
            let mut values = Vec::with_capacity(items.len());
            for item in items {
                let layout = layout_of(item);
                position = position.next_multiple_of(layout.align);
                values.push(read(item, bytes, position)?);
                position += layout.size;
            }
            Value::Tuple(values)
        }
        Type::Optional(inner) => {
            if raw(1)?[0] == 0 {
                Value::None
            } else {
                let position = (offset + 1).next_multiple_of(layout_of(inner).align);
                read(inner, bytes, position)?
            }
        }
        Type::Array(array) => {
            // SAFETY: `bytes` is the result buffer of a call that returned this array type;
            // the reference it holds is the caller's, taken over here once.
            Value::Array(unsafe { ArrayValue::from_abi(array, bytes.get(offset..)?) }?)
        }
        Type::Range(_) | Type::Str | Type::Flat(_) => return None,
    })
}

fn first<const N: usize>(raw: [u8; 8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&raw[..N]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_c_layouts() {
        let ty = Type::Tuple(vec![Type::BOOL, Type::FLOAT64, Type::Scalar(ScalarType::Int32)]);
        assert_eq!(layout_of(&ty).size, 24);
        let optional = Type::Optional(Box::new(Type::FLOAT64));
        assert_eq!(layout_of(&optional).size, 16);
    }

    #[test]
    fn flattens_with_conversions() {
        let mut slots = Slots::new();
        assert!(flatten(&Value::Int(3), &Type::FLOAT64, &mut slots));
        assert!(flatten(&Value::Bool(true), &Type::Scalar(ScalarType::Int32), &mut slots));
        assert!(!flatten(&Value::Complex(1.0, 0.0), &Type::FLOAT64, &mut slots));
        assert_eq!(slots.inline[0], 3.0f64.to_bits());
        assert_eq!(slots.inline[1], 1);
        let mut many = Slots::new();
        let tuple = Value::Tuple((0..40).map(Value::Int).collect());
        assert!(flatten(&tuple, &Type::Tuple(vec![Type::INT64; 40]), &mut many));
        assert_eq!(many.len, 40);
        assert_eq!(many.heap[39], 39);
    }
}
