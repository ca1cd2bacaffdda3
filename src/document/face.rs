//! Which face of the family a run is set in: the document stage chooses it (bold headings,
//! emphasis), the text stage shapes with it, so it lives with the chooser.

/// The four faces of the family. `Ord` so output that iterates faces is deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceId {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FaceId {
    pub const ALL: [FaceId; 4] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
    ];

    pub fn styled(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The PostScript-style name the PDF gives this face.
    pub fn postscript_name(self) -> &'static str {
        match self {
            FaceId::Regular => "AtkinsonHyperlegible-Regular",
            FaceId::Bold => "AtkinsonHyperlegible-Bold",
            FaceId::Italic => "AtkinsonHyperlegible-Italic",
            FaceId::BoldItalic => "AtkinsonHyperlegible-BoldItalic",
        }
    }
}
