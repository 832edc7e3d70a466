"""The audit log: every change, who made it, when, and the record before and after.

Entries are written in the transaction that makes the change (both commit or neither does),
are tenant-scoped, and are readable by admins only. Who is acting is set once per request (or
command) with :func:`acting_as`; the repositories read it when they write.
"""

from graphsvc.audit.log import AuditEntry, acting_as, current_actor, entries, record, redact, set_actor, what

__all__ = ["AuditEntry", "acting_as", "current_actor", "entries", "record", "redact", "set_actor", "what"]
