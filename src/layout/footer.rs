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
    /// Which line the page number shares: the last, unless that one is too wide for it
    /// ("Page 12 of 14" beside a long author list) and an earlier one has room.
    number_line: usize,
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
        let last = lines.len() - 1;
        let number_line = (0..=last)
            .rev()
            .find(|&i| lines[i].width + number_room <= style.measure())
            .unwrap_or(last);
        let baseline = style.page_height() - style.margin_bottom();
        let top = baseline - lines.len() as f32 * leading - size * 0.6;
        Footer {
            lines,
            lang,
            number_line,
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
            y: self.baseline - (self.lines.len() - 1 - self.number_line) as f32 * self.leading,
            glyphs: numbers.glyphs,
            scale: numbers.scale,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::Fonts;
    use crate::text::hyphenate::Hyphenator;

    fn numbers_y(footer: &[String], lang: Lang) -> (f32, f32, String) {
        let fonts = Fonts::embedded();
        let hyphenator = Hyphenator::dutch("");
        let style = HouseStyle::default();
        let builder = ItemBuilder {
            fonts: &fonts,
            hyphenator: &hyphenator,
            protrusion: style.protrusion,
        };
        let f = Footer::new(footer, lang, &builder, &style);
        let mut page = Page {
            width: style.page_width(),
            height: style.page_height(),
            items: Vec::new(),
            tags: Vec::new(),
        };
        f.draw(&mut page, Some((12, 14)), &builder, &style);
        let runs: Vec<&GlyphRun> = page.runs().collect();
        let number = runs.last().unwrap();
        (number.y, f.baseline, number.text())
    }

    #[test]
    fn the_page_number_moves_up_a_line_when_the_authors_line_has_no_room_for_it() {
        let date = Lang::En.last_updated(chrono::NaiveDate::from_ymd_opt(2016, 3, 23).unwrap());
        let short = vec![date.clone(), Lang::En.authors("Haematology team")];
        let (y, baseline, text) = numbers_y(&short, Lang::En);
        assert_eq!(text, "Page 12 of 14");
        assert_eq!(y, baseline);
        // An author list as wide as the measure leaves no room on the last line.
        let long = vec![
            date,
            Lang::En.authors(
                "Dr A. Peeters, Dr B. Janssens, Dr C. Maes, Dr D. Jacobs, Dr E. Mertens, Dr F. Wil",
            ),
        ];
        let (y, baseline, _) = numbers_y(&long, Lang::En);
        assert!(y < baseline, "the number shares the date's line");
    }
}
