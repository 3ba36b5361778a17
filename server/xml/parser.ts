/**
 * The one fast-xml-parser set-up for libvirt XML: attributes as `@name`, values kept as strings,
 * character and entity references decoded (libvirt writes `&#39;` and friends).
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export interface XmlParserOptions {
  /** Dotted element paths (`domain.devices.disk`) that always parse as arrays. */
  arrayPaths?: Iterable<string>;
  /** Element names that parse as arrays wherever they occur. */
  arrayTags?: Iterable<string>;
  /** Keep document order (`[{ tag: [children], ':@': attrs }]`) for documents edited and rebuilt. */
  preserveOrder?: boolean;
  /** false keeps leading and trailing whitespace of text (free-text fields such as descriptions). */
  trimValues?: boolean;
}

export function createXmlParser({ arrayPaths, arrayTags, preserveOrder = false, trimValues = true }: XmlParserOptions = {}): XMLParser {
  const paths = new Set(arrayPaths);
  const tags = new Set(arrayTags);
  return new XMLParser({
    preserveOrder,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues,
    processEntities: true,
    htmlEntities: true,
    // Attributes share element paths (`<graphics listen=…>` beside `<graphics><listen/>`) and stay strings.
    isArray: (name, jpath, _isLeaf, isAttribute) => !isAttribute && (tags.has(name) || paths.has(String(jpath))),
  });
}

/** Builds XML from objects shaped like the parser's output; every text and attribute value is escaped. */
export function createXmlBuilder({ preserveOrder = false }: { preserveOrder?: boolean } = {}): XMLBuilder {
  return new XMLBuilder({
    preserveOrder,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
  });
}
