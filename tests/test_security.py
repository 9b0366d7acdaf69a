"""Untrusted document text comes out as plain text in note.md, note.html and analysis.html:
in the files, and in a real browser (headless Chromium, tests/browser.py), where the hostile
dossier's reports run no script, open no dialog, raise no error and fetch nothing outside their
own file. Without Chromium the browser tests are skipped (they fail when
IANOTE_REQUIRE_BROWSER=1), like those of test_browser.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import Browser, PageReport, chromium_or_skip

ROOT = Path(__file__).resolve().parents[1]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[cliquez ici](http://evil.example/phish)",
    "![pixel](http://evil.example/track.png)",
]

HOSTILE_DOSSIER = """\
 Attaché territorial, vous êtes chargé de mission auprès de la Direction générale des services \
de Pontville (60 000 habitants). Le Directeur Général des Services vous demande de rédiger, \
exclusivement à l'aide des documents joints, une note sur la gestion des déchets ménagers.

Liste des documents :

Document 1 : « La collecte des déchets se modernise » - La Revue locale - 3 mars 2024 - 1 page
Document 2 : « Le tri à la source progresse <script>alert(1)</script> » - Info Territoires - 12 avril 2024 - 1 page
Document 3 : « Les déchetteries face à la hausse des coûts » - Le Journal des communes - 5 mai 2024 - 1 page

 DOCUMENT 1
La collecte des déchets se modernise

La ville de Pontville a déployé en 2023 des capteurs de remplissage sur 400 conteneurs. \
Le nombre de tournées de collecte a baissé de 20 % en un an selon le service propreté. \
La métropole voisine prévoit d'étendre le dispositif à 1 200 conteneurs d'ici 2026. \
Les agents de collecte ont été formés pendant trois semaines au nouvel outil. \
Le coût du projet atteint 350 000 euros, financé pour moitié par la région. \
Un élu a dénoncé <script>alert(1)</script> une dépense jugée excessive par l'opposition. \
Les habitants reçoivent une alerte lorsque la collecte est décalée. \
La collecte des encombrants se fait désormais sur rendez-vous en ligne.

 DOCUMENT 2
Le tri à la source progresse <script>alert(1)</script>

Le syndicat mixte de traitement des déchets du département trie 85 000 tonnes par an. \
Une caméra dotée d'intelligence artificielle repère les erreurs de tri sur la chaîne. \
Le taux d'erreur de tri a reculé de 15 % à 9 % en deux ans. \
Le rapport annuel <img src=x onerror=alert(2)> détaille les résultats par commune. \
Les biodéchets représentent un tiers des ordures ménagères résiduelles. \
La loi impose le tri à la source des biodéchets depuis le 1er janvier 2024. \
Le syndicat mène des campagnes de sensibilisation dans les écoles. \
Les refus de tri coûtent 120 euros par tonne au syndicat.

 DOCUMENT 3
Les déchetteries face à la hausse des coûts

Le coût de traitement d'une tonne de déchets a augmenté de 30 % depuis 2020. \
La taxe générale sur les activités polluantes pèse de plus en plus sur les budgets. \
Plusieurs communes étudient une tarification incitative, déjà adoptée par 6 millions d'habitants. \
Pour en savoir plus, [cliquez ici](http://evil.example/phish) et consultez le rapport. \
Le logo ![pixel](http://evil.example/track.png) figure en bas de chaque page. \
Les déchetteries accueillent 2,5 millions de visiteurs par an dans le département. \
La région a voté le 14 juin 2023 un plan de prévention des déchets. \
Les élus souhaitent réduire de 10 % les déchets ménagers d'ici 2030.
"""


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    dossier = base / "dossier_hostile.txt"
    dossier.write_text(HOSTILE_DOSSIER, encoding="utf-8")
    out = base / "out"
    done = subprocess.run(
        [sys.executable, "-m", "ianote_lib", "run", "--dossier", str(dossier),
         "--output-dir", str(out), "-p", "plan", "auto"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return out


def _active_html(html: str) -> list[str]:
    """Elements or attributes that a browser would execute or fetch."""
    found = re.findall(r"<script\b[^>]*>\s*alert", html, re.I)
    found += re.findall(r"<img\b[^>]*onerror", html, re.I)
    found += re.findall(r"<a\b[^>]*href=[\"']?https?://evil", html, re.I)
    found += re.findall(r"<img\b[^>]*src=[\"']?https?://evil", html, re.I)
    return found


@pytest.mark.parametrize("name", ["analysis.html", "note.html"])
def test_html_reports_show_payloads_as_text(hostile_run, name):
    html = (hostile_run / "reports" / name).read_text(encoding="utf-8")
    assert _active_html(html) == []
    assert "evil.example" not in re.sub(r"&[a-z]+;|&#\d+;", "", "".join(
        re.findall(r"<(?:a|img|script|link|iframe)\b[^>]*>", html)))


def test_analysis_report_contains_escaped_payload(hostile_run):
    html = (hostile_run / "reports" / "analysis.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)" in html


def test_note_markdown_has_no_active_markup(hostile_run):
    text = (hostile_run / "reports" / "note.md").read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    assert "](http" not in text.replace("\\](http", "")


# -- in the browser ---------------------------------------------------------------------------

REPORTS = ("analysis.html", "note.html")
WIDTH, HEIGHT = 1280, 900


@pytest.fixture(scope="module")
def hostile_browser(tmp_path_factory) -> Browser:
    chromium = chromium_or_skip()
    with Browser(chromium, tmp_path_factory.mktemp("hostile-browser") / "profile") as running:
        yield running


@pytest.fixture(scope="module")
def hostile_pages(hostile_browser, hostile_run) -> dict[str, PageReport]:
    """The two reports of the hostile dossier's run, one tab each."""
    return {name: hostile_browser.inspect(hostile_run / "reports" / name, (WIDTH,), HEIGHT)
            for name in REPORTS}


def test_browser_harness_sees_payloads_that_run(hostile_browser, tmp_path):
    """The same payloads left unescaped do run, and the harness reports it: the checks below
    can fail."""
    page = tmp_path / "non_echappe.html"
    page.write_text("<!DOCTYPE html><html><body><p>" + " ".join(PAYLOADS[:2])
                    + '<img src="http://evil.example/track.png"></p></body></html>',
                    encoding="utf-8")
    report = hostile_browser.inspect(page, (WIDTH,), HEIGHT)
    assert len(report.scripts) == 2  # the inline script and the onerror handler
    assert {"dialog alert: 1", "dialog alert: 2"} <= set(report.errors)
    assert "http://evil.example/track.png" in report.requests


@pytest.mark.parametrize("name", REPORTS)
def test_hostile_reports_run_nothing_in_the_browser(hostile_pages, name):
    page = hostile_pages[name]
    assert page.scripts == [], page.scripts
    assert page.errors == [], page.errors  # no JavaScript error, no alert() dialog
    assert page.requests and page.requests[0] == page.url
    outside = [url for url in page.requests
               if url.split("#")[0] != page.url and not url.startswith("data:")]
    assert outside == [], outside


def test_hostile_payload_reads_as_text_in_the_browser(hostile_pages):
    text = hostile_pages["analysis.html"].text
    assert "<script>alert(1)</script>" in text  # doc. 2's title, in three tables
