//! Calling compiled functions from Rust with dynamically typed values ([`JitValue`]),
//! through each function's call wrapper `i32 (ptr exc, ptr out, ptr args)`.
//!
//! Arguments are flattened (see `numjit_abi`) into 8-byte slots, each value in the low
//! bytes of its slot (little-endian); the result is read back from a buffer laid out as the
//! return type's C struct. This is what tests use; the facade's dispatcher builds on it.

use numjit_abi::{ExceptionRecord, STATUS_OK};
use numjit_types::{ScalarType, Type};

/// A value passed to or returned from compiled code.
#[derive(Clone, Debug, PartialEq)]
pub enum JitValue {
    /// `bool`.
    Bool(bool),
    /// Any signed integer type (truncated to the parameter's width).
    Int(i64),
    /// Any unsigned integer type (truncated to the parameter's width).
    UInt(u64),
    /// `float32` or `float64`.
    Float(f64),
    /// `complex64` or `complex128`: real and imaginary parts.
    Complex(f64, f64),
    /// `None`.
    None,
    /// A tuple.
    Tuple(Vec<JitValue>),
}

/// Why a call did not return a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    /// The function raised: the exception is in the record passed to the call.
    Raised(i32),
    /// An argument does not fit the function's signature.
    BadArguments(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Raised(status) => write!(f, "the function raised (status {status})"),
            CallError::BadArguments(message) => write!(f, "bad arguments: {message}"),
        }
    }
}

impl std::error::Error for CallError {}

type CallWrapper = unsafe extern "C" fn(*mut ExceptionRecord, *mut u8, *const u64) -> i32;

/// A compiled function: name, signature, and the addresses of its native entry and call
/// wrapper. Valid while the [`CompiledModule`](crate::CompiledModule) it came from lives.
#[derive(Clone, Debug)]
pub struct CompiledFunction {
    name: String,
    params: Vec<Type>,
    return_type: Type,
    address: usize,
    wrapper: usize,
}

impl CompiledFunction {
    pub(crate) fn new(
        name: String,
        params: Vec<Type>,
        return_type: Type,
        address: usize,
        wrapper: usize,
    ) -> Self {
        CompiledFunction { name, params, return_type, address, wrapper }
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Parameter types.
    pub fn params(&self) -> &[Type] {
        &self.params
    }

    /// Return type.
    pub fn return_type(&self) -> &Type {
        &self.return_type
    }

    /// Address of the native entry `i32 f(ptr exc, ptr out, flattened args...)`.
    pub fn native_address(&self) -> usize {
        self.address
    }

    /// Address of the call wrapper `i32 (ptr exc, ptr out, ptr slots)`.
    pub fn wrapper_address(&self) -> usize {
        self.wrapper
    }

    /// Calls the function. On an exception the record holds it and the result is
    /// `Err(CallError::Raised(status))`; the caller consumes the record through the runtime.
    pub fn call(&self, args: &[JitValue], exc: &mut ExceptionRecord) -> Result<JitValue, CallError> {
        if args.len() != self.params.len() {
            return Err(CallError::BadArguments(format!(
                "{} takes {} arguments, {} given",
                self.name,
                self.params.len(),
                args.len()
            )));
        }
        let mut slots = Vec::new();
        for (ty, arg) in self.params.iter().zip(args) {
            flatten(ty, arg, &mut slots).map_err(CallError::BadArguments)?;
        }
        let layout = layout_of(&self.return_type);
        // u64 storage keeps the buffer aligned for every scalar type.
        let mut out = vec![0u64; layout.size.div_ceil(8).max(1)];
        // SAFETY: `wrapper` is the call wrapper codegen emitted for exactly this signature;
        // it reads one slot per flattened parameter (as many as `slots` holds) and writes
        // at most `layout.size` bytes of result; `exc` is a valid record. The machine code
        // lives as long as the module that `self` borrows from.
        let status = unsafe {
            let wrapper: CallWrapper = std::mem::transmute::<usize, CallWrapper>(self.wrapper);
            wrapper(exc, out.as_mut_ptr().cast::<u8>(), slots.as_ptr())
        };
        if status != STATUS_OK {
            return Err(CallError::Raised(status));
        }
        // SAFETY: viewing the initialised u64 buffer as bytes.
        let bytes = unsafe { std::slice::from_raw_parts(out.as_ptr().cast::<u8>(), out.len() * 8) };
        Ok(read(&self.return_type, bytes, 0))
    }
}

fn flatten(ty: &Type, value: &JitValue, slots: &mut Vec<u64>) -> Result<(), String> {
    let mismatch = || format!("{value:?} does not fit {ty}");
    match (ty, value) {
        (Type::Scalar(ScalarType::Bool), JitValue::Bool(flag)) => slots.push(u64::from(*flag)),
        (Type::Scalar(scalar), JitValue::Int(int)) if scalar.is_integer() => slots.push(*int as u64),
        (Type::Scalar(scalar), JitValue::UInt(int)) if scalar.is_integer() => slots.push(*int),
        (Type::Scalar(scalar), JitValue::Bool(flag)) if scalar.is_integer() => slots.push(u64::from(*flag)),
        (Type::Scalar(ScalarType::Float64), JitValue::Float(x)) => slots.push(x.to_bits()),
        (Type::Scalar(ScalarType::Float32), JitValue::Float(x)) => {
            slots.push(u64::from((*x as f32).to_bits()))
        }
        (Type::Scalar(ScalarType::Float64), JitValue::Int(int)) => slots.push((*int as f64).to_bits()),
        (Type::Scalar(ScalarType::Complex128), JitValue::Complex(re, im)) => {
            slots.extend([re.to_bits(), im.to_bits()])
        }
        (Type::Scalar(ScalarType::Complex64), JitValue::Complex(re, im)) => {
            slots.extend([u64::from((*re as f32).to_bits()), u64::from((*im as f32).to_bits())]);
        }
        (Type::NoneType, JitValue::None) => {}
        (Type::Tuple(types), JitValue::Tuple(values)) if types.len() == values.len() => {
            for (item_type, item) in types.iter().zip(values) {
                flatten(item_type, item, slots)?;
            }
        }
        _ => return Err(mismatch()),
    }
    Ok(())
}

/// Size and alignment of a type's C layout.
#[derive(Clone, Copy, Debug)]
struct Layout {
    size: usize,
    align: usize,
}

fn layout_of(ty: &Type) -> Layout {
    match ty {
        Type::Scalar(scalar) => {
            let size = scalar.size_bytes() as usize;
            let align = if scalar.is_complex() { size / 2 } else { size };
            Layout { size, align }
        }
        Type::Tuple(items) => {
            let (mut size, mut align) = (0usize, 1usize);
            for item in items {
                let item = layout_of(item);
                size = size.next_multiple_of(item.align) + item.size;
                align = align.max(item.align);
            }
            Layout { size: size.next_multiple_of(align), align }
        }
        Type::Str => Layout { size: 16, align: 8 },
        Type::Range(int) => {
            let size = int.size_bytes() as usize;
            Layout { size: 3 * size, align: size }
        }
        Type::NoneType => Layout { size: 0, align: 1 },
        Type::Array(_) | Type::Optional(_) | Type::Flat(_) => Layout { size: 8, align: 8 },
    }
}

fn read(ty: &Type, bytes: &[u8], offset: usize) -> JitValue {
    let take = |n: usize| -> [u8; 8] {
        let mut buffer = [0u8; 8];
        if let Some(source) = bytes.get(offset..offset + n) {
            buffer[..n].copy_from_slice(source);
        }
        buffer
    };
    match ty {
        Type::Scalar(scalar) => match scalar {
            ScalarType::Bool => JitValue::Bool(take(1)[0] != 0),
            ScalarType::Int8 => JitValue::Int(i64::from(take(1)[0] as i8)),
            ScalarType::Int16 => JitValue::Int(i64::from(i16::from_le_bytes([take(2)[0], take(2)[1]]))),
            ScalarType::Int32 => {
                let raw = take(4);
                JitValue::Int(i64::from(i32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]])))
            }
            ScalarType::Int64 => JitValue::Int(i64::from_le_bytes(take(8))),
            ScalarType::UInt8 => JitValue::UInt(u64::from(take(1)[0])),
            ScalarType::UInt16 => JitValue::UInt(u64::from(u16::from_le_bytes([take(2)[0], take(2)[1]]))),
            ScalarType::UInt32 => {
                let raw = take(4);
                JitValue::UInt(u64::from(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]])))
            }
            ScalarType::UInt64 => JitValue::UInt(u64::from_le_bytes(take(8))),
            ScalarType::Float32 => {
                let raw = take(4);
                JitValue::Float(f64::from(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]])))
            }
            ScalarType::Float64 => JitValue::Float(f64::from_le_bytes(take(8))),
            ScalarType::Complex64 => {
                let (JitValue::Float(re), JitValue::Float(im)) = (
                    read(&Type::Scalar(ScalarType::Float32), bytes, offset),
                    read(&Type::Scalar(ScalarType::Float32), bytes, offset + 4),
                ) else {
                    return JitValue::None;
                };
                JitValue::Complex(re, im)
            }
            ScalarType::Complex128 => {
                let re = f64::from_le_bytes(take(8));
                let im = match bytes.get(offset + 8..offset + 16) {
                    Some(raw) => f64::from_le_bytes(raw.try_into().unwrap_or([0; 8])),
                    None => 0.0,
                };
                JitValue::Complex(re, im)
            }
        },
        Type::Tuple(items) => {
            let mut position = offset;
            let mut values = Vec::new();
            for item in items {
                let layout = layout_of(item);
                position = position.next_multiple_of(layout.align);
                values.push(read(item, bytes, position));
                position += layout.size;
            }
            JitValue::Tuple(values)
        }
        _ => JitValue::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_layout_is_c_layout() {
        let ty = Type::Tuple(vec![Type::BOOL, Type::FLOAT64, Type::Scalar(ScalarType::Int32)]);
        let layout = layout_of(&ty);
        assert_eq!((layout.size, layout.align), (24, 8));
        let nested = Type::Tuple(vec![Type::Scalar(ScalarType::Int8), Type::Tuple(vec![Type::COMPLEX128])]);
        assert_eq!(layout_of(&nested).size, 24);
    }
}
