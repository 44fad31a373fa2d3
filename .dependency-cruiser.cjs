/**
 * Module rules (ARCHITECTURE.md "Layers" and "Adding a module"), checked by `npm run lint`.
 * Each rule's comment says what to do instead; `npx depcruise src` prints it on a violation.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-imports-server',
      severity: 'error',
      comment:
        'The web app must not import server code. Share types and rules through src/domain, and talk to the server over the HTTP API.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'domain-imports-app',
      severity: 'error',
      comment:
        'The domain must not import server or web code. Move the shared piece into src/domain, or pass it in as an argument.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'domain-imports-node',
      severity: 'error',
      comment:
        'The domain stays isomorphic: no Node built-ins, SQL or UI packages. Do the I/O in src/server (or src/web) and hand plain values to the domain.',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'domain-imports-io-packages',
      severity: 'error',
      comment:
        'The domain stays isomorphic: no Node built-ins, SQL or UI packages. Do the I/O in src/server (or src/web) and hand plain values to the domain.',
      from: { path: '^src/domain/' },
      to: {
        // resolved (node_modules/…) or not (the bare name)
        path: '(^|/node_modules/)(pg|drizzle-orm|@electric-sql|fastify|@fastify|react|react-dom|@mantine)(/|$)',
      },
    },
    {
      name: 'cross-module-routes',
      severity: 'error',
      comment:
        "Another module's *.routes.ts is its HTTP surface, not an API. Import its *.queries.ts (scoped loaders), *.scope.ts, *.policy.ts or src/domain instead; wire cross-module contributions in a composition root (src/server/composition/).",
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/.*[.]routes[.]ts$',
        pathNot: '^src/server/modules/$1/',
      },
    },
    {
      name: 'cross-module-internals',
      severity: 'error',
      comment:
        'Another module is reached only through its *.queries.ts, *.scope.ts or *.policy.ts (or src/domain). Move what you need into one of those files of that module (or into src/server/platform if it belongs to no module).',
      // tests and their fixtures may build on another module's fixtures
      from: { path: '^src/server/modules/([^/]+)/', pathNot: '[.](test|fixtures)[.]ts$' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: [
          '^src/server/modules/$1/',
          '[.](queries|scope|policy|service)[.]ts$',
          // reported by cross-module-routes
          '[.]routes[.]ts$',
          // a later module's demo builds on an earlier one's
          '/demo/',
        ],
      },
    },
    {
      name: 'registry-imports-later-module',
      severity: 'error',
      comment:
        "The registry comes first: it must not import protection (or any later module). Define the contribution's shape in the registry (e.g. TimelineSource, PersonPageParts), implement it in the later module, and list it in the composition root (src/server/composition/, src/web/app/contributions/).",
      from: { path: '^src/(server/modules|web/features)/registry/' },
      to: {
        path: '^src/(server/modules|web/features)/(protection|supplies|health|returns|partners|reporting)/',
      },
    },
    {
      name: 'directory-imports-later-module',
      severity: 'error',
      comment:
        'The directory comes before the registry and protection: it must not import them. Give the directory page a slot (e.g. RecordSection in src/web/features/directory/contributions.ts), implement it in the later module, and list it in the composition root (src/web/app/contributions/).',
      from: { path: '^src/(server/modules|web/features)/directory/' },
      to: {
        path: '^src/(server/modules|web/features)/(registry|protection|supplies|health|returns|partners|reporting)/',
      },
    },
    {
      name: 'protection-imports-later-module',
      severity: 'error',
      comment:
        'Modules come in order (directory, registry, protection, supplies, health, returns, partners, reporting): protection must not import a later one. Give the page or list a slot, implement it in the later module, and list it in a composition root.',
      from: { path: '^src/(server/modules|web/features)/protection/' },
      to: { path: '^src/(server/modules|web/features)/(supplies|health|returns|partners|reporting)/' },
    },
    {
      name: 'supplies-imports-later-module',
      severity: 'error',
      comment:
        'Modules come in order (directory, registry, protection, supplies, health, returns, partners, reporting): supplies must not import a later one (health dispenses through the supplies ledger, not the reverse). Give it a slot and list the contribution in a composition root.',
      from: { path: '^src/(server/modules|web/features)/supplies/' },
      to: { path: '^src/(server/modules|web/features)/(health|returns|partners|reporting)/' },
    },
    {
      name: 'health-imports-later-module',
      severity: 'error',
      comment:
        'Modules come in order (directory, registry, protection, supplies, health, returns, partners, reporting): health must not import a later one (returns reads fitness to travel from health, not the reverse). Give it a slot and list the contribution in a composition root.',
      from: { path: '^src/(server/modules|web/features)/health/' },
      to: { path: '^src/(server/modules|web/features)/(returns|partners|reporting)/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Import cycle. Move the shared piece to a lower file (a *.queries.ts, src/server/platform, src/web/components or src/domain), or have a composition root pass it in.',
      from: { path: '^src/(server|web)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
