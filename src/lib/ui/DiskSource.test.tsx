// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { DiskSource } from './DiskSource';

afterEach(cleanup);

describe('DiskSource', () => {
  it('says which source type it cannot show instead of showing nothing', () => {
    render(<DiskSource source={{ type: 'quantum', supported: false }} empty="empty" />);
    expect(screen.getByTestId('disk-source-unsupported').textContent).toBe('unsupported source type quantum');
  });

  it('shows a network source as a URI and an empty drive as empty', () => {
    const { rerender } = render(<DiskSource source={{ type: 'network', supported: true, protocol: 'rbd', name: 'pool/image', hosts: [{ name: 'mon1', port: '6789' }] }} empty="empty" />);
    expect(screen.getByTestId('disk-source').textContent).toBe('rbd://mon1:6789/pool/image');
    rerender(<DiskSource source={undefined} empty="empty" />);
    expect(screen.getByText('empty')).toBeTruthy();
  });
});
