//! Typed bullets ("•", "◦", "–", recognised by [`word_bullet`]) turned into Markdown list
//! markers before the body is parsed, each remembered for a warning.

pub use crate::source::bullets::word_bullet;

/// A typed bullet found in a body: its byte offset and the character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub at: usize,
    pub bullet: char,
}

/// The body with every typed bullet replaced by a Markdown `-` padded with spaces to the
/// same byte length, so every offset into the result is an offset into the author's text.
pub fn rewrite(body: &str) -> (String, Vec<Found>) {
    let mut out = String::with_capacity(body.len());
    let mut found = Vec::new();
    for line in body.split_inclusive('\n') {
        let text = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - text.len();
        match word_bullet(text) {
            Some(bullet) => {
                found.push(Found {
                    at: out.len() + indent,
                    bullet,
                });
                out.push_str(&line[..indent]);
                out.push('-');
                out.push_str(&" ".repeat(bullet.len_utf8() - 1));
                let rest = &text[bullet.len_utf8()..];
                // Word's no-break space after the bullet would stay glued to the item's text.
                match rest.strip_prefix('\u{a0}') {
                    Some(words) => {
                        out.push_str("  ");
                        out.push_str(words);
                    }
                    None => out.push_str(rest),
                }
            }
            None => out.push_str(line),
        }
    }
    (out, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_bullets_become_dashes_of_the_same_length() {
        let body = "Neem mee:\n• uw kaart\n  ◦\tuw brief\n–geen lijst\n";
        let (out, found) = rewrite(body);
        assert_eq!(
            out,
            "Neem mee:\n-   uw kaart\n  -  \tuw brief\n–geen lijst\n"
        );
        assert_eq!(out.len(), body.len());
        assert_eq!(
            found,
            [
                Found {
                    at: 10,
                    bullet: '•'
                },
                Found {
                    at: 25,
                    bullet: '◦'
                }
            ]
        );
    }
}
