// Webpack in the shape of the official Office add-in template: entries for the task pane, the
// ribbon command and its notice dialog, and the browser page (index.html at the root of dist/).
// A production build rewrites the manifest's URLs for the deployment given in ADDIN_URL.
const path = require("node:path");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { rewriteManifestUrls } = require("./scripts/manifest-url");

/** HTTPS for the dev server: Office's trusted dev certificates where the platform has them, else webpack's own self-signed one. */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (e) {
    console.warn(
      `office-addin-dev-certs: ${e.message.split("\n")[0]}; using a self-signed certificate (see README: HTTPS).`,
    );
    return "https";
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const page = (name, template, chunks, filename = `${name}.html`) =>
    new HtmlWebpackPlugin({ filename, template, chunks, inject: "body", scriptLoading: "defer" });
  return {
    // No eval-based source maps: the pages' Content-Security-Policy allows no eval, in development too.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
      ...(fs.existsSync("./src/web/index.tsx") ? { web: "./src/web/index.tsx" } : {}),
    },
    // globalThis for webpack's own runtime: no `new Function("return this")` fallback (the pages' CSP forbids eval).
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      environment: { globalThis: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, path: false, stream: false, crypto: false } },
    module: {
      rules: [
        {
          test: /\.m?js$/,
          include: /node_modules/,
          enforce: "pre",
          use: path.resolve(__dirname, "scripts/no-eval-loader.js"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      page("notice", "./src/commands/notice.html", ["notice"]),
      ...(fs.existsSync("./src/web/index.html") ? [page("web", "./src/web/index.html", ["web"], "index.html")] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "examples/huyen-binh-gia.xlsx", to: "examples/huyen-binh-gia.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production && process.env.ADDIN_URL
                ? rewriteManifestUrls(content.toString(), process.env.ADDIN_URL)
                : content,
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await httpsServer(),
      port: Number(process.env.PORT || 3000),
      host: "localhost",
      hot: false,
      client: { overlay: false },
    },
  };
};
