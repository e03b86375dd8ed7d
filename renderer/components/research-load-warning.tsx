/** Non-blocking warnings that asking these people again goes over the research budget. */
export function ResearchLoadWarning({ warnings, context }: { readonly warnings: readonly string[]; readonly context?: string }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice--warning research-warning" role="status" aria-label="Research load warning">
      <strong>Research budget reached{context ? `: ${context} goes over it` : ''}.</strong>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
