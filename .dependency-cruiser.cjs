/** Layer rules of ../shared/ARCHITECTURE.md: apps -> libs, never back; inside clean-api inward only. */
const cleanApi = '^apps/clean-api/src';

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
      name: 'domain-is-pure',
      comment: 'The domain knows no framework, no database and no outer layer.',
      severity: 'error',
      from: { path: `${cleanApi}/domain` },
      to: { path: [`${cleanApi}/(use-cases|adapters|entry-points)`, 'node_modules/(@nestjs|typeorm|pg|express|multer)'] },
    },
    {
      name: 'use-cases-depend-only-on-domain',
      severity: 'error',
      from: { path: `${cleanApi}/use-cases` },
      to: { path: [`${cleanApi}/(adapters|entry-points)`, 'node_modules/(typeorm|pg|express|multer)', '^libs/database'] },
    },
    {
      name: 'adapters-and-entry-points-stay-apart',
      severity: 'error',
      from: { path: `${cleanApi}/(adapters|entry-points)` },
      to: { path: `${cleanApi}/(adapters|entry-points)`, pathNot: `${cleanApi}/$1` },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'production-code-never-imports-tests', severity: 'error', from: { pathNot: '(\\.spec\\.ts|\\.e2e-spec\\.ts|^test/)' }, to: { path: '(\\.spec\\.ts$|^test/)' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist|node_modules/.*\\.d\\.ts)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.cjs', '.json'] },
  },
};
