//! Writes one long Arabic paragraph (one line) for layout measurements:
//!
//! ```text
//! cargo run --release --example gen_paragraph -- OUT_FILE [BYTES=1900000]
//! ```
//!
//! The text is the demo articles' Arabic paragraphs, repeated (see
//! `benches/common/paragraph_gen.rs`); `benches/render_vs_fribidi.sh` lays it out with
//! `khabar render` and with `fribidi`.

#[path = "../benches/common/paragraph_gen.rs"]
mod paragraph_gen;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_paragraph OUT_FILE [BYTES=1900000]";
    let Some(out) = args.first() else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let bytes = match args.get(1).map_or(Ok(1_900_000), |s| s.parse::<usize>()) {
        Ok(b) => b,
        Err(_) => {
            eprintln!("not a number of bytes\n{usage}");
            return ExitCode::from(2);
        }
    };
    let text = paragraph_gen::arabic_paragraph(bytes);
    if let Err(e) = std::fs::write(out, format!("{text}\n")) {
        eprintln!("cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{} bytes", text.len() + 1);
    ExitCode::SUCCESS
}
