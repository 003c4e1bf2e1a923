import type { AttributeNode } from '../traceql/ast';
import { printAttribute } from './printField';

const attr = (scope: AttributeNode['scope'], name: string, parent = false): AttributeNode => ({
  type: 'Attribute',
  scope,
  name,
  parent,
  from: 0,
  to: 0,
});

describe('printAttribute (engine labels such as by(...))', () => {
  it.each([
    [attr('span', 'http.route'), 'span.http.route'],
    [attr('unscoped', 'foo'), '.foo'],
    [attr('unscoped', 'foo', true), 'parent.foo'],
    [attr('resource', 'service.name', true), 'parent.resource.service.name'],
    [attr('span', 'a b'), 'span."a b"'],
  ])('%o prints as %s', (a, text) => expect(printAttribute(a)).toBe(text));
});
