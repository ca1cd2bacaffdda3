//! What `leaflet build` tells when it is done, on a terminal and in a log alike: the
//! warnings worth reading (review overdue first, compactly: the line and the hint), the errors in full, each
//! rebuilt leaflet with why, and last the closing line naming the output folder — so the
//! last thing on the screen says whether it worked and where the PDFs are.

use crate::batch::{self, Options};
use crate::diagnostic::{Diagnostic, Reporter};
use crate::impose::{Imposition, printer_advice};
use crate::report;
use std::io::IsTerminal;

/// How much `build` tells, from `-q`/`-v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// Runs the build and prints its report; returns the exit code.
pub fn build(opts: &Options, verbosity: Verbosity) -> i32 {
    batch::handle_interrupts();
    let mut reporter = Reporter::default();
    let summary = match batch::run(opts) {
        Ok(s) => s,
        Err(d) => {
            reporter.print_all(&[d]);
            return 1;
        }
    };
    if opts.report && !summary.quality.is_empty() {
        println!("{}", report::header());
        let mut rows = summary.quality.clone();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, q) in &rows {
            println!("{}", report::row(name.trim_end_matches(".pdf"), q));
        }
    }
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        summary.diagnostics.iter().partition(|d| d.is_error());
    if verbosity != Verbosity::Quiet {
        // Past a handful, overdue reviews are summed up: a library where hundreds are due
        // would otherwise bury every other warning on every build.
        let many = verbosity != Verbosity::Verbose && summary.overdue.len() > OVERDUE_SHOWN;
        let mut overdue_shown = 0;
        for w in ordered(warnings) {
            if many && summary.overdue.contains(w) {
                overdue_shown += 1;
                if overdue_shown > OVERDUE_SHOWN {
                    continue;
                }
            }
            if verbosity == Verbosity::Verbose {
                eprintln!("{}", reporter.render(w));
            } else {
                eprintln!("{}", reporter.compact(w));
            }
            if many && overdue_shown == OVERDUE_SHOWN {
                overdue_shown += 1;
                eprintln!(
                    "{}",
                    crate::t!(
                        "build-overdue-more",
                        count = summary.overdue.len() - OVERDUE_SHOWN
                    )
                );
            }
        }
    }
    for e in &errors {
        eprintln!("{}", reporter.render(e));
    }
    if verbosity == Verbosity::Quiet {
        if summary.exit_code() != 0 {
            println!("{}", summary.line());
        }
        return summary.exit_code();
    }
    // In a log the progress lines already named each leaflet as it was built.
    if std::io::stderr().is_terminal() || verbosity == Verbosity::Verbose || !opts.progress {
        for line in summary.rebuilt_lines() {
            println!("{line}");
        }
    }
    if opts.booklet {
        println!("{}", printer_advice(Imposition::Booklet));
    }
    if opts.two_up {
        println!("{}", printer_advice(Imposition::TwoUp));
    }
    println!("{}", summary.line());
    summary.exit_code()
}

/// Overdue reviews shown one by one on a build before the rest are summed up in a line
/// (`-v` and `leaflet check` show them all).
const OVERDUE_SHOWN: usize = 5;

/// Warnings in the order a secretary should act on them: a leaflet due for review first
/// (it may say something no longer true), then the rest as found.
fn ordered(mut warnings: Vec<&Diagnostic>) -> Vec<&Diagnostic> {
    warnings.sort_by_key(|d| d.field.as_deref() != Some("revised"));
    warnings
}

/// Opens the first leaflet's PDF in the desktop's viewer; a leaflet folder opens the output
/// folder instead. Never waits for the viewer.
pub fn open_first(opts: &Options) {
    let Some(first) = opts.inputs.first() else {
        return;
    };
    let target = match batch::output_name(first).filter(|_| first.is_file()) {
        Some(pdf) => opts.target_dir().join(pdf),
        None => opts.target_dir(),
    };
    let (program, args): (&str, Vec<&std::ffi::OsStr>) = if cfg!(target_os = "macos") {
        ("open", vec![target.as_os_str()])
    } else if cfg!(windows) {
        (
            "cmd",
            vec![
                "/C".as_ref(),
                "start".as_ref(),
                "".as_ref(),
                target.as_os_str(),
            ],
        )
    } else {
        ("xdg-open", vec![target.as_os_str()])
    };
    if let Err(e) = std::process::Command::new(program).args(args).spawn() {
        eprintln!(
            "{}",
            crate::t!("open-failed", program = program, error = e.to_string())
        );
    }
}
