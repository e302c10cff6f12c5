import hashlib
import hmac

from django.conf import settings


def child_pseudonym(child_id: int) -> str:
    """A stable keyed reference for a child: the same child always gets the same one, and nobody without
    the key can go from it back to the child (GC24 para 67; A/RES/79/172 para 34)."""
    digest = hmac.new(settings.PSEUDONYM_KEY.encode(), f"child:{child_id}".encode(), hashlib.sha256).hexdigest()
    return f"C-{digest[:12].upper()}"
