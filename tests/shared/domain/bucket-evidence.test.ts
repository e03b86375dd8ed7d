import { describe, expect, it } from 'vitest';
import type { Card, CardSnapshot } from '../../../shared/domain/board';
import { bucketEvidence } from '../../../shared/domain/bucket-evidence';

function card(noteId: string, snapshot: Partial<CardSnapshot>, highlightId?: string): Card {
  return {
    id: `${noteId}-${highlightId ?? 'note'}`,
    roundId: 'round',
    position: 0,
    source: highlightId === undefined ? { kind: 'note', noteId } : { kind: 'highlight', noteId, highlightId },
    snapshot: { title: 't', excerpt: 'e', channel: 'coffee-chat', occurredAt: 1, personIds: [], people: [], teams: [], tags: [], ...snapshot },
  };
}

describe('bucket evidence', () => {
  it('says an empty bucket has no evidence', () => {
    expect(bucketEvidence([])).toEqual({ cards: 0, people: 0, teams: 0, channels: 0, notes: 0, marketNotes: 0, teamNotes: 0, strength: 'no user evidence' });
  });

  it('tells one person in one chat (however many highlights) from several people and from several channels', () => {
    const ada = { personIds: ['ada'], teams: ['Payments'] };
    const oneChat = [card('n1', ada), card('n1', ada, 'h1'), card('n1', ada, 'h2')];
    expect(bucketEvidence(oneChat)).toEqual({ cards: 3, people: 1, teams: 1, channels: 1, notes: 1, marketNotes: 0, teamNotes: 0, strength: 'single source' });

    const sameChannel = [card('n1', ada), card('n2', { personIds: ['bo'], teams: ['payments', 'Search'] })];
    expect(bucketEvidence(sameChannel)).toEqual({ cards: 2, people: 2, teams: 2, channels: 1, notes: 2, marketNotes: 0, teamNotes: 0, strength: 'several people' });

    const across = [...sameChannel, card('n3', { channel: 'sla', personIds: ['cy'] })];
    expect(bucketEvidence(across)).toMatchObject({ people: 3, channels: 2, notes: 3, strength: 'across channels' });
  });

  it('keeps one person across two channels a single source, and counts user notes without people as sources', () => {
    const ada = { personIds: ['ada'] };
    expect(bucketEvidence([card('n1', ada), card('n2', { ...ada, channel: 'email-check-in' })]).strength).toBe('single source');
    const anonymous = [card('s1', { channel: 'survey-response' }), card('s2', { channel: 'coffee-chat' })];
    expect(bucketEvidence(anonymous)).toMatchObject({ people: 0, notes: 2, channels: 2, strength: 'across channels' });
  });

  it('counts the market, research and the team apart: they never make users’ evidence stronger', () => {
    const market = [card('p1', { channel: 'research' }), card('p2', { channel: 'cloud-vendor' }), card('p3', { channel: 'open-source' }), card('p4', { channel: 'peer-company', personIds: ['peer'] })];
    expect(bucketEvidence(market)).toEqual({ cards: 4, people: 0, teams: 0, channels: 0, notes: 0, marketNotes: 4, teamNotes: 0, strength: 'no user evidence' });
    // One user and a vendor page is one user, not "across channels".
    const oneUserAndAVendor = [card('n1', { personIds: ['ada'], teams: ['Payments'] }), card('v1', { channel: 'cloud-vendor', teams: ['AWS'] })];
    expect(bucketEvidence(oneUserAndAVendor)).toEqual({ cards: 2, people: 1, teams: 1, channels: 1, notes: 1, marketNotes: 1, teamNotes: 0, strength: 'single source' });
    expect(bucketEvidence([card('b1', { channel: 'brainstorm', personIds: ['me'] })])).toMatchObject({ people: 0, notes: 0, teamNotes: 1, strength: 'no user evidence' });
  });
});
