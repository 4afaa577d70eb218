"""Load contract and framework YAML files into validated models plus a list of issues.

Every ``*.yaml`` under the folder is read (drafts live in its ``udkast/`` subfolder); each is
``type: framework`` or ``type: contract``.  A file that breaks gives issues and is left out;
it never hides the others.  The valid documents then go through the cross-file rules of
``contracts.rules``.  Issues read ``file:line: path: message`` in Danish, the line taken
from the YAML node the problem is about.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from contracts.draft_rules import check_drafts
from contracts.issues import FILE_PATH, Issue, Located, Source
from contracts.messages import danish, error_loc, relevant
from contracts.models import Contract, Framework
from contracts.read_cache import Key, ReadCache, collector_paused, content_key
from contracts.reference import default_classification, default_geography
from contracts.rules import Documents, check
from contracts.yaml_source import YamlProblem, describe, parse

__all__ = [
    "DRAFTS_SUBDIR",
    "Catalog",
    "Issue",
    "contracts_dir",
    "forget_reads",
    "load_folder",
    "load_paths",
    "load_text",
    "resolve_defaults",
    "unresolve_defaults",
]

_log = logging.getLogger(__name__)
DEFAULT_CONTRACTS_DIR = Path(__file__).parent / "data"
DRAFTS_SUBDIR = "udkast"
DOCUMENT_TYPES: dict[str, type[Framework] | type[Contract]] = {
    "contract": Contract,
    "framework": Framework,
}
DST_PLACEHOLDER_NOTE = (
    "By/land er Danmarks Statistiks kommunegrupper: 'Landkommuner' er land, alle andre by. "
    "Det er en pladsholder, indtil rammeaftalens bilag 1 foreligger."
)


def contracts_dir() -> Path:
    """The contracts folder: ``CONTRACTS_DIR`` or the one shipped in ``contracts/data``."""
    return Path(os.environ.get("CONTRACTS_DIR") or DEFAULT_CONTRACTS_DIR)


@dataclass(frozen=True)
class Catalog:
    frameworks: dict[str, Framework] = field(default_factory=dict)
    contracts: tuple[Contract, ...] = ()
    issues: tuple[Issue, ...] = ()
    #: The files read, as named in the issues.
    files: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "fejl"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "advarsel"]

    def contract(self, house: str, year: int, *, draft: bool = False) -> Contract | None:
        """The godkendt contract for house and year, or the draft where only a draft exists.

        With ``draft=True`` the draft is preferred."""
        found = [c for c in self.contracts if c.erhvervshus == house and c.year == year]
        if not found:
            return None
        preferred = "udkast" if draft else "godkendt"
        for contract in found:
            if contract.status == preferred:
                return contract
        return found[0]


def resolve_defaults(contract: Contract) -> Contract:
    """Fill geography and by/land classification from the reference data where absent.

    A defaulted classification says it is the DST placeholder (docs/decisions.md) unless the
    contract has a note of its own."""
    geography = contract.geography or default_geography(contract.erhvervshus)
    update: dict[str, object] = {"geography": geography}
    if contract.classification is None:
        update["classification"] = default_classification(geography)
        if contract.classification_note is None:
            update["classification_note"] = DST_PLACEHOLDER_NOTE
    return contract.model_copy(update=update)


def unresolve_defaults(contract: Contract) -> Contract:
    """The inverse of ``resolve_defaults`` where nothing was stated: the house's own kommuner
    with the DST placeholder need not be written into a new file."""
    geography = default_geography(contract.erhvervshus)
    if (
        contract.geography == geography
        and contract.classification == default_classification(geography)
        and contract.classification_note == DST_PLACEHOLDER_NOTE
    ):
        update = {"geography": None, "classification": None, "classification_note": None}
        return contract.model_copy(update=update)
    return contract


@dataclass(frozen=True)
class _Read:
    """What reading one file gave: its framework or contract (if valid) and its issues."""

    issues: list[Issue]
    framework: Located[Framework] | None = None
    contract: Located[Contract] | None = None


#: ``reading(key, make)``: what a file gave at the last ``load_folder`` if its text is the
#: same, else ``make()`` (``contracts/read_cache.py``).
_Reading = Callable[[Key, Callable[[], _Read]], _Read]
_READS: ReadCache[_Read] = ReadCache()


def forget_reads() -> None:
    """Forget what the last ``load_folder`` read: the next one parses every file."""
    _READS.clear()


def _read_file(file: Path, name: str, reading: _Reading | None = None) -> _Read:
    """Parse and validate one file; ``name`` is how issues name it.

    Whatever the file holds, the answer is issues about it: an unexpected error while reading
    one file is logged and reported as its issue, so it never takes the others down with it."""
    try:
        return _read_checked(file, name, reading)
    except Exception:  # one file's surprise must not break the catalog
        _log.exception("Uventet fejl under læsning af %s", file)
        return _Read([Issue(name, None, FILE_PATH, _UNEXPECTED)])


def _read_checked(file: Path, name: str, reading: _Reading | None) -> _Read:
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return _Read([Issue(name, None, FILE_PATH, _too_large(size))])
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return _Read([Issue(name, None, FILE_PATH, "filen er ikke gemt som UTF-8")])
    except OSError:
        return _Read([Issue(name, None, FILE_PATH, "filen kan ikke læses (adgang nægtet?)")])
    in_drafts = file.parent.name == DRAFTS_SUBDIR
    if reading is None:
        return _read_text(text, name, in_drafts=in_drafts)
    key = content_key(name, in_drafts, text)
    return reading(key, lambda: _read_text(text, name, in_drafts=in_drafts))


def _read_text(text: str, name: str, *, in_drafts: bool) -> _Read:
    try:
        parsed = parse(text)
    except YamlProblem as problem:
        return _Read([Issue(name, problem.line, FILE_PATH, problem.message)])
    source = Source(name, parsed.lines, in_drafts=in_drafts)
    if parsed.lines is None:
        return _Read([Issue(name, 1, FILE_PATH, _EMPTY)])
    if not parsed.mapping:
        shape = "en liste" if isinstance(parsed.data, list) else describe(parsed.data)
        return _Read([source.issue((), f"{_NOT_A_MAPPING}, ikke {shape}")])
    issues = [
        source.issue(d.loc, f"står to gange; første gang i linje {d.first_line}")
        for d in parsed.duplicates
    ]
    kind = parsed.data.get("type")
    model = DOCUMENT_TYPES.get(kind) if isinstance(kind, str) else None
    if model is None:
        got = "mangler" if kind is None else f"ukendt type {describe(kind)}"
        issues.append(source.issue(("type",), f"{got}; skal være en af: contract, framework"))
        return _Read(issues)
    try:
        validated = model.model_validate(parsed.data)
    except ValidationError as exc:
        issues += [source.issue(error_loc(e), danish(e)) for e in relevant(exc.errors())]
        return _Read(issues)
    if isinstance(validated, Contract):
        return _Read(issues, contract=Located(resolve_defaults(validated), source))
    return _Read(issues, framework=Located(validated, source))


#: A contract file is some tens of kilobytes; a larger one is not a contract.
MAX_FILE_BYTES = 2 * 1024 * 1024
_UNEXPECTED = "filen kunne ikke læses på grund af en uventet fejl; den er skrevet i loggen"


def _too_large(size: int) -> str:
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", ",")
    return f"filen fylder {megabytes} MB; en kontraktfil må højst fylde 2 MB"


_EMPTY = "filen er tom; den skal have 'type: contract' eller 'type: framework' og dens felter"
_NOT_A_MAPPING = "filen skal være en samling af felter ('type: contract', 'year: 2022', ...)"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def _catalog(reads: Sequence[_Read], names: Sequence[str], context: Documents) -> Catalog:
    docs = Documents(
        frameworks=tuple(r.framework for r in reads if r.framework is not None),
        contracts=tuple(r.contract for r in reads if r.contract is not None),
        context=context.frameworks,
        bases=context.bases,
    )
    issues = [i for r in reads for i in r.issues] + check(docs) + check_drafts(docs)
    order = {name: n for n, name in enumerate(names)}
    issues.sort(key=lambda i: (order.get(i.file, len(order)), i.line or 0))
    by_id: dict[str, Framework] = {}
    for doc in docs.frameworks:
        by_id.setdefault(doc.model.id, doc.model)
    return Catalog(
        frameworks=by_id,
        contracts=tuple(doc.model for doc in docs.contracts),
        issues=tuple(issues),
        files=tuple(names),
    )


def load_folder(path: Path | None = None) -> Catalog:
    """Every framework and contract under ``path`` (default: the contracts folder).

    A file whose text is as at the last ``load_folder`` is not parsed again: its result is
    kept by content (``contracts/read_cache.py``; ``forget_reads`` forgets it)."""
    root = path or contracts_dir()
    files = _yaml_files(root)
    names = [f.relative_to(root).as_posix() for f in files]
    with collector_paused(), _READS.folder_read() as reading:
        reads = [_read_file(f, n, reading) for f, n in zip(files, names, strict=True)]
        return _catalog(reads, names, Documents())


def load_paths(paths: Iterable[Path], *, context: Path | None = None) -> Catalog:
    """Files and folders given one by one, as ``validate`` gets them.

    A file is named as given, a folder's files relative to the folder.  Frameworks in
    ``context`` (a folder) answer for framework ids the given files do not define.
    """
    seen: set[Path] = set()
    files: list[tuple[Path, str]] = []
    for path in paths:
        found = (
            [(f, f.relative_to(path).as_posix()) for f in _yaml_files(path)]
            if path.is_dir()
            else [(path, str(path))]
        )
        for file, name in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append((file, name))
    with collector_paused():
        reads = [_read_file(f, n) for f, n in files]
        return _catalog(reads, [n for _f, n in files], _context(context, seen))


def load_text(
    text: str,
    name: str,
    *,
    frameworks: Iterable[Framework] = (),
    bases: Iterable[Contract] = (),
    in_drafts: bool = True,
) -> Catalog:
    """One document given as text (a draft being edited), checked by every rule.

    ``frameworks`` answer for the framework it names and ``bases`` for the contract it is
    built on; neither is checked itself."""
    context = Documents(
        frameworks=tuple(Located(f, Source(f"rammeaftaler/{f.id}.yaml")) for f in frameworks),
        bases=tuple(bases),
    )
    try:
        read = _read_text(text, name, in_drafts=in_drafts)
    except Exception:  # as for a file: a surprise becomes an issue, never a crash
        _log.exception("Uventet fejl under læsning af %s", name)
        read = _Read([Issue(name, None, FILE_PATH, _UNEXPECTED)])
    return _catalog([read], [name], context)


def _context(folder: Path | None, checked: set[Path]) -> Documents:
    if folder is None or not folder.is_dir():
        return Documents()
    frameworks = []
    for file in _yaml_files(folder):
        if file.resolve() in checked:
            continue
        framework = _read_file(file, file.relative_to(folder).as_posix()).framework
        if framework is not None:
            frameworks.append(framework)
    return Documents(frameworks=tuple(frameworks))
