"""Output serializers that build their field set once per process (per role where the set depends on it).

A ModelSerializer introspects its model to build every field on every instance: for a list of 25 cases with
nested assignments and offences that is dozens of builds a request, most of a list's Python time (issue 12).
The built, unbound fields are kept per class and per `field_set_key()` and deep-copied for each instance, which
is what DRF itself does with declared fields; nothing is shared between requests but the blueprint."""

import copy
from collections.abc import Hashable
from typing import Any

from rest_framework import serializers
from rest_framework.fields import Field

from jj.core.i18n import localize, localize_decision_rows

_BLUEPRINTS: dict[tuple[type, Hashable], dict[str, Field]] = {}  # type: ignore[type-arg]


class CachedFieldsMixin:
    """Put before serializers.ModelSerializer in the bases. Override field_set_key() when the fields depend on
    the instance (e.g. on the caller's role); by default every instance of the class has the same fields."""

    def field_set_key(self) -> Hashable:
        return None

    def get_fields(self) -> dict[str, Field]:  # type: ignore[type-arg]
        key = (type(self), self.field_set_key())
        blueprint = _BLUEPRINTS.get(key)
        if blueprint is None:
            blueprint = self.build_field_set()
            _BLUEPRINTS[key] = blueprint
        return copy.deepcopy(blueprint)

    def build_field_set(self) -> dict[str, Field]:  # type: ignore[type-arg]
        fields: dict[str, Field] = super().get_fields()  # type: ignore[misc,type-arg]
        return fields


class LocalizedTextField(serializers.CharField):
    """Stored English text (a rule's message, a deadline's description, a timeline entry) shown in the reader's
    language and time zone, from the template parts stored beside it (jj.core.i18n). Read-only."""

    def __init__(self, *, parts_source: str, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.parts_source = parts_source

    def get_attribute(self, instance: Any) -> Any:
        return (super().get_attribute(instance), getattr(instance, self.parts_source, None))

    def to_representation(self, value: Any) -> str:
        text, parts = value
        return localize(text or "", parts)


class LocalizedDecisionsField(serializers.JSONField):
    """Decisions stored with a record (jj.core.i18n.stored_decision), shown in the reader's language. Read-only."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> Any:
        return localize_decision_rows(super().to_representation(value))
