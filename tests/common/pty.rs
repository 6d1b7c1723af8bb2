//! Running the real `khabar` binary in a pseudo-terminal, as a person would: keys go in as
//! the bytes a terminal sends, and what comes out is fed to a `vt100` emulator whose screen
//! the tests read. Each session gets its own temporary home (config, cache, state and data
//! folders inside it) and a bare environment, so neither the user's settings nor the test
//! runner's variables (`NO_COLOR`, `KHABAR_*`) leak in. Synchronisation is by polling the
//! parsed screen until a predicate holds, never by sleeping for a fixed time; a session left
//! running when its test fails is killed on drop.
//!
//! Like a real terminal, a session answers the cursor position query (`ESC[6n`, which
//! ratatui's `Terminal::clear` sends; the reader avoids it, see `b_cycles_the_bidi_mode`);
//! it answers no other query, and ignores the
//! explicit bidi sequences (`vt100` does not know them: the screen shows cells in the order
//! they were written, which in khabar's `app` mode is the visual order).
//!
//! Two test crates include it, each using a part of it.
#![allow(dead_code)]

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

#[path = "screen.rs"]
mod screen;
pub use screen::Screen;

/// How long anything the tests wait for may take: generous, since CI is a loaded 2-core
/// machine running a debug build.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The bytes a terminal sends for keys that are not plain characters.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const BACKTAB: &str = "\x1b[Z";
    pub const CTRL_C: &str = "\x03";
}

/// A temporary home: `XDG_CONFIG_HOME`, `XDG_CACHE_HOME`, `XDG_STATE_HOME`, `XDG_DATA_HOME`
/// and `HOME` all point inside it. Kept apart from the session so that a later session can
/// reuse it (what one run saved, the next one reads).
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a temp dir: {e}"));
        Home { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// What to run: `khabar` with arguments, extra environment variables, and a terminal size.
pub struct Launch<'a> {
    home: &'a Home,
    args: Vec<OsString>,
    env: Vec<(String, String)>,
    cols: u16,
    rows: u16,
}

impl<'a> Launch<'a> {
    /// `khabar` in `home`, on a 130×35 terminal.
    pub fn new(home: &'a Home) -> Launch<'a> {
        Launch {
            home,
            args: Vec::new(),
            env: Vec::new(),
            cols: 130,
            rows: 35,
        }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn spawn(self) -> Session {
        let home = self.home.path();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_khabar"));
        cmd.args(&self.args);
        cmd.env_clear();
        cmd.cwd(home);
        cmd.env("PATH", "/usr/bin:/bin");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("HOME", home);
        for (var, dir) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_DATA_HOME", "data"),
        ] {
            cmd.env(var, home.join(dir));
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        Session::start(cmd, self.cols, self.rows)
    }
}

/// What the pty has sent so far.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// `raw` before this offset holds no cursor position query left to answer.
    queries_seen: usize,
    /// The reader saw the end of the output (every copy of the pty's slave side is closed).
    closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        // A panic in another thread while it held the lock leaves the data usable.
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `khabar` running in a pty; killed on drop if it is still running.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    input: Input,
    shared: Arc<Shared>,
}

/// The pty's input, written by the tests and by the reader thread's answers to queries.
type Input = Arc<Mutex<Box<dyn Write + Send>>>;

fn write_input(input: &Input, bytes: &[u8]) -> std::io::Result<()> {
    let mut input = input.lock().unwrap_or_else(|e| e.into_inner());
    input.write_all(bytes)?;
    input.flush()
}

/// The cursor position query; a terminal answers `ESC[row;colR`, 1-based.
const POSITION_QUERY: &[u8] = b"\x1b[6n";

impl Output {
    /// Takes in a chunk of output; returns the answers to the queries it completed.
    fn take(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.parser.process(chunk);
        self.raw.extend_from_slice(chunk);
        let mut answers = Vec::new();
        while let Some(at) = self.raw[self.queries_seen..]
            .windows(POSITION_QUERY.len())
            .position(|w| w == POSITION_QUERY)
        {
            // ratatui waits for the answer, so nothing after the query has moved the cursor.
            let (row, col) = self.parser.screen().cursor_position();
            answers.extend(format!("\x1b[{};{}R", row + 1, col + 1).into_bytes());
            self.queries_seen += at + POSITION_QUERY.len();
        }
        // A query cut between two chunks is found with the next one.
        self.queries_seen = self
            .queries_seen
            .max(self.raw.len().saturating_sub(POSITION_QUERY.len() - 1));
        answers
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

impl Session {
    fn start(cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .unwrap_or_else(|e| panic!("cannot open a pty: {e}"));
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start khabar: {e}"));
        // Only the child may hold the slave side, or the output never ends.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("cannot read the pty: {e}"));
        let input: Input = Arc::new(Mutex::new(
            master
                .take_writer()
                .unwrap_or_else(|e| panic!("cannot write to the pty: {e}")),
        ));
        let answer = Arc::clone(&input);
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
                raw: Vec::new(),
                queries_seen: 0,
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let feed = Arc::clone(&shared);
        // Detached: it ends by itself when the child is gone (the read fails with EIO).
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(0) | Err(_) => 0,
                    Ok(n) => n,
                };
                let mut out = feed.lock();
                if n == 0 {
                    out.closed = true;
                    feed.changed.notify_all();
                    return;
                }
                let answers = out.take(&buf[..n]);
                drop(out);
                if !answers.is_empty() {
                    let _ = write_input(&answer, &answers);
                }
                feed.changed.notify_all();
            }
        });
        Session {
            child,
            master,
            input,
            shared,
        }
    }

    /// Sends `bytes` as typed. Keys sent in one call may arrive in one read, which is how a
    /// lone Esc followed by a key becomes Alt-key: after [`keys::ESC`], wait for its effect
    /// before sending anything else.
    pub fn send(&mut self, bytes: &str) {
        write_input(&self.input, bytes.as_bytes())
            .unwrap_or_else(|e| panic!("cannot send {bytes:?} to khabar: {e}"));
    }

    /// Waits until `ready` holds for the screen, and returns what `ready` returned. On
    /// timeout, panics with `what`, the screen as it was and whether khabar had exited.
    pub fn wait_for<T>(
        &mut self,
        what: &str,
        mut ready: impl FnMut(&vt100::Screen) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + TIMEOUT;
        let mut out = self.shared.lock();
        loop {
            if let Some(found) = ready(out.parser.screen()) {
                return found;
            }
            let now = Instant::now();
            if now >= deadline || out.closed {
                let screen = out.parser.screen().contents();
                let closed = out.closed;
                drop(out);
                let status = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out waiting for {what} (output closed: {closed}, exit: {status:?}); \
                     the screen:\n{screen}"
                );
            }
            out = self
                .shared
                .changed
                .wait_timeout(out, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// [`Session::wait_for`] with a yes-or-no predicate; returns the screen's rows.
    pub fn wait_until(&mut self, what: &str, mut ready: impl FnMut(&Screen) -> bool) -> Screen {
        self.wait_for(what, |s| {
            let screen = Screen::of(s);
            ready(&screen).then_some(screen)
        })
    }

    /// The screen now.
    pub fn screen(&self) -> Screen {
        Screen::of(self.shared.lock().parser.screen())
    }

    /// Resizes the terminal, as a window manager does: the emulator first, then the pty,
    /// which sends khabar SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.shared
            .lock()
            .parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(size(cols, rows))
            .unwrap_or_else(|e| panic!("cannot resize the pty to {cols}×{rows}: {e}"));
    }

    /// Whether khabar is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits for khabar to exit and for the last of its output; returns the exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(20));
                }
                Ok(None) => {
                    let screen = self.screen().text();
                    panic!("khabar did not exit within {TIMEOUT:?}; the screen:\n{screen}");
                }
                Err(e) => panic!("cannot wait for khabar: {e}"),
            }
        };
        let mut out = self.shared.lock();
        while !out.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!("khabar exited ({status:?}) but its output never ended");
            }
            out = self
                .shared
                .changed
                .wait_timeout(out, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        status.exit_code()
    }

    /// Every byte khabar has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as khabar leaves it
    /// or finds it.
    pub fn is_raw(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self
            .master
            .get_termios()
            .unwrap_or_else(|| panic!("cannot read the pty's settings"));
        !termios
            .local_flags
            .intersects(LocalFlags::ICANON | LocalFlags::ECHO)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
