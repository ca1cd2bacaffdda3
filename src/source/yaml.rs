//! The one module that calls serde_yaml. It is archived, but it is the parser the format
//! was defined against; keeping every call here means replacing it (by a parser that keeps
//! spans) touches one file.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML parse or type error, with serde_yaml's location.
pub type Error = serde_yaml::Error;

/// Parses a whole document into `T`.
pub fn parse<T: DeserializeOwned>(source: &str) -> Result<T, Error> {
    serde_yaml::from_str(source)
}

/// Parses one top-level key's value into `T`, when the document parses at all and has that
/// key as a mapping: `Some(Err)` says why the value is not a `T`.
pub fn parse_key_mapping<T: DeserializeOwned>(source: &str, key: &str) -> Option<Result<T, Error>> {
    let doc: serde_yaml::Value = serde_yaml::from_str(source).ok()?;
    let value = doc.get(key)?.clone();
    value.is_mapping().then(|| serde_yaml::from_value(value))
}

/// A value written as YAML: plain when it reads back as the same value, quoted otherwise
/// (`yes`, `105` or `a: b` as strings are quoted).
pub fn to_yaml<T: Serialize + ?Sized>(value: &T) -> String {
    serde_yaml::to_string(value)
        .expect("a string serialises")
        .trim_end_matches('\n')
        .to_string()
}

/// Where the parser stopped, as (line, column), both from 1.
pub fn location(e: &Error) -> Option<(usize, usize)> {
    e.location().map(|l| (l.line(), l.column()))
}

/// The parser's message without its " at line X column Y" tail (the location is printed
/// separately, from [`location`]).
pub fn message(e: &Error) -> String {
    let msg = e.to_string();
    msg.split(" at line ").next().unwrap_or(&msg).to_string()
}

/// A top-level key written as text, whatever its YAML type (`105:` is a number to YAML).
fn key_text(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.trim().to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// A flat `key: text` file (routes): each top-level key with its value when the value is a
/// string, `None` when it is anything else (so the caller can say which key is wrong).
pub fn text_entries(source: &str) -> Result<Vec<(String, Option<String>)>, Error> {
    let map: Option<serde_yaml::Mapping> = serde_yaml::from_str(source)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_yaml::Value::String(s) => Some(s.trim().to_string()),
                _ => None,
            };
            (key_text(&k), text)
        })
        .collect())
}

/// Top-level mappings laid over each other, key by key: the `_data/` cascade of the house
/// style, where a sub-folder's `style.yaml` overrides only the settings it names.
#[derive(Debug, Default)]
pub struct Layers {
    merged: serde_yaml::Mapping,
}

impl Layers {
    /// Lays `source` over what is there; returns the top-level keys it set.
    pub fn overlay(&mut self, source: &str) -> Result<Vec<String>, Error> {
        let map: Option<serde_yaml::Mapping> = serde_yaml::from_str(source)?;
        let mut keys = Vec::new();
        for (k, v) in map.unwrap_or_default() {
            keys.push(key_text(&k));
            self.merged.insert(k, v);
        }
        Ok(keys)
    }

    /// The merged mapping read as `T`.
    pub fn parse<T: DeserializeOwned>(self) -> Result<T, Error> {
        serde_yaml::from_value(serde_yaml::Value::Mapping(self.merged))
    }
}

/// How a scalar value is written in the source, as far as rewriting it in place goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueStyle {
    /// On the key's line: plain, `'single'` or `"double"` quoted.
    Inline,
    /// A `|` or `>` block; its content lines are indented by `indent` spaces.
    Block { indent: usize },
    /// Anything else (a nested mapping, a plain scalar continued on the next lines): not
    /// rewritten in place.
    Other,
}

/// Where one `key: value` pair sits in the source. serde_yaml keeps no positions, so they
/// are found again from the text: a leaflet's keys sit at a known column of a known range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueSpan {
    /// The key's first byte.
    pub key: usize,
    /// The value as written: the inline scalar without a trailing comment, or a block's
    /// header (`|`) through its last content line's line break.
    pub value: std::ops::Range<usize>,
    /// The whole entry: from its line's start (the key's, for a key after `- `) through the
    /// value's last line break.
    pub entry: std::ops::Range<usize>,
    pub style: ValueStyle,
}

/// The span of `key:` written at byte `column` of a line (0 for top-level keys, the column
/// after `- ` for a list item's keys) within `range`. Keys at other columns (a `body:` inside
/// a block's text, say) are not taken for it.
pub fn value_span(
    source: &str,
    range: std::ops::Range<usize>,
    key: &str,
    column: usize,
) -> Option<ValueSpan> {
    let text = source.get(range.clone())?;
    let mut line_start = range.start;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let Some(head) = line.get(..column) else {
            continue;
        };
        // The key's column is reached by indentation or by an item's `- `.
        if !head.chars().all(|c| c == ' ' || c == '-') {
            continue;
        }
        let rest = &line[column..];
        let Some(after) = rest.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        if !(after.is_empty() || after.starts_with([' ', '\n', '\r'])) {
            continue;
        }
        let key_at = at + column;
        let entry_start = if head.contains('-') { key_at } else { at };
        let value_at = key_at + key.len() + 1 + (after.len() - after.trim_start_matches(' ').len());
        let tail = after.trim_start_matches(' ');
        let line_end = at + line.trim_end_matches(['\n', '\r']).len();
        // Lines after the key that belong to its value: deeper than the key, or blank.
        let mut end = line_start;
        let mut deeper_content = None;
        for next in source[line_start..range.end].split_inclusive('\n') {
            let trimmed = next.trim_start_matches(' ');
            let indent = next.len() - trimmed.len();
            let blank = trimmed.trim().is_empty();
            if !blank && indent <= column {
                break;
            }
            if !blank {
                deeper_content.get_or_insert(indent);
                end += next.len();
                // Blank lines count only when content follows them.
                continue;
            }
            if deeper_content.is_some() || tail.starts_with(['|', '>']) {
                // A blank line inside a block: kept if more content follows (checked by
                // trimming below).
                end += next.len();
            } else {
                break;
            }
        }
        // Trailing blank lines belong to what follows, not to this value.
        let mut value_end = end;
        while value_end > line_start {
            let before = &source[line_start..value_end];
            let last_line = before[..before.len() - 1]
                .rfind('\n')
                .map_or(line_start, |i| line_start + i + 1);
            if source[last_line..value_end].trim().is_empty() {
                value_end = last_line;
            } else {
                break;
            }
        }
        let (value, style) = if tail.starts_with(['|', '>']) {
            let indent = deeper_content.unwrap_or(column + 2);
            (
                value_at..value_end.max(line_end),
                ValueStyle::Block { indent },
            )
        } else if tail.trim().is_empty() || tail.starts_with('#') || deeper_content.is_some() {
            (value_at..value_end.max(line_end), ValueStyle::Other)
        } else {
            let len = inline_len(tail.trim_end_matches(['\n', '\r']));
            (value_at..value_at + len, ValueStyle::Inline)
        };
        let entry_end = if value_end > line_start {
            value_end
        } else {
            line_start
        };
        return Some(ValueSpan {
            key: key_at,
            value,
            entry: entry_start..entry_end,
            style,
        });
    }
    None
}

/// The length of an inline scalar at the start of `text`: a quoted one through its closing
/// quote, a plain one up to a ` #` comment, trailing spaces left out.
fn inline_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b'"') => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            text.len()
        }
        Some(b'\'') => {
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            text.len()
        }
        _ => {
            let end = text.find(" #").unwrap_or(text.len());
            text[..end].trim_end().len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn later_layers_override_only_the_keys_they_name() {
        let mut layers = Layers::default();
        assert_eq!(layers.overlay("a: 1\nb: 2\n").unwrap(), ["a", "b"]);
        assert_eq!(layers.overlay("b: 3\n").unwrap(), ["b"]);
        let merged: BTreeMap<String, i32> = layers.parse().unwrap();
        assert_eq!(merged, BTreeMap::from([("a".into(), 1), ("b".into(), 3)]));
    }

    #[test]
    fn numeric_keys_read_as_text_and_non_text_values_are_named() {
        let entries = text_entries("105: dagziekenhuis\n106: [x]\n").unwrap();
        assert_eq!(
            entries,
            [
                ("105".to_string(), Some("dagziekenhuis".to_string())),
                ("106".to_string(), None)
            ]
        );
    }

    #[test]
    fn a_location_is_given_and_kept_out_of_the_message() {
        let e = parse::<BTreeMap<String, String>>("a: b\n  c: d\n").unwrap_err();
        assert!(location(&e).is_some());
        assert!(!message(&e).contains(" at line "), "{}", message(&e));
    }

    const LEAFLET: &str = "# kop\ntitle: Oud  # commentaar\nrevised: '2016-03-23'\nroute: 105\nsections:\n  - heading: \"Een \\\"b\\\"\"\n    body: |\n      Regel een.\n\n      title: geen sleutel\n\n  # tussen\n  - body: Kort\ncontact:\n  name: X\n";

    #[test]
    fn inline_values_stop_before_comments_and_after_quotes() {
        let s = LEAFLET;
        let t = value_span(s, 0..s.len(), "title", 0).unwrap();
        assert_eq!(&s[t.value.clone()], "Oud");
        assert_eq!(&s[t.entry.clone()], "title: Oud  # commentaar\n");
        assert_eq!(t.style, ValueStyle::Inline);
        let r = value_span(s, 0..s.len(), "revised", 0).unwrap();
        assert_eq!(&s[r.value], "'2016-03-23'");
        let h = value_span(s, 0..s.len(), "heading", 4).unwrap();
        assert_eq!(&s[h.value], "\"Een \\\"b\\\"\"");
        assert_eq!(&s[h.entry], "heading: \"Een \\\"b\\\"\"\n");
    }

    #[test]
    fn blocks_end_at_their_last_text_line_and_keys_inside_them_are_text() {
        let s = LEAFLET;
        let b = value_span(s, 0..s.len(), "body", 4).unwrap();
        assert_eq!(
            &s[b.value.clone()],
            "|\n      Regel een.\n\n      title: geen sleutel\n"
        );
        assert_eq!(b.style, ValueStyle::Block { indent: 6 });
        // Only the top-level title is a title.
        let t = value_span(s, 0..s.len(), "title", 0).unwrap();
        assert_eq!(t.key, s.find("title").unwrap());
        let c = value_span(s, 0..s.len(), "contact", 0).unwrap();
        assert_eq!(c.style, ValueStyle::Other);
        assert_eq!(&s[c.entry], "contact:\n  name: X\n");
        assert!(value_span(s, 0..s.len(), "subtitle", 0).is_none());
    }
}
