import { describe, expect, it } from 'vitest';
import { cvrProblem } from '../../../server/src/rules/support/cvr.js';

// FORMAT.md's example, and the published CVR numbers of Novo Nordisk A/S and LEGO A/S.
const VALID = ['29403473', '24256790', '54562519'];

describe('CVR modulus 11', () => {
  it.each(VALID)('accepts %s', (cvr) => {
    expect(cvrProblem(cvr)).toBeUndefined();
  });

  it.each(VALID)('rejects every number one digit away from %s', (cvr) => {
    for (let i = 0; i < 8; i++) {
      for (const digit of '0123456789') {
        if (digit === cvr[i]) continue;
        expect(cvrProblem(cvr.slice(0, i) + digit + cvr.slice(i + 1)), `${cvr} with ${digit} at ${i}`).toBe('checksum');
      }
    }
  });

  it.each(['', '2940347', '294034730', '2940 3473', 'DK29403473', '29-40-34-73', 'abcdefgh', '２９４０３４７３'])(
    'calls %j not 8 digits',
    (text) => {
      expect(cvrProblem(text)).toBe('format');
    },
  );
});
