//! Variants of a good print file made by real tools (qpdf, Ghostscript), committed under
//! `files/` by `scripts/make_preflight_corpus.sh` because CI has neither tool. Re-packing
//! must not change the verdict; re-distilling loses the output intent, and an RGB
//! conversion must also be caught as colour.

/// A tool's file, what must fail in it, and what must not.
pub struct ToolCase {
    pub file: &'static str,
    pub bytes: &'static [u8],
    pub must_fail: &'static [&'static str],
    pub must_pass: &'static [&'static str],
}

macro_rules! file {
    ($name:literal) => {
        ($name, include_bytes!(concat!("files/", $name)).as_slice())
    };
}

/// The PDF/X parts Ghostscript drops when it re-distils a file without -dPDFX.
const REDISTILLED: &[&str] = &[
    "output intent",
    "output profile",
    "document info",
    "XMP metadata",
];

pub fn tool_cases() -> Vec<ToolCase> {
    let c = |(file, bytes): (&'static str, &'static [u8]), must_fail, must_pass| ToolCase {
        file,
        bytes,
        must_fail,
        must_pass,
    };
    vec![
        // qpdf --object-streams=generate --linearize: re-packed, nothing else changed.
        c(file!("qpdf-objstm-linearized.pdf"), &[], &[]),
        // qpdf --encrypt "" owner 256: opens without a password, still encrypted.
        c(
            file!("qpdf-aes256-empty-password.pdf"),
            &["encryption"],
            &["readable", "content streams", "colour", "total ink"],
        ),
        // gs -sColorConversionStrategy=RGB: every colour now RGB.
        c(
            file!("gs-rgb.pdf"),
            &["colour"],
            &["readable", "content streams"],
        ),
        // gs -sColorConversionStrategy=CMYK: colours stay CMYK, the intent is lost.
        c(
            file!("gs-cmyk.pdf"),
            REDISTILLED,
            &[
                "readable",
                "content streams",
                "colour",
                "total ink",
                "page boxes",
                "fonts embedded",
            ],
        ),
        // gs -sColorConversionStrategy=Gray: the accent colour becomes an 88 % grey.
        c(
            file!("gs-gray.pdf"),
            &["text inks"],
            &["readable", "content streams", "colour", "total ink"],
        ),
    ]
}
