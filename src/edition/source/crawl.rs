//! Article files as e-paper crawlers save them: line 1 the kicker (引题), line 2 the headline
//! (主题), line 3 the subtitle (副题), each line empty where the story has none; then the body,
//! one paragraph a line.

use super::super::classify::at_most_chars;
use super::{ArticleFile, Heads, lines, trim_layout};

/// Reads a crawled article file's heads and body lines.
pub fn read(text: &str) -> ArticleFile {
    let (heads, body) = read_borrowed(text);
    ArticleFile {
        heads,
        body: body.map_or_else(Vec::new, |body| lines(body).map(str::to_owned).collect()),
        ..ArticleFile::default()
    }
}

/// [`read`], the body left in `text` rather than copied into the file: the text after the
/// third line, or `None` when there is no line after it.
pub(super) fn read_borrowed(text: &str) -> (Heads, Option<&str>) {
    let mut rest = Some(text);
    let mut heads = [None, None, None];
    for head in &mut heads {
        let Some(text) = rest else { break };
        let (line, after) = text
            .split_once('\n')
            .map_or((text, None), |(line, after)| (line, Some(after)));
        rest = after;
        *head = Some(trim_layout(line))
            .filter(|line| !line.is_empty())
            .map(str::to_owned);
    }
    let [kicker, headline, subtitle] = heads;
    let heads = Heads {
        kicker,
        headline,
        subtitle,
        ..Heads::default()
    };
    (heads, rest)
}

/// True when `text` is shaped like a crawled article: at least a headline line, and
/// nothing before it longer than a heading.
pub fn fits(text: &str) -> bool {
    let mut lines = lines(text).map(trim_layout);
    let kicker = lines.next().unwrap_or_default();
    let headline = lines.next().unwrap_or_default();
    at_most_chars(kicker, super::MAX_HEAD_CHARS)
        && !headline.is_empty()
        && at_most_chars(headline, super::MAX_HEAD_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_three_lines_are_the_heads() {
        let file = read("\n全国工业机器人技术应用技能大赛开赛\n\n\u{3000}\u{3000}正文。\n");
        assert_eq!(file.heads.kicker, None);
        assert_eq!(
            file.heads.headline.as_deref(),
            Some("全国工业机器人技术应用技能大赛开赛")
        );
        assert_eq!(file.heads.subtitle, None);
        assert_eq!(file.body, ["\u{3000}\u{3000}正文。", ""]);
    }
}
