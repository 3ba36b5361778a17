// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PathCell } from './PathCell';

afterEach(cleanup);

describe('PathCell', () => {
  const path = '/var/lib/libvirt/images/a-rather-long-directory-name/disk-image-0001.qcow2';

  it('shows the path on one ellipsized line with the full value on hover', () => {
    render(<PathCell value={path} testId="cell" />);
    const text = screen.getByTitle(path);
    expect(text.textContent).toBe(path);
    expect(text.className).toContain('truncate');
  });

  it('copies the full value', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PathCell value={path} />);
    fireEvent.click(screen.getByRole('button', { name: `Copy ${path}` }));
    expect(writeText).toHaveBeenCalledWith(path);
    await waitFor(() => expect(screen.getByTestId('copy-button').textContent).toBe('Copied'));
  });

  it('says what is missing instead of an empty cell', () => {
    render(<PathCell value={undefined} empty="empty" testId="cell" />);
    expect(screen.getByTestId('cell').textContent).toBe('empty');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
