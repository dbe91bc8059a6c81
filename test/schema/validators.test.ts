// The schema validators are ajv's standalone code, which the build makes from schemas/: the schema
// rule and the configuration's check run them without compiling a schema at run time. A schema
// changed since the last build leaves them stale: this says so before a test of a rule does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const GENERATED = ['server/src/rules/support/schema-validators.ts', 'server/src/config/config-validator.ts'];

describe('the generated schema validators', () => {
  for (const file of GENERATED) {
    it(`${file} is what scripts/build-validators.mjs makes from schemas/ now (npm run build writes it)`, () => {
      const generated = execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-validators.mjs'), '--stdout', file], { cwd: ROOT, encoding: 'utf8' });
      expect(readFileSync(join(ROOT, file), 'utf8')).toBe(generated);
    });
  }
});
