//! Shadings painted with `sh`: a smooth blend lays down ink like any fill, and its
//! heaviest point is one of its ends.

use super::{GState, PaintKind, Walker};
use crate::preflight::colour::{Colour, Space, classify_space};
use crate::preflight::geometry::bbox_of;
use lopdf::{Dictionary, Document, Object};

impl Walker<'_> {
    /// Records a `sh` as a fill in the shading's heaviest process colour, where it starts.
    pub(super) fn shading(&mut self, name: &[u8], resources: Option<&Dictionary>, gs: &GState) {
        let Some(shading) = resources
            .and_then(|r| r.get(b"Shading").ok())
            .and_then(|s| self.doc.dereference(s).ok())
            .and_then(|(_, s)| s.as_dict().ok())
            .and_then(|s| s.get(name).ok())
            .and_then(|s| self.doc.dereference(s).ok())
            .and_then(|(_, s)| match s {
                Object::Dictionary(d) => Some(d),
                Object::Stream(s) => Some(&s.dict),
                _ => None,
            })
        else {
            return;
        };
        let Some(cmyk) = heaviest_end(self.doc, shading, resources) else {
            return;
        };
        let nums = |key: &[u8]| -> Vec<f32> {
            shading
                .get(key)
                .and_then(Object::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_float().ok()).collect())
                .unwrap_or_default()
        };
        let (bbox, coords) = (nums(b"BBox"), nums(b"Coords"));
        let corners: Vec<(f32, f32)> = if bbox.len() == 4 {
            vec![
                gs.ctm.apply(bbox[0], bbox[1]),
                gs.ctm.apply(bbox[2], bbox[3]),
            ]
        } else if coords.len() >= 4 {
            vec![gs.ctm.apply(coords[0], coords[1])]
        } else {
            vec![gs.ctm.apply(0.0, 0.0)]
        };
        let colour = Colour {
            space: Space::Cmyk,
            components: cmyk.to_vec(),
        };
        self.paint(
            PaintKind::Fill,
            bbox_of(&corners),
            &colour,
            gs.overprint_fill,
        );
    }
}

/// The heavier end of an axial or radial CMYK shading whose function is exponential
/// (type 2): `C0 + t^N (C1 − C0)` is monotonic in t, so one end carries the most ink.
/// `None` for what this checker cannot evaluate (sampled, stitching and PostScript
/// functions, mesh shadings).
fn heaviest_end(
    doc: &Document,
    shading: &Dictionary,
    resources: Option<&Dictionary>,
) -> Option<[f32; 4]> {
    let space = shading.get(b"ColorSpace").ok()?;
    if classify_space(doc, space, resources) != Space::Cmyk {
        return None;
    }
    let (_, f) = doc.dereference(shading.get(b"Function").ok()?).ok()?;
    let f = match f {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return None,
    };
    if f.get(b"FunctionType").and_then(Object::as_i64).ok()? != 2 {
        return None;
    }
    let end = |key: &[u8], default: f32| -> Option<[f32; 4]> {
        let v: Vec<f32> = match f.get(key) {
            Err(_) => vec![default; 4],
            Ok(o) => o
                .as_array()
                .ok()?
                .iter()
                .map(|v| v.as_float().ok())
                .collect::<Option<_>>()?,
        };
        let v: [f32; 4] = v.try_into().ok()?;
        Some(v.map(|x| x.clamp(0.0, 1.0)))
    };
    let (c0, c1) = (end(b"C0", 0.0)?, end(b"C1", 1.0)?);
    Some(if c1.iter().sum::<f32>() > c0.iter().sum::<f32>() {
        c1
    } else {
        c0
    })
}
