/** A YAML "billion laughs": nine levels of nine aliases each, 9^9 values if expanded in full. */
export function billionLaughs(): string {
  const names = 'abcdefghi';
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < names.length; i++) {
    const previous = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(previous).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}
