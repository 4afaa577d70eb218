"""Page reads shared between sessions (``services/cache.py``): a run after a write by
another instance shows the write."""

from __future__ import annotations

import pytest
from pages_support import cards_text, open_app
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow


def save_8a(url: str, value: float, version: int) -> None:
    """A save through a store of its own: another instance of the app."""
    store = Store(url)
    store.upgrade()
    key = ValueKey("sjaelland", 2022, "H1", "8a")
    store.save([ValueRow(key, value=value, expected_version=version)], user="kollega")
    store.dispose()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    """Markdown (Mål) and Overblik's cards."""
    return "\n".join([*at.markdown.values, cards_text(at)])


@pytest.mark.usefixtures("contracts_folder")
def test_overblik_shows_a_value_another_instance_saved_after_the_first_run(
    database_url: str,
) -> None:
    save_8a(database_url, 900, 0)
    first = open_app()
    for name, value in {"hus": "sjaelland", "aar": "2022", "periode": "H1"}.items():
        first.query_params[name] = value
    assert "900 forløb (mål: mindst 1.680 forløb" in shown(run(first))
    # A second visitor is served from the shared cache: the same numbers.
    second = open_app()
    for name, value in {"hus": "sjaelland", "aar": "2022", "periode": "H1"}.items():
        second.query_params[name] = value
    assert "900 forløb (mål: mindst 1.680 forløb" in shown(run(second))

    save_8a(database_url, 1000, 1)

    again = shown(run(first))
    assert "1.000 forløb (mål: mindst 1.680 forløb" in again
    assert "900 forløb" not in again


@pytest.mark.usefixtures("contracts_folder")
def test_maal_shows_a_value_another_instance_saved_after_the_first_run(
    database_url: str,
) -> None:
    save_8a(database_url, 900, 0)
    maal = open_app("app_pages/maal.py")
    for name, value in {"hus": "sjaelland", "aar": "2022", "periode": "H1", "maal": "8"}.items():
        maal.query_params[name] = value
    assert "900 forløb" in shown(run(maal))

    save_8a(database_url, 1000, 1)

    assert "1.000 forløb" in shown(run(maal))


@pytest.mark.usefixtures("contracts_folder")
def test_a_run_reads_the_stores_data_versions_once_and_the_next_run_again(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from services.session import Session

    asked: list[str] = []
    original = Session.data_versions

    def counted(self: Session) -> dict[str, str]:
        asked.append("versions")
        return original(self)

    monkeypatch.setattr(Session, "data_versions", counted)
    save_8a(database_url, 900, 0)
    at = open_app("app_pages/indberetning.py")  # asks for the page reads from several parts
    for name, value in {"hus": "sjaelland", "aar": "2022", "periode": "H1"}.items():
        at.query_params[name] = value
    run(at)
    assert asked == ["versions"]
    save_8a(database_url, 1000, 1)
    at.button(key="hent_igen").click()
    run(at)
    assert asked == ["versions"] * 3  # and once in each of the two runs "Hent tallene igen" makes
    assert at.text_input(key=next(k for k in _keys(at) if k.endswith("|8a||værdi"))).value == (
        "1.000"
    )


def _keys(at: AppTest) -> list[str]:
    return [str(w.key) for w in at.text_input if w.key]
