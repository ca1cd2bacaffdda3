//! Helpers shared by the integration tests: building leaflets and reading PDFs back.
#![allow(dead_code)]

pub mod figures;

use leaflet_printer::layout::Page;
use leaflet_printer::shared::SharedData;
use leaflet_printer::text::items::protrusion_factor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `leaflet` binary with `args` in `dir`.
pub fn leaflet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the leaflet binary runs")
}

/// Every shipped leaflet file.
pub fn shipped_leaflets() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/leaflets"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// The PDF's text, with words broken by a hyphen at a line end joined again.
pub fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be read");
    text.replace("-\n", "").replace("\u{a0}", " ")
}

/// The words of a text, lower-cased, without punctuation, for word-for-word comparison.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every glyph inside the text area (with protrusion) and on the page; `None` if so.
pub fn glyph_outside(pages: &[Page], shared: &SharedData) -> Option<String> {
    let style = &shared.style;
    let left = style.margin_left();
    let right = style.page_width() - style.margin_right();
    for (p, page) in pages.iter().enumerate() {
        for run in page.runs() {
            for g in &run.glyphs {
                let x0 = run.x + g.x;
                let x1 = x0 + g.advance;
                let hang = g
                    .text
                    .chars()
                    .last()
                    .map_or(0.0, |c| protrusion_factor(c) * g.advance);
                // A quarter point for float rounding and letter-spacing of the last glyph.
                // A combining mark (no advance, no text of its own) is placed by the font
                // relative to its letter and may sit a hair into the margin: it only has to
                // stay on the page.
                let ok_x = if g.advance == 0.0 && g.text.is_empty() {
                    x0 >= 0.0 && x0 <= page.width
                } else {
                    x0 >= left - 0.25 && x1 <= right + hang + 0.25
                };
                let ok_y = run.y > 0.0 && run.y < page.height;
                if !ok_x || !ok_y {
                    return Some(format!(
                        "page {}: glyph {:?} of run {:?} at x {x0:.2}..{x1:.2}, y {:.2}; \
                         text area is {left:.2}..{right:.2}",
                        p + 1,
                        g.text,
                        run.text(),
                        run.y
                    ));
                }
            }
        }
    }
    None
}

/// A command's standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `(built, up to date, failed)` from the summary line.
pub fn counts(o: &Output) -> (usize, usize, usize) {
    let text = stdout(o);
    let line = text
        .lines()
        .find(|l| l.contains(" built, "))
        .unwrap_or_else(|| panic!("no summary line in {text:?}, stderr {}", stderr(o)));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse().unwrap())
        .collect();
    (n[0], n[1], n[2])
}

/// Runs `cmd` to completion or until `limit` passes, whichever comes first; `None` means it
/// was still running and has been killed. Both pipes are drained on their own threads while
/// it runs: a child that writes more than a pipe holds (64 KiB on Linux) would otherwise
/// block on its write while the test waits for it to exit, and look like a hang.
pub fn output_within(mut cmd: std::process::Command, limit: std::time::Duration) -> Option<Output> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Some(Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    })
}
