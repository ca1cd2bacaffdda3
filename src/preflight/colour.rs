//! Colour as a press sees it: which plates a colour space puts ink on, and how much.

use lopdf::{Dictionary, Document, Object};

/// What a colour space amounts to for a printing press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    Gray,
    /// Device RGB: its colours mean whatever the device makes of them; PDF/X-4 forbids
    /// it under a CMYK output intent.
    Rgb,
    /// RGB with a defined meaning (ICCBased with three components, CalRGB): PDF/X-4
    /// allows it, and the RIP converts it to the press's CMYK through the output intent.
    CalibratedRgb,
    Cmyk,
    /// Spot colours, Lab, patterns: not RGB, not process CMYK.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Colour {
    pub space: Space,
    pub components: Vec<f32>,
}

/// Components this close to zero put no ink down: PDF writers round 0 to 1e-6 and less.
const NO_INK: f32 = 0.001;

impl Colour {
    /// The starting colour of every graphics state: black in DeviceGray.
    pub fn initial() -> Colour {
        Colour {
            space: Space::Gray,
            components: vec![0.0],
        }
    }

    /// Total area coverage, percent (100 % per solid plate), for process colours; `None`
    /// for colours whose ink the checker cannot know (spot, Lab, patterns, RGB).
    pub fn ink(&self) -> Option<f32> {
        match (self.space, self.components.as_slice()) {
            (Space::Cmyk, [c, m, y, k]) => {
                Some([c, m, y, k].iter().map(|v| v.clamp(0.0, 1.0)).sum::<f32>() * 100.0)
            }
            (Space::Gray, [g]) => Some((1.0 - g.clamp(0.0, 1.0)) * 100.0),
            _ => None,
        }
    }

    /// The CMYK components, reading gray as K.
    pub fn cmyk(&self) -> Option<[f32; 4]> {
        match (self.space, self.components.as_slice()) {
            (Space::Cmyk, [c, m, y, k]) => Some([*c, *m, *y, *k].map(|v| v.clamp(0.0, 1.0))),
            (Space::Gray, [g]) => Some([0.0, 0.0, 0.0, 1.0 - g.clamp(0.0, 1.0)]),
            _ => None,
        }
    }

    /// Paper white: no ink on any plate. Set to overprint it disappears on press.
    pub fn is_white(&self) -> bool {
        self.cmyk().is_some_and(|c| c.iter().all(|&v| v < NO_INK))
    }

    /// How many plates carry ink.
    pub fn plates(&self) -> usize {
        self.cmyk()
            .map_or(0, |c| c.iter().filter(|&&v| v >= NO_INK).count())
    }

    /// Solid black on the K plate alone.
    pub fn is_pure_black(&self) -> bool {
        self.cmyk()
            .is_some_and(|[c, m, y, k]| c.max(m).max(y) < NO_INK && k > 1.0 - NO_INK)
    }

    /// For messages: "C0 M0 Y0 K95".
    pub fn describe(&self) -> String {
        match (self.space, self.cmyk()) {
            (Space::Gray, Some([.., k])) => format!("gray K{:.0}", k * 100.0),
            (_, Some([c, m, y, k])) => format!(
                "C{:.0} M{:.0} Y{:.0} K{:.0}",
                c * 100.0,
                m * 100.0,
                y * 100.0,
                k * 100.0
            ),
            _ => format!("{:?}", self.space),
        }
    }
}

/// Most references or named spaces followed to classify one space: an `Indexed` space
/// whose base is itself must end.
const MAX_SPACE_DEPTH: u32 = 8;

/// What a colour space object amounts to, following resources and references.
pub fn classify_space(doc: &Document, space: &Object, resources: Option<&Dictionary>) -> Space {
    classify(doc, space, resources, 0)
}

fn classify(doc: &Document, space: &Object, resources: Option<&Dictionary>, depth: u32) -> Space {
    if depth > MAX_SPACE_DEPTH {
        return Space::Other;
    }
    let Ok((_, space)) = doc.dereference(space) else {
        return Space::Other;
    };
    match space {
        Object::Name(n) => match n.as_slice() {
            b"DeviceRGB" | b"RGB" => Space::Rgb,
            // As a bare name CalRGB has no white point: nothing defines it.
            b"CalRGB" => Space::Rgb,
            b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
            b"DeviceGray" | b"G" | b"CalGray" => Space::Gray,
            b"Pattern" => Space::Other,
            other => resources
                .and_then(|r| r.get(b"ColorSpace").ok())
                .and_then(|cs| doc.dereference(cs).ok())
                .and_then(|(_, cs)| cs.as_dict().ok())
                .and_then(|cs| cs.get(other).ok())
                .map_or(Space::Other, |named| classify(doc, named, None, depth + 1)),
        },
        Object::Array(a) => {
            let family = a.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
            match family {
                b"ICCBased" => {
                    let n = a
                        .get(1)
                        .and_then(|o| doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())
                        .and_then(|s| s.dict.get(b"N").and_then(Object::as_i64).ok());
                    match n {
                        Some(3) => Space::CalibratedRgb,
                        Some(4) => Space::Cmyk,
                        Some(1) => Space::Gray,
                        _ => Space::Other,
                    }
                }
                b"CalRGB" => Space::CalibratedRgb,
                b"CalGray" => Space::Gray,
                b"Indexed" | b"I" => a.get(1).map_or(Space::Other, |base| {
                    classify(doc, base, resources, depth + 1)
                }),
                _ => Space::Other,
            }
        }
        _ => Space::Other,
    }
}

/// The process-ink equivalent of a tint in a Separation or DeviceN space, as the RIP
/// will separate it: colorants named after the process plates go on those plates, and
/// otherwise an exponential (type 2) tint transform into DeviceCMYK is evaluated. `None`
/// for what cannot be known without a full function evaluator (sampled and PostScript
/// functions), for the "All" registration colour (printer's marks, on every plate by
/// design) and for "None".
pub fn tint_cmyk(
    doc: &Document,
    space: &Object,
    resources: Option<&Dictionary>,
    tints: &[f32],
) -> Option<[f32; 4]> {
    let (_, mut space) = doc.dereference(space).ok()?;
    if let Object::Name(n) = space {
        let named = resources?.get(b"ColorSpace").ok()?;
        let (_, named) = doc.dereference(named).ok()?;
        space = doc.dereference(named.as_dict().ok()?.get(n).ok()?).ok()?.1;
    }
    let a = space.as_array().ok()?;
    let names: Vec<&[u8]> = match a.first()?.as_name().ok()? {
        b"Separation" => vec![a.get(1)?.as_name().ok()?],
        b"DeviceN" => doc
            .dereference(a.get(1)?)
            .ok()?
            .1
            .as_array()
            .ok()?
            .iter()
            .filter_map(|o| o.as_name().ok())
            .collect(),
        _ => return None,
    };
    if names.len() != tints.len() || names.iter().any(|n| matches!(*n, b"All" | b"None")) {
        return None;
    }
    let plate = |n: &[u8]| match n {
        b"Cyan" => Some(0),
        b"Magenta" => Some(1),
        b"Yellow" => Some(2),
        b"Black" => Some(3),
        _ => None,
    };
    if names.iter().all(|n| plate(n).is_some()) {
        let mut out = [0.0; 4];
        for (n, t) in names.iter().zip(tints) {
            out[plate(n)?] += t.clamp(0.0, 1.0);
        }
        return Some(out);
    }
    // One tint through `C0 + t^N (C1 − C0)` into CMYK.
    let alternate = a.get(2)?;
    if tints.len() != 1 || classify_space(doc, alternate, resources) != Space::Cmyk {
        return None;
    }
    let (_, f) = doc.dereference(a.get(3)?).ok()?;
    let f = f.as_dict().ok()?;
    if f.get(b"FunctionType").and_then(Object::as_i64).ok()? != 2 {
        return None;
    }
    let values = |key: &[u8], default: f32| -> Option<Vec<f32>> {
        match f.get(key) {
            Err(_) => Some(vec![default; 4]),
            Ok(o) => o
                .as_array()
                .ok()?
                .iter()
                .map(|v| v.as_float().ok())
                .collect(),
        }
    };
    let (c0, c1) = (values(b"C0", 0.0)?, values(b"C1", 1.0)?);
    let n = f.get(b"N").and_then(Object::as_float).ok()?;
    if c0.len() != 4 || c1.len() != 4 {
        return None;
    }
    let t = tints[0].clamp(0.0, 1.0).powf(n);
    Some(std::array::from_fn(|i| {
        (c0[i] + t * (c1[i] - c0[i])).clamp(0.0, 1.0)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmyk(c: f32, m: f32, y: f32, k: f32) -> Colour {
        Colour {
            space: Space::Cmyk,
            components: vec![c, m, y, k],
        }
    }

    #[test]
    fn ink_plates_and_black_as_the_press_sees_them() {
        assert_eq!(cmyk(0.85, 0.85, 0.85, 0.85).ink(), Some(340.0));
        assert_eq!(cmyk(0.85, 0.35, 0.0, 0.15).plates(), 3);
        let gray = Colour {
            space: Space::Gray,
            components: vec![0.05],
        };
        assert_eq!(gray.cmyk(), Some([0.0, 0.0, 0.0, 0.95]));
        assert!(!gray.is_pure_black() && !gray.is_white());
        assert!(cmyk(0.0, 0.0, 0.0, 1.0).is_pure_black());
        assert!(cmyk(0.0, 0.0, 0.0, 0.0).is_white());
        // A spot colour's ink is unknown, not zero: it is neither white nor measured.
        let spot = Colour {
            space: Space::Other,
            components: vec![1.0],
        };
        assert_eq!(spot.ink(), None);
        assert!(!spot.is_white());
    }

    #[test]
    fn a_spot_colour_separates_through_its_tint_transform() {
        let doc = Document::with_version("1.6");
        let sep = |name: &str, c1: f32| {
            Object::Array(vec![
                "Separation".into(),
                Object::Name(name.as_bytes().to_vec()),
                "DeviceCMYK".into(),
                Object::Dictionary(lopdf::dictionary! { "FunctionType" => 2, "N" => 1,
                "Domain" => vec![0.into(), 1.into()],
                "C0" => vec![0.into(); 4], "C1" => vec![Object::Real(c1); 4] }),
            ])
        };
        assert_eq!(
            tint_cmyk(&doc, &sep("Rich", 1.0), None, &[0.5]),
            Some([0.5; 4])
        );
        assert_eq!(
            tint_cmyk(&doc, &sep("Black", 1.0), None, &[0.4]),
            Some([0.0, 0.0, 0.0, 0.4])
        );
        assert_eq!(tint_cmyk(&doc, &sep("All", 1.0), None, &[1.0]), None);
        let n = Object::Array(vec![
            "DeviceN".into(),
            vec!["Cyan".into(), "Black".into()].into(),
            "DeviceCMYK".into(),
            Object::Null,
        ]);
        assert_eq!(
            tint_cmyk(&doc, &n, None, &[0.2, 1.0]),
            Some([0.2, 0.0, 0.0, 1.0])
        );
    }
}
