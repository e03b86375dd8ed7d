import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { createValidationRepository } from '../../../../renderer/db/repositories/validation-repository';
import { ValidationView } from '../../../../renderer/features/artifacts/validation-view';
import type { Round } from '../../../../shared/domain/round';
import { createTestDependencies } from '../../db/create-test-dependencies';
import { openTestDatabase } from '../../db/open-test-database';

const ROUND: Round = {
  id: 'round-1',
  title: 'Q3',
  state: 'clustering',
  snapshotNoteIds: [],
  snapshotHighlightIds: [],
  snapshotTakenAt: 1,
  immediatePainTargetPercent: 70,
  createdAt: 1,
  updatedAt: 1,
};

async function seed() {
  const db = await openTestDatabase('validation-tree');
  await db.rounds.add(ROUND);
  await db.buckets.add({ id: 'b1', roundId: ROUND.id, title: 'Slow deploys', statement: 'Deploys take an hour', solutionKind: 'eliminate', rank: 1, createdAt: 1, updatedAt: 1 });
  const validation = createValidationRepository(db, createTestDependencies());
  const template = await validation.createSolution('b1', 'Golden path template');
  const cache = await validation.createSolution('b1', 'Build cache');
  const killer = await validation.createExperiment(template.id);
  await validation.updateExperiment(killer.id, { hypothesis: 'Teams ship alone', killCriteria: 'Fewer than 3 of 10 teams ship' });
  await validation.lockKillCriteria(killer.id);
  await validation.recordResult(killer.id, { concludedOn: '2026-12-01', outcome: 'killed', evidence: 'Only 1 of 10' });
  const running = await validation.createExperiment(cache.id);
  await validation.updateExperiment(running.id, { hypothesis: 'Builds halve', killCriteria: 'Less than 20% faster' });
  await validation.lockKillCriteria(running.id);
  return { db, template, cache };
}

function renderView(db: DiscoveryDb) {
  render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter initialEntries={[`/artifacts/${ROUND.id}/validation`]}>
          <Routes>
            <Route path="/artifacts/:roundId/validation/*" element={<ValidationView round={ROUND} />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

const WAIT = { timeout: 8000 };

describe('solution validation tree', () => {
  it('shows each bucket as a tree of solutions and experiments whose results drive the solutions’ states', async () => {
    const { db } = await seed();
    renderView(db);
    const tree = await screen.findByRole('tree', { name: 'Validation tree of Slow deploys' }, WAIT);
    const bucket = within(tree).getByRole('treeitem', { name: 'Slow deploys: Still being validated' });
    expect(bucket.getAttribute('aria-level')).toBe('1');
    expect(bucket.getAttribute('aria-expanded')).toBe('true');
    const solutions = within(bucket).getAllByRole('treeitem', { name: /experiment/ }).filter((item) => item.getAttribute('aria-level') === '2');
    expect(solutions.map((item) => item.getAttribute('aria-label'))).toEqual(['Golden path template: Killed, 1 experiment', 'Build cache: Under test, 1 experiment']);
    expect(within(solutions[0] ?? tree).getByRole('treeitem', { name: 'Experiment 1: Teams ship alone: Killed: cannot work' }).getAttribute('aria-level')).toBe('3');
    expect(within(solutions[1] ?? tree).getByRole('treeitem', { name: 'Experiment 1: Builds halve: Running' })).toBeTruthy();
  });

  it('is navigable with the keyboard: arrows move and fold, Enter opens the solution', async () => {
    const user = userEvent.setup();
    const { db, cache } = await seed();
    renderView(db);
    const tree = await screen.findByRole('tree', { name: 'Validation tree of Slow deploys' }, WAIT);
    const bucket = within(tree).getByRole('treeitem', { name: /^Slow deploys/ });
    // One tab stop per tree: the bucket.
    expect(within(tree).getAllByRole('treeitem').filter((item) => item.tabIndex === 0)).toEqual([bucket]);

    await user.click(screen.getByRole('textbox', { name: 'New solution for Slow deploys' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(bucket);

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Golden path template: Killed, 1 experiment');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Experiment 1: Teams ship alone: Killed: cannot work');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Golden path template: Killed, 1 experiment');
    // Left on an open solution folds it: its experiment leaves the arrow order.
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: /Teams ship alone/ })).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Build cache: Under test, 1 experiment');
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Experiment 1: Builds halve: Running');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(bucket);
    await user.keyboard('{ArrowLeft}');
    expect(bucket.getAttribute('aria-expanded')).toBe('false');
    // The template stays folded, so one step down from it is the next solution.
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Build cache: Under test, 1 experiment');
    await user.keyboard('{Enter}');
    // The solution's own page opens.
    expect(await screen.findByRole('textbox', { name: 'Solution' }, WAIT)).toHaveProperty('value', cache.title);
  });
});
