//! numjit's type lattice, shared by type inference, the IR and code generation.
//!
//! - [`ScalarType`]: the NumPy scalar dtypes numjit compiles (bool, int8..uint64,
//!   float32/64, complex64/128), with NumPy's promotion rule ([`ScalarType::promote`]).
//! - [`Type`]: scalars plus none, tuples, ranges, arrays ([`ArrayType`]: dtype, ndim, layout,
//!   readonly), optionals and the other kinds later phases add.
//! - [`Conversion`] and [`can_convert`]: Numba's casting table (exact < promote < safe <
//!   unsafe), which the dispatcher uses to choose between compiled versions.
//! - [`parse_signature`]: the signature-string syntax (`"float64(int64, float64[:, ::1])"`),
//!   parsed by our own grammar — never evaluated.
//!
//! Types print the way Numba prints them (`int64`, `array(float64, 2d, C)`,
//! `UniTuple(int64 x 3)`), so messages and `inspect_types` read the same.

mod conversion;
mod scalar;
mod signature;
mod ty;

pub use conversion::{Conversion, can_convert};
pub use scalar::ScalarType;
pub use signature::{Signature, SignatureError, parse_signature, parse_type};
pub use ty::{ArrayConstant, ArrayType, Layout, Type};
