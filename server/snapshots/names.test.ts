import { describe, expect, it } from 'vitest';
import { defaultSnapshotName, snapshotDescriptionProblem, snapshotNameProblem } from './names.js';

describe('defaultSnapshotName', () => {
  it('is the Unix time in seconds, like libvirt', () => {
    expect(defaultSnapshotName(new Date(1_700_000_123_999))).toBe('1700000123');
  });
});

describe('snapshotNameProblem', () => {
  it.each([`<a&b>"'`, 'before-upgrade', '1700000000', 'a.b', 'with space', 'ünïcødé'])('accepts %j', (name) => {
    expect(snapshotNameProblem(name)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['a/b', /'\/'/],
    ['.hidden', /start with '\.'/],
    ['-rf', /start with '-'/],
    ['x'.repeat(201), /at most 200/],
    ['tab\there', /control/],
    [' padded', /white space/],
  ])('refuses %j', (name, why) => {
    expect(snapshotNameProblem(name)).toMatch(why);
  });
});

describe('snapshotDescriptionProblem', () => {
  it('accepts multi-line text with XML-special characters', () => {
    expect(snapshotDescriptionProblem(`line 1\n\t<a&b>"'`)).toBeNull();
  });

  it('refuses carriage returns and other control characters', () => {
    expect(snapshotDescriptionProblem('a\r\nb')).toMatch(/control/);
    expect(snapshotDescriptionProblem('a\u0000')).toMatch(/control/);
  });

  it('refuses overly long text', () => {
    expect(snapshotDescriptionProblem('x'.repeat(4097))).toMatch(/at most/);
  });
});
