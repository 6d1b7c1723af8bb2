//! What the pseudo-terminal tests of the reader share: the demo corpus's titles and dates,
//! the visual form the engine gives a text, and reading the status bar and panes of a
//! `vt100` screen. Each test crate uses a part of it.
#![allow(dead_code)]

use khabar::core::bidi::{BaseDirection, LayoutOptions, layout};

use crate::pty::{Home, Launch, Screen, Session};

/// The demo articles' titles, newest first as the list shows them.
pub const TITLES: [&str; 5] = [
    "مساعي لتطويق المواجهة العسكرية بين اذربيجان وارمينيا",
    "بوتين يدعو لمحادثات أرمينية أذربيجانية في موسكو",
    "روسيا: لا خطط لعقد قمة ثلاثية روسية - أرمينية - أذربيجانية لحل أزمة قره باغ",
    "استمرار المعارك بقره باغ وأرمينيا ترفض وساطة روسية للحوار",
    "الخارجية الروسية تدعو أطراف النزاع في قره باغ إلى الوقف الفوري لإطلاق النار",
];
pub const DATES: [&str; 5] = [
    "2022-09-14",
    "2020-10-09",
    "2020-10-08",
    "2020-10-01",
    "2020-09-27",
];

/// `text` as the reader draws it in `app` mode at `width` columns: right-to-left rows of
/// shaped letters in visual order, without their indent.
pub fn visual(text: &str, width: usize) -> Vec<String> {
    layout(text, BaseDirection::Rtl, width, &LayoutOptions::default())
        .rows()
        .map(|row| row.text(false))
        .collect()
}

/// One word (or anything short) in visual order.
pub fn visual_word(text: &str) -> String {
    visual(text, usize::MAX).concat()
}

/// The status bar's counts, ` N/M ` at its start.
pub fn counts(screen: &Screen) -> Option<(usize, usize)> {
    let (n, m) = screen
        .bottom()
        .strip_prefix(' ')?
        .split(' ')
        .next()?
        .split_once('/')?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

/// Whether the status bar is up (no prompt over it) with `shown` of `total` articles.
pub fn status_shows(screen: &Screen, shown: usize, total: usize) -> bool {
    counts(screen) == Some((shown, total)) && screen.bottom().trim_end().ends_with("bidi:app")
}

/// Whether the body pane starts with `title`, laid out at the pane's width.
pub fn body_shows(screen: &Screen, title: &str) -> bool {
    screen.pane(" article ").is_some_and(|body| {
        let heading = visual(title, body.width());
        body.rows.first().map(|r| r.trim()) == heading.first().map(|h| h.trim())
    })
}

/// The dates of the rows of the article list, top to bottom.
pub fn listed_dates(screen: &Screen) -> Vec<String> {
    screen.pane(" articles ").map_or_else(Vec::new, |list| {
        list.rows
            .iter()
            .filter_map(|r| DATES.iter().find(|d| r.starts_with(*d)))
            .map(|d| d.to_string())
            .collect()
    })
}

/// Starts `khabar` on the demo corpus and waits for its first full screen.
pub fn demo(home: &Home) -> Session {
    let mut s = Launch::new(home).spawn();
    s.wait_until("the demo corpus", |sc| {
        status_shows(sc, 5, 5) && body_shows(sc, TITLES[0])
    });
    s
}

/// Quits with `q` and checks the exit status.
pub fn quit(s: &mut Session) {
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "q must exit with status 0");
}

/// Whether an SGR sequence (`ESC [ … m`) in `out` sets a colour: 30–37, 40–47, 90–97,
/// 100–107, or 38/48 (indexed or RGB). 39 and 49 only reset to the default.
pub fn sets_colour(out: &[u8]) -> bool {
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

pub fn find(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

pub fn rfind(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}
