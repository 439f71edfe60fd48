"""Direct quotations and their speakers (casefile.extract.quotes) through extract_document: the
quoted spans, and each step of the attribution sieve with a near-miss it must leave alone.

All texts and names are invented for these tests. Speakers are compared by surname because the
model sometimes keeps only the surname of a name it tags ("Dzhumabayeva" for "Aliya Dzhumabayeva").
"""
from __future__ import annotations

import pytest

from casefile.extract import extract_document

EVIDENCE = "The court ignored every piece of evidence we presented"


def run(backend, text: str, published: str | None = None):
    """Quotes as (speaker name or None, text)."""
    ex = extract_document(text, next(backend.analyse([text])), [], published)
    quotes = [(None if q.speaker is None else ex.entities[q.speaker].name, q.text) for q in ex.quotes]
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text  # offsets slice the document exactly
    return quotes, ex


def speaker_is(speaker: str | None, surname: str) -> bool:
    return speaker is not None and surname in speaker


@pytest.mark.parametrize("text", [
    f"“{EVIDENCE},” said Aliya Dzhumabayeva.",                     # tail after the quote
    f"\"{EVIDENCE},\" said Aliya Dzhumabayeva.",                   # straight marks
    f"“{EVIDENCE},” Aliya Dzhumabayeva said.",                     # name before the verb
    f"Aliya Dzhumabayeva said: “{EVIDENCE}.”",                     # head before the quote
    f"“{EVIDENCE}.” – Aliya Dzhumabayeva",                         # dash attribution
])
def test_attribution_shapes(spacy_backend, text):
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1
    speaker, quote = quotes[0]
    assert speaker_is(speaker, "Dzhumabayeva")
    assert quote.rstrip(".") == EVIDENCE


@pytest.mark.parametrize("text", [
    "The verdict, according to Aliya Dzhumabayeva, “was written long before the trial even started.”",
    "The verdict was announced on Friday, according to Aliya Dzhumabayeva, “without any evidence at all.”",
])
def test_according_to_mid_sentence(spacy_backend, text):
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Dzhumabayeva")


def test_according_to_at_sentence_start(spacy_backend):
    text = ("The hearing lasted an hour. According to Aliya Dzhumabayeva, “the court ignored every single piece "
            "of evidence that the defence presented.”")
    quotes, ex = run(spacy_backend, text)
    assert "Aliya Dzhumabayeva" in {e.name for e in ex.entities}
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Dzhumabayeva")


def test_quote_over_several_paragraphs_with_tail_on_a_later_paragraph(spacy_backend):
    text = ("Aliya Dzhumabayeva is a lawyer in Almaty.\n\n"
            "“The court ignored every piece of evidence we presented. We will appeal.\n\n"
            "The verdict was written before the trial even started,” said Aliya Dzhumabayeva.")
    quotes, _ = run(spacy_backend, text)
    assert quotes == [("Aliya Dzhumabayeva",
                       "The court ignored every piece of evidence we presented. We will appeal.\n\n"
                       "The verdict was written before the trial even started")]


def test_nested_quote_belongs_to_the_outer_speaker(spacy_backend):
    text = "“When Bolat Sagynov visited me, he said: “Sign nothing.” I listened to him,” said Aliya Dzhumabayeva."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1
    speaker, quote = quotes[0]
    assert speaker_is(speaker, "Dzhumabayeva") and not speaker_is(speaker, "Sagynov")
    assert quote == "When Bolat Sagynov visited me, he said: “Sign nothing.” I listened to him"


def test_nested_quote_over_paragraphs_belongs_to_the_outer_speaker(spacy_backend):
    text = ("Aliya Dzhumabayeva visited the court.\n\n"
            "“When Bolat Sagynov came to the cell, he said: “Sign nothing, they will twist every word.” "
            "I listened to him.\n\n"
            "I am glad I did,” Aliya Dzhumabayeva recalled.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1
    speaker, quote = quotes[0]
    assert speaker_is(speaker, "Dzhumabayeva")
    assert quote.startswith("When Bolat Sagynov came") and quote.endswith("I am glad I did")
    assert "“Sign nothing, they will twist every word.”" in quote


def test_inline_nested_quote_is_not_given_to_the_inner_name(spacy_backend):
    text = "Aliya Dzhumabayeva said: “Bolat Sagynov told me “sign nothing” and I listened to him.”"
    quotes, _ = run(spacy_backend, text)
    assert quotes
    assert all(speaker_is(s, "Dzhumabayeva") for s, _q in quotes)


def test_quote_paragraph_after_colon_introduction(spacy_backend):
    text = ("Ruslan Temirkhanov gave his reasons in a short speech:\n\n"
            "“I could not stay silent while my colleagues were being arrested one after another.”")
    quotes, _ = run(spacy_backend, text)
    assert quotes == [("Ruslan Temirkhanov",
                       "I could not stay silent while my colleagues were being arrested one after another.")]


@pytest.mark.parametrize("joiner", [" and ", ", and "])
def test_second_quote_joined_by_and_keeps_the_speaker(spacy_backend, joiner):
    text = (f"Ruslan Temirkhanov said: “The case is fabricated from beginning to end{',' if ',' in joiner else ''}”"
            f"{joiner.lstrip(',')}“the verdict was decided in advance.”")
    quotes, _ = run(spacy_backend, text)
    assert [s for s, _q in quotes] == ["Ruslan Temirkhanov", "Ruslan Temirkhanov"]
    assert [q for _s, q in quotes] == ["The case is fabricated from beginning to end",
                                       "the verdict was decided in advance."]


@pytest.mark.parametrize("text", [
    "The prosecutor relied on “so-called experts” from the capital.",
    "Ruslan Temirkhanov posted a video titled “The Big Lie of the Year” on his channel.",
    "The newspaper “Steppe Voice” was closed in Taraz.",
])
def test_scare_quotes_and_titles_are_not_quotes(spacy_backend, text):
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_unattributed_long_quote_is_kept_without_speaker(spacy_backend):
    text = "“Nobody in this town believes that the trial was fair, and everyone knows who ordered the arrests.”"
    quotes, _ = run(spacy_backend, text)
    assert quotes == [(None, "Nobody in this town believes that the trial was fair, "
                             "and everyone knows who ordered the arrests.")]


def test_first_person_in_a_quote_resolves_to_its_speaker(spacy_backend):
    # DocContext.antecedent: "I" inside an attributed quote is the quote's speaker
    text = "“I was detained in Almaty on May 3, 2022 without any warrant,” said Ruslan Temirkhanov."
    ex = extract_document(text, next(spacy_backend.analyse([text])), [], None)
    speaker = ex.quotes[0].speaker
    assert ex.entities[speaker].name == "Ruslan Temirkhanov"
    assert [(f.type, f.subject, f.date) for f in ex.facts if f.type == "detention"] == [
        ("detention", speaker, "2022-05-03")]


def test_guillemets_with_a_straight_quote_inside_after_a_colon_head(spacy_backend):
    text = ("His lawyer Dana Serikova says the case is revenge for his reporting on the mayor, Bolat Ismailov: "
            "«The so-called victim told the court that \"nobody asked him for money\"».")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1
    speaker, quote = quotes[0]
    assert speaker_is(speaker, "Serikova")
    assert quote.startswith("The so-called victim") and "nobody asked him for money" in quote


def test_a_second_quote_after_the_tail_continues_the_same_speaker(spacy_backend):
    text = ("Police searched the flat.\n\n“They came at night, they took everything,” recalled Aigul Sarsenova, "
            "the blogger's mother. “My son has not seen a lawyer for a week.”")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 2 and all(speaker_is(s, "Sarsenova") for s, _q in quotes)


def test_a_tail_in_the_next_paragraph_is_not_the_speaker(spacy_backend):
    text = ("“I am not guilty,” the defendant told the court, “and I will keep writing about the akimat.”\n\n"
            "The Ministry of Information said in a statement that it respects the court.")
    quotes, _ = run(spacy_backend, text)
    assert all(s is None for s, _q in quotes)


def test_a_described_speaker_must_have_been_called_so(spacy_backend):
    text = ("The lawyer Zhanar Balgabayeva left the hall. “I am not guilty of anything at all,” the blogger "
            "told the court.")
    quotes, _ = run(spacy_backend, text)
    assert quotes and all(s is None for s, _q in quotes)  # the lawyer is not the blogger


def test_according_to_a_role_and_a_name(spacy_backend):
    text = ("The hearing ended. According to the prosecutor, Daniyar Omarov, “the defendant knowingly spread "
            "false information”.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Omarov")


# -- the sieve, step by step ---------------------------------------------------------------------

def test_each_step_can_be_switched_off(spacy_backend):
    from casefile.extract.facts import DocContext, sentence_trees
    from casefile.extract.dates import DateRef
    from casefile.extract.quotes import SIEVE, find_quotes

    text = "Ruslan Temirkhanov spoke first. “The court heard none of our witnesses at all,” he said."
    ex = extract_document(text, next(spacy_backend.analyse([text])), [], None)
    assert [name for name, _step in SIEVE][:2] == ["speech_verb", "colon_intro"]
    slots = [m for m in _slots(ex)]
    ctx = DocContext(text, next(spacy_backend.analyse([text])).sentences,
                     [s for s in slots if s.label == "person"], DateRef(None))
    trees = sentence_trees(text, next(spacy_backend.analyse([text])).parses, slots)
    with_verbs = find_quotes(ctx, slots, trees)
    without = find_quotes(ctx, slots, trees, steps=("colon_intro",))
    assert with_verbs[0].speaker is not None and without == []


def _slots(ex):
    from casefile.extract.facts.tree import Slot

    return [Slot(m.label, m.cluster, m.start, m.end) for e in ex.entities for m in e.mentions]


def test_he_said_after_a_quote_is_the_subject_of_the_sentence_before(spacy_backend):
    text = ("Bolat Omarov wrote on Facebook that Dana Kairatova and Aidos Serikov were charged. "
            "«The two of them are now called the organisers,» he noted.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Omarov")  # the writer, not the last man named


def test_he_is_not_a_woman_named_before(spacy_backend):
    text = ("Aigul Zhanbyrbayeva wrote on Facebook that Dana Kairatova and Aidos Serikov were charged. "
            "«The two of them are now called the organisers,» he noted.")
    quotes, _ = run(spacy_backend, text)
    assert not any(speaker_is(s, "Zhanbyrbayeva") for s, _q in quotes)


def test_he_said_goes_to_the_person_a_role_noun_named(spacy_backend):
    text = ("Her lawyer Yerbol Kassenov spoke to the agency. The lawyer added that the search had no warrant. "
            "«My client is still in the police station and has not seen his family,» he said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Kassenov")


def test_they_wrote_after_a_bodys_statement_is_that_body(spacy_backend):
    text = ("On Friday the Steppe Rights Bureau again called on the authorities to free the reporters. "
            "‘They did nothing but report the news’, they wrote.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Steppe Rights Bureau")


def test_apostrophes_are_no_single_quotes(spacy_backend):
    text = "Ruslan Temirkhanov’s lawyer said the court’s decision was unfair and the town’s mayor agreed."
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_according_to_a_described_person(spacy_backend):
    text = ("The blogger Marat Zhaksylykov was questioned twice. According to the blogger, "
            "“they ask the same questions every time.”")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Zhaksylykov")


def test_quoted_words_are_those_of_the_person_the_sentence_is_about(spacy_backend):
    text = "Nurgul Sadvakasova was fined for such phrases as “the city of empty promises” and “a mayor without shame”."
    quotes, _ = run(spacy_backend, text)
    assert [s for s, _q in quotes] == ["Nurgul Sadvakasova", "Nurgul Sadvakasova"]


def test_a_quoted_title_is_nobodys_words(spacy_backend):
    text = "Nurgul Sadvakasova was fined for a film titled “The City of Empty Promises”."
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_a_first_person_quote_in_a_signed_letter_is_the_authors(spacy_backend):
    text = ("I was arrested in March. My family has not been told where I am held. I wrote to the prosecutor:\n\n"
            "“I have done nothing wrong and I ask for a fair hearing.”\n\nTimur Baikenov")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Baikenov")


def test_a_headline_with_a_colon(spacy_backend):
    text = "Dana Kairatova: “I will keep writing about the akimat”\n\nThe blogger was fined on Monday."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Kairatova")


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(spacy_backend):
    text = ("“The court heard none of our witnesses,” said Dana Kairatova.\n\n"
            "“It did not even read the expert report we brought to the hearing.”")
    quotes, _ = run(spacy_backend, text)
    assert [s for s, _q in quotes] == ["Dana Kairatova", "Dana Kairatova"]


def test_a_quote_after_another_speakers_paragraph_is_not_continued(spacy_backend):
    text = ("“The court heard none of our witnesses,” said Dana Kairatova.\n\n"
            "The prosecutor Bolat Omarov disagreed.\n\n"
            "“Every witness was heard and every report was read by the court.”")
    quotes, _ = run(spacy_backend, text)
    assert [s for s, _q in quotes][1] != quotes[0][0]


def test_plural_speakers_go_to_the_body_named_with_them(spacy_backend):
    text = "“The verdict ignores every fact,” the co-chairs of the Steppe Rights Bureau said in a statement."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Steppe Rights Bureau")


def test_the_group_said_is_the_body_named_before(spacy_backend):
    text = ("The Steppe Rights Bureau condemned the arrest of Erlan Bekov. "
            "“We call for his immediate release,” the rights group said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Steppe Rights Bureau")


def test_a_body_before_a_speakers_title_is_not_the_speaker(spacy_backend):
    text = "“This is a dark day for the press,” Ekran TV chairman Selim Yavuz told reporters."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Yavuz")


def test_titles_joined_by_and_are_no_quotes(spacy_backend):
    text = "Mirbek Asanov wrote reports headlined “Who protects the judge in this city?” and “The prosecutor's new villa by the lake”."
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_a_quoted_charge_name_is_no_quote(spacy_backend):
    text = "According to his lawyer, Timur Ergashev was charged with “inciting social discord among residents”."
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_a_question_quote_then_asked_someone(spacy_backend):
    text = "“Why was I arrested? Is writing a crime?” asked Lidia Sorn, a teacher from Brest."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Sorn")


def test_what_an_unnamed_investigator_said_is_not_the_authors(spacy_backend):
    text = ("Interview with Lidia Sorn\n\nI was detained at the border and questioned for six hours. "
            "The investigator told me, “If you talk to the media, we will arrest your brother.” I said nothing.")
    quotes, _ = run(spacy_backend, text)
    assert quotes and not any(speaker_is(s, "Sorn") for s, q in quotes if q.startswith("If you talk"))


def test_a_quote_over_lines_in_a_text_without_blank_lines(spacy_backend):
    text = ("Union leader Petar Dubek was arrested on 31 July.\n"
            "“Six men got onto the plane and took us off it,” he said.\n"
            "“They put me in a cell and charged me with treason the next morning.\n"
            "“They did the same to my deputy.”")
    quotes, ex = run(spacy_backend, text)
    assert [s for s, _q in quotes] == ["Petar Dubek"] * len(quotes) and len(quotes) >= 2


# -- paragraph quotes cut at the first tail; names and verbs inside quotes ---------------------------

def test_a_paragraph_opening_with_a_quote_ends_it_at_its_own_tail(spacy_backend):
    text = ("Lawyers criticised the verdict.\n\n“The judges answer to the governor,” said Pavel Dorn. "
            "“Nobody expected a fair hearing,” he added.")
    quotes, _ = run(spacy_backend, text)
    assert [(speaker_is(s, "Dorn"), q[:12]) for s, q in quotes] == [(True, "The judges a"), (True, "Nobody expec")]


def test_a_speech_verb_inside_the_second_quote_is_no_tail(spacy_backend):
    text = "“Jailing the editor only shows fear,” Ruth Ambler wrote. “We demand that he be freed.”"
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 2 and all(speaker_is(s, "Ambler") for s, _q in quotes)


def test_a_long_tail_still_ends_the_quote(spacy_backend):
    text = ("“You will not see this house again,” Oscar Vidal, a former envoy and candidate for mayor, told "
            "Luis Mora. “They are taking everything.”")
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Vidal") for s, _q in quotes] == [True, True]


def test_a_paragraph_may_open_with_a_closing_shaped_mark(spacy_backend):
    quotes, _ = run(spacy_backend, "Reporters waited outside.\n\n”I am very angry about the verdict,” "
                                   "Samuel Obiora told them.")
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Obiora")


def test_he_after_a_quote_naming_a_body_is_the_speaker_not_the_body(spacy_backend):
    text = ("“The Defence Ministry is appalled by these claims,” said Colonel Peter Okello.\n\n"
            "He added, “We respect the courts and their rulings.”")
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Okello") for s, _q in quotes] == [True, True]


def test_a_platform_named_after_the_speech_verb_is_not_the_speaker(spacy_backend):
    text = ("“Police detained her this morning,” the Civic Alliance party said on Twitter. "
            "“They also took her brother away.”")
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Civic Alliance") for s, _q in quotes] == [True, True]


def test_a_question_with_a_surname_tail(spacy_backend):
    text = "Maria Kovalenko was fined again. “Why should anyone be jailed for a blog?” asked Kovalenko."
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Kovalenko")


def test_a_nickname_is_no_quote(spacy_backend):
    quotes, _ = run(spacy_backend, "The Kairat Party, better known as “the Steppe Bloc of Workers”, held a rally.")
    assert quotes == []


def test_a_garbled_closing_mark_after_a_space_still_ends_the_quote(spacy_backend):
    text = ("Baurzhan Tolegen was questioned twice.\n\n"
            "“They told me “sign here, we are in a hurry “. I signed it without reading, “- said Tolegen.")
    quotes, _ = run(spacy_backend, text)
    assert quotes and speaker_is(quotes[0][0], "Tolegen")


def test_a_body_described_by_its_founder_speaks_for_itself(spacy_backend):
    text = ("The Zelvor Human Rights Centre condemned the verdict. “This is revenge for our work,” said the rights group "
            "founded by Anton Belik.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Zelvor")


def test_dialogue_marked_with_dashes(spacy_backend):
    text = ("Olga Sorokina visited her son in prison.\n\n"
            "– He always tries to cheer me up, he is strong, – says Olga Sorokina, his mother.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Sorokina")
    assert quotes[0][1].startswith("He always tries")


def test_a_dashed_list_item_is_no_dialogue(spacy_backend):
    quotes, _ = run(spacy_backend, "The court fined Olga Sorokina twice.\n\n- the first fine came in May - a small one.")
    assert quotes == []


def test_an_age_description_as_speaker_is_the_person_the_text_was_about(spacy_backend):
    text = ('Former deputy Ivan Dorn, 68, was jailed in May. "I am a prisoner today, but I have no '
            'complaint about my fate," the 68-year-old wrote in his letter.')
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Dorn")
    text = 'Ivan Dorn was jailed in May. "I have no complaint about my fate," the officer wrote in his letter.'
    quotes, _ = run(spacy_backend, text)
    assert [s for s, _q in quotes] == [None]  # an officer the text never introduced is someone else


def test_one_word_judged_as_someones_is_a_quote_a_scare_quote_is_not(spacy_backend):
    quotes, _ = run(spacy_backend, "The Committee for Press Freedom condemned the sentence as “absurd”.")
    assert [q for _s, q in quotes] == ["absurd"] and speaker_is(quotes[0][0], "Committee for Press Freedom")
    # near miss: a word in scare quotes inside what someone said is no quote of its own
    quotes, _ = run(spacy_backend, "Arman Bekov said the so-called “experts” had lied.")
    assert quotes == []


def test_he_of_a_run_of_sentences_about_one_man_stays_with_him(spacy_backend):
    text = ("Timur Baikenov returned to Almaty in May. He later met the lawyer Arman Sultanov. "
            "He then spent a week at Sultanov's office. “We will not give up,” he said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Baikenov")


def test_he_after_a_sentence_about_another_man_is_that_man(spacy_backend):
    text = ("Timur Baikenov returned to Almaty in May. Arman Sultanov met him a week later. "
            "“We will not give up,” he said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Sultanov")


def test_a_quote_alone_on_its_line_with_a_dash_and_a_name_under_it(spacy_backend):
    text = ("A crowd gathered outside the court on Monday.\n"
            "“The verdict shows what the courts are for: to silence critics.”\n- Aida Serik, Steppe Watch")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Serik")


def test_a_quote_alone_on_its_line_with_a_dash_list_under_it_has_no_speaker(spacy_backend):
    text = ("A crowd gathered outside the court on Monday.\n"
            "“The verdict shows what the courts are for: to silence critics.”\n- the appeal is due in May")
    quotes, _ = run(spacy_backend, text)
    assert [q[0] for q in quotes] == [None]


def test_the_speech_verb_that_governs_the_quote_wins_over_a_nearer_one(spacy_backend):
    text = ("Timur Esenov was jailed on Monday.\n\nEsenov called the case absurd, telling the judge who convicted him: "
            "“I will never stop writing about the mine and the river.”")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Esenov")


def test_a_quote_a_colon_opens_runs_to_the_paragraphs_end_when_it_never_closes(spacy_backend):
    text = ("The embassy's envoy Dana Kerimova criticised the ruling.\n\nIn a statement, she wrote: “I am deeply "
            "troubled by this verdict. The reporter did nothing but his job.\n\nThe hearing lasted an hour.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Kerimova")
    assert quotes[0][1].startswith("I am deeply troubled") and "hearing" not in quotes[0][1]
    # near miss: a colon before a quote that closes is an ordinary quote of its own length
    text = ("The envoy Dana Kerimova criticised the ruling.\n\nIn a statement, she wrote: “I am deeply troubled.” "
            "The hearing lasted an hour.")
    quotes, _ = run(spacy_backend, text)
    assert [q for _s, q in quotes] == ["I am deeply troubled."]


def test_a_paragraph_that_lost_its_opening_mark_is_quoted_up_to_the_tail(spacy_backend):
    text = ("The sentence was upheld on Friday.\n\nThis ruling is cruel and it rests on no evidence at all,” said "
            "Pavel Grinko, the head of the monitor's Asia desk.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Grinko")
    assert quotes[0][1].startswith("This ruling is cruel")
    # near miss: a closing mark with no speech tail quotes nothing
    text = "The sentence was upheld on Friday.\n\nThis ruling rests on the “evidence” the police gave the court."
    quotes, _ = run(spacy_backend, text)
    assert not any(q.startswith("This ruling") for _s, q in quotes)


def test_one_quoted_word_in_what_a_speaker_said_is_theirs(spacy_backend):
    text = "The lawyer Saule Temirova said her client was “devastated” by the verdict."
    quotes, _ = run(spacy_backend, text)
    assert quotes and speaker_is(quotes[0][0], "Temirova") and quotes[0][1] == "devastated"
    # near miss: one quoted word nobody said is a scare quote
    text = "The “devastated” village was rebuilt by Saule Temirova in May."
    quotes, _ = run(spacy_backend, text)
    assert quotes == []


def test_a_document_that_speaks_is_its_issuers(spacy_backend):
    text = ("The Steppe Press Union said in an appeal on Monday that the case of Arman Dosov must be reviewed.\n\n"
            "“The trial ignored the testimony of eleven witnesses,” the appeal concludes.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Steppe Press Union")
    # near miss: with no issuer named before, the quote stays unattributed
    text = ("The case of Arman Dosov must be reviewed, lawyers say.\n\n"
            "“The trial ignored the testimony of eleven witnesses,” the appeal concludes.")
    quotes, _ = run(spacy_backend, text)
    assert all(s is None for s, _q in quotes)


def test_the_nearest_speech_verb_above_the_quote_names_the_speaker(spacy_backend):
    text = ("Aliya Dzhumabayeva, the blogger's lawyer, spoke on Monday.\nA day earlier, Nurlan Sapar repeated that "
            "he was innocent, insisting he had written the posts \"only to warn people about the dam, which is no "
            "crime,\" his lawyers said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Sapar")
    # near miss: with no speech verb between the quote and the tail, the tail's subject speaks
    text = ("Nurlan Sapar was fined.\n\"The fine is only a warning to every blogger in the region,\" "
            "Aliya Dzhumabayeva said.")
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], "Dzhumabayeva")


def test_a_quoted_name_is_no_quote(spacy_backend):
    quotes, _ = run(spacy_backend, 'said Timur Esenov, one of the leaders of "Bright Steppe," on Monday.')
    assert quotes == []
    # near miss: two quoted words that are no one's name are what someone said
    quotes, _ = run(spacy_backend, 'Timur Esenov called the trial "utterly shameful" on Monday.')
    assert [q for _s, q in quotes] == ["utterly shameful"]


def test_a_speaker_introduced_in_the_paragraph_before_with_a_colon(spacy_backend):
    text = ("The blogger Timur Esenov spoke to us after his release.\n\nHe told us:\n\n“The investigators wrote my "
            "testimony for me and I only signed it.\n\n“Then they brought me to court and nobody listened.”")
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Esenov") for s, _q in quotes] == [True, True]
    # near miss: a paragraph with no colon between them introduces nothing
    text = ("The blogger Timur Esenov spoke to us after his release.\n\nThe hearing lasted an hour.\n\n"
            "“The investigators wrote my testimony for me and I only signed it.”")
    quotes, _ = run(spacy_backend, text)
    assert all(s is None for s, _q in quotes)


def test_a_quote_with_its_own_according_to_after_another_speakers_paragraph(spacy_backend):
    text = ("In an interview, the lawyer Aliya Dzhumabayeva said: “The detention is unlawful from start to finish.”\n\n"
            "“The whole case is fabricated by the police,” according to Timur Esenov, a local journalist.\n\n"
            "“Nobody will silence us,” said the activist Saule Bekova.")
    quotes, _ = run(spacy_backend, text)
    speakers = [(s or "").split()[-1] for s, _q in quotes]
    assert speakers == ["Dzhumabayeva", "Esenov", "Bekova"]
    # near miss: a quote paragraph with no speaker of its own continues the one before
    text = ("“The detention is unlawful from start to finish,” said the lawyer Aliya Dzhumabayeva.\n\n"
            "“We will take this case to every court in the country.”")
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Dzhumabayeva") for s, _q in quotes] == [True, True]


def test_words_a_quote_relays_from_someone_it_names_and_a_pull_quote_line(spacy_backend):
    text = ("Timur Esenov was released in May. \"Timur told me, 'I burned all my notes and will never write again,'\" "
            "his lawyer Aliya Dzhumabayeva said.")
    quotes, _ = run(spacy_backend, text)
    assert any(speaker_is(s, "Esenov") and q.startswith("I burned all my notes") for s, q in quotes)
    assert any(speaker_is(s, "Dzhumabayeva") for s, _q in quotes)  # the outer quote stays the lawyer's
    text = "The verdict was upheld.\n\n'This ruling shows the courts are a weapon against critics'\n- Aliya Dzhumabayeva, lawyer"
    quotes, _ = run(spacy_backend, text)
    assert [speaker_is(s, "Dzhumabayeva") for s, _q in quotes] == [True]
    # near miss: a single-quoted phrase inside a sentence is no line of its own
    quotes, _ = run(spacy_backend, "The court called it a 'very serious offence against the state' on Monday.")
    assert quotes == []



@pytest.mark.parametrize(("text", "surname"), [
    ("At the hearing Aliya Dzhumabayeva spoke about her work. “They can jail us, but others will carry on,” "
     "the Steppe Herald quoted her as saying.", "Dzhumabayeva"),
    # a tail the parser hangs on the quote names the speaker before the verb, not its object
    ('"They gave him eleven years of prison with 90 lashes," her husband, Marat Oskenov, told Vlast.', "Oskenov"),
    # near miss: quoting no one ("citing the figures"), the medium itself speaks
    ("“The figures were never published,” the Steppe Herald wrote, citing the figures.", "Steppe Herald"),
])
def test_the_one_a_medium_quotes_as_saying_is_the_speaker(spacy_backend, text, surname):
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1 and speaker_is(quotes[0][0], surname)



@pytest.mark.parametrize(("text", "surname"), [
    ("Aliya Dzhumabayeva chairs the Steppe Bureau for Press Freedom.\n\n“The verdict ignored every argument "
     "of the defence,” said the press freedom activist.", "Dzhumabayeva"),
    # near miss: the role's words were never said of the person before, who is someone else
    ("Aliya Dzhumabayeva chairs the Steppe Bureau for Press Freedom.\n\n“The verdict ignored every argument "
     "of the defence,” said the veteran labour activist.", None),
])
def test_a_role_described_by_the_words_the_person_before_was_named_with_is_that_person(spacy_backend, text, surname):
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == 1
    assert speaker_is(quotes[0][0], surname) if surname else quotes[0][0] is None


# -- speakers and spans, case by case: (text, [(speaker, quote start) per quote]) -------------------
# a speaker is a surname, None (no speaker) or "-Surname" (anyone but that person)
SPEAKER_CASES = [
    # a tail's verb may follow a long title; a verb in the next sentence is no tail
    ("Lawyers criticised the verdict.\n\n\"Nothing in the file supports the charge,\" Martin Kessel, deputy "
     "director for Eastern Europe and Central Asia at the Open Rights Network, said on Monday. \"The court "
     "should free him at once.\"", [("Kessel", "Nothing in t"), ("Kessel", "The court sh")]),
    ("Lawyers criticised the verdict.\n\n\"Nothing in the file supports the charge,\" Martin Kessel "
     "wrote in the appeal. Reporters said little. \"The court should free him at once.\"",
     [("Kessel", "Nothing"), ("-Kessel", "The court")]),
    ("Lawyers criticised the verdict.\n\n\"Nothing in the file supports the charge,\" Martin Kessel "
     "arrived. Reporters said little. \"The court should free him at once.\"", [("-Kessel", "")]),
    # "she added" after "she wrote": the writer, not a man named in her quote; not past another woman
    ("His mother, Irena Castell, wrote in a column that the trial was staged. \"Tomas Varga is in prison "
     "for one post,\" she wrote. \"His crime is that he believed in change,\" she added.",
     [("Castell", "Tomas"), ("Castell", "His crime")]),
    ("His mother, Irena Castell, wrote in a column that the trial was staged. \"Tomas Varga is in prison "
     "for one post,\" she wrote. His sister, Petra Varga, was at the hearing. \"He believed in change,\" "
     "she added.", [("Castell", "Tomas"), ("-Castell", "He believed")]),
    # a relative clause on the speaker in a garbled tail is not the speaker's place
    ("Reporters waited outside.\n\n\"I warmly thank all those who stood by us in court,\" Kessel, "
     "who will fly to Oslo next week, said by phone.", [("Kessel", "I warmly")]),
    # a quote left open at a paragraph's end runs on into the next, which opens with a mark
    ("The editor was freed on Monday.\n\n“The acquittal is a victory for every reporter,” Hanna Lisberg "
     "said. “Our relief is mixed with worry because the next trial starts in spring.\n\n“The way he is "
     "hounded is unjust, and we ask the court to drop the new case,” she continued.",
     [("Lisberg", "The acqu"), ("Lisberg", "Our reli"), ("Lisberg", "The way ")]),
    ("The editor was freed on Monday.\n\n“The acquittal is a victory for every reporter,” Hanna Lisberg "
     "said. “Our relief is mixed with worry because the next trial starts in spring.\n\nThe hearing ended "
     "at noon.", [("Lisberg", "The acqu")]),  # no quote paragraph after the open mark
    # a statement that reads, a person who reveals
    ("The court gave its verdict.\n\n“We condemn the verdict handed to the reporter today,” reads the Open "
     "Rights Network’s statement.", [("Open Rights Network", "We condemn")]),
    ("The court gave its verdict.\n\n“It is terrible news that nobody expected,” Hanna Lisberg, the head of "
     "the union, revealed to a radio station.", [("Lisberg", "It is")]),
    # an apostrophe before a speech word does not end the quote
    ("Police questioned the blogger.\n\n“The reason for the check was a letter (the publisher’s note) saying "
     "that two channels spread lies. We found no lies at all,” Hanna Lisberg, a media lawyer, explained.",
     [("Lisberg", "The reason")]),
    # a short quoted name is no quote, a short sentence is
    ("Hanna Lisberg, head of the legal service ‘Open Door Project’, said nothing.", []),
    ("Hanna Lisberg said: “Free Them Now!”", [("Lisberg", "Free")]),
    # a heading with an unmatched mark does not swallow the article
    ("“What the Case Against Two Bloggers Means\n\nThe bloggers were charged in May.\n\nTheir lawyer "
     "appealed.\n\n“The charge has no basis,” Hanna Lisberg said.", [("Lisberg", "The charge has no basis")]),
    # words quoted after "citing" are the subject's; a quoted name after another verb is no one's words
    ("Aliya Serikova, 51, refused to appear at the trial citing the “lack of independence of the judiciary” "
     "and the “illegality of the special courts” in the country.", [("Serikova", "lack"), ("Serikova", "illegality")]),
    ("Aliya Serikova refused to appear at the trial in the “Steppe Hall” building.", []),
    # the capitalised word that says a quote is its speaker, unless a body's word
    ("The ministry answered late. “We call for the release of every reporter,” Field said.", [("Field", "We call")]),
    ("The ministry answered late. “We call for the release of every reporter,” Police said.", [(None, "We call")]),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_CASES)
def test_speakers_case_by_case(spacy_backend, text, expected):
    quotes, _ = run(spacy_backend, text)
    assert len(quotes) == len(expected)
    for (speaker, quote), (wanted, start) in zip(quotes, expected):
        assert quote.startswith(start)
        if wanted is None:
            assert speaker is None
        elif wanted.startswith("-"):
            assert not speaker_is(speaker, wanted[1:])
        else:
            assert speaker_is(speaker, wanted)
