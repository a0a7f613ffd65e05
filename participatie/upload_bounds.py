"""What an uploaded zip (.xlsx, .docx, .odt) unpacks to, read from its directory before any parser
touches it.

A few kilobytes of zip can unpack to gigabytes, or hold a million tiny members; a parser that
opens it first would keep a worker busy until gunicorn kills it. The zip's own directory says how
big every member is, and Python's zipfile never hands out more than that size when a member is
read, so checking the directory is enough: what the parser later reads cannot be larger.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

# End of central directory record: signature, then the number of entries at offset 10.
_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class ZipSizes:
    members: int
    unpacked: int  # bytes, the sum of every member's declared size
    sizes: dict[str, int]  # member name → declared size


class NotAZip(ValueError):
    pass


class TooManyMembers(ValueError):
    pass


def _declared_members(data: bytes) -> int:
    """The member count from the end record, before zipfile builds its list of members."""
    start = data.rfind(_END_RECORD, max(0, len(data) - _END_RECORD_SIZE - _MAX_COMMENT))
    if start < 0 or len(data) - start < _END_RECORD_SIZE:
        raise NotAZip("no end of central directory")
    (total,) = struct.unpack_from("<H", data, start + 10)
    return int(total)


def zip_sizes(data: bytes, max_members: int) -> ZipSizes:
    """Sizes from the zip's directory; NotAZip, or TooManyMembers above max_members
    (a ZIP64 archive, 65,535 members or more, always counts as too many)."""
    declared = _declared_members(data)
    if declared > max_members:
        raise TooManyMembers(f"{declared} members")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise NotAZip(str(error)) from error
    if len(infos) > max_members:
        raise TooManyMembers(f"{len(infos)} members")
    return ZipSizes(
        members=len(infos),
        unpacked=sum(info.file_size for info in infos),
        sizes={info.filename: info.file_size for info in infos},
    )
