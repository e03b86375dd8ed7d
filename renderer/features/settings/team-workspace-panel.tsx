import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { userMessage } from '../../errors/user-message';
import { createTeamApiClient, type TeamInvite, type TeamMember } from '../../sync/team-api-client';
import { useTeamSync } from '../../sync/team-sync-context';
import { describeTeamSync } from '../../sync/team-sync-indicator';
import { useTeamMembership } from '../../sync/use-team-membership';

type Action = { readonly kind: 'idle' } | { readonly kind: 'working'; readonly what: string } | { readonly kind: 'error'; readonly message: string };

const IDLE: Action = { kind: 'idle' };

function formatDateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Settings › Team workspace: join a team, see its members and invites, leave it. */
export function TeamWorkspacePanel() {
  const { sync, status } = useTeamSync();
  const membership = useTeamMembership();
  const api = useMemo(() => createTeamApiClient({ appVersion: __APP_VERSION__ }), []);
  const [action, setAction] = useState<Action>(IDLE);
  const [address, setAddress] = useState('');
  const [inviteToken, setInviteToken] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isConfirmingLeave, setConfirmingLeave] = useState(false);
  const [members, setMembers] = useState<readonly TeamMember[] | null>(null);
  const [invites, setInvites] = useState<readonly TeamInvite[] | null>(null);
  const [createdInvite, setCreatedInvite] = useState<{ readonly token: string; readonly expiresAt: number } | null>(null);
  const [copied, setCopied] = useState(false);

  const run = useCallback(async (what: string, task: () => Promise<void>) => {
    setAction({ kind: 'working', what });
    try {
      await task();
      setAction(IDLE);
    } catch (error) {
      setAction({ kind: 'error', message: userMessage(error, what) });
    }
  }, []);

  const isActive = membership !== null && membership !== undefined && membership.removedMessage === null;
  const serverUrl = membership?.serverUrl;
  const memberToken = membership?.memberToken;
  const isAdmin = membership?.role === 'admin';

  const refresh = useCallback(async () => {
    if (!isActive || serverUrl === undefined || memberToken === undefined) return;
    setMembers(await api.members(serverUrl, memberToken));
    if (isAdmin) setInvites(await api.invites(serverUrl, memberToken));
  }, [api, isActive, isAdmin, memberToken, serverUrl]);

  useEffect(() => {
    if (!isActive || serverUrl === undefined || memberToken === undefined) return undefined;
    let isCurrent = true;
    // The lists are the server's: shown when it answers, with the reason when it does not.
    Promise.all([api.members(serverUrl, memberToken), isAdmin ? api.invites(serverUrl, memberToken) : Promise.resolve(null)]).then(
      ([listedMembers, listedInvites]) => {
        if (!isCurrent) return;
        setMembers(listedMembers);
        setInvites(listedInvites);
      },
      (error: unknown) => {
        if (isCurrent) setAction({ kind: 'error', message: userMessage(error, 'loading the team’s members') });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, isActive, isAdmin, memberToken, serverUrl]);

  const join = (event: FormEvent) => {
    event.preventDefault();
    if (sync === null) return;
    void run('joining the team', async () => {
      const joined = await api.join(address, inviteToken, displayName);
      await sync.joined(joined);
      setInviteToken('');
    });
  };

  const leave = () => {
    if (sync === null) return;
    setConfirmingLeave(false);
    void run('leaving the team', async () => {
      await sync.leave();
      setMembers(null);
      setInvites(null);
      setCreatedInvite(null);
    });
  };

  return (
    <section className="panel" aria-labelledby="team-heading">
      <h2 id="team-heading">Team workspace</h2>
      {membership === undefined && <p>Loading…</p>}
      {membership === null && (
        <>
          <p className="muted">
            Share this workspace with your team through your team’s own server (<code>npm run team-server</code> prints its address and a first
            invite). Everything here is merged in and nothing is lost or doubled; the app keeps working offline and syncs whenever it reaches the
            server.
          </p>
          <form className="team__form" onSubmit={join}>
            <label className="field">
              <span className="field__label">Server address</span>
              <input value={address} onChange={(event) => setAddress(event.currentTarget.value)} placeholder="http://192.168.1.20:5190" autoComplete="off" spellCheck={false} />
            </label>
            <label className="field">
              <span className="field__label">Invite token</span>
              <input value={inviteToken} onChange={(event) => setInviteToken(event.currentTarget.value)} autoComplete="off" spellCheck={false} />
            </label>
            <label className="field">
              <span className="field__label">Your name (teammates see it)</span>
              <input value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} autoComplete="name" />
            </label>
            <div className="crash__actions">
              <button type="submit" className="button button--primary" disabled={sync === null || action.kind === 'working'}>
                {action.kind === 'working' ? 'Joining…' : 'Join the team'}
              </button>
            </div>
          </form>
        </>
      )}
      {membership !== null && membership !== undefined && (
        <>
          {membership.removedMessage !== null && (
            <div className="notice notice--error team__removed" role="alert">
              {membership.removedMessage}
            </div>
          )}
          <dl className="facts">
            <dt>Server</dt>
            <dd>{membership.serverUrl}</dd>
            <dt>You are</dt>
            <dd>
              {membership.displayName} ({membership.role === 'admin' ? 'admin' : 'member'})
            </dd>
            <dt>Joined</dt>
            <dd>{formatDateTime(membership.joinedAt)}</dd>
            <dt>Sync</dt>
            <dd data-testid="team-sync-status">{membership.removedMessage === null ? describeTeamSync(status) : 'Stopped (see above)'}</dd>
          </dl>
          {isActive && (
            <>
              <h3 className="team__heading">Members</h3>
              {members === null ? (
                <p className="muted">Not loaded (the server must be reachable).</p>
              ) : (
                <ul className="team__list" aria-label="Members">
                  {members.map((member) => (
                    <li key={member.memberId} className="team__item">
                      <span>
                        {member.displayName} <span className="muted">· {member.role}{member.revoked ? ' · removed' : ''}{member.memberId === membership.memberId ? ' · this device' : ''}</span>
                      </span>
                      {isAdmin && !member.revoked && member.memberId !== membership.memberId && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`Remove ${member.displayName} from the team`}
                          disabled={action.kind === 'working'}
                          onClick={() => void run(`removing ${member.displayName}`, async () => {
                            await api.revokeMember(membership.serverUrl, membership.memberToken, member.memberId);
                            await refresh();
                          })}
                        >
                          Remove
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {isAdmin && (
                <>
                  <h3 className="team__heading">Invites</h3>
                  <div className="crash__actions">
                    <button
                      type="button"
                      className="button"
                      disabled={action.kind === 'working'}
                      onClick={() => void run('creating an invite', async () => {
                        const created = await api.createInvite(membership.serverUrl, membership.memberToken);
                        setCreatedInvite({ token: created.inviteToken, expiresAt: created.expiresAt });
                        setCopied(false);
                        await refresh();
                      })}
                    >
                      Create an invite
                    </button>
                  </div>
                  {createdInvite !== null && (
                    <div className="notice team__invite" role="status">
                      <p>
                        Give this token to one teammate, with the server address {membership.serverUrl} (valid until {formatDateTime(createdInvite.expiresAt)}, for one
                        person):
                      </p>
                      <code className="team__token" data-testid="created-invite">{createdInvite.token}</code>{' '}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void run('copying the invite', async () => {
                          await navigator.clipboard.writeText(createdInvite.token);
                          setCopied(true);
                        })}
                      >
                        {copied ? 'Copied' : 'Copy'}
                      </button>
                    </div>
                  )}
                  {invites !== null && invites.length > 0 && (
                    <ul className="team__list" aria-label="Invites">
                      {invites.map((invite) => (
                        <li key={invite.id} className="team__item">
                          <span>
                            Invite {invite.id.slice(0, 8)} <span className="muted">· {invite.role} · {invite.revoked ? 'revoked' : `expires ${formatDateTime(invite.expiresAt)}`}{invite.usesLeft !== null && !invite.revoked ? ` · ${invite.usesLeft} use${invite.usesLeft === 1 ? '' : 's'} left` : ''}</span>
                          </span>
                          {!invite.revoked && (
                            <button
                              type="button"
                              className="button button--small"
                              aria-label={`Revoke invite ${invite.id.slice(0, 8)}`}
                              disabled={action.kind === 'working'}
                              onClick={() => void run('revoking the invite', async () => {
                                await api.revokeInvite(membership.serverUrl, membership.memberToken, invite.id);
                                await refresh();
                              })}
                            >
                              Revoke
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </>
          )}
          <p className="muted">Restoring a backup is not possible while this device is in a team: leave the team first.</p>
          {isConfirmingLeave ? (
            <div className="notice" role="alertdialog" aria-labelledby="leave-question">
              <p id="leave-question">
                <strong>Leave the team?</strong> This device stops syncing and keeps a copy of everything it has now. Your teammates keep theirs.
              </p>
              <div className="crash__actions">
                <button type="button" className="button" autoFocus onClick={() => setConfirmingLeave(false)}>
                  Cancel
                </button>
                <button type="button" className="button button--danger" onClick={leave}>
                  Leave the team
                </button>
              </div>
            </div>
          ) : (
            <div className="crash__actions">
              <button type="button" className="button" disabled={sync === null || action.kind === 'working'} onClick={() => setConfirmingLeave(true)}>
                Leave the team…
              </button>
            </div>
          )}
        </>
      )}
      {action.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          {action.message}
        </p>
      )}
    </section>
  );
}
