// Importing the validated environment makes a bad or missing variable fail
// `next build` and `next start` with a message naming it.
import "./env.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg is a Node driver; bundling it gains nothing and breaks its optional native binding lookup.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
