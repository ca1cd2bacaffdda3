//! Imposition for the office printer: A5 pages placed on A4 landscape sheets, as vector
//! copies of the laid-out pages (no PDF is re-read).
//!
//! Sheets are exactly A4 (297 × 210 mm) with the pair of pages centred, so a printer set
//! to A4 at 100 % neither scales nor shifts them: two 148 mm pages leave half a millimetre
//! either side, and the fold lands on the sheet's middle.
//!
//! - Booklet: saddle stitch. Pages padded with blanks to a multiple of 4; sheet sides run
//!   n,1 | 2,n−1 | n−2,3 | …; print duplex, flipped on the short edge, fold in the middle.
//! - 2-up: every page twice side by side, to print and cut in half, with a cut mark at the
//!   top and bottom of the sheet's middle so the guillotine is set without measuring.

use crate::layout::{Page, PageItem};
use crate::style::PT_PER_MM;

/// A4 landscape, points.
pub const SHEET: (f32, f32) = (297.0 * PT_PER_MM, 210.0 * PT_PER_MM);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imposition {
    Booklet,
    TwoUp,
}

/// How far each cut mark reaches into the sheet from its edge: office printers leave the
/// outer 4–5 mm blank, so a mark this long still shows; the page margins are wider.
const CUT_MARK_MM: f32 = 8.0;

/// Thin enough not to draw the eye, thick enough for a laser printer to render.
const CUT_MARK_PT: f32 = 0.5;

/// A booklet of `pages` pages: the warning (message, hint) when it prints blank pages,
/// with what to do instead. A one-page leaflet would come out as a sheet with one page
/// and three blanks; other counts are padded to a multiple of four.
pub fn booklet_warning(pages: usize) -> Option<(String, String)> {
    let blanks = pages.div_ceil(4).max(1) * 4 - pages;
    match (pages, blanks) {
        (_, 0) => None,
        (1, _) => Some((
            crate::t!("booklet-one-page"),
            crate::t!("booklet-one-page-hint"),
        )),
        _ => Some((
            crate::t!("booklet-blanks", pages = pages, blanks = blanks),
            crate::t!("booklet-blanks-hint", more = blanks, fewer = 4 - blanks),
        )),
    }
}

/// What to tell the person at the printer.
pub fn printer_advice(kind: Imposition) -> String {
    match kind {
        Imposition::Booklet => crate::t!("print-booklet"),
        Imposition::TwoUp => crate::t!("print-two-up"),
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
            if kind == Imposition::TwoUp {
                sheet.items.extend(cut_marks(sheet_w, sheet_h));
            }
            sheet
        })
        .collect()
}

/// The two ticks on the line between the pages of a 2-up sheet, from the top and bottom
/// edges inwards.
fn cut_marks(sheet_w: f32, sheet_h: f32) -> [PageItem; 2] {
    let x = sheet_w / 2.0;
    let len = CUT_MARK_MM * PT_PER_MM;
    let tick = |y1: f32, y2: f32| {
        PageItem::Rule(crate::layout::Rule {
            x1: x,
            y1,
            x2: x,
            y2,
            thickness: CUT_MARK_PT,
            color: crate::style::Cmyk::BLACK,
        })
    };
    [tick(0.0, len), tick(sheet_h - len, sheet_h)]
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
        PageItem::Image(i) => {
            i.x += dx;
            i.y += dy;
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
                    if let PageItem::Rule(r) = i
                        && r.thickness == 1.0
                    {
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
    fn two_up_sheets_have_a_cut_mark_at_the_middle_top_and_bottom() {
        let sheets = impose(&[numbered(1)], Imposition::TwoUp);
        let marks: Vec<(f32, f32, f32)> = sheets[0]
            .items
            .iter()
            .filter_map(|i| match i {
                PageItem::Rule(r) if r.thickness == CUT_MARK_PT => Some((r.x1, r.y1, r.y2)),
                _ => None,
            })
            .collect();
        let len = CUT_MARK_MM * PT_PER_MM;
        assert_eq!(
            marks,
            [
                (SHEET.0 / 2.0, 0.0, len),
                (SHEET.0 / 2.0, SHEET.1 - len, SHEET.1)
            ]
        );
        let booklet = impose(&[numbered(1)], Imposition::Booklet);
        assert!(
            booklet.iter().all(|s| s.items.len() <= 1),
            "no marks on a booklet"
        );
    }

    #[test]
    fn booklets_that_print_blanks_say_so() {
        use crate::i18n::{Lang, scoped};
        assert_eq!(booklet_warning(8), None);
        let (message, hint) = scoped(Lang::Nl, || booklet_warning(1)).unwrap();
        assert_eq!(
            message,
            "een boekje van 1 pagina is één blad met 3 lege pagina's"
        );
        assert_eq!(
            hint,
            "druk deze folder 2 per blad af (--two-up) en snij het blad middendoor"
        );
        let (message, hint) = scoped(Lang::En, || booklet_warning(6)).unwrap();
        assert_eq!(message, "the booklet of 6 pages ends with 2 blank pages");
        assert_eq!(
            hint,
            "2 pages more text, or 2 fewer, fills the booklet exactly; or print 2-up (--two-up) and cut"
        );
    }

    #[test]
    fn booklet_pads_to_four() {
        assert_eq!(booklet_order(2), vec![(4, 1), (2, 3)]);
        assert_eq!(booklet_order(5).len(), 4);
    }
}
