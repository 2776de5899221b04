const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The same list the API router of server.ts sends.
const { securityHeaders } = require("./lib/security-headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // native SQLite driver: load it from node_modules at run time instead of bundling it
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
