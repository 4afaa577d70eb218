"""Shared page code: selectors, cached data, Danish rendering helpers (Streamlit side)."""
