"""Backups of the whole database, and their restore into an empty one.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction` (the client tools must be installed
where this runs; their major version at least the server's). SQLite, the embedded default: the online backup
API, which copies a consistent snapshot while the application keeps writing.

Encryption (optional, on when JJ_BACKUP_KEY is set): AES-256-GCM in 1 MiB chunks, each authenticated with its
position and whether it is the last, so a file cut short, reordered or altered is refused as a whole. The key is
32 random bytes, base64url-encoded; it must live apart from the backups.

`table_checksums` is how a restore is proven: the row count and a SHA-256 of every table's rows in key order."""

import base64
import hashlib
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

MAGIC = b"JJBACKUP1\n"
CHUNK = 1 << 20
_RECORD = struct.Struct(">BI")  # final flag, ciphertext length
PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup could not be made or restored; the message says why and what to do."""


def backup_key_from_env() -> bytes | None:
    raw = os.environ.get("JJ_BACKUP_KEY", "")
    if not raw:
        return None
    try:
        key = base64.urlsafe_b64decode(raw.encode())
    except ValueError as exc:
        raise BackupError("JJ_BACKUP_KEY must be 32 bytes, base64url-encoded.") from exc
    if len(key) != 32:
        raise BackupError("JJ_BACKUP_KEY must be 32 bytes, base64url-encoded.")
    return key


def new_backup_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if final else b"\x00")


def encrypt_file(*, source: BinaryIO, target: BinaryIO, key: bytes) -> None:
    aead = AESGCM(key)
    prefix = os.urandom(7)
    target.write(MAGIC + prefix)
    counter = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        final = not following
        sealed = aead.encrypt(_nonce(prefix, counter, final), chunk, MAGIC)
        target.write(_RECORD.pack(int(final), len(sealed)) + sealed)
        if final:
            return
        counter += 1
        chunk = following


def decrypt_file(*, source: BinaryIO, target: BinaryIO, key: bytes) -> None:
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupError("Not an encrypted backup of this system.")
    prefix = source.read(7)
    aead = AESGCM(key)
    counter = 0
    while True:
        header = source.read(_RECORD.size)
        if len(header) != _RECORD.size:
            raise BackupError("The encrypted backup is truncated (its last part is missing).")
        final, length = _RECORD.unpack(header)
        sealed = source.read(length)
        try:
            target.write(aead.decrypt(_nonce(prefix, counter, bool(final)), sealed, MAGIC))
        except InvalidTag as exc:
            raise BackupError("The backup does not decrypt: wrong JJ_BACKUP_KEY, or the file was altered.") from exc
        if final:
            if source.read(1):
                raise BackupError("The encrypted backup has data after its last part.")
            return
        counter += 1


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def _pg_env(db: BaseDatabaseWrapper) -> dict[str, str]:
    s = db.settings_dict
    env = {**os.environ, "PGDATABASE": s["NAME"], "PGHOST": s.get("HOST") or "", "PGPORT": str(s.get("PORT") or "")}
    if s.get("USER"):
        env["PGUSER"] = s["USER"]
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]  # the environment, not the command line (which `ps` shows)
    return {k: v for k, v in env.items() if v != ""}


def _run(command: list[str], env: dict[str, str]) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(
            f"{command[0]} is not installed (PostgreSQL client tools, e.g. apt-get install postgresql-client)."
        )
    done = subprocess.run([tool, *command[1:]], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


@contextmanager
def _private_tempfile(directory: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=".jj-backup-", dir=directory)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def backup_create(*, output: Path, key: bytes | None, db: BaseDatabaseWrapper = connection) -> Path:
    """Write a consistent backup of the database to `output` (mode 600), encrypted when a key is given."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with _private_tempfile(output.parent) as plain:
        if db.vendor == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={plain}"], _pg_env(db))
        elif db.vendor == "sqlite":
            db.ensure_connection()
            target = sqlite3.connect(plain)
            try:
                db.connection.backup(target)
            finally:
                target.close()
        else:
            raise BackupError(f"No backup method for {db.vendor}.")
        os.chmod(plain, 0o600)
        if key is None:
            plain.replace(output)
        else:
            with _private_tempfile(output.parent) as sealed:
                with plain.open("rb") as src, sealed.open("wb") as dst:
                    encrypt_file(source=src, target=dst, key=key)
                os.chmod(sealed, 0o600)
                sealed.replace(output)
    return output


def user_tables(db: BaseDatabaseWrapper) -> list[str]:
    with db.cursor() as cursor:
        names = db.introspection.table_names(cursor)
    return sorted(n for n in names if not n.startswith("sqlite_"))


def backup_restore(*, source: Path, key: bytes | None, db: BaseDatabaseWrapper = connection) -> None:
    """Restore a backup into the (empty) database `db`. Refuses a database that has tables: a restore never
    merges into, or overwrites, a live database. Create an empty one, restore, check, then switch over."""
    if user_tables(db):
        raise BackupError(
            f"The target database {db.settings_dict['NAME']} is not empty: restore only into a new, empty database."
        )
    with _private_tempfile(source.resolve().parent) as plain:
        if is_encrypted(source):
            if key is None:
                raise BackupError("The backup is encrypted: set JJ_BACKUP_KEY to the key it was made with.")
            with source.open("rb") as src, plain.open("wb") as dst:
                decrypt_file(source=src, target=dst, key=key)
            dump = plain
        else:
            dump = source
        with dump.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
        if db.vendor == "postgresql":
            if not head.startswith(PG_MAGIC):
                raise BackupError("This is not a PostgreSQL backup (pg_dump custom format).")
            db.close()
            command = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
            _run([*command, f"--dbname={db.settings_dict['NAME']}", str(dump)], _pg_env(db))
        elif db.vendor == "sqlite":
            if head != SQLITE_MAGIC:
                raise BackupError("This is not an SQLite backup.")
            db.close()
            source_db = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
            target = sqlite3.connect(db.settings_dict["NAME"])
            try:
                source_db.backup(target)
            finally:
                source_db.close()
                target.close()
        else:
            raise BackupError(f"No restore method for {db.vendor}.")


def _cell(value: Any) -> bytes:
    if value is None:
        return b"\x00N"
    if isinstance(value, bytes | bytearray | memoryview):
        return b"\x00B" + bytes(value)
    return str(value).encode()


def table_checksums(db: BaseDatabaseWrapper = connection) -> dict[str, dict[str, Any]]:
    """Per table: the row count and a SHA-256 over its rows in primary-key order (all columns otherwise)."""
    result: dict[str, dict[str, Any]] = {}
    quote = db.ops.quote_name
    for table in user_tables(db):
        with db.cursor() as cursor:
            columns = [c.name for c in db.introspection.get_table_description(cursor, table)]
            keys = db.introspection.get_primary_key_columns(cursor, table) or columns
            order = ", ".join(quote(k) for k in keys)
            cursor.execute(f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table)} ORDER BY {order}")  # noqa: S608
            digest = hashlib.sha256()
            rows = 0
            while batch := cursor.fetchmany(2000):
                for row in batch:
                    rows += 1
                    digest.update(b"\x1e".join(_cell(v) for v in row) + b"\x1d")
        result[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return result
