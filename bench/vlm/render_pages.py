#!/usr/bin/env python3
"""Renders HTML pages in headless Chromium and writes, per page, a PNG screenshot and the boxes of its
interactive elements read from the DOM: <name>.png and <name>.truth.json in the output directory.

Usage: render_pages.py PAGES_DIR OUT_DIR [WIDTH HEIGHT]
Only file:// URLs are loaded; Chromium runs with networking features off and a fresh profile."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

# Runs in the page: collects the visible interactive elements and writes their boxes into a hidden element,
# which --dump-dom then prints. The element is display:none, so the screenshot is unchanged.
PROBE = """
<script>
window.addEventListener('load', () => setTimeout(() => {
  const selector = 'button, input:not([type=hidden]), select, textarea, a[href], summary, [role=button],'
    + '[role=checkbox], [role=radio], [role=switch], [role=tab], [role=link], [onclick], [tabindex]';
  const boxes = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const r = el.getBoundingClientRect();
    const x = Math.max(0, r.left), y = Math.max(0, r.top);
    const w = Math.min(innerWidth, r.right) - x, h = Math.min(innerHeight, r.bottom) - y;
    if (w < 3 || h < 3) continue;
    boxes.push({tag: el.tagName.toLowerCase(), type: el.type || null,
                text: (el.innerText || el.value || el.placeholder || '').trim().slice(0, 60),
                x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h)});
  }
  const out = document.createElement('pre');
  out.id = '__truth';
  out.style.display = 'none';
  out.textContent = JSON.stringify(boxes);
  document.body.appendChild(out);
}, 200));
</script>
"""


def chromium(profile, extra):
    cmd = [CHROMIUM] + FLAGS + ["--user-data-dir=" + profile] + extra
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def main():
    pages, out = sys.argv[1], sys.argv[2]
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280
    height = int(sys.argv[4]) if len(sys.argv) > 4 else 800
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="scenery-pages-")
    try:
        site = os.path.join(work, "site")
        shutil.copytree(pages, site)
        for name in sorted(os.listdir(site)):
            if not name.endswith(".html"):
                continue
            path = os.path.join(site, name)
            with open(path, encoding="utf-8") as f:
                html = f.read()
            html = re.sub(r"</body>", PROBE + "</body>", html, count=1, flags=re.I) if "</body>" in html.lower() \
                else html + PROBE
            with open(path, "w", encoding="utf-8") as f:
                f.write(html)
            url = "file://" + path
            size = "--window-size=%d,%d" % (width, height)
            base = os.path.join(out, name[:-5])

            dom = chromium(os.path.join(work, "profile-dom-" + name), [size, "--virtual-time-budget=3000",
                                                                        "--dump-dom", url])
            match = re.search(r'<pre id="__truth"[^>]*>(.*?)</pre>', dom.stdout, re.S)
            if not match:
                print("no boxes read from %s: %s" % (name, dom.stderr[-300:]), file=sys.stderr)
                continue
            boxes = json.loads(match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                               .replace("&amp;", "&"))
            shot = chromium(os.path.join(work, "profile-shot-" + name), [size, "--virtual-time-budget=3000",
                                                                         "--screenshot=" + base + ".png", url])
            if not os.path.exists(base + ".png"):
                print("no screenshot of %s: %s" % (name, shot.stderr[-300:]), file=sys.stderr)
                continue
            with open(base + ".truth.json", "w", encoding="utf-8") as f:
                json.dump(boxes, f, indent=1)
            print("%s: %d interactive elements" % (name, len(boxes)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
