//! What a piece of page text looks like on its own: a heading, a byline, body text, a caption.
//!
//! These are shape tests only; where a piece sits (before a body, after a 下转 marker) is
//! decided by the parser.

use crate::chars::{CLOSING, SENTENCE_END};
pub use crate::chars::{ends_sentence, is_cjk};

/// Longest line read as a heading (kickers run long: a full clause ending in ——).
const HEADING_MAX_CHARS: usize = 60;
/// Longest line read as a subhead (小标题) inside a body.
const SUBHEAD_MAX_CHARS: usize = 20;
/// Longest line of text read off inside a photo.
const LABEL_LINE_MAX_CHARS: usize = 12;
/// Longest one-sentence photo caption.
const CAPTION_MAX_CHARS: usize = 40;
/// Longest byline.
const BYLINE_MAX_CHARS: usize = 40;
/// Longest phrase of a column banner ("护航高考 我们在行动").
const BANNER_PHRASE_MAX_CHARS: usize = 16;
/// Longest run of names after 记者 / 通讯员 in a byline, spaces counted.
const BYLINE_NAMES_MAX_CHARS: usize = 24;

const CLAUSE_PUNCTUATION: &[char] = &['，', ',', '、', '；', ';', '：', ':'];
/// The roles of a byline; the first characters of all of them are matched in
/// `names_follow_role`.
const BYLINE_ROLES: &[&str] = &[
    "记者",
    "通讯员",
    "实习生",
    "特约撰稿人",
    "摄影",
    "記者",
    "通訊員",
    "實習生",
    "特約撰稿人",
    "攝影",
];
/// Marks that open a byline: "□本报记者 王五".
pub const BYLINE_MARKS: &[char] = &['□', '■', '◇', '◆', '○', '●', '△', '▲'];
const NEWS_AGENCIES: &[&str] = &["新华社", "中新社", "本报", "新華社", "本報"];
/// The last characters of a dateline: 讯 (news), 电 (wire), in both scripts.
const DATELINE_ENDS: &[char] = &['电', '讯', '電', '訊'];
/// Labels that name a story's writer: "作者:张三".
const AUTHOR_LABELS: &[&str] = &["作者", "作　者", "文"];
/// Longest list of names after an author label.
const AUTHOR_NAMES_MAX_CHARS: usize = 24;
/// Longest text before the bracket of a dateline's byline: "某某日报/某某网讯".
const DATELINE_PREFIX_MAX_CHARS: usize = 16;
/// Longest bracketed byline in a lead: "(记者 张三 通讯员 李四 实习生 王五)".
const LEAD_BYLINE_MAX_CHARS: usize = 48;
/// Longest photo credit after a caption's last sentence.
const PHOTO_CREDIT_MAX_CHARS: usize = 30;
/// The most common Chinese surnames, in both scripts: a bare name under a headline starts
/// with one of them.
const COMMON_SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于於蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池乐樂匡";

/// Byte offsets just past each sentence end in `text`: 。！？… (a run of marks and closing
/// quotes counts once), and a Latin . ! ? followed by a space or the end, so the point in
/// "4.0" ends nothing.
pub fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, mark)) = chars.next() {
            if !SENTENCE_END.contains(&mark) {
                continue;
            }
            let mut end = at + mark.len_utf8();
            while let Some((next_at, next)) =
                chars.next_if(|&(_, next)| SENTENCE_END.contains(&next) || CLOSING.contains(&next))
            {
                end = next_at + next.len_utf8();
            }
            let glued = chars.peek().is_some_and(|&(_, next)| !next.is_whitespace());
            if !(mark.is_ascii() && glued) {
                return Some(end);
            }
        }
        None
    })
}

/// True when `text` can be a heading line: short, one line, no full stop inside, not ending
/// in clause punctuation. Headlines may carry commas ("打造…，加速…") and end in ——.
pub fn is_heading_like(text: &str) -> bool {
    let text = text.trim();
    if !at_most_chars(text, HEADING_MAX_CHARS) {
        return false;
    }
    let Some(last) = text.trim_end_matches(CLOSING).chars().last() else {
        return false;
    };
    // The last character first: it is at hand, where the rest are searched for (a full
    // stop there is one inside the text).
    !CLAUSE_PUNCTUATION.contains(&last)
        && !matches!(last, '.' | '…' | '。' | '．')
        && !text.contains('\n')
        && text.chars().any(char::is_alphabetic)
        && !text.contains(['。', '．'])
}

/// True when `text` can be a subhead (小标题): a short phrase with no punctuation of a sentence
/// and no gaps.
pub fn is_subhead_like(text: &str) -> bool {
    let text = text.trim();
    // The length first: most lines are paragraphs, told by it at once.
    at_most_chars(text, SUBHEAD_MAX_CHARS)
        && is_heading_like(text)
        && sentence_ends(text).next().is_none()
        && !text.contains(CLAUSE_PUNCTUATION)
        && !text.contains(char::is_whitespace)
}

/// True when `text` is a photo caption in shape: one short sentence, "港区夜间作业现场。".
pub fn is_photo_caption_like(text: &str) -> bool {
    let text = text.trim();
    at_most_chars(text, CAPTION_MAX_CHARS)
        && ends_sentence(text)
        && !text.contains('\n')
        && sentence_ends(text).count() == 1
}

/// True when `lines` are text read off inside a photo: several short broken lines, none a
/// sentence ("港口“智慧2.0”" / "码头").
pub fn is_label_lines(lines: &[&str]) -> bool {
    lines.len() >= 2
        && lines.iter().all(|line| {
            let line = line.trim();
            at_most_chars(line, LABEL_LINE_MAX_CHARS) && sentence_ends(line).next().is_none()
        })
}

/// True when `text` is a description of a picture in a Latin-script language: whole
/// sentences of words with next to no Chinese.
pub fn is_description(text: &str) -> bool {
    // Cheapest tests first: most text is Chinese, and fails at its first CJK characters.
    let latin = count_ascii_letters(text);
    let at_most_cjk = |most: usize| text.chars().filter(|&c| is_cjk(c)).nth(most).is_none();
    // Fewer CJK characters than one for every ten Latin letters.
    latin >= 20
        && at_most_cjk((latin - 1) / 10)
        && text.split_whitespace().nth(4).is_some()
        && ends_sentence(text)
}

/// The number of ASCII letters in `text`. Counted in blocks small enough for a byte
/// counter, which the compiler can count many bytes at a time.
fn count_ascii_letters(text: &str) -> usize {
    text.as_bytes()
        .chunks(usize::from(u8::MAX))
        .map(|block| {
            let letters: u8 = block
                .iter()
                .map(|byte| u8::from(byte.is_ascii_alphabetic()))
                .sum();
            usize::from(letters)
        })
        .sum()
}

/// True when `text` is a byline: "□本报记者 王 五", "晚报/新闻网记者 李 明",
/// "记者 张三 报道", "通讯员 李四", "新华社北京7月5日电".
pub fn is_byline(text: &str) -> bool {
    let text = text.trim();
    if !at_most_chars(text, BYLINE_MAX_CHARS) || text.contains(['\n', '。']) {
        return false;
    }
    if is_photo_credit(text) {
        return false;
    }
    let unmarked = text.trim_start_matches(BYLINE_MARKS).trim_start();
    if unmarked.len() < text.len() && !unmarked.is_empty() && !ends_sentence(unmarked) {
        return true;
    }
    if let Some(names) = author_field(unmarked) {
        return is_names(names);
    }
    let is_dateline = NEWS_AGENCIES
        .iter()
        .any(|agency| unmarked.starts_with(agency))
        && unmarked.ends_with(DATELINE_ENDS);
    is_dateline || names_follow_role(without_stamp(unmarked))
}

/// The value of an author field, "作者:张三" → "张三".
fn author_field(text: &str) -> Option<&str> {
    AUTHOR_LABELS.iter().find_map(|label| {
        let value = text.strip_prefix(label)?.trim_start();
        let value = value.strip_prefix([':', '：'])?;
        Some(value.trim())
    })
}

/// True for a list of names: Chinese characters parted by spaces, 、 or commas.
fn is_names(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && at_most_chars(text, AUTHOR_NAMES_MAX_CHARS)
        && text.chars().all(|c| {
            is_cjk(c) || c == '·' || c == '、' || c == ',' || c == '，' || c.is_whitespace()
        })
}

/// `text` without what may stand before a byline's role: a date and time of posting, a
/// credit for the page's text and pictures ("文/图").
fn without_stamp(text: &str) -> &str {
    let mut rest = text.trim_start();
    if let Some((_, after)) = super::furniture::leading_date(rest) {
        rest = after.trim_start();
        let time_len = rest
            .bytes()
            .take_while(|&b| b.is_ascii_digit() || b == b':')
            .count();
        rest = rest[time_len..].trim_start();
    }
    let credit = rest.trim_start_matches("本版");
    let credit_len = credit
        .chars()
        .take_while(|c| "文图圖摄攝/／".contains(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    if credit_len >= "文/图".len() && credit[credit_len..].starts_with(char::is_whitespace) {
        rest = credit[credit_len..].trim_start();
    }
    rest
}

/// Roles a credit line names: planners, coordinators, editors, designers.
const CREDIT_ROLES: &[&str] = &[
    "策划", "策劃", "统筹", "統籌", "编辑", "編輯", "制图", "製圖", "设计", "設計", "校对", "校對",
    "责编", "責編", "监制", "監製", "出品",
];

/// True for a credit line: roles with a colon and names, "策划:张三、李四 统筹:王五".
pub fn is_credit_line(text: &str) -> bool {
    let mut parts = text.split_whitespace().peekable();
    parts.peek().is_some()
        && parts.all(|part| {
            part.split_once([':', '：']).is_some_and(|(role, names)| {
                CREDIT_ROLES.iter().any(|credit| role.ends_with(credit)) && is_names(names)
            })
        })
}

/// True for a byline's role standing alone, its names on the next line: "□本报记者".
pub fn is_bare_role(text: &str) -> bool {
    let unmarked = text.trim().trim_start_matches(BYLINE_MARKS).trim();
    at_most_chars(unmarked, BYLINE_MAX_CHARS)
        && BYLINE_ROLES.iter().any(|role| unmarked.ends_with(role))
        && !unmarked.contains(char::is_whitespace)
}

/// True for a photo credit, alone or closing a caption: "记者 张三 摄", "…现场。新华社发",
/// "图:…", "图为…".
pub fn is_photo_credit(text: &str) -> bool {
    let text = text.trim();
    // Cheapest test first: a credit ends in 摄, 摄影, 摄影报道, 供图 or starts with 图.
    let ends_like_credit = text
        .trim_end_matches(CLOSING)
        .trim_end()
        .ends_with(['摄', '攝', '影', '道', '图', '圖']);
    if !(ends_like_credit || text.starts_with(['图', '圖']))
        || text.contains('\n')
        || !at_most_chars(text, CAPTION_MAX_CHARS * 3)
    {
        return false;
    }
    if [
        "图:", "图：", "圖:", "圖：", "图为", "圖為", "图/", "圖/", "图／", "圖／",
    ]
    .iter()
    .any(|start| text.starts_with(start))
    {
        return true;
    }
    // The credit follows the caption's last sentence, or a mark set before it.
    let tail = text
        .rfind(['。', '！', '？', '■', '□', '，', ','])
        .map_or(text, |at| &text[at..])
        .trim_start_matches(['。', '！', '？', '■', '□', '，', ','])
        .trim_end_matches(CLOSING)
        .trim_end();
    let before_mark = tail
        .trim_end_matches(['摄', '攝', '影'])
        .trim_end_matches(['摄', '攝']);
    let names_someone = BYLINE_ROLES.iter().any(|role| tail.contains(role))
        || before_mark.ends_with(char::is_whitespace)
        || tail.len() < text.len();
    at_most_chars(tail, PHOTO_CREDIT_MAX_CHARS)
        && names_someone
        && (tail.ends_with(['摄', '攝'])
            || tail.ends_with("摄影")
            || tail.ends_with("攝影")
            || tail.ends_with("摄影报道")
            || tail.ends_with("供图")
            || tail.ends_with("供圖"))
}

/// True for an author's tag closing a short item: a bracketed name or two, "(王明)",
/// "（李四 配词）".
pub fn is_author_tag(text: &str) -> bool {
    let text = text.trim();
    let Some(inner) = text
        .strip_prefix(['(', '（'])
        .and_then(|rest| rest.strip_suffix([')', '）']))
    else {
        return false;
    };
    let count = inner.chars().filter(|c| !c.is_whitespace()).count();
    (2..=12).contains(&count)
        && inner
            .chars()
            .all(|c| is_cjk(c) || c.is_whitespace() || c == '、')
}

/// Titles a paper's people sign with before their name: "社长于某".
const SIGNING_TITLES: &[&str] = &[
    "社长",
    "社長",
    "总编辑",
    "總編輯",
    "主编",
    "主編",
    "特派员",
    "特派員",
    "主笔",
    "主筆",
    "评论员",
    "評論員",
    "特约评论员",
    "特約評論員",
];

/// True for a bare name standing where a byline stands: a common surname and one or two
/// characters ("许小红"), after a paper's name ("某某日报 王五") or a title ("社长王五").
pub fn is_name_line(text: &str) -> bool {
    let text = text.trim();
    let text = SIGNING_TITLES
        .iter()
        .find_map(|title| text.strip_prefix(title))
        .unwrap_or(text);
    let name = match text.rsplit_once(char::is_whitespace) {
        Some((paper, name)) => {
            let paper = paper.trim();
            if !(paper.ends_with(['报', '報', '社', '台']) && at_most_chars(paper, 10)) {
                return false;
            }
            name
        }
        None => text,
    };
    let count = name.chars().count();
    (2..=3).contains(&count)
        && name.chars().all(is_cjk)
        && name
            .chars()
            .next()
            .is_some_and(|c| COMMON_SURNAMES.contains(c))
}

/// True for a meeting report's subtitle naming who spoke and who presided: "某某出席并讲话
/// 某某主持". Such a line is not a headline.
pub fn is_meeting_subtitle(text: &str) -> bool {
    is_spaced(text)
        && (text.contains("主持")
            || (text.contains("出席") && (text.contains("讲话") || text.contains("講話"))))
}

/// True when `text` opens with a dateline: "本报上海3月8日讯", "本报南京12日电",
/// "【新华社广州九日电】", "(某城5日讯)", "据新华社北京电", "海都讯".
pub fn starts_with_dateline(text: &str) -> bool {
    dateline_end(text).is_some()
}

/// The byte offset just past a dateline that opens `text`.
fn dateline_end(text: &str) -> Option<usize> {
    let opened = text.trim_start_matches(['【', '(', '（', '[', '〔']);
    let opened_at = text.len() - opened.len();
    let (at, end) = opened
        .char_indices()
        .take(DATELINE_PREFIX_MAX_CHARS)
        .find(|&(_, c)| DATELINE_ENDS.contains(&c))?;
    let prefix = &opened[..at];
    let after = &opened[at + end.len_utf8()..];
    let parted = after.is_empty()
        || after.starts_with(|c: char| c.is_whitespace() || "】)）]〕(（".contains(c));
    let named = ["报", "報", "社", "网", "網", "台"]
        .iter()
        .any(|source| prefix.contains(source))
        || prefix.ends_with('日');
    let clean = !prefix.is_empty() && !prefix.contains(['，', ',', '。', ' ']);
    (parted && named && clean).then_some(opened_at + at + end.len_utf8())
}

/// Where the lead's own text starts when it opens with a bracketed byline, alone or after a
/// dateline: "本报讯(记者 张三)…", "新快报讯(见习记者 李四 通讯员 王五)…", "(某报 记者 王五)…".
pub fn lead_byline_end(text: &str) -> Option<usize> {
    // The bracket opens within the dateline's few characters: only they are searched.
    let mut head_len = text.len().min((DATELINE_PREFIX_MAX_CHARS + 1) * 3);
    while !text.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &text.as_bytes()[..head_len];
    let full_width = "（".as_bytes();
    let open_at = memchr::memchr2_iter(b'(', full_width[0], head)
        .find(|&at| head[at] == b'(' || head[at..].starts_with(full_width))?;
    let prefix = &text[..open_at];
    let prefix_ok = prefix.trim().is_empty()
        || (at_most_chars(prefix, DATELINE_PREFIX_MAX_CHARS)
            && !prefix.contains(['，', ',', '。'])
            && (prefix.trim_end().ends_with(DATELINE_ENDS) || prefix.trim_end().ends_with("消息")));
    if !prefix_ok {
        return None;
    }
    let inner_start = open_at + text[open_at..].chars().next()?.len_utf8();
    let close = text[inner_start..].find([')', '）'])? + inner_start;
    let inner = &text[inner_start..close];
    let has_role = BYLINE_ROLES.iter().any(|role| inner.contains(role));
    let end = close + text[close..].chars().next()?.len_utf8();
    (has_role && at_most_chars(inner, LEAD_BYLINE_MAX_CHARS) && end < text.len()).then_some(end)
}

/// True when the text is a byline role with names after it and nothing but its source
/// before it: "…记者 王 五", "记者 张三 报道", "（记者 李四）". A gap before the first role
/// means phrases, as in a banner ("护航高考 记者在现场"), not a byline.
#[expect(
    clippy::chars_next_cmp,
    reason = "the first character of a constant role is known when compiling; \
              `role.starts_with(c)` encodes `c` and compares bytes, character by character"
)]
fn names_follow_role(text: &str) -> bool {
    // The roles share no character, so at most one starts at any place and none overlap.
    let mut first_role: Option<(usize, usize)> = None;
    let mut last_role_end = 0;
    for (at, c) in text.char_indices() {
        if !matches!(c, '记' | '通' | '实' | '特' | '摄' | '記' | '實' | '攝') {
            continue;
        }
        let Some(role) = BYLINE_ROLES
            .iter()
            .find(|role| role.chars().next() == Some(c) && text[at..].starts_with(*role))
        else {
            continue;
        };
        first_role.get_or_insert((at, at + role.len()));
        last_role_end = at + role.len();
    }
    let Some(first_role) = first_role else {
        return false;
    };
    if text[..first_role.0].contains(|c: char| c.is_whitespace() || CLAUSE_PUNCTUATION.contains(&c))
    {
        return false;
    }
    let names = byline_names(&text[last_role_end..]);
    !names.is_empty()
        && names.chars().count() <= BYLINE_NAMES_MAX_CHARS
        && names
            .chars()
            .all(|c| is_cjk(c) || c == '·' || c == '、' || c.is_whitespace())
        && names
            .split(|c: char| c.is_whitespace() || c == '、')
            .all(|name| name.chars().count() <= NAME_MAX_CHARS)
}

/// Longest one name in a byline: four characters, or a foreign name's few more.
const NAME_MAX_CHARS: usize = 5;

/// True when the names after a byline's last role start as a person's name does, with a
/// common surname: "本报记者 张三", not "记者了解到".
pub fn byline_names_start_with_surname(text: &str) -> bool {
    let mut last_role_end = None;
    for role in BYLINE_ROLES {
        if let Some(at) = text.rfind(role) {
            let end = at + role.len();
            last_role_end = Some(last_role_end.map_or(end, |known: usize| known.max(end)));
        }
    }
    last_role_end.is_some_and(|end| {
        byline_names(&text[end..])
            .chars()
            .next()
            .is_some_and(|c| COMMON_SURNAMES.contains(c))
    })
}

/// The names after a byline's last role, without closing brackets, a bracketed note, a
/// place ("／北京报道") or a closing "报道" / "摄".
fn byline_names(after_role: &str) -> &str {
    let names = after_role.trim_end_matches(CLOSING).trim_end();
    // A trailing bracketed note: "(除署名外)".
    let names = match names.rfind(['(', '（']) {
        Some(at) if at > 0 => names[..at].trim_end(),
        _ => names,
    };
    // "记者 张三／北京报道": the place after the slash; "记者 张三 《某报》": the paper cited.
    let names = names.split(['／', '/', '《']).next().unwrap_or(names);
    names
        .trim_end_matches("报道")
        .trim_end_matches("報導")
        .trim_end_matches("報道")
        .trim_end_matches('摄')
        .trim()
}

/// True when `text` has no more than `max` characters, told without counting a long text.
pub(crate) fn at_most_chars(text: &str, max: usize) -> bool {
    text.len() <= max || (text.len() <= max * 4 && text.chars().count() <= max)
}

/// True when `text` is spaced into phrases, as banners and some subtitles are:
/// "护航高考 我们在行动", "…完成改造 提升居住品质".
pub fn is_spaced(text: &str) -> bool {
    text.trim().contains(char::is_whitespace)
}

/// True when `text` is a column banner (栏目) in shape: two or more short spaced phrases.
pub fn is_banner_like(text: &str) -> bool {
    is_spaced(text)
        && text
            .split_whitespace()
            .all(|phrase| phrase.chars().count() <= BANNER_PHRASE_MAX_CHARS)
}

/// True when `line` repeats `banner`, wholly or one end of it at a gap between phrases.
pub fn repeats_banner(line: &str, banner: &str) -> bool {
    let (line, banner) = (line.trim(), banner.trim());
    if line.is_empty() {
        return false;
    }
    if line == banner {
        return true;
    }
    let suffix_at_gap = banner
        .strip_suffix(line)
        .is_some_and(|rest| rest.ends_with(char::is_whitespace));
    let prefix_at_gap = banner
        .strip_prefix(line)
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    suffix_at_gap || prefix_at_gap
}

/// The first sentence of `text`, its closing quotes included; the whole text when it has no
/// sentence end.
pub fn first_sentence(text: &str) -> &str {
    sentence_ends(text).next().map_or(text, |end| &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_look_past_closing_quotes() {
        assert!(ends_sentence("他说：“好。”"));
        assert!(ends_sentence("真的吗？"));
        assert!(ends_sentence("It moves."));
        assert!(!ends_sentence("建成“智慧港口”"));
        assert!(!ends_sentence("协同推进、"));
        assert!(!ends_sentence("运来“南方水果”，"));
    }

    #[test]
    fn points_inside_numbers_end_no_sentence() {
        let ends = |text| sentence_ends(text).collect::<Vec<_>>();
        assert!(ends("智慧2.0码头").is_empty());
        assert_eq!(
            ends("好。”他说！！"),
            ["好。”".len(), "好。”他说！！".len()]
        );
        assert_eq!(ends("It moves. Then"), ["It moves.".len()]);
    }

    #[test]
    fn headings_are_short_and_unstopped() {
        assert!(is_heading_like("老街巷里的新生活"));
        assert!(is_heading_like("建设百个“口袋公园”，提升城市品质"));
        assert!(is_heading_like("聚焦城市更新，推动老旧小区改造提质——"));
        assert!(!is_heading_like("专家表示，要尽早准备。"));
        assert!(!is_heading_like("各方协同推进、形成合力、"));
        assert!(!is_heading_like(&"很长的标题".repeat(20)));
        assert!(!is_heading_like("2023"));
    }

    #[test]
    fn subheads_have_no_punctuation_or_gaps() {
        assert!(is_subhead_like("技术攻关见成效"));
        assert!(!is_subhead_like("技术攻关，见成效"));
        assert!(!is_subhead_like("优化环境 我们在行动"));
        assert!(!is_subhead_like(
            "这是一个超过二十个字的很长很长很长的小标题啊"
        ));
    }

    #[test]
    fn photo_captions_are_one_short_sentence() {
        assert!(is_photo_caption_like("码头作业现场。"));
        assert!(!is_photo_caption_like("码头作业现场"));
        assert!(!is_photo_caption_like("工厂很大。工人很多。"));
        assert!(is_photo_caption_like("“智慧2.0”码头作业现场。"));
    }

    #[test]
    fn labels_are_short_broken_lines() {
        assert!(is_label_lines(&["港口“智慧2.0”", "码头"]));
        assert!(is_subhead_like("迈向智慧2.0"));
        assert!(!is_label_lines(&["码头"]));
        assert!(!is_label_lines(&[
            "这是一行很长的正文内容超过了标签",
            "码头"
        ]));
        assert!(!is_label_lines(&["短句。", "码头"]));
    }

    #[test]
    fn descriptions_are_latin_sentences() {
        assert!(is_description(
            "A red train is pulling containers along a track."
        ));
        assert!(!is_description("专家表示，要尽早部署 AI 与 5G 网络。"));
        assert!(!is_description("Made in China"));
    }

    #[test]
    fn bylines_in_their_usual_forms() {
        assert!(is_byline("□本报记者 王 五"));
        assert!(is_byline("■ 本报通讯员 李四"));
        assert!(is_byline("晚报/新闻网记者 李 明"));
        assert!(is_byline("本报资深记者 周敏"));
        assert!(is_byline("记者 张三 报道"));
        assert!(is_byline("（记者 张三 李四）"));
        assert!(is_byline("新华社北京7月5日电"));
        assert!(!is_byline("记者节：致敬新闻人"));
        assert!(!is_byline("记者采访了多家企业，了解到情况。"));
        assert!(!is_byline("老街巷里的新生活"));
        assert!(!is_byline("护航高考 记者在现场"));
        assert!(is_byline("记者 张三 通讯员 李四"));
    }

    #[test]
    fn ascii_letters_are_counted_in_any_length() {
        for length in [0, 1, 254, 255, 256, 1000] {
            let text = "aZ甲1 ".repeat(length);
            assert_eq!(count_ascii_letters(&text), 2 * length);
        }
    }

    #[test]
    fn banners_are_spaced_short_phrases() {
        assert!(is_banner_like("护航高考 我们在行动"));
        assert!(!is_banner_like("护航高考我们在行动"));
        assert!(!is_banner_like(
            "住建部门推行“一站式”审批、“不见面”办理 提升居住品质"
        ));
    }

    #[test]
    fn banner_repeats_match_whole_phrases() {
        assert!(repeats_banner("记者在现场", "护航高考 记者在现场"));
        assert!(repeats_banner("护航高考", "护航高考 记者在现场"));
        assert!(repeats_banner("护航高考 在行动", "护航高考 在行动"));
        assert!(!repeats_banner("在现场", "护航高考 记者在现场"));
    }

    #[test]
    fn first_sentence_keeps_its_closing_quote() {
        assert_eq!(
            first_sentence("清晨六点，码头已经忙碌。远处"),
            "清晨六点，码头已经忙碌。"
        );
        assert_eq!(first_sentence("他说：“好！”然后走了。"), "他说：“好！”");
        assert_eq!(first_sentence("没有句号"), "没有句号");
    }
}
