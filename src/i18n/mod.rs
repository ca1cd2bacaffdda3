//! Messages for people in Dutch or English, from Fluent files under `locales/`.
//!
//! The secretariat reads Dutch; developers and CI logs may read English. The wording lives
//! in `locales/{nl,en}/leaflet.ftl`, embedded in the binary, so a translator changes text
//! (and plurals: "1 folder", "2 folders") without touching Rust, and no message is a
//! `format!` string scattered through the code.
//!
//! The language is a process setting chosen once at start-up ([`set`], from [`from_env`] or
//! a library's [`LIBRARY_FILE`]); code that builds a message asks [`current`] through the
//! [`t!`](crate::t) macro. A test may pin a language for its own thread with [`scoped`], so
//! Dutch and English reports can be checked side by side in one test binary.

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::cell::Cell;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub mod field;
pub mod help;

/// A language the messages exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

/// The file in a library's `_data/` folder that fixes the language of messages for
/// everyone using that library, whatever their computer's locale: one word, `nl` or `en`.
pub const LIBRARY_FILE: &str = "messages.txt";

const NL_FTL: &str = include_str!("../../locales/nl/leaflet.ftl");
const EN_FTL: &str = include_str!("../../locales/en/leaflet.ftl");
/// The messages of paths a build rarely takes, in their own files: parsing the catalogue is
/// most of what a build's first message costs, and these are two fifths of it.
const NL_RARE_FTL: &str = include_str!("../../locales/nl/rare.ftl");
const EN_RARE_FTL: &str = include_str!("../../locales/en/rare.ftl");

/// English until told otherwise: the library is also used by tests and tools that never
/// look at a locale, and their expectations are written in English.
static PROCESS: AtomicU8 = AtomicU8::new(Lang::En as u8);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

impl Lang {
    fn from_u8(n: u8) -> Lang {
        if n == Lang::Nl as u8 {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// `nl`, `nl_BE.UTF-8`, `nl-NL` → Dutch; any other word → English; an empty one → none.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag.is_empty() {
            None
        } else if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("nl")) {
            Some(Lang::Nl)
        } else {
            Some(Lang::En)
        }
    }
}

/// Sets the language of every message this process writes from now on.
pub fn set(lang: Lang) {
    PROCESS.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are written in on this thread.
pub fn current() -> Lang {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_u8(PROCESS.load(Ordering::Relaxed)))
}

/// Runs `f` with this thread's messages in `lang`, then restores what was there.
pub fn scoped<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD.with(|t| t.replace(Some(lang)));
    let out = f();
    THREAD.with(|t| t.set(before));
    out
}

/// The language the POSIX locale asks for: `LC_ALL` wins over `LC_MESSAGES`, which wins
/// over `LANG` (as for every other program on the machine); English when none is set.
pub fn from_env() -> Lang {
    from_vars(|name| std::env::var(name).ok())
}

fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).and_then(|v| Lang::parse(&v)))
        .unwrap_or(Lang::En)
}

/// The language a library's `_data/messages.txt` fixes, if it has one. Lines starting with
/// `#` are comments, so the file can say what it is for.
pub fn from_library(data_dir: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(data_dir.join(LIBRARY_FILE)).ok()?;
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(Lang::parse)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, ftl, tag) = match lang {
        Lang::Nl => (&NL, NL_FTL, "nl-BE"),
        Lang::En => (&EN, EN_FTL, "en"),
    };
    cell.get_or_init(|| load(ftl, tag))
}

/// The rarely needed messages of `lang`, parsed the first time one is asked for.
fn rare_bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, ftl, tag) = match lang {
        Lang::Nl => (&NL, NL_RARE_FTL, "nl-BE"),
        Lang::En => (&EN, EN_RARE_FTL, "en"),
    };
    cell.get_or_init(|| load(ftl, tag))
}

/// A bundle from one embedded file. The files are part of the binary and tested below, so
/// a syntax error is a programming error caught by `cargo test`, not a user's problem.
fn load(ftl: &str, tag: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps arguments in Unicode isolation marks for right-to-left scripts; in a
    // terminal they show as stray characters and break copy-paste of file names.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// One message in the current language; see [`text_in`].
pub fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    text_in(current(), id, args)
}

/// One message in `lang`. A message missing from the Dutch file falls back to English, and
/// one missing from both shows its id, so a slip in a .ftl file never hides the problem
/// being reported (a test keeps both files complete).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    for lang in [lang, Lang::En] {
        // The rare file is parsed only when the common one lacks the message.
        let files: [fn(Lang) -> &'static FluentBundle<FluentResource>; 2] = [bundle, rare_bundle];
        for file in files {
            let bundle = file(lang);
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// A message in the current language: `t!("id")` or `t!("id", name = value, …)`, where each
/// value is a string or a number (anything `FluentValue` converts from).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::text($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
