import pgtrigger
from django.db import models

from jj.rules.text import msgid


class Outcome(models.TextChoices):
    SUCCESS = "success", msgid("Success")
    DENIED = "denied", msgid("Denied")
    REFUSED = "refused", msgid("Refused by a compliance rule")
    FAILED = "failed", msgid("Failed")


class AuditEvent(models.Model):
    """One entry of the append-only, hash-chained audit trail.

    `hash` is the HMAC-SHA256 (key JJ_AUDIT_HMAC_KEY, outside the database) of the event's canonical form
    (jj.audit.chain.canonical), which includes `seq` and the previous event's hash, so altering, deleting or
    reordering any event breaks the chain there, even for someone who recomputes the hashes without the key.
    The actor is copied, not referenced by a foreign key, so deleting a user can never touch the trail."""

    seq = models.BigIntegerField(primary_key=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    actor_role = models.CharField(max_length=32, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    child_ref = models.CharField(max_length=32, blank=True, db_index=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.SUCCESS)
    changes = models.JSONField(default=dict, blank=True)
    decisions = models.JSONField(default=list, blank=True)
    # Derived from `decisions` (",MACR-1,PTD-2,") so oversight can filter by rule and outcome on any database.
    rule_ids = models.CharField(max_length=500, blank=True)
    decision_outcomes = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    # The PendingAuditEvent this event sealed (a read or list written before it was chained), else null. Not
    # hashed: it only lets the sealer delete the pending row, which its trigger allows once this row exists.
    pending_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["pending_id"], condition=models.Q(pending_id__isnull=False), name="audit_pending_once"
            )
        ]
        triggers = [
            pgtrigger.Protect(name="audit_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
            pgtrigger.Trigger(
                name="audit_no_truncate",
                operation=pgtrigger.Truncate,
                level=pgtrigger.Statement,
                when=pgtrigger.Before,
                # Truncating an empty table loses nothing (test databases are flushed that way); any row refuses.
                func=(
                    "IF EXISTS (SELECT 1 FROM audit_auditevent) THEN "
                    "RAISE EXCEPTION 'The audit trail is append-only: TRUNCATE of % refused', TG_TABLE_NAME; "
                    "END IF; RETURN NULL;"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class PendingAuditEvent(models.Model):
    """A read or list of a child's record (REC-1), written in the request's own transaction with one INSERT and no
    lock, and chained later by `audit_seal_pending` (a periodic task, and before anyone reads or verifies the
    trail). See docs/audit.md, "Reads without the chain lock".

    `mac` is the HMAC (same key as the chain) of the content: the sealer chains only rows whose content still
    matches it. Rows are never updated; one is deleted only once the chained AuditEvent that carries its id exists
    (the triggers below, and migration 0006 on SQLite), so a read cannot vanish between its request and its seal
    without the database's owner switching the triggers off."""

    id = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_username = models.CharField(max_length=150, blank=True)
    actor_role = models.CharField(max_length=32, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    child_ref = models.CharField(max_length=32, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.SUCCESS)
    changes = models.JSONField(default=dict, blank=True)
    decisions = models.JSONField(default=list, blank=True)
    rule_ids = models.CharField(max_length=500, blank=True)
    decision_outcomes = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip = models.CharField(max_length=64, blank=True)
    mac = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        triggers = [
            pgtrigger.Protect(name="audit_pending_no_update", operation=pgtrigger.Update),
            pgtrigger.Trigger(
                name="audit_pending_delete_sealed",
                operation=pgtrigger.Delete,
                when=pgtrigger.Before,
                func=(
                    "IF NOT EXISTS (SELECT 1 FROM audit_auditevent WHERE pending_id = OLD.id) THEN "
                    "RAISE EXCEPTION 'A pending audit event is deleted only once it is chained (id %)', OLD.id; "
                    "END IF; RETURN OLD;"
                ),
            ),
            pgtrigger.Trigger(
                name="audit_pending_no_truncate",
                operation=pgtrigger.Truncate,
                level=pgtrigger.Statement,
                when=pgtrigger.Before,
                func=(
                    "IF EXISTS (SELECT 1 FROM audit_pendingauditevent) THEN "
                    "RAISE EXCEPTION 'Pending audit events are sealed, never truncated (%)', TG_TABLE_NAME; "
                    "END IF; RETURN NULL;"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"pending {self.id} {self.action} {self.object_type}:{self.object_id}"


class ChildDataKey(models.Model):
    """One child's data key (AES-256-GCM), wrapped by the records master key (JJ_RECORDS_MASTER_KEY, outside the
    database). Identifying values in the child's audit events are encrypted under it (jj.audit.shredding), so
    destroying it (`shredded_at` set, `wrapped_key` emptied) makes those values unreadable for good while every
    event, and the hash chain over the ciphertext, stays in place. Keyed by the child's pseudonym, which events
    carry, so audit needs nothing from the people app."""

    child_ref = models.CharField(max_length=32, unique=True)
    # Which master key wrapped it (a fingerprint, never the key), so the master key can be rotated.
    master_key_id = models.CharField(max_length=16, blank=True)
    wrapped_key = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    shredded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"data key of {self.child_ref}{' (shredded)' if self.shredded_at else ''}"
