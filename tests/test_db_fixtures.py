"""The PostgreSQL half of the ``store`` fixture skips visibly, or fails where CI requires it."""

from __future__ import annotations

import pytest
from db_support import postgres_unavailable


@pytest.mark.parametrize(
    ("require", "outcome", "message"),
    [
        (None, pytest.skip.Exception, "PostgreSQL ikke tilgængelig: ingen server"),
        ("0", pytest.skip.Exception, "PostgreSQL ikke tilgængelig: ingen server"),
        (
            "1",
            pytest.fail.Exception,
            "PostgreSQL er påkrævet (REQUIRE_POSTGRES=1), men: ingen server",
        ),
    ],
)
def test_missing_postgres_skips_unless_required(
    monkeypatch: pytest.MonkeyPatch,
    require: str | None,
    outcome: type[BaseException],
    message: str,
) -> None:
    if require is None:
        monkeypatch.delenv("REQUIRE_POSTGRES", raising=False)
    else:
        monkeypatch.setenv("REQUIRE_POSTGRES", require)

    with pytest.raises(outcome) as caught:
        postgres_unavailable("ingen server")

    assert str(caught.value) == message
