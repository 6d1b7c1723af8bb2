//! The engine: everything khabar knows about articles, independent of any terminal.
//!
//! `load` turns files into [`article::Article`]s (and keeps the article cache); `dates` reads
//! Arabic, English and machine dates; `sanitize` strips control characters and escape
//! sequences from untrusted text; `library` looks articles up and filters them; `query`
//! reads the query language and `search` does the Arabic-folded substring search under it;
//! `text` holds small Arabic-aware text helpers (folding, word characters, language, NFC);
//! `bidi` lays out paragraphs in rows of terminal cells (Unicode bidi, wrapping, mirroring,
//! shaping).

pub mod article;
pub mod bidi;
pub mod dates;
pub mod facts;
pub mod library;
pub mod load;
pub mod query;
pub mod sanitize;
pub mod search;
pub mod tags;
pub mod text;
