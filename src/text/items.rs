//! A paragraph as Knuth–Plass sees it: boxes (shaped glyphs that never break), glue (word
//! spaces that stretch and shrink) and penalties (places a line may end, at a price).
//!
//! Words are shaped whole, then cut at their hyphenation points by glyph cluster, so the
//! kerning inside a word survives whichever break the line breaker picks.

use crate::document::normalize::NBSP;
use crate::document::{Block, Run};
use crate::text::fonts::{FaceId, Fonts, ShapedGlyph};
use crate::text::hyphenate::{Hyphenator, drop_trema};

#[path = "cuts.rs"]
mod cuts;
use crate::text::ties::{TieChain, ties};
use compact_str::CompactString;
use cuts::Cut;

/// A penalty this high forbids the break; this low forces it (TeX's ±10000).
pub const INFINITE_PENALTY: f32 = 10_000.0;
/// Cost of an ordinary hyphen. Higher than TeX's 50: tuned on the shipped leaflets so that
/// at most 15 % of lines end in a hyphen while word spaces stay within 0.8–1.35×.
pub const HYPHEN_PENALTY: f32 = 130.0;
/// A break between the parts of a compound reads naturally, so it costs less.
pub const COMPOUND_HYPHEN_PENALTY: f32 = 20.0;
/// A syllable break inside one part of a word that also has a compound boundary or an
/// author's hyphen ("Kan-|kerimmunotherapie" where "Kanker-|immunotherapie" exists): the
/// reader must put a part back together *and* still find the boundary, which Dutch
/// proof-readers mark as wrong (issue 13). Squared in the demerits, 400 costs 160,000:
/// more than a ragged line 11 % short of the measure (badness 100·(0.11/0.07)³ ≈ 390,
/// (10 + 390)² = 160,000) or a justified line at 1.45× spaces, so the breaker takes it only
/// when the alternative is a line worse than the targets; never forbidden, since in a
/// narrow column it can be the only fit.
pub const INSIDE_PART_HYPHEN_PENALTY: f32 = 400.0;
/// Breaking after a hyphen the author wrote (CT-|scan) costs as much as our own hyphen.
pub const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;
/// Breaking a URL after a slash adds no hyphen, but it is still a wound in the address.
pub const URL_BREAK_PENALTY: f32 = 200.0;
/// A word wider than the whole line is forced apart; this makes it the last resort.
pub const FORCED_SPLIT_PENALTY: f32 = 5_000.0;
/// Added to a hyphenation point in a block that is not hyphenated (title, headings), used
/// only for a word wider than the whole line: dearer than any ordinary break so nothing
/// else is ever broken, far below `FORCED_SPLIT_PENALTY` so a hyphen at a syllable or
/// compound boundary always beats a cut where no hyphen belongs.
pub const UNHYPHENATED_BLOCK_CUT_PENALTY: f32 = 1_000.0;
/// Words longer than this many characters get no hyphenation or URL break points.
pub const MAX_CUT_WORD_CHARS: usize = 1_000;
/// Word-space stretch and shrink as fractions of the font's space: ratio 1.0 means spaces
/// at 1.35× natural and -1.0 means 0.8×; the line breaker's tolerances build on this.
pub const SPACE_STRETCH: f32 = 0.35;
pub const SPACE_SHRINK: f32 = 0.2;
/// The glue that fills a paragraph's last line: practically infinite.
pub const FILL_STRETCH: f32 = 1.0e6;

/// One glyph placed within its fragment. Lengths in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// Pen position of this glyph from the fragment's start, offsets applied.
    pub x: f32,
    pub y: f32,
    pub advance: f32,
    /// The text this glyph stands for (several letters for a ligature, empty for a mark).
    /// Inline up to 24 bytes: a heap string per glyph was a tenth of a build's work.
    pub text: CompactString,
}

/// Glyphs in one face and size: the unit that layout places and PDF output draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub face: FaceId,
    pub size: f32,
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    /// Horizontal glyph scale the fragment is drawn with (PDF `Tz`; 1.0 natural): glyph
    /// positions and advances above already include it.
    pub scale: f32,
}

impl Fragment {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Box {
        fragment: Fragment,
        /// How far the last glyph may hang into the right margin at a line end.
        protrusion: f32,
    },
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    Penalty {
        /// Width added at the line end when broken here (the hyphen).
        width: f32,
        cost: f32,
        /// A hyphenated break: two in a row cost extra.
        flagged: bool,
        /// The hyphen to draw when broken here.
        hyphen: Option<(Fragment, f32)>,
        /// Dutch respelling: the next box as it reads at the start of a line (zee-|en).
        respelled_next: Option<Fragment>,
    },
}

impl Item {
    pub fn width(&self) -> f32 {
        match self {
            Item::Box { fragment, .. } => fragment.width,
            Item::Glue { width, .. } => *width,
            Item::Penalty { .. } => 0.0,
        }
    }
}

pub struct ItemBuilder<'a> {
    pub fonts: &'a Fonts,
    pub hyphenator: &'a Hyphenator,
    /// Whether punctuation and hyphens may hang into the right margin (house style).
    pub protrusion: bool,
}

/// What a paragraph's words forced the typesetter to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextWarningKind {
    /// A word wider than a line, cut where no hyphen belongs.
    WordCut,
    /// Words tied by no-break spaces, wider than a line together, split at a space.
    TieSplit,
}

/// A warning about words of a paragraph. The words travel with it, so the place they were
/// typed is found from them, never from the message's wording.
#[derive(Debug, Clone, PartialEq)]
pub struct TextWarning {
    pub kind: TextWarningKind,
    /// The words as printed; a very long one shortened, ending in "…".
    pub words: String,
    pub message: String,
}

impl std::fmt::Display for TextWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The paragraph's items, and a warning for each word that had to be forced apart.
pub struct Paragraph {
    pub items: Vec<Item>,
    pub warnings: Vec<TextWarning>,
}

impl ItemBuilder<'_> {
    /// Builds the items of a block's text for lines `max_width` wide.
    pub fn paragraph(&self, block: &Block, max_width: f32) -> Paragraph {
        let chars: Vec<(char, FaceId)> = block
            .runs
            .iter()
            .flat_map(|r: &Run| r.text.chars().map(move |c| (c, r.face)))
            .collect();
        let ties = ties(&chars);
        let mut items = Vec::new();
        let mut warnings = Vec::new();
        let mut chain = TieChain::default();
        let mut i = 0;
        while i < chars.len() {
            let (c, face) = chars[i];
            if c == ' ' || c == NBSP {
                let face_before = if i > 0 { chars[i - 1].1 } else { face };
                let space = self.fonts.face(face_before).space_advance
                    * self.fonts.face(face_before).scale(block.size);
                if ties[i] {
                    chain.tie(&mut items);
                } else {
                    chain.settle(&mut items, max_width, &mut warnings);
                }
                items.push(Item::Glue {
                    width: space,
                    stretch: space * SPACE_STRETCH,
                    shrink: space * SPACE_SHRINK,
                });
                if !ties[i] {
                    chain.start = items.len();
                }
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].0 != ' ' && chars[i].0 != NBSP {
                i += 1;
            }
            self.word(
                &chars[start..i],
                block,
                max_width,
                &mut items,
                &mut warnings,
            );
        }
        chain.settle(&mut items, max_width, &mut warnings);
        items.push(no_break());
        items.push(Item::Glue {
            width: 0.0,
            stretch: FILL_STRETCH,
            shrink: 0.0,
        });
        items.push(plain_penalty(-INFINITE_PENALTY, false));
        Paragraph { items, warnings }
    }

    fn word(
        &self,
        chars: &[(char, FaceId)],
        block: &Block,
        max_width: f32,
        items: &mut Vec<Item>,
        warnings: &mut Vec<TextWarning>,
    ) {
        let text: String = chars.iter().map(|(c, _)| *c).collect();
        // A "word" this long is no word (a paste accident, a line of dashes): it is forced
        // apart anyway, and finding and placing its break points takes time quadratic in its
        // length (a 200,000-letter line without spaces hung the build).
        let cuts = if block.hyphenate && chars.len() <= MAX_CUT_WORD_CHARS {
            cuts::cuts(self.hyphenator, &text)
        } else {
            Vec::new()
        };
        let mut last_resort = false;
        // Shape each face segment; glyph byte ranges made relative to the whole word.
        let mut glyphs: Vec<(ShapedGlyph, FaceId)> = Vec::new();
        let mut seg_start_char = 0;
        let mut seg_start_byte = 0;
        while seg_start_char < chars.len() {
            let face = chars[seg_start_char].1;
            let mut end_char = seg_start_char;
            let mut seg = String::new();
            while end_char < chars.len() && chars[end_char].1 == face {
                seg.push(chars[end_char].0);
                end_char += 1;
            }
            for mut g in self.fonts.shape(face, &seg) {
                g.start += seg_start_byte;
                g.end += seg_start_byte;
                glyphs.push((g, face));
            }
            seg_start_byte += seg.len();
            seg_start_char = end_char;
        }
        // Cut only where a cluster starts: a break inside a ligature has no glyph edge.
        let boundaries: Vec<usize> = glyphs
            .iter()
            .enumerate()
            .filter(|(k, (g, _))| *k > 0 && g.end > g.start)
            .map(|(_, (g, _))| g.start)
            .collect();
        // A block that is never hyphenated (a title, a heading) still breaks a word wider
        // than its whole line at a hyphenation point, the compound boundary first
        // ("chemotherapie-|behandeling"), before cutting it where no hyphen belongs.
        let cuts = if cuts.is_empty()
            && !block.hyphenate
            && chars.len() <= MAX_CUT_WORD_CHARS
            && self.shaped_width(&glyphs, block.size) > max_width
        {
            last_resort = true;
            let all = cuts::cuts(self.hyphenator, &text);
            // Only where the word comes apart by itself, if it does anywhere: a display
            // line's rag is cheap, so any syllable break that fills the line would win.
            let boundaries: Vec<(usize, Cut)> = all
                .iter()
                .filter(|(_, c)| {
                    !matches!(
                        c,
                        Cut::Hyphen {
                            compound: false,
                            ..
                        }
                    )
                })
                .copied()
                .collect();
            if boundaries.is_empty() {
                all
            } else {
                boundaries
            }
        } else {
            cuts
        };
        let cuts: Vec<(usize, Cut)> = cuts
            .into_iter()
            .filter(|(at, _)| boundaries.contains(at))
            .collect();

        let mut piece_start = 0;
        let mut pending: Option<(usize, Cut)> = None;
        for k in 0..=cuts.len() {
            let piece_end = cuts.get(k).map_or(text.len(), |c| c.0);
            let piece: Vec<&(ShapedGlyph, FaceId)> = glyphs
                .iter()
                .filter(|(g, _)| g.start >= piece_start && g.start < piece_end)
                .collect();
            if let Some((at, cut)) = pending.take() {
                let next = &text[at..piece_end];
                let mut penalty = self.cut_penalty(cut, next, piece.first().map(|p| p.1), block);
                if let (true, Item::Penalty { cost, .. }) = (last_resort, &mut penalty) {
                    *cost += UNHYPHENATED_BLOCK_CUT_PENALTY;
                }
                items.push(penalty);
            }
            self.piece_boxes(&piece, &text, block, max_width, items, warnings);
            if let Some(&c) = cuts.get(k) {
                pending = Some(c);
            }
            piece_start = piece_end;
        }
    }

    /// `next` is the piece of the word after the cut, up to the next cut: all that a
    /// respelling may replace.
    fn cut_penalty(&self, cut: Cut, next: &str, face_after: Option<FaceId>, block: &Block) -> Item {
        match cut {
            Cut::Hyphen {
                compound,
                drops_trema,
                inside_part,
            } => {
                let face = face_after.unwrap_or(FaceId::Regular);
                let hyphen = self.fragment("-", face, block.size);
                let protrusion = hyphen.width * self.protrusion_factor('-');
                let respelled_next = drops_trema.then(|| {
                    // Only up to the next cut: the respelling replaces one box, and running
                    // on to the end of the letters printed the rest twice ("éë-|ëï|réï"
                    // became "eïréï" + "réï").
                    let rest = next;
                    let end = rest
                        .find(|c: char| !c.is_alphabetic())
                        .unwrap_or(rest.len());
                    let mut respelled: String =
                        rest[..end].chars().take(1).map(drop_trema).collect();
                    respelled.extend(rest[..end].chars().skip(1));
                    self.fragment(&respelled, face, block.size)
                });
                Item::Penalty {
                    width: hyphen.width,
                    cost: if compound {
                        COMPOUND_HYPHEN_PENALTY
                    } else if inside_part {
                        INSIDE_PART_HYPHEN_PENALTY
                    } else {
                        HYPHEN_PENALTY
                    },
                    flagged: true,
                    hyphen: Some((hyphen, protrusion)),
                    respelled_next,
                }
            }
            Cut::AfterHyphen => plain_penalty(EXPLICIT_HYPHEN_PENALTY, true),
            Cut::Url => plain_penalty(URL_BREAK_PENALTY, false),
        }
    }

    /// Boxes for one unbreakable piece of a word: one per face, and a word wider than the
    /// line split wherever it must be.
    fn piece_boxes(
        &self,
        piece: &[&(ShapedGlyph, FaceId)],
        word: &str,
        block: &Block,
        max_width: f32,
        items: &mut Vec<Item>,
        warnings: &mut Vec<TextWarning>,
    ) {
        let mut k = 0;
        let mut width_so_far = 0.0;
        let mut forced = false;
        while k < piece.len() {
            let face = piece[k].1;
            let scale = self.fonts.face(face).scale(block.size);
            let mut j = k;
            let mut frag = Fragment {
                face,
                size: block.size,
                glyphs: Vec::new(),
                width: 0.0,
                scale: 1.0,
            };
            while j < piece.len() && piece[j].1 == face {
                let g = &piece[j].0;
                let adv = g.advance * scale;
                // Too wide for any line: end the box here and force a break.
                if width_so_far + adv > max_width && !frag.glyphs.is_empty() && g.end > g.start {
                    break;
                }
                frag.glyphs.push(Glyph {
                    id: g.id,
                    x: frag.width + g.x_offset * scale,
                    y: g.y_offset * scale,
                    advance: adv,
                    text: CompactString::from(&word[g.start..g.end]),
                });
                frag.width += adv;
                width_so_far += adv;
                j += 1;
            }
            let last_char = frag.glyphs.last().and_then(|g| g.text.chars().last());
            let last_adv = frag.glyphs.last().map_or(0.0, |g| g.advance);
            items.push(Item::Box {
                fragment: frag,
                protrusion: last_char.map_or(0.0, |c| self.protrusion_factor(c) * last_adv),
            });
            let split_here = j < piece.len() && piece[j].1 == face;
            if split_here {
                forced = true;
                width_so_far = 0.0;
                items.push(plain_penalty(FORCED_SPLIT_PENALTY, false));
            }
            k = j;
        }
        if forced {
            // The word itself may be a whole pasted page: show its start only.
            let shown: String = word.chars().take(120).collect();
            let more = if shown.len() < word.len() { "…" } else { "" };
            let words = format!("{shown}{more}");
            warnings.push(TextWarning {
                kind: TextWarningKind::WordCut,
                message: format!(
                    "the word “{words}” is wider than a line and was split where no hyphen belongs"
                ),
                words,
            });
        }
    }

    /// The natural width of a shaped word, points.
    fn shaped_width(&self, glyphs: &[(ShapedGlyph, FaceId)], size: f32) -> f32 {
        glyphs
            .iter()
            .map(|(g, face)| g.advance * self.fonts.face(*face).scale(size))
            .sum()
    }

    fn protrusion_factor(&self, c: char) -> f32 {
        if self.protrusion {
            protrusion_factor(c)
        } else {
            0.0
        }
    }

    /// Shapes a short text in one face (hyphens, respelled syllables, markers).
    pub fn fragment(&self, text: &str, face: FaceId, size: f32) -> Fragment {
        let scale = self.fonts.face(face).scale(size);
        let mut frag = Fragment {
            face,
            size,
            glyphs: Vec::new(),
            width: 0.0,
            scale: 1.0,
        };
        for g in self.fonts.shape(face, text) {
            let adv = g.advance * scale;
            frag.glyphs.push(Glyph {
                id: g.id,
                x: frag.width + g.x_offset * scale,
                y: g.y_offset * scale,
                advance: adv,
                text: CompactString::from(&text[g.start..g.end]),
            });
            frag.width += adv;
        }
        frag
    }
}

pub(crate) fn no_break() -> Item {
    plain_penalty(INFINITE_PENALTY, false)
}

/// A break that adds nothing to the line (no hyphen drawn, nothing respelled).
pub(crate) fn plain_penalty(cost: f32, flagged: bool) -> Item {
    Item::Penalty {
        width: 0.0,
        cost,
        flagged,
        hyphen: None,
        respelled_next: None,
    }
}

/// How much of a character's width may hang past the right margin (microtype's defaults):
/// light punctuation looks like a ragged edge unless it sticks out a little.
pub fn protrusion_factor(c: char) -> f32 {
    match c {
        '.' | ',' | '-' | '‐' => 0.7,
        '”' | '’' => 0.5,
        ':' | ';' => 0.4,
        '–' => 0.3,
        '!' | '?' | ')' => 0.2,
        _ => 0.0,
    }
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
