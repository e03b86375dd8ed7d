import type { Rectangle } from 'electron';
import { z } from 'zod';

export interface WindowState {
  /** Absent when the window should be centred. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

export interface DisplayLayout {
  readonly workAreas: readonly Rectangle[];
  readonly primaryWorkArea: Rectangle;
}

/** Synchronous on purpose: the file is ~100 bytes and the save on 'close' must land before the app quits. */
export interface WindowStateFs {
  readonly readFileSync: (filePath: string, encoding: 'utf8') => string;
  readonly writeFileSync: (filePath: string, data: string, options: { encoding: 'utf8'; flush: boolean }) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (filePath: string, options: { force: boolean }) => void;
}

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(100).max(100_000);
const storedWindowState = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  isMaximized: z.boolean().catch(false),
});

/** Reads stored window state from its JSON text; anything missing, corrupt or implausible gives the defaults. */
export function parseWindowState(text: string): WindowState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const parsed = storedWindowState.safeParse(json);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height, isMaximized } = parsed.data;
  return x === undefined || y === undefined ? { width, height, isMaximized } : { x, y, width, height, isMaximized };
}

function intersectionArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Moves and shrinks a window so it lies inside the display it mostly covers; a window on no
 * current display (monitor unplugged) is centred on the primary one instead.
 */
export function fitToDisplays(state: WindowState, layout: DisplayLayout): WindowState {
  const { isMaximized } = state;
  const centred = (): WindowState => ({
    width: Math.min(state.width, layout.primaryWorkArea.width),
    height: Math.min(state.height, layout.primaryWorkArea.height),
    isMaximized,
  });
  if (state.x === undefined || state.y === undefined) return centred();
  const bounds: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const workArea of layout.workAreas) {
    const area = intersectionArea(bounds, workArea);
    if (area > bestArea) {
      best = workArea;
      bestArea = area;
    }
  }
  if (best === null) return centred();
  const width = Math.min(state.width, best.width);
  const height = Math.min(state.height, best.height);
  return {
    x: clamp(state.x, best.x, best.x + best.width - width),
    y: clamp(state.y, best.y, best.y + best.height - height),
    width,
    height,
    isMaximized,
  };
}

/** Loads the saved window state and fits it to the displays attached now. */
export function loadWindowState(filePath: string, fs: Pick<WindowStateFs, 'readFileSync'>, layout: DisplayLayout): WindowState {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return fitToDisplays(DEFAULT_WINDOW_STATE, layout);
  }
  return fitToDisplays(parseWindowState(text), layout);
}

/** Writes the state to a temp file and renames it over the old one, so a crash never leaves half a file. */
export function saveWindowState(filePath: string, state: WindowState, fs: WindowStateFs): void {
  const tempPath = `${filePath}.tmp`;
  try {
    fs.writeFileSync(tempPath, JSON.stringify(state), { encoding: 'utf8', flush: true });
    fs.renameSync(tempPath, filePath);
  } catch (error) {
    try {
      fs.rmSync(tempPath, { force: true });
    } catch {
      // The write error is the one worth reporting; a stray temp file is overwritten next time.
    }
    throw error;
  }
}

/** The window events and getters the tracker uses; a `BrowserWindow` fits. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

export interface WindowStateTracking {
  readonly save: (state: WindowState) => void;
  readonly onError: (error: unknown) => void;
  readonly delayMs?: number;
}

/** Saves the window's normal (un-maximized) bounds shortly after it moves or resizes, and at once when it closes. */
export function trackWindowState(
  window: TrackedWindow,
  { save, onError, delayMs = 500 }: WindowStateTracking,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const { x, y, width, height } = window.getNormalBounds();
    try {
      save({ x, y, width, height, isMaximized: window.isMaximized() });
    } catch (error) {
      // Window geometry is a convenience: failing to store it must not break moving or closing.
      onError(error);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', saveNow);
}
