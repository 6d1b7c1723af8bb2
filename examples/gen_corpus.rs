//! Writes a synthetic corpus for performance measurements:
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR [COUNT=10000] [SEED=1]
//! ```
//!
//! COUNT distinct scraped-article files made from the five embedded seed pages, varied
//! deterministically (see `benches/common/corpus_gen.rs`), spread over a few subfolders of
//! OUT_DIR. OUT_DIR must be missing or empty, so that a measurement never mixes two corpora.
//! Prints the number of files and the total bytes written.

#[path = "../benches/common/corpus_gen.rs"]
mod corpus_gen;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus OUT_DIR [COUNT=10000] [SEED=1]";
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: u64| -> Result<u64, String> {
        args.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|_| format!("not a number: {s}\n{usage}"))
        })
    };
    let (count, seed) = match (number(1, 10_000), number(2, 1)) {
        (Ok(c), Ok(s)) => (c as usize, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!(
            "gen_corpus: {} is not empty; give a new or empty folder",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    match corpus_gen::generate(&out, count, seed) {
        Ok(stats) => {
            println!(
                "wrote {} files, {} bytes, into {} ({} CRLF, {} Windows-1256, {} dates in Arabic-Indic digits, {} redraws of duplicates)",
                stats.files,
                stats.bytes,
                out.display(),
                stats.crlf,
                stats.windows_1256,
                stats.arabic_indic_dates,
                stats.redraws
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
