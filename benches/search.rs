//! Searching the edition the way `/` does: the prompt opened, the query typed, Enter, which
//! finds every match and shows the first one ahead.

use divan::Bencher;

use kanbao::app::Action;

mod reader;

fn main() {
    divan::main();
}

/// A common word (thousands of matches in 1000 pages), a rarer phrase, a phrase that is not
/// there (the whole edition read with nothing to show), and Latin text that folds case and
/// width.
const QUERIES: [&str; 4] = ["发展", "数字化转型", "不存在的词语", "ＡＩ"];

fn search(bencher: Bencher, edition: &str, query: &str) {
    let mut app = reader::reader(reader::edition(edition));
    bencher.bench_local(|| {
        reader::search(&mut app, query);
        // Back where it started, so that every search starts from the same place.
        app.update(Action::Back);
    });
}

/// The built-in edition.
#[divan::bench(args = QUERIES)]
fn builtin(bencher: Bencher, query: &str) {
    search(bencher, "builtin", query);
}

/// A 1000-page edition, about 10 MB of text.
#[divan::bench(args = QUERIES)]
fn pages_1000(bencher: Bencher, query: &str) {
    search(bencher, "1000 pages", query);
}
