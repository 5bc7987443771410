"""The HTML reports as a reader sees them: `goaltrack report --format html` on the origin
review's CSV folder, opened in headless Chromium (Debian's `chromium`, which
`bash cmake/dev.sh` installs). Screenshots must not be blank and must show the charts in
their status colours; the page laid out at a desktop and a phone width must not overflow
(the page, its tables, its charts, and every label inside a chart's canvas); it must print.

The layout is measured by a copy of the page with a script appended (the page itself has
none) that writes its findings into the title, read back with --dump-dom."""

import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "annual_review" / "data"
CLI = os.environ.get("GOALTRACK_CLI", str(ROOT / "build" / "dev" / "bin" / "goaltrack"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell")

# The reports: the annual review (lists and charts) and the quarterly one (a wide table).
REPORTS = [("annual", "vi"), ("annual", "en"), ("quarterly", "vi")]

# What the page's layout must satisfy, measured in the browser. A chart's labels are
# measured in its own units (getBBox) against its viewBox: the SVG's layout reserves room
# for text by an estimate, and this checks the estimate with the fonts really used.
MEASURE = """<script>
const main = document.querySelector('main').getBoundingClientRect();
const out = {scroll_width: document.documentElement.scrollWidth, view_width: window.innerWidth,
             charts: 0, overflowing: []};
const outside = (r) => r.left < main.left - 0.5 || r.right > main.right + 0.5;
for (const e of document.querySelectorAll('table, figure, svg, p, li, h1, h2, h3')) {
  if (outside(e.getBoundingClientRect())) out.overflowing.push(e.tagName + ': ' + e.textContent.slice(0, 60));
}
for (const svg of document.querySelectorAll('svg')) {
  out.charts++;
  const width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBBox();
    if (b.x < -0.5 || b.x + b.width > width + 0.5 || b.y < -0.5 || b.y + b.height > height + 0.5)
      out.overflowing.push('svg text: ' + t.textContent);
  }
}
document.title = JSON.stringify(out);
</script>"""


def chromium(*args, width=800, height=2000):
    """Runs headless Chromium on a throwaway profile; returns its stdout."""
    assert CHROMIUM, "chromium is not installed: bash cmake/dev.sh installs it"
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", "--disable-dev-shm-usage", "--force-device-scale-factor=1",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", *args],
            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Each report as an HTML file written by the command."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for kind, lang in REPORTS:
        path = folder / f"{kind}_{lang}.html"
        result = subprocess.run(
            [CLI, "report", str(DATA), "--as-of", "21/01/2021", "--policy", "review", "--kind",
             kind, "--lang", lang, "--format", "html", "-o", str(path)],
            capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        out[(kind, lang)] = path
    return out


def near(pixel, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def hex_rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize("report", REPORTS[:2])
def test_a_screenshot_shows_the_report_and_its_charts_in_status_colours(pages, tmp_path, report):
    page = pages[report]
    shot = tmp_path / "page.png"
    chromium(f"--screenshot={shot}", page.as_uri(), width=800, height=3000)
    image = Image.open(shot).convert("RGB")
    assert image.size == (800, 3000)
    pixels = list(image.getdata())
    ink = sum(1 for p in pixels if p != (255, 255, 255))
    assert ink > 0.03 * len(pixels), "the page is blank"
    assert len(set(pixels)) > 100, "text and charts draw many shades"
    # The charts' bars and lines, in the colours of the statuses they count.
    source = page.read_text(encoding="utf-8")
    for status, colour in (("achieved", "#1b5e20"), ("on_track", "#43a047")):
        assert colour in source, status
        painted = sum(1 for p in pixels if near(p, hex_rgb(colour)))
        assert painted > 300, f"{status} ({colour}) is painted on {painted} pixels"


@pytest.mark.parametrize("width", [800, 390])
@pytest.mark.parametrize("report", REPORTS)
def test_nothing_overflows_the_page_its_tables_or_its_charts(pages, tmp_path, report, width):
    page = tmp_path / "measured.html"
    page.write_text(pages[report].read_text(encoding="utf-8").replace(
        "</body>", MEASURE + "\n</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), width=width, height=1000)
    title = dom[dom.index("<title>") + len("<title>"):dom.index("</title>")]
    found = json.loads(html.unescape(title))
    assert found["scroll_width"] <= found["view_width"], found
    assert found["overflowing"] == [], found["overflowing"]
    source = pages[report].read_text(encoding="utf-8")
    assert found["charts"] == source.count("<svg ") > 0


def test_the_report_prints(pages, tmp_path):
    pdf = tmp_path / "report.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", pages[("annual", "vi")].as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages_printed = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages_printed >= 2, "the annual review fills more than one A4 page"
