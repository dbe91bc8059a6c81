// Reading a file a user names: whole, whatever fstat says of its size, and never past the bound.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReadError, readRegularFile } from '../../server/src/fs/read.js';

const dir = mkdtempSync(join(tmpdir(), 'sor-lint-read-'));

function fileOf(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 'a'));
  return path;
}

describe('readRegularFile', () => {
  it('reads a file whole, empty, small or larger than a read', () => {
    for (const bytes of [0, 1, 4095, 3 << 20]) expect(readRegularFile(fileOf(`f${bytes}`, bytes)).equals(Buffer.alloc(bytes, 'a'))).toBe(true);
  });

  it('reads a file at the bound and refuses one a byte over it', () => {
    expect(readRegularFile(fileOf('at', 100), 100).length).toBe(100);
    expect(() => readRegularFile(fileOf('over', 101), 100)).toThrow(FileReadError);
  });

  it('reads a file whose size fstat gives as 0 (/proc) to its end', () => {
    const text = readRegularFile('/proc/self/status').toString('utf8');
    expect(text).toMatch(/^Name:\t/);
    expect(text).toMatch(/\nPid:\t\d+\n/);
    expect(text.length).toBeGreaterThan(500);
  });
});
