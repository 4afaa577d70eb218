"""A browser's side of Streamlit's websocket protocol, enough to read pages and press "Gem".

The browser sends ``BackMsg`` protobufs (a ``rerun_script`` with the page, the query string and
the widget values) on ``/_stcore/stream`` and receives ``ForwardMsg``s (``navigation``,
``delta`` for each element, ``script_finished``). A rerun is timed from the ``BackMsg`` sent to
its ``script_finished``, which is what a person waits for. Only loopback addresses are allowed.
"""

from __future__ import annotations

import ipaddress
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd
import pyarrow as pa
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED_EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
UPSTREAM_HEADER = "X-Upstream"


def require_loopback(url: str) -> None:
    """Refuse any target but this machine: load is only ever sent to loopback."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise SystemExit(f"kun adresser på denne maskine (127.0.0.0/8, ::1), ikke {url}")


def served_by(upstreams: str) -> str:
    """The instance that answered: nginx lists every one it tried ("A, B" after A failed)."""
    return upstreams.split(",")[-1].strip()


def route_cookie(set_cookies: Iterable[str]) -> str:
    """The ``rk_route`` a response sets among its ``Set-Cookie`` headers ("": none), as a
    browser keeps it for the next request."""
    for header in set_cookies:
        name, _, rest = header.partition("=")
        if name.strip() == "rk_route":
            return rest.split(";", 1)[0].strip()
    return ""


@dataclass
class Element:
    kind: str
    id: str
    label: str
    value: str = ""  # a text input's text as the page shows it

    @property
    def is_goal_panel(self) -> bool:
        return self.kind == "expander" and self.label.startswith("Mål ")

    @property
    def key(self) -> str:
        """The widget's own key (``ind|0|8b||værdi``): its id is ``$$ID-<hash>-<key>``."""
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 else ""


@dataclass
class Rerun:
    """What a rerun showed. A page that calls ``st.rerun()`` runs twice in one request:
    ``elements`` and ``tables`` are those of the last run, alerts and exceptions of both."""

    ms: float
    elements: list[Element] = field(default_factory=list)
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (ERROR|SUCCESS|…, text)
    exceptions: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # editable tables by id
    query: str = ""

    def widget(self, kind: str, *, label: str = "", key_part: str = "") -> Element | None:
        for element in self.elements:
            wanted = (label and element.label == label) or (key_part and key_part in element.id)
            if element.kind == kind and element.id and wanted:
                return element
        return None

    def panels(self) -> list[Element]:
        """Indberetning's goal panels ("Mål 8 – …"), in page order."""
        return [e for e in self.elements if e.is_goal_panel]

    def panel_of(self, inner: Element) -> Element | None:
        """The goal panel an element is drawn in (the last one opened before it)."""
        found = None
        for element in self.elements:
            if element is inner:
                return found
            if element.is_goal_panel:
                found = element
        return None

    def count_inputs(self) -> list[tuple[str, Element]]:
        """Indberetning's inputs of plain counts' totals ("Antal …", not a kommune's), as
        (target key, input), in page order."""
        found = []
        for element in self.elements:
            parts = element.key.split("|")
            plain = len(parts) == 5 and parts[0] == "ind" and parts[3:] == ["", "værdi"]
            if element.kind == "text_input" and plain and element.label.startswith("Antal"):
                found.append((parts[2], element))
        return found


class Session:
    """One browser tab: a websocket to the app, sticky to one instance by its route cookie.

    ``route`` is the cookie the tab starts with ("" or an unknown value: nginx picks the
    instance with the fewest connections); like a browser, the tab keeps the cookie nginx
    sets, so it comes back to the same instance when it opens again."""

    def __init__(self, url: str, route: str = "", login: str = "") -> None:
        require_loopback(url)
        self.login = login  # the rk_session token of a logged-in person ("": the public)
        parts = urlsplit(url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.stream_url = f"{scheme}://{parts.netloc}/_stcore/stream"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.route = route
        self.pages: dict[str, str] = {}  # url path → page script hash
        # Each text input's text as last sent: the server sends it again only when it
        # changes, as a browser keeps what an input shows between reruns.
        self.texts: dict[str, str] = {}
        self.upstream = ""
        self._ws: websockets.ClientConnection | None = None

    async def open(self) -> None:
        self._ws = await websockets.connect(
            self.stream_url,
            subprotocols=[websockets.Subprotocol("streamlit")],
            additional_headers={"Cookie": self.cookie()} if self.cookie() else {},
            origin=websockets.Origin(self.origin),
            max_size=None,
            open_timeout=30,
            proxy=None,  # loopback only, never through a proxy
        )
        response = self._ws.response
        self.upstream = served_by(response.headers.get(UPSTREAM_HEADER, "") if response else "")
        if response is not None:
            self.route = route_cookie(response.headers.get_all("Set-Cookie")) or self.route

    def cookie(self) -> str:
        cookies = [f"rk_route={self.route}"] if self.route else []
        cookies += [f"rk_session={self.login}"] if self.login else []
        return "; ".join(cookies)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def rerun(
        self,
        page: str = "",
        query: str = "",
        widgets: list[WidgetState] | None = None,
        *,
        tables: bool = False,
    ) -> Rerun:
        """Run ``page`` (its URL path, "" for the default) and wait for the script to finish."""
        assert self._ws is not None, "open() first"
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        if page in self.pages:
            state.page_script_hash = self.pages[page]
        else:
            state.page_name = page
        state.context_info.timezone = "Europe/Copenhagen"
        state.widget_states.widgets.extend(widgets or [])
        for widget in widgets or []:
            if widget.WhichOneof("value") == "string_value":
                self.texts[widget.id] = widget.string_value
        started = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        result = Rerun(ms=0.0)
        while True:
            incoming = ForwardMsg()
            incoming.ParseFromString(await self._ws.recv())
            kind = incoming.WhichOneof("type")
            if kind == "navigation":
                self.pages = {
                    p.url_pathname: p.page_script_hash for p in incoming.navigation.app_pages
                }
            elif kind == "delta" and incoming.delta.WhichOneof("type") == "new_element":
                _collect(incoming.delta.new_element, result, tables, self.texts)
            elif kind == "delta" and incoming.delta.WhichOneof("type") == "add_block":
                block = incoming.delta.add_block
                if block.WhichOneof("type") == "expandable" and block.id:
                    result.elements.append(Element("expander", block.id, block.expandable.label))
            elif kind == "page_info_changed":
                result.query = incoming.page_info_changed.query_string
            elif kind == "script_finished":
                if incoming.script_finished == FINISHED_EARLY_FOR_RERUN:
                    result.elements, result.tables = [], {}
                    continue
                result.ms = (time.perf_counter() - started) * 1000
                return result


def _collect(element: object, result: Rerun, tables: bool, texts: dict[str, str]) -> None:
    kind = element.WhichOneof("type")  # type: ignore[attr-defined]
    inner = getattr(element, kind)
    value = ""
    if kind == "text_input":
        if inner.HasField("value"):
            texts[inner.id] = inner.value
        value = texts.get(inner.id, inner.default)
    result.elements.append(
        Element(kind, getattr(inner, "id", ""), getattr(inner, "label", ""), str(value))
    )
    if kind == "alert":
        result.alerts.append((Alert.Format.Name(inner.format), inner.body))
    elif kind == "exception":
        result.exceptions.append(f"{inner.type}: {inner.message}")
    elif kind == "dataframe" and tables and inner.id:
        result.tables[inner.id] = pa.ipc.open_stream(inner.arrow_data.data).read_all().to_pandas()


def edit_cell(table_id: str, row: int, column: str, text: str) -> WidgetState:
    """The data editor's widget value after a person typed ``text`` into one cell."""
    state = {"edited_rows": {str(row): {column: text}}, "added_rows": [], "deleted_rows": []}
    return WidgetState(id=table_id, string_value=json.dumps(state))


def type_text(input_id: str, text: str) -> WidgetState:
    """A text input's widget value after a person typed ``text`` and left the field."""
    return WidgetState(id=input_id, string_value=text)


def set_open(panel_id: str, is_open: bool) -> WidgetState:
    """An expander's widget value after a person opened or closed it."""
    return WidgetState(id=panel_id, bool_value=is_open)


def press(button_id: str) -> WidgetState:
    return WidgetState(id=button_id, trigger_value=True)


def administrator_login(database_url: str, name: str = "lasttest") -> str:
    """A login token of the administrator ``name`` in the store (added if missing), for
    clients that enter values as staff would after logging in (docs/login.md)."""
    import datetime as dt
    import secrets

    from db import Store
    from services.auth import token_hash

    store = Store(database_url)
    try:
        now = dt.datetime.now(dt.UTC)
        user = store.user(name) or store.add_user(name=name, role="admin", at=now)
        token = secrets.token_urlsafe(32)
        store.add_login(user.id, token_hash(token), at=now)
        return token
    finally:
        store.dispose()
