//! Tagging in the reader, through its update loop (`common/in_process.rs`): choosing
//! sentences in the body and tagging them through the label form, tagging a fact from the
//! sidebar, the marks in the body and the sidebar, `T`, `u`, the tags view, `tag:` in the
//! filter, orphaned tags, and two readers sharing one journal. What is saved is read back
//! from the journal file itself.

#[path = "common/in_process.rs"]
mod in_process;

use in_process::Reader;
use khabar::config::Config;
use khabar::core::facts::sentences;
use khabar::core::load::demo::load_demo;
use khabar::core::tags::journal::Journal;
use khabar::core::tags::{Tag, TagId, tag_text, target_in};
use khabar::tui::{Job, Msg, Pane, app_for, run_job, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use std::sync::mpsc;

fn journal(r: &Reader) -> Journal {
    Journal::open(r.data.path().join("tags.jsonl")).unwrap()
}

fn saved(r: &Reader) -> Vec<Tag> {
    journal(r).load().unwrap().tags
}

/// How many cells of the body pane are drawn with `modifier`.
fn body_marks(r: &Reader, modifier: Modifier) -> usize {
    let area = r.app.view.borrow().rects.body_inner;
    let buf = r.term.backend().buffer();
    area.positions()
        .filter(|p| buf[(p.x, p.y)].modifier.contains(modifier))
        .count()
}

/// The sentences of the article the reader shows, in reading order.
fn shown_sentences(r: &Reader) -> Vec<String> {
    let article = &r.app.articles[r.app.selected_article().unwrap()];
    article
        .paragraphs
        .iter()
        .flat_map(|p| sentences(p).into_iter().map(move |s| p[s].to_string()))
        .collect()
}

#[test]
fn sentences_chosen_in_the_body_are_tagged_with_a_filtered_label_and_a_note() {
    let mut r = Reader::new(140, 36);
    assert_eq!(body_marks(&r, Modifier::UNDERLINED), 0);
    r.keys("<Tab>t");
    assert_eq!(r.app.focus, Pane::Body);
    assert!(r.status().contains("choosing sentences"), "{}", r.status());
    let first = r.app.select.as_ref().unwrap().first;
    // Down a sentence, then one more taken.
    r.keys("jJ");
    let sel = r.app.select.as_ref().unwrap();
    assert_eq!((sel.first, sel.last), (first + 1, first + 2));
    // Chosen text is drawn in the selection style (italic in the no-colour theme).
    assert!(body_marks(&r, Modifier::ITALIC) > 0);
    r.keys("t");
    assert!(r.screen().contains("label: ▏"), "{}", r.screen());
    r.keys("disp");
    let screen = r.screen();
    assert!(screen.contains("label: disp▏"), "{screen}");
    assert!(screen.contains("  disputed"), "{screen}");
    assert!(
        !screen.contains("  verified"),
        "the filter hides other labels:\n{screen}"
    );
    assert!(screen.contains("+ new label: disp"), "{screen}");
    r.keys("<Enter>");
    assert!(r.screen().contains("label: disputed"), "{}", r.screen());
    r.keys("one source only<Enter>");
    assert!(r.status().contains("saved"), "{}", r.status());
    assert!(r.app.select.is_none());

    let tags = saved(&r);
    assert_eq!(tags.len(), 1);
    let tag = &tags[0];
    assert_eq!(tag.label, "disputed");
    assert_eq!(tag.note.as_deref(), Some("one source only"));
    let all = shown_sentences(&r);
    let (a, b) = (&all[first + 1], &all[first + 2]);
    assert!(
        tag.target.quote.exact.starts_with(a.as_str())
            && tag.target.quote.exact.ends_with(b.as_str()),
        "{:?}",
        tag.target.quote.exact
    );
    // Marked: underlined in the body, listed at the top of the sidebar.
    assert_eq!(body_marks(&r, Modifier::ITALIC), 0);
    // Every cell of the quote, spaces too, less what shaping joins (لا) or the pane hides.
    let quoted = tag.target.quote.exact.chars().count();
    let marks = body_marks(&r, Modifier::UNDERLINED);
    assert!(marks > quoted / 2 && marks <= quoted, "{marks} of {quoted}");
    assert!(r.screen().contains("tags (1)"), "{}", r.screen());
    // The sidebar's tag row gives the note before the quote, which the narrow pane cuts.
    let sidebar = r.app.view.borrow().rects.facts_inner;
    let row: String = (sidebar.left()..sidebar.right())
        .map(|x| {
            r.term.backend().buffer()[(x, sidebar.y + 1)]
                .symbol()
                .to_string()
        })
        .collect();
    assert!(row.contains("disputed — one source only"), "{row}");
}

#[test]
fn choosing_stays_inside_the_article_and_esc_writes_nothing() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab>tgk");
    let sel = r.app.select.clone().unwrap();
    assert_eq!((sel.first, sel.last), (0, 0));
    r.keys("G");
    let n = r.app.select.as_ref().unwrap().sentences.len();
    r.keys("jJJ");
    let sel = r.app.select.clone().unwrap();
    assert_eq!((sel.first, sel.last), (n - 1, n - 1));
    // The last sentence is on screen.
    let rows = r.app.view.borrow().body.as_ref().unwrap().rows;
    assert!(r.app.body_scroll > 0 && r.app.body_scroll < rows);
    // K never shrinks below one sentence.
    r.keys("gJJKKK");
    let sel = r.app.select.clone().unwrap();
    assert_eq!((sel.first, sel.last), (0, 0));
    // The form, then Esc: nothing is written, and the choice is still there to retry.
    r.keys("tverif<Esc>");
    assert!(r.status().contains("not tagged"));
    assert!(r.app.select.is_some());
    r.keys("<Esc>");
    assert!(r.app.select.is_none());
    assert!(saved(&r).is_empty());
    assert!(!r.data.path().join("tags.jsonl").exists());
}

#[test]
fn a_new_label_is_typed_and_a_label_of_two_words_is_refused() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab>tttwo words<Enter>");
    assert!(r.screen().contains("is not one word"), "{}", r.screen());
    r.keys("<C-u>contested<Enter><Enter>");
    assert_eq!(saved(&r)[0].label, "contested");
    assert_eq!(saved(&r)[0].note, None);
    // The label now in use is offered first.
    r.keys("jtt");
    let screen = r.screen();
    let at = |s: &str| screen.find(s).unwrap_or(usize::MAX);
    assert!(at("  contested") < at("  verified"), "{screen}");
}

#[test]
fn a_claim_is_tagged_from_the_sidebar_then_removed_and_restored_with_u() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab><Tab>");
    assert_eq!(r.app.focus, Pane::Facts);
    let claim = r.app.selected_fact().unwrap();
    r.keys("t<Enter><Enter>");
    let tags = saved(&r);
    assert_eq!(tags.len(), 1);
    assert_eq!(tags[0].label, "verified");
    // The claim stays selected and carries the label.
    assert_eq!(r.app.selected_fact(), Some(claim));
    let screen = r.screen();
    assert!(screen.contains("[verified]"), "{screen}");
    assert!(screen.contains("tags (1)"), "{screen}");
    r.keys("T");
    assert!(saved(&r).is_empty());
    assert!(!r.screen().contains("[verified]"));
    assert!(r.status().contains("removed"), "{}", r.status());
    r.keys("u");
    let back = saved(&r);
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].label, "verified");
    assert_eq!(back[0].target.quote, tags[0].target.quote);
    assert!(r.screen().contains("[verified]"));
    // u again undoes the add made before the removal (under the new id); then there is
    // nothing left to undo.
    r.keys("u");
    assert!(saved(&r).is_empty(), "{:?}", r.status());
    r.keys("u");
    assert!(r.status().contains("nothing to undo"), "{}", r.status());
}

#[test]
fn a_tag_is_changed_from_its_row_and_u_changes_it_back() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab><Tab>t<Enter>first note<Enter>");
    // The tag's own row is the sidebar's first item.
    r.keys("g");
    assert!(r.app.selected_fact().is_some());
    r.keys("t");
    assert!(r.screen().contains(" change the tag "), "{}", r.screen());
    r.keys("false<Enter><C-u>second<Enter>");
    let tags = saved(&r);
    assert_eq!(
        (tags[0].label.as_str(), tags[0].note.as_deref()),
        ("false", Some("second"))
    );
    r.keys("u");
    let tags = saved(&r);
    assert_eq!(
        (tags[0].label.as_str(), tags[0].note.as_deref()),
        ("verified", Some("first note"))
    );
}

#[test]
fn a_note_is_edited_where_the_cursor_is() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab><Tab>t<Enter>first note<Enter>");
    // Change the tag: its label stays chosen, its note comes back with the cursor at its end.
    r.keys("gt<Enter>");
    assert!(
        r.screen().contains("note (optional): first note▏"),
        "{}",
        r.screen()
    );
    r.keys("<Home>a <End><C-w>draft");
    assert!(
        r.screen().contains("note (optional): a first draft▏"),
        "{}",
        r.screen()
    );
    // Back a word, and one more character: the cursor is drawn where the typing goes.
    r.keys("<M-b><Left>");
    assert!(r.screen().contains("a first▏ draft"), "{}", r.screen());
    r.keys(",<Enter>");
    let tags = saved(&r);
    assert_eq!(tags[0].note.as_deref(), Some("a first, draft"));
}

#[test]
fn the_tags_view_lists_every_tag_and_goes_to_one_hidden_by_the_filter() {
    let mut r = Reader::new(140, 36);
    // Tag a sentence of the second article.
    r.keys("j<Tab>tjt<Enter><Enter>");
    let tagged = r.app.selected_article().unwrap();
    let tag = saved(&r).remove(0);
    // A filter that hides it.
    r.keys("f-tag:verified<Enter>");
    assert!(!r.app.shown.contains(&tagged), "{:?}", r.app.shown);
    r.keys("a");
    let screen = r.screen();
    assert!(screen.contains(" tags 1 "), "{screen}");
    assert!(screen.contains("verified"), "{screen}");
    r.keys("<Enter>");
    assert_eq!(r.app.selected_article(), Some(tagged));
    assert!(r.app.query.is_empty());
    assert_eq!(r.app.focus, Pane::Body);
    let article = &r.app.articles[tagged];
    let span = r.app.highlight.unwrap();
    let paragraph: String = article.paragraphs[span.paragraph]
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    assert_eq!(paragraph, tag.target.quote.exact);
    // T in the view removes, u brings it back.
    r.keys("aT");
    assert!(saved(&r).is_empty());
    assert!(r.screen().contains(" tags 0 "), "{}", r.screen());
    r.keys("u");
    assert_eq!(saved(&r).len(), 1);
    assert!(r.screen().contains(" tags 1 "), "{}", r.screen());
}

#[test]
fn the_tags_view_narrows_to_the_words_typed_after_a_slash() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab>tt<Enter>مصدر رسمي<Enter>");
    let first = r.app.selected_article().unwrap();
    r.keys("<BackTab>j<Tab>tt")
        .keys("disp<Enter>شاهد عيان<Enter>");
    let second = r.app.selected_article().unwrap();
    assert_ne!(first, second);
    r.keys("a");
    assert!(r.screen().contains(" tags 2 · / filters"), "{}", r.screen());
    // Harakat typed or not, the note's word is found; the other tag goes, heading and all.
    r.keys("/عَيان");
    let screen = r.screen();
    assert!(screen.contains(" tags 1 of 2 "), "{screen}");
    assert!(
        screen.contains("disputed") && !screen.contains("verified"),
        "{screen}"
    );
    // Every word must be in the tag: a label word with the note's word is none.
    r.keys(" verified");
    assert!(r.screen().contains(" tags 0 of 2 "), "{}", r.screen());
    assert!(
        r.screen().contains("no tag has every word"),
        "{}",
        r.screen()
    );
    r.keys("<C-w><C-w>VERIF");
    let screen = r.screen();
    assert!(screen.contains(" tags 1 of 2 "), "{screen}");
    assert!(
        screen.contains("verified") && !screen.contains("disputed"),
        "{screen}"
    );
    // Enter keeps the filter and gives the keys back: Enter again opens the tag.
    r.keys("<Enter>");
    assert!(r.screen().contains(" tags 1 of 2 "), "{}", r.screen());
    r.keys("<Enter>");
    assert_eq!(r.app.selected_article(), Some(first));
    // The article's path counts too.
    let path = r.app.articles[first].path.display().to_string();
    let file = path.rsplit('/').next().unwrap().to_string();
    r.keys("a/").keys(&file);
    assert!(
        r.screen().contains(" tags 1 of 2 "),
        "{file}: {}",
        r.screen()
    );
    assert!(r.screen().contains("verified"), "{}", r.screen());
    r.keys("<Esc><Esc>");
    // Esc while typing drops the filter; x drops a kept one.
    r.keys("a/zzz");
    assert!(r.screen().contains(" tags 0 of 2 "), "{}", r.screen());
    r.keys("<Esc>");
    assert!(r.screen().contains(" tags 2 · "), "{}", r.screen());
    r.keys("/disp<Enter>x");
    assert!(r.screen().contains(" tags 2 · "), "{}", r.screen());
    r.keys("<Esc>");
    assert!(!r.screen().contains(" tags 2 · "), "{}", r.screen());
}

#[test]
fn a_tagged_article_is_marked_in_the_list() {
    let mut r = Reader::new(140, 36);
    // The mark's column: the gap after each row's date.
    let marks = |r: &Reader| -> Vec<bool> {
        let area = r.app.view.borrow().rects.list_inner;
        let buf = r.term.backend().buffer();
        (0..r.app.shown.len() as u16)
            .map(|row| buf[(area.x + 10, area.y + row)].symbol() == "•")
            .collect()
    };
    assert_eq!(marks(&r), [false; 5]);
    r.keys("j<Tab>tt<Enter><Enter>");
    assert_eq!(marks(&r), [false, true, false, false, false]);
    // Removed, the mark goes.
    r.keys("tT");
    assert!(saved(&r).is_empty());
    assert_eq!(marks(&r), [false; 5]);
}

#[test]
fn tag_terms_filter_the_list() {
    let mut r = Reader::new(140, 36);
    r.keys("<Tab>ttdisputed<Enter><Enter>");
    let tagged = r.app.selected_article().unwrap();
    r.keys("<Esc>f");
    r.keys("tag:disputed<Enter>");
    assert_eq!(r.app.shown, vec![tagged]);
    r.keys("f<C-u>-tag:*<Enter>");
    assert_eq!(r.app.shown.len(), 4);
    assert!(!r.app.shown.contains(&tagged));
    r.keys("f<C-u>tag:verified<Enter>");
    assert!(r.app.shown.is_empty());
}

#[test]
fn a_tag_whose_text_is_gone_is_kept_and_shown_orphaned() {
    let demo = load_demo().articles;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tags.jsonl");
    let j = Journal::open(&path).unwrap();
    let a = &demo[0];
    let text = tag_text(a);
    let mut lost = target_in(a, &text, 0, 20).unwrap();
    lost.quote.exact = "نص لم يعد في المقال على الإطلاق".into();
    lost.quote.prefix.clear();
    lost.quote.suffix.clear();
    lost.text_hash = "0000000000000000".into();
    let mut elsewhere = target_in(a, &text, 0, 20).unwrap();
    elsewhere.path = "another/folder/article.txt".into();
    elsewhere.article = khabar::core::article::ArticleId::of_content("another article");
    for (label, target) in [("false", lost), ("verified", elsewhere)] {
        j.add(Tag {
            id: TagId::new(),
            label: label.into(),
            note: None,
            author: "test".into(),
            created: chrono::Utc::now(),
            modified: None,
            target,
        })
        .unwrap();
    }
    let mut config = Config::default();
    config.tags.file = Some(path);
    let mut r = Reader::with_config(140, 36, config);
    let screen = r.screen();
    assert!(screen.contains("tags (1)"), "{screen}");
    assert!(screen.contains("orphaned"), "{screen}");
    assert_eq!(body_marks(&r, Modifier::UNDERLINED), 0);
    r.keys("a");
    let screen = r.screen();
    assert!(screen.contains("false (orphaned)"), "{screen}");
    assert!(screen.contains("not in this library (1)"), "{screen}");
    assert!(screen.contains("another/folder/article.txt"), "{screen}");
    r.keys("j<Enter>");
    assert!(r.status().contains("not in this library"), "{}", r.status());
    // Both tags are still in the journal.
    assert_eq!(
        Journal::open(dir.path().join("tags.jsonl"))
            .unwrap()
            .load()
            .unwrap()
            .tags
            .len(),
        2
    );
}

/// A reader on the journal of `other`, the library loaded but the journal's first reading,
/// a background job, not yet handed to it: that job's message comes back instead.
fn before_the_journal_is_read(other: &Reader) -> (Reader, Vec<Msg>) {
    let mut config = Config::default();
    config.tags.file = Some(other.data.path().join("tags.jsonl"));
    let mut app = app_for(&config, true).unwrap();
    let jobs = std::mem::take(&mut app.jobs);
    assert!(matches!(jobs.as_slice(), [Job::ReadTags(_)]), "{jobs:?}");
    let (tx, rx) = mpsc::channel();
    for job in jobs {
        run_job(job, &tx);
    }
    drop(tx);
    update(&mut app, Msg::Loaded(load_demo()));
    let mut reader = Reader {
        app,
        term: Terminal::new(TestBackend::new(140, 36)).unwrap(),
        data: tempfile::tempdir().unwrap(),
    };
    reader.settle();
    (reader, rx.into_iter().collect())
}

#[test]
fn the_journal_is_read_in_the_background_and_the_marks_show_when_it_arrives() {
    let mut one = Reader::new(140, 36);
    one.keys("<Tab>tt<Enter><Enter>");
    let (mut two, read) = before_the_journal_is_read(&one);
    // The first frame is drawn without the tags.
    assert!(two.app.tags.book().is_empty());
    assert!(!two.screen().contains("tags (1)"), "{}", two.screen());
    // Nor is the journal read at a key meanwhile: the reading under way will tell.
    assert!(!two.app.tags.changed_on_disk());
    for msg in read {
        update(&mut two.app, msg);
    }
    two.settle();
    assert_eq!(two.app.tags.book().tags().len(), 1);
    assert!(two.screen().contains("tags (1)"), "{}", two.screen());
}

#[test]
fn a_tag_saved_before_the_first_reading_arrives_is_not_undone_by_it() {
    let mut one = Reader::new(140, 36);
    one.keys("<Tab>tt<Enter><Enter>");
    let (mut two, read) = before_the_journal_is_read(&one);
    // Saving reads the journal afresh: the reader holds both tags.
    two.keys("j<Tab>tt<Enter><Enter>");
    assert!(two.status().contains("saved"), "{}", two.status());
    assert_eq!(two.app.tags.book().tags().len(), 2);
    // The reading made before that save arrives late, and is not taken.
    for msg in read {
        update(&mut two.app, msg);
    }
    assert_eq!(two.app.tags.book().tags().len(), 2);
    assert_eq!(saved(&one).len(), 2);
}

#[test]
fn two_readers_on_one_journal_see_each_others_tags() {
    let mut one = Reader::new(140, 36);
    let mut config = Config::default();
    config.tags.file = Some(one.data.path().join("tags.jsonl"));
    let mut two = Reader::with_config(140, 36, config);
    one.keys("<Tab>tt<Enter><Enter>");
    two.keys("j<Tab>tt<Enter><Enter>");
    // The second reader read the journal again when it wrote: it has both.
    assert_eq!(two.app.tags.book().tags().len(), 2);
    // The first notices the change at its next key, and marks the second's tag.
    assert_eq!(one.app.tags.book().tags().len(), 1);
    one.keys("<Esc>");
    assert_eq!(one.app.tags.book().tags().len(), 2);
    one.keys("jtt<Enter><Enter>");
    assert_eq!(one.app.tags.book().tags().len(), 3);
    two.keys("<Esc>");
    assert_eq!(two.app.tags.book().tags().len(), 3);
    assert_eq!(saved(&one).len(), 3);
}

#[test]
fn the_label_form_screen() {
    let mut r = Reader::new(100, 30);
    r.keys("<Tab>tt");
    insta::assert_snapshot!("tag_form", r.screen());
}
