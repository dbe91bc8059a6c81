/** A documentation example: a provider with a valid CVR, around the given `institutions:` list. */
export function exampleFile(institutions: string): string {
  return `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
institutions:
${institutions}`;
}
