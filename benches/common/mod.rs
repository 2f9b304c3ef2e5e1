//! Generated newspaper pages for benchmarks: varied text in the shapes real pages take
//! (page headers, heading groups, bylines, paragraphs with numbers and Latin words, captions,
//! continuation markers), so that no two pages are the same string.
#![allow(dead_code)] // each bench uses part of it

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
    "经济", "发展", "城市", "建设", "推动", "企业", "创新", "服务", "群众", "政策", "项目",
    "产业", "数字化", "转型", "市场", "主体", "环境", "保护", "港口", "物流", "班列", "制造业",
    "工厂", "技术", "人才", "教育", "医疗", "文化", "旅游", "社区", "治理", "安全", "能源",
    "绿色", "低碳", "海洋", "科技", "金融", "开放", "合作", "国际", "农业", "乡村", "振兴",
    "交通", "地铁", "新区", "园区", "平台", "机制", "改革", "标准", "质量", "效率", "民生",
];
const NAMES: &[&str] = &["王 强", "李晓梅", "张 伟", "刘海涛", "陈 静", "赵明远", "孙 丽", "周文博"];
const LATIN: &[&str] = &["5G", "AI", "GDP", "JQ", "APP", "CBD", "4.0", "2023", "130", "45.6%"];
const SENTENCE_ENDS: &[&str] = &["。", "。", "。", "！", "；"];
const COMMAS: &[&str] = &["，", "，", "、", ",", "，"];
const DIGITS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八"];

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
        text.push_str(&phrase(dice, 2 + dice.below(5)));
    }
    text.push_str(dice.pick(SENTENCE_ENDS));
    text
}

fn paragraph(dice: &mut Dice) -> String {
    (0..2 + dice.below(6)).map(|_| sentence(dice)).collect()
}

fn article(dice: &mut Dice, page: usize, out: &mut String) {
    if dice.below(3) == 0 {
        out.push_str(&phrase(dice, 4));
        out.push_str("——\n\n");
    }
    out.push_str(&phrase(dice, 3 + dice.below(4)));
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
    if page == 1 && dice.below(2) == 0 {
        out.push_str("（下转第");
        out.push_str(dice.pick(DIGITS));
        out.push_str("版）\n\n");
    }
    if dice.below(4) == 0 {
        out.push_str(&phrase(dice, 4));
        out.push_str("。\n\n");
    }
}

/// The text of page `number`, about 10 KB, different for every number.
pub fn page_text(number: usize) -> String {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ (number as u64).wrapping_mul(0x1000_0001));
    let mut out = format!("第{number}版\n\n");
    while out.len() < 10_000 {
        article(&mut dice, number, &mut out);
    }
    out
}

/// The pages of an edition of `pages` pages, about 10 KB each.
pub fn edition_pages(pages: usize) -> Vec<String> {
    (1..=pages).map(page_text).collect()
}
