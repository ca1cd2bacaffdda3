//! Plain-language and typing checks on a leaflet's texts: the things a proofreader would
//! circle. Straight quotes are not among them: the typesetter curls them, and an AZERTY
//! keyboard cannot type the curly ones. They are warnings, because the leaflet still
//! prints; `check --strict` makes them block. Characters the fonts cannot print are errors: they would print as empty boxes.

pub mod criteria;

use crate::diagnostic::Diagnostic;
use crate::sourcemap::TextField;
use crate::t;
use crate::text::fonts::{FaceId, Fonts};
use std::path::Path;

/// The B1 plain-language guideline: a sentence longer than this is hard to follow.
pub const MAX_SENTENCE_WORDS: usize = 25;

const NBSP: char = '\u{a0}';

/// A finding inside one field's value: line index and character column in that value.
struct Finding {
    line: usize,
    col: usize,
    width: usize,
    error: bool,
    message: String,
    hint: String,
}

/// A control character other than a line break or a tab, which `build` refuses.
pub fn has_control(fields: &[TextField]) -> bool {
    fields.iter().any(|f| {
        f.value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    })
}

/// Every finding in every field, as diagnostics located in the source.
pub fn lint(path: &Path, source: &str, fields: &[TextField], fonts: &Fonts) -> Vec<Diagnostic> {
    proofread_with(path, source, fields, Some(fonts))
}

/// The proofreader's warnings only, without the font coverage check: for `build`, which
/// refuses unprintable characters itself, so the second look at every glyph is saved.
pub fn proofread(path: &Path, source: &str, fields: &[TextField]) -> Vec<Diagnostic> {
    proofread_with(path, source, fields, None)
}

fn proofread_with(
    path: &Path,
    source: &str,
    fields: &[TextField],
    fonts: Option<&Fonts>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for field in fields {
        let mut findings = Vec::new();
        if let Some(fonts) = fonts {
            glyphs(field, fonts, true, &mut findings);
        }
        spaces(&field.value, &mut findings);
        repeated_words(&field.value, &mut findings);
        if field.is_body {
            long_sentences(&field.value, &mut findings);
        }
        located(path, source, field, findings, &mut out);
    }
    out
}

/// The characters `build` must refuse, located: those no font has, and (with `controls`)
/// invisible control characters — removing those would silently join the words around
/// them ("Een\u{7}folder" would print "Eenfolder").
pub fn unprintable(
    path: &Path,
    source: &str,
    fields: &[TextField],
    fonts: &Fonts,
    controls: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for field in fields {
        let mut findings = Vec::new();
        glyphs(field, fonts, controls, &mut findings);
        located(path, source, field, findings, &mut out);
    }
    out
}

fn located(
    path: &Path,
    source: &str,
    field: &TextField,
    findings: Vec<Finding>,
    out: &mut Vec<Diagnostic>,
) {
    {
        for f in findings {
            let d = if f.error {
                Diagnostic::error(path, f.message)
            } else {
                Diagnostic::warning(path, f.message)
            };
            let d = d.field(&field.field).hint(f.hint);
            out.push(match field.place(source, f.line, f.col) {
                Some((l, c, true)) => d.at(l, c).spanning(f.width),
                // A quoted or folded text: the key stands for the place; the message and
                // field still say what to look for.
                Some((l, c, false)) => d.at(l, c).spanning(field.key.chars().count()),
                None => d,
            });
        }
    }
}

/// Characters of the value, each with its (line, column) in the value.
fn positioned(value: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::with_capacity(value.len());
    for (l, line) in value.split('\n').enumerate() {
        out.extend(line.chars().enumerate().map(|(c, ch)| (l, c, ch)));
        out.push((l, line.chars().count(), '\n'));
    }
    out.pop();
    out
}

fn glyphs(field: &TextField, fonts: &Fonts, controls: bool, findings: &mut Vec<Finding>) {
    // The faces document.rs sets these fields in; body text may use every face, but the
    // four faces share one character set.
    let bold =
        matches!(field.field.as_str(), "title" | "department") || field.field.ends_with("heading");
    let face = if bold { FaceId::Bold } else { FaceId::Regular };
    let chars = positioned(&field.value);
    // A typed bullet at a body line's start becomes a list marker and is never printed.
    let bullets: Vec<(usize, usize)> = if field.is_body {
        field
            .value
            .split('\n')
            .enumerate()
            .filter_map(|(l, text)| {
                let rest = text.trim_start_matches([' ', '\t']);
                crate::source::bullets::word_bullet(rest)
                    .map(|_| (l, text.chars().count() - rest.chars().count()))
            })
            .collect()
    } else {
        Vec::new()
    };
    // Accents that compose into no letter the font has: it would set them on the wrong one.
    let letters: Vec<char> = chars.iter().map(|x| x.2).collect();
    let mut floating = crate::text::marks::floating(&letters)
        .into_iter()
        .peekable();
    let mut k = 0;
    while k < chars.len() {
        let (line, col, c) = chars[k];
        if bullets.contains(&(line, col)) {
            k += 1;
            continue;
        }
        while floating.next_if(|r| r.start < k).is_some() {}
        if let Some(r) = floating.next_if(|r| r.start == k) {
            findings.push(floating_mark(line, col, &letters[r.clone()]));
            k = r.end;
            continue;
        }
        let bad = |c: char| {
            // A zero-width space is a break opportunity the typesetter understands.
            c != '\n'
                && c != '\t'
                && c != '\u{200b}'
                && ((controls && c.is_control())
                    || (!c.is_control() && !c.is_whitespace() && !fonts.has_char(face, c)))
        };
        if !bad(c) {
            k += 1;
            continue;
        }
        // A run of unprintable characters (an emoji with its modifiers, a word in another
        // script) is one finding, underlined whole.
        let mut end = k + 1;
        while end < chars.len() && chars[end].0 == line && bad(chars[end].2) {
            end += 1;
        }
        let (message, hint) = if c.is_control() {
            (
                t!("lint-control", code = format!("U+{:04X}", c as u32)),
                t!("lint-control-hint"),
            )
        } else {
            let text: String = chars[k..end].iter().map(|x| x.2).collect();
            (
                t!(
                    "lint-no-glyph",
                    text = text,
                    code = format!("U+{:04X}", c as u32)
                ),
                t!("lint-no-glyph-hint"),
            )
        };
        findings.push(Finding {
            line,
            col,
            width: end - k,
            error: true,
            message,
            hint,
        });
        k = end;
    }
}

fn floating_mark(line: usize, col: usize, cluster: &[char]) -> Finding {
    let (message, hint) = crate::text::marks::refusal(cluster);
    Finding {
        line,
        col,
        width: cluster.len(),
        error: true,
        message,
        hint,
    }
}

fn spaces(value: &str, findings: &mut Vec<Finding>) {
    for (l, line) in value.split('\n').enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // Indentation is Markdown structure, not a typing slip.
        let first = chars.iter().position(|c| *c != ' ').unwrap_or(chars.len());
        // A table row's cells are padded to line up in the source; the padding never prints.
        if chars.get(first) == Some(&'|') {
            continue;
        }
        let mut k = first;
        while k < chars.len() {
            // U+202F and U+2007 are kept as typed, as U+00A0 is (document/normalize.rs).
            let no_break = crate::document::normalize::is_no_break;
            let is_space = |c: char| c == ' ' || no_break(c);
            if !is_space(chars[k]) {
                k += 1;
                continue;
            }
            let mut end = k;
            while end < chars.len() && is_space(chars[end]) {
                end += 1;
            }
            let run = &chars[k..end];
            let has_nbsp = run.iter().any(|&c| no_break(c));
            if has_nbsp && run.contains(&' ') {
                findings.push(Finding {
                    line: l,
                    col: k,
                    width: run.len(),
                    error: false,
                    message: t!("lint-space-nbsp"),
                    hint: t!("lint-space-nbsp-hint"),
                });
            } else if run.len() > 1 && end < chars.len() {
                findings.push(Finding {
                    line: l,
                    col: k,
                    width: run.len(),
                    error: false,
                    message: t!("lint-spaces", count = run.len()),
                    hint: t!("lint-spaces-hint"),
                });
            }
            k = end;
        }
    }
}

/// Words as (line, column, lowercase text, whether only spaces came before since the last word).
fn words(value: &str) -> Vec<(usize, usize, String, bool)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    let mut only_space = true;
    for (l, c, ch) in positioned(value) {
        if ch.is_alphanumeric() {
            match &mut current {
                Some((_, _, w)) => w.extend(ch.to_lowercase()),
                None => current = Some((l, c, ch.to_lowercase().collect())),
            }
        } else if ch == '-' && current.is_some() {
            // Keep B-lymfocyten one word.
            if let Some((_, _, w)) = &mut current {
                w.push('-');
            }
        } else {
            if let Some((wl, wc, w)) = current.take() {
                out.push((wl, wc, w, only_space));
                only_space = true;
            }
            if !(ch == ' ' || ch == NBSP || ch == '\n') {
                only_space = false;
            }
        }
    }
    if let Some((wl, wc, w)) = current {
        out.push((wl, wc, w, only_space));
    }
    out
}

/// Words Dutch grammar may write twice in a row: "of of uw kind …" (or whether), "dat dat
/// klopt" (that that), "die die …", "had had": a warning there sends the author to break
/// a correct sentence.
const GRAMMATICAL_DOUBLES: &[&str] = &["of", "dat", "die", "had", "wat"];

fn repeated_words(value: &str, findings: &mut Vec<Finding>) {
    let words = words(value);
    for pair in words.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        // One letter is no word to repeat ("æ Æ", "x x" in a formula; "u u" is Dutch).
        let letters = next.2.chars().any(char::is_alphabetic) && next.2.chars().count() > 1;
        let grammatical = GRAMMATICAL_DOUBLES.contains(&next.2.to_lowercase().as_str());
        if prev.2 == next.2 && next.3 && letters && !grammatical {
            findings.push(Finding {
                line: next.0,
                col: next.1,
                width: next.2.chars().count(),
                error: false,
                message: t!("lint-repeated", word = next.2.as_str()),
                hint: t!("lint-repeated-hint"),
            });
        }
    }
}

fn long_sentences(value: &str, findings: &mut Vec<Finding>) {
    let chars = positioned(value);
    let mut start: Option<(usize, usize)> = None;
    let mut count = 0;
    let mut in_word = false;
    let mut k = 0;
    while k <= chars.len() {
        let ch = chars.get(k).map_or('\n', |x| x.2);
        let next = chars.get(k + 1).map(|x| x.2);
        // A sentence ends at . ! ? before a space, and at a blank line or a list item.
        let paragraph_end = ch == '\n' && (next.is_none_or(|n| n == '\n' || n == '-' || n == '*'));
        // A table cell's `|` ends it too: cells are not one sentence.
        let sentence_end = ch == '|'
            || (matches!(ch, '.' | '!' | '?' | ':' | ';')
                && next.is_none_or(|n| n == ' ' || n == '\n' || n == NBSP));
        if ch.is_alphanumeric() {
            if !in_word {
                count += 1;
                if start.is_none() {
                    start = chars.get(k).map(|x| (x.0, x.1));
                }
            }
            in_word = true;
        } else {
            in_word = false;
        }
        if sentence_end || paragraph_end || k == chars.len() {
            if count > MAX_SENTENCE_WORDS
                && let Some((line, col)) = start
            {
                findings.push(Finding {
                    line,
                    col,
                    width: 1,
                    error: false,
                    message: t!("lint-sentence", count = count, max = MAX_SENTENCE_WORDS),
                    hint: t!("lint-sentence-hint"),
                });
            }
            start = None;
            count = 0;
        }
        k += 1;
    }
}

/// The "due for review" warning when `revised` lies more than `years` years before `today`.
/// `build` shows it too, so someone who only builds still learns a leaflet is overdue.
pub fn review_due(
    path: &Path,
    revised: chrono::NaiveDate,
    years: u32,
    today: chrono::NaiveDate,
) -> Option<Diagnostic> {
    let due = revised.checked_add_months(chrono::Months::new(12 * years))?;
    (due < today && (1900..=2999).contains(&chrono::Datelike::year(&revised))).then(|| {
        let message = t!("date-overdue", date = revised.to_string(), years = years);
        Diagnostic::warning(path, message)
            .field("revised")
            .hint(t!("date-overdue-hint"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(value: &str, f: fn(&str, &mut Vec<Finding>)) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        f(value, &mut out);
        out.into_iter()
            .map(|f| (f.line, f.col, f.message))
            .collect()
    }

    #[test]
    fn a_double_that_dutch_grammar_allows_is_not_a_slip() {
        assert_eq!(
            messages(
                "De arts gaat na hoe de lever werkt of of uw kind bloedarmoede heeft.",
                repeated_words
            ),
            vec![]
        );
    }

    #[test]
    fn one_letter_is_no_repeated_word() {
        assert_eq!(
            messages("æ Æ en x x, maar als u u niet goed voelt", repeated_words),
            vec![]
        );
    }

    #[test]
    fn repeated_words_across_lines_but_not_across_punctuation() {
        assert_eq!(
            messages("Zo is de\nde dokter. Ja. Ja", repeated_words),
            vec![(1, 0, "the word “de” is repeated".to_string())]
        );
    }

    #[test]
    fn spaces_ignore_indentation_and_name_nbsp_neighbours() {
        let found = messages("  - lijst  item\nwordt.\u{a0} ", spaces);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].0, found[0].1), (0, 9));
        assert_eq!(found[1].2, "a space next to a no-break space");
    }

    #[test]
    fn sentences_are_counted_per_sentence() {
        let long = vec!["woord"; 26].join(" ");
        let text = format!("Kort. {long}.\n\nOok kort.");
        let found = messages(&text, long_sentences);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (0, 6));
        assert!(messages(&vec!["woord"; 25].join(" "), long_sentences).is_empty());
    }
}
