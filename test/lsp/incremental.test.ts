// Edits in the middle of a big-ish file, over stdio: after each, the diagnostics the server
// publishes (relinted from its last lint, core/incremental.ts, with the diagnostics of untouched
// findings reused) are those a fresh open of the same text gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

let client: TestClient;
let fresh = 0;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

/** A diagnostic as the user sees it, whichever document (and version) it was published for. */
function shown(diagnostic: Diagnostic, uri: string): unknown {
  const { data, relatedInformation, ...rest } = diagnostic;
  return {
    ...rest,
    fixes: (data as { fixes: unknown }).fixes,
    related: relatedInformation?.map((related) => ({ ...related, location: { ...related.location, uri: related.location.uri === uri ? 'this file' : related.location.uri } })),
  };
}

/** The diagnostics a newly opened document with the same text gets. */
async function freshDiagnostics(text: string, format: 'yaml' | 'json'): Promise<unknown[]> {
  const uri = fixtureUri(`incremental-fresh-${++fresh}.sor.${format}`);
  await client.open(uri, text, format);
  const { diagnostics } = await client.diagnosticsFor(uri, 1);
  await client.closeDocument(uri);
  return diagnostics.map((d) => shown(d, uri));
}

type Edits = (text: () => string) => { what: string; edit: () => [number, number, string] }[];

const YAML_EDITS: Edits = (text) => {
  const middle = () => text().indexOf('  - name: Plejecenter', Math.floor(text().length / 2));
  return [
    { what: 'a letter typed in a name', edit: () => [middle() + 22, middle() + 22, 'x'] },
    { what: 'a new institution with a phone number to fix', edit: () => [middle(), middle(), '  - name: Ny plejeenhed\n    unitType: plejeenhed\n    phone: "86-12-34-56"\n'] },
    { what: 'a line removed', edit: () => [text().indexOf('    email:', middle()), text().indexOf('\n', text().indexOf('    email:', middle())) + 1, ''] },
    {
      what: "another institution's SOR code",
      edit: () => {
        const at = text().indexOf('sorId: "', middle()) + 'sorId: '.length;
        return [at, text().indexOf('\n', at), '"10001000016003"'];
      },
    },
    { what: 'a syntax error', edit: () => [middle() + 4, middle() + 4, '"'] },
    { what: 'the syntax error undone', edit: () => [middle() + 4, middle() + 5, ''] },
    { what: 'a letter typed near the end', edit: () => [text().lastIndexOf('city: ') + 6, text().lastIndexOf('city: ') + 6, 'Ny '] },
  ];
};

const JSON_EDITS: Edits = (text) => {
  const middle = () => text().indexOf('"name": "Plejecenter', Math.floor(text().length / 2));
  return [
    { what: 'a letter typed in a name', edit: () => [middle() + 21, middle() + 21, 'x'] },
    { what: 'a phone number to fix, on a new line', edit: () => [middle(), middle(), '"phone": "86-12-34-56",\n      '] },
    {
      what: "another institution's SOR code",
      edit: () => {
        const at = text().indexOf('"sorId": "', middle()) + '"sorId": '.length;
        return [at, text().indexOf(',', at), '"10001000016003"'];
      },
    },
    { what: 'a syntax error', edit: () => [middle(), middle(), '"'] },
    { what: 'the syntax error undone', edit: () => [middle(), middle() + 1, ''] },
  ];
};

describe('incremental lint in the server', () => {
  for (const [format, edits] of [['yaml', YAML_EDITS], ['json', JSON_EDITS]] as const) {
    it(`publishes after each edit mid-file of a ${format.toUpperCase()} file what a fresh open of the same text gets`, async () => {
      const { generateProvider } = await import('../../bench/generate.mjs');
      const uri = fixtureUri(`incremental-big.sor.${format}`);
      await client.open(uri, generateProvider({ units: 300, format, violations: true }), format);
      await client.diagnosticsFor(uri, 1);
      for (const { what, edit } of edits(() => client.text(uri))) {
        const [start, end, inserted] = edit();
        const version = await client.replace(uri, start, end, inserted);
        const published = (await client.diagnosticsFor(uri, version)).diagnostics.map((d) => shown(d, uri));
        expect(published, what).toEqual(await freshDiagnostics(client.text(uri), format));
      }
    });
  }
});
