//! Generated newspaper pages for benchmarks: varied text in the shapes real pages take
//! (page headers, heading groups, bylines, paragraphs with numbers and Latin words, captions,
//! stories continued on the next page), so that no two pages are the same string.
#![allow(dead_code)] // each bench uses part of it

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*), so every run measures the same text.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "经济",
    "发展",
    "城市",
    "建设",
    "推动",
    "企业",
    "创新",
    "服务",
    "群众",
    "政策",
    "项目",
    "产业",
    "数字化",
    "转型",
    "市场",
    "主体",
    "环境",
    "保护",
    "港口",
    "物流",
    "班列",
    "制造业",
    "工厂",
    "技术",
    "人才",
    "教育",
    "医疗",
    "文化",
    "旅游",
    "社区",
    "治理",
    "安全",
    "能源",
    "绿色",
    "低碳",
    "海洋",
    "科技",
    "金融",
    "开放",
    "合作",
    "国际",
    "农业",
    "乡村",
    "振兴",
    "交通",
    "地铁",
    "新区",
    "园区",
    "平台",
    "机制",
    "改革",
    "标准",
    "质量",
    "效率",
    "民生",
];
const NAMES: &[&str] = &[
    "王 强",
    "李晓梅",
    "张 伟",
    "刘海涛",
    "陈 静",
    "赵明远",
    "孙 丽",
    "周文博",
];
const LATIN: &[&str] = &[
    "5G", "AI", "GDP", "JQ", "APP", "CBD", "4.0", "2023", "130", "45.6%",
];
const SENTENCE_ENDS: &[&str] = &["。", "。", "。", "！", "；"];
const COMMAS: &[&str] = &["，", "，", "、", ",", "，"];

fn phrase(dice: &mut Dice, words: usize) -> String {
    let mut text = String::new();
    for _ in 0..words {
        if dice.below(9) == 0 {
            text.push_str(dice.pick(LATIN));
        }
        text.push_str(dice.pick(WORDS));
    }
    text
}

fn sentence(dice: &mut Dice) -> String {
    let clauses = 1 + dice.below(4);
    let mut text = String::new();
    for clause in 0..clauses {
        if clause > 0 {
            text.push_str(dice.pick(COMMAS));
        }
        if dice.below(12) == 0 {
            text.push('“');
            text.push_str(&phrase(dice, 2));
            text.push('”');
        }
        let words = 2 + dice.below(5);
        text.push_str(&phrase(dice, words));
    }
    text.push_str(dice.pick(SENTENCE_ENDS));
    text
}

fn paragraph(dice: &mut Dice) -> String {
    (0..2 + dice.below(6)).map(|_| sentence(dice)).collect()
}

fn article(dice: &mut Dice, out: &mut String) {
    if dice.below(3) == 0 {
        out.push_str(&phrase(dice, 4));
        out.push_str("——\n\n");
    }
    let words = 3 + dice.below(4);
    out.push_str(&phrase(dice, words));
    out.push_str("\n\n");
    if dice.below(2) == 0 {
        out.push_str("□本报记者 ");
        out.push_str(dice.pick(NAMES));
        out.push_str("\n\n");
    }
    let paragraphs = 2 + dice.below(6);
    for index in 0..paragraphs {
        if index == 2 && dice.below(3) == 0 {
            out.push_str(&phrase(dice, 3));
            out.push_str("\n\n");
        }
        out.push_str(&paragraph(dice));
        out.push_str("\n\n");
    }
    if dice.below(4) == 0 {
        out.push_str(&phrase(dice, 4));
        out.push_str("。\n\n");
    }
}

/// How many stories of page `page` continue on the next page: none to two.
fn continued_stories(page: usize) -> usize {
    Dice(seed(page, 0x5bd1_e995)).below(3)
}

fn seed(page: usize, salt: u64) -> u64 {
    0x9e37_79b9_7f4a_7c15 ^ (page as u64).wrapping_mul(0x1000_0001) ^ salt
}

/// The words story `story` of page `page` keeps to across its jump, so the two parts of one
/// story share rare terms as real ones do.
fn topic(page: usize, story: usize) -> String {
    phrase(&mut Dice(seed(page, story as u64 + 1)), 3)
}

/// The front part of a story that continues on the next page: headline, paragraphs on its
/// topic, and the 下转 marker, glued to the last paragraph or on a line of its own.
fn front_part(dice: &mut Dice, page: usize, story: usize, out: &mut String) {
    let topic = topic(page, story);
    out.push_str(&topic);
    out.push_str(&phrase(dice, 2));
    out.push_str("\n\n");
    for _ in 0..2 + dice.below(3) {
        out.push_str(&topic);
        out.push_str(&paragraph(dice));
        out.push_str("\n\n");
    }
    let separator = if dice.below(2) == 0 { "" } else { "\n\n" };
    let _ = write!(out, "{separator}（下转第{}版）\n\n", page + 1);
}

/// The continued part of story `story` of page `page - 1`, opening with its 上接 marker.
fn continued_part(dice: &mut Dice, page: usize, story: usize, out: &mut String) {
    let topic = topic(page - 1, story);
    let _ = write!(out, "（上接第{}版）", page - 1);
    for _ in 0..=dice.below(3) {
        out.push_str(&topic);
        out.push_str(&paragraph(dice));
        out.push_str("\n\n");
    }
}

/// The text of page `number` (from 1), about 10 KB, different for every number. Up to two
/// stories continue on page `number + 1`, whose last parts answer them.
pub fn page_text(number: usize) -> String {
    let mut dice = Dice(seed(number, 0));
    let mut out = format!("第{number}版\n\n");
    for story in 0..continued_stories(number) {
        front_part(&mut dice, number, story, &mut out);
    }
    while out.len() < 10_000 {
        article(&mut dice, &mut out);
    }
    if number > 1 {
        for story in 0..continued_stories(number - 1) {
            continued_part(&mut dice, number, story, &mut out);
        }
    }
    out
}

/// The pages of an edition of `pages` pages, about 10 KB each.
pub fn edition_pages(pages: usize) -> Vec<String> {
    (1..=pages).map(page_text).collect()
}
