import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, decodeBytes, fieldValue } from '../../server/src/import/csv.js';
import { windows1252 } from './sor-csv.js';

async function records(text: string, chunkSize = text.length): Promise<string[][]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const result: string[][] = [];
  for await (const record of csvRecords(Readable.from(chunks))) result.push(record);
  return result;
}

async function decoded(bytes: Buffer, chunkSize: number): Promise<{ text: string; encoding: string }> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const decoder = decodeBytes(Readable.from(chunks));
  let text = '';
  for await (const chunk of decoder.chunks) text += chunk;
  return { text, encoding: decoder.encoding() };
}

const TRICKY = 'SorId;EntityName;Note\r\n="123";"Birken ""Nord""; demens";plain\r\n"=""456""";"two\r\nlines";\n\r\n="789";last;x';

describe('csvRecords', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, and skips blank lines', async () => {
    expect(await records(TRICKY)).toEqual([
      ['SorId', 'EntityName', 'Note'],
      ['="123"', 'Birken "Nord"; demens', 'plain'],
      ['="456"', 'two\r\nlines', ''],
      ['="789"', 'last', 'x'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries cut (quotes, CR LF, fields)', async () => {
    const whole = await records(TRICKY);
    for (const size of [1, 2, 3, 5, 8]) expect(await records(TRICKY, size)).toEqual(whole);
  });
});

describe('fieldValue', () => {
  it("removes SOR's =\"…\" spreadsheet guard and surrounding spaces, and leaves other values alone", () => {
    expect(fieldValue('="21000016006"')).toBe('21000016006');
    expect(fieldValue(' Aarhus C ')).toBe('Aarhus C');
    expect(fieldValue('=')).toBe('=');
    expect(fieldValue('="')).toBe('="');
    expect(fieldValue(undefined)).toBe('');
  });
});

describe('decodeBytes', () => {
  const text = 'EntityName\r\nPlejecenter Østervang;Ærø;Lærkehøj\r\n';

  it('reads UTF-8, dropping a BOM, with multibyte letters cut by chunk boundaries', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const size of [1, 2, 3, 64]) expect(await decoded(bom, size)).toEqual({ text, encoding: 'utf-8' });
    expect(await decoded(Buffer.from(text, 'utf8'), 5)).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    const withEuro = text.replace('Ærø', 'Ærø €');
    expect(await decoded(windows1252(withEuro), 4)).toEqual({ text: withEuro, encoding: 'windows-1252' });
  });
});
