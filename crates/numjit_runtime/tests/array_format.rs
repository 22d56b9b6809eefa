//! `array_str` and `array_repr` against NumPy: every case in tests/data/array_format.txt
//! (written by gen_array_format.py from NumPy 2.x's own `str` and `repr`) must print
//! exactly the same, in C order and in other memory layouts of the same logical array
//! (Fortran order, reversed and padded strides, unaligned raw memory).

use numjit_runtime::array_format::{ArrayView, Dtype, Element, array_repr, array_str};

const DATA: &str = include_str!("data/array_format.txt");

/// Cases NumPy prints differently, with the reason; none at present.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

struct Case {
    name: String,
    dtype: Dtype,
    shape: Vec<usize>,
    tokens: Vec<String>,
    str_text: String,
    repr_text: String,
}

/// The value of the next line, which must be `KEY VALUE` (or just `KEY`).
fn field<'t>(lines: &mut impl Iterator<Item = &'t str>, key: &str) -> &'t str {
    let line = lines.next().expect("field line");
    let rest = line.strip_prefix(key).unwrap_or_else(|| panic!("expected {key:?}, got {line:?}"));
    rest.strip_prefix(' ').unwrap_or(rest)
}

/// A `KEY N` line followed by `N` lines of text.
fn block<'t>(lines: &mut impl Iterator<Item = &'t str>, key: &str) -> String {
    let count: usize = field(lines, key).parse().expect("line count");
    (0..count).map(|_| lines.next().expect("text line")).collect::<Vec<_>>().join("\n")
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    let mut cases = Vec::new();
    while let Some(header) = lines.next() {
        let name = header.strip_prefix("case ").expect("case line").to_owned();
        let dtype = Dtype::from_name(field(&mut lines, "dtype")).expect("known dtype");
        let shape_text = field(&mut lines, "shape");
        let shape = shape_text.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        let mut tokens = Vec::new();
        for token in field(&mut lines, "data").split_whitespace() {
            match token.rsplit_once('*') {
                Some((value, count)) => {
                    tokens.extend(std::iter::repeat_n(value.to_owned(), count.parse().unwrap()))
                }
                None => tokens.push(token.to_owned()),
            }
        }
        let str_text = block(&mut lines, "str");
        let repr_text = block(&mut lines, "repr");
        assert_eq!(lines.next(), Some("end"), "case {name}");
        cases.push(Case { name, dtype, shape, tokens, str_text, repr_text });
    }
    cases
}

trait Parse: Element + Default {
    fn parse(token: &str) -> Self;
}

macro_rules! parse_via_str {
    ($($ty:ty),*) => {$(
        impl Parse for $ty {
            fn parse(token: &str) -> Self {
                token.parse().unwrap_or_else(|_| panic!("bad {} token {token:?}", stringify!($ty)))
            }
        }
    )*};
}

parse_via_str!(i8, i16, i32, i64, u8, u16, u32, u64, f64);

impl Parse for bool {
    fn parse(token: &str) -> Self {
        token == "1"
    }
}

impl Parse for f32 {
    fn parse(token: &str) -> Self {
        // Written as the exactly widened float64, so the narrowing is exact.
        f64::parse(token) as f32
    }
}

impl Parse for [f32; 2] {
    fn parse(token: &str) -> Self {
        let [re, im] = <[f64; 2]>::parse(token);
        [re as f32, im as f32]
    }
}

impl Parse for [f64; 2] {
    fn parse(token: &str) -> Self {
        let (re, im) = token.split_once(',').expect("complex token");
        [f64::parse(re), f64::parse(im)]
    }
}

/// Row-major strides (in elements) of `shape`.
fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = 1isize;
    for (stride, &extent) in strides.iter_mut().zip(shape).rev() {
        *stride = step;
        step *= extent.max(1) as isize;
    }
    strides
}

/// The multi-indices of `shape` in C order.
fn c_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let size: usize = shape.iter().product();
    (0..size)
        .map(|mut flat| {
            let mut index = vec![0; shape.len()];
            for (slot, &extent) in index.iter_mut().zip(shape).rev() {
                *slot = flat % extent;
                flat /= extent;
            }
            index
        })
        .collect()
}

/// Prints the case in several memory layouts; returns a description of each mismatch.
fn check_layouts<T: Parse>(case: &Case) -> Vec<String> {
    let values: Vec<T> = case.tokens.iter().map(|token| T::parse(token)).collect();
    let shape = &case.shape;
    let mut outputs: Vec<(&str, String, String)> = Vec::new();
    let mut show = |layout: &'static str, view: ArrayView| {
        assert_eq!(view.dtype(), case.dtype);
        outputs.push((layout, array_str(&view), array_repr(&view)));
    };

    show("C order", ArrayView::from_slice(&values, shape).expect("C view"));

    // Fortran order: first axis fastest.
    let mut f_strides = c_strides(&shape.iter().rev().copied().collect::<Vec<_>>());
    f_strides.reverse();
    let mut fortran = vec![T::default(); values.len()];
    for (value, index) in values.iter().zip(c_indices(shape)) {
        let at: isize = index.iter().zip(&f_strides).map(|(&i, &s)| i as isize * s).sum();
        fortran[at as usize] = *value;
    }
    show("F order", ArrayView::from_slice_strided(&fortran, 0, shape, &f_strides).expect("F view"));

    // Reversed memory: negative strides from the last element.
    let reversed: Vec<T> = values.iter().rev().copied().collect();
    let negative: Vec<isize> = c_strides(shape).iter().map(|s| -s).collect();
    let last = values.len().saturating_sub(1);
    show(
        "reversed",
        ArrayView::from_slice_strided(&reversed, last, shape, &negative).expect("reversed view"),
    );

    // Every element followed by a gap holding other values.
    let mut padded = Vec::with_capacity(2 * values.len());
    for value in &values {
        padded.extend([*value, T::default()]);
    }
    let doubled: Vec<isize> = c_strides(shape).iter().map(|s| 2 * s).collect();
    show("padded", ArrayView::from_slice_strided(&padded, 0, shape, &doubled).expect("padded view"));

    // Raw bytes at an odd address.
    let itemsize = case.dtype.itemsize();
    let mut bytes = vec![0u8; 1 + values.len() * itemsize];
    // SAFETY: copies the elements' bytes into a buffer large enough for them.
    unsafe {
        std::ptr::copy_nonoverlapping(
            values.as_ptr().cast::<u8>(),
            bytes[1..].as_mut_ptr(),
            values.len() * itemsize,
        );
    }
    let byte_strides: Vec<isize> = c_strides(shape).iter().map(|s| s * itemsize as isize).collect();
    // SAFETY: every element of the shape lies in `bytes[1..]`, which outlives the view.
    let raw = unsafe { ArrayView::from_raw_parts(case.dtype, bytes[1..].as_ptr(), shape, &byte_strides) };
    show("unaligned", raw.expect("raw view"));

    let mut problems = Vec::new();
    for (layout, str_text, repr_text) in outputs {
        for (what, expected, got) in [("str", &case.str_text, str_text), ("repr", &case.repr_text, repr_text)]
        {
            if *expected != got {
                problems.push(mismatch(&case.name, layout, what, expected, &got));
            }
        }
    }
    problems
}

/// The first differing line of a mismatch, then both texts in full if they are short.
fn mismatch(name: &str, layout: &str, what: &str, expected: &str, got: &str) -> String {
    let (line, want, have) = expected
        .lines()
        .chain(std::iter::repeat(""))
        .zip(got.lines().chain(std::iter::repeat("")))
        .enumerate()
        .map(|(i, (a, b))| (i + 1, a, b))
        .find(|(_, a, b)| a != b)
        .unwrap_or((0, "", ""));
    let mut text =
        format!("case {name:?} ({layout}) {what}, line {line}:\n  numpy: {want:?}\n  ours:  {have:?}");
    if expected.len() + got.len() < 600 {
        text += &format!("\n  numpy in full:\n{expected}\n  ours in full:\n{got}");
    }
    text
}

fn check(case: &Case) -> Vec<String> {
    match case.dtype {
        Dtype::Bool => check_layouts::<bool>(case),
        Dtype::Int8 => check_layouts::<i8>(case),
        Dtype::Int16 => check_layouts::<i16>(case),
        Dtype::Int32 => check_layouts::<i32>(case),
        Dtype::Int64 => check_layouts::<i64>(case),
        Dtype::UInt8 => check_layouts::<u8>(case),
        Dtype::UInt16 => check_layouts::<u16>(case),
        Dtype::UInt32 => check_layouts::<u32>(case),
        Dtype::UInt64 => check_layouts::<u64>(case),
        Dtype::Float32 => check_layouts::<f32>(case),
        Dtype::Float64 => check_layouts::<f64>(case),
        Dtype::Complex64 => check_layouts::<[f32; 2]>(case),
        Dtype::Complex128 => check_layouts::<[f64; 2]>(case),
    }
}

/// The checked-in cases, or the file `ARRAY_FORMAT_DATA` names (a larger random search
/// from `gen_array_format.py --fuzz`).
fn data() -> String {
    match std::env::var("ARRAY_FORMAT_DATA") {
        Ok(path) => std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}")),
        Err(_) => DATA.to_owned(),
    }
}

#[test]
fn arrays_print_like_numpy() {
    let cases = parse_cases(&data());
    assert!(cases.len() >= 500, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    for case in &cases {
        let mut problems = check(case);
        let known = KNOWN_DIFFERENCES.iter().any(|(name, _)| *name == case.name);
        match (problems.is_empty(), known) {
            // One layout's mismatch is enough to show.
            (false, false) => failures.push(problems.swap_remove(0)),
            (true, true) => unexpected_passes.push(case.name.clone()),
            _ => {}
        }
    }
    assert!(unexpected_passes.is_empty(), "listed as known differences but pass: {unexpected_passes:?}");
    assert!(
        failures.is_empty(),
        "{} mismatches in {} cases; the first ones:\n{}",
        failures.len(),
        cases.len(),
        failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_dtype_is_covered() {
    let cases = parse_cases(DATA);
    for dtype in Dtype::ALL {
        let count = cases.iter().filter(|case| case.dtype == dtype).count();
        assert!(count >= 10, "{dtype}: only {count} cases");
        for ndim in 0..=2 {
            let found = cases.iter().any(|case| case.dtype == dtype && case.shape.len() == ndim);
            assert!(found, "{dtype}: no {ndim}-d case");
        }
    }
    assert!(cases.iter().any(|case| case.shape.len() >= 4));
    assert!(cases.iter().any(|case| case.tokens.len() > 1000), "no summarised case");
}
