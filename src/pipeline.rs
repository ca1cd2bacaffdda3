//! One leaflet through every stage, with the run-wide resources (fonts, hyphenation
//! patterns) loaded once and shared.

use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, Note};
use crate::layout::{Layout, Typesetter};
use crate::model::{self, Leaflet};
use crate::pdf::{self, Meta, Target};
use crate::shared::SharedData;
use crate::text::fonts::Fonts;
use crate::text::hyphenate::Hyphenator;
use std::path::Path;

/// What every leaflet of a run shares: loaded once, read by all threads.
pub struct Engine {
    pub fonts: Fonts,
    pub hyphenator: Hyphenator,
}

impl Engine {
    /// Loads the fonts and the Dutch patterns, with a library's hyphenation exceptions.
    pub fn new(exceptions: &str) -> Engine {
        Engine {
            fonts: Fonts::embedded(),
            hyphenator: Hyphenator::dutch(exceptions),
        }
    }
}

/// Everything one leaflet's build produced.
pub struct Built {
    pub leaflet: Leaflet,
    /// Everything `build` should report although the PDF was written: the source's traps,
    /// the document stage's assumptions, layout's complaints.
    pub warnings: Vec<Diagnostic>,
    pub document: Document,
    pub layout: Layout,
    pub pdf: Vec<u8>,
}

/// Parses, lays out and renders one leaflet. Errors carry file, line and field.
pub fn build(
    engine: &Engine,
    shared: &SharedData,
    path: &Path,
    source: &str,
    target: Target,
) -> Result<Built, Vec<Diagnostic>> {
    let leaflet = model::parse(path, source, shared)?;
    let (document, layout) = typeset(engine, shared, path, source, &leaflet)?;
    let meta = Meta {
        title: leaflet.title.clone(),
        authors: leaflet.authors.clone(),
        revised: leaflet.revised,
        lang: "nl-BE".into(),
    };
    let pdf = pdf::write(&layout.pages, &meta, target, &engine.fonts);
    let mut warnings = leaflet.warnings.clone();
    warnings.extend(note_diagnostics(path, source, &leaflet, &document.notes));
    warnings.extend(
        layout
            .warnings
            .iter()
            .map(|w| Diagnostic::warning(path, w.clone())),
    );
    Ok(Built {
        warnings,
        leaflet,
        document,
        layout,
        pdf,
    })
}

/// The stages between a checked leaflet and its pages.
pub fn typeset(
    engine: &Engine,
    shared: &SharedData,
    path: &Path,
    source: &str,
    leaflet: &Leaflet,
) -> Result<(Document, Layout), Vec<Diagnostic>> {
    // Field positions were taken on the source without its byte-order mark.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let document = document::build(leaflet, &shared.style);
    if document.notes.iter().any(|n| n.error) {
        let errors = note_diagnostics(path, source, leaflet, &document.notes);
        return Err(errors.into_iter().filter(Diagnostic::is_error).collect());
    }
    let typesetter = Typesetter {
        fonts: &engine.fonts,
        hyphenator: &engine.hyphenator,
        style: &shared.style,
    };
    // Characters the fonts lack are found in the fields, where their line and column are
    // known; layout's own check stays as the backstop for text from `_data`.
    let unprintable: Vec<Diagnostic> =
        crate::lint::unprintable(path, source, &leaflet.fields, &engine.fonts);
    if !unprintable.is_empty() {
        return Err(unprintable);
    }
    let layout = typesetter.layout(&document, path).map_err(|d| vec![d])?;
    Ok((document, layout))
}

/// The document stage's notes as diagnostics at the line and column where the construct was
/// typed (the field's key when the value is not in the source verbatim).
pub fn note_diagnostics(
    path: &Path,
    source: &str,
    leaflet: &Leaflet,
    notes: &[Note],
) -> Vec<Diagnostic> {
    // Field positions were taken on the source without its byte-order mark.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    notes
        .iter()
        .map(|n| {
            let d = if n.error {
                Diagnostic::error(path, n.message.clone())
            } else {
                Diagnostic::warning(path, n.message.clone())
            };
            let d = d.field(&n.field).hint(n.hint.clone());
            let Some(f) = leaflet.fields.iter().find(|f| f.field == n.field) else {
                return d;
            };
            let before = f.value.get(..n.at).unwrap_or(&f.value);
            let line = before.matches('\n').count();
            let col = before.rsplit('\n').next().unwrap_or("").chars().count();
            match f.place(source, line, col) {
                Some((l, c, true)) => d.at(l, c).spanning(n.width),
                Some((l, c, false)) => d.at(l, c).spanning(f.key.chars().count()),
                None => d,
            }
        })
        .collect()
}
