/** The request field a schema validation error is about, and what is wrong with it in words. */
import type { FastifySchemaValidationError } from 'fastify';

export interface FieldProblem {
  /** Dotted path inside the body or query: `memoryMiB`, `storage.sizeBytes`. */
  field: string;
  /** What is wrong, to follow the field's label: "must be at most 16777216". */
  reason: string;
}

function num(params: Record<string, unknown>, key: string): string {
  const v = params[key];
  return typeof v === 'number' ? String(v) : '?';
}

function reasonOf(e: FastifySchemaValidationError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'maximum':
      return `must be at most ${num(p, 'limit')}`;
    case 'minimum':
      return `must be at least ${num(p, 'limit')}`;
    case 'maxLength':
      return `must be at most ${num(p, 'limit')} characters`;
    case 'minLength':
      return `must be at least ${num(p, 'limit')} characters`;
    case 'maxItems':
      return `must have at most ${num(p, 'limit')} entries`;
    case 'pattern':
      return 'has characters or a form that is not allowed';
    case 'type':
      return `must be ${typeof p['type'] === 'string' ? `a ${p['type']}` : 'of another type'}`;
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return 'is not one of the allowed values';
    default:
      return e.message ?? 'is not valid';
  }
}

/** The first problem of a validation error, or undefined when it names no field. */
export function fieldProblemOf(validation: readonly FastifySchemaValidationError[]): FieldProblem | undefined {
  const e = validation[0];
  if (e === undefined) return undefined;
  const segments = e.instancePath.split('/').filter((s) => s !== '');
  if (e.keyword === 'required' && typeof e.params['missingProperty'] === 'string') segments.push(e.params['missingProperty']);
  if (e.keyword === 'additionalProperties' && typeof e.params['additionalProperty'] === 'string') segments.push(e.params['additionalProperty']);
  if (segments.length === 0) return undefined;
  return { field: segments.join('.'), reason: reasonOf(e) };
}
