// Words the generated workspaces are made of: what infrastructure and platform teams hear from
// their internal users. The benchmark's search queries (search-queries.ts) are drawn from them.

export const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Anders', 'Ananya', 'Arjun', 'Astrid', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dario',
  'Deepa', 'Diego', 'Dmitri', 'Elena', 'Emeka', 'Emma', 'Farah', 'Fatima', 'Felix', 'Freya', 'Gabriel', 'Grace', 'Hana',
  'Hassan', 'Ingrid', 'Isabel', 'Ivan', 'Jamal', 'James', 'Jia', 'Joao', 'Jonas', 'Julia', 'Kai', 'Kenji', 'Kofi', 'Lars',
  'Layla', 'Leila', 'Liam', 'Lina', 'Lucia', 'Mai', 'Marco', 'Maria', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Nikhil',
  'Nina', 'Noah', 'Olu', 'Omar', 'Paolo', 'Priya', 'Rafael', 'Rahul', 'Ravi', 'Rosa', 'Ruth', 'Sadia', 'Samuel', 'Sara',
  'Sean', 'Sofia', 'Sven', 'Tariq', 'Tomas', 'Uma', 'Valentina', 'Victor', 'Wei', 'Xin', 'Yara', 'Yusuf', 'Zanele', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Abara', 'Adeyemi', 'Almeida', 'Andersson', 'Banerjee', 'Becker', 'Bianchi', 'Brennan', 'Castillo', 'Chatterjee', 'Chen',
  'Costa', 'Dahl', 'Das', 'Dubois', 'Eriksen', 'Farouk', 'Ferreira', 'Fischer', 'Garcia', 'Gomez', 'Gupta', 'Haddad', 'Hansen',
  'Hoffmann', 'Hussain', 'Ibrahim', 'Ito', 'Jansen', 'Johansson', 'Kapoor', 'Kato', 'Kim', 'Kowalski', 'Kumar', 'Larsen',
  'Lee', 'Lindqvist', 'Lopez', 'Mahlangu', 'Martin', 'Mendes', 'Meyer', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen', 'Novak',
  'Nowak', 'Obi', 'Okafor', 'Olsen', 'Park', 'Patel', 'Petrov', 'Popescu', 'Qureshi', 'Rao', 'Reyes', 'Rossi', 'Sato',
  'Schmidt', 'Silva', 'Singh', 'Smith', 'Sokolov', 'Suzuki', 'Tanaka', 'Torres', 'Tran', 'Van Dijk', 'Vargas', 'Wagner',
  'Wang', 'Weber', 'Wilson', 'Wright', 'Yamamoto', 'Yilmaz', 'Zhang', 'Zimmermann',
] as const;

export const ROLES = [
  'Backend engineer', 'Frontend engineer', 'Data engineer', 'ML engineer', 'SRE', 'Engineering manager', 'Product manager',
  'Staff engineer', 'Principal engineer', 'Mobile engineer', 'Security engineer', 'QA engineer', 'Data scientist',
  'Technical writer', 'Director of engineering', 'Analyst',
] as const;

export const ORGANISATIONS = [
  'Payments', 'Checkout', 'Search & Discovery', 'Identity', 'Risk', 'Growth', 'Marketplace', 'Logistics', 'Data Platform',
  'Mobile', 'Customer Support Tools', 'Finance Systems', 'Ads', 'Trust & Safety', 'Pricing', 'Merchant Tools', 'Notifications',
  'Analytics', 'Machine Learning', 'Internal Tools', 'Security', 'Developer Experience',
] as const;

export const TEAM_PREFIXES = [
  'api', 'web', 'ios', 'android', 'ledger', 'fraud', 'ranking', 'catalog', 'routing', 'billing', 'auth', 'onboarding',
  'reporting', 'pipeline', 'experiments', 'messaging', 'inventory', 'settlement', 'recommendations', 'storage',
] as const;

export const TEAM_SUFFIXES = ['core', 'platform', 'squad', 'guild', 'crew', 'foundations'] as const;

export const PEER_COMPANIES = [
  'Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Stark Logistics', 'Wayne Retail', 'Acme Travel',
  'Tyrell Bank', 'Cyberdyne Health', 'Soylent Foods', 'Vandelay Imports', 'Pied Piper', 'Massive Dynamic',
] as const;

export const CLOUD_VENDORS = ['AWS', 'Azure', 'Google Cloud', 'Cloudflare', 'Fastly', 'Datadog', 'Snowflake', 'MongoDB Atlas'] as const;

export const VENDOR_OFFERINGS = [
  'managed Kubernetes', 'serverless containers', 'managed Postgres', 'managed Kafka', 'secrets manager', 'feature flag service',
  'hosted CI runners', 'artifact registry', 'observability suite', 'log analytics', 'service mesh', 'edge functions',
  'managed Redis', 'workflow orchestration', 'cost explorer', 'identity federation',
] as const;

export const OPEN_SOURCE_PROJECTS = [
  'Backstage', 'Argo CD', 'Flux', 'Crossplane', 'OpenTelemetry', 'Prometheus', 'Grafana', 'Thanos', 'Temporal', 'Dagger',
  'Bazel', 'Buildkite agent', 'Renovate', 'OpenFeature', 'Keda', 'Karpenter', 'Cilium', 'Linkerd', 'Vault', 'Terragrunt',
  'Pulumi', 'Tekton', 'Jaeger', 'Vector', 'Loki',
] as const;

export const OPEN_SOURCE_LICENCES = ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'MPL-2.0', 'AGPL-3.0', 'BUSL-1.1'] as const;

export const RESEARCH_VENUES = ['SREcon', 'USENIX ATC', 'OSDI', 'KubeCon', 'ICSE', 'QCon', 'Monitorama', 'DevOpsDays', 'ACM Queue', 'DORA report'] as const;

export const SYSTEMS = [
  'Kubernetes cluster', 'Kubernetes upgrade', 'CI pipeline', 'build cache', 'deploy pipeline', 'Terraform modules',
  'Terraform drift', 'Postgres failover', 'Postgres replicas', 'Kafka consumers', 'Kafka lag', 'Grafana dashboards',
  'Grafana alerts', 'observability stack', 'tracing', 'log retention', 'secrets rotation', 'service mesh', 'feature flags',
  'artifact registry', 'container images', 'on-call rota', 'incident tooling', 'cost dashboard', 'staging environment',
  'preview environments', 'test runners', 'flaky tests', 'dependency updates', 'self-service onboarding', 'service catalog',
  'load balancers', 'DNS changes', 'certificate renewal', 'backup restores', 'data warehouse', 'batch jobs', 'cron scheduler',
  'queue workers', 'API gateway', 'rate limiting', 'deploy freeze', 'release train', 'golden paths', 'developer portal',
  'SLA uptime', 'latency p99', 'error budgets', 'autoscaling', 'spot instances',
] as const;

export const PROBLEMS = [
  'is slow on Mondays', 'takes forty minutes end to end', 'fails without a useful error', 'needs a ticket to another team',
  'is undocumented', 'flakes about once a day', 'costs more than anyone expected', 'needs three manual steps',
  'breaks after every upgrade', 'hides the real error in the logs', 'pages the wrong person', 'has no owner',
  'cannot be tested locally', 'drifts from what is in git', 'times out under load', 'is copied by hand between regions',
  'blocks releases on Fridays', 'needs a senior engineer to debug', 'is fine until the quarter-end peak',
  'has alerts nobody reads', 'gives different results in staging', 'is not self-service',
] as const;

export const WISHES = [
  'a single place to see who owns what', 'faster feedback on pull requests', 'one command to get a preview environment',
  'alerts that link to a runbook', 'a dashboard per service out of the box', 'automatic dependency updates that do not break',
  'a paved road for new services', 'cheaper non-production environments', 'safer database migrations',
  'clear SLAs for the shared platform', 'better defaults for autoscaling', 'a way to replay production traffic',
  'cost per team, every week', 'secrets that rotate themselves', 'rollbacks in one click', 'fewer tools, better documented',
] as const;

export const SITUATIONS = [
  'during the last incident', 'when onboarding new hires', 'at the end of each sprint', 'before every big launch',
  'after the reorg', 'when traffic spikes', 'during the migration', 'on call at night', 'in the quarterly planning',
  'when a dependency changes', 'for every hotfix', 'when the data team runs backfills',
] as const;

export const METRICS = ['availability', 'p99 latency', 'p95 latency', 'error rate', 'time to restore', 'build time', 'deploy lead time', 'queue delay', 'freshness'] as const;

export const SLA_SERVICES = [
  'CI runners', 'artifact registry', 'shared Postgres', 'Kafka platform', 'Kubernetes control plane', 'service mesh',
  'secrets manager', 'observability platform', 'feature flag service', 'deploy pipeline', 'DNS', 'object storage',
] as const;

export const TAGS = [
  'ci', 'cd', 'kubernetes', 'terraform', 'postgres', 'kafka', 'observability', 'alerting', 'on-call', 'cost', 'security',
  'secrets', 'onboarding', 'docs', 'developer-experience', 'latency', 'reliability', 'capacity', 'autoscaling', 'testing',
  'flaky-tests', 'build-speed', 'deploys', 'rollbacks', 'migrations', 'data', 'batch', 'streaming', 'networking', 'dns',
  'certificates', 'compliance', 'access', 'self-service', 'golden-path', 'service-catalog', 'ownership', 'incidents',
  'runbooks', 'slo', 'sla', 'error-budget', 'staging', 'preview-envs', 'local-dev', 'dependencies', 'supply-chain',
  'containers', 'images', 'registry', 'mesh', 'gateway', 'rate-limits', 'caching', 'storage', 'backups', 'disaster-recovery',
  'multi-region', 'tooling', 'tickets', 'toil', 'automation', 'feature-flags', 'experiments', 'mobile', 'frontend',
  'backend', 'ml-infra', 'gpu', 'warehouse', 'lineage', 'privacy', 'audit', 'quota', 'spend', 'vendor', 'open-source',
  'paper', 'talk', 'trend', 'peer', 'workshop', 'survey', 'follow-up', 'quick-win', 'long-term', 'platform-api', 'cli',
  'portal', 'templates', 'upgrade', 'deprecation', 'performance', 'debugging', 'tracing', 'logs', 'metrics', 'dashboards',
] as const;

export const HEADINGS = ['Context', 'What they said', 'What hurts', 'What they tried', 'Ideas', 'Follow-ups', 'Open questions', 'Notes'] as const;

export const LINK_HOSTS = ['https://example.com', 'https://docs.example.org', 'https://github.com/example', 'https://papers.example.net'] as const;
