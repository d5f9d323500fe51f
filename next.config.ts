import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
// Only /embed/* may be framed (the iframe fallback of the web component); everything else refuses.
const refuseFraming = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];
const allowFraming = [{ key: "Content-Security-Policy", value: "frame-ancestors *" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Server actions carry data files (MAX_UPLOAD_MB, at most 50 MB, plus multipart overhead).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "52mb" } },
  sassOptions: { silenceDeprecations: ["import", "global-builtin"], quietDeps: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // every path except /embed and /embed/…
      { source: "/", headers: refuseFraming },
      { source: "/:path((?!embed(?:/|$)).*)", headers: refuseFraming },
      { source: "/embed/:path*", headers: allowFraming },
    ];
  },
};

export default nextConfig;
