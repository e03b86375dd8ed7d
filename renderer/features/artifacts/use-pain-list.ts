import { useLiveQuery } from 'dexie-react-hooks';
import type { PainListEntry } from '../../../shared/export/artifact-export-document';
import { useRepositories } from '../../db';

/** The round's buckets as the prioritized user-pain list, ranked first, kept live as the board changes. */
export function usePainList(roundId: string): readonly PainListEntry[] | undefined {
  const { artifacts } = useRepositories();
  return useLiveQuery(async () => {
    const [buckets, cards] = await Promise.all([artifacts.listBuckets(roundId), artifacts.listCards(roundId)]);
    const ranked = [...buckets].sort(
      (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.title.localeCompare(b.title),
    );
    return ranked.map((bucket): PainListEntry => {
      const count = cards.filter((card) => card.bucketId === bucket.id).length;
      return {
        rank: bucket.rank ?? null,
        title: bucket.title,
        statement: bucket.statement,
        solutionKind: bucket.solutionKind,
        evidence: [count === 1 ? '1 card' : `${count} cards`],
        quotes: [],
      };
    });
  }, [artifacts, roundId]);
}
