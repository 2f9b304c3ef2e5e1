//! On any edition and any sequence of actions, resizes included, the reader's `update`
//! never panics, its state stays valid, and every state draws at its screen size.

use kanbao::app::screen::help_rows;
use kanbao::app::{Action, App, Overlay};
use kanbao::edition::{
    Article, Block, BlockKind, Caption, CaptionKind, Edition, Jump, Page, page_label,
};
use kanbao::text::AmbiguousWidth;
use kanbao::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Characters pages mix: CJK, Latin, digits, punctuation of both widths, ambiguous-width
/// quotes and dashes, spaces.
const ALPHABET: &[char] = &[
    '青', '岛', '日', '报', '数', '字', '经', '济', '双', '星', 'a', 'Z', 'J', 'Q', '4', '0', '.',
    ',', '，', '。', '、', '“', '”', '…', '—', '（', '）', '(', ')', '《', '》', ' ', '　', '·',
    '%', '!', '？',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

fn optional_text(max: usize) -> impl Strategy<Value = Option<String>> {
    prop::option::of(text(max))
}

fn block() -> impl Strategy<Value = Block> {
    (any::<bool>(), text(120)).prop_map(|(subhead, text)| Block {
        kind: if subhead {
            BlockKind::Subhead
        } else {
            BlockKind::Paragraph
        },
        text,
    })
}

fn caption() -> impl Strategy<Value = Caption> {
    let kind = prop::sample::select(&[
        CaptionKind::Photo,
        CaptionKind::Label,
        CaptionKind::Description,
    ]);
    // Labels read off photos keep their line breaks.
    (kind, text(40), prop::option::of(text(10))).prop_map(|(kind, text, more)| Caption {
        kind,
        text: match more {
            Some(more) => format!("{text}\n{more}"),
            None => text,
        },
    })
}

/// A jump to a page 1 to 6 and an article id that may or may not exist.
fn jump() -> impl Strategy<Value = Option<Jump>> {
    prop::option::of(
        (1u32..=6, prop::option::of(1usize..=3)).prop_map(|(page, ordinal)| Jump {
            page,
            article: ordinal.map(|ordinal| format!("{page}-{ordinal}")),
        }),
    )
}

fn article() -> impl Strategy<Value = Article> {
    let headings = (
        optional_text(20),
        optional_text(30),
        optional_text(40),
        optional_text(30),
        optional_text(20),
    );
    let body = (
        prop::collection::vec(block(), 0..6),
        prop::collection::vec(caption(), 0..3),
        jump(),
        jump(),
    );
    (headings, body).prop_map(
        |((column, kicker, headline, subtitle, byline), (blocks, captions, jump_to, jump_from))| {
            Article {
                title: headline.clone().unwrap_or_else(|| "无题".into()),
                title_inferred: headline.is_none(),
                column,
                kicker,
                headline,
                subtitle,
                byline,
                blocks,
                captions,
                jump_to,
                jump_from,
                ..Article::default()
            }
        },
    )
}

fn edition() -> impl Strategy<Value = Edition> {
    let page = (1u32..=6, prop::collection::vec(article(), 0..4));
    prop::collection::vec(page, 0..4).prop_map(|pages| Edition {
        pages: pages
            .into_iter()
            .map(|(number, mut articles)| {
                for (ordinal, article) in articles.iter_mut().enumerate() {
                    article.id = format!("{number}-{}", ordinal + 1);
                }
                Page {
                    number,
                    label: page_label(number),
                    section: None,
                    articles,
                }
            })
            .collect(),
        ..Edition::default()
    })
}

fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(
        Action::WITHOUT_DATA
            .into_iter()
            .chain([
                Action::SetAmbiguousWidth(AmbiguousWidth::Narrow),
                Action::SetAmbiguousWidth(AmbiguousWidth::Wide),
            ])
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        6 => simple,
        1 => (0u8..10).prop_map(Action::Digit),
        2 => prop::sample::select(ALPHABET).prop_map(Action::Type),
        1 => (0u16..130, 0u16..50, -6i16..6)
            .prop_map(|(column, row, lines)| Action::Scroll { column, row, lines }),
        1 => (0u16..130, 0u16..50).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..130, 0u16..50).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

/// Checks what must hold of the reader in any state.
fn assert_valid(app: &App) {
    let count = app.article_count();
    match app.current() {
        Some(index) => assert!(index < count),
        None => assert_eq!(count, 0, "no current article in a non-empty edition"),
    }
    assert!(
        app.list_offset() <= app.rows().len(),
        "list scrolled past its rows"
    );
    let lines = app.lines();
    if let Some(panes) = app.panes() {
        let text = panes.article_text();
        let last = lines.len().saturating_sub(text.height.into());
        assert!(app.scroll() <= last, "scrolled past the article's end");
        for line in lines {
            assert!(
                line.width <= text.width.into(),
                "a line wider than the pane: {line:?}"
            );
        }
        match app.overlay() {
            Some(Overlay::Help { scroll }) => {
                let width = panes.help_text().width.into();
                assert!(*scroll < help_rows(app.strings(), width, app.ambiguous()).len());
            }
            Some(Overlay::Captions(view)) => assert!(view.scroll < view.lines.len().max(1)),
            Some(Overlay::Warnings(view)) => assert!(view.scroll < view.lines.len().max(1)),
            None => {}
        }
    }
    if let Some(search) = app.search() {
        assert!(search.current < search.matches.len());
        assert!(search.matches.iter().all(|found| found.article < count));
    }
}

/// Draws `app` on a screen of its own size.
fn draw(app: &App) {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_actions_on_any_edition_keep_the_reader_valid(
        edition in edition(),
        (width, height) in (0u16..130, 0u16..50),
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let mut app = App::new(edition, AmbiguousWidth::Narrow, width, height);
        assert_valid(&app);
        draw(&app);
        for action in actions {
            app.update(action);
            assert_valid(&app);
            draw(&app);
        }
        // Every place in the history can be gone back to.
        app.update(Action::Resize { width: 120, height: 40 });
        app.update(Action::Cancel);
        app.update(Action::Cancel);
        while app.history_depth() > 0 && app.is_running() {
            let depth = app.history_depth();
            app.update(Action::Back);
            assert_valid(&app);
            prop_assert!(app.history_depth() < depth, "Back did not go back");
        }
    }
}
