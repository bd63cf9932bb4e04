"""Shared harness of the lexicon-stage tests: run one stage on a small document made of a
prose paragraph, the line under test, and another prose paragraph, in a given language."""

from __future__ import annotations

from cleanscrape import Cleaner, Result

#: one ordinary article sentence per language, the context every case sits in
PROSE = {
    "en": "The council approved the new budget on Tuesday after a long debate about schools, roads and the "
          "future of the city's public transport network.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les écoles, les routes "
          "et l'avenir du réseau de transports publics de la ville.",
    "de": "Der Stadtrat hat am Dienstag nach einer langen Debatte über Schulen, Straßen und die Zukunft des "
          "öffentlichen Nahverkehrs den neuen Haushalt beschlossen.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre las escuelas, las "
          "carreteras y el futuro del transporte público de la ciudad.",
    "it": "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito sulle scuole, "
          "sulle strade e sul futuro del trasporto pubblico della città.",
    "pt": "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate sobre as escolas, "
          "as estradas e o futuro dos transportes públicos da cidade.",
    "nl": "De gemeenteraad heeft dinsdag na een lang debat over scholen, wegen en de toekomst van het openbaar "
          "vervoer in de stad de nieuwe begroting goedgekeurd.",
    "pl": "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie o szkołach, drogach i przyszłości "
          "transportu publicznego w mieście.",
    "ru": "Городской совет во вторник после долгих дебатов о школах, дорогах и будущем общественного транспорта "
          "города утвердил новый бюджет.",
    "cs": "Městská rada v úterý po dlouhé debatě o školách, silnicích a budoucnosti veřejné dopravy ve městě "
          "schválila nový rozpočet.",
    "ro": "Consiliul local a aprobat marți noul buget după o lungă dezbatere despre școli, drumuri și viitorul "
          "transportului public din oraș.",
    "tr": "Belediye meclisi salı günü okullar, yollar ve şehrin toplu taşıma ağının geleceği hakkında uzun bir "
          "tartışmanın ardından yeni bütçeyi onayladı.",
}


def run_stage(stage: str, lang: str, lines: list[str]) -> Result:
    """Clean PROSE, ``lines``, PROSE with ``stage`` alone (language given)."""
    text = "\n".join([PROSE[lang], *lines, PROSE[lang]])
    return Cleaner(stages=[stage]).clean(text, lang=lang)


def removed_texts(result: Result, category: str) -> list[str]:
    """Removed line texts of ``category``, stripped, in order."""
    return [r.text.strip() for r in result.removed if r.category == category and r.text.strip()]


def assert_removed(stage: str, lang: str, lines: list[str], expected: list[str]) -> None:
    result = run_stage(stage, lang, lines)
    got = removed_texts(result, stage)
    assert got == [e.strip() for e in expected], [r.reason for r in result.removed]
    assert all(r.reason for r in result.removed)
    assert PROSE[lang] in result.text


def assert_kept(stage: str, lang: str, lines: list[str]) -> None:
    result = run_stage(stage, lang, lines)
    assert [r.text.strip() for r in result.removed if r.text.strip()] == [], [r.reason for r in result.removed]
