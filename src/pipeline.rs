//! One leaflet through every stage, with the run-wide resources (fonts, hyphenation
//! patterns) loaded once and shared.

use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, Note, Origin};
use crate::lang::Lang;
use crate::layout::{Layout, Typesetter};
use crate::model::{self, Leaflet};
use crate::pdf::{self, Meta, Target};
use crate::shared::SharedData;
use crate::sourcemap::TextField;
use crate::style::{Padding, Paper};
use crate::t;
use crate::text::fonts::Fonts;
use crate::text::hyphenate::Hyphenator;
use crate::text::items::{TextWarning, TextWarningKind};
use std::path::Path;
use std::sync::OnceLock;

/// What every leaflet of a run shares: loaded once, read by all threads.
pub struct Engine {
    pub fonts: Fonts,
    /// The Dutch patterns with the library's exceptions: most leaflets need only these.
    pub hyphenator: Hyphenator,
    /// French and English patterns, loaded by the first leaflet in that language.
    french: OnceLock<Hyphenator>,
    english: OnceLock<Hyphenator>,
}

impl Engine {
    /// Loads the fonts and the Dutch patterns, with a library's hyphenation exceptions.
    pub fn new(exceptions: &str) -> Engine {
        Engine {
            fonts: Fonts::embedded(),
            hyphenator: Hyphenator::dutch(exceptions),
            french: OnceLock::new(),
            english: OnceLock::new(),
        }
    }

    /// The hyphenator of a leaflet's language. The library's exception list is Dutch
    /// (`_data/hyphenation.txt`), so the other languages go by their patterns alone.
    pub fn hyphenator(&self, lang: Lang) -> &Hyphenator {
        match lang {
            Lang::Nl => &self.hyphenator,
            Lang::Fr => self
                .french
                .get_or_init(|| Hyphenator::for_lang(Lang::Fr, "")),
            Lang::En => self
                .english
                .get_or_init(|| Hyphenator::for_lang(Lang::En, "")),
        }
    }
}

/// The metadata of a leaflet's PDF: title, authors, date, language and document control.
pub fn meta(leaflet: &Leaflet) -> Meta {
    Meta {
        title: leaflet.title.clone(),
        authors: leaflet.authors.clone(),
        revised: leaflet.revised,
        lang: leaflet.lang.tag().into(),
        code: leaflet.code.clone(),
        version: leaflet.version,
        online: leaflet.online.clone(),
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
    let judged = crate::placement::judge(
        path,
        &document,
        &layout,
        matches!(target, Target::Print { .. }),
    );
    if judged.iter().any(Diagnostic::is_error) {
        return Err(judged.into_iter().filter(Diagnostic::is_error).collect());
    }
    let meta = meta(&leaflet);
    let mut warnings = leaflet.warnings.clone();
    warnings.extend(judged);
    let style = &shared.style;
    let settings = pdf::PrintSettings {
        output: match style.output_condition {
            Paper::Coated => pdf::OutputCondition::Coated,
            Paper::Uncoated => pdf::OutputCondition::Uncoated,
        },
    };
    let pdf = match (target, style.pad_pages) {
        // The shop folds or imposes whole sheets; the office printer needs no padding.
        (Target::Print { .. }, Some(multiple)) => {
            let typesetter = Typesetter {
                fonts: &engine.fonts,
                hyphenator: engine.hyphenator(leaflet.lang),
                style,
            };
            let notes = typesetter.notes_page(&document.footer, document.lang);
            let padding = match style.padding {
                Padding::Notities => pdf::Padding::Notes,
                Padding::Blank => pdf::Padding::Blank,
            };
            let padded = pdf::pad(&layout.pages, pdf::PageCount { multiple, padding }, &notes);
            if let Some(w) = padded.warning {
                warnings.push(Diagnostic::warning(path, w));
            }
            pdf::write_with(&padded.pages, &meta, target, &engine.fonts, &settings)
        }
        _ => {
            // The office file is tagged (PDF/UA-1) from the document's structure.
            let tree = document::tree::Tree::build(&document, style);
            let structure = Some(&tree);
            pdf::write_tagged(
                &layout.pages,
                &meta,
                target,
                &engine.fonts,
                &settings,
                structure,
            )
        }
    };
    warnings.extend(note_diagnostics(path, source, &leaflet, &document.notes));
    let stripped = source.strip_prefix('\u{feff}').unwrap_or(source);
    warnings.extend(
        layout
            .warnings
            .iter()
            .zip(&layout.warning_origins)
            .map(|(w, o)| layout_diagnostic(path, stripped, &leaflet.fields, w, o.as_ref(), false)),
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
    let pictures = crate::placement::read(path, leaflet, shared)?;
    let document = document::build_with(leaflet, &shared.style, &pictures);
    // A refused construct stops here (a failed build reports errors only; `check` adds the
    // warnings of the same text, see `check::check_source`).
    if document.notes.iter().any(|n| n.error) {
        let errors = note_diagnostics(path, source, leaflet, &document.notes);
        return Err(errors.into_iter().filter(Diagnostic::is_error).collect());
    }
    if crate::lint::has_control(&leaflet.fields) {
        return Err(crate::lint::unprintable(
            path,
            source,
            &leaflet.fields,
            &engine.fonts,
            true,
        ));
    }
    let typesetter = Typesetter {
        fonts: &engine.fonts,
        hyphenator: engine.hyphenator(leaflet.lang),
        style: &shared.style,
    };
    // Characters the fonts lack: layout refuses them without knowing where they were
    // typed; the fields do know, so a refusal is reported from there (only on failure, so a
    // good leaflet pays nothing for it).
    let layout = typesetter.layout(&document, path).map_err(|d| {
        let located = crate::lint::unprintable(path, source, &leaflet.fields, &engine.fonts, false);
        if located.is_empty() { vec![d] } else { located }
    })?;
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

/// Points `d` at `word` in the leaflet's texts: in the field and from the place where the
/// block it is about was typed, when layout knows that block; else at its first occurrence.
pub fn place_word(
    d: Diagnostic,
    source: &str,
    fields: &[TextField],
    word: &str,
    origin: Option<&Origin>,
) -> Diagnostic {
    // Layout shows only the start of a very long word, ending in "…".
    let word = word.trim_end_matches('…');
    if let Some(o) = origin
        && let Some(f) = fields.iter().find(|f| f.field == o.field)
        && let Some(i) = f.value.get(o.at..).and_then(|rest| rest.find(word))
    {
        let before = &f.value[..o.at + i];
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().unwrap_or("").chars().count();
        if let Some((l, c)) = f.position(source, line, col) {
            return d.field(&f.field).at(l, c);
        }
    }
    for f in fields {
        for (l, line) in f.value.split('\n').enumerate() {
            if let Some(i) = line.find(word) {
                let col = line[..i].chars().count();
                if let Some((line, col)) = f.position(source, l, col) {
                    return d.field(&f.field).at(line, col);
                }
            }
        }
    }
    d
}

/// A layout warning as a diagnostic at the words it is about, searched from where their
/// block was typed. `check` reports a word cut where no hyphen belongs as an error (the
/// author must act); `build` has already made the PDF, so it warns.
pub fn layout_diagnostic(
    path: &Path,
    source: &str,
    fields: &[TextField],
    warning: &TextWarning,
    origin: Option<&Origin>,
    cut_is_error: bool,
) -> Diagnostic {
    let word = warning.words.as_str();
    let d = match warning.kind {
        TextWarningKind::WordCut if cut_is_error => {
            Diagnostic::error(path, t!("word-too-wide", word = word)).hint(t!("word-too-wide-hint"))
        }
        TextWarningKind::WordCut => {
            Diagnostic::warning(path, &warning.message).hint(t!("word-too-wide-hint"))
        }
        TextWarningKind::TieSplit => {
            Diagnostic::warning(path, &warning.message).hint(t!("tie-split-hint"))
        }
    };
    place_word(
        d.spanning(word.chars().count()),
        source,
        fields,
        word,
        origin,
    )
}
