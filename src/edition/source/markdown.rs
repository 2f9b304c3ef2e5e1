//! Markdown article files with YAML front matter, as archives write them:
//!
//! ```text
//! ---
//! title: 标题
//! author:
//!   - 刘钊
//! date: 2026-06-05
//! page: 一版
//! theme: 要闻
//! column:
//! ---
//! 正文，一段一行。
//! ```
//!
//! Only the flat subset of YAML such files use is read: `key: value`, quoted or not, and
//! lists of `- item` lines under a key.

use super::{ArticleFile, lines};

/// The front matter's fields and the body after it, or `None` when `text` has no front
/// matter.
pub fn read(text: &str) -> Option<ArticleFile> {
    let (mut file, body) = read_borrowed(text)?;
    file.body = lines(body).map(str::to_owned).collect();
    Some(file)
}

/// [`read`], the body (the text after the front matter) left in `text` rather than copied
/// into the file.
pub(super) fn read_borrowed(text: &str) -> Option<(ArticleFile, &str)> {
    let (fields, body) = front_matter(text)?;
    let mut file = ArticleFile::default();
    let mut unused = Vec::new();
    for (key, values) in fields {
        let joined = (!values.is_empty()).then(|| values.join(" "));
        match key.as_str() {
            "title" => file.heads.headline = joined,
            "kicker" | "pretitle" | "引题" => file.heads.kicker = joined,
            "subtitle" | "副题" => file.heads.subtitle = joined,
            "author" | "authors" | "byline" => file.author = joined,
            "column" | "columns" => file.heads.column = joined,
            "theme" | "section" => file.theme = joined,
            "source" | "paper" | "newspaper" => file.paper = joined,
            "date" => file.date = joined,
            "page" => file.page = joined,
            _ => {
                if let Some(value) = joined {
                    unused.push(format!("{key}: {value}"));
                }
            }
        }
    }
    file.unused = unused;
    Some((file, body))
}

/// A front matter key and its values.
type Field = (String, Vec<String>);

/// The fields of the front matter that opens `text`, in order, each with its values, and
/// the text after it.
fn front_matter(text: &str) -> Option<(Vec<Field>, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']).strip_prefix('\n')?;
    let mut fields: Vec<Field> = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some((fields, &rest[offset..]));
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let item = line.trim_start().strip_prefix('-');
        match (item, fields.last_mut()) {
            (Some(item), Some((_, values))) if line.starts_with([' ', '\t', '-']) => {
                let item = unquote(item.trim());
                if !item.is_empty() {
                    values.push(item.to_owned());
                }
            }
            _ => {
                let (key, value) = line.split_once(':')?;
                let value = unquote(value.trim());
                let values = match value {
                    "" | "~" | "null" | "[]" => Vec::new(),
                    // A flow list: [a, b].
                    _ if value.starts_with('[') && value.ends_with(']') => value
                        [1..value.len() - 1]
                        .split(',')
                        .map(|item| unquote(item.trim()).to_owned())
                        .filter(|item| !item.is_empty())
                        .collect(),
                    _ => vec![value.to_owned()],
                };
                fields.push((key.trim().to_owned(), values));
            }
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_fill_the_heads() {
        let text = "---\ntype: 报道\ntitle: \"标题\"\nauthor:\n  - 刘钊\n  - 张宣\ndate: 2026-06-05\n\
                    theme: 要闻\ncolumn: \nregion:\n---\n\n正文。\n";
        let file = read(text).unwrap();
        assert_eq!(file.heads.headline.as_deref(), Some("标题"));
        assert_eq!(file.author.as_deref(), Some("刘钊 张宣"));
        assert_eq!(file.heads.column, None);
        assert_eq!(file.theme.as_deref(), Some("要闻"));
        assert_eq!(file.date.as_deref(), Some("2026-06-05"));
        assert_eq!(file.unused, ["type: 报道"]);
        assert_eq!(file.body, ["", "正文。", ""]);
    }

    #[test]
    fn text_without_a_closed_front_matter_has_none() {
        assert!(read("---\ntitle: 标题\n正文").is_none());
        assert!(read("正文\n---\n").is_none());
    }
}
