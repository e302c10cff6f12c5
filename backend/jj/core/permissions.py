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


class HasCapability(BasePermission):
    """Endpoint-level gate read from the capability table (`jj.accounts.capabilities`): the caller's role takes
    at least one of these actions. Which records it reaches is decided by selectors and access helpers."""

    actions: tuple[str, ...] = ()
    message = "Your role does not allow this."

    @classmethod
    def of(cls, *actions: str) -> type["HasCapability"]:
        from jj.accounts.capabilities import TABLE

        for action in actions:
            TABLE[action]  # an unknown action fails at import, not at the first request
        name = "_".join(a.replace(".", "_") for a in actions)
        return type(f"HasCapability_{name}", (cls,), {"actions": tuple(actions)})

    def has_permission(self, request: Request, view: Any) -> bool:
        from jj.accounts.capabilities import can

        user = request.user
        return bool(user and user.is_authenticated and any(can(user, a) for a in self.actions))  # type: ignore[arg-type]
