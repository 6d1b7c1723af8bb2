//! The terminal side of the reader: loading the library on a thread while a progress bar
//! shows, putting the terminal in raw mode on the alternate screen (with mouse, bracketed
//! paste and, in `app` bidi mode, the terminal's explicit bidi mode), the event loop, the
//! background jobs, and restoring everything at exit — also after a panic, whose hook is
//! chained to ratatui's.

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use crate::core::bidi::{BidiMode, terminal as bidi_terminal};
use crate::core::load::{LoadOptions, LoadProgress, demo::load_demo, load_paths};

use super::app::{App, Job};
use super::claims;
use super::update::{Msg, update};

/// What to load: the paths given, else the configured folders, else the demo articles.
pub struct Source {
    pub paths: Vec<PathBuf>,
    pub options: LoadOptions,
}

/// The threads that load, index and compare in the background. Not rayon's global pool: the
/// drawing thread uses that for its own short parallel work (laying out a long article,
/// filtering 10,000 articles), which would otherwise wait behind a whole folder's parsing.
fn in_background<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("khabar-background-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Starts loading on a thread; the report arrives as [`Msg::Loaded`].
pub fn start_loading(source: Source, tx: Sender<Msg>) -> Arc<LoadProgress> {
    let progress = Arc::new(LoadProgress::streaming());
    let mut options = source.options;
    options.progress = Some(Arc::clone(&progress));
    std::thread::spawn(move || {
        let load = || {
            if source.paths.is_empty() {
                Msg::Loaded(load_demo())
            } else {
                match in_background(|| load_paths(&source.paths, &options)) {
                    Ok(report) => Msg::Loaded(report),
                    Err(e) => Msg::LoadFailed(e.to_string()),
                }
            }
        };
        let msg = std::panic::catch_unwind(AssertUnwindSafe(load))
            .unwrap_or_else(|_| Msg::LoadFailed("loading failed; the log says why".to_string()));
        let _ = tx.send(msg);
    });
    // The name lists of the facts rules take a few tens of milliseconds to build: done
    // while the library loads rather than on the first article shown.
    std::thread::spawn(|| {
        let _ = crate::core::facts::extract(&["تمهيد".to_string()], None);
    });
    progress
}

/// Runs a job on a thread, sending what it finds back.
pub fn spawn_job(job: Job, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let ran = std::panic::catch_unwind(AssertUnwindSafe(|| {
            in_background(|| run_job(job, &tx));
        }));
        if ran.is_err() {
            let _ = tx.send(Msg::JobFailed);
        }
    });
}

/// Runs a job here and now (tests; and the thread body of [`spawn_job`]).
pub fn run_job(job: Job, tx: &Sender<Msg>) {
    match job {
        Job::LoadBodies(articles) => {
            let list: Vec<crate::core::article::Article> =
                articles.iter().map(|(_, a)| a.as_ref().clone()).collect();
            let tx = std::sync::Mutex::new(tx.clone());
            crate::core::load::load_bodies(&list, |k, result| {
                let index = articles[k].0;
                let msg = Msg::Body(index, result.map_err(|e| e.to_string()));
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(msg);
                }
            });
        }
        Job::Index(articles) => {
            use rayon::prelude::*;
            let docs = articles
                .par_iter()
                .map(|(i, a)| (*i, crate::core::search::SearchDoc::new(a)))
                .collect();
            let _ = tx.send(Msg::Indexed(docs));
        }
        Job::Claims(articles) => {
            let _ = tx.send(Msg::Claims(claims::compute(&articles)));
        }
        Job::ReadTags(journal) => {
            let _ = tx.send(Msg::TagsRead(super::tag_store::Tags::read(&journal)));
        }
    }
}

/// Sends the terminal the sequences for `mode` (explicit bidi in `app` mode).
fn leave_extras(mode: BidiMode) {
    let mut out = std::io::stdout();
    let _ = bidi_terminal::switch(&mut out, Some(mode), None);
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = out.flush();
}

/// Runs the reader until the user quits.
pub fn run(mut app: App, source: Source) -> Result<()> {
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    app.loading = Some(start_loading(source, tx.clone()));
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    // ratatui's hook leaves raw mode and the alternate screen; this one also turns off the
    // mouse, paste and explicit bidi modes, whatever mode was in force at the panic.
    let mode_at_panic = Arc::new(std::sync::atomic::AtomicU8::new(mode_code(app.mode())));
    let hook_mode = Arc::clone(&mode_at_panic);
    // A panic on a background thread is logged and the reader goes on: giving the terminal
    // back then would leave the reader drawing on the user's shell.
    let main_thread = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != main_thread {
            tracing::error!("a background task failed: {info}");
            return;
        }
        leave_extras(mode_of(
            hook_mode.load(std::sync::atomic::Ordering::Relaxed),
        ));
        previous(info);
    }));
    let mut out = std::io::stdout();
    let _ = execute!(out, EnableMouseCapture, EnableBracketedPaste);
    forward_input(tx.clone());
    let _ = bidi_terminal::switch(&mut out, None, Some(app.mode()));
    let result = event_loop(&mut terminal, &mut app, (&rx, &tx), &mode_at_panic, started);
    leave_extras(app.mode());
    ratatui::restore();
    match &result {
        Ok(()) => tracing::info!("reader stops"),
        Err(e) => tracing::error!("reader stops: {e:#}"),
    }
    result
}

fn mode_code(mode: BidiMode) -> u8 {
    BidiMode::ALL.iter().position(|&m| m == mode).unwrap_or(0) as u8
}

fn mode_of(code: u8) -> BidiMode {
    BidiMode::ALL
        .get(usize::from(code))
        .copied()
        .unwrap_or_default()
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    (rx, tx): (&Receiver<Msg>, &Sender<Msg>),
    mode_at_panic: &std::sync::atomic::AtomicU8,
    started: Instant,
) -> Result<()> {
    let mut sent_mode = app.mode();
    let mut dirty = true;
    // For the log: when the library arrived, until its list is drawn.
    let mut loaded_at: Option<Instant> = None;
    while !app.quit {
        if app.mode() != sent_mode {
            let _ =
                bidi_terminal::switch(terminal.backend_mut(), Some(sent_mode), Some(app.mode()));
            sent_mode = app.mode();
            mode_at_panic.store(mode_code(sent_mode), std::sync::atomic::Ordering::Relaxed);
            // Every cell drawn in the old order must be sent again. `Terminal::clear` would
            // ask the terminal where its cursor is, which not every terminal answers; a
            // resize to the same size clears without asking.
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| super::ui::draw(frame, app))?;
            dirty = false;
            if let Some(at) = loaded_at.take() {
                tracing::info!(
                    articles = app.articles.len(),
                    since_start_ms = started.elapsed().as_millis(),
                    after_loading_ms = at.elapsed().as_millis(),
                    "list on screen"
                );
            }
        }
        for job in app.jobs.drain(..) {
            spawn_job(job, tx.clone());
        }
        // Input and background work arrive on one channel (see `forward_input`), so a
        // loaded library or a key is handled the moment it arrives. While loading, wake
        // anyway to move the progress bar.
        let wait = if app.loading.is_some() {
            Duration::from_millis(40)
        } else {
            Duration::from_secs(1)
        };
        let first = match rx.recv_timeout(wait) {
            Ok(msg) => Some(msg),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Everything already queued is handled before the next frame: holding a key down
        // never builds a backlog of frames.
        let mut bodies = false;
        for msg in first
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            if app.quit {
                break;
            }
            bodies |= matches!(msg, Msg::Body(..));
            if matches!(msg, Msg::Loaded(_)) {
                loaded_at = Some(Instant::now());
            }
            update(app, msg);
            dirty = true;
        }
        if bodies && app.filters_read_bodies() {
            app.refilter();
        }
        // A large library shows what has been read while the rest loads.
        if let Some(progress) = app.loading.clone() {
            let batch = progress.take_arrived();
            tracing::trace!(
                arrived = batch.len(),
                done = progress.done.load(std::sync::atomic::Ordering::Relaxed),
                "loading"
            );
            app.add_arrived(batch);
            dirty = true;
        }
    }
    Ok(())
}

/// Reads terminal events on a thread of its own and sends them into the reader's channel,
/// until the reader is gone.
fn forward_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if let Some(msg) = translate(event)
                && tx.send(msg).is_err()
            {
                break;
            }
        }
    });
}

fn translate(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Paste(p) => Some(Msg::Paste(p)),
        Event::Resize(..) => Some(Msg::Resize),
        _ => None,
    }
}
