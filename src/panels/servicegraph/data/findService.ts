/**
 * The service a typed search names, so a partial name + Enter focuses something instead of
 * nothing. Ids may be `namespace/name` (#17), and users type the name they know, in any case.
 * Best first: the whole id, then the name after the namespace, then a name that starts with the
 * text, then one that contains it; among equals the shortest (the least extra), then the first
 * alphabetically, so the same text always picks the same service. Undefined when nothing matches.
 */
export function findService(services: readonly string[], text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') {
    return undefined;
  }
  let best: { id: string; rank: number } | undefined;
  for (const id of services) {
    const rank = rankOf(id.toLowerCase(), wanted);
    if (rank === undefined) {
      continue;
    }
    if (!best || rank < best.rank || (rank === best.rank && before(id, best.id))) {
      best = { id, rank };
    }
  }
  return best?.id;
}

function rankOf(id: string, wanted: string): number | undefined {
  const name = id.slice(id.lastIndexOf('/') + 1);
  if (id === wanted) {
    return 0;
  }
  if (name === wanted) {
    return 1;
  }
  if (name.startsWith(wanted) || id.startsWith(wanted)) {
    return 2;
  }
  return id.includes(wanted) ? 3 : undefined;
}

function before(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}
