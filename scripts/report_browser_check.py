#!/usr/bin/env python3
"""Opens a saidso sourcing report in headless Chromium and checks it as a reader would see it.

    scripts/report_browser_check.py REPORT.html --articles 3 --orphan-in council-draft \
        --shots target/report-screenshots/examples

Checks, failing with a message on the first broken one:
  - the page loads with no console error, no uncaught exception and no blocked or failed load
    (the report's Content-Security-Policy forbids the network, so any attempt shows here);
  - it holds the expected number of article views;
  - in every article, each listed speaker with quotes has them drawn in the speaker's own colour
    (the quote's computed background is the swatch's), different speakers (up to the palette's
    ten) have different colours, and every quote is either a speaker's or marked as an orphan;
  - the articles named with --orphan-in have a quote marked "no speaker";
  - hovering a quote shows a tooltip naming its speaker.
Screenshots (the top of the page, each of the first articles, and the whole page when it is not
huge) go to --shots, for CI artifacts and for people to look at.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages on
file descriptors 3 and 4, NUL-terminated), so it needs nothing beyond Python's standard library
and Debian's `chromium` package.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    """A headless Chromium and one page of it, driven over the DevTools pipe."""

    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="saidso-chromium-")
        to_child_r, self.to_child_w = os.pipe()
        self.from_child_r, from_child_w = os.pipe()

        def wire_fds():
            # The child reads commands on fd 3 and writes replies on fd 4. dup2 leaves them
            # inheritable; close_fds stays off below because it would close fd 4 after this.
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--disable-default-apps", "--disable-extensions", "--disable-sync",
             "--no-first-run", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={self.profile}", "--remote-debugging-pipe",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, close_fds=False,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.from_child_r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buf += chunk
        message, self.buf = self.buf.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child_w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for k, e in enumerate(self.events):
                if e["method"] == method:
                    return self.events.pop(k)
            self.events.append(self._read_message(deadline))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path, clip=None, full=False):
        params = {"format": "png", "captureBeyondViewport": full}
        if clip:
            params["clip"] = dict(clip, scale=1)
        data = self.call("Page.captureScreenshot", params, timeout=120)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def problems(self):
        """Console errors, uncaught exceptions and failed or blocked loads seen so far."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:500])
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                out.append("console error: " + args)
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append("log error: " + p["entry"].get("text", ""))
        return out

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# Facts about the page, read in the page: per article, its speakers' swatch colours, its quotes'
# colours and speakers, and whether it has orphans.
READ_PAGE = r"""
(() => {
  const bg = el => getComputedStyle(el).backgroundColor;
  return Array.from(document.querySelectorAll('article.story')).map(story => {
    const speakers = Array.from(story.querySelectorAll('.spk')).map(row => ({
      s: row.getAttribute('data-s'),
      name: row.querySelector('.who').textContent,
      quotes: parseInt(row.querySelector('.stat b').textContent.replace(/,/g, ''), 10),
      swatch: bg(row.querySelector('.sw')),
    }));
    const quotes = Array.from(story.querySelectorAll('.text .q')).map(q => ({
      s: q.getAttribute('data-s'),
      orphan: q.classList.contains('orphan'),
      colour: bg(q),
      text: q.textContent.slice(0, 40),
    }));
    return {
      id: story.id,
      heading: story.querySelector('header').textContent.slice(0, 200),
      hasText: !!story.querySelector('.text'),
      speakers, quotes,
    };
  });
})()
"""


def check_articles(articles, expected, orphan_in):
    if expected is not None and len(articles) != expected:
        return f"expected {expected} article views, found {len(articles)}"
    for a in articles:
        if not a["hasText"]:
            continue
        colour_of = {}
        for s in a["speakers"]:
            colour_of[s["s"]] = s["swatch"]
        # Speakers within the palette differ in colour.
        first_ten = [s["swatch"] for s in a["speakers"][:10]]
        if len(set(first_ten)) != len(first_ten):
            return f"{a['id']}: two speakers share a colour: {first_ten}"
        for s in a["speakers"]:
            mine = [q for q in a["quotes"] if q["s"] == s["s"]]
            if s["quotes"] > 0 and not mine:
                return f"{a['id']}: {s['name']} has {s['quotes']} quotes but none is drawn"
            for q in mine:
                if q["colour"] != s["swatch"]:
                    return (f"{a['id']}: quote {q['text']!r} of {s['name']} is drawn in "
                            f"{q['colour']}, their swatch is {s['swatch']}")
        for q in a["quotes"]:
            if not q["orphan"] and q["s"] not in colour_of:
                return f"{a['id']}: quote {q['text']!r} has no speaker in the panel and no orphan mark"
    for name in orphan_in:
        hits = [a for a in articles if name in a["heading"]]
        if not hits:
            return f"no article named like {name!r}"
        if not any(q["orphan"] for a in hits for q in a["quotes"]):
            return f"{name}: no quote is marked as having no speaker"
    return None


def hover_check(browser):
    """Moves the mouse over the first attributed quote; the tooltip must name its speaker."""
    box = browser.evaluate(r"""
      (() => {
        const q = document.querySelector('.text .q[data-s]');
        if (!q) return null;
        q.scrollIntoView({block: 'center'});
        const r = q.getClientRects()[0];
        const story = q.closest('.story');
        const row = story.querySelector('.spk[data-s="' + q.getAttribute('data-s') + '"] .who');
        return {x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, who: row.textContent};
      })()""")
    if not box:
        return None
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box["x"], "y": box["y"]})
    time.sleep(0.2)
    tip = browser.evaluate("(() => { const t = document.getElementById('tip'); "
                           "return {shown: getComputedStyle(t).display !== 'none', text: t.textContent}; })()")
    # Move away again, so the tooltip is not in the screenshots.
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})
    if not tip["shown"] or box["who"] not in tip["text"]:
        return f"hovering a quote of {box['who']} shows {tip!r}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report")
    ap.add_argument("--articles", type=int, help="expected number of article views")
    ap.add_argument("--orphan-in", action="append", default=[],
                    help="an article (by path or title) that must show an orphan quote")
    ap.add_argument("--shots", help="folder for screenshots")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=1000)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()

    url = "file://" + os.path.abspath(args.report)
    t0 = time.time()
    browser = Browser(args.chromium, args.width, args.height)
    failures = []
    try:
        browser.call("Page.navigate", {"url": url})
        browser.wait_event("Page.loadEventFired", timeout=120)
        articles = browser.evaluate(READ_PAGE)
        problem = check_articles(articles, args.articles, args.orphan_in)
        if problem:
            failures.append(problem)
        problem = hover_check(browser)
        if problem:
            failures.append(problem)
        if args.shots:
            os.makedirs(args.shots, exist_ok=True)
            # Lay out every article (the page skips off-screen ones until scrolled to), so
            # the boxes measured below are where the articles really are.
            browser.evaluate("""(() => { const s = document.createElement('style');
                s.textContent = 'article.story{content-visibility:visible!important}';
                document.head.appendChild(s); window.scrollTo(0, 0); })()""")
            browser.screenshot(os.path.join(args.shots, "top.png"))
            boxes = browser.evaluate("""Array.from(document.querySelectorAll('article.story'))
                .slice(0, 4).map(a => { const r = a.getBoundingClientRect();
                  return {id: a.id, x: r.left + scrollX, y: r.top + scrollY,
                          width: r.width, height: Math.min(r.height, 2400)}; })""")
            for b in boxes:
                browser.screenshot(os.path.join(args.shots, f"article-{b.pop('id')}.png"),
                                   clip=b, full=True)
            height = browser.evaluate("document.documentElement.scrollHeight")
            if height <= 12000:
                browser.screenshot(os.path.join(args.shots, "page.png"), full=True)
        failures.extend(browser.problems())
    finally:
        browser.close()
    took = time.time() - t0
    name = os.path.basename(args.report)
    if failures:
        for f in failures:
            print(f"FAIL {name}: {f}")
        return 1
    speakers = sum(len(a["speakers"]) for a in articles)
    quotes = sum(len(a["quotes"]) for a in articles)
    print(f"ok   {name}: {len(articles)} articles, {speakers} speakers, {quotes} quote marks, "
          f"colours match, no console errors ({took:.1f}s)"
          + (f"; screenshots in {args.shots}" if args.shots else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
