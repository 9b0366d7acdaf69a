"""Keywords per document (lemmatised French, TF-IDF over the documents) and word clouds.

Words are lemmatised with simplemma; French stop words (`resources/fr/stopwords.yaml`, shipped
as data), numbers, URL pieces and page furniture (bylines, credits, « Publié le… », page
numbers) are left out. A few fixed phrases (« intelligence artificielle », « données
personnelles »…, `resources/keywords.yaml`) are kept as one term.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold, fold_same_length, normalize
from ianote_lib.fr.stopwords import keyword_stop_words
from ianote_lib.reports.plots import PNG_OPTIONS
from ianote_lib.tfidf import tfidf_matrix

QUOTABLE_KINDS = ("sentence", "bullet", "fragment", "heading")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:fr|com|org|eu|net|html?|php)\b\S*", re.I)
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ_-]*")


@cache
def _config() -> dict:
    return load_yaml("keywords.yaml")


def is_boilerplate(text: str) -> bool:
    """Page furniture and bylines: « Publié le… », « © … », « Crédit », « 27/38 », « Sources »."""
    cfg = _config()
    folded = fold(text)
    return any(re.search(p, folded) for p in cfg["boilerplate"])


def _compounds() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), term) for p, term in _config()["compounds"].items()]


def lemma(word: str) -> str:
    """Lemma of a French word (acronyms such as IA, RGPD, CNIL are kept in capitals)."""
    if word.isupper() and len(word) <= 6:
        return word
    return lemmatize(word.lower()).lower()


def _placeholder(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(97 + r) + letters
    return f"zzcompound{letters}zz"


def tokens(text: str) -> list[str]:
    """Content lemmas of a text (accents kept): no stop words, numbers, URL pieces or
    one-letter words; fixed phrases of `keywords.yaml` kept as one term."""
    text = _URL.sub(" ", normalize(text))
    placeholders: dict[str, str] = {}
    folded_text = fold_same_length(text)
    for i, (pattern, term) in enumerate(_compounds()):
        spans = [m.span() for m in pattern.finditer(folded_text)]
        if not spans:
            continue
        key = _placeholder(i)
        placeholders[key] = term
        for start, end in reversed(spans):
            text = text[:start] + f" {key} " + text[end:]
            folded_text = folded_text[:start] + f" {key} " + folded_text[end:]
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        raw = raw.strip("-_")
        if raw in placeholders:
            out.append(placeholders[raw])
            continue
        if raw.isupper() and 2 <= len(raw) <= 6:
            if fold(raw) not in keyword_stop_words() or raw in _config()["keep_acronyms"]:
                out.append(raw)
            continue
        low = raw.lower()
        if len(low) < 3 or fold(low) in keyword_stop_words():
            continue
        lem = lemma(low)
        folded = fold(lem)
        if len(lem) < 3 or folded in keyword_stop_words() \
                or folded in _config()["extra_stop_lemmas"]:
            continue
        out.append(lem)
    return out


def document_texts(sentences: pd.DataFrame) -> dict[int, str]:
    """The text of each document, page furniture and titles left out."""
    rows = sentences[sentences["kind"].isin(QUOTABLE_KINDS)]
    rows = rows[~rows["text"].map(is_boilerplate)]
    return {int(doc): " ".join(group["text"]) for doc, group in rows.groupby("doc")}


def document_tokens(sentences: pd.DataFrame) -> dict[int, list[str]]:
    """Content lemmas of each document."""
    return {doc: tokens(text) for doc, text in document_texts(sentences).items()}


def keywords_table(doc_tokens: dict[int, list[str]], top: int = 12) -> pd.DataFrame:
    """Top keywords per document by TF-IDF over the documents (unigrams and bigrams of
    lemmas; sublinear tf). Columns: doc, rank, keyword, score, count."""
    docs = sorted(doc_tokens)

    def analyzer(toks: list[str]) -> list[str]:
        grams = list(toks)
        grams += [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False) if a != b]
        return grams

    matrix, vocab = tfidf_matrix([doc_tokens[d] for d in docs], analyzer, sublinear_tf=True)
    rows = []
    for i, doc in enumerate(docs):
        counts = pd.Series(analyzer(doc_tokens[doc])).value_counts()
        row = matrix[i].toarray().ravel()
        order = sorted(range(len(row)), key=lambda k: (-row[k], vocab[k]))
        picked: list[str] = []
        for k in order:
            term = vocab[k]
            if row[k] <= 0 or len(picked) >= top:
                break
            if counts.get(term, 0) < 2 and " " in term:
                continue  # a bigram seen once is noise
            if any(term in p.split(" ") or p in term.split(" ") for p in picked if " " in p
                   or " " in term):
                continue
            picked.append(term)
            rows.append({"doc": doc, "rank": len(picked), "keyword": term,
                         "score": round(float(row[k]), 4), "count": int(counts.get(term, 0))})
    return pd.DataFrame(rows, columns=["doc", "rank", "keyword", "score", "count"])


def cloud_exclusions(doc_tokens: dict[int, list[str]], objet: str = "") -> list[str]:
    """Words left out of the dossier's word cloud: those of `keywords.yaml` › cloud_exclude
    that the dossier uses, and the words of the commande's object that every document uses
    (the subject itself, said everywhere: it would fill the cloud and tell nothing)."""
    used = {fold(t) for toks in doc_tokens.values() for t in toks}
    configured = [w for w in _config()["cloud_exclude"] if fold(w) in used]
    lists = [set(toks) for toks in doc_tokens.values()]
    everywhere = set.intersection(*lists) if lists else set()
    subject = [t for t in dict.fromkeys(tokens(objet)) if t in everywhere] if objet else []
    return configured + [t for t in subject if t not in configured]


def frequencies(token_lists, top: int = 120, exclude: list[str] | None = None) -> dict[str, int]:
    """Word-cloud frequencies: counts of content lemmas (stop words, URL pieces and the
    dossier's own subject words of `keywords.yaml` › cloud_exclude left out)."""
    excluded = {fold(w) for w in (_config()["cloud_exclude"] if exclude is None else exclude)}
    counts = pd.Series([t for toks in token_lists for t in toks], dtype="object").value_counts()
    counts = counts[[k for k in counts.index if fold(k) not in keyword_stop_words()
                     and fold(k) not in excluded and not _URL.search(k)]]
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return {str(k): int(v) for k, v in counts.head(top).items()}


def font_path() -> str:
    """DejaVuSans from matplotlib's own data: handles French accents, no system font needed."""
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")


@lru_cache(maxsize=512)
def _truetype(path: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, size)


class _CachedImageFont:
    """Stands for `PIL.ImageFont` inside wordcloud: each (font, size) is loaded once instead
    of at every placement attempt (a third of a cloud's time); fonts are not modified by
    wordcloud, so the clouds are pixel for pixel the same."""

    def __init__(self, module) -> None:
        self._module = module

    def truetype(self, path: str, size: int):
        return _truetype(str(path), int(size))

    def __getattr__(self, name: str):
        return getattr(self._module, name)


@contextmanager
def _cached_fonts() -> Iterator[None]:
    import wordcloud.wordcloud as module  # deferred: only drawing the clouds needs wordcloud

    original = module.ImageFont
    if isinstance(original, _CachedImageFont):  # nested use
        yield
        return
    module.ImageFont = _CachedImageFont(original)
    try:
        yield
    finally:
        module.ImageFont = original


def _cloud_array(freqs: dict[str, int], width: int, height: int):
    from wordcloud import WordCloud

    cloud = WordCloud(width=width, height=height, background_color="white",
                      font_path=font_path(), random_state=42, collocations=False,
                      prefer_horizontal=0.9, colormap="viridis", max_words=len(freqs) or 1)
    with _cached_fonts():
        cloud.generate_from_frequencies(freqs or {"(vide)": 1})
        return cloud.to_array()


def wordcloud_figure(freqs: dict[str, int], title: str, caption: str = "",
                     width: int = 900, height: int = 450) -> Figure:
    """A deterministic word cloud (fixed random_state) as a matplotlib Figure."""
    array = _cloud_array(freqs, width, height)
    fig, ax = plt.subplots(figsize=(width / 100, height / 100 + 0.6), dpi=100)
    ax.imshow(array, interpolation="bilinear")
    ax.axis("off")
    ax.set_title(title)
    if caption:
        fig.text(0.01, 0.01, caption, fontsize=8, color="#555")
    return fig


def wordcloud_image(freqs: dict[str, int], width: int = 520, height: int = 280):
    """The word cloud as an RGB array (deterministic: fixed random_state)."""
    return _cloud_array(freqs, width, height)


def parallel_workers(tasks: int) -> int:
    """How many processes to draw `tasks` pictures with: the cores this process may use (or
    the `IANOTE_PROCESSES` environment variable, e.g. 1 when dossiers already run in parallel),
    never more than the tasks; 1 where forking is not available."""
    if sys.platform != "linux":
        return 1
    wanted = os.environ.get("IANOTE_PROCESSES", "")
    cores = int(wanted) if wanted.isdigit() else len(os.sched_getaffinity(0))
    return max(1, min(cores, tasks))


def wordcloud_images(freqs: dict[int, dict[str, int]], width: int = 520, height: int = 280,
                     processes: int | None = None) -> dict[int, object]:
    """`wordcloud_image` of each frequency table (same keys, same arrays), the clouds drawn
    in parallel processes when several cores are available (each cloud is deterministic, so
    the result does not depend on the number of processes)."""
    keys = list(freqs)
    workers = parallel_workers(len(keys)) if processes is None else max(1, processes)
    if workers > 1 and len(keys) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(workers,
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                arrays = list(pool.map(_cloud_array, [freqs[k] for k in keys],
                                       [width] * len(keys), [height] * len(keys)))
            return dict(zip(keys, arrays, strict=True))
        except (OSError, BrokenProcessPool):
            pass  # no processes to be had: draw them here
    return {k: _cloud_array(freqs[k], width, height) for k in keys}


def save_image(array, path: str | Path) -> Path:
    """Save an RGB array as PNG."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    plt.imsave(path, array, format="png", metadata={"Software": None}, pil_kwargs=PNG_OPTIONS)
    return path


def wordcloud_grid(images: dict[int, object], titles: dict[int, str] | None = None,
                   columns: int = 3) -> Figure:
    """Per-document word clouds side by side (one small panel per document)."""
    docs = sorted(images)
    rows = -(-len(docs) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 2.6 * rows), dpi=100,
                             squeeze=False)
    for ax in axes.ravel():
        ax.axis("off")
    for ax, doc in zip(axes.ravel(), docs, strict=False):
        ax.imshow(images[doc], interpolation="bilinear")
        ax.set_title((titles or {}).get(doc, f"doc. {doc}"), fontsize=9)
    fig.suptitle("Nuages de mots par document (lemmes, mots vides exclus)")
    fig.tight_layout()
    return fig
