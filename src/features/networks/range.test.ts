import { describe, expect, it } from 'vitest';
import { suggestRange } from './range';

describe('suggested DHCP range', () => {
  it('is .100–.254 of a /24 and the usable rest of a small network', () => {
    expect(suggestRange('10.200.10.1', '24')).toEqual({ start: '10.200.10.100', end: '10.200.10.254' });
    expect(suggestRange('10.200.10.1', '28')).toEqual({ start: '10.200.10.2', end: '10.200.10.14' });
    expect(suggestRange('10.200.0.1', '16')).toEqual({ start: '10.200.0.100', end: '10.200.0.254' });
    expect(suggestRange('10.200.10.120', '24')).toEqual({ start: '10.200.10.121', end: '10.200.10.254' });
    expect(suggestRange('10.200.10.250', '24')).toEqual({ start: '10.200.10.100', end: '10.200.10.249' });
  });
  it('is absent while the address or prefix is not valid', () => {
    expect(suggestRange('10.200.10', '24')).toBeUndefined();
    expect(suggestRange('10.200.10.1', '31')).toBeUndefined();
  });
});
