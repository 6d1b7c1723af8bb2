//! What a format reader hands to the loader: the fields it found, before sanitizing,
//! date finding in running text, language detection and ids are applied by `load`.

use crate::core::dates::PubDate;

/// One article as a format reader found it. Empty strings count as missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub title: Option<String>,
    /// The outlet (feed title, `og:site_name`, a masthead).
    pub source: Option<String>,
    /// The credited agency («المصدر: نوفوستي»).
    pub credit: Option<String>,
    /// A date read from metadata or recognised in the text.
    pub date: Option<PubDate>,
    /// A metadata date string that could not be parsed; kept so that the loader can report
    /// it and try the written-date finder on it.
    pub date_text: Option<String>,
    pub url: Option<String>,
    /// The body, one string per paragraph, logical order, no title.
    pub paragraphs: Vec<String>,
    /// The number of words of each paragraph, when the reader counted them anyway (else
    /// empty): spares the loader counting a long body twice.
    pub paragraph_words: Vec<usize>,
    /// Visible lines outside the body (bylines, datelines, the header around the headline),
    /// in page order, searched for a date and a source when metadata has none.
    pub context: Vec<String>,
    /// A language code declared by the file (`<html lang>`, a feed's `<language>`).
    pub lang: Option<String>,
}

/// Why a file or an item in it could not be read. Messages are lower case and say what to do.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FormatError {
    #[error("malformed HTML: {0}")]
    Html(String),
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("malformed XML feed: {0}")]
    Feed(String),
    #[error("malformed front matter: {0}")]
    FrontMatter(String),
    #[error("no article found: {0}")]
    Empty(String),
}
