//! The XMP packet read as the RIP reads it: as XML with namespaces. A property is the
//! namespace and local name, not the text `pdfxid:GTS_PDFXVersion` — that text inside a
//! comment, or bound to another namespace URI, identifies nothing to a reader.

use roxmltree::{Document, Node};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// The prefixes the checker names properties by, with the namespaces they stand for.
const NAMESPACES: &[(&str, &str)] = &[
    ("pdfxid", "http://www.npes.org/pdfx/ns/id/"),
    ("xmpMM", "http://ns.adobe.com/xap/1.0/mm/"),
    ("xmp", "http://ns.adobe.com/xap/1.0/"),
    ("pdf", "http://ns.adobe.com/pdf/1.3/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
];

/// A parsed packet.
pub struct Packet<'a> {
    doc: Document<'a>,
}

/// Parses the packet; the error is the parser's, with its line and column. A DTD is
/// refused (XMP has none, and entity expansion is how a packet becomes a bomb).
pub fn parse(xml: &str) -> Result<Packet<'_>, String> {
    Document::parse(xml)
        .map(|doc| Packet { doc })
        .map_err(|e| e.to_string())
}

impl Packet<'_> {
    /// A property named `prefix:Name` by one of [`NAMESPACES`]' prefixes, wherever the
    /// packet binds that namespace: as an attribute of an `rdf:Description`, as a simple
    /// element, or the first `rdf:li` of a container (`dc:title`). Trimmed.
    pub fn property(&self, qname: &str) -> Option<String> {
        let (prefix, local) = qname.split_once(':')?;
        let ns = NAMESPACES.iter().find(|(p, _)| *p == prefix)?.1;
        let descriptions = self
            .doc
            .descendants()
            .filter(|n| n.is_element() && n.has_tag_name((RDF, "Description")));
        for d in descriptions {
            if let Some(v) = d.attribute((ns, local)) {
                return Some(v.trim().to_string());
            }
            if let Some(p) = d
                .children()
                .find(|n| n.is_element() && n.has_tag_name((ns, local)))
            {
                let container = p.children().find(|n| n.is_element());
                let value = match container {
                    Some(c) => c
                        .children()
                        .find(|n| n.is_element() && n.has_tag_name((RDF, "li")))
                        .map_or(String::new(), text),
                    None => text(p),
                };
                return Some(value);
            }
        }
        None
    }
}

/// The text of an element, comments left out.
fn text(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packet(body: &str, pdfxid: &str) -> String {
        format!(
            r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{RDF}">
<rdf:Description rdf:about="" xmlns:pdfxid="{pdfxid}" xmlns:dc="http://purl.org/dc/elements/1.1/">{body}</rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
        )
    }

    const PDFX: &str = "http://www.npes.org/pdfx/ns/id/";

    #[test]
    fn a_property_is_its_namespace_and_name_not_its_text() {
        let good = packet(
            "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
            PDFX,
        );
        let p = parse(&good).unwrap();
        assert_eq!(
            p.property("pdfxid:GTS_PDFXVersion").as_deref(),
            Some("PDF/X-4")
        );
        let other = packet(
            "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
            "http://example.com/not-pdfx/",
        );
        assert_eq!(
            parse(&other).unwrap().property("pdfxid:GTS_PDFXVersion"),
            None
        );
        let comment = packet(
            "<!-- <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion> -->",
            PDFX,
        );
        assert_eq!(
            parse(&comment).unwrap().property("pdfxid:GTS_PDFXVersion"),
            None
        );
        // Another prefix bound to the right namespace is the same property.
        let renamed = packet(
            r#"<id:GTS_PDFXVersion xmlns:id="http://www.npes.org/pdfx/ns/id/">PDF/X-4</id:GTS_PDFXVersion>"#,
            PDFX,
        );
        assert_eq!(
            parse(&renamed)
                .unwrap()
                .property("pdfxid:GTS_PDFXVersion")
                .as_deref(),
            Some("PDF/X-4")
        );
    }

    #[test]
    fn attributes_containers_and_escapes_are_read() {
        let xml = packet(
            r#"<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B</rdf:li></rdf:Alt></dc:title>"#,
            PDFX,
        )
        .replace("rdf:about=\"\"", "rdf:about=\"\" pdfxid:GTS_PDFXVersion=\"PDF/X-4\"");
        let p = parse(&xml).unwrap();
        assert_eq!(p.property("dc:title").as_deref(), Some("A & B"));
        assert_eq!(
            p.property("pdfxid:GTS_PDFXVersion").as_deref(),
            Some("PDF/X-4")
        );
        assert!(parse("<a>&</a>").is_err());
        assert!(parse(r#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#).is_err());
    }
}
