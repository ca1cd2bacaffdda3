//! The breaker's passes: which lines each accepts, tried in order until one sets the whole
//! paragraph (TeX's `\tolerance` passes, `\emergencystretch`, and a last resort).

use super::ragged::{RAG_LIMIT, RAG_SCALE};
use super::{
    EMERGENCY_STRETCH_EMS, FIRST_PASS_TOLERANCE, SECOND_PASS_TOLERANCE, THIRD_PASS_TOLERANCE,
};

/// One pass's acceptance rule.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pass {
    pub(super) tolerance: f64,
    pub(super) emergency_ems: f32,
    pub(super) last_resort: bool,
}

pub(super) const JUSTIFIED_PASSES: [Pass; 4] = [
    Pass {
        tolerance: FIRST_PASS_TOLERANCE,
        emergency_ems: 0.0,
        last_resort: false,
    },
    Pass {
        tolerance: SECOND_PASS_TOLERANCE,
        emergency_ems: 0.0,
        last_resort: false,
    },
    Pass {
        tolerance: THIRD_PASS_TOLERANCE,
        emergency_ems: EMERGENCY_STRETCH_EMS,
        last_resort: false,
    },
    Pass {
        tolerance: f64::INFINITY,
        emergency_ems: EMERGENCY_STRETCH_EMS,
        last_resort: true,
    },
];

/// Ragged-right: first every line within `RAG_LIMIT`; then any line that fits (a long
/// address may leave no choice); then the last resort.
pub(super) const RAGGED_PASSES: [Pass; 3] = [
    Pass {
        tolerance: 100.0
            * (RAG_LIMIT / RAG_SCALE) as f64
            * (RAG_LIMIT / RAG_SCALE) as f64
            * (RAG_LIMIT / RAG_SCALE) as f64
            + 1e-6,
        emergency_ems: 0.0,
        last_resort: false,
    },
    Pass {
        tolerance: f64::INFINITY,
        emergency_ems: 0.0,
        last_resort: false,
    },
    Pass {
        tolerance: f64::INFINITY,
        emergency_ems: 0.0,
        last_resort: true,
    },
];
