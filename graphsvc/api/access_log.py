"""Keep secrets out of the access log: a share link's or survey link's token is the credential
itself, and it travels in the path (``/share/gsv_…``, ``/respond/gss_…``), so uvicorn would
write it into every log line."""

from __future__ import annotations

import logging
import re

__all__ = ["ACCESS_LOGGER", "RedactSecrets", "redact", "redact_access_log"]

ACCESS_LOGGER = "uvicorn.access"
# Share links and survey links carry their token in the path.
_SHARE = re.compile(r"(/(?:share|respond)/)[^/?#\s]+")
_QUERY_SECRET = re.compile(r"([?&](?:token|access_token)=)[^&#\s]+", re.IGNORECASE)


def redact(path: str) -> str:
    """``path`` with share tokens and token parameters replaced by ``…``."""
    return _QUERY_SECRET.sub(r"\1…", _SHARE.sub(r"\1…", path))


class RedactSecrets(logging.Filter):
    """Rewrites the path of uvicorn's access records (its third argument) before they are
    formatted; other records pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact(args[2]), *args[3:])
        return True


def redact_access_log() -> None:
    """Installs the filter on uvicorn's access logger, once."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())
