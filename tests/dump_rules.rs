//! The built-in edition, dumped at every width a reader might use, keeps every layout rule.

mod common;

use kanbao::edition::{self, Article};
use kanbao::text::{AmbiguousWidth, LayoutOptions, dump, layout_article, str_width};

fn articles(edition: &edition::Edition) -> Vec<&Article> {
    edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .collect()
}

#[test]
fn the_built_in_edition_keeps_every_rule_from_12_to_200_columns() {
    let edition = edition::builtin();
    let articles = articles(&edition);
    assert!(articles.len() > 1, "the built-in edition has its articles");
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for width in 12..=200 {
            let options = LayoutOptions {
                ambiguous,
                ..LayoutOptions::new(width)
            };
            for line in dump(articles.iter().copied(), &options).lines() {
                assert!(str_width(line, ambiguous) <= width, "{width}: {line:?}");
            }
            for article in &articles {
                let lines = layout_article(article, &options);
                common::check_layout(article, &options, &lines);
                // The seed never needs a forced break at these widths: no exceptions at all.
                for line in &lines {
                    let prefix = line.source.map_or(0, |source| source.prefix);
                    let shown: Vec<char> = line.text.chars().skip(prefix).collect();
                    let (Some(&first), Some(&last)) = (shown.first(), shown.last()) else {
                        continue;
                    };
                    assert!(
                        !common::LINE_START_PROHIBITED.contains(first)
                            && !common::LINE_END_PROHIBITED.contains(last),
                        "{width} {ambiguous:?} {}: {:?}",
                        article.id,
                        line.text
                    );
                }
            }
        }
    }
}
