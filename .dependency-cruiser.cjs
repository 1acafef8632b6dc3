// The layers of src/lib, lowest first: a folder may import its own layer's folder and any
// lower one, never a higher one or a sibling of its own rank. With no cycles between files,
// this keeps the folders a one-way stack (README, "Where things live"). Run by `npm run lint`.
const RANKS = {
  model: 0,
  util: 0,
  slide: 0,
  schedule: 1,
  pwa: 1,
  capture: 2,
  export: 2,
  demo: 2,
  read: 2,
  sync: 3,
  db: 4,
  conference: 5,
};

const folders = Object.keys(RANKS);
const layering = folders.map((from) => ({
  name: `layers-${from}`,
  comment: `src/lib/${from} may import only folders of a lower layer (see RANKS)`,
  severity: 'error',
  from: { path: `^src/lib/${from}/` },
  to: {
    path: `^src/lib/(${folders
      .filter((to) => to !== from && RANKS[to] >= RANKS[from])
      .join('|')})/`,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no file may reach itself through its imports (type imports included)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-below-ui',
      comment:
        'src/lib is plain TypeScript: it never imports the screens, workers or service worker',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(ui|workers|sw)/|\\.svelte$' },
    },
    ...layering,
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.svelte$' },
  },
};
