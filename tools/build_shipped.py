"""Ship built the data every process would otherwise parse and build (cleanscrape/shipped.py):
each lexicon (cleanscrape/data/lexicons/<lang>.pickle.zst from <lang>.toml), the repair
languages' table (cleanscrape/data/repair/languages.pickle.zst from languages.toml) and
langdetect's profiles compacted (cleanscrape/data/langdetect_profiles.pickle.zst).

The data files are the data; a built copy only saves every process building it, and is
used only while its source is the one it was built from.  Run after editing one of them,
upgrading langdetect, or changing the code that builds them (the tests check the copies
are current):

    python tools/build_shipped.py

The tool runs with a fixed string hash seed, so that a rebuild of unchanged data writes
the same bytes (a set pickles in its iteration order, which the seed decides).
"""

import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

from cleanscrape.lang import shipped_profiles
from cleanscrape.lexicon import lexicon_languages, shipped_lexicon
from cleanscrape.repair.language import shipped_table

for lang in lexicon_languages():
    shipped_lexicon(lang).write()
shipped_table().write()
shipped_profiles().write()
