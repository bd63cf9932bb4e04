"""Ship the data files that every process reads built as well (cleanscrape/shipped.py):
each lexicon (cleanscrape/data/lexicons/<lang>.pickle from <lang>.toml) and the repair
languages' table (cleanscrape/data/repair/languages.pickle from languages.toml).

The TOML files are the data; a built copy only saves every process parsing and building
it, and is used only while its data file is the one it was built from.  Run after editing
one of them, or the code that builds them (the tests check the copies are current):

    python tools/build_shipped.py
"""

from __future__ import annotations

import sys
from functools import partial

from cleanscrape import shipped
from cleanscrape.lexicon import LEXICON_FOLDER, lexicon_from_toml, lexicon_languages
from cleanscrape.repair.language import REPAIR_FOLDER

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

for lang in lexicon_languages():
    shipped.write(LEXICON_FOLDER, lang, partial(lexicon_from_toml, lang))
shipped.write(REPAIR_FOLDER, "languages", tomllib.loads)
