//! Accents typed as separate combining marks. Most compose into one letter (`e` + U+0308
//! is `ë`, the normaliser does that), and the font draws that letter. The rest (`x` +
//! U+0304, `q` + U+0308) stay a letter and a mark; the font has no rule that sets such a
//! mark over such a letter, so it lands on the wrong one and the text layer reads the
//! letters apart. They are refused where typed, like a character the font lacks.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The letter-and-marks clusters of `chars` that keep a combining mark after NFC: index
/// ranges, the letter first (a mark with no letter before it is a cluster of its own).
pub fn floating(chars: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !is_combining_mark(chars[k]) {
            k += 1;
            continue;
        }
        let start = if k > 0 && !chars[k - 1].is_whitespace() {
            k - 1
        } else {
            k
        };
        let mut end = k;
        while end < chars.len() && is_combining_mark(chars[end]) {
            end += 1;
        }
        let composed: String = chars[start..end].iter().collect::<String>().nfc().collect();
        if composed.chars().any(is_combining_mark) {
            out.push(start..end);
        }
        k = end;
    }
    out
}

/// Marks shown in a message: a pasted "Zalgo" letter carries thousands.
const SHOWN_MARKS: usize = 4;

/// The dotted circle, which shows where a mark with no letter sits.
const NO_LETTER: char = '\u{25cc}';

/// The refusal of a floating cluster: message and hint, for `check` and `build` alike.
pub fn refusal(cluster: &[char]) -> (String, String) {
    let letter = cluster.first().copied().filter(|c| !is_combining_mark(*c));
    // A mark on no letter is shown on the dotted circle, or it would show on the quote.
    let mut shown: String = letter.map_or(NO_LETTER.to_string(), |_| String::new());
    shown.extend(cluster.iter().take(SHOWN_MARKS + 1));
    if cluster.len() > SHOWN_MARKS + 1 {
        shown.push('…');
    }
    let mark = cluster
        .iter()
        .copied()
        .find(|&c| is_combining_mark(c))
        .unwrap_or(NO_LETTER);
    let code = format!("U+{:04X}", mark as u32);
    let message = match letter {
        Some(base) => crate::t!(
            "lint-floating-mark",
            text = shown,
            base = base.to_string(),
            code = code
        ),
        None => crate::t!("lint-lone-mark", text = shown, code = code),
    };
    (message, crate::t!("lint-floating-mark-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        floating(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn marks_that_compose_are_letters_and_the_rest_float() {
        assert!(found("Zoe\u{308} en cafe\u{301}").is_empty());
        assert_eq!(found("Xx\u{301}y Zq\u{308}z"), ["x\u{301}", "q\u{308}"]);
        assert_eq!(found("x\u{304}"), ["x\u{304}"]);
        // A composing mark with a second one on top: the second floats.
        assert_eq!(found("e\u{308}\u{301}"), ["e\u{308}\u{301}"]);
        // A mark at the start, or after a space, has no letter.
        assert_eq!(found("\u{301}a b \u{301}"), ["\u{301}", "\u{301}"]);
        let (lone, _) = refusal(&['\u{301}']);
        assert!(lone.starts_with("“\u{25cc}\u{301}”"), "{lone}");
        let (on_x, _) = refusal(&['x', '\u{304}']);
        assert!(on_x.contains("no “x” with this one"), "{on_x}");
    }

    #[test]
    fn a_pasted_pile_of_marks_is_shown_short() {
        let mut zalgo = vec!['Z'];
        zalgo.extend(std::iter::repeat_n('\u{301}', 5000));
        let (message, _) = refusal(&zalgo);
        assert!(message.chars().count() < 300, "{message}");
        assert!(
            message.contains("Z\u{301}\u{301}\u{301}\u{301}…"),
            "{message}"
        );
    }
}
