import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A contract schema as JSON Schema (draft 2020-12, which OpenAPI 3.1 uses as is).
 * `input` for what a client sends (before transforms), `output` for what it receives;
 * parts JSON Schema cannot express (transforms, dates) become `{}` rather than failing the page.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

export interface SchemaField {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/**
 * Flattens an object schema's fields (nested objects and arrays of objects included) into
 * rows for the human-readable docs: `session.title`, `options[].label`…
 */
export function fieldsOf(schema: JsonSchema, prefix = '', depth = 0): SchemaField[] {
  // A union of object shapes (e.g. join by code or by invitation): each form's fields, labelled.
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!schema.properties && variants?.some((v) => v.properties)) {
    return variants.flatMap((variant, i) =>
      fieldsOf(variant, prefix, depth).map((f) => ({ ...f, description: `Form ${i + 1} of ${variants.length}.${f.description ? ` ${f.description}` : ''}` })),
    );
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties || depth > 4) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: SchemaField[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    const path = `${prefix}${name}`;
    rows.push({ path, type: typeOf(prop), required: required.has(name), description: descriptionOf(prop) });
    const items = prop.items as JsonSchema | undefined;
    if (prop.properties) rows.push(...fieldsOf(prop, `${path}.`, depth + 1));
    else if (items?.properties) rows.push(...fieldsOf(items, `${path}[].`, depth + 1));
  }
  return rows;
}

/** A short type label: `string (uuid)`, `"draft" | "live"`, `integer 0–500`, `array of object`. */
export function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeOf).join(' or ');
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : (schema.type as string | undefined);
  if (!type) return 'any';
  if (type === 'array') return `array of ${schema.items ? typeOf(schema.items as JsonSchema) : 'any'}`;
  const details: string[] = [];
  if (typeof schema.format === 'string') details.push(schema.format);
  if (typeof schema.minLength === 'number' || typeof schema.maxLength === 'number') details.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars`);
  // z.number().int() emits the safe-integer bounds: noise for a reader.
  const min = typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
  if (min !== undefined || max !== undefined) details.push(`${min ?? '−∞'}–${max ?? '∞'}`);
  return details.length ? `${type} (${details.join(', ')})` : type;
}

function descriptionOf(schema: JsonSchema): string {
  if (typeof schema.description === 'string') return schema.description;
  const items = schema.items as JsonSchema | undefined;
  return typeof items?.description === 'string' ? items.description : '';
}
