// Online verification must never be in the way: verdicts cached in memory and on disk (with an
// expiry; never a failure; never the token), lookups capped in number, a stale lookup cancelled,
// and offline by default with nothing sent anywhere.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AddressSettingsError,
  AdressevaskVerifier,
  CachingVerifier,
  createAddressVerifier,
  OfflineVerifier,
  VerdictCache,
} from '../../../server/src/address/verify/index.js';
import { adressevaskHandler, REGISTER, TOKEN } from '../../fixtures/address/register.js';
import type { RegisterServer } from '../../fixtures/address/server.js';
import { startRegisterServer } from '../../fixtures/address/server.js';
import { address, careUnitYaml, verifyText } from './helpers.js';

let server: RegisterServer;
let directory: string;

beforeAll(async () => {
  server = await startRegisterServer(adressevaskHandler());
  directory = mkdtempSync(join(tmpdir(), 'sor-lint-address-'));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
const exactText = careUnitYaml(address('Østervangsvej', '12'));
const missText = careUnitYaml(address('Xyzzy', '1'));

/** A cached Adressevask verifier over the test server, with its own cache file and clock. */
function cachedVerifier(file: string, clock: { now: number }) {
  return new CachingVerifier(new AdressevaskVerifier({ baseUrl: server.url, token: TOKEN, http: { timeoutMs: 1000 } }), new VerdictCache({ file, now: () => clock.now }));
}

describe('the cache', () => {
  it('a second run asks the server nothing; a new process reads the file; the file holds no token', async () => {
    const file = join(directory, 'hit', 'addresses.json');
    const clock = { now: Date.parse('2026-11-26T12:00:00Z') };
    const first = await verifyText(exactText, cachedVerifier(file, clock));
    const asked = server.requests.length;
    const again = cachedVerifier(file, clock);
    expect((await verifyText(exactText, again)).seen).toEqual(first.seen);
    expect((await verifyText(exactText, again)).seen).toEqual(first.seen);
    expect(server.requests.length).toBe(asked);
    const stored = readFileSync(file, 'utf8');
    expect(stored).toContain(REGISTER.oestervang.id);
    expect(stored).not.toContain(TOKEN);
  });

  it('a hit keeps 7 days, a miss 1 day', async () => {
    const file = join(directory, 'expiry.json');
    const clock = { now: Date.parse('2026-11-26T12:00:00Z') };
    const verifier = cachedVerifier(file, clock);
    await verifyText(exactText, verifier);
    await verifyText(missText, verifier);
    const count = () => server.requests.length;
    let asked = count();
    clock.now += 2 * DAY;
    await verifyText(exactText, verifier);
    expect(count()).toBe(asked);
    await verifyText(missText, verifier);
    expect(count()).toBeGreaterThan(asked);
    asked = count();
    clock.now += 6 * DAY;
    await verifyText(exactText, verifier);
    expect(count()).toBeGreaterThan(asked);
  });

  it('"could not verify now" is not kept: the next run asks again', async () => {
    const clock = { now: Date.now() };
    const verifier = cachedVerifier(join(directory, 'failure.json'), clock);
    const text = careUnitYaml(address('Fejlvej', '2'));
    await verifyText(text, verifier);
    const asked = server.requests.length;
    await verifyText(text, verifier);
    expect(server.requests.length).toBe(asked + 1);
  });

  it('the same address in two care units is asked once', async () => {
    const verifier = cachedVerifier(join(directory, 'twice.json'), { now: Date.now() });
    const text = careUnitYaml(address('Østervangsvej', '12')) + `  - name: Plejecenter Vest\n    unitType: plejeenhed\n    visitingAddress:\n${address('Østervangsvej', '12')}`;
    const before = server.requests.length;
    const { seen } = await verifyText(text, verifier);
    expect(seen.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['address-unverified', 'info', 10],
      ['address-unverified', 'info', 17],
    ]);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/vask/', `/adresser/${REGISTER.oestervang.id}`]);
  });
});

describe('rate and cancellation', () => {
  let slowServer: RegisterServer | undefined;
  afterEach(async () => {
    await slowServer?.close();
    slowServer = undefined;
  });

  it('no more than the concurrency cap of requests are in flight at once', async () => {
    const answer = adressevaskHandler();
    slowServer = await startRegisterServer((request) => ({ ...answer(request), delayMs: 50 }));
    const verifier = new AdressevaskVerifier({ baseUrl: slowServer.url, token: TOKEN, http: { concurrency: 3 } });
    const units = Array.from({ length: 8 }, (_, i) => `  - name: Enhed ${i}\n    unitType: plejeenhed\n    visitingAddress:\n${address('Xyzzy', String(i + 1))}`).join('');
    const { seen } = await verifyText(careUnitYaml(address('Xyzzy', '100')) + units, verifier);
    expect(seen.filter((f) => f.ruleId === 'address-not-in-dar')).toHaveLength(9);
    expect(slowServer.requests.length).toBe(18);
    expect(slowServer.peakInFlight).toBe(3);
  });

  it('an abort (the address changed) ends the stale lookup at once, and nothing is cached', async () => {
    const clock = { now: Date.now() };
    const file = join(directory, 'aborted.json');
    const verifier = cachedVerifier(file, clock);
    const controller = new AbortController();
    const pending = verifyText(careUnitYaml(address('Langsomvej', '4')), verifier, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // The register has not answered yet (it takes SLOW_MS): the lookup ended without waiting for it.
    expect(server.inFlight).toBe(1);
    expect(() => readFileSync(file, 'utf8')).toThrow();
  });
});

describe('offline and settings', () => {
  it('offline (the default) sends nothing and leaves the offline findings as they are', async () => {
    const before = server.requests.length;
    const { result, online, seen } = await verifyText(exactText, createAddressVerifier({ service: 'offline', baseUrl: server.url, token: TOKEN }));
    expect(online).toEqual({ findings: [], replaces: [] });
    expect(seen.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['address-unverified', 'warning', 10]]);
    expect(result.findings.filter((f) => f.ruleId === 'address-unverified')).toHaveLength(1);
    expect(server.requests.length).toBe(before);
    expect(new OfflineVerifier().id).toBe('offline');
  });

  it('an online service needs its URL: there is no default', () => {
    expect(() => createAddressVerifier({ service: 'adressevask', token: TOKEN })).toThrow(AddressSettingsError);
    expect(() => createAddressVerifier({ service: 'dawa', baseUrl: 'ftp://example' })).toThrow(/needs the address service's URL/);
  });

  it("the token goes only to the service's official host, over https, or to an endpoint the user named", () => {
    expect(() => createAddressVerifier({ service: 'adressevask', baseUrl: 'https://api.dataforsyningen.dk/adressevask', token: TOKEN })).not.toThrow();
    expect(() => createAddressVerifier({ service: 'adressevask', baseUrl: 'http://api.dataforsyningen.dk/adressevask', token: TOKEN })).toThrow(/cannot send the token/);
    expect(() => createAddressVerifier({ service: 'adressevask', baseUrl: 'https://collector.example', token: TOKEN })).toThrow(/cannot send the token/);
    expect(() => createAddressVerifier({ service: 'adressevask', baseUrl: 'https://register.example', token: TOKEN, endpointFromUser: true })).not.toThrow();
    expect(() => createAddressVerifier({ service: 'dawa', baseUrl: 'http://register.example', token: TOKEN, endpointFromUser: true })).toThrow(/only over https/);
    expect(() => createAddressVerifier({ service: 'dawa', baseUrl: 'http://localhost:8080', token: TOKEN, endpointFromUser: true })).not.toThrow();
  });

  it('the configured verifier reports in Danish too, and honours `off` and suppressions', async () => {
    const verifier = createAddressVerifier({ service: 'adressevask', baseUrl: server.url, token: TOKEN, endpointFromUser: true, cacheFile: join(directory, 'settings.json') });
    const danish = await verifyText(missText, verifier, { lang: 'da' });
    expect(danish.seen).toMatchObject([{ ruleId: 'address-not-in-dar', severity: 'error', message: 'Besøgsadressen for "Plejecenter Østervang", "Xyzzy 1, 8000 Aarhus C", findes ikke i DAR.' }]);
    expect((await verifyText(missText, verifier, { rules: { 'address-not-in-dar': 'off' } })).seen).toEqual([]);
    expect((await verifyText(missText, verifier, { rules: { 'address-not-in-dar': 'warning' } })).seen).toMatchObject([{ severity: 'warning' }]);
    const suppressed = missText.replace('    visitingAddress:', '    # sor-lint-disable-next-line address-not-in-dar -- new address, registered next week\n    visitingAddress:');
    expect((await verifyText(suppressed, verifier)).seen).toEqual([]);
  });
});
