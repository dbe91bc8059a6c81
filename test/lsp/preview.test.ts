// The plejeoverblikket preview over the language server: the `sor-lint/preview` request answers
// from the document's newest lint (linting it if need be), and `sor-lint/previewChanged` follows
// each publication so a webview can keep up with the typing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import type { PreviewResult } from '../../server/src/lsp/protocol.js';
import { ensureServerBuilt, FIXTURES, fixtureUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE = readFileSync(join(FIXTURES, 'preview.sor.yaml'), 'utf8');
const BAD_EMAIL = 'kontakt@birkely';

let client: TestClient;
let counter = 0;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

function preview(uri: string): Promise<PreviewResult> {
  return client.connection.sendRequest('sor-lint/preview', { uri }) as Promise<PreviewResult>;
}

/** The care units as the webview shows them: name, line, state, and where each blocking finding points. */
function cards(result: PreviewResult, uri: string) {
  const lines = client.text(uri).split('\n');
  return result.preview!.providers.flatMap((provider) =>
    provider.careUnits.map((unit) => ({
      name: unit.name,
      line: unit.line,
      state: unit.state,
      email: unit.email?.text,
      blocking: unit.blocking.map((finding) => ({
        ruleId: finding.ruleId,
        line: finding.line,
        column: finding.column,
        text: lines[finding.line - 1].slice(finding.column - 1, finding.column - 1 + BAD_EMAIL.length),
      })),
    })),
  );
}

describe('the preview request', () => {
  it('answers with the care units, shown or rejected, and the line of what blocks one (linting at once)', async () => {
    const uri = fixtureUri(`preview${++counter}.sor.yaml`);
    await client.open(uri, FIXTURE);
    const result = await preview(uri);
    expect(result.version).toBe(1);
    expect(result.preview!.summary).toEqual({ careUnits: 2, shown: 1, rejected: 1, closed: 0 });
    expect(result.preview!.providers.map((p) => [p.name, p.line, p.blocking])).toEqual([['Omsorgshuset ApS', 3, []]]);
    expect(cards(result, uri)).toEqual([
      { name: 'Plejecenter Østervang', line: 11, state: 'shown', email: 'kontakt@oestervang.dk', blocking: [] },
      { name: 'Plejecenter Birkely', line: 23, state: 'rejected', email: BAD_EMAIL, blocking: [{ ruleId: 'contact-format', line: 27, column: 12, text: BAD_EMAIL }] },
    ]);
    expect(result.preview!.providers[0].careUnits[1].blocking[0].message).toBe(`The e-mail address "${BAD_EMAIL}" of "Plejecenter Birkely" has an invalid domain after the @.`);
  });

  it('announces each publication, and the next request shows the edited text', async () => {
    const uri = fixtureUri(`preview${++counter}.sor.yaml`);
    await client.open(uri, FIXTURE);
    await client.waitFor('previewChanged v1', () => client.previewChanges.find((p) => p.uri === uri && p.version === 1));
    const at = FIXTURE.indexOf(BAD_EMAIL) + BAD_EMAIL.length;
    const version = await client.replace(uri, at, at, '.dk');
    // Checked the moment the notification arrives: the diagnostics of that version came first.
    const publishedBefore = await client.waitFor('previewChanged v2', () =>
      client.previewChanges.some((p) => p.uri === uri && p.version === version) ? client.published.some((p) => p.uri === uri && p.version === version) : undefined,
    );
    expect(publishedBefore).toBe(true);
    const result = await preview(uri);
    expect(result.version).toBe(version);
    expect(result.preview!.summary).toEqual({ careUnits: 2, shown: 2, rejected: 0, closed: 0 });
    expect(cards(result, uri).map((card) => [card.name, card.state, card.email, card.blocking])).toEqual([
      ['Plejecenter Østervang', 'shown', 'kontakt@oestervang.dk', []],
      ['Plejecenter Birkely', 'shown', 'kontakt@birkely.dk', []],
    ]);
  });

  it('answers null for a document that is not a SOR file, and for one that is not open', async () => {
    const compose = fixtureUri('docker-compose.yaml');
    await client.open(compose, 'services:\n  web:\n    image: nginx\n');
    expect(await preview(compose)).toEqual({ version: 1, preview: null });
    expect(await preview(fixtureUri('never-opened.sor.yaml'))).toEqual({ version: null, preview: null });
    expect(client.previewChanges.some((p) => p.uri === compose)).toBe(false);
  });
});

describe('the preview with pulled diagnostics', () => {
  it('announces a new result after each pull', async () => {
    const pulling = await TestClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      const uri = fixtureUri('pulled-preview.sor.yaml');
      await pulling.open(uri, FIXTURE);
      const report = (await pulling.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
      expect(report.items.map((d) => d.code)).toContain('contact-format');
      expect(await pulling.waitFor('previewChanged', () => pulling.previewChanges.find((p) => p.uri === uri))).toEqual({ uri, version: 1 });
    } finally {
      await pulling.stop();
    }
  });
});
