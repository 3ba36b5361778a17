// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ApiError } from '../../../lib/api';
import { initialState } from './model';
import { ResourcesStep } from './ResourcesStep';
import { wizardFieldError } from './server-field-error';

afterEach(cleanup);

const raw = new ApiError(400, 'BAD_REQUEST', 'body/memoryMiB must be <= 16777216', { problem: { field: 'memoryMiB', reason: 'must be at most 16777216' } });

describe('server errors in the New VM wizard', () => {
  it('two identical raw banners: the refusal is shown once, in words, on the memory field of its step', () => {
    const fieldError = wizardFieldError(raw);
    expect(fieldError).toEqual({ field: 'memoryMiB', step: 'resources', text: 'Memory (MiB) must be at most 16777216' });
    render(<ResourcesStep host="local" state={initialState()} update={() => undefined} options={undefined} fieldError={fieldError} onFieldError={() => undefined} goTo={() => undefined} />);
    const shown = document.getElementById('new-vm-memory-server-error');
    expect(shown?.textContent).toBe('Memory (MiB) must be at most 16777216');
    expect(document.body.textContent?.split('must be at most').length).toBe(2);
    expect(document.body.textContent).not.toContain('body/memoryMiB');
  });

  it('an error naming no field of the wizard stays a banner', () => {
    expect(wizardFieldError(new ApiError(409, 'ALREADY_EXISTS', 'A VM named "x" already exists'))).toBeUndefined();
    expect(wizardFieldError(new ApiError(400, 'BAD_REQUEST', 'x', { problem: { field: 'job', reason: 'is not valid' } }))).toBeUndefined();
  });
});
