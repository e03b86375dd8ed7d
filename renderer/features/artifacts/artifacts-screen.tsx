import { PlannedSection } from '../../components/planned-section';

export function ArtifactsScreen() {
  return (
    <PlannedSection
      intro="What prioritization produces, with the evidence behind every claim."
      planned={[
        'A charter: unique value, competitive advantages and strategy',
        'An optimistic three-year vision with year 1, 2 and 3 themes',
        'The prioritized user-pain list, built live from the board',
        'Citations to notes and highlights; export to Markdown, HTML and PDF',
        'Candidate solutions and experiments that try to prove they cannot work',
      ]}
    />
  );
}
