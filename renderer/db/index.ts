export { DB_NAME, DiscoveryDb } from './discovery-db';
export { openDatabase, requestPersistentStorage, type OpenDatabaseResult, type NewerSchemaStatus, type FailedStatus } from './open-database';
export { NewerSchemaError } from './newer-schema-error';
export { StorageFullError } from './storage-full-error';
export { DatabaseContext, useDatabase, type DatabaseState } from './database-context';
export { useRepositories, type Repositories } from './use-repositories';
export type { DeletedNote, NewNote, NoteChanges, NotesRepository } from './repositories/notes-repository';
export type { NewContact, ContactsRepository } from './repositories/contacts-repository';
export type { HighlightsRepository } from './repositories/highlights-repository';
