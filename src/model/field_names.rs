//! The hint for a field name the leaflet format does not know. The commonest cause is a
//! Dutch name (`titel`, `datum`), then a field typed at the wrong level (`title` inside a
//! section), then a typo. Each gets its own hint, and a suggestion is only ever a field
//! that is allowed where the slip is, so following a hint never leads to a second error.

use crate::t;

/// Dutch (and near-Dutch) names people type, with the field each means, by where it stands.
/// A name may mean different fields at different levels: `titel` of the leaflet is `title`,
/// of a section it is `heading`.
const DUTCH: &[(&str, &str)] = &[
    ("titel", "title"),
    ("titel", "heading"),
    ("naam", "title"),
    ("naam", "name"),
    ("ondertitel", "subtitle"),
    ("afdeling", "department"),
    ("dienst", "department"),
    ("datum", "revised"),
    ("herzien", "revised"),
    ("herziening", "revised"),
    ("herzieningsdatum", "revised"),
    ("aangepast", "revised"),
    ("laatst_aangepast", "revised"),
    ("auteur", "authors"),
    ("auteurs", "authors"),
    ("schrijvers", "authors"),
    ("secties", "sections"),
    ("hoofdstukken", "sections"),
    ("onderdelen", "sections"),
    ("kop", "heading"),
    ("kopje", "heading"),
    ("hoofding", "heading"),
    ("koptekst", "heading"),
    ("tekst", "body"),
    ("inhoud", "body"),
    ("nummer", "number"),
    ("nr", "number"),
    ("beschrijving", "description"),
    ("omschrijving", "description"),
    ("contactpersoon", "contact"),
    ("contactgegevens", "contact"),
    ("telefoon", "phone"),
    ("tel", "phone"),
    ("telefoonnummer", "phone"),
    ("uren", "hours"),
    ("openingsuren", "hours"),
    ("taal", "lang"),
    ("versie", "version"),
    ("versienummer", "version"),
    ("versienr", "version"),
    ("documentcode", "code"),
    ("kenmerk", "code"),
    ("website", "online"),
    ("url", "online"),
    ("link", "online"),
    ("figuren", "figures"),
    ("figuur", "figures"),
    ("afbeeldingen", "figures"),
    ("afbeelding", "figures"),
    ("fotos", "figures"),
    ("foto", "figures"),
    ("bestand", "file"),
    ("afbeelding", "file"),
    ("foto", "file"),
    ("beschrijving", "alt"),
    ("omschrijving", "alt"),
    ("alt-tekst", "alt"),
    ("alttekst", "alt"),
    ("alt_tekst", "alt"),
    ("bijschrift", "caption"),
    ("onderschrift", "caption"),
    ("breedte", "width"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("e_mail", "email"),
    ("emailadres", "email"),
];

/// English words people guess for a field, with the field the format calls it.
const GUESSES: &[(&str, &str)] = &[
    ("text", "body"),
    ("content", "body"),
    ("contents", "body"),
    ("paragraph", "body"),
    ("header", "heading"),
    ("head", "heading"),
    ("language", "lang"),
    ("date", "revised"),
    ("author", "authors"),
    ("section", "sections"),
    ("image", "figures"),
    ("images", "figures"),
    ("figure", "figures"),
    ("url", "online"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("description", "alt"),
    ("path", "file"),
    ("src", "file"),
];

/// Where each field belongs, to say "this belongs at the top" rather than "did you mean
/// the same word".
const LEVELS: &[(&str, &str)] = &[
    ("title", "top"),
    ("subtitle", "top"),
    ("department", "top"),
    ("revised", "top"),
    ("authors", "top"),
    ("route", "top"),
    ("contact", "top"),
    ("sections", "top"),
    ("lang", "top"),
    ("code", "top"),
    ("version", "top"),
    ("online", "top"),
    ("heading", "section"),
    ("body", "section"),
    ("number", "route"),
    ("description", "route"),
    ("name", "contact"),
    ("phone", "contact"),
    ("hours", "contact"),
    ("email", "contact"),
    ("figures", "section"),
    ("file", "figure"),
    ("alt", "figure"),
    ("caption", "figure"),
    ("width", "figure"),
];

/// The fields serde lists as allowed: "unknown field `x`, expected one of `a`, `b`" or
/// "expected `a` or `b`".
pub fn expected_fields(message: &str) -> Vec<&str> {
    let Some((_, list)) = message.split_once("expected") else {
        return Vec::new();
    };
    list.split('`').skip(1).step_by(2).collect()
}

/// The hint for `name`, unknown where `allowed` are the fields that may stand there.
pub fn hint(name: &str, allowed: &[&str]) -> String {
    let lower = name.to_lowercase();
    // Editors that capitalise a line's first letter turn `route` into `Route`.
    if lower != name && allowed.contains(&lower.as_str()) {
        return t!("field-lowercase-hint", name = name, field = lower);
    }
    if let Some((_, field)) = GUESSES
        .iter()
        .find(|(guess, field)| *guess == lower && allowed.contains(field))
    {
        return t!("field-guess-hint", name = name, field = *field);
    }
    if let Some((_, field)) = DUTCH
        .iter()
        .find(|(dutch, field)| *dutch == lower && allowed.contains(field))
    {
        return t!("field-dutch-hint", name = name, field = *field);
    }
    if let Some((_, level)) = LEVELS.iter().find(|(f, _)| *f == lower) {
        let id = match *level {
            "top" => "field-belongs-top",
            "section" => "field-belongs-section",
            "route" => "field-belongs-route",
            "figure" => "field-belongs-figure",
            _ => "field-belongs-contact",
        };
        let here = allowed
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return t!(id, name = name, allowed = here);
    }
    let closest = allowed
        .iter()
        .filter(|f| **f != name)
        .map(|f| (strsim::levenshtein(&lower, f), *f))
        .filter(|(d, f)| *d <= 2.max(f.len() / 3))
        .min();
    // Abbreviations (`desc`) are too far from the full name for an edit distance.
    let prefix = allowed
        .iter()
        .find(|f| lower.len() >= 3 && f.starts_with(lower.as_str()));
    match closest.map(|(_, f)| f).or(prefix.copied()) {
        Some(best) => t!("field-did-you-mean", best = best),
        None => t!("field-remove-hint"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    const TOP: &[&str] = &[
        "title",
        "subtitle",
        "department",
        "revised",
        "authors",
        "route",
        "contact",
        "sections",
    ];
    const SECTION: &[&str] = &["heading", "body"];

    #[test]
    fn serde_lists_the_allowed_fields() {
        assert_eq!(
            expected_fields("unknown field `titel`, expected `heading` or `body`"),
            ["heading", "body"]
        );
    }

    #[test]
    fn a_dutch_name_maps_to_its_field_at_that_level() {
        scoped(Lang::En, || {
            assert!(hint("titel", TOP).contains("`title`"));
            assert!(hint("titel", SECTION).contains("`heading`"));
            assert!(hint("datum", TOP).contains("`revised`"));
            assert!(hint("Auteurs", TOP).contains("`authors`"));
        });
    }

    #[test]
    fn a_field_at_the_wrong_level_is_not_offered_to_itself() {
        let h = scoped(Lang::En, || hint("title", SECTION));
        assert!(!h.contains("did you mean `title`"), "{h}");
        assert!(h.contains("`heading`"), "{h}");
    }

    #[test]
    fn capitals_english_guesses_and_figure_fields_get_their_own_hint() {
        scoped(Lang::En, || {
            assert!(
                hint("Route", TOP).contains("small letters"),
                "{}",
                hint("Route", TOP)
            );
            assert!(hint("text", SECTION).contains("write `body`"));
            assert!(hint("header", SECTION).contains("write `heading`"));
            assert!(hint("bijschrift", &["file", "alt", "caption", "width"]).contains("`caption`"));
            assert!(hint("caption", SECTION).contains("belongs to a figure"));
            assert!(hint("figures", TOP).contains("inside a section"));
        });
    }

    #[test]
    fn typos_get_the_nearest_allowed_field() {
        let h = scoped(Lang::En, || hint("autors", TOP));
        assert!(h.starts_with("did you mean `authors`?"), "{h}");
        let h = scoped(Lang::En, || hint("kleur", TOP));
        assert!(h.starts_with("remove this field"), "{h}");
    }
}
