//! Figures in a section: the picture file, its alt text, caption and width, checked where
//! they are written. The file must lie inside the library (the folder tree the leaflets
//! and `_data` live in): a `../../` path or a symbolic link out of it would print a file
//! the library does not hold and the manifest does not watch.

use crate::diagnostic::Diagnostic;
pub use crate::source::library::{inside_library, library_root};
use crate::sourcemap::section_items;
use schemars::JsonSchema;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A figure as written under a section's `figures:`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureFile {
    /// The picture: a PNG, JPEG or SVG file, relative to the leaflet, e.g. `figuren/arm.svg`.
    pub file: String,
    /// What the picture shows, in a sentence, for readers who cannot see it (screen
    /// readers, the accessible PDF). Required.
    // Not `serde(default)`: a missing `Option` is `None` to serde anyway, and this way the
    // schema marks the field required, so an editor flags a figure without one.
    #[schemars(required)]
    pub alt: Option<String>,
    /// A line printed under the picture.
    #[serde(default)]
    pub caption: Option<String>,
    /// How much of the text width the picture takes, e.g. `60 %`; the whole width if left out.
    #[serde(default)]
    pub width: Option<WidthField>,
}

/// `width: 60 %`, `width: 60%` or `width: 60`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum WidthField {
    Number(f64),
    Text(String),
}

/// A checked figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The file as written.
    pub file: String,
    /// The file, resolved and proven inside the library.
    pub path: PathBuf,
    pub alt: String,
    pub caption: Option<String>,
    /// Share of the text width, 0.1–1.
    pub width: f32,
    /// `sections[1].figures[0]`, as diagnostics name it.
    pub field: String,
    /// Where the figure's entry starts in the source (its `file:` key), 1-based.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Narrower than a tenth of the text width a picture is a postage stamp no one can read.
const MIN_WIDTH_PERCENT: f64 = 10.0;

/// Where each key of each figure of each section is: `at[section][figure]` gives the line
/// and column of a key in that figure's entry (the entry's start for a key not written).
pub struct Places<'a> {
    source: &'a str,
    sections: Vec<std::ops::Range<usize>>,
}

impl<'a> Places<'a> {
    pub fn new(source: &'a str) -> Places<'a> {
        Places {
            source,
            sections: section_items(source),
        }
    }

    /// The byte ranges of the `- ` entries under `figures:` in section `i`.
    fn entries(&self, i: usize) -> Vec<std::ops::Range<usize>> {
        let Some(range) = self.sections.get(i).cloned() else {
            return Vec::new();
        };
        let text = &self.source[range.clone()];
        let mut offset = range.start;
        let mut key_indent = None;
        let mut item_indent = None;
        let mut starts = Vec::new();
        let mut end = range.end;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches(' ');
            let indent = line.len() - trimmed.len();
            let after_dash = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            match key_indent {
                None => {
                    if after_dash.starts_with("figures:") {
                        key_indent = Some(indent + (trimmed.len() - after_dash.len()));
                    }
                }
                Some(k) => {
                    let blank = trimmed.trim().is_empty() || trimmed.starts_with('#');
                    if !blank && indent <= k && !trimmed.starts_with("- ") {
                        end = offset;
                        break;
                    }
                    if !blank && indent < k {
                        end = offset;
                        break;
                    }
                    if trimmed.starts_with("- ") && item_indent.is_none_or(|i| i == indent) {
                        item_indent = Some(indent);
                        starts.push(offset + indent + 2);
                    }
                }
            }
            offset += line.len();
        }
        let ends = starts.iter().skip(1).copied().chain([end]);
        starts
            .iter()
            .copied()
            .zip(ends)
            .map(|(s, e)| s..e)
            .collect()
    }

    /// The 1-based line and column of `key:` in figure `j` of section `i`, or of the
    /// entry's start.
    pub fn key(&self, i: usize, j: usize, key: &str) -> Option<(usize, usize)> {
        let entry = self.entries(i).get(j).cloned()?;
        let text = &self.source[entry.clone()];
        let mut offset = entry.start;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '-']);
            if trimmed
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with(':'))
            {
                return Some(crate::diagnostic::line_col(
                    self.source,
                    offset + line.len() - trimmed.len(),
                ));
            }
            offset += line.len();
        }
        Some(crate::diagnostic::line_col(self.source, entry.start))
    }
}

/// Checks one figure entry; `i`, `j` are its section and place in that section.
pub fn resolve(
    path: &Path,
    places: &Places,
    i: usize,
    j: usize,
    f: FigureFile,
    errors: &mut Vec<Diagnostic>,
) -> Option<Figure> {
    let field = format!("sections[{i}].figures[{j}]");
    let at = |key: &str, d: Diagnostic| {
        let d = d.field(format!("{field}.{key}"));
        match places.key(i, j, key) {
            Some((l, c)) => d.at(l, c),
            None => d,
        }
    };
    let before = errors.len();
    let alt = f.alt.as_deref().map(str::trim).unwrap_or("");
    if alt.is_empty() {
        errors.push(at(
            "alt",
            Diagnostic::error(path, crate::t!("figure-no-alt", file = f.file.trim()))
                .hint(crate::t!("figure-no-alt-hint")),
        ));
    }
    let width = match &f.width {
        None => Some(100.0),
        Some(WidthField::Number(n)) => Some(*n),
        Some(WidthField::Text(t)) => t.trim().trim_end_matches('%').trim().parse::<f64>().ok(),
    };
    let width = match width {
        Some(w) if (MIN_WIDTH_PERCENT..=100.0).contains(&w) => w as f32 / 100.0,
        _ => {
            let shown = match &f.width {
                Some(WidthField::Number(n)) => n.to_string(),
                Some(WidthField::Text(t)) => t.clone(),
                None => String::new(),
            };
            errors.push(at(
                "width",
                Diagnostic::error(
                    path,
                    crate::t!(
                        "figure-width-wrong",
                        width = shown,
                        min = format!("{MIN_WIDTH_PERCENT:.0}")
                    ),
                )
                .hint(crate::t!("figure-width-wrong-hint")),
            ));
            1.0
        }
    };
    let file = f.file.trim().to_string();
    let resolved = match inside_library(path, &file) {
        Ok(p) => Some(p),
        Err((message, hint)) => {
            errors.push(at("file", Diagnostic::error(path, message).hint(hint)));
            None
        }
    };
    if errors.len() > before {
        return None;
    }
    let (line, column) = places.key(i, j, "file").unzip();
    Some(Figure {
        file,
        path: resolved?,
        alt: alt.to_string(),
        caption: f
            .caption
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
        width,
        field,
        line,
        column,
    })
}
