//! The house style: every setting that decides how a leaflet looks, in one type.
//!
//! Defaults are the hospital's house style; `leaflets/_data/style.yaml` may override any
//! field. Lengths are in millimetres where designers think in millimetres (page, margins)
//! and in points where typographers do (type sizes).

use serde::{Deserialize, Serialize};

/// What fills the pages added to reach `pad_pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Padding {
    /// Lined "Notities" pages with the leaflet's footer: a patient writes questions there.
    Notities,
    /// Empty pages.
    Blank,
}

/// The paper the print shop prints on, which decides the output intent of print files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// Coated stock (FOGRA39).
    Coated,
    /// Uncoated stock (FOGRA29), common for patient leaflets.
    Uncoated,
}

/// A colour as the print shop sees it: DeviceCMYK, each channel 0.0–1.0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cmyk {
    pub c: f32,
    pub m: f32,
    pub y: f32,
    pub k: f32,
}

impl Cmyk {
    /// 100 % K: body text must never be rich black.
    pub const BLACK: Cmyk = Cmyk::new(0.0, 0.0, 0.0, 1.0);

    pub const fn new(c: f32, m: f32, y: f32, k: f32) -> Self {
        Cmyk { c, m, y, k }
    }
}

/// How body text meets the right margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Justified: a house-style choice, set with glyph expansion rather than open letters.
    Justify,
    /// Ragged right: the default, as readability guides for patients ask.
    Left,
}

/// Which typographic quotes replace straight quotes in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    /// “dubbel”
    Double,
    /// ‘enkel’
    Single,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HouseStyle {
    /// Trim size of a page, millimetres.
    pub page_width_mm: f32,
    pub page_height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_inner_mm: f32,
    pub margin_outer_mm: f32,
    /// Body type size, points.
    pub body_size: f32,
    /// Baseline-to-baseline distance as a multiple of the body size.
    pub leading: f32,
    pub title_size: f32,
    pub subtitle_size: f32,
    pub heading_size: f32,
    pub footer_size: f32,
    pub route_size: f32,
    /// Space between paragraphs, as a multiple of the body leading.
    pub paragraph_space: f32,
    /// Hanging indent of list items, points.
    pub list_indent: f32,
    pub align: Align,
    pub quotes: QuoteStyle,
    /// Let punctuation and hyphens hang into the right margin (as microtype does).
    pub protrusion: bool,
    pub text_color: Cmyk,
    pub accent_color: Cmyk,
    /// Tint behind the route block.
    pub route_tint: Cmyk,
    /// Years after `revised` before `check` warns that a leaflet is due for review.
    pub review_years: u32,
    /// Word spaces never open to even the rag (large print): not a house-style setting, the
    /// large-print edition sets it.
    #[serde(skip)]
    pub even_spaces: bool,
    /// Print output: pages in multiples of this (4 for a folded booklet); none by default.
    pub pad_pages: Option<usize>,
    /// What the added pages hold.
    pub padding: Padding,
    /// The print shop's paper, for the PDF/X output intent.
    pub output_condition: Paper,
    /// The logo's colours as the brand defines them in CMYK: each sRGB colour of the logo
    /// (`"#0a5ca8"`) printed as the given CMYK instead of converted by the RIP.
    pub logo_colors: std::collections::BTreeMap<String, Cmyk>,
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            page_width_mm: 148.0,
            page_height_mm: 210.0,
            margin_top_mm: 16.0,
            margin_bottom_mm: 15.0,
            margin_inner_mm: 16.0,
            margin_outer_mm: 16.0,
            body_size: 11.0,
            // Keurmerk Makkelijk Lezen and WCAG 1.4.12 ask for 1.5 line spacing; on the shipped
            // leaflets it costs two pages over 1.35 (22 → 24).
            leading: 1.5,
            title_size: 22.0,
            subtitle_size: 13.0,
            heading_size: 13.0,
            footer_size: 7.5,
            route_size: 11.0,
            paragraph_space: 0.5,
            list_indent: 14.0,
            // Ragged-right: Keurmerk Makkelijk Lezen, RNIB Clear Print and the British
            // Dyslexia Association all ask for left-aligned, unjustified text (issue 13).
            align: Align::Left,
            quotes: QuoteStyle::Double,
            protrusion: true,
            text_color: Cmyk::BLACK,
            accent_color: Cmyk::new(0.85, 0.35, 0.0, 0.15),
            route_tint: Cmyk::new(0.12, 0.03, 0.0, 0.0),
            review_years: 3,
            even_spaces: false,
            pad_pages: None,
            padding: Padding::Notities,
            output_condition: Paper::Coated,
            logo_colors: std::collections::BTreeMap::new(),
        }
    }
}

/// Page multiples a print shop folds or imposes: sheets of 2, 4 or 8 pages.
const PAD_PAGES: [usize; 3] = [2, 4, 8];

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

impl HouseStyle {
    pub fn page_width(&self) -> f32 {
        self.page_width_mm * PT_PER_MM
    }
    pub fn page_height(&self) -> f32 {
        self.page_height_mm * PT_PER_MM
    }
    pub fn margin_top(&self) -> f32 {
        self.margin_top_mm * PT_PER_MM
    }
    pub fn margin_bottom(&self) -> f32 {
        self.margin_bottom_mm * PT_PER_MM
    }
    pub fn margin_left(&self) -> f32 {
        self.margin_inner_mm * PT_PER_MM
    }
    pub fn margin_right(&self) -> f32 {
        self.margin_outer_mm * PT_PER_MM
    }
    /// Width of the text column, points.
    pub fn measure(&self) -> f32 {
        self.page_width() - self.margin_left() - self.margin_right()
    }
    pub fn body_leading(&self) -> f32 {
        self.body_size * self.leading
    }
}

/// A house-style setting out of range, named the way it is written in `style.yaml`
/// (`body_size`, `text_color.k`); the caller locates it in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub setting: String,
    pub message: String,
    pub hint: String,
}

/// The smallest type a patient can read; footers included.
const MIN_TYPE_PT: f32 = 6.0;
/// Past these, a line holds too few words to set (a 60 pt title on A5 is one word a line).
const MAX_BODY_PT: f32 = 28.0;
const MAX_DISPLAY_PT: f32 = 48.0;
const MAX_FOOTER_PT: f32 = 14.0;
/// Page sizes from A6 to A4 landscape width; beyond, the house style is a poster's.
const PAGE_MM: (f32, f32) = (100.0, 300.0);
/// Office printers leave 4–5 mm at each edge unprinted; a smaller margin loses text.
const MIN_MARGIN_MM: f32 = 5.0;
/// A text column narrower than this holds fewer than 25 characters of 11 pt body text.
const MIN_MEASURE_MM: f32 = 60.0;
/// A column must hold about 30 characters of body text to be set without rivers or
/// hyphens on every line: the measure is at least this many body sizes.
const MIN_MEASURE_EM: f32 = 15.0;
/// Room for a heading, a few lines and the footer.
const MIN_TEXT_HEIGHT_MM: f32 = 80.0;
/// Leading below solid makes lines touch; above 2.5 a paragraph falls apart into lines.
const LEADING: (f32, f32) = (1.0, 2.5);
const MAX_PARAGRAPH_SPACE: f32 = 3.0;
const MAX_LIST_INDENT_PT: f32 = 40.0;
/// The print shop's limit for total ink coverage (C+M+Y+K): more smears and will not dry.
const MAX_INK: f32 = 3.0;
const REVIEW_YEARS: (u32, u32) = (1, 10);

impl HouseStyle {
    /// Every setting out of the range that gives a readable page, in the order of the
    /// struct. Checked once per library, so no leaflet is ever blamed for the style.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut bad = |setting: &str, message: String, hint: &str| {
            out.push(Problem {
                setting: setting.to_string(),
                message,
                hint: hint.to_string(),
            })
        };
        let range = |v: f32, (lo, hi): (f32, f32)| v.is_finite() && v >= lo && v <= hi;
        // Said only when a margin is wrong: the catalogue is not loaded for a sane style.
        let mm = || crate::t!("style-mm-hint");
        for (name, v) in [
            ("page_width_mm", self.page_width_mm),
            ("page_height_mm", self.page_height_mm),
        ] {
            if !range(v, PAGE_MM) {
                bad(
                    name,
                    crate::t!(
                        "style-page-size",
                        value = show(v),
                        min = PAGE_MM.0.to_string(),
                        max = PAGE_MM.1.to_string()
                    ),
                    &crate::t!("style-page-size-hint"),
                );
            }
        }
        let margins = [
            ("margin_top_mm", self.margin_top_mm),
            ("margin_bottom_mm", self.margin_bottom_mm),
            ("margin_inner_mm", self.margin_inner_mm),
            ("margin_outer_mm", self.margin_outer_mm),
        ];
        let mut margins_ok = true;
        for (name, v) in margins {
            let max = PAGE_MM.1 / 2.0;
            if !range(v, (MIN_MARGIN_MM, max)) {
                margins_ok = false;
                bad(
                    name,
                    crate::t!(
                        "style-margin",
                        value = show(v),
                        min = MIN_MARGIN_MM.to_string(),
                        max = max.to_string()
                    ),
                    &mm(),
                );
            }
        }
        let sizes = [
            ("body_size", self.body_size, MAX_BODY_PT),
            ("title_size", self.title_size, MAX_DISPLAY_PT),
            ("subtitle_size", self.subtitle_size, MAX_DISPLAY_PT),
            ("heading_size", self.heading_size, MAX_DISPLAY_PT),
            ("footer_size", self.footer_size, MAX_FOOTER_PT),
            ("route_size", self.route_size, MAX_DISPLAY_PT),
        ];
        for (name, v, max) in sizes {
            if !range(v, (MIN_TYPE_PT, max)) {
                bad(
                    name,
                    crate::t!(
                        "style-type-size",
                        value = show(v),
                        min = MIN_TYPE_PT.to_string(),
                        max = max.to_string()
                    ),
                    &crate::t!("style-type-size-hint"),
                );
            }
        }
        if !range(self.leading, LEADING) {
            bad(
                "leading",
                crate::t!(
                    "style-leading",
                    value = show(self.leading),
                    min = LEADING.0.to_string(),
                    max = LEADING.1.to_string()
                ),
                &crate::t!("style-leading-hint"),
            );
        }
        if !range(self.paragraph_space, (0.0, MAX_PARAGRAPH_SPACE)) {
            bad(
                "paragraph_space",
                crate::t!(
                    "style-paragraph-space",
                    value = show(self.paragraph_space),
                    max = MAX_PARAGRAPH_SPACE.to_string()
                ),
                &crate::t!("style-paragraph-space-hint"),
            );
        }
        if !range(self.list_indent, (0.0, MAX_LIST_INDENT_PT)) {
            bad(
                "list_indent",
                crate::t!(
                    "style-list-indent",
                    value = show(self.list_indent),
                    max = MAX_LIST_INDENT_PT.to_string()
                ),
                &crate::t!("style-list-indent-hint"),
            );
        }
        for (name, c) in [
            ("text_color", self.text_color),
            ("accent_color", self.accent_color),
            ("route_tint", self.route_tint),
        ] {
            let mut channels_ok = true;
            for (ch, v) in [("c", c.c), ("m", c.m), ("y", c.y), ("k", c.k)] {
                if !range(v, (0.0, 1.0)) {
                    channels_ok = false;
                    bad(
                        &format!("{name}.{ch}"),
                        crate::t!("style-channel", value = show(v)),
                        &crate::t!("style-channel-hint"),
                    );
                }
            }
            let ink = c.c + c.m + c.y + c.k;
            if channels_ok && ink > MAX_INK + 1e-4 {
                bad(
                    name,
                    crate::t!(
                        "style-ink",
                        ink = format!("{:.0}", ink * 100.0),
                        max = format!("{:.0}", MAX_INK * 100.0)
                    ),
                    &crate::t!("style-ink-hint"),
                );
            }
        }
        for (hex, c) in &self.logo_colors {
            let name = format!("logo_colors.{hex}");
            if rgb_hex(hex).is_none() {
                bad(
                    "logo_colors",
                    crate::t!("style-logo-colour", hex = hex.as_str()),
                    &crate::t!("style-logo-colour-hint"),
                );
                continue;
            }
            let ink = c.c + c.m + c.y + c.k;
            let channels = [c.c, c.m, c.y, c.k];
            if !channels.iter().all(|&v| range(v, (0.0, 1.0))) {
                bad(
                    &name,
                    crate::t!("style-brand-channel", hex = hex.as_str()),
                    &crate::t!("style-channel-hint"),
                );
            } else if ink > MAX_INK + 1e-4 {
                bad(
                    &name,
                    crate::t!(
                        "style-brand-ink",
                        hex = hex.as_str(),
                        ink = format!("{:.0}", ink * 100.0),
                        max = format!("{:.0}", MAX_INK * 100.0)
                    ),
                    &crate::t!("style-brand-ink-hint"),
                );
            }
        }
        if !(REVIEW_YEARS.0..=REVIEW_YEARS.1).contains(&self.review_years) {
            bad(
                "review_years",
                crate::t!(
                    "style-review-years",
                    value = self.review_years.to_string(),
                    min = REVIEW_YEARS.0.to_string(),
                    max = REVIEW_YEARS.1.to_string()
                ),
                &crate::t!("style-review-years-hint"),
            );
        }
        if let Some(n) = self.pad_pages
            && !PAD_PAGES.contains(&n)
        {
            bad(
                "pad_pages",
                crate::t!("style-pad-pages", n = n.to_string()),
                &crate::t!("style-pad-pages-hint"),
            );
        }
        // The text area, only when its parts are each sane, so one mistake is said once.
        let page_ok = range(self.page_width_mm, PAGE_MM) && range(self.page_height_mm, PAGE_MM);
        if page_ok && margins_ok {
            let width = self.page_width_mm - self.margin_inner_mm - self.margin_outer_mm;
            if width < MIN_MEASURE_MM {
                bad(
                    "margin_outer_mm",
                    crate::t!(
                        "style-measure",
                        width = format!("{width:.0}"),
                        min = MIN_MEASURE_MM.to_string()
                    ),
                    &crate::t!("style-measure-hint"),
                );
            } else if range(self.body_size, (MIN_TYPE_PT, MAX_BODY_PT))
                && self.measure() < MIN_MEASURE_EM * self.body_size
            {
                bad(
                    "body_size",
                    crate::t!(
                        "style-measure-chars",
                        size = show(self.body_size),
                        width = format!("{width:.0}")
                    ),
                    &crate::t!("style-measure-chars-hint"),
                );
            }
            let height = self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm;
            if height < MIN_TEXT_HEIGHT_MM {
                bad(
                    "margin_bottom_mm",
                    crate::t!(
                        "style-text-height",
                        height = format!("{height:.0}"),
                        min = MIN_TEXT_HEIGHT_MM.to_string()
                    ),
                    &crate::t!("style-text-height-hint"),
                );
            }
        }
        out
    }
}

/// `#0a5ca8` (or `0a5ca8`) as its three bytes.
pub fn rgb_hex(text: &str) -> Option<[u8; 3]> {
    let h = text.trim().trim_start_matches('#');
    if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

impl HouseStyle {
    /// The brand colours for the logo, as the PDF writer matches them.
    pub fn brand_colours(&self) -> Vec<([u8; 3], Cmyk)> {
        self.logo_colors
            .iter()
            .filter_map(|(h, c)| Some((rgb_hex(h)?, *c)))
            .collect()
    }
}

/// A number as the user wrote it (no `inf`/`NaN` jargon).
fn show(v: f32) -> String {
    if v.is_nan() {
        crate::t!("style-not-a-number")
    } else if v.is_infinite() {
        crate::t!("style-infinite")
    } else {
        format!("{v}")
    }
}

/// Large body type for readers with low vision: 16 pt at least.
const LARGE_BODY_PT: f32 = 16.0;
/// Generous leading for large print, as the RNIB's clear-print guidance asks.
const LARGE_LEADING: f32 = 1.5;

/// The large-print edition of a house style: body at least 16 pt, display sizes scaled with
/// it, generous leading, ragged right (justified large type opens wide gaps), and no
/// protrusion (it only pays off in justified text). Page, margins, colours and footer stay
/// the library's, so both editions carry the same route and footer.
pub fn large_print(style: &HouseStyle) -> HouseStyle {
    let body = style.body_size.max(LARGE_BODY_PT);
    let scale = body / style.body_size;
    let grow = |size: f32, max: f32| (size * scale).min(max).max(size);
    HouseStyle {
        body_size: body,
        leading: style.leading.max(LARGE_LEADING),
        title_size: grow(style.title_size, MAX_DISPLAY_PT),
        subtitle_size: grow(style.subtitle_size, MAX_DISPLAY_PT),
        heading_size: grow(style.heading_size, MAX_DISPLAY_PT),
        route_size: grow(style.route_size, MAX_DISPLAY_PT),
        footer_size: style.footer_size.max(10.0),
        list_indent: grow(style.list_indent, MAX_LIST_INDENT_PT),
        align: Align::Left,
        protrusion: false,
        even_spaces: true,
        ..style.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_house_style_is_valid_and_so_is_its_large_print() {
        assert_eq!(HouseStyle::default().problems(), vec![]);
        let large = large_print(&HouseStyle::default());
        assert_eq!(large.problems(), vec![]);
        assert!(large.body_size >= 16.0);
        assert_eq!(large.align, Align::Left);
        assert_eq!(large.leading, 1.5);
        assert!(large.title_size > HouseStyle::default().title_size);
    }

    #[test]
    fn each_out_of_range_setting_is_named() {
        type Change = fn(&mut HouseStyle);
        let cases: Vec<(Change, &str)> = vec![
            (|s| s.body_size = 0.0, "body_size"),
            (|s| s.leading = f32::NAN, "leading"),
            (|s| s.margin_top_mm = -50.0, "margin_top_mm"),
            (|s| s.footer_size = 0.0, "footer_size"),
            (|s| s.title_size = 1e30, "title_size"),
            (|s| s.text_color.k = 2.0, "text_color.k"),
            (
                |s| s.accent_color = Cmyk::new(1.0, 1.0, 1.0, 1.0),
                "accent_color",
            ),
            (|s| s.margin_inner_mm = 80.0, "margin_outer_mm"),
            (|s| s.margin_bottom_mm = 120.0, "margin_bottom_mm"),
            (|s| s.body_size = 28.0, "body_size"),
            (|s| s.review_years = 0, "review_years"),
        ];
        for (change, setting) in cases {
            let mut style = HouseStyle::default();
            change(&mut style);
            let found: Vec<_> = style.problems().into_iter().map(|p| p.setting).collect();
            assert_eq!(found, vec![setting.to_string()], "{setting}");
        }
    }
}
