// The layer table of eslint.config.js, typed for tests/unit/layers.spec.ts, which proves it.
import type { Linter } from 'eslint';

/** Which other folders of src/ each folder may import from. */
export declare const LAYERS: Record<string, string[]>;
/** What src/main.ts may import. */
export declare const ENTRY_IMPORTS: string[];
declare const config: Linter.Config[];
export default config;
