from django.conf import settings
from django.db import models
from django.db.models import Q

from jj.cases.models import Case


class Deadline(models.Model):
    """A time limit created by the service that handled the triggering event and closed by the event that
    meets it. Overdue is computed from the data (`due_at < now and met_at is null`), never from a job."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    # The case's agency, copied by the deadline services (the only writers; a case never changes agency), so a
    # supervisor's worklist and deadline list are read from the (agency_id, due_at) index without visiting the
    # agency's cases (issue 12).
    agency_id = models.BigIntegerField()
    kind = models.CharField(max_length=64)
    rule_id = models.CharField(max_length=16, blank=True)
    description = models.CharField(max_length=300)
    # The description's template and fields (jj.rules.text), to show it again in the reader's language (jj.core.i18n).
    description_parts = models.JSONField(default=list, blank=True)
    due_at = models.DateTimeField()
    escalate_to = models.CharField(max_length=32, default="supervisor")
    # What the deadline is about (a custody episode, a detention order, ...), for closing it precisely.
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)
    priority = models.BooleanField(default=False)  # e.g. children in pretrial detention (GC24 para 87)
    created_at = models.DateTimeField(auto_now_add=True)
    met_at = models.DateTimeField(null=True, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    met_note = models.CharField(max_length=300, blank=True)
    # How it closed: met by the act it asked for, or moot because its object disappeared (INV-8).
    resolution = models.CharField(max_length=8, blank=True, choices=[("met", "Met"), ("moot", "Moot")])
    # Set once by the sweep when the overdue alert was raised, so it is raised exactly once.
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    # Set once by the reminder sweep when the "due within 24 hours" notice was raised.
    due_soon_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["due_at"], condition=Q(met_at__isnull=True), name="deadline_open_due_idx"),
            models.Index(fields=["case", "kind"], name="deadline_case_kind_idx"),
            # The worklist: a caller's open deadlines, reached from their cases (issue 12).
            models.Index(
                fields=["case", "due_at"], condition=Q(met_at__isnull=True), name="deadline_case_open_due_idx"
            ),
            models.Index(fields=["subject_type", "subject_id"], name="deadline_subject_idx"),
            # An agency's open deadlines by due date (met or moot ones have met_at): a supervisor's worklist.
            models.Index(
                fields=["agency_id", "due_at"], condition=Q(met_at__isnull=True), name="deadline_agency_open_due_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An alert for a person or a role of an agency (overdue deadline, death in custody, ...)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    recipient_role = models.CharField(max_length=32, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    deadline = models.ForeignKey(
        Deadline, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=64)
    message = models.CharField(max_length=500)
    # The message's template and fields (jj.rules.text), to show it again in the reader's language (jj.core.i18n).
    message_parts = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When an e-mail carrying it was queued (at once, or in a daily digest): each is e-mailed at most once.
    emailed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind}: {self.message[:40]}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", "Immediately"
    DIGEST = "digest", "Daily digest"
    OFF = "off", "No e-mail (in the application only)"


class NotificationPreference(models.Model):
    """How a person wants to be told by e-mail: each notification at once, or one digest a day. No row: at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_mode = models.CharField(max_length=16, choices=EmailMode.choices, default=EmailMode.IMMEDIATE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_mode}"


class OutboxEmail(models.Model):
    """An e-mail waiting to be sent, written in the transaction of the notification it carries, sent by the task
    `jj.deadlines.deliver_outbox`. A failed send stays here (attempts, last error, next try) and is tried again, so
    nothing is lost while the mail server is down. The body holds a link and a case reference, never a name."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    to_address = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    kind = models.CharField(max_length=16, default="immediate")  # immediate | digest
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(sent_at__isnull=True), name="outbox_pending_idx")
        ]

    def __str__(self) -> str:
        return f"outbox {self.pk} ({'sent' if self.sent_at else 'pending'})"
