//! Following continuation jumps in the real binary, in a pseudo-terminal: to the continued
//! part and back, merged reading (by key and by flag), and a jump to a page the edition
//! does not have.

mod support;

use support::Session;

const FRONT_PAGE: &str = "seeds/000_5a0e4a0e642bd2cf.txt";
const PAGE_FOUR: &str = "tests/fixtures/page4.txt";
const SEAM: &str = "── 接第四版 ──";

/// Starts the reader at 80x24 and opens the second article, the front part of the freight
/// story, with the focus on its text.
fn open_freight_story(paths: &[&str]) -> Session {
    let session = Session::start(paths, 80, 24);
    session.wait_for_text("陆治原");
    session.send("j\r");
    // The status line is drawn last: once it shows the article focused, the frame is whole.
    session.wait_until("the second article open", |screen| {
        let screen = screen.contents();
        screen.contains("盛夏时节，上合示范区多式联运中心")
            && status_line(&screen).contains("Space page")
    });
    session
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// The screen once the end of the story is shown: the status line, drawn last, says so.
fn wait_for_the_end(session: &Session) -> String {
    session.wait_until("the end of the story", |screen| {
        status_line(&screen.contents()).contains(" End")
    })
}

/// The screen without its status line, which is drawn last, after the panes.
fn above_status(screen: &str) -> String {
    screen.lines().take(23).collect::<Vec<_>>().join("\n")
}

#[test]
fn enter_follows_the_jump_backspace_returns_and_m_merges_the_story() {
    let mut session = open_freight_story(&[FRONT_PAGE, PAGE_FOUR]);
    // Enter follows a jump only once its line is in view: not from the top of the story.
    session.send("\r");
    session.wait_for_text("The jump line is not in view");
    session.send("G");
    let before = session.wait_until("the end of the front part, its jump offered", |screen| {
        status_line(&screen.contents()).contains("Enter jump")
    });
    assert!(before.contains("（下转第四版）"), "{before}");
    session.send("\r");
    // The status line is drawn last: once it tells the jump, the whole frame is there.
    let continued = session.wait_until("the jump, told on the status line", |screen| {
        status_line(&screen.contents()).contains("Bksp back")
    });
    assert!(continued.contains("（上接第一版）"), "{continued}");
    assert!(continued.contains("还把当地的粮食"), "{continued}");
    assert!(!continued.contains("首班JQ奇瑞汽车出口专列"), "{continued}");
    assert!(status_line(&continued).contains("第四版"), "{continued}");
    assert!(status_line(&continued).contains("Bksp back"), "{continued}");

    session.send("\x7f");
    session.wait_until("the front part as it was before the jump", |screen| {
        above_status(&screen.contents()) == above_status(&before)
    });

    session.send("M");
    let merged = session.wait_until("merged reading", |screen| {
        status_line(&screen.contents()).contains("merged")
    });
    assert!(
        merged.contains("the track."),
        "still where the reader was:\n{merged}"
    );
    session.send("G");
    let end = wait_for_the_end(&session);
    let (front, rest) = end.split_once(SEAM).unwrap();
    assert!(front.contains("the track."), "{end}");
    assert!(rest.contains("还把当地的粮食"), "{end}");
    assert!(!end.contains("下转") && !end.contains("上接"), "{end}");

    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn a_jump_to_a_page_not_loaded_says_so_and_stays() {
    let mut session = open_freight_story(&[FRONT_PAGE]);
    session.send("G");
    let before = wait_for_the_end(&session);
    assert!(
        !status_line(&before).contains("Enter jump"),
        "a jump that leads nowhere is not offered:\n{before}"
    );
    session.send("\r");
    let after = session.wait_for_text("第四版 is not in this edition");
    assert_eq!(
        above_status(&after),
        above_status(&before),
        "only the status line changes"
    );
    assert!(!status_line(&after).contains("back"), "{after}");

    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn merged_on_the_command_line_starts_the_reader_in_merged_reading() {
    let mut session = open_freight_story(&["--merged", FRONT_PAGE, PAGE_FOUR]);
    assert!(
        status_line(&session.screen_text()).contains("merged"),
        "{}",
        session.screen_text()
    );
    session.send("G");
    let end = wait_for_the_end(&session);
    let (front, rest) = end.split_once(SEAM).unwrap();
    assert!(front.contains("the track."), "{end}");
    assert!(rest.contains("还把当地的粮食"), "{end}");

    session.send("M");
    session.wait_until("merged reading off", |screen| {
        status_line(&screen.contents()).contains("Merged reading off")
    });
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}
