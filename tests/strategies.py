"""Hypothesis strategies for scrape-like documents, shared by the property tests and the
fuzz targets (fuzz/).

Documents are built from lines of several kinds, weighted so that most examples look like
a scrape (prose, menus, repeated boilerplate, blank runs, padding) and some are hostile
(control characters, lone surrogates, RTL and CJK text, mojibake, lossy "?", U+FFFD,
very long lines, arbitrary Unicode).
"""

from __future__ import annotations

from hypothesis import strategies as st

PROSE = [
    "Le conseil municipal a voté mercredi la création de deux kilomètres de pistes cyclables.",
    "Les travaux commenceront en septembre et dureront environ huit mois, selon la mairie.",
    "The city council voted on Wednesday to build two kilometres of new cycle lanes downtown.",
    "Work will start in September and last about eight months, the mayor's office said.",
    "Der Stadtrat hat am Mittwoch den Bau von zwei Kilometern neuer Radwege beschlossen.",
    "El ayuntamiento aprobó el miércoles la construcción de dos kilómetros de carriles bici.",
    "市议会周三投票决定在市中心修建两公里新的自行车道，工程将于九月开始。",
    "قرر المجلس البلدي يوم الأربعاء إنشاء كيلومترين من مسارات الدراجات الجديدة في وسط المدينة.",
    "מועצת העיר הצביעה ביום רביעי על בניית שני קילומטרים של שבילי אופניים חדשים.",
    "Городской совет в среду проголосовал за строительство двух километров велодорожек.",
]
BOILERPLATE = [
    "Accueil", "Home", "Rechercher", "Search", "Menu", "Contact", "Partager sur Facebook",
    "Share on Twitter", "Lire aussi", "Read more", "Tags : politique, économie",
    "Nous utilisons des cookies pour améliorer votre expérience. Accepter",
    "We use cookies to improve your experience. Accept all", "© 2024 Tous droits réservés",
    "Commentaires (3)", "Publié le 12/03/2024 à 10h15", "Photo : AFP", "Newsletter", "|", "»",
]
#: damage of the kinds the repair stages look for
DAMAGED = [
    "Le prÃ©sident a dÃ©clarÃ© jeudi que la rÃ©forme serait votÃ©e.",
    "La d?cision a ?t? prise apr?s de longues n?gociations.",
    "Le march\ufffd a progress\ufffd de 3 % cette ann\ufffde.",
    "â€œQuoteâ€\x9d and Ã¼ber",
]
HOSTILE_CHARS = st.sampled_from(
    ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\t", "\ufeff", "\u200b",
     "\u200f", "\u202e", "\ud800", "\udfff", "\U0001f600", "\ufffd", "\uffff", "\U0010ffff", "\xa0"]
)
#: any code point, surrogates included (JSON "\\ud800" escapes decode to them)
ANY_CHAR = st.one_of(st.characters(codec=None), st.characters(categories=["Cs"]))

prose_line = st.sampled_from(PROSE)
boilerplate_line = st.sampled_from(BOILERPLATE)
damaged_line = st.sampled_from(DAMAGED)
padded_line = st.builds(lambda pad, text, tail: pad + text + tail,
                        st.sampled_from(["", " ", "\t", "   ", "\u3000"]),
                        st.sampled_from(PROSE + BOILERPLATE),
                        st.sampled_from(["", " ", "  ", "\r", "\xa0"]))
blank_line = st.sampled_from(["", " ", "\t", "\r", "  \r"])
hostile_line = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from(list("ab é?"))), max_size=12).map("".join)
arbitrary_line = st.text(ANY_CHAR, max_size=40)
long_line = st.builds(lambda text, n: " ".join([text] * n), st.sampled_from(PROSE), st.integers(20, 200))

LINE = st.one_of(
    prose_line, prose_line, boilerplate_line, boilerplate_line, padded_line, blank_line,
    damaged_line, hostile_line, arbitrary_line, long_line,
)


@st.composite
def documents(draw: st.DrawFn, max_lines: int = 30) -> str:
    """A scrape-like text; boilerplate lines repeat as they do on real pages."""
    lines = draw(st.lists(LINE, max_size=max_lines))
    if lines and draw(st.booleans()):
        repeated = draw(st.sampled_from(lines))
        for _ in range(draw(st.integers(1, 5))):
            lines.insert(draw(st.integers(0, len(lines))), repeated)
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


#: words with no damage a repair stage could mean: no "?", no U+FFFD, and no character
#: soup where an accented capital or letter meets cp1252 punctuation ("Ç“" is the mojibake
#: of "Ǔ": random strings over Latin-1 produce real mojibake)
WORDS = sorted({w.strip(".,") for line in PROSE for w in line.split()} | {
    "à", "où", "Ça", "Élysée", "naïve", "über", "Straße", "año", "çà", "ŒUVRE", "«", "»", "—", "–",
    "“citation”", "l’école", "3,5", "%", "2024", "東京", "한국어", "ελληνικά",
})
undamaged_sentence = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
    st.sampled_from(["", ".", " !", ":", "…", " ;"]),
)
undamaged_line = st.one_of(prose_line, boilerplate_line, undamaged_sentence, blank_line)


@st.composite
def undamaged_documents(draw: st.DrawFn) -> str:
    return "\n".join(draw(st.lists(undamaged_line, max_size=20)))
