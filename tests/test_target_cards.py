"""Overblik's target cards as HTML: what a card says, escaped, with its status in words."""

from __future__ import annotations

import math
from typing import Any

from contracts.models import Goal, Target
from ui import target_cards

COUNT = {"kind": "count", "value": 1680, "unit": "forløb"}
ON_TRACK = {
    "status": "paa_vej",
    "period": "H1",
    "actual": 900,
    "target_value": 1680,
    "expected": 840,
    "fulfilment": 900 / 1680 * 100,
}


def target(**fields: Any) -> Target:
    return Target.model_validate(
        {"key": "8a", "text": "Erhvervshuset gennemfører forløb.", **fields}
    )


def test_a_card_holds_name_sentence_status_result_comment_and_fulfilment_in_order() -> None:
    card = target_cards.card(target(**COUNT), {**ON_TRACK, "comment": "Pænt forår."})
    assert card == (
        '<li class="rk-card">'
        "<p><strong>8a</strong> · Erhvervshuset gennemfører forløb. "
        '<span class="rk-badge rk-paa_vej">På vej</span></p>'
        "<p>900 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)</p>"
        '<p class="rk-comment">Kommentar: Pænt forår.</p>'
        "<p>Målopfyldelse 54 %</p>"
        '<div class="rk-bar" aria-hidden="true"><div style="width: 53.6%"></div></div>'
        "</li>"
    )


def test_a_warning_stands_under_the_status_and_says_so_in_words() -> None:
    card = target_cards.card(target(**COUNT), ON_TRACK, "8a er 100, men dens dele giver 90.")
    assert (
        '</span></p><p class="rk-warning"><strong>Advarsel:</strong> '
        "8a er 100, men dens dele giver 90.</p><p>900 forløb"
    ) in card


def test_a_bar_beyond_the_target_is_drawn_full_and_none_without_a_fulfilment() -> None:
    beyond = target_cards.card(target(**COUNT), {**ON_TRACK, "fulfilment": 130.0})
    assert 'style="width: 100.0%"' in beyond and "Målopfyldelse 130 %" in beyond
    missing = {"status": "mangler_data", "period": "FY", "fulfilment": math.nan}
    assert "rk-bar" not in target_cards.card(target(**COUNT), missing)


def test_text_from_a_contract_or_a_user_is_shown_as_text_never_as_markup() -> None:
    hostile = target(**COUNT, text='Forløb <script>alert("x")</script> & "mere"')
    card = target_cards.card(hostile, {**ON_TRACK, "comment": "<img src=x onerror=alert(1)>"})
    assert "<script>" not in card and "<img" not in card
    assert "Forløb &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;mere&quot;" in card
    assert "Kommentar: &lt;img src=x onerror=alert(1)&gt;" in card


def test_no_badge_where_there_is_no_known_status() -> None:
    assert target_cards.badge(None) == ""
    assert target_cards.badge("ukendt") == ""
    assert target_cards.badge("ikke_opfyldt") == (
        '<span class="rk-badge rk-ikke_opfyldt">Ikke opfyldt</span>'
    )


def test_every_status_has_a_style_with_dark_text_on_a_light_tint() -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert set(target_cards.BADGE_STYLES) == set(target_cards.STATUS_LABELS)
    for status, (text, background) in target_cards.BADGE_STYLES.items():
        ratio = (luminance(background) + 0.05) / (luminance(text) + 0.05)
        assert ratio >= 7, (status, ratio)
        assert f".rk-{status} {{ color: {text}; background-color: {background}; }}" in (
            target_cards.STYLE
        )


def test_a_goals_cards_are_one_list_named_by_the_goal() -> None:
    goal = Goal.model_validate({"number": "8", "title": "Forløb", "scope": "local"})
    listed = target_cards.card_list(goal, ["<li>a</li>", "<li>b</li>"])
    assert listed == (
        '<ul class="rk-cards" aria-label="Måltal under Mål 8 – Forløb"><li>a</li><li>b</li></ul>'
    )
