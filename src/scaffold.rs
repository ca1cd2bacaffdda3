//! Writing leaflet YAML for people: `leaflet new` and `leaflet import` both produce a file
//! with every field present and a Dutch comment saying what it is for, so a secretary can
//! fill it in without the README. Values are emitted so they read back exactly: texts as
//! literal blocks, one-line values quoted only when YAML needs it.

use crate::model::{Leaflet, LeafletFile};
use crate::schema;
use crate::shared::SharedData;
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::Path;

/// A leaflet to write out. Unlike [`Leaflet`] it may be incomplete (an import that found no
/// date), and the route is kept as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub subtitle: String,
    pub department: String,
    /// `None` writes an empty date that `check` will point at.
    pub revised: Option<NaiveDate>,
    pub authors: String,
    pub route: DraftRoute,
    pub sections: Vec<(Option<String>, String)>,
    /// The keys of the library's `_data/routes.yaml` and `contacts.yaml`, named in the
    /// comments of a new file so the author picks one that exists.
    pub route_keys: Vec<String>,
    pub contact_keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DraftRoute {
    /// A key into `_data/routes.yaml`.
    Key(String),
    Inline {
        number: String,
        description: String,
    },
}

/// The YAML text of a draft, headed by the schema line for a file written into `dir`.
pub fn render(draft: &Draft, dir: &Path, intro: &str) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "{}", schema::modeline(dir));
    for line in intro.lines() {
        let _ = writeln!(y, "# {line}");
    }
    y.push('\n');
    let _ = writeln!(
        y,
        "# Titel van de folder, groot bovenaan de eerste bladzijde."
    );
    let _ = writeln!(y, "title: {}", scalar(&draft.title));
    let _ = writeln!(y, "# Ondertitel onder de titel (mag leeg blijven).");
    let _ = writeln!(y, "subtitle: {}", scalar(&draft.subtitle));
    let _ = writeln!(y, "# Afdeling, klein boven de titel (mag leeg blijven).");
    let _ = writeln!(y, "department: {}", scalar(&draft.department));
    let _ = writeln!(
        y,
        "# Datum van de laatste herziening: jaar-maand-dag. Pas aan na elke nalezing."
    );
    let revised = draft.revised.map(|d| d.to_string()).unwrap_or_default();
    let _ = writeln!(y, "revised: {}", scalar(&revised));
    let _ = writeln!(
        y,
        "# Wie de tekst schreef; komt onderaan na \"Auteur(s):\"."
    );
    let _ = writeln!(y, "authors: {}", scalar(&draft.authors));
    match &draft.route {
        DraftRoute::Key(key) => {
            let _ = writeln!(
                y,
                "# Routenummer uit leaflets/_data/routes.yaml; de omschrijving komt van daar."
            );
            if !draft.route_keys.is_empty() {
                let _ = writeln!(y, "# Routes daar: {}.", draft.route_keys.join(", "));
            }
            let _ = writeln!(y, "route: {}", number(key));
        }
        DraftRoute::Inline {
            number,
            description,
        } => {
            let _ = writeln!(
                y,
                "# De route in het ziekenhuis: nummer en waar ze naartoe leidt."
            );
            let _ = writeln!(y, "route:");
            let _ = writeln!(y, "  number: {}", self::number(number));
            let _ = writeln!(y, "  description: {}", scalar(description));
        }
    }
    match draft.contact_keys.first() {
        Some(first) => {
            let _ = writeln!(
                y,
                "# Wie de patiënt kan bellen (mag weg): een sleutel uit leaflets/_data/contacts.yaml\n\
                 # ({}), of voluit: contact: {{name: ..., phone: ..., hours: ...}}\n\
                 # contact: {first}",
                draft.contact_keys.join(", ")
            );
        }
        None => {
            let _ = writeln!(
                y,
                "# Wie de patiënt kan bellen (mag weg), voluit:\n\
                 # contact: {{name: ..., phone: ..., hours: ...}}"
            );
        }
    }
    let _ = writeln!(
        y,
        "# Documentbeheer (mag weg): de code van het ziekenhuis en het versienummer, in de\n\
         # voettekst; verhoog de versie bij elke nieuwe tekst. Een QR-code naar de online versie\n\
         # (alleen https://). De taal: nl (standaard), fr of en.\n\
         # code: HEM-012\n\
         # version: 1\n\
         # online: https://www.voorbeeld.be/folders/hem-012\n\
         # lang: nl"
    );
    let _ = writeln!(
        y,
        "# De tekst, in stukken. Elk stuk heeft een tussentitel (heading, mag weg bij het\n\
         # eerste stuk) en tekst (body). In de tekst: een lege regel begint een nieuwe alinea,\n\
         # \"- \" begint een opsomming, **vet** en *schuin* zetten nadruk, een \\ aan het\n\
         # eind van een regel houdt de regel apart (adres, uren), [tekst](https://...) drukt\n\
         # de tekst met het adres erachter. Een figuur na de tekst van een stuk:\n\
         #     figures:\n\
         #       - file: figuren/arm.svg   (PNG, JPEG of SVG, naast de folder)\n\
         #         alt: Wat de figuur toont, in een zin (verplicht).\n\
         #         caption: Een regel onder de figuur (mag weg).\n\
         #         width: 60 %            (deel van de tekstbreedte; mag weg)"
    );
    let _ = writeln!(y, "sections:");
    for (heading, body) in &draft.sections {
        let mut first = "  - ";
        if let Some(h) = heading {
            let _ = writeln!(y, "{first}heading: {}", scalar(h));
            first = "    ";
        }
        let _ = writeln!(y, "{first}body: {}", block(body, "      "));
    }
    y
}

/// A one-line value: plain when YAML reads it back as the same string, quoted otherwise
/// (the YAML emitter decides, so `yes`, `105` or `a: b` are quoted).
fn scalar(value: &str) -> String {
    crate::source::yaml::to_yaml(value)
}

/// A route number as people write it: `105`, not `'105'` (the model reads both).
fn number(value: &str) -> String {
    let digits = !value.is_empty() && value.len() < 10 && value.chars().all(|c| c.is_ascii_digit());
    if digits && !value.starts_with('0') {
        value.to_string()
    } else {
        scalar(value)
    }
}

/// A text as a literal block (`|`), which keeps every character and line as typed. Falls
/// back to a quoted string for what a literal block cannot hold.
fn block(value: &str, indent: &str) -> String {
    let text = value.trim_end_matches('\n');
    let representable = !text.is_empty()
        && !text.starts_with([' ', '\t'])
        && !text.contains('\r')
        && text
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control())
        // YAML reads these as line breaks or refuses them inside a block.
        && !text.contains(['\u{2028}', '\u{2029}', '\u{feff}']);
    if !representable {
        return scalar(value);
    }
    let mut out = String::from("|\n");
    for line in text.split('\n') {
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    out.trim_end_matches('\n').to_string()
}

/// Reads a written draft back and compares it with what was meant to be written: the
/// emitter must never lose or change a character of the text.
pub fn verify_round_trip(draft: &Draft, yaml: &str) -> Result<(), String> {
    let file: LeafletFile = crate::source::yaml::parse(yaml).map_err(|e| e.to_string())?;
    // YAML drops spaces at the end of a block's lines; they are not part of the wording.
    let text = |s: &str| -> Vec<String> {
        s.trim_end_matches('\n')
            .split('\n')
            .map(|l| l.trim_end_matches([' ', '\t']).to_string())
            .collect()
    };
    let same_sections = file.sections.len() == draft.sections.len()
        && file
            .sections
            .iter()
            .zip(&draft.sections)
            .all(|(f, (h, b))| f.heading.as_deref() == h.as_deref() && text(&f.body) == text(b));
    if file.title == draft.title && file.authors == draft.authors && same_sections {
        Ok(())
    } else {
        Err("the written YAML does not read back as the same text".into())
    }
}

/// A placeholder `check` refuses until the author replaces it (see `source::traps`).
fn fill_in(what: &str) -> String {
    format!("{}: {what}»", crate::source::traps::PLACEHOLDER)
}

/// A new leaflet named after its slug. Every text the author must write is a `«VUL IN: …»`
/// placeholder that `check` and `build` refuse, and no route is chosen for them: a
/// printable leaflet with made-up text or the wrong route would be worse than none.
pub fn new_draft(slug: &str, today: NaiveDate, shared: &SharedData) -> Draft {
    let mut title: String = slug.replace(['-', '_'], " ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    let route = if shared.routes.is_empty() {
        DraftRoute::Inline {
            number: fill_in("routenummer"),
            description: fill_in("waar de route naartoe leidt"),
        }
    } else {
        DraftRoute::Key(fill_in("routenummer uit routes.yaml"))
    };
    Draft {
        title,
        subtitle: String::new(),
        department: String::new(),
        revised: Some(today),
        authors: fill_in("naam van het team"),
        route,
        sections: vec![
            (
                None,
                format!(
                    "{}\n",
                    fill_in("de inleiding: wat de patiënt in deze folder leest")
                ),
            ),
            (
                Some(fill_in("tussentitel")),
                format!(
                    "{}\n\n- {}\n",
                    fill_in("korte zinnen; een lege regel begint een nieuwe alinea"),
                    fill_in("een opsomming begint met een streepje")
                ),
            ),
        ],
        route_keys: shared.routes.keys().cloned().collect(),
        contact_keys: shared.contacts.keys().cloned().collect(),
    }
}

/// A checked leaflet as a draft, for tests that compare an import with a hand-made file.
pub fn draft_of(leaflet: &Leaflet) -> Draft {
    Draft {
        title: leaflet.title.clone(),
        subtitle: leaflet.subtitle.clone().unwrap_or_default(),
        department: leaflet.department.clone().unwrap_or_default(),
        revised: Some(leaflet.revised),
        authors: leaflet.authors.clone(),
        route: match &leaflet.route.shared_key {
            Some(k) => DraftRoute::Key(k.clone()),
            None => DraftRoute::Inline {
                number: leaflet.route.number.clone(),
                description: leaflet.route.description.clone(),
            },
        },
        sections: leaflet
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.body.clone()))
            .collect(),
        route_keys: Vec::new(),
        contact_keys: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        Draft {
            title: "yes".into(),
            subtitle: "a: b".into(),
            department: String::new(),
            revised: NaiveDate::from_ymd_opt(2025, 1, 2),
            authors: "Team # 1".into(),
            route: DraftRoute::Inline {
                number: "105".into(),
                description: "dagziekenhuis".into(),
            },
            sections: vec![
                (None, "Eerste\u{a0} \n\n  ingesprongen\n".into()),
                (Some("Wat?".into()), "- \"lijst\"\n- twee\n".into()),
                (None, "bel\u{7}\n".into()),
            ],
            route_keys: Vec::new(),
            contact_keys: Vec::new(),
        }
    }

    #[test]
    fn awkward_values_read_back_unchanged() {
        let d = sample();
        let yaml = render(&d, Path::new("."), "test");
        verify_round_trip(&d, &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    }

    #[test]
    fn bodies_are_literal_blocks() {
        let yaml = render(&sample(), Path::new("."), "test");
        assert!(
            yaml.contains("  - heading: Wat?\n    body: |\n      - \"lijst\"\n"),
            "{yaml}"
        );
    }
}
