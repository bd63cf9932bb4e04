"""The document's vocabulary answers a question about one word from the lines that hold it
(a long page) as it does from the whole page counted."""

import re

from cleanscrape.repair.language import language_data
from cleanscrape.repair.vocabulary import FEW_LINES_MIN_CHARS, DocumentVocabulary
from cleanscrape.repair.wordlist import shape

_LINES = [
    "L’école et l'école de l’État, aujourd'hui à Paris.",
    "Die Würde des Menschen ist unantastbar? Wir sind auf dem richtigen Weg? zu gehen",
    "İstanbul'da İzmir'e gittik; KELVIN \u212a und ÉCOLE, Éric et ÉRIC.",
    "fran?ais est fran?ais, mais français est français; c?té d’?cole.",
    "Μια ΟΔΟΣ στην Αθήνα και η οδος.",
    "naïve café; DON'T don’t won't",
]


def _pages():
    filler = "ordinary words of a long page without anything special in them " * 3
    for lines in (_LINES, [line for line in _LINES if "Σ" not in line]):
        yield lines + [filler] * (FEW_LINES_MIN_CHARS // len(filler) + 1)


def test_few_lines_answers_are_the_whole_counts():
    for lines in _pages():
        for lower in (str.lower, language_data("tr").lower_function):
            whole = DocumentVocabulary(lines, lower)
            words = set(whole.counts) | {w.lower() for line in lines for w in re.findall(r"\w+", line)}
            shapes = {shape(word) for word in words if "?" in shape(word)} | {"w?rde?", "fran?ais", "?cole"}
            for word in sorted(words):
                asked = DocumentVocabulary(lines, lower)  # a new one: each question the first
                assert asked.count(word) == whole.count(word), word
            for word_shape in sorted(shapes):
                asked = DocumentVocabulary(lines, lower)
                assert asked.words_of_shape(word_shape) == whole.words_of_shape(word_shape), word_shape


def test_lower_case_keeps_each_character_alone():
    # the premise of the few lines' answers: a line's lower case is its characters' (but
    # for the capital sigma, which the vocabulary never lower-cases so), and lower-casing
    # makes no letter of a character that is none, nor the reverse, nor a newline
    letter = re.compile(r"[^\W\d_]")
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if char == "İ":
            continue  # "i" and a combining dot: the word's lower case too
        assert len(low) == 1, hex(code)
        assert bool(letter.match(char)) == bool(letter.match(low)), hex(code)
        assert (char in "'’?\ufffd\n") == (low in "'’?\ufffd\n"), hex(code)
