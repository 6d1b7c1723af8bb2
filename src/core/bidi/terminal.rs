//! The escape sequences that put a terminal in the bidi mode khabar's layout expects, per the
//! terminal working group's BiDi recommendation: in [`BidiMode::App`] khabar orders every row
//! itself, so a terminal that would reorder rows (VTE, mintty, WezTerm) is put in explicit
//! mode (`CSI 8 l`, BDSM) with a left-to-right character path (`CSI 1 SP k`, SCP), and put
//! back in implicit mode with the default path on exit. Terminals that know neither sequence
//! ignore them. Only the sequences live here; the reader writes them.

use std::io::{self, Write};

use super::BidiMode;

/// Explicit bidi mode and a left-to-right character path.
pub const ENTER_EXPLICIT: &str = "\u{1b}[8l\u{1b}[1 k";
/// Implicit bidi mode and the default character path.
pub const LEAVE_EXPLICIT: &str = "\u{1b}[8h\u{1b}[0 k";

/// What to send when khabar starts drawing in `mode`.
pub fn enter_sequence(mode: BidiMode) -> &'static str {
    match mode {
        BidiMode::App => ENTER_EXPLICIT,
        BidiMode::Terminal | BidiMode::Off => "",
    }
}

/// What to send when khabar stops drawing in `mode` (at exit, or before switching modes).
pub fn leave_sequence(mode: BidiMode) -> &'static str {
    match mode {
        BidiMode::App => LEAVE_EXPLICIT,
        BidiMode::Terminal | BidiMode::Off => "",
    }
}

/// Writes the sequence for a change from mode `from` (`None` at start) to `to` (`None` at exit).
pub fn switch(
    out: &mut impl Write,
    from: Option<BidiMode>,
    to: Option<BidiMode>,
) -> io::Result<()> {
    if from == to {
        return Ok(());
    }
    if let Some(from) = from {
        out.write_all(leave_sequence(from).as_bytes())?;
    }
    if let Some(to) = to {
        out.write_all(enter_sequence(to).as_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_mode_is_entered_and_left() {
        let mut out = Vec::new();
        switch(&mut out, None, Some(BidiMode::App)).unwrap();
        switch(&mut out, Some(BidiMode::App), Some(BidiMode::Terminal)).unwrap();
        switch(&mut out, Some(BidiMode::Terminal), None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{ENTER_EXPLICIT}{LEAVE_EXPLICIT}")
        );
    }
}
