//! Where a word may break, and why: hyphenation points from the patterns and the compound
//! lexicon, after an author's hyphen, and inside web and e-mail addresses. `items` turns
//! each into a penalty with its cost.

use crate::text::hyphenate::{Hyphenator, is_unbreakable_token};

/// Why a word may break at a byte offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cut {
    Hyphen {
        compound: bool,
        drops_trema: bool,
        /// A syllable break in a word that also has a compound boundary or an author's
        /// hyphen elsewhere: `INSIDE_PART_HYPHEN_PENALTY`.
        inside_part: bool,
    },
    AfterHyphen,
    Url,
}

/// The places a word may break, in byte offsets.
pub(super) fn cuts(hyphenator: &Hyphenator, word: &str) -> Vec<(usize, Cut)> {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut cuts = Vec::new();
    if is_unbreakable_token(core) {
        if is_address(core) {
            cuts.extend(address_cuts(word));
        }
        return cuts;
    }
    let bytes: Vec<(usize, char)> = word.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (at, c) = bytes[k];
        if c.is_alphabetic() {
            let mut j = k;
            while j < bytes.len() && bytes[j].1.is_alphabetic() {
                j += 1;
            }
            let end = bytes.get(j).map_or(word.len(), |b| b.0);
            for b in hyphenator.breaks(&word[at..end]) {
                cuts.push((
                    at + b.at,
                    Cut::Hyphen {
                        compound: b.compound,
                        drops_trema: b.drops_trema,
                        inside_part: false,
                    },
                ));
            }
            k = j;
        } else {
            // "B-lymfocyten": break after the author's hyphen, letters on both sides.
            let letters_before = k > 0 && bytes[k - 1].1.is_alphanumeric();
            let letters_after = bytes.get(k + 1).is_some_and(|b| b.1.is_alphabetic());
            if (c == '-' || c == '‐') && letters_before && letters_after {
                cuts.push((at + c.len_utf8(), Cut::AfterHyphen));
            }
            k += 1;
        }
    }
    cuts.sort_by_key(|c| c.0);
    // Only now is the whole word seen: a boundary in one letter run ("B-lymfocyten")
    // or a compound break anywhere makes every syllable break a break inside a part.
    let has_boundary = cuts
        .iter()
        .any(|(_, c)| matches!(c, Cut::AfterHyphen | Cut::Hyphen { compound: true, .. }));
    if has_boundary {
        for (_, cut) in &mut cuts {
            if let Cut::Hyphen {
                compound: false,
                inside_part,
                ..
            } = cut
            {
                *inside_part = true;
            }
        }
    }
    cuts
}

/// A URL or e-mail address: the only unbreakable tokens long enough to need a break.
fn is_address(token: &str) -> bool {
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}

/// Where an address may break without a hyphen (a hyphen would read as part of it): after a
/// slash, before a dot or an @, never in its first or last few characters.
fn address_cuts(word: &str) -> Vec<(usize, Cut)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let end = word.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    let mut cuts = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|n| n.1);
        let cut_at = match c {
            '/' if next != Some('/') => at + 1,
            '.' | '@' => at,
            _ => continue,
        };
        if cut_at >= 4 && cut_at + 4 <= end {
            cuts.push((cut_at, Cut::Url));
        }
    }
    cuts
}
