import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../server/src/core/i18n.js';
import { lint } from '../../server/src/core/lint.js';
import type { Preview, PreviewTreeNode } from '../../server/src/preview/index.js';
import { buildPreview, renderPreviewHtml, renderPreviewText } from '../../server/src/preview/index.js';

const TODAY = '2026-11-26';
const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function preview(text: string, lang: Lang = 'en', fileName = 'test.sor.yaml'): Preview {
  return buildPreview(lint(text, { fileName, today: TODAY, lang }), lang, { today: TODAY });
}

/** 1-based line and column of the first occurrence of `needle` (after `after`). */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function roles(node: PreviewTreeNode): [string, string, boolean][] {
  return [[node.name, node.role, node.closed], ...node.children.flatMap(roles)];
}

describe('buildPreview', () => {
  const text = fixture('omsorgshuset.sor.yaml');
  const result = preview(text);
  const [provider] = result.providers;
  const unit = (name: string) => provider.careUnits.find((careUnit) => careUnit.name === name)!;

  it('flattens every care unit under its provider and counts the states', () => {
    expect(result.providers).toHaveLength(1);
    expect(provider).toMatchObject({ name: 'Omsorgshuset ApS', cvr: '29403473', sorId: '11000016002', line: positionOf(text, 'name: Omsorgshuset ApS').line, blocking: [] });
    expect(provider.careUnits.map((careUnit) => [careUnit.name, careUnit.state])).toEqual([
      ['Plejecenter Østervang', 'shown'],
      ['Lærkehøj', 'rejected'],
      ['Gamle Ågården', 'closed'],
    ]);
    expect(result.summary).toEqual({ careUnits: 3, shown: 1, rejected: 1, closed: 1 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('shows a deep care unit with the contact data it inherits, and where from', () => {
    const oestervang = unit('Plejecenter Østervang');
    expect(oestervang.foldedPath).toEqual(['Omsorgshuset Region Midt']);
    expect(oestervang.line).toBe(positionOf(text, 'name: Plejecenter Østervang').line);
    expect(oestervang.visitingAddress).toMatchObject({ text: 'Østervangsvej 12A, st. tv, 8000 Aarhus C', how: 'own', darId: '0a3f50a0-73bf-32b8-e044-0003ba298018' });
    expect(oestervang.postalAddress).toMatchObject({ text: 'Søndergade 14, 8000 Aarhus C', how: 'inherited', from: 'Omsorgshuset ApS', fromLine: positionOf(text, 'name: Omsorgshuset ApS').line });
    const regionLine = positionOf(text, 'name: Omsorgshuset Region Midt').line;
    expect(oestervang.phone).toEqual({ text: '86 12 34 56', how: 'inherited', from: 'Omsorgshuset Region Midt', fromLine: regionLine });
    expect(oestervang.email).toEqual({ text: 'kontakt@omsorgshuset.dk', how: 'inherited', from: 'Omsorgshuset Region Midt', fromLine: regionLine });
    expect(oestervang.blocking).toEqual([]);
  });

  it('rejects a care unit with an error, naming the finding and its line', () => {
    const laerkehoej = unit('Lærkehøj');
    expect(laerkehoej.blocking).toEqual([
      { ruleId: 'contact-format', severity: 'error', message: expect.stringContaining('laerkehoej@omsorgshuset'), ...positionOf(text, 'laerkehoej@omsorgshuset') },
    ]);
    expect(laerkehoej.email).toEqual({ text: 'laerkehoej@omsorgshuset', how: 'own', from: 'Lærkehøj', fromLine: laerkehoej.line });
  });

  it('leaves a closed care unit out, and uses the postal address as visiting address when it has none', () => {
    const closed = unit('Gamle Ågården');
    expect(closed.visitingAddress).toMatchObject({ how: 'postal-as-visiting', from: 'Omsorgshuset ApS', street: 'Søndergade' });
    expect(closed.phone).toBeNull();
  });

  it('gives each unit its role in the simplification (Figur 2 and 3)', () => {
    expect(roles(provider.tree)).toEqual([
      ['Omsorgshuset ApS', 'provider', false],
      ['Omsorgshuset Region Midt', 'folded', false],
      ['Plejecenter Østervang', 'care-unit', false],
      ['Afsnit Birken', 'inside-care-unit', false],
      ['Administration', 'not-shown', false],
      ['Lærkehøj', 'care-unit', false],
      ['Gamle Ågården', 'care-unit', true],
    ]);
  });

  it("blocks every care unit of a provider whose own data has an error, per document of a stream", () => {
    const stream = fixture('two-providers.sor.yaml');
    const [faulty, sound] = preview(stream).providers;
    const cvr = { ruleId: 'provider-cvr', severity: 'error', ...positionOf(stream, '"29403474"') };
    expect(faulty.blocking).toMatchObject([cvr]);
    expect(faulty.careUnits[0]).toMatchObject({ name: 'Solgården', state: 'rejected', blocking: [cvr] });
    expect(sound).toMatchObject({ name: 'Rigtigt Firma A/S', blocking: [] });
    expect(sound.careUnits[0]).toMatchObject({ name: 'Månegården', state: 'shown', blocking: [] });
    expect(sound.careUnits[0].postalAddress).toMatchObject({ how: 'inherited', from: 'Rigtigt Firma A/S', text: 'Rigtigvej 7, 8000 Aarhus C' });
  });

  it('blocks a care unit by an error on a value it inherits, not by one inside its sections', () => {
    const text = [
      'provider:',
      '  name: Firma ApS',
      '  cvr: "29403473"',
      '  postalAddress: { street: Vej, houseNumber: "1", postalCode: "8000", city: Aarhus C }',
      'institutions:',
      '  - name: Region',
      '    unitType: sundhedsinstitution',
      '    email: kontakt@firma',
      '    units:',
      '      - name: Plejehuset',
      '        unitType: plejeenhed',
      '        legalBasis: aeldreloven',
      '        visitingAddress: { street: Vej, houseNumber: "1", postalCode: "8000", city: Aarhus C, darId: 0a3f50a0-73bf-32b8-e044-0003ba298018 }',
      '        phone: "86 12 34 56"',
      '        website: https://plejehuset.dk',
      '        units:',
      '          - name: Afsnit',
      '            unitType: afsnit',
      '            phone: "12"',
      '',
    ].join('\n');
    const careUnit = preview(text).providers[0].careUnits[0];
    expect(careUnit.state).toBe('rejected');
    expect(careUnit.email).toMatchObject({ how: 'inherited', from: 'Region' });
    expect(careUnit.blocking.map((finding) => [finding.ruleId, finding.line])).toEqual([['contact-format', positionOf(text, 'kontakt@firma').line]]);
  });

  it('puts errors of a file without a provider under fileErrors', () => {
    const empty = preview('institutions: []\n');
    expect(empty.providers).toEqual([]);
    expect(empty.fileErrors.map((finding) => finding.ruleId)).toContain('schema');
  });
});

describe('renderPreviewText', () => {
  const text = fixture('omsorgshuset.sor.yaml');
  const email = positionOf(text, 'laerkehoej@omsorgshuset');

  it('lists the cards, blocking findings with line:column, and the tree, in Danish', () => {
    const lines = renderPreviewText(preview(text, 'da'), 'da').split('\n');
    expect(lines.slice(0, 2)).toEqual(['Forhåndsvisning af plejeoverblikket', '1 af 3 plejeenheder vises; 1 afvises, 1 er lukket.']);
    expect(lines).toContain(`  ✗ Lærkehøj  [Afvises]  (linje ${positionOf(text, 'name: Lærkehøj').line})`);
    expect(lines).toContain('      Telefon: 86 12 34 56 (arvet fra Omsorgshuset Region Midt)');
    expect(lines).toContain('      Besøgsadresse: Søndergade 14, 8000 Aarhus C (postadressen fra Omsorgshuset ApS bruges)');
    expect(lines.find((line) => line.includes('[contact-format]'))).toMatch(new RegExp(`^        linje ${email.line}:${email.column}  E-mailadressen "laerkehoej@omsorgshuset"`));
    expect(lines).toContain('    Omsorgshuset Region Midt (sundhedsinstitution)  → foldes sammen');
    expect(lines).toContain('    Gamle Ågården (plejeenhed)  → plejeenhed: står direkte under leverandøren, lukket: kommer ikke med');
  });

  it('says the same in English', () => {
    const rendered = renderPreviewText(preview(text, 'en'), 'en');
    expect(rendered).toContain('  ✓ Plejecenter Østervang  [Shown]');
    expect(rendered).toContain('      Website: (missing)');
    expect(rendered).toContain('        Afsnit Birken (afsnit)  → part of the care unit');
  });
});

describe('renderPreviewHtml', () => {
  const text = fixture('omsorgshuset.sor.yaml');
  const nonce = 'n0nce4Test';
  const html = renderPreviewHtml(preview(text, 'da'), 'da', { cspSource: 'vscode-webview://abc', nonce });

  it('declares its language and a Content-Security-Policy that lets only the nonce run', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(html).toContain(`script-src &#39;nonce-${nonce}&#39;`);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual([`<script nonce="${nonce}">`]);
    expect(html.match(/<style\b[^>]*>/g)).toEqual([`<style nonce="${nonce}">`]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('has a card with a heading for every care unit, its state in words', () => {
    const cards = html.match(/<article class="card (\w+)"[^>]*>\n<h3 id="[^"]+">([^<]+)<\/h3>\n<p class="state">.*?<strong>(\w+)<\/strong>/g) ?? [];
    expect(cards).toHaveLength(3);
    expect(html.match(/<article\b/g)).toHaveLength(3);
    expect(cards.map((card) => /card (\w+)".*<h3[^>]*>([^<]+)<\/h3>.*<strong>(\w+)</s.exec(card)!.slice(1))).toEqual([
      ['shown', 'Plejecenter Østervang', 'Vises'],
      ['rejected', 'Lærkehøj', 'Afvises'],
      ['closed', 'Gamle Ågården', 'Lukket'],
    ]);
  });

  it('links every finding and tree node to its line with data-line, as focusable links', () => {
    const links = html.match(/<a\b[^>]*>/g) ?? [];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^<a href="#" data-line="\d+" data-column="\d+">$/);
    const email = positionOf(text, 'laerkehoej@omsorgshuset');
    expect(html).toContain(`<a href="#" data-line="${email.line}" data-column="${email.column}">linje ${email.line}</a>: E-mailadressen &#34;laerkehoej@omsorgshuset&#34;`);
    expect(html).toContain('postMessage({ type: \'reveal\'');
  });

  it('scrolls to the care unit of a line when the verdict lens opens it there, and on request', () => {
    const unit = preview(text, 'da').providers[0].careUnits[1];
    expect(html).toContain(`<article class="card rejected" aria-labelledby="provider-0-unit-1" data-unit-line="${unit.line}" tabindex="-1">`);
    expect(html).toContain('<body>\n');
    const focused = renderPreviewHtml(preview(text, 'da'), 'da', { cspSource: 'x', nonce }, unit.line);
    expect(focused).toContain(`<body data-focus-line="${unit.line}">`);
    expect(focused).toContain("message.type === 'showUnit'");
  });

  it('follows the theme through VS Code CSS variables and escapes what the file says', () => {
    expect(html).toContain('color: var(--vscode-foreground)');
    expect(html).toContain('var(--vscode-focusBorder)');
    const hostile = preview('provider:\n  name: "<img src=x onerror=alert(1)>"\n  cvr: "29403473"\n');
    const escaped = renderPreviewHtml(hostile, 'en', { cspSource: 'x', nonce });
    expect(escaped).not.toContain('<img');
    expect(escaped).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
