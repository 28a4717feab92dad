import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app is served by billcycle's own server on the API's origin (packages/server/src/http/web-app.ts).
 * `npm run dev -w @billcycle/web` proxies the API to a server started with `npm start` on port 3000.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/openapi.json": "http://127.0.0.1:3000",
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
});
