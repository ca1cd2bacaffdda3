//! serde_yaml's errors in words a secretary can act on. The parser speaks of tokens,
//! mappings and untagged enums and often points at the start of the document; this module
//! says what is wrong in leaflet terms and moves the caret to the line that needs the fix.

use super::closest_field;
use crate::diagnostic::{Diagnostic, line_col, locate_key};
use std::path::Path;

/// The diagnostic for a leaflet that serde_yaml could not read.
pub fn explain(path: &Path, source: &str, e: &crate::source::yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line X column Y"; the location is printed separately.
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (field, message) = split_field(&raw);
    let location = e.location().map(|l| (l.line(), l.column()));
    let (message, hint, location) = reword(source, &message, location);
    // A message about a field inside the route comes back as "`route`: …".
    let (field, message) = match message.strip_prefix("`route`: ") {
        Some(rest) if field.is_none() => (Some("route".to_string()), rest.to_string()),
        _ => (field, message),
    };
    // Top-level problems carry no path from serde_yaml; name the field the message is
    // about (messages about a missing or doubled field name it in their text).
    let field = field.or_else(|| {
        let about = [
            ("is not a date", "revised"),
            ("`route` is neither", "route"),
        ];
        about
            .iter()
            .find(|(m, _)| message.contains(m))
            .map(|(_, f)| f.to_string())
    });
    let mut d = Diagnostic::error(path, message).hint(hint);
    if let Some(field) = field {
        d = d.field(field);
    }
    match location {
        Some((l, c)) => d.at(l, c),
        None => d,
    }
}

/// serde_yaml prefixes nested errors with their path (`sections[1]: ...`).
fn split_field(message: &str) -> (Option<String>, String) {
    match message.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') && !head.is_empty() => {
            (Some(head.to_string()), rest.to_string())
        }
        _ => (None, message.to_string()),
    }
}

type Location = Option<(usize, usize)>;

/// The position of a top-level field's value (after `key: `).
fn value_of(source: &str, key: &str) -> Location {
    let (line, _) = locate_key(source, key)?;
    let text = source.lines().nth(line - 1)?;
    let after = text[key.len() + 1..].len() - text[key.len() + 1..].trim_start().len();
    Some((line, key.chars().count() + 2 + after))
}

fn reword(source: &str, message: &str, at: Location) -> (String, String, Location) {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
            .map(str::to_string)
    };
    if let Some(name) = quoted("unknown field `") {
        let hint = match closest_field(&name) {
            Some(best) => {
                format!("did you mean `{best}`? Fields are spelt exactly as in the README")
            }
            None => "remove this field, or check its spelling against the README".into(),
        };
        return (message.to_string(), hint, at);
    }
    if let Some(name) = quoted("missing field `") {
        return (
            format!("the field `{name}` is missing"),
            format!("add a line `{name}: …`; `leaflet new` shows every field with an example"),
            at,
        );
    }
    if let Some(name) = quoted("duplicate field `") {
        let second = source
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                l.strip_prefix(name.as_str())
                    .is_some_and(|r| r.starts_with(':'))
            })
            .nth(1)
            .map(|(i, _)| (i + 1, 1));
        return (
            format!("the field `{name}` is written twice"),
            "keep one of the two lines".into(),
            second.or(at),
        );
    }
    // `version: drie`, `version: -1`, `version: 3.1`: the only unsigned number field.
    if message.ends_with("expected u32") {
        return (
            "the version is not a whole number".into(),
            "write the revision number, counting from 1: `version: 3`".into(),
            at,
        );
    }
    if let Some(lang) = quoted("unknown variant `")
        && message.ends_with("expected one of `nl`, `fr`, `en`")
    {
        return (
            format!("`{lang}` is not a language leaflets are printed in"),
            "write `lang: nl` (the default), `lang: fr` or `lang: en`".into(),
            at,
        );
    }
    if message.starts_with("invalid type: sequence, expected a string") {
        // A body typed as a YAML list ("body:" then "- item" lines) is the usual cause: the
        // author meant a Markdown list inside the text.
        return (
            "this text is written as a YAML list, so it is not one text".into(),
            "write `|` after the colon (`body: |`) and keep the `- ` lines under it, indented: \
             they become a bulleted list"
                .into(),
            at,
        );
    }
    if message.starts_with("invalid type: map, expected a string") {
        return (
            "this text contains a colon followed by a space, so YAML reads it as a field".into(),
            "put the whole text between double quotes, or write `|` after the first colon and \
             the text on the next line, indented"
                .into(),
            at,
        );
    }
    if message.contains("is not a date") {
        return (
            message.to_string(),
            "dates are written year-month-day, e.g. 2016-03-23".into(),
            value_of(source, "revised").or(at),
        );
    }
    if message.contains("untagged enum RouteField") {
        if let Some(found) = inline_route_error(source) {
            return found;
        }
        return (
            "`route` is neither a route number nor a route written in full".into(),
            "write `route: 105` (a number from leaflets/_data/routes.yaml), or the route in \
             full with exactly two lines under it: `number: 105` and `description: …`"
                .into(),
            locate_key(source, "route").or(at),
        );
    }
    if message.contains("more than one document") {
        // The `---` that starts the second document (a first one may open the file).
        let second = source
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "---" || l.starts_with("--- "))
            .map(|(n, _)| n)
            .find(|&n| {
                source
                    .lines()
                    .take(n)
                    .any(|l| !l.trim().is_empty() && !l.starts_with('#'))
            });
        return (
            "a line of `---` starts a second leaflet in this file".into(),
            "one file holds one leaflet: remove the `---` line, or move what follows it to a \
             file of its own"
                .into(),
            second.map(|n| (n + 1, 1)).or(at),
        );
    }
    if message.contains("untagged enum ContactField") {
        return (
            "`contact` is neither a contact key nor a contact written in full".into(),
            "write `contact: radiologie` (a key from leaflets/_data/contacts.yaml), or the \
             contact in full with `name:` and `phone:` under it"
                .into(),
            locate_key(source, "contact").or(at),
        );
    }
    if message.contains("expected struct LeafletFile") {
        return (
            "this is not a list of `field: value` lines".into(),
            "every line starts with a field name and a colon, e.g. `title: Wondzorg thuis`".into(),
            at,
        );
    }
    if message.contains("expected a sequence") {
        return (
            "`sections` must be a list of sections".into(),
            "start each section on its own line with `  - heading: …` or `  - body: |`".into(),
            at,
        );
    }
    if let Some(rest) = message.strip_prefix("control characters are not allowed at position ") {
        // The reader reports a byte offset into the file.
        let at = rest
            .trim()
            .parse::<usize>()
            .ok()
            .map(|mut o| {
                while o > 0 && !source.is_char_boundary(o.min(source.len())) {
                    o -= 1;
                }
                line_col(source, o)
            })
            .or(at);
        return (
            "an invisible control character is in the text".into(),
            "delete it: place the cursor just after it and press Backspace, or retype the word"
                .into(),
            at,
        );
    }
    if message.contains("mapping values are not allowed") {
        return (
            "a second colon on this line".into(),
            quote_hint(source, at),
            at,
        );
    }
    if message.contains("cannot start any token") && at_tab(source, at) {
        return (
            "a tab is used for indentation".into(),
            "indent with spaces only (most editors: Convert Indentation to Spaces)".into(),
            at,
        );
    }
    if message.contains("end of stream") {
        return (
            "a quote or a bracket is opened here and never closed".into(),
            "add the closing quote (or bracket) at the end of the text, or remove the opening one"
                .into(),
            unclosed_opener(source).or(at),
        );
    }
    if message.contains("did not find expected") || message.contains("while parsing a block") {
        return (
            message.to_string(),
            "the fields of one section must line up: put `body:` exactly under `heading:`, \
             and indent with spaces"
                .into(),
            at,
        );
    }
    (
        message.to_string(),
        "check the indentation and the colons on this line; compare with a leaflet that builds"
            .into(),
        at,
    )
}

/// The first value that opens with a quote or bracket and does not close it on its line:
/// the parser only notices at the end of the file, but the slip is there.
fn unclosed_opener(source: &str) -> Location {
    source.lines().enumerate().find_map(|(i, line)| {
        if line.trim_start().starts_with('#') {
            return None;
        }
        let (_, value) = line.split_once(": ")?;
        let value = value.trim();
        let open = value.chars().next()?;
        let close = match open {
            '"' | '\'' => open,
            '[' => ']',
            '{' => '}',
            _ => return None,
        };
        let closed = value.len() > 1 && value.ends_with(close);
        (!closed).then(|| {
            let col = line.len() - line.trim_start().len() + line.trim_start().find(open)?;
            Some((i + 1, line[..col].chars().count() + 1))
        })?
    })
}

/// An inline route with a wrong or missing field: the untagged enum hides which, so the
/// route is read again on its own to say.
fn inline_route_error(source: &str) -> Option<(String, String, Location)> {
    let e = crate::source::yaml::parse_key_mapping::<crate::model::InlineRoute>(source, "route")?
        .err()?;
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    let name = message.split('`').nth(1).unwrap_or("");
    let (route_line, _) = locate_key(source, "route")?;
    // The offending key's line inside the route block, else the `route:` line.
    let at = source
        .lines()
        .enumerate()
        .skip(route_line)
        .take_while(|(_, l)| l.starts_with([' ', '\t']))
        .find(|(_, l)| l.trim_start().starts_with(&format!("{name}:")))
        .map(|(i, l)| (i + 1, l.len() - l.trim_start().len() + 1))
        .unwrap_or((route_line, 1));
    let hint = if message.starts_with("unknown field") {
        // Abbreviations (`desc`) are too far from the full name for an edit distance.
        let prefix_of = ["number", "description"]
            .into_iter()
            .find(|f| name.len() >= 3 && f.starts_with(name));
        match prefix_of.or_else(|| closest_field(name)) {
            Some(best) => format!("did you mean `{best}`? A route has `number` and `description`"),
            None => "a route written in full has exactly `number` and `description`".into(),
        }
    } else if message.starts_with("missing field") {
        format!("add `{name}: …` under `route:`, indented like `number:`")
    } else {
        "a route written in full has `number: 105` and `description: …`".into()
    };
    Some((format!("`route`: {message}"), hint, Some(at)))
}

/// "put the text in quotes", shown on the very line that needs them.
fn quote_hint(source: &str, at: Location) -> String {
    let line = at.and_then(|(l, _)| source.lines().nth(l - 1));
    match line.and_then(|l| l.split_once(": ")) {
        Some((key, value)) if !value.contains('"') => format!(
            "a colon inside a text needs quotes around the text: {}: \"{}\"",
            key.trim(),
            value.trim()
        ),
        _ => "put the text in quotes, e.g. title: \"Let op: nuchter blijven\"".into(),
    }
}

fn at_tab(source: &str, at: Location) -> bool {
    at.and_then(|(l, c)| source.lines().nth(l - 1)?.chars().nth(c - 1))
        .is_some_and(|c| c == '\t')
}
