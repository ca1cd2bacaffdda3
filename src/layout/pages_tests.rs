//! Unit tests of page breaking on synthetic units: one-point lines on ten-point pages, so
//! the right answer can be counted by hand.

use super::*;

/// `n` one-line units of height 1 in one block; `costs[k]` overrides the break before k.
fn lines(n: usize, costs: &[(usize, Option<f64>)]) -> Vec<Unit> {
    (0..n)
        .map(|k| Unit {
            block: 0,
            first: k,
            last: k + 1,
            height: 1.0,
            head: 0.0,
            space_before: 0.0,
            break_cost: costs
                .iter()
                .find(|(at, _)| *at == k)
                .map_or(Some(0.0), |(_, c)| *c),
        })
        .collect()
}

#[test]
fn full_pages_first_and_no_more_pages_than_needed() {
    // 19 lines, 10 to a page: the first page full, the rest on the second.
    let breaks = choose_breaks(&lines(19, &[]), 10.0);
    assert_eq!(breaks, vec![0..10, 10..19]);
}

#[test]
fn a_break_where_none_is_legal_is_never_taken() {
    // Breaking before line 10 would leave it a widow or orphan: the page ends at line 9.
    let breaks = choose_breaks(&lines(19, &[(10, None)]), 10.0);
    assert_eq!(breaks, vec![0..9, 9..19]);
}

#[test]
fn a_word_is_not_hyphenated_across_a_page_turn_when_a_line_less_will_do() {
    // Line 9 ends in a hyphen: breaking before line 10 costs BROKEN_WORD_COST, more than
    // the tenth of a page left empty by breaking one line earlier.
    let breaks = choose_breaks(&lines(19, &[(10, Some(BROKEN_WORD_COST))]), 10.0);
    assert_eq!(breaks, vec![0..9, 9..19]);
}

#[test]
fn a_remnant_last_page_is_avoided_when_lines_can_move() {
    // 21 lines: 10 + 10 + 1 would leave one line alone on the last page; the breaker moves
    // lines down so the last page holds more than a remnant.
    let breaks = choose_breaks(&lines(21, &[]), 10.0);
    assert_eq!(breaks.len(), 3);
    let last = breaks.last().unwrap();
    assert!(last.len() as f32 >= REMNANT_FRACTION * 10.0, "{breaks:?}");
}

#[test]
fn a_wide_list_number_keeps_its_gap_and_a_narrow_one_starts_the_hang() {
    // "1." (8 pt wide at 11 pt) fits the 14 pt hang: it starts where the hang starts.
    assert_eq!(marker_x(100.0, 14.0, 8.0, 11.0), 86.0);
    // "10." (15 pt) does not: it ends 3.3 pt before the text.
    let x = marker_x(100.0, 14.0, 15.0, 11.0);
    assert!((x + 15.0 - (100.0 - 3.3)).abs() < 1e-4, "{x}");
}
