//! Tiling patterns: a pattern cell is a content stream like a form's, repeated over
//! whatever is painted with it, so RGB, heavy ink, small text or a font that is not
//! embedded inside one print exactly as they would on the page. Each cell is run like a
//! form — its own resources, the same limits — once per page and matrix.

use super::{Colour, GState, INLINE, Matrix, Walker, classify_space, matrix_of};
use crate::preflight::colour::Space;
use lopdf::{Dictionary, Object};

impl Walker<'_> {
    /// The pattern `/name` in the resources, for `scn`; an error if there is none.
    pub(super) fn pattern_object(
        &mut self,
        name: &[u8],
        resources: Option<&Dictionary>,
    ) -> Option<(Vec<u8>, Object)> {
        let found = resources
            .and_then(|r| r.get(b"Pattern").ok())
            .and_then(|p| self.doc.dereference(p).ok())
            .and_then(|(_, p)| p.as_dict().ok())
            .and_then(|p| p.get(name).ok())
            .cloned();
        if found.is_none() {
            self.error(format!(
                "it paints with /{}, which is not a pattern in its resources",
                String::from_utf8_lossy(name)
            ));
        }
        Some((name.to_vec(), found?))
    }

    /// Runs the tiling patterns the fill (`which[0]`) and stroke (`which[1]`) colours are
    /// set to, for something just painted with them.
    pub(super) fn paint_patterns(
        &mut self,
        gs: &GState,
        which: [bool; 2],
        resources: Option<&Dictionary>,
        depth: u32,
    ) {
        for (i, &painted) in which.iter().enumerate() {
            if painted && let Some((name, pattern)) = &gs.patterns[i] {
                self.tiling(name, pattern, i, gs, resources, depth);
                if self.stopped {
                    return;
                }
            }
        }
    }

    fn tiling(
        &mut self,
        name: &[u8],
        pattern: &Object,
        which: usize,
        gs: &GState,
        resources: Option<&Dictionary>,
        depth: u32,
    ) {
        let label = format!("the pattern /{}", String::from_utf8_lossy(name));
        let Ok((id, object)) = self.doc.dereference(pattern) else {
            self.error(format!("{label} is missing"));
            return;
        };
        let dict = match object {
            Object::Stream(s) => &s.dict,
            Object::Dictionary(d) => d,
            _ => {
                self.error(format!("{label} is not a pattern"));
                return;
            }
        };
        // Shading patterns (type 2) draw no content of their own: their RGB is caught
        // with the file's other colour spaces, their ink is a known limit.
        if dict.get(b"PatternType").and_then(Object::as_i64).ok() != Some(1) {
            return;
        }
        let Object::Stream(stream) = object else {
            self.error(format!(
                "{label} is a tiling pattern without a content stream"
            ));
            return;
        };
        let matrix = dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|m| matrix_of(m))
            .unwrap_or(Matrix::IDENTITY);
        let ctm = matrix.then(&gs.base);
        let key = id.unwrap_or(INLINE);
        if !self.cells.insert((key, linear_bits(&ctm))) {
            return;
        }
        if !self.enter(depth, &label) {
            return;
        }
        let Some(ops) = self.stream_ops(id, stream, &label) else {
            return;
        };
        let own = dict
            .get(b"Resources")
            .ok()
            .and_then(|r| self.doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok())
            .cloned();
        let mut inner = GState::new(ctm);
        // An uncoloured pattern (PaintType 2) is a stencil: it paints in the colour given
        // with it (`0 0 0 1 /P1 scn`), in the pattern space's underlying space.
        if dict.get(b"PaintType").and_then(Object::as_i64).ok() == Some(2) {
            let colour = self.underlying(gs, which, resources);
            inner.fill = colour.clone();
            inner.stroke = colour;
        }
        self.tiled += 1;
        self.run(&ops, own.as_ref().or(resources), inner, depth + 1);
        self.tiled -= 1;
    }

    /// The colour an uncoloured pattern is painted in: the components given with it, in
    /// the underlying space of `[/Pattern base]`.
    fn underlying(&self, gs: &GState, which: usize, resources: Option<&Dictionary>) -> Colour {
        let given = if which == 0 { &gs.fill } else { &gs.stroke };
        let base = gs.spots[which]
            .as_ref()
            .and_then(|space| self.doc.dereference(space).ok())
            .and_then(|(_, space)| match space {
                Object::Name(n) => resources
                    .and_then(|r| r.get(b"ColorSpace").ok())
                    .and_then(|cs| self.doc.dereference(cs).ok())
                    .and_then(|(_, cs)| cs.as_dict().ok())
                    .and_then(|cs| cs.get(n).ok())
                    .and_then(|cs| self.doc.dereference(cs).ok())
                    .map(|(_, cs)| cs),
                other => Some(other),
            })
            .and_then(|space| space.as_array().ok())
            .filter(|a| a.first().and_then(|f| f.as_name().ok()) == Some(b"Pattern"))
            .and_then(|a| a.get(1))
            .map_or(Space::Other, |b| classify_space(self.doc, b, resources));
        Colour {
            space: base,
            components: given.components.clone(),
        }
    }
}

/// The linear part of a matrix as bits: the key under which a cell or glyph run once
/// stands for every run at the same size and angle.
pub(super) fn linear_bits(m: &Matrix) -> [u32; 4] {
    [m.0[0], m.0[1], m.0[2], m.0[3]].map(f32::to_bits)
}
