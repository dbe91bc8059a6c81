// The GitHub Action's step (action.yml): turns the action's inputs into one sor-lint run that
// prints annotations for the pull request (--format github), writes a SARIF file for code
// scanning and a JSON report for the verdict, then fails the step by `fail-on` and
// `max-warnings`. Inputs come as INPUT_* environment variables; the token only ever as one.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_FORMATS = { sarif: 'sor-lint.sarif', json: 'sor-lint.json', junit: 'sor-lint.junit.xml' };
const LOG_FORMATS = ['github', 'stylish'];
const FAIL_ON = ['error', 'warning', 'never'];

const TEXTS = {
  badInput: (name, value, allowed) => ({
    da: `sor-lint-action: input \`${name}\` er "${value}", men skal være ${allowed}.`,
    en: `sor-lint-action: input \`${name}\` is "${value}" but must be ${allowed}.`,
  }),
  oneLogFormat: {
    da: 'sor-lint-action: `formats` kan kun have én af github og stylish (begge skrives i loggen).',
    en: 'sor-lint-action: `formats` may have only one of github and stylish (both go to the log).',
  },
  noEndpoint: {
    da: 'sor-lint-action: `online` kræver `address-endpoint` (adressetjenestens URL).',
    en: 'sor-lint-action: `online` needs `address-endpoint` (the address service URL).',
  },
  verdict: (errors, warnings, files, failing) => ({
    da: `sor-lint: fejl ${errors}, advarsler ${warnings}, filer ${files}${failing ? `; trinnet fejler (${failing}).` : '.'}`,
    en: `sor-lint: errors ${errors}, warnings ${warnings}, files ${files}${failing ? `; the step fails (${failing}).` : '.'}`,
  }),
  summaryHead: { da: '| fejl | advarsler | filer |', en: '| errors | warnings | files |' },
};

function input(env, name, fallback = '') {
  return (env[`INPUT_${name.toUpperCase().replaceAll('-', '_')}`] ?? '').trim() || fallback;
}

class InputError extends Error {}

/** The sor-lint arguments and environment for the inputs; throws InputError on a bad input. */
function plan(env, lang, jsonReport) {
  const bad = (name, value, allowed) => new InputError(TEXTS.badInput(name, value, allowed)[lang]);
  const paths = input(env, 'paths', '.').split(/\s+/).filter(Boolean);
  const formats = input(env, 'formats', 'github sarif').split(/[\s,]+/).filter(Boolean);
  for (const format of formats) if (!LOG_FORMATS.includes(format) && !(format in FILE_FORMATS)) throw bad('formats', format, [...LOG_FORMATS, ...Object.keys(FILE_FORMATS)].join(', '));
  if (formats.filter((format) => LOG_FORMATS.includes(format)).length > 1) throw new InputError(TEXTS.oneLogFormat[lang]);
  const failOn = input(env, 'fail-on', 'error');
  if (!FAIL_ON.includes(failOn)) throw bad('fail-on', failOn, FAIL_ON.join(', '));
  const maxWarnings = input(env, 'max-warnings', '-1');
  if (!/^-?\d+$/.test(maxWarnings)) throw bad('max-warnings', maxWarnings, 'a whole number (-1: no limit)');
  const outputs = {};
  const args = [];
  for (const format of formats) {
    if (LOG_FORMATS.includes(format)) {
      args.push('--format', format);
    } else {
      outputs[format] = format === 'sarif' ? input(env, 'sarif-file', FILE_FORMATS.sarif) : FILE_FORMATS[format];
      args.push('--format', format, '--output-file', outputs[format]);
    }
  }
  args.push('--format', 'json', '--output-file', jsonReport, '--lang', lang);
  const config = input(env, 'config');
  if (config) args.push('--config', config);
  const childEnv = { ...process.env, ...env };
  if (input(env, 'online', 'false') === 'true') {
    const endpoint = input(env, 'address-endpoint');
    if (!endpoint) throw new InputError(TEXTS.noEndpoint[lang]);
    args.push('--online', '--address-endpoint', endpoint);
  }
  // The token reaches sor-lint in its environment variable only, never on a command line.
  const token = input(env, 'address-token');
  if (token) childEnv.SOR_LINT_ADDRESS_TOKEN = token;
  for (const name of Object.keys(childEnv)) if (name.startsWith('INPUT_')) delete childEnv[name];
  args.push(...paths);
  return { args, env: childEnv, outputs, failOn, maxWarnings: Number(maxWarnings), token };
}

/** Why the step fails, or undefined when it passes. */
function failure({ failOn, maxWarnings }, errors, warnings) {
  if (failOn === 'never') return undefined;
  if (errors > 0) return `fail-on: ${failOn}`;
  if (failOn === 'warning' && warnings > 0) return 'fail-on: warning';
  if (maxWarnings >= 0 && warnings > maxWarnings) return `max-warnings: ${maxWarnings}`;
  return undefined;
}

function main(env = process.env, cli = path.join(env.GITHUB_ACTION_PATH ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'dist/cli.js')) {
  const lang = input(env, 'lang', 'en') === 'da' ? 'da' : 'en';
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sor-lint-action-'));
  try {
    const jsonReport = path.join(scratch, 'report.json');
    let run;
    try {
      run = plan(env, lang, jsonReport);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      console.error(error.message);
      return 2;
    }
    if (run.token) console.log(`::add-mask::${run.token}`);
    const lint = spawnSync(process.execPath, [cli, ...run.args], { stdio: 'inherit', env: run.env });
    if (lint.status !== 0 && lint.status !== 1) return 2;
    const reports = JSON.parse(readFileSync(jsonReport, 'utf8'));
    const findings = reports.flatMap((report) => report.findings);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const failing = failure(run, errors, warnings);
    console.log(TEXTS.verdict(errors, warnings, reports.length, failing)[lang]);
    const outputs = { errors, warnings, ...Object.fromEntries(Object.entries(run.outputs).map(([format, file]) => [`${format}-file`, file])) };
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`).join(''));
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${TEXTS.summaryHead[lang]}\n|---|---|---|\n| ${errors} | ${warnings} | ${reports.length} |\n`);
    return failing ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
