// encoding: a file that is not valid UTF-8. Its bytes reach the lint as U+FFFD (Node and VS Code
// decode them so), the rest is checked as far as it can be read, and no fix is ever applied to
// it: writing the text back would turn every such byte into U+FFFD for good.
import type { Node } from '../core/ast.js';
import { REPLACEMENT_CHARACTER } from '../core/decoding.js';
import { msg } from '../core/i18n.js';
import type { Rule, Wording } from '../core/rule.js';
import { exampleFile } from './support/examples.js';

interface Encoding {
  /** As people know it. */
  name: string;
  /** As VS Code's "Reopen with Encoding" lists it. */
  editorName: string;
  /** As iconv -f takes it. */
  iconvName: string;
}

/** What SOR's own export tools and Excel's "CSV" and "Text" write. */
const WINDOWS_1252: Encoding = { name: 'Windows-1252', editorName: 'Windows 1252', iconvName: 'WINDOWS-1252' };
/** Excel's "Unicode text": a byte-order mark FF FE (read as two U+FFFD), a NUL byte in every ASCII character. */
const UTF_16: Encoding = { name: 'UTF-16', editorName: 'UTF-16 LE', iconvName: 'UTF-16' };

function guessedEncoding(text: string): Encoding {
  const nuls = text.split('\0').length - 1;
  return text.startsWith(REPLACEMENT_CHARACTER.repeat(2)) || nuls * 10 > text.length ? UTF_16 : WINDOWS_1252;
}

function wording(count: number, encoding: Encoding): Wording {
  const { name, editorName, iconvName } = encoding;
  const characters = count === 1 ? '1 character cannot' : `${count} characters cannot`;
  return {
    message: msg(
      `Filen er ikke gyldig UTF-8: ${count} tegn kan ikke læses (vises som ${REPLACEMENT_CHARACTER}); den ligner ${name}.`,
      `The file is not valid UTF-8: ${characters} be read (shown as ${REPLACEMENT_CHARACTER}); it looks like ${name}.`,
    ),
    action: msg(
      `Konvertér den til UTF-8: i VS Code med "Reopen with Encoding" ${editorName} og så "Save with Encoding" UTF-8, eller med iconv -f ${iconvName} -t UTF-8.`,
      `Convert it to UTF-8: in VS Code "Reopen with Encoding" ${editorName}, then "Save with Encoding" UTF-8, or iconv -f ${iconvName} -t UTF-8.`,
    ),
  };
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/m;

/**
 * The file-wide finding is reported once, by the document an offset belongs to: the one whose
 * root starts at or before it with no `---` between (or the first document, for an offset before it).
 */
function ownsOffset(text: string, root: Node, offset: number): boolean {
  if (offset < root.start) return isFirstDocument(text, root.start);
  return offset < root.end || !DOCUMENT_MARKER.test(text.slice(root.end, offset));
}

/** No document before this one: no `---` before its root, or one with only comments and directives before it. */
function isFirstDocument(text: string, rootStart: number): boolean {
  const before = text.slice(0, rootStart);
  const marker = DOCUMENT_MARKER.exec(before);
  if (!marker) return true;
  const lead = before.slice(0, marker.index).split(/\r\n|\r|\n/);
  return lead.every((line) => /^\s*(?:#.*)?$/.test(line) || line.startsWith('%')) && !DOCUMENT_MARKER.test(before.slice(marker.index + 3));
}

export const encoding: Rule = {
  id: 'encoding',
  defaultSeverity: 'error',
  scope: 'file', // one finding counts the whole file's unreadable characters
  fields: [],
  docs: {
    summary: msg('Filen er ikke gyldig UTF-8 (fx gemt som Windows-1252).', 'The file is not valid UTF-8 (saved as Windows-1252, say).'),
    rationale: msg(
      'Formatet er UTF-8. SORs egne eksportværktøjer og Excel skriver Windows-1252, hvor æ, ø og å er én byte, som ikke er UTF-8; de læses som erstatningstegnet �, så navne og adresser er forkerte, og en rettelse skrevet tilbage ville ødelægge de oprindelige bytes. Resten af filen kontrolleres stadig, men ingen rettelse anvendes på den, heller ikke når reglen er slået fra.',
      "The format is UTF-8. SOR's own export tools and Excel write Windows-1252, where æ, ø and å are one byte that is not UTF-8; they are read as the replacement character �, so names and addresses are wrong, and a fix written back would destroy the original bytes. The rest of the file is still checked, but no fix is applied to it, even with the rule turned off.",
    ),
    remedy: msg(
      'Konvertér filen til UTF-8: i VS Code med "Reopen with Encoding" (fx Windows 1252) og så "Save with Encoding" UTF-8, eller med iconv -f WINDOWS-1252 -t UTF-8 fil > ny-fil.',
      'Convert the file to UTF-8: in VS Code "Reopen with Encoding" (Windows 1252, say), then "Save with Encoding" UTF-8, or iconv -f WINDOWS-1252 -t UTF-8 file > new-file.',
    ),
    source: 'The file format: UTF-8 text',
    invalidExample: exampleFile(`  - name: Plejecenter ${REPLACEMENT_CHARACTER}stervang
    unitType: plejeenhed
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
`),
  },
  check(context) {
    const { text } = context;
    const first = text.indexOf(REPLACEMENT_CHARACTER);
    if (first < 0 || !ownsOffset(text, context.document.root, first)) return;
    let end = first;
    while (text[end] === REPLACEMENT_CHARACTER) end++;
    const count = text.split(REPLACEMENT_CHARACTER).length - 1;
    context.report({ span: { start: first, end }, ...wording(count, guessedEncoding(text)) });
  },
};
