//! Choosing what `khabar list` prints: the `--source`/`--since`/`--until` filter, then the
//! `--query`. A query that searches bodies first has the bodies of articles listed from the
//! cache read again (in parallel, each file once); a query with `tag:` terms reads the tag
//! journal once (any other leaves it alone). Printing the list stays in `cli.rs`.

use std::sync::{Mutex, PoisonError};

use anyhow::Result;
use rayon::prelude::*;

use crate::config::Config;
use crate::core::article::Article;
use crate::core::library::{Filter, Library};
use crate::core::load::load_bodies;
use crate::core::query::Query;
use crate::core::search::SearchDoc;
use crate::core::tags::TagBook;

/// The articles of `library` that pass `filter` and `query`, in library order. An article
/// whose body cannot be read again is judged on its title, source and date, with a line on
/// stderr saying so. The tags come from the journal `config` names, read only when the
/// query has a `tag:` term; an error reading it is returned.
pub(super) fn select<'a>(
    config: &Config,
    library: &'a Library,
    filter: &'a Filter,
    query: Option<&Query>,
) -> Result<Vec<&'a Article>> {
    let candidates: Vec<&Article> = library.filter(filter).collect();
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return Ok(candidates);
    };
    let book = if query.needs_tags() {
        let journal = super::tags::journal(config)?;
        let loaded = journal.load()?;
        super::tags::warn(&loaded.warnings, journal.path());
        Some(TagBook::new(loaded.tags))
    } else {
        None
    };
    // For each candidate, its copy with the body read again (only when the query reads
    // bodies and the cache left the body out).
    let mut with_body: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut loaded: Vec<Article> = Vec::new();
    if query.needs_bodies() {
        for (i, a) in candidates.iter().enumerate() {
            if a.body_pending() {
                with_body[i] = Some(loaded.len());
                loaded.push(Article::clone(a));
            }
        }
        let bodies: Mutex<Vec<Option<Vec<String>>>> = Mutex::new(vec![None; loaded.len()]);
        load_bodies(&loaded, |k, body| match body {
            Ok(paragraphs) => {
                bodies.lock().unwrap_or_else(PoisonError::into_inner)[k] = Some(paragraphs);
            }
            Err(e) => eprintln!(
                "khabar: searching only the title of {}: cannot read its body again: {e}",
                loaded[k].id
            ),
        });
        let bodies = bodies.into_inner().unwrap_or_else(PoisonError::into_inner);
        for (a, body) in loaded.iter_mut().zip(bodies) {
            a.paragraphs = body.unwrap_or_default();
        }
    }
    let keep: Vec<bool> = candidates
        .par_iter()
        .zip(&with_body)
        .map(|(&a, k)| {
            let full = k.and_then(|k| loaded.get(k)).unwrap_or(a);
            let labels = book.as_ref().map(|b| b.labels_of(a)).unwrap_or_default();
            query.matches(a, &SearchDoc::new(full), &labels)
        })
        .collect();
    Ok(candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(a, keep)| keep.then_some(a))
        .collect())
}
