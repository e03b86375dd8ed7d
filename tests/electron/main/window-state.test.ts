import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type DisplayLayout,
  type WindowState,
  type WindowStateFs,
} from '../../../electron/main/window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const secondary = { x: 1920, y: 0, width: 1280, height: 984 };
const layout: DisplayLayout = { workAreas: [primary, secondary], primaryWorkArea: primary };
const laptopOnly: DisplayLayout = { workAreas: [{ x: 0, y: 0, width: 1280, height: 760 }], primaryWorkArea: { x: 0, y: 0, width: 1280, height: 760 } };

function memoryFs(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const fs = {
    readFileSync: vi.fn((filePath: string): string => {
      const text = files.get(filePath);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
      return text;
    }),
    writeFileSync: vi.fn((filePath: string, data: string) => {
      files.set(filePath, data);
    }),
    renameSync: vi.fn((from: string, to: string) => {
      const text = files.get(from);
      if (text === undefined) throw new Error(`ENOENT: ${from}`);
      files.set(to, text);
      files.delete(from);
    }),
    rmSync: vi.fn((filePath: string) => {
      files.delete(filePath);
    }),
  } satisfies WindowStateFs;
  return { fs, files };
}

describe('parseWindowState', () => {
  it('reads a complete state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"isMaximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      isMaximized: true,
    });
  });

  it.each([
    ['empty file', ''],
    ['truncated JSON', '{"x":10,"y":2'],
    ['not an object', '[1,2,3]'],
    ['null', 'null'],
    ['strings for numbers', '{"width":"1000","height":"700"}'],
    ['NaN-like huge values', '{"width":1e308,"height":700}'],
    ['negative size', '{"width":-5,"height":700}'],
    ['fractional size', '{"width":1000.5,"height":700}'],
    ['missing height', '{"width":1000}'],
  ])('falls back to the defaults for %s', (_name, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('defaults to 1280x820, centred, not maximized', () => {
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1280, height: 820, isMaximized: false });
  });

  it('centres a state that has only one coordinate', () => {
    expect(parseWindowState('{"x":10,"width":1000,"height":700}')).toEqual({ width: 1000, height: 700, isMaximized: false });
  });

  it('treats a broken isMaximized as false', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":1000,"height":700,"isMaximized":"yes"}').isMaximized).toBe(false);
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    const state: WindowState = { x: 100, y: 100, width: 1000, height: 700, isMaximized: false };
    expect(fitToDisplays(state, layout)).toEqual(state);
  });

  it('keeps a window on the second display', () => {
    const state: WindowState = { x: 2000, y: 50, width: 1000, height: 700, isMaximized: true };
    expect(fitToDisplays(state, layout)).toEqual(state);
  });

  it('centres a window whose display was unplugged', () => {
    const state: WindowState = { x: 2000, y: 50, width: 1000, height: 700, isMaximized: false };
    expect(fitToDisplays(state, laptopOnly)).toEqual({ width: 1000, height: 700, isMaximized: false });
  });

  it('pulls a window hanging off the edge back inside the work area', () => {
    const state: WindowState = { x: -300, y: 900, width: 1000, height: 700, isMaximized: false };
    expect(fitToDisplays(state, layout)).toEqual({ x: 0, y: 340, width: 1000, height: 700, isMaximized: false });
  });

  it('shrinks a window larger than its display', () => {
    const state: WindowState = { x: 0, y: 0, width: 3000, height: 2000, isMaximized: false };
    expect(fitToDisplays(state, laptopOnly)).toEqual({ x: 0, y: 0, width: 1280, height: 760, isMaximized: false });
  });

  it('shrinks the defaults to a small primary display', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, laptopOnly)).toEqual({ width: 1280, height: 760, isMaximized: false });
  });
});

describe('loadWindowState', () => {
  it('uses the defaults when the file is missing', () => {
    const { fs } = memoryFs();
    expect(loadWindowState('/data/window-state.json', fs, layout)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('uses the defaults when the file is corrupt', () => {
    const { fs } = memoryFs({ '/data/window-state.json': '\u0000\u0000garbage' });
    expect(loadWindowState('/data/window-state.json', fs, layout)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips a saved state', () => {
    const { fs } = memoryFs();
    const state: WindowState = { x: 50, y: 60, width: 1100, height: 800, isMaximized: true };
    saveWindowState('/data/window-state.json', state, fs);
    expect(loadWindowState('/data/window-state.json', fs, layout)).toEqual(state);
  });
});

describe('saveWindowState', () => {
  it('writes a temp file and renames it over the real one', () => {
    const { fs, files } = memoryFs({ '/data/window-state.json': '{"old":true}' });
    saveWindowState('/data/window-state.json', { width: 900, height: 600, isMaximized: false }, fs);
    expect(fs.writeFileSync).toHaveBeenCalledWith('/data/window-state.json.tmp', expect.any(String), { encoding: 'utf8', flush: true });
    expect(fs.renameSync).toHaveBeenCalledWith('/data/window-state.json.tmp', '/data/window-state.json');
    expect(fs.writeFileSync).not.toHaveBeenCalledWith('/data/window-state.json', expect.anything(), expect.anything());
    expect(JSON.parse(files.get('/data/window-state.json') ?? '')).toEqual({ width: 900, height: 600, isMaximized: false });
    expect(files.has('/data/window-state.json.tmp')).toBe(false);
  });

  it('leaves the previous file intact and removes the temp file when the write fails', () => {
    const { fs, files } = memoryFs({ '/data/window-state.json': '{"width":1000,"height":700}' });
    fs.writeFileSync.mockImplementationOnce((filePath: string) => {
      files.set(filePath, '{"wid');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => saveWindowState('/data/window-state.json', { width: 900, height: 600, isMaximized: false }, fs)).toThrow(/ENOSPC/);
    expect(files.get('/data/window-state.json')).toBe('{"width":1000,"height":700}');
    expect(files.has('/data/window-state.json.tmp')).toBe(false);
  });
});

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeWindow() {
    const bounds = { x: 10, y: 20, width: 1000, height: 700 };
    let isMaximized = false;
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ ...bounds }),
      isMaximized: () => isMaximized,
    });
    return {
      window,
      moveTo(x: number, y: number) {
        Object.assign(bounds, { x, y });
        window.emit('move');
      },
      maximize() {
        isMaximized = true;
        window.emit('maximize');
      },
    };
  }

  it('saves once, after moves settle', () => {
    const { window, moveTo } = fakeWindow();
    const save = vi.fn();
    trackWindowState(window, { save, onError: vi.fn(), delayMs: 500 });
    moveTo(11, 20);
    moveTo(12, 20);
    vi.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    moveTo(13, 20);
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 13, y: 20, width: 1000, height: 700, isMaximized: false });
  });

  it('saves the normal bounds and the maximized flag', () => {
    const { window, maximize } = fakeWindow();
    const save = vi.fn();
    trackWindowState(window, { save, onError: vi.fn() });
    maximize();
    vi.runAllTimers();
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 10, y: 20, width: 1000, height: 700, isMaximized: true });
  });

  it('saves at once on close and drops the pending save', () => {
    const { window, moveTo } = fakeWindow();
    const save = vi.fn();
    trackWindowState(window, { save, onError: vi.fn() });
    moveTo(30, 40);
    window.emit('close');
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 30, y: 40, width: 1000, height: 700, isMaximized: false });
    vi.runAllTimers();
    expect(save).toHaveBeenCalledOnce();
  });

  it('reports a failed save instead of throwing out of the close event', () => {
    const { window } = fakeWindow();
    const error = new Error('EACCES');
    const onError = vi.fn();
    trackWindowState(window, {
      save: () => {
        throw error;
      },
      onError,
    });
    expect(() => window.emit('close')).not.toThrow();
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
  });
});
