// Types for the tests that lint a generated provider (generate.mjs stays plain JavaScript for the benchmarks).
export function sorCode(running: number): string;
export function generateProvider(options: { units: number; format?: 'yaml' | 'json'; violations?: boolean; firstCode?: number; cvr?: string }): string;
