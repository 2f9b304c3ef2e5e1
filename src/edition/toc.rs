//! The table of contents printed by `--toc`.
//!
//! ```text
//! 某某日报 2019-10-30
//! 第一版  1-1  ~市领导出席会议并讲话
//! 第一版  1-2  ~清晨六点，码头已经忙碌。  →4 ?
//! 第一版  1-3   老街巷里的新生活
//! ```
//! The first line names the paper and the date, as far as the edition knows them (none
//! when it knows neither). A `~` before a title marks one taken from the text because the story has no printed
//! headline. Jumps read `→4` (continued on page 4) and `←1` (continued from page 1),
//! followed by the linked part's id, or `?` while it is not linked. `=1-2` marks a listing
//! that repeats article 1-2 in full (the e-paper's way of carrying a story on two pages).

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{Article, Edition, Jump};

/// Titles wider than this many cells are cut with an ellipsis.
const TITLE_MAX_WIDTH: usize = 48;
/// Marks a title taken from the text rather than printed as a headline.
const INFERRED_MARK: &str = "~";
/// Shown for a story with nothing to title it.
const NO_TITLE: &str = "（无题）";
const GAP: &str = "  ";
/// Marks a listing that repeats an earlier one, before that listing's id.
const REPEAT_MARK: &str = "=";

/// The words of the table's last lines, which say what its marks mean and how many warnings
/// there are, in one language.
#[derive(Debug)]
pub struct TocWords {
    /// After `~`: what a title so marked is.
    pub inferred_legend: &'static str,
    /// After `=ID`: what a listing so marked is.
    pub repeat_legend: &'static str,
    /// The line that counts the warnings.
    pub warnings: fn(usize) -> String,
}

/// The table's words in English.
pub static ENGLISH: TocWords = TocWords {
    inferred_legend: " title taken from the text: no printed headline",
    repeat_legend: "ID listed again in full: the story of article ID, read once",
    warnings: |count| match count {
        0 => "no warnings".to_owned(),
        1 => "1 warning (see --json)".to_owned(),
        count => format!("{count} warnings (see --json)"),
    },
};

/// The paper and date, when known; one line per article: page, id, title (marked when
/// inferred), jumps; then the warnings count.
pub fn toc(edition: &Edition) -> String {
    let mut out = Vec::new();
    write_toc(edition, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the table is UTF-8")
}

/// Writes what [`toc`] returns to `out` a line at a time: an edition of hundreds of
/// thousands of articles is listed without holding the table in memory.
pub fn write_toc(edition: &Edition, out: &mut dyn Write) -> io::Result<()> {
    write_toc_in(edition, out, &ENGLISH)
}

/// [`write_toc`], its last lines in `words`.
pub fn write_toc_in(edition: &Edition, out: &mut dyn Write, words: &TocWords) -> io::Result<()> {
    let masthead: Vec<&str> = [edition.paper.as_deref(), edition.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !masthead.is_empty() {
        writeln!(out, "{}", masthead.join(" "))?;
    }
    let pages = || (edition.pages.iter()).filter(|page| !page.articles.is_empty());
    // Columns are as wide as their widest cell, so the cells are measured first; they are
    // borrowed from the edition where they can be, not made twice.
    let [mut label_column, mut id_column, mut title_column] = [0; 3];
    for page in pages() {
        label_column = label_column.max(page.label.width());
        for article in &page.articles {
            id_column = id_column.max(article.id.width());
            title_column = title_column.max(title_cell(article).width);
        }
    }
    let mut line = String::new();
    for page in pages() {
        let label_width = page.label.width();
        for article in &page.articles {
            let title = title_cell(article);
            line.clear();
            push_cell(&mut line, &page.label, label_width, label_column);
            push_cell(&mut line, &article.id, article.id.width(), id_column);
            line.push_str(title.mark);
            push_cell(&mut line, &title.text, title.width, title_column);
            line.push_str(&jumps(article));
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    if edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .any(|article| article.title_inferred)
    {
        writeln!(out, "{INFERRED_MARK}{}", words.inferred_legend)?;
    }
    if edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .any(Article::is_repeat)
    {
        writeln!(out, "{REPEAT_MARK}{}", words.repeat_legend)?;
    }
    writeln!(out, "{}", (words.warnings)(edition.warnings.len()))
}

/// `cell` and the spaces that fill its column of `column` cells to the gap after it.
/// `width` is the width the cell takes there, marks before it included.
fn push_cell(line: &mut String, cell: &str, width: usize, column: usize) {
    line.push_str(cell);
    line.extend(std::iter::repeat_n(' ', column.saturating_sub(width)));
    line.push_str(GAP);
}

/// An article's cell in the title column: a mark, then the title as it fits.
struct TitleCell<'a> {
    mark: &'static str,
    text: Cow<'a, str>,
    /// The cell's width, its mark included.
    width: usize,
}

fn title_cell(article: &Article) -> TitleCell<'_> {
    let mark = if article.title_inferred {
        INFERRED_MARK
    } else {
        " "
    };
    let title = if article.title.is_empty() {
        NO_TITLE
    } else {
        article.title.as_str()
    };
    let (text, width) = fit(title, TITLE_MAX_WIDTH);
    TitleCell {
        mark,
        text,
        width: mark.width() + width,
    }
}

/// `text` cut to `max_width` cells, an ellipsis marking the cut, and its width.
fn fit(text: &str, max_width: usize) -> (Cow<'_, str>, usize) {
    let width = text.width();
    if width <= max_width {
        return (Cow::Borrowed(text), width);
    }
    let mut fitted = String::new();
    let mut width = 0;
    for c in text.chars() {
        let char_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + char_width + 1 > max_width {
            break;
        }
        fitted.push(c);
        width += char_width;
    }
    fitted.push('…');
    let width = fitted.width();
    (Cow::Owned(fitted), width)
}

fn jumps(article: &Article) -> String {
    let describe = |arrow: char, jump: &Jump| match &jump.article {
        Some(id) => format!("{arrow}{} ({id})", jump.page),
        None => format!("{arrow}{} ?", jump.page),
    };
    let from = article.jump_from.as_ref().map(|jump| describe('←', jump));
    let to = article.jump_to.as_ref().map(|jump| describe('→', jump));
    let repeat = (article.repeat_of.as_ref()).map(|id| format!("{REPEAT_MARK}{id}"));
    [repeat, from, to]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(GAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Page;

    fn article(id: &str, title: &str, inferred: bool) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            title_inferred: inferred,
            ..Article::default()
        }
    }

    fn edition(articles: Vec<Article>, warnings: usize) -> Edition {
        Edition {
            pages: vec![Page {
                number: 1,
                label: "第一版".into(),
                section: None,
                articles,
            }],
            warnings: vec!["w".into(); warnings],
            ..Edition::default()
        }
    }

    #[test]
    fn columns_align_by_display_width() {
        let mut linked = article("1-2", "ab", false);
        linked.jump_to = Some(Jump {
            page: 4,
            article: None,
        });
        let toc = toc(&edition(vec![article("1-1", "中文标题", false), linked], 0));
        let lines: Vec<&str> = toc.lines().collect();
        assert_eq!(lines[0], "第一版  1-1   中文标题");
        assert_eq!(lines[1], "第一版  1-2   ab        →4 ?");
        assert_eq!(lines[2], "no warnings");
    }

    #[test]
    fn the_paper_and_date_head_the_table_as_far_as_they_are_known() {
        let mut known = edition(vec![article("1-1", "标题", false)], 0);
        assert!(toc(&known).starts_with("第一版  1-1"));
        known.date = Some("2019-10-30".into());
        assert!(toc(&known).starts_with("2019-10-30\n第一版  1-1"));
        known.paper = Some("某某日报".into());
        assert!(toc(&known).starts_with("某某日报 2019-10-30\n第一版  1-1"));
    }

    #[test]
    fn inferred_titles_are_marked_and_explained() {
        let toc = toc(&edition(vec![article("1-1", "第一句。", true)], 2));
        assert!(toc.starts_with("第一版  1-1  ~第一句。\n"));
        assert!(toc.contains("~ title taken from the text"));
        assert!(toc.ends_with("2 warnings (see --json)\n"));
    }

    #[test]
    fn resolved_and_unresolved_jumps_read_differently() {
        let mut part = article("4-3", "续", false);
        part.jump_from = Some(Jump {
            page: 1,
            article: Some("1-2".into()),
        });
        part.jump_to = Some(Jump {
            page: 5,
            article: None,
        });
        assert_eq!(jumps(&part), "←1 (1-2)  →5 ?");
    }

    #[test]
    fn long_titles_are_cut_to_the_column() {
        let title = "很".repeat(40);
        let (fitted, width) = fit(&title, TITLE_MAX_WIDTH);
        assert!(fitted.width() <= TITLE_MAX_WIDTH && width == fitted.width());
        assert!(fitted.ends_with('…'));
        assert_eq!(fit("短", TITLE_MAX_WIDTH), (Cow::Borrowed("短"), 2));
    }
}
