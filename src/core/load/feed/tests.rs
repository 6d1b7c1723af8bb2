//! Tests of the feed reader on small Arabic feeds written for them.

use rstest::rstest;

use super::parse;
use crate::core::load::draft::FormatError;

const RSS: &str = r#"<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>أخبار الخليج &amp; العالم</title>
  <link>https://example.org/</link>
  <language>ar</language>
  <item>
    <title>افتتاح مطار جديد في المدينة</title>
    <link>https://example.org/a/1</link>
    <pubDate>Tue, 14 Mar 2023 23:30:00 +0300</pubDate>
    <dc:creator>وكالة الأنباء الرسمية</dc:creator>
    <description><![CDATA[<p>ملخص قصير</p>]]></description>
    <content:encoded><![CDATA[<p>افتتح رئيس الوزراء المطار الجديد <b>صباح اليوم</b>.</p><p>ويستوعب المطار عشرة ملايين مسافر سنويا.</p>]]></content:encoded>
  </item>
  <item>
    <title>ارتفاع درجات الحرارة</title>
    <guid isPermaLink="true">https://example.org/a/2</guid>
    <pubDate>2023-03-15T08:00:00+03:00</pubDate>
    <author>سامي علي</author>
    <description>&lt;p&gt;تشهد البلاد موجة حر&lt;/p&gt;&lt;p&gt;تستمر حتى السبت&lt;/p&gt;</description>
  </item>
</channel>
</rss>"#;

#[test]
fn rss_items_become_drafts() -> Result<(), FormatError> {
    let drafts = parse(RSS)?;
    assert_eq!(drafts.len(), 2);
    let a = &drafts[0];
    assert_eq!(a.title.as_deref(), Some("افتتاح مطار جديد في المدينة"));
    assert_eq!(a.source.as_deref(), Some("أخبار الخليج & العالم"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a/1"));
    assert_eq!(a.lang.as_deref(), Some("ar"));
    assert_eq!(a.credit.as_deref(), Some("وكالة الأنباء الرسمية"));
    assert_eq!(
        a.paragraphs,
        vec![
            "افتتح رئيس الوزراء المطار الجديد صباح اليوم.",
            "ويستوعب المطار عشرة ملايين مسافر سنويا."
        ]
    );
    // The raw RFC 2822 string is kept or parsed, never moved to UTC.
    match &a.date {
        Some(d) => assert_eq!(d.date.to_string(), "2023-03-14"),
        None => assert_eq!(
            a.date_text.as_deref(),
            Some("Tue, 14 Mar 2023 23:30:00 +0300")
        ),
    }
    let b = &drafts[1];
    assert_eq!(b.url.as_deref(), Some("https://example.org/a/2"));
    assert_eq!(b.credit, None);
    assert_eq!(b.paragraphs, vec!["تشهد البلاد موجة حر", "تستمر حتى السبت"]);
    assert_eq!(
        b.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2023-03-15")
    );
    Ok(())
}

#[test]
fn atom_entries_with_escaped_html_content() -> Result<(), FormatError> {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title type="text">مرصد الاقتصاد</title>
  <entry>
    <title>البنك المركزي يثبت الفائدة</title>
    <link rel="self" href="https://example.org/self/9"/>
    <link rel="alternate" type="text/html" href="https://example.org/news/9"/>
    <id>tag:example.org,2023:9</id>
    <updated>2023-05-02T12:00:00+02:00</updated>
    <published>2023-05-01T23:10:00+02:00</published>
    <author><name>رويترز</name></author>
    <summary>ملخص</summary>
    <content type="html">&lt;p&gt;قرر البنك المركزي الإبقاء على سعر الفائدة &amp;amp; دون تغيير.&lt;/p&gt;&lt;p&gt;وقال المحافظ إن التضخم يتراجع.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>معرض للكتاب</title>
    <link href="https://example.org/news/10"/>
    <updated>2023-05-03T09:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>يفتتح المعرض <em>غدا</em>.</p></div></content>
  </entry>
</feed>"#;
    let drafts = parse(atom)?;
    assert_eq!(drafts.len(), 2);
    let a = &drafts[0];
    assert_eq!(a.source.as_deref(), Some("مرصد الاقتصاد"));
    assert_eq!(a.title.as_deref(), Some("البنك المركزي يثبت الفائدة"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/news/9"));
    assert_eq!(
        a.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2023-05-01")
    );
    assert_eq!(a.credit.as_deref(), Some("رويترز"));
    assert_eq!(a.lang.as_deref(), Some("ar"));
    assert_eq!(
        a.paragraphs,
        vec![
            "قرر البنك المركزي الإبقاء على سعر الفائدة & دون تغيير.",
            "وقال المحافظ إن التضخم يتراجع."
        ]
    );
    assert_eq!(drafts[1].paragraphs, vec!["يفتتح المعرض غدا."]);
    assert_eq!(
        drafts[1].url.as_deref(),
        Some("https://example.org/news/10")
    );
    Ok(())
}

#[test]
fn rss_1_0_rdf_items() -> Result<(), FormatError> {
    let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>نشرة المساء</title></channel>
<item rdf:about="https://example.org/r/1"><title>خبر عاجل</title><dc:date>2021-07-04T18:00:00+03:00</dc:date><description>نص الخبر العاجل</description></item>
</rdf:RDF>"#;
    let drafts = parse(rdf)?;
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].source.as_deref(), Some("نشرة المساء"));
    assert_eq!(drafts[0].url.as_deref(), Some("https://example.org/r/1"));
    assert_eq!(
        drafts[0]
            .date
            .as_ref()
            .map(|d| d.date.to_string())
            .as_deref(),
        Some("2021-07-04")
    );
    assert_eq!(drafts[0].paragraphs, vec!["نص الخبر العاجل"]);
    Ok(())
}

#[test]
fn unparsed_date_is_kept_raw() -> Result<(), FormatError> {
    let rss = "<rss><channel><title>م</title><item><title>خبر</title><pubDate>الخميس 08 أكتوبر 2020</pubDate></item></channel></rss>";
    let d = &parse(rss)?[0];
    if d.date.is_none() {
        assert_eq!(d.date_text.as_deref(), Some("الخميس 08 أكتوبر 2020"));
    }
    Ok(())
}

#[test]
fn non_feed_xml_is_refused() {
    let err = parse("<?xml version=\"1.0\"?><catalog><book>كتاب</book></catalog>");
    assert!(matches!(err, Err(FormatError::Feed(m)) if m == "not an RSS or Atom feed"));
}

#[rstest]
#[case::mismatched("<rss><channel><title>أخبار</titel></channel></rss>", "line 1")]
#[case::unclosed("<rss>\n<channel>\n<item><title>خبر</title>", "not closed")]
#[case::garbage("<rss><channel>\n<title a=>x</title></channel></rss>", "line 2")]
fn broken_xml_is_a_feed_error(#[case] text: &str, #[case] says: &str) {
    let r = parse(text);
    assert!(
        matches!(&r, Err(FormatError::Feed(m)) if m.contains(says)),
        "{r:?}"
    );
}

#[test]
fn feed_without_items_is_empty() {
    assert!(matches!(
        parse("<rss><channel><title>م</title></channel></rss>"),
        Err(FormatError::Empty(_))
    ));
}
