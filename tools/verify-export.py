#!/usr/bin/env python3
"""Checks a CaseFlow case export offline, with the checkpoints' public key alone (docs/events.md, "Case export").

Usage: tools/verify-export.py EXPORT.json PUBLIC-KEY.pem

Recomputes every event's hash (SHA-256 over the RFC 8785 form of stream, version, eventId, type, data, metadata
without its hash, previous), checks that each chains to the one before it, that the head the proof names is the
chain's hash at that version, that the Merkle audit path (RFC 9162) leads from that head to the checkpoint's root,
and that the checkpoint's signature (ECDSA P-256, SHA-256) verifies with the key. Needs Python 3 and the
`cryptography` package (Debian: apt-get install python3-cryptography; elsewhere: pip install cryptography).
Prints "verified: ..." and exits 0, or "refused: <reason>" and exits 1.
"""
import base64
import hashlib
import json
import math
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

CHECKPOINT_MEMBERS = ["format", "number", "previous", "signedAt", "afterSequence", "throughSequence", "events",
                      "segmentDigest", "streams", "merkleRoot", "keyId"]


class Refused(Exception):
    pass


def canonical(value):
    """RFC 8785: members sorted by UTF-16 code units, no white space, minimal escapes, numbers as ECMAScript writes them."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number(float(value))
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(string(name) + ":" + canonical(value[name]) for name in names) + "}"
    raise Refused(f"not JSON: {type(value).__name__}")


ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string(text):
    return '"' + "".join(ESCAPES.get(c) or (f"\\u{ord(c):04x}" if c < " " else c) for c in text) + '"'


def number(x):
    """ECMAScript's Number::toString of a finite double (RFC 8785 section 3.2.2.3)."""
    if not math.isfinite(x):
        raise Refused("a number that JSON cannot hold")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + number(-x)
    mantissa, _, exponent = repr(x).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    n = len(whole) + (int(exponent) if exponent else 0)
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    return (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + ("-" if e < 0 else "+") + str(abs(e))


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def verify_chain(export):
    case_id = export["caseId"]
    previous = ""
    hashes_by_version = {}
    for expected_version, event in enumerate(export["events"], start=1):
        if event["version"] != expected_version:
            raise Refused(f"version {event['version']} where version {expected_version} belongs: events missing or out of order")
        metadata = dict(event["metadata"])
        stored = metadata.pop("hash", None)
        recomputed = sha256_hex(canonical({
            "stream": case_id, "version": event["version"], "eventId": event["eventId"], "type": event["type"],
            "data": event["data"], "metadata": metadata, "previous": previous}).encode("utf-8"))
        if recomputed != stored or recomputed != event["hash"]:
            raise Refused(f"the hash of version {event['version']} does not hold over its content and the hash before it")
        hashes_by_version[event["version"]] = recomputed
        previous = recomputed
    return hashes_by_version


def leaf_hash(head):
    return hashlib.sha256(b"\x00" + canonical({"stream": head["stream"], "version": head["version"], "hash": head["hash"]}).encode("utf-8")).digest()


def merkle_root_from_path(leaf, index, size, path):
    """RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or None when the path has the wrong shape."""
    if index < 0 or index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for hex_node in path:
        if sn == 0:
            return None
        p = bytes.fromhex(hex_node)
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return r.hex() if sn == 0 else None


def verify_signature(checkpoint, public_key_pem):
    key = serialization.load_pem_public_key(public_key_pem)
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise Refused("the public key is not an ECDSA P-256 key")
    spki = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if sha256_hex(spki)[:16] != checkpoint["keyId"]:
        raise Refused(f"the checkpoint was signed by key {checkpoint['keyId']}, not by this public key")
    raw = base64.b64decode(checkpoint["signature"], validate=True)
    if len(raw) != 64:
        raise Refused("the signature is not 64 bytes (r and s)")
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    signed = canonical({name: checkpoint[name] for name in CHECKPOINT_MEMBERS}).encode("utf-8")
    try:
        key.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise Refused(f"the signature of checkpoint {checkpoint['number']} does not verify") from None


def verify(export, public_key_pem):
    if export.get("format") != "caseflow-case-export/1":
        raise Refused("not a caseflow-case-export/1 document")
    hashes_by_version = verify_chain(export)
    proof = export["proof"]
    head, checkpoint = proof["head"], proof["checkpoint"]
    if head["stream"] != export["caseId"] or head["version"] != export["provenThroughVersion"]:
        raise Refused("the proof names another stream or version than the export")
    if hashes_by_version.get(head["version"]) != head["hash"]:
        raise Refused(f"the signed head (version {head['version']}) is not the chain's hash at that version")
    if proof["treeSize"] != checkpoint["streams"]:
        raise Refused("the proof's tree is not the checkpoint's")
    if merkle_root_from_path(leaf_hash(head), proof["leafIndex"], proof["treeSize"], proof["path"]) != checkpoint["merkleRoot"]:
        raise Refused("the Merkle path does not lead from the case's head to the checkpoint's root")
    verify_signature(checkpoint, public_key_pem)
    return (f"verified: case {export['caseId']}, {len(export['events'])} events chained, version {head['version']} "
            f"signed in checkpoint {checkpoint['number']} (key {checkpoint['keyId']}, {checkpoint['signedAt']})")


def main(arguments):
    if len(arguments) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(arguments[0], "rb") as f:
        export = json.loads(f.read())
    with open(arguments[1], "rb") as f:
        public_key_pem = f.read()
    try:
        print(verify(export, public_key_pem))
        return 0
    except (Refused, KeyError, TypeError, ValueError) as reason:
        print(f"refused: {reason if isinstance(reason, Refused) else 'malformed export: ' + repr(reason)}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
