use super::*;

/// A minimal JPEG: SOI, the given segments, a one-byte scan and EOI.
fn jpeg(segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    for (marker, body) in segments {
        out.extend([0xFF, *marker]);
        out.extend(((body.len() + 2) as u16).to_be_bytes());
        out.extend(body);
    }
    out.extend([0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0xD9]);
    out
}

fn sof(w: u16, h: u16, components: u8) -> (u8, Vec<u8>) {
    let mut b = vec![8];
    b.extend(h.to_be_bytes());
    b.extend(w.to_be_bytes());
    b.push(components);
    b.extend(std::iter::repeat_n(0, 3 * components as usize));
    (0xC0, b)
}

#[test]
fn jpeg_headers_give_size_channels_and_the_adobe_convention() {
    let app14 = (0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x02".to_vec());
    let info = jpeg::read_header(&jpeg(&[app14.clone(), sof(640, 480, 4)])).unwrap();
    assert_eq!(
        info,
        JpegInfo {
            width: 640,
            height: 480,
            components: 4,
            adobe: true
        }
    );
    // The APP14 marker after the frame header counts too.
    let info = jpeg::read_header(&jpeg(&[sof(10, 20, 4), app14])).unwrap();
    assert!(info.adobe);
    let info = jpeg::read_header(&jpeg(&[(0xE0, b"JFIF\0".to_vec()), sof(3, 2, 3)])).unwrap();
    assert_eq!(
        (info.width, info.height, info.components, info.adobe),
        (3, 2, 3, false)
    );
}

#[test]
fn damaged_or_unprintable_jpegs_are_refused() {
    let good = jpeg(&[sof(10, 10, 3)]);
    // Cut anywhere before its end: refused, never a panic.
    for cut in 2..good.len() - 1 {
        assert!(jpeg::read_header(&good[..cut]).is_err(), "cut at {cut}");
    }
    let twelve_bit = {
        let (m, mut b) = sof(10, 10, 3);
        b[0] = 12;
        jpeg(&[(m, b)])
    };
    assert!(
        jpeg::read_header(&twelve_bit)
            .unwrap_err()
            .message
            .contains("12-bit")
    );
    let zero = jpeg(&[sof(0, 10, 3)]);
    assert!(
        jpeg::read_header(&zero)
            .unwrap_err()
            .message
            .contains("0 × 10")
    );
    let two = jpeg(&[sof(10, 10, 2)]);
    assert!(
        jpeg::read_header(&two)
            .unwrap_err()
            .message
            .contains("2 colour channels")
    );
    // A length field of 0 or 1 cannot be right (and must not loop).
    assert!(jpeg::read_header(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xD9]).is_err());
}

#[test]
fn the_kind_comes_from_the_bytes_and_must_match_the_name() {
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
    // Editors on Windows start XML with a byte-order mark.
    assert_eq!(
        sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x -->\n<svg>"),
        Some(Kind::Svg)
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?>\n<svg width=\"1\">"),
        Some(Kind::Svg)
    );
    assert_eq!(sniff(b"GIF89a"), None);
    let r = decode(Path::new("a.svg"), jpeg(&[sof(1, 1, 3)])).unwrap_err();
    assert_eq!(
        r.message,
        "the file holds a JPEG picture but its name ends in `.svg`"
    );
    let r = decode(Path::new("a.JPG"), jpeg(&[sof(1, 1, 3)])).unwrap();
    assert_eq!((r.width, r.height), (1.0, 1.0));
}

#[test]
fn pixel_counts_are_capped_before_anything_is_allocated() {
    assert!(check_pixels(6000, 6000).is_ok());
    assert!(check_pixels(40_000, 40_000).is_err());
    assert!(check_pixels(u32::MAX as u64, u32::MAX as u64).is_err());
    assert!(check_pixels(0, 5).is_err());
}
