//! `leaflet preflight FILE…`: every file gets a verdict, whatever it is. A FIFO, a device,
//! a directory or a file too large for a leaflet is refused before it is read; each PDF is
//! judged on its own thread with a deadline, so a file that hangs the parser costs
//! seconds, and a file that crashes it costs only its own verdict. A reader that goes away
//! (`leaflet preflight *.pdf | head`) ends the report quietly.

use super::{Check, Profile, check_with};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Largest file judged, bytes. A print-ready A5 leaflet with photographs is a few
/// megabytes; a gigabyte "PDF" is a mistake or an attack, and reading it would take the
/// secretariat's PC with it.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// Time one file may take. The walker's limits keep every real file far below it; this
/// is the backstop that guarantees a verdict within the ten seconds the shop's own tools
/// are given.
pub const TIME_LIMIT: Duration = Duration::from_secs(8);
/// The judging thread's stack: lopdf's parser recurses into nested arrays and dictionaries.
const STACK_BYTES: usize = 64 << 20;
/// The name of judging threads, by which the panic hook recognises them.
const THREAD: &str = "preflight";

/// Runs preflight over files, printing a report; the exit code is 1 if anything failed.
pub fn run(files: &[PathBuf]) -> i32 {
    quiet_panics_in_judges();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    report(files, &Profile::default(), TIME_LIMIT, &mut out)
}

/// A crash inside a judging thread is reported as that file's verdict; the default hook
/// would also print a Rust backtrace note the secretariat cannot act on.
fn quiet_panics_in_judges() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(THREAD) {
            previous(info);
        }
    }));
}

/// Judges `files` one by one and writes the report to `out`; returns the exit code. If
/// `out` is closed, the report stops there and the code says what was judged until then.
pub fn report(files: &[PathBuf], profile: &Profile, time: Duration, out: &mut dyn Write) -> i32 {
    let mut failed_files = 0;
    let written = (|| -> std::io::Result<()> {
        for file in files {
            writeln!(out, "{}", file.display())?;
            let checks = judge(file, profile, time);
            let failed = checks.iter().filter(|c| !c.passed).count();
            for c in &checks {
                writeln!(out, "  {}", c.line())?;
            }
            let warned = checks.iter().filter(|c| c.verdict() == "WARN").count();
            let total = checks.len();
            let verdict = if failed == 0 && warned > 0 {
                crate::t!("preflight-ready-warned", passed = total, warned = warned)
            } else if failed == 0 {
                crate::t!("preflight-ready", passed = total)
            } else {
                failed_files += 1;
                crate::t!("preflight-not-ready", failed = failed, total = total)
            };
            writeln!(out, "  {verdict}")?;
        }
        let n = files.len();
        let ready = n - failed_files;
        writeln!(
            out,
            "{}",
            crate::t!("preflight-files-ready", ready = ready, total = n)
        )?;
        if failed_files > 0 {
            writeln!(out, "{}", crate::t!("preflight-build-hint"))?;
        }
        out.flush()
    })();
    // A closed pipe is the reader's choice, not a failure: the code says what was judged.
    let _ = written;
    i32::from(failed_files > 0)
}

fn refused(why: String) -> Vec<Check> {
    vec![Check::new("readable", vec![why], "")]
}

/// One file's checks, or the one reason it could not be judged.
pub fn judge(path: &Path, profile: &Profile, time: Duration) -> Vec<Check> {
    // `metadata` follows symlinks and never blocks, unlike opening a FIFO.
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return refused(format!("cannot open it ({e})")),
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a pipe, socket or device)"
        };
        return refused(format!("it is {what}; preflight reads PDF files only"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return refused(format!(
            "it is {} MB; a leaflet is far smaller (at most {} MB is read)",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return refused(format!("cannot read it ({e})"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return refused(format!(
            "it grew past {} MB while being read",
            MAX_FILE_BYTES >> 20
        ));
    }
    judge_bytes(bytes, profile, time)
}

/// Judges bytes on a thread of their own, giving up after `time`.
pub fn judge_bytes(bytes: Vec<u8>, profile: &Profile, time: Duration) -> Vec<Check> {
    let profile = *profile;
    on_thread(bytes, time, move |b| check_with(b, &profile))
}

/// Runs `check` on a thread named for the panic hook; a panic that escapes it, or a
/// check that outlives `time`, becomes the file's verdict.
fn on_thread<F>(bytes: Vec<u8>, time: Duration, check: F) -> Vec<Check>
where
    F: FnOnce(&[u8]) -> Vec<Check> + Send + 'static,
{
    let (send, receive) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD.into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let _ = send.send(check(&bytes));
        });
    if let Err(e) = spawned {
        return refused(format!("preflight could not start a thread for it ({e})"));
    }
    match receive.recv_timeout(time) {
        Ok(checks) => checks,
        // The thread is left to finish on its own; the process ends without waiting for it.
        Err(mpsc::RecvTimeoutError::Timeout) => refused(format!(
            "it could not be judged within {} s; a file this hard to read is not ready",
            time.as_secs_f32()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            refused("the PDF reader crashed on it; it cannot be vouched for".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only_line(checks: &[Check]) -> String {
        assert_eq!(checks.len(), 1, "{checks:?}");
        checks[0].line()
    }

    #[test]
    fn a_crash_or_a_hang_is_a_verdict_and_not_the_end_of_the_run() {
        let crashed = on_thread(vec![1], Duration::from_secs(5), |_| panic!("boom"));
        assert_eq!(
            only_line(&crashed),
            "FAIL  readable: the PDF reader crashed on it; it cannot be vouched for"
        );
        let hung = on_thread(vec![1], Duration::from_millis(200), |_| {
            std::thread::sleep(Duration::from_secs(3));
            Vec::new()
        });
        assert_eq!(
            only_line(&hung),
            "FAIL  readable: it could not be judged within 0.2 s; a file this hard to read is not ready"
        );
        // A panic inside the checks themselves is caught where it happens.
        let garbage = judge_bytes(b"%PDF-1.6\n".to_vec(), &Profile::default(), TIME_LIMIT);
        assert!(garbage.iter().any(|c| !c.passed));
    }
}
