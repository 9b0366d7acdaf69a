"""The two HTML reports in a real browser (headless Chromium), as the direction opens them.

Both reports of the session's `ianote run` (the `full_run` fixture) are opened in one Chromium
driven over its DevTools pipe (tests/browser.py): every request the page makes, every
JavaScript error, the layout at three widths, the images and their alternative texts; the note is
also printed to PDF with Chromium's own `--print-to-pdf` and measured with pdfminer.six.
Screenshots go to the test's temporary folder only.

Widths: 1280 px is the direction's desktop or laptop (at that width every table must be shown
whole, nothing scrolls sideways); 800 px is a tablet held upright or half a desktop screen (about
the width of an A4 page on screen); 375 px is a phone. At the two narrow widths a data table too
wide for the screen may scroll inside its own box, as data tables do on phones; nothing else may,
and the page itself never scrolls sideways.

Without Chromium (`chromium` on the PATH, or $IANOTE_CHROMIUM) the browser tests are skipped
(tools/ensure_chromium.sh installs it), unless IANOTE_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import simplemma
from browser import Browser, PageReport, chromium_or_skip, print_to_pdf
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer
from pdfminer.pdfpage import PDFPage

from ianote_lib.reports.export import merge_notebooks
from ianote_lib.running.runner import ANALYSIS_PREFIXES

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ("note.html", "analysis.html")
DESKTOP, TABLET, PHONE = 1280, 800, 375
WIDTHS = (DESKTOP, TABLET, PHONE)
HEIGHT = 900
A4 = (595.28, 841.89)  # points
NOTE_PAGES = range(4, 7)  # 4 to 6 A4 pages


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser, asked for first by every fixture that needs it: without it a test is
    skipped before the pipeline runs, or fails when IANOTE_REQUIRE_BROWSER=1."""
    return chromium_or_skip()


@pytest.fixture(scope="session")
def browser_dir(chromium, tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="session")
def browser(chromium, browser_dir) -> Iterator[Browser]:
    """One Chromium for every page of the session."""
    with Browser(chromium, browser_dir / "profile") as running:
        yield running


@pytest.fixture(scope="session")
def pages(browser, browser_dir, full_run) -> dict[str, PageReport]:
    """Both reports, one tab each."""
    return {name: browser.inspect(full_run / "reports" / name, WIDTHS, HEIGHT, shots=browser_dir)
            for name in REPORTS}


@pytest.fixture(scope="session")
def note_pdf(chromium, browser_dir, full_run) -> Path:
    return print_to_pdf(chromium, full_run / "reports" / "note.html", browser_dir / "note.pdf",
                        browser_dir / "print-profile")


# -- French alternative texts ---------------------------------------------------------------

FRENCH_FUNCTION_WORDS = {
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "au", "aux", "et", "ou", "en",
    "par", "pour", "sur", "dans", "avec", "selon", "chaque", "leur", "leurs", "son", "sa", "ses",
}
GENERIC_ALTS = {"image", "graphique", "figure", "chart", "plot", "picture", "img", "output",
                "illustration", "photo", "logo"}
FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|pdf)\b|[/\\]|\w_\w|^<.*>$", re.I)


def alt_problem(alt: str | None) -> str | None:
    """Why `alt` is not a French description of an image (None when it is): missing, a file
    name or an object's repr, a generic word, too short to describe anything, or not French
    (most words unknown to a French lexicon, or no French function word)."""
    if not alt or not alt.strip():
        return "no alternative text"
    if FILE_NAME.search(alt) or "matplotlib" in alt.lower():
        return "a file name or an object, not a description"
    words = re.findall(r"[^\W\d_]+", alt.lower())
    if len(words) < 3 or set(words) <= GENERIC_ALTS | FRENCH_FUNCTION_WORDS:
        return "too short or generic to describe the image"
    french = [w for w in words if w in FRENCH_FUNCTION_WORDS or simplemma.is_known(w, lang="fr")]
    if len(french) < 0.75 * len(words) or not set(words) & FRENCH_FUNCTION_WORDS:
        return "not French"
    return None


@pytest.mark.parametrize("alt, problem", [
    ("Nombre de mots de chaque document du dossier", None),
    ("Émissions de CO2 citées par le dossier et leurs équivalences", None),
    ("Consommations d'eau citées par le dossier", None),
    ("", "no alternative text"),
    ("   ", "no alternative text"),
    ("figure_1.png", "a file name or an object, not a description"),
    ("<Figure size 640x480 with 1 Axes>", "a file name or an object, not a description"),
    ("Graphique", "too short or generic to describe the image"),
    ("Image du dossier", None),  # short, but says something in French
    ("Image", "too short or generic to describe the image"),
    ("Number of words in each document of the dossier", "not French"),
    ("Bar chart of the figures per document", "not French"),
])
def test_alt_problem_tells_french_descriptions_from_the_rest(alt, problem):
    assert alt_problem(alt) == problem


# -- the harness sees what it must see --------------------------------------------------------

BAD_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<link rel="stylesheet" href="https://cdn.example.invalid/style.css"></head><body>
<p>Une page qui fait tout ce qu'un rapport ne doit pas faire.</p>
<img src="http://example.invalid/pixel.png"><img src="voisin.png" alt="figure_2.png">
<div style="width: 2000px">Trop large</div>
<div style="overflow-x: auto"><p style="width: 1500px">Large, mais dans une boîte qui défile</p></div>
<script>console.error("boum"); fetch("http://example.invalid/api").catch(() => {});</script>
<script>throw new Error("cassé");</script>
</body></html>"""


def test_harness_reports_requests_errors_and_wide_elements(browser, tmp_path):
    bad = tmp_path / "mauvais.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    page = browser.inspect(bad, (DESKTOP,), HEIGHT)
    urls = set(page.requests)
    assert {"https://cdn.example.invalid/style.css", "http://example.invalid/pixel.png",
            "http://example.invalid/api", (tmp_path / "voisin.png").as_uri()} <= urls
    assert any("boum" in e for e in page.errors) and any("cassé" in e for e in page.errors)
    assert len(page.scripts) == 2  # its two inline scripts ran
    layout = page.layouts[DESKTOP]
    assert [w["text"] for w in layout["wide"]] == ["Trop large"]
    assert layout["scrolled"] == 1 and [b["tag"] for b in layout["scroll_boxes"]] == ["div"]
    assert [alt_problem(image["alt"]) for image in page.images] == [
        "no alternative text", "a file name or an object, not a description"]


# -- the reports in the browser -------------------------------------------------------------

def test_reports_make_no_request_outside_their_file(pages):
    for name, page in pages.items():
        assert page.requests and page.requests[0] == page.url, (name, page.requests[:3])
        outside = [url for url in page.requests
                   if url.split("#")[0] != page.url and not url.startswith("data:")]
        assert outside == [], (name, outside)


def test_reports_raise_no_javascript_error(pages):
    for name, page in pages.items():
        assert page.errors == [], (name, page.errors)
        assert page.scripts == [], (name, page.scripts)  # the reports carry no script at all


@pytest.mark.parametrize("name", REPORTS)
def test_no_element_wider_than_the_page(pages, name):
    for width, layout in pages[name].layouts.items():
        where = f"{name} at {width} px"
        assert layout["elements"] > 0, where
        assert layout["scroll_width"] <= layout["viewport"], where
        assert layout["wide"] == [], (where, layout["wide"][:5])
        if width == DESKTOP:
            assert layout["scrolled"] == 0 and layout["scroll_boxes"] == [], (
                where, layout["scroll_boxes"][:5])
        else:
            assert [box for box in layout["scroll_boxes"] if box["tag"] != "table"] == [], where


def test_screenshots_stay_in_the_temporary_folder(pages, browser_dir):
    from matplotlib.image import imread

    shots = [shot for page in pages.values() for shot in page.screenshots.values()]
    assert len(shots) == len(REPORTS) * len(WIDTHS)
    for page in pages.values():
        for width, shot in page.screenshots.items():
            assert shot.parent == browser_dir and not shot.is_relative_to(ROOT)
            pixels = imread(shot)
            assert pixels.shape[:2] == (HEIGHT, width), shot.name
            assert pixels.std() > 0.01, f"{shot.name} is blank"


def test_images_are_rendered_with_french_alt_texts(pages, full_run):
    executed = sorted((full_run / "reports" / "notebooks").glob("*.ipynb"))
    analysis = merge_notebooks([p for p in executed if p.name[:2] in ANALYSIS_PREFIXES], "")
    charts = sum("image/png" in out.get("data", {})
                 for cell in analysis.cells for out in cell.get("outputs", []))
    assert charts > 0 and len(pages["analysis.html"].images) == charts
    for name, page in pages.items():
        for image in page.images:
            assert image["complete"] and image["natural_width"] > 0, (name, image)
            assert image["visible"] and 0 < image["width"] <= DESKTOP, (name, image)
            assert alt_problem(image["alt"]) is None, (name, image["alt"], alt_problem(image["alt"]))
        alts = [image["alt"] for image in page.images]
        assert len(set(alts)) == len(alts), f"{name}: two images share one alternative text"


# -- the note printed -------------------------------------------------------------------------

@dataclass
class PrintedNote:
    """What pdfminer.six reads in the printed note."""

    sizes: list[tuple[float, float]]  # width, height of each page, in points
    text: str
    fonts: Counter[str]  # characters per font
    outside: list[str]  # characters drawn beyond the page's edges


@pytest.fixture(scope="session")
def printed_note(note_pdf) -> PrintedNote:
    with note_pdf.open("rb") as stream:
        sizes = [(box[2] - box[0], box[3] - box[1])
                 for box in (page.mediabox for page in PDFPage.get_pages(stream))]
    texts, fonts, outside = [], Counter(), []
    for page in extract_pages(note_pdf):
        for block in page:
            if not isinstance(block, LTTextContainer):
                continue
            texts.append(block.get_text())
            for char in (c for line in block for c in line if isinstance(c, LTChar)):
                fonts[char.fontname.split("+")[-1].split("-")[0]] += 1
                if char.x0 < 0 or char.x1 > page.width or char.y0 < 0 or char.y1 > page.height:
                    outside.append(f"page {page.pageid}: {char.get_text()}")
    return PrintedNote(sizes, "\n".join(texts), fonts, outside)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words hyphenated across lines
    return re.findall(r"[^\W\d_]{2,}|\d+", text.lower())


def test_note_prints_on_four_to_six_a4_pages(printed_note):
    assert len(printed_note.sizes) in NOTE_PAGES, f"{len(printed_note.sizes)} pages"
    for width, height in printed_note.sizes:
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)


def test_note_prints_in_its_typeface(printed_note):
    # the page count above holds for Times New Roman or its metric twin Liberation Serif; a
    # fallback font (DejaVu Serif, wider) would add a page: install fonts-liberation
    font, _ = printed_note.fonts.most_common(1)[0]
    assert font in ("LiberationSerif", "TimesNewRomanPSMT", "TimesNewRoman"), printed_note.fonts


def test_printed_note_keeps_all_its_text_inside_the_pages(printed_note, pages):
    assert printed_note.outside == [], printed_note.outside[:10]
    on_screen = _words(pages["note.html"].text)
    on_paper = set(_words(printed_note.text))
    missing = [w for w in on_screen if w not in on_paper]
    assert len(on_screen) > 1000 and len(missing) <= 0.01 * len(on_screen), missing[:20]
