//! Data many leaflets share, defined once in a `_data/` folder: routes, contacts, the house
//! style and the hyphenation exceptions.
//!
//! `_data/` folders cascade: a leaflet reads every `_data/` from the library's top down to
//! its own folder, and a deeper one adds to and overrides the ones above it entry by entry
//! (a route, a contact, a style setting). So a large-print sub-folder can hold only a
//! `style.yaml` and still find every route of the library.
//!
//! Every file is read through [`crate::source::file`] (regular files only, a size limit, a
//! nesting guard), and the house style is validated here, once per library, with errors at
//! `style.yaml:line:col` naming the setting: a leaflet is never blamed for the style.

use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::source::file::{MAX_FILE_BYTES, nesting_guard, read_utf8};
use crate::source::yaml;
use crate::style::HouseStyle;
use crate::t;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::source::library::{DATA_DIR, data_dirs, locate_setting};
pub const ROUTES_FILE: &str = "routes.yaml";
pub const STYLE_FILE: &str = "style.yaml";
pub const CONTACTS_FILE: &str = "contacts.yaml";
pub const HYPHENATION_FILE: &str = "hyphenation.txt";

/// A department's contact details, as printed: "Contact: name, tel. phone, hours".
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Who answers, e.g. "Oncologisch dagziekenhuis".
    pub name: String,
    /// The phone number, e.g. "03 821 30 00".
    pub phone: String,
    /// When to call, e.g. "maandag tot vrijdag van 8 tot 17 uur".
    #[serde(default)]
    pub hours: Option<String>,
    /// An e-mail address for questions that are not urgent, e.g. "radiologie@uza.be".
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SharedData {
    /// The nearest `_data` folder these came from; `None` when no leaflet folder has one.
    pub dir: Option<PathBuf>,
    /// Route number → description, e.g. `105` → `oncologisch dagziekenhuis en consultaties`.
    pub routes: BTreeMap<String, String>,
    /// Contact key → details, e.g. `oncologie` → Oncologisch dagziekenhuis, 03 821 30 00.
    pub contacts: BTreeMap<String, Contact>,
    /// The same entries in French and English (`routes.fr.yaml`, `contacts.en.yaml`, …),
    /// for leaflets in that language; a key missing there falls back to the Dutch entry.
    pub translated_routes: BTreeMap<Lang, BTreeMap<String, String>>,
    pub translated_contacts: BTreeMap<Lang, BTreeMap<String, Contact>>,
    pub style: HouseStyle,
    /// The exception lists' text, one word per line with its breaks (`kan-ker-im-mu-no`),
    /// the deepest folder's last so its words win.
    pub hyphenation: String,
    /// Raw text of every style and exception file of the cascade, for the build hash.
    pub style_source: String,
    /// The hospital's name, address and logo (`hospital.yaml`), the deepest folder's.
    pub identity: Option<crate::identity::Loaded>,
}

/// The nearest `_data` folder at or above `dir`.
pub fn find_data_dir(dir: &Path) -> Option<PathBuf> {
    data_dirs(dir).pop()
}

impl SharedData {
    /// A shared route's description in `lang`, and whether it had to fall back to Dutch.
    pub fn route_in(&self, key: &str, lang: Lang) -> Option<(&String, bool)> {
        let nl = self.routes.get(key)?;
        if lang == Lang::Nl {
            return Some((nl, false));
        }
        match self.translated_routes.get(&lang).and_then(|m| m.get(key)) {
            Some(t) => Some((t, false)),
            None => Some((nl, true)),
        }
    }

    /// A shared contact in `lang`, and whether it had to fall back to Dutch.
    pub fn contact_in(&self, key: &str, lang: Lang) -> Option<(&Contact, bool)> {
        let nl = self.contacts.get(key)?;
        if lang == Lang::Nl {
            return Some((nl, false));
        }
        match self.translated_contacts.get(&lang).and_then(|m| m.get(key)) {
            Some(t) => Some((t, false)),
            None => Some((nl, true)),
        }
    }

    /// Every translation of a shared entry (`route:105`), for a build's input hash: a new
    /// French description rebuilds the French leaflets that use it.
    pub fn translations_of(&self, kind: &str, key: &str) -> String {
        let mut out = String::new();
        for lang in Lang::TRANSLATED {
            let value = match kind {
                "route" => self
                    .translated_routes
                    .get(&lang)
                    .and_then(|m| m.get(key))
                    .cloned(),
                _ => self
                    .translated_contacts
                    .get(&lang)
                    .and_then(|m| m.get(key))
                    .map(|c| format!("{c:?}")),
            };
            if let Some(v) = value {
                out.push_str(lang.code());
                out.push_str(&v);
            }
        }
        out
    }

    /// Loads the cascade ending at `dir` (every file optional): the `_data` folders above
    /// `dir`'s library folder first, `dir` last. Errors name the file and line.
    pub fn load(dir: Option<&Path>) -> Result<SharedData, Vec<Diagnostic>> {
        let Some(dir) = dir else {
            return Ok(SharedData::default());
        };
        let mut chain = dir
            .parent()
            .and_then(|library| library.parent())
            .map(data_dirs)
            .unwrap_or_default();
        chain.push(dir.to_path_buf());
        Self::load_chain(&chain)
    }

    /// Loads `_data` folders given outermost first, each adding to and overriding the last.
    pub fn load_chain(chain: &[PathBuf]) -> Result<SharedData, Vec<Diagnostic>> {
        let mut data = SharedData {
            dir: chain.last().cloned(),
            ..SharedData::default()
        };
        let mut errors = Vec::new();
        // The merged style mapping, and for each top-level setting the file that set it
        // last, so a range error is reported where the value was written.
        let mut style_layers = yaml::Layers::default();
        let mut style_origin: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        for dir in chain {
            load_routes(&dir.join(ROUTES_FILE), &mut data, &mut errors);
            load_contacts(&dir.join(CONTACTS_FILE), &mut data, &mut errors);
            for lang in Lang::TRANSLATED {
                let mut part = SharedData::default();
                let code = lang.code();
                load_routes(
                    &dir.join(format!("routes.{code}.yaml")),
                    &mut part,
                    &mut errors,
                );
                load_contacts(
                    &dir.join(format!("contacts.{code}.yaml")),
                    &mut part,
                    &mut errors,
                );
                let routes = data.translated_routes.entry(lang).or_default();
                routes.extend(part.routes);
                let contacts = data.translated_contacts.entry(lang).or_default();
                contacts.extend(part.contacts);
            }
            let style_path = dir.join(STYLE_FILE);
            if let Some(text) = read_yaml(&style_path, &mut errors) {
                match yaml::parse::<Option<HouseStyle>>(&text) {
                    // Parsed as a style alone first: its type errors keep their position.
                    Ok(_) => {
                        if let Ok(keys) = style_layers.overlay(&text) {
                            for k in keys {
                                style_origin.insert(k, (style_path.clone(), text.clone()));
                            }
                        }
                    }
                    Err(e) => errors.push(located(&style_path, &e).hint(t!("style-yaml-hint"))),
                }
                data.style_source.push_str(&text);
                data.style_source.push('\u{0}');
            }
            let hospital = dir.join(crate::identity::HOSPITAL_FILE);
            if let Some(text) = read_yaml(&hospital, &mut errors) {
                match crate::identity::load(dir, &text) {
                    Ok(loaded) => {
                        // The logo's hash with the text: a new logo rebuilds every leaflet.
                        data.style_source.push_str(&loaded.fingerprint);
                        data.style_source.push('\u{0}');
                        data.identity = Some(loaded);
                    }
                    Err(e) => errors.extend(e),
                }
            }
            let hyphenation = dir.join(HYPHENATION_FILE);
            if hyphenation.exists() {
                match read_utf8(&hyphenation, MAX_FILE_BYTES) {
                    Ok(text) => {
                        data.hyphenation.push_str(&text);
                        if !text.ends_with('\n') && !text.is_empty() {
                            data.hyphenation.push('\n');
                        }
                        data.style_source.push_str(&text);
                        data.style_source.push('\u{0}');
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
        if errors.is_empty() {
            match style_layers.parse::<HouseStyle>() {
                Ok(style) => data.style = style,
                Err(e) => {
                    let file = chain.last().map(|d| d.join(STYLE_FILE)).unwrap_or_default();
                    errors.push(Diagnostic::error(&file, e.to_string()));
                }
            }
            for p in data.style.problems() {
                let top = p.setting.split('.').next().unwrap_or(&p.setting);
                let d = match style_origin.get(top) {
                    Some((path, text)) => {
                        let d = Diagnostic::error(path, p.message);
                        match locate_setting(text, &p.setting) {
                            Some((line, col)) => d.at(line, col),
                            None => d,
                        }
                    }
                    // Out of range only together with other settings (a default margin and
                    // a set page size): blame the nearest style file.
                    None => Diagnostic::error(
                        &chain.last().map(|d| d.join(STYLE_FILE)).unwrap_or_default(),
                        p.message,
                    ),
                };
                errors.push(d.field(p.setting).hint(p.hint));
            }
        }
        if let Some(logo) = data.identity.as_ref().and_then(|i| i.logo.as_ref()) {
            let _ = logo.brand.set(data.style.brand_colours());
        }
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}

fn load_routes(path: &Path, data: &mut SharedData, errors: &mut Vec<Diagnostic>) {
    let Some(text) = read_yaml(path, errors) else {
        return;
    };
    match yaml::text_entries(&text) {
        Ok(entries) => {
            for (key, value) in entries {
                match value {
                    Some(s) => {
                        data.routes.insert(key, s);
                    }
                    None => errors.push(
                        Diagnostic::error(path, t!("route-no-description", key = key.as_str()))
                            .hint(t!("route-no-description-hint")),
                    ),
                }
            }
        }
        Err(e) => errors.push(located(path, &e).hint(t!("routes-yaml-hint"))),
    }
}

fn load_contacts(path: &Path, data: &mut SharedData, errors: &mut Vec<Diagnostic>) {
    let Some(text) = read_yaml(path, errors) else {
        return;
    };
    match yaml::parse::<Option<BTreeMap<String, Contact>>>(&text) {
        Ok(map) => data.contacts.extend(map.unwrap_or_default()),
        Err(e) => errors.push(located(path, &e).hint(t!("contacts-yaml-hint"))),
    }
}

/// A `_data` YAML file's text, or `None` when it does not exist. Read as any input is
/// (a regular file within the size limit) and refused when nested too deep, before
/// the YAML scanner can spend minutes on it.
fn read_yaml(path: &Path, errors: &mut Vec<Diagnostic>) -> Option<String> {
    if !path.exists() && path.symlink_metadata().is_err() {
        return None;
    }
    let text = match read_utf8(path, MAX_FILE_BYTES) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return None;
        }
    };
    if let Err(d) = nesting_guard(path, &text) {
        errors.push(d);
        return None;
    }
    // The house style's colours are written `"#0a5ca8"`; its own validation reads them.
    if path.file_name().is_none_or(|n| n != "style.yaml") {
        errors.extend(crate::source::traps::text_cut_by_hash(path, &text));
    }
    Some(text)
}

fn located(path: &Path, e: &yaml::Error) -> Diagnostic {
    let d = Diagnostic::error(path, yaml::message(e));
    match yaml::location(e) {
        Some((line, col)) => d.at(line, col),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn settings_are_located_flat_nested_and_in_flow_maps() {
        let text = "# huisstijl\nbody_size: 0\ntext_color: {c: 0, m: 0, y: 0, k: 2}\n\
                    accent_color:\n  c: 0.85\n  m: 1.5\n  y: 0\n  k: 0\nleading: 1.4\n";
        assert_eq!(locate_setting(text, "body_size"), Some((2, 1)));
        assert_eq!(locate_setting(text, "text_color.k"), Some((3, 32)));
        assert_eq!(locate_setting(text, "text_color.c"), Some((3, 14)));
        assert_eq!(locate_setting(text, "accent_color.m"), Some((6, 3)));
        assert_eq!(locate_setting(text, "leading"), Some((9, 1)));
        assert_eq!(locate_setting(text, "footer_size"), None);
    }

    #[test]
    fn a_sub_folder_adds_to_and_overrides_its_parent_entry_by_entry() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("leaflets/_data");
        let sub = dir.path().join("leaflets/groot/_data");
        fs::create_dir_all(&top).unwrap();
        fs::create_dir_all(&sub).unwrap();
        fs::write(top.join(ROUTES_FILE), "105: oncologie\n200: radiologie\n").unwrap();
        fs::write(top.join(STYLE_FILE), "body_size: 10\nleading: 1.4\n").unwrap();
        fs::write(top.join(HYPHENATION_FILE), "kan-ker\n").unwrap();
        fs::write(sub.join(ROUTES_FILE), "200: spoed\n").unwrap();
        fs::write(sub.join(STYLE_FILE), "body_size: 16\nalign: left\n").unwrap();
        let data =
            SharedData::load(find_data_dir(&dir.path().join("leaflets/groot")).as_deref()).unwrap();
        assert_eq!(data.routes["105"], "oncologie");
        assert_eq!(data.routes["200"], "spoed");
        assert_eq!(data.style.body_size, 16.0);
        assert_eq!(
            data.style.leading, 1.4,
            "a setting not overridden is inherited"
        );
        assert_eq!(data.style.align, crate::style::Align::Left);
        assert_eq!(data.hyphenation, "kan-ker\n");
        assert_eq!(data.dir.as_deref(), Some(sub.as_path()));
    }

    #[test]
    fn a_bad_style_is_refused_at_its_line_naming_the_setting() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("leaflets/_data");
        fs::create_dir_all(&data).unwrap();
        fs::write(
            data.join(STYLE_FILE),
            "leading: 1.4\nbody_size: 0\ntext_color: {c: 0, m: 0, y: 0, k: 2}\n",
        )
        .unwrap();
        let errors = SharedData::load(Some(&data)).unwrap_err();
        let got: Vec<_> = errors
            .iter()
            .map(|d| (d.line, d.column, d.field.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(2), Some(1), "body_size".to_string()),
                (Some(3), Some(32), "text_color.k".to_string()),
            ]
        );
        assert!(errors.iter().all(|d| d.file == data.join(STYLE_FILE)));
    }

    #[test]
    fn deep_nesting_in_a_data_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("_data");
        fs::create_dir_all(&data).unwrap();
        fs::write(data.join(ROUTES_FILE), "[".repeat(200_000)).unwrap();
        let started = std::time::Instant::now();
        let errors = SharedData::load(Some(&data)).unwrap_err();
        assert!(started.elapsed().as_secs() < 2);
        assert!(
            errors[0].message.contains("nested"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].line, Some(1));
    }
}
