// The walls ARCHITECTURE.md declares, held: its table of parts says which files each part owns and
// what each may import; this reads the table and every source file's imports and fails on an
// import the table does not allow, and on a source file no part owns.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SOURCE_ROOTS = ['server/src', 'client/src', 'schemas'];

interface Part {
  name: string;
  /** Repository-relative globs; a folder (ending in `/`) owns everything below it. */
  owns: ((file: string) => boolean)[];
  /** How specific the part's most specific pattern is: a file pattern beats a folder. */
  specificity: (file: string) => number;
  mayImport: Set<string>;
}

function parts(): Part[] {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith('The parts and their boundaries'));
  if (!section) throw new Error('ARCHITECTURE.md has no "The parts and their boundaries" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  return rows.map(([name, folders, , mayImport]) => {
    const patterns = backticked(folders).map((p) => (p.endsWith('/') ? `${p}**` : p));
    const matchers = patterns.map((p) => picomatch(p));
    return {
      name,
      owns: matchers,
      specificity: (file) => Math.max(...patterns.map((p, i) => (matchers[i](file) ? p.length + (p.endsWith('**') ? 0 : 1000) : -1))),
      mayImport: new Set(mayImport.split(',').map((s) => s.replace(/`/g, '').trim()).filter((s) => s && s !== '—')),
    };
  });
}

function backticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  SOURCE_ROOTS.forEach(walk);
  files.push('package.json');
  return files.sort();
}

/** Every module specifier a file imports or re-exports, statically or dynamically, or requires where it needs it. */
function specifiers(file: string): string[] {
  if (file.endsWith('.json')) return [];
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms), ...text.matchAll(/\b(?:import|require)\(\s*'([^']+)'\s*\)/g)];
  return found.map((m) => m[1]);
}

function ownerOf(file: string, all: Part[]): Part | undefined {
  let best: Part | undefined;
  let bestScore = -1;
  for (const part of all) {
    const score = part.specificity(file);
    if (score > bestScore) [best, bestScore] = [part, score];
  }
  return bestScore >= 0 ? best : undefined;
}

/** A relative specifier as the repository-relative source file it names; a bare one as its package. */
function target(from: string, specifier: string): { file: string } | { pkg: string } | undefined {
  if (specifier.startsWith('node:')) return undefined;
  if (specifier.startsWith('.')) {
    const file = relative(ROOT, normalize(join(ROOT, dirname(from), specifier))).replace(/\\/g, '/').replace(/\.js$/, '.ts');
    return { file };
  }
  const parts = specifier.split('/');
  return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

describe('ARCHITECTURE.md boundaries', () => {
  const all = parts();
  const files = sourceFiles();

  it('names parts that own files', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const part of all) expect(files.some((f) => ownerOf(f, all) === part), `${part.name} owns no file`).toBe(true);
  });

  it('gives every source file a part', () => {
    expect(files.filter((f) => !ownerOf(f, all))).toEqual([]);
  });

  it('holds every import to what its part may import', () => {
    const broken: string[] = [];
    for (const file of files) {
      const owner = ownerOf(file, all)!;
      for (const specifier of specifiers(file)) {
        const to = target(file, specifier);
        if (!to) continue;
        if ('pkg' in to) {
          if (!owner.mayImport.has(to.pkg)) broken.push(`${file} (${owner.name}) imports package ${to.pkg}`);
          continue;
        }
        const toPart = ownerOf(to.file, all);
        if (!toPart) broken.push(`${file} imports ${to.file}, which no part owns`);
        else if (toPart !== owner && !owner.mayImport.has(toPart.name)) broken.push(`${file} (${owner.name}) imports ${to.file} (${toPart.name})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
