"""main_content: structural main-text decision (menus, listings, region, title)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from lexicon_cases import PROSE

from cleanscrape import Cleaner
from cleanscrape.document import Document
from cleanscrape.lexicon import load_lexicon
from cleanscrape.stages.main_content import MainContentStage

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the night bus network to the northern "
    "suburbs, after a year in which ridership on the existing lines grew by a third and "
    "residents complained that the last trains left them with no way home.",
    "Under the plan, four new routes will run every thirty minutes between midnight and "
    "five in the morning, and the fares will be the same as during the day, which the "
    "transport authority says will cost about two million a year.",
    "Opponents argued that the money would be better spent on the ageing tram fleet, but "
    "the motion passed with a clear majority and the first buses are expected to run in "
    "the spring, once drivers have been hired and trained for the new shifts.",
]
TITLE = "Night buses to reach the northern suburbs"
MENU = ["Home", "News", "Politics", "Sport", "Culture", "Contact"]
SUBHEADING = "What happens next"


def run(text: str, lang: str | None = "en"):
    return Cleaner(stages=["main_content"]).clean(text, lang=lang)


def removed_lines(result) -> dict[int, str]:
    return {r.line + 1: r.reason for r in result.removed}


def article(*parts: str) -> str:
    return "\n\n".join(parts)


def test_menu_before_the_article_goes_title_and_subheading_stay():
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], SUBHEADING, PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    gone = removed_lines(result)
    assert sorted(gone) == list(range(1, len(MENU) + 1))
    assert all(reason.startswith("menu run of") for reason in gone.values())
    assert all(r.category == "navigation" for r in result.removed)
    for kept in (TITLE, SUBHEADING, *PARAGRAPHS):
        assert kept in result.text


def test_reason_names_the_main_text_span():
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS)
    (reason, *_) = removed_lines(run(text)).values()
    assert reason.endswith("outside the main text (lines 8-12)")


def test_comment_thread_after_the_article_goes():
    comments = []
    for name, minute, body in [
        ("joe", 12, "Finally, I have been waiting for this for years."),
        ("anna_k", 25, "Who is going to pay for the drivers though?"),
        ("mike77", 41, "Great news for everyone working late shifts in the city."),
    ]:
        comments += [f"{name} says:", f"November 19, 2019 at 6:{minute} am", body]
    text = article(*PARAGRAPHS) + "\n\n" + "\n".join(comments)
    result = run(text)
    assert result.text.rstrip() == article(*PARAGRAPHS)
    assert any("record header" in r.reason for r in result.removed)


def test_glued_button_row_goes():
    text = article(*PARAGRAPHS) + "\n\nTout AccepterTout refuserParamétrer vos choix"
    result = run(text)
    assert "glued button row" in removed_lines(result)[7]
    assert result.text.rstrip() == article(*PARAGRAPHS)


def test_prose_without_boilerplate_evidence_is_unchanged():
    text = article(*PARAGRAPHS) + "\nWhy now?\n" + "Statistics 2019: 4,512 km; 88 routes; 1,204 stops; 17 depots; 9 zones; 3 operators."
    assert run(text).text == text


def test_short_prose_with_a_question_is_unchanged():
    text = "Il pleut depuis ce matin.\nOù est passé le chat ?\nIl dort sous le lit, comme toujours."
    assert run(text, lang="fr").text == text


def test_unknown_language_falls_back_to_structure():
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS)
    result = run(text, lang="xx")
    assert sorted(removed_lines(result)) == list(range(1, len(MENU) + 1))
    assert all(p in result.text for p in PARAGRAPHS)


def test_lines_removed_earlier_are_not_reported_twice():
    doc = Document("\n".join(MENU) + "\n\n" + article(*PARAGRAPHS), lang="en")
    doc.remove_line(0, stage="navigation", category="navigation", reason="lexicon")
    MainContentStage().process(doc)
    first = doc.removal_of(0)
    assert first is not None and first.stage == "navigation"
    assert {r.stage for r in doc.removals if r.line > 0} == {"main_content"}


@pytest.mark.parametrize("headlines", [
    ["Mayor Promises New Parks For Every District",
     "Local Bakery Wins National Bread Award",
     "Storm Warning Issued For The Weekend"],
    ["Prince Andrew: BT and three universities abandon ties with duke after TV interview",
     "Babies and mothers died in what may be worst ever maternity scandal, report finds",
     "Lottery: UK ticket holder wins the record jackpot prize"],
], ids=["title-case", "sentence-case"])
def test_headline_list_stacked_after_the_article_goes(headlines):
    text = article(*PARAGRAPHS) + "\n\n" + "\n".join(headlines)
    result = run(text)
    assert result.text.rstrip() == article(*PARAGRAPHS)


def test_lines_of_a_poem_inside_the_article_stay():
    # stacked, sentence-less lines between paragraphs are a list or verse of the article
    verse = ["The night bus hums along the empty road", "past shuttered shops and sleeping trams",
             "and carries the last of us back home"]
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], "\n".join(verse), PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    for kept in (*verse, *PARAGRAPHS):
        assert kept in result.text


def test_a_comments_signpost_removed_earlier_ends_the_article():
    comment = "I have been waiting for this for years and I am so glad that the council finally listened to us."
    doc = Document(article(*PARAGRAPHS) + "\n\nComments\n" + comment, lang="en")
    signpost = len(PARAGRAPHS) * 2
    doc.remove_line(signpost, stage="comments", category="comments", reason="lexicon")
    MainContentStage().process(doc)
    assert doc.output_text().rstrip() == article(*PARAGRAPHS)
    assert "outside the main text" in doc.removal_of(signpost + 1).reason
    # the same signpost as an unremarkable removed line costs too little to stop the region
    # (the comment stands alone like the paragraphs: laid out in the signpost's block, it
    # would not count toward the region at all)
    doc = Document(article(*PARAGRAPHS) + "\n\nComments\n\n" + comment, lang="en")
    doc.remove_line(signpost, stage="navigation", category="navigation", reason="lexicon")
    MainContentStage().process(doc)
    assert comment in doc.output_text()


def test_a_comment_thread_longer_than_the_article_is_not_the_article():
    # a one-paragraph post, then a comments signpost and a thread worth far more text
    thread = []
    for name, day in [("Milan", 12), ("Catherine", 13), ("Alex", 17), ("Gary", 17)]:
        thread += [f"{name} on September {day}, 2018 at 4:47 pm said:", "", PARAGRAPHS[1] + " " + PARAGRAPHS[2], ""]
    doc = Document(article(TITLE, PARAGRAPHS[0], "Comments", *thread), lang="en")
    signpost = 4
    doc.remove_line(signpost, stage="comments", category="comments", reason="lexicon")
    MainContentStage().process(doc)
    assert doc.output_text().rstrip() == article(TITLE, PARAGRAPHS[0])


def test_without_any_prose_nothing_is_removed():
    # a lone short line left after an earlier stage removed the rest: no region, no verdict
    doc = Document("Ceci est une légende ©\n\n\"Et ça ?\"", lang="fr")
    doc.remove_line(0, stage="caption", category="caption", reason="test")
    MainContentStage().process(doc)
    assert [r.stage for r in doc.removals] == ["caption"]


def test_short_sentences_at_the_edges_of_the_article_stay():
    text = "\n".join(MENU) + "\n\nWhy now?\n" + article(*PARAGRAPHS) + "\nHe declined to comment."
    result = run(text)
    assert result.text.lstrip().startswith("Why now?\n")
    assert result.text.endswith("He declined to comment.")


def test_a_sentence_of_names_and_figures_at_the_edge_of_the_article_stays():
    # too few stopwords to count as prose alone, but it ends like a sentence right
    # under the article's last paragraph: nothing separates it from the article
    results = "Final standings: Arsenal 3 (Saka 12', Havertz 40'), Chelsea 1 (Palmer 77'), Fulham 2, Everton 0."
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, results) + "\n\n" + "\n".join(MENU)
    result = run(text)
    assert results in result.text
    assert all(kept in result.text for kept in PARAGRAPHS)


INGREDIENTS = ["1 kg beef liver", "3 large onions", "2 apples", "400 ml beef stock", "250 ml red wine",
               "4 tbsp olive oil", "40 g butter", "Pepper", "Salt", "2 tsp instant stock", "Gravy thickener",
               "Fresh parsley"]


def test_a_short_introduction_above_a_long_ingredient_list_stays():
    intro = ["It is properly wintry outside for the first time in years, and the garden is white again.",
             "So we are cooking something hearty today: it is quick to make and it tastes even better the day after."]
    method = ["Trim the liver with a sharp knife and cut it into bite-sized pieces before you start.",
              "Fry the pieces in the olive oil over a high heat until they are well browned on every side.",
              PARAGRAPHS[0], PARAGRAPHS[1]]
    text = "\n".join(MENU) + "\n\n" + article(*intro) + "\n\n" + "\n".join(INGREDIENTS) + "\n\n" + article(*method)
    result = run(text)
    for kept in (*intro, *INGREDIENTS, *method):
        assert kept in result.text


def test_a_list_under_its_own_heading_with_a_colon_stays():
    items = ["Ingredients:", "1 kg beef liver", "3 large onions", "2 apples", "Salt and pepper"]
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], "\n".join(items), "Serves four.", PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    for kept in (*items, PARAGRAPHS[0], PARAGRAPHS[1]):
        assert kept in result.text


def test_list_items_ending_alike_are_not_record_headers():
    venues = ["Amalie", "State Farm", "PNC", "PPL", "TD Garden", "Xcel", "Ball", "Moda"]
    dates = [f"June {day} – {venue} Center" for day, venue in enumerate(venues, start=9)]
    doc = Document(article(PARAGRAPHS[0], "\n".join(dates), PARAGRAPHS[1]), lang="en")
    MainContentStage().process(doc)
    assert not any("record header" in r.reason for r in doc.removals)


def test_subheadings_ending_alike_inside_the_article_stay():
    # they share the article's topic word, like record headers share "says:"; without a
    # date or count they are the article's headings, not a listing's
    headings = ["Where the night buses run", "Who pays for the night buses",
                "When to expect the night buses", "Driver hired for the new buses"]
    parts = [PARAGRAPHS[0]]
    for heading, paragraph in zip(headings, [*PARAGRAPHS, PARAGRAPHS[0]]):
        parts += [heading, paragraph]
    result = run("\n".join(MENU) + "\n\n" + article(*parts))
    assert all(heading in result.text for heading in headings[:3])
    # comment headers with a date are a listing's, inside the region or not
    comments = [f"{name} on May {day}, 2019 at 6:44 am" for name, day in (("joe", 2), ("ann", 3), ("bo", 4))]
    parts = [PARAGRAPHS[0]]
    for header, paragraph in zip(comments, PARAGRAPHS):
        parts += [header, paragraph]
    result = run("\n".join(MENU) + "\n\n" + article(*parts))
    assert not any(header in result.text for header in comments)


def test_a_camel_cased_name_inside_the_article_stays():
    product = "Apple AirPods with wireless charging case"
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], product, PARAGRAPHS[1], PARAGRAPHS[2])
    assert product in run(text).text
    assert "Tout AccepterTout refuser" not in run("Tout AccepterTout refuser\n\n" + text).text


def test_a_table_inside_the_article_stays_with_its_header_row():
    table = ["The new lines", "Night line\tRuns\tStops\tDrivers",
             "N1\t4 a night\t31\t12 drivers, 2 of them new. Fares as by day.",
             "N2\t3 a night\t27\t9 drivers, 1 of them new. Fares as by day.",
             "N3\t3 a night\t22\t8 drivers, none new. Fares as by day."]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], "\n".join(table), PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    assert all(row in result.text for row in table)


def test_a_line_short_of_stopwords_inside_the_article_stays():
    results = "Results: Nadal bt Khachanov 6-3, 7-6 (7); Rublev bt Bautista Agut 3-6, 6-3, 7-6 (0); Lopez/Granollers bt Khachanov/Rublev 6-4, 7-6 (5)."
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], results, PARAGRAPHS[1])
    result = run(text)
    assert results in result.text


def test_recurring_photo_credits_do_not_split_the_article():
    credits = [f"Picture {n} of the new buses (Image: GETTY)" for n in (1, 2, 3)]
    parts = [PARAGRAPHS[0], credits[0], PARAGRAPHS[1], credits[1], PARAGRAPHS[2], credits[2], PARAGRAPHS[0][:150] + "."]
    doc = Document("\n".join(MENU) + "\n\n" + article(*parts), lang="en")
    for line in doc.lines:
        if line.text in credits:
            doc.remove_line(line.index, stage="caption", category="caption", reason="credit")
    MainContentStage().process(doc)
    assert not any("record header" in r.reason for r in doc.removals)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.output_text()


def test_long_widget_inside_the_article_does_not_cut_it():
    # 40 job-ad labels cost far more than the paragraphs on either side are worth one by
    # one; as one widget their cost is capped, so the article stays whole
    widget = [f"Engineer {n} (m/w/d) Zum Job" for n in range(40)]
    closing = [
        "The transport authority will publish the timetables in January, and residents "
        "can comment on the proposed stops until the end of the month at the town hall, "
        "where the plans will be on display every weekday from nine in the morning.",
        "Drivers' unions have welcomed the plan but asked for a second crew on the two "
        "longest routes, saying that a single driver on a night shift of eight hours is "
        "a risk for the passengers as well as for the drivers themselves.",
        "The council will review the network after its first year, and the mayor said that "
        "routes carrying fewer than twenty passengers a night would be merged or replaced "
        "by on-demand minibuses that residents can book from their phones.",
    ]
    text = "\n".join(MENU) + "\n\n" + article(
        TITLE, *PARAGRAPHS, "\n".join(widget), *closing)
    result = run(text)
    for kept in (*PARAGRAPHS, *closing):
        assert kept in result.text
    assert widget[0] not in result.text


def test_the_first_paragraph_above_a_related_box_stays():
    related = ["Related articles", "Night trams return to the old town",
               "Bus drivers vote on new contract"]
    lead = PARAGRAPHS[0] + " The vote followed a long debate in which every party spoke."
    body = [*PARAGRAPHS, *PARAGRAPHS[1:]]  # worth more than twice the lead
    text = "\n".join(MENU) + "\n\n" + article(lead, "\n".join(related), *body)
    result = Cleaner(stages=["related", "main_content"]).clean(text, lang="en")
    assert lead in result.text and all(paragraph in result.text for paragraph in body)
    assert not any(line in result.text for line in related)


def assert_text_below_a_related_box_stays(rest: list[str]) -> None:
    """The story's paragraphs above a box of other stories set into it (worth more than
    ``rest``, which the box cuts off), the box, ``rest`` and a menu: all the story stays,
    the box goes."""
    related = ["Related", "Night trams return to the old town", "Bus drivers vote on new contract"]
    head = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    text = "\n".join(MENU) + "\n\n" + article(*head, "\n".join(related), *rest, "\n".join(MENU))
    result = Cleaner(stages=["related", "main_content"]).clean(text, lang="en")
    assert all(paragraph in result.text for paragraph in head + rest)
    assert not any(line in result.text for line in related)


def test_the_paragraphs_below_a_related_box_in_the_middle_of_the_story_stay():
    assert_text_below_a_related_box_stays(
        [PARAGRAPHS[2] + " Residents can still comment on the timetable until the end of the month."])


def test_shorter_paragraphs_below_a_related_box_stay_when_they_add_up_to_one():
    # each paragraph after the box is shorter than a "good" line, but they stand alone in
    # their blocks as the article's paragraphs do, and together are worth a paragraph
    assert_text_below_a_related_box_stays(
        ["The drivers' union said it would support the plan if the new shifts are paid as night work.",
         "A spokesman for the mayor said talks with the union would begin next week.",
         "The first routes are due to open in March, the others by the end of the summer."])


CLOSING = ("Challenges include running the night buses largely on their own while the drivers, "
           "hired in advance, learn the new routes through much of the winter.")


def closing_below(box: list[str]):
    """The story, ``box`` set into it, its closing paragraph (shorter than a good line, all
    the text adds before the page's menu) and a menu, through the related stage."""
    head = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    text = "\n".join(MENU) + "\n\n" + article(*head, "\n".join(box), CLOSING, "\n".join(MENU))
    result = Cleaner(stages=["related", "main_content"]).clean(text, lang="en")
    assert all(paragraph in result.text for paragraph in head)
    assert not any(line in result.text for line in box)
    return result


def test_the_closing_paragraph_below_a_box_of_links_stays():
    # a one-link box ("Related Links" and a site's name) above the story's last paragraph:
    # the paragraph is all the text adds there, short of a good line's worth
    assert CLOSING in closing_below(["Related Links", "Transport authority website"]).text


def test_a_summary_below_a_dated_teaser_card_stays_out():
    # the box ends with a teaser card's byline and date: the sentence under it is the
    # card's summary, not the story's closing paragraph
    assert CLOSING not in closing_below(["Related", "Night trams return to the old town",
                                         "Jane Porter, 18 September 2019"]).text


@pytest.mark.parametrize("header", ["Jane Porter, Ende März", "Jänner-Rückblick von Jane Porter"])
def test_a_teaser_header_naming_a_month_with_an_accent_is_dated(header):
    # the date words are normalised ("marz"): the header's words are looked up so too
    doc = Document(header, lang="de")
    line = SimpleNamespace(index=0, text=header, removed_as="related")
    assert not MainContentStage._undated_link(line, doc)


def test_the_story_below_a_box_broken_by_a_caption_stays():
    # "Read more: …", the picture's caption, then "Related articles" and two headlines: one
    # box, however its lines are split; so is "Don't miss" with the headlines the lexicons
    # leave for labels, and the caption under them
    assert_text_below_a_box_stays([
        "READ MORE: Night trams return to the old town", "A night bus in the northern suburbs (Image: GETTY)",
        "Related articles", "Bus drivers vote on new contract", "Mayor opens talks with the drivers' union"])
    assert_text_below_a_box_stays([
        "DON'T MISS", "Night trams return to the old town [NEWS]", "Bus drivers vote on new contract [INSIGHT]",
        "Mayor opens talks with the drivers' union [LATEST]", "A night bus in the northern suburbs (Image: GETTY)"])


def assert_text_below_a_box_stays(box: list[str]) -> None:
    """The story's paragraphs around ``box``, the story before it worth more than what
    follows: all the story stays, the box goes."""
    head = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    rest = [PARAGRAPHS[2] + " Residents can still comment on the timetable until the end of the month.",
            PARAGRAPHS[1]]
    text = "\n".join(MENU) + "\n\n" + article(*head, "\n".join(box), *rest, "\n".join(MENU))
    result = Cleaner(stages=["caption", "related", "newsletter", "main_content"]).clean(text, lang="en")
    assert all(paragraph in result.text for paragraph in head + rest)
    assert not any(line in result.text for line in box)


def test_a_teaser_card_under_a_caption_below_a_box_stays_out():
    # the box, a caption, then another story's card (its headline a label, its summary
    # standing alone) and the site's blurb: the card begins under the caption, the box
    # ends above it
    box = ["Sign up to our newsletter", "A night bus in the northern suburbs (Image: GETTY)", "Night trams return"]
    card = ("The old town's trams will run all night from March, the operator said on Friday, after a "
            "trial in the summer in which the night trams carried twice the riders it had expected.")
    blurb = ("Here everything turns around the city: its streets, its people and the ways they get "
             "around it, by day and by night, whatever the weather and whatever the fare.")
    head = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    text = "\n".join(MENU) + "\n\n" + article(*head, "\n".join(box), card, "About us\nOur team", blurb,
                                               "\n".join(MENU))
    result = Cleaner(stages=["caption", "related", "newsletter", "main_content"]).clean(text, lang="en")
    assert all(paragraph in result.text for paragraph in head)
    assert card not in result.text and blurb not in result.text


def test_teaser_summaries_below_a_related_box_go():
    # the same sentences, each under its headline in the box's block: other stories'
    # teasers (the article's lines without blank lines between them, as some scrapes
    # print paragraphs: the teasers' layout is the article's)
    teasers = ["Top stories", "Night trams return to the old town",
               "The drivers' union said it would support the plan if the new shifts are paid as night work.",
               "Mayor opens talks with the union",
               "A spokesman for the mayor said talks with the union would begin next week.",
               "Routes to open in March",
               "The first routes are due to open in March, the others by the end of the summer."]
    head = [*PARAGRAPHS, *PARAGRAPHS[:2]]
    text = "\n".join(MENU) + "\n\n" + article("\n".join(head), "\n".join(teasers), "\n".join(MENU))
    result = Cleaner(stages=["related", "main_content"]).clean(text, lang="en")
    assert all(paragraph in result.text for paragraph in head)
    assert not any(line in result.text for line in teasers)


def test_standfirst_under_a_two_word_headline_stays_above_its_dateline():
    standfirst = "The council wants the night buses to reach every suburb by spring, and the drivers agree."
    text = "\n".join([*MENU, "Night buses", standfirst, "Jane Porter, 18 September 2019"]) + "\n\n" + article(*PARAGRAPHS, *PARAGRAPHS[:2])
    result = Cleaner(stages=["metadata", "main_content"]).clean(text, lang="en")
    assert standfirst in result.text
    assert "18 September 2019" not in result.text


def test_standfirst_under_the_headline_stays_across_the_byline_box():
    # headline, standfirst, then an author box and a subscription offer (a long menu run)
    # before the body: the standfirst is the article's first sentence, not a teaser
    standfirst = "Four new routes will run every thirty minutes from midnight, at daytime fares."
    author_box = ["By Jane Doe", "Transport reporter", "Follow Jane", "Write to Jane",
                  "Subscribe for 1 EUR", "Cancel anytime", "All articles", "Digital edition"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, standfirst, "\n".join(author_box), *PARAGRAPHS)
    result = run(text)
    assert standfirst in result.text
    assert TITLE in result.text
    assert all(line not in result.text for line in author_box)


def test_list_announced_by_a_colon_at_the_end_of_the_article_stays():
    # the list ends the article, so no paragraph below tells it from a menu; the
    # colon that announces it does.  The menu above the article still goes.
    intro = "The council listed the four new night routes, which start running in the spring:"
    routes = ["N1 Central Station to North Hill", "N2 Harbour to Lakeside",
              "N3 University to Airport Road", "N4 Old Town to Riverside Park"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, intro, "\n".join(routes))
    result = run(text)
    for kept in (*PARAGRAPHS, intro, *routes):
        assert kept in result.text
    assert MENU[1] not in result.text


def test_short_lead_in_sentence_with_a_colon_announces_the_closing_list():
    # "These are the four new routes:" is too short to be prose on its own and would
    # open the label run; read as a sentence ending with a colon, it announces the list
    lead_in = "These are the four new routes:"
    routes = ["N1 Central Station to North Hill", "N2 Harbour to Lakeside",
              "N3 University to Airport Road", "N4 Old Town to Riverside Park"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, lead_in + "\n" + "\n".join(routes))
    result = run(text)
    for kept in (*PARAGRAPHS, lead_in, *routes):
        assert kept in result.text
    assert MENU[1] not in result.text


FOOTER = ["About us", "Contact", "Tel. 0731 153870", "Privacy policy", "© 2024 City Herald"]


def test_a_list_of_dates_with_places_ending_the_article_stays_without_a_colon():
    # no colon announces the tour's dates, and they are Title-Cased labels like a menu's;
    # each gives a date and a place, which no menu does.  The footer after them goes.
    dates = ["Tour Dates", "June 9 – Tampa, FL @ Harbour Arena", "June 12 – Atlanta, GA @ Lakeside Pavilion",
             "July 2 – Boston, MA @ Riverside Hall", "Aug. 14 – Denver, CO @ Red Hill Theatre"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(dates + FOOTER))
    result = run(text)
    for kept in (*PARAGRAPHS, *dates):
        assert kept in result.text
    assert all(line not in result.text for line in (*FOOTER, MENU[1]))


def test_ingredients_ending_the_article_stay_under_their_headings():
    # the recipe card's own headings stand over the quantities: "8-9 ripe pears", "1 tsp"
    card = ["Spiced Pear Jam", "Ingredients", "8-9 ripe pears, cored and peeled", "1 lemon, or 1/4 cup lemon juice",
            "6 tbsp fruit pectin", "1 tsp cinnamon", "1/2 tsp ground cloves"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(card + FOOTER))
    result = run(text)
    for kept in (*PARAGRAPHS, *card):
        assert kept in result.text
    assert all(line not in result.text for line in FOOTER)


def test_the_method_under_its_heading_follows_the_ingredients():
    # the card's next section: a heading of a few words over sentences, off the article's
    # layout (the steps stand in one block) and worth less than the list cost the region
    card = ["Ingredients", "8-9 ripe pears, cored and peeled", "6 tbsp fruit pectin", "1 tsp cinnamon",
            "Instructions", "Fill the canner with water and set it to simmer.",
            "Cube the pears, add the pectin and the cinnamon and bring them to a boil.",
            "Spoon the jam into the jars and boil them for ten minutes."]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(card + FOOTER))
    result = run(text)
    for kept in card:
        assert kept in result.text
    assert all(line not in result.text for line in FOOTER)


def test_steps_each_announced_by_a_colon_end_the_article():
    # the commands are labels, and no colon closes the last paragraph; the lines that
    # announce them one by one make them the article's.  The tags below go.
    steps = ["Check the current setting", "netsh interface tcp show global",
             "Turn autotuning off:", "netsh interface tcp set global autotuninglevel=disabled",
             "Turn it back on:", "netsh interface tcp set global autotuninglevel=normal"]
    tags = ["Network", "Windows", "Command line"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(steps + tags + FOOTER))
    result = run(text)
    for kept in steps:
        assert kept in result.text
    assert all(line not in result.text for line in (*tags, *FOOTER))


def test_a_form_after_the_article_announces_no_steps():
    form = ["Leave a reply", "Name:", "Email:", "Website:", "Comment:", "Post comment"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(form + FOOTER))
    result = run(text)
    assert all(line not in result.text for line in form)


@pytest.mark.parametrize("widget", [
    # the counts that open headlines are no quantities
    ["More from the Herald", "15 Amazing Images of Stars", "11 Fascinating Facts About the Night Sky",
     "The 10 Biggest Questions About Buses", "7 Ways to Get Home After Midnight"],
    # an archive's months are dates without anything happening
    ["Archive", "June 2024", "May 2024", "April 2024", "March 2024"],
])
def test_headline_counts_and_archive_months_after_the_article_go(widget):
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(widget + FOOTER))
    result = run(text)
    assert all(line not in result.text for line in widget)


def test_list_heading_with_a_colon_is_no_lead_in():
    # "Read next:" heads a list of other stories: a label, not a sentence
    others = ["Bus fares to rise by five percent", "New bridge opening delayed"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "Read next:\n" + "\n".join(others))
    result = run(text)
    assert all(other not in result.text for other in others)


def test_offers_after_the_last_paragraph_go():
    offers = [
        "Need more buses? Subscribe to our sister title for the latest news from the city!",
        "Newsletter",
        "Follow us on Facebook and Instagram for the latest updates.",
    ]
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, *offers)
    result = run(text)
    gone = removed_lines(result)
    assert all(offer not in result.text for offer in offers)
    assert all(PARAGRAPH in result.text for PARAGRAPH in PARAGRAPHS)
    assert any("subscribe to" in reason and "after the article's last paragraph" in reason
               for reason in gone.values())


def test_a_closing_paragraph_naming_one_offer_stays():
    closing = (PARAGRAPHS[2] + " Residents who want to follow the work can subscribe to the council's "
               "minutes, which are published every month on the city's website.")
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], PARAGRAPHS[1], closing)
    assert closing in run(text).text


def test_a_closing_sentence_reporting_an_offer_phrase_stays():
    # the phrase inside the sentence reports; an offer opens its sentence in the imperative
    # and a two-word lead-in that leads into little is the story's own closing line
    for closing in ("About forty thousand residents are expected to sign up for the night pass.",
                    "The council said in its newsletter that the fares would not change.",
                    "Follow the money.", "Don't miss it!"):
        text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, closing)
        assert closing in run(text).text
    offer = "Want the latest? Sign up for our city newsletter."
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, offer)
    assert offer not in run(text).text


def test_contribution_notes_after_the_article_go_a_dated_last_sentence_stays():
    notes = ["Jane Porter contributed reporting from the town hall.",
             "(Reporting by Jane Porter; Editing by Tom Brown)"]
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, *notes)
    result = run(text)
    assert all(note not in result.text for note in notes)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    # a time phrase of the same category dates the story; it marks no note
    dated = "The first drivers were hired two days ago."
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, dated)
    assert dated in run(text).text


def test_what_follows_a_note_on_the_writing_at_the_end_goes():
    # a one-name bio under the note: no byline names it, the note ends the article
    note, bio = "Jane Porter contributed to this report.", "Jane writes about transport for the Courier."
    text = "\n".join(MENU) + "\n\n" + article(*PARAGRAPHS, note, bio)
    result = run(text)
    assert note not in result.text and bio not in result.text
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    assert "after the offer or note on line" in removed_lines(result)[text.split("\n").index(bio) + 1]
    # a paragraph after the note: the note was set into the article, what follows is its
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], PARAGRAPHS[1], note, PARAGRAPHS[2])
    assert all(paragraph in run(text).text for paragraph in PARAGRAPHS)


def test_an_offer_written_to_the_reader_inside_the_article_goes():
    offer = "Get the night bus times every morning. Sign up for our free city newsletter."
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], offer, PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    assert offer not in result.text
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    assert "an offer to the reader, inside the main text" in removed_lines(result)[text.split("\n").index(offer) + 1]


def test_sentences_and_headings_with_offer_words_inside_the_article_stay():
    # two-word lead-ins open the article's own sentences; a heading is an item's name (a
    # deals page); a widget's label glued to a quote is not a sentence to the reader
    for line in ("Want more proof? Look at the ridership numbers of the last year.",
                 "Join the queue at the depot and you will see the drivers changing shifts.",
                 "Sign up for a night pass for five euros a month",
                 "The night buses are the best thing the council has done in years.Click to tweet"):
        text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], line, PARAGRAPHS[1], PARAGRAPHS[2])
        assert line in run(text).text, line


def test_a_teaser_card_printing_its_headline_twice_inside_the_article_goes():
    headline = "Tram drivers threaten strike over new night shift rota"
    card = ["Transport", headline, "Transport", headline,
            "Union leaders said the rota leaves drivers too little rest between shifts."]
    text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], "\n".join(card), PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    assert headline not in result.text and card[-1] not in result.text
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    reason = removed_lines(result)[text.split("\n").index(card[-1]) + 1]
    assert reason.startswith("teaser card: a block printing the headline of line 11 again on line 13, inside")


def test_lines_repeated_in_a_stanza_or_a_table_stay():
    # a refrain reads like prose (stopwords), a table repeats its header row per group
    stanza = ["I want to hold your hand tonight", "and walk you home along the river",
              "I want to hold your hand tonight"]
    table = ["Route\tStop\tFirst bus", "N1\tCentral\t00:10", "Route\tStop\tFirst bus", "N2\tHarbour\t00:20"]
    for block in (stanza, table):
        text = "\n".join(MENU) + "\n\n" + article(PARAGRAPHS[0], "\n".join(block), PARAGRAPHS[1], PARAGRAPHS[2])
        result = run(text)
        assert all(line in result.text for line in block), block


def test_the_author_box_after_the_article_goes():
    bio = "Jane Porter is a transport reporter at the Daily Courier, covering buses, trams and bikes."
    text = article("By Jane Porter, staff", TITLE, *PARAGRAPHS, bio)
    doc = Document(text, lang="en")
    doc.remove_line(0, stage="metadata", category="metadata", reason="byline")
    MainContentStage().process(doc)
    assert bio not in doc.output_text()
    assert "author's box (starts with the byline's name Jane 'Porter'" in doc.removal_of(text.split("\n").index(bio)).reason
    assert all(paragraph in doc.output_text() for paragraph in PARAGRAPHS)


def test_an_about_the_author_heading_and_its_text_go():
    box = ["Über Jane Porter", "Als Reporterin schreibt Jane Porter seit zehn Jahren über den Verkehr der Stadt."]
    text = "\n".join(MENU) + "\n\n" + article("Von Jane Porter, 12. Mai", TITLE, *PARAGRAPHS, *box)
    result = run(text)
    assert all(line not in result.text for line in box)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)


def test_the_author_s_name_alone_over_a_bio_that_does_not_repeat_it_goes():
    # the byline gives the name on a line of its own; the box under the article repeats
    # that line over a bio written in the first person
    bio = "As a transport reporter I write about the buses, trams and bikes of the city since 2010."
    text = "\n".join(MENU) + "\n\n" + article("\n".join([TITLE, "Jane Porter", "12 May 2019"]), *PARAGRAPHS,
                                               "Jane Porter", bio)
    result = run(text)
    assert bio not in result.text and result.text.count("Jane Porter") == 0
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    reason = removed_lines(result)[text.split("\n").index(bio) + 1]
    assert reason.startswith("author's box (the name Jane 'Porter' alone, as a line above the article shows it")


def test_a_label_in_capitals_repeated_from_above_is_no_author_s_name():
    closing = ["VISUAL MARKETING", "Our guide to pictures that sell, with twenty examples from our readers."]
    text = "\n".join([*MENU, "VISUAL MARKETING"]) + "\n\n" + article(TITLE, *PARAGRAPHS, *closing)
    result = run(text)
    assert not any(r.category == "author_box" for r in result.removed)


def test_a_last_paragraph_starting_with_a_name_from_the_menu_stays():
    menu = ["Home", "North Shore", "Politics", "Sport"]
    closing = "North Shore residents will be the first to use the new routes, the council said on Tuesday."
    text = "\n".join(menu) + "\n\n" + article(TITLE, *PARAGRAPHS, closing)
    assert closing in run(text).text


def test_links_under_a_more_heading_inside_the_article_go():
    links = ["More:", "Tram drivers vote to strike over new rosters", "City hall opens its doors for a weekend",
             "Mayor promises cheaper parking near stations"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], PARAGRAPHS[1], "\n".join(links), PARAGRAPHS[2])
    result = run(text)
    assert all(link not in result.text for link in links[1:])
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)


def test_a_numbered_list_the_article_ends_in_goes_on_past_the_region():
    # items with their links; the tenth is long enough to break the run of labels, and
    # those after it look like a menu but for their numbers
    items = [f"{n}) Night line N{n} to the northern suburbs" for n in range(1, 15)]
    items[9] = "10) a night line from the station to the northern suburbs, every thirty minutes"
    lines = [line for n, item in enumerate(items, start=1) for line in (item, f"https://example.org/n{n}")]
    text = ("\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "These are the new lines:")
            + "\n\n" + "\n\n".join(lines) + "\n\n" + "\n".join(MENU))
    result = run(text)
    assert all(item in result.text for item in items)
    assert "Contact" not in result.text


def test_a_list_under_its_own_colon_heading_inside_the_article_stays():
    items = ["Night line N1: Central Station to Northgate", "Night line N2: Central Station to Hillside"]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], "\n".join(["The new routes:", *items]),
                                             PARAGRAPHS[1], PARAGRAPHS[2])
    result = run(text)
    assert all(item in result.text for item in items)


def test_teaser_cards_glued_to_their_summaries_do_not_draw_the_region():
    teasers = [
        "Customers Leave Without Paying Their Bill At Downtown SteakhouseA party of six left the restaurant "
        "without paying a bill of nearly seven hundred dollars, the owner said on Sunday.",
        "Mayor Says Move For Health Benefits Will Not StandThe mayor said it was underhanded for the council "
        "to vote itself health benefits for life without a public hearing on the matter.",
        "Couple Finds Old Newspapers During Home RenovationA couple renovating their house found newspapers "
        "dating back to the forties inside the walls of the kitchen and the attic.",
    ]
    text = "\n".join(MENU) + "\n\n" + "\n".join(teasers) + "\n" + "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS[:2])
    result = run(text)
    assert all(teaser not in result.text for teaser in teasers)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS[:2])


def test_a_paragraph_with_camel_cased_names_counts_in_full():
    paragraph = ("Singer Hugh McPherson and Rep. David McKinley visited the new MacBook store with the WeWork "
                 "founders on Tuesday, and all of them said the night buses would help the staff get home.")
    text = "\n".join(MENU) + "\n\n" + article(TITLE, paragraph, *PARAGRAPHS)
    assert paragraph in run(text).text


def test_a_counted_comment_thread_heading_ends_the_article():
    # WordPress: "3 thoughts on “<title>”", too long for the comments stage to take, then
    # records whose replies are prose like the post's
    thread = []
    for name, minute in [("Gaye", 17), ("Pamela Wilson", 21), ("Jan Smith", 35)]:
        thread += [name, f"August 8, 2018 at 3:{minute} pm", "", PARAGRAPHS[1], ""]
    heading = f"3 thoughts on “{TITLE} after a year of complaints from residents”"
    text = article(TITLE, *PARAGRAPHS, heading, *thread)
    result = Cleaner(stages=["comments", "main_content"]).clean(text, lang="en")
    # without the heading as a signpost the region would run on over it (a long line)
    assert result.text.rstrip() == article(TITLE, *PARAGRAPHS)


def test_a_bare_comment_count_over_a_reply_header_ends_the_article():
    # "5 Comments" then the first reply's header: the thread's heading, though a bare count
    # under the headline is only a link (the test below)
    thread = []
    for name, minute in [("Gaye", 17), ("Pamela Wilson", 21), ("Jan Smith", 35)]:
        thread += [f"{name}, August 8, 2018 at 3:{minute} pm", PARAGRAPHS[1], ""]
    text = article(TITLE, *PARAGRAPHS, "5 Comments", *thread)
    result = Cleaner(stages=["comments", "main_content"]).clean(text, lang="en")
    assert result.text.rstrip() == article(TITLE, *PARAGRAPHS)
    count = next(r for r in result.removed if r.text.startswith("5 Comments"))
    assert "comment thread heading" in count.reason


def test_comment_phrases_without_a_count_are_no_thread_heading():
    quote = "His thoughts on “night buses for everyone” were shared by most members of the council."
    text = article(TITLE, "5 Comments", *PARAGRAPHS[:2], quote, PARAGRAPHS[2])
    result = Cleaner(stages=["comments", "main_content"]).clean(text, lang="en")
    for kept in (TITLE, quote, *PARAGRAPHS):
        assert kept in result.text


BIO = "Jane Porter has covered transport for the Courier since 2012 and rides the night bus home."


def test_an_author_box_under_an_author_heading_goes_before_the_comments():
    # the heading is a phrase of the author_box lexicon; the box runs down to the comments
    box = ["About the author", BIO, "Follow Jane"]
    reply = ["Leave a comment", "Sam", PARAGRAPHS[1]]
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, *box, *reply)
    result = Cleaner(stages=["comments", "main_content"]).clean(text, lang="en")
    assert all(line not in result.text for line in box)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    gone = next(r for r in result.removed if r.text.startswith(BIO))
    assert gone.category == "author_box"
    assert gone.reason.startswith("author's box: line is en author_box phrase 'about the author' (line 16) heads it")


def test_an_author_box_closed_by_a_link_to_the_author_s_posts_goes():
    # WordPress themes: "Über <name>", the bio, "Zeige alle Beiträge von <name> →"
    paragraph = " ".join([PROSE["de"]] * 2)
    box = ["Über Jane Porter", "Jane Porter schreibt seit 2012 über den Verkehr und fährt selbst jede Nacht Bus.",
           "Zeige alle Beiträge von Jane Porter →"]
    text = "\n".join(MENU) + "\n\n" + article("Nachtbusse für den Norden", paragraph, paragraph,
                                             "\n".join(box), paragraph)
    result = run(text, lang="de")
    assert all(line not in result.text for line in box[1:])
    assert result.text.count(paragraph) == 3
    link = next(r for r in result.removed if r.text.startswith("Zeige"))
    assert (link.category, link.reason.split(" (line")[0]) == (
        "author_box", "author's box: line starts with de author_box phrase 'zeige alle beiträge von'")
    # a paragraph follows the box: it stands inside the span its reason names, and says so
    assert link.reason.endswith(", inside the main text (lines 10-18)")


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_every_language_s_author_heading_opens_a_box(lang: str) -> None:
    # (as normalised: lower-cased, accents folded, as pages may write it too)
    heading = min(load_lexicon(lang).whole_line_phrases("author_box"))
    paragraph = " ".join([PROSE[lang]] * 2)
    bio = PROSE[lang].split(",")[0] + "."
    text = "\n".join(MENU) + "\n\n" + article(paragraph, paragraph, heading, bio)
    result = run(text, lang=lang)
    assert [r.category for r in result.removed if r.text.startswith(bio)] == ["author_box"]
    assert result.text.count(paragraph) == 2


def test_an_author_heading_over_more_than_a_bio_or_before_the_article_stays():
    # a review's section on the book's author: three paragraphs are no bio
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], "About the author", *PARAGRAPHS[1:], BIO, BIO)
    assert all(line in run(text).text for line in (*PARAGRAPHS, BIO))
    # at the top, before any paragraph of the article
    text = "\n".join(MENU) + "\n\n" + article(TITLE, "About the author", BIO, *PARAGRAPHS)
    assert BIO in run(text).text


def test_a_link_to_the_author_s_posts_without_the_author_named_above_takes_nothing():
    # the link closes a box only under a line naming the same author; a paragraph that
    # names the author is no box
    closing = "Jane Porter, who rode the first night bus, said the drivers were the real heroes of the year."
    for above in (closing, PARAGRAPHS[2]):
        text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS[:2], above, "View all posts by Sam Lee")
        assert above in run(text).text


def test_teaser_cards_whose_kickers_repeat_the_menu_go():
    # section kicker, headline, summary, repeated: the kickers are labels of the page's menu
    cards = ["Business", "Tram makers merge to win contracts abroad",
             "The merger creates the second largest maker of trams and light rail vehicles in Europe.",
             "Culture", "Ten night trains worth taking this winter",
             "From Lisbon to Vienna, the sleeper train is back on the timetables of most operators."]
    text = "\n".join([*MENU, "Business"]) + "\n\n" + article(TITLE, *PARAGRAPHS, *cards)
    result = run(text)
    assert all(line not in result.text for line in cards)
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    kicker = next(r for r in result.removed if r.text.startswith("Culture") and r.line > 10)
    assert kicker.reason.startswith(
        "teaser card: one of 2 kickers printing a label of the menu above the article ('Business', line 7)")


def test_subheadings_naming_sections_of_the_menu_stay():
    # the article's own subheadings stand over paragraphs, not over a headline
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], "Politics", PARAGRAPHS[1], "Culture",
                                             PARAGRAPHS[2])
    assert run(text).text.endswith(article(TITLE, PARAGRAPHS[0], "Politics", PARAGRAPHS[1], "Culture",
                                           PARAGRAPHS[2]))


SIDEBAR = [
    "» Our columnist",
    "Click on the photo of our columnist and read all of his columns about the races of the "
    "season, the teams, the drivers and everything else that he writes for the website every week.",
    "» Weekend preview",
    "Click here to find out the television times of the next race, the layout of the track, "
    "the statistics, the tyres that will be used, the weather for practice and the race, and more.",
]


def test_ranked_table_under_a_colon_outweighs_the_sidebar_blurbs():
    # a standings page: a short intro, a header row, rows of names and figures ranked 1, 2, 3…
    names = ["Anna Berg", "Carl Dunn", "Eva Frost", "Gus Hale", "Ida Jones", "Kim Lowe",
             "Max Nash", "Olga Pike", "Quin Ross", "Sara Tate", "Udo Vance", "Wim Young"]
    rows = ["Pos.\tDriver\tPoints\tWins"] + [
        f"{rank}\t{name}\t{5040 - 37 * rank}\t{rank % 4}" for rank, name in enumerate(names, 1)
    ]
    text = "\n".join(MENU) + "\n\n" + article(
        "Final standings of the championship after 36 races:", "\n".join(rows),
        "\n".join(MENU), *SIDEBAR)
    result = run(text)
    for row in rows:
        assert row in result.text
    assert SIDEBAR[1] not in result.text
    reasons = {r.text.strip(): r.reason for r in result.removed}
    assert reasons[SIDEBAR[1]].startswith("near-good line")


def test_ranked_calendar_under_its_heading_is_kept_with_it():
    # no tabs and no colon: the heading announces the rows, each ranked and dated
    rows = ["1st round: 10 March – Silverstone", "2nd round: 8 April – Brands Hatch",
            "3rd round: 22 April – Donington", "4th round: 6 May – Oulton Park",
            "5th round: 20 May – Snetterton", "6th round: 3 June – Thruxton",
            "7th round: 17 June – Knockhill", "8th round: 1 July – Croft"]
    text = "\n".join(MENU) + "\n\n" + article("Race calendar 2024", "\n".join(rows), "\n".join(MENU), *SIDEBAR)
    result = run(text)
    assert "Race calendar 2024" in result.text
    for row in rows:
        assert row in result.text
    assert SIDEBAR[3] not in result.text


@pytest.mark.parametrize("widget", [
    # a numbered list of headlines gives no figure besides its rank
    ["Most read", "1. Man held after crash on ring road", "2. School to close early for summer",
     "3. New bridge opens to traffic", "4. Council approves budget plan"],
    # pagination, archives with counts, a score ticker: nothing counts the rows up
    ["1", "2", "3", "4", "Next"],
    ["Archives", "June 2019 (5)", "May 2019 (3)", "April 2019 (7)", "March 2019 (2)"],
    ["Scores", "Lions 3 Tigers 1", "Eagles 2 Hawks 2", "Bears 0 Wolves 4", "Sharks 1 Rams 3"],
    # ranks that do not count up one by one
    ["Top stories", "3 comments on the new plan 2024", "12 comments on the bus fares 2024",
     "7 comments on the tram 2024", "1 comment on the budget 2024"],
])
def test_widgets_that_are_no_ranked_table_still_go(widget):
    text = article("\n".join(widget), TITLE, *PARAGRAPHS)
    result = run(text)
    for line in widget:
        assert line not in result.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


def test_ranked_rows_under_a_removed_heading_are_no_table():
    # the sidebar's top list under a heading a lexicon stage removed ("Related articles")
    rows = ["1. Bus fares to rise by 5% from April", "2. Bridge opening delayed to 2025",
            "3. Parking charges: 12 things to know", "4. Tram fleet to get 20 new cars"]
    text = article(TITLE, *PARAGRAPHS, "Related articles\n" + "\n".join(rows))
    result = Cleaner().clean(text, lang="en")
    for row in rows:
        assert row not in result.text


def test_a_list_of_other_stories_closed_by_promotions_in_its_block_is_no_list_of_the_text():
    # A list of headlines between two prose lines is a list running through the article
    # only when the prose under it is laid out like the article: the promotions printed
    # as the list's last items (in its block) are more of the list, not the text going on.
    stories = ["More Great Stories From The Gazette",
               "The strange life and mysterious death of a virtuoso coder",
               "How a small town learned to love its night buses",
               "The enduring power of a forgotten children's book",
               "How to opt out of the sites that sell your personal data",
               "What the new stadium deal means for the city's budget",
               "Why the river keeps flooding the same three streets",
               "A safer way to protect your data; plus, check out the latest news on the city.",
               "Want the best tools to get healthy? Check out our team's picks for the best gear."]
    mission = ("The Gazette is where the city is explained. It is the essential source of news and "
               "ideas that make sense of a place in constant change, from the council chamber to "
               "the corner shop and the bus stop.")
    text = "\n".join(MENU) + "\n\n" + article(TITLE, *PARAGRAPHS, "\n".join(stories), mission) \
        + "\n\n" + "\n".join(MENU)
    result = run(text)
    assert all(kept in result.text for kept in PARAGRAPHS)
    for gone in (*stories, mission):
        assert gone not in result.text


def test_a_headline_set_in_capitals_between_paragraphs_goes_a_subheading_in_capitals_stays():
    link = "COUNCIL LEADER SAYS NIGHT BUSES WILL PAY FOR THEMSELVES WITHIN FIVE YEARS"
    subheading = "WHAT THE NEW ROUTES WILL COST"
    text = "\n".join(MENU) + "\n\n" + article(TITLE, PARAGRAPHS[0], link, PARAGRAPHS[1], subheading, PARAGRAPHS[2])
    result = run(text)
    assert link not in result.text
    (reason,) = [r.reason for r in result.removed if r.text.strip() == link]
    assert reason.startswith("link set in capitals between two paragraphs (12 words")
    for kept in (TITLE, subheading, *PARAGRAPHS):
        assert kept in result.text
