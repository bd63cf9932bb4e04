"""Image captions and photo credits: "photo ©Eric FEFERBERG / AFP", "(Xinhua/Dai Tianfang)",
"© AFP 2019 Leonard Foeger", and the short caption line just before such a credit.

Credits are recognised by phrases (©, "Foto:", "agency/" …).  A caption that ends with a
credit ("… in der Weltspitze angekommen. (Foto: Privat)") goes whole when the credit marker is
unmistakable (it carries ©, ":", "/" or "(") and closes the line, and the text before the credit
is caption-sized: at most ``max_credited_caption_words`` words in at most two sentences.  A
paragraph that merely ends with a credit is article text: it stays whole (stages remove
whole lines only, so the credit stays with it).

A caption line without a credit has no marker; it is taken only when it is short (a few
words naming what the picture shows), is not a sentence and comes just before a credit, or
before the one headline-shaped line that scrapes often print between caption and credit
(caption, title, credit).  When the credit is a bare label ("Фото:") its text is on the next
line, which goes instead, and the line above is left alone: it is usually a heading.

Many credits carry no phrase, only a name: "… in New York.Reuters", "… of Titan.
(NASA/JPL-Caltech/ASU)", "… 2001 [File: Reuters]".
A caption-sized line goes when its place says the name is a credit: a picture agency's name
(the ``credit_names`` word class) standing after the line's last sentence, or in the
brackets that close it (after a sentence, a label, or joined to another name by "/" or a
word of the ``credit_joiners`` class, "via"); names of any kind joined by "/" in brackets
after a sentence; a word of the ``credit_signs`` class ("By", "Credit") after a sentence,
before a name in capitals or glued to a name by an ellipsis ("… Las Croabas. By U.S.
CUSTOMS", "… win.Credit...Doug Mills/The Times").  ("©" and a name opening a
caption, "© John Brecher Needle poking skin …", is not told from a copyright footer,
"© Future US, Inc. 11 West 42nd Street …": such lines stay.)
A sentence that mentions an agency ("Reuters reported that …", "… courtesy of the Getty.")
has no such place and stays.

A credit that says it is one ("Credit: SpaceX", "(Image credit: …)", "(Photos by …)", the
Associated Press's "(AP Photo/Ted S. Warren)": the ``credit_labels`` word class) closing a line after its last sentence makes the line a caption
up to ``max_labelled_caption_words``: captions of diagrams and agency photos run to paragraph
length, and a paragraph does not end by naming who took its picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Line
from ..features import ELLIPSES
from ..lexicon import (
    EDGE_CHARS,
    Hit,
    category_hits,
    hits_by_line,
    lines_glued,
    lines_matching,
    normalize,
    normalized_lines,
    word_class,
)
from ..stage import Count, register_stage
from ._lexicon_rules import (
    LexiconStage,
    Verdict,
    has_boilerplate_hits,
    is_sentence,
    is_title_like,
    next_content_line,
    previous_content_line,
    word_count,
)

#: characters that make a credit phrase unmistakable at the end of a line ("Foto:", "©",
#: "dpa/", "(Bild"); "courtesy of" or "Getty" alone also end ordinary sentences
_CREDIT_MARKS = "©:/("
#: a sentence end followed by another sentence, in a normalised line; after a word of two
#: letters or more ("U. Tischhauser" is an initial) and before a word ("Nov. 19" is a date)
#: (the letters before are looked behind from the stop: ``sre`` then skips to the stops,
#: where a pattern opening on the look-behind tried it at every character, 5x slower)
_SENTENCE_BREAK = re.compile(r"[.!?…](?<=[^\W\d_]{2}[.!?…])[\"'»”)\]]*\s+(?=[^\W\d_])")
#: the normalised lines that may end with a credit without a phrase (their closing bracket
#: is trimmed: an opening one left unclosed; a short rest after a sentence end; and, found
#: apart, a sign glued by an ellipsis, "credit…"): the few lines
#: :func:`credit_without_phrase` reads.  (A pattern for each first character, opening on it,
#: with the character: ``sre`` skips to one character at string-search speed, to one of a
#: class of them at a quarter of that, and a normalised text is mostly two bytes a
#: character; a text without the character, as most are without "!", "?", "…" or "[", is not
#: scanned for it: ``str`` finds a character faster still.  No possessive runs, which Python
#: 3.10 lacks.)
_MAY_END_WITH_CREDIT = (
    (re.compile(r"\([^()\[\]\n]{1,80}(?=\n)"), "("),
    (re.compile(r"\[[^()\[\]\n]{1,80}(?=\n)"), "["),
    *((re.compile(re.escape(stop) + r"[^\n.!?…]{1,60}(?=\n)"), stop) for stop in ".!?…"),
)
#: a bracketed credit closing a line, with its label ("File:", "Source:")
_BRACKETED_CREDIT = re.compile(r"[(\[]\s*(?:(?P<label>[^\W\d_]+)\s*:\s*)?(?P<credit>[^()\[\]:]+?)\s*[)\]]$")
#: what stands after a line's last sentence (an initial's stop is not a sentence's: the stop
#: follows two letters; the stop is matched before the letters are looked behind from it,
#: as in _SENTENCE_BREAK)
_AFTER_LAST_SENTENCE = re.compile(r"(?P<stop>[.!?…])(?<=[^\W\d_]{2}[.!?…])[\"'»”’]*\s*(?P<credit>[^.!?…]+)$")
#: what a line ends with when its credit is bracketed (_BRACKETED_CREDIT)
_BRACKET_ENDS = (")", "]")


@dataclass(frozen=True)
class _CreditSigns:
    """The patterns of the credits that say so, built from the words of a document's
    languages (:func:`_credit_signs`)."""

    #: the signs normalised, as an ellipsis glues them to the owner ("credit…")
    glued: tuple[str, ...]
    #: a credit that says so after the caption's sentence: an owner named in capitals after
    #: a sign ("… Las Croabas. By U.S. CUSTOMS"), or a sign glued to its owner by an ellipsis
    #: ("… win.Credit...Doug Mills/The Times")
    after_sentence: re.Pattern[str]
    #: what a line holds when its credit says so after a sentence: the signs as they open one
    opening: tuple[str, ...]
    #: the parts of a credit naming several owners ("NASA/JPL-Caltech/ASU", "SpaceX via Nasa")
    parts: re.Pattern[str]


@lru_cache(maxsize=64)
def _credit_signs(signs: frozenset[str], joiners: frozenset[str]) -> _CreditSigns:
    """The credit patterns for the ``credit_signs`` and ``credit_joiners`` word classes (as
    written), built once per set of languages."""
    # a sign opens the credit after a sentence, capitalised; the longest is tried first
    opening = tuple(sorted((sign[:1].upper() + sign[1:] for sign in signs), key=len, reverse=True))
    either = "|".join(map(re.escape, opening))
    joined = "".join(r"|\s+" + re.escape(joiner) + r"\s+" for joiner in sorted(joiners))
    return _CreditSigns(
        glued=tuple(sorted(map(normalize, signs))),
        after_sentence=re.compile(
            r"(?P<stop>[.!?…])(?<=[^\W\d_]{2}[.!?…])[\"'»”’]*\s*"
            rf"(?P<credit>(?:{either})\s+[A-Z][A-Z.&'\- ]*[A-Z.]|(?:{either})(?:\.\.\.|…)\s*[^\W\d_].*)$"
            if opening else r"(?!)"),
        opening=opening,
        parts=re.compile(r"\s*/\s*" + joined),
    )


def _credit_signs_of(doc: Document) -> _CreditSigns:
    """The credit patterns for the languages of ``doc``."""
    return _credit_signs(word_class(doc, "credit_signs", written=True), word_class(doc, "credit_joiners", written=True))


@register_stage
class CaptionStage(LexiconStage):
    name = "caption"
    categories = ("caption",)

    @dataclass(frozen=True)
    class Options(LexiconStage.Options):
        #: longest caption line taken before a credit (headlines are usually longer)
        max_caption_words: Count = 6
        #: longest headline stepped over between a caption and its credit
        max_title_words: Count = 25
        #: longest credit closing a caption paragraph ("(Foto: dpa/Bernd Weissbrod)")
        max_credit_words: Count = 6
        #: longest text before a closing credit for the line to be a caption, not a paragraph
        max_credited_caption_words: Count = 25
        #: most sentences before a closing credit for the line to be a caption
        max_credited_caption_sentences: Count = 2
        #: longest text before a closing credit that says it is one ("Credit: ESA") for the
        #: line to be a caption: diagrams and AP photos are explained at paragraph length
        max_labelled_caption_words: Count = 100
        #: longest credit so labelled ("(Photos by Richard Shotwell, left, and Mark Von Holden/Invision/AP)")
        max_labelled_credit_words: Count = 12

    options: CaptionStage.Options

    def judge(self, line: Line, normalized: str, hits: list[Hit]) -> Verdict | None:
        # a hit closes the line when at most max_credit_words words follow its start: when it
        # starts past the word before the last ones (found once: counting each hit's own
        # rest made a long line with many hits cost its length times its hits)
        last_words = normalized.rsplit(None, self.options.max_credit_words)
        closing_from = len(last_words[0]) if len(last_words) > self.options.max_credit_words else 0
        closing = [h for h in hits if h.kind == "contains" and h.start >= closing_from]
        if closing:
            if not self.caption_sized(normalized[:min(h.start for h in closing)]):
                # a paragraph that ends with a credit: the credit proves nothing about it
                body_hits = [h for h in hits if h not in closing]
                return super().judge(line, normalized, body_hits) if body_hits else None
        verdict = super().judge(line, normalized, hits)
        if verdict is not None and verdict.strong:
            return verdict
        marked = next((h for h in closing if any(c in h.phrase for c in _CREDIT_MARKS)), None)
        if marked is not None:
            return Verdict(True, f"line ends with the {marked.lang} credit phrase {marked.phrase!r}")
        return verdict

    def caption_sized(self, body: str) -> bool:
        """Is the text before a closing credit a caption's (at most a few words in at most
        two sentences), not a paragraph's?"""
        return len(body.split()) <= self.options.max_credited_caption_words \
            and len(_SENTENCE_BREAK.findall(body)) < self.options.max_credited_caption_sentences

    def apply_structure(self, doc: Document, removed: list[int]) -> list[int]:
        # the captions with a name for credit are taken after the captions above credits:
        # their line above is the article's, not a caption's
        taken = self.remove_captions_above(doc, removed) if removed else []
        taken.extend(self.remove_credited_captions(doc))
        taken.extend(self.remove_labelled_captions(doc))
        return taken

    def remove_labelled_captions(self, doc: Document) -> list[int]:
        """Lines too long for a caption by their words that a labelled credit closes ("…
        under the CLPS program. Credit: SpaceX", "… (Image credit: TNG Collaboration)"): a
        paragraph does not end by saying who took its picture.  Only lines with a caption
        phrase are read (the label, or the credit's "/AP", is one)."""
        by_line = category_hits(doc, self.category)
        if not by_line:
            return []
        labels = word_class(doc, "credit_labels")
        norms = normalized_lines(doc)
        taken: list[int] = []
        for index in by_line:
            line = doc.lines[index]
            if line.removed:
                continue
            credit = self.labelled_credit(line.text.strip(), labels)
            if credit is not None and 0 < word_count(norms[index]) - len(credit.split()) \
                    <= self.options.max_labelled_caption_words:
                self.remove_line(doc, line, f"caption closed by the labelled credit {credit!r}")
                taken.append(index)
        return taken

    def labelled_credit(self, text: str, labels: frozenset[str]) -> str | None:
        """The credit closing ``text`` in brackets or after its last sentence, if it opens
        with a label of ``labels`` ("Credit:", "Photos by"; a one-word label with its colon)."""
        if text.endswith(_BRACKET_ENDS):
            start = max(text.rfind("("), text.rfind("["))
            # after the caption's last sentence: inside one ("… den neuen Park (Foto: Stadt)")
            # it is the paragraph's reference to its picture
            credit = text[start + 1:-1] if start > 0 and is_sentence(text[:start]) else ""
        else:
            match = _AFTER_LAST_SENTENCE.search(text)
            credit = match["credit"] if match is not None else ""
        if not credit or len(credit.split()) > self.options.max_labelled_credit_words:
            return None
        label, colon, named = normalize(credit).partition(":")
        if colon:
            return credit if label.strip() in labels and named.strip() else None
        # "Photos by …", "Image courtesy of …": a label of two words or three before the name;
        # the agencies' own label is joined to it by a slash ("AP Photo/Ted S. Warren")
        words = label.replace("/", " ").split()
        return credit if any(" ".join(words[:n]) in labels for n in (2, 3) if len(words) > n) else None

    def remove_credited_captions(self, doc: Document) -> list[int]:
        """Caption lines whose credit is a name without a phrase (module docstring)."""
        names = word_class(doc, "credit_names")
        name_ends = _last_words(names)
        signs = _credit_signs_of(doc)
        norms = normalized_lines(doc)
        taken: list[int] = []
        found = (lines_matching(doc, pattern, (opening,)) for pattern, opening in _MAY_END_WITH_CREDIT)
        # (the glued signs are found from the ellipses, which few lines hold: a pattern for
        # each sign, "by" in almost every text, made the stage ~10 % slower)
        glued = lines_glued(doc, signs.glued, ELLIPSES)
        for index in sorted(set(glued).union(*found)):
            line = doc.lines[index]
            if line.removed:
                continue
            text = line.text.strip()
            # most lines found are paragraphs whose last sentence is short: a credit after the
            # last sentence is a name, so the normalised line ends with the name's last word
            # (glued to the stop or not: "dusk.reuters"), and any other credit needs a bracket
            # closing the line, or a sign ("By", "Credit") (a set lookup and a few string tests
            # instead of three pattern searches a line; a bracket inside a paragraph is no credit's)
            if _end_word(norms[index]) not in name_ends and not text.endswith(_BRACKET_ENDS) \
                    and not any(map(text.__contains__, signs.opening)):
                continue
            credit = self.credit_without_phrase(text, names, signs)
            if credit is not None:
                self.remove_line(doc, line, f"caption closed by the credit {credit!r}")
                taken.append(index)
        return taken

    def credit_without_phrase(self, text: str, names: frozenset[str], signs: _CreditSigns) -> str | None:
        """The credit that closes caption-sized ``text`` by its place, if any."""
        bracketed = _BRACKETED_CREDIT.search(text)
        if bracketed is not None:
            body = text[:bracketed.start()]
            credit = bracketed["credit"]
            parts = signs.parts.split(credit)
            after_sentence = is_sentence(body)
            named = any(normalize(part) in names for part in parts)
            # names of anyone joined by a bare "/" after a caption's sentence: "(NASA/JPL-Caltech/ASU)";
            # a spaced one joins the buttons of a form ("… your Google account. ( Log Out / Change )")
            slashed = after_sentence and "/" in credit and " /" not in credit and "/ " not in credit \
                and all(part[:1].isupper() for part in parts)
            if (named and (after_sentence or bracketed["label"] or len(parts) > 1) or slashed) \
                    and len(credit.split()) <= self.options.max_credit_words:
                normalized_body = normalize(body)
                return bracketed[0] if normalized_body and self.caption_sized(normalized_body) else None
        for pattern in (_AFTER_LAST_SENTENCE, signs.after_sentence):
            match = pattern.search(text)
            if match is None or len(match["credit"].split()) > self.options.max_credit_words + 1:
                continue
            if pattern is _AFTER_LAST_SENTENCE and normalize(match["credit"]) not in names:
                continue
            body = normalize(text[:match.end("stop")])
            if body and self.caption_sized(body):
                return match["credit"]
        return None

    def remove_captions_above(self, doc: Document, removed: list[int]) -> list[int]:
        """The caption line above each credit line in ``removed`` (past one title line
        between them), or the credit's text after a bare credit label; their indices."""
        norms = normalized_lines(doc)
        hits = hits_by_line(doc)
        taken: list[int] = []
        for credit in sorted(removed):
            if self.heading_hit(category_hits(doc, self.category).get(credit, []), norms[credit]):
                # a bare "Фото:" / "Photo:" label: the credit's text is the next line, and
                # the line above is whatever the picture illustrates (often a heading)
                taken.extend(self.remove_credit_text_after(doc, credit, norms))
                continue
            candidate = previous_content_line(doc, credit)
            stepped_over: Line | None = None
            if candidate is not None and not candidate.removed and not self.is_caption(candidate, norms, hits) \
                    and is_title_like(candidate.text, norms[candidate.index], max_words=self.options.max_title_words):
                stepped_over, candidate = candidate, previous_content_line(doc, candidate.index)
            if candidate is None or candidate.removed or not self.is_caption(candidate, norms, hits):
                continue
            reason = f"short caption line before the credit line {credit + 1}"
            if stepped_over is not None:
                reason += f" and the title line {stepped_over.index + 1}"
            self.remove_line(doc, candidate, reason)
            taken.append(candidate.index)
        return taken

    def remove_credit_text_after(self, doc: Document, label: int, norms: list[str]) -> list[int]:
        following = next_content_line(doc, label)
        if following is None or following.removed or is_sentence(following.text) \
                or not 1 <= word_count(norms[following.index]) <= self.options.max_credit_words:
            return []
        self.remove_line(doc, following, f"credit text after the bare credit label on line {label + 1}")
        return [following.index]

    def is_caption(self, line: Line, norms: list[str], hits: dict[int, list[Hit]]) -> bool:
        words = word_count(norms[line.index])
        return (1 <= words <= self.options.max_caption_words and not is_sentence(line.text)
                and not has_boilerplate_hits(hits.get(line.index, ())))


#: sentence stops, as spaces: a word after a stop is the last word, glued to it or not
_STOPS_AS_SPACES = str.maketrans(".!?…", "    ")


def _end_word(normalized: str) -> str:
    """The last word of a normalised text, past its last stop and without edge characters
    before it (what a credit after the last sentence ends with, as the whole line's)."""
    return normalized.rpartition(" ")[2].translate(_STOPS_AS_SPACES).rpartition(" ")[2].lstrip(EDGE_CHARS)


@lru_cache(maxsize=64)
def _last_words(names: frozenset[str]) -> frozenset[str]:
    """:func:`_end_word` of each name."""
    return frozenset(map(_end_word, names))
