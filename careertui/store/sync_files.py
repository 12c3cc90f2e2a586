"""The sync folder: change files, their envelope, and their encryption.

Layout: `FOLDER/careertui/<device id>/` per device, holding that device's change files (each
named by the first 32 hex digits of the SHA-256 of its bytes, `.cts`) and, with a passphrase,
`key.age`: the device's age identity encrypted with the passphrase (scrypt). A device writes only
into its own folder, and never changes a change file once written (temp file, fsync, rename).

A change file is zlib-compressed JSON, age-encrypted to the device's identity when a passphrase is
set, else behind a short plain header. A file whose bytes do not hash to its name is not complete
yet (a sync tool still copying it): it is skipped and tried again at the next sync. Why one
identity per device rather than the passphrase on every file: age's scrypt costs seconds per file
by design, so each device's identity is unlocked once (and kept in its own database), and every
change file is encrypted to it, which costs a millisecond.

pyrage is imported only when a file is encrypted or decrypted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from pathlib import Path
from typing import Any

from careertui.store.connection import StoreError

ROOT = "careertui"
SUFFIX = ".cts"
KEY_FILE = "key.age"
PLAIN = b"careertui-sync 1\n"
AGE = b"age-encryption.org/v1\n"
_NAME = re.compile(r"^[0-9a-f]{32}\.cts$")
_DEVICE = re.compile(r"^[0-9a-f]{32}$")
MAX_FILE = 64 << 20
"""Bytes of the largest change file read (a first sync of 100,000 entries is a few MB)."""
MAX_UNPACKED = 512 << 20
"""Bytes of JSON a change file may unpack to: a small file of zeros must not fill the memory."""


class SyncError(StoreError):
    """A sync that cannot go on, told in one line."""


def root(folder: Path) -> Path:
    return Path(folder) / ROOT


def _private_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise SyncError(f"cannot create {path}: {exc.strerror or exc}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """`data` as the new file `path` (0600): a temporary file beside it, fsync, rename."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SyncError(f"cannot write {path}: {exc.strerror or exc}") from None


def age_module() -> Any:
    """pyrage, imported only when a file is encrypted or decrypted; SyncError without it."""
    try:
        import pyrage
    except ImportError:
        raise SyncError("encryption needs the pyrage package (pip install pyrage)") from None
    return pyrage


def new_identity() -> str:
    return str(age_module().x25519.Identity.generate())


def _recipient(identity: str) -> Any:
    return age_module().x25519.Identity.from_str(identity).to_public()


def seal(payload: dict[str, Any], identity: str | None) -> bytes:
    """A change file's bytes: compressed JSON, encrypted to `identity` when there is one."""
    packed = zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)
    if identity is None:
        return PLAIN + packed
    return bytes(age_module().encrypt(packed, [_recipient(identity)]))


def file_name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32] + SUFFIX


def write_change(folder: Path, device: str, data: bytes) -> str:
    """Write a change file into this device's folder; returns its name."""
    own = root(folder) / device
    _private_dir(own)
    name = file_name(data)
    if not (own / name).exists():
        write_atomic(own / name, data)
    return name


def complete(name: str, data: bytes) -> bool:
    """Whether a change file arrived whole: its bytes hash to its name."""
    return file_name(data) == name


def is_encrypted(data: bytes) -> bool:
    return data.startswith(AGE)


def open_change(data: bytes, identity: str | None) -> dict[str, Any]:
    """The content of a complete change file; SyncError when it cannot be read."""
    if data.startswith(PLAIN):
        packed = data[len(PLAIN) :]
    elif is_encrypted(data):
        if identity is None:
            raise SyncError("encrypted")
        pyrage = age_module()
        try:
            packed = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)])
        except pyrage.DecryptError:
            raise SyncError("cannot be decrypted with its device's key") from None
    else:
        raise SyncError("is not a careertui change file")
    try:
        unpacker = zlib.decompressobj()
        text = unpacker.decompress(packed, MAX_UNPACKED)
        if unpacker.unconsumed_tail:
            raise SyncError(f"unpacks to more than {MAX_UNPACKED >> 20} MB; not read")
        content = json.loads(text.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise SyncError("is damaged") from None
    if not isinstance(content, dict) or content.get("format") != "careertui-sync":
        raise SyncError("is not a careertui change file")
    return content


def is_device(value: object) -> bool:
    return isinstance(value, str) and bool(_DEVICE.match(value))


def devices(folder: Path) -> list[str]:
    """The ids of the devices with a folder in the sync folder."""
    try:
        names = os.listdir(root(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SyncError(f"cannot read {root(folder)}: {exc.strerror or exc}") from None
    return sorted(name for name in names if _DEVICE.match(name))


def change_names(folder: Path, device: str) -> list[str]:
    """The change files of one device (temporary and foreign files left aside)."""
    try:
        names = os.listdir(root(folder) / device)
    except OSError:
        return []
    return sorted(name for name in names if _NAME.match(name))


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def too_big(path: Path) -> bool:
    """Whether a file is past MAX_FILE (then it is not read at all)."""
    try:
        return path.stat().st_size > MAX_FILE
    except OSError:
        return False


# -- keys ------------------------------------------------------------------------------------


def key_path(folder: Path, device: str) -> Path:
    return root(folder) / device / KEY_FILE


def write_key(folder: Path, device: str, identity: str, passphrase: str) -> str:
    """Publish this device's identity, encrypted with the passphrase; returns the file's hash."""
    _private_dir(root(folder) / device)
    data = bytes(age_module().passphrase.encrypt(identity.encode("ascii"), passphrase))
    write_atomic(key_path(folder, device), data)
    return hashlib.sha256(data).hexdigest()


def read_key(data: bytes, passphrase: str) -> str | None:
    """A device's identity from its key file's bytes, or None if the passphrase does not open it
    (or the file is not all there yet)."""
    pyrage = age_module()
    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase)).decode("ascii")
    except (pyrage.DecryptError, UnicodeDecodeError):
        return None


def key_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
