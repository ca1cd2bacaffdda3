//! The PDF/X-4 output intent: the press condition the file was made for, with its ICC
//! profile embedded so the shop's RIP and a proofing viewer agree on the colours.

use crate::pdfx::{COATED, Condition, UNCOATED};
use lopdf::{Document, Object, Stream, dictionary};
use std::sync::OnceLock;

/// The ICC profile of FOGRA39, "ISO Coated v2 300% (basICColor)".
pub const OUTPUT_PROFILE: &[u8] = include_bytes!("../../fonts/icc/ISOcoated_v2_300_bas.icc");
/// The ICC profile of FOGRA29, uncoated offset: built with ArgyllCMS from the Zlib-licensed
/// FOGRA29L characterisation data (see fonts/icc/FOGRA29_uncoated_argyll.txt).
pub const UNCOATED_PROFILE: &[u8] = include_bytes!("../../fonts/icc/FOGRA29_uncoated_argyll.icc");

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

    pub fn profile(self) -> &'static [u8] {
        match self {
            OutputCondition::Coated => OUTPUT_PROFILE,
            OutputCondition::Uncoated => UNCOATED_PROFILE,
        }
    }

    /// The profile stream, deflated once per run and condition, not once per leaflet.
    fn stream(self) -> &'static Stream {
        static COATED_STREAM: OnceLock<Stream> = OnceLock::new();
        static UNCOATED_STREAM: OnceLock<Stream> = OnceLock::new();
        let cell = match self {
            OutputCondition::Coated => &COATED_STREAM,
            OutputCondition::Uncoated => &UNCOATED_STREAM,
        };
        cell.get_or_init(|| {
            let mut profile = Stream::new(
                dictionary! { "N" => 4, "Alternate" => Object::Name(b"DeviceCMYK".to_vec()) },
                self.profile().to_vec(),
            );
            let _ = profile.compress();
            profile
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
