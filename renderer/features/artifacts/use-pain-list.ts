import { useLiveQuery } from 'dexie-react-hooks';
import type { PainListEntry } from '../../../shared/export/artifact-export-document';
import { buildPainList } from '../../../shared/export/build-pain-list';
import { useRepositories } from '../../db';

/** The round's user-pain list, built from the board's buckets and cards and kept live as the board changes. */
export function usePainList(roundId: string): readonly PainListEntry[] | undefined {
  const { artifacts } = useRepositories();
  return useLiveQuery(async () => {
    const [buckets, cards] = await Promise.all([artifacts.listBuckets(roundId), artifacts.listCards(roundId)]);
    return buildPainList(buckets, cards);
  }, [artifacts, roundId]);
}
