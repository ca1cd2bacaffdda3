//! XObjects drawn with `Do`: images are measured where they land, forms are run through
//! the walker — each decoded once, each run counted against the file's limits.

use super::{GState, Matrix, PaintKind, Space, Walker, images, matrix_of};
use lopdf::content::Operation;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use std::rc::Rc;

impl Walker<'_> {
    /// Counts one more run of a form, pattern cell or glyph procedure against the
    /// limits; `false` (and reading stops) when it would go past them.
    pub(super) fn enter(&mut self, depth: u32, what: &str) -> bool {
        if depth >= self.limits.form_depth {
            self.error(format!(
                "forms, patterns and glyphs nest more than {} deep at {what}",
                self.limits.form_depth
            ));
            self.stopped = true;
            return false;
        }
        self.findings.form_runs += 1;
        if self.findings.form_runs > self.limits.form_runs {
            self.error(format!(
                "more than {} forms, pattern cells and glyphs drawn; preflight stopped reading and cannot vouch for the rest",
                self.limits.form_runs
            ));
            self.stopped = true;
            return false;
        }
        true
    }

    /// A form's, cell's or glyph's operators, decoded once per object.
    pub(super) fn stream_ops(
        &mut self,
        id: Option<ObjectId>,
        stream: &Stream,
        what: &str,
    ) -> Option<Rc<Vec<Operation>>> {
        if let Some(ops) = id.and_then(|id| self.forms.get(&id)) {
            return Some(Rc::clone(ops));
        }
        let ops = Rc::new(self.decode(stream, what)?);
        if let Some(id) = id {
            self.forms.insert(id, Rc::clone(&ops));
        }
        Some(ops)
    }

    pub(super) fn xobject(
        &mut self,
        name: &[u8],
        resources: Option<&Dictionary>,
        gs: &GState,
        depth: u32,
    ) {
        let Some((id, stream)) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(id, x)| Some((id, x.as_stream().ok()?)))
        else {
            self.error(format!(
                "it draws /{}, which is not an XObject in its resources",
                String::from_utf8_lossy(name)
            ));
            return;
        };
        if stream.dict.has(b"OC") {
            self.findings.optional_content.push(self.page);
        }
        let label = String::from_utf8_lossy(name).into_owned();
        match stream.dict.get(b"Subtype").and_then(Object::as_name).ok() {
            Some(b"Image") => {
                let m = images::measure(
                    self.doc,
                    stream,
                    label.clone(),
                    &gs.ctm,
                    resources,
                    self.page,
                );
                if m.space == Space::Rgb {
                    self.rgb(format!("the RGB image /{label}"));
                }
                if images::is_stencil(stream) {
                    self.paint(PaintKind::Fill, m.bbox, &gs.fill, gs.overprint_fill);
                    self.paint_patterns(gs, [true, false], resources, depth);
                }
                self.filled(m.bbox);
                self.findings.images.push(m);
            }
            Some(b"Form") => {
                if !self.enter(depth, &format!("/{label}")) {
                    return;
                }
                let Some(ops) = self.stream_ops(id, stream, &format!("the form /{label}")) else {
                    return;
                };
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| m.as_array().ok())
                    .and_then(|m| matrix_of(m))
                    .unwrap_or(Matrix::IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| self.doc.dereference(r).ok())
                    .and_then(|(_, r)| r.as_dict().ok())
                    .cloned();
                let mut inner = gs.clone();
                inner.ctm = matrix.then(&gs.ctm);
                inner.base = inner.ctm;
                self.run(&ops, own.as_ref().or(resources), inner, depth + 1);
            }
            // PostScript XObjects are forbidden in PDF/X and drawn by no modern RIP.
            other => self.error(format!(
                "/{label} is an XObject of subtype {}, which a PDF/X file cannot use",
                other.map_or("(none)".into(), |s| format!(
                    "/{}",
                    String::from_utf8_lossy(s)
                ))
            )),
        }
    }
}
