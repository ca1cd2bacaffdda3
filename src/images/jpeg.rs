//! The JPEG facts a PDF needs to embed the file unchanged: size, channels and whether
//! Adobe's inverted CMYK convention applies. Read from the markers before the scan; the
//! compressed data itself is the PDF reader's business (DCTDecode).

use super::{Refusal, check_pixels, refuse};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: u32,
    pub height: u32,
    /// 1 grey, 3 colour (YCbCr), 4 CMYK or YCCK.
    pub components: u8,
    /// An Adobe APP14 marker: Photoshop writes CMYK inverted under it, so the PDF must
    /// decode the channels inverted (`/Decode [1 0 1 0 1 0 1 0]`) or the photo prints as
    /// a negative.
    pub adobe: bool,
}

fn damaged() -> String {
    crate::t!("jpeg-save-again")
}

/// Walks the markers up to the first frame header (SOF).
pub fn read_header(bytes: &[u8]) -> Result<JpegInfo, Refusal> {
    let truncated = || refuse(crate::t!("jpeg-damaged"), damaged());
    let mut adobe = false;
    let mut i = 2;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if bytes.get(i) != Some(&0xFF) {
            return Err(truncated());
        }
        let marker = *bytes.get(i + 1).ok_or_else(truncated)?;
        i += 2;
        // Standalone markers carry no length.
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue;
        }
        if matches!(marker, 0xD9 | 0xDA) {
            // The image ends, or its data starts, before any frame header.
            return Err(truncated());
        }
        let len = u16::from_be_bytes([
            *bytes.get(i).ok_or_else(truncated)?,
            *bytes.get(i + 1).ok_or_else(truncated)?,
        ]) as usize;
        if len < 2 {
            return Err(truncated());
        }
        let segment = bytes.get(i + 2..i + len).ok_or_else(truncated)?;
        match marker {
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if matches!(marker, 0xC3 | 0xC7 | 0xCB | 0xCF) {
                    return Err(refuse(crate::t!("jpeg-lossless"), damaged()));
                }
                if segment.len() < 6 {
                    return Err(truncated());
                }
                let precision = segment[0];
                let height = u16::from_be_bytes([segment[1], segment[2]]) as u32;
                let width = u16::from_be_bytes([segment[3], segment[4]]) as u32;
                let components = segment[5];
                if precision != 8 {
                    return Err(refuse(
                        crate::t!("jpeg-precision", bits = precision),
                        damaged(),
                    ));
                }
                if !matches!(components, 1 | 3 | 4) {
                    return Err(refuse(
                        crate::t!("jpeg-channels", channels = components),
                        damaged(),
                    ));
                }
                check_pixels(width as u64, height as u64)?;
                // APP14 normally precedes the frame header; look on for it in the rest
                // of the header segments too.
                adobe |= adobe_after(bytes, i + len);
                if !complete(bytes, i + len) {
                    return Err(truncated());
                }
                return Ok(JpegInfo {
                    width,
                    height,
                    components,
                    adobe,
                });
            }
            _ => {}
        }
        i += len;
    }
}

/// Whether an Adobe APP14 marker follows among the header segments after `i`.
fn adobe_after(bytes: &[u8], mut i: usize) -> bool {
    while let (Some(0xFF), Some(&m)) = (bytes.get(i), bytes.get(i + 1)) {
        if m == 0xDA || m == 0xD9 {
            return false;
        }
        let Some(len) = bytes
            .get(i + 2..i + 4)
            .map(|l| u16::from_be_bytes([l[0], l[1]]) as usize)
        else {
            return false;
        };
        if m == 0xEE && bytes.get(i + 4..i + 9) == Some(b"Adobe") {
            return true;
        }
        i += 2 + len;
    }
    false
}

/// Whether the scan data starts after `i` and the image ends (EOI): a file cut short in
/// transfer has its header and half its picture, and a PDF reader would show the rest
/// grey. Inside the scan every 0xFF byte is stuffed (`FF 00`), so `FF D9` is the end.
fn complete(bytes: &[u8], i: usize) -> bool {
    let Some(sos) = bytes[i.min(bytes.len())..]
        .windows(2)
        .position(|w| w == [0xFF, 0xDA])
        .map(|p| p + i)
    else {
        return false;
    };
    bytes[sos..].windows(2).any(|w| w == [0xFF, 0xD9])
}
