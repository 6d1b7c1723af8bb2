//! Reading again, in bulk, the bodies the article cache leaves out: the articles are grouped
//! by file so that a feed or JSON array holding many of them is read once, and the files are
//! read in parallel. One article at a time is `load_body` in the parent module.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::{BodyError, LoadError, LoadOptions, LoadProblem, load_file};
use crate::core::article::Article;

/// Reads the bodies of articles listed from the cache index ([`Article::body_pending`]), in
/// parallel with rayon, each file read once even when it holds several articles (feeds,
/// JSON arrays). Calls `each(index, Result<Vec<String>, BodyError>)` once for every pending
/// article as its body arrives (`index` into `articles`), from any thread; articles whose
/// body is already there are skipped. Returns when all are done.
pub fn load_bodies(
    articles: &[Article],
    each: impl Fn(usize, Result<Vec<String>, BodyError>) + Sync,
) {
    let mut by_file: HashMap<&Path, Vec<usize>> = HashMap::new();
    let mut files: Vec<&Path> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if !a.body_pending() {
            continue;
        }
        let slot = by_file.entry(a.path.as_path()).or_insert_with(|| {
            files.push(a.path.as_path());
            Vec::new()
        });
        slot.push(i);
    }
    files.par_iter().for_each(|path| {
        let Some(indices) = by_file.get(path) else {
            return;
        };
        let (loaded, problems) = load_file(path, None, &LoadOptions::default());
        for &i in indices {
            let wanted = &articles[i];
            let result = match loaded.iter().find(|a| a.id == wanted.id) {
                Some(found) => Ok(found.paragraphs.clone()),
                None => Err(why_missing(wanted, &problems)),
            };
            each(i, result);
        }
    });
}

/// Why `article` was not among its file's articles: the problem with its item or with the
/// whole file, else the file changed since it was listed.
fn why_missing(article: &Article, problems: &[LoadProblem]) -> BodyError {
    let problem = problems
        .iter()
        .find(|p| p.item.is_some() && p.item == article.item)
        .or_else(|| problems.iter().find(|p| p.item.is_none()));
    match problem {
        Some(p) => BodyError::Load(copy_problem(p)),
        None => BodyError::Changed(article.path.display().to_string(), article.id.to_string()),
    }
}

/// A copy of a problem for each article it concerns (an I/O error keeps its kind and
/// message, not its source chain).
fn copy_problem(p: &LoadProblem) -> LoadProblem {
    let error = match &p.error {
        LoadError::Io(e) => LoadError::Io(std::io::Error::new(e.kind(), e.to_string())),
        LoadError::TooLarge { size, limit } => LoadError::TooLarge {
            size: *size,
            limit: *limit,
        },
        LoadError::Decode(e) => LoadError::Decode(e.clone()),
        LoadError::Format(e) => LoadError::Format(e.clone()),
        LoadError::Folder(s) => LoadError::Folder(s.clone()),
    };
    LoadProblem {
        path: p.path.clone(),
        item: p.item,
        error,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::core::load::{LoadOptions, load_paths};

    /// A feed of three items, listed through the cache so that their bodies are pending.
    #[test]
    fn a_feed_is_read_once_for_all_its_items() {
        let dir = tempfile::tempdir().unwrap();
        let items: String = (1..=3)
            .map(|n| {
                format!(
                    "<item><title>خبر رقم {n}</title><pubDate>Thu, 08 Oct 2020 10:00:00 GMT</pubDate>\
                     <description>نص الخبر رقم {n} عن المحادثات في موسكو بين الطرفين.</description></item>"
                )
            })
            .collect();
        let feed = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>وكالة</title>{items}</channel></rss>"
        );
        std::fs::write(dir.path().join("feed.xml"), feed).unwrap();
        std::fs::write(
            dir.path().join("one.txt"),
            "عنوان الخبر الثاني\n\nهذا نص الخبر الثاني وهو طويل بما يكفي ليعد مقالا كاملا في القراءة.\n",
        )
        .unwrap();
        let options = LoadOptions {
            cache: Some(dir.path().join("cache.bin")),
            ..LoadOptions::default()
        };
        let paths = vec![dir.path().to_path_buf()];
        let full = load_paths(&paths, &options).unwrap().articles;
        let listed = load_paths(&paths, &options).unwrap().articles;
        assert!(listed.iter().all(Article::body_pending), "{listed:?}");
        let got = Mutex::new(Vec::new());
        load_bodies(&listed, |i, r| got.lock().unwrap().push((i, r.unwrap())));
        let mut got = got.into_inner().unwrap();
        got.sort();
        assert_eq!(got.len(), listed.len());
        for (i, body) in got {
            let original = full.iter().find(|a| a.id == listed[i].id).unwrap();
            assert_eq!(body, original.paragraphs);
        }
    }

    #[test]
    fn a_missing_file_is_an_error_for_each_of_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.txt");
        std::fs::write(
            &path,
            "عنوان\n\nنص الخبر الذي سيحذف قبل أن يقرأ مرة ثانية من القرص.\n",
        )
        .unwrap();
        let mut article = load_paths(std::slice::from_ref(&path), &LoadOptions::default())
            .unwrap()
            .articles
            .remove(0);
        article.paragraphs.clear();
        std::fs::remove_file(&path).unwrap();
        let got = Mutex::new(Vec::new());
        load_bodies(&[article.clone(), article], |i, r| {
            got.lock().unwrap().push((i, r.map_err(|e| e.to_string())))
        });
        let got = got.into_inner().unwrap();
        assert_eq!(got.len(), 2);
        for (_, r) in got {
            let e = r.unwrap_err();
            assert!(e.contains("gone.txt") && e.contains("cannot read"), "{e}");
        }
    }
}
