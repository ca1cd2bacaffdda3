//! Pipe tables (fasting times, when to stop which medicine): columns sized to their
//! content, cells set as ragged paragraphs with hyphenation, rules between rows. Pagination
//! moves whole rows (a row is never split) and repeats the header on a continuation page.

use super::paragraph::{SetBlock, set_block};
use super::{GlyphRun, LineStat, Page, PageItem, Rule};
use crate::document::tree::Content;
use crate::document::{Block, BlockKind, Table};
use crate::style::{Align, HouseStyle};
use crate::text::items::ItemBuilder;

/// White space between two columns, in ems: enough that the eye separates them without
/// vertical rules, which print poorly at hairline widths.
const COLUMN_GAP_EM: f32 = 1.0;
/// White space above and below a row's text, in leadings: keeps text off the rules.
const ROW_PAD_LEADINGS: f32 = 0.2;
/// A column narrower than this many ems would hyphenate every other word; when the words
/// are longer, hyphenation takes up the rest.
const MIN_COLUMN_EM: f32 = 4.0;
/// The rules above and below the header are heavier than those between rows, so the
/// header reads as the table's head (booktabs' top/mid rule against a light row rule).
const HEAD_RULE: f32 = 0.8;
const ROW_RULE: f32 = 0.3;

/// One set row: its cells and its height including padding.
#[derive(Debug, Clone, PartialEq)]
pub struct SetRow {
    pub cells: Vec<SetBlock>,
    pub height: f32,
}

/// A set table: where each column starts (relative to the block's left edge) and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SetTable {
    pub columns: Vec<f32>,
    pub width: f32,
    pub rows: Vec<SetRow>,
}

/// How wide each column may be. The table always spans the measure, so its rules line up
/// with the text's edges. When every line fits, each column gets what its longest line
/// wants plus a share of the spare room in proportion; otherwise each gets its minimum plus
/// a share of the remaining room in proportion to how much more it wants (the automatic
/// layout of HTML tables), so a long description column wraps while short time columns
/// stay whole.
fn column_widths(natural: &[f32], minimum: &[f32], room: f32) -> Vec<f32> {
    let want: f32 = natural.iter().sum();
    let need: f32 = minimum.iter().sum();
    if want <= room {
        return natural.iter().map(|n| n * room / want).collect();
    }
    if need >= room {
        return minimum.iter().map(|m| m * room / need).collect();
    }
    let share = (room - need) / (want - need);
    natural
        .iter()
        .zip(minimum)
        .map(|(n, m)| m + (n - m) * share)
        .collect()
}

/// Sets every cell of `table` at its column's width.
pub fn set_table(
    block: &Block,
    table: &Table,
    builder: &ItemBuilder,
    style: &HouseStyle,
    warnings: &mut Vec<crate::text::items::TextWarning>,
) -> SetTable {
    let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let size = block.size;
    let gap = COLUMN_GAP_EM * size;
    let room = style.measure() - block.indent - gap * columns.saturating_sub(1) as f32;
    let mut natural = vec![0.0f32; columns];
    let mut minimum = vec![MIN_COLUMN_EM * size; columns];
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate() {
            let mut line = 0.0;
            for run in cell {
                line += builder.fragment(&run.text, run.face, size).width;
                for word in run.text.split_whitespace() {
                    let w = builder.fragment(word, run.face, size).width;
                    minimum[c] = minimum[c].max(w.min(room / columns as f32));
                }
            }
            natural[c] = natural[c].max(line);
        }
    }
    for c in 0..columns {
        natural[c] = natural[c].max(minimum[c]);
    }
    let widths = column_widths(&natural, &minimum, room);
    let mut x = 0.0;
    let mut starts = Vec::with_capacity(columns);
    for w in &widths {
        starts.push(x);
        x += w + gap;
    }
    let pad = ROW_PAD_LEADINGS * block.leading;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<SetBlock> = row
                .iter()
                .zip(&widths)
                .map(|(runs, width)| {
                    // `set_block` sets a block at the measure less its indent: the indent
                    // that leaves a cell its column's width.
                    let cell = Block {
                        kind: BlockKind::Table,
                        runs: runs.clone(),
                        marker: None,
                        indent: style.measure() - width,
                        align: Align::Left,
                        table: None,
                        background: None,
                        origin: None,
                        ..block.clone()
                    };
                    set_block(&cell, builder, style, warnings)
                })
                .collect();
            let lines = cells
                .iter()
                .map(|c| c.lines.len())
                .max()
                .unwrap_or(0)
                .max(1);
            SetRow {
                cells,
                height: lines as f32 * block.leading + 2.0 * pad,
            }
        })
        .collect();
    SetTable {
        columns: starts,
        width: (x - gap).max(0.0),
        rows,
    }
}

/// Draws row `r` of a table with its top at `top`; the header also gets the rule above it.
#[allow(clippy::too_many_arguments)]
pub fn place_row(
    table: &SetTable,
    r: usize,
    block: &Block,
    block_index: usize,
    left: f32,
    top: f32,
    page_index: usize,
    page: &mut Page,
    stats: &mut Vec<LineStat>,
    style: &HouseStyle,
) {
    let row = &table.rows[r];
    let pad = ROW_PAD_LEADINGS * block.leading;
    let rule = |y: f32, thickness: f32| {
        PageItem::Rule(Rule {
            x1: left,
            y1: y,
            x2: left + table.width,
            y2: y,
            thickness,
            color: style.accent_color,
        })
    };
    if r == 0 {
        page.items.push(rule(top, HEAD_RULE));
    }
    for (col, (cell, x)) in row.cells.iter().zip(&table.columns).enumerate() {
        let content = Content::Cell {
            block: block_index,
            row: r,
            col,
        };
        for (i, line) in cell.lines.iter().enumerate() {
            let baseline = top
                + pad
                + i as f32 * block.leading
                + super::pages::baseline_offset(block.leading, block.size);
            let hyphen = line.added_hyphen.then(|| line.fragments.len() - 1);
            for (k, (fx, frag)) in line.fragments.iter().enumerate() {
                let run = GlyphRun {
                    face: frag.face,
                    size: frag.size,
                    color: block.color,
                    x: left + x + fx,
                    y: baseline,
                    glyphs: frag.glyphs.clone(),
                    scale: frag.scale,
                };
                if hyphen == Some(k) {
                    page.items.push(PageItem::Text(run));
                } else {
                    let space_after = line.space_after.get(k).copied().unwrap_or(false);
                    page.push_content(run, content, space_after);
                }
            }
            stats.push(line.stat(BlockKind::Table, block_index, page_index, false));
        }
    }
    let thickness = if r == 0 || r + 1 == table.rows.len() {
        HEAD_RULE
    } else {
        ROW_RULE
    };
    page.items.push(rule(top + row.height, thickness));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_get_what_they_want_and_share_the_rest_when_it_fits() {
        assert_eq!(
            column_widths(&[30.0, 50.0], &[20.0, 20.0], 160.0),
            [60.0, 100.0]
        );
    }

    #[test]
    fn the_column_that_wants_more_gives_up_more() {
        // Minimums 20 + 20, room 100: the 60 left shared in proportion to 10 and 110.
        let w = column_widths(&[30.0, 130.0], &[20.0, 20.0], 100.0);
        assert!(
            (w[0] - 25.0).abs() < 1e-4 && (w[1] - 75.0).abs() < 1e-4,
            "{w:?}"
        );
    }

    #[test]
    fn too_narrow_scales_the_minimums() {
        assert_eq!(
            column_widths(&[80.0, 80.0], &[60.0, 40.0], 50.0),
            [30.0, 20.0]
        );
    }
}
