//! Keep-together: which spaces of a paragraph must never break (issue 10.4), and what
//! happens when a tied chain of words is wider than any line.

use super::items::{
    FORCED_SPLIT_PENALTY, Item, TextWarning, TextWarningKind, no_break, plain_penalty,
};
use crate::document::normalize::NBSP;

/// Words tied by no-break spaces (the author's, or a phone number's groups), from item
/// `start` on: the ties are absolute unless the whole chain is wider than a line.
#[derive(Default)]
pub(crate) struct TieChain {
    pub start: usize,
    /// Indices of the chain's no-break penalties.
    pub ties: Vec<usize>,
}

impl TieChain {
    /// Ends the chain at the current item. A chain wider than any line cannot stay whole
    /// without running off the page: it may then break at its ties, as a last resort, and
    /// the author is told (a split phone number must never pass silently).
    pub fn settle(&mut self, items: &mut [Item], max_width: f32, warnings: &mut Vec<TextWarning>) {
        if !self.ties.is_empty() {
            let width: f32 = items[self.start..].iter().map(Item::width).sum();
            if width > max_width {
                let text: String = items[self.start..]
                    .iter()
                    .map(|i| match i {
                        Item::Box { fragment, .. } => fragment.text(),
                        Item::Glue { .. } => " ".to_string(),
                        Item::Penalty { .. } => String::new(),
                    })
                    .collect();
                let shown: String = text.chars().take(120).collect();
                let more = if shown.len() < text.len() { "…" } else { "" };
                let words = format!("{shown}{more}");
                warnings.push(TextWarning {
                    kind: TextWarningKind::TieSplit,
                    message: format!(
                        "the words “{words}” are kept together (no-break spaces) but are wider \
                         than a line, so they were split at a space"
                    ),
                    words,
                });
                for &t in &self.ties {
                    items[t] = plain_penalty(FORCED_SPLIT_PENALTY, false);
                }
            }
        }
        self.ties.clear();
    }
}

/// Which spaces of a paragraph must not break: every no-break space, and the spaces
/// between the digit groups of a phone number ("03 821 30 00", "+32 3 821 30 00",
/// "0470 12 34 56", "+44 20 7946 0958"), which the text normaliser does not tie when
/// a group has a "+" or parentheses.
pub fn ties<S>(chars: &[(char, S)]) -> Vec<bool> {
    let text: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    let mut ties: Vec<bool> = text.iter().map(|&c| c == NBSP).collect();
    let token_before = |i: usize| -> String {
        let start = text[..i]
            .iter()
            .rposition(|&c| c == ' ' || c == NBSP)
            .map_or(0, |p| p + 1);
        text[start..i].iter().collect()
    };
    let token_after = |i: usize| -> String {
        text[i + 1..]
            .iter()
            .take_while(|&&c| c != ' ' && c != NBSP)
            .collect()
    };
    for (i, &c) in text.iter().enumerate() {
        if c != ' ' {
            continue;
        }
        let (a, b) = (token_before(i), token_after(i));
        let b = b.trim_end_matches(['.', ',', ';', ':', ')']);
        let digits_of = |t: &str| t.chars().filter(char::is_ascii_digit).count();
        let group = |t: &str| {
            let t = t.strip_prefix('+').unwrap_or(t);
            t.starts_with(|c: char| c.is_ascii_digit() || c == '(')
                && t.ends_with(|c: char| c.is_ascii_digit())
                && t.chars().all(|c| c.is_ascii_digit() || "()-/.".contains(c))
        };
        ties[i] |= group(&a) && group(b) && (a.starts_with('+') || digits_of(b) <= 4);
    }
    ties
}

impl TieChain {
    /// Adds a tie at the end of `items`: the no-break penalty before a tied space.
    pub fn tie(&mut self, items: &mut Vec<Item>) {
        self.ties.push(items.len());
        items.push(no_break());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with each tied space shown as "~".
    fn tied(s: &str) -> String {
        let chars: Vec<(char, ())> = s.chars().map(|c| (c, ())).collect();
        let t = ties(&chars);
        s.chars()
            .zip(t)
            .map(|(c, t)| if t { '~' } else { c })
            .collect()
    }

    #[test]
    fn phone_numbers_in_every_usual_form_are_tied() {
        assert_eq!(tied("bel 03 821 30 00 nu"), "bel 03~821~30~00 nu");
        assert_eq!(tied("bel +32 3 821 30 00."), "bel +32~3~821~30~00.");
        assert_eq!(tied("gsm 0470 12 34 56, of"), "gsm 0470~12~34~56, of");
        assert_eq!(tied("+44 20 7946 0958;"), "+44~20~7946~0958;");
        assert_eq!(tied("+32 (0)3 821 30 00"), "+32~(0)3~821~30~00");
    }

    #[test]
    fn numbers_in_running_text_are_not_phone_numbers() {
        // A comma ends a number: "00, 03" are two numbers, and a year after a word is free.
        assert_eq!(
            tied("03 821 30 00, 03 821 30 01"),
            "03~821~30~00, 03~821~30~01"
        );
        assert_eq!(
            tied("in 2016 werden 12345 patiënten"),
            "in 2016 werden 12345 patiënten"
        );
        assert_eq!(tied("a\u{a0}b c"), "a~b c");
    }
}
