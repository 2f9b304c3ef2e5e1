//! Every string of the interface, in each language it speaks: Chinese and English.
//!
//! The language comes from the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: a value
//! starting with `zh` means Chinese, anything else English) unless `--lang` names one.
//! Text from the edition is never translated; only the reader's own words are here.

use std::str::FromStr;

use crate::archive::ListingWords;
use crate::edition::{CaptionKind, TocWords};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文.
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides, as in POSIX.
    pub fn from_locale() -> Self {
        let var = |name| std::env::var(name).ok();
        Self::from_locale_values([var("LC_ALL"), var("LC_MESSAGES"), var("LANG")])
    }

    /// [`Lang::from_locale`] on given values of `LC_ALL`, `LC_MESSAGES` and `LANG`.
    pub fn from_locale_values(values: [Option<String>; 3]) -> Self {
        let locale = values.into_iter().flatten().find(|value| !value.is_empty());
        match locale {
            Some(locale) if locale.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The interface's strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "english" => Ok(Lang::En),
            _ => Err(format!("expected zh or en, got {value:?}")),
        }
    }
}

/// Which end of the matches a step through them went past, for the note that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapped {
    /// It did not: the next match was further on in the same direction.
    No,
    /// Past the last match, on to the first.
    ToTop,
    /// Past the first match, back to the last.
    ToEnd,
}

/// The interface's words in one language. Fields that take a value are functions.
#[derive(Debug)]
pub struct Strings {
    // ---- messages on the status line ----
    /// The edition has no articles.
    pub no_articles: &'static str,
    /// Punctuation now shown as in the source.
    pub punctuation_source: &'static str,
    /// Punctuation now shown full-width.
    pub punctuation_full_width: &'static str,
    /// `[` on the first article.
    pub first_article: &'static str,
    /// `]` or Space on the last article.
    pub last_article: &'static str,
    /// `{` on the first page.
    pub first_page: &'static str,
    /// `}` on the last page.
    pub last_page: &'static str,
    /// A page (its label) the edition does not have.
    pub page_missing: fn(&str) -> String,
    /// A page (its label) without articles.
    pub page_empty: fn(&str) -> String,
    /// A page (its label) where no part continues the story.
    pub no_matching_part: fn(&str) -> String,
    /// Enter while the article's jump line is out of view.
    pub jump_out_of_view: &'static str,
    /// Enter on an article without jumps.
    pub no_jump: &'static str,
    /// Backspace with no history.
    pub nothing_to_go_back_to: &'static str,
    /// A search (the query) that found nothing.
    pub not_found: fn(&str) -> String,
    /// `n` before any search.
    pub no_search_yet: &'static str,
    /// Where a search is: query, match number, count, and which end it wrapped past.
    pub match_of: fn(&str, usize, usize, Wrapped) -> String,
    /// A mark (its letter) set at the place read.
    pub mark_set: fn(char) -> String,
    /// `'` and a letter no mark has.
    pub no_mark: fn(char) -> String,
    /// Before the letter of a mark being set.
    pub set_mark_prompt: &'static str,
    /// Before the letter of a mark to go to.
    pub go_to_mark_prompt: &'static str,
    /// Hints while a mark's letter is awaited.
    pub hints_mark: &'static str,
    /// Reading taken up where it was left: the article's title.
    pub resumed: fn(&str) -> String,
    /// Merged reading switched on.
    pub merged_on: &'static str,
    /// Merged reading switched off.
    pub merged_off: &'static str,

    // ---- the status line ----
    /// Before the digits of a page number being typed.
    pub go_to_page: &'static str,
    /// The position part when there are no articles.
    pub position_none: &'static str,
    /// Shown while merged reading is on.
    pub merged_mark: &'static str,
    /// Hints while typing a search.
    pub hints_search: &'static str,
    /// Hints while typing a page number.
    pub hints_page_number: &'static str,
    /// Hints in the help.
    pub hints_help: &'static str,
    /// Hints in the caption viewer.
    pub hints_captions: &'static str,
    /// Hints with the list focused.
    pub hints_list: &'static str,
    /// Hint: Space pages.
    pub hint_page: &'static str,
    /// Hint: Enter follows the jump in view.
    pub hint_jump: &'static str,
    /// Hint: Backspace goes back, and how many places it can (shown when more than one).
    pub hint_back: fn(usize) -> String,
    /// Hint: / searches.
    pub hint_search: &'static str,
    /// Hint: ? helps; also what the hints shrink to.
    pub hint_help: &'static str,

    // ---- progress through an article ----
    /// It fits the pane.
    pub progress_all: &'static str,
    /// At its top.
    pub progress_top: &'static str,
    /// At its end.
    pub progress_end: &'static str,

    // ---- panes ----
    /// The section list's title when the edition names neither paper nor date.
    pub sections_title: &'static str,
    /// The section list of an edition without pages.
    pub no_pages: &'static str,
    /// The help's title.
    pub help_title: &'static str,
    /// The help's legend for the inferred-title mark.
    pub inferred_legend: &'static str,
    /// What each row of [`crate::app::keymap::KEYMAP`] does, row for row.
    pub key_help: &'static [&'static str],
    /// What each row of [`crate::app::archive::ARCHIVE_KEY_HELP`] does, row for row: the
    /// help shows them when an archive is read.
    pub archive_key_help: &'static [&'static str],
    /// The words of an archive's picker, search and moves.
    pub archive: &'static ArchiveStrings,
    /// A screen too small: its width and height.
    pub too_small: fn(u16, u16) -> String,
    /// The least screen: width and height.
    pub need: fn(u16, u16) -> String,

    // ---- the caption viewer ----
    /// Title: the captions of a page (its label).
    pub captions_of_page: fn(&str) -> String,
    /// Title: the captions of a merged story.
    pub captions_of_story: &'static str,
    /// Title: the captions of an article.
    pub captions_of_article: &'static str,
    /// Hint while it shows an article's or a story's captions.
    pub captions_hint_own: &'static str,
    /// Hint while it shows a page's.
    pub captions_hint_page: &'static str,
    /// Heading of a story's part: part number, parts, page label.
    pub story_part: fn(usize, usize, &str) -> String,
    /// The article has no captions.
    pub no_captions_article: &'static str,
    /// No part of the story has captions.
    pub no_captions_story: &'static str,
    /// No article on the page has captions.
    pub no_captions_page: &'static str,
    /// What a caption of each kind is, as its group's heading.
    pub caption_kind: fn(CaptionKind) -> &'static str,

    // ---- the warnings viewer ----
    /// Its title.
    pub warnings_title: &'static str,
    /// Heading: the article's warnings.
    pub warnings_of_article: &'static str,
    /// Heading: the edition's warnings, how many.
    pub warnings_of_edition: fn(usize) -> String,
    /// A group without warnings.
    pub no_warnings: &'static str,
    /// Hints while it is open.
    pub hints_warnings: &'static str,
    /// The help's legend for the list's mark of an article with warnings.
    pub warned_legend: &'static str,
    /// The help's legend for the list's mark of a story listed again in full on a later page.
    pub repeat_legend: &'static str,
    /// The help's legend for how the list shows articles read.
    pub read_legend: &'static str,
    /// The help's keys column for the keys a config file binds to an action no row shows.
    pub config_keys: &'static str,
    /// The mouse, as the help names it beside the keys.
    pub mouse_key: &'static str,
    /// The last lines of `--toc`.
    pub toc: &'static TocWords,
    /// An archive's `--toc` listing.
    pub listing: &'static ListingWords,
}

/// `--toc`'s last lines in Chinese.
static TOC_ZH: TocWords = TocWords {
    inferred_legend: " 标题取自正文：没有印出的标题",
    repeat_legend: "ID 再次全文刊登：即 ID 那篇，只读一次",
    warnings: |count| match count {
        0 => "没有提示".to_owned(),
        count => format!("{count} 条提示（见 --json）"),
    },
};

/// An archive's `--toc` listing in Chinese.
static LISTING_ZH: ListingWords = ListingWords {
    heading: |archive, editions, broken| match broken {
        0 => format!("{archive}：{editions} 期"),
        broken => format!("{archive}：{editions} 期，{broken} 期打不开"),
    },
    counts: |pages, articles| format!("{pages:>3} 版  {articles:>4} 篇"),
    broken: "打不开：",
};

/// The words of an archive of editions: the picker, the search of every edition, moving by
/// date. Fields that take a value are functions.
#[derive(Debug)]
pub struct ArchiveStrings {
    /// `&` Enter before any search of the archive.
    pub no_search_yet: &'static str,
    /// The status after opening a match: query, its place, how many, still searching, date.
    pub hit_status: fn(&str, usize, usize, bool, &str) -> String,
    /// `n` past the last match found while the search goes on.
    pub no_more_yet: &'static str,
    /// `n` past the oldest match.
    pub no_more_older: &'static str,
    /// Backspace took the reader back to the edition (its date) left for a match.
    pub back_to_edition: fn(&str) -> String,
    /// `N` past the newest match.
    pub no_more_newer: &'static str,
    /// An edition that does not open: its date and the error.
    pub does_not_open: fn(&str, &str) -> String,
    /// `(` at the oldest edition, `)` at the newest: whether it is the oldest, and the broken
    /// editions passed on the way.
    pub at_end: fn(bool, &str) -> String,
    /// Broken editions passed on the way to the one opened.
    pub skipped_broken: fn(&str) -> String,
    /// The list's border: the place in the archive, and the keys.
    pub border_keys: fn(&str) -> String,
    /// The list's border while a search runs: the place, and the matches so far.
    pub border_found: fn(&str, usize) -> String,
    /// The picker's title: how many editions.
    pub picker_title: fn(usize) -> String,
    /// The picker's hint.
    pub picker_hint: &'static str,
    /// The picker's hint while a date is typed.
    pub picker_typed: fn(&str) -> String,
    /// A picker row's counts: pages and articles.
    pub counts: fn(usize, usize) -> String,
    /// A picker row of an edition that does not open: the error.
    pub broken: fn(&str) -> String,
    /// The search prompt's hint: how many editions.
    pub search_hint: fn(usize) -> String,
    /// The results' title: the query and how many matches.
    pub results_title: fn(&str, usize) -> String,
    /// The results' state while searching: editions read, of how many.
    pub searching: fn(usize, usize) -> String,
    /// The results' state at the limit of matches.
    pub stopped_at: fn(usize) -> String,
    /// The results' state at the end: how many editions.
    pub all_searched: fn(usize) -> String,
    /// Broken editions met in a search.
    pub broken_count: fn(usize) -> String,
    /// The results' hint.
    pub results_hint: &'static str,
    /// No match yet, while searching.
    pub still_searching: &'static str,
    /// No match at all.
    pub nowhere: &'static str,
    /// The edition last open could not be known, so the newest opened: why.
    pub remembered_unreadable: fn(&str) -> String,
    /// A month's heading in the picker: the year and the month (1 to 12).
    pub month_heading: fn(u32, u32) -> String,
    /// The days of the week, Sunday first, as the picker names them.
    pub weekdays: [&'static str; 7],
}

/// The months' names in English, January first.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

static ARCHIVE_EN: ArchiveStrings = ArchiveStrings {
    no_search_yet: "No search of the archive yet: & searches it.",
    hit_status: |query, at, count, running, date| {
        let more = if running { "+, searching" } else { "" };
        format!("&{query}: {at} of {count}{more} · {date}")
    },
    no_more_yet: "No more matches yet: still searching.",
    no_more_older: "No more matches: that was the oldest.",
    back_to_edition: |date| format!("Back to the edition of {date}"),
    no_more_newer: "No more matches: that was the newest.",
    does_not_open: |date, error| format!("{date} does not open: {error}"),
    at_end: |oldest, broken| {
        let end = if oldest { "oldest" } else { "newest" };
        match broken {
            "" => format!("This is the {end} edition."),
            broken => format!("This is the {end} edition. Broken: {broken}"),
        }
    },
    skipped_broken: |broken| format!("Skipped broken: {broken}"),
    border_keys: |place| format!("{place} e editions & search"),
    border_found: |place, found| format!("{place} & {found} found…"),
    picker_title: |count| format!("Editions: {count}"),
    picker_hint: "type a date · Enter open · Esc close",
    picker_typed: |typed| format!("date: {typed}"),
    counts: |pages, articles| format!("{pages:>3} pages {articles:>4} articles"),
    broken: |error| format!("broken: {error}"),
    search_hint: |editions| format!("search all {editions} editions  Enter search  Esc cancel"),
    results_title: |query, count| format!("&{query}: {count} matches"),
    searching: |scanned, total| format!("searching: {scanned} of {total} editions"),
    stopped_at: |limit| format!("stopped at {limit} matches"),
    all_searched: |total| format!("all {total} editions searched"),
    broken_count: |broken| format!(", {broken} broken"),
    results_hint: "Enter open at the match · n N next · Esc close",
    still_searching: "Searching…",
    nowhere: "Not found in any edition.",
    remembered_unreadable: |error| format!("Opened the newest edition: {error}"),
    month_heading: |year, month| {
        let name = (month.checked_sub(1))
            .and_then(|at| MONTHS_EN.get(at as usize))
            .map_or_else(|| month.to_string(), ToString::to_string);
        format!("{name} {year}")
    },
    weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

static ARCHIVE_ZH: ArchiveStrings = ArchiveStrings {
    no_search_yet: "尚未搜索合订本：按 & 搜索每一期。",
    hit_status: |query, at, count, running, date| {
        let more = if running { "+，仍在搜索" } else { "" };
        format!("&{query}：第 {at}/{count}{more} 处 · {date}")
    },
    no_more_yet: "暂无更多结果：仍在搜索。",
    no_more_older: "没有更多结果：这已是最早的一处。",
    back_to_edition: |date| format!("回到 {date} 这一期"),
    no_more_newer: "没有更多结果：这已是最新的一处。",
    does_not_open: |date, error| format!("{date} 无法打开：{error}"),
    at_end: |oldest, broken| {
        let end = if oldest { "最早" } else { "最新" };
        match broken {
            "" => format!("这已是{end}的一期。"),
            broken => format!("这已是{end}的一期。无法打开：{broken}"),
        }
    },
    skipped_broken: |broken| format!("已跳过无法打开的：{broken}"),
    border_keys: |place| format!("{place} e 各期 & 搜索"),
    border_found: |place, found| format!("{place} & 已找到 {found} 处…"),
    picker_title: |count| format!("各期：{count}"),
    picker_hint: "输入日期 · Enter 打开 · Esc 关闭",
    picker_typed: |typed| format!("日期：{typed}"),
    counts: |pages, articles| format!("{pages:>3} 版 {articles:>4} 篇"),
    broken: |error| format!("无法打开：{error}"),
    search_hint: |editions| format!("搜索全部 {editions} 期  Enter 搜索  Esc 取消"),
    results_title: |query, count| format!("&{query}：{count} 处"),
    searching: |scanned, total| format!("搜索中：{scanned}/{total} 期"),
    stopped_at: |limit| format!("已在 {limit} 处停止"),
    all_searched: |total| format!("已搜索全部 {total} 期"),
    broken_count: |broken| format!("，{broken} 期无法打开"),
    results_hint: "Enter 打开到该处 · n N 下一处 · Esc 关闭",
    still_searching: "搜索中…",
    nowhere: "各期中均未找到。",
    remembered_unreadable: |error| format!("已打开最新一期：{error}"),
    month_heading: |year, month| format!("{year}年{month}月"),
    weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
};

/// English.
pub static EN: Strings = Strings {
    archive: &ARCHIVE_EN,
    no_articles: "This edition has no articles.",
    punctuation_source: "Punctuation as in the source",
    punctuation_full_width: "Punctuation full-width",
    first_article: "This is the first article.",
    last_article: "This is the last article.",
    first_page: "This is the first page.",
    last_page: "This is the last page.",
    page_missing: |label| format!("{label} is not in this edition"),
    page_empty: |label| format!("{label} has no articles"),
    no_matching_part: |label| format!("{label} has no matching part"),
    jump_out_of_view: "The jump line is not in view: scroll to it, then Enter.",
    no_jump: "This article has no 下转 or 上接 jump.",
    nothing_to_go_back_to: "Nothing to go back to.",
    not_found: |query| format!("Not found: {query}"),
    no_search_yet: "No search yet: / searches.",
    match_of: |query, at, count, wrapped| {
        let wrapped = match wrapped {
            Wrapped::No => "",
            Wrapped::ToTop => ", wrapped around to the top",
            Wrapped::ToEnd => ", wrapped around to the end",
        };
        format!("/{query}: match {at} of {count}{wrapped}")
    },
    mark_set: |letter| format!("Mark {letter} set: ' {letter} returns here"),
    no_mark: |letter| format!("No mark {letter}: m {letter} sets it"),
    set_mark_prompt: "Mark as: ",
    go_to_mark_prompt: "Go to mark: ",
    hints_mark: "a letter  ' before the last jump  Esc cancel",
    resumed: |title| format!("Back where you left off: {title}"),
    merged_on: "Merged reading: continued stories read as one text",
    merged_off: "Merged reading off",

    go_to_page: "Page or count: ",
    position_none: " no articles",
    merged_mark: "merged",
    hints_search: "Enter search  Esc cancel",
    hints_page_number: "Enter page  j k G… count  Esc cancel",
    hints_help: "j k scroll  Esc close",
    hints_captions: "j k scroll  p page/article  Esc close",
    hints_list: "Enter open  / search  c captions  ? help  q quit",
    hint_page: "Space page",
    hint_jump: "Enter jump",
    hint_back: |depth| match depth {
        1 => "Bksp back".to_owned(),
        _ => format!("Bksp back ({depth})"),
    },
    hint_search: "/ search",
    hint_help: "? help",

    progress_all: "All",
    progress_top: "Top",
    progress_end: "End",

    sections_title: "版面",
    no_pages: "No pages",
    help_title: "Keys",
    inferred_legend: "in the list: no printed headline, title from the text",
    key_help: &[
        "quit; q closes the help or a viewer first",
        "show or hide this help",
        "focus the list or the article",
        "select in the list; scroll the article",
        "page down; at the end, the next article",
        "page up",
        "half a page down or up",
        "first article; start of the article",
        "last article; end of the article",
        "previous or next article",
        "previous or next page (版)",
        "a count: 5j moves 5, 10G to line 10; N Enter goes to page N",
        "open the article; follow the jump in view",
        "back to before the last jump",
        "m a marks the place as a; ' a returns to it; '' to before the last jump",
        "search: , finds ，, \" finds “”, 数 finds 數, 吴帅 finds 吴 帅",
        "next or previous match; after Esc, the same search again",
        "captions; p in the viewer: of the whole page",
        "repairs and warnings: the article's, the edition's",
        "punctuation full-width or as in the source",
        "merged reading: a continued story as one text",
        "close, cancel, clear the search",
        "suspend; fg in the shell resumes",
        "the wheel scrolls; a click selects, follows a jump",
    ],
    archive_key_help: &[
        "previous or next edition (archive)",
        "editions by month; type a date to jump",
        "search every edition; Enter alone: the last results",
        "after &: next or previous match, across editions",
        "after a match in another edition: back to the edition left",
    ],
    too_small: |width, height| format!("Too small: {width}x{height}"),
    need: |width, height| format!("need {width}x{height}"),

    captions_of_page: |label| format!("Captions on {label}"),
    captions_of_story: "Captions of this story",
    captions_of_article: "Captions of this article",
    captions_hint_own: "p page  Esc close",
    captions_hint_page: "p article  Esc close",
    story_part: |part, parts, label| format!("Part {part} of {parts}, {label}"),
    no_captions_article: "This article has no captions. p: the whole page.",
    no_captions_story: "No part of this story has captions. p: the whole page.",
    no_captions_page: "No article on this page has captions.",
    caption_kind: |kind| match kind {
        CaptionKind::Photo => "Photo caption",
        CaptionKind::Label => "Text in the photo",
        CaptionKind::Description => "Photo description",
    },

    warnings_title: "Repairs and warnings",
    warnings_of_article: "This article",
    warnings_of_edition: |count| format!("The whole edition ({count})"),
    no_warnings: "None.",
    hints_warnings: "j k scroll  Esc close",
    warned_legend: "in the list: text the parser repaired or doubts (w)",
    repeat_legend: "in the list: a story printed again in full on this page; read once",
    read_legend: "in the list: titles drawn faint are read (remembered between runs)",
    config_keys: "config",
    mouse_key: "Mouse",
    toc: &crate::edition::TOC_ENGLISH,
    listing: &crate::archive::LISTING_ENGLISH,
};

/// 中文.
pub static ZH: Strings = Strings {
    archive: &ARCHIVE_ZH,
    no_articles: "本期没有文章。",
    punctuation_source: "标点：按原文",
    punctuation_full_width: "标点：全角",
    first_article: "已是第一篇。",
    last_article: "已是最后一篇。",
    first_page: "已是第一版。",
    last_page: "已是最后一版。",
    page_missing: |label| format!("本期没有{label}"),
    page_empty: |label| format!("{label}没有文章"),
    no_matching_part: |label| format!("{label}没有这篇的接续部分"),
    jump_out_of_view: "转版行不在屏上：滚动到它，再按 Enter。",
    no_jump: "这篇没有下转或上接。",
    nothing_to_go_back_to: "没有可返回的地方。",
    not_found: |query| format!("未找到：{query}"),
    no_search_yet: "还没有搜索：按 / 搜索。",
    match_of: |query, at, count, wrapped| {
        let wrapped = match wrapped {
            Wrapped::No => "",
            Wrapped::ToTop => "，已从头开始",
            Wrapped::ToEnd => "，已从末尾往回",
        };
        format!("/{query}：第 {at}/{count} 处{wrapped}")
    },
    mark_set: |letter| format!("已设标记 {letter}：' {letter} 回到这里"),
    no_mark: |letter| format!("没有标记 {letter}：m {letter} 设置"),
    set_mark_prompt: "标记为：",
    go_to_mark_prompt: "转到标记：",
    hints_mark: "字母  ' 上次转版之前  Esc 取消",
    resumed: |title| format!("接着上次读：{title}"),
    merged_on: "合并阅读：转版文章连成一篇",
    merged_off: "合并阅读已关",

    go_to_page: "版号或计数：",
    position_none: " 没有文章",
    merged_mark: "合并",
    hints_search: "Enter 搜索  Esc 取消",
    hints_page_number: "Enter 转版  j k G… 计数  Esc 取消",
    hints_help: "j k 滚动  Esc 关闭",
    hints_captions: "j k 滚动  p 本版/本篇  Esc 关闭",
    hints_list: "Enter 打开  / 搜索  c 图片说明  ? 帮助  q 退出",
    hint_page: "Space 翻页",
    hint_jump: "Enter 转版",
    hint_back: |depth| match depth {
        1 => "Bksp 返回".to_owned(),
        _ => format!("Bksp 返回（{depth}）"),
    },
    hint_search: "/ 搜索",
    hint_help: "? 帮助",

    progress_all: "全文",
    progress_top: "开头",
    progress_end: "末尾",

    sections_title: "版面",
    no_pages: "没有版面",
    help_title: "按键",
    inferred_legend: "列表中：无印出的标题，标题取自正文",
    key_help: &[
        "退出；帮助或查看窗开着时先关闭",
        "显示或隐藏本帮助",
        "焦点切到列表或文章",
        "在列表中选择；滚动文章",
        "向下翻页；到末尾时转到下一篇",
        "向上翻页",
        "向下或向上半页",
        "第一篇；文章开头",
        "最后一篇；文章末尾",
        "上一篇或下一篇",
        "上一版或下一版",
        "计数：5j 移 5 行，10G 到第 10 行；N Enter 转到第 N 版",
        "打开文章；跟随屏上的转版",
        "返回上次转版之前",
        "m a 把此处记为 a；' a 回到它；'' 回到上次转版之前",
        "搜索全部文章；，同 ,，\" 同 “”，简繁通查；吴帅 可找到 吴 帅",
        "下一处或上一处；Esc 之后重新搜索",
        "图片说明；在其中按 p：全版的",
        "修复与提示：本篇的、全期的",
        "标点显示为全角或按原文",
        "合并阅读：转版文章连成一篇",
        "关闭、取消、清除搜索",
        "挂起；在 shell 中 fg 恢复",
        "滚轮滚动；点击选择、跟随转版",
    ],
    archive_key_help: &[
        "上一期或下一期（合订本）",
        "按月列出各期；键入日期跳转",
        "搜索每一期；只按 Enter：上次的结果",
        "& 之后：下一处或上一处，跨期",
        "打开另一期的结果之后：回到原来那期",
    ],
    too_small: |width, height| format!("屏幕太小：{width}x{height}"),
    need: |width, height| format!("至少 {width}x{height}"),

    captions_of_page: |label| format!("{label}的图片说明"),
    captions_of_story: "本篇（合并）的图片说明",
    captions_of_article: "本篇的图片说明",
    captions_hint_own: "p 本版  Esc 关闭",
    captions_hint_page: "p 本篇  Esc 关闭",
    story_part: |part, parts, label| format!("第 {part}/{parts} 部分，{label}"),
    no_captions_article: "本篇没有图片说明。p：全版的。",
    no_captions_story: "这篇的各部分都没有图片说明。p：全版的。",
    no_captions_page: "本版没有图片说明。",
    caption_kind: |kind| match kind {
        CaptionKind::Photo => "图片说明",
        CaptionKind::Label => "图中文字",
        CaptionKind::Description => "图片描述",
    },

    warnings_title: "修复与提示",
    warnings_of_article: "本篇",
    warnings_of_edition: |count| format!("全期（{count} 条）"),
    no_warnings: "没有。",
    hints_warnings: "j k 滚动  Esc 关闭",
    warned_legend: "列表中：解析时修复过或存疑的文章（w 查看）",
    repeat_legend: "列表中：本版再次全文刊登的稿件，只读一次",
    read_legend: "列表中：标题变淡的文章已读（下次打开仍记得）",
    config_keys: "配置文件",
    mouse_key: "鼠标",
    toc: &TOC_ZH,
    listing: &LISTING_ZH,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(all: &str, messages: &str, lang: &str) -> Lang {
        let value = |text: &str| (!text.is_empty()).then(|| text.to_string());
        Lang::from_locale_values([value(all), value(messages), value(lang)])
    }

    #[test]
    fn the_locale_chooses_chinese_for_zh_and_english_otherwise() {
        assert_eq!(locale("", "", "zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(locale("", "", "zh_TW.UTF-8"), Lang::Zh);
        assert_eq!(locale("", "", "en_US.UTF-8"), Lang::En);
        assert_eq!(locale("", "", "C.UTF-8"), Lang::En);
        assert_eq!(locale("", "", ""), Lang::En);
        assert_eq!(locale("C", "", "zh_CN.UTF-8"), Lang::En, "LC_ALL first");
        assert_eq!(locale("", "zh_CN", "en_US"), Lang::Zh, "then LC_MESSAGES");
    }

    #[test]
    fn a_language_is_named_zh_or_en() {
        assert_eq!("zh".parse(), Ok(Lang::Zh));
        assert_eq!("EN".parse(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn the_chinese_interface_has_no_english_words_but_key_names() {
        let messages = [
            ZH.no_articles,
            ZH.jump_out_of_view,
            ZH.go_to_page,
            ZH.merged_mark,
            ZH.captions_of_article,
            ZH.progress_top,
        ];
        for text in messages
            .iter()
            .copied()
            .chain([(ZH.page_missing)("第九版").leak() as &str])
        {
            let english = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| word.len() > 1 && !["Enter", "Esc", "Bksp"].contains(word));
            assert_eq!(english.count(), 0, "{text}");
        }
    }
}
