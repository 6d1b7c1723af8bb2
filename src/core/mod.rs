//! The engine: everything khabar knows about articles, independent of any terminal.
//!
//! `load` turns files into [`article::Article`]s; `dates` reads Arabic and machine dates;
//! `sanitize` strips control characters and escape sequences from untrusted text;
//! `text` holds small Arabic-aware text helpers shared by the loaders.

pub mod article;
pub mod dates;
pub mod library;
pub mod load;
pub mod sanitize;
pub mod text;
