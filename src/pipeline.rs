//! One leaflet through every stage, with the run-wide resources (fonts, hyphenation
//! patterns) loaded once and shared.

use crate::diagnostic::{Diagnostic, locate_text};
use crate::document::{self, Document};
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
    Ok(Built {
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
    let document = document::build(leaflet, &shared.style);
    let typesetter = Typesetter {
        fonts: &engine.fonts,
        hyphenator: &engine.hyphenator,
        style: &shared.style,
    };
    let layout = typesetter.layout(&document, path).map_err(|mut d| {
        // Point at the offending character in the source when the message names one.
        if let Some(c) = d.message.split('“').nth(1).and_then(|s| s.chars().next())
            && let Some((l, col)) = locate_text(source, &c.to_string())
        {
            d = d.at(l, col);
        }
        vec![d]
    })?;
    Ok((document, layout))
}
