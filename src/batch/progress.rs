//! Progress on stderr: a bar on a terminal; in a log (CI, cron) one plain line per leaflet
//! built (with why) or failed, since a redrawn bar there is noise. Up-to-date leaflets stay quiet.

use super::build::Outcome;
use crate::t;

pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
}

impl Progress {
    pub fn new(enabled: bool, len: usize) -> Progress {
        use std::io::IsTerminal;
        let terminal = std::io::stderr().is_terminal();
        let bar = (enabled && terminal && len > 1).then(|| {
            let bar = indicatif::ProgressBar::new(len as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                "{{bar:40.cyan/blue}} {{pos}}/{{len}} {} ({{eta}})",
                t!("build-progress-bar")
            )) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            lines: enabled && !terminal,
        }
    }

    pub fn done(&self, name: &str, outcome: &Outcome) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        } else if self.lines {
            match outcome {
                Outcome::Built(.., why) => eprintln!(
                    "{}",
                    t!(
                        "build-progress-built",
                        name = name,
                        why = super::reason::describe_all(why)
                    )
                ),
                Outcome::Failed(..) => eprintln!("{}", t!("build-progress-failed", name = name)),
                Outcome::UpToDate(..) | Outcome::Skipped => {}
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
