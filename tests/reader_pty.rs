//! The reader end to end: the real `khabar` binary in a pseudo-terminal, driven with the
//! bytes a terminal sends for keys, its screen read back through a `vt100` emulator (the
//! harness is `common/pty.rs`). These check what only the whole program shows: that it
//! starts on the demo corpus, draws Arabic in visual order, navigates, searches, filters,
//! opens overlays, survives resizes, and gives the terminal back as it found it. How a pane
//! lays out its rows, and how text is reordered, belong to the unit tests of `tui` and of the
//! bidi engine: here the expected visual order is asked of the engine itself.

#[path = "common/pty.rs"]
mod pty;

use khabar::core::bidi::{BaseDirection, LayoutOptions, layout};
use pty::{Home, Launch, Screen, Session, keys};

/// The demo articles' titles, newest first as the list shows them.
const TITLES: [&str; 5] = [
    "مساعي لتطويق المواجهة العسكرية بين اذربيجان وارمينيا",
    "بوتين يدعو لمحادثات أرمينية أذربيجانية في موسكو",
    "روسيا: لا خطط لعقد قمة ثلاثية روسية - أرمينية - أذربيجانية لحل أزمة قره باغ",
    "استمرار المعارك بقره باغ وأرمينيا ترفض وساطة روسية للحوار",
    "الخارجية الروسية تدعو أطراف النزاع في قره باغ إلى الوقف الفوري لإطلاق النار",
];
const DATES: [&str; 5] = [
    "2022-09-14",
    "2020-10-09",
    "2020-10-08",
    "2020-10-01",
    "2020-09-27",
];

/// `text` as the reader draws it in `app` mode at `width` columns: right-to-left rows of
/// shaped letters in visual order, without their indent.
fn visual(text: &str, width: usize) -> Vec<String> {
    layout(text, BaseDirection::Rtl, width, &LayoutOptions::default())
        .rows()
        .map(|row| row.text(false))
        .collect()
}

/// One word (or anything short) in visual order.
fn visual_word(text: &str) -> String {
    visual(text, usize::MAX).concat()
}

/// The status bar's counts, ` N/M ` at its start.
fn counts(screen: &Screen) -> Option<(usize, usize)> {
    let (n, m) = screen
        .bottom()
        .strip_prefix(' ')?
        .split(' ')
        .next()?
        .split_once('/')?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

/// Whether the status bar is up (no prompt over it) with `shown` of `total` articles.
fn status_shows(screen: &Screen, shown: usize, total: usize) -> bool {
    counts(screen) == Some((shown, total)) && screen.bottom().trim_end().ends_with("bidi:app")
}

/// Whether the body pane starts with `title`, laid out at the pane's width.
fn body_shows(screen: &Screen, title: &str) -> bool {
    screen.pane(" article ").is_some_and(|body| {
        let heading = visual(title, body.width());
        body.rows.first().map(|r| r.trim()) == heading.first().map(|h| h.trim())
    })
}

/// The dates of the rows of the article list, top to bottom.
fn listed_dates(screen: &Screen) -> Vec<String> {
    screen.pane(" articles ").map_or_else(Vec::new, |list| {
        list.rows
            .iter()
            .filter_map(|r| DATES.iter().find(|d| r.starts_with(*d)))
            .map(|d| d.to_string())
            .collect()
    })
}

/// Starts `khabar` on the demo corpus and waits for its first full screen.
fn demo(home: &Home) -> Session {
    let mut s = Launch::new(home).spawn();
    s.wait_until("the demo corpus", |sc| {
        status_shows(sc, 5, 5) && body_shows(sc, TITLES[0])
    });
    s
}

/// Quits with `q` and checks the exit status.
fn quit(s: &mut Session) {
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "q must exit with status 0");
}

/// Whether an SGR sequence (`ESC [ … m`) in `out` sets a colour: 30–37, 40–47, 90–97,
/// 100–107, or 38/48 (indexed or RGB). 39 and 49 only reset to the default.
fn sets_colour(out: &[u8]) -> bool {
    let text = String::from_utf8_lossy(out);
    text.split("\x1b[").skip(1).any(|seq| {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            return false;
        };
        if !seq[end..].starts_with('m') {
            return false;
        }
        let params: Vec<u16> = seq[..end]
            .split([';', ':'])
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        params
            .iter()
            .any(|p| matches!(p, 30..=37 | 40..=47 | 90..=97 | 100..=107 | 38 | 48))
    })
}

fn find(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

fn rfind(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}

#[test]
fn starts_on_the_demo_corpus_with_three_panes_in_visual_order() {
    let home = Home::new();
    let mut s = demo(&home);
    let screen = s.screen();
    let top = screen.row(0);
    for title in [" articles 5/5 ", " article ", " facts "] {
        assert!(
            top.contains(title),
            "no pane titled {title:?}:\n{}",
            screen.text()
        );
    }
    assert_eq!(screen.panes(), 3, "{}", screen.text());
    assert!(screen.bottom().starts_with(" 5/5 "), "{}", screen.bottom());
    assert!(
        screen.bottom().trim_end().ends_with("bidi:app"),
        "{}",
        screen.bottom()
    );
    // Newest first, one row each.
    assert_eq!(listed_dates(&screen), DATES, "{}", screen.text());
    // The Arabic is reordered and shaped by khabar: the list shows «بوتين» right to left in
    // presentation forms, and the body's heading is the title as the engine lays it out.
    let list = screen.pane(" articles ").expect("the list pane");
    assert!(list.contains(&visual_word("بوتين")), "{list:#?}");
    assert!(
        !screen.contains("بوتين"),
        "logical order on screen:\n{}",
        screen.text()
    );
    assert!(body_shows(&screen, TITLES[0]), "{}", screen.text());
    // Raw mode on the alternate screen, with the mouse and bracketed paste on.
    assert!(s.is_raw(), "the terminal is not in raw mode");
    s.wait_for("the alternate screen, mouse and paste modes", |v| {
        (v.alternate_screen()
            && v.bracketed_paste()
            && v.mouse_protocol_mode() != vt100::MouseProtocolMode::None)
            .then_some(())
    });
    quit(&mut s);
}

#[test]
fn moves_the_selection_and_the_focus() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("j");
    s.wait_until("the second article after j", |sc| body_shows(sc, TITLES[1]));
    s.send("j");
    s.wait_until("the third article after j", |sc| body_shows(sc, TITLES[2]));
    s.send("k");
    s.wait_until("the second article after k", |sc| body_shows(sc, TITLES[1]));
    s.send("G");
    let last = s.wait_until("the last article after G", |sc| body_shows(sc, TITLES[4]));
    let body = last.pane(" article ").expect("the body pane");
    assert!(body.contains(DATES[4]), "{body:#?}");
    s.send("g");
    s.wait_until("the first article after g", |sc| body_shows(sc, TITLES[0]));

    let focused = |sc: &Screen, title: &str| sc.pane(title).is_some_and(|p| p.focused);
    let sc = s.screen();
    assert!(
        focused(&sc, " articles "),
        "the list starts focused:\n{}",
        sc.text()
    );
    assert!(!focused(&sc, " article ") && !focused(&sc, " facts "));
    s.send(keys::TAB);
    s.wait_until("the body focused after Tab", |sc| {
        focused(sc, " article ") && !focused(sc, " articles ")
    });
    s.send(keys::TAB);
    s.wait_until("the facts focused after Tab", |sc| {
        focused(sc, " facts ") && !focused(sc, " article ")
    });
    s.send(keys::BACKTAB);
    s.wait_until("the body focused after Shift-Tab", |sc| {
        focused(sc, " article ") && !focused(sc, " facts ")
    });
    s.send("h");
    s.wait_until("the list focused after h", |sc| {
        focused(sc, " articles ") && !focused(sc, " article ")
    });
    // Selection and focus moves never change the list.
    assert!(status_shows(&s.screen(), 5, 5));
    quit(&mut s);
}

#[test]
fn search_narrows_the_list_and_esc_cancels_the_prompt() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("/");
    s.wait_until("the search prompt", |sc| sc.bottom().starts_with('/'));
    s.send("بوتين");
    s.send(keys::ENTER);
    let word = visual_word("بوتين");
    let found = s.wait_until("the search applied", |sc| {
        sc.bottom().contains(&format!("/{word}")) && counts(sc).is_some()
    });
    let (shown, total) = counts(&found).expect("counts");
    assert_eq!(total, 5);
    assert!(0 < shown && shown < 5, "{}", found.bottom());
    assert!(
        found.row(0).contains(&format!(" articles {shown}/5 ")),
        "{}",
        found.row(0)
    );
    assert_eq!(listed_dates(&found).len(), shown, "{}", found.text());
    assert!(found.bottom().contains("match 1/"), "{}", found.bottom());
    s.send("n");
    s.wait_until("the next match", |sc| sc.bottom().contains("match 2/"));

    // The prompt opens on the search in force; more typed and then abandoned changes nothing.
    s.send("/");
    s.wait_until("the search prompt again", |sc| {
        sc.bottom().starts_with('/') && sc.bottom().contains(&word)
    });
    s.send(" موسكو");
    s.wait_until("the text typed", |sc| {
        sc.bottom().contains(&visual_word("موسكو"))
    });
    s.send(keys::ESC);
    let after = s.wait_until("the prompt closed", |sc| {
        sc.bottom().trim_end().ends_with("bidi:app")
    });
    assert_eq!(counts(&after), Some((shown, 5)), "{}", after.bottom());
    assert!(
        after.bottom().contains(&format!("/{word}")),
        "{}",
        after.bottom()
    );

    s.send("x");
    s.wait_until("x clears the search", |sc| {
        status_shows(sc, 5, 5) && !sc.bottom().contains(&word)
    });
    quit(&mut s);
}

#[test]
fn the_source_picker_filters_and_x_clears() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("s");
    let picker = s.wait_until("the source picker", |sc| {
        sc.contains(" sources: Space picks, Enter applies ")
    });
    let unticked = picker.rows().iter().filter(|r| r.contains("[ ]")).count();
    assert!(unticked >= 2, "{}", picker.text());
    s.send(" ");
    s.wait_until("the first source ticked", |sc| sc.contains("[x]"));
    s.send(keys::ENTER);
    let filtered = s.wait_until("the source filter applied", |sc| {
        status_shows(sc, 1, 5) && !sc.contains(" sources: ")
    });
    assert!(
        filtered.bottom().contains("source:"),
        "{}",
        filtered.bottom()
    );
    assert_eq!(listed_dates(&filtered).len(), 1, "{}", filtered.text());
    s.send("x");
    s.wait_until("x restores the list", |sc| {
        status_shows(sc, 5, 5) && !sc.bottom().contains("source:")
    });
    quit(&mut s);
}

#[test]
fn the_query_prompt_filters_by_source() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("f");
    s.wait_until("the query prompt", |sc| sc.bottom().starts_with("filter: "));
    s.send("source:الوسط");
    s.send(keys::ENTER);
    let filtered = s.wait_until("the query applied", |sc| status_shows(sc, 1, 5));
    assert!(
        filtered
            .bottom()
            .contains(&format!("source:{}", visual_word("الوسط"))),
        "{}",
        filtered.bottom()
    );
    // بوابة الوسط published the article of 2020-10-08.
    assert_eq!(listed_dates(&filtered), [DATES[2]], "{}", filtered.text());
    assert!(body_shows(&filtered, TITLES[2]), "{}", filtered.text());
    s.send("x");
    s.wait_until("x restores the list", |sc| status_shows(sc, 5, 5));
    quit(&mut s);
}

#[test]
fn the_date_prompt_filters_and_a_bad_query_changes_nothing() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("d");
    s.wait_until("the date prompt", |sc| {
        sc.bottom().starts_with("dates (FROM..TO): ")
    });
    s.send("2020-10-01..2020-10-09");
    s.send(keys::ENTER);
    let dated = s.wait_until("the dates applied", |sc| status_shows(sc, 3, 5));
    assert!(
        dated.bottom().contains("date:2020-10-01..2020-10-09"),
        "{}",
        dated.bottom()
    );
    assert_eq!(listed_dates(&dated), &DATES[1..4], "{}", dated.text());

    // The prompt opens on the filter in force; an unknown field is refused with a line
    // saying so, and the prompt stays open.
    s.send("f");
    s.wait_until("the query prompt", |sc| sc.bottom().starts_with("filter: "));
    s.send(" foo:bar");
    s.send(keys::ENTER);
    let refused = s.wait_until("the error line", |sc| {
        let rows = sc.rows();
        rows.len() >= 2 && rows[rows.len() - 2].starts_with("unknown field")
    });
    assert!(
        refused.bottom().starts_with("filter: "),
        "{}",
        refused.bottom()
    );
    assert!(refused.contains("'foo:'"), "{}", refused.text());
    assert!(
        refused.row(0).contains(" articles 3/5 "),
        "{}",
        refused.row(0)
    );
    assert_eq!(listed_dates(&refused), &DATES[1..4]);
    s.send(keys::ESC);
    let kept = s.wait_until("the prompt closed", |sc| status_shows(sc, 3, 5));
    assert!(
        kept.bottom().contains("date:2020-10-01..2020-10-09"),
        "{}",
        kept.bottom()
    );
    assert!(!kept.contains("unknown field"), "{}", kept.text());

    s.send("x");
    s.wait_until("x restores the list", |sc| {
        status_shows(sc, 5, 5) && !sc.bottom().contains("date:")
    });
    quit(&mut s);
}

#[test]
fn help_and_claims_overlays_open_and_close() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("?");
    let help = s.wait_until("the help overlay", |sc| sc.contains(" keys (Esc closes) "));
    assert!(help.contains("quit"), "{}", help.text());
    s.send(keys::ESC);
    s.wait_until("the help closed", |sc| {
        !sc.contains(" keys (Esc closes) ") && status_shows(sc, 5, 5)
    });
    s.send("c");
    s.wait_until("the claims overlay", |sc| {
        sc.contains(" claims across 5 articles")
    });
    s.send(keys::ESC);
    let closed = s.wait_until("the claims closed", |sc| !sc.contains(" claims across "));
    assert_eq!(closed.panes(), 3, "{}", closed.text());
    quit(&mut s);
}

#[test]
fn survives_resizes_down_to_too_small_and_back() {
    let home = Home::new();
    let mut s = demo(&home);
    // Every size is told apart by its status bar on the new bottom row and its panes.
    let status_up = |sc: &Screen| counts(sc) == Some((5, 5));
    s.resize(80, 24);
    // The right edge of the last pane is the screen's: the frame was drawn at this width.
    let two = s.wait_until("two panes at 80×24", |sc| {
        sc.rows().len() == 24 && status_up(sc) && sc.panes() == 2 && sc.row(0).ends_with('╮')
    });
    assert!(two.row(0).contains(" articles 5/5 ") && !two.row(0).contains(" facts "));
    assert!(
        two.bottom().trim_end().ends_with("bidi:app"),
        "{}",
        two.bottom()
    );

    s.resize(50, 12);
    let one = s.wait_until("one pane at 50×12", |sc| {
        sc.rows().len() == 12 && status_up(sc) && sc.panes() == 1 && sc.row(0).ends_with('┓')
    });
    assert!(one.row(0).contains(" articles 5/5 "), "{}", one.text());

    s.resize(19, 4);
    let small = s.wait_until("the too-small line at 19×4", |sc| {
        sc.row(0).starts_with("terminal too small")
    });
    assert!(
        small.rows()[1..].iter().all(|r| r.trim().is_empty()),
        "{}",
        small.text()
    );
    assert!(s.is_running());

    s.resize(20, 5);
    let tiny = s.wait_until("the reader at 20×5", |sc| {
        status_up(sc) && !sc.contains("terminal too small")
    });
    assert_eq!(tiny.panes(), 0, "no room for borders:\n{}", tiny.text());

    s.resize(130, 35);
    s.wait_until("three panes again at 130×35", |sc| {
        sc.rows().len() == 35
            && status_shows(sc, 5, 5)
            && sc.panes() == 3
            && sc.row(0).ends_with('╮')
            && body_shows(sc, TITLES[0])
    });
    assert!(s.is_running());
    quit(&mut s);
}

#[test]
fn q_quits_and_gives_the_terminal_back() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let out = s.raw();
    let at = |seq: &str| find(&out, seq).unwrap_or_else(|| panic!("{seq:?} never sent"));
    let last = |seq: &str| rfind(&out, seq).unwrap_or_else(|| panic!("{seq:?} never sent"));
    // Alternate screen, explicit bidi mode, mouse and bracketed paste: each left after it
    // was entered, and not entered again.
    for (enter, leave) in [
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[8l", "\x1b[8h"),
        ("\x1b[1 k", "\x1b[0 k"),
        ("\x1b[?1000h", "\x1b[?1000l"),
        ("\x1b[?1006h", "\x1b[?1006l"),
        ("\x1b[?2004h", "\x1b[?2004l"),
    ] {
        assert!(at(enter) < last(leave), "{leave:?} not after {enter:?}");
        assert!(
            last(enter) < last(leave),
            "{enter:?} sent again after {leave:?}"
        );
    }
    let screen = s.wait_for("the emulator back to normal", |v| Some(v.clone()));
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.bracketed_paste(), "bracketed paste still on");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse still captured"
    );
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    assert!(!s.is_raw(), "the terminal was left in raw mode");
}

#[test]
fn ctrl_c_quits_with_status_0() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send(keys::CTRL_C);
    assert_eq!(s.wait_exit(), 0);
    assert!(
        rfind(&s.raw(), "\x1b[?1049l").is_some(),
        "the alternate screen was not left"
    );
    assert!(!s.is_raw(), "the terminal was left in raw mode");
}

#[test]
fn b_cycles_the_bidi_mode() {
    let home = Home::new();
    let mut s = demo(&home);
    s.send("b");
    let terminal = s.wait_until("bidi:terminal", |sc| {
        sc.bottom().trim_end().ends_with("bidi:terminal")
    });
    // The terminal reorders now: khabar writes the title in logical order, unshaped.
    let body = terminal.pane(" article ").expect("the body pane");
    assert_eq!(
        body.rows.first().map(|r| r.trim()),
        Some(TITLES[0]),
        "{body:#?}"
    );
    // Leaving `app` mode also leaves the terminal's explicit bidi mode.
    let out = s.raw();
    assert!(
        rfind(&out, "\x1b[8h") > find(&out, "\x1b[8l"),
        "explicit mode not left"
    );
    s.send("b");
    s.wait_until("bidi:off", |sc| {
        sc.bottom().trim_end().ends_with("bidi:off")
    });
    s.send("b");
    s.wait_until("bidi:app again", |sc| {
        status_shows(sc, 5, 5) && body_shows(sc, TITLES[0])
    });
    // Redrawing in a new mode never asks the terminal where its cursor is: not every
    // terminal answers, and the reader would hang waiting.
    assert_eq!(
        find(&s.raw(), "\x1b[6n"),
        None,
        "a cursor position query was sent"
    );
    quit(&mut s);
}

#[test]
fn a_folder_argument_opens_its_articles() {
    let home = Home::new();
    let folder = home.path().join("news");
    std::fs::create_dir(&folder).expect("the news folder");
    let articles = [
        (
            "deficit.txt",
            "وزير المالية يعلن خطة لخفض العجز",
            "أعلن وزير المالية اليوم أن الحكومة ستخفض العجز في الموازنة العامة إلى ثلاثة في المئة خلال عامين.",
        ),
        (
            "rain.txt",
            "أمطار غزيرة في العاصمة",
            "هطلت أمطار غزيرة على العاصمة صباح اليوم وأغلقت عدة طرق رئيسية أمام حركة السير.",
        ),
        (
            "port.txt",
            "افتتاح ميناء جديد",
            "افتتح رئيس الوزراء ميناء جديدا على الساحل الشمالي بطاقة استيعابية كبيرة.",
        ),
    ];
    for (name, title, paragraph) in articles {
        let text = format!(
            "{title}\n\n{paragraph}\n\nوأضاف المسؤولون أن العمل سيستمر خلال الأشهر المقبلة.\n"
        );
        std::fs::write(folder.join(name), text).expect("an article file");
    }
    let mut s = Launch::new(&home).arg(&folder).spawn();
    let screen = s.wait_until("the folder's three articles", |sc| status_shows(sc, 3, 3));
    assert!(
        screen.row(0).contains(" articles 3/3 "),
        "{}",
        screen.row(0)
    );
    let list = screen.pane(" articles ").expect("the list pane");
    for (_, title, _) in articles {
        let first_word = title.split(' ').next().unwrap_or(title);
        assert!(
            list.contains(&visual_word(first_word)),
            "{title} not listed:\n{list:#?}"
        );
    }
    let shown = s.wait_until("a body", |sc| {
        articles.iter().any(|(_, t, _)| body_shows(sc, t))
    });
    assert!(
        !shown.contains(&visual_word("بوتين")),
        "the demo corpus was opened"
    );
    quit(&mut s);
}

#[test]
fn no_color_sends_no_colour() {
    let runs = [(false, true), (true, false)].map(|(no_color, coloured)| {
        let home = Home::new();
        let mut launch = Launch::new(&home);
        if no_color {
            launch = launch.env("NO_COLOR", "1");
        }
        let mut s = launch.spawn();
        s.wait_until("the demo corpus", |sc| {
            status_shows(sc, 5, 5) && body_shows(sc, TITLES[0])
        });
        // A search brings out one more role: the matches.
        s.send("/");
        s.wait_until("the search prompt", |sc| sc.bottom().starts_with('/'));
        s.send("قره");
        s.send(keys::ENTER);
        s.wait_until("the search applied", |sc| sc.bottom().contains("match 1/"));
        quit(&mut s);
        (no_color, coloured, sets_colour(&s.raw()))
    });
    for (no_color, coloured, sets) in runs {
        assert_eq!(
            sets, coloured,
            "NO_COLOR set: {no_color}; colour codes sent: {sets}"
        );
    }
}

#[test]
fn a_missing_folder_is_one_line_and_status_1() {
    let home = Home::new();
    let missing = home.path().join("no-such-news");
    let mut s = Launch::new(&home).arg(&missing).spawn();
    assert_eq!(s.wait_exit(), 1);
    let out = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        !out.contains('\x1b'),
        "escape sequences before the error: {out:?}"
    );
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "{out:?}");
    assert!(
        lines[0].contains("no-such-news"),
        "the folder is not named: {out:?}"
    );
    assert!(lines[0].starts_with("khabar: "), "{out:?}");
}

// Two bugs these tests found, kept as regression tests.

#[test]
fn the_body_title_counts_rows_of_the_article_shown() {
    let home = Home::new();
    let mut s = demo(&home);
    let first = s.screen();
    let title = |sc: &Screen| {
        let top = sc.row(0);
        let at = top.find(" article ")?;
        top[at + " article ".len()..]
            .split(' ')
            .next()
            .map(str::to_string)
    };
    let on_first = title(&first).unwrap_or_default();
    assert!(
        on_first.contains('/'),
        "no position on the first screen:\n{}",
        first.row(0)
    );
    s.send("j");
    let second = s.wait_until("the second article", |sc| body_shows(sc, TITLES[1]));
    // The two articles have different lengths, so the totals differ.
    assert_ne!(
        title(&second).unwrap_or_default(),
        on_first,
        "{}",
        second.row(0)
    );
    quit(&mut s);
}

#[test]
fn a_cut_title_keeps_whole_words_against_the_right_edge() {
    let home = Home::new();
    let mut s = demo(&home);
    let screen = s.screen();
    let list = screen.pane(" articles ").expect("the list pane");
    let row = list
        .rows
        .iter()
        .find(|r| r.starts_with(DATES[1]))
        .expect("the row of the second article");
    // The title is the last column (after the date and the source, each maybe cut too).
    let at = row.rfind('…').unwrap_or_else(|| panic!("not cut: {row:?}"));
    let cut = &row[at + '…'.len_utf8()..];
    assert!(
        !row.ends_with(' '),
        "a blank column at the right edge: {row:?}"
    );
    let cut = cut.trim_end();
    let whole = visual_word(TITLES[1]);
    assert!(
        whole.ends_with(cut),
        "{cut:?} is not the start of the title"
    );
    assert!(
        whole[..whole.len() - cut.len()].ends_with(' '),
        "cut inside a word (a letter lost under «…»): {row:?}"
    );
    quit(&mut s);
}
