// Shared JSON Lines plumbing for verify.mjs / sign.mjs.
import { createInterface } from 'node:readline';

export class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

export function describe(err) {
  if (err === null || typeof err !== 'object') return `Error: ${String(err)}`;
  const cls = (err.constructor && err.constructor.name) || err.name || 'Error';
  // First line only: stripe-node appends multi-line docs hints to its messages.
  const msg = String(err.message ?? '').split('\n')[0].trim();
  return `${cls}: ${msg}`;
}

// stdout to a pipe/file is synchronous on Linux, so each write is flushed.
export function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

export function getHeader(headers, name) {
  const lname = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lname) return v;
  }
  return undefined;
}

export function requireString(req, field) {
  if (typeof req[field] !== 'string') throw new InputError(`'${field}' must be a string`);
  return req[field];
}

export function requireObject(req, field) {
  const v = req[field];
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new InputError(`'${field}' must be an object`);
  }
  return v;
}

export function optionalInt(req, field, dflt) {
  if (req[field] === undefined || req[field] === null) return dflt;
  if (!Number.isInteger(req[field])) throw new InputError(`'${field}' must be an integer`);
  return req[field];
}

// Read JSON Lines from stdin, call `handle(req)` (may be async) for each
// non-blank line in order, and emit its result. InputError -> `onInputError`,
// any other throw -> `onError`. Never exits on a bad line.
export async function serve({ handle, onError, onInputError }) {
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let req;
    try {
      req = JSON.parse(line);
      if (req === null || typeof req !== 'object' || Array.isArray(req)) {
        throw new InputError('line must be a JSON object');
      }
    } catch (e) {
      const err = e instanceof InputError ? e : new InputError(`line is not valid JSON: ${e.message}`);
      emit(onInputError(err));
      continue;
    }
    try {
      emit(await handle(req));
    } catch (e) {
      emit(e instanceof InputError ? onInputError(e) : onError(e));
    }
  }
}
