//! NumPy's text forms of arrays: [`array_str`] is `str(arr)` (what `print(arr)` shows) and
//! [`array_repr`] is `repr(arr)`, both with NumPy 2.x's default print options.
//!
//! The options are fixed: `precision=8`, `floatmode='maxprec'`, `suppress=False`,
//! `linewidth=75`, `threshold=1000`, `edgeitems=3`, `sign='-'`. The algorithm follows
//! `numpy/_core/arrayprint.py`:
//!
//! 1. An array with more than `threshold` elements is *summarised*: along every axis longer
//!    than `2 * edgeitems` only the first and last `edgeitems` entries are shown, with `...`
//!    between them.
//! 2. One element format is chosen for the whole array from the elements shown.
//!    Integers are right-aligned to the widest one. Floats (NumPy's `FloatingFormat`) are
//!    first printed one by one with their shortest round-trip digits, cut to `precision`
//!    digits after the point; scientific notation is used when a nonzero magnitude is
//!    `>= 1e8` (`1e6` for float32), `< 1e-4`, or the largest is more than 1000 times the
//!    smallest. The common width left and right of the point (and, in scientific notation,
//!    the common number of digits, printed exactly rounded) then applies to every element.
//!    Complex numbers format their real and imaginary parts as two such float columns.
//! 3. Rows are wrapped at the line width, nested brackets are indented under their opening
//!    bracket, and blocks of rank >= 3 are separated by blank lines.
//!
//! A 0-d array's `str` is the `str` of its scalar (`5.0`, `(1+2j)`); its `repr` is
//! `array(5.)`. `repr` adds `dtype=...` unless the dtype is one of NumPy's defaults (`bool`,
//! `int64`, `float64`, `complex128`) and `shape=...` for summarised arrays and empty arrays
//! that are not 1-d.
//!
//! [`ArrayView`] describes the array: dtype, shape, byte strides (any sign, zero for
//! broadcast axes) and the address of element `[0, …, 0]`. Only the elements that are shown
//! are read. Formatting never panics; the constructors reject malformed views (more than
//! [`MAX_DIMS`] axes, mismatched lengths, elements outside a slice).

use std::fmt;
use std::marker::PhantomData;

use numjit_abi::ArrayStruct;

/// The most axes a view may have (NumPy's `NPY_MAXDIMS`).
pub const MAX_DIMS: usize = 64;

/// Digits after the point (`precision` print option).
const PRECISION: usize = 8;
/// Arrays with more elements than this are summarised (`threshold`).
const THRESHOLD: usize = 1000;
/// Entries shown at each end of a summarised axis (`edgeitems`).
const EDGE_ITEMS: usize = 3;
/// Maximum line length (`linewidth`).
const LINE_WIDTH: usize = 75;

/// The element types NumPy arrays in compiled code can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dtype {
    /// `bool`, one byte; any nonzero byte reads as `True`.
    Bool,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32`.
    Int32,
    /// `int64`.
    Int64,
    /// `uint8`.
    UInt8,
    /// `uint16`.
    UInt16,
    /// `uint32`.
    UInt32,
    /// `uint64`.
    UInt64,
    /// `float32`.
    Float32,
    /// `float64`.
    Float64,
    /// `complex64`: two `float32`, real part first.
    Complex64,
    /// `complex128`: two `float64`, real part first.
    Complex128,
}

impl Dtype {
    /// Every dtype, in NumPy's type order.
    pub const ALL: [Dtype; 13] = [
        Dtype::Bool,
        Dtype::Int8,
        Dtype::Int16,
        Dtype::Int32,
        Dtype::Int64,
        Dtype::UInt8,
        Dtype::UInt16,
        Dtype::UInt32,
        Dtype::UInt64,
        Dtype::Float32,
        Dtype::Float64,
        Dtype::Complex64,
        Dtype::Complex128,
    ];

    /// Bytes per element.
    pub fn itemsize(self) -> usize {
        match self {
            Dtype::Bool | Dtype::Int8 | Dtype::UInt8 => 1,
            Dtype::Int16 | Dtype::UInt16 => 2,
            Dtype::Int32 | Dtype::UInt32 | Dtype::Float32 => 4,
            Dtype::Int64 | Dtype::UInt64 | Dtype::Float64 | Dtype::Complex64 => 8,
            Dtype::Complex128 => 16,
        }
    }

    /// NumPy's name of the dtype (`dtype.name`): `"int32"`, `"complex128"`, `"bool"`.
    pub fn name(self) -> &'static str {
        match self {
            Dtype::Bool => "bool",
            Dtype::Int8 => "int8",
            Dtype::Int16 => "int16",
            Dtype::Int32 => "int32",
            Dtype::Int64 => "int64",
            Dtype::UInt8 => "uint8",
            Dtype::UInt16 => "uint16",
            Dtype::UInt32 => "uint32",
            Dtype::UInt64 => "uint64",
            Dtype::Float32 => "float32",
            Dtype::Float64 => "float64",
            Dtype::Complex64 => "complex64",
            Dtype::Complex128 => "complex128",
        }
    }

    /// The dtype NumPy calls `name`, if it is one of these.
    pub fn from_name(name: &str) -> Option<Dtype> {
        Dtype::ALL.into_iter().find(|dtype| dtype.name() == name)
    }

    /// Whether `repr` leaves out `dtype=...` for non-empty arrays (NumPy's
    /// `dtype_is_implied`: the types a literal of the printed values would get).
    fn is_implied(self) -> bool {
        matches!(self, Dtype::Bool | Dtype::Int64 | Dtype::Float64 | Dtype::Complex128)
    }
}

impl fmt::Display for Dtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a view could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewError {
    /// More than [`MAX_DIMS`] axes.
    TooManyDims(usize),
    /// `shape` and `strides` have different lengths.
    StridesLength {
        /// Axes in `shape`.
        shape: usize,
        /// Entries in `strides`.
        strides: usize,
    },
    /// A negative extent (from an ABI array struct).
    NegativeExtent(isize),
    /// A null data pointer for an array with elements.
    NullData,
    /// The slice does not hold exactly the product of the shape.
    SizeMismatch {
        /// Product of the shape (`None` if it overflows).
        expected: Option<usize>,
        /// Elements in the slice.
        actual: usize,
    },
    /// Some element of the view lies outside the slice.
    OutOfBounds,
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewError::TooManyDims(ndim) => write!(f, "{ndim} dimensions, at most {MAX_DIMS} supported"),
            ViewError::StridesLength { shape, strides } => {
                write!(f, "shape has {shape} axes but strides has {strides} entries")
            }
            ViewError::NegativeExtent(extent) => write!(f, "negative extent {extent}"),
            ViewError::NullData => f.write_str("null data pointer for a non-empty array"),
            ViewError::SizeMismatch { expected: Some(expected), actual } => {
                write!(f, "shape holds {expected} elements but the slice has {actual}")
            }
            ViewError::SizeMismatch { expected: None, actual } => {
                write!(f, "shape overflows (the slice has {actual} elements)")
            }
            ViewError::OutOfBounds => f.write_str("view reaches outside its slice"),
        }
    }
}

impl std::error::Error for ViewError {}

mod sealed {
    pub trait Sealed {}
}

/// Rust types whose slices [`ArrayView::from_slice`] can view; complex numbers are
/// `[re, im]` pairs.
pub trait Element: Copy + sealed::Sealed {
    /// The dtype of an array of `Self`.
    const DTYPE: Dtype;
}

macro_rules! element {
    ($($ty:ty => $dtype:ident),* $(,)?) => {$(
        impl sealed::Sealed for $ty {}
        impl Element for $ty {
            const DTYPE: Dtype = Dtype::$dtype;
        }
    )*};
}

element! {
    bool => Bool, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64,
    u8 => UInt8, u16 => UInt16, u32 => UInt32, u64 => UInt64,
    f32 => Float32, f64 => Float64, [f32; 2] => Complex64, [f64; 2] => Complex128,
}

/// An array in memory, borrowed for `'a`: dtype, shape, byte strides and data address.
#[derive(Clone, Debug)]
pub struct ArrayView<'a> {
    dtype: Dtype,
    /// Address of element `[0, …, 0]`.
    data: *const u8,
    shape: Vec<usize>,
    /// Bytes between neighbours along each axis.
    strides: Vec<isize>,
    _borrow: PhantomData<&'a [u8]>,
}

/// Number of elements of `shape`; `None` if the product overflows (and no extent is 0).
fn checked_size(shape: &[usize]) -> Option<usize> {
    if shape.contains(&0) {
        return Some(0);
    }
    shape.iter().try_fold(1usize, |size, &extent| size.checked_mul(extent))
}

impl<'a> ArrayView<'a> {
    /// A view of memory that is not a Rust slice (an array compiled code made).
    ///
    /// # Safety
    /// For every index `i` within `shape`, `data + Σ i[k] * strides[k]` must point to
    /// readable memory holding an element of `dtype` (alignment is not required), valid for
    /// `'a`. When the shape has a zero extent nothing is read and `data` may be anything.
    pub unsafe fn from_raw_parts(
        dtype: Dtype,
        data: *const u8,
        shape: &[usize],
        strides: &[isize],
    ) -> Result<Self, ViewError> {
        if shape.len() > MAX_DIMS {
            return Err(ViewError::TooManyDims(shape.len()));
        }
        if shape.len() != strides.len() {
            return Err(ViewError::StridesLength { shape: shape.len(), strides: strides.len() });
        }
        if data.is_null() && !shape.contains(&0) {
            return Err(ViewError::NullData);
        }
        Ok(ArrayView { dtype, data, shape: shape.to_vec(), strides: strides.to_vec(), _borrow: PhantomData })
    }

    /// A view of the array struct compiled code passes arrays as.
    ///
    /// # Safety
    /// `array.data`, `array.shape` and `array.strides` must describe live elements of
    /// `dtype` as [`ArrayView::from_raw_parts`] requires.
    pub unsafe fn from_array_struct<const N: usize>(
        array: &'a ArrayStruct<N>,
        dtype: Dtype,
    ) -> Result<Self, ViewError> {
        let mut shape = [0usize; N];
        for (extent, &raw) in shape.iter_mut().zip(&array.shape) {
            *extent = usize::try_from(raw).map_err(|_| ViewError::NegativeExtent(raw))?;
        }
        // SAFETY: the caller vouches for the struct's fields.
        unsafe { ArrayView::from_raw_parts(dtype, array.data, &shape, &array.strides) }
    }

    /// A C-ordered (row-major) view of `data` with the given shape.
    pub fn from_slice<T: Element>(data: &'a [T], shape: &[usize]) -> Result<Self, ViewError> {
        let expected = checked_size(shape);
        if expected != Some(data.len()) {
            return Err(ViewError::SizeMismatch { expected, actual: data.len() });
        }
        let mut strides = vec![0isize; shape.len()];
        let mut step = 1isize;
        for (stride, &extent) in strides.iter_mut().zip(shape).rev() {
            *stride = step;
            // The product of all extents fits (it is `data.len()`), so this cannot overflow
            // unless a zero extent comes later; saturate then, nothing is read anyway.
            step = step.saturating_mul(isize::try_from(extent).unwrap_or(isize::MAX));
        }
        ArrayView::from_slice_strided(data, 0, shape, &strides)
    }

    /// A view of elements of `data`: element `i` is `data[offset + Σ i[k] * strides[k]]`
    /// (strides in elements, any sign). Every element must lie inside the slice.
    pub fn from_slice_strided<T: Element>(
        data: &'a [T],
        offset: usize,
        shape: &[usize],
        strides: &[isize],
    ) -> Result<Self, ViewError> {
        if shape.len() > MAX_DIMS {
            return Err(ViewError::TooManyDims(shape.len()));
        }
        if shape.len() != strides.len() {
            return Err(ViewError::StridesLength { shape: shape.len(), strides: strides.len() });
        }
        let itemsize = size_of::<T>() as i128;
        let mut byte_strides = Vec::with_capacity(strides.len());
        let empty = shape.contains(&0);
        // Lowest and highest element reached; saturation only happens far out of bounds.
        let (mut low, mut high) = (offset as i128, offset as i128);
        for (&extent, &stride) in shape.iter().zip(strides) {
            let reach = (extent as i128 - 1).max(0).saturating_mul(stride as i128);
            if reach < 0 {
                low = low.saturating_add(reach);
            } else {
                high = high.saturating_add(reach);
            }
            let bytes = stride as i128 * itemsize;
            byte_strides.push(isize::try_from(bytes).map_err(|_| ViewError::OutOfBounds)?);
        }
        if !empty && (low < 0 || high >= data.len() as i128) {
            return Err(ViewError::OutOfBounds);
        }
        let base = if empty { data.as_ptr() } else { data[offset..].as_ptr() };
        Ok(ArrayView {
            dtype: T::DTYPE,
            data: base.cast(),
            shape: shape.to_vec(),
            strides: byte_strides,
            _borrow: PhantomData,
        })
    }

    /// The element type.
    pub fn dtype(&self) -> Dtype {
        self.dtype
    }

    /// Extent of each axis.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Bytes between neighbours along each axis.
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Number of elements, saturating at `usize::MAX`.
    pub fn size(&self) -> usize {
        checked_size(&self.shape).unwrap_or(usize::MAX)
    }

    /// The element at byte offset `offset` from element `[0, …, 0]`.
    fn read(&self, offset: isize) -> Scalar {
        let address = self.data.wrapping_offset(offset);
        // SAFETY: offsets come from indices within the shape, which the constructor's
        // contract (or its bounds check) makes readable elements of `dtype`.
        unsafe {
            match self.dtype {
                Dtype::Bool => Scalar::Bool(address.read_unaligned() != 0),
                Dtype::Int8 => Scalar::Int(address.cast::<i8>().read_unaligned().into()),
                Dtype::Int16 => Scalar::Int(address.cast::<i16>().read_unaligned().into()),
                Dtype::Int32 => Scalar::Int(address.cast::<i32>().read_unaligned().into()),
                Dtype::Int64 => Scalar::Int(address.cast::<i64>().read_unaligned().into()),
                Dtype::UInt8 => Scalar::Int(address.read_unaligned().into()),
                Dtype::UInt16 => Scalar::Int(address.cast::<u16>().read_unaligned().into()),
                Dtype::UInt32 => Scalar::Int(address.cast::<u32>().read_unaligned().into()),
                Dtype::UInt64 => Scalar::Int(address.cast::<u64>().read_unaligned().into()),
                Dtype::Float32 => Scalar::Float(address.cast::<f32>().read_unaligned().into()),
                Dtype::Float64 => Scalar::Float(address.cast::<f64>().read_unaligned()),
                Dtype::Complex64 => {
                    let [re, im] = address.cast::<[f32; 2]>().read_unaligned();
                    Scalar::Complex(re.into(), im.into())
                }
                Dtype::Complex128 => {
                    let [re, im] = address.cast::<[f64; 2]>().read_unaligned();
                    Scalar::Complex(re, im)
                }
            }
        }
    }
}

/// One element, widened: integers of every width fit an `i128`, float32 values are exact
/// as `f64` (the dtype remembers that their digits are float32's).
#[derive(Clone, Copy, Debug)]
enum Scalar {
    Bool(bool),
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

/// `str(arr)`: what `print(arr)` shows.
///
/// ```
/// use numjit_runtime::array_format::{ArrayView, array_str};
/// let data = [1.0, 2.5, -3.0];
/// assert_eq!(array_str(&ArrayView::from_slice(&data, &[3]).unwrap()), "[ 1.   2.5 -3. ]");
/// ```
pub fn array_str(view: &ArrayView) -> String {
    if view.shape.is_empty() {
        return scalar_str(view.read(0), view.dtype);
    }
    if view.size() == 0 {
        return "[]".to_owned();
    }
    array_to_string(view, " ", "", LINE_WIDTH)
}

/// `repr(arr)`: `array([1, 2, 3], dtype=int32)`.
///
/// ```
/// use numjit_runtime::array_format::{ArrayView, array_repr};
/// let data = [1i32, 2, 3];
/// let view = ArrayView::from_slice(&data, &[3]).unwrap();
/// assert_eq!(array_repr(&view), "array([1, 2, 3], dtype=int32)");
/// ```
pub fn array_repr(view: &ArrayView) -> String {
    const PREFIX: &str = "array(";
    let size = view.size();
    let body = if size == 0 {
        "[]".to_owned()
    } else {
        // The closing parenthesis shares the last line.
        array_to_string(view, ", ", PREFIX, LINE_WIDTH - 1)
    };
    let mut extras = Vec::new();
    if (size == 0 && view.shape != [0]) || size > THRESHOLD {
        extras.push(format!("shape={}", python_tuple(&view.shape)));
    }
    if !view.dtype.is_implied() || size == 0 {
        extras.push(format!("dtype={}", view.dtype.name()));
    }
    if extras.is_empty() {
        return format!("{PREFIX}{body})");
    }
    let head = format!("{PREFIX}{body},");
    let extras = extras.join(", ") + ")";
    let last_line = head.rsplit('\n').next().unwrap_or(&head);
    if last_line.len() + extras.len() + 1 > LINE_WIDTH {
        format!("{head}\n{:width$}{extras}", "", width = PREFIX.len())
    } else {
        format!("{head} {extras}")
    }
}

/// Python's `repr` of a tuple of ints: `(3,)`, `(0, 3)`, `()`.
fn python_tuple(items: &[usize]) -> String {
    match items {
        [single] => format!("({single},)"),
        _ => {
            let inner: Vec<String> = items.iter().map(usize::to_string).collect();
            format!("({})", inner.join(", "))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Layout: NumPy's `_formatArray`.

/// The indices shown along an axis of length `len`: all of them, or the first and last
/// [`EDGE_ITEMS`] with a summary marker between (`true`).
fn shown(len: usize, summarise: bool) -> (Vec<usize>, bool, Vec<usize>) {
    if summarise && len > 2 * EDGE_ITEMS {
        ((0..EDGE_ITEMS).collect(), true, (len - EDGE_ITEMS..len).collect())
    } else {
        (Vec::new(), false, (0..len).collect())
    }
}

/// NumPy's `_array2string` for a non-empty array (or a 0-d one, whose `repr` comes here).
fn array_to_string(view: &ArrayView, separator: &str, prefix: &str, line_width: usize) -> String {
    let summarise = view.size() > THRESHOLD;
    let mut values = Vec::new();
    collect_shown(view, 0, 0, summarise, &mut values);
    let printer = Printer {
        view,
        format: ElementFormat::new(view.dtype, &values, view.shape.is_empty()),
        separator,
        summarise,
    };
    let hanging_indent = " ".repeat(1 + prefix.len());
    printer.recurse(0, 0, &hanging_indent, line_width as isize)
}

/// Appends the shown elements of the sub-array at `axis`, `offset` to `out`.
fn collect_shown(view: &ArrayView, axis: usize, offset: isize, summarise: bool, out: &mut Vec<Scalar>) {
    if axis == view.shape.len() {
        out.push(view.read(offset));
        return;
    }
    let (leading, _, trailing) = shown(view.shape[axis], summarise);
    for index in leading.into_iter().chain(trailing) {
        let step = view.strides[axis].wrapping_mul(index as isize);
        collect_shown(view, axis + 1, offset.wrapping_add(step), summarise, out);
    }
}

struct Printer<'v, 'a> {
    view: &'v ArrayView<'a>,
    format: ElementFormat,
    separator: &'v str,
    summarise: bool,
}

impl Printer<'_, '_> {
    /// The text of the sub-array at `axis` starting at byte `offset`; `hanging_indent` is the
    /// indentation of continuation lines, `width` the room left for this level.
    fn recurse(&self, axis: usize, offset: isize, hanging_indent: &str, width: isize) -> String {
        let ndim = self.view.shape.len();
        if axis == ndim {
            return self.format.format(self.view.read(offset));
        }
        let axes_left = ndim - axis;
        let next_indent = format!("{hanging_indent} ");
        let next_width = width - 1;
        let stride = self.view.strides[axis];
        let at = |index: usize| offset.wrapping_add(stride.wrapping_mul(index as isize));
        let (leading, summary, trailing) = shown(self.view.shape[axis], self.summarise);
        let Some((&last, trailing)) = trailing.split_last() else {
            return "[]".to_owned();
        };
        let mut s = String::new();
        if axes_left == 1 {
            // Room up to the separator or closing bracket.
            let elem_width = width - self.separator.trim_end().len().max(1) as isize;
            let mut line = hanging_indent.to_owned();
            for &index in &leading {
                let word = self.recurse(axis + 1, at(index), &next_indent, next_width);
                extend_line(&mut s, &mut line, &word, elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            if summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            for &index in trailing {
                let word = self.recurse(axis + 1, at(index), &next_indent, next_width);
                extend_line(&mut s, &mut line, &word, elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            let word = self.recurse(axis + 1, at(last), &next_indent, next_width);
            extend_line(&mut s, &mut line, &word, elem_width, hanging_indent);
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", self.separator.trim_end(), "\n".repeat(axes_left - 1));
            for &index in &leading {
                s.push_str(hanging_indent);
                s.push_str(&self.recurse(axis + 1, at(index), &next_indent, next_width));
                s.push_str(&line_sep);
            }
            if summary {
                s.push_str(hanging_indent);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for &index in trailing {
                s.push_str(hanging_indent);
                s.push_str(&self.recurse(axis + 1, at(index), &next_indent, next_width));
                s.push_str(&line_sep);
            }
            s.push_str(hanging_indent);
            s.push_str(&self.recurse(axis + 1, at(last), &next_indent, next_width));
        }
        // The first line's indent becomes the opening bracket.
        format!("[{}]", s.get(hanging_indent.len()..).unwrap_or(""))
    }
}

/// NumPy's `_extendLine`: appends `word` to `line`, first moving `line` to `s` and starting a
/// new one at `indent` if the word would pass `width` (unless the line holds only the indent).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, indent: &str) {
    let needs_wrap = (line.len() + word.len()) as isize > width && line.len() > indent.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(indent);
    }
    line.push_str(word);
}

// ---------------------------------------------------------------------------------------
// Element formats: NumPy's `BoolFormat`, `IntegerFormat`, `FloatingFormat`,
// `ComplexFloatingFormat`.

enum ElementFormat {
    /// `" True"` is padded to the width of `"False"` except in 0-d arrays.
    Bool {
        pad: bool,
    },
    /// Right-aligned to `width`.
    Int {
        width: usize,
    },
    Float(FloatFormat),
    Complex {
        re: FloatFormat,
        im: FloatFormat,
    },
}

impl ElementFormat {
    fn new(dtype: Dtype, values: &[Scalar], zero_dim: bool) -> ElementFormat {
        let single = matches!(dtype, Dtype::Float32 | Dtype::Complex64);
        let parts = |pick: fn(&Scalar) -> f64| values.iter().map(pick).collect::<Vec<f64>>();
        match dtype {
            Dtype::Bool => ElementFormat::Bool { pad: !zero_dim },
            Dtype::Float32 | Dtype::Float64 => {
                ElementFormat::Float(FloatFormat::new(&parts(Scalar::real), single, false))
            }
            Dtype::Complex64 | Dtype::Complex128 => ElementFormat::Complex {
                re: FloatFormat::new(&parts(Scalar::real), single, false),
                im: FloatFormat::new(&parts(Scalar::imag), single, true),
            },
            _ => {
                let ints = values.iter().map(|value| match value {
                    Scalar::Int(int) => *int,
                    _ => 0,
                });
                let (min, max) = ints.fold((i128::MAX, i128::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
                let width =
                    if values.is_empty() { 0 } else { min.to_string().len().max(max.to_string().len()) };
                ElementFormat::Int { width }
            }
        }
    }

    fn format(&self, value: Scalar) -> String {
        match (self, value) {
            (ElementFormat::Bool { pad }, Scalar::Bool(flag)) => match (flag, pad) {
                (true, true) => " True".to_owned(),
                (true, false) => "True".to_owned(),
                (false, _) => "False".to_owned(),
            },
            (ElementFormat::Int { width }, Scalar::Int(int)) => format!("{int:>width$}"),
            (ElementFormat::Float(format), Scalar::Float(float)) => format.format(float),
            (ElementFormat::Complex { re, im }, Scalar::Complex(real, imag)) => {
                let mut text = re.format(real);
                let imag = im.format(imag);
                // The `j` goes before the imaginary part's right padding.
                let end = imag.trim_end().len();
                text.push_str(&imag[..end]);
                text.push('j');
                text.push_str(&imag[end..]);
                text
            }
            // The format is built from the view's own dtype; other pairings do not occur.
            (_, value) => format!("{value:?}"),
        }
    }
}

impl Scalar {
    fn real(&self) -> f64 {
        match *self {
            Scalar::Float(value) | Scalar::Complex(value, _) => value,
            _ => 0.0,
        }
    }

    fn imag(&self) -> f64 {
        match *self {
            Scalar::Complex(_, value) => value,
            _ => 0.0,
        }
    }
}

/// NumPy's `FloatingFormat` with `floatmode='maxprec'`: the layout every element of one
/// float column gets.
#[derive(Debug)]
struct FloatFormat {
    /// The values are float32: shortest digits and thresholds are float32's.
    single: bool,
    /// Print `+` on non-negative values (the imaginary column of complex numbers).
    sign_plus: bool,
    /// Scientific notation.
    exp: bool,
    /// Digits after the point in scientific notation (all elements get exactly this many).
    precision: usize,
    /// Minimum exponent digits in scientific notation.
    exp_size: usize,
    /// Characters left of the point.
    pad_left: usize,
    /// Characters right of the point (in scientific notation: through the exponent).
    pad_right: usize,
}

impl FloatFormat {
    /// NumPy's `fillFormat`.
    fn new(values: &[f64], single: bool, sign_plus: bool) -> FloatFormat {
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let mut format = FloatFormat {
            single,
            sign_plus,
            exp: false,
            precision: PRECISION,
            exp_size: 0,
            pad_left: 0,
            pad_right: 0,
        };
        let nonzero = finite.iter().filter(|v| **v != 0.0).map(|v| v.abs());
        let (min, max) = nonzero.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if max > 0.0 {
            format.exp = if single {
                // NumPy compares float32 scalars with Python floats in float32.
                let (min, max) = (min as f32, max as f32);
                max >= 1e6 || min < 1e-4f32 || max / min > 1000.0
            } else {
                max >= 1e8 || min < 1e-4 || max / min > 1000.0
            };
        }
        if finite.is_empty() {
            // Only non-finite values: their width alone.
        } else if format.exp {
            let parts: Vec<Scientific> = finite.iter().map(|&v| format.scientific_unique(v)).collect();
            format.precision = parts.iter().map(|p| p.fraction.len()).max().unwrap_or(0);
            format.exp_size = parts.iter().map(|p| p.exponent_digits()).max().unwrap_or(2);
            format.pad_left = parts.iter().map(|p| p.integer.len()).max().unwrap_or(0);
            format.pad_right = format.exp_size + 2 + format.precision;
        } else {
            let parts: Vec<(String, String)> = finite.iter().map(|&v| format.positional(v)).collect();
            format.pad_left = parts.iter().map(|(int, _)| int.len()).max().unwrap_or(0);
            format.pad_right = parts.iter().map(|(_, frac)| frac.len()).max().unwrap_or(0);
        }
        if finite.len() != values.len() {
            let neg_inf = sign_plus || values.contains(&f64::NEG_INFINITY);
            let room = format.pad_right + 1;
            let needed = 3 + usize::from(neg_inf);
            format.pad_left = format.pad_left.max(needed.saturating_sub(room));
        }
        format
    }

    /// The sign printed before `value`'s digits.
    fn sign(&self, value: f64) -> &'static str {
        if value.is_sign_negative() {
            "-"
        } else if self.sign_plus {
            "+"
        } else {
            ""
        }
    }

    /// Unique digits of a finite value in positional notation, at most [`PRECISION`] after
    /// the point, trailing zeros trimmed: `("-12", "5")` for `-12.5`, `("3", "")` for `3.`.
    fn positional(&self, value: f64) -> (String, String) {
        let digits = shortest(value, self.single);
        let frac_digits = digits.digits.len() as i64 - 1 - i64::from(digits.exponent);
        let (integer, mut fraction) = if frac_digits <= PRECISION as i64 {
            digits.positional()
        } else {
            let text = format!("{:.*}", PRECISION, value.abs());
            let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
            (integer.to_owned(), fraction.to_owned())
        };
        fraction.truncate(fraction.trim_end_matches('0').len());
        (format!("{}{integer}", self.sign(value)), fraction)
    }

    /// Unique digits of a finite value in scientific notation, at most [`PRECISION`] after
    /// the point, trailing zeros trimmed.
    fn scientific_unique(&self, value: f64) -> Scientific {
        let digits = shortest(value, self.single);
        let mut parts = if digits.digits.len() <= PRECISION + 1 {
            digits.scientific()
        } else {
            Scientific::rounded(value, self.single, PRECISION)
        };
        parts.fraction.truncate(parts.fraction.trim_end_matches('0').len());
        parts.integer.insert_str(0, self.sign(value));
        parts
    }

    fn format(&self, value: f64) -> String {
        if !value.is_finite() {
            let text = if value.is_nan() {
                if self.sign_plus { "+nan" } else { "nan" }
            } else if value < 0.0 {
                "-inf"
            } else if self.sign_plus {
                "+inf"
            } else {
                "inf"
            };
            return format!("{text:>width$}", width = self.pad_left + self.pad_right + 1);
        }
        if self.exp {
            let parts = Scientific::rounded(value, self.single, self.precision);
            let integer = format!("{}{}", self.sign(value), parts.integer);
            let exponent = parts.exponent.unsigned_abs();
            format!(
                "{integer:>left$}.{}e{}{exponent:0>size$}",
                parts.fraction,
                if parts.exponent < 0 { '-' } else { '+' },
                left = self.pad_left,
                size = self.exp_size,
            )
        } else {
            let (integer, fraction) = self.positional(value);
            format!("{integer:>left$}.{fraction:<right$}", left = self.pad_left, right = self.pad_right)
        }
    }
}

/// A finite nonzero magnitude as `0.d1d2d3… × 10^(exponent + 1)`: `digits` (ASCII, no
/// trailing zeros except for zero itself) and the scientific exponent.
struct Digits {
    digits: String,
    exponent: i32,
}

impl Digits {
    /// Parses Rust's `{:e}` output of a magnitude: `1.2345e-7`, `1e0`.
    fn parse(text: &str) -> Digits {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        Digits {
            digits: mantissa.chars().filter(char::is_ascii_digit).collect(),
            exponent: exponent.parse().unwrap_or(0),
        }
    }

    /// Integer and fraction digits in positional notation.
    fn positional(&self) -> (String, String) {
        let digits = self.digits.as_str();
        if self.exponent < 0 {
            let zeros = "0".repeat(self.exponent.unsigned_abs() as usize - 1);
            ("0".to_owned(), zeros + digits)
        } else {
            let whole = self.exponent as usize + 1;
            if digits.len() <= whole {
                (format!("{digits}{}", "0".repeat(whole - digits.len())), String::new())
            } else {
                (digits[..whole].to_owned(), digits[whole..].to_owned())
            }
        }
    }

    /// The same number of digits, one unit in the last place larger (`999` becomes `100`
    /// with the exponent one higher).
    fn next_up(&self) -> Digits {
        let mut digits = self.digits.clone().into_bytes();
        for digit in digits.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                return Digits {
                    digits: String::from_utf8_lossy(&digits).into_owned(),
                    exponent: self.exponent,
                };
            }
        }
        let mut carried = "1".to_owned();
        carried.push_str(&String::from_utf8_lossy(&digits[..digits.len().saturating_sub(1)]));
        Digits { digits: carried, exponent: self.exponent + 1 }
    }

    /// Whether these digits read back (rounding to nearest, ties to even) as `value`'s
    /// magnitude in its type.
    fn reads_back_as(&self, value: f64, single: bool) -> bool {
        let text = format!("0.{}e{}", self.digits, self.exponent + 1);
        if single {
            text.parse::<f32>().ok() == Some((value as f32).abs())
        } else {
            text.parse::<f64>().ok() == Some(value.abs())
        }
    }

    fn scientific(&self) -> Scientific {
        let (first, rest) = self.digits.split_at(self.digits.len().min(1));
        Scientific { integer: first.to_owned(), fraction: rest.to_owned(), exponent: self.exponent }
    }
}

/// Whether the gap to the next smaller float is half the gap to the next larger one: a
/// power of two above the smallest normal exponent (Dragon4's `hasUnequalMargins`).
fn has_unequal_margins(value: f64, single: bool) -> bool {
    if single {
        let bits = (value as f32).to_bits();
        bits & 0x007f_ffff == 0 && (bits >> 23) & 0xff > 1
    } else {
        let bits = value.to_bits();
        bits & 0x000f_ffff_ffff_ffff == 0 && (bits >> 52) & 0x7ff > 1
    }
}

/// The shortest digits that round-trip through the value's type (float32's when `single`),
/// the ones nearest the value, ties to an even last digit (as NumPy's Dragon4 picks them).
fn shortest(value: f64, single: bool) -> Digits {
    let magnitude = value.abs();
    let text = if single { format!("{:e}", magnitude as f32) } else { format!("{magnitude:e}") };
    let digits = Digits::parse(&text);
    // Rust picks one of the nearest shortest candidates; where two are equally near, Dragon4
    // takes the even one, which is the value exactly rounded (half to even) to as many
    // digits, when that round-trips too.
    let exact = format!("{:.*e}", digits.digits.len().saturating_sub(1), magnitude);
    let round_trips = if single {
        exact.parse::<f32>().ok() == Some(magnitude as f32)
    } else {
        exact.parse::<f64>().ok() == Some(magnitude)
    };
    if !round_trips {
        return digits;
    }
    let mut exact = Digits::parse(&exact);
    let kept = exact.digits.trim_end_matches('0').len().max(1);
    exact.digits.truncate(kept);
    exact
}

/// Scientific notation in pieces: `integer.fraction e exponent`.
struct Scientific {
    integer: String,
    fraction: String,
    exponent: i32,
}

impl Scientific {
    /// `value`'s magnitude exactly rounded (half to even) to `precision` fraction digits.
    fn exact(value: f64, precision: usize) -> Scientific {
        Digits::parse(&format!("{:.*e}", precision, value.abs())).scientific()
    }

    /// `value`'s magnitude rounded to `precision` fraction digits the way Dragon4 rounds its
    /// last digit: to the nearer candidate (ties to even) unless only one of the two
    /// candidates reads back as the value. That differs from [`Scientific::exact`] only for
    /// powers of two, whose lower neighbour is nearer than the upper one, in float32
    /// (`2**-96` prints as `1.2621775e-29`, nearer is `1.2621774e-29`).
    fn rounded(value: f64, single: bool, precision: usize) -> Scientific {
        let nearest = Scientific::exact(value, precision);
        if !has_unequal_margins(value, single) {
            return nearest;
        }
        // The exact digits of a float64 (float32 values are exact as float64) fit in 800.
        let full = Digits::parse(&format!("{:.800e}", value.abs()));
        let down = Digits { digits: full.digits[..precision + 1].to_owned(), exponent: full.exponent };
        let up = down.next_up();
        match (down.reads_back_as(value, single), up.reads_back_as(value, single)) {
            (true, false) => down.scientific(),
            (false, true) => up.scientific(),
            _ => nearest,
        }
    }

    /// Exponent digits NumPy prints: at least two.
    fn exponent_digits(&self) -> usize {
        self.exponent.unsigned_abs().to_string().len().max(2)
    }
}

// ---------------------------------------------------------------------------------------
// 0-d `str`: the `str` of NumPy's scalar types.

/// `str` of a NumPy scalar: `1.0`, `1e+16`, `1e+06` for float32, `(1+2j)`, `True`.
fn scalar_str(value: Scalar, dtype: Dtype) -> String {
    let single = matches!(dtype, Dtype::Float32 | Dtype::Complex64);
    match value {
        Scalar::Bool(flag) => if flag { "True" } else { "False" }.to_owned(),
        Scalar::Int(int) => int.to_string(),
        Scalar::Float(float) => float_scalar_str(float, single, true, false),
        Scalar::Complex(re, im) => {
            if re == 0.0 && re.is_sign_positive() {
                return format!("{}j", float_scalar_str(im, single, false, false));
            }
            let re_text = if re.is_finite() {
                float_scalar_str(re, single, false, false)
            } else {
                non_finite(re, false).to_owned()
            };
            let im_text = if im.is_finite() {
                float_scalar_str(im, single, false, true)
            } else {
                non_finite(im, true).to_owned()
            };
            format!("({re_text}{im_text}j)")
        }
    }
}

fn non_finite(value: f64, sign_plus: bool) -> &'static str {
    match (value.is_nan(), value < 0.0, sign_plus) {
        (true, _, false) => "nan",
        (true, _, true) => "+nan",
        (false, true, _) => "-inf",
        (false, false, false) => "inf",
        (false, false, true) => "+inf",
    }
}

/// A NumPy float scalar's `str`: positional for magnitudes in `[1e-4, 1e16)` (`[1e-4, 1e6)`
/// for float32) and zero, else scientific. `one_zero` keeps one fraction digit (`1.0`), as
/// floats do; the parts of complex numbers drop the point (`1`).
fn float_scalar_str(value: f64, single: bool, one_zero: bool, sign_plus: bool) -> String {
    if !value.is_finite() {
        return non_finite(value, sign_plus).to_owned();
    }
    let sign = if value.is_sign_negative() {
        "-"
    } else if sign_plus {
        "+"
    } else {
        ""
    };
    let magnitude = value.abs();
    let max_positional = if single { 1e6 } else { 1e16 };
    let digits = shortest(value, single);
    if value == 0.0 || (1e-4..max_positional).contains(&magnitude) {
        let (integer, fraction) = digits.positional();
        match (fraction.is_empty(), one_zero) {
            (true, true) => format!("{sign}{integer}.0"),
            (true, false) => format!("{sign}{integer}"),
            (false, _) => format!("{sign}{integer}.{fraction}"),
        }
    } else {
        let parts = digits.scientific();
        let point = if parts.fraction.is_empty() { "" } else { "." };
        let exponent = parts.exponent.unsigned_abs();
        let exp_sign = if parts.exponent < 0 { '-' } else { '+' };
        format!("{sign}{}{point}{}e{exp_sign}{exponent:02}", parts.integer, parts.fraction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn str_of<T: Element>(data: &[T], shape: &[usize]) -> String {
        array_str(&ArrayView::from_slice(data, shape).unwrap())
    }

    fn repr_of<T: Element>(data: &[T], shape: &[usize]) -> String {
        array_repr(&ArrayView::from_slice(data, shape).unwrap())
    }

    #[test]
    fn small_arrays_print_like_numpy() {
        assert_eq!(str_of(&[1.0, 2.5, -3.0], &[3]), "[ 1.   2.5 -3. ]");
        assert_eq!(repr_of(&[1.0, 2.5, -3.0], &[3]), "array([ 1. ,  2.5, -3. ])");
        assert_eq!(repr_of(&[1i32, 2, 3], &[3]), "array([1, 2, 3], dtype=int32)");
        assert_eq!(repr_of(&[true, false], &[2]), "array([ True, False])");
        assert_eq!(repr_of(&[5.0], &[]), "array(5.)");
        assert_eq!(str_of(&[5.0], &[]), "5.0");
        assert_eq!(repr_of::<f64>(&[], &[0]), "array([], dtype=float64)");
        assert_eq!(repr_of::<f64>(&[], &[0, 3]), "array([], shape=(0, 3), dtype=float64)");
        assert_eq!(repr_of(&[[1.0f64, 2.0], [3.0, -4.0]], &[2]), "array([1.+2.j, 3.-4.j])");
        assert_eq!(str_of(&[1e-5, 1e5], &[2]), "[1.e-05 1.e+05]");
        assert_eq!(str_of(&[f64::NAN, f64::NEG_INFINITY], &[2]), "[ nan -inf]");
        assert_eq!(
            str_of(&[0i64, 1, 2, 3, 4, 5, 6, 7], &[2, 2, 2]),
            "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]"
        );
    }

    #[test]
    fn negative_nan_prints_as_nan() {
        // The data file cannot hold a NaN's sign (it is written with Python's repr).
        let nan = -f64::NAN;
        assert!(nan.is_sign_negative());
        assert_eq!(repr_of(&[nan, 1.0], &[2]), "array([nan,  1.])");
        assert_eq!(str_of(&[nan], &[]), "nan");
        assert_eq!(str_of(&[-f32::NAN], &[]), "nan");
        assert_eq!(repr_of(&[nan], &[]), "array(nan)");
        assert_eq!(repr_of(&[[nan, nan]], &[1]), "array([nan+nanj])");
        assert_eq!(str_of(&[[nan, nan]], &[]), "(nan+nanj)");
        assert_eq!(str_of(&[[0.0, nan]], &[]), "nanj");
    }

    #[test]
    fn summarised_arrays_show_their_shape() {
        let data: Vec<i64> = (0..2000).collect();
        assert_eq!(
            repr_of(&data, &[2000]),
            "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))"
        );
    }

    #[test]
    fn malformed_views_are_rejected() {
        let data = [1.0f64; 4];
        assert!(ArrayView::from_slice(&data, &[3]).is_err());
        assert!(ArrayView::from_slice(&data, &[usize::MAX, 2]).is_err());
        assert!(ArrayView::from_slice_strided(&data, 1, &[4], &[1]).is_err());
        assert!(ArrayView::from_slice_strided(&data, 3, &[4], &[-1]).is_ok());
        assert!(ArrayView::from_slice_strided(&data, 0, &[usize::MAX], &[0]).is_ok());
        assert!(ArrayView::from_slice(&data, &[1; 65]).is_err());
        // SAFETY: nothing is read from an empty array.
        let empty = unsafe { ArrayView::from_raw_parts(Dtype::Float64, std::ptr::null(), &[0, 5], &[40, 8]) };
        assert_eq!(array_repr(&empty.unwrap()), "array([], shape=(0, 5), dtype=float64)");
    }

    /// xorshift64*: deterministic pseudo-random numbers for the robustness test.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn arbitrary_bytes_shapes_and_strides_never_panic() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let bytes: Vec<u8> = (0..1 << 16).map(|_| rng.next() as u8).collect();
        for _ in 0..800 {
            let dtype = Dtype::ALL[rng.below(13) as usize];
            let ndim = rng.below(6) as usize;
            let shape: Vec<usize> = (0..ndim)
                .map(|_| match rng.below(10) {
                    0 => 0,
                    1 => 1 << 40,
                    _ => rng.below(12) as usize,
                })
                .collect();
            // Zero strides for huge axes keep every element inside the buffer.
            let strides: Vec<isize> = shape
                .iter()
                .map(|&extent| if extent > 12 { 0 } else { rng.below(129) as isize - 64 })
                .collect();
            let start = 8 * 1024 + rng.below(1024) as usize;
            // SAFETY: at most 5 axes of at most 11 steps of at most 64 bytes stay within 4 KiB
            // of `start`, and the buffer extends 8 KiB on either side.
            let view = unsafe { ArrayView::from_raw_parts(dtype, bytes[start..].as_ptr(), &shape, &strides) };
            let view = view.unwrap();
            let (text, repr) = (array_str(&view), array_repr(&view));
            assert!(repr.starts_with("array(") && repr.ends_with(')'), "{repr}");
            if ndim > 0 {
                assert!(text.starts_with('[') && text.ends_with(']'), "{text}");
            }
        }
    }

    #[test]
    fn many_axes_and_odd_bool_bytes() {
        let ones = [1.5f64];
        let deep = ArrayView::from_slice_strided(&ones, 0, &[1; MAX_DIMS], &[0; MAX_DIMS]).unwrap();
        assert_eq!(array_str(&deep), format!("{}1.5{}", "[".repeat(64), "]".repeat(64)));
        let wide = ArrayView::from_slice_strided(&ones, 0, &[2; 10], &[0; 10]).unwrap();
        assert!(array_repr(&wide).ends_with("shape=(2, 2, 2, 2, 2, 2, 2, 2, 2, 2))"));
        let bytes = [0u8, 1, 2, 255];
        // SAFETY: four one-byte elements.
        let flags = unsafe { ArrayView::from_raw_parts(Dtype::Bool, bytes.as_ptr(), &[4], &[1]) }.unwrap();
        assert_eq!(array_str(&flags), "[False  True  True  True]");
        let far = ArrayView::from_slice_strided(&ones, 0, &[2, 3], &[isize::MAX, isize::MIN]);
        assert_eq!(far.unwrap_err(), ViewError::OutOfBounds);
    }

    #[test]
    fn broadcast_views_are_summarised_without_reading_everything() {
        let data = [7u8];
        let view = ArrayView::from_slice_strided(&data, 0, &[usize::MAX, 1 << 40], &[0, 0]).unwrap();
        assert_eq!(
            array_str(&view),
            "[[7 7 7 ... 7 7 7]\n [7 7 7 ... 7 7 7]\n [7 7 7 ... 7 7 7]\n ...\n [7 7 7 ... 7 7 7]\n [7 7 7 ... 7 7 7]\n [7 7 7 ... 7 7 7]]"
        );
    }
}
