import type { TimeWindow, TraceLensClient } from '../client/types';
import type { CompletionSource } from './completion';

interface NameSource {
  attributeNames(window?: TimeWindow): Promise<string[]>;
  client: Pick<TraceLensClient, 'tagValues'>;
}

/**
 * Autocomplete data from the data source, asked once per editor and key: typing must not send a
 * request per keystroke. A failed lookup offers no suggestions and is retried next time, because
 * autocomplete must never get in the way of typing; the query itself still reports real errors.
 */
export function createCompletionSource(ds: NameSource, window?: TimeWindow): CompletionSource {
  const cache = new Map<string, Promise<string[]>>();
  const cached = (key: string, load: () => Promise<string[]>) => {
    let p = cache.get(key);
    if (!p) {
      p = load().catch(() => {
        cache.delete(key);
        return [];
      });
      cache.set(key, p);
    }
    return p;
  };
  return {
    attributeNames: () => cached('\u0000names', () => ds.attributeNames(window)),
    attributeValues: (attribute, filter) =>
      cached(`${attribute}\u0000${filter ?? ''}`, () => ds.client.tagValues(attribute, { window, query: filter })),
  };
}
