"""Ship each lexicon built: cleanscrape/data/lexicons/<lang>.pickle from <lang>.toml.

The TOML files are the lexicons; the built ones only save every process reading and
building them (~30 ms), and are used only while their data file is the one they were built
from.  Run after editing a lexicon, or the code that builds one (tests/test_lexicons.py
checks they are current):

    python tools/build_lexicons.py
"""

from cleanscrape.lexicon import write_built_lexicons

write_built_lexicons()
