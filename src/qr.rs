//! The QR code to a leaflet's online version: encoded with `qrcodegen` (Project Nayuki's
//! reference encoder: no dependencies, exact to ISO/IEC 18004), sized for print, and drawn
//! by layout as filled rectangles, so the PDF holds vector paths in solid black ink, never
//! an image.
//!
//! The document stage needs the code's size (the text beside it is indented past it),
//! layout draws it; both read it from here, so this module imports neither.

use crate::style::{Cmyk, PT_PER_MM};
use qrcodegen::{QrCode, QrCodeEcc};

/// ECC level M restores 15 % of the code: a crease, a pen mark or a worn corner on a
/// leaflet carried in a bag still scans, while the code stays smaller than at Q or H.
const ECC: QrCodeEcc = QrCodeEcc::Medium;
/// The white margin the standard asks around the code, in modules: scanners find the
/// finder patterns by it.
pub const QUIET_ZONE_MODULES: f32 = 4.0;
/// Modules smaller than this blur on an office laser printer and on uncoated paper.
pub const MIN_MODULE_MM: f32 = 0.5;
/// The printed side aimed at: a phone reads it from a hand's length, and it sits beside
/// two lines of text without dominating the page.
const TARGET_SIDE_MM: f32 = 20.0;
/// 100 % K and nothing else: one plate, so no misregistration can blur a module.
pub const INK: Cmyk = Cmyk::BLACK;

/// An encoded code: its modules, dark or light, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    size: usize,
    dark: Vec<bool>,
}

impl Symbol {
    /// Encodes `address`; `None` only when it is too long for any QR version, which the
    /// model's limit on addresses rules out.
    pub fn encode(address: &str) -> Option<Symbol> {
        let code = QrCode::encode_text(address, ECC).ok()?;
        let size = code.size() as usize;
        let mut dark = Vec::with_capacity(size * size);
        for y in 0..size as i32 {
            for x in 0..size as i32 {
                dark.push(code.get_module(x, y));
            }
        }
        Some(Symbol { size, dark })
    }

    /// Modules per side, without the quiet zone.
    pub fn modules(&self) -> usize {
        self.size
    }

    /// One module's side, points: the target side shared out, but never below the minimum.
    pub fn module(&self) -> f32 {
        (TARGET_SIDE_MM / self.size as f32).max(MIN_MODULE_MM) * PT_PER_MM
    }

    /// The printed side without the quiet zone, points.
    pub fn side(&self) -> f32 {
        self.module() * self.size as f32
    }

    /// The quiet zone's width, points: what must stay white around the code.
    pub fn quiet_zone(&self) -> f32 {
        self.module() * QUIET_ZONE_MODULES
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// The dark rectangles `(x, y, width, height)` of the code with its top-left corner at
    /// (`x`, `y`), to be filled with [`INK`]. Each row's runs of dark modules become one
    /// rectangle: a few hundred path operations instead of one per module, and no hairline
    /// seams inside a run when a viewer anti-aliases.
    pub fn rects(&self, x: f32, y: f32) -> Vec<Rect> {
        let m = self.module();
        let mut out = Vec::new();
        for row in 0..self.size {
            let mut col = 0;
            while col < self.size {
                if !self.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < self.size && self.is_dark(col, row) {
                    col += 1;
                }
                out.push(Rect {
                    x: x + start as f32 * m,
                    y: y + row as f32 * m,
                    width: (col - start) as f32 * m,
                    height: m,
                });
            }
        }
        out
    }
}

/// A dark rectangle of the code, points, origin top-left like layout's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_gives_a_small_code_with_print_sized_modules() {
        let s = Symbol::encode("https://www.azdelta.be/hem-012").unwrap();
        // 30 bytes at ECC M: version 3, 29 modules.
        assert_eq!(s.modules(), 29);
        assert!((s.side() / PT_PER_MM - TARGET_SIDE_MM).abs() < 0.01);
        // A long address keeps its modules at the minimum and grows instead.
        let long = format!("https://www.azdelta.be/{}", "a".repeat(95));
        let l = Symbol::encode(&long).unwrap();
        assert!(l.module() >= MIN_MODULE_MM * PT_PER_MM - 1e-4);
        assert!(l.side() / PT_PER_MM > TARGET_SIDE_MM);
    }

    #[test]
    fn draws_every_dark_module_once() {
        let s = Symbol::encode("https://a.be/x").unwrap();
        let rects = s.rects(10.0, 20.0);
        let m = s.module();
        let area: f32 = rects.iter().map(|r| r.width * r.height).sum();
        let dark = s.dark.iter().filter(|d| **d).count() as f32;
        assert!((area / (m * m) - dark).abs() < 0.01);
        // The top-left finder pattern's top row: seven dark modules from the origin.
        assert_eq!(
            rects[0],
            Rect {
                x: 10.0,
                y: 20.0,
                width: 7.0 * m,
                height: m
            }
        );
    }
}
