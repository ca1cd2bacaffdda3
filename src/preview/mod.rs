//! Page images for `serve`: the laid-out pages drawn as SVG, from the same [`Page`]s the PDF
//! writer draws, so the preview shows the lines, breaks and hyphens the PDF will have.
//!
//! [`Page`]: crate::layout::Page

mod image;
pub mod svg;

pub use image::data_uri;
pub use svg::page_svg;
