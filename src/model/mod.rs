//! The leaflet as the secretariat writes it (YAML), checked and resolved into a [`Leaflet`].
//!
//! Parsing is strict (`deny_unknown_fields`) because a misspelt key would otherwise vanish
//! silently from a printed medical text. Shared entries (routes) are resolved here, so later
//! stages never see a key they cannot print.

use crate::diagnostic::{Diagnostic, locate_key};
use crate::shared::SharedData;
use crate::sourcemap::TextField;
use crate::t;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use std::path::Path;

mod contacts;
pub mod control;
pub(crate) mod dutch_date;
mod field_names;
mod fields;
pub mod figures;
mod indent;
mod suggest;
pub mod yaml_errors;
pub use fields::text_fields;

/// Larger leaflet files are refused: a patient leaflet is a few kilobytes, and a
/// megabyte of YAML is a paste accident, not a leaflet.
pub const MAX_FILE_BYTES: usize = crate::source::file::MAX_FILE_BYTES as usize;

/// A leaflet file exactly as written: the serde view of the YAML.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Leaflet",
    description = "A hospital patient leaflet, typeset by `leaflet build`."
)]
pub struct LeafletFile {
    /// The leaflet's title, printed large on the first page.
    pub title: String,
    /// An optional line under the title.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The department, printed above the title.
    #[serde(default)]
    pub department: Option<String>,
    /// Date of the last revision, year-month-day, e.g. 2016-03-23.
    #[serde(deserialize_with = "iso_date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub revised: NaiveDate,
    /// Who wrote the leaflet, printed in the footer after "Auteur(s):".
    pub authors: String,
    /// The route to follow in the hospital: a number from `_data/routes.yaml`, or written in full.
    pub route: RouteField,
    /// Who to call: a key from `_data/contacts.yaml`, or written in full. Printed with the route.
    #[serde(default)]
    pub contact: Option<ContactField>,
    /// The text, section by section.
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    /// The printed language: `nl` (the default), `fr` or `en`. It sets the hyphenation,
    /// the quotes and spacing, and the labels the typesetter prints (footer, route).
    #[serde(default)]
    pub lang: crate::lang::Lang,
    /// The hospital's document code, e.g. HEM-012: printed in the footer, written into the
    /// PDF's metadata and the index.
    #[serde(default)]
    pub code: Option<String>,
    /// The revision number of the text, e.g. 3: raise it whenever the text changes.
    #[serde(default)]
    pub version: Option<u32>,
    /// The address of the leaflet's online version (https://…), printed as a QR code.
    #[serde(default)]
    pub online: Option<String>,
}

/// `contact: oncologie` (a key into `_data/contacts.yaml`) or a contact written in full.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ContactField {
    Key(String),
    Inline(Contact),
}

/// A department's contact details: shared entries and inline ones have one type.
pub use crate::shared::Contact;

/// `route: 105` (a key into `_data/routes.yaml`) or an inline route.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RouteField {
    Key(RouteKey),
    Inline(InlineRoute),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RouteKey {
    Number(u64),
    Text(String),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InlineRoute {
    /// The route number on the signs, e.g. 105.
    pub number: RouteKey,
    /// Where the route leads, e.g. "oncologisch dagziekenhuis en consultaties".
    pub description: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    /// The section's heading; leave it out for an opening section.
    #[serde(default)]
    pub heading: Option<String>,
    /// The text, in light Markdown, written as a `|` block: blank lines between paragraphs,
    /// `- ` for lists, `**bold**`, `[text](https://…)` for a link (the address is printed),
    /// a `\` at a line's end to keep the line break, pipe tables. Headings, HTML, images,
    /// code and quotes are refused.
    #[serde(default)]
    pub body: String,
    /// Pictures printed after the text: each a `file` (PNG, JPEG or SVG, relative to the
    /// leaflet), an `alt` text (required), an optional `caption` and `width` (e.g. `60 %`).
    #[serde(default)]
    pub figures: Vec<figures::FigureFile>,
}

fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        serde::de::Error::custom(format!(
            "`{text}` is not a date; write it as year-month-day, e.g. 2016-03-23"
        ))
    })
}

/// A checked leaflet, every reference resolved, ready to typeset.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaflet {
    pub title: String,
    pub subtitle: Option<String>,
    pub department: Option<String>,
    pub revised: NaiveDate,
    pub authors: String,
    pub route: Route,
    /// The contact details and, when they came from `_data/contacts.yaml`, their key.
    pub contact: Option<(Contact, Option<String>)>,
    pub sections: Vec<Section>,
    pub lang: crate::lang::Lang,
    /// Document control: the hospital's code and the text's version.
    pub code: Option<String>,
    pub version: Option<u32>,
    /// The checked https address of the online version.
    pub online: Option<String>,
    /// Every text field with its place in the source, for locating later findings.
    pub fields: Vec<TextField>,
    /// What the source says that the leaflet will not print (a `#` comment after a title).
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub number: String,
    pub description: String,
    /// The key into `_data/routes.yaml`, when the route came from there.
    pub shared_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Option<String>,
    /// Light Markdown.
    pub body: String,
    /// Pictures printed after the text, in order.
    pub figures: Vec<figures::Figure>,
}

impl RouteKey {
    fn as_string(&self) -> String {
        match self {
            RouteKey::Number(n) => n.to_string(),
            RouteKey::Text(s) => s.trim().to_string(),
        }
    }
}

/// Parses and checks one leaflet's YAML. `path` is only used in messages.
pub fn parse(path: &Path, source: &str, shared: &SharedData) -> Result<Leaflet, Vec<Diagnostic>> {
    // Windows editors save "UTF-8 with BOM"; serde_yaml would read the mark as part of the
    // first key and report a missing field.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.len() > MAX_FILE_BYTES {
        return Err(vec![
            Diagnostic::error(
                path,
                t!(
                    "file-too-large",
                    size = source.len() / 1024,
                    max = MAX_FILE_BYTES / 1024
                ),
            )
            .hint(t!("file-too-large-hint")),
        ]);
    }
    if source
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(vec![
            Diagnostic::error(path, t!("file-empty")).hint(t!("file-empty-hint")),
        ]);
    }
    // serde_yaml's scanner does work quadratic in the nesting depth before it refuses it.
    crate::source::file::nesting_guard(path, source).map_err(|d| vec![d])?;
    if let Some(d) = line_separator(path, source) {
        return Err(vec![d]);
    }
    let file: LeafletFile = crate::source::yaml::parse(source).map_err(|e| {
        // `phone: ~` fails as "invalid type: unit value"; the trap names it plainly.
        let nulls = crate::source::traps::null_values(path, source);
        if nulls.is_empty() {
            vec![yaml_error(path, source, &e)]
        } else {
            nulls
        }
    })?;
    let fields = text_fields(&file, source);
    let (trap_errors, warnings): (Vec<_>, Vec<_>) =
        crate::source::traps::check(path, source, &fields)
            .into_iter()
            .partition(Diagnostic::is_error);
    match resolve(path, source, file, shared) {
        Ok(mut leaflet) if trap_errors.is_empty() => {
            let mut warnings = warnings;
            warnings.extend(untranslated(path, source, &leaflet, shared));
            warnings.extend(contacts::check(
                path,
                source,
                &fields,
                shared,
                leaflet.contact.as_ref(),
            ));
            warnings.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
            leaflet.fields = fields;
            leaflet.warnings = warnings;
            Ok(leaflet)
        }
        Ok(_) => Err(trap_errors),
        Err(mut errors) => {
            // A placeholder route is one problem, not also an unknown key.
            errors.retain(|e| e.field.is_none() || !trap_errors.iter().any(|t| t.field == e.field));
            errors.extend(trap_errors);
            errors.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
            Err(errors)
        }
    }
}

/// A warning for each shared entry a French or English leaflet prints in Dutch, because
/// `_data/routes.fr.yaml` (or `contacts.fr.yaml`, …) has no entry for its key.
fn untranslated(
    path: &Path,
    source: &str,
    leaflet: &Leaflet,
    shared: &SharedData,
) -> Vec<Diagnostic> {
    let lang = leaflet.lang;
    let mut out = Vec::new();
    let mut warn = |field: &str, key: &str, file: &str| {
        let d = Diagnostic::warning(
            path,
            t!(
                "shared-untranslated",
                field = field,
                key = key,
                lang = lang.code()
            ),
        )
        .field(field)
        .hint(t!(
            "shared-untranslated-hint",
            field = field,
            key = key,
            file = file,
            lang = lang.code()
        ));
        out.push(match locate_key(source, field) {
            Some((l, c)) => d.at(l, c),
            None => d,
        });
    };
    if let Some(key) = &leaflet.route.shared_key
        && shared
            .route_in(key, lang)
            .is_some_and(|(_, fell_back)| fell_back)
    {
        warn("route", key, "routes");
    }
    if let Some((_, Some(key))) = &leaflet.contact
        && shared
            .contact_in(key, lang)
            .is_some_and(|(_, fell_back)| fell_back)
    {
        warn("contact", key, "contacts");
    }
    out
}

/// Characters YAML 1.1 reads as line breaks although editors show none (Word and web
/// pages paste them): serde_yaml would then report a wrong line, or split a value.
const LINE_SEPARATORS: &[char] = &['\u{2028}', '\u{2029}', '\u{85}'];

/// The first pasted line or paragraph separator, at the line and column an editor shows.
fn line_separator(path: &Path, source: &str) -> Option<Diagnostic> {
    let at = source.find(LINE_SEPARATORS)?;
    let c = source[at..].chars().next()?;
    let line_start = source[..at].rfind('\n').map_or(0, |n| n + 1);
    Some(
        Diagnostic::error(
            path,
            t!("line-separator", code = format!("U+{:04X}", c as u32)),
        )
        .at(
            source[..at].matches('\n').count() + 1,
            source[line_start..at].chars().count() + 1,
        )
        .hint(t!("line-separator-hint")),
    )
}

fn resolve(
    path: &Path,
    source: &str,
    file: LeafletFile,
    shared: &SharedData,
) -> Result<Leaflet, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let located = |field: &str, message: String| {
        let d = Diagnostic::error(path, message).field(field);
        match locate_key(source, field) {
            Some((l, c)) => d.at(l, c),
            None => d,
        }
    };
    for (field, value) in [("title", &file.title), ("authors", &file.authors)] {
        if value.trim().is_empty() {
            let hint = if field == "title" {
                t!("title-empty-hint")
            } else {
                t!("authors-empty-hint")
            };
            errors.push(located(field, t!("field-empty", name = field)).hint(hint));
        }
    }
    if !(1900..=2999).contains(&file.revised.year()) {
        errors.push(
            located(
                "revised",
                t!("year-wrong", year = file.revised.year().to_string()),
            )
            .hint(t!("year-wrong-hint")),
        );
    }
    let route = match file.route {
        RouteField::Inline(r) => Some(Route {
            number: r.number.as_string(),
            description: r.description.trim().to_string(),
            shared_key: None,
        }),
        RouteField::Key(k) => {
            let key = k.as_string();
            match shared.route_in(&key, file.lang).map(|(d, _)| d) {
                Some(description) => Some(Route {
                    number: key.clone(),
                    description: description.clone(),
                    shared_key: Some(key),
                }),
                None => {
                    let d = located("route", t!("route-unknown", key = key.as_str()));
                    // The caret under the value that names no route, not the key.
                    let d = match yaml_errors::value_of(source, "route") {
                        Some((l, c)) => d.at(l, c).spanning(key.chars().count()),
                        None => d,
                    };
                    errors.push(match route_in_words(&key, shared) {
                        Some(number) => d.hint(t!("route-in-words-hint", number = number)),
                        None => unknown_key(
                            d,
                            &key,
                            shared
                                .routes
                                .iter()
                                .map(|(k, description)| (k.as_str(), vec![description.as_str()]))
                                .collect(),
                            "routes.yaml",
                            "`route: {number: 105, description: ...}`",
                        ),
                    });
                    None
                }
            }
        }
    };
    let contact = match file.contact {
        None => None,
        Some(ContactField::Inline(c)) => Some((c, None)),
        Some(ContactField::Key(key)) => {
            let key = key.trim().to_string();
            match shared.contact_in(&key, file.lang).map(|(c, _)| c) {
                Some(c) => Some((c.clone(), Some(key))),
                None => {
                    errors.push(unknown_key(
                        located("contact", t!("contact-unknown", key = key.as_str())),
                        &key,
                        shared
                            .contacts
                            .iter()
                            .map(|(k, c)| (k.as_str(), vec![c.name.as_str(), c.phone.as_str()]))
                            .collect(),
                        "contacts.yaml",
                        "`contact: {name: ..., phone: ...}`",
                    ));
                    None
                }
            }
        }
    };
    let control = control::check(path, source, file.code, file.version, file.online)
        .map_err(|e| errors.extend(e))
        .ok();
    let places = figures::Places::new(source);
    let mut sections = Vec::with_capacity(file.sections.len());
    for (i, s) in file.sections.into_iter().enumerate() {
        let figures = s
            .figures
            .into_iter()
            .enumerate()
            .filter_map(|(j, f)| figures::resolve(path, &places, i, j, f, &mut errors))
            .collect();
        sections.push(Section {
            heading: s
                .heading
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty()),
            body: s.body,
            figures,
        });
    }
    if let Some(control) = control
        && errors.is_empty()
    {
        Ok(Leaflet {
            lang: file.lang,
            code: control.code,
            version: control.version,
            online: control.online,
            contact,
            title: file.title.trim().to_string(),
            subtitle: file
                .subtitle
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            department: file
                .department
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            revised: file.revised,
            authors: file.authors.trim().to_string(),
            route: route.expect("no errors means the route resolved"),
            sections,
            fields: Vec::new(),
            warnings: Vec::new(),
        })
    } else {
        Err(errors)
    }
}

/// The hint for a key missing from a `_data` file: the keys there are, or how to write the
/// entry in full when the file has none.
/// The hint for a route or contact key the shared data does not have: the key it most
/// likely means, else the known keys and how to add one.
fn unknown_key(
    d: Diagnostic,
    key: &str,
    candidates: Vec<(&str, Vec<&str>)>,
    file: &str,
    inline: &str,
) -> Diagnostic {
    let known: Vec<&str> = candidates.iter().map(|(k, _)| *k).collect();
    if let Some(best) = suggest::closest_key(key, &candidates) {
        let field = if file == "routes.yaml" {
            "route"
        } else {
            "contact"
        };
        return d.hint(t!(
            "shared-did-you-mean",
            best = best,
            example = format!("{field}: {best}")
        ));
    }
    d.hint(if known.is_empty() {
        t!("shared-add-or-inline", file = file, inline = inline)
    } else if file == "routes.yaml" {
        t!(
            "routes-known",
            known = known.join(", "),
            key = key,
            file = file
        )
    } else {
        t!(
            "contacts-known",
            known = known.join(", "),
            key = key,
            file = file
        )
    })
}

/// `route: route 42` or `route: nr. 42`: the number is in there, with words the shared
/// routes do not have. Returns the number when the routes know it, so the hint can say to
/// keep only that instead of suggesting a new route called "route 42".
fn route_in_words(key: &str, shared: &SharedData) -> Option<String> {
    let digits: Vec<&str> = key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    match digits[..] {
        [number] if number != key && shared.routes.contains_key(number) => Some(number.to_string()),
        _ => None,
    }
}

/// Turns a serde_yaml error into a message a secretary can act on.
fn yaml_error(path: &Path, source: &str, e: &crate::source::yaml::Error) -> Diagnostic {
    yaml_errors::explain(path, source, e)
}

pub(crate) const FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "department",
    "revised",
    "authors",
    "route",
    "sections",
    "heading",
    "body",
    "number",
    "description",
    "contact",
    "name",
    "phone",
    "hours",
    "lang",
    "code",
    "version",
    "online",
    "figures",
    "file",
    "alt",
    "caption",
    "width",
];

/// The known field nearest to a misspelt one, if any is near enough to be a typo.
pub fn closest_field(name: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .map(|f| (strsim::levenshtein(name, f), *f))
        .filter(|(d, f)| *d <= 2.max(f.len() / 3))
        .min()
        .map(|(_, f)| f)
}

pub use crate::lang::DUTCH_MONTHS;

/// "23 maart 2016": how the revision date is printed.
pub fn dutch_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        DUTCH_MONTHS[date.month0() as usize],
        date.year()
    )
}
