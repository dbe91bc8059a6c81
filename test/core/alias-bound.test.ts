// Issue 9, item 9: a 0.9 KB alias bomb under `institutions:` ran both faces out of memory. What
// aliases expand to is bounded once, where the YAML is read: the alias that crosses the bound is
// a `parse` finding, it and every later alias are not followed, and what lies within is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { parse } from '../../server/src/core/parse.js';
import { ensureBuilt, jsonReport, runCli, summary } from '../cli/helpers.js';
import { describe as described, lintText } from '../helpers/rule-tester.js';
import { ensureServerBuilt, fixtureUri, PUSH_CAPABILITIES, TestClient } from '../lsp/server-client.js';

/**
 * Nine chained anchors, each a unit with nine aliases of the one before, used under
 * `institutions:`: 9^8 units if expanded in full. Unit `a` has a bad phone number.
 */
function unitBomb(): string {
  const names = 'abcdefghi';
  const lines = ['provider:', '  name: Omsorgshuset ApS', '  cvr: "29403473"', 'institutions:', '  - &a {name: Afsnit a, unitType: afsnit, phone: "12"}'];
  for (let i = 1; i < names.length; i++) {
    lines.push(`  - &${names[i]} {name: Afsnit ${names[i]}, unitType: afsnit, units: [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]}`);
  }
  return lines.join('\n') + '\n';
}

const bomb = unitBomb();
/** Expanded in file order, `a` to `d` fit (about 6,500 values); the first `*d` in `e` crosses 10,000. */
const crossing = { line: 9, column: bomb.split('\n')[8].indexOf('*d') + 1, text: '*d' };

// A Node heap far below what the bomb took (4.3 GB), so a regression fails fast instead of
// taking the machine's memory.
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=256' };

describe('alias bound: the lint', () => {
  it('reports the alias that crosses the bound, once, and checks what lies within it', () => {
    expect(bomb.length).toBeLessThan(900);
    const seen = described(lintText(bomb, { fileName: 'bomb.sor.yaml' }));
    expect(seen.filter((f) => f.ruleId === 'parse')).toEqual([
      {
        ruleId: 'parse',
        severity: 'error',
        ...crossing,
        message: 'The aliases expand the document to more than 10,000 values here, so this alias and those after it are not read.',
        action: 'Write the data out, or nest fewer aliases.',
      },
    ]);
    // Unit `a`, read 820 times within the bound, is reported once, where it is written.
    const phone = seen.filter((f) => f.ruleId === 'contact-format');
    expect(phone.map((f) => [f.line, f.text])).toEqual([[5, '"12"']]);
    // Nothing the bound left unread is a schema finding (no "entry 1 of `units` must be a mapping").
    expect(seen.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('expands the units within the bound into the model, and none beyond it', () => {
    const [document] = lintText(bomb, { fileName: 'bomb.sor.yaml' }).documents;
    const byName = (name: string) => document.entities.filter((e) => e.fields.name?.text === `Afsnit ${name}`).length;
    expect(['a', 'b', 'c', 'd', 'e', 'i'].map(byName)).toEqual([1 + 9 + 81 + 729, 1 + 9 + 81, 1 + 9, 1, 1, 1]);
  });

  it('says it in Danish', () => {
    const [finding] = described(lintText(bomb, { lang: 'da' })).filter((f) => f.ruleId === 'parse');
    expect(finding.message).toBe('Aliaserne udfolder dokumentet til mere end 10.000 værdier her, så dette alias og dem efter det læses ikke.');
    expect(finding.action).toBe('Skriv dataene ud, eller brug færre aliaser i aliaser.');
  });

  it('leaves an ordinary file with an alias in every unit alone', () => {
    const units = Array.from({ length: 2000 }, (_, i) => `  - name: Afsnit ${i}\n    unitType: afsnit\n    postalAddress: *address\n    <<: *contact\n`).join('');
    const text = `x-address: &address {street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C}\nx-contact: &contact {phone: "86 12 34 56", email: a@b.dk, website: https://b.dk}\nprovider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\ninstitutions:\n${units}`;
    expect(parse(text, 'yaml').errors).toEqual([]);
  });

  it('is bounded the same under an `x-` key, and in the document of a stream where it is', () => {
    const underX = bomb.replace('institutions:', 'x-units:');
    const stream = `provider:\n  name: Første ApS\n---\n${underX}`;
    const errors = parse(stream, 'yaml').errors;
    expect(errors.map((error) => stream.slice(error.span.start, error.span.end))).toEqual(['*d']);
    expect(errors[0].span.start).toBe(stream.indexOf('*d', stream.indexOf('&e')));
  });
});

describe('alias bound: the command', () => {
  beforeAll(ensureBuilt);

  it('finishes with the findings and exit code 1, within a small heap', () => {
    const run = runCli(['--format', 'json', '--stdin-filename', 'bomb.sor.yaml', '-'], { input: bomb, env: SMALL_HEAP });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(summary(jsonReport(run))).toEqual({ 'bomb.sor.yaml': ['contact-format@5:50 error', `parse@${crossing.line}:${crossing.column} error`] });
  });
});

describe('alias bound: the language server', () => {
  let client: TestClient;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, env: SMALL_HEAP });
  });

  afterAll(() => client?.stop());

  it('publishes the finding on the alias and keeps answering', async () => {
    const uri = fixtureUri('bomb.sor.yaml');
    await client.open(uri, bomb);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const parse = diagnostics.filter((d) => d.code === 'parse');
    expect(parse.map((d) => d.range)).toEqual([
      { start: { line: crossing.line - 1, character: crossing.column - 1 }, end: { line: crossing.line - 1, character: crossing.column + 1 } },
    ]);
    expect(diagnostics.filter((d) => d.code === 'contact-format')).toHaveLength(1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 9 } });
    expect(hover).not.toBeNull();
    const other = fixtureUri('after-bomb.sor.yaml');
    await client.open(other, 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\ninstitutions:\n  - name: Plejecenter Østervang\n    unitType: plejehjem\n');
    const after = await client.diagnosticsFor(other, 1);
    expect(after.diagnostics.some((d) => d.code === 'plejehjem-retype')).toBe(true);
  });
});
