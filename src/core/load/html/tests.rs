//! Tests of the HTML reader on small Arabic pages written for them.

use rstest::rstest;

use super::{fragment_to_paragraphs, parse};
use crate::core::load::draft::FormatError;

const FULL_PAGE: &str = r##"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>البرلمان يقر موازنة العام المقبل | أخبار الوادي</title>
<meta property="og:title" content="البرلمان يقر موازنة العام المقبل">
<meta property="og:site_name" content="أخبار الوادي">
<meta property="og:url" content="https://example.org/news/123">
<meta property="article:published_time" content="2023-03-14T10:30:00+02:00">
<style>.x{color:red}</style>
<script>var ads = "لا تظهر";</script>
</head><body>
<header class="site-header"><a href="/">أخبار الوادي</a><nav><a href="/p">سياسة</a> <a href="/e">اقتصاد</a></nav></header>
<div class="share-buttons"><a href="#">شارك على فيسبوك</a></div>
<article>
  <header><h1>البرلمان يقر موازنة العام المقبل</h1>
  <span class="byline">كتب: سامي علي</span></header>
  <p>أقر مجلس النواب مساء الثلاثاء موازنة العام المقبل بأغلبية &quot;مريحة&quot; بعد نقاش استمر ثلاثة أيام.</p>
  <p>وقال رئيس لجنة الخطة والموازنة إن العجز سينخفض إلى 5 &amp; نصف في المئة من الناتج المحلي.</p>
  <!-- تعليق في الشفرة لا يظهر -->
  <p>&#1575;لموازنة الجديدة تخصص مبالغ أكبر للتعليم والصحة.<br><br>وتبدأ السنة المالية في يوليو.</p>
  <div class="related-news"><h3>اقرأ أيضا</h3><ul><li><a href="/1">خبر آخر عن الموازنة</a></li><li><a href="/2">الحكومة تعلن خطة جديدة</a></li></ul></div>
  <section id="comments"><p>تعليق قارئ: هذا قرار ممتاز جدا ويستحق الإشادة</p></section>
</article>
<aside><h3>الأكثر قراءة</h3><p>خبر جانبي طويل بما يكفي ليبدو فقرة حقيقية في الصفحة</p></aside>
<footer><p>جميع الحقوق محفوظة لأخبار الوادي ٢٠٢٣</p></footer>
</body></html>"##;

#[test]
fn article_page_keeps_only_the_article_text() -> Result<(), FormatError> {
    let d = parse(FULL_PAGE)?;
    assert_eq!(d.title.as_deref(), Some("البرلمان يقر موازنة العام المقبل"));
    assert_eq!(d.source.as_deref(), Some("أخبار الوادي"));
    assert_eq!(d.url.as_deref(), Some("https://example.org/news/123"));
    assert_eq!(d.lang.as_deref(), Some("ar"));
    let date = d.date.as_ref().map(|p| p.date.to_string());
    assert_eq!(date.as_deref(), Some("2023-03-14"));
    assert_eq!(
        d.paragraphs,
        vec![
            "أقر مجلس النواب مساء الثلاثاء موازنة العام المقبل بأغلبية \"مريحة\" بعد نقاش استمر ثلاثة أيام.",
            "وقال رئيس لجنة الخطة والموازنة إن العجز سينخفض إلى 5 & نصف في المئة من الناتج المحلي.",
            "الموازنة الجديدة تخصص مبالغ أكبر للتعليم والصحة.",
            "وتبدأ السنة المالية في يوليو.",
        ]
    );
    assert!(d.context.is_empty());
    Ok(())
}

#[rstest]
#[case::og_title_wins(
    r#"<meta property="og:title" content="وزير الخارجية يزور بغداد"><title>زيارة | موقع</title><h1>عنوان آخر</h1>"#,
    "وزير الخارجية يزور بغداد"
)]
#[case::h1_before_title(
    r#"<title>زيارة مهمة | موقع الخبر</title><h1>وزير الخارجية يزور بغداد</h1>"#,
    "وزير الخارجية يزور بغداد"
)]
#[case::pipe_suffix(
    r#"<title>وزير الخارجية يزور بغداد | الرافدين</title>"#,
    "وزير الخارجية يزور بغداد"
)]
#[case::dash_suffix_named_by_site(
    r#"<meta property="og:site_name" content="الرافدين نت"><title>وزير الخارجية يزور بغداد - الرافدين نت</title>"#,
    "وزير الخارجية يزور بغداد"
)]
#[case::dash_in_headline_kept(
    r#"<title>لا خطط لقمة روسية - أرمينية</title>"#,
    "لا خطط لقمة روسية - أرمينية"
)]
#[case::og_title_with_suffix(
    r#"<meta property="og:title" content="انطلاق معرض الكتاب :: بوابة الثقافة"><meta name="application-name" content="بوابة الثقافة">"#,
    "انطلاق معرض الكتاب"
)]
fn title_is_the_headline(#[case] head: &str, #[case] title: &str) -> Result<(), FormatError> {
    let page = format!(
        "<html><head>{head}</head><body><p>نص الخبر الكامل هنا في فقرة واحدة طويلة بما يكفي.</p></body></html>"
    );
    let d = parse(&page)?;
    assert_eq!(d.title.as_deref(), Some(title));
    Ok(())
}

#[test]
fn title_suffix_is_the_source_when_nothing_else_names_it() -> Result<(), FormatError> {
    let d = parse(
        "<title>ارتفاع أسعار الذهب | الاقتصادي</title><p>ارتفعت أسعار الذهب اليوم في الأسواق المحلية بنسبة كبيرة.</p>",
    )?;
    assert_eq!(d.source.as_deref(), Some("الاقتصادي"));
    assert_eq!(d.paragraphs.len(), 1);
    Ok(())
}

#[test]
fn json_ld_graph_gives_publisher_and_date() -> Result<(), FormatError> {
    let page = r#"<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"Organization","@id":"https://x.example/#org","name":"صحيفة النهار الجديد"},
      {"@type":"NewsArticle","headline":"افتتاح جسر جديد","datePublished":"2022-11-05T08:00:00+03:00",
       "publisher":{"@id":"https://x.example/#org"}}]}
    </script></head><body><article><h1>افتتاح جسر جديد</h1>
    <p>افتتح المحافظ صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من العمل.</p></article></body></html>"#;
    let d = parse(page)?;
    assert_eq!(d.source.as_deref(), Some("صحيفة النهار الجديد"));
    assert_eq!(
        d.date.map(|p| p.date.to_string()).as_deref(),
        Some("2022-11-05")
    );
    assert_eq!(d.title.as_deref(), Some("افتتاح جسر جديد"));
    assert_eq!(
        d.paragraphs,
        vec!["افتتح المحافظ صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من العمل."]
    );
    Ok(())
}

#[test]
fn time_element_marked_as_published_is_preferred() -> Result<(), FormatError> {
    let page = r#"<article><h1>أمطار غزيرة في المدينة</h1>
    <time datetime="2021-01-01T00:00:00Z">تحديث</time>
    <time itemprop="datePublished" datetime="2020-12-30T09:15:00+01:00">30 ديسمبر</time>
    <p>هطلت أمطار غزيرة على المدينة طوال الليل وأغلقت عدة طرق رئيسية.</p></article>"#;
    let d = parse(page)?;
    assert_eq!(
        d.date.map(|p| p.date.to_string()).as_deref(),
        Some("2020-12-30")
    );
    Ok(())
}

#[test]
fn unparsed_metadata_date_is_kept_raw() -> Result<(), FormatError> {
    let page = r#"<meta name="pubdate" content="الخميس 08 أكتوبر 2020"><p>نص طويل بما يكفي ليكون فقرة من الخبر المنشور.</p>"#;
    let d = parse(page)?;
    if d.date.is_none() {
        assert_eq!(d.date_text.as_deref(), Some("الخميس 08 أكتوبر 2020"));
    }
    Ok(())
}

#[test]
fn page_without_date_metadata_gives_the_dateline_as_context() -> Result<(), FormatError> {
    let page = r#"<html><body><div class="menu"><a href="/">الرئيسية</a></div>
    <article><h1>روسيا: لا خطط لقمة ثلاثية</h1>
    <div class="post-info">القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء</div>
    <p>أعلنت الرئاسة الروسية أنه لا خطط لعقد قمة ثلاثية لحل الأزمة في الإقليم.</p>
    <p>وكانت روسيا دعت الأسبوع الماضي لوقف فوري لإطلاق النار وبدء محادثات.</p></article></body></html>"#;
    let d = parse(page)?;
    assert!(d.date.is_none());
    assert_eq!(d.paragraphs.len(), 3);
    assert_eq!(
        d.context,
        vec!["القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء"]
    );
    assert_eq!(d.title.as_deref(), Some("روسيا: لا خطط لقمة ثلاثية"));
    Ok(())
}

#[test]
fn scoring_finds_the_body_without_article_markup() -> Result<(), FormatError> {
    let page = r#"<html><body>
    <div id="top"><a href="/a">سياسة</a> | <a href="/b">رياضة</a> | <a href="/c">ثقافة</a></div>
    <div class="col-left"><ul>
      <li><a href="/x">عنوان خبر مرتبط أول طويل نسبيا للاختبار</a></li>
      <li><a href="/y">عنوان خبر مرتبط ثان طويل نسبيا للاختبار</a></li></ul></div>
    <div class="col-main"><div class="wrap">
      <h1>تراجع معدل البطالة</h1>
      <p>تراجع معدل البطالة في الربع الأخير من العام إلى أدنى مستوى منذ عشر سنوات.</p>
      <p>وعزا الخبراء التراجع إلى نمو قطاعي البناء والسياحة وزيادة الاستثمارات.</p>
      <p>ويتوقع البنك المركزي أن يستمر التحسن خلال العام المقبل.</p>
    </div></div>
    <div class="bottom">تواصل معنا</div></body></html>"#;
    let d = parse(page)?;
    assert_eq!(d.title.as_deref(), Some("تراجع معدل البطالة"));
    assert_eq!(d.paragraphs.len(), 3, "{:?}", d.paragraphs);
    assert!(d.paragraphs[0].starts_with("تراجع معدل البطالة في الربع"));
    Ok(())
}

#[test]
fn br_separated_text_without_paragraph_tags() -> Result<(), FormatError> {
    let page = "<div id=x><h1>عنوان</h1>السطر الأول من الخبر الطويل الذي يكفي للفقرة<br>يكمل هنا<br><br>الفقرة الثانية من الخبر وهي طويلة كذلك</div>";
    let d = parse(page)?;
    assert_eq!(
        d.paragraphs,
        vec![
            "السطر الأول من الخبر الطويل الذي يكفي للفقرة يكمل هنا",
            "الفقرة الثانية من الخبر وهي طويلة كذلك"
        ]
    );
    Ok(())
}

#[test]
fn malformed_html_still_reads() -> Result<(), FormatError> {
    let page = "<html><body><article><h1>حريق في <i>مصنع</h1><p>اندلع حريق في مصنع للنسيج <b>صباح اليوم<p>ولم تسجل إصابات</article></div></span>";
    let d = parse(page)?;
    assert_eq!(d.title.as_deref(), Some("حريق في مصنع"));
    assert_eq!(
        d.paragraphs,
        vec!["اندلع حريق في مصنع للنسيج صباح اليوم", "ولم تسجل إصابات"]
    );
    Ok(())
}

#[rstest]
#[case("")]
#[case(
    "<html><head><script>x()</script></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
)]
fn page_without_text_is_empty(#[case] page: &str) {
    assert!(matches!(parse(page), Err(FormatError::Empty(_))));
}

#[test]
fn deep_nesting_does_not_overflow() {
    // As deep as a page may be (see MAX_DEPTH): the walks are iterative.
    let page = format!("{}نص{}", "<div>".repeat(1_990), "</div>".repeat(1_990));
    assert!(parse(&page).is_ok());
    let fragment = format!("{}نص{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
    assert_eq!(fragment_to_paragraphs(&fragment), ["نص"]);
}

#[rstest]
#[case("<p>فقرة أولى</p><p>فقرة &amp; ثانية</p>", &["فقرة أولى", "فقرة & ثانية"])]
#[case("سطر أول<br><br>سطر   ثان", &["سطر أول", "سطر ثان"])]
#[case("نص بلا وسوم", &["نص بلا وسوم"])]
#[case("<script>alert(1)</script><div>خبر <a href='#'>رابط</a></div>", &["خبر رابط"])]
fn fragments_become_paragraphs(#[case] html: &str, #[case] expected: &[&str]) {
    assert_eq!(fragment_to_paragraphs(html), expected);
}

#[test]
fn hostile_nesting_is_refused_quickly_and_real_pages_are_not() {
    let hostile = format!("{}نص{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
    assert!(matches!(parse(&hostile), Err(FormatError::Html(m)) if m.contains("nested")));
    // Unclosed paragraphs and list items are closed by the parser, not nested.
    let many = format!(
        "<html><body><article><h1>عنوان</h1>{}</article></body></html>",
        "<p>فقرة من نص الخبر.".repeat(5_000)
    );
    assert!(parse(&many).is_ok());
    assert_eq!(
        super::nesting_depth("<div><div><br><img src=x/><p><p></div></div>"),
        2
    );
    assert_eq!(
        super::nesting_depth("<script>if (a<b) { x = '<div><div>'; }</script><div></div>"),
        1
    );
}
