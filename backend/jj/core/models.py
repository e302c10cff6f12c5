from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record edited by people: every update must name the version it read (optimistic concurrency)."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
