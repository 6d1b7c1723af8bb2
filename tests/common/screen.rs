//! What a test reads of the emulated screen: a copy of its cells as rows of text, the
//! status bar, and khabar's bordered panes found by their titles. Nothing here knows the
//! pty or the process.

/// A copy of the screen as rows of text, one string a row with every cell (trailing blanks
/// included), so that columns can be counted in characters: khabar draws only
/// single-width characters here (box drawing, ASCII, Arabic presentation forms), with the
/// rare combining mark joined to the cell before it.
#[derive(Clone, Debug)]
pub struct Screen {
    rows: Vec<String>,
}

impl Screen {
    pub(super) fn of(screen: &vt100::Screen) -> Screen {
        let (rows, cols) = screen.size();
        let rows = (0..rows.get())
            .map(|r| {
                (0..cols.get())
                    .map(|c| match screen.cell(r, c) {
                        Some(cell) if cell.has_contents() => cell.contents().to_string(),
                        _ => " ".to_string(),
                    })
                    .collect()
            })
            .collect();
        Screen { rows }
    }

    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    pub fn row(&self, index: usize) -> &str {
        self.rows.get(index).map_or("", String::as_str)
    }

    /// The status bar, or the prompt that replaces it: the bottom row.
    pub fn bottom(&self) -> &str {
        self.rows.last().map_or("", String::as_str)
    }

    pub fn text(&self) -> String {
        self.rows.join("\n")
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.rows.iter().any(|r| r.contains(needle))
    }

    /// How many panes are drawn: top-right corners on the top row.
    pub fn panes(&self) -> usize {
        self.row(0)
            .chars()
            .filter(|&c| c == '╮' || c == '┓')
            .count()
    }

    /// The pane whose top border shows `title` (" article ", " articles "…), if drawn.
    pub fn pane(&self, title: &str) -> Option<Pane> {
        let top: Vec<char> = self.row(0).chars().collect();
        let at = self.row(0).find(title)?;
        let left = self.row(0)[..at].chars().count().checked_sub(1)?;
        let corner = *top.get(left)?;
        let right = (left + 1..top.len()).find(|&c| matches!(top[c], '╮' | '┓'))?;
        let bottom = self.rows.len().checked_sub(2)?;
        let inside = (1..bottom)
            .map(|r| {
                self.rows[r]
                    .chars()
                    .skip(left + 1)
                    .take(right - left - 1)
                    .collect()
            })
            .collect();
        Some(Pane {
            focused: corner == '┏',
            rows: inside,
        })
    }
}

/// One bordered pane of the screen.
#[derive(Clone, Debug)]
pub struct Pane {
    /// Drawn with the thick border of the focused pane.
    pub focused: bool,
    /// The rows inside the border.
    pub rows: Vec<String>,
}

impl Pane {
    /// Columns inside the border.
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, |r| r.chars().count())
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.rows.iter().any(|r| r.contains(needle))
    }
}
