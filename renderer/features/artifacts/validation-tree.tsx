import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  BUCKET_VERDICT_LABELS,
  EXPERIMENT_STAGE_LABELS,
  type BucketVerdict,
  type ExperimentStage,
  type ValidationTreeBucket,
} from '../../../shared/domain/validation-tree';
import { ValidationStateBadge, validationStateLabel } from './validation-state-badge';

const STAGE_TONE: Readonly<Record<ExperimentStage, string>> = {
  drafting: 'badge--warning',
  running: 'badge--neutral',
  survived: 'badge--ok',
  killed: 'badge--danger',
  inconclusive: 'badge--warning',
};

const VERDICT_TONE: Readonly<Record<BucketVerdict, string>> = {
  'no-solutions': 'badge--neutral',
  'way-forward': 'badge--ok',
  'all-killed': 'badge--danger',
  open: 'badge--neutral',
};

/** One node of the tree as the keyboard sees it. */
interface TreeNode {
  readonly id: string;
  readonly parentId?: string;
  readonly childIds: readonly string[];
  /** Where Enter (or a click) leads; the bucket root only folds. */
  readonly path?: string;
}

export function solutionPath(roundId: string, solutionId: string): string {
  return `/artifacts/${encodeURIComponent(roundId)}/validation/${encodeURIComponent(solutionId)}`;
}

function treeNodes(node: ValidationTreeBucket, roundId: string): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>();
  const rootId = `bucket:${node.bucket.id}`;
  nodes.set(rootId, { id: rootId, childIds: node.solutions.map(({ solution }) => `solution:${solution.id}`) });
  for (const { solution, experiments } of node.solutions) {
    const id = `solution:${solution.id}`;
    const path = solutionPath(roundId, solution.id);
    nodes.set(id, { id, parentId: rootId, childIds: experiments.map(({ experiment }) => `experiment:${experiment.id}`), path });
    for (const { experiment } of experiments) nodes.set(`experiment:${experiment.id}`, { id: `experiment:${experiment.id}`, parentId: id, childIds: [], path });
  }
  return nodes;
}

/** The nodes a person can reach with the arrow keys, top to bottom: children of folded nodes are hidden. */
function visibleOrder(nodes: ReadonlyMap<string, TreeNode>, rootId: string, folded: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const visit = (id: string) => {
    order.push(id);
    if (folded.has(id)) return;
    for (const child of nodes.get(id)?.childIds ?? []) visit(child);
  };
  visit(rootId);
  return order;
}

/**
 * One pain bucket as an opportunity-solution tree: the bucket, its candidate solutions, and under
 * each the experiments that try to kill it. A WAI-ARIA tree: arrow keys move and fold, Home and End
 * jump, Enter opens a solution.
 */
export function ValidationTree({ node, roundId }: { readonly node: ValidationTreeBucket; readonly roundId: string }) {
  const navigate = useNavigate();
  const rootId = `bucket:${node.bucket.id}`;
  const nodes = useMemo(() => treeNodes(node, roundId), [node, roundId]);
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const [activeId, setActiveId] = useState(rootId);
  const tree = useRef<HTMLUListElement>(null);
  const shouldFocus = useRef(false);
  const order = visibleOrder(nodes, rootId, folded);
  // A node that went away (deleted, or folded out of sight) hands the tab stop back to the root.
  const current = order.includes(activeId) ? activeId : rootId;
  const bucketTitle = node.bucket.title.trim() || 'Untitled bucket';

  useEffect(() => {
    if (!shouldFocus.current) return;
    shouldFocus.current = false;
    const items = tree.current?.querySelectorAll<HTMLElement>('[data-node-id]') ?? [];
    [...items].find((item) => item.dataset.nodeId === current)?.focus();
  }, [current]);

  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    shouldFocus.current = true;
    setActiveId(id);
  };
  const setFold = (id: string, isFolded: boolean) =>
    setFolded((previous) => {
      const next = new Set(previous);
      if (isFolded) next.add(id);
      else next.delete(id);
      return next;
    });

  // A click on a node's own row (not on its children) opens a solution, or folds the bucket.
  const open = (id: string) => {
    const own = nodes.get(id);
    setActiveId(id);
    if (own?.path !== undefined) void navigate(own.path);
    else if ((own?.childIds.length ?? 0) > 0) setFold(id, !folded.has(id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const here = nodes.get(current);
    if (here === undefined) return;
    const index = order.indexOf(current);
    const hasChildren = here.childIds.length > 0;
    const isFolded = folded.has(current);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(order[index + 1]);
        break;
      case 'ArrowUp':
        moveTo(order[index - 1]);
        break;
      case 'Home':
        moveTo(order[0]);
        break;
      case 'End':
        moveTo(order[order.length - 1]);
        break;
      case 'ArrowRight':
        if (hasChildren && isFolded) setFold(current, false);
        else moveTo(here.childIds[0]);
        break;
      case 'ArrowLeft':
        if (hasChildren && !isFolded) setFold(current, true);
        else moveTo(here.parentId);
        break;
      case 'Enter':
        open(current);
        break;
      case ' ':
        if (hasChildren) setFold(current, !isFolded);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const itemProps = (id: string, level: number, label: string) => {
    const own = nodes.get(id);
    const hasChildren = (own?.childIds.length ?? 0) > 0;
    return {
      'data-node-id': id,
      role: 'treeitem',
      'aria-label': label,
      'aria-level': level,
      'aria-expanded': hasChildren ? !folded.has(id) : undefined,
      'aria-selected': id === current,
      tabIndex: id === current ? 0 : -1,
      onFocus: (event: { readonly target: EventTarget; readonly currentTarget: EventTarget }) => {
        if (event.target === event.currentTarget) setActiveId(id);
      },
    } as const;
  };

  return (
    <ul ref={tree} className="vtree" role="tree" aria-label={`Validation tree of ${bucketTitle}`} onKeyDown={onKeyDown}>
      <li {...itemProps(rootId, 1, `${bucketTitle}: ${BUCKET_VERDICT_LABELS[node.verdict]}`)} className="vtree__item vtree__item--bucket">
        <div className="vtree__node vtree__node--bucket" onClick={() => open(rootId)}>
          <span className="vtree__fold" aria-hidden="true">
            {node.solutions.length === 0 ? '' : folded.has(rootId) ? '▸' : '▾'}
          </span>
          <span className="vtree__title">
            {node.bucket.rank === undefined ? '' : `${node.bucket.rank}. `}
            {bucketTitle}
          </span>
          <span className={`badge ${VERDICT_TONE[node.verdict]}`}>{BUCKET_VERDICT_LABELS[node.verdict]}</span>
          {node.bucket.statement.trim() !== '' && <span className="vtree__statement muted">{node.bucket.statement}</span>}
        </div>
        {node.solutions.length > 0 && !folded.has(rootId) && (
          <ul role="group" className="vtree__solutions">
            {node.solutions.map(({ solution, state, experiments }) => {
              const id = `solution:${solution.id}`;
              const title = solution.title.trim() || 'Untitled solution';
              const count = experiments.length === 1 ? '1 experiment' : `${experiments.length} experiments`;
              return (
                <li key={solution.id} {...itemProps(id, 2, `${title}: ${validationStateLabel(state)}, ${count}`)} className="vtree__item vtree__item--solution">
                  <div className="vtree__node vtree__node--solution" data-state={state} onClick={() => open(id)}>
                    <span className="vtree__title">{title}</span>
                    <span className="vtree__facts">
                      <ValidationStateBadge state={state} />
                      <span className="muted">{count}</span>
                    </span>
                  </div>
                  {experiments.length > 0 && !folded.has(id) && (
                    <ul role="group" className="vtree__experiments">
                      {experiments.map(({ experiment, stage }, index) => {
                        const name = `Experiment ${index + 1}${experiment.hypothesis.trim() === '' ? '' : `: ${experiment.hypothesis.trim()}`}`;
                        return (
                        <li key={experiment.id} {...itemProps(`experiment:${experiment.id}`, 3, `${name}: ${EXPERIMENT_STAGE_LABELS[stage]}`)} className="vtree__item vtree__item--experiment">
                          <div className="vtree__node vtree__node--experiment" onClick={() => open(`experiment:${experiment.id}`)}>
                            <span className="vtree__title vtree__title--experiment">{name}</span>
                            <span className={`badge ${STAGE_TONE[stage]}`}>{EXPERIMENT_STAGE_LABELS[stage]}</span>
                          </div>
                        </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </li>
    </ul>
  );
}
