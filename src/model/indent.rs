//! Slips of indentation and quoting that the YAML parser reports in its own terms ("mapping
//! values are not allowed", "end of stream"), recognised by the shape of the line so the
//! hint names the real slip and the caret lands on it.

use super::FIELDS;
use crate::t;

type Location = Option<(usize, usize)>;

/// A field line (`body: |`) indented deeper than the field above it in the same section:
/// YAML reads it as part of the text above and then trips over its colon. Returns the
/// message, hint and place when that is the case.
pub fn too_deep(source: &str, at: Location) -> Option<(String, String, Location)> {
    let (line, _) = at?;
    let lines: Vec<&str> = source.lines().collect();
    let text = lines.get(line.checked_sub(1)?)?;
    let indent = indent_of(text);
    let key = text.trim_start().split(':').next()?;
    if !FIELDS.contains(&key) {
        return None;
    }
    // The nearest line above that starts a field, and the column its key starts at.
    let (above_line, above) = lines[..line - 1]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| field_column(l).map(|c| (i + 1, c)))?;
    (indent > above.1).then(|| {
        (
            t!("indent-too-deep", name = key, above = above.0.as_str()),
            t!(
                "indent-too-deep-hint",
                name = key,
                above = above.0.as_str(),
                spaces = above.1,
                line = above_line
            ),
            Some((line, indent + 1)),
        )
    })
}

/// A `|` text whose first line is indented deeper than the lines after it: YAML takes the
/// first line's indentation for the whole block, so the next, shallower line ends the text
/// and is read as a field ("did not find expected key"). The slip is the first line; the
/// caret goes there.
pub fn block_shallower(source: &str, at: Location) -> Option<(String, String, Location)> {
    let (line, _) = at?;
    let lines: Vec<&str> = source.lines().collect();
    let here = lines.get(line.checked_sub(1)?)?;
    let indent = indent_of(here);
    // The `key: |` line above, and the first written line of its text.
    let (key_line, key_text) = lines[..line - 1].iter().enumerate().rev().find(|(_, l)| {
        let v = l.split_once(':').map_or("", |(_, v)| v.trim());
        v.starts_with('|') && field_column(l).is_some()
    })?;
    let key_indent = field_column(key_text)?.1;
    let (first, first_text) = lines[key_line + 1..line - 1]
        .iter()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (key_line + 1 + i, *l))?;
    let first_indent = indent_of(first_text);
    (indent > key_indent && indent < first_indent).then(|| {
        (
            t!("block-first-deeper", line = line),
            t!("block-first-deeper-hint", spaces = indent, line = line),
            Some((first + 1, first_indent + 1)),
        )
    })
}

/// For a line that starts a field (`  - heading: x` or `    body: |`): the field's name and
/// the column (0-based) its key starts at.
fn field_column(line: &str) -> Option<(String, usize)> {
    let body = line.trim_start();
    let (offset, body) = match body.strip_prefix("- ") {
        Some(rest) => (indent_of(line) + 2, rest),
        None => (indent_of(line), body),
    };
    let key = body.split(':').next()?;
    (FIELDS.contains(&key) && body[key.len()..].starts_with(':')).then(|| (key.to_string(), offset))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    #[test]
    fn a_body_deeper_than_its_heading() {
        let src = "sections:\n  - heading: Wat?\n      body: |\n      Tekst.\n";
        let (message, hint, at) = scoped(Lang::Nl, || too_deep(src, Some((3, 11)))).unwrap();
        assert_eq!(
            message,
            "`body:` staat verder ingesprongen dan `heading:` erboven"
        );
        assert_eq!(
            hint,
            "zet `body:` precies onder `heading:` van regel 2: 4 spaties vanaf de linkerkant"
        );
        assert_eq!(at, Some((3, 7)));
    }

    #[test]
    fn a_first_line_deeper_than_the_rest_is_the_slip() {
        let src = "sections:\n  - heading: Wat?\n    body: |\n        Eerste regel.\n      Tweede regel.\n";
        let (message, hint, at) = scoped(Lang::En, || block_shallower(src, Some((5, 7)))).unwrap();
        assert_eq!(
            message,
            "the first line of this text is indented further than line 5 below it"
        );
        assert_eq!(
            hint,
            "start every line of the text at the same place: 6 spaces from the left, as on line 5"
        );
        assert_eq!(at, Some((4, 9)));
    }
}
