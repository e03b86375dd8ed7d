import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_KEY } from '../../shared/ipc/channels';
import { createDesktopApi } from './create-desktop-api';

// Only the named verbs cross the bridge; ipcRenderer and its event objects stay in the preload.
contextBridge.exposeInMainWorld(
  DESKTOP_API_KEY,
  createDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
