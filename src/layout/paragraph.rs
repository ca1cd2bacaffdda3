//! Setting one block: its items broken into lines (Knuth–Plass), each line's boxes placed
//! with the word spaces that line needs.

use super::linebreak::{LineBreak, Params, break_lines};
use crate::document::{Block, BlockKind};
use crate::style::{Align, HouseStyle};
use crate::text::items::{Fragment, Item, ItemBuilder, LETTER_SHRINK, LETTER_STRETCH};

/// A line of a block, its fragments placed relative to the block's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub fragments: Vec<(f32, Fragment)>,
    pub justified: bool,
    pub last: bool,
    pub hyphenated: bool,
    pub overfull: bool,
    pub space_ratio: Option<f32>,
}

impl SetLine {
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (k, (x, f)) in self.fragments.iter().enumerate() {
            if k > 0 {
                let (px, pf) = &self.fragments[k - 1];
                if *x > px + pf.width + 0.5 {
                    s.push(' ');
                }
            }
            s.push_str(&f.text());
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetBlock {
    pub kind: BlockKind,
    pub lines: Vec<SetLine>,
    pub marker: Option<Fragment>,
}

pub fn set_block(
    block: &Block,
    builder: &ItemBuilder,
    style: &HouseStyle,
    warnings: &mut Vec<String>,
) -> SetBlock {
    let padding = if block.background.is_some() {
        route_padding(style)
    } else {
        0.0
    };
    let width = style.measure() - block.indent - 2.0 * padding;
    let paragraph = builder.paragraph(block, width);
    warnings.extend(paragraph.warnings);
    let justify = block.align == Align::Justify;
    let breaks = break_lines(
        &paragraph.items,
        &Params {
            width,
            justify,
            em: block.size,
        },
    );
    let mut lines = Vec::with_capacity(breaks.len());
    let mut respelled: Option<Fragment> = None;
    for b in &breaks {
        let line = set_line(&paragraph.items, b, justify, respelled.take(), width);
        if let Item::Penalty { respelled_next, .. } = &paragraph.items[b.end] {
            respelled = respelled_next.clone();
        }
        lines.push(line);
    }
    SetBlock {
        kind: block.kind,
        lines,
        marker: block
            .marker
            .as_ref()
            .map(|m| builder.fragment(&m.text, m.face, block.size)),
    }
}

/// Inner space between the route box's edge and its text.
pub fn route_padding(style: &HouseStyle) -> f32 {
    style.body_size * 0.8
}

fn set_line(
    items: &[Item],
    b: &LineBreak,
    justify: bool,
    respelled_first: Option<Fragment>,
    width: f32,
) -> SetLine {
    // A last line keeps natural spacing, unless the breaker chose to shrink it to fit.
    let ratio = match (justify, b.last) {
        (false, _) => 0.0,
        (true, false) => actual_ratio(items, b, width),
        (true, true) => actual_ratio(items, b, width).min(0.0),
    };
    let letter_scale = 1.0
        + if ratio >= 0.0 {
            ratio * LETTER_STRETCH
        } else {
            ratio * LETTER_SHRINK
        };
    let mut x = 0.0;
    let mut fragments = Vec::new();
    let mut respelled_first = respelled_first;
    let mut space_ratios: Vec<f32> = Vec::new();
    for item in &items[b.start..b.end] {
        match item {
            Item::Box { fragment, .. } => {
                let mut f = respelled_first.take().unwrap_or_else(|| fragment.clone());
                if letter_scale != 1.0 {
                    for g in &mut f.glyphs {
                        g.x *= letter_scale;
                    }
                    f.width *= letter_scale;
                }
                let w = f.width;
                fragments.push((x, f));
                x += w;
            }
            Item::Glue {
                width,
                stretch,
                shrink,
            } => {
                if *stretch >= crate::text::items::FILL_STRETCH {
                    continue;
                }
                let adjust = if ratio >= 0.0 {
                    ratio * stretch
                } else {
                    ratio * shrink
                };
                // A line can only be stretched this far; beyond it the last resort leaves
                // spaces wide rather than letting glyphs collide.
                let w = (width + adjust).max(width * 0.5);
                if *width > 0.0 {
                    space_ratios.push(w / width);
                }
                x += w;
            }
            Item::Penalty { .. } => {}
        }
    }
    if let Item::Penalty {
        hyphen: Some((h, _)),
        ..
    } = &items[b.end]
    {
        let mut h = h.clone();
        h.width *= letter_scale;
        let w = h.width;
        fragments.push((x, h));
        x += w;
    }
    let space_ratio = if space_ratios.is_empty() {
        None
    } else {
        Some(space_ratios.iter().sum::<f32>() / space_ratios.len() as f32)
    };
    SetLine {
        fragments,
        justified: justify,
        last: b.last,
        hyphenated: b.hyphenated,
        // A hair of tolerance for float rounding; protrusion is allowed for by the breaker.
        overfull: b.overfull || x > width + protrusion_allowance(items, b) + 0.01,
        space_ratio,
    }
}

fn protrusion_allowance(items: &[Item], b: &LineBreak) -> f32 {
    match &items[b.end] {
        Item::Penalty {
            hyphen: Some((_, p)),
            ..
        } => *p,
        _ => match items[..b.end]
            .iter()
            .rev()
            .find(|i| matches!(i, Item::Box { .. }))
        {
            Some(Item::Box { protrusion, .. }) => *protrusion,
            _ => 0.0,
        },
    }
}

/// The ratio that makes this line exactly fill the measure. The breaker's own ratio may
/// include emergency stretch, which exists only to rank breaks, not to set them.
fn actual_ratio(items: &[Item], b: &LineBreak, width: f32) -> f32 {
    let (mut natural, mut stretch, mut shrink) = (0.0f32, 0.0f32, 0.0f32);
    for item in &items[b.start..b.end] {
        match item {
            Item::Box { fragment, .. } => {
                natural += fragment.width;
                stretch += fragment.width * LETTER_STRETCH;
                shrink += fragment.width * LETTER_SHRINK;
            }
            Item::Glue {
                width: w,
                stretch: y,
                shrink: z,
            } if *y < crate::text::items::FILL_STRETCH => {
                natural += w;
                stretch += y;
                shrink += z;
            }
            _ => {}
        }
    }
    if let Item::Penalty { width: w, .. } = &items[b.end] {
        natural += w;
        stretch += w * LETTER_STRETCH;
        shrink += w * LETTER_SHRINK;
    }
    let available = width + protrusion_allowance(items, b);
    if natural < available && stretch > 0.0 {
        (available - natural) / stretch
    } else if natural > available && shrink > 0.0 {
        ((available - natural) / shrink).max(-1.0)
    } else {
        0.0
    }
}
