//! Images as placed on the page: their colour space, how many pixels land on each inch of
//! paper, and the most ink any pixel asks for. An image is judged where it is drawn — the
//! same picture scaled up on one page and down on another has two resolutions.

use super::colour::{Space, classify_space};
use super::geometry::{Matrix, bbox_of};
use lopdf::{Dictionary, Document, Object, Stream};

/// Largest decoded image the ink measurement reads, bytes: bigger ones are reported as not
/// measured rather than risk the memory of the secretariat's PC.
const MAX_PIXEL_BYTES: usize = 64 << 20;

/// A stencil mask prints the current fill colour through its pixels: its ink is the
/// fill's, not its own.
pub fn is_stencil(stream: &Stream) -> bool {
    get(&stream.dict, b"ImageMask", b"IM").and_then(|o| o.as_bool().ok()) == Some(true)
}

/// One image drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageUse {
    pub page: usize,
    /// The resource name, or "inline".
    pub name: String,
    pub space: Space,
    /// Stencil masks and 1-bit images are line art: a different resolution rule applies.
    pub line_art: bool,
    /// Pixels per inch as printed, the lower of the two directions.
    pub ppi: f32,
    pub bbox: [f32; 4],
    /// The highest total area coverage of any pixel, percent; `None` when not measured.
    pub ink: Option<f32>,
    /// Why the ink could not be measured, when it could not.
    pub unmeasured: Option<Unmeasured>,
}

/// Why an image's ink was not measured. The two kinds get different verdicts: a JPEG or
/// 16-bit image is a normal file this checker has no decoder for (the shop is told to
/// look), while pixels that cannot be read or are too many to read may print anything,
/// and a false "ready" is worse than no check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unmeasured {
    /// A format this checker does not decode.
    Unsupported(&'static str),
    /// Damaged, or beyond the memory limit: what prints is unknown.
    Unreadable(&'static str),
}

/// The dictionary key an image uses, in full or in the inline abbreviation.
fn get<'a>(dict: &'a Dictionary, full: &[u8], short: &[u8]) -> Option<&'a Object> {
    dict.get(full).or_else(|_| dict.get(short)).ok()
}

/// Measures an image XObject or inline image drawn under `ctm`.
pub fn measure(
    doc: &Document,
    stream: &Stream,
    name: String,
    ctm: &Matrix,
    resources: Option<&Dictionary>,
    page: usize,
) -> ImageUse {
    let d = &stream.dict;
    let int = |full: &[u8], short: &[u8]| get(d, full, short).and_then(|o| o.as_i64().ok());
    let width = int(b"Width", b"W").unwrap_or(0).max(0) as f32;
    let height = int(b"Height", b"H").unwrap_or(0).max(0) as f32;
    let bpc = int(b"BitsPerComponent", b"BPC").unwrap_or(8);
    let mask = get(d, b"ImageMask", b"IM").and_then(|o| o.as_bool().ok()) == Some(true);
    let space_obj = get(d, b"ColorSpace", b"CS");
    let space = space_obj.map_or(Space::Other, |cs| classify_space(doc, cs, resources));
    // The unit square maps to the image's place: its sides are the matrix's two columns.
    let [a, b, c, dd, ..] = ctm.0;
    let (w_in, h_in) = (
        (a * a + b * b).sqrt() / 72.0,
        (c * c + dd * dd).sqrt() / 72.0,
    );
    let ppi = if w_in > 0.0 && h_in > 0.0 {
        (width / w_in).min(height / h_in)
    } else {
        f32::INFINITY
    };
    let corners = [
        ctm.apply(0.0, 0.0),
        ctm.apply(1.0, 0.0),
        ctm.apply(0.0, 1.0),
        ctm.apply(1.0, 1.0),
    ];
    let (ink, unmeasured) = if space == Space::Cmyk && !mask {
        match cmyk_ink(doc, stream, space_obj, width as usize, height as usize, bpc) {
            Ok(ink) => (Some(ink), None),
            Err(why) => (None, Some(why)),
        }
    } else {
        (None, None)
    };
    ImageUse {
        page,
        name,
        space,
        line_art: mask || bpc == 1,
        ppi,
        bbox: bbox_of(&corners),
        ink,
        unmeasured,
    }
}

/// The highest C+M+Y+K of any pixel of an 8-bit CMYK (or CMYK-indexed) image, percent.
fn cmyk_ink(
    doc: &Document,
    stream: &Stream,
    space: Option<&Object>,
    width: usize,
    height: usize,
    bpc: i64,
) -> Result<f32, Unmeasured> {
    use Unmeasured::{Unreadable, Unsupported};
    if bpc != 8 {
        return Err(Unsupported("not 8 bits per component"));
    }
    let space = space.and_then(|s| doc.dereference(s).ok()).map(|(_, s)| s);
    // An indexed image's ink is in its palette.
    if let Some(Object::Array(a)) = space
        && matches!(
            a.first().and_then(|o| o.as_name().ok()),
            Some(b"Indexed" | b"I")
        )
    {
        let table = match a
            .get(3)
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)
        {
            Some(Object::String(s, _)) => s.clone(),
            Some(Object::Stream(s)) => decoded(s, 256 * 4)?,
            _ => return Err(Unreadable("the palette cannot be read")),
        };
        return Ok(max_pixel(&table, false));
    }
    let expected = width
        .checked_mul(height)
        .and_then(|n| n.checked_mul(4))
        .filter(|&n| n <= MAX_PIXEL_BYTES)
        .ok_or(Unreadable("too large to measure"))?;
    let data = decoded(stream, expected)?;
    if data.len() < expected {
        return Err(Unreadable("its pixel data is shorter than its size says"));
    }
    // `/Decode [1 0 1 0 1 0 1 0]` (Photoshop's inverted CMYK) turns the bytes around.
    let inverted = stream
        .dict
        .get(b"Decode")
        .or_else(|_| stream.dict.get(b"D"))
        .and_then(Object::as_array)
        .ok()
        .and_then(|a| a.first())
        .and_then(|o| o.as_float().ok())
        == Some(1.0);
    Ok(max_pixel(&data[..expected], inverted))
}

fn max_pixel(data: &[u8], inverted: bool) -> f32 {
    let most = data
        .chunks_exact(4)
        .map(|p| {
            p.iter()
                .map(|&v| u32::from(if inverted { 255 - v } else { v }))
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    most as f32 / 255.0 * 100.0
}

/// A stream's pixels, decoded by lopdf's bounded decoder; only lossless filters are read
/// (JPEG and JPEG 2000 would need a codec this checker does not carry).
fn decoded(stream: &Stream, limit: usize) -> Result<Vec<u8>, Unmeasured> {
    use Unmeasured::{Unreadable, Unsupported};
    let filters: Vec<Vec<u8>> = match stream
        .dict
        .get(b"Filter")
        .or_else(|_| stream.dict.get(b"F"))
    {
        Err(_) => return Ok(stream.content.clone()),
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        Ok(_) => return Err(Unreadable("its /Filter is malformed")),
    };
    if filters.iter().any(|f| {
        !matches!(
            f.as_slice(),
            b"FlateDecode"
                | b"Fl"
                | b"LZWDecode"
                | b"LZW"
                | b"ASCIIHexDecode"
                | b"AHx"
                | b"ASCII85Decode"
                | b"A85"
                | b"RunLengthDecode"
                | b"RL"
        )
    }) {
        return Err(Unsupported("it is JPEG-compressed"));
    }
    stream
        .decompressed_content_with_limit(limit + 1)
        .map_err(|_| Unreadable("its data cannot be decoded"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_darkest_pixel_sets_the_ink() {
        // Two pixels: 25 % K, and 100/100/100/100 (400 %).
        assert_eq!(max_pixel(&[0, 0, 0, 64, 255, 255, 255, 255], false), 400.0);
        assert_eq!(max_pixel(&[255, 255, 255, 255], true), 0.0);
    }

    #[test]
    fn pixels_that_cannot_be_read_are_unreadable_and_a_jpeg_is_unsupported() {
        let doc = Document::with_version("1.6");
        let ctm = Matrix([24.0, 0.0, 0.0, 24.0, 0.0, 0.0]);
        let cmyk = |w: i64, filter: Option<&str>, data: Vec<u8>| {
            let mut d = lopdf::dictionary! { "Width" => w, "Height" => w, "ColorSpace" => "DeviceCMYK", "BitsPerComponent" => 8 };
            if let Some(f) = filter {
                d.set("Filter", Object::Name(f.as_bytes().to_vec()));
            }
            measure(&doc, &Stream::new(d, data), "Im".into(), &ctm, None, 1).unmeasured
        };
        let too_large = cmyk(1 << 30, None, vec![0; 16]);
        assert_eq!(
            too_large,
            Some(Unmeasured::Unreadable("too large to measure"))
        );
        let short = cmyk(4, None, vec![0; 16]);
        assert!(
            matches!(short, Some(Unmeasured::Unreadable(_))),
            "{short:?}"
        );
        let jpeg = cmyk(4, Some("DCTDecode"), vec![0; 16]);
        assert_eq!(jpeg, Some(Unmeasured::Unsupported("it is JPEG-compressed")));
        assert_eq!(cmyk(2, None, vec![0; 16]), None);
    }

    #[test]
    fn a_stencil_mask_is_recognised_by_either_key() {
        let full = Stream::new(lopdf::dictionary! { "ImageMask" => true }, vec![]);
        let short = Stream::new(lopdf::dictionary! { "IM" => true }, vec![]);
        let plain = Stream::new(lopdf::dictionary! { "ImageMask" => false }, vec![]);
        assert!(is_stencil(&full) && is_stencil(&short) && !is_stencil(&plain));
    }

    #[test]
    fn resolution_is_pixels_over_printed_inches() {
        let doc = Document::with_version("1.6");
        let stream = Stream::new(
            lopdf::dictionary! { "Width" => 300, "Height" => 150, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
            vec![0; 300 * 150],
        );
        // Two inches wide, one inch high: 150 ppi both ways.
        let ctm = Matrix([144.0, 0.0, 0.0, 72.0, 10.0, 10.0]);
        let m = measure(&doc, &stream, "Im1".into(), &ctm, None, 1);
        assert_eq!(m.ppi, 150.0);
        assert_eq!(m.bbox, [10.0, 10.0, 154.0, 82.0]);
        assert_eq!(m.space, Space::Gray);
    }
}
