//! Layout: document blocks in, pages of positioned glyph runs, rules and tinted boxes out.
//!
//! Nothing here knows about PDF. Coordinates are points with the origin at the top-left of
//! the trimmed page, so a test can assert on positions and a second consumer (a PNG preview,
//! an imposition) reads the same pages.

pub mod figure;
pub mod footer;
pub mod linebreak;
pub mod notes;
pub mod pages;
pub mod paragraph;
pub mod table;

use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Document};
use crate::style::{Cmyk, HouseStyle};
use crate::text::fonts::{FaceId, Fonts};
use crate::text::hyphenate::Hyphenator;
use crate::text::items::{Glyph, ItemBuilder};
use std::path::Path;
use unicode_normalization::char::is_combining_mark;

/// A leaflet that lays out to more pages than this is a mistake (a pasted book), not a
/// leaflet; refusing it keeps a batch fast and the print shop's bill sane.
pub const MAX_PAGES: usize = 64;

/// More combining marks than this on one letter are refused.
pub const MAX_STACKED_MARKS: usize = 4;

/// Glyphs of one face, size and colour on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub face: FaceId,
    pub size: f32,
    pub color: Cmyk,
    /// Pen position of the first glyph, baseline.
    pub x: f32,
    pub y: f32,
    /// Glyph x positions are relative to `x`.
    pub glyphs: Vec<Glyph>,
    /// Horizontal glyph scale (PDF `Tz`, 1.0 natural); positions and advances include it.
    pub scale: f32,
}

impl GlyphRun {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
    pub fn right(&self) -> f32 {
        self.glyphs
            .last()
            .map_or(self.x, |g| self.x + g.x + g.advance)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub thickness: f32,
    pub color: Cmyk,
}

/// A tinted rectangle. Edges lying on the trim are extended into the bleed by the print
/// output, so no white hairline shows after cutting.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub color: Cmyk,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PageItem {
    Text(GlyphRun),
    Rule(Rule),
    Fill(Fill),
    /// A figure or the logo: the PDF writer embeds its picture once per file.
    Image(figure::PlacedImage),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<PageItem>,
    /// What the page's text items say to a reader, by ascending item index. An item with
    /// no tag is decoration or page furniture (band, tints, rules, footer, an added hyphen):
    /// tagged PDF marks it as an artifact, so a screen reader skips it.
    pub tags: Vec<Tag>,
}

/// A text item that belongs to the document's content: which part of which block it
/// sets, and whether a word space follows it (the layout places words apart with no
/// space character; tagged PDF writes a real one so extracted text has its spaces).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tag {
    pub item: usize,
    pub content: crate::document::tree::Content,
    pub space_after: bool,
}

impl Page {
    /// Pushes a text item of the content, tagged.
    pub fn push_content(
        &mut self,
        run: GlyphRun,
        content: crate::document::tree::Content,
        space_after: bool,
    ) {
        self.tags.push(Tag {
            item: self.items.len(),
            content,
            space_after,
        });
        self.items.push(PageItem::Text(run));
    }
}

impl Page {
    pub fn runs(&self) -> impl Iterator<Item = &GlyphRun> {
        self.items.iter().filter_map(|i| match i {
            PageItem::Text(r) => Some(r),
            _ => None,
        })
    }
}

/// What the quality report needs to know about each set line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineStat {
    pub kind: BlockKind,
    /// Index of the line's block in the document.
    pub block: usize,
    pub page: usize,
    pub text: String,
    pub justified: bool,
    /// The paragraph's last line (never stretched, so not counted in spacing figures).
    pub last_of_paragraph: bool,
    /// Word space as set ÷ the font's natural space; `None` for a line without spaces.
    pub space_ratio: Option<f32>,
    pub hyphenated: bool,
    /// A glyph beyond the measure, apart from protruded punctuation.
    pub overfull: bool,
    /// How much shorter than the measure the line is, as a fraction of it.
    pub shortfall: f32,
    /// Letter-spacing per gap between glyphs, ems.
    pub letter_ems: f32,
    /// Glyph width factor (PDF `Tz`).
    pub expansion: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageStats {
    /// A paragraph's last line alone at the top of a page.
    pub widows: usize,
    /// A paragraph's first line alone at the foot of a page.
    pub orphans: usize,
    /// A heading as the last thing on a page.
    pub headings_at_foot: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub lines: Vec<LineStat>,
    pub page_stats: PageStats,
    pub warnings: Vec<crate::text::items::TextWarning>,
    /// For each warning, where the text it is about was typed (when it came from a block
    /// of the leaflet's own text).
    pub warning_origins: Vec<Option<crate::document::Origin>>,
    /// Each figure's size, in document order: the pipeline checks resolution and reports
    /// a figure that had to shrink.
    pub figures: Vec<figure::FigureFit>,
}

/// Everything layout needs that is loaded once per run and shared by every leaflet.
pub struct Typesetter<'a> {
    pub fonts: &'a Fonts,
    pub hyphenator: &'a Hyphenator,
    pub style: &'a HouseStyle,
}

impl Typesetter<'_> {
    pub fn layout(&self, doc: &Document, file: &Path) -> Result<Layout, Diagnostic> {
        self.check_glyphs(doc, file)?;
        let builder = ItemBuilder {
            fonts: self.fonts,
            hyphenator: self.hyphenator,
            protrusion: self.style.protrusion,
        };
        // The footer's lines are set whole, never broken: one wider than the measure (a long
        // author list) would run off the page.
        for line in &doc.footer {
            let width = builder
                .fragment(line, FaceId::Regular, self.style.footer_size)
                .width;
            if width > self.style.measure() {
                let fits = (line.chars().count() as f32 * self.style.measure() / width) as usize;
                return Err(Diagnostic::error(
                    file,
                    crate::t!("footer-too-long", line = line.as_str()),
                )
                .field("authors")
                .hint(crate::t!("footer-too-long-hint", fits = fits)));
            }
        }
        let mut warnings = Vec::new();
        let mut tables = Vec::with_capacity(doc.blocks.len());
        let mut origins = Vec::new();
        let blocks: Vec<paragraph::SetBlock> = doc
            .blocks
            .iter()
            .map(|b| {
                let before = warnings.len();
                let set = match &b.table {
                    // A table's text is in its cells, set by `table`; its block has no lines.
                    Some(t) => {
                        tables.push(Some(table::set_table(
                            b,
                            t,
                            &builder,
                            self.style,
                            &mut warnings,
                        )));
                        paragraph::SetBlock {
                            kind: b.kind,
                            lines: Vec::new(),
                            marker: None,
                        }
                    }
                    None => {
                        tables.push(None);
                        paragraph::set_block(b, &builder, self.style, &mut warnings)
                    }
                };
                origins.resize(warnings.len(), None);
                origins[before..].fill(b.origin.clone());
                set
            })
            .collect();
        // A block that is never split (title, department, route) taller than a page would
        // overflow it, past the footer and off the trim.
        let body = pages::body_height(doc, &builder, self.style);
        for (block, set) in doc.blocks.iter().zip(&blocks) {
            let padding = match block.background {
                Some(_) => 2.0 * paragraph::route_padding(self.style),
                None => 0.0,
            };
            let height = set.lines.len() as f32 * block.leading + padding;
            if block.unbreakable && height > body + 0.01 {
                let field = match block.kind {
                    BlockKind::Department => "department",
                    BlockKind::Subtitle => "subtitle",
                    BlockKind::Route => "route",
                    BlockKind::Contact => "contact",
                    _ => "title",
                };
                return Err(Diagnostic::error(
                    file,
                    format!(
                        "the {field} is {} lines long and does not fit on one page",
                        set.lines.len()
                    ),
                )
                .field(field)
                .hint(format!(
                    "shorten the {field}: it is never split across pages"
                )));
            }
        }
        let mut layout = pages::paginate(doc, &blocks, &tables, &builder, self.style);
        layout.warning_origins = vec![None; layout.warnings.len()];
        layout.warnings.extend(warnings);
        layout.warning_origins.extend(origins);
        if layout.pages.len() > MAX_PAGES {
            return Err(Diagnostic::error(
                file,
                crate::t!(
                    "too-many-pages",
                    pages = layout.pages.len(),
                    max = MAX_PAGES
                ),
            )
            .hint(crate::t!("too-many-pages-hint")));
        }
        Ok(layout)
    }

    /// A character no face has would print as an empty box: refuse it, saying where.
    fn check_glyphs(&self, doc: &Document, file: &Path) -> Result<(), Diagnostic> {
        let mut texts: Vec<(&str, FaceId, String)> = Vec::new();
        for b in &doc.blocks {
            for r in b.all_runs() {
                texts.push((&r.text, r.face, format!("{:?}", b.kind).to_lowercase()));
            }
        }
        for line in &doc.footer {
            texts.push((line, FaceId::Regular, "authors".into()));
        }
        for (text, face, kind) in texts {
            // Stacked accents ("Zalgo" text) are drawn each a little further along by the
            // font: 50,000 of them on one letter ran off the page.
            let mut stacked = 0;
            for c in text.chars() {
                stacked = if is_combining_mark(c) { stacked + 1 } else { 0 };
                if stacked > MAX_STACKED_MARKS {
                    return Err(Diagnostic::error(
                        file,
                        crate::t!(
                            "stacked-accents",
                            kind = crate::t!("block-kind", kind = kind.as_str()),
                            max = MAX_STACKED_MARKS
                        ),
                    )
                    .hint(crate::t!("stacked-accents-hint")));
                }
            }
            // An accent that composes into no letter would be set on the wrong one.
            if text.chars().any(is_combining_mark) {
                let letters: Vec<char> = text.chars().collect();
                if let Some(r) = crate::text::marks::floating(&letters).first() {
                    let (message, hint) = crate::text::marks::refusal(&letters[r.clone()]);
                    return Err(Diagnostic::error(file, message).hint(hint));
                }
            }
            if let Some(c) = text
                .chars()
                .find(|&c| !c.is_whitespace() && !self.fonts.has_char(face, c))
            {
                let context: String = text
                    .split(c)
                    .next()
                    .unwrap_or("")
                    .chars()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .filter(|c: &char| !c.is_control())
                    .collect();
                // A control character is named, not echoed: printed raw it would ring the
                // terminal's bell or rewrite the screen (an escaped "\e" in `authors`).
                let shown = if c.is_control() {
                    crate::t!("glyph-control")
                } else {
                    crate::t!("glyph-char", char = c.to_string())
                };
                return Err(Diagnostic::error(
                    file,
                    crate::t!(
                        "glyph-missing",
                        shown = shown,
                        code = format!("{:04X}", c as u32),
                        kind = crate::t!("block-kind", kind = kind.as_str()),
                        context = context
                    ),
                )
                .hint(crate::t!("glyph-missing-hint")));
            }
        }
        Ok(())
    }
}
