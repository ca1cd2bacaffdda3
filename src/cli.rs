//! The command line: plain-word help, one line per problem, exit codes a script can use
//! (0 fine, 1 a leaflet failed, 2 bad usage, 128 + the signal when stopped: 130 Ctrl-C,
//! 143 SIGTERM, 129 SIGHUP).

use crate::batch::{self, Options};
use crate::diagnostic::Reporter;
use crate::impose::{Imposition, printer_advice};
use crate::pdf::Target;
use crate::report;
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
    },
    /// Start a new leaflet: writes SLUG.yaml with every field explained.
    New {
        /// The file name without .yaml, e.g. `wondzorg-thuis`.
        slug: String,
        /// Folder to write it in.
        #[arg(long, default_value = "leaflets")]
        dir: PathBuf,
    },
    /// Turn a plain-text leaflet (.txt) into a leaflet file.
    Import {
        /// The text file: title on the first line, a blank line between paragraphs.
        file: PathBuf,
        /// The leaflet file to write (default: leaflets/NAME.yaml).
        #[arg(short, long)]
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
    },
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Build {
            paths,
            out,
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
        } => {
            if marks && target != TargetArg::Print {
                eprintln!(
                    "error: --marks adds crop marks for the print shop; use it with --target print"
                );
                return 2;
            }
            if (booklet || two_up) && target == TargetArg::Print {
                eprintln!(
                    "error: --booklet and --two-up make A4 sheets for the office printer; the print shop imposes the A5 pages itself, so leave them out with --target print"
                );
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
                progress: true,
            };
            build(&opts)
        }
        Command::Preflight { files } => crate::preflight::run(&files),
        Command::Check { paths, strict } => crate::check::command(&paths, strict),
        Command::New { slug, dir } => crate::authoring::new(&slug, &dir),
        Command::Import { file, output } => crate::authoring::import(&file, output.as_deref()),
        Command::Schema => {
            print!("{}", crate::schema::json());
            0
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "leaflet", &mut std::io::stdout());
            0
        }
        Command::Hyphenate { words, library } => hyphenate(&words, &library),
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
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

fn build(opts: &Options) -> i32 {
    batch::handle_interrupts();
    let summary = match batch::run(opts) {
        Ok(s) => s,
        Err(d) => {
            Reporter::default().print_all(&[d]);
            return 1;
        }
    };
    if opts.report && !summary.quality.is_empty() {
        println!("{}", report::header());
        let mut rows = summary.quality.clone();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, q) in &rows {
            println!("{}", report::row(name.trim_end_matches(".pdf"), q));
        }
    }
    println!("{}", summary.line());
    Reporter::default().print_all(&summary.diagnostics);
    if opts.booklet || opts.two_up {
        if opts.booklet {
            println!("booklets: {}", printer_advice(Imposition::Booklet));
        }
        if opts.two_up {
            println!("2-up sheets: {}", printer_advice(Imposition::TwoUp));
        }
    }
    summary.exit_code()
}

fn hyphenate(words: &[String], library: &std::path::Path) -> i32 {
    // The same cascade a build reads: every `_data/hyphenation.txt` from the top down.
    let exceptions: String = crate::shared::data_dirs(library)
        .iter()
        .filter_map(|d| {
            let path = d.join(crate::shared::HYPHENATION_FILE);
            crate::source::file::read_utf8(&path, crate::source::file::MAX_FILE_BYTES).ok()
        })
        .map(|text| text + "\n")
        .collect();
    let hyphenator = crate::text::hyphenate::Hyphenator::dutch(&exceptions);
    for word in words {
        println!("{}", hyphenator.explain(word));
    }
    0
}
