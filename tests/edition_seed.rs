//! The built-in front page must read as the six stories printed on it.

use kanbao::edition::{Article, BlockKind, CaptionKind, Edition, builtin};

fn front_page() -> Edition {
    let edition = builtin();
    assert_eq!(edition.pages.len(), 1);
    assert_eq!(edition.pages[0].number, 1);
    assert_eq!(edition.pages[0].label, "第一版");
    edition
}

fn paragraphs(article: &Article) -> Vec<&str> {
    texts(article, BlockKind::Paragraph)
}

fn texts(article: &Article, kind: BlockKind) -> Vec<&str> {
    article
        .blocks
        .iter()
        .filter(|block| block.kind == kind)
        .map(|block| block.text.as_str())
        .collect()
}

fn captions(article: &Article, kind: CaptionKind) -> Vec<&str> {
    article
        .captions
        .iter()
        .filter(|caption| caption.kind == kind)
        .map(|caption| caption.text.as_str())
        .collect()
}

fn jump_page(article: &Article) -> Option<u32> {
    article.jump_to.as_ref().map(|jump| jump.page)
}

#[test]
fn the_front_page_has_six_stories_in_reading_order() {
    let edition = front_page();
    let ids: Vec<&str> = edition.pages[0]
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["1-1", "1-2", "1-3", "1-4", "1-5", "1-6"]);
    assert!(
        edition.pages[0]
            .articles
            .iter()
            .all(|a| a.jump_from.is_none())
    );
}

#[test]
fn story_1_is_a_subtitle_over_four_repaired_paragraphs() {
    let edition = front_page();
    let story = &edition.pages[0].articles[0];
    assert_eq!(story.headline, None);
    assert_eq!(
        story.subtitle.as_deref(),
        Some("陆治原出席会议并讲话 赵豪志主持")
    );
    assert_eq!(story.title, "陆治原出席会议并讲话 赵豪志主持");
    assert!(story.title_inferred);
    assert_eq!(
        (&story.column, &story.kicker, &story.byline),
        (&None, &None, &None)
    );
    let body = paragraphs(story);
    assert_eq!(body.len(), 4);
    assert!(body[0].contains("完善“城市云脑”功能,深化政务服务"));
    assert!(body[1].contains("政府引导、市场主导、社会参与"));
    assert_eq!(jump_page(story), None);
    assert!(story.captions.is_empty());
}

#[test]
fn story_2_has_no_heading_takes_its_first_sentence_and_its_picture() {
    let edition = front_page();
    let story = &edition.pages[0].articles[1];
    assert_eq!((&story.headline, &story.subtitle), (&None, &None));
    assert_eq!(
        story.title,
        "盛夏时节，上合示范区多式联运中心一派繁忙景象。"
    );
    assert!(story.title_inferred);
    let body = paragraphs(story);
    assert_eq!(body.len(), 3);
    assert!(body[2].ends_with("输送“中国制造”，"), "{}", body[2]);
    assert_eq!(jump_page(story), Some(4));
    let description = captions(story, CaptionKind::Description);
    assert_eq!(description.len(), 1);
    assert!(description[0].starts_with("A blue and red locomotive"));
    assert_eq!(story.captions.len(), 1);
}

#[test]
fn story_3_has_headline_and_subtitle() {
    let edition = front_page();
    let story = &edition.pages[0].articles[2];
    assert_eq!(
        story.headline.as_deref(),
        Some("千方百计为群众办实事解难题")
    );
    assert_eq!(
        story.subtitle.as_deref(),
        Some("青岛各部门单位以提高人民生活品质的新成效检验主题教育成果")
    );
    assert_eq!(story.title, "千方百计为群众办实事解难题");
    assert!(!story.title_inferred);
    assert_eq!(story.byline, None);
    assert_eq!(paragraphs(story).len(), 4);
    assert_eq!(jump_page(story), None);
}

#[test]
fn story_4_has_column_headline_subtitle_and_byline() {
    let edition = front_page();
    let story = &edition.pages[0].articles[3];
    assert_eq!(story.column.as_deref(), Some("优化营商环境 青岛在行动"));
    assert_eq!(story.kicker, None);
    assert_eq!(story.headline.as_deref(), Some("入企驻厂助“环保体检”"));
    assert!(
        story
            .subtitle
            .as_deref()
            .is_some_and(|s| s.starts_with("市生态环境局创新实施"))
    );
    assert_eq!(
        story.byline.as_deref(),
        Some("□青岛日报/观海新闻记者 吴 帅")
    );
    assert_eq!(paragraphs(story).len(), 5);
    assert!(paragraphs(story).iter().all(|p| !p.contains("下转")));
    assert_eq!(jump_page(story), Some(4));
    assert!(story.captions.is_empty());
}

#[test]
fn story_5_has_kicker_subhead_photo_caption_and_labels() {
    let edition = front_page();
    let story = &edition.pages[0].articles[4];
    assert_eq!(
        story.column.as_deref(),
        Some("强信心 稳经济 促发展 来自青岛制造业一线的报道")
    );
    assert!(
        story
            .kicker
            .as_deref()
            .is_some_and(|k| k.starts_with("顺应新能源引领的"))
    );
    assert_eq!(
        story.headline.as_deref(),
        Some("双星：以自主创新重新定义“轮胎”")
    );
    assert_eq!(story.subtitle, None);
    assert!(
        story
            .byline
            .as_deref()
            .is_some_and(|b| b.ends_with("首席记者 孙欣"))
    );
    assert_eq!(paragraphs(story).len(), 7);
    assert_eq!(texts(story, BlockKind::Subhead), ["重新定义产品"]);
    assert_eq!(story.blocks[5].kind, BlockKind::Subhead);
    assert_eq!(jump_page(story), Some(4));
    assert_eq!(
        captions(story, CaptionKind::Photo),
        ["双星“工业4.0”智能化工厂。"]
    );
    assert_eq!(
        captions(story, CaptionKind::Label),
        ["双星“工业4.0”\n基地", "双星轮胎\n“工业4.0”基地"]
    );
}

#[test]
fn story_6_is_a_kicker_and_headline_without_stray_digits() {
    let edition = front_page();
    let story = &edition.pages[0].articles[5];
    assert!(
        story
            .kicker
            .as_deref()
            .is_some_and(|k| k.starts_with("青岛出台行动方案发力楼宇经济") && k.ends_with("——"))
    );
    assert_eq!(
        story.headline.as_deref(),
        Some("打造130座“亿元楼”，加速城市产业垂直生长")
    );
    assert!(story.blocks.is_empty());
    assert_eq!(jump_page(story), None);
}

#[test]
fn the_repeated_banner_line_is_dropped_with_a_warning() {
    let edition = front_page();
    let repeats: Vec<&String> = edition
        .warnings
        .iter()
        .filter(|w| w.contains("来自青岛制造业一线的报道") && w.contains("repeat"))
        .collect();
    assert_eq!(repeats.len(), 1, "{:?}", edition.warnings);
    assert!(repeats[0].starts_with("第一版"));
    let in_body = edition.pages[0]
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .any(|b| b.text == "来自青岛制造业一线的报道");
    assert!(!in_body);
}

#[test]
fn both_joins_are_warned_and_nothing_else() {
    let edition = front_page();
    let joins = edition
        .warnings
        .iter()
        .filter(|w| w.contains("joined"))
        .count();
    assert_eq!(joins, 2, "{:?}", edition.warnings);
    let unresolved_jumps = edition
        .warnings
        .iter()
        .filter(|w| w.ends_with("page 4 is not in this edition; left unresolved"))
        .count();
    assert_eq!(unresolved_jumps, 3, "{:?}", edition.warnings);
    assert_eq!(edition.warnings.len(), 3 + 3, "{:?}", edition.warnings);
}

#[test]
fn no_marker_text_is_left_in_the_model() {
    let edition = front_page();
    for article in &edition.pages[0].articles {
        let texts = article
            .blocks
            .iter()
            .map(|b| &b.text)
            .chain(article.captions.iter().map(|c| &c.text));
        for text in texts {
            assert!(!text.contains("下转"), "{text}");
        }
    }
}
