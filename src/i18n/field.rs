//! Where in a leaflet a problem is, said the way its author thinks of it: "section 3
//! (‘Hoe verloopt…’), field `body`" rather than the zero-based path `sections[2].body`.

use super::text;
use crate::i18n::FluentValue;

/// Headings longer than this many characters are cut with "…": enough to recognise the
/// section, short enough to keep the message on one line.
const HEADING_CHARS: usize = 24;

/// The field path of a diagnostic in words. `source` (the leaflet's text, when known) gives
/// the section's heading.
pub fn describe(path: &str, source: Option<&str>) -> String {
    let Some((index, rest)) = section_index(path) else {
        return text("field-top", &[("name", FluentValue::from(path))]);
    };
    let number = FluentValue::from(index + 1);
    let section = match source.and_then(|s| headings(s).into_iter().nth(index).flatten()) {
        Some(heading) => text(
            "field-section-titled",
            &[
                ("n", number),
                ("heading", FluentValue::from(short(&heading))),
            ],
        ),
        None => text("field-section", &[("n", number)]),
    };
    // `figures[0].alt` inside a section: the figure counted from 1 too.
    let figure = rest.and_then(|r| {
        let (n, name) = r.strip_prefix("figures[")?.split_once("].")?;
        Some((n.parse::<usize>().ok()?, name))
    });
    if let Some((n, name)) = figure {
        return text(
            "field-figure-in-section",
            &[
                ("section", FluentValue::from(section)),
                ("n", FluentValue::from(n + 1)),
                ("name", FluentValue::from(name)),
            ],
        );
    }
    match rest {
        Some(name) => text(
            "field-in-section",
            &[
                ("section", FluentValue::from(section)),
                ("name", FluentValue::from(name)),
            ],
        ),
        None => section,
    }
}

/// `sections[2].body` → (2, Some("body")); `sections[2]` → (2, None).
fn section_index(path: &str) -> Option<(usize, Option<&str>)> {
    let rest = path.strip_prefix("sections[")?;
    let (n, rest) = rest.split_once(']')?;
    let n = n.parse().ok()?;
    let rest = rest.strip_prefix('.').filter(|r| !r.is_empty());
    Some((n, rest))
}

fn short(heading: &str) -> String {
    if heading.chars().count() <= HEADING_CHARS {
        heading.to_string()
    } else {
        let cut: String = heading.chars().take(HEADING_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The heading of every item of the top-level `sections:` list, in order (`None` for a
/// section without one), read from the block-style YAML every leaflet uses. A label only:
/// when the file is written some other way the list comes out short and the message simply
/// names the section by number. (Parsing it properly would make the diagnostic module
/// depend on the YAML reader, which itself reports through diagnostics.)
pub fn headings(source: &str) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    let mut lines = source.lines().skip_while(|l| l.trim_end() != "sections:");
    lines.next();
    let mut item_indent = None;
    for line in lines {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if indent == 0 && !body.starts_with("- ") {
            break;
        }
        let key_line = match body.strip_prefix("- ") {
            Some(item) if item_indent.is_none_or(|i| i == indent) => {
                item_indent = Some(indent);
                out.push(None);
                item
            }
            Some(_) => continue,
            None if Some(indent) == item_indent.map(|i| i + 2) => body,
            None => continue,
        };
        if let (Some(value), Some(last)) = (key_line.strip_prefix("heading:"), out.last_mut())
            && last.is_none()
        {
            *last = Some(unquote(value.trim()));
        }
    }
    out
}

fn unquote(value: &str) -> String {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    const SRC: &str = "title: X\nsections:\n  - heading: Wat is een CT-scan?\n    body: |\n      - heading: geen\n  - body: x\n    heading: \"Hoe verloopt het onderzoek?\"\nroute: 42\n";

    #[test]
    fn headings_follow_the_list_not_the_text_inside_bodies() {
        assert_eq!(
            headings(SRC),
            [
                Some("Wat is een CT-scan?".to_string()),
                Some("Hoe verloopt het onderzoek?".to_string())
            ]
        );
    }

    #[test]
    fn a_section_without_heading_keeps_the_count() {
        let found = headings("sections:\n  - body: a\n  - heading: B\n");
        assert_eq!(found, [None, Some("B".to_string())]);
    }

    #[test]
    fn sections_are_counted_from_one_with_their_heading() {
        let nl = scoped(Lang::Nl, || describe("sections[1].body", Some(SRC)));
        assert_eq!(nl, "sectie 2 (‘Hoe verloopt het onderz…’), veld `body`");
        let en = scoped(Lang::En, || describe("sections[0]", Some(SRC)));
        assert_eq!(en, "section 1 (‘Wat is een CT-scan?’)");
        let top = scoped(Lang::Nl, || describe("route", None));
        assert_eq!(top, "veld `route`");
        let unknown = scoped(Lang::En, || describe("sections[7].body", Some(SRC)));
        assert_eq!(unknown, "section 8, field `body`");
    }

    #[test]
    fn figures_are_counted_from_one_inside_their_section() {
        let nl = scoped(Lang::Nl, || {
            describe("sections[0].figures[1].alt", Some(SRC))
        });
        assert_eq!(nl, "sectie 1 (‘Wat is een CT-scan?’), figuur 2, veld `alt`");
        let en = scoped(Lang::En, || describe("sections[7].figures[0].width", None));
        assert_eq!(en, "section 8, figure 1, field `width`");
    }
}
