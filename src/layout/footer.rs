//! The footer every page carries: the revision date, the authors and the page number.

use super::{GlyphRun, Page, PageItem, Rule};
use crate::lang::Lang;
use crate::style::HouseStyle;
use crate::text::fonts::FaceId;
use crate::text::items::ItemBuilder;

/// The footer every page carries: revision date and author team on the left, "n/N" (in
/// the leaflet's language) on the right, on one line when they fit and on two when they
/// would crowd.
pub(super) struct Footer {
    lines: Vec<crate::text::items::Fragment>,
    lang: Lang,
    top: f32,
    baseline: f32,
    leading: f32,
}

impl Footer {
    pub(super) fn new(
        footer: &[String],
        lang: Lang,
        builder: &ItemBuilder,
        style: &HouseStyle,
    ) -> Footer {
        let size = style.footer_size;
        let leading = size * 1.35;
        let joined = footer.join("  ·  ");
        let single = builder.fragment(&joined, FaceId::Regular, size);
        let number_room = builder
            .fragment(&lang.page_number_room(), FaceId::Regular, size)
            .width
            + 2.0 * size;
        let one_line = single.width + number_room <= style.measure();
        let lines = if one_line {
            vec![single]
        } else {
            footer
                .iter()
                .map(|l| builder.fragment(l, FaceId::Regular, size))
                .collect()
        };
        let baseline = style.page_height() - style.margin_bottom();
        let top = baseline - lines.len() as f32 * leading - size * 0.6;
        Footer {
            lines,
            lang,
            top,
            baseline,
            leading,
        }
    }

    /// The top of the footer's rule: what the page's content must stay above.
    pub(super) fn top(&self) -> f32 {
        self.top
    }

    /// Draws the rule and the lines, and "n/N" on the right when the page is numbered.
    pub(super) fn draw(
        &self,
        page: &mut Page,
        number: Option<(usize, usize)>,
        builder: &ItemBuilder,
        style: &HouseStyle,
    ) {
        let left = style.margin_left();
        let right = style.page_width() - style.margin_right();
        page.items.push(PageItem::Rule(Rule {
            x1: left,
            y1: self.top,
            x2: right,
            y2: self.top,
            thickness: 0.5,
            color: style.accent_color,
        }));
        let n = self.lines.len();
        for (i, frag) in self.lines.iter().enumerate() {
            page.items.push(PageItem::Text(GlyphRun {
                face: frag.face,
                size: frag.size,
                color: style.text_color,
                x: left,
                y: self.baseline - (n - 1 - i) as f32 * self.leading,
                glyphs: frag.glyphs.clone(),
                scale: frag.scale,
            }));
        }
        let Some((number, of)) = number else {
            return;
        };
        let numbers = builder.fragment(
            &self.lang.page_number(number, of),
            FaceId::Bold,
            style.footer_size,
        );
        page.items.push(PageItem::Text(GlyphRun {
            face: numbers.face,
            size: numbers.size,
            color: style.text_color,
            x: right - numbers.width,
            y: self.baseline,
            glyphs: numbers.glyphs,
            scale: numbers.scale,
        }));
    }
}
