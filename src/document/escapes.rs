//! What Markdown takes away from a body without printing it, found where it was typed and
//! said: a backslash that escapes the punctuation after it (`\\fileserver\folders\_nieuw`
//! prints `\fileserver\folders_nieuw`), an HTML entity in a link's address, a link's title
//! (the hover text of a web page, which paper has no place for).
//!
//! The rule (README, "Markdown in a body"): Markdown's reading stands, so `\*` still prints
//! a plain `*`, but every backslash it swallows is reported once per word, with the word as
//! typed and as printed; the hard-break backslash at a line's end is the one that is not.
//! An entity prints as typed, in a link's address as in its text.

use super::{Walker, label_key};
use crate::t;
use pulldown_cmark::LinkType;
use std::ops::Range;

/// A link being read: what it points to and where its parts were typed.
pub(super) struct OpenLink {
    /// The address as Markdown decoded it.
    pub url: String,
    pub title: String,
    pub kind: LinkType,
    /// Where the link's text starts in the current block's text.
    pub from: usize,
    /// The whole link as typed.
    pub range: Range<usize>,
    /// Where its text ends in the body (the `]` that closes it).
    pub text_end: usize,
    /// The label of a reference link (`[tekst][1]`).
    pub id: String,
}

/// A reference definition (`[1]: https://… "titel"`): the address to print for the links
/// that use it, as the text rule prints it.
pub(super) struct Definition {
    pub key: String,
    pub at: usize,
    pub address: String,
}

/// Does the text Markdown starts at `start` follow a backslash it swallowed? An odd run of
/// backslashes before it ends in one that escapes this character; an even run escaped
/// itself pairwise. Markdown starts a new text right after every escaping backslash.
pub fn after_escape(body: &str, start: usize) -> bool {
    let escaped = body[start..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_punctuation());
    let run = body.as_bytes()[..start]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    escaped && run % 2 == 1
}

/// `typed` with Markdown's backslash escapes applied, and the byte offsets (in `typed`) of
/// the backslashes that went.
pub fn unescape(typed: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(typed.len());
    let mut gone = Vec::new();
    let mut chars = typed.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\'
            && let Some(&(_, next)) = chars.peek()
            && next.is_ascii_punctuation()
        {
            gone.push(i);
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    (out, gone)
}

/// The HTML entities in `typed` (`&amp;`, `&#38;`) that Markdown would replace by their
/// character: byte ranges. Markdown decodes only the ones it knows, so each is asked of it.
pub fn entities(typed: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(amp) = typed[from..].find('&').map(|k| from + k) {
        from = amp + 1;
        let Some(len) = typed[amp + 1..].find(';') else {
            break;
        };
        let name = &typed[amp + 1..amp + 1 + len];
        let well_formed = !name.is_empty()
            && name.len() <= 32
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#');
        if !well_formed || after_escape(typed, amp) {
            continue;
        }
        let candidate = &typed[amp..amp + len + 2];
        let decoded: String = pulldown_cmark::Parser::new(candidate)
            .filter_map(|e| match e {
                pulldown_cmark::Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        if super::slips::entity(candidate, &decoded) {
            out.push(amp..amp + len + 2);
        }
    }
    out
}

/// The address and the title of a link as typed, after the text: `](https://… "titel")`.
/// Byte ranges into `tail`; the title's includes its quotes.
fn inline_parts(tail: &str) -> (Range<usize>, Option<Range<usize>>) {
    let open = tail.find('(').map_or(tail.len(), |k| k + 1);
    let inner_end = tail.rfind(')').filter(|&k| k >= open).unwrap_or(tail.len());
    let inner = &tail[open..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let start = open + lead;
    let rest = &tail[start..inner_end];
    let dest = if let Some(angled) = rest.strip_prefix('<') {
        let end = angled.find('>').map_or(rest.len(), |k| k + 2);
        start..start + end
    } else {
        start..start + rest.find(char::is_whitespace).unwrap_or(rest.len())
    };
    let after = &tail[dest.end..inner_end];
    let title_at = dest.end + after.len() - after.trim_start().len();
    let title_end = dest.end + after.trim_end().len();
    let title = (title_end > title_at).then_some(title_at..title_end);
    (dest, title)
}

/// The address of a reference definition as typed, after its `]:`: a range into `typed`.
fn definition_parts(typed: &str) -> (Range<usize>, Option<Range<usize>>) {
    let colon = typed.find("]:").map_or(0, |k| k + 2);
    let (dest, title) = inline_parts(&format!("({})", &typed[colon..]));
    // The parentheses added above shift everything by one.
    let shift = |r: Range<usize>| r.start - 1 + colon..r.end - 1 + colon;
    (shift(dest), title.map(shift))
}

impl Walker<'_> {
    /// A text Markdown starts after a backslash it swallowed: remembered, and reported per
    /// word when the body is done. `\|` in a table is how a cell holds a pipe: not a slip.
    pub(super) fn escaped(&mut self, range: &Range<usize>) {
        let pipe_in_table = self.table.is_some() && self.body[range.start..].starts_with('|');
        if after_escape(self.body, range.start) && !pipe_in_table {
            self.swallowed.push(range.start - 1);
        }
    }

    /// One warning per word in which Markdown swallowed a backslash, naming the word as
    /// typed and as printed.
    pub(super) fn report_escapes(&mut self) {
        let gone = std::mem::take(&mut self.swallowed);
        let mut k = 0;
        while k < gone.len() {
            let word = word_at(self.body, gone[k]);
            let mut printed = String::new();
            let mut last = word.start;
            while k < gone.len() && gone[k] < word.end {
                printed.push_str(&self.body[last..gone[k]]);
                last = gone[k] + 1;
                k += 1;
            }
            printed.push_str(&self.body[last..word.end]);
            self.backslash_note(word.start, &self.body[word.clone()], &printed);
        }
    }

    fn backslash_note(&mut self, at: usize, typed: &str, printed: &str) {
        self.note(
            false,
            at,
            typed.chars().count(),
            t!("md-backslash", typed = typed, printed = printed),
            &t!("md-backslash-hint"),
        );
    }

    /// The address to print for a link, by the text's rules: an entity as typed (and
    /// said), a swallowed backslash said; a title said, as paper cannot show it.
    pub(super) fn link_address(&mut self, link: &OpenLink) -> String {
        match link.kind {
            LinkType::Inline => {}
            LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                // Checked once, at the definition.
                let key = label_key(&link.id);
                return self
                    .definitions
                    .iter()
                    .find(|d| d.key == key)
                    .map_or_else(|| link.url.clone(), |d| d.address.clone());
            }
            _ => return link.url.clone(),
        }
        let end = link.range.end.max(link.text_end);
        let tail = &self.body[link.text_end..end];
        let (dest, title) = inline_parts(tail);
        let at = link.text_end;
        if let Some(title) = title.filter(|_| !link.title.is_empty()) {
            self.title_note(at + title.start, &tail[title.clone()], &link.title);
        }
        let typed = tail[dest.clone()]
            .trim_start_matches('<')
            .trim_end_matches('>');
        let typed_at = at + dest.start + usize::from(tail[dest].starts_with('<'));
        self.address_as_typed(typed, &link.url, typed_at)
    }

    fn title_note(&mut self, at: usize, typed: &str, title: &str) {
        self.note(
            false,
            at,
            typed.chars().count(),
            t!("md-link-title", title = title),
            &t!("md-link-title-hint"),
        );
    }

    /// `typed` at byte `at` of the body, which Markdown read as `decoded`: what to print,
    /// with each change said where it was typed.
    fn address_as_typed(&mut self, typed: &str, decoded: &str, at: usize) -> String {
        if typed == decoded {
            return decoded.to_string();
        }
        for e in entities(typed) {
            let shown = &typed[e.clone()];
            self.note(
                false,
                at + e.start,
                shown.chars().count(),
                t!("md-entity", typed = shown),
                &t!("md-entity-hint"),
            );
        }
        let (printed, gone) = unescape(typed);
        if !gone.is_empty() {
            self.backslash_note(at, typed, &printed);
        }
        printed
    }

    /// The reference definitions (`[1]: https://… "titel"`), checked as a link's address
    /// is: where they were typed, once however many links use them.
    pub(super) fn read_definitions(&mut self, defs: Vec<(String, Range<usize>, String, String)>) {
        for (label, span, dest, title) in defs {
            let typed = &self.body[span.clone()];
            let (d, t) = definition_parts(typed);
            if let Some(t) = t.filter(|_| !title.is_empty()) {
                self.title_note(span.start + t.start, &typed[t.clone()], &title);
            }
            let raw = typed[d.clone()]
                .trim_start_matches('<')
                .trim_end_matches('>');
            let raw_at = span.start + d.start + usize::from(typed[d].starts_with('<'));
            let address = self.address_as_typed(raw, &dest, raw_at);
            self.definitions.push(Definition {
                key: label_key(&label),
                at: span.start,
                address,
            });
        }
    }
}

/// The word around byte `at`: from the white space before it to the white space after.
fn word_at(body: &str, at: usize) -> Range<usize> {
    let start = body[..at].rfind(char::is_whitespace).map_or(0, |k| {
        k + body[k..].chars().next().map_or(1, char::len_utf8)
    });
    let end = body[at..]
        .find(char::is_whitespace)
        .map_or(body.len(), |k| at + k);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swallowed_backslashes_are_told_from_printed_ones() {
        let body = r"\\fileserver\folders\_nieuw";
        assert!(after_escape(body, 1), "the second of `\\\\`");
        assert!(!after_escape(body, 2), "`f` after a printed backslash");
        assert!(after_escape(body, 21), "`_` after `\\`");
        assert!(!after_escape(r"\\_x", 2), "`_` after an escaped backslash");
        assert_eq!(
            unescape(body),
            (r"\fileserver\folders_nieuw".to_string(), vec![0, 20])
        );
        assert_eq!(word_at("zie \\\\a\\_b nu", 5), 4..10);
    }

    #[test]
    fn entities_markdown_decodes_are_found() {
        assert_eq!(entities("https://x.be?a=1&amp;b=2"), vec![16..21]);
        assert_eq!(entities("a&foo;b&#38;"), vec![7..12]);
        assert!(entities("a & b; c").is_empty());
        assert!(entities(r"a\&amp;b").is_empty());
    }

    #[test]
    fn an_inline_links_address_and_title_are_found_as_typed() {
        let tail = "](https://x.be/x \"Over voeding\")";
        let (dest, title) = inline_parts(tail);
        assert_eq!(&tail[dest], "https://x.be/x");
        assert_eq!(&tail[title.unwrap()], "\"Over voeding\"");
        let tail = "](<https://x.be/a b>)";
        let (dest, title) = inline_parts(tail);
        assert_eq!(&tail[dest], "<https://x.be/a b>");
        assert_eq!(title, None);
        let typed = "[g]: https://x.be/gids 'Gids'";
        let (dest, title) = definition_parts(typed);
        assert_eq!(&typed[dest], "https://x.be/gids");
        assert_eq!(&typed[title.unwrap()], "'Gids'");
    }
}
