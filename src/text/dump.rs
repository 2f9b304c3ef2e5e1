//! The text `kanbao --dump` prints.

use crate::edition::Article;

use super::{LayoutOptions, MIN_WIDTH, char_width, layout_article};

/// The character the rule between articles is drawn with.
const RULE: char = '─';

/// The articles laid out as the article pane shows them, without borders or colour: the lines
/// of each, and between two articles a blank line, a rule as wide as the layout, and a blank
/// line. Every line ends with a newline.
pub fn dump<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    options: &LayoutOptions,
) -> String {
    let width = options.width.max(MIN_WIDTH);
    let rule: String =
        std::iter::repeat_n(RULE, width / char_width(RULE, options.ambiguous)).collect();
    let mut out = String::new();
    for (number, article) in articles.into_iter().enumerate() {
        if number > 0 {
            out.push('\n');
            out.push_str(&rule);
            out.push_str("\n\n");
        }
        for line in layout_article(article, options) {
            out.push_str(&line.text);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Jump;
    use crate::text::AmbiguousWidth;

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
}
