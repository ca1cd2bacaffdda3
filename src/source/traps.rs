//! YAML that parses but does not mean what the author typed: a body that YAML folds into
//! one paragraph, a `#` that starts a comment inside a title, `~` read as "no value", a
//! title made of invisible characters. serde sees only the parsed values, so these are found
//! in the source lines themselves, each at the line and column where it was typed.

use crate::diagnostic::Diagnostic;
use crate::sourcemap::TextField;
use crate::t;
use std::path::Path;

#[path = "empty.rs"]
mod empty;
use empty::{continues_below, empty, empty_sections};

#[path = "one_line.rs"]
mod one_line;
pub use one_line::{first_slip, yaml_sign};

/// The spellings YAML reads as "no value" (YAML 1.1/1.2 core schema).
const NULLS: &[&str] = &["~", "null", "Null", "NULL"];

/// One-line text fields: a `#` comment after one of these cuts printed text.
const TEXT_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "department",
    "authors",
    "heading",
    "description",
    "name",
    "phone",
    "hours",
];

/// A `key: value` line of the source outside any block scalar.
struct KeyLine<'a> {
    /// 0-based line index.
    line: usize,
    /// Byte offset of the key in its line, and of the value.
    key_at: usize,
    value_at: usize,
    /// The field path as messages show it: `title`, `sections[1].heading`, `contact.phone`.
    field: String,
    key: &'a str,
    /// The value as written, comment included, trailing blanks removed.
    value: &'a str,
}

/// Every trap in the source: errors and warnings, in source order.
pub fn check(path: &Path, source: &str, fields: &[TextField]) -> Vec<Diagnostic> {
    let lines: Vec<&str> = source.lines().collect();
    let keys = key_lines(&lines);
    let mut out = Vec::new();
    for k in &keys {
        nulls(path, &lines, k, &mut out);
        comment(path, &lines, k, &mut out);
        if k.key == "body" {
            folded_body(path, &lines, k, &mut out);
        }
        empty(path, &lines, k, &mut out);
        one_line::sign(path, &lines, k, &mut out);
        one_line::runs_on(path, &lines, k, &mut out);
        one_line::elision(path, &lines, k, &mut out);
    }
    empty_sections(path, &lines, &mut out);
    placeholders(path, &lines, &keys, &mut out);
    invisible(path, source, fields, &mut out);
    markup_in_line_fields(path, source, fields, &mut out);
    out
}

/// How `leaflet new` marks what the author must fill in: text no leaflet would print.
pub const PLACEHOLDER: &str = "«VUL IN";

/// Every `«VUL IN: …»` left from `leaflet new`, one error each, named by its field.
fn placeholders(path: &Path, lines: &[&str], keys: &[KeyLine], out: &mut Vec<Diagnostic>) {
    let mut key = 0;
    for (n, line) in lines.iter().enumerate() {
        while keys.get(key + 1).is_some_and(|k| k.line <= n) {
            key += 1;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let Some(at) = line.find(PLACEHOLDER) else {
            continue;
        };
        let shown: String = match line[at..].find('»') {
            Some(end) => line[at..at + end + '»'.len_utf8()].to_string(),
            None => line[at..].to_string(),
        };
        let mut d = Diagnostic::error(path, t!("placeholder", shown = shown.as_str()))
            .at(n + 1, col(line, at))
            .spanning(shown.chars().count())
            .hint(t!("placeholder-hint"));
        if let Some(k) = keys.get(key).filter(|k| k.line <= n) {
            d = d.field(&k.field);
        }
        out.push(d);
    }
}

/// Only the `~`/`null` values: when serde refuses one ("invalid type: unit value"), this
/// says what is wrong in the author's terms.
pub fn null_values(path: &Path, source: &str) -> Vec<Diagnostic> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for k in &key_lines(&lines) {
        nulls(path, &lines, k, &mut out);
    }
    empty_sections(path, &lines, &mut out);
    out
}

/// The character column (1-based) of byte `at` in `line`.
fn col(line: &str, at: usize) -> usize {
    line[..at.min(line.len())].chars().count() + 1
}

/// Walks the source line by line, skipping the content of `|` and `>` blocks, and names
/// each key line's field the way diagnostics do.
fn key_lines<'a>(lines: &[&'a str]) -> Vec<KeyLine<'a>> {
    let mut out = Vec::new();
    // Indent of the line that opened a block scalar, and the content's own indent once seen.
    let mut block: Option<(usize, Option<usize>)> = None;
    let mut top = String::new();
    let mut section: Option<usize> = None;
    let mut item_indent: Option<usize> = None;
    for (n, raw) in lines.iter().enumerate() {
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let blank = raw.trim().is_empty();
        if let Some((parent, content)) = block {
            match content {
                _ if blank => continue,
                Some(c) if indent >= c => continue,
                None if indent > parent => {
                    block = Some((parent, Some(indent)));
                    continue;
                }
                _ => block = None,
            }
        }
        if blank || raw.trim_start().starts_with('#') {
            continue;
        }
        let mut at = indent;
        let mut rest = &raw[indent..];
        let mut dashed = false;
        while let Some(r) = rest.strip_prefix("- ") {
            let skipped = rest.len() - r.trim_start_matches(' ').len();
            at += skipped;
            rest = &rest[skipped..];
            dashed = true;
        }
        if indent == 0 && !dashed {
            section = None;
            item_indent = None;
        }
        if top == "sections" && dashed && item_indent.is_none_or(|i| i == indent) {
            item_indent = Some(indent);
            section = Some(section.map_or(0, |s| s + 1));
        }
        let Some((key, after)) = rest.split_once(':') else {
            continue;
        };
        let is_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            && (after.is_empty() || after.starts_with([' ', '\t']));
        if !is_key {
            continue;
        }
        if indent == 0 && !dashed {
            top = key.to_string();
        }
        let value = after.trim();
        let value_at = at + key.len() + 1 + (after.len() - after.trim_start().len());
        if value.starts_with(['|', '>']) {
            block = Some((indent, None));
        }
        let field = match (indent == 0 && !dashed, section) {
            (true, _) => key.to_string(),
            (false, Some(s)) if top == "sections" => format!("sections[{s}].{key}"),
            _ => format!("{top}.{key}"),
        };
        out.push(KeyLine {
            line: n,
            key_at: at,
            value_at,
            field,
            key,
            value: raw[value_at.min(raw.len())..].trim_end(),
        });
    }
    out
}

/// In a shared-data file (`routes.yaml`, `contacts.yaml`, `hospital.yaml`): values whose
/// text YAML cuts at a ` #` glued to a word (`radiologie #3 links`, `Voorbeeldstraat 1 #bus
/// 3`). A ` # ` with a space after it is taken for the comment it looks like: whoever keeps
/// `_data` writes those on purpose. Errors, since every leaflet would print the cut text.
pub fn text_cut_by_hash(path: &Path, source: &str) -> Vec<Diagnostic> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for k in key_lines(&lines) {
        if k.value.starts_with(['"', '\'', '|', '>', '#']) {
            continue;
        }
        let Some(at) = comment_start(k.value) else {
            continue;
        };
        let glued = k.value[at + 1..].starts_with(|c: char| !c.is_whitespace() && c != '#');
        if !glued || k.value[..at].trim().is_empty() {
            continue;
        }
        let dropped = &k.value[at..];
        let quoted = k.value.replace('\\', "\\\\").replace('"', "\\\"");
        out.push(
            Diagnostic::error(path, t!("comment-dropped", dropped = dropped))
                .field(&k.field)
                .at(k.line + 1, col(lines[k.line], k.value_at + at))
                .spanning(dropped.chars().count())
                .hint(t!(
                    "comment-dropped-hint",
                    example = format!("{}: \"{quoted}\"", k.key)
                )),
        );
    }
    out
}

/// A plain value without its trailing comment.
fn uncommented(value: &str) -> &str {
    match comment_start(value) {
        Some(at) => value[..at].trim_end(),
        None => value,
    }
}

/// Where a `#` comment starts in a plain value: a `#` after a blank.
pub fn comment_start(value: &str) -> Option<usize> {
    if value.starts_with('#') {
        return Some(0);
    }
    value
        .char_indices()
        .zip(value.chars().skip(1))
        .find(|((_, c), next)| (*c == ' ' || *c == '\t') && *next == '#')
        .map(|((i, _), _)| i + 1)
}

fn null_error(path: &Path, line: usize, column: usize, field: &str, value: &str) -> Diagnostic {
    Diagnostic::error(path, t!("yaml-null", value = value))
        .field(field)
        .at(line + 1, column)
        .spanning(value.chars().count())
        .hint(t!("yaml-null-hint"))
}

/// `title: ~`, `body: null`, `contact: {phone: ~}`: printed as "~" or left out silently.
fn nulls(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    let line = lines[k.line];
    let value = uncommented(k.value);
    if NULLS.contains(&value) {
        out.push(null_error(
            path,
            k.line,
            col(line, k.value_at),
            &k.field,
            value,
        ));
        return;
    }
    if !value.starts_with('{') {
        return;
    }
    // A one-line flow mapping: each `key: value` between `{`, `,` and `}`.
    let mut start = k.value_at + 1;
    for (i, c) in line[k.value_at..].char_indices() {
        if i > 0 && matches!(c, ',' | '}') {
            let piece = &line[start..k.value_at + i];
            if let Some((key, v)) = piece.split_once(':') {
                let trimmed = v.trim();
                if NULLS.contains(&trimmed) {
                    let at = start + key.len() + 1 + (v.len() - v.trim_start().len());
                    let field = format!("{}.{}", k.field, key.trim());
                    out.push(null_error(path, k.line, col(line, at), &field, trimmed));
                }
            }
            start = k.value_at + i + 1;
        }
    }
}

/// `title: Wondzorg #2 (nieuw)`: YAML reads everything from ` #` as a comment.
fn comment(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    // Figure texts and the contact's e-mail are one-line texts too (not in `TEXT_KEYS`,
    // which also drives the empty-field checks their own model does).
    let text = TEXT_KEYS.contains(&k.key) || matches!(k.key, "body" | "alt" | "caption" | "email");
    if !text
        || k.value
            .starts_with(['"', '\'', '|', '>', '{', '[', '&', '*', '!'])
    {
        return;
    }
    let Some(at) = comment_start(k.value) else {
        return;
    };
    let kept = k.value[..at].trim_end();
    if kept.is_empty() {
        return;
    }
    let dropped = &k.value[at..];
    let line = lines[k.line];
    let quoted = k.value.replace('\\', "\\\\").replace('"', "\\\"");
    out.push(
        Diagnostic::warning(path, t!("comment-dropped", dropped = dropped))
            .field(&k.field)
            .at(k.line + 1, col(line, k.value_at + at))
            .spanning(dropped.chars().count())
            .hint(t!(
                "comment-dropped-hint",
                example = format!("{}: \"{quoted}\"", k.key)
            )),
    );
}

/// Does a source line, trimmed, start like a list item?
fn starts_list_item(text: &str) -> bool {
    if super::bullets::word_bullet(text).is_some() {
        return true;
    }
    if ["- ", "* ", "+ "].iter().any(|m| text.starts_with(m)) {
        return true;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") "))
}

/// `body: >` or a plain multi-line body: YAML folds its lines into one, so list items run
/// together and paragraphs merge.
fn folded_body(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    // A plain body may also start on the line under `body:`.
    let plain = (!k.value.is_empty() && !k.value.starts_with(['|', '>', '"', '\'', '{', '[', '#']))
        || (uncommented(k.value).is_empty() && continues_below(lines, k));
    // A quoted body spread over lines is folded the same way, up to its closing quote.
    let quote = k.value.chars().next().filter(|c| matches!(c, '"' | '\''));
    if quote.is_some_and(|q| closes(&k.value[1..], q)) {
        return;
    }
    if !(plain || quote.is_some() || k.value.starts_with('>')) {
        return;
    }
    let mut seen_text = !uncommented(k.value).is_empty() && (plain || k.value.len() > 1);
    let mut blank_before = false;
    for (n, raw) in lines.iter().enumerate().skip(k.line + 1) {
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let text = raw.trim();
        if text.is_empty() {
            blank_before = seen_text;
            continue;
        }
        if indent <= k.key_at || (plain && text.starts_with('#')) {
            break;
        }
        // ` #` on a later line of a plain body ends it there, as on the key's line.
        if plain && let Some(at) = comment_start(text) {
            let dropped = &text[at..];
            out.push(
                Diagnostic::warning(path, t!("comment-dropped", dropped = dropped))
                    .field(&k.field)
                    .at(n + 1, indent + 1 + text[..at].chars().count())
                    .spanning(dropped.chars().count())
                    .hint(t!("comment-in-body-hint")),
            );
            return;
        }
        let problem = if starts_list_item(text) {
            Some(t!("folded-list-item"))
        } else if blank_before {
            Some(t!("folded-paragraph"))
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(
                Diagnostic::error(path, t!("folded", problem = problem))
                    .field(&k.field)
                    .at(n + 1, indent + 1)
                    .hint(t!("folded-hint")),
            );
            return;
        }
        if quote.is_some_and(|q| closes(text, q)) {
            return;
        }
        seen_text = true;
        blank_before = false;
    }
}

/// Does this line of a quoted scalar end it? An odd run of quotes at its end does: `''`
/// is a quote inside single quotes, and `\"` one inside double quotes.
fn closes(line: &str, quote: char) -> bool {
    let line = line.trim_end();
    let run = line.chars().rev().take_while(|&c| c == quote).count();
    match quote {
        '"' => run > 0 && !line[..line.len() - run].ends_with('\\'),
        _ => run % 2 == 1,
    }
}

/// Markdown an author carries over from a body into a one-line field (`title`,
/// `heading`, contact lines): only a body is Markdown, so the marks would print as typed.
/// The markup as typed and where it starts in the value, or None.
fn line_markup(value: &str) -> Option<(&str, usize)> {
    if let Some(rest) = value.strip_prefix('#') {
        let hashes = 1 + rest.len() - rest.trim_start_matches('#').len();
        if value[hashes..].starts_with(' ') {
            return Some((&value[..hashes], 0));
        }
    }
    for mark in ["**", "__"] {
        if let Some(at) = value.find(mark)
            && value[at + 2..].contains(mark)
        {
            return Some((mark, at));
        }
    }
    // `*schuin*`: a star before a word and one after a later word.
    if let Some(at) = value.find('*') {
        let opens = value[at + 1..].starts_with(char::is_alphanumeric);
        let closes = value[at + 1..]
            .char_indices()
            .any(|(i, c)| c == '*' && value[at + 1..at + 1 + i].ends_with(char::is_alphanumeric));
        if opens && closes {
            return Some(("*", at));
        }
    }
    let link = value.find("](")?;
    let open = value[..link].rfind('[')?;
    value[link..].contains(')').then_some(("[…](…)", open))
}

/// A one-line field typed with Markdown marks: warned, since they are printed as typed.
fn markup_in_line_fields(
    path: &Path,
    source: &str,
    fields: &[TextField],
    out: &mut Vec<Diagnostic>,
) {
    for f in fields.iter().filter(|f| !f.is_body) {
        let Some((mark, at)) = line_markup(&f.value) else {
            continue;
        };
        let d = Diagnostic::warning(path, t!("markup-in-line", mark = mark))
            .field(&f.field)
            .hint(t!("markup-in-line-hint"));
        let col = f.value[..at].chars().count();
        out.push(match f.position(source, 0, col) {
            Some((l, c)) => d.at(l, c),
            None => d,
        });
    }
}

/// Soft hyphens, zero-width and joiner characters: they print nothing.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{34f}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// A title or heading that prints as nothing: the reader sees a gap where it should be.
fn invisible(path: &Path, source: &str, fields: &[TextField], out: &mut Vec<Diagnostic>) {
    for f in fields {
        let what = if f.field == "title" {
            "title"
        } else if f.field.ends_with(".heading") {
            "heading"
        } else {
            continue;
        };
        if f.value.is_empty() || !f.value.chars().all(is_invisible) {
            continue;
        }
        let d = Diagnostic::error(path, t!("invisible-only", what = what))
            .field(&f.field)
            .hint(t!("invisible-only-hint", what = what));
        out.push(match f.position(source, 0, 0) {
            Some((l, c)) => d.at(l, c),
            None => d,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<String> {
        check(Path::new("a.yaml"), src, &[])
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn nulls_in_fields_and_flow_mappings() {
        let src = "title: ~\ncontact: {name: X, phone: ~}\nsections:\n  - heading: null\n    body: |\n      a: ~\n";
        assert_eq!(
            found(src),
            [
                "a.yaml:1:8: error: field `title`: `~` is YAML for “no value”, not a text",
                "a.yaml:2:27: error: field `contact.phone`: `~` is YAML for “no value”, not a text",
                "a.yaml:4:14: error: section 1, field `heading`: `null` is YAML for “no value”, not a text",
            ]
        );
    }

    #[test]
    fn markdown_in_one_line_fields_is_found() {
        assert_eq!(line_markup("## Belangrijk"), Some(("##", 0)));
        assert_eq!(line_markup("Echt **vet** hier"), Some(("**", 5)));
        assert_eq!(
            line_markup("Zie [site](https://uza.be)"),
            Some(("[…](…)", 4))
        );
        assert_eq!(line_markup("*Wondzorg* thuis"), Some(("*", 0)));
        assert_eq!(line_markup("#2 nieuw"), None);
        assert_eq!(line_markup("C# en 5 ** 2"), None);
    }

    #[test]
    fn a_hash_glued_to_a_word_in_shared_data_is_an_error_and_a_spaced_comment_is_not() {
        let src = "# Routes\n105: oncologie # ingang B\n42: radiologie #3 links\nbalie:\n  hours: ma-vr #2 niet op feestdagen\n";
        let found: Vec<String> = text_cut_by_hash(Path::new("routes.yaml"), src)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "routes.yaml:3:16: error: field `42`: the text after `#` is read as a comment and is not printed: “#3 links”",
                "routes.yaml:5:16: error: field `balie.hours`: the text after `#` is read as a comment and is not printed: “#2 niet op feestdagen”",
            ]
        );
    }

    #[test]
    fn a_comment_after_a_title_is_named() {
        let src = "title: Wondzorg #2 (nieuw)\nroute: 105 # oncologie\n";
        assert_eq!(
            found(src),
            [
                "a.yaml:1:17: warning: field `title`: the text after `#` is read as a comment and is not printed: “#2 (nieuw)”"
            ]
        );
    }

    #[test]
    fn folded_bodies_with_lists_or_paragraphs() {
        let src = "sections:\n  - heading: A\n    body: Neem mee:\n      - uw kaart\n  - body: >\n      Een.\n\n      Twee.\n  - body: |\n      - goed\n\n      ook goed\n";
        assert_eq!(
            found(src),
            [
                "a.yaml:4:7: error: section 1, field `body`: the list item on this line is joined to the text before it: the body is not a `|` block, so YAML folds its lines",
                "a.yaml:8:7: error: section 2, field `body`: this paragraph is joined to the one before it: the body is not a `|` block, so YAML folds its lines",
            ]
        );
    }
}
