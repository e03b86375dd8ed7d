/**
 * Version 3: adds survey plans (drafts of surveys still to send, see shared/domain/survey-plan).
 * Frozen like v1. No upgrade step: the table starts empty and nothing older moves into it.
 */
export const schemaV3 = {
  // updatedAt: the list shows the most recently edited plans first.
  surveyPlans: 'id, updatedAt',
} as const satisfies Readonly<Record<string, string>>;
