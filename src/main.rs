//! The kanbao command line: load an edition, then print it or read it.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use kanbao::app::strings::Lang;
use kanbao::edition::{self, Article, Edition};
use kanbao::text::{self, AmbiguousWidth, LayoutOptions};

/// 看报: read a daily newspaper edition in the terminal.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about)]
struct Cli {
    /// Page text files, folders of page files, a saved edition .json, or - for stdin.
    /// Without one, stdin when it is a pipe or a file, else the built-in edition.
    paths: Vec<PathBuf>,

    /// Print the document model as JSON.
    #[arg(long, conflicts_with_all = ["toc", "dump"])]
    json: bool,

    /// Print the table of contents: page, id, title, jumps.
    #[arg(long, conflicts_with = "dump")]
    toc: bool,

    /// Print article(s) laid out as in the reader, without borders: all, or the one with ID.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    dump: Option<String>,

    /// Read each continued story as one text, its parts joined by a seam line: the reader
    /// starts in merged reading (M toggles it); --dump prints each story once, whole, and
    /// --dump ID the story containing ID.
    #[arg(long, conflicts_with_all = ["json", "toc"])]
    merged: bool,

    /// Layout width for --dump, in terminal cells (at least 2: a Chinese character's width).
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
    width: u16,

    /// Cells an ambiguous-width character (“ ” … — ·) takes, overriding detection.
    #[arg(long, value_name = "1|2", value_parser = parse_ambiguous_width)]
    ambiguous_width: Option<AmbiguousWidth>,

    /// Interface language, zh or en; by default from the locale (LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_name = "zh|en")]
    lang: Option<Lang>,

    /// Print a completion script for SHELL (bash, zsh, fish, elvish, powershell).
    #[arg(long, value_name = "SHELL", hide = true, exclusive = true)]
    completions: Option<clap_complete::Shell>,

    /// Print the default config file, every setting commented out, to start one from.
    #[arg(long, exclusive = true)]
    print_config: bool,

    /// Print the man page, in roff.
    #[arg(long, hide = true, exclusive = true)]
    man: bool,
}

fn parse_ambiguous_width(value: &str) -> Result<AmbiguousWidth, String> {
    value
        .parse()
        .ok()
        .and_then(AmbiguousWidth::from_cells)
        .ok_or_else(|| format!("expected 1 or 2, got {value:?}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kanbao: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if let Some(shell) = cli.completions {
        let mut command = Cli::command();
        return print_with(|out| {
            clap_complete::generate(shell, &mut command, "kanbao", out);
            Ok(())
        });
    }
    if cli.print_config {
        return print_with(|out| out.write_all(kanbao::app::config::DEFAULT_FILE.as_bytes()));
    }
    if cli.man {
        return print_with(|out| clap_mangen::Man::new(Cli::command()).render(out));
    }
    // `kanbao < page.txt` and `… | kanbao` read what comes in, as less and bat do; an
    // empty stdin leaves the built-in edition.
    let paths = match cli.paths.is_empty() && stdin_is_a_pipe_or_file() && stdin_has_text() {
        true => vec![PathBuf::from("-")],
        false => cli.paths.clone(),
    };
    let edition = edition::load(&paths)?;
    if cli.json {
        return print_with(|out| {
            serde_json::to_writer_pretty(&mut *out, &edition)?;
            writeln!(out)
        });
    }
    if cli.toc {
        return print_with(|out| edition::write_toc(&edition, out));
    }
    let layout = LayoutOptions {
        ambiguous: cli.ambiguous_width.unwrap_or_default(),
        ..LayoutOptions::new(cli.width.into())
    };
    if let Some(id) = &cli.dump {
        return dump(&edition, id, cli.merged, &layout);
    }
    if std::io::stdout().is_terminal() {
        let options = kanbao::tui::Options {
            ambiguous: cli.ambiguous_width,
            merged: cli.merged,
            no_color: kanbao::tui::no_color_requested(),
            lang: cli.lang,
        };
        return kanbao::tui::run(edition, options);
    }
    dump(&edition, "", cli.merged, &layout)
}

/// Prints the `--dump` text of the article with `id`, or of every article when `id` is
/// empty; when `merged`, of the story containing it, or of every story once.
fn dump(edition: &Edition, id: &str, merged: bool, options: &LayoutOptions) -> anyhow::Result<()> {
    if !id.is_empty() {
        let parts: Vec<&Article> = match merged {
            true => edition::story_parts(edition, id),
            false => edition.article(id).into_iter().collect(),
        };
        if parts.is_empty() {
            anyhow::bail!("no article with id {id:?} in this edition (`kanbao --toc` lists them)")
        }
        return print_with(|out| text::write_stories([parts], options, out));
    }
    if merged {
        let stories = edition::stories(edition);
        return print_with(|out| text::write_edition(edition, stories, options, out));
    }
    let articles = edition.pages.iter().flat_map(|page| &page.articles);
    let stories = articles.map(|article| [article]);
    print_with(|out| text::write_edition(edition, stories, options, out))
}

/// Whether stdin is a pipe or a redirected file, not a terminal, /dev/null or closed.
fn stdin_is_a_pipe_or_file() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let stdin = std::io::stdin();
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd)
            .metadata()
            .is_ok_and(|meta| meta.file_type().is_fifo() || meta.file_type().is_file())
    }
    #[cfg(not(unix))]
    false
}

/// Whether anything comes in on stdin: an empty pipe or file leaves the built-in edition.
/// What is looked at stays in stdin's buffer for the loader to read.
fn stdin_has_text() -> bool {
    use std::io::BufRead;
    std::io::stdin()
        .lock()
        .fill_buf()
        .is_ok_and(|bytes| !bytes.is_empty())
}

/// Writes to stdout through a buffer; a closed pipe (`kanbao --json | head`) is not an error.
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}
