//! The quality floors of the facts extractor, against the hand-written gold files in
//! `tests/data/facts/gold/` (conventions in `tests/data/facts/README.md`). The seeds and the
//! articles written for khabar in other domains are held to the floors separately, so rules
//! fitted to one war cannot pass; so is a held-out set (`tests/data/facts/heldout/`) written
//! after the rules were tuned and never used to tune them. `cargo run --release --example facts_eval -- --verbose`
//! prints the tables and every mistake.

use std::path::Path;

use khabar::core::facts::eval::{Report, evaluate_dir};

fn reports() -> (Report, Report) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reports = evaluate_dir(root, &root.join("tests/data/facts/gold")).expect("gold files load");
    let mut seeds = Report::default();
    let mut others = Report::default();
    for (article, r) in &reports {
        if article.starts_with("assets/demo/") {
            seeds.add(r);
        } else {
            others.add(r);
        }
    }
    assert!(
        seeds.score("quantity").gold > 0,
        "the seeds have gold quantities"
    );
    assert!(
        reports.len() >= 15,
        "five seeds and at least ten own articles, got {}",
        reports.len()
    );
    (seeds, others)
}

fn check_floors(name: &str, r: &Report) {
    let q = r.score("quantity");
    let d = r.score("date");
    let n = r.score("names");
    let failures: Vec<String> = [
        ("quantities precision", q.precision(), 0.95),
        ("quantities recall", q.recall(), 0.90),
        ("quantity claimants", r.claimant.rate(), 0.80),
        ("dates precision", d.precision(), 0.95),
        ("names recall", n.recall(), 0.80),
    ]
    .iter()
    .filter(|(_, got, floor)| got < floor)
    .map(|(what, got, floor)| format!("{what} {got:.3} < {floor}"))
    .collect();
    assert!(
        failures.is_empty(),
        "{name}: {}\n{r}\n{}",
        failures.join(", "),
        r.mistakes.join("\n")
    );
}

#[test]
fn seeds_meet_the_floors() {
    let (seeds, _) = reports();
    check_floors("seeds", &seeds);
}

#[test]
fn articles_in_other_domains_meet_the_floors() {
    let (_, others) = reports();
    assert!(
        others.score("quantity").gold >= 50,
        "own articles carry enough quantities"
    );
    check_floors("own articles", &others);
}

#[test]
fn held_out_articles_meet_the_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reports = evaluate_dir(root, &root.join("tests/data/facts/heldout/gold"))
        .expect("held-out gold files load");
    assert!(
        reports.len() >= 4,
        "four held-out articles, got {}",
        reports.len()
    );
    let mut all = Report::default();
    for (_, r) in &reports {
        all.add(r);
    }
    check_floors("held-out articles", &all);
}
