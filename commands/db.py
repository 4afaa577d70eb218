"""``db upgrade | backup | restore``: the database (``DATABASE_URL`` or the embedded SQLite)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.backup import backup_store, restore_store, upgrade_store


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="databasen med indberettede værdier")
    commands = parser.add_subparsers(dest="db_command", required=True, metavar="KOMMANDO")
    upgrade = commands.add_parser("upgrade", help="opdatér databasens skema til nyeste version")
    upgrade.add_argument(
        "--url", help="database-URL (standard: DATABASE_URL, ellers den indbyggede SQLite)"
    )
    upgrade.set_defaults(handler=run_upgrade)

    backup = commands.add_parser("backup", help="gem en sikkerhedskopi af hele databasen i FIL")
    backup.add_argument("file", metavar="FIL", type=Path)
    backup.add_argument("--url", help="database-URL (standard: DATABASE_URL)")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser("restore", help="genskab hele databasen fra sikkerhedskopien FIL")
    restore.add_argument("file", metavar="FIL", type=Path)
    restore.add_argument("--url", help="database-URL (standard: DATABASE_URL)")
    restore.add_argument(
        "--replace", action="store_true", help="erstat alt i en database, der allerede har data"
    )
    restore.set_defaults(handler=run_restore)


def run_upgrade(args: argparse.Namespace) -> int:
    print(upgrade_store(args.url))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    print(backup_store(args.file, args.url))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    print(restore_store(args.file, args.url, replace=args.replace))
    return 0
