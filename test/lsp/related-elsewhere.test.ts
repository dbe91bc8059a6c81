// A related location in another file of the workspace (core/workspace.ts) reaches the editor as
// related information in that file: its URI and its place there, not a range of this document.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { factsOf, WorkspaceIndex } from '../../server/src/core/workspace.js';
import { toDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { lintText, TODAY } from '../helpers/rule-tester.js';

const file = (cvr: string, name: string) =>
  `provider:\n  name: Omsorgshuset ApS\n  cvr: "${cvr}"\ninstitutions:\n  - name: ${name}\n    sorId: "21000016006"\n    unitType: plejeenhed\n`;

describe('diagnostics of findings across files', () => {
  it("point their related information at the other file's URI and range", () => {
    const [a, b] = [lintText(file('29403473', 'Plejecenter Østervang')), lintText(file('12345674', 'Plejecenter Birkely'))];
    const index = new WorkspaceIndex();
    index.set('file:///w/a.sor.yaml', 'a.sor.yaml', factsOf(a, TODAY));
    index.set('file:///w/b.sor.yaml', 'b.sor.yaml', factsOf(b, TODAY));
    const document = TextDocument.create('file:///w/a.sor.yaml', 'yaml', 1, a.text);
    const diagnostics = toDiagnostics({ ...a, findings: index.findingsOf('file:///w/a.sor.yaml', a, 'en') }, document).filter((d) => d.code === 'sor-code');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range).toEqual({ start: { line: 5, character: 11 }, end: { line: 5, character: 24 } });
    expect(diagnostics[0].relatedInformation).toEqual([
      {
        location: { uri: 'file:///w/b.sor.yaml', range: { start: { line: 5, character: 11 }, end: { line: 5, character: 24 } } },
        message: 'The same SOR code on "Plejecenter Birkely" in b.sor.yaml',
      },
    ]);
  });
});
