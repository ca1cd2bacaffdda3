//! The document's logical structure: the flat list of blocks grouped into what a reader
//! (a screen reader, a web page) needs to know: the heading levels, which items form one
//! list and how lists nest, a table's rows and header cells, the contact and route block
//! as one labelled aside. Tagged PDF and the HTML twin both walk this one tree, so the two
//! can never disagree about the reading order or the nesting.
//!
//! The kinds are named after PDF's standard structure types (ISO 32000-1, 14.8.4), which
//! map one to one onto HTML elements.

use super::{BlockKind, Document};
use crate::style::HouseStyle;

/// A part of a block that layout sets as text, as a page item's [`crate::layout::Tag`]
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Content {
    /// The block's own runs.
    Text(usize),
    /// A list item's bullet or number.
    Marker(usize),
    /// A table block's cell.
    Cell {
        block: usize,
        row: usize,
        col: usize,
    },
    /// A figure block's picture; its alt text is in the block's [`super::FigureRef`].
    Figure(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Document,
    /// The leaflet's title.
    H1,
    /// A section heading.
    H2,
    P,
    /// A list; `ordered` when its markers are numbers.
    L {
        ordered: bool,
    },
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell; the header is the table's first row, so it labels its column.
    TH,
    TD,
    /// Contact and route: the practical block at the end, one labelled section.
    Aside,
    /// A picture, read out as its alt text.
    Figure,
    /// The line under a figure, inside its figure.
    Caption,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    /// The text this node sets directly, if any (before its children).
    pub content: Option<Content>,
    pub children: Vec<usize>,
    /// A figure's alternative text (its `/Alt`, the `alt` of its `<img>`).
    pub alt: Option<String>,
}

/// The nodes in an arena; node 0 is the document, and a depth-first walk from it in
/// child order is the reading order (the blocks' source order).
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// The label of the contact and route block, read out before it, in the leaflet's
    /// language.
    pub aside_label: &'static str,
}

impl Tree {
    /// Groups the document's blocks. `style` gives the list indent, from which a block's
    /// nesting depth follows (the document stage indents by depth and nothing else).
    pub fn build(doc: &Document, style: &HouseStyle) -> Tree {
        let mut t = Tree {
            nodes: vec![Node {
                kind: Kind::Document,
                content: None,
                children: Vec::new(),
                alt: None,
            }],
            aside_label: doc.lang.aside_label(),
        };
        // Open lists, outermost first: (depth, list node, its last item's body).
        let mut lists: Vec<(usize, usize, Option<usize>)> = Vec::new();
        let mut aside = None;
        // The figure node a following caption joins.
        let mut figure: Option<usize> = None;
        for (b, block) in doc.blocks.iter().enumerate() {
            let just_after_figure = figure.take();
            let depth = if style.list_indent > 0.0 {
                (block.indent / style.list_indent).round() as usize
            } else {
                0
            };
            // Where a block at this depth belongs: the body of the open item one level up
            // (a paragraph or table inside a list item), or the document.
            lists.retain(|&(d, _, _)| d <= depth);
            let parent_of = |lists: &[(usize, usize, Option<usize>)], depth: usize| {
                lists
                    .iter()
                    .rev()
                    .find(|&&(d, _, _)| d <= depth)
                    .and_then(|&(_, _, body)| body)
                    .unwrap_or(0)
            };
            match block.kind {
                BlockKind::Department | BlockKind::Subtitle | BlockKind::Paragraph => {
                    if depth == 0 {
                        lists.clear();
                    }
                    let parent = parent_of(&lists, depth);
                    t.paragraph(parent, b);
                }
                BlockKind::Title => {
                    lists.clear();
                    t.leaf(0, Kind::H1, Content::Text(b));
                }
                BlockKind::Heading => {
                    lists.clear();
                    t.leaf(0, Kind::H2, Content::Text(b));
                }
                BlockKind::ListItem => {
                    let Some(marker) = &block.marker else {
                        // A hard line break inside an item: more of the same item's body.
                        let parent = parent_of(&lists, depth);
                        t.paragraph(parent, b);
                        continue;
                    };
                    let ordered = marker.text.starts_with(|c: char| c.is_ascii_digit());
                    let same = lists.last().is_some_and(|&(d, l, _)| {
                        d == depth && t.nodes[l].kind == Kind::L { ordered }
                    });
                    if !same {
                        lists.retain(|&(d, _, _)| d < depth);
                        let parent = parent_of(&lists, depth);
                        let l = t.add(parent, Kind::L { ordered }, None);
                        lists.push((depth, l, None));
                    }
                    let (_, list, body) = lists.last_mut().expect("a list is open");
                    let li = t.add(*list, Kind::LI, None);
                    t.add(li, Kind::Lbl, Some(Content::Marker(b)));
                    *body = Some(t.add(li, Kind::LBody, Some(Content::Text(b))));
                }
                BlockKind::Table => {
                    if depth == 0 {
                        lists.clear();
                    }
                    let parent = parent_of(&lists, depth);
                    let table = t.add(parent, Kind::Table, None);
                    let rows = block.table.as_ref().map_or(&[][..], |t| &t.rows[..]);
                    for (row, cells) in rows.iter().enumerate() {
                        let tr = t.add(table, Kind::TR, None);
                        let kind = if row == 0 { Kind::TH } else { Kind::TD };
                        for col in 0..cells.len() {
                            t.add(tr, kind, Some(Content::Cell { block: b, row, col }));
                        }
                    }
                }
                BlockKind::Contact | BlockKind::Route | BlockKind::Online => {
                    lists.clear();
                    let a = *aside.get_or_insert_with(|| t.add(0, Kind::Aside, None));
                    t.leaf(a, Kind::P, Content::Text(b));
                }
                BlockKind::Figure => {
                    if depth == 0 {
                        lists.clear();
                    }
                    let parent = parent_of(&lists, depth);
                    let f = t.leaf(parent, Kind::Figure, Content::Figure(b));
                    t.nodes[f].alt = block.figure.as_ref().map(|fig| fig.alt.clone());
                    figure = Some(f);
                    continue;
                }
                BlockKind::Caption => {
                    // A caption belongs to the figure just above it (the document stage
                    // writes it right after); alone, it is a paragraph.
                    match just_after_figure {
                        Some(f) => t.leaf(f, Kind::Caption, Content::Text(b)),
                        None => t.leaf(parent_of(&lists, depth), Kind::P, Content::Text(b)),
                    };
                }
                BlockKind::Colophon => {
                    lists.clear();
                    t.leaf(0, Kind::P, Content::Text(b));
                }
            }
        }
        t
    }

    fn add(&mut self, parent: usize, kind: Kind, content: Option<Content>) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            content,
            children: Vec::new(),
            alt: None,
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn leaf(&mut self, parent: usize, kind: Kind, content: Content) -> usize {
        self.add(parent, kind, Some(content))
    }

    /// Block `b` as a paragraph in `parent`. In an item body that sets its own text (the
    /// item's first paragraph), that text moves into a paragraph of its own first, so an
    /// item of two paragraphs reads as an `LBody` of two `P` (a `<li>` of two `<p>`), never
    /// as text run on into the next.
    fn paragraph(&mut self, parent: usize, b: usize) {
        if self.nodes[parent].kind == Kind::LBody
            && let Some(first @ Content::Text(_)) = self.nodes[parent].content.take()
        {
            // Pushed at the end of the arena, so children still come after their parents.
            let id = self.nodes.len();
            self.nodes.push(Node {
                kind: Kind::P,
                content: Some(first),
                children: Vec::new(),
                alt: None,
            });
            self.nodes[parent].children.insert(0, id);
        }
        self.leaf(parent, Kind::P, Content::Text(b));
    }

    /// Node ids in reading order (depth first), the document first.
    pub fn walk(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![0];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// Node of each content part, for mapping a page's tags to structure elements.
    pub fn by_content(&self) -> std::collections::HashMap<Content, usize> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.content.map(|c| (c, i)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree_of(body: &str) -> (Tree, Document) {
        let style = HouseStyle::default();
        let (mut blocks, mut notes) = (Vec::new(), Vec::new());
        super::super::markdown::Walker::new(&style, "b".into(), body, &mut blocks, &mut notes)
            .run();
        let mut route = blocks[0].clone();
        route.kind = BlockKind::Route;
        route.indent = 0.0;
        blocks.push(route);
        let doc = Document {
            title: "T".into(),
            authors: "A".into(),
            blocks,
            footer: Vec::new(),
            notes,
            lang: crate::lang::Lang::Nl,
            online: None,
        };
        (Tree::build(&doc, &style), doc)
    }

    #[test]
    fn the_aside_is_labelled_in_the_leaflets_language() {
        let (_, mut doc) = tree_of("Tekst.");
        assert_eq!(
            Tree::build(&doc, &HouseStyle::default()).aside_label,
            "Contact en route"
        );
        doc.lang = crate::lang::Lang::Fr;
        let t = Tree::build(&doc, &HouseStyle::default());
        assert_eq!(t.aside_label, "Contact et itinéraire");
    }

    /// The kinds as an indented outline, for compact assertions on nesting.
    fn outline(t: &Tree) -> String {
        fn go(t: &Tree, n: usize, depth: usize, out: &mut String) {
            out.push_str(&format!("{}{:?}\n", "  ".repeat(depth), t.nodes[n].kind));
            for &c in &t.nodes[n].children {
                go(t, c, depth + 1, out);
            }
        }
        let mut s = String::new();
        go(t, 0, 0, &mut s);
        s
    }

    #[test]
    fn nested_lists_hang_in_their_item_and_paragraphs_close_them() {
        let (t, _) = tree_of("Intro:\n\n- een\n  - twee\n- drie\n\n1. vier\n\nSlot.");
        let o = outline(&t);
        let body: Vec<&str> = o.lines().skip(1).collect();
        assert_eq!(
            body,
            [
                "  P",
                "  L { ordered: false }",
                "    LI",
                "      Lbl",
                "      LBody",
                "        L { ordered: false }",
                "          LI",
                "            Lbl",
                "            LBody",
                "    LI",
                "      Lbl",
                "      LBody",
                "  L { ordered: true }",
                "    LI",
                "      Lbl",
                "      LBody",
                "  P",
                "  Aside",
                "    P",
            ],
            "{o}"
        );
    }

    #[test]
    fn an_item_of_two_paragraphs_is_a_body_of_two_paragraphs() {
        let (t, _) = tree_of("1. Neem 500 mg\n\n   2 uur vooraf niets eten.\n2. Kom.");
        let o = outline(&t);
        let body: Vec<&str> = o.lines().skip(1).take(9).collect();
        assert_eq!(
            body,
            [
                "  L { ordered: true }",
                "    LI",
                "      Lbl",
                "      LBody",
                "        P",
                "        P",
                "    LI",
                "      Lbl",
                "      LBody",
            ],
            "{o}"
        );
    }

    #[test]
    fn tables_have_header_cells_in_the_first_row() {
        let (t, _) = tree_of("| a | b |\n|---|---|\n| 1 | 2 |");
        let kinds: Vec<Kind> = t.walk().iter().map(|&n| t.nodes[n].kind).collect();
        let table = kinds
            .iter()
            .position(|k| *k == Kind::Table)
            .expect("a table");
        assert_eq!(
            kinds[table..table + 7],
            [
                Kind::Table,
                Kind::TR,
                Kind::TH,
                Kind::TH,
                Kind::TR,
                Kind::TD,
                Kind::TD
            ]
        );
    }
}
