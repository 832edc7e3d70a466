"""The name a downloaded file gets, made from a title a user typed: ``Huller omkring Hvalsø``
becomes ``Huller-omkring-Hvalsoe.png``.

A title is data and may hold anything: quotes, line breaks, slashes, ``..``, a thousand
characters. The ``Content-Disposition`` header therefore carries two names (RFC 6266):
``filename``, plain ASCII (æ → ae, ø → oe, å → aa, accents dropped, anything else a "-"), for
every browser, and ``filename*``, the same name with its Danish letters kept, as UTF-8
percent-encoded (RFC 8187), which browsers prefer. Both are at most ``MAX_STEM`` characters
before the extension, never start with a dot, and hold nothing a file system or a header could
read as a separator.

>>> file_name("Huller omkring Hvalsø", "png")
'Huller-omkring-Hvalsoe.png'
>>> content_disposition('Å "nej"/../', "svg", fallback="graphsvc-map")
'attachment; filename="Aa-nej.svg"; filename*=UTF-8\\'\\'%C3%85-nej.svg'
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["MAX_STEM", "content_disposition", "file_name"]

MAX_STEM = 80

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Letters and digits of any script stay in filename*, everything else becomes "-".
_NOT_WORD = re.compile(r"[^\w.-]+")
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")


def _tidy(text: str) -> str:
    """Runs of "-" or "." as one; no "-" or "." at either end; at most MAX_STEM characters."""
    text = _DOTS.sub(".", _DASHES.sub("-", text)).strip("-.")
    return text[:MAX_STEM].rstrip("-.")


def _ascii_stem(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title.translate(_DANISH))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return _tidy(_NOT_ASCII_SAFE.sub("-", plain))


def _unicode_stem(title: str) -> str:
    return _tidy(_NOT_WORD.sub("-", unicodedata.normalize("NFC", title)))


def file_name(title: str, extension: str, *, fallback: str = "graphsvc") -> str:
    """The ASCII file name for ``title`` with ``extension``; ``fallback`` when nothing of the
    title is left (a title of only symbols)."""
    return f"{_ascii_stem(title) or fallback}.{extension}"


def content_disposition(title: str, extension: str, *, fallback: str = "graphsvc") -> str:
    """``attachment`` with both names of the file (module docstring)."""
    ascii_name = file_name(title, extension, fallback=fallback)
    unicode_stem = _unicode_stem(title) or ascii_name.rsplit(".", 1)[0]
    encoded = quote(f"{unicode_stem}.{extension}", safe="")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{encoded}"
