//! Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
//!
//! Every legal breakpoint keeps the cheapest way to end a line there, per fitness class;
//! the cheapest total at the paragraph's forced end, traced back, gives the lines. Looking
//! at the whole paragraph at once is what lets a loose line early on be avoided by a slightly
//! tight one later: first-fit breaking cannot.
//!
//! The same programme sets both alignments. Justified, a line's slack goes into its word
//! spaces and, a little, into its glyphs (pdfTeX-style expansion plus a hair of
//! letter-spacing). Ragged-right, word spaces stay natural and the slack is the line's
//! shortfall from the measure: "badness" then measures the rag, so the same demerits that
//! keep justified spaces even keep the right edge even.

use crate::text::items::{FILL_STRETCH, HYPHEN_PENALTY, INFINITE_PENALTY, Item};

#[path = "glyph_give.rs"]
mod glyph_give;
#[path = "passes.rs"]
mod passes;
#[path = "ragged.rs"]
mod ragged;
pub use glyph_give::{
    EXPANSION_STEP, LETTER_SHRINK_EMS, LETTER_STRETCH_EMS, MAX_EXPANSION, box_give, expansion_at,
    letter_spacing_at,
};
use passes::{JUSTIFIED_PASSES, Pass, RAGGED_PASSES};
use ragged::{
    RAG_SCALE, RAG_STEEP_DEMERITS, RAG_STEEP_FROM, RAGGED_BOUNDARY_DEMERITS, RAGGED_HYPHEN_DEMERITS,
};
pub use ragged::{RAG_TARGET, RAGGED_SPACE_SHRINK, RAGGED_SPACE_STRETCH, ragged_take};

/// Added to every line's badness before squaring, so fewer lines are preferred when
/// spacing is otherwise equal (TeX's \linepenalty).
const LINE_PENALTY: f64 = 10.0;
/// Two hyphenated lines in a row make a ladder of hyphens (TeX's \doublehyphendemerits):
/// the price justified text pays for it (ragged text never does it, see below).
const DOUBLE_HYPHEN_DEMERITS: f64 = 10_000.0;
/// Justified: a hyphen on the last full line leaves a broken word just before the
/// paragraph's end (TeX's \finalhyphendemerits). Not absolute as in ragged text: in a
/// two-line justified paragraph it would forbid every hyphen and open the spaces wide.
const FINAL_HYPHEN_DEMERITS: f64 = 10_000.0;
/// A tight line next to a loose one shows as a change of grey (TeX's \adjdemerits).
const ADJACENT_FITNESS_DEMERITS: f64 = 10_000.0;
/// Each expansion step between adjacent lines: a change of glyph width is what expansion
/// can make visible, so it costs about as much as a quarter fitness-class jump.
const EXPANSION_CHANGE_DEMERITS: f64 = 400.0;
/// A last line shorter than this many ems reads as a forgotten word, not a line. 3.5 em is
/// about seven letters: "gen." and "nemen." are runts, "werkers." is a word. At 4 em the
/// tail "werkers." counted as one, so ct-scan set "aan onze me-|dewerkers." at spaces 1.54×
/// rather than "mede-|werkers." at 1.37× (the compound boundary, and evener).
const RUNT_EMS: f32 = 3.5;
/// Ragged: a short last line is less of a hole when every line ends unevenly; more than
/// this would buy the runt away with a much shorter line above (measured: rag p95 +1 %).
const RUNT_DEMERITS: f64 = 60_000.0;
/// Justified: more than a syllable break inside a compound part
/// (`INSIDE_PART_HYPHEN_PENALTY`, 160,000): "antili-|chamen" is a legitimate Dutch break,
/// "aan." alone under a justified block is a visible hole, so the runt is the dearer flaw.
const JUSTIFIED_RUNT_DEMERITS: f64 = 200_000.0;
/// Worse still: a word's tail alone on the last line ("verber-|gen."). Priced, not
/// forbidden, in justified text: in a two-line list item the only other choice can be
/// spaces at twice their width.
const HYPHEN_RUNT_DEMERITS: f64 = 200_000.0;
/// Ragged-right: the hard limit on hyphenated lines in a row outside the last resort. A
/// ladder of hyphens is what readability guides warn against first, and ragged text can
/// always avoid it by leaving a line a little shorter.
const MAX_HYPHENS_IN_A_ROW: u8 = 1;
/// Justified text has no such escape (the spaces would open instead): two in a row stay
/// possible, at `DOUBLE_HYPHEN_DEMERITS`.
const MAX_HYPHENS_IN_A_ROW_JUSTIFIED: u8 = 2;
/// Badness above which a justified line is not considered in the first pass: ratio 1.0,
/// spaces at their full stretch (1.35× natural, the most a reader does not notice as a gap).
const FIRST_PASS_TOLERANCE: f64 = 100.0;
/// The second pass lets spaces open to 1.5× (ratio 1.43): loose, but still even.
const SECOND_PASS_TOLERANCE: f64 = 300.0;
/// The third pass adds emergency stretch (TeX's \emergencystretch), so a paragraph with
/// no good breaks still gets the least bad ones rather than an overfull line.
const THIRD_PASS_TOLERANCE: f64 = 5_000.0;
const EMERGENCY_STRETCH_EMS: f32 = 1.5;
/// Justified: every syllable break costs this on top of its penalty. The penalty alone
/// (130² ≈ 17,000) is less than one line at full stretch (110² = 12,100) plus a little, so
/// the breaker bought evenness the reader cannot see with hyphens the reader does see
/// (immunotherapie: 12 of 34 lines hyphenated at spaces ≤ 1.21×). With this a hyphen must
/// save about a line at ratio 1.3 (spaces ~1.4×); LuaLaTeX+microtype sets 5–9 hyphens a
/// leaflet on the same texts (issue 13).
const JUSTIFIED_HYPHEN_DEMERITS: f64 = 20_000.0;
/// Justified: a break at a compound boundary or after the author's hyphen still ends a line
/// in a hyphen; half a syllable break's price, so boundaries stay preferred but are not free
/// (measured on the fixtures: no figure moved, 10,000 or 20,000 alike).
const JUSTIFIED_BOUNDARY_DEMERITS: f64 = 10_000.0;
/// An overfull line's badness in the last-resort pass: worse than anything feasible.
const OVERFULL_BADNESS: f64 = 1.0e7;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Full measure, points.
    pub width: f32,
    pub justify: bool,
    /// Type size, points: ems in the constants above are this.
    pub em: f32,
    /// Ragged-right: the share of their justified stretch that word spaces may open by on a
    /// line far short (`RAGGED_SPACE_STRETCH` in body text). Zero where spaces must stay
    /// even: in headings (a few large words, where an opened space is a hole) and in large
    /// print (RNIB Clear Print asks for even word spacing before an even edge).
    pub space_open: f32,
}

/// One line as chosen: items `start..end`, broken at `end` (a glue or penalty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBreak {
    pub start: usize,
    pub end: usize,
    /// Adjustment ratio: >0 stretched, <0 shrunk, in units of the line's stretch/shrink.
    /// Ragged-right: the shortfall in units of `RAG_SCALE` of the measure.
    pub ratio: f32,
    /// The break is a hyphen (or after an author's hyphen).
    pub hyphenated: bool,
    /// The last line of the paragraph.
    pub last: bool,
    /// Wider than the measure even fully shrunk (only in the last-resort pass).
    pub overfull: bool,
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
    /// `glyphs_give`: whether boxes may expand and letter-space (justified text only).
    fn new(items: &[Item], glyphs_give: bool) -> Sums {
        let mut s = Sums {
            width: vec![0.0; items.len() + 1],
            stretch: vec![0.0; items.len() + 1],
            shrink: vec![0.0; items.len() + 1],
        };
        for (i, item) in items.iter().enumerate() {
            let (w, y, z) = match item {
                Item::Box { fragment, .. } => {
                    if glyphs_give {
                        let (width, glyphs, size) =
                            (fragment.width, fragment.glyphs.len(), fragment.size);
                        (
                            width as f64,
                            box_give(width, glyphs, size, LETTER_STRETCH_EMS) as f64,
                            box_give(width, glyphs, size, LETTER_SHRINK_EMS) as f64,
                        )
                    } else {
                        (fragment.width as f64, 0.0, 0.0)
                    }
                }
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
    let sums = Sums::new(items, params.justify);
    let passes: &[Pass] = if params.justify {
        &JUSTIFIED_PASSES
    } else {
        &RAGGED_PASSES
    };
    // A runt last line is worse than a somewhat looser paragraph: if a pass could only end
    // in a runt, one more pass may try before the first result is taken.
    let mut with_runt: Option<Vec<LineBreak>> = None;
    for pass in passes {
        let Some(lines) = run_pass(items, &sums, params, pass) else {
            continue;
        };
        if !ends_in_runt(items, &sums, params, &lines) {
            return lines;
        }
        if let Some(first) = with_runt {
            return first;
        }
        with_runt = Some(lines);
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

/// How far a line ending at item `end` may reach into the right margin: its hyphen's
/// protrusion, or its last box's. The breaker and the line setter both ask this one
/// function, so a line is never chosen for a width it is not set to.
pub fn line_end_protrusion(items: &[Item], end: usize) -> f32 {
    if let Some(Item::Penalty {
        hyphen: Some((_, p)),
        ..
    }) = items.get(end)
    {
        return *p;
    }
    items[..end.min(items.len())]
        .iter()
        .rev()
        .find_map(|i| match i {
            Item::Box { protrusion, .. } => Some(*protrusion),
            _ => None,
        })
        .unwrap_or(0.0)
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

/// How far a line's glue must move to fill `available`: >0 stretched, <0 shrunk, in units
/// of its stretch or shrink; infinite when it cannot move that way at all.
fn adjustment_ratio(natural: f64, available: f64, stretch: f64, shrink: f64) -> f64 {
    if natural < available {
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
    }
}

/// Whether a line of the given stretch is a ragged line that makes the rag (not justified,
/// not a paragraph's last line, whose glue is practically infinite).
fn ragged_line(params: &Params, stretch: f64) -> bool {
    !params.justify && stretch < FILL_STRETCH as f64
}

/// Expansion steps a justified line at `ratio` is drawn with, for the change demerit.
fn expansion_steps(ratio: f32) -> i32 {
    ((expansion_at(ratio) - 1.0) / EXPANSION_STEP).round() as i32
}

/// One pass of the dynamic programme. `None` when no feasible way to the end exists.
fn run_pass(items: &[Item], sums: &Sums, params: &Params, pass: &Pass) -> Option<Vec<LineBreak>> {
    let last_resort = pass.last_resort;
    let emergency = (pass.emergency_ems * params.em) as f64;
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
    let rag_scale = (RAG_SCALE * params.width) as f64;
    let max_hyphens = if params.justify {
        MAX_HYPHENS_IN_A_ROW_JUSTIFIED
    } else {
        MAX_HYPHENS_IN_A_ROW
    };
    let ragged_shrink = RAGGED_SPACE_SHRINK as f64;
    let ragged_stretch = params.space_open as f64;
    let rag_target = (RAG_TARGET * params.width) as f64;

    for i in 0..items.len() {
        let Some((cost, flagged, penalty_width)) = breakpoint(items, i) else {
            continue;
        };
        let forced = cost <= -(INFINITE_PENALTY as f64);
        let is_end = forced && i == items.len() - 1;
        let available = (params.width + line_end_protrusion(items, i)) as f64;
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
                    sums.stretch[i] - sums.stretch[start] + emergency,
                    sums.shrink[i] - sums.shrink[start],
                )
            } else if sums.stretch[i] - sums.stretch[start] >= FILL_STRETCH as f64 {
                // The paragraph's last line: its shortfall is no flaw. Its spaces may close
                // as far as a justified line's (0.8×), so a last word that only just misses
                // ("is.", "dag.") comes up rather than standing alone on a line of its own;
                // the shrink's badness and `LINE_PENALTY` keep this to where a runt is the
                // alternative.
                (FILL_STRETCH as f64, sums.shrink[i] - sums.shrink[start])
            } else {
                // Word spaces never stretch: the shortfall itself is the "stretch". They may
                // close a little, as in TeX's ragged right, to take one more word.
                (
                    rag_scale + emergency,
                    (sums.shrink[i] - sums.shrink[start]) * ragged_shrink,
                )
            };
            let ratio = if ragged_line(params, stretch) && natural < available {
                let gap = available - natural;
                let spaces = (sums.stretch[i] - sums.stretch[start]) * ragged_stretch;
                (gap - ragged_take(gap, rag_target, spaces)) / stretch
            } else {
                adjustment_ratio(natural, available, stretch, shrink)
            };
            // Emergency stretch only widens what a pass accepts; the line is still set at
            // its true ratio, so it is priced at that. Pricing it at the eased ratio made
            // the third pass favour lines with few spaces, which it then set at 1.9×.
            let true_ratio = if emergency > 0.0 {
                adjustment_ratio(natural, available, stretch - emergency, shrink)
            } else {
                ratio
            };
            let overfull = ratio < -1.0;
            // Later breaks only make this line longer: an overfull node is finished.
            let keep = !(overfull || forced);
            if keep {
                still_active.push(a);
            }
            let badness_at = |r: f64| {
                let b = if overfull {
                    OVERFULL_BADNESS
                } else {
                    100.0 * r.abs().powi(3)
                };
                if b.is_finite() {
                    b
                } else {
                    OVERFULL_BADNESS * 10.0
                }
            };
            let badness = badness_at(true_ratio);
            let eased_badness = badness_at(ratio);
            let node_flagged = node.hyphens_in_a_row > 0;
            // A last line this short after a hyphen is a word's tail alone ("verber-|gen.").
            let runt = is_end
                && node.position != usize::MAX
                && sums.width[i] - sums.width[start] < (RUNT_EMS * params.em) as f64;
            let feasible = last_resort
                || (!overfull
                    && eased_badness <= pass.tolerance
                    && !(flagged && node.hyphens_in_a_row >= max_hyphens)
                    // A hyphen on the last full line leaves a broken word just before
                    // the paragraph's end (TeX's \finalhyphendemerits, made absolute).
                    && !(is_end && node_flagged && !params.justify));
            if !feasible {
                continue;
            }
            let mut demerits = (LINE_PENALTY + badness).powi(2);
            if cost > 0.0 {
                demerits += cost * cost;
            } else if !forced {
                demerits -= cost * cost;
            }
            if flagged && node_flagged {
                demerits += DOUBLE_HYPHEN_DEMERITS;
            }
            if flagged && params.justify {
                demerits += if cost >= HYPHEN_PENALTY as f64 {
                    JUSTIFIED_HYPHEN_DEMERITS
                } else {
                    JUSTIFIED_BOUNDARY_DEMERITS
                };
            }
            if flagged && !params.justify {
                // A break at a compound boundary or the author's own hyphen reads as two
                // words; a syllable break makes the reader put a word back together.
                demerits += if cost < HYPHEN_PENALTY as f64 {
                    RAGGED_BOUNDARY_DEMERITS
                } else {
                    RAGGED_HYPHEN_DEMERITS
                };
            }
            if is_end && node_flagged {
                demerits += FINAL_HYPHEN_DEMERITS;
            }
            if ragged_line(params, stretch) && true_ratio * RAG_SCALE as f64 > RAG_STEEP_FROM as f64
            {
                demerits += RAG_STEEP_DEMERITS;
            }
            let ratio32 = true_ratio.clamp(-1.0e3, 1.0e3) as f32;
            let class = if is_end { 1 } else { fitness(ratio32) };
            if (class as i32 - node.fitness as i32).abs() > 1 {
                demerits += ADJACENT_FITNESS_DEMERITS;
            }
            if params.justify && node.position != usize::MAX {
                let line_ratio = if is_end { ratio32.min(0.0) } else { ratio32 };
                let change = (expansion_steps(line_ratio) - expansion_steps(node.ratio)).abs();
                demerits += EXPANSION_CHANGE_DEMERITS * change as f64;
            }
            if runt {
                demerits += if params.justify {
                    JUSTIFIED_RUNT_DEMERITS
                } else {
                    RUNT_DEMERITS
                };
                if node_flagged {
                    demerits += HYPHEN_RUNT_DEMERITS;
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
        });
        start = node.next_start;
    }
    Some(lines)
}

#[cfg(test)]
#[path = "linebreak_tests.rs"]
mod tests;
