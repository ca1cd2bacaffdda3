//! serde_yaml's errors in words a secretary can act on. The parser speaks of tokens,
//! mappings and untagged enums and often points at the start of the document; this module
//! says what is wrong in leaflet terms and moves the caret to the line that needs the fix.

use super::{closest_field, field_names};
use crate::diagnostic::{Diagnostic, line_col, locate_key};
use crate::t;
use std::path::Path;

/// The diagnostic for a leaflet that serde_yaml could not read.
pub fn explain(path: &Path, source: &str, e: &crate::source::yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line X column Y"; the location is printed separately.
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (field, message) = split_field(&raw);
    let location = e.location().map(|l| (l.line(), l.column()));
    let (reworded, hint, location) = reword(source, &message, location);
    // A message about a field inside the route comes back as "`route`: …".
    let (field, reworded) = match reworded.strip_prefix("`route`: ") {
        Some(rest) if field.is_none() => (Some("route".to_string()), rest.to_string()),
        _ => (field, reworded),
    };
    // Top-level problems carry no path from serde_yaml; name the field the parser's own
    // (English, fixed) message is about, whatever language the reworded one is in.
    let field = field.or_else(|| {
        let about = [
            ("is not a date", "revised"),
            ("untagged enum RouteField", "route"),
        ];
        about
            .iter()
            .find(|(m, _)| message.contains(m))
            .map(|(_, f)| f.to_string())
    });
    let mut d = Diagnostic::error(path, reworded).hint(hint);
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
pub(super) fn value_of(source: &str, key: &str) -> Location {
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
        let hint = field_names::hint(&name, &field_names::expected_fields(message));
        return (t!("field-unknown", name = name), hint, at);
    }
    if let Some(name) = quoted("missing field `") {
        return (
            t!("field-missing", name = name.as_str()),
            t!("field-missing-hint", name = name),
            at,
        );
    }
    if let Some(name) = quoted("duplicate field `") {
        let (second, first) = match second_key(source, &name, at) {
            Some((line, column, first)) => (Some((line, column)), first),
            None => (None, 0),
        };
        // A second `heading:` in one section is nearly always a new section whose `- ` was
        // left out: deleting a line, as "keep one" says, would lose a heading.
        let hint = if second.is_some() && matches!(name.as_str(), "heading" | "body") {
            t!("field-twice-new-section-hint", name = name.as_str())
        } else if first > 0 {
            t!("field-twice-lines-hint", first = first)
        } else {
            t!("field-twice-hint")
        };
        return (t!("field-twice", name = name), hint, second.or(at));
    }
    // `version: drie`, `version: -1`, `version: 3.1`: the only unsigned number field.
    if message.ends_with("expected u32") {
        return (t!("version-not-number"), t!("version-not-number-hint"), at);
    }
    if let Some(lang) = quoted("unknown variant `")
        && message.ends_with("expected one of `nl`, `fr`, `en`")
    {
        return (t!("lang-unknown", lang = lang), t!("lang-unknown-hint"), at);
    }
    if message.starts_with("invalid type: sequence, expected a string") {
        // A body typed as a YAML list ("body:" then "- item" lines) is the usual cause: the
        // author meant a Markdown list inside the text.
        return (t!("text-is-list"), t!("text-is-list-hint"), at);
    }
    if message.starts_with("invalid type: map, expected a string") {
        return (t!("text-is-map"), t!("text-is-map-hint"), at);
    }
    if message.contains("is not a date") {
        // The model's own message quotes the text: "`5 mei 2024` is not a date".
        let text = message.split('`').nth(1).unwrap_or("");
        let hint = match super::dutch_date::read(text) {
            Some(date) => t!("date-suggest-hint", date = date.to_string()),
            None => match super::dutch_date::impossible_day(text) {
                Some((year, month, days)) => t!(
                    "date-no-such-day-hint",
                    month = format!("{year}-{month:02}"),
                    days = days
                ),
                None => t!("date-format-hint"),
            },
        };
        return (
            t!("date-not-a-date", text = text),
            hint,
            value_of(source, "revised").or(at),
        );
    }
    if message.contains("untagged enum RouteField") {
        if let Some(found) = inline_route_error(source) {
            return found;
        }
        return (
            t!("route-neither"),
            t!("route-neither-hint"),
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
            t!("second-document"),
            t!("second-document-hint"),
            second.map(|n| (n + 1, 1)).or(at),
        );
    }
    if message.contains("untagged enum ContactField") {
        return (
            t!("contact-neither"),
            t!("contact-neither-hint"),
            locate_key(source, "contact").or(at),
        );
    }
    if message.contains("expected struct LeafletFile") {
        return (t!("not-fields"), t!("not-fields-hint"), at);
    }
    if message.contains("expected struct SectionFile") {
        let id = if message.starts_with("invalid type: string") {
            "section-not-fields"
        } else {
            "section-wrong-shape"
        };
        return (t!(id), t!("section-not-fields-hint"), at);
    }
    if message.contains("expected a sequence") {
        return (t!("sections-not-list"), t!("sections-not-list-hint"), at);
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
        return (t!("control-character"), t!("control-character-hint"), at);
    }
    if message.contains("tab character")
        || (message.contains("cannot start any token") && at_tab(source, at))
    {
        return (t!("tab-indent"), t!("tab-indent-hint"), at);
    }
    // The scanner's own complaints: a value typed so that YAML reads on past it is reported
    // where the reader got lost, but the slip is on an earlier line.
    let scanner = [
        "mapping values are not allowed",
        "cannot start any token",
        "end of stream",
        "did not find expected",
        "could not find expected",
        "while parsing",
        "while scanning",
        "unknown anchor",
        "tag",
    ];
    if scanner.iter().any(|m| message.contains(m)) {
        let up_to = at.map_or(usize::MAX, |(line, _)| line);
        if let Some((message, hint, place)) = crate::source::traps::first_slip(source, up_to) {
            return (message, hint, Some(place));
        }
    }
    if message.contains("could not find expected ':'")
        && let Some(found) = line_without_colon(source, at)
    {
        return found;
    }
    if message.contains("mapping values are not allowed") {
        if let Some(found) = super::indent::too_deep(source, at) {
            return found;
        }
        return (t!("second-colon"), quote_hint(source, at), at);
    }
    if message.contains("end of stream") {
        return (
            t!("unclosed"),
            t!("unclosed-hint"),
            unclosed_opener(source).or(at),
        );
    }
    if message.contains("did not find expected") || message.contains("while parsing a block") {
        if let Some(found) = dash_misaligned(source, at) {
            return found;
        }
        if let Some(found) = super::indent::block_shallower(source, at) {
            return found;
        }
        return (
            t!("yaml-parser", detail = message),
            t!("fields-line-up-hint"),
            at,
        );
    }
    (
        t!("yaml-parser", detail = without_type_names(message)),
        t!("yaml-parser-hint"),
        at,
    )
}

/// serde names the Rust type it wanted ("expected struct SectionFile"); a secretary has
/// no use for that, and the hint says what to write instead.
fn without_type_names(message: &str) -> &str {
    [", expected struct ", ", expected enum "]
        .iter()
        .find_map(|p| message.find(p))
        .map_or(message, |i| &message[..i])
}

/// Where `name:` is written the second time in the mapping serde reports at `at` (its
/// first key: line, column), and the line of the first; for the top level too.
fn second_key(source: &str, name: &str, at: Location) -> Option<(usize, usize, usize)> {
    let (line, column) = at.unwrap_or((1, 1));
    let lines: Vec<&str> = source.lines().collect();
    let indent = column.saturating_sub(1);
    let mut first = None;
    for (n, raw) in lines.iter().enumerate().skip(line.saturating_sub(1)) {
        let text = raw.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let own = raw.len() - text.len();
        // The mapping's first line may carry the list's `- `.
        let (own, text) = match text.strip_prefix("- ") {
            Some(rest) if n + 1 == line => (own + 2, rest),
            Some(_) if own + 2 <= indent => break,
            _ => (own, text),
        };
        if own < indent {
            break;
        }
        if own == indent && text.strip_prefix(name).is_some_and(|r| r.starts_with(':')) {
            match first {
                None => first = Some(n + 1),
                Some(f) => return Some((n + 1, own + 1, f)),
            }
        }
    }
    None
}

/// A list item (`- heading: …`) whose dash is not under the dash of the item above: YAML
/// reads it as something else than the next section and stops there.
fn dash_misaligned(source: &str, at: Location) -> Option<(String, String, Location)> {
    let (line, _) = at?;
    let lines: Vec<&str> = source.lines().collect();
    let here = lines.get(line.checked_sub(1)?)?;
    let dash = here.len() - here.trim_start_matches(' ').len();
    // Only an item that opens fields (`- heading:`, `- file:`): a `- ` line of a body's
    // list is text, and its slip is the body's indentation.
    let opens_fields = here[dash..].strip_prefix("- ").is_some_and(|item| {
        item.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    });
    if !opens_fields {
        return None;
    }
    // The nearest dashed line above that starts a mapping item, as the list's own column.
    let (above, column) = lines[..line - 1]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(n, l)| {
            let indent = l.len() - l.trim_start_matches(' ').len();
            let rest = &l[indent..];
            let item = rest.strip_prefix("- ")?;
            let key = item.split(':').next()?;
            (item.contains(':') && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                .then_some((n + 1, indent))
        })?;
    if column == dash {
        return None;
    }
    Some((
        t!("dash-misaligned"),
        t!("dash-misaligned-hint", line = above, spaces = column),
        Some((line, dash + 1)),
    ))
}

/// "could not find expected ':'" is reported on the line after the slip: the parser read
/// a line with no `field:` as the start of a key and looked on for its colon. The slip is
/// the last line above that is neither blank, a comment, nor `field: …`.
fn line_without_colon(source: &str, at: Location) -> Option<(String, String, Location)> {
    let (line, _) = at?;
    let lines: Vec<&str> = source.lines().collect();
    let (n, text) = lines
        .iter()
        .enumerate()
        .take(line.saturating_sub(1).min(lines.len()))
        .rev()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let body = text.trim_start().trim_start_matches("- ").trim_start();
    let keyed = body.split_once(':').is_some_and(|(key, rest)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            && (rest.is_empty() || rest.starts_with([' ', '\t']))
    });
    if keyed {
        return None;
    }
    let column = text[..text.len() - text.trim_start().len()].chars().count() + 1;
    // Text typed under `heading:` without `body: |` is the usual cause inside a section.
    let under_heading = lines[..n]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .is_some_and(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .starts_with("heading:")
        });
    let hint = if under_heading {
        t!("heading-runs-on-hint")
    } else {
        t!("line-without-colon-hint")
    };
    Some((t!("line-without-colon"), hint, Some((n + 1, column))))
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
            Some(best) => t!("route-field-did-you-mean", best = best),
            None => t!("route-fields-hint"),
        }
    } else if message.starts_with("missing field") {
        t!("route-field-missing-hint", name = name)
    } else {
        t!("route-fields-example-hint")
    };
    let message = if let Some(name) = message.strip_prefix("unknown field `") {
        t!("field-unknown", name = name.split('`').next().unwrap_or(""))
    } else if let Some(name) = message.strip_prefix("missing field `") {
        t!("field-missing", name = name.split('`').next().unwrap_or(""))
    } else {
        t!("yaml-parser", detail = message)
    };
    Some((format!("`route`: {message}"), hint, Some(at)))
}

/// "put the text in quotes", shown on the very line that needs them.
fn quote_hint(source: &str, at: Location) -> String {
    let line = at.and_then(|(l, _)| source.lines().nth(l - 1));
    match line.and_then(|l| l.split_once(": ")) {
        Some((key, value)) if !value.contains('"') => t!(
            "colon-quote-hint",
            example = format!("{}: \"{}\"", key.trim(), value.trim())
        ),
        _ => t!("colon-quote-example-hint"),
    }
}

fn at_tab(source: &str, at: Location) -> bool {
    at.and_then(|(l, c)| source.lines().nth(l - 1)?.chars().nth(c - 1))
        .is_some_and(|c| c == '\t')
}
