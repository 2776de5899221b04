/**
 * The response headers of every page and API answer. One list for both doors: next.config.js
 * (pages, anything Next serves) and the API router of server.ts (which Next never sees).
 * CommonJS so next.config.js can require it as it is.
 */
const isDev = process.env.NODE_ENV !== "production";

/**
 * A policy the app passes as built: Next's hydration data are inline scripts, so script-src needs
 * 'unsafe-inline' (nonces would make every page dynamic); the development server also evaluates
 * code for fast refresh. Everything else is this origin only, and nothing may frame the app.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** @type {{ key: string; value: string }[]} */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
];

module.exports = { securityHeaders };
