// The preview as text, for `sor-lint preview --format text`.
import { CONTACT_FIELDS } from '../core/inheritance.js';
import type { PreviewLabels } from './labels.js';
import { previewLabels } from './labels.js';
import type { Preview, PreviewCareUnit, PreviewContact, PreviewFinding, PreviewProvider, PreviewTreeNode } from './model.js';
import type { Lang } from '../core/i18n.js';

const STATE_MARK = { shown: '✓', rejected: '✗', closed: '–' } as const;

export function renderPreviewText(preview: Preview, lang: Lang): string {
  const labels = previewLabels(lang);
  const { shown, careUnits, rejected, closed } = preview.summary;
  const out: string[] = [labels.title, labels.summary(shown, careUnits, rejected, closed), ''];
  findingList(out, labels.fileErrors, preview.fileErrors, '', labels);
  for (const provider of preview.providers) providerText(out, provider, labels);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function providerText(out: string[], provider: PreviewProvider, labels: PreviewLabels): void {
  const codes = [provider.cvr && `${labels.cvr} ${provider.cvr}`, provider.sorId && `${labels.sorCode} ${provider.sorId}`].filter(Boolean).join(', ');
  out.push(`${labels.provider}: ${provider.name}${codes ? ` (${codes})` : ''}`);
  findingList(out, labels.providerBlocking, provider.blocking, '  ', labels);
  if (provider.careUnits.length === 0) out.push(`  ${labels.noCareUnits}`);
  for (const unit of provider.careUnits) careUnitText(out, unit, labels);
  out.push('', labels.tree);
  treeText(out, provider.tree, '  ', labels);
  out.push('');
}

function careUnitText(out: string[], unit: PreviewCareUnit, labels: PreviewLabels): void {
  out.push('', `  ${STATE_MARK[unit.state]} ${unit.name}  [${labels.state[unit.state]}]  (${labels.line(unit.line)})`);
  out.push(`      ${labels.sorCode}: ${unit.sorId ?? labels.newUnit}`);
  if (unit.foldedPath.length > 0) out.push(`      ${labels.folded(unit.foldedPath)}`);
  for (const field of CONTACT_FIELDS) out.push(`      ${labels[field]}: ${contactText(unit[field], labels)}`);
  findingList(out, labels.blocking, unit.blocking, '      ', labels);
  findingList(out, labels.warnings, unit.warnings, '      ', labels);
}

export function contactText(contact: PreviewContact | null, labels: PreviewLabels): string {
  if (!contact || !contact.text) return `(${labels.missing})`;
  return contact.how === 'own' ? contact.text : `${contact.text} (${labels.provenance(contact)})`;
}

function findingList(out: string[], heading: string, findings: PreviewFinding[], indent: string, labels: PreviewLabels): void {
  if (findings.length === 0) return;
  out.push(`${indent}${heading}:`);
  for (const finding of findings) out.push(`${indent}  ${labels.line(finding.line)}:${finding.column}  ${finding.message}  [${finding.ruleId}]`);
}

function treeText(out: string[], node: PreviewTreeNode, indent: string, labels: PreviewLabels): void {
  const type = node.unitType ? ` (${node.unitType})` : '';
  const closed = node.closed ? `, ${labels.closed}` : '';
  out.push(`${indent}${node.name}${type}  → ${labels.role[node.role]}${closed}`);
  for (const child of node.children) treeText(out, child, indent + '  ', labels);
}
