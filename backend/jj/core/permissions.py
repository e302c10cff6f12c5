from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class HasRole(BasePermission):
    """Endpoint-level role gate. Record-level scoping is done by selectors and access helpers, not here."""

    roles: frozenset[str] = frozenset()
    message = "Your role does not allow this."

    @classmethod
    def of(cls, *roles: str) -> type["HasRole"]:
        return type(f"HasRole_{'_'.join(roles)}", (cls,), {"roles": frozenset(roles)})

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(
            request.user and request.user.is_authenticated and getattr(request.user, "role", None) in self.roles
        )
