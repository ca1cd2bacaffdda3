//! Where a parsed text value sits in its YAML source. serde_yaml keeps no positions for
//! values, but a leaflet's texts are plain or literal-block scalars whose lines appear in
//! the file verbatim, so each value line can be found again after its key. A finding in a
//! value (a doubled space, a bad character) then gets the exact line and column a secretary
//! needs.

use crate::diagnostic::line_col;

/// One text field of a leaflet with the source offset of each of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct TextField {
    /// The field's name as messages show it: `title`, `sections[2].body`.
    pub field: String,
    pub value: String,
    /// Body text (Markdown paragraphs) rather than a one-line field.
    pub is_body: bool,
    /// Byte offset in the source of each line of `value`, when found verbatim.
    line_offsets: Vec<Option<usize>>,
    /// Where the field's key is, for findings on lines that could not be found.
    key_at: Option<usize>,
    /// The key as written (`body`), underlined when it stands in for the exact place.
    pub key: String,
}

impl TextField {
    /// The 1-based source line and column of character `col` (0-based) of value line
    /// `line`; the key's position when that line is not in the source verbatim (a quoted
    /// or folded scalar).
    pub fn position(&self, source: &str, line: usize, col: usize) -> Option<(usize, usize)> {
        self.place(source, line, col).map(|(l, c, _)| (l, c))
    }

    /// Like [`TextField::position`], saying also whether the place is exact (`false`: the
    /// key's position stands in for it).
    pub fn place(&self, source: &str, line: usize, col: usize) -> Option<(usize, usize, bool)> {
        match self.line_offsets.get(line).copied().flatten() {
            Some(offset) => {
                let (l, c) = line_col(source, offset);
                Some((l, c + col, true))
            }
            None => self.key_at.map(|o| {
                let (l, c) = line_col(source, o);
                (l, c, false)
            }),
        }
    }
}

/// Maps one field's value onto the source: each value line is looked for, in order, after
/// the field's key within `range`.
pub fn map_field(
    source: &str,
    field: &str,
    value: &str,
    is_body: bool,
    range: std::ops::Range<usize>,
    key: &str,
) -> TextField {
    let key_at = key_in(source, range.clone(), key);
    let mut cursor = key_at.map_or(range.start, |k| k + key.len() + 1);
    let mut line_offsets = Vec::new();
    for line in value.split('\n') {
        if line.is_empty() {
            line_offsets.push(None);
            continue;
        }
        let found = source
            .get(cursor..range.end)
            .and_then(|hay| hay.find(line))
            .map(|i| cursor + i);
        if let Some(at) = found {
            cursor = at + line.len();
        }
        line_offsets.push(found);
    }
    TextField {
        field: field.to_string(),
        value: value.to_string(),
        is_body,
        line_offsets,
        key_at,
        key: key.to_string(),
    }
}

/// Byte offset of `key:` within `range`, as a mapping key (after indentation or `- `).
fn key_in(source: &str, range: std::ops::Range<usize>, key: &str) -> Option<usize> {
    let mut offset = range.start;
    for line in source.get(range.clone())?.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let after_dash = trimmed.strip_prefix('-').map_or(trimmed, str::trim_start);
        if after_dash
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':'))
        {
            return Some(offset + (line.len() - after_dash.len()));
        }
        offset += line.len();
    }
    None
}

/// From a top-level `key:` line to the next top-level line that is not a comment.
pub fn top_level_range(source: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    let mut start = None;
    for line in source.split_inclusive('\n') {
        let at_top = !line.starts_with([' ', '\t', '#', '\n', '\r']) && !line.starts_with("- ");
        if start.is_some() && at_top {
            return start.map(|s| s..offset);
        }
        if line.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            start = Some(offset);
        }
        offset += line.len();
    }
    start.map(|s| s..source.len())
}

/// The byte range of each `- ` item of the top-level `sections:` list.
pub fn section_items(source: &str) -> Vec<std::ops::Range<usize>> {
    let Some(range) = top_level_range(source, "sections") else {
        return Vec::new();
    };
    let mut starts = Vec::new();
    let mut indent = None;
    let mut offset = range.start;
    for line in source[range.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let this_indent = line.len() - trimmed.len();
        // Items sit at the list's own indentation; deeper `- ` lines are Markdown lists.
        if (trimmed.starts_with("- ") || trimmed.trim_end() == "-")
            && indent.is_none_or(|i| i == this_indent)
        {
            indent = Some(this_indent);
            starts.push(offset);
        }
        offset += line.len();
    }
    let ends = starts.iter().skip(1).copied().chain([range.end]);
    starts
        .iter()
        .copied()
        .zip(ends)
        .map(|(s, e)| s..e)
        .collect()
}
