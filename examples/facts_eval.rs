//! Scores `khabar facts` against the hand-written gold files: precision and recall per kind,
//! and how often units, claimants, canonical names and stances are right. Run from the
//! repository root:
//!
//!     cargo run --release --example facts_eval             # the tables
//!     cargo run --release --example facts_eval -- --verbose  # and every mistake
//!     cargo run --release --example facts_eval -- --gold tests/data/facts/heldout/gold

use std::path::Path;

use khabar::core::facts::eval::{Report, evaluate_dir};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = args
        .iter()
        .position(|a| a == "--gold")
        .and_then(|i| args.get(i + 1))
        .map_or_else(|| root.join("tests/data/facts/gold"), |d| root.join(d));
    let reports = evaluate_dir(root, &gold)?;
    let mut seeds = Report::default();
    let mut others = Report::default();
    let mut all = Report::default();
    for (article, r) in &reports {
        let q = r.score("quantity");
        let d = r.score("date");
        let n = r.score("names");
        println!(
            "{article:<58} quantities P {:.2} R {:.2} · dates P {:.2} R {:.2} · names R {:.2}",
            q.precision(),
            q.recall(),
            d.precision(),
            d.recall(),
            n.recall()
        );
        if article.starts_with("assets/demo/") {
            seeds.add(r);
        } else {
            others.add(r);
        }
        all.add(r);
    }
    for (title, r) in [("seeds", &seeds), ("own articles", &others), ("all", &all)] {
        println!("\n{title}\n{r}");
    }
    if verbose {
        for m in &all.mistakes {
            println!("{m}");
        }
    }
    Ok(())
}
