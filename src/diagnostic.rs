//! One kind of message for every problem the tool finds, so `build` and `check` report alike.
//!
//! A secretary reading a message must learn which file, which line, which field, what is
//! wrong and what to do. Every stage that can fail produces a [`Diagnostic`].

use crate::t;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line and column, where known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The leaflet field the problem is in, e.g. `sections[2].heading`.
    pub field: Option<String>,
    pub message: String,
    /// What to do about it, in plain words.
    pub hint: Option<String>,
    /// How many characters from `column` the problem covers (1 when unknown), so the
    /// caret can underline a whole word.
    pub width: usize,
}

impl Diagnostic {
    pub fn error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            width: 1,
        }
    }

    pub fn warning(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Underlines `width` characters instead of one.
    pub fn spanning(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The rustc-style report: location, the offending source line, a caret, and the hint.
    pub fn render(&self, source: Option<&str>) -> String {
        self.render_styled(source, false)
    }

    /// [`render`](Self::render), with the severity, the caret and the hint label in colour
    /// when `colour` is set (a terminal that wants it).
    pub fn render_styled(&self, source: Option<&str>, colour: bool) -> String {
        let paint = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let mut out = format!("{}\n", self.headline_styled(source, colour));
        if let (Some(src), Some(line), Some(col)) = (source, self.line, self.column)
            && let Some(text) = src.lines().nth(line.saturating_sub(1))
        {
            let gutter = line.to_string().len();
            // Invisible characters are shown as ␣-like stand-ins so the caret lands under
            // something a reader can see (a doubled space, a no-break space, a tab).
            let all: Vec<char> = text.chars().map(visible).collect();
            let caret = col.saturating_sub(1).min(all.len());
            // Long lines (a whole paragraph in a block) are cut to a window around the caret.
            let from = caret
                .saturating_sub(WINDOW / 2)
                .min(all.len().saturating_sub(WINDOW));
            let to = (from + WINDOW).min(all.len());
            let mut shown: String = all[from..to].iter().collect();
            let mut caret_at = caret - from;
            if from > 0 {
                shown.insert(0, '…');
                caret_at += 1;
            }
            if to < all.len() {
                shown.push('…');
            }
            // The underline stops where the shown text does.
            let room = shown.chars().count().saturating_sub(caret_at).max(1);
            let carets = "^".repeat(self.width.min(room));

            out.push_str(&format!("{:gutter$} |\n", ""));
            out.push_str(&format!("{line} | {}\n", shown.trim_end()));
            out.push_str(&format!(
                "{:gutter$} | {}{}\n",
                "",
                " ".repeat(caret_at),
                paint(self.colour_code(), &carets)
            ));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!(
                "  = {}: {hint}\n",
                paint(HINT_COLOUR, &t!("hint-label"))
            ));
        }
        out
    }
}

/// The hint label in bold cyan: set apart from the message without shouting.
const HINT_COLOUR: &str = "1;36";

/// Whether reports on stderr are coloured; set once by the command line (`--color`,
/// `NO_COLOR`, a terminal or not).
static COLOUR: AtomicBool = AtomicBool::new(false);

pub fn set_colour(on: bool) {
    COLOUR.store(on, Ordering::Relaxed);
}

/// Source lines longer than this many characters are shown cut around the caret.
const WINDOW: usize = 80;

/// How a source character is echoed under a message: control characters, tabs and
/// no-break spaces would be invisible or move the caret, so they get a visible stand-in.
fn visible(c: char) -> char {
    match c {
        '\t' => '→',
        '\u{a0}' => '⍽',
        c if c.is_control() => '�',
        c => c,
    }
}

/// Prints diagnostics the same way for every command: each with its file's source line,
/// read once per file.
#[derive(Default)]
pub struct Reporter {
    sources: std::collections::HashMap<PathBuf, Option<String>>,
}

impl Reporter {
    /// The full report of one diagnostic, reading its file when the message has a line.
    pub fn render(&mut self, d: &Diagnostic) -> String {
        let source = self.source(d);
        d.render_styled(source, COLOUR.load(Ordering::Relaxed))
    }

    /// The one-line form, coloured like [`render`](Self::render): for warnings listed
    /// compactly after a build.
    pub fn headline(&mut self, d: &Diagnostic) -> String {
        let source = self.source(d);
        d.headline_styled(source, COLOUR.load(Ordering::Relaxed))
    }

    /// The compact form: the one line and the hint, without the source excerpt.
    pub fn compact(&mut self, d: &Diagnostic) -> String {
        let mut out = self.headline(d);
        if let Some(hint) = &d.hint {
            let label = t!("hint-label");
            let label = if COLOUR.load(Ordering::Relaxed) {
                format!("\x1b[{HINT_COLOUR}m{label}\x1b[0m")
            } else {
                label
            };
            out.push_str(&format!("\n  = {label}: {hint}"));
        }
        out
    }

    /// The text of a diagnostic's file when it points at a line, read once per file.
    fn source(&mut self, d: &Diagnostic) -> Option<&str> {
        if d.line.is_some() {
            self.sources
                .entry(d.file.clone())
                .or_insert_with(|| std::fs::read_to_string(&d.file).ok())
                .as_deref()
        } else {
            None
        }
    }

    /// Writes every diagnostic to stderr, a blank line between them.
    pub fn print_all(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            eprintln!("{}", self.render(d));
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

impl Diagnostic {
    /// The one-line form, `file:line:column: error: field `x`: message`, in the current
    /// language; `source` (the file's text, when at hand) names a section by its heading.
    pub fn headline(&self, source: Option<&str>) -> String {
        self.headline_styled(source, false)
    }

    /// Bold red for an error, bold yellow for a warning: the colours compilers use, so the
    /// eye finds the errors in a long report.
    fn colour_code(&self) -> &'static str {
        match self.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
        }
    }

    fn headline_styled(&self, source: Option<&str>, colour: bool) -> String {
        let mut out = self.file.display().to_string();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                out.push_str(&format!(":{col}"));
            }
        }
        let kind = match self.severity {
            Severity::Error => t!("severity-error"),
            Severity::Warning => t!("severity-warning"),
        };
        if colour {
            out.push_str(&format!(": \x1b[{}m{kind}\x1b[0m: ", self.colour_code()));
        } else {
            out.push_str(&format!(": {kind}: "));
        }
        if let Some(field) = &self.field {
            out.push_str(&crate::i18n::field::describe(field, source));
            out.push_str(": ");
        }
        out.push_str(&self.message);
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(None))
    }
}

/// Finds the 1-based line and column of a top-level `key:` in YAML source, so errors found
/// after parsing (an unknown route key, say) can still point at their line.
pub fn locate_key(source: &str, key: &str) -> Option<(usize, usize)> {
    source.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.starts_with(':').then_some((i + 1, 1))
    })
}

/// Finds the 1-based line and column of the first occurrence of `needle` in `source`.
pub fn locate_text(source: &str, needle: &str) -> Option<(usize, usize)> {
    source.find(needle).map(|at| line_col(source, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_counts_characters_not_bytes() {
        let d = Diagnostic::warning(Path::new("a.yaml"), "x")
            .at(1, 10)
            .spanning(2);
        let out = d.render(Some("title: é⍽  b\n"));
        assert!(out.contains("1 | title: é⍽  b\n  |          ^^\n"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let d = Diagnostic::error(Path::new("a.yaml"), "x").at(1, 201);
        let out = d.render(Some(&line));
        let shown = out.lines().nth(2).unwrap();
        let caret = out.lines().nth(3).unwrap();
        assert!(
            shown.starts_with("1 | …") && shown.ends_with('…'),
            "{shown}"
        );
        assert!(shown.chars().count() < 100);
        let x = shown.chars().position(|c| c == 'X').unwrap();
        assert_eq!(caret.chars().position(|c| c == '^'), Some(x));
    }

    #[test]
    fn colour_marks_severity_caret_and_hint_only() {
        let d = Diagnostic::error(Path::new("a.yaml"), "x")
            .at(1, 1)
            .hint("h");
        let out = d.render_styled(Some("ab"), true);
        assert!(
            out.starts_with("a.yaml:1:1: \x1b[1;31merror\x1b[0m: x\n"),
            "{out:?}"
        );
        assert!(out.contains("  | \x1b[1;31m^\x1b[0m\n"), "{out:?}");
        assert!(out.contains("\x1b[1;36mhint\x1b[0m: h"), "{out:?}");
        assert!(!d.render(Some("ab")).contains('\x1b'));
    }

    #[test]
    fn invisible_characters_get_stand_ins() {
        let d = Diagnostic::warning(Path::new("a.yaml"), "x").at(1, 2);
        let out = d.render(Some("\ta\u{a0}b\u{7}"));
        assert!(out.contains("1 | →a⍽b�\n"), "{out}");
    }
}
