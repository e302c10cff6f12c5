#!/usr/bin/env python3
"""Verify an audit-trail export (JSON Lines) without the system that produced it.

Usage:  JJ_AUDIT_HMAC_KEY=... python3 verify_export.py audit-export.jsonl [--head SEQ:HASH]
        python3 verify_export.py audit-export.jsonl --key-file audit.key [--head SEQ:HASH]

Needs only Python 3.8+ and the chain's key (JJ_AUDIT_HMAC_KEY of the installation, handed over outside the
system). For each event it recomputes the HMAC-SHA256 of the event's canonical form (the fields below, as
compact JSON with sorted keys) and checks that it equals the event's `hash`, that each event's
`prev_hash` is the hash of the event before it, and that sequence numbers have no gaps. With --head (a
sequence number and hash you received earlier, e.g. from the system's verify page or a previous export),
it also checks that the export still contains exactly that event, so events cut from the end show up.
Events of other jurisdictions are exported as stubs (`"omitted": true`, with only `seq`, `prev_hash` and
`hash`): their links are checked, their content is not yours to see.
Exit status 0 when everything verifies, 1 otherwise, 2 on unreadable input.
"""

import argparse
import hashlib
import hmac
import json
import os
import sys

HASHED_FIELDS = (
    "seq", "occurred_at", "actor_id", "actor_username", "actor_role", "agency_id", "action", "object_type",
    "object_id", "child_ref", "outcome", "changes", "decisions", "rule_ids", "decision_outcomes", "reason",
    "request_id", "ip", "prev_hash",
)


def canonical(event):
    body = {name: event[name] for name in HASHED_FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def verify(lines, head=None, key=None):
    """Returns (ok, message). `key` is the chain's HMAC key, as bytes."""
    if not key:
        return False, "the chain's key is needed (JJ_AUDIT_HMAC_KEY or --key-file)"
    keyed = hmac.new(key, digestmod=hashlib.sha256)
    previous = None
    count = 0
    omitted_count = 0
    first = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
            seq = event["seq"]
            recorded = event["hash"]
            # Another jurisdiction's event: only its links are exported, so they are checked, not its content.
            omitted = event.get("omitted") is True
            if omitted:
                recomputed = recorded
            else:
                state = keyed.copy()
                state.update(canonical(event))
                recomputed = state.hexdigest()
        except (ValueError, KeyError, TypeError) as exc:
            return False, "line %d is not an audit event (%s)" % (number, exc)
        if first is None:
            first = seq
        if previous is not None:
            if seq != previous["seq"] + 1:
                return False, "event #%d is missing (the export jumps from #%d to #%d)" % (
                    previous["seq"] + 1, previous["seq"], seq)
            if event["prev_hash"] != previous["hash"]:
                return False, "event #%d does not link to event #%d (prev_hash differs)" % (seq, previous["seq"])
        if recomputed != recorded:
            return False, "event #%d was altered: its content no longer matches its hash" % seq
        if head is not None and seq == head[0] and recorded != head[1]:
            return False, "event #%d differs from the head you were given" % seq
        previous = event
        count += 1
        omitted_count += 1 if omitted else 0
    if count == 0:
        return False, "the export contains no events"
    if head is not None and not (first <= head[0] <= previous["seq"]):
        return False, "the export ends at #%d and does not contain the head #%d you were given" % (
            previous["seq"], head[0])
    return True, "OK: %d events verify (#%d to #%d, %d of them other jurisdictions' and linked only); last hash %s" % (
        count, first, previous["seq"], omitted_count, previous["hash"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="the .jsonl file exported from the system")
    parser.add_argument("--head", help="SEQ:HASH of an event you were given earlier")
    parser.add_argument("--key-file", help="a file holding the chain's key (else JJ_AUDIT_HMAC_KEY)")
    args = parser.parse_args(argv)
    key = os.environ.get("JJ_AUDIT_HMAC_KEY", "")
    if args.key_file:
        try:
            with open(args.key_file, encoding="utf-8") as handle:
                key = handle.read().strip()
        except OSError as exc:
            print("cannot read %s: %s" % (args.key_file, exc), file=sys.stderr)
            return 2
    if not key:
        print("the chain's key is needed: set JJ_AUDIT_HMAC_KEY or pass --key-file", file=sys.stderr)
        return 2
    head = None
    if args.head:
        seq, _, digest = args.head.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            print("--head must look like 1234:<64 hex characters>", file=sys.stderr)
            return 2
        head = (int(seq), digest)
    try:
        with open(args.export, encoding="utf-8") as handle:
            ok, message = verify(handle, head, key.encode("utf-8"))
    except OSError as exc:
        print("cannot read %s: %s" % (args.export, exc), file=sys.stderr)
        return 2
    print(message)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
