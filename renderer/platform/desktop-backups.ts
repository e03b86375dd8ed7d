import type { BackupInfo, DesktopApi } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import { logUnexpectedError } from '../errors/error-log';

/** The desktop app's automatic backups folder, reached through the backup verbs. */
export interface DesktopBackups {
  /** Streams a workspace file into a new backup; older ones beyond `keep` are deleted once it is complete. */
  create(chunks: AsyncIterable<string>, keep: number): Promise<IpcResult<BackupInfo>>;
  /** Newest first. */
  list(): Promise<IpcResult<readonly BackupInfo[]>>;
  /** Reads one backup as a stream, a chunk per call. */
  open(name: string): ReadableStream<Uint8Array>;
}

const SEND_BYTES = 1024 * 1024;
const READ_BYTES = 1024 * 1024;

function join(parts: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

type BackupVerbs = Pick<DesktopApi, 'beginBackup' | 'appendBackup' | 'commitBackup' | 'abortBackup' | 'listBackups' | 'readBackup'>;

export function createDesktopBackups(api: BackupVerbs): DesktopBackups {
  return {
    async create(chunks, keep) {
      const begun = await api.beginBackup();
      if (!begun.ok) return begun;
      const id = begun.value;
      const encoder = new TextEncoder();
      let parts: Uint8Array[] = [];
      let size = 0;
      const send = async (): Promise<IpcResult<null>> => {
        if (size === 0) return ok(null);
        const bytes = join(parts, size);
        parts = [];
        size = 0;
        return api.appendBackup(id, bytes);
      };
      try {
        for await (const chunk of chunks) {
          const bytes = encoder.encode(chunk);
          parts.push(bytes);
          size += bytes.byteLength;
          if (size < SEND_BYTES) continue;
          const sent = await send();
          if (!sent.ok) return sent;
        }
        const sent = await send();
        if (!sent.ok) return sent;
      } catch (error) {
        await api.abortBackup(id);
        logUnexpectedError(error, 'desktop backup: preparing the file');
        return fail('internal', 'The backup could not be made because of an unexpected problem; the older backups are kept. Try again; Settings › Local log has the details.');
      }
      return api.commitBackup(id, keep);
    },

    list: () => api.listBackups(),

    open(name) {
      let position = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const read = await api.readBackup(name, position, READ_BYTES);
          if (!read.ok) return controller.error(new Error(read.error.message));
          if (read.value.byteLength === 0) return controller.close();
          position += read.value.byteLength;
          controller.enqueue(read.value);
        },
      });
    },
  };
}
