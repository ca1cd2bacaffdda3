//! What the content walker reports, and how much it is willing to read.

use super::colour::Colour;
use super::images::ImageUse;

/// How much of a file the walker will read before it calls the file unjudgeable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Operators interpreted over the whole file. A 20-page leaflet has about 40 000;
    /// a million is a file nobody typeset by hand, and keeps a verdict under a second.
    pub operators: u64,
    /// Form XObjects run over the whole file, counting each time one is drawn: ten
    /// nested forms each drawing the one below ten times is 10¹⁰ runs at depth ten.
    pub form_runs: u64,
    /// Nesting of forms inside forms.
    pub form_depth: u32,
    /// Decoded bytes of one content stream: the inflated size of a deflate bomb.
    pub stream_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            operators: 1_000_000,
            form_runs: 10_000,
            form_depth: 12,
            stream_bytes: 32 << 20,
        }
    }
}

/// Text drawn by one show operator.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShow {
    /// 1-based page number.
    pub page: usize,
    /// The resource name of the font.
    pub font: Vec<u8>,
    /// Drawn inside a tiling pattern's cell: it repeats over the area painted, so its
    /// place is not where it prints (the safe area does not judge it).
    pub tiled: bool,
    /// The type size as printed (after every matrix), points.
    pub size: f32,
    /// Bounding box on the page, user space: x0, y0, x1, y1.
    pub bbox: [f32; 4],
    /// Start of the baseline on the page.
    pub origin: (f32, f32),
    pub fill: Colour,
    /// Whether the fill is set to overprint (`/op true` in the graphics state).
    pub overprint: bool,
    /// The shown string's bytes (character codes in the font's encoding).
    pub codes: Vec<u8>,
    /// Offsets into `codes` where a TJ adjustment opens a gap of a fifth of an em or more:
    /// a word space set as a kern, which text extraction reads as a space.
    pub gaps: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub page: usize,
    /// Line width as printed, points.
    pub width: f32,
}

/// A filled path made of rectangles only, with its page-space bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRect {
    pub page: usize,
    pub bbox: [f32; 4],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaintKind {
    Fill,
    Stroke,
}

/// One painted path: where, in which colour, and whether it overprints.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    pub page: usize,
    pub kind: PaintKind,
    pub bbox: [f32; 4],
    pub colour: Colour,
    pub overprint: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RgbUse {
    pub page: usize,
    pub what: String,
}

/// Everything the walker saw on every page.
#[derive(Debug, Default)]
pub struct Findings {
    pub text: Vec<TextShow>,
    pub strokes: Vec<Stroke>,
    pub fills: Vec<FilledRect>,
    pub paints: Vec<Paint>,
    pub images: Vec<ImageUse>,
    pub rgb: Vec<RgbUse>,
    /// Pages with content marked as optional (a layer).
    pub optional_content: Vec<usize>,
    /// Content that could not be read; preflight cannot vouch for what it did not see.
    pub errors: Vec<String>,
    /// Operators interpreted, over the whole file.
    pub operators: u64,
    /// Form XObjects run, over the whole file.
    pub form_runs: u64,
}
