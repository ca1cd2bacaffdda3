//! The ragged-right side of the breaker: how a line's shortfall from the measure is priced
//! (the rag), how far its word spaces may close or open, and what a hyphen costs when it
//! buys only an evener edge. `linebreak.rs` runs the same programme for both alignments;
//! these are the figures that make it set an even rag (issue 13).

/// Ragged-right: a line this much shorter than the measure (fraction) is "badness 100".
/// Just under the 8 % p95 target, so the cube of the badness makes most lines come closer.
pub(super) const RAG_SCALE: f32 = 0.07;
/// Ragged-right: no line but a paragraph's last may be shorter than 80 % of the measure
/// (issue 13), outside the emergency passes.
pub(super) const RAG_LIMIT: f32 = 0.20;
/// Ragged-right: word spaces may close to this share of their justified shrink (0.5: to
/// 0.9× natural) so a line can take one more word (they open only past `RAG_TARGET`).
/// TeX's ragged right does the same (its word glue keeps its shrink); on the shipped
/// leaflets it took the worst p95 rag from 13.7 % to 9.5 % without another hyphen.
pub const RAGGED_SPACE_SHRINK: f32 = 0.5;
/// Ragged-right: a line falling more than this short of the measure (fraction) lets its
/// word spaces open to close the rest of the gap, up to `RAGGED_SPACE_STRETCH`. TeX's
/// ragged right does the same with a finite \rightskip stretch (its word glue keeps its
/// stretch and takes a share of every line's shortfall, as ragged2e sets it); here only the
/// lines that would stand out take any, so most lines keep natural spaces. Without it a
/// line whose next word is long and may not be hyphenated (a paragraph's last full line)
/// is as short as the words make it: 8–17 % on the shipped leaflets, 3–5 such lines each.
/// 7 %, where `RAG_STEEP_FROM` starts: measured on the shipped leaflets, 6 % opened the
/// spaces of 15–18 lines a leaflet for a p95 at most 0.2 % better; 7 % opens 9–13.
pub const RAG_TARGET: f32 = 0.07;
/// Ragged-right: the share of their justified stretch that word spaces may open by to
/// close a gap beyond `RAG_TARGET`: 0.3 / 0.35, spaces at most 1.3× natural, inside the
/// justified p95 target (1.35×) and only on the lines far short. Measured on the fixtures
/// (rag p95): 1.2× 7.7–10.6 %, 1.25× 7.3–10.2 %, 1.3× 6.8–9.8 %, 1.35× 7.1–9.4 %.
pub const RAGGED_SPACE_STRETCH: f32 = 0.3 / 0.35;
/// Ragged-right: a line still this short (fraction of the measure) after its spaces opened
/// stands out of the rag (the p95 target is 8 %), so it pays `RAG_STEEP_DEMERITS`.
/// 7 % rather than 8 %: measured on the fixtures, 7.5 % let immunotherapie buy its rag with
/// a fourth hyphen (11 % of lines) and 6.5 % bought no better rag.
pub(super) const RAG_STEEP_FROM: f32 = 0.07;
/// Demerits for a line past `RAG_STEEP_FROM`: more than a syllable break
/// (`RAGGED_HYPHEN_DEMERITS` plus its penalty), less than a break inside a compound's part
/// (`INSIDE_PART_HYPHEN_PENALTY`² = 160,000, "Kan-|kerimmunotherapie"), so where a line
/// can be saved by a decent hyphen it is. Measured: 80,000 left bloedafname at p95 8.1 %,
/// 100,000–150,000 give 6.8 %, 200,000 bought "Kan-|kerimmunotherapie".
pub(super) const RAG_STEEP_DEMERITS: f64 = 150_000.0;
/// Ragged-right: every hyphen costs this on top of its penalty, because in ragged text a
/// hyphen buys only an evener edge, not evener spaces; readability guides (RNIB, BDA,
/// Keurmerk Makkelijk Lezen) ask for as few split words as possible.
/// At 40,000 a hyphen must save about one line 8.7 % short ((10 + 190)² = 40,000; badness
/// 190 = 100·(0.087/0.07)³). Measured on the shipped leaflets: from 20,000 to 40,000
/// immunotherapie went from 17 % to 11 % hyphenated lines and bloedafname from 8 % to 7 %
/// with every rag p95 unchanged; 80,000 raised the p95 of two leaflets by 0.9 %.
pub(super) const RAGGED_HYPHEN_DEMERITS: f64 = 40_000.0;
/// Ragged-right: the same for a break at a compound boundary ("afweer-|systeem") or after
/// the author's hyphen: an eighth, so boundaries are strongly preferred.
pub(super) const RAGGED_BOUNDARY_DEMERITS: f64 = 5_000.0;
/// How much of a ragged line's `gap` (points short of the measure) its word spaces take:
/// what lies beyond `target`, up to the spaces' `room`. The breaker prices the rest and
/// the line setter opens the spaces by exactly this, so the two agree.
pub fn ragged_take(gap: f64, target: f64, room: f64) -> f64 {
    (gap - target).clamp(0.0, room.max(0.0))
}
