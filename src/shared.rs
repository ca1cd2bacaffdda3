//! Data many leaflets share, defined once in a `_data/` folder: routes, the house style and
//! the hyphenation exceptions. The folder is found by walking up from a leaflet's own folder,
//! so a library can be split into sub-folders that still share one `_data/`.

use crate::diagnostic::Diagnostic;
use crate::style::HouseStyle;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const DATA_DIR: &str = "_data";
pub const ROUTES_FILE: &str = "routes.yaml";
pub const STYLE_FILE: &str = "style.yaml";
pub const CONTACTS_FILE: &str = "contacts.yaml";
pub const HYPHENATION_FILE: &str = "hyphenation.txt";

#[derive(Debug, Clone, Default)]
pub struct SharedData {
    /// The `_data` folder these came from; `None` when no leaflet folder has one.
    pub dir: Option<PathBuf>,
    /// Route number → description, e.g. `105` → `oncologisch dagziekenhuis en consultaties`.
    pub routes: BTreeMap<String, String>,
    /// Contact key → details, e.g. `oncologie` → Oncologisch dagziekenhuis, 03 821 30 00.
    pub contacts: BTreeMap<String, crate::model::Contact>,
    pub style: HouseStyle,
    /// The exception list's text, one word per line with its breaks (`kan-ker-im-mu-no`).
    pub hyphenation: String,
    /// Raw bytes of the style and exception files, for the incremental-build hash.
    pub style_source: String,
}

/// The nearest `_data` folder at or above `dir`.
pub fn find_data_dir(dir: &Path) -> Option<PathBuf> {
    let mut at = Some(dir);
    while let Some(d) = at {
        let candidate = d.join(DATA_DIR);
        if candidate.is_dir() {
            return Some(candidate);
        }
        at = d.parent();
    }
    None
}

impl SharedData {
    /// Loads `_data/` (every file optional). Errors name the file and line.
    pub fn load(dir: Option<&Path>) -> Result<SharedData, Vec<Diagnostic>> {
        let Some(dir) = dir else {
            return Ok(SharedData::default());
        };
        let mut data = SharedData {
            dir: Some(dir.to_path_buf()),
            ..SharedData::default()
        };
        let mut errors = Vec::new();

        let routes_path = dir.join(ROUTES_FILE);
        if let Some(text) = read_optional(&routes_path, &mut errors) {
            match serde_yaml::from_str::<Option<serde_yaml::Mapping>>(&text) {
                Ok(map) => {
                    for (k, v) in map.unwrap_or_default() {
                        let key = scalar(&k);
                        match v {
                            serde_yaml::Value::String(s) => {
                                data.routes.insert(key, s.trim().to_string());
                            }
                            _ => errors.push(
                                Diagnostic::error(
                                    &routes_path,
                                    format!("route `{key}` has no description text"),
                                )
                                .hint("write each route as `105: oncologisch dagziekenhuis`"),
                            ),
                        }
                    }
                }
                Err(e) => errors.push(located(&routes_path, &e).hint(
                    "each line is `number: description`, e.g. `105: oncologisch dagziekenhuis`",
                )),
            }
        }

        let contacts_path = dir.join(CONTACTS_FILE);
        if let Some(text) = read_optional(&contacts_path, &mut errors) {
            match serde_yaml::from_str::<Option<BTreeMap<String, crate::model::Contact>>>(&text) {
                Ok(map) => data.contacts = map.unwrap_or_default(),
                Err(e) => errors.push(located(&contacts_path, &e).hint(
                    "each contact is a key with `name:`, `phone:` and optionally `hours:` under it",
                )),
            }
        }

        let style_path = dir.join(STYLE_FILE);
        if let Some(text) = read_optional(&style_path, &mut errors) {
            match serde_yaml::from_str::<Option<HouseStyle>>(&text) {
                Ok(style) => data.style = style.unwrap_or_default(),
                Err(e) => {
                    errors.push(located(&style_path, &e).hint(
                        "the house-style settings and their defaults are listed in the README",
                    ))
                }
            }
            data.style_source = text;
        }

        if let Some(text) = read_optional(&dir.join(HYPHENATION_FILE), &mut errors) {
            data.hyphenation = text;
        }
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}

fn scalar(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.trim().to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

fn read_optional(path: &Path, errors: &mut Vec<Diagnostic>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            errors.push(Diagnostic::error(
                path,
                format!("cannot read this file: {e}"),
            ));
            None
        }
    }
}

fn located(path: &Path, e: &serde_yaml::Error) -> Diagnostic {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    let d = Diagnostic::error(path, msg);
    match e.location() {
        Some(l) => d.at(l.line(), l.column()),
        None => d,
    }
}
