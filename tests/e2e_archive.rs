//! Reading an archive in a terminal: it opens at the newest edition, or the one last read
//! there; ( and ) move by date, and the picker lists the editions by month, marks the one
//! being read and a broken one, and opens the date typed.

mod support;

use support::Session;
use support::archive::mixed;

const COLS: u16 = 120;
const ROWS: u16 = 36;

/// Titles of the first article of each edition of the mixed archive.
const JUNE_9: &str = "气科院举行2026年度研究生毕业典礼";
const JUNE_5: &str = "中国气象局与国家数据局举行工作座谈会";
const OCTOBER_19: &str = "习近平集体会见各国防务部门";
const OCTOBER_4: &str = "习近平同比利时国王菲利普互致贺电";

/// Waits for the edition of `date` to show, its first article's `title` and its place in
/// the archive, `number` of 5 (the place is drawn after the panes); returns the screen.
fn shows_edition(session: &Session, title: &str, date: &str, number: usize) -> String {
    let place = format!("( {number}/5 )");
    session.wait_until(&format!("the edition of {date}"), |screen| {
        let text = screen.contents();
        text.contains(title) && text.contains(date) && text.contains(&place)
    })
}

#[test]
fn an_archive_opens_at_the_newest_edition_and_moves_by_date() {
    let archive = mixed("e2e_archive_move", true);
    let mut session = Session::start(&[archive.root().to_str().unwrap()], COLS, ROWS);
    // The whole first frame, not its first rows: a frame reaches the terminal in pieces.
    let screen = shows_edition(&session, JUNE_9, "2026-06-09", 5);
    assert!(screen.contains("中国气象报 2026-06-09"), "{screen}");
    assert!(screen.contains("( 5/5 ) e editions"), "{screen}");

    session.send("(");
    shows_edition(&session, JUNE_5, "2026-06-05", 4);
    session.send("((");
    let screen = shows_edition(&session, OCTOBER_4, "2019-10-04", 1);
    // 2019-10-10 is broken: passed, and named on the status line.
    assert!(screen.contains("Skipped broken: 2019-10-10"), "{screen}");
    session.send(")");
    shows_edition(&session, OCTOBER_19, "2019-10-19", 3);
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn the_picker_lists_editions_by_month_and_opens_a_typed_date() {
    let archive = mixed("e2e_archive_picker", true);
    let mut session = Session::start(
        &[archive.root().to_str().unwrap(), "--date", "2026-06-05"],
        COLS,
        ROWS,
    );
    session.wait_for_text(JUNE_5);
    session.send("e");
    let screen = session.wait_until("the picker with every count", |screen| {
        let text = screen.contents();
        text.contains("Editions: 5") && text.matches("articles").count() == 4
    });
    assert!(
        screen.contains("October 2019") && screen.contains("June 2026"),
        "{screen}"
    );
    let open = screen.lines().find(|line| line.contains("● 2026-06-05"));
    assert!(open.is_some(), "the open edition is not marked:\n{screen}");
    let broken = screen
        .lines()
        .find(|line| line.contains("2019-10-10"))
        .unwrap_or_else(|| panic!("no broken edition:\n{screen}"));
    assert!(
        broken.contains("broken: ") && broken.contains("not a text"),
        "{screen}"
    );
    assert!(screen.contains("2019-10-04 Fri"), "{screen}");

    // A typed date jumps; Enter opens it and closes the picker.
    session.send("20191019\r");
    session.wait_until("the edition typed", |screen| {
        let text = screen.contents();
        text.contains(OCTOBER_19) && !text.contains("Editions: 5")
    });
    // Esc closes the picker without opening what is selected.
    session.send("ek");
    session.wait_for_text("Editions: 5");
    session.send("\x1b");
    let screen = session.wait_until("the picker to close", |screen| {
        !screen.contents().contains("Editions: 5")
    });
    assert!(screen.contains(OCTOBER_19), "{screen}");
    session.send("q");
    assert!(session.wait_exit().success());
}

#[test]
fn an_archive_opens_again_at_the_edition_last_read_unless_a_date_is_given() {
    let archive = mixed("e2e_archive_remembered", true);
    let root = archive.root().to_str().unwrap();
    let state = support::scratch_dir("archive-remembered-state");
    let start = |args: &[&str]| {
        let mut command = support::command(args);
        command.env("XDG_STATE_HOME", &state);
        Session::spawn(command, COLS, ROWS)
    };
    let mut session = start(&[root]);
    shows_edition(&session, JUNE_9, "2026-06-09", 5);
    session.send("((");
    shows_edition(&session, OCTOBER_19, "2019-10-19", 3);
    session.send("q");
    assert!(session.wait_exit().success());

    let mut session = start(&[root]);
    shows_edition(&session, OCTOBER_19, "2019-10-19", 3);
    session.send("q");
    assert!(session.wait_exit().success());

    // --date wins over what is remembered; the edition open at the end is the next start.
    let mut session = start(&[root, "--date", "2026/06/05"]);
    shows_edition(&session, JUNE_5, "2026-06-05", 4);
    session.send("q");
    assert!(session.wait_exit().success());
    let mut session = start(&[root]);
    shows_edition(&session, JUNE_5, "2026-06-05", 4);
    session.send("q");
    assert!(session.wait_exit().success());

    // A record that cannot be read: the newest, and a note on the status line.
    let records: Vec<_> = std::fs::read_dir(state.join("kanbao/archives"))
        .expect("the edition kept under XDG_STATE_HOME")
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    std::fs::write(&records[0], "not what the reader wrote").unwrap();
    let mut session = start(&[root]);
    shows_edition(&session, JUNE_9, "2026-06-09", 5);
    // The note names the file first; the status line may cut off why.
    session.wait_for_text("Opened the newest edition: ");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// True when a cell at or right of column `from` shows `c` on a coloured background: a
/// marked match.
fn marked_at(screen: &vt100::Screen, c: char, from: u16) -> bool {
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|row| {
        (from..cols.get()).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.contents() == c.to_string() && cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn a_search_of_the_archive_lists_matches_and_opens_one_at_its_match() {
    let archive = mixed("e2e_archive_search", true);
    let mut session = Session::start(&[archive.root().to_str().unwrap()], COLS, ROWS);
    session.wait_for_text(JUNE_9);
    session.send("&");
    session.wait_for_text("search all 5 editions");
    session.send("军运会\r");
    // The list is whole once the search has ended and every match has its row: the
    // title's count (all fit on this screen).
    let screen = session.wait_until("every match listed", |screen| {
        let text = screen.contents();
        let Some(title) = text.lines().next() else {
            return false;
        };
        let count: Option<usize> = (title.split("&军运会: ").nth(1))
            .and_then(|rest| rest.split(' ').next())
            .and_then(|count| count.parse().ok());
        let rows = text.lines().skip(1).filter(|line| line.contains("军运会"));
        title.contains("all 5 editions searched, 1 broken") && count == Some(rows.count())
    });
    let rows: Vec<&str> = (screen.lines())
        .filter(|line| line.contains("2019-10-"))
        .collect();
    assert!(rows.len() >= 2, "{screen}");
    assert!(rows.iter().all(|row| row.contains("军运会")), "{screen}");
    // Newest first: October 19 before October 4, where there are matches in both.
    let first_19 = rows.iter().position(|row| row.contains("2019-10-19"));
    let last_04 = rows.iter().rposition(|row| row.contains("2019-10-04"));
    if let (Some(first), Some(last)) = (first_19, last_04) {
        assert!(first < last, "{screen}");
    }
    // The match is marked in the list.
    assert!(
        session.with_screen(|screen| marked_at(screen, '军', 0)),
        "no match marked in the list"
    );

    // Enter opens the first result in its edition, at the match, highlighted.
    session.send("\r");
    let screen = session.wait_until("the result opened", |screen| {
        let text = screen.contents();
        text.contains("&军运会: 1 of") && !text.contains("editions searched")
    });
    assert!(screen.contains("2019-10-19"), "{screen}");
    assert!(
        session.with_screen(|screen| marked_at(screen, '军', 36)),
        "the match is not marked in the article pane:\n{screen}"
    );
    session.send("n");
    session.wait_for_text("&军运会: 2 of");
    // & Enter shows the list again; Esc leaves it.
    session.send("&\r");
    session.wait_for_text("editions searched");
    session.send("q");
    session.wait_until("the list to close", |screen| {
        !screen.contents().contains("editions searched")
    });
    session.send("q");
    assert!(session.wait_exit().success());
}

/// Background work that panics ends on its own: the reader keeps its screen and its keys, and
/// the message is told once the terminal is back.
#[test]
fn a_search_that_panics_leaves_the_reader_reading() {
    let archive = mixed("e2e_archive_search_panics", true);
    let mut command = support::command(&[archive.root().to_str().unwrap()]);
    command.env("KANBAO_TEST_PANIC_SEARCH", "1");
    let mut session = Session::spawn(command, COLS, ROWS);
    session.wait_for_text(JUNE_9);
    session.send("&");
    session.wait_for_text("search all 5 editions");
    session.send("军运会\r");
    let title = |screen: &vt100::Screen| screen.contents().lines().next().unwrap_or("").to_owned();
    session.wait_until("the results list, empty", |screen| {
        title(screen).contains("&军运会") && !title(screen).contains("searching")
    });
    session.send("\x1b");
    let screen = session.wait_until("the results list closed", |screen| {
        !title(screen).contains("&军运会")
    });
    assert!(screen.contains(JUNE_9), "{screen}");
    assert!(
        !screen.contains("panicked"),
        "the screen was written on:\n{screen}"
    );
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
    let screen = session.screen_text();
    assert!(
        screen.contains("background work failed") && screen.contains("KANBAO_TEST_PANIC_SEARCH"),
        "{screen}"
    );
}
