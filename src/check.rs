//! `leaflet check`: everything `build` would refuse, and what a proofreader would circle,
//! without writing a PDF. A secretary runs it before handing a leaflet in; CI runs it with
//! `--strict`.

use crate::diagnostic::{Diagnostic, Reporter, locate_key};
use crate::document::Note;
use crate::lint;
use crate::model::text_fields;
use crate::model::{self, LeafletFile, MAX_FILE_BYTES};
use crate::pipeline::{self, Engine};
use crate::shared::{SharedData, find_data_dir};
use crate::t;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every problem in one leaflet's source, in source order (problems without a line last). `today` decides what counts as
/// overdue or in the future (tests fix it).
pub fn check_source(
    engine: &Engine,
    shared: &SharedData,
    path: &Path,
    source: &str,
    today: NaiveDate,
) -> Vec<Diagnostic> {
    // Positions are counted without a byte-order mark, as the model counts them.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let parsed = model::parse(path, source, shared);
    let mut out = match &parsed {
        Ok(leaflet) => leaflet.warnings.clone(),
        Err(errors) => errors.clone(),
    };
    // The text checks need only the file's shape, so they run even when a route is unknown;
    // the file is parsed again only then.
    let fields = match &parsed {
        Ok(leaflet) => {
            out.extend(dates(path, source, leaflet.revised, shared, today));
            leaflet.fields.clone()
        }
        Err(_) => if source.len() <= MAX_FILE_BYTES {
            crate::source::yaml::parse::<LeafletFile>(source).ok()
        } else {
            None
        }
        .map(|file| {
            out.extend(dates(path, source, file.revised, shared, today));
            text_fields(&file, source)
        })
        .unwrap_or_default(),
    };
    let lints = lint::lint(path, source, &fields, &engine.fonts);
    // Lint errors are unprintable characters, already placed exactly; typesetting would
    // only report the first of them again, less precisely.
    let unprintable = lints.iter().any(Diagnostic::is_error);
    out.extend(lints);
    if let (Ok(leaflet), false) = (&parsed, unprintable) {
        match pipeline::typeset(engine, shared, path, source, leaflet) {
            Ok((document, layout)) => {
                out.extend(pipeline::note_diagnostics(
                    path,
                    source,
                    leaflet,
                    &document.notes,
                ));
                let long = long_paragraphs(&document, &layout);
                out.extend(pipeline::note_diagnostics(path, source, leaflet, &long));
                out.extend(
                    layout
                        .warnings
                        .iter()
                        .zip(&layout.warning_origins)
                        .map(|(w, o)| {
                            pipeline::layout_diagnostic(path, source, &fields, w, o.as_ref(), true)
                        }),
                )
            }
            Err(errors) => {
                // The document's warnings too, so the author sees everything at once.
                let document = crate::document::build(leaflet, &shared.style);
                out.extend(
                    pipeline::note_diagnostics(path, source, leaflet, &document.notes)
                        .into_iter()
                        .filter(|d| !d.is_error()),
                );
                out.extend(errors)
            }
        }
    }
    out.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
    out
}

/// Keurmerk Makkelijk Lezen asks for fewer than 15 lines per paragraph; issue 13 flags a
/// paragraph longer than this as laid out (a list item counts as a paragraph of its own).
pub const MAX_PARAGRAPH_LINES: usize = 15;

/// Paragraphs longer than [`MAX_PARAGRAPH_LINES`] as laid out, as notes at the place where
/// each paragraph was typed.
fn long_paragraphs(
    document: &crate::document::Document,
    layout: &crate::layout::Layout,
) -> Vec<Note> {
    crate::report::long_paragraphs(layout, MAX_PARAGRAPH_LINES)
        .into_iter()
        .filter_map(|(block, lines)| {
            let origin = document.blocks.get(block)?.origin.as_ref()?;
            Some(Note {
                error: false,
                field: origin.field.clone(),
                at: origin.at,
                width: 1,
                message: t!("paragraph-long", lines = lines, max = MAX_PARAGRAPH_LINES),
                hint: t!("paragraph-long-hint"),
            })
        })
        .collect()
}

fn dates(
    path: &Path,
    source: &str,
    revised: NaiveDate,
    shared: &SharedData,
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let at = |d: Diagnostic| {
        let d = d.field("revised");
        match locate_key(source, "revised") {
            Some((l, _)) => {
                // Point at the date itself, after `revised: `.
                let line = source.lines().nth(l - 1).unwrap_or("");
                let col = line.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                d.at(l, line[..col].chars().count() + 1).spanning(10)
            }
            None => d,
        }
    };
    let years = shared.style.review_years;
    // A year out of range is already an error; an overdue warning on top would be noise.
    if !(1900..=2999).contains(&revised.year()) {
        Vec::new()
    } else if revised > today {
        vec![at(Diagnostic::warning(
            path,
            t!("date-future", date = revised.to_string()),
        )
        .hint(t!("date-future-hint")))]
    } else if let Some(d) = review_due(path, revised, years, today) {
        vec![at(d)]
    } else {
        Vec::new()
    }
}

pub use crate::lint::review_due;

/// What a run of `check` found, for the exit code and the closing line.
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub leaflets: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn line(&self) -> String {
        t!(
            "check-tally",
            leaflets = self.leaflets,
            errors = self.errors,
            warnings = self.warnings
        )
    }
}

/// A `_data` folder's shared data and engine, loaded once per run (or why it would not load).
type Library = Result<(SharedData, Engine), Vec<Diagnostic>>;

/// Checks every leaflet under `inputs`, printing each problem. Returns the diagnostics.
pub fn run(inputs: &[PathBuf], today: NaiveDate) -> Result<(Tally, Vec<Diagnostic>), Diagnostic> {
    run_with(inputs, today, None)
}

/// [`run`], and with `out` (the output folder of `build`) a warning for each leaflet whose
/// text changed since its last build there while its version did not.
pub fn run_with(
    inputs: &[PathBuf],
    today: NaiveDate,
    out: Option<&Path>,
) -> Result<(Tally, Vec<Diagnostic>), Diagnostic> {
    let manifests = out
        .map(crate::batch::versions::manifests)
        .unwrap_or_default();
    let leaflets = crate::batch::discover(inputs, Path::new(""))?;
    let mut libraries: BTreeMap<Option<PathBuf>, Library> = BTreeMap::new();
    let mut all = Vec::new();
    let mut tally = Tally::default();
    for path in &leaflets {
        tally.leaflets += 1;
        let dir = find_data_dir(path.parent().unwrap_or(Path::new(".")));
        let lib = libraries.entry(dir.clone()).or_insert_with(|| {
            SharedData::load(dir.as_deref()).map(|s| {
                // The house style against the easy-to-read criteria: once per library.
                all.extend(lint::criteria::style_criteria(&s));
                let engine = Engine::new(&s.hyphenation);
                (s, engine)
            })
        });
        let found = match lib {
            Ok((shared, engine)) => match read(path) {
                Ok(source) => {
                    let mut found = check_source(engine, shared, path, &source, today);
                    let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
                    if !manifests.is_empty()
                        && let Ok(leaflet) = model::parse(path, source, shared)
                    {
                        found.extend(crate::batch::versions::unbumped(
                            &manifests, path, source, &leaflet,
                        ));
                        found.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
                    }
                    found
                }
                Err(d) => vec![d],
            },
            Err(errors) => std::mem::take(errors),
        };
        all.extend(found);
    }
    tally.errors = all.iter().filter(|d| d.is_error()).count();
    tally.warnings = all.len() - tally.errors;
    Ok((tally, all))
}

/// The `check` command: prints the report and returns the exit code. `out` is the output
/// folder whose manifest tells what the last build printed.
pub fn command(inputs: &[PathBuf], strict: bool, out: &Path) -> i32 {
    let today = chrono::Local::now().date_naive();
    let mut reporter = Reporter::default();
    match run_with(inputs, today, Some(out)) {
        Ok((tally, diagnostics)) => {
            reporter.print_all(&diagnostics);
            println!("{}", tally.line());
            let failed = tally.errors > 0 || (strict && tally.warnings > 0);
            if strict && tally.errors == 0 && tally.warnings > 0 {
                println!("{}", t!("check-strict"));
            }
            i32::from(failed)
        }
        Err(d) => {
            reporter.print_all(&[d]);
            1
        }
    }
}

fn read(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(path, t!("check-cannot-read", error = e.to_string())))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, col) = crate::diagnostic::line_col(&text, text.len());
        Diagnostic::error(path, t!("check-not-utf8"))
            .at(line, col)
            .hint(t!("check-not-utf8-hint"))
    })
}
