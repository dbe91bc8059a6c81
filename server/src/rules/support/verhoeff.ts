// The Verhoeff check digit (SNOMED CT identifiers, hence SOR codes, end in one). It is built on the
// dihedral group D5: the tables are computed from the group's rule rather than typed in, so a
// mistyped table entry cannot silently accept wrong codes.

/** D5 as digits: 0-4 are the rotations r^k, 5-9 the reflections s·r^k; `multiply(a, b)` is a·b. */
function multiply(a: number, b: number): number {
  const aRotation = a < 5;
  const bRotation = b < 5;
  if (aRotation && bRotation) return (a + b) % 5;
  if (aRotation) return 5 + ((a + b) % 5);
  if (bRotation) return 5 + ((a - b + 5) % 5);
  return (a - b + 5) % 5;
}

/** The permutation applied to a digit at position 1 (from the right); position i uses its i-th power. */
const STEP = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** PERMUTATIONS[i % 8][digit]: STEP has order 8, so eight powers cover every position. */
const PERMUTATIONS: number[][] = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];
for (let power = 1; power < 8; power++) PERMUTATIONS.push(PERMUTATIONS[power - 1].map((digit) => STEP[digit]));

/** Folds the digits right to left; `firstPosition` is 0 for a whole code, 1 for a code without its check digit. */
function fold(digits: string, firstPosition: number): number {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    check = multiply(check, PERMUTATIONS[(i + firstPosition) % 8][digit]);
  }
  return check;
}

/** Whether a string of digits (check digit last) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  return /^\d+$/.test(digits) && fold(digits, 0) === 0;
}

/** The check digit that makes `body + digit` pass. */
export function verhoeffCheckDigit(body: string): string {
  if (!/^\d*$/.test(body)) throw new Error('Verhoeff needs digits');
  const check = fold(body, 1);
  // The inverse in D5: a rotation's is the opposite rotation, a reflection is its own.
  return String(check < 5 ? (5 - check) % 5 : check);
}
