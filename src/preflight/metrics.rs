//! Glyph widths as the PDF declares them, by character code: what the content walker needs
//! to know how far a string runs, and what the font check compares with the embedded
//! program's own advances.

use super::geometry::Matrix;
use lopdf::{Dictionary, Document, Object};
use std::collections::BTreeMap;

/// Most widths one font may declare: two-byte codes top out at 65 536, so a `W` array
/// naming more (`0 4294967295 500`, or the same range ten thousand times) is hostile and
/// must neither fill memory nor keep the walker busy.
const MAX_WIDTHS: usize = 65_536;

/// Glyph widths of one font, in glyph units (thousandths of an em for all but Type 3
/// fonts), by character code.
pub struct FontMetrics {
    pub two_byte: bool,
    pub widths: BTreeMap<u32, f32>,
    pub default: f32,
    /// Text space per glyph unit along the baseline: 1/1000, or a Type 3 font's
    /// `/FontMatrix` — whose glyphs may be drawn at any scale.
    pub units: f32,
    /// Glyph space to an em of 1000 units: the identity, or a Type 3 font's `/FontMatrix`
    /// times 1000. A Type 3 font at 12 pt under `[0.0001 0 0 0.0001 0 0]` prints 1.2 pt.
    pub em: Matrix,
}

impl FontMetrics {
    pub fn from_dict(doc: &Document, font: &Dictionary) -> FontMetrics {
        let is_type0 = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
        let mut widths = BTreeMap::new();
        if is_type0 {
            let descendant = font
                .get(b"DescendantFonts")
                .and_then(|o| doc.dereference(o).map(|(_, o)| o))
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            let default = descendant
                .and_then(|d| d.get(b"DW").ok())
                .and_then(|o| o.as_float().ok())
                .unwrap_or(1000.0);
            if let Some(w) = descendant
                .and_then(|d| d.get(b"W").ok())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
            {
                // W is a run of `c [w1 w2 …]` and `c_first c_last w` entries.
                let mut i = 0;
                let mut budget = MAX_WIDTHS;
                while i < w.len() && budget > 0 {
                    let Ok(first) = w[i].as_i64() else { break };
                    match w.get(i + 1) {
                        Some(Object::Array(ws)) => {
                            for (k, v) in ws.iter().take(budget).enumerate() {
                                if let Ok(v) = v.as_float() {
                                    widths.insert((first as u32).wrapping_add(k as u32), v);
                                }
                            }
                            budget = budget.saturating_sub(ws.len());
                            i += 2;
                        }
                        Some(last) => {
                            let (Ok(last), Some(Ok(v))) =
                                (last.as_i64(), w.get(i + 2).map(Object::as_float))
                            else {
                                break;
                            };
                            let count = last
                                .saturating_sub(first)
                                .saturating_add(1)
                                .clamp(0, budget as i64);
                            for c in first..first.saturating_add(count) {
                                widths.insert(c as u32, v);
                            }
                            budget -= count as usize;
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
            FontMetrics {
                two_byte: true,
                widths,
                default,
                units: 0.001,
                em: Matrix::IDENTITY,
            }
        } else {
            let first = font.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
            if let Ok(ws) = font
                .get(b"Widths")
                .and_then(|o| doc.dereference(o).map(|(_, o)| o))
                .and_then(Object::as_array)
            {
                // A simple font has one-byte codes: 256 widths at most.
                for (k, v) in ws.iter().take(256).enumerate() {
                    if let Ok(v) = v.as_float() {
                        widths.insert(first.wrapping_add(k as i64) as u32, v);
                    }
                }
            }
            let type3 = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3");
            let matrix = font
                .get(b"FontMatrix")
                .and_then(|m| doc.dereference(m).map(|(_, m)| m))
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| {
                    let v: Vec<f32> = m.iter().map(|v| v.as_float().ok()).collect::<Option<_>>()?;
                    let v: [f32; 6] = v.try_into().ok()?;
                    v.iter().all(|x| x.is_finite()).then_some(v)
                })
                .filter(|_| type3);
            let (units, em) = match matrix {
                Some([a, b, c, d, ..]) => (
                    a,
                    Matrix([a * 1000.0, b * 1000.0, c * 1000.0, d * 1000.0, 0.0, 0.0]),
                ),
                None => (0.001, Matrix::IDENTITY),
            };
            FontMetrics {
                two_byte: false,
                widths,
                // Standard-14 fonts carry no widths; half an em is a fair guess.
                default: 500.0,
                units,
                em,
            }
        }
    }

    pub fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    pub fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_hostile_w_array_is_cut_off_at_the_budget() {
        let doc = Document::with_version("1.6");
        let w: Vec<Object> = (0..1000)
            .flat_map(|_| [0.into(), 4_294_967_295i64.into(), 500.into()])
            .collect();
        let font = dictionary! {
            "Subtype" => "Type0",
            "DescendantFonts" => vec![Object::Dictionary(dictionary! { "W" => w, "DW" => 600 })],
        };
        let m = FontMetrics::from_dict(&doc, &font);
        assert_eq!(m.widths.len(), MAX_WIDTHS);
        assert_eq!(m.width(7), 500.0);
        assert_eq!(m.width(70_000), 600.0);
        let simple =
            dictionary! { "FirstChar" => 32, "Widths" => vec![Object::Integer(250); 1000] };
        assert_eq!(FontMetrics::from_dict(&doc, &simple).widths.len(), 256);
    }
}
