/** @type {import('next').NextConfig} */
module.exports = {
  poweredByHeader: false,
  reactStrictMode: true,
  // the custom server (server.ts) owns Socket.IO on /socket.io/; no route may match it
};
