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
            crate::t!("svg-unreadable", why = plain(&e)),
            crate::t!("svg-unreadable-hint"),
        )
    })?;
    let size = tree.size();
    if size.width() > MAX_CANVAS_PX || size.height() > MAX_CANVAS_PX {
        return Err(refuse(
            crate::t!(
                "svg-canvas-too-large",
                width = format!("{:.0}", size.width()),
                height = format!("{:.0}", size.height()),
                max = format!("{MAX_CANVAS_PX:.0}")
            ),
            crate::t!("svg-canvas-too-large-hint"),
        ));
    }
    if !tree.root().has_children() {
        return Err(refuse(crate::t!("svg-empty"), crate::t!("svg-empty-hint")));
    }
    Ok(tree)
}

fn plain(e: &usvg::Error) -> String {
    match e {
        usvg::Error::NotAnUtf8Str => crate::t!("svg-not-utf8"),
        usvg::Error::MalformedGZip => crate::t!("svg-bad-gzip"),
        usvg::Error::ElementsLimitReached => crate::t!("svg-too-many-elements"),
        usvg::Error::InvalidSize => crate::t!("svg-invalid-size"),
        usvg::Error::ParsingFailed(e) => {
            let s = e.to_string();
            s.chars().take(120).collect()
        }
    }
}
