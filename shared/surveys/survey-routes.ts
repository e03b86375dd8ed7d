/** The route of a survey's results. */
export function surveyPath(surveyId: string): string {
  return `/surveys/${encodeURIComponent(surveyId)}`;
}

/** The route of one respondent's whole response in a survey. */
export function respondentPath(surveyId: string, responseId: string): string {
  return `${surveyPath(surveyId)}/respondents/${encodeURIComponent(responseId)}`;
}

const RESPONDENT_ROUTE = /^#?\/surveys\/([^/]+)\/respondents\/([^/?#]+)$/;

/** The survey and response a respondent route (or hash link) names; undefined for any other address. */
export function parseRespondentPath(path: string): { readonly surveyId: string; readonly responseId: string } | undefined {
  const match = RESPONDENT_ROUTE.exec(path);
  if (match === null) return undefined;
  try {
    return { surveyId: decodeURIComponent(match[1] ?? ''), responseId: decodeURIComponent(match[2] ?? '') };
  } catch {
    return undefined;
  }
}
