//! `leaflet serve`: the secretariat's page on 127.0.0.1: the library as a list, each leaflet
//! with a live preview of its pages, a form to edit it, and buttons for the office printer.
//!
//! One thread answers requests in turn: one person uses the page, a preview takes a few
//! hundred milliseconds, and a single thread cannot race itself writing a leaflet file.

pub mod edit;
pub mod html;
pub mod http;
pub mod library;
pub mod nl;

use crate::batch::{self, Options};
use crate::diagnostic::Diagnostic;
use crate::pdf::Target;
use html::{LeafletView, Note};
use http::{Reply, guard};
use library::{Entry, Library};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;
use tiny_http::{Method, Request, Server};

/// How often the loop looks up from waiting to see whether Ctrl-C was pressed.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// 0 asks the system for a free port (tests).
    pub port: u16,
}

/// Serves until a signal; returns the exit code.
pub fn run(cfg: &Config) -> i32 {
    let server = match Server::http(("127.0.0.1", cfg.port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", nl::serve_cannot_bind(cfg.port, &e.to_string()));
            return 1;
        }
    };
    let port = server.server_addr().to_ip().map_or(cfg.port, |a| a.port());
    batch::handle_interrupts();
    println!(
        "{}",
        nl::serve_started(&format!("http://127.0.0.1:{port}/"))
    );
    let mut app = App {
        library: Library::new(&cfg.inputs, &cfg.out),
        port,
    };
    loop {
        if batch::interrupted() {
            return batch::stop_signal().map_or(130, |s| 128 + s);
        }
        match server.recv_timeout(SIGNAL_POLL) {
            Ok(Some(mut req)) => {
                let reply = app.handle(&mut req);
                // A browser that went away mid-answer is not our problem.
                let _ = req.respond(reply);
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("fout: {e}");
                return 1;
            }
        }
    }
}

struct App {
    library: Library,
    port: u16,
}

fn sha(text: &str) -> String {
    batch::hex(&Sha256::digest(text.as_bytes()))[..16].to_string()
}

impl App {
    fn handle(&mut self, req: &mut Request) -> Reply {
        if let Some(why) = guard(req, self.port) {
            return http::text(403, &why);
        }
        let url = req.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        // Segments are decoded one by one, so an encoded `/` cannot make a new segment;
        // names are then only looked up, never joined to a path.
        let segments: Option<Vec<String>> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(http::decode)
            .collect();
        let Some(segments) = segments else {
            return http::text(400, "ongeldig adres");
        };
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        let method = req.method().clone();
        match (&method, segs.as_slice()) {
            (Method::Get, []) => self.library_page(),
            (Method::Get, ["app.js"]) => http::reply(
                200,
                "text/javascript; charset=utf-8",
                include_bytes!("app.js").to_vec(),
            ),
            (Method::Get, ["app.css"]) => http::reply(
                200,
                "text/css; charset=utf-8",
                include_bytes!("app.css").to_vec(),
            ),
            (Method::Get, ["leaflet", name]) => match self.library.find(name) {
                Some(e) => {
                    let banner = match query {
                        "bewaard=1" => Some(("ok", nl::saved().to_string())),
                        "bewaard=2" => Some(("error", nl::saved_not_built().to_string())),
                        _ => None,
                    };
                    self.leaflet_page(&e, None, Vec::new(), banner, 200)
                }
                None => not_found(),
            },
            (Method::Get, ["leaflet", name, "state"]) => match self.library.find(name) {
                Some(e) => self.state(&e),
                None => not_found(),
            },
            (Method::Get, ["leaflet", name, "page", file]) => {
                match (self.library.find(name), page_number(file)) {
                    (Some(e), Some(n)) => {
                        let r = self.library.render(&e);
                        match r.pages.get(n - 1) {
                            Some(svg) => {
                                http::reply(200, "image/svg+xml", svg.clone().into_bytes())
                            }
                            None => not_found(),
                        }
                    }
                    _ => not_found(),
                }
            }
            (Method::Get, ["pdf", name, kind]) => match self.library.find(name) {
                Some(e) => self.pdf(&e, kind),
                None => not_found(),
            },
            (Method::Post, ["leaflet", name]) => match self.library.find(name) {
                Some(e) => match http::body(req) {
                    Some(body) => self.save(&e, &body),
                    None => http::text(413, &crate::t!("serve-http-too-large")),
                },
                None => not_found(),
            },
            (Method::Post, ["leaflet", name, "build"]) => match self.library.find(name) {
                Some(e) => match http::body(req) {
                    Some(body) => self.build_extra(&e, &body),
                    None => http::text(413, &crate::t!("serve-http-too-large")),
                },
                None => not_found(),
            },
            (Method::Get | Method::Post, _) => not_found(),
            _ => http::text(405, &crate::t!("serve-http-not-allowed")),
        }
    }

    fn library_page(&mut self) -> Reply {
        let entries: Vec<Entry> = self.library.entries().into_values().collect();
        let rendered: Vec<_> = entries.iter().map(|e| self.library.render(e)).collect();
        let built: Vec<Option<String>> = entries
            .iter()
            .map(|e| {
                self.library.last_built(e).map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })
            })
            .collect();
        let rows: Vec<html::Row> = entries
            .iter()
            .zip(&rendered)
            .zip(built)
            .map(|((entry, rendered), last_built)| html::Row {
                entry,
                rendered,
                last_built,
            })
            .collect();
        http::html(200, html::library(&rows, chrono::Local::now().date_naive()))
    }

    fn source(&self, entry: &Entry) -> Result<String, Diagnostic> {
        crate::source::file::read_utf8(&entry.path, crate::source::file::MAX_FILE_BYTES)
    }

    fn leaflet_page(
        &mut self,
        entry: &Entry,
        submitted: Option<BTreeMap<String, String>>,
        refusals: Vec<Note>,
        banner: Option<(&'static str, String)>,
        status: u16,
    ) -> Reply {
        let rendered = self.library.render(entry);
        let source = self.source(entry).unwrap_or_default();
        let mut values = Library::slots(&source);
        if let Some(s) = submitted {
            values.extend(s.into_iter().filter(|(k, _)| !k.starts_with('_')));
        }
        let shared = self.library.shared(entry).ok();
        // A refused save shows why; the text's own diagnostics are what the page polls.
        let notes = if refusals.is_empty() {
            html::notes_of(&rendered.diagnostics)
        } else {
            refusals
        };
        let view = LeafletView {
            entry,
            rendered: &rendered,
            values,
            source_version: sha(&source),
            shared: shared.as_ref(),
            notes,
            banner,
            editable: Library::editable(&source),
        };
        http::html(status, html::leaflet(&view))
    }

    fn state(&mut self, entry: &Entry) -> Reply {
        let rendered = self.library.render(entry);
        let source = self.source(entry).unwrap_or_default();
        let slots = Library::slots(&source);
        let editable = Library::editable(&source);
        http::reply(
            200,
            "application/json",
            html::state_json(&http::encode(&entry.name), &rendered, &slots, editable).into_bytes(),
        )
    }

    /// Saves the form: refused (file untouched) when the file changed meanwhile, when a
    /// value cannot be written in place, or when the result would not build.
    fn save(&mut self, entry: &Entry, body: &str) -> Reply {
        let pairs = http::form(body);
        let seen = pairs
            .iter()
            .find(|(k, _)| k == "_source")
            .map(|(_, v)| v.clone());
        let submitted: BTreeMap<String, String> = pairs
            .into_iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .collect();
        let refused = |app: &mut App, notes: Vec<Note>| {
            let banner = Some(("error", nl::refused().to_string()));
            app.leaflet_page(entry, Some(submitted.clone()), notes, banner, 422)
        };
        let source = match self.source(entry) {
            Ok(s) => s,
            Err(d) => return refused(self, html::notes_of(&[d])),
        };
        if seen.as_deref() != Some(sha(&source).as_str()) {
            let note = Note {
                field: None,
                class: "error",
                text: crate::t!("serve-changed-elsewhere"),
            };
            return refused(self, vec![note]);
        }
        let new = match edit::apply(&source, &submitted) {
            Ok(new) => new,
            Err(refusals) => {
                let notes = refusals
                    .into_iter()
                    .map(|r| Note {
                        field: r.field,
                        class: "error",
                        text: r.message,
                    })
                    .collect();
                return refused(self, notes);
            }
        };
        let errors = self.build_errors(entry, &new);
        if !errors.is_empty() {
            return refused(self, html::notes_of(&errors));
        }
        if new != source
            && let Err(e) = batch::write_atomic(&entry.path, new.as_bytes())
        {
            let note = Note {
                field: None,
                class: "error",
                text: e,
            };
            return refused(self, vec![note]);
        }
        // The office PDF follows the text, as `watch` would make it. The text is saved
        // either way; the banner says whether the PDF followed (it may not when another
        // run holds the output folder).
        let built = self
            .run_batch(entry, None)
            .is_ok_and(|summary| summary.failed == 0);
        let flag = if built { "bewaard=1" } else { "bewaard=2" };
        http::redirect(&format!("/leaflet/{}?{flag}", http::encode(&entry.name)))
    }

    /// What stops `source` from building, as `build` would say it.
    fn build_errors(&mut self, entry: &Entry, source: &str) -> Vec<Diagnostic> {
        let shared = match self.library.shared(entry) {
            Ok(s) => s,
            Err(ds) => return ds,
        };
        let engine = self.library.engine(&shared);
        let mut errors = match crate::model::parse(&entry.path, source, &shared) {
            Ok(leaflet) => {
                match crate::pipeline::typeset(&engine, &shared, &entry.path, source, &leaflet) {
                    Ok(_) => Vec::new(),
                    Err(ds) => ds,
                }
            }
            Err(ds) => ds.into_iter().filter(Diagnostic::is_error).collect(),
        };
        library::place_in_fields(&mut errors, source);
        errors
    }

    fn run_batch(&self, entry: &Entry, kind: Option<&str>) -> Result<batch::Summary, Diagnostic> {
        let opts = Options {
            inputs: vec![entry.path.clone()],
            out: self.library.out.clone(),
            jobs: Some(1),
            force: false,
            target: Target::Office,
            booklet: kind == Some("booklet"),
            two_up: kind == Some("two-up"),
            large_print: false,
            prune: false,
            report: false,
            progress: false,
            archive_names: false,
            html: false,
        };
        batch::run(&opts)
    }

    fn build_extra(&mut self, entry: &Entry, body: &str) -> Reply {
        let pairs = http::form(body);
        let Some(kind) = pairs
            .iter()
            .find(|(k, _)| k == "kind")
            .map(|(_, v)| v.as_str())
            .filter(|k| matches!(*k, "booklet" | "two-up"))
        else {
            return http::text(400, "onbekende soort");
        };
        match self.run_batch(entry, Some(kind)) {
            Ok(summary) => {
                let ok = summary.failed == 0 && self.extra_path(entry, kind).is_file();
                let notes = html::notes_of(&summary.diagnostics);
                http::html(
                    if ok { 200 } else { 422 },
                    html::built(entry, kind, ok, &notes),
                )
            }
            Err(d) => http::html(422, html::built(entry, kind, false, &html::notes_of(&[d]))),
        }
    }

    fn extra_path(&self, entry: &Entry, kind: &str) -> PathBuf {
        let file = match kind {
            "booklet" => format!("{}-booklet.pdf", entry.name),
            "two-up" => format!("{}-2up.pdf", entry.name),
            _ => format!("{}.pdf", entry.name),
        };
        self.library.out.join(file)
    }

    fn pdf(&self, entry: &Entry, kind: &str) -> Reply {
        if !matches!(kind, "office" | "booklet" | "two-up") {
            return not_found();
        }
        match std::fs::read(self.extra_path(entry, kind)) {
            Ok(bytes) => http::reply(200, "application/pdf", bytes),
            Err(_) => not_found(),
        }
    }
}

fn page_number(file: &str) -> Option<usize> {
    file.strip_suffix(".svg")?.parse().ok().filter(|n| *n >= 1)
}

fn not_found() -> Reply {
    http::text(404, &crate::t!("serve-http-not-found"))
}
