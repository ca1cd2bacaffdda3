//! The page's inline style sheet, in the house colours.
//!
//! The house colours are CMYK for paper. On a screen they become sRGB by the naive
//! conversion (no ICC profile: the page only needs to look like the leaflet, not proof it),
//! and a colour used for text is darkened until it reaches the contrast WCAG 1.4.3 asks
//! of body text (4.5:1 on white): the accent that reads well in print ink can be too pale
//! on a backlit screen.

use crate::style::{Cmyk, HouseStyle};

/// WCAG 2.1 AA minimum contrast for normal text.
const MIN_TEXT_CONTRAST: f32 = 4.5;
/// Each darkening step keeps this fraction of the colour: fine enough that the result is
/// just past the limit, not a needlessly dark shade.
const DARKEN_STEP: f32 = 0.97;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub fn from_cmyk(c: Cmyk) -> Rgb {
        let k = 1.0 - c.k;
        Rgb((1.0 - c.c) * k, (1.0 - c.m) * k, (1.0 - c.y) * k)
    }

    fn hex(self) -> String {
        let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        format!("#{:02x}{:02x}{:02x}", b(self.0), b(self.1), b(self.2))
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f32 {
        let lin = |v: f32| {
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

/// Contrast ratio of two colours (WCAG 2.1), at least 1.
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `colour`, darkened just enough to be read as text on `background`.
pub fn readable_on(colour: Rgb, background: Rgb) -> Rgb {
    let mut c = colour;
    // 200 steps of 3 % reach black from any colour; the bound only guards the loop.
    for _ in 0..200 {
        if contrast(c, background) >= MIN_TEXT_CONTRAST {
            break;
        }
        c = Rgb(c.0 * DARKEN_STEP, c.1 * DARKEN_STEP, c.2 * DARKEN_STEP);
    }
    c
}

pub fn leaflet(style: &HouseStyle) -> String {
    let white = Rgb(1.0, 1.0, 1.0);
    let tint = Rgb::from_cmyk(style.route_tint);
    let text = readable_on(Rgb::from_cmyk(style.text_color), tint);
    let accent_rgb = Rgb::from_cmyk(style.accent_color);
    // On the tint too, which is lighter than white only in theory.
    let accent = readable_on(readable_on(accent_rgb, white), tint);
    format!(
        "html{{font-size:112.5%}}
body{{margin:0 auto;max-width:40em;padding:0 1em;font-family:\"Atkinson Hyperlegible\",system-ui,sans-serif;line-height:1.5;color:{text};background:#fff}}
header{{border-top:0.6em solid {band};padding-top:1em}}
h1,h2,.department{{color:{accent}}}
h1{{font-size:2em;line-height:1.2;margin:0.2em 0}}
h2{{font-size:1.35em;margin:1.4em 0 0.4em}}
.department{{font-weight:bold;margin:0}}
.subtitle{{font-size:1.2em;margin-top:0}}
li{{margin:0.2em 0}}
li::marker{{color:{accent}}}
.table{{overflow-x:auto}}
table{{border-collapse:collapse;width:100%}}
th,td{{text-align:left;vertical-align:top;padding:0.3em 0.8em 0.3em 0;border-bottom:1px solid {accent}}}
thead th{{border-bottom-width:2px}}
aside{{margin:2em 0;padding:0.8em 1em;background:{tint};border-left:0.2em solid {accent}}}
aside p{{margin:0.3em 0}}
figure{{margin:1.2em 0}}
figure img{{display:block;width:100%;height:auto}}
figcaption{{font-size:0.9em;margin-top:0.4em}}
footer{{margin:2em 0;border-top:1px solid {accent};font-size:0.9em}}
footer p{{margin:0.3em 0}}
@media print{{body{{max-width:none}}}}
",
        text = text.hex(),
        accent = accent.hex(),
        band = accent_rgb.hex(),
        tint = tint.hex(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcag_s() {
        let black = Rgb(0.0, 0.0, 0.0);
        let white = Rgb(1.0, 1.0, 1.0);
        assert!((contrast(black, white) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 0.001);
    }

    #[test]
    fn a_pale_accent_is_darkened_to_just_past_the_limit() {
        let white = Rgb(1.0, 1.0, 1.0);
        let accent = Rgb::from_cmyk(HouseStyle::default().accent_color);
        assert!(
            contrast(accent, white) < MIN_TEXT_CONTRAST,
            "the test needs a pale one"
        );
        let dark = readable_on(accent, white);
        let c = contrast(dark, white);
        assert!(
            (MIN_TEXT_CONTRAST..MIN_TEXT_CONTRAST * 1.1).contains(&c),
            "{c}"
        );
        // Darkened, not turned grey: the hue's proportions stay.
        assert!((dark.2 / dark.1 - accent.2 / accent.1).abs() < 0.01);
    }
}
