//! Tests of the export formats: round trips through JSON and W3C, CSV quoting, W3C shape.

use std::path::PathBuf;

use chrono::TimeZone;
use rstest::rstest;

use super::*;

fn tag(n: u32, note: Option<&str>, modified: bool) -> Tag {
    let created = Utc
        .with_ymd_and_hms(2026, 3, 1, 10, 0, n)
        .single()
        .unwrap_or_default()
        + chrono::Duration::nanoseconds(123_456_789);
    Tag {
        id: TagId(format!("00000000000000a{n}")),
        label: if n.is_multiple_of(2) {
            "disputed"
        } else {
            "ملاحظة"
        }
        .to_string(),
        note: note.map(str::to_string),
        author: "سارة".to_string(),
        created,
        modified: modified.then(|| created + chrono::Duration::hours(1)),
        target: Target {
            article: ArticleId::of_content(&format!("article {n}")),
            path: PathBuf::from(format!("news/خبر {n}.html")),
            item: (n == 2).then_some(4),
            quote: TextQuote {
                exact: "قَالَ الوَزِيرُ إنّ".to_string(),
                prefix: "في بيان، ".to_string(),
                suffix: " 300 شخص".to_string(),
            },
            position: TextPosition { start: 10, end: 29 },
            text_hash: "0123456789abcdef".to_string(),
        },
    }
}

fn tags() -> Vec<Tag> {
    vec![
        tag(1, Some("سطر أول\nوسطر ثانٍ فيه \"اقتباس\""), true),
        tag(2, None, false),
        tag(3, Some("قصير"), false),
    ]
}

fn titles(id: &ArticleId) -> Option<String> {
    (*id == ArticleId::of_content("article 1")).then(|| "عنوان الخبر".to_string())
}

#[rstest]
#[case::json(to_json(&tags(), &titles))]
#[case::w3c(to_w3c(&tags(), &titles))]
fn an_export_imports_back_to_the_same_tags(#[case] exported: Value) {
    let text = serde_json::to_string_pretty(&exported).unwrap_or_default();
    let read: Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(import(&read).unwrap(), tags());
}

#[test]
fn json_has_the_documented_fields() {
    let v = to_json(&tags(), &titles);
    let first = &v[0];
    for key in [
        "id",
        "article",
        "path",
        "title",
        "quote",
        "prefix",
        "suffix",
        "start",
        "end",
        "label",
        "note",
        "author",
        "created",
        "modified",
        "selectors",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["title"], "عنوان الخبر");
    assert_eq!(v[1]["title"], Value::Null);
    assert_eq!(first["selectors"][0]["type"], "TextQuoteSelector");
}

#[test]
fn w3c_has_the_required_keys() {
    let v = to_w3c(&tags(), &titles);
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 3);
    assert_eq!(v["first"]["type"], "AnnotationPage");
    let items = v["first"]["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 3);
    for a in &items {
        assert_eq!(a["type"], "Annotation");
        assert!(
            a["id"]
                .as_str()
                .unwrap_or("")
                .starts_with("urn:khabar:tag:")
        );
        assert!(
            a["target"]["source"]
                .as_str()
                .unwrap_or("")
                .starts_with("urn:khabar:article:")
        );
        let kinds: Vec<&str> = a["target"]["selector"]
            .as_array()
            .map(|s| s.iter().filter_map(|s| s["type"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(kinds, ["TextQuoteSelector", "TextPositionSelector"]);
        assert_eq!(a["creator"]["type"], "Person");
        assert_eq!(a["body"][0]["purpose"], "tagging");
    }
    assert_eq!(items[0]["motivation"], "tagging");
    assert_eq!(items[1]["motivation"], "assessing");
    assert_eq!(items[0]["body"][1]["purpose"], "commenting");
    assert!(items[1]["body"].as_array().is_some_and(|b| b.len() == 1));
    assert!(items[1].get("modified").is_none());
}

#[test]
fn csv_quotes_as_rfc_4180() {
    let mut t = tag(2, Some("أولاً، ثم \"ثانياً\"\nوأخيراً"), false);
    t.target.path = PathBuf::from("a,b.txt");
    t.target.quote.prefix = String::new();
    let mut out = Vec::new();
    write_csv(&[t.clone()], &|_| None, &mut out).unwrap();
    let expected = format!(
        "id,article,path,title,quote,prefix,suffix,start,end,label,note,author,created,modified\r\n\
         00000000000000a2,{},\"a,b.txt\",,قَالَ الوَزِيرُ إنّ,, 300 شخص,10,29,disputed,\
         \"أولاً، ثم \"\"ثانياً\"\"\nوأخيراً\",سارة,2026-03-01T10:00:02.123456789Z,\r\n",
        t.target.article
    );
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn csv_of_no_tags_is_the_header() {
    let mut out = Vec::new();
    write_csv(&[], &|_| None, &mut out).unwrap();
    assert!(out.starts_with(b"id,article,"));
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
}

#[rstest]
#[case::not_tags(json!({"hello": 1}), "neither a khabar tag export")]
#[case::no_quote(
    {let mut v = to_json(&tags(), &titles); v[2].as_object_mut().map(|o| o.remove("quote")); v},
    "tag 3 has no \"quote\"")]
#[case::no_exact(
    {let mut v = to_w3c(&tags(), &titles);
     v["first"]["items"][2]["target"]["selector"][0].as_object_mut().map(|o| o.remove("exact")); v},
    "tag 3 has no \"exact\"")]
#[case::bad_time(
    {let mut v = to_json(&tags(), &titles); v[0]["created"] = json!("yesterday"); v},
    "tag 1 has a bad \"created\": \"\\\"yesterday\\\"\"")]
#[case::label_of_two_words(
    {let mut v = to_json(&tags(), &titles); v[1]["label"] = json!("needs source"); v},
    "tag 2 has a bad \"label\": \"needs source\" (the label")]
fn a_broken_import_says_what_is_missing(#[case] value: Value, #[case] message: &str) {
    let err = import(&value).map(|_| ()).unwrap_err().to_string();
    assert!(err.contains(message), "{err}");
}

#[rstest]
#[case::json(to_json(&tags(), &titles))]
#[case::w3c(to_w3c(&tags(), &titles))]
fn an_import_carries_no_escape_sequence_to_the_terminal(#[case] mut exported: Value) {
    // A file from elsewhere, with a terminal title change, a colour and a bell in it.
    fn poison(v: &mut Value) {
        match v {
            Value::String(s) if s == "قصير" => {
                *s = "\u{1b}]0;owned\u{7}\u{1b}[31mred\u{9b}2J".into()
            }
            Value::String(s) if s == "سارة" => *s = "سا\u{1b}رة".into(),
            Value::Array(items) => items.iter_mut().for_each(poison),
            Value::Object(fields) => fields.values_mut().for_each(poison),
            _ => {}
        }
    }
    poison(&mut exported);
    assert!(exported.to_string().contains("\\u001b"));
    let read = import(&exported).unwrap();
    assert_eq!(read[2].note.as_deref(), Some("red"));
    assert!(read.iter().all(|t| t.author == "سارة"), "{read:?}");
    let shown = serde_json::to_string(&read).unwrap();
    assert!(
        !shown.contains("\\u001b") && !shown.contains("\\u0007"),
        "{shown}"
    );
}
