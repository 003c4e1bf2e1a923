import { completionItems, type CompletionItem, type CompletionSource } from './items';
import { situationAt } from './situation';

export type { CompletionItem, CompletionKind, CompletionSource } from './items';
export { situationAt, type Situation } from './situation';

/** Suggestions at `offset` in `text`, and where they replace from. Pure apart from the source. */
export async function getCompletions(
  text: string,
  offset: number,
  source: CompletionSource
): Promise<{ items: CompletionItem[]; replaceFrom: number }> {
  const { situation, replaceFrom } = situationAt(text, offset);
  return { items: await completionItems(situation, source), replaceFrom };
}
