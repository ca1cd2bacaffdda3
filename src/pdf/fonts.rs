//! Font subsetting: only the glyphs a leaflet uses go into its PDF (subsetter, the crate
//! Typst uses), renumbered densely, with the text each glyph stands for kept for
//! ToUnicode so copy, search and `pdftotext` give the words back.

use crate::layout::{Page, PageItem};
use crate::text::fonts::{Face, FaceId, Fonts};
use printpdf::{FontId, ParsedFont};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

pub struct Subset {
    pub face: FaceId,
    pub font_id: FontId,
    pub parsed: ParsedFont,
    remapper: GlyphRemapper,
    /// Original glyph id → the text it stands for (first use wins, in page order).
    texts: BTreeMap<u16, String>,
}

impl Subset {
    pub fn new_gid(&self, old: u16) -> u16 {
        self.remapper.get(old).unwrap_or(0)
    }
    /// The original ids of the glyphs kept, ascending.
    pub fn glyph_ids(&self) -> impl Iterator<Item = u16> + '_ {
        self.texts.keys().copied()
    }
    pub fn text_of(&self, old: u16) -> &str {
        self.texts.get(&old).map_or("", String::as_str)
    }
    pub fn advance(&self, old: u16, face: &Face) -> f32 {
        face.advance(old)
    }
}

/// Text that shows nothing: soft hyphens and zero-width characters.
fn invisible(text: &str) -> bool {
    text.chars().all(
        |c| matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'),
    )
}

fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}')
}

/// One subset per face in use, in face order (so resource names are stable: F1…F4).
pub fn subset(pages: &[Page], fonts: &Fonts) -> Vec<Subset> {
    let mut used: BTreeMap<FaceId, BTreeMap<u16, String>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let PageItem::Text(run) = item {
                let texts = used.entry(run.face).or_default();
                for g in &run.glyphs {
                    let entry = texts.entry(g.id).or_default();
                    // One glyph may stand for several characters (a space, a no-break space,
                    // an invisible format character); the first visible one is what a reader
                    // copying the text should get.
                    // A plain space also wins over the no-break spaces sharing its glyph
                    // (French U+202F before "?"): footer text copied with narrow no-break
                    // spaces between all its words would surprise a reader.
                    let plain_space = g.text == " " && entry.chars().all(is_no_break_space);
                    if entry.is_empty() || plain_space || (invisible(entry) && !invisible(&g.text))
                    {
                        entry.clear();
                        entry.push_str(&g.text);
                    }
                }
            }
        }
    }
    used.into_iter()
        .map(|(face, texts)| {
            let gids: Vec<u16> = std::iter::once(0).chain(texts.keys().copied()).collect();
            let remapper = GlyphRemapper::new_from_glyphs_sorted(&gids);
            let data = fonts.face(face).data;
            let bytes = subsetter::subset(data, 0, &remapper).unwrap_or_else(|_| data.to_vec());
            let mut warnings = Vec::new();
            let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
                .or_else(|| ParsedFont::from_bytes(data, 0, &mut warnings))
                .expect("the embedded font parses");
            Subset {
                face,
                font_id: FontId(format!("F{}", face.index() + 1)),
                parsed,
                remapper,
                texts,
            }
        })
        .collect()
}
