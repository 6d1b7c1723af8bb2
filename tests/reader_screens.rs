//! The reader driven through its update loop with synthesized keys and drawn into ratatui's
//! `TestBackend`: snapshots of the main screens (insta, committed under `tests/snapshots/`)
//! and checks of what keys, the mouse and resizes do. No terminal is involved; the pseudo-
//! terminal tests of the real binary are in `reader_pty.rs`.

#[path = "common/in_process.rs"]
mod in_process;

use in_process::{Reader, config_in};
use khabar::config::Config;
use khabar::core::load::demo::load_demo;
use khabar::tui::{Msg, Pane, app_for, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::style::Modifier;

fn unshaped() -> Config {
    let mut c = Config::default();
    c.display.shape = false;
    c
}

#[test]
fn start_screen() {
    let r = Reader::new(130, 30);
    insta::assert_snapshot!("start", r.screen());
    assert!(r.status().starts_with(" 5/5 "), "{}", r.status());
    assert!(r.status().ends_with("bidi:app"), "{}", r.status());
}

#[test]
fn the_search_prompt_edits_where_the_cursor_is_and_its_arrows_point_the_way_it_reads() {
    let mut r = Reader::with_config(130, 30, unshaped());
    // «الرس»: → in a right-to-left field goes back one letter, before «س».
    r.keys("/الرس<Right>ئي");
    assert!(r.app.search.is_none(), "nothing is searched before Enter");
    r.keys("<Enter>");
    assert_eq!(
        r.app.search.as_ref().map(|s| s.text.as_str()),
        Some("الرئيس")
    );
    assert!(r.status().starts_with(" 3/5 /سيئرلا"), "{}", r.status());
}

#[test]
fn a_filter_longer_than_the_bar_keeps_the_cursor_in_view() {
    let mut r = Reader::new(60, 24);
    let long = "source:one source:two source:three source:four source:five";
    r.keys("f").keys(long);
    let bar = r.status();
    assert!(
        bar.contains("five▏") && bar.contains('…') && !bar.contains("one"),
        "{bar}"
    );
    r.keys("<Home>");
    let bar = r.status();
    assert!(
        bar.contains("▏source:one") && bar.trim_end().ends_with('…'),
        "{bar}"
    );
}

#[test]
fn search_active_screen() {
    let mut r = Reader::with_config(130, 30, unshaped());
    r.keys("/الرئيس<Enter>");
    insta::assert_snapshot!("search_active", r.screen());
    // The search as typed, drawn in visual order inside the left-to-right bar.
    assert!(r.status().starts_with(" 3/5 /سيئرلا"), "{}", r.status());
    // Every match in the body is marked where it lands after reordering: reversed on screen.
    let marked = r.marked(Modifier::UNDERLINED);
    assert!(marked.iter().any(|m| m.contains("سيئرلا")), "{marked:?}");
}

#[test]
fn search_folds_harakat_tatweel_and_hamza() {
    let mut r = Reader::new(130, 30);
    r.keys("/الـرَّئيس<Enter>");
    assert!(r.status().starts_with(" 3/5 "), "{}", r.status());
    r.keys("x/اذربيجان<Enter>");
    // «أذربيجان» and «آذربيجان» and «اذربيجان» alike.
    assert!(r.status().starts_with(" 5/5 "), "{}", r.status());
}

#[test]
fn filtered_screen() {
    let mut r = Reader::new(130, 30);
    r.keys("f")
        .keys("date:2020-10-01..2020-10-09 -ترامب<Enter>");
    insta::assert_snapshot!("filtered", r.screen());
    assert!(
        r.status().starts_with(" 3/5 date:2020-10-01..2020-10-09"),
        "{}",
        r.status()
    );
    r.keys("x");
    assert!(r.status().starts_with(" 5/5 "), "{}", r.status());
}

#[test]
fn help_screen_lists_every_binding() {
    let mut r = Reader::new(100, 34);
    r.keys("?");
    insta::assert_snapshot!("help", r.screen());
    let screen = r.screen();
    for text in [
        "move down",
        "Ctrl-d",
        "search titles and bodies",
        "Shift-Tab",
        "quit",
    ] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }
    // The wheel scrolls it no further than its last page: the keys of a line being typed.
    for _ in 0..100 {
        r.wheel_down(50, 17);
    }
    let screen = r.screen();
    assert!(
        screen.contains("in a prompt or a form:") && screen.contains("Ctrl-u"),
        "{screen}"
    );
    // A full page, not the last row alone: the actions above it are still shown.
    assert!(
        screen.contains("pick sources") && !screen.contains("move down"),
        "{screen}"
    );
    // G goes there too.
    r.keys("gG");
    let screen = r.screen();
    assert!(
        screen.contains("in a prompt or a form:")
            && screen.contains("Ctrl-w     delete the word before"),
        "{screen}"
    );
    r.keys("<Esc>");
    assert!(!r.screen().contains("keys (Esc closes)"));
}

#[test]
fn narrow_layouts() {
    let mut r = Reader::new(80, 20);
    insta::assert_snapshot!("narrow_80", r.screen());
    assert!(!r.screen().contains(" facts "));
    // Focusing the facts shows the sidebar in the list's place.
    r.keys("ll");
    assert!(r.screen().contains(" facts ") && !r.screen().contains(" articles "));
    r.resize(50, 12);
    insta::assert_snapshot!("narrow_50", r.screen());
    assert!(r.screen().contains(" facts ") && !r.screen().contains(" article "));
    r.resize(19, 5);
    assert!(r.screen().starts_with("terminal too"), "{}", r.screen());
    r.resize(20, 5);
    assert!(!r.screen().contains("too small"));
}

#[test]
fn claims_view_compares_counts_across_articles() {
    let mut r = Reader::new(130, 30);
    r.keys("c");
    insta::assert_snapshot!("claims", r.screen());
    let screen = r.screen();
    assert!(screen.contains("claims across 5 articles"), "{screen}");
    // Armenia's tally of Azerbaijani tanks: 3, 137, 416.
    for value in ["  3  2020-09-27", "  137  2020-10-01", "  416  2020-10-07"] {
        assert!(screen.contains(value), "{value} missing:\n{screen}");
    }
    // Enter opens the article the selected value comes from, in the body.
    r.keys("<Enter>");
    assert!(!r.screen().contains("claims across"));
    assert_eq!(r.app.focus, Pane::Body);
    assert!(r.app.highlight.is_some());
}

#[test]
fn keys_move_the_selection_and_the_focus() {
    let mut r = Reader::new(130, 30);
    let first = r.app.selected_article();
    r.keys("j");
    assert_ne!(r.app.selected_article(), first);
    assert_eq!(r.app.list.selected, 1);
    r.keys("G");
    assert_eq!(r.app.list.selected, 4);
    r.keys("g");
    assert_eq!(r.app.list.selected, 0);
    r.keys("<Tab>");
    assert_eq!(r.app.focus, Pane::Body);
    r.keys("<C-d>");
    assert!(r.app.body_scroll > 0);
    r.keys("<Tab>");
    assert_eq!(r.app.focus, Pane::Facts);
    // Moving in the sidebar selects a fact and scrolls the body to it.
    r.keys("jjjjjjjjjj");
    let span = r.app.highlight.expect("a fact is highlighted");
    assert!(span.paragraph > 0);
    r.keys("<BackTab>");
    assert_eq!(r.app.focus, Pane::Body);
    r.keys("hh");
    assert_eq!(r.app.focus, Pane::List);
    r.keys("h");
    assert_eq!(r.app.focus, Pane::List);
}

#[test]
fn a_bad_query_is_explained_and_changes_nothing() {
    let mut r = Reader::new(130, 30);
    r.keys("fsince:yesterday<Enter>");
    let screen = r.screen();
    assert!(screen.contains("yesterday"), "{screen}");
    assert!(screen.contains("filter: since:yesterday"), "{screen}");
    r.keys("<Esc>");
    assert!(r.status().starts_with(" 5/5 "), "{}", r.status());
    assert!(r.app.query.is_empty());
}

#[test]
fn the_query_prompt_keeps_a_history() {
    let mut r = Reader::new(130, 30);
    r.keys("flang:ar<Enter>")
        .keys("f<C-u>since:2020-10-05<Enter>");
    r.keys("f<C-u><Up>");
    assert!(
        r.screen().contains("filter: since:2020-10-05"),
        "{}",
        r.status()
    );
    r.keys("<Up>");
    assert!(r.screen().contains("filter: lang:ar"), "{}", r.status());
    r.keys("<Enter>");
    assert_eq!(r.app.query.to_string(), "lang:ar");
}

#[test]
fn sources_are_picked_from_a_list() {
    let mut r = Reader::new(130, 30);
    r.keys("s");
    assert!(r.screen().contains("sources: Space picks"));
    r.keys("<Space>j<Space><Enter>");
    assert!(r.status().starts_with(" 2/5 source:"), "{}", r.status());
    // Reopened, the picked sources are ticked.
    r.keys("s");
    assert_eq!(r.screen().matches("[x]").count(), 2, "{}", r.screen());
}

#[test]
fn a_date_range_is_set_and_cleared() {
    let mut r = Reader::new(130, 30);
    r.keys("d2020-10-01..2020-10-09<Enter>");
    assert!(r.status().starts_with(" 3/5 "), "{}", r.status());
    r.keys("d");
    assert!(
        r.screen()
            .contains("dates (FROM..TO): 2020-10-01..2020-10-09")
    );
    r.keys("<C-u><Enter>");
    assert!(r.status().starts_with(" 5/5 "), "{}", r.status());
    r.keys("d2020-10-09..2020-10-01<Enter>");
    assert!(
        r.screen().contains("dates (FROM..TO)"),
        "the prompt stays open"
    );
}

#[test]
fn next_match_walks_the_body_then_the_next_article() {
    let mut r = Reader::new(130, 30);
    r.keys("/ارمينيا<Enter>");
    let first = r.app.selected_article();
    let count = r.app.current.as_ref().unwrap().matches.len();
    assert!(count > 1);
    r.keys("n");
    assert_eq!(r.app.match_at, Some(1));
    for _ in 1..count {
        r.keys("n");
    }
    assert_ne!(
        r.app.selected_article(),
        first,
        "past the last match: the next article"
    );
    r.keys("N");
    assert_eq!(r.app.selected_article(), first);
}

#[test]
fn bidi_mode_cycles() {
    let mut r = Reader::new(130, 30);
    r.keys("b");
    assert!(r.status().ends_with("bidi:terminal"), "{}", r.status());
    r.keys("b");
    assert!(r.status().ends_with("bidi:off"), "{}", r.status());
    r.keys("b");
    assert!(r.status().ends_with("bidi:app"), "{}", r.status());
}

#[test]
fn the_mouse_selects_and_focuses() {
    let mut r = Reader::new(130, 30);
    // The third row of the list (inside the border).
    r.click(5, 3);
    assert_eq!(r.app.list.selected, 2);
    let body = r.app.view.borrow().rects.body;
    r.click(body.x + 3, body.y + 3);
    assert_eq!(r.app.focus, Pane::Body);
}

#[test]
fn quit_keys() {
    let mut r = Reader::new(80, 20);
    r.keys("q");
    assert!(r.app.quit);
    let mut r = Reader::new(80, 20);
    r.keys("<C-c>");
    assert!(r.app.quit);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any size and any keys: no panic, and nothing drawn outside the screen.
    #[test]
    fn any_size_and_keys_never_panic(
        sizes in proptest::collection::vec((1u16..160, 1u16..50), 1..4),
        keys in proptest::collection::vec(proptest::sample::select(vec![
            "j", "k", "G", "g", "<Tab>", "<BackTab>", "h", "l", "<Enter>", "/", "ع", "<Esc>",
            "n", "N", "f", "<C-d>", "<PageDown>", "s", "<Space>", "d", "x", "c", "i", "b", "?",
        ]), 0..30),
    ) {
        let mut r = Reader::new(sizes[0].0, sizes[0].1);
        for (k, key) in keys.iter().enumerate() {
            r.keys(key);
            if let Some(&(w, h)) = sizes.get(k % sizes.len()) {
                r.resize(w, h);
            }
        }
    }
}

#[test]
fn the_calibration_screen_sets_the_mode_picked_by_eye() {
    let mut r = Reader::new(120, 30);
    r.keys("B");
    insta::assert_snapshot!("calibrate", r.screen());
    let screen = r.screen();
    for label in [
        "1. app, joined",
        "2. app, unjoined",
        "3. terminal",
        "4. off",
    ] {
        assert!(screen.contains(label), "{label} missing:\n{screen}");
    }
    // The sample in app mode: «S-300» and the brackets read left to right, digits unreversed.
    assert!(screen.contains("(S-300)"), "{screen}");
    r.keys("2");
    assert!(!r.app.options.shape);
    assert!(r.status().ends_with("bidi:app"), "{}", r.status());
    r.keys("B3");
    assert!(r.status().ends_with("bidi:terminal"), "{}", r.status());
    r.keys("B<Esc>");
    assert!(r.status().ends_with("bidi:terminal"), "Esc keeps the mode");
}

#[test]
fn bodies_folded_in_the_background_keep_the_match_reached() {
    let mut r = Reader::new(130, 30);
    r.keys("/ارمينيا<Enter>n");
    assert_eq!(r.app.match_at, Some(1));
    // What a large library's background indexing sends when it is done: the list is
    // filtered again, and `n` must not start over.
    update(&mut r.app, Msg::Indexed(Vec::new()));
    r.settle();
    assert_eq!(r.app.match_at, Some(1));
    r.keys("n");
    assert_eq!(r.app.match_at, Some(2));
}

#[test]
fn a_library_shown_while_it_loads_keeps_the_article_selected() {
    let demo = load_demo().articles;
    let data = tempfile::tempdir().unwrap();
    let mut app = app_for(&config_in(&data, Config::default()), true).unwrap();
    let mut term = Terminal::new(TestBackend::new(130, 30)).unwrap();
    // The three older articles are read first.
    app.add_arrived(demo[2..].to_vec());
    assert_eq!(app.shown.len(), 3);
    assert_eq!(app.articles[app.selected_article().unwrap()].id, demo[2].id);
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)),
    );
    let chosen = demo[3].id.clone();
    // Newer ones arrive above it: the selection and the body stay on the chosen article.
    app.add_arrived(demo[..2].to_vec());
    let at = app.selected_article().unwrap();
    assert_eq!(app.articles[at].id, chosen);
    assert_eq!(app.list.selected, 3);
    assert_eq!(app.current.as_ref().unwrap().article, at);
    term.draw(|f| draw(f, &app)).unwrap();
    // The body is laid out for the chosen article at its new place, not for whatever
    // article took its old one.
    let body = app
        .view
        .borrow()
        .body
        .as_ref()
        .map(|b| (b.article, b.paragraphs));
    assert_eq!(body, Some((at, demo[3].paragraphs.len())));
    // The whole library, as loading ends, replaces the batches and keeps the choice.
    update(&mut app, Msg::Loaded(load_demo()));
    assert_eq!(app.shown.len(), 5);
    assert_eq!(app.articles[app.selected_article().unwrap()].id, chosen);
}

#[test]
fn a_failed_background_task_is_told_and_nothing_waits_for_it() {
    let mut r = Reader::new(130, 30);
    update(
        &mut r.app,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE)),
    );
    // The comparison's job is still queued (not run): as if its thread had panicked.
    r.app.jobs.clear();
    update(&mut r.app, Msg::JobFailed);
    r.term.draw(|f| draw(f, &r.app)).unwrap();
    let screen = r.screen();
    assert!(!screen.contains("comparing…"), "{screen}");
    assert!(
        r.status().contains("a background task failed"),
        "{}",
        r.status()
    );
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut r = Reader::new(130, 30);
    let body = r.app.view.borrow().rects.body;
    let wheel = |r: &mut Reader, kind, column, row| {
        update(
            &mut r.app,
            Msg::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }),
        );
        r.settle();
    };
    wheel(&mut r, MouseEventKind::ScrollDown, body.x + 5, body.y + 5);
    assert_eq!(r.app.body_scroll, 3);
    wheel(&mut r, MouseEventKind::ScrollUp, body.x + 5, body.y + 5);
    assert_eq!(r.app.body_scroll, 0);
    // Over the list, the wheel moves the selection.
    wheel(&mut r, MouseEventKind::ScrollDown, 3, 3);
    assert_eq!(r.app.list.selected, 3);
}
