// Rewrites the manifest's development URLs (https://localhost:3000) for a deployment URL.
const DEV_URL = "https://localhost:3000";

/** @param {string} manifest @param {string} deployUrl e.g. https://tc8.example.vn/addin */
function rewriteManifestUrls(manifest, deployUrl) {
  const base = deployUrl.replace(/\/+$/, "");
  if (!/^https:\/\//.test(base)) throw new Error(`ADDIN_URL must be an https:// URL, got ${deployUrl}`);
  return manifest.split(DEV_URL).join(base);
}

module.exports = { DEV_URL, rewriteManifestUrls };
