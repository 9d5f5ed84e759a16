// Re-encodes the JSON on stdin as Node would, in the way named by argv[2];
// writes the bytes to stdout. Part of the diagnosis corpus (tests/it/corpus.rs).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const stableStringify = require("json-stable-stringify");

const cases = {
  compact: (o) => JSON.stringify(o),
  compact_newline: (o) => JSON.stringify(o) + "\n",
  indent4: (o) => JSON.stringify(o, null, 4),
  tab: (o) => JSON.stringify(o, null, "\t"),
  stable: (o) => stableStringify(o),
};

const obj = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(cases[process.argv[2]](obj));
