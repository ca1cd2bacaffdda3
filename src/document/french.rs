//! French punctuation spacing, as a French typesetter sets it (Lexique des règles
//! typographiques en usage à l'Imprimerie nationale): a narrow no-break space (U+202F)
//! before `;` `!` `?` and inside « », a full no-break space (U+00A0) before `:`.
//!
//! The author types a normal space, or none, or already the right one: the result is the
//! same, never a doubled space. The space is only inserted before punctuation that ends a
//! phrase (followed by a space, the end, or closing punctuation), so "14:30", "https://"
//! and "?id=3" in an address stay as typed.

use crate::lang::{NBSP, NNBSP};

/// Characters a high punctuation mark may stand against without being prose punctuation
/// of its own (the second mark of "?!").
const HIGH: &[char] = &[';', '!', '?', ':'];

/// Characters that may follow prose punctuation: closing marks and other punctuation.
const CLOSING: &[char] = &[')', ']', '»', '”', '’', '.', ',', '…', ';', '!', '?', ':'];

/// Applies French spacing to a normalised paragraph. Curly double quotes (the normaliser
/// made them from straight ones) become guillemets.
pub fn spacing<S: Copy>(input: &[(char, S)]) -> Vec<(char, S)> {
    let mut out: Vec<(char, S)> = Vec::with_capacity(input.len() + 8);
    let mut i = 0;
    while i < input.len() {
        let (c, s) = input[i];
        let c = match c {
            '“' => '«',
            '”' => '»',
            other => other,
        };
        let next = input.get(i + 1).map(|n| n.0);
        match c {
            '«' => {
                out.push((c, s));
                // The author's space after the guillemet becomes the narrow one.
                let mut j = i + 1;
                while j < input.len() && is_space(input[j].0) {
                    j += 1;
                }
                if j < input.len() {
                    out.push((NNBSP, s));
                }
                i = j;
                continue;
            }
            '»' => {
                space_before(&mut out, NNBSP, s);
                out.push((c, s));
            }
            _ if HIGH.contains(&c) && ends_phrase(next) => {
                let wanted = if c == ':' { NBSP } else { NNBSP };
                if !out.last().is_some_and(|(p, _)| HIGH.contains(p)) {
                    space_before(&mut out, wanted, s);
                }
                out.push((c, s));
            }
            _ => out.push((c, s)),
        }
        i += 1;
    }
    out
}

/// Puts `space` before the next character: replaces the space the author typed, or
/// inserts it after a word; at the start of the text nothing is added.
fn space_before<S: Copy>(out: &mut Vec<(char, S)>, space: char, style: S) {
    match out.last_mut() {
        None => {}
        Some((p, _)) if is_space(*p) => *p = space,
        Some(_) => out.push((space, style)),
    }
}

fn ends_phrase(next: Option<char>) -> bool {
    next.is_none_or(|n| is_space(n) || CLOSING.contains(&n))
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn french(text: &str) -> String {
        let chars: Vec<(char, ())> = text.chars().map(|c| (c, ())).collect();
        spacing(&chars).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn spaces_high_punctuation_whether_typed_or_not_and_never_twice() {
        assert_eq!(french("Pourquoi?"), "Pourquoi\u{202f}?");
        assert_eq!(french("Pourquoi ?"), "Pourquoi\u{202f}?");
        assert_eq!(french("Pourquoi\u{202f}?"), "Pourquoi\u{202f}?");
        assert_eq!(french("Attention: ceci"), "Attention\u{a0}: ceci");
        assert_eq!(french("Attention : ceci"), "Attention\u{a0}: ceci");
        assert_eq!(french("Vraiment?!"), "Vraiment\u{202f}?!");
        assert_eq!(french("oui; non"), "oui\u{202f}; non");
    }

    #[test]
    fn leaves_times_and_addresses_alone() {
        assert_eq!(french("à 14:30 heures"), "à 14:30 heures");
        assert_eq!(
            french("https://www.azdelta.be/x?id=3"),
            "https://www.azdelta.be/x?id=3"
        );
    }

    #[test]
    fn guillemets_get_narrow_spaces_inside() {
        assert_eq!(
            french("le mot “vide” ici"),
            "le mot «\u{202f}vide\u{202f}» ici"
        );
        assert_eq!(french("« plein »."), "«\u{202f}plein\u{202f}».");
        assert_eq!(french("«\u{202f}déjà\u{202f}»"), "«\u{202f}déjà\u{202f}»");
    }
}
