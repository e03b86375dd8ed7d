import { PlannedSection } from '../../components/planned-section';

export function SurveysScreen() {
  return (
    <PlannedSection
      intro="Hear from many users at once, and find whom to follow up with."
      planned={[
        'Imports from Qualtrics, SurveyMonkey, Typeform, Microsoft Forms, Google Forms and plain CSV, TSV or XLSX',
        'A preview of every column before anything is written; all-or-nothing imports',
        'Charts per question, NPS, and free-text answers as searchable discovery notes',
        'Follow-up lists and survey plans with reviewer sign-off',
      ]}
    />
  );
}
