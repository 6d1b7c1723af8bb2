//! Finding the files to load under the given paths, and the `.khabar.toml` of each folder
//! (`source = "…"` names the outlet of the files in that folder and below it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{LoadError, LoadProblem, PathError, is_article_file};

/// The settings file a folder may hold.
pub const FOLDER_FILE: &str = ".khabar.toml";

/// A file to load and the outlet its folder names.
#[derive(Debug)]
pub struct FileToLoad {
    pub path: PathBuf,
    pub source: Option<Arc<str>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FolderSettings {
    source: Option<String>,
}

/// Lists the files under `paths` in a stable order. A path that does not exist is an error;
/// unreadable folders and bad `.khabar.toml` files are problems, and the rest still loads.
pub fn collect(paths: &[PathBuf]) -> Result<(Vec<FileToLoad>, Vec<LoadProblem>), PathError> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut folders: HashMap<PathBuf, Option<Arc<str>>> = HashMap::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| PathError {
            path: root.clone(),
            reason: match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                _ => e.to_string().to_lowercase(),
            },
        })?;
        if meta.is_file() {
            let source = root
                .parent()
                .and_then(|dir| folder_source(dir, &mut folders, &mut problems));
            files.push(FileToLoad {
                path: root.clone(),
                source,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(LoadProblem {
                        path: e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| root.clone()),
                        item: None,
                        error: LoadError::Io(std::io::Error::other(e.to_string().to_lowercase())),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_file() || !is_article_file(entry.path()) {
                continue;
            }
            let source = entry
                .path()
                .parent()
                .and_then(|dir| nearest_source(dir, root, &mut folders, &mut problems));
            files.push(FileToLoad {
                path: entry.into_path(),
                source,
            });
        }
    }
    Ok((files, problems))
}

/// The `source` of the nearest `.khabar.toml` from `dir` up to `root`.
fn nearest_source(
    dir: &Path,
    root: &Path,
    folders: &mut HashMap<PathBuf, Option<Arc<str>>>,
    problems: &mut Vec<LoadProblem>,
) -> Option<Arc<str>> {
    let mut current = Some(dir);
    while let Some(d) = current {
        if let Some(s) = folder_source(d, folders, problems) {
            return Some(s);
        }
        if d == root {
            break;
        }
        current = d.parent();
    }
    None
}

fn folder_source(
    dir: &Path,
    folders: &mut HashMap<PathBuf, Option<Arc<str>>>,
    problems: &mut Vec<LoadProblem>,
) -> Option<Arc<str>> {
    if let Some(cached) = folders.get(dir) {
        return cached.clone();
    }
    let file = dir.join(FOLDER_FILE);
    let source = match std::fs::read_to_string(&file) {
        Err(_) => None,
        Ok(text) => match toml::from_str::<FolderSettings>(&text) {
            Ok(settings) => settings
                .source
                .map(|s| crate::core::sanitize::sanitize_line(&s).text)
                .filter(|s| !s.is_empty())
                .map(Arc::from),
            Err(e) => {
                problems.push(LoadProblem {
                    path: file,
                    item: None,
                    error: LoadError::Folder(e.message().to_string()),
                });
                None
            }
        },
    };
    folders.insert(dir.to_path_buf(), source.clone());
    source
}
