"""SMS segment counting: GSM-7 for Dutch, UCS-2 for Arabic, and never more than three parts."""

from __future__ import annotations

from participatie.meetings.sms_text import fit_sms, sms_size


def test_dutch_counts_in_gsm7_with_the_extension_table_taking_two() -> None:
    assert sms_size("a" * 160) == sms_size("a" * 160).__class__("GSM-7", 160, 1)
    assert sms_size("a" * 161).segments == 2  # 153 + 8
    assert sms_size("a" * 306).segments == 2 and sms_size("a" * 307).segments == 3
    assert (
        sms_size("Herinnering: dinsdag 8 december om 19:00 in Buurthuis De Kempen.").encoding
        == "GSM-7"
    )
    euro = sms_size("€" * 80)  # the euro sign is in the extension table: two septets
    assert euro.units == 160 and euro.segments == 1
    assert sms_size("€" * 81).segments == 2
    assert sms_size("Café à Genk, ça va").encoding == "UCS-2"  # ç is not in GSM-7 (only Ç)


def test_arabic_counts_in_ucs2() -> None:
    text = "تذكير: الخميس 17 ديسمبر"
    size = sms_size(text)
    assert size.encoding == "UCS-2" and size.units == len(text) and size.segments == 1
    assert sms_size("ت" * 70).segments == 1 and sms_size("ت" * 71).segments == 2  # 67 + 4
    assert sms_size("ت" * 134).segments == 2 and sms_size("ت" * 135).segments == 3
    assert sms_size("a" * 69 + "ت").segments == 1  # one Arabic letter makes it all UCS-2
    assert sms_size("a" * 70 + "ت").segments == 2


def test_the_first_variant_that_fits_one_segment_wins_and_three_is_the_ceiling() -> None:
    long, short = "a" * 200, "a" * 150
    assert fit_sms([long, short]) == short
    assert fit_sms(["ت" * 100, "ت" * 80]) == "ت" * 80  # two parts each: the shorter
    cut = fit_sms(["ت" * 500])
    assert sms_size(cut).segments == 3
