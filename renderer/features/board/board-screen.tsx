import { PlannedSection } from '../../components/planned-section';

export function BoardScreen() {
  return (
    <PlannedSection
      intro="Prioritization happens here, apart from discovery, on a frozen snapshot of your notes."
      planned={[
        'Rounds that freeze a chosen set of notes and highlights',
        'Pain buckets built by drag and drop (mouse or keyboard), with their evidence strength',
        'Workshop mode for a room: phases, a timer and hidden dot votes',
        'The 70/30 split between immediate user pain and the three-year vision',
      ]}
    />
  );
}
