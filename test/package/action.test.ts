// The GitHub Action's script as the runner runs it: a process with the inputs in INPUT_*
// variables, in the checked-out repository, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files.
// The workflow runner itself cannot run here; action.yml is checked against the script.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adressevaskHandler, TOKEN } from '../fixtures/address/register.js';
import type { RegisterServer } from '../fixtures/address/server.js';
import { startRegisterServer } from '../fixtures/address/server.js';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

const SCRIPT = path.join(ROOT, 'scripts/action.mjs');

const WITH_ERROR = 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403474"\n';
const WITH_WARNING = 'provider:\n  name: Dagcentrene ApS\n  cvr: "29403473"\n';
/** A care unit whose visiting address the register does not have (test/fixtures/address). */
const ONLINE = `provider: { name: Omsorgshuset ApS, cvr: "29403473" }
institutions:
  - name: Plejecenter Ingenvej
    unitType: plejeenhed
    visitingAddress: { street: Ingenvej, houseNumber: "1", postalCode: "8000", city: Aarhus C }
`;

interface Step {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** One run of the step in a fresh workspace holding `files`. */
function runStep(files: Record<string, string>, inputs: Record<string, string>): Promise<Step> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'sor-lint-action-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, name), text);
  const outputFile = path.join(workspace, '.github-output');
  const summaryFile = path.join(workspace, '.github-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: workspace };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replaceAll('-', '_')}`] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT], { cwd: workspace, env }, (error, stdout, stderr) => {
      const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace });
    });
  });
}

let register: RegisterServer;
beforeAll(async () => {
  ensureBuilt();
  register = await startRegisterServer(adressevaskHandler());
});
afterAll(() => register.close());

describe('the action script', () => {
  it('annotates the pull request, writes the SARIF file and fails on an error', async () => {
    const step = await runStep({ 'omsorgshuset.sor.yaml': WITH_ERROR }, {});
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(/^::error file=omsorgshuset\.sor\.yaml,line=3,col=\d+,endLine=3,endColumn=\d+,title=provider-cvr::/m);
    const sarif = JSON.parse(readFileSync(path.join(step.workspace, 'sor-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('provider-cvr');
    expect(step.outputs).toMatchObject({ 'sarif-file': 'sor-lint.sarif', errors: '1' });
    expect(step.stdout).toMatch(/^sor-lint: errors 1, warnings \d+, files 1; the step fails \(fail-on: error\)\.$/m);
    expect(step.summary).toMatch(/\| 1 \| \d+ \| 1 \|/);
  });

  it('passes with warnings by default, and fails on them with fail-on: warning or max-warnings: 0', async () => {
    const files = { 'dagcentre.sor.yaml': WITH_WARNING };
    const byDefault = await runStep(files, {});
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toMatch(/^::warning file=dagcentre\.sor\.yaml,.*title=no-careunit::/m);
    expect(byDefault.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect((await runStep(files, { 'fail-on': 'warning' })).code).toBe(1);
    const maxWarnings = await runStep(files, { 'max-warnings': '0' });
    expect(maxWarnings.code).toBe(1);
    expect(maxWarnings.stdout).toContain('(max-warnings: 0)');
    expect((await runStep(files, { 'max-warnings': '1' })).code).toBe(0);
  });

  it('reports but never fails on findings with fail-on: never; writes the formats asked for, in Danish when asked', async () => {
    const step = await runStep({ 'a.sor.yaml': WITH_ERROR }, { 'fail-on': 'never', formats: 'stylish json junit', lang: 'da', paths: 'a.sor.yaml' });
    expect(step.code).toBe(0);
    expect(step.stdout).not.toContain('::error');
    expect(step.stdout).toContain('provider-cvr');
    expect(step.stdout).toContain('sor-lint: fejl 1, advarsler 1, filer 1.');
    expect(existsSync(path.join(step.workspace, 'sor-lint.sarif'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(step.workspace, 'sor-lint.json'), 'utf8'))[0].filePath).toBe('a.sor.yaml');
    expect(readFileSync(path.join(step.workspace, 'sor-lint.junit.xml'), 'utf8')).toContain('<testsuites');
    expect(step.outputs).toMatchObject({ 'json-file': 'sor-lint.json', 'junit-file': 'sor-lint.junit.xml' });
  });

  it('checks addresses online with the token from its input, passed only in the environment and masked', async () => {
    const step = await runStep({ 'p.sor.yaml': ONLINE }, { online: 'true', 'address-endpoint': register.url, 'address-token': TOKEN, formats: 'github' });
    expect(step.stdout).toMatch(/^::error file=p\.sor\.yaml,line=5,.*title=address-not-in-dar::/m);
    expect(step.code).toBe(1);
    // The runner hides the token wherever it would appear in the log.
    expect(step.stdout.split('\n').filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    expect(register.requests.length).toBeGreaterThan(0);
  });

  it('stops with exit code 2 and one line on a bad input or when sor-lint cannot do its job', async () => {
    const badInput = await runStep({ 'a.sor.yaml': WITH_ERROR }, { 'fail-on': 'sometimes' });
    expect(badInput.code).toBe(2);
    expect(badInput.stderr).toBe('sor-lint-action: input `fail-on` is "sometimes" but must be error, warning, never.\n');
    expect((await runStep({ 'a.sor.yaml': WITH_ERROR }, { online: 'true' })).stderr).toContain('`online` needs `address-endpoint`');
    const missing = await runStep({}, { paths: 'providers/' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('providers');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  it('is a composite action that sets up Node, builds if needed and runs the script with every input but its own', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps;
    expect(steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
    const lint = steps.find((step: { id?: string }) => step.id === 'lint');
    expect(lint.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action.mjs"');
    const passed = Object.keys(lint.env);
    const forTheScript = Object.keys(action.inputs).filter((name) => !['node-version', 'upload-sarif'].includes(name));
    expect(passed.sort()).toEqual(forTheScript.map((name) => `INPUT_${name.toUpperCase().replaceAll('-', '_')}`).sort());
    for (const name of forTheScript) expect(lint.env[`INPUT_${name.toUpperCase().replaceAll('-', '_')}`]).toBe(`\${{ inputs.${name} }}`);
    const upload = steps.find((step: { uses?: string }) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload.with.sarif_file).toBe('${{ steps.lint.outputs.sarif-file }}');
    expect(upload.if).toContain('!cancelled()');
  });
});
