//! What a PDF/X-4 print file is, shared by the writer ([`crate::pdf`]) and the checker
//! ([`crate::preflight`]) so that neither has to import the other: the shop's trim and
//! bleed, and the XMP reader both use to agree on metadata.

pub mod xmp;

/// The shop's trim: A5 portrait, millimetres.
pub const TRIM_MM: (f32, f32) = (148.0, 210.0);
/// Bleed beyond the trim on every side, millimetres.
pub const BLEED_MM: f32 = 3.0;
