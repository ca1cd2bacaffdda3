//! Stopping cleanly on SIGINT (Ctrl-C), SIGTERM (`kill`, `timeout`, `systemctl stop`,
//! `docker stop`) and SIGHUP (a closed terminal): workers finish or abandon the leaflet in
//! hand and start no new one; the run writes its manifest and index, prints its summary and
//! exits with 128 + the signal's number (130, 143, 129), as shells do. A second signal quits
//! at once; the next run removes the temporary files that leaves.
//!
//! signal-hook rather than ctrlc: the exit code must tell which signal came, and ctrlc's
//! handler is not told.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The signal that asked the run to stop, 0 while none has.
static SIGNAL: AtomicUsize = AtomicUsize::new(0);
/// Armed by the first signal, so that a second one exits at once.
static ARMED: AtomicBool = AtomicBool::new(false);

/// Installs the handlers; a process that never calls this (a test, a library user) is
/// never interrupted.
pub fn handle_interrupts() {
    #[cfg(unix)]
    {
        use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
        use signal_hook::flag;
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // Order matters: the shutdown is registered first, so the first signal finds it
            // disarmed and only the second one exits.
            let _ = flag::register_conditional_shutdown(signal, 128 + signal, &ARMED);
            let _ = flag::register_usize(signal, &SIGNAL, signal as usize);
            let _ = flag::register(signal, &ARMED);
        }
    }
    #[cfg(not(unix))]
    {
        use signal_hook::consts::signal::{SIGINT, SIGTERM};
        use signal_hook::flag;
        for signal in [SIGINT, SIGTERM] {
            let _ = flag::register_conditional_shutdown(signal, 128 + signal, &ARMED);
            let _ = flag::register_usize(signal, &SIGNAL, signal as usize);
            let _ = flag::register(signal, &ARMED);
        }
    }
}

/// The signal that asked the run to stop, if one did.
pub fn stop_signal() -> Option<i32> {
    match SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s as i32),
    }
}

/// Whether a signal asked the run to stop.
pub fn interrupted() -> bool {
    SIGNAL.load(Ordering::Relaxed) != 0
}
