//! Type 3 fonts: each glyph is a content stream (a `CharProcs` entry) drawn through the
//! font's `/FontMatrix`, with the font's own resources. What a glyph draws prints like
//! anything else on the page — its colours, its ink, the fonts and the text size inside
//! it — so each glyph shown is run like a form, once per page and size.

use super::pattern::linear_bits;
use super::{GState, INLINE, Matrix, Walker};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::BTreeMap;
use std::rc::Rc;

/// What the walker needs of a Type 3 font.
pub(crate) struct Type3 {
    /// Glyph space to text space.
    matrix: Matrix,
    /// The glyph procedure of each character code, through the encoding's differences.
    procs: BTreeMap<u32, ObjectId>,
    resources: Option<Dictionary>,
}

impl Type3 {
    fn from_dict(doc: &Document, font: &Dictionary) -> Option<Type3> {
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type3") {
            return None;
        }
        let dict = |key: &[u8]| -> Option<&Dictionary> {
            doc.dereference(font.get(key).ok()?).ok()?.1.as_dict().ok()
        };
        let matrix = font
            .get(b"FontMatrix")
            .ok()
            .and_then(|m| doc.dereference(m).ok())
            .and_then(|(_, m)| m.as_array().ok())
            .and_then(|m| super::matrix_of(m))
            .unwrap_or(Matrix([0.001, 0.0, 0.0, 0.001, 0.0, 0.0]));
        let char_procs = dict(b"CharProcs")?;
        let mut procs = BTreeMap::new();
        let differences = dict(b"Encoding")
            .and_then(|e| e.get(b"Differences").ok())
            .and_then(|d| doc.dereference(d).ok())
            .and_then(|(_, d)| d.as_array().ok());
        let mut code: i64 = 0;
        for entry in differences.into_iter().flatten() {
            match entry {
                Object::Integer(c) => code = *c,
                Object::Name(name) => {
                    if (0..256).contains(&code)
                        && let Ok(Object::Reference(id)) = char_procs.get(name)
                    {
                        procs.insert(code as u32, *id);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
        Some(Type3 {
            matrix,
            procs,
            resources: dict(b"Resources").cloned(),
        })
    }
}

impl Walker<'_> {
    /// The Type 3 font `/name` of the resources, read once per page.
    pub(super) fn type3_font(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
    ) -> Option<Rc<Type3>> {
        let doc = self.doc;
        let fonts = resources?.get(b"Font").ok()?;
        let (_, fonts) = doc.dereference(fonts).ok()?;
        let (id, font) = doc
            .dereference(fonts.as_dict().ok()?.get(name).ok()?)
            .ok()?;
        let key = id.unwrap_or(INLINE);
        if let Some(known) = self.type3.get(&key) {
            return known.clone();
        }
        let read = font
            .as_dict()
            .ok()
            .and_then(|f| Type3::from_dict(doc, f))
            .map(Rc::new);
        self.type3.insert(key, read.clone());
        read
    }

    /// Runs the glyph procedures of the codes just shown, `placed` at their offsets along
    /// the baseline, when the font is a Type 3 font.
    pub(super) fn type3_glyphs(
        &mut self,
        gs: &GState,
        font: &[u8],
        to_page: &Matrix,
        placed: &[(u32, f32)],
        resources: Option<&Dictionary>,
        depth: u32,
    ) {
        if placed.is_empty() {
            return;
        }
        let Some(t3) = self.type3_font(resources, font) else {
            return;
        };
        let font_name = String::from_utf8_lossy(font).into_owned();
        for &(code, x) in placed {
            let Some(&proc_id) = t3.procs.get(&code) else {
                continue;
            };
            let text = Matrix([gs.size * gs.horizontal, 0.0, 0.0, gs.size, x, gs.rise]);
            let glyph = t3.matrix.then(&text).then(to_page);
            if !self.cells.insert((proc_id, linear_bits(&glyph))) {
                continue;
            }
            let label = format!("the glyph of code {code} in the Type 3 font /{font_name}");
            if !self.enter(depth, &label) {
                return;
            }
            let doc = self.doc;
            let Ok(Object::Stream(stream)) = doc.get_object(proc_id) else {
                self.error(format!("{label} is missing or not a stream"));
                continue;
            };
            let Some(ops) = self.stream_ops(Some(proc_id), stream, &label) else {
                continue;
            };
            let mut inner = gs.clone();
            inner.ctm = glyph;
            inner.base = glyph;
            self.run(&ops, t3.resources.as_ref().or(resources), inner, depth + 1);
            if self.stopped {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode::glyph_operator;

    #[test]
    fn d0_and_d1_are_found_where_a_glyph_opens() {
        assert_eq!(glyph_operator(b"1000 0 d0 1 1 1 1 k"), Some((8, "d0")));
        assert_eq!(glyph_operator(b"% a space\n250 0 d0"), Some((17, "d0")));
        assert_eq!(
            glyph_operator(b"500 0 0 0 500 700 d1\n0 0 m"),
            Some((19, "d1"))
        );
        // A dash pattern, or a d0 further on, is not a glyph's opening.
        assert_eq!(glyph_operator(b"[3 2] 0 d"), None);
        assert_eq!(glyph_operator(b"q 1 0 d0"), None);
        assert_eq!(glyph_operator(b"1 0 d01"), None);
    }
}
