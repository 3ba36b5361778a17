import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenizeXml } from './xml-highlight';

describe('tokenizeXml', () => {
  it('splits tags, attributes, values and text', () => {
    expect(tokenizeXml(`<disk type='file'>x &amp; y</disk>`)).toEqual([
      { kind: 'punct', text: '<' },
      { kind: 'tag', text: 'disk' },
      { kind: 'text', text: ' ' },
      { kind: 'attr', text: 'type' },
      { kind: 'punct', text: '=' },
      { kind: 'value', text: "'file'" },
      { kind: 'punct', text: '>' },
      { kind: 'text', text: 'x &amp; y' },
      { kind: 'punct', text: '</' },
      { kind: 'tag', text: 'disk' },
      { kind: 'punct', text: '>' },
    ]);
    expect(tokenizeXml('<!-- c --><?xml version="1.0"?><a/>').map((t) => t.kind)).toEqual(['comment', 'decl', 'punct', 'tag', 'punct']);
  });

  it('gives back exactly the input, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '=', "'", '"', ' ', 'a', 'b', '!', '-', '?', '\n', '&') }), (s) => {
        expect(tokenizeXml(s).map((t) => t.text).join('')).toBe(s);
      }),
    );
  });
});
