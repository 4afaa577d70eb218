"""The permission check every ``Session`` method starts with (docs/roles.md)."""

from __future__ import annotations

import dataclasses
from typing import Any, Self, cast

from contracts.loader import Catalog
from db import Store
from db.errors import Forbidden
from services.permissions import Action, Principal, may, require


class Guarded:
    """What the session's parts share: the store, the principal and the check."""

    store: Store
    principal: Principal

    def as_principal(self, principal: Principal, notice: str = "") -> Self:
        """The same store, used by ``principal`` (``notice``: a Danish line for the page)."""
        # The session is a frozen dataclass; this base is not one itself.
        replaced: Self = dataclasses.replace(cast(Any, self), principal=principal, notice=notice)
        return replaced

    @property
    def is_operator(self) -> bool:
        """An administrator who is not a demo account: sees and may do everything."""
        return self.principal.is_operator

    def may(self, action: Action, house: str | None, catalog: Catalog | None = None) -> bool:
        """Whether the principal may do ``action`` in ``house`` (for a page to offer only what
        it may; the methods check again). A demo account's answer is for demo data."""
        return may(self.principal, action, house, catalog, demo_data=self.principal.demo)

    def _require(
        self,
        action: Action,
        house: str | None,
        catalog: Catalog | None = None,
        *,
        round_key: tuple[int, str] | None = None,
        demo: bool = False,
    ) -> None:
        """``require``; for a demo account, ``demo`` says whether the contract acted on is a
        demo contract, and ``round_key`` names the round whose demo data counts too."""
        if self.principal.demo and round_key is not None and house is not None:
            found = self.store.round(house, *round_key)
            demo = demo or (found is not None and found.has_demo)
        require(self.principal, action, house, catalog, demo_data=demo)

    def _require_admin(self, what: str) -> None:
        if not self.is_operator:
            raise Forbidden(f"Kun en administrator kan {what}.")
