//! Colour spaces as objects of the file, wherever they sit: an RGB image, shading or
//! transparency group is RGB on press even if no content operator names it, and an
//! ICC-based space is only as good as its profile. A profile whose colour space is not
//! what `/N` says makes a RIP either refuse the file or read CMYK values as RGB ones.

use super::MAX_STREAM_BYTES;
use super::scan::nested;
use super::streams;
use lopdf::{Document, Object, ObjectId};
use std::collections::BTreeSet;

/// What the object scan found: device RGB (refused), and broken ICC-based spaces.
#[derive(Debug, Default)]
pub struct SpaceFindings {
    /// `(object, what)` for every DeviceRGB (or bare, undefined `/CalRGB`).
    pub rgb: Vec<(ObjectId, String)>,
    /// ICC-based spaces whose profile does not match its `/N`, or cannot be read.
    pub icc: Vec<String>,
}

/// Scans every object of the file.
pub fn scan(doc: &Document) -> SpaceFindings {
    let mut found = SpaceFindings::default();
    let mut profiles: BTreeSet<ObjectId> = BTreeSet::new();
    for (&id, object) in &doc.objects {
        nested(object, &mut |o| match o {
            Object::Name(n) if n == b"DeviceRGB" || n == b"CalRGB" => {
                found
                    .rgb
                    .push((id, format!("/{}", String::from_utf8_lossy(n))));
                false
            }
            Object::Array(a) => match a.first().and_then(|f| f.as_name().ok()) {
                // `[/CalRGB << /WhitePoint … >>]` is RGB with a defined meaning, as an
                // ICC-based RGB space is: PDF/X-4 allows it, the RIP converts it.
                Some(b"CalRGB") if a.len() == 2 => {
                    let defined = doc
                        .dereference(&a[1])
                        .ok()
                        .and_then(|(_, d)| d.as_dict().ok())
                        .is_some_and(|d| d.has(b"WhitePoint"));
                    if !defined {
                        found
                            .rgb
                            .push((id, "a /CalRGB space without a white point".into()));
                    }
                    false
                }
                Some(b"ICCBased") => {
                    match a.get(1).and_then(|p| p.as_reference().ok()) {
                        Some(p) => {
                            profiles.insert(p);
                        }
                        None => found.icc.push(format!(
                            "object {} {}: an ICCBased space whose profile is not a stream reference",
                            id.0, id.1
                        )),
                    }
                    true
                }
                _ => true,
            },
            // An ICC profile's `/Alternate /DeviceRGB` is only for readers without
            // colour management; the space itself is the profile's.
            Object::Stream(s) if s.dict.has(b"N") => false,
            _ => true,
        });
    }
    for p in profiles {
        if let Some(problem) = profile_problem(doc, p) {
            found.icc.push(format!("object {} {}: {problem}", p.0, p.1));
        }
    }
    found
}

/// Components of an ICC header's colour space signature (bytes 16..20).
fn components(signature: &[u8]) -> Option<i64> {
    Some(match signature {
        b"GRAY" => 1,
        b"RGB " | b"Lab " | b"XYZ " | b"CMY " | b"YCbr" | b"Yxy " | b"Luv " | b"HSV " | b"HLS "
        | b"3CLR" => 3,
        b"CMYK" | b"4CLR" => 4,
        _ => return None,
    })
}

/// Why the ICC profile stream `id` cannot stand behind its space, if it cannot.
fn profile_problem(doc: &Document, id: ObjectId) -> Option<String> {
    let Ok(Object::Stream(s)) = doc.get_object(id) else {
        return Some("an ICCBased space whose profile is missing or not a stream".into());
    };
    let n = match s.dict.get(b"N").map(|n| n.as_i64()) {
        Err(_) => return Some("an ICC profile without /N (its number of components)".into()),
        Ok(Err(_)) => return Some("an ICC profile whose /N is not a number".into()),
        Ok(Ok(n)) => n,
    };
    let header = match streams::head(s, 20, MAX_STREAM_BYTES) {
        Ok(h) if h.len() == 20 => h,
        Ok(_) => return Some("an ICC profile shorter than its header".into()),
        Err(e) => return Some(format!("an ICC profile that {e}")),
    };
    let signature = &header[16..20];
    let shown = String::from_utf8_lossy(signature).trim().to_string();
    match components(signature) {
        Some(c) if c == n => None,
        Some(_) => Some(format!(
            "an ICC profile of colour space “{shown}” declared with /N {n}; a RIP reads its colours as the wrong kind"
        )),
        None => Some(format!(
            "an ICC profile whose colour space “{shown}” is not one the checker knows (/N {n})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    fn icc(signature: &[u8; 4], n: Option<i64>) -> Stream {
        let mut header = vec![0u8; 128];
        header[16..20].copy_from_slice(signature);
        header[36..40].copy_from_slice(b"acsp");
        let mut dict = lopdf::Dictionary::new();
        if let Some(n) = n {
            dict.set("N", n);
        }
        Stream::new(dict, header)
    }

    fn scan_space(profile: Stream) -> SpaceFindings {
        let mut doc = Document::with_version("1.6");
        let p = doc.add_object(profile);
        doc.add_object(dictionary! { "CS" => vec!["ICCBased".into(), Object::Reference(p)] });
        scan(&doc)
    }

    #[test]
    fn a_profile_must_be_what_its_n_says() {
        assert!(scan_space(icc(b"CMYK", Some(4))).icc.is_empty());
        assert!(scan_space(icc(b"RGB ", Some(3))).icc.is_empty());
        assert!(scan_space(icc(b"Lab ", Some(3))).icc.is_empty());
        let wrong = scan_space(icc(b"RGB ", Some(4))).icc;
        assert!(wrong[0].contains("“RGB” declared with /N 4"), "{wrong:?}");
        let none = scan_space(icc(b"RGB ", None)).icc;
        assert!(none[0].contains("without /N"), "{none:?}");
        let mut short = icc(b"GRAY", Some(1));
        short.content.truncate(10);
        assert!(scan_space(short).icc[0].contains("shorter than its header"));
    }

    #[test]
    fn calibrated_rgb_is_allowed_and_device_rgb_is_not() {
        let mut doc = Document::with_version("1.6");
        let wp = vec![Object::Real(0.9505), 1.into(), Object::Real(1.089)];
        doc.add_object(
            dictionary! { "A" => vec!["CalRGB".into(), dictionary! { "WhitePoint" => wp }.into()] },
        );
        assert!(scan(&doc).rgb.is_empty());
        doc.add_object(dictionary! { "B" => vec!["CalRGB".into(), dictionary! {}.into()] });
        doc.add_object(dictionary! { "ColorSpace" => "DeviceRGB" });
        let rgb: Vec<String> = scan(&doc).rgb.into_iter().map(|(_, w)| w).collect();
        assert_eq!(rgb, ["a /CalRGB space without a white point", "/DeviceRGB"]);
    }
}
