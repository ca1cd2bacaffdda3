//! Typing slips that Markdown reads differently from what the author meant, and that the
//! walker flags rather than print silently changed: a list item Markdown joins to the line
//! before it, an HTML entity, a table row with more cells than its header, a table without
//! its `|---|` line. Each test looks at the author's source text.

use crate::source::bullets::list_like;

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

/// A paragraph typed as a pipe table whose `|---|` line under the header is missing:
/// Markdown then prints it as text, pipes and all. Every line starts and ends with `|`.
pub fn table_without_rule(paragraph: &str) -> bool {
    let mut lines = paragraph.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    first.is_some_and(|l| l.len() > 1 && l.starts_with('|') && l.ends_with('|'))
        && paragraph
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .all(|l| l.len() > 1 && l.starts_with('|') && l.ends_with('|'))
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
        assert!(table_without_rule("| Onderzoek | Tijd |\n| CT | 4 uur |"));
        assert!(!table_without_rule("Kies | of | niet"));
    }
}
