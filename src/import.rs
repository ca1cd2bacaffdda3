//! `leaflet import`: the hospital's existing plain-text leaflets into leaflet YAML.
//!
//! The wording is the hospital's, approved by its authors, so nothing is reworded or
//! dropped: every line ends up in a field or in body text, and whatever could not be placed
//! is reported with its line so a secretary can look at it.

use crate::diagnostic::Diagnostic;
use crate::scaffold::{Draft, DraftRoute};
use crate::shared::SharedData;
use crate::source::bullets::word_bullet;
use chrono::NaiveDate;
use std::path::Path;

/// A heading is a short line: longer ones are sentences that happen to stand alone.
const HEADING_MAX_CHARS: usize = 80;
/// A heading that is not a question must be shorter still, or a one-line paragraph would
/// pass for one.
const PLAIN_HEADING_MAX_WORDS: usize = 6;

/// The draft and what the import has to tell about it.
#[derive(Debug)]
pub struct Imported {
    pub draft: Draft,
    pub notes: Vec<Diagnostic>,
}

/// One line of the text file with its 1-based line number.
type Line<'a> = (usize, &'a str);

enum Block<'a> {
    Heading(String),
    Paragraph(Vec<Line<'a>>),
}

/// Reads a plain-text leaflet. `path` is only used in notes; `shared` decides whether a
/// route becomes a key or is written in full. Missing fields are errors in `notes`, not a
/// refusal: the draft is still worth writing, and `check` points at what to fill in.
pub fn import(path: &Path, text: &str, shared: &SharedData) -> Result<Imported, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let groups = paragraphs(&text);
    let Some((first, rest)) = groups.split_first() else {
        return Err(Diagnostic::error(path, crate::t!("import-no-text"))
            .hint(crate::t!("import-no-text-hint")));
    };
    let mut notes = Vec::new();
    let mut draft = Draft {
        title: first[0].1.trim().to_string(),
        subtitle: String::new(),
        department: String::new(),
        revised: None,
        authors: String::new(),
        route: DraftRoute::Key(String::new()),
        sections: Vec::new(),
        route_keys: Vec::new(),
        contact_keys: Vec::new(),
    };
    let mut route_found = false;
    let mut blocks = Vec::new();
    if first.len() > 1 {
        notes.push(kept(path, first[1], "under-title"));
        blocks.push(Block::Paragraph(first[1..].to_vec()));
    }
    for group in rest {
        let mut remaining = Vec::new();
        // A line reported as kept must be found back as body text, never as a heading.
        let mut reported = false;
        for &(n, line) in group {
            let t = line.trim();
            if let Some(value) = after_label(t, &["laatst aangepast", "laatst herzien"]) {
                match dutch_date(value) {
                    Some(d) if draft.revised.is_none() => draft.revised = Some(d),
                    _ => {
                        notes.push(kept(path, (n, line), "date"));
                        reported = true;
                        remaining.push((n, line));
                    }
                }
            } else if let Some(value) = after_label(t, &["auteur(s)", "auteurs", "auteur"])
                && draft.authors.is_empty()
            {
                draft.authors = value.to_string();
            } else if let Some(route) = route_line(t, shared)
                && !route_found
            {
                route_found = true;
                if let Some(note) = route_differs(path, (n, line), &route, shared) {
                    notes.push(note);
                }
                draft.route = route;
            } else {
                let label = t.split(':').next().unwrap_or("").to_lowercase();
                let what = if t.to_lowercase().starts_with("volg route") {
                    Some("route")
                } else if label.starts_with("auteur") {
                    Some("authors")
                } else {
                    None
                };
                if let Some(what) = what {
                    notes.push(kept(path, (n, line), what));
                    reported = true;
                }
                if let Some(bullet) = word_bullet(t) {
                    notes.push(typed_bullet(path, (n, line), bullet));
                }
                remaining.push((n, line));
            }
        }
        if remaining.is_empty() {
            continue;
        }
        match heading(&remaining, group_is_followed_by_text(rest, group)).filter(|_| !reported) {
            Some(h) => blocks.push(Block::Heading(h)),
            None => blocks.push(Block::Paragraph(remaining)),
        }
    }
    draft.sections = sections(blocks);
    let missing = |what: &str, field: &str| {
        Diagnostic::error(path, crate::t!("import-missing", line = what))
            .field(field)
            .hint(crate::t!("import-missing-hint", field = field))
    };
    if draft.revised.is_none() {
        notes.push(missing("`Laatst aangepast: <datum>`", "revised"));
    }
    if draft.authors.is_empty() {
        notes.push(missing("`Auteur(s): …`", "authors"));
    }
    if !route_found {
        notes.push(missing("`Volg route <nummer> (…)`", "route"));
    }
    Ok(Imported { draft, notes })
}

/// Groups of consecutive non-blank lines.
fn paragraphs(text: &str) -> Vec<Vec<Line<'_>>> {
    let mut groups: Vec<Vec<Line>> = Vec::new();
    let mut current = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push((i + 1, line));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// "•", "◦", "–" typed as bullets become Markdown items; the note says so.
fn typed_bullet(path: &Path, (n, line): Line, bullet: char) -> Diagnostic {
    let col = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
    Diagnostic::warning(
        path,
        crate::t!("import-bullet", bullet = bullet.to_string()),
    )
    .at(n, col)
    .hint(crate::t!("import-bullet-hint"))
}

/// A line with a typed bullet, as a Markdown list item.
fn as_markdown_item(line: &str) -> String {
    let text = line.trim_start();
    match word_bullet(text) {
        Some(b) => format!(
            "{}- {}",
            &line[..line.len() - text.len()],
            text[b.len_utf8()..].trim_start()
        ),
        None => line.to_string(),
    }
}

/// `what` says which line: `under-title`, `date`, `route` or `authors` (a selector in the
/// message, so each language words it whole).
fn kept(path: &Path, (n, line): Line, what: &str) -> Diagnostic {
    Diagnostic::warning(path, crate::t!("import-kept", what = what))
        .at(n, 1)
        .spanning(line.chars().count())
        .hint(crate::t!("import-kept-hint"))
}

/// The value after `Label:`, the label matched case-insensitively.
fn after_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    labels
        .contains(&label.as_str())
        .then(|| value.trim())
        .filter(|v| !v.is_empty())
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "jan"],
    &["februari", "feb"],
    &["maart", "mrt", "mar"],
    &["april", "apr"],
    &["mei"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augustus", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// "23 maart 2016", "23/03/2016" or "2016-03-23".
pub fn dutch_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    for format in ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&t, format) {
            return Some(d);
        }
    }
    let parts: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let month = month.trim_end_matches('.');
    let m = MONTHS.iter().position(|names| names.contains(&month))? as u32 + 1;
    NaiveDate::from_ymd_opt(year.parse().ok()?, m, day.parse().ok()?)
}

/// "Volg route 105 (oncologisch dagziekenhuis en consultaties)": the key when the shared
/// routes know the number, the route in full otherwise.
fn route_line(line: &str, shared: &SharedData) -> Option<DraftRoute> {
    let rest = line
        .get(..11)
        .filter(|p| p.eq_ignore_ascii_case("volg route "))
        .map(|_| line[11..].trim().trim_end_matches('.'))?;
    let (number, description) = match rest.split_once('(') {
        Some((n, d)) => (n.trim(), Some(d.strip_suffix(')')?.trim())),
        None => (rest, None),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_alphanumeric()) {
        return None;
    }
    // The shared description wins: it is the one the signs in the hospital use.
    if shared.routes.contains_key(number) {
        return Some(DraftRoute::Key(number.to_string()));
    }
    Some(DraftRoute::Inline {
        number: number.to_string(),
        description: description.filter(|d| !d.is_empty())?.to_string(),
    })
}

/// A route the shared list knows under another description: worth a look, since the text
/// file's wording is dropped for the shared one.
fn route_differs(
    path: &Path,
    (n, line): Line,
    route: &DraftRoute,
    shared: &SharedData,
) -> Option<Diagnostic> {
    let DraftRoute::Key(key) = route else {
        return None;
    };
    let written = line
        .split_once('(')?
        .1
        .trim_end()
        .trim_end_matches('.')
        .strip_suffix(')')?
        .trim();
    let known = shared.routes.get(key)?;
    (written != known).then(|| {
        Diagnostic::warning(
            path,
            crate::t!(
                "import-route-differs",
                key = key,
                written = written,
                known = known.as_str()
            ),
        )
        .at(n, 1)
        .spanning(line.chars().count())
        .hint(crate::t!("import-route-differs-hint"))
    })
}

fn group_is_followed_by_text(rest: &[Vec<Line>], group: &[Line]) -> bool {
    let at = rest.iter().position(|g| g.as_slice() == group);
    at.and_then(|i| rest.get(i + 1)).is_some()
}

/// A lone short line: a question ("Waarom immunotherapie?"), or a few words without closing
/// punctuation that some text follows ("Praktische informatie").
fn heading(lines: &[Line], followed_by_text: bool) -> Option<String> {
    let [(_, line)] = lines else {
        return None;
    };
    let t = line.trim();
    if t.chars().count() > HEADING_MAX_CHARS
        || t.starts_with(['-', '*', '•'])
        || word_bullet(t).is_some()
    {
        return None;
    }
    let question = t.ends_with('?');
    let short = t.split_whitespace().count() <= PLAIN_HEADING_MAX_WORDS
        && !t.ends_with(['.', ',', ';', ':', '!', ')'])
        && t.chars().next().is_some_and(char::is_uppercase);
    (question || (short && followed_by_text)).then(|| t.to_string())
}

/// Headings start sections; paragraphs join the current one, a blank line apart.
fn sections(blocks: Vec<Block>) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = vec![(None, String::new())];
    for block in blocks {
        match block {
            Block::Heading(h) => out.push((Some(h), String::new())),
            Block::Paragraph(lines) => {
                let body = &mut out.last_mut().expect("never empty").1;
                if !body.is_empty() {
                    body.push('\n');
                }
                for (_, line) in lines {
                    // YAML drops trailing spaces in a block; dropping them here keeps the
                    // written file and its round-trip check in step.
                    body.push_str(as_markdown_item(line).trim_end_matches([' ', '\t']));
                    body.push('\n');
                }
            }
        }
    }
    if out[0].1.is_empty() {
        out.remove(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(dutch_date("23 maart 2016"), d(2016, 3, 23));
        assert_eq!(dutch_date("1 Mei 2020."), d(2020, 5, 1));
        assert_eq!(dutch_date("5 sept. 2019"), d(2019, 9, 5));
        assert_eq!(dutch_date("23/03/2016"), d(2016, 3, 23));
        assert_eq!(dutch_date("31 februari 2016"), None);
        assert_eq!(dutch_date("ergens in maart"), None);
    }

    #[test]
    fn unknown_lines_stay_as_text_and_missing_fields_are_named() {
        let text = "Titel\nmet een tweede regel\n\nLaatst aangepast: ooit\n\nGewone tekst.\n";
        let got = import(Path::new("x.txt"), text, &SharedData::default()).unwrap();
        let body = &got.draft.sections[0].1;
        assert_eq!(
            body,
            "met een tweede regel\n\nLaatst aangepast: ooit\n\nGewone tekst.\n"
        );
        let messages: Vec<String> = got.notes.iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert!(messages[1].starts_with("x.txt:4:1: warning: a date line"));
        assert!(messages[3].contains("field `authors`"));
    }

    #[test]
    fn a_route_described_otherwise_is_reported() {
        let mut shared = SharedData::default();
        shared.routes.insert("105".into(), "dagziekenhuis".into());
        let text = "Titel\n\nTekst.\n\nVolg route 105 (consultaties)\n";
        let got = import(Path::new("x.txt"), text, &shared).unwrap();
        assert_eq!(got.draft.route, DraftRoute::Key("105".into()));
        assert!(
            got.notes[0]
                .to_string()
                .starts_with("x.txt:5:1: warning: the text calls route 105")
        );
    }

    #[test]
    fn route_key_or_inline() {
        let mut shared = SharedData::default();
        shared.routes.insert("105".into(), "dagziekenhuis".into());
        assert_eq!(
            route_line("Volg route 105 (dagziekenhuis)", &shared),
            Some(DraftRoute::Key("105".into()))
        );
        assert_eq!(
            route_line("Volg route 7 (spoed)", &shared),
            Some(DraftRoute::Inline {
                number: "7".into(),
                description: "spoed".into()
            })
        );
        assert_eq!(route_line("Volg route 7", &shared), None);
    }
}
