//! `leaflet --help` and the manual page in the reader's language. The English help is the
//! doc comments in cli.rs (so it stays next to each option); `locales/nl/help.ftl` replaces
//! each text by the id of its place: `about-leaflet-build`, `help-leaflet-build-out`,
//! `after-leaflet-build`. A text missing there keeps its English.

use super::{Lang, current};
use clap::{Arg, ArgAction, Command};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::OnceLock;

const NL_HELP: &str = include_str!("../../locales/nl/help.ftl");

fn dutch() -> &'static FluentBundle<FluentResource> {
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    NL.get_or_init(|| super::load(NL_HELP, "nl-BE"))
}

fn lookup(id: &str) -> Option<String> {
    let bundle = dutch();
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// The command line's help in the current language.
pub fn localise(cmd: Command) -> Command {
    match current() {
        Lang::En => cmd,
        Lang::Nl => apply(cmd, "leaflet"),
    }
}

/// clap's own words around the texts: headings, and the help and version flags. The
/// template names each group itself, so only the groups a command has get a heading.
fn frame(cmd: Command, root: bool) -> Command {
    let text = |id: &str| lookup(id).unwrap_or_default();
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        text("clap-usage")
    );
    if cmd.has_subcommands() {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", text("clap-commands")));
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str(&format!("\n{}\n{{positionals}}\n", text("clap-arguments")));
    }
    template.push_str(&format!(
        "\n{}\n{{options}}{{after-help}}",
        text("clap-options")
    ));
    let mut cmd = cmd.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text("clap-help")),
    );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("clap-version")),
        );
    }
    cmd
}

fn apply(mut cmd: Command, path: &str) -> Command {
    cmd = frame(cmd, path == "leaflet");
    if let Some(about) = lookup(&format!("about-{path}")) {
        // The long form is the English doc comment's; the one text serves both.
        cmd = cmd.about(about).long_about(None);
    }
    if let Some(after) = lookup(&format!("after-{path}")) {
        cmd = cmd.after_help(after.clone()).after_long_help(after);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        if let Some(help) = lookup(&format!("help-{path}-{id}")) {
            cmd = cmd.mut_arg(id, |a| a.help(help).long_help(None));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(name, |s| apply(s, &sub_path));
    }
    cmd
}

/// Every id a place in `cmd` could have, to test that help.ftl names only real ones.
pub fn places(cmd: &Command, path: &str, out: &mut Vec<String>) {
    out.push(format!("about-{path}"));
    out.push(format!("after-{path}"));
    out.extend(
        cmd.get_arguments()
            .map(|a| format!("help-{path}-{}", a.get_id())),
    );
    for sub in cmd.get_subcommands() {
        places(sub, &format!("{path}-{}", sub.get_name()), out);
    }
    if path == "leaflet" {
        out.extend(
            [
                "usage",
                "commands",
                "arguments",
                "options",
                "help",
                "version",
            ]
            .map(|w| format!("clap-{w}")),
        );
    }
}

/// The ids in the Dutch help file.
pub fn ids() -> Vec<String> {
    NL_HELP
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}
