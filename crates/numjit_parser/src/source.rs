//! Turning the bytes of a `.py` file into text, as CPython does (PEP 263).
//!
//! Python source is UTF-8 unless a coding declaration (`# -*- coding: latin-1 -*-`) in a
//! comment on the first or second line says otherwise; a UTF-8 byte-order mark forces UTF-8.
//! CPython's `ast.parse(bytes)` follows these rules, so the CLI and the stdlib test must too.
//! The parser itself only ever sees `&str`.

use std::borrow::Cow;
use std::fmt;

/// Why the bytes of a file could not be turned into source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The coding declaration names an encoding we do not know (CPython: "unknown encoding").
    UnknownEncoding { name: String, line: usize },
    /// The bytes are not valid in the declared (or default UTF-8) encoding.
    InvalidBytes { encoding: String, offset: usize },
    /// A UTF-8 byte-order mark together with a declaration of another encoding.
    BomMismatch { name: String },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::UnknownEncoding { name, line } => {
                write!(f, "unknown encoding '{name}' declared on line {line}")
            }
            DecodeError::InvalidBytes { encoding, offset } => {
                write!(f, "source is not valid {encoding}: bad byte at offset {offset}")
            }
            DecodeError::BomMismatch { name } => {
                write!(
                    f,
                    "encoding problem: '{name}' declared, but the file starts with a UTF-8 byte-order mark"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes the bytes of a Python source file. A leading UTF-8 BOM is kept out of the result,
/// so offsets in the text are offsets after the BOM.
pub fn decode_source(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    let (has_bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = coding_declaration(body);
    let encoding = match &declared {
        None => None,
        Some((name, line)) => {
            let normalized = normalize_encoding_name(name);
            if has_bom && !is_canonical_utf8_name(&normalized) {
                // CPython compares the declaration's normal form with "utf-8" after a BOM, so
                // even the `utf8` alias is "encoding problem: utf8 with BOM".
                return Err(DecodeError::BomMismatch { name: name.clone() });
            }
            if is_utf8_name(&normalized) {
                None
            } else if has_bom {
                return Err(DecodeError::BomMismatch { name: name.clone() });
            } else {
                Some((name.clone(), normalized, *line))
            }
        }
    };
    match encoding {
        None => std::str::from_utf8(body).map(Cow::Borrowed).map_err(|error| DecodeError::InvalidBytes {
            encoding: "UTF-8".to_owned(),
            offset: error.valid_up_to() + if has_bom { UTF8_BOM.len() } else { 0 },
        }),
        Some((_, normalized, _)) if is_latin1_name(&normalized) => {
            // Latin-1 maps each byte to the code point of the same value; encoding_rs would
            // treat the label as windows-1252 (the WHATWG rule), which differs in 0x80..0x9F.
            Ok(Cow::Owned(body.iter().map(|&byte| char::from(byte)).collect()))
        }
        Some((name, normalized, line)) => {
            let encoding = encoding_rs::Encoding::for_label(normalized.replace('_', "-").as_bytes())
                .or_else(|| encoding_rs::Encoding::for_label(cp_alias(&normalized).as_bytes()))
                .ok_or_else(|| DecodeError::UnknownEncoding { name: name.clone(), line })?;
            encoding
                .decode_without_bom_handling_and_without_replacement(body)
                .ok_or(DecodeError::InvalidBytes { encoding: name, offset: 0 })
        }
    }
}

/// The encoding named by a PEP 263 declaration on line 1, or on line 2 when line 1 is a
/// comment or blank, with its line number.
fn coding_declaration(bytes: &[u8]) -> Option<(String, usize)> {
    let mut lines = bytes.split(|&byte| byte == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_in_line(first) {
        return Some((name, 1));
    }
    let first_trimmed = trim_start_whitespace(first);
    if !(first_trimmed.is_empty() || first_trimmed.starts_with(b"#") || first_trimmed == b"\r") {
        return None;
    }
    coding_in_line(lines.next()?).map(|name| (name, 2))
}

/// Matches CPython's `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn coding_in_line(line: &[u8]) -> Option<String> {
    let comment = trim_start_whitespace(line).strip_prefix(b"#")?;
    let mut search_from = 0;
    while let Some(found) = find(&comment[search_from..], b"coding") {
        let after = search_from + found + b"coding".len();
        if let Some(&(b':' | b'=')) = comment.get(after) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest.iter().take_while(|&&byte| byte == b' ' || byte == b'\t').count()..];
            let name_len = rest
                .iter()
                .take_while(|&&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
                .count();
            if name_len > 0 {
                return Some(String::from_utf8_lossy(&rest[..name_len]).into_owned());
            }
        }
        search_from = after;
    }
    None
}

fn trim_start_whitespace(line: &[u8]) -> &[u8] {
    let n_blank = line.iter().take_while(|&&byte| matches!(byte, b' ' | b'\t' | b'\x0c')).count();
    &line[n_blank..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Lower case with `_` and `-` unified to `-`, as CPython's codec lookup treats them alike.
fn normalize_encoding_name(name: &str) -> String {
    name.to_ascii_lowercase().replace('_', "-")
}

fn is_utf8_name(normalized: &str) -> bool {
    normalized == "utf-8" || normalized == "utf8" || normalized.starts_with("utf-8-")
}

/// CPython's `get_normal_name` rule for UTF-8: `utf-8` itself or `utf-8-<anything>`.
fn is_canonical_utf8_name(normalized: &str) -> bool {
    normalized == "utf-8" || normalized.starts_with("utf-8-")
}

fn is_latin1_name(normalized: &str) -> bool {
    matches!(normalized, "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "iso-latin-1")
        || normalized.starts_with("latin-1-")
        || normalized.starts_with("iso-8859-1-")
}

/// Python spells Windows code pages `cp1252`; WHATWG labels them `windows-1252`.
fn cp_alias(normalized: &str) -> String {
    match normalized.strip_prefix("cp") {
        Some(number) if number.chars().all(|c| c.is_ascii_digit()) => format!("windows-{number}"),
        _ => normalized.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_by_default_and_bom_is_dropped() {
        assert_eq!(decode_source(b"x = '\xc3\xa9'\n").unwrap(), "x = 'é'\n");
        assert_eq!(decode_source(b"\xEF\xBB\xBFx = 1\n").unwrap(), "x = 1\n");
        assert_eq!(
            decode_source(b"x = '\xe9'\n"),
            Err(DecodeError::InvalidBytes { encoding: "UTF-8".into(), offset: 5 })
        );
    }

    #[test]
    fn declared_encodings_on_line_one_or_two() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9\x80'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}\u{80}'\n"
        );
        assert_eq!(
            decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-5 :\ns='\xd0'\n").unwrap(),
            "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-5 :\ns='\u{430}'\n"
        );
        assert_eq!(
            decode_source(b"# coding: cp1252\ns='\x80'\n").unwrap(),
            "# coding: cp1252\ns='\u{20ac}'\n"
        );
        assert_eq!(
            decode_source(b"# coding: koi8-r\ns='\xc1'\n").unwrap(),
            "# coding: koi8-r\ns='\u{430}'\n"
        );
        // Not on line 2 when line 1 is code.
        assert!(decode_source(b"x = 1\n# coding: latin-1\ns='\xe9'\n").is_err());
    }

    #[test]
    fn unknown_encoding_and_bom_conflict_are_errors() {
        assert_eq!(
            decode_source(b"# coding: uft-8\n"),
            Err(DecodeError::UnknownEncoding { name: "uft-8".into(), line: 1 })
        );
        assert_eq!(
            decode_source(b"\xEF\xBB\xBF# coding: latin-1\n"),
            Err(DecodeError::BomMismatch { name: "latin-1".into() })
        );
        assert_eq!(decode_source(b"\xEF\xBB\xBF# coding: utf-8\nx\n").unwrap(), "# coding: utf-8\nx\n");
        assert_eq!(
            decode_source(b"\xEF\xBB\xBF# coding: utf8\nx\n"),
            Err(DecodeError::BomMismatch { name: "utf8".into() })
        );
        assert_eq!(decode_source(b"# coding: utf8\nx\n").unwrap(), "# coding: utf8\nx\n");
    }
}
