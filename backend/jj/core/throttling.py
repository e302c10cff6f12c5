"""Rate limits on the expensive endpoints (issue 11: exports, statistics, simulations), per user and scope.

DRF's ScopedRateThrottle counts every method of a view; a view that lists cheaply and creates expensively (the
indicator exports, the simulations) names the methods it limits in `throttle_methods`. The rates are settings
(JJ_*_RATE, docs/configuration.md); over the rate the answer is 429 with Retry-After, documented in the schema."""

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import ScopedRateThrottle


class CostlyThrottle(ScopedRateThrottle):
    """ScopedRateThrottle, limited to the view's `throttle_methods` when it names some."""

    def allow_request(self, request: Request, view: Any) -> bool:
        methods = getattr(view, "throttle_methods", None)
        if methods is not None and request.method not in methods:
            return True
        return super().allow_request(request, view)


def throttled(view: Any, method: str) -> bool:
    """Whether a request of this method to this view counts against a rate (for the schema's 429)."""
    if not any(issubclass(cls, ScopedRateThrottle) for cls in getattr(view, "throttle_classes", [])):
        return False
    methods = getattr(view, "throttle_methods", None)
    return methods is None or method in methods
