//! The typographic quality report, computed from the layout stage: the figures the
//! typography targets are stated in (issues 3 and 13), for the alignment in use.

use crate::document::BlockKind;
use crate::layout::{Layout, LineStat};

#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    pub pages: usize,
    /// Body lines (paragraphs and list items).
    pub lines: usize,
    /// Whether the body is set ragged-right (most of its lines are not justified).
    pub ragged: bool,
    /// Justified lines that are not a paragraph's last: the ones whose spaces stretch.
    pub justified: usize,
    pub space_median: f32,
    pub space_p95: f32,
    pub space_max: f32,
    pub space_min: f32,
    /// Ragged lines that are not a paragraph's last: the ones that make the rag.
    pub ragged_lines: usize,
    /// Shortfall from the measure of those lines, as fractions of the measure.
    pub rag_median: f32,
    pub rag_p95: f32,
    pub rag_max: f32,
    /// Narrowest and widest word space on those lines (set ÷ natural): they close a little
    /// to take a word and open only on a line far short (`linebreak::RAG_TARGET`).
    pub rag_space_min: f32,
    pub rag_space_max: f32,
    /// Largest letter-spacing of any body line, ems per gap (absolute).
    pub letter_max: f32,
    /// Largest change of letter-spacing between adjacent lines of a paragraph, ems.
    pub letter_jump: f32,
    /// Narrowest and widest glyph scaling (PDF `Tz`) used, as factors.
    pub expansion_min: f32,
    pub expansion_max: f32,
    pub hyphenated: usize,
    pub longest_hyphen_run: usize,
    /// Runs of two or more hyphenated lines in a row.
    pub hyphen_runs: usize,
    /// Hyphens on a paragraph's last full line (the line before its last).
    pub final_hyphens: usize,
    pub overfull: usize,
    pub widows: usize,
    pub orphans: usize,
    pub headings_at_foot: usize,
}

impl Quality {
    pub fn hyphenated_share(&self) -> f32 {
        if self.lines == 0 {
            0.0
        } else {
            self.hyphenated as f32 / self.lines as f32
        }
    }
}

/// The p-th percentile (0–100) by nearest rank; `empty` for no values.
fn percentile(sorted: &[f32], p: f32, empty: f32) -> f32 {
    if sorted.is_empty() {
        return empty;
    }
    let rank = ((p / 100.0) * sorted.len() as f32).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn is_body(l: &LineStat) -> bool {
    matches!(l.kind, BlockKind::Paragraph | BlockKind::ListItem)
}

pub fn quality(layout: &Layout) -> Quality {
    let body: Vec<&LineStat> = layout.lines.iter().filter(|l| is_body(l)).collect();
    let mut ratios: Vec<f32> = body
        .iter()
        .filter(|l| l.justified && !l.last_of_paragraph)
        .filter_map(|l| l.space_ratio)
        .collect();
    ratios.sort_by(f32::total_cmp);
    let mut rag: Vec<f32> = body
        .iter()
        .filter(|l| !l.justified && !l.last_of_paragraph)
        .map(|l| l.shortfall)
        .collect();
    rag.sort_by(f32::total_cmp);
    let rag_spaces = body
        .iter()
        .filter(|l| !l.justified && !l.last_of_paragraph)
        .filter_map(|l| l.space_ratio);
    let (mut longest, mut run, mut runs) = (0, 0, 0);
    for l in &layout.lines {
        if l.hyphenated {
            run += 1;
            longest = longest.max(run);
            if run == 2 {
                runs += 1;
            }
        } else {
            run = 0;
        }
    }
    let mut letter_jump = 0.0f32;
    let mut final_hyphens = 0;
    for pair in layout.lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // Adjacent lines of one paragraph: the next line continues the same block.
        if a.last_of_paragraph || a.block != b.block || !is_body(a) {
            continue;
        }
        letter_jump = letter_jump.max((a.letter_ems - b.letter_ems).abs());
        if a.hyphenated && b.last_of_paragraph {
            final_hyphens += 1;
        }
    }
    let expansions = body.iter().map(|l| l.expansion);
    Quality {
        pages: layout.pages.len(),
        lines: body.len(),
        ragged: ratios.len() < rag.len(),
        justified: ratios.len(),
        space_median: percentile(&ratios, 50.0, 1.0),
        space_p95: percentile(&ratios, 95.0, 1.0),
        space_max: ratios.last().copied().unwrap_or(1.0),
        space_min: ratios.first().copied().unwrap_or(1.0),
        ragged_lines: rag.len(),
        rag_median: percentile(&rag, 50.0, 0.0),
        rag_p95: percentile(&rag, 95.0, 0.0),
        rag_max: rag.last().copied().unwrap_or(0.0),
        rag_space_min: rag_spaces.clone().fold(1.0, f32::min),
        rag_space_max: rag_spaces.fold(1.0, f32::max),
        letter_max: body.iter().map(|l| l.letter_ems.abs()).fold(0.0, f32::max),
        letter_jump,
        expansion_min: expansions.clone().fold(1.0, f32::min),
        expansion_max: expansions.fold(1.0, f32::max),
        hyphenated: body.iter().filter(|l| l.hyphenated).count(),
        longest_hyphen_run: longest,
        hyphen_runs: runs,
        final_hyphens,
        overfull: layout.lines.iter().filter(|l| l.overfull).count(),
        widows: layout.page_stats.widows,
        orphans: layout.page_stats.orphans,
        headings_at_foot: layout.page_stats.headings_at_foot,
    }
}

/// Paragraphs (and list items) longer than `max_lines` as laid out: `(block index, lines)`.
/// Keurmerk Makkelijk Lezen asks for fewer than 15 lines per paragraph; `check` maps the
/// block index to the block's source span.
pub fn long_paragraphs(layout: &Layout, max_lines: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for l in layout.lines.iter().filter(|l| is_body(l)) {
        match out.last_mut() {
            Some((block, n)) if *block == l.block => *n += 1,
            _ => out.push((l.block, 1)),
        }
    }
    out.retain(|&(_, n)| n > max_lines);
    out
}

pub fn header() -> String {
    format!(
        "{:<28} {:>5} {:>5} {:>7} {:>6} {:>6} {:>6} {:>9} {:>6} {:>6} {:>11} {:>8} {:>4} {:>5} {:>5} {:>5}",
        "leaflet",
        "pages",
        "lines",
        "align",
        "median",
        "p95",
        "max",
        "spaces",
        "ls-max",
        "ls-jmp",
        "Tz",
        "hyph",
        "runs",
        "over",
        "widow",
        "orph"
    )
}

/// One leaflet's figures. Ragged-right: median/p95/max are the shortfall of non-final lines
/// in per cent of the measure. Justified: the word space as set ÷ natural. `spaces` is the
/// range of word spaces (set ÷ natural) on the lines that make those figures. Letter-spacing in
/// ems per gap; Tz the glyph-scaling range in per cent.
pub fn row(name: &str, q: &Quality) -> String {
    let (align, median, p95, max, spaces) = if q.ragged {
        (
            "left",
            format!("{:.1}%", q.rag_median * 100.0),
            format!("{:.1}%", q.rag_p95 * 100.0),
            format!("{:.1}%", q.rag_max * 100.0),
            (q.rag_space_min, q.rag_space_max),
        )
    } else {
        (
            "justify",
            format!("{:.2}", q.space_median),
            format!("{:.2}", q.space_p95),
            format!("{:.2}", q.space_max),
            (q.space_min, q.space_max),
        )
    };
    format!(
        "{:<28} {:>5} {:>5} {:>7} {:>6} {:>6} {:>6} {:>9} {:>6.4} {:>6.4} {:>11} {:>3} {:>3.0}% {:>4} {:>5} {:>5} {:>5}",
        name,
        q.pages,
        q.lines,
        align,
        median,
        p95,
        max,
        format!("{:.2}–{:.2}", spaces.0, spaces.1),
        q.letter_max,
        q.letter_jump,
        format!(
            "{:.1}–{:.1}",
            q.expansion_min * 100.0,
            q.expansion_max * 100.0
        ),
        q.hyphenated,
        q.hyphenated_share() * 100.0,
        q.hyphen_runs,
        q.overfull,
        q.widows,
        q.orphans
    )
}
