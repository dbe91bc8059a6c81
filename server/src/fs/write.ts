// Writing a fixed file back to the file the user means, never leaving a partial file: through a
// symbolic link to its target (the link stays), and in place when other hard links share the
// file (a rename would split them into two files, one of them unfixed).
import type { Stats } from 'node:fs';
import { chmodSync, closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeBack(path: string, content: string): void {
  const target = realpathSync(path);
  const stat = statSync(target);
  if (stat.nlink === 1) return replaceAtomically(target, content, stat.mode & 0o7777);
  const fd = openSync(target, constants.O_RDWR);
  try {
    overwriteInPlace(fd, fstatSync(fd), Buffer.from(content));
  } finally {
    closeSync(fd);
  }
}

/** A temporary file in the same folder, renamed over the file: readers see the old or the new file. */
function replaceAtomically(path: string, content: string, mode: number): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.sor-lint.tmp`);
  try {
    writeFileSync(temp, content, { mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    throw error;
  }
}

/**
 * The same inode rewritten: one write of the whole content, then the length cut to it. If either
 * fails (a full disk when the file grows), the old bytes go back, which fit where they were.
 */
function overwriteInPlace(fd: number, stat: Stats, bytes: Buffer): void {
  const old = Buffer.alloc(stat.size);
  for (let at = 0; at < old.length; ) {
    const read = readSync(fd, old, at, old.length - at, at);
    if (read === 0) break;
    at += read;
  }
  try {
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } catch (error) {
    writeAll(fd, old);
    ftruncateSync(fd, old.length);
    throw error;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
}
