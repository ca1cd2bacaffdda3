//! The structure tree in the file: one `StructElem` per node of the document's tree, with
//! marked-content references to the MCIDs the pages' streams gave its text, and the
//! ParentTree that maps each page's MCIDs back to their elements.

use super::{Marked, ROLE_MAP, type_name};
use crate::document::tree::{Content, Kind, Tree};
use crate::pdf::finish::text_string;
use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};
use std::collections::{BTreeMap, HashMap};

/// A `Link` element being built: its object, its parent's, the page it starts on, and its
/// marked-content references (the annotations' OBJRs are added when they are made).
struct LinkElem {
    id: ObjectId,
    parent: ObjectId,
    page: ObjectId,
    kids: Vec<Object>,
}

/// Appends `annot` to the page's `/Annots`.
fn add_annotation(doc: &mut Document, page: ObjectId, annot: ObjectId) {
    if let Ok(d) = doc.get_object_mut(page).and_then(Object::as_dict_mut) {
        match d.get_mut(b"Annots").and_then(Object::as_array_mut) {
            Ok(list) => list.push(Object::Reference(annot)),
            Err(_) => d.set("Annots", vec![Object::Reference(annot)]),
        }
    }
}

/// Adds the structure tree to `doc`.
pub fn add_structure(doc: &mut Document, m: &Marked) {
    let (tree, marked) = (m.tree, m.mcids);
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    // Each content part's marked-content references, in page and stream order.
    let mut refs: HashMap<Content, Vec<(usize, usize)>> = HashMap::new();
    for (p, mcids) in marked.iter().enumerate() {
        for (mcid, m) in mcids.iter().enumerate() {
            refs.entry(m.content).or_default().push((p, mcid));
        }
    }
    let keep = kept(tree, &refs);
    let root_id = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = (0..tree.nodes.len())
        .map(|n| keep[n].then(|| doc.new_object_id()))
        .collect();
    let mut parent_of = vec![0; tree.nodes.len()];
    for (q, node) in tree.nodes.iter().enumerate() {
        for &c in &node.children {
            parent_of[c] = q;
        }
    }
    let mut parents: Vec<Vec<Option<ObjectId>>> =
        marked.iter().map(|m| vec![None; m.len()]).collect();
    let mut link_elems: BTreeMap<usize, LinkElem> = BTreeMap::new();
    for (n, node) in tree.nodes.iter().enumerate() {
        let Some(id) = ids[n] else { continue };
        let mut kids = Vec::new();
        for &(p, mcid) in node
            .content
            .and_then(|c| refs.get(&c))
            .into_iter()
            .flatten()
        {
            let mcr = Object::Dictionary(dictionary! {
                "Type" => "MCR",
                "Pg" => pages[p],
                "MCID" => mcid as i64,
            });
            // An address's MCIDs belong to its Link element, which stands in the text's
            // place among the element's kids.
            if let Some(l) = marked[p][mcid].link {
                let elem = link_elems.entry(l).or_insert_with(|| {
                    let link_id = doc.new_object_id();
                    kids.push(Object::Reference(link_id));
                    LinkElem {
                        id: link_id,
                        parent: id,
                        page: pages[p],
                        kids: Vec::new(),
                    }
                });
                elem.kids.push(mcr);
                parents[p][mcid] = Some(elem.id);
                continue;
            }
            kids.push(mcr);
            parents[p][mcid] = Some(id);
        }
        kids.extend(
            node.children
                .iter()
                .filter_map(|&c| ids[c])
                .map(Object::Reference),
        );
        let parent = match n {
            0 => root_id,
            _ => ids[parent_of[n]].unwrap_or(root_id),
        };
        let mut elem = dictionary! {
            "Type" => "StructElem",
            "S" => Object::Name(type_name(node.kind).as_bytes().to_vec()),
            "P" => parent,
            "K" => kids,
        };
        if let Some(first) = node
            .content
            .and_then(|c| refs.get(&c))
            .and_then(|r| r.first())
        {
            elem.set("Pg", pages[first.0]);
        }
        attributes(node.kind, &mut elem);
        if let Some(b) = node.content.and_then(|c| m.boxes.get(&c)) {
            let bbox = b.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>();
            elem.set("A", dictionary! { "O" => "Layout", "BBox" => bbox });
        }
        if node.kind == Kind::Aside {
            elem.set("T", text_string(tree.aside_label));
        }
        if let Some(alt) = &node.alt {
            // The picture's alternative text, and the language it is written in.
            elem.set("Alt", text_string(alt));
        }
        doc.objects.insert(id, Object::Dictionary(elem));
    }
    // The ParentTree: a flat number tree, one array per page indexed by MCID, then one entry
    // per link annotation (its /StructParent) pointing at its Link element.
    let mut nums = Vec::new();
    for (p, page_parents) in parents.iter().enumerate() {
        let arr = page_parents
            .iter()
            .map(|e| e.map_or(Object::Null, Object::Reference))
            .collect::<Vec<_>>();
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(arr));
    }
    let mut next_key = pages.len() as i64;
    for (l, elem) in link_elems {
        let link = &m.links[l];
        let mut kids = elem.kids;
        for &(p, rect) in &link.rects {
            let annot = doc.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Link",
                "Rect" => rect.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                "Border" => vec![0.into(), 0.into(), 0.into()],
                // Printable, so the annotation is not hidden from any reader (PDF/UA).
                "F" => 4,
                "Contents" => text_string(&link.uri),
                "A" => dictionary! {
                    "Type" => "Action",
                    "S" => "URI",
                    "URI" => Object::string_literal(link.uri.as_str()),
                },
                "StructParent" => next_key,
            });
            add_annotation(doc, pages[p], annot);
            kids.push(Object::Dictionary(dictionary! {
                "Type" => "OBJR",
                "Obj" => annot,
                "Pg" => pages[p],
            }));
            nums.push(Object::Integer(next_key));
            nums.push(Object::Reference(elem.id));
            next_key += 1;
        }
        doc.objects.insert(
            elem.id,
            Object::Dictionary(dictionary! {
                "Type" => "StructElem",
                "S" => "Link",
                "P" => elem.parent,
                "Pg" => elem.page,
                "K" => kids,
            }),
        );
    }
    let parent_tree = doc.add_object(dictionary! { "Nums" => nums });
    let role_map: Dictionary = ROLE_MAP
        .iter()
        .map(|(ours, standard)| {
            (
                ours.as_bytes().to_vec(),
                Object::Name(standard.as_bytes().to_vec()),
            )
        })
        .collect();
    doc.objects.insert(
        root_id,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[0].map_or(Object::Null, Object::Reference),
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => next_key,
            "RoleMap" => role_map,
        }),
    );
    for (p, &page) in pages.iter().enumerate() {
        if let Ok(d) = doc.get_object_mut(page).and_then(Object::as_dict_mut) {
            d.set("StructParents", p as i64);
            // Tab order follows the structure (PDF/UA: every page with annotations).
            d.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("StructTreeRoot", root_id);
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
    }
}

/// Which nodes become elements: all but text elements whose text set nothing (an empty
/// paragraph would be read as a pause with nothing in it). Table cells stay, so every row
/// keeps its columns.
fn kept(tree: &Tree, refs: &HashMap<Content, Vec<(usize, usize)>>) -> Vec<bool> {
    let mut keep = vec![false; tree.nodes.len()];
    // Children come after their parents in the arena, so a reverse pass sees them first.
    for n in (0..tree.nodes.len()).rev() {
        let node = &tree.nodes[n];
        let has_text = node.content.is_some_and(|c| refs.contains_key(&c));
        let has_kids = node.children.iter().any(|&c| keep[c]);
        keep[n] = match node.kind {
            Kind::P | Kind::H1 | Kind::H2 | Kind::Lbl | Kind::Caption => has_text,
            // A figure is kept when its picture was placed (a caption alone reads as text).
            Kind::Figure => has_text,
            Kind::LBody | Kind::LI | Kind::L { .. } | Kind::Aside | Kind::Table => {
                has_text || has_kids
            }
            Kind::Document | Kind::TR | Kind::TH | Kind::TD => true,
        };
    }
    keep
}

/// Attributes a reader needs beyond the type: a header cell's scope, the aside's label,
/// a list's numbering.
fn attributes(kind: Kind, elem: &mut Dictionary) {
    match kind {
        Kind::TH => elem.set("A", dictionary! { "O" => "Table", "Scope" => "Column" }),
        Kind::L { ordered } => elem.set(
            "A",
            dictionary! {
                "O" => "List",
                "ListNumbering" => if ordered { "Decimal" } else { "Disc" },
            },
        ),
        _ => {}
    }
}
