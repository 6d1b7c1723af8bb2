//! The reader end to end: the real `khabar` binary in a pseudo-terminal, driven with the
//! bytes a terminal sends for keys, its screen read back through a `vt100` emulator (the
//! harness is `common/pty.rs`). These check what only the whole program shows: that it
//! starts on the demo corpus, draws Arabic in visual order, navigates, searches, filters,
//! opens overlays, survives resizes, and gives the terminal back as it found it. How a pane
//! lays out its rows, and how text is reordered, belong to the unit tests of `tui` and of the
//! bidi engine: here the expected visual order is asked of the engine itself.

#[path = "common/pty.rs"]
mod pty;

#[path = "common/reader.rs"]
mod reader;

use pty::{Home, Screen, keys};
use reader::*;

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
