// A big provider for the server's tests: `count` institutions typed plejehjem, one finding each.
export function bigProvider(count: number): string {
  const lines = ['provider:', '  name: Stor ApS', '  cvr: "29403473"', 'institutions:'];
  for (let i = 0; i < count; i++) lines.push(`  - name: Plejecenter ${i}`, '    unitType: plejehjem', '    phone: "+45 86 12 34 56"');
  return lines.join('\n') + '\n';
}
