//! Typing slips that Markdown reads differently from what the author meant, and that the
//! walker flags rather than print silently changed: a list item Markdown joins to the line
//! before it, a paragraph joined to the list above it, `2*3*4` read as italics, a footnote
//! `*` read as a bullet, an HTML entity, a table row with more cells than its header, a
//! table Markdown does not recognise. Each test looks at the author's source text.

use super::{BlockKind, SHORT_LINE_CHARS, SHORT_LINES_LIST, Walker};
use crate::source::bullets::list_like;
use crate::t;
use std::ops::Range;

/// A line starting at byte `line_start` that is typed like a list item but, following a
/// soft line break, is joined to the line before it: its offset and marker as typed.
pub fn merged_item(body: &str, line_start: usize) -> Option<(usize, &str)> {
    let line = body.get(line_start..)?;
    let text = line.trim_start_matches([' ', '\t']);
    let at = line_start + line.len() - text.len();
    list_like(text).map(|marker| (at, marker))
}

/// Is `typed` an HTML character reference (`&amp;`, `&nbsp;`, `&#8364;`) that Markdown
/// would replace by its character? Markdown only decodes well-formed ones.
pub fn entity(typed: &str, decoded: &str) -> bool {
    typed.len() > 2 && typed.starts_with('&') && typed.ends_with(';') && typed != decoded
}

/// How many cells a typed table row holds: `|` separators, less the optional outer ones,
/// `\|` being a literal pipe (Markdown splits inside code spans too).
pub fn cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes = 0;
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    let outer =
        usize::from(row.starts_with('|')) + usize::from(row.ends_with('|') && row.len() > 1);
    pipes + 1 - outer.min(pipes)
}

/// A table's `|---|---|` line: pipes, dashes, colons and blanks, with at least one `---`.
fn is_rule_row(line: &str) -> bool {
    line.contains('|')
        && line.contains("---")
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Why a paragraph typed as a pipe table is not one, when it is: Markdown then prints it
/// as text, pipes and all.
pub fn table_slip(paragraph: &str) -> Option<String> {
    let lines: Vec<&str> = paragraph
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let framed = |l: &&str| l.len() > 1 && l.starts_with('|') && l.ends_with('|');
    if !lines.is_empty() && lines.iter().all(framed) {
        return Some(t!("md-table-no-rule"));
    }
    lines
        .iter()
        .skip(1)
        .any(|l| is_rule_row(l))
        .then(|| t!("md-table-bad-header"))
}

/// How wide `text` is in columns, a tab reaching the next multiple of four as in Markdown.
fn columns(text: &str) -> usize {
    text.chars().fold(
        0,
        |col, c| if c == '\t' { col / 4 * 4 + 4 } else { col + 1 },
    )
}

/// The column where the text of the list item whose marker is at byte `at` starts.
fn item_content_column(body: &str, at: usize) -> usize {
    let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
    let rest = &body[at..];
    let marker = rest.find([' ', '\t']).unwrap_or(rest.len());
    let after = &rest[marker..];
    let content = at + marker + after.len() - after.trim_start_matches([' ', '\t']).len();
    columns(&body[line_start..content]).max(columns(&body[line_start..at + marker]) + 1)
}

impl Walker<'_> {
    /// Text as typed, but an HTML entity is printed as the author typed it (a leaflet is
    /// not a web page: `&amp;` pasted from one is a slip either way) and flagged.
    pub(super) fn text(&mut self, decoded: &str, range: &Range<usize>) {
        self.escaped(range);
        let typed = self.body.get(range.clone()).unwrap_or("");
        if entity(typed, decoded) {
            self.note(
                false,
                range.start,
                typed.chars().count(),
                t!("md-entity", typed = typed),
                &t!("md-entity-hint"),
            );
            self.push_text(typed);
            return;
        }
        // `**` that Markdown found no partner for comes as two one-character texts and is
        // printed; the author meant bold.
        if let Some(mark) = ["*", "_"].into_iter().find(|m| typed == *m)
            && self.body[range.end..].starts_with(mark)
            && !self.body[..range.start].ends_with(mark)
        {
            self.note(
                false,
                range.start,
                2,
                t!("md-unclosed-bold", marks = format!("{mark}{mark}")),
                &t!("md-unclosed-bold-hint"),
            );
        }
        self.push_text(decoded);
    }

    /// After a soft line break: is the next line a list item Markdown does not see, or a
    /// new sentence that Markdown joins to the list item above it?
    pub(super) fn line_joined(&mut self, next_line: usize) {
        if let Some((at, marker)) = merged_item(self.body, next_line) {
            self.note(
                false,
                at,
                marker.chars().count(),
                t!("md-item-joined", marker = marker),
                &t!("md-item-joined-hint"),
            );
            return;
        }
        let Some(item_at) = self
            .current
            .as_ref()
            .filter(|b| b.kind == BlockKind::ListItem)
            .and_then(|b| b.origin.as_ref())
            .map(|o| o.at)
        else {
            return;
        };
        let line = self.body.get(next_line..).unwrap_or("");
        let text = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - text.len();
        // A lazy line (indented less than the item's text) that starts a new sentence is
        // a paragraph typed right under a list; a wrapped item goes on in lower case.
        if columns(&line[..indent]) < item_content_column(self.body, item_at)
            && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        {
            let width = text.lines().next().unwrap_or("").chars().count().min(40);
            self.note(
                false,
                next_line + indent,
                width,
                t!("md-lazy-line"),
                &t!("md-lazy-line-hint"),
            );
        }
    }

    /// `2*3*4`: a `*` pair glued to the words around it is Markdown italics, so the `*`
    /// vanish from a dose or a calculation. Flagged; `*vet*` between spaces is not.
    pub(super) fn glued_emphasis(&mut self, range: &Range<usize>) {
        let typed = self.body.get(range.clone()).unwrap_or("");
        let before = self.body[..range.start].chars().next_back();
        let after = self.body[range.end..].chars().next();
        if typed.starts_with('*')
            && (before.is_some_and(char::is_alphanumeric)
                || after.is_some_and(char::is_alphanumeric))
        {
            let inner = typed.trim_matches('*');
            self.note(
                false,
                range.start,
                typed.chars().count(),
                t!("md-stars", inner = inner),
                &t!("md-stars-hint"),
            );
        }
    }

    /// `* Alleen op weekdagen.` under a text with `parkeren*`: the footnote's `*` starts a
    /// bullet list instead.
    pub(super) fn footnote_item(&mut self, range: &Range<usize>) {
        if !self.body[range.start..].starts_with('*') {
            return;
        }
        let before = &self.body[..range.start];
        let glued = before.char_indices().any(|(i, c)| {
            c == '*'
                && before[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        if glued {
            self.note(
                false,
                range.start,
                1,
                t!("md-star-item"),
                &t!("md-star-item-hint"),
            );
        }
    }

    /// `1. 2. 4.`: Markdown numbers a list's items in order, so the item typed 4 prints as
    /// 3; a leaflet that says "see step 4" then points at the wrong step. Typing every
    /// item `1.` is the Markdown habit of leaving the numbering to the typesetter.
    pub(super) fn renumbered(&mut self, range: &Range<usize>) {
        let Some(Some(printed)) = self.lists.last().copied() else {
            return;
        };
        let typed = &self.body[range.start..];
        let digits = typed.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(number) = typed[..digits].parse::<u64>() else {
            return;
        };
        if number != printed && number != 1 {
            self.note(
                false,
                range.start,
                digits,
                t!("md-renumbered", number = number, printed = printed),
                &t!("md-renumbered-hint"),
            );
        }
    }

    /// A paragraph typed as a table that Markdown does not recognise: refused.
    pub(super) fn table_typed_as_text(&mut self, range: &Range<usize>) {
        if let Some(what) = table_slip(self.body.get(range.clone()).unwrap_or("")) {
            self.refuse(range, what, &t!("md-table-hint"));
        }
    }

    /// Markdown drops the cells of a row beyond the header's count: refuse the row.
    pub(super) fn surplus_cells(&mut self, range: &Range<usize>) {
        let columns = self
            .table
            .as_ref()
            .and_then(|t| t.rows.first())
            .map_or(0, Vec::len);
        let typed = cells(self.body.get(range.clone()).unwrap_or(""));
        if columns > 0 && typed > columns {
            self.refuse(
                range,
                t!(
                    "md-surplus-cells",
                    typed = typed,
                    columns = columns,
                    dropped = typed - columns
                ),
                &t!("md-surplus-cells-hint"),
            );
        }
    }

    /// A paragraph of several short lines is an address or a list of times typed line by
    /// line; Markdown joins such lines into one, so say so rather than print them run on.
    pub(super) fn short_lines(&mut self, range: &Range<usize>) {
        let breaks = std::mem::take(&mut self.soft_breaks);
        let Some(start) = self.paragraph_start.take() else {
            return;
        };
        if breaks.is_empty()
            || self
                .current
                .as_ref()
                .is_some_and(|b| b.kind == BlockKind::ListItem)
        {
            return;
        }
        let text = self.body.get(start..range.end).unwrap_or("");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let short = lines.iter().all(|l| l.chars().count() < SHORT_LINE_CHARS);
        // Prose wrapped early continues its sentence on the next line in lower case; an
        // address's or a timetable's lines each start anew (a capital, a digit), and three
        // or more short lines are a list typed line by line.
        let fresh_starts = lines
            .get(1..)
            .unwrap_or(&[])
            .iter()
            .all(|l| l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if short && (fresh_starts || lines.len() >= SHORT_LINES_LIST) {
            self.note(
                false,
                breaks[0],
                1,
                t!("md-run-on", lines = breaks.len() + 1),
                &t!("md-run-on-hint"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_counted_as_markdown_splits_them() {
        assert_eq!(cells("| a | b | c |"), 3);
        assert_eq!(cells("a | b"), 2);
        assert_eq!(cells("| x \\| y | z |"), 2);
        assert_eq!(cells("| | |"), 2);
        assert_eq!(cells("| a |"), 1);
    }

    #[test]
    fn slips_are_found_where_typed() {
        assert_eq!(merged_item("Kies:\n  a) thuis", 6), Some((8, "a)")));
        assert_eq!(merged_item("Kies:\nthuis", 6), None);
        assert!(entity("&amp;", "&"));
        assert!(!entity("&", "&"));
        assert!(!entity("&foo;", "&foo;"));
        assert!(table_slip("| Onderzoek | Tijd |\n| CT | 4 uur |").is_some());
        assert!(table_slip("Schema: | a | b |\n|---|---|\n| 1 | 2 |").is_some());
        assert!(table_slip("Kies | of | niet").is_none());
        assert_eq!(item_content_column("- punt", 0), 2);
        assert_eq!(item_content_column("x\n  1.  punt", 4), 6);
    }
}
