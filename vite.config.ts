import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const apiTarget = process.env['VIRTDECK_DEV_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist/spa', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': { target: apiTarget, ws: true } },
  },
});
