//! The page tree as the checker walks it itself. lopdf's page list keeps only kids typed
//! `/Page` and silently skips any it could not parse (an object nested past its parser's
//! limit, an object stream it would not decode), so a page that a RIP prints could be a
//! page nobody checked. Here every entry of every `/Kids` is accounted for: a page is
//! either read and numbered, or named as unreadable, and the tree's `/Count` is held to
//! what was found.

use super::deref;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};

/// Deepest page tree followed. Real trees are two or three levels deep; lopdf stops at
/// 256, and a tree deeper than that is hostile.
pub const MAX_DEPTH: usize = 256;

/// Pages by 1-based number.
pub type Pages = BTreeMap<u32, ObjectId>;

/// The pages found, by 1-based number in reading order, and what could not be read.
#[derive(Debug, Default)]
pub struct PageTree {
    /// Pages that were read, by number. An unreadable page keeps its number (a gap), so
    /// the pages after it are numbered as the shop counts them.
    pub pages: Pages,
    /// Pages listed but not read, and whatever else is wrong with the tree.
    pub problems: Vec<String>,
}

impl PageTree {
    /// The tree of `doc`'s catalog, walked depth-first with an explicit stack: no
    /// recursion to overflow, each intermediate node entered once (a loop is named, not
    /// followed), and no deeper than [`MAX_DEPTH`].
    pub fn walk(doc: &Document) -> PageTree {
        let mut tree = PageTree::default();
        let Some(root) = doc
            .catalog()
            .ok()
            .and_then(|c| c.get(b"Pages").ok())
            .and_then(|p| p.as_reference().ok())
        else {
            tree.problems
                .push("the catalog has no /Pages tree (as a reference)".into());
            return tree;
        };
        let Some(root_node) = doc.get_dictionary(root).ok().filter(|d| is_node(d)) else {
            tree.problems.push(format!(
                "the page tree's root (object {} {}) cannot be read as a /Pages node",
                root.0, root.1
            ));
            return tree;
        };
        let mut seen: BTreeSet<ObjectId> = BTreeSet::from([root]);
        // Each level: the node's kids and the next one to look at.
        let mut stack: Vec<(ObjectId, &[Object], usize)> = Vec::new();
        match kids(doc, root_node) {
            Some(k) => stack.push((root, k, 0)),
            None => tree.problems.push(no_kids(root)),
        }
        let mut number: u32 = 0;
        while let Some(top) = stack.last_mut() {
            let (parent, list, next) = *top;
            let Some(kid) = list.get(next) else {
                stack.pop();
                continue;
            };
            top.2 += 1;
            let Ok(id) = kid.as_reference() else {
                number += 1;
                tree.problems.push(format!(
                    "page {number}: the page tree (object {} {}) lists it directly instead of by reference",
                    parent.0, parent.1
                ));
                continue;
            };
            let Some(object) = doc.objects.get(&id) else {
                number += 1;
                tree.problems.push(format!(
                    "page {number} (object {} {}) cannot be read: the PDF reader could not parse it, so it was not checked",
                    id.0, id.1
                ));
                continue;
            };
            let Ok(dict) = deref(doc, object).as_dict() else {
                number += 1;
                tree.problems.push(format!(
                    "page {number} (object {} {}) is not a dictionary, so it was not checked",
                    id.0, id.1
                ));
                continue;
            };
            // What a page inherits (its MediaBox, resources, rotation) is found by
            // following /Parent up: a /Parent other than the node that lists it makes
            // a RIP walking the tree and one following /Parent see different pages.
            let parent_ok = dict.get(b"Parent").and_then(Object::as_reference).ok() == Some(parent);
            if is_node(dict) {
                if !parent_ok {
                    tree.problems.push(format!(
                        "the page tree node {} {} has a /Parent other than the node that lists it ({} {})",
                        id.0, id.1, parent.0, parent.1
                    ));
                }
                if !seen.insert(id) {
                    tree.problems.push(format!(
                        "the page tree lists its node {} {} twice (a loop); it was followed once",
                        id.0, id.1
                    ));
                    continue;
                }
                if stack.len() >= MAX_DEPTH {
                    tree.problems.push(format!(
                        "the page tree is more than {MAX_DEPTH} levels deep at object {} {}; the pages below it were not checked",
                        id.0, id.1
                    ));
                    continue;
                }
                match kids(doc, dict) {
                    Some(k) => stack.push((id, k, 0)),
                    None => tree.problems.push(no_kids(id)),
                }
                continue;
            }
            number += 1;
            if !parent_ok {
                tree.problems.push(format!(
                    "page {number} (object {} {}) has a /Parent other than the page tree node that lists it ({} {}), so what it inherits is unclear",
                    id.0, id.1, parent.0, parent.1
                ));
            }
            // Checked like any page (a RIP may well print it), but a tree a reader can
            // take two ways is not one to vouch for.
            if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Page") {
                tree.problems.push(format!(
                    "page {number} (object {} {}) has no /Type /Page; some readers skip it and others print it",
                    id.0, id.1
                ));
            }
            tree.pages.insert(number, id);
        }
        match root_node
            .get(b"Count")
            .map(|c| deref(doc, c))
            .and_then(Object::as_i64)
        {
            Ok(count) if count == i64::from(number) => {}
            Ok(count) => tree.problems.push(format!(
                "the page tree's /Count says {count} pages, but it lists {number}"
            )),
            Err(_) => tree
                .problems
                .push("the page tree's root has no /Count".into()),
        }
        tree
    }
}

/// An intermediate node: typed `/Pages`, or untyped with `/Kids`.
fn is_node(d: &Dictionary) -> bool {
    match d.get(b"Type").and_then(Object::as_name) {
        Ok(t) => t == b"Pages",
        Err(_) => d.has(b"Kids"),
    }
}

fn kids<'a>(doc: &'a Document, node: &'a Dictionary) -> Option<&'a [Object]> {
    node.get(b"Kids")
        .ok()
        .and_then(|k| deref(doc, k).as_array().ok())
        .map(Vec::as_slice)
}

fn no_kids(id: ObjectId) -> String {
    format!(
        "the page tree node {} {} has no /Kids array; its pages cannot be found",
        id.0, id.1
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A document whose root node lists what `kids` makes (given the root's id, for
    /// their `/Parent`), with `/Count count`.
    fn doc_with(kids: impl FnOnce(&mut Document, ObjectId) -> Vec<Object>, count: i64) -> Document {
        let mut doc = Document::with_version("1.6");
        let root = doc.new_object_id();
        let list = kids(&mut doc, root);
        doc.objects.insert(
            root,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => list, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => root });
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn an_untyped_page_and_a_missing_one_are_named() {
        let doc = doc_with(
            |doc, root| {
                let typed = doc.add_object(dictionary! { "Type" => "Page", "Parent" => root });
                let untyped =
                    doc.add_object(dictionary! { "Parent" => root, "Contents" => Object::Null });
                vec![typed.into(), untyped.into(), Object::Reference((999, 0))]
            },
            3,
        );
        let tree = PageTree::walk(&doc);
        assert_eq!(tree.pages.keys().copied().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(tree.problems.len(), 2, "{:?}", tree.problems);
        assert!(
            tree.problems[0].starts_with("page 2 (object"),
            "{:?}",
            tree.problems
        );
        assert!(tree.problems[1].starts_with("page 3 (object 999 0) cannot be read"));
    }

    #[test]
    fn a_loop_is_followed_once_and_the_count_is_held_to_what_was_found() {
        let doc = doc_with(
            |doc, root| {
                let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => root });
                // The same page listed twice is two pages (a leaflet may repeat one).
                vec![Object::Reference(root), page.into(), page.into()]
            },
            5,
        );
        let tree = PageTree::walk(&doc);
        assert_eq!(tree.pages.len(), 2);
        assert!(
            tree.problems.iter().any(|p| p.contains("twice (a loop)")),
            "{:?}",
            tree.problems
        );
        assert!(
            tree.problems
                .iter()
                .any(|p| p.contains("/Count says 5 pages, but it lists 2"))
        );
    }

    #[test]
    fn a_page_whose_parent_is_another_node_is_named() {
        let doc = doc_with(
            |doc, _| {
                let elsewhere = doc.add_object(dictionary! { "Type" => "Pages", "Rotate" => 90 });
                vec![
                    doc.add_object(dictionary! { "Type" => "Page", "Parent" => elsewhere })
                        .into(),
                ]
            },
            1,
        );
        let tree = PageTree::walk(&doc);
        assert_eq!(tree.pages.len(), 1);
        assert!(
            tree.problems[0].contains("has a /Parent other than"),
            "{:?}",
            tree.problems
        );
    }

    #[test]
    fn a_tree_deeper_than_the_limit_is_not_followed_to_the_bottom() {
        let doc = doc_with(
            |doc, _| {
                let mut below = doc.add_object(dictionary! { "Type" => "Page" });
                for _ in 0..MAX_DEPTH + 10 {
                    below = doc.add_object(
                        dictionary! { "Type" => "Pages", "Kids" => vec![below.into()], "Count" => 1 },
                    );
                }
                vec![below.into()]
            },
            1,
        );
        let tree = PageTree::walk(&doc);
        assert!(tree.pages.is_empty());
        assert!(
            tree.problems.iter().any(|p| p.contains("levels deep")),
            "{:?}",
            tree.problems
        );
    }
}
