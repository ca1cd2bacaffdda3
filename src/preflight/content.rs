//! A content-stream interpreter just deep enough for preflight: it follows the graphics and
//! text state (CTM, text matrix, font size, line width, colours, overprint) and reports
//! what a print shop measures — where text lands and how big it really is, how thick
//! strokes are, what every fill, stroke and image puts on the plates, and every use of RGB.
//! Reading the operators is the only honest way to know: a `Tf` of 12 under a `Tm` that
//! scales by 0.4 prints 4.8 pt.
//!
//! It reads hostile files too, so everything it does is bounded ([`Limits`]): what it
//! could not read or stopped reading is an error in [`Findings::errors`], never silence.

use super::colour::tint_cmyk;
pub use super::colour::{Colour, Space, classify_space};
pub use super::findings::{
    FilledRect, Findings, Limits, Paint, PaintKind, RgbUse, Stroke, TextShow,
};
pub use super::geometry::Matrix;
pub use super::images::ImageUse;

use super::geometry::bbox_of;
use super::images;
use super::metrics::FontMetrics;
use super::tree::{PageTree, Pages};

mod decode;
mod pattern;
mod shading;
mod text;
mod type3;
mod xobject;
use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    line_width: f32,
    fill: Colour,
    stroke: Colour,
    overprint_fill: bool,
    overprint_stroke: bool,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal: f32,
    leading: f32,
    rise: f32,
    /// The Separation or DeviceN space of the fill and stroke colours, so that `scn` can
    /// separate each tint into process inks.
    spots: [Option<Object>; 2],
    /// Text rendering mode (`Tr`): modes 1, 2, 5 and 6 stroke the glyphs' outlines, so
    /// the stroke colour reaches the plates too.
    render: i64,
    /// The pattern the fill and stroke colours are set to (`/P1 scn`), as found in the
    /// resources when it was set: painting with a tiling pattern runs its cell.
    patterns: [Option<(Vec<u8>, Object)>; 2],
    /// The matrix the current content stream started with: a pattern's `/Matrix` is
    /// relative to it, not to the CTM at the time the pattern is painted.
    base: Matrix,
}

impl GState {
    fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            line_width: 1.0,
            fill: Colour::initial(),
            stroke: Colour::initial(),
            overprint_fill: false,
            overprint_stroke: false,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal: 1.0,
            leading: 0.0,
            render: 0,
            spots: [None, None],
            rise: 0.0,
            patterns: [None, None],
            base: ctm,
        }
    }
}

/// Deepest `q` nesting kept: a stream of a million `q`s must not hold a million states.
const MAX_SAVED_STATES: usize = 256;

struct Walker<'a> {
    doc: &'a Document,
    limits: Limits,
    page: usize,
    findings: &'a mut Findings,
    metrics: BTreeMap<ObjectId, FontMetrics>,
    /// Each form's, pattern cell's and glyph procedure's operators, decoded once however
    /// often it is drawn.
    forms: BTreeMap<ObjectId, Rc<Vec<Operation>>>,
    /// Pattern cells and Type 3 glyphs already run on this page, by object and matrix:
    /// a pattern painted a thousand times, or a glyph shown a thousand times at one size,
    /// puts the same ink, fonts and sizes on the page each time.
    cells: BTreeSet<(ObjectId, [u32; 4])>,
    /// Type 3 fonts met on this page, by object (`None`: not a usable Type 3 font).
    type3: BTreeMap<ObjectId, Option<Rc<type3::Type3>>>,
    /// Depth of pattern cells being run: what a cell draws repeats over the area painted,
    /// so its own place says nothing about the trim.
    tiled: u32,
    /// Set when a limit is reached: nothing more is read.
    stopped: bool,
}

/// Runs every page's content (and the forms it draws) through the interpreter.
pub fn walk(doc: &Document) -> Findings {
    walk_with(doc, Limits::default())
}

pub fn walk_with(doc: &Document, limits: Limits) -> Findings {
    walk_pages(doc, &PageTree::walk(doc).pages, limits)
}

/// Runs the pages of a tree already walked. Fonts, decoded streams and Type 3 fonts are kept from page to page; what is keyed by
/// page — the cells and glyphs already run, and fonts given inline, which have no object
/// to be known by — starts afresh on each. A page object the tree lists more than once
/// prints the same each time: it is run once, and what it holds is reported under its
/// first number (a hundred thousand copies of one page cost one page).
pub fn walk_pages(doc: &Document, pages: &Pages, limits: Limits) -> Findings {
    let mut findings = Findings::default();
    let mut walker = Walker {
        doc,
        limits,
        page: 0,
        findings: &mut findings,
        metrics: BTreeMap::new(),
        forms: BTreeMap::new(),
        cells: BTreeSet::new(),
        type3: BTreeMap::new(),
        tiled: 0,
        stopped: false,
    };
    let mut walked: BTreeSet<ObjectId> = BTreeSet::new();
    for (&number, &page_id) in pages {
        if !walked.insert(page_id) {
            continue;
        }
        walker.page = number as usize;
        walker.cells.clear();
        walker.metrics.remove(&INLINE);
        walker.type3.remove(&INLINE);
        let resources = decode::page_resources(doc, page_id);
        if let Some(ops) = walker.page_content(page_id) {
            walker.run(&ops, resources, GState::new(Matrix::IDENTITY), 0);
        }
        if walker.stopped {
            break;
        }
    }
    findings
}

/// The key of a font or form given inline, which has no object number of its own.
const INLINE: ObjectId = (u32::MAX, 0);

fn num(o: &Object) -> Option<f32> {
    o.as_float().ok().filter(|v| v.is_finite())
}

fn nums(ops: &[Object]) -> Option<Vec<f32>> {
    ops.iter().map(num).collect()
}

fn matrix_of(ops: &[Object]) -> Option<Matrix> {
    let v = nums(ops)?;
    (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
}

impl Walker<'_> {
    fn error(&mut self, what: String) {
        self.findings
            .errors
            .push(format!("page {}: {what}", self.page));
    }

    fn metrics(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<&FontMetrics> {
        let fonts = resources?.get(b"Font").ok()?;
        let (_, fonts) = self.doc.dereference(fonts).ok()?;
        let entry = fonts.as_dict().ok()?.get(name).ok()?;
        let (id, font) = self.doc.dereference(entry).ok()?;
        // Inline font dictionaries are rare; give them a key no real object has.
        let key = id.unwrap_or(INLINE);
        let font = font.as_dict().ok()?;
        let doc = self.doc;
        Some(
            self.metrics
                .entry(key)
                .or_insert_with(|| FontMetrics::from_dict(doc, font)),
        )
    }

    fn rgb(&mut self, what: impl Into<String>) {
        self.findings.rgb.push(RgbUse {
            page: self.page,
            what: what.into(),
        });
    }

    /// Overprint settings from a named ExtGState: `/OP` sets both, `/op` the fill alone.
    /// One that is not there is an error: what it would have set (overprint, say) is
    /// unknown.
    fn ext_gstate(&mut self, name: &[u8], resources: Option<&Dictionary>, gs: &mut GState) {
        let Some(d) = resources
            .and_then(|r| r.get(b"ExtGState").ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
        else {
            self.error(format!(
                "it sets the graphics state /{}, which is not in its resources",
                String::from_utf8_lossy(name)
            ));
            return;
        };
        if let Ok(op) = d.get(b"OP").and_then(Object::as_bool) {
            gs.overprint_stroke = op;
            gs.overprint_fill = op;
        }
        if let Ok(op) = d.get(b"op").and_then(Object::as_bool) {
            gs.overprint_fill = op;
        }
        if let Ok(w) = d.get(b"LW").and_then(Object::as_float) {
            gs.line_width = w;
        }
    }

    fn run(
        &mut self,
        ops: &[Operation],
        resources: Option<&Dictionary>,
        start: GState,
        depth: u32,
    ) {
        let mut gs = start;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        // The current path: device-space boxes of its rectangles, every point of it, and
        // whether anything but rectangles was drawn into it.
        let mut rects: Vec<[f32; 4]> = Vec::new();
        let mut points: Vec<(f32, f32)> = Vec::new();
        let mut other_path = false;
        for op in ops {
            if self.stopped {
                return;
            }
            self.findings.operators += 1;
            if self.findings.operators > self.limits.operators {
                self.error(format!(
                    "more than {} operators in the file; preflight stopped reading and cannot vouch for the rest",
                    self.limits.operators
                ));
                self.stopped = true;
                return;
            }
            let o = op.operands.as_slice();
            match op.operator.as_str() {
                "q" if stack.len() < MAX_SAVED_STATES => stack.push(gs.clone()),
                "Q" => {
                    if let Some(prev) = stack.pop() {
                        gs = prev;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix_of(o) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                "w" => {
                    if let Some(w) = o.first().and_then(num) {
                        gs.line_width = w;
                    }
                }
                "gs" => {
                    if let Some(Ok(name)) = o.first().map(Object::as_name) {
                        self.ext_gstate(name, resources, &mut gs);
                    }
                }
                "BDC" | "BMC" if o.first().and_then(|t| t.as_name().ok()) == Some(b"OC") => {
                    self.findings.optional_content.push(self.page);
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(Ok(name)), Some(size)) =
                        (o.first().map(Object::as_name), o.get(1).and_then(num))
                    {
                        gs.font = Some(name.to_vec());
                        gs.size = size;
                    }
                }
                "Tc" => gs.char_spacing = o.first().and_then(num).unwrap_or(0.0),
                "Tw" => gs.word_spacing = o.first().and_then(num).unwrap_or(0.0),
                "Tr" => gs.render = o.first().and_then(|n| n.as_i64().ok()).unwrap_or(0),
                "Tz" => gs.horizontal = o.first().and_then(num).unwrap_or(100.0) / 100.0,
                "TL" => gs.leading = o.first().and_then(num).unwrap_or(0.0),
                "Ts" => gs.rise = o.first().and_then(num).unwrap_or(0.0),
                "Td" | "TD" => {
                    if let Some(v) = nums(o).filter(|v| v.len() == 2) {
                        if op.operator == "TD" {
                            gs.leading = -v[1];
                        }
                        tlm = Matrix::translate(v[0], v[1]).then(&tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = matrix_of(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                        tm = tlm;
                    }
                    if op.operator == "\""
                        && let Some(v) = nums(&o[..o.len().min(2)]).filter(|v| v.len() == 2)
                    {
                        gs.word_spacing = v[0];
                        gs.char_spacing = v[1];
                    }
                    let items: Vec<&Object> = match o.last() {
                        Some(Object::Array(a)) if op.operator == "TJ" => a.iter().collect(),
                        Some(s @ Object::String(..)) => vec![s],
                        _ => Vec::new(),
                    };
                    tm = self.show(&gs, tm, &items, resources, depth);
                    let (fill, stroke) = (
                        matches!(gs.render, 0 | 2 | 4 | 6),
                        matches!(gs.render, 1 | 2 | 5 | 6),
                    );
                    self.paint_patterns(&gs, [fill, stroke], resources, depth);
                }
                "g" | "G" | "k" | "K" | "rg" | "RG" => {
                    let space = match op.operator.as_str() {
                        "g" | "G" => Space::Gray,
                        "k" | "K" => Space::Cmyk,
                        _ => {
                            self.rgb(format!("the `{}` operator (DeviceRGB colour)", op.operator));
                            Space::Rgb
                        }
                    };
                    let colour = Colour {
                        space,
                        components: nums(o).unwrap_or_default(),
                    };
                    if op.operator.chars().all(|c| c.is_ascii_lowercase()) {
                        gs.fill = colour;
                        gs.spots[0] = None;
                        gs.patterns[0] = None;
                    } else {
                        gs.stroke = colour;
                        gs.spots[1] = None;
                        gs.patterns[1] = None;
                    }
                }
                "cs" | "CS" => {
                    if let Some(space) = o.first() {
                        let s = classify_space(self.doc, space, resources);
                        if s == Space::Rgb {
                            self.rgb(format!("an RGB colour space set with `{}`", op.operator));
                        }
                        // A new space starts at its initial colour, which this checker only
                        // knows for the process spaces.
                        let components = match s {
                            Space::Gray => vec![0.0],
                            Space::Cmyk => vec![0.0, 0.0, 0.0, 1.0],
                            _ => Vec::new(),
                        };
                        let colour = Colour {
                            space: s,
                            components,
                        };
                        let spot = (s == Space::Other).then(|| space.clone());
                        if op.operator == "cs" {
                            gs.fill = colour;
                            gs.spots[0] = spot;
                            gs.patterns[0] = None;
                        } else {
                            gs.stroke = colour;
                            gs.spots[1] = spot;
                            gs.patterns[1] = None;
                        }
                    }
                }
                "sc" | "scn" | "SC" | "SCN" => {
                    let comps: Vec<f32> = o.iter().filter_map(num).collect();
                    // A name operand is a pattern, painted when something is filled or
                    // stroked with it.
                    gs.patterns[usize::from(!op.operator.starts_with('s'))] = match o.last() {
                        Some(Object::Name(n)) => self.pattern_object(n, resources),
                        _ => None,
                    };
                    let spot = &gs.spots[usize::from(!op.operator.starts_with('s'))];
                    let separated = spot
                        .as_ref()
                        .and_then(|sp| tint_cmyk(self.doc, sp, resources, &comps));
                    let target = if op.operator.starts_with('s') {
                        &mut gs.fill
                    } else {
                        &mut gs.stroke
                    };
                    match separated {
                        Some(cmyk) => {
                            *target = Colour {
                                space: Space::Cmyk,
                                components: cmyk.to_vec(),
                            }
                        }
                        None => target.components = comps,
                    }
                    if target.space == Space::Rgb && target.components.len() == 3 {
                        self.rgb(format!("an RGB colour set with `{}`", op.operator));
                    }
                }
                "re" => {
                    if let Some(v) = nums(o).filter(|v| v.len() == 4) {
                        let corners = [
                            gs.ctm.apply(v[0], v[1]),
                            gs.ctm.apply(v[0] + v[2], v[1]),
                            gs.ctm.apply(v[0], v[1] + v[3]),
                            gs.ctm.apply(v[0] + v[2], v[1] + v[3]),
                        ];
                        points.extend_from_slice(&corners);
                        rects.push(bbox_of(&corners));
                    }
                }
                "m" | "l" | "c" | "v" | "y" => {
                    other_path = true;
                    if let Some(v) = nums(o) {
                        for p in v.chunks_exact(2) {
                            points.push(gs.ctm.apply(p[0], p[1]));
                        }
                    }
                }
                "h" => other_path = true,
                "S" | "s" | "B" | "B*" | "b" | "b*" | "f" | "F" | "f*" | "n" => {
                    let strokes =
                        matches!(op.operator.as_str(), "S" | "s" | "B" | "B*" | "b" | "b*");
                    let fills = matches!(
                        op.operator.as_str(),
                        "f" | "F" | "f*" | "B" | "B*" | "b" | "b*"
                    );
                    let bbox = bbox_of(&points);
                    if strokes {
                        self.stroke_width(&gs);
                        self.paint(PaintKind::Stroke, bbox, &gs.stroke, gs.overprint_stroke);
                    }
                    if fills {
                        self.paint(PaintKind::Fill, bbox, &gs.fill, gs.overprint_fill);
                        // Rectangles each on their own; any other shape by its bounds
                        // (a curve's control points may reach a little beyond it).
                        if !other_path {
                            for r in &rects {
                                self.filled(*r);
                            }
                        } else if !points.is_empty() {
                            self.filled(bbox);
                        }
                    }
                    self.paint_patterns(&gs, [fills, strokes], resources, depth);
                    rects.clear();
                    points.clear();
                    other_path = false;
                }
                "sh" => {
                    if let Some(Ok(name)) = o.first().map(Object::as_name) {
                        self.shading(name, resources, &gs);
                    }
                }
                "Do" => {
                    if let Some(Ok(name)) = o.first().map(Object::as_name) {
                        self.xobject(name, resources, &gs, depth);
                    }
                }
                // Inline images: lopdf hands over the image as one stream operand.
                "BI" => {
                    if let Some(Object::Stream(image)) = o.first() {
                        let m = images::measure(
                            self.doc,
                            image,
                            "inline".into(),
                            &gs.ctm,
                            resources,
                            self.page,
                        );
                        if m.space == Space::Rgb {
                            self.rgb("an inline RGB image");
                        }
                        if images::is_stencil(image) {
                            self.paint(PaintKind::Fill, m.bbox, &gs.fill, gs.overprint_fill);
                            self.paint_patterns(&gs, [true, false], resources, depth);
                        }
                        self.filled(m.bbox);
                        self.findings.images.push(m);
                    }
                }
                _ => {}
            }
        }
    }

    /// A line as thin as it prints: the line width through the CTM's thinnest direction.
    fn stroke_width(&mut self, gs: &GState) {
        self.findings.strokes.push(Stroke {
            page: self.page,
            width: gs.line_width * gs.ctm.min_scale(),
        });
    }

    /// An area painted on the page, for the bleed check: unless it is inside a pattern
    /// cell, whose place is not where it prints.
    fn filled(&mut self, bbox: [f32; 4]) {
        if self.tiled == 0 && bbox[0] <= bbox[2] {
            self.findings.fills.push(FilledRect {
                page: self.page,
                bbox,
            });
        }
    }

    fn paint(&mut self, kind: PaintKind, bbox: [f32; 4], colour: &Colour, overprint: bool) {
        self.findings.paints.push(Paint {
            page: self.page,
            kind,
            bbox,
            colour: colour.clone(),
            overprint,
        });
    }
}
