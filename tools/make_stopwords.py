"""Regenerate cleanscrape/data/stopwords/<lang>.txt from wordfreq's frequency lists.

The most frequent words of a language are nearly all function words; we keep the top N
that are purely alphabetic (apostrophes allowed).  Run after upgrading wordfreq:

    python tools/make_stopwords.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import top_n_list

LANGS = "en fr de es it pt nl pl ru cs tr ro sv da fi hu sk uk el id ca hr sl".split()
TOP_N = 150

out = Path(__file__).resolve().parent.parent / "cleanscrape" / "data" / "stopwords"
out.mkdir(parents=True, exist_ok=True)
for lang in LANGS:
    words = [w for w in top_n_list(lang, TOP_N * 2) if w.replace("'", "").replace("’", "").isalpha()][:TOP_N]
    (out / f"{lang}.txt").write_text(
        f"# top {TOP_N} words of wordfreq's '{lang}' list (tools/make_stopwords.py)\n" + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    print(lang, len(words), file=sys.stderr)
