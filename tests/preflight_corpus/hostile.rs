//! Files made to hang, exhaust or crash a reader, and damaged content: each must be judged
//! (as not ready) within the deadline.

use super::mutate::*;
use super::{Case, case};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

pub fn hostile_cases() -> Vec<Case> {
    let content = &["content streams"][..];
    vec![
        case(
            "a page of random bytes",
            content,
            page_stream(noise(4000, 1), None),
        ),
        case(
            "a page of random bytes under /FlateDecode",
            content,
            page_stream(noise(4000, 2), Some("FlateDecode")),
        ),
        case("a page whose deflate data is cut short", content, {
            let ops: String = (0..2000)
                .map(|i| format!("0 0 0 1 k {} {} 5 5 re f\n", i % 397, i % 571))
                .collect();
            let z = deflate(ops.as_bytes());
            page_stream(z[..z.len() / 2].to_vec(), Some("FlateDecode"))
        }),
        case(
            "valid operators followed by garbage",
            content,
            with_content(b"q 0 0 0 1 k Q \x00\x01\xff\xfe ) ] >> garbage"),
        ),
        case(
            "an unbalanced string",
            content,
            with_content(b"BT /F1 11 Tf (never closed Tj ET"),
        ),
        case(
            "a deflate bomb (100 MB of zeros)",
            content,
            page_stream(deflate(&vec![b' '; 100 << 20]), Some("FlateDecode")),
        ),
        case(
            "1.1 million operators",
            content,
            page_stream(b"n\n".repeat(1_100_000), None),
        ),
        case(
            "ten nested forms each drawing the one below ten times",
            content,
            nested_forms(10, 10),
        ),
        case(
            "a form drawing itself",
            content,
            mutated(|doc| {
                let id = doc.new_object_id();
                let f = form(
                    b"/Me Do",
                    dictionary! { "XObject" => dictionary! { "Me" => Object::Reference(id) } },
                );
                doc.objects.insert(id, Object::Stream(f));
                resources_mut(doc).set("XObject", dictionary! { "Me" => Object::Reference(id) });
                add_content(doc, b"/Me Do");
            }),
        ),
        case(
            "a form of random bytes",
            content,
            mutated(|doc| {
                add_xobject(doc, "FmR", form(&noise(3000, 3), Dictionary::new()));
                add_content(doc, b"/FmR Do");
            }),
        ),
        case(
            "a content reference to a missing object",
            content,
            mutated(|doc| {
                page_mut(doc, 1).set("Contents", Object::Reference((99_999, 0)));
            }),
        ),
        case(
            "a content entry that is a dictionary",
            content,
            mutated(|doc| {
                let id = doc.add_object(dictionary! { "Length" => 0 });
                page_mut(doc, 1).set("Contents", Object::Reference(id));
            }),
        ),
        case(
            "drawing an XObject that does not exist",
            content,
            with_content(b"/Nope Do"),
        ),
        case(
            "a PostScript XObject",
            content,
            mutated(|doc| {
                let ps = Stream::new(
                    dictionary! { "Type" => "XObject", "Subtype" => "PS" },
                    b"showpage".to_vec(),
                );
                add_xobject(doc, "PS1", ps);
                add_content(doc, b"/PS1 Do");
            }),
        ),
        case(
            "a hundred thousand nested arrays",
            content,
            with_content(&[b"[".repeat(100_000), b"] ".repeat(100_000), b"pop".to_vec()].concat()),
        ),
        case(
            "a W array naming four billion widths a thousand times",
            &["font widths"],
            mutated(|doc| {
                each_cid_font(doc, |d| {
                    let w: Vec<Object> = (0..1000)
                        .flat_map(|_| [0.into(), 4_294_967_295i64.into(), 500.into()])
                        .collect();
                    d.set("W", w);
                });
            }),
        ),
        case(
            "no pages",
            content,
            mutated(|doc| {
                let pages = doc
                    .catalog()
                    .unwrap()
                    .get(b"Pages")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let p = doc.get_dictionary_mut(pages).unwrap();
                p.set("Kids", Vec::<Object>::new());
                p.set("Count", 0);
            }),
        ),
        case("encrypted with an empty password", &["encryption"], {
            let mut doc = Document::load_mem(good()).unwrap();
            let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "eigenaar",
                user_password: "",
                key_length: 128,
                permissions: lopdf::Permissions::all(),
            })
            .unwrap();
            doc.encrypt(&state).unwrap();
            save(&mut doc)
        }),
        case("encrypted with a password", &["readable", "encryption"], {
            let mut doc = Document::load_mem(good()).unwrap();
            let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "eigenaar",
                user_password: "geheim",
                key_length: 128,
                permissions: lopdf::Permissions::all(),
            })
            .unwrap();
            doc.encrypt(&state).unwrap();
            save(&mut doc)
        }),
        case("random bytes", &["readable"], noise(20_000, 4)),
        case("an empty file", &["readable"], Vec::new()),
        case(
            "a header and nothing else",
            &["readable"],
            b"%PDF-1.6\n".to_vec(),
        ),
        case(
            "the good file cut in half",
            &["readable"],
            good()[..good().len() / 2].to_vec(),
        ),
    ]
}
