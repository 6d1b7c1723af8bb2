//! A line being typed, with a cursor: what the prompts (search, filter, dates) and the tag
//! form's label and note share. The cursor sits between grapheme clusters; the arrows move
//! it the way the field reads (in a right-to-left field ← goes on through the text), and
//! the usual readline keys edit. Drawing shows a window of the line around the cursor, the
//! cursor as a bar placed by the bidi algorithm like any other character.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::core::article::Direction;
use crate::core::bidi::{BaseDirection, paragraph_direction};

/// The cursor as drawn: a thin bar, a neutral character, so it sits beside the character
/// it follows in whichever direction that runs.
pub const BAR: char = '▏';

/// The keys of a line being typed, for the help (they are fixed, not bindings).
pub const KEYS: &[(&str, &str)] = &[
    ("", "in a prompt or a form:"),
    ("← →", "move the way the text reads (← goes on in Arabic)"),
    ("Ctrl-← →", "a word back / on (also Alt-b, Alt-f)"),
    ("Home End", "the start / the end (also Ctrl-a, Ctrl-e)"),
    ("BS Del", "delete before / after the cursor"),
    ("Ctrl-w", "delete the word before the cursor (Alt-d: after)"),
    ("Ctrl-u", "delete to the start (Ctrl-k: to the end)"),
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Byte offset of the cursor, on a grapheme boundary.
    at: usize,
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not a key of the line's.
    Ignored,
}

impl LineEdit {
    /// `text`, with the cursor at its end.
    pub fn new(text: impl Into<String>) -> LineEdit {
        let text = text.into();
        LineEdit {
            at: text.len(),
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`LineEdit::text`].
    pub fn cursor(&self) -> usize {
        self.at
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The direction the line reads in: that of most of its letters, left to right when it
    /// has none.
    pub fn direction(&self) -> BaseDirection {
        paragraph_direction(&self.text, Direction::Ltr).into()
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = LineEdit::new(text);
    }

    /// Inserts typed or pasted text at the cursor: line breaks and tabs become spaces,
    /// other control characters are dropped (a paste may carry escape sequences).
    pub fn insert(&mut self, text: &str) -> Edit {
        let clean: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        if clean.is_empty() {
            return Edit::Ignored;
        }
        self.text.insert_str(self.at, &clean);
        self.at += clean.len();
        // A combining mark typed after a letter joins its cluster: stay on a boundary.
        self.at = self.boundary_at_or_after(self.at);
        Edit::Changed
    }

    /// Applies a key. `rtl` says the field reads right to left, so that ← and → move the
    /// cursor the way they point.
    pub fn key(&mut self, key: KeyEvent, rtl: bool) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        // ← goes back in a left-to-right field and on in a right-to-left one.
        let arrow = |left: bool| left != rtl;
        match key.code {
            KeyCode::Left | KeyCode::Right => {
                let back = arrow(key.code == KeyCode::Left);
                let to = match (ctrl || alt, back) {
                    (true, true) => self.word_before(),
                    (true, false) => self.word_after(),
                    (false, true) => self.grapheme_before(),
                    (false, false) => self.grapheme_after(),
                };
                self.move_to(to)
            }
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.text.len()),
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char('e') if ctrl => self.move_to(self.text.len()),
            KeyCode::Char('b') if ctrl => self.move_to(self.grapheme_before()),
            KeyCode::Char('f') if ctrl => self.move_to(self.grapheme_after()),
            KeyCode::Char('b') if alt => self.move_to(self.word_before()),
            KeyCode::Char('f') if alt => self.move_to(self.word_after()),
            KeyCode::Backspace if ctrl || alt => self.delete(self.word_before(), self.at),
            // One code point: a mark typed by mistake goes without its letter.
            KeyCode::Backspace => self.delete(self.char_before(), self.at),
            KeyCode::Char('h') if ctrl => self.delete(self.char_before(), self.at),
            KeyCode::Char('w') if ctrl => self.delete(self.word_before(), self.at),
            KeyCode::Char('d') if alt => self.delete(self.at, self.word_after()),
            KeyCode::Delete => self.delete(self.at, self.grapheme_after()),
            KeyCode::Char('d') if ctrl => self.delete(self.at, self.grapheme_after()),
            KeyCode::Char('u') if ctrl => self.delete(0, self.at),
            KeyCode::Char('k') if ctrl => self.delete(self.at, self.text.len()),
            KeyCode::Char(c) if !ctrl && !alt => {
                let mut utf8 = [0; 4];
                self.insert(c.encode_utf8(&mut utf8))
            }
            _ => Edit::Ignored,
        }
    }

    /// The line as drawn in `width` columns: the cursor bar at its logical place and, when
    /// the line is wider, only the graphemes around the cursor, with «…» where it is cut.
    pub fn shown(&self, width: usize) -> String {
        let (before, after) = self.text.split_at(self.at);
        let whole = before.width() + after.width() + 1;
        if whole <= width || width < 4 {
            return format!("{before}{BAR}{after}");
        }
        // Room for the bar and one ellipsis; when both ends are cut, for two.
        let (mut behind, mut ahead) = window(before, after, width - 2);
        if behind < before.len() && ahead < after.len() {
            (behind, ahead) = window(before, after, width - 3);
        }
        let (cut_start, cut_end) = (behind < before.len(), ahead < after.len());
        let mut out = String::with_capacity(self.text.len() + 8);
        if cut_start {
            out.push('…');
        }
        out.push_str(&before[before.len() - behind..]);
        out.push(BAR);
        out.push_str(&after[..ahead]);
        if cut_end {
            out.push('…');
        }
        out
    }

    fn move_to(&mut self, to: usize) -> Edit {
        if to == self.at {
            return Edit::Ignored;
        }
        self.at = to;
        Edit::Moved
    }

    fn delete(&mut self, from: usize, to: usize) -> Edit {
        if from >= to {
            return Edit::Ignored;
        }
        self.text.replace_range(from..to, "");
        self.at = from;
        Edit::Changed
    }

    fn char_before(&self) -> usize {
        self.text[..self.at]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn grapheme_before(&self) -> usize {
        self.text[..self.at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn grapheme_after(&self) -> usize {
        self.text[self.at..]
            .graphemes(true)
            .next()
            .map_or(self.at, |g| self.at + g.len())
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
            .find(|&i| i >= at)
            .unwrap_or(self.text.len())
    }

    /// The start of the word before the cursor (spaces before the cursor skipped first).
    fn word_before(&self) -> usize {
        let head = self.text[..self.at].trim_end();
        head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        })
    }

    /// The end of the word after the cursor (spaces after the cursor skipped first).
    fn word_after(&self) -> usize {
        let tail = &self.text[self.at..];
        let skipped = tail.len() - tail.trim_start().len();
        let word = &tail[skipped..];
        let end = word.find(char::is_whitespace).unwrap_or(word.len());
        self.at + skipped + end
    }
}

/// How many bytes before the cursor and after it fit in `budget` columns: a third of the
/// room, at most, for what follows the cursor, the rest for what precedes it (typing
/// happens at the end, so that is where the eye is), and what one side leaves to the other.
fn window(before: &str, after: &str, budget: usize) -> (usize, usize) {
    let mut used = 0;
    let mut take = |g: &str, limit: usize| {
        let fits = used + g.width() <= limit;
        if fits {
            used += g.width();
        }
        fits
    };
    let mut ahead = 0;
    for g in after.graphemes(true) {
        if !take(g, budget / 3) {
            break;
        }
        ahead += g.len();
    }
    let mut behind = 0;
    for g in before.graphemes(true).rev() {
        if !take(g, budget) {
            break;
        }
        behind += g.len();
    }
    for g in after[ahead..].graphemes(true) {
        if !take(g, budget) {
            break;
        }
        ahead += g.len();
    }
    (behind, ahead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(line: &mut LineEdit, code: KeyCode, modifiers: KeyModifiers) -> Edit {
        line.key(KeyEvent::new(code, modifiers), false)
    }

    fn typed(text: &str) -> LineEdit {
        let mut line = LineEdit::default();
        for c in text.chars() {
            press(&mut line, KeyCode::Char(c), KeyModifiers::NONE);
        }
        line
    }

    /// The text with the cursor drawn, wide enough to show it all.
    fn with_bar(line: &LineEdit) -> String {
        line.shown(usize::MAX)
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut line = typed("قال الوزير");
        assert_eq!(with_bar(&line), "قال الوزير▏");
        press(&mut line, KeyCode::Home, KeyModifiers::NONE);
        press(&mut line, KeyCode::Char('و'), KeyModifiers::NONE);
        assert_eq!(with_bar(&line), "و▏قال الوزير");
        press(&mut line, KeyCode::End, KeyModifiers::NONE);
        assert_eq!(line.cursor(), line.text().len());
    }

    #[test]
    fn arrows_move_by_cluster_and_the_way_the_field_reads() {
        // «بِ» is one cluster: a letter and its kasra.
        let mut line = LineEdit::new("abِc");
        line.key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE), false);
        assert_eq!(with_bar(&line), "abِ▏c");
        line.key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE), false);
        assert_eq!(with_bar(&line), "a▏bِc");
        // In a right-to-left field → goes back through the text.
        let mut rtl = LineEdit::new("سلام");
        rtl.key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), true);
        assert_eq!(with_bar(&rtl), "سلا▏م");
        rtl.key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE), true);
        assert_eq!(with_bar(&rtl), "سلام▏");
        assert_eq!(
            rtl.key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE), true),
            Edit::Ignored
        );
    }

    #[test]
    fn words_move_and_delete() {
        let mut line = LineEdit::new("one two  three");
        press(&mut line, KeyCode::Left, KeyModifiers::CONTROL);
        assert_eq!(with_bar(&line), "one two  ▏three");
        press(&mut line, KeyCode::Left, KeyModifiers::CONTROL);
        assert_eq!(with_bar(&line), "one ▏two  three");
        press(&mut line, KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(with_bar(&line), "one two▏  three");
        press(&mut line, KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(with_bar(&line), "one ▏  three");
        press(&mut line, KeyCode::Char('d'), KeyModifiers::ALT);
        assert_eq!(with_bar(&line), "one ▏");
    }

    #[test]
    fn deleting_around_the_cursor() {
        let mut line = LineEdit::new("abcdef");
        press(&mut line, KeyCode::Left, KeyModifiers::NONE);
        press(&mut line, KeyCode::Left, KeyModifiers::NONE);
        press(&mut line, KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(with_bar(&line), "abc▏ef");
        press(&mut line, KeyCode::Delete, KeyModifiers::NONE);
        assert_eq!(with_bar(&line), "abc▏f");
        press(&mut line, KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(with_bar(&line), "abc▏");
        press(&mut line, KeyCode::Left, KeyModifiers::NONE);
        press(&mut line, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(with_bar(&line), "▏c");
        assert_eq!(
            press(&mut line, KeyCode::Backspace, KeyModifiers::NONE),
            Edit::Ignored
        );
    }

    #[test]
    fn backspace_takes_a_mark_without_its_letter() {
        let mut line = LineEdit::new("بِ");
        press(&mut line, KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(line.text(), "ب");
        press(&mut line, KeyCode::Char('ُ'), KeyModifiers::NONE);
        assert_eq!(with_bar(&line), "بُ▏");
    }

    #[test]
    fn pasted_control_characters_never_get_in() {
        let mut line = LineEdit::new("ab");
        press(&mut line, KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(line.insert("x\u{1b}[31m\ny"), Edit::Changed);
        assert_eq!(with_bar(&line), "ax[31m y▏b");
        assert_eq!(line.insert("\u{7}"), Edit::Ignored);
    }

    #[test]
    fn a_long_line_shows_the_cursor_and_where_it_is_cut() {
        let text: String = (0..40).map(|k| char::from(b'a' + (k % 26) as u8)).collect();
        let mut line = LineEdit::new(text.as_str());
        let shown = line.shown(12);
        assert_eq!(shown.width(), 12, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with(BAR), "{shown}");
        assert!(
            shown.contains("hijklmn"),
            "the end of the text shows: {shown}"
        );
        press(&mut line, KeyCode::Home, KeyModifiers::NONE);
        let shown = line.shown(12);
        assert!(shown.starts_with(BAR) && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.width(), 12, "{shown}");
        for _ in 0..20 {
            press(&mut line, KeyCode::Right, KeyModifiers::NONE);
        }
        let shown = line.shown(12);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains(&format!("t{BAR}u")), "{shown}");
        assert!(shown.width() <= 12, "{shown}");
    }
}
