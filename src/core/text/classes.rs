//! Byte-level walks for the per-character tests that run over every byte of every article
//! (word characters, strong direction, NFC stability). ASCII and the Arabic block
//! U+0600–U+06FF, which make up nearly all of our text, are looked up in tables built once
//! from the character functions themselves, so the fast path cannot disagree with them; any
//! other character is decoded and given to the function. Nothing here decides what a class
//! means: that is the caller's.

/// A small per-character class (what it means is the caller's), precomputed for ASCII and the
/// Arabic block.
pub(crate) struct Table {
    ascii: [u8; 128],
    arabic: [u8; 256],
    of: fn(char) -> u8,
}

impl Table {
    /// The table of `of`, which gives the class of any character.
    pub(crate) fn new(of: fn(char) -> u8) -> Table {
        let mut ascii = [0; 128];
        for (b, slot) in (0u8..).zip(ascii.iter_mut()) {
            *slot = of(char::from(b));
        }
        let mut arabic = [0; 256];
        for (k, slot) in (0x600u32..).zip(arabic.iter_mut()) {
            *slot = char::from_u32(k).map_or(0, of);
        }
        Table { ascii, arabic, of }
    }

    /// The class of the character that starts at byte `i` of `s` (a character boundary below
    /// `s.len()`), and where the next character starts.
    #[inline(always)]
    pub(crate) fn at(&self, s: &str, i: usize) -> (u8, usize) {
        let b = s.as_bytes();
        let lead = b[i];
        if lead < 0x80 {
            return (self.ascii[usize::from(lead)], i + 1);
        }
        // U+0600–U+06FF are the two-byte sequences with lead bytes D8–DB.
        if lead & 0xFC == 0xD8
            && let Some(&trail) = b.get(i + 1)
        {
            let k = (usize::from(lead & 0x03) << 6) | usize::from(trail & 0x3F);
            return (self.arabic[k], i + 2);
        }
        match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => ((self.of)(c), i + c.len_utf8()),
            // Not a character boundary: cannot happen for the callers' offsets; end the walk.
            None => (0, s.len()),
        }
    }

    /// Each character's class, in order.
    pub(crate) fn classes<'a>(&'a self, s: &'a str) -> Classes<'a> {
        Classes {
            table: self,
            s,
            i: 0,
        }
    }
}

/// The classes of the characters of a string: see [`Table::classes`].
pub(crate) struct Classes<'a> {
    table: &'a Table,
    s: &'a str,
    i: usize,
}

impl Iterator for Classes<'_> {
    type Item = u8;

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        if self.i >= self.s.len() {
            return None;
        }
        let (class, next) = self.table.at(self.s, self.i);
        self.i = next;
        Some(class)
    }
}

/// The maximal runs of characters whose class is not 0, in order: words, for a table of
/// word characters.
pub(crate) struct Runs<'a> {
    table: &'a Table,
    s: &'a str,
    i: usize,
}

impl<'a> Runs<'a> {
    pub(crate) fn new(table: &'a Table, s: &'a str) -> Self {
        Runs { table, s, i: 0 }
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (s, n) = (self.s, self.s.len());
        let start = loop {
            if self.i >= n {
                return None;
            }
            let (class, next) = self.table.at(s, self.i);
            if class != 0 {
                let start = self.i;
                self.i = next;
                break start;
            }
            self.i = next;
        };
        while self.i < n {
            let (class, next) = self.table.at(s, self.i);
            if class == 0 {
                // The character after the run is not part of a word: skip it now.
                let end = self.i;
                self.i = next;
                return s.get(start..end);
            }
            self.i = next;
        }
        s.get(start..n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd(c: char) -> u8 {
        u8::from(u32::from(c) % 2 == 1)
    }

    #[test]
    fn tables_agree_with_the_function() {
        let table = Table::new(odd);
        let text: String = ('\0'..='\u{0800}').chain(['\u{FEFF}', '😀', 'ж']).collect();
        let classes: Vec<u8> = table.classes(&text).collect();
        let direct: Vec<u8> = text.chars().map(odd).collect();
        assert_eq!(classes, direct);
    }

    #[test]
    fn runs_are_maximal() {
        let table = Table::new(|c| u8::from(c.is_alphanumeric()));
        let runs: Vec<&str> = Runs::new(&table, "  قال، الرئيس «NATO»x ").collect();
        assert_eq!(runs, ["قال", "الرئيس", "NATO", "x"]);
        assert_eq!(Runs::new(&table, "").count(), 0);
        assert_eq!(Runs::new(&table, "ab").collect::<Vec<_>>(), ["ab"]);
    }
}
