import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_PORT, parseTeamCli } from '../../../server/team/team-cli';

describe('team server command line', () => {
  it('defaults to 127.0.0.1:5190 and ./team-data, and reads every option', () => {
    expect(parseTeamCli([])).toMatchObject({ host: '127.0.0.1', port: DEFAULT_TEAM_PORT, postgresUrl: undefined, redisUrl: undefined });
    expect(parseTeamCli([]).dataDir).toMatch(/team-data$/);
    expect(parseTeamCli(['--port', '6000', '--host', '0.0.0.0', '--data', '/srv/team', '--postgres', 'postgres://db/team', '--redis', 'redis://r:6379', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toEqual({
      host: '0.0.0.0',
      port: 6000,
      dataDir: '/srv/team',
      postgresUrl: 'postgres://db/team',
      redisUrl: 'redis://r:6379',
      tlsCertFile: 'c.pem',
      tlsKeyFile: 'k.pem',
    });
  });

  it('refuses wrong options with a plain message', () => {
    expect(() => parseTeamCli(['--port', 'abc'])).toThrow(/--port must be a number/);
    expect(() => parseTeamCli(['--tls-cert', 'c.pem'])).toThrow(/both --tls-cert and --tls-key/);
    expect(() => parseTeamCli(['--redis', 'redis://r'])).toThrow(/--redis needs --postgres/);
    expect(() => parseTeamCli(['--colour'])).toThrow(/Options: --port N/);
  });
});
