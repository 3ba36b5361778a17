import { describe, expect, it } from 'vitest';
import { fieldProblemOf } from './validation-field.js';

describe('fieldProblemOf', () => {
  it('names the field of a schema error and says what is wrong in words', () => {
    expect(fieldProblemOf([{ keyword: 'maximum', instancePath: '/memoryMiB', schemaPath: '#', params: { limit: 16777216, comparison: '<=' }, message: 'must be <= 16777216' }])).toEqual({
      field: 'memoryMiB',
      reason: 'must be at most 16777216',
    });
    expect(fieldProblemOf([{ keyword: 'required', instancePath: '/storage', schemaPath: '#', params: { missingProperty: 'pool' }, message: 'x' }])).toEqual({
      field: 'storage.pool',
      reason: 'is required',
    });
    expect(fieldProblemOf([{ keyword: 'type', instancePath: '', schemaPath: '#', params: { type: 'object' }, message: 'x' }])).toBeUndefined();
  });
});
