import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Where the error happened, shown to the user ("the Discovery section"). */
  readonly place: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Catches a crash in one part of the screen so the rest of the app keeps working. Nothing is
 * written here: data already saved stays saved, and "Try again" re-renders from the database.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Error in ${this.props.place}:`, error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h2 className="crash__title">Something went wrong in {this.props.place}</h2>
        <p>
          Your data is safe: everything that showed as saved is stored on this device, and nothing was deleted. The rest of
          the app still works.
        </p>
        <details className="crash__details">
          <summary>What went wrong</summary>
          <pre>{error.stack ?? error.message}</pre>
        </details>
        <div className="crash__actions">
          <button type="button" className="button button--primary" onClick={this.reset}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the app
          </button>
        </div>
      </div>
    );
  }
}
