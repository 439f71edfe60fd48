"""NER backend registry and the spaCy backend."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from casefile.config import Config
from casefile.errors import ConfigError
from casefile.models import Analysis, Span
from casefile.nlp import backends
from casefile.nlp.backends import SPACY_LABELS, load_backend, register_backend, split_at_lines

TEXT = (
    "Police detained the activist Gulnara Temirova in Aktau on Monday.\n"
    "The Steppe Rights Bureau in Almaty condemned the arrest. Her lawyer Marat Serikov appealed."
)


@pytest.fixture(scope="module")
def spacy_backend():
    return load_backend(Config())


def test_unknown_backend_lists_available():
    with pytest.raises(ConfigError) as err:
        load_backend(Config(ner_backend="no-such-backend"))
    message = str(err.value)
    assert "no-such-backend" in message
    assert "available:" in message and "spacy" in message


def test_unknown_spacy_model_names_the_model():
    with pytest.raises(ConfigError) as err:
        load_backend(Config(ner_model="xx_missing_model_zz"))
    assert "xx_missing_model_zz" in str(err.value)


def test_spacy_backend_analysis(spacy_backend):
    assert spacy_backend.name == "spacy"
    [analysis] = list(spacy_backend.analyse([TEXT]))
    assert isinstance(analysis, Analysis)
    assert analysis.tokens > 0
    # sentences are ordered, within the text, never cross a line, and cover every non-space character
    assert analysis.sentences == sorted(analysis.sentences)
    covered = set()
    for start, end in analysis.sentences:
        assert 0 <= start < end <= len(TEXT)
        assert "\n" not in TEXT[start:end]
        assert TEXT[start:end] == TEXT[start:end].strip()
        covered.update(range(start, end))
    assert all(i in covered for i, ch in enumerate(TEXT) if not ch.isspace())
    assert len(analysis.sentences) >= 3
    # spans carry mapped labels and their own text
    assert analysis.spans
    assert {s.label for s in analysis.spans} <= set(SPACY_LABELS.values())
    assert all(TEXT[s.start:s.end] == s.text for s in analysis.spans)
    assert any(s.label == "person" and "Temirova" in s.text for s in analysis.spans)


def test_spacy_backend_yields_one_analysis_per_text_in_order(spacy_backend):
    texts = ["Marat Serikov was detained in Aktau.", "", "The Steppe Rights Bureau said nothing."]
    analyses = list(spacy_backend.analyse(texts))
    assert len(analyses) == 3
    assert analyses[1].sentences == [] and analyses[1].spans == []
    assert analyses[0].tokens > 0 and analyses[1].tokens == 0 and analyses[2].tokens > 0
    assert all(texts[0][s.start:s.end] == s.text for s in analyses[0].spans)


@pytest.mark.parametrize(
    ("text", "sentences", "expected"),
    [
        ("Heading\nFirst line. Second.", [(0, 26)], [(0, 7), (8, 26)]),  # lines only, not full stops
        ("One.  Two.", [(0, 6), (6, 10)], [(0, 4), (6, 10)]),
        ("A\n\n\nB", [(0, 5)], [(0, 1), (4, 5)]),
    ],
)
def test_split_at_lines(text, sentences, expected):
    assert split_at_lines(text, sentences) == expected


class _FakeBackend:
    """A registry test double: one span over the whole text."""

    name = "fake"

    def __init__(self, config: Config) -> None:
        self.model = config.ner_model

    def analyse(self, texts: Iterable[str]) -> Iterator[Analysis]:
        for text in texts:
            yield Analysis(sentences=[(0, len(text))], spans=[Span(0, len(text), "person", text)], tokens=1)


def test_register_backend_selects_custom_backend(monkeypatch):
    monkeypatch.setattr(backends, "_REGISTRY", dict(backends._REGISTRY))
    assert register_backend("fake-test")(_FakeBackend) is _FakeBackend
    backend = load_backend(Config(ner_backend="fake-test", ner_model="whatever"))
    assert isinstance(backend, _FakeBackend)
    assert backend.model == "whatever"  # the factory receives the config
    [analysis] = backend.analyse(["Anna Koval"])
    assert analysis.spans == [Span(0, 10, "person", "Anna Koval")]
    with pytest.raises(ConfigError, match="fake-test"):  # now listed among the available names
        load_backend(Config(ner_backend="missing"))


@pytest.mark.parametrize(("text", "expected"), [
    ("He was charged under Art. 174 of the code.", 1),
    ("The court heard Bekov M.S. read his statement. It lasted an hour.", 2),
    ("He met Mr. Abenov. The meeting was short.", 2),
    ("It was Art.\nNew line starts here.", 2),  # a line break is always a break
    ("The deed was signed by Owen Platt Jr. He kept a copy.", 2),  # a name suffix may end a sentence
    ("The deed was signed by Owen Platt Jr. and his aunt.", 1),  # ... and runs on in lower case
])
def test_join_abbreviations(text, expected):
    from casefile.nlp.backends import join_abbreviations

    # the splits a statistical splitter makes after each period that ends a token
    cuts = [i + 1 for i, ch in enumerate(text) if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n")]
    spans, start = [], 0
    for cut in cuts:
        spans.append((start, cut))
        start = cut + 1 if cut < len(text) else cut
    assert len(join_abbreviations(text, spans)) == expected


def test_finish_runs_after_a_backend_without_workers():
    from casefile.models import Analysis
    from casefile.nlp.backends import analyse_and_finish

    class Plain:
        name = "plain"

        def analyse(self, texts):
            for text in texts:
                yield Analysis(sentences=[(0, len(text))], spans=[], tokens=len(text.split()))

    out = list(analyse_and_finish(Plain(), [("one two", "a"), ("three", "b")],
                                  lambda text, analysis, ctx: [ctx, text, analysis.tokens]))
    assert [(ctx, result) for _a, ctx, result in out] == [("a", ["a", "one two", 2]), ("b", ["b", "three", 1])]


def test_finish_runs_in_the_worker_processes_with_the_same_results():
    from casefile.config import Config
    from casefile.nlp.backends import analyse_and_finish, load_backend

    texts = [f"Police detained Aibek Nurlanov{i} in Almaty on Monday." for i in range(4)]
    finish = lambda text, analysis, ctx: [ctx, len(analysis.parses), [s.text for s in analysis.spans]]  # noqa: E731
    runs = []
    for workers in (1, 2):
        backend = load_backend(Config(n_process=workers, batch_size=1))
        runs.append([result for _a, _c, result in analyse_and_finish(backend, [(t, i) for i, t in enumerate(texts)], finish)])
    assert runs[0] == runs[1]
    assert [r[0] for r in runs[1]] == [0, 1, 2, 3] and all(r[1] == 1 for r in runs[1])


@pytest.mark.parametrize("text, count", [
    ("The hearing was set for Jan. 5 in Taraz. It was postponed.", 2),
    ("Gen. Serik Omarov signed the order. The police obeyed.", 2),
    ("Mr. Abenov was detained. He was released on Sept. 3 after a week.", 2),
    ("The court met. The lawyer left. The judge read the verdict.", 3),
])
def test_rule_sentences_run_on_after_abbreviations(spacy_backend, text, count):
    [analysis] = list(spacy_backend.analyse([text]))
    assert len(analysis.sentences) == count


def test_the_model_splitter_is_a_configuration_choice():
    from casefile.config import Config
    from casefile.nlp.backends import load_backend

    assert "senter" in load_backend(Config(sentences="model")).nlp.pipe_names
    assert "sentencizer" in load_backend(Config()).nlp.pipe_names
