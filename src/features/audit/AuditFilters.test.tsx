// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AuditFilters } from './AuditFilters';
import { auditSearch, EMPTY_FILTER, parseLocalDateTime, type AuditFilter } from './audit-query';

afterEach(cleanup);

function show() {
  const applied: AuditFilter[] = [];
  render(<AuditFilters applied={EMPTY_FILTER} onApply={(f) => applied.push(f)} />);
  return applied;
}

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLInputElement, { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.submit(document.getElementById('audit-filters') as HTMLFormElement);
  });
};

describe('AuditFilters', () => {
  it('applies the typed filters on submit, not while typing', async () => {
    const applied = show();
    type('audit-filter-user', 'alice');
    type('audit-filter-object', '/hosts/local');
    type('audit-filter-from', '2026-03-01');
    type('audit-filter-to', '2026-03-02 18:30');
    fireEvent.change(document.getElementById('audit-filter-result') as HTMLSelectElement, { target: { value: 'failure' } });
    expect(applied).toEqual([]);
    await submit();
    expect(applied).toEqual([{ user: 'alice', object: '/hosts/local', from: '2026-03-01', to: '2026-03-02 18:30', result: 'failure' }]);
  });

  it('refuses a date it cannot read, saying which form it wants', async () => {
    const applied = show();
    type('audit-filter-from', '03/01/2026');
    await submit();
    expect(applied).toEqual([]);
    expect(document.getElementById('audit-filter-from-error')?.textContent).toBe('Use the form 2026-12-03 or 2026-12-03 13:05.');
    expect(screen.getByRole('alert').textContent).toContain('not in the form');
  });

  it('refuses "from" after "to"', async () => {
    const applied = show();
    type('audit-filter-from', '2026-03-02');
    type('audit-filter-to', '2026-03-01');
    await submit();
    expect(applied).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe('"From" lies after "to".');
  });

  it('Reset clears the fields and applies no filter', async () => {
    const applied = show();
    type('audit-filter-user', 'alice');
    await act(async () => {
      fireEvent.click(document.getElementById('audit-reset') as HTMLButtonElement);
    });
    expect(applied).toEqual([EMPTY_FILTER]);
    expect((document.getElementById('audit-filter-user') as HTMLInputElement).value).toBe('');
  });
});

describe('auditSearch', () => {
  it('turns local dates into instants; a bare "to" date covers its whole day', () => {
    const search = new URLSearchParams(auditSearch({ user: ' bob ', object: '', from: '2026-03-01', to: '2026-03-01', result: 'success' }, 50));
    expect(search.get('user')).toBe('bob');
    expect(search.has('object')).toBe(false);
    expect(search.get('from')).toBe(new Date(2026, 2, 1, 0, 0, 0).toISOString());
    expect(search.get('to')).toBe(new Date(2026, 2, 1, 23, 59, 59, 999).toISOString());
    expect(search.get('result')).toBe('success');
    expect(search.get('limit')).toBe('50');
    expect(search.get('offset')).toBe('50');
  });

  it('reads the app\'s own date format and refuses dates that do not exist', () => {
    expect(parseLocalDateTime('2026-12-03 13:05:09')?.getTime()).toBe(new Date(2026, 11, 3, 13, 5, 9).getTime());
    expect(parseLocalDateTime('2026-02-30')).toBeNull();
    expect(parseLocalDateTime('2026-12-03 25:00')).toBeNull();
    expect(parseLocalDateTime('  ')).toBeUndefined();
  });
});
