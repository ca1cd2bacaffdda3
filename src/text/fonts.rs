//! The typeface, loaded once per process and shared read-only by every leaflet.
//!
//! Advances, kerning and ligatures come from rustybuzz shaping, never from per-character
//! widths: a pair like "Te" or "Vo" is narrower than its parts, and justification is only as
//! even as the widths it starts from.

pub use crate::document::FaceId;
use rustybuzz::{Face as RbFace, UnicodeBuffer};
use std::collections::HashMap;
use std::sync::RwLock;

/// The default family, compiled into the binary so `leaflet` works from any folder.
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/AtkinsonHyperlegible-Regular.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-Bold.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-Italic.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-BoldItalic.ttf"),
];

pub struct Face {
    pub id: FaceId,
    pub data: &'static [u8],
    rb: RbFace<'static>,
    /// Built once, on first use: making a shaping plan per call was a third of all the work
    /// of a build, and a leaflet without italics never needs the italic plans.
    plan: std::sync::OnceLock<rustybuzz::ShapePlan>,
    /// Font units per em.
    pub upem: f32,
    /// Ascender and descender (negative), font units.
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    /// Advance of U+0020, font units: the natural word space.
    pub space_advance: f32,
}

/// One glyph after shaping. Lengths are in font units, so one shaping serves every size.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte range in the shaped text that this glyph stands for; empty for the second and
    /// later glyphs of a cluster. Copy-paste and search read text back through this.
    pub start: usize,
    pub end: usize,
}

pub struct Fonts {
    faces: Vec<Face>,
    /// Words already shaped, shared by all threads of a run: a library repeats its words
    /// (afweersysteem, behandeling, u, de) thousands of times.
    shaped: RwLock<ShapeCache>,
}

/// A face and a word → its glyphs.
type ShapeCache = HashMap<(FaceId, Box<str>), Vec<ShapedGlyph>>;

/// Past this many words the cache starts over, so memory stays bounded on any library.
const SHAPE_CACHE_LIMIT: usize = 200_000;

impl Fonts {
    /// Parses the embedded family. Panics only if the compiled-in fonts are corrupt, which
    /// the test suite would have caught.
    pub fn embedded() -> Fonts {
        let faces = FaceId::ALL
            .iter()
            .map(|&id| {
                let data = FONT_FILES[id.index()];
                let rb = RbFace::from_slice(data, 0).expect("embedded font parses");
                let upem = rb.units_per_em() as f32;
                let space = rb
                    .glyph_index(' ')
                    .and_then(|g| rb.glyph_hor_advance(g))
                    .unwrap_or((upem * 0.25) as u16) as f32;

                Face {
                    id,
                    data,
                    plan: std::sync::OnceLock::new(),
                    upem,
                    ascender: rb.ascender() as f32,
                    descender: rb.descender() as f32,
                    cap_height: rb.capital_height().unwrap_or((upem * 0.7) as i16) as f32,
                    space_advance: space,
                    rb,
                }
            })
            .collect();
        Fonts {
            faces,
            shaped: RwLock::new(HashMap::new()),
        }
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.index()]
    }

    /// Whether the face can draw `c` (a missing glyph would print as an empty box).
    pub fn has_char(&self, id: FaceId, c: char) -> bool {
        self.face(id).rb.glyph_index(c).is_some()
    }

    /// Shapes `text` in one face with the font's default features (kerning, ligatures).
    pub fn shape(&self, id: FaceId, text: &str) -> Vec<ShapedGlyph> {
        let key = (id, Box::<str>::from(text));
        if let Some(glyphs) = self.shaped.read().ok().and_then(|m| m.get(&key).cloned()) {
            return glyphs;
        }
        let glyphs = self.shape_uncached(id, text);
        if let Ok(mut cache) = self.shaped.write() {
            if cache.len() >= SHAPE_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, glyphs.clone());
        }
        glyphs
    }

    fn shape_uncached(&self, id: FaceId, text: &str) -> Vec<ShapedGlyph> {
        let face = self.face(id);
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.set_script(rustybuzz::script::LATIN);
        buffer.set_language(dutch());
        let plan = face.plan.get_or_init(|| {
            rustybuzz::ShapePlan::new(
                &face.rb,
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                Some(&dutch()),
                &[],
            )
        });
        let out = rustybuzz::shape_with_plan(&face.rb, plan, buffer);
        let infos = out.glyph_infos();
        let positions = out.glyph_positions();
        // Where each glyph's cluster ends: the next different cluster, found in one backward
        // pass (searching forward from every glyph was quadratic in a cluster's size, and a
        // letter with 50,000 combining marks hung the build).
        let mut ends = vec![text.len(); infos.len()];
        for i in (0..infos.len().saturating_sub(1)).rev() {
            ends[i] = if infos[i + 1].cluster != infos[i].cluster {
                infos[i + 1].cluster as usize
            } else {
                ends[i + 1]
            };
        }
        let mut glyphs: Vec<ShapedGlyph> = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let first_of_cluster = i == 0 || infos[i - 1].cluster != info.cluster;
            let end = ends[i];
            glyphs.push(ShapedGlyph {
                id: info.glyph_id as u16,
                advance: pos.x_advance as f32,
                x_offset: pos.x_offset as f32,
                y_offset: pos.y_offset as f32,
                start,
                end: if first_of_cluster { end } else { start },
            });
        }
        glyphs
    }
}

fn dutch() -> rustybuzz::Language {
    "nl".parse().expect("`nl` is a language tag")
}

impl Face {
    /// Converts font units to points at `size`.
    pub fn scale(&self, size: f32) -> f32 {
        size / self.upem
    }
}

impl Face {
    /// The glyph's advance in font units, as the font's hmtx table gives it.
    pub fn advance(&self, glyph: u16) -> f32 {
        self.rb
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph))
            .unwrap_or(0) as f32
    }
}
