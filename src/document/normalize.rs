//! Typesetting normalisation of the hospital's text. It never changes the wording: it turns
//! keyboard habits into typography (straight quotes, hyphens in ranges, stray spaces) and
//! decides which spaces must not break ("route 105", "23 maart 2016", "5 mg", "dr. Peeters").
//!
//! It works on a stream of styled characters so a rule sees across the boundary of an
//! emphasised word.

use crate::lang::is_month_name;
use crate::style::QuoteStyle;
use unicode_normalization::UnicodeNormalization;

pub const NBSP: char = '\u{a0}';

/// The zero-width space: a break hint in web text, never a visible gap.
const ZWSP: char = '\u{200b}';

/// The soft hyphen (U+00AD) that word processors leave in pasted text.
const SOFT_HYPHEN: char = '\u{ad}';

/// Any space the source may contain; all collapse to one word space (or one NBSP).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == ZWSP
}

/// Normalises a paragraph given as (char, style) pairs. `S` is the caller's style type.
pub fn normalize<S: Copy + PartialEq>(input: &[(char, S)], quotes: QuoteStyle) -> Vec<(char, S)> {
    let nfc = compose(input);
    let spaced = collapse_spaces(&nfc);
    let quoted = typographic_quotes(&spaced, quotes);
    let dashed = range_dashes(&quoted);
    keep_together(dashed)
}

/// NFC per style run, so "e" + combining diaeresis becomes "ë" (one glyph, one hyphenation
/// letter).
fn compose<S: Copy + PartialEq>(input: &[(char, S)]) -> Vec<(char, S)> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let style = input[i].1;
        let mut j = i;
        while j < input.len() && input[j].1 == style {
            j += 1;
        }
        let run: String = input[i..j].iter().map(|(c, _)| *c).collect();
        out.extend(run.nfc().map(|c| (c, style)));
        i = j;
    }
    out
}

/// A run of spaces becomes one space; a run of only no-break spaces stays one NBSP (the
/// author asked for it); a space next to an NBSP is a word-processor accident and becomes a
/// plain space. Leading and trailing space goes.
fn collapse_spaces<S: Copy>(input: &[(char, S)]) -> Vec<(char, S)> {
    let mut out: Vec<(char, S)> = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let (c, s) = input[i];
        if is_space(c) || c == NBSP {
            let mut j = i;
            let mut only_nbsp = true;
            let mut only_zero_width = true;
            while j < input.len() && (is_space(input[j].0) || input[j].0 == NBSP) {
                only_nbsp &= input[j].0 == NBSP;
                only_zero_width &= input[j].0 == ZWSP;
                j += 1;
            }
            // A zero-width space pasted inside a word ("Wond\u{200b}zorg") shows nothing
            // on screen; a word space there would split the word on paper.
            if !out.is_empty() && j < input.len() && !only_zero_width {
                out.push((if only_nbsp { NBSP } else { ' ' }, s));
            }
            i = j;
        } else if c.is_control() || c == SOFT_HYPHEN {
            // A soft hyphen is invisible unless a line breaks at it, and the hyphenator finds
            // the breaks itself; shaped as a glyph it would share the space's glyph and turn
            // copied text into "Laatst\u{ad}aangepast".
            i += 1;
        } else {
            out.push((c, s));
            i += 1;
        }
    }
    out
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p == ' ' || p == NBSP || "([{–—/“‘".contains(p),
    }
}

fn typographic_quotes<S: Copy>(input: &[(char, S)], style: QuoteStyle) -> Vec<(char, S)> {
    let (open, close) = match style {
        QuoteStyle::Double => ('“', '”'),
        QuoteStyle::Single => ('‘', '’'),
    };
    let mut out = Vec::with_capacity(input.len());
    for (i, &(c, s)) in input.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| input[p].0);
        let next = input.get(i + 1).map(|n| n.0);
        let c = match c {
            '"' => {
                if opens_after(prev) {
                    open
                } else {
                    close
                }
            }
            '\'' => {
                let letter_before = prev.is_some_and(char::is_alphanumeric);
                let letter_after = next.is_some_and(char::is_alphanumeric);
                if letter_before && letter_after {
                    '’' // an apostrophe: "baby's"
                } else if opens_after(prev) && letter_after {
                    // 's morgens, 't, 'n: an elided word is one letter, then a space.
                    let after_next = input.get(i + 2).map(|n| n.0);
                    let elided = matches!(next, Some('s' | 't' | 'n'))
                        && after_next.is_none_or(|c| !c.is_alphanumeric());
                    if elided { '’' } else { '‘' }
                } else {
                    '’'
                }
            }
            other => other,
        };
        out.push((c, s));
    }
    out
}

/// "8-12 uur" → "8–12 uur", and a spaced hyphen used as a dash → an en dash.
fn range_dashes<S: Copy>(input: &[(char, S)]) -> Vec<(char, S)> {
    let mut out: Vec<(char, S)> = input.to_vec();
    for i in 1..input.len().saturating_sub(1) {
        if input[i].0 != '-' {
            continue;
        }
        let prev = input[i - 1].0;
        let next = input[i + 1].0;
        let spaced = prev == ' ' && next == ' ';
        let range = prev.is_ascii_digit() && next.is_ascii_digit() && is_short_range(input, i);
        if spaced || range {
            out[i].0 = '–';
        }
    }
    out
}

/// A range is `digits-digits` standing alone, not part of a date (2016-03-23) or a code.
fn is_short_range<S>(input: &[(char, S)], dash: usize) -> bool {
    // A range is at most "1234-5678" and some punctuation: look no further, or a long run
    // of "1-1-1-…" makes this quadratic (100,000 characters of it hung the build).
    const WINDOW: usize = 16;
    let space = |(c, _): &(char, S)| *c == ' ' || *c == NBSP;
    let lo = dash.saturating_sub(WINDOW);
    let token_start = match input[lo..dash].iter().rposition(space) {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let hi = (dash + WINDOW).min(input.len());
    let token_end = match input[dash..hi].iter().position(space) {
        Some(p) => dash + p,
        None if hi == input.len() => input.len(),
        None => return false,
    };
    let token: String = input[token_start..token_end]
        .iter()
        .map(|(c, _)| *c)
        .collect();
    let token = token.trim_end_matches(|c: char| !c.is_alphanumeric());
    token.matches('-').count() == 1
        && token
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

const UNITS: &[&str] = &[
    "mg",
    "g",
    "kg",
    "µg",
    "mcg",
    "ml",
    "cl",
    "dl",
    "l",
    "mm",
    "cm",
    "m",
    "km",
    "%",
    "°C",
    "°",
    "uur",
    "u",
    "min",
    "minuten",
    "sec",
    "seconden",
    "dag",
    "dagen",
    "week",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "keer",
    "x",
    "ml/uur",
    "mmHg",
    "IE",
    "euro",
    "€",
    "tabletten",
    "tablet",
    "capsules",
    "druppels",
    "kuren",
    "kuur",
    "cycli",
    "liter",
];

const TITLES: &[&str] = &[
    "dr.", "Dr.", "prof.", "Prof.", "mevr.", "Mevr.", "dhr.", "Dhr.", "mr.", "nr.", "Nr.", "p.",
    "tel.", "Tel.", "St.", "st.",
];

/// Turns the spaces that must not break into no-break spaces.
fn keep_together<S: Copy>(mut chars: Vec<(char, S)>) -> Vec<(char, S)> {
    let text: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    // Word spans between plain spaces.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, &c) in text.iter().enumerate() {
        if c == ' ' {
            words.push((start, i));
            start = i + 1;
        }
    }
    words.push((start, text.len()));
    let word = |k: usize| -> String { text[words[k].0..words[k].1].iter().collect() };
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '°' && c != '€')
            .to_string()
    };
    for k in 0..words.len().saturating_sub(1) {
        let (a, b) = (word(k), word(k + 1));
        let a_bare = bare(&a);
        let b_bare = bare(&b);
        let a_is_number = !a_bare.is_empty()
            && a_bare
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '–')
            && a.ends_with(|c: char| c.is_ascii_digit());
        let b_starts_number = b.starts_with(|c: char| c.is_ascii_digit());
        let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        // "03 821 30 00": the groups of a phone number stay on one line.
        let phone =
            digits(&a) && digits(b.trim_end_matches(['.', ',', ';', ':', ')'])) && b.len() <= 4;
        let join = phone
            || (a.eq_ignore_ascii_case("route") && b_starts_number)
            || (a_is_number && is_month_name(&b_bare.to_lowercase()) && b_bare == b)
            || (is_month_name(&a.to_lowercase())
                && b_starts_number
                && b_bare.len() == 4
                && k > 0
                && bare(&word(k - 1)).chars().all(|c| c.is_ascii_digit()))
            || (a_is_number && UNITS.contains(&b_bare.as_str()))
            || TITLES.contains(&a.as_str());
        if join {
            chars[words[k].1].0 = NBSP;
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        let input: Vec<(char, ())> = s.chars().map(|c| (c, ())).collect();
        normalize(&input, QuoteStyle::Double)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    #[test]
    fn a_zero_width_space_inside_a_word_prints_nothing() {
        assert_eq!(
            run("Wond\u{200b}zorg is be\u{200b}langrijk"),
            "Wondzorg is belangrijk"
        );
        assert_eq!(run("zorg \u{200b}thuis"), "zorg thuis");
        assert_eq!(run("wond\u{ad}zorg thuis"), "wondzorg thuis");
    }

    #[test]
    fn collapses_source_space_quirks() {
        assert_eq!(
            run("herval \u{a0}van  kanker.\u{a0} "),
            "herval van kanker."
        );
        assert_eq!(run("5\u{a0}mg"), "5\u{a0}mg");
    }

    #[test]
    fn typographic_quotes_and_apostrophes() {
        assert_eq!(run("het \"vreemd\" deel"), "het “vreemd” deel");
        assert_eq!(run("baby's en 's morgens"), "baby’s en ’s morgens");
        assert_eq!(run("losse 'sloefen' staan"), "losse ‘sloefen’ staan");
    }

    #[test]
    fn ranges_get_en_dashes_but_dates_do_not() {
        assert_eq!(run("van 8-12 uur"), "van 8–12\u{a0}uur");
        assert_eq!(run("code 2016-03-23"), "code 2016-03-23");
        assert_eq!(run("CT-scan"), "CT-scan");
    }

    #[test]
    fn keeps_route_dates_units_and_titles_together() {
        assert_eq!(run("Volg route 105 nu"), "Volg route\u{a0}105 nu");
        assert_eq!(run("op 23 maart 2016 al"), "op 23\u{a0}maart\u{a0}2016 al");
        assert_eq!(run("neem 500 mg per dag"), "neem 500\u{a0}mg per dag");
        assert_eq!(run("bel dr. Peeters"), "bel dr.\u{a0}Peeters");
        assert_eq!(run("bel 03 821 30 00."), "bel 03\u{a0}821\u{a0}30\u{a0}00.");
    }
}
