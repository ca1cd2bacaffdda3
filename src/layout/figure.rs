//! A figure's size on the page: its share of the measure, its picture's shape, and never
//! more than the page can hold. A picture too tall for the text area (a portrait photo at
//! full width) is scaled down to fit rather than clipped or pushed off the page; the
//! author is told, since the printed width is then not the width asked for.

use crate::document::{Block, BlockKind};
use crate::images::Image;
use crate::style::HouseStyle;
use std::sync::Arc;

/// A picture placed on a page. Points, origin at the trim's top-left, like every item.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedImage {
    pub image: Arc<Image>,
    /// The alt text, for the tagged PDF's `/Figure` element (its `/Alt`).
    pub alt: String,
    /// The index of the figure's block in the document.
    pub block: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// What layout made of one figure: its size, and whether it had to shrink.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureFit {
    pub block: usize,
    pub width: f32,
    pub height: f32,
    /// The width as printed, a share of the measure.
    pub share: f32,
    /// The width asked for, as a share of the measure, when the figure had to shrink
    /// below it to fit the page.
    pub shrunk_from: Option<f32>,
}

/// No figure is drawn smaller than this, points: below it, a picture is a speck, and a
/// figure that must shrink further is really a page-sized poster in the wrong place.
const MIN_FIGURE_PT: f32 = 12.0;

/// The size of the figure in block `b` of `blocks`, given the text area's height and the
/// height of what must share its page (the caption below, a heading above).
pub fn fit(blocks: &[Block], b: usize, style: &HouseStyle, body: f32, with: f32) -> FigureFit {
    let block = &blocks[b];
    let figure = block
        .figure
        .as_ref()
        .expect("a figure block carries its picture");
    let asked = figure.width.clamp(0.0, 1.0);
    let width = style.measure() * asked;
    let aspect = figure.image.aspect();
    let room = (body - with).max(MIN_FIGURE_PT);
    if width * aspect <= room + 0.01 {
        return FigureFit {
            block: b,
            width,
            height: width * aspect,
            share: asked,
            shrunk_from: None,
        };
    }
    let height = room;
    let width = (height / aspect).max(MIN_FIGURE_PT.min(width));
    FigureFit {
        block: b,
        width,
        height,
        share: width / style.measure(),
        shrunk_from: Some(asked),
    }
}

/// The height of what must share a page with the figure in block `b`: its caption, and a
/// heading right above it, with the space between.
pub fn companions(blocks: &[Block], lines: &[usize], b: usize) -> f32 {
    let mut h = 0.0;
    if let Some(next) = blocks.get(b + 1)
        && next.kind == BlockKind::Caption
    {
        h += next.space_before + lines[b + 1] as f32 * next.leading;
    }
    if let Some(prev) = b.checked_sub(1).map(|p| &blocks[p])
        && prev.kind == BlockKind::Heading
    {
        h += blocks[b].space_before + lines[b - 1] as f32 * prev.leading;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::figures::FigureRef;

    fn figure(share: f32, w: u32, h: u32) -> Block {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><rect width=\"1\" height=\"1\"/></svg>"
        );
        let image = crate::images::decode(std::path::Path::new("f.svg"), svg.into_bytes()).unwrap();
        let mut b = crate::document::build(
            &crate::model::parse(
                std::path::Path::new("t.yaml"),
                "title: T\nrevised: 2025-01-01\nauthors: A\nroute: {number: 1, description: x}\n",
                &Default::default(),
            )
            .unwrap(),
            &HouseStyle::default(),
        )
        .blocks
        .remove(0);
        b.kind = BlockKind::Figure;
        b.figure = Some(FigureRef {
            image: Arc::new(image),
            alt: "x".into(),
            width: share,
            field: "f".into(),
            line: None,
            column: None,
        });
        b
    }

    #[test]
    fn a_figure_takes_its_share_of_the_measure_and_keeps_its_shape() {
        let style = HouseStyle::default();
        let blocks = vec![figure(0.5, 200, 100)];
        let fit = fit(&blocks, 0, &style, 500.0, 0.0);
        assert!((fit.width - style.measure() * 0.5).abs() < 1e-3);
        assert!((fit.height - fit.width / 2.0).abs() < 1e-3);
        assert_eq!(fit.shrunk_from, None);
    }

    #[test]
    fn a_figure_too_tall_shrinks_to_the_room_left_by_its_companions() {
        let style = HouseStyle::default();
        let blocks = vec![figure(1.0, 100, 1000)];
        let fit = fit(&blocks, 0, &style, 480.0, 30.0);
        assert!((fit.height - 450.0).abs() < 1e-3);
        assert!((fit.width - 45.0).abs() < 1e-3);
        assert_eq!(fit.shrunk_from, Some(1.0));
        assert!((fit.share - 45.0 / style.measure()).abs() < 1e-4);
    }
}
