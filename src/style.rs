//! The house style: every setting that decides how a leaflet looks, in one type.
//!
//! Defaults are the hospital's house style; `leaflets/_data/style.yaml` may override any
//! field. Lengths are in millimetres where designers think in millimetres (page, margins)
//! and in points where typographers do (type sizes).

use serde::{Deserialize, Serialize};

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
            leading: 1.35,
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
        }
    }
}

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
