import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import { contactNameKey } from '../../../shared/domain/contact';
import { hasMatchingChannelFields, SLA_METRICS, type Note } from '../../../shared/domain/note';
import { richTextToPlainText, type RichTextNode } from '../../../shared/domain/rich-text';
import { sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';
import { defaultContactCount, generateWorkspace, HIGHLIGHT_MARK_TYPE } from '../../bench/generate-workspace';

const channel = z.enum(CHANNEL_IDS as [Channel, ...Channel[]]);
const text = z.string().min(1);
const time = z.number().int().positive();
const strings = z.array(text);

// Strict: a field the domain types do not declare fails the test.
const richTextMark = z.strictObject({ type: text, attrs: z.record(z.string(), z.unknown()).optional() });
const richTextNode: z.ZodType = z.lazy(() =>
  z.strictObject({
    type: text,
    attrs: z.record(z.string(), z.json()).optional(),
    content: z.array(richTextNode).optional(),
    marks: z.array(richTextMark).optional(),
    text: text.optional(),
  }),
);
const channelFields = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sla'), service: text, metric: z.enum(SLA_METRICS), expected: text, offered: text.optional(), measured: text.optional() }),
  z.strictObject({ kind: z.literal('survey-response'), surveyId: text, responseId: text, questionId: text.optional() }),
  z.strictObject({ kind: z.literal('discussion-group'), proposal: text }),
  z.strictObject({ kind: z.literal('peer-company'), company: text, approach: text.optional() }),
  z.strictObject({ kind: z.literal('research'), authors: text.optional(), venue: text.optional(), year: z.string().regex(/^\d{4}$/).optional(), url: z.url().optional() }),
  z.strictObject({ kind: z.literal('open-source'), project: text, url: z.url().optional(), licence: text.optional(), activity: text.optional(), maturity: text.optional() }),
  z.strictObject({ kind: z.literal('cloud-vendor'), vendor: text, service: text, url: z.url().optional(), pricingModel: text.optional(), limits: text.optional() }),
]);
const noteSchema = z.strictObject({
  id: z.uuid(),
  channel,
  title: text,
  body: z.strictObject({ type: z.literal('doc'), content: z.array(richTextNode) }),
  plainText: text,
  occurredAt: time,
  personIds: z.array(z.uuid()),
  teams: strings,
  organisation: text.optional(),
  tags: strings.min(1),
  links: z.array(z.strictObject({ url: z.url(), label: text.optional() })),
  channelFields: channelFields.optional(),
  createdAt: time,
  updatedAt: time,
});
const contactSchema = z.strictObject({
  id: z.uuid(),
  name: text,
  nameKey: text,
  email: z.email().optional(),
  team: text.optional(),
  role: text.optional(),
  organisation: text.optional(),
  createdAt: time,
  updatedAt: time,
});
const highlightSchema = z.strictObject({ id: z.uuid(), noteId: z.uuid(), quote: text, tags: strings.min(1), createdAt: time, updatedAt: time });

function allNotes(noteCount: number, seed = 7): Note[] {
  const workspace = generateWorkspace({ seed, noteCount });
  return Array.from({ length: noteCount }, (_, index) => workspace.noteAt(index).note);
}

function markedSpans(nodes: readonly RichTextNode[], spans: Map<string, string>): Map<string, string> {
  for (const node of nodes) {
    const highlightId = node.marks?.find((mark) => mark.type === HIGHLIGHT_MARK_TYPE)?.attrs?.['highlightId'];
    if (typeof highlightId === 'string') spans.set(highlightId, `${spans.get(highlightId) ?? ''}${node.text ?? ''}`);
    markedSpans(node.content ?? [], spans);
  }
  return spans;
}

describe('generateWorkspace', () => {
  it('gives the same workspace for the same seed, and another for another seed', () => {
    const first = generateWorkspace({ seed: 42, noteCount: 200 });
    const again = generateWorkspace({ seed: 42, noteCount: 200 });
    expect(again.contacts).toEqual(first.contacts);
    expect([...again.batches(64)]).toEqual([...first.batches(64)]);
    // A note depends only on the seed and its index, not on the workspace size or batch size.
    expect(generateWorkspace({ seed: 42, noteCount: 5000 }).noteAt(150)).toEqual(first.noteAt(150));

    const other = generateWorkspace({ seed: 43, noteCount: 200 });
    expect(other.noteAt(0).note.id).not.toBe(first.noteAt(0).note.id);
    expect(other.contacts[0]?.name === first.contacts[0]?.name && other.noteAt(3).note.title === first.noteAt(3).note.title).toBe(false);
  });

  it('makes the counts asked for, in batches, with a few thousand people at full size', () => {
    const workspace = generateWorkspace({ seed: 1, noteCount: 1050 });
    const batches = [...workspace.batches(500)];
    expect(batches.map((batch) => batch.notes.length)).toEqual([500, 500, 50]);
    const notes = batches.flatMap((batch) => batch.notes);
    expect(new Set(notes.map((note) => note.id)).size).toBe(1050);
    expect(workspace.contacts).toHaveLength(defaultContactCount(1050));
    expect(new Set(workspace.contacts.map((contact) => contact.id)).size).toBe(workspace.contacts.length);
    expect(defaultContactCount(100_000)).toBe(3000);
    expect(generateWorkspace({ seed: 1, noteCount: 10, contactCount: 5 }).contacts).toHaveLength(5);
    expect(() => workspace.noteAt(1050)).toThrow(RangeError);
  });

  it('covers every channel, the first ten notes included, in realistic proportions', () => {
    const notes = allNotes(2000);
    expect(notes.slice(0, CHANNEL_IDS.length).map((note) => note.channel)).toEqual(CHANNEL_IDS);
    const counts = new Map<Channel, number>();
    for (const note of notes) counts.set(note.channel, (counts.get(note.channel) ?? 0) + 1);
    for (const id of CHANNEL_IDS) expect(counts.get(id) ?? 0).toBeGreaterThan(50);
    expect(counts.get('coffee-chat') ?? 0).toBeGreaterThan(counts.get('cloud-vendor') ?? 0);
  });

  it('makes records of exactly the domain types, bodies the editor accepts as they are', () => {
    const workspace = generateWorkspace({ seed: 3, noteCount: 600 });
    for (const contact of workspace.contacts) {
      expect(contactSchema.parse(contact)).toEqual(contact);
      expect(contact.nameKey).toBe(contactNameKey(contact.name));
    }
    const contactIds = new Set(workspace.contacts.map((contact) => contact.id));
    for (const { notes, highlights } of workspace.batches(200)) {
      for (const note of notes) {
        expect(noteSchema.parse(note)).toEqual(note);
        // What IndexedDB stores is what the generator made: no undefined fields, nothing lost.
        expect(JSON.parse(JSON.stringify(note))).toEqual(note);
        expect(note.plainText).toBe(richTextToPlainText(note.body));
        expect(sanitizeRichText(note.body)).toEqual(note.body);
        expect(hasMatchingChannelFields(note)).toBe(true);
        expect(note.updatedAt).toBeGreaterThanOrEqual(note.createdAt);
        for (const personId of note.personIds) expect(contactIds.has(personId)).toBe(true);
      }
      for (const highlight of highlights) expect(highlightSchema.parse(highlight)).toEqual(highlight);
    }
  });

  it('gives each channel its own fields, SLA notes the SLA ones', () => {
    const notes = allNotes(1000);
    const fieldsByChannel = new Map(notes.map((note) => [note.channel, note.channelFields?.kind]));
    for (const id of ['sla', 'survey-response', 'discussion-group', 'peer-company', 'research', 'open-source', 'cloud-vendor'] as const) {
      expect(fieldsByChannel.get(id)).toBe(id);
    }
    for (const id of ['coffee-chat', 'email-check-in', 'brainstorm'] as const) expect(fieldsByChannel.get(id)).toBeUndefined();
    const sla = notes.filter((note) => note.channelFields?.kind === 'sla');
    expect(sla.some((note) => note.channelFields?.kind === 'sla' && note.channelFields.offered !== undefined)).toBe(true);
  });

  it('writes about 1 KB of text per note, of varied lengths, with tags, people and teams', () => {
    const notes = allNotes(1000);
    const lengths = notes.map((note) => note.plainText.length);
    const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    expect(mean).toBeGreaterThan(800);
    expect(mean).toBeLessThan(1400);
    expect(Math.min(...lengths)).toBeLessThan(400);
    expect(Math.max(...lengths)).toBeGreaterThan(2500);
    expect(new Set(notes.flatMap((note) => note.tags)).size).toBeGreaterThan(60);
    expect(notes.filter((note) => note.personIds.length > 0).length).toBeGreaterThan(800);
    expect(notes.filter((note) => note.teams.length > 0).length).toBeGreaterThan(700);
  });

  it('puts a highlight mark for every highlight into its note, around the quoted text', () => {
    const workspace = generateWorkspace({ seed: 5, noteCount: 400 });
    let highlightCount = 0;
    for (let index = 0; index < 400; index += 1) {
      const { note, highlights } = workspace.noteAt(index);
      const spans = markedSpans(note.body.content ?? [], new Map());
      expect([...spans.keys()].sort()).toEqual(highlights.map((highlight) => highlight.id).sort());
      for (const highlight of highlights) {
        expect(highlight.noteId).toBe(note.id);
        expect(spans.get(highlight.id)).toBe(highlight.quote);
        expect(note.plainText).toContain(highlight.quote);
      }
      highlightCount += highlights.length;
    }
    expect(highlightCount).toBeGreaterThan(100);
  });
});
