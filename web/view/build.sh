#!/usr/bin/env bash
# Builds the asset `query view` embeds: the pinned cytoscape from the npm
# registry, copied with its licence into internal/render/view. The result
# is committed, so the Go build never needs Node.js; run this only to
# change the library's version (package.json), then commit the result.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-package-lock >/dev/null
dest=../../internal/render/view
cp node_modules/cytoscape/dist/cytoscape.min.js "$dest/cytoscape.min.js"
cp node_modules/cytoscape/LICENSE "$dest/LICENSE-cytoscape"
v=$(node -p 'require("./node_modules/cytoscape/package.json").version')
echo "$v" > "$dest/cytoscape.version"
echo "cytoscape $v -> $dest"
