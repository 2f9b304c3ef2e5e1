//! Page furniture: the lines around the stories that are not stories. A date-and-paper
//! line, a page header with site links on it, a list of the day's pages, a site menu, a
//! copyright footer, a breadcrumb. They give the edition its paper and date and a page its
//! number, or are dropped; none of them is an article.

use std::sync::LazyLock;

use super::ListedPage;
use super::classify::{ends_sentence, is_byline, is_cjk, is_photo_credit};
use super::markers::{PageHeader, parse_page_header};

/// What a furniture line says about the edition, if anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    /// The issue date it names, "YYYY-MM-DD".
    pub date: Option<String>,
    /// The paper it names.
    pub paper: Option<String>,
    /// The page it names, as a header would.
    pub header: Option<PageHeader>,
    /// The day's pages it lists.
    pub pages: Vec<ListedPage>,
    /// True for a web page's breadcrumb trail, which stands right above the article.
    pub breadcrumb: bool,
}

impl Furniture {
    /// True when the line says nothing the model keeps: it is only dropped.
    pub fn is_junk(&self) -> bool {
        self.date.is_none()
            && self.paper.is_none()
            && self.header.is_none()
            && self.pages.is_empty()
    }
}

/// Longest line read as furniture.
const FURNITURE_MAX_CHARS: usize = 90;
/// Longest paper name on a date line.
const PAPER_MAX_CHARS: usize = 10;

/// The words of a site's or e-paper's interface: turning pages, zoom, print, share, search,
/// fonts, reading aloud, skip links, channel menus. A line made of these alone is furniture.
const INTERFACE_WORDS: &[&str] = &[
    "上一版",
    "下一版",
    "上一期",
    "下一期",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "上一條",
    "下一條",
    "上一条",
    "下一条",
    "上篇",
    "下篇",
    "上一版面",
    "下一版面",
    "版面导航",
    "版面導航",
    "放大",
    "缩小",
    "縮小",
    "默认",
    "默認",
    "收藏",
    "打印",
    "列印",
    "推荐",
    "推薦",
    "更多功能",
    "关闭",
    "關閉",
    "返回",
    "返回目录",
    "返回顶部",
    "首页",
    "首頁",
    "主页",
    "主頁",
    "目录",
    "目錄",
    "分享",
    "分享到",
    "论坛",
    "博客",
    "PDF版",
    "PDF",
    "版",
    "字体",
    "字體",
    "字号",
    "朗读",
    "朗讀",
    "新闻搜索",
    "新聞搜索",
    "搜索",
    "搜尋",
    "展开通版",
    "收缩通版",
    "通版",
    "阅读",
    "閱讀",
    "请点击",
    "請點擊",
    "我的頻道",
    "我的频道",
    "聽新聞",
    "听新闻",
    "設定",
    "设置",
    "恢復預設",
    "恢复默认",
    "確定",
    "确定",
    "arrow",
    "全站熱搜",
    "全站热搜",
    "扫一扫",
    "掃一掃",
    "二维码",
    "二維碼",
    "微信",
    "微博",
    "手机版",
    "手機版",
    "往期回顾",
    "往期回顧",
    "电子版",
    "電子版",
    "评论",
    "評論",
    "登录",
    "登錄",
    "注册",
    "註冊",
    "回到顶部",
    "打印本页",
    "date",
    "Date",
    "关闭窗口",
    "關閉窗口",
    "点击",
    "點擊",
    "查看",
    "大图",
    "大圖",
];

/// Labels of fields a site prints about a page or a story, followed by their value.
const FIELD_LABELS: &[&str] = &[
    "来源",
    "來源",
    "发布时间",
    "發布時間",
    "发布日期",
    "發布日期",
    "发表时间",
    "更新时间",
    "更新時間",
    "当前版",
    "當前版",
    "版面",
    "编辑",
    "編輯",
    "责任编辑",
    "責任編輯",
    "责编",
    "責編",
    "上一日",
    "下一日",
    "浏览次数",
    "瀏覽次數",
    "点击数",
];

/// Labels whose value a site may print on the next line ("作者:" / "张三").
const LABELS_WITH_VALUE: &[&str] = &[
    "作者",
    "來源",
    "来源",
    "编辑",
    "編輯",
    "责任编辑",
    "責任編輯",
    "责编",
    "責編",
    "记者",
    "記者",
];

/// True for a field's label with its value still to come: "作者:", "来源：".
pub fn is_value_label(line: &str) -> bool {
    let line = line.trim();
    line.strip_suffix([':', '：'])
        .is_some_and(|label| LABELS_WITH_VALUE.contains(&label.trim()))
}

/// Words of a copyright footer or a site's legal line.
const FOOTER_WORDS: &[&str] = &[
    "版权所有",
    "版權所有",
    "Copyright",
    "copyright",
    "©",
    "ICP备",
    "ICP證",
    "ICP证",
    "All Rights",
    "未经授权",
    "未經授權",
    "违法和不良信息",
    "举报电话",
    "舉報電話",
    "留言板",
    "最佳瀏覽",
    "最佳浏览",
];

/// Reads `line` as furniture; `None` when it is (or may be) part of a story.
pub fn read_furniture(line: &str) -> Option<Furniture> {
    let line = line.trim();
    // Cheapest tests first: most lines are sentences, and furniture ends none.
    if line.is_empty() || line.len() > FURNITURE_MAX_CHARS * 4 || ends_sentence(line) {
        return None;
    }
    // Sentences and long lines are no furniture; of lines with a clause mark only a footer.
    let count = line.bytes().filter(|&b| (b & 0xC0) != 0x80).count();
    if count > FURNITURE_MAX_CHARS || line.contains('。') {
        return None;
    }
    let footer_char = line.chars().any(is_footer_start);
    if !footer_char && (line.contains('，') || line.contains('；')) {
        return None;
    }
    let furniture = read_line(line, footer_char)?;
    // A byline or a photo credit is the story's, whatever else it looks like.
    (!is_byline(line) && !is_photo_credit(line)).then_some(furniture)
}

/// True for a first character of a footer word.
fn is_footer_start(c: char) -> bool {
    matches!(
        c,
        '版' | 'C' | 'c' | '©' | 'I' | 'A' | '未' | '违' | '举' | '舉' | '留' | '最'
    )
}

fn read_line(line: &str, may_be_footer: bool) -> Option<Furniture> {
    if may_be_footer && FOOTER_WORDS.iter().any(|word| line.contains(word)) {
        return Some(Furniture::default());
    }
    let arrowed = line.as_bytes().contains(&b'>') || line.contains('»') || line.contains('＞');
    if arrowed && is_breadcrumb(line) {
        return Some(breadcrumb(line));
    }
    let spaced = line.as_bytes().contains(&b' ') || line.contains('\u{3000}');
    if is_page_id(line) || (spaced && is_menu(line)) {
        return Some(Furniture::default());
    }
    if spaced && let Some(pages) = page_list(line) {
        return Some(Furniture {
            pages,
            ..Furniture::default()
        });
    }
    tokens(line).or_else(|| is_signature(line).then(Furniture::default))
}

/// Most words of a line of Latin letters and signs read as a site's signature.
const SIGNATURE_MAX_WORDS: usize = 4;

/// True for a short line with no Chinese and no sentence: an error code, a server's name,
/// a masthead's Latin letters, a lone sign ("503 Service Unavailable", "nginx/1.18.0", "|").
fn is_signature(line: &str) -> bool {
    !line.chars().any(is_cjk)
        && line.split_whitespace().count() <= SIGNATURE_MAX_WORDS
        && !line.ends_with(['.', '!', '?'])
}

/// True for a breadcrumb: parts joined by ">" or "»", "首页 > 要闻", "某某日报>20240305".
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['>', '»', '＞'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() >= 2
        && line.contains(['>', '»', '＞'])
        && parts
            .iter()
            .all(|part| part.chars().count() <= 16 && !part.contains(['。', '，']))
}

/// A breadcrumb's paper and date, when one of its parts names them.
fn breadcrumb(line: &str) -> Furniture {
    let mut furniture = Furniture {
        breadcrumb: true,
        ..Furniture::default()
    };
    for part in line.split(['>', '»', '＞']).map(str::trim) {
        if let Some(date) = whole_date(part) {
            furniture.date.get_or_insert(date);
        } else if is_paper_name(part) {
            furniture.paper.get_or_insert(part.to_owned());
        }
    }
    furniture
}

/// A part that is a date and nothing else: "2024-03-05", "20240305".
fn whole_date(part: &str) -> Option<String> {
    if let Some((date, rest)) = leading_date(part)
        && rest.trim().is_empty()
    {
        return Some(date);
    }
    let compact = part.len() == 8 && part.bytes().all(|b| b.is_ascii_digit());
    let (year, month, day) = (&part.get(..4)?, &part.get(4..6)?, &part.get(6..)?);
    let in_range = |text: &str, range: std::ops::RangeInclusive<u32>| {
        text.parse().is_ok_and(|n: u32| range.contains(&n))
    };
    (compact && in_range(year, 1800..=2200) && in_range(month, 1..=12) && in_range(day, 1..=31))
        .then(|| format!("{year}-{month}-{day}"))
}

/// True for a site's menu: five or more short words parted by spaces, at most one of them
/// longer than four characters ("首页 要闻 体育 财经 娱乐 生活").
fn is_menu(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 5
        && words.iter().filter(|word| word.chars().count() > 4).count() <= 1
        && words
            .iter()
            .all(|word| word.chars().count() <= 8 && !word.contains(['。', '，', ',']))
}

/// True for a page's id in a wiki or a site: colon- or slash-separated parts of digits and
/// Latin letters with few Chinese characters, "年月日:2001:20010305:20010305-a-b".
fn is_page_id(line: &str) -> bool {
    line.bytes().filter(|&b| b == b':').count() >= 2
        && !line.contains(char::is_whitespace)
        && line.chars().filter(char::is_ascii_digit).count() >= 8
}

/// The day's pages, when `line` lists three or more of them: "01版:要闻 02版:要闻 …",
/// "A01 A02 A03", "04-05版:专题".
fn page_list(line: &str) -> Option<Vec<ListedPage>> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.len() < 3 {
        return None;
    }
    let mut pages = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let token = tokens[index];
        let (number, label, section) = listed_page(token)?;
        let section = match section {
            Some(section) => Some(section),
            // "01版 要闻": the section as the next token.
            None => match tokens.get(index + 1) {
                Some(next) if listed_page(next).is_none() && next.chars().count() <= 8 => {
                    index += 1;
                    Some(next.to_string())
                }
                _ => None,
            },
        };
        pages.push(ListedPage {
            number,
            label,
            section,
        });
        index += 1;
    }
    (pages.len() >= 3).then_some(pages)
}

/// One listed page: "01版:要闻", "第3版(经济)", "A04", "04-05版".
fn listed_page(token: &str) -> Option<(u32, String, Option<String>)> {
    if let Some(header) = parse_page_header(token) {
        let label = header
            .markup
            .trim_end_matches(['(', ')', '（', '）', ':', '：']);
        return Some((header.number, label.to_owned(), header.section));
    }
    // A spread, "04-05版:专题": the first page names it.
    if let Some((first, rest)) = token.split_once('-')
        && first.chars().all(|c| c.is_ascii_digit())
        && !first.is_empty()
        && let Some(header) = parse_page_header(rest)
    {
        let number = first.parse().ok()?;
        let label = token
            .split([':', '：', '(', '（'])
            .next()
            .unwrap_or(token)
            .to_owned();
        let _ = header.number;
        return Some((number, label, header.section));
    }
    // "A04": a section letter and two digits.
    let mut chars = token.chars();
    let letter = chars.next()?;
    let digits = chars.as_str();
    if letter.is_ascii_uppercase()
        && (2..=3).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        let number: u32 = digits.parse().ok()?;
        return (number > 0).then(|| (number, token.to_owned(), None));
    }
    None
}

/// Reads a line of furniture tokens: dates, times, weekdays, interface words, field labels
/// with their values, page headers, addresses and a paper's name.
fn tokens(line: &str) -> Option<Furniture> {
    // A line of one word (no space) is furniture only when that word starts as a token
    // does: a paper's name alone is not.
    static TOKEN_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let words = INTERFACE_WORDS
            .iter()
            .chain(FIELD_LABELS)
            .chain(&["第", "头", "頭"]);
        let mut first: Vec<char> = words.filter_map(|word| word.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        first
    });
    let first = line.trim_start().chars().next()?;
    let one_word = !line.trim().contains(char::is_whitespace);
    if one_word && !first.is_ascii() && TOKEN_STARTS.binary_search(&first).is_err() {
        return None;
    }
    let mut furniture = Furniture::default();
    let mut strong = false;
    let mut rest = line.trim();
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "|｜·•-—/,，;；".contains(c));
        if rest.is_empty() {
            break;
        }
        if let Some((date, after)) = leading_date(rest) {
            furniture.date.get_or_insert(date);
            strong = true;
            rest = after;
            continue;
        }
        if let Some(after) = leading_time(rest).or_else(|| leading_weekday(rest)) {
            rest = after;
            continue;
        }
        if let Some(after) = leading_interface_word(rest) {
            strong = true;
            rest = after;
            continue;
        }
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..token_end];
        if let Some((label, value)) = field(token) {
            strong = true;
            let value = value.trim();
            if matches!(label, "来源" | "來源") && is_paper_name(value) {
                furniture.paper.get_or_insert(value.to_owned());
            }
            if matches!(label, "当前版" | "當前版" | "版面") {
                let value = if value.is_empty() {
                    // "当前版: B2版": the value as the next token.
                    let after = rest[token_end..].trim_start();
                    let next_end = after.find(char::is_whitespace).unwrap_or(after.len());
                    let next = &after[..next_end];
                    if page_header_of(next).is_some() {
                        rest = &after[next_end..];
                        furniture.header = page_header_of(next);
                        continue;
                    }
                    value
                } else {
                    value
                };
                if let Some(header) = page_header_of(value) {
                    furniture.header = Some(header);
                }
            } else if let Some((date, _)) = leading_date(value) {
                furniture.date.get_or_insert(date);
            }
            rest = &rest[token_end..];
            continue;
        }
        if let Some(header) = page_header_of(token) {
            strong = true;
            furniture.header = Some(header);
            rest = &rest[token_end..];
            continue;
        }
        if token.starts_with("http") || token.starts_with("www.") {
            strong = true;
            rest = &rest[token_end..];
            continue;
        }
        if is_paper_name(token) {
            furniture.paper.get_or_insert(token.to_owned());
            rest = &rest[token_end..];
            continue;
        }
        return None;
    }
    strong.then_some(furniture)
}

/// A page header in a furniture token: "01版", "第B12版:城事", "头版", "06-07版".
fn page_header_of(token: &str) -> Option<PageHeader> {
    let token = token.trim();
    if matches!(token, "头版" | "頭版") {
        return Some(PageHeader {
            number: 1,
            section: None,
            markup: token.to_owned(),
        });
    }
    if let Some(header) = parse_page_header(token) {
        return Some(header);
    }
    let (first, rest) = token.split_once('-')?;
    let number: u32 = first.parse().ok()?;
    let header = parse_page_header(rest)?;
    Some(PageHeader {
        number,
        section: header.section,
        markup: token.to_owned(),
    })
}

/// A field token, "来源:某某晚报", "版面:二版", "发布日期:": its label and value.
fn field(token: &str) -> Option<(&'static str, &str)> {
    FIELD_LABELS.iter().find_map(|label| {
        let rest = token.strip_prefix(label)?;
        let value = rest.strip_prefix([':', '：'])?;
        Some((*label, value))
    })
}

/// An interface word at the start of `text`, with an icon glyph read as a digit or letter
/// glued to it ("3下一页", "上一页4"); returns the text after it.
fn leading_interface_word(text: &str) -> Option<&str> {
    let unglued = text
        .strip_prefix(|c: char| c.is_ascii_digit())
        .filter(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        .unwrap_or(text);
    static FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut first: Vec<char> = INTERFACE_WORDS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        first.sort_unstable();
        first.dedup();
        first
    });
    let first = unglued.chars().next()?;
    FIRST_CHARS.binary_search(&first).ok()?;
    if let Some(after) = link_token(unglued) {
        return Some(after);
    }
    let word = INTERFACE_WORDS
        .iter()
        .filter(|word| unglued.starts_with(*word))
        .max_by_key(|word| word.len())?;
    let mut after = &unglued[word.len()..];
    after = after.trim_start_matches([':', '：']);
    if let Some(rest) = after.strip_prefix(|c: char| c.is_ascii_digit())
        && !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        after = rest;
    }
    // A word glued to more letters is another word ("评论员").
    let ends_word = after.is_empty()
        || after.starts_with(|c: char| c.is_whitespace() || !c.is_alphanumeric())
        || leading_interface_word(after).is_some()
        || leading_date(after).is_some();
    ends_word.then_some(after)
}

/// A site's link at the start of `text`, a word up to the next space: a skip link
/// ("跳转到…", "跳至…") or a link to the mobile site ("手机版", "手机看…"). Returns the text
/// after it.
fn link_token(text: &str) -> Option<&str> {
    const MOBILE_LINK_MAX_CHARS: usize = 6;
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let token = &text[..end];
    let skip_link = ["跳转到", "跳轉到", "跳至"]
        .iter()
        .any(|start| token.starts_with(start));
    let mobile_link = ["手机", "手機"]
        .iter()
        .any(|start| token.starts_with(start))
        && token.chars().count() <= MOBILE_LINK_MAX_CHARS;
    (skip_link || mobile_link).then(|| &text[end..])
}

/// A date at the start of `text`, "2022-05-28", "2022年5月28日", "2006 年 12 月 18 日",
/// "2026/02/02": the date as "YYYY-MM-DD" and the text after it.
pub fn leading_date(text: &str) -> Option<(String, &str)> {
    let (year, rest) = leading_number(text, 4)?;
    if !(1800..=2200).contains(&year) {
        return None;
    }
    let rest = rest.trim_start();
    let (separator, rest) = match rest.chars().next()? {
        c @ ('-' | '/' | '.' | '年') => (c, rest[c.len_utf8()..].trim_start()),
        _ => return None,
    };
    let (month, rest) = leading_number(rest, 2)?;
    let rest = rest.trim_start();
    let rest = match separator {
        '年' => rest.strip_prefix('月')?.trim_start(),
        c => rest.strip_prefix(c)?,
    };
    let (day, rest) = leading_number(rest, 2)?;
    let rest = match separator {
        '年' => rest.trim_start().strip_prefix('日')?,
        _ => rest,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((format!("{year:04}-{month:02}-{day:02}"), rest))
}

/// Up to `max_digits` ASCII digits at the start of `text`, read, and the text after them.
fn leading_number(text: &str, max_digits: usize) -> Option<(u32, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max_digits {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

/// A time of day at the start of `text`, "09:53:25", "08:58": the text after it.
fn leading_time(text: &str) -> Option<&str> {
    let (_, rest) = leading_number(text, 2)?;
    let mut rest = rest.strip_prefix(':')?;
    let (_, after) = leading_number(rest, 2)?;
    rest = after;
    if let Some(seconds) = rest.strip_prefix(':')
        && let Some((_, after)) = leading_number(seconds, 2)
    {
        rest = after;
    }
    Some(rest)
}

/// A weekday or a lunar date at the start of `text`, "星期四", "星期", "周日",
/// "农历乙巳年三月初八": the text after it.
fn leading_weekday(text: &str) -> Option<&str> {
    for prefix in ["星期", "禮拜", "礼拜"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some(
                rest.strip_prefix(['一', '二', '三', '四', '五', '六', '日', '天'])
                    .unwrap_or(rest),
            );
        }
    }
    for prefix in ["农历", "農曆"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            return Some(&rest[end..]);
        }
    }
    None
}

/// True for a newspaper's name: a few Chinese characters ending in 报 or 報 ("钱江晚报").
pub fn is_paper_name(text: &str) -> bool {
    let text = text.trim();
    let count = text.chars().count();
    (2..=PAPER_MAX_CHARS).contains(&count)
        && text.ends_with(['报', '報'])
        && text.chars().all(is_cjk)
}

/// Strips leaked wiki or markdown heading markup from a line: "===== 标题 =====", "## 标题".
/// Returns the markup's byte lengths at the start and at the end.
pub fn heading_markup(line: &str) -> Option<(usize, usize)> {
    if !line.trim_start().starts_with(['=', '#']) {
        return None;
    }
    let after_open = line.trim_start().trim_start_matches(['=', '#']);
    let open = line.len() - line.trim_start().len();
    let marks = line.len() - open - after_open.len();
    let inner_start = line.len() - after_open.trim_start().len();
    let spaced = inner_start > open + marks;
    if !(marks >= 2 || (marks == 1 && spaced)) {
        return None;
    }
    let before_close = line[inner_start..].trim_end().trim_end_matches('=');
    let inner = before_close.trim_end();
    if inner.is_empty() {
        return None;
    }
    Some((inner_start, line.len() - inner_start - inner.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<String> {
        read_furniture(line)?.date
    }

    #[test]
    fn dates_read_in_their_forms() {
        assert_eq!(leading_date("2022-05-28").unwrap().0, "2022-05-28");
        assert_eq!(
            leading_date("1998年3月5日人民").unwrap(),
            ("1998-03-05".into(), "人民")
        );
        assert_eq!(leading_date("2006 年 12 月 18 日").unwrap().0, "2006-12-18");
        assert_eq!(leading_date("2026/02/02 08:58").unwrap().0, "2026-02-02");
        assert_eq!(leading_date("2030年远景目标"), None);
        assert_eq!(leading_date("12月5日"), None);
    }

    #[test]
    fn a_date_and_paper_line_names_the_date_the_paper_and_the_page() {
        let furniture = read_furniture("1998年3月5日人民日报 第2版").unwrap();
        assert_eq!(furniture.date.as_deref(), Some("1998-03-05"));
        assert_eq!(furniture.paper.as_deref(), Some("人民日报"));
        assert_eq!(furniture.header.map(|h| h.number), Some(2));
        assert_eq!(date("2019年03月08日 星期五"), Some("2019-03-08".into()));
        assert_eq!(
            date("发布时间:2011-10-12 07:05:31来源:某某网"),
            Some("2011-10-12".into())
        );
    }

    #[test]
    fn interface_lines_are_furniture_and_prose_is_not() {
        for line in [
            "默认 放大 缩小",
            "3上一页  下一页4",
            "上篇 下篇",
            "打印 收藏  推荐",
            "字体:",
            "扫一扫 分享到微信",
            "本网版权所有 某某报社",
            "Copyright © 2024 某某网",
        ] {
            assert!(read_furniture(line).is_some_and(|f| f.is_junk()), "{line}");
        }
        let dated = read_furniture("上一篇4 2010年6月9日 缩小 放大").unwrap();
        assert_eq!(dated.date.as_deref(), Some("2010-06-09"));
        for line in [
            "上一版的报道引起了关注",
            "市民纷纷点赞",
            "评论员文章",
            "放大镜下的城市细节",
            "2030年远景目标发布",
        ] {
            assert_eq!(read_furniture(line), None, "{line}");
        }
    }

    #[test]
    fn page_headers_with_site_links_name_the_page() {
        let header = |line: &str| read_furniture(line).and_then(|f| f.header);
        assert_eq!(header("当前版:03版").map(|h| h.number), Some(3));
        assert_eq!(
            header("当前版: B2版 下一版  上一版").map(|h| h.number),
            Some(2)
        );
        assert_eq!(header("版面:二版").map(|h| h.number), Some(2));
        let header = header("第3版:经济新闻 2019-03-08").unwrap();
        assert_eq!(
            (header.number, header.section.as_deref()),
            (3, Some("经济新闻"))
        );
        assert_eq!(
            read_furniture("第3版()").map(|f| f.header.is_some()),
            Some(true)
        );
    }

    #[test]
    fn navigation_lists_are_the_days_pages() {
        let pages = read_furniture("01版:要闻 02版:要闻 03版:经济 20版:副刊")
            .unwrap()
            .pages;
        let listed: Vec<_> = pages
            .iter()
            .map(|p| (p.number, p.label.as_str(), p.section.as_deref()))
            .collect();
        assert_eq!(
            listed,
            [
                (1, "01版", Some("要闻")),
                (2, "02版", Some("要闻")),
                (3, "03版", Some("经济")),
                (20, "20版", Some("副刊"))
            ]
        );
        let numbers: Vec<u32> = read_furniture("A01 A02 A03 A16")
            .unwrap()
            .pages
            .iter()
            .map(|p| p.number)
            .collect();
        assert_eq!(numbers, [1, 2, 3, 16]);
        let spread = read_furniture("01版:要闻 02版:综合 04-05版:专题")
            .unwrap()
            .pages;
        assert_eq!((spread[2].number, spread[2].label.as_str()), (4, "04-05版"));
    }

    #[test]
    fn breadcrumbs_and_page_ids_are_furniture() {
        let furniture = read_furniture("某某日报>20010305").unwrap();
        assert_eq!(furniture.paper.as_deref(), Some("某某日报"));
        assert_eq!(furniture.date.as_deref(), Some("2001-03-05"));
        assert!(read_furniture("首页 > 政治").unwrap().is_junk());
        assert!(
            read_furniture("首页 要闻 体育 财经 娱乐 生活")
                .unwrap()
                .is_junk()
        );
        assert_eq!(read_furniture("抓项目 增动能 谋新篇 园区一线见闻"), None);
        assert!(
            read_furniture("年月日:2001:20010305:20010305-a-b")
                .unwrap()
                .is_junk()
        );
    }

    #[test]
    fn every_footer_word_starts_with_a_footer_start() {
        for word in FOOTER_WORDS {
            assert!(word.chars().next().is_some_and(is_footer_start), "{word}");
        }
    }

    #[test]
    fn wiki_heading_markup_is_found() {
        let line = "===== 标题 =====";
        let (before, after) = heading_markup(line).unwrap();
        assert_eq!(&line[before..line.len() - after], "标题");
        assert_eq!(heading_markup("## 标题"), Some((3, 0)));
        assert_eq!(heading_markup("标题"), None);
        assert_eq!(heading_markup("1+1=2"), None);
    }
}
