// The Danish CVR number: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.

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
