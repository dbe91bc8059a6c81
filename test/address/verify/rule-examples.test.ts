// address-not-in-dar's own documentation examples, checked the way the rule works: offline it
// reports nothing (nothing offline can know), online the invalid example is reported and the
// valid one is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdressevaskVerifier } from '../../../server/src/address/verify/index.js';
import { addressNotInDar } from '../../../server/src/rules/address-not-in-dar.js';
import { exampleFindings } from '../../helpers/rule-tester.js';
import { adressevaskHandler, TOKEN } from '../../fixtures/address/register.js';
import type { RegisterServer } from '../../fixtures/address/server.js';
import { startRegisterServer } from '../../fixtures/address/server.js';
import { verifyText } from './helpers.js';

let server: RegisterServer;
beforeAll(async () => {
  server = await startRegisterServer(adressevaskHandler());
});
afterAll(() => server.close());

describe('address-not-in-dar examples', () => {
  it('offline, the rule itself reports nothing', () => {
    expect(exampleFindings(addressNotInDar)).toEqual({ invalid: [], valid: [] });
  });

  it('online, the invalid example is reported on its visiting address and the valid one shows nothing', async () => {
    const verifier = new AdressevaskVerifier({ baseUrl: server.url, token: TOKEN });
    const invalid = await verifyText(addressNotInDar.docs.invalidExample, verifier);
    expect(invalid.seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', line: 4, column: 5, text: 'visitingAddress' }]);
    expect(invalid.seen[0].message).toBe('The visiting address of "Plejecenter Østervang", "Østervangsvej 99, 8000 Aarhus C", is not in DAR.');
    expect((await verifyText(addressNotInDar.docs.validExample, verifier)).seen).toEqual([]);
  });
});
