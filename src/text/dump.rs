//! The text `kanbao --dump` prints.

use std::io::{self, Write};

use std::collections::HashMap;

use crate::edition::{Article, Edition, Page};

use super::{LayoutOptions, MIN_WIDTH, char_width, layout_story};

/// The character the rule between articles is drawn with.
const RULE: char = '─';

/// The articles laid out as the article pane shows them, without borders or colour: the lines
/// of each, and between two articles a blank line, a rule as wide as the layout, and a blank
/// line. Every line ends with a newline.
pub fn dump<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    options: &LayoutOptions,
) -> String {
    dump_stories(articles.into_iter().map(|article| [article]), options)
}

/// As [`dump`], with each story's parts laid out as one text, as merged reading shows them
/// (see [`layout_story`]).
pub fn dump_stories<'a, Parts: AsRef<[&'a Article]>>(
    stories: impl IntoIterator<Item = Parts>,
    options: &LayoutOptions,
) -> String {
    let mut out = Vec::new();
    write_stories(stories, options, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("laid-out lines are UTF-8")
}

/// Writes what [`dump_stories`] returns to `out` a line at a time, so an edition of any size
/// is printed without being held twice.
pub fn write_stories<'a, Parts: AsRef<[&'a Article]>>(
    stories: impl IntoIterator<Item = Parts>,
    options: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = options.width.max(MIN_WIDTH);
    let rule: String =
        std::iter::repeat_n(RULE, width / char_width(RULE, options.ambiguous)).collect();
    for (number, parts) in stories.into_iter().enumerate() {
        if number > 0 {
            writeln!(out, "\n{rule}\n")?;
        }
        for line in layout_story(parts.as_ref(), options) {
            writeln!(out, "{}", line.text)?;
        }
    }
    Ok(())
}

/// The line that names a page before its first story in [`write_edition`]: "== 第一版 要闻 ==".
pub fn page_heading(page: &Page) -> String {
    match &page.section {
        Some(section) => format!("== {} {section} ==", page.label),
        None => format!("== {} ==", page.label),
    }
}

/// As [`write_stories`], for stories of `edition` in the order given, with a
/// [`page_heading`] line and a blank line before the first story of each page (a story's
/// page is its first part's), so that a pipe can tell the pages apart.
pub fn write_edition<'a, Parts: AsRef<[&'a Article]>>(
    edition: &'a Edition,
    stories: impl IntoIterator<Item = Parts>,
    options: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let page_of: HashMap<*const Article, &Page> = (edition.pages.iter())
        .flat_map(|page| {
            page.articles
                .iter()
                .map(move |article| (std::ptr::from_ref(article), page))
        })
        .collect();
    let width = options.width.max(MIN_WIDTH);
    let rule: String =
        std::iter::repeat_n(RULE, width / char_width(RULE, options.ambiguous)).collect();
    let mut last_page: Option<*const Page> = None;
    for (number, parts) in stories.into_iter().enumerate() {
        if number > 0 {
            writeln!(out, "\n{rule}\n")?;
        }
        let page =
            (parts.as_ref().first()).and_then(|first| page_of.get(&std::ptr::from_ref(*first)));
        if let Some(page) = page
            && last_page != Some(std::ptr::from_ref(*page))
        {
            writeln!(out, "{}\n", page_heading(page))?;
            last_page = Some(std::ptr::from_ref(*page));
        }
        for line in layout_story(parts.as_ref(), options) {
            writeln!(out, "{}", line.text)?;
        }
    }
    Ok(())
}

/// [`write_edition`] of every article of `edition`, each on its own, as a string.
pub fn dump_edition(edition: &Edition, options: &LayoutOptions) -> String {
    let articles = edition.pages.iter().flat_map(|page| &page.articles);
    let mut out = Vec::new();
    write_edition(
        edition,
        articles.map(|article| [article]),
        options,
        &mut out,
    )
    .expect("writing to memory does not fail");
    String::from_utf8(out).expect("laid-out lines are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Jump;
    use crate::text::{AmbiguousWidth, layout_article};

    fn article(headline: &str) -> Article {
        Article {
            headline: Some(headline.into()),
            jump_to: Some(Jump {
                page: 4,
                article: None,
            }),
            ..Article::default()
        }
    }

    #[test]
    fn articles_are_separated_by_a_rule_as_wide_as_the_layout() {
        let (first, second) = (article("数字青岛"), article("双星"));
        let out = dump([&first, &second], &LayoutOptions::new(14));
        assert_eq!(
            out,
            "数字青岛\n\n（下转第四版）\n\n──────────────\n\n双星\n\n（下转第四版）\n"
        );
    }

    #[test]
    fn the_rule_is_measured_with_the_ambiguous_setting() {
        let options = LayoutOptions {
            ambiguous: AmbiguousWidth::Wide,
            ..LayoutOptions::new(9)
        };
        let out = dump([&article("会议"), &article("指出")], &options);
        assert!(out.contains("\n────\n"), "{out}");
        assert!(!out.contains("─────"), "{out}");
    }

    #[test]
    fn a_dump_shows_the_lines_the_reader_shows() {
        let only = article("打造130座“亿元楼”，加速城市产业垂直生长");
        let options = LayoutOptions::new(12);
        let lines: Vec<String> = layout_article(&only, &options)
            .into_iter()
            .map(|line| line.text + "\n")
            .collect();
        assert_eq!(dump([&only], &options), lines.concat());
        assert_eq!(dump([], &options), "");
    }

    #[test]
    fn a_merged_dump_prints_a_story_once_with_its_seam() {
        let mut front = article("数字青岛");
        front.jump_to = Some(Jump {
            page: 4,
            article: Some("4-1".into()),
        });
        let back = Article {
            blocks: vec![crate::edition::Block {
                kind: crate::edition::BlockKind::Paragraph,
                text: "建设".into(),
            }],
            jump_from: Some(Jump {
                page: 1,
                article: Some("1-1".into()),
            }),
            ..Article::default()
        };
        let lone = article("双星");
        let out = dump_stories([vec![&front, &back], vec![&lone]], &LayoutOptions::new(14));
        assert_eq!(
            out,
            "数字青岛\n\n── 接第四版 ──\n\n\u{3000}\u{3000}建设\n\n──────────────\n\n双星\n\n（下转第四版）\n"
        );
    }

    #[test]
    fn the_edition_dump_names_each_page_before_its_first_article() {
        let edition = crate::edition::builtin();
        let text = dump_edition(&edition, &LayoutOptions::new(40));
        let headings: Vec<&str> = text
            .lines()
            .filter(|line| line.starts_with("== "))
            .collect();
        let pages: Vec<String> = edition.pages.iter().map(page_heading).collect();
        assert_eq!(headings, pages);
        assert!(text.starts_with(&format!("{}\n\n", pages[0])));
    }
}
