//! How much a justified line's glyphs give: pdfTeX-style expansion (PDF `Tz`) in steps, and
//! a hair of letter-spacing. The breaker counts exactly this give and the line setter
//! spends exactly this, so the two agree on every line.

/// Glyphs of a justified line may be widened or narrowed by up to this fraction (drawn
/// with PDF `Tz`): pdfTeX's font expansion limit, which readers do not notice, unlike
/// open letter-spacing (issue 13).
pub const MAX_EXPANSION: f32 = 0.02;
/// Expansion is applied in steps of this size, as pdfTeX does, so that neighbouring lines
/// share a width exactly or differ by a visible-to-nobody half per cent.
pub const EXPANSION_STEP: f32 = 0.005;
/// Letter-spacing per gap between two glyphs at full stretch, in ems. The issue allows
/// ±0.005 em per gap and at most 0.004 em between adjacent lines; stretch and shrink
/// together stay at 0.004, so a line at full stretch next to one at full shrink never
/// changes the grey line by line. Stretch gets the larger share because a loose line is the
/// justified block's usual flaw (word spaces already shrink to 0.8×). Measured on the
/// shipped leaflets: 0.0025/0.0015 took the widest word space from 1.52 to 1.51 with every
/// other figure the same or better; 0.003/0.001 reached 1.50 but the looser ratio scale let
/// ct-scan's median space rise to 1.11 (target ≤ 1.10).
pub const LETTER_STRETCH_EMS: f32 = 0.0025;
/// Letter-spacing per gap at full shrink, in ems (see `LETTER_STRETCH_EMS`).
pub const LETTER_SHRINK_EMS: f32 = 0.0015;

/// How much a box of `glyphs` glyphs may widen (or narrow) at ratio ±1: full expansion plus
/// `letter_ems` per gap (`LETTER_STRETCH_EMS` or `LETTER_SHRINK_EMS`). The line setter
/// spends exactly this, so breaker and setter agree.
pub fn box_give(width: f32, glyphs: usize, size: f32, letter_ems: f32) -> f32 {
    width * MAX_EXPANSION + glyphs.saturating_sub(1) as f32 * letter_ems * size
}

/// Letter-spacing per gap of a justified line at `ratio`, in ems: the ratio's share of the
/// stretch or shrink limit, never beyond it (the word spaces take the rest).
pub fn letter_spacing_at(ratio: f32) -> f32 {
    if ratio >= 0.0 {
        ratio.min(1.0) * LETTER_STRETCH_EMS
    } else {
        ratio.max(-1.0) * LETTER_SHRINK_EMS
    }
}

/// The glyph width factor a line at `ratio` is drawn with: the ratio's share of the
/// expansion limit, rounded to whole steps.
pub fn expansion_at(ratio: f32) -> f32 {
    let exact = ratio.clamp(-1.0, 1.0) * MAX_EXPANSION / EXPANSION_STEP;
    // A shrunk line rounds towards more shrink: its spaces may open to take the rest back,
    // but could not close further than the breaker counted on.
    let steps = if exact < 0.0 {
        exact.floor()
    } else {
        exact.round()
    };
    1.0 + steps * EXPANSION_STEP
}
