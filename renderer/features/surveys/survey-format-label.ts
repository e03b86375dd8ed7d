const LABELS: Readonly<Record<string, string>> = {
  qualtrics: 'Qualtrics',
  'qualtrics-legacy': 'Qualtrics (legacy export)',
  surveymonkey: 'SurveyMonkey',
  typeform: 'Typeform',
  'microsoft-forms': 'Microsoft Forms',
  'google-forms': 'Google Forms',
  limesurvey: 'LimeSurvey',
  generic: 'Spreadsheet',
};

/** The survey tool's name for an export format id; unknown ids (from a newer build) shown as they are. */
export function formatLabel(format: string | undefined): string {
  if (format === undefined) return 'Survey file';
  return LABELS[format] ?? format;
}
