//! Scalar dtypes and NumPy's type promotion between them.

use std::fmt;

/// A NumPy scalar type that compiled code computes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScalarType {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float32,
    Float64,
    Complex64,
    Complex128,
}

/// The broad kind of a scalar, in NumPy's order (bool < int < float < complex).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScalarKind {
    Bool,
    Int,
    Float,
    Complex,
}

impl ScalarType {
    /// Every scalar type, in declaration order.
    pub const ALL: [ScalarType; 13] = [
        ScalarType::Bool,
        ScalarType::Int8,
        ScalarType::Int16,
        ScalarType::Int32,
        ScalarType::Int64,
        ScalarType::UInt8,
        ScalarType::UInt16,
        ScalarType::UInt32,
        ScalarType::UInt64,
        ScalarType::Float32,
        ScalarType::Float64,
        ScalarType::Complex64,
        ScalarType::Complex128,
    ];

    /// The type's name as NumPy and Numba spell it (`int64`, `bool`).
    pub fn name(self) -> &'static str {
        match self {
            ScalarType::Bool => "bool",
            ScalarType::Int8 => "int8",
            ScalarType::Int16 => "int16",
            ScalarType::Int32 => "int32",
            ScalarType::Int64 => "int64",
            ScalarType::UInt8 => "uint8",
            ScalarType::UInt16 => "uint16",
            ScalarType::UInt32 => "uint32",
            ScalarType::UInt64 => "uint64",
            ScalarType::Float32 => "float32",
            ScalarType::Float64 => "float64",
            ScalarType::Complex64 => "complex64",
            ScalarType::Complex128 => "complex128",
        }
    }

    pub fn kind(self) -> ScalarKind {
        match self {
            ScalarType::Bool => ScalarKind::Bool,
            ScalarType::Int8
            | ScalarType::Int16
            | ScalarType::Int32
            | ScalarType::Int64
            | ScalarType::UInt8
            | ScalarType::UInt16
            | ScalarType::UInt32
            | ScalarType::UInt64 => ScalarKind::Int,
            ScalarType::Float32 | ScalarType::Float64 => ScalarKind::Float,
            ScalarType::Complex64 | ScalarType::Complex128 => ScalarKind::Complex,
        }
    }

    /// Size in bytes (`itemsize`).
    pub fn size_bytes(self) -> u32 {
        match self {
            ScalarType::Bool | ScalarType::Int8 | ScalarType::UInt8 => 1,
            ScalarType::Int16 | ScalarType::UInt16 => 2,
            ScalarType::Int32 | ScalarType::UInt32 | ScalarType::Float32 => 4,
            ScalarType::Int64 | ScalarType::UInt64 | ScalarType::Float64 | ScalarType::Complex64 => 8,
            ScalarType::Complex128 => 16,
        }
    }

    pub fn is_integer(self) -> bool {
        self.kind() == ScalarKind::Int
    }

    pub fn is_signed_integer(self) -> bool {
        matches!(self, ScalarType::Int8 | ScalarType::Int16 | ScalarType::Int32 | ScalarType::Int64)
    }

    pub fn is_unsigned_integer(self) -> bool {
        matches!(self, ScalarType::UInt8 | ScalarType::UInt16 | ScalarType::UInt32 | ScalarType::UInt64)
    }

    pub fn is_float(self) -> bool {
        self.kind() == ScalarKind::Float
    }

    pub fn is_complex(self) -> bool {
        self.kind() == ScalarKind::Complex
    }

    /// The signed integer type of `bits` bits.
    pub fn signed(bits: u32) -> Option<ScalarType> {
        Some(match bits {
            8 => ScalarType::Int8,
            16 => ScalarType::Int16,
            32 => ScalarType::Int32,
            64 => ScalarType::Int64,
            _ => return None,
        })
    }

    /// The unsigned integer type of `bits` bits.
    pub fn unsigned(bits: u32) -> Option<ScalarType> {
        Some(match bits {
            8 => ScalarType::UInt8,
            16 => ScalarType::UInt16,
            32 => ScalarType::UInt32,
            64 => ScalarType::UInt64,
            _ => return None,
        })
    }

    /// The real type of the same precision (`complex64` → `float32`); itself for reals.
    pub fn real_part(self) -> ScalarType {
        match self {
            ScalarType::Complex64 => ScalarType::Float32,
            ScalarType::Complex128 => ScalarType::Float64,
            other => other,
        }
    }

    /// NumPy's `np.promote_types(self, other)`: the smallest type both convert to without
    /// losing range (`int64 + float64 → float64`, `uint64 + int64 → float64`,
    /// `int8 + uint8 → int16`, `float32 + int32 → float64`).
    pub fn promote(self, other: ScalarType) -> ScalarType {
        use ScalarKind as K;
        if self == other {
            return self;
        }
        let (low, high) = if self.kind() <= other.kind() { (self, other) } else { (other, self) };
        match (low.kind(), high.kind()) {
            (K::Bool, _) => high,
            (K::Int, K::Int) => promote_integers(low, high),
            (K::Int, K::Float) => float_holding(low).promote(high),
            (K::Int, K::Complex) => complex_of(float_holding(low)).promote(high),
            (K::Float, K::Float) | (K::Complex, K::Complex) => {
                if low.size_bytes() >= high.size_bytes() {
                    low
                } else {
                    high
                }
            }
            (K::Float, K::Complex) => complex_of(low).promote(high),
            // `low` has the lower kind, so the remaining pairs cannot occur; answer sensibly.
            _ => high,
        }
    }
}

/// Integer promotion: same signedness takes the wider; a mix needs a signed type wider than
/// the unsigned one, which for uint64 does not exist, so NumPy goes to float64.
fn promote_integers(a: ScalarType, b: ScalarType) -> ScalarType {
    let bits = |t: ScalarType| t.size_bytes() * 8;
    match (a.is_signed_integer(), b.is_signed_integer()) {
        (true, true) => ScalarType::signed(bits(a).max(bits(b))).unwrap_or(ScalarType::Int64),
        (false, false) => ScalarType::unsigned(bits(a).max(bits(b))).unwrap_or(ScalarType::UInt64),
        (true, false) | (false, true) => {
            let (signed, unsigned) = if a.is_signed_integer() { (a, b) } else { (b, a) };
            let needed = (bits(unsigned) * 2).max(bits(signed));
            ScalarType::signed(needed).unwrap_or(ScalarType::Float64)
        }
    }
}

/// The smallest float that holds every value of an integer type exactly (NumPy's rule:
/// 8- and 16-bit integers fit in float32, wider ones need float64).
fn float_holding(int: ScalarType) -> ScalarType {
    if int.size_bytes() <= 2 { ScalarType::Float32 } else { ScalarType::Float64 }
}

fn complex_of(float: ScalarType) -> ScalarType {
    if float == ScalarType::Float32 { ScalarType::Complex64 } else { ScalarType::Complex128 }
}

impl fmt::Display for ScalarType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::ScalarType::{self, *};

    /// `np.promote_types(a, b)` for every pair, as printed by NumPy 2.x, row by row in
    /// `ScalarType::ALL` order.
    const NUMPY_PROMOTE: &str = "
        bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64 complex64 complex128
        int8 int8 int16 int32 int64 int16 int32 int64 float64 float32 float64 complex64 complex128
        int16 int16 int16 int32 int64 int16 int32 int64 float64 float32 float64 complex64 complex128
        int32 int32 int32 int32 int64 int32 int32 int64 float64 float64 float64 complex128 complex128
        int64 int64 int64 int64 int64 int64 int64 int64 float64 float64 float64 complex128 complex128
        uint8 int16 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64 complex64 complex128
        uint16 int32 int32 int32 int64 uint16 uint16 uint32 uint64 float32 float64 complex64 complex128
        uint32 int64 int64 int64 int64 uint32 uint32 uint32 uint64 float64 float64 complex128 complex128
        uint64 float64 float64 float64 float64 uint64 uint64 uint64 uint64 float64 float64 complex128 complex128
        float32 float32 float32 float64 float64 float32 float32 float64 float64 float32 float64 complex64 complex128
        float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 complex128 complex128
        complex64 complex64 complex64 complex128 complex128 complex64 complex64 complex128 complex128 complex64 complex128 complex64 complex128
        complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128 complex128";

    #[test]
    fn promotion_matches_numpy_for_every_pair() {
        let rows: Vec<Vec<&str>> =
            NUMPY_PROMOTE.trim().lines().map(|line| line.split_whitespace().collect()).collect();
        for (a, row) in ScalarType::ALL.iter().zip(&rows) {
            for (b, expected) in ScalarType::ALL.iter().zip(row) {
                assert_eq!(a.promote(*b).name(), *expected, "promote({a}, {b})");
            }
        }
    }

    #[test]
    fn sizes_and_kinds() {
        assert_eq!(Complex128.size_bytes(), 16);
        assert!(UInt16.is_unsigned_integer() && !UInt16.is_signed_integer());
        assert_eq!(Complex64.real_part(), Float32);
        assert_eq!(ScalarType::signed(32), Some(Int32));
        assert_eq!(ScalarType::unsigned(12), None);
    }
}
