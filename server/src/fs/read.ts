// Reading a file a user names (a SOR file, a configuration file, a postcode table): only a regular
// file, and only up to a size bound, so a FIFO, a device or a huge file is a one-line error rather
// than a hang or an out-of-memory crash. Every face and part that reads such a file calls this.
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';

/** Larger than any provider's file (the largest seen is a few MB) and than the 50 MB stress file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;

/** A file that could not be read: `reason` says why, to follow "cannot read PATH". */
export class FileReadError extends Error {
  override name = 'FileReadError';

  constructor(
    readonly path: string,
    /** Either an errno code ("ENOENT"), shown in brackets, or a reason in both languages. */
    readonly reason: string | Msg,
  ) {
    super(`cannot read ${path}${typeof reason === 'string' ? ` (${reason})` : `: ${reason.en}`}`);
  }

  /** Why, in both languages, for a message that names the file itself ("FILE: why"). */
  get why(): Msg {
    return typeof this.reason === 'string' ? cannotRead(this.reason) : this.reason;
  }

  /** "cannot read NAME: why", with the file named as the user knows it. */
  describe(name: string): Msg {
    const { reason } = this;
    if (typeof reason === 'string') return msg(`kan ikke læse ${name} (${reason})`, `cannot read ${name} (${reason})`);
    return msg(`kan ikke læse ${name}: ${reason.da}`, `cannot read ${name}: ${reason.en}`);
  }
}

/** The file's bytes, if it is a regular file of at most `maxBytes` (after following links). */
export function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new FileReadError(path, errnoOf(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(path, notRegular(stat));
    if (stat.size > maxBytes) throw new FileReadError(path, tooLarge(stat.size, maxBytes));
    return readAtMost(fd, path, maxBytes, stat.size);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(path, errnoOf(error));
  } finally {
    closeSync(fd);
  }
}

/**
 * Read to the end, but never past the bound: the file may grow while it is read. Into one buffer of
 * the size fstat gave and a byte more, which sees the end (copying a 5 MB file's chunks together
 * took as long as reading them); a file that outgrows it (or has no size, as in /proc) gets more room.
 */
function readAtMost(fd: number, path: string, maxBytes: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let total = 0;
  for (;;) {
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) return buffer.subarray(0, total);
    total += read;
    if (total > maxBytes) throw new FileReadError(path, tooLarge(total, maxBytes));
    if (total === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(total + Math.max(total, MB), maxBytes + 1));
      buffer.copy(larger, 0, 0, total);
      buffer = larger;
    }
  }
}

function notRegular(stat: Stats): Msg {
  const kind = stat.isFIFO()
    ? msg('en FIFO', 'a FIFO')
    : stat.isDirectory()
      ? msg('en mappe', 'a folder')
      : stat.isSocket()
        ? msg('en socket', 'a socket')
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? msg('en enhed', 'a device')
          : msg('ukendt type', 'unknown type');
  return msg(`ikke en almindelig fil (${kind.da})`, `not a regular file (${kind.en})`);
}

/** Why a file (or standard input) of `size` bytes is refused. */
export function tooLarge(size: number, maxBytes = MAX_FILE_BYTES): Msg {
  const bound = Math.round(maxBytes / MB);
  const actual = Math.max(bound + 1, Math.round(size / MB));
  return msg(`større end ${bound} MB (${actual} MB)`, `larger than ${bound} MB (${actual} MB)`);
}

/** "cannot read the file (ENOENT)": for a failed read, or a failed stat before one. */
export function cannotRead(error: unknown): Msg {
  const code = typeof error === 'string' ? error : errnoOf(error);
  return msg(`kan ikke læse filen (${code})`, `cannot read the file (${code})`);
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
