//! The PDF/X-4 output intent: the press condition the file was made for, with its ICC
//! profile embedded so the shop's RIP and a proofing viewer agree on the colours.

use crate::pdfx::{COATED, Condition, UNCOATED};
use lopdf::{Document, Object, Stream, dictionary};
use std::sync::OnceLock;

/// The ICC profile of FOGRA39, "ISO Coated v2 300% (basICColor)", zlib-deflated as the PDF
/// stream carries it (`fonts/icc/*.icc.zlib`, made from the `.icc` beside it; a test holds
/// the two equal): the binary carries 0.78 MB rather than 1.05, and no run spends tens of
/// milliseconds deflating a megabyte again.
const COATED_DEFLATED: &[u8] = include_bytes!("../../fonts/icc/ISOcoated_v2_300_bas.icc.zlib");
/// The ICC profile of FOGRA29, uncoated offset: built with ArgyllCMS from the Zlib-licensed
/// FOGRA29L characterisation data (see fonts/icc/FOGRA29_uncoated_argyll.txt); deflated too.
const UNCOATED_DEFLATED: &[u8] = include_bytes!("../../fonts/icc/FOGRA29_uncoated_argyll.icc.zlib");

/// The paper the shop prints on, as a house-style choice. Patient leaflets are often
/// printed on uncoated stock, where the coated profile's colours and 300 % of ink would
/// be wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutputCondition {
    #[default]
    Coated,
    Uncoated,
}

impl OutputCondition {
    pub fn condition(self) -> &'static Condition {
        match self {
            OutputCondition::Coated => &COATED,
            OutputCondition::Uncoated => &UNCOATED,
        }
    }

    /// The ICC profile as zlib data, ready for a `/FlateDecode` stream.
    fn deflated(self) -> &'static [u8] {
        match self {
            OutputCondition::Coated => COATED_DEFLATED,
            OutputCondition::Uncoated => UNCOATED_DEFLATED,
        }
    }

    /// The ICC profile itself (inflated: only tests and tools need it whole).
    pub fn profile(self) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(self.deflated())
            .read_to_end(&mut out)
            .expect("the embedded profile is valid zlib data");
        out
    }

    /// The profile stream, made once per run and condition, not once per leaflet.
    fn stream(self) -> &'static Stream {
        static COATED_STREAM: OnceLock<Stream> = OnceLock::new();
        static UNCOATED_STREAM: OnceLock<Stream> = OnceLock::new();
        let cell = match self {
            OutputCondition::Coated => &COATED_STREAM,
            OutputCondition::Uncoated => &UNCOATED_STREAM,
        };
        cell.get_or_init(|| {
            Stream::new(
                dictionary! {
                    "N" => 4,
                    "Alternate" => Object::Name(b"DeviceCMYK".to_vec()),
                    "Filter" => Object::Name(b"FlateDecode".to_vec()),
                },
                self.deflated().to_vec(),
            )
        })
    }
}

/// Sets the catalog's `/OutputIntents` to the one GTS_PDFX intent of `output`.
pub fn add_output_intent(doc: &mut Document, catalog: lopdf::ObjectId, output: OutputCondition) {
    let profile_id = doc.add_object(output.stream().clone());
    let c = output.condition();
    let intent = dictionary! {
        "Type" => Object::Name(b"OutputIntent".to_vec()),
        "S" => Object::Name(b"GTS_PDFX".to_vec()),
        "OutputConditionIdentifier" => Object::string_literal(c.identifier),
        "OutputCondition" => Object::string_literal(c.name),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal(c.info),
        "DestOutputProfile" => Object::Reference(profile_id),
    };
    if let Ok(catalog) = doc.get_object_mut(catalog).and_then(Object::as_dict_mut) {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Dictionary(intent)]),
        );
    }
}
