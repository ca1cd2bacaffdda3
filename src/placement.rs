//! A leaflet's pictures between the stages: read before the document is built (a file
//! that cannot be placed is refused at the figure's line), and judged after layout, when
//! their printed size is known: resolution at that size, and a figure that had to shrink.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::document::figures::Pictures;
use crate::images;
use crate::layout::Layout;
use crate::model::Leaflet;
use crate::shared::SharedData;
use std::path::Path;

/// Below this effective resolution a photo looks soft in print: a warning.
pub const WARN_PPI: f32 = 300.0;
/// Below this it prints visibly blocky: refused for the print shop, a warning otherwise.
pub const FAIL_PPI: f32 = 150.0;

/// Reads every figure of the leaflet (each file once, however often it is placed) and
/// takes the library's identity and logo.
pub fn read(
    path: &Path,
    leaflet: &Leaflet,
    shared: &SharedData,
) -> Result<Pictures, Vec<Diagnostic>> {
    let mut pictures = Pictures::default();
    let mut errors = Vec::new();
    for f in leaflet.sections.iter().flat_map(|s| &s.figures) {
        if pictures.figures.contains_key(&f.path) {
            continue;
        }
        match images::load(&f.path) {
            Ok(image) => {
                pictures.figures.insert(f.path.clone(), image);
            }
            Err(r) => {
                let message = crate::t!("figure-refused", file = f.file.as_str(), why = r.message);
                let d = Diagnostic::error(path, message)
                    .field(format!("{}.file", f.field))
                    .hint(r.hint);
                errors.push(match (f.line, f.column) {
                    (Some(l), Some(c)) => d.at(l, c),
                    _ => d,
                });
            }
        }
    }
    if let Some(identity) = &shared.identity {
        pictures.identity = Some(identity.hospital.clone());
        pictures.logo = identity.logo.clone();
    }
    if errors.is_empty() {
        Ok(pictures)
    } else {
        Err(errors)
    }
}

/// The printed resolution of a picture `pixels` wide drawn `width_pt` wide.
pub fn effective_ppi(pixels: f32, width_pt: f32) -> f32 {
    pixels / (width_pt / 72.0)
}

/// Findings about the figures as laid out: shrunk to fit, or too few pixels for their
/// size. Below [`FAIL_PPI`] is an error for the print shop (`print`), a warning otherwise.
pub fn judge(path: &Path, document: &Document, layout: &Layout, print: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for fit in &layout.figures {
        let Some(figure) = document.blocks[fit.block].figure.as_ref() else {
            continue;
        };
        let place = |d: Diagnostic| {
            let d = d.field(format!("{}.width", figure.field));
            match (figure.line, figure.column) {
                (Some(l), Some(c)) => d.at(l, c),
                _ => d,
            }
        };
        if let Some(asked) = fit.shrunk_from {
            out.push(place(
                Diagnostic::warning(
                    path,
                    crate::t!(
                        "figure-shrunk",
                        asked = format!("{:.0}", asked * 100.0),
                        printed = format!("{:.0}", fit.share * 100.0)
                    ),
                )
                .hint(crate::t!("figure-shrunk-hint")),
            ));
        }
        let Some(pixels) = figure.image.pixels_across() else {
            continue;
        };
        let ppi = effective_ppi(pixels, fit.width);
        let what = if figure.field == "logo" {
            "logo"
        } else {
            "figure"
        };
        let message = crate::t!(
            "picture-low-ppi",
            what = what,
            ppi = format!("{ppi:.0}"),
            mm = format!("{:.0}", fit.width / crate::style::PT_PER_MM),
            needed = format!("{WARN_PPI:.0}")
        );
        let hint = crate::t!(
            "picture-low-ppi-hint",
            pixels = format!("{:.0}", (WARN_PPI * fit.width / 72.0).ceil())
        );
        if ppi < FAIL_PPI && print {
            out.push(place(Diagnostic::error(path, message).hint(hint)));
        } else if ppi < WARN_PPI - 0.5 {
            out.push(place(Diagnostic::warning(path, message).hint(hint)));
        }
    }
    out
}
