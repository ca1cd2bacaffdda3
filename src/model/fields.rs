//! The text fields of a parsed leaflet, each mapped back onto its source lines, so a
//! finding in a value (by lint, by the document stage) is reported where it was typed.

use super::{ContactField, LeafletFile, RouteField};
use crate::sourcemap::{TextField, map_field, section_items, top_level_range};

/// Every text field of a parsed leaflet, in file order, mapped back onto its source.
pub fn text_fields(file: &LeafletFile, source: &str) -> Vec<TextField> {
    let whole = 0..source.len();
    let mut fields = Vec::new();
    let top: [(&str, Option<&String>); 4] = [
        ("title", Some(&file.title)),
        ("subtitle", file.subtitle.as_ref()),
        ("department", file.department.as_ref()),
        ("authors", Some(&file.authors)),
    ];
    for (name, value) in top {
        if let Some(value) = value {
            let range = top_level_range(source, name).unwrap_or(whole.clone());
            fields.push(map_field(source, name, value, false, range, name));
        }
    }
    if let RouteField::Inline(route) = &file.route {
        let range = top_level_range(source, "route").unwrap_or(whole.clone());
        fields.push(map_field(
            source,
            "route.description",
            &route.description,
            false,
            range,
            "description",
        ));
    }
    if let Some(ContactField::Inline(c)) = &file.contact {
        let range = top_level_range(source, "contact").unwrap_or(whole.clone());
        let parts = [
            ("name", Some(&c.name)),
            ("phone", Some(&c.phone)),
            ("hours", c.hours.as_ref()),
        ];
        for (key, value) in parts {
            if let Some(value) = value {
                let name = format!("contact.{key}");
                fields.push(map_field(source, &name, value, false, range.clone(), key));
            }
        }
    }
    let items = section_items(source);
    for (i, section) in file.sections.iter().enumerate() {
        let range = items.get(i).cloned().unwrap_or(whole.clone());
        if let Some(h) = &section.heading {
            let name = format!("sections[{i}].heading");
            fields.push(map_field(source, &name, h, false, range.clone(), "heading"));
        }
        let name = format!("sections[{i}].body");
        fields.push(map_field(
            source,
            &name,
            &section.body,
            true,
            range.clone(),
            "body",
        ));
        // Captions are printed text: checked and located like any other.
        for (j, f) in section.figures.iter().enumerate() {
            if let Some(caption) = &f.caption {
                let name = format!("sections[{i}].figures[{j}].caption");
                fields.push(map_field(
                    source,
                    &name,
                    caption,
                    false,
                    range.clone(),
                    "caption",
                ));
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LeafletFile;

    const SRC: &str = "title: Wondzorg  thuis\nrevised: 2025-01-01\nauthors: Team\nroute: 105\nsections:\n  - heading: Wat?\n    body: |\n      Eerste regel.\n      Tweede  regel.\n  - body: |\n      - lijst\n      Derde regel.\n";

    #[test]
    fn finds_value_lines_in_block_scalars() {
        let file: LeafletFile = crate::source::yaml::parse(SRC).unwrap();
        let fields = text_fields(&file, SRC);
        let title = &fields[0];
        assert_eq!(title.position(SRC, 0, 8), Some((1, 16)));
        let body0 = fields
            .iter()
            .find(|f| f.field == "sections[0].body")
            .unwrap();
        assert_eq!(body0.position(SRC, 1, 6), Some((9, 13)));
        let body1 = fields
            .iter()
            .find(|f| f.field == "sections[1].body")
            .unwrap();
        assert_eq!(body1.position(SRC, 1, 0), Some((12, 7)));
    }
}
