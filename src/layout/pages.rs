//! Page breaking: the set lines of all blocks distributed over pages.
//!
//! Like line breaking, this is a total-fit choice: every legal page break is tried and the
//! cheapest sequence of pages wins. Legality encodes the rules a reader notices (no orphan,
//! no widow, a heading never alone at a page foot, the route block whole); the cost encodes
//! the taste (full pages, lists kept together, no page with only a remnant).

use super::figure::{self, FigureFit, PlacedImage};

#[path = "refit.rs"]
mod refit;
use super::footer::Footer;
use super::paragraph::{SetBlock, route_padding};
use super::table::{self, SetTable};
use super::{Fill, GlyphRun, Layout, LineStat, Page, PageItem, PageStats, Rule};
use crate::document::tree::Content;
use crate::document::{BlockKind, Document};
use crate::style::{Align, HouseStyle};
use crate::text::items::ItemBuilder;

/// Each page costs this much, so the breaker never adds a page to gain a little evenness.
const PAGE_COST: f64 = 10_000.0;
/// Empty space at the foot of a page that is not the last, squared fraction of the body.
const EMPTY_FOOT_COST: f64 = 1_000.0;
/// A last page filled less than this fraction holds only a remnant...
const REMNANT_FRACTION: f32 = 0.25;
/// ...and costs up to this much, so moving a few lines there wins over a full page before it.
const REMNANT_COST: f64 = 400.0;
/// Breaking between two items of one list is fine, but not free.
const LIST_BREAK_COST: f64 = 30.0;
/// A word hyphenated across a page turn is read half now and half after turning (TeX's
/// \brokenpenalty): worth a line of empty foot many times over.
const BROKEN_WORD_COST: f64 = 100.0;
/// A unit taller than a whole page (a huge route block) must still go somewhere.
const OVERFLOW_COST: f64 = 1.0e7;
/// Breaking a table between rows costs more than between list items: the reader loses
/// the columns' alignment, even with the header repeated.
const TABLE_BREAK_COST: f64 = 60.0;

/// The smallest thing pagination moves: one line, or a whole unbreakable block.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    block: usize,
    /// Lines `first..last` of the block.
    first: usize,
    last: usize,
    height: f32,
    space_before: f32,
    /// Cost of a page break right before this unit; `None` where a break is illegal.
    break_cost: Option<f64>,
    /// Height set above this unit when it starts a page: a table's repeated header.
    head: f32,
}

/// Geometry shared by every page.
struct Frame {
    left: f32,
    top: f32,
    /// Bottom edge of the text area (above the footer).
    bottom: f32,
}

pub fn paginate(
    doc: &Document,
    blocks: &[SetBlock],
    tables: &[Option<SetTable>],
    builder: &ItemBuilder,
    style: &HouseStyle,
) -> Layout {
    let footer = Footer::new(&doc.footer, doc.lang, builder, style);
    let frame = Frame {
        left: style.margin_left(),
        top: style.margin_top(),
        bottom: footer.top() - style.body_size,
    };
    let body = frame.bottom - frame.top;
    let line_counts: Vec<usize> = blocks.iter().map(|b| b.lines.len()).collect();
    let fits: Vec<Option<FigureFit>> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(b, block)| {
            block.figure.as_ref().map(|_| {
                let with = figure::companions(&doc.blocks, &line_counts, b);
                figure::fit(&doc.blocks, b, style, body, with)
            })
        })
        .collect();
    let mut units = units(doc, blocks, tables, &fits, style);
    let mut qr = online_code(doc, &mut units);
    let mut breaks = choose_breaks(&units, body);
    let mut fits = fits;
    if let Some((refit, scaled)) = refit::to_empty_feet(&units, &breaks, &fits, body) {
        let mut units2 = self::units(doc, blocks, tables, &refit, style);
        let qr2 = online_code(doc, &mut units2);
        let breaks2 = choose_breaks(&units2, body);
        if refit::better((&units, &breaks), (&units2, &breaks2), &scaled) {
            (units, qr, breaks, fits) = (units2, qr2, breaks2, refit);
        }
    }

    let mut pages = Vec::new();
    let mut lines = Vec::new();
    let mut page_stats = PageStats::default();
    let page_count = breaks.len();
    for (p, range) in breaks.iter().enumerate() {
        let mut page = Page {
            width: style.page_width(),
            height: style.page_height(),
            items: Vec::new(),
            tags: Vec::new(),
        };
        if p == 0 {
            // A band of the house colour across the top of the first page, running off the
            // trim (the print output extends it into the bleed).
            page.items.push(PageItem::Fill(Fill {
                x: 0.0,
                y: 0.0,
                width: style.page_width(),
                height: style.margin_top() * 0.45,
                color: style.accent_color,
            }));
        }
        let mut y = frame.top;
        for (k, u) in units[range.clone()].iter().enumerate() {
            if k > 0 {
                y += u.space_before;
            }
            match &tables[u.block] {
                Some(t) => {
                    let block = &doc.blocks[u.block];
                    let left = frame.left + block.indent;
                    if k == 0 && u.head > 0.0 {
                        // The repeated header is page furniture for a reader: untagged.
                        let tagged = page.tags.len();
                        table::place_row(
                            t, 0, block, u.block, left, y, p, &mut page, &mut lines, style,
                        );
                        page.tags.truncate(tagged);
                        y += u.head;
                    }
                    table::place_row(
                        t, u.first, block, u.block, left, y, p, &mut page, &mut lines, style,
                    );
                }
                None if doc.blocks[u.block].kind == BlockKind::Online && qr.is_some() => {
                    let (code, text_height) = qr.as_ref().expect("matched above");
                    draw_code(code, frame.left, y, &mut page);
                    // The words sit centred beside the code.
                    let top = y + (u.height - text_height) / 2.0;
                    place_unit(u, doc, blocks, style, &frame, top, p, &mut page, &mut lines);
                }
                None => match &fits[u.block] {
                    Some(fit) => place_figure(fit, doc, &frame, y, &mut page),
                    None => place_unit(u, doc, blocks, style, &frame, y, p, &mut page, &mut lines),
                },
            }
            y += u.height;
        }
        footer.draw(&mut page, Some((p + 1, page_count)), builder, style);
        pages.push(page);

        // Verify the rules on the result, independently of how breaks were chosen.
        if p + 1 < page_count {
            let last = &units[range.end - 1];
            let next = &units[range.end];
            if last.block == next.block && tables[next.block].is_none() {
                let lines_before = last.last;
                let lines_after = blocks[next.block].lines.len() - next.first;
                if lines_before == 1 {
                    page_stats.orphans += 1;
                }
                if lines_after == 1 {
                    page_stats.widows += 1;
                }
            }
            if blocks[last.block].kind == BlockKind::Heading {
                page_stats.headings_at_foot += 1;
            }
        }
    }
    Layout {
        pages,
        lines,
        page_stats,
        warnings: Vec::new(),
        warning_origins: Vec::new(),
        figures: fits.into_iter().flatten().collect(),
    }
}

/// The QR code of the online block, and the height of its words; the block's unit grows
/// to the code's height so pagination keeps room for it.
fn online_code(doc: &Document, units: &mut [Unit]) -> Option<(crate::qr::Symbol, f32)> {
    let code = crate::qr::Symbol::encode(doc.online.as_deref()?)?;
    let unit = units
        .iter_mut()
        .find(|u| doc.blocks[u.block].kind == BlockKind::Online)?;
    let text_height = unit.height;
    unit.height = unit.height.max(code.side());
    Some((code, text_height))
}

/// The code's dark modules as solid black rectangles, top-left corner at (`x`, `y`).
fn draw_code(code: &crate::qr::Symbol, x: f32, y: f32, page: &mut Page) {
    for r in code.rects(x, y) {
        page.items.push(PageItem::Fill(Fill {
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
            color: crate::qr::INK,
        }));
    }
}

/// Draws a figure at the left edge of the measure (where its caption and the ragged text
/// start), its box's top at `top`.
fn place_figure(fit: &FigureFit, doc: &Document, frame: &Frame, top: f32, page: &mut Page) {
    let figure = doc.blocks[fit.block]
        .figure
        .as_ref()
        .expect("a fitted block is a figure");
    page.tags.push(super::Tag {
        item: page.items.len(),
        content: crate::document::tree::Content::Figure(fit.block),
        space_after: false,
    });
    page.items.push(PageItem::Image(PlacedImage {
        image: figure.image.clone(),
        alt: figure.alt.clone(),
        block: fit.block,
        x: frame.left,
        y: top,
        width: fit.width,
        height: fit.height,
    }));
}

/// Height of the text area between the top margin and the footer, points.
pub fn body_height(doc: &Document, builder: &ItemBuilder, style: &HouseStyle) -> f32 {
    let footer = Footer::new(&doc.footer, doc.lang, builder, style);
    footer.top() - style.body_size - style.margin_top()
}

fn units(
    doc: &Document,
    blocks: &[SetBlock],
    tables: &[Option<SetTable>],
    fits: &[Option<FigureFit>],
    style: &HouseStyle,
) -> Vec<Unit> {
    let mut units = Vec::new();
    for (b, (block, set)) in doc.blocks.iter().zip(blocks).enumerate() {
        let previous = b.checked_sub(1).map(|p| &doc.blocks[p]);
        if let Some(fit) = &fits[b] {
            // A figure is one unit, never split; a break before it is as before any block.
            units.push(Unit {
                block: b,
                first: 0,
                last: 0,
                height: fit.height,
                space_before: block.space_before,
                break_cost: previous.and_then(|p| (!p.keep_with_next).then_some(0.0)),
                head: 0.0,
            });
            continue;
        }
        if let Some(t) = &tables[b] {
            let head = t.rows.first().map_or(0.0, |r| r.height);
            for (r, row) in t.rows.iter().enumerate() {
                // Whole rows only; the header stays with the first row, and a row that
                // starts a page has the header repeated above it.
                let break_cost = match r {
                    0 => previous.and_then(|p| (!p.keep_with_next).then_some(0.0)),
                    1 => None,
                    _ => Some(TABLE_BREAK_COST),
                };
                units.push(Unit {
                    block: b,
                    first: r,
                    last: r + 1,
                    height: row.height,
                    space_before: if r == 0 { block.space_before } else { 0.0 },
                    break_cost,
                    head: if r >= 2 { head } else { 0.0 },
                });
            }
            continue;
        }
        let n = set.lines.len();
        if n == 0 {
            continue;
        }
        let break_before_block = match previous {
            None => None,
            Some(prev) if prev.keep_with_next => None,
            Some(prev) if prev.kind == BlockKind::ListItem && block.kind == BlockKind::ListItem => {
                Some(LIST_BREAK_COST)
            }
            Some(_) => Some(0.0),
        };
        if block.unbreakable {
            let padding = if block.background.is_some() {
                2.0 * route_padding(style)
            } else {
                0.0
            };
            units.push(Unit {
                block: b,
                first: 0,
                last: n,
                height: n as f32 * block.leading + padding,
                space_before: block.space_before,
                break_cost: break_before_block,
                head: 0.0,
            });
            continue;
        }
        for line in 0..n {
            // Two lines at least on each side of a break inside a paragraph: no orphan, no
            // widow.
            let break_cost = if line == 0 {
                break_before_block
            } else if line >= 2 && n - line >= 2 {
                Some(if set.lines[line - 1].hyphenated {
                    BROKEN_WORD_COST
                } else {
                    0.0
                })
            } else {
                None
            };
            units.push(Unit {
                block: b,
                first: line,
                last: line + 1,
                height: block.leading,
                space_before: if line == 0 { block.space_before } else { 0.0 },
                break_cost,
                head: 0.0,
            });
        }
    }
    units
}

/// The cheapest sequence of pages; each range is the units of one page.
fn choose_breaks(units: &[Unit], body: f32) -> Vec<std::ops::Range<usize>> {
    let n = units.len();
    if n == 0 {
        return std::iter::once(0..0).collect();
    }
    // best[j]: cheapest cost of pages covering units[..j] with a page starting at j.
    let mut best: Vec<Option<(f64, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0));
    for start in 0..n {
        let Some((cost_so_far, _)) = best[start] else {
            continue;
        };
        let mut height = units[start].head;
        for end in start + 1..=n {
            let u = &units[end - 1];
            height += u.height + if end - 1 > start { u.space_before } else { 0.0 };
            let overflow = height > body + 0.01;
            if overflow && end > start + 1 {
                break;
            }
            let break_cost = if end == n {
                Some(0.0)
            } else {
                units[end].break_cost
            };
            let Some(break_cost) = break_cost else {
                continue;
            };
            let fill = (height / body).min(1.0);
            let mut cost = PAGE_COST + break_cost;
            if overflow {
                cost += OVERFLOW_COST;
            }
            if end == n {
                if fill < REMNANT_FRACTION && start > 0 {
                    cost += REMNANT_COST * (1.0 - (fill / REMNANT_FRACTION) as f64);
                }
            } else {
                cost += EMPTY_FOOT_COST * ((1.0 - fill) as f64).powi(2);
            }
            let total = cost_so_far + cost;
            if best[end].is_none_or(|(t, _)| total < t) {
                best[end] = Some((total, start));
            }
        }
        // A page that can hold nothing legal: force the next unit onto a page of its own.
        if best[start + 1..].iter().all(Option::is_none) && start < n {
            best[start + 1] = Some((cost_so_far + OVERFLOW_COST, start));
        }
    }
    let mut ranges = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end].expect("every unit is reachable");
        ranges.push(start..end);
        end = start;
    }
    ranges.reverse();
    ranges
}

/// Where the baseline of a line sits below the top of its line box.
pub(super) fn baseline_offset(leading: f32, size: f32) -> f32 {
    leading - (leading - size) / 2.0 - size * 0.22
}

#[allow(clippy::too_many_arguments)]
fn place_unit(
    u: &Unit,
    doc: &Document,
    blocks: &[SetBlock],
    style: &HouseStyle,
    frame: &Frame,
    top: f32,
    page_index: usize,
    page: &mut Page,
    stats: &mut Vec<LineStat>,
) {
    let block = &doc.blocks[u.block];
    let set = &blocks[u.block];
    let mut x0 = frame.left + block.indent;
    let mut y = top;
    if let Some(tint) = block.background {
        page.items.push(PageItem::Fill(super::Fill {
            x: frame.left,
            y: top,
            width: style.measure(),
            height: u.height,
            color: tint,
        }));
        page.items.push(PageItem::Rule(Rule {
            x1: frame.left + 1.0,
            y1: top,
            x2: frame.left + 1.0,
            y2: top + u.height,
            thickness: 2.0,
            color: style.accent_color,
        }));
        x0 += route_padding(style);
        y += route_padding(style);
    }
    for (i, line) in set.lines[u.first..u.last].iter().enumerate() {
        let index = u.first + i;
        let baseline = y + baseline_offset(block.leading, block.size);
        if index == 0
            && let Some(marker) = &set.marker
        {
            let run = GlyphRun {
                face: marker.face,
                size: marker.size,
                color: style.accent_color,
                x: marker_x(x0, style.list_indent, marker.width, marker.size),
                y: baseline,
                glyphs: marker.glyphs.clone(),
                scale: marker.scale,
            };
            page.push_content(run, Content::Marker(u.block), false);
        }
        let content = Content::Text(u.block);
        let hyphen = line.added_hyphen.then(|| line.fragments.len() - 1);
        for (k, (x, frag)) in line.fragments.iter().enumerate() {
            let space_after = line.space_after.get(k).copied().unwrap_or(false);
            // Consecutive fragments in one face touching each other merge into one run;
            // an added hyphen stays a run of its own, an artifact for a reader.
            let tagged_last = page
                .tags
                .last()
                .is_some_and(|t| t.item + 1 == page.items.len() && t.content == content);
            if hyphen != Some(k)
                && tagged_last
                && let Some(PageItem::Text(run)) = page.items.last_mut()
                && run.face == frag.face
                && run.size == frag.size
                && run.scale == frag.scale
                && run.y == baseline
                && (run.right() - (x0 + x)).abs() < 0.001
            {
                let offset = x0 + x - run.x;
                run.glyphs.extend(frag.glyphs.iter().map(|g| {
                    let mut g = g.clone();
                    g.x += offset;
                    g
                }));
                if let Some(t) = page.tags.last_mut() {
                    t.space_after = space_after;
                }
                continue;
            }
            let run = GlyphRun {
                face: frag.face,
                size: frag.size,
                color: block.color,
                x: x0 + x,
                y: baseline,
                glyphs: frag.glyphs.clone(),
                scale: frag.scale,
            };
            if hyphen == Some(k) {
                page.items.push(PageItem::Text(run));
            } else {
                page.push_content(run, content, space_after);
            }
        }
        let justified = line.justified
            && block.align == Align::Justify
            && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem);
        stats.push(line.stat(block.kind, u.block, page_index, justified));
        y += block.leading;
    }
}

/// The narrowest gap between a list marker and its text, in ems of the marker: "10." must
/// never touch "Stap tien", which a fixed hang of 14 pt cannot hold.
const MIN_MARKER_GAP_EM: f32 = 0.3;

/// Where a list marker starts: at the start of the hang when it fits there with its gap, or
/// else ending that gap before the text, hanging further left into the margin as numbers
/// from 10 up do in a book's numbered lists.
pub(super) fn marker_x(text_x: f32, hang: f32, width: f32, size: f32) -> f32 {
    let gap = MIN_MARKER_GAP_EM * size;
    if width + gap <= hang {
        text_x - hang
    } else {
        text_x - gap - width
    }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
