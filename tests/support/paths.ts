import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the global setup unzips the packages the browser tests open. */
export const UNPACKED = `${ROOT}build/test-packages`;
