#!/usr/bin/env python3
"""Time a full-screen terminal program from its start to a given screen.

    python3 benches/time_to_screen.py [options] --until REGEX [--then KEYS REGEX ...] -- CMD [ARG...]
    python3 benches/time_to_screen.py --probe SECONDS -- CMD [ARG...]

Starts CMD in a pseudo-terminal of a fixed size (--size, default 120x40), feeds everything it
writes into a terminal emulator model (pyte), and records the moment the screen first
satisfies REGEX (searched in the screen's rows joined with newlines, re.MULTILINE). Each
`--then KEYS REGEX` is a further stage: once the previous one holds, KEYS are typed and the
time until REGEX holds is taken, both from the start and from the key press (the time from
the start then includes the harness's own reaction to the previous screen; --typeahead KEYS
types them at the start instead, and the terminal keeps them until the program reads its
input, as when a person types ahead). Then the quit keys (--quit, default q, typed again
every 0.5 s up to --quit-tries times) are sent and the exit status is checked (--exit-code,
default 0). Runs --warmup untimed runs, then --runs timed ones, and prints median, min and
max of each stage in milliseconds.

The time of a stage is when the chunk of output that made the predicate true was read from
the pty (time.monotonic(), origin just before fork/exec). A separate reader process reads
and stamps chunks as they come, so the emulator's parsing never delays a stamp; the largest
gap between a stamp and the predicate's check ("harness lag") is printed too. Pick a
predicate that only the complete screen satisfies (e.g. the last list row and the help line
below it): a pty hands a screen over in chunks of about 4 KB, so a title alone may match a
half-drawn list. A stage whose REGEX already holds when its keys are sent is an error: the
predicate must be one that only the next screen shows. The program's CPU time over each
whole run (getrusage of the reaped child, quitting included) is printed as well: it drifts
less than wall-clock time on a busy machine.

--probe SECONDS does no timing: it tells whether CMD goes full screen (switches to the
alternate screen, or clears the whole screen, while still running) within SECONDS. Exit 0:
it did (then the quit keys are sent); exit 3: it did not (it is killed if still running).

Why not hyperfine: it times a command from start to exit, with no terminal (output to a pipe
or /dev/null). A TUI does not exit once its list is drawn: `hyperfine -N 'newsboat ...'`
never returns (newsboat draws its feed list for an 80x24 terminal into /dev/null and waits
for keys), and a quit key typed ahead would time start-to-exit, not start-to-list. Whether
the list is on screen is a property of what the program has drawn, which only a terminal
(here a pty plus an emulator) can tell.

Needs: pip install ptyprocess pyte (pexpect brings ptyprocess). Linux.
Keys accept Python escapes: '\\r' is Enter, '\\x1b' is Escape.
"""

import argparse
import codecs
import json
import os
import fcntl
import re
import resource
import select
import signal
import statistics
import struct
import sys
import time

try:
    import pyte
    from ptyprocess import PtyProcess
except ImportError as e:  # pragma: no cover - a message for whoever runs it
    sys.exit(f"time_to_screen: {e}; pip install ptyprocess pyte")

HEADER = struct.Struct("=dI")  # a chunk's arrival time and length, from the reader process
F_SETPIPE_SZ = 1031
ALT_SCREEN = (b"\x1b[?1049h", b"\x1b[?1047h", b"\x1b[?47h")
CLEAR_ALL = b"\x1b[2J"


class Failure(Exception):
    pass


class AnsweringScreen(pyte.Screen):
    """A screen that answers the program's terminal queries (device attributes, cursor
    position) on the pty, as a real terminal would, so a program that asks does not wait."""

    def __init__(self, cols, rows, proc):
        super().__init__(cols, rows)
        self.proc = proc

    def write_process_input(self, data):
        try:
            self.proc.write(data.encode())
        except OSError:
            pass


def keys(text):
    return codecs.decode(text, "unicode_escape").encode("utf-8")


class Session:
    """One run of the program in a pty, read chunk by chunk into the emulator."""

    def __init__(self, argv, cols, rows, env):
        self.start = time.monotonic()
        self.proc = PtyProcess.spawn(argv, env=env, dimensions=(rows, cols))
        self.screen = AnsweringScreen(cols, rows, self.proc)
        self.stream = pyte.ByteStream(self.screen)
        self.eof = False
        self.max_lag = 0.0
        self.buffer = b""
        self.reader_cpu = 0.0
        self._start_reader()

    def _start_reader(self):
        """Forks a process that reads the pty and stamps each chunk as it arrives, handing
        both over a pipe: the time the emulator takes to parse one chunk never delays the
        stamp of the next, and no lock is shared with this process (a thread would wait for
        the GIL, held by a parser that a busy machine has descheduled)."""
        r, w = os.pipe()
        try:
            fcntl.fcntl(w, F_SETPIPE_SZ, 1 << 20)
        except OSError:
            pass
        pid = os.fork()
        if pid == 0:
            try:
                os.close(r)
                while True:
                    try:
                        data = os.read(self.proc.fd, 1 << 16)
                    except OSError:  # EIO: the program closed the terminal
                        data = b""
                    record = memoryview(HEADER.pack(time.monotonic(), len(data)) + data)
                    while record:
                        record = record[os.write(w, record):]
                    if not data:
                        break
            finally:
                os._exit(0)
        os.close(w)
        self.reader_pid = pid
        self.pipe = r

    def close_reader(self):
        """Waits for the reader to see the end of the output (kills it after 1 s) and reaps
        it, keeping its CPU time apart from the program's."""
        if self.reader_pid is None:
            return
        end = time.monotonic() + 1
        while not self.eof and time.monotonic() < end:
            data, _ = self.read_chunk(end - time.monotonic())
            if data:
                self.stream.feed(data)
        if not self.eof:
            os.kill(self.reader_pid, signal.SIGKILL)
        _, _, usage = os.wait4(self.reader_pid, 0)
        self.reader_cpu = usage.ru_utime + usage.ru_stime
        self.reader_pid = None
        os.close(self.pipe)

    def text(self):
        # What pyte's `display` gives, without its per-cell wcwidth (6 ms a screen): a wide
        # character's second cell holds "", so joining the cells gives the row as drawn.
        buf, cols = self.screen.buffer, self.screen.columns
        return "\n".join(
            "".join(buf[y][x].data for x in range(cols)) for y in range(self.screen.lines)
        )

    def read_chunk(self, timeout):
        """One chunk of output (None on timeout, b"" at end of output) and its arrival time."""
        if self.eof:
            return b"", time.monotonic()
        deadline = time.monotonic() + timeout
        while True:
            if len(self.buffer) >= HEADER.size:
                at, n = HEADER.unpack_from(self.buffer)
                if len(self.buffer) >= HEADER.size + n:
                    data = self.buffer[HEADER.size:HEADER.size + n]
                    self.buffer = self.buffer[HEADER.size + n:]
                    if not data:
                        self.eof = True
                    return data, at
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.pipe], [], [], max(left, 0))
            if not ready:
                return None, time.monotonic()
            more = os.read(self.pipe, 1 << 20)
            if not more:  # the reader died without its end record
                self.eof = True
                return b"", time.monotonic()
            self.buffer += more

    def wait_for(self, pattern, timeout):
        """Reads until `pattern` holds on the screen; returns the arrival time of the chunk
        that made it hold."""
        deadline = time.monotonic() + timeout
        while True:
            data, at = self.read_chunk(deadline - time.monotonic())
            if data is None:
                raise Failure(f"timed out after {timeout:g} s waiting for /{pattern.pattern}/")
            if not data:
                raise Failure(
                    f"the program ended its output (exit {self.exit_status()}) before "
                    f"/{pattern.pattern}/ held"
                )
            self.stream.feed(data)
            if pattern.search(self.text()):
                self.max_lag = max(self.max_lag, time.monotonic() - at)
                return at

    def drain(self, seconds):
        end = time.monotonic() + seconds
        while not self.eof and time.monotonic() < end:
            data, _ = self.read_chunk(end - time.monotonic())
            if data:
                self.stream.feed(data)

    def exit_status(self):
        if self.proc.isalive():
            return None
        return self.proc.exitstatus if self.proc.exitstatus is not None else -self.proc.signalstatus

    def quit(self, quit_keys, tries):
        """Types the quit keys until the program exits; returns its exit status, None if it
        had to be killed."""
        for _ in range(tries):
            if not self.proc.isalive():
                break
            try:
                self.proc.write(quit_keys)
            except OSError:
                pass
            self.drain(0.5)
        self.drain(0.2)
        for _ in range(20):
            if not self.proc.isalive():
                status = self.exit_status()
                self.close_reader()
                self.proc.close()
                return status
            time.sleep(0.05)
        self.kill()
        return None

    def kill(self):
        if self.proc.isalive():
            self.proc.kill(signal.SIGTERM)
            time.sleep(0.2)
        if self.proc.isalive():
            self.proc.kill(signal.SIGKILL)
        try:
            self.proc.wait()
        except Exception:
            pass
        self.close_reader()
        try:
            self.proc.close(force=True)
        except Exception:
            pass


def one_run(args, stages, env, dump):
    """Returns [(since start, since keys or None)] per stage, the harness lag and the CPU
    seconds the program used over the whole run (quitting included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    s = Session(args.command, args.cols, args.rows, env)
    if args.typeahead:
        s.proc.write(args.typeahead)
    times = []
    try:
        for n, (send, pattern) in enumerate(stages):
            sent_at = None
            if send is not None:
                if pattern.search(s.text()):
                    raise Failure(
                        f"stage {n + 1}: /{pattern.pattern}/ already holds before its keys are "
                        "sent; give a pattern only the next screen shows"
                    )
                sent_at = time.monotonic()
                s.proc.write(send)
            at = s.wait_for(pattern, args.timeout)
            times.append((at - s.start, None if sent_at is None else at - sent_at))
            if dump is not None:
                dump.append(f"--- stage {n + 1}: /{pattern.pattern}/ held at "
                            f"{(at - s.start) * 1000:.1f} ms\n{s.text()}\n")
    except Failure as e:
        screen = s.text().rstrip()
        s.kill()
        raise Failure(f"{e}\nscreen at that moment:\n{screen}") from None
    status = s.quit(args.quit_keys, args.quit_tries)
    if status is None:
        raise Failure(f"did not exit after {args.quit_tries} × quit keys; killed")
    if status != args.exit_code:
        raise Failure(f"exited with {status}, expected {args.exit_code}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime) - s.reader_cpu
    return times, s.max_lag, cpu


def probe(args, env):
    s = Session(args.command, args.cols, args.rows, env)
    deadline = s.start + args.probe
    tail = b""
    total = 0
    verdict = None
    while verdict is None and time.monotonic() < deadline:
        data, at = s.read_chunk(deadline - time.monotonic())
        if not data:  # timed out, or the program ended its output
            break
        total += len(data)
        buf = tail + data
        if any(m in buf for m in ALT_SCREEN) or CLEAR_ALL in buf:
            verdict = at - s.start
        tail = buf[-16:]
    if verdict is not None:
        s.drain(0.3)  # a program that only clears the screen and exits is not full screen
    if s.eof:  # the terminal is closed; give the process a moment to be reaped
        for _ in range(40):
            if not s.proc.isalive():
                break
            time.sleep(0.05)
    alive = s.proc.isalive()
    if verdict is not None and alive:
        print(f"full screen after {verdict * 1000:.0f} ms")
        s.quit(args.quit_keys, args.quit_tries)
        return 0
    how = "still running" if alive else f"exited with {s.exit_status()}"
    print(f"not full screen within {args.probe:g} s ({how}, wrote {total} bytes)")
    s.kill()
    return 3


def summary(values):
    ms = [v * 1000 for v in values]
    return {"median": statistics.median(ms), "min": min(ms), "max": max(ms), "runs": ms}


def main():
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
    )
    p.add_argument("--size", default="120x40", help="COLSxROWS of the terminal (120x40)")
    p.add_argument("--term", default="xterm-256color", help="TERM for the program")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warmup", type=int, default=1, help="untimed runs first (1)")
    p.add_argument("--until", metavar="REGEX", help="the first screen to wait for")
    p.add_argument("--then", nargs=2, action="append", default=[], metavar=("KEYS", "REGEX"),
                   help="then type KEYS and wait for REGEX (repeatable)")
    p.add_argument("--typeahead", metavar="KEYS", default="",
                   help="type KEYS right after the start, before anything is drawn: the "
                        "terminal holds them until the program reads its input")
    p.add_argument("--label", action="append", default=[],
                   help="a name for each stage, in order (default: its regex)")
    p.add_argument("--quit", dest="quit_keys", default="q", help="quit keys (q)")
    p.add_argument("--quit-tries", type=int, default=5)
    p.add_argument("--exit-code", type=int, default=0)
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per stage (30)")
    p.add_argument("--pause", type=float, default=0.3, help="seconds between runs (0.3)")
    p.add_argument("--probe", type=float, metavar="SECONDS",
                   help="only tell whether CMD goes full screen within SECONDS")
    p.add_argument("--dump", metavar="FILE", help="write the screens of the last run here")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON here")
    p.add_argument("command", nargs="+", metavar="CMD")
    args = p.parse_args()
    args.cols, args.rows = (int(x) for x in args.size.lower().split("x"))
    args.quit_keys = keys(args.quit_keys)
    args.typeahead = keys(args.typeahead)

    env = dict(os.environ)
    env["TERM"] = args.term
    # The size comes from the pty; LINES/COLUMNS would override it for curses programs.
    env.pop("LINES", None)
    env.pop("COLUMNS", None)

    if args.probe is not None:
        return probe(args, env)
    if not args.until:
        p.error("--until is required (or --probe)")
    stages = [(None, re.compile(args.until, re.MULTILINE))]
    stages += [(keys(k), re.compile(r, re.MULTILINE)) for k, r in args.then]
    labels = args.label + [s[1].pattern for s in stages[len(args.label):]]

    results = [[] for _ in stages]
    after_keys = [[] for _ in stages]
    max_lag = 0.0
    cpu_times = []
    for run in range(args.warmup + args.runs):
        dump = [] if args.dump and run == args.warmup + args.runs - 1 else None
        try:
            times, lag, cpu = one_run(args, stages, env, dump)
        except Failure as e:
            print(f"run {run + 1}: {e}", file=sys.stderr)
            return 1
        if dump is not None:
            with open(args.dump, "w", encoding="utf-8") as f:
                f.write("\n".join(dump))
        timed = run >= args.warmup
        shown = " ".join(f"{t * 1000:.0f}" for t, _ in times)
        print(f"run {run + 1}{'' if timed else ' (warm-up)'}: {shown} ms "
              f"(CPU {cpu * 1000:.0f} ms, harness lag {lag * 1000:.1f} ms)", file=sys.stderr)
        if timed:
            cpu_times.append(cpu)
            max_lag = max(max_lag, lag)
            for i, (since_start, since_keys) in enumerate(times):
                results[i].append(since_start)
                if since_keys is not None:
                    after_keys[i].append(since_keys)
        time.sleep(args.pause)

    out = {"command": args.command, "size": args.size, "term": args.term, "runs": args.runs,
           "harness_lag_ms_max": max_lag * 1000, "stages": []}
    print(f"{args.runs} runs, {args.size}, TERM={args.term}: {' '.join(args.command)}")
    for i, label in enumerate(labels):
        st = summary(results[i])
        entry = {"label": label, "regex": stages[i][1].pattern, "since_start_ms": st}
        line = (f"  {label}: median {st['median']:.0f} ms, min {st['min']:.0f}, "
                f"max {st['max']:.0f} (from start)")
        if after_keys[i]:
            ak = summary(after_keys[i])
            entry["since_keys_ms"] = ak
            line += (f"; {ak['median']:.0f} ms median after the keys "
                     f"(min {ak['min']:.0f}, max {ak['max']:.0f})")
        out["stages"].append(entry)
        print(line)
    cpu = summary(cpu_times)
    out["cpu_ms_whole_run"] = cpu
    print(f"  CPU time of the program over a whole run (user+sys, quitting included): "
          f"median {cpu['median']:.0f} ms, min {cpu['min']:.0f}, max {cpu['max']:.0f}")
    print(f"  harness lag (chunk read → predicate checked), at most: {max_lag * 1000:.1f} ms "
          "(not in the times: they are stamped on arrival)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
