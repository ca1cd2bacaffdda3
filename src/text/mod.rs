//! Text below the level of lines: fonts and shaping, Dutch hyphenation, keep-together, and
//! the boxes, glue and penalties a paragraph becomes.

pub mod compounds;
pub mod fonts;
pub mod hyphenate;
pub mod items;
pub mod marks;
pub mod ties;
