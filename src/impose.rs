//! Imposition for the office printer: A5 pages placed on A4 landscape sheets, as vector
//! copies of the laid-out pages (no PDF is re-read).
//!
//! - Booklet: saddle stitch. Pages padded with blanks to a multiple of 4; sheet sides run
//!   n,1 | 2,n−1 | n−2,3 | …; print duplex, flipped on the short edge, fold in the middle.
//! - 2-up: every page twice side by side, to print and cut in half.

use crate::layout::{Page, PageItem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imposition {
    Booklet,
    TwoUp,
}

/// What to tell the person at the printer.
pub fn printer_advice(kind: Imposition) -> &'static str {
    match kind {
        Imposition::Booklet => {
            "print on A4, double-sided, flip on the SHORT edge, at 100 % (no \"fit to page\"); fold the stack in the middle"
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
                width: 2.0 * w,
                height: h,
                items: Vec::new(),
            };
            for (page, dx) in [(left, 0.0), (right, w)] {
                if let Some(page) = page {
                    sheet
                        .items
                        .extend(page.items.iter().map(|i| shifted(i, dx)));
                }
            }
            sheet
        })
        .collect()
}

fn shifted(item: &PageItem, dx: f32) -> PageItem {
    let mut item = item.clone();
    match &mut item {
        PageItem::Text(r) => r.x += dx,
        PageItem::Rule(r) => {
            r.x1 += dx;
            r.x2 += dx;
        }
        PageItem::Fill(f) => f.x += dx,
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

    #[test]
    fn booklet_pads_to_four() {
        assert_eq!(booklet_order(2), vec![(4, 1), (2, 3)]);
        assert_eq!(booklet_order(5).len(), 4);
    }
}
