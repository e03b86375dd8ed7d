import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineDescription {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  /** Load averages (1, 5, 15 minutes) when the run started: these machines are shared. */
  readonly loadAverage: readonly number[];
}

export function describeMachine(chromiumVersion: string, loadAverage: readonly number[] = loadavg()): MachineDescription {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: loadAverage.map((load) => Math.round(load * 100) / 100),
  };
}
