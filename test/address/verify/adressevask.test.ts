// Adressevask / Adressevælger against a register server on 127.0.0.1: every verdict as the user
// sees it (rule, severity, place, message), the fixes applied and re-checked, and the failures
// that must never become a false error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressVerifier } from '../../../server/src/address/verify/index.js';
import { AdressevaskVerifier } from '../../../server/src/address/verify/index.js';
import { applyEdits } from '../../../server/src/core/edits.js';
import type { RegisterServer } from '../../fixtures/address/server.js';
import { startRegisterServer } from '../../fixtures/address/server.js';
import { adressevaskHandler, REGISTER, TOKEN } from '../../fixtures/address/register.js';
import { address, careUnitYaml, verifyText } from './helpers.js';

let server: RegisterServer;
let verifier: AddressVerifier;

beforeAll(async () => {
  server = await startRegisterServer(adressevaskHandler());
  verifier = new AdressevaskVerifier({ baseUrl: server.url, token: TOKEN, http: { timeoutMs: 1000 } });
});
afterAll(() => server.close());

const { oestervang, oestervang14 } = REGISTER;

/** Applies a fix, then checks the fixed text online again: it parses, keeps its comment, and shows nothing. */
async function expectFixedClean(fixed: string): Promise<void> {
  expect(fixed).toContain('# the visiting address as the municipality wrote it');
  const again = await verifyText(fixed, verifier);
  expect(again.seen).toEqual([]);
}

describe('Adressevask verdicts', () => {
  it('exact (1000): the offline warning gives way to a note offering to record the darId, a safe fix', async () => {
    const text = careUnitYaml(address('Østervangsvej', '12'));
    const { result, seen, findings } = await verifyText(text, verifier);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toContainEqual(['address-unverified', 'warning']);
    expect(seen).toEqual([
      {
        ruleId: 'address-unverified',
        severity: 'info',
        line: 10,
        column: 5,
        text: 'visitingAddress',
        message: expect.stringContaining(`is in DAR as "Østervangsvej 12, 8000 Aarhus C (id ${oestervang.id})".`),
      },
    ]);
    expect(findings[0].action).toBe('Record its `darId` in the file (quick-fix) so it is confirmed offline too.');
    const [fix] = findings[0].fixes;
    expect(fix).toMatchObject({ title: `Record darId ${oestervang.id} (Østervangsvej 12, 8000 Aarhus C)`, safe: true });
    const fixed = applyEdits(result.text, fix.edits(result.text));
    expect(fixed).toContain(`      city: Aarhus C\n      darId: ${oestervang.id}\n`);
    await expectFixedClean(fixed);
  });

  it("exact with the town misspelt: the fix records the darId and writes DAR's spelling", async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Østervangsvej', '12', '8000', 'Århus C')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'info', text: 'visitingAddress' }]);
    expect(seen[0].message).toContain('DAR writes: city "Århus C" → "Aarhus C"');
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    expect(fixed).toContain(`      city: Aarhus C\n      darId: ${oestervang.id}\n`);
    await expectFixedClean(fixed);
  });

  it('street-name variant (900): a warning naming the candidate, whose fix writes its spelling and id', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Østervangs Vej', '12')), verifier);
    expect(seen).toEqual([
      {
        ruleId: 'address-unverified',
        severity: 'warning',
        line: 10,
        column: 5,
        text: 'visitingAddress',
        message: `The visiting address of "Plejecenter Østervang", "Østervangs Vej 12, 8000 Aarhus C", is not in DAR exactly as written; closest: "Østervangsvej 12, 8000 Aarhus C (id ${oestervang.id})".`,
      },
    ]);
    expect(findings[0].action).toBe('Pick the right one (quick-fix) or correct the address.');
    const [fix] = findings[0].fixes;
    expect(fix).toMatchObject({ title: `Write the DAR address "Østervangsvej 12, 8000 Aarhus C (id ${oestervang.id})"`, safe: false });
    const fixed = applyEdits(result.text, fix.edits(result.text));
    expect(fixed).toContain(`      street: Østervangsvej\n      houseNumber: "12"\n      postalCode: "8000"\n      city: Aarhus C\n      darId: ${oestervang.id}\n`);
    await expectFixedClean(fixed);
  });

  it('no such street in the postcode (-800): address-not-in-dar, with the closest addresses as fixes', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Ingenvej', '99')), verifier);
    expect(seen).toEqual([
      {
        ruleId: 'address-not-in-dar',
        severity: 'error',
        line: 10,
        column: 5,
        text: 'visitingAddress',
        message: 'The visiting address of "Plejecenter Østervang", "Ingenvej 99, 8000 Aarhus C", is not in DAR.',
      },
    ]);
    expect(findings[0].action).toBe('Correct the address, or pick one of the register’s closest addresses (quick-fix).');
    expect(findings[0].fixes.map((fix) => fix.title)).toEqual([
      `Write the DAR address "Østervangsvej 12, 8000 Aarhus C (id ${oestervang.id})"`,
      `Write the DAR address "Østervangsvej 14, 8000 Aarhus C (id ${oestervang14.id})"`,
    ]);
    const fixed = applyEdits(result.text, findings[0].fixes[1].edits(result.text));
    expect(fixed).toContain(`      street: Østervangsvej\n      houseNumber: "14"\n`);
    await expectFixedClean(fixed);
  });

  it('not an address (-1000) with nothing close: address-not-in-dar without fixes', async () => {
    const { seen, findings } = await verifyText(careUnitYaml(address('Xyzzy', '1')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', text: 'visitingAddress' }]);
    expect(seen[0].message).toBe('The visiting address of "Plejecenter Østervang", "Xyzzy 1, 8000 Aarhus C", is not in DAR.');
    expect(seen[0].message).not.toContain('suggests');
    expect(findings[0].fixes).toEqual([]);
  });

  it('a recorded darId the register does not know (404): address-not-in-dar on the id, with candidates for the text', async () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Ingenvej', '99', '8000', 'Aarhus C', `      darId: ${unknown}\n`)), verifier);
    expect(seen).toEqual([
      {
        ruleId: 'address-not-in-dar',
        severity: 'error',
        line: 15,
        column: 14,
        text: unknown,
        message: `DAR does not know the address id ${unknown} in the visiting address of "Plejecenter Østervang".`,
      },
    ]);
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    expect(fixed).toContain(`      street: Østervangsvej\n      houseNumber: "12"\n      postalCode: "8000"\n      city: Aarhus C\n      darId: ${oestervang.id}\n`);
    await expectFixedClean(fixed);
  });

  it('a retired address (status 4 nedlagt) is an error; a withdrawn one (5 henlagt) too', async () => {
    const retired = await verifyText(careUnitYaml(address('Gammelvej', '3')), verifier);
    expect(retired.seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', line: 10, text: 'visitingAddress' }]);
    expect(retired.seen[0].message).toBe('The visiting address of "Plejecenter Østervang", "Gammelvej 3, 8000 Aarhus C", is retired (nedlagt) in DAR and no longer a valid address.');
    const withdrawn = await verifyText(careUnitYaml(address('Henlagtvej', '5', '8000', 'Aarhus C', `      darId: ${REGISTER.henlagt.id}\n`)), verifier);
    expect(withdrawn.seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', text: 'visitingAddress' }]);
    expect(withdrawn.seen[0].message).toContain('is withdrawn (henlagt) in DAR');
  });

  it('a provisional address (status 2 foreløbig) is a warning, with the darId fix', async () => {
    const { result, seen, findings } = await verifyText(careUnitYaml(address('Nybyggervej', '1', '8200', 'Aarhus N')), verifier);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'warning', line: 10, text: 'visitingAddress' }]);
    expect(seen[0].message).toContain(`"Nybyggervej 1, 8200 Aarhus N (id ${REGISTER.ny.id})", is only provisional (foreløbig) in DAR`);
    expect(applyEdits(result.text, findings[0].fixes[0].edits(result.text))).toContain(`      darId: ${REGISTER.ny.id}\n`);
  });

  it('a confirmed darId with the address as DAR writes it shows nothing at all', async () => {
    const { seen } = await verifyText(careUnitYaml(address('Østervangsvej', '12', '8000', 'Aarhus C', `      darId: ${oestervang.id}\n`)), verifier);
    expect(seen).toEqual([]);
  });

  it("a unit without a visiting address has its postal address checked in its place, reported on the unit's name", async () => {
    const text = careUnitYaml(address('Ingenvej', '99')).replace('    visitingAddress:', '    postalAddress:');
    const { result, seen, findings } = await verifyText(text, verifier);
    expect(result.findings.filter((f) => f.ruleId === 'address-unverified').map((f) => result.text.slice(f.span.start, f.span.end))).toEqual(['name: Plejecenter Østervang']);
    expect(seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', line: 5, column: 5, text: 'name: Plejecenter Østervang' }]);
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    expect(fixed).toContain(`    postalAddress:\n      street: Østervangsvej\n      houseNumber: "12"\n`);
    await expectFixedClean(fixed);
  });

  it('a JSON file gets the darId as a JSON pair', async () => {
    const json = JSON.stringify(
      { provider: { name: 'Omsorgshuset ApS', cvr: '29403473' }, institutions: [{ name: 'Plejecenter Østervang', unitType: 'plejeenhed', visitingAddress: { street: 'Østervangsvej', houseNumber: '12', postalCode: '8000', city: 'Aarhus C' } }] },
      null,
      2,
    );
    const { result, seen, findings } = await verifyText(json, verifier, { fileName: 'care.sor.json' });
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'info', text: '"visitingAddress"' }]);
    const fixed = applyEdits(result.text, findings[0].fixes[0].edits(result.text));
    expect(fixed).toContain(`"city": "Aarhus C",\n        "darId": "${oestervang.id}"\n`);
    expect((await verifyText(fixed, verifier, { fileName: 'care.sor.json' })).seen).toEqual([]);
  });
});

describe('Adressevask failures: "could not verify now", never a false error', () => {
  const couldNot = (reason: string) => expect.stringContaining(`The visiting address of "Plejecenter Østervang" could not be verified in DAR now: ${reason}`);

  it.each([
    ['a timeout', 'Langsomvej', 'the address service did not answer in time'],
    ['HTTP 500', 'Fejlvej', 'the address service failed (HTTP 500)'],
    ['a malformed body', 'Rodvej', "the address service's answer could not be read"],
    // Issue 9 (27): an exact code without the address it found is no verdict, not "not in DAR".
    ['an exact match (1000) without an address id', 'Tomvej', "the address service's answer could not be read"],
    // Issue 9 (26): a body beyond the cap is not read to its end.
    ['a body of 3 MB', 'Stortvej', "the address service's answer could not be read (the body is larger than 1024 KB)"],
  ])('%s: an information next to the offline warning, which stays', async (_case, street, reason) => {
    const { seen } = await verifyText(careUnitYaml(address(street, '2')), verifier);
    expect(seen).toEqual([
      { ruleId: 'address-unverified', severity: 'warning', line: 10, column: 5, text: 'visitingAddress', message: expect.stringContaining('is not confirmed as a DAR address') },
      { ruleId: 'address-unverified', severity: 'info', line: 10, column: 5, text: 'visitingAddress', message: couldNot(reason) },
    ]);
  });

  it('429 with Retry-After: waits as told, then verifies', async () => {
    const before = server.requests.length;
    const started = Date.now();
    const { seen } = await verifyText(careUnitYaml(address('Travlvej', '7')), verifier);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'info', message: expect.stringContaining(`is in DAR as "Travlvej 7, 8000 Aarhus C (id ${REGISTER.travl.id})"`) }]);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/vask/', '/vask/', `/adresser/${REGISTER.travl.id}`]);
  });

  it.each([
    ['missing', undefined, 'HTTP 401'],
    ['wrong', 'not-the-token', 'HTTP 403'],
  ])('a %s token: "the service refused the token", and the token appears nowhere', async (_case, token, status) => {
    const refused = new AdressevaskVerifier({ baseUrl: server.url, token });
    const { seen, findings } = await verifyText(careUnitYaml(address('Østervangsvej', '12')), refused);
    expect(seen.find((f) => f.severity === 'info')).toMatchObject({ message: couldNot(`the address service refused the token; check it (${status})`) });
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
    if (token) expect(JSON.stringify(findings)).not.toContain(token);
  });

  it('a redirect to another host: not followed (the token rides in the URL), "could not verify now"', async () => {
    const elsewhere = await startRegisterServer(adressevaskHandler());
    const redirecting = await startRegisterServer((request) => ({
      status: 307,
      headers: { location: `${elsewhere.url}${request.path}?${new URLSearchParams(request.params).toString()}` },
    }));
    try {
      const verifier = new AdressevaskVerifier({ baseUrl: redirecting.url, token: TOKEN });
      const { seen } = await verifyText(careUnitYaml(address('Østervangsvej', '12')), verifier);
      expect(seen.find((f) => f.severity === 'info')).toMatchObject({ message: couldNot('the address service answered unexpectedly (HTTP 307 redirect)') });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });

  it('a redirect within the same origin is followed', async () => {
    const answer = adressevaskHandler();
    const moving = await startRegisterServer((request) =>
      request.path.startsWith('/v2/') ? answer({ ...request, path: request.path.slice(3) }) : { status: 301, headers: { location: `/v2${request.path}?${new URLSearchParams(request.params).toString()}` } },
    );
    try {
      const verifier = new AdressevaskVerifier({ baseUrl: moving.url, token: TOKEN });
      const { seen } = await verifyText(careUnitYaml(address('Østervangsvej', '12')), verifier);
      expect(seen).toMatchObject([{ ruleId: 'address-unverified', severity: 'info', message: expect.stringContaining(`is in DAR as`) }]);
    } finally {
      await moving.close();
    }
  });

  it('an unreachable service: a network failure, with the token nowhere in the message', async () => {
    const closed = await startRegisterServer(adressevaskHandler());
    await closed.close();
    const gone = new AdressevaskVerifier({ baseUrl: closed.url, token: TOKEN });
    const { seen, findings } = await verifyText(careUnitYaml(address('Østervangsvej', '12')), gone);
    expect(seen.find((f) => f.severity === 'info')).toMatchObject({ message: couldNot('the address service could not be reached') });
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
  });
});

describe('what leaves the machine', () => {
  it('only the address line and the token: no name, phone, email or anything else from the file', async () => {
    const privateServer = await startRegisterServer(adressevaskHandler());
    try {
      const own = new AdressevaskVerifier({ baseUrl: privateServer.url, token: TOKEN });
      await verifyText(careUnitYaml(address('Ingenvej', '99')), own);
      expect(privateServer.requests.map((r) => [r.method, r.path, r.params])).toEqual([
        ['GET', '/vask/', { adresse: 'Ingenvej 99, 8000 Aarhus C', token: TOKEN }],
        ['GET', '/adresser/soeg', { tekst: 'Ingenvej 99, 8000 Aarhus C', token: TOKEN }],
        ['GET', `/adresser/${oestervang.id}`, { token: TOKEN }],
        ['GET', `/adresser/${oestervang14.id}`, { token: TOKEN }],
      ]);
      const everything = JSON.stringify(privateServer.requests);
      for (const secret of ['Plejecenter', 'Omsorgshuset', '29403473', '86 12 34 56', 'kontakt@']) expect(everything).not.toContain(secret);
    } finally {
      await privateServer.close();
    }
  });
});
