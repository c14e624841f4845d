/**
 * Layer rules (README: Layout): apps -> libs, never back; inside clean-api inward only; the
 * framework-free libraries know no framework; the HTTP contract never reaches into the platform.
 */
const cleanApi = '^apps/clean-api/src';
const frameworks = 'node_modules/(@nestjs|typeorm|pg|pg-copy-streams|pg-query-stream|express|multer|helmet|prom-client|pino)(/|$)';

module.exports = {
  forbidden: [
    { name: 'libs-never-import-apps', severity: 'error', from: { path: '^libs' }, to: { path: '^apps' } },
    { name: 'apps-never-import-each-other', severity: 'error', from: { path: '^apps/([^/]+)/' }, to: { path: '^apps/', pathNot: '^apps/$1/' } },
    {
      name: 'isolation-forest-stands-alone',
      severity: 'error',
      from: { path: '^libs/isolation-forest' },
      to: { path: '^(libs/(?!isolation-forest)|apps|db-seed|csv-generator|launcher)' },
    },
    {
      name: 'errors-and-types-stand-alone',
      comment: 'The error vocabulary and the history types are the bottom layer: they import no other code of ours.',
      severity: 'error',
      from: { path: '^libs/(errors|price-history)/' },
      to: { path: '^(libs|apps|db-seed|csv-generator|launcher)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'framework-free-libs',
      comment: 'Algorithm, policy, CSV rules, errors and types run anywhere: no Nest, no database driver, no HTTP.',
      severity: 'error',
      from: { path: '^libs/(isolation-forest|anomaly-detection|price-csv|errors|price-history)/' },
      to: { path: frameworks },
    },
    {
      name: 'contract-never-imports-platform',
      comment: 'DTOs, routes, response shapes and the error-status table are what clients see; the platform runs them.',
      severity: 'error',
      from: { path: '^libs/http-contract/' },
      to: { path: ['^libs/(platform|database)/', 'node_modules/(@nestjs/(typeorm|terminus|throttler|platform-express)|typeorm|pg|multer|prom-client|pino)(/|$)'] },
    },
    {
      name: 'database-and-broker-know-no-nest',
      comment: 'The database and broker libraries are plain TypeORM, pg and amqplib, usable by the launcher, the seeder, the load generator and benchmarks.',
      severity: 'error',
      from: { path: '^libs/(database|broker)/' },
      to: { path: 'node_modules/@nestjs' },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain knows no framework, no database and no outer layer.',
      severity: 'error',
      from: { path: `${cleanApi}/domain` },
      to: { path: [`${cleanApi}/(use-cases|adapters|entry-points)`, frameworks, '^libs/(database|platform|http-contract)/'] },
    },
    {
      name: 'use-cases-depend-only-on-domain',
      severity: 'error',
      from: { path: `${cleanApi}/use-cases` },
      to: { path: [`${cleanApi}/(adapters|entry-points)`, 'node_modules/(typeorm|pg|express|multer)', '^libs/(database|platform|http-contract)/'] },
    },
    {
      name: 'adapters-and-entry-points-stay-apart',
      severity: 'error',
      from: { path: `${cleanApi}/(adapters|entry-points)` },
      to: { path: `${cleanApi}/(adapters|entry-points)`, pathNot: `${cleanApi}/$1` },
    },
    {
      name: 'console-only-calls-the-api',
      comment: 'The console serves pages whose scripts call the HTTP API: it reaches no data, model or platform code.',
      severity: 'error',
      from: { path: '^libs/console/' },
      to: { path: '^(libs|apps|db-seed|csv-generator|launcher)/', pathNot: '^libs/(console|errors)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'production-code-never-imports-tests', severity: 'error', from: { pathNot: '(\\.spec\\.ts|\\.e2e-spec\\.ts|^test/)' }, to: { path: '(\\.spec\\.ts$|^test/)' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|node_modules/.*\\.d\\.ts)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.cjs', '.json'] },
  },
};
