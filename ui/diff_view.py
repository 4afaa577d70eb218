"""A contract's changes against the contract it was built on, as a table with reasons.

Shared by "Næste års kontrakt" (the draft being edited) and Kontrakter (a saved draft or an
approved contract that records ``based_on``).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from contracts.diff import STATUS_LABELS, ContractDiff, contract_diff
from contracts.diff_text import ORDER, automatic_text, entry_summary, reason_text
from contracts.loader import Catalog
from contracts.models import Contract
from ui.contract_view import md

COLUMNS = ["Ændring", "Hvad", "Begrundelse", "Følger af det nye år eller rammeaftalen"]


def diff_frame(diff: ContractDiff) -> pd.DataFrame:
    """One row per change: what kind, what, the reason, what it follows from by itself."""
    rows = [
        {
            COLUMNS[0]: STATUS_LABELS[status],
            COLUMNS[1]: entry_summary(entry),
            COLUMNS[2]: reason_text(entry) or "",
            COLUMNS[3]: automatic_text(entry) or "",
        }
        for status in ORDER[:-1]
        for entry in diff.of(status)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def render_diff_table(diff: ContractDiff) -> None:
    counts = " · ".join(f"{STATUS_LABELS[s]}: {len(diff.of(s))}" for s in ORDER)
    st.markdown(counts)
    frame = diff_frame(diff)
    if frame.empty:
        st.caption("Som kontrakten, den bygger på.")
    else:
        st.dataframe(frame, hide_index=True, width="stretch")
    unchanged = [e.label for e in diff.of("unchanged")]
    with st.expander(f"Uændret ({len(unchanged)})"):
        st.markdown(md(", ".join(unchanged)) or "Ingen.")


def base_of(catalog: Catalog, contract: Contract) -> Contract | None:
    if contract.based_on is None:
        return None
    found = [
        c
        for c in catalog.contracts
        if c.erhvervshus == contract.erhvervshus and c.year == contract.based_on and not c.demo
    ]
    found.sort(key=lambda c: c.status != "godkendt")
    return found[0] if found else None


def render_changes(contract: Contract, catalog: Catalog) -> None:
    """Kontrakter: what this contract changed against its base, with the reasons."""
    base = base_of(catalog, contract)
    if contract.based_on is None:
        return
    st.header(f"Ændringer i forhold til {contract.based_on}")
    if base is None:
        st.info(f"Kontrakten for {contract.based_on}, som den bygger på, findes ikke.")
        return
    render_diff_table(contract_diff(base, contract))
