// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Field, TextInput } from './Field';
import { FormDialog } from './FormDialog';
import { polyfillDialog } from './dialog.test-helpers';

beforeAll(polyfillDialog);
afterEach(cleanup);

function NameForm({ open = true, onClose = () => undefined }: { open?: boolean; onClose?: () => void }) {
  const [name, setName] = useState('');
  const error = name === '' ? 'Name is required' : undefined;
  return (
    <FormDialog open={open} title="New thing" id="thing" onClose={onClose} submitLabel="Create" submitId="thing-create" busy={false} onSubmit={() => undefined}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Field id="thing-name" label="Name" required error={error}>
          <TextInput id="thing-name" value={name} onValue={setName} error={error} />
        </Field>
        <Field id="thing-other" label="Other"><TextInput id="thing-other" value="" onValue={() => undefined} /></Field>
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}

const nameInput = () => document.getElementById('thing-name') as HTMLInputElement;
const nameError = () => document.getElementById('thing-name-error')?.textContent ?? null;

describe('validate on blur and submit', () => {
  it('"… is required" does not show before the user typed anything or left the field', () => {
    render(<NameForm />);
    expect(nameError()).toBeNull();
    expect(nameInput().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows once the field is left empty', () => {
    render(<NameForm />);
    fireEvent.blur(nameInput());
    expect(nameError()).toBe('Name is required');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows as soon as the user types, and goes when fixed', () => {
    render(<NameForm />);
    fireEvent.change(nameInput(), { target: { value: 'x' } });
    fireEvent.change(nameInput(), { target: { value: '' } });
    expect(nameError()).toBe('Name is required');
    fireEvent.change(nameInput(), { target: { value: 'ok' } });
    expect(nameError()).toBeNull();
  });

  it('shows every untouched field\'s error once the action is tried, by button or by Enter', () => {
    render(<NameForm />);
    fireEvent.click(screen.getByText('Create'));
    expect(nameError()).toBe('Name is required');
    cleanup();
    render(<NameForm />);
    fireEvent.submit(document.querySelector('#thing form') as HTMLFormElement);
    expect(nameError()).toBe('Name is required');
  });

  it('starts clean again when the dialog is reopened', () => {
    const { rerender } = render(<NameForm />);
    fireEvent.click(screen.getByText('Create'));
    expect(nameError()).toBe('Name is required');
    rerender(<NameForm open={false} />);
    rerender(<NameForm />);
    expect(nameError()).toBeNull();
  });
});
