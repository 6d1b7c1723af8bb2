//! Turns a folder of raw article files (as `gen_corpus` writes) into one RSS 2.0 feed
//! holding the same articles, so that another reader (newsboat, in `benches/newsboat.sh`)
//! can be timed on the very articles khabar lists:
//!
//! ```text
//! cargo run --release --example corpus_to_rss -- CORPUS_DIR OUT.xml [FEED_TITLE]
//! ```
//!
//! The articles are read with khabar's own loader (no article cache), so each item carries
//! what khabar makes of the file:
//! - `title`: khabar's title;
//! - `link`: the article's URL when the file names one, else the raw file as a `file://` URL
//!   (the generated corpus has no URLs; a file path is unique per article);
//! - `guid` (`isPermaLink="false"`): the raw file's `file://` URL (with `#item-N` for a file
//!   that holds several articles), unique per article, so a reader that keys items on guid
//!   (newsboat does) keeps every one of them. Not khabar's id: that is a hash of the decoded
//!   text, and the same text written once as UTF-8 and once as Windows-1256 (the generated
//!   corpus has such a pair) gives the same id to two files, which a reader would merge;
//! - `pubDate`: the article's date in RFC 2822, at its time and offset when known, else
//!   00:00 UTC; no `pubDate` for an undated article;
//! - `description`: the body paragraphs, each as an HTML `<p>` (escaped, as RSS wants).
//!
//! Items are written newest first, as khabar lists them. Prints the item count and bytes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{FixedOffset, NaiveTime, TimeZone};
use khabar::core::article::Article;
use khabar::core::load::{LoadOptions, load_paths};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: corpus_to_rss CORPUS_DIR OUT.xml [FEED_TITLE]";
    let (Some(corpus), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let title = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "khabar corpus".into());
    match convert(Path::new(corpus), Path::new(out), &title) {
        Ok((items, bytes)) => {
            println!("wrote {items} items, {bytes} bytes, into {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("corpus_to_rss: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn convert(corpus: &Path, out: &Path, title: &str) -> anyhow::Result<(usize, usize)> {
    let options = LoadOptions {
        cache: None,
        ..LoadOptions::default()
    };
    let report = load_paths(&[corpus.to_path_buf()], &options)?;
    for p in &report.problems {
        eprintln!("corpus_to_rss: skipped {p}");
    }
    let mut xml = String::with_capacity(64 << 20);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
    let _ = writeln!(xml, "<title>{}</title>", escape(title));
    let _ = writeln!(xml, "<link>{}</link>", escape(&file_url(corpus)));
    let _ = writeln!(
        xml,
        "<description>{} articles from {}</description>",
        report.articles.len(),
        escape(&corpus.display().to_string())
    );
    for a in &report.articles {
        write_item(&mut xml, a);
    }
    xml.push_str("</channel>\n</rss>\n");
    let mut file = std::fs::File::create(out)?;
    file.write_all(xml.as_bytes())?;
    Ok((report.articles.len(), xml.len()))
}

fn write_item(xml: &mut String, a: &Article) {
    let link = a.url.clone().unwrap_or_else(|| file_url(&a.path));
    xml.push_str("<item>\n");
    let _ = writeln!(xml, "<title>{}</title>", escape(&a.title));
    let _ = writeln!(xml, "<link>{}</link>", escape(&link));
    let guid = match a.item {
        Some(n) => format!("{}#item-{n}", file_url(&a.path)),
        None => file_url(&a.path),
    };
    let _ = writeln!(xml, "<guid isPermaLink=\"false\">{}</guid>", escape(&guid));
    if let Some(d) = &a.date {
        let local = d.date.and_time(d.time.unwrap_or(NaiveTime::MIN));
        let offset = d.offset.unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
        if let Some(when) = offset.from_local_datetime(&local).single() {
            let _ = writeln!(xml, "<pubDate>{}</pubDate>", when.to_rfc2822());
        }
    }
    let mut html = String::new();
    for p in &a.paragraphs {
        let _ = write!(html, "<p>{}</p>", escape(p));
    }
    let _ = writeln!(xml, "<description>{}</description>", escape(&html));
    xml.push_str("</item>\n");
}

/// A `file://` URL for a path (made absolute; bytes outside the unreserved set escaped).
fn file_url(path: &Path) -> String {
    let absolute: PathBuf = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for b in absolute.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    url
}

/// XML text escaping (element content and attribute values alike).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}
