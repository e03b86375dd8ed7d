import { Component, type ReactNode } from 'react';
import { logUnexpectedError } from '../errors/error-log';

interface ErrorBoundaryProps {
  /** Where the error happened, shown to the user ("the Discovery section"). */
  readonly place: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly hasError: boolean;
}

/**
 * Catches a crash in one part of the screen so the rest of the app keeps working. Nothing is
 * written here: data already saved stays saved, and "Try again" re-renders from the database.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { hasError: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { hasError: true };
  }

  override componentDidCatch(error: unknown): void {
    // The exception's text goes to the local log, never onto the screen.
    logUnexpectedError(error, `showing ${this.props.place}`);
  }

  private readonly reset = () => this.setState({ hasError: false });

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h2 className="crash__title">Something went wrong in {this.props.place}</h2>
        <p>
          Your data is safe: everything that showed as saved is stored on this device, and nothing was deleted. The rest of
          the app still works.
        </p>
        <p className="muted">Try again, or reload the app. If it keeps happening, Settings › Local log has the details to report.</p>
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
