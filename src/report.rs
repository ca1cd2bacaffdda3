//! The typographic quality report, computed from the layout stage: the figures the
//! typography targets are stated in.

use crate::document::BlockKind;
use crate::layout::Layout;

#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    pub pages: usize,
    pub lines: usize,
    /// Justified lines that are not a paragraph's last: the ones whose spaces stretch.
    pub justified: usize,
    pub space_median: f32,
    pub space_p95: f32,
    pub space_max: f32,
    pub space_min: f32,
    pub hyphenated: usize,
    pub longest_hyphen_run: usize,
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

/// The p-th percentile (0–100) by nearest rank.
fn percentile(sorted: &[f32], p: f32) -> f32 {
    if sorted.is_empty() {
        return 1.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f32).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn quality(layout: &Layout) -> Quality {
    let body: Vec<_> = layout
        .lines
        .iter()
        .filter(|l| matches!(l.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .collect();
    let mut ratios: Vec<f32> = body
        .iter()
        .filter(|l| l.justified && !l.last_of_paragraph)
        .filter_map(|l| l.space_ratio)
        .collect();
    ratios.sort_by(f32::total_cmp);
    let mut longest = 0;
    let mut run = 0;
    for l in &layout.lines {
        if l.hyphenated {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    Quality {
        pages: layout.pages.len(),
        lines: body.len(),
        justified: ratios.len(),
        space_median: percentile(&ratios, 50.0),
        space_p95: percentile(&ratios, 95.0),
        space_max: ratios.last().copied().unwrap_or(1.0),
        space_min: ratios.first().copied().unwrap_or(1.0),
        hyphenated: body.iter().filter(|l| l.hyphenated).count(),
        longest_hyphen_run: longest,
        overfull: layout.lines.iter().filter(|l| l.overfull).count(),
        widows: layout.page_stats.widows,
        orphans: layout.page_stats.orphans,
        headings_at_foot: layout.page_stats.headings_at_foot,
    }
}

pub fn header() -> String {
    format!(
        "{:<28} {:>5} {:>5} {:>5} {:>6} {:>5} {:>5} {:>5} {:>6} {:>4} {:>5} {:>5} {:>5}",
        "leaflet",
        "pages",
        "lines",
        "just",
        "median",
        "p95",
        "max",
        "min",
        "hyph",
        "run",
        "over",
        "widow",
        "orph"
    )
}

pub fn row(name: &str, q: &Quality) -> String {
    format!(
        "{:<28} {:>5} {:>5} {:>5} {:>6.2} {:>5.2} {:>5.2} {:>5.2} {:>3} {:>2.0}% {:>4} {:>5} {:>5} {:>5}",
        name,
        q.pages,
        q.lines,
        q.justified,
        q.space_median,
        q.space_p95,
        q.space_max,
        q.space_min,
        q.hyphenated,
        q.hyphenated_share() * 100.0,
        q.longest_hyphen_run,
        q.overfull,
        q.widows,
        q.orphans
    )
}
