//! The kanbao command line: load an edition, then print it or read it.

use std::io::{BufWriter, IsTerminal, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::{CommandFactory, Parser};

use kanbao::app::config::Config;
use kanbao::app::strings::Lang;
use kanbao::archive::Archive;
use kanbao::edition::{self, Article, Edition, LoadOptions};
use kanbao::text::{self, AmbiguousWidth, LayoutOptions};

mod archive_cli;

/// 看报: read a daily newspaper edition in the terminal.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about)]
struct Cli {
    /// Page text files, folders of page or article files (one edition), a saved edition
    /// .json, or - for stdin; or one archive: a folder of edition folders (`YYYYMMDD/`).
    /// Without one, stdin when it is a pipe or a file, else the built-in edition.
    paths: Vec<PathBuf>,

    /// In an archive, the edition to open (else the one last read there, or the newest);
    /// also YYYYMMDD or YYYY/MM/DD. --json and --toc then print that edition instead of the
    /// archive's list of editions; --dump prints it (else the newest).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<String>,

    /// Print the document model as JSON.
    #[arg(long, conflicts_with_all = ["toc", "dump"])]
    json: bool,

    /// Print the table of contents: page, id, title, jumps.
    #[arg(long, conflicts_with = "dump")]
    toc: bool,

    /// Build or bring up to date an archive's search index (in the XDG cache directory),
    /// telling progress on stderr, and exit. The reader keeps it up to date itself.
    #[arg(long, conflicts_with_all = ["json", "toc", "dump", "merged", "date"])]
    index: bool,

    /// Print article(s) laid out as in the reader, without borders: all, or the one with ID.
    /// In an archive, of the edition of --date, else the newest; stderr names it.
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

    /// Read files in this encoding instead of detecting it: UTF-8, GB18030, GBK, Big5,
    /// UTF-16LE, UTF-16BE, or another WHATWG encoding label.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,

    /// Cells an ambiguous-width character (“ ” … — ·) takes, overriding detection.
    #[arg(long, value_name = "1|2", value_parser = parse_ambiguous_width)]
    ambiguous_width: Option<AmbiguousWidth>,

    /// Interface language, zh or en; by default from the locale (`LC_ALL`, `LC_MESSAGES`, LANG).
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

/// A day given as YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD, as "YYYY-MM-DD".
fn parse_date(value: &str) -> Result<String, String> {
    let dashed = match value.as_bytes() {
        [_, _, _, _, b'/', _, _, b'/', _, _] => value.replace('/', "-"),
        _ => value.to_owned(),
    };
    match dashed.len() {
        8 | 10 => edition::source::names::date_of(&dashed),
        _ => None,
    }
    .ok_or_else(|| format!("expected a day as YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD, got {value:?}"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => {
            // clap's message quotes the arguments as typed: escape them like file names.
            report(&error.render().to_string(), true);
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&format!("kanbao: {error:#}"), false);
            ExitCode::FAILURE
        }
    }
}

/// Writes `message` to stderr with every character a terminal would act on shown escaped: a
/// file name or argument in it is data, like page text. A closed stderr is no reason to panic.
/// `lines` keeps the message's line breaks (clap's multi-line usage messages); otherwise a
/// line break is escaped too, so that an error stays on its one line.
fn report(message: &str, lines: bool) {
    let message = message.trim_end_matches('\n');
    let _ = writeln!(std::io::stderr(), "{}", escape_for_terminal(message, lines));
}

/// `text` with control, bidi and other invisible characters written as Rust escapes
/// (`\u{1b}`, `\n`), so that nothing in it reaches a terminal as a command.
fn escape_for_terminal(text: &str, keep_line_breaks: bool) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| {
        !(keep_line_breaks && c == '\n')
            && (c.is_control() || edition::is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}'))
    };
    if !text.chars().any(acts) {
        return text.into();
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            escaped.extend(c.escape_debug());
        } else {
            escaped.push(c);
        }
    }
    escaped.into()
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
    let options = match &cli.encoding {
        Some(label) => LoadOptions::with_encoding(label)?,
        None => LoadOptions::default(),
    };
    if let [path] = cli.paths.as_slice()
        && path.is_dir()
    {
        let archive = Archive::open(path, options)
            .with_context(|| format!("{}: cannot list the folder", path.display()))?;
        if let Some(archive) = archive {
            return match cli.index {
                true => archive_cli::index(&archive),
                false => archive_cli::run(&cli, archive),
            };
        }
    }
    if cli.index {
        anyhow::bail!("--index indexes an archive (a folder of edition folders named YYYYMMDD)")
    }
    if cli.date.is_some() {
        let given = match cli.paths.as_slice() {
            [path] => format!("{} is not one", path.display()),
            _ => "give one archive folder".to_owned(),
        };
        anyhow::bail!(
            "--date picks an edition in an archive (a folder of edition folders named \
             YYYYMMDD); {given}"
        )
    }
    // `kanbao < page.txt` and `… | kanbao` read what comes in, as less and bat do; an
    // empty stdin leaves the built-in edition.
    let paths = match cli.paths.is_empty() && stdin_is_a_pipe_or_file() && stdin_has_text() {
        true => vec![PathBuf::from("-")],
        false => cli.paths.clone(),
    };
    // The reader loads the edition while it sets up the terminal; a name that is not there
    // is told at once instead, before the screen changes.
    if reads_in_the_terminal(&cli) && paths.iter().all(|path| path == "-" || path.exists()) {
        let loading = std::sync::Arc::new(edition::Loading::new(paths, options));
        return kanbao::tui::run_loading(loading, reader_options(&cli));
    }
    let edition = edition::load_with(&paths, &options)?;
    show(&cli, edition)
}

/// Whether `cli` asks for the reader, not for text on stdout.
fn reads_in_the_terminal(cli: &Cli) -> bool {
    !cli.json && !cli.toc && cli.dump.is_none() && std::io::stdout().is_terminal()
}

/// How the reader starts, from the flags.
fn reader_options(cli: &Cli) -> kanbao::tui::Options {
    kanbao::tui::Options {
        ambiguous: cli.ambiguous_width,
        merged: cli.merged,
        no_color: kanbao::tui::no_color_requested(),
        lang: cli.lang,
    }
}

/// Prints or reads `edition` as the flags ask; `archive` is the archive it is part of, with
/// its index there and the note for the reader's status line on how it was chosen.
fn show(cli: &Cli, edition: Edition) -> anyhow::Result<()> {
    if cli.json {
        return print_with(|out| {
            serde_json::to_writer_pretty(&mut *out, &edition)?;
            writeln!(out)
        });
    }
    if cli.toc {
        let lang = output_lang(cli);
        return print_with(|out| edition::write_toc_in(&edition, out, lang.strings().toc));
    }
    if let Some(id) = &cli.dump {
        return dump(&edition, id, cli.merged, &dump_layout(cli));
    }
    if std::io::stdout().is_terminal() {
        return kanbao::tui::run(edition, reader_options(cli));
    }
    dump(&edition, "", cli.merged, &dump_layout(cli))
}

/// The language of what is printed: `--lang`, else the config file's, else the locale's.
fn output_lang(cli: &Cli) -> Lang {
    (cli.lang.or(config_file_settings().lang)).unwrap_or_else(Lang::from_locale)
}

/// The config file's settings for printing. A file that cannot be read is told on stderr,
/// and the defaults are used.
fn config_file_settings() -> Config {
    match kanbao::app::config::config_file().map(|file| Config::load(&file)) {
        Some(Ok(config)) => config,
        Some(Err(error)) => {
            report(&format!("kanbao: the defaults are used: {error}"), false);
            Config::default()
        }
        None => Config::default(),
    }
}

/// How `--dump` lays text out: at `--width`, with the config file's punctuation and
/// ambiguous width, as the reader would show it; flags win over the file.
fn dump_layout(cli: &Cli) -> LayoutOptions {
    let config = config_file_settings();
    LayoutOptions {
        ambiguous: (cli.ambiguous_width.or(config.ambiguous_width)).unwrap_or_default(),
        punctuation: config.punctuation.unwrap_or_default(),
        ..LayoutOptions::new(cli.width.into())
    }
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

/// Whether stdout was closed when the process started (`kanbao --toc >&-`).
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Rust's runtime opens /dev/null in place of a closed stdout before `main`, which would make
/// `kanbao --toc >&-` print nothing and succeed. A constructor runs before the runtime and
/// records whether the descriptor was open; no crate does just this without a proc macro.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static RECORD_STDOUT_AT_START: extern "C" fn() = {
    extern "C" fn record() {
        // SAFETY: F_GETFD on a descriptor number only reads the descriptor table.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        STDOUT_CLOSED_AT_START.store(closed, Ordering::Relaxed);
    }
    record
};

/// Writes to stdout through a buffer; a closed pipe (`kanbao --json | head`) is not an error,
/// but a closed or unwritable stdout (`kanbao --toc >&-`) is: nothing would be printed.
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    // Rust's own stdout takes a closed descriptor for a sink that swallows everything; a
    // duplicate of it reports every failed write.
    if STDOUT_CLOSED_AT_START.load(Ordering::Relaxed) {
        anyhow::bail!("cannot write to stdout: it is closed");
    }
    let stdout = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map(std::fs::File::from)
        .context("cannot write to stdout")?;
    let mut stdout = BufWriter::new(stdout);
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result.context("cannot write to stdout")?),
    }
}
