//! PNG decoding: to 8-bit grey or RGB with the alpha channel apart, since PDF draws
//! transparency through a separate soft mask.

use super::{MAX_PIXELS, Refusal, check_pixels, refuse};

#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    /// 1 grey or 3 RGB.
    pub channels: u8,
    pub pixels: Vec<u8>,
    /// One byte a pixel; `None` when every pixel is opaque (no mask is worth writing).
    pub alpha: Option<Vec<u8>>,
}

/// Most bytes the decoder may hold for one image: the pixel cap at four 16-bit channels.
const MAX_DECODED_BYTES: usize = (MAX_PIXELS as usize) * 8;

pub fn decode_png(bytes: &[u8]) -> Result<Raster, Refusal> {
    let damaged = |e: png::DecodingError| {
        refuse(
            crate::t!("png-unreadable", why = plain(&e)),
            crate::t!("png-save-again"),
        )
    };
    let mut decoder = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: MAX_DECODED_BYTES,
        },
    );
    // Palette and low-bit images to 8 bits a channel, 16-bit down to 8: the press
    // prints no more.
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let header = decoder.read_header_info().map_err(damaged)?;
    check_pixels(header.width as u64, header.height as u64)?;
    let mut reader = decoder.read_info().map_err(damaged)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| refuse(crate::t!("png-too-large"), crate::t!("png-too-large-hint")))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(damaged)?;
    buf.truncate(frame.buffer_size());
    let (w, h) = (frame.width, frame.height);
    let (channels, has_alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => {
            return Err(refuse(
                crate::t!("png-palette"),
                crate::t!("png-save-again"),
            ));
        }
    };
    if !has_alpha {
        return Ok(Raster {
            width: w,
            height: h,
            channels,
            pixels: buf,
            alpha: None,
        });
    }
    let stride = channels as usize + 1;
    let mut pixels = Vec::with_capacity(buf.len() / stride * channels as usize);
    let mut alpha = Vec::with_capacity(buf.len() / stride);
    for px in buf.chunks_exact(stride) {
        pixels.extend_from_slice(&px[..channels as usize]);
        alpha.push(px[channels as usize]);
    }
    let opaque = alpha.iter().all(|&a| a == 255);
    Ok(Raster {
        width: w,
        height: h,
        channels,
        pixels,
        alpha: (!opaque).then_some(alpha),
    })
}

/// The decoder's complaint in a few words, without its internal jargon.
fn plain(e: &png::DecodingError) -> String {
    match e {
        png::DecodingError::IoError(_) => crate::t!("png-cut-short"),
        png::DecodingError::LimitsExceeded => crate::t!("png-too-many-bytes"),
        other => {
            let s = other.to_string();
            let s: String = s.chars().take(120).collect();
            s.to_lowercase()
        }
    }
}
