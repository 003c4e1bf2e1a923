/**
 * How deep a query's syntax tree may be. Recursive descent is bounded by the cursor's nesting
 * limit, but operator chains (`a >> b >> c ...`, `1 + 1 + ...`) are parsed in a loop and still build
 * a tree one level deeper per operator; every later pass (validation, printing, planning,
 * evaluation, JSON) walks it recursively. Measured in Node 20 with an empty stack: structural and
 * spanset-operator chains overflow while evaluating at about 3,500 levels, any chain in
 * JSON.stringify at about 8,000. 2,000 levels is far beyond any written query (or a generated group
 * of a thousand services) and leaves every pass a margin for the stack its caller already uses.
 */
export const MAX_TREE_DEPTH = 2000;

interface Located {
  readonly from: number;
  readonly to: number;
}

function isNode(v: unknown): v is Located & { type: string } {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/**
 * The first syntax node found more than `limit` node levels below the root, or undefined. Walks
 * with an explicit stack, so it is safe on exactly the trees it exists to refuse.
 */
export function nodeBeyondDepth(root: object, limit = MAX_TREE_DEPTH): Located | undefined {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    const node = isNode(value);
    const level = node ? depth + 1 : depth;
    if (node && level > limit) {
      return value;
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push([child, level]);
      }
    }
  }
  return undefined;
}

export function tooDeepMessage(limit = MAX_TREE_DEPTH): string {
  return `query nests more than ${limit} levels deep (each chained operator is a level): split it into smaller queries`;
}
