//! A content-stream interpreter just deep enough for preflight: it follows the graphics and
//! text state (CTM, text matrix, font size, line width, colour spaces) and reports what a
//! print shop measures — where text lands and how big it really is, how thick strokes
//! are, which rectangles are filled, and every use of RGB. Reading the operators is the
//! only honest way to know: a `Tf` of 12 under a `Tm` that scales by 0.4 prints 4.8 pt.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::BTreeMap;

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes it (row vectors: p' = p × M).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self` applied first, then `then`.
    pub fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// How much a unit length grows, averaged over directions (√|det|): what a line width
    /// or a uniformly scaled type size becomes on the page.
    fn scale(&self) -> f32 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }

    /// How much a vertical unit grows: a type size is measured vertically.
    fn vertical_scale(&self) -> f32 {
        let [_, _, c, d, ..] = self.0;
        (c * c + d * d).sqrt()
    }
}

/// What a colour space amounts to for a printing press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// Spot colours, Lab, patterns: not RGB, not process CMYK.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Colour {
    pub space: Space,
    pub components: Vec<f32>,
}

/// Text drawn by one show operator.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShow {
    /// 1-based page number.
    pub page: usize,
    /// The resource name of the font.
    pub font: Vec<u8>,
    /// The type size as printed (after every matrix), points.
    pub size: f32,
    /// Bounding box on the page, user space: x0, y0, x1, y1.
    pub bbox: [f32; 4],
    /// Start of the baseline on the page.
    pub origin: (f32, f32),
    pub fill: Colour,
    /// The shown string's bytes (character codes in the font's encoding).
    pub codes: Vec<u8>,
    /// Offsets into `codes` where a TJ adjustment opens a gap of a fifth of an em or more:
    /// a word space set as a kern, which text extraction reads as a space.
    pub gaps: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub page: usize,
    /// Line width as printed, points.
    pub width: f32,
}

/// A filled path made of rectangles only, with its page-space bounding box.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRect {
    pub page: usize,
    pub bbox: [f32; 4],
}

#[derive(Debug, Clone, PartialEq)]
pub struct RgbUse {
    pub page: usize,
    pub what: String,
}

/// Everything the walker saw on every page.
#[derive(Debug, Default)]
pub struct Findings {
    pub text: Vec<TextShow>,
    pub strokes: Vec<Stroke>,
    pub fills: Vec<FilledRect>,
    pub rgb: Vec<RgbUse>,
    /// Content that could not be read; preflight cannot vouch for what it did not see.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    line_width: f32,
    fill: Colour,
    stroke_space: Space,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal: f32,
    leading: f32,
    rise: f32,
}

impl GState {
    fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            line_width: 1.0,
            fill: Colour {
                space: Space::Gray,
                components: vec![0.0],
            },
            stroke_space: Space::Gray,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Glyph widths of one font, in thousandths of an em, by character code.
struct FontMetrics {
    two_byte: bool,
    widths: BTreeMap<u32, f32>,
    default: f32,
}

impl FontMetrics {
    fn from_dict(doc: &Document, font: &Dictionary) -> FontMetrics {
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
                while i < w.len() {
                    let Ok(first) = w[i].as_i64() else { break };
                    match w.get(i + 1) {
                        Some(Object::Array(ws)) => {
                            for (k, v) in ws.iter().enumerate() {
                                if let Ok(v) = v.as_float() {
                                    widths.insert(first as u32 + k as u32, v);
                                }
                            }
                            i += 2;
                        }
                        Some(last) => {
                            let (Ok(last), Some(Ok(v))) =
                                (last.as_i64(), w.get(i + 2).map(Object::as_float))
                            else {
                                break;
                            };
                            for c in first..=last.min(first + 65_535) {
                                widths.insert(c as u32, v);
                            }
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
            }
        } else {
            let first = font.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
            if let Ok(ws) = font
                .get(b"Widths")
                .and_then(|o| doc.dereference(o).map(|(_, o)| o))
                .and_then(Object::as_array)
            {
                for (k, v) in ws.iter().enumerate() {
                    if let Ok(v) = v.as_float() {
                        widths.insert((first + k as i64) as u32, v);
                    }
                }
            }
            FontMetrics {
                two_byte: false,
                widths,
                // Standard-14 fonts carry no widths; half an em is a fair guess.
                default: 500.0,
            }
        }
    }

    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default)
    }
}

struct Walker<'a> {
    doc: &'a Document,
    page: usize,
    findings: &'a mut Findings,
    metrics: BTreeMap<ObjectId, FontMetrics>,
}

/// Runs every page's content (and the forms it draws) through the interpreter.
pub fn walk(doc: &Document) -> Findings {
    let mut findings = Findings::default();
    let pages = doc.get_pages();
    for (number, page_id) in pages {
        let resources = page_resources(doc, page_id);
        let content = doc.get_page_content(page_id);
        let mut walker = Walker {
            doc,
            page: number as usize,
            findings: &mut findings,
            metrics: BTreeMap::new(),
        };
        walker.run(
            &content,
            resources.as_ref(),
            GState::new(Matrix::IDENTITY),
            0,
        );
    }
    findings
}

/// A page's resources, inherited from the page tree when the page has none of its own.
fn page_resources(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(r) = node.get(b"Resources")
            && let Ok((_, Object::Dictionary(d))) = doc.dereference(r)
        {
            return Some(d.clone());
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn num(o: &Object) -> Option<f32> {
    o.as_float().ok()
}

fn nums(ops: &[Object]) -> Option<Vec<f32>> {
    ops.iter().map(num).collect()
}

fn matrix_of(ops: &[Object]) -> Option<Matrix> {
    let v = nums(ops)?;
    (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
}

/// What a colour space object amounts to, following resources and references.
pub fn classify_space(doc: &Document, space: &Object, resources: Option<&Dictionary>) -> Space {
    let Ok((_, space)) = doc.dereference(space) else {
        return Space::Other;
    };
    match space {
        Object::Name(n) => match n.as_slice() {
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Space::Rgb,
            b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
            b"DeviceGray" | b"G" | b"CalGray" => Space::Gray,
            b"Pattern" => Space::Other,
            other => resources
                .and_then(|r| r.get(b"ColorSpace").ok())
                .and_then(|cs| doc.dereference(cs).ok())
                .and_then(|(_, cs)| cs.as_dict().ok())
                .and_then(|cs| cs.get(other).ok())
                .map_or(Space::Other, |named| classify_space(doc, named, None)),
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
                        Some(3) => Space::Rgb,
                        Some(4) => Space::Cmyk,
                        Some(1) => Space::Gray,
                        _ => Space::Other,
                    }
                }
                b"CalRGB" => Space::Rgb,
                b"CalGray" => Space::Gray,
                b"Indexed" | b"I" => a
                    .get(1)
                    .map_or(Space::Other, |base| classify_space(doc, base, resources)),
                _ => Space::Other,
            }
        }
        _ => Space::Other,
    }
}

impl Walker<'_> {
    fn metrics(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<&FontMetrics> {
        let fonts = resources?.get(b"Font").ok()?;
        let (_, fonts) = self.doc.dereference(fonts).ok()?;
        let entry = fonts.as_dict().ok()?.get(name).ok()?;
        let (id, font) = self.doc.dereference(entry).ok()?;
        // Inline font dictionaries are rare; give them a key no real object has.
        let key = id.unwrap_or((u32::MAX, 0));
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

    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, start: GState, depth: u32) {
        let ops = match Content::decode(content) {
            Ok(c) => c.operations,
            Err(e) => {
                self.findings
                    .errors
                    .push(format!("page {}: content cannot be read ({e})", self.page));
                return;
            }
        };
        let mut gs = start;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        // The current path: device-space boxes of its rectangles, and whether anything
        // else was drawn into it.
        let mut rects: Vec<[f32; 4]> = Vec::new();
        let mut other_path = false;
        for op in &ops {
            let o = op.operands.as_slice();
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
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
                    tm = self.show(&gs, tm, &items, resources);
                }
                "g" => {
                    gs.fill = Colour {
                        space: Space::Gray,
                        components: nums(o).unwrap_or_default(),
                    }
                }
                "G" => gs.stroke_space = Space::Gray,
                "k" => {
                    gs.fill = Colour {
                        space: Space::Cmyk,
                        components: nums(o).unwrap_or_default(),
                    }
                }
                "K" => gs.stroke_space = Space::Cmyk,
                "rg" | "RG" => {
                    self.rgb(format!("the `{}` operator (DeviceRGB colour)", op.operator));
                    if op.operator == "rg" {
                        gs.fill = Colour {
                            space: Space::Rgb,
                            components: nums(o).unwrap_or_default(),
                        };
                    } else {
                        gs.stroke_space = Space::Rgb;
                    }
                }
                "cs" | "CS" => {
                    if let Some(space) = o.first() {
                        let s = classify_space(self.doc, space, resources);
                        if s == Space::Rgb {
                            self.rgb(format!("an RGB colour space set with `{}`", op.operator));
                        }
                        if op.operator == "cs" {
                            gs.fill = Colour {
                                space: s,
                                components: Vec::new(),
                            };
                        } else {
                            gs.stroke_space = s;
                        }
                    }
                }
                "sc" | "scn" | "SC" | "SCN" => {
                    let comps: Vec<f32> = o.iter().filter_map(num).collect();
                    let fill = op.operator.starts_with('s');
                    let space = if fill { gs.fill.space } else { gs.stroke_space };
                    if space == Space::Rgb && comps.len() == 3 {
                        self.rgb(format!("an RGB colour set with `{}`", op.operator));
                    }
                    if fill {
                        gs.fill.components = comps;
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
                        rects.push(bbox_of(&corners));
                    }
                }
                "m" | "l" | "c" | "v" | "y" | "h" => other_path = true,
                "S" | "s" | "B" | "B*" | "b" | "b*" | "f" | "F" | "f*" | "n" => {
                    let strokes =
                        matches!(op.operator.as_str(), "S" | "s" | "B" | "B*" | "b" | "b*");
                    let fills = matches!(
                        op.operator.as_str(),
                        "f" | "F" | "f*" | "B" | "B*" | "b" | "b*"
                    );
                    if strokes {
                        self.findings.strokes.push(Stroke {
                            page: self.page,
                            width: gs.line_width * gs.ctm.scale(),
                        });
                    }
                    if fills && !other_path {
                        for r in &rects {
                            self.findings.fills.push(FilledRect {
                                page: self.page,
                                bbox: *r,
                            });
                        }
                    }
                    rects.clear();
                    other_path = false;
                }
                "Do" => {
                    if let Some(Ok(name)) = o.first().map(Object::as_name) {
                        self.xobject(name, resources, &gs, depth);
                    }
                }
                // Inline images: their colour space is in the operands.
                "BI" | "ID" | "EI"
                    if o.iter().any(
                        |x| matches!(x, Object::Name(n) if n == b"RGB" || n == b"DeviceRGB"),
                    ) =>
                {
                    self.rgb("an inline RGB image");
                }
                _ => {}
            }
        }
    }

    /// Shows one string or TJ array; returns the text matrix after it.
    fn show(
        &mut self,
        gs: &GState,
        mut tm: Matrix,
        items: &[&Object],
        resources: Option<&Dictionary>,
    ) -> Matrix {
        let Some(font) = gs.font.clone() else {
            return tm;
        };
        let start = tm;
        let mut codes_shown = Vec::new();
        let mut gaps = Vec::new();
        let mut advance = 0.0f32;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    codes_shown.extend_from_slice(bytes);
                    let (codes, widths): (Vec<u32>, Vec<f32>) = match self.metrics(resources, &font)
                    {
                        Some(m) => m.codes(bytes).into_iter().map(|c| (c, m.width(c))).unzip(),
                        None => bytes.iter().map(|&b| (u32::from(b), 500.0)).unzip(),
                    };
                    for (c, w) in codes.iter().zip(widths) {
                        let word = if *c == 32 && bytes.len() == codes.len() {
                            gs.word_spacing
                        } else {
                            0.0
                        };
                        advance += (w / 1000.0 * gs.size + gs.char_spacing + word) * gs.horizontal;
                    }
                }
                other => {
                    if let Some(n) = num(other) {
                        advance -= n / 1000.0 * gs.size * gs.horizontal;
                        if n <= -200.0 && !codes_shown.is_empty() {
                            gaps.push(codes_shown.len());
                        }
                    }
                }
            }
        }
        tm = Matrix::translate(advance, 0.0).then(&tm);
        if codes_shown.is_empty() {
            return tm;
        }
        let to_page = start.then(&gs.ctm);
        // Ascender and descender as fractions of the size: enough to see a line touch an
        // edge, without reading every glyph outline.
        let (lo, hi) = (gs.rise - 0.25 * gs.size, gs.rise + 0.8 * gs.size);
        let corners = [
            to_page.apply(0.0, lo),
            to_page.apply(advance, lo),
            to_page.apply(0.0, hi),
            to_page.apply(advance, hi),
        ];
        self.findings.text.push(TextShow {
            page: self.page,
            font,
            size: gs.size.abs() * to_page.vertical_scale(),
            bbox: bbox_of(&corners),
            origin: to_page.apply(0.0, gs.rise),
            fill: gs.fill.clone(),
            codes: codes_shown,
            gaps,
        });
        tm
    }

    fn xobject(&mut self, name: &[u8], resources: Option<&Dictionary>, gs: &GState, depth: u32) {
        let Some(stream) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|x| self.doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_stream().ok())
        else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        match subtype {
            Some(b"Image") => {
                if let Ok(cs) = stream.dict.get(b"ColorSpace")
                    && classify_space(self.doc, cs, resources) == Space::Rgb
                {
                    self.rgb(format!("the RGB image /{}", String::from_utf8_lossy(name)));
                }
            }
            Some(b"Form") if depth < 8 => {
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
                let content = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                let mut inner = gs.clone();
                inner.ctm = matrix.then(&gs.ctm);
                self.run(&content, own.as_ref().or(resources), inner, depth + 1);
            }
            _ => {}
        }
    }
}

fn bbox_of(points: &[(f32, f32)]) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for &(x, y) in points {
        b[0] = b[0].min(x);
        b[1] = b[1].min(y);
        b[2] = b[2].max(x);
        b[3] = b[3].max(y);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Scale by 2, then move by (10, 0): the point (1, 1) lands on (12, 2).
        let m = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]).then(&Matrix::translate(10.0, 0.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(m.scale(), 2.0);
    }
}
