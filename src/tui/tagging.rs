//! What `t`, `T` and `u` do in the reader: tag the selected fact or the chosen sentences
//! (through the label form, `tag_form`), change a tag from its row, remove one, undo the last
//! change; and bringing the marks, the sidebar, the filter and the tags view up to date
//! after any change, this window's or another's. Every change is appended to the journal and
//! fsynced before the status bar says it is saved; the tags held and the journal are
//! `tag_store`'s.

use std::path::PathBuf;

use crate::core::facts::Span;
use crate::core::tags::book::tag_offset;
use crate::core::tags::{Tag, TagId, Target, tag_text, target_in};

use super::app::{App, FactRow, Pane};
use super::overlay::Overlay;
use super::tag_form::{FormTarget, TagForm};
use super::tag_store::{Tags, Undo, Write};

impl App {
    /// Opens the tag journal at `path` and asks for it to be read in the background (see
    /// [`Tags::open`]); the marks show when it has been.
    pub fn open_tags(&mut self, path: Option<PathBuf>, author: String) {
        let (tags, problem) = Tags::open(path, author);
        self.tags = tags;
        if let Some(journal) = self.tags.first_read() {
            self.jobs.push(super::app::Job::ReadTags(journal));
        }
        if let Some(p) = problem {
            self.complain(p);
        }
    }

    /// The journal's first reading: the marks, the sidebar, the filter and the tags view
    /// catch up with it.
    pub(super) fn took_tags(&mut self, read: Result<super::tag_store::JournalRead, String>) {
        match self.tags.take_first_read(read) {
            Ok(false) => {}
            Ok(true) => {
                if let Some(w) = self.tags.take_warnings() {
                    self.complain(w);
                }
                self.tags_changed();
            }
            Err(e) => self.complain(e),
        }
    }

    /// `t`: in the sidebar, tags the selected fact (or edits the selected tag); in the body,
    /// starts choosing sentences, and labels them when they are chosen; in the list, goes to
    /// the body to choose.
    pub fn tag(&mut self) {
        if self.current.is_none() {
            self.complain("no article to tag");
            return;
        }
        match self.focus {
            Pane::Facts => self.tag_fact(),
            Pane::Body if self.select.is_some() => self.tag_selection(),
            Pane::Body | Pane::List => {
                self.focus = Pane::Body;
                super::select::start(self);
            }
        }
    }

    fn tag_fact(&mut self) {
        let Some(FactRow::Item { span, tag, .. }) = self.selected_row().cloned() else {
            self.complain("no fact selected to tag");
            return;
        };
        if let Some(id) = tag {
            self.edit_tag(&id);
            return;
        }
        if let Some(span) = span {
            self.open_form((span.paragraph, span.start), (span.paragraph, span.end));
        }
    }

    fn tag_selection(&mut self) {
        let (Some(sel), Some(current)) = (&self.select, &self.current) else {
            return;
        };
        let spans = sel.spans(&self.articles[current.article]);
        if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
            self.open_form((first.paragraph, first.start), (last.paragraph, last.end));
        }
    }

    /// Opens the label form for the text from code point `start` of one paragraph to code
    /// point `end` of another (or the same), each given as (paragraph, code point).
    fn open_form(&mut self, (p0, start): (usize, usize), (p1, end): (usize, usize)) {
        let Some(current) = &self.current else {
            return;
        };
        let article = &self.articles[current.article];
        let ps = &article.paragraphs;
        let (start, end) = (tag_offset(ps, p0, start), tag_offset(ps, p1, end));
        let text = tag_text(article);
        let Some(target) = target_in(article, &text, start, end) else {
            self.complain("nothing to tag there");
            return;
        };
        let quote = target.quote.exact.clone();
        let form = TagForm::new(
            FormTarget::New(Box::new(target)),
            quote,
            self.tags.book.label_choices(),
            None,
            None,
        );
        self.overlay = Some(Overlay::TagForm(form));
    }

    /// Opens the label form on an existing tag.
    pub fn edit_tag(&mut self, id: &TagId) {
        let Some(tag) = self.tags.book.get(id).cloned() else {
            self.complain("that tag is gone (another window may have removed it)");
            return;
        };
        let form = TagForm::new(
            FormTarget::Edit(tag.id.clone()),
            tag.target.quote.exact.clone(),
            self.tags.book.label_choices(),
            Some(tag.label),
            tag.note,
        );
        self.overlay = Some(Overlay::TagForm(form));
    }

    /// Saves what the label form chose: a new tag, or a changed label or note.
    pub fn save_form(&mut self, target: FormTarget, label: String, note: Option<String>) {
        let result = match target {
            FormTarget::New(target) => self.add_tag(*target, label.clone(), note),
            FormTarget::Edit(id) => self.change_tag(&id, label.clone(), note),
        };
        match result {
            Ok(what) => {
                self.select = None;
                self.say(format!("{what} {label} — saved (u undoes)"));
            }
            Err(e) => self.complain(format!("tag not saved: {e}")),
        }
        self.tags_changed();
    }

    fn add_tag(
        &mut self,
        target: Target,
        label: String,
        note: Option<String>,
    ) -> Result<&'static str, String> {
        let tag = Tag {
            id: TagId::new(),
            label,
            note,
            author: self.tags.author.clone(),
            created: chrono::Utc::now(),
            modified: None,
            target,
        };
        self.tags.write(Write::Add(Box::new(tag.clone())))?;
        tracing::info!(tag = %tag.id, label = %tag.label, "tag added");
        self.tags.undo.push(Undo::Added(tag));
        Ok("tagged")
    }

    fn change_tag(
        &mut self,
        id: &TagId,
        label: String,
        note: Option<String>,
    ) -> Result<&'static str, String> {
        let Some(old) = self.tags.book.get(id).cloned() else {
            return Err("that tag is gone (another window may have removed it)".into());
        };
        if old.label == label && old.note == note {
            return Ok("unchanged:");
        }
        self.tags.write(Write::Change {
            id: id.clone(),
            label,
            note,
        })?;
        self.tags.undo.push(Undo::Changed {
            id: id.clone(),
            label: old.label,
            note: old.note,
        });
        Ok("changed to")
    }

    /// `T`: removes the tag the sidebar selects, or the latest tag over the selected fact or
    /// the chosen sentences.
    pub fn untag(&mut self) {
        let Some(id) = self.tag_under_cursor() else {
            self.complain(
                "no tag here: select a tag or a tagged fact in the sidebar, or choose tagged sentences (t)",
            );
            return;
        };
        self.remove_tag(&id);
    }

    /// Removes tag `id`, remembering it for `u`.
    pub fn remove_tag(&mut self, id: &TagId) {
        let Some(tag) = self.tags.book.get(id).cloned() else {
            self.complain("that tag is gone (another window may have removed it)");
            return;
        };
        match self.tags.write(Write::Remove(id.clone())) {
            Ok(()) => {
                tracing::info!(tag = %id, "tag removed");
                self.say(format!("removed the tag {} (u undoes)", tag.label));
                self.tags.undo.push(Undo::Removed(tag));
            }
            Err(e) => self.complain(format!("tag not removed: {e}")),
        }
        self.tags_changed();
    }

    /// The tag `T` would remove.
    fn tag_under_cursor(&self) -> Option<TagId> {
        let current = self.current.as_ref()?;
        let over = |spans: &[Span]| {
            current
                .tags
                .iter()
                .rev()
                .find(|t| spans.iter().any(|s| t.overlaps(*s)))
                .map(|t| t.tag.id.clone())
        };
        match self.focus {
            Pane::Facts => match self.selected_row()? {
                FactRow::Item { tag: Some(id), .. } => Some(id.clone()),
                FactRow::Item { span: Some(s), .. } => over(&[*s]),
                _ => None,
            },
            Pane::Body => {
                let sel = self.select.as_ref()?;
                let article = &self.articles[current.article];
                over(&sel.spans(article))
            }
            Pane::List => None,
        }
    }

    /// `u`: undoes the last tag added, changed or removed in this session.
    pub fn undo(&mut self) {
        let Some(last) = self.tags.undo.pop() else {
            self.say("nothing to undo");
            return;
        };
        let mut renamed: Option<(TagId, TagId)> = None;
        let gone =
            |id: &TagId| format!("the tag {id} is gone (another window may have removed it)");
        let result: Result<String, String> = match &last {
            Undo::Added(tag) if self.tags.book.get(&tag.id).is_none() => Err(gone(&tag.id)),
            Undo::Changed { id, .. } if self.tags.book.get(id).is_none() => Err(gone(id)),
            Undo::Added(tag) => self
                .tags
                .write(Write::Remove(tag.id.clone()))
                .map(|()| format!("undone: the tag {} is removed", tag.label)),
            Undo::Removed(tag) => {
                // A removed id stays removed (the journal's rule for merged files): the tag
                // comes back under a new id, with its own time and text.
                let back = Tag {
                    id: TagId::new(),
                    modified: Some(chrono::Utc::now()),
                    ..tag.clone()
                };
                renamed = Some((tag.id.clone(), back.id.clone()));
                self.tags
                    .write(Write::Add(Box::new(back)))
                    .map(|()| format!("undone: the tag {} is back", tag.label))
            }
            Undo::Changed { id, label, note } => self
                .tags
                .write(Write::Change {
                    id: id.clone(),
                    label: label.clone(),
                    note: note.clone(),
                })
                .map(|()| format!("undone: the tag is {label} again")),
        };
        if result.is_err() {
            renamed = None;
        }
        // Earlier steps that name the restored tag now name it by its new id.
        if let Some((old, new)) = renamed {
            for step in &mut self.tags.undo {
                match step {
                    Undo::Added(t) | Undo::Removed(t) if t.id == old => t.id = new.clone(),
                    Undo::Changed { id, .. } if *id == old => *id = new.clone(),
                    _ => {}
                }
            }
        }
        match result {
            Ok(done) => self.say(done),
            Err(e) => self.complain(format!("cannot undo: {e}")),
        }
        self.tags_changed();
    }

    /// Reads the journal again after another window wrote to it, and shows what changed.
    pub fn reload_tags(&mut self) {
        if let Err(e) = self.tags.reload() {
            self.complain(e);
        } else if let Some(w) = self.tags.take_warnings() {
            self.complain(w);
        }
        self.tags_changed();
    }

    /// After the tags changed: each article's labels, the current article's marks and
    /// rows, the list when the filter asks for tags, and the tags view.
    pub fn tags_changed(&mut self) {
        self.tags.index(&self.articles);
        // The sidebar keeps the fact selected (the tags section above it grows or shrinks).
        let before = self.selected_row().cloned();
        if let Some(current) = &mut self.current {
            let article = &self.articles[current.article];
            current.tags = self.tags.place(article);
            current.fact_rows =
                super::facts::rows(&current.facts, &current.tags, article.body_pending());
        }
        let same = |row: &FactRow| match (row, &before) {
            (
                FactRow::Item { span, tag, .. },
                Some(FactRow::Item {
                    span: was,
                    tag: had,
                    ..
                }),
            ) => span == was && tag == had,
            _ => false,
        };
        let again = self.current.as_ref().and_then(|c| {
            c.fact_rows
                .iter()
                .filter(|r| matches!(r, FactRow::Item { .. }))
                .position(same)
        });
        let count = self.fact_count();
        self.fact_cursor.selected = again
            .unwrap_or(self.fact_cursor.selected)
            .min(count.saturating_sub(1));
        if self.focus == Pane::Facts {
            self.highlight = self.selected_fact();
        }
        if self.query.needs_tags() {
            self.refilter();
        }
        if let Some(Overlay::Tags(_)) = &self.overlay {
            super::tag_list::open(self);
        }
    }
}
