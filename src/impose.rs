//! Imposition for the office printer: A5 pages placed on A4 landscape sheets, as vector
//! copies of the laid-out pages (no PDF is re-read).
//!
//! Sheets are exactly A4 (297 × 210 mm) with the pair of pages centred, so a printer set
//! to A4 at 100 % neither scales nor shifts them: two 148 mm pages leave half a millimetre
//! either side, and the fold lands on the sheet's middle.
//!
//! - Booklet: saddle stitch. Pages padded with blanks to a multiple of 4; sheet sides run
//!   n,1 | 2,n−1 | n−2,3 | …; print duplex, flipped on the short edge, fold in the middle.
//! - 2-up: every page twice side by side, to print and cut in half.

use crate::layout::{Page, PageItem};
use crate::style::PT_PER_MM;

/// A4 landscape, points.
pub const SHEET: (f32, f32) = (297.0 * PT_PER_MM, 210.0 * PT_PER_MM);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imposition {
    Booklet,
    TwoUp,
}

/// What to tell the person at the printer.
pub fn printer_advice(kind: Imposition) -> &'static str {
    match kind {
        Imposition::Booklet => {
            "print on A4 landscape, double-sided, flip on the SHORT edge, at 100 % (no \"fit to page\"); fold the stack in the middle"
        }
        Imposition::TwoUp => {
            "print on A4 landscape at 100 % (no \"fit to page\"), then cut each sheet in half"
        }
    }
}

/// The order of pages on booklet sheet sides (1-based; pages above `count` are blanks):
/// `[(left, right); sides]`.
pub fn booklet_order(count: usize) -> Vec<(usize, usize)> {
    let n = count.div_ceil(4).max(1) * 4;
    (0..n / 2)
        .map(|k| {
            let low = k + 1;
            let high = n - k;
            // Front sides carry the high page on the left; back sides the low page.
            if k % 2 == 0 { (high, low) } else { (low, high) }
        })
        .collect()
}

pub fn impose(pages: &[Page], kind: Imposition) -> Vec<Page> {
    let Some(first) = pages.first() else {
        return Vec::new();
    };
    let (w, h) = (first.width, first.height);
    // A house style with pages larger than A5 still imposes, on a sheet that fits them.
    let sheet_w = SHEET.0.max(2.0 * w);
    let sheet_h = SHEET.1.max(h);
    let (x0, y0) = ((sheet_w - 2.0 * w) / 2.0, (sheet_h - h) / 2.0);
    let pairs: Vec<(Option<&Page>, Option<&Page>)> = match kind {
        Imposition::Booklet => booklet_order(pages.len())
            .into_iter()
            .map(|(l, r)| (pages.get(l - 1), pages.get(r - 1)))
            .collect(),
        Imposition::TwoUp => pages.iter().map(|p| (Some(p), Some(p))).collect(),
    };
    pairs
        .into_iter()
        .map(|(left, right)| {
            let mut sheet = Page {
                width: sheet_w,
                height: sheet_h,
                items: Vec::new(),
                tags: Vec::new(),
            };
            for (page, dx) in [(left, x0), (right, x0 + w)] {
                if let Some(page) = page {
                    sheet
                        .items
                        .extend(page.items.iter().map(|i| shifted(i, dx, y0)));
                }
            }
            sheet
        })
        .collect()
}

fn shifted(item: &PageItem, dx: f32, dy: f32) -> PageItem {
    let mut item = item.clone();
    match &mut item {
        PageItem::Text(r) => {
            r.x += dx;
            r.y += dy;
        }
        PageItem::Rule(r) => {
            r.x1 += dx;
            r.x2 += dx;
            r.y1 += dy;
            r.y2 += dy;
        }
        PageItem::Fill(f) => {
            f.x += dx;
            f.y += dy;
        }
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booklet_of_eight_pages() {
        assert_eq!(booklet_order(8), vec![(8, 1), (2, 7), (6, 3), (4, 5)]);
    }

    /// A page that carries its own number as the x of a single marker rule.
    fn numbered(n: usize) -> Page {
        Page {
            width: 148.0 * PT_PER_MM,
            height: 210.0 * PT_PER_MM,
            items: vec![PageItem::Rule(crate::layout::Rule {
                x1: n as f32,
                y1: 10.0,
                x2: n as f32,
                y2: 20.0,
                thickness: 1.0,
                color: crate::style::Cmyk::BLACK,
            })],
            tags: Vec::new(),
        }
    }

    /// (left page, right page) of each sheet, read back from where the markers landed.
    fn placed(sheets: &[Page]) -> Vec<(Option<usize>, Option<usize>)> {
        let w = 148.0 * PT_PER_MM;
        let x0 = (SHEET.0 - 2.0 * w) / 2.0;
        sheets
            .iter()
            .map(|s| {
                let mut halves = (None, None);
                for i in &s.items {
                    if let PageItem::Rule(r) = i {
                        if r.x1 < SHEET.0 / 2.0 {
                            halves.0 = Some((r.x1 - x0).round() as usize);
                        } else {
                            halves.1 = Some((r.x1 - x0 - w).round() as usize);
                        }
                    }
                }
                halves
            })
            .collect()
    }

    #[test]
    fn booklet_sheets_carry_pages_in_saddle_stitch_order() {
        let pages: Vec<Page> = (1..=6).map(numbered).collect();
        let sheets = impose(&pages, Imposition::Booklet);
        // Six pages pad to eight: 7 and 8 are blank.
        assert_eq!(
            placed(&sheets),
            vec![
                (None, Some(1)),
                (Some(2), None),
                (Some(6), Some(3)),
                (Some(4), Some(5)),
            ]
        );
    }

    #[test]
    fn sheets_are_exactly_a4_with_pages_centred() {
        let pages: Vec<Page> = (1..=2).map(numbered).collect();
        for kind in [Imposition::Booklet, Imposition::TwoUp] {
            for s in impose(&pages, kind) {
                assert!((s.width - 841.89).abs() < 0.01, "{}", s.width);
                assert!((s.height - 595.276).abs() < 0.01, "{}", s.height);
            }
        }
        let two_up = impose(&pages, Imposition::TwoUp);
        assert_eq!(
            placed(&two_up),
            vec![(Some(1), Some(1)), (Some(2), Some(2))]
        );
        // The marker at x = 1 of the left page sits half a millimetre in from the sheet edge.
        let PageItem::Rule(r) = &two_up[0].items[0] else {
            panic!("the marker is a rule")
        };
        assert!((r.x1 - (1.0 + 0.5 * PT_PER_MM)).abs() < 0.01, "{}", r.x1);
    }

    #[test]
    fn booklet_pads_to_four() {
        assert_eq!(booklet_order(2), vec![(4, 1), (2, 3)]);
        assert_eq!(booklet_order(5).len(), 4);
    }
}
