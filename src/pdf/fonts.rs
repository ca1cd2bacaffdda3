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
    /// `None` when subsetting failed and the whole font is embedded: its glyphs keep their
    /// own ids, so the page must too (the subset's renumbered ids would name other glyphs
    /// of the full font, printing wrong letters without a warning).
    remapper: Option<GlyphRemapper>,
    /// Original glyph id → the text it stands for (first use wins, in page order).
    texts: BTreeMap<u16, String>,
    space: Option<u16>,
}

impl Subset {
    pub fn new_gid(&self, old: u16) -> u16 {
        match &self.remapper {
            Some(r) => r.get(old).unwrap_or(0),
            None => old,
        }
    }
    /// Whether the font program is a subset (the `ABCDEF+` name tag says so to a reader).
    pub fn is_subset(&self) -> bool {
        self.remapper.is_some()
    }
    /// The original id of the space glyph, when the subset keeps one for tagged text.
    pub fn space(&self) -> Option<u16> {
        self.space
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
/// `spaces`: keep each face's space glyph, mapped to U+0020, for tagged output's real word
/// spaces.
pub fn subset(pages: &[Page], fonts: &Fonts, spaces: bool) -> Vec<Subset> {
    let mut used: BTreeMap<FaceId, BTreeMap<u16, String>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let PageItem::Text(run) = item {
                let texts = used.entry(run.face).or_insert_with(|| {
                    let mut texts = BTreeMap::new();
                    // Seeded first, so a no-break space sharing the glyph cannot claim it.
                    if spaces && let Some(g) = space_glyph(fonts, run.face) {
                        texts.insert(g, " ".to_string());
                    }
                    texts
                });
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
            let mut warnings = Vec::new();
            let subset = subset_program(data, &remapper)
                .and_then(|bytes| ParsedFont::from_bytes(&bytes, 0, &mut warnings));
            // Without a subset the whole font goes in, addressed by its own glyph ids.
            let (parsed, remapper) = match subset {
                Some(parsed) => (parsed, Some(remapper)),
                None => (
                    ParsedFont::from_bytes(data, 0, &mut warnings)
                        .expect("the embedded font parses"),
                    None,
                ),
            };
            Subset {
                face,
                font_id: FontId(format!("F{}", face.index() + 1)),
                parsed,
                remapper,
                space: spaces.then(|| space_glyph(fonts, face)).flatten(),
                texts,
            }
        })
        .collect()
}

/// The face's glyph for U+0020, if it has one.
fn space_glyph(fonts: &Fonts, face: FaceId) -> Option<u16> {
    fonts
        .has_char(face, ' ')
        .then(|| fonts.shape(face, " ").first().map(|g| g.id))
        .flatten()
}

/// The subset font program, or `None` when subsetter refuses the font.
fn subset_program(data: &[u8], remapper: &GlyphRemapper) -> Option<Vec<u8>> {
    #[cfg(test)]
    if tests::FAIL_SUBSETTING.with(std::cell::Cell::get) {
        return None;
    }
    subsetter::subset(data, 0, remapper).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::GlyphRun;
    use std::cell::Cell;

    thread_local! {
        /// Makes `subset_program` fail on this thread, as subsetter does on a font it
        /// cannot read.
        pub static FAIL_SUBSETTING: Cell<bool> = const { Cell::new(false) };
    }

    fn page_of(fonts: &Fonts, text: &str) -> Page {
        let glyphs = crate::text::items::ItemBuilder {
            fonts,
            hyphenator: &crate::text::hyphenate::Hyphenator::dutch(""),
            protrusion: false,
        }
        .fragment(text, FaceId::Regular, 10.0)
        .glyphs;
        Page {
            width: 420.0,
            height: 595.0,
            items: vec![PageItem::Text(GlyphRun {
                face: FaceId::Regular,
                size: 10.0,
                color: crate::style::Cmyk::BLACK,
                x: 0.0,
                y: 0.0,
                glyphs,
                scale: 1.0,
            })],
            tags: Vec::new(),
        }
    }

    /// The glyph the page names draws the same outline in the embedded program as the
    /// glyph layout chose in the original font: compared by bounding box and advance.
    fn assert_same_glyphs(fonts: &Fonts, page: &Page, subset: &Subset, program: &[u8]) {
        use rustybuzz::ttf_parser::{Face as TtfFace, GlyphId};
        let original = TtfFace::parse(fonts.face(FaceId::Regular).data, 0).expect("font");
        let embedded = TtfFace::parse(program, 0).expect("embedded program parses");
        for run in page.runs() {
            for g in &run.glyphs {
                let (old, new) = (GlyphId(g.id), GlyphId(subset.new_gid(g.id)));
                assert_eq!(
                    (
                        embedded.glyph_bounding_box(new),
                        embedded.glyph_hor_advance(new)
                    ),
                    (
                        original.glyph_bounding_box(old),
                        original.glyph_hor_advance(old)
                    ),
                    "glyph for {:?}",
                    g.text
                );
            }
        }
    }

    #[test]
    fn a_failed_subset_embeds_the_whole_font_with_its_own_glyph_ids() {
        let fonts = Fonts::embedded();
        let page = page_of(&fonts, "Zwijndrecht, quiz");
        FAIL_SUBSETTING.with(|f| f.set(true));
        let subsets = subset(std::slice::from_ref(&page), &fonts, true);
        FAIL_SUBSETTING.with(|f| f.set(false));
        let s = &subsets[0];
        assert!(!s.is_subset());
        // The whole program: every glyph of the original font is there under its own id.
        let data = fonts.face(FaceId::Regular).data;
        assert_same_glyphs(&fonts, &page, s, data);
        for run in page.runs() {
            for g in &run.glyphs {
                assert_eq!(s.new_gid(g.id), g.id);
            }
        }
    }

    #[test]
    fn a_subset_renumbers_glyphs_and_keeps_their_outlines() {
        let fonts = Fonts::embedded();
        let page = page_of(&fonts, "Zwijndrecht, quiz");
        let gids: Vec<u16> = std::iter::once(0)
            .chain(subset(std::slice::from_ref(&page), &fonts, true)[0].glyph_ids())
            .collect();
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&gids);
        let program = subset_program(fonts.face(FaceId::Regular).data, &remapper)
            .expect("the shipped font subsets");
        let s = &subset(std::slice::from_ref(&page), &fonts, true)[0];
        assert!(s.is_subset());
        assert!(
            page.runs()
                .flat_map(|r| &r.glyphs)
                .any(|g| s.new_gid(g.id) != g.id)
        );
        assert_same_glyphs(&fonts, &page, s, &program);
        assert_eq!(s.text_of(s.space().expect("a space glyph")), " ");
    }

    /// A ligature stands for all its letters: the ToUnicode map gives a glyph's whole
    /// cluster, so copying "officieel" set with an "ffi" glyph gives "ffi", not "f".
    #[test]
    fn a_glyph_for_several_letters_maps_to_all_of_them() {
        let fonts = Fonts::embedded();
        let mut page = page_of(&fonts, "xo");
        let PageItem::Text(run) = &mut page.items[0] else {
            unreachable!()
        };
        run.glyphs[0].text = "ffi".into();
        let gid = run.glyphs[0].id;
        let meta = crate::pdf::Meta {
            title: "t".into(),
            authors: "a".into(),
            revised: chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            lang: "nl-BE".into(),
            code: None,
            version: None,
            online: None,
        };
        let pdf = crate::pdf::write(&[page], &meta, crate::pdf::Target::Office, &fonts);
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let new = subset(&[page_of(&fonts, "xo")], &fonts, false)[0].new_gid(gid);
        let cmap = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter_map(|s| s.decompressed_content().ok().or(Some(s.content.clone())))
            .map(|c| String::from_utf8_lossy(&c).into_owned())
            .find(|c| c.contains("beginbfchar"))
            .expect("a ToUnicode map");
        // U+0066 U+0066 U+0069, as UTF-16BE.
        let entry = format!("<{new:04X}> <006600660069>");
        assert!(
            cmap.to_uppercase().contains(&entry.to_uppercase()),
            "{entry} not in {cmap}"
        );
    }
}
