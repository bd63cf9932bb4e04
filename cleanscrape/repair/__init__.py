"""Repair of text that lost characters to an encoding: the knowledge behind the
``mojibake`` and ``lossy_repair`` stages, split by job:

* :mod:`.language` – per-language alphabets, elisions, quotes (``data/repair/languages.toml``);
* :mod:`.wordlist` – word frequencies (wordfreq) indexed by the shape a lossy charset leaves;
* :mod:`.damage` – where a "?"/U+FFFD is a lost character and where it is a real "?";
* :mod:`.charset` – which characters the page's charset evidently kept;
* :mod:`.resolve` – candidate readings of a damaged word and the choice between them.
"""
