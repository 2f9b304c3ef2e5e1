//! The document model of an edition. Field names are the contract of `--json`.

use serde::{Deserialize, Serialize};

/// One day's edition: its pages in reading order, and every repair the parser made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    /// The newspaper's name, when the source names it.
    pub paper: Option<String>,
    /// The edition's date, "YYYY-MM-DD", when the source gives it.
    pub date: Option<String>,
    /// The paper's pages for the day, from a navigation list; empty when unknown. A listed
    /// page need not be loaded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_list: Vec<ListedPage>,
    /// Pages (版) in reading order.
    pub pages: Vec<Page>,
    /// Every repair and every dropped piece of text, one human-readable line each.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// A page named in the paper's list of pages for the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedPage {
    /// The page number: 4 for 04版 or A04.
    pub number: u32,
    /// The page's label as listed, e.g. "01版".
    pub label: String,
    /// The section the list names, e.g. "要闻".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// One printed page (版).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// The page number: 4 for 第四版 or A04版.
    pub number: u32,
    /// The page's label as shown to a reader, e.g. "第一版".
    pub label: String,
    /// The section name from the page header, e.g. "要闻".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Articles (or article parts) in reading order.
    pub articles: Vec<Article>,
}

/// One story, or the part of a story printed on one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// "page-ordinal", e.g. "1-3" for the third article on page 1.
    pub id: String,
    /// Column banner (栏目).
    pub column: Option<String>,
    /// Kicker (引题).
    pub kicker: Option<String>,
    /// Headline (主题).
    pub headline: Option<String>,
    /// Subtitle (副题).
    pub subtitle: Option<String>,
    /// Byline, e.g. "□青岛日报/观海新闻记者 吴 帅".
    pub byline: Option<String>,
    /// The title shown in lists: the headline, else the subtitle, else the body's first sentence.
    pub title: String,
    /// True when `title` is not the printed headline.
    #[serde(default)]
    pub title_inferred: bool,
    /// The body: paragraphs and subheads in reading order.
    pub blocks: Vec<Block>,
    /// Photo captions, labels read off photos, and image descriptions.
    pub captions: Vec<Caption>,
    /// Where the story continues (下转).
    pub jump_to: Option<Jump>,
    /// Where the story comes from (上接).
    pub jump_from: Option<Jump>,
    /// The id of an earlier listing whose whole text this one repeats: the e-paper's way of
    /// carrying a continued story on both pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<String>,
}

/// A link to the other part of a continued story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jump {
    /// The page the marker names.
    pub page: u32,
    /// The linked part's id; `None` when that page is not in the edition or no part matches.
    pub article: Option<String>,
}

/// A unit of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The source's text, repaired but not rewritten.
    pub text: String,
}

/// The kinds of body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// An ordinary paragraph.
    Paragraph,
    /// A subhead (小标题) inside the body.
    Subhead,
}

/// Text that belongs to a picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// What kind of caption this is.
    pub kind: CaptionKind,
    /// The caption's text.
    pub text: String,
}

/// The kinds of caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaptionKind {
    /// A photo caption printed under the picture.
    Photo,
    /// Text read off inside the picture.
    Label,
    /// A description of the picture (often English, from an image model).
    Description,
}

impl Edition {
    /// Finds an article by its id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.pages
            .iter()
            .flat_map(|page| &page.articles)
            .find(|article| article.id == id)
    }

    /// Finds a page by its number.
    pub fn page(&self, number: u32) -> Option<&Page> {
        self.pages.iter().find(|page| page.number == number)
    }
}

impl Article {
    /// True when this listing repeats the whole text of an earlier one ([`Article::repeat_of`]):
    /// reading in order, search and merged reading pass over it.
    pub fn is_repeat(&self) -> bool {
        self.repeat_of.is_some()
    }

    /// The heading group as printed, in order: column, kicker, headline, subtitle, byline.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        [
            &self.column,
            &self.kicker,
            &self.headline,
            &self.subtitle,
            &self.byline,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    }
}

/// The label a page number is printed with: 1 → "第一版", 12 → "第十二版".
pub fn page_label(number: u32) -> String {
    format!("第{}版", chinese_numeral(number))
}

/// Writes a number in Chinese numerals as page labels use them (1–9999).
pub fn chinese_numeral(number: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if number == 0 || number > 9999 {
        return number.to_string();
    }
    let units = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = number;
    let mut pending_zero = false;
    for (value, unit) in units {
        let digit = rest / value;
        rest %= value;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(value == 10 && digit == 1 && out.is_empty()) {
            out.push(DIGITS[digit as usize]);
        }
        out.push(unit);
    }
    if rest > 0 {
        if pending_zero {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_labels_read_as_printed() {
        assert_eq!(page_label(1), "第一版");
        assert_eq!(page_label(4), "第四版");
        assert_eq!(page_label(10), "第十版");
        assert_eq!(page_label(12), "第十二版");
        assert_eq!(page_label(20), "第二十版");
        assert_eq!(page_label(105), "第一百零五版");
    }
}
