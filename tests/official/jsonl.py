"""JSON Lines loop shared by the per-provider scripts (slack_official.py,
paddle_official.py, razorpay_official.py): one JSON object per input line, one answer line per input,
flushed, a library exception reported as {"ok": false, "error": ...}."""
import json
import sys


class InputError(Exception):
    pass


def describe(exc):
    msg = str(exc).split("\n", 1)[0].strip()
    return f"{type(exc).__name__}: {msg}"


def header(headers, name):
    """Case-insensitive header lookup; None when absent."""
    for k, v in headers.items():
        if k.lower() == name.lower():
            return v
    return None


def serve(handle):
    """Calls handle(request) per line; it returns the answer object."""
    try:
        for raw in sys.stdin.buffer:
            if not raw.strip():
                continue
            try:
                req = json.loads(raw.decode("utf-8"))
                if not isinstance(req, dict):
                    raise InputError("line must be a JSON object")
                answer = handle(req)
            except InputError as e:
                answer = {"ok": False, "error": describe(e), "input_error": True}
            except Exception as e:  # a library's rejection is an answer
                answer = {"ok": False, "error": describe(e)}
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
