//! Unit tests of the breaker on synthetic paragraphs: widths are chosen so the right answer
//! can be worked out by hand.

use super::*;
use crate::text::fonts::FaceId;
use crate::text::items::{Fragment, Glyph, SPACE_SHRINK, SPACE_STRETCH};

const SPACE: f32 = 3.0;

fn word(width: f32, protrusion: f32) -> Item {
    Item::Box {
        fragment: Fragment {
            face: FaceId::Regular,
            size: 10.0,
            glyphs: vec![Glyph {
                id: 1,
                x: 0.0,
                y: 0.0,
                advance: width,
                text: "x".into(),
            }],
            width,
            scale: 1.0,
        },
        protrusion,
    }
}

fn space() -> Item {
    Item::Glue {
        width: SPACE,
        stretch: SPACE * SPACE_STRETCH,
        shrink: SPACE * SPACE_SHRINK,
    }
}

fn penalty(cost: f32, flagged: bool) -> Item {
    Item::Penalty {
        width: if flagged { 2.0 } else { 0.0 },
        cost,
        flagged,
        hyphen: None,
        respelled_next: None,
    }
}

/// Words separated by spaces; `tied[k]` ties word k to word k+1 with a no-break space.
fn paragraph(widths: &[f32], tied: &[usize]) -> Vec<Item> {
    let mut items = Vec::new();
    for (k, &w) in widths.iter().enumerate() {
        if k > 0 {
            if tied.contains(&(k - 1)) {
                items.push(penalty(INFINITE_PENALTY, false));
            }
            items.push(space());
        }
        items.push(word(w, 0.0));
    }
    end(&mut items);
    items
}

fn end(items: &mut Vec<Item>) {
    items.push(penalty(INFINITE_PENALTY, false));
    items.push(Item::Glue {
        width: 0.0,
        stretch: FILL_STRETCH,
        shrink: 0.0,
    });
    items.push(penalty(-INFINITE_PENALTY, false));
}

/// Words per line.
fn counts(items: &[Item], lines: &[LineBreak]) -> Vec<usize> {
    lines
        .iter()
        .map(|l| {
            items[l.start..l.end]
                .iter()
                .filter(|i| matches!(i, Item::Box { .. }))
                .count()
        })
        .collect()
}

fn params(width: f32, justify: bool) -> Params {
    Params {
        width,
        justify,
        em: 10.0,
        space_open: RAGGED_SPACE_STRETCH,
    }
}

#[test]
fn justified_three_words_per_line_is_the_only_fit() {
    // Three 30-pt words and two spaces are 96 pt: the spaces stretch to fill 100. Two words
    // per line would need spaces of 14×, four overrun by 29 pt.
    let items = paragraph(&[30.0; 6], &[]);
    let lines = break_lines(&items, &params(100.0, true));
    assert_eq!(counts(&items, &lines), vec![3, 3]);
    assert!(lines.iter().all(|l| !l.overfull));
    // 4 pt of slack over two spaces (1.05 pt each) and three boxes (2 % of 30 pt each).
    let expected =
        4.0 / (2.0 * SPACE * SPACE_STRETCH + 3.0 * box_give(30.0, 1, 10.0, LETTER_STRETCH_EMS));
    assert!((lines[0].ratio - expected).abs() < 1e-4, "{lines:?}");
    assert!(lines[1].last);
}

#[test]
fn ragged_known_optimal_breaks() {
    // 89 pt then 83 pt: the only split that leaves no line but the last more than 20 %
    // short ("20 20 20" is 66 pt, "60" alone 60 pt).
    let items = paragraph(&[20.0, 20.0, 20.0, 20.0, 60.0, 20.0], &[]);
    let lines = break_lines(&items, &params(100.0, false));
    assert_eq!(counts(&items, &lines), vec![4, 2]);
    // Ragged: the line is 11 pt short, past RAG_TARGET (7 pt), so its three spaces open by
    // all they may (3 × 1.05 pt × 6/7 = 2.7 pt); the ratio is the rest over RAG_SCALE.
    let spaces = 3.0 * SPACE * SPACE_STRETCH * RAGGED_SPACE_STRETCH;
    let expected = (100.0 - 89.0 - spaces) / (RAG_SCALE * 100.0);
    assert!((lines[0].ratio - expected).abs() < 1e-4, "{lines:?}");
}

#[test]
fn with_no_room_to_open_ragged_spaces_stay_natural() {
    // The same paragraph in a heading or large print: the whole 11 pt is shortfall.
    let items = paragraph(&[20.0, 20.0, 20.0, 20.0, 60.0, 20.0], &[]);
    let even = Params {
        space_open: 0.0,
        ..params(100.0, false)
    };
    let lines = break_lines(&items, &even);
    assert_eq!(counts(&items, &lines), vec![4, 2]);
    let expected = (100.0 - 89.0) / (RAG_SCALE * 100.0);
    assert!((lines[0].ratio - expected).abs() < 1e-4, "{lines:?}");
}

#[test]
fn ragged_spaces_take_only_the_gap_beyond_the_target_and_no_more_than_their_room() {
    // Within the target: natural spaces.
    assert_eq!(ragged_take(5.0, 6.0, 10.0), 0.0);
    assert_eq!(ragged_take(6.0, 6.0, 10.0), 0.0);
    // Beyond it: the excess, up to the room the spaces have.
    assert_eq!(ragged_take(9.0, 6.0, 10.0), 3.0);
    assert_eq!(ragged_take(30.0, 6.0, 10.0), 10.0);
    // A line without spaces has no room.
    assert_eq!(ragged_take(30.0, 6.0, 0.0), 0.0);
    // At most 1.3× natural: a space's full stretch is 0.35 of it.
    assert!((1.0 + SPACE_STRETCH * RAGGED_SPACE_STRETCH - 1.3).abs() < 1e-6);
}

#[test]
fn ragged_prefers_two_even_lines_to_one_past_the_steep_rag() {
    // 100 pt measure. "40 40" + "30 30" (83 and 63 pt) leaves the first line 17 % short;
    // "40" alone is worse. With a 12-pt word able to come up the breaker takes "40 40 12"
    // (98 pt) and leaves "30 30" for the last line: no line past RAG_STEEP_FROM.
    let items = paragraph(&[40.0, 40.0, 12.0, 30.0, 30.0], &[]);
    let lines = break_lines(&items, &params(100.0, false));
    assert_eq!(counts(&items, &lines), vec![3, 2]);
    assert!(lines[0].ratio * RAG_SCALE <= RAG_STEEP_FROM, "{lines:?}");
}

#[test]
fn tied_words_never_break_in_either_alignment() {
    // Without the tie the break would fall between the third and fourth word (94 pt fits).
    let items = paragraph(&[30.0, 30.0, 30.0, 30.0], &[2]);
    for justify in [false, true] {
        let lines = break_lines(&items, &params(100.0, justify));
        assert_eq!(counts(&items, &lines), vec![2, 2], "justify {justify}");
    }
}

#[test]
fn an_overlong_tied_chain_is_set_overfull_rather_than_split() {
    // Two tied words wider than the measure: the last resort sets them on one overfull line
    // (item builders untie such chains before, with a warning; this is the breaker's part).
    let items = paragraph(&[10.0, 70.0, 70.0], &[1]);
    for justify in [false, true] {
        let lines = break_lines(&items, &params(100.0, justify));
        assert!(*counts(&items, &lines).last().unwrap() >= 2, "{lines:?}");
        assert!(lines.last().unwrap().overfull);
    }
}

/// Words of two halves with a hyphenation point between them.
fn hyphenatable(halves: &[(f32, f32)]) -> Vec<Item> {
    let mut items = Vec::new();
    for (k, &(a, b)) in halves.iter().enumerate() {
        if k > 0 {
            items.push(space());
        }
        items.push(word(a, 0.0));
        items.push(penalty(50.0, true));
        items.push(word(b, 0.0));
    }
    end(&mut items);
    items
}

#[test]
fn ragged_never_two_hyphens_in_a_row_nor_one_on_the_last_full_line() {
    // Long words (37 pt) that fill a 100-pt line best when split: the breaker would use
    // many hyphens if allowed.
    let items = hyphenatable(&[(18.0, 19.0); 24]);
    let lines = break_lines(&items, &params(100.0, false));
    assert!(lines.iter().any(|l| l.hyphenated), "the test needs hyphens");
    for pair in lines.windows(2) {
        assert!(!(pair[0].hyphenated && pair[1].hyphenated), "{lines:?}");
        assert!(!(pair[0].hyphenated && pair[1].last), "{lines:?}");
    }
}

#[test]
fn justified_never_three_hyphens_in_a_row() {
    let items = hyphenatable(&[(18.0, 19.0); 24]);
    let lines = break_lines(&items, &params(100.0, true));
    assert!(lines.iter().any(|l| l.hyphenated), "the test needs hyphens");
    for run in lines.windows(3) {
        assert!(!run.iter().all(|l| l.hyphenated), "{lines:?}");
    }
}

#[test]
fn expansion_comes_in_half_per_cent_steps_within_two_per_cent() {
    assert_eq!(expansion_at(0.0), 1.0);
    assert!((expansion_at(1.0) - 1.02).abs() < 1e-6);
    assert!((expansion_at(-1.0) - 0.98).abs() < 1e-6);
    assert!((expansion_at(0.3) - 1.005).abs() < 1e-6);
    assert!((expansion_at(7.0) - 1.02).abs() < 1e-6);
    // Shrinking rounds to the next step down: -0.6 × 4 steps = -2.4 → -3 steps.
    assert!((expansion_at(-0.6) - 0.985).abs() < 1e-6);
    assert!((expansion_at(-0.1) - 0.995).abs() < 1e-6);
}

#[test]
fn a_box_gives_its_expansion_plus_its_letter_gaps() {
    // 5 glyphs, 4 gaps at 0.0025 em of 10 pt, plus 2 % of 40 pt; shrinking, 0.0015 em.
    assert!((box_give(40.0, 5, 10.0, LETTER_STRETCH_EMS) - (0.8 + 0.1)).abs() < 1e-5);
    assert!((box_give(40.0, 5, 10.0, LETTER_SHRINK_EMS) - (0.8 + 0.06)).abs() < 1e-5);
    assert_eq!(box_give(0.0, 0, 10.0, LETTER_STRETCH_EMS), 0.0);
}

#[test]
fn letter_spacing_stays_within_its_limits_and_adjacent_lines_within_0_004_em() {
    assert_eq!(letter_spacing_at(0.0), 0.0);
    assert_eq!(letter_spacing_at(5.0), LETTER_STRETCH_EMS);
    assert_eq!(letter_spacing_at(-5.0), -LETTER_SHRINK_EMS);
    assert!((letter_spacing_at(0.5) - 0.00125).abs() < 1e-7);
    // The limits: ±0.005 em per gap, 0.004 em between a full-stretch and a
    // full-shrink line.
    let (most, least) = (letter_spacing_at(10.0), letter_spacing_at(-10.0));
    assert!(most <= 0.005 && least >= -0.005);
    assert!(most - least <= 0.004 + 1e-7, "{most} {least}");
}

#[test]
fn the_last_line_protrudes_by_its_last_box_like_every_other_line() {
    // "…einde." : the final penalty's line ends with a period that hangs 2 pt.
    let mut items = vec![word(30.0, 0.0), space(), word(30.0, 2.0)];
    end(&mut items);
    let last = items.len() - 1;
    assert_eq!(line_end_protrusion(&items, last), 2.0);
    // At a word space the box before it decides.
    assert_eq!(line_end_protrusion(&items, 3), 2.0);
    assert_eq!(line_end_protrusion(&items, 1), 0.0);
}

#[test]
fn a_runt_last_line_is_avoided_when_a_line_can_open_a_little() {
    // Nine 9-pt words fit the first line only shrunk (ratio -0.78, badness 47); eight fit
    // stretched (ratio +0.80, badness 51). Without the runt rule nine win by a hair — and
    // leave "9 20" (32 pt, under 4 em) alone on the last line. With it, eight win and the
    // last line holds three words (44 pt).
    let mut widths = vec![9.0; 10];
    widths.push(20.0);
    let items = paragraph(&widths, &[]);
    let lines = break_lines(&items, &params(100.0, true));
    assert_eq!(counts(&items, &lines), vec![8, 3]);
}

#[test]
fn the_adjustment_ratio_is_slack_over_stretch_or_shrink() {
    assert_eq!(adjustment_ratio(80.0, 100.0, 40.0, 10.0), 0.5);
    assert_eq!(adjustment_ratio(105.0, 100.0, 40.0, 10.0), -0.5);
    assert_eq!(adjustment_ratio(100.0, 100.0, 0.0, 0.0), 0.0);
    assert_eq!(adjustment_ratio(90.0, 100.0, 0.0, 5.0), f64::INFINITY);
}

#[test]
fn a_line_eased_by_emergency_stretch_keeps_its_true_ratio() {
    // Two 60-point words on a 100-point measure: each alone on its line, 40 points short
    // with 1.2 points of glyph give. Only the emergency pass accepts that; the line must
    // still report the ratio it is set at (40 / 1.2), not the eased one.
    let items = paragraph(&[60.0, 60.0], &[]);
    let lines = break_lines(&items, &params(100.0, true));
    assert_eq!(counts(&items, &lines), vec![1, 1]);
    let give = box_give(60.0, 1, 10.0, LETTER_STRETCH_EMS);
    assert!(
        (lines[0].ratio - 40.0 / give).abs() < 1e-3,
        "{} vs {}",
        lines[0].ratio,
        40.0 / give
    );
}

#[test]
fn ragged_last_word_that_only_just_misses_comes_up_on_closed_spaces() {
    // 90 pt of words and four 3 pt spaces: 2 pt over the measure. The spaces may close by
    // 0.6 pt each (0.8×), so "10" comes up rather than standing alone as a runt.
    let items = paragraph(&[20.0, 20.0, 20.0, 20.0, 10.0], &[]);
    let lines = break_lines(&items, &params(100.0, false));
    assert_eq!(counts(&items, &lines), vec![5]);
    assert!(lines[0].ratio < 0.0 && lines[0].ratio >= -1.0, "{lines:?}");
    // 6 pt over: more than the spaces can give, so the word goes down after all.
    let items = paragraph(&[20.0, 20.0, 20.0, 20.0, 14.0], &[]);
    let lines = break_lines(&items, &params(100.0, false));
    assert_eq!(counts(&items, &lines), vec![4, 1]);
}
