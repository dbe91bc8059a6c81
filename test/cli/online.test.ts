// --online as CI runs it: the CLI as a process against an address register on 127.0.0.1.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adressevaskHandler, REGISTER, TOKEN } from '../fixtures/address/register.js';
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
