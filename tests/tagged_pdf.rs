//! Issue 16: the office PDF is tagged (PDF/UA-1). Read back with lopdf alone: the content
//! streams parsed operator by operator (every text and path inside marked content), the
//! glyphs decoded through the fonts' ToUnicode maps, and the structure tree walked in
//! order, so the text a screen reader gets is compared with the leaflet's text.

mod common;

use common::{leaflet, repo};
use leaflet_printer::document::tree::{Content as TreeContent, Tree};
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::SharedData;
use leaflet_printer::style::HouseStyle;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, HashMap};

fn build_fixture() -> Document {
    let dir = tempfile::tempdir().unwrap();
    let out = leaflet(
        &repo().join("tests/accessibility"),
        &[
            "build",
            "folder.yaml",
            "--force",
            "-o",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Document::load_mem(&std::fs::read(dir.path().join("folder.pdf")).unwrap()).unwrap()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// A ToUnicode CMap's `bfchar` entries: 2-byte code → text.
fn to_unicode(doc: &Document, font: &Dictionary) -> HashMap<u16, String> {
    let stream = font
        .get(b"ToUnicode")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_stream())
        .expect("every font has a ToUnicode map");
    let data = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    let text = String::from_utf8_lossy(&data);
    let mut map = HashMap::new();
    for section in text.split("beginbfchar").skip(1) {
        let body = section.split("endbfchar").next().unwrap();
        let codes: Vec<&str> = body
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        for pair in codes.chunks(2) {
            let code = u16::from_be_bytes(hex(pair[0]).try_into().unwrap());
            let units: Vec<u16> = hex(pair[1])
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            map.insert(code, String::from_utf16(&units).unwrap());
        }
    }
    map
}

/// What the pages' streams say: the text of each (page, MCID), the artifacts' text, and
/// every operator that draws outside marked content.
#[derive(Default)]
struct Streams {
    marked: BTreeMap<(usize, i64), String>,
    artifacts: Vec<String>,
    unmarked: Vec<String>,
}

fn read_streams(doc: &Document) -> Streams {
    let mut out = Streams::default();
    for (p, (_, page)) in doc.get_pages().into_iter().enumerate() {
        let fonts: HashMap<Vec<u8>, HashMap<u16, String>> = doc
            .get_page_fonts(page)
            .unwrap()
            .into_iter()
            .map(|(name, font)| (name, to_unicode(doc, font)))
            .collect();
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        // Innermost last: Some(mcid) for content, None for an artifact.
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut font = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op.operands[1]
                        .as_dict()
                        .ok()
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok());
                    let artifact = op.operands[0].as_name().ok() == Some(b"Artifact".as_slice());
                    assert!(artifact || mcid.is_some(), "a BDC without MCID: {op:?}");
                    // Every MCID is content, with or without text (a figure draws an image).
                    if let (Some(m), false) = (mcid, artifact) {
                        out.marked.entry((p, m)).or_default();
                    }
                    stack.push(mcid.filter(|_| !artifact));
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    stack.push(None);
                }
                "EMC" => {
                    stack.pop().expect("EMC closes a BDC or BMC");
                }
                "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
                "TJ" | "Tj" => {
                    let map = &fonts[&font];
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    let mut text = String::new();
                    for s in strings {
                        if let Object::String(bytes, _) = s {
                            for c in bytes.chunks(2) {
                                let code = u16::from_be_bytes([c[0], c[1]]);
                                text.push_str(map.get(&code).expect("every code maps"));
                            }
                        }
                    }
                    match stack.last() {
                        Some(Some(mcid)) => {
                            out.marked.entry((p, *mcid)).or_default().push_str(&text)
                        }
                        Some(None) => out.artifacts.push(text),
                        None => out.unmarked.push(format!("page {p}: text {text:?}")),
                    }
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "b" | "re" | "l" | "Do" | "sh"
                    if stack.is_empty() =>
                {
                    out.unmarked.push(format!("page {p}: {}", op.operator));
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "page {p}: marked content left open");
    }
    out
}

/// The structure tree as lines "depth type: text", depth-first, and the (page, MCID) →
/// element map its marked-content references give.
fn walk_tree(doc: &Document, streams: &Streams) -> (Vec<String>, HashMap<(usize, i64), ObjectId>) {
    let pages: HashMap<ObjectId, usize> = doc
        .get_pages()
        .values()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .expect("a structure tree");
    let root = doc.get_dictionary(root).unwrap();
    let mut lines = Vec::new();
    let mut owners = HashMap::new();
    fn go(
        doc: &Document,
        id: ObjectId,
        depth: usize,
        pages: &HashMap<ObjectId, usize>,
        streams: &Streams,
        lines: &mut Vec<String>,
        owners: &mut HashMap<(usize, i64), ObjectId>,
    ) {
        let elem = doc.get_dictionary(id).unwrap();
        let kind = String::from_utf8_lossy(elem.get(b"S").unwrap().as_name().unwrap()).to_string();
        let at = lines.len();
        lines.push(String::new());
        let mut text = String::new();
        let kids = match elem.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        for kid in kids {
            match kid {
                // A link reads inline, in its sentence: its text joins this element's.
                Object::Reference(child) if is_link(doc, child) => {
                    text.push_str(&link_text(doc, child, id, pages, streams, owners));
                }
                Object::Reference(child) => {
                    go(doc, child, depth + 1, pages, streams, lines, owners)
                }
                Object::Dictionary(mcr) => {
                    assert_eq!(mcr.get(b"Type").unwrap().as_name().unwrap(), b"MCR");
                    let page = pages[&mcr.get(b"Pg").unwrap().as_reference().unwrap()];
                    let mcid = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                    assert!(owners.insert((page, mcid), id).is_none(), "MCID used twice");
                    text.push_str(&streams.marked[&(page, mcid)]);
                }
                // An MCID on the element's own page (/Pg).
                Object::Integer(mcid) => {
                    let page = pages[&elem.get(b"Pg").unwrap().as_reference().unwrap()];
                    assert!(owners.insert((page, mcid), id).is_none(), "MCID used twice");
                    text.push_str(&streams.marked[&(page, mcid)]);
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        lines[at] = format!("{}{kind}: {text}", "  ".repeat(depth));
    }
    let top = root.get(b"K").unwrap().as_reference().unwrap();
    go(doc, top, 0, &pages, streams, &mut lines, &mut owners);
    (lines, owners)
}

fn is_link(doc: &Document, id: ObjectId) -> bool {
    doc.get_dictionary(id)
        .ok()
        .and_then(|d| d.get(b"S").and_then(Object::as_name).ok())
        == Some(b"Link".as_slice())
}

/// A `Link` element's text, after checking it: its parent is `parent`, its MCIDs are its
/// own, and each OBJR is a `/Link` annotation with a URI action and `/Contents`, listed in
/// its page's `/Annots`, whose `/StructParent` leads back to this element.
fn link_text(
    doc: &Document,
    id: ObjectId,
    parent: ObjectId,
    pages: &HashMap<ObjectId, usize>,
    streams: &Streams,
    owners: &mut HashMap<(usize, i64), ObjectId>,
) -> String {
    let elem = doc.get_dictionary(id).unwrap();
    assert_eq!(elem.get(b"P").unwrap().as_reference().unwrap(), parent);
    let mut text = String::new();
    let mut annots = 0;
    for kid in elem.get(b"K").unwrap().as_array().unwrap() {
        let d = kid.as_dict().unwrap();
        match d.get(b"Type").unwrap().as_name().unwrap() {
            b"MCR" => {
                let page = pages[&d.get(b"Pg").unwrap().as_reference().unwrap()];
                let mcid = d.get(b"MCID").unwrap().as_i64().unwrap();
                assert!(owners.insert((page, mcid), id).is_none(), "MCID used twice");
                text.push_str(&streams.marked[&(page, mcid)]);
            }
            b"OBJR" => {
                annots += 1;
                let annot_id = d.get(b"Obj").unwrap().as_reference().unwrap();
                let page = d.get(b"Pg").unwrap().as_reference().unwrap();
                let listed = doc
                    .get_dictionary(page)
                    .unwrap()
                    .get(b"Annots")
                    .and_then(Object::as_array)
                    .unwrap()
                    .iter()
                    .any(|a| a.as_reference().ok() == Some(annot_id));
                assert!(listed, "a link annotation missing from its page's /Annots");
                let annot = doc.get_dictionary(annot_id).unwrap();
                assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
                assert!(annot.get(b"Contents").is_ok(), "a link without /Contents");
                let action = annot.get(b"A").and_then(Object::as_dict).unwrap();
                assert_eq!(action.get(b"S").unwrap().as_name().unwrap(), b"URI");
                let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
                assert_eq!(parent_tree_entry(doc, key), Some(Object::Reference(id)));
            }
            other => panic!("unexpected link kid {}", String::from_utf8_lossy(other)),
        }
    }
    assert!(annots > 0, "a Link element without its annotation");
    text
}

/// The ParentTree's value for `key` (a flat `/Nums` array, as we write it).
fn parent_tree_entry(doc: &Document, key: i64) -> Option<Object> {
    let root = doc
        .catalog()
        .ok()?
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .ok()?;
    let tree = doc.get_dictionary(root).ok()?.get(b"ParentTree").ok()?;
    let tree = match tree {
        Object::Reference(r) => doc.get_dictionary(*r).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let nums = tree.get(b"Nums").and_then(Object::as_array).ok()?;
    nums.chunks(2)
        .find(|pair| pair[0].as_i64().ok() == Some(key))
        .map(|pair| pair[1].clone())
}

#[test]
fn the_structure_tree_reads_the_leaflet_in_source_order_with_whole_words() {
    let doc = build_fixture();
    let streams = read_streams(&doc);
    let (lines, _) = walk_tree(&doc, &streams);
    let expected = [
        "Document: ",
        "  P: Hematologie",
        "  H1: Kankerimmunotherapie thuis",
        "  P: Wat u moet weten over uw behandeling",
        "  P: Kankerimmunotherapie versterkt het afweersysteem van uw lichaam zodat het de \
         kankercellen herkent en vernietigt. Uw behandelend arts bespreekt met u welke \
         behandelingsmogelijkheden er zijn en welke bijwerkingen u kunt verwachten tijdens \
         en na de behandelingsperiode.",
        "  H2: Wat neemt u mee?",
        "  P: Neem het volgende mee:",
        "  L: ",
        "    LI: ",
        "      Lbl: •",
        "      LBody: uw identiteitskaart",
        "    LI: ",
        "      Lbl: •",
        "      LBody: een lijst van uw geneesmiddelen",
        "        L: ",
        "          LI: ",
        "            Lbl: –",
        "            LBody: ook vrij verkrijgbare middelen",
        "    LI: ",
        "      Lbl: •",
        "      LBody: uw afsprakenkaart",
        "  L: ",
        "    LI: ",
        "      Lbl: 1.",
        "      LBody: Meld u aan bij het onthaal.",
        "    LI: ",
        "      Lbl: 2.",
        "      LBody: Wacht in de wachtzaal tot u wordt geroepen.",
        "  H2: Wanneer stopt u met welk geneesmiddel?",
        "  Table: ",
        "    TR: ",
        "      TH: Geneesmiddel",
        "      TH: Stoppen",
        "    TR: ",
        "      TD: Bloedverdunners",
        "      TD: 5 dagen vooraf",
        "    TR: ",
        "      TD: Ontstekingsremmers",
        "      TD: 2 dagen vooraf",
        "  P: Vragen? Bel gerust naar het dagziekenhuis.",
        "  Aside: ",
        "    P: Contact: Oncologisch dagziekenhuis, tel. 03 821 30 00, elke werkdag van 8 tot 18 uur",
        "    P: Volg route 105 (oncologisch dagziekenhuis en consultaties)",
    ];
    assert_eq!(lines, expected, "\n{}", lines.join("\n"));
    // The fixture's first paragraph is long enough that some line ends in a hyphen the
    // layout added: it must be an artifact, or "behande- lend" would be read out.
    assert!(
        streams.artifacts.iter().any(|t| t == "-"),
        "no added hyphen among the artifacts: {:?}",
        streams.artifacts
    );
}

#[test]
fn every_drawing_is_marked_and_the_parent_tree_matches_the_mcids() {
    let doc = build_fixture();
    let streams = read_streams(&doc);
    assert_eq!(streams.unmarked, Vec::<String>::new());
    // The footer is page furniture: date, authors and "1/1" are artifacts.
    let furniture = streams.artifacts.join("|");
    for part in ["Laatst aangepast", "Team hematologie", "1/"] {
        assert!(
            furniture.contains(part),
            "{part} not an artifact: {furniture}"
        );
    }
    let (_, owners) = walk_tree(&doc, &streams);
    // Every MCID in the streams is referenced by exactly one element, and back.
    let in_streams: Vec<_> = streams.marked.keys().copied().collect();
    let mut in_tree: Vec<_> = owners.keys().copied().collect();
    in_tree.sort();
    assert_eq!(in_streams, in_tree);
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = doc.get_dictionary(root.as_reference().unwrap()).unwrap();
    let parent_tree = doc
        .get_dictionary(root.get(b"ParentTree").unwrap().as_reference().unwrap())
        .unwrap();
    let nums = parent_tree.get(b"Nums").unwrap().as_array().unwrap();
    for (p, (_, page)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(page).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
        let at = nums
            .chunks(2)
            .find(|kv| kv[0].as_i64().unwrap() == key)
            .expect("the page's key is in the ParentTree");
        let parents = at[1].as_array().unwrap();
        for (mcid, parent) in parents.iter().enumerate() {
            assert_eq!(
                Some(parent.as_reference().unwrap()),
                owners.get(&(p, mcid as i64)).copied(),
                "page {p} MCID {mcid}"
            );
        }
    }
}

#[test]
fn the_catalog_and_metadata_declare_pdf_ua() {
    let doc = build_fixture();
    let catalog = doc.catalog().unwrap();
    let mark_info = doc
        .dereference(catalog.get(b"MarkInfo").unwrap())
        .unwrap()
        .1;
    assert!(
        mark_info
            .as_dict()
            .unwrap()
            .get(b"Marked")
            .unwrap()
            .as_bool()
            .unwrap()
    );
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"nl-BE");
    let prefs = doc
        .dereference(catalog.get(b"ViewerPreferences").unwrap())
        .unwrap()
        .1;
    assert!(
        prefs
            .as_dict()
            .unwrap()
            .get(b"DisplayDocTitle")
            .unwrap()
            .as_bool()
            .unwrap()
    );
    let xmp = doc
        .dereference(catalog.get(b"Metadata").unwrap())
        .unwrap()
        .1
        .as_stream()
        .unwrap()
        .content
        .clone();
    let xmp = String::from_utf8(xmp).unwrap();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(
        xmp.contains(">Kankerimmunotherapie thuis</rdf:li>"),
        "{xmp}"
    );
    let root = doc.get_dictionary(
        catalog
            .get(b"StructTreeRoot")
            .unwrap()
            .as_reference()
            .unwrap(),
    );
    let role_map = root.unwrap().get(b"RoleMap").unwrap().as_dict().unwrap();
    assert_eq!(role_map.get(b"Aside").unwrap().as_name().unwrap(), b"Sect");
}

#[test]
fn print_output_stays_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let out = leaflet(
        &repo().join("tests/accessibility"),
        &[
            "build",
            "folder.yaml",
            "--target",
            "print",
            "--force",
            "-o",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc =
        Document::load_mem(&std::fs::read(dir.path().join("print/folder.pdf")).unwrap()).unwrap();
    assert!(doc.catalog().unwrap().get(b"StructTreeRoot").is_err());
    assert!(doc.catalog().unwrap().get(b"MarkInfo").is_err());
}

/// The words of the document's text in the tree's reading order: what the structure tree
/// must give back, whatever the leaflet says.
fn document_words(built: &leaflet_printer::pipeline::Built, style: &HouseStyle) -> Vec<String> {
    let doc = &built.document;
    let tree = Tree::build(doc, style);
    let mut text = String::new();
    for n in tree.walk() {
        let runs: Vec<&str> = match tree.nodes[n].content {
            Some(TreeContent::Text(b)) => {
                doc.blocks[b].runs.iter().map(|r| r.text.as_str()).collect()
            }
            Some(TreeContent::Marker(b)) => doc.blocks[b]
                .marker
                .iter()
                .map(|r| r.text.as_str())
                .collect(),
            Some(TreeContent::Cell { block, row, col }) => doc.blocks[block]
                .table
                .as_ref()
                .map(|t| t.rows[row][col].iter().map(|r| r.text.as_str()).collect())
                .unwrap_or_default(),
            // A picture has no words: its alt text is the element's /Alt, not content.
            Some(TreeContent::Figure(_)) | None => Vec::new(),
        };
        text.push(' ');
        text.extend(runs);
    }
    plain_words(&text)
}

/// Words split at white space, without the characters that print nothing.
fn plain_words(text: &str) -> Vec<String> {
    text.replace(['\u{ad}', '\u{200b}', '\u{2060}'], "")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every fixture leaflet (copies of the shipped library, and the library with figures and a
/// logo): nothing drawn outside marked content, and the structure tree's text, word for
/// word, the document's.
#[test]
fn every_shipped_leaflet_reads_back_whole_from_its_structure_tree() {
    for lib in ["tests/fixtures/leaflets", "tests/figures/lib"] {
        let lib = repo().join(lib);
        let mut paths: Vec<_> = std::fs::read_dir(&lib)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        paths.sort();
        reads_back_whole(&lib.join("_data"), &paths);
    }
}

/// The office PDF of `file` in the library `lib` (relative to the repository).
fn office_pdf(lib: &str, file: &str) -> Document {
    let lib = repo().join(lib);
    let shared = SharedData::load(Some(&lib.join("_data"))).unwrap();
    let engine = Engine::new(&shared.hyphenation);
    let path = lib.join(file);
    let source = std::fs::read_to_string(&path).unwrap();
    let built = pipeline::build(&engine, &shared, &path, &source, Target::Office).unwrap();
    Document::load_mem(&built.pdf).unwrap()
}

/// The numbers of the array `key` of `dict` (a box, a rectangle).
fn numbers(dict: &Dictionary, key: &[u8]) -> Vec<f32> {
    dict.get(key)
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect()
}

/// A figure is a `/Figure` element with its alt text as `/Alt`, its place on the page as
/// `/BBox`, and its caption inside it.
#[test]
fn a_figure_is_tagged_with_its_alt_text_and_caption() {
    let doc = office_pdf("tests/figures/lib", "figuren.yaml");
    let mut figures = Vec::new();
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"S").and_then(Object::as_name).ok() != Some(b"Figure".as_slice()) {
            continue;
        }
        let alt = d.get(b"Alt").and_then(Object::as_str).unwrap();
        let alt = String::from_utf16(
            &alt[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        // Its place on the page: a Layout attribute with a BBox of positive area, inside
        // the page it is on.
        let a = d.get(b"A").and_then(Object::as_dict).unwrap();
        assert_eq!(a.get(b"O").and_then(Object::as_name).unwrap(), b"Layout");
        let bbox = numbers(a, b"BBox");
        let page = d.get(b"Pg").and_then(Object::as_reference).unwrap();
        let media = numbers(doc.get_dictionary(page).unwrap(), b"MediaBox");
        assert!(
            bbox[0] < bbox[2] && bbox[1] < bbox[3],
            "a figure's box has no area: {bbox:?}"
        );
        assert!(
            bbox[0] >= media[0]
                && bbox[1] >= media[1]
                && bbox[2] <= media[2]
                && bbox[3] <= media[3],
            "figure box {bbox:?} outside the page {media:?}"
        );
        let kids = d.get(b"K").and_then(Object::as_array).unwrap();
        let captions = kids
            .iter()
            .filter_map(|k| k.as_reference().ok())
            .filter_map(|r| doc.get_dictionary(r).ok())
            .filter(|k| k.get(b"S").and_then(Object::as_name).ok() == Some(b"Caption".as_slice()))
            .count();
        figures.push((alt, captions));
    }
    figures.sort();
    assert!(
        figures.contains(&(
            "Een arm met een stuwband en een naald in de elleboogplooi.".to_string(),
            1
        )),
        "{figures:?}"
    );
    assert!(
        figures.contains(&("Een oranje bol voor een blauwe lucht.".to_string(), 0)),
        "{figures:?}"
    );
    assert!(
        figures.iter().any(|(alt, _)| alt.starts_with("Logo van ")),
        "{figures:?}"
    );
}

fn reads_back_whole(data: &std::path::Path, paths: &[std::path::PathBuf]) {
    let shared = SharedData::load(Some(data)).unwrap();
    let engine = Engine::new(&shared.hyphenation);
    for path in paths {
        let source = std::fs::read_to_string(path).unwrap();
        let built = pipeline::build(&engine, &shared, path, &source, Target::Office)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let doc = Document::load_mem(&built.pdf).unwrap();
        let streams = read_streams(&doc);
        assert_eq!(streams.unmarked, Vec::<String>::new(), "{}", path.display());
        let (lines, owners) = walk_tree(&doc, &streams);
        assert_eq!(owners.len(), streams.marked.len(), "{}", path.display());
        let read: Vec<String> = lines
            .iter()
            .flat_map(|l| plain_words(l.split_once(": ").map_or("", |(_, t)| t)))
            .collect();
        assert_eq!(
            read,
            document_words(&built, &shared.style),
            "{}",
            path.display()
        );
    }
}

/// Web and e-mail addresses in the text are links in the office PDF: a `/Link` annotation
/// with the address's URI over each line's part of it, and one `Link` element each (the
/// structure walk above checks the OBJR ↔ annotation ↔ ParentTree round trip).
#[test]
fn addresses_in_the_text_are_tagged_links_that_open_their_address() {
    let doc = office_pdf("tests/fixtures/leaflets", "ct-scan.yaml");
    let mut uris: Vec<String> = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        let media = numbers(page, b"MediaBox");
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for a in annots {
            let annot = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let rect = numbers(annot, b"Rect");
            assert!(rect[0] < rect[2] && rect[1] < rect[3], "{rect:?}");
            assert!(
                rect[0] >= media[0] && rect[2] <= media[2],
                "{rect:?} outside {media:?}"
            );
            let action = annot.get(b"A").and_then(Object::as_dict).unwrap();
            let uri =
                String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec()).unwrap();
            // One link over two lines is two annotations with one address.
            if uris.last() != Some(&uri) {
                uris.push(uri);
            }
        }
    }
    assert_eq!(
        uris,
        [
            "https://www.uza.be/afspraken",
            "mailto:radiologie@uza.be",
            "https://www.uza.be/medische-beeldvorming/ct-scan",
        ]
    );
    let links = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Link".as_slice()))
        .count();
    assert_eq!(links, 3);
}
