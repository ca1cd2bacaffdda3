//! The library as `serve` sees it: the leaflets found under the given folders, each named
//! by its file stem, and each one's preview and diagnostics, kept until its inputs change.
//!
//! A request names a leaflet; it never names a file. Only files found by the library walk,
//! whose real path (symlinks resolved) lies inside one of the given folders, are read or
//! written, so `..`, absolute paths and symlinks pointing out are unreachable by design.

use crate::diagnostic::Diagnostic;
use crate::pipeline::Engine;
use crate::shared::{SharedData, data_dirs, find_data_dir};
use crate::source::file::{MAX_FILE_BYTES, read_utf8};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One leaflet file of the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file stem: the leaflet's name in URLs and its PDF's name.
    pub name: String,
    pub path: PathBuf,
}

/// What a leaflet's current text gives: its pages and everything `check` says about it.
pub struct Rendered {
    /// Changes whenever the leaflet or its shared data changes (a hash of their bytes).
    pub version: String,
    /// The pages as SVG; empty when the leaflet cannot be laid out.
    pub pages: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub title: Option<String>,
    pub revised: Option<chrono::NaiveDate>,
    /// `revised` plus the house style's review interval.
    pub review_due: Option<chrono::NaiveDate>,
}

pub struct Library {
    roots: Vec<PathBuf>,
    pub out: PathBuf,
    /// Fonts and patterns per hyphenation exception list: loaded once, like a batch does.
    engines: HashMap<String, Arc<Engine>>,
    cache: HashMap<String, Arc<Rendered>>,
}

impl Library {
    pub fn new(inputs: &[PathBuf], out: &Path) -> Library {
        Library {
            roots: inputs
                .iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect(),
            out: out.to_path_buf(),
            engines: HashMap::new(),
            cache: HashMap::new(),
        }
    }

    /// Every leaflet, by name (the first of two files with one name wins, as `build`
    /// refuses the second anyway).
    pub fn entries(&self) -> BTreeMap<String, Entry> {
        let found = crate::batch::discover(&self.roots, &self.out).unwrap_or_default();
        let mut map = BTreeMap::new();
        for path in found {
            let Ok(real) = std::fs::canonicalize(&path) else {
                continue;
            };
            if !self.roots.iter().any(|r| real.starts_with(r)) {
                continue;
            }
            let Some(name) = crate::batch::output_name(&real) else {
                continue;
            };
            let name = name.trim_end_matches(".pdf").to_string();
            map.entry(name.clone())
                .or_insert(Entry { name, path: real });
        }
        map
    }

    pub fn find(&self, name: &str) -> Option<Entry> {
        self.entries().remove(name)
    }

    /// The hash of everything the leaflet's pages depend on: its bytes and every file of
    /// its `_data` cascade. Cheap enough to answer a poll twice a second.
    pub fn version(&self, entry: &Entry) -> String {
        let mut h = Sha256::new();
        h.update(std::fs::read(&entry.path).unwrap_or_default());
        let dir = entry.path.parent().unwrap_or(Path::new("/"));
        for data in data_dirs(dir) {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&data)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            files.sort();
            for f in files {
                h.update(f.to_string_lossy().as_bytes());
                h.update([0]);
                h.update(std::fs::read(&f).unwrap_or_default());
                h.update([0]);
            }
        }
        crate::batch::hex(&h.finalize())[..16].to_string()
    }

    pub fn shared(&self, entry: &Entry) -> Result<SharedData, Vec<Diagnostic>> {
        let dir = entry.path.parent().and_then(find_data_dir);
        SharedData::load(dir.as_deref())
    }

    pub fn engine(&mut self, shared: &SharedData) -> Arc<Engine> {
        self.engines
            .entry(shared.hyphenation.clone())
            .or_insert_with(|| Arc::new(Engine::new(&shared.hyphenation)))
            .clone()
    }

    /// The leaflet's pages and diagnostics, from the cache while its inputs are unchanged.
    pub fn render(&mut self, entry: &Entry) -> Arc<Rendered> {
        let version = self.version(entry);
        if let Some(r) = self.cache.get(&entry.name)
            && r.version == version
        {
            return r.clone();
        }
        let rendered = Arc::new(self.render_now(entry, version));
        self.cache.insert(entry.name.clone(), rendered.clone());
        rendered
    }

    fn render_now(&mut self, entry: &Entry, version: String) -> Rendered {
        let mut r = Rendered {
            version,
            pages: Vec::new(),
            diagnostics: Vec::new(),
            title: None,
            revised: None,
            review_due: None,
        };
        let source = match read_utf8(&entry.path, MAX_FILE_BYTES) {
            Ok(s) => s,
            Err(d) => {
                r.diagnostics.push(d);
                return r;
            }
        };
        let shared = match self.shared(entry) {
            Ok(s) => s,
            Err(ds) => {
                r.diagnostics = ds;
                return r;
            }
        };
        let engine = self.engine(&shared);
        let today = chrono::Local::now().date_naive();
        r.diagnostics = crate::check::check_source(&engine, &shared, &entry.path, &source, today);
        place_in_fields(&mut r.diagnostics, &source);
        if let Ok(leaflet) = crate::model::parse(&entry.path, &source, &shared) {
            r.title = Some(leaflet.title.clone());
            r.revised = Some(leaflet.revised);
            r.review_due = leaflet
                .revised
                .checked_add_months(chrono::Months::new(12 * shared.style.review_years));
            if let Ok((_, layout)) =
                crate::pipeline::typeset(&engine, &shared, &entry.path, &source, &leaflet)
            {
                r.pages = layout
                    .pages
                    .iter()
                    .map(|p| crate::preview::page_svg(p, &engine.fonts))
                    .collect();
            }
        }
        r
    }

    /// The form fields the leaflet's text has, for placing diagnostics beside them.
    pub fn slots(source: &str) -> BTreeMap<String, String> {
        let text = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut slots: BTreeMap<String, String> = crate::source::yaml::parse(text)
            .ok()
            .map(|f| super::edit::form_values(&f))
            .unwrap_or_default();
        for (field, _) in super::edit::field_entries(text) {
            slots.entry(field).or_default();
        }
        slots
    }

    /// Whether the text reads as a leaflet file, so its values can fill the form.
    pub fn editable(source: &str) -> bool {
        let text = source.strip_prefix('\u{feff}').unwrap_or(source);
        crate::source::yaml::parse::<crate::model::LeafletFile>(text).is_ok()
    }

    /// When the leaflet's office PDF was last written, if it was.
    pub fn last_built(&self, entry: &Entry) -> Option<std::time::SystemTime> {
        std::fs::metadata(self.out.join(format!("{}.pdf", entry.name)))
            .and_then(|m| m.modified())
            .ok()
    }
}

/// Gives a diagnostic that knows its line but not its field (a YAML type error) the field
/// written on that line, so the page shows it beside the right input.
pub fn place_in_fields(diagnostics: &mut [Diagnostic], source: &str) {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    for d in diagnostics {
        if d.field.is_none()
            && let Some(line) = d.line
        {
            d.field = super::edit::field_at_line(text, line);
        }
    }
}
