import { useCallback } from 'react';
import type { SurveyPlan } from '../../../../shared/domain/survey-plan';
import { useToast } from '../../../components/toast';
import { useRepositories } from '../../../db';

/** Deletes a plan at once and offers Undo in a toast; `onRestored` runs after an undo put it back. */
export function useDeleteSurveyPlan(onRestored?: (plan: SurveyPlan) => void): (id: string) => Promise<SurveyPlan | undefined> {
  const { surveyPlans } = useRepositories();
  const showToast = useToast();
  return useCallback(
    async (id: string) => {
      const deleted = await surveyPlans.delete(id);
      if (deleted === undefined) return undefined;
      showToast({
        message: `Deleted “${deleted.title.trim() || 'Untitled survey plan'}”`,
        actionLabel: 'Undo',
        onAction: () => void surveyPlans.restore(deleted).then(() => onRestored?.(deleted)),
      });
      return deleted;
    },
    [onRestored, showToast, surveyPlans],
  );
}
