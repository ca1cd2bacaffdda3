//! Fields written with no value: `heading:` with nothing after it, `phone: ''`, `contact:`,
//! a `-` or `- ~` under `sections:`. YAML reads "no value" (or an empty text) and the
//! leaflet would leave the field out, or print a dangling "tel.", where the author meant
//! to fill it in. Found in the source lines, like the other traps.

use super::{KeyLine, NULLS, TEXT_KEYS, col, uncommented};
use crate::diagnostic::Diagnostic;
use crate::t;
use std::path::Path;

/// Text fields a contact or a route written in full cannot do without.
const REQUIRED_KEYS: &[&str] = &["name", "phone", "description"];

/// Does the value of `k` go on below its key line: a nested mapping, a `|` block's text
/// or a plain text continued on the next line? The first line indented deeper than the key
/// says so; a blank value with none is YAML's "no value".
pub(super) fn continues_below(lines: &[&str], k: &KeyLine) -> bool {
    lines
        .iter()
        .skip(k.line + 1)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .is_some_and(|l| l.len() - l.trim_start_matches(' ').len() > k.key_at)
}

/// `heading:` or `body:` with nothing after it (YAML's "no value"), `phone: ''`: the
/// leaflet would drop the field or print a dangling "tel." while the author meant to fill
/// it in. An empty `subtitle: ''` or `body: ""` is a field left out on purpose (`leaflet
/// new` and `import` write them), as is a section with only a heading.
pub(super) fn empty(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    // `title` and `authors` are required; the model says so with its own hint.
    if k.field == "contact" && k.value.is_empty() && !continues_below(lines, k) {
        out.push(
            Diagnostic::error(path, t!("field-empty", name = "contact"))
                .field("contact")
                .at(k.line + 1, col(lines[k.line], k.key_at))
                .hint(t!("contact-empty-hint")),
        );
        return;
    }
    if !(TEXT_KEYS.contains(&k.key) || k.key == "body")
        || matches!(k.field.as_str(), "title" | "authors")
    {
        return;
    }
    let value = uncommented(k.value);
    let required = REQUIRED_KEYS.contains(&k.key);
    let is_empty = match value {
        "" => !continues_below(lines, k),
        v if v.starts_with(['|', '>']) => required && !continues_below(lines, k),
        v if v.len() >= 2 && (v.starts_with('"') || v.starts_with('\'')) => {
            required && v[1..v.len() - 1].trim().is_empty() && v.ends_with(&v[..1])
        }
        _ => false,
    };
    if !is_empty {
        return;
    }
    let line = lines[k.line];
    let at = if value.is_empty() {
        k.key_at
    } else {
        k.value_at
    };
    let hint = if k.key == "body" {
        t!("body-empty-hint")
    } else if required {
        t!("text-empty-hint", key = k.key)
    } else {
        t!("optional-empty-hint", key = k.key)
    };
    out.push(
        Diagnostic::error(path, t!("field-empty", name = k.key))
            .field(&k.field)
            .at(k.line + 1, col(line, at))
            .hint(hint),
    );
}

/// A `-` under `sections:` with nothing in it: YAML reads a section with no heading and
/// no text, which prints nothing.
pub(super) fn empty_sections(path: &Path, lines: &[&str], out: &mut Vec<Diagnostic>) {
    let mut top = "";
    let mut section = 0;
    let mut item_indent = None;
    for (n, raw) in lines.iter().enumerate() {
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        if indent == 0 && !text.starts_with('-') {
            top = text.split(':').next().unwrap_or("");
            continue;
        }
        if top != "sections" || !text.starts_with('-') || item_indent.is_some_and(|i| i != indent) {
            continue;
        }
        item_indent = Some(indent);
        let item = uncommented(text[1..].trim_start());
        let bare = item.is_empty() || NULLS.contains(&item);
        let nested = lines
            .iter()
            .skip(n + 1)
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .is_some_and(|l| l.len() - l.trim_start_matches(' ').len() > indent);
        if bare && !nested {
            out.push(
                Diagnostic::error(path, t!("section-empty"))
                    .field(format!("sections[{section}]"))
                    .at(n + 1, indent + 1)
                    .hint(t!("section-empty-hint")),
            );
        }
        section += 1;
    }
}
