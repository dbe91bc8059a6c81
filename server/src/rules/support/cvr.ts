// The Danish CVR number: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.
import type { SorDocument } from '../../core/model.js';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

export type CvrProblem = 'format' | 'checksum';

export function cvrProblem(value: string): CvrProblem | undefined {
  if (!/^\d{8}$/.test(value)) return 'format';
  return cvrWeightedSum(value) % 11 === 0 ? undefined : 'checksum';
}

function cvrWeightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += WEIGHTS[i] * (digits.charCodeAt(i) - 48);
  return sum;
}

/**
 * The CVR number that identifies the document's provider, when it is written as one (8 digits):
 * documents and files with the same one describe one provider.
 */
export function providerCvr(document: SorDocument): string | undefined {
  const cvr = document.provider?.fields.cvr?.text?.trim();
  return cvr !== undefined && /^\d{8}$/.test(cvr) ? cvr : undefined;
}
