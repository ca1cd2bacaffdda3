//! Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
//!
//! Every legal breakpoint keeps the cheapest way to end a line there, per fitness class;
//! the cheapest total at the paragraph's forced end, traced back, gives the lines. Looking
//! at the whole paragraph at once is what lets a loose line early on be avoided by a slightly
//! tight one later: first-fit breaking cannot.

use crate::text::items::{INFINITE_PENALTY, Item, LETTER_SHRINK, LETTER_STRETCH};

/// How far a pass lets the letters of a line open and close, as fractions of box widths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Letters {
    pub stretch: f32,
    pub shrink: f32,
}

/// Letter-spacing a reader does not see: tried first, so most paragraphs never need more.
const SUBTLE_LETTERS: Letters = Letters {
    stretch: 0.03,
    shrink: 0.02,
};
/// The full range, for paragraphs that cannot be set evenly otherwise.
const FULL_LETTERS: Letters = Letters {
    stretch: LETTER_STRETCH,
    shrink: LETTER_SHRINK,
};
const NO_LETTERS: Letters = Letters {
    stretch: 0.0,
    shrink: 0.0,
};

/// Added to every line's badness before squaring, so fewer lines are preferred when
/// spacing is otherwise equal (TeX's \linepenalty).
const LINE_PENALTY: f64 = 10.0;
/// Two hyphenated lines in a row make a ladder of hyphens (TeX's \doublehyphendemerits).
const DOUBLE_HYPHEN_DEMERITS: f64 = 10_000.0;
/// A hyphen on the next-to-last line leaves a broken word just before a short last line
/// (TeX's \finalhyphendemerits).
const FINAL_HYPHEN_DEMERITS: f64 = 10_000.0;
/// A tight line next to a loose one shows as a change of grey (TeX's \adjdemerits).
const ADJACENT_FITNESS_DEMERITS: f64 = 10_000.0;
/// A last line shorter than this many ems reads as a forgotten word, not a line.
const RUNT_EMS: f32 = 4.0;
const RUNT_DEMERITS: f64 = 60_000.0;
/// The hard limit on hyphenated lines in a row (the typography targets allow two).
const MAX_HYPHENS_IN_A_ROW: u8 = 2;
/// Badness above which a line is not considered in the first pass: ratio 1.0, spaces at
/// their full stretch (1.35× natural, the most a reader does not notice as a gap).
const FIRST_PASS_TOLERANCE: f64 = 100.0;
/// The second pass lets spaces open to 1.5× (ratio 1.43): loose, but still even.
const SECOND_PASS_TOLERANCE: f64 = 300.0;
/// The third pass adds emergency stretch (TeX's \emergencystretch), so a paragraph with
/// no good breaks still gets the least bad ones rather than an overfull line.
const THIRD_PASS_TOLERANCE: f64 = 5_000.0;
const EMERGENCY_STRETCH_EMS: f32 = 1.5;
/// In ragged-right text the line end, not the word spaces, absorbs the slack: this much
/// room for it, in ems, is "badness 100".
const RAGGED_STRETCH_EMS: f32 = 3.0;
/// An overfull line's badness in the last-resort pass: worse than anything feasible.
const OVERFULL_BADNESS: f64 = 1.0e7;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Full measure, points.
    pub width: f32,
    pub justify: bool,
    /// Type size, points: ems in the constants above are this.
    pub em: f32,
}

/// One line as chosen: items `start..end`, broken at `end` (a glue or penalty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBreak {
    pub start: usize,
    pub end: usize,
    /// Adjustment ratio: >0 stretched, <0 shrunk, in units of the line's stretch/shrink.
    pub ratio: f32,
    /// The break is a hyphen (or after an author's hyphen).
    pub hyphenated: bool,
    /// The last line of the paragraph.
    pub last: bool,
    /// Wider than the measure even fully shrunk (only in the last-resort pass).
    pub overfull: bool,
    /// The letter-spacing range the line was broken with, and must be set with.
    pub letters: Letters,
}

#[derive(Debug, Clone)]
struct Node {
    /// Item index of the break (usize::MAX for the paragraph start).
    position: usize,
    /// First item of the line that follows this break.
    next_start: usize,
    fitness: u8,
    total: f64,
    previous: Option<usize>,
    hyphens_in_a_row: u8,
    ratio: f32,
    overfull: bool,
}

/// Running sums of width, stretch and shrink up to each item, so a line's totals are one
/// subtraction.
struct Sums {
    width: Vec<f64>,
    stretch: Vec<f64>,
    shrink: Vec<f64>,
}

impl Sums {
    /// `letters`: whether boxes may be letter-spaced (justified text only).
    fn new(items: &[Item], letters: Letters) -> Sums {
        let mut s = Sums {
            width: vec![0.0; items.len() + 1],
            stretch: vec![0.0; items.len() + 1],
            shrink: vec![0.0; items.len() + 1],
        };
        for (i, item) in items.iter().enumerate() {
            let (w, y, z) = match item {
                Item::Box { fragment, .. } if fragment.glyphs.len() > 1 => (
                    fragment.width as f64,
                    (fragment.width * letters.stretch) as f64,
                    (fragment.width * letters.shrink) as f64,
                ),
                Item::Box { fragment, .. } => (fragment.width as f64, 0.0, 0.0),
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                } => (*width as f64, *stretch as f64, *shrink as f64),
                Item::Penalty { .. } => (0.0, 0.0, 0.0),
            };
            s.width[i + 1] = s.width[i] + w;
            s.stretch[i + 1] = s.stretch[i] + y;
            s.shrink[i + 1] = s.shrink[i] + z;
        }
        s
    }
}

/// Breaks a paragraph into lines. Always returns lines: if no pass finds a feasible set,
/// the last resort accepts overfull lines rather than failing.
pub fn break_lines(items: &[Item], params: &Params) -> Vec<LineBreak> {
    if items.is_empty() {
        return Vec::new();
    }
    let (subtle, full) = if params.justify {
        (SUBTLE_LETTERS, FULL_LETTERS)
    } else {
        (NO_LETTERS, NO_LETTERS)
    };
    let subtle_sums = Sums::new(items, subtle);
    let full_sums = Sums::new(items, full);
    let emergency = EMERGENCY_STRETCH_EMS * params.em;
    // Subtle letter-spacing wins only where it costs no extra hyphen: a ladder of hyphens
    // is worse than letters opened by a few per cent.
    let hyphens = |lines: &[LineBreak]| lines.iter().filter(|l| l.hyphenated).count();
    let strict = |letters: Letters, sums: &Sums| {
        run_pass(items, sums, params, FIRST_PASS_TOLERANCE, 0.0, false).map(|mut lines| {
            lines.iter_mut().for_each(|l| l.letters = letters);
            lines
        })
    };
    let strict_result = match (strict(subtle, &subtle_sums), strict(full, &full_sums)) {
        (Some(a), Some(b)) if hyphens(&a) <= hyphens(&b) => Some(a),
        (_, b @ Some(_)) => b,
        (a, None) => a,
    };
    let mut with_runt: Option<Vec<LineBreak>> = None;
    if let Some(lines) = strict_result {
        if !ends_in_runt(items, &full_sums, params, &lines) {
            return lines;
        }
        with_runt = Some(lines);
    }
    let passes = [
        (SECOND_PASS_TOLERANCE, 0.0, false),
        (THIRD_PASS_TOLERANCE, emergency, false),
        (f64::INFINITY, emergency, true),
    ];
    for (tolerance, emergency, last_resort) in passes {
        let Some(mut lines) =
            run_pass(items, &full_sums, params, tolerance, emergency, last_resort)
        else {
            continue;
        };
        lines.iter_mut().for_each(|l| l.letters = full);
        // A runt last line is worse than a somewhat looser paragraph: if the strict pass
        // could only end in a runt, let the loose pass try before settling for it.
        if !ends_in_runt(items, &full_sums, params, &lines) {
            return lines;
        }
        let first = with_runt.get_or_insert(lines);
        if tolerance >= SECOND_PASS_TOLERANCE {
            return first.clone();
        }
    }
    with_runt.expect("the last-resort pass accepts every break")
}

/// Whether a paragraph of several lines ends in a line shorter than `RUNT_EMS`.
fn ends_in_runt(items: &[Item], sums: &Sums, params: &Params, lines: &[LineBreak]) -> bool {
    let Some(last) = lines.last() else {
        return false;
    };
    let content = sums.width[last.end.min(items.len())] - sums.width[last.start];
    lines.len() > 1 && content < (RUNT_EMS * params.em) as f64
}

/// Whether a line may end at item `i`, and the penalty's cost/flag if it is a penalty.
fn breakpoint(items: &[Item], i: usize) -> Option<(f64, bool, f32)> {
    match &items[i] {
        Item::Glue { .. } => matches!(items.get(i.wrapping_sub(1)), Some(Item::Box { .. }))
            .then_some((0.0, false, 0.0)),
        Item::Penalty {
            cost,
            flagged,
            width,
            ..
        } => (*cost < INFINITE_PENALTY).then_some((*cost as f64, *flagged, *width)),
        Item::Box { .. } => None,
    }
}

/// How far the line may reach into the right margin when it ends at `i`.
fn protrusion_at(items: &[Item], i: usize) -> f32 {
    match &items[i] {
        Item::Penalty {
            hyphen: Some((_, p)),
            ..
        } => *p,
        _ => match items.get(i.wrapping_sub(1)) {
            Some(Item::Box { protrusion, .. }) => *protrusion,
            _ => 0.0,
        },
    }
}

/// After a break, glue and penalties up to the next box vanish (TeX discards them).
fn skip_discardable(items: &[Item], mut i: usize) -> usize {
    while i < items.len() {
        match &items[i] {
            Item::Box { .. } => break,
            Item::Penalty { cost, .. } if *cost <= -INFINITE_PENALTY => break,
            _ => i += 1,
        }
    }
    i
}

fn fitness(ratio: f32) -> u8 {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

/// One pass of the dynamic programme. `None` when no feasible way to the end exists.
fn run_pass(
    items: &[Item],
    sums: &Sums,
    params: &Params,
    tolerance: f64,
    emergency: f32,
    last_resort: bool,
) -> Option<Vec<LineBreak>> {
    let mut nodes = vec![Node {
        position: usize::MAX,
        next_start: skip_discardable(items, 0),
        fitness: 1,
        total: 0.0,
        previous: None,
        hyphens_in_a_row: 0,
        ratio: 0.0,
        overfull: false,
    }];
    let mut active: Vec<usize> = vec![0];
    let ragged_stretch = (RAGGED_STRETCH_EMS * params.em) as f64;

    for i in 0..items.len() {
        let Some((cost, flagged, penalty_width)) = breakpoint(items, i) else {
            continue;
        };
        let forced = cost <= -(INFINITE_PENALTY as f64);
        let is_end = forced && i == items.len() - 1;
        let available = (params.width + protrusion_at(items, i)) as f64;
        // Best candidate per fitness class: (total, from node, ratio, overfull).
        let mut best: [Option<(f64, usize, f32, bool)>; 4] = [None; 4];
        let mut still_active = Vec::with_capacity(active.len());
        for &a in &active {
            let node = &nodes[a];
            let start = node.next_start;
            if start > i {
                still_active.push(a);
                continue;
            }
            let natural = sums.width[i] - sums.width[start] + penalty_width as f64;
            let (stretch, shrink) = if params.justify {
                (
                    sums.stretch[i] - sums.stretch[start] + emergency as f64,
                    sums.shrink[i] - sums.shrink[start],
                )
            } else {
                // Only the paragraph's fill glue counts: word spaces stay natural.
                let fill = sums.stretch[i] - sums.stretch[start];
                let fill = if fill >= crate::text::items::FILL_STRETCH as f64 {
                    fill
                } else {
                    0.0
                };
                (fill + ragged_stretch + emergency as f64, 0.0)
            };
            let ratio = if natural < available {
                if stretch > 0.0 {
                    (available - natural) / stretch
                } else {
                    f64::INFINITY
                }
            } else if natural > available {
                if shrink > 0.0 {
                    (available - natural) / shrink
                } else {
                    f64::NEG_INFINITY
                }
            } else {
                0.0
            };
            let overfull = ratio < -1.0;
            // Later breaks only make this line longer: an overfull node is finished.
            let keep = !(overfull || forced);
            if keep {
                still_active.push(a);
            }
            let mut badness = if overfull {
                OVERFULL_BADNESS
            } else {
                100.0 * ratio.abs().powi(3)
            };
            if !badness.is_finite() {
                badness = OVERFULL_BADNESS * 10.0;
            }
            let feasible = if last_resort {
                true
            } else {
                !overfull && badness <= tolerance
            };
            if !feasible
                || (flagged && node.hyphens_in_a_row >= MAX_HYPHENS_IN_A_ROW && !last_resort)
            {
                continue;
            }
            let mut demerits = (LINE_PENALTY + badness).powi(2);
            if cost > 0.0 {
                demerits += cost * cost;
            } else if !forced {
                demerits -= cost * cost;
            }
            let node_flagged = node.hyphens_in_a_row > 0;
            if flagged && node_flagged {
                demerits += DOUBLE_HYPHEN_DEMERITS;
            }
            if is_end && node_flagged {
                demerits += FINAL_HYPHEN_DEMERITS;
            }
            let ratio32 = ratio.clamp(-1.0e3, 1.0e3) as f32;
            let class = if is_end { 1 } else { fitness(ratio32) };
            if (class as i32 - node.fitness as i32).abs() > 1 {
                demerits += ADJACENT_FITNESS_DEMERITS;
            }
            if is_end {
                let content = sums.width[i] - sums.width[start];
                if content < (RUNT_EMS * params.em) as f64 && node.position != usize::MAX {
                    demerits += RUNT_DEMERITS;
                }
            }
            let total = node.total + demerits;
            let slot = &mut best[class as usize];
            if slot.is_none_or(|(t, ..)| total < t) {
                *slot = Some((total, a, ratio32, overfull));
            }
        }
        active = still_active;
        let min_total = best
            .iter()
            .flatten()
            .map(|b| b.0)
            .fold(f64::INFINITY, f64::min);
        for (class, candidate) in best.iter().enumerate() {
            let Some((total, from, ratio, overfull)) = *candidate else {
                continue;
            };
            // Classes far costlier than the best cannot win later (TeX's pruning rule).
            if total > min_total + ADJACENT_FITNESS_DEMERITS {
                continue;
            }
            let hyphens = if flagged {
                nodes[from].hyphens_in_a_row + 1
            } else {
                0
            };
            nodes.push(Node {
                position: i,
                next_start: skip_discardable(items, i + 1),
                fitness: class as u8,
                total,
                previous: Some(from),
                hyphens_in_a_row: hyphens,
                ratio,
                overfull,
            });
            if !is_end {
                active.push(nodes.len() - 1);
            }
        }
        if active.is_empty() && !is_end {
            return None;
        }
    }

    let end = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.position == items.len() - 1)
        .min_by(|a, b| a.1.total.total_cmp(&b.1.total))?
        .0;
    let mut chain = Vec::new();
    let mut at = Some(end);
    while let Some(k) = at {
        if nodes[k].position != usize::MAX {
            chain.push(k);
        }
        at = nodes[k].previous;
    }
    chain.reverse();
    let mut lines = Vec::with_capacity(chain.len());
    let mut start = skip_discardable(items, 0);
    for (n, &k) in chain.iter().enumerate() {
        let node = &nodes[k];
        let hyphenated = matches!(items[node.position], Item::Penalty { flagged: true, .. });
        lines.push(LineBreak {
            start,
            end: node.position,
            ratio: node.ratio,
            hyphenated,
            last: n == chain.len() - 1,
            overfull: node.overfull,
            letters: NO_LETTERS,
        });
        start = node.next_start;
    }
    Some(lines)
}
