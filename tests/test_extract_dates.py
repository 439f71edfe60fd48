"""Date expressions (casefile.extract.dates): normalisation against a reference date. Texts invented."""
from __future__ import annotations

import pytest

from casefile.extract.dates import DateRef, document_dates, find_dates, normalise_date, reference_for


def only_date(text: str, ref: DateRef) -> str | None:
    found = find_dates(text, ref)
    assert len(found) <= 1, found
    return found[0][2] if found else None


@pytest.mark.parametrize(("text", "ref", "expected"), [
    ("On October 8 she was fined.", DateRef(2020), "2020-10-08"),
    ("On October 8 she was fined.", DateRef(None), "--10-08"),  # no year known: month and day only
    ("She was fined on February 11, 2022.", DateRef(2015), "2022-02-11"),  # an explicit year wins
    ("He was detained on 5 March 2021.", DateRef(2015), "2021-03-05"),
    ("He was detained on the 3rd of May.", DateRef(2018), "2018-05-03"),
    ("Sept. 3, 2019 was the last hearing.", DateRef(None), "2019-09-03"),
    ("In May 2020 the trial began.", DateRef(2015), "2020-05"),
    ("In May the trial began.", DateRef(2020), "2020-05"),
    ("By early June the trial had ended.", DateRef(2020), "2020-06"),
    ("In 2019 the trial began.", DateRef(2000), "2019"),
    ("this April", DateRef(2019), "2019-04"),
    ("this April", DateRef(2019, 12), "2019-04"),
    # "last <month>": the most recent such month strictly before the reference month
    ("last December", DateRef(2021, 3), "2020-12"),
    ("last December", DateRef(2021), "2020-12"),
    ("last December", DateRef(2021, 12), "2020-12"),  # said in December 2021: the previous December
    ("last February", DateRef(2021, 3), "2021-02"),
    ("last April", DateRef(2021, 3), "2020-04"),
    ("last March", DateRef(2021, 3), "2020-03"),
    # "next <month>": the first such month after the reference month
    ("next May", DateRef(2021, 3), "2021-05"),
    ("next March", DateRef(2021, 3), "2022-03"),
    ("next January", DateRef(2021, 12), "2022-01"),
    # numeric dates are day.month.year; two-digit years are 20xx below 50
    ("14.09.16", DateRef(2000), "2016-09-14"),
    ("on 12.05.2019", DateRef(None), "2019-05-12"),
    ("29.02.2020", DateRef(None), "2020-02-29"),
    ("05.11.98", DateRef(None), "1998-11-05"),
])
def test_find_dates_normalises(text, ref, expected):
    assert only_date(text, ref) == expected


@pytest.mark.parametrize("text", [
    "32.13.20",          # neither a day nor a month
    "15.13.20",          # month 13
    "00.05.2020",        # day 0
    "On July 40 he",     # day 40
    "On May 0 he",
    "In 1890 it began",  # outside the 1900-2099 year range
    "he was 20.5 years old",
    "He may go to court.",  # the modal "may" is not the month
])
def test_find_dates_rejects_non_dates(text):
    assert find_dates(text, DateRef(2020)) == []


@pytest.mark.parametrize("text", ["31.02.20", "On February 30 he", "April 31, 2020", "29.02.2019"])
def test_find_dates_rejects_impossible_calendar_days(text):
    assert find_dates(text, DateRef(2020)) == []


def test_find_dates_offsets_and_order():
    text = "Fined on October 8, 2021 and cleared on 2 November 2021."
    found = find_dates(text, DateRef(None))
    assert [v for _s, _e, v in found] == ["2021-10-08", "2021-11-02"]
    assert [text[s:e] for s, e, _v in found] == ["October 8, 2021", "2 November 2021"]


def test_find_dates_prefers_the_most_specific_expression():
    # "February 11, 2022" is one date, not "February 11" plus "2022" or "February 2022"
    assert find_dates("On February 11, 2022", DateRef(1999)) == [(3, 20, "2022-02-11")]


def test_reference_for_prefers_the_publication_date():
    text = "The case was opened in 2018 and again in 2019 and 2019."
    assert reference_for(text, "2021-03-05") == DateRef(2021, 3, 5)
    assert reference_for(text, "2021-03") == DateRef(2021, 3)
    assert reference_for(text, "2021") == DateRef(2021, None)


def test_reference_for_falls_back_to_the_most_frequent_year():
    text = "The case was opened in 2018 and again in 2019; by 2019 it had grown."
    assert reference_for(text, None) == DateRef(2019)
    assert reference_for(text, "unknown") == DateRef(2019)  # an unusable publication date is ignored
    assert reference_for("No year at all.", None) == DateRef(None)


def test_reference_changes_the_year_of_a_bare_date():
    text = "In 2016 and 2016 the singer gave concerts. On October 8 she was fined."
    assert find_dates(text, reference_for(text, None))[-1][2] == "2016-10-08"
    assert find_dates(text, reference_for(text, "2020-11-01"))[-1][2] == "2020-10-08"


@pytest.mark.parametrize(("text", "expected"), [
    ("Detained on November 12 last year.", "2023-11-12"),
    ("Released on 3 May the following year.", "2025-05-03"),
    ("Fined on March 1 this year.", "2024-03-01"),
])
def test_day_and_month_with_a_relative_year(text, expected):
    assert [v for _s, _e, v in find_dates(text, DateRef(2024, 6))] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Court fines blogger\n\nTARAZ, March 4, 2024. The court on Monday fined him. In 2019 and 2019 ...", DateRef(2024, 3, 4)),
    ("Court fines blogger\nPublished: 5 June 2023\nIn 2019 and 2019 he wrote.", DateRef(2023, 6, 5)),
    # a full date inside the first sentence is an event, not a dateline: the most named year stands
    ("Court fines blogger\nOn March 4, 2019 he was jailed. In 2021 and 2021 he was freed.", DateRef(2021)),
])
def test_reference_from_a_dateline_when_unpublished(text, expected):
    assert reference_for(text, None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He was detained on Wednesday.", "2022-02-02"),  # the reference day is a Thursday
    ("He was detained on Thursday.", "2022-02-03"),  # the same day
    ("He was freed last Thursday.", "2022-01-27"),  # "last" on that weekday: a week back
    ("The trial opens next Monday.", "2022-02-07"),
])
def test_weekdays_against_a_full_reference_date(text, expected):
    assert [v for _s, _e, v in find_dates(text, DateRef(2022, 2, 3))] == [expected]


def test_weekdays_need_a_full_reference_date():
    assert find_dates("He was detained on Wednesday.", DateRef(2022, 2)) == []


# -- normalise_date: one expression the model marked -----------------------------------------------

@pytest.mark.parametrize(("expression", "ref", "expected"), [
    # dateparser: full dates, ISO dates and months with a year, whatever the reference
    ("March 3, 2021", DateRef(2015), "2021-03-03"),
    ("2021-03-05", DateRef(None), "2021-03-05"),
    ("March 2021", DateRef(2015), "2021-03"),
    ("yesterday", DateRef(2022, 2, 3), "2022-02-02"),
    # the rules: years relative to the article's, month and day against the reference year
    ("last year", DateRef(2024, 6), "2023"),
    ("this year", DateRef(2024), "2024"),
    ("November 12 last year", DateRef(2024, 6), "2023-11-12"),
    ("last December", DateRef(2021, 3), "2020-12"),
    ("October 8", DateRef(2020), "2020-10-08"),
    ("early September", DateRef(2021), "2021-09"),
    # no year to count from: month and day at most
    ("October 8", DateRef(None), "--10-08"),
    ("8 October", DateRef(None), "--10-08"),
    ("October", DateRef(None), "--10"),
    # a season or a part of a year: the year it names
    ("the summer of 2013", DateRef(2022), "2013"),
    ("the summer of 2013", DateRef(None), "2013"),
    ("mid-2021", DateRef(2020), "2021"),
])
def test_normalise_date(expression, ref, expected):
    assert normalise_date(expression, ref) == expected


@pytest.mark.parametrize(("expression", "full", "expected"), [
    ("Monday", DateRef(2022, 2, 3), "2022-01-31"),  # the reference day is a Thursday
    ("three days ago", DateRef(2022, 2, 3), "2022-01-31"),
])
def test_weekdays_and_ago_need_a_known_day(expression, full, expected):
    assert normalise_date(expression, full) == expected
    assert normalise_date(expression, DateRef(full.year, full.month)) is None
    assert normalise_date(expression, DateRef(full.year)) is None


@pytest.mark.parametrize("expression", [
    "two years", "six months", "15 days",  # durations are no dates
    "two days later", "the same day", "a week before", "two years earlier",  # relative to another event
    "that year", "spring",  # no calendar point
    "2019 and 2020",  # two years: which one is unknown
])
def test_normalise_date_rejects_what_is_no_calendar_point(expression):
    assert normalise_date(expression, DateRef(2022, 2, 3)) is None


# -- document_dates: the model's spans merged with the rules' finds ----------------------------------

def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_document_dates_merges_model_spans_and_rule_finds():
    text = "Bakers struck on 14 March 2019. The strike lasted two years and ended in May."
    model = [_span(text, "14 March 2019"), _span(text, "two years")]
    found = document_dates(text, model, DateRef(2019))
    # the duration is dropped; "in May", which the model did not mark, comes from the rules
    assert [(text[s:e], v) for s, e, v in found] == [("14 March 2019", "2019-03-14"), ("in May", "2019-05")]


def test_document_dates_keeps_the_model_span_over_an_overlapping_rule_find():
    text = "The fair opened on Monday."
    found = document_dates(text, [_span(text, "Monday")], DateRef(2022, 2, 3))
    assert found == [(*_span(text, "Monday"), "2022-01-31")]  # not also the rules' "on Monday"


def test_document_dates_without_model_spans_are_the_rule_finds():
    text = "Bakers struck on 14 March 2019 and again in May."
    assert document_dates(text, [], DateRef(2019)) == find_dates(text, DateRef(2019))


def test_years_and_dates_with_their_year_need_no_dateparser(monkeypatch):
    import casefile.extract.dates as dates

    calls = []

    def parser(base):
        calls.append(base)
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(dates, "_parser", parser)
    dates.normalise_date.cache_clear()
    try:
        ref = DateRef(2020, 6, 1)
        assert dates.normalise_date("3 February 2011", ref) == "2011-02-03"
        assert dates.normalise_date("October 2009", ref) == "2009-10"
        assert dates.normalise_date("2014", ref) == "2014"
        assert calls == []
        with pytest.raises(AssertionError, match="dateparser was asked"):
            dates.normalise_date("February 3", ref)  # no year of its own: dateparser counts from the article
    finally:
        dates.normalise_date.cache_clear()


def test_the_weekday_of_the_article_itself_is_that_day():
    from casefile.extract.dates import DateRef, normalise_date

    tuesday = DateRef(2024, 3, 12)  # a Tuesday
    assert normalise_date("on Tuesday", tuesday) == "2024-03-12"
    assert normalise_date("Monday", tuesday) == "2024-03-11"  # near miss: the day before
    assert normalise_date("last Tuesday", tuesday) != "2024-03-12"  # near miss: the week before


def test_a_month_well_after_the_article_is_last_years():
    from casefile.extract.dates import DateRef, find_dates

    may = DateRef(2024, 5, 3)
    assert [v for _s, _e, v in find_dates("He was convicted in September.", may)] == ["2023-09"]
    # near miss: a date a few weeks ahead may be a hearing to come, this year
    assert [v for _s, _e, v in find_dates("The hearing is set for 2 June.", may)] == ["2024-06-02"]


def test_a_dateline_in_brackets_dates_the_article():
    from casefile.extract.dates import DateRef, reference_for

    text = "Free the blogger\n\n(Velmora, May 3, 2024) – The authorities should free him."
    assert reference_for(text, None) == DateRef(2024, 5, 3)
    # near miss: a date in brackets inside a sentence is no dateline
    assert reference_for("Free the blogger\n\nHe spoke (on May 3, 2024) to us.", None) == DateRef(2024)
