// Our JSON Schemas are compiled without checking them against the meta-schema at run time (that
// costs every run ~20 ms): they are checked here instead.
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/sor-lint-config.schema.json';
import structureSchema from '../../schemas/sor-structure.schema.json';

describe('the bundled schemas', () => {
  const ajv = new Ajv2020({ strict: false });
  for (const [name, schema] of [
    ['sor-structure.schema.json', structureSchema],
    ['sor-lint-config.schema.json', configSchema],
  ] as const) {
    it(`${name} is valid JSON Schema 2020-12`, () => {
      expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    });
  }
});
