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
async function freshDiagnostics(text: string): Promise<unknown[]> {
  const uri = fixtureUri(`incremental-fresh-${++fresh}.sor.yaml`);
  await client.open(uri, text);
  const { diagnostics } = await client.diagnosticsFor(uri, 1);
  await client.closeDocument(uri);
  return diagnostics.map((d) => shown(d, uri));
}

describe('incremental lint in the server', () => {
  it('publishes after each edit mid-file what a fresh open of the same text gets', async () => {
    const { generateProvider } = await import('../../bench/generate.mjs');
    const uri = fixtureUri('incremental-big.sor.yaml');
    await client.open(uri, generateProvider({ units: 300, format: 'yaml', violations: true }));
    await client.diagnosticsFor(uri, 1);
    const text = () => client.text(uri);
    const middle = () => text().indexOf('  - name: Plejecenter', Math.floor(text().length / 2));
    const edits: { what: string; edit: () => [number, number, string] }[] = [
      { what: 'a letter typed in a name', edit: () => [middle() + 22, middle() + 22, 'x'] },
      { what: 'a phone number that needs fixing, on a new line', edit: () => [middle(), middle(), '  - name: Ny plejeenhed\n    unitType: plejeenhed\n    phone: "86-12-34-56"\n'] },
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
    for (const { what, edit } of edits) {
      const [start, end, inserted] = edit();
      const version = await client.replace(uri, start, end, inserted);
      const published = (await client.diagnosticsFor(uri, version)).diagnostics.map((d) => shown(d, uri));
      expect(published, what).toEqual(await freshDiagnostics(text()));
    }
  });
});
