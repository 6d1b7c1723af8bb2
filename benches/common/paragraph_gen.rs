//! One long Arabic paragraph for layout measurements: the Arabic body paragraphs of the five
//! embedded demo articles joined by spaces, repeated until the text has `bytes` bytes (cut at
//! a character boundary). Shared by `benches/layout.rs` and `examples/gen_paragraph.rs`, so
//! the in-process benchmark and the whole-process one lay out the same text.

use khabar::core::article::Direction;
use khabar::core::bidi::paragraph_direction;
use khabar::core::load::demo::load_demo;

pub fn arabic_paragraph(bytes: usize) -> String {
    let paragraphs: Vec<String> = load_demo()
        .articles
        .into_iter()
        .flat_map(|a| a.paragraphs)
        .filter(|p| paragraph_direction(p, Direction::Ltr) == Direction::Rtl)
        .collect();
    let joined = paragraphs.join(" ");
    let mut out = String::with_capacity(bytes + joined.len());
    while out.len() < bytes && !joined.is_empty() {
        out.push_str(&joined);
        out.push(' ');
    }
    let mut end = bytes.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out.trim_end().to_string()
}
