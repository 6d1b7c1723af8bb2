//! khabar: a terminal reader for Arabic news.
//!
//! The library holds the engine (`core`: loading, dates, sanitizing, bidi layout, facts, the
//! articles), the reader (`tui`) and the command-line front end (`cli`). The `khabar` binary
//! in `main.rs` only parses arguments and hands over to `cli`, which opens the reader when no
//! subcommand is given. Dependencies point one way: `cli → tui → core`; `core` knows nothing
//! of terminals.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod cli;
pub mod config;
pub mod core;
pub mod logging;
pub mod tui;
