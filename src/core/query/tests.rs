//! Tests of the query language: every term kind, negation, quotes, the printed form and
//! its round trip, every error, and the accessors the TUI's pickers use.

use chrono::NaiveDate;
use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::core::article::{ArticleId, Direction, EncodingName, Format};
use crate::core::dates::{Calendar, PubDate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn article(title: &str, source: &str, date: Option<&str>, lang: &str, body: &str) -> Article {
    Article {
        id: ArticleId::of_content(title),
        path: "t.txt".into(),
        item: None,
        format: Format::Text,
        encoding: EncodingName("UTF-8"),
        title: title.into(),
        source: Some(source.into()),
        credit: Some("وكالات".into()),
        date: date.map(|d| PubDate {
            date: day(d),
            time: None,
            offset: None,
            text: d.into(),
            calendar: Calendar::Gregorian,
            hijri: None,
            uncertain: false,
        }),
        url: None,
        lang: lang.into(),
        direction: Direction::Rtl,
        words: 10,
        paragraphs: body.split('\n').map(str::to_string).collect(),
        removed_controls: 0,
    }
}

/// Four articles: the names are what each case lists as matching.
fn corpus() -> Vec<(&'static str, Article)> {
    vec![
        (
            "wasat",
            article(
                "روسيا: لا خطط لقمة ثلاثية",
                "بوابة الوسط",
                Some("2020-10-08"),
                "ar",
                "قال الرَّئِيسُ بوتين إن موسكو مستعدة.\nوأكد المتحدث أن 2020 عام صعب.",
            ),
        ),
        (
            "sky",
            article(
                "أذربيجان تعلن تدمير دبابات",
                "سكاي نيوز عربية",
                Some("2020-10-01"),
                "ar",
                "أعلنت وزارة الدفاع الأذربيجانية تدمير ٢٠٠ دبابة في المدينة.",
            ),
        ),
        (
            "reuters",
            article(
                "Putin calls for talks",
                "Reuters",
                Some("2020-09-27"),
                "en",
                "The president said talks in Moscow would begin.",
            ),
        ),
        (
            "undated",
            article(
                "الـــرئيـــس يستقبل الوفد",
                "الجزيرة",
                None,
                "ar",
                "استقبل والرئيس الوفد في القصر.",
            ),
        ),
    ]
}

/// The labels of each corpus article's tags, lower case as `TagBook::labels_of` gives them.
fn labels(name: &str) -> Vec<String> {
    let labels: &[&str] = match name {
        "wasat" => &["disputed"],
        "sky" => &["false", "مشكوك"],
        "reuters" => &["verified"],
        _ => &[],
    };
    labels.iter().map(|l| l.to_string()).collect()
}

fn matching(query: &str) -> Vec<&'static str> {
    let q = Query::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    corpus()
        .into_iter()
        .filter(|(name, a)| q.matches(a, &SearchDoc::new(a), &labels(name)))
        .map(|(name, _)| name)
        .collect()
}

#[rstest]
#[case::empty("", &["wasat", "sky", "reuters", "undated"])]
#[case::blank("   ", &["wasat", "sky", "reuters", "undated"])]
#[case::word_in_body("موسكو", &["wasat"])]
#[case::word_in_title("دبابات", &["sky"])]
#[case::folded_word("الرئيس", &["wasat", "undated"])]
#[case::indic_digits("٢٠٢٠", &["wasat"])]
#[case::ascii_digits_find_indic("200", &["sky"])]
#[case::hamza_free("اذربيجان", &["sky"])]
#[case::ta_marbuta("المدينه", &["sky"])]
#[case::english_any_case("MOSCOW", &["reuters"])]
#[case::phrase("\"وزارة الدفاع\"", &["sky"])]
#[case::phrase_not_adjacent("\"الدفاع وزارة\"", &[])]
#[case::two_words_and("بوتين موسكو", &["wasat"])]
#[case::source("source:الوسط", &["wasat"])]
#[case::source_any_case("source:REUTERS", &["reuters"])]
#[case::source_quoted("source:\"سكاي نيوز\"", &["sky"])]
#[case::source_either("source:الوسط,الجزيرة", &["wasat", "undated"])]
#[case::source_credit("source:وكالات", &["wasat", "sky", "reuters", "undated"])]
#[case::field_any_case("Source:الوسط", &["wasat"])]
#[case::date_range("date:2020-09-27..2020-10-01", &["sky", "reuters"])]
#[case::date_open_end("date:2020-10-01..", &["wasat", "sky"])]
#[case::date_open_start("date:..2020-09-30", &["reuters"])]
#[case::date_day("date:2020-10-08", &["wasat"])]
#[case::date_month("date:2020-10", &["wasat", "sky"])]
#[case::date_year("date:2020", &["wasat", "sky", "reuters"])]
#[case::date_indic("date:٢٠٢٠-١٠-٠٨", &["wasat"])]
#[case::since("since:2020-10-01", &["wasat", "sky"])]
#[case::until("until:2020-10-01", &["sky", "reuters"])]
#[case::until_month("until:2020-09", &["reuters"])]
#[case::lang("lang:ar", &["wasat", "sky", "undated"])]
#[case::lang_either("lang:EN,fa", &["reuters"])]
#[case::not_word("-الرئيس", &["sky", "reuters"])]
#[case::not_phrase("-\"وزارة الدفاع\"", &["wasat", "reuters", "undated"])]
#[case::not_source("-source:الوسط", &["sky", "reuters", "undated"])]
#[case::not_lang("-lang:en", &["wasat", "sky", "undated"])]
#[case::not_date_keeps_undated("-date:2020-10", &["reuters", "undated"])]
#[case::combined("الرئيس lang:ar -source:الجزيرة since:2020-10", &["wasat"])]
#[case::url_is_a_word("https://example.com", &[])]
#[case::colon_after_arabic("روسيا:", &["wasat"])]
#[case::quoted_colon("\"روسيا: لا\"", &["wasat"])]
#[case::quoted_dash("\"-\"", &[])]
#[case::tag("tag:disputed", &["wasat"])]
#[case::tag_any_case("TAG:Disputed", &["wasat"])]
#[case::tag_arabic("tag:مشكوك", &["sky"])]
#[case::tag_either("tag:disputed,verified", &["wasat", "reuters"])]
#[case::tag_quoted("tag:\"false\",مشكوك", &["sky"])]
#[case::tag_whole_label("tag:disput", &[])]
#[case::tag_not_a_word("disputed", &[])]
#[case::tag_any("tag:*", &["wasat", "sky", "reuters"])]
#[case::not_tag("-tag:disputed", &["sky", "reuters", "undated"])]
#[case::untagged("-tag:*", &["undated"])]
#[case::tag_and_lang("tag:* lang:ar -tag:false", &["wasat"])]
fn terms_select_articles(#[case] query: &str, #[case] expected: &[&str]) {
    assert_eq!(matching(query), expected, "{query}");
}

#[rstest]
#[case::unknown_field("foo:bar", QueryError::UnknownField { field: "foo".into(), token: "foo:bar".into() })]
#[case::typo("sorce:الوسط", QueryError::UnknownField { field: "sorce".into(), token: "sorce:الوسط".into() })]
#[case::empty_source("source:", QueryError::EmptyValue { field: "source".into(), token: "source:".into() })]
#[case::empty_quoted("source:\"\"", QueryError::EmptyValue { field: "source".into(), token: "source:\"\"".into() })]
#[case::empty_alternative("source:a,", QueryError::EmptyValue { field: "source".into(), token: "source:a,".into() })]
#[case::empty_date("-date:", QueryError::EmptyValue { field: "date".into(), token: "-date:".into() })]
#[case::empty_lang("lang:", QueryError::EmptyValue { field: "lang".into(), token: "lang:".into() })]
#[case::empty_tag("tag:", QueryError::EmptyValue { field: "tag".into(), token: "tag:".into() })]
#[case::empty_tag_negated("-tag:\" \"", QueryError::EmptyValue { field: "tag".into(), token: "-tag:\" \"".into() })]
#[case::empty_tag_alternative("tag:disputed,", QueryError::EmptyValue { field: "tag".into(), token: "tag:disputed,".into() })]
#[case::tags_is_not_a_field("tags:disputed", QueryError::UnknownField { field: "tags".into(), token: "tags:disputed".into() })]
#[case::bad_day("date:2020-13-01", QueryError::BadDate { text: "2020-13-01".into(), expected: parse::RANGE_FORMS })]
#[case::bad_end("date:2020-10-01..tomorrow", QueryError::BadDate { text: "tomorrow".into(), expected: parse::RANGE_FORMS })]
#[case::no_ends("date:..", QueryError::BadDate { text: "..".into(), expected: parse::RANGE_FORMS })]
#[case::bad_since("since:yesterday", QueryError::BadDate { text: "yesterday".into(), expected: parse::DAY_FORMS })]
#[case::range_in_since("since:2020-10-01..", QueryError::BadDate { text: "2020-10-01..".into(), expected: parse::DAY_FORMS })]
#[case::short_year("until:20-10-01", QueryError::BadDate { text: "20-10-01".into(), expected: parse::DAY_FORMS })]
#[case::backwards("date:2020-10-09..2020-10-01", QueryError::Backwards { text: "2020-10-09..2020-10-01".into(), from: day("2020-10-09"), to: day("2020-10-01") })]
#[case::unterminated("source:\"سكاي نيوز", QueryError::Unterminated { token: "source:\"سكاي نيوز".into() })]
#[case::unterminated_word("موسكو \"وزارة", QueryError::Unterminated { token: "\"وزارة".into() })]
#[case::bad_lang("lang:arabic", QueryError::BadLang { value: "arabic".into() })]
#[case::lone_dash("موسكو -", QueryError::LoneDash)]
#[case::empty_phrase("\"\"", QueryError::NothingToFind { token: "\"\"".into() })]
#[case::only_marks("ـــ", QueryError::NothingToFind { token: "ـــ".into() })]
fn bad_queries_say_why(#[case] query: &str, #[case] expected: QueryError) {
    assert_eq!(Query::parse(query), Err(expected));
}

#[test]
fn error_messages_quote_the_token_and_say_what_is_accepted() {
    let message = |q: &str| Query::parse(q).unwrap_err().to_string();
    let m = message("foo:bar");
    assert!(
        m.contains("'foo:bar'") && m.contains("source:, date:"),
        "{m}"
    );
    let m = message("date:2020-13");
    assert!(m.contains("'2020-13'") && m.contains("2020-10-08"), "{m}");
    let m = message("source:");
    assert!(m.contains("'source:'") && m.contains("source:NAME"), "{m}");
    let m = message("foo:bar");
    assert!(m.contains("lang: and tag:"), "{m}");
    let m = message("-tag:");
    assert!(
        m.contains("'-tag:'") && m.contains("tag:disputed") && m.contains("tag:*"),
        "{m}"
    );
    let m = message("\"open");
    assert!(m.contains("'\"open'") && m.contains("closing"), "{m}");
    let m = message("date:2020-10-09..2020-10-01");
    assert!(
        m.contains("2020-10-09") && m.contains("earlier day first"),
        "{m}"
    );
    for q in [
        "foo:bar",
        "date:x",
        "source:",
        "tag:",
        "\"x",
        "lang:xxxx",
        "-",
        "\"\"",
    ] {
        let m = message(q);
        assert!(m.chars().next().is_some_and(|c| !c.is_uppercase()), "{m}");
    }
}

#[rstest]
#[case("2020-10-01..2020-10-09", Some("2020-10-01"), Some("2020-10-09"))]
#[case(" 2020-10-01 .. 2020-10-09 ", Some("2020-10-01"), Some("2020-10-09"))]
#[case("2020-10-01..", Some("2020-10-01"), None)]
#[case("..2020-10-09", None, Some("2020-10-09"))]
#[case("2020-10-08", Some("2020-10-08"), Some("2020-10-08"))]
#[case("2020-10", Some("2020-10-01"), Some("2020-10-31"))]
#[case("2020-02", Some("2020-02-01"), Some("2020-02-29"))]
#[case("2020-12", Some("2020-12-01"), Some("2020-12-31"))]
#[case("2020", Some("2020-01-01"), Some("2020-12-31"))]
#[case("2020-09..2020-10", Some("2020-09-01"), Some("2020-10-31"))]
#[case("٢٠٢٠-١٠-٠١..٢٠٢٠-١٠-٠٩", Some("2020-10-01"), Some("2020-10-09"))]
#[case("۲۰۲۰-۱۰", Some("2020-10-01"), Some("2020-10-31"))]
#[case("2020-1-8", Some("2020-01-08"), Some("2020-01-08"))]
#[case("", None, None)]
fn ranges_are_read(#[case] text: &str, #[case] from: Option<&str>, #[case] to: Option<&str>) {
    assert_eq!(parse_range(text), Ok((from.map(day), to.map(day))));
}

#[rstest]
#[case("2020-10-09..2020-10-01")]
#[case("2020-10..2020-09")]
#[case("2020-02-30")]
#[case("10/08/2020")]
#[case("2020-10-08-01")]
#[case("..")]
fn bad_ranges_are_errors(#[case] text: &str) {
    assert!(parse_range(text).is_err(), "{text}");
}

#[rstest]
#[case("الرئيس", "الرئيس")]
#[case("  الرئيس   موسكو ", "الرئيس موسكو")]
#[case("\"وزارة   الدفاع\"", "\"وزارة الدفاع\"")]
#[case("\"الرئيس\"", "الرئيس")]
#[case("SOURCE:Reuters", "source:Reuters")]
#[case("source:\"سكاي نيوز\",الوسط", "source:\"سكاي نيوز\",الوسط")]
#[case("source:\"a,b\"", "source:\"a,b\"")]
#[case("source:a:b", "source:a:b")]
#[case("-source:x", "-source:x")]
#[case("date:2020-10-01..2020-10-09", "date:2020-10-01..2020-10-09")]
#[case("date:2020-10-08..2020-10-08", "date:2020-10-08")]
#[case("date:2020-10-01..2020-10-31", "date:2020-10")]
#[case("date:2020-10..", "since:2020-10-01")]
#[case("date:..2020-10", "until:2020-10-31")]
#[case("date:٢٠٢٠", "date:2020")]
#[case("since:2020-10-01", "since:2020-10-01")]
#[case("lang:AR,en", "lang:ar,en")]
#[case("https://x.org/a", "\"https://x.org/a\"")]
#[case("\"-word\"", "\"-word\"")]
#[case("\"say \\\"no\\\" \\\\ now\"", "\"say \\\"no\\\" \\\\ now\"")]
#[case("a\\b", "a\\b")]
#[case("tag:Disputed", "tag:disputed")]
#[case("-TAG:مشكوك,FALSE,false", "-tag:مشكوك,false")]
#[case("tag:\" a,b \",c", "tag:\"a,b\",c")]
#[case("tag:\"two words\"", "tag:\"two words\"")]
#[case("tag:*", "tag:*")]
#[case("-tag:\"*\"", "-tag:*")]
#[case("tag:disputed,*", "tag:*")]
#[case("tag:a:b", "tag:a:b")]
fn queries_print_canonically(#[case] text: &str, #[case] printed: &str) {
    let q: Query = text.parse().unwrap();
    assert_eq!(q.to_string(), printed);
    assert_eq!(Query::parse(printed), Ok(q));
}

#[test]
fn quotes_escape_quotes_and_backslashes() {
    let q = Query::parse(r#"source:"روسيا \"العالم\"" "a\b""#).unwrap();
    assert_eq!(q.sources(), ["روسيا \"العالم\""]);
    assert_eq!(q.highlight_needles(), [Needle::new("a\\b").unwrap()]);
}

#[test]
fn sources_and_their_replacement() {
    let mut q = Query::parse("موسكو source:الوسط,Reuters -source:الجزيرة lang:ar").unwrap();
    assert_eq!(q.sources(), ["الوسط", "Reuters"]);
    q.set_sources(vec![
        "سكاي نيوز".into(),
        "  ".into(),
        "\"روسيا\" - العالم".into(),
    ]);
    assert_eq!(
        q.to_string(),
        "موسكو source:\"سكاي نيوز\",\"\\\"روسيا\\\" - العالم\" -source:الجزيرة lang:ar"
    );
    assert_eq!(Query::parse(&q.to_string()), Ok(q.clone()));
    q.set_sources(Vec::new());
    assert_eq!(q.to_string(), "موسكو -source:الجزيرة lang:ar");
    assert!(q.sources().is_empty());
    q.set_sources(vec!["الوسط".into()]);
    assert_eq!(q.to_string(), "موسكو -source:الجزيرة lang:ar source:الوسط");
}

#[test]
fn ranges_and_their_replacement() {
    let mut q =
        Query::parse("since:2020-09 موسكو until:2020-10-20 date:2020-10 -date:2020-10-05").unwrap();
    assert_eq!(
        q.range(),
        (Some(day("2020-10-01")), Some(day("2020-10-20")))
    );
    q.set_range(Some(day("2020-10-02")), None);
    assert_eq!(q.to_string(), "since:2020-10-02 موسكو");
    q.set_range(Some(day("2020-10-09")), Some(day("2020-10-01")));
    assert_eq!(q.to_string(), "date:2020-10-01..2020-10-09 موسكو");
    assert_eq!(
        q.range(),
        (Some(day("2020-10-01")), Some(day("2020-10-09")))
    );
    q.set_range(None, None);
    assert_eq!(q.to_string(), "موسكو");
    assert_eq!(q.range(), (None, None));
    assert_eq!(Query::default().range(), (None, None));
}

#[test]
fn highlight_needles_are_the_positive_words() {
    let q = Query::parse("الرَّئِيس -موسكو \"وزارة الدفاع\" source:الوسط").unwrap();
    let needles: Vec<String> = q
        .highlight_needles()
        .iter()
        .map(|n| n.as_str().to_string())
        .collect();
    assert_eq!(needles, ["الرئيس", "وزاره الدفاع"]);
    assert!(q.needs_bodies());
    assert!(!Query::parse("source:x lang:ar").unwrap().needs_bodies());
    assert!(!Query::parse("tag:disputed").unwrap().needs_bodies());
    assert!(Query::parse("").unwrap().is_empty());
}

#[rstest]
#[case::tag("tag:disputed", true)]
#[case::negated("موسكو -tag:*", true)]
#[case::among_others("source:x tag:a,b lang:ar", true)]
#[case::none("source:x lang:ar موسكو -date:2020", false)]
#[case::quoted_word("\"tag:disputed\"", false)]
#[case::empty("", false)]
fn needs_tags_when_a_term_reads_them(#[case] query: &str, #[case] needs: bool) {
    assert_eq!(Query::parse(query).unwrap().needs_tags(), needs, "{query}");
}

#[test]
fn tag_terms_read_only_the_labels_given() {
    let (_, a) = corpus().remove(0);
    let doc = SearchDoc::new(&a);
    let own = |ls: &[&str]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let q = |text: &str| Query::parse(text).unwrap();
    // Without labels no tag term holds, so every negated one does.
    assert!(!q("tag:disputed").matches(&a, &doc, &[]));
    assert!(!q("tag:*").matches(&a, &doc, &[]));
    assert!(q("-tag:*").matches(&a, &doc, &[]));
    assert!(q("-tag:disputed").matches(&a, &doc, &[]));
    // With them, the whole label in any case; other terms ignore labels.
    let labels = own(&["disputed", "مشكوك"]);
    assert!(q("tag:DISPUTED").matches(&a, &doc, &labels));
    assert!(q("tag:مشكوك").matches(&a, &doc, &labels));
    assert!(!q("tag:dispute").matches(&a, &doc, &labels));
    assert!(!q("-tag:*").matches(&a, &doc, &labels));
    assert!(q("source:الوسط").matches(&a, &doc, &labels));
    assert!(q("source:الوسط").matches(&a, &doc, &[]));
}

/// Tokens that exercise every path of the lexer and parser, good or bad.
fn token() -> impl Strategy<Value = String> {
    let word = "[-a-zA-Zأإآاةىيـ\u{064e}٢0-9:,./\\\\\"]{1,8}";
    let value = "[a-zA-Zأاة ٢0-9,:\\\\\"]{0,8}";
    prop_oneof![
        word.prop_map(String::from),
        value.prop_map(|v| format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))),
        (
            prop_oneof![
                Just("source"),
                Just("lang"),
                Just("date"),
                Just("since"),
                Just("until"),
                Just("tag"),
                Just("x")
            ],
            value
        )
            .prop_map(|(f, v)| format!("{f}:{v}")),
        (prop_oneof![Just("source"), Just("-source")], value, value).prop_map(|(f, a, b)| format!(
            "{f}:\"{}\",{}",
            a.replace(['\\', '"'], ""),
            b.replace(['\\', '"', ' '], "")
        )),
        (
            "(19|20)[0-9]{2}(-[01]?[0-9](-[0-3]?[0-9])?)?",
            proptest::option::of("(19|20)[0-9]{2}(-[01]?[0-9](-[0-3]?[0-9])?)?")
        )
            .prop_map(|(a, b)| match b {
                Some(b) => format!("date:{a}..{b}"),
                None => format!("date:{a}"),
            }),
        "lang:[a-zA-Z]{2,3}(,[a-z]{2})?".prop_map(String::from),
        "(tag|TAG):(\\*|[a-zA-Zأة_-]{1,6})(,(\\*|[a-zA-Zأة_-]{1,6}))?".prop_map(String::from),
    ]
}

proptest! {
    #[test]
    fn parsed_queries_print_back_to_themselves(
        tokens in proptest::collection::vec((any::<bool>(), token()), 0..6)
    ) {
        let text: Vec<String> = tokens.iter().map(|(neg, t)| if *neg { format!("-{t}") } else { t.clone() }).collect();
        let text = text.join(" ");
        if let Ok(q) = Query::parse(&text) {
            let printed = q.to_string();
            prop_assert_eq!(Query::parse(&printed), Ok(q), "{} printed as {}", text, printed);
        }
    }

    #[test]
    fn any_text_parses_or_errs_and_round_trips(text in "([-:,.\"\\\\ a-zأـ٢0-9]|\\PC){0,40}") {
        if let Ok(q) = Query::parse(&text) {
            let printed = q.to_string();
            prop_assert_eq!(Query::parse(&printed), Ok(q), "{} printed as {}", text, printed);
        }
    }
}
