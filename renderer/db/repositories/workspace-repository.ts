import type { DiscoveryDb } from '../discovery-db';
import { forgetJournaledEdits } from '../form-journal';
import { exportWorkspace } from './export-workspace';
import { readNoteCounts } from './note-counts';
import { restoreWorkspace, type RestoredWorkspace, type RestoreProgress } from './restore-workspace';

/** What a restore would replace, for the confirmation. */
export interface WorkspaceSummary {
  readonly notes: number;
  readonly surveys: number;
  readonly contacts: number;
}

export interface WorkspaceRepository {
  /** The whole workspace as a workspace file, in chunks. */
  exportFile(appVersion: string): AsyncGenerator<string>;
  /**
   * Checks a workspace file completely, asks `confirm` with what it holds, then replaces the whole
   * workspace with it (or changes nothing: RestoreDeclinedError when declined).
   */
  restoreFile(source: ReadableStream<Uint8Array>, options?: { readonly onProgress?: (progress: RestoreProgress) => void; readonly confirm?: (checked: RestoredWorkspace) => Promise<boolean> }): Promise<RestoredWorkspace>;
  summary(): Promise<WorkspaceSummary>;
}

export function createWorkspaceRepository(db: DiscoveryDb): WorkspaceRepository {
  return {
    exportFile: (appVersion) => exportWorkspace(db, { appVersion }),

    async restoreFile(source, options = {}) {
      const restored = await restoreWorkspace(db, source, options);
      forgetJournaledEdits();
      return restored;
    },

    async summary() {
      const [counts, surveys, contacts] = await Promise.all([readNoteCounts(db), db.surveys.count(), db.contacts.count()]);
      return { notes: counts?.total ?? (await db.notes.count()), surveys, contacts };
    },
  };
}
