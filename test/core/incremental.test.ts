// The incremental lint against the full one: random edits to real files (and a generated provider
// of many institutions), and after each the result of `relint` on the previous result must be the
// result of `lint` of the same text: every finding as a face shows it, and the documents' trees and
// models. A failure names the seed, the edit number and the edit, so it can be replayed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../server/src/core/ast.js';
import { isQuoted, scalarValue } from '../../server/src/core/ast.js';
import { relint } from '../../server/src/core/incremental.js';
import type { LintOptions, LintResult } from '../../server/src/core/lint.js';
import { lint } from '../../server/src/core/lint.js';
import type { Entity } from '../../server/src/core/model.js';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** A small seeded generator (mulberry32): the same seed, the same edits. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edit {
  kind: string;
  start: number;
  end: number;
  text: string;
}

/** Mostly what typing a value brings, and every character that means something to YAML. */
const TYPED = ['a', 'e', 'Z', 'ø', 'Å', '0', '7', '4', ' ', '.', '@', '/'];
const SYNTAX = [' ', ':', '-', '#', '\n', '"', "'", '{', '}', '[', ']', ',', '&', '*', '|', '>', '\t', '!', '%', '?', '\r\n', '\uFFFD'];
const CHARACTERS = [...TYPED, ...TYPED, ...TYPED, ...SYNTAX];
const LINES = [
  '# sor-lint-disable-next-line contact-format',
  '# sor-lint-disable-next-line',
  '# sor-lint-disable address-unverified',
  '# sor-lint-enable address-unverified',
  '# sor-lint-disable-next-line no-such-rule -- a reason',
  'unitType: plejeenhed',
  'unitType: plejehjem',
  'sorId: "11000016002"',
  'phone: "86-12-34-56"',
  'website: example.dk',
  'toDate: 2020-01-01',
  'units:',
  '- name: Ny enhed',
  'name:',
  '<<: { phone: "+45 11 22 33 44" }',
  'email: a@b',
  '---',
];

/** One random edit of `text`: mostly small ones inside the institutions, some at the boundaries, some whole lines and items. */
function randomEdit(text: string, next: () => number): Edit {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number) => {
    const start = lineStarts[index];
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
    return { start, end };
  };
  // Mostly inside the institutions, where an edit can be relinted alone; the rest anywhere.
  const list = Math.max(text.indexOf('\ninstitutions:'), text.indexOf('"institutions"')) + 1;
  const anywhere = () => (list > 0 && next() < 0.75 ? list + Math.floor(next() * (text.length + 1 - list)) : Math.floor(next() * (text.length + 1)));
  const indentOf = (start: number) => /^ */.exec(text.slice(start))![0];
  const roll = next();
  if (roll < 0.35) {
    const at = anywhere();
    return { kind: 'type', start: at, end: at, text: Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TYPED)).join('') };
  }
  if (roll < 0.42) {
    const at = anywhere();
    return { kind: 'insert', start: at, end: at, text: pick(SYNTAX) };
  }
  if (roll < 0.52) {
    const at = anywhere();
    return { kind: 'delete', start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 4)), text: '' };
  }
  if (roll < 0.56) {
    // A value copied from another line with the same key: a shared SOR code, a new care unit, a name.
    const keyOf = (start: number) => /^ *(?:- )?"?([A-Za-z]+)"?:/.exec(text.slice(start, start + 60))?.[1];
    const valued = lineStarts.filter((start) => /^ *(?:- )?"?[A-Za-z]+"?: *\S/.test(text.slice(start, start + 60)));
    const target = valued.length > 0 ? pick(valued) : 0;
    const key = keyOf(target);
    const sources = valued.filter((start) => start !== target && keyOf(start) === key);
    if (key && sources.length > 0) {
      const valueAt = (start: number) => start + text.slice(start).indexOf(':') + 1;
      const lineEnd = (start: number) => (text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
      const source = pick(sources);
      return { kind: 'copy value', start: valueAt(target), end: lineEnd(target), text: text.slice(valueAt(source), lineEnd(source)) };
    }
  }
  if (roll < 0.6) {
    const at = anywhere();
    return { kind: 'replace', start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: pick(CHARACTERS) };
  }
  const line = lineAt(Math.floor(next() * lineStarts.length));
  if (roll < 0.68) return { kind: 'delete line', start: line.start, end: line.end, text: '' };
  if (roll < 0.76) return { kind: 'duplicate line', start: line.end, end: line.end, text: text.slice(line.start, line.end) + (text.endsWith('\n') || line.end < text.length ? '' : '\n') };
  if (roll < 0.86) {
    const indent = indentOf(line.start);
    return { kind: 'insert line', start: line.start, end: line.start, text: `${next() < 0.7 ? indent : indent + '  '}${pick(LINES)}\n` };
  }
  if (roll < 0.9) {
    // At a boundary: the start of a list item's line, or the end of the line before.
    const items = lineStarts.filter((start) => /^ *- /.test(text.slice(start, start + 40)));
    const at = items.length > 0 ? pick(items) : anywhere();
    const before = next() < 0.5 ? at : Math.max(0, at - 1);
    return { kind: 'boundary', start: before, end: before + (next() < 0.3 ? 1 : 0), text: next() < 0.5 ? pick(CHARACTERS) : '' };
  }
  // A whole institution (or unit): from one `- ` line to the next at the same indentation.
  const items = lineStarts.filter((start) => /^ *- /.test(text.slice(start, start + 40)));
  if (items.length === 0) return { kind: 'delete line', start: line.start, end: line.end, text: '' };
  const first = pick(items);
  const indent = indentOf(first).length;
  const after = items.find((start) => start > first && indentOf(start).length <= indent) ?? text.length;
  const item = text.slice(first, after);
  return next() < 0.5 ? { kind: 'delete item', start: first, end: after, text: '' } : { kind: 'duplicate item', start: after, end: after, text: item };
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** A syntax tree as plain data: every node's kind, place and value. */
function tree(node: Node): unknown {
  const place = [node.start, node.end];
  switch (node.kind) {
    case 'scalar':
      return [place, scalarValue(node), node.text, isQuoted(node)];
    case 'alias':
      return [place, node.name];
    case 'seq':
      return [place, node.complete, node.items.map(tree)];
    case 'map':
      return [place, node.complete, node.entries.map((pair) => [tree(pair.key), tree(pair.value)])];
  }
}

/** What a rule can read of an entity, as plain data. */
function entity(e: Entity, all: Entity[]): unknown {
  const fields = Object.entries(e.fields).map(([name, field]) => [name, field!.key.start, field!.node.start, field!.node.end, field!.text]);
  const addresses = Object.entries(e.addresses).map(([name, address]) => [
    name,
    address!.node.start,
    Object.entries(address!.parts).map(([part, field]) => [part, field!.node.start, field!.text]),
    address!.coordinates?.node.start,
  ]);
  return [e.level, e.map.start, e.map.end, e.complete, all.indexOf(e.parent!), e.children.map((child) => all.indexOf(child)), e.childrenPair?.key.start, fields, addresses];
}

/** What a face sees of a lint result. */
function observable(result: LintResult): unknown {
  return {
    findings: result.findings.map((f) => ({
      ...f,
      span: [f.span.start, f.span.end],
      related: f.related.map((r) => ({ ...r, span: [r.span.start, r.span.end] })),
      // The edits each fix makes, computed as the editor computes them when it offers the fix.
      fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits(result.text) })),
    })),
    documents: result.documents.map((d) => ({
      tree: tree(d.root),
      complete: d.complete,
      provider: d.entities.indexOf(d.provider!),
      institutions: d.institutions.map((i) => d.entities.indexOf(i)),
      entities: d.entities.map((e) => entity(e, d.entities)),
    })),
    directives: result.directives.map((d) => ({ ...d, used: d.used })),
    failures: result.failures.length,
  };
}

interface Case {
  name: string;
  text: string | (() => Promise<string>);
  edits: number;
  options: LintOptions;
}

const TODAY = '2026-12-01';
const CASES: Case[] = [
  { name: 'examples/omsorgshuset.sor.yaml', text: read('examples/omsorgshuset.sor.yaml'), edits: 900, options: { today: TODAY, lang: 'da' } },
  { name: 'examples/dagcentre.sor.yaml', text: read('examples/dagcentre.sor.yaml'), edits: 500, options: { today: TODAY } },
  {
    name: 'test/fixtures/cli/suppress/suppressed.sor.yaml',
    text: read('test/fixtures/cli/suppress/suppressed.sor.yaml'),
    edits: 600,
    options: { today: TODAY, rules: { 'contact-format': 'warning', 'address-unverified': 'off' } },
  },
  { name: 'test/fixtures/lsp/navigation.sor.yaml', text: read('test/fixtures/lsp/navigation.sor.yaml'), edits: 500, options: { today: TODAY } },
  {
    name: 'test/fixtures/import/omsorgshuset.expected.sor.yaml',
    text: read('test/fixtures/import/omsorgshuset.expected.sor.yaml'),
    edits: 500,
    options: { today: TODAY, sorIdOverrides: [{ sorIds: ['11000016002', '21000016006'], rules: { 'plejehjem-retype': 'off', 'contact-format': 'hint' } }] },
  },
  { name: 'examples/plejegruppen.sor.json', text: read('examples/plejegruppen.sor.json'), edits: 500, options: { today: TODAY, fileName: 'plejegruppen.sor.json' } },
  {
    name: 'a generated provider of 24 care units in JSON',
    text: async () => (await import('../../bench/generate.mjs')).generateProvider({ units: 24, format: 'json', violations: true }),
    edits: 300,
    options: { today: TODAY, language: 'json' },
  },
  { name: 'a generated provider of 24 care units', text: async () => (await import('../../bench/generate.mjs')).generateProvider({ units: 24, format: 'yaml', violations: true }), edits: 300, options: { today: TODAY, lang: 'en' } },
];

describe('relint after an edit equals a full lint of the new text', () => {
  for (const { name, text: file, edits, options } of CASES) {
    it(`${name}: ${edits} random edits`, async () => {
      const original = typeof file === 'string' ? file : await file();
      const seed = Number(process.env.SOR_LINT_SEED ?? 20261201) + original.length;
      const next = random(seed);
      let text = original;
      let previous = relint(undefined, text, options);
      let incremental = 0;
      let before = text;
      for (let n = 1; n <= edits; n++) {
        // As a user mostly does, a syntax error is soon undone; and a long run of edits leaves
        // little of the file, so it starts again from the file now and then.
        const broken = previous.findings.some((finding) => finding.ruleId === 'parse');
        const edit: Edit =
          n % 50 === 0 ? { kind: 'restore', start: 0, end: text.length, text: original } : broken && next() < 0.9 ? { kind: 'undo', start: 0, end: text.length, text: before } : randomEdit(text, next);
        before = text;
        text = apply(text, edit);
        const result = relint(previous, text, options);
        if (result.documents[0]?.root === previous.documents[0]?.root) incremental++;
        const expected = lint(text, options);
        const where = `seed ${seed}, edit ${n}: ${edit.kind} at ${edit.start}-${edit.end} of ${JSON.stringify(edit.text.slice(0, 200))}`;
        // Compared as text, which is quick; on a difference, as data, which shows where.
        const [got, want] = [observable(result), observable(expected)];
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, where).toEqual(want);
        previous = result;
      }
      // The test is about the incremental road: a good share of the edits must have taken it.
      expect(incremental, `seed ${seed}`).toBeGreaterThan(edits / 20);
    });
  }
});
