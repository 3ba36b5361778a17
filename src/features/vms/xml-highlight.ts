export type XmlTokenKind = 'punct' | 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'decl';

export interface XmlToken {
  kind: XmlTokenKind;
  text: string;
}

const TAG = /^(<\/?)([A-Za-z_][\w.:-]*)/;
const ATTR = /^(\s+)([A-Za-z_][\w.:-]*)(\s*=\s*)("[^"]*"|'[^']*')/;

/**
 * Splits XML text into tokens for highlighting. Joining the tokens' text gives the input back
 * unchanged, whatever it is (malformed input ends up as plain text).
 */
export function tokenizeXml(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  const push = (kind: XmlTokenKind, text: string) => {
    if (text === '') return;
    const last = tokens[tokens.length - 1];
    if (last !== undefined && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  let i = 0;
  while (i < xml.length) {
    const rest = xml.slice(i);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      const len = end === -1 ? rest.length : end + 3;
      push('comment', rest.slice(0, len));
      i += len;
      continue;
    }
    if (rest.startsWith('<?') || rest.startsWith('<!')) {
      const end = rest.indexOf('>');
      const len = end === -1 ? rest.length : end + 1;
      push('decl', rest.slice(0, len));
      i += len;
      continue;
    }
    const tag = TAG.exec(rest);
    if (tag !== null) {
      push('punct', tag[1] ?? '');
      push('tag', tag[2] ?? '');
      i += tag[0].length;
      for (;;) {
        const attr = ATTR.exec(xml.slice(i));
        if (attr === null) break;
        push('text', attr[1] ?? '');
        push('attr', attr[2] ?? '');
        push('punct', attr[3] ?? '');
        push('value', attr[4] ?? '');
        i += attr[0].length;
      }
      const close = /^\s*\/?>/.exec(xml.slice(i));
      if (close !== null) {
        push('punct', close[0]);
        i += close[0].length;
      }
      continue;
    }
    const next = xml.indexOf('<', i + 1);
    const end = next === -1 ? xml.length : next;
    push('text', xml.slice(i, end));
    i = end;
  }
  return tokens;
}
