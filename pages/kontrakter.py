"""Kontrakter: a chosen contract as a readable document, with its validation issues."""

from __future__ import annotations

import streamlit as st

from contracts.loader import load_folder
from contracts.reference import house_name

st.title("Kontrakter")
catalog = load_folder()
if not catalog.contracts:
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
else:
    labels = {f"{house_name(c.erhvervshus)} {c.year} ({c.status})": c for c in catalog.contracts}
    choice = st.selectbox("Kontrakt", list(labels))
    contract = labels[choice]
    st.header(contract.title or choice)
    for goal in contract.goals:
        st.subheader(f"Mål {goal.number} – {goal.title}")
        for target in goal.targets:
            st.markdown(f"**{target.key}** {target.text}")
for issue in catalog.issues:
    st.warning(str(issue))
