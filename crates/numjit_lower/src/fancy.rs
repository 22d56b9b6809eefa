//! Advanced indexing: integer arrays (`a[idx]`, `a[rows, cols]`, `a[:, idx]`) and boolean
//! masks (`a[a > 0]`, `a[m, :]`), read into new C-contiguous arrays and written through.
//!
//! The array is first indexed with the basic items (integers, slices), each advanced item
//! keeping its axes, which gives a view `V`. Integer arrays broadcast together to a shape
//! `B`; the result has `V`'s other axes with `B` inserted where sema's plan says (where the
//! advanced items stood when they were adjacent, else first), and element `r` reads `V` at
//! the positions the index arrays hold at `r`'s advanced coordinates. Positions wrap when
//! negative and are checked before anything is read (IndexError, as NumPy always raises).
//! A mask selects, in C order, the positions of its leading axes where it is true: its
//! shape must equal those axes (IndexError otherwise), the result's first axis has one
//! entry per true element.

use numjit_ir::{ExceptionKind, IntCC, Value};
use numjit_types::{ArrayType, ScalarType, Type};

use crate::arrays::IndexValue;
use crate::elementwise::Tree;
use crate::function::Lowerer;

/// Where the elements of an advanced index come from or go to.
enum Access {
    /// Read into a new array.
    Read { out: Value },
    /// Write a scalar, or an array broadcast to the selection's shape.
    Write { value: Value, value_type: Type },
}

impl<'a> Lowerer<'a> {
    /// `a[advanced index]`: a new array of `result_type`.
    pub(crate) fn advanced_getitem(
        &mut self,
        array: Value,
        array_type: &ArrayType,
        items: &[IndexValue],
        result_type: &ArrayType,
    ) -> Option<Value> {
        let plan = self.plan(array, array_type, items, result_type.ndim)?;
        let out = self.ins().array_alloc(result_type.dtype, false, &plan.result_dims);
        self.own(out);
        self.run_plan(&plan, array_type.dtype, Access::Read { out });
        Some(out)
    }

    /// `a[advanced index] = value`.
    pub(crate) fn advanced_setitem(
        &mut self,
        array: Value,
        array_type: &ArrayType,
        items: &[IndexValue],
        value: Value,
        value_type: &Type,
    ) -> Option<()> {
        let sema_items = items.iter().map(to_sema_item).collect::<Option<Vec<_>>>()?;
        let numjit_sema::templates::numpy::AdvancedPlan { result, .. } =
            numjit_sema::templates::numpy::advanced_index_result(array_type, &sema_items).ok()?;
        let result_ndim = result.as_array()?.ndim;
        let plan = self.plan(array, array_type, items, result_ndim)?;
        if let Type::Array(source) = value_type {
            self.check_array_into(value, *source, &plan.result_dims);
        }
        self.run_plan(&plan, array_type.dtype, Access::Write { value, value_type: value_type.clone() });
        Some(())
    }

    /// The view, the index arrays and the result's extents of an advanced index.
    fn plan(
        &mut self,
        array: Value,
        array_type: &ArrayType,
        items: &[IndexValue],
        result_ndim: u8,
    ) -> Option<Plan> {
        let int = ScalarType::Int64;
        let sema_items = items.iter().map(to_sema_item).collect::<Option<Vec<_>>>()?;
        let advanced = numjit_sema::templates::numpy::advanced_index_result(array_type, &sema_items).ok()?;
        let basic = self.basic_index(array, array_type.ndim, items, true);
        let offset = basic.offset.unwrap_or_else(|| self.scalar(int, 0));
        let view_ndim = basic.dims.len();
        let view_type = ArrayType::new(array_type.dtype, view_ndim as u8, numjit_types::Layout::A);
        let view = self.ins().array_view(numjit_types::Layout::A, array, offset, &basic.dims, &basic.strides);
        // The view's axis of each advanced item.
        let mut view_axis = 0usize;
        let mut indices: Vec<(usize, Value, ArrayType)> = Vec::new();
        let mut mask = None;
        for (position, item) in items.iter().enumerate() {
            match item {
                IndexValue::Int(..) => {}
                IndexValue::Slice(_) => view_axis += 1,
                IndexValue::Array(value, index) if index.dtype == ScalarType::Bool => {
                    mask = Some((view_axis, *value, *index));
                    view_axis += usize::from(index.ndim);
                }
                IndexValue::Array(value, index) => {
                    // NumPy's message names the axis of the original array.
                    let _ = position;
                    indices.push((view_axis, *value, *index));
                    view_axis += 1;
                }
                IndexValue::NewAxis | IndexValue::Ellipsis => return None,
            }
        }
        if let Some((_, mask_value, mask_type)) = mask {
            // The mask's extents must equal the leading axes.
            let k = usize::from(mask_type.ndim);
            let mut bad = self.ins().bconst(false);
            let mut reported = Vec::new();
            for axis in 0..k {
                let mask_dim = self.ins().array_dim(mask_value, axis as u32);
                let differs = self.ins().icmp(IntCC::NotEqual, mask_dim, basic.dims[axis]);
                bad = self.ins().ior(bad, differs);
                reported.push((mask_dim, basic.dims[axis]));
            }
            if let Some(&(mask_dim, dim)) = reported.first() {
                let zero = self.scalar(int, 0);
                self.raise_if_with(
                    bad,
                    ExceptionKind::IndexError,
                    "boolean index did not match indexed array along axis {}; size of axis is {} but size of corresponding boolean axis is {}",
                    &[zero, dim, mask_dim],
                );
            }
            let tree = Tree::of_array(mask_value, mask_type);
            let mask_dims: Vec<Value> = basic.dims[..k].to_vec();
            let zero = self.scalar(int, 0);
            let one = self.scalar(int, 1);
            let [count] = self.reduce_tree(&tree, &mask_dims, &[zero], &mut |this, element, acc| {
                let step = this.ins().select(element, one, zero);
                vec![this.ins().iadd(acc[0], step)]
            })[..] else {
                return None;
            };
            let mut result_dims = vec![count];
            result_dims.extend_from_slice(&basic.dims[k..]);
            return Some(Plan {
                view,
                view_type,
                result_dims,
                kind: PlanKind::Mask { mask: mask_value, mask_type },
            });
        }
        // Positions in range (NumPy checks every index array before reading).
        for (axis, value, index_type) in &indices {
            let dim = basic.dims[*axis];
            let tree = Tree::of_array(*value, *index_type);
            let index_dims: Vec<Value> =
                (0..index_type.ndim).map(|k| self.ins().array_dim(*value, u32::from(k))).collect();
            let no = self.ins().bconst(false);
            let zero = self.scalar(int, 0);
            let [bad, culprit] =
                self.reduce_tree(&tree, &index_dims, &[no, zero], &mut |this, element, acc| {
                    let position = this.convert(element, int);
                    let minus_dim = this.ins().ineg(dim);
                    let below = this.ins().icmp(IntCC::LessThan, position, minus_dim);
                    let above = this.ins().icmp(IntCC::GreaterThanOrEqual, position, dim);
                    let outside = this.ins().ior(below, above);
                    let first = this.ins().inot(acc[0]);
                    let take = this.ins().iand(outside, first);
                    let culprit = this.ins().select(take, position, acc[1]);
                    vec![this.ins().ior(acc[0], outside), culprit]
                })[..]
            else {
                return None;
            };
            let axis_value = self.scalar(int, *axis as i64);
            self.raise_if_with(
                bad,
                ExceptionKind::IndexError,
                "index {} is out of bounds for axis {} with size {}",
                &[culprit, axis_value, dim],
            );
        }
        let advanced_ndim = advanced.advanced_ndim;
        let pairs: Vec<(Value, ArrayType)> = indices.iter().map(|(_, value, ty)| (*value, *ty)).collect();
        let index_shape = self.broadcast_arrays(&pairs, advanced_ndim);
        let broadcast: Vec<(usize, Value)> = indices
            .iter()
            .map(|(axis, value, ty)| (*axis, self.broadcast_to(*value, ty.ndim, &index_shape)))
            .collect();
        let index_axes: Vec<usize> = indices.iter().map(|(axis, ..)| *axis).collect();
        let rest: Vec<usize> = (0..view_ndim).filter(|axis| !index_axes.contains(axis)).collect();
        let insert_at = usize::from(advanced.insert_at).min(rest.len());
        let mut result_dims: Vec<Value> = rest[..insert_at].iter().map(|axis| basic.dims[*axis]).collect();
        result_dims.extend(&index_shape);
        result_dims.extend(rest[insert_at..].iter().map(|axis| basic.dims[*axis]));
        if result_dims.len() != usize::from(result_ndim) {
            return None;
        }
        Some(Plan {
            view,
            view_type,
            result_dims,
            kind: PlanKind::Gather {
                indices: broadcast,
                rest,
                insert_at,
                advanced_ndim: usize::from(advanced_ndim),
            },
        })
    }

    /// The loops of an advanced index.
    fn run_plan(&mut self, plan: &Plan, dtype: ScalarType, access: Access) {
        let int = ScalarType::Int64;
        // A written array value, as a view of the result's shape.
        let source = match &access {
            Access::Write { value, value_type: Type::Array(source) } => {
                Some(self.broadcast_to(*value, source.ndim, &plan.result_dims))
            }
            _ => None,
        };
        let scalar = match &access {
            Access::Write { value, value_type: Type::Scalar(from) } => {
                Some(self.coerce(*value, &Type::Scalar(*from), &Type::Scalar(dtype)))
            }
            _ => None,
        };
        let view = plan.view;
        let _ = plan.view_type;
        let transfer = |this: &mut Self, view_indices: &[Value], result_indices: &[Value]| match &access {
            Access::Read { out } => {
                let element = this.ins().array_load(view, view_indices);
                this.ins().array_store(*out, result_indices, element);
            }
            Access::Write { .. } => {
                let element = match (scalar, source) {
                    (Some(scalar), _) => scalar,
                    (None, Some(source)) => {
                        let element = this.ins().array_load(source, result_indices);
                        this.convert(element, dtype)
                    }
                    (None, None) => return,
                };
                this.ins().array_store(view, view_indices, element);
            }
        };
        match &plan.kind {
            PlanKind::Gather { indices, rest, insert_at, advanced_ndim } => {
                let view_ndim = plan.view_type.ndim;
                self.loop_nest(&plan.result_dims, &[], &mut |this, result_indices, _| {
                    let advanced = &result_indices[*insert_at..*insert_at + *advanced_ndim];
                    let mut view_indices = vec![None; usize::from(view_ndim)];
                    for (axis, index_view) in indices {
                        let position = this.ins().array_load(*index_view, advanced);
                        let position = this.convert(position, int);
                        let zero = this.scalar(int, 0);
                        let negative = this.ins().icmp(IntCC::LessThan, position, zero);
                        let dim = this.ins().array_dim(view, *axis as u32);
                        let wrapped = this.ins().iadd(position, dim);
                        view_indices[*axis] = Some(this.ins().select(negative, wrapped, position));
                    }
                    let others: Vec<Value> = result_indices[..*insert_at]
                        .iter()
                        .chain(&result_indices[*insert_at + *advanced_ndim..])
                        .copied()
                        .collect();
                    for (axis, index) in rest.iter().zip(others) {
                        view_indices[*axis] = Some(index);
                    }
                    let view_indices: Vec<Value> = view_indices.into_iter().flatten().collect();
                    transfer(this, &view_indices, result_indices);
                    Vec::new()
                });
            }
            PlanKind::Mask { mask, mask_type } => {
                let k = usize::from(mask_type.ndim);
                let mask_dims: Vec<Value> =
                    (0..k).map(|axis| self.ins().array_dim(*mask, axis as u32)).collect();
                let rest_dims: Vec<Value> = plan.result_dims[1..].to_vec();
                let zero = self.scalar(int, 0);
                let one = self.scalar(int, 1);
                self.loop_nest(&mask_dims, &[zero], &mut |this, mask_indices, carried| {
                    let selected = this.ins().array_load(*mask, mask_indices);
                    let then_block = this.new_block();
                    let join = this.new_block();
                    this.brif(selected, then_block, join);
                    this.enter(then_block);
                    let count = carried[0];
                    this.loop_nest(&rest_dims, &[], &mut |this, rest_indices, _| {
                        let view_indices: Vec<Value> =
                            mask_indices.iter().chain(rest_indices).copied().collect();
                        let mut result_indices = vec![count];
                        result_indices.extend_from_slice(rest_indices);
                        transfer(this, &view_indices, &result_indices);
                        Vec::new()
                    });
                    this.jump(join, &[]);
                    this.enter(join);
                    let step = this.ins().select(selected, one, zero);
                    vec![this.ins().iadd(carried[0], step)]
                });
            }
        }
    }
}

/// An advanced index, planned.
struct Plan {
    /// The array indexed with the basic items (advanced items keep their axes).
    view: Value,
    view_type: ArrayType,
    /// The result's extents.
    result_dims: Vec<Value>,
    kind: PlanKind,
}

enum PlanKind {
    /// Integer arrays: each as (its axis of the view, a view broadcast to the index shape).
    Gather { indices: Vec<(usize, Value)>, rest: Vec<usize>, insert_at: usize, advanced_ndim: usize },
    /// A boolean mask over the view's leading axes.
    Mask { mask: Value, mask_type: ArrayType },
}

fn to_sema_item(item: &IndexValue) -> Option<numjit_sema::templates::numpy::IndexItem> {
    use numjit_sema::templates::numpy::IndexItem;
    Some(match item {
        IndexValue::Int(_, scalar) => IndexItem::Int(*scalar),
        IndexValue::Slice(_) => IndexItem::Slice { has_step: true },
        IndexValue::NewAxis => IndexItem::NewAxis,
        IndexValue::Ellipsis => IndexItem::Ellipsis,
        IndexValue::Array(_, array) if array.dtype == ScalarType::Bool => IndexItem::BoolArray(*array),
        IndexValue::Array(_, array) => IndexItem::IntArray(*array),
    })
}
