import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../server/src/rules/support/phone.js';

describe('Danish phone numbers', () => {
  it.each(['86123456', '86 12 34 56', '8612 3456', '3332 3900', '+45 86 12 34 56', '+4586123456', '0045 86 12 34 56', '004586123456', '20 30 40 50', '99 99 99 99'])(
    'accepts %s',
    (phone) => {
      expect(checkPhone(phone)).toBeUndefined();
    },
  );

  it.each([
    ['86-12-34-56', '86 12 34 56'],
    ['86.12.34.56', '86 12 34 56'],
    ['8612  3456', '86 12 34 56'],
    ['86 12 34 56 ', '86 12 34 56'],
    ['86\u00a012\u00a034\u00a056', '86 12 34 56'],
    ['+45  86 12 34 56', '+45 86 12 34 56'],
    ['+45-86123456', '+45 86 12 34 56'],
    ['(+45) 86 12 34 56', '+45 86 12 34 56'],
    ['0045  8612 3456', '0045 86 12 34 56'],
    ['86/12/34/56', '86 12 34 56'],
  ])('rewrites %j, whose digits are right, as %j', (phone, normalised) => {
    expect(checkPhone(phone)).toEqual({ problem: 'separators', normalised });
  });

  it.each([
    ['8612345', 'digit-count'],
    ['861234567', 'digit-count'],
    ['45 86 12 34 56', 'digit-count'],
    ['+45 (0) 86 12 34 56', 'digit-count'],
    ['06 12 34 56', 'first-digit'],
    ['+45 12 34 56 78', 'first-digit'],
    ['+46 8 123 456 78', 'foreign'],
    ['0046 812345678', 'foreign'],
    ['86 12 34 56 lok. 12', 'characters'],
    ['tlf. 86 12 34 56', 'characters'],
    ['86+123456', 'characters'],
  ])('rejects %j (%s) without a rewrite', (phone, problem) => {
    expect(checkPhone(phone)).toEqual({ problem });
  });
});
