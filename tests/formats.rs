//! Every format through the whole loader (decoding, the reader, sanitizing, date finding,
//! language, ids), saved in the encodings people have: a Windows-1256 HTML page that
//! declares its charset, an ISO-8859-6 feed, UTF-16 JSON, JSON Lines with a bad line, and
//! Markdown with YAML and TOML front matter.

use std::path::{Path, PathBuf};

use khabar::core::article::{Article, Direction, Format};
use khabar::core::load::{LoadOptions, LoadReport, load_paths};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, lossy) = encoding.encode(text);
    assert!(!lossy, "{} cannot hold the test text", encoding.name());
    bytes.into_owned()
}

fn load(path: &Path) -> LoadReport {
    load_paths(&[path.to_path_buf()], &LoadOptions::default()).unwrap()
}

fn single(path: &Path) -> Article {
    let report = load(path);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.articles.len(), 1);
    report.articles.into_iter().next().unwrap()
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="windows-1256">
<title>ارتفاع أسعار الخبز في الأسواق | جريدة المساء</title>
<meta property="og:site_name" content="جريدة المساء">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
<header><div class="logo">جريدة المساء</div></header>
<article>
<h1>ارتفاع أسعار الخبز في الأسواق</h1>
<div class="byline">القاهرة - جريدة المساء، الأحد 3 مارس 2024</div>
<p>شهدت أسعار الخبز ارتفاعا جديدا في الأسواق خلال الأسبوع الماضي، وسط شكاوى متزايدة من المواطنين &quot;من الغلاء&quot; في مختلف المحافظات.</p>
<p>وقال رئيس شعبة المخابز إن ارتفاع أسعار الدقيق عالميا هو السبب الرئيسي، مشيرا إلى أن الحكومة تدرس زيادة الدعم المقدم للمخابز.</p>
<p>وأضاف أن الأسعار قد تستقر خلال الشهرين المقبلين إذا تراجعت تكاليف الشحن والطاقة كما هو متوقع.</p>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر آخر عن الطقس</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2024</footer>
<script>var x = "<p>ليس نصا</p>";</script>
</body></html>"#;

#[test]
fn html_in_windows_1256_with_a_dateline_only_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "page.html",
        &encode(PAGE, encoding_rs::WINDOWS_1256),
    );
    let a = single(&path);
    assert_eq!(a.encoding, "windows-1256");
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "ارتفاع أسعار الخبز في الأسواق");
    assert_eq!(a.source.as_deref(), Some("جريدة المساء"));
    assert_eq!(
        a.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(
        a.paragraphs[0].contains("\"من الغلاء\""),
        "entities decoded: {}",
        a.paragraphs[0]
    );
    for junk in ["الرئيسية", "الأكثر قراءة", "جميع الحقوق", "ليس نصا"]
    {
        assert!(
            a.paragraphs.iter().all(|p| !p.contains(junk)),
            "{junk} left in the body"
        );
    }
    assert_eq!((a.lang.as_str(), a.direction), ("ar", Direction::Rtl));
}

const FEED: &str = r#"<?xml version="1.0" encoding="ISO-8859-6"?>
<rss version="2.0"><channel>
<title>وكالة الانباء المحلية</title>
<language>ar</language>
<item>
<title>افتتاح معرض للكتاب في المدينة</title>
<link>https://example.org/a</link>
<pubDate>Sun, 03 Mar 2024 10:00:00 +0300</pubDate>
<description>&lt;p&gt;افتتح المحافظ معرض الكتاب السنوي بمشاركة مئة دار نشر من عشرين دولة.&lt;/p&gt;</description>
</item>
<item>
<title>تعادل الفريقين في مباراة الامس</title>
<link>https://example.org/b</link>
<pubDate>Sat, 02 Mar 2024 23:30:00 +0300</pubDate>
<description>انتهت المباراة بالتعادل السلبي بين الفريقين في الجولة الخامسة من الدوري.</description>
</item>
</channel></rss>"#;

#[test]
fn rss_in_iso_8859_6_gives_one_article_per_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.xml",
        &encode(FEED, encoding_rs::ISO_8859_6),
    );
    let report = load(&path);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let a = &report.articles;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].title, "افتتاح معرض للكتاب في المدينة");
    assert_eq!(a[0].source.as_deref(), Some("وكالة الانباء المحلية"));
    // The local day, not the UTC one: 23:30 +03:00 is still the 2nd.
    assert_eq!(
        a[1].date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2024-03-02")
    );
    assert_eq!(
        a[1].date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2024-03-02T23:30:00+03:00")
    );
    assert_eq!(
        a[0].paragraphs,
        ["افتتح المحافظ معرض الكتاب السنوي بمشاركة مئة دار نشر من عشرين دولة."]
    );
    assert_eq!((a[0].item, a[1].item), (Some(0), Some(1)));
    assert_ne!(a[0].id, a[1].id);
}

#[test]
fn json_in_utf16_with_bom() {
    let json = r#"{"articles": [
        {"headline": "البنك المركزي يثبت سعر الفائدة", "publisher": {"name": "اقتصاد اليوم"},
         "datePublished": "2024-02-01T09:15:00+02:00", "credit": "رويترز",
         "articleBody": "قرر البنك المركزي تثبيت سعر الفائدة عند مستواه الحالي.\n\nوقال محافظ البنك إن التضخم يتراجع تدريجيا.",
         "url": "https://example.org/rates"}
    ]}"#;
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(json.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let a = single(&write(dir.path(), "dump.json", &bytes));
    assert_eq!(a.encoding, "UTF-16LE");
    assert_eq!(a.title, "البنك المركزي يثبت سعر الفائدة");
    assert_eq!(a.source.as_deref(), Some("اقتصاد اليوم"));
    assert_eq!(a.credit.as_deref(), Some("رويترز"));
    assert_eq!(
        a.date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2024-02-01T09:15:00+02:00")
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.url.as_deref(), Some("https://example.org/rates"));
}

#[test]
fn json_lines_with_a_bad_line_and_an_escape_sequence() {
    let lines = concat!(
        r#"{"title": "خبر أول", "source": "موقع", "date": "2024-01-05", "text": "نص الخبر الأول \u001b[31mمع تلوين\u001b[0m خبيث."}"#,
        "\n",
        r#"{"title": "#,
        "\n",
        r#"{"title": "خبر ثالث", "date": "5 يناير 2024", "body": "نص الخبر الثالث."}"#,
        "\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let report = load(&write(dir.path(), "items.jsonl", lines.as_bytes()));
    assert_eq!(report.articles.len(), 2);
    assert_eq!(report.problems.len(), 1);
    let problem = report.problems[0].to_string();
    assert!(
        problem.contains("items.jsonl") && problem.contains("line 2"),
        "{problem}"
    );
    let first = report
        .articles
        .iter()
        .find(|a| a.title == "خبر أول")
        .unwrap();
    assert_eq!(first.paragraphs, ["نص الخبر الأول مع تلوين خبيث."]);
    assert_eq!(first.removed_controls, 2);
    let third = report
        .articles
        .iter()
        .find(|a| a.title == "خبر ثالث")
        .unwrap();
    assert_eq!(
        third.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2024-01-05")
    );
}

#[test]
fn markdown_with_yaml_and_toml_front_matter() {
    let yaml = "---\ntitle: \"قمة عربية في الرباط\"\nsource: مدونة الأخبار\ndate: 2024-05-16\n---\n\n\
        انطلقت **القمة العربية** في [الرباط](https://example.org) بمشاركة واسعة.\n\n\
        - بحث القادة الوضع الاقتصادي\n- وناقشوا ملف المياه\n";
    let toml = "+++\ntitle = \"مهرجان السينما يختتم دورته\"\ndate = 2024-06-01T20:00:00+01:00\n+++\n\nاختتم المهرجان دورته بتوزيع الجوائز.\n";
    let dir = tempfile::tempdir().unwrap();
    let a = single(&write(dir.path(), "summit.md", yaml.as_bytes()));
    assert_eq!(a.title, "قمة عربية في الرباط");
    assert_eq!(a.source.as_deref(), Some("مدونة الأخبار"));
    assert_eq!(
        a.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2024-05-16")
    );
    assert_eq!(
        a.paragraphs,
        [
            "انطلقت القمة العربية في الرباط بمشاركة واسعة.",
            "بحث القادة الوضع الاقتصادي",
            "وناقشوا ملف المياه"
        ]
    );
    // Front matter in a .txt file is read as such too.
    let b = single(&write(dir.path(), "festival.txt", toml.as_bytes()));
    assert_eq!(b.format, Format::Markdown);
    assert_eq!(b.title, "مهرجان السينما يختتم دورته");
    assert_eq!(
        b.date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2024-06-01T20:00:00+01:00")
    );
}

#[test]
fn malformed_files_are_reported_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "broken.xml",
        b"<rss><channel><title>x</title><item></channel>",
    );
    write(
        dir.path(),
        "notafeed.xml",
        b"<?xml version=\"1.0\"?><catalog><book/></catalog>",
    );
    write(dir.path(), "bad.md", b"---\ntitle: [unclosed\n---\nbody\n");
    write(
        dir.path(),
        "empty.html",
        b"<html><body><script>x()</script></body></html>",
    );
    let report = load(dir.path());
    assert!(
        report.articles.is_empty(),
        "{:?}",
        report.articles.iter().map(|a| &a.title).collect::<Vec<_>>()
    );
    let messages: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    for (file, reason) in [
        ("broken.xml", "malformed XML"),
        ("notafeed.xml", "not an RSS or Atom feed"),
        ("bad.md", "front matter"),
        ("empty.html", "no article"),
    ] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(file) && m.contains(reason)),
            "{file}: {messages:?}"
        );
    }
}

#[test]
fn html_without_an_article_element_and_with_comments() {
    let a = single(Path::new("tests/data/formats/no_article_element.html"));
    assert_eq!(a.title, "انخفاض أسعار النفط عالميا");
    // Named only by the <title> suffix, though the headline came from <h1>.
    assert_eq!(a.source.as_deref(), Some("موقع الاقتصاد"));
    assert_eq!(
        a.date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2023-11-14T09:15:00")
    );
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("تراجعت أسعار النفط"));
    for junk in ["عاجل", "أتمنى", "التعليقات", "حقوق النشر", "الرئيسية"]
    {
        assert!(
            a.paragraphs.iter().all(|p| !p.contains(junk)),
            "{junk} left in the body"
        );
    }
}
