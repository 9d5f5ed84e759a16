#!/usr/bin/env python3
"""Self-test of the official-library harness (no hookcli involved).

    tests/official/.venv/bin/python tests/official/selftest.py

Signs cases with sign.mjs and sign.py, feeds every signature to verify.py and
verify.mjs (each provider the verifier supports), and checks that tampered
bodies, wrong secrets, stale timestamps and malformed lines are rejected.
Prints "N passed, M failed" and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
NODE = os.environ.get("NODE", "node")

STRIPE_SECRET = "whsec_test123"
STD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
GH_SECRET = "It's a Secret to Everybody"
SECRETS = {"stripe": STRIPE_SECRET, "github": GH_SECRET, "standard": STD_SECRET}
BODY = '{"id":"evt_1","object":"event","data":{"n":"caf\u00e9 \u2603"}}'

passed = failed = 0


def run(cmd, reqs):
    inp = "".join(json.dumps(r) + "\n" for r in reqs)
    out = subprocess.run(cmd, input=inp.encode(), capture_output=True, check=True, cwd=HERE)
    lines = out.stdout.decode().splitlines()
    assert len(lines) == len(reqs), (cmd, len(lines), len(reqs), out.stderr.decode())
    return [json.loads(x) for x in lines]


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


SIGNERS = {
    "sign.mjs": ([NODE, "sign.mjs"], ["stripe", "github", "standard"]),
    "sign.py": ([PY, "sign.py"], ["stripe", "standard"]),
}
VERIFIERS = {
    "verify.mjs": ([NODE, "verify.mjs"], {"stripe", "github", "standard"}),
    "verify.py": ([PY, "verify.py"], {"stripe", "standard"}),
}

now = int(time.time())
signed = []  # (label, provider, secret, body, headers)
for sname, (cmd, providers) in SIGNERS.items():
    reqs = [{"provider": p, "secret": SECRETS[p], "body": BODY, "timestamp": now, "id": "msg_1"} for p in providers]
    # stale timestamp (1 hour ago) for the timestamp-checking providers
    stale = [{"provider": p, "secret": SECRETS[p], "body": BODY, "timestamp": now - 3600} for p in providers if p != "github"]
    outs = run(cmd, reqs + stale)
    for r, o in zip(reqs + stale, outs):
        check(f"{sname} {r['provider']} signs", "headers" in o, o)
        label = "stale" if r["timestamp"] != now else "fresh"
        signed.append((f"{sname}/{label}", r["provider"], r["secret"], BODY, o.get("headers", {})))

for vname, (cmd, supported) in VERIFIERS.items():
    reqs, expect = [], []
    for label, p, secret, body, headers in signed:
        if p not in supported:
            continue
        fresh = label.endswith("fresh")
        base = {"provider": p, "secret": secret, "headers": headers, "body": body}
        reqs.append(base); expect.append((f"{label} {p} valid", fresh))
        reqs.append({**base, "body": body + " "}); expect.append((f"{label} {p} tampered body", False))
        wrong = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" if p == "standard" else secret + "x"
        reqs.append({**base, "secret": wrong}); expect.append((f"{label} {p} wrong secret", False))
        # lower-cased header names must still verify
        lower = {k.lower(): v for k, v in headers.items()}
        reqs.append({**base, "headers": lower}); expect.append((f"{label} {p} lowercase headers", fresh))
        if p == "stripe" and not fresh:
            # tolerance 0 disables the timestamp check in both stripe libraries
            reqs.append({**base, "tolerance": 0}); expect.append((f"{label} stripe tolerance=0", True))
    # malformed lines must yield input errors, not crashes
    bad = [{"provider": "nope"}, {"provider": "stripe", "secret": 1, "body": "", "headers": {}}]
    outs = run(cmd, reqs + bad)
    for (name, want), o in zip(expect, outs):
        check(f"{vname}: {name}", o.get("ok") is want, o)
    for o in outs[len(reqs):]:
        check(f"{vname}: bad input", o.get("ok") is False and o.get("input_error") is True, o)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
