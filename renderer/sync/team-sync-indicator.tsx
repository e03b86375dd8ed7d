import { Link } from 'react-router';
import type { TeamSyncStatus } from './team-sync';
import { useTeamSync } from './team-sync-context';

function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** The team sync's state in words: connected or not, changes waiting, last synced, the problem. */
export function describeTeamSync(status: TeamSyncStatus): string {
  const waiting = status.waitingChanges > 0 ? ` · ${status.waitingChanges} change${status.waitingChanges === 1 ? '' : 's'} waiting` : '';
  const synced = status.lastSyncedAt === null ? '' : ` · last synced ${formatTime(status.lastSyncedAt)}`;
  switch (status.phase) {
    case 'not-joined':
      return 'Not in a team';
    case 'removed':
      return status.error ?? 'Removed from the team';
    case 'connecting':
      return `Connecting…${waiting}`;
    case 'connected':
      return `Connected${waiting}${synced}${status.error === null ? '' : ` · ${status.error}`}`;
    case 'offline':
      return `Offline: changes are kept here and sent when the server is back${waiting}${synced}`;
  }
}

/** The shell's team status: nothing outside a team; a link to Settings › Team workspace inside one. */
export function TeamSyncIndicator() {
  const { status } = useTeamSync();
  if (status.phase === 'not-joined') return null;
  const label = status.phase === 'connected' ? 'Team: connected' : status.phase === 'connecting' ? 'Team: connecting…' : status.phase === 'offline' ? 'Team: offline' : 'Team: not syncing';
  const waiting = status.waitingChanges > 0 ? ` · ${status.waitingChanges} waiting` : '';
  return (
    <Link to="/settings" className={`team-status team-status--${status.phase}`} role="status" aria-live="polite" title={describeTeamSync(status)} data-testid="team-status">
      <span className="team-status__dot" aria-hidden="true" />
      <span>
        {label}
        {waiting}
      </span>
    </Link>
  );
}
