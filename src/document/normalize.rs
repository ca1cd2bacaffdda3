//! Typesetting normalisation of the hospital's text. It never changes the wording: it turns
//! keyboard habits into typography (straight quotes, hyphens in ranges, stray spaces) and
//! decides which spaces must not break ("route 105", "23 maart 2016", "5 mg", "dr. Peeters").
//!
//! It works on a stream of styled characters so a rule sees across the boundary of an
//! emphasised word.

use crate::lang::{NNBSP, is_month_name};
use crate::style::QuoteStyle;
use unicode_normalization::UnicodeNormalization;

pub const NBSP: char = '\u{a0}';

/// The zero-width space: a break hint in web text, never a visible gap.
const ZWSP: char = '\u{200b}';

/// The soft hyphen (U+00AD) that word processors leave in pasted text.
const SOFT_HYPHEN: char = '\u{ad}';

/// The figure space (U+2007): a no-break space as wide as a digit, to line numbers up.
pub const FIGURE_SPACE: char = '\u{2007}';

/// Any space the source may contain; a run collapses to one word space or one no-break
/// space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == ZWSP
}

/// The no-break spaces an author may type, each kept with its width: the full one
/// (U+00A0), the narrow one (U+202F, as French spacing sets it: the font has no glyph, so
/// the shaper draws half a word space) and the figure space (U+2007, a digit's width). A
/// line never breaks at any of them.
pub fn is_no_break(c: char) -> bool {
    matches!(c, NBSP | NNBSP | FIGURE_SPACE)
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

/// A run of spaces becomes one space; a run of only no-break spaces stays one no-break
/// space of the first kind typed (the author asked for it: U+202F stays narrow, U+2007 a
/// digit wide); a space next to a no-break space is a word-processor accident and becomes
/// a plain space (`check` says so). Leading and trailing space goes.
fn collapse_spaces<S: Copy>(input: &[(char, S)]) -> Vec<(char, S)> {
    let mut out: Vec<(char, S)> = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let (c, s) = input[i];
        if is_space(c) {
            let mut j = i;
            let mut only_no_break = true;
            let mut only_zero_width = true;
            while j < input.len() && is_space(input[j].0) {
                only_no_break &= is_no_break(input[j].0);
                only_zero_width &= input[j].0 == ZWSP;
                j += 1;
            }
            // A zero-width space pasted inside a word ("Wond\u{200b}zorg") shows nothing
            // on screen; a word space there would split the word on paper.
            if !out.is_empty() && j < input.len() && !only_zero_width {
                out.push((if only_no_break { c } else { ' ' }, s));
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

/// The start of the text, or a space.
fn is_gap(c: Option<char>) -> bool {
    c.is_none_or(|c| c == ' ' || is_no_break(c))
}

fn opens_after(prev: Option<char>) -> bool {
    is_gap(prev) || prev.is_some_and(|p| "([{–—/“‘".contains(p))
}

/// Punctuation that may end a quotation and stand right before the next one opens:
/// `"test"."Tweede"`, `"eerste","tweede"`.
const BETWEEN_QUOTES: &str = ".,;:!?";

/// Curls straight quotes. A double quote opens after a space or an opening bracket and
/// closes after a word; one between two spaces (`" los "`, `' los '`) opens or closes as
/// the quote before it left off; after `.`/`,` that follows a closing quote, and before a letter, it
/// opens the next quotation. A single quote before two digits is the apostrophe of a
/// shortened year (`jaren '90`).
fn typographic_quotes<S: Copy>(input: &[(char, S)], style: QuoteStyle) -> Vec<(char, S)> {
    let (open, close) = match style {
        QuoteStyle::Double => ('“', '”'),
        QuoteStyle::Single => ('‘', '’'),
    };
    let mut out = Vec::with_capacity(input.len());
    // Whether a double quote is open, and where the last one closed; whether a single
    // quote is open (apostrophes leave that alone).
    let mut quoting = false;
    let mut single_quoting = false;
    let mut closed_at: Option<usize> = None;
    for (i, &(c, s)) in input.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| input[p].0);
        let next = input.get(i + 1).map(|n| n.0);
        let c = match c {
            '"' => {
                let after_closing = i >= 2
                    && closed_at == Some(i - 2)
                    && prev.is_some_and(|p| BETWEEN_QUOTES.contains(p))
                    && next.is_some_and(char::is_alphabetic);
                let opens = if is_gap(prev) && is_gap(next) {
                    !quoting
                } else {
                    opens_after(prev) || after_closing
                };
                quoting = opens;
                if !opens {
                    closed_at = Some(i);
                }
                if opens { open } else { close }
            }
            '\'' => {
                let letter_before = prev.is_some_and(char::is_alphanumeric);
                let letter_after = next.is_some_and(char::is_alphanumeric);
                let digit = |k: usize| input.get(k).is_some_and(|n| n.0.is_ascii_digit());
                let year = digit(i + 1) && digit(i + 2) && !digit(i + 3);
                // An apostrophe: "baby's", or a shortened year: "jaren '90", "zomer '24".
                if (letter_before && letter_after) || (opens_after(prev) && year) {
                    '’'
                } else if is_gap(prev) && is_gap(next) {
                    single_quoting = !single_quoting;
                    if single_quoting { '‘' } else { '’' }
                } else if opens_after(prev) && letter_after {
                    // 's morgens, 't, 'n: an elided word is one letter, then a space.
                    let after_next = input.get(i + 2).map(|n| n.0);
                    let elided = matches!(next, Some('s' | 't' | 'n'))
                        && after_next.is_none_or(|c| !c.is_alphanumeric());
                    single_quoting |= !elided;
                    if elided { '’' } else { '‘' }
                } else {
                    single_quoting = false;
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
    fn a_shortened_year_takes_an_apostrophe() {
        assert_eq!(run("de jaren '90 en '80"), "de jaren ’90 en ’80");
        assert_eq!(run("zomer '24."), "zomer ’24.");
        // Not a year: three digits, or a quotation that starts with a number.
        assert_eq!(run("code '123' hier"), "code ‘123’ hier");
    }

    #[test]
    fn a_quote_between_spaces_closes_the_open_one() {
        assert_eq!(run("\" los \""), "“ los ”");
        assert_eq!(run("' los ' en 'a' ' b '"), "‘ los ’ en ‘a’ ‘ b ’");
        assert_eq!(run("zeg \" ja \" of \" nee \""), "zeg “ ja ” of “ nee ”");
        // A lone one opens, as before.
        assert_eq!(run("a \" b"), "a “ b");
    }

    #[test]
    fn a_quote_right_after_a_closed_one_and_its_punctuation_opens() {
        assert_eq!(run("\"test\".\"Tweede\""), "“test”.“Tweede”");
        assert_eq!(run("\"eerste\",\"tweede\""), "“eerste”,“tweede”");
        // Without a quotation before it, a quote after a full stop still closes one.
        assert_eq!(run("Hij zei: \"Ja.\" Klaar."), "Hij zei: “Ja.” Klaar.");
        assert_eq!(run("\"Ja.\"Nee"), "“Ja.”Nee");
    }

    #[test]
    fn narrow_and_figure_no_break_spaces_are_kept() {
        assert_eq!(run("15\u{202f}%"), "15\u{202f}%");
        assert_eq!(run("1\u{2007}000 stuks"), "1\u{2007}000 stuks");
        assert_eq!(run("a\u{202f}\u{202f}b"), "a\u{202f}b");
        // Beside a plain space they are the word processor's accident, as U+00A0 is.
        assert_eq!(run("a \u{202f}b"), "a b");
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
