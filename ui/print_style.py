"""A print stylesheet for every page: the browser's own print (or "Gem som PDF") shows the
page's content at full width, without the sidebar, the selectors and the buttons.

Streamlit draws the page from a fixed structure whose parts carry ``data-testid``
attributes; the rules hide the controls by those names and let the main column take the
whole sheet (docs/reports.md).
"""

from __future__ import annotations

import streamlit as st

#: What a printed page leaves out: navigation, Streamlit's own header and every control.
HIDDEN_IN_PRINT = (
    "stSidebar",
    "stSidebarCollapsedControl",
    "stHeader",
    "stToolbar",
    "stDecoration",
    "stStatusWidget",
    "stSkipToContent",
    "stSelectbox",
    "stMultiSelect",
    "stRadio",
    "stSegmentedControl",
    "stCheckbox",
    "stToggle",
    "stTextInput",
    "stNumberInput",
    "stDateInput",
    "stButton",
    "stDownloadButton",
    "stFileUploader",
    "stPageLink",
    "stExpander",
    "stPopover",
    "stStatus",
)


def print_css() -> str:
    hidden = ",\n  ".join(f'[data-testid="{name}"]' for name in HIDDEN_IN_PRINT)
    return f"""
@media print {{
  {hidden} {{ display: none !important; }}
  [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
    display: block !important; position: static !important; overflow: visible !important;
    width: 100% !important; max-width: none !important; margin: 0 !important;
    height: auto !important;
  }}
  [data-testid="stMainBlockContainer"] {{
    max-width: none !important; width: 100% !important; padding: 0 !important;
  }}
  [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stAlert"],
  [data-testid="stPlotlyChart"], [data-testid="stMetric"] {{ break-inside: avoid; }}
  h1, h2, h3 {{ break-after: avoid; }}
  @page {{ size: A4; margin: 15mm; }}
}}
"""


def apply() -> None:
    """Add the print stylesheet to the page (a style-only element takes no room on screen)."""
    st.html(f"<style>{print_css()}</style>")
