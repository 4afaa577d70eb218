"""Overblik's target cards as HTML: one list per goal instead of three Streamlit elements
per target.

A page holds some fifty targets. As bordered containers, each with a markdown block and a
progress bar, the browser spent most of the first paint drawing them (docs/decisions.md,
"Overblik's cards as HTML"). The card says the same: the target's name and sentence, its
status as a word on a coloured badge (the word carries it, the colour only repeats it), a
warning where parts do not add up, the result, the comment and the fulfilment in words
above a bar.

Pure: the contract's target and a fulfilment row in, an HTML string out. Every text from a
contract or a user is escaped; ``st.html`` sanitises what it is given on top of that.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from contracts import describe
from contracts.models import Goal, Target
from metrics import STATUS_LABELS
from ui import results

#: Text and background per status: dark text on a light tint, every pair above 7:1, so the
#: badge is readable without its colour (WCAG 2.1 1.4.1 and 1.4.3).
BADGE_STYLES: dict[str, tuple[str, str]] = {
    "opfyldt": ("#0a5426", "#e2f3e7"),
    "paa_vej": ("#0b4a80", "#e1ecf7"),
    "i_risiko": ("#7a3b00", "#fcebd8"),
    "ikke_opfyldt": ("#97101d", "#fbe4e6"),
    "mangler_data": ("#40444e", "#eceef1"),
    "maales_senere": ("#552a7d", "#efe7f6"),
    "maalt_tidligere": ("#1f4e79", "#e3ebf3"),
}

#: The cards' stylesheet: a style-only ``st.html`` takes no room on the page.
STYLE = (
    "<style>\n"
    "ul.rk-cards { list-style: none; margin: 0; padding: 0; }\n"
    "ul.rk-cards > li.rk-card { margin: 0 0 1rem; padding: calc(1rem - 1px);"
    " border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; }\n"
    "ul.rk-cards > li.rk-card:last-child { margin-bottom: 0; }\n"
    ".rk-card p { margin: 0 0 0.5rem; }\n"
    ".rk-card p + .rk-bar { margin-top: -0.25rem; }\n"
    ".rk-card p:last-child { margin-bottom: 0; }\n"
    ".rk-badge { display: inline-block; padding: 0 0.375rem; border-radius: 0.25rem;"
    " font-size: 0.875rem; line-height: 1.5; white-space: nowrap; }\n"
    + "".join(
        f".rk-{status} {{ color: {text}; background-color: {background}; }}\n"
        for status, (text, background) in BADGE_STYLES.items()
    )
    + ".rk-warning { color: #7a3b00; }\n"
    ".rk-comment { color: #50535e; }\n"
    ".rk-bar { height: 0.5rem; border-radius: 0.25rem; background-color: #e3e6ec;"
    " overflow: hidden; }\n"
    ".rk-bar > div { height: 100%; background-color: #1f4e79; }\n"
    "@media print { .rk-card { break-inside: avoid; } }\n"
    "</style>"
)


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def badge(status: object) -> str:
    """The status as a badge: its Danish label on its colour; "" for no status."""
    if not isinstance(status, str) or status not in STATUS_LABELS:
        return ""
    return f'<span class="rk-badge rk-{status}">{_escape(STATUS_LABELS[status])}</span>'


def card(target: Target, row: Mapping[str, Any], warning: str | None = None) -> str:
    """One target's card: name, sentence and badge; warning; result; comment; bar."""
    head = f"<strong>{_escape(target.name)}</strong> · {_escape(target.text)}"
    shown = badge(row.get("status"))
    parts = [f"<p>{head} {shown}</p>" if shown else f"<p>{head}</p>"]
    if warning:
        parts.append(f'<p class="rk-warning"><strong>Advarsel:</strong> {_escape(warning)}</p>')
    parts.append(f"<p>{_escape(results.result_text(row, target))}</p>")
    comment = row.get("comment")
    if isinstance(comment, str) and comment:
        parts.append(f'<p class="rk-comment">Kommentar: {_escape(comment)}</p>')
    share = results.fulfilment_share(row)
    if share is not None:
        # The words say it; the bar only draws them, so a screen reader reads the words once.
        parts.append(
            f"<p>{_escape(results.fulfilment_text(row))}</p>"
            f'<div class="rk-bar" aria-hidden="true"><div style="width: {share * 100:.1f}%">'
            "</div></div>"
        )
    return f'<li class="rk-card">{"".join(parts)}</li>'


def card_list(goal: Goal, cards: Sequence[str]) -> str:
    """A goal's cards as one list, named by its goal for a screen reader."""
    label = _escape(f"Måltal under {describe.goal_heading(goal)}")
    return f'<ul class="rk-cards" aria-label="{label}">{"".join(cards)}</ul>'
