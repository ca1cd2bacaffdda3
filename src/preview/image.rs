//! A placed picture as an SVG `<image>` with the picture inside it as a `data:` URI: the
//! preview page is one file the browser loads as an image, which may not fetch anything
//! else, so the picture has to travel inside it.

use crate::images::{Content, Image};
use crate::layout::figure::PlacedImage;
use base64::Engine as _;
use svg2pdf::usvg;

/// The `<image>` element for `placed`, or a grey box with the alt text when the picture
/// cannot be re-encoded (the PDF still has it; only the preview lacks it).
pub fn element(placed: &PlacedImage) -> String {
    let (x, y, w, h) = (placed.x, placed.y, placed.width, placed.height);
    match data_uri(&placed.image) {
        Some(uri) => format!(
            r#"<image x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" preserveAspectRatio="none" href="{uri}"/>"#
        ),
        None => format!(
            r##"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="#ddd"><title>{}</title></rect>"##,
            escape(&placed.alt)
        ),
    }
}

/// The picture as a `data:` URI: a JPEG as it is, pixels as PNG, an SVG as usvg writes it.
fn data_uri(image: &Image) -> Option<String> {
    let (mime, bytes) = match &image.content {
        Content::Jpeg { bytes, .. } => ("image/jpeg", bytes.clone()),
        Content::Svg(tree) => (
            "image/svg+xml",
            tree.to_string(&usvg::WriteOptions::default()).into_bytes(),
        ),
        Content::Raster(r) => ("image/png", png_bytes(r)?),
    };
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    Some(format!("data:{mime};base64,{b64}"))
}

/// Decoded pixels (and their alpha) back into a PNG for the browser.
fn png_bytes(r: &crate::images::raster::Raster) -> Option<Vec<u8>> {
    let (colour, pixels) = match (r.channels, &r.alpha) {
        (1, None) => (png::ColorType::Grayscale, r.pixels.clone()),
        (3, None) => (png::ColorType::Rgb, r.pixels.clone()),
        (1, Some(a)) => (png::ColorType::GrayscaleAlpha, interleave(&r.pixels, a, 1)),
        (3, Some(a)) => (png::ColorType::Rgba, interleave(&r.pixels, a, 3)),
        _ => return None,
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, r.width, r.height);
    encoder.set_color(colour);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels).ok()?;
    writer.finish().ok()?;
    Some(out)
}

fn interleave(colour: &[u8], alpha: &[u8], channels: usize) -> Vec<u8> {
    colour
        .chunks_exact(channels)
        .zip(alpha)
        .flat_map(|(c, a)| c.iter().copied().chain(std::iter::once(*a)))
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_is_interleaved_after_each_pixel() {
        assert_eq!(
            interleave(&[1, 2, 3, 4, 5, 6], &[9, 8], 3),
            [1, 2, 3, 9, 4, 5, 6, 8]
        );
    }
}
