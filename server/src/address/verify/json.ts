// Reading a service's JSON without trusting it: a field of the wrong type reads as absent, and a
// body that lacks what a verdict needs becomes a `malformed` failure, never a wrong verdict.
import { LookupFailure } from './http.js';
import type { DarStatus } from './types.js';

export type Json = Record<string, unknown>;

export function record(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or a number written as text (postcodes and statuses come both ways); blank is absent. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function darStatus(value: unknown): DarStatus | undefined {
  const n = Number(text(value));
  return n === 2 || n === 3 || n === 4 || n === 5 ? n : undefined;
}

export function malformed(what: string): LookupFailure {
  return new LookupFailure('malformed', what);
}
