//! Text shown with `Tj`, `TJ`, `'` and `"`: where each run lands, how large it prints and
//! in which colours, measured with the font's own widths.

use super::{GState, Matrix, PaintKind, TextShow, Walker, num};
use crate::preflight::geometry::bbox_of;
use lopdf::{Dictionary, Object};

impl Walker<'_> {
    /// Shows one string or TJ array; returns the text matrix after it.
    pub(super) fn show(
        &mut self,
        gs: &GState,
        mut tm: Matrix,
        items: &[&Object],
        resources: Option<&Dictionary>,
        depth: u32,
    ) -> Matrix {
        let Some(font) = gs.font.clone() else {
            return tm;
        };
        let start = tm;
        let mut codes_shown = Vec::new();
        let mut gaps = Vec::new();
        let mut advance = 0.0f32;
        // Each glyph's code and where it starts along the baseline, for Type 3 glyphs.
        let mut placed: Vec<(u32, f32)> = Vec::new();
        let type3 = self.type3_font(resources, &font).is_some();
        // Without its font the text's width and place are guesses: a shop's RIP stops.
        let mut missing = false;
        let (units, em) = self
            .metrics(resources, &font)
            .map_or((0.001, Matrix::IDENTITY), |m| (m.units, m.em));
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    codes_shown.extend_from_slice(bytes);
                    let (codes, widths): (Vec<u32>, Vec<f32>) = match self.metrics(resources, &font)
                    {
                        Some(m) => m.codes(bytes).into_iter().map(|c| (c, m.width(c))).unzip(),
                        None => {
                            missing = true;
                            bytes.iter().map(|&b| (u32::from(b), 500.0)).unzip()
                        }
                    };
                    for (c, w) in codes.iter().zip(widths) {
                        let word = if *c == 32 && bytes.len() == codes.len() {
                            gs.word_spacing
                        } else {
                            0.0
                        };
                        if type3 {
                            placed.push((*c, advance));
                        }
                        advance += (w * units * gs.size + gs.char_spacing + word) * gs.horizontal;
                    }
                }
                other => {
                    if let Some(n) = num(other) {
                        advance -= n / 1000.0 * gs.size * gs.horizontal;
                        if n <= -200.0 && !codes_shown.is_empty() {
                            gaps.push(codes_shown.len());
                        }
                    }
                }
            }
        }
        tm = Matrix::translate(advance, 0.0).then(&tm);
        if missing {
            let what = format!(
                "page {}: it sets text in /{}, which is not a font in its resources",
                self.page,
                String::from_utf8_lossy(&font)
            );
            // Once per font and page; its place is a guess, so no text is recorded.
            if !self.findings.errors.contains(&what) {
                self.findings.errors.push(what);
            }
            return tm;
        }
        if codes_shown.is_empty() {
            return tm;
        }
        let to_page = start.then(&gs.ctm);
        // The em as printed: the size through every matrix, a Type 3 font's own included.
        let size = gs.size.abs() * em.then(&to_page).vertical_scale();
        let em_text = gs.size.abs() * em.vertical_scale();
        // Ascender and descender as fractions of the size: enough to see a line touch an
        // edge, without reading every glyph outline.
        let (lo, hi) = (gs.rise - 0.25 * em_text, gs.rise + 0.8 * em_text);
        let corners = [
            to_page.apply(0.0, lo),
            to_page.apply(advance, lo),
            to_page.apply(0.0, hi),
            to_page.apply(advance, hi),
        ];
        if matches!(gs.render, 1 | 2 | 5 | 6) {
            // The outline is stroked with the line width in user space, as any path is.
            self.stroke_width(gs);
            self.paint(
                PaintKind::Stroke,
                bbox_of(&corners),
                &gs.stroke,
                gs.overprint_stroke,
            );
        }
        self.type3_glyphs(gs, &font, &to_page, &placed, resources, depth);
        self.findings.text.push(TextShow {
            page: self.page,
            font,
            tiled: self.tiled > 0,
            size,
            bbox: bbox_of(&corners),
            origin: to_page.apply(0.0, gs.rise),
            fill: gs.fill.clone(),
            overprint: gs.overprint_fill,
            codes: codes_shown,
            gaps,
        });
        tm
    }
}
