import { useCallback } from 'react';
import type { SurveyPlan } from '../../../../shared/domain/survey-plan';
import { useUndo } from '../../../components/undo-service';
import { useRepositories } from '../../../db';

/** Deletes a plan at once and offers Undo in a toast; `onRestored` runs after an undo put it back. */
export function useDeleteSurveyPlan(onRestored?: (plan: SurveyPlan) => void): (id: string) => Promise<SurveyPlan | undefined> {
  const { surveyPlans } = useRepositories();
  const undoService = useUndo();
  return useCallback(
    async (id: string) => {
      const deleted = await surveyPlans.delete(id);
      if (deleted === undefined) return undefined;
      undoService.offer({
        label: `Deleted “${deleted.title.trim() || 'Untitled survey plan'}”`,
        undo: async () => {
          await surveyPlans.restore(deleted);
          onRestored?.(deleted);
        },
      });
      return deleted;
    },
    [onRestored, undoService, surveyPlans],
  );
}
