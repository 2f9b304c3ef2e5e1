//! A small hand-made edition for tests: Chinese text, a column banner, an inferred title,
//! captions of every kind, a resolved jump, a jump to a missing page, a page without articles.

use crate::edition::{
    Article, Block, BlockKind, Caption, CaptionKind, Edition, Jump, Page, page_label,
};

fn page(number: u32, section: &str, articles: Vec<Article>) -> Page {
    Page {
        number,
        label: page_label(number),
        section: Some(section.into()),
        articles,
    }
}

fn paragraphs(texts: &[&str]) -> Vec<Block> {
    texts
        .iter()
        .map(|text| Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
        })
        .collect()
}

fn article(id: &str, headline: Option<&str>, title: &str, blocks: Vec<Block>) -> Article {
    Article {
        id: id.into(),
        headline: headline.map(Into::into),
        title: title.into(),
        title_inferred: headline.is_none(),
        blocks,
        ..Article::default()
    }
}

/// Page 1 (要闻): 1-1 plain, 1-2 inferred title continuing on page 4, 1-3 with a column
/// banner and captions, jumping to a page not in the edition, 1-4 longer than any screen.
/// Page 4 (综合): 4-1 continued from 1-2, 4-2. Page 6: no articles.
pub fn edition() -> Edition {
    let mut meeting = article(
        "1-1",
        Some("数字青岛建设推进会议召开"),
        "数字青岛建设推进会议召开",
        paragraphs(&[
            "会议指出,加快数字化转型,是塑造高质量发展新动能新优势、提升城市治理能力和水平的关键之举。",
            "要加快数字政府建设,完善“城市云脑”功能,深化政务服务“一网通办”,推动城市治理“一网统管”。",
            "会议采取视频形式召开，各区(市)和西海岸新区设分会场。",
        ]),
    );
    meeting.byline = Some("□青岛日报/观海新闻记者 吴 帅".into());

    let mut freight = article(
        "1-2",
        None,
        "盛夏时节，上合示范区多式联运中心一派繁忙景象。",
        paragraphs(&[
            "盛夏时节，上合示范区多式联运中心一派繁忙景象。从远处眺望，一条条铁轨交错着伸向远方。",
            "截至目前，上合示范区已常态化开行国际国内班列31条，首班JQ奇瑞汽车出口专列。",
            "中欧班列(齐鲁号)运输能力持续增强，不仅为上合组织国家输送“中国制造”，",
        ]),
    );
    freight.jump_to = Some(Jump {
        page: 4,
        article: Some("4-1".into()),
    });

    let mut tyres = article(
        "1-3",
        Some("双星：以自主创新重新定义“轮胎”"),
        "双星：以自主创新重新定义“轮胎”",
        paragraphs(&[
            "6月,华人运通高合汽车和蔚来汽车两家公司先后获得中东国家投资。",
            "与三电系统、芯片、智能座舱这些部件材料相比,仍然“圆滚滚、黑乎乎”的轮胎似乎很难让普通人感受到它的变化。",
        ]),
    );
    tyres.column = Some("强信心 稳经济 促发展".into());
    tyres.kicker = Some("顺应新能源引领的汽车产业链变革浪潮——".into());
    tyres.byline = Some("□青岛日报/观海新闻首席记者 孙欣".into());
    tyres.captions = vec![
        Caption { kind: CaptionKind::Photo, text: "双星“工业4.0”智能化工厂。".into() },
        Caption { kind: CaptionKind::Label, text: "双星“工业4.0”\n基地".into() },
        Caption {
            kind: CaptionKind::Description,
            text: "A blue and red locomotive is pulling a freight train loaded with colorful shipping containers."
                .into(),
        },
    ];
    tyres.jump_to = Some(Jump {
        page: 9,
        article: None,
    });

    let long_title = "青岛出台行动方案发力楼宇经济，到2025年建设一批纵向布局、垂直集聚的现代服务业和都市工业楼宇";
    let long = article(
        "1-4",
        Some(long_title),
        long_title,
        (1..=120)
            .map(|n| Block {
                kind: if n % 10 == 0 {
                    BlockKind::Subhead
                } else {
                    BlockKind::Paragraph
                },
                text: format!("第{n}段：打造130座“亿元楼”，加速城市产业垂直生长。"),
            })
            .collect(),
    );

    let mut continued = article(
        "4-1",
        None,
        "而且带动了沿线地区的对外贸易。",
        paragraphs(&[
            "而且带动了沿线地区的对外贸易。",
            "上合示范区将继续拓展“一带一路”国际物流大通道。",
        ]),
    );
    continued.jump_from = Some(Jump {
        page: 1,
        article: Some("1-2".into()),
    });
    let other = article(
        "4-2",
        Some("入企驻厂助“环保体检”"),
        "入企驻厂助“环保体检”",
        paragraphs(&["市生态环境局创新实施“帮扶式”执法。"]),
    );

    Edition {
        paper: Some("青岛日报".into()),
        date: Some("2023-07-18".into()),
        pages: vec![
            page(1, "要闻", vec![meeting, freight, tyres, long]),
            page(4, "综合", vec![continued, other]),
            page(6, "广告", Vec::new()),
        ],
        warnings: Vec::new(),
        ..Edition::default()
    }
}
