import { PlannedSection } from '../../components/planned-section';

export function DiscoveryScreen() {
  return (
    <PlannedSection
      intro="Cast a broad net and judge nothing: every coffee chat, survey answer, discussion group, SLA conversation, peer-company chat, paper, open-source scan and cloud-vendor offering lands here as an unprioritized note."
      planned={[
        'Notes for every discovery channel, each with its own fields and a starting template',
        'Rich-text editing with autosave, and highlights that become evidence',
        'An inbox filtered by channel, person, team, organisation, tag and date',
        'Channel coverage, so neglected channels stand out',
        'Search as you type across 100,000 notes, and the SLA table',
      ]}
    />
  );
}
