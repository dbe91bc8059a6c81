// --online as CI runs it: the CLI as a process against an address register on 127.0.0.1.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adressevaskHandler, dawaHandler, REGISTER, TOKEN } from '../fixtures/address/register.js';
import type { RegisterServer } from '../fixtures/address/server.js';
import { startRegisterServer } from '../fixtures/address/server.js';
import { CLI, ensureBuilt } from './helpers.js';

let server: RegisterServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startRegisterServer(adressevaskHandler());
});
afterAll(() => server.close());

const FILE = `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
  postalAddress: { street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C }
institutions:
  - name: Plejecenter Østervang
    sorId: "11000016002"
    unitType: plejeenhed
    legalBasis: aeldreloven
    visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }
    postalAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }
    phone: "86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
  - name: Plejecenter Ingenvej
    sorId: "21000016006"
    unitType: plejeenhed
    legalBasis: aeldreloven
    visitingAddress: { street: Ingenvej, houseNumber: "1", postalCode: "8000", city: Aarhus C }
    postalAddress: { street: Ingenvej, houseNumber: "1", postalCode: "8000", city: Aarhus C }
    phone: "86 12 34 57"
    email: kontakt@ingenvej.dk
    website: https://ingenvej.dk
`;

/** The CLI without blocking this process, which answers as the register. */
function runAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('sor-lint --online', () => {
  it('replaces the offline warning with the register verdicts, sends only addresses and never prints the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
    writeFileSync(join(dir, 'p.sor.yaml'), FILE);
    const args = ['--online', '--address-endpoint', server.url, '--format', 'json', 'p.sor.yaml'];
    const run = await runAsync(args, dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout)[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('address'));
    expect(findings.map((f: { ruleId: string; severity: string; line: number }) => [f.ruleId, f.severity, f.line])).toEqual([
      ['address-unverified', 'info', 10],
      ['address-not-in-dar', 'error', 19],
    ]);
    expect(findings[0].message).toContain(REGISTER.oestervang.id);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    // Only what identifies an address: the written address, a search text, or a DAR id in the path.
    for (const request of server.requests) {
      expect(request.path).toMatch(/^\/(vask\/|adresser\/soeg|adresser\/[0-9a-f-]{36})$/);
      expect(Object.keys(request.params).every((key) => ['adresse', 'tekst', 'token'].includes(key))).toBe(true);
    }
    expect(JSON.stringify(server.requests)).not.toMatch(/Omsorgshuset|29403473|kontakt@/);

    // The verdicts are cached beside the project: a second run asks the register nothing.
    const cacheFile = join(dir, 'node_modules/.cache/sor-lint/addresses.json');
    expect(existsSync(cacheFile) && readFileSync(cacheFile, 'utf8')).not.toContain(TOKEN);
    const asked = server.requests.length;
    const again = await runAsync(args, dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
    expect(again.stdout).toBe(run.stdout);
    expect(server.requests.length).toBe(asked);
  });

  it('--fix --online writes the DAR id of an exactly matched address into the file, and nothing else of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
    const file = join(dir, 'p.sor.yaml');
    writeFileSync(file, FILE);
    const args = ['--fix', '--online', '--address-endpoint', server.url, '--format', 'json', 'p.sor.yaml'];
    const run = await runAsync(args, dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(
      FILE.replace(
        'visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }',
        `visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C, darId: ${REGISTER.oestervang.id} }`,
      ),
    );
    // What is left is reported: the unmatched address, not the one now recorded.
    const left = JSON.parse(run.stdout)[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('address'));
    expect(left.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['address-not-in-dar', 19]]);
    expect(run.code).toBe(1);
  });

  it('says it could not verify, as information, when the token is wrong, and keeps the offline warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
    writeFileSync(join(dir, 'p.sor.yaml'), FILE);
    const run = await runAsync(['--online', '--address-endpoint', server.url, '--format', 'json', 'p.sor.yaml'], dir, { SOR_LINT_ADDRESS_TOKEN: 'wrong' });
    const findings = JSON.parse(run.stdout)[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('address'));
    expect(findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([
      ['address-unverified', 'warning'],
      ['address-unverified', 'info'],
      ['address-unverified', 'warning'],
      ['address-unverified', 'info'],
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('wrong');
  });
});

type Found = { ruleId: string; severity: string; message: string };
const addressFindings = (stdout: string): Found[] => JSON.parse(stdout)[0].findings.filter((f: Found) => f.ruleId.startsWith('address'));
const OFFLINE = [
  ['address-unverified', 'warning'],
  ['address-unverified', 'warning'],
];

describe('a configuration file cannot turn lookups on, nor send the token (issue 9, 25)', () => {
  it('a configuration above the repository is not read, and without --online nothing is sent', async () => {
    const top = mkdtempSync(join(tmpdir(), 'sor-lint-above-'));
    writeFileSync(join(top, '.sor-lint.json'), JSON.stringify({ rules: { 'address-unverified': 'off' }, addresses: { online: true, endpoint: server.url } }));
    const checkout = join(top, 'a/b/checkout');
    mkdirSync(join(checkout, '.git'), { recursive: true });
    writeFileSync(join(checkout, 'p.sor.yaml'), FILE);
    const before = server.requests.length;
    const env = { SOR_LINT_ADDRESS_TOKEN: TOKEN };

    const inRepository = await runAsync(['--format', 'json', 'p.sor.yaml'], checkout, env);
    expect(addressFindings(inRepository.stdout).map((f) => [f.ruleId, f.severity])).toEqual(OFFLINE);
    // Outside any repository, discovery stops at the working folder.
    rmSync(join(checkout, '.git'), { recursive: true });
    const noRepository = await runAsync(['--format', 'json', 'p.sor.yaml'], checkout, env);
    expect(addressFindings(noRepository.stdout).map((f) => [f.ruleId, f.severity])).toEqual(OFFLINE);
    // The project's own configuration may choose the service, but lookups need --online.
    writeFileSync(join(checkout, '.sor-lint.json'), JSON.stringify({ addresses: { online: true, service: 'dawa', endpoint: server.url } }));
    const ownConfig = await runAsync(['--format', 'json', 'p.sor.yaml'], checkout, env);
    expect(addressFindings(ownConfig.stdout).map((f) => [f.ruleId, f.severity])).toEqual(OFFLINE);
    expect(server.requests.length).toBe(before);
  });

  it("the token goes to the endpoint the user names (command line or environment), never to a configuration file's", async () => {
    const dawa = await startRegisterServer(dawaHandler());
    try {
      const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
      writeFileSync(join(dir, 'p.sor.yaml'), FILE);
      const env = { SOR_LINT_ADDRESS_TOKEN: TOKEN };
      const before = server.requests.length;

      writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ addresses: { endpoint: server.url } }));
      const refused = await runAsync(['--online', '--format', 'json', 'p.sor.yaml'], dir, env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        `sor-lint: A configuration file cannot send the token to ${server.url}: it goes only to api.dataforsyningen.dk or to an endpoint you name yourself. (--address-endpoint URL)\n`,
      );
      expect(server.requests.length).toBe(before);

      // A DAWA-compatible service a file names is asked without the token.
      writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ addresses: { service: 'dawa', endpoint: dawa.url } }));
      const withoutToken = await runAsync(['--online', '--format', 'json', 'p.sor.yaml'], dir, env);
      expect(addressFindings(withoutToken.stdout).some((f) => f.message.includes(REGISTER.oestervang.id))).toBe(true);
      expect(dawa.requests.length).toBeGreaterThan(0);
      expect(dawa.requests.every((request) => request.params.token === undefined)).toBe(true);

      // The same endpoint from the environment is the user's: the token goes along (a fresh cache, so it asks).
      const other = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
      writeFileSync(join(other, 'p.sor.yaml'), FILE);
      writeFileSync(join(other, '.sor-lint.json'), JSON.stringify({ addresses: { service: 'dawa' } }));
      const fromEnvironment = await runAsync(['--online', '--format', 'json', 'p.sor.yaml'], other, { ...env, SOR_LINT_ADDRESS_ENDPOINT: dawa.url });
      expect(fromEnvironment.stdout).toBe(withoutToken.stdout);
      expect(dawa.requests.at(-1)?.params.token).toBe(TOKEN);
    } finally {
      await dawa.close();
    }
  });

  it('plain http to another machine never carries the token: a one-line error, nothing sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
    writeFileSync(join(dir, 'p.sor.yaml'), FILE);
    const run = await runAsync(['--online', '--address-endpoint', 'http://192.0.2.1:9', 'p.sor.yaml'], dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sor-lint: The token is sent only over https (plain http only to this machine), not to http://192.0.2.1:9. (--address-endpoint URL)\n');
  });
});

describe('a run of lookups has a deadline (issue 9, 26)', () => {
  it('a register that never answers: after --online-deadline the addresses left are "could not verify now"', { timeout: 25_000 }, async () => {
    const silent = await startRegisterServer(adressevaskHandler());
    try {
      const unit = (n: number) => `  - name: Plejecenter ${n}
    unitType: plejeenhed
    legalBasis: aeldreloven
    visitingAddress: { street: Tavsvej, houseNumber: "${n}", postalCode: "8000", city: Aarhus C }
    phone: "86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
`;
      const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
      writeFileSync(join(dir, 'p.sor.yaml'), FILE.split('institutions:\n')[0] + 'institutions:\n' + Array.from({ length: 16 }, (_, i) => unit(i + 1)).join(''));
      const run = await runAsync(['--online', '--online-deadline', '1', '--address-endpoint', silent.url, '--format', 'json', 'p.sor.yaml'], dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
      const notes = addressFindings(run.stdout).filter((f) => f.severity === 'info');
      expect(notes).toHaveLength(16);
      for (const note of notes) expect(note.message).toContain('could not be verified in DAR now: the address service did not answer in time');
      expect(run.code).toBe(0);
      // The configuration may set it too ("could not verify now" is never cached: it asks again).
      writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ addresses: { deadline: 1 } }));
      const configured = await runAsync(['--online', '--address-endpoint', silent.url, '--format', 'json', 'p.sor.yaml'], dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
      expect(configured.stdout).toBe(run.stdout);
    } finally {
      await silent.close();
    }
  });
});

describe('online verdicts go through the configuration like every finding (issue 10, one pipeline)', () => {
  it('an override by SOR code silences address-not-in-dar on that unit, and only there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-online-'));
    writeFileSync(join(dir, 'p.sor.yaml'), FILE);
    writeFileSync(join(dir, 'p2.sor.yaml'), FILE.replace('"21000016006"', '"31000016008"'));
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ overrides: [{ sorIds: ['21000016006'], rules: { 'address-not-in-dar': 'off' } }] }));
    const run = await runAsync(['--online', '--address-endpoint', server.url, '--format', 'json', 'p.sor.yaml', 'p2.sor.yaml'], dir, { SOR_LINT_ADDRESS_TOKEN: TOKEN });
    const [silenced, other] = JSON.parse(run.stdout) as { findings: Found[] }[];
    const rules = (file: { findings: Found[] }) => file.findings.filter((f) => f.ruleId.startsWith('address')).map((f) => [f.ruleId, f.severity]);
    expect(rules(silenced)).toEqual([['address-unverified', 'info']]);
    expect(rules(other)).toEqual([
      ['address-unverified', 'info'],
      ['address-not-in-dar', 'error'],
    ]);
  });
});
