//! Unicode's conformance cases for the Bidirectional Algorithm (BidiCharacterTest.txt,
//! Unicode 15.0, vendored compressed under tests/data/unicode/) run through khabar's own
//! layout engine: each case laid out as one unbounded line, its cells read left to right must
//! give the expected visual order.
//!
//! The cases cover rules up to L2 only, so the engine runs with
//! [`LayoutOptions::conformance`]: characters reordered one by one (no L3 clusters), explicit
//! formatting characters honoured. Characters the engine never draws are left out of both
//! sides: those removed by rule X9 (the file marks them `x`) and the bidi marks and isolate
//! controls, which have a position in the file's order but no glyph on a screen.

use std::io::Read;

use khabar::core::bidi::{BaseDirection, Direction, LayoutOptions, layout};

fn cases() -> String {
    let gz = std::fs::read("tests/data/unicode/BidiCharacterTest.txt.gz").unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn shows_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'
    )
}

#[test]
fn all_conformance_cases_give_the_expected_visual_order() {
    let text = cases();
    let options = LayoutOptions::conformance();
    let (mut passed, mut failed) = (0usize, Vec::new());
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        assert_eq!(fields.len(), 5, "line {}", n + 1);
        let chars: Vec<char> = fields[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        let base = match fields[1] {
            "0" => BaseDirection::Ltr,
            "1" => BaseDirection::Rtl,
            _ => BaseDirection::FirstStrong,
        };
        let para_rtl = fields[2] == "1";
        let levels: Vec<&str> = fields[3].split_whitespace().collect();
        let expected: Vec<usize> = fields[4]
            .split_whitespace()
            .map(|i| i.parse().unwrap())
            .filter(|&i: &usize| levels[i] != "x" && !shows_nothing(chars[i]))
            .collect();

        let s: String = chars.iter().collect();
        let mut char_at = std::collections::HashMap::new();
        for (k, (byte, _)) in s.char_indices().enumerate() {
            char_at.insert(byte, k);
        }
        let laid = layout(&s, base, usize::MAX, &options);
        let got: Vec<usize> = laid
            .rows()
            .flat_map(|row| row.cells().iter().map(|c| char_at[&c.source().start]))
            .collect();
        let direction_ok = (laid.direction() == Direction::Rtl) == para_rtl;
        if got == expected && laid.len() <= 1 && direction_ok {
            passed += 1;
        } else {
            failed.push(format!(
                "line {}: {} expected {expected:?} got {got:?} rtl {para_rtl}",
                n + 1,
                fields[0]
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed, first ones:\n{}",
        failed.len(),
        passed + failed.len(),
        failed[..failed.len().min(20)].join("\n")
    );
    assert_eq!(passed, 91_707);
}
