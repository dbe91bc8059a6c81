import { describe, expect, it } from 'vitest';
import { jsonPieces, streamed } from '../../server/src/cli/formatters/json-pieces.js';

// The streamed reports (json, sarif) must stay byte for byte what JSON.stringify(value, null, 2) wrote.
describe('jsonPieces', () => {
  const finding = { ruleId: 'contact-format', message: 'Line\nbreak "quoted" ø', line: 3, fixable: false, action: null };
  const cases: Array<[string, unknown, unknown]> = [
    ['a streamed list of objects', [{ filePath: 'a.sor.yaml', findings: streamed([finding, finding]) }], [{ filePath: 'a.sor.yaml', findings: [finding, finding] }]],
    ['an empty streamed list', { runs: [{ results: streamed([]) }] }, { runs: [{ results: [] }] }],
    ['no files', streamed([]), []],
    ['values it drops or keeps', { a: undefined, b: streamed([1, 'x', null, [], {}]), c: {} }, { a: undefined, b: [1, 'x', null, [], {}], c: {} }],
    ['a streamed list of streamed lists', streamed([streamed([1, { a: [2] }]), 3]), [[1, { a: [2] }], 3]],
    ['items made as they are written', streamed([1, 2], (n) => ({ n, nested: { deeper: [n] } })), [{ n: 1, nested: { deeper: [1] } }, { n: 2, nested: { deeper: [2] } }]],
  ];
  for (const [name, value, plain] of cases) {
    it(name, () => {
      expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(plain, null, 2));
    });
  }
});
