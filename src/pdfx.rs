//! What a PDF/X-4 print file is, shared by the writer ([`crate::pdf`]) and the checker
//! ([`crate::preflight`]) so that neither has to import the other: the shop's trim and
//! bleed, and the XMP reader both use to agree on metadata.

pub mod xmp;

/// The shop's trim: A5 portrait, millimetres.
pub const TRIM_MM: (f32, f32) = (148.0, 210.0);
/// Bleed beyond the trim on every side, millimetres.
pub const BLEED_MM: f32 = 3.0;

/// A press condition a print file may declare as its output intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    /// `/OutputConditionIdentifier`, the name in the ICC's registry of characterisations.
    pub identifier: &'static str,
    /// `/OutputCondition`, for people.
    pub name: &'static str,
    /// `/Info`, the profile's description.
    pub info: &'static str,
}

/// Sheet-fed offset on coated paper (ISO 12647-2 paper type 1/2).
pub const COATED: Condition = Condition {
    identifier: "FOGRA39",
    name: "ISO Coated v2 300% (basICColor), FOGRA39",
    info: "ISO Coated v2 300% (basICColor)",
};

/// Sheet-fed offset on uncoated white paper (ISO 12647-2 paper type 4).
pub const UNCOATED: Condition = Condition {
    identifier: "FOGRA29",
    name: "Uncoated FOGRA29 300% (ArgyllCMS from FOGRA29L), FOGRA29",
    info: "Uncoated FOGRA29 300% (ArgyllCMS from FOGRA29L.ti3)",
};

/// The conditions leaflet writes, and so the ones its preflight accepts.
pub const CONDITIONS: [Condition; 2] = [COATED, UNCOATED];
