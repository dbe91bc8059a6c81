// A DAWA-compatible service against a register server on 127.0.0.1: categories A, B and C, an
// empty answer, an unknown id, DAWA's own status codes read as DAR's, and the failure modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DawaVerifier } from '../../../server/src/address/verify/index.js';
import { applyEdits } from '../../../server/src/core/edits.js';
import { dawaHandler, REGISTER } from '../../fixtures/address/register.js';
import type { RegisterServer } from '../../fixtures/address/server.js';
import { startRegisterServer } from '../../fixtures/address/server.js';
import { address, careUnitYaml, verifyText } from './helpers.js';

let server: RegisterServer;
let verifier: DawaVerifier;

beforeAll(async () => {
  server = await startRegisterServer(dawaHandler());
  verifier = new DawaVerifier({ baseUrl: `${server.url}/`, http: { timeoutMs: 1000 } });
});
afterAll(() => server.close());

const { oestervang, oestervang14 } = REGISTER;
const line = (id: string, text: string) => `"${text} (id ${id})"`;

describe('DAWA datavask verdicts', () => {
  it('A: exact; the darId fix is safe, and the fixed file verifies by id with nothing to show', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Østervangsvej', '12')), verifier);
    expect(seen).toEqual([
      { ruleId: 'address-unverified', severity: 'info', line: 10, column: 5, text: 'visitingAddress', message: expect.stringContaining(`is in DAR as ${line(oestervang.id, 'Østervangsvej 12, 8000 Aarhus C')}`) },
    ]);
    expect(findings[0].fixes[0].safe).toBe(true);
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    const before = server.requests.length;
    expect((await verifyText(fixed, verifier)).seen).toEqual([]);
    expect(server.requests.slice(before).map((r) => [r.path, r.params])).toEqual([[`/adresser/${oestervang.id}`, {}]]);
  });

  it('B: sure with small differences is still a near match: a warning and one candidate fix', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Østervangs Vej', '12')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'warning', line: 10, text: 'visitingAddress' }]);
    expect(seen[0].message).toContain(`; closest: ${line(oestervang.id, 'Østervangsvej 12, 8000 Aarhus C')}.`);
    expect(findings[0].action).toBe('Pick the right one (quick-fix) or correct the address.');
    expect(findings[0].fixes).toHaveLength(1);
    expect((await verifyText(applyEdits(result.text, findings[0].fixes[0].edits(result.text)), verifier)).seen).toEqual([]);
  });

  it('C: uncertain, several candidates: a warning naming each, one fix per candidate', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Ingenvej', '99')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'warning', line: 10, text: 'visitingAddress' }]);
    expect(seen[0].message).toContain(`; closest: ${line(oestervang.id, 'Østervangsvej 12, 8000 Aarhus C')}; ${line(oestervang14.id, 'Østervangsvej 14, 8000 Aarhus C')}.`);
    expect(findings[0].fixes.map((fix) => fix.safe)).toEqual([false, false]);
    const fixed = applyEdits(result.text, findings[0].fixes[1].edits(result.text));
    expect(fixed).toContain(`      street: Østervangsvej\n      houseNumber: "14"\n      postalCode: "8000"\n      city: Aarhus C\n      darId: ${oestervang14.id}\n`);
    expect((await verifyText(fixed, verifier)).seen).toEqual([]);
  });

  it('no result at all: address-not-in-dar without fixes', async () => {
    const { seen, findings } = await verifyText(careUnitYaml(address('Xyzzy', '1')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', line: 10, text: 'visitingAddress' }]);
    expect(findings[0].fixes).toEqual([]);
  });

  it('an unknown darId (404): address-not-in-dar on the id, the washed candidates as fixes', async () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    const { seen, findings } = await verifyText(careUnitYaml(address('Ingenvej', '99', '8000', 'Aarhus C', `      darId: ${unknown}\n`)), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', line: 15, column: 14, text: unknown }]);
    expect(findings[0].fixes).toHaveLength(2);
  });

  it("DAWA's status codes read as DAR's: 2 nedlagt is an error, 3 foreløbig a warning", async () => {
    const retired = await verifyText(careUnitYaml(address('Gammelvej', '3')), verifier);
    expect(retired.seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', message: expect.stringContaining('is retired (nedlagt) in DAR') }]);
    const provisional = await verifyText(careUnitYaml(address('Nybyggervej', '1', '8200', 'Aarhus N')), verifier);
    expect(provisional.seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'warning', message: expect.stringContaining('is only provisional (foreløbig) in DAR') }]);
  });

  it('an address with floor and door matches that unit address, whose id the fix records', async () => {
    const { result, findings } = await verifyText(careUnitYaml(address('Østervangsvej', '12', '8000', 'Aarhus C', '      floor: st\n      door: tv\n')), verifier);
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    expect(fixed).toContain(`      floor: st\n      door: tv\n      darId: ${REGISTER.oestervangFloor.id}\n`);
  });
});

describe('DAWA failures', () => {
  it.each([
    ['Langsomvej', 'the address service did not answer in time'],
    ['Fejlvej', 'the address service failed (HTTP 500)'],
    ['Rodvej', "the address service's answer could not be read"],
  ])('%s: could not verify now, as information; the offline warning stays', async (street, reason) => {
    const { seen } = await verifyText(careUnitYaml(address(street, '2')), verifier);
    expect(seen.map((f) => [f.ruleId, f.severity])).toEqual([
      ['address-unverified', 'warning'],
      ['address-unverified', 'info'],
    ]);
    expect(seen[1].message).toContain(`could not be verified in DAR now: ${reason}`);
  });

  it('429 with Retry-After, then success', async () => {
    const { seen } = await verifyText(careUnitYaml(address('Travlvej', '7')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'info', message: expect.stringContaining(`(id ${REGISTER.travl.id})`) }]);
  });
});
