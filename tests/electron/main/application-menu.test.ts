import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/application-menu';

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || item.role === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function rolesOf(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => (item.role === undefined ? [] : [item.role]));
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('applicationMenuTemplate on macOS', () => {
  const template = applicationMenuTemplate('darwin', 'Discovery Desk');

  it('starts with the app menu', () => {
    expect(template[0]?.label).toBe('Discovery Desk');
    expect(rolesOf(submenuOf(template, 'Discovery Desk'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('closes windows from File and quits from the app menu', () => {
    expect(rolesOf(submenuOf(template, 'File'))).toEqual(['close']);
  });

  it('has the macOS Window menu', () => {
    expect(rolesOf(submenuOf(template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('has no Help menu pointing at the network', () => {
    expect(template.map((item) => item.label ?? item.role)).toEqual(['Discovery Desk', 'File', 'Edit', 'View', 'Window']);
  });
});

describe.each(['linux', 'win32'] as const)('applicationMenuTemplate on %s', (platform) => {
  const template = applicationMenuTemplate(platform, 'Discovery Desk');

  it('has no app menu and quits from File', () => {
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(rolesOf(submenuOf(template, 'File'))).toEqual(['quit']);
  });

  it('has Window and Help menus without macOS-only roles', () => {
    expect(rolesOf(submenuOf(template, 'Window'))).toEqual(['minimize', 'close']);
    expect(rolesOf(submenuOf(template, 'help'))).toEqual(['about']);
  });
});

describe.each(['darwin', 'linux', 'win32'] as const)('applicationMenuTemplate shared menus on %s', (platform) => {
  const template = applicationMenuTemplate(platform, 'Discovery Desk');

  it('has the standard Edit roles', () => {
    expect(rolesOf(submenuOf(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
  });

  it('has the standard View roles', () => {
    expect(rolesOf(submenuOf(template, 'View'))).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('uses roles only: no click handlers and no links', () => {
    for (const item of allItems(template)) {
      expect(item.click).toBeUndefined();
      if (item.submenu === undefined && item.type !== 'separator') expect(item.role).toBeDefined();
    }
  });
});
