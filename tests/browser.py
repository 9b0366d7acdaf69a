"""Headless Chromium for the report tests, driven over the DevTools protocol with the stdlib only.

Chromium is started with `--remote-debugging-pipe`: it reads protocol commands on its file
descriptor 3 and writes responses and events on descriptor 4, each message one JSON text ended
by a NUL byte. No port, no WebSocket, no extra dependency. One browser serves every page of a
test session (one tab each); printing to PDF uses Chromium's own `--print-to-pdf` switch, as a
reader's "Imprimer" would.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Flags every launch uses: no sandbox (containers run as root), no GPU, no first-run or
# background traffic (updates, sync, QUIC probes) on machines without a network; shared memory
# in /tmp (a container's /dev/shm is often 64 MB, and Debian's launcher does not always notice);
# every host name resolves to nothing, so a request that leaks fails at once instead of waiting
# on a network that is not there (the request is still seen and reported by the tests).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

# The page's width against the viewport's, every element whose box goes beyond the viewport's
# left or right edge ("wide"), unless it lies inside a box that scrolls sideways on its own and
# itself fits the viewport ("scrolled": the reader scrolls that box, not the page), and every
# such box that does scroll. Elements of no size (hidden) are ignored.
LAYOUT_JS = r"""
(() => {
  const width = document.documentElement.clientWidth;
  const outside = box => box.right > width + 0.5 || box.left < -0.5;
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const describe = el => {
    const box = el.getBoundingClientRect();
    return {tag: el.tagName.toLowerCase(), cls: String(el.className || '').slice(0, 60),
            left: Math.round(box.left), right: Math.round(box.right),
            scroll_width: el.scrollWidth, client_width: el.clientWidth,
            text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60)};
  };
  const wide = [], boxes = [];
  let count = 0, scrolled = 0, right = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    count += 1;
    right = Math.max(right, box.right);
    if (scrolls(el) && el.scrollWidth > el.clientWidth + 1) boxes.push(describe(el));
    if (!outside(box)) continue;
    let holder = el.parentElement;
    while (holder && holder !== document.body && !scrolls(holder)) holder = holder.parentElement;
    if (holder && holder !== document.body && !outside(holder.getBoundingClientRect())) {
      scrolled += 1;
    } else {
      wide.push(describe(el));
    }
  }
  return {viewport: width, scroll_width: document.documentElement.scrollWidth,
          elements: count, rightmost: Math.round(right), wide: wide, scrolled: scrolled,
          scroll_boxes: boxes};
})()
"""

IMAGES_JS = r"""
[...document.images].map(img => ({
  alt: img.getAttribute('alt'), src: img.currentSrc.slice(0, 40), complete: img.complete,
  visible: img.checkVisibility(),
  natural_width: img.naturalWidth, natural_height: img.naturalHeight,
  width: Math.round(img.getBoundingClientRect().width)}))
"""


def find_chromium() -> str | None:
    """The Chromium executable: `$IANOTE_CHROMIUM`, else `chromium` on the PATH, else None."""
    wanted = os.environ.get("IANOTE_CHROMIUM")
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    return shutil.which("chromium")


MISSING = "Chromium is not installed (tools/ensure_chromium.sh installs it)"


def chromium_or_skip() -> str:
    """The Chromium executable for a test: without it the test is skipped, or fails when
    IANOTE_REQUIRE_BROWSER=1 (CI)."""
    import pytest

    executable = find_chromium()
    if executable is None:
        if os.environ.get("IANOTE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{MISSING}; IANOTE_REQUIRE_BROWSER=1 requires it")
        pytest.skip(MISSING)
    return executable


class DevToolsError(RuntimeError):
    """The browser answered a command with an error, died, or did not answer in time."""


@dataclass
class PageReport:
    """What one page did in the browser."""

    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # the page's own scripts that ran
    layouts: dict[int, dict[str, Any]] = field(default_factory=dict)
    images: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    screenshots: dict[int, Path] = field(default_factory=dict)


class Browser:
    """One headless Chromium process and its DevTools pipe (a context manager)."""

    def __init__(self, executable: str, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        self._buffer = b""
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Chromium's ends of the two pipes go to descriptors 3 and 4: first moved above 9 so
        # they cannot collide with 3 or 4, then placed by the shell just before it becomes
        # Chromium (no preexec_fn, which is unsafe in a process that has threads).
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser_r, from_browser_w)]
        os.close(to_browser_r)
        os.close(from_browser_w)
        script = f'exec "$@" 3<&{ends[0]} 4>&{ends[1]} {ends[0]}<&- {ends[1]}>&-'
        self.log = profile.with_name(profile.name + ".log")  # Chromium's own messages
        try:
            with self.log.open("wb") as log:
                self.process = subprocess.Popen(
                    ["/bin/bash", "-c", script, "bash", executable, *CHROMIUM_FLAGS,
                     "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
                    pass_fds=ends, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        finally:
            for fd in ends:
                os.close(fd)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                self.call("Browser.close", timeout=10)
        except (DevToolsError, OSError):
            pass
        finally:
            for fd in (self._to_browser, self._from_browser):
                try:
                    os.close(fd)
                except OSError:
                    pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # -- protocol -------------------------------------------------------------------------

    def _read(self, deadline: float) -> dict[str, Any]:
        """The next message from the browser (waits until `deadline`). A JavaScript dialog
        (`alert`, `confirm`…) is dismissed at once: it would block the page, and the event stays
        in the record for the page's report."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    tail = self.log.read_text(errors="replace")[-2000:]
                    raise DevToolsError(
                        f"Chromium closed its pipe (exit {self.process.poll()}): {tail}")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("method") == "Page.javascriptDialogOpening":
            self._send("Page.handleJavaScriptDialog", {"accept": False},
                       message.get("sessionId"))
        return message

    def _send(self, method: str, params: dict[str, Any] | None = None,
              session: str | None = None) -> int:
        """Write one command; return its id (its reply is read by `call`)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._to_browser, data):]
        return self._next_id

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None, timeout: float | None = None) -> dict[str, Any]:
        """Send one command and return its result; events read meanwhile are kept in order."""
        ident = self._send(method, params, session)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str, session: str, since: int = 0,
                   timeout: float | None = None, **match: Any) -> dict[str, Any]:
        """The first event `method` of `session` from index `since` whose params match."""
        deadline = time.monotonic() + (timeout or self.timeout)
        index = since
        while True:
            while index < len(self.events):
                event = self.events[index]
                index += 1
                params = event.get("params", {})
                if (event["method"] == method and event.get("sessionId") == session
                        and all(params.get(k) == v for k, v in match.items())):
                    return params
            reply = self._read(deadline)
            if "method" in reply:
                self.events.append(reply)

    def evaluate(self, expression: str, session: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise DevToolsError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    # -- pages ----------------------------------------------------------------------------

    def inspect(self, path: Path, widths: tuple[int, ...], height: int = 900,
                shots: Path | None = None) -> PageReport:
        """Open `path` in a new tab at the first width, wait until it has loaded and the network
        is idle, measure its layout at each width (screenshots into `shots`), then report every
        request, error, dialog and script of its own (inline or event handler) that the page
        produced."""
        report = PageReport(url=path.resolve().as_uri())
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        start = len(self.events)
        for domain in ("Page", "Runtime", "Log", "Network", "Debugger"):
            self.call(f"{domain}.enable", session=session)
        self.call("Debugger.setSkipAllPauses", {"skip": True}, session)  # no `debugger;` stop
        self.call("Page.setLifecycleEventsEnabled", {"enabled": True}, session)
        self._resize(session, widths[0], height)
        nav = self.call("Page.navigate", {"url": report.url}, session)
        if nav.get("errorText"):
            raise DevToolsError(f"{path.name}: {nav['errorText']}")
        for name in ("load", "networkIdle"):
            self.wait_event("Page.lifecycleEvent", session, start, name=name,
                            loaderId=nav.get("loaderId"))
        report.images = self.evaluate(IMAGES_JS, session)
        for width in widths:
            self._resize(session, width, height)
            report.layouts[width] = self.evaluate(LAYOUT_JS, session)
            if shots is not None:
                shot = self.call("Page.captureScreenshot", {"format": "png"}, session)
                report.screenshots[width] = shots / f"{path.stem}-{width}.png"
                report.screenshots[width].write_bytes(base64.b64decode(shot["data"]))
        report.text = self.evaluate("document.body.innerText", session)
        self.call("Runtime.evaluate", {"expression": "0"}, session)  # flush pending events
        self.call("Target.closeTarget", {"targetId": target})
        for event in self.events[start:]:
            if event.get("sessionId") != session:
                continue
            _collect(event["method"], event.get("params", {}), report)
        return report

    def _resize(self, session: str, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session)


def _collect(method: str, params: dict[str, Any], report: PageReport) -> None:
    """Sort one DevTools event into the report's requests and errors."""
    if method == "Network.requestWillBeSent":
        report.requests.append(params["request"]["url"])
    elif method == "Network.webSocketCreated":
        report.requests.append(params["url"])
    elif method == "Debugger.scriptParsed" and params.get("url", "").split("#")[0] == report.url:
        # the page's inline scripts and event handlers (the harness's own have no URL)
        report.scripts.append(f"line {params.get('startLine')}: {params.get('length')} chars")
    elif method == "Page.javascriptDialogOpening":
        report.errors.append(f"dialog {params.get('type')}: {params.get('message')}")
    elif method == "Runtime.exceptionThrown":
        details = params["exceptionDetails"]
        description = details.get("exception", {}).get("description") or ""
        report.errors.append(f"exception: {details.get('text')} {description}".strip())
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        words = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
        report.errors.append(f"console.{params['type']}: {' '.join(words)}")
    elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
        entry = params["entry"]
        report.errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")


def print_to_pdf(executable: str, html: Path, pdf: Path, profile: Path,
                 timeout: float = 120.0) -> Path:
    """Print `html` to `pdf` with Chromium's own `--print-to-pdf` (no header or footer: the
    page size and margins are the page's `@page` rule)."""
    done = subprocess.run(
        [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.resolve().as_uri()],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0 or not pdf.exists():
        raise DevToolsError(f"--print-to-pdf failed ({done.returncode}): {done.stderr[-2000:]}")
    return pdf
