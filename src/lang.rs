//! The printed language of a leaflet: everything the typesetter writes itself (footer,
//! route and contact labels, dates, the notes page) in Dutch, French or English, and the
//! tag that `/Lang` and the XMP carry.
//!
//! Flemish hospitals publish in Dutch; Brussels hospitals must publish in French too, and
//! some print an English version for visitors. The labels follow what Belgian hospitals
//! print ("Dernière mise à jour", "Suivez la route"), with French punctuation spacing.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;

/// A no-break space: French puts it before the colon (Lexique de l'Imprimerie nationale).
pub const NBSP: char = '\u{a0}';
/// A narrow no-break space: French puts it before ; ! ? and inside « ».
pub const NNBSP: char = '\u{202f}';

/// `lang: nl | fr | en`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch as written in Flanders (nl-BE): the default.
    #[default]
    Nl,
    /// French as written in Belgium (fr-BE).
    Fr,
    /// British English (en-GB): the spelling Belgian hospitals use for visitors.
    En,
}

/// The Dutch month names, as printed in dates and recognised in text.
pub const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month name in any leaflet language ("maart", "mars", "march"), lower-case: the
/// normaliser ties "23 mars 2016" together whatever the leaflet's language.
pub fn is_month_name(lower: &str) -> bool {
    DUTCH_MONTHS.contains(&lower)
        || FRENCH_MONTHS.contains(&lower)
        || ENGLISH_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(lower))
}

impl Lang {
    /// The BCP 47 tag for `/Lang`, `dc:language` and `index.json`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-BE",
            Lang::Fr => "fr-BE",
            Lang::En => "en-GB",
        }
    }

    /// The languages besides Dutch, whose shared entries live in `routes.fr.yaml` etc.
    pub const TRANSLATED: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language's name in messages to the (Dutch-speaking) secretariat's editors.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Dutch",
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }

    /// The two-letter code as the leaflet writes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// "23 maart 2016", "23 mars 2016", "23 March 2016" (a French "1er" for the first).
    pub fn date(self, date: NaiveDate) -> String {
        let month = date.month0() as usize;
        match self {
            Lang::Nl => format!("{} {} {}", date.day(), DUTCH_MONTHS[month], date.year()),
            Lang::Fr if date.day() == 1 => format!("1er {} {}", FRENCH_MONTHS[month], date.year()),
            Lang::Fr => format!("{} {} {}", date.day(), FRENCH_MONTHS[month], date.year()),
            Lang::En => format!("{} {} {}", date.day(), ENGLISH_MONTHS[month], date.year()),
        }
    }

    /// A label followed by a colon, spaced as the language wants: "Contact: ",
    /// "Contact : " (no-break space before the French colon).
    pub fn colon(self, label: &str) -> String {
        match self {
            Lang::Fr => format!("{label}{NBSP}: "),
            _ => format!("{label}: "),
        }
    }

    /// The footer's first line: "Laatst aangepast: 23 maart 2016".
    pub fn last_updated(self, date: NaiveDate) -> String {
        let label = match self {
            Lang::Nl => "Laatst aangepast",
            Lang::Fr => "Dernière mise à jour",
            // English writes no colon here: "Last updated 23 March 2016".
            Lang::En => return format!("Last updated {}", self.date(date)),
        };
        format!("{}{}", self.colon(label), self.date(date))
    }

    /// The footer's authors line: "Auteur(s): Team hematologie".
    pub fn authors(self, authors: &str) -> String {
        let label = match self {
            Lang::Nl | Lang::Fr => "Auteur(s)",
            Lang::En => "Authors",
        };
        format!("{}{authors}", self.colon(label))
    }

    /// The document code and version in the footer: "HEM-012 versie 3".
    pub fn document_control(self, code: Option<&str>, version: Option<u32>) -> Option<String> {
        let word = match self {
            Lang::Nl => "versie",
            Lang::Fr | Lang::En => "version",
        };
        match (code, version) {
            (None, None) => None,
            (Some(c), None) => Some(c.to_string()),
            (None, Some(v)) => Some(format!("{word}\u{a0}{v}")),
            (Some(c), Some(v)) => Some(format!("{c} {word}\u{a0}{v}")),
        }
    }

    /// The page number on the right of the footer: "1/4", "Page 1/4", "Page 1 of 4".
    pub fn page_number(self, number: usize, of: usize) -> String {
        match self {
            Lang::Nl => format!("{number}/{of}"),
            Lang::Fr => format!("Page {number}/{of}"),
            Lang::En => format!("Page {number} of {of}"),
        }
    }

    /// The widest page number the footer must leave room for.
    pub fn page_number_room(self) -> String {
        self.page_number(00, 00).replace('0', "00")
    }

    /// "Volg route 105", "Suivez la route 105", "Follow route 105".
    pub fn route(self, number: &str) -> String {
        match self {
            Lang::Nl => format!("Volg route {number}"),
            Lang::Fr => format!("Suivez la route {number}"),
            Lang::En => format!("Follow route {number}"),
        }
    }

    /// The contact block's label, with its colon.
    pub fn contact_label(self) -> String {
        self.colon("Contact")
    }

    /// "tel." before a phone number.
    pub fn phone(self) -> &'static str {
        match self {
            Lang::Nl | Lang::En => "tel.",
            Lang::Fr => "tél.",
        }
    }

    /// The heading of the lined page a patient writes questions on.
    pub fn notes_heading(self) -> &'static str {
        match self {
            Lang::Nl => "Notities",
            Lang::Fr => "Mes questions",
            Lang::En => "Notes",
        }
    }

    /// The label a screen reader announces before the contact and route block.
    pub fn aside_label(self) -> &'static str {
        match self {
            Lang::Nl => "Contact en route",
            Lang::Fr => "Contact et itinéraire",
            Lang::En => "Contact and directions",
        }
    }

    /// The line beside the QR code, above the short address.
    pub fn online_label(self) -> &'static str {
        match self {
            Lang::Nl => "Deze folder online",
            Lang::Fr => "Cette brochure en ligne",
            Lang::En => "This leaflet online",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn footer_labels_per_language() {
        let date = d(2016, 3, 23);
        assert_eq!(
            Lang::Nl.last_updated(date),
            "Laatst aangepast: 23 maart 2016"
        );
        assert_eq!(
            Lang::Fr.last_updated(date),
            "Dernière mise à jour\u{a0}: 23 mars 2016"
        );
        assert_eq!(Lang::En.last_updated(date), "Last updated 23 March 2016");
        assert_eq!(Lang::Fr.date(d(2016, 8, 1)), "1er août 2016");
        assert_eq!(Lang::Fr.authors("Équipe"), "Auteur(s)\u{a0}: Équipe");
        assert_eq!(Lang::En.authors("Team"), "Authors: Team");
        assert_eq!(Lang::En.page_number(1, 4), "Page 1 of 4");
        assert_eq!(Lang::Fr.page_number(1, 4), "Page 1/4");
        assert_eq!(Lang::Nl.page_number(1, 4), "1/4");
        assert_eq!(Lang::En.page_number_room(), "Page 00 of 00");
        assert_eq!(Lang::Fr.route("105"), "Suivez la route 105");
        assert_eq!(
            Lang::Nl
                .document_control(Some("HEM-012"), Some(3))
                .as_deref(),
            Some("HEM-012 versie\u{a0}3")
        );
        assert_eq!(Lang::Nl.document_control(None, None), None);
    }
}
