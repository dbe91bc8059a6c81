// The extension's manifest against the language server's contract, and every user-visible string
// of the extension in both English and Danish.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): any => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nlsEnglish: Record<string, string> = readJson('package.nls.json');
const nlsDanish: Record<string, string> = readJson('package.nls.da.json');
const bundleDanish: Record<string, string> = readJson('l10n/bundle.l10n.da.json');

function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([^%]+)%$/g)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** The first argument of every vscode.l10n.t call in the client's sources. */
function clientStrings(): string[] {
  const dir = path.join(root, 'client/src');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)])
    .map((m) => m[1].replace(/\\(.)/g, '$1'));
}

describe('the VS Code extension manifest', () => {
  it('contributes exactly the settings the language server reads, with their defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    const defaults = Object.fromEntries(Object.entries<any>(properties).map(([key, schema]) => [key, schema.default]));
    expect(defaults).toEqual({
      'sor-lint.enable': true,
      'sor-lint.language': 'auto',
      'sor-lint.rules': {},
      'sor-lint.configFile': '',
      'sor-lint.run': 'onType',
      // The client's own: whether a save's fix-all request gets our fixes.
      'sor-lint.codeActionsOnSave.mode': 'all',
      'sor-lint.lintTimeBudgetMs': 500,
      'sor-lint.workspace.maxFiles': 1000,
      'sor-lint.workspace.maxMegabytes': 50,
      'sor-lint.addresses.online': false,
      'sor-lint.addresses.service': 'adressevask',
      // No default: the user names the service.
      'sor-lint.addresses.endpoint': undefined,
      'sor-lint.trace.server': 'off',
    });
    expect(properties['sor-lint.addresses.service'].enum).toEqual(['adressevask', 'dawa']);
    expect(properties['sor-lint.language'].enum).toEqual(['auto', 'da', 'en']);
    expect(properties['sor-lint.run'].enum).toEqual(['onType', 'onSave']);
    expect(properties['sor-lint.rules'].additionalProperties.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
    expect(properties['sor-lint.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
  });

  it('keeps what reaches the network or reads a named file out of untrusted workspaces', () => {
    expect(manifest.capabilities.untrustedWorkspaces).toMatchObject({
      supported: 'limited',
      restrictedConfigurations: ['sor-lint.addresses.online', 'sor-lint.addresses.service', 'sor-lint.addresses.endpoint', 'sor-lint.configFile'],
    });
  });

  it('says in both languages that only address fields leave the machine, and that a token is needed', () => {
    for (const nls of [nlsEnglish, nlsDanish]) {
      for (const key of ['config.addresses.online', 'config.addresses.service', 'config.addresses.endpoint']) {
        expect(nls[key], key).toMatch(/token/i);
      }
      expect(nls['config.addresses.online']).toMatch(nls === nlsEnglish ? /Only the address fields/ : /Kun adressefelterne/);
    }
  });

  it('contributes the commands the client registers, the server\'s own ids left to the language client', () => {
    const registered = [...readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8').matchAll(/^\s+\w+: '(sor-lint\.[\w.]+)',$/gm)].map((m) => m[1]);
    const contributed = manifest.contributes.commands.map((c: any) => c.command);
    expect(contributed.sort()).toEqual(registered.sort());
    // The language client registers the server's executeCommand ids; a second registration fails.
    expect(contributed).not.toContain('sor-lint.verifyAddresses');
    expect(contributed).toContain('sor-lint.verifyAddressesInEditor');
  });

  it('puts the preview on the editor title of SOR documents, with an icon', () => {
    const preview = manifest.contributes.commands.find((c: any) => c.command === 'sor-lint.preview');
    expect(preview.icon).toBe('$(preview)');
    expect(manifest.contributes.menus['editor/title']).toContainEqual({
      command: 'sor-lint.preview',
      when: 'resourceLangId == sor-yaml || resourceLangId == sor-json',
      group: 'navigation',
    });
    expect(nlsEnglish['command.preview']).toBe('Preview plejeoverblikket');
    expect(nlsDanish['command.preview']).toBe('Vis plejeoverblikket');
  });

  it('refers only to files that exist and that the .vsix keeps', () => {
    const contributes = manifest.contributes;
    const referenced = [
      ...contributes.languages.map((l: any) => l.configuration),
      ...contributes.grammars.map((g: any) => g.path),
      ...contributes.jsonValidation.map((v: any) => v.url),
      ...contributes.yamlValidation.map((v: any) => v.url),
    ].map((file: string) => path.normalize(file));
    const kept = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1));
    for (const file of referenced) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
      expect(kept.some((pattern) => pattern === file || (pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2)))), file).toBe(true);
    }
    expect(manifest.main).toBe('./dist/extension.js');
    expect(kept).toContain('dist/extension.js');
    expect(kept).toContain('dist/server.js');
  });

  it('pins @types/vscode to the lowest VS Code it declares', () => {
    expect(manifest.engines.vscode).toBe(`^${manifest.devDependencies['@types/vscode']}`);
  });
});

describe('the extension in English and Danish', () => {
  it('has an English and a Danish text for every %placeholder% in package.json', () => {
    const used = [...new Set(placeholders(manifest))];
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) {
      expect(nlsEnglish[key], key).toBeTruthy();
      expect(nlsDanish[key], key).toBeTruthy();
    }
    expect(Object.keys(nlsEnglish).sort()).toEqual(used.sort());
    expect(Object.keys(nlsDanish).sort()).toEqual(used.sort());
  });

  it('has a Danish translation of every string the client shows, and no stale ones', () => {
    const shown = [...new Set(clientStrings())];
    expect(shown.length).toBeGreaterThan(3);
    expect(Object.keys(bundleDanish).sort()).toEqual(shown.sort());
    for (const [english, danish] of Object.entries(bundleDanish)) {
      expect(danish, english).not.toBe(english);
      // Placeholders like {0} survive translation.
      expect(danish.match(/\{\d+\}/g) ?? [], english).toEqual(english.match(/\{\d+\}/g) ?? []);
    }
  });
});
