//! The demo corpus: the seed articles, embedded in the binary so that `khabar` with no
//! arguments and no configured folders works from any directory. The files are in
//! `assets/demo/` (real scraped pages; see `assets/demo/README.md` for their origin).

use std::path::Path;

use super::{LoadReport, load_bytes, sort_newest_first};

/// The embedded files: a name under `demo/` and the bytes.
pub const FILES: &[(&str, &str)] = &[
    (
        "000_25ffcebcfb473456.txt",
        include_str!("../../../assets/demo/000_25ffcebcfb473456.txt"),
    ),
    (
        "001_0b453c8b0ae0108c.txt",
        include_str!("../../../assets/demo/001_0b453c8b0ae0108c.txt"),
    ),
    (
        "002_6b299cd65c581879.txt",
        include_str!("../../../assets/demo/002_6b299cd65c581879.txt"),
    ),
    (
        "003_6b939b76667bada4.txt",
        include_str!("../../../assets/demo/003_6b939b76667bada4.txt"),
    ),
    (
        "004_0a8a8afc27c77643.txt",
        include_str!("../../../assets/demo/004_0a8a8afc27c77643.txt"),
    ),
];

/// Loads the demo corpus. Paths read `demo/<name>`.
pub fn load_demo() -> LoadReport {
    let mut report = LoadReport::default();
    for (name, text) in FILES {
        let path = Path::new("demo").join(name);
        let (articles, problems) = load_bytes(&path, text.as_bytes(), None);
        report.articles.extend(articles);
        report.problems.extend(problems);
    }
    sort_newest_first(&mut report.articles);
    report
}
