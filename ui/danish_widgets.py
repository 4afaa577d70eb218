"""Danish text for the parts of Streamlit's own widgets that it only has in English.

The file uploader's button ("Upload") and hint ("20MB per file • CSV, XLSX") have no
parameter for their text; a style rule hides them and shows Danish text in their place.
"""

from __future__ import annotations

import streamlit as st

from services.values_io.limits import MAX_FILE_MB

_UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
  font-size: 0;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Vælg fil";
  font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "Træk en fil hertil · CSV eller Excel (xlsx), højst %(mb)s MB";
  font-size: 0.875rem;
}
</style>
"""


def danish_file_uploader() -> None:
    """Call once on a page with ``st.file_uploader``."""
    st.html(_UPLOADER_CSS % {"mb": MAX_FILE_MB})
