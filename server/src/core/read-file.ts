// Reading a file the user named (a configuration, a postcode list, a file to lint) without ever
// hanging or filling memory: only a regular file is read, and no more than a bound. A FIFO would
// block the read until someone writes to it, and /dev/zero never ends.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Msg } from './i18n.js';
import { msg } from './i18n.js';

/** Why a file was not read: one line, Danish and English, without the path (the caller names it). */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: Msg,
  ) {
    super(`${path}: ${reason.en}`);
    this.name = 'UnreadableFileError';
  }
}

/**
 * The bytes of the regular file at `path` (symlinks followed), at most `maxBytes` of them.
 * Throws UnreadableFileError for anything else: missing, a folder, a FIFO, a device, too large.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFileError(path, cannotRead(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError(path, msg('er ikke en almindelig fil', 'is not a regular file'));
    if (stat.size > maxBytes) throw new UnreadableFileError(path, tooLarge(maxBytes));
    // Read one byte past the bound: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new UnreadableFileError(path, tooLarge(maxBytes));
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(path, cannotRead(error));
  } finally {
    closeSync(fd);
  }
}

/** "cannot read the file (ENOENT)": for a failed read, or a failed stat before one. */
export function cannotRead(error: unknown): Msg {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return msg(`kan ikke læse filen (${code})`, `cannot read the file (${code})`);
}

function tooLarge(maxBytes: number): Msg {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return msg(`er større end ${size}`, `is larger than ${size}`);
}
