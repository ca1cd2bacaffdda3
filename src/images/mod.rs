//! Picture files a leaflet places (figures, the hospital's logo): read once, checked, and
//! decoded far enough for layout (their size) and for the PDF writer (their pixels or
//! vectors). Nothing here knows PDF.
//!
//! Every file is hostile until proven otherwise: a secretary drops in whatever the intranet
//! gave her. The kind is read from the file's first bytes, never from its name; sizes,
//! pixel counts and decoded bytes are capped before anything is allocated; and every
//! refusal is a sentence for the author, placed by the caller at the figure's line.

mod jpeg;
pub mod raster;
mod svg;

use crate::source::file::read_regular;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;
use svg2pdf::usvg;

pub use jpeg::JpegInfo;
pub use raster::Raster;

/// A picture file is refused above this size: a leaflet photo at 300 ppi over an A5 page
/// is 3 MB as JPEG; 20 MB is a camera original or a scan no one meant to print.
pub const MAX_IMAGE_BYTES: u64 = 20 << 20;
/// An SVG illustration is a few hundred kilobytes; more is an embedded photo or a bomb.
pub const MAX_SVG_BYTES: u64 = 2 << 20;
/// At most this many pixels: an A5 page at 600 ppi is 12 million. The cap keeps a 1×1 PNG
/// header claiming 100,000 × 100,000 pixels from asking for 40 GB.
pub const MAX_PIXELS: u64 = 40_000_000;

/// What kind of picture a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Svg,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Jpeg => "JPEG",
            Kind::Png => "PNG",
            Kind::Svg => "SVG",
        }
    }
}

/// A picture's content, ready for the PDF writer.
#[derive(Debug)]
pub enum Content {
    /// Embedded as it is (DCTDecode): re-compressing a photo only loses quality.
    Jpeg { bytes: Vec<u8>, info: JpegInfo },
    /// Decoded pixels, 8 bits per channel, alpha apart (it becomes a soft mask).
    Raster(Raster),
    /// A parsed SVG, drawn as vectors.
    Svg(Box<usvg::Tree>),
}

/// One picture file, read and checked.
#[derive(Debug)]
pub struct Image {
    /// A hash of the file's bytes: the same picture placed twice is embedded once.
    pub id: [u8; 32],
    pub content: Content,
    /// Width and height in pixels (for SVG: in CSS pixels, which fixes only the shape).
    pub width: f32,
    pub height: f32,
    /// For a logo: its sRGB colours that the house style prints as exact CMYK brand
    /// colours (`logo_colors`), set once the style is read.
    pub brand: std::sync::OnceLock<Vec<([u8; 3], crate::style::Cmyk)>>,
    /// An SVG as the PDF writer converted it (opaque bytes, `None` when it could not):
    /// kept so a library's logo, one `Image` shared by all its leaflets, is converted once
    /// per run rather than once per leaflet.
    pub converted: std::sync::OnceLock<Option<Vec<u8>>>,
}

impl Image {
    /// Height ÷ width: what layout needs to give the picture its place.
    pub fn aspect(&self) -> f32 {
        self.height / self.width
    }

    /// Pixels across, for the effective resolution; `None` for vectors, which have none.
    pub fn pixels_across(&self) -> Option<f32> {
        match self.content {
            Content::Svg(_) => None,
            _ => Some(self.width),
        }
    }

    /// Short hex of the id, for a resource name.
    pub fn short_id(&self) -> String {
        self.id[..6].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Pictures compare by content: two placements of one file are the same picture.
impl PartialEq for Image {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Why a picture file cannot be placed: a sentence for the author and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

fn refuse(message: impl Into<String>, hint: impl Into<String>) -> Refusal {
    Refusal {
        message: message.into(),
        hint: hint.into(),
    }
}

fn save_again() -> String {
    crate::t!("picture-save-again")
}

/// Reads and checks the picture at `path`.
pub fn load(path: &Path) -> Result<Arc<Image>, Refusal> {
    let bytes = read_regular(path, MAX_IMAGE_BYTES).map_err(|d| {
        refuse(
            d.message,
            d.hint
                .unwrap_or_else(|| crate::t!("picture-unreadable-hint")),
        )
    })?;
    decode(path, bytes).map(Arc::new)
}

/// Checks and decodes a picture file's bytes; `path` gives only the extension to compare.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Image, Refusal> {
    if bytes.is_empty() {
        return Err(refuse(
            crate::t!("picture-empty"),
            crate::t!("picture-empty-hint"),
        ));
    }
    let kind =
        sniff(&bytes).ok_or_else(|| refuse(crate::t!("picture-unknown-kind"), save_again()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let named = match ext.as_deref() {
        Some("jpg" | "jpeg") => Some(Kind::Jpeg),
        Some("png") => Some(Kind::Png),
        Some("svg") => Some(Kind::Svg),
        _ => None,
    };
    if named != Some(kind) {
        return Err(refuse(
            crate::t!(
                "picture-wrong-extension",
                kind = kind.name(),
                ext = ext.as_deref().unwrap_or("")
            ),
            crate::t!(
                "picture-wrong-extension-hint",
                ext = kind.name().to_ascii_lowercase()
            ),
        ));
    }
    let id: [u8; 32] = Sha256::digest(&bytes).into();
    let (content, width, height) = match kind {
        Kind::Jpeg => {
            let info = jpeg::read_header(&bytes)?;
            let (w, h) = (info.width as f32, info.height as f32);
            (Content::Jpeg { bytes, info }, w, h)
        }
        Kind::Png => {
            let r = raster::decode_png(&bytes)?;
            let (w, h) = (r.width as f32, r.height as f32);
            (Content::Raster(r), w, h)
        }
        Kind::Svg => {
            if bytes.len() as u64 > MAX_SVG_BYTES {
                return Err(refuse(
                    crate::t!(
                        "svg-too-large",
                        size = bytes.len() / 1024,
                        max = MAX_SVG_BYTES / 1024
                    ),
                    crate::t!("svg-too-large-hint"),
                ));
            }
            let tree = svg::parse(&bytes)?;
            let size = tree.size();
            let (w, h) = (size.width(), size.height());
            (Content::Svg(Box::new(tree)), w, h)
        }
    };
    Ok(Image {
        id,
        content,
        width,
        height,
        brand: std::sync::OnceLock::new(),
        converted: std::sync::OnceLock::new(),
    })
}

/// The picture kind from the file's first bytes.
fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Kind::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    // SVG is XML text: a declaration, comments or a doctype may come before `<svg`.
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with('<') && text.contains("<svg")).then_some(Kind::Svg)
}

/// Whether `w × h` pixels stay within [`MAX_PIXELS`], refused in the author's words if not.
fn check_pixels(w: u64, h: u64) -> Result<(), Refusal> {
    if w == 0 || h == 0 {
        return Err(refuse(
            crate::t!("picture-zero-size", width = w, height = h),
            save_again(),
        ));
    }
    if w.saturating_mul(h) > MAX_PIXELS {
        return Err(refuse(
            crate::t!(
                "picture-too-many-pixels",
                width = w,
                height = h,
                max = MAX_PIXELS / 1_000_000
            ),
            crate::t!("picture-too-many-pixels-hint"),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
