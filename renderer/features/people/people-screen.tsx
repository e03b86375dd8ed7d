import { PlannedSection } from '../../components/planned-section';

export function PeopleScreen() {
  return (
    <PlannedSection
      intro="Discovery takes time from other teams. This section helps you spend it well."
      planned={[
        'A directory of contacts, teams and organisations, with CSV import and merging',
        'Each person’s and team’s history across chats, groups, surveys and workshops',
        'Research load against a budget, with a warning before you over-ask someone',
        'Coffee-chat cadence and planned chats that turn into notes in one step',
      ]}
    />
  );
}
