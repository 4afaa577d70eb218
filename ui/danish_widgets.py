"""Danish text for the parts of Streamlit's own widgets that it only has in English.

The file uploader's button ("Upload") and hint ("20MB per file • CSV, XLSX") have no
parameter for their text; a style rule hides them and shows Danish text in their place. The
same goes for a file the browser refuses before sending it (larger than the import's limit,
or not CSV/xlsx): Streamlit shows a red chip with an English alert, which the rule replaces
by a Danish sentence.

Why test ids: Streamlit 1.67 has no parameter or locale for these texts, and its DOM test ids
are the only stable names the rule can hang on; ``tests/test_framework_hooks.py`` checks them
against the installed Streamlit, ``tests/browser/`` checks the texts a browser shows.
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
/* A file the browser refuses (too large, or not CSV/xlsx) is a red chip whose only text is
   an English alert for screen readers; a Danish sentence below the chips replaces it. */
[data-testid="stFileChip"][aria-invalid="true"] [role="alert"] { display: none; }
[data-testid="stFileUploaderDropzone"]:has([data-testid="stFileChip"][aria-invalid="true"])::after {
  content: "Filen blev ikke hentet: en importfil skal være en CSV- eller Excel-fil (.xlsx) og må højst fylde %(mb)s MB.";
  display: block;
  flex-basis: 100%%;
  color: #9b1c1c;
  font-size: 0.875rem;
  margin-top: 0.5rem;
}
</style>
"""


def danish_file_uploader() -> None:
    """Call once on a page with ``st.file_uploader``."""
    st.html(_UPLOADER_CSS % {"mb": MAX_FILE_MB})
