//! khabar: a terminal reader for Arabic news.
//!
//! The library holds the engine (`core`: loading, dates, sanitizing, the articles) and the
//! command-line front end (`cli`). The `khabar` binary in `main.rs` only parses arguments and
//! hands over to `cli`. Dependencies point one way: `cli → core`; `core` knows nothing of
//! terminals.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod cli;
pub mod config;
pub mod core;
