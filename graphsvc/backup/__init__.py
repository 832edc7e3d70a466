"""Backup and restore of a whole tenant: every node carrying its name, with all labels and
properties, and every relationship between them, in a versioned, gzip'd JSON-lines file."""

from graphsvc.backup.dump import BackupSummary, backup_tenant
from graphsvc.backup.file_format import FORMAT, FORMAT_VERSION, read_backup
from graphsvc.backup.load import CREDENTIAL_LABELS, RestoreSummary, restore_tenant

__all__ = [
    "CREDENTIAL_LABELS",
    "FORMAT",
    "FORMAT_VERSION",
    "BackupSummary",
    "RestoreSummary",
    "backup_tenant",
    "read_backup",
    "restore_tenant",
]
