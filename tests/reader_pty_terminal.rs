//! The reader end to end, its terminal side: the real `khabar` binary in a pseudo-terminal
//! (harness in `common/pty.rs`) resized down to too small and back, quitting with `q` and
//! Ctrl-C and giving the terminal back as it found it (alternate screen, raw mode, mouse,
//! paste, explicit bidi mode), the bidi mode key, a folder argument, `NO_COLOR`, and a
//! missing folder. Navigation, search and filters are in `reader_pty.rs`.

#[path = "common/pty.rs"]
mod pty;
#[path = "common/reader.rs"]
mod reader;

use pty::{Home, Launch, Screen, keys};
use reader::*;

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

#[test]
fn keys_rebound_in_the_config_file_work_and_a_bad_binding_is_refused() {
    let home = Home::new();
    let config = home.path().join("keys.toml");
    std::fs::write(
        &config,
        "[keys]\ndown = \"J\"\nquit = [\"Q\", \"Ctrl-q\"]\n",
    )
    .expect("config");
    let mut s = Launch::new(&home)
        .env("KHABAR_CONFIG", config.to_str().expect("utf-8 path"))
        .spawn();
    s.wait_until("the demo corpus", |sc| {
        status_shows(sc, 5, 5) && body_shows(sc, TITLES[0])
    });
    // `j` is no longer bound; `J` moves down.
    s.send("j");
    s.send("J");
    s.wait_until("the second article", |sc| body_shows(sc, TITLES[1]));
    // The help shows the keys in force.
    s.send("?");
    s.wait_until("the help", |sc| {
        sc.rows()
            .iter()
            .any(|r| r.contains("J ") && r.contains("move down"))
    });
    s.send(keys::ESC);
    s.wait_until("the help closed", |sc| {
        !sc.rows().iter().any(|r| r.contains("keys (Esc closes)"))
    });
    s.send("q");
    s.send("Q");
    assert_eq!(s.wait_exit(), 0);

    // Two actions the config binds to one key.
    std::fs::write(
        &config,
        "[keys]\ndown = \"q\"\nquit = [\"q\", \"Ctrl-q\"]\n",
    )
    .expect("config");
    let mut s = Launch::new(&home)
        .env("KHABAR_CONFIG", config.to_str().expect("utf-8 path"))
        .spawn();
    assert_eq!(s.wait_exit(), 1);
    let out = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(!out.contains('\x1b'), "the screen was taken: {out:?}");
    assert!(out.contains("down") && out.contains("quit"), "{out:?}");
}
