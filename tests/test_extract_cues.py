"""Context cues that type a name by the words around it (casefile.extract.cues). Names invented."""
from __future__ import annotations

import pytest

from casefile.extract.cues import cue_label, harmonise_cues, short_form_labels
from casefile.extract.spans import Cand


def cand(doc: str, surface: str, label: str = "location", nth: int = 0, origin: str = "model") -> Cand:
    start = -1
    for _ in range(nth + 1):
        start = doc.index(surface, start + 1)
    return Cand(start, start + len(surface), label, origin)


@pytest.mark.parametrize(("doc", "surface", "expected"), [
    # kin after a possessive: only people have husbands and sisters
    ("Brannick's husband, Tomas Ferd, spoke to reporters.", "Brannick", "person"),
    ("Kestrel’s elder sister was also questioned.", "Kestrel", "person"),
    ("The firm's partner resigned.", "The", None),  # no capitalised name before it
    ("Kazakhstan's sons went to war.", "Kazakhstan", None),  # a country has no husband; the cue is silent
    # kin in apposition after the name
    ("Vellor Quant, a defendant's daughter, left the court.", "Vellor Quant", "person"),
    ("Vellor Quant, the son of a miner, spoke.", "Vellor Quant", "person"),
    ("Vellor Quant, a firm's partner, spoke.", "Vellor Quant", None),  # a business partner says nothing
    ("Vellor and Ima Quant, the daughters of Ors Quant, spoke.", "Vellor and Ima Quant", None),  # two people
    # a post in apposition after a capitalised adjective
    ("Tovin Quant, a Ruritanian activist known for her essays, was jailed.", "Tovin Quant", "person"),
    # a post in apposition without an article
    ("The verdict was read by Tovin Quant, chief magistrate of the court.", "Tovin Quant", "person"),
    ("Officials met in Tovinsk, capital of the region.", "Tovinsk", None),  # no post: no cue
    # a post in apposition: one word of a longer name may also be a town's
    ("Aral Tovin Quant, the case's judge, read the verdict.", "Aral Tovin Quant", "person"),
    ("Aral Tovin Court, the case's judge, was closed.", "Aral Tovin Court", None),  # a body's word
    # an age in apposition
    ("Before her arrest, Brannick, 55, had defended several clients.", "Brannick", "person"),
    ("Kestrel (34) was released.", "Kestrel", "person"),
    ("In Vientiane, 12 May was a holiday.", "Vientiane", None),  # a date, not an age
    # a kind of settlement before the name
    ("a court in the Lao capital Vientiane convicted her", "Vientiane", "location"),
    ("police in the city of Qoshqar detained him", "Qoshqar", "location"),
    ("the city Akimat of Qoshqar said", "Akimat", None),  # a body's own word decides
    # a periodical after the name
    ("Editor-in-chief of the Vorta daily was detained.", "Vorta", "organization"),
    ("the Kestrel weekly closed", "Kestrel", "organization"),
    ("Vientiane daily life goes on", "Vientiane", None),  # a town's daily life
    # a person's trade before the name
    ("another screenwriter, Orsolya Brannick, was detained", "Orsolya Brannick", "person"),
    ("the blogger Mirela Vorn posted it", "Mirela Vorn", "person"),
    ("the blogger Kestrel Vorn posted it", "Kestrel Vorn", None),  # an English word may be no name
    ("the opposition Tolqyn Vorn movement", "Tolqyn Vorn", None),  # "opposition" qualifies a body too
    ("Vorta co-founder Ilnar Tokhvashin said", "Ilnar Tokhvashin", "person"),  # ... but not a full name
    # a post in an apposition after the name: the phrase's last post or body word decides
    ("Ilnar Tokhvash, a parliament vice-speaker, spoke", "Ilnar Tokhvash", "person"),
    ("Ilnar Tokhvash, a parliament watchdog group, spoke", "Ilnar Tokhvash", "organization"),  # near miss: a body
    ("Tokhvash, a journalist project tracking budgets, said", "Tokhvash", None),  # a trade, then a kind of body
    ("Vorta co-founder Tolqyn said", "Tolqyn", None),  # near miss: one word may be the body
    ("the blogger Tolqyn Party", "Tolqyn Party", None),  # an organisation word
    # a kind of body before the name, or in an apposition after it
    ("relatives told the news agency Vientiane that he was ill", "Vientiane", "organization"),  # even a town's name
    ("a founder of the Riga-based rights group Zelvor was fined", "Zelvor", "organization"),
    ("Zelvor, an independent news agency, reported it", "Zelvor", "organization"),
    ("listeners of the podcast Mei Zelvor were questioned", "Mei Zelvor", "organization"),
    ("the group leader Zelvor Tamm spoke", "Zelvor Tamm", None),  # a trade after the kind
    ("the company Marat Abenov owns was sold", "Marat Abenov", None),  # a person's name
    ("Zelvor, a human rights lawyer, spoke", "Zelvor", "person"),  # a trade, not a kind of body: a person
    ("Zelvor, a member of the party, spoke", "Zelvor", None),  # "of" ends the apposition's head
    # a media trade and its employer
    ("Orsolya Brannick, the editor of Vientiane, was detained", "Vientiane", "organization"),
    ("a reporter for Zelvor was beaten", "Zelvor", "organization"),
    ("the mayor of Vientiane spoke", "Vientiane", None),  # a mayor's town
    ("a journalist from Vientiane was beaten", "Vientiane", None),  # where he comes from
    ("a correspondent for Norway", "Norway", None),  # a country covered
    ("Zelvor reporter Orsolya Brannick was beaten", "Zelvor", "organization"),
    ("the Vientiane correspondent was beaten", "Vientiane", None),  # a town's correspondent
    ("the Kazakh journalist was beaten", "Kazakh", None),
])
def test_cue_label(doc, surface, expected):
    assert cue_label(doc, cand(doc, surface)) == expected


def test_a_cue_on_one_mention_types_every_mention_of_the_name():
    doc = "Brannick was sentenced. Brannick's husband said so. Later Brannick appealed."
    spans = [cand(doc, "Brannick", "location", i) for i in range(3)]
    harmonise_cues(doc, spans)
    assert [c.label for c in spans] == ["person"] * 3


def test_a_body_named_after_a_cued_surname_stays_a_body():
    doc = "Brannick Holdings grew. Brannick's wife left."
    spans = [cand(doc, "Brannick Holdings", "organization"), cand(doc, "Brannick", "location", 1)]
    harmonise_cues(doc, spans)
    assert spans[0].label == "organization" and spans[1].label == "person"


def test_disagreeing_cues_decide_nothing_for_the_other_mentions():
    doc = "Kestrel's husband spoke. The Kestrel weekly closed. Kestrel grew."
    spans = [cand(doc, "Kestrel", "location", i) for i in range(3)]
    harmonise_cues(doc, spans)
    assert spans[2].label == "location"


def test_rule_found_mentions_keep_their_type():
    doc = "Kestrel's husband spoke. Kestrel grew."
    spans = [cand(doc, "Kestrel", "location", 0), cand(doc, "Kestrel", "location", 1, origin="gazetteer")]
    harmonise_cues(doc, spans)
    assert [c.label for c in spans] == ["person", "location"]


def test_a_word_that_ends_a_bodys_name_is_its_short_form():
    doc = "Radio Qumyrsqa reported it. Qumyrsqa's sources said so. Ayan Serikov of Qumyrsqa agreed."
    spans = [cand(doc, "Radio Qumyrsqa", "organization"), cand(doc, "Qumyrsqa", nth=1),
             cand(doc, "Ayan Serikov", "person"), cand(doc, "Qumyrsqa", "person", nth=2)]
    short_form_labels(doc, spans)
    assert [c.label for c in spans] == ["organization", "organization", "person", "organization"]
    # near miss: the place a public body's name begins or ends with is the place
    doc = "The Velkor City Court and the Court of Dremsk ruled. Police in Velkor and Dremsk agreed."
    spans = [cand(doc, "Velkor City Court", "organization"), cand(doc, "Court of Dremsk", "organization"),
             cand(doc, "Velkor", nth=1), cand(doc, "Dremsk", nth=1)]
    short_form_labels(doc, spans)
    assert [c.label for c in spans[2:]] == ["location", "location"]
    # near misses: a known place, or a word of a person's name in the text, keeps its type
    doc = "Radio Almaty reported it. Almaty was calm. Radio Serikov aired it. Ayan Serikov said so. Serikov left."
    spans = [cand(doc, "Radio Almaty", "organization"), cand(doc, "Almaty", nth=1),
             cand(doc, "Radio Serikov", "organization"), cand(doc, "Ayan Serikov", "person"),
             cand(doc, "Serikov", "person", nth=2)]
    short_form_labels(doc, spans)
    assert [c.label for c in spans][1::3] == ["location", "person"]
