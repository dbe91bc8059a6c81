// The .vsix as `npm run package` makes it: what it holds (and nothing more), the store README,
// the notices, the licences of exactly the packages its bundles carry, the icon, and the
// `sor-lint.rules` setting that offers every rule id.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules/index.js';
import { withRuleSettings } from '../../scripts/rule-settings.js';
import { ensureBuilt } from '../cli/helpers.js';

const root = path.resolve(__dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'sor-lint-vsix-test-'));
const vsix = path.join(scratch, 'sor-lint.vsix');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
let entries: string[];
const entry = (name: string) => spawnSync('unzip', ['-p', vsix, name], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;

beforeAll(() => {
  ensureBuilt();
  const packed = spawnSync(process.execPath, [path.join(root, 'scripts/package-vsix.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  entries = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the .vsix', () => {
  it('holds the two bundles and what VS Code reads, and nothing else (no CLI bundle, no sources, no source maps)', () => {
    const allowed =
      /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|package\.nls(\.da)?\.json|(json-)?language-configuration\.json|readme\.md|changelog\.md|NOTICE\.md|LICENSE\.txt|dist\/(extension|server)\.js|dist\/THIRD-PARTY-LICENSES\.md|schemas\/[\w.-]+\.json|syntaxes\/[\w.-]+\.json|l10n\/bundle\.l10n\.da\.json|docs\/[\w/.-]+\.md|client\/images\/[\w-]+\.png))$/;
    expect(entries.filter((name) => !allowed.test(name))).toEqual([]);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/NOTICE.md', 'extension/changelog.md', 'extension/dist/THIRD-PARTY-LICENSES.md', 'extension/docs/rules/provider-cvr.md']) {
      expect(entries).toContain(needed);
    }
  });

  it('has the icon the manifest names, as a 128×128 PNG', () => {
    const manifest = JSON.parse(entry('extension/package.json'));
    expect(entries).toContain(`extension/${manifest.icon}`);
    const png = spawnSync('unzip', ['-p', vsix, `extension/${manifest.icon}`]).stdout;
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(entry('extension.vsixmanifest')).toContain(`<Icon>extension/${manifest.icon}</Icon>`);
  });

  it('shows the store README (for people who install it, Danish and English), not the developer README', () => {
    const readme = entry('extension/readme.md');
    expect(readme).toContain('## Fix on save');
    expect(readme).toContain('## Ret ved gemning');
    expect(readme).toContain('"source.fixAll.sor-lint": "explicit"');
    expect(readme).not.toContain('## Development');
    // vsce points the screenshot at the repository, where client/images holds it.
    expect(readme).toContain('https://github.com/sor-lint/sor-lint/raw/HEAD/client/images/screenshot.png');
    for (const setting of Object.keys(readJson('package.json').contributes.configuration.properties)) {
      expect(readme, setting).toContain(setting.replace(/^(sor-lint\.addresses)\.(service|endpoint)$/, '.$2'));
    }
  });

  it('carries the licence of every package its bundles hold', async () => {
    const bundled = new Set<string>();
    for (const entryPoint of ['client/src/extension.ts', 'server/src/lsp/main.ts']) {
      const { metafile } = await build({ entryPoints: [path.join(root, entryPoint)], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent', outfile: 'out.js' });
      for (const input of Object.keys(metafile.inputs)) {
        const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
        if (dir) bundled.add(JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name);
      }
    }
    const licences = entry('extension/dist/THIRD-PARTY-LICENSES.md');
    const listed = [...licences.matchAll(/^## (\S+) /gm)].map((m) => m[1]);
    // The file covers the CLI's bundle too, which the npm package ships; each section says where.
    for (const name of bundled) expect(listed, name).toContain(name);
    expect(licences).toMatch(/## vscode-languageclient [\d.]+\n\nLicence: MIT\. Bundled in: extension\.js\.\n\n```\nCopyright/);
    expect(licences).toContain('## js-yaml');
  });
});

describe('the sor-lint.rules setting', () => {
  it('offers every rule id with its summary in both languages, as `npm run docs` writes it', () => {
    const manifest = readJson('package.json');
    const english = readJson('package.nls.json');
    const danish = readJson('package.nls.da.json');
    const expected = withRuleSettings(structuredClone(manifest), english, danish, allRules);
    expect(manifest).toEqual(expected.manifest);
    expect(english).toEqual(expected.english);
    expect(danish).toEqual(expected.danish);
    const offered = Object.keys(manifest.contributes.configuration.properties['sor-lint.rules'].properties);
    expect(offered).toEqual(allRules.map((rule) => rule.id));
  });
});
