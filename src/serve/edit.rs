//! Saving the browser's form into the leaflet's YAML without losing the secretary's file:
//! each changed value is replaced where it is written ([`yaml::value_span`]), so comments,
//! field order, quoting and untouched values stay byte for byte. The result is parsed again
//! and must read back as exactly the submitted values, or nothing is written.

use crate::model::{ContactField, LeafletFile, RouteField, RouteKey};
use crate::source::yaml::{self, ValueSpan, ValueStyle, value_span};
use crate::sourcemap::section_items;
use std::collections::BTreeMap;
use std::ops::Range;

/// The top-level fields a form shows, in the order a leaflet file writes them (new optional
/// fields are inserted after the nearest one before them).
pub const TOP_FIELDS: [&str; 7] = [
    "title",
    "subtitle",
    "department",
    "revised",
    "authors",
    "route",
    "contact",
];

/// Fields that may be left empty: emptying one removes its line.
const OPTIONAL: [&str; 3] = ["subtitle", "department", "contact"];

/// A refusal: the form field it is about (`None` for the whole file) and why, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Option<String>,
    pub message: String,
}

fn refuse(field: Option<&str>, message: impl Into<String>) -> Refusal {
    Refusal {
        field: field.map(str::to_string),
        message: message.into(),
    }
}

/// The form's values as the file holds them, by field name as diagnostics name fields
/// (`sections[2].body`). A route or contact written out in full is not in it: the form
/// cannot edit it, and it must survive a save unchanged.
pub fn form_values(file: &LeafletFile) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    v.insert("title".into(), file.title.clone());
    v.insert("subtitle".into(), file.subtitle.clone().unwrap_or_default());
    v.insert(
        "department".into(),
        file.department.clone().unwrap_or_default(),
    );
    v.insert(
        "revised".into(),
        file.revised.format("%Y-%m-%d").to_string(),
    );
    v.insert("authors".into(), file.authors.clone());
    if let RouteField::Key(k) = &file.route {
        v.insert(
            "route".into(),
            match k {
                RouteKey::Number(n) => n.to_string(),
                RouteKey::Text(s) => s.trim().to_string(),
            },
        );
    }
    match &file.contact {
        Some(ContactField::Key(k)) => {
            v.insert("contact".into(), k.trim().to_string());
        }
        None => {
            v.insert("contact".into(), String::new());
        }
        Some(ContactField::Inline(_)) => {}
    }
    for (i, s) in file.sections.iter().enumerate() {
        v.insert(
            format!("sections[{i}].heading"),
            s.heading.clone().unwrap_or_default(),
        );
        v.insert(format!("sections[{i}].body"), body_value(&s.body));
    }
    v
}

/// What the form cannot show, which a save must leave exactly as it was.
fn fixed_parts(file: &LeafletFile) -> String {
    let route = match &file.route {
        RouteField::Inline(r) => format!("{r:?}"),
        RouteField::Key(_) => String::new(),
    };
    let contact = match &file.contact {
        Some(ContactField::Inline(c)) => format!("{c:?}"),
        _ => String::new(),
    };
    format!("{route}|{contact}")
}

/// A body as the form compares it: a `|` block's closing line break is not the author's.
fn body_value(body: &str) -> String {
    body.trim_end_matches('\n').to_string()
}

/// A submitted value as it will be compared and written: browsers send CR LF line breaks;
/// one-line fields lose the spaces around them, which no one types on purpose.
fn normalise(field: &str, value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    if field.ends_with(".body") {
        body_value(&value)
    } else {
        value.trim().to_string()
    }
}

/// Applies the submitted values to `source`. Fields not submitted, or submitted unchanged,
/// keep their text exactly; the result reads back as the submitted values or is refused.
pub fn apply(source: &str, submitted: &BTreeMap<String, String>) -> Result<String, Vec<Refusal>> {
    let bom = if source.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let text = &source[bom.len()..];
    let old: LeafletFile = yaml::parse(text).map_err(|e| {
        vec![refuse(
            None,
            crate::t!("serve-file-broken", why = yaml::message(&e)),
        )]
    })?;
    let current = form_values(&old);
    let crlf = text.contains("\r\n");
    let mut wanted = current.clone();
    let mut edits: Vec<(Range<usize>, String, String)> = Vec::new();
    let mut refusals = Vec::new();
    // The form's empty "new section" at the end: filled in, it becomes a section after the
    // last; left empty, it is no change.
    let added = old.sections.len();
    let (new_heading, new_body) = (
        format!("sections[{added}].heading"),
        format!("sections[{added}].body"),
    );
    let heading = submitted
        .get(&new_heading)
        .map(|h| normalise(&new_heading, h));
    let body = submitted.get(&new_body).map(|b| normalise(&new_body, b));
    let mut sections = added;
    match (
        heading.as_deref().unwrap_or(""),
        body.as_deref().unwrap_or(""),
    ) {
        ("", "") => {}
        (_, "") => refusals.push(refuse(Some(&new_body), crate::t!("serve-new-section-body"))),
        (h, _) if h.contains('\n') => {
            refusals.push(refuse(Some(&new_heading), crate::t!("serve-one-line")))
        }
        (h, b) => match append_section(text, h, b) {
            Ok((range, replacement)) => {
                let replacement = if crlf {
                    replacement.replace('\n', "\r\n")
                } else {
                    replacement
                };
                edits.push((range, replacement, new_body.clone()));
                wanted.insert(new_heading.clone(), h.to_string());
                wanted.insert(new_body.clone(), b.to_string());
                sections += 1;
            }
            Err(r) => refusals.push(r),
        },
    }
    let submitted = submitted
        .iter()
        .filter(|(k, _)| **k != new_heading && **k != new_body);
    for (field, raw) in submitted {
        let Some(before) = current.get(field) else {
            // Names outside the form (or a route written out in full) are never written.
            refusals.push(refuse(Some(field), crate::t!("serve-field-not-editable")));
            continue;
        };
        let value = normalise(field, raw);
        if &value == before {
            continue;
        }
        if !field.ends_with(".body") && value.contains('\n') {
            refusals.push(refuse(Some(field), crate::t!("serve-one-line")));
            continue;
        }
        match edit_for(text, field, &value) {
            // A file saved on Windows keeps its CR LF line ends throughout.
            Ok((range, replacement)) if crlf => {
                let replacement = replacement.replace('\n', "\r\n");
                edits.push((range, replacement, field.clone()));
                wanted.insert(field.clone(), value);
            }
            Ok((range, replacement)) => {
                edits.push((range, replacement, field.clone()));
                wanted.insert(field.clone(), value);
            }
            Err(r) => refusals.push(r),
        }
    }
    if !refusals.is_empty() {
        return Err(refusals);
    }
    edits.sort_by_key(|(r, _, _)| std::cmp::Reverse(r.start));
    if edits.windows(2).any(|w| w[1].0.end > w[0].0.start) {
        return Err(vec![refuse(None, crate::t!("serve-edits-overlap"))]);
    }
    let mut new = text.to_string();
    for (range, replacement, _) in &edits {
        new.replace_range(range.clone(), replacement);
    }
    // The proof: the new file reads back as exactly what was asked, and nothing else moved.
    let reread: LeafletFile = yaml::parse(&new).map_err(|e| {
        // The parser's location is that of the mapping for a type error (a date that is
        // no date), so the culprit is found by trying each change on its own.
        let culprits: Vec<Refusal> = edits
            .iter()
            .filter_map(|(range, replacement, field)| {
                let mut alone = text.to_string();
                alone.replace_range(range.clone(), replacement);
                let e = yaml::parse::<LeafletFile>(&alone).err()?;
                Some(refuse(Some(field), yaml::message(&e)))
            })
            .collect();
        if culprits.is_empty() {
            vec![refuse(None, yaml::message(&e))]
        } else {
            culprits
        }
    })?;
    let got = form_values(&reread);
    let differ: Vec<Refusal> = wanted
        .iter()
        .filter(|(k, v)| got.get(*k) != Some(v))
        .map(|(k, _)| refuse(Some(k), crate::t!("serve-cannot-write")))
        .collect();
    if !differ.is_empty()
        || got.len() != wanted.len()
        || fixed_parts(&reread) != fixed_parts(&old)
        || reread.sections.len() != sections
    {
        return Err(if differ.is_empty() {
            vec![refuse(None, crate::t!("serve-other-fields"))]
        } else {
            differ
        });
    }
    Ok(format!("{bom}{new}"))
}

/// The replacement that writes `value` into `field`.
fn edit_for(source: &str, field: &str, value: &str) -> Result<(Range<usize>, String), Refusal> {
    if let Some((index, key)) = section_field(field) {
        return section_edit(source, field, index, key, value);
    }
    let whole = 0..source.len();
    match value_span(source, whole.clone(), field, 0) {
        Some(span) => replace_scalar(source, field, &span, value, OPTIONAL.contains(&field), 0),
        None => {
            // Absent: written after the nearest field before it that the file has.
            let pos = TOP_FIELDS.iter().position(|f| *f == field).unwrap_or(0);
            let at = TOP_FIELDS[..pos]
                .iter()
                .rev()
                .find_map(|f| value_span(source, whole.clone(), f, 0))
                .map_or(0, |s| s.entry.end);
            let lead = if at > 0 && !source[..at].ends_with('\n') {
                "\n"
            } else {
                ""
            };
            Ok((at..at, format!("{lead}{field}: {}\n", scalar(field, value))))
        }
    }
}

/// Every form field the source writes, with the byte range of its entry, found from the
/// text alone: also when the file does not parse, so its errors can still be shown at their
/// field.
pub fn field_entries(source: &str) -> Vec<(String, Range<usize>)> {
    let mut found = Vec::new();
    for f in TOP_FIELDS {
        if let Some(s) = value_span(source, 0..source.len(), f, 0) {
            found.push((f.to_string(), s.entry));
        }
    }
    for (i, item) in section_items(source).into_iter().enumerate() {
        let column = item_column(source, &item);
        for key in ["heading", "body"] {
            if let Some(s) = value_span(source, item.clone(), key, column) {
                found.push((format!("sections[{i}].{key}"), s.entry));
            }
        }
    }
    found
}

/// The form field whose entry covers 1-based `line`, for a diagnostic that knows its line
/// but not its field (a YAML type error).
pub fn field_at_line(source: &str, line: usize) -> Option<String> {
    let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
    field_entries(source)
        .into_iter()
        .find(|(_, r)| !r.is_empty() && line_of(r.start) <= line && line <= line_of(r.end - 1))
        .map(|(f, _)| f)
}

/// The column of a list item's keys: after its `- ` and any further spaces.
fn item_column(source: &str, item: &Range<usize>) -> usize {
    let first = &source[item.clone()];
    let dash = first.find('-').unwrap_or(0);
    let after = &first[dash + 1..];
    dash + 1 + (after.len() - after.trim_start_matches(' ').len())
}

/// `sections[2].body` → (2, "body").
fn section_field(field: &str) -> Option<(usize, &str)> {
    let rest = field.strip_prefix("sections[")?;
    let (index, key) = rest.split_once("].")?;
    Some((index.parse().ok()?, key))
}

fn section_edit(
    source: &str,
    field: &str,
    index: usize,
    key: &str,
    value: &str,
) -> Result<(Range<usize>, String), Refusal> {
    let items = section_items(source);
    let item = items
        .get(index)
        .cloned()
        .ok_or_else(|| refuse(Some(field), crate::t!("serve-section-gone")))?;
    let column = item_column(source, &item);
    let span = value_span(source, item.clone(), key, column);
    if key == "body" {
        return match span {
            Some(s) => Ok(block(source, &s, value, column)),
            None => {
                let at = content_end(source, item);
                let mut text = format!("{}body: |\n", " ".repeat(column));
                text.push_str(&indented(value, column + 2));
                Ok((at..at, text))
            }
        };
    }
    match span {
        Some(s) => replace_scalar(source, field, &s, value, true, column),
        None => {
            // A new heading goes first, on the item's `- ` line; the old first key moves to
            // the next line at the same column.
            let at = item.start + column;
            Ok((
                at..at,
                format!("{key}: {}\n{}", scalar(key, value), " ".repeat(column)),
            ))
        }
    }
}

/// A new last section: an item written after the last one's content, at its column, with
/// the heading (if any) on the `- ` line and the body as a `|` block.
fn append_section(
    source: &str,
    heading: &str,
    body: &str,
) -> Result<(Range<usize>, String), Refusal> {
    let items = section_items(source);
    let last = items
        .last()
        .cloned()
        .ok_or_else(|| refuse(None, crate::t!("serve-new-section-nowhere")))?;
    let column = item_column(source, &last);
    let dash = column.saturating_sub(2);
    let at = content_end(source, last);
    let lead = if source[..at].ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let mut text = format!("{lead}{}- ", " ".repeat(dash));
    if !heading.is_empty() {
        text.push_str(&format!(
            "heading: {}\n{}",
            scalar("heading", heading),
            " ".repeat(column)
        ));
    }
    text.push_str("body: |\n");
    text.push_str(&indented(body, column + 2));
    Ok((at..at, text))
}

/// The end of an item's last line that is not blank or a comment: what follows belongs
/// to the next item.
fn content_end(source: &str, item: Range<usize>) -> usize {
    let mut end = item.start;
    let mut at = item.start;
    for line in source[item].split_inclusive('\n') {
        at += line.len();
        let t = line.trim();
        if !t.is_empty() && !t.starts_with('#') {
            end = at;
        }
    }
    end
}

/// Replaces a one-line value, or removes the entry when an optional value is emptied.
fn replace_scalar(
    source: &str,
    field: &str,
    span: &ValueSpan,
    value: &str,
    optional: bool,
    column: usize,
) -> Result<(Range<usize>, String), Refusal> {
    if value.is_empty() {
        if !optional {
            return Err(refuse(Some(field), crate::t!("serve-field-empty")));
        }
        // An entry on an item's `- ` line: the next key takes its place on that line.
        let mut end = span.entry.end;
        if span.entry.start == span.key
            && source
                .get(end..end + column)
                .is_some_and(|s| s.chars().all(|c| c == ' '))
        {
            end += column;
        }
        return Ok((span.entry.start..end, String::new()));
    }
    match span.style {
        ValueStyle::Inline => Ok((span.value.clone(), scalar(field, value))),
        ValueStyle::Block { .. } => Ok((span.value.clone(), format!("{}\n", scalar(field, value)))),
        ValueStyle::Other => Err(refuse(Some(field), crate::t!("serve-field-multiline"))),
    }
}

/// A body written as a `|` block at the indentation it had (a plain one-line body becomes
/// a block two spaces deeper than its key).
fn block(source: &str, span: &ValueSpan, value: &str, column: usize) -> (Range<usize>, String) {
    let old = &source[span.value.clone()];
    let (header, indent) = match span.style {
        ValueStyle::Block { indent } if old.starts_with('|') => (
            old.split('\n').next().unwrap_or("|").trim_end_matches('\r'),
            indent,
        ),
        ValueStyle::Block { indent } => ("|", indent),
        _ => ("|", column + 2),
    };
    // A first line that starts with spaces would be taken for the block's indentation:
    // say the indentation in the header instead (YAML's indentation indicator).
    let header = match value.split('\n').find(|l| !l.is_empty()) {
        Some(first) if first.starts_with(' ') => {
            let chomp: String = header.chars().filter(|c| matches!(c, '-' | '+')).collect();
            format!("|{}{chomp}", indent - column)
        }
        _ => header.to_string(),
    };
    let mut text = format!("{header}\n{}", indented(value, indent));
    if !old.ends_with('\n') {
        text.pop();
    }
    (span.value.clone(), text)
}

/// Text lines indented for a block; empty lines stay empty.
fn indented(value: &str, indent: usize) -> String {
    let mut text = String::new();
    if value.is_empty() {
        return text;
    }
    for line in value.split('\n') {
        if !line.is_empty() {
            text.push_str(&" ".repeat(indent));
            text.push_str(line);
        }
        text.push('\n');
    }
    text
}

/// A one-line value as YAML: plain where that reads back the same, quoted otherwise. A
/// route number stays a bare number, as the template writes it.
fn scalar(field: &str, value: &str) -> String {
    if field == "route" && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    yaml::to_yaml(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# De folder over X.\ntitle: Oud # niet afgedrukt\nrevised: 2016-03-23\nauthors: Team\nroute: 105\nsections:\n  # eerste\n  - body: |\n      Een.\n\n      Twee.\n\n  - heading: Kop\n    body: Kort\n";

    fn set(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_the_changed_value_is_rewritten() {
        let new = apply(
            FILE,
            &set(&[("title", "Nieuw: met dubbelepunt"), ("authors", "Team")]),
        )
        .unwrap();
        assert_eq!(
            new,
            FILE.replace("title: Oud #", "title: 'Nieuw: met dubbelepunt' #")
        );
    }

    #[test]
    fn bodies_are_written_as_blocks_at_their_indentation() {
        let new = apply(
            FILE,
            &set(&[
                ("sections[0].body", "Een.\r\n\r\nDrie."),
                ("sections[1].body", "Lang\nverhaal"),
            ]),
        )
        .unwrap();
        assert_eq!(
            new,
            FILE.replace("Twee.", "Drie.")
                .replace("body: Kort\n", "body: |\n      Lang\n      verhaal\n")
        );
    }

    #[test]
    fn optional_fields_are_inserted_and_removed_in_place() {
        let new = apply(
            FILE,
            &set(&[
                ("subtitle", "Voor ouders"),
                ("sections[1].heading", ""),
                ("sections[0].heading", "Eerst"),
            ]),
        )
        .unwrap();
        assert_eq!(
            new,
            FILE.replace(
                "niet afgedrukt\n",
                "niet afgedrukt\nsubtitle: Voor ouders\n"
            )
            .replace("  - body: |", "  - heading: Eerst\n    body: |")
            .replace("  - heading: Kop\n    body", "  - body")
        );
        let back = apply(&new, &set(&[("subtitle", "")])).unwrap();
        assert!(!back.contains("subtitle"));
    }

    #[test]
    fn route_and_contact_keys_are_chosen_in_place() {
        let new = apply(FILE, &set(&[("route", "42"), ("contact", "radiologie")])).unwrap();
        assert_eq!(
            new,
            FILE.replace("route: 105\n", "route: 42\ncontact: radiologie\n")
        );
        let back = apply(&new, &set(&[("contact", "")])).unwrap();
        assert_eq!(back, FILE.replace("route: 105", "route: 42"));
        // A route written out in full is not the form's to change.
        let inline = FILE.replace(
            "route: 105\n",
            "route:\n  number: 105\n  description: hier # uitleg\n",
        );
        let e = apply(&inline, &set(&[("route", "42")])).unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("route"));
        let kept = apply(&inline, &set(&[("contact", "radiologie")])).unwrap();
        assert_eq!(
            kept,
            inline.replace("# uitleg\n", "# uitleg\ncontact: radiologie\n")
        );
    }

    #[test]
    fn windows_line_ends_are_kept() {
        let dos = FILE.replace('\n', "\r\n");
        let new = apply(
            &dos,
            &set(&[
                ("sections[1].body", "Lang\r\nverhaal"),
                ("subtitle", "Voor ouders"),
            ]),
        )
        .unwrap();
        assert_eq!(
            new,
            dos.replace(
                "body: Kort\r\n",
                "body: |\r\n      Lang\r\n      verhaal\r\n"
            )
            .replace("afgedrukt\r\n", "afgedrukt\r\nsubtitle: Voor ouders\r\n")
        );
    }

    #[test]
    fn lines_map_to_the_field_written_there() {
        assert_eq!(field_at_line(FILE, 2).as_deref(), Some("title"));
        assert_eq!(field_at_line(FILE, 3).as_deref(), Some("revised"));
        assert_eq!(field_at_line(FILE, 1), None);
        assert_eq!(field_at_line(FILE, 10).as_deref(), Some("sections[0].body"));
        assert_eq!(
            field_at_line(FILE, 13).as_deref(),
            Some("sections[1].heading")
        );
        assert_eq!(field_at_line(FILE, 14).as_deref(), Some("sections[1].body"));
    }

    #[test]
    fn unknown_fields_and_multiline_titles_are_refused() {
        let e = apply(FILE, &set(&[("sections[9].body", "x")])).unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("sections[9].body"));
        let nl = |field, value| {
            crate::i18n::scoped(crate::i18n::Lang::Nl, || {
                apply(FILE, &set(&[(field, value)])).unwrap_err()
            })
        };
        assert_eq!(nl("title", "a\nb")[0].message, "schrijf dit op één regel");
        assert_eq!(nl("title", "")[0].message, "dit veld mag niet leeg zijn");
        let e = apply(FILE, &set(&[("title", "")])).unwrap_err();
        assert_eq!(e[0].message, "this field cannot be empty");
    }

    #[test]
    fn a_filled_in_new_section_is_added_after_the_last_and_an_empty_one_is_no_change() {
        let new = apply(
            FILE,
            &set(&[
                ("sections[2].heading", "Vragen?"),
                ("sections[2].body", "Bel ons.\n\nOf mail."),
            ]),
        )
        .unwrap();
        assert_eq!(
            new,
            FILE.to_string()
                + "  - heading: Vragen?\n    body: |\n      Bel ons.\n\n      Of mail.\n"
        );
        let same = apply(
            FILE,
            &set(&[("sections[2].heading", ""), ("sections[2].body", "")]),
        );
        assert_eq!(same.unwrap(), FILE);
        let e = apply(FILE, &set(&[("sections[2].heading", "Alleen een kop")])).unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("sections[2].body"));
        // Without a heading, the body goes on the item's own line.
        let new = apply(FILE, &set(&[("sections[2].body", "Slot.")])).unwrap();
        assert!(new.ends_with("  - body: |\n      Slot.\n"), "{new}");
    }

    #[test]
    fn a_first_line_with_spaces_gets_an_indentation_indicator() {
        let new = apply(FILE, &set(&[("sections[0].body", "  ingesprongen\nniet")])).unwrap();
        assert!(
            new.contains("  - body: |2\n        ingesprongen\n      niet\n"),
            "{new}"
        );
    }
}
