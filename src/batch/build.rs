//! Building one leaflet's unit of outputs, or proving it up to date.

use super::files::{self, Verified};
use super::manifest::{Entry, Manifest, feed, hex, target_name};
use super::options::Options;
use super::plan::{Job, Output};
use super::reason::{self, Reason};
use crate::diagnostic::Diagnostic;
use crate::impose::{Imposition, booklet_warning, impose};
use crate::lang::Lang;
use crate::pdf::Target;
use crate::pipeline::{self, Engine};
use crate::report::{self, Quality};
use crate::shared::SharedData;
use crate::source::file::{MAX_FILE_BYTES, read_utf8};
use crate::source::library::inside_library;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// The shared data and engine of one `_data` folder.
pub struct Library {
    pub shared: SharedData,
    /// The large-print edition's shared data: the same, with the large-print style.
    large: OnceLock<SharedData>,
    /// Loaded by the first leaflet that must be typeset: a run where everything is up to
    /// date never pays for parsing fonts and patterns.
    engine: OnceLock<Engine>,
    /// Hash of what every leaflet of this library depends on: the tool, the house style and
    /// the hyphenation exceptions. Which outputs are made is compared file by file instead.
    context: [u8; 32],
}

impl Library {
    pub fn new(shared: SharedData, tool: &str) -> Library {
        let mut h = Sha256::new();
        feed(&mut h, tool.as_bytes());
        feed(&mut h, shared.style_source.as_bytes());
        feed(&mut h, shared.hyphenation.as_bytes());
        Library {
            context: h.finalize().into(),
            shared,
            large: OnceLock::new(),
            engine: OnceLock::new(),
        }
    }

    fn engine(&self) -> &Engine {
        self.engine
            .get_or_init(|| Engine::new(&self.shared.hyphenation))
    }

    fn large(&self) -> &SharedData {
        self.large.get_or_init(|| SharedData {
            style: crate::style::large_print(&self.shared.style),
            ..self.shared.clone()
        })
    }

    /// The input hash of one leaflet: the library context, the leaflet's bytes and the
    /// current value of each shared entry it uses. A leaflet's hash thus changes when its
    /// route's description changes, and not when another route does.
    pub fn input_hash(&self, leaflet: &Path, lang: Lang, source: &str, uses: &[String]) -> String {
        let mut h = Sha256::new();
        h.update(self.context);
        feed(&mut h, source.as_bytes());
        for key in uses {
            feed(&mut h, key.as_bytes());
            match self.value(leaflet, lang, key) {
                Some(v) => feed(&mut h, v.as_bytes()),
                None => h.update([0xff]),
            }
        }
        hex(&h.finalize())
    }

    /// The current value of one shared entry a leaflet uses (`route:105`, `contact:dzh`,
    /// `figure:figuren/arm.svg`), or `None` when it is gone.
    ///
    /// A route or contact in the leaflet's own language only, as it is printed: a new
    /// French description rebuilds the French leaflets, not the Dutch ones (a French
    /// leaflet whose entry falls back to Dutch follows the Dutch text, and says so).
    fn value(&self, leaflet: &Path, lang: Lang, key: &str) -> Option<String> {
        let fell_back = |fell: bool| if fell { "\u{0}nl" } else { "" };
        match key.split_once(':') {
            Some(("route", k)) => self
                .shared
                .route_in(k, lang)
                .map(|(v, fell)| format!("{v}{}", fell_back(fell))),
            Some(("contact", k)) => self
                .shared
                .contact_in(k, lang)
                .map(|(c, fell)| format!("{c:?}{}", fell_back(fell))),
            // A picture's bytes: editing a figure rebuilds the leaflets that place it. The
            // file is found again from the path as written, as a build would: a link
            // retargeted since (to a file or a folder) is read where it points now, and one
            // that points out of the library now is `None`, so the leaflet is rebuilt and
            // refused like any build of it.
            Some(("figure", file)) => inside_library(leaflet, file)
                .ok()
                .and_then(|real| figure_hash(&real)),
            _ => None,
        }
    }

    /// The hash of each part of a leaflet's inputs, kept so that a later rebuild can say
    /// which one changed (see [`reason`](super::reason)).
    pub fn parts(
        &self,
        leaflet: &Path,
        lang: Lang,
        source: &str,
        uses: &[String],
    ) -> BTreeMap<String, String> {
        let one = |bytes: &[u8]| hex(&Sha256::digest(bytes));
        let mut parts = BTreeMap::new();
        parts.insert(reason::STYLE.to_string(), hex(&self.context));
        parts.insert(reason::TEXT.to_string(), one(source.as_bytes()));
        for key in uses {
            let value = self.value(leaflet, lang, key);
            parts.insert(key.clone(), one(value.unwrap_or_default().as_bytes()));
        }
        parts
    }
}

/// Quality figures per typeset output: the leaflet's own (suffix "") and, with
/// `--large-print`, the large print's ("-groot"), each with its own layout.
pub type Rows = Vec<(&'static str, Quality)>;

/// The report row suffix of the large-print edition, as its file is named.
pub const LARGE_PRINT_ROW: &str = "-groot";

pub enum Outcome {
    /// Proven up to date; the entry carries fresh stamps when a file was re-hashed. With
    /// `--report`, the quality figures of each typeset output (see [`Rows`]).
    UpToDate(Entry, Rows),
    /// Built; the warnings, and the extra files written besides the leaflet's own PDF.
    Built(
        Entry,
        Rows,
        Vec<Diagnostic>,
        Vec<std::path::PathBuf>,
        Vec<Reason>,
    ),
    Failed(Vec<Diagnostic>),
    /// Not started: the run was interrupted.
    Skipped,
}

/// The entry if the job's whole unit is proven up to date: same tool, same leaflet file,
/// same inputs, the same set of outputs, and every file on disk the one that was written.
/// Otherwise why not, for the build report.
fn proven(
    lib: &Library,
    job: &Job,
    source: &str,
    old: &Manifest,
    tool: &str,
) -> Result<Entry, Vec<Reason>> {
    let entry = old.leaflets.get(&job.name).ok_or(vec![Reason::New])?;
    if old.tool != tool {
        return Err(vec![Reason::Tool]);
    }
    if entry.origin != job.origin {
        return Err(vec![Reason::New]);
    }
    if entry.inputs.is_empty() {
        return Err(vec![Reason::Failed]);
    }
    if entry.files.len() != job.outputs.len()
        || entry
            .files
            .iter()
            .zip(&job.outputs)
            .any(|(f, (_, name))| &f.name != name)
    {
        return Err(vec![Reason::Outputs]);
    }
    let mut fresh = entry.clone();
    for (record, (_, name)) in fresh.files.iter_mut().zip(&job.outputs) {
        match files::verify(&job.out.join(name), record) {
            Verified::Same => {}
            Verified::Rehashed(stamp) => record.stamp = stamp,
            Verified::No => return Err(vec![Reason::FileChanged(name.clone())]),
        }
    }
    // The language the entry was built in; a leaflet whose `lang:` changed has other text,
    // so its hash differs whatever language is taken here.
    let lang = lang_of(&entry.lang);
    if entry.inputs == lib.input_hash(&job.path, lang, source, &entry.uses) {
        Ok(fresh)
    } else {
        Err(reason::changed_parts(
            entry,
            &lib.parts(&job.path, lang, source, &entry.uses),
        ))
    }
}

pub fn build_one(lib: &Library, job: &Job, opts: &Options, tool: &str, old: &Manifest) -> Outcome {
    let path = job.path.as_path();
    let source = match read_utf8(path, MAX_FILE_BYTES) {
        Ok(s) => s,
        Err(d) => return Outcome::Failed(vec![d]),
    };
    let why = if opts.force {
        vec![Reason::Forced]
    } else {
        match proven(lib, job, &source, old, tool) {
            Ok(entry) => return up_to_date(lib, path, &source, opts, entry),
            Err(why) => why,
        }
    };
    let engine = lib.engine();
    let built = match pipeline::build(engine, &lib.shared, path, &source, opts.target) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let contact_key = built.leaflet.contact.as_ref().and_then(|(_, k)| k.as_ref());
    let uses: Vec<String> = built
        .leaflet
        .route
        .shared_key
        .iter()
        .map(|k| format!("route:{k}"))
        .chain(contact_key.map(|k| format!("contact:{k}")))
        .chain(figure_uses(&built.leaflet))
        .collect();
    let lang = built.leaflet.lang;
    let inputs = lib.input_hash(path, lang, &source, &uses);
    let parts = lib.parts(path, lang, &source, &uses);
    let mut warnings: Vec<Diagnostic> = built.warnings.clone();
    // What `check` would say about the text (spacing, repeated words, long sentences), so
    // someone who only builds sees it too; its errors are build errors already.
    let source_text = source.strip_prefix('\u{feff}').unwrap_or(&source);
    warnings.extend(
        crate::lint::proofread(path, source_text, &built.leaflet.fields)
            .into_iter()
            .filter(|d| !built.warnings.contains(d)),
    );

    // Every output of the unit in memory first; then all written together.
    let mut contents: Vec<Vec<u8>> = Vec::with_capacity(job.outputs.len());
    let mut rows: Rows = vec![("", report::quality(&built.layout))];
    for (kind, _) in &job.outputs {
        let bytes = match kind {
            Output::Leaflet => built.pdf.clone(),
            Output::Booklet | Output::TwoUp => {
                let imposition = if *kind == Output::Booklet {
                    Imposition::Booklet
                } else {
                    Imposition::TwoUp
                };
                if *kind == Output::Booklet
                    && let Some((message, hint)) = booklet_warning(built.layout.pages.len())
                {
                    warnings.push(Diagnostic::warning(path, message).hint(hint));
                }
                let sheets = impose(&built.layout.pages, imposition);
                crate::pdf::write(&sheets, &meta(&built), Target::Office, &engine.fonts)
            }
            Output::Html => {
                let tree = crate::document::tree::Tree::build(&built.document, &lib.shared.style);
                let page = crate::html::Page {
                    doc: &built.document,
                    tree: &tree,
                    style: &lib.shared.style,
                    lang: &meta(&built).lang,
                };
                crate::html::render(&page).into_bytes()
            }
            Output::LargePrint => {
                match pipeline::build(engine, lib.large(), path, &source, opts.target) {
                    Ok(large) => {
                        // The large print's own layout warnings, placed like the
                        // office PDF's; the rest it shares with that PDF.
                        for mut w in large.warnings {
                            if !built.warnings.contains(&w) {
                                w.message =
                                    crate::t!("large-print-note", message = w.message.as_str());
                                warnings.push(w);
                            }
                        }
                        rows.push((LARGE_PRINT_ROW, report::quality(&large.layout)));
                        large.pdf
                    }
                    Err(e) => return Outcome::Failed(e),
                }
            }
        };
        contents.push(bytes);
    }
    let paths: Vec<_> = job.outputs.iter().map(|(_, n)| job.out.join(n)).collect();
    let unit: Vec<(&Path, &[u8])> = paths
        .iter()
        .map(|p| p.as_path())
        .zip(contents.iter().map(|c| c.as_slice()))
        .collect();
    let records = match files::write_unit(&unit) {
        Ok(r) => r,
        Err(d) => return Outcome::Failed(vec![d]),
    };
    let extras = paths
        .iter()
        .zip(&job.outputs)
        .filter(|(_, (k, _))| *k != Output::Leaflet)
        .map(|(p, _)| p.clone())
        .collect();
    // The leaflet's own PDF is the last of the unit; its hash was taken as it was written.
    let sha256 = records.last().map(|r| r.sha256.clone()).unwrap_or_default();
    let entry = Entry {
        source: path.display().to_string(),
        origin: job.origin.clone(),
        inputs,
        uses,
        parts,
        target: target_name(opts.target).to_string(),
        files: records,
        title: built.leaflet.title.clone(),
        revised: built.leaflet.revised.to_string(),
        authors: built.leaflet.authors.clone(),
        route: format!(
            "{} ({})",
            built.leaflet.route.number, built.leaflet.route.description
        ),
        pages: built.layout.pages.len(),
        sha256,
        code: built.leaflet.code.clone(),
        version: built.leaflet.version,
        lang: built.leaflet.lang.tag().to_string(),
        text: crate::model::control::text_hash(&built.leaflet),
        stale: false,
    };
    Outcome::Built(entry, rows, warnings, extras, why)
}

/// An up-to-date leaflet, with its quality figures when `--report` asks for them.
fn up_to_date(lib: &Library, path: &Path, source: &str, opts: &Options, entry: Entry) -> Outcome {
    let mut rows = Rows::new();
    if opts.report
        && let Ok(leaflet) = crate::model::parse(path, source, &lib.shared)
    {
        let large = opts.large_print;
        let editions =
            std::iter::once(("", &lib.shared)).chain(large.then(|| (LARGE_PRINT_ROW, lib.large())));
        for (suffix, shared) in editions {
            if let Ok((_, layout)) = pipeline::typeset(lib.engine(), shared, path, source, &leaflet)
            {
                rows.push((suffix, report::quality(&layout)));
            }
        }
    }
    Outcome::UpToDate(entry, rows)
}

/// The figure files a leaflet places, each once, as manifest keys with the path as written
/// in the leaflet (`figure:figuren/arm.svg`). Not the resolved file: a link in the library
/// can be pointed elsewhere between two runs, and the old target's unchanged bytes would
/// then prove a stale PDF up to date.
fn figure_uses(leaflet: &crate::model::Leaflet) -> Vec<String> {
    let mut files: Vec<String> = leaflet
        .sections
        .iter()
        .flat_map(|s| &s.figures)
        .map(|f| format!("figure:{}", f.file))
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The hash of a picture file's bytes, or `None` when it cannot be read (then the leaflet
/// is rebuilt, and the build says why).
fn figure_hash(path: &Path) -> Option<String> {
    let bytes = crate::source::file::read_regular(path, crate::images::MAX_IMAGE_BYTES).ok()?;
    Some(hex(&Sha256::digest(&bytes)))
}

/// The language of a manifest entry's tag (`fr-BE`); Dutch for an entry from before tags.
fn lang_of(tag: &str) -> Lang {
    [Lang::Nl, Lang::Fr, Lang::En]
        .into_iter()
        .find(|l| l.tag() == tag)
        .unwrap_or_default()
}

fn meta(built: &pipeline::Built) -> crate::pdf::Meta {
    pipeline::meta(&built.leaflet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_hash_depends_only_on_the_route_used() {
        let mut shared = SharedData::default();
        shared.routes.insert("105".into(), "oncologie".into());
        shared.routes.insert("200".into(), "radiologie".into());
        let uses = vec!["route:105".to_string()];
        let before = Library::new(shared.clone(), "tool").input_hash(
            Path::new("x.yaml"),
            Lang::Nl,
            "x",
            &uses,
        );
        shared.routes.insert("200".into(), "spoed".into());
        let other = Library::new(shared.clone(), "tool").input_hash(
            Path::new("x.yaml"),
            Lang::Nl,
            "x",
            &uses,
        );
        assert_eq!(before, other);
        shared.routes.insert("105".into(), "dagziekenhuis".into());
        let changed = Library::new(shared.clone(), "tool").input_hash(
            Path::new("x.yaml"),
            Lang::Nl,
            "x",
            &uses,
        );
        assert_ne!(before, changed);
        let new_tool = Library::new(shared.clone(), "tool2").input_hash(
            Path::new("x.yaml"),
            Lang::Nl,
            "x",
            &uses,
        );
        assert_ne!(changed, new_tool);

        // A shared contact works the same way: only the leaflets that use it see a change.
        let contact = |phone: &str| crate::model::Contact {
            name: "Dagziekenhuis".into(),
            phone: phone.into(),
            hours: None,
            email: None,
        };
        shared
            .contacts
            .insert("dzh".into(), contact("03 821 30 00"));
        let with = vec!["route:105".to_string(), "contact:dzh".to_string()];
        let library = |s: &SharedData| Library::new(s.clone(), "tool");
        let (a1, b1) = (
            library(&shared).input_hash(Path::new("x.yaml"), Lang::Nl, "x", &with),
            library(&shared).input_hash(Path::new("x.yaml"), Lang::Nl, "x", &uses),
        );
        shared
            .contacts
            .insert("dzh".into(), contact("03 821 30 01"));
        let (a2, b2) = (
            library(&shared).input_hash(Path::new("x.yaml"), Lang::Nl, "x", &with),
            library(&shared).input_hash(Path::new("x.yaml"), Lang::Nl, "x", &uses),
        );
        assert_ne!(a1, a2, "the leaflet using the contact is rebuilt");
        assert_eq!(b1, b2, "a leaflet not using it is not");

        // The house style and the exceptions reach every leaflet.
        shared.style_source = "body_size: 10.5\n".into();
        assert_ne!(
            library(&shared).input_hash(Path::new("x.yaml"), Lang::Nl, "x", &uses),
            b2
        );
    }
}
