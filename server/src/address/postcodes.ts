// PLACEHOLDER: replaced by the generated postcode table.
import type { PostcodeTable } from '../core/rule.js';
export const bundledPostcodes: PostcodeTable = { get: () => undefined, source: 'none' };
