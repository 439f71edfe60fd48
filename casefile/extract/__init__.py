"""Extraction stage: from NER spans to a document's repaired, clustered entity mentions.

Order matters: trim edges, add rule-found names, repair boundaries and types, harmonise labels
across the document, drop junk, then group mentions by within-document coreference.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import astuple, dataclass

from casefile.extract.courts import court_indexes, judges_to_court
from casefile.extract.coref import _sentence_of, cluster_mentions
from casefile.extract.cues import harmonise_cues, short_form_labels
from casefile.extract.dates import document_dates, reference_for
from casefile.extract.facts import (
    DocContext, Slot, document_author, extract_facts, interview_turns, sentence_trees,
)
from casefile.extract.laws import Provision, find_provisions
from casefile.extract.events import event_names
from casefile.extract.quotes import find_quotes, quote_spans
from casefile.extract.junk import is_junk, strip_heading_words, strip_trailing_roles
from casefile.extract.repair import (
    complete_name_lists,
    harmonise_full_names,
    harmonise_labels,
    harmonise_lists,
    join_adjacent_persons,
    join_dotted,
    join_leading_adjectives,
    repair_boundaries,
    retype,
)
from casefile.extract.rules import (
    SURE_GROUP_WORDS,
    acronym_definitions,
    acronym_mentions,
    apposed_names,
    adjectival_bodies,
    dateline_places,
    defined_acronym_spans,
    domain_names,
    generic_body_mentions,
    headed_org_names,
    honorific_names,
    kind_led_org_names,
    kind_trailed_org_names,
    list_row_names,
    morphology_names,
    nickname_definitions,
    nickname_mentions,
    quoted_org_names,
    role_led_org_names,
    staff_quoted_bodies,
    signatory_organisations,
    town_mentions,
    tail_speakers,
    trade_led_names,
)
from casefile.extract.spans import Cand, DisjointSpans, SpanIndex, extend_org_head, extend_right, split_lines, trim
from casefile.nlp import names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.territories import territory_code
from casefile.models import Analysis, Fact, LocalEntity, Mention, Quote


def _overlaps(a: Cand, b: Cand) -> bool:
    return a.start < b.end and b.start < a.end


def _merge_rule_spans(model: list[Cand], rule: list[Cand]) -> list[Cand]:
    """Rule spans win over the model spans they overlap; overlapping rule spans keep the longest."""
    kept_rules: list[Cand] = []
    taken = DisjointSpans()
    for r in sorted(rule, key=lambda c: c.start - c.end):
        if not taken.overlaps(r.start, r.end):
            kept_rules.append(r)
            taken.add(r.start, r.end)
    return kept_rules + [m for m in model if not taken.overlaps(m.start, m.end)]


def _room_for(rule: Cand, model: SpanIndex[Cand], replaceable: Callable[[Cand], bool] = lambda m: True) -> bool:
    """True when every model span the rule span overlaps lies inside it and may give way to it."""
    return all(rule.start <= m.start and m.end <= rule.end and replaceable(m)
               for m in model.overlapping(rule.start, rule.end))


def _over_non_names(rule: Cand, model: SpanIndex[Cand]) -> bool:
    """True when the model spans the rule span overlaps are each a person or body inside it, or
    no name at all (a title the model read in 'the "X" Party'), whatever their extent."""
    return all(m.label not in ("person", "organization") or (rule.start <= m.start and m.end <= rule.end)
               for m in model.overlapping(rule.start, rule.end))


def _over_trade_and_name(text: str, rule: Cand, model: SpanIndex[Cand]) -> bool:
    """True when the model spans the rule's name overlaps lie inside it, or are a body or place
    it read as the trade and the name together ("Blogger A B" as an organisation)."""
    return all((rule.start <= m.start and m.end <= rule.end)
               or (m.label != "person" and m.end == rule.end and len(text[m.start:rule.start].split()) == 1)
               for m in model.overlapping(rule.start, rule.end))


def _not_a_name(text: str, whole_row: bool = False) -> Callable[[Cand], bool]:
    """Model spans a rule name may replace: places, peoples and other non-names ("Court of Aktau",
    "Norwegian ... Committee") or the bare head word ("Corporation" of "TK-group Corporation");
    a person or a whole organisation stands, except inside a list row, which is the whole name."""
    return lambda m: (m.label not in {"person", "organization"} or names.is_org_word(m.text(text))
                      or (whole_row and m.label == "organization"))


def _event_may_replace(event: Cand) -> Callable[[Cand], bool]:
    """Model spans an event's name may replace: places and other non-bodies; a person's name too
    when the text glosses the name as an event's ("X, as the protests are called")."""
    glossed = event.origin.startswith("event_gloss")
    return lambda m: m.label != "organization" and (m.label != "person" or glossed)


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Drop exact duplicates and spans nested in a longer span."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start >= out[-1].start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out


def propagate_surfaces(text: str, kept: list[Cand]) -> list[Cand]:
    """Every other occurrence of a name already found in the document is a mention too: the
    model misses a name in one sentence that it tags in another."""
    import re

    labels: dict[str, set[str]] = {}
    for c in kept:
        surface = c.text(text)
        if len(surface) >= 3 and surface[:1].isupper():
            labels.setdefault(surface, set()).add(c.label)
    for surface, kinds in list(labels.items()):  # "AKTAU," in a dateline: "Aktau" in the text
        if surface.isupper() and len(surface) > 3 and kinds == {"location"}:
            labels.setdefault(surface.title(), set()).add("location")
    surnames = {s.split()[-1] for s, kinds in labels.items() if kinds == {"person"} and len(s.split()) >= 2}
    surnames -= set(labels)
    if surnames:  # "Akhmetov was charged": the model skipped the bare surname
        lower_words = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))
        labels.update({surname: {"person"} for surname in surnames if _bare_surname(surname, lower_words)})
    unique = {surface: next(iter(kinds)) for surface, kinds in labels.items() if len(kinds) == 1}
    if not unique:  # the same string with two types is left to the model
        return []
    taken = SpanIndex(kept, lambda c: (c.start, c.end))
    alternation = "|".join(re.escape(s) for s in sorted(unique, key=len, reverse=True))
    # multi-word organisation names also match in lower case ("the border service")
    folded = {s.casefold(): label for s, label in unique.items() if label == "organization" and " " in s}
    lower = "|".join(re.escape(s) for s in sorted(folded, key=len, reverse=True))
    pattern = r"(?<![\w.-])(?:" + alternation + (r"|(?i:" + lower + r")" if lower else "") + r")(?![\w-])"
    added: list[Cand] = []
    for m in re.finditer(pattern, text):
        if not taken.any_overlap(m.start(), m.end()):
            label = unique.get(m.group()) or folded[m.group().casefold()]
            cand = Cand(m.start(), m.end(), label, "propagated")
            added.append(extend_org_head(text, cand, set()) if label == "location" else cand)  # "a Shieli court"
    return added


def _bare_surname(word: str, lower_words: set[str]) -> bool:
    """A full name's last word that stands for the person alone: a capitalised word that is no
    English word, place, body or given name, and is never written in lower case in the text
    (``lower_words``: the text's lower-case words)."""
    return (len(word) >= 4 and word[:1].isupper() and word[1:].islower() and word.lower() not in lower_words
            and not is_english_word(word) and not names.is_given_name(word) and not names.is_org_word(word)
            and territory_code(word) is None and not is_town(word))


def extract_entities(text: str, analysis: Analysis, headings: list[tuple[int, int]] | None = None) -> list[LocalEntity]:
    """Turn one document's NER output into clustered, typed, junk-free entity mentions."""
    headings = headings or []
    model: list[Cand] = []
    for span in analysis.spans:
        for part in split_lines(text, Cand(span.start, span.end, span.label)):
            cand = trim(text, part)
            if cand is not None:
                model.append(cand)
    model = join_leading_adjectives(text, model)
    rule = list(honorific_names(text)) + list(quoted_org_names(text)) + list(dateline_places(text))
    model_spans = SpanIndex(model, lambda c: (c.start, c.end))
    # names found by rules count where the model found nothing, or only parts of them
    rule += list(list_row_names(text)) + [c for c in domain_names(text) if _room_for(c, model_spans)]
    rule += [c for c in signatory_organisations(text) if _room_for(c, model_spans, _not_a_name(text, whole_row=True))]
    rule += [c for c in headed_org_names(text, headings) if _room_for(c, model_spans, _not_a_name(text))]
    rule += [c for c in role_led_org_names(text) if _room_for(c, model_spans)]
    rule += [c for c in trade_led_names(text) if _over_trade_and_name(text, c, model_spans)]
    rule += [c for c in tail_speakers(text) if _room_for(c, model_spans, lambda m: m.label == "location")]
    rule += [c for c in apposed_names(text) if _room_for(c, model_spans, lambda m: m.label in ("person", "location"))]
    rule += [c for c in staff_quoted_bodies(text) if _over_non_names(c, model_spans)]
    rule += [c for c in kind_led_org_names(text) if _room_for(c, model_spans, lambda m: m.label != "location")]
    rule += [c for c in kind_trailed_org_names(text) if _room_for(c, model_spans, lambda m: m.label == "person")]
    rule += [c for c in adjectival_bodies(text) if _room_for(c, model_spans)]
    rule += [c for c in morphology_names(text) if _room_for(c, model_spans)]
    rule += [c for c in town_mentions(text) if _room_for(c, model_spans, lambda m: False)]
    rule += [c for c in event_names(text, headings) if _room_for(c, model_spans, _event_may_replace(c))]
    cands = _merge_rule_spans(model, rule)
    places = {c.text(text) for c in model if c.label == "location"}
    repaired: list[Cand] = []
    for cand in cands:
        cand = join_dotted(text, cand)
        label = retype(text, cand)
        if label is None:
            continue
        cand.label = label
        for part in repair_boundaries(text, cand, places):
            part = trim(text, part)
            if part is not None:
                repaired.append(strip_heading_words(text, strip_trailing_roles(text, part), headings))
    harmonise_cues(text, repaired)
    harmonise_full_names(text, repaired)
    harmonise_labels(text, repaired)
    harmonise_lists(text, repaired)
    repaired += complete_name_lists(text, repaired)
    repaired = [extend_right(text, c) if c.label == "person" else c for c in repaired]
    repaired = join_adjacent_persons(text, repaired)
    sentence_starts = {s for s, _e in analysis.sentences}
    sentence_starts |= {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    kept = [c for c in _dedupe(repaired) if not is_junk(text, c, headings, sentence_starts)]
    kept = _dedupe(kept + propagate_surfaces(text, kept))
    harmonise_cues(text, kept)  # a cue beside a repeat the model missed ("X daily") types them all
    short_form_labels(text, kept)
    kept += [c for c in acronym_mentions(text, kept) if not is_junk(text, c, headings, sentence_starts)]
    nicknames = nickname_definitions(text, [c for c in kept if c.label == "person"])
    if nicknames:
        kept = _merge_rule_spans(kept, nickname_mentions(text, nicknames))
    kept += generic_body_mentions(text, kept)  # "the City Court" after "the Bishkek City Court"
    acronyms = acronym_definitions(text, kept)
    kept += defined_acronym_spans(text, acronyms, kept)
    for c in kept:  # "Full Name (ACR)": the acronym is what its full name is, whatever the model said
        full = acronyms.get(c.text(text))
        if full is not None and full.label == "organization":
            c.label = full.label
    return cluster_mentions(text, kept, acronyms, analysis.sentences, nicknames)


@dataclass
class Extraction:
    """Everything extracted from one document; facts and quotes point at entity indexes."""

    entities: list[LocalEntity]
    facts: list[Fact]
    quotes: list[Quote]

    def to_plain(self) -> dict[str, list]:
        """Plain lists and dicts (what a worker process can send back through msgpack)."""
        return {
            "entities": [[e.label, e.name, [list(astuple(m)) for m in e.mentions], e.attributes] for e in self.entities],
            "facts": [list(astuple(f)) for f in self.facts],
            "quotes": [list(astuple(q)) for q in self.quotes],
        }

    @classmethod
    def from_plain(cls, data: dict[str, list]) -> Extraction:
        """The inverse of ``to_plain``."""
        entities = [LocalEntity(label, name, [Mention(*m) for m in mentions], dict(attributes))
                    for label, name, mentions, attributes in data["entities"]]
        return cls(entities, [Fact(*f) for f in data["facts"]], [Quote(*q) for q in data["quotes"]])


def law_entities(text: str, sentences: list[tuple[int, int]], first_index: int,
                 finder: Callable[[str], list[Provision]] = find_provisions) -> list[LocalEntity]:
    """Legal provisions as entities: one per article of a code, with its title as an alias;
    ``finder`` reads them (``find_russian_provisions`` for a Russian text)."""
    groups: dict[str, LocalEntity] = {}
    starts = [s for s, _e in sentences]
    for p in finder(text):
        entity = groups.get(p.name)
        if entity is None:
            entity = groups[p.name] = LocalEntity(label="law", name=p.name,
                                                  attributes={"article": p.article, "code": p.code, "parts": []})
        if p.part and p.part not in entity.attributes["parts"]:  # type: ignore[operator]
            entity.attributes["parts"].append(p.part)  # type: ignore[union-attr]
        if p.paragraph:
            entity.attributes["paragraph"] = p.paragraph
        if p.title:
            entity.attributes["title"] = p.title
        idx = first_index + list(groups).index(p.name)
        entity.mentions.append(Mention(p.start, p.end, text[p.start:p.end], "law", _sentence_of(starts, p.start), idx))
        if p.title:
            t = text.find(p.title, p.start, p.end)
            entity.mentions.append(Mention(t, t + len(p.title), p.title, "law", _sentence_of(starts, t), idx))
    return list(groups.values())


def warm_caches(english_dates: bool = True) -> None:
    """Build the lexicons, gazetteers and tables extraction reads, once, in this process: worker
    processes forked afterwards share them instead of each building its own. ``english_dates``
    also loads dateparser, which only English extraction reads (it costs half a second)."""
    from casefile.extract.dates import DateRef, normalise_date
    from casefile.extract.facts.justice import roles_table, triggers
    from casefile.extract.facts.relations import table
    from casefile.extract.facts.vocabulary import lemmas
    from casefile.nlp.keys import person_key
    from casefile.nlp.territories import is_capital

    triggers(), roles_table(), table(), lemmas()
    is_town("Springfield"), is_town("Reading"), territory_code("Ruritania"), is_capital("Ruritania")
    is_english_word("warm"), person_key("Mr. Warm Up"), list(quoted_org_names("the party “Warm”"))
    if english_dates:
        normalise_date("two weeks ago", DateRef(2020, 5, 5))  # a form only dateparser reads


# the kinds of political group: "the X party", "X Alliance"; "Movement" only capitalised, in a name
# ("the X movement" may be a cause)
_PARTY_KIND = re.compile(r"\s*(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in SURE_GROUP_WORDS)
                         + r"|Movement)\b")


def party_indexes(text: str, entities: list[LocalEntity]) -> set[int]:
    """The indexes of the bodies the document calls a political group: a mention that ends in the
    kind's word or is followed by it ("the X party", "the X Alliance")."""
    out = set()
    for i, e in enumerate(entities):
        if e.label == "organization" and any(_PARTY_KIND.match(text, m.end) or _PARTY_KIND.search(text[m.start:m.end])
                                              for m in e.mentions):
            out.add(i)
    return out


def main_country(entities: list[LocalEntity]) -> int | None:
    """The country a document names most often (its index among the entities), or None."""
    countries = [(len(e.mentions), -i, i) for i, e in enumerate(entities)
                 if e.label == "location" and territory_code(e.name) is not None]
    return max(countries)[2] if countries else None


def extract_document(text: str, analysis: Analysis, headings: list[tuple[int, int]] | None = None,
                     published: str | None = None) -> Extraction:
    """Entities, legal provisions, facts and quotes of one document.

    Quotes are attributed before facts are read, so that "I" inside a quote is its speaker; the
    author of a first-person text is found first, so that "I" outside quotes is the author.
    """
    entities = extract_entities(text, analysis, headings)
    entities += law_entities(text, analysis.sentences, len(entities))
    slots = [Slot(m.label, m.cluster, m.start, m.end) for e in entities for m in e.mentions]
    ref = reference_for(text, published)
    persons = [s for s in slots if s.label == "person"]
    ctx = DocContext(text, analysis.sentences, persons, ref, [s for s in slots if s.label == "law"],
                     dates=document_dates(text, analysis.dates, ref),
                     names={i: e.name for i, e in enumerate(entities)}, country=main_country(entities),
                     courts=court_indexes(entities), parties=party_indexes(text, entities))
    trees = sentence_trees(text, analysis.parses, slots)
    ctx.author = document_author(text, persons, quote_spans(ctx, slots))
    ctx.turns = interview_turns(text, persons, ctx.author, ctx.names)
    quotes = find_quotes(ctx, slots, trees)
    ctx.quotes = [(q.start, q.end, q.speaker) for q in quotes if q.speaker is not None]
    return Extraction(entities, judges_to_court(extract_facts(ctx, trees, slots), entities), quotes)


__all__ = ["Extraction", "extract_document", "extract_entities"]
