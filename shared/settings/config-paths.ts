import { z } from 'zod';
import { kioskConfigSchema } from '../config';

/** What an admin may not read back: shown as set or not, audited only as "changed". */
export const SECRET_KEYS: readonly string[] = ['alerts.email.password'];
/** Stands in for a secret in what is shown; set back unchanged, it keeps the stored secret. */
export const HIDDEN_SECRET = '********';

export type SettingKind = 'object' | 'leaf';

export interface SettingPath {
  key: string;
  kind: SettingKind;
}

/** The schema under its defaults, prefaults, optionals and nullables. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
      continue;
    }
    return current;
  }
}

function walk(schema: z.ZodType, prefix: string, out: SettingPath[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    if (prefix) out.push({ key: prefix, kind: 'object' });
    for (const [name, child] of Object.entries(inner.shape as Record<string, z.ZodType>))
      walk(child, prefix ? `${prefix}.${name}` : name, out);
    return;
  }
  // Lists and maps (footage.patterns, footage.cameraNames) are one setting each.
  out.push({ key: prefix, kind: 'leaf' });
}

/** Every path of config.json, in the schema's order: groups (`alerts.email`) and single settings. */
export const CONFIG_PATHS: readonly SettingPath[] = (() => {
  const out: SettingPath[] = [];
  walk(kioskConfigSchema, '', out);
  return out;
})();

/** The single settings: what the settings view shows a field for and what needs a label. */
export const SETTING_KEYS: readonly string[] = CONFIG_PATHS.filter((path) => path.kind === 'leaf').map(
  (path) => path.key,
);

const KNOWN = new Set(CONFIG_PATHS.map((path) => path.key));
export const isConfigPath = (key: string): boolean => KNOWN.has(key);
export const isSecretKey = (key: string): boolean => SECRET_KEYS.includes(key);

type Json = unknown;

/** The value at a dotted path, or undefined where the path is absent (or under a null group). */
export function valueAt(root: Json, key: string): Json {
  let current: Json = root;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, Json>)[part];
  }
  return current;
}

/** A copy of `root` with `value` at the dotted path; groups on the way are created (or replace a null). */
export function withValueAt(root: Json, key: string, value: Json): Record<string, Json> {
  const [head, ...rest] = key.split('.');
  const base =
    root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, Json>) } : {};
  if (rest.length === 0) {
    if (value === undefined) delete base[head!];
    else base[head!] = value;
    return base;
  }
  base[head!] = withValueAt(base[head!], rest.join('.'), value);
  return base;
}

/** The configuration as an admin may see it: every secret that is set replaced by HIDDEN_SECRET. */
export function withSecretsHidden<T>(config: T): T {
  let shown: Json = config;
  for (const key of SECRET_KEYS) {
    const value = valueAt(shown, key);
    if (value !== undefined && value !== null) shown = withValueAt(shown, key, HIDDEN_SECRET);
  }
  return shown as T;
}

/** What the audit keeps of a single setting's value: a secret only as "changed" (or null when unset). */
export function auditedValue(key: string, value: Json): string | null {
  if (value === undefined) return null;
  if (isSecretKey(key)) return value === null ? null : 'changed';
  return JSON.stringify(value);
}

/** The single settings whose values differ between two configurations (deep, by their JSON). */
export function changedKeys(before: Json, after: Json): string[] {
  return SETTING_KEYS.filter((key) => JSON.stringify(valueAt(before, key)) !== JSON.stringify(valueAt(after, key)));
}

/** How the settings view edits a single setting, read from the schema. */
export type SettingInput =
  | { kind: 'integer' | 'number'; nullable: boolean; min?: number; max?: number }
  | { kind: 'boolean'; nullable: boolean }
  | { kind: 'text'; nullable: boolean; optional: boolean }
  | { kind: 'choice'; nullable: boolean; options: string[] }
  /** Lists, maps and anything else: edited as JSON. */
  | { kind: 'json'; nullable: boolean };

function schemaAt(key: string): { schema: z.ZodType; nullable: boolean; optional: boolean } | null {
  let current: z.ZodType = kioskConfigSchema;
  let nullable = false;
  let optional = false;
  for (const part of key.split('.')) {
    const inner = unwrap(current);
    if (!(inner instanceof z.ZodObject)) return null;
    const child = (inner.shape as Record<string, z.ZodType>)[part];
    if (!child) return null;
    current = child;
  }
  for (;;) {
    if (current instanceof z.ZodNullable) nullable = true;
    if (current instanceof z.ZodOptional) optional = true;
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
      continue;
    }
    return { schema: current, nullable, optional };
  }
}

export function settingInput(key: string): SettingInput {
  const found = schemaAt(key);
  if (!found) return { kind: 'json', nullable: false };
  const { schema, nullable, optional } = found;
  if (schema instanceof z.ZodNumber) {
    const bounds = { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
    return { kind: schema.isInt ? 'integer' : 'number', nullable, ...bounds };
  }
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean', nullable };
  if (schema instanceof z.ZodEnum) return { kind: 'choice', nullable, options: schema.options.map(String) };
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat) return { kind: 'text', nullable, optional };
  return { kind: 'json', nullable };
}
