// The providers' official libraries for the apps below, as installed for the
// cross-checks (tests/official/package-lock.json, scripts/setup-verifiers.sh),
// so that the apps use the very versions the other tests hold hookcli to.
import { createRequire } from 'node:module';

export const official = createRequire(new URL('../official/package.json', import.meta.url));
