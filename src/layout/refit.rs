//! A figure pushed to the next page leaves the foot of its page empty: a third of a page
//! with nothing on it reads as the end of the leaflet. Where the figure (with the heading
//! above it and the caption below, which go where it goes) would fit that foot at a little
//! less than its width, it is drawn that much smaller instead, as a typesetter scales a
//! picture to keep it with its text. Never below `MIN_FIT_SCALE`: smaller than that, the
//! picture loses more than the empty foot costs.

use super::Unit;
use super::figure::FigureFit;
use std::ops::Range;

/// The least a figure is scaled to stay on its page: three quarters of its width.
const MIN_FIT_SCALE: f32 = 0.75;
/// Only a foot emptier than this share of the text area is worth a smaller figure.
const EMPTY_FOOT_SHARE: f32 = 0.12;

/// The fits with each figure that starts a page (or follows that page's first heading)
/// scaled to the empty foot of the page before, where it would fit there at ≥
/// `MIN_FIT_SCALE`, and the blocks of the figures scaled; `None` when no figure is in that
/// position.
pub(super) fn to_empty_feet(
    units: &[Unit],
    breaks: &[Range<usize>],
    fits: &[Option<FigureFit>],
    body: f32,
) -> Option<(Vec<Option<FigureFit>>, Vec<usize>)> {
    let mut refit = fits.to_vec();
    let mut changed = Vec::new();
    for pair in breaks.windows(2) {
        let (page, next) = (&pair[0], &pair[1]);
        let used: f32 = units[page.clone()]
            .iter()
            .enumerate()
            .map(|(k, u)| match k {
                0 => u.head + u.height,
                _ => u.space_before + u.height,
            })
            .sum();
        let free = body - used;
        if free < EMPTY_FOOT_SHARE * body {
            continue;
        }
        // The figure's unit: the next page's first, or its second after a heading's lines.
        let Some(f) =
            (next.start..next.end.min(next.start + 3)).find(|&k| fits[units[k].block].is_some())
        else {
            continue;
        };
        let fit = fits[units[f].block].as_ref().expect("found above");
        // What must come with it: the units before it on the next page (its heading), and
        // the caption's units right after it.
        let before: f32 = units[next.start..f]
            .iter()
            .map(|u| u.height + u.space_before)
            .sum();
        // The caption: every unit after it that may not be parted from it.
        let caption: f32 = units[f + 1..next.end]
            .iter()
            .take_while(|u| u.break_cost.is_none())
            .map(|u| u.height + u.space_before)
            .sum();
        let room = free - before - units[f].space_before - caption;
        let scale = room / fit.height;
        if !(MIN_FIT_SCALE..1.0).contains(&scale) {
            continue;
        }
        refit[units[f].block] = Some(FigureFit {
            width: fit.width * scale,
            height: fit.height * scale,
            share: fit.share * scale,
            ..fit.clone()
        });
        changed.push(units[f].block);
    }
    (!changed.is_empty()).then_some((refit, changed))
}

/// Whether `after` is the better pagination: no more pages, and every scaled figure (the
/// blocks `scaled`) on an earlier page than before — a figure made smaller for nothing
/// would only be smaller.
pub(super) fn better(
    before: (&[Unit], &[Range<usize>]),
    after: (&[Unit], &[Range<usize>]),
    scaled: &[usize],
) -> bool {
    let page_of = |units: &[Unit], breaks: &[Range<usize>], block: usize| {
        breaks
            .iter()
            .position(|r| units[r.clone()].iter().any(|u| u.block == block))
    };
    after.1.len() <= before.1.len()
        && scaled.iter().all(|&b| {
            matches!(
                (page_of(before.0, before.1, b), page_of(after.0, after.1, b)),
                (Some(was), Some(now)) if now < was
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::choose_breaks;
    use super::*;

    fn unit(block: usize, height: f32, space_before: f32, break_cost: Option<f64>) -> Unit {
        Unit {
            block,
            first: 0,
            last: 0,
            height,
            space_before,
            break_cost,
            head: 0.0,
        }
    }

    fn figure(block: usize, height: f32) -> Option<FigureFit> {
        Some(FigureFit {
            block,
            width: 2.0 * height,
            height,
            share: 0.5,
            shrunk_from: None,
        })
    }

    /// Text filling `text` of a 100 pt page, then a 25 pt figure (2 pt above it) and its
    /// 4 pt caption (1 pt above it), which may not be parted from it.
    fn page(text: f32) -> (Vec<Unit>, Vec<Option<FigureFit>>) {
        let units = vec![
            unit(0, text, 0.0, None),
            unit(1, 25.0, 2.0, Some(0.0)),
            unit(2, 4.0, 1.0, None),
        ];
        (units, vec![None, figure(1, 25.0), None])
    }

    #[test]
    fn a_figure_that_nearly_fits_the_foot_is_drawn_smaller_there() {
        let (units, fits) = page(70.0);
        let breaks = choose_breaks(&units, 100.0);
        assert_eq!(breaks, vec![0..1, 1..3], "at full size it goes over");
        let (refit, scaled) = to_empty_feet(&units, &breaks, &fits, 100.0).unwrap();
        assert_eq!(scaled, vec![1]);
        // 30 pt free − 2 above − 5 for the caption: 23 of its 25 pt.
        let fit = refit[1].as_ref().unwrap();
        assert!((fit.height - 23.0).abs() < 1e-4, "{fit:?}");
        assert!(
            (fit.width - 46.0).abs() < 1e-4,
            "the shape is kept: {fit:?}"
        );
        assert_eq!(fit.shrunk_from, None);
        let mut after = units.clone();
        after[1].height = fit.height;
        let rebroken = choose_breaks(&after, 100.0);
        assert_eq!(rebroken, vec![0..3]);
        assert!(better((&units, &breaks), (&after, &rebroken), &scaled));
    }

    #[test]
    fn a_figure_is_never_drawn_below_three_quarters_to_fill_a_foot() {
        // 20 pt free: 13 of 25 pt would be about half its size; it keeps its size and page.
        let (units, fits) = page(80.0);
        let breaks = choose_breaks(&units, 100.0);
        assert_eq!(to_empty_feet(&units, &breaks, &fits, 100.0), None);
    }

    #[test]
    fn a_smaller_figure_that_does_not_move_up_is_not_kept() {
        let (units, _) = page(70.0);
        let breaks = vec![0..1, 1..3];
        assert!(!better((&units, &breaks), (&units, &breaks), &[1]));
    }
}
