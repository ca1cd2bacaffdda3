//! The command line: plain-word help, one line per problem, exit codes a script can use
//! (0 fine, 1 a leaflet failed, 2 bad usage, 128 + the signal when stopped: 130 Ctrl-C,
//! 143 SIGTERM, 129 SIGHUP).

use crate::batch::{self, Options};
pub use crate::build_report::Verbosity;
use crate::pdf::Target;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "leaflet",
    version,
    about = "Typesets hospital patient leaflets (YAML) into print-ready A5 PDFs.",
    long_about = "Typesets hospital patient leaflets, written in YAML, into A5 PDFs: for the office \
                  printer, for e-mail, and for the print shop (PDF/X-4 with bleed)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Say only what went wrong: no progress, no list of built leaflets, no warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Show warnings in full, with their line, and list the rebuilt leaflets in logs too.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour in messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// Plain A5 pages for the office printer and e-mail.
    Office,
    /// PDF/X-4 with 3 mm bleed for the print shop.
    Print,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build PDFs from leaflet files (only the ones whose inputs changed).
    #[command(
        after_help = "Printing in the office: a booklet (--booklet) on A4 landscape, \
        double-sided, flip on the SHORT edge, at 100 % (no \"fit to page\"), then fold the \
        stack in the middle. 2-up (--two-up): A4 landscape at 100 %, then cut each sheet in \
        half along the cut marks."
    )]
    Build {
        /// Leaflet files or folders of leaflets (searched recursively).
        #[arg(default_value = "leaflets")]
        paths: Vec<PathBuf>,
        /// Folder the PDFs are written to (print PDFs go to its print/ sub-folder).
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// How many leaflets to build at once, 1–64 (default: one per processor core).
        #[arg(short, long, value_parser = parse_jobs)]
        jobs: Option<usize>,
        /// Rebuild every leaflet, even the ones that did not change.
        #[arg(long)]
        force: bool,
        /// Open the built PDF (of the first leaflet given) in the default viewer afterwards.
        #[arg(long)]
        open: bool,
        /// Who the PDF is for: the office printer or the print shop.
        #[arg(long, value_enum, default_value_t = TargetArg::Office)]
        target: TargetArg,
        /// With --target print: add crop marks outside the bleed.
        #[arg(long)]
        marks: bool,
        /// Also write NAME-booklet.pdf: A4 sheets to print double-sided and fold.
        #[arg(long)]
        booklet: bool,
        /// Also write NAME-2up.pdf: each page twice on A4, to print and cut.
        #[arg(long = "two-up")]
        two_up: bool,
        /// Also write NAME-groot.pdf: a large-print edition (16 pt, ragged right).
        #[arg(long = "large-print")]
        large_print: bool,
        /// Also write NAME.html: an accessible web page of the leaflet, and index.html.
        #[arg(long)]
        html: bool,
        /// Remove the PDFs of leaflets that were deleted or renamed (always reported).
        #[arg(long)]
        prune: bool,
        /// Print a table of typographic quality figures for every leaflet.
        #[arg(long)]
        report: bool,
        /// Name each PDF after its document code, version and date, e.g.
        /// HEM-012_v3_2016-03-23.pdf: every published version keeps its own file.
        #[arg(long = "archive-names")]
        archive_names: bool,
    },
    /// Check PDFs against what the print shop needs (PDF/X-4, bleed, fonts, colour, sizes).
    Preflight {
        /// The PDF files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Check leaflets for mistakes without writing any PDF.
    Check {
        /// Leaflet files or folders of leaflets (searched recursively).
        #[arg(default_value = "leaflets")]
        paths: Vec<PathBuf>,
        /// Treat warnings (spacing, quotes, long sentences, overdue review) as errors.
        #[arg(long)]
        strict: bool,
        /// The folder `build` writes to: its manifest tells whether a leaflet's text changed
        /// since its last build without a new `version`.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// First rewrite the safe habits in place (double spaces, tabs between words, a
        /// Dutch date in `revised`, "•" bullets), listing each changed line.
        #[arg(long)]
        fix: bool,
    },
    /// Start a new leaflet: writes SLUG.yaml with every field explained.
    New {
        /// The file name without .yaml, e.g. `wondzorg-thuis`.
        slug: String,
        /// Folder to write it in.
        #[arg(short = 'o', long = "out", alias = "dir", default_value = "leaflets")]
        dir: PathBuf,
    },
    /// Turn a plain-text leaflet (.txt) into a leaflet file.
    Import {
        /// The text file: title on the first line, a blank line between paragraphs.
        file: PathBuf,
        /// The leaflet file to write (default: leaflets/NAME.yaml).
        #[arg(short = 'o', long = "out", alias = "output")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of leaflet files (for editors that check YAML as you type).
    Schema,
    /// Print a shell completion script, e.g. `leaflet completions bash > ~/.leaflet.bash`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `leaflet man > leaflet.1`.
    Man,
    /// Show where words may be hyphenated, with the library's exception list applied
    /// (`-` a syllable break, `=` a compound break), to check or extend _data/hyphenation.txt.
    Hyphenate {
        /// The words to show.
        #[arg(required = true)]
        words: Vec<String>,
        /// The leaflet folder whose _data/hyphenation.txt applies.
        #[arg(long, default_value = "leaflets")]
        library: PathBuf,
        /// The language's patterns: nl, fr or en (the exception list is Dutch only).
        #[arg(long, default_value = "nl", value_parser = parse_lang)]
        lang: crate::lang::Lang,
    },
    /// Rebuild the PDFs after every save, until Ctrl-C (errors are shown, and it keeps going).
    Watch {
        /// Leaflet files or folders of leaflets (searched recursively).
        #[arg(default_value = "leaflets")]
        paths: Vec<PathBuf>,
        /// Folder the PDFs are written to.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
    },
    /// Open the leaflets in your browser: a live preview, editing, booklets (only on this computer).
    Serve {
        /// Leaflet files or folders of leaflets (searched recursively).
        #[arg(default_value = "leaflets")]
        paths: Vec<PathBuf>,
        /// Folder the PDFs are written to.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// The port on 127.0.0.1 to answer on (0: any free port).
        #[arg(long, default_value_t = 8787)]
        port: u16,
    },
}

fn parse_lang(s: &str) -> Result<crate::lang::Lang, String> {
    use crate::lang::Lang;
    [Lang::Nl, Lang::Fr, Lang::En]
        .into_iter()
        .find(|l| l.code() == s)
        .ok_or_else(|| format!("`{s}` is not a leaflet language; use nl, fr or en"))
}

/// `--jobs 0` would silently mean "all cores" to the thread pool; say so instead. More than
/// [`batch::MAX_JOBS`] is refused rather than quietly capped, so a typo is noticed.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("give at least 1; leave --jobs out to use every core".into()),
        Ok(n) if n > batch::MAX_JOBS => Err(format!(
            "give at most {}; leave --jobs out to use every core",
            batch::MAX_JOBS
        )),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a number of leaflets")),
    }
}

pub fn main() -> i32 {
    // The help is read before any library is known: the locale decides its language.
    crate::i18n::set(crate::i18n::from_env());
    let parsed = command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    crate::i18n::set(language(&cli.command));
    crate::diagnostic::set_colour(colour(cli.color));
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    match cli.command {
        Command::Build {
            paths,
            out,
            open,
            jobs,
            force,
            target,
            marks,
            booklet,
            two_up,
            large_print,
            html,
            prune,
            report: want_report,
            archive_names,
        } => {
            if marks && target != TargetArg::Print {
                eprintln!("{}", crate::t!("usage-marks"));
                return 2;
            }
            if (booklet || two_up) && target == TargetArg::Print {
                eprintln!("{}", crate::t!("usage-sheets-print"));
                return 2;
            }
            let target = match target {
                TargetArg::Office => Target::Office,
                TargetArg::Print => Target::Print { marks },
            };
            let opts = Options {
                inputs: paths,
                out,
                jobs,
                force,
                target,
                booklet,
                two_up,
                large_print,
                html,
                prune,
                report: want_report,
                progress: verbosity != Verbosity::Quiet,
                archive_names,
            };
            let code = crate::build_report::build(&opts, verbosity);
            if open && code == 0 {
                crate::build_report::open_first(&opts);
            }
            code
        }
        Command::Preflight { files } => crate::preflight::run(&files),
        Command::Check {
            paths,
            strict,
            out,
            fix,
        } => {
            let fixed = !fix || crate::fix::fix_all(&paths);
            let code = crate::check::command(&paths, strict, &out);
            if fixed { code } else { 1 }
        }
        Command::New { slug, dir } => crate::authoring::new(&slug, &dir),
        Command::Import { file, output } => crate::authoring::import(&file, output.as_deref()),
        Command::Schema => {
            print!("{}", crate::schema::json());
            0
        }
        Command::Completions { shell } => {
            let mut cmd = command();
            clap_complete::generate(shell, &mut cmd, "leaflet", &mut std::io::stdout());
            0
        }
        Command::Hyphenate {
            words,
            library,
            lang,
        } => hyphenate(&words, &library, lang),
        Command::Watch { paths, out } => crate::watch::run(&Options {
            inputs: paths,
            out,
            jobs: None,
            force: false,
            target: Target::Office,
            booklet: false,
            two_up: false,
            large_print: false,
            prune: false,
            report: false,
            progress: false,
            archive_names: false,
            html: false,
        }),
        Command::Serve { paths, out, port } => crate::serve::run(&crate::serve::Config {
            inputs: paths,
            out,
            port,
        }),
        Command::Man => {
            let cmd = command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => 0,
                // `leaflet man | head` closes the pipe early; that is not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    eprintln!("error: cannot write the manual page: {e}");
                    1
                }
            }
        }
    }
}

/// The command line with its help in the current language.
pub fn command() -> clap::Command {
    crate::i18n::help::localise(<Cli as clap::CommandFactory>::command())
}

/// The language of messages: a library's `_data/messages.txt` when the first folder or
/// file named on the command line has one, else the locale.
fn language(command: &Command) -> crate::i18n::Lang {
    let first = match command {
        Command::Build { paths, .. }
        | Command::Check { paths, .. }
        | Command::Watch { paths, .. }
        | Command::Serve { paths, .. } => paths.first().cloned(),
        Command::Hyphenate { library, .. } => Some(library.clone()),
        Command::New { dir, .. } => Some(dir.clone()),
        _ => None,
    };
    let dir = first.map(|p| {
        if p.is_dir() {
            p
        } else {
            p.parent().map(PathBuf::from).unwrap_or_default()
        }
    });
    dir.and_then(|d| crate::shared::find_data_dir(&d))
        .and_then(|d| crate::i18n::from_library(&d))
        .unwrap_or_else(crate::i18n::from_env)
}

/// `--color auto` colours reports on a terminal, unless `NO_COLOR` is set (no-color.org).
fn colour(choice: ColorArg) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

fn hyphenate(words: &[String], library: &std::path::Path, lang: crate::lang::Lang) -> i32 {
    // The same cascade a build reads: every `_data/hyphenation.txt` from the top down.
    let exceptions: String = crate::shared::data_dirs(library)
        .iter()
        .filter_map(|d| {
            let path = d.join(crate::shared::HYPHENATION_FILE);
            crate::source::file::read_utf8(&path, crate::source::file::MAX_FILE_BYTES).ok()
        })
        .map(|text| text + "\n")
        .collect();
    let hyphenator = match lang {
        crate::lang::Lang::Nl => crate::text::hyphenate::Hyphenator::dutch(&exceptions),
        other => crate::text::hyphenate::Hyphenator::for_lang(other, ""),
    };
    for word in words {
        println!("{}", hyphenator.explain(word));
    }
    0
}
