//! Setting one block: its items broken into lines (Knuth–Plass), each line's boxes placed
//! with the word spaces that line needs.

use super::LineStat;
use super::linebreak::{
    LETTER_SHRINK_EMS, LETTER_STRETCH_EMS, LineBreak, Params, RAG_TARGET, RAGGED_SPACE_SHRINK,
    RAGGED_SPACE_STRETCH, box_give, break_lines, expansion_at, letter_spacing_at,
    line_end_protrusion, ragged_take,
};
use crate::document::{Block, BlockKind};
use crate::style::{Align, HouseStyle};
use crate::text::items::{FILL_STRETCH, Fragment, Item, ItemBuilder};

/// A line of a block, its fragments placed relative to the block's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub fragments: Vec<(f32, Fragment)>,
    pub justified: bool,
    pub last: bool,
    pub hyphenated: bool,
    pub overfull: bool,
    pub space_ratio: Option<f32>,
    /// How much shorter than the measure the line is, as a fraction of it (the rag).
    pub shortfall: f32,
    /// Letter-spacing added to each gap between glyphs, in ems (negative: tightened).
    pub letter_ems: f32,
    /// Glyph width factor (PDF `Tz`), 1.0 for natural width.
    pub expansion: f32,
    /// For each fragment, whether a word space follows it; for the last, whether the line
    /// breaks between words (tagged PDF writes a space there, not after an added hyphen or
    /// inside a word broken after its own hyphen or a URL's slash).
    pub space_after: Vec<bool>,
    /// The last fragment is the hyphen the break added, not the author's text.
    pub added_hyphen: bool,
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

    /// The line's figures for `--report` and the typography tests.
    pub fn stat(&self, kind: BlockKind, block: usize, page: usize, justified: bool) -> LineStat {
        LineStat {
            kind,
            block,
            page,
            text: self.text(),
            justified,
            last_of_paragraph: self.last,
            space_ratio: self.space_ratio,
            hyphenated: self.hyphenated,
            overfull: self.overfull,
            shortfall: self.shortfall,
            letter_ems: self.letter_ems,
            expansion: self.expansion,
        }
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
    warnings: &mut Vec<crate::text::items::TextWarning>,
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
    let params = Params {
        width,
        justify,
        em: block.size,
        space_open: if style.even_spaces || !opens_spaces(block.kind) {
            0.0
        } else {
            RAGGED_SPACE_STRETCH
        },
    };
    let breaks = break_lines(&paragraph.items, &params);
    let mut lines = Vec::with_capacity(breaks.len());
    let mut respelled: Option<Fragment> = None;
    for b in &breaks {
        let line = set_line(&paragraph.items, b, &params, respelled.take());
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

/// Running text, where a ragged line far short may open its spaces a little; display lines
/// (title, headings) and the short lines of the footer and route keep natural spaces.
fn opens_spaces(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Contact | BlockKind::Caption
    )
}

/// Inner space between the route box's edge and its text.
pub fn route_padding(style: &HouseStyle) -> f32 {
    style.body_size * 0.8
}

/// Sets one chosen line: glyphs expanded and letter-spaced as the ratio asks (justified
/// only), then word spaces take exactly what is left of the measure, so the line ends on
/// the margin (or its protrusion) whatever rounding the expansion steps made.
fn set_line(
    items: &[Item],
    b: &LineBreak,
    params: &Params,
    respelled_first: Option<Fragment>,
) -> SetLine {
    let (justify, width) = (params.justify, params.width);
    // A last line keeps natural spacing, unless the breaker chose to shrink it to fit.
    let ratio = match (justify, b.last) {
        (false, _) => 0.0,
        (true, false) => actual_ratio(items, b, width),
        (true, true) => actual_ratio(items, b, width).min(0.0),
    };
    let expansion = if justify { expansion_at(ratio) } else { 1.0 };
    // Letters give only up to ratio ±1: beyond, the word spaces take the rest, so no gap
    // ever passes LETTER_STRETCH_EMS and adjacent lines differ by at most
    // LETTER_STRETCH_EMS + LETTER_SHRINK_EMS.
    let letter_ems = if justify {
        letter_spacing_at(ratio)
    } else {
        0.0
    };
    let spaced = |mut f: Fragment| {
        let gaps = f.glyphs.len().saturating_sub(1);
        if expansion != 1.0 || (letter_ems != 0.0 && gaps > 0) {
            let delta = letter_ems * f.size;
            for (k, g) in f.glyphs.iter_mut().enumerate() {
                g.x = g.x * expansion + k as f32 * delta;
                g.advance *= expansion;
            }
            f.width = f.width * expansion + gaps as f32 * delta;
            f.scale = expansion;
        }
        f
    };
    enum Piece<'a> {
        Box(Fragment),
        Space(&'a Item),
    }
    let mut respelled_first = respelled_first;
    let mut pieces = Vec::new();
    let mut added_hyphen = false;
    for item in &items[b.start..b.end] {
        match item {
            Item::Box { fragment, .. } => {
                let f = respelled_first.take().unwrap_or_else(|| fragment.clone());
                pieces.push(Piece::Box(spaced(f)));
            }
            Item::Glue { stretch, .. } if *stretch < FILL_STRETCH => {
                pieces.push(Piece::Space(item))
            }
            _ => {}
        }
    }
    if let Item::Penalty {
        hyphen: Some((h, _)),
        ..
    } = &items[b.end]
    {
        pieces.push(Piece::Box(spaced(h.clone())));
        added_hyphen = true;
    }
    let allowance = line_end_protrusion(items, b.end);
    let (mut boxes, mut natural, mut stretch, mut shrink) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for p in &pieces {
        match p {
            Piece::Box(f) => boxes += f.width,
            Piece::Space(Item::Glue {
                width: w,
                stretch: y,
                shrink: z,
            }) => {
                natural += w;
                stretch += y;
                shrink += z;
            }
            Piece::Space(_) => {}
        }
    }
    let slack = width + allowance - boxes - natural;
    // Ragged lines close their spaces only as far as the breaker counted on (a line it took
    // one word more for), and open them only on a line far short (`RAG_TARGET`).
    // A ragged paragraph's last line may close its spaces as far as justified text (see the
    // breaker): it never does unless that took its last word up.
    let shrink_share = if justify || b.last {
        1.0
    } else {
        RAGGED_SPACE_SHRINK
    };
    let shrink = shrink * shrink_share;
    let glue_ratio = if slack < 0.0 && shrink > 0.0 {
        (slack / shrink).max(-1.0)
    } else if !justify && !b.last && stretch > 0.0 {
        // A ragged line far short opens its spaces as far as the breaker counted on.
        let room = stretch * params.space_open;
        ragged_take(slack as f64, (RAG_TARGET * width) as f64, room as f64) as f32 / stretch
    } else if !justify || (b.last && ratio == 0.0) {
        0.0
    } else if slack >= 0.0 && stretch > 0.0 {
        slack / stretch
    } else {
        0.0
    };
    let mut x = 0.0;
    let mut fragments = Vec::new();
    let mut space_ratios: Vec<f32> = Vec::new();
    let mut space_after = Vec::with_capacity(pieces.len());
    for p in pieces {
        match p {
            Piece::Box(f) => {
                let w = f.width;
                fragments.push((x, f));
                space_after.push(false);
                x += w;
            }
            Piece::Space(Item::Glue {
                width: w,
                stretch: y,
                shrink: z,
            }) => {
                let adjust = if glue_ratio >= 0.0 {
                    glue_ratio * y
                } else {
                    glue_ratio * z * shrink_share
                };
                let set = w + adjust;
                if let Some(last) = space_after.last_mut() {
                    *last = true;
                }
                if *w > 0.0 {
                    space_ratios.push(set / w);
                }
                x += set;
            }
            Piece::Space(_) => {}
        }
    }
    let space_ratio = if space_ratios.is_empty() {
        None
    } else {
        Some(space_ratios.iter().sum::<f32>() / space_ratios.len() as f32)
    };
    let ends_word = b.last || matches!(items[b.end], Item::Glue { .. });
    if let Some(last) = space_after.last_mut() {
        *last = ends_word && !added_hyphen;
    }
    SetLine {
        fragments,
        space_after,
        added_hyphen,
        justified: justify,
        last: b.last,
        hyphenated: b.hyphenated,
        // A hair of tolerance for float rounding; protrusion is allowed for by the breaker.
        overfull: b.overfull || x > width + allowance + 0.01,
        space_ratio,
        shortfall: ((width - x) / width).max(0.0),
        letter_ems,
        expansion,
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
                let (w, n, size) = (fragment.width, fragment.glyphs.len(), fragment.size);
                stretch += box_give(w, n, size, LETTER_STRETCH_EMS);
                shrink += box_give(w, n, size, LETTER_SHRINK_EMS);
            }
            Item::Glue {
                width: w,
                stretch: y,
                shrink: z,
            } if *y < FILL_STRETCH => {
                natural += w;
                stretch += y;
                shrink += z;
            }
            _ => {}
        }
    }
    if let Item::Penalty { width: w, .. } = &items[b.end] {
        natural += w;
    }
    let available = width + line_end_protrusion(items, b.end);
    if natural < available && stretch > 0.0 {
        (available - natural) / stretch
    } else if natural > available && shrink > 0.0 {
        ((available - natural) / shrink).max(-1.0)
    } else {
        0.0
    }
}
