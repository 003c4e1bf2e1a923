/**
 * ESLint rule `tracelens/backend-layering`: outside a backend's own folders, code never asks which
 * backend it has. A backend's name (a folder under src/core/backends with an index.ts: jaeger,
 * tempo, zipkin, ...) may appear in code only in
 *   - its folders: src/core/backends/<name>/ and src/datasource/ConfigEditor/backends/<name>/;
 *   - the registries that list every backend: src/core/backends/registry.ts and
 *     src/datasource/ConfigEditor/backends/index.ts.
 * Anywhere else these are errors, because a new backend would silently take someone else's branch:
 *   - comparing with a backend name (`kind === 'tempo'`, `x !== 'jaeger' ? a : b`), or choosing
 *     between two names (`flag ? 'jaeger' : 'tempo'`);
 *   - a `case 'jaeger':`;
 *   - a hand-kept table or union of two or more names (`{ jaeger: ..., tempo: ... }`,
 *     `'jaeger' | 'tempo'`);
 *   - importing a backend's folder (its client, wire types, planner): go through the registry and
 *     the Backend interface (src/core/backends/index.ts) instead.
 * Ask the backend instead: its `features`, its module's `label`, `defaultUrl`, `planner`, `paths`.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULTS = {
  backendsDir: 'src/core/backends',
  ownerDirs: ['src/core/backends', 'src/datasource/ConfigEditor/backends'],
  registries: ['src/core/backends/registry.ts', 'src/datasource/ConfigEditor/backends/index.ts'],
};

/** The registered backends' names: folders under src/core/backends holding an index.ts. */
function discoverBackends(backendsDir) {
  const dir = path.join(ROOT, backendsDir);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name);
}

function rel(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** The backend whose folder holds `file` ('' for none). */
function ownerOf(file, ownerDirs, backends) {
  for (const dir of ownerDirs) {
    const m = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/`).exec(file);
    if (m && backends.includes(m[1])) {
      return m[1];
    }
  }
  return '';
}

/** The backend whose folder an import specifier reaches, resolved from the importing file. */
function importedBackend(fromFile, spec, backendsDir, backends) {
  if (!spec.startsWith('.')) {
    return '';
  }
  const target = rel(path.resolve(path.dirname(path.join(ROOT, fromFile)), spec));
  const m = new RegExp(`^${backendsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)(/|$)`).exec(target);
  return m && backends.includes(m[1]) ? m[1] : '';
}

function stringValue(node) {
  if (!node) {
    return undefined;
  }
  if (node.type === 'Literal' && typeof node.value === 'string') {
    return node.value;
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0].value.cooked;
  }
  return undefined;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Only a backend’s own folders and the registries may name a backend.' },
    schema: [
      {
        type: 'object',
        properties: {
          backends: { type: 'array', items: { type: 'string' } },
          backendsDir: { type: 'string' },
          ownerDirs: { type: 'array', items: { type: 'string' } },
          registries: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      compare:
        "Branches on the backend name '{{name}}': a new backend would take the other branch. Ask the backend (its features, module or plan) instead.",
      choose:
        "Chooses between the backend names '{{a}}' and '{{b}}': a third backend would get one of them. Take the name from the registry or the flag that names it.",
      caseName:
        "Switches on the backend name '{{name}}': only the registry and the backend's own folder may. Ask the backend instead.",
      table:
        "A hand-kept per-backend {{what}} naming '{{name}}': take it from the registry (core/backends/registry.ts) or move it into the backend's folder.",
      importInternals:
        "Imports backend '{{name}}' from outside its folder: use the registry and the Backend interface (core/backends) instead.",
    },
  },

  create(context) {
    const opts = { ...DEFAULTS, ...(context.options[0] || {}) };
    const backends = opts.backends || discoverBackends(opts.backendsDir);
    const file = rel(context.filename);
    if (opts.registries.includes(file)) {
      return {};
    }
    const owner = ownerOf(file, opts.ownerDirs, backends);
    /** A name this file may not use: any backend's but its own. */
    const foreign = (value) => {
      if (typeof value !== 'string') {
        return undefined;
      }
      const name = value.toLowerCase();
      return backends.includes(name) && name !== owner ? name : undefined;
    };
    const checkImport = (node, source) => {
      const spec = stringValue(source);
      if (spec === undefined) {
        return;
      }
      const name = importedBackend(file, spec, opts.backendsDir, backends);
      if (name && name !== owner) {
        context.report({ node, messageId: 'importInternals', data: { name } });
      }
    };
    return {
      BinaryExpression(node) {
        if (!['===', '!==', '==', '!='].includes(node.operator)) {
          return;
        }
        const name = foreign(stringValue(node.left)) || foreign(stringValue(node.right));
        if (name) {
          context.report({ node, messageId: 'compare', data: { name } });
        }
      },
      // `a ? 'jaeger' : 'tempo'`: the other backend is whatever is not this one.
      ConditionalExpression(node) {
        const a = foreign(stringValue(node.consequent));
        const b = foreign(stringValue(node.alternate));
        if (a && b) {
          context.report({ node, messageId: 'choose', data: { a, b } });
        }
      },
      SwitchCase(node) {
        const name = foreign(stringValue(node.test));
        if (name) {
          context.report({ node, messageId: 'caseName', data: { name } });
        }
      },
      // A table or union naming two or more backends is a hand-kept list of them. One name alone is
      // not (a `tempo:` field can mean Tempo as TraceQL's reference implementation).
      ObjectExpression(node) {
        const names = node.properties
          .filter((p) => p.type === 'Property' && !p.computed)
          .map((p) => foreign(p.key.type === 'Identifier' ? p.key.name : stringValue(p.key)))
          .filter(Boolean);
        if (names.length >= 2) {
          context.report({ node, messageId: 'table', data: { name: names.join("', '"), what: 'table' } });
        }
      },
      TSUnionType(node) {
        const names = node.types
          .map((t) => (t.type === 'TSLiteralType' ? foreign(stringValue(t.literal)) : undefined))
          .filter(Boolean);
        if (names.length >= 2) {
          context.report({ node, messageId: 'table', data: { name: names.join("', '"), what: 'type' } });
        }
      },
      ImportDeclaration(node) {
        checkImport(node, node.source);
      },
      ExportNamedDeclaration(node) {
        checkImport(node, node.source);
      },
      ExportAllDeclaration(node) {
        checkImport(node, node.source);
      },
      ImportExpression(node) {
        checkImport(node, node.source);
      },
    };
  },
};
