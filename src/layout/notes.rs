//! A "Notities" page: what a leaflet's page count is padded with when the print shop
//! prints in multiples of four. A patient writes questions for the next consultation on
//! it, so it is lined, and it carries the leaflet's footer like every other page (without
//! a page number: the leaflet's own pages keep counting "n/N" of its text).

use super::footer::Footer;
use super::{GlyphRun, Page, PageItem, Rule, Typesetter};
use crate::style::Cmyk;
use crate::text::fonts::FaceId;
use crate::text::items::ItemBuilder;

/// Distance between writing lines, millimetres: the 8 mm ruling of a Dutch school
/// notebook, comfortable for an older hand.
const LINE_PITCH_MM: f32 = 8.0;
/// The writing lines: thin and light, so they guide without shouting (a 30 % K tint on
/// the black plate only).
const LINE_WEIGHT_PT: f32 = 0.5;
const LINE_COLOR: Cmyk = Cmyk::new(0.0, 0.0, 0.0, 0.3);

impl Typesetter<'_> {
    /// A lined notes page with the heading ("Notities", "Mes questions", "Notes") and the
    /// leaflet's footer lines.
    pub fn notes_page(&self, footer: &[String], lang: crate::lang::Lang) -> Page {
        let style = self.style;
        let builder = ItemBuilder {
            fonts: self.fonts,
            hyphenator: self.hyphenator,
            protrusion: style.protrusion,
        };
        let mut page = Page {
            width: style.page_width(),
            height: style.page_height(),
            items: Vec::new(),
            tags: Vec::new(),
        };
        let (left, right) = (
            style.margin_left(),
            style.page_width() - style.margin_right(),
        );
        let heading = builder.fragment(lang.notes_heading(), FaceId::Bold, style.heading_size);
        let heading_y = style.margin_top() + style.heading_size;
        page.items.push(PageItem::Text(GlyphRun {
            face: heading.face,
            size: heading.size,
            color: style.text_color,
            x: left,
            y: heading_y,
            glyphs: heading.glyphs,
            scale: heading.scale,
        }));
        // The footer as the leaflet's pages have it, without a page number.
        let foot = Footer::new(footer, lang, &builder, style);
        foot.draw(&mut page, None, &builder, style);
        let footer_top = foot.top();
        let pitch = LINE_PITCH_MM * crate::style::PT_PER_MM;
        let mut y = heading_y + 1.5 * pitch;
        while y < footer_top - pitch / 2.0 {
            page.items.push(PageItem::Rule(Rule {
                x1: left,
                y1: y,
                x2: right,
                y2: y,
                thickness: LINE_WEIGHT_PT,
                color: LINE_COLOR,
            }));
            y += pitch;
        }
        page
    }
}
