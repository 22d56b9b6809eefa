//! Diagnostics as plain data, and the single place that turns them into text.
//!
//! Every phase of numjit reports user-facing problems as [`Diagnostic`] values: a stable
//! [`DiagnosticCode`], a [`Severity`], a one-line message, [`Label`]s pointing into the
//! source and free-standing [`Note`]s (`note:`/`help:`). Nothing outside this crate formats
//! diagnostics; [`render`] shows the file, line and column, the source line and a caret
//! under the span, the way rustc does (through `annotate-snippets`).

use std::fmt;

pub use text_size::{TextRange, TextSize};

/// A stable, kebab-case name for a class of diagnostic (`syntax-error`, `type-mismatch`).
/// Tests and users match on it; the message text may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DiagnosticCode(pub &'static str);

impl DiagnosticCode {
    /// The source text is not valid Python.
    pub const SYNTAX_ERROR: DiagnosticCode = DiagnosticCode("syntax-error");
    /// The source is valid Python but uses a construct numjit does not compile.
    pub const UNSUPPORTED: DiagnosticCode = DiagnosticCode("unsupported-construct");

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

/// Whether a label marks the place of the problem or gives context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelStyle {
    Primary,
    Secondary,
}

/// A span of the source with an optional message shown under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub style: LabelStyle,
    pub range: TextRange,
    pub message: String,
}

/// The kind of a free-standing note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// Background: why something is the way it is.
    Note,
    /// What the user can do about it.
    Help,
}

/// A line of text printed after the source snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
}

/// One problem found in user source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: DiagnosticCode,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    pub notes: Vec<Note>,
}

impl Diagnostic {
    /// A new diagnostic without labels or notes.
    pub fn new(code: DiagnosticCode, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic { code, severity, message: message.into(), labels: Vec::new(), notes: Vec::new() }
    }

    /// A new error.
    pub fn error(code: DiagnosticCode, message: impl Into<String>) -> Self {
        Diagnostic::new(code, Severity::Error, message)
    }

    /// Adds the label that marks where the problem is.
    #[must_use]
    pub fn with_primary(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.labels.push(Label { style: LabelStyle::Primary, range, message: message.into() });
        self
    }

    /// Adds a label that gives context.
    #[must_use]
    pub fn with_secondary(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.labels.push(Label { style: LabelStyle::Secondary, range, message: message.into() });
        self
    }

    /// Adds a `note:` line.
    #[must_use]
    pub fn with_note(mut self, message: impl Into<String>) -> Self {
        self.notes.push(Note { kind: NoteKind::Note, message: message.into() });
        self
    }

    /// Adds a `help:` line.
    #[must_use]
    pub fn with_help(mut self, message: impl Into<String>) -> Self {
        self.notes.push(Note { kind: NoteKind::Help, message: message.into() });
        self
    }

    /// The range of the first primary label, if any.
    pub fn primary_range(&self) -> Option<TextRange> {
        self.labels.iter().find(|label| label.style == LabelStyle::Primary).map(|label| label.range)
    }
}

/// A named source text that diagnostics point into.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// Shown after `-->`; usually the path.
    pub name: &'a str,
    pub text: &'a str,
    /// The 1-based number of the first line of `text` in the original file, for sources cut
    /// out of a larger file (a Python function inside its module).
    pub first_line: usize,
}

impl<'a> SourceFile<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceFile { name, text, first_line: 1 }
    }

    /// The 1-based line and column (in characters) of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (usize, usize) {
        let offset = clamp_to_char_boundary(self.text, usize::from(offset));
        let before = &self.text[..offset];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        (self.first_line + line, before[line_start..].chars().count() + 1)
    }
}

/// Options for [`render`].
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Emit ANSI colour codes.
    pub color: bool,
}

/// Renders a diagnostic as text: header, `--> file:line:col`, the source line(s) with the
/// labelled spans underlined, then the notes. The result ends without a newline.
pub fn render(diagnostic: &Diagnostic, file: &SourceFile<'_>, options: RenderOptions) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let title = level.primary_title(diagnostic.message.as_str()).id(diagnostic.code.as_str());
    let mut group = Group::with_title(title);
    if !diagnostic.labels.is_empty() {
        let mut snippet = Snippet::source(file.text).line_start(file.first_line).path(file.name).fold(true);
        for label in &diagnostic.labels {
            let span = clamp_range(file.text, label.range);
            let kind = match label.style {
                LabelStyle::Primary => AnnotationKind::Primary,
                LabelStyle::Secondary => AnnotationKind::Context,
            };
            let annotation = kind.span(span);
            snippet = snippet.annotation(if label.message.is_empty() {
                annotation
            } else {
                annotation.label(label.message.as_str())
            });
        }
        group = group.element(snippet);
    }
    let mut report = vec![group];
    for note in &diagnostic.notes {
        let level = match note.kind {
            NoteKind::Note => Level::NOTE,
            NoteKind::Help => Level::HELP,
        };
        report.push(Group::with_title(level.secondary_title(note.message.as_str())));
    }
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    renderer.render(&report)
}

/// A span the renderer can show: inside the text and on character boundaries.
fn clamp_range(text: &str, range: TextRange) -> std::ops::Range<usize> {
    let start = clamp_to_char_boundary(text, usize::from(range.start()));
    let end = clamp_to_char_boundary(text, usize::from(range.end())).max(start);
    start..end
}

fn clamp_to_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: u32, end: u32) -> TextRange {
        TextRange::new(start.into(), end.into())
    }

    #[test]
    fn renders_caret_under_span_with_path_line_and_column() {
        let text = "def f(x):\n    if x > 1\n        return x\n";
        let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, "expected ':'")
            .with_primary(range(22, 22), "expected ':' after 'if' condition")
            .with_help("add ':' at the end of the line");
        let rendered = render(&diagnostic, &SourceFile::new("example.py", text), RenderOptions::default());
        insta::assert_snapshot!(rendered);
    }

    #[test]
    fn renders_secondary_labels_and_notes_with_offset_line_numbers() {
        let text = "x = (1,\n     2\ny = 3\n";
        let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, "'(' was never closed")
            .with_primary(range(4, 5), "this parenthesis")
            .with_secondary(range(15, 16), "the statement after it starts here")
            .with_note("brackets must be balanced");
        let file = SourceFile { name: "mod.py", text, first_line: 10 };
        insta::assert_snapshot!(render(&diagnostic, &file, RenderOptions::default()));
    }

    #[test]
    fn out_of_range_and_mid_character_spans_do_not_panic() {
        let text = "s = 'é'\n";
        for (start, end) in [(5, 6), (100, 200), (0, 1000), (6, 6)] {
            let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, "bad")
                .with_primary(range(start, end), "here");
            let rendered = render(&diagnostic, &SourceFile::new("x.py", text), RenderOptions::default());
            assert!(rendered.starts_with("error[syntax-error]: bad"), "{rendered}");
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, "bad").with_primary(range(0, 1), "");
        let file = SourceFile::new("x.py", "x\n");
        assert!(!render(&diagnostic, &file, RenderOptions { color: false }).contains('\u{1b}'));
        assert!(render(&diagnostic, &file, RenderOptions { color: true }).contains('\u{1b}'));
    }

    #[test]
    fn line_col_counts_characters() {
        let file = SourceFile { name: "x.py", text: "ab\ncé d\n", first_line: 3 };
        assert_eq!(file.line_col(TextSize::from(0)), (3, 1));
        assert_eq!(file.line_col(TextSize::from(6)), (4, 3));
    }
}
