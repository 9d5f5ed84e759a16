"""Re-encodes the JSON on stdin as Python's json module would, in the way
named by argv[1]; writes the bytes to stdout. Part of the diagnosis corpus
(tests/it/corpus.rs)."""
import json
import sys

CASES = {
    "default": lambda o: json.dumps(o),
    "ensure_ascii_false": lambda o: json.dumps(o, ensure_ascii=False),
    "compact": lambda o: json.dumps(o, separators=(",", ":")),
    "indent2": lambda o: json.dumps(o, indent=2),
    "indent4": lambda o: json.dumps(o, indent=4),
    "sort_keys_pretty": lambda o: json.dumps(o, indent=2, sort_keys=True),
    "sort_keys_compact": lambda o: json.dumps(o, separators=(",", ":"), sort_keys=True),
}

obj = json.loads(sys.stdin.buffer.read())
sys.stdout.buffer.write(CASES[sys.argv[1]](obj).encode("utf-8"))
