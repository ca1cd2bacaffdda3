//! SVG parsing (usvg): the file becomes a tree of paths, which the PDF writer draws as
//! vectors. Nothing outside the file is ever read: an `<image href="/etc/passwd">` or a
//! linked photo would make the leaflet depend on files the manifest does not know.

use super::{Refusal, refuse};
use svg2pdf::usvg;

/// Larger SVG canvases are refused: vectors scale, but a 10-kilometre canvas is a mistake
/// (or a trick to make every consumer allocate for it).
const MAX_CANVAS_PX: f32 = 100_000.0;

pub fn parse(bytes: &[u8]) -> Result<usvg::Tree, Refusal> {
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| {
        refuse(
            format!("the SVG file cannot be read: {}", plain(&e)),
            "export the illustration again as plain SVG from the drawing program",
        )
    })?;
    let size = tree.size();
    if size.width() > MAX_CANVAS_PX || size.height() > MAX_CANVAS_PX {
        return Err(refuse(
            format!(
                "the SVG's canvas is {:.0} × {:.0} pixels; at most {MAX_CANVAS_PX:.0} across",
                size.width(),
                size.height()
            ),
            "give the <svg> element a sensible width, height or viewBox",
        ));
    }
    if !tree.root().has_children() {
        return Err(refuse(
            "the SVG file draws nothing",
            "export the illustration again from the drawing program",
        ));
    }
    Ok(tree)
}

fn plain(e: &usvg::Error) -> String {
    match e {
        usvg::Error::NotAnUtf8Str => "it is not UTF-8 text".into(),
        usvg::Error::MalformedGZip => "it is a damaged compressed SVG".into(),
        usvg::Error::ElementsLimitReached => "it has too many elements".into(),
        usvg::Error::InvalidSize => "it has no valid width, height or viewBox".into(),
        usvg::Error::ParsingFailed(e) => {
            let s = e.to_string();
            s.chars().take(120).collect()
        }
    }
}
