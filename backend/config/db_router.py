"""Database router: reads to the replica when asked for (jj/core/replica.py), everything else to the primary."""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from jj.core.replica import PRIMARY_ONLY_APPS, REPLICA_ALIAS, replica_configured, replica_reads_requested


class ReplicaRouter:
    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if not replica_reads_requested() or not replica_configured():
            return None
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None  # a read inside a write transaction must see that transaction
        return REPLICA_ALIAS

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return None  # the primary

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db == DEFAULT_DB_ALIAS  # the replica gets its schema by replication
