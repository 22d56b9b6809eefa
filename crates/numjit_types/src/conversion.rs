//! How one type converts to another, as Numba's dispatcher ranks it.
//!
//! A conversion is exact, a promotion (same kind, wider), safe (no information lost, other
//! kind), or unsafe (may lose information). To choose among compiled versions the dispatcher
//! prefers the candidate whose worst argument conversion is best, then fewer of them.
//! The scalar table is the transitive closure of Numba's casting rules
//! (numba/core/typeconv/rules.py): along a chain the worst step counts, between chains the
//! best chain wins. Complex never converts to a real type implicitly.

use std::sync::OnceLock;

use crate::{ArrayType, Layout, ScalarType, Type};

/// The cost of a conversion; variants are ordered from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Conversion {
    Exact,
    Promote,
    Safe,
    Unsafe,
}

/// The conversion from `from` to `to`, or `None` when there is none.
pub fn can_convert(from: &Type, to: &Type) -> Option<Conversion> {
    if from == to {
        return Some(Conversion::Exact);
    }
    match (from, to) {
        (Type::Scalar(from), Type::Scalar(to)) => scalar_conversion(*from, *to),
        (Type::Tuple(from), Type::Tuple(to)) if from.len() == to.len() => from
            .iter()
            .zip(to.iter())
            .map(|(from, to)| can_convert(from, to))
            .try_fold(Conversion::Exact, |worst, conversion| {
                conversion.map(|conversion| worst.max(conversion))
            }),
        (Type::Array(from), Type::Array(to)) => array_conversion(from, to),
        (Type::NoneType, Type::Optional(_)) => Some(Conversion::Promote),
        (from, Type::Optional(inner)) => {
            can_convert(from, inner).map(|conversion| conversion.max(Conversion::Promote))
        }
        _ => None,
    }
}

/// An array converts to one of the same dtype and ndim with layout `A` (any), or to a
/// readonly view of itself; both are safe. Nothing converts a readonly array to a writable one.
fn array_conversion(from: &ArrayType, to: &ArrayType) -> Option<Conversion> {
    let same_shape_kind = from.dtype == to.dtype && from.ndim == to.ndim;
    let layout_ok = to.layout == Layout::A || to.layout == from.layout;
    let mutability_ok = to.readonly || !from.readonly;
    (same_shape_kind && layout_ok && mutability_ok).then_some(Conversion::Safe)
}

/// The scalar casting table.
fn scalar_conversion(from: ScalarType, to: ScalarType) -> Option<Conversion> {
    static TABLE: OnceLock<[[Option<Conversion>; 13]; 13]> = OnceLock::new();
    let table = TABLE.get_or_init(build_scalar_table);
    table[index(from)][index(to)]
}

fn index(scalar: ScalarType) -> usize {
    ScalarType::ALL.iter().position(|&candidate| candidate == scalar).unwrap_or(0)
}

/// Numba's direct rules, then their closure (Floyd–Warshall over (min, max)).
fn build_scalar_table() -> [[Option<Conversion>; 13]; 13] {
    use Conversion::{Promote, Safe, Unsafe};
    use ScalarType::*;
    let mut table = [[None; 13]; 13];
    let mut set = |from: ScalarType, to: ScalarType, forward: Conversion, backward: Option<Conversion>| {
        table[index(from)][index(to)] = Some(forward);
        if let Some(backward) = backward {
            table[index(to)][index(from)] = Some(backward);
        }
    };
    set(Bool, Int8, Safe, Some(Unsafe));
    set(Bool, UInt8, Safe, Some(Unsafe));
    for (narrow, wide) in
        [(Int8, Int16), (Int16, Int32), (Int32, Int64), (UInt8, UInt16), (UInt16, UInt32), (UInt32, UInt64)]
    {
        set(narrow, wide, Promote, Some(Unsafe));
    }
    for (unsigned, signed) in [(UInt8, Int16), (UInt16, Int32), (UInt32, Int64)] {
        set(unsigned, signed, Safe, Some(Unsafe));
    }
    set(Int16, Float32, Safe, Some(Unsafe));
    set(Int32, Float64, Safe, Some(Unsafe));
    set(Int32, Float32, Unsafe, Some(Unsafe));
    // Numba calls int64 → float64 safe (not unsafe) so that `float64 + int64` types as float64.
    set(Int64, Float64, Safe, Some(Unsafe));
    set(UInt64, Float64, Safe, Some(Unsafe));
    set(Float32, Float64, Promote, Some(Unsafe));
    set(Float32, Complex64, Safe, None);
    set(Float64, Complex128, Safe, None);
    set(Complex64, Complex128, Promote, Some(Unsafe));

    let n_types = ScalarType::ALL.len();
    for via in 0..n_types {
        for from in 0..n_types {
            for to in 0..n_types {
                if from == to {
                    continue;
                }
                if let (Some(first), Some(second)) = (table[from][via], table[via][to]) {
                    let through = first.max(second);
                    if table[from][to].is_none_or(|direct| through < direct) {
                        table[from][to] = Some(through);
                    }
                }
            }
        }
    }
    for (diagonal, row) in table.iter_mut().enumerate() {
        row[diagonal] = Some(Conversion::Exact);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `numba.core.typeconv.rules.default_type_manager.check_compatible(a, b)` from Numba 0.68.1
    /// for every pair in `ScalarType::ALL` order: 1 exact, 2 promote, 3 safe, 4 unsafe, - none.
    const NUMBA_TABLE: &str = "
        1 3 3 3 3 3 3 3 3 3 3 3 3
        4 1 2 2 2 4 4 4 4 3 3 3 3
        4 4 1 2 2 4 4 4 4 3 3 3 3
        4 4 4 1 2 4 4 4 4 4 3 4 3
        4 4 4 4 1 4 4 4 4 4 3 4 3
        4 4 3 3 3 1 2 2 2 3 3 3 3
        4 4 4 3 3 4 1 2 2 4 3 4 3
        4 4 4 4 3 4 4 1 2 4 3 4 3
        4 4 4 4 4 4 4 4 1 4 3 4 3
        4 4 4 4 4 4 4 4 4 1 2 3 3
        4 4 4 4 4 4 4 4 4 4 1 4 3
        - - - - - - - - - - - 1 2
        - - - - - - - - - - - 4 1";

    #[test]
    fn scalar_table_matches_numba() {
        for (from, row) in ScalarType::ALL.iter().zip(NUMBA_TABLE.trim().lines()) {
            for (to, code) in ScalarType::ALL.iter().zip(row.split_whitespace()) {
                let expected = match code {
                    "1" => Some(Conversion::Exact),
                    "2" => Some(Conversion::Promote),
                    "3" => Some(Conversion::Safe),
                    "4" => Some(Conversion::Unsafe),
                    _ => None,
                };
                assert_eq!(scalar_conversion(*from, *to), expected, "{from} -> {to}");
            }
        }
    }

    #[test]
    fn tuples_take_the_worst_element_and_arrays_relax_layout() {
        let int64 = Type::Scalar(ScalarType::Int64);
        let float64 = Type::Scalar(ScalarType::Float64);
        let int32 = Type::Scalar(ScalarType::Int32);
        let from = Type::Tuple(vec![int32.clone(), int64.clone()]);
        assert_eq!(
            can_convert(&from, &Type::Tuple(vec![int64.clone(), float64.clone()])),
            Some(Conversion::Safe)
        );
        assert_eq!(can_convert(&from, &Type::Tuple(vec![int64.clone()])), None);

        let c_array = Type::Array(ArrayType {
            dtype: ScalarType::Float64,
            ndim: 2,
            layout: Layout::C,
            readonly: false,
        });
        let any_array = Type::Array(ArrayType {
            dtype: ScalarType::Float64,
            ndim: 2,
            layout: Layout::A,
            readonly: false,
        });
        let f_array = Type::Array(ArrayType {
            dtype: ScalarType::Float64,
            ndim: 2,
            layout: Layout::F,
            readonly: false,
        });
        let readonly_any =
            Type::Array(ArrayType { dtype: ScalarType::Float64, ndim: 2, layout: Layout::A, readonly: true });
        assert_eq!(can_convert(&c_array, &any_array), Some(Conversion::Safe));
        assert_eq!(can_convert(&c_array, &readonly_any), Some(Conversion::Safe));
        assert_eq!(can_convert(&readonly_any, &any_array), None);
        assert_eq!(can_convert(&c_array, &f_array), None);
        assert_eq!(can_convert(&any_array, &c_array), None);

        let optional = Type::Optional(Box::new(float64.clone()));
        assert_eq!(can_convert(&Type::NoneType, &optional), Some(Conversion::Promote));
        assert_eq!(can_convert(&int64, &optional), Some(Conversion::Safe));
        assert_eq!(can_convert(&float64, &optional), Some(Conversion::Promote));
    }
}
