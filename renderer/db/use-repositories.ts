import { useMemo } from 'react';
import { useDatabase } from './database-context';
import type { DiscoveryDb } from './discovery-db';
import { createArtifactsRepository, type ArtifactsRepository } from './repositories/artifacts-repository';
import { createBoardRepository, type BoardRepository } from './repositories/board-repository';
import { createConflictCopiesRepository, type ConflictCopiesRepository } from './repositories/conflict-copies-repository';
import { createErrorLogRepository, type ErrorLogRepository } from './repositories/error-log-repository';
import { createContactsRepository, type ContactsRepository } from './repositories/contacts-repository';
import { createHighlightsRepository, type HighlightsRepository } from './repositories/highlights-repository';
import { createNotesRepository, type NotesRepository } from './repositories/notes-repository';
import { createPeopleRepository, type PeopleRepository } from './repositories/people-repository';
import { createPlannedChatsRepository, type PlannedChatsRepository } from './repositories/planned-chats-repository';
import { createRoundsRepository, type RoundsRepository } from './repositories/rounds-repository';
import { createSettingsRepository, type SettingsRepository } from './repositories/settings-repository';
import { createSurveyPlansRepository, type SurveyPlansRepository } from './repositories/survey-plans-repository';
import { createTagsRepository, type TagsRepository } from './repositories/tags-repository';
import { createSurveysRepository, type SurveysRepository } from './repositories/surveys-repository';
import { createWorkspaceRepository, type WorkspaceRepository } from './repositories/workspace-repository';
import { createSampleWorkspaceRepository, type SampleWorkspaceRepository } from './repositories/sample-workspace-repository';
import { createValidationRepository, type ValidationRepository } from './repositories/validation-repository';

export interface Repositories {
  readonly notes: NotesRepository;
  readonly contacts: ContactsRepository;
  readonly highlights: HighlightsRepository;
  readonly settings: SettingsRepository;
  readonly surveyPlans: SurveyPlansRepository;
  readonly surveys: SurveysRepository;
  readonly workspace: WorkspaceRepository;
  readonly people: PeopleRepository;
  readonly plannedChats: PlannedChatsRepository;
  readonly artifacts: ArtifactsRepository;
  readonly validation: ValidationRepository;
  readonly sample: SampleWorkspaceRepository;
  readonly rounds: RoundsRepository;
  readonly board: BoardRepository;
  readonly conflictCopies: ConflictCopiesRepository;
  readonly errorLog: ErrorLogRepository;
  readonly tags: TagsRepository;
}

/** The repositories over a database (the hook below, and code that runs outside React). */
export function createRepositories(db: DiscoveryDb): Repositories {
  return {
    notes: createNotesRepository(db),
    contacts: createContactsRepository(db),
    highlights: createHighlightsRepository(db),
    settings: createSettingsRepository(db),
    surveyPlans: createSurveyPlansRepository(db),
    surveys: createSurveysRepository(db),
    workspace: createWorkspaceRepository(db),
    people: createPeopleRepository(db),
    plannedChats: createPlannedChatsRepository(db),
    artifacts: createArtifactsRepository(db),
    validation: createValidationRepository(db),
    sample: createSampleWorkspaceRepository(db),
    rounds: createRoundsRepository(db),
    board: createBoardRepository(db),
    conflictCopies: createConflictCopiesRepository(db),
    errorLog: createErrorLogRepository(db),
    tags: createTagsRepository(db),
  };
}

/** The repositories over the open workspace; components never touch tables themselves. */
export function useRepositories(): Repositories {
  const { db } = useDatabase();
  return useMemo(() => createRepositories(db), [db]);
}
